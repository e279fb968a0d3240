"""Benchmark stages that run in their own process: `python -m bench.stages NAME JSON`.

Each prints one JSON object (its figures) as the last line of stdout; the runner adds
the process's wall time and peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency(values_s: list[float]) -> dict:
    ms = [v * 1000 for v in values_s]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "max_ms": round(max(ms), 2),
        "mean_ms": round(sum(ms) / len(ms), 2),
    }


def rss_mb() -> float:
    """Peak RSS of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _settings(store: str):
    from assistant.config import Settings

    return Settings(store_dir=Path(store), answer_mode="extractive")


def time_questions(assistant, questions: list[str], *, answers: bool = True) -> dict:
    """Retrieval latency (and extractive answer latency) over `questions`, warm."""
    retrieval, answer, refused = [], [], 0
    for question in questions:
        started = time.perf_counter()
        assistant.retrieve(question)
        retrieval.append(time.perf_counter() - started)
    if answers:
        for question in questions:
            started = time.perf_counter()
            refused += assistant.ask(question, mode="extractive").refused
            answer.append(time.perf_counter() - started)
    out = {"questions": len(questions), "retrieval": latency(retrieval)}
    if answers:
        out["answer"] = latency(answer)
        out["refused"] = refused
    return out


def queries(store: str, n_questions: int = 240) -> dict:
    """Warm-up (in-process cold start), then retrieval and answer latency on a real store."""
    from assistant.app.api import Assistant

    from .questions import make_questions

    assistant = Assistant(_settings(store))
    started = time.perf_counter()
    first = assistant.ask("What does SpargeAttn do?", mode="extractive")
    warmup = time.perf_counter() - started
    questions = make_questions(list(assistant.catalog.papers.values()), n_questions)
    result = time_questions(assistant, questions)
    result.update(papers=len(assistant.catalog), warmup_s=round(warmup, 2), rss_mb=rss_mb())
    result["warmup_refused"] = first.refused
    return result


def synthetic(source_store: str, store: str, n: int, n_questions: int = 240) -> dict:
    """Fill a temporary store up to `n` papers from a real one, then time retrieval on it."""
    from assistant.app.api import Assistant
    from assistant.index.catalog import Catalog
    from assistant.retrieve.hybrid import HybridRetriever

    from .questions import make_questions
    from .synthetic import build_store

    figures = build_store(Path(source_store), Path(store), n)
    assistant = Assistant(_settings(store))
    started = time.perf_counter()
    _ = assistant._parts  # opens the derived indexes (reads the catalog's ids)
    figures["catalog_load_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    retriever = assistant.retriever
    figures["retriever_build_s"] = round(time.perf_counter() - started, 2)
    assert isinstance(retriever, HybridRetriever) and isinstance(assistant.catalog, Catalog)
    assistant.retrieve("warm up the embedder and the dense index")
    real = Catalog.load(_settings(source_store))
    questions = make_questions(list(real.papers.values()), n_questions)
    figures.update(time_questions(assistant, questions, answers=False))
    figures.update(papers=len(assistant.catalog), rss_mb=rss_mb())
    return figures


STAGES = {"queries": queries, "synthetic": synthetic}


def main() -> int:
    name, args = sys.argv[1], json.loads(sys.argv[2])
    result = STAGES[name](**args)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
