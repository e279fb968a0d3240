"""Benchmark questions, generated deterministically from the papers in a store.

A mix like real use: paper names, topic phrases lifted from summaries, "how much"
questions, Korean questions, date-filtered lists, and off-topic questions (refusals).
Only latency is measured with them, so they need to be realistic, not graded.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from assistant.index.lexical import STOP

OFF_TOPIC = [
    "What is a good recipe for sourdough bread?",
    "Who won the football world cup in 1998?",
    "How do I change a flat tyre on a bicycle?",
    "What is the capital of Australia?",
    "Recommend a novel about sailing ships.",
    "How tall is the Eiffel tower?",
    "What are the opening hours of the city library?",
    "Explain the rules of cricket.",
]
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{3,}")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
MONTHS = "January February March April May June July August September October November December"


def _phrase(text: str, rng: random.Random, n: int) -> str | None:
    words = [w for w in _WORD.findall(text) if w.lower() not in STOP]
    if len(words) < n:
        return None
    start = rng.randrange(0, len(words) - n + 1)
    return " ".join(words[start : start + n])


def make_questions(papers: Sequence, n: int = 240, seed: int = 0) -> list[str]:
    """`n` questions about `papers` (assistant.papers.Paper objects)."""
    rng = random.Random(seed)
    papers = sorted(papers, key=lambda p: p.arxiv_id)
    korean = [p for p in papers if "ko" in p.summaries()]
    out: list[str] = []
    kinds = ["name", "topic", "quantity", "topic", "korean", "dated", "topic", "off", "id"]
    while len(out) < n:
        kind = kinds[len(out) % len(kinds)]
        paper = rng.choice(papers)
        title = paper.title
        head = title.split(":", 1)[0].strip() if ":" in title else ""
        summary = paper.summary("en") or paper.summary()
        question = None
        if kind == "name" and head and len(head) <= 40:
            question = f"What does {head} do?"
        elif kind == "topic" and (phrase := _phrase(summary, rng, rng.randint(3, 6))):
            question = rng.choice(
                ["Which papers are about {}?", "Papers on {}", "How does a method for {} work?"]
            ).format(phrase.lower())
        elif kind == "quantity" and (phrase := _phrase(summary, rng, 4)):
            question = f"How much does the approach improve {phrase.lower()}?"
        elif kind == "korean" and korean:
            words = _HANGUL_WORD.findall(rng.choice(korean).summary("ko"))
            if len(words) >= 4:
                start = rng.randrange(0, len(words) - 3)
                question = " ".join(words[start : start + 3]) + "에 관한 논문은?"
        elif kind == "dated" and (phrase := _phrase(summary, rng, 3)):
            year, month = paper.dates[0][:4], int(paper.dates[0][5:7])
            question = (
                f"Which papers on {phrase.lower()} appeared in {MONTHS.split()[month - 1]} {year}?"
            )
        elif kind == "off":
            question = OFF_TOPIC[(len(out) // len(kinds)) % len(OFF_TOPIC)]
        elif kind == "id":
            question = f"What is {paper.arxiv_id} about?"
        if question:
            out.append(question)
    return out
