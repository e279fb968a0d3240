"""Follow-ups rewritten into standalone questions before retrieval (offline rules).

With an LLM configured the rewrite is the model's (prompts/condense.md); offline, or when
the model fails, a rule-based rewrite carries the previous turn's papers: a pronoun ("it",
"this paper", "그 논문") becomes the paper's name, and an elliptical follow-up ("and on
MMLU?") gets the names appended. A question that names its own subject (a paper, an id, a
date) is left alone. The user's language is kept either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.text import is_korean
from assistant.understand.query import ARXIV_ID, dates_in

if TYPE_CHECKING:
    from assistant.index.catalog import Catalog

_EN_PRONOUN = re.compile(
    r"\b(this|that|the)\s+(paper|model|method|work|approach|one|framework|dataset|benchmark)\b"
    r"|\b(it|its|they|them|their|these|those|both)\b"
    r"|\b(that|this)\b(?=\s+(was|is|does|did|has|have|were|are|get|gets|got)\b|\s*[?.!]?\s*$)"
    r"|(?<=\b(was|are|did|has) )(that|this)\b|(?<=\b(is|do) )(that|this)\b"
    r"|(?<=\bwere )(that|this)\b|(?<=\bdoes )(that|this)\b",
    re.I,
)
_KO_PRONOUN = re.compile(r"(이|그|해당|위)\s*(논문|모델|방법|연구|것)|그것|이것|그들|둘")
_ELLIPTICAL = re.compile(r"^\s*(and|what about|how about|also|그리고|그럼|그러면)\b", re.I)


def _names(ids: Sequence[str], catalog: Catalog) -> str:
    names = [catalog.papers[i].label for i in ids if i in catalog.papers]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def rule_based_condense(question: str, previous_ids: Sequence[str], catalog: Catalog) -> str:
    """Rewrite a follow-up using the papers the previous answer cited."""
    if not previous_ids or _stands_alone(question, catalog):
        return question
    names = _names(previous_ids, catalog)
    if not names:
        return question
    korean = is_korean(question)
    pronoun = (_KO_PRONOUN if korean else _EN_PRONOUN).search(question)
    if pronoun:
        word = pronoun.group(0)
        repl = f"{names}'s" if word.lower() in ("its", "their") else names
        return question[: pronoun.start()] + repl + question[pronoun.end() :]
    if _ELLIPTICAL.search(question):
        return f"{question.rstrip()} ({names})"
    return question


def _stands_alone(question: str, catalog: Catalog) -> bool:
    """The question names its own subject: a paper, an id, a date or a handle."""
    return bool(
        catalog.by_title(question)
        or catalog.by_short_name(question)
        or catalog.by_handle(question)
        or ARXIV_ID.search(question)
        or dates_in(question) != (None, None)
    )
