"""The Chainlit app's helpers, without a browser: what the page shows, escaping of digest
text, starters, settings, the welcome page, the feedback store, retrieval reuse."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, make_settings
from markdown_it import MarkdownIt

from assistant.app.web.render import (
    ANY,
    CATALOG_MARKER,
    MAX_SOURCES,
    Options,
    answer_markdown,
    build_starters,
    catalog_markdown,
    citation_cards,
    fill_welcome,
    md_text,
    mode_markdown,
    options_from_settings,
    paper_card,
    retrieval_markdown,
    safe_answer,
    safe_url,
    standalone_markdown,
    step_markdown,
    welcome_file,
)

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    """assistant.app.web.chat, with Chainlit's app root in a temp copy (importing Chainlit writes
    its default files into the app root)."""
    if "chainlit.config" not in sys.modules:
        root = tmp_path_factory.mktemp("chainlit-app")
        (root / ".chainlit").mkdir()
        shutil.copy(ROOT / ".chainlit" / "config.toml", root / ".chainlit" / "config.toml")
        old = os.environ.get("CHAINLIT_APP_ROOT")
        os.environ["CHAINLIT_APP_ROOT"] = str(root)
        try:
            import assistant.app.web.chat as module
        finally:
            if old is None:
                os.environ.pop("CHAINLIT_APP_ROOT", None)
            else:
                os.environ["CHAINLIT_APP_ROOT"] = old
    import assistant.app.web.chat as module

    return module


@pytest.fixture(scope="module")
def hostile_assistant(ui, tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    settings = make_settings(tmp_path_factory.mktemp("hostile-store"))
    report = ingest([HOSTILE], settings)
    assert report.papers_total == 1 and not report.errors
    return ui.Assistant(settings)


@pytest.fixture(scope="module")
def seed_ui_assistant(ui, seed_settings):
    return ui.Assistant(seed_settings)


def render(markdown: str) -> str:
    """HTML as a CommonMark renderer that passes raw HTML through would make it."""
    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u2060", "")


# -- escaping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        SCRIPT,
        IMG,
        "![tracker](http://127.0.0.1:9/pixel.png) [x](javascript:alert(1))",
        "**bold** _it_ `code` # head | pipe &amp; \\ back",
        "- a list\n1. numbered\n> quote",
    ],
)
def test_md_text_renders_literally(ui, text):
    html = render(md_text(text))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert visible_text(html).strip() == text.strip()


def test_safe_answer_keeps_markdown_but_no_html(ui):
    text = f"**MarkupTrap** [1]: {SCRIPT} and {IMG} ![t](http://x/p.png)"
    html = render(safe_answer(text))
    assert "<strong>MarkupTrap</strong>" in html
    assert "[1]" in html
    assert "<script" not in html and "<img" not in html
    assert SCRIPT in visible_text(html) and IMG in visible_text(html)
    linked = render(safe_answer("see [x](http://e.org/a) and [2] [1][3]"))
    assert "<a " not in linked and "[x](http://e.org/a)" in visible_text(linked)
    assert "[2] [1][3]" in visible_text(linked)
    bare = render(safe_answer("at http://e.org/x or www.e.org"))
    assert "<a " not in bare and "http://e.org/x or www.e.org" in visible_text(bare)


def test_safe_url(ui):
    assert safe_url("https://github.com/a/b") == "https://github.com/a/b"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://x.org/a) [b](javascript:c") is None
    assert safe_url("") is None


def test_paper_card_is_text_and_store_links(ui, hostile_assistant):
    paper = hostile_assistant.catalog.get("2503.00001")
    card = paper_card(paper, 1)
    html = render(card)
    assert "<script" not in html and "<img" not in html
    assert SCRIPT in visible_text(html) and IMG in visible_text(html)
    links = re.findall(r'<a href="([^"]+)"', html)
    assert links == ["https://arxiv.org/abs/2503.00001"]  # the javascript: link was dropped
    text = visible_text(html)
    assert "[1] MarkupTrap: Digest Summaries" in text
    assert "Mallory Example" in text and "2025-03-03" in text
    assert "Natural Language Processing" in text


def test_paper_card_links_and_summaries(ui):
    from assistant.types import Mention, Paper

    def mention(lang, summary, **kw):
        return Mention("2502.00001", "Demo: A Paper", "2025-02-26", lang, "f.md", 1, summary, **kw)

    paper = Paper(
        "2502.00001",
        [
            mention(
                "en",
                "English summary.",
                github=("https://github.com/o/r", "javascript:x"),
                huggingface=("https://huggingface.co/o/m",),
                authors=("A", "B"),
            ),
            mention("ko", "한국어 요약.", votes=7),
        ],
    )
    html = render(paper_card(paper))
    assert re.findall(r'<a href="([^"]+)"', html) == [
        "https://arxiv.org/abs/2502.00001",
        "https://huggingface.co/o/m",
        "https://github.com/o/r",
    ]
    text = visible_text(html)
    assert "Summary (English)" in text and "Summary (Korean)" in text
    assert "한국어 요약." in text and "Votes: 7" in text


# -- answers, steps --------------------------------------------------------------------------


def test_answer_markdown_labels_match_element_names(ui, seed_ui_assistant):
    answer = seed_ui_assistant.ask("Which papers were in the 2024-10-23 digest?")
    assert answer.citations
    markdown = answer_markdown(answer, seed_ui_assistant.catalog)
    cards = citation_cards(answer, seed_ui_assistant.catalog)
    assert [name for name, _ in cards] == [f"[{c.n}]" for c in answer.citations]
    for (name, content), citation in zip(cards, answer.citations, strict=True):
        assert name in markdown  # Chainlit links the element wherever its name appears
        assert citation.url in markdown and citation.url in content
        assert md_text(citation.title.split(":")[0]) in content
    assert "**Sources**" in markdown


def test_answer_markdown_notes_and_refusal(ui, seed_ui_assistant):
    answer = seed_ui_assistant.ask("What is the best recipe for sourdough bread?")
    assert answer.refused
    markdown = answer_markdown(answer, seed_ui_assistant.catalog)
    assert "Sources" not in markdown
    assert not citation_cards(answer, seed_ui_assistant.catalog)
    answer.notes.append("LLM failed: <b>boom</b>")
    assert "<b>" not in render(answer_markdown(answer))


def test_retrieval_and_mode_steps(ui, seed_ui_assistant):
    from assistant.types import Filters

    requested = Filters(topic="Multimodal")
    retrieval = seed_ui_assistant.retrieve("Which papers compress visual tokens?", requested, 3)
    text = retrieval_markdown(retrieval, requested)
    assert "topic Multimodal" in text
    assert text.count("\n| ") == len(retrieval.hits) + 1  # header + one row per paper
    assert "Score" in text and "Relevance" in text
    dated = seed_ui_assistant.retrieve("What was in the 2024-10-23 digest?", Filters(), None)
    assert "read from the question" in retrieval_markdown(dated, Filters())
    assert "Extractive" in mode_markdown("extractive", None, "gpt-4o-mini")
    assert "gpt-4o-mini" in visible_text(render(mode_markdown("llm", None, "gpt-4o-mini")))
    assert "rewritten from" in standalone_markdown("and it?", "and SpargeAttn?")
    assert "already standalone" in standalone_markdown("q?", "q?")


def test_steps_arrive_before_the_answer_and_are_what_it_used(ui, seed_ui_assistant, monkeypatch):
    """The page shows the retrieval step before the answer streams, and that retrieval is
    the one the answer was built from (it travels with the answer: no side cache)."""
    calls = []
    real = seed_ui_assistant.retriever.retrieve

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(seed_ui_assistant.retriever, "retrieve", counting)
    options = Options(top_k=3)
    items = list(
        ui.with_steps(seed_ui_assistant, "What does SpargeAttn propose?", options.ask_kwargs())
    )
    assert isinstance(items[0], ui.Step) and items[0].tool == "retrieve"
    assert isinstance(items[-1], ui.Answer)
    answer = items[-1]
    assert len(calls) == 1
    assert answer.retrieval is items[0].result
    assert [s.arxiv_id for s in answer.sources] == [h.arxiv_id for h in answer.retrieval.hits]
    assert answer.to_json()["steps"][0]["papers"] == items[0].papers
    assert "retrieve" in step_markdown(items[0]) and "3 papers" in step_markdown(items[0])


# -- starters, settings, welcome page -------------------------------------------------------


def test_starters_are_answerable(ui, seed_ui_assistant):
    starters = build_starters(seed_ui_assistant.catalog)
    assert len(starters) == 4 and len({m for _, m in starters}) == 4
    latest = seed_ui_assistant.catalog.dates()[-1]
    assert any(latest in m for _, m in starters)
    assert any(re.search(r"[\uac00-\ud7a3]", m) for _, m in starters)  # the store has Korean
    for _, message in starters:
        answer = seed_ui_assistant.ask(message)
        assert not answer.refused and answer.citations, message


def test_starters_small_store(ui, hostile_assistant):
    starters = build_starters(hostile_assistant.catalog)
    assert 1 <= len(starters) <= 4
    assert starters[0][1] == "What does MarkupTrap propose?"


def test_options_from_settings(ui, seed_ui_assistant):
    catalog = seed_ui_assistant.catalog
    assert options_from_settings({}, catalog, False) == Options()
    values = {
        "mode": "llm",
        "top_k": 50,
        "since": "2025-02-26",
        "until": "2024-10-14",
        "topic": "Multimodal",
        "has_code": True,
    }
    options = options_from_settings(values, catalog, llm_configured=False)
    assert options.mode == "extractive"  # no LLM configured
    assert options.top_k == MAX_SOURCES
    assert (options.since, options.until) == ("2024-10-14", "2025-02-26")
    assert options.topic == "Multimodal" and options.has_code is True
    assert options_from_settings(values, catalog, llm_configured=True).mode == "llm"
    junk = {"since": "any", "until": "1999-01-01", "topic": "Nope", "top_k": "x", "mode": "?"}
    assert options_from_settings(junk, catalog, False) == Options()


def test_settings_inputs(ui, seed_ui_assistant):
    inputs = {i.id: i for i in ui.settings_inputs(seed_ui_assistant)}
    assert list(inputs) == ["mode", "top_k", "since", "until", "topic", "has_code"]
    assert list(inputs["mode"].items.values()) == ["extractive"]
    assert "OPENAI_API_KEY" in inputs["mode"].description
    assert set(seed_ui_assistant.catalog.dates()) < set(inputs["since"].items.values())
    assert ANY in inputs["topic"].items.values()
    llm = ui.Assistant(seed_ui_assistant.settings, openai_base_url="http://127.0.0.1:9/v1")
    assert "llm" in ui.settings_inputs(llm)[0].items.values()


def test_welcome_pages(ui, seed_ui_assistant, tmp_path):
    for name in ("chainlit.md", "chainlit_ko-KR.md"):
        assert CATALOG_MARKER in (ROOT / name).read_text(encoding="utf-8")
    assert welcome_file(ROOT, "ko").name == "chainlit_ko-KR.md"
    assert welcome_file(ROOT, "ko-KR").name == "chainlit_ko-KR.md"
    assert welcome_file(ROOT, "fr-FR").name == "chainlit.md"
    assert welcome_file(tmp_path, "en-US") is None
    stats = seed_ui_assistant.catalog.stats()
    page = fill_welcome((ROOT / "chainlit.md").read_text(encoding="utf-8"), stats)
    assert "**60 papers** from **4 digest days**, 2024-10-14 to 2025-02-26" in page
    assert "2025-02-26 (22, en+ko)" in page and CATALOG_MARKER not in page
    ko = fill_welcome(CATALOG_MARKER, stats, "ko-KR")
    assert "논문 60편" in ko
    assert "store is empty" in catalog_markdown({"papers": 0})
    assert "could not be opened" in fill_welcome(CATALOG_MARKER, None)


# -- feedback ----------------------------------------------------------------------------------


def test_feedback_store(ui, seed_ui_assistant, tmp_path):
    from chainlit.types import Feedback

    from assistant.app.web.feedback import FeedbackDataLayer, FeedbackStore

    old = tmp_path / "old.db"
    sqlite3.connect(old).execute("CREATE TABLE feedback (message_id TEXT)").connection.commit()
    FeedbackStore(old).rows()  # an older layout is moved aside, not crashed on
    assert (tmp_path / "old.db.v0").exists()

    store = FeedbackStore(tmp_path / "sub" / "feedback.db")
    answer = seed_ui_assistant.ask("What does SpargeAttn propose?")
    store.record_answer("msg-1", "run-1", "thread-1", answer)
    feedback_id = store.upsert(Feedback(forId="run-1", value=0, comment="too short"))
    [row] = store.rows()
    assert row["value"] == 0 and row["comment"] == "too short"
    assert row["question"] == "What does SpargeAttn propose?"
    assert "2502.18137" in row["citations"]
    store.upsert(Feedback(forId="run-1", value=1, comment="fine", id=feedback_id))
    [row] = store.rows()
    assert (row["id"], row["value"], row["comment"]) == (feedback_id, 1, "fine")

    layer = FeedbackDataLayer(store)
    assert asyncio.run(layer.delete_feedback(feedback_id)) is True
    assert store.rows() == []
    second = asyncio.run(layer.upsert_feedback(Feedback(forId="msg-1", value=1)))
    assert [r["id"] for r in store.rows()] == [second]
    assert asyncio.run(layer.get_thread("t")) is None
    assert asyncio.run(layer.list_threads(None, None)).data == []


# -- plumbing ------------------------------------------------------------------------------------


def test_iterate_in_thread(ui):
    def numbers():
        yield from range(5)

    def broken():
        yield 1
        raise ValueError("boom")

    async def collect(make):
        return [item async for item in ui.iterate_in_thread(make)]

    assert asyncio.run(collect(numbers)) == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="boom"):
        asyncio.run(collect(broken))


def test_the_app_module_loads_only_chainlit(tmp_path):
    """`chainlit run` imports the app module before the server listens: it must not import
    the assistant (numpy, the store, the retriever), which the start-up thread loads while
    the page loads. Its handlers are the chat module's."""
    from chainlit_app import copy_app_root

    root = copy_app_root(tmp_path / "app")
    code = (
        "import sys, assistant.app.web.app as app\n"
        "heavy = sorted(m for m in ('numpy', 'chromadb', 'assistant.app.api',"
        " 'assistant.app.web.chat') if m in sys.modules)\n"
        "print('heavy:', heavy)\n"
        "chat = app.chat()\n"
        "print('handlers:', all(callable(getattr(chat, n)) for n in"
        " ('warm', 'welcome', 'data_layer', 'starters', 'chat_start', 'settings_update',"
        " 'on_message')))\n"
    )
    env = {**os.environ, "CHAINLIT_APP_ROOT": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "heavy: []" in done.stdout
    assert "handlers: True" in done.stdout


def test_serve_command_help():
    from assistant.app.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--headless" in result.output


def test_config_never_renders_html():
    import tomllib

    config = tomllib.loads((ROOT / ".chainlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["features"]["unsafe_allow_html"] is False
    assert Path(ROOT / "public" / "logo_light.svg").is_file()


def test_agent_tool_calls_flow_through_the_chat_steps(ui, seed_settings, openai_server):
    """In LLM mode each tool call reaches the page as a Step (tool, arguments, how many
    papers) as soon as it is done, before the model's next reply is read."""
    from openai_server import ToolCalls

    assistant = ui.Assistant(
        seed_settings.model_copy(
            update={
                "answer_mode": "llm",
                "openai_base_url": openai_server.url,
                "llm_model": "scripted-model",
                "llm_timeout": 5.0,
            }
        )
    )
    seen_before_reply: list[list[str]] = []
    openai_server.script(
        [
            ToolCalls(("paper", {"ref": "SpargeAttn"})),
            ToolCalls(("similar", {"ref": "SpargeAttn", "limit": 2})),
            "SpargeAttn [1] resembles [2].",
        ]
    )
    items = []
    for item in ui.with_steps(assistant, "Papers like SpargeAttn?", Options().ask_kwargs()):
        items.append(item)
        if isinstance(item, ui.Step):
            seen_before_reply.append([type(i).__name__ for i in items])
    steps = [i for i in items if isinstance(i, ui.Step)]
    assert [s.tool for s in steps] == ["paper", "similar"]
    assert isinstance(items[-1], ui.Answer) and items[-1].citations
    assert all("Answer" not in names for names in seen_before_reply)
    shown = step_markdown(steps[1])
    assert "similar" in shown and "limit" in shown and "2 papers" in shown
