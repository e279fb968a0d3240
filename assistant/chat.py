"""Multi-turn chat: follow-ups are rewritten into standalone questions before retrieval.

With an LLM configured the rewrite is the model's (prompts/condense.md); offline, or when
the model fails, a rule-based rewrite carries the previous turn's papers: a pronoun ("it",
"this paper", "그 논문") becomes the paper's name, and an elliptical follow-up ("and on
MMLU?") gets the names appended. A question that names its own subject (a paper, an id, a
date) is left alone. The user's language is kept either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .extractive import short_title
from .query import ARXIV_ID, dates_in

if TYPE_CHECKING:
    from .answer import Answer
    from .api import Assistant
    from .catalog import Catalog

_EN_PRONOUN = re.compile(
    r"\b(this|that|the)\s+(paper|model|method|work|approach|one|framework|dataset|benchmark)\b"
    r"|\b(it|its|they|them|their|these|those|both)\b"
    r"|\b(that|this)\b(?=\s+(was|is|does|did|has|have|were|are|get|gets|got)\b|\s*[?.!]?\s*$)"
    r"|(?<=\b(was|are|did|has) )(that|this)\b|(?<=\b(is|do) )(that|this)\b"
    r"|(?<=\bwere )(that|this)\b|(?<=\bdoes )(that|this)\b",
    re.I,
)
_KO_PRONOUN = re.compile(r"(이|그|해당|위)\s*(논문|모델|방법|연구|것)|그것|이것|그들|둘")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ELLIPTICAL = re.compile(r"^\s*(and|what about|how about|also|그리고|그럼|그러면)\b", re.I)


@dataclass
class Turn:
    question: str
    standalone: str
    answer: Answer


def _names(ids: Sequence[str], catalog: Catalog) -> str:
    names = [short_title(catalog.papers[i]) for i in ids if i in catalog.papers]
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
    korean = bool(_HANGUL.search(question))
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


@dataclass
class Conversation:
    """A chat with history; each `ask` sees the turns before it."""

    assistant: Assistant
    filters: dict = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)

    @property
    def history(self) -> list[tuple[str, str]]:
        return [(t.question, t.answer.text) for t in self.turns]

    def previous_papers(self) -> list[str]:
        """Papers the last answered turn cited (or retrieved first), most relevant first."""
        for turn in reversed(self.turns):
            if turn.answer.refused:
                continue
            cited = [c.arxiv_id for c in turn.answer.citations]
            if not cited and turn.answer.sources:
                cited = [turn.answer.sources[0].arxiv_id]
            # a focused answer is about its first paper; keep at most two for "compare them"
            return cited[:2] if len(cited) > 1 and _asks_plural(turn.question) else cited[:1]
        return []

    def condense(self, question: str) -> str:
        if not self.turns:
            return question
        return self.assistant.condense(question, self.history, self.previous_papers())

    def ask(self, question: str, **options) -> Answer:
        standalone = self.condense(question)
        answer = self.assistant.ask(standalone, **{**self.filters, **options})
        answer.question, answer.standalone_question = question, standalone
        self.turns.append(Turn(question, standalone, answer))
        return answer

    def stream(self, question: str, **options):
        """Like `ask`, streaming: yields text chunks, then the final `Answer`."""
        standalone = self.condense(question)
        answer = None
        for item in self.assistant.stream(standalone, **{**self.filters, **options}):
            if isinstance(item, str):
                yield item
            else:
                answer = item
        answer.question, answer.standalone_question = question, standalone
        self.turns.append(Turn(question, standalone, answer))
        yield answer


def _asks_plural(question: str) -> bool:
    return bool(re.search(r"\b(papers|compare|which|both|them)\b|논문들|비교", question, re.I))
