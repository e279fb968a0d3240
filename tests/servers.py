"""Test helpers for real local servers: free ports, bounded calls, a `chroma run` process.

Everything binds to 127.0.0.1 and every wait is bounded, so a broken server fails the test
instead of hanging the suite.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bounded(func, seconds: float = 60):
    """Run `func` in a thread; fail (instead of hanging the suite) after `seconds`."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(func).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


def stop_process(proc: subprocess.Popen | None, grace: float = 10) -> None:
    """Terminate `proc`; kill it if it is still there after `grace` seconds."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


class ChromaServer:
    """`chroma run` on a fixed port and folder, so it can be stopped, killed and restarted."""

    def __init__(self, port: int, path: Path, log: Path):
        self.port, self.path, self.log = port, path, log
        self.proc: subprocess.Popen | None = None

    def start(self, seconds: float = 60) -> None:
        if not CHROMA.exists():
            pytest.skip("the chroma CLI is not installed in this environment")
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        cmd = [str(CHROMA), "run", "--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd + ["--path", str(self.path)], stdout=out, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"chroma exited ({self.proc.returncode}): {self.log.read_text()}")
            if self.alive():
                return
            time.sleep(0.2)
        pytest.fail(f"chroma not up after {seconds}s: {self.log.read_text()[-2000:]}")

    def alive(self) -> bool:
        url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def kill9(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        stop_process(self.proc)


CHROMIUM = "/usr/bin/chromium"


def require_chromium():
    """playwright's sync API for a browser test module; the module is skipped without
    Debian's Chromium locally, and fails under CI=true (.ci/run installs it)."""
    if not Path(CHROMIUM).exists():  # pragma: no cover - .ci/run installs it
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} is missing: CI must run the browser tests")
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True
        )
    return pytest.importorskip("playwright.sync_api")
