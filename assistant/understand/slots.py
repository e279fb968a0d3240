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
    title"), a Korean one wherever it is written ("언제", "제목에"), but where a row's
    "unless" follows it (저자 of "저자원 언어": low-resource, no author)."""
    rows = sorted(slot_rows(slot), key=lambda r: len(r["text"]), reverse=True)

    def one(row: dict) -> str:
        w = row["text"]
        unless = "|".join(map(re.escape, row.get("unless", ())))
        if w.isascii():  # (a word's edge: "right?" ends in no word)
            before, after = ("\\b" if w[0].isalnum() else ""), ("\\b" if w[-1].isalnum() else "")
            # (a word after it, "code" of "the code LLM": no code asked)
            return before + re.escape(w) + after + (f"(?!\\s+(?:{unless})\\b)" if unless else "")
        return re.escape(w) + (f"(?!{unless})" if unless else "")

    return re.compile("|".join(map(one, rows)), re.I)
