"""Follow-ups rewritten into standalone questions before retrieval (offline rules).

With an LLM configured the rewrite is the model's (prompts/condense.md); offline, or when
the model fails, a rule-based rewrite carries the previous answer's papers. Which of them
a follow-up means is read by `references` (the one place that knows pointer words):
"the second one" is the second paper the previous answer cited, "those" / "both" all of
them in order, "it" / "그 논문" the first. The rewrite keeps the question as written and
names the papers right after the pointer, with their arXiv ids: "How much did DeepSeek-R1's
accuracy drop under that setup (StressTest, arXiv 2506.01234)?". The id makes retrieval and
the router put that paper first, so a model named inside the follow-up does not take over.

A question that names its own subject (a paper, an id, a date, a handle) is left alone
unless it points back with a strong pointer ("that setup", "그 논문"). A short follow-up
with no subject at all ("AIME에서는 어땠어?", "and on MMLU?") continues the previous one,
and so does a longer one whose words the previous paper has as fully as any paper of the
archive (`covers`, the retriever's judgement: "how much faster is inference at 7B?").
The user's language is kept either way.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.index import korean
from assistant.index.lexical import STOP, same_word
from assistant.text import is_korean
from assistant.understand import attributes, intents
from assistant.understand.dates import find_dates
from assistant.understand.dates import strip_dates as strip_found
from assistant.understand.query import ARXIV_ID, dates_in, mask, strip_dates
from assistant.understand.references import (
    SUBJECT,
    back_pointer,
    described_by,
    is_elliptical,
    picked,
)
from assistant.understand.slots import cue_pattern, slot_rows

if TYPE_CHECKING:
    from assistant.index.catalog import Catalog
    from assistant.types import Paper

_KOREAN_WORD = re.compile(r"[\uac00-\ud7a3]+")
_ELLIPSIS = frozenset(["what", "how", "about", "also", "and", "then", "so", "ok", "okay"])
SHORT_WORDS = 4  # a follow-up this short, naming nothing, continues the previous subject
# a question about papers in general ("papers on X?") is a new question, however short
_ASKS_FOR_PAPERS = re.compile(
    r"\b(papers?|digests?|articles?|works?|research)\b|논문|다이제스트|연구", re.I
)


# words a follow-up naming another paper says it with, asking nothing of its own: "and the
# AlphaOne paper?", "그럼 DeepSeek-R1 논문은?" (a name's subject particle, not a place's:
# "and on SIMPLER?", "SIMPLER에서는?" ask the paper talked about on that benchmark)
_AGAIN = frozenset(
    ["the", "a", "paper", "one", "논문", "논문은", "논문도", "은", "는", "도", "은요", "는요"]
)


def _written_as(paper: Paper) -> list[re.Pattern]:
    """How a question writes the paper (its title, name or title head, longest first), as
    whole words; a Korean particle may follow ("DeepSeek-R1은")."""
    names = sorted({paper.title, paper.label, paper.head, paper.name} - {None, ""}, key=len)
    return [re.compile(rf"(?<![\w-]){re.escape(n)}(?![A-Za-z0-9_-])", re.I) for n in names[::-1]]


def _one_named(question: str, catalog: Catalog) -> tuple[str, str] | None:
    """(the one paper the question names, the question without that name and its dates)."""
    named = catalog.by_short_name(question) or [catalog.by_title(question)]
    if len(named) != 1 or not named[0] or named[0] not in catalog:
        return None
    paper = catalog.papers[named[0]]
    rest = strip_dates(question, catalog.latest_date())
    for name in _written_as(paper):
        rest = name.sub(" ", rest)
    return paper.arxiv_id, rest


def _asks_nothing(rest: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether what is left of a question once its paper is taken out asks nothing: "and
    ...?", "what about ...?", "그럼 ...은?"; nothing but `besides` either, when given."""
    saying = _ELLIPSIS | _AGAIN | besides | set(korean.classes()["fillers"])
    return all(word in saying for word in re.findall(r"[\w'-]+", rest.lower()))


def _asked_again_of(question: str, earlier: Sequence[str], catalog: Catalog) -> str | None:
    """A follow-up that names another paper and asks nothing of its own ("and
    DeepSeek-R1?", "what about AlphaOne?", "그럼 Kimi-VL은?") asks the last question that
    asked something of one named paper again, of this one: "who wrote SWE-RL?" then "and
    DeepSeek-R1?" is "who wrote DeepSeek-R1?". `earlier`: the questions asked, newest first."""
    found = _one_named(question, catalog)
    if found is None or not _asks_nothing(found[1]):
        return None
    for before in earlier:
        if (m := SUBJECT.search(before)) and len(ids := ARXIV_ID.findall(m.group(0))) == 1:
            # read as a follow-up itself: "who wrote the first one (RobustFT, arXiv ...)?"
            if ids[0] == found[0]:
                return before
            return f"{before[: m.start()]} ({subject_names(found[:1], catalog)}){before[m.end() :]}"
        was = _one_named(before, catalog)
        if was is None:
            return None
        if _asks_nothing(was[1]):
            continue  # itself "and X?": the question it asked again is further back
        if was[0] == found[0]:
            return before  # back to the paper it was first asked of
        label = catalog.papers[found[0]].label
        for name in _written_as(catalog.papers[was[0]]):
            if m := name.search(before):
                return f"{before[: m.start()]}{label}{before[m.end() :]}"
        return None
    return None


def _one_of_them(question: str, pointer, previous: Sequence[str], catalog: Catalog) -> str | None:
    """ "그 중에 Xmodel-2는 파라미터 몇 개짜리 모델이야?" after a list: the pointer says where
    the paper is, its name which one, and the question asks something of that paper (not of
    the whole list, as "그 중에 비디오 관련은?" does). None when it only asks whether the
    paper is among them ("그 중에 Phi-4 있어?", "was Phi-4 among them?": slot
    "membership" of `slots.jsonl`, which the router answers yes or no)."""
    if pointer.picks is not None or (found := _one_named(question, catalog)) is None:
        return None
    if found[0] not in previous:
        return None
    membership = frozenset(r["text"] for r in slot_rows("membership"))
    if _asks_nothing(found[1].replace(pointer.words, " "), membership):
        return None
    before = _DANGLING.sub(" ", question[: pointer.start])  # "of those, ...": no "of"
    own = f"{before} {question[pointer.end :]}".strip(" ,:")
    return f"{own} ({subject_names(found[:1], catalog)})"


_DANGLING = re.compile(r"\b(?:out of|of|among|from)\s*$", re.I)  # a pointer's preposition


SUBJECT_CHARS = 1200  # the names a rewrite adds, at most, before each is cut short


def subject_names(ids: Sequence[str], catalog: Catalog) -> str:
    """'SpargeAttn, arXiv 2502.18137; SWE-RL, arXiv 2502.18449': names with their ids. Many
    long titles (a list of 30 papers pointed back to: "which of those came out in 2025?")
    are cut to their first words, so that the rewrite stays a question of the allowed
    length; the ids say which papers they are."""
    papers = [catalog.papers[i] for i in ids if i in catalog.papers]
    named = "; ".join(f"{p.label}, arXiv {p.arxiv_id}" for p in papers)
    if len(named) <= SUBJECT_CHARS:
        return named
    return "; ".join(f"{_short(p.label)}, arXiv {p.arxiv_id}" for p in papers)


def _short(label: str, words: int = 4) -> str:
    """The first words of a label, without brackets (which would end the names early)."""
    plain = re.sub(r"[()]", " ", label).split()
    return " ".join(plain[:words]) + (" ..." if len(plain) > words else "")


def rule_based_condense(
    question: str,
    previous_ids: Sequence[str],
    catalog: Catalog,
    covers: Callable[[str, str], bool] | None = None,
    touches: Callable[[str, str], bool] | None = None,
    previous_set: str | None = None,
    earlier: Sequence[str] = (),
    best_of: Callable[[str, Sequence[str]], str] | None = None,
    asks_of_one: Callable[[str], bool] | None = None,
    names_another: Callable[[str, str], bool] | None = None,
    asked: Sequence[str] = (),
    sibling_asked: Callable[[str, str], str | None] | None = None,
) -> str:
    """Rewrite a follow-up using the papers the previous answer cited (in their order).

    `covers(question, arxiv_id)`: whether that paper has the question's words as fully as
    any paper does (a follow-up naming nothing, which that paper answers best).
    `touches(question, arxiv_id)`: whether a short one can be about that paper at all.
    `best_of(question, ids)`: which of several papers the question describes
    (`HybridRetriever.described`: a bare pronoun after a list points at that paper).
    `asks_of_one(question)`: whether it asks one paper's authors or code, naming nothing
    ("is there a github link?"): the previous answer's first paper's.
    `names_another(question, arxiv_id)`: whether it names a model another paper is about
    ("how many GPU hours did DeepSeek-V3 take?"): that model's, not the paper's.
    `previous_set`: the previous question, when its answer was a set of papers ("reasoning
    RL papers in Feb 2025"): a follow-up that only names other dates ("and in March?",
    "11월은?") asks the same of those dates. `earlier`: the questions asked before, newest
    first; `asked`: the same as they were read (rewritten follow-ups), when known.
    `sibling_asked(question, arxiv_id)`: the other version of that paper the question names
    by its version alone and asks about ("what about v2?"): the subject is that one."""
    asked_as = question
    question = _on_that_day(question, earlier, catalog.latest_date(), catalog.dates())
    if _THAT_DAY.search(question) and previous_ids and previous_ids[0] in catalog:
        # "그 날 같이 올라온 다른 논문들은?" after "DeepSeek-R1 언제 올라왔어?": no question
        # named a date, the paper talked about has one (its first digest's)
        day = catalog.papers[previous_ids[0]].dates[0]
        question = _on_that_day(question, [day], catalog.latest_date(), catalog.dates())
    if previous_set and (moved := _at_other_dates(question, previous_set, catalog.latest_date())):
        return moved
    dated = next(
        (
            q
            for q in earlier[:1]
            if find_dates(q, catalog.latest_date())
            # (a digest's first paper is no set to ask again at other dates: "그날 몇
            # 편이야?" after "2024-10-10 다이제스트 맨 위 논문" counts that day)
            and not cue_pattern("first_listed").search(q)
        ),
        None,
    )
    if dated and (moved := _at_other_dates(question, dated, catalog.latest_date())):
        return moved  # "15일은?" after "8월 14일 다이제스트" (a day without a digest: no set)
    previous = [i for i in previous_ids if i in catalog]
    if not previous:
        return question
    if sibling_asked is not None and (sibling := sibling_asked(question, previous[0])):
        return f"{question.rstrip()} ({subject_names([sibling], catalog)})"  # "and v2?"
    pointer = back_pointer(question)
    if question != asked_as and pointer is not None and pointer.picks and len(pointer.picks) == 1:
        return question  # "같은 날 두 번째로 추천 많이 받은 건?": that day's second, not the
        # previous answer's second paper (but "둘이 같은 날 나왔어?": those two)
    if pointer is not None and (one := _one_of_them(question, pointer, previous, catalog)):
        return one  # "그 중에 Xmodel-2는 ...?": asked of that one of them
    own = _stands_alone(question, catalog, previous[0])
    # a pronoun's question is about what the pronoun points at, whatever dates it adds:
    # "papers similar to it from 2025" (the dates filter, they name no subject)
    named = own and (pointer is None or _stands_alone(question, catalog, previous[0], False))
    if pointer is not None and (
        pointer.strong or not named or _owner_first(question, pointer, catalog)
    ):
        chosen = picked(pointer, previous)
        if (
            not pointer.strong
            and not pointer.spoken
            and pointer.picks == (0,)
            and len(previous) > 1
            and best_of
        ):
            # "the one that trains a driving policy with RL - how much lower was its
            # collision rate?" after a list: "its" is the listed paper it describes
            # ("who wrote the grokking one?": its words, not the asking ones, describe it)
            chosen = [best_of(described_by(pointer) or question, previous)]
        names = subject_names(chosen, catalog)
        if not names:
            return question
        return f"{question[: pointer.end]} ({names}){question[pointer.end :]}"
    if own and (again := _asked_again_of(question, asked or earlier, catalog)):
        return again  # "and DeepSeek-R1?" after "who wrote SWE-RL?": who wrote DeepSeek-R1?
    if own and (other := _compared_with(question, previous[0], catalog)):
        # "how does it compare to KVzip?": KVzip and the paper talked about
        return f"{question.rstrip()} ({subject_names([other], catalog)})"
    if own:
        return question
    if len(previous) > 1 and _compares(question):
        # "which does better on HumanEval?" after one question about each: the two
        return f"{question.rstrip()} ({subject_names(previous[:2], catalog)})"
    if ((asks_of_one is not None and asks_of_one(question)) or attributes.asked(question)) and not (
        names_another is not None and names_another(question, previous[0])
    ):
        # "is there a github link?", "학습에 GPU 몇 장 썼어?": what one paper has, naming none
        return f"{question.rstrip()} ({subject_names(previous[:1], catalog)})"
    # a Korean word that names nothing ("몇", "수", "있대": a counter, a predicate's parts)
    # makes no question longer: "몇 토큰까지 늘릴 수 있대?" is one word about the subject
    words = [
        w
        for w in question.split()
        if not _KOREAN_WORD.fullmatch(w.strip("?.!,")) or korean.topical(w.strip("?.!,"))
    ]
    if (
        _ASKS_FOR_PAPERS.search(question)
        and not is_elliptical(question)
        and intents.classify(mask(question, find_dates(question, None))).name != "similar"
    ):
        return question  # "papers on X?": a new question, however short ("similar papers?":
        # similar to the previous one)
    if (
        is_elliptical(question)
        or (len(words) <= SHORT_WORDS and (touches is None or touches(question, previous[0])))
        or (covers is not None and covers(question, previous[0]))
        # "비전-언어 커넥터 설계는 별로 안 중요하다고 했던 거 맞아?" after MM1: what was said
        # of the paper talked about, in words its digests need not write ("연결기")
        or cue_pattern("recalled_cue").search(question)
    ):
        return f"{question.rstrip()} ({subject_names(previous[:1], catalog)})"
    return question


_COMPARES = re.compile(
    r"\b(compare[sd]?|comparison|vs\.?|versus|stacks? up|differ\w*|better than|worse than|"
    r"faster than|slower than)\b|비교|차이|보다\s*(나|좋|빠|느|높|낮|많|적|크|작|잘|더)",
    re.I,
)


def _compares(question: str) -> bool:
    """The question compares papers it does not name ("who's higher on MATH500?", "둘 중에
    MathVista 점수 누가 더 높아?")."""
    return intents.classify(mask(question, find_dates(question, None))).name == "compare"


def _compared_with(question: str, subject: str, catalog: Catalog) -> str | None:
    """The paper talked about, when the question compares one paper it names with it:
    "how does it stack up against GenPRM?", "DiffRhythm이랑 비교하면?" (not "compare A
    and B", which names both)."""
    if not _COMPARES.search(question):
        return None
    named = set(catalog.by_short_name(question))
    if pid := catalog.by_title(question):
        named.add(pid)
    named |= set(ARXIV_ID.findall(question))
    return subject if len(named) == 1 and subject not in named else None


def _stands_alone(
    question: str, catalog: Catalog, previous: str | None = None, dates: bool = True
) -> bool:
    """The question names its own subject: a paper, an id, a date (unless not `dates`) or a
    handle; not a checkpoint of a model the `previous` paper reports on ("Qwen2.5-3B
    기준으로 MATH에서는 얼마나 올랐어?" after a paper that trains Qwen2.5-3B: its setting, not
    Qwen2.5's paper)."""
    written = catalog.papers[previous].lexical_text() if previous in catalog else ""
    named = [  # not a word people ask with ("is there a repo for it?": not RePO)
        pid
        for pid in catalog.by_short_name(question)
        if not intents.asked_not_named(catalog.papers[pid].label, question)
        and not _checkpoint_of(catalog.papers[pid].name, question, written)
        and not _scored_on(catalog.papers[pid].name, question, written)
        and not baseline_of(catalog.papers[pid], question, written)
        and not _used_in(catalog.papers[pid].name, question, written)
    ]
    return bool(
        catalog.by_title(question)
        or named
        or catalog.by_handle(question)
        or ARXIV_ID.search(question)
        or (dates and dates_in(question) != (None, None))
    )


MEASURE_WORDS = 4  # words between a benchmark's name and the figure on it ("56.1 on the GPQA")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")  # where a summary's sentence ends


def _scored_on(name: str | None, question: str, written: str) -> bool:
    """Whether the question asks a figure on `name` (a benchmark with a paper of its own)
    that `written` (the paper talked about) states next to it: "GPQA 점수 몇이었어?" after
    Phi-4 ("scoring 56.1 on the GPQA benchmark") asks Phi-4's score, not about GPQA."""
    if not name or not written or not cue_pattern("figure_cue").search(question):
        return False
    near = rf"(?:\S+\s+){{0,{MEASURE_WORDS}}}?"
    figure = r"\d+(?:\.\d+)?%?"
    at = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    if re.search(rf"{figure}\s+{near}{at}|{at}\W+{near}{figure}", written):
        return True
    # or in one sentence with a figure the question names too: "RULER 128k에서 14B 모델
    # 점수는?" after Qwen2.5-1M ("... achieved 92.2 accuracy on 128k sequences in the
    # RULER benchmark")
    asked = {f.lower() for f in re.findall(r"\d+(?:\.\d+)?[a-z%]*", question, re.I)}
    return any(
        re.search(at, sentence)
        and asked & {f.lower() for f in re.findall(rf"{figure}[a-z]*", sentence, re.I)}
        for sentence in _SENTENCE_END.split(written)
    )


USED_WORDS = 2  # the question's other words a sentence of the subject has with a name in it


def _used_in(name: str | None, question: str, written: str) -> bool:
    """Whether `written` (the paper talked about) writes `name` (or a checkpoint of it) in a
    sentence that has USED_WORDS of the question's other words: a model that paper uses,
    asked of as that paper reports it ("what ASR did the Gemini attacker get against GPT-4o
    on Harmbench?" after Jailbreaking to Jailbreak: "J2 attackers (... Gemini-1.5-pro)
    achieve ... 91.0% attack success rates (ASRs) ... on Harmbench")."""
    if not name or not written:
        return False
    at = re.compile(rf"(?<![\w-]){re.escape(name)}(?![A-Za-z0-9])", re.I)
    if not at.search(question) or re.search(rf"{at.pattern}'s\b", question, re.I):
        return False  # ("What's DeepSeek-R1's AIME2025 accuracy?": its own figure)
    others = re.findall(r"[A-Za-z][A-Za-z0-9-]{2,}", at.sub(" ", question))
    asked = {
        w.lower().rstrip("s")
        for w in others
        if w.lower() not in STOP and not cue_pattern("figure_cue").fullmatch(w)
    }
    shared_names = {  # (the question's other names: a capital past the first letter, a digit)
        w.lower().rstrip("s") for w in others if any(c.isupper() or c.isdigit() for c in w[1:])
    }
    for sentence in _SENTENCE_END.split(written):
        if at.search(sentence):
            words = {
                w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][A-Za-z0-9-]{2,}", sentence)
            }
            if len(asked & words) >= USED_WORDS:
                return True
            # (a word inflected alike, beside a name they share: "improve ... on GenEval" of
            # "improved the baseline model (Show-o) by +24% on the GenEval benchmark"; not
            # "trained" and "achieve" alone, words of any model's own paper)
            shared = [a for a in asked if any(same_word(a, w) for w in words)]
            if len(shared) >= USED_WORDS and shared_names & set(shared):
                return True
    return False


# a model set beside the subject as what it is measured against: "compared to A", "faster
# than A", "A 대비", "A보다", "A에 비해"
_BEFORE_BASELINE = re.compile(
    r"\b(?:compared\s+(?:to|with)|relative\s+to|than|against|versus|vs\.?|over)\s+(?:the\s+)?$",
    re.I,
)
_AFTER_BASELINE = re.compile(r"^(?:\s*대비|보다|에\s*비해|(?:와|과|랑|이랑)\s*비교)")


_VERSION_PARTS = re.compile(r"\d+(?:\.\d+)*|\D+")  # "Qwen2": Qwen, 2


def baseline_of(paper: Paper, question: str, written: str) -> bool:
    """Whether the question sets `paper`'s name against the paper talked about, which
    writes it (`written`): "DeepSeek-R1 대비 추론 속도는 얼마나 빨라?" after Confucius3-Math
    ("a 15.8x speedup ... compared to DeepSeek-R1") asks the subject's speed-up, not about
    DeepSeek-R1."""
    name = paper.name or paper.label
    if not name or not written:
        return False
    # (a Korean particle may be glued on: "DeepSeek-R1보다"; a version written apart: "Qwen 2
    # Audio" of Qwen2, which the paper talked about writes so: "comparing DiVA with Qwen 2
    # Audio")
    apart = r"[ -]?".join(re.escape(part) for part in _VERSION_PARTS.findall(name))
    for m in re.finditer(rf"(?<![\w-]){apart}(?![A-Za-z0-9_-])", question, re.I):
        if m.group(0).lower() not in written.lower():
            continue
        if _BEFORE_BASELINE.search(question[: m.start()]) or _AFTER_BASELINE.match(
            question[m.end() :]
        ):
            return True
    return False


def _checkpoint_of(name: str | None, question: str, written: str) -> bool:
    """Whether the question writes `name` only as a checkpoint of it ("Qwen2.5-3B",
    "Llama-3-8B-Instruct", "DeepSeek-R1-Distill-Qwen-7B") that `written` (the paper talked
    about) writes too: a model that paper trains or tests, not the paper named `name`."""
    if not name or not written:
        return False
    sized = re.compile(
        rf"(?<![\w-]){re.escape(name)}"
        r"(?:[- ]?\d+(?:\.\d+)?[BbMm](?:-[A-Za-z0-9.]+)*|(?:-[A-Za-z0-9.]+)+)"
        r"(?![A-Za-z0-9_-])",  # (a Korean particle may follow: "7B에")
        re.I,  # (typed in lower case: "qwen3-8b 대비")
    )
    found = [m.group(0) for m in sized.finditer(question)]
    # (the name alone, no size after it: not "gemma 2 2b")
    plain = re.search(
        rf"(?<![\w-]){re.escape(name)}(?![\w.-]?\w|[ -]\d+(?:\.\d+)?[BbMm](?![A-Za-z]))",
        question,
        re.I,
    )
    # (however spaced or bracketed: "gemma 2 2b" of "the Gemma 2 (2B) model")
    squashed = _SPACING.sub("", written.lower())
    return bool(found) and not plain and all(_SPACING.sub("", f.lower()) in squashed for f in found)


_SPACING = re.compile(r"[\s()\[\]_-]")


def _owner_first(question: str, pointer, catalog: Catalog) -> bool:
    """A possessive pronoun, or a pronoun a verb's subject ("did it", "do they"), before
    every name of the question points back: "how much did its ProcessBench accuracy go
    up?", "What accuracy did it hit with DeepSeek-R1 on AIME?" ask the previous paper's
    score with a model or on a benchmark the question names ("What is X, and what is its
    score?" names its own owner first; "is it true that X ...?" is no pointer)."""
    word = pointer.words.lower()
    owner = word in ("its", "their") or (
        word in ("it", "they") and _AUXILIARY.search(question[: pointer.start]) is not None
    )
    # a Korean pronoun the question opens with is its subject: "그거 따로 학습시켜야 돼?
    # 아니면 그냥 SAM 2에 붙여서 쓰면 돼?" after SAM2Long (not "그거 말고 SAM 2는?")
    owner = owner or (
        is_korean(word)
        and not question[: pointer.start].strip()
        and not _NOT_IT.match(question[pointer.end :])
        # (nor one set against another it names: "그거 DeepSeek-R1보다 높아?" compares both)
        and not _COMPARES.search(question)
    )
    return owner and not _stands_alone(question[: pointer.start], catalog)


_NOT_IT = re.compile(r"\s*(?:말고|대신|빼고|제외)")  # "그거 말고 ...": another one
_AUXILIARY = re.compile(r"\b(?:did|does|do|can|could|has|have|had|will|would|should)\s*$", re.I)


def _at_other_dates(question: str, previous: str, latest: str | None) -> str | None:
    """`previous` at the dates `question` names, when the question names nothing else."""
    question = _in_month_of(question, previous, latest)  # "on the 5th": a day, no paper
    if back_pointer(question) is not None:
        return None
    question = _in_year_of(question, previous, latest)
    found = find_dates(question, latest)
    if not found:
        return None
    rest = _KOREAN_WORD.sub(lambda m: korean.topical(m.group(0)), strip_found(question, found))
    if any(w not in STOP and w not in _ELLIPSIS for w in re.findall(r"[\w\-]+", rest.lower())):
        return None
    return f"{strip_dates(previous, latest).strip()} {' '.join(found.spans)}"


# a day of the month alone: "15일은?", "and the 2nd?", "on the 15th"
_DAY_ALONE = re.compile(
    r"(?<![\d월])(?<!월\s)(?P<ko>\d{1,2})\s*일(?!\s*[월간])"
    r"|\bon\s+the\s+(?P<en>\d{1,2})(?:st|nd|rd|th)\b",  # ("the 5th" alone: the 5th paper)
    re.I,
)


def _in_month_of(question: str, previous: str, latest: str | None) -> str:
    """A follow-up naming a day without its month ("15일은?" after "8월 14일 다이제스트",
    "and the 2nd?" after "sept 3") asks about that day of the previous question's month."""
    before = find_dates(previous, latest)
    if not before.since or before.since[:7] != (before.until or before.since)[:7]:
        return question
    if find_dates(question, latest) or not (m := _DAY_ALONE.search(question)):
        return question
    year, month = int(before.since[:4]), int(before.since[5:7])
    day = int(m.group("ko") or m.group("en"))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return question
    return f"{question[: m.start()]}{year}-{month:02d}-{day:02d}{question[m.end() :]}"


_YEAR = re.compile(r"(?<!\d)(?:19|20)?\d\d\s*년|\b(?:19|20)\d\d\b|작년|올해|재작년|\byear\b", re.I)


def _in_year_of(question: str, previous: str, latest: str | None) -> str:
    """A follow-up naming a part of a year without its year ("하반기는?", "and in March?",
    "what about summer?") asks about the previous question's year: "2024년 상반기 ...
    몇 편?" then "하반기는?" is the second half of 2024, not of the newest year."""
    before = find_dates(previous, latest)
    if not before.since or _YEAR.search(question):
        return question
    year = (before.until or before.since)[:4]  # "Dec 2024 - Jan 2025", then "and April?"
    own = find_dates(question, latest).spans
    if own and own[0] in question:  # next to the question's own date word: "그럼 2024년 3월에는?"
        at = question.index(own[0])
        with_year = (
            f"{question[:at]}{year}년 {question[at:]}"
            if _KOREAN_WORD.search(question)
            else f"{question[: at + len(own[0])]} {year}{question[at + len(own[0]) :]}"
        )
    else:
        with_year = (
            f"{year}년 {question}"
            if _KOREAN_WORD.search(question)
            else f"{question.rstrip(' ?!.')} {year}"
        )
    found = find_dates(with_year, latest)
    # the year must join a date word of the question's ("2024년 하반기"), not stand alone
    joined = [s for s in found.spans if year in s and s.strip() not in (year, f"{year}년")]
    return with_year if joined else question


# "that day", "그날": the dates an earlier question named; "the day before", "전날", "the
# next day", "다음 날": the day before or after the one it named
_THAT_DAY = re.compile(
    # the week or the month before or after the one an earlier question named
    r"(?P<wbefore>\bthe\s+week\s+before\b|그\s*전\s*주|일주일\s*전)"
    r"|(?P<wafter>\bthe\s+week\s+after\b|\bthe\s+following\s+week\b|그\s*다음\s*주)"
    r"|(?P<mbefore>\bthe\s+month\s+before\b|그\s*전\s*달|한\s*달\s*전)"
    r"|(?P<mafter>\bthe\s+month\s+after\b|\bthe\s+following\s+month\b|그\s*다음\s*달)"
    r"|(?P<before>\bthe\s+(?:day|date)\s+before\b|\bthe\s+previous\s+(?:day|date)\b|"
    r"(?:그\s*)?전\s*날|하루\s*전)"
    r"|(?P<after>\bthe\s+(?:day|date)\s+after\b|\bthe\s+next\s+(?:day|date)\b|"
    r"(?:그\s*)?다음\s*날|이튿날|하루\s*뒤)"
    # the same weekday a week away from a day an earlier question named
    r"|(?P<wlater>\ba\s+week\s+later\b|\bone\s+week\s+later\b|일주일\s*(?:뒤|후))"
    r"|(?P<wearlier>\ba\s+week\s+(?:earlier|before)\b|\bone\s+week\s+earlier\b)"
    r"|그\s*날|당일|같은\s*날|\bthat\s+(?:day|date)\b|\bthe\s+same\s+(?:day|date)\b"
    # the week or month an earlier question named ("그 주에 올라온 논문 중 가장 핫했던 거")
    r"|(?:그|같은)\s*(?:주|달)(?=에|의|엔|\s|[?.!,]|$)|\b(?:that|the\s+same)\s+(?:week|month)\b"
    # the digest the paper talked about was in ("What else was in that digest?", "그거
    # 나온 날 같이 올라온 논문")
    r"|\b(?:that|the\s+same)\s+digest\b|(?:그|같은)\s*다이제스트"
    r"|(?<![가-힣])(?:그거|그게|걔|이거)\s*(?:나온|올라온|실린)\s*날",
    re.I,
)


def _on_that_day(
    question: str, earlier: Sequence[str], latest: str | None, digests: Sequence[str] = ()
) -> str:
    """ "그날 추천 제일 많이 받은 건?" after "2024년 10월 31일 논문 목록": the words pointing at
    an earlier question's dates replaced by those dates (`earlier`: newest first); "and the
    day before?" after "what was in the digest on sept 3" by the day before that one: the
    digest before it (`digests`: the archive's dates), as the next day after a Friday's
    digest is Monday's; "a week later": the same weekday a week on."""
    if not (match := _THAT_DAY.search(question)):
        return question
    for before in earlier:
        if found := find_dates(before, latest):
            when = " ".join(found.spans)
            day = found.since == found.until
            if (match.group("before") or match.group("after")) and day:
                when = _next_digest(found.since, -1 if match.group("before") else 1, digests)
            elif (match.group("wlater") or match.group("wearlier")) and day:
                shift = 7 if match.group("wlater") else -7
                when = (date.fromisoformat(found.since) + timedelta(days=shift)).isoformat()
            elif span := _shifted(match, found.since, found.until or found.since):
                korean = bool(_KOREAN_WORD.search(question))
                when = f"{span[0]}~{span[1]}" if korean else f"from {span[0]} to {span[1]}"
            return f"{question[: match.start()]}{when}{question[match.end() :]}"
    return question


NEXT_DIGEST_DAYS = 7  # a day's next (or previous) digest is looked for this far away


def _next_digest(day: str, step: int, digests: Sequence[str]) -> str:
    """The digest date after (step 1) or before (-1) `day`, within NEXT_DIGEST_DAYS; else
    the calendar day next to it (whose answer says which digests are nearest)."""
    start = date.fromisoformat(day)
    have = set(digests)
    for n in range(1, NEXT_DIGEST_DAYS + 1):
        if (other := (start + timedelta(days=step * n)).isoformat()) in have:
            return other
    return (start + timedelta(days=step)).isoformat()


def _shifted(match: re.Match, since: str, until: str) -> tuple[str, str] | None:
    """The week or month before or after the dates an earlier question named ("the week
    before" 2024-10-23: 2024-10-16 to 2024-10-22; "그 전 달" of August 2024: July)."""
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    if match.group("wbefore"):
        return (first - timedelta(days=7)).isoformat(), (first - timedelta(days=1)).isoformat()
    if match.group("wafter"):
        return (last + timedelta(days=1)).isoformat(), (last + timedelta(days=7)).isoformat()
    if match.group("mbefore") or match.group("mafter"):
        month = first.replace(day=1) - timedelta(days=1) if match.group("mbefore") else None
        if month is None:  # the month after the last one named
            month = last.replace(day=28) + timedelta(days=4)
        start = month.replace(day=1)
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        return start.isoformat(), end.isoformat()
    return None
