"""Ranking metrics over arXiv-id lists, and small statistics.

Metric definitions (binary relevance: a paper is relevant when it is in `expected_ids`):
hit@k 1 if any of the top k is relevant; recall@10 share of expected papers in the top 10;
MRR 1/rank of the first relevant paper in the top 10 (0 if none); nDCG@10 DCG of the top 10
(gain 1/log2(rank+1)) over the ideal DCG of min(|expected|, 10) relevant papers. hit@k, MRR
and recall equal llama-index's HitRate, MRR and Recall on the top-10 list (tested); nDCG
equals llama-index's NDCG when at most 10 papers are expected (it does not cap the ideal).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

K = 10  # depth of every ranking
RETRIEVAL_METRICS = ("hit_at_1", "hit_at_5", "recall_at_5", "recall_at_10", "mrr", "ndcg_at_10")
ANSWER_METRICS = (
    "refusal_accuracy",
    "false_refusal_rate",
    "cited_recall",
    "citation_precision",
    "citation_validity",
    "fact_presence",
    "faithfulness",
    "relevancy",
)


def hit_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """1.0 when any of the first k ranked ids is expected."""
    return float(any(pid in expected for pid in ranked[:k]))


def recall_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Share of the expected ids found among the first k."""
    return len(set(ranked[:k]) & set(expected)) / len(set(expected)) if expected else 0.0


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str], k: int = K) -> float:
    """1/rank of the first expected id within the first k (0.0 when there is none)."""
    return next((1.0 / (i + 1) for i, pid in enumerate(ranked[:k]) if pid in expected), 0.0)


def ndcg_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Binary-relevance nDCG@k; the ideal ranking has min(|expected|, k) relevant ids."""
    wanted = set(expected)
    dcg = sum(1.0 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in wanted)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(wanted), k)))
    return dcg / ideal if ideal else 0.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
