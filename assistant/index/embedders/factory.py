"""The embedder a setting names: "minilm" (offline default), "onnx" (a folder) or "openai"."""

from __future__ import annotations

from pathlib import Path

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.index.embedders.files import (
    DEFAULT_MAX_LENGTH,
    EMBEDDER_KINDS,
    OPENAI_DEFAULT_MODEL,
    EmbedderError,
)
from assistant.index.embedders.onnx import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_BATCH_TOKENS,
    OnnxEmbedding,
)


def build_embedder(
    kind: str = "minilm",
    *,
    model_dir: str | Path | None = None,
    openai_model: str = OPENAI_DEFAULT_MODEL,
    api_key: str | None = None,
    base_url: str | None = None,
    threads: int = 0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dimensions: int | None = None,
    workers: int = 1,
    max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> BaseEmbedding:
    """The embedder for ``kind``: "minilm" (offline default), "onnx" (a model_dir) or "openai".

    Every result has ``.embedder_id`` and ``.dim``. Nothing touches the network here.
    For ONNX, ``threads`` sets onnxruntime's intra-op threads and ``workers`` how many
    batches run at once; on a busy 2-core machine ``threads=1, workers=2`` measured fastest.
    """
    kind = kind.strip().lower()
    if kind == "minilm":
        return OnnxEmbedding.minilm(
            threads=threads,
            batch_size=batch_size,
            workers=workers,
            max_batch_tokens=max_batch_tokens,
            max_length=max_length,
        )
    if kind == "onnx":
        if model_dir is None:
            raise EmbedderError("embedder 'onnx' needs a model folder (model_dir)")
        return OnnxEmbedding.from_folder(
            model_dir,
            threads=threads,
            batch_size=batch_size,
            workers=workers,
            max_batch_tokens=max_batch_tokens,
            max_length=max_length,
        )
    if kind == "openai":
        from assistant.index.embedders.openai import openai_embedder

        return openai_embedder(
            openai_model,
            api_key=api_key,
            base_url=base_url,
            dimensions=dimensions,
            batch_size=batch_size,
        )
    raise EmbedderError(f"unknown embedder {kind!r}: choose one of {', '.join(EMBEDDER_KINDS)}")
