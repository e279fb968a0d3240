"""Retrieval systems scored side by side: the assistant's hybrid retrieval and three baselines
(dense only, BM25 only, the llama-index starter tutorial)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import DigestError
from assistant.types import Filters

if TYPE_CHECKING:
    from assistant.app.api import Assistant

LINKED_ID = re.compile(r"(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/(\d{4}\.\d{4,5})")


class Ranker(Protocol):
    """A retrieval system under test: a question in, arXiv ids out, best first."""

    name: str

    def rank(self, query: str, filters: Filters, k: int) -> list[str]: ...


@dataclass
class HybridRanker:
    assistant: Assistant
    name: str = "hybrid"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        return [h.arxiv_id for h in self.assistant.retrieve(query, filters, k).hits]


@dataclass
class DenseRanker:
    assistant: Assistant
    name: str = "dense"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        retriever = self.assistant.retriever
        scores = retriever.dense(query, k, retriever.allowed(retriever.resolve_topic(filters)))
        return sorted((p for p in scores if p in retriever.catalog), key=scores.get, reverse=True)


@dataclass
class BM25Ranker:
    assistant: Assistant
    name: str = "bm25"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        retriever = self.assistant.retriever
        allowed = retriever.allowed(retriever.resolve_topic(filters))
        # ask for every paper, so that filtering leaves k when there are k
        scores = retriever.lexical_scores(query, allowed, len(retriever.ids))
        return sorted(scores, key=scores.get, reverse=True)[:k]


def _tutorial_splitter() -> Any:
    """`SentenceSplitter()` with its default sentence splitting, minus one side effect.

    The default splitter loads NLTK's English stopword list (which it does not use for
    splitting) next to the Punkt tokenizer; NLTK 3.10 refuses to open that file when the
    package manager installed it as a hard link (uv's default). Passing the same untrained
    `PunktSentenceTokenizer` explicitly gives identical chunks without reading the file.
    """
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.node_parser.text.utils import split_by_sentence_tokenizer_internal
    from nltk.tokenize import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    return SentenceSplitter(
        chunking_tokenizer_fn=lambda text: split_by_sentence_tokenizer_internal(text, punkt)
    )


class TutorialRanker:
    """The llama-index starter pipeline over the raw digest files (chunks -> linked ids)."""

    name = "tutorial"

    def __init__(self, files: list[Path], embed_model: Any):
        from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

        if not files:
            raise DigestError("no digest files for the tutorial baseline")
        documents = SimpleDirectoryReader(input_files=[str(f) for f in files]).load_data()
        self.index = VectorStoreIndex.from_documents(
            documents, embed_model=embed_model, transformations=[_tutorial_splitter()]
        )
        self.chunks = len(self.index.docstore.docs)

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        out: list[str] = []
        for hit in self.index.as_retriever(similarity_top_k=k).retrieve(query):
            for pid in LINKED_ID.findall(hit.node.get_content()):
                if pid not in out:
                    out.append(pid)
        return out
