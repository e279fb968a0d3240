"""Latin names written in Hangul: "딥시크" is DeepSeek, "엑사원" EXAONE.

Korean users write the models they talk about as they say them, while the digests write
their names in Latin letters, so "딥시크 R1 AIME 점수" matched no paper and was refused as
a question about an unknown word. A Hangul word is compared with a name as Korean
loanword spelling hears it: each syllable's consonants by the sound class Korean writes
for an English consonant (b, p, f, v: ㅂ/ㅍ; l, r: ㄹ; th: ㅅ; a y between consonants:
아이; a silent r after a vowel: "hyper" is 하이퍼), its vowels by their nearest English
vowel, and the ㅡ Korean puts between two consonants ("크" in 딥시크) left out. A name matches when both have the same consonants in
the same order, start alike (with a vowel or not), and read at least `MIN_SIMILARITY`
alike, vowels included (rapidfuzz's normalised Indel similarity); `LOOSE_SIMILARITY` for
the only name of a long consonant skeleton, whose vowels Korean writes loosely, when its
vowels fall between the same consonants.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from assistant.text import HANGUL_RUN, english_word

MIN_SYLLABLES = 3  # a shorter word ("라마", "소라") is too often an ordinary Korean word
MIN_LETTERS = 3  # a shorter name ("s1", "GR") is read from no Hangul word
MIN_SIMILARITY = 0.9  # of the two spellings, vowels included
LOANWORD_LETTERS = 8  # an English word this long as a name is heard as the word
# of a word of LONG_WORD syllables or more and a name with LONG_SKELETON consonants or
# more, the only one with them: Korean writes English vowels loosely ("훈위안프루버":
# HunyuanProver; a shorter word is too often a term: "마스크렛" is a masklet, no MaskLID)
LONG_WORD = 5
LONG_SKELETON = 4
LOOSE_SIMILARITY = 0.75
# a shorter word with a name's capitals glued after it ("레고GPT": LegoGPT): the capitals
# tell it from an ordinary word
GLUED_SYLLABLES = 2
LOAN_SYLLABLES = 4  # a loanword read as the English word it writes ("프롬프트": prompt)
LOAN_LETTERS = 5
LOAN_SIMILARITY = LOOSE_SIMILARITY
LOAN_MARGIN = 0.1  # nearer than the next word of the same consonants by this much
MAX_READINGS = 16  # ways a name is heard, at most


def _row(sounds: str) -> list[str]:
    """A table row: one sound per jamo, "_" for none."""
    return [s.strip("_") for s in sounds.split(" ")]


# the consonant class of each initial (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; ㅇ: silent)
_INITIAL = _row("k k n t t l m p p s s _ j j j k t p h")
# of each final (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ)
# (a final ㅅ is a t, as loanwords write one: 로봇, 컨트롤넷, 마스크렛)
_FINAL = _row("_ k k k n n n t l l l l l l l l m p p t s ng t t k t p h")
# the nearest English vowel of each medial (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ);
# none for ㅡ, the vowel Korean puts between two consonants
_VOWEL = _row("a e a e e e o e o a e e o u o e i u _ i i")
# an English spelling as Korean hears it, in order: digraphs, then soft c and g
_SOUNDS = [
    ("sch", "sk"), ("ph", "p"), ("th", "s"), ("ch", "j"), ("sh", "s"), ("ck", "k"), ("x", "ks"),
    ("q", "k"), ("ee", "i"), ("oo", "u"), ("ea", "i"), ("ou", "au"), ("aw", "o"), ("au", "o"),
    ("w", "u"), ("y", "i"),
]  # fmt: skip
_SOFT = [(re.compile(r"c(?=[ei])"), "s"), (re.compile(r"g(?=[ei])"), "j")]
_LONG_Y = re.compile(r"(?<=[^aeiouy])y(?=[^aeiouy])")  # "hyper", "python": 하이퍼, 파이썬
_SILENT_R = re.compile(r"r(?![aeiou])")  # "hyper" is 하이퍼
_CLASSES = str.maketrans("cgdbfvzr", "kktpppjl")
_REPEAT = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")
_HEAD = re.compile(r"[\s\-.\d:]")  # where a name's head ends ("DeepSeek-R1": DeepSeek)
# a name of a word and capitals ("Mask-DPO", "LegoGPT"; not "ReasonMed", "GPT")
_CAPITALS_TAIL = re.compile(r"(?P<head>[A-Z][a-z]+-?)(?P<tail>[A-Z]{2,}\d*)")


def hangul_sounds(word: str) -> str:
    """A Hangul word as Korean loanword spelling writes English sounds ("딥시크": tipsik)."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out += [_INITIAL[code // 588], _VOWEL[(code % 588) // 28], _FINAL[code % 28]]
    return _REPEAT.sub(r"\1", "".join(out))


def latin_sounds(name: str) -> str:
    """A Latin name's sounds as Korean hears them ("DeepSeek": tipsik)."""
    text = _LONG_Y.sub("ai", re.sub(r"[^a-z]", "", name.lower()))
    text = text.replace("tion", "sion")  # "-tion" is 션 ("어텐션")
    for spelled, sound in _SOUNDS:
        text = text.replace(spelled, sound)
    for pattern, sound in _SOFT:
        text = pattern.sub(sound, text)
    text = _SILENT_R.sub("", text).replace("c", "k")
    return _REPEAT.sub(r"\1", text.translate(_CLASSES))


_C = "bcdfghjklmnpqrstvwxzSJ"  # a consonant letter (S, J: a soft c, a soft g), for the rules of how English vowels are heard
# How English spelling sounds otherwise than its letters, as Korean loanwords write it
# (each a reading besides the letters': a name may be said either way). Each was kept as
# it made more of the archive's own bracketed loanwords ("게이트(gate)", "리파이너
# (refiner)", "바이너리(binary)") read alike, and few read as another word; see
# `bench/hangul_readings.py` for the count.
_HEARD = [
    (re.compile(r"a[iy]"), "ei"),  # "claim", "layout": 클레임, 레이아웃
    (re.compile(rf"(?<=[{_C}])i(?=[{_C}][aeiou])"), "ai"),  # "binary": 바이너리
    (re.compile(rf"^([{_C}])e(?=[{_C}][aeiou])"), r"\1i"),  # "refiner", "debate": 리, 디
    (re.compile(rf"a([{_C}])e$"), r"ei\1"),  # "gate", "trace": 게이트, 트레이스
    (re.compile(rf"([{_C}])e$"), r"\1"),  # a silent e: "code", 코드
    (re.compile(rf"a(?=[{_C}](?:[{_C}]|$))"), "e"),  # "hand", "packet": 핸드, 패킷
    (re.compile(rf"(?<=[{_C}])a(?=[{_C}][aeiou])"), "ei"),  # "data", "paper": 데이터
    (re.compile(rf"u(?=[{_C}](?:[{_C}]|$))"), "e"),  # "cut", "submit": 컷, 서브밋 (ㅓ)
    (re.compile(r"(?<=[aeiou])s(?=[aeiou])"), "z"),  # "reason", "visual": 리즌, 비주얼
]
_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")  # "GenHancer": Gen, Hancer


def latin_readings(name: str) -> set[str]:
    """The ways Korean may hear a Latin name: its letters (`latin_sounds`), and, word by
    word of it ("OLMoTrace": OL, Mo, Trace), with English vowels as they are often heard
    (`_HEARD`: "OLMoTrace" 올모트레이스, "GenHancer" 젠핸서, "CodeARC" 코드아크)."""
    readings = [""]
    for part in _PARTS.findall(name) or [name]:
        word = part.lower()
        # (a soft c or g read before a silent e goes, kept apart from the letters s and j
        # until the end: "place" has no z)
        word = re.sub(r"g(?=[eiy])", "J", re.sub(r"c(?=[eiy])", "S", word))
        # (and a hard one as k, which no e a rule leaves after it softens: "gate" 게이트)
        word = re.sub(r"g(?!h)", "k", re.sub(r"c(?![hk])", "k", word))
        heard = {word}
        for pattern, sound in _HEARD:
            heard |= {pattern.sub(sound, w) for w in heard}
        readings = [r + w for r in readings for w in sorted(heard)][:MAX_READINGS]
    return {latin_sounds(name)} | {
        latin_sounds(r.replace("S", "s").replace("J", "j")) for r in readings
    }


def _shape(sounds: str) -> str:
    """Where vowels fall between the consonants ("pitkoin": CVCCVC): "비트코인" writes no
    vowel between t and k, as VideoCon (CVCVCVC) does."""
    return re.sub(r"[aeiou]+", "V", re.sub(r"[^aeiou]", "C", sounds))


def _consonants(sounds: str) -> str:
    return _REPEAT.sub(r"\1", _VOWELS.sub("", sounds))


class HangulNames:
    """The names of `names` (Latin, as the papers write them) a Hangul word writes."""

    def __init__(self, names: Iterable[str]):
        """`names`: as written ("DeepSeek-R1", "EXAONE 3.5"); each is read by its head too,
        and a hyphenated one by its words together ("Mini-Omni" is 미니옴니) when no name
        or head sounds so ("rStar-Coder" joined is no rival of StarCoder's 스타코더). A
        word of the language is no name to hear: 인플레이션 is inflation, not the head of
        "Inflation with Diffusion" (a long word: `LOANWORD_LETTERS`)."""
        self._direct = _Sounds()
        self._joined = _Sounds()
        self._words = _Sounds(words=True)
        self._heads: dict[str, _Sounds] = defaultdict(_Sounds)  # by the capitals they end in
        for n in dict.fromkeys(names):
            for spelt in {n, _HEAD.split(n, 1)[0]}:
                self._direct.add(spelt, spelt)
                self._words.add(spelt, spelt)
            self._joined.add(n.replace("-", ""), n)
            if m := _CAPITALS_TAIL.fullmatch(n):
                head = m["head"].rstrip("-")
                self._heads[m["tail"]].add(head, m["head"], least=GLUED_SYLLABLES)

    def name_of(self, word: str, versioned: bool = False, letters: bool = False) -> str | None:
        """The one name the Hangul `word` writes, if any; `versioned`: a version or size
        follows it, which makes a word a model's name too ("트릴리온 7B": Trillion 7B);
        `letters`: read by the names' letters only (a word that reads as a predicate,
        "들어있어", is heard as a name only so: it had been TRACE)."""
        if len(word) < MIN_SYLLABLES or not HANGUL_RUN.fullmatch(word):
            return None
        found = self._direct.name_of(word, letters) or self._joined.name_of(word, letters)
        return found or (self._words.name_of(word, letters) if versioned else None)

    def head_of(self, word: str, capitals: str) -> str | None:
        """The head of the one name that the Hangul `word` writes with the capitals glued
        after it ("마스크DPO": "Mask-", of Mask-DPO; "레고GPT": Lego, of LegoGPT), if any."""
        if len(word) < GLUED_SYLLABLES or not HANGUL_RUN.fullmatch(word):
            return None
        heads = self._heads.get(capitals)
        return heads.name_of(word) if heads is not None else None


class LoanWords:
    """English words written in Hangul as Korean loanwords ("매니퓰레이션": manipulation,
    "텔레오퍼레이션": teleoperation): a source of renderings (`Learned`), read by the same
    sounds as names, of the papers' plain words; a word of `LOAN_SYLLABLES` or more
    only (a shorter one is too often heard in a word of its own: "스위트" is no "third")."""

    def __init__(self, words: Iterable[str]):
        self._sounds = _Sounds(words=None)
        for w in words:
            self._sounds.add(w, w, least=LOAN_LETTERS)

    def __bool__(self) -> bool:
        return True

    def get(self, word: str, default: str | None = None) -> str | None:
        """The English word, when it reads at least `LOAN_SIMILARITY` alike and clearly
        nearer than any other word of its consonants (Korean writes English vowels
        loosely: "텔레오퍼레이션" is teleoperation, not deliberation)."""
        if len(word) < LOAN_SYLLABLES or not HANGUL_RUN.fullmatch(word):
            return default
        scored = sorted(self._sounds.scored(word).items(), key=lambda kv: -kv[1])
        if not scored or scored[0][1] < LOAN_SIMILARITY:
            return default
        if len(scored) > 1 and scored[0][1] - scored[1][1] < LOAN_MARGIN:
            return default
        return scored[0][0]


class _Sounds:
    """Names by the consonants Korean hears in them."""

    def __init__(self, words: bool | None = False) -> None:
        """`words`: of the names that are long words of the language, only those (None:
        any word)."""
        self._by_consonants: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._letters: set[tuple[str, str]] = set()  # (sounds, name) read by the letters
        self._words = words

    def add(self, spelt: str, name: str, least: int = MIN_LETTERS) -> None:
        if len(spelt) < least or not (spelt.isascii() and spelt.isalpha()):
            return
        long_word = len(spelt) >= LOANWORD_LETTERS and english_word(spelt.lower())
        if self._words is not None and long_word != self._words:
            return  # a long word of the language, which Korean writes as a loanword
            # ("Inflation", "Reflection"); a short one is a brand's name (Gemini, Falcon)
        self._letters.add((latin_sounds(spelt), name))
        for sounds in sorted(latin_readings(spelt)):
            if (sounds, name) not in self._by_consonants[_consonants(sounds)]:
                self._by_consonants[_consonants(sounds)].append((sounds, name))

    def scored(self, word: str) -> dict[str, float]:
        """Each name of the Hangul word's consonants that starts alike (with a vowel or
        not) -> how alike the two read, vowels included."""
        return self._scored(hangul_sounds(word))

    def _scored(self, sounds: str, letters: bool = False) -> dict[str, float]:
        """(`letters`: by each name's letters only, not as English vowels are heard.)"""
        from rapidfuzz.fuzz import ratio

        scored: dict[str, float] = {}
        for theirs, name in self._by_consonants.get(_consonants(sounds), []):
            if letters and (theirs, name) not in self._letters:
                continue
            if bool(_VOWELS.match(theirs)) == bool(_VOWELS.match(sounds)):  # start alike
                scored[name] = max(scored.get(name, 0.0), ratio(sounds, theirs) / 100)
        return scored  # (of a name's readings, the nearest)

    def name_of(self, word: str, letters: bool = False) -> str | None:
        sounds = hangul_sounds(word)
        heard = self._by_consonants.get(_consonants(sounds), [])
        scored = self._scored(sounds, letters)
        best = max(scored.values(), default=0.0)
        found = [n for n, s in scored.items() if s == best]
        if len({n.lower() for n in found}) != 1:
            return None  # none, or two as near (one name in two cases is one)
        if best < MIN_SIMILARITY and not (
            len({n.lower() for n in scored}) == 1  # the only name of its consonants
            and len(word) >= LONG_WORD
            and len(_consonants(sounds)) >= LONG_SKELETON
            and best >= LOOSE_SIMILARITY
            and any(_shape(t) == _shape(sounds) for t, n in heard if n in found)
        ):
            return None  # not near enough
        return found[0]


def spells(word: str, name: str) -> bool:
    """Whether the Hangul `word` spells the Latin `name` as Korean hears it ("리캠마스터":
    ReCamMaster, "스누피": SNOOPI; not "재렌더링" nor "언러닝": words of their own), its
    consonants the same and the two reading `LOOSE_SIMILARITY` alike."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    sounds = _Sounds(words=None)
    sounds.add(letters, name, least=1)
    return sounds.scored(word).get(name, 0.0) >= LOOSE_SIMILARITY
