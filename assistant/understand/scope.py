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

import json
from functools import cache
from importlib import resources

KINDS = ("code", "textbook", "general")


@cache
def examples() -> tuple[tuple[str, str], ...]:
    """(kind, question) pairs of `scope.jsonl`."""
    text = resources.files("assistant.understand").joinpath("scope.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple((r["scope"], r["text"]) for r in rows)
