"""`digest watch DIR` as a real subprocess: a digest written into the folder while it runs is
ingested once complete (never half), and an Assistant that was already running (as in
`digest serve`) answers from it at its next question, with no restart; a digest deleted
from the folder leaves the store, its papers kept while another digest mentions them."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import SEEDS, make_settings
from servers import stop_process

pytestmark = pytest.mark.slow

WAIT = 90.0  # seconds: the bound on every wait for the watcher
SEED = SEEDS / "000_1ad675b0dd00e240.txt"  # 10 papers, shape 1, 2025-02-26
NEW = """## Papers for 2025-03-10

| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |
|-------|---------|---------|----------------|-------------|------------------|
| [Quokka Attention: Marsupial Kernels for Sparse Transformers](https://arxiv.org/abs/2503.07777) | Ana Quokka, Bo Wallaby | - Quokka Attention replaces dense attention with marsupial pouch kernels. - It runs 7.3x faster than FlashAttention-2 on 64k-token sequences. | ['Natural Language Processing'] | N/A | N/A |
| [Platypus Decoding: Egg-Laying Speculative Drafts](https://arxiv.org/abs/2503.08888) | Cy Platypus | - Platypus Decoding drafts tokens with a monotreme model and verifies them in one pass. - It reaches 3.1x decoding speedup on Llama 3 70B. | ['Natural Language Processing'] | N/A | N/A |
"""


class Watch:
    """`digest watch FOLDER` with its output lines in a queue."""

    def __init__(self, folder: Path, store: Path, *args: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
        env.update({"DIGEST_STORE_DIR": str(store), "PYTHONUNBUFFERED": "1"})
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "digest"), "watch", str(folder), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=folder.parent,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, *words: str, timeout: float = WAIT) -> str:
        """The next output line containing every one of `words` (bounded wait)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if all(w in line for w in words):
                return line
        raise AssertionError(f"no line with {words}; output so far: {self.seen}")

    def drain(self) -> list[str]:
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        self.seen += out
        return out


def test_watch_ingests_a_digest_written_while_it_runs_and_forgets_a_deleted_one(tmp_path):
    from assistant import Assistant

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "store"
    watch = Watch(folder, store, "--settle", "0.5")
    try:
        line = watch.expect("catch-up")
        assert "1 files" in line and "10 papers (10 new" in line
        watch.expect("watching")
        running = Assistant(make_settings(store))  # the server's assistant, never restarted
        question = "How much faster is Quokka Attention?"
        assert running.ask(question).refused

        # A half-written digest: the second row is cut mid-cell. It must wait.
        target = folder / "2025-03-10.md"
        cut = NEW.index("3.1x")
        with target.open("w", encoding="utf-8") as f:
            f.write(NEW[:cut])
        line = watch.expect("2025-03-10.md", "incomplete")
        assert "truncated" in line
        assert not any("2025-03-10.md: " in x and "new" in x for x in watch.drain())

        # The rest arrives: the whole file is ingested, once.
        with target.open("a", encoding="utf-8") as f:
            f.write(NEW[cut:])
        line = watch.expect("2025-03-10.md:", "papers")
        assert "2 papers (2 new, 0 updated, 0 unchanged)" in line, line
        assert "12 papers in the store" in line

        # A hidden temporary file renamed into place (an atomic writer) counts once renamed.
        temp = folder / ".incoming.md"
        temp.write_text(NEW.replace("7.3x", "7.5x"), encoding="utf-8")
        time.sleep(1.0)
        assert not any(".incoming" in x for x in watch.drain())
        temp.rename(folder / "2025-03-10-v2.md")
        line = watch.expect("2025-03-10-v2.md:", "papers")
        assert "2 papers (0 new, 2 updated" in line, line

        answer = running.ask(question)  # the next question sees the new papers
        assert not answer.refused
        assert "2503.07777" in [c.arxiv_id for c in answer.citations]

        # Deleted: its two papers are also in 2025-03-10.md, so they stay, with that mention
        (folder / "2025-03-10-v2.md").unlink()
        line = watch.expect("2025-03-10-v2.md: deleted")
        assert "0 papers removed, 2 kept" in line and "12 papers in the store" in line, line
        assert not running.ask(question).refused
        (folder / "2025-03-10.md").unlink()  # now nothing mentions them: they leave
        line = watch.expect("2025-03-10.md: deleted")
        assert "2 papers removed" in line and "10 papers in the store" in line, line
        assert running.ask(question).refused
        assert len(running.catalog) == 10
    finally:
        if watch.proc.poll() is None:
            watch.proc.send_signal(signal.SIGINT)
            try:
                code = watch.proc.wait(timeout=WAIT)
            finally:
                stop_process(watch.proc)
            assert code == 0, watch.seen
    watch.expect("stopped watching", timeout=5)
