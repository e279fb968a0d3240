"""Golden questions: the JSON Lines format, checked line by line before anything runs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assistant.errors import DigestError
from assistant.types import Filters

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class GoldenError(DigestError):
    """The golden-question file is malformed; the message names file and line."""


@dataclass(frozen=True)
class GoldenQuestion:
    id: str
    kind: str
    question: str
    expected_ids: tuple[str, ...]
    facts: tuple[str, ...]
    refuse: bool
    history: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    line: int = 0

    @property
    def filters(self) -> Filters:
        return Filters(self.since, self.until, self.topic)


def _str_list(row: dict, key: str, problems: list[str]) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"`{key}` must be a list of non-empty strings")
        return ()
    return tuple(value)


def _parse_row(row: Any) -> tuple[GoldenQuestion | None, list[str]]:
    if not isinstance(row, dict):
        return None, ["each line must be a JSON object"]
    problems: list[str] = []
    required = {"id": str, "kind": str, "question": str, "expected_ids": list}
    required |= {"facts": list, "refuse": bool}
    for key, kind in required.items():
        if key not in row:
            problems.append(f"missing key `{key}`")
        elif not isinstance(row[key], kind):
            problems.append(f"`{key}` must be a {'list' if kind is list else kind.__name__}")
    known = set(required) | {"history", "since", "until", "topic"}
    problems += [f"unknown key `{k}`" for k in row if k not in known]
    if problems:
        return None, problems
    if not re.fullmatch(r"[a-z0-9_]+", row["kind"]):
        problems.append(f"`kind` {row['kind']!r} must be lowercase letters, digits or _")
    if not row["question"].strip():
        problems.append("`question` is empty")
    expected = _str_list(row, "expected_ids", problems)
    if bad := [i for i in expected if not re.fullmatch(r"\d{4}\.\d{4,5}", i)]:
        problems.append(f"`expected_ids` must be bare arXiv ids like 2502.18137, got {bad}")
    if row["refuse"] and expected:
        problems.append("a question with `refuse: true` must have `expected_ids: []`")
    if not row["refuse"] and not expected:
        problems.append("`expected_ids` is empty but `refuse` is false")
    for key in ("since", "until"):
        if key in row and not (isinstance(row[key], str) and _DAY.match(row[key])):
            problems.append(f"`{key}` must be a date string YYYY-MM-DD")
    if "topic" in row and not (isinstance(row["topic"], str) and row["topic"].strip()):
        problems.append("`topic` must be a non-empty string")
    question = GoldenQuestion(
        id=row["id"],
        kind=row["kind"],
        question=row["question"].strip(),
        expected_ids=expected,
        facts=_str_list(row, "facts", problems),
        refuse=row["refuse"],
        history=_str_list(row, "history", problems),
        since=row.get("since"),
        until=row.get("until"),
        topic=row.get("topic"),
    )
    return (None if problems else question), problems


def load_golden(path: Path) -> list[GoldenQuestion]:
    """Read and validate a golden JSONL file; every problem is reported as `file:line: ...`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldenError(f"cannot read golden questions {path}: {exc}") from exc
    out: list[GoldenQuestion] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not text.strip():
            errors.append(f"{where}: blank line (one JSON object per line)")
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        question, problems = _parse_row(row)
        errors += [f"{where}: {p}" for p in problems]
        if question is None:
            continue
        if question.id in seen:
            errors.append(
                f"{where}: duplicate id {question.id!r} (first on line {seen[question.id]})"
            )
        seen[question.id] = number
        out.append(replace(question, line=number))
    if not out and not errors:
        errors.append(f"{path}: no questions")
    if errors:
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise GoldenError("invalid golden questions:\n" + "\n".join(errors[:20]) + more)
    return out
