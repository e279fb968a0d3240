"""`digest serve` to the first answer in the page, as a user meets it.

The browser (real headless Chromium, as in the browser tests) is opened first, since a
user's browser is already running; the clock starts when `digest serve` is started, and
stops when the first answer to a typed question is complete in the page (its feedback
buttons show). The server is launched by the tests' own launcher (a copied app root, a
clean environment, always stopped), with the bytecode cache of a normal install (see
`bench.runner.child_env`): a warm-up import of Chainlit and the app fills it first, unmeasured.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
QUESTION = "How much does SpargeAttn speed up inference?"
TIMEOUT_MS = 120_000


def first_answer(store: Path, env: dict[str, str] | None = None) -> dict:
    """Seconds from starting `digest serve` on `store` to: HTTP up, page ready, answer.
    `env`: extra environment for the server (the bytecode cache settings)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from chainlit_app import ANSWERS, ChainlitApp, wait_answers
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="digest-bench-serve-") as base:
        app = ChainlitApp(
            Path(base), store, env={"DIGEST_ANSWER_MODE": "extractive", **(env or {})}
        )
        warm_imports(app)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(locale="en-US")
            try:
                t0 = time.monotonic()
                app.start()
                up = time.monotonic() - t0
                page.goto(app.url)
                page.wait_for_selector("#chat-input", timeout=TIMEOUT_MS)
                ready = time.monotonic() - t0
                page.fill("#chat-input", QUESTION)
                page.click("#chat-submit")
                wait_answers(page, 1, TIMEOUT_MS)
                answered = time.monotonic() - t0
                text = page.locator(ANSWERS).last.inner_text()
            finally:
                browser.close()
                app.stop()
    return {
        "http_up_s": round(up, 2),
        "page_ready_s": round(ready, 2),
        "first_answer_s": round(answered, 2),
        "answer_cites_arxiv": "arxiv" in text.lower() or "[1]" in text,
    }


def warm_imports(app) -> None:
    """Import what the server will (Chainlit, the chat module) once, in the server's
    environment and app root, so that its bytecode is cached as after any first run."""
    code = "import chainlit, chainlit.cli, assistant.app.web.chat"
    subprocess.run([sys.executable, "-c", code], cwd=app.base, env=app.env, check=True, timeout=300)
