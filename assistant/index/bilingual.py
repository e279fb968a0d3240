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
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

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
        from assistant.index.lexical import tokenize

        by_stem: dict[str, Counter] = defaultdict(Counter)
        forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for ko, en, n in rows:
            stem = (tokenize(en) or [en])[0]
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
