"""Benchmarks: ingestion speed, query latency (real corpus and synthetic scale), cold start.

    uv run python -m bench [--corpus ../shared/corpus] [--quick] [--synthetic 100000]
    uv run digest bench ...            (the same)

Each heavy stage runs in its own subprocess (`python -m bench.stages`), so its peak RSS
and its whole-process wall time are measured cleanly; stores live in a temporary folder.
"""
