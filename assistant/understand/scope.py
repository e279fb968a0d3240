"""Questions the digests do not answer, however many of their words some paper writes.

`scope.jsonl` (package data) holds example questions of three kinds no research digest
answers: programming and tooling help ("code": "how do I merge two dataframes in pandas?",
"ModuleNotFoundError: No module named 'torch'"), textbook concepts ("textbook": "what's the
difference between precision and recall?"), and everyday knowledge or advice ("general").
The retriever embeds them with the embedder it already loads and compares a question's
nearness to the nearest of them with its nearness to the nearest paper
(`HybridRetriever.out_of_scope`): "How do I reverse a linked list in Python?" is much nearer
"what's the difference between a list and a tuple in python?" than any paper, though
CAD-Recode writes "Python" and a paper on the reversal curse "reverse". How much nearer is
calibrated per embedder (`Calibration.scope_margin`).

The examples are English: the project's embedder reads English, and a Korean question is
compared by its English words (its Latin ones and the glossary's renderings).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from assistant.index.derived import derived_path

log = logging.getLogger(__name__)


@cache
def examples() -> tuple[tuple[str, str], ...]:
    """(kind, question) pairs of `scope.jsonl`."""
    text = resources.files("assistant.understand").joinpath("scope.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple((r["scope"], r["text"]) for r in rows)


def vectors(
    embed: Callable[[Sequence[str]], list[list[float]]], identity: str, folder: Path
) -> np.ndarray:
    """The examples' unit vectors by the embedder `identity`, one row per example.

    Embedding them takes about 0.5 s on 2 cores, so the first answer of every process
    would wait for it: they are kept in `folder` (beside the store's derived index) under
    a key of the embedder and the examples, and embedded again only when either changes.
    A folder that cannot be written costs only the time.
    """
    texts = [text for _, text in examples()]
    key = hashlib.sha256("\n".join([identity, *texts]).encode("utf-8")).hexdigest()[:16]
    path = folder / f"scope-{key}.npy"
    try:
        matrix = np.load(path)
        if matrix.shape[0] == len(texts):
            return matrix
    except (OSError, ValueError):
        pass
    matrix = np.asarray(embed(texts), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-12)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("scope-*.npy"):  # other examples or another embedder's
            old.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as out:
            np.save(out, matrix)
        os.replace(partial, path)
    except OSError as exc:
        log.debug("scope vectors not kept in %s: %s", folder, exc)
    return matrix


def stored_vectors(settings, embedder) -> np.ndarray:
    """`vectors` by the store's embedder (`LazyEmbedder`), kept beside its derived index."""
    folder = derived_path(settings).parent
    return vectors(embedder.get_query_embeddings, embedder.embedder_id, folder)
