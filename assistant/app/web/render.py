"""What the chat page shows, as text, safely.

Plain functions that turn answers, retrievals, papers and the store's contents into the
markdown the Chainlit page renders (`assistant.app.web.chat` only sends it), plus the per-session
options read from the chat settings. No Chainlit here: tested without a browser.

Digest text is data: every string that comes from a digest is escaped so that it renders
as literal text (no HTML, no markdown images or links of its own). Links shown come from
the store (arXiv, GitHub, Hugging Face URLs), and only http(s) ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from assistant.answer.citations import Answer, Citation, Step
from assistant.answer.trend import Trend
from assistant.index.catalog import Catalog
from assistant.retrieve.hybrid import Retrieval
from assistant.text import printable
from assistant.types import Filters, Paper

ANY = "any"  # the "no filter" value of the date and topic selects
MAX_SOURCES = 10
MAX_RETRIEVAL_ROWS = 15
CATALOG_MARKER = "<!-- catalog -->"  # replaced in chainlit*.md by what the store holds


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
    return _MD_PUNCT.sub(r"\\\1", no_autolinks(printable(text or "")))


def safe_answer(text: str) -> str:
    """Answer text keeps its markdown (bold names, lists, [n]) but never becomes HTML.

    `<`, `>`, `&` and backslashes are escaped, and `[text](url)` / `![alt](url)` written in
    a digest stay text: the page's only links are the ones built from the store.
    """
    text = _ANSWER_UNSAFE.sub(r"\\\1", no_autolinks(printable(text or "")))
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


def step_markdown(step: Step) -> str:
    """A tool call: its arguments and how many papers it returned (or its error)."""
    args = ", ".join(f"{md_text(k)}={md_text(repr(v))}" for k, v in step.arguments.items())
    lines = [f"**{md_text(step.tool)}**({args})"]
    if step.error:
        lines.append(f"Error: {md_text(step.error)}")
    else:
        lines.append(f"{len(step.papers)} papers: " + md_text(", ".join(step.papers[:20])))
    return "\n\n".join(lines)


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


STARTER_DIGESTS = 10  # starters are about papers of the newest digests


def build_starters(catalog: Catalog) -> list[tuple[str, str]]:
    """Four example questions (label, message) about papers that are actually stored: the
    most voted of the newest digests (reading those only, whatever the archive's size)."""
    dates = catalog.dates()
    recent = catalog.on_dates(dates[-STARTER_DIGESTS:][0], None) if dates else []
    papers = sorted(
        (catalog.papers[pid] for pid in recent),
        key=lambda p: (-(p.votes or 0), p.dates[-1:], p.arxiv_id),
    )
    named = [(p.name, p) for p in papers if p.name]
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


# -- cited papers -------------------------------------------------------------------------


def citation_cards(answer: Answer, catalog: Catalog) -> list[tuple[str, str]]:
    """(element name, markdown) for each cited paper: the name is the answer's own label."""
    cards = []
    for citation in answer.citations:
        paper = catalog.get(citation.arxiv_id)
        content = paper_card(paper, citation.n) if paper else _citation_only(citation)
        cards.append((citation_name(citation.n), content))
    return cards


def sources_title(answer: Answer) -> str:
    n = len(answer.citations)
    return f"{n} cited paper{'s' if n != 1 else ''}"


def _citation_only(citation: Citation) -> str:
    return f"### {md_text(citation.title)}\n\n[arXiv {md_text(citation.arxiv_id)}]({citation.url})"


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


# -- trends (a trend question, or the /trend command) -------------------------------------------------------------

TREND_COMMAND = "/trend"
TREND_IDS_SHOWN = 40  # arXiv links per month in the table (trend.json has them all)


def trend_query(message: str) -> str | None:
    """The query of a '/trend QUERY' message ('' when it has none), else None."""
    head, _, rest = message.strip().partition(" ")
    return rest.strip() if head.lower() == TREND_COMMAND else None


def trend_markdown(tr: Trend) -> str:
    """The numbers behind the chart: per month, the count and the papers' arXiv links."""
    if not tr.total:
        return f"No paper about “{md_text(tr.query)}” in the digests."
    head = (
        f"**{tr.total} papers** about “{md_text(tr.query)}” per month "
        f"(digests {tr.since or '…'} to {tr.until or '…'}; same relevance gate as search)."
    )
    return head + "\n\n" + trend_table(tr)


def trend_table(tr: Trend) -> str:
    """Each bar of a trend chart traced to its papers: month, count, the papers' arXiv links."""
    lines = ["| month | papers | arXiv |", "|---|---:|---|"]
    for month, n in tr.counts.items():
        papers = tr.papers.get(month, [])
        ids = ", ".join(f"[{p.arxiv_id}]({p.url})" for p in papers[:TREND_IDS_SHOWN])
        if len(papers) > TREND_IDS_SHOWN:
            ids += f" and {len(papers) - TREND_IDS_SHOWN} more"
        if month not in tr.covered:
            ids = "no digest stored"
        lines.append(f"| {month} | {n} | {ids} |")
    return "\n".join(lines)
