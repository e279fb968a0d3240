"""The dates a question names, read by `dateparser` in English and Korean, as a range.

Relative to the newest digest in the store, never the wall clock: "today", "latest" and
"오늘" are the newest digest's day; "this week" the seven days up to it; "last week" the
seven before; "this month" its month; "recent" / "최근" the 30 days up to it; "the earliest
digest" / "가장 오래된 다이제스트" the oldest digest's day. A date
without a year ("Sept 3", "8월 14일") is the newest such date on or before the newest
digest, or of an earlier year when that day has no digest and the earlier one has
(`in_the_store`). Each date's period (day, week, month, year) comes from dateparser's own
parser, so "2025년 2월" is the whole of February. Several dates ("August and September 2025",
"Nov-Dec 2024") read as the span from the first to the last; a trailing year applies to
the months written without one.

dateparser takes about a second to import and a third of a second on its first call: it
is imported only when a question carries a date cue (a digit, a month name, a date word).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from assistant.text import english_word
from assistant.understand.references import ARXIV_ID
from assistant.understand.slots import slot_rows

RECENT_DAYS = 30  # what "recent" / "최근" covers, up to the newest digest
_MONTH_WORDS = sorted(
    {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m} | {"sept"},
    key=len,
    reverse=True,
)
# cheap cues that a question may carry a date: without one, dateparser is not even imported
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_CUE = re.compile(
    rf"\d|\b({'|'.join(_MONTH_WORDS)}|{_WEEKDAYS})\b"
    r"|\b(today|yesterday|week|month|year|days?|ago)\b"
    r"|[년월일주달]|오늘|어제",
    re.I,
)
# a dateparser match counts only when it has one of these (not "a 1" in "a 1.58-bit model")
_DATE_LIKE = re.compile(
    rf"\b({'|'.join(_MONTH_WORDS)}|{_WEEKDAYS})\b|\b(19|20)\d\d\b|\d{{4}}-\d\d|[년월일]|오늘|어제|주|달"
    r"|\b(today|yesterday|week|month|year|days?|ago)\b",
    re.I,
)
_BARE_ABBREVIATION = re.compile(
    r"(?:(?:in|on|from|about|of)\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?",
    re.I,
)
_DAY_OR_MONTH = r"[\w.]+(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?"
_BETWEEN = re.compile(
    rf"\b(?:between|from)\s+({_DAY_OR_MONTH})\s+(?:and|to|until|through|till)\s+"
    rf"({_DAY_OR_MONTH}(?:\s+(?:{'|'.join(_MONTH_WORDS)})\b\.?(?:\s+\d{{4}})?)?)",
    re.I,
)
BORROWED_SPAN = 180  # days: dates spanning more, one year written, are read again in it
_KO_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*년(?!\s*\d{1,2}\s*월)")
_YEAR = re.compile(r"\b(19|20)\d\d\b|\d{4}\s*년|\d{4}-\d\d")
# "Nov-Dec", "April/May 2024" -> "Nov and Dec", "April and May 2024"
_WORD_DASH = re.compile(r"(?<=[^\W\d_])\s*[-–/]\s*(?=[^\W\d_])")
# a comma before a word ends the dates' clause: dateparser reads "In October and November
# 2024, which papers" as 2024 alone, and "...2024; which papers" as the two months
_CLAUSE_COMMA = re.compile(r",(?=\s+[^\W\d_])")
# "one" as a pronoun ("the one from May 20", "which one"), not a count of a period
_ONE = re.compile(r"\bones?\b(?!\s+(?:days?|weeks?|months?|years?)\b)", re.I)
# words dateparser does not read as dates, relative to the newest digest
_LATEST = re.compile(
    r"\b(latest|newest|most recent)\b|최신|(?:가장|제일|젤)\s*최근"
    # with no dates of its own, the last digest is the newest ("when was the last English
    # digest?", "한국어 다이제스트 마지막 날"; "the last digest of 2024" picks within 2024)
    r"|\blast(?=\s+(?:(?:english|korean)\s+)?(?:digest|issue)s?\b)"
    r"|마지막(?=\s*(?:(?:한국어|영어)\s*)?(?:다이제스트|날)(?![가-힣]*\s*(?:부터|이후)))",
    re.I,
)
# the oldest digest's day: "the earliest digest", "가장 오래된 다이제스트", "첫 다이제스트"
# ("the first Korean digest": the router picks the oldest in that language)
# (the span is the adjective: "digest" stays for the intent, as with "the latest digest")
_EARLIEST = re.compile(
    r"\b(?:earliest|oldest|first)(?=\s+(?:(?:english|korean)\s+)?(?:digest|day|issue)s?\b)"
    r"|(?:(?:가장|제일|젤)\s*(?:오래된|처음|먼저|이른)|첫(?:\s*번째)?)"
    r"(?=\s*(?:(?:한국어|영어)\s*)?(?:다이제스트|날)(?!\S*\s*(?:부터|이후)))",
    re.I,
)
# a clause of its own that asks which of the rest is the newest (or oldest): after another
# clause (", and ...", "...고", "? ..."), its word is the clause's last but a pronoun and a
# verb ("..., and which is the newest?", "..., and the latest one?", "... 있고 가장 최근 건
# 언제야?"); "which is the newest Korean digest?" names what it narrows to
_NEWEST_WORD = r"latest|newest|most\s+recent|earliest|oldest|first|last"
_OLDEST_WORD = re.compile(r"earliest|oldest|first|오래된|처음|먼저|첫", re.I)
_WHICH_NEWEST = re.compile(
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+|[?.]\s+)(?:which|what|when)(?:\s+(?:one|date|day))?"
    r"\s+(?:is|was|'s|are|were)\s+(?:the\s+)?|(?:,\s*|\s+)and\s+the\s+)"
    rf"(?P<cue>{_NEWEST_WORD})(?:\s+ones?)?\s*(?=[?.!]|$)"
    r"|(?:고|[?.,])\s+(?P<ko>(?:가장|제일|젤)\s*(?:최근|최신|오래된|처음|먼저)|최신|마지막|첫)"
    # (a verb between: "제일 처음 나온 건 언제야?")
    r"(?:\s*[가-힣]*(?:온|된|린|간|난))?"
    r"\s*(?:건|거|것|게|날|번째)?\s*(?:은|는|이|가)?\s*(?:언제|뭐|무엇|어느\s*날)[^?.!]*",
    re.I,
)


def without_newest_clause(text: str) -> str:
    """`text` without the clause that asks which is the newest ("how many Korean digests
    are there, and which is the newest?" -> "how many Korean digests are there?")."""
    m = _WHICH_NEWEST.search(text)
    return text if m is None else text[: m.start()] + text[m.end() :]


# the newest digest of a range: "the last digest of 2024", "2024년 마지막 다이제스트"
_LAST_OF = re.compile(
    r"\b(?:last|final|latest|newest)(?=\s+(?:digest|issue)s?\s+(?:of|in)\b)"
    r"|마지막(?=\s*(?:다이제스트|날))",
    re.I,
)
# a single date that opens a range up to the newest digest: "since Jan 2025", "2월 이후"
_OPEN_BEFORE = r"\b(?:since|after|starting(?:\s+(?:from|in|on))?)"
_OPEN_AFTER = r"(?:부터|이후|이래)(?!\s*\S*까지)"
# ... or closes one from the oldest: "before March 2025", "until 2024-12-31", "2월 이전"
_CLOSE_BEFORE = r"\b(?:before|prior\s+to|until|till|up\s+to|through)"
_CLOSE_AFTER = r"(?:\s*이전|\s*전까지|까지)"
# ... or is a day's neighbourhood: "around Christmas 2024", "12월 25일 즈음" (AROUND_DAYS each side)
_AROUND_BEFORE = r"\b(?:around|circa|close\s+to|near)"
_AROUND_AFTER = r"(?:\s*(?:즈음|무렵|쯤|전후|언저리))"
AROUND_DAYS = 3
_RECENT = re.compile(r"\b(recent|recently|lately|these days)\b|최근|요즘", re.I)
# what the asker has been doing lately, in the clause after the word: "요즘 video LMM을
# 설계하고 있는데" (no subject: their own doing; not "논문이 많이 나오고 있는데"),
# "lately I've been fine-tuning ...": their own context, no papers' dates
_OWN_DOING = re.compile(
    r"(?P<clause>[^?.!,]{0,60}?)(?:\S고\s*있(?:는데|어서|어요|습니다|었는데|거든)|\S는\s*중(?:인데|이에요|입니다)"
    r"|\S중인데)|[^?.!,]{0,60}?\b(?:I|we)(?:'m|\s+am|'re|\s+are|'ve\s+been|\s+have\s+been)\s+[\w-]+ing\b",
    re.I,
)
# verbs of papers or work appearing, lately: what others do ("나오고 있는데", "뜨고 있는데")
_APPEARING = re.compile(r"(?:나오|뜨|쏟아지|늘어나|많아지|되|유행하)고\s*있")
_SUBJECT = re.compile(r"[가-힣A-Za-z0-9](?:이|가)(?=\s)")  # ... and a subject: "논문이"


def _own_doing(text: str, end: int) -> bool:
    """Whether the clause after a recency word (ending at `end`) says what the asker has
    been doing: an English "I have been ...ing", or a Korean one with no subject of its own
    ("요즘 video LMM을 설계하고 있는데", not "요즘 Mamba가 뜨고 있는데")."""
    m = _OWN_DOING.match(text, end)
    if m is None:
        return False
    clause = m["clause"]
    if clause is None:  # ("I have been ...ing")
        return True
    # (an object often goes without its particle: "요즘 RAG 시스템 만들고 있는데"; papers
    # appearing are others' doing: "요즘 논문 많이 나오고 있는데")
    return not _SUBJECT.search(clause) and not _APPEARING.search(m.group(0))


_MONTHS = "|".join(_MONTH_WORDS)
_YY = r"(?:19|20)?\d\d"  # a year, maybe written with two digits ("24년", "'24")
_ORD = r"(?:st|nd|rd|th)?"
_NTH = "first|second|third|fourth|1st|2nd|3rd|4th"
_RANGE_JOINER = r"(?:to|through|thru|until|till|and|into)"
_NTH_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
# Written forms dateparser's search misses, rewritten (in one pass) to forms it reads; the
# words they came from are what a range's spans name. Each is a way of writing any date:
_FORM_SOURCE = (
    # a day range whose second end borrows the first's month and year ("4월 29일부터 30일까지",
    # "12월 2일~6일", "5월 20~25일"); the second end may name its own month ("1월 30일부터 2월
    # 2일까지")
    rf"(?:(?P<y>{_YY})\s*년\s*)?(?P<m>\d{{1,2}})\s*월\s*(?P<d>\d{{1,2}})\s*(?:일\s*)?"
    rf"(?:부터|에서|~|–|-)\s*(?:(?P<y2>{_YY})\s*년\s*)?(?:(?P<m2>\d{{1,2}})\s*월\s*)?"
    # (its year may follow, in brackets: "4월 17일부터 19일(2024년)까지")
    rf"(?P<d2>\d{{1,2}})\s*일(?:\s*\(\s*(?P<y3>{_YY})\s*년?\s*\))?(?:\s*까지|\s*사이(?:에)?)?"
    # a month range ("2024년 10~11월", "8월~9월", "2024년 12월~2025년 1월", "10월부터 11월까지")
    # and a list of months after one year ("2025년 8월, 9월": both months are 2025's)
    rf"|(?:(?P<ry>{_YY})\s*년\s*)?(?P<rm>\d{{1,2}})\s*(?:월\s*)?(?:부터|~|–|-)\s*"
    rf"(?:(?P<ry2>{_YY})\s*년\s*)?(?P<rm2>\d{{1,2}})\s*월(?!\s*\d{{1,2}}\s*일)(?:\s*까지|\s*사이(?:에)?)?"
    rf"|(?P<kly>{_YY})\s*년\s*(?P<km>\d{{1,2}})\s*월\s*(?:,|과|와|및|하고|이랑|랑)\s*(?P<km2>\d{{1,2}})\s*월"
    r"(?!\s*\d{1,2}\s*일)"
    # "April 17 to April 19, 2024": the year written once, at the end, is both ends'
    rf"|\b(?:between\s+)?(?P<fmon>{_MONTHS})\.?\s+(?P<fmd>\d{{1,2}}){_ORD}\s*(?:[-–~]|\s{_RANGE_JOINER}\s)\s*"
    rf"(?P<lmon>{_MONTHS})\.?\s+(?P<lmd>\d{{1,2}}){_ORD},?\s+(?P<lmy>(?:19|20)\d\d)\b"
    # "July 15-19", "Dec 2 – 6", "April 17 to 19 (2024)": the second day is in the same
    # month (and year); "Jan 10 and 12" too, from one to the other (dateparser had read
    # 2012-01-10)
    rf"|\b(?:between\s+)?(?P<mon>{_MONTHS})\.?\s+(?P<md>\d{{1,2}}){_ORD}\s*(?:[-–~]|\s{_RANGE_JOINER}\s)\s*"
    rf"(?P<md2>\d{{1,2}}){_ORD}\b(?!\s*(?:{_MONTHS}|days?|weeks?|months?|years?|other)\b|[:.,]\d)"
    r"(?:,?\s*\(?(?P<mdy>(?:19|20)\d\d)\)?)?"
    # "15-19 July": the first day is in the second's month
    rf"|\b(?P<dm>\d{{1,2}}){_ORD}\s*[-–~]\s*(?P<dm2>\d{{1,2}}){_ORD}\s+(?P<mon2>{_MONTHS})\b"
    # "2025-02-20~2025-02-26", "2025-02-20 – 2025-02-26": two whole dates, a range
    r"|(?P<i1>\d{4}-\d\d-\d\d)\s*(?:~|–|—|-|부터)\s*(?P<i2>\d{4}-\d\d-\d\d)(?:\s*까지)?"
    r"(?:에는|엔|에|의|은|는|도)?"
    # dotted, the second end borrowing the first's year (and month): "2024.6.10 ~ 7.5",
    # "2024.06.10~06.20", "2024.6.10~20"
    rf"|(?<![\d.])(?P<dy>{_YY})\.(?P<dmo>1[0-2]|0?[1-9])\.(?P<dd>[12]\d|3[01]|0?[1-9])\.?\s*"
    r"(?:~|–|—|부터)\s*(?:(?P<dmo2>1[0-2]|0?[1-9])\.)?(?P<dd2>[12]\d|3[01]|0?[1-9])\.?(?![\d.]?\d)"
    r"(?:\s*(?:까지|사이(?:에)?))?"
    # a dotted year's months, a range: "2024.11~12", "2024.3-5월"
    r"|(?<![\d.])(?P<dry>(?:19|20)\d\d)\.(?P<drm>1[0-2]|0?[1-9])\s*(?:~|–|-)\s*"
    r"(?P<drm2>1[0-2]|0?[1-9])월?(?![\d.]?\d)(?:\s*(?:까지|사이(?:에)?))?"
    # a whole numeric date with a Korean particle on it ("2024.01.11에", "2024-10-23의"):
    # written ISO with the particle apart, as dateparser reads it
    r"|(?<![\d.])(?P<fy>(?:19|20)\d\d)(?P<fs>[-./])(?P<fm>0?[1-9]|1[0-2])(?P=fs)"
    r"(?P<fd>0?[1-9]|[12]\d|3[01])(?=[가-힣])"
    # a two-digit year in a dotted date, as Korean writes one ("24.04.19", "25.02.18.")
    # (its month in one digit too, of a year of the 2020s: "24.4.17"; "12.4.1" is a version)
    r"|(?<![\d./])(?P<sy>\d\d)(?P<ss>[./])(?P<sm>0[1-9]|1[0-2]|(?<=2\d[./])[1-9])"
    # (a two-digit day: "22.04.3", "24.1.2" are releases; "24/10/07" too)
    r"(?P=ss)(?P<sd>0[1-9]|[12]\d|3[01]|(?<=/)[1-9])(?![\d]|[./]\d)"  # ("24/1/9": slashes)
    # a quarter or a half of a year: "Q3 2024", "the second quarter of 2025", "first half of
    # 2024", "H2 2024", "2024년 3분기", "24년 하반기" (its months, a range)
    r"|\bQ(?P<qn>[1-4])\s*(?:of\s+)?(?P<qy>(?:19|20)\d\d)\b"
    rf"|\b(?:the\s+)?(?P<qw>{_NTH})\s+(?P<qh>quarter|half)\s+(?:of\s+)?(?P<qwy>(?:19|20)\d\d)\b"
    r"|\bH(?P<hn>[12])\s*(?P<hy>(?:19|20)\d\d)\b"
    # (a four-digit year needs no "년": "2024 하반기", "2025 1분기")
    rf"|(?<![\d.])(?P<ky2>{_YY})(?:\s*년|(?<=\d{{4}}))\s*(?:(?P<kq>[1-4])\s*분기|(?P<kh>상|하)\s*반기)"
    # "the week of June 10, 2024", "week of 2024-06-10": that day and the six after it
    rf"|\b(?:the\s+)?week\s+of\s+(?:(?P<wmon>{_MONTHS})\.?\s+(?P<wd>\d{{1,2}}){_ORD},?\s+"
    r"(?P<wy>(?:19|20)\d\d)|(?P<wiso>\d{4}-\d\d-\d\d))\b"
    # "June 12th's papers": a day's possessive
    rf"|\b(?P<dpm>{_MONTHS})\.?\s+(?P<dpd>\d{{1,2}}){_ORD}['’]s\b"
    # "Oct. 23": an abbreviated month's period is no sentence end
    r"|\b(?P<ab>jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.(?=\s*\d)"
    # "2024.06", "2024/6": a year and a month, not a whole date ("2024.01에": a Korean
    # particle may follow it)
    r"|\b(?P<ny>(?:19|20)\d\d)[./](?P<nm>0?[1-9]|1[0-2])월?(?![A-Za-z0-9_])(?![./-]?\d)"
    # "24년 10월": a two-digit year before a month
    r"|(?<![\d.])(?P<ky>\d\d)\s*년(?=\s*\d{1,2}\s*월)"
    # "December '24"
    rf"|\b(?P<amon>{_MONTHS})\.?\s+['’](?P<ay>\d\d)\b"
    # "2024's", "8일자"
    r"|\b(?P<py>(?:19|20)\d\d)['’]s\b|(?<=\d)(?P<ja>\s*일자)"
    # "11월엔", "2024년엔": the particle 엔 (에는), which dateparser does not read
    r"|(?<=\d[월일년])(?P<en>엔)(?![가-힣])"
    # "last September": the newest September, as a month alone reads
    rf"|\blast\s+(?P<lm>{_MONTHS})(?:['’]s)?\b|\b(?P<pm>{_MONTHS})['’]s\b"
    # "Sunday, March 9, 2025": a date's weekday, written before it, is no other day
    rf"|\b(?:{_WEEKDAYS})\.?,?\s+(?P<wdm>{_MONTHS})\.?\s+(?P<wdd>\d{{1,2}}){_ORD}(?:['’]s)?"
    r"(?:,?\s+(?P<wdy>(?:19|20)\d\d))?\b"
    # "last Friday's papers": a weekday's possessive
    rf"|\b(?P<wday>(?:last\s+)?(?:{_WEEKDAYS}))['’]s\b"
)
# "25년에 GRPO 논문", "24년 논문": a two-digit year of this decade alone, after every form
# that reads it with more ("24년 봄", "24년 10월"); not a duration ("20년간", "20년 동안",
# "25년 전에")
_KO_YEAR_ALONE = (
    r"(?<![\d.])(?P<kya>2\d)\s*년(?:도(?=에|의|\s|$))?"
    r"(?![가-힣]*\s*(?:간|동안|전|후|째|만|이상|이하|넘|가까이)(?:에|의|부터|까지|이|도)?(?![가-힣]))"
)
# a relative date word, with a Korean particle or an English possessive dateparser does not
# read ("지난달엔", "last month's"), or written in a way it does not know ("저번 달",
# "지난해"): rewritten to the form it reads (`slots.jsonl`, slot "date_word")
_SUFFIX = r"(?P<suf>['’]s|에는|엔|에|의|은|는|도)?(?![A-Za-z가-힣])"


def _words_pattern(words) -> str:
    """Alternatives for `words`, longest first, any spacing between their parts."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s*".join(re.escape(p) for p in w.split()) for w in parts)


def _key(words: str) -> str:
    return re.sub(r"\s+", "", words.lower())


@lru_cache(maxsize=1)
def _date_words() -> dict[str, str]:
    """Relative date words as written -> as dateparser reads them (keys without spaces)."""
    return {_key(r["text"]): r["as"] for r in slot_rows("date_word")}


@lru_cache(maxsize=1)
def _year_parts() -> dict[str, tuple[int, int]]:
    """Parts of a year by name, as months (first, last): "summer" (6, 8), "early" (1, 4),
    "하반기" ... `slots.jsonl`, slot "year_part". Winter is December to February."""
    return {_key(r["text"]): tuple(r["months"]) for r in slot_rows("year_part")}


@lru_cache(maxsize=1)
def _month_parts() -> dict[str, tuple[int, int]]:
    """Parts of a month by name, as days (first, last): "second half" (16, 31), "early"
    (1, 10), "하순" (21, 31), "last week" (-7, -1: counted from its end) ... `slots.jsonl`,
    slot "month_part"."""
    return {_key(r["text"]): tuple(r["days"]) for r in slot_rows("month_part")}


@lru_cache(maxsize=1)
def _forms() -> re.Pattern:
    words = _words_pattern(r["text"] for r in slot_rows("date_word"))
    named = [r["text"] for r in slot_rows("year_part")]
    latin = _words_pattern(t for t in named if t.isascii())
    hangul = _words_pattern(t for t in named if not t.isascii())
    in_month = [r["text"] for r in slot_rows("month_part")]
    m_latin = _words_pattern(t for t in in_month if t.isascii())
    m_hangul = _words_pattern(t for t in in_month if not t.isascii())
    # a part of a month: "the second half of jan 2025", "late March", "2025년 1월 하순"
    # (before the other forms: "23년 12월 말" is December 2023's end, not "23년" rewritten
    # alone and the end of the newest December)
    month_parts = (
        rf"\b(?:the\s+)?(?P<mp>{m_latin})[\s-]+(?:of\s+)?(?P<mpm>{_MONTHS})\b\.?"
        # (its year in two digits too: "late april 24 into early may", no day after a part)
        r"(?:,?\s+['’]?(?P<mpy>(?:19|20)\d\d|2\d(?![\d%])"
        r"(?:(?<=['’]\d\d)|(?!\s*(?:papers?|편|개|일))))\b)?"
        # (its year only when it ends no range: "2024년 1월 초~2월 말" is 2024's, both ends)
        rf"|(?:(?<![\d.])(?P<kmy>{_YY})\s*년\s*"
        rf"(?=(?:1[0-2]|0?[1-9])\s*월\s*(?:{m_hangul})(?!\s*[~–-])))?"
        rf"(?<!\d)(?P<kmm>1[0-2]|0?[1-9])\s*월\s*(?P<kmp>{m_hangul})"
        rf"(?=(?:에는|엔|에|의|은|는|도|동안|까지|부터|쯤|경)?(?![가-힣]))"
    )
    # a part of a year: "the summer of 2024", "early 2025", "mid-2024", "2024 summer",
    # "2024년 여름", "2025년 초"
    parts = (
        rf"|\b(?:the\s+)?(?P<part>{latin})[\s-]+(?:of\s+)?(?P<party>(?:19|20)\d\d)\b"
        rf"|\b(?P<party2>(?:19|20)\d\d)\s+(?P<part2>{latin})\b"
        rf"|(?<![\d.])(?P<kpy>{_YY})\s*년\s*(?P<kpart>{hangul})"
        rf"(?=(?:에는|엔|에|의|은|는|도|동안|까지|부터|쯤|경)?(?![가-힣]))"  # ("가을쯤": about)
    )
    return re.compile(
        rf"{month_parts}|{_FORM_SOURCE}{parts}|{_KO_YEAR_ALONE}"
        rf"|(?<![A-Za-z가-힣])(?P<rel>{words}){_SUFFIX}",
        re.I,
    )


@lru_cache(maxsize=1)
def _week_ordinal() -> tuple[re.Pattern, dict[str, int]]:
    """ "the third week of March", "2월 셋째 주", "마지막 주": the n-th week of a month (days
    7n-6 to 7n; the last: its last seven days). Ordinals from `slots.jsonl`."""
    rows = slot_rows("week_ordinal")
    latin = _words_pattern(r["text"] for r in rows if r["text"].isascii())
    hangul = _words_pattern(r["text"] for r in rows if not r["text"].isascii())
    pattern = re.compile(
        rf"\b(?:the\s+)?(?P<en>{latin})\s+week\s+(?:of|in)\b"
        rf"|(?<![가-힣])(?P<ko>{hangul})\s*주(?:차)?(?=에|엔|의|\s|[?.!,]|$)",
        re.I,
    )
    return pattern, {_key(r["text"]): r["n"] for r in rows}


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_KO = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
KO_WEEKDAYS = _WEEKDAYS_KO  # (the answers' names)


@lru_cache(maxsize=1)
def _weekday_ordinal() -> re.Pattern:
    """ "the last Friday of January 2025", "2025년 3월 첫째 월요일": the n-th weekday of a
    month (ordinals from `slots.jsonl`, as the n-th week's)."""
    rows = slot_rows("week_ordinal")
    latin = _words_pattern(r["text"] for r in rows if r["text"].isascii())
    hangul = _words_pattern(r["text"] for r in rows if not r["text"].isascii())
    return re.compile(
        rf"\b(?:the\s+)?(?P<en>{latin})\s+(?P<day>{'|'.join(_WEEKDAYS)})s?(?=\s+(?:of|in)\b)"
        # (the rewrite has made "금요일" "friday" by then)
        rf"|(?<![가-힣])(?P<ko>{hangul})\s*(?P<kday>{'|'.join(_WEEKDAYS_KO + _WEEKDAYS)})",
        re.I,
    )


def _in_text(words: str, text: str) -> str:
    """The longest end of `words` that `text` has as written (dateparser read them with
    the weekday blanked: "on of Jan 2025" is "of Jan 2025" in the question)."""
    tokens = words.split()
    return next(
        (" ".join(tokens[i:]) for i in range(len(tokens)) if " ".join(tokens[i:]) in text), words
    )


def _overlaps(words: str, m: re.Match, text: str) -> bool:
    """Whether dateparser's `words` are within the span of `m` or reach into it."""
    at = text.find(words.strip())
    if at < 0:
        return words.strip() in m.group(0)
    return at < m.end() and m.start() < at + len(words.strip())


def _whole_month(since: str, until: str) -> tuple[date, int] | None:
    """(its first day, its number of days) when [since, until] is one whole month."""
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    month_end = calendar.monthrange(first.year, first.month)[1]
    if first.day != 1 or last != first.replace(day=month_end):
        return None
    return first, month_end


def _nth_weekday(since: str, until: str, m: re.Match) -> str | None:
    """The n-th (or last) weekday `m` names of the one whole month [since, until]."""
    if (month := _whole_month(since, until)) is None:
        return None
    first, month_end = month
    ordinals = _week_ordinal()[1]
    n = ordinals[_key(m.group("en") or m.group("ko"))]
    day = (m.group("day") or m.group("kday")).lower()
    wanted = _WEEKDAYS.index(day) if day in _WEEKDAYS else _WEEKDAYS_KO.index(day)
    days = [d for d in range(1, month_end + 1) if first.replace(day=d).weekday() == wanted]
    if n > len(days):
        return None
    return first.replace(day=days[n - 1] if n > 0 else days[-1]).isoformat()


_A_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)


def _day_of_week(
    since: str, until: str, text: str, words: tuple[str, ...]
) -> tuple[str, str] | None:
    """(the day, its word) a weekday names within one week: "the Monday digest from the
    week of June 10, 2024" is 2024-06-10 (dateparser reads the week, not the weekday)."""
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    if (last - first).days != 6:
        return None
    m = next(
        (m for m in _A_WEEKDAY.finditer(text) if not any(m.group(0) in w for w in words)), None
    )
    if m is None:
        return None
    offset = (_WEEKDAYS.index(m.group(1).lower()) - first.weekday()) % 7
    return (first + timedelta(days=offset)).isoformat(), m.group(0)


_A_MONTH = re.compile(rf"\b(?:{'|'.join(_MONTH_WORDS)})\b", re.I)
# a day of the week no "last", "this" or "next" makes one day ("last Friday" is one)
_BARE_WEEKDAY = re.compile(rf"(?<!last )(?<!this )(?<!next )\b(?:{'|'.join(_WEEKDAYS)})s?\b", re.I)
_WEEKDAY_NAMED = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)})s?\b|({'|'.join(_WEEKDAYS_KO)})|\b(weekends?)\b|(주말)", re.I
)
_WEEKDAY_WORD = re.compile(
    r"\bweekdays?\b|\bdays? of the week\b|(?<![월화수목금토일])요일(?:별로|별|마다)?", re.I
)


def weekdays_named(text: str) -> list[int]:
    """The days of the week a question names, Monday 0 ("papers on Mondays in January",
    "월요일마다", "on weekends": 5 and 6), in the order named."""
    days: list[int] = []
    for m in _WEEKDAY_NAMED.finditer(text):
        if m.group(1):
            named = [_WEEKDAYS.index(m.group(1).lower())]
        elif m.group(2):
            named = [_WEEKDAYS_KO.index(m.group(2))]
        else:  # the weekend
            named = [5, 6]
        days += [d for d in named if d not in days]
    return days


def without_weekdays(text: str) -> str:
    """The question without its days of the week and the words that ask for one ("which
    weekday", "day of the week", "요일별"): they say what a count is by, no topic."""
    return _WEEKDAY_WORD.sub(" ", _WEEKDAY_NAMED.sub(" ", text))


def asks_earliest(text: str) -> bool:
    """Whether a question names the oldest digest ("the first Korean digest", "첫 다이제스트")."""
    return bool(_EARLIEST.search(text))


def asks_weekday(text: str) -> bool:
    """Whether a question asks by day of the week: names one, or asks which one."""
    return bool(_WEEKDAY_WORD.search(text) or _WEEKDAY_NAMED.search(text))


def _year(value: str | None) -> str:
    return "" if not value else (value if len(value) == 4 else f"20{value}")


def _month_number(name: str) -> int:
    """A month's number from its English name or abbreviation ("Sept." 9)."""
    return list(calendar.month_abbr).index(name.strip(".")[:3].title())


def _month(value: str) -> str:
    return calendar.month_name[int(value)] if 1 <= int(value) <= 12 else value


def _rewrite(m: re.Match) -> str:
    g = m.groupdict()
    if g["d2"]:
        year = _year(g["y"] or g["y3"])
        year2 = _year(g["y2"] or g["y"] or g["y3"])
        month2 = g["m2"] or g["m"]
        first = f"{_month(g['m'])} {g['d']} {year}".strip()
        return f" from {first} to {_month(month2)} {g['d2']} {year2}".rstrip() + " "
    if g["rm2"]:
        first, last, year = int(g["rm"]), int(g["rm2"]), _year(g["ry"] or g["ry2"])
        year2 = _year(g["ry2"] or g["ry"])
        if not year:
            return f" from {_month(str(first))} to {_month(str(last))} "
        return _months(first, int(year), last, int(year2))
    if g["km2"]:
        year = _year(g["kly"])
        return f" {_month(g['km'])} {year} and {_month(g['km2'])} {year} "
    if g["lmd"]:
        year2 = int(g["lmy"])
        earlier = _month_number(g["fmon"]) > _month_number(g["lmon"])  # "Dec 30 to Jan 3"
        first = f"{g['fmon']} {g['fmd']} {year2 - 1 if earlier else year2}"
        return f" from {first} to {g['lmon']} {g['lmd']} {year2} "
    if g["md2"]:
        year = _year(g["mdy"])
        return f" from {g['mon']} {g['md']} {year} to {g['mon']} {g['md2']} {year} ".replace(
            "  ", " "
        )
    if g["dm2"]:
        return f"from {g['dm']} to {g['dm2']} {g['mon2']}"
    if g["i1"]:
        return f"from {g['i1']} to {g['i2']}"
    if g["dd2"]:
        year, month2 = _year(g["dy"]), g["dmo2"] or g["dmo"]
        year2 = int(year) + 1 if int(month2) < int(g["dmo"]) else year  # "2024.12.30~1.3"
        first = f"{_month(g['dmo'])} {int(g['dd'])} {year}"
        return f" from {first} to {_month(month2)} {int(g['dd2'])} {year2} "
    if g["fy"]:
        return f"{g['fy']}-{int(g['fm']):02d}-{int(g['fd']):02d} "
    if g["sy"]:
        return f"20{g['sy']}-{int(g['sm']):02d}-{int(g['sd']):02d} "
    if g["dry"]:
        return _months(int(g["drm"]), int(g["dry"]), int(g["drm2"]), int(g["dry"]))
    if g["qn"] or g["qw"] or g["hn"] or g["kq"] or g["kh"]:
        return _months_of(g)
    if g["mp"] or g["kmp"]:
        return _days_of(g)
    if g["part"] or g["part2"] or g["kpart"]:
        year = int(_year(g["party"] or g["party2"] or g["kpy"]))
        first, last = _year_parts()[_key(g["part"] or g["part2"] or g["kpart"]).lower()]
        year2 = year + 1 if last < first else year  # winter: into the next year
        return _months(first, year, last, year2)
    if g["wmon"] or g["wiso"]:
        if g["wiso"]:
            first = date.fromisoformat(g["wiso"])
        else:
            month = _month_number(g["wmon"])
            first = date(int(g["wy"]), month, int(g["wd"]))
        last = first + timedelta(days=6)
        return f" from {first:%B} {first.day} {first.year} to {last:%B} {last.day} {last.year} "
    if g["dpm"]:
        return f"{g['dpm']} {g['dpd']}"
    if g["ab"]:
        return g["ab"]
    if g["ny"]:
        # (apart from a Korean particle: "2024.01에", which dateparser would not read)
        apart = " " if re.match(r"[가-힣]", m.string[m.end() : m.end() + 1]) else ""
        return f"{_month(g['nm'])} {g['ny']}{apart}"
    if g["ky"] or g.get("kya"):
        return f"20{g['ky'] or g['kya']}년"
    if g["amon"]:
        return f"{g['amon']} 20{g['ay']}"
    if g["py"]:
        return g["py"]
    if g["lm"] or g["pm"]:
        return g["lm"] or g["pm"]
    if g["wday"]:
        return g["wday"]
    if g["wdd"]:  # (written plainly: "Mar." and "9th's" are other forms, one pass)
        return f"{g['wdm']} {g['wdd']}" + (f" {g['wdy']}" if g["wdy"] else "")
    if g["en"]:
        return " "
    if g["rel"]:
        return _date_words().get(_key(g["rel"]), g["rel"])
    return "일"


def _months_of(g: dict) -> str:
    """A quarter or a half of a year as the range of its months ("from July 1 2024 to
    September 30 2024")."""
    year = int(_year(g["qy"] or g["qwy"] or g["hy"] or g["ky2"]))
    if g["qn"] or g["kq"]:
        n, size = int(g["qn"] or g["kq"]), 3
    elif g["qw"]:
        n, size = _NTH_NUMBER.get(g["qw"].lower(), 4), 3 if g["qh"].lower() == "quarter" else 6
    else:
        n, size = (int(g["hn"]) if g["hn"] else 1 if g["kh"] == "상" else 2), 6
    if size == 6 and n > 2:
        n = 2
    return _months(size * (n - 1) + 1, year, size * n, year)


def _days_of(g: dict) -> str:
    """A part of a month as the range of its days ("from January 16 2025 to January 31
    2025"); without a year, the days alone (the newest such month is read from them)."""
    first, last = _month_parts()[_key(g["mp"] or g["kmp"]).lower()]
    if g["mp"]:
        month = _month_number(g["mpm"])
        year = _year(g["mpy"])
    else:
        month, year = int(g["kmm"]), _year(g["kmy"])
    days = calendar.monthrange(int(year or 2001), month)[1]
    if first < 0:  # counted from the month's end: "the last week of February" (22-28)
        first, last = days + first + 1, days + last + 1
    end = min(last, days)
    name = calendar.month_name[month]
    return f" from {name} {first} {year} to {name} {end} {year} ".replace("  ", " ")


def _months(first: int, year: int, last: int, year2: int) -> str:
    """Months `first` of `year` to `last` of `year2`, whole, as dateparser reads a range
    ("from July 1 2024 to September 30 2024"); a month past 12 ends on its 31st."""
    end = calendar.monthrange(year2, last)[1] if 1 <= last <= 12 else 31
    return f" from {_month(str(first))} 1 {year} to {_month(str(last))} {end} {year2} "


# a rewritten part of a month, quarter or season ("from October 11 to October 20")
_A_RANGE = re.compile(r"\s*from (?P<first>.+?) to (?P<last>.+?)\s*")
# after a range's first end: "through" the end of November, "부터" 11월 말까지 (부터 alone
# opens a range from that day: "10월 중순부터 나온 논문")
_JOINS_NEXT = re.compile(rf"\s*(?:the\s+)?{_RANGE_JOINER}\b|부터|~|\s*/", re.I)
# before: "from mid-October through" the end of November, "10월 중순부터" 11월 말까지
_ENDS_A_RANGE = re.compile(
    rf"(?:\b(?:from|between)\s+\S.{{0,60}}?|\b\d{{1,4}})\s+{_RANGE_JOINER}\s*$"
    r"|\d\S*\s*(?:부터|~|/)\s*$",
    re.I,
)
_NEXT_DATE = 40  # characters after a range's first end in which its second end starts


def _range_end(rewritten: str, before: str, after: str) -> str:
    """A rewritten period that is one end of a range the question writes is that end's
    day: "from mid-October through the end of November 2024" is October 11 to November
    30, not two ranges one after the other (dateparser would read the first alone)."""
    m = _A_RANGE.fullmatch(rewritten)
    if m is None:
        return rewritten
    joins = _JOINS_NEXT.match(after)
    if joins and (joins[0].strip() == "부터" or _DATE_LIKE.search(after[joins.end() : _NEXT_DATE])):
        return f" {m['first']} "
    if _ENDS_A_RANGE.search(before):
        return f" {m['last']} "
    return rewritten


@dataclass(frozen=True)
class _Rewritten:
    """A question with `_FORMS` rewritten, and the way back to its own words."""

    text: str
    original: str
    pieces: tuple[tuple[int, int, int, int], ...]  # (start, end) rewritten, (start, end) own

    @classmethod
    def of(cls, text: str) -> _Rewritten:
        out, pieces, at = [], [], 0
        for m in _forms().finditer(text):
            out.append(text[at : m.start()])
            start = sum(map(len, out))
            out.append(_range_end(_rewrite(m), "".join(out), text[m.end() :]))
            pieces.append((start, start + len(out[-1]), m.start(), m.end()))
            at = m.end()
        out.append(text[at:])
        return cls("".join(out), text, tuple(pieces))

    def _back(self, at: int, end: bool) -> int:
        shift = 0
        for start, stop, own_start, own_stop in self.pieces:
            if (start < at <= stop) if end else (start <= at < stop):
                return own_stop if end else own_start
            if at < start or (end and at == start):
                break
            shift = own_stop - stop
        return at + shift

    def own_words(self, words: str) -> str:
        """The question's own words for `words` of the rewritten text."""
        at = self.text.find(words)
        if at < 0 or not self.pieces:
            return words
        return self.original[self._back(at, False) : self._back(at + len(words), True)].strip()


@dataclass(frozen=True)
class DateRange:
    since: str | None = None  # "YYYY-MM-DD", inclusive
    until: str | None = None
    spans: tuple[str, ...] = field(default=())  # the question's words that named it
    relative: str | None = None  # "latest" or "recent" when read from such a word
    # "first" or "last": the range's first or last digest ("the first digest of March
    # 2025"), which only the archive's dates say (`digest_of`)
    pick: str | None = None
    # "newest" or "oldest": a clause of its own asks which of what the rest of the question
    # counts is the newest ("how many Korean digests are there, and which is the newest?"),
    # without narrowing the rest to the newest digest
    asks: str | None = None

    def __bool__(self) -> bool:
        return bool(self.since or self.until)


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser  # slow import: only when needed

    return DateDataParser


@lru_cache(maxsize=8)
def _settings(base: str) -> dict:
    return {
        "RELATIVE_BASE": datetime.fromisoformat(base),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": False,
    }


def _period(text: str, base: str) -> str:
    data = _parser()(languages=["en", "ko"], settings=_settings(base)).get_date_data(text)
    return data.period or "day"


def _span(day: date, period: str) -> tuple[date, date]:
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if period == "week":
        return day - timedelta(days=6), day
    return day, day


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "일": 1, "주": 7, "개월": 30, "달": 30}
_BACK_N = re.compile(
    rf"\b(?:the\s+)?(?:last|past|previous)\s+(?P<n>\d+|{'|'.join(_COUNTS)})\s+"
    r"(?P<unit>day|week|month)s?\b"
    r"|(?:지난|최근)\s*(?P<kn>\d+)\s*(?P<kunit>일|주|개월|달)",
    re.I,
)


def _back_from_newest(text: str, base: str) -> DateRange | None:
    """ "the last 3 days", "past two weeks", "지난 2주": that many days up to the newest
    digest (dateparser reads "last 3 days" as the one day 3 days ago)."""
    m = _BACK_N.search(text)
    if not m:
        return None
    n = m.group("n") or m.group("kn")
    count = int(n) if n.isdigit() else _COUNTS[n.lower()]
    days = count * _UNIT_DAYS[(m.group("unit") or m.group("kunit")).lower()]
    if not 0 < days <= 3660:
        return None
    since = date.fromisoformat(base) - timedelta(days=days - 1)
    return DateRange(since.isoformat(), base, (m.group(0),))


# "this time last year", "작년 이맘때": the weeks around the newest digest's day, a year before
_YEAR_BEFORE = re.compile(
    r"\b(?:(?:around|about)\s+)?this\s+time\s+last\s+year\b|\ba\s+year\s+ago\b"
    r"|작년\s*(?:이맘때|이맘|이\s*때쯤|이때|이\s*시기|이맘때쯤)|1년\s*전|일\s*년\s*전",
    re.I,
)
YEAR_BEFORE_DAYS = 15  # "this time last year": this many days either side of the day


def _a_year_before(text: str, base: str) -> DateRange | None:
    """ "papers from this time last year", "작년 이맘때 나온 논문": the days around the newest
    digest's day one year before it (dateparser reads "작년" as the whole year, "a year ago"
    as one day)."""
    m = _YEAR_BEFORE.search(text)
    if not m:
        return None
    day = date.fromisoformat(base)
    try:
        then = day.replace(year=day.year - 1)
    except ValueError:  # February 29
        then = day - timedelta(days=365)
    since = then - timedelta(days=YEAR_BEFORE_DAYS)
    until = then + timedelta(days=YEAR_BEFORE_DAYS)
    return DateRange(since.isoformat(), until.isoformat(), (m.group(0),))


def _between(text: str, base: str) -> DateRange | None:
    """ "between 1 and 18 June 2025", "from June 1 to June 18, 2025": a range whose first
    end may borrow its month and year from the second (dateparser reads each end)."""
    m = _BETWEEN.search(text)
    if not m:
        return None
    parser = _parser()(languages=["en", "ko"], settings=_settings(base))
    last = parser.get_date_data(m.group(2))
    if last.date_obj is None:
        return None
    end, start = last.date_obj, m.group(1).strip()
    if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", start):  # "1" of "1 and 18 June 2025"
        start = f"{start} {end:%B %Y}"
    elif not _YEAR.search(start):  # "June 1" of "June 1 and June 18, 2025"
        start = f"{start} {end.year}"
    first = parser.get_date_data(start)
    if first.date_obj is None:
        return None
    since = _span(first.date_obj.date(), first.period or "day")[0]
    until = _span(last.date_obj.date(), last.period or "day")[1]
    if since > until:
        return None
    return DateRange(since.isoformat(), until.isoformat(), (m.group(0),))


_TRAILING = re.compile(r"(?:[\s,;+&]|\b(?:and|or)\b)+$", re.I)
_EDGE_WORDS = re.compile(
    # (and an article before a month or a year, or after a date: "a Nov 2023 BERT variant"
    # is November, "a 2024 paper" the year, "In March 2025 a paper" March, none the 1st)
    rf"^(?:(?:in|on|of|from|at|for|during|by|the"
    rf"|an?(?=\s+(?:{'|'.join(_MONTH_WORDS)}|(?:19|20)\d\d)\b))\s+)+"
    r"|(?:\s+(?:in|on|of|at|for|by|the|an?))+$",
    re.I,
)


# "A부터 B까지": a range whose ends are read apart ("11월 말부터 12월까지", "11월 21일부터
# 12월까지"), B in A's year unless it names its own
_FROM_TO = re.compile(r"(?P<a>[^?!.,]{2,40}?)\s*부터\s*(?P<b>[^?!.,]{1,25}?)\s*까지")
_NAMES_MONTH = re.compile(r"\d\s*[월년]")
_HAS_YEAR = re.compile(rf"(?<![\d.]){_YY}\s*년|\b(?:19|20)\d\d\b")


def _from_to(text: str, newest: str | None, oldest: str | None) -> DateRange | None:
    """The range of a Korean "A부터 B까지" whose ends are each a date (A's days from its
    first, B's to its last); None when it is not one."""
    m = _FROM_TO.search(text)
    if m is None or not _NAMES_MONTH.search(m["b"]):  # "29일부터 30일까지": a day range form
        return None
    first = find_dates(m["a"], newest, oldest)
    if not first.since or first.relative or not first.spans:
        return None
    own_year = _HAS_YEAR.search(m["b"])
    # "12월": of the first end's year (or the next)
    second = find_dates(m["b"] if own_year else f"{first.since[:4]}년 {m['b']}", None)
    if second.until and second.until < first.since and not own_year:
        second = find_dates(f"{int(first.since[:4]) + 1}년 {m['b']}", None)
    if not second.until or second.until < first.since:
        return None
    start = m.start("a") + m["a"].find(first.spans[0])  # the question's own words
    return DateRange(first.since, second.until, (text[start : m.end()],))


@lru_cache(maxsize=1)
def _month_pair() -> re.Pattern:
    """Two Korean months, the first with a part of it, joined by "~" or "에서 ... 사이"
    ("5월 중순~6월 초", "4월 말~5월", "3월 중순에서 4월 중순 사이"): a range, as "부터 ...
    까지" says one."""
    parts = _words_pattern(r["text"] for r in slot_rows("month_part") if not r["text"].isascii())
    month = r"(?<!\d)(?:1[0-2]|0?[1-9])\s*월"
    return re.compile(
        rf"(?P<a>{month}\s*(?:{parts})?)\s*(?:[~～–-]|에서)\s*"
        rf"(?P<b>(?:(?<![\d.]){_YY}\s*년\s*)?{month}\s*(?:{parts})?)"
        rf"(?:\s*(?:사이|까지|에|의)(?![가-힣]))?"
    )


def _between_months(text: str, newest: str | None, oldest: str | None) -> DateRange | None:
    """The range of two Korean months joined by "~" or "에서 ... 사이" (`_month_pair`),
    read as "A부터 B까지" is, with the question's own words for its span."""
    m = _month_pair().search(text)
    if m is None:
        return None
    said = text[: m.start()] + f"{m['a']}부터 {m['b']}까지" + text[m.end() :]
    ranged = _from_to(said, newest, oldest)
    if ranged is None or not ranged.spans:
        return None
    start = said.find(ranged.spans[0])
    if start < 0 or start > m.start("a") + len(m["a"]):
        return None
    return replace(ranged, spans=(text[start : m.end()].rstrip(),))


# a weekday written as a word of a name: between an acronym or a capitalised word inside
# the sentence and another capitalised word that is no date's ("the NPR Sunday Puzzle
# benchmark"; not "the Friday Digest", "Monday Papers about agents", "Monday, March 3")
_CAPITALISED_DAYS = "|".join(w.capitalize() for w in _WEEKDAYS)
_IN_A_NAME = re.compile(
    rf"(?P<before>[A-Z][\w-]*)\s+(?P<day>{_CAPITALISED_DAYS})"
    rf"(?=\s+(?!(?i:{_MONTHS}|{_CAPITALISED_DAYS})\b)[A-Z][a-z])"
)


def _without_named_days(text: str) -> str:
    """`text` with a weekday that is a word of a name blanked (`_IN_A_NAME`)."""

    def blank(m: re.Match) -> str:
        before, at = m["before"], m.start()
        inside = at > 0 and not re.search(r"[.?!:]\s*$", text[:at])  # not a sentence's start
        if not (len(before) > 1 and before.isupper()) and not inside:
            return m.group(0)
        return m.group(0)[: m.start("day") - at] + " " * len(m["day"])

    return _IN_A_NAME.sub(blank, text)


# a day asked of in a period ("which day in March 2025"), the word before it if any
_DAY_IN = re.compile(r"(?P<before>(?<![\w-])\S+\s+)?(?<![\w-])[dD]ays?(?=\s+in\s)")
# ... not how long: "3 days in March", "a few days in a row"
_HOW_MANY = re.compile(r"\S*\d\S*|an?|few|two|three|four|five|six|seven|several|many|more", re.I)


def _without_day_in(text: str) -> str:
    """`text` with "day" blanked where a day is asked of in a period ("which day in March
    2025": dateparser reads "day in" as a day to come and keeps the year alone), not where
    it says how long ("3 days in March", "a few days in a row")."""

    def blank(m: re.Match) -> str:
        before = m["before"] or ""
        day = m.group(0)[len(before) :]
        if before and _HOW_MANY.fullmatch(before.strip()):
            return m.group(0)
        if before.rstrip().endswith(("'s", "’s")) or (before and day.startswith("D")):
            return m.group(0)  # a holiday: "New Year's Day in 2025", "Valentine's Day in 2024"
        return before + " " * len(day)

    return _DAY_IN.sub(blank, text)


def find_dates(text: str, newest: str | None, oldest: str | None = None) -> DateRange:
    """The date range `text` names, relative to the `newest` digest date ('YYYY-MM-DD');
    "the earliest digest" is the `oldest` one's day, when given.

    Forms dateparser's search misses (day ranges, "2024.06", "24년", "'24") are first
    rewritten to forms it reads; the range's spans are the question's own words.
    """
    text = _without_named_days(text)  # ("the NPR Sunday Puzzle")
    if "부터" in text and "까지" in text and (ranged := _from_to(text, newest, oldest)):
        return ranged
    if ranged := _between_months(text, newest, oldest):
        return ranged
    if m := _WHICH_NEWEST.search(text):
        cue = "cue" if m["cue"] else "ko"
        rest = find_dates(text[: m.start(cue)] + text[m.end(cue) :], newest, oldest)
        asks = "oldest" if _OLDEST_WORD.search(m[cue]) else "newest"
        return replace(rest, spans=(*rest.spans, m[cue]), asks=asks)
    # "which day in March 2025 ...": dateparser reads "day in" as a day to come and keeps
    # the year alone; the day asked of is no date's word (not "3 days in": how long)
    rewritten = _Rewritten.of(ARXIV_ID.sub(" ", _without_day_in(text)))  # (ids: no year)
    found = _find_dates(rewritten.text, newest)
    if not found and oldest and (m := _EARLIEST.search(text)):
        return DateRange(oldest, oldest, (m.group(0),))
    own = (rewritten.own_words(w) for w in found.spans) if rewritten.pieces else found.spans
    # dateparser's words may end with the question's next "and" ("in December 2024, and
    # which was most voted?"): it joins the question's parts, it names no date
    # (and as written: "on in March 2025" of "on Fridays in March 2025", the day blanked)
    own = (w if w in text else _in_text(w, text) for w in (_TRAILING.sub("", w) for w in own))
    found = replace(found, spans=tuple(dict.fromkeys(own)))
    on = None
    if found.since and found.until and not found.relative:
        on = _day_of_week(found.since, found.until, text, found.spans)
    if on is not None:
        return replace(found, since=on[0], until=on[0], spans=(*found.spans, on[1]))
    if found.since != found.until and not found.relative:
        for pick, pattern in (("first", _EARLIEST), ("last", _LAST_OF)):
            if m := pattern.search(text):
                return replace(found, spans=(*found.spans, m.group(0)), pick=pick)
    return found


def digest_of(found: DateRange, dates: list[str]) -> str | None:
    """The digest date a range's `pick` names ("the first digest of March 2025"), of the
    archive's digest `dates` (sorted); None when it picks none or no digest is in it."""
    if found.pick is None:
        return None
    inside = [d for d in dates if (found.since or d) <= d <= (found.until or d)]
    if not inside:
        return None
    return inside[0] if found.pick == "first" else inside[-1]


# "yesterday" ("어제", "그저께"): the digest before, when that day has none (`in_the_store`)
_DAY_BEFORE = re.compile(
    r"(?:the\s+day\s+before\s+)?yesterday(?:['’]s)?|어제\S?|그저께\S?|그제\S?", re.I
)


def in_the_store(found: DateRange, dates: list[str]) -> DateRange:
    """A day written without its year ("6월 14일", "June 14") is the newest such day the
    archive's digest `dates` have: the year before when this year's has no digest (a
    weekend, a gap). "Yesterday" ("어제", "그저께") is the digest before: the newest digest
    before that day when the day itself has none ("yesterday's digest" on a Monday is
    Friday's). Any other range as it is."""
    day = found.since
    if not (day and day == found.until and dates) or day in dates or found.relative:
        return found
    if all(_DAY_BEFORE.fullmatch(_EDGE_WORDS.sub("", w.strip())) for w in found.spans):
        before = [d for d in dates if d < day]
        return replace(found, since=before[-1], until=before[-1]) if before else found
    if any(_YEAR.search(w) or not re.search(r"\d", w) for w in found.spans):
        return found  # a year written ("June 14 2025"), or another relative day
    earlier = [d for d in dates if d[4:] == day[4:] and d < day]
    return replace(found, since=earlier[-1], until=earlier[-1]) if earlier else found


_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.I)  # the preposition right before a week


def _find_dates(text: str, newest: str | None) -> DateRange:
    base = newest or date.today().isoformat()
    pattern, ordinals = _week_ordinal()
    week = pattern.search(text)
    clean = text
    if weekday := _weekday_ordinal().search(text):  # the month is dateparser's, not the day
        clean = text[: weekday.start()] + " " * len(weekday.group(0)) + text[weekday.end() :]
        week = None
    elif _YEAR.search(text) or _A_MONTH.search(text):
        # "Fridays in March 2025", "2025년 3월 금요일": the days of the week filter the
        # month's papers (`weekdays_named`); dateparser would read the newest Friday
        clean = _BARE_WEEKDAY.sub(lambda m: " " * len(m.group(0)), text)
    if (
        week is not None
        and week.group("en")
        and (before := _IN_BEFORE.search(clean[: week.start()]))
    ):
        # "in the second week of December 2024": dateparser reads "in the second" as a time,
        # and the year alone; without its "in" it reads the month (the week is read here)
        clean = clean[: before.start()] + " " * len(before.group(0)) + clean[before.end() :]
    if _CUE.search(clean) and (span := _between(clean, base)):
        return span
    if back := _back_from_newest(clean, base):
        return back
    if ago := _a_year_before(clean, base):
        return ago
    found: list[tuple[str, date, str]] = []
    if _CUE.search(clean):
        from dateparser.search import search_dates  # slow import: only when needed

        hits = search_dates(
            _CLAUSE_COMMA.sub(";", _WORD_DASH.sub(" and ", clean)),
            languages=["en", "ko"],
            settings=_settings(base),
        )
        for words, when in hits or ():
            if _ONE.search(words):
                # "the one from may 20, 2024": a pointer, no day ("one" read as the 1st and
                # "20" as a year): the words read again without it
                again = search_dates(
                    _ONE.sub(" ", words), languages=["en", "ko"], settings=_settings(base)
                )
                if not again:
                    continue
                when = again[0][1]
                words = words[words.find(again[0][0].split()[0]) :] if again[0][0] else words
            if _DATE_LIKE.search(words):
                # the period of the date's own words: dateparser's may take in a preposition
                # on each side ("in April 2025 in total" read as a day, April 30)
                found.append((words, when.date(), _period(_EDGE_WORDS.sub("", words), base)))
    found = [
        f
        for f in found
        if not _names_year(f[0], clean)
        and not _a_quantity(f[0], base, clean)
        and not _a_duration(f[0], clean)
    ]
    if week is not None:  # "last week" inside "the last week of April" is the ordinal's
        # (also when dateparser's words start before it: "from the last week")
        inside = [f for f in found if _overlaps(f[0], week, clean)]
        if inside and len(inside) < len(found):
            found = [f for f in found if f not in inside]
    # dateparser reads "2025년 2월" but not a year alone: "2024년 논문", "2024년부터 2025년
    # 3월까지" (its "2024년" is the range's first end)
    found += [
        (m.group(0), date(int(m.group(1)), 1, 1), "year")
        for m in _KO_YEAR.finditer(clean)
        if not any(m.group(0) in w or w.strip() in m.group(0) for w, _, _ in found)
    ]
    found = [f for f in found if not _a_projection(f[0], base, clean)]
    if found and not any(_YEAR.search(w) for w, _, _ in found):
        # a bare month abbreviation is a weak cue ("Jun Zhu", "May I"): not without a year
        found = [f for f in found if not _BARE_ABBREVIATION.fullmatch(f[0].strip())]
    if found:
        # a year written alone with months without one is theirs: "Nov and Dec 2024", and
        # so is a relative one: "작년 12월", "December 31 last year" (dateparser reads each)
        years = [(w, d) for w, d, p in found if p == "year" and _only_year(w)]
        named = tuple(w for w, _, _ in found)  # the words, the year's among them
        if years and len(years) < len(found):
            # each month without a year takes the nearest year written alone; a year no month
            # takes is a period of its own ("2024년부터 2025년 3월까지": 2024 is the start)
            at = {w: clean.find(w.strip()) for w, _, _ in found}
            used: set[str] = set()
            dated = []
            for w, d, p in found:
                if (w, d) in years:
                    continue
                if not _YEAR.search(w):
                    near = min(years, key=lambda y: abs(at[y[0]] - at[w]))
                    used.add(near[0])
                    d = _same_day_in(d, near[1].year)
                dated.append((w, d, p))
            found = [f for f in found if (f[0], f[1]) in years and f[0] not in used] + dated
        found = _years_borrowed(found, clean)
        spans = [_span(d, p) for _, d, p in found]
        since = min(s for s, _ in spans).isoformat()
        until = max(u for _, u in spans).isoformat()
        words = named
        if weekday is not None and (day := _nth_weekday(since, until, weekday)):
            # the month's words as the question writes them around the weekday's
            written = tuple(_in_text(w, text) for w in words)
            return DateRange(day, day, (*written, weekday.group(0).strip()))
        if week is not None and (narrowed := _nth_week(since, until, week, ordinals)):
            return DateRange(*narrowed, (*words, week.group(0).strip()))
        if len(found) == 1:
            others = tuple(w for w in words if w != found[0][0])  # "올해" of "올해 3월부터"
            if cue := _around(text, found[0][0]):
                if since != until:  # "around March 2025": the month, its cue no topic word
                    return DateRange(since, until, (*others, cue))
                day = date.fromisoformat(since)  # "around Christmas 2024": the days about it
                wide = timedelta(days=AROUND_DAYS)
                return DateRange((day - wide).isoformat(), (day + wide).isoformat(), (*others, cue))
            if opened := _open_end(text, found[0][0]):
                cue, after = opened  # "since January 2025": from it up to the newest digest
                if after:
                    since = (date.fromisoformat(until) + timedelta(days=1)).isoformat()
                return DateRange(since, max(until, base), (*others, cue))
            if closed := _close_end(text, found[0][0]):
                cue, before = closed  # "before March 2025": from the oldest digest up to it
                if before:
                    until = (date.fromisoformat(since) - timedelta(days=1)).isoformat()
                return DateRange(None, until, (*others, cue))
        return DateRange(since, until, words)
    if not newest:
        return DateRange()
    # every recency word is a slot, not a topic: "요즘 월드 모델 쪽 최신 논문" names 요즘 too
    cues = tuple(dict.fromkeys(m.group(0) for p in (_LATEST, _RECENT) for m in p.finditer(text)))
    if _LATEST.search(text):
        return DateRange(newest, newest, cues, "latest")
    if any(not _own_doing(text, m.end()) for m in _RECENT.finditer(text)):
        since = date.fromisoformat(newest) - timedelta(days=RECENT_DAYS - 1)
        return DateRange(since.isoformat(), newest, cues, "recent")
    return DateRange()


def _years_borrowed(found: list[tuple[str, date, str]], text: str) -> list[tuple[str, date, str]]:
    """A month written without its year, beside dates written with one year, is of that
    year when the dates would otherwise span most of a year: "late April to early May
    2024", "April or May 2024" (dateparser reads the first in the newest digest's year:
    2024-05-10 to 2025-04-30). A month after the dated ones' in the year, before them in
    the question, is of the year before ("late Dec to early Jan 2025")."""
    written = {d.year for w, d, _ in found if _YEAR.search(w)}
    if len(written) != 1 or all(_YEAR.search(w) for w, _, _ in found):
        return found  # (no year to borrow, or nothing without one)
    spans = [_span(d, p) for _, d, p in found]
    if max(u for _, u in spans) - min(s for s, _ in spans) < timedelta(days=BORROWED_SPAN):
        return found  # (read well as they are)
    year = written.pop()
    dated = [(text.find(w.strip()), d) for w, d, _ in found if _YEAR.search(w)]
    out = []
    for w, d, p in found:
        if _YEAR.search(w) or not _A_MONTH.search(w) or d.year == year:
            out.append((w, d, p))
            continue
        at = text.find(w.strip())
        moved = _same_day_in(d, year)
        if any(at < where and moved > other for where, other in dated):
            moved = _same_day_in(d, year - 1)  # "late Dec to early Jan 2025": Dec 2024
        out.append((w, moved, p))
    return out


def _only_year(words: str) -> bool:
    """A year and nothing finer: "2024", "2024년", "작년", "last year" (not "2 years ago")."""
    words = words.strip()
    return not re.search(r"[^\d\s년]", words) or not re.search(r"\d", words)


def _nth_week(
    since: str, until: str, week: re.Match, ordinals: dict[str, int]
) -> tuple[str, str] | None:
    """The n-th week of the one whole month [since, until], or None if it is no month."""
    if (month := _whole_month(since, until)) is None:
        return None
    first, month_end = month
    n = ordinals[_key(week.group("en") or week.group("ko"))]
    if n < 0:
        return first.replace(day=month_end - 6).isoformat(), until
    start = 7 * (n - 1) + 1
    if start > month_end:
        return None
    end = min(start + 6, month_end)
    return first.replace(day=start).isoformat(), first.replace(day=end).isoformat()


def _names_year(words: str, text: str) -> bool:
    """A bare year right after an acronym or a word no English dictionary has names a
    benchmark or venue, not the digests' dates: "AIME 2024", "aime 2024", "USACO 2025",
    "neurips 2024" ("in 2024", "papers 2024" are dates)."""
    if not re.fullmatch(r"\s*(19|20)\d\d\s*", words):
        return False
    before = re.search(rf"([^\s\-–—/]+)\s+{re.escape(words.strip())}\b", text)
    if not before or before.group(1).lower().rstrip(".,") in _MONTH_WORDS:
        return False
    word = before.group(1)
    if sum(c.isupper() for c in word) >= 2:
        return True
    return word.isascii() and word.isalpha() and len(word) >= 3 and not english_word(word)


_DURATION = re.compile(
    r"\s*(?:(?:in|within|for|over|under|about)\s+)?(?:a|an|one|two|three|few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)(?:\s+(?:on|of|with|using|at|in|one|a|an|the))*\s*",
    re.I,
)
_BACK_FROM_NOW = re.compile(r"\b(?:last|past|previous|recent|these|those)\s*$", re.I)


def _a_duration(words: str, text: str) -> bool:
    """How long something took, not when: "trained within a day", "in 3 days", "over a
    week" (dateparser reads them as yesterday or a day to come); "the last 3 days" and "a
    week ago" are dates."""
    words = _TRAILING.sub("", words)  # "a day and": the question's next part joins it
    if not _DURATION.fullmatch(words):
        return False
    at = text.find(words.strip())
    return at < 0 or not _BACK_FROM_NOW.search(text[:at])


def _a_quantity(words: str, base: str, text: str) -> bool:
    """A bare number after the newest digest's next year is a quantity, not a year: "FID가
    2048 해상도에서", "at 2048 resolution" ("in 2031", "2031년 1월", "2031-03-05" are dates);
    so is one long before it, or about so many, with the word it counts after it ("the top
    ~2000 candidates", "around 2000 GPUs"; "2024 papers", "papers from 2000" are years)."""
    bare = _BARE_NUMBER.fullmatch(words)  # not "in 2031"
    if bare is None:
        return False
    year, newest = int(bare.group("n")), int(base[:4])
    if year > newest + 1 and not bare.group("about"):
        return True
    at = text.find(words.strip())
    counted = at >= 0 and _COUNTED.match(text[at + len(words.strip()) :])
    return bool(counted) and (year > newest + 1 or year < newest - YEARS_BEFORE)


def _a_projection(words: str, base: str, text: str) -> bool:
    """A year alone, years after the newest digest's, in a question that projects to it (a
    scenario, a forecast, an estimate) and asks for no papers or digests, is a year a paper
    projects to, no date of the archive ("2030년 무제한 채택 시나리오면 에너지 사용이 몇
    배 늘어나?", "energy use by 2030"); "2031년 논문", "papers from 2031", "what's new in
    2030?" still ask for that year's (there are none)."""
    year = _PROJECTED.fullmatch(words)
    return bool(
        year
        and int(year.group(1)) > int(base[:4]) + 1
        and not _ARCHIVE_ASKED.search(text)
        and _PROJECTING.search(text)
    )


# a year alone, as a question writes it: "2030", "in 2030", "by 2030", "2030년", "2030년에"
_PROJECTED = re.compile(
    r"\s*(?:(?:in|by|until|till|to|for)\s+)?((?:19|20)\d\d)(?:\s*년(?:에|까지|의|엔|이면|쯤)?)?\s*",
    re.I,
)
# words of a projection or a scenario ("what's new in 2030?", "2029년 LLM 동향", "will
# transformers be replaced by 2030?" ask for that year's papers all the same: there are none)
_PROJECTING = re.compile(
    r"\b(?:scenarios?|project(?:s|ed|ion|ions)?|"
    r"forecasts?|predict(?:s|ed|ion)?|estimat\w*|expected)\b|시나리오|전망치|예측치|추정치",
    re.I,
)
# words that ask for the archive's papers or digests of a date
_ARCHIVE_ASKED = re.compile(
    r"\b(?:papers?|digests?|archive|published|came out|posted)\b|논문|다이제스트|나온|올라온",
    re.I,
)


# a number written alone, or about so many: a year or a quantity (`_a_quantity`)
_BARE_NUMBER = re.compile(
    r"\s*(?:at\s+|(?P<about>~\s*|(?:about|around|roughly|approximately)\s+))?"
    r"(?P<n>(?:19|20)\d\d)\s*",
    re.I,
)
YEARS_BEFORE = 10  # a bare number this many years before the newest digest's is no year
# what such a number counts: a word, not the archive's own ("1999 digests": of that year)
_COUNTED = re.compile(r"\s+(?!papers?\b|digests?\b|논문|다이제스트)[A-Za-z가-힣]", re.I)


def _open_end(text: str, words: str) -> tuple[str, bool] | None:
    """("since <date>" words, whether it starts after the date) when the question's one
    date opens a range up to the newest digest: "since Jan 2025", "after March",
    "from October on", "2025-01-15 or later", "2월부터", "2월 이후"."""
    cue = _cue_around(
        text,
        words,
        rf"{_OPEN_BEFORE}\s*{{d}}(?:\s+(?:on|onwards?)\b)?",
        r"(?:\bfrom\s+)?{d}\s+(?:on|onwards?|(?:or|and)\s+(?:later|after))\b",
        rf"{{d}}\s*{_OPEN_AFTER}",
        # dateparser's own words with the cue: "since Jan 2025", "from October on"
        own=(rf"^{_OPEN_BEFORE}", rf"{_OPEN_AFTER}$", r"^from\b.*\s(?:on|onwards?)$"),
    )
    if cue is not None and _on_topic(text, cue):
        return None  # "papers from February 2025 on speech synthesis": that month's
    return None if cue is None else (cue, bool(re.match(r"after\b", cue, re.I)))


# "from <date> on" followed by a topic: the "on" is the topic's ("papers from February 2025
# on speech synthesis"), not "onwards", which ends its clause ("from October 2024 on, how
# many ...?", "from October on")
_ON_TOPIC = re.compile(
    r"\s+(?!(?:and|or|but|how|what|which|who|is|are|do|does|there|it|we|i|you|they|this|that|"
    r"the|were|was)\b)[^\W\d]",
    re.I,
)


def _on_topic(text: str, cue: str) -> bool:
    """Whether the cue "from <date> on" is followed by a topic the "on" introduces."""
    if not re.fullmatch(r"from\b.*\son", cue, re.I | re.S):
        return False
    at = text.lower().find(cue.lower())
    return at >= 0 and bool(_ON_TOPIC.match(text, at + len(cue)))


def _around(text: str, words: str) -> str | None:
    """The words that make the question's one date (`words`) approximate: a day is then
    the middle of a few days ("around Christmas 2024", "near 2024-12-25", "크리스마스 즈음",
    "12월 25일 무렵"), a longer period stays itself ("around March 2025")."""
    return _cue_around(
        text,
        words,
        rf"{_AROUND_BEFORE}\s+{{d}}",
        rf"{{d}}{_AROUND_AFTER}",
        own=(rf"^{_AROUND_BEFORE}", rf"{_AROUND_AFTER}$"),
    )


_IN_A_PERIOD = re.compile(r"(?:in|during|within)\s", re.I)  # "in June 2025": a period


def _close_end(text: str, words: str) -> tuple[str, bool] | None:
    """(the words, whether it ends before the date) when the question's one date closes a
    range from the oldest digest: "before March 2025", "prior to 2025", "until 2024-12-31",
    "up to June 2024", "2025년 2월 이전", "2월까지"; not a date in a period of its own
    ("papers that came through in June 2025": June)."""
    if _IN_A_PERIOD.match(_TRAILING.sub("", words)):
        return None
    cue = _cue_around(
        text,
        words,
        rf"{_CLOSE_BEFORE}\s+{{d}}",
        rf"{{d}}{_CLOSE_AFTER}",
        own=(rf"^{_CLOSE_BEFORE}", rf"{_CLOSE_AFTER}$"),
    )
    before = cue is not None and bool(re.match(r"before|prior", cue, re.I) or "전" in cue)
    return None if cue is None else (cue, before)


def _cue_around(text: str, words: str, *patterns: str, own: tuple[str, ...]) -> str | None:
    """The question's words that make its one date (`words`) an end of a range: the first
    of `patterns` ({d}: the date's words) found in `text`, or the date's words themselves
    when dateparser kept the cue in them (one of `own` matches them)."""
    words = _TRAILING.sub("", words)
    escaped = re.escape(words)
    for pattern in patterns:
        if match := re.search(pattern.replace("{d}", escaped), text, re.I):
            return match.group(0)
    return words if any(re.search(p, words, re.I) for p in own) else None


def _same_day_in(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def strip_dates(text: str, found: DateRange) -> str:
    """`text` without the words that named its dates (dates filter, they are not topic words)."""
    for words in found.spans:
        text = text.replace(words, " ")
    return text
