"""What a question asks for, beyond its words: dates, arXiv ids, list intent, language.

Relative dates ("this month", "latest digest") are read relative to the newest digest in
the store, not the wall clock: the digests are the assistant's whole world.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assistant.text import is_korean
from assistant.types import Filters

ARXIV_ID = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b(?!-)")
_KO_DAY = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_KO_MONTH = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_EN_MONTH = re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.I)
# "which ... papers", "papers ... in ... digest": word after word, each found by one
# left-to-right search (a single ".*"-joined pattern backtracked cubically on long input)
_LIST_STEPS = (
    (re.compile(r"\b(what|which|list|all|show)\b", re.I), re.compile(r"\bpapers\b", re.I)),
    (
        re.compile(r"\bpapers\b", re.I),
        re.compile(r"\b(were|in|on|from)\b", re.I),
        re.compile(r"\bdigest", re.I),
    ),
)
_LIST_KO = re.compile(r"논문(들)?\s*(은|을|이|목록|리스트)|어떤\s*논문|무슨\s*논문")
_RELATIVE = {
    "latest": re.compile(r"\b(today|latest digest|most recent digest)\b|오늘|최신", re.I),
    "week": re.compile(r"\bthis week\b|이번\s*주", re.I),
    "month": re.compile(r"\bthis month\b|이번\s*달", re.I),
}


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    korean: bool
    arxiv_ids: tuple[str, ...]
    filters: Filters  # dates mentioned in the question (merged with explicit filters)
    wants_list: bool  # "which papers were in ..." style


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(y: int, m: int) -> tuple[str, str] | None:
    if not 1 <= m <= 12:
        return None
    return date(y, m, 1).isoformat(), date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def dates_in(text: str, latest: str | None = None) -> tuple[str | None, str | None]:
    """The date range a question names, if any: (since, until)."""
    for pattern in (_ISO_DAY, _KO_DAY):
        if m := pattern.search(text):
            day = _day(*map(int, m.groups()))
            if day:
                return day, day
    if m := _EN_DAY.search(text):
        day = _day(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        if day:
            return day, day
    for pattern in (_ISO_MONTH, _KO_MONTH):
        if (m := pattern.search(text)) and (span := _month(*map(int, m.groups()))):
            return span
    m = _EN_MONTH.search(text)
    if m and (span := _month(int(m.group(2)), _MONTHS[m.group(1).lower()])):
        return span
    if latest:
        last = date.fromisoformat(latest)
        if _RELATIVE["latest"].search(text):
            return latest, latest
        if _RELATIVE["week"].search(text):
            return (last - timedelta(days=6)).isoformat(), latest
        if _RELATIVE["month"].search(text):
            return _month(last.year, last.month)
    return None, None


def analyse(
    question: str, filters: Filters | None = None, latest: str | None = None
) -> QuestionInfo:
    """Read the question's dates, ids and intent; explicit `filters` win over dates in text."""
    filters = filters or Filters()
    since, until = dates_in(question, latest)
    if since and not (filters.since or filters.until):
        filters = replace(filters, since=since, until=until)
    return QuestionInfo(
        text=question,
        korean=is_korean(question),
        arxiv_ids=tuple(dict.fromkeys(ARXIV_ID.findall(question))),
        filters=filters,
        wants_list=wants_list(question),
    )


def _in_order(text: str, steps) -> bool:
    pos = 0
    for step in steps:
        match = step.search(text, pos)
        if match is None:
            return False
        pos = match.end()
    return True


def wants_list(question: str) -> bool:
    """True for "which papers were in ..." style questions (linear in the question)."""
    if _LIST_KO.search(question):
        return True
    return any(_in_order(question, steps) for steps in _LIST_STEPS)


def strip_dates(text: str) -> str:
    """The question without its date expressions (dates act as filters, not as words)."""
    for pattern in (
        _ISO_DAY,
        _KO_DAY,
        _EN_DAY,
        _ISO_MONTH,
        _KO_MONTH,
        _EN_MONTH,
        *_RELATIVE.values(),
    ):
        text = pattern.sub(" ", text)
    return text
