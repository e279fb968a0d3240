"""Text rules shared by every layer: what counts as Korean."""

from __future__ import annotations

import re

HANGUL = re.compile(r"[\uac00-\ud7a3]")  # one Hangul syllable
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")


def is_korean(text: str) -> bool:
    """True when the text has any Hangul syllable (a Korean question or summary)."""
    return HANGUL.search(text) is not None
