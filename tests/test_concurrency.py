"""Concurrent writers lose nothing: real `digest ingest` processes, embedded and on a server.

The seeds hold ten papers that appear both in an English digest and in the Korean one.
Two ingests of the English and the Korean halves at once must leave every paper with
both mentions (before the writer lock, last writer won and one language was lost).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, make_settings
from servers import ChromaServer, free_port, stop_process

from assistant.index.lock import lock_path, writer_lock
from assistant.ingest.parse import parse_file
from assistant.ingest.pipeline import ingest

DIGEST = Path(sys.executable).parent / "digest"
KO = [SEEDS / "001_de37251fccb98f1c.txt"]
EN = sorted(p for p in SEEDS.iterdir() if p not in KO)


def _expected() -> dict[str, set[tuple]]:
    """Every paper's mention keys (source, date, language) after ingesting all seeds."""
    out: dict[str, set[tuple]] = {}
    for path in EN + KO:
        for m in parse_file(path).mentions:
            out.setdefault(m.arxiv_id, set()).add(m.key())
    return out


def _stored(settings) -> dict[str, set[tuple]]:
    from assistant.index.store import open_store

    _, store = open_store(settings, lazy=True, create=False)
    return {pid: {m.key() for m in p.mentions} for pid, (p, _) in store.load().items()}


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGEST_")}
    env.update(
        DIGEST_STORE_DIR=str(tmp_path / "store"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        ANONYMIZED_TELEMETRY="False",
        **extra,
    )
    return env


def _start(paths, env, log: Path, *options: str) -> subprocess.Popen:
    cmd = [str(DIGEST), "ingest", *map(str, paths), "--json", *options]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)


def _finish(proc: subprocess.Popen, log: Path, seconds: float = 240) -> int:
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        stop_process(proc)
        pytest.fail(f"digest ingest did not finish in {seconds}s: {log.read_text()[-2000:]}")


def _two_at_once(tmp_path: Path, env: dict[str, str]) -> None:
    logs = [tmp_path / "en.log", tmp_path / "ko.log"]
    procs = [_start(EN, env, logs[0]), _start(KO, env, logs[1])]
    try:
        codes = [_finish(p, log) for p, log in zip(procs, logs, strict=True)]
    finally:
        for p in procs:
            stop_process(p)
    assert codes == [0, 0], [log.read_text()[-2000:] for log in logs]


def _assert_nothing_lost(settings) -> None:
    expected, stored = _expected(), _stored(settings)
    assert set(stored) == set(expected)
    lost = {pid: expected[pid] - stored[pid] for pid in expected if expected[pid] - stored[pid]}
    assert lost == {}
    both = [pid for pid, keys in stored.items() if {k[2] for k in keys} == {"en", "ko"}]
    assert len(both) == 10


@pytest.mark.slow
def test_two_ingest_processes_into_one_embedded_store(tmp_path):
    _two_at_once(tmp_path, _env(tmp_path))
    _assert_nothing_lost(make_settings(tmp_path / "store"))


@pytest.mark.slow
def test_a_second_ingest_waits_or_refuses_while_the_store_is_locked(tmp_path):
    env = _env(tmp_path)
    settings = make_settings(tmp_path / "store")
    assert lock_path(settings) == tmp_path / "store" / ".digest-ingest.lock"
    with writer_lock(settings):
        refused = subprocess.run(
            [str(DIGEST), "ingest", str(KO[0]), "--no-wait"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode == 1
        assert "another ingest is running on embedded Chroma at" in refused.stderr
        assert "Traceback" not in refused.stderr

        gave_up = subprocess.run(
            [str(DIGEST), "ingest", str(KO[0]), "--wait-timeout", "0.5"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert gave_up.returncode == 1 and "gave up after waiting 0.5 s" in gave_up.stderr

        log = tmp_path / "waiting.log"
        proc = _start(KO, env, log)
        try:
            for _ in range(600):  # bounded: at most 60 s for the process to start and wait
                if "waiting (Ctrl-C to stop)" in log.read_text() or proc.poll() is not None:
                    break
                time.sleep(0.1)
            assert "another ingest is running" in log.read_text()
            assert proc.poll() is None  # still waiting: it never wrote while we held the lock
        except BaseException:
            stop_process(proc)
            raise
    assert _finish(proc, log) == 0, log.read_text()[-2000:]
    assert len(_stored(settings)) == 22


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("chroma-concurrency")
    srv = ChromaServer(free_port(), base / "data", base / "chroma.log")
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()


@pytest.mark.slow
def test_two_ingest_processes_into_one_chroma_server(server, tmp_path):
    env = _env(
        tmp_path,
        DIGEST_CHROMA_HOST="127.0.0.1",
        DIGEST_CHROMA_PORT=str(server.port),
        DIGEST_COLLECTION="two_processes",
    )
    _two_at_once(tmp_path, env)
    settings = make_settings(
        tmp_path / "unused",
        chroma_host="127.0.0.1",
        chroma_port=server.port,
        collection="two_processes",
    )
    _assert_nothing_lost(settings)
    assert not (tmp_path / "store").exists()  # the lock lives in the cache folder
    assert any((tmp_path / "cache" / "digest-assistant" / "locks").glob("*.lock"))


@pytest.mark.slow
def test_a_writer_on_another_machine_is_merged_not_overwritten(server, tmp_path, monkeypatch):
    """Another machine (its own lock folder) writes between our read and our write.

    The Korean ingest reads the store, then the English one runs to completion elsewhere,
    then the Korean one writes: it re-reads each batch first and keeps the English
    mentions, and the ten papers whose embedded text became English are embedded again.
    """
    from assistant.ingest import pipeline

    settings = make_settings(
        tmp_path / "unused",
        chroma_host="127.0.0.1",
        chroma_port=server.port,
        collection="other_machine",
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "this-machine"))
    real_write = pipeline._write
    other: list = []

    def other_machine_then_write(*args, **kwargs):
        if not other:  # after this ingest read the store, before it writes
            other.append(None)
            with monkeypatch.context() as m:
                m.setenv("XDG_CACHE_HOME", str(tmp_path / "other-machine"))
                other[0] = ingest(EN, settings)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_write", other_machine_then_write)
    ko = ingest(KO, settings)
    assert other[0].papers_new == 48 and ko.papers_new == 22
    assert ko.embedded == 22 + 10  # the ten shared papers again, now with English text
    _assert_nothing_lost(settings)

    from assistant.index.store import open_store

    embedder, store = open_store(settings, lazy=True, create=False)
    for paper, state in store.load().values():
        assert state.embed_hash == paper.embed_hash(embedder.embedder_id)
        assert state.record_hash == paper.record_hash()
    again = ingest(EN + KO, settings)
    assert (again.embedded, again.papers_updated) == (0, 0)
