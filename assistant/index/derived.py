"""Derived indexes, persisted: the catalog and the lexical index, kept in step with Chroma.

Chroma holds the papers (records, vectors); everything a question needs besides the
question's own vector is *derived* from those rows: every paper's record, its dates,
tags, title, short name, author and repository handles, its BM25 postings, and a copy
of its vector. Rebuilding that from Chroma on every start took 9 s at 8k papers (a
minute at 100k), so it lives in one SQLite file, written in the same step as each
Chroma write batch and read on demand at query time (only the arXiv ids and, on the
first dense search, the vectors are held in memory).

Why SQLite (measured on 2 cores, see README "Performance"): the catalog's lookups
become indexed queries whose cost is set by the question, not the archive; the BM25
postings live in a (term, paper) B-tree, so adding 128 papers touches only their own
terms (bm25s's index has to be rebuilt whole, 3 s at 8k papers); and one transaction
writes a batch's records, postings and the collection version together, so the file is
never half-updated.

Versioning: every write batch first bumps `digest_version` in the Chroma collection's
metadata, then writes its rows (each carrying that version), then applies the same rows
here and records the version. A mismatch on open (a crash between the two writes, a
store from an older release, another process's ingest) is repaired from the rows whose
version is newer than ours, or by a full rebuild (see `assistant.index.store.sync`).
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.index.bilingual import parallel_words, renderings
from assistant.text import unaccented
from assistant.types import Paper

SCHEMA = "1"
# the rule that makes a title's name (Paper.name); when it changes, only the names table
# (and has_code) is derived again (at open, from the stored records: 4 s for the corpus)
NAMES_RULE = "29"  # 2: "X Technical Report" is named X; 3: so is "X Technical Report: ..."
# 4: a head under three characters ("s1: ...") when its summary writes it so
# 5: a title without a name is named by its head (`Paper.head`), up to NAME_WORDS words
# 6: has_code is derived again with them: a GitHub link a summary writes counts
# 7: a one-word title is its own name ("Magistral")
# 8: the coined names a summary introduces (`Paper.aliases`: "ThinkPO") are kept as aliases
# 9: the English a Korean summary writes beside its words (`bilingual.renderings`)
# 10: the words of the papers summarised in both languages (`bilingual.parallel_words`)
# 11: an alias keeps the version written after it ("InternVL 2.5")
# 12: an alias a Korean summary writes with a particle glued on ("DenseAV는")
# 13: 할 / 될 are light verbs (korean.txt): "적용할" is 적용, in the bilingual words too
# 14: a coined name before a title's comma ("QFFT, Question-Free Fine-Tuning ..."); each
#     part of a name with a second in brackets is an alias ("xGen-MM (BLIP-3)"); 이 after
#     a vowel is no particle (korean.topical: "서베이"), in the bilingual words too
# 15: the coined word a summary opens with is an alias written once ("LlamaGen은 ...")
# 16: a title opening with a coined name and its version, no colon, is named by them
#     ("EXAONE 3.0 7.8B Instruction Tuned Language Model": EXAONE 3.0)
# 17: an acronym of the title's words a summary defines in brackets ("3D 확산 정책(DP3)")
# 18: a coined name the summaries write three times anywhere ("MLMove"); the words after
#     the colon of a title named by their acronym ("Decoupled Diffusion Transformer" of DDT)
# 19: ... of those, only a name they introduce ("MLMove라는 ..."), not a benchmark they keep
#     writing ("ScanRefer")
# 20: each of two names a title's name joins ("GMAI-VL" of "GMAI-VL & GMAI-VL-5.5M"); a
#     coined name a title without a name writes, which the summaries introduce ("VectorQ")
# 21: a name in capitals an English summary opens with as its subject ("SWIFT is a ...")
# 22: capitals made plural are no alias where a summary opens either ("ViTs" of VMamba)
# 23: a sibling the opening introduces beside the name ("Phi-4-Multimodal" of Phi-4-Mini)
# 24: names without accents ("PokéLLMon" is found as "PokeLLMon", as people type it)
# 25: titles and author / repository handles derived again too (their accents: 24's)
# 26: "끊겨" is a predicate, "검색용", "모델임" a known noun (korean.txt, korean.topical)
# 27: 26 again (stores derived by an unreleased reading of chat endings are derived anew)
# 28: "계열" is a filler, no topic noun ("Mamba 계열 논문": Mamba's family) (korean.txt)
# 29: 엔 and 에선 are particles (에는, 에서는 said short: "실험엔") (korean.txt)

# words of a normalised paper name, at most: a name has at most three words, but
# normalising splits "DeepSeek-Prover-V1.5" into "deepseek prover v1 5"; a head may have more
NAME_WORDS = 8
TITLE_MIN_CHARS = 12  # a title must be specific enough to be a lookup
_WORD = re.compile(r"[0-9a-z]+|[\uac00-\ud7a3]+")


def norm_words(text: str) -> str:
    """Lower-case words, split where the script changes ('SpargeAttn은' -> 'spargeattn 은'),
    a Latin letter without its accent ('PokéLLMon' -> 'pokellmon': people type it so)."""
    return " ".join(_WORD.findall(unaccented(text).lower()))


_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS papers (
    pos INTEGER PRIMARY KEY, arxiv_id TEXT NOT NULL, record TEXT NOT NULL,
    record_hash TEXT, embed_hash TEXT, version INTEGER, doclen INTEGER NOT NULL,
    has_code INTEGER NOT NULL, vector BLOB);
CREATE UNIQUE INDEX IF NOT EXISTS papers_arxiv_id ON papers (arxiv_id);
CREATE INDEX IF NOT EXISTS papers_doclen ON papers (doclen);
CREATE TABLE IF NOT EXISTS dates (date TEXT, language TEXT, pos INTEGER,
    PRIMARY KEY (date, language, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tags (tag TEXT, pos INTEGER, PRIMARY KEY (tag, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS titles (norm TEXT, pos INTEGER, PRIMARY KEY (norm, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names (name TEXT, pos INTEGER, exact TEXT,
    PRIMARY KEY (name, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases (name TEXT, pos INTEGER, exact TEXT,
    PRIMARY KEY (name, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS renderings (ko TEXT, en TEXT, pos INTEGER,
    PRIMARY KEY (ko, en, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS parallel (language TEXT, word TEXT, pos INTEGER,
    PRIMARY KEY (language, word, pos)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS parallel_pos ON parallel (pos, language, word);
CREATE TABLE IF NOT EXISTS handles (key TEXT, handle TEXT, pos INTEGER,
    PRIMARY KEY (key, handle, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, n_best INTEGER NOT NULL,
    n_all INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terms (tid INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL,
    df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (tid INTEGER, pos INTEGER, tf INTEGER NOT NULL,
    PRIMARY KEY (tid, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
    ids TEXT NOT NULL);
"""
_TABLES = ("papers", "dates", "tags", "titles", "names", "aliases", "renderings", "handles")
_TABLES += ("parallel", "words", "terms", "postings", "files")


def derived_path(settings) -> Path:
    """Where the derived indexes of the configured collection live.

    Embedded Chroma: inside the store folder, so a copied store carries them. A Chroma
    server: a local cache folder per server and collection (`DIGEST_CACHE_DIR`), since
    several app processes on several machines may share one server.
    """
    name = re.sub(r"[^0-9A-Za-z_.-]+", "_", settings.collection) + ".sqlite3"
    if not settings.chroma_host:
        return settings.store_dir / "digest-derived" / name
    base = (
        settings.cache_dir
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digest-assistant"
    )
    server = re.sub(r"[^0-9A-Za-z_.-]+", "_", f"{settings.chroma_host}-{settings.chroma_port}")
    return Path(base) / server / name


# -- what one paper contributes ----------------------------------------------------------


@dataclass
class Facets:
    """Everything one paper contributes to the derived tables (added, or taken back)."""

    dates: set[tuple[str, str]] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    title: str | None = None
    name: tuple[str, str] | None = None  # (normalised name, spelling as in the title)
    aliases: set[tuple[str, str]] = field(default_factory=set)  # (normalised, as written)
    renderings: set[tuple[str, str]] = field(default_factory=set)  # (Korean, English) words
    parallel: set[tuple[str, str]] = field(default_factory=set)  # (language, word), if both
    handles: set[tuple[str, str]] = field(default_factory=set)  # (lookup key, handle)
    words_best: set[str] = field(default_factory=set)
    words_all: set[str] = field(default_factory=set)
    terms: Counter = field(default_factory=Counter)
    doclen: int = 0
    has_code: bool = False


def facets_title(paper: Paper) -> str | None:
    """The title as looked up: normalised; none when too short to be quoted."""
    title = norm_words(paper.title) if paper.title else ""
    return title if len(title) >= TITLE_MIN_CHARS else None


def facets_handles(paper: Paper) -> set[tuple[str, str]]:
    """(lookup key, handle) of the paper's authors and repository owners."""
    handles: set[tuple[str, str]] = set()
    for author in {a for m in paper.mentions for a in m.authors}:
        handle = norm_words(author)
        # full names, or user names (checked at lookup: no summary uses them as a word)
        if " " in handle or len(handle) >= 5:
            handles.add((handle, handle))
    for url in (*paper.github, *paper.huggingface):
        path = url.split("://", 1)[-1].split("/")[1:]
        if path and path[0] in ("datasets", "spaces"):
            path = path[1:]
        site = "github" if "github.com" in url else "huggingface"
        if path and len(path[0]) >= 3:  # an owner counts only with its site named
            owner = norm_words(path[0])
            handles.add((owner, f"{site}:{owner}"))
        if len(path) >= 2:
            both = norm_words("/".join(path[:2]))
            handles.add((both, both))
    return handles


def facets(paper: Paper) -> Facets:
    out = Facets()
    out.dates = {(m.date, m.language) for m in paper.mentions}
    out.tags = set(paper.tags)
    out.title = facets_title(paper)
    out.name = facets_name(paper)
    out.aliases = facets_aliases(paper)
    out.renderings = facets_renderings(paper)
    out.parallel = facets_parallel(paper)
    out.handles = facets_handles(paper)
    out.words_best = set(norm_words(f"{paper.title} {paper.summary()}").split())
    out.words_all = {
        w for text in (paper.title, *paper.summaries().values()) for w in norm_words(text).split()
    }
    from assistant.index.lexical import tokenize  # (numpy: not needed to read files)

    tokens = tokenize(paper.lexical_text())
    out.terms = Counter(tokens)
    out.doclen = len(tokens)
    out.has_code = bool(paper.github)
    return out


def facets_name(paper: Paper) -> tuple[str, str] | None:
    """(normalised name, spelling as in the title), or None for a title without a name.

    A title without a name has its head as one, when short enough to be typed whole:
    "LLM in a flash" of "LLM in a flash: Efficient Large Language Model Inference ...";
    a title of one word is its own name ("Magistral", "TextArena": too short for a title
    lookup)."""
    title = paper.title.strip()
    one_word = title if len(title) >= 3 and not re.search(r"\s", title) else ""
    written = paper.name or paper.head or one_word
    name = norm_words(written)
    if not name or (not paper.name and len(name.split()) > NAME_WORDS):
        return None
    return name, written


def facets_aliases(paper: Paper) -> set[tuple[str, str]]:
    """(normalised alias, as written) of the coined names its summaries introduce."""
    return {(norm_words(a), a) for a in paper.aliases if norm_words(a)}


def facets_renderings(paper: Paper) -> set[tuple[str, str]]:
    """(Korean word, English word) pairs its Korean summary writes beside each other."""
    summary = paper.summaries().get("ko")
    return renderings(summary) if summary else set()


def facets_parallel(paper: Paper) -> set[tuple[str, str]]:
    """(language, word) of a paper summarised in Korean and in English (title and summary);
    none for a paper of one language."""
    summaries = paper.summaries()
    if "ko" not in summaries or "en" not in summaries:
        return set()
    return parallel_words(summaries["ko"], f"{paper.title} {summaries['en']}")


# the tables keyed by a paper's position: how to take back and add its rows
_POSITIONAL_SQL = {
    "dates": (
        "DELETE FROM dates WHERE date=? AND language=? AND pos=?",
        "INSERT OR IGNORE INTO dates VALUES (?, ?, ?)",
    ),
    "tags": ("DELETE FROM tags WHERE tag=? AND pos=?", "INSERT OR IGNORE INTO tags VALUES (?, ?)"),
    "titles": (
        "DELETE FROM titles WHERE norm=? AND pos=?",
        "INSERT OR IGNORE INTO titles VALUES (?, ?)",
    ),
    "names": (
        "DELETE FROM names WHERE name=? AND pos=?",
        "INSERT OR REPLACE INTO names VALUES (?, ?, ?)",
    ),
    "aliases": (
        "DELETE FROM aliases WHERE name=? AND pos=?",
        "INSERT OR REPLACE INTO aliases VALUES (?, ?, ?)",
    ),
    "handles": (
        "DELETE FROM handles WHERE key=? AND handle=? AND pos=?",
        "INSERT OR IGNORE INTO handles VALUES (?, ?, ?)",
    ),
    "renderings": (
        "DELETE FROM renderings WHERE ko=? AND en=? AND pos=?",
        "INSERT OR IGNORE INTO renderings VALUES (?, ?, ?)",
    ),
    "parallel": (
        "DELETE FROM parallel WHERE language=? AND word=? AND pos=?",
        "INSERT OR IGNORE INTO parallel VALUES (?, ?, ?)",
    ),
}


def _positional_rows(f: Facets, pos: int, sign: int) -> dict[str, list[tuple]]:
    """One paper's rows at `pos` in the positional tables: the parameters of
    `_POSITIONAL_SQL`'s insert (sign > 0) or delete (sign < 0) statements."""
    name = [(f.name[0], pos, f.name[1])] if f.name else []
    return {
        "dates": [(d, lang, pos) for d, lang in f.dates],
        "tags": [(t, pos) for t in f.tags],
        "titles": [(f.title, pos)] if f.title else [],
        "names": name if sign > 0 else [(n, p) for n, p, _ in name],
        "aliases": [(a, pos, w) if sign > 0 else (a, pos) for a, w in sorted(f.aliases)],
        "handles": [(k, h, pos) for k, h in f.handles],
        "renderings": [(ko, en, pos) for ko, en in sorted(f.renderings)],
        "parallel": [(lang, w, pos) for lang, w in sorted(f.parallel)],
    }


@dataclass
class Row:
    """One paper as written to the store: the record, its hashes, its vector if new."""

    paper: Paper
    record_hash: str
    embed_hash: str
    vector: Sequence[float] | None = None


# -- the file --------------------------------------------------------------------------


class DerivedIndex:
    """The derived tables of one collection, in one SQLite file (thread-safe)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.db = sqlite3.connect(
            str(self.path), timeout=60, check_same_thread=False, isolation_level=None
        )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-16384")
        with self._lock:
            self.db.executescript(_SCHEMA_SQL)
            if self.meta("schema") not in (None, SCHEMA):
                self.clear()
            if self.meta("schema") is None:
                self.set_meta("schema", SCHEMA)
            if self.meta("names_rule") != NAMES_RULE:
                self._derive_names()

    def _derive_names(self) -> None:
        with self.transaction() as db:
            rows = db.execute("SELECT pos, arxiv_id, record FROM papers").fetchall()
            db.execute("DELETE FROM names")
            db.execute("DELETE FROM aliases")
            db.execute("DELETE FROM renderings")
            db.execute("DELETE FROM parallel")
            db.execute("DELETE FROM titles")
            db.execute("DELETE FROM handles")
            names, aliases, renderings, parallel, code = [], [], [], [], []
            titles, handles = [], []
            for pos, pid, record in rows:
                paper = Paper.from_record(pid, record)
                if title := facets_title(paper):
                    titles.append((title, pos))
                handles += [(k, h, pos) for k, h in sorted(facets_handles(paper))]
                if (f := facets_name(paper)) is not None:
                    names.append((f[0], pos, f[1]))
                aliases += [(a, pos, w) for a, w in sorted(facets_aliases(paper))]
                renderings += [(ko, en, pos) for ko, en in sorted(facets_renderings(paper))]
                parallel += [(lang, w, pos) for lang, w in sorted(facets_parallel(paper))]
                code.append((int(bool(paper.github)), pos))
            db.executemany(_POSITIONAL_SQL["names"][1], names)
            db.executemany(_POSITIONAL_SQL["aliases"][1], aliases)
            db.executemany(_POSITIONAL_SQL["renderings"][1], renderings)
            db.executemany(_POSITIONAL_SQL["parallel"][1], parallel)
            # (titles and handles normalise as names do: "Sébastien" is "sebastien" since 24)
            db.executemany(_POSITIONAL_SQL["titles"][1], titles)
            db.executemany(_POSITIONAL_SQL["handles"][1], handles)
            db.executemany("UPDATE papers SET has_code=? WHERE pos=?", code)
            self.set_meta("names_rule", NAMES_RULE)

    def close(self) -> None:
        self.db.close()

    # -- meta ------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, None if value is None else str(value)),
        )

    @property
    def version(self) -> int | None:
        value = self.meta("version")
        return int(value) if value not in (None, "") else None

    @property
    def state(self) -> tuple[str | None, int | None]:
        """(collection id, collection version) this file was built from."""
        with self._lock:
            return self.meta("collection_id"), self.version

    def _meta_int(self, key: str) -> int:
        value = self.meta(key)
        return int(value) if value else 0

    @contextmanager
    def transaction(self):
        """One write transaction (BEGIN IMMEDIATE: writers on this file take turns).

        Nested uses join the outer transaction: a repair applies many pages in one.
        """
        with self._lock:
            if self.db.in_transaction:
                yield self.db
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def clear(self) -> None:
        with self.transaction():
            for table in _TABLES:
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
            self.db.execute("DELETE FROM meta WHERE key NOT IN ('schema', 'names_rule')")

    # -- writing ---------------------------------------------------------------------

    def apply(self, rows: Iterable[Row], *, version: int | None = None, expect=None, **meta):
        """Write papers (new or changed) in one transaction; record `version` with them.

        `expect`: the version this file must be at for `version` to be recorded (the
        collection's version before the batch); otherwise the rows are written but the
        version is left alone, so the next open still sees the mismatch and repairs it.
        """
        rows = list(rows)
        with self.transaction() as db:
            if expect is not None and self.version != expect:
                version = None
            self._apply(db, rows, version)
            if version is not None:
                self.set_meta("version", version)
            for key, value in meta.items():
                self.set_meta(key, value)

    def _apply(self, db: sqlite3.Connection, rows: list[Row], version: int | None) -> None:
        if not rows:
            return
        ids = [r.paper.arxiv_id for r in rows]
        old: dict[str, tuple[int, str]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for pos, pid, record in db.execute(
                f"SELECT pos, arxiv_id, record FROM papers WHERE arxiv_id IN ({marks})",  # noqa: S608
                chunk,
            ):
                old[pid] = (pos, record)
        next_pos = self._meta_int("n_docs")
        total_len = self._meta_int("total_len")
        words: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        df: Counter = Counter()
        post_del: list[tuple[str, int]] = []
        post_add: list[tuple[str, int, int]] = []
        deletes: dict[str, list[tuple]] = defaultdict(list)
        inserts: dict[str, list[tuple]] = defaultdict(list)

        def account(f: Facets, pos: int, sign: int) -> None:
            target = inserts if sign > 0 else deletes
            for table, params in _positional_rows(f, pos, sign).items():
                target[table] += params
            for w in f.words_best:
                words[w][0] += sign
            for w in f.words_all:
                words[w][1] += sign
            for term, tf in f.terms.items():
                df[term] += sign
                if sign > 0:
                    post_add.append((term, pos, tf))
                else:
                    post_del.append((term, pos))

        for row in rows:
            paper = row.paper
            new = facets(paper)
            blob = None
            if row.vector is not None:
                import numpy as np

                blob = np.asarray(row.vector, dtype=np.float32).tobytes()
            if paper.arxiv_id in old:
                pos, record = old[paper.arxiv_id]
                before = facets(Paper.from_record(paper.arxiv_id, record))
                account(before, pos, -1)
                total_len -= before.doclen
                db.execute(
                    "UPDATE papers SET record=?, record_hash=?, embed_hash=?, version=?, "
                    "doclen=?, has_code=?, vector=coalesce(?, vector) WHERE pos=?",
                    (
                        paper.record_json(),
                        row.record_hash,
                        row.embed_hash,
                        version,
                        new.doclen,
                        int(new.has_code),
                        blob,
                        pos,
                    ),
                )
            else:
                pos = next_pos
                next_pos += 1
                old[paper.arxiv_id] = (pos, "")
                db.execute(
                    "INSERT INTO papers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        pos,
                        paper.arxiv_id,
                        paper.record_json(),
                        row.record_hash,
                        row.embed_hash,
                        version,
                        new.doclen,
                        int(new.has_code),
                        blob,
                    ),
                )
            account(new, pos, +1)
            total_len += new.doclen

        for table, (delete, _) in _POSITIONAL_SQL.items():
            db.executemany(delete, deletes[table])
        for table, (_, insert) in _POSITIONAL_SQL.items():
            db.executemany(insert, inserts[table])
        db.executemany(
            "INSERT INTO words VALUES (?, ?, ?) ON CONFLICT(word) DO UPDATE SET "
            "n_best = n_best + excluded.n_best, n_all = n_all + excluded.n_all",
            [(w, b, a) for w, (b, a) in words.items() if b or a],
        )
        # terms: ids for new ones, then document frequencies and postings
        db.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET "
            "df = df + excluded.df",
            [(t, n) for t, n in df.items()],
        )
        tids = self._tids(db, {t for t, _ in post_del} | {t for t, _, _ in post_add})
        db.executemany(
            "DELETE FROM postings WHERE tid=? AND pos=?", [(tids[t], p) for t, p in post_del]
        )
        db.executemany(
            "INSERT OR REPLACE INTO postings VALUES (?, ?, ?)",
            [(tids[t], p, tf) for t, p, tf in post_add],
        )
        self.set_meta("n_docs", next_pos)
        self.set_meta("total_len", total_len)
        for key, most in (
            ("title_words", max((t.count(" ") + 1 for t, _ in inserts["titles"]), default=0)),
            ("handle_words", max((k.count(" ") + 1 for k, _, _ in inserts["handles"]), default=0)),
        ):
            if most > self._meta_int(key):
                self.set_meta(key, most)

    def delete(self, ids: Iterable[str], *, version: int | None = None, expect=None) -> int:
        """Remove papers (one transaction); record `version` as `apply` does. Returns how
        many were stored.

        Positions stay dense (the catalog, BM25 and the vector matrix index by them): the
        last paper takes each freed position, its rows renumbered.
        """
        with self.transaction() as db:
            if expect is not None and self.version != expect:
                version = None
            removed = sum(self._delete_one(db, pid) for pid in dict.fromkeys(ids))
            if version is not None:
                self.set_meta("version", version)
        return removed

    def _delete_one(self, db: sqlite3.Connection, pid: str) -> bool:
        row = db.execute("SELECT pos, record FROM papers WHERE arxiv_id = ?", (pid,)).fetchone()
        if row is None:
            return False
        pos, record = row
        gone = facets(Paper.from_record(pid, record))
        self._facet_rows(db, gone, pos, -1)
        db.execute("DELETE FROM papers WHERE pos = ?", (pos,))
        last = self._meta_int("n_docs") - 1
        if pos != last:
            moved_id, moved_record = db.execute(
                "SELECT arxiv_id, record FROM papers WHERE pos = ?", (last,)
            ).fetchone()
            moved = facets(Paper.from_record(moved_id, moved_record))
            self._facet_rows(db, moved, last, -1, counted=False)
            db.execute("UPDATE papers SET pos = ? WHERE pos = ?", (pos, last))
            self._facet_rows(db, moved, pos, +1, counted=False)
        self.set_meta("n_docs", last)
        self.set_meta("total_len", self._meta_int("total_len") - gone.doclen)
        return True

    def _facet_rows(
        self, db: sqlite3.Connection, f: Facets, pos: int, sign: int, *, counted: bool = True
    ) -> None:
        """Add (+1) or take back (-1) one paper's rows at `pos`. `counted`: its word and
        term document counts too (not when the paper only moves to another position)."""
        tids = self._tids(db, set(f.terms))
        for table, params in _positional_rows(f, pos, sign).items():
            db.executemany(_POSITIONAL_SQL[table][sign > 0], params)
        if sign < 0:
            db.executemany(
                "DELETE FROM postings WHERE tid=? AND pos=?", [(tids[t], pos) for t in f.terms]
            )
        else:
            db.executemany(
                "INSERT OR REPLACE INTO postings VALUES (?, ?, ?)",
                [(tids[t], pos, tf) for t, tf in f.terms.items()],
            )
        if counted:
            db.executemany(
                "UPDATE words SET n_best = n_best + ? WHERE word = ?",
                [(sign, w) for w in f.words_best],
            )
            db.executemany(
                "UPDATE words SET n_all = n_all + ? WHERE word = ?",
                [(sign, w) for w in f.words_all],
            )
            db.executemany(
                "UPDATE terms SET df = df + ? WHERE tid = ?", [(sign, tids[t]) for t in f.terms]
            )

    @staticmethod
    def _tids(db: sqlite3.Connection, terms: set[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        terms_list = list(terms)
        for start in range(0, len(terms_list), 500):
            chunk = terms_list[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                db.execute(f"SELECT term, tid FROM terms WHERE term IN ({marks})", chunk)  # noqa: S608
            )
        return out

    def stamp(self, version: int | None, collection_id: str | None, embedder: str | None) -> None:
        with self.transaction():
            self.set_meta("version", version)
            self.set_meta("collection_id", collection_id)
            self.set_meta("embedder", embedder)

    # -- ingested files (to skip parsing what is unchanged) ------------------------------

    def files(self, paths: Sequence[str]) -> dict[str, tuple[int, int, list[str]]]:
        out = {}
        with self._lock:
            for start in range(0, len(paths), 500):
                chunk = list(paths[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for path, size, mtime, ids in self.db.execute(
                    f"SELECT path, size, mtime_ns, ids FROM files WHERE path IN ({marks})",  # noqa: S608
                    chunk,
                ):
                    out[path] = (size, mtime, json.loads(ids))
        return out

    def record_files(self, entries: Iterable[tuple[str, int, int, list[str]]], version) -> None:
        """Remember files whose papers are all stored, at `version` (else forget nothing)."""
        with self.transaction():
            if self.version != version:
                return
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                [(p, s, m, json.dumps(ids)) for p, s, m, ids in entries],
            )

    def reparse_files(self) -> None:
        """Mark every recorded file as to be parsed again (its papers still known when
        pruning): the digests were read by another parser version (meta "parser"), and a
        parser that reads a file differently changes what it holds, though the file did
        not change. `parsed_by` records the version once every record is rewritten."""
        with self.transaction() as db:
            db.execute("UPDATE files SET size = -1, mtime_ns = -1")

    def parsed_by(self, parser: str) -> None:
        """Record that every stored record is what `parser` reads from its digests."""
        with self.transaction():
            self.set_meta("parser", parser)

    def forget_files(self, paths: Iterable[str]) -> None:
        """Forget ingested files (deleted ones): the next ingest of such a path parses it."""
        with self.transaction() as db:
            db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])

    def papers_from(
        self, sources: Iterable[str], *, scan: bool = True, prefix: str | None = None
    ) -> dict[str, Paper]:
        """Stored papers with a mention from one of `sources` (digest paths as ingested)
        or, with `prefix`, from any path that starts with it.

        `scan`: every record is read (only those containing a path are parsed). Without
        it, the papers each file held when last ingested (the `files` table) are read.
        """
        sources = set(sources)
        if scan or prefix is not None:
            needles = [json.dumps(s, ensure_ascii=False) for s in sources]
            if prefix is not None:
                needles.append(json.dumps(prefix, ensure_ascii=False)[:-1])  # no end quote
            records = (
                (pid, record)
                for pid, record in self.iter_records()
                if any(n in record for n in needles)
            )
        else:
            ids = {pid for _, _, pids in self.files(sorted(sources)).values() for pid in pids}
            records = self.records(sorted(ids)).items()

        def wanted(source: str) -> bool:
            return source in sources or (prefix is not None and source.startswith(prefix))

        out = {}
        for pid, record in records:
            paper = Paper.from_record(pid, record)
            if any(wanted(m.source) for m in paper.mentions):
                out[pid] = paper
        return out

    # -- reading ---------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self.db.execute(sql, params).fetchall()

    def ids(self) -> list[str]:
        """Every arXiv id, in catalog order (position = list index)."""
        # read from the arXiv id index (small), not the table (records, vectors)
        rows = self._query("SELECT pos, arxiv_id FROM papers INDEXED BY papers_arxiv_id")
        out = [""] * (max((p for p, _ in rows), default=-1) + 1)
        for pos, pid in rows:
            out[pos] = pid
        return out

    def records(self, ids: Sequence[str]) -> dict[str, str]:
        out = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            out.update(
                self._query(
                    f"SELECT arxiv_id, record FROM papers WHERE arxiv_id IN ({marks})",  # noqa: S608
                    chunk,
                )
            )
        return out

    def stored_states(self, ids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
        """arXiv id -> (record, record hash, embed hash), for the stored ones among `ids`."""
        out = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for pid, record, rh, eh in self._query(
                "SELECT arxiv_id, record, record_hash, embed_hash FROM papers "
                f"WHERE arxiv_id IN ({marks})",  # noqa: S608
                chunk,
            ):
                out[pid] = (record, rh or "", eh or "")
        return out

    def iter_records(self, chunk: int = 1000) -> Iterator[tuple[str, str]]:
        last = -1
        while True:
            rows = self._query(
                "SELECT pos, arxiv_id, record FROM papers WHERE pos > ? ORDER BY pos LIMIT ?",
                (last, chunk),
            )
            if not rows:
                return
            for _, pid, record in rows:
                yield pid, record
            last = rows[-1][0]

    def count(self) -> int:
        return self._meta_int("n_docs")

    def vectors(self, state=None):
        """Every paper's unit vector as a float32 matrix in catalog order (zeros where none).

        With `state` (the collection state the caller loaded at), the matrix is also kept
        as a memory-mapped .npy snapshot beside the file, named by that state: the next
        process at the same state maps it instead of reading every row (2.5 s at 100k).
        """
        import numpy as np

        snapshot = None
        if state is not None and state[0] is not None:
            key = f"{state[0][:8]}-{state[1]}-{self.count()}"
            snapshot = self.path.with_name(f"{self.path.stem}.vectors-{key}.npy")
            if snapshot.is_file():
                try:
                    return np.load(snapshot, mmap_mode="r")
                except (OSError, ValueError):
                    pass
        matrix = self._read_vectors()
        if matrix.size:
            norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
            norms[norms == 0] = 1.0
            matrix /= norms[:, None]
        if snapshot is not None and matrix.size:
            for old in self.path.parent.glob(f"{self.path.stem}.vectors-*.npy"):
                old.unlink(missing_ok=True)
            tmp = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.tmp")
            try:
                with open(tmp, "wb") as handle:
                    np.save(handle, matrix)
                os.replace(tmp, snapshot)
            except OSError:
                tmp.unlink(missing_ok=True)
        return matrix

    def _read_vectors(self):
        import numpy as np

        n = self.count()
        matrix = None
        last = -1
        while True:
            rows = self._query(
                "SELECT pos, vector FROM papers WHERE pos > ? ORDER BY pos LIMIT 4096", (last,)
            )
            if not rows:
                break
            for pos, blob in rows:
                if blob is None:
                    continue
                row = np.frombuffer(blob, dtype=np.float32)
                if matrix is None:
                    matrix = np.zeros((n, row.size), dtype=np.float32)
                if pos < n:
                    matrix[pos] = row
            last = rows[-1][0]
        return matrix if matrix is not None else np.zeros((0, 0), dtype=np.float32)

    # catalog lookups

    def positions_on_dates(self, since: str | None, until: str | None) -> list[int]:
        return [
            pos
            for (pos,) in self._query(
                "SELECT DISTINCT pos FROM dates WHERE date >= ? AND date <= ? ORDER BY pos",
                (since or "", until or "\uffff"),
            )
        ]

    def dates(self) -> list[str]:
        return [d for (d,) in self._query("SELECT DISTINCT date FROM dates ORDER BY date")]

    def latest_date(self) -> str | None:
        return self._query("SELECT MAX(date) FROM dates")[0][0]

    def oldest_date(self) -> str | None:
        return self._query("SELECT MIN(date) FROM dates")[0][0]

    def date_stats(self) -> list[tuple[str, int, list[str]]]:
        rows = self._query(
            "SELECT date, COUNT(DISTINCT pos), GROUP_CONCAT(DISTINCT language) FROM dates "
            "GROUP BY date ORDER BY date"
        )
        return [(d, n, sorted((langs or "").split(","))) for d, n, langs in rows]

    def tag_counts(self) -> list[tuple[str, int]]:
        return [
            (t, n)
            for t, n, _ in self._query(
                "SELECT tag, COUNT(*), MIN(pos) FROM tags GROUP BY tag ORDER BY MIN(pos)"
            )
        ]

    def positions_with_tag(self, tag: str) -> set[int]:
        return {p for (p,) in self._query("SELECT pos FROM tags WHERE tag = ?", (tag,))}

    def positions_with_code(self) -> set[int]:
        return {p for (p,) in self._query("SELECT pos FROM papers WHERE has_code = 1")}

    def _in(self, sql: str, values: Sequence, extra: Sequence = ()) -> list[tuple]:
        values = list(values)
        out: list[tuple] = []
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            out += self._query(sql.format(marks=",".join("?" * len(chunk))), [*chunk, *extra])
        return out

    def titles_among(self, phrases: Iterable[str]) -> list[tuple[str, int]]:
        return self._in("SELECT norm, pos FROM titles WHERE norm IN ({marks})", list(phrases))

    def titles_starting(self, words: str) -> list[tuple[str, int]]:
        """The titles (normalised) that are `words` or go on from them."""
        return self._query(
            "SELECT norm, pos FROM titles WHERE norm = ? OR (norm >= ? AND norm < ?)",
            [words, f"{words} ", f"{words}!"],  # (" " < "!": the titles going on after a space)
        )

    def names_among(self, phrases: Iterable[str]) -> list[tuple[str, int, str]]:
        return self._in("SELECT name, pos, exact FROM names WHERE name IN ({marks})", list(phrases))

    def names_with_word(self, word: str) -> list[tuple[str, int, str]]:
        """The names of several words one of which is `word` (normalised): (name, position,
        as written)."""
        return self._query(
            "SELECT name, pos, exact FROM names WHERE instr(' ' || name || ' ', ?) > 0",
            (f" {word} ",),
        )

    def aliases_among(self, phrases: Iterable[str]) -> list[tuple[str, int, str]]:
        return self._in(
            "SELECT name, pos, exact FROM aliases WHERE name IN ({marks})", list(phrases)
        )

    def handles_among(self, phrases: Iterable[str]) -> list[tuple[str, str, int]]:
        return self._in(
            "SELECT key, handle, pos FROM handles WHERE key IN ({marks})", list(phrases)
        )

    def first_handle_positions(self, handles: Iterable[str]) -> dict[str, int]:
        return dict(
            self._in(
                "SELECT handle, MIN(pos) FROM handles WHERE handle IN ({marks}) GROUP BY handle",
                list(handles),
            )
        )

    def word_counts(self, words: Iterable[str]) -> dict[str, tuple[int, int]]:
        return {
            w: (b, a)
            for w, b, a in self._in(
                "SELECT word, n_best, n_all FROM words WHERE word IN ({marks})", list(words)
            )
        }

    def plain_words(self, least_papers: int) -> list[tuple[str, int]]:
        """(word, papers using it) of the titles' and summaries' words used by at least
        `least_papers` papers."""
        return self._query("SELECT word, n_all FROM words WHERE n_all >= ?", (least_papers,))

    def renderings(self) -> list[tuple[str, str, int]]:
        """(Korean word, English word, papers writing them beside each other)."""
        return self._query("SELECT ko, en, COUNT(*) FROM renderings GROUP BY ko, en")

    def parallel_papers(self) -> int:
        """How many papers have a summary in each language."""
        return self._query("SELECT COUNT(DISTINCT pos) FROM parallel")[0][0]

    def parallel_positions(self, language: str, word: str) -> list[int]:
        """The papers summarised in both languages whose `language` text has `word`."""
        sql = "SELECT pos FROM parallel WHERE language=? AND word=?"
        return [pos for (pos,) in self._query(sql, (language, word))]

    def parallel_among(self, language: str, positions: list[int], least: int) -> dict[str, int]:
        """The `language` words of those papers, with how many of them have each (>= least)."""
        counts: Counter = Counter()
        for word, n in self._in(
            "SELECT word, COUNT(*) FROM parallel INDEXED BY parallel_pos "
            "WHERE pos IN ({marks}) AND language=? GROUP BY word",
            positions,
            extra=(language,),
        ):
            counts[word] += n  # (a word's papers may fall in several chunks of `_in`)
        return {w: n for w, n in counts.items() if n >= least}

    def parallel_forms(self, language: str, prefix: str) -> list[str]:
        """The `language` words of the papers summarised in both languages that begin
        with `prefix` ("compress": "compressed", "compression")."""
        sql = "SELECT DISTINCT word FROM parallel WHERE language=? AND word>=? AND word<?"
        return [w for (w,) in self._query(sql, (language, prefix, prefix + "\U0010ffff"))]

    def parallel_counts(self, language: str, words: list[str]) -> dict[str, int]:
        """How many papers summarised in both languages have each `language` word."""
        return dict(
            self._in(
                "SELECT word, COUNT(*) FROM parallel WHERE word IN ({marks}) AND language=? "
                "GROUP BY word",
                words,
                extra=(language,),
            )
        )

    def names_as_written(self) -> list[str]:
        """The papers' names and the coined names their summaries introduce, as written."""
        return [
            e
            for (e,) in self._query(
                "SELECT DISTINCT exact FROM names UNION SELECT DISTINCT exact FROM aliases"
            )
            if e
        ]

    def one_word_names(self) -> list[str]:
        """The papers' names of one word ("kangaroo", "spargeattn"), normalised."""
        return [n for (n,) in self._query("SELECT DISTINCT name FROM names") if " " not in n]

    def most_words(self, kind: str) -> int:
        with self._lock:
            return self._meta_int(f"{kind}_words")

    # lexical

    def lexical_stats(self) -> tuple[int, int]:
        with self._lock:
            return self._meta_int("n_docs"), self._meta_int("total_len")

    def doclens(self):
        import numpy as np

        rows = self._query("SELECT pos, doclen FROM papers INDEXED BY papers_doclen")
        out = np.zeros(len(rows), dtype=np.float32)
        for pos, n in rows:
            if pos < len(out):
                out[pos] = n
        return out

    def term_info(self, terms: Iterable[str]) -> dict[str, tuple[int, int]]:
        """term -> (term id, document frequency), for the known ones."""
        return {
            t: (tid, df)
            for t, tid, df in self._in(
                "SELECT term, tid, df FROM terms WHERE term IN ({marks}) AND df > 0", list(terms)
            )
        }

    def has_term_starting(self, prefix: str) -> bool:
        """Whether some paper has a term that starts with `prefix` and goes on."""
        rows = self._query(
            "SELECT 1 FROM terms WHERE term > ? AND term < ? AND df > 0 LIMIT 1",
            (prefix, prefix + "\uffff"),
        )
        return bool(rows)

    def terms_starting(self, prefix: str, limit: int = 50) -> list[str]:
        """The terms some paper has that are `prefix` or start with it, at most `limit`."""
        rows = self._query(
            "SELECT term FROM terms WHERE term >= ? AND term < ? AND df > 0 LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        )
        return [r[0] for r in rows]

    def postings(self, tid: int):
        """(positions, term frequencies) of one term, as arrays."""
        import numpy as np

        rows = self._query("SELECT pos, tf FROM postings WHERE tid = ? ORDER BY pos", (tid,))
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        arr = np.asarray(rows, dtype=np.int64)
        return arr[:, 0], arr[:, 1].astype(np.float32)


def bm25_idf(n_docs: int, df: int) -> float:
    """Lucene's BM25 idf (bm25s's default), also the weight of a term in coverage."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
