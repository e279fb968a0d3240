"""The LLM agent: a llama-index `FunctionAgent` that chooses and chains the archive tools.

    agent = ToolAgent(settings, tools, llm_answerer)
    for item in agent.run("Which papers are like SpargeAttn?", history):
        ...  # text deltas of the final answer (str), each tool call (Step), then an AgentRun

- The model sees the system rules (prompts/agent.md), the last turns of the conversation
  and the question; it calls `search`, `list_papers`, `count_papers`, `paper`, `similar`
  (their docstrings and parameter specs come from `assistant.tools`).
- Every paper a tool returns gets a number for this question, in call order and
  de-duplicated: a tool's own `[k]` records are renumbered before the model reads them, so
  the `[n]` it cites index `AgentRun.papers`. The caller checks them with `finalize`.
- Each call becomes a `Step` (tool, arguments, papers, error). A bad argument, an unknown
  tool or a tool that raises is returned to the model as an error message, never a crash.
  At most `settings.agent_max_steps` tool calls run; after that the model is told to answer.
- Failures of the model (timeout, 5xx, unreachable) are `LLMError`s; a server that rejects
  the `tools` parameter is `ToolsUnsupported`: the caller falls back to the fixed pipeline.
  A 429, 5xx or connection failure before anything was shown is retried like the fixed
  pipeline's calls (`llm_max_retries`, honouring Retry-After); a timeout is not.

The workflow is async; `run` drives it on the agent's own event loop, which runs in a
daemon thread for the agent's lifetime (the async openai client keeps its connections on
that one loop), so it works the same from plain code, a thread, or under a running loop.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import logging
import queue
import random
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.answer import prompts
from assistant.answer.citations import CANNOT_ANSWER, Step
from assistant.answer.llm import ThinkFilter, strip_think
from assistant.errors import LLMError

if TYPE_CHECKING:
    from assistant.answer.llm import LLMAnswerer
    from assistant.config import Settings
    from assistant.tools import ArchiveTools
    from assistant.types import Filters, Paper

log = logging.getLogger(__name__)

HISTORY_TURNS = 4  # earlier turns shown to the agent
HISTORY_ANSWER_CHARS = 1200
EXTRA_ITERATIONS = 3  # model turns beyond the tool budget before llama-index forces an answer
FILTER_ARGUMENTS = ("since", "until", "topic", "has_code")
_RECORD_NUMBER = re.compile(r"^\[(\d+)\]", re.M)


class ToolsUnsupported(LLMError):
    """The model or server does not do tool calling: use the fixed pipeline instead."""


class _Failed(Exception):
    """A run of the agent failed with `exc` (internal: `run` retries or reports it)."""

    def __init__(self, exc: Exception):
        super().__init__(type(exc).__name__)
        self.exc = exc


def _retry_wait(exc: Exception, attempt: int) -> float | None:
    """Seconds to wait before retrying after `exc` (429, 5xx, connection), or None: don't."""
    from assistant.answer.llm import MAX_RETRY_WAIT, _retry_after, _retryable

    root = _api_error(exc)
    if not _retryable(root):
        return None
    wait = _retry_after(root)
    if wait is None:
        wait = min(0.5 * 2**attempt, 4.0) * random.uniform(0.75, 1.0)
    return wait if wait <= MAX_RETRY_WAIT else None


@dataclass
class AgentRun:
    """What the agent did for one question."""

    text: str  # the model's final reply (raw: the caller checks its citations)
    papers: list[Paper] = field(default_factory=list)  # [n] cites papers[n - 1]
    scores: dict[str, float] = field(default_factory=dict)  # relevance / similarity, if given
    steps: list[Step] = field(default_factory=list)

    @property
    def answered_from_tools(self) -> bool:
        """At least one tool call succeeded."""
        return any(s.error is None for s in self.steps)


@dataclass
class Called:
    """A tool call's outcome: `str()` is what the model reads; `step` what the user sees."""

    text: str
    step: Step

    def __str__(self) -> str:
        return self.text


class Turn:
    """The state of one question: paper numbering, the tool budget, the user's filters."""

    def __init__(self, tools: ArchiveTools, max_steps: int, filters: Filters | None):
        self.tools = tools
        self.max_steps = max_steps
        self.filters = {k: v for k, v in (filters.to_json() if filters else {}).items() if v}
        self.papers: list[Paper] = []
        self.scores: dict[str, float] = {}
        self._number: dict[str, int] = {}
        self.calls = 0
        self._lock = threading.Lock()

    def number(self, papers: Sequence[Paper]) -> list[int]:
        """Each paper's number for this question (new papers get the next numbers)."""
        with self._lock:
            out = []
            for paper in papers:
                if paper.arxiv_id not in self._number:
                    self.papers.append(paper)
                    self._number[paper.arxiv_id] = len(self.papers)
                out.append(self._number[paper.arxiv_id])
            return out

    def call(self, name: str, arguments: dict[str, Any]) -> Called:
        """Run one tool call; any failure comes back as an error text for the model."""
        from assistant.tools import ToolError

        arguments = dict(arguments)
        with self._lock:
            self.calls += 1
            over = self.calls > self.max_steps
        if over:
            message = (
                f"the limit of {self.max_steps} tool calls for this question is reached; "
                "answer now from the results you have"
            )
            return Called(f"Error: {message}.", Step(name, arguments, error=message))
        accepted = _parameters(self.tools, name)
        for key in FILTER_ARGUMENTS:  # filters the user set (e.g. --since) always apply
            if key in self.filters and key in accepted and arguments.get(key) is None:
                arguments[key] = self.filters[key]
        try:
            result = self.tools.call(name, arguments)
        except ToolError as exc:
            return Called(f"Error: {exc}", Step(name, arguments, error=str(exc)))
        except Exception as exc:  # a tool must never crash the agent
            log.warning("tool %s failed: %s: %s", name, type(exc).__name__, exc)
            message = f"the {name} tool failed ({type(exc).__name__}: {exc})"
            return Called(f"Error: {message}", Step(name, arguments, error=message))
        numbers = self.number(result.papers)
        for key in ("relevance", "similarity"):
            for arxiv_id, score in (result.data.get(key) or {}).items():
                self.scores.setdefault(arxiv_id, float(score))
        step = Step(name, result.arguments, [p.arxiv_id for p in result.papers], result=result)
        return Called(renumber(result.text, numbers) or "(nothing found)", step)


def renumber(text: str, numbers: Sequence[int]) -> str:
    """A tool's records `[k] ...` (k counting from 1 in that result) as this question's `[n]`."""

    def sub(match: re.Match) -> str:
        k = int(match.group(1))
        return f"[{numbers[k - 1]}]" if 1 <= k <= len(numbers) else match.group(0)

    return _RECORD_NUMBER.sub(sub, text)


def _parameters(tools: Any, name: str) -> frozenset[str]:
    method = getattr(tools, name, None)
    if method is None:
        return frozenset()
    return frozenset(inspect.signature(method).parameters)


def history_messages(history: Sequence[tuple[str, str]]) -> list[Any]:
    """The last turns as chat messages (answers shortened)."""
    from llama_index.core.llms import ChatMessage

    messages = []
    for question, answer in list(history)[-HISTORY_TURNS:]:
        answer = (answer or "").strip()
        if len(answer) > HISTORY_ANSWER_CHARS:
            answer = answer[:HISTORY_ANSWER_CHARS].rstrip() + "…"
        messages.append(ChatMessage(role="user", content=question.strip()))
        messages.append(ChatMessage(role="assistant", content=answer or "(no answer)"))
    return messages


@cache
def _metadata_class() -> type:
    """llama-index's ToolMetadata with the parameters given as a JSON schema (from tools.SPECS)."""
    from llama_index.core.tools import ToolMetadata

    @dataclass
    class SpecMetadata(ToolMetadata):
        parameters: dict = field(default_factory=dict)

        def get_parameters_dict(self) -> dict:
            return copy.deepcopy(self.parameters)  # llama-index edits the dict it gets

    return SpecMetadata


def build_tools(turn: Turn) -> list[Any]:
    """One llama-index FunctionTool per archive tool; each call goes through `turn.call`."""
    from llama_index.core.tools import FunctionTool

    specs = getattr(turn.tools, "SPECS", None) or []
    tools = []
    for spec in specs:
        name = spec["name"]

        def call(_name: str = name, **arguments: Any) -> Called:
            return turn.call(_name, arguments)

        metadata = _metadata_class()(
            description=spec.get("description") or name,
            name=name,
            fn_schema=None,
            parameters=spec.get("parameters") or {"type": "object", "properties": {}},
        )
        tools.append(FunctionTool(fn=call, metadata=metadata))
    return tools


class ToolAgent:
    """Answers with a function-calling model over the archive tools; see the module docstring."""

    def __init__(self, settings: Settings, tools: ArchiveTools, answerer: LLMAnswerer):
        self.settings = settings
        self.tools = tools
        self.answerer = answerer  # owns the llama-index LLM client, its errors and redaction
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_lock = threading.Lock()

    def _event_loop(self) -> asyncio.AbstractEventLoop:
        with self._loop_lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="digest-agent", daemon=True).start()
                self._loop = loop
            return self._loop

    def system_prompt(self) -> str:
        return prompts.render(
            "agent",
            newest_date=self.tools.newest_date or "unknown",
            oldest_date=self.tools.oldest_date or "unknown",
            max_steps=self.settings.agent_max_steps,
            cannot_answer=CANNOT_ANSWER,
        )

    def run(
        self,
        question: str,
        history: Sequence[tuple[str, str]] = (),
        filters: Filters | None = None,
        streaming: bool = True,
    ) -> Iterator[str | Step | AgentRun]:
        """Yield the final answer's text deltas and each tool call's Step, then the AgentRun.

        Raises `ToolsUnsupported` (use the fixed pipeline) or `LLMError` (the model failed).
        """
        llm = self.answerer.llm
        if not llm.metadata.is_function_calling_model:
            raise ToolsUnsupported(f"model {self.settings.llm_model!r} does not call tools")
        retries = self.settings.llm_max_retries
        for attempt in range(retries + 1):
            produced = False
            try:
                for item in self._attempt(llm, question, history, filters, streaming):
                    produced = True
                    yield item
                return
            except _Failed as failed:
                wait = None if produced or attempt >= retries else _retry_wait(failed.exc, attempt)
                if wait is None:
                    raise self._error(failed.exc) from None
                log.info("agent model call failed; retry %d in %.2fs", attempt + 1, wait)
                time.sleep(wait)

    def _attempt(self, llm, question, history, filters, streaming) -> Iterator[Any]:
        """One run of the agent; a failure is raised as `_Failed` (the caller may retry it:
        only before anything was shown, so a retry never repeats a step or a word)."""
        turn = Turn(self.tools, self.settings.agent_max_steps, filters)
        events: queue.SimpleQueue = queue.SimpleQueue()
        cancel = threading.Event()
        work = self._drive(llm, turn, question, history, streaming, events, cancel)
        future = asyncio.run_coroutine_threadsafe(work, self._event_loop())
        try:
            while True:
                kind, value = events.get()
                if kind == "error":
                    if not isinstance(value, Exception):  # KeyboardInterrupt and friends
                        raise value
                    raise _Failed(value)
                yield value
                if kind == "done":
                    return
        finally:
            cancel.set()  # a consumer that stops early stops the agent
            if not future.done():
                future.cancel()

    # -- the workflow, on the agent's event loop ----------------------------------------

    async def _drive(self, llm, turn, question, history, streaming, events, cancel) -> None:
        try:
            text, steps = await self._arun(llm, turn, question, history, streaming, events, cancel)
            events.put(("done", AgentRun(text, list(turn.papers), dict(turn.scores), steps)))
        except BaseException as exc:  # handed to the consuming thread
            events.put(("error", exc))
            if isinstance(exc, asyncio.CancelledError | KeyboardInterrupt | SystemExit):
                raise

    async def _arun(self, llm, turn, question, history, streaming, events, cancel):
        from llama_index.core.agent.workflow import (
            AgentInput,
            AgentStream,
            FunctionAgent,
            ToolCallResult,
        )

        s = self.settings
        agent = FunctionAgent(
            name="digest_assistant",
            description="Answers questions about the paper digests with the archive tools.",
            tools=build_tools(turn),
            llm=llm,
            system_prompt=self.system_prompt(),
            streaming=streaming,
            timeout=s.llm_timeout * (s.agent_max_steps + EXTRA_ITERATIONS + 1) + 30,
        )
        handler = agent.run(
            user_msg=question,
            chat_history=history_messages(history),
            max_iterations=s.agent_max_steps + EXTRA_ITERATIONS,
            early_stopping_method="generate",
        )
        steps: list[Step] = []
        cleaner, calling = ThinkFilter(), False
        async for event in handler.stream_events():
            if cancel.is_set():
                await handler.cancel_run()
                raise asyncio.CancelledError
            if isinstance(event, AgentInput):  # a new model turn
                cleaner, calling = ThinkFilter(), False
            elif isinstance(event, AgentStream):
                if event.tool_calls:
                    calling = True  # this turn calls tools: its text is not the answer
                elif not calling and (delta := cleaner.feed(event.delta or "")):
                    events.put(("delta", delta))
            elif isinstance(event, ToolCallResult):
                step = _step_of(event)
                steps.append(step)
                events.put(("step", step))
                cleaner, calling = ThinkFilter(), False  # an answer may follow without input
        output = await handler
        content = getattr(getattr(output, "response", None), "content", None)
        return strip_think(content or ""), steps

    # -- errors ---------------------------------------------------------------------------

    def _error(self, exc: BaseException) -> Exception:
        if isinstance(exc, LLMError):
            return exc
        if not isinstance(exc, Exception):  # KeyboardInterrupt and friends
            return exc  # type: ignore[return-value]
        root = _api_error(exc)
        error = self.answerer._error(root)
        if _rejects_tools(root):
            return ToolsUnsupported(f"{error} when offered tools")
        return error


def _step_of(event: Any) -> Step:
    output = event.tool_output
    raw = getattr(output, "raw_output", None)
    if isinstance(raw, Called):
        return raw.step
    message = str(getattr(output, "content", "") or "the tool call failed")
    return Step(event.tool_name, dict(event.tool_kwargs or {}), error=message)


def _api_error(exc: Exception) -> Exception:
    """The openai / httpx error behind `exc`, if the workflow wrapped one."""
    import httpx
    import openai

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, openai.APIError | httpx.HTTPError):
            return current  # type: ignore[return-value]
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return exc


def _rejects_tools(exc: Exception) -> bool:
    """A server saying it cannot do tools: 400 / 422 / 501, or any non-auth error naming tools."""
    import openai

    if not isinstance(exc, openai.APIStatusError):
        return False
    if exc.status_code in (400, 422, 501):
        return True
    return exc.status_code not in (401, 403, 429) and "tool" in str(exc).lower()
