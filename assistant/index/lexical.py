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

import calendar
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import lru_cache

import numpy as np

from assistant.index import korean
from assistant.text import HANGUL

_TOKEN = re.compile(
    r"\d{4}\.\d{4,5}"  # arXiv id
    r"|[a-z0-9]+(?:[._\-/][a-z0-9]+)*"  # words and identifiers
    r"|[\uac00-\ud7a3]+"  # Hangul syllables
)
K1, B = 1.5, 0.75  # bm25s's defaults (Lucene variant), which this index reproduces
_SPLIT = re.compile(r"[._\-/]")
POSTINGS_MEMO = 4096  # terms whose postings the index keeps read
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
        "through",  # ("from 2025-06-16 through 2025-06-20": the dates' word, no topic)
        "thru",
        "until",
        "till",
        "during",
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
        "anyone",  # "has anyone combined Mamba with diffusion?" is no "Animate Anyone" search
        "anybody",
        "make",  # a light verb: "papers that make attention faster" ask about speed
        "get",  # ... and "how do I get started with diffusion models?" is no GET-Zero
        "gets",
        "got",
        "vs",  # what sets two things against each other, neither of them
        "versus",
        "makes",  # (not "making": "decision making")
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


# What a word may add to its stem and still be the same word: "recommender" and
# "recommendation" are one term, "capital" and "capitalize" are not.
_SUFFIXES = (
    "e s es ed d ing ings er ers or ors ion ions ation ations ment ments y ies ied ive ly"
    " al als ally ison isons ance ances ence ences ness"
)
INFLECTIONS = frozenset(["", *_SUFFIXES.split(" ")])
_WORD = re.compile(r"[a-z]+")
_NOT_TOPICAL = re.compile(r"[\d.\-]+")  # numbers, years, versions: not a topic


def same_word(asked: str, written: str) -> bool:
    """Whether `written` is `asked` inflected: past their common prefix, both rests are
    inflections ("forecast" / "forecasting", "recommender" / "recommendation"), not a
    derivation that means something else ("capital" / "capitalize")."""
    n = 0
    for a, b in zip(asked, written, strict=False):
        if a != b:
            break
        n += 1
    return asked[n:] in INFLECTIONS and written[n:] in INFLECTIONS


_KO_WORD = re.compile(r"[\uac00-\ud7a3]+")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _whole_need(n_grams: int) -> int:
    """How many of a Korean word's bigrams a paper must have to have the word: all, but one
    for a word of three or more (a digest may write it with a space: "머신 언러닝")."""
    return n_grams - (1 if n_grams >= 3 else 0)


MIN_STEM = 4  # a shorter stem begins too many other words to stand for them
_PLURAL_ID = re.compile(r"[a-z0-9.+-]*[0-9]s")  # "h100s", "a100s": an identifier's plural


@lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    """Snowball stem for plain words; identifiers with digits stay as written."""
    if not word.isalpha():
        return word
    return _stemmer().stemWord(word)


def _share(
    weights: Mapping[str, float], has: Mapping, groups: list[tuple[set[str], set[str]]]
) -> np.ndarray | float:
    """The share of the query's weight that a paper has (`has`: term -> bool, or a bool
    array over papers). A Korean word and its English (each pair of `groups`) are one term
    of the Korean word's weight, had as far as the better written of the two is: the
    English a glossary adds weighs nothing of its own."""
    grouped = {t for pair in groups for part in pair for t in part}
    share: np.ndarray | float = 0.0
    total = 0.0
    for term, weight in weights.items():
        if term not in grouped:
            total += weight
            if term in has:
                share = share + weight * has[term]
    for pair in groups:
        parts = [
            sum(weights[t] * has[t] for t in part if t in has) / sum(weights[t] for t in part)
            for part in pair
        ]
        total += (written := sum(weights[t] for t in pair[0]))
        share = share + written * np.maximum(*parts)
    return share / total if total else share


def _as_words(query: str, weights: dict[str, float]) -> None:
    """Weigh each Korean word of `query` as one term, its rarest bigram's IDF, shared by
    its bigrams (in place; a bigram of two words is read with the first)."""
    seen: set[str] = set()
    for word in _KO_WORD.findall(query):
        grams = [g for g in dict.fromkeys(tokenize(word)) if g in weights and g not in seen]
        seen.update(grams)
        if len(grams) < 2:
            continue
        top, total = max(weights[g] for g in grams), sum(weights[g] for g in grams)
        for g in grams:
            weights[g] *= top / total


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


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """The English dictionary form of a word ("dealt" -> "deal"); the word if unknown.
    simplemma loads its English table (0.2 s) at the first word asked about."""
    import simplemma

    return simplemma.lemmatize(word, lang="en").lower()


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(_fold(m.lower()) for m in (*calendar.month_name, *calendar.month_abbr) if m)


class LexicalIndex:
    """BM25 over the derived index's postings, with IDF-weighted term coverage.

    The scores are bm25s's (Lucene variant, k1 = 1.5, b = 0.75: what the in-memory index
    computed), but from postings persisted at ingest time: only the question's terms are
    read, so opening the index costs one read of the document lengths.
    """

    def __init__(self, derived, size: int | None = None, asking: frozenset[str] = frozenset()):
        self.derived = derived
        # index tokens of the words people ask with ("came out", "편이야"): when no paper
        # has one, it is the question's phrasing, not a topic the archive lacks
        self.asking = asking
        n_docs, total = derived.lexical_stats() if derived is not None else (0, 0)
        self.size = n_docs if size is None else size
        self._n = n_docs
        self._avgdl = (total / n_docs) if n_docs else 1.0
        self._max_idf = math.log(1 + (max(n_docs, 1) + 0.5) / 0.5)  # a term no paper contains
        self._postings: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}

    def __len__(self) -> int:
        return self.size

    @property
    def _norm(self) -> np.ndarray:
        """k1 * (1 - b + b * |d| / avgdl) per document, read once."""
        cache = self.__dict__.get("_norm_cache")
        if cache is None:
            lengths = self.derived.doclens()[: self.size]
            cache = K1 * (1 - B + B * lengths / self._avgdl)
            self.__dict__["_norm_cache"] = cache
        return cache

    def _term_postings(
        self, terms: Iterable[str]
    ) -> dict[str, tuple[np.ndarray, np.ndarray, float]]:
        """term -> (positions, term frequencies, idf) for the known terms (memoised)."""
        terms = set(terms)
        wanted = [t for t in terms if t not in self._postings]
        if wanted and self.derived is not None:
            info = self.derived.term_info(wanted)
            # an identifier's plural the papers write in the singular ("H100s": H100)
            plural = {t[:-1]: t for t in wanted if t not in info and _PLURAL_ID.fullmatch(t)}
            if plural:
                info |= {plural[t]: v for t, v in self.derived.term_info(list(plural)).items()}
            for term, (tid, df) in info.items():
                positions, tfs = self.derived.postings(tid)
                keep = positions < self.size
                idf = math.log(1 + (max(self._n, 1) - df + 0.5) / (df + 0.5))
                self._postings[term] = (positions[keep], tfs[keep], idf)
            for term in wanted:
                self._postings.setdefault(term, None)  # type: ignore[arg-type]
            if len(self._postings) > POSTINGS_MEMO:
                # (emptied but for this query's terms, all of them: keeping only those just
                # read dropped its others, read as unknown for this one question)
                self._postings = {t: v for t, v in self._postings.items() if t in terms}
        return {t: self._postings[t] for t in terms if self._postings.get(t) is not None}

    def scores(self, query: str, words: Iterable[str] = ()) -> np.ndarray:
        """BM25 of every paper for `query`, plus `words` that count once each however many
        tokens they have (a Korean word the archive writes for one of the query's English
        words: "알고리즘" is three bigrams, and one word as "algorithm" is)."""
        counts: Counter[str] = Counter(tokenize(query))  # bm25s counts a repeated term again
        for word in words:
            if tokens := tokenize(word):
                for token in tokens:
                    counts[token] += 1 / len(tokens)
        scores = np.zeros(self.size, dtype=np.float32)
        if not counts or not self.size:
            return scores
        found = self._term_postings(counts)
        for term, count in counts.items():
            if term not in found:
                continue
            positions, tfs, idf = found[term]
            scores[positions] += count * idf * tfs / (tfs + self._norm[positions])
        return scores

    def _query_terms(self, query: str, known: set[str]) -> set[str]:
        # an unknown compound ("recommender-systems") is represented by its parts
        return {t for t in tokenize(query) if t in known or not _SPLIT.search(t)}

    def unknown_share(self, query: str) -> float:
        """IDF-weighted share of the question's topical terms that no paper contains.

        A question about "earthquake early warning" is not about anything the archive
        holds, however close the rest of its words come to a forecasting paper: the share
        of the question the archive has never seen discounts its evidence. Numbers and
        month names are not topics (dates are filters), and neither are the endings of
        spoken Korean ("알려줘", "바꿔서", "올랐대"), which no digest's prose has: a
        Korean word is read by its grammar (`korean.topical`), by the noun it names.
        """
        topical = self.topical(query)
        tokens = tokenize(topical)
        found = self._term_postings(tokens)
        # a Korean word no paper has whole is unknown, though each of its bigrams is known
        # ("웨이퍼": 웨이 in 웨이블릿, 이퍼 in 하이퍼); one with an unknown bigram already
        # counts by its bigrams
        spaced = self._spaced(topical, found)
        for word in _KO_WORD.findall(topical):
            grams = set(tokenize(word))
            if grams and grams <= found.keys() and not self.has_korean(word):
                found = {t: v for t, v in found.items() if t not in grams}
        terms = {
            t
            for t in self._query_terms(query, set(found))
            if t in tokens
            and t not in spaced
            and not _NOT_TOPICAL.fullmatch(t)
            and t not in _months()
            and t not in STOP  # a stem the index keeps no postings of ("mostly": most)
            and (t in found or not self._asks(t))
        }
        # a word the papers write in another form ("agree": "agreement", whose stem the
        # stemmer keeps whole; "dealt": "deal", which no stemmer reaches) is no word the
        # archive has never seen
        terms = {
            t for t in terms if t in found or not (self._written_longer(t) or self._lemma_known(t))
        }
        if not terms:
            return 0.0
        weights = {t: found[t][2] if t in found else self._max_idf for t in terms}
        unknown = sum(w for t, w in weights.items() if t not in found)
        return unknown / sum(weights.values())

    def _lemma_known(self, term: str) -> bool:
        """Whether a plain English word is an inflection of a word some paper has, by its
        dictionary form (simplemma's lookup tables): irregular forms ("dealt", "sought",
        "written") that Snowball leaves as they are."""
        if not (term.isalpha() and term.isascii()):
            return False
        lemma = _lemma(term)
        tokens = set(tokenize(lemma))
        return lemma != term and bool(tokens) and tokens <= self.known(tokens)

    def _written_longer(self, term: str) -> bool:
        """Whether a plain word's stem (of four letters or more) begins a term some paper
        has: the same word, derived ("agre" in "agreement")."""
        return (
            self.derived is not None
            and term.isalpha()
            and term.isascii()
            and len(term) >= MIN_STEM
            and self.derived.has_term_starting(term)
        )

    def postings_idf(self, terms: Iterable[str]) -> dict[str, float]:
        """term -> its IDF, for the terms some paper has."""
        return {t: v[2] for t, v in self._term_postings(terms).items()}

    @property
    def max_idf(self) -> float:
        """The IDF of a term no paper has: rarer than any known word."""
        return self._max_idf

    def postings(self, terms: Iterable[str]) -> dict[str, set[int]]:
        """term -> the positions of the papers that have it (index tokens; unknown: none)."""
        found = self._term_postings(terms)
        return {t: set(v[0].tolist()) for t, v in found.items()}

    def known(self, tokens: Iterable[str]) -> set[str]:
        """The tokens some paper has."""
        return set(self._term_postings(tokens))

    def all_common(self, tokens: Iterable[str], share: float) -> bool:
        """Whether every token is in at least `share` of the papers."""
        tokens = set(tokens)
        found = self._term_postings(tokens)
        least = share * max(self.size, 1)
        return len(found) == len(tokens) and all(p[0].size >= least for p in found.values())

    def _asks(self, token: str) -> bool:
        return token in self.asking

    def words_asked(self, query: str) -> int:
        """How many words the question weighs that some paper writes (`coverage`'s terms, a
        Korean word counted once, not by its bigrams): how long a description of a paper in
        the archive it is. A word no paper writes describes none ("지진계 파형으로 여진을
        예측하는 ..."): it lowers the evidence (`unknown_share`), and does not lengthen."""
        query = self.topical(query)
        found = self._term_postings(tokenize(query))
        terms = {t for t in self._weighed_terms(query, found) if t in found and found[t][0].size}
        latin = {t for t in terms if not _KO_WORD.search(t)}
        return len(latin) + sum(
            bool(set(tokenize(word)) & terms) for word in set(_KO_WORD.findall(query))
        )

    def topical(self, query: str) -> str:
        """The question with each Korean word read as the noun it names, if any
        (`korean.topical`): "보기를 한꺼번에 보여주면" -> "보기": the words the gate weighs."""
        return _KO_WORD.sub(lambda m: korean.topical(m.group(0), self.has_korean), query)

    def with_all(self, terms: Iterable[str]) -> np.ndarray:
        """The positions of the papers that have every one of `terms` (none: no term)."""
        terms = set(terms)
        found = self._term_postings(terms)
        if not terms or len(found) != len(terms):
            return np.zeros(0, dtype=np.int64)
        common = None
        for positions, _, _ in found.values():
            common = positions if common is None else np.intersect1d(common, positions)
        return common

    def _spaced(self, query: str, found: dict) -> set[str]:
        """The bigrams of the query's Korean words that the digests write with a space
        ("스트리트뷰" as "스트리트 뷰"): in no paper, while some paper has all the word's
        other bigrams (three or more: the whole-word rule of `_whole_words`). They are no
        unknown part of the question. `found`: the postings of the query's known terms."""
        out: set[str] = set()
        for word in _KO_WORD.findall(query):
            grams = set(tokenize(word))
            missing = grams - found.keys()
            if len(missing) != 1 or _whole_need(len(grams)) == len(grams):
                continue
            counts: Counter = Counter()
            for gram in grams - missing:
                counts.update(found[gram][0].tolist())
            if counts and max(counts.values()) >= _whole_need(len(grams)):
                out |= missing
        return out

    def has_korean(self, word: str) -> bool:
        """Whether some paper has every bigram of this Korean word: one paper has them all
        ("웨이퍼" is not known from "웨이블릿" in one paper and "하이퍼" in another)."""
        return self.with_all(tokenize(word)).size > 0

    def surface_coverage(
        self, query: str, texts: dict[int, str], renderings: Mapping[str, str] | None = None
    ) -> dict[int, float]:
        """`coverage` for a few papers whose text is at hand, where a plain word counts
        only when the paper has that word, inflected or not (`same_word`), not merely
        one with the same stem: "capital" is not covered by "capitalize"."""
        query = self.topical(query)
        found = self._term_postings(tokenize(query))
        terms = self._query_terms(query, set(found))
        if not terms:
            return dict.fromkeys(texts, 0.0)
        weights = {t: found[t][2] if t in found else self._max_idf for t in terms}
        groups = self._either_way(renderings, weights.keys())
        asked: dict[str, set[str]] = {}
        for word in _WORD.findall(query.lower()):
            if word not in STOP and _fold(word) in terms:
                asked.setdefault(_fold(word), set()).add(word)
        out = {}
        for pos, text in texts.items():
            tokens = set(tokenize(text))
            written: dict[str, set[str]] = {}
            for word in set(_WORD.findall(text.lower())):
                if (stem := _fold(word)) in asked:
                    written.setdefault(stem, set()).add(word)
            has = {
                term: True
                for term in weights
                if term in tokens
                and (
                    term not in asked
                    or any(same_word(a, w) for a in asked[term] for w in written.get(term, ()))
                )
            }
            out[pos] = float(_share(weights, has, groups))
        return out

    def coverage(
        self,
        query: str,
        positions: Iterable[int],
        renderings: Mapping[str, str] | None = None,
        rendered: bool = False,
    ) -> dict[int, float]:
        """IDF-weighted share of the query's distinct terms found in each given paper.

        Korean words count by the noun they name (`topical`): the ending of a spoken
        question ("썼어", "얼마나") is in no summary and would weigh against every paper.
        `renderings` (Korean word as written -> its English, both in the query) makes each
        pair one term written either way: a paper writing "attention" has all of
        "어텐션 (attention)", as one writing "어텐션" has. A query `rendered` from English
        (an English question as a Korean summary writes it) weighs each Korean word as one
        term, as the English word it renders weighs: "GUI 에이전트" is GUI before agents, as
        "GUI agents" is, not 에이전트's three bigrams over GUI."""
        positions = list(positions)
        query = self.topical(query)
        found = self._term_postings(tokenize(query))
        terms = self._weighed_terms(query, found)
        if not terms:
            return {i: 0.0 for i in positions}
        weights = {t: found[t][2] if t in found else self._max_idf for t in terms}
        if rendered:
            _as_words(query, weights)
        wanted = np.asarray(positions, dtype=np.int64)
        has = {}
        for term in weights:
            if term in found and found[term][0].size:
                have = found[term][0]  # sorted: postings are read in position order
                at = np.minimum(np.searchsorted(have, wanted), have.size - 1)
                has[term] = have[at] == wanted
        for grams, whole in list(self._whole_words(query, has, len(positions))):  # then mask
            for gram in grams & has.keys():
                has[gram] = has[gram] & whole
        groups = self._either_way(renderings, weights.keys())
        share = _share(weights, has, groups) + np.zeros(len(positions))
        return {i: float(s) for i, s in zip(positions, share, strict=True)}

    def _weighed_terms(self, query: str, found: Mapping) -> set[str]:
        """The terms of a (`topical`) query that `coverage` weighs: not an asking word no
        paper has, nor the parts of a word a paper writes spaced."""
        spaced = self._spaced(query, found)
        return {
            t
            for t in self._query_terms(query, set(found))
            if (t in found or not self._asks(t)) and t not in spaced
        }

    def _either_way(
        self, renderings: Mapping[str, str] | None, terms: Collection[str]
    ) -> list[tuple[set[str], set[str]]]:
        """The query's terms of each Korean word and of its English rendering, as pairs."""
        out: list[tuple[set[str], set[str]]] = []
        taken: set[str] = set()
        known = set(terms)
        for word, english in (renderings or {}).items():
            written = set(tokenize(self.topical(word))) & known - taken
            rendered = set(tokenize(english)) & known - taken - written
            if written and rendered:
                out.append((written, rendered))
                taken |= written | rendered
        return out

    @staticmethod
    def _whole_words(
        query: str, has: dict[str, np.ndarray], n: int
    ) -> Iterator[tuple[set[str], np.ndarray]]:
        """Each Korean word of the query of two bigrams or more, with the papers (of the `n`
        that `has` reads) that have it whole: all its bigrams, all but one for a word of
        three or more ("머신언러닝" is written "머신 언러닝" too). A bigram counts only there:
        "언러닝" (unlearning) is not in a summary of "머신 러닝", though "러닝" is."""
        for word in _KO_WORD.findall(query):
            grams = set(tokenize(word))
            if len(grams) < 2:
                continue
            count = sum((has[g] for g in grams & has.keys()), np.zeros(n, dtype=int))
            yield grams, count >= _whole_need(len(grams))
