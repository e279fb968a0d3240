"""The topics of a set of papers when the digests tag none: the words and two-word phrases of
their titles that they have more often than the archive does ("what were the most common
topics last month?", "지난달 가장 많이 나온 주제가 뭐야?").

A title's terms are its words (plural folded to singular) and each two adjacent words,
without stop words or the words nearly every title has ("model", "language", "LLM"). A
term is a topic of the set when at least MIN_PAPERS of its papers have it and they have it
no less often than the whole archive does; a word whose two-word phrase covers most of its
papers ("video" of "video generation") gives way to the phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from assistant.index.lexical import STOP

MIN_PAPERS = 2  # a topic is a term of at least this many of the set's papers
TOPICS = 10  # how many topics a breakdown gives
PHRASE_COVERS = 0.7  # a word gives way to its phrase when the phrase has this share of it
# words of so many titles that they name no topic
GENERIC = frozenset(
    [
        "model",
        "models",
        "language",
        "large",
        "llm",
        "llms",
        "learning",
        "via",
        "towards",
        "toward",
        "using",
        "based",
        "efficient",
        "data",
        "through",
        "approach",
        "approaches",
        "framework",
        "method",
        "methods",
        "new",
        "study",
        "analysis",
        "improving",
        "improved",
        "improve",
        "enhancing",
        "enhance",
        "better",
        "beyond",
        "scaling",
        "scalable",
        "unified",
        "general",
        "generalist",
        "simple",
        "fast",
        "boosting",
        "rethinking",
        "understanding",
        "open",
        "task",
        "tasks",
        "benchmarking",
        "evaluating",
        "evaluation",
        "training",
        "trained",
        "real-time",
        "high-quality",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*[A-Za-z0-9+]|[A-Za-z]")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def title_terms(title: str) -> set[str]:
    """A title's topic terms: its words and its two-word phrases, lower-cased."""
    head, _, rest = title.partition(":")
    text = rest if rest.strip() and len(head.split()) <= 3 else title  # not the name
    found = [_singular(w.lower()) for w in _WORD.findall(text)]
    kept = [w if w not in STOP and len(w) > 2 else None for w in found]
    terms = {w for w in kept if w and w not in GENERIC}
    terms |= {f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False) if a and b}
    return {t for t in terms if not all(w in GENERIC for w in t.split())}


def frequent_topics(
    titles: Sequence[tuple[str, str]], background: Counter, archive_size: int
) -> dict[str, list[str]]:
    """The set's topics, most papers first: term -> the ids of its papers. `titles`: (id,
    title) of the set; `background`: how many of the archive's `archive_size` titles have
    each term."""
    ids: dict[str, list[str]] = {}
    for pid, title in titles:
        for term in title_terms(title):
            ids.setdefault(term, []).append(pid)
    size = max(len(titles), 1)
    kept = {
        t: p
        for t, p in ids.items()
        if len(p) >= MIN_PAPERS and len(p) / size >= background.get(t, 0) / max(archive_size, 1)
    }
    for term in [t for t in kept if " " in t]:
        for word in term.split():
            if word in kept and len(kept[term]) >= PHRASE_COVERS * len(kept[word]):
                kept[word] = []  # "video" of "video generation": the phrase says it
    ranked = sorted(((t, p) for t, p in kept.items() if p), key=lambda tp: (-len(tp[1]), tp[0]))
    return dict(ranked[:TOPICS])


def background(titles: Iterable[str]) -> Counter:
    """How many titles have each term."""
    counts: Counter = Counter()
    for title in titles:
        counts.update(title_terms(title))
    return counts
