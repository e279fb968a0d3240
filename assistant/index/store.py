"""The Chroma store: one collection, one entry per paper, written with upserts.

Entries are written in the node format llama-index's `ChromaVectorStore` reads, so a
llama-index `VectorStoreIndex` can be opened over this collection as it is. The
collection's metadata records which embedder built it; opening it with another one is an
`EmbedderMismatch`, never a silent mix of vector spaces. Chroma's own default embedding
function is never used: vectors always come from our embedder.

Every write batch bumps the collection's `digest_version` (its metadata) before writing
its rows, stamps each row with that version, then applies the same rows to the derived
indexes (`assistant.index.derived`) and records the version there. `sync` repairs derived
indexes that lag behind (a crash between the two writes, another process's or machine's
ingest, a store from an older release): from the rows newer than their version, or by
a full rebuild, with progress reported. `collection_state` reads the version cheaply
(for embedded Chroma straight from its SQLite file, without importing chromadb), so
every question can check it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from assistant.config import Settings
from assistant.errors import EmbedderMismatch, EmptyStoreError, StoreError
from assistant.types import Paper

log = logging.getLogger(__name__)

GET_BATCH = 1000  # rows per Chroma get() page: bounded memory on large stores
VERSION_KEY = "digest_version"  # collection metadata and row metadata: the write batch
DELETED_KEY = "digest_deleted_version"  # collection metadata: the last write that deleted rows


@dataclass(frozen=True)
class StoredState:
    record_hash: str
    embed_hash: str


@contextmanager
def reaching(settings: Settings):
    """Turn a failure to reach the store (server down, connection reset) into a StoreError."""
    try:
        yield
    except (StoreError, KeyboardInterrupt):
        raise
    except Exception as exc:
        raise StoreError(f"cannot reach {settings.describe_store()}: {exc}") from exc


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        settings.store_dir.mkdir(parents=True, exist_ok=True)
        _check_not_truncated(settings)
        return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)
    except StoreError:
        raise
    except Exception as exc:  # chromadb raises a zoo of types for "cannot connect"
        raise StoreError(f"cannot open {settings.describe_store()}: {exc}") from exc


def _check_not_truncated(settings: Settings) -> None:
    """A 0-byte chroma.sqlite3 is a damaged store, not an empty one (Chroma would start afresh)."""
    database = settings.store_dir / "chroma.sqlite3"
    if database.is_file() and database.stat().st_size == 0:
        raise StoreError(
            f"{settings.describe_store()} is damaged: {database} is empty (0 bytes). Restore "
            "it from a backup, or delete the folder and run `digest ingest` again."
        )


class PaperStore:
    """Papers in one Chroma collection, tied to one embedder identity."""

    def __init__(self, settings: Settings, embedder_id: str, dim: int, *, create: bool = True):
        self.settings = settings
        self.embedder_id = embedder_id
        self.dim = dim
        if (
            not create
            and not settings.chroma_host
            and not (settings.store_dir / "chroma.sqlite3").exists()
        ):
            raise EmptyStoreError(
                f"no papers in {settings.describe_store()}: run `digest ingest` first"
            )
        self._client = _client(settings)
        self.collection = self._open(create)
        self.derived = None  # a DerivedIndex kept in step with every write, when attached

    def _open(self, create: bool):
        name = self.settings.collection
        try:
            if create:
                col = self._client.get_or_create_collection(
                    name,
                    metadata={"embedder": self.embedder_id, "dim": self.dim},
                    configuration={"hnsw": {"space": "cosine"}},
                    embedding_function=None,
                )
            else:
                col = self._client.get_collection(name, embedding_function=None)
        except Exception as exc:
            if not create and "does not exist" in str(exc).lower():
                raise EmptyStoreError(
                    f"no papers in {self.settings.describe_store()}: run `digest ingest` first"
                ) from exc
            raise StoreError(f"cannot open collection {name!r}: {exc}") from exc
        built_by = (col.metadata or {}).get("embedder")
        if built_by and built_by != self.embedder_id:
            raise EmbedderMismatch(
                f"{self.settings.describe_store()} was built with embedder {built_by!r}, but "
                f"{self.embedder_id!r} is configured. Use the same DIGEST_EMBEDDER, or another "
                "DIGEST_STORE_DIR / DIGEST_COLLECTION, or delete the store and ingest again."
            )
        return col

    # -- reading ------------------------------------------------------------------------

    def count(self) -> int:
        with reaching(self.settings):
            return self.collection.count()

    def pages(self, include: list[str], ids: list[str] | None = None) -> Iterator[dict]:
        if ids is not None:
            for start in range(0, len(ids), GET_BATCH):
                with reaching(self.settings):
                    page = self.collection.get(ids=ids[start : start + GET_BATCH], include=include)
                yield page
            return
        offset = 0
        while True:
            with reaching(self.settings):
                page = self.collection.get(include=include, limit=GET_BATCH, offset=offset)
            if not page["ids"]:
                return
            yield page
            offset += len(page["ids"])

    def load(self, ids: list[str] | None = None) -> dict[str, tuple[Paper, StoredState]]:
        """Stored papers (all, or those among `ids`) with the hashes they were written with."""
        out = {}
        for page in self.pages(["metadatas"], ids):
            for pid, meta in zip(page["ids"], page["metadatas"], strict=True):
                state = StoredState(meta.get("record_hash", ""), meta.get("embed_hash", ""))
                out[pid] = (Paper.from_record(pid, meta["record"]), state)
        return out

    # -- writing ------------------------------------------------------------------------

    def upsert(self, papers: Iterable[Paper], embeddings: dict[str, list[float]]) -> None:
        """Write papers (atomic per call); those without a new embedding keep their vector."""
        from llama_index.core.schema import TextNode
        from llama_index.core.vector_stores.utils import node_to_metadata_dict

        fresh, meta_only = [], []
        for paper in papers:
            node = TextNode(
                id_=paper.arxiv_id,
                text=paper.embed_text(),
                metadata=paper.metadata(self.embedder_id),
                excluded_embed_metadata_keys=["record"],
                excluded_llm_metadata_keys=["record"],
            )
            meta = node_to_metadata_dict(node, remove_text=True, flat_metadata=True)
            (fresh if paper.arxiv_id in embeddings else meta_only).append((paper, node, meta))
        rows = fresh + meta_only
        if not rows:
            return
        with reaching(self.settings):
            previous, version = self.bump_version()
            for _, _, meta in rows:
                meta[VERSION_KEY] = version
            self._write(rows, dict(embeddings), [p.arxiv_id for p, _, _ in meta_only])
        if self.derived is not None:
            from assistant.index.derived import Row

            self.derived.apply(
                [
                    Row(p, m["record_hash"], m["embed_hash"], embeddings.get(p.arxiv_id))
                    for p, _, m in rows
                ],
                version=version,
                expect=previous,
            )

    def delete(self, ids: Iterable[str]) -> None:
        """Remove papers (one new version), from Chroma and the attached derived file."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return
        with reaching(self.settings):
            previous, version = self.bump_version(deleting=True)
            self.collection.delete(ids=ids)
        if self.derived is not None:
            self.derived.delete(ids, version=version, expect=previous)

    def ids(self) -> set[str]:
        """Every stored arXiv id."""
        return {pid for page in self.pages([]) for pid in page["ids"]}

    # -- versions -----------------------------------------------------------------------

    def metadata(self) -> dict:
        """The collection's metadata as stored now (not as cached when opened)."""
        with reaching(self.settings):
            col = self._client.get_collection(self.settings.collection, embedding_function=None)
        return dict(col.metadata or {})

    def version(self) -> int:
        return int(self.metadata().get(VERSION_KEY) or 0)

    def bump_version(self, *, deleting: bool = False) -> tuple[int, int]:
        """Give the collection a new version before a write: (previous, new).

        `deleting`: the write removes rows, which leave no row to catch up from; the
        version is also recorded as the last deletion's, so a derived file older than
        it looks for ids Chroma no longer has (see `sync`).
        """
        meta = self.metadata()
        previous = int(meta.get(VERSION_KEY) or 0)
        meta[VERSION_KEY] = previous + 1
        if deleting:
            meta[DELETED_KEY] = previous + 1
        self.collection.modify(metadata=meta)
        return previous, previous + 1

    def changed_since(self, version: int) -> Iterator[dict]:
        """Pages of rows (metadatas, embeddings) written by batches newer than `version`."""
        offset = 0
        where = {VERSION_KEY: {"$gt": version}}
        while True:
            with reaching(self.settings):
                page = self.collection.get(
                    where=where,
                    include=["metadatas", "embeddings"],
                    limit=GET_BATCH,
                    offset=offset,
                )
            if not len(page["ids"]):
                return
            yield page
            offset += len(page["ids"])

    def _write(self, rows, vectors: dict[str, list[float]], meta_only: list[str]) -> None:
        """Upsert rows with a new vector; update metadata alone for the others.

        A metadata-only change (a new mention, tag or vote) never touches the vector: Chroma
        normalises cosine-space vectors on write, so reading one back and writing it again
        would move its last bits. Its document is the embedded text, unchanged with the
        embed hash, so it is not rewritten either.
        """
        ids = [p.arxiv_id for p, _, _ in rows]
        old = self.collection.get(ids=ids, include=["metadatas"])
        old_meta = dict(zip(old["ids"], old["metadatas"], strict=True))
        keep = {pid for pid in meta_only if pid in old_meta}  # a vanished row is not revived
        for p, _, meta in rows:
            # Chroma merges metadata on write: null the keys this version no longer has
            for key in set(old_meta.get(p.arxiv_id) or {}) - set(meta):
                meta[key] = None
        fresh = [(p, n, m) for p, n, m in rows if p.arxiv_id in vectors]
        if fresh:
            self.collection.upsert(
                ids=[p.arxiv_id for p, _, _ in fresh],
                embeddings=[vectors[p.arxiv_id] for p, _, _ in fresh],
                documents=[n.text for _, n, _ in fresh],
                metadatas=[m for _, _, m in fresh],
            )
        updated = [(p, m) for p, _, m in rows if p.arxiv_id in keep]
        if updated:
            self.collection.update(
                ids=[p.arxiv_id for p, _ in updated], metadatas=[m for _, m in updated]
            )


def make_embedder(settings: Settings):
    """The embedder the settings name (models load lazily, on first use)."""
    from assistant.index.embedders.factory import build_embedder

    return build_embedder(
        settings.embedder,
        model_dir=settings.embed_model_dir,
        openai_model=settings.embed_openai_model,
        api_key=settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
        base_url=settings.openai_base_url,
        threads=settings.embed_threads,
        batch_size=settings.embed_batch_size,
        workers=settings.embed_workers,
        max_batch_tokens=settings.embed_max_batch_tokens,
        max_length=settings.embed_max_length,
    )


class LazyEmbedder:
    """The configured embedder's identity now; the embedder itself only when first used.

    Building a real embedder imports llama-index (seconds) and loads the model. Ingestion
    needs only `embedder_id` to tell what changed, so a re-ingest with nothing new to
    embed never pays for either.
    """

    def __init__(self, settings: Settings):
        from assistant.index.embedders.files import embedder_identity

        self.settings = settings
        self.embedder_id, self._dim = embedder_identity(
            settings.embedder,
            model_dir=settings.embed_model_dir,
            openai_model=settings.embed_openai_model,
            max_length=settings.embed_max_length,
        )
        self._model = None

    @property
    def model(self):
        """The real (llama-index) embedder, built on first use."""
        if self._model is None:
            model = make_embedder(self.settings)
            if model.embedder_id != self.embedder_id:  # the files changed under us
                raise EmbedderMismatch(
                    f"embedder identity changed from {self.embedder_id!r} to "
                    f"{model.embedder_id!r} while running; run again"
                )
            self._model = model
        return self._model

    @property
    def dim(self) -> int:
        return self._dim if self._dim is not None else self.model.dim

    def get_query_embedding(self, text: str) -> list[float]:
        """A question's vector (`get_query_embeddings`)."""
        return self.get_query_embeddings([text])[0]

    def get_query_embeddings(self, texts: Sequence[str]) -> list[list[float]]:
        """Questions' vectors, in one batch; for ONNX models without llama-index (the same
        computation)."""
        if self._model is None:
            encoder = self._encoder()
            if encoder is not None:
                return encoder.embed(list(texts))
        return [self.model.get_query_embedding(text) for text in texts]

    def _encoder(self):
        cached = self.__dict__.get("_encoder_cache")
        if cached is None:
            from assistant.index.embedders import files
            from assistant.index.embedders.encoder import OnnxEncoder

            s = self.settings
            if s.embedder == "minilm":
                model, tokenizer = files.verified_minilm_files()
            elif s.embedder == "onnx" and s.embed_model_dir is not None:
                model, tokenizer, _ = files.folder_identity(s.embed_model_dir)
            else:
                return None
            cached = OnnxEncoder(str(model), str(tokenizer), s.embed_max_length, s.embed_threads)
            self.__dict__["_encoder_cache"] = cached
        return cached

    def embed_many(self, texts: list[str], progress=None) -> list[list[float]]:
        model = self.model
        if hasattr(model, "embed_many"):
            return model.embed_many(texts, progress=progress)
        vectors = model.get_text_embedding_batch(texts)
        if progress is not None:
            progress(len(texts))
        return vectors


def open_store(
    settings: Settings, *, create: bool = True, lazy: bool = False, progress: Progress | None = None
):
    """(embedder, store) for these settings; the store is created when missing.

    `lazy=True` gives a `LazyEmbedder`, which loads the model only when asked to embed.
    The store's derived indexes are opened (repaired first if stale, reporting to
    `progress`) and kept in step with every write.
    """
    embedder = LazyEmbedder(settings) if lazy else make_embedder(settings)
    store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=create)
    store.derived = open_derived(settings, store=store, progress=progress)
    return embedder, store


def peek_store(settings: Settings, *, lazy: bool = True):
    """Like `open_store`, but never creates anything: (embedder, None) when there is no store.

    The embedder is a `LazyEmbedder` unless `lazy=False`.
    """
    embedder = LazyEmbedder(settings) if lazy else make_embedder(settings)
    if not settings.chroma_host and not (settings.store_dir / "chroma.sqlite3").exists():
        return embedder, None
    if not settings.chroma_host:
        _check_not_truncated(settings)
    try:
        return embedder, PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    except EmptyStoreError:
        return embedder, None


# -- the derived indexes, kept in step ---------------------------------------------------


@dataclass(frozen=True)
class CollectionState:
    id: str
    version: int  # 0: never written by a versioning release
    embedder: str | None


_clients: dict[tuple[str, int], object] = {}
_clients_lock = threading.Lock()


def _server_client(settings: Settings):
    key = (settings.chroma_host or "", settings.chroma_port)
    with _clients_lock:
        if key not in _clients:
            _clients[key] = _client(settings)
        return _clients[key]


def collection_state(settings: Settings) -> CollectionState | None:
    """The configured collection's id, version and embedder; None when there is none.

    Cheap enough for every question: embedded Chroma's catalog is its SQLite file, read
    directly (importing chromadb alone costs more than a whole answer); a server is asked
    over its HTTP API with one reused client.
    """
    if not settings.chroma_host:
        path = settings.store_dir / "chroma.sqlite3"
        if not path.exists():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            try:
                rows = db.execute(
                    "SELECT c.id, m.key, m.int_value, m.str_value FROM collections c "
                    "LEFT JOIN collection_metadata m ON m.collection_id = c.id "
                    "AND m.key IN (?, 'embedder') WHERE c.name = ?",
                    (VERSION_KEY, settings.collection),
                ).fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:  # a Chroma release with another layout: ask Chroma
            log.debug("reading %s directly failed (%s); asking chromadb", path, exc)
        else:
            if not rows:
                return None
            if len({r[0] for r in rows}) == 1:
                values = {key: (i if i is not None else s) for _, key, i, s in rows if key}
                return CollectionState(
                    rows[0][0], int(values.get(VERSION_KEY) or 0), values.get("embedder")
                )
    try:
        with reaching(settings):
            client = _server_client(settings) if settings.chroma_host else _client(settings)
            col = client.get_collection(settings.collection, embedding_function=None)
    except StoreError as exc:
        if "does not exist" in str(exc).lower() or "not found" in str(exc).lower():
            return None
        raise
    meta = col.metadata or {}
    return CollectionState(str(col.id), int(meta.get(VERSION_KEY) or 0), meta.get("embedder"))


Progress = Callable[[int, int], None]  # (papers done, papers in all)


def _row(pid: str, meta: dict, vector):
    from assistant.index.derived import Row

    paper = Paper.from_record(pid, meta["record"])
    return Row(paper, meta.get("record_hash", ""), meta.get("embed_hash", ""), vector)


def sync(
    settings: Settings,
    derived,
    store: PaperStore | None = None,
    state: CollectionState | None = None,
    progress: Progress | None = None,
) -> None:
    """Bring `derived` in step with the collection (nothing to do when it already is).

    Same collection, older version: the rows written since are read and applied. Another
    collection, no version, or a version ahead of the store's: rebuilt from every row.
    All in one transaction of the derived file, so readers see the old or the new state,
    and two processes repairing the same file take turns (the second finds it done).
    """
    state = state or collection_state(settings)
    if state is None:
        if derived.count():
            derived.clear()
        return
    if derived.state == (state.id, state.version):
        return
    if store is None:
        embedder = LazyEmbedder(settings)
        store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    with derived.transaction():
        if derived.state == (state.id, state.version):
            return
        built_from, built_at = derived.state
        incremental = built_from == state.id and built_at is not None and built_at < state.version
        if incremental:
            pages = store.changed_since(built_at)
            total = 0
        else:
            derived.clear()
            pages = store.pages(["metadatas", "embeddings"])
            total = store.count()
        done = 0
        for page in pages:
            embeddings = page.get("embeddings")
            rows = [
                _row(pid, meta, embeddings[i] if embeddings is not None else None)
                for i, (pid, meta) in enumerate(zip(page["ids"], page["metadatas"], strict=True))
            ]
            derived.apply(rows)
            done += len(rows)
            if progress is not None:
                progress(done, max(total, done))
        if incremental and int(store.metadata().get(DELETED_KEY) or 0) > built_at:
            # papers deleted since: no row tells, so compare the ids
            stored = store.ids()
            derived.delete([pid for pid in derived.ids() if pid and pid not in stored])
        derived.stamp(state.version, state.id, state.embedder)
    log.info(
        "derived indexes of %s %s at version %s (%d papers)",
        settings.describe_store(),
        "caught up" if incremental else "rebuilt",
        state.version,
        done,
    )


def open_derived(
    settings: Settings, *, store: PaperStore | None = None, progress: Progress | None = None
):
    """The derived indexes of the configured collection, repaired if stale; None: no store."""
    from assistant.index.derived import DerivedIndex, derived_path

    state = collection_state(settings)
    if state is None:
        return None
    embedder_id = store.embedder_id if store is not None else LazyEmbedder(settings).embedder_id
    if state.embedder and state.embedder != embedder_id:
        raise EmbedderMismatch(
            f"{settings.describe_store()} was built with embedder {state.embedder!r}, but "
            f"{embedder_id!r} is configured. Use the same DIGEST_EMBEDDER, or another "
            "DIGEST_STORE_DIR / DIGEST_COLLECTION, or delete the store and ingest again."
        )
    derived = DerivedIndex(derived_path(settings))
    sync(settings, derived, store, state, progress)
    return derived
