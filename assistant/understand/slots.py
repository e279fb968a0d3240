"""`slots.jsonl`: the words questions fill slots with (date words, week ordinals, code
cues, fillers), read once and shared by every reader."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def _all() -> tuple[dict, ...]:
    data = resources.files("assistant.understand").joinpath("slots.jsonl").read_text("utf-8")
    return tuple(json.loads(line) for line in data.splitlines() if line.strip())


def slot_rows(slot: str) -> list[dict]:
    """The rows of one slot ("date_word", "week_ordinal", "has_code", "filler", ...)."""
    return [r for r in _all() if r["slot"] == slot]


@cache
def cue_pattern(slot: str) -> re.Pattern:
    """Any of a slot's words, longest first: a Latin one as a whole word ("when", "in the
    title"), a Korean one wherever it is written ("언제", "제목에")."""
    words = sorted((r["text"] for r in slot_rows(slot)), key=len, reverse=True)
    return re.compile(
        "|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in words), re.I
    )
