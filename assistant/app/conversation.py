"""A conversation: each question sees the turns before it (`Assistant.chat()`).

Follow-ups are rewritten into standalone questions before retrieval: by the model when one
is configured (prompts/condense.md), else by `assistant.understand.condense`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answer.citations import Answer
    from assistant.app.api import Assistant


@dataclass
class Turn:
    question: str
    standalone: str
    answer: Answer


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
