"""What a question asks for: its intent, matched to example phrasings, English and Korean.

`intents.jsonl` (package data) holds example phrasings per intent. A question is matched
to its nearest examples by character n-gram TF-IDF cosine (works for Hangul and Latin
alike, offline, with no model), with the names, ids and dates it contains masked first so
that "Who wrote SpargeAttn?" reads as "who wrote <paper>?". The k nearest examples vote,
weighted by similarity; below `MIN_SIMILARITY` the question is a topic search.

Intents: search (topic), list, count, top_voted, authors, code, similar, compare, recent,
summary, trend (papers per month about a topic).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

INTENTS = (
    "search",
    "list",
    "count",
    "top_voted",
    "authors",
    "code",
    "similar",
    "compare",
    "recent",
    "summary",
    "trend",
)
NGRAMS = (2, 3, 4)
K = 5  # nearest examples that vote
MIN_SIMILARITY = 0.12  # below: no example is near, a topic search
SEARCH_MARGIN = 0.05  # a topic phrasing this much nearer than the vote's best wins
MIN_SHARE = 0.4  # a split vote (no intent has this share of the k nearest): a topic search
# intents whose questions always name a topic: a topic phrasing being nearest is expected,
# so the vote decides ("speculative decoding papers per month" is near "papers on
# speculative decoding", and still a trend)
TOPICAL = ("trend",)
TREND_MIN = 0.3  # a trend phrasing at least this near (below: another intent, or a search)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Intent:
    name: str
    confidence: float  # share of the k nearest examples' similarity behind `name`
    similarity: float  # cosine with the nearest example of that intent


def _grams(text: str) -> Counter:
    text = f" {_SPACE.sub(' ', text.lower()).strip()} "
    out: Counter = Counter()
    for n in NGRAMS:
        out.update(text[i : i + n] for i in range(len(text) - n + 1))
    return out


class IntentMatcher:
    """Nearest example phrasings by char n-gram TF-IDF cosine."""

    def __init__(self, examples: list[tuple[str, str]]):
        self.labels = [intent for intent, _ in examples]
        grams = [_grams(text) for _, text in examples]
        df = Counter(g for c in grams for g in c)
        n = len(examples)
        self.idf = {g: math.log((1 + n) / (1 + d)) + 1.0 for g, d in df.items()}
        self.vectors = [self._vector(c) for c in grams]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, vec in enumerate(self.vectors):
            for g, w in vec.items():
                self.postings[g].append((i, w))

    def _vector(self, grams: Counter) -> dict[str, float]:
        vec = {g: (1 + math.log(c)) * self.idf[g] for g, c in grams.items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {g: w / norm for g, w in vec.items()}

    def nearest(self, text: str) -> list[tuple[float, str]]:
        scores: dict[int, float] = defaultdict(float)
        for g, w in self._vector(_grams(text)).items():
            for i, v in self.postings.get(g, ()):
                scores[i] += w * v
        best = sorted(scores.items(), key=lambda kv: -kv[1])[:K]
        return [(s, self.labels[i]) for i, s in best]

    def classify(self, text: str) -> Intent:
        near = self.nearest(text)
        if not near or near[0][0] < MIN_SIMILARITY:
            return Intent("search", 0.0, near[0][0] if near else 0.0)
        votes: dict[str, float] = defaultdict(float)
        for score, label in near:
            votes[label] += score
        name = max(votes, key=votes.get)
        best = max(s for s, label in near if label == name)
        if name not in TOPICAL and near[0][1] == "search" and near[0][0] - best > SEARCH_MARGIN:
            name = "search"  # a topic phrasing is clearly nearer: a topic question
        elif name not in TOPICAL and votes[name] / sum(votes.values()) < MIN_SHARE:
            name = "search"  # no intent has most of the nearest examples: a topic question
        top = max((s for s, label in near if label == name), default=near[0][0])
        return Intent(name, votes.get(name, 0.0) / sum(votes.values()), top)


def _examples() -> list[tuple[str, str]]:
    text = resources.files("assistant.understand").joinpath("intents.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(r["intent"], r["text"]) for r in rows]


@lru_cache(maxsize=1)
def matcher() -> IntentMatcher:
    """Every intent's examples."""
    return IntentMatcher(_examples())


@lru_cache(maxsize=1)
def base_matcher() -> IntentMatcher:
    """Every intent's examples but the topical ones (trend): how questions were read before
    trends, kept apart so that adding trend phrasings moves no other intent's reading."""
    return IntentMatcher([(i, t) for i, t in _examples() if i not in TOPICAL])


def classify(question: str) -> Intent:
    """The intent of `question` (names, ids and dates already masked by the caller).

    A trend needs the vote of all examples *and* a trend phrasing at least `TREND_MIN`
    near; any other question is read by the other intents' examples alone.
    """
    full = matcher().classify(question)
    if full.name in TOPICAL and full.similarity >= TREND_MIN:
        return full
    return base_matcher().classify(question)
