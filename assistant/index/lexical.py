"""The lexical side of retrieval: BM25 (bm25s) over a tokenizer made for this corpus.

English stemming is useless for Korean and harmful for identifiers, so the tokenizer:
- keeps identifiers whole *and* split: "SWE-bench" -> swe-bench, swe, bench;
  "Qwen2.5-VL" -> qwen2.5-vl, qwen2.5, vl; arXiv ids like 2502.18137 stay one token;
- stems plain English words with Snowball ("recommender", "recommendation" -> recommend)
  and drops common stop words;
- turns runs of Hangul into character bigrams ("성능은" -> 성능, 능은), so Korean words
  match whatever particle is glued to them.

Besides BM25 scores it gives a calibrated *coverage*: the IDF-weighted share of the
question's terms that a paper contains, in [0, 1]. Unlike raw BM25 scores it is
comparable across questions, which is what the relevance gate needs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from assistant.text import HANGUL

_TOKEN = re.compile(
    r"\d{4}\.\d{4,5}"  # arXiv id
    r"|[a-z0-9]+(?:[._\-/][a-z0-9]+)*"  # words and identifiers
    r"|[\uac00-\ud7a3]+"  # Hangul syllables
)
_SPLIT = re.compile(r"[._\-/]")
_KO_PARTICLE = re.compile(
    r"(에서|으로|에게|까지|부터|보다|처럼|은|는|이|가|을|를|의|에|로|와|과|도|만)$"
)

STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "at",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "what",
        "who",
        "whom",
        "whose",
        "how",
        "when",
        "where",
        "why",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "not",
        "no",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "he",
        "she",
        "his",
        "her",
        "so",
        "if",
        "into",
        "about",
        "over",
        "such",
        "via",
        "also",
        "any",
        "all",
        "each",
        "paper",
        "papers",
        "digest",
        "digests",
        "work",
        "works",
        "study",
        "propose",
        "proposes",
        "proposed",
        "introduce",
        "introduces",
        "new",
        "show",
        "shows",
        "using",
        "use",
        "used",
        "based",
        "model",
        "models",
        "method",
        "approach",
        "tell",
        "me",
        "please",
        "give",
        "list",
        "find",
        "some",
        "more",
        "most",
        "much",
        "many",
        "one",
        "two",
    ]
)
# Korean particles and filler words that carry no topic (matched as whole tokens)
KO_STOP = frozenset(
    [
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "와",
        "과",
        "도",
        "로",
        "으로",
        "논문",
        "무엇",
        "어떤",
        "어떻게",
        "있나요",
        "있어",
    ]
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    """Snowball stem for plain words; identifiers with digits stay as written."""
    if not word.isalpha():
        return word
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[str]:
    """Tokens for BM25 (see the module docstring)."""
    out: list[str] = []
    for tok in _TOKEN.findall(text.lower()):
        out.extend(_expand(tok))
    return out


@lru_cache(maxsize=500_000)
def _expand(tok: str) -> tuple[str, ...]:
    """The BM25 tokens for one matched token (memoised: words repeat across papers)."""
    if HANGUL.match(tok):
        tok = _KO_PARTICLE.sub("", tok) if len(tok) > 2 else tok
        if tok in KO_STOP:
            return ()
        return tuple(tok[i : i + 2] for i in range(len(tok) - 1)) if len(tok) > 1 else (tok,)
    if tok in STOP:
        return ()
    out = [_fold(tok)]
    parts = [p for p in _SPLIT.split(tok) if p]
    if len(parts) > 1:
        out.extend(_fold(p) for p in parts if p not in STOP and len(p) > 1)
    return tuple(out)


class LexicalIndex:
    """BM25 over papers, with IDF-weighted term coverage for calibration."""

    def __init__(self, ids: list[str], texts: Iterable[str]):
        import bm25s

        self.ids = ids
        docs = [tokenize(t) for t in texts]
        self._doc_sets = [set(d) for d in docs]
        self._bm25 = bm25s.BM25()
        if ids:
            self._bm25.index(docs, show_progress=False)
        df: dict[str, int] = {}
        for terms in self._doc_sets:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        n = max(len(ids), 1)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._max_idf = math.log(1 + (n + 0.5) / 0.5)  # a term no paper contains

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if not tokens or not self.ids:
            return np.zeros(len(self.ids))
        return self._bm25.get_scores(tokens)

    def _query_terms(self, query: str) -> set[str]:
        # an unknown compound ("recommender-systems") is represented by its parts
        return {t for t in tokenize(query) if t in self._idf or not _SPLIT.search(t)}

    def coverage(self, query: str, positions: Iterable[int]) -> dict[int, float]:
        """IDF-weighted share of the query's distinct terms found in each given paper."""
        terms = self._query_terms(query)
        if not terms:
            return {i: 0.0 for i in positions}
        weights = {t: self._idf.get(t, self._max_idf) for t in terms}
        total = sum(weights.values())
        return {
            i: sum(w for t, w in weights.items() if t in self._doc_sets[i]) / total
            for i in positions
        }
