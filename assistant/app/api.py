"""The Python API: `Assistant`, the one entry point the CLI, the Chainlit app and the
evaluation runner all call.

    from assistant import Assistant
    a = Assistant()
    ans = a.ask("What did SWE-RL score on SWE-bench Verified?")
    print(ans.text, ans.citations)

Everything heavy (store, embedder, lexical index, LLM client) is built on first use.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property

from assistant.answer.citations import (
    ADVICE_REFUSAL,
    OUTSIDE_REFUSAL,
    REFUSAL,
    TUTORIAL_REFUSAL,
    Answer,
    Source,
    Step,
    finalize,
    is_refusal,
    refusal,
    sources_of,
)
from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.routed import Routed
from assistant.answer.router import Router
from assistant.app.conversation import Conversation
from assistant.config import Settings
from assistant.errors import DigestError, EmptyStoreError, LLMError
from assistant.index.catalog import Catalog
from assistant.index.spelling import Correction, Spelling, read_as_note
from assistant.retrieve.hybrid import HybridRetriever, Retrieval, topical_terms
from assistant.text import check_question, is_korean
from assistant.tools import ArchiveTools
from assistant.types import Filters
from assistant.understand import intents
from assistant.understand.condense import rule_based_condense
from assistant.understand.query import analyse, strip_dates

# what a question naming a paper asks of it: a name no digest writes is why it is refused
NAMED_ASKS = ("authors", "code", "when", "summary", "similar", "compare")

log = logging.getLogger(__name__)

MAX_TOP_K = 50  # as the DIGEST_TOP_K setting allows


class Assistant:
    """Answers questions about the stored digests, citing papers from the store."""

    def __init__(self, settings: Settings | None = None, **overrides):
        self.settings = settings or Settings(**overrides)
        if settings is not None and overrides:
            self.settings = settings.model_copy(update=overrides)
        self._lock = threading.RLock()
        self.extractive = ExtractiveAnswerer(vocabulary=lambda: self.retriever.glossary)
        # called as (papers done, papers in all) while stale derived indexes are repaired
        self.progress: Callable[[int, int], None] | None = None

    # -- components, built once ---------------------------------------------------------

    @cached_property
    def _parts(self):
        from assistant.index.store import LazyEmbedder

        with self._lock:
            embedder = LazyEmbedder(self.settings)
            catalog = Catalog.load(self.settings, progress=self.progress)
            if catalog.derived is None:
                raise EmptyStoreError(
                    f"no papers in {self.settings.describe_store()}: run `digest ingest` first"
                )
            return embedder, catalog

    @property
    def catalog(self) -> Catalog:
        return self._parts[1]

    @cached_property
    def retriever(self) -> HybridRetriever:
        embedder, catalog = self._parts
        if not len(catalog):
            raise EmptyStoreError(
                f"no papers in {self.settings.describe_store()}: run `digest ingest` first"
            )
        return HybridRetriever(self.settings, catalog, embedder)

    def is_current(self) -> bool:
        """True when the loaded indexes match the store's version (one cheap read)."""
        from assistant.index.store import collection_state

        parts = self.__dict__.get("_parts")
        if parts is None:
            return True  # nothing loaded yet: the first use reads the current state
        state = collection_state(self.settings)
        return state is not None and parts[1].state == (state.id, state.version)

    def refresh_if_stale(self) -> bool:
        """Reload (repairing the derived indexes) when another process wrote to the store.

        Called before every question, so a running server sees newly ingested papers at
        the next question, with no restart.
        """
        if self.is_current():
            return False
        log.info("%s changed: reloading its indexes", self.settings.describe_store())
        self.refresh()
        return True

    @cached_property
    def tools(self) -> ArchiveTools:
        """The archive tools (search, list, count, paper, similar) over this store."""
        return ArchiveTools(self.catalog, self.retriever)

    @cached_property
    def spelling(self) -> Spelling:
        """Typos read as the archive's words (offline answers)."""
        return Spelling(
            self.catalog.derived,
            asking=intents.example_words(),
            has_korean=self.retriever.lexical.has_korean,
        )

    @cached_property
    def router(self) -> Router:
        """The offline router: intents mapped to the archive tools."""
        return Router(self.tools)

    @cached_property
    def llm(self):
        from assistant.answer.llm import LLMAnswerer

        return LLMAnswerer(self.settings)

    @cached_property
    def agent(self):
        """The LLM mode's agent: the model chooses and chains the archive tools."""
        from assistant.answer.agent import ToolAgent

        return ToolAgent(self.settings, self.tools, self.llm)

    def warm(self) -> None:
        """Load now what the first question would: the store's indexes, the embedding model,
        the intent matcher (and the agent in LLM mode). No question is answered, nothing is
        written, no model server is called. A server calls it at start-up, in a thread."""
        self.retriever.retrieve("warm up")
        self.router.route("warm up", Filters())
        if self.mode() == "llm":
            self.agent  # noqa: B018  (imports llama-index's agent; no request is made)

    def refresh(self) -> None:
        """Forget cached components; the next question loads the store's current state."""
        with self._lock:
            for name in ("_parts", "retriever", "tools", "agent", "router", "spelling"):
                self.__dict__.pop(name, None)

    def mode(self, requested: str | None = None) -> str:
        """The answer mode for a question: as requested, else the settings' (auto resolved)."""
        if requested in (None, "auto"):
            return self.settings.effective_answer_mode
        return requested

    # -- asking -------------------------------------------------------------------------

    def retrieve(
        self, question: str, filters: Filters | None = None, top_k: int | None = None
    ) -> Retrieval:
        self.refresh_if_stale()
        return self.retriever.retrieve(question, filters, top_k)

    def ask(
        self,
        question: str,
        *,
        since: str | None = None,
        until: str | None = None,
        topic: str | None = None,
        has_code: bool | None = None,
        top_k: int | None = None,
        mode: str | None = None,
        history: Sequence[tuple[str, str]] = (),
        on_step: Callable[[Step], None] | None = None,
    ) -> Answer:
        """Answer one question. Filters narrow the papers; `mode` overrides the setting.

        `on_step` is called with each step (a retrieval, a tool call) as soon as it is done;
        the answer lists them all in `Answer.steps`.
        """
        *_, answer = self.stream(
            question,
            since=since,
            until=until,
            topic=topic,
            has_code=has_code,
            top_k=top_k,
            mode=mode,
            history=history,
            on_step=on_step,
        )
        return answer

    async def aask(self, question: str, **options) -> Answer:
        """`ask` without blocking the event loop."""
        return await asyncio.to_thread(self.ask, question, **options)

    def stream(
        self,
        question: str,
        *,
        since: str | None = None,
        until: str | None = None,
        topic: str | None = None,
        has_code: bool | None = None,
        top_k: int | None = None,
        mode: str | None = None,
        history: Sequence[tuple[str, str]] = (),
        on_step: Callable[[Step], None] | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the answer's text as it is written, then the final, checked `Answer`.

        The streamed text is the raw draft; the final `Answer.text` is the checked version
        (invalid citations dropped, model-written links removed) and replaces it.

        In LLM mode an agent answers (it calls the archive tools and sees `history`); a
        server that cannot call tools gets the fixed pipeline: retrieve, then answer.
        """
        question = check_question(question)
        if top_k is not None and not 1 <= top_k <= MAX_TOP_K:
            raise DigestError(f"top_k must be between 1 and {MAX_TOP_K} (got {top_k})")
        filters = Filters(since, until, topic, has_code)
        self.refresh_if_stale()  # the router's and the agent's tools see the store's papers now
        if self.mode(mode) == "llm":
            yield from self._agent_stream(question, filters, top_k, history, on_step)
            return
        yield from self._pipeline(question, filters, top_k, mode, history, on_step)

    def _agent_stream(self, question, filters, top_k, history, on_step):
        """The agent's answer, checked; or, when the model cannot do tools, the fixed pipeline."""
        from assistant.answer.agent import AgentRun, ToolsUnsupported

        answer = Answer(question, "", True, standalone_question=question, mode="llm")
        answer.filters = filters
        run = None
        try:
            for item in self.agent.run(question, history, filters):
                if isinstance(item, Step):
                    answer.steps.append(item)
                    if on_step is not None:
                        on_step(item)
                elif isinstance(item, AgentRun):
                    run = item
                else:
                    yield item
        except ToolsUnsupported as exc:
            log.warning("the model cannot call tools, using the fixed pipeline: %s", exc)
            note = f"{exc}: the model cannot call tools, so the fixed pipeline answered."
            yield from self._fallback(
                question, filters, top_k, "llm", history, on_step, note, answer
            )
            return
        except LLMError as exc:
            log.warning("the agent's model failed, falling back to the extractive answer: %s", exc)
            note = f"{exc}; showing the offline (extractive) answer instead."
            yield from self._fallback(
                question, filters, top_k, "extractive", history, on_step, note, answer
            )
            return
        assert run is not None
        text, citations = finalize(run.text, run.papers)
        korean = any("\uac00" <= ch <= "\ud7a3" for ch in question)
        if not citations and not run.answered_from_tools and not is_refusal(text):
            note = "The model called no tool and cited nothing, so the fixed pipeline answered."
            yield from self._fallback(
                question, filters, top_k, "llm", history, on_step, note, answer
            )
            return
        answer.sources = [
            Source(p.arxiv_id, p.title, p.url, round(run.scores.get(p.arxiv_id, 0.0), 6), p.dates)
            for p in run.papers
        ]
        if is_refusal(text) or not text:
            answer.text, answer.sources = REFUSAL["ko" if korean else "en"], []
        else:
            answer.text, answer.citations, answer.refused = text, citations, False
            answer.trend = self._trend_chart(question, filters)
        yield answer

    def _trend_chart(self, question: str, filters: Filters):
        """For a trend question, the papers per month as `digest trend` counts them (the
        chart under the model's answer), computed by code, not by the model."""
        info = analyse(question, filters, self.catalog.latest_date(), self.catalog.oldest_date())
        if info.intent != "trend":
            return None
        try:
            routed = self.router.route(question, self.retriever.resolve_topic(filters))
        except DigestError:
            return None
        return routed.trend if routed is not None else None

    def _fallback(self, question, filters, top_k, mode, history, on_step, note, agent_answer):
        """The fixed pipeline after the agent gave up, with `note` and the agent's steps."""
        standalone = question
        if history:  # the pipeline retrieves: a follow-up needs its subject spelled out
            cited = re.findall(r"\(arXiv (\d{4}\.\d{4,5})\)", history[-1][1])
            if mode == "llm":
                standalone = self.condense(question, history, cited)
            else:
                standalone = rule_based_condense(question, cited, self.catalog)
        for item in self._pipeline(standalone, filters, top_k, mode, history, on_step):
            if isinstance(item, Answer):
                item.question = question
                item.notes.append(note)
                item.steps[:0] = agent_answer.steps
            yield item

    def _pipeline(self, question, filters, top_k, mode, history, on_step):
        """The fixed pipeline: retrieve, then answer (extractive, or the model without tools).

        Offline, a typo is first read as the archive's nearest word ("acurracy": accuracy),
        and the answer says so; a model reads typos itself."""
        fixes: list[Correction] = []
        asked = question
        if self.mode(mode) == "extractive":
            question, fixes = self.spelling.correct(question)
        for item in self._answer(question, filters, top_k, mode, history, on_step):
            if isinstance(item, Answer) and fixes:
                item.question = asked
                item.notes.append(read_as_note(fixes, is_korean(asked)))
            yield item

    def _answer(self, question, filters, top_k, mode, history, on_step):
        if self.mode(mode) == "extractive":
            routed = self.router.route(question, self.retriever.resolve_topic(filters))
            if routed is not None:
                yield from self._routed_answer(question, routed, on_step)
                return
        retrieval = self.retrieve(question, filters, top_k)
        step = Step(
            "retrieve",
            {"question": question, **retrieval.filters.to_json(), "top_k": top_k},
            [h.paper.arxiv_id for h in retrieval.hits],
            result=retrieval,
        )
        if on_step is not None:
            on_step(step)
        answer = Answer(
            question=question,
            text="",
            refused=True,
            sources=sources_of(retrieval.hits),
            standalone_question=question,
            mode=self.mode(mode),
            filters=retrieval.filters,
            steps=[step],
        )
        if not retrieval.relevant:
            answer.text = self._refusal(retrieval)
            answer.sources = []
            yield answer.text
            yield answer
            return

        draft, declined = "", []
        if answer.mode == "llm":
            draft = yield from self._llm_draft(question, retrieval, history, answer)
        if answer.mode == "extractive":
            draft, declined = self.extractive.draft(question, retrieval, history)
            yield draft

        text, citations = finalize(draft, retrieval.hits)
        if is_refusal(text) or not citations:
            answer.text = self._refusal(retrieval)
            answer.sources = []
            yield answer
            return
        # "What MMLU score does SmolLM2 report?" when its digests write none: the answer
        # says so and what they do say, citing them, and declines the figure (refused)
        answer.text, answer.citations, answer.refused = text, citations, bool(declined)
        yield answer

    def _refusal(self, retrieval: Retrieval) -> str:
        """The refusal; it says where the archive's dates are when the question's dates hold
        no digest and its topic, if it has one, is in the archive at other dates ("What was
        in the digest on 2031-03-05?", not "Who won the 2022 world cup?")."""
        korean, plain = retrieval.info.korean, refusal(retrieval.info.korean)
        if retrieval.unstated:  # "what's SmolLM2's license?": its digests never say
            what = ", ".join(a.ko if korean else a.en for a in retrieval.unstated)
            if retrieval.hits[0].via == "hybrid":  # "OpenAI's revenue?": no paper found does
                return (
                    f"다이제스트에서 찾은 논문 중에는 {what}에 대한 내용이 없습니다. "
                    "추측하지 않겠습니다."
                    if korean
                    else f"None of the papers I found in the digests states a {what}, "
                    "so I won't guess."
                )
            paper = retrieval.hits[0].paper.label
            return (
                f"다이제스트에는 {paper}의 {what}에 대한 내용이 없습니다. 추측하지 않겠습니다."
                if korean
                else f"The digests on {paper} do not state its {what}, so I won't guess."
            )
        # "what did Llama 5 score?"; "who wrote DDT?" (of the seeds): a question about a
        # paper it names, whatever else refused it but a lesson asked ("explain TCP
        # congestion control from scratch"); else the other reasons come first
        absent = retrieval.absent
        if (
            not absent
            and not retrieval.tutorial
            and (
                retrieval.info.intent in NAMED_ASKS
                or not (retrieval.out_of_scope or retrieval.advice)
            )
        ):
            absent = self.retriever.unwritten_names(retrieval.question)
        if absent:
            names = ", ".join(absent)
            said = (
                f"다이제스트에는 {names}에 대한 언급이 없습니다. "
                if korean
                else f"No digest mentions {names}. "
            )
            return said + plain
        if retrieval.tutorial:  # "explain dropout from scratch": a lesson, no paper
            return TUTORIAL_REFUSAL["ko" if korean else "en"]
        if retrieval.out_of_scope:  # "how do I reverse a linked list in Python?"
            return OUTSIDE_REFUSAL[retrieval.out_of_scope]["ko" if korean else "en"]
        if retrieval.advice and not retrieval.relevant:
            # "my DataLoader hangs on macOS, any fix?": say why, and what it can do instead
            return ADVICE_REFUSAL["ko" if korean else "en"]
        if not (retrieval.filters.since or retrieval.filters.until):
            return plain
        dated = refusal(korean, retrieval.filters, self.catalog.dates())
        if dated != plain:
            undated = strip_dates(retrieval.question, self.catalog.latest_date())
            if not topical_terms(undated) or self.retriever.retrieve(undated).relevant:
                return dated
        return plain

    def _routed_answer(self, question: str, routed: Routed, on_step) -> Iterator[str | Answer]:
        """An answer the offline router composed from tool results (metadata from metadata)."""
        for step in routed.steps:
            if on_step is not None:
                on_step(step)
        answer = Answer(
            question=question,
            text="",
            refused=True,
            sources=sources_of(routed.hits),
            standalone_question=question,
            mode="extractive",
            filters=routed.info.filters,
            steps=routed.steps,
            trend=routed.trend,
        )
        text, citations = finalize(routed.draft, routed.hits)
        answer.text = routed.render_links(text)
        answer.citations, answer.refused = citations, routed.refused
        yield answer.text
        yield answer

    def _llm_draft(self, question, retrieval, history, answer: Answer):
        """Stream the model's draft; on failure, or with no valid citation, switch to extractive."""
        draft = ""
        try:
            for chunk in self.llm.stream(question, retrieval, history):
                draft += chunk
                yield chunk
        except LLMError as exc:
            log.warning("LLM failed, falling back to the extractive answer: %s", exc)
            answer.notes.append(f"{exc}; showing the offline (extractive) answer instead.")
            answer.mode = "extractive"
            return ""
        text, citations = finalize(draft, retrieval.hits)
        if not citations and not is_refusal(text):
            answer.notes.append(
                "The model cited no retrieved paper; showing the extractive answer."
            )
            answer.mode = "extractive"
            return ""
        return draft

    # -- conversations ------------------------------------------------------------------

    def chat(self, **filters) -> Conversation:
        """A multi-turn conversation; `filters` (since, until, topic, ...) apply to every turn."""
        return Conversation(self, dict(filters))

    def condense(
        self,
        question: str,
        history: Sequence[tuple[str, str]],
        previous_ids: Sequence[str],
        previous_set: str | None = None,
        asked: Sequence[str] = (),
    ) -> str:
        """A standalone version of a follow-up question (`previous_set`: the previous
        question, when it was answered with a set of papers; `asked`: the questions asked
        before as they were read, newest first)."""
        if self.mode() == "llm":
            try:
                return self.llm.condense(question, history) or question
            except LLMError as exc:
                log.warning("LLM condense failed, using the rule-based rewrite: %s", exc)
        # a name written in Hangul ("엑사원 3.5 ...") is a name: a new subject, no follow-up;
        # a typo is read as the archive's word ("how big is teh model?": the model talked
        # about), as the answer will read it
        named, read = self.spelling.correct(question)
        standalone = rule_based_condense(
            named,
            previous_ids,
            self.catalog,
            covers=self.retriever.answers_as_well,
            touches=self.retriever.touches,
            previous_set=previous_set,
            earlier=[q for q, _ in reversed(history)],
            best_of=self.retriever.described,
            asks_of_one=self.router.asks_of_one,
            names_another=self.retriever.names_another,
            asked=asked,
            sibling_asked=self.router.sibling_asked,
        )
        # unchanged: as asked, the answer then says how it read the typos (rewritten, the
        # conversation says it: `read_as_note`)
        return question if read and standalone == named else standalone
