"""OpenAI (or a compatible server's) embeddings: llama-index's model plus the store identity."""

from __future__ import annotations

from functools import cache

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.bridge.pydantic import Field

from assistant.index.embedders.files import openai_identity


@cache
def _openai_embedding_class() -> type[BaseEmbedding]:
    """llama-index's OpenAIEmbedding plus ``embedder_id`` and ``dim`` (imported lazily)."""
    from llama_index.embeddings.openai import OpenAIEmbedding

    class IdentifiedOpenAIEmbedding(OpenAIEmbedding):
        """OpenAIEmbedding that knows its vector-space identity and size."""

        embedder_id: str = Field(description="Stable identity of the vector space.")
        dim: int = Field(gt=0, description="Vector size.")

        @classmethod
        def class_name(cls) -> str:
            return "IdentifiedOpenAIEmbedding"

    return IdentifiedOpenAIEmbedding


def openai_embedder(
    model: str,
    *,
    api_key: str | None,
    base_url: str | None,
    dimensions: int | None,
    batch_size: int,
) -> BaseEmbedding:
    import os

    embedder_id, dim = openai_identity(model, dimensions)
    cls = _openai_embedding_class()
    # llama-index ignores OPENAI_BASE_URL (it reads OPENAI_API_BASE); honour it like openai does.
    base_url = base_url or os.environ.get("OPENAI_BASE_URL") or None
    return cls(
        model_name=model,  # model_name (not model=) also accepts names of compatible servers
        dimensions=dimensions,
        api_key=api_key,
        api_base=base_url,
        embed_batch_size=max(batch_size, 100),
        embedder_id=embedder_id,
        dim=dim,
    )
