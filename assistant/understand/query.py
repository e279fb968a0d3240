"""What a question asks for, beyond its words: intent, dates, arXiv ids, language.

Dates come from `dates.find_dates` (dateparser, relative to the newest digest), the intent
from `intents.classify` (nearest example phrasings), ids from `references`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.text import english_word, is_korean
from assistant.types import Filters
from assistant.understand import glossary, intents
from assistant.understand.dates import (
    DateRange,
    digest_of,
    find_dates,
    in_the_store,
    without_newest_clause,
)
from assistant.understand.dates import strip_dates as _strip
from assistant.understand.references import ARXIV_ID, SUBJECT, back_pointer
from assistant.understand.sentences import asked_part
from assistant.understand.slots import cue_pattern, slot_rows

__all__ = [
    "ARXIV_ID",
    "QuestionInfo",
    "analyse",
    "LIST_INTENTS",
    "PLURAL_PAPERS",
    "asks_a_set",
    "code_cues",
    "dates_in",
    "strip_dates",
]

LISTING = ("list", "recent")  # intents that ask for every paper in a range
# intents over a set of papers, which a "has code" cue filters ("GitHub 코드가 있는 ... 논문");
# other intents are about one paper, where the same words ask for its code
FILTERED = ("search", "list", "count", "top_voted", "recent", "trend")
_PARTICLE = "(?:가|이|는|은|를|을|도|의|로)?"


@lru_cache(maxsize=1)
def _code_cue() -> re.Pattern:
    """The words that ask for papers with code, built from `slots.jsonl`: a place code lives
    ("GitHub", "repo", "깃허브", "저장소") or code ("code", "코드", "구현") next to a word
    saying it is available ("with code", "a public repo", "GitHub-backed", "코드가 있는",
    "깃허브 공개된"). Alone, such a word is a topic ("GitHub pull requests", "code agents")."""
    roles: dict[str, list[str]] = {}
    for row in slot_rows("has_code"):
        roles.setdefault(row["role"], []).append(row["text"])

    def words(role: str) -> str:
        out = []
        for w in sorted(roles[role], key=len, reverse=True):
            body = r"[\s-]*".join(re.escape(part) for part in w.split())
            # (a word of its own: not "Code" of "Design2Code has how many webpages?")
            out.append(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z])" if w.isascii() else body)
        return "|".join(out)

    place, code, ok = words("place"), words("code"), words("available")
    # a word saying so only before it: "with code", "has a repo" (not "code with GPT-4o")
    before = f"{ok}|{words('available_before')}"
    # "GitHub repo", "코드(깃허브)": a second place or code word, maybe in brackets
    where = rf"(?:{place}|{code})(?:\s*\(?\s*(?:{place}|{code})\s*\)?|\s+(?:{place}|{code}))?"
    return re.compile(
        rf"(?:(?:{before})[\s-]+(?:a\s+|an\s+)?)+{where}{_PARTICLE}(?:[\s-]*(?:{ok}))*"
        rf"|{where}{_PARTICLE}(?:[\s-]*(?:{ok}))+",
        re.I,
    )


@lru_cache(maxsize=1)
def code_place() -> re.Pattern:
    """A place code lives, written alone ("on GitHub", "(깃허브)")."""
    places = sorted((r["text"] for r in slot_rows("has_code") if r["role"] == "place"), key=len)
    body = "|".join(re.escape(w) for w in reversed(places))
    return re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.I)


def code_cues(text: str) -> tuple[str, ...]:
    """The question's words asking for papers with code ("with a public repo", "깃허브 코드가
    있는"), or () when it has none."""
    return tuple(m.group(0).strip() for m in _code_cue().finditer(text) if m.group(0).strip())


# papers asked for as a set: "papers that ...", "any work on ...", "논문들", "논문 있어?";
# answered with every relevant paper, one line each, not one paper and its runners-up
_ASKS_SET = re.compile(
    rf"\b(papers|studies|articles|methods|approaches)\b|{intents.WORKS}|\bany (paper|work|research)\b"
    r"|\b(?:has|have|did) any(?:one|body)\b"  # "has anyone combined Mamba with diffusion?"
    # (not the one paper a question recalls: "... RCT 논문 있잖아, ... 몇 %였어?")
    r"|논문들|것들|(논문|연구)\S{0,3}\s*(있(?!잖|었잖|다던|다는)|알려|찾아|보여)"
    r"|(?:어떤\s*(?:게|것이|것들이)|뭐가|뭐뭐)\s*있",  # "그런 거 어떤 게 있어?"
    re.I,
)


# the intents that ask for a set of papers, and papers asked for in the plural
LIST_INTENTS = ("list", "count", "top_voted", "recent", "trend")
PLURAL_PAPERS = re.compile(r"\b(papers|works|studies)\b|논문들", re.I)

ANALYSED = 256  # questions whose reading is remembered (`analyse`)
POINTERS = 3  # pointers a question's intent is read without, at most


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    korean: bool
    arxiv_ids: tuple[str, ...]
    filters: Filters  # dates mentioned in the question (merged with explicit filters)
    wants_list: bool  # "which papers were in ..." style
    intent: str = "search"
    dates: DateRange = DateRange()
    code_words: tuple[str, ...] = ()  # the words that set filters.has_code, if any
    asks_set: bool = False  # asks for papers, more than one ("papers that ...", "논문들")
    # the words that ask for the topic in titles ("in the title", "제목에 ... 들어간")
    title_words: tuple[str, ...] = ()
    # what the question sets its topic against ("other than LoRA", "LoRA 말고"): no topic
    contrast: tuple[str, ...] = ()


def mask_topic(text: str, topic: Sequence[str]) -> str:
    """The question with its topic words as <topic>: how it asks, whatever it asks about."""
    for word in sorted(set(topic), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " <topic> ", text)
    return text


def dates_in(text: str, latest: str | None = None) -> tuple[str | None, str | None]:
    """The date range a question names, if any: (since, until)."""
    found = find_dates(text, latest)
    return found.since, found.until


def asks_a_set(info: QuestionInfo) -> bool:
    """Whether the question asks for a set of papers (a listing intent, papers in the
    plural, or "관련 연구 알려줘"; not one paper recalled: "... 논문 있었지?"): a title's head
    it writes is then its topic unless quoted."""
    return (
        info.intent in LIST_INTENTS
        or bool(PLURAL_PAPERS.search(info.text))
        or (info.asks_set and not _RECALLS_ONE.search(info.text))
    )


# one paper recalled: "... 논문 있었지?", "있었던 것 같은데", "there was a paper on ..."
_RECALLS_ONE = re.compile(
    r"있었(?:지|잖|는데|던|나)|있던데|\bthere was a (?:paper|study|work)\b", re.I
)


@lru_cache(maxsize=ANALYSED)
def mask(text: str, found: DateRange) -> str:
    """The question with its dates and ids replaced by placeholders (for intent matching).
    Remembered, as `analyse` is: each step of one answer masks the same question again."""
    text = SUBJECT.sub(" ", text)  # the papers a follow-up's rewrite names: not its phrasing
    for _ in range(POINTERS):
        # "the second one", "those", "그 논문": which papers, not what is asked of them
        # (each of them: "according to that paper, ... in the same comparison?")
        if (pointer := back_pointer(text)) is None or not pointer.strong:
            break
        text = f"{text[: pointer.start]} {text[pointer.end :]}"
    for words in found.spans:
        if found.relative and cue_pattern("recent_cue").search(words):
            continue  # "the most recent ... paper": asks for new work as the examples do
        text = text.replace(words, " <date> ")
    # "open models of similar size", "비슷한 크기": a measure, not similar papers asked for
    text = cue_pattern("alike_measure").sub(" ", text)
    text = _HEDGE.sub(" ", text)  # "needs like 80GB": about 80GB, not papers like it
    # "the Gemma technical report", "Phi-4 기술 보고서": the paper, as its title calls it
    text = cue_pattern("report").sub(" ", text)
    text = _TOP_N.sub(r"\1 \2", text)  # "투표 top3는": a ranking's "top 3", no name "A"
    text = _LIKE_SUFFIX.sub(r" \1", text)  # "NormalCrafter-like papers": A like papers
    korean = is_korean(text)
    if korean:
        text = glossary.mask_compounds(text, "A")
    text = _NAME_LIKE.sub(lambda m: _as_name(m, korean), ARXIV_ID.sub(" <paper> ", text))
    return _NAME_RUN.sub("A", text)  # a title of several words is one name


_LIKE_SUFFIX = re.compile(r"(?<=[A-Za-z0-9])-(like|style)\b", re.I)
_TOP_N = re.compile(r"\b(top)-?(\d+)(?![\d.])", re.I)
# "like" before a quantity hedges it ("needs like 80GB", "like 5x faster"): no likeness
_HEDGE = re.compile(r"\blike\s+(?=~?\s*\d)", re.I)
# a Latin word; names the examples write as "A" and "B" ("A vs B", "A 코드 어딨어?")
_NAME_LIKE = re.compile(r"(?<![\w<])[A-Za-z][A-Za-z0-9.+_-]*[A-Za-z0-9+]|(?<![\w<])[A-Z](?![\w>])")


_NAME_RUN = re.compile(r"(?<![\w<])A(?:[\s:,-]+A)+(?![\w>])")


def _as_name(match: re.Match, korean: bool) -> str:
    """A word that looks like a name ("SpargeAttn", "Qwen2.5", "HelloBench", "Magistral")
    reads as the examples' "A", so that its letters do not drown the asking words around
    it: "HelloBench 코드?" asks what "A 코드?" asks. Words the examples ask with ("GitHub",
    "Who", "vs") and capitalised English words stay. In a Korean question every other
    English word is a name or a topic ("speculative decoding 논문 몇 편이야?")."""
    word = match.group(0)
    if word.lower() in intents.example_words():
        return word
    if korean:
        return "A"
    if any(c.isdigit() for c in word) or re.search(r"[a-z][A-Z]", word):
        return "A"  # "Qwen2.5", "SpargeAttn"; not an acronym of a topic ("KV", "LLM")
    if (
        word[0].isupper()
        and word[1:].islower()
        and not all(english_word(part) for part in word.split("-"))
    ):
        return "A"  # "Magistral", "Loong" (not "Top-voted"); an acronym ("KV") is a topic
    return word


def analyse(
    question: str,
    filters: Filters | None = None,
    latest: str | None = None,
    oldest: str | None = None,
    digests: Sequence[str] = (),
) -> QuestionInfo:
    """Read the question's dates, ids and intent; explicit `filters` win over dates in text.
    `latest` and `oldest` are the archive's newest and oldest digest dates.

    One answer reads its question several times (the router, each retrieval it makes, the
    answerer): the reading is remembered, so a long question is scanned a bounded number
    of times however many steps read it."""
    return _analyse(question, filters or Filters(), latest, oldest, tuple(digests))


@lru_cache(maxsize=ANALYSED)
def _analyse(
    question: str,
    filters: Filters,
    latest: str | None,
    oldest: str | None,
    digests: tuple[str, ...],
) -> QuestionInfo:
    # the papers a follow-up's rewrite names are no dates ("Qwen2.5-1M", a title's year)
    found = find_dates(SUBJECT.sub(" ", question), latest, oldest)
    if picked := digest_of(found, digests):  # "the first digest of March 2025": that day
        found = replace(found, since=picked, until=picked)
    found = in_the_store(found, digests)  # "6월 14일": 2024's when 2025's has none
    if found and not (filters.since or filters.until):
        filters = replace(filters, since=found.since, until=found.until)
    # ("..., and which is the newest?" asks of what the rest asks for: read without it)
    asked = without_newest_clause(question) if found.asks else question
    intent = intents.cued(intents.classify(asked_part(mask(asked, found))).name, asked)
    cues = code_cues(question)
    if cues and filters.has_code is None:
        # read without its code words, the question asks about a set of papers: those
        # with code ("GitHub 코드가 있는 멀티모달 환각 논문"); else it asks for one paper's code
        plain = mask(question, found)
        for words in cues:
            plain = plain.replace(words, " ")
        plain = code_place().sub(" ", plain)  # "... have code on GitHub": where, no more
        if (without := intents.classify(plain).name) in FILTERED:
            intent, filters = without, replace(filters, has_code=True)
        elif intent in (*FILTERED, "summary"):
            # read whole as a set ("does SpargeAttn have code?" is near "how many papers
            # have code?") or as no fact of its own, it is one paper's code
            intent = "code"  # (its code words: the router reads them for a named paper)
        else:
            cues = ()
    else:
        cues = ()
    return QuestionInfo(
        text=question,
        korean=is_korean(question),
        arxiv_ids=tuple(dict.fromkeys(ARXIV_ID.findall(question))),
        filters=filters,
        wants_list=intent in LISTING,
        intent=intent,
        dates=found,
        code_words=cues,
        asks_set=bool(_ASKS_SET.search(question)),
        title_words=_title_words(question),
        contrast=tuple(m.group(0) for m in CONTRAST.finditer(question)),
    )


@lru_cache(maxsize=1)
def _in_title_places() -> frozenset[str]:
    """The in_title cues that say where ("in the title", "제목에"), not how ("들어간")."""
    return frozenset(r["text"].lower() for r in slot_rows("in_title") if r.get("role") != "verb")


def _title_words(question: str) -> tuple[str, ...]:
    """The words that ask for a topic in titles, when one of them says "in the title" (a
    Korean one's verb too: "제목에 GRPO 들어간": 들어간 is no topic); else none."""
    found = tuple(m.group(0) for m in cue_pattern("in_title").finditer(question))
    if not any(f.lower() in _in_title_places() for f in found):
        return ()
    return found


# what a question excludes, up to the next preposition or the end of its clause: "other
# than MMLU for Korean", "besides FlashAttention, ..."; in Korean the word before "말고",
# "빼고", "제외하고", "대신": "LoRA 말고 메모리 덜 쓰는 방법". ("uses continuous tokens
# instead of vector quantization" describes a paper: its words are the paper's.)
CONTRAST = re.compile(
    r"(?:\b(?:other than|besides|apart from|except(?: for)?)|(?<=\()not)\b\s*(?P<en>[^?.,;:!()]*?)"
    r"(?=\s+(?:for|in|on|with|from|that|which|by|about|and|or)\b|[?.,;:!()]|$)"
    # (a name of capitalised Latin words whole: "Vision Mamba 말고", not "Mamba" of it)
    r"|(?P<ko>(?:(?-i:[A-Z0-9])[A-Za-z0-9.+-]*\s+){0,2}[^\s,?.]+?)(?:(?<=[A-Za-z0-9])(?:이나|나|랑|은|는|을|를))?\s*"
    r"(?:말고|빼고|제외하고|대신에?)(?=\s|[?.,]|$)",
    re.I,
)


# what a question prefers its topic to: "on video rather than single images", "instead of
# MSE" (a search keeps these words: a paper may write them, as "uses continuous tokens
# instead of vector quantization" does; a topic or a figure asked has none of them)
RATHER = re.compile(
    r"\b(?:rather than|instead of)\b[^?.,;:!()]*?"
    r"(?=\s+(?:for|in|on|with|from|that|which|by|about|and|or)\b|[?.,;:!()]|$)",
    re.I,
)


def contrasted(info: QuestionInfo) -> list[str]:
    """The names or words the question sets its topic against ("LoRA" of "LoRA 말고"): each
    span of `info.contrast` without its cue (and a particle after a Latin name)."""
    spans = (CONTRAST.fullmatch(span) for span in info.contrast)
    return [w for m in spans if m and (w := (m.group("en") or m.group("ko") or "").strip())]


@lru_cache(maxsize=1)
def filler_phrases() -> re.Pattern:
    """Phrases that only soften or widen a question ("of all time", "I'd like to",
    "according to the digests"), slot "filler_phrase" of `slots.jsonl`: dropped whole, as
    their words ("time", "according") may be topics alone."""
    phrases = sorted((r["text"] for r in slot_rows("filler_phrase")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def without_korean_glosses(text: str) -> str:
    """The text without a Korean rendering in brackets right after a Latin term ("color
    constancy(색 항상성)", "LoRA (저랭크 적응)"): the term said again. Its words are still
    searched (a paper summarised only in Korean may write just them), but no English
    digest writing the term lacks them."""
    return _KOREAN_GLOSS.sub(" ", text)


_KOREAN_GLOSS = re.compile(r"(?<=[A-Za-z0-9])\s?\((?:[가-힣]+\s?){1,4}\)")


def strip_slots(text: str, info: QuestionInfo) -> str:
    """The question without its date and has-code words: they filter, they are no topic;
    nor what it sets its topic against ("other than LoRA"), nor its filler phrases."""
    text = filler_phrases().sub(" ", _strip(text, info.dates))
    for words in (*info.code_words, *info.title_words, *info.contrast):
        text = text.replace(words, " ") if words else text
    return text


def strip_dates(text: str, latest: str | None = None) -> str:
    """The question without its date expressions (dates act as filters, not as words)."""
    return _strip(text, find_dates(text, latest))
