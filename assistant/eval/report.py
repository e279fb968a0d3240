"""Rendering a scorecard (from `evaluation.evaluate`): rich tables, Markdown and a PNG chart.

`write_report(card, folder)` writes `report.md`, `scorecard.png` and `scorecard.json`.
The chart uses matplotlib's Agg backend (no display needed).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.eval.gate import Check, gate_passed
from assistant.eval.metrics import RETRIEVAL_METRICS

LABELS = {
    "hit_at_1": "hit@1",
    "hit_at_5": "hit@5",
    "recall_at_5": "recall@5",
    "recall_at_10": "recall@10",
    "mrr": "MRR",
    "ndcg_at_10": "nDCG@10",
    "latency_p50_ms": "p50 ms",
    "latency_p95_ms": "p95 ms",
    "refusal_accuracy": "refusal accuracy",
    "refusal_recall": "off-topic refused",
    "false_refusal_rate": "false-refusal rate",
    "cited_recall": "expected papers cited",
    "citation_precision": "citation precision",
    "citation_validity": "citation validity",
    "fact_presence": "fact presence",
    "answer_p50_ms": "answer p50 ms",
    "answer_p95_ms": "answer p95 ms",
    "faithfulness": "faithfulness (LLM judge)",
    "relevancy": "relevancy (LLM judge)",
}
ANSWER_ROWS = [k for k in LABELS if k not in RETRIEVAL_METRICS and not k.startswith("latency")]
COLORS = {"hybrid": "#1f77b4", "dense": "#ff7f0e", "bm25": "#2ca02c", "tutorial": "#9467bd"}


def fmt(value: Any, metric: str = "") -> str:
    if value is None:
        return "-"
    if metric.endswith("_ms"):
        return f"{value:.1f}" if value < 10 else f"{value:.0f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _kinds(card: dict) -> list[str]:
    first = next(iter(card["systems"].values()))
    return list(first["by_kind"])


def _retrieval_rows(card: dict) -> tuple[list[str], list[list[str]]]:
    metrics = [*RETRIEVAL_METRICS, "latency_p50_ms", "latency_p95_ms"]
    rows = [
        [name, *(fmt(data["overall"][m], m) for m in metrics)]
        for name, data in card["systems"].items()
    ]
    return ["system", *(LABELS[m] for m in metrics)], rows


def _kind_rows(card: dict) -> tuple[list[str], list[list[str]]]:
    """Per kind: question count, then "hit@5 MRR" for each system (narrow enough for 80 columns)."""
    systems = list(card["systems"])
    header = ["kind", "n", *(f"{s}\nhit@5   MRR" for s in systems)]
    rows = []
    for kind in _kinds(card):
        per = [card["systems"][s]["by_kind"][kind] for s in systems]
        cells = [f"{fmt(p['hit_at_5']):>5} {fmt(p['mrr']):>5}" for p in per]
        rows.append([kind, str(per[0]["questions"]), *cells])
    return header, rows


def _answer_kind_rows(card: dict) -> tuple[list[str], list[list[str]]]:
    metrics = ["refusal_accuracy", "citation_precision", "citation_validity", "fact_presence"]
    hybrid = card["systems"]["hybrid"]["by_kind"]
    rows = [[kind, *(fmt(hybrid[kind][m]) for m in metrics)] for kind in hybrid]
    return ["kind", *(LABELS[m] for m in metrics)], rows


def _check_rows(checks: Sequence[Check]) -> list[list[str]]:
    result = {True: "pass", False: "FAIL", None: "not measured"}
    return [[c.name, fmt(c.value, c.name), c.rule, result[c.passed]] for c in checks]


# ------------------------------------------------------------------------------ terminal


def print_scorecard(card: dict, checks: Sequence[Check], console, misses: int = 15) -> None:
    """The scorecard as rich tables, then the gate and the hybrid system's misses."""
    from rich.table import Table

    meta = card["meta"]

    def table(title: str, header: list[str], rows: list[list[str]]) -> Table:
        t = Table(title=title, title_justify="left")
        for i, h in enumerate(header):
            t.add_column(h, justify="left" if i == 0 else "right", no_wrap=i == 0)
        for row in rows:
            t.add_row(*row)
        return t

    console.print(
        f"[bold]digest eval[/] · {meta['questions']} questions from {meta['golden']} · "
        f"{meta['store']} · {meta['mode']} answers · {meta['seconds']:.1f} s"
    )
    console.print(table("Retrieval (answerable questions, top 10)", *_retrieval_rows(card)))
    if "hybrid" in card["systems"]:
        overall = card["systems"]["hybrid"]["overall"]
        rows = [[LABELS[m], fmt(overall.get(m), m)] for m in ANSWER_ROWS]
        console.print(table("Answers (hybrid)", ["metric", "value"], rows))
    console.print(table("By question kind", *_kind_rows(card)))
    if "hybrid" in card["systems"]:
        console.print(table("Answers by kind (hybrid)", *_answer_kind_rows(card)))
    if checks:
        verdict = "[green]passed[/]" if gate_passed(checks) else "[red]FAILED[/]"
        title = f"Gate ({meta.get('gate_source', '')}): {verdict}"
        console.print(table(title, ["check", "value", "rule", "result"], _check_rows(checks)))
    for note in meta.get("notes", []):
        console.print(f"[dim]note: {note}[/]")
    found = card["misses"].get("hybrid", [])
    if found:
        console.print(f"[bold]Hybrid misses ({len(found)})[/]")
        for miss in found[:misses]:
            got = ", ".join(r["id"] for r in miss["retrieved"][:3]) or "nothing"
            want = ", ".join(e["id"] for e in miss["expected"]) or "a refusal"
            console.print(
                f"  [yellow]{miss['id']}[/] ({miss['kind']}): {'; '.join(miss['reasons'])}\n"
                f"    expected {want}; retrieved {got}",
                highlight=False,
            )
        if len(found) > misses:
            console.print(f"  ... and {len(found) - misses} more (see the report or --json)")


# ------------------------------------------------------------------------------ markdown


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(h.replace("\n", " ") for h in header) + " |"]
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(card: dict, checks: Sequence[Check], chart: str | None = "scorecard.png") -> str:
    meta = card["meta"]
    out = [
        "# Digest Assistant evaluation",
        "",
        f"- golden questions: `{meta['golden']}` ({meta['questions']} questions)",
        f"- store: {meta['store']}",
        f"- answer mode: {meta['mode']}; systems: {', '.join(meta['systems'])}; "
        f"rankings cut at {meta['k']}",
        f"- run time: {meta['seconds']:.1f} s",
        *(f"- note: {n}" for n in meta.get("notes", [])),
        "",
    ]
    if chart:
        out += [f"![scorecard]({chart})", ""]
    out += ["## Retrieval", "", _md_table(*_retrieval_rows(card)), ""]
    if "hybrid" in card["systems"]:
        overall = card["systems"]["hybrid"]["overall"]
        rows = [[LABELS[m], fmt(overall.get(m), m)] for m in ANSWER_ROWS]
        out += ["## Answers (hybrid)", "", _md_table(["metric", "value"], rows), ""]
    out += ["## By question kind", "", _md_table(*_kind_rows(card)), ""]
    if "hybrid" in card["systems"]:
        out += [_md_table(*_answer_kind_rows(card)), ""]
    if checks:
        verdict = "passed" if gate_passed(checks) else "FAILED"
        out += [f"## Gate: {verdict}", "", f"Thresholds from {meta.get('gate_source', '')}.", ""]
        out += [_md_table(["check", "value", "rule", "result"], _check_rows(checks)), ""]
    out += ["## Misses", ""]
    for system, misses in card["misses"].items():
        out += [f"### {system} ({len(misses)})", ""]
        for m in misses:
            out.append(f"- **{m['id']}** ({m['kind']}): {m['question']}")
            if m["query"] != m["question"]:
                out.append(f"  - asked as: {m['query']}")
            out.append(f"  - why: {'; '.join(m['reasons'])}")
            expected = ", ".join(f"{e['id']} {e['title']}" for e in m["expected"]) or "a refusal"
            out.append(f"  - expected: {expected}")
            wanted = {e["id"] for e in m["expected"]}
            got = "; ".join(
                f"**{r['id']}** {r['title']}" if r["id"] in wanted else f"{r['id']} {r['title']}"
                for r in m["retrieved"]
            )
            label = (
                "retrieved" if wanted & {r["id"] for r in m["retrieved"]} else "retrieved instead"
            )
            out.append(f"  - {label} (top 5, expected in bold): {got or 'nothing'}")
            if m["cited"]:
                out.append(f"  - cited: {', '.join(m['cited'])}")
            if m["answer"]:
                out.append(f"  - answer: {' '.join(m['answer'].split())}…")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------- chart


def chart(card: dict, path: Path) -> Path:
    """Four panels: retrieval metrics by system; hit@5 and MRR by kind; hybrid answers by kind."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    systems = list(card["systems"])
    kinds = [
        k for k in _kinds(card) if card["systems"][systems[0]]["by_kind"][k]["hit_at_5"] is not None
    ]
    fig, axes = plt.subplots(2, 2, figsize=(15, 9.5), constrained_layout=True)

    def bars(ax, groups: list[str], series: dict[str, list], title: str, colors=None) -> None:
        width = 0.8 / max(len(series), 1)
        x = np.arange(len(groups))
        for i, (name, values) in enumerate(series.items()):
            heights = [np.nan if v is None else v for v in values]
            ax.bar(
                x + (i - (len(series) - 1) / 2) * width,
                heights,
                width,
                label=name,
                color=(colors or {}).get(name),
            )
            for xi, v in zip(x + (i - (len(series) - 1) / 2) * width, values, strict=True):
                if not v:  # no bar to see: say whether it is 0 or not measured
                    ax.text(xi, 0.01, "n/a" if v is None else "0", ha="center", fontsize=6)
        ax.set_xticks(x, groups, rotation=20, ha="right")
        ax.set_ylim(0, 1.2)
        ax.set_yticks(np.linspace(0, 1, 6))
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=8, loc="upper center", ncol=len(series), frameon=False)

    overall = {s: [card["systems"][s]["overall"][m] for m in RETRIEVAL_METRICS] for s in systems}
    bars(axes[0][0], [LABELS[m] for m in RETRIEVAL_METRICS], overall, "Retrieval by system", COLORS)
    for ax, metric in ((axes[0][1], "hit_at_5"), (axes[1][0], "mrr")):
        series = {s: [card["systems"][s]["by_kind"][k][metric] for k in kinds] for s in systems}
        bars(ax, kinds, series, f"{LABELS[metric]} by question kind", COLORS)
    if "hybrid" in card["systems"]:
        by_kind = card["systems"]["hybrid"]["by_kind"]
        metrics = ["fact_presence", "citation_precision", "refusal_accuracy"]
        series = {LABELS[m]: [by_kind[k][m] for k in by_kind] for m in metrics}
        bars(axes[1][1], list(by_kind), series, "Hybrid answers by question kind")
    else:
        axes[1][1].axis("off")
    meta = card["meta"]
    fig.suptitle(
        f"Digest Assistant evaluation: {meta['questions']} golden questions, {meta['mode']}"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_report(card: dict, checks: Sequence[Check], folder: Path) -> dict[str, Path]:
    """Write report.md, scorecard.png and scorecard.json into `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    png = chart(card, folder / "scorecard.png")
    md = folder / "report.md"
    md.write_text(markdown(card, checks, png.name), encoding="utf-8")
    data = folder / "scorecard.json"
    data.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"markdown": md, "chart": png, "json": data}
