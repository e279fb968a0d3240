"""Reading a Korean word for the relevance gate: the part of it that could name a topic.

A Korean word (어절) is a stem with particles or endings glued on: "논문에서", "보여주면",
"개선됐나요". The lexical index reads Hangul as character bigrams, which matches a noun
whatever particle it carries, but the gate asks another question: which words of the
question *no paper contains*. Digests are written in formal prose, so the endings of
spoken questions ("올랐대", "바꿔서", "있잖아") are in none of them, and read as bigrams
they would count as unknown topics. This module reads a word by its grammar instead,
from the closed classes listed in `korean.txt` (particles, predicate endings, light
verbs, filler words, requests):

- a word with a case particle is a noun: the noun is the topic ("지진이" -> 지진);
- a syllable with the final consonant ㅆ (했, 됐, 었, 있) starts a predicate's ending;
- a word ending in a predicate ending is a predicate: its stem names no topic, unless it
  is a noun with a light verb ("진단하는" -> 진단, "개선됐나요" -> 개선);
- a word the archive already has (every bigram of it) is read as written;
- a light verb asked for ("요약해줘", "추려줘") names what to do, no topic.

Stemming with a morphological analyser (kiwipiepy) was measured and not shipped: loading
its model took 1.5 s and 0.5 GB before the first answer, past the `digest ask` budget.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "korean.txt"
_BASE, _FINALS = 0xAC00, 28
_SSANG_SIOT = 20  # index of the final consonant ㅆ in a precomposed Hangul syllable


@cache
def classes() -> dict[str, tuple[str, ...]]:
    """Section -> forms, longest first (a suffix is matched by its longest form)."""
    out: dict[str, list[str]] = {}
    section = ""
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, []).append(line)
    return {k: tuple(sorted(set(v), key=lambda s: (-len(s), s))) for k, v in out.items()}


# particles written only after a syllable that ends in a consonant (after a vowel: 가, 를,
# 는, 와, 로, 랑, 나, 라, 며, 란)
_AFTER_CONSONANT = ("이", "은", "을", "과", "으")


def _final(syllable: str) -> int:
    code = ord(syllable) - _BASE
    return code % _FINALS if 0 <= code < 11172 else -1


def _noun(stem: str, ending: str = "") -> str:
    """The noun of a predicate stem with a light verb ("진단하" -> 진단), else ''."""
    c = classes()
    if ending and any(ending.startswith(v) for v in c["light"]):
        noun = stem
    else:
        light = next((v for v in c["light"] if stem.endswith(v) and len(stem) > len(v)), None)
        if light is None:
            return ""
        noun = stem[: -len(light)]
    return noun if len(noun) > 1 and noun not in c["fillers"] else ""


def topical(word: str, known: Callable[[str], bool] = lambda w: False) -> str:
    """The part of a Korean word that could name a topic; '' when none does.

    `known(w)`: whether the archive has the word `w` (then it is read as written)."""
    c = classes()
    if word in c["fillers"] or len(word) < 2 or word.startswith("몇"):
        return ""  # "몇배", "몇개", "몇%": the question word 몇 with its counter
    if word in c["particles"]:
        return ""  # "DRAM보다", "SSD로부터": a particle glued to a Latin word
    if _request(word):
        return ""  # "요약해줘", "추려줘": what to do, no topic
    for particle in c["particles"]:
        if word.endswith(particle) and len(word) - len(particle) == 1 and len(particle) > 1:
            return ""  # "식으로", "값으로": a noun of one syllable weighs no term (not "식으")
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            noun = word[: -len(particle)]
            if particle.startswith(_AFTER_CONSONANT) and _final(noun[-1]) == 0:
                continue  # "서베이": 이 after a vowel is no particle (that is 가), the word's own
            if noun in c["fillers"]:
                return ""
            if not known(noun) and (past := _past(noun)) is not None:
                return past  # "뭐였는지도": a predicate, then 도
            if (light := _noun(noun)) and known(light):
                return light  # "업데이트하는": a noun the archive has, with a light verb
            if known(noun):
                return noun
            if light:
                return light  # "진단하는": a noun with a light verb and an ending
            if particle == "는" and _final(noun[-1]) == 0:
                # "지키는": 는 after a vowel is also the ending of a verb, whose noun a light
                # verb may carry ("재현하려는": 재현)
                return _ending_noun(word) or ""
            return noun
    if len(word) >= 3 and word[-1] in ("한", "된") and known(word[:-1]):
        return word[:-1]  # "적용한", "최적화된": a noun the archive has, with a light verb
    if (noun := _ending_noun(word)) and known(noun):
        return noun  # "필요할": a noun the archive has, with a light verb and an ending
    if known(word):
        return word
    if len(word) >= 3 and word[-1] in ("일", "인", "임") and known(word[:-1]):
        return word[:-1]  # "오답일 때", "모델인 경우", "모델임": a noun the archive has, with 이다
    if len(word) >= 3 and word[-1] == "용" and known(word[:-1]):
        return word[:-1]  # "검색용", "더빙용": for that
    if len(word) >= 3 and word[-1] == "기" and known(word[:-1]):
        return word[:-1]  # "일어서기", "생성기": a stem the archive has, made a noun with 기
    if (past := _past(word)) is not None:
        return past
    noun = _ending_noun(word)
    return word if noun is None else noun


def _ending_noun(word: str) -> str | None:
    """The noun a predicate carries before its (longest) ending ("진단하는": 진단; '' when it
    is none); None when the word has no ending of `korean.txt`."""
    for ending in classes()["endings"]:
        if word.endswith(ending) and len(word) > len(ending):
            return _noun(word[: -len(ending)], ending)
    return None


def asks_only(word: str) -> bool:
    """A word that surely names no topic, whatever the archive has: a request ("요약해줘",
    "추려줘") or the dependent noun 것 with 만 ("것만": only those). A predicate ("받았어")
    is left to `topical`, which weighs it with what the archive has."""
    return _request(word) or word in classes().get("only", ())


def _request(word: str) -> bool:
    return any(word.endswith(r) for r in classes().get("requests", ()))


def _past(word: str) -> str | None:
    """For a word with a syllable whose final consonant is ㅆ (했, 됐, 었, 있: a predicate's
    ending starts there), the noun of its stem, if any ('' when none); else None."""
    at = next((i for i, s in enumerate(word) if _final(s) == _SSANG_SIOT), None)
    if at is None:
        return None
    return _noun(word[:at], word[at:]) if at else ""
