"""Issue 15: the chat server answers other sessions while one works on a hostile question.

Was: a 12,000-character message froze every session for about 37 s (the question reader
backtracked, holding the GIL). Now it is refused before any work, and a question at the
2,000-character limit is worked on in a thread with linear work, so another session's
question, sent at the same moment, gets its own cited answer.
"""

from __future__ import annotations

import asyncio

import pytest
from chainlit_app import ChainlitApp, ChatClient

pytestmark = pytest.mark.slow

TIMEOUT = 90.0  # bounded waits: a hang fails the test instead of the suite


def test_other_sessions_are_answered_during_hostile_questions(seed_settings, tmp_path):
    async def run(url: str):
        hostile, other = ChatClient(url, TIMEOUT), ChatClient(url, TIMEOUT)
        await hostile.connect()
        await other.connect()
        try:
            too_long = await hostile.ask("papers in " * 1200)
            at_limit, answered = await asyncio.gather(
                hostile.ask(("papers in " * 200)[:2000]),
                other.ask("What does SpargeAttn propose?"),
            )
            return too_long, at_limit, answered
        finally:
            await hostile.close()
            await other.close()

    with ChainlitApp(
        tmp_path, seed_settings.store_dir, {"DIGEST_ANSWER_MODE": "extractive"}
    ) as app:
        too_long, at_limit, answered = asyncio.run(asyncio.wait_for(run(app.url), 3 * TIMEOUT))
        log = app.log_text()

    assert any("the limit is 2,000" in e for e in too_long.errors), too_long.errors
    assert not at_limit.errors and at_limit.answer
    assert not answered.errors and "https://arxiv.org/abs/2502.18137" in answered.answer
    assert "Traceback" not in log
