"""The Chroma store: one collection, one entry per paper, written with upserts.

Entries are written in the node format llama-index's `ChromaVectorStore` reads, so a
llama-index `VectorStoreIndex` can be opened over this collection as it is. The
collection's metadata records which embedder built it; opening it with another one is an
`EmbedderMismatch`, never a silent mix of vector spaces. Chroma's own default embedding
function is never used: vectors always come from our embedder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from assistant.config import Settings
from assistant.errors import EmbedderMismatch, EmptyStoreError, StoreError
from assistant.types import Paper

log = logging.getLogger(__name__)

GET_BATCH = 1000  # rows per Chroma get() page: bounded memory on large stores


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
        return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)
    except Exception as exc:  # chromadb raises a zoo of types for "cannot connect"
        raise StoreError(f"cannot open {settings.describe_store()}: {exc}") from exc


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
        with reaching(self.settings):
            self._write(fresh + meta_only, dict(embeddings), [p.arxiv_id for p, _, _ in meta_only])

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

    def embed_many(self, texts: list[str], progress=None) -> list[list[float]]:
        model = self.model
        if hasattr(model, "embed_many"):
            return model.embed_many(texts, progress=progress)
        vectors = model.get_text_embedding_batch(texts)
        if progress is not None:
            progress(len(texts))
        return vectors


def open_store(settings: Settings, *, create: bool = True, lazy: bool = False):
    """(embedder, store) for these settings; the store is created when missing.

    `lazy=True` gives a `LazyEmbedder`, which loads the model only when asked to embed.
    """
    embedder = LazyEmbedder(settings) if lazy else make_embedder(settings)
    return embedder, PaperStore(settings, embedder.embedder_id, embedder.dim, create=create)


def peek_store(settings: Settings, *, lazy: bool = True):
    """Like `open_store`, but never creates anything: (embedder, None) when there is no store.

    The embedder is a `LazyEmbedder` unless `lazy=False`.
    """
    embedder = LazyEmbedder(settings) if lazy else make_embedder(settings)
    if not settings.chroma_host and not (settings.store_dir / "chroma.sqlite3").exists():
        return embedder, None
    try:
        return embedder, PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    except EmptyStoreError:
        return embedder, None
