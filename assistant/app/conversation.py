"""A conversation: each question sees the turns before it (`Assistant.chat()`).

In LLM mode the agent reads the conversation itself (`context()`: each answer with the
papers it cited), so follow-ups are not rewritten. Otherwise follow-ups are rewritten into
standalone questions before retrieval by `assistant.understand.condense`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from assistant.answer.asking import A_LIST, NEWER, digest_language
from assistant.index.spelling import read_as_note
from assistant.retrieve.hybrid import coined_names
from assistant.text import MAX_QUESTION_CHARS, check_question, english_word, is_korean
from assistant.understand.dates import find_dates
from assistant.understand.query import strip_dates
from assistant.understand.references import back_pointer, counted
from assistant.understand.slots import cue_pattern

if TYPE_CHECKING:
    from assistant.answer.citations import Answer
    from assistant.app.api import Assistant


SET_LOOKBACK = 4  # turns back a follow-up at other dates looks for the set it re-asks
SET_TOOLS = ("list_papers", "count_papers", "search")  # the tools whose calls name a set
# one of the papers before, picked by its date ("the newer one"): no newer work asked for
_ONE_OF_THEM = re.compile(
    r"\bthe\s+(?:newer|more recent|later)\s+(?:one|paper|of\s+(?:the|them|those))\b", re.I
)
# the word for newer work as one side of a comparison: "새 버전이랑 비교해줘" (after "원래
# CamemBERT는 F1 몇이었어?": the new version is one to compare with, no newer work asked)
_SET_AGAINST = re.compile(r"\s*(?:이랑|랑|과|와|하고|보다|대비|에 비해)")


_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9]|(?<![A-Za-z0-9])[A-Z]")


def _names_in(question: str) -> list[str]:
    """The names a question writes: coined ones ("HellaSwag", "Qwen2.5") and any word with a
    capital that is not an English word opening it ("LIMO", "OSWorld", "Sora", "MMLU-Pro는";
    not "Who" of "Who made it?")."""
    found = list(coined_names(question))
    korean = is_korean(question)  # (a Latin word of a Korean question is a name: "Sora는?")
    for m in _LATIN.finditer(question):
        word = m.group(0)
        if not any(c.isupper() for c in word) or word in found:
            continue
        if not korean and word[1:].islower() and english_word(word.lower()):
            continue  # a word of the language, capitalised ("What about ...", "The")
        found.append(word)
    return found


@dataclass
class Turn:
    question: str
    standalone: str
    answer: Answer


ELLIPSIS_WORDS = 3  # a follow-up this short, naming nothing, asks about what came before
# where the items of a list a question writes part: "A, B, and C", "A and B", "A & B"
_LIST_ITEM = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", re.I)
# the pronoun of a pointer back ("its" of "its authors", "그거")
_POINTING = re.compile(r"\b(?:its|it|this one|that one|this|that)\b|그거|그것|이거|걔", re.I)


@dataclass
class Conversation:
    """A chat with history; each `ask` sees the turns before it."""

    assistant: Assistant
    filters: dict = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)

    @property
    def history(self) -> list[tuple[str, str]]:
        return [(t.question, t.answer.text) for t in self.turns]

    def previous_papers(self, at_least: int = 0) -> list[str]:
        """Every paper the last answered turn cited, in its [n] order (else its first source).

        Which of them a follow-up means ("the second one", "those", "그 논문") is read by
        `assistant.understand.references` when the follow-up is rewritten. With `at_least`,
        the last answered turn that cited that many: "두 번째는?" after a ranking and then
        a question about its first paper means the ranking's second; with none, the papers
        of that many last turns ("the two" after one question about each).
        """
        cited = [_cited(t) for t in reversed(self.turns) if _answered(t)]
        if found := next((c for c in cited if len(c) >= at_least), None):
            return found
        # "which of the two is faster?" after one question about each: the papers of the
        # last turns, one each, in the order they were asked about
        each = list(dict.fromkeys(c[0] for c in cited if c))[:at_least]
        if at_least > 1 and len(each) == at_least:
            return each[::-1]
        return cited[0] if cited else []

    def _by_date(self, papers: list[str], newest: bool) -> list[str]:
        """`papers` newest (or oldest) first by their first digest date: what "the newer
        one", "예전 거" picks first (in the answer's order where the dates tie)."""
        catalog = self.assistant.catalog

        def first_date(pid: str) -> str:
            dates = catalog.papers[pid].dates if pid in catalog else ()
            return min(dates) if dates else ""

        return sorted(papers, key=first_date, reverse=newest)

    def papers_asked_about(self) -> list[str]:
        """The paper each answered turn was about (the first it cited), in the order the
        turns were asked, each once: what "the first paper" counts after "back to"."""
        firsts = [c[0] for t in self.turns if _answered(t) and (c := _cited(t))]
        return list(dict.fromkeys(firsts))

    def papers_listed_last(self) -> list[str | None]:
        """The items of a list the last answered question wrote itself ("I'm reading 3 MoE
        papers rn: Fiddler, Autonomy-of-Experts, and MH-MoE"), each the paper it names (None
        where no paper's name is read), when it named two or more papers and its answer
        did not show them all: a list of the user's, which no answer of ours numbered
        (after a comparison or a ranking of them, its order counts)."""
        for turn in [t for t in reversed(self.turns) if _answered(t)][:SET_LOOKBACK]:
            if listed := self._listed_in(turn):
                return listed
            if len(_cited(turn)) > 1:
                return []  # (an answer that showed several: its list now)
            # (an answer about one of them, "for the first one, ...?": the list still holds)
        return []

    def _listed_in(self, turn: Turn) -> list[str | None]:
        """`papers_listed_last` of one turn."""
        named = self.assistant.catalog.by_short_name(turn.question)
        if len(named) < 2 or set(named) <= set(_cited(turn)):
            return []
        items = [i.strip() for i in _LIST_ITEM.split(turn.question.rsplit(":", 1)[-1])]
        items = [i for i in items if i]
        catalog = self.assistant.catalog
        listed: list[str | None] = [None] * len(items)
        for pid in named:
            names = [n.lower() for n in catalog.papers[pid].short_names]
            at = next((k for k, i in enumerate(items) if i.lower() in names), None)
            if at is None:
                return []  # (a name outside the list: no list of papers)
            listed[at] = pid
        return listed

    def _one_paper_each(self) -> bool:
        """Whether each answered turn cited one paper, and there are two or more: papers
        talked about one at a time, which an ordinal counts in the order they were asked."""
        cited = [_cited(t) for t in self.turns if _answered(t)]
        return len(cited) > 1 and all(len(c) == 1 for c in cited)

    def previous_set(self) -> str | None:
        """The last question, as answered, whose answer was a set of papers (a topic, a day,
        a ranking): "and in March?" asks it again of other dates, also after a question
        about one of its papers ("who wrote the first one?", then "and in June?")."""
        for turn in list(reversed(self.turns))[:SET_LOOKBACK]:
            if not _answered(turn):
                continue
            tools = {s.tool for s in turn.answer.steps}
            several = len({c.arxiv_id for c in turn.answer.citations}) > 1
            if several and tools and tools <= {"paper", "similar"}:
                continue  # a comparison, the authors of those: about papers, not a set
            if several:
                return turn.answer.standalone_question or turn.question
        return None

    def other_of_two(self) -> list[str]:
        """[the paper the last answer was about, the other one talked about with it]: "and
        the other one?" after a comparison of two and a question about one of them. The
        other is the last answer's second paper, else the last answer that cited several,
        else the paper a turn before was about."""
        last = self._last_answered()
        first = next(iter(_cited(last)), None) if last else None
        if first is None:
            return []
        among = [*self.previous_papers(2), *reversed(self.papers_asked_about())]
        other = next((p for p in among if p != first), None)
        return [first, other] if other else []

    def _last_answered(self) -> Turn | None:
        """The last turn the assistant answered (`_answered`)."""
        return next((t for t in reversed(self.turns) if _answered(t)), None)

    def relisted(self, korean: bool, count: bool = False) -> str | None:
        """The previous answer's set of papers asked for as a list: "목록 보여줘" after "how
        many agent papers in July 2024?" (which shows a few of them) lists them all; or,
        with `count`, counted: "how many?" after a list. Written from the arguments the
        set's tool was called with (its topic words and dates), so it is the same set,
        whatever the first question's words were."""
        last = self._last_answered()
        if last is None or len({c.arxiv_id for c in last.answer.citations}) < 2:
            return None
        if (step := _set_step(last)) is None:
            return None
        args = step.arguments
        catalog = self.assistant.catalog
        return _listing(args, args.get("since"), args.get("until"), korean, catalog, count)

    def placed(self, question: str) -> str | None:
        """ "Which paper is listed first in it?" after a digest shown, naming no day: the
        place asked in the digest of the last question that named dates ("Show me the
        2025-01-15 digest"), not that digest listed again."""
        if not cue_pattern("first_listed").search(question) or A_LIST.search(question):
            return None  # (the top of a list shown: its first, the pointer's)
        latest = self.assistant.catalog.latest_date()
        if find_dates(question, latest):
            return None
        for turn in reversed(self.turns):
            asked = turn.answer.standalone_question or turn.question
            found = find_dates(asked, latest)
            if found.since and found.until:
                span = _span(found)
                if language := digest_language(asked):  # ("Show me the Korean digest of ...")
                    span += f" {'Korean' if language == 'ko' else 'English'} digest"
                return f"{question.rstrip(' ?')} ({span})?"
        return None

    def placed_day(self) -> str | None:
        """The day (or range) the last question asked a digest's first paper of, if it did."""
        if not self.turns:
            return None
        last = self.turns[-1]
        asked = last.answer.standalone_question or last.question
        if not cue_pattern("first_listed").search(asked):
            return None
        found = find_dates(asked, self.assistant.catalog.latest_date())
        return _span(found) if found.since and found.until else None

    def narrowed(self, question: str) -> str | None:
        """ "Just the ones from March 2025", "그 중 2025년 3월에 나온 것만" after a set shown in
        part (the 30 most relevant of 90 papers on a topic, a search's best few): the set
        at those dates, so the whole set is narrowed, not only the papers shown; so is a
        digest's set, shown in part, narrowed to a topic ("그 중에 에이전트 관련 논문은?"
        after 5 of a digest's 39 papers). A set shown whole is narrowed by the router, from
        its papers; a follow-up with dates and a topic of its own ("those from March about
        robots") too."""
        pointer = back_pointer(question)
        if pointer is None or pointer.picks is not None:
            return None
        catalog = self.assistant.catalog
        found = find_dates(question, catalog.latest_date())
        topic = "" if found else self.assistant.router.topic_of(question)
        if not (found or topic):
            return None
        if found and (found.relative == "latest" or self.assistant.router.own_topic(question)):
            return None  # ("the most recent of those": the newest of them, the router's)
        last = self._last_answered()
        if last is None or len(shown := _cited(last)) < 2:
            return None
        korean = is_korean(question)
        if (step := _set_step(last)) is not None:
            total = getattr(step.result, "data", {}).get("total") or 0
            if total <= len(shown):
                return None
            if found:
                return _listing(step.arguments, found.since, found.until, korean, catalog)
            args = step.arguments  # a digest's papers (dates and no topic of their own)
            since, until = args.get("since"), args.get("until")
            if args.get("query") or not (since or until):
                return None
            return _listing({**args, "query": topic}, since, until, korean, catalog)
        if found and any(s.tool == "retrieve" for s in last.answer.steps):  # a search's best few
            previous = last.answer.standalone_question or last.question
            return f"{strip_dates(previous, catalog.latest_date()).strip()} {' '.join(found.spans)}"
        return None

    def newer(self, question: str) -> str | None:
        """ "Any newer work on LLM self-correction?" after SCoRe: the question's topic after
        the day of the paper talked about (after a set of papers, its newest). Without a
        topic of its own ("anything newer on this?", "이 주제로 더 최근 연구도 있어?"): the
        previous set's topic words, or papers like the previous paper."""
        if not NEWER.search(question) or find_dates(question, None):
            return None
        if _ONE_OF_THEM.search(question):
            return None  # "the newer one": one of those, not newer work
        if all(_SET_AGAINST.match(question, m.end()) for m in NEWER.finditer(question)):
            return None
        named = self.assistant.router.named_ids(question)
        if len(named) > 1:
            return None  # "There's a value-based follow-up, VAPO. How does it compare with
            # DAPO?": the papers it names
        last = self._last_answered()
        cited = _cited(last) if last else []
        if named and named[0] not in cited:
            return None  # "Are there follow-up papers to SageAttention?" after UltraIF: newer
            # work on the paper it names, not on the one talked about
        papers = [self.assistant.catalog.papers[p] for p in cited if p in self.assistant.catalog]
        if not papers:
            return None
        step = _set_step(last)
        # after a set, its newest paper; after a paper (and the papers around it), that one
        dated = papers if step else papers[:1]
        newest = max((min(p.dates) for p in dated if p.dates), default=None)
        if newest is None:
            return None
        since = (date.fromisoformat(newest) + timedelta(days=1)).isoformat()  # the day after
        korean = is_korean(question)
        if topic := self.assistant.router.own_topic(question):
            return f"{since} 이후 {topic} 논문" if korean else f"papers on {topic} since {since}"
        if about := step.arguments.get("query") if step else None:
            return (
                f"{since} 이후 '{about}' 관련 논문"
                if korean
                else f"papers on '{about}' since {since}"
            )
        like = papers[0].label  # newer work like the paper talked about
        return (
            f"{since} 이후 {like}와 비슷한 논문"
            if korean
            else f"papers similar to {like} since {since}"
        )

    def context(self) -> list[tuple[str, str]]:
        """The turns as the agent sees them: each answer followed by the papers it cited."""
        return [(t.question, t.answer.for_history()) for t in self.turns]

    def agent_answers(self, mode: str | None = None) -> bool:
        """True when the LLM agent answers (it reads the history: no rewrite needed)."""
        return self.assistant.mode(mode or self.filters.get("mode")) == "llm"

    def of_declined(self, question: str) -> str | None:
        """A follow-up on a name the answer before declined as no paper's own ("What is
        CogVideoX?" ... "who are its authors?"), with the name for its pointer: asked of the
        name again, not of the first paper that mentions it (LiFT's authors had answered)."""
        last = self.turns[-1].answer
        if not (last.refused and last.citations):
            return None
        name = self.assistant.router.declined_name(self.turns[-1].standalone)
        if name is None:
            return None
        if (pointer := back_pointer(question)) is None:
            # ("저자는?", "code?"; not "and CogVideoX-5B?", a name of its own)
            if named := _names_in(question):
                # another name, asked as itself: the papers listed only mentioned the one
                # declined ("what is HellaSwag?" had answered that LiFT gives no HellaSwag
                # figure; "그럼 LIMO는 뭐야?", "and GPQA?", "Sora는?"); a paper listed,
                # named, is that paper's question all the same
                return question if name not in named else None
            return f"{name} {question}" if len(question.split()) <= ELLIPSIS_WORDS else None
        if pointer.other or pointer.by_date or (pointer.picks or (0,)) != (0,):
            return None  # ("the second one": of the papers listed)
        # its pronoun is the name ("its authors": "CogVideoX authors"), else the whole
        # pointer ("the paper")
        span = question[pointer.start : pointer.end]
        said = _POINTING.sub(name, span, count=1) if _POINTING.search(span) else name
        return question[: pointer.start] + said + question[pointer.end :]

    def condense(self, question: str, mode: str | None = None) -> str:
        question = check_question(question)  # bounded before any rule or model sees it
        if not self.turns or self.agent_answers(mode):
            return question
        if placed := self.placed(question):
            return placed
        if declined := self.of_declined(question):
            return declined
        if self.assistant.router.counting_only(question) and (day := self.placed_day()):
            # "how many?" after the paper a digest lists first: that digest's papers
            return (
                f"{day} 다이제스트 논문 몇 편?"
                if is_korean(question)
                else f"how many papers on {day}?"
            )
        if self.assistant.router.listing_only(question) and (
            again := self.relisted(is_korean(question))
        ):
            return again
        if self.assistant.router.counting_only(question) and (
            again := self.relisted(is_korean(question), count=True)
        ):
            return again  # "how many?" after a set: its size, not its first paper's figures
        if later := self.newer(question):
            return later
        if narrower := self.narrowed(question):
            return narrower
        pointer = back_pointer(question)
        picks = [i for i in (pointer.picks or ()) if i >= 0] if pointer is not None else []
        need = max(max(picks, default=-1) + 1, counted(pointer))  # "which of the two"
        if pointer is not None and pointer.by_date:
            need = max(need, 2)  # "the newer one": of two papers talked about at least
        if (
            (pointer is None or (not pointer.strong and pointer.picks is None))
            and not need
            and len(self.previous_papers()) == 1
            and (pointer is not None or self.assistant.router.compares(question))
        ):
            need = 2  # "which one scores higher?" after "What's DAPO?" and "And VAPO?"
            # (also naming none: "who's higher on MATH500?")
        previous = self.previous_papers(need)
        if pointer is not None and pointer.other:
            previous = self.other_of_two() or previous  # "다른 하나는 ...?": the other's
        if pointer is not None and pointer.by_date:
            previous = self._by_date(previous, newest=pointer.by_date > 0)
        listed = self.papers_listed_last() if picks and pointer and pointer.ordinal else []
        if listed and len(listed) > max(picks):
            # "for the first one" after "I'm reading Fiddler, AoE and MH-MoE" (answered with
            # MH-MoE): the papers the user listed, in the order written; an item no paper's
            # name was read in is no paper of ours ("the second one" there: the question's
            # own words find it, or nothing does)
            chosen = listed[picks[0]]
            previous = [pid or chosen for pid in listed] if chosen else []
        elif picks and (
            cue_pattern("back_to").search(question)
            or (pointer is not None and pointer.ordinal and self._one_paper_each())
        ):
            # "Back to the first paper: ..." after one question about each of two papers:
            # the first the conversation was about, not the last answer's first; so is
            # "the first one" after answers that were each about one paper ("what did
            # ThinkPO do?", "and DeepSeek-R1?"), which no answer lists
            asked = self.papers_asked_about()
            previous = asked if len(asked) > max(picks) else previous
        asked = [t.answer.standalone_question or t.question for t in reversed(self.turns)]
        standalone = self.assistant.condense(
            question, self.history, previous, self.previous_set(), asked
        )
        # a rewrite that adds names may pass the length limit the question itself kept
        return standalone if len(standalone) <= MAX_QUESTION_CHARS else question

    def options(self, **options) -> dict:
        """The keyword arguments for `Assistant.ask/stream`: filters, options, history."""
        merged = {**self.filters, **options}
        if self.agent_answers(merged.get("mode")) and "history" not in merged:
            merged["history"] = self.context()
        return merged

    def ask(self, question: str, **options) -> Answer:
        question = check_question(question)  # before any work on it
        standalone = self.condense(question, options.get("mode"))
        answer = self.assistant.ask(standalone, **self.options(**options))
        if standalone != question and not self.agent_answers(options.get("mode")):
            # a rewrite reads the question's typos ("how big is teh model?"): say how
            _, fixes = self.assistant.spelling.correct(question)
            if fixes and (note := read_as_note(fixes, is_korean(question))) not in answer.notes:
                answer.notes.append(note)
        answer.question = question  # standalone_question: what was retrieved for, if anything
        self.turns.append(Turn(question, answer.standalone_question or standalone, answer))
        return answer

    def stream(self, question: str, **options):
        """Like `ask`, streaming: yields text chunks, then the final `Answer`."""
        question = check_question(question)
        standalone = self.condense(question, options.get("mode"))
        answer = None
        for item in self.assistant.stream(standalone, **self.options(**options)):
            if isinstance(item, str):
                yield item
            else:
                answer = item
        answer.question = question
        self.turns.append(Turn(question, answer.standalone_question or standalone, answer))
        yield answer


def _span(found) -> str:
    """A range's dates as a question writes them: one day, or "first – last"."""
    return found.since if found.since == found.until else f"{found.since} – {found.until}"


def _listing(
    args: dict, since: str | None, until: str | None, korean: bool, catalog, count: bool = False
) -> str:
    """A question listing (or, with `count`, counting) the set a tool was called for
    (`args`: its topic words, code filter) within `since` - `until` (open ends: the
    archive's)."""
    if since or until:
        since, until = since or catalog.oldest_date(), until or catalog.latest_date()
    about, code = args.get("query"), args.get("has_code")
    if korean:
        dates = (since if since == until else f"{since}부터 {until}까지") if since else ""
        words = [dates, "GitHub 코드가 있는" if code else "", f"'{about}'" if about else ""]
        return " ".join(w for w in (*words, "논문 몇 편" if count else "논문 목록") if w)
    asks = "how many papers" if count else "list all papers"
    words = [asks, f"on '{about}'" if about else "", "with code" if code else ""]
    if since:
        words.append(f"from {since}" if since == until else f"from {since} to {until}")
    return " ".join(w for w in words if w)


def _set_step(turn: Turn):
    """The turn's call of a tool that names a set of papers (its arguments say which)."""
    return next((s for s in turn.answer.steps if s.tool in SET_TOOLS), None)


def _answered(turn: Turn) -> bool:
    """Whether the turn answered about papers: not refused, or declining one figure while
    citing what the digests say of its paper ("MMLU? they give none; what they say: ..."),
    which a follow-up still asks about ("and its GSM8K?")."""
    return not turn.answer.refused or bool(turn.answer.citations)


def _cited(turn: Turn) -> list[str]:
    """The papers a turn's answer cited, in its [n] order (else its first source)."""
    cited = [c.arxiv_id for c in sorted(turn.answer.citations, key=lambda c: c.n)]
    if not cited and turn.answer.sources:
        cited = [turn.answer.sources[0].arxiv_id]
    return list(dict.fromkeys(cited))
