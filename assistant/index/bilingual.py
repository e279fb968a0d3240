"""The archive's own Korean-English vocabulary: the English a Korean summary writes beside
its words.

Korean digests write a term's English in brackets after it: "머신 언러닝(machine
unlearning)", "깊이 추정(depth estimation)", "환각(hallucination)". A noun compound keeps
its word order in both languages, so the last Korean words before the bracket are, one by
one, its English words ("머신" machine, "언러닝" unlearning). Each paper contributes the
pairs its summary writes (`renderings`, a derived table kept with the papers); a Korean
word's rendering is the English that most papers write beside it (`vocabulary`), when at
least `MIN_PAPERS` do and it is most of what they write. A Korean question's words then
find English summaries by that English, as the hand-made glossary's terms do
(`glossary.Glossary`): the archive grows its own vocabulary as digests are added.

Most Korean words never get English written beside them ("분할", "사용자", "난이도"), but
about a quarter of the papers have a summary in each language: two texts about one paper.
A Korean word and the English word that keep turning up in the same papers' two summaries
are one word in two languages ("난이도" difficulty, "추정" estimation): `Aligned` reads
that from the words each such paper has (`parallel_words`, a derived table), and renders
a Korean word the bracketed renderings leave out, or an English question's word as a
Korean-only paper's summary writes it ("throughput" 처리량).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from assistant.index import korean

MIN_PAPERS = 2  # papers that must write a rendering beside the Korean word
MIN_SHARE = 0.5  # of the papers writing some English beside the word, more than this agree
MIN_GLOSSED = 0.2  # of the papers that have the word, the share writing English beside it
MAX_WORDS = 3  # words of a bracketed term aligned one by one (longer: a phrase, not a term)
# "머신 언러닝(machine unlearning)", "환각 (hallucination; ...)": Korean words, then the
# English in brackets (up to a separator that starts an acronym or a gloss)
_WRITTEN_BESIDE = re.compile(
    r"((?:[\uac00-\ud7a3]+\s+){0,2}[\uac00-\ud7a3]+)\s?\(\s*([A-Za-z][A-Za-z0-9 -]{1,60}?)\s*[);,:]"
)
_ENGLISH_WORD = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")

# `Aligned`: a Korean word and an English word are one word in two languages when
ALIGN_MIN_PAPERS = 3  # at least this many papers have both, one in each summary,
ALIGN_MIN_DICE = 0.3  # and they share this much (Dice: 2 x both / (Korean + English))
ALIGN_MAX_SHARE = 0.15  # a Korean word in more of the papers names no topic ("모델", "성능")
ALIGN_MAX_SHARE_EN = 0.2  # nor does an English word in more ("model", "performance")
ALIGN_RANK = 2  # and the Korean word is among the English word's best this many Korean words
MIN_FORM_STEM = 4  # an English word's other forms are read by a stem this long at least


def renderings(korean_summary: str) -> set[tuple[str, str]]:
    """(Korean word, English word) pairs a Korean summary writes beside each other."""
    pairs = set()
    for m in _WRITTEN_BESIDE.finditer(korean_summary):
        english = m.group(2).lower().split()
        words = [korean.topical(w) for w in m.group(1).split()]
        if not english or len(english) > MAX_WORDS or len(words) < len(english):
            continue
        for ko, en in zip(words[-len(english) :], english, strict=True):
            if len(ko) >= 2 and _ENGLISH_WORD.fullmatch(en):
                pairs.add((ko, en))
    return pairs


def vocabulary(
    rows: Iterable[tuple[str, str, int]], papers_with: Callable[[str], int]
) -> dict[str, str]:
    """Korean word -> its English, every word of `Vocabulary` checked at once."""
    words = Vocabulary(rows, papers_with)
    return {ko: english for ko in words.candidates if (english := words.get(ko))}


class Vocabulary:
    """Korean word -> its English, from (Korean, English, papers writing them) rows: the
    English most papers write beside the word (its inflections counted together: "jailbreak",
    "jailbreaking"), in its most written form. Only a term: a word the papers that have it
    gloss in English often enough (`MIN_GLOSSED` of `papers_with(word)`); a common word
    glossed now and then is often one word of a compound the English writes as one
    ("다중 보기(multiview)": 보기 is no "multiview" in "보기를 보여주면"). That last check
    reads the postings of the word's bigrams, so it is made for the words questions ask
    about, once each, not for every candidate when the vocabulary is built."""

    def __init__(
        self, rows: Iterable[tuple[str, str, int]], papers_with: Callable[[str], int]
    ) -> None:
        by_stem: dict[str, Counter] = defaultdict(Counter)
        forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for ko, en, n in rows:
            stem = _stem(en)
            by_stem[ko][stem] += n
            forms[ko, stem][en] += n
        # word -> (its English, papers glossing it at all), when most of them agree
        self.candidates: dict[str, tuple[str, int]] = {}
        for ko, stems in by_stem.items():
            stem, n = stems.most_common(1)[0]
            glossed = sum(stems.values())
            if n >= MIN_PAPERS and n > MIN_SHARE * glossed:
                self.candidates[ko] = (forms[ko, stem].most_common(1)[0][0], glossed)
        self._papers_with = papers_with
        self._checked: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self.candidates)

    def get(self, word: str, default: str | None = None) -> str | None:
        if word not in self._checked:
            found = self.candidates.get(word)
            term = found is not None and found[1] >= MIN_GLOSSED * self._papers_with(word)
            self._checked[word] = found[0] if term else None
        return self._checked[word] or default


def parallel_words(korean_summary: str, english_text: str) -> set[tuple[str, str]]:
    """("ko", word) for the words of a paper's Korean summary that could name a topic
    (`korean.topical`), ("en", word) for its English words (no stop words, no numbers)."""
    from assistant.index.lexical import tokenize  # (numpy: not needed to read files)

    ko = {
        ("ko", t)
        for w in korean_summary.split()
        if (m := _HANGUL.search(w)) and len(t := korean.topical(m.group(0))) >= 2
    }
    en = {
        ("en", w)
        for w in set(_ENGLISH_WORD.findall(english_text.lower()))
        if not w.isdigit() and tokenize(w)
    }
    return ko | en


def _stem(word: str) -> str:
    from assistant.index.lexical import tokenize

    return (tokenize(word) or [word])[0]


class ParallelTable(Protocol):
    """The papers with a summary in each language, as the derived index reads them."""

    def parallel_papers(self) -> int: ...

    def parallel_positions(self, language: str, word: str) -> list[int]: ...

    def parallel_among(self, language: str, positions: list[int], least: int) -> dict[str, int]: ...

    def parallel_counts(self, language: str, words: list[str]) -> dict[str, int]: ...

    def parallel_forms(self, language: str, prefix: str) -> list[str]: ...


class Aligned:
    """Korean word -> its English, from the papers summarised in both languages: the
    English word most often in the same papers' English text (Dice), when it is a topic's
    word in both (in at most `ALIGN_MAX_SHARE` of the papers) and the Korean word is also
    among its own best. Each word is read when a question asks it, and kept.

    `asking(word)`: a word questions ask with ("요약" in "Mixtral 논문 요약 좀"), which is
    rendered by no English: its English would be read as the topic ("summarization")."""

    def __init__(self, table: ParallelTable, asking: Callable[[str], bool] = lambda w: False):
        self._table = table
        self._asking = asking
        self._papers: int | None = None
        self._checked: dict[str, str | None] = {}
        self._korean: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        return True

    def get(self, word: str, default: str | None = None) -> str | None:
        if word not in self._checked:
            self._checked[word] = self._english(word)
        return self._checked[word] or default

    def korean(self, english: str) -> str | None:
        """The Korean word whose English is `english` (lower-case), if any: how a Korean
        summary writes an English question's word ("throughput" -> 처리량). The word as
        written, else as the summaries inflect it ("compress" is asked, "compression"
        written, 압축): the Korean word's own English need only be the same word."""
        if english not in self._korean:
            self._korean[english] = next(
                (ko for form in self._forms(english) if (ko := self._korean_of(form))), None
            )
        return self._korean[english]

    def _korean_of(self, form: str) -> str | None:
        ko = next(iter(self._best("en", form, self._most())), None)
        return ko if ko is not None and _stem(self.get(ko) or "") == _stem(form) else None

    def _forms(self, english: str) -> Iterator[str]:
        """`english`, then the English words of the table with its stem, in the most
        papers first (read only when the word as written has no Korean)."""
        yield english
        stem = _stem(english)
        if len(stem) < MIN_FORM_STEM:
            return
        others = [w for w in self._table.parallel_forms("en", stem) if w != english]
        others = [w for w in others if _stem(w) == stem]
        counts = self._table.parallel_counts("en", others) if others else {}
        yield from sorted(others, key=lambda w: (-counts.get(w, 0), w))

    def _most(self) -> dict[str, float]:
        """The most papers a topic's word is in, per language."""
        if self._papers is None:
            self._papers = self._table.parallel_papers()
        return {"ko": ALIGN_MAX_SHARE * self._papers, "en": ALIGN_MAX_SHARE_EN * self._papers}

    def _best(self, language: str, word: str, most: dict[str, float]) -> dict[str, float]:
        """The other language's words sharing papers with `word` (Dice), best first."""
        t = self._table
        positions = t.parallel_positions(language, word)
        if not ALIGN_MIN_PAPERS <= len(positions) <= most[language]:
            return {}
        other = "en" if language == "ko" else "ko"
        both = t.parallel_among(other, positions, ALIGN_MIN_PAPERS)
        alone = t.parallel_counts(other, list(both))
        dice = {
            w: 2 * n / (len(positions) + alone[w])
            for w, n in both.items()
            if alone.get(w, 0) <= most[other]
        }
        return dict(sorted(dice.items(), key=lambda kv: (-kv[1], kv[0])))

    def _english(self, word: str) -> str | None:
        if self._asking(word):
            return None
        most = self._most()
        best = self._best("ko", word, most)
        if not best:
            return None
        english, dice = next(iter(best.items()))
        if dice < ALIGN_MIN_DICE:
            return None
        back = list(self._best("en", english, most))[:ALIGN_RANK]
        return english if word in back else None


class Learned:
    """Korean word -> English from several sources, the first that has it."""

    def __init__(self, *sources) -> None:
        self._sources = sources

    def __bool__(self) -> bool:
        return True

    def get(self, word: str, default: str | None = None) -> str | None:
        return next((e for s in self._sources if (e := s.get(word))), default)

    def korean(self, english: str) -> str | None:
        """The Korean word for an English one, of the first source that reads both ways."""
        ways = (s.korean for s in self._sources if hasattr(s, "korean"))
        return next((k for korean in ways if (k := korean(english))), None)
