"""Chroma server mode (a real `chroma run` subprocess) and Chroma telemetry staying off.

The server tests are `slow`: they embed the seeds once (about 20 s) and start a server.
"""

from __future__ import annotations

import socket
import time

import pytest
from click.testing import CliRunner
from conftest import SEEDS, make_settings
from servers import ChromaServer, bounded, free_port

from assistant.app.cli import main as cli
from assistant.errors import DigestError, StoreError
from assistant.ingest.pipeline import ingest

SPARGE = "2502.18137"
LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost", "0.0.0.0", None, ""}


class NetworkGuard:
    """Records (and refuses) every attempt to resolve or reach a non-local host."""

    def __init__(self, monkeypatch):
        self.attempts: list[object] = []
        real_connect = socket.socket.connect
        real_getaddrinfo = socket.getaddrinfo

        def connect(sock, address):
            host = address[0] if isinstance(address, tuple) else None
            if sock.family in (socket.AF_INET, socket.AF_INET6) and host not in LOCAL_HOSTS:
                self.attempts.append(address)
                raise OSError(f"network disabled in tests: {address}")
            return real_connect(sock, address)

        def getaddrinfo(host, *args, **kwargs):
            if host not in LOCAL_HOSTS:
                self.attempts.append(host)
                raise socket.gaierror(f"network disabled in tests: {host}")
            return real_getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


# -- telemetry (fast, embedded mode) -------------------------------------------------------


def test_embedded_chroma_makes_no_network_calls(tmp_path, monkeypatch):
    from assistant.app.api import Assistant
    from assistant.index.store import PaperStore, make_embedder

    guard = NetworkGuard(monkeypatch)
    settings = make_settings(tmp_path / "store")
    report = ingest([SEEDS / "003_0419e020d2a675aa.txt"], settings)
    assert report.papers_new == 7 and not report.errors
    embedder = make_embedder(settings)
    store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    assert store._client.get_settings().anonymized_telemetry is False
    answer = Assistant(settings).ask("What does PyramidDrop do?")
    assert not answer.refused
    time.sleep(0.5)  # give a background telemetry thread, if any, the chance to try
    assert guard.attempts == []


# -- a real Chroma server ------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("chroma-server")
    srv = ChromaServer(free_port(), base / "data", base / "chroma.log")
    try:
        srv.start()
        # store_dir points at a folder that must stay untouched in server mode
        srv.settings = make_settings(base / "local", chroma_host="127.0.0.1", chroma_port=srv.port)
        srv.first = ingest([SEEDS], srv.settings)
        yield srv
    finally:
        srv.stop()


@pytest.mark.slow
def test_ingest_into_the_server(server):
    report = server.first
    assert report.errors == []
    assert (report.papers_total, report.papers_new, report.embedded) == (60, 60, 60)
    assert report.store_total == 60
    assert not (server.settings.store_dir).exists()  # nothing written locally


@pytest.mark.slow
def test_ask_through_the_server_gives_a_cited_answer(server, monkeypatch):
    from assistant.app.api import Assistant

    guard = NetworkGuard(monkeypatch)
    assistant = Assistant(server.settings)
    answer = bounded(lambda: assistant.ask("What does SpargeAttn do?"))
    assert not answer.refused
    assert answer.citations[0].arxiv_id == SPARGE
    assert answer.citations[0].url == f"https://arxiv.org/abs/{SPARGE}"
    assert "2.5x" in answer.text
    assert len(assistant.catalog) == 60
    time.sleep(0.5)
    assert guard.attempts == []  # the HTTP client talks to 127.0.0.1 only


@pytest.mark.slow
def test_reingest_into_the_server_embeds_nothing(server):
    report = ingest([SEEDS], server.settings)
    assert (report.embedded, report.papers_unchanged, report.store_total) == (0, 60, 60)


@pytest.mark.slow
def test_cli_against_the_server(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {
        "DIGEST_CHROMA_HOST": "127.0.0.1",
        "DIGEST_CHROMA_PORT": str(server.port),
        "DIGEST_STORE_DIR": str(tmp_path / "unused"),
        "DIGEST_ANSWER_MODE": "extractive",
    }
    result = CliRunner().invoke(cli, ["papers", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert '"papers": 60' in result.stdout and "Chroma server 127.0.0.1" in result.stdout


@pytest.mark.slow
def test_two_app_processes_on_one_server_see_each_others_ingest(server, tmp_path):
    """Each client keeps its derived indexes in its own cache (as on two machines); an
    ingest by another process shows at the next question, without restart."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from assistant.app.api import Assistant
    from assistant.index.derived import derived_path

    def client(name: str):
        return server.settings.model_copy(
            update={"collection": "two_clients", "cache_dir": tmp_path / name}
        )

    first, second = client("a"), client("b")
    ingest([SEEDS / "003_0419e020d2a675aa.txt"], first)  # 7 papers, not SpargeAttn
    reader = Assistant(second)
    assert bounded(lambda: reader.ask("What does SpargeAttn do?")).refused
    assert len(reader.catalog) == 7
    assert derived_path(first) != derived_path(second)
    assert derived_path(second).is_file()

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
    env.update(
        DIGEST_CHROMA_HOST="127.0.0.1",
        DIGEST_CHROMA_PORT=str(server.port),
        DIGEST_COLLECTION="two_clients",
        DIGEST_CACHE_DIR=str(tmp_path / "other-process"),
        DIGEST_STORE_DIR=str(tmp_path / "unused"),
    )
    digest = Path(sys.executable).parent / "digest"
    done = subprocess.run(
        [str(digest), "ingest", str(SEEDS / "000_1ad675b0dd00e240.txt"), "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr

    answer = bounded(lambda: reader.ask("What does SpargeAttn do?"))  # no refresh()
    assert not answer.refused and answer.citations[0].arxiv_id == SPARGE
    assert len(reader.catalog) == 17


@pytest.mark.slow
def test_server_down_is_a_clean_error_not_a_hang(server, tmp_path, monkeypatch):
    """Runs last: stops the server, then every way in must fail fast with a DigestError."""
    from assistant.app.api import Assistant

    warm = Assistant(server.settings)
    assert not bounded(lambda: warm.ask("What does SpargeAttn do?")).refused
    server.stop()
    assert not server.alive()

    # a fresh Assistant: opening the store fails
    started = time.monotonic()
    with pytest.raises(StoreError, match="127.0.0.1"):
        bounded(lambda: Assistant(server.settings).ask("What does SpargeAttn do?"))
    assert time.monotonic() - started < 30

    # ingest: opening the store fails the same way
    with pytest.raises(StoreError):
        bounded(lambda: ingest([SEEDS / "003_0419e020d2a675aa.txt"], server.settings))

    # the CLI: one clean line, exit status 1
    monkeypatch.chdir(tmp_path)
    env = {"DIGEST_CHROMA_HOST": "127.0.0.1", "DIGEST_CHROMA_PORT": str(server.port)}
    result = bounded(lambda: CliRunner().invoke(cli, ["ask", "What is SpargeAttn?"], env=env))
    assert result.exit_code == 1
    assert "Error" in result.output and "Traceback" not in result.output

    # BUG (retrieval.dense / store): an Assistant that was already connected leaks a raw
    # `httpx.ConnectError` (fast, no hang) instead of a StoreError, so `digest chat` and the
    # UI, which catch DigestError, crash on it
    started = time.monotonic()
    with pytest.raises(DigestError):
        bounded(lambda: warm.ask("How does PyramidDrop reduce visual tokens?"))
    assert time.monotonic() - started < 30
