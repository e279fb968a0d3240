"""Typos in questions, read as the archive's words: "acurracy" -> "accuracy".

A question word is a typo when no paper has it (as an index term, stemmed or not) and
an English dictionary (pyspellchecker's) does not know it either: "horse" or "lease" are
words the archive lacks, not typos, and stay as written, so an off-topic question is
still refused. A typo is read as the nearest word the papers use (optimal string
alignment distance, so "agnets" is one swap from "agents"): at most one edit for words of
six or seven letters, two for longer ones; among equally near words, the most common.
Shorter words ("pls", "lemme"), identifiers ("miniF2F", "Qwen2.5"), coined names
("WaveNet" is not a typo of "wavelet") and Korean are left alone, but for a word of four or
five letters that is an asking word with two letters swapped or one left out ("waht":
what, "whcih": which, "vots": votes; the asking words are the example phrasings', given
by the caller). The dictionary and the archive's vocabulary load at the first unknown
word only.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from assistant.index import korean
from assistant.index.hangul import MIN_SYLLABLES, HangulNames
from assistant.index.lexical import tokenize
from assistant.text import HANGUL_RUN, english_word

MIN_LETTERS = 6  # shorter words are too often slang or someone's name
MIN_SWAPPED = 4  # an asking word this long with two letters swapped is read as that word
MIN_PAPERS = 2  # a correction must be a word at least this many papers use, or a name
_COINED = re.compile(r"[a-z][A-Z]")  # a capital inside a word: a coined name ("WaveNet")
_WORD = re.compile(r"(?<![\w\-./])[A-Za-z]+(?![\w\-./]|'[a-z])")
# a coined name or an identifier ("TextArnea", "desing2code"), read against the papers' names
# (its hyphenated parts too: "Mobil-Agent-v2" of Mobile-Agent-v2; a Korean particle may
# follow it: "Mobil-Agent-v2랑")
_IDENTIFIER = re.compile(r"(?<![\w\-./])[A-Za-z][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9_\-./])")
_DIGITS = re.compile(r"\d+")
_VERSION_NEXT = re.compile(r"\s?\d")  # a version or size after a word ("트릴리온 7B")
PREDICATE_OR_NAME = 4  # syllables of a word read as a predicate that may be a name too
_SIZE_TAIL = re.compile(r"-\d+(?:\.\d+)?[BbMmKk]$")  # a model's size after its name ("-7B")


# capitals glued after a Hangul word ("마스크DPO"), not before more letters
_CAPITALS_NEXT = re.compile(r"[A-Z]{2,}\d*(?![A-Za-z])")


def _written_beside(text: str, end: int, name: str) -> bool:
    """Whether `text` writes `name` in brackets right after `end` ("드래곤(DRAGON)")."""
    return re.match(rf"\s?\(\s?{re.escape(name)}(?![A-Za-z0-9])", text[end:], re.I) is not None


@dataclass(frozen=True)
class Correction:
    written: str
    read_as: str


def read_as_note(fixes: list[Correction], korean: bool) -> str:
    """The note saying how typos were read."""
    if korean:
        return ", ".join(f"'{f.written}'를 '{f.read_as}'(으)로 읽었습니다" for f in fixes) + "."
    return "Read " + ", ".join(f"'{f.written}' as '{f.read_as}'" for f in fixes) + "."


class Spelling:
    def __init__(
        self,
        derived,
        asking: frozenset[str] = frozenset(),
        has_korean: Callable[[str], bool] | None = None,
    ):
        self.derived = derived
        self.asking = asking  # the words questions ask with ("what", "which", "papers")
        # whether some paper has a Korean word (`LexicalIndex.has_korean`); without it no
        # Hangul word is read as a name
        self.has_korean = has_korean

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

    @cached_property
    def _hangul(self) -> HangulNames:
        return HangulNames(self.derived.names_as_written())

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with its typos replaced, and the corrections made; a name written in
        Hangul ("딥시크") is read as the papers write it (DeepSeek)."""
        if self.derived is None:
            return text, []
        text, named = self.names_in_hangul(text)
        text, renamed = self._names_mistyped(text)
        text, fixed = self._typos(text)
        return text, named + renamed + fixed

    def names_in_hangul(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with each Hangul word no paper has that writes a paper's name (its noun,
        particles kept: "딥시크의" -> "DeepSeek 의") in Latin letters, as the papers do."""
        if self.derived is None or self.has_korean is None:
            return text, []
        done: list[Correction] = []

        def name(m: re.Match) -> str:
            word = m.group(0)
            noun = korean.topical(word)
            if not noun and len(word) < PREDICATE_OR_NAME:
                return word  # a predicate, a pronoun ("찍었어", "그걸로"): no name
            if m.start() and m.string[m.start() - 1].isdigit():
                return word  # a number's unit ("1비트급": of one bit, not the name VidKV)
            if (glued := _CAPITALS_NEXT.match(m.string, m.end())) and (
                head := self._hangul.head_of(word, glued.group(0))
            ):
                done.append(Correction(word + glued.group(0), head + glued.group(0)))
                return head  # "마스크DPO": MaskDPO, a head and its capitals
            # its noun ("딥시크의": 딥시크), or the word as written ("카나나": Kanana, not 카나)
            # (a long word may read as a predicate and be a name: "미니옴니", "-니" asking)
            versioned = bool(_VERSION_NEXT.match(m.string, m.end()))
            for part in dict.fromkeys([noun, word] if noun else [word]):
                if len(part) < MIN_SYLLABLES or self.has_korean(part):
                    continue  # a word the archive has ("트랜스포머", "미스트랄")
                # (a predicate's form, "들어있어", only by a name's letters)
                if latin := self._hangul.name_of(part, versioned and part == word, not noun):
                    if _written_beside(m.string, m.end(), latin):
                        return word  # its name written beside it: "드래곤(DRAGON)"
                    done.append(Correction(part, latin))
                    # apart from a particle after it, or a Latin letter ("하이퍼클로바X")
                    glued = word != part or m.string[m.end() : m.end() + 1].isalnum()
                    return word.replace(part, f"{latin} " if glued else latin, 1)
            return word

        return HANGUL_RUN.sub(name, text), done

    @cached_property
    def _names(self) -> dict[str, str]:
        """The papers' one-word names of MIN_LETTERS or more (hyphenated parts joined in
        one), lower-cased -> as written."""
        return {
            n.lower(): n
            for n in self.derived.names_as_written()
            if len(n) >= MIN_LETTERS and _IDENTIFIER.fullmatch(n)  # (ASCII letters, digits, -)
        }

    def _names_mistyped(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with each coined name or identifier no paper writes that is one paper's
        name with two neighbouring letters swapped, one of its lower-case letters or its
        hyphen left out, read as that name ("TextArnea": TextArena, "desing2code":
        Design2Code, "SpargAttn": SpargeAttn, "SegZero-7B": Seg-Zero at 7B). A capital
        more or less, a letter added or changed makes another model as often as a typo
        (AudioLM is no AudioLLM, MaskDiT no MaskBit, ControlNeXt no ControlNet), and a
        number changed is another name ("AIME25")."""
        from rapidfuzz import distance, process

        done: list[Correction] = []

        def name(m: re.Match) -> str:
            word, size = m.group(0), ""
            if (at := _SIZE_TAIL.search(word)) and at.start():
                word, size = word[: at.start()], at.group(0)  # ("SegZero-7B": SegZero, at 7B)
            coined = _COINED.search(word) or _DIGITS.search(word)
            if len(word) < MIN_LETTERS or not coined or not self._unknown({word.lower()}):
                return word + size
            near = {
                found
                for found, _, _ in process.extract(
                    word.lower(), list(self._names), scorer=distance.OSA.distance,
                    score_cutoff=1, limit=None,
                )
                if sorted(found) == sorted(word.lower())  # (the same letters: a swap)
                or _lower_letter_left_out(self._names[found], word)
                or found.replace("-", "") == word.lower()  # a hyphen left out ("OpenVid1M")
            }  # fmt: skip
            if len(near) != 1:
                return word + size  # none, or two as near: no one name is meant
            fix = self._names[near.pop()]
            done.append(Correction(word, fix))
            return fix + size

        return _IDENTIFIER.sub(name, text), done

    def _typos(self, text: str) -> tuple[str, list[Correction]]:
        words = {
            m.group(0).lower()
            for m in _WORD.finditer(text)
            if len(m.group(0)) >= MIN_SWAPPED and not _COINED.search(m.group(0))
        }
        fixes = {
            w: fix
            for w in sorted(self._unknown({w for w in words if len(w) >= MIN_LETTERS}))
            # (or an asking word, which papers may not write: "digset" is digest)
            if (fix := self._nearest(w) or self._swapped(w, dropped=False))
        }
        # a short word near an asking word, as written in no two papers (its stem may be
        # another word's: "vots", "vot" of VOT) nor in a dictionary; typed in lower case (a
        # capital makes it a name: "Lidong Bing" is not "bring")
        lower = {m.group(0) for m in _WORD.finditer(text) if m.group(0).islower()}
        for w in sorted(w for w in words if len(w) < MIN_LETTERS):
            fix = self._swapped(w, dropped=w in lower)
            if fix and w not in self._vocabulary and not english_word(w):
                fixes[w] = fix
        # a three-letter one typed in lower case with two letters swapped, when only one
        # asking word is so near ("teh": the, "adn": and; not "hwo", how or who)
        for w in sorted(w for w in lower if len(w) == MIN_SWAPPED - 1):
            swaps = set(_swaps(w)) & self.asking
            if len(swaps) == 1 and w not in self._vocabulary and not english_word(w):
                fixes[w] = swaps.pop()
        if not fixes:
            return text, []
        done: list[Correction] = []

        def swap(m: re.Match) -> str:
            fix = fixes.get(m.group(0).lower())
            if fix is None:
                return m.group(0)
            fix = _cased_as(m.group(0), fix)
            done.append(Correction(m.group(0), fix))
            return fix

        return _WORD.sub(swap, text), list(dict.fromkeys(done))

    def _unknown(self, words: set[str]) -> set[str]:
        """The words no paper has and no dictionary knows."""
        stems = {w: tokenize(w) for w in words}
        known = self.derived.term_info({t for ts in stems.values() for t in ts})
        absent = {w for w, ts in stems.items() if ts and not all(t in known for t in ts)}
        return {w for w in absent if not english_word(w)}

    def _swapped(self, word: str, dropped: bool = True) -> str | None:
        """The asking word `word` writes with two neighbouring letters swapped, or (when
        `dropped`) with one letter left out ("vots": votes), if one."""
        swaps = _swaps(word)
        left_out = (
            word[:i] + c + word[i:] for i in range(len(word) + 1) for c in string.ascii_lowercase
        )
        candidates = (*swaps, *left_out) if dropped else swaps
        return next((fix for fix in candidates if fix in self.asking), None)

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


def _swaps(word: str) -> tuple[str, ...]:
    """`word` with each two neighbouring letters swapped."""
    return tuple(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))


def _lower_letter_left_out(name: str, typed: str) -> bool:
    """Whether `typed` is `name` with one of its lower-case letters left out, in any case
    ("SpargAttn" of SpargeAttn, "spargattn", "SpargATTN"; not "AudioLM" of AudioLLM, a
    capital left out)."""
    if len(name) != len(typed) + 1:
        return False
    return any(
        name[i].islower() and (name[:i] + name[i + 1 :]).lower() == typed.lower()
        for i in range(len(name))
    )


def _cased_as(written: str, fix: str) -> str:
    """`fix` in the case `written` is typed in: a capital makes a name ("Mixtrel" is
    Mixtral, which the question then names), capitals an acronym."""
    if written.isupper() and len(written) > 1:
        return fix.upper()
    if written[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix
