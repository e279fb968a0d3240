"""The Chainlit app: a thin chat page over the Python API (`digest serve`).

    chainlit run assistant/ui.py        # from the repository root (the Chainlit app root)

Everything that decides anything (condensing, retrieval, answering, citation checks) is the
`Assistant`'s; this module only shows it:

- each answer streams token by token in LLM mode and appears at once in extractive mode;
- every `[n]` in an answer opens the cited paper as a side element named `[n]` (Chainlit
  links an element to the message text wherever the element's name appears);
- steps show the work: the standalone question, the retrieval (papers, scores, filters),
  the answer mode;
- starters are built from what is in the store; chat settings (answer mode, number of
  sources, date range, topic, code only) apply from the next message on;
- thumbs up / down with a comment are stored in SQLite (`.chainlit/feedback.db` under the
  app root) by a small data layer, next to the answer they rate.

Digest text is data: every string that comes from a digest is escaped so that it renders
as literal text (no HTML, no markdown images or links of its own). Links shown come from
the store (arXiv, GitHub, Hugging Face URLs), and only http(s) ones.

The helpers above the Chainlit handlers are plain functions, tested without a browser.
Imports are absolute: Chainlit loads this file by path, not as part of the package.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import chainlit as cl
from chainlit.data.base import BaseDataLayer
from chainlit.input_widget import Select, Slider, Switch
from chainlit.types import Feedback, PageInfo, PaginatedResponse

from assistant.answer import Answer, Citation
from assistant.api import Assistant
from assistant.catalog import Catalog
from assistant.chat import Conversation, Turn
from assistant.errors import DigestError
from assistant.papers import Paper
from assistant.query import Filters
from assistant.retrieval import Retrieval

log = logging.getLogger(__name__)

ANY = "any"  # the "no filter" value of the date and topic selects
MAX_SOURCES = 10
MAX_RETRIEVAL_ROWS = 15
CATALOG_MARKER = "<!-- catalog -->"  # replaced in chainlit*.md by what the store holds
SIDEBAR_DELAY = 0.3  # seconds; see show_sources_panel
FAKE_CI_KEY = "sk-FAKE-OPENAI-API-KEY"  # `chainlit run --ci` (or CI=true) sets this key

# -- text safety -------------------------------------------------------------------------

_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~=:\"'$^])")
_ANSWER_UNSAFE = re.compile(r"([<>&\\]|!(?=\[))")
_MD_LINK_START = re.compile(r"\[(?=[^\]\n]*\]\()")  # "[" opening "[text](url)"
# GFM turns bare "http://..." and "www." into links; a word joiner (invisible) stops that.
_AUTOLINK = re.compile(r"(?i)\b(https?)(?=://)|\b(www)(?=\.)")
WORD_JOINER = "\u2060"
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$", re.I)


def no_autolinks(text: str) -> str:
    return _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, text)


def md_text(text: str) -> str:
    """Escape `text` so markdown renders it literally: no HTML, links, images or emphasis."""
    return _MD_PUNCT.sub(r"\\\1", no_autolinks(text or ""))


def safe_answer(text: str) -> str:
    """Answer text keeps its markdown (bold names, lists, [n]) but never becomes HTML.

    `<`, `>`, `&` and backslashes are escaped, and `[text](url)` / `![alt](url)` written in
    a digest stay text: the page's only links are the ones built from the store.
    """
    text = _ANSWER_UNSAFE.sub(r"\\\1", no_autolinks(text or ""))
    return _MD_LINK_START.sub(r"\\[", text)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) URL that is safe inside a markdown link, else None."""
    url = (url or "").strip()
    return url if _SAFE_URL.match(url) else None


def citation_name(n: int) -> str:
    """The side element's name: exactly the label the answer text uses."""
    return f"[{n}]"


# -- what the page shows -------------------------------------------------------------------

LANGUAGE_NAMES = {"en": "English", "ko": "Korean"}


def short_name(paper: Paper) -> str | None:
    """'SpargeAttn' for 'SpargeAttn: Accurate Sparse Attention ...' (the name people type)."""
    head, sep, _ = paper.title.partition(":")
    head = head.strip()
    if sep and head and " " not in head and len(head) >= 3:
        return head
    return None


def paper_card(paper: Paper, n: int | None = None) -> str:
    """Markdown for a paper's side element: title, links, dates, authors, topics, summaries."""
    label = f"{md_text(citation_name(n))} " if n is not None else ""
    lines = [f"### {label}{md_text(paper.title)}"]
    links = [f"[arXiv {md_text(paper.arxiv_id)}]({paper.url})"]
    links += [f"[Hugging Face]({u})" for u in map(safe_url, paper.huggingface[:2]) if u]
    links += [f"[GitHub]({u})" for u in map(safe_url, paper.github[:2]) if u]
    lines.append(" · ".join(links))
    facts = [f"**Digest dates:** {', '.join(md_text(d) for d in paper.dates)}"]
    if paper.authors:
        shown = ", ".join(md_text(a) for a in paper.authors[:12])
        more = f" and {len(paper.authors) - 12} more" if len(paper.authors) > 12 else ""
        facts.append(f"**Authors:** {shown}{more}")
    if paper.tags:
        facts.append(f"**Topics:** {', '.join(md_text(t) for t in paper.tags)}")
    if paper.votes is not None:
        facts.append(f"**Votes:** {paper.votes}")
    lines.append("\n".join(f"- {f}" for f in facts))
    summaries = paper.summaries()
    for lang, summary in summaries.items():
        label = "Summary" if len(summaries) == 1 else f"Summary ({LANGUAGE_NAMES.get(lang, lang)})"
        lines.append(f"#### {label}\n{md_text(summary)}")
    if not summaries:
        lines.append("_No summary in the digests._")
    return "\n\n".join(lines)


def answer_markdown(answer: Answer, catalog: Catalog | None = None) -> str:
    """The message: the answer with [n] labels, notes, then the cited papers with arXiv links."""
    parts = [safe_answer(answer.text)]
    parts += [f"> _Note: {md_text(note)}_" for note in answer.notes]
    if answer.citations:
        rows = []
        for c in answer.citations:
            paper = catalog.get(c.arxiv_id) if catalog else None
            dates = f" · {', '.join(paper.dates)}" if paper and paper.dates else ""
            rows.append(f"- {citation_name(c.n)} [{md_text(c.title)}]({c.url}){dates}")
        parts.append("**Sources**\n" + "\n".join(rows))
    return "\n\n".join(parts)


def standalone_markdown(question: str, standalone: str) -> str:
    if standalone.strip() == question.strip():
        return f"{md_text(standalone)}\n\n_(already standalone)_"
    return f"{md_text(standalone)}\n\n_(rewritten from: {md_text(question)})_"


def filters_markdown(requested: Filters, applied: Filters) -> str:
    text = md_text(applied.describe())
    if applied != requested:
        text += " _(dates read from the question)_"
    return text


def retrieval_markdown(retrieval: Retrieval, requested: Filters | None = None) -> str:
    """The retrieval step: filters, then the papers found with their scores."""
    requested = requested or Filters()
    head = [f"**Filters applied:** {filters_markdown(requested, retrieval.filters)}"]
    if not retrieval.hits:
        head.append("**No paper found.**")
        return "\n\n".join(head)
    verdict = "relevant" if retrieval.relevant else "below the relevance gate: no answer"
    head.append(f"**{len(retrieval.hits)} papers found**, {verdict}.")
    rows = [
        "| # | Paper | Score | Relevance | Found by | Digest dates |",
        "|---|---|---|---|---|---|",
    ]
    for i, hit in enumerate(retrieval.hits[:MAX_RETRIEVAL_ROWS], 1):
        rows.append(
            f"| {i} | {md_text(hit.paper.title)} | {hit.score:.4f} | {hit.relevance:.2f} | "
            f"{md_text(hit.via)} | {md_text(', '.join(hit.paper.dates))} |"
        )
    more = len(retrieval.hits) - MAX_RETRIEVAL_ROWS
    table = "\n".join(rows) + (f"\n\n… and {more} more." if more > 0 else "")
    return "\n\n".join(head + [table])


def mode_markdown(requested: str, answer: Answer | None, model: str) -> str:
    def label(mode: str) -> str:
        if mode == "llm":
            return f"**LLM** ({md_text(model)}), streamed; citations checked against the store"
        return "**Extractive** (offline): sentences quoted from the digests' summaries"

    text = label(requested)
    if answer is not None and answer.mode != requested:
        text += f"\n\nFell back to: {label(answer.mode)}"
    if answer is not None:
        text += "\n\n" + "\n".join(f"- {md_text(n)}" for n in answer.notes)
    return text.strip()


def catalog_markdown(stats: dict, language: str = "en") -> str:
    """What the assistant knows, for the welcome page."""
    ko = language.startswith("ko")
    if not stats.get("papers"):
        if ko:
            return "아직 저장된 논문이 없습니다. 먼저 `digest ingest`를 실행하세요."
        return "The store is empty: run `digest ingest` first."
    dates = stats["dates"]

    def day(row: dict) -> str:
        langs = "+".join(row["languages"])
        return f"{row['date']} ({row['papers']}, {langs})"

    if len(dates) <= 12:
        listed = ", ".join(day(r) for r in dates)
    else:
        listed = ", ".join(day(r) for r in dates[-6:])
        listed = f"최근: {listed}" if ko else f"latest: {listed}"
    if ko:
        return (
            f"**논문 {stats['papers']}편**, 다이제스트 **{len(dates)}일치** "
            f"({stats['first_date']} ~ {stats['last_date']}).\n\n날짜별: {listed}"
        )
    return (
        f"**{stats['papers']} papers** from **{len(dates)} digest days**, "
        f"{stats['first_date']} to {stats['last_date']}.\n\nBy date: {listed}"
    )


def fill_welcome(markdown: str | None, stats: dict | None, language: str = "en") -> str | None:
    if markdown is None or CATALOG_MARKER not in markdown:
        return markdown
    if stats is None:
        text = "_(the store could not be opened; see the server log)_"
    else:
        text = catalog_markdown(stats, language)
    return markdown.replace(CATALOG_MARKER, text)


def welcome_file(root: Path, language: str) -> Path | None:
    """chainlit_<language>.md, or one for the same base language (ko -> ko-KR), or chainlit.md."""
    base = language.split("-")[0]
    candidates = [root / f"chainlit_{language}.md", root / f"chainlit_{base}.md"]
    candidates += sorted(root.glob(f"chainlit_{base}-*.md"))
    candidates.append(root / "chainlit.md")
    for path in candidates:
        if path.resolve().parent == root.resolve() and path.is_file():
            return path
    return None


def build_starters(catalog: Catalog) -> list[tuple[str, str]]:
    """Four example questions (label, message) about papers that are actually stored."""
    papers = sorted(
        catalog.papers.values(), key=lambda p: (-(p.votes or 0), p.dates[-1:], p.arxiv_id)
    )
    named = [(short_name(p), p) for p in papers if short_name(p)]
    english = [(n, p) for n, p in named if "en" in p.languages]
    korean = [(n, p) for n, p in named if "ko" in p.languages]
    out: list[str] = []
    first = (english or named)[0][0] if named else None
    if first:
        out.append(f"What does {first} propose?")
    if latest := catalog.dates()[-1:]:
        out.append(f"Which papers were in the {latest[0]} digest?")
    if tags := catalog.tags().most_common(1):
        out.append(f"Which papers are about {tags[0][0].lower()}?")
    rest = [n for n, _ in (korean or named) if n != first]
    if korean and rest:
        out.append(f"{rest[0]} 논문의 핵심 기여는 무엇인가요?")
    elif rest:
        out.append(f"What results does {rest[0]} report?")
    for paper in papers:  # papers without a short name: ask by title
        if len(out) >= 4:
            break
        question = f"What is “{paper.title}” about?"
        if question not in out:
            out.append(question)
    return [(q, q) for q in out[:4]]


# -- per-session options (chat settings) -------------------------------------------------


class Options(NamedTuple):
    """What the chat settings ask for; applied to every question from the next one on.

    (A NamedTuple, not a dataclass: Chainlit executes this file before registering it as a
    module, and dataclasses with postponed annotations need the module registered.)
    """

    mode: str | None = None
    top_k: int | None = None
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    has_code: bool | None = None

    @property
    def filters(self) -> Filters:
        return Filters(self.since, self.until, self.topic, self.has_code)

    def ask_kwargs(self) -> dict:
        return {
            "since": self.since,
            "until": self.until,
            "topic": self.topic,
            "has_code": self.has_code,
            "top_k": self.top_k,
            "mode": self.mode,
        }


def options_from_settings(values: dict, catalog: Catalog, llm_configured: bool) -> Options:
    """Chat settings values -> Options; unknown or 'any' values mean no filter."""

    def pick(name: str, allowed: Iterable[str]) -> str | None:
        value = values.get(name)
        return value if value and value != ANY and value in set(allowed) else None

    dates = catalog.dates()
    since, until = pick("since", dates), pick("until", dates)
    if since and until and since > until:
        since, until = until, since
    mode = values.get("mode")
    if mode not in ("extractive", "llm") or (mode == "llm" and not llm_configured):
        mode = "extractive" if mode == "llm" else None
    try:
        top_k = int(values["top_k"]) if values.get("top_k") else None
    except (TypeError, ValueError):
        top_k = None
    if top_k is not None:
        top_k = max(1, min(MAX_SOURCES, top_k))
    return Options(
        mode=mode,
        top_k=top_k,
        since=since,
        until=until,
        topic=pick("topic", catalog.tags()),
        has_code=True if values.get("has_code") else None,
    )


def settings_inputs(assistant: Assistant) -> list:
    """The chat settings widgets, built from the store's dates and topics."""
    settings = assistant.settings
    catalog = assistant.catalog
    modes = {"Extractive (offline: quotes the digests)": "extractive"}
    if settings.llm_configured:
        modes[f"LLM ({settings.llm_model})"] = "llm"
    dates = catalog.dates()
    date_items = {"Any date": ANY, **{d: d for d in dates}}
    topic_items = {"Any topic": ANY}
    topic_items.update({f"{t} ({n})": t for t, n in catalog.tags().most_common()})
    return [
        Select(
            id="mode",
            label="Answer mode",
            items=modes,
            initial_value=assistant.mode(),
            description=None
            if settings.llm_configured
            else "Set OPENAI_API_KEY or OPENAI_BASE_URL to enable LLM answers.",
        ),
        Slider(
            id="top_k",
            label="Number of sources",
            initial=min(settings.top_k, MAX_SOURCES),
            min=1,
            max=MAX_SOURCES,
            step=1,
        ),
        Select(id="since", label="From digest date", items=date_items, initial_value=ANY),
        Select(id="until", label="Until digest date", items=date_items, initial_value=ANY),
        Select(id="topic", label="Topic", items=topic_items, initial_value=ANY),
        Switch(id="has_code", label="Only papers with code on GitHub", initial=False),
    ]


# -- the assistant: one per process ------------------------------------------------------


class UIAssistant(Assistant):
    """An `Assistant` that can retrieve ahead of answering, so the page shows the retrieval
    step before the answer streams, and the answer then uses that same retrieval."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prefetched: OrderedDict = OrderedDict()
        self._prefetch_lock = threading.Lock()

    def prefetch(self, question: str, filters: Filters, top_k: int | None = None) -> Retrieval:
        retrieval = super().retrieve(question, filters, top_k)
        with self._prefetch_lock:
            self._prefetched[(question, filters, top_k)] = retrieval
            while len(self._prefetched) > 64:
                self._prefetched.popitem(last=False)
        return retrieval

    def retrieve(self, question, filters=None, top_k=None) -> Retrieval:
        with self._prefetch_lock:
            retrieval = self._prefetched.pop((question, filters or Filters(), top_k), None)
        return retrieval or super().retrieve(question, filters, top_k)


_assistant: UIAssistant | None = None
_assistant_lock = threading.Lock()


def get_assistant() -> UIAssistant:
    """The process-wide assistant, built on first use (blocking: call it in a thread)."""
    global _assistant
    with _assistant_lock:
        if _assistant is None:
            assistant = UIAssistant()
            assistant.retriever  # noqa: B018  (opens the store; EmptyStoreError if empty)
            _assistant = assistant
        return _assistant


def catalog_stats() -> dict | None:
    try:
        return get_assistant().catalog.stats()
    except Exception as exc:  # the welcome page must render even without a store
        log.warning("cannot read the store for the welcome page: %s", exc)
        return None


async def iterate_in_thread(make: Callable[[], Iterator]) -> AsyncIterator:
    """Run a blocking generator in a worker thread; yield its items on the event loop."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    stop = threading.Event()
    done = object()

    def run() -> None:
        try:
            for item in make():
                loop.call_soon_threadsafe(queue.put_nowait, (item, None))
                if stop.is_set():
                    break
        except BaseException as exc:  # handed over to the event loop below
            loop.call_soon_threadsafe(queue.put_nowait, (done, exc))
        else:
            loop.call_soon_threadsafe(queue.put_nowait, (done, None))

    worker = loop.run_in_executor(None, run)
    try:
        while True:
            item, exc = await queue.get()
            if item is done:
                if exc is not None:
                    raise exc
                return
            yield item
    finally:
        stop.set()
        if worker.done():
            worker.result()


# -- feedback: a small SQLite data layer ---------------------------------------------------

FEEDBACK_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    message_id TEXT PRIMARY KEY,
    run_id TEXT,
    thread_id TEXT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    standalone_question TEXT,
    answer TEXT NOT NULL,
    mode TEXT,
    refused INTEGER NOT NULL,
    citations TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY,
    for_id TEXT NOT NULL,
    thread_id TEXT,
    value INTEGER NOT NULL,
    comment TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_for ON feedback (for_id);
CREATE INDEX IF NOT EXISTS answers_run ON answers (run_id);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """Answers shown and the thumbs up / down (with comment) they got, in one SQLite file."""

    SCHEMA_VERSION = 1

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and version != self.SCHEMA_VERSION:  # an older layout: keep it aside
            aside = self.path.with_name(f"{self.path.name}.v{version}")
            log.warning("feedback database %s has an old layout; moved to %s", path, aside)
            self.path.replace(aside)
        with self._connect() as db:
            db.executescript(FEEDBACK_SCHEMA)
            db.execute(f"PRAGMA user_version = {self.SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record_answer(
        self, message_id: str, run_id: str | None, thread_id: str | None, answer: Answer
    ) -> None:
        """Remember an answer shown; Chainlit's thumbs rate the run (`run_id`) holding it."""
        citations = [
            {"n": c.n, "arxiv_id": c.arxiv_id, "title": c.title, "url": c.url}
            for c in answer.citations
        ]
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    message_id,
                    run_id,
                    thread_id,
                    _now(),
                    answer.question,
                    answer.standalone_question,
                    answer.text,
                    answer.mode,
                    int(answer.refused),
                    json.dumps(citations, ensure_ascii=False),
                ),
            )

    def upsert(self, feedback: Feedback) -> str:
        feedback_id = feedback.id or str(uuid.uuid4())
        now = _now()
        with self._connect() as db:
            db.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "value = excluded.value, comment = excluded.comment, "
                "updated_at = excluded.updated_at",
                (
                    feedback_id,
                    feedback.forId,
                    feedback.threadId,
                    int(feedback.value),
                    feedback.comment,
                    now,
                    now,
                ),
            )
        return feedback_id

    def delete(self, feedback_id: str) -> bool:
        with self._connect() as db:
            return db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0

    def rows(self) -> list[dict]:
        """Every feedback row with the question and answer it rates (newest first)."""
        with self._connect() as db:
            cursor = db.execute(
                "SELECT f.*, a.question, a.answer, a.citations FROM feedback f "
                "LEFT JOIN answers a ON f.for_id IN (a.message_id, a.run_id) "
                "ORDER BY f.updated_at DESC, f.rowid DESC"
            )
            return [dict(row) for row in cursor]


class FeedbackDataLayer(BaseDataLayer):
    """Chainlit data layer that persists feedback only (threads, steps and users are not
    stored: there is no login, and the conversation lives in the session)."""

    def __init__(self, store: FeedbackStore):
        self.store = store

    async def upsert_feedback(self, feedback: Feedback) -> str:
        return await asyncio.to_thread(self.store.upsert, feedback)

    async def delete_feedback(self, feedback_id: str) -> bool:
        return await asyncio.to_thread(self.store.delete, feedback_id)

    async def record_answer(self, msg: cl.Message, answer: Answer) -> None:
        await asyncio.to_thread(
            self.store.record_answer, msg.id, msg.parent_id, msg.thread_id, answer
        )

    # Nothing else is persisted.
    async def get_user(self, identifier):
        return None

    async def create_user(self, user):
        return None

    async def create_element(self, element):
        return None

    async def get_element(self, thread_id, element_id):
        return None

    async def delete_element(self, element_id, thread_id=None):
        return None

    async def create_step(self, step_dict):
        return None

    async def update_step(self, step_dict):
        return None

    async def delete_step(self, step_id):
        return None

    async def get_thread_author(self, thread_id):
        return ""

    async def delete_thread(self, thread_id):
        return None

    async def list_threads(self, pagination, filters):
        return PaginatedResponse(
            pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None), data=[]
        )

    async def get_thread(self, thread_id):
        return None

    async def update_thread(self, thread_id, name=None, user_id=None, metadata=None, tags=None):
        return None

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id):
        return []


def app_root() -> Path:
    from chainlit.config import config

    return Path(config.root)


def feedback_path() -> Path:
    return app_root() / ".chainlit" / "feedback.db"


_data_layer: FeedbackDataLayer | None = None


@cl.data_layer
def data_layer() -> FeedbackDataLayer:
    global _data_layer
    if _data_layer is None:
        _data_layer = FeedbackDataLayer(FeedbackStore(feedback_path()))
    return _data_layer


# -- Chainlit handlers ---------------------------------------------------------------------


@cl.on_app_startup
async def startup() -> None:
    if os.environ.get("OPENAI_API_KEY") == FAKE_CI_KEY:
        # `chainlit run` in CI mode (CI=true) invents a key: that is no LLM configuration.
        os.environ.pop("OPENAI_API_KEY")
    import chainlit.server as server

    def welcome(root: str, language: str) -> str | None:
        path = welcome_file(Path(root), language)
        markdown = path.read_text(encoding="utf-8") if path else None
        return fill_welcome(markdown, catalog_stats(), language)

    server.get_markdown_str = welcome  # the welcome page shows what the store holds
    # Open the store in the background, so the first visitor does not wait for it.
    asyncio.get_running_loop().run_in_executor(None, catalog_stats)


@cl.set_starters
async def starters(user=None, language=None) -> list[cl.Starter]:
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except Exception:
        return []
    return [
        cl.Starter(label=label, message=message)
        for label, message in build_starters(assistant.catalog)
    ]


@cl.on_chat_start
async def chat_start() -> None:
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except DigestError as exc:
        await cl.ErrorMessage(content=f"The assistant cannot start: {exc}").send()
        return
    conversation: Conversation = assistant.chat()
    cl.user_session.set("conversation", conversation)
    values = await cl.ChatSettings(settings_inputs(assistant)).send()
    cl.user_session.set(
        "options",
        options_from_settings(values, assistant.catalog, assistant.settings.llm_configured),
    )


@cl.on_settings_update
async def settings_update(values: dict) -> None:
    assistant = await asyncio.to_thread(get_assistant)
    options = options_from_settings(values, assistant.catalog, assistant.settings.llm_configured)
    cl.user_session.set("options", options)
    mode = assistant.mode(options.mode)
    await cl.context.emitter.send_toast(
        f"Settings saved: {mode} answers, {options.top_k or assistant.settings.top_k} sources, "
        f"filters: {options.filters.describe()}. They apply from your next question.",
        "success",
    )


def citation_cards(answer: Answer, catalog: Catalog) -> list[tuple[str, str]]:
    """(element name, markdown) for each cited paper: the name is the answer's own label."""
    cards = []
    for citation in answer.citations:
        paper = catalog.get(citation.arxiv_id)
        content = paper_card(paper, citation.n) if paper else _citation_only(citation)
        cards.append((citation_name(citation.n), content))
    return cards


def citation_elements(answer: Answer, catalog: Catalog, display: str = "side") -> list[cl.Text]:
    return [
        cl.Text(name=name, content=content, display=display)
        for name, content in citation_cards(answer, catalog)
    ]


async def show_sources_panel(msg: cl.Message, answer: Answer, catalog: Catalog) -> None:
    """Open the side panel on this answer's cited papers (or close it on a refusal).

    Chainlit opens the panel by itself whenever side elements arrive, stacking every side
    element of the conversation; this replaces that with the current answer's papers. The
    panel's copies are 'inline' elements not attached to a message, so sending them does
    not re-trigger that automatic opening, and the short pause lets it happen first.
    """
    await asyncio.sleep(SIDEBAR_DELAY)
    if not answer.citations:
        await cl.ElementSidebar.set_elements([])
        return
    copies = citation_elements(answer, catalog, display="inline")
    await cl.ElementSidebar.set_elements(copies, key=msg.id)
    await cl.ElementSidebar.set_title(sources_title(answer))


def sources_title(answer: Answer) -> str:
    n = len(answer.citations)
    return f"{n} cited paper{'s' if n != 1 else ''}"


def _citation_only(citation: Citation) -> str:
    return f"### {md_text(citation.title)}\n\n[arXiv {md_text(citation.arxiv_id)}]({citation.url})"


@cl.on_message
async def on_message(message: cl.Message) -> None:
    question = (message.content or "").strip()
    if not question:
        return
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except DigestError as exc:
        await cl.ErrorMessage(content=f"The assistant cannot answer: {exc}").send()
        return
    conversation: Conversation | None = cl.user_session.get("conversation")
    if conversation is None:
        conversation = assistant.chat()
        cl.user_session.set("conversation", conversation)
    options: Options = cl.user_session.get("options") or Options()
    mode = assistant.mode(options.mode)

    try:
        async with cl.Step(name="Standalone question", type="tool", show_input=False) as step:
            standalone = await asyncio.to_thread(conversation.condense, question)
            step.output = standalone_markdown(question, standalone)

        async with cl.Step(name="Retrieval", type="retrieval", show_input=False) as step:
            retrieval = await asyncio.to_thread(
                assistant.prefetch, standalone, options.filters, options.top_k
            )
            step.output = retrieval_markdown(retrieval, options.filters)

        async with cl.Step(name="Answer mode", type="tool", show_input=False) as mode_step:
            mode_step.output = mode_markdown(mode, None, assistant.settings.llm_model)

        msg = cl.Message(content="")
        answer: Answer | None = None
        streamed = False
        items = iterate_in_thread(lambda: assistant.stream(standalone, **options.ask_kwargs()))
        async for item in items:
            if isinstance(item, Answer):
                answer = item
            elif mode == "llm":
                streamed = True
                await msg.stream_token(safe_answer(item))
    except DigestError as exc:
        await cl.ErrorMessage(content=f"Cannot answer: {md_text(str(exc))}").send()
        return
    if answer is None:  # the stream was stopped
        return

    answer = replace(answer, question=question, standalone_question=standalone)
    conversation.turns.append(Turn(question, standalone, answer))
    msg.content = answer_markdown(answer, assistant.catalog)
    msg.elements = citation_elements(answer, assistant.catalog)
    await (msg.update() if streamed else msg.send())
    await show_sources_panel(msg, answer, assistant.catalog)

    if answer.mode != mode or answer.notes:
        mode_step.output = mode_markdown(mode, answer, assistant.settings.llm_model)
        await mode_step.update()
    try:
        await data_layer().record_answer(msg, answer)
    except Exception as exc:  # feedback storage must never break the chat
        log.warning("could not record the answer for feedback: %s", exc)
