"""How well Hangul reads Latin words: the archive's own bracketed loanwords as the test.

Korean digests write a term's English beside its Hangul ("게이트(gate)", "리파이너
(refiner)"). Of those pairs whose consonants Korean hears alike, this counts how many
read alike (at least `MIN_SIMILARITY`) and as no other of their words, with the letters
alone and with each of `hangul._HEARD`'s rules of how English vowels are heard (all of
them, and all but one): a rule stays when dropping it reads fewer alike, not more as
another word. The names a question writes in Hangul ("젠핸서": GenHancer) are read by
the same rules.

    DIGEST_STORE_DIR=<a store of the corpus> uv run python bench/hangul_readings.py
"""

from __future__ import annotations

import re
from collections import defaultdict
from unittest import mock

from rapidfuzz.fuzz import ratio

from assistant.config import Settings
from assistant.index import hangul
from assistant.index.catalog import Catalog


def _pairs() -> list[tuple[str, str]]:
    catalog = Catalog.load(Settings())
    rows = catalog.derived.renderings()
    words = [(ko, en) for ko, en, _ in rows if len(ko) >= 2 and re.fullmatch(r"[a-z]{3,}", en)]
    return sorted(set(words))


def score(pairs: list[tuple[str, str]]) -> tuple[int, int, int]:
    """(pairs of one consonant skeleton, read alike and as no other word, read as another)."""
    english = sorted({en for _, en in pairs})
    heard: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for en in english:
        for sounds in hangul.latin_readings(en):
            heard[hangul._consonants(sounds)].append((sounds, en))
    asked = alike = other = 0
    for ko, en in pairs:
        sounds = hangul.hangul_sounds(ko)
        scored: dict[str, float] = {}
        for theirs, word in heard.get(hangul._consonants(sounds), []):
            scored[word] = max(scored.get(word, 0.0), ratio(sounds, theirs) / 100)
        if en not in scored:
            continue
        asked += 1
        best = max(scored.values())
        top = [w for w, s in scored.items() if s == best]
        if best >= hangul.MIN_SIMILARITY:
            alike += top == [en]
            other += en not in top
    return asked, alike, other


def main() -> int:
    pairs = _pairs()
    rules = list(hangul._HEARD)
    print(f"{len(pairs)} bracketed loanword pairs; (heard alike, read alike, read as another)")
    with mock.patch.object(hangul, "_HEARD", []):
        print("letters alone       ", score(pairs))
    print("every rule          ", score(pairs))
    for i, (pattern, _) in enumerate(rules):
        with mock.patch.object(hangul, "_HEARD", rules[:i] + rules[i + 1 :]):
            print(f"without {pattern.pattern[:28]:28}", score(pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
