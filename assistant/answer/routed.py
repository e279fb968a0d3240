"""What the router answers with (`Routed`), and the helpers, limits and wordings the
router and its intents' methods (`comparing`, `votes`, `counting`, `listing`) share."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from assistant.answer import trend as trends
from assistant.answer.asking import VOTES
from assistant.answer.citations import Step
from assistant.answer.topic import ARCHIVE_WORDS
from assistant.retrieve.hybrid import Hit
from assistant.text import english_word
from assistant.tools import TITLE_CHOICES, dates_in
from assistant.types import Filters, Paper
from assistant.understand import intents
from assistant.understand.dates import RECENT_DAYS
from assistant.understand.query import QuestionInfo, code_cues
from assistant.understand.references import ARXIV_ID, SUBJECT
from assistant.understand.slots import cue_pattern

SHOW = 30  # papers a list shows in full; the count says how many more there are
COUNT_SHOWN = 10  # papers a count of more than SHOW shows (the most voted)
GISTED = 3  # papers a list or a count this short shows each with what it is about
STRONG = 0.75  # share of the best relevance a paper needs to rank by votes on a topic
LEAD = 2  # opening sentences of each summary that say what a paper is about
ABOVE = 3  # more voted papers not about a topic that a ranking on it names after it
MAX_TOPIC = 4  # topic words of a question the router answers, at most (more: a topic question)
MAX_TREND_TOPIC = 6  # a trend names its topic: a few more words are still its topic
TREND_CITED = 3  # papers cited per month in a trend's answer (the chart's table lists all)
COMPARE = 4  # papers a comparison shows, at most
MENTIONS_SHOWN = 5  # papers shown that mention a name no paper is about
# how near a code phrasing a long question, its topic words masked, must be to ask for one
# paper's code: over the dev splits and batteries, those that do are at 0.34 or more, the
# others that read as code (a description with "code repository", "open-source") at 0.25
CODE_ASKED = 0.3
RECENT_MIN = 3  # papers on a topic a "latest" list has, or papers touching on it follow
# papers a topic listing shows: all that pass the gate, as a list shows them (issue 13: "lists
# all that pass the relevance gate"); it says how many there are
TOPICAL_SHOW = SHOW
RECENT_FILL = 10  # papers on a topic "the latest" looks back for, window after window
RECENT_WINDOWS = (RECENT_DAYS, 90, 365)  # days up to the newest digest "recent" may widen to


@dataclass
class Routed:
    """An answer composed from tool results: draft citing [n], the papers n points to."""

    intent: str
    info: QuestionInfo
    draft: str
    hits: list[Hit]
    steps: list[Step] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # placeholder -> store links
    trend: trends.Trend | None = None  # a trend's numbers, for the chart
    refused: bool = False  # the draft is a refusal (no digest within the question's dates)

    def render_links(self, text: str) -> str:
        for key, value in self.links.items():
            text = text.replace(key, value)
        return text


PAPER_FACTS = ("authors", "code", "when")  # one paper's metadata, from its record
# a set asked for with code words, among papers the question names ("which of those has
# code?", "how many of them have a repo?"): those papers' links
# what a question with code words about named papers reads as, masked, when it asks their
# code: a set ("does A have code?" is near "how many have code?") or no fact of its own
# ("does it (A) have code?" is near "what does it do?")
CODE_OF_NAMED = ("search", "list", "count", "summary")


def _dated_with(question: str, info: QuestionInfo, name: str) -> bool:
    """Whether the question's dates are written in the part of it that asks of `name`."""
    parts = [p for p in intents.clause_parts(question) if p.strip()]
    own = [p for p in parts if name.lower() in p.lower()] or parts
    spans = info.dates.spans or ()
    return not spans or any(span in p for span in spans for p in own)


# most words of a term whose origin is asked ("Group Relative Policy Optimization")
ORIGIN_WORDS = 4
_LATIN_TERM = re.compile(r"[A-Za-z][\w.+-]*")  # a term's word, as a paper writes it


# what the papers compared have in common, said before asking how they differ ("both
# patch SAM 2's memory for video, what's the difference?", "둘 다 PPO 변형 느낌인데 뭐가
# 달라?"): the ground they share, no aspect to compare them on
_SHARED = re.compile(
    r"\bboth\b(?!\s+(?:on|in|at|for|by|of)\b)[^,;?—–]*?(?=\s*[,;—–]|\s+-\s)"
    r"|둘\s*다\s+[^,?.]*?(?:인데|는데|건데|이지만|지만|이고|라던데|던데)",
    re.I,
)


def _on_weekdays(paper: Paper, days: list[int], since: str | None, until: str | None) -> bool:
    """Whether a paper was in a digest of [since, until] on one of the days of the week."""
    return any(date.fromisoformat(d).weekday() in days for d in dates_in(paper, since, until))


def _cited_note(routed: Routed | None, info: QuestionInfo) -> Routed | None:
    """A ranking asked by citations: the digests give votes only, and the answer says so."""
    if routed is not None:
        note = (
            "다이제스트에는 인용 수가 없어서, 추천 수로 답합니다."
            if info.korean
            else "The digests give no citation counts; ranked by votes instead."
        )
        routed.draft = f"{note}\n{routed.draft}"
    return routed


def _subject_ids(text: str) -> list[str]:
    """The arXiv ids of a follow-up's subject, the previous answer's papers, in order."""
    return list(
        dict.fromkeys(i for m in SUBJECT.finditer(text) for i in ARXIV_ID.findall(m.group(0)))
    )


def _more_facts(question: str, parts: Collection[str]) -> list[str]:
    """The paper facts a question asks for in its parts (`parts`: their intents, each read
    with the papers it names masked): votes, authors, digest dates, code links."""
    own = SUBJECT.sub(" ", question)
    facts = ["votes"] if VOTES.search(own) else []
    facts += ["authors"] if "authors" in parts else []
    facts += ["when"] if "when" in parts else []
    # "does it have code?" alone reads as no intent of its own: its code words say it
    return facts + (["code"] if "code" in parts or code_cues(own) else [])


def _content_part(read: dict[str, str]) -> str | None:
    """The part of a question in parts (`read`: each part -> its intent) that asks about a
    paper's content, beside its metadata ("the music one - what BLEU score did it get, and
    who are the authors?"): not metadata, nor a set's; a count of one paper's is a figure
    ("OpenVLA 파라미터 몇 B짜리고 저자 중에 누구 있어?": how many parameters)."""
    content = ("search", "summary", "compare", "count")
    return next(
        (
            p
            for p, i in read.items()
            if i in content and not ARCHIVE_WORDS.search(p) and not VOTES.search(p)
        ),
        None,
    )


# a name's own paper asked for: "the <name> paper", "<name> technical report", "<name>
# 원논문", "<name> 논문에서"; not papers on it ("NL2SQL papers in April?", "X 논문 있어?")
_ITS_PAPER = re.compile(
    r"<name>(?:'s)?\s*(?:(?:paper|technical report|tech report|report)(?![A-Za-z])"
    r"|원\s*논문|논문(?:에서|의)|기술\s*보고서|리포트)",
    re.I,
)
# a name of several words as a title writes it: capitals or digits first, small joining
# words between ("Tree of Thoughts", "Swin Transformer", "3D Gaussian Splatting")
_TITLED = (
    r"[A-Z0-9][\w.+-]*(?:\s+(?:(?:of|the|for|and|in|on|a|an|to|with|is|are)\s+)*"
    r"[A-Z0-9][\w.+-]*){1,5}"
)
# the original paper of a name ("the original ReAct paper", "OpenAI's original CLIP",
# "ELECTRA 원 논문"): that name's own paper, which no later paper writing it is
_ORIGINAL_OF = re.compile(
    rf"\boriginal\s+(?P<titled>{_TITLED})\s+(?:paper|report)\b"
    r"|\boriginal\s+(?P<en>[A-Za-z][\w.+-]*[A-Za-z0-9])(?![\w.+-])"
    r"(?P<paper>(?:\s+\S+){0,2}?\s+(?:paper|report)\b)?"
    rf"|원래\s*(?P<was>{_TITLED}|[A-Za-z][\w.+-]*[A-Za-z0-9])\s*논문"
    rf"|(?P<ko>{_TITLED}|[A-Za-z][\w.+-]*[A-Za-z0-9])\s*원\s*논문",
)
# what sets a paper against another: "원래 SAM 논문 대비", "... than the original X paper"
_AGAINST = re.compile(
    r"\s*(?:의\s*)?(?:대비|보다|에\s*비해|과\s*비교|와\s*비교|이랑\s*비교|랑\s*비교)"
)
_THAN = re.compile(r"\b(?:than|versus|vs\.?|compared (?:to|with)|over)\s+(?:the\s+)?$", re.I)
# a name's shape: a capital inside it, a digit, or two capitals or more ("ReAct", "CLIP")
_NAME_SHAPED = re.compile(r"[a-z][A-Z]|\d|[A-Z]{2}")


# a name written alone, a Korean particle after it ("CogVideoX가", "Stable Diffusion 3는")
def _kind_word(word: str) -> bool:
    """Whether a word says what kind of thing a name is ("dataset", "벤치마크가", "데이터셋임":
    a kind of `slots.jsonl`'s kind_noun, with a Korean particle or ending of up to two
    syllables)."""
    m = cue_pattern("kind_noun").match(word)
    return bool(m) and (m.end() == len(word) or (not word.isascii() and len(word) - m.end() <= 2))


_LATIN_NAME = re.compile(r"(?P<name>[A-Za-z][\w.+ -]*[A-Za-z0-9])[가-힣]{0,2}")
_LATIN_WORDS = re.compile(r"[A-Z][\w.+-]*(?: [A-Z][\w.+-]*)+")  # capitalised: "Stable Diffusion"
# (in Korean, "<name> 논문" alone, when it asks for no papers: "NL2SQL 논문 뭐 있어?" does)
_ITS_PAPER_KO = re.compile(r"<name>\s*논문(?!들)")
_ASKS_FOR_PAPERS_KO = re.compile(r"뭐\s*있|있(?:어|나|을까|니|는지)|추천|찾아")


# a plural of papers after a name: its family ("Phi-4 reports", "Qwen 계열 모델들")
_FAMILY_NOUN = (
    r"(?:reports|papers|models|variants|versions|family|series|시리즈|계열|모델들|논문들)"
)
# a name of hyphenated parts ("SWE-Gym", "Mobile-Agent-E"; with two capitals or more)
_HYPHENATED_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w-])")
# a version written alone ("to 2.5", "vs v1.5"; a number after "vs", "to", "and", "or",
# "from", "about" or a Korean "and" ("7.8B랑 3.5"), not one of points or times, or before a
# Korean particle), and one ending a name
_AND_KO = "이랑|랑|하고|와|과"  # the Korean particles that join two names ("A랑 B")
_BARE_VERSION = re.compile(
    r"(?:(?<![\w.-])(?P<v>v\d+(?:\.\d+)*)"
    rf"|(?:\b(?:vs\.?|versus|to|and|or|from|about)|(?<=\w)(?:{_AND_KO}))\s+(?P<d>\d+\.\d+))"
    # (a Korean particle may be glued on: "v1은")
    r"(?![A-Za-z0-9_.%-]|\.\d|\s*(?:points?|times|x\b|%|percent|pp\b|dB|seconds?|ms\b))"
    # one a Korean particle or the word 버전 follows ("3.5랑 비교하면?", "2.5는?", "3에서는
    # ...?", "3.5 버전은"; a whole number only as a sibling's name has it: VideoLLaMA 3)
    rf"|(?<![\w.-])(?P<k>\d+(?:\.\d+)?)(?=(?:{_AND_KO}|는|은|에서는|에선)(?![가-힣])|\s*버전)",
    re.I,
)
_KOREAN_AND = re.compile(rf"(?<=\w)(?:{_AND_KO})$")  # "A랑 B": and
_TRAILING_VERSION = re.compile(r"[-\s]?v?\d+(?:\.\d+)*$", re.I)
# what may come before a version a follow-up names alone: "그럼", "and", "what about"
_LEADS = re.compile(r"(?:그럼|그러면|그리고|and|but|what about|how about|so)?", re.I)


_NAME_LIKE = re.compile(r"[A-Z][\w.+-]*")  # a word written as a name is: capital first


# a question that counts papers ("how many papers on Mamba", "Mamba 관련 논문 몇 개")
_PAPERS = re.compile(r"\b(papers|works|studies)\b|논문", re.I)
# a clause describing a paper: "the paper that ...", "which paper used ...", "...로 50점 받은 논문"
_DESCRIBES = re.compile(
    r"\b(paper|work|study|one)\s+(that|which|where|whose|in\s+which)\b"
    r"|\b(which|what)\s+(paper|work|study)\s+(?!is\b|was\b)"
    r"|[가-힣]*(?:받은|보인|달성한|기록한|낸|쓴|만든|제안한|소개한|올린|줄인|높인|사용한|쓴)\s*논문",
    re.I,
)
_A_PAPER = re.compile(r"\b(papers?|works?|stud(y|ies))\b|논문", re.I)
_YES_NO = re.compile(r"\s*(is|was|were|did|does|has)\b", re.I)  # "Is X on the s1 paper?"
_ONE_PAPER = re.compile(r"\b(the|that|this)\s+(paper|work|study|preprint)\b", re.I)


def _opens_a_sentence(word: str, question: str) -> bool:
    """Whether a capitalised dictionary word is written only as the first of a sentence
    after the question's first ("... is encoded. After training ..."): a plain word."""
    if not (word[:1].isupper() and word[1:].islower() and english_word(word.lower())):
        return False
    at = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", question)]
    return bool(at) and all(re.search(r"[.!?]\s+$", question[:i]) for i in at)


def _span(f: Filters) -> str:
    """A date range as an answer says it: "2025-02-20", "2025-02-01 – 2025-02-28"."""
    if f.since and f.since == f.until:
        return f.since
    return f"{f.since or '…'} – {f.until or '…'}"


def _noted(
    routed: Routed | None, unmatched: list[str], info: QuestionInfo, topic: bool = False
) -> Routed | None:
    """`routed` with a first line saying which words were about none of the dates' papers
    (`topic`: a topic the archive has elsewhere, not words that only ask)."""
    if routed is None or not unmatched:
        return routed
    words, span = " ".join(unmatched), _span(info.filters)
    if topic:
        note = (
            f"{span} 논문 중 '{words}' 관련 논문은 없습니다. 그 날짜의 논문:"
            if info.korean
            else f"No paper of {span} is about '{words}'. Its papers:"
        )
    else:
        note = (
            f"({span} 논문 중 '{words}'에 해당하는 논문은 없어서, 그 날짜의 모든 논문으로 답합니다.)"
            if info.korean
            else f"(No paper of {span} is about '{words}', so this answer covers all of its papers.)"
        )
    routed.draft = f"{note}\n{routed.draft}"
    return routed


def _title_said(query: str, korean: bool = False) -> str:
    """The words a title count asks for, quoted, its choices joined as the answer's language
    says "or": "'robot' or 'robotics'", "'Speech' 또는 'TTS'"."""
    return (" 또는 " if korean else " or ").join(f"'{w}'" for w in TITLE_CHOICES.split(query))


def _unversioned(paper: Paper) -> bool:
    """Whether the paper's name has no version: the first of its family ("Depth Anything")."""
    return not re.search(r"\d", paper.name or paper.label)
