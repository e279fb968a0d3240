"""End to end: `digest serve` on 127.0.0.1 over a store built from the seeds plus a hostile
digest, driven in real headless Chromium (Debian's /usr/bin/chromium) with Playwright.

One journey, in the order a person would go: welcome page (About shows what the store
holds), a starter, a follow-up, a question whose paper's summary carries `<script>` and
`<img onerror>` (shown as text, never run), the citation's side element, thumbs-down with
a comment (checked in SQLite), chat settings (a date filter applied to the next question),
and screenshots. Nothing leaves the machine: every request that is not for the app is
aborted and recorded, and the test fails if the app's own page asked for anything else
than the two web fonts / stylesheets Chainlit's index.html names.

UPDATE_SCREENSHOT=1 also writes docs/screenshot.png (the README's picture).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
from chainlit_app import ANSWERS, ChainlitApp, wait_answers
from conftest import ROOT, SEEDS, make_settings
from servers import CHROMIUM, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SCRIPT_TEXT = "<script>window.__pwned=1</script>"
IMG_TEXT = '<img src=x onerror="window.__pwned=2">'
ANSWER_TIMEOUT = 30_000  # ms
# Chainlit's index.html links Google Fonts and KaTeX's stylesheet; offline they just fail.
KNOWN_EXTERNAL = ("https://fonts.googleapis.com/", "https://cdn.jsdelivr.net/npm/katex")

playwright_api = require_chromium()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("browser")
    timings = {}
    start = time.monotonic()
    store = base / "store"
    report = ingest([SEEDS, HOSTILE], make_settings(store))
    assert report.papers_total == 61 and not report.errors
    timings["ingest"] = time.monotonic() - start

    app = ChainlitApp(base, store, env={"DIGEST_ANSWER_MODE": "extractive"})
    start = time.monotonic()
    app.start()
    timings["server_start"] = time.monotonic() - start
    try:
        yield {"url": app.url, "root": app.root, "log": app.log, "timings": timings, "dir": base}
    finally:
        app.stop()


def _last_answer(page):
    """The newest assistant message."""
    return page.locator(ANSWERS).last


def _ask(page, question: str) -> None:
    page.fill("#chat-input", question)
    page.click("#chat-submit")


def _wait_answers(page, count: int) -> None:
    wait_answers(page, count, ANSWER_TIMEOUT)


def test_chat_journey(server):
    url, timings = server["url"], server["timings"]
    external: list[str] = []
    shots = server["dir"]

    def route(request_route):
        request = request_route.request
        if request.url.startswith((url, url.replace("http", "ws"))):
            request_route.continue_()
        else:
            external.append(request.url)
            request_route.abort()

    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="en-US")
        page.route("**/*", route)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            t0 = time.monotonic()
            page.goto(url)
            page.wait_for_selector("#starters button:not([disabled])", timeout=ANSWER_TIMEOUT)
            timings["page_ready"] = time.monotonic() - t0
            starters = page.locator("#starters button")
            assert starters.count() == 4
            labels = [starters.nth(i).inner_text() for i in range(4)]
            assert any("2025-03-03" in label for label in labels), labels

            # The welcome page (About) says what the store holds.
            page.click("#readme-button")
            about = page.get_by_role("dialog")
            about.get_by_text("61 papers").wait_for()
            assert "2024-10-14" in about.inner_text() and "2025-03-03" in about.inner_text()
            page.screenshot(path=str(shots / "about.png"))
            page.keyboard.press("Escape")

            # A starter: the first one asks about a named paper.
            t0 = time.monotonic()
            starters.first.click()
            _wait_answers(page, 1)
            timings["starter_answer"] = time.monotonic() - t0
            first = _last_answer(page)
            assert first.locator(".element-link").count() >= 1
            assert "arxiv.org/abs/" in first.locator("a[href*='arxiv.org']").first.get_attribute(
                "href"
            )
            if os.environ.get("UPDATE_SCREENSHOT"):
                _readme_screenshot(page)
            # Steps show the work.
            for name in ("Standalone question", "Retrieval", "Answer mode"):
                assert page.locator(f"[id='step-{name}']").count() >= 1
            page.locator("[id='step-Retrieval']").first.click()
            page.get_by_text("Filters applied").first.wait_for()
            assert page.locator("table").first.is_visible()
            page.screenshot(path=str(shots / "starter.png"))

            # A follow-up: "it" is the paper just discussed.
            t0 = time.monotonic()
            _ask(page, "How was it evaluated?")
            _wait_answers(page, 2)
            timings["follow_up_answer"] = time.monotonic() - t0
            page.locator("[id='step-Standalone question']").last.click()
            page.get_by_text("rewritten from: How was it evaluated?").wait_for()
            assert _last_answer(page).locator(".element-link").count() >= 1

            # The hostile digest: markup in a summary is shown as text and never runs.
            t0 = time.monotonic()
            _ask(page, "What is MarkupTrap?")
            _wait_answers(page, 3)
            timings["hostile_answer"] = time.monotonic() - t0
            answer = _last_answer(page)
            answer_text = answer.inner_text().replace("\u2060", "")
            assert SCRIPT_TEXT in answer_text, answer_text
            assert "MarkupTrap" in answer_text
            # answers drop the links a digest carried, keeping their labels as text
            assert "tracker" in answer_text and "127.0.0.1:9" not in answer_text

            # Open the citation's side element, once the sources panel the answer opens by
            # itself is there (it would replace the element opened before it).
            page.get_by_text(re.compile(r"^\d+ cited papers?$")).first.wait_for()
            side = page.locator(".side-text").last
            for attempt in range(3):  # (the panel may still replace the first one opened)
                answer.locator(".element-link").first.click()
                try:
                    side.wait_for(timeout=10_000)
                    break
                except playwright_api.TimeoutError:
                    if attempt == 2:
                        raise
            side_text = side.inner_text().replace("\u2060", "")
            assert "MarkupTrap: Digest Summaries" in side_text
            assert SCRIPT_TEXT in side_text and IMG_TEXT in side_text
            assert "![tracker](http://127.0.0.1:9/pixel.png)" in side_text
            assert "Mallory Example" in side_text and "2025-03-03" in side_text
            arxiv = side.locator("a[href='https://arxiv.org/abs/2503.00001']")
            assert arxiv.count() == 1
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("img[src='x'], img[src*='pixel']").count() == 0
            assert page.locator("script:not([src])").filter(has_text="__pwned").count() == 0
            assert page.locator("a[href^='javascript:'], a[href*='pixel']").count() == 0
            page.screenshot(path=str(shots / "hostile.png"))

            # Thumbs down with a comment, persisted in SQLite.
            answer.locator("button.negative-feedback-off").click()
            dialog = page.get_by_role("dialog")
            dialog.locator("textarea").fill("The summary markup should be flagged.")
            dialog.get_by_role("button", name="Submit feedback").click()
            answer.locator("button.negative-feedback-on").wait_for()
            rows = _feedback_rows(server["root"] / ".chainlit" / "feedback.db")
            assert len(rows) == 1, rows
            assert rows[0]["value"] == 0
            assert rows[0]["comment"] == "The summary markup should be flagged."
            assert rows[0]["question"] == "What is MarkupTrap?"
            assert "2503.00001" in rows[0]["citations"]

            # Settings: a date range applied from the next question on.
            page.click("#chat-settings-open-modal")
            page.locator("#chat-settings").wait_for()
            page.click("#since")
            page.get_by_role("option", name="2024-10-23").click()
            page.click("#until")
            page.get_by_role("option", name="2024-10-23").click()
            page.click("#confirm")
            _ask(page, "Which papers propose new methods for compressing large language models?")
            _wait_answers(page, 4)
            page.locator("[id='step-Retrieval']").last.click()
            page.get_by_text("dates 2024-10-23 to 2024-10-23").last.wait_for()
            dated = _last_answer(page).inner_text()
            assert "2024-10-23" in dated and "2025-02" not in dated.split("Sources")[-1]

            assert page.evaluate("typeof window.__pwned") == "undefined"
            path = shots / "chat.png"
            page.screenshot(path=str(path))
        finally:
            browser.close()

    assert not errors, errors
    assert all(u.startswith(KNOWN_EXTERNAL) for u in external), external
    print("\nbrowser e2e timings (s):", {k: round(v, 1) for k, v in timings.items()})
    print("screenshots in", shots)


def _feedback_rows(path: Path) -> list[dict]:
    deadline = time.monotonic() + 10
    while True:
        if path.exists():
            db = sqlite3.connect(path)
            db.row_factory = sqlite3.Row
            try:
                rows = [
                    dict(r)
                    for r in db.execute(
                        "SELECT f.value, f.comment, a.question, a.citations FROM feedback f "
                        "LEFT JOIN answers a ON f.for_id IN (a.message_id, a.run_id)"
                    )
                ]
            finally:
                db.close()
            if rows or time.monotonic() > deadline:
                return rows
        elif time.monotonic() > deadline:
            return []
        time.sleep(0.2)


def _readme_screenshot(page) -> None:
    """docs/screenshot.png: a starter's answer, its steps, and the cited paper's panel."""
    target = ROOT / "docs" / "screenshot.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target))
