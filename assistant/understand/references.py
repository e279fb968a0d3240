"""Which papers a question names: arXiv ids here; titles, names and handles in the catalog
(`Catalog.by_title`, `by_short_name`, `by_handle`); "the second one", "those", "그 논문"
through the previous answer's papers (`previous_refs`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ARXIV_ID = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")

# pointers back to the previous answer's papers, and ordinals that pick one of them
_ORDINALS = {
    1: r"first|1st|첫\s*번째|첫번째|1번",
    2: r"second|2nd|두\s*번째|두번째|2번",
    3: r"third|3rd|세\s*번째|세번째|3번",
    4: r"fourth|4th|네\s*번째|네번째|4번",
    5: r"fifth|5th|다섯\s*번째|5번",
    -1: r"last|마지막",
}
_ORDINAL = {
    n: re.compile(rf"\b(the\s+)?({p})(\s+(one|paper|of (them|those)))?\b|({p})", re.I)
    for n, p in _ORDINALS.items()
}
_PLURAL = re.compile(
    r"\b(those|these|them|both|all of them|each of them|the two|the papers)\b"
    r"|그\s*논문들|이\s*논문들|둘\s*다|두\s*논문|그것들|위\s*논문들",
    re.I,
)
_SINGULAR = re.compile(
    r"\b(it|its|this|that|the paper|this paper|that paper|the method|the model|that setup)\b"
    r"|그\s*논문|이\s*논문|해당\s*논문|위\s*논문|그것|이것",
    re.I,
)


def arxiv_ids(text: str) -> list[str]:
    return list(dict.fromkeys(ARXIV_ID.findall(text)))


def previous_refs(text: str, previous: Sequence[str]) -> list[str]:
    """The previous answer's papers the question points back to ([] when it points nowhere)."""
    if not previous:
        return []
    for n, pattern in _ORDINAL.items():
        if pattern.search(text):
            index = n - 1 if n > 0 else len(previous) - 1
            return [previous[index]] if 0 <= index < len(previous) else []
    if _PLURAL.search(text):
        return list(previous)
    if _SINGULAR.search(text):
        return list(previous[:1])
    return []
