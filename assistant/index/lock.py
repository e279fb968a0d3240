"""One writer at a time per store: a lock file held for the whole of an ingest's write.

Two ingests that load the same papers, merge their own mentions in and write them back
would each overwrite the other's mentions (last writer wins). Writers therefore take
an exclusive lock before they read what is stored and keep it until their last write:

- embedded store: `.digest-ingest.lock` in the store folder;
- Chroma server: a lock file in the user's cache folder, keyed by host:port/collection,
  which serialises writers on this machine. Writers on other machines are covered by
  re-reading each batch's stored records just before writing it (see
  `assistant.ingest.pipeline`); see the README for the window that leaves.

Readers never take the lock.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.config import Settings
from assistant.errors import StoreBusy

LOCK_NAME = ".digest-ingest.lock"


def cache_dir() -> Path:
    """The per-user cache folder for lock files ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "digest-assistant" / "locks"


def lock_path(settings: Settings) -> Path:
    """Where the writer lock of the configured store lives."""
    if settings.chroma_host:
        key = f"{settings.chroma_host}:{settings.chroma_port}/{settings.collection}"
        return cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.lock"
    return settings.store_dir / LOCK_NAME


@contextmanager
def writer_lock(
    settings: Settings,
    *,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the store's writer lock.

    When another ingest holds it: with `wait`, call `on_wait(message)` once and block
    (at most `timeout` seconds, if given); without, raise `StoreBusy` at once.
    """
    from filelock import FileLock, Timeout

    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    busy = f"another ingest is running on {settings.describe_store()}"
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise StoreBusy(f"{busy}; try again when it has finished (or use --wait)") from None
        if on_wait is not None:
            on_wait(f"{busy}; waiting (Ctrl-C to stop)")
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout, poll_interval=0.2)
        except Timeout:
            raise StoreBusy(f"{busy}; gave up after waiting {timeout:g} s") from None
    try:
        yield
    finally:
        lock.release()
