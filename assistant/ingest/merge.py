"""Merging: mentions from any number of digests, grouped into one `Paper` per arXiv id."""

from __future__ import annotations

from assistant.types import Mention, Paper


def merge(mentions, stored: dict[str, Paper] | None = None, replacing=()) -> dict[str, Paper]:
    """Group mentions into Papers by arXiv id.

    `stored` papers keep their mentions except those from files in `replacing` (files
    that were parsed again in this run, whose fresh mentions supersede the stored ones).
    """
    replacing = set(replacing)
    grouped: dict[str, dict[tuple, Mention]] = {}
    for pid, paper in (stored or {}).items():
        kept = grouped.setdefault(pid, {})
        for m in paper.mentions:
            if m.source not in replacing:
                kept[m.key()] = m
    for m in mentions:
        grouped.setdefault(m.arxiv_id, {})[m.key()] = m
    return {pid: Paper(pid, list(ms.values())) for pid, ms in grouped.items() if ms}
