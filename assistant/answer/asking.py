"""What a question about the archive asks beyond its intent: the digests of one language,
the busiest day or month, how many papers to show, a rank, a least number of votes, a
Hugging Face link, the newest work.

The answer package's own helpers (underscored), read by the router and its siblings.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.index import korean
from assistant.types import Paper
from assistant.understand.dates import asks_weekday
from assistant.understand.query import PLURAL_PAPERS
from assistant.understand.slots import cue_pattern, slot_rows

TOP = 5  # papers a vote ranking shows, unless the question asks for another number
LIST_MAX = 30  # ... at most
# a paper's votes asked for ("how many votes did X get", "그거 몇 표 받았어?")
VOTES = re.compile(
    r"\b(votes?|voted|upvot\w*)\b|득표|투표|추천\s*(?:수|몇)|몇\s*표|\d+\s*표"
    r"|추천\S*\s*(제일|가장|더)|(제일|가장)\s*(많이\s*)?추천|추천\S*\s*많(이|은)",  # "추천 제일 많이 받은"
    re.I,
)


@cache
def _languages() -> tuple[re.Pattern, dict[str, str]]:
    """How a question names the digests of one language ("한국어 다이제스트", "the Korean
    digests"), slot "digest_language" of `slots.jsonl`: a filter, no topic."""
    rows = slot_rows("digest_language")
    phrases = sorted((r["text"] for r in rows), key=len, reverse=True)
    # (with a Korean particle on it: "한국어 다이제스트에도", "영어 다이제스트에서는")
    particle = r"(?:에서는|에서도|에서|에는|에도|에|의|는|도|가|만)?"
    pattern = re.compile(rf"(?:{'|'.join(re.escape(p) for p in phrases)}){particle}", re.I)
    return pattern, {r["text"].lower(): r["language"] for r in rows}


def digest_language(question: str) -> str | None:
    """ "en" or "ko" when the question asks about the digests of one language (not "were
    they both in English and Korean digests?")."""
    pattern, languages = _languages()
    m = pattern.search(question)
    if not m or len(_languages_named(question)) > 1:
        return None
    said = m.group(0).lower()
    return next(lang for text, lang in languages.items() if said.startswith(text))


_LANGUAGE_WORD = re.compile(r"\blanguages?\b|언어(?:별로|별|마다)?", re.I)
_DIGEST_WORD = re.compile(r"\bdigests?\b|다이제스트", re.I)


def asks_by_language(question: str, pair: bool = True) -> bool:
    """Whether a count asks for each digest language's share ("which language has more?",
    "영어랑 한국어 다이제스트 각각 몇 개야?"): a phrase of slot "by_language" of
    `slots.jsonl`, or (`pair`: a count) both languages named (slot "language_name") with
    the digests ("English vs Korean digests: how many?"; not "which papers were in both
    English and Korean digests?")."""
    if cue_pattern("by_language").search(question):
        return True
    if not pair:
        return False
    return len(_languages_named(question)) > 1 and _DIGEST_WORD.search(question) is not None


@cache
def languages_together() -> re.Pattern:
    """Both digest languages named as one ("English and Korean ones combined", "영어랑
    한국어 다이제스트 합쳐서"; slots "language_name" and "languages_together"): which
    digests, all of them, no topic."""
    names = "|".join(re.escape(r["text"]) for r in slot_rows("language_name"))
    together = "|".join(
        re.escape(r["text"])
        for r in sorted(slot_rows("languages_together"), key=lambda r: -len(r["text"]))
    )
    return re.compile(
        rf"(?:{names})(?:이랑|랑|과|와)?\s*(?:,|and|&|/|or)?\s*(?:{names})"
        rf"(?:\s+(?:digests?|ones|papers|다이제스트))?\s*(?:{together})",
        re.I,
    )


def _languages_named(question: str) -> set[str]:
    """The languages a question names ("English", "한국어"; slot "language_name")."""
    names = {r["text"]: r["language"] for r in slot_rows("language_name")}
    return {names[m.group(0).lower()] for m in cue_pattern("language_name").finditer(question)}


# a language papers are written in ("in English", "영어로", "영어 논문"), not one they are about
_IN_LANGUAGE = re.compile(
    r"\bin\s+(?:english|korean)\b|(?:영어|영문|한국어|한글)(?:로|\s*논문)", re.I
)


def _only_language_names(topic: list[str], question: str) -> bool:
    """Whether every topic word is the name of the language the question says papers are
    in ("how many papers per weekday in English?")."""
    names = {r["text"] for r in slot_rows("language_name")}
    return bool(_IN_LANGUAGE.search(question)) and all(
        (korean.topical(w) or w).lower() in names for w in topic
    )


@cache
def _busiest() -> re.Pattern:
    """How a count asks for its busiest day or month ("which day had the most papers?",
    "which months have the most papers?", "논문이 가장 많이 나온 달"), slot "busiest" of
    `slots.jsonl`: no topic words, a day or a month to name."""
    phrases = sorted((r["text"] for r in slot_rows("busiest")), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases), re.I)


_DAY_WORD = re.compile(r"\b(?:days?|dates?)\b|(?<![가-힣])날", re.I)
_MONTH_WORD = re.compile(r"\bmonths?\b|(?<![지저난])달", re.I)


def busiest_unit(question: str) -> str | None:
    """ "day", "month", "weekday", "author" or "topic" when the question asks for the busiest
    one ("who wrote the most papers?": the author with the most; "hot topics?"), else None. A
    phrase that names no unit ("busiest", "had the most papers") takes the question's: "which
    month in 2024 was the busiest?" (a day when it names neither, "the busiest"; none when it
    names neither and only asks what had the most papers; "which day of the week": a
    weekday)."""
    found = _busiest().search(question)
    if found is None:
        return None
    said = found.group(0).lower()
    unit = next(r["unit"] for r in slot_rows("busiest") if r["text"].lower() == said)
    if unit in ("", "day") and asks_weekday(question):  # "which day of the week ..."
        return "weekday"
    if unit:
        return unit
    if _MONTH_WORD.search(question) and not _DAY_WORD.search(question):
        return "month"
    if _DAY_WORD.search(question) or said in ("busiest", "quietest"):
        return "day"
    return None  # "which topic had the most papers?": no day or month asked for


def asks_fewest(question: str) -> bool:
    """Whether the busiest-unit phrase the question writes asks for the fewest papers
    ("which month of 2025 had the fewest papers?", "논문이 가장 적은 달")."""
    found = _busiest().search(question)
    said = found.group(0).lower() if found else ""
    return any(r["text"].lower() == said and r.get("fewest") for r in slot_rows("busiest"))


# a count of the digests themselves, not of their papers ("how many Korean digests are
# there?", "한국어 다이제스트는 몇 개야?")
_COUNTS_DIGESTS = re.compile(
    r"\bhow many\s+(?:\w+\s+){0,2}digests\b|\bnumber of\s+(?:\w+\s+){0,2}digests\b"
    r"|다이제스트(?:는|가|은|이)?\s*(?:총\s*|전부\s*|모두\s*)?몇\s*(?:개|번)",
    re.I,
)
_HOW_MANY_TOP = re.compile(r"(?:top|best|상위|베스트)-?\d+(?:개|편|위)?", re.I)
# a number written out: "which three got the most votes", "the top five"
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
    # Korean native numerals, as counters take them ("세 개", "다섯 편")
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10,
}  # fmt: skip
_N = rf"(\d{{1,2}}|{'|'.join(w for w in _NUMBER_WORDS if w.isascii())})"
_KO_N = "|".join(w for w in _NUMBER_WORDS if not w.isascii())
_TOP_N = re.compile(
    rf"\b(?:top|best)\s*-?\s*{_N}\b|(?:상위|베스트)\s*(\d{{1,2}})"
    rf"|\bwhich {_N}\b|\b{_N} most\b"  # "which 3 got the most votes", "the 3 most"
    # "give me 3 papers similar to X", "three other works like it"
    rf"|\b{_N}\s+(?:more\s+|other\s+|similar\s+|related\s+)?(?:papers|ones|works|studies)\b"
    # "추천 많이 받은 거 3개만", "세 개"
    rf"|(?:(?<![\d.])(\d{{1,2}})|(?<![가-힣])({_KO_N}))\s*(?:개|편)(?:만|씩)?(?![가-힣])"
    r"|(?<![\d.])(\d{1,2})\s*(?:등|위)(?:은|는|이|가|을|를|만|까지)?(?![가-힣])",  # "vote 1등은?"
    re.I,
)
_MOST = re.compile(r"\b(most|top|highest)\b|제일|가장|최다|최고", re.I)  # a superlative


def _one_digest(question: str, spans: tuple[str, ...]) -> bool:
    """Whether the question's "latest" is a digest's ("what's new in the latest digest about
    reasoning?", "최신 다이제스트에 추론 논문 있어?"): that one day, not the recent weeks."""
    return any(
        re.search(rf"{re.escape(s)}\W+(?:\w+\W+)?(?:digest|다이제스트)", question, re.I)
        for s in spans
    )


def _top_n(question: str) -> int:
    """How many papers a ranking shows: as asked ("top 3", "상위 10개"), else TOP."""
    m = _TOP_N.search(question)
    if not m:
        return TOP
    n = next(g for g in m.groups() if g).lower()
    return min(max(_NUMBER_WORDS.get(n) or int(n), 1), LIST_MAX)


# a least number of votes: "100표 이상", "투표 40개 이상", "over 100 votes", "at least 50 upvotes"
_MIN_VOTES = re.compile(
    r"(?P<ko>\d+)\s*(?:표|개|票)\s*(?:이상|넘게|넘는|초과)"
    r"|\b(?:at\s+least|more\s+than|over|above|>=?)\s*(?P<en>\d+)\s*(?:up)?votes?\b"
    r"|\b(?P<en2>\d+)\+?\s*(?:up)?votes?\s+or\s+more\b",
    re.I,
)


def min_votes(question: str) -> int | None:
    """The least number of votes a question asks for, if it names one."""
    m = _MIN_VOTES.search(question)
    if m is None or (not VOTES.search(question) and "표" not in m.group(0)):
        return None
    number = next(g for g in (m.group("ko"), m.group("en"), m.group("en2")) if g)
    # "more than 100" is 101 or more; "over"/"above" likewise; "이상", "at least" inclusive
    strict = re.match(r"(?:more|over|above|>(?!=))", m.group(0), re.I) or "초과" in m.group(0)
    return int(number) + (1 if strict else 0)


# a rank asked for: "the second most voted", "세 번째로 추천 많이 받은", "2위"
_RANK_WORDS = {
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
}
_RANK_ASKED = re.compile(
    r"\b(second|2nd|third|3rd|fourth|4th|fifth|5th)[- ]+(?:most|highest|best)\b"
    r"|(?<![가-힣])(두|세|네|다섯)\s*번째로|(?<![\d.])([2-5])\s*위(?![가-힣])",
    re.I,
)


def rank_asked(question: str) -> int | None:
    """The rank a ranking question asks for ("the second most voted": 2), if any."""
    m = _RANK_ASKED.search(question)
    if m is None:
        return None
    if m.group(3):
        return int(m.group(3))
    return _RANK_WORDS[(m.group(1) or m.group(2)).lower()]


_CITED = re.compile(r"cited|citations?|citing|인용(?:된|수|횟수)?\w*", re.I)
# a count of things that are not papers: "몇 명이었어?", "how many experts were on the team?"
# (not "몇 개야?" or "how many deal with robots?", which count the papers listed)
_COUNTS_THINGS = re.compile(
    r"몇\s*(?:명|장|배|초|시간|점|퍼센트|%)"
    r"|\bhow many (?!(?:papers?|studies|works|articles|digests?|of|ones?)\b)[a-z]+ "
    r"(?:were|was|did|do|does|had|have)\b",
    re.I,
)
# the earliest of the papers pointed back to ("which of those came out first?", "그 중에
# 제일 먼저 올라온 건?"): not "the first one", a position in the answer
_EARLIEST_OF = re.compile(
    r"\b(?:the (?:earliest|oldest)(?= (?:one|paper|of)\b)|came out first"
    r"|(?:was|were) (?:published|posted|out) first)\b"
    r"|(?:가장|제일|젤)\s*(?:(?:먼저|일찍|처음)\s*(?=나온|올라온|나왔|올라왔|발표된|실린|공개된)"
    r"|오래된(?=\s*(?:거|것|건|논문)))",
    re.I,
)
# a Hugging Face link asked for ("HF and GitHub links?", "허깅페이스 링크"), not the lab
# ("Does SmolLM2 from Hugging Face have a repo?", "허깅페이스에서 만든", "HF 팀 논문")
_HUGGING_FACE = re.compile(r"hugging\s*face|\bHF\b|허깅\s*페이스", re.I)
_LINK_WORD = re.compile(r"\b(?:links?|pages?|urls?)\b|주소|링크|페이지", re.I)
_THE_LAB = re.compile(
    r"\b(?:from|by)\s+(?:the\s+)?hugging\s*face|(?:허깅\s*페이스|\bHF)\s*(?:에서|팀|의)", re.I
)
# a list the previous answer showed: "what's at the top of that list?"
A_LIST = re.compile(r"\blists?\b|목록|리스트", re.I)


def _asks_hugging_face(question: str) -> bool:
    """Whether a question asks for a Hugging Face link (its paper page is one)."""
    return bool(
        _HUGGING_FACE.search(question)
        and _LINK_WORD.search(question)
        and not _THE_LAB.search(question)
    )


def _its_votes(question: str, names: list[Paper]) -> bool:
    """Whether a question asks one named paper's votes ("Native Sparse Attention은 몇 표
    받았어?"): votes asked, no ranking ("most", "제일") and no papers in the plural, so its
    name is no phrase of a topic whose papers are ranked."""
    return (
        len(names) == 1
        and bool(VOTES.search(question))
        and not _MOST.search(question)
        and not PLURAL_PAPERS.search(question)
    )


# "any newer work on this?", "더 최근 연구도 있어?": work after the papers talked about
NEWER = re.compile(
    r"\b(newer|more recent|later|since then|follow[- ]?ups?|successors?)\b"
    r"|더\s*최근|이후에?\s*나온|그\s*이후|후속|(?:새|새로운|다음|최신)\s*버전",
    re.I,
)
# the words that ask for newer work ("any newer work on X?"): no topic
_NEWER_WORDS = re.compile(
    rf"{NEWER.pattern}|\b(recent|anything|any|work|topic|this|that|these|those|on|stuff|"
    r"research|papers?|it|its|them|building|builds?|built|based|upon|extend\w*|archive|"
    r"versions?|follow-?ups?)\b|버전"  # "a newer version of it?": of the paper talked about
    # "그 논문 기반 후속 연구도 아카이브에 있어?": work that builds on the paper talked about
    r"|최근|이후에?|나온|그|이|주제로?|연구들?도?|논문들?도?|있어\??|있나요\??|있을까\??"
    r"|기반\w*|바탕\w*|토대\w*|확장\w*|아카이브에?",
    re.I,
)
# whether a paper is one of the previous answer's ("was X among them?", "그 중에 X 있어?")
_AMONG = re.compile(
    r"\b(among|one of|part of|included|in (?:them|those|that list|the list))\b"
    r"|(?:그|이)\s*중에?|가운데|포함|목록에",
    re.I,
)
# other papers by a paper's authors: "same authors", "그 저자들이 쓴 다른 논문"
_SAME_AUTHORS = re.compile(
    r"\bsame\s+(authors?|team|people|group)\b"
    r"|\b(other|more|another)\s+(papers?|work)\s+(by|from)\s+(the|these|those|its|their)\s+"
    r"(authors?|team|people|group)\b|\bauthors'?\s+(other|more)\s+(papers?|work)\b"
    r"|(저자|연구진|팀)\s*(들)?\s*(이|가|의)?\s*(쓴|낸|발표한)?\s*(다른|또\s*다른)\s*(논문|연구)"
    r"|같은\s*(저자|연구진|연구팀|팀)",
    re.I,
)
