"""Trends: how many papers about a topic appeared each month, and which ones.

The numbers are `ArchiveTools.count_papers(query=..., by="month")`: every paper scored
exactly (`HybridRetriever.gate_all`) and kept when it passes the undated relevance gate of
`search`, counted once in each month it appeared in a digest (within the date range). The
papers behind each bar are the ones that count counted (its `data["ids"]`), so every bar
can be traced to its arXiv ids. Months with no paper are shown as zero between the first
and last month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.types import Paper

if TYPE_CHECKING:
    from assistant.tools import ArchiveTools


@dataclass
class Trend:
    query: str
    since: str | None
    until: str | None
    counts: dict[str, int]  # "YYYY-MM" -> papers, every month of the span (zeros included)
    papers: dict[str, list[Paper]] = field(default_factory=dict)  # month -> its papers
    total: int = 0  # distinct papers
    covered: set[str] = field(default_factory=set)  # months with at least one digest stored

    @property
    def months(self) -> list[str]:
        return list(self.counts)

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "since": self.since,
            "until": self.until,
            "total": self.total,
            "months": [
                {
                    "month": month,
                    "papers": count,
                    "ids": [p.arxiv_id for p in self.papers.get(month, [])],
                    "digests": month in self.covered,
                }
                for month, count in self.counts.items()
            ],
        }

    def table(self) -> str:
        """Plain text: one line per month with a bar of '#'."""
        if not self.total:
            return f"No paper about {self.query!r} in the digests."
        most = max(self.counts.values()) or 1
        width = 40
        lines = [f"{self.total} papers about {self.query!r}, per month:"]
        for month, n in self.counts.items():
            bar = "#" * round(width * n / most) if month in self.covered else "(no digest stored)"
            lines.append(f"{month}  {n:4d}  {bar}".rstrip())
        return "\n".join(lines)


def month_span(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last, inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def trend(
    tools: ArchiveTools, query: str, since: str | None = None, until: str | None = None
) -> Trend:
    # An explicit range, the whole archive by default: filtered search scores every allowed
    # paper exactly, where unfiltered search sees only its top candidates.
    dates = tools.catalog.dates()
    since, until = since or (dates[0] if dates else None), until or (dates[-1] if dates else None)
    counted = tools.count_papers(since=since, until=until, query=query, by="month")
    by_month: dict[str, int] = counted.data["by"]
    # the papers behind each bar are the ones the count counted (one gate, exact scoring)
    lo, hi = counted.arguments.get("since"), counted.arguments.get("until")
    ids: dict[str, list[str]] = counted.data.get("ids", {})
    papers: dict[str, list[Paper]] = {
        month: tools.catalog.papers.many(month_ids) for month, month_ids in ids.items()
    }
    months = sorted(set(by_month) | set(papers))
    if months or (lo and hi):
        months = month_span(lo[:7] if lo else months[0], hi[:7] if hi else months[-1])
    counts = {m: by_month.get(m, 0) for m in months}
    return Trend(
        query=query,
        since=lo,
        until=hi,
        counts=counts,
        papers=papers,
        total=counted.data["total"],
        covered={d[:7] for d in tools.catalog.dates()},
    )


def plot(tr: Trend, path: Path | None = None) -> bytes:
    """A PNG bar chart of papers per month (written to `path` if given); returns the bytes."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    installed = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in ("DejaVu Sans", "Noto Sans CJK KR", "NanumGothic") if f in installed]

    months = tr.months
    values = [tr.counts[m] for m in months]
    fig = Figure(figsize=(max(6.0, 0.45 * len(months) + 2), 3.8), dpi=110)
    ax = fig.add_subplot()
    bars = ax.bar(range(len(months)), values, color="#3b6ea5")
    shown = [str(v) if m in tr.covered else "" for m, v in zip(months, values, strict=True)]
    ax.bar_label(bars, labels=shown, fontsize=8, padding=2)
    ax.set_xticks(range(len(months)), months, rotation=60, ha="right", fontsize=8)
    for label, month in zip(ax.get_xticklabels(), months, strict=True):
        if month not in tr.covered:  # no digest that month: grey, its zero means "unknown"
            label.set_color("#999999")
    ax.set_ylabel("papers")
    ax.set_title(
        f"Papers about “{tr.query}” per month ({tr.total} in all)",
        fontsize=10,
        fontfamily=fonts or None,  # Hangul in a Korean query, when a CJK font is installed
    )
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(0, max(values, default=0) * 1.15 + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data
