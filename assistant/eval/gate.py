"""The quality gate: thresholds from pyproject.toml [tool.digest.eval], checked on a scorecard."""

from __future__ import annotations

import math
import operator
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import DigestError

ROOT = Path(__file__).resolve().parents[2]  # the source checkout, for default files
DEFAULT_GATE: dict[str, Any] = {
    "system": "hybrid",
    "beat_baselines": ["hit_at_5", "mrr"],
    "hit_at_5": ">= 0.95",
    "refusal_accuracy": ">= 0.9",
    "citation_validity": "== 1.0",
}


@dataclass(frozen=True)
class Check:
    name: str
    value: float | None
    rule: str
    passed: bool | None  # None: not measured in this run (e.g. LLM judges offline)


_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": lambda a, b: math.isclose(a, b, abs_tol=1e-9),
}


def parse_rule(rule: str | float) -> tuple[str, float]:
    """'>= 0.95' -> ('>=', 0.95); a bare number means '>='."""
    if isinstance(rule, int | float):
        return ">=", float(rule)
    match = re.fullmatch(r"\s*(>=|<=|==|>|<)?\s*([-+]?\d*\.?\d+)\s*", str(rule))
    if not match:
        raise DigestError(f"bad threshold {rule!r}: write e.g. '>= 0.95' or '== 1.0'")
    return match.group(1) or ">=", float(match.group(2))


def load_gate(pyproject: Path | None = None, name: str | None = None) -> dict[str, Any]:
    """`[tool.digest.eval]` (or its sub-table `[tool.digest.eval.NAME]`, the gate of another
    golden set) from pyproject.toml, here or in the source checkout; else built-in defaults."""
    candidates = [pyproject] if pyproject else [Path("pyproject.toml"), ROOT / "pyproject.toml"]
    for path in candidates:
        if path.is_file():
            with path.open("rb") as fh:
                table = tomllib.load(fh).get("tool", {}).get("digest", {}).get("eval")
            if table is None:
                continue
            if name:
                if not isinstance(table.get(name), dict):
                    raise DigestError(f"no gate [tool.digest.eval.{name}] in {path}")
                table = table[name]
            rules = {k: v for k, v in table.items() if not isinstance(v, dict)}
            return {"source": f"{path}" + (f" [{name}]" if name else ""), **rules}
    if name:
        raise DigestError(f"no gate [tool.digest.eval.{name}]: no pyproject.toml found")
    return {"source": "built-in defaults", **DEFAULT_GATE}


def check_gate(card: dict[str, Any], gate: dict[str, Any]) -> list[Check]:
    """Compare the scorecard with the thresholds and the baselines."""
    system = gate.get("system", "hybrid")
    if system not in card["systems"]:
        return [Check(f"{system} evaluated", None, "run it with --systems", False)]
    overall = card["systems"][system]["overall"]
    checks = []
    for name, rule in gate.items():
        if name in ("system", "beat_baselines", "source"):
            continue
        op, threshold = parse_rule(rule)
        value = overall.get(name)
        if name not in overall:
            raise DigestError(f"unknown metric {name!r} in [tool.digest.eval] ({gate['source']})")
        passed = None if value is None else _OPS[op](value, threshold)
        checks.append(Check(name, value, f"{op} {threshold:g}", passed))
    for metric in gate.get("beat_baselines", []):
        for other, data in card["systems"].items():
            if other != system:
                rival = data["overall"].get(metric)
                value = overall.get(metric)
                # strictly better; a tie at a perfect 1.0 cannot be beaten and passes
                ok = None if value is None or rival is None else value > rival or rival == 1.0
                rule = f"> {other} ({rival:.3f})" if rival is not None else f"> {other}"
                checks.append(Check(f"{metric} vs {other}", value, rule, ok))
    return checks


def gate_passed(checks: Sequence[Check]) -> bool:
    return all(c.passed is not False for c in checks)
