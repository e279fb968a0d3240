"""The offline router: a question's intent and slots mapped to the archive tools.

Metadata questions are answered from metadata: authors from the author list, code from
the GitHub / Hugging Face links stored with the paper (rendered by code, after the
citation check, never quoted from a summary), votes with their ranking, counts with their
breakdown, lists with how many there are. Topic search, summaries and comparisons return
None here: the extractive answerer handles them over the hybrid retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from assistant.answer import trend as trends
from assistant.answer.asking import (
    _AMONG,
    _CITED,
    _COUNTS_DIGESTS,
    _COUNTS_THINGS,
    _EARLIEST_OF,
    _MOST,
    _NEWER_WORDS,
    _SAME_AUTHORS,
    A_LIST,
    VOTES,
    _asks_hugging_face,
    _its_votes,
    _languages,
    _languages_named,
    _one_digest,
    _only_language_names,
    _top_n,
    asks_by_language,
    asks_fewest,
    busiest_unit,
    digest_language,
    min_votes,
    rank_asked,
)
from assistant.answer.citations import Step, apart, refusal
from assistant.answer.extractive import ExtractiveAnswerer, asks_quantity, quote_label, sentences
from assistant.answer.likeness import (
    _ASKS_A_SET,
    _ASKS_COMPARE,
    _CHANGED,
    _CHOOSES_BY,
    _COMPARED_TO,
    _HOW_DIFFERENT,
    _LIKE_IT,
    _SIMILAR_TO,
    _SPEED,
    _VERSUS,
    _WHICH_SIDE,
    SPEED_WORDS,
    _about_the_subject,
    _asks_a_figure,
    _aspect,
    _like_another,
    _likened,
    _likens,
    _likens_figures,
    _other_like,
    _others_after,
    _similar_words,
    _verdict,
)
from assistant.answer.naming import (
    _an_example,
    _as_capitalised,
    _beside,
    _by_head_only,
    _capitals_written,
    _carries,
    _coined_as_written,
    _first_written,
    _mask_names,
    _masked,
    _measured_on,
    _named_first,
    _named_whole,
    _names_in,
    _not_inside_another,
    _only_aside,
    _side,
    _sized,
    _surname_in,
    _to_get,
    _versions_of,
    _writes,
    _written,
    _written_names,
)
from assistant.answer.topic import (
    _HANGUL_WORD,
    _LATIN_STEM,
    ARCHIVE_WORDS,
    SET_INTENTS,
    _beyond_title,
    _content_words,
    _in_asides,
    _intent_words,
    _label,
    _naming,
    _title_query,
    _titled_by,
    _without_glosses,
    topic_phrase,
    topic_query,
    topic_words,
)
from assistant.answer.wording import (
    _LANGUAGE_NAMES,
    NEWEST_SHOWN,
    _busiest_line,
    _by_language_lines,
    _digests_in,
    _fact_line,
    _in_language,
    _linked,
    _n_papers,
    _newest_digest_line,
    _newest_line,
    _newest_of,
    _no_votes,
    _none_has,
    _of_those,
    _on_or_in,
    _sentences_writing,
    _shown_of,
    _votes,
    _weekday_lines,
    _weekday_name,
)
from assistant.index import korean
from assistant.index.lexical import tokenize
from assistant.retrieve.hybrid import (
    CAPITALISED,
    QUOTED_HEAD,
    Hit,
    choices,
    coined_names,
    name_pattern,
    topical_terms,
    versioned_names,
)
from assistant.text import HANGUL_RUN, english_word, is_korean
from assistant.tools import (
    TITLE_CHOICES,
    WEEKDAYS,
    ArchiveTools,
    ToolError,
    ToolResult,
    dates_in,
    within,
)
from assistant.types import Filters, Paper
from assistant.understand import attributes, glossary, intents
from assistant.understand.condense import baseline_of
from assistant.understand.dates import RECENT_DAYS, asks_earliest, asks_weekday, weekdays_named
from assistant.understand.query import (
    CONTRAST,
    FILTERED,
    PLURAL_PAPERS,
    QuestionInfo,
    analyse,
    asked_part,
    asks_a_set,
    code_cues,
    contrasted,
    mask,
    mask_topic,
    strip_slots,
)
from assistant.understand.references import ARXIV_ID, SUBJECT, back_pointer, choice_between, counted
from assistant.understand.slots import cue_pattern

SHOW = 30  # papers a list shows in full; the count says how many more there are
COUNT_SHOWN = 10  # papers a count of more than SHOW shows (the most voted)
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


def _noted(
    routed: Routed | None, unmatched: list[str], info: QuestionInfo, topic: bool = False
) -> Routed | None:
    """`routed` with a first line saying which words were about none of the dates' papers
    (`topic`: a topic the archive has elsewhere, not words that only ask)."""
    if routed is None or not unmatched:
        return routed
    words, span = " ".join(unmatched), Router._span(info.filters)
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


class Router:
    def __init__(self, tools: ArchiveTools):
        self.tools = tools
        self.catalog = tools.catalog
        # (the archive's glossary, as the retriever reads Korean with it)
        self.extractive = ExtractiveAnswerer(
            vocabulary=lambda: tools.retriever.glossary if tools.retriever is not None else None
        )

    def own_topic(self, question: str) -> str:
        """The question's own topic phrase, beyond asking words and pointers ("any newer
        work on LLM self-correction?": "LLM self-correction"; "anything newer on this?":
        none)."""
        text = _NEWER_WORDS.sub(" ", question)
        topic = self._topic_words_of(question, text)
        return topic_phrase(text, topic) if _content_words(topic) else ""

    def topic_of(self, question: str) -> str:
        """The question's topic words, as written ("그 중에 에이전트 관련 논문은?": 에이전트)."""
        topic = self._topic_words_of(question, question)
        return " ".join(topic) if _content_words(topic) else ""

    def _topic_words_of(self, question: str, text: str) -> list[str]:
        """The topic words of `text` (the question or part of it), read as `question` is."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return topic_words(text, info, self.named(info))

    def named_ids(self, question: str) -> list[str]:
        """The arXiv ids of the papers the question names (`named`)."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return [p.arxiv_id for p in self.named(info)]

    def compares(self, question: str) -> bool:
        """The question compares papers and names none ("which does better on HumanEval?")."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return info.intent == "compare" and not self.named(info)

    def asks_of_one(self, question: str) -> bool:
        """The question asks one paper's authors, code or digest dates and names nothing: no
        paper, date or topic ("is there a github link?", "who are the authors?", "when
        was it in the digests?"). After an answer about a paper, it asks about that paper.
        So does a question each of whose parts asks so ("깃헙 링크 있어? 그리고 언제
        다이제스트에 올라온 거야?", "who wrote it and when was it in the digests?")."""
        parts = [p for p in intents.clause_parts(question) if p.strip(" ?.!,")]
        if len(parts) > 1 and all(self._asks_of_one(p) for p in parts):
            return True
        return self._asks_of_one(question)

    def _asks_of_one(self, question: str) -> bool:
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        if info.intent not in PAPER_FACTS or info.dates or info.arxiv_ids:
            return False
        names = self.named(info)
        return not names and not _content_words(topic_words(question, info, names))

    def listing_only(self, question: str) -> bool:
        """The question asks for a list and names nothing to list: no paper, date or topic
        ("목록 보여줘", "show me the list", "list them all"). After an answer about a set
        of papers, it asks for that set in full."""
        return self._asks_only(question, "list")

    def counting_only(self, question: str) -> bool:
        """The question asks how many and names nothing to count ("how many?", "몇 편이야?",
        "how many of them?"). After an answer about a set of papers, it asks that set's size."""
        return self._asks_only(question, "count")

    def _asks_only(self, question: str, intent: str) -> bool:
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        if info.intent != intent or info.dates or info.arxiv_ids or digest_language(question):
            return False
        if intent == "count" and asks_by_language(question):
            return False  # "두 언어 모두에 실린 논문은 몇 편이야?": what it counts by is named
        if _EARLIEST_OF.search(question):
            return False  # "which of those came out first?": one of them, by its date
        names = self.named(info)
        return not names and not _content_words(topic_words(question, info, names))

    def named(self, info: QuestionInfo) -> list[Paper]:
        """Papers the question names: the subject of a follow-up first, then arXiv ids, a
        title and names in the order the question mentions them."""
        subject = _subject_ids(info.text)
        own = SUBJECT.sub(" ", info.text)  # the subject's title names no other paper
        seen = [i for i in self._own_names(info) if i not in subject]
        seen = self._one_per_name(own, seen)
        if subject:  # not a model the subject is set against: "what win rate did it get
            # against Qwen 2 Audio?" after DiVA, which writes so (not Qwen2's paper)
            written = " ".join(self.catalog.papers[i].lexical_text() for i in subject)
            seen = [i for i in seen if not baseline_of(self.catalog.papers[i], own, written)]
        text = info.text.lower()

        def mentioned_at(pid: str) -> int:
            p = self.catalog.papers[pid]
            found = [text.find(w.lower()) for w in (pid, *_written(p))]
            return min((at for at in found if at >= 0), default=len(text))

        seen.sort(key=mentioned_at)
        seen = _not_inside_another(text, seen, {i: _written(self.catalog.papers[i]) for i in seen})
        return [self.catalog.papers[i] for i in [*subject, *seen]]

    def sibling_asked(self, question: str, arxiv_id: str) -> str | None:
        """The other version of the paper talked about that a follow-up names by its version
        alone and asks about, not against it: "what about v2?", "3.5 버전은 컨텍스트 얼마나
        늘었어?", "3에서는 ...?" (not "how does it compare to 3.5?", "2.0보다 나아?")."""
        compared = (_ASKS_COMPARE, _COMPARED_TO, _CHANGED)  # ("2.5 버전은 뭐가 달라졌어?")
        if arxiv_id not in self.catalog or any(c.search(question) for c in compared):
            return None  # the two set side by side
        found = self._siblings(question, [arxiv_id])
        return found[0] if len(set(found)) == 1 else None

    def _found_named(self, info: QuestionInfo) -> Paper | None:
        """The paper the search finds first when the question names it: by its title's
        first words ("EM Distillation" of "EM Distillation for One-step Diffusion Models")
        or by a name it writes far more than any other paper ("APG", which its summary
        spells out), if any (not a paper the question only describes)."""
        retriever = self.tools.retriever
        found = retriever.retrieve(info.text, info.filters, k=1)
        if not found.hits:
            return None
        hit = found.hits[0]
        if hit.via == "name" or self.catalog.writes_title_start(info.text, hit.arxiv_id):
            return hit.paper  # (named, not described: "There's a paper (Quicksviewer) ...")
        own = SUBJECT.sub(" ", info.text)
        if any(retriever.coins(name, hit.arxiv_id) for name in CAPITALISED.findall(own)):
            return hit.paper  # ("HG-DPO", "APG": coined by the paper found)
        return None

    def _set_aside(self, info: QuestionInfo) -> Paper | None:
        """The one paper the question sets aside by its whole name ("SpargeAttn 말고"; not
        "Mamba" of "Vision Mamba 말고", inside another name), if any."""
        whole = set(self.catalog.by_short_name(SUBJECT.sub(" ", info.text)))
        ids = self._aside_ids(info) & whole
        return self.catalog.papers[ids.pop()] if len(ids) == 1 else None

    def _aside_ids(self, info: QuestionInfo) -> set[str]:
        """The papers the names the question sets aside name ("SpargeAttn 말고")."""
        return {pid for w in contrasted(info) for pid in self.catalog.by_short_name(w)}

    def _own_names(self, info: QuestionInfo) -> list[str]:
        """The papers the question names outside a follow-up's subject: arXiv ids, a title
        and names (a Korean question's also in its English rendering), catalog ids. A paper
        the question sets its topic against ("other than SpargeAttn") is not named by it."""
        own = SUBJECT.sub(" ", info.text)
        for span in info.contrast:
            own = own.replace(span, " ")
        ids = ARXIV_ID.findall(own)
        if pid := self.catalog.by_title(own):
            ids.append(pid)
        # "'Observational Scaling Laws' 논문", "DeepSpeak 데이터셋": the words a title alone
        # begins with, when few papers write them all (not "Process Reward Models", a topic
        # that one title begins with and a hundred papers write; nor "OpenAI", which begins
        # "OpenAI o1 System Card")
        if self.tools.retriever is not None:  # (the index counts who writes them)
            ids += self.tools.retriever.titles_begun(own, asks_a_set(replace(info, text=own)))
        english = self.tools.retriever.glossary.translate(own) if info.korean else None
        ids += [
            pid
            for pid in self.catalog.by_short_name(own, english)
            if not self._asking_name(pid, own)
        ]
        # (of a follow-up's subject too: "How does it compare to 3.5?" after EXAONE 3.0)
        of = [i for i in [*ids, *_subject_ids(info.text)] if i in self.catalog]
        ids += self._siblings(own, of)
        return [i for i in dict.fromkeys(ids) if i in self.catalog]

    def _family_asked(self, info: QuestionInfo, names: list[Paper]) -> str | None:
        """The name a question asks the papers of, written before a plural of papers and
        asking nothing else of them ("which Phi-4 reports are in the archive?", "Qwen2.5
        models"; not "what sizes do the Gemma models come in?"), when more than one title
        writes it and a listing shows them all: the family, not the one paper of that
        name."""
        if len(names) != 1 or not (name := names[0].name):
            return None
        own = SUBJECT.sub(" ", info.text)
        if not re.search(rf"(?<![\w-]){re.escape(name)}\s+{_FAMILY_NOUN}", own, re.I):
            return None
        rest = [
            w
            for w in topic_words(info.text, info, names)
            if not re.fullmatch(_FAMILY_NOUN, w, re.I) and not ARCHIVE_WORDS.fullmatch(w)
        ]
        if rest:
            return None  # it asks something of them: their sizes, their scores, a topic
        titled = self.tools.count_papers(query=name, in_title=True).data["total"]
        return name if 1 < titled <= SHOW else None

    def _siblings(self, question: str, ids: list[str]) -> list[str]:
        """The other versions a question names by their version alone beside a named
        paper: "from Hunyuan3D 2.1 to 2.5" (Hunyuan3D 2.5), "DeepSeek-Prover v1 vs v1.5"
        (DeepSeek-Prover-V1.5). A version after a name of its own is that name's ("Qwen2.5
        vs Llama 3.1": no Qwen 3.1)."""
        out = []
        for m in _BARE_VERSION.finditer(question):
            group = next(g for g in ("v", "d", "k") if m.group(g))
            version = m.group(group)
            before = question[: m.start(group)].split()
            joined = bool(before) and bool(_KOREAN_AND.search(before[-1]))  # "2.0이랑 2.5"
            if before and not joined and re.search(r"^[A-Z]|\d", before[-1]):
                continue  # "Llama 3.1", "Hunyuan3D 2.1": the version of the name before it
            if version.isdigit() and before and not _LEADS.fullmatch(" ".join(before)):
                continue  # a whole number leads the question ("3에서는 ...?"): "상위 3은?"
            number = version.lstrip("vV")
            for pid in ids:
                # (a title that is a name and its version: "Depth Anything V2")
                own = self.catalog.papers[pid]
                base = _TRAILING_VERSION.sub("", own.name or own.label)
                if len(base) >= 3:  # (its name may glue the number on: "SageAttention3")
                    named = [f"{base} {version}", f"{base}{number}"]
                    out += [
                        found
                        for name in named
                        for found in self.catalog.by_short_name(name)
                        if _carries(self.catalog.papers[found], number)
                        # (the first version is the name without one: "Depth Anything")
                        or (number in ("1", "1.0") and _unversioned(self.catalog.papers[found]))
                    ]
        return [i for i in out if i not in ids]

    def _one_per_name(self, question: str, ids: list[str]) -> list[str]:
        """Of papers sharing a name ("Chimera" for time series, "Chimera" for a generalist
        VLM), the one the rest of the question is about: the best term coverage."""
        by_name: dict[str, list[str]] = {}
        for pid in ids:
            by_name.setdefault(self.catalog.papers[pid].label.lower(), []).append(pid)
        dropped = set()
        for name, same in by_name.items():
            if len(same) > 1:
                rest = re.sub(re.escape(name), " ", question, flags=re.I)
                latin = HANGUL_RUN.sub(" ", rest)
                # a Korean question's English words are its names and terms; its Korean
                # asking words would favour whichever paper has a Korean digest
                # (and its Korean words in English: "오디오 LLM 벤치마크 MMAU" is the audio one)
                if is_korean(rest) and topical_terms(latin):
                    rest = f"{latin} {self.tools.retriever.glossary.english_terms(rest)}"
                keep = self.tools.retriever.best_of(rest, same)
                dropped |= set(same) - {keep}
        return [pid for pid in ids if pid not in dropped]

    @staticmethod
    def _papers_on(question: str, info: QuestionInfo, names: list[Paper], topic: list[str]) -> bool:
        """Whether a topic search asks for papers on a topic ("SVG 같은 벡터 그래픽 생성
        논문 있어?"), not for a named paper's fact."""
        if info.intent != "search" or not _PAPERS.search(question):
            return False
        return intents.asks_for_papers(mask_topic(_masked(question, info, names), topic))

    def _of_its_aspect(self, question: str, info: QuestionInfo, paper: Paper) -> bool:
        """Whether a paper a "similar" question names is on the aspect the question asks
        its similar papers to share (`_aspect`): it passes the relevance gate for it, as a
        paper named by its title or id is taken to. A short name of a paper off the
        aspect is a word of the topic: "papers that generate vector graphics like SVG" are
        not papers like "SVG" (stereoscopic video generation). A name of several words
        written with its capitals ("papers like Speculative Streaming? ... without a draft
        model") is the paper's, whatever its digests' language; so is a name whose paper has
        the aspect's words as fully as any paper has them (`answers_as_well`: a misspelt
        word, "virtual tryon", that no paper writes leaves none passing the gate)."""
        topic = topic_words(question, info, [paper])
        if (
            _aspect(paper, topic, question) is None
            or _named_whole(paper, question)
            or _as_capitalised(paper.name or "", question)
            or _coined_as_written(paper.name or "", question)
        ):
            return True
        if self.tools.retriever.answers_as_well(_aspect(paper, topic, question), paper.arxiv_id):
            return True  # it has the aspect's words as fully as any paper ("TinySAM이랑
            # 비슷한 논문 ... SAM 경량화 쪽으루": a misspelt word no paper has fails the gate)
        whole = replace(info.filters, since=None, until=None)  # its words, its own among them
        found = self.tools.retriever.gate_all(" ".join(topic), whole)
        return any(h.arxiv_id == paper.arxiv_id for h in found.hits)

    def _asking_name(self, pid: str, text: str) -> bool:
        """A paper's one-word name that is also an asking word ("RePO" and "repo"), written
        other than exactly as the title writes it: the word, not the paper."""
        asking = intents.example_words() | _intent_words("code") | _intent_words()
        return intents.asked_not_named(self.catalog.papers[pid].label, text, asking)

    def declined_name(self, question: str) -> str | None:
        """The name an answer to `question` declines as no paper's own ("What is
        CogVideoX?": CogVideoX), which a follow-up pointing back asks about ("who are its
        authors?"), not the first of the papers that mention it."""
        info = analyse(
            question,
            Filters(),
            self.tools.newest_date,
            self.tools.oldest_date,
            self.tools.digest_dates,
        )
        found = self._defined_unowned(question, info, self.named(info))
        return found[0] if found else None

    def route(self, question: str, filters: Filters) -> Routed | None:
        info = analyse(
            question,
            filters,
            self.tools.newest_date,
            self.tools.oldest_date,
            self.tools.digest_dates,
        )
        info = self._latest_in_language(info)
        names = self.named(info)
        if info.intent == "similar" and not names and (like := self._set_aside(info)):
            # "SpargeAttn 말고 비슷한 거 있어?": the paper set aside is the one the others are
            # to be like (itself left out of them); not when the question names the paper
            # they are to be like ("similar to Hymba besides Samba")
            names = [like]
        if (
            info.intent == "similar"
            and not names
            and _likens(SUBJECT.sub(" ", question))  # (not "for like a dollar")
            and (named := self._found_named(info))
        ):
            # "Similar to APG (adaptive projected guidance), ...?", "EM Distillation이랑 비슷한
            # ... 더 있어?": a name only its summary coins, or its title's head, which the
            # search reads as naming the paper
            names = [named]
        if len(names) == 1 and (described := self._described_with(question, names[0])):
            names = [described]  # the paper described, the name one of its words
        if not names and busiest_unit(question) in ("author", "topic"):
            info = replace(info, intent="count")  # "who wrote the most papers?": a count by
            # author, not a paper's authors; "hot topics last month?": a count by topic
        if info.intent == "top_voted" and info.filters.has_code and not _MOST.search(question):
            # "2025-02-26 논문 중에 깃허브 링크 있는 거 뭐야?": those with code, no ranking
            info = replace(info, intent="list", wants_list=True)
        intent = info.intent
        on_name: Paper | None = None  # a paper whose name is the topic of a listing
        family: str | None = None  # a name whose papers a listing is of ("Phi-4 reports")
        if member := self._membership(info):
            return member  # "was Phi-4 among them?": in the previous answer's papers or not
        if (unowned := self._unowned(question, names, its_paper=True)) and (
            _ITS_PAPER.search(asked := question.replace(unowned[0], "<name>"))
            # ("Stable Diffusion 3 논문", "<name> 논문 내용": its paper, asking for no set)
            or (
                _ITS_PAPER_KO.search(asked)
                and not info.asks_set
                and not _ASKS_FOR_PAPERS_KO.search(asked)  # ("NL2SQL 논문 뭐 있어?": papers)
            )
        ):
            # "what did the FlashAttention-3 paper report ...?", "DeepSeek-V2 원논문 요약해줘":
            # no digest covers its paper
            return self._no_own_paper(info, *unowned)
        if original := self._original_unowned(question, names):
            return self._no_own_paper(info, *original)  # "In the original ReAct paper, ...?"
        if defined := self._defined_unowned(question, info, names):
            return self._no_own_paper(info, *defined)  # "What is CogVideoX?": no paper's own
        if (
            not names
            and info.intent in PAPER_FACTS
            and (titled := self._titled_one(question, info))
        ):
            names = [titled]  # "Llama 3 누가 만들었어?": "The Llama 3 Herd of Models"
        if (
            len(names) == 1
            and not _named_whole(names[0], question)
            and (
                (
                    (info.filters.has_code or info.intent == "top_voted")
                    and info.dates
                    and PLURAL_PAPERS.search(question)
                )
                or (  # "most upvoted Mamba paper in the archive?": of the papers on it
                    info.intent == "top_voted"
                    and _MOST.search(question)
                    and _A_PAPER.search(question)
                    and back_pointer(SUBJECT.sub(" ", question)) is None
                )
            )
        ):
            # "which Mamba papers from January 2024 have code on GitHub?": the papers on it
            # with code, not that paper's code (a set with code, as the question reads whole);
            # "top 3 most voted Mamba papers from January 2024": the papers on it, ranked
            on_name, names = names[0], []
        # "A vs B", "compare", "비교": papers set against each other
        asks_compare = bool(_ASKS_COMPARE.search(SUBJECT.sub(" ", question)))
        if len(names) > 1 and not asks_compare:
            names = _likened(question, names)  # "StarVector랑 비슷한": StarVector
        if names:  # "compare <paper> and <paper>": read with the names masked, as intended
            masked = asked_part(_masked(question, info, names))
            # (its cue words outside the names: "Code" of "Long Code Arena" asks no code)
            intent = intents.cued(intents.classify(masked).name, _mask_names(question, names))
            if (
                intent == "similar"
                and not is_korean(question)  # ("같은" asks for papers, "score" may be a topic)
                and cue_pattern("figure_cue").search(question)
                and not set(tokenize(question)) & _similar_words()
            ):
                # "MLMove - how much more humanlike than rule-based bots?" asks a figure:
                # "more ... like" only sounds like "more like this one", and no word of its
                # own asks for papers ("comparable to A?", "A 같은 거" ask with no figure)
                intent = "search"
            if (
                intent == "top_voted"
                and len(names) == 1
                and not VOTES.search(question)
                and not _MOST.search(question)
            ):
                intent = "summary"  # "Stop Regressing 논문 뭐야?": no votes, no ranking asked
            if (
                len(names) == 1
                and intent in ("search", "compare", "summary")
                and cue_pattern("rival_cue").search(question)
            ):
                # "anything faster than SpargeAttn?", "SpargeAttn보다 나은 거 있어?": papers
                # doing what it does, each with how fast (a rival, not its own speedup)
                intent = "similar"
            if info.code_words and intent in CODE_OF_NAMED:
                intent = "code"  # "which of those has code?": the named papers' links
            elif len(names) == 1 and _to_get(question, names[0]):
                intent = "code"  # "how can I get SpargeAttn?": where it is, its links
            elif (
                len(names) > 1
                and intent == "similar"
                and re.search(r"\b(?:vs\.?|versus)\b", SUBJECT.sub(" ", question), re.I)
            ):
                # "LocalMamba vs EfficientVMamba: how much does each beat Vim-Ti ... at similar
                # FLOPs?": two set against each other ("similar" is of the setting)
                intent, asks_compare = "compare", True
            elif len(names) > 1 and intent in ("compare", "search") and VOTES.search(question):
                # "Kimi k1.5랑 DeepSeek-R1 중 누가 추천 더 많아?": their votes, set against
                # each other (names, whatever words they are made of)
                intent, asks_compare = "top_voted", True
            elif (
                len(names) > 1
                and choice_between(question)
                and _CHOOSES_BY.search(question)
                and not VOTES.search(question)  # ("which one of those got the most upvotes?")
                and intent not in PAPER_FACTS  # ("which one has more authors?": counted)
                and not (info.dates or info.dates.relative or _EARLIEST_OF.search(question))
            ):
                # "which one is cheaper to train?", "어느 쪽이 더 빨라?" of the papers named
                # (or pointed back to): the two set against each other on it, not those of
                # them on 'cheaper train'
                intent, asks_compare = "compare", True
            elif (
                len(names) == 1
                and intent in ("search", "list", "code")
                and _YES_NO.match(question)
                and (
                    self.catalog.author_in(SUBJECT.sub(" ", question))
                    or _surname_in(names[0], SUBJECT.sub(" ", question))
                )
            ):
                # "Was Saining Xie involved in BlenderFusion?", "did Dao work on Mamba?"
                intent = "authors"  # its authors
            info = replace(info, intent=intent, wants_list=intent in ("list", "recent"))
            if (
                intent in SET_INTENTS
                and not (len(names) > 1 and asks_compare)
                and not self._one_paper(question, info, names)
                and not _its_votes(question, names)
            ):
                # (not names set against each other: "Depth Anything vs Depth Anything V2:
                # which got more upvotes?" names two papers, whatever words they are made of)
                # "papers on web agents with world models": a topic (but "tell me about the
                # LLM in a flash paper" asks about the one paper its title's head names)
                names = [p for p in names if not _by_head_only(p, question)]
            family = self._family_asked(info, names) if intent in ("search", "list") else None
            if family:
                # "which Phi-4 reports are in the archive?": the papers its titles name
                intent = "list"
                info = replace(info, intent=intent, wants_list=True, title_words=(family,))
            counts = intent == "count" and cue_pattern("count_cue").search(question)
            if (intent in ("search", "list") or (intent == "count" and not counts)) and (
                _other_like(question, names)
                or _others_after(question, names)
                # "DA-Code 비슷한 데이터 사이언스 에이전트 벤치마크 더 알려줘": the paper named
                # first, then the word asking for papers like it
                or (
                    (like := _LIKE_IT.search(question))
                    and not _likens_figures(question)
                    # ("Tina처럼 LoRA로 RL 돌리면 비용 얼마나 들어?": doing as it did, a figure)
                    and not (like.group(0) == "처럼" and _asks_a_figure(question))
                    and _named_first(names[0], topic_words(question, info, names), question)
                    and _first_written(names[0], question) < like.start()
                )
            ):
                # "Is there other work like LLaDA-V, i.e. ...?": papers like the one named,
                # however near a topic search the rest of its words read ("Are there other
                # papers that ...?" near a count, asking no number)
                intent = "similar"
                info = replace(info, intent=intent, wants_list=False)
            if intent == "similar" and _like_another(question, names):
                # "NeuFlow - what fps does it reach on edge platforms like Jetson?": an
                # example of something else, no papers like the one named
                intent = "search"
                info = replace(info, intent=intent, wants_list=False)
            if intent == "similar" and info.title_words:
                # "papers with Phi-4 in the title": the papers its titles name, not the ones
                # like it (read as "papers like A" once the name is masked)
                intent = "list"
                info = replace(info, intent=intent, wants_list=True)
            if intent in SET_INTENTS and info.title_words:
                names = []  # "which paper with Mamba in the title ...": words of titles
            topic = topic_words(question, info, names)
            # an aspect of two words or more ("vector graphics") beside a name may be what
            # the question is about, the name one example of it
            aspect = (
                bool(names)
                and _content_words((_aspect(names[0], topic, question) or "").split()) > 1
            )
            if (
                aspect
                and (intent == "similar" or self._papers_on(question, info, names, topic))
                and not _SAME_AUTHORS.search(question)
                and not self._of_its_aspect(question, info, names[0])
                # ("TrackGo처럼 ... 제어하는 논문 더 알려줘": others like the one named, which
                # the words of its aspect alone would top)
                and not _others_after(question, names)
                # ("Mixture-of-Depths 비슷한 거, 특히 MLLM에 적용한 것들": papers similar to
                # that paper, named by its name, then on the aspect; not papers on 'MLLM 적용')
                and not (_SIMILAR_TO.search(question) and _named_first(names[0], topic, question))
                # (a paper named by its title is that paper: "along the lines of 'Do NOT
                # Think That Much for 2+3=?' - reasoning models burning tokens ...")
                and names[0].arxiv_id
                not in {
                    self.catalog.by_title(question),
                    *dict(self.catalog.by_quoted_start(question)).values(),
                    # ("Stable Score Distillation 논문 읽어봤는데, 이거처럼 ...")
                    *dict(self.catalog.by_title_start(question, QUOTED_HEAD)).values(),
                }
            ):
                # "papers that generate vector graphics like SVG", "SVG 같은 벡터 그래픽 생성
                # 논문 있어?": the name is an example of the topic, not the paper "SVG"
                # (stereoscopic video generation), which is not on it
                names, intent = [], "search"
                info = replace(info, intent=intent, wants_list=False)
            if (
                names
                and intent in ("search", "similar")
                and all(_an_example(p, question) for p in names)
                and not cue_pattern("others_cue").search(question)
                and not _LIKE_IT.search(question)
            ):
                # "Qwen2.5 같은 텍스트 LLM에 붙여서 실시간 음성 대화 ... 구조 나온 거 있어?": how
                # to do something with a kind of model, the name one example of it, not its
                # paper (nor papers like it, which "LLaVA-Scissor 같은 ... 논문 또 뭐 있어?"
                # asks for with a word of its own)
                names, intent = [], "search"
                info = replace(info, intent=intent, wants_list=False)
            if intent == "count" and _PAPERS.search(SUBJECT.sub(" ", question)):
                # "2024년 3월에 Mamba 관련 논문 몇 개?": papers on Mamba, not Mamba's figures
                names = [p for p in names if _named_whole(p, question)]
            if (
                len(names) == 1
                and intent in ("search", "list")
                and not _content_words(_beyond_title(topic, names[0]))
                and info.dates
                and _PAPERS.search(question)
                and intents.asks_for_papers(
                    mask_topic(_masked(question, info, []), _written(names[0]))
                )
            ):
                # "KAN papers in 2024", "2024년 KAN 관련 논문 뭐 있어?": papers on it within
                # those dates (the paper itself among them), not the paper alone
                on_name, names = names[0], []
            if info.code_words and intent not in FILTERED:  # "<paper> 코드 공개돼 있어?"
                info = replace(info, code_words=(), filters=replace(info.filters, has_code=None))
        if intent == "similar" and _likens_figures(question):
            # "A랑 비슷한 성능을 내면서 계산량은 얼마나?": a figure like A's, not papers like A
            intent = "search"
            info = replace(info, intent=intent)
        if (
            intent == "similar"
            and not names
            and (
                not set(tokenize(question)) & _similar_words()
                or (not _SIMILAR_TO.search(question) and topic_words(question, info, names))
            )
        ):
            # "flow matching으로 TTS 한 논문 있어?" only sounds like "비슷한 논문 있어?": with
            # no word of its own that asks for similar papers, it asks for papers on a topic;
            # so does "any other work on speculative decoding?", which names no paper and
            # says "similar" in no word ("other", "like" give no paper to be like)
            intent = "search"
            info = replace(info, intent=intent)
        if intent == "when" and not names and back_pointer(SUBJECT.sub(" ", question)) is None:
            # a digest's language asked of no paper is no "was it in a Korean digest?" but
            # which digests (a filter read already): read as the rest of the question is
            masked = _languages()[0].sub(" ", asked_part(_masked(question, info, names)))
            read = intents.classify_asking_no_date(masked)
            if read == "top_voted":
                intent = read  # "top 3 by votes in the Korean digest of <date>"
            elif ARCHIVE_WORDS.search(question):
                # "when is the latest Korean digest?": the digests' dates, as a count says them
                intent = "count"
            else:  # "how many papers per weekday in English?"
                intent = intents.cued(read, question)
            info = replace(info, intent=intent, wants_list=intent in ("list", "recent"))
        topic = topic_words(question, info, names)
        if intent == "top_voted":  # (a list keeps the gloss: papers writing either are on it)
            topic = _without_glosses(topic, SUBJECT.sub(" ", question))
        if on_name is not None:  # by its name, not its title's words written as a gloss
            topic = [on_name.label, *_beyond_title(topic, on_name)]
        if family:  # the titles that write its name ("Phi-4 reports": not "reports")
            topic = [family]
        pointer = back_pointer(SUBJECT.sub(" ", question))
        if (
            pointer is not None
            and counted(pointer)
            and len(self._own_names(info)) >= counted(pointer)
        ):
            pointer = None  # "A이랑 B 비교하면? 둘 다 RL ...": both of those it names
        f = info.filters
        if (
            not names
            and not topic
            and cue_pattern("first_listed").search(question)
            # (at the top by votes is a ranking: "what's at the top by votes in Feb 2024?")
            and not cue_pattern("votes_cue").search(question)
            # (nor the top of a list shown: "what's at the top of that list?", its first)
            and not A_LIST.search(question)
        ):
            return self._first_listed(info)  # "which paper is listed first in it?"
        if not names and not pointer and (origin := self._origin(info, topic)) is not None:
            return origin  # "which paper introduced GRPO?": the first that does, not all
        if pointer and pointer.strong and pointer.picks is None and not (names or topic or f):
            # "그 중에 제일 투표 많이 받은 건?" after an answer that listed no paper (or as a
            # first question): those are no papers; not the whole archive's ranking
            return self._which_paper(info, several=True)
        # (the papers pointed at: all of them, or several picked, "둘이 같은 날 나왔어?")
        several = pointer is not None and (pointer.picks is None or len(pointer.picks) > 1)
        if len(names) > 1 and several:
            if (least := min_votes(question)) is not None:
                # "그 중에 투표 40개 이상 받은 것만", "only those with over 100 votes"
                return self._named_with_votes(info, names, least)
            if info.dates.relative == "latest" and not _naming(topic):
                # "which of those is the most recent?": the newest of them, not those of
                # the newest digest
                return self._newest_named(info, names)
            if _EARLIEST_OF.search(question) and not f:
                # "그 중에 제일 먼저 올라온 건 뭐야?", "the oldest of those?": the earliest
                return self._newest_named(info, names, oldest=True)
            if f.since or f.until:
                # "그 중 2025년 3월에 나온 것만", "just the ones from 2025": those of its dates
                return self._named_in_dates(info, names, topic)
        if (
            len(names) > 1
            and _naming(topic)
            and intent in (*SET_INTENTS, "summary")
            and pointer is not None
            and pointer.picks is None
            and not asks_compare  # "A vs B: which one ...?"
        ):
            # "which of those are GUI agent papers?": the previous answer's papers on it;
            # "거기서 단백질 언어모델 논문 좀 자세히 설명해줘": the one on it, summarised
            return self._named_on_topic(info, names, topic)
        if intent not in ("list", "recent", "search", "summary", "compare"):
            probe = self.tools.retriever.retrieve(question, filters, k=1)
            if probe.absent or probe.unstated:
                return None  # "Gemma 4": a versioned name no paper mentions, the gate refuses
        try:
            if (
                names
                and VOTES.search(SUBJECT.sub(" ", question))
                and intent != "compare"
                and (_content_words(topic) <= MAX_TOPIC or self._votes_part(info, names))
            ):
                # (not a description that has the word: "how malicious votes can corrupt
                # leaderboards like Chatbot Arena, what share of bad votes ...?")
                # several papers' votes, most voted first: "which one of those got the most?"
                ranked = sorted(names[:SHOW], key=lambda p: -(p.votes or 0))
                if _MOST.search(question) and any(p.votes is not None for p in ranked):
                    # "그 중에 투표 제일 많이 받은 건?": the first few (when none has votes, the
                    # answer says so of all of them, not of the first few)
                    ranked = ranked[: _top_n(question)]
                # "몇 번 나왔어? 투표수도": its digest dates say its votes too
                return self._paper_facts("when" if intent == "when" else "votes", info, ranked)
            language = digest_language(SUBJECT.sub(" ", question))
            if len(names) > 1 and language:  # "그 중 한국어 다이제스트에 나온 건?"
                return self._named_in_language(info, names[:SHOW], language)
            if names and _SAME_AUTHORS.search(SUBJECT.sub(" ", question)):
                return self._by_same_authors(info, names[0])  # "같은 저자들의 다른 논문?"
            # one paper named where a comparison may name two ("A or B, which is higher?")
            one_side = len(names) == 1 and (
                intent == "compare"
                or (
                    # ("A랑 B 차이 설명해줘" reads as a summary: "설명해줘")
                    intent in ("search", "summary")
                    and (
                        _WHICH_SIDE.search(question)
                        or _VERSUS.search(SUBJECT.sub(" ", question))
                        or asks_compare  # "A랑 B, 활성 파라미터 수 비교하면?"
                    )
                )
            )
            if intent == "compare" and _about_the_subject(question):
                intent = "search"  # "How did R1-Distill-70B do in that comparison?": the
                # previous paper's comparison, a model named in it as context
            elif one_side and (other := self._other_side(question, names[0])):
                # "Skywork-SWE랑 SWE-Gym 중에 ... 더 높은 건?", "which ..., FasterCache or
                # AdaCache?": two sides, the second written as no short name has it
                intent, names = "compare", [*names, other]
            elif one_side and (missing := self._missing_side(question, names[0])):
                # "which is faster, FlashInfer or SageAttention2?": no digest has FlashInfer
                return self._compare_absent(info, names, [missing])
            elif one_side and (unowned := self._unowned_side(question, names[0])):
                # "Qwen2.5 vs Llama 3.1 on MMLU?": many papers write Llama 3.1, none is its
                # own (nor does Qwen2.5's report measure against it): not a paper that
                # happens to rank next
                return self._compare_absent(info, names, [unowned], written=True)
            elif len(names) >= 2 and (
                (intent == "search" and _WHICH_SIDE.search(question))
                or (intent in ("search", "count", "summary") and asks_compare)
            ):
                intent = "compare"  # "which reports the bigger speedup, A or B?", "A vs the B
                # tech report: headline benchmark numbers?", "LIMO vs s1: how many training
                # examples did each one fine-tune on?" (a figure of each, not a count); "A
                # vs B - what does each one build on?" (each one's gist, side by side)
            if intent == "compare" and (len(names) >= 2 or self._asks_to_compare(info, names)):
                return self._compare(question, info, names, filters)
            if intent == "compare":  # "how much better than GPT-4o is it?": a fact question
                return None
            if (
                not names
                and asks_compare
                and intent in ("search", "summary")
                # "MLE랑 MAP 추정 차이 쉽게 설명해줘" reads as a summary: a comparison of
                # two things no paper is named by, all the same (not a figure asked "versus"
                # another, of the paper talked about or one described: "BD3-LM이 LM1B에서
                # perplexity 얼마 나왔어? AR이랑 차이는?")
                and not SUBJECT.search(question)
                and not cue_pattern("figure_cue").search(question)
                and not asks_quantity(question)
                and (declined := self._compared_unnamed(question, info, filters))
            ):
                return declined
            if info.title_words and topic and not names and intent in ("search", "list", "count"):
                return self._count(info, topic, question)  # "papers with 'agent' in the title"
            # (a ranking or a count of a topic's papers, however dated, is read below:
            # "what are the hottest agent papers lately? top 3")
            ranks = intent in ("top_voted", "count")
            if not names and topic and not ranks and not self.catalog.by_handle(question):
                if self.tools.retriever.absent_names(question):
                    return None  # "claude 5 context length?": no paper has that model
                recent = intent == "recent" or bool(info.dates.relative)
                dated = (
                    intent in ("search", "list")
                    and bool(info.filters.since or info.filters.until or info.filters.has_code)
                    # (one paper described at length, dated, is asked about, not a set: "A
                    # late-2023 system batched denoising steps ...: how much faster ...?")
                    and (
                        intent == "list"
                        or _content_words(topic) <= MAX_TOPIC
                        or _ASKS_A_SET.search(question)  # "which papers ... combined ...?"
                        or intents.asks_for_papers(mask_topic(mask(question, info.dates), topic))
                    )
                )
                # "추천 시스템 논문 찾아줘", "any work on music generation?": the papers on it
                # (a way asked for, "LLM 서빙이 느려. 빠르게 하는 방법?", is the focused answer
                # on the paper that best gives one, unless it says "papers")
                listing = (
                    intent in ("search", "list")
                    and _content_words(topic) <= MAX_TOPIC
                    and intents.asks_for_papers(mask_topic(mask(question, info.dates), topic))
                    and not (
                        cue_pattern("way_cue").search(question) and not _ASKS_A_SET.search(question)
                    )
                )
                # (answerable whatever the code filter: a set may have no paper with code)
                anyway = replace(filters, has_code=False)
                if (recent or dated) and self._answerable(question, topic, anyway):
                    routed = self._topical(question, info, topic, recent=recent)
                    if routed or recent or not self._untouched(question, topic, info, filters):
                        return routed  # (None: a set of one, the focused answer on it)
                    if intent == "search" and not info.filters.has_code:
                        # "On Sept 3, which papers were about agents?": a topic of the archive,
                        # none of those dates' papers on it; say so, and show them
                        listed = self._list(replace(info, intent="list"))
                        if not self.catalog.on_dates(f.since, f.until):
                            return listed  # no digests of those dates: that says it all
                        return _noted(listed, topic, info, topic=True)
                    # nothing of those dates is about the words, nor passes the retrieval's
                    # gate: they may only ask ("pull up the nov 7 digest"), read below
                # undated, the question or its topic words pass the gate a topic search's
                # would: no leniency for Korean words found only in English summaries
                if listing and self._answerable(question, topic, filters, english=False):
                    return self._topical(question, info, topic, recent=False)
        except ToolError:
            return None
        unmatched: list[str] = []
        if topic and not names and self._no_topic(question, info, topic):
            if not intents.asks_in_own_words(
                mask(question, info.dates), intent
            ) or attributes.asked(question):
                # "what was OpenAI's annual revenue in 2024?": the words are what it asks
                # about, and no paper of those dates is; nothing asks for the papers (and
                # "total revenue" asks a figure of its subject, not how many papers)
                return None
            # "What was the crowd favourite on 2024-12-16?": asking words no example has,
            # no topic of the archive; the question is about those dates' papers (and the
            # answer says which words it could not read as a topic)
            unmatched, topic = topic, []
        authors_cue = cue_pattern("authors_cue").search(question)
        if (
            intent == "search"
            and not names
            and authors_cue
            and not PLURAL_PAPERS.search(question)
            and (authors_cue.start() == 0 or is_korean(authors_cue.group(0)))
        ):
            # "who wrote that paper about ...?": read as a topic by its many words, it asks
            # who wrote the one paper it describes
            intent = "authors"
            info = replace(info, intent=intent)
        if (
            not names
            and topic
            and intent in ("count", "top_voted", "search")
            and VOTES.search(SUBJECT.sub(" ", question))
            and _ONE_PAPER.search(question)
            and not _MOST.search(question)
        ):
            # "how many votes did the paper about commutative vector quantization get?": the
            # votes of the one paper it describes, not a count of the papers on its words
            found = self.tools.retriever.retrieve(question, filters, k=1)
            if found.relevant and found.hits:
                return self._paper_facts("votes", info, [found.hits[0].paper])
        # (a gloss in parentheses restates a word: "프레임 보간(frame interpolation)")
        glossed = _in_asides(topic, SUBJECT.sub(" ", question))
        long_topic = len(topic) - len(glossed) > (
            MAX_TREND_TOPIC if intent == "trend" else MAX_TOPIC
        )
        # a question rich in topic words is a topic question (papers like a named one
        # "like benchmarks of llm agents playing games": the words are its aspect), but for
        # the named paper they describe ("who's behind VAPO, the efficient and reliable RL
        # for advanced reasoning paper?"), its authors or code; and who wrote a paper described
        # unnamed ("who wrote that paper about running LLMs bigger than DRAM ...?"): the first
        # relevant hit's, as for a short description (asked in words that ask for authors:
        # a long question's intent alone is no reason, "co-authored text" is a topic); and
        # where the code of one paper described is ("GitHub repo for the efficient web
        # crawling for LLM pretraining paper?"), not of papers on a topic
        if (
            long_topic
            and intent != "list"
            and not (intent == "similar" and names)
            and not (intent in PAPER_FACTS and self._described(question, names))
            # ("who are the authors, and what win rate did it get against Qwen 2 Audio?"
            # after DiVA: a part asks the metadata of the paper talked about, the other its
            # summary, whatever words that has; not a first question's part, which a long
            # description may read as one: "When ModernBERT and DeBERTaV3 were pretrained
            # on ...")
            and not (
                intent in (*PAPER_FACTS, "search", "summary")
                and len(names) == 1
                and names[0].arxiv_id in _subject_ids(question)
                and set(PAPER_FACTS) & set(self._parts_read(info, names).values())
            )
            and not (intent == "authors" and not names and authors_cue)
            and not (intent == "code" and not names and self._asks_code(info, topic))
        ):
            return None
        if not names and self.catalog.by_handle(question):
            # "papers by Saining Xie": every paper of that author; else a search by handle
            author = self.catalog.author_in(question)
            # (whatever it sounds like: "papers by X" is near "papers like X", a similar)
            if author and intent not in ("trend", "compare"):
                return self._by_author(info, author)
            return None
        if (
            intent in ("search", "when", "top_voted")
            and busiest_unit(question) in ("day", "month", "weekday")
            and not names
            and (not topic or not cue_pattern("votes_cue").search(question))
        ):
            intent = "count"  # "which day was the quietest?": a count by day; "25년에 GRPO
            # 쓴 논문 제일 많았던 달이 언제야?" near a ranking in "제일 많았던", no votes asked;
            # "NeRF 논문이 제일 많이 올라온 달이 언재야?" near a topic search by its typo
            info = replace(info, intent=intent)
        if intent in ("search", "list") and not names and not topic and asks_weekday(question):
            intent = "count"  # "2025년 1월 월요일마다 논문 몇 편씩 나왔어?": by day of the week
            info = replace(info, intent=intent)
        if intent in ("search", "list") and not names and asks_by_language(question, False):
            intent = "count"  # "다이제스트 언어별로 몇 개야?": a count by digest language
            info = replace(info, intent=intent)
            topic = topic_words(question, info, names)
        if intent in (*PAPER_FACTS, "similar") and not names and not topic:
            return self._which_paper(info)  # "who wrote it?" with no paper before it
        if intent == "summary" and (unowned := self._unowned(question, names)):
            return self._no_own_paper(info, *unowned)  # "summarize FlashAttention-3"
        if intent in (*PAPER_FACTS, "similar") and not names:
            # "the visual perception token paper": the paper retrieval puts first, if relevant
            found = self.tools.retriever.retrieve(question, filters, k=1)
            if not found.relevant and topic:  # "LoRAM 깃허브 저장소 어디야?": its topic alone
                found = self.tools.retriever.retrieve(" ".join(topic), filters, k=1)
            names = [found.hits[0].paper] if found.relevant and found.hits else []
            dated = info.filters
            if (
                (dated.since or dated.until)
                and not self.catalog.on_dates(dated.since, dated.until)
                and not (names and all(_writes(names[0], s) for s in info.dates.spans))
            ):
                # "Who won the 2022 World Cup?": dates no digest covers, which the paper found
                # does not write either ("... IMO geometry problems from 2000 to 2022" is
                # what AlphaGeometry2's digest writes: its content, not a date asked)
                every = self.tools.count_papers(since=dated.since, until=dated.until)
                return self._no_digests(info, dated, every)
        try:
            if intent in ("search", "summary") and len(names) == 1:
                # "who wrote SpargeAttn and how much faster is it?": a part asks its metadata
                # (each part read with the paper masked: "In the Qwen2.5 technical report, ..."
                # asks nothing of its own)
                asked = self._parts_read(info, names)
                intent = next((f for f in PAPER_FACTS if f in asked.values()), intent)
            if intent in PAPER_FACTS and names:
                return self._paper_facts(intent, info, names[:SHOW])
            if intent == "similar" and names:
                return self._similar(info, names[0], topic)
            if (
                intent == "top_voted"
                and cue_pattern("figure_cue").search(question)
                and not cue_pattern("votes_cue").search(question)
            ):
                return None  # "which paper has the highest SWE-bench score?": by a figure
            # (votes are the archive's: "which long-context benchmark got the most votes?")
            archive = bool(ARCHIVE_WORDS.search(question) or info.dates) or (
                intent == "top_voted" and bool(cue_pattern("votes_cue").search(question))
            )
            unit = busiest_unit(question)
            # "most prolific authors"; "what was the busiest day?": of the archive, with no
            # topic (there is nothing else to be busy)
            archive = archive or unit == "author" or bool(unit and not topic and intent == "count")
            if intent in ("top_voted", "count") and (names or not archive):
                # "how many parameters ...", "DeepSeek-R1's AIME score": a paper's content
                return None
            if intent == "top_voted":
                return _noted(self._top_voted(info, topic), unmatched, info)
            if intent == "count":
                return _noted(self._count(info, topic, question), unmatched, info)
            if intent == "trend" and not names:  # a named paper's figure is no trend
                return self._trend(info, topic, question)
            if intent == "list" and len(names) > 1 and not topic:
                return self._list_named(info, names[:SHOW])  # "list them", after a count
            if intent in ("list", "recent") and not topic and not names:
                # (each paper with its gist when a summary is asked: "24년 4월 17일
                # 다이제스트 내용 정리해줘" had listed two titles)
                gist = bool(cue_pattern("summary_cue").search(question))
                return _noted(self._list(info, gist=gist), unmatched, info)
            if intent in ("search", "summary") and not topic and not names and info.dates:
                # dates alone: a listing ("summarize the 2023-12-20 digest", "12월 20일자
                # 논문 요약해줘": no paper to summarise, the digest's papers)
                gist = intent == "summary" or bool(cue_pattern("summary_cue").search(question))
                return self._list(replace(info, intent="list"), gist=gist)
        except ToolError:
            return None
        return None

    # -- helpers --------------------------------------------------------------------------

    def _untouched(
        self, question: str, topic: list[str], info: QuestionInfo, filters: Filters
    ) -> bool:
        """No paper of the question's dates passes the relevance gate for the topic words,
        not even as touching on it, and the retrieval finds nothing relevant either (a
        description of one paper passes the latter, not the former)."""
        f = info.filters
        retriever = self.tools.retriever
        gated = retriever.gate_all(" ".join(topic), Filters(f.since, f.until, f.topic))
        if gated.hits or gated.touching:
            return False
        return not retriever.retrieve(question, filters, k=1).relevant

    def _latest_in_language(self, info: QuestionInfo) -> QuestionInfo:
        """ "The latest Korean digest" is the newest digest in Korean, not the newest digest
        (which may be English only); "the first Korean digest" the oldest in Korean."""
        language = digest_language(info.text)
        if language is None:
            return info
        stats = self.catalog.stats()["dates"]
        if info.dates.relative == "latest":
            stats = list(reversed(stats))
        elif not (
            info.dates.since == info.dates.until == self.tools.oldest_date
            and asks_earliest(info.text)
        ):
            return info
        day = next((d["date"] for d in stats if language in d["languages"]), None)
        if day is None or day == info.filters.since:
            return info
        return replace(
            info,
            filters=replace(info.filters, since=day, until=day),
            dates=replace(info.dates, since=day, until=day),
        )

    def _outside(
        self, topic: list[str], query: str, f: Filters, question: str = ""
    ) -> tuple[str, list[str]] | None:
        """A rare topic word no paper of the dates writes, with the papers that do
        (`HybridRetriever.outside`), when every reading of the topic's choices has one. A
        word the question writes only in parentheses is another name of the words before
        it ("diffusion 언어모델(dLLM)"): the dates have the topic when they have those."""
        retriever = self.tools.retriever
        # a paper's name as the whole topic, written by no paper of those dates ("star
        # attention papers from mid-2024?": its plain words are no rare word)
        for pid in self.catalog.by_short_name(query):
            name = self.catalog.papers[pid].name or ""
            if name.lower() == query.strip().lower() and (
                writers := retriever.name_outside(name, f)
            ):
                return name, writers
        # (a word capitalised only as a later sentence's first, "... encoded. After training
        # for one day ...", is a plain word, no name)
        topic = [w.lower() if _opens_a_sentence(w, question) else w for w in topic]
        found = retriever.outside(topic, f)
        asides = _in_asides(topic, question) if found else []
        if found and found[0] in asides:
            rest = [w for w in topic if w not in asides]
            if rest and retriever.outside(rest, f) is None:
                return None
        for reading in choices(query) if found else ():
            if retriever.outside(reading.split(), f) is None:
                return None  # "financial reasoning": these dates have it
        return found

    def _asks_code(self, info: QuestionInfo, topic: list[str]) -> bool:
        """Whether a question rich in topic words asks for one paper's code: read with its
        topic words masked, it asks as a code question does ("Is there a GitHub repo for
        the <topic> <topic> paper?"), and for no set of papers. A question whose content
        has a code word ("GitHub pull requests", "link-graph") asks something else, and so
        does one asked after a colon that describes its paper ("...: what fraction ...?")."""
        if PLURAL_PAPERS.search(info.text):
            return False
        masked = mask_topic(_masked(info.text, info, []), topic)
        # (a phrase of topic words is one <topic>, as the examples write it: "github for the
        # <topic> paper?", not five in a row, which read as nothing an example asks)
        masked = re.sub(r"<topic>(?:\s+<topic>)+", "<topic>", masked)
        head, colon, asked = masked.rpartition(":")
        if colon and head.strip() and asked.rstrip().endswith("?"):
            masked = asked  # "<a benchmark built from 83 GitHub repos>: what fraction ...?"
        read = intents.classify(masked)
        return read.name == "code" and read.similarity >= CODE_ASKED

    def _described_with(self, question: str, named: Paper) -> Paper | None:
        """The paper a question describes in a clause that names another as one of its
        words: "who wrote the paper that scored 50 on AIME with Qwen2.5-32B?" asks for
        DAPO's authors (its digest writes Qwen2.5-32B), not Qwen2.5's. The paper the whole
        question finds first, relevant, writing the name, when the question describes a
        paper (`_DESCRIBES`) and does not name the named one whole or by its id."""
        own = SUBJECT.sub(" ", question)
        if not _DESCRIBES.search(own) or _named_whole(named, own):
            return None
        found = self.tools.retriever.retrieve(question, Filters(), k=1)
        if not found.relevant or not found.hits or found.hits[0].paper == named:
            return None
        top = found.hits[0].paper
        said = [w for w in _written(named) if w.lower() in own.lower()]
        texts = " ".join(text for _, text in top.summary_texts()).lower()
        return top if said and any(w.lower() in texts for w in said) else None

    def _described(self, question: str, names: list[Paper]) -> bool:
        """One paper named, and the one the whole question's words find first."""
        if len(names) != 1:
            return False
        found = self.tools.retriever.retrieve(question, Filters(), k=1)
        return found.relevant and bool(found.hits) and found.hits[0].paper == names[0]

    def _asks_to_compare(self, info: QuestionInfo, names: list[Paper]) -> bool:
        """A question naming fewer than two papers is a comparison only when it asks to
        compare ("compare SageAttention and its successor"), not when it measures one
        paper against a baseline ("compared with GPT-4o, how much better is CrEval?")."""
        masked = _masked(info.text, info, names)
        topic = topic_words(info.text, info, names)
        return intents.asks_to_compare(mask_topic(masked, topic))

    @staticmethod
    def _one_paper(question: str, info: QuestionInfo, names: list[Paper]) -> bool:
        """Whether a topic search naming papers asks about the one its words name, not for
        the papers on a topic those words are a phrase of: with the names as <topic>, its
        nearest way of asking is no "papers" phrasing ("tell me about the <topic> paper")."""
        if info.intent != "search" or len(names) != 1:
            return False
        masked = _masked(question, info, names).replace(" A ", " <topic> ")
        return not intents.asks_for_papers(masked)

    def _no_topic(self, question: str, info: QuestionInfo, topic: list[str]) -> bool:
        """Whether the topic words of a question about the papers of given dates (a count,
        a vote ranking, a listing) are about none of those dates' papers: no paper of
        them passes the relevance gate for the words. Such words ask ("the crowd
        favourite", "how big was the digest, paper-wise", "올라온 논문 수") or name
        something those dates do not have; either way the honest answer is about all of
        their papers, saying so. A named author is a search by author, never this."""
        f = info.filters
        if info.intent not in ("count", "top_voted", "list", "recent"):
            return False
        if not (f.since or f.until) or info.dates.relative or self.catalog.by_handle(question):
            return False
        retriever = self.tools.retriever
        if retriever.retrieve(question, Filters(), k=1).absent:
            return False  # a versioned name no paper mentions ("Gemma 4"): the gate refuses
        # (with code or not: "how many agent papers in December 2024 have code?" has a topic,
        # though none of its papers has code)
        return not retriever.gate_all(" ".join(topic), Filters(f.since, f.until, f.topic)).hits

    def _answerable(
        self, question: str, topic: list[str], filters: Filters, english: bool = True
    ) -> bool:
        """What a topic listing needs before it lists anything: no versioned name no paper
        mentions ("AlphaFold 3"), no figure the papers found do not state ("AI 관련주 뭐
        사야 돼?"), no lesson asked for, and the question, or its topic words alone, passing
        the retrieval's gate (for Korean topic words, gate_all's when `english`: dated
        listings)."""
        retriever = self.tools.retriever
        probe = retriever.retrieve(question, filters, k=1)
        if probe.absent or probe.unstated or probe.tutorial or probe.out_of_scope:
            return False  # (nor a figure no paper found states, a lesson, a pandas question)
        if attributes.asked(question) and not probe.relevant:
            return False  # a figure asked ("AI 관련주 뭐 사야 돼?"), its words alone no topic
        query = " ".join(topic)
        if probe.relevant or retriever.retrieve(query, filters, k=1).relevant:
            return True
        # a Korean topic's evidence is often in English summaries: gate_all reads the
        # English terms of a Korean question (its own and the glossary's) as well
        return english and is_korean(query) and bool(retriever.gate_all(query, filters).hits)

    def _origin(self, info: QuestionInfo, topic: list[str]) -> Routed | None:
        """ "Which paper introduced GRPO?", "who proposed DPO?", "GRPO를 처음 제안한 논문은?":
        of the papers of the dates that write the term, the earliest whose sentence with it
        says it introduces or proposes something (`origin_verb`), else the earliest to write
        it; with its authors when asked who. None when the question asks no origin
        (`origin_cue`) or no paper writes the term."""
        question = info.text
        if info.intent not in ("search", "authors", "list", "count", "summary"):
            return None
        cue = cue_pattern("origin_cue").search(question)
        if cue is None or PLURAL_PAPERS.search(question):  # "papers that proposed ...": a set
            return None
        asking = set(tokenize(cue.group(0)))
        # the term as papers write it, in Latin letters ("GRPO를": GRPO)
        words = [_LATIN_STEM.sub("", w) for w in _naming(topic)]
        words = [w for w in words if _LATIN_TERM.fullmatch(w) and not set(tokenize(w)) <= asking]
        if not words or len(words) > ORIGIN_WORDS:
            return None
        term = " ".join(words)
        rows = self.tools.retriever.lexical.with_all(tokenize(term))
        allowed = self.tools.retriever.allowed(replace(info.filters, has_code=None))
        papers = [
            self.catalog.papers[pid]
            for pid in (self.tools.retriever.ids[i] for i in rows)
            if (allowed is None or pid in allowed) and pid in self.catalog
        ]
        written = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
        verbs = cue_pattern("origin_verb")
        ko = info.korean

        def said(p: Paper) -> tuple[bool, str]:
            """Whether a sentence with the term says it introduces something, and the best
            sentence (in the question's language first)."""
            found = [
                (bool(verbs.search(sent)), lang == ("ko" if ko else "en"), sent)
                for lang, text in p.summary_texts()
                for sent in sentences(text)
                if written.search(sent)
            ]
            if not found:
                return False, ""
            best = max(found, key=lambda x: (x[0], x[1]))
            return best[0], best[2] if best[1] else f"({quote_label(ko)}: {best[2]})"

        # oldest first: the first that introduces something with it, else the first to write
        # it (a common term is in thousands of papers; their sentences are read only so far)
        first, introduces, sentence = None, False, ""
        for p in sorted(papers, key=lambda p: (p.dates[0], p.arxiv_id)):
            verb, sent = said(p)
            if sent and (first is None or verb):
                first, introduces, sentence = p, verb, sent
            if verb:
                break
        if first is None:
            return None
        day, oldest = first.dates[0], self.tools.oldest_date
        # (what the sentence says is the reader's to judge: "extends DPO" proposes no DPO)
        if ko:
            how = "무언가를 도입·제안하는 문장에 처음 쓴" if introduces else "처음 쓴"
            head = f"다이제스트에서 {term}을(를) {how} 논문은 **{first.label}** [1] ({day})입니다: "
            note = f"(다이제스트는 {oldest}부터 있어, 그 이전에 나온 원 논문은 없을 수 있습니다.)"
        else:
            how = " in a sentence that introduces or proposes something" if introduces else ""
            head = f"The earliest paper in the digests to write {term}{how} is **{first.label}** [1] ({day}): "
            note = f"(The digests begin on {oldest}; an origin before that is not in them.)"
        head += sentence
        lines = [head]
        result = self.tools.paper(first.arxiv_id)
        if info.intent == "authors" and (authors := result.data["authors"]):
            who = ", ".join(authors)
            lines.append(f"저자 ({len(authors)}명): {who}" if ko else f"Its authors: {who}.")
        lines.append(note)
        return self._routed(info.intent, info, lines, [first], [result])

    def _routed(self, intent, info, lines, papers: list[Paper], results: list[ToolResult]):
        hits = [Hit(p, 1.0 / (n + 1), 1.0, via="tool") for n, p in enumerate(papers)]
        steps = [
            Step(r.tool, r.arguments, [p.arxiv_id for p in r.papers], result=r) for r in results
        ]
        excluded = contrasted(info)
        if excluded and any(CONTRAST.search(r.arguments.get("query") or "") for r in results):
            # a set the question set against a name: say it was left out ("other than LoRA")
            names = ", ".join(excluded)
            lines = [
                *lines,
                f"(요청대로 {names} 논문은 제외했습니다.)"
                if info.korean
                else f"(Papers named {names} are left out, as asked.)",
            ]
        return Routed(intent, info, "\n".join(lines), hits, steps)

    def _declined(self, intent, info, lines, papers: list[Paper], results: list[ToolResult]):
        """`_routed`, marked refused: what was asked is not in the digests ("most upvoted
        paper on 2025-05-20?", whose English digest gives no votes); the papers it says
        that of are cited, as a paper asked a figure its digests do not give is."""
        routed = self._routed(intent, info, lines, papers, results)
        routed.refused = True
        return routed

    def _unowned(
        self, question: str, names: list[Paper], its_paper: bool = False
    ) -> tuple[str, list[Paper]] | None:
        """A versioned name the question asks about that the digests write but that is no
        paper's own, with the papers that write it ("FlashAttention-3", "Llama 4"); the
        papers named may only be look-alikes, another version ("Gemini" of "Gemini 2.5").
        `its_paper`: asked as "the <name> paper", also a name many papers write as a
        baseline, none as its own ("DeepSeek-V2 원논문": DeepSeek-V3 writes it throughout)."""
        retriever = self.tools.retriever
        for name in versioned_names(SUBJECT.sub(" ", question)):
            if any(not name.lower().startswith((p.name or p.title).lower()) for p in names):
                continue  # a paper named beside it is what is asked about
            writers = retriever.unowned(name)
            if (
                not writers
                and its_paper
                and not retriever.owned(name)
                # ("G2PT 논문 TL;DR": the paper spelling it out introduces it, untitled so)
                and not retriever.introduced(name)
            ):
                writers = retriever.writers(name)  # (none when no paper writes it either)
            if writers:
                if any(_sized(name, p) for p in self.catalog.papers.many(writers)):
                    continue  # a size of a writer's own model ("YOLOv12-X" of YOLOv12)
                return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])
        return None

    def _original_unowned(
        self, question: str, names: list[Paper]
    ) -> tuple[str, list[Paper]] | None:
        """A name whose original paper the question asks about ("the original ReAct paper",
        "ELECTRA 원 논문 기준으로") when no paper of the archive is named so, with the papers
        that write it: they build on it or measure against it, none is its paper."""
        retriever = self.tools.retriever
        own = _written_names(names)
        for m in _ORIGINAL_OF.finditer(SUBJECT.sub(" ", question)):
            name = next(g for g in m.group("titled", "en", "was", "ko") if g)
            if m.group("en") and not m.group("paper"):
                continue  # "than the original Transformer", "the original Korean summary":
                # a baseline or a word, not a question about that name's own paper
            if not _NAME_SHAPED.search(name) and english_word(name.lower()):
                continue  # "Attention Is All You Need 원 논문": a title's word, no name
            if self.catalog.by_short_name(name) or name.lower() in own:
                continue  # "the original Mamba paper": the archive's own
            if retriever.title_opens_with(name):
                continue  # "원래 Mixtral 논문": its paper by its title ("Mixtral of Experts")
            if _AGAINST.match(question[m.end() :]) or _THAN.search(question[: m.start()]):
                continue  # "원래 SAM 논문 대비 몇 배?", "than the original X paper": a baseline
            if writers := retriever.writers(name):
                return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])
        return None

    def _titled_one(self, question: str, info: QuestionInfo) -> Paper | None:
        """The one paper whose title opens with the one name the question asks of (its
        authors, links, dates), if any: "Llama 3 누가 만들었어?" asks of "The Llama 3 Herd
        of Models", not of LLaMA-Berry, which retrieval ranks first for "Llama"."""
        if not (name := self._asked_name(question, info, [])):
            return None
        pid = self.tools.retriever.titled_writer(name)
        return self.catalog.papers[pid] if pid else None

    def _asked_name(self, question: str, info: QuestionInfo, names: list[Paper]) -> str | None:
        """The one coined name (with its version) that is all the question, or its first
        part, asks of, with asking words beside it ("What is CogVideoX?", "Tacotron 2 누가
        만들었어?", "gelu가 뭐야? 수식이 어떻게 돼?"), if any."""
        if (name := self._name_asked(question, info, names)) is not None:
            return name
        parts = [p for p in intents.clause_parts(question) if p.strip()]
        if len(parts) < 2:
            return None
        # (read with the part's own asking words: "Who created TruthfulQA and what exactly
        # does it measure?" asks its authors first)
        part = replace(info, intent=intents.classify(parts[0]).name)
        return self._name_asked(parts[0], part, names)

    def _name_asked(self, question: str, info: QuestionInfo, names: list[Paper]) -> str | None:
        """`_asked_name` of the question as a whole."""
        topic = topic_words(question, info, names)
        if len(topic) > 1:  # a word saying what kind of thing the name is ("ImageNet
            # 데이터셋은 누가 만들었어?", "the HellaSwag benchmark") asks nothing of its own
            topic = [w for w in topic if not _kind_word(w)] or topic
        if len(topic) > 1:  # a name of several words with its version ("Stable Diffusion 3")
            words = " ".join(topic)
            whole = [v for v in versioned_names(question) if v.startswith(f"{words} ")]
            topic = whole[:1] if whole and _LATIN_WORDS.fullmatch(words) else topic
            if (
                len(topic) > 1
                and _LATIN_WORDS.fullmatch(words)
                and not all(english_word(w.lower()) for w in topic)
                and not self.catalog.by_author(words)  # (not "Ilya Sutskever")
                and self.tools.retriever.writers(words)
            ):
                topic = [words]  # or without one, coined and written so ("Swin Transformer")
        if len(topic) != 1 or not (m := _LATIN_NAME.fullmatch(topic[0])):
            return None
        name = m["name"]
        # (with its version: "Tacotron 2", whose "2" is no topic word)
        name = next((v for v in versioned_names(question) if v.startswith(f"{name} ")), name)
        if not re.search(r"[A-Za-z가-힣]{2}", question.replace(name, " ").replace(topic[0], " ")):
            return None  # "InternVL-3는?": what about it, of what was asked before
        if name.islower() and not english_word(name):
            # typed in lower case ("winogrande가 뭐임?"), as the papers write it: "WinoGrande"
            name = self.tools.retriever.written_form(name) or name
        coined = _NAME_SHAPED.search(name) or (name[0].isupper() and not english_word(name.lower()))
        return name if coined else None  # (a word: "What is quantization?"; "Synthea" is a name)

    def _defined_unowned(
        self, question: str, info: QuestionInfo, names: list[Paper]
    ) -> tuple[str, list[Paper]] | None:
        """A coined name the question asks what it is, or its paper's authors, links or
        dates, and nothing else ("What is CogVideoX?", "CogVideoX가 뭐야?", "who wrote
        CogVideoX?", "LambdaMART가 뭐야?"), when papers write it and no paper of the archive
        is named so, no title writes it, no paper writes it more than all others together
        and none says it introduces it (ACTalker, ToP, TPO are their papers'), with the
        papers that write it: they use it or measure against it, none says what it is the
        way its own paper would (LiFT fine-tunes CogVideoX-2B; one paper names LambdaMART
        among its rankers). However few papers write it: which one's own it is, is read
        from what they write, not from how many they are."""
        if names or info.asks_set or cue_pattern("origin_cue").search(question):
            return None  # ("CogVideoX papers?": papers on it; "who proposed GRPO?": the
            # earliest paper introducing it)
        if info.intent not in ("summary", "search", *PAPER_FACTS) or (
            info.intent == "search" and _A_PAPER.search(question)
        ):
            return None  # ("FlashAttention-3 논문 뭐 있어?": papers on it)
        if not (name := self._asked_name(question, info, names)):
            return None
        if info.dates and _dated_with(question, info, name):
            return None  # ("2024년 CogVideoX 논문": papers on it in those dates; not "SwiGLU가
            # 뭐야? 왜 요즘 LLM들이 다 이걸 써?", whose "요즘" is of another part)
        if self.catalog.by_short_name(name):
            return None
        retriever = self.tools.retriever
        writers = retriever.writers(name)
        if not writers:
            return None  # (a name no paper writes: `absent_names` says so)
        if retriever.owns(name):
            return None  # a paper's own: its title, how often it writes it, or it says so
        return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])

    def _no_own_paper(self, info: QuestionInfo, name: str, papers: list[Paper]) -> Routed:
        """ "Summarize the FlashAttention-3 paper": no digest covers it; the papers that
        mention it are cited, each with the sentence that does. Declined: what was asked
        is not in the digests."""
        ko = info.korean
        if ko:
            lines = [f"다이제스트에 {name} 자체를 다룬 논문은 없습니다. {name}을(를) 언급한 논문:"]
        else:
            lines = [f"No digest covers a paper on {name} itself. Papers that mention it:"]
        pattern = name_pattern(name)
        for n, p in enumerate(papers, start=1):
            said = _sentences_writing(p, pattern, ko)[:1]
            lines.append(
                f"- **{p.label}** [{n}] ({', '.join(p.dates)})" + "".join(f": {s}" for s in said)
            )
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._declined("summary", info, lines, papers, results)

    def _which_paper(self, info: QuestionInfo, several: bool = False) -> Routed:
        """ "Who wrote it?" when no paper was named before: ask which, do not guess (its
        asking words, "wrote", would otherwise find a paper with them in its title). And
        `several`: "그 중에 제일 투표 많이 받은 건?" when the answer before listed none."""
        if several:
            text = (
                "어떤 논문들 중에서인지 알려 주세요: 앞의 답에는 논문이 없었습니다. "
                "날짜, 주제 또는 논문 이름을 넣어 다시 물어봐 주세요."
                if info.korean
                else "Of which papers? The answer before listed none: ask again with a date, "
                "a topic or the papers' names."
            )
        else:
            text = (
                "어느 논문을 말씀하시는지 알려 주세요: 제목, 이름(예: SpargeAttn) 또는 arXiv id."
                if info.korean
                else "Which paper do you mean? Name it: a title, a short name (e.g. SpargeAttn) "
                "or an arXiv id."
            )
        routed = self._routed(info.intent, info, [text], [], [])
        routed.refused = True
        return routed

    def _in_all(
        self, since: str | None, until: str | None, f: Filters, ko: bool, language=None
    ) -> tuple[str, ToolResult]:
        """How many papers the dates hold in all, as a topic's count or listing says it
        (" (of 469 papers in all)"), and the count_papers result it comes from."""
        everything = self.tools.count_papers(
            since, until, f.topic, has_code=f.has_code, language=language
        )
        n_all = everything.data["total"]
        return (f" (전체 {n_all}편 중)" if ko else f" (of {_n_papers(n_all)} in all)"), everything

    def _apart(self, info: QuestionInfo, words: list[str]) -> Routed:
        """A topic whose rare words no paper has together: a refusal that says so."""
        routed = self._routed(info.intent, info, [apart(info.korean, words)], [], [])
        routed.refused = True
        return routed

    def _no_digests(self, info: QuestionInfo, f: Filters, result: ToolResult) -> Routed:
        """No digest within the question's dates: a refusal that names the nearest digests
        ("yesterday" was a Sunday) or the archive's dates."""
        text = refusal(info.korean, f, self.catalog.dates())
        routed = self._routed(info.intent, info, [text], [], [result])
        routed.refused = True
        return routed

    def _counted_in(self, f: Filters, ko: bool) -> str:
        """Where a count counts: its dates ("2024-12-01 – 2024-12-31"), or the archive."""
        return self._span(f) if (f.since or f.until) else ("전체 아카이브" if ko else "the archive")

    @staticmethod
    def _span(f: Filters) -> str:
        if f.since and f.since == f.until:
            return f.since
        return f"{f.since or '…'} – {f.until or '…'}"

    def _membership(self, info: QuestionInfo) -> Routed | None:
        """ "Was Phi-4 among them?", "그 중에 Phi-4 있어?": whether a paper the question
        names is one of the papers the previous answer gave (its subject), yes or no, with
        the paper's digest and votes, from the store."""
        subject = _subject_ids(info.text)
        if not subject or not _AMONG.search(SUBJECT.sub(" ", info.text)):
            return None
        asked = self._own_names(info)
        if len(asked) != 1:
            return None
        p, ko = self.catalog.papers[asked[0]], info.korean
        result = self.tools.paper(p.arxiv_id)
        votes = f", {_votes(p.votes, ko)}" if p.votes is not None else ""
        if p.arxiv_id in subject:
            at = subject.index(p.arxiv_id) + 1
            text = (
                f"네, **{p.label}** [1]은(는) 앞의 논문 {len(subject)}편 중 {at}번째입니다"
                f" ({p.dates[0]}{votes})."
                if ko
                else f"Yes: **{p.label}** [1] is #{at} of the {len(subject)} papers above"
                f" ({p.dates[0]}{votes})."
            )
        else:
            above = (
                (
                    "앞의 논문이 아닙니다"
                    if len(subject) == 1
                    else f"앞의 논문 {len(subject)}편에 없습니다"
                )
                if ko
                else (
                    "the paper above"
                    if len(subject) == 1
                    else f"among the {len(subject)} papers above"
                )
            )
            text = (
                f"아니요, **{p.label}** [1]은(는) {above} ({', '.join(p.dates)} 다이제스트)."
                if ko
                else f"No: **{p.label}** [1] is not {above}"
                f" (it is in the digest of {', '.join(p.dates)})."
            )
        return self._routed("paper", info, [text], [p], [result])

    def _dates(self, info: QuestionInfo) -> Filters:
        """The question's dates; none: the newest digest's day."""
        f = info.filters
        if f.since or f.until:
            return f
        newest = self.tools.newest_date
        return Filters(newest, newest, f.topic, f.has_code)

    # -- intents --------------------------------------------------------------------------

    def _paper_facts(self, intent: str, info: QuestionInfo, papers: list[Paper]) -> Routed:
        """A paper's metadata as asked: its votes, authors, dates or code links, and the others the
        question asks for in parts of its own ("who wrote LIMO and how many votes did it
        get?": both), from the store."""
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        lines: list[str] = []
        links: dict[str, str] = {}
        one = len(papers) == 1
        read = self._parts_read(info, papers)
        facts = [intent, *(f for f in _more_facts(info.text, read.values()) if f != intent)]
        hf = _asks_hugging_face(info.text)
        for fact in facts:
            if fact == "votes" and not one and all(p.votes is None for p in papers):
                lines.append(_no_votes(papers, info.korean))  # said once, not once per paper
                continue
            for n, (p, r) in enumerate(zip(papers, results, strict=True), start=1):
                lines.append(_fact_line(fact, n, p, r, info.korean, one, links, hf))
        part = _content_part(read) if one else None
        if part:
            # "who wrote it, and how well did the attack work?": its summary answers the rest
            sent = self.extractive.best(part, papers[0], info.korean, 1)[0]
            lines.append(f"**{papers[0].label}** [1]: {sent}")
        if intent == "code" and len(papers) > 1:
            return self._code_of_many(info, papers, results, links)
        routed = self._routed(intent, info, lines, papers, results)
        routed.links = links
        # votes asked alone of papers whose digests give none, or code of a paper whose
        # digests link none ("github link for the Qwen3 technical report?"): declined, the
        # papers cited
        routed.refused = not part and (
            (facts == ["votes"] and all(p.votes is None for p in papers))
            or (facts == ["code"] and not any(key.startswith("⟦links") for key in links))
        )
        return routed

    def _parts_read(self, info: QuestionInfo, papers: list[Paper]) -> dict[str, str]:
        """The parts of a question in parts (none: {}), each -> its intent, read with the
        papers it names masked."""
        own = SUBJECT.sub(" ", info.text)
        parts = [p for p in intents.clause_parts(own) if len(p.split()) >= intents.CLAUSE_WORDS]
        if len(parts) < 2:
            return {}
        # (each part as the whole is read: "which base model did they train on?" asks no
        # code, having no word that does; a part asking what digests rarely state asks of
        # the paper's content, whatever it reads as: "can I use the weights commercially?"
        # asks its license, not for its weights)
        return {
            p: "search"
            if attributes.asked(p)
            else intents.cued(intents.classify(_masked(p, info, papers)).name, p)
            for p in parts
        }

    def _votes_part(self, info: QuestionInfo, papers: list[Paper]) -> bool:
        """A part of a question about one paper asks its votes alone ("differential
        transformer: how many votes did it get, and what % of model size ...?"), whatever
        the other parts ask (its summary answers them)."""
        if len(papers) != 1:
            return False
        for part in intents.clause_parts(SUBJECT.sub(" ", info.text)):
            if VOTES.search(part) and part.strip() != info.text.strip():
                words = _content_words(topic_words(part, info, papers))
                if words <= 1:  # "votes" itself
                    return True
        return False

    def _code_of_many(self, info, papers: list[Paper], results, links: dict[str, str]) -> Routed:
        """Which of several papers have links: how many, those with links (each its own line),
        then the rest in one line. `links`: ⟦linksn⟧ -> the nth paper's links."""
        ko = info.korean
        linked = [n for n in range(len(papers)) if f"⟦links{n + 1}⟧" in links]
        order = linked + [n for n in range(len(papers)) if n not in linked]
        papers, results = [papers[n] for n in order], [results[n] for n in order]
        links = {f"⟦links{new}⟧": links[f"⟦links{old + 1}⟧"] for new, old in enumerate(linked, 1)}
        lines = [
            f"{len(papers)}편 중 {len(linked)}편에 GitHub / Hugging Face 링크가 있습니다."
            if ko
            else f"{len(linked)} of the {len(papers)} papers have a GitHub or Hugging Face link"
            " in the digests."
        ]
        lines += [
            f"- **{papers[n - 1].label}** [{n}]: ⟦links{n}⟧" for n in range(1, len(linked) + 1)
        ]
        rest = [f"**{p.label}** [{n}]" for n, p in enumerate(papers, start=1)][len(linked) :]
        if rest:
            lines.append(("링크 없음: " if ko else "No link: ") + ", ".join(rest))
        routed = self._routed("code", info, lines, papers, results)
        routed.links = links
        return routed

    def _similar(self, info: QuestionInfo, paper: Paper, topic: list[str]) -> Routed:
        """The paper's nearest papers; with topic words ("비슷한 그로킹 논문", "SwiftEdit-like
        fast editing"), those among its nearest that have them first."""
        about = _aspect(paper, topic, info.text)
        f = info.filters  # "papers like it since 2025-01": newer work like it
        result = self.tools.similar(
            paper.arxiv_id, limit=_top_n(info.text), about=about, since=f.since, until=f.until
        )
        ko = info.korean
        lines = [
            f"**{paper.label}** [1]와 비슷한 논문:"
            if ko
            else f"Papers similar to **{paper.label}** [1]:"
        ]
        family = set(result.data.get("family", ()))
        named = "; 제목에 이름이 들어간 후속·관련 연구" if ko else "; its name in the title"
        # ("papers similar to LayerTracer besides StarVector?": not the one set aside)
        aside = self._aside_ids(info)
        shown = [p for p in result.papers if p.arxiv_id not in aside]
        # (most alike first, by its vector and its words: no one number says how alike),
        # each with its sentence on the question, so one sees how; a rival asked for
        # ("anything faster than SpargeAttn?", "SpargeAttn보다 빠른 거") with its figure
        rival = bool(cue_pattern("rival_cue").search(info.text))
        for n, p in enumerate(shown, start=2):
            why = named if p.arxiv_id in family else ""
            sent = self.extractive.listed(info.text, p, ko, figure=rival, gist=True)
            lines.append(f"- **{p.label}** [{n}] ({', '.join(p.dates)}{why}): {sent}")
        return self._routed("similar", info, lines, [paper, *shown], [result])

    def _top_voted(self, info: QuestionInfo, topic: list[str]) -> Routed | None:
        f = info.filters
        ko = info.korean
        where = self._span(f) if (f.since or f.until) else ("전체" if ko else "the whole archive")
        # "top 3 by votes in the Korean digest of <date>": that language's digests only
        language = digest_language(SUBJECT.sub(" ", info.text))
        where += _in_language(language, ko)
        # a Korean predicate names no topic ("가장 인기 많았던 논문": 많았던 is 많다's past)
        # (a word of a vocabulary term is a noun: "비전 언어 모델", not "언" + the ending "-어")
        nouns = glossary.korean_words(info.text)
        topic = [
            w for w in topic if not _HANGUL_WORD.fullmatch(w) or w in nouns or korean.topical(w)
        ]
        # "most cited papers of 2024": the digests count votes, not citations; said first
        cited = [w for w in topic if _CITED.fullmatch(w)]
        topic = [w for w in topic if w not in cited]
        if cited:
            return _cited_note(self._top_voted(info, topic), info)
        if topic:  # "most upvoted RL paper in March 2025": the papers on it, by votes
            return self._top_voted_on(info, topic, where, language)
        result = self.tools.list_papers(
            f.since,
            f.until,
            f.topic,
            sort="votes",
            limit=_top_n(info.text),
            has_code=f.has_code,
            language=language,
        )
        voted = [p for p in result.papers if p.votes is not None]
        total = result.data["total"]
        if not total and language and self.catalog.on_dates(f.since, f.until):
            return self._none_in_language(info, f, language, result)
        if not total:
            return None
        if not voted:  # English digests carry no votes: say so, and show the papers
            lines = [
                f"{where} 다이제스트에는 추천 수가 없습니다. 논문 {total}편 중 일부:"
                if ko
                else f"The digests of {where} give no vote counts; {total} papers, among them:"
            ]
            lines += [f"{n}. **{p.label}** [{n}]" for n, p in enumerate(result.papers, 1)]
            return self._declined("top_voted", info, lines, result.papers, [result])
        lines = [
            f"{where} 논문 {total}편 중 추천 수 순위:"
            if ko
            else f"Most votes among the {total} papers of {where}:"
        ]
        if (rank := rank_asked(info.text)) and rank <= len(voted):
            # "what was the second most voted that day?": that one first, then the ranking
            p = voted[rank - 1]
            lines.insert(
                0,
                f"추천 수 {rank}위: **{p.label}** [{rank}] ({_votes(p.votes, ko)})"
                if ko
                else f"Number {rank} by votes: **{p.label}** [{rank}] ({_votes(p.votes, ko)})",
            )
        for n, p in enumerate(voted, start=1):
            lines.append(f"{n}. **{p.label}** [{n}]: {_votes(p.votes, ko)}{_linked(p, f)}")
        return self._routed("top_voted", info, lines, voted, [result])

    def _top_voted_on(
        self, info: QuestionInfo, topic: list[str], where: str, language: str | None = None
    ) -> Routed | None:
        """The most voted of the papers on a topic within the question's dates (of the
        most relevant ones a count returns), with their votes."""
        f, ko = info.filters, info.korean
        # "제목에 Mamba 들어간 논문 중에 제일 인기": the words as written, in titles
        in_title = bool(info.title_words)
        query = _title_query(topic, info.text) if in_title else topic_query(info.text, topic)
        if not in_title and not self._answerable(info.text, topic, Filters()):
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        result = self.tools.count_papers(
            f.since,
            f.until,
            f.topic,
            query=query,
            has_code=f.has_code,
            sort="votes",
            in_title=in_title,
            language=language,
        )
        total = result.data["total"]
        if result.data.get("apart"):
            return self._apart(info, result.data["apart"])
        if not total:
            return None
        # the papers clearly on the topic: a popular paper that only touches it is no answer
        share = result.data.get("relevance") or {}
        top = _top_n(info.text)
        on_it = [p for p in result.papers if in_title or share[p.arxiv_id] >= STRONG]
        voted = [p for p in on_it if p.votes is not None]
        # the papers on it whose digests give no votes are named after a ranking that
        # fills fewer places than asked: it says which papers on it it could not rank
        unvoted = [p for p in on_it if p.votes is None]
        # a paper about the topic says so up front (its title or opening sentences): those
        # are ranked ("hallucination in multimodal models": The Curse of Multi-Modalities,
        # not ChartMimic, whose one sentence on hallucination is an aside); the others
        # fill the places left, under a line of their own, and the more voted of them are
        # named after the ranking (a ranking by votes leaves out no paper with more)
        also: list[Paper] = []  # the others, in the places the papers about it leave
        above: list[Paper] = []  # the others with more votes than any paper about it
        if not in_title and (central := self._central(query, voted)):
            ids = {p.arxiv_id for p in central}
            rest = [p for p in voted if p.arxiv_id not in ids]
            above = [p for p in rest if (p.votes or 0) > (central[0].votes or 0)][:ABOVE]
            also = [p for p in rest if p not in above][: max(0, top - len(central))]
            voted = central
        voted = voted[:top]
        on_ko, on_en = (
            (
                f"제목에 {_title_said(query, True)}가 들어간",
                f"with {_title_said(query)} in the title",
            )
            if in_title
            else (f"'{query}' 관련", f"on '{query}'")
        )
        if not voted:  # English digests carry no votes: say so, and show the papers on it
            rest = [p for p in result.papers if p.votes is None and p not in unvoted]
            shown = (unvoted + rest)[:top]  # those clearly on it first
            return self._unvoted_on(info, (on_ko, on_en), where, result, shown)
        lines = [
            f"{where} {on_ko} 논문 {total}편 중 추천 수 순위:"
            if ko
            else f"Most votes among the {total} papers {on_en} in {where}:"
        ]

        def ranked(n: int, p: Paper) -> str:
            return f"{n}. **{p.label}** [{n}]: {_votes(p.votes, ko)} ({p.dates[-1]}){_linked(p, f)}"

        lines += [ranked(n, p) for n, p in enumerate(voted, start=1)]
        if also:
            # (a blank line first: a line right after a list item continues that item)
            lines.append(
                "\n" + ("그 밖에 이 주제를 언급한 논문:" if ko else "Others that mention it:")
            )
        lines += [ranked(n, p) for n, p in enumerate(also, start=len(voted) + 1)]
        if above:
            at = len(voted) + len(also) + 1
            said = ", ".join(
                f"**{p.label}** [{n}] ({_votes(p.votes, ko)})" for n, p in enumerate(above, at)
            )
            lines.append(
                f"\n추천은 더 많지만 제목과 요약 첫머리에 이 주제가 없는 논문: {said}"
                if ko
                else f"\nMore votes, but their title and opening sentences do not name it: {said}"
            )
        # (when the ranking has fewer places filled than asked)
        unvoted = unvoted[:ABOVE] if len(voted) + len(also) < top else []
        if unvoted:
            at = len(voted) + len(also) + len(above) + 1
            said = ", ".join(f"**{p.label}** [{n}]" for n, p in enumerate(unvoted, at))
            lines.append(
                f"\n다이제스트에 추천 수가 없어 순위에 넣지 못한 논문: {said}"
                if ko
                else f"\nOn it too, but their digests give no vote count: {said}"
            )
        return self._routed("top_voted", info, lines, voted + also + above + unvoted, [result])

    def _unvoted_on(
        self,
        info: QuestionInfo,
        on: tuple[str, str],
        where: str,
        result: ToolResult,
        shown: list[Paper],
    ) -> Routed:
        """A ranking by votes on a topic whose papers' digests give no votes (English
        digests carry none): declined, naming those papers and the more voted papers that
        only touch the topic (which a ranking by votes leaves out of none of its answers)."""
        ko, (on_ko, on_en) = info.korean, on
        n = len(shown)
        lines = [
            f"{where} {on_ko} 논문 {n}편에는 추천 수가 없습니다:"
            if ko
            else f"The {n} papers {on_en} in {where} have no vote counts:"
            if n > 1
            else f"The paper {on_en} in {where} has no vote count:"
        ]
        lines += [f"{k}. **{p.label}** [{k}] ({p.dates[-1]})" for k, p in enumerate(shown, 1)]
        touch = [p for p in result.papers if p.votes is not None][:ABOVE]
        if touch:
            said = ", ".join(
                f"**{p.label}** [{k}] ({_votes(p.votes, ko)})" for k, p in enumerate(touch, n + 1)
            )
            lines.append(
                f"\n추천 수가 있지만 이 주제와의 관련도가 낮은 논문: {said}"
                if ko
                else f"\nWith votes, but less on it: {said}"
            )
        return self._declined("top_voted", info, lines, shown + touch, [result])

    def _central(self, query: str, papers: list[Paper]) -> list[Paper]:
        """Those of `papers` about `query`: their title or the opening sentences of their
        summaries (LEAD of each) have its words, as much as a ranking by votes asks
        (STRONG), in the order given."""
        leads = {
            p.arxiv_id: "\n".join(
                [p.title, *(s for text in p.summaries().values() for s in sentences(text)[:LEAD])]
            )
            for p in papers
        }
        covered = self.tools.retriever.coverage_in(query, leads)
        return [p for p in papers if covered[p.arxiv_id] >= STRONG]

    def _count(self, info: QuestionInfo, topic: list[str], question: str) -> Routed | None:
        f = info.filters
        days = None
        if f.since and f.until:
            days = (date.fromisoformat(f.until) - date.fromisoformat(f.since)).days + 1
        busiest = busiest_unit(question)
        by = "total" if days == 1 else ("day" if days and days <= 31 else "month")
        by = busiest if busiest and (days != 1 or busiest in ("author", "topic")) else by
        weekdays = weekdays_named(question)  # "on Mondays in January 2025", "월요일마다"
        by = "weekday" if asks_weekday(question) and days != 1 else by  # (and "요일별")
        language = digest_language(question)
        named = _languages_named(question)
        if language is None and len(named) == 1 and _only_language_names(topic, question):
            # "how many papers per weekday in English?": a language and nothing else to be
            # about names the digests', not a topic (papers on English)
            language, topic = next(iter(named)), []
        # the topic's words find the papers it counts, not the asking words ("how many ...
        # came out", "몇 편이야"): the same count in either language
        query = topic_query(question, topic) if topic else None
        # "with 'reinforcement learning' in the title": the words as written, in titles
        in_title = bool(info.title_words and topic)
        query = _title_query(topic, question) if in_title else query
        if asks_by_language(question):  # "영어랑 한국어 다이제스트 각각": each language's
            by, language = "language", None
        result = self.tools.count_papers(
            f.since,
            f.until,
            f.topic,
            query=query,
            by=by,
            has_code=f.has_code,
            language=language,
            in_title=in_title,
        )
        ko = info.korean
        total = result.data["total"]
        if result.data.get("apart"):  # "mamba-based protein language models": none
            return self._apart(info, result.data["apart"])
        if not total and f.has_code and not in_title:
            # "How many (agent) papers in December 2024 have code?": none, of how many
            every = self.tools.count_papers(
                f.since, f.until, f.topic, query=query, by="total", language=language
            )
            if every.data["total"] and query:  # the topic's papers, listed
                return self._none_with_code(info, topic, every.papers, f.since, f.until)
            if every.data["total"]:
                return self._none_counted_with_code(info, f, every, result)
        if (
            query
            and not in_title
            and not (total and self.tools.retriever.retrieve(query, Filters()).relevant)
        ):
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        if not total and language and not query and self.catalog.on_dates(f.since, f.until):
            return self._none_in_language(info, f, language, result)
        if not total and (f.since or f.until) and not in_title:
            return self._no_digests(info, f, result)
        where = self._counted_in(f, ko) + _in_language(language, ko)
        words = _label(topic, question)
        about = (f" '{words}' 관련" if ko else f" matching '{words}'") if query else ""
        if in_title:
            said = _title_said(query, ko)
            about = f" 제목에 {said}가 들어간" if ko else f" with {said} in the title"
        if f.has_code:  # "how many papers that day have code?"
            about += " 코드가 공개된" if ko else " with code"
        if by == "language":
            lines = _by_language_lines(
                result.data, where, about, ko, more_of="papers" if query else "digests"
            )
        else:
            lines = [
                f"{where}{about} 논문은 {total}편입니다."
                if ko
                else f"{_n_papers(total)}{about} {_on_or_in(f)} {where}."
            ]
        extra = []
        if (query or f.has_code) and (f.since or f.until):  # of how many papers in all
            every = replace(f, has_code=None)  # with code or not
            said, everything = self._in_all(f.since, f.until, every, ko, language)
            lines[0] = lines[0].removesuffix(".") + said + "."
            extra.append(everything)
        digests, first, last = (result.data[k] for k in ("digests", "first", "last"))
        digests = 0 if by == "language" else digests  # (each language's are said)
        of_all, all_digests = "", 0
        if language and not query and digests:  # "how many digests ..., and how many are
            # in Korean?": the digests of one language, of how many in all
            every = self.tools.count_papers(f.since, f.until, f.topic, has_code=f.has_code)
            extra.append(every)
            all_digests = every.data["digests"]
            of_all = f" {all_digests}개 중" if ko else f" of the {all_digests}"
        if digests > 1:  # the digests they appeared in: how many, and their dates
            lines[0] += (
                f" {first}부터 {last}까지 다이제스트{of_all} {digests}개에 실렸습니다."
                if ko
                else f" They appeared in {digests}{of_all} digests, from {first} to {last}."
            )
        elif of_all:  # one digest of that language
            lines[0] += (
                f" {first} 다이제스트 하나({of_all.strip()})에 실렸습니다."
                if ko
                else f" They appeared in 1{of_all} digests, on {first}."
            )
        if digests and not query and not f.has_code and _COUNTS_DIGESTS.search(question):
            # "how many Korean digests are there?": the digests, then their dates and papers
            kind = _LANGUAGE_NAMES[language][0 if ko else 1] + " " if language else ""
            span = self._span(f) if (f.since or f.until) else ""
            dates = f"{first}부터 {last}까지" if digests > 1 else first
            lines[0] = (
                (f"{span} " if span else "")
                + f"{kind}다이제스트는 {digests}개입니다 ("
                + (f"전체 {all_digests}개 중; " if all_digests else "")
                + f"{dates}, 논문 {total}편)."
                if ko
                else f"{digests} {kind}digest{'s' if digests > 1 else ''}"
                + (f" of the {all_digests}" if all_digests else "")
                + (f" in {span}" if span else "")
                + (f", from {first} to {last}" if digests > 1 else f", on {first}")
                + f", with {_n_papers(total)}."
            )
        breakdown = result.data["by"]
        if by == "topic":  # the tags' or the titles' topics ("(no topic)": no topic)
            breakdown = {k: n for k, n in breakdown.items() if k != "(no topic)"}
        if by == "weekday":  # the days of the week named first, with their digests
            lines[0:0] = _weekday_lines(result.data, weekdays, ko)
            breakdown = {_weekday_name(k, ko): n for k, n in breakdown.items()}
        if busiest and by == busiest and breakdown:  # "which day had the most papers?"
            titled = result.data.get("topics_from") == "titles"
            lines.append(_busiest_line(breakdown, busiest, ko, titled, asks_fewest(question)))
        elif by not in ("total", "language") and len(breakdown) > 1:
            label = ("요일별: ", "By weekday: ") if by == "weekday" else ("날짜별: ", "By date: ")
            lines.append(
                label[0 if ko else 1] + ", ".join(f"{k}: {v}" for k, v in breakdown.items())
            )
        # a count of a few papers shows them all, as a listing does; of many, the most voted
        shown = result.papers[: SHOW if total <= SHOW else COUNT_SHOWN]
        more = total > len(shown)
        if in_title and not more:  # the titles that write a name: its papers in order
            shown = sorted(shown, key=lambda p: min(p.dates, default=""))
        head = ("예:" if ko else "Among them:") if more else ("목록:" if ko else "They are:")
        if weekdays and by == "weekday":  # the papers of the days named
            theirs = [i for day in weekdays for i in result.data["ids"].get(WEEKDAYS[day], [])]
            shown = self.catalog.papers.many(list(dict.fromkeys(theirs))[:COUNT_SHOWN])
            more = len(set(theirs)) > len(shown)
            head = ("예:" if ko else "Among them:") if more else ("목록:" if ko else "They are:")
        if busiest in ("day", "month") and by == busiest and breakdown and "ids" in result.data:
            # "which month had the most GRPO papers?": that month's papers, not the most
            # relevant of all months (of the fewest: the quietest's)
            most = (min if asks_fewest(question) else max)(breakdown.values())
            tied = [k for k, n in breakdown.items() if n == most]  # (all of a tie)
            key = ", ".join(tied)
            theirs = list(dict.fromkeys(i for k in tied for i in result.data["ids"][k]))
            shown = self.catalog.papers.many(theirs[:COUNT_SHOWN])
            part = _shown_of(shown, theirs, ko)
            head = f"{key}의 논문{part}:" if ko else f"In {key}{part}:"
        if by in ("author", "topic") and breakdown:  # the papers of the author (the topic)
            # with the most
            key = next(iter(breakdown))
            theirs = result.data["ids"][key]
            shown = self.catalog.papers.many(theirs[:SHOW])
            part = _shown_of(shown, theirs, ko)
            if by == "topic":
                head = f"'{key}' 논문{part}:" if ko else f"On '{key}'{part}:"
            else:
                head = f"{key}의 논문{part}:" if ko else f"By {key}{part}:"
        if info.dates.asks and digests and by not in ("language", "author", "topic", "weekday"):
            # "..., and which is the newest?": the newest digest counted, or its papers
            # (shown first, cited; not above another list's head: "By Ling Yang:")
            day = first if info.dates.asks == "oldest" else last
            if _COUNTS_DIGESTS.search(question):
                lines.append(_newest_digest_line(info.dates.asks, day, ko))
            else:  # (the count's papers are its first COUNT_PAPERS: that day's, counted)
                that = self.tools.count_papers(
                    day,
                    day,
                    f.topic,
                    query=query,
                    has_code=f.has_code,
                    language=language,
                    in_title=in_title,
                )
                picked = that.papers[:NEWEST_SHOWN]
                keep = max(len(shown), len(picked))  # (every one picked cited)
                shown = [*picked, *(p for p in shown if p not in picked)][:keep]
                lines.append(_newest_line(info.dates.asks, day, picked, shown, ko))
                extra.append(that)
        if shown:
            lines.append(head)
            # "<topic> 다이제스트에 언제 나왔어?": when each one was
            when = bool(cue_pattern("when_cue").search(question))
            lines += [
                f"- **{p.label}** [{n}]{_linked(p, f)}"
                + (f" ({', '.join(dates_in(p, f.since, f.until))})" if when else "")
                for n, p in enumerate(shown, 1)
            ]
        return self._routed("count", info, lines, shown, [result, *extra])

    def _list(self, info: QuestionInfo, gist: bool = False) -> Routed | None:
        """The papers of the question's dates, most voted first; `gist`: each with its
        summary's first sentence (a summary of a digest asked for)."""
        f = self._dates(info)
        language = digest_language(info.text)
        result = self.tools.list_papers(
            f.since,
            f.until,
            f.topic,
            sort="votes",
            limit=SHOW,
            has_code=f.has_code,
            language=language,
        )
        total = result.data["total"]
        ko = info.korean
        if not total and language:  # digests of that day, but none in that language
            return self._none_in_language(info, f, language, result)
        if not total and f.has_code and self.catalog.on_dates(f.since, f.until):
            text = (  # papers that day, none with a link
                f"{self._span(f)} 논문 중 다이제스트에 GitHub 링크가 있는 논문은 없습니다."
                if ko
                else f"No paper of {self._span(f)} has a GitHub link in the digests."
            )
            return self._routed("list", info, [text], [], [result])
        if not total:
            return self._no_digests(info, f, result)
        span = self._span(f) + _in_language(language, ko)
        if ko and language:  # "2024-11-08 한국어 다이제스트의 논문"
            span = f"{self._span(f)} {_LANGUAGE_NAMES[language][0]}"
        shown = len(result.papers)
        more = total > shown
        # the first shown by votes; when the digests give none, newest first (one day's:
        # as the digest lists them)
        if any(p.votes is not None for p in result.papers):
            which = (f"추천 수 상위 {shown}편", f"the {shown} most voted")
        elif f.since == f.until:
            which = (f"앞의 {shown}편", f"the first {shown}")
        else:
            which = (f"최신 {shown}편", f"the {shown} newest")
        coded = (" 코드 공개" if ko else " with code on GitHub") if f.has_code else ""
        if ko:
            head = f"{span} 다이제스트의{coded} 논문 {total}편" + (
                f" ({which[0]}):" if more else ":"
            )
        else:
            head = f"{_n_papers(total)}{coded} in the digests of {span}" + (
                f" ({which[1]}):" if more else ":"
            )
        lines = [head]
        for n, p in enumerate(result.papers, start=1):
            votes = f" ({_votes(p.votes, ko)})" if p.votes is not None else ""
            said = f": {self.extractive.overview(p, ko)[0]}" if gist else ""
            lines.append(f"{n}. **{p.title}** [{n}]{votes}{_linked(p, f)}{said}")
        return self._routed(info.intent, info, lines, result.papers, [result])

    def _first_listed(self, info: QuestionInfo) -> Routed:
        """The paper a digest lists first ("what's the most recent digest, and which paper
        is listed first in it?", "제일 첫날 맨 위에 있던 논문"), in each language with a
        digest that day: of the question's day, its range's first (or, asked, newest)
        digest, or the newest digest."""
        f, ko = info.filters, info.korean
        asked = digest_language(info.text)
        newest = info.dates.asks == "newest" or info.dates.relative == "latest"
        newest = newest or not (f.since or f.until or info.dates.asks or info.dates.pick)
        # ("the very first paper covered", "when does the archive start": its first digest's)
        newest = newest and not cue_pattern("first_ever").search(info.text)
        gist = bool(cue_pattern("summary_cue").search(info.text))  # "맨 위에 있는 논문 요약해줘"
        lines: list[str] = []
        papers: list[Paper] = []
        results = []
        for language in [asked] if asked else ["en", "ko"]:
            every = self.tools.list_papers(f.since, f.until, sort="date", language=language)
            if not every.data["total"]:
                continue
            dates = every.data["dates"]
            day = dates[-1] if newest and info.dates.pick != "first" else dates[0]
            # (in that language's digest's order: a day may have both, each its own)
            first = self.tools.list_papers(day, day, sort="date", limit=1, language=language)
            name = _LANGUAGE_NAMES[language][0 if ko else 1]
            paper = first.papers[0]
            if paper in papers:  # the same paper atop both languages' digests that day
                lines[-1] = lines[-1].replace(
                    "다이제스트의" if ko else "digest lists",
                    f"· {name} 다이제스트의" if ko else f"and {name} digests list",
                    1,
                )
                continue
            papers.append(paper)
            results.append(first)
            n, label = len(papers), paper.title
            lines.append(
                f"{day} {name} 다이제스트의 맨 위 논문: **{label}** [{n}]"
                if ko
                else f"The {day} {name} digest lists **{label}** [{n}] first."
            )
            if gist:
                lines[-1] += f" {self.extractive.overview(paper, ko)[0]}"
        if not papers:
            return self._no_digests(info, self._dates(info), every)
        return self._routed("list", info, lines, papers, results)

    def _none_in_range(self, info: QuestionInfo, word: str, elsewhere: list[str]) -> Routed:
        """No paper of the question's dates writes a rare word of its topic, which papers of
        other dates do: said so, with where they are (a refusal: nothing of those dates)."""
        f, ko = info.filters, info.korean
        dates = sorted(d for p in self.catalog.papers.many(elsewhere) for d in p.dates)
        n, first, last = len(elsewhere), dates[0], dates[-1]
        text = (
            f"{self._span(f)} 논문 중 '{word}'을(를) 다룬 논문은 없습니다. 아카이브에는 "
            f"{first}부터 {last}까지 {n}편이 있습니다."
            if ko
            else f"No paper of {self._span(f)} is about '{word}'; the archive has "
            f"{_n_papers(n)} on it from {first} to {last}."
        )
        routed = self._routed(info.intent, info, [text], [], [])
        routed.refused = True
        return routed

    def _none_in_language(self, info: QuestionInfo, f: Filters, language: str, result):
        """Digests within the dates, none in the language asked ("how many papers were in
        the English digests in March 2024?": none then, the Korean ones only): said so."""
        where, ko = _digests_in(language, info.korean), info.korean
        text = (
            f"{self._span(f)}에는 {where}가 없습니다."
            if ko
            else f"There are no {where} for {self._span(f)}."
        )
        return self._routed(info.intent, info, [text], [], [result])

    def _none_counted_with_code(self, info: QuestionInfo, f: Filters, every, result) -> Routed:
        """Papers within the dates, none of them with a code link in its digests: said so,
        with how many there are (a count of nought, not a refusal)."""
        n, ko = every.data["total"], info.korean
        where = self._counted_in(f, ko)
        text = (
            f"{where} 논문 {n}편 중 다이제스트에 코드(GitHub) 링크가 있는 논문은 없습니다."
            if ko
            else _none_has(n, f" {_on_or_in(f)} {where}", "code (GitHub) link in the digests") + "."
        )
        return self._routed(info.intent, info, [text], [], [result, every])

    def _named_on_topic(self, info: QuestionInfo, papers: list[Paper], topic: list[str]):
        """Which of the papers a follow-up points back to are on its topic: those of them
        a count of the topic over the whole archive keeps (`gate_all`'s set), in the
        previous answer's order, each with its best sentence on it; or that none is."""
        ko, query = info.korean, " ".join(topic)
        on = {h.arxiv_id for h in self.tools.retriever.gate_all(query, Filters()).hits}
        kept = [p for p in papers if p.arxiv_id in on]
        head = _of_those(len(kept), len(papers), f"'{query}' 관련", f"on '{query}'", ko)
        if not kept and _COUNTS_THINGS.search(info.text) and not _PAPERS.search(info.text):
            return None  # "거기서 전문가 팀은 몇 명이었어?": a figure one of them states
        if not kept:
            return self._routed("list", info, [head], [], [])
        if info.intent == "summary":  # each one's gist and key result
            return self._list_named(info, kept, head, overview=True)
        # one paper: its sentence that answers the whole question ("거기서 LLaVA에 적용한
        # 논문은 속도 얼마나 빨라졌대?": its speedup), not only its topic
        about = query if len(kept) > 1 else SUBJECT.sub(" ", info.text)
        return self._list_named(info, kept, head, about=about)

    def _named_in_dates(self, info: QuestionInfo, papers: list[Paper], topic: list[str]):
        """Those of the papers a follow-up points back to that a digest of its dates has
        (and, when its other words name a topic some of those are on, those on it), in the
        previous answer's order; or that none is."""
        ko, f = info.korean, info.filters
        dated = [p for p in papers if any(within(d, f.since, f.until) for d in p.dates)]
        span = self._span(f)
        query = " ".join(_naming(topic))
        if dated and query:  # "그 중 3월에 나온 에이전트 논문만": a topic as well, if it is one
            on = {h.arxiv_id for h in self.tools.retriever.gate_all(query, f).hits}
            dated = [p for p in dated if p.arxiv_id in on] or dated
        head = _of_those(len(dated), len(papers), f"{span}에 나온", f"from {span}", ko)
        if not dated:
            return self._routed("list", info, [head], [], [])
        return self._list_named(info, dated, head)

    def _newest_named(self, info: QuestionInfo, papers: list[Paper], oldest=False) -> Routed:
        """The newest (or `oldest`) of the papers a follow-up points back to (by the day a
        digest first had each; those of that day, if several)."""
        first = {p.arxiv_id: min(p.dates) for p in papers if p.dates}
        newest = (min if oldest else max)(first.values(), default=None)
        picked = [p for p in papers if newest and first.get(p.arxiv_id) == newest]
        if len(picked) == len(papers) > 1:  # all of one day: said so, not each one's gist
            head = (
                f"{len(papers)}편 모두 같은 날({newest}) 다이제스트에 실렸습니다:"
                if info.korean
                else f"All {len(papers)} papers are from the same digest ({newest}):"
            )
            return self._list_named(info, picked, head, gists=False)
        head = (
            f"{len(papers)}편 중 가장 {'먼저 나온' if oldest else '최근'} 논문 ({newest}):"
            if info.korean
            else f"The {'earliest' if oldest else 'most recent'} of the {len(papers)} papers "
            f"({newest}):"
        )
        # one paper asked a figure: its sentence that answers the whole question ("그 중
        # 제일 먼저 나온 거, RTX4090에서 몇 TOPS였어?": its TOPS), not only its gist
        own = SUBJECT.sub(" ", info.text)
        about = own if len(picked) == 1 and asks_quantity(own) else ""
        return self._list_named(info, picked, head, about=about)

    def _named_with_votes(self, info: QuestionInfo, papers: list[Paper], least: int) -> Routed:
        """Those of the papers a follow-up points back to with at least `least` votes, most
        voted first; or that none has (the digests without votes say so)."""
        ko = info.korean
        voted = sorted(
            (p for p in papers if (p.votes or 0) >= least), key=lambda p: -(p.votes or 0)
        )
        if ko:
            head = _of_those(len(voted), len(papers), f"추천 {least}표 이상인", "", ko)
        elif voted:
            head = f"{len(voted)} of the {len(papers)} papers have at least {least} votes:"
        else:
            head = f"None of the {len(papers)} papers has {least} votes or more."
        if not voted:
            if all(p.votes is None for p in papers):
                head += (
                    " (다이제스트에 추천 수가 없습니다)" if ko else " (The digests give no votes.)"
                )
            return self._routed("top_voted", info, [head], [], [])
        lines = [head]
        lines += [
            f"{n}. **{p.label}** [{n}] ({_votes(p.votes, ko)}, {', '.join(p.dates)})"
            for n, p in enumerate(voted, start=1)
        ]
        results = [self.tools.paper(p.arxiv_id) for p in voted]
        return self._routed("top_voted", info, lines, voted, results)

    def _none_with_code(
        self, info: QuestionInfo, topic: list[str], papers: list[Paper], since, until
    ) -> Routed:
        """A topic's papers of some dates, none of which has a GitHub link in the digests:
        that said, and the papers listed (a refusal would say there is nothing on it)."""
        ko, words = info.korean, " ".join(topic)
        span = self._span(Filters(since, until)) if (since or until) else ""
        head = (
            f"{span} '{words}' 관련 논문 {len(papers)}편 중 다이제스트에 GitHub 링크가 있는 논문은"
            " 없습니다:"
            if ko
            else _none_has(
                len(papers),
                f" on '{words}'" + (f" {_on_or_in(Filters(since, until))} {span}" if span else ""),
                "GitHub link",
            )
            + " in the digests:"
        )
        return self._list_named(info, papers, head.strip())

    def _list_named(
        self,
        info: QuestionInfo,
        papers: list[Paper],
        head: str | None = None,
        about: str = "",
        overview: bool = False,
        gists: bool = True,
    ) -> Routed:
        """The papers a follow-up points back to ("list them"), each with its digest dates
        and its gist's first sentence (or, `about` a topic, its best sentence on it; with
        `overview`, its gist and key result as a summary has them; without `gists`, its name
        alone), in the previous answer's order, under `head` (default: how many)."""
        ko = info.korean
        lines = [head or (f"{len(papers)}편:" if ko else f"{_n_papers(len(papers))}:")]
        for n, p in enumerate(papers, start=1):
            if not gists:
                lines.append(f"{n}. **{p.label}** [{n}]")
                continue
            if overview:
                gist = " ".join(self.extractive.overview(p, ko))
            elif about:  # one paper: its whole answer, with the figure asked if any
                # (two sentences' room, so that a figure only its other digest states
                # joins: "그중에 코덱 논문은 비트레이트 얼마까지 낮췄대?": 0.35kbps)
                best = self.extractive.best(about, p, ko, 2 if len(papers) == 1 else 1)
                gist = " ".join(best) if len(papers) == 1 else best[0]
            else:
                gist = self.extractive.overview(p, ko)[0]
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(p.dates)}): {gist}")
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._routed("list", info, lines, papers, results)

    def _named_in_language(self, info: QuestionInfo, papers: list[Paper], language: str):
        """Those of the papers a follow-up points back to that a digest in `language` has,
        with the dates of those digests."""
        ko = info.korean
        inside = [p for p in papers if language in p.languages]
        where = _digests_in(language, ko)
        head = _of_those(len(inside), len(papers), f"{where}에 실린", f"in the {where}", ko)
        if not inside:
            return self._routed("list", info, [head], [], [])
        lines = [head]
        for n, p in enumerate(inside, start=1):
            days = sorted({m.date for m in p.mentions if m.language == language})
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(days)})")
        results = [self.tools.paper(p.arxiv_id) for p in inside]
        return self._routed("list", info, lines, inside, results)

    def _by_same_authors(self, info: QuestionInfo, paper: Paper) -> Routed | None:
        """The other papers of `paper`'s authors (named in full: a user name may be anyone's),
        one `list_papers` call per author; most authors shared first, then newest; each
        with the authors it shares."""
        shared: dict[str, list[str]] = {}
        results = [self.tools.paper(paper.arxiv_id)]
        for author in dict.fromkeys(a for a in paper.authors if " " in a.strip()):
            try:
                found = self.tools.list_papers(author=author, limit=len(self.catalog))
            except ToolError:
                continue  # (an author no paper lists as written: nothing to add)
            results.append(found)
            for p in found.papers:
                if p.arxiv_id != paper.arxiv_id:
                    shared.setdefault(p.arxiv_id, []).append(author)
        ko = info.korean
        if not shared:
            text = (
                f"다이제스트에는 {paper.label}의 저자들이 쓴 다른 논문이 없습니다."
                if ko
                else f"No other paper in the digests is by {paper.label}'s authors."
            )
            return self._routed("authors", info, [text], [paper], results)
        others = [self.catalog.papers[pid] for pid in shared]
        others.sort(key=lambda p: max(p.dates, default=""), reverse=True)  # newest first,
        others.sort(key=lambda p: -len(shared[p.arxiv_id]))  # most authors shared first
        shown = others[:SHOW]
        lines = [
            f"**{paper.label}** [1] 저자들의 다른 논문 {len(others)}편:"
            if ko
            else f"{_n_papers(len(others))} by authors of **{paper.label}** [1]:"
        ]
        for n, p in enumerate(shown, start=2):
            names = ", ".join(shared[p.arxiv_id])
            lines.append(f"{n - 1}. **{p.label}** [{n}] ({', '.join(p.dates)}): {names}")
        return self._routed("authors", info, lines, [paper, *shown], results)

    def _by_author(self, info: QuestionInfo, author: str) -> Routed | None:
        """Every paper by `author` within the question's dates, newest first."""
        f = info.filters
        votes = info.intent == "top_voted"  # "Saining Xie's most voted paper"
        try:
            result = self.tools.list_papers(
                f.since,
                f.until,
                f.topic,
                sort="votes" if votes else "date",
                limit=SHOW,
                has_code=f.has_code,
                author=author,
            )
        except ToolError:
            return None
        total = result.data["total"]
        if not total:
            return None
        ko = info.korean
        where = f" ({self._span(f)})" if (f.since or f.until) else ""
        more = total > len(result.papers)
        order = (
            ("추천 수순" if votes else "최신순") if ko else ("most voted" if votes else "newest")
        )
        if ko:
            head = f"{author}의 논문{where} {total}편" + (
                f" ({order} {len(result.papers)}편):" if more else f" ({order}):"
            )
        else:
            head = f"{_n_papers(total)} by {author}{where}" + (
                f", the {len(result.papers)} {order}:" if more else f" ({order} first):"
            )
        lines = [head]
        for n, p in enumerate(result.papers, start=1):
            count = f"; {_votes(p.votes, ko)}" if votes and p.votes is not None else ""
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(p.dates)}{count})")
        return self._routed("list", info, lines, result.papers, [result])

    def _trend(self, info: QuestionInfo, topic: list[str], question: str) -> Routed | None:
        """Papers about the question's topic per month: `digest trend`'s numbers, cited."""
        f = info.filters
        if not topic or (f.since and f.until and f.since[:7] == f.until[:7]):
            # "papers per month" names no topic, and one month has one bar: a count
            return self._count(info, topic, question)
        query = topic_phrase(strip_slots(question, info), topic)
        if not self.tools.retriever.retrieve(query, Filters()).relevant:
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        newest = self.tools.newest_date
        until = min(f.until, newest) if f.until and newest else f.until  # no empty future
        tr = trends.trend(self.tools, query, f.since, until)
        if not tr.total:
            return None
        ko = info.korean
        first, last = tr.months[0], tr.months[-1]
        lines = [
            f"{first} – {last} 다이제스트에서 '{query}' 관련 논문은 {tr.total}편입니다 "
            "(검색과 같은 관련성 기준). 월별:"
            if ko
            else f"{tr.total} papers about '{query}' in the digests from {first} to {last} "
            "(the same relevance gate as search), per month:"
        ]
        cited: dict[str, Paper] = {}
        for month, n in tr.counts.items():
            if month not in tr.covered:
                lines.append(f"- {month}: " + ("다이제스트 없음" if ko else "no digest stored"))
                continue
            papers = tr.papers.get(month, [])
            line = f"- {month}: {n}" + ("편" if ko else "")
            shown = []
            for p in papers[:TREND_CITED]:
                cited.setdefault(p.arxiv_id, p)
                shown.append(f"**{p.label}** [{list(cited).index(p.arxiv_id) + 1}]")
            if shown:
                more = n - len(shown)
                tail = (f" 외 {more}편" if ko else f" and {more} more") if more > 0 else ""
                line += " — " + ", ".join(shown) + tail
            lines.append(line)
        busiest = max(tr.counts, key=lambda m: (tr.counts[m], m))
        lines.append(
            f"\n가장 많은 달: {busiest} ({tr.counts[busiest]}편)."
            if ko
            else f"\nBusiest month: {busiest} ({tr.counts[busiest]} papers)."
        )
        ids = [p.arxiv_id for ps in tr.papers.values() for p in ps]
        step = Step(
            "trend",
            {"query": query, "since": tr.since, "until": tr.until, "by": "month"},
            list(dict.fromkeys(ids)),
            result=tr,
        )
        routed = self._routed("trend", info, lines, list(cited.values()), [])
        routed.steps, routed.trend = [step], tr
        return routed

    def _compare(self, question: str, info: QuestionInfo, names: list[Paper], filters: Filters):
        """Each paper compared, side by side: its gist and key result, cited [n] in order.

        The papers named (or pointed back to); with fewer than two, the retrieval's first
        relevant papers fill in ("compare SageAttention and its successor").
        """
        papers = list(names[:COMPARE])
        if absent := self.tools.retriever.absent_names(question):
            # "Kimi-VL vs GPT-6": GPT-6 is in no digest. A paper whose name the absent one
            # extends ("Gemini" for "Gemini 3 Ultra") is a look-alike, not what was asked.
            papers = [
                p
                for p in papers
                if not any(a.lower().startswith((p.name or p.title).lower()) for a in absent)
            ]
            if all(_measured_on(p, question) for p in papers):
                return None  # "Llama 5's score on MMLU-Pro vs Llama 3.1?": only the benchmark
                # is in a digest, no side of the comparison (the retrieval says what is not)
            return self._compare_absent(info, papers, absent)
        own = SUBJECT.sub(" ", question)
        written = versioned_names(own) + [
            m for m in _HYPHENATED_NAME.findall(own) if sum(c.isupper() for c in m) >= 2
        ]
        for name in dict.fromkeys(written):
            # "InternVL2-8B-MPO vs Chimera", "SWE-Fixer, SWE-Gym, SWE-RL": a model its
            # paper's title does not name, or names inside it; with two sides found, only
            # a name listed beside them is a third ("Kangaroo vs EAGLE with Vicuna-7B":
            # the setting, no side)
            listed = re.search(rf",\s*{re.escape(name)}|{re.escape(name)}\s*,", own)
            if (
                len(papers) >= COMPARE
                or (len(papers) >= 2 and not listed)
                or any(name.lower() in w.lower() for p in papers for w in _written(p))
            ):
                continue
            pid = self.tools.retriever.writer_of(name)
            if pid and pid not in {p.arxiv_id for p in papers}:
                papers.append(self.catalog.papers[pid])
        if not papers:
            # "DPO vs PPO", "what's the difference between DPO and PPO?": two methods, not
            # two papers; the papers on both answer, not two that happen to rank
            return self._compared_unnamed(question, info, filters)
        if len(papers) == 1 and (against := self._baseline_against(question, info, papers[0])):
            return against  # "SageAttention vs FlashAttention": what its paper reports
        if len(papers) < 2:
            found = self.tools.retriever.retrieve(question, filters)
            if not found.relevant:
                return None
            for hit in found.passing():
                if hit.paper.arxiv_id not in {p.arxiv_id for p in papers}:
                    papers.append(hit.paper)
                if len(papers) >= 2:
                    break
        if len(papers) < 2:
            return None
        # in the order the question names them ("TALE이랑 VeriThinker": TALE is [1]), so
        # that "the second one" after it is the second named; those it does not write last
        # (or by a name its summaries write with the question's capitals: "TALE")
        at = {p.arxiv_id: _first_written(p, own) for p in papers}
        at = {
            p.arxiv_id: n if (n := at[p.arxiv_id]) >= 0 else _capitals_written(p, own, papers)
            for p in papers
        }
        if sum(n >= 0 for n in at.values()) >= 2:  # (none written: in the order found)
            papers.sort(key=lambda p: at[p.arxiv_id] if at[p.arxiv_id] >= 0 else len(own))
        apart = _SHARED.sub(" ", own)  # without what both share
        if len(papers) > 2:  # "A vs B - both patch SAM 2's memory": what both build on, no side
            shared = " ".join(m.group(0) for m in _SHARED.finditer(own))  # (a measure or not)
            sides = [p for p in papers if not (_names_in(p, shared) and not _names_in(p, apart))]
            papers = sides if len(sides) >= 2 else papers
        ko = info.korean
        # "phi-4 vs llama-nemotron ultra on GPQA?": a benchmark's paper named as what they
        # are compared on is the measure, not a third side
        # (and one named only in an aside is no side: "rStar-Coder (Qwen2.5-7B)")
        on = [p for p in papers if _measured_on(p, own) or _only_aside(p, own)]
        if on and len(papers) - len(on) >= 2:
            papers = [p for p in papers if p not in on]
        else:  # a side is no measure ("Qwen2-VL에서 Qwen2.5-VL로 뭐가 바뀌었어?": from, to)
            on = []
        # "compare SeedVR and SeedVR2 on speed": what they are compared on, if anything
        # (read as a comparison, whatever the question's intent: "vs" asks, it is no aspect)
        asked = replace(info, intent="compare")
        ids = {p.arxiv_id for p in papers}
        # (a side named by a word its title writes is no aspect: "Mixtral vs OLMoE")
        # (what both share is the measure when the question asks which side is ahead on
        # it: "둘 다 AIME 2024 점수가 있는데 누가 더 높아?")
        which = _WHICH_SIDE.search(apart) or asks_quantity(apart)
        unshared = question if which else _SHARED.sub(" ", question)
        # (a Korean predicate names no aspect: "메모리 얼마나 줄이는지" is on memory; its
        # syllables would match "이는 16GB ..." of a sentence on no reduction)
        words = [
            w
            for w in _naming(topic_words(unshared, asked, papers))
            if not (_NAME_LIKE.fullmatch(w) and self.tools.retriever.titled_writer(w) in ids)
        ]
        words += [p.label for p in on]
        # with a benchmark's year, which is no topic word ("AIME 2024": written "AIME24")
        words += [
            m.group(0)
            for w in words
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}[\s'-]?(?:20)?2\d\b", own)
        ]
        aspect = " ".join(words)
        head = f"{len(papers)}편 비교:" if ko else f"Comparing {len(papers)} papers:"
        shown = {p.arxiv_id: self._shown(p, ko, aspect) for p in papers}
        if aspect and (_WHICH_SIDE.search(own) or asks_quantity(own)):
            # "which one cuts KV cache memory more?", "NSA랑 MoBA 속도 향상 수치 비교해줘"
            shown = {
                i: self.extractive.with_result(aspect, self.catalog.papers[i], ko, s)
                for i, s in shown.items()
            }
        # and how well each does, when its sentences state no result: "A vs B for editing
        # with rectified flow", "SDXS랑 SwiftBrush v2 중에 뭐가 나아?" (its FID of 8.77)
        shown = {
            i: self.extractive.with_key_result(self.catalog.papers[i], ko, s)
            for i, s in shown.items()
        }
        # what each states of an attribute asked ("how many training examples did each use?")
        shown = {
            i: self.extractive.stating(own, self.catalog.papers[i], ko, s) for i, s in shown.items()
        }
        if _HOW_DIFFERENT.search(own):
            # "구조적으로 뭐가 달라?", "what changed in the shape model?": how each works
            # (VMamba's Cross-Scan Module), not only its gist and result
            shown = {
                i: self.extractive.with_method(self.catalog.papers[i], ko, s)
                for i, s in shown.items()
            }
        routed = self._side_by_side(info, head, papers, shown)
        speed = bool(_SPEED.search(own))  # "which is faster?": a speed-up, "2.1x", "3배"
        measure = aspect or (SPEED_WORDS if speed else "")
        if measure and _WHICH_SIDE.search(own):
            routed.draft += _verdict(question, measure, papers, shown, ko, "x" if speed else None)
        return routed

    def _missing_side(self, question: str, paper: Paper) -> str | None:
        """The name on the other side of "A or B" from the paper named, when it is written
        as a name (a capital inside it, or a digit) and no paper's text has it at all."""
        for words in _beside(question, paper):
            name = words[0].strip(".,?!")
            coined = re.search(r"[a-z][A-Z]|\d|^[A-Z]{2,}", name)
            if coined and not self.tools.retriever.mentioned(name):
                return name
        return None

    def _unowned_side(self, question: str, paper: Paper) -> str | None:
        """The versioned model name on the other side of "A or B" from the paper named,
        when the digests write it but no paper is its own (many write it, no title does)
        and the paper's own digests do not measure against it ("Llama 3.1" beside
        Qwen2.5)."""
        for words in _beside(question, paper):
            for name in versioned_names(" ".join(words))[:1]:
                if self.tools.retriever.nobodys(name) and not _sentences_writing(
                    paper, _versions_of(name), False
                ):
                    return name
        return None

    def _other_side(self, question: str, paper: Paper) -> Paper | None:
        """The paper on the other side of "A or B" / "A랑 B" / "B vs A" from the one the
        question names, found by the name written there: a short name, a title, the one
        paper whose title writes it ("Mixtral", which many papers write as a baseline), or
        the paper that writes that name most (a name only its summary has: "AdaCache",
        "SWE-Gym" inside its title). Its longest leading words that find a paper win."""
        for words in _beside(question, paper):
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if not re.search(r"[A-Z0-9]", name):
                    continue  # "the single-transformer SAIL": "the" names nothing
                retriever = self.tools.retriever
                found = self.catalog.by_short_name(name) or [self.catalog.by_title(name)]
                pid = next((p for p in found if p), None) or retriever.titled_writer(name)
                if not pid and _sentences_writing(paper, _versions_of(name), False):
                    break  # its own digests measure it against that name: no other paper's
                pid = pid or retriever.writer_of(name)
                if pid and pid != paper.arxiv_id and pid in self.catalog:
                    return self.catalog.papers[pid]
                if versioned_names(name) == [name] and retriever.mentioned(name):
                    break  # "Llama 3.1", which the digests write: "Llama" is another model
        return None

    def _shown(self, p: Paper, korean: bool, aspect: str = "") -> list[str]:
        """A paper's sentences in a comparison: its gist and key result, or, compared on
        an `aspect`, its gist and then its sentences on that aspect."""
        if aspect:
            return self.extractive.gist_and(aspect, p, korean, 2)
        return self.extractive.overview(p, korean)

    def _side_by_side(
        self, info: QuestionInfo, head: str, papers: list[Paper], shown: dict[str, list[str]]
    ):
        """`head`, then one line per paper, cited [n] in order: its `shown` sentences."""
        lines = [head]
        for n, p in enumerate(papers, start=1):
            gist = shown[p.arxiv_id]
            lines.append(f"- **{p.label}** [{n}] ({', '.join(p.dates)}): {' '.join(gist)}")
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._routed("compare", info, lines, papers, results)

    def _baseline_against(self, question: str, info: QuestionInfo, paper: Paper) -> Routed | None:
        """A comparison of a paper with a name no paper is about that its digests measure
        it against ("SageAttention vs FlashAttention, which is faster?": FlashAttention2 is
        SageAttention's baseline): says so, and quotes the paper's sentences that name it,
        not another paper that happens to rank next. None when the question names no such
        name, or the paper's digests do not write it."""
        written = {w.lower() for w in _written(paper)}
        for name in coined_names(SUBJECT.sub(" ", question)):
            if name.lower() in written or name.lower().startswith((paper.name or "~").lower()):
                continue  # the paper's own name
            if (alone := _BARE_VERSION.fullmatch(name)) and alone["v"]:
                continue  # "RedPajama ... the difference between V1 and V2": its versions
            if self.tools.retriever.owned(name):
                continue  # a paper's own model: compared as a paper
            ko = info.korean
            said = _sentences_writing(paper, _versions_of(name), ko)[:2]
            if not said:
                continue
            head = (
                f"다이제스트에 {name} 자체를 다룬 논문은 없습니다. {paper.label}가 {name}과(와) 비교한 내용:"
                if ko
                else f"No digest covers a paper on {name} itself. What {paper.label} reports "
                f"against it:"
            )
            lines = [head, f"- **{paper.label}** [1] ({', '.join(paper.dates)}): {' '.join(said)}"]
            return self._routed("compare", info, lines, [paper], [self.tools.paper(paper.arxiv_id)])
        return None

    def _compared_unnamed(self, question: str, info: QuestionInfo, filters: Filters):
        """A comparison of two things no paper is named by (a few topic words): None (the
        papers found on both answer it, as any question's), unless none is about either, as
        a textbook question's are not ("LayerNorm이랑 RMSNorm 차이가 뭐야?": DyT replaces
        both, its title names neither, nor any title of the archive; "MLE vs MAP"): then
        declined, saying so, with what the papers that mention them say. A question asking
        for papers or dated asks the archive and is answered as any."""
        if info.filters.since or info.filters.until or _ASKS_A_SET.search(question):
            return None
        found = self.tools.retriever.retrieve(question, filters)
        hits = found.passing() if found.relevant else []
        if not hits or any(h.via != "hybrid" for h in hits):
            return None
        retriever = self.tools.retriever
        words = [_LATIN_STEM.sub("", w) or w for w in topic_words(question, info, [])]
        if _content_words(words) > MAX_TOPIC:
            return None  # a paper described ("how well did the best LMM do ..., and how do
            # humans compare?"), not two things named
        rare = retriever.rare_words(words)
        # (each side as written with the words beside it: "KL divergence" is no title's,
        # though "Ignore the KL Penalty!" writes its "KL")
        side = {word: _side(word, question, words) for word in rare}
        sides = list(dict.fromkeys(side.values()))
        if not rare or any(_titled_by(sides, h.paper.title) for h in hits):
            return None
        # a paper of the archive is about a side ("GRPO vs PPO", "DPO랑 PPO 차이 설명해줘"):
        # the papers found on both answer, as any question's. The sides are its names and
        # terms, not the plain words around them ("estimation" of "MLE and MAP estimation",
        # in many a title); with none, it is answered as before.
        names = [w for w in rare if not english_word(w.lower()) or w[1:].lower() != w[1:]]
        if not names or any(retriever.titled(side[word]) for word in names):
            return None
        ko, papers = info.korean, [h.paper for h in hits[:3]]
        asking = intents.asks_tokens()  # ("차이", "difference": how it asks, no topic)
        label = _label([w for w in words if not set(tokenize(w)) <= asking], question)
        head = (
            f"다이제스트에는 '{label}' 자체를 다룬 논문이 없어 그 비교에는 답할 수 없습니다. "
            f"이를 언급하는 논문:"
            if ko
            else f"No paper in the digests is about '{label}', so they cannot answer that "
            f"comparison. Papers that mention it:"
        )
        shown = {p.arxiv_id: [self.extractive.listed(question, p, ko)] for p in papers}
        routed = self._side_by_side(info, head, papers, shown)
        routed.refused = True
        return routed

    def _compare_absent(
        self, info: QuestionInfo, papers: list[Paper], absent: list[str], written: bool = False
    ):
        """A comparison with a model no digest mentions (or, `written`, one no paper is
        about): says so, and what the digests say of the papers it does name (no
        look-alike filled in). Declined, as a figure the digests do not give is: the
        comparison asked cannot be made from them."""
        ko, missing = info.korean, ", ".join(absent)
        named = ", ".join(p.label for p in papers)
        if ko and written:
            head = (
                f"{missing}은(는) 여러 논문이 언급하지만 그 자체를 다룬 논문은 다이제스트에 "
                f"없어 비교할 수 없습니다. {named}에 대한 내용:"
            )
        elif ko:
            head = f"{missing}은(는) 다이제스트에 없어 비교할 수 없습니다. {named}에 대한 내용:"
        elif written:
            head = (
                f"Papers mention {missing}, but no digest covers a paper on it, so there is "
                f"nothing to compare with. What the digests say about {named}:"
            )
        else:
            head = (
                f"{missing} is in no digest, so there is nothing to compare with. What the "
                f"digests say about {named}:"
            )
        shown = {p.arxiv_id: self._shown(p, ko) for p in papers}
        routed = self._side_by_side(info, head, papers, shown)
        routed.refused = True
        return routed

    def _topical(self, question: str, info: QuestionInfo, topic: list[str], *, recent: bool):
        """Every paper on a topic within a date range that passes the relevance gate.

        recent: the window is the RECENT_DAYS up to the newest digest (widened while
        nothing passes, when the question said "latest" / "recent" / "최근"), and the papers
        are shown newest first. Otherwise the question's
        dates, most relevant first. Each paper with its best sentence, cited [n].
        """
        query = topic_query(question, topic)
        f = info.filters
        windows: list[tuple[str | None, str | None]] = [(f.since, f.until)]
        newest = self.tools.newest_date
        if (
            recent
            and newest
            and (info.dates.relative or not (f.since or f.until))
            and not _one_digest(question, info.dates.spans)
        ):
            end = date.fromisoformat(newest)
            windows = [
                ((end - timedelta(days=days - 1)).isoformat(), newest) for days in RECENT_WINDOWS
            ] + [(None, newest)]
            if not info.dates.relative:  # "what's new on X": only asked "latest" widens
                windows = windows[:1]
        hits: list[Hit] = []
        touching: list[Hit] = []
        since = until = None
        # asked for a list ("list the agent papers of July 2024"): all that pass, up to SHOW
        room = SHOW if info.intent == "list" else TOPICAL_SHOW
        first: set[str] = set()  # the papers on it of the most recent window that has any
        language = digest_language(question)  # "... from the English digests"
        weekdays = weekdays_named(question)  # "... on Fridays in March 2025"

        def of_language(found: list[Hit]) -> list[Hit]:
            return [
                h
                for h in found
                if (language is None or language in h.paper.languages)
                and (not weekdays or _on_weekdays(h.paper, weekdays, f.since, f.until))
            ]

        # "Any papers on the Muon optimizer in Q1 2025?": none of those dates writes it (nor,
        # of a topic with choices, any choice: "finance or financial reasoning")
        if (
            not recent
            and (f.since or f.until)
            # (not a paper described at length: "A late-2023 system batched denoising steps
            # ...", whose summary need not write each word, "batched")
            and _content_words(topic) <= MAX_TOPIC
            and (found := self._outside(topic, query, f, question))
        ):
            return self._none_in_range(info, *found)
        for since, until in windows:
            window = Filters(since, until, f.topic, f.has_code)
            gated = self.tools.retriever.gate_all(query, window)
            hits, touching = of_language(gated.hits), of_language(gated.touching)
            first = first or {h.arxiv_id for h in hits}
            if len(hits) >= (min(room, RECENT_FILL) if len(windows) > 1 else 1):
                break  # "latest X papers": a list of them, from as recent a window as has them
        if not hits and gated.apart:  # "speculative decoding for TTS": each, never both
            return self._apart(info, gated.apart)
        if not hits and f.has_code:  # "음성 합성 논문 중 코드 공개된 거": the set has none
            coded = Filters(since, until, f.topic)
            if without := of_language(self.tools.retriever.gate_all(query, coded).hits):
                return self._none_with_code(
                    info, topic, [h.paper for h in without[:room]], since, until
                )
        if not hits or (len(hits) + len(touching) == 1 and not recent and info.intent != "list"):
            # nothing, or a set of one: the focused answer on that paper (unless the question
            # asks for the list: "what came out on 2024-11-21? anything on diffusion?")
            return None
        total = len(hits)
        if recent:  # "the latest on X": the papers on it of the most recent window that has
            # any, newest first; then, from as far back as it took to fill the list, the
            # newest of those clearly on it (as a ranking by votes on a topic takes them)
            best = max(h.relevance for h in hits)
            hits.sort(
                key=lambda h: (
                    h.arxiv_id in first or h.relevance >= STRONG * best,
                    h.arxiv_id in first,
                    h.paper.dates[-1],
                    h.arxiv_id,
                ),
                reverse=True,
            )
        shown = [h.paper for h in hits[:room]]
        # "..., and which is the newest?": the papers on it of the newest digest that has any
        day, picked = _newest_of([h.paper for h in hits], info.dates.asks, since, until)
        shown += [p for p in picked if p not in shown]
        # room left in a short list: the papers that only touch on the topic, after them (not
        # in a list of the latest, which has papers on the topic from as far back as it takes)
        padded = len(windows) == 1 or len(shown) < RECENT_MIN
        also = [h.paper for h in touching[: room - len(shown)]] if padded else []
        if recent:  # the most relevant of them, newest first
            also.sort(key=lambda p: (p.dates[-1], p.arxiv_id), reverse=True)
        result = self.tools.count_papers(
            since, until, f.topic, query=query, has_code=f.has_code, language=language
        )
        ko = info.korean
        span = self._span(Filters(since, until))
        if not (since or until):
            span = "전체 아카이브" if ko else "the archive"
        span += _in_language(language, ko)
        if weekdays:
            named = [_weekday_name(WEEKDAYS[d], ko) for d in weekdays]
            span += f" ({', '.join(named)})" if ko else f" (on {', '.join(d + 's' for d in named)})"
        if f.has_code:
            span += " (GitHub 코드 있음)" if ko else " (with code on GitHub)"
        words = _label(topic, question)
        order = (
            ("최신순" if ko else "newest first")
            if recent
            else ("관련도순" if ko else "most relevant first")
        )
        more = total > len(shown)
        order = f" ({order}):" if len(shown) + len(also) > 1 else ":"  # no order of one
        if ko:
            head = f"{span} '{words}' 관련 논문 {total}편" + (
                f" 중 {len(shown)}편{order}" if more else order
            )
        else:
            which = "newest" if recent else "most relevant"
            head = f"{_n_papers(total)} on '{words}' in {span}" + (
                f", the {len(shown)} {which}{order}" if more else order
            )
        lines = [head]
        results = [result]
        if (since or until) and "count" in intents.clause_intents(question):
            # "how many papers on jun 30, and is any of them about MoE?": the range's total too
            said, everything = self._in_all(since, until, f, ko)
            lines[0] = lines[0].removesuffix(":") + said + ":"
            results.append(everything)
        for n, p in enumerate([*shown, *also], start=1):
            if n == len(shown) + 1:
                some = len(also) < len(touching)
                # (after a blank line: Markdown reads a line right after a list item as
                # more of that item, and the page ran it into the last paper's sentence)
                lines.append("")
                lines.append(
                    f"그 밖에 '{words}'에 닿아 있는 논문 {len(touching)}편"
                    + (" 중:" if some else ":")
                    if ko
                    else f"Also touching on it: {_n_papers(len(touching))}"
                    + (", among them:" if some else ":")
                )
            sent = self.extractive.listed(question, p, ko)
            lines.append(f"{n}. **{p.label}** [{n}] ({p.dates[-1]}){_linked(p, f)}: {sent}")
        if picked:  # said before the list: "22 papers on X (...). The newest: ... They are:"
            newest = _newest_line(info.dates.asks, day, picked, shown, ko)
            lines[0:1] = [head.removesuffix(":") + ".", newest, "목록:" if ko else "They are:"]
        kind = "recent" if recent else "search"
        return self._routed(kind, info, lines, [*shown, *also], results)
