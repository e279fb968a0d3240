"""Ingestion: digest files -> mentions -> merged papers -> diff -> embed what changed -> upsert.

Incremental and idempotent: each stored paper carries a record hash (all its mentions) and
an embed hash (embedder + embedded text). Unchanged papers are skipped, papers whose
metadata changed are rewritten with their stored vector, and only papers whose embedded
text changed are embedded again. Papers are written in batches as soon as they are
embedded, and each batch is one upsert, so an interrupted run leaves a consistent store
and the next run picks up exactly what is missing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Protocol

from assistant.config import Settings
from assistant.ingest.merge import merge
from assistant.ingest.parse import PARSER_VERSION, ParseIssue, ParseResult, parse_file
from assistant.types import Mention, Paper

DIGEST_SUFFIXES = {".md", ".markdown", ".txt"}
WRITE_BATCH = 128  # papers embedded and upserted together
PARALLEL_PARSE_MIN_FILES = 64  # from this many files on, parse in a helper process
MISSING = "no such file or folder"


class Progress(Protocol):
    """What a front end may show while ingesting (the CLI draws rich progress bars)."""

    def files(self, total: int) -> None: ...
    def file_done(self, path: Path) -> None: ...
    def embedding(self, total: int) -> None: ...
    def embedded(self, n: int) -> None: ...


class _Silent:
    def files(self, total: int) -> None: ...
    def file_done(self, path: Path) -> None: ...
    def embedding(self, total: int) -> None: ...
    def embedded(self, n: int) -> None: ...


@dataclass
class IngestReport:
    files: int = 0
    papers_total: int = 0  # unique arXiv ids parsed in this run
    papers_new: int = 0
    papers_updated: int = 0
    papers_unchanged: int = 0
    papers_removed: int = 0  # pruned: every mention came from a deleted or rewritten file
    files_gone: int = 0  # pruned: files ingested before that no longer exist
    embedded: int = 0  # texts embedded in this run
    errors: list[ParseIssue] = field(default_factory=list)
    dry_run: bool = False
    store_total: int | None = None  # papers in the store afterwards (None on a dry run)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested at all."""
        return self.papers_total > 0 or not self.errors

    def to_json(self) -> dict:
        data = asdict(self)
        data["errors"] = [asdict(e) for e in self.errors]
        data["seconds"] = round(self.seconds, 3)
        return data


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[ParseIssue]]:
    """Digest files under `paths` (folders recursively), sorted, unique, as absolute paths.

    Absolute and resolved, so that one file reached by two spellings ("../corpus/a.md",
    "/data/corpus/a.md", a symlink) is one source: its fingerprint and its mentions match.
    """
    found: dict[Path, None] = {}
    missing = []
    for given in paths:
        path = Path(given).resolve()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in DIGEST_SUFFIXES and not hidden:
                    found[child] = None
        elif path.is_file():
            found[path] = None
        else:
            missing.append(ParseIssue(str(given), 0, MISSING))
    return list(found), missing


def parse_files(files: Sequence[Path], progress: Progress) -> tuple[list[Mention], list]:
    mentions: list[Mention] = []
    issues: list[ParseIssue] = []
    progress.files(len(files))
    for result, path in zip(_parse_results(files), files, strict=True):
        mentions.extend(result.mentions)
        issues.extend(result.issues)
        progress.file_done(path)
    return mentions, issues


def _parse_results(files: Sequence[Path]) -> Iterator[ParseResult]:
    """`parse_file` over `files`, in order; a large archive is parsed in a helper process.

    Meanwhile this process imports the store's libraries (seconds), so parsing costs
    almost no wall time on two cores. Small runs, and platforms where a helper process
    cannot start, parse here.
    """
    if len(files) < PARALLEL_PARSE_MIN_FILES or (os.cpu_count() or 1) < 2:
        yield from map(parse_file, files)
        return
    # spawn, not fork: safe in a threaded host (the chat server); the helper imports
    # only assistant.ingest.parse
    done = 0
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        try:
            results = pool.map(parse_file, files, chunksize=16)
            _warm_store_imports()
            for result in results:
                yield result
                done += 1
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    except (OSError, RuntimeError, BrokenProcessPool):  # no helper: parse the rest here
        yield from map(parse_file, files[done:])


def _warm_store_imports() -> None:
    with contextlib.suppress(ImportError):
        import chromadb  # noqa: F401  (what `open_store` spends most of its time on)


def ingest(
    paths: Sequence[Path] | None = None,
    settings: Settings | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    wait: bool = True,
    wait_timeout: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    prune: bool = False,
    thorough: bool = True,
) -> IngestReport:
    """Ingest digest files or folders (default: the seeds folder) into the store.

    Nothing is deleted unless `prune`: then what a file said before and no longer says
    leaves the store. A paper row removed from a re-read file loses that file's mention,
    and a file ingested before that no longer exists (a path given, or one under a folder
    given) loses all of its mentions. A paper with no mention left is deleted; papers
    still mentioned by other files keep those mentions. Which stored papers came from a
    file is found by reading every stored record (`thorough`), or, for a watcher that
    prunes every change as it happens, from what the file held when last ingested.

    What is stored is read from the derived index (`assistant.index.derived`, repaired
    first if it lags behind Chroma), not from Chroma: files unchanged since they were
    last ingested (same size and modification time) are not even parsed, and chromadb
    and the model are loaded only when something is written or embedded.

    Writers are serialised by the store's writer lock (`assistant.index.lock`), held
    from reading what is stored to the last write: when another ingest holds it,
    `on_wait(message)` is called and this one waits (at most `wait_timeout` seconds),
    or raises `StoreBusy` at once with `wait=False`. A dry run takes no lock.
    """
    from assistant.index.lock import writer_lock

    settings = settings or Settings()
    progress = progress or _Silent()
    if dry_run:
        return _ingest(paths, settings, True, progress, prune, thorough)
    with writer_lock(settings, wait=wait, timeout=wait_timeout, on_wait=on_wait):
        return _ingest(paths, settings, False, progress, prune, thorough)


def _ingest(
    paths, settings: Settings, dry_run: bool, progress: Progress, prune=False, thorough=True
) -> IngestReport:
    from assistant.index.store import LazyEmbedder, StoredState, open_derived

    repair = getattr(progress, "repairing", None)
    started = time.perf_counter()
    files, errors = discover(paths or [settings.seeds_dir])
    gone: set[str] = set()
    if prune:  # a path that is gone is a deletion to apply, not an error
        missing = {e.file for e in errors if e.line == 0 and e.message == MISSING}
        errors = [e for e in errors if e.file not in missing]
        gone = {str(Path(f).resolve()) for f in missing}
    derived = open_derived(settings, progress=repair)  # None: no store yet
    fresh = derived is None
    fingerprints = {str(f): _fingerprint(f) for f in files}
    # files read by an older parser are read again, and their papers' records rewritten
    # (what is derived from a mention, a link it writes, may have changed with it)
    reparse = derived is not None and derived.meta("parser") != PARSER_VERSION
    if reparse and not dry_run:
        derived.reparse_files()
    known = derived.files(list(fingerprints)) if derived is not None else {}
    if dry_run and reparse:
        known = {}
    skipped = {
        path: ids
        for path, (size, mtime, ids) in known.items()
        if fingerprints.get(path) == (size, mtime)
    }
    to_parse = [f for f in files if str(f) not in skipped]
    mentions, issues = parse_files(to_parse, progress)
    shown = [replace(i, file=_shown(i.file)) for i in issues]
    report = IngestReport(files=len(files), errors=errors + shown, dry_run=dry_run)
    unchanged_ids = {pid for ids in skipped.values() for pid in ids}
    replacing = {str(f) for f in to_parse}  # their fresh mentions supersede the stored ones
    stale: dict[str, Paper] = {}  # pruning: stored papers that lose mentions, not re-read
    if prune and derived is not None:
        gone |= _gone_under(derived, paths or [settings.seeds_dir], {str(f) for f in files})
        # what each given file holds now: its fresh mentions, or, unchanged, as recorded
        present: dict[str, set[str]] = {path: set(ids) for path, ids in skipped.items()}
        for m in mentions:
            present.setdefault(m.source, set()).add(m.arxiv_id)
        present.update({str(f): set() for f in to_parse if str(f) not in present})
        stale = derived.papers_from(gone) | derived.papers_from(present, scan=thorough)
        replacing |= gone
        report.files_gone = len(gone)

    ids = sorted({m.arxiv_id for m in mentions})
    stored: dict[str, tuple[Paper, StoredState]] = {}
    if derived is not None and (ids or stale):
        states = derived.stored_states(sorted(set(ids) | set(stale)))
        for pid, (record, record_hash, embed_hash) in states.items():
            stored[pid] = (Paper.from_record(pid, record), StoredState(record_hash, embed_hash))
    report.papers_total = len(unchanged_ids | set(ids))
    report.papers_unchanged = len(unchanged_ids - set(ids))

    to_embed: list[Paper] = []
    meta_only: list[Paper] = []
    to_delete: list[str] = []
    pruned = [pid for pid in stale if pid not in set(ids) and pid in stored]
    if pruned:
        embedder_id = LazyEmbedder(settings).embedder_id
        for pid in pruned:
            kept = [
                m
                for m in stored[pid][0].mentions
                if m.source not in gone and pid in present.get(m.source, {pid})
            ]
            if not kept:
                to_delete.append(pid)
                continue
            if len(kept) == len(stored[pid][0].mentions):
                continue  # nothing of it was pruned
            paper = Paper(pid, kept)
            report.papers_updated += 1
            same_vector = stored[pid][1].embed_hash == paper.embed_hash(embedder_id)
            (meta_only if same_vector else to_embed).append(paper)
        report.papers_removed = len(to_delete)
    if mentions:
        # the embedder's identity is enough to diff; its model loads only to embed
        embedder_id = LazyEmbedder(settings).embedder_id
        papers = merge(mentions, {pid: p for pid, (p, _) in stored.items()}, replacing)
        papers = {pid: papers[pid] for pid in ids}
        for pid, paper in papers.items():
            if pid not in stored:
                report.papers_new += 1
                to_embed.append(paper)
                continue
            state = stored[pid][1]
            same_vector = state.embed_hash == paper.embed_hash(embedder_id)
            # the record hash is a function of the mentions: comparing them is much cheaper
            if (
                same_vector
                and not reparse
                and (
                    _same_mentions(paper, stored[pid][0])
                    or state.record_hash == paper.record_hash()
                )
            ):
                report.papers_unchanged += 1
                continue
            report.papers_updated += 1
            (meta_only if same_vector else to_embed).append(paper)

    if not dry_run and (to_embed or meta_only or to_delete):
        from assistant.index.store import open_store

        embedder, store = open_store(settings, lazy=True, progress=repair)
        derived = store.derived
        if fresh and derived is not None:  # (before any write: all it holds is this parser's)
            derived.parsed_by(PARSER_VERSION)
        seen = {pid: state for pid, (_, state) in stored.items()}
        _write(store, embedder, to_embed, meta_only, progress, report, seen, replacing)
        store.delete(to_delete)
    if not dry_run and derived is not None:
        if mentions:
            _remember_files(settings, derived, to_parse, fingerprints, mentions, issues)
        if gone:
            derived.forget_files(gone)
    if not dry_run and derived is not None and (mentions or skipped or stale):
        report.store_total = derived.count()
    if reparse and not dry_run and derived is not None:
        derived.parsed_by(PARSER_VERSION)  # (last: an interrupted run rewrites them again)
    report.seconds = time.perf_counter() - started
    return report


def _shown(path: str) -> str:
    """A file as a message names it: relative to the working folder when it is inside it."""
    with contextlib.suppress(ValueError):
        return str(Path(path).relative_to(Path.cwd()))
    return path


def _gone_under(derived, paths: Sequence[Path], present: set[str]) -> set[str]:
    """Files under the folders in `paths` that were ingested and no longer exist."""
    gone: set[str] = set()
    for given in paths:
        folder = Path(given).resolve()
        if not folder.is_dir():
            continue
        prefix = os.path.join(str(folder), "")
        for paper in derived.papers_from((), prefix=prefix).values():
            gone.update(
                m.source
                for m in paper.mentions
                if m.source.startswith(prefix)
                and m.source not in present
                and not Path(m.source).exists()
            )
    return gone


def _fingerprint(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _remember_files(settings, derived, parsed, fingerprints, mentions, issues) -> None:
    """Record parsed files whose papers are now all stored, so the next run skips them.

    Files with parse issues are recorded with no fingerprint (-1, -1): they are parsed
    (and reported) every time, and their papers are known when pruning. Nothing is
    recorded unless the derived index matches the store's current version.
    """
    from assistant.index.store import collection_state

    state = collection_state(settings)
    if state is None:
        return
    with_issues = {i.file for i in issues}
    ids_by_file: dict[str, set[str]] = {}
    for m in mentions:
        ids_by_file.setdefault(m.source, set()).add(m.arxiv_id)
    entries = [
        (
            str(f),
            *((-1, -1) if str(f) in with_issues else fingerprints[str(f)]),
            sorted(ids_by_file.get(str(f), ())),
        )
        for f in parsed
        if fingerprints.get(str(f)) is not None
    ]
    derived.record_files(entries, state.version)


def _same_mentions(paper: Paper, stored: Paper) -> bool:
    """True when `paper` has exactly the stored mentions, hence the same record hash.

    A file's path is part of its mentions: after a folder moves, its papers' records are
    rewritten once (metadata only, nothing is embedded), so that pruning and the files
    table see the files where they are now. Paths are resolved first, so another spelling
    of the same path ("../corpus", "/data/corpus", a symlink) changes nothing.
    """
    if len(paper.mentions) != len(stored.mentions):
        return False
    return sorted(paper.mentions, key=Mention.key) == sorted(stored.mentions, key=Mention.key)


def _write(
    store, embedder, to_embed, meta_only, progress: Progress, report, seen, replacing
) -> None:
    """Embed and upsert in a two-stage pipeline: batch n is written while n+1 embeds.

    Each batch is still one atomic upsert, and at most one write is in flight; on any
    error or Ctrl-C the write in flight completes first, so the store holds whole batches.
    """
    rewriting = getattr(progress, "rewriting", None)  # (many, after a newer parser)
    for start in range(0, len(meta_only), WRITE_BATCH):
        _write_batch(store, embedder, meta_only[start : start + WRITE_BATCH], {}, seen, replacing)
        if rewriting is not None and len(meta_only) > WRITE_BATCH:
            rewriting(min(start + WRITE_BATCH, len(meta_only)), len(meta_only))
    # similar lengths in one batch: less padding in the model's batches
    to_embed = sorted(to_embed, key=lambda p: len(p.embed_text()))
    progress.embedding(len(to_embed))
    pending: Future | None = None

    def settle() -> None:
        nonlocal pending
        if pending is not None:
            done, pending = pending, None
            report.embedded += done.result()

    def write(batch: list[Paper], vectors: list[list[float]]) -> int:
        fresh = {p.arxiv_id: v for p, v in zip(batch, vectors, strict=True)}
        return len(batch) + _write_batch(store, embedder, batch, fresh, seen, replacing)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest-write") as writer:
        for start in range(0, len(to_embed), WRITE_BATCH):
            batch = to_embed[start : start + WRITE_BATCH]
            vectors = embed_texts(embedder, [p.embed_text() for p in batch], progress.embedded)
            settle()
            pending = writer.submit(write, batch, vectors)
        settle()


def _write_batch(store, embedder, batch: list[Paper], vectors, seen, replacing) -> int:
    """Upsert one batch, first merging in mentions another writer stored since we read.

    The writer lock serialises ingests on this machine; a writer elsewhere (another
    machine on the same Chroma server) may still have written these papers since they
    were read. Their records are read again here, from Chroma, and any whose record hash
    moved is merged with ours, so its mentions are kept; a paper whose embedded text
    changed by that merge is embedded again. Returns how many texts were re-embedded.
    """
    latest = store.load([p.arxiv_id for p in batch])
    vectors = dict(vectors)
    papers, redo = [], []
    for paper in batch:
        now, then = latest.get(paper.arxiv_id), seen.get(paper.arxiv_id)
        if now is not None and (then is None or now[1].record_hash != then.record_hash):
            merged = merge(paper.mentions, {paper.arxiv_id: now[0]}, replacing)[paper.arxiv_id]
            vector_for = (
                paper.embed_hash(embedder.embedder_id)
                if paper.arxiv_id in vectors
                else now[1].embed_hash
            )
            if merged.embed_hash(embedder.embedder_id) != vector_for:
                redo.append(merged)
            paper = merged
        papers.append(paper)
    if redo:
        new = embed_texts(embedder, [p.embed_text() for p in redo], lambda n: None)
        vectors.update({p.arxiv_id: v for p, v in zip(redo, new, strict=True)})
    store.upsert(papers, vectors)
    return len(redo)


def embed_texts(embedder, texts: list[str], on_progress) -> list[list[float]]:
    """Embed with the embedder's fast batched path when it has one."""
    if hasattr(embedder, "embed_many"):
        return embedder.embed_many(texts, progress=on_progress)
    vectors = embedder.get_text_embedding_batch(texts)
    on_progress(len(texts))
    return vectors
