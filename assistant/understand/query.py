"""What a question asks for, beyond its words: intent, dates, arXiv ids, language.

Dates come from `dates.find_dates` (dateparser, relative to the newest digest), the intent
from `intents.classify` (nearest example phrasings), ids from `references`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.text import is_korean
from assistant.types import Filters
from assistant.understand import intents
from assistant.understand.dates import DateRange, find_dates
from assistant.understand.dates import strip_dates as _strip
from assistant.understand.references import ARXIV_ID, SUBJECT

__all__ = ["ARXIV_ID", "QuestionInfo", "analyse", "dates_in", "strip_dates"]

LISTING = ("list", "recent")  # intents that ask for every paper in a range


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    korean: bool
    arxiv_ids: tuple[str, ...]
    filters: Filters  # dates mentioned in the question (merged with explicit filters)
    wants_list: bool  # "which papers were in ..." style
    intent: str = "search"
    dates: DateRange = DateRange()


def dates_in(text: str, latest: str | None = None) -> tuple[str | None, str | None]:
    """The date range a question names, if any: (since, until)."""
    found = find_dates(text, latest)
    return found.since, found.until


def mask(text: str, found: DateRange) -> str:
    """The question with its dates and ids replaced by placeholders (for intent matching)."""
    text = SUBJECT.sub(" <paper> ", text)  # the papers a follow-up's rewrite names
    for words in found.spans:
        text = text.replace(words, " <date> ")
    return ARXIV_ID.sub(" <paper> ", text)


def analyse(
    question: str, filters: Filters | None = None, latest: str | None = None
) -> QuestionInfo:
    """Read the question's dates, ids and intent; explicit `filters` win over dates in text."""
    filters = filters or Filters()
    found = find_dates(question, latest)
    if found and not (filters.since or filters.until):
        filters = replace(filters, since=found.since, until=found.until)
    intent = intents.classify(mask(question, found)).name
    return QuestionInfo(
        text=question,
        korean=is_korean(question),
        arxiv_ids=tuple(dict.fromkeys(ARXIV_ID.findall(question))),
        filters=filters,
        wants_list=intent in LISTING,
        intent=intent,
        dates=found,
    )


def strip_dates(text: str, latest: str | None = None) -> str:
    """The question without its date expressions (dates act as filters, not as words)."""
    return _strip(text, find_dates(text, latest))
