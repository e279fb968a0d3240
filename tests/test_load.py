"""Load: 20 concurrent chat sessions on the Chainlit app (127.0.0.1), 10 questions each,
over the page's own Socket.IO protocol (no browser: 20 Chromium pages would not fit
this 2-core machine's budget, and the protocol is everything a page sends and receives).

Each session asks about its own paper by name, then nine follow-ups that say "it". A
follow-up can only be answered from the session's own history, so an answer citing any
other paper than the in-process reference answer cites would be cross-talk between
sessions. Every reply must arrive (bounded waits), without an error message, and the
server log must stay free of tracebacks. p50 / p95 latencies are printed and written to
`load.json` in the test's temp folder.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import time

import pytest
from chainlit_app import ChainlitApp, ChatClient

pytestmark = pytest.mark.slow

SESSIONS = 20
# 20 stored papers whose name the rule-based follow-up rewrite keeps for all nine follow-ups
NAMES = [
    "ART",
    "ActionPiece",
    "AdaptiveStep",
    "Autellix",
    "Craw4LLM",
    "Curie",
    "DA-Code",
    "EvoPress",
    "EvolveDirector",
    "JMMMU",
    "K-LoRA",
    "KV-Edit",
    "LDGen",
    "LongPO",
    "Meissonic",
    "MiniPLM",
    "PyramidDrop",
    "SWE-RL",
    "SpargeAttn",
    "WebGames",
]
FOLLOW_UPS = [
    "How much faster is it?",
    "What results does it report?",
    "How was it evaluated?",
    "What problem does it solve?",
    "Who are its authors?",
    "What is new in it?",
    "Which benchmark does it use?",
    "Does it release code?",
    "What are its limitations?",
]
QUESTION_TIMEOUT = 60.0  # seconds for one reply under load
TOTAL_TIMEOUT = 240.0  # seconds for all sessions together
CITED = re.compile(r"\]\(https://arxiv\.org/abs/([^)\s]+)\)")


def questions(name: str) -> list[str]:
    return [f"What does {name} propose?", *FOLLOW_UPS]


def cited_ids(markdown: str) -> list[str]:
    sources = markdown.split("**Sources**", 1)
    return CITED.findall(sources[1]) if len(sources) == 2 else []


@pytest.fixture(scope="module")
def reference(seed_assistant):
    """What each session must be answered, from one conversation at a time in-process."""
    by_name = {}
    for paper in seed_assistant.catalog.papers.values():
        head = paper.title.partition(":")[0].strip()
        if head in NAMES:
            by_name[head] = paper.arxiv_id
    assert sorted(by_name) == sorted(NAMES)
    expected = {}
    for name in NAMES:
        conversation = seed_assistant.chat()
        expected[name] = [
            [c.arxiv_id for c in conversation.ask(q).citations] for q in questions(name)
        ]
        # the session's paper is what its first question and its "it" follow-ups are about
        assert expected[name][0][:1] == [by_name[name]], name
        assert expected[name][1][:1] == [by_name[name]], name
    return by_name, expected


def test_twenty_concurrent_sessions(seed_settings, reference, tmp_path):
    by_name, expected = reference

    async def session(url: str, name: str) -> list:
        client = ChatClient(url, timeout=QUESTION_TIMEOUT)
        await client.connect()
        try:
            return [await client.ask(q) for q in questions(name)]
        finally:
            await client.close()

    async def run_all(url: str) -> tuple[list, float]:
        started = time.perf_counter()
        results = await asyncio.wait_for(
            asyncio.gather(*(session(url, n) for n in NAMES[:SESSIONS])), TOTAL_TIMEOUT
        )
        return results, time.perf_counter() - started

    env = {"DIGEST_ANSWER_MODE": "extractive"}
    with ChainlitApp(tmp_path, seed_settings.store_dir, env) as app:
        results, wall = asyncio.run(run_all(app.url))
        log = app.log_text()

    latencies = []
    for name, replies in zip(NAMES, results, strict=True):
        assert len(replies) == len(questions(name))
        for i, reply in enumerate(replies):
            assert not reply.errors, (name, reply.question, reply.errors)
            assert reply.answer, (name, reply.question)
            got = cited_ids(reply.answer)
            assert got == expected[name][i], (name, reply.question, got, expected[name][i])
            latencies.append(reply.seconds)
        assert cited_ids(replies[1].answer)[:1] == [by_name[name]]  # "how much faster is it?"
    assert "Traceback" not in log and " - ERROR - " not in log, log[-3000:]

    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    stats = {
        "sessions": SESSIONS,
        "questions": len(latencies),
        "wall_seconds": round(wall, 2),
        "p50_seconds": round(p50, 3),
        "p95_seconds": round(p95, 3),
        "max_seconds": round(latencies[-1], 3),
        "throughput_per_second": round(len(latencies) / wall, 2),
    }
    (tmp_path / "load.json").write_text(json.dumps(stats, indent=2))
    print(f"\nload: {stats} -> {tmp_path / 'load.json'}")
    assert len(latencies) == SESSIONS * 10
