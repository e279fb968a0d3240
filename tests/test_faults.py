"""Faults: a Chroma server killed (`kill -9`) while an Assistant is answering, then started
again on the same port and data folder.

While it is down every question fails fast with a `StoreError` (never a hang, never a raw
httpx error); once it is back the same, already-connected Assistant answers again, and the
store holds exactly what it held before.

Related fault tests live next to the features they break: `kill -9` in the middle of a
`digest ingest` (then ingesting again equals a clean ingest) is
test_ingest.py::test_killed_ingest_process_resumes_to_the_same_store_as_a_clean_run, and a
server stopped with SIGTERM (fresh Assistants, ingest and the CLI fail cleanly) is
test_chroma_server.py::test_server_down_is_a_clean_error_not_a_hang.
"""

from __future__ import annotations

import threading
import time

import pytest
from conftest import SEEDS, make_settings
from servers import ChromaServer, bounded, free_port

from assistant.errors import StoreError

pytestmark = pytest.mark.slow

EN_1023 = SEEDS / "003_0419e020d2a675aa.txt"  # 7 papers: quick to embed
QUESTIONS = [
    "What does PyramidDrop do?",
    "How does EvoPress compress models?",
    "What is JMMMU about?",
]
ERROR_WITHIN = 30.0  # seconds a question may take to fail while the server is down


def snapshot(settings) -> dict[str, tuple]:
    from assistant.index.store import PaperStore, make_embedder

    embedder = make_embedder(settings)
    store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    got = store.collection.get(include=["metadatas", "documents", "embeddings"])
    return {
        pid: (meta["record_hash"], meta["embed_hash"], doc, tuple(float(x) for x in vec))
        for pid, meta, doc, vec in zip(
            got["ids"], got["metadatas"], got["documents"], got["embeddings"], strict=True
        )
    }


@pytest.fixture
def chroma(tmp_path):
    server = ChromaServer(free_port(), tmp_path / "data", tmp_path / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_server_killed_mid_query_fails_cleanly_and_recovers_on_restart(chroma, tmp_path):
    from assistant.app.api import Assistant
    from assistant.ingest.pipeline import ingest

    settings = make_settings(tmp_path / "unused", chroma_host="127.0.0.1", chroma_port=chroma.port)
    report = ingest([EN_1023], settings)
    assert report.papers_new == 7 and not report.errors
    before = snapshot(settings)
    warm = Assistant(settings)
    expected = {q: bounded(lambda q=q: warm.ask(q)) for q in QUESTIONS}
    assert all(not a.refused and a.citations for a in expected.values())

    # Questions keep coming from a worker thread while the server is killed under it.
    outcomes: list[tuple[str, float, object]] = []  # (phase, seconds, Answer | Exception)
    phase = {"now": "up"}
    stop = threading.Event()

    def ask_in_a_loop() -> None:
        for i in range(400):  # bounded: about 40 questions a second at most
            if stop.is_set():
                return
            started, at_start = time.monotonic(), phase["now"]
            try:
                result: object = warm.ask(QUESTIONS[i % len(QUESTIONS)])
            except Exception as exc:  # recorded, judged below
                result = exc
            outcomes.append((at_start, time.monotonic() - started, result))
            time.sleep(0.02)

    worker = threading.Thread(target=ask_in_a_loop, daemon=True)
    worker.start()
    try:
        _wait_for(lambda: sum(1 for p, _, r in outcomes if p == "up") >= 3, 60, outcomes)
        phase["now"] = "down"
        chroma.kill9()
        assert not chroma.alive()
        _wait_for(lambda: sum(1 for p, _, _ in outcomes if p == "down") >= 4, 120, outcomes)
    finally:
        stop.set()
        worker.join(timeout=ERROR_WITHIN + 10)
    assert not worker.is_alive(), "a question hung while the server was down"

    # Phases are those at each question's start. The one in flight at the kill may fail
    # (connection reset), and the first one started after it may still have got through.
    up = [r for p, _, r in outcomes if p == "up"]
    assert all(not isinstance(r, Exception) for r in up[:-1]), up
    down = [(s, r) for p, s, r in outcomes if p == "down"]
    assert all(isinstance(r, Exception) for _, r in down[1:]), down
    failures = [(s, r) for _, s, r in outcomes if isinstance(r, Exception)]
    assert len(failures) >= 3
    for seconds, exc in failures:
        assert isinstance(exc, StoreError), f"{type(exc).__module__}.{type(exc).__name__}: {exc}"
        assert f"127.0.0.1:{chroma.port}" in str(exc)
        assert "\n" not in str(exc).strip() and "Traceback" not in str(exc)
        assert seconds < ERROR_WITHIN

    print(
        f"\nchroma kill -9: {len(up)} answers before, {len(failures)} StoreErrors after "
        f"(slowest {max(s for s, _ in failures):.2f}s): {failures[0][1]}"
    )

    # A fresh Assistant cannot open the store either: a StoreError, quickly.
    started = time.monotonic()
    with pytest.raises(StoreError):
        bounded(lambda: Assistant(settings).ask(QUESTIONS[0]), ERROR_WITHIN + 10)
    assert time.monotonic() - started < ERROR_WITHIN

    # Back on the same port and folder: the connected Assistant answers as before.
    chroma.start()
    for question, answer in expected.items():
        again = bounded(lambda q=question: warm.ask(q))
        assert again.text == answer.text
        assert again.citations == answer.citations
    fresh = bounded(lambda: Assistant(settings).ask(QUESTIONS[0]))
    assert fresh.citations == expected[QUESTIONS[0]].citations
    assert snapshot(settings) == before  # nothing lost or changed by the kill

    # and ingesting again after the restart finds nothing to do
    again = ingest([EN_1023], settings)
    assert (again.embedded, again.papers_unchanged, again.store_total) == (0, 7, 7)


def _wait_for(condition, seconds: float, outcomes) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out; outcomes so far: {outcomes[-5:]}")
        time.sleep(0.05)
