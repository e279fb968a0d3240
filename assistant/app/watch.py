"""`digest watch DIR`: ingest digests as they land in a folder.

Built on `watchfiles` (Rust `notify` underneath). A file is ingested only once it is
*complete*:

- its size and modification time have not changed for `settle` seconds (a copy, a
  download or an editor's save has finished), checked again after parsing;
- it parses without a problem. A truncated table row is what a half-written file looks
  like, so a file with a parse problem waits for its next change. A file that keeps a
  problem unchanged for `grace` seconds is ingested anyway, problems reported, as
  `digest ingest` would (a real archive has the odd malformed row).

Writers that write a temporary name and rename it (`x.md.part` -> `x.md`, or a hidden
`.x.md`) are never seen half-way: only visible `.md` / `.markdown` / `.txt` files count.
Each ingest is the ordinary incremental one (`assistant.ingest.pipeline.ingest`) on that
one file, with `prune` (not `thorough`: the watcher has pruned every earlier change, so
what the file held when last ingested tells which papers lose its mention): a file that changes is re-read as a whole and replaces what it
said before (a paper row removed from it loses that mention), and a file deleted (still
gone after `settle` seconds: an editor's replace is no deletion) takes its mentions out
of the store; a paper that other files mention keeps those. The catch-up at start prunes
the same way: files deleted while nobody watched leave the store too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from assistant.config import Settings
from assistant.ingest.pipeline import DIGEST_SUFFIXES, IngestReport, discover, ingest

SETTLE_SECONDS = 2.0
GRACE_SECONDS = 60.0
TICK_MS = 250  # how often pending files are looked at when nothing happens


def digest_filter(change, path: str) -> bool:
    """Visible digest files only (no temporary, hidden or editor swap files)."""
    from watchfiles import DefaultFilter

    p = Path(path)
    if p.name.startswith(".") or p.suffix.lower() not in DIGEST_SUFFIXES:
        return False
    return DefaultFilter()(change, path)


@dataclass
class _Pending:
    signature: tuple[int, int] | None  # (size, mtime_ns) when last seen changing
    since: float  # monotonic time of that
    waiting_logged: tuple[int, int] | None = None  # signature whose problem was logged


@dataclass
class Watcher:
    """Watches `folder`; `log` receives one line per event (ingested file, waiting file)."""

    folder: Path
    settings: Settings
    log: Callable[[str], None] = print
    settle: float = SETTLE_SECONDS
    grace: float = GRACE_SECONDS
    stop: threading.Event = field(default_factory=threading.Event)
    pending: dict[Path, _Pending] = field(default_factory=dict)

    def run(self) -> None:
        """Catch up with what is already in the folder, then watch until `stop` is set."""
        from watchfiles import Change, watch

        if not self.folder.is_dir():
            from assistant.errors import DigestError

            raise DigestError(f"not a folder: {self.folder}")
        before = self._snapshot()
        report = ingest([self.folder], self.settings, prune=True)
        self._say(f"catch-up: {report.files} files in {self.folder}, {_numbers(report)}")
        root = self.folder.resolve()
        started = False
        for changes in watch(
            root,
            watch_filter=digest_filter,
            debounce=400,
            step=50,
            stop_event=self.stop,
            yield_on_timeout=True,
            rust_timeout=TICK_MS,
            raise_interrupt=False,
        ):
            now = time.monotonic()
            if not started:  # the watcher is live now: catch what changed since the catch-up
                started = True
                for path, signature in self._snapshot().items():
                    if before.get(path) != signature:
                        self.pending[path] = _Pending(signature, now)
                self._say(f"watching {self.folder} (Ctrl-C stops)")
            for change, raw in changes:
                path = self.folder / Path(raw).relative_to(root)  # as `digest ingest DIR` names it
                if change == Change.deleted and not path.exists():
                    self.pending[path] = _Pending(None, now)  # gone, if it stays gone
                else:
                    self.pending[path] = _Pending(_signature(path), now)
            self.tick(now)
            if self.stop.is_set():
                break

    def _snapshot(self) -> dict[Path, tuple[int, int] | None]:
        files, _ = discover([self.folder])
        return {path: _signature(path) for path in files}

    def tick(self, now: float) -> None:
        """Ingest every pending file that has settled and parses cleanly."""
        from assistant.ingest.parse import parse_file

        for path, state in list(self.pending.items()):
            signature = _signature(path)
            if signature is None and state.signature is None:  # deleted: still gone?
                if now - state.since >= self.settle:
                    del self.pending[path]
                    self.forget_file(path)
                continue
            if signature != state.signature:
                state.signature, state.since = signature, now
                continue
            if now - state.since < self.settle:
                continue
            parsed = parse_file(path)
            if _signature(path) != signature:  # written while we parsed
                state.signature, state.since = _signature(path), time.monotonic()
                continue
            overdue = now - state.since >= self.grace
            if (parsed.issues or not parsed.mentions) and not overdue:
                if state.waiting_logged != signature:
                    state.waiting_logged = signature
                    problem = (
                        f"line {parsed.issues[0].line}: {parsed.issues[0].message}"
                        if parsed.issues
                        else "no papers found yet"
                    )
                    self._say(f"{path.name}: incomplete, waiting for the next change ({problem})")
                continue
            del self.pending[path]
            self.ingest_file(path)

    def forget_file(self, path: Path) -> IngestReport:
        """A deleted digest: its mentions leave the store, its papers too unless other
        files mention them."""
        report = ingest([path], self.settings, prune=True)
        if report.papers_removed or report.papers_updated:
            line = (
                f"{path.name}: deleted; {report.papers_removed} papers removed, "
                f"{report.papers_updated} kept (mentioned by other digests)"
            )
            if report.store_total is not None:
                line += f"; {report.store_total} papers in the store"
        else:
            line = f"{path.name}: deleted (none of its papers were stored)"
        self._say(line)
        return report

    def ingest_file(self, path: Path) -> IngestReport:
        report = ingest([path], self.settings, prune=True, thorough=False)
        line = f"{path.name}: {_numbers(report)}"
        if report.errors:
            first = report.errors[0]
            line += f"; {len(report.errors)} problems (line {first.line}: {first.message})"
        self._say(line)
        return report

    def _say(self, text: str) -> None:
        self.log(f"{datetime.now():%H:%M:%S} {text}")


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def _numbers(report: IngestReport) -> str:
    text = (
        f"{report.papers_total} papers ({report.papers_new} new, {report.papers_updated} "
        f"updated, {report.papers_unchanged} unchanged), {report.embedded} embedded, "
        f"{report.seconds:.1f} s"
    )
    if report.papers_removed:
        text += f"; {report.papers_removed} papers removed"
    if report.store_total is not None:
        text += f"; {report.store_total} papers in the store"
    return text
