"""Typos in questions, read as the archive's words: "acurracy" -> "accuracy".

A question word is a typo when no paper has it (as an index term, stemmed or not) and
an English dictionary (pyspellchecker's) does not know it either: "horse" or "lease" are
words the archive lacks, not typos, and stay as written, so an off-topic question is
still refused. A typo is read as the nearest word the papers use (optimal string
alignment distance, so "agnets" is one swap from "agents"): at most one edit for words of
six or seven letters, two for longer ones; among equally near words, the most common.
Shorter words ("pls", "lemme"), identifiers ("miniF2F", "Qwen2.5"), coined names
("WaveNet" is not a typo of "wavelet") and Korean are left alone, but for a word of four or five letters that is two letters of an asking word
swapped ("waht": what, "whcih": which; the asking words are the example phrasings', given
by the caller). The dictionary and the archive's vocabulary load at the first unknown
word only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from assistant.index.lexical import tokenize
from assistant.text import english_word

MIN_LETTERS = 6  # shorter words are too often slang or someone's name
MIN_SWAPPED = 4  # an asking word this long with two letters swapped is read as that word
MIN_PAPERS = 2  # a correction must be a word at least this many papers use, or a name
_COINED = re.compile(r"[a-z][A-Z]")  # a capital inside a word: a coined name ("WaveNet")
_WORD = re.compile(r"(?<![\w\-./])[A-Za-z]+(?![\w\-./]|'[a-z])")


@dataclass(frozen=True)
class Correction:
    written: str
    read_as: str


class Spelling:
    def __init__(self, derived, asking: frozenset[str] = frozenset()):
        self.derived = derived
        self.asking = asking  # the words questions ask with ("what", "which", "papers")

    @cached_property
    def _vocabulary(self) -> dict[str, int]:
        """Plain English-letter words of the papers' titles and summaries -> papers using
        them; and the papers' one-word names, however rare ("kangroo": Kangaroo)."""
        words = {
            w: n for w, n in self.derived.plain_words(MIN_PAPERS) if w.isascii() and w.isalpha()
        }
        for name in self.derived.one_word_names():
            if name.isascii() and name.isalpha():
                words.setdefault(name, 1)
        return words

    @cached_property
    def _words(self) -> list[str]:
        return list(self._vocabulary)

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with its typos replaced, and the corrections made."""
        if self.derived is None:
            return text, []
        words = {
            m.group(0).lower()
            for m in _WORD.finditer(text)
            if len(m.group(0)) >= MIN_SWAPPED and not _COINED.search(m.group(0))
        }
        unknown = self._unknown(words)
        fixes = {
            w: fix
            for w in sorted(unknown)
            if (fix := self._nearest(w) if len(w) >= MIN_LETTERS else self._swapped(w))
        }
        if not fixes:
            return text, []
        done: list[Correction] = []

        def swap(m: re.Match) -> str:
            fix = fixes.get(m.group(0).lower())
            if fix is None:
                return m.group(0)
            done.append(Correction(m.group(0), fix))
            return fix

        return _WORD.sub(swap, text), list(dict.fromkeys(done))

    def _unknown(self, words: set[str]) -> set[str]:
        """The words no paper has and no dictionary knows."""
        stems = {w: tokenize(w) for w in words}
        known = self.derived.term_info({t for ts in stems.values() for t in ts})
        absent = {w for w, ts in stems.items() if ts and not all(t in known for t in ts)}
        return {w for w in absent if not english_word(w)}

    def _swapped(self, word: str) -> str | None:
        """The asking word `word` writes with two neighbouring letters swapped, if one."""
        for i in range(len(word) - 1):
            fix = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if fix in self.asking:
                return fix
        return None

    def _nearest(self, word: str) -> str | None:
        from rapidfuzz import distance, process

        most = 1 if len(word) < 8 else 2
        found = process.extract(
            word,
            self._words,
            scorer=distance.OSA.distance,
            score_cutoff=most,
            limit=None,
        )
        if not found:
            return None
        best, _, _ = min(found, key=lambda f: (f[1], -self._vocabulary[f[0]], f[0]))
        return best
