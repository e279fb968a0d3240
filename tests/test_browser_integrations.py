"""The researcher's integrations as they show in the chat page, in real headless Chromium:
each answer offers its cited papers for download (BibTeX and a Markdown reading list).

Served by `digest serve` on 127.0.0.1 over a store built from the seeds; every request that
is not for the app is aborted.
"""

from __future__ import annotations

import re

import bibtexparser
import pytest
from chainlit_app import ANSWERS, ChainlitApp, wait_answers
from conftest import SEEDS, make_settings
from servers import CHROMIUM, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 30_000  # ms

playwright_api = require_chromium()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("browser-integrations")
    store = base / "store"
    assert not ingest([SEEDS], make_settings(store)).errors
    with ChainlitApp(base, store, env={"DIGEST_ANSWER_MODE": "extractive"}) as server:
        yield server


@pytest.fixture
def page(app):
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(
            viewport={"width": 1400, "height": 900}, accept_downloads=True
        )
        page = context.new_page()

        def route(request_route):
            if request_route.request.url.startswith((app.url, app.url.replace("http", "ws"))):
                request_route.continue_()
            else:
                request_route.abort()

        page.route("**/*", route)
        page.goto(app.url)
        page.wait_for_selector("#chat-input", timeout=TIMEOUT)
        try:
            yield page
        finally:
            browser.close()


def ask(page, question: str, count: int):
    page.fill("#chat-input", question)
    page.click("#chat-submit")
    wait_answers(page, count, TIMEOUT)
    return page.locator(ANSWERS).nth(count - 1)


def test_answer_offers_its_citations_as_bibtex_and_markdown(page, tmp_path):
    answer = ask(page, "What does SpargeAttn do?", 1)
    link = answer.get_by_text("sources.bib")
    link.wait_for(timeout=TIMEOUT)
    with page.expect_download() as info:
        link.click()
    path = tmp_path / "sources.bib"
    info.value.save_as(path)
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    eprints = [e.fields_dict["eprint"].value for e in library.entries]
    assert "2502.18137" in eprints

    with page.expect_download() as info:
        answer.get_by_text("reading-list.md").click()
    path = tmp_path / "reading-list.md"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Reading list: What does SpargeAttn do?")
    assert "](https://arxiv.org/abs/2502.18137)" in text

    # A refusal cites nothing, so it offers nothing to download.
    refusal = ask(page, "What is the best pizza in Naples?", 2)
    assert refusal.get_by_text("sources.bib").count() == 0


def test_trend_command_shows_a_chart_and_the_papers_behind_it(page, tmp_path):
    page.fill("#chat-input", "/trend attention")
    page.click("#chat-submit")
    message = page.locator(ANSWERS).filter(has_text="per month").last
    message.wait_for(timeout=TIMEOUT)
    image = message.locator("img[alt='trend.png']")  # the chart, not the avatar
    image.wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 300", arg=image.element_handle(), timeout=TIMEOUT
    )
    text = message.inner_text()
    assert "papers about" in text and "2025-02" in text
    # Each bar's papers are linked to arXiv in the table under the chart.
    assert message.locator("table a[href^='https://arxiv.org/abs/']").count() >= 1
    assert message.get_by_text("trend.json").count() == 1
    message.screenshot(path=str(tmp_path / "trend.png"))  # looked at while writing this test


def test_a_trend_question_shows_its_chart_under_the_answer(page, tmp_path):
    """No command: the question itself gets the numbers, the chart and the papers behind it."""
    answer = ask(page, "how has interest in attention changed month by month?", 1)
    text = answer.inner_text()
    assert "papers about 'attention'" in text and "Busiest month: 2025-02" in text
    per_month = {m: int(n) for m, n in re.findall(r"(\d{4}-\d\d): (\d+)", text)}
    assert per_month["2025-02"] > 0
    image = answer.locator("img[alt='trend.png']")  # the chart (the first img is the avatar)
    image.wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 300", arg=image.element_handle(), timeout=TIMEOUT
    )
    # each bar traced to its papers: the table under the answer links every one to arXiv
    links = answer.locator("table a[href^='https://arxiv.org/abs/']")
    assert links.count() == sum(per_month.values())
    assert answer.get_by_text("trend.json").count() == 1
    # looked at while writing this; the page may re-render the message as it settles and
    # detach the image mid-shot, so the shot is taken again (a few times at most)
    for attempt in range(3):
        try:
            image.screenshot(path=str(tmp_path / "trend-chart.png"), timeout=TIMEOUT)
            break
        except playwright_api.Error:
            if attempt == 2:
                raise
            page.wait_for_timeout(500)
    page.screenshot(path=str(tmp_path / "trend-answer.png"))  # the chart under its answer
