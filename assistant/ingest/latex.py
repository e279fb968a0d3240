"""LaTeX in paper titles, as plain Unicode: "LLM$\\times$MapReduce" -> "LLM×MapReduce",
"S$^2$R" -> "S²R", "$τ$-bench" -> "τ-bench", "\\textsc{AIEV-Instruct}" -> "AIEV-Instruct".

arXiv titles carry their TeX; the digests copy it. Shown as typed, "$\\nabla^2$DFT" is
noise, and a user who asks about "LLM×MapReduce" names no title the archive has. Only
what reads as TeX is converted (pylatexenc): a dollar pair around math, a macro; a price
("Earn $1 Million", "in $200k") stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

# a $...$ pair whose inside is math: a macro, a super- or subscript, a group, or a short
# symbol ("$n$", "$ε$", "$nσ$"), not a price ("$1 Million", "$200k")
_MATH = re.compile(r"\$(?P<body>[^$]*[\\^_{}][^$]*|[^\W\d_]{1,3}-?)\$")
_MACRO = re.compile(r"\\[A-Za-z]+\s*\{[^{}]*\}|\\[A-Za-z]+")
_SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SCRIPT = re.compile(r"(?P<mark>[\^_])(?:\{(?P<group>[^{}]*)\}|(?P<one>\w))")


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text  # imported only for a TeX title

    return LatexNodes2Text(math_mode="text")


def plain_title(title: str) -> str:
    """The title with its TeX as Unicode; unchanged when it has none."""
    if "$" not in title and "\\" not in title:
        return title
    out = _MATH.sub(lambda m: _math(m.group("body")), title)
    if _MACRO.search(out):
        out = _converter().latex_to_text(out)
    return re.sub(r"\s+", " ", out).strip()


def _math(body: str) -> str:
    """One math span as text: scripts as Unicode super- and subscripts where they exist."""
    body = _SCRIPT.sub(_script, body)
    return _converter().latex_to_text(body).strip() if "\\" in body else body.strip()


def _script(m: re.Match) -> str:
    text = m.group("group") if m.group("group") is not None else m.group("one")
    table = _SUPERSCRIPT if m.group("mark") == "^" else _SUBSCRIPT
    converted = text.translate(table)
    if converted != text and all(c not in converted for c in text if c.isascii() and c != " "):
        return converted  # every character has its script form
    return f"{m.group('mark')}{text}"  # "L_2" stays readable as written
