"""The chat page's behaviour: what each Chainlit handler does (`assistant.app.web.app`
registers them and imports this module on first use).

Everything that decides anything (condensing, retrieval, answering, citation checks) is the
`Assistant`'s; this module only shows it:

- each answer streams token by token in LLM mode and appears at once in extractive mode;
- every `[n]` in an answer opens the cited paper as a side element named `[n]` (Chainlit
  links an element to the message text wherever the element's name appears);
- steps show the work: the standalone question, the retrieval (papers, scores, filters),
  the answer mode;
- starters are built from what is in the store; chat settings (answer mode, number of
  sources, date range, topic, code only) apply from the next message on;
- thumbs up / down with a comment are stored in SQLite (`.chainlit/feedback.db` under the
  app root) by a small data layer, next to the answer they rate.

What the page shows is built, as escaped text, by `assistant.app.web.render` (plain functions,
tested without a browser); feedback is stored by `assistant.app.web.feedback`. This module keeps
the handlers' bodies and the process-wide assistant.
"""

from __future__ import annotations

import asyncio
import json
import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from pathlib import Path

import chainlit as cl
from chainlit.input_widget import Select, Slider, Switch

from assistant.answer import export, trend
from assistant.answer.citations import Answer, Step
from assistant.app.api import Assistant
from assistant.app.conversation import Conversation, Turn
from assistant.app.web.feedback import FeedbackDataLayer, FeedbackStore
from assistant.app.web.render import (
    ANY,
    MAX_SOURCES,
    Options,
    answer_markdown,
    build_starters,
    citation_cards,
    fill_welcome,
    md_text,
    mode_markdown,
    options_from_settings,
    retrieval_markdown,
    safe_answer,
    sources_title,
    standalone_markdown,
    step_markdown,
    trend_markdown,
    trend_query,
    trend_table,
    welcome_file,
)
from assistant.errors import DigestError
from assistant.index.catalog import Catalog

log = logging.getLogger(__name__)

SIDEBAR_DELAY = 0.3  # seconds; see show_sources_panel


# -- chat settings widgets ----------------------------------------------------------------


def settings_inputs(assistant: Assistant) -> list:
    """The chat settings widgets, built from the store's dates and topics."""
    settings = assistant.settings
    catalog = assistant.catalog
    modes = {"Extractive (offline: quotes the digests)": "extractive"}
    if settings.llm_configured:
        modes[f"LLM ({settings.llm_model})"] = "llm"
    dates = catalog.dates()
    date_items = {"Any date": ANY, **{d: d for d in dates}}
    topic_items = {"Any topic": ANY}
    topic_items.update({f"{t} ({n})": t for t, n in catalog.tags().most_common()})
    return [
        Select(
            id="mode",
            label="Answer mode",
            items=modes,
            initial_value=assistant.mode(),
            description=None
            if settings.llm_configured
            else "Set OPENAI_API_KEY or OPENAI_BASE_URL to enable LLM answers.",
        ),
        Slider(
            id="top_k",
            label="Number of sources",
            initial=min(settings.top_k, MAX_SOURCES),
            min=1,
            max=MAX_SOURCES,
            step=1,
        ),
        Select(id="since", label="From digest date", items=date_items, initial_value=ANY),
        Select(id="until", label="Until digest date", items=date_items, initial_value=ANY),
        Select(id="topic", label="Topic", items=topic_items, initial_value=ANY),
        Switch(id="has_code", label="Only papers with code on GitHub", initial=False),
    ]


# -- the assistant: one per process ------------------------------------------------------


_assistant: Assistant | None = None
_assistant_lock = threading.Lock()


def get_assistant() -> Assistant:
    """The process-wide assistant, built on first use (blocking: call it in a thread)."""
    global _assistant
    with _assistant_lock:
        if _assistant is None:
            assistant = Assistant()
            assistant.retriever  # noqa: B018  (opens the store; EmptyStoreError if empty)
            _assistant = assistant
        return _assistant


def warm() -> None:
    """Build the assistant and load its models while the server starts and the page loads,
    so that the first question does not wait for them."""
    try:
        get_assistant().warm()
    except Exception as exc:  # an empty store is reported in the page, at the first message
        log.info("not warmed up: %s", exc)


def catalog_stats() -> dict | None:
    try:
        return get_assistant().catalog.stats()
    except Exception as exc:  # the welcome page must render even without a store
        log.warning("cannot read the store for the welcome page: %s", exc)
        return None


async def iterate_in_thread(make: Callable[[], Iterator]) -> AsyncIterator:
    """Run a blocking generator in a worker thread; yield its items on the event loop."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    stop = threading.Event()
    done = object()

    def run() -> None:
        try:
            for item in make():
                loop.call_soon_threadsafe(queue.put_nowait, (item, None))
                if stop.is_set():
                    break
        except BaseException as exc:  # handed over to the event loop below
            loop.call_soon_threadsafe(queue.put_nowait, (done, exc))
        else:
            loop.call_soon_threadsafe(queue.put_nowait, (done, None))

    worker = loop.run_in_executor(None, run)
    try:
        while True:
            item, exc = await queue.get()
            if item is done:
                if exc is not None:
                    raise exc
                return
            yield item
    finally:
        stop.set()
        if worker.done():
            worker.result()


# -- feedback: the data layer -------------------------------------------------------------


def app_root() -> Path:
    from chainlit.config import config

    return Path(config.root)


def feedback_path() -> Path:
    return app_root() / ".chainlit" / "feedback.db"


_data_layer: FeedbackDataLayer | None = None


def data_layer() -> FeedbackDataLayer:
    global _data_layer
    if _data_layer is None:
        _data_layer = FeedbackDataLayer(FeedbackStore(feedback_path()))
    return _data_layer


# -- Chainlit handlers ---------------------------------------------------------------------


def welcome(root: str, language: str) -> str | None:
    """The welcome page (Chainlit's `get_markdown_str`): chainlit.md with what the store holds."""
    path = welcome_file(Path(root), language)
    markdown = path.read_text(encoding="utf-8") if path else None
    return fill_welcome(markdown, catalog_stats(), language)


async def starters() -> list[cl.Starter]:
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except Exception:
        return []
    return [
        cl.Starter(label=label, message=message)
        for label, message in build_starters(assistant.catalog)
    ]


async def chat_start() -> None:
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except DigestError as exc:
        await cl.ErrorMessage(content=f"The assistant cannot start: {exc}").send()
        return
    conversation: Conversation = assistant.chat()
    cl.user_session.set("conversation", conversation)
    values = await cl.ChatSettings(settings_inputs(assistant)).send()
    cl.user_session.set(
        "options",
        options_from_settings(values, assistant.catalog, assistant.settings.llm_configured),
    )


async def settings_update(values: dict) -> None:
    assistant = await asyncio.to_thread(get_assistant)
    options = options_from_settings(values, assistant.catalog, assistant.settings.llm_configured)
    cl.user_session.set("options", options)
    mode = assistant.mode(options.mode)
    await cl.context.emitter.send_toast(
        f"Settings saved: {mode} answers, {options.top_k or assistant.settings.top_k} sources, "
        f"filters: {options.filters.describe()}. They apply from your next question.",
        "success",
    )


def citation_elements(answer: Answer, catalog: Catalog, display: str = "side") -> list[cl.Text]:
    return [
        cl.Text(name=name, content=content, display=display)
        for name, content in citation_cards(answer, catalog)
    ]


EXPORT_FILES = {"bibtex": "sources.bib", "markdown": "reading-list.md"}


def export_elements(answer: Answer, catalog: Catalog) -> list[cl.File]:
    """Downloads under an answer: its cited papers as BibTeX and as a Markdown reading list."""
    papers = export.cited_papers(answer, catalog)
    if not papers:
        return []
    title = f"Reading list: {answer.question}"
    return [
        cl.File(
            name=name,
            content=export.render(papers, fmt, title).encode("utf-8"),
            mime=export.MIME[fmt],
            display="inline",
        )
        for fmt, name in EXPORT_FILES.items()
    ]


_tasks: set[asyncio.Task] = set()


def _background(coro) -> None:
    """Run `coro` on the event loop without waiting for it (a reference is kept until done)."""
    task = asyncio.create_task(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def show_sources_panel(msg: cl.Message, answer: Answer, catalog: Catalog) -> None:
    """Open the side panel on this answer's cited papers (or close it on a refusal).

    Chainlit opens the panel by itself whenever side elements arrive, stacking every side
    element of the conversation; this replaces that with the current answer's papers. The
    panel's copies are 'inline' elements not attached to a message, so sending them does
    not re-trigger that automatic opening, and the short pause lets it happen first.
    """
    await asyncio.sleep(SIDEBAR_DELAY)
    if not answer.citations:
        await cl.ElementSidebar.set_elements([])
        return
    copies = citation_elements(answer, catalog, display="inline")
    await cl.ElementSidebar.set_elements(copies, key=msg.id)
    await cl.ElementSidebar.set_title(sources_title(answer))


def with_steps(assistant: Assistant, question: str, options: dict) -> Iterator:
    """`assistant.stream`, with each step yielded (as a `Step`) as soon as it is done: a
    tool call shows while the agent still waits for the model's next reply."""
    items: queue.SimpleQueue = queue.SimpleQueue()
    end = object()

    def run() -> None:
        try:
            for item in assistant.stream(question, on_step=items.put, **options):
                items.put(item)
        except BaseException as exc:  # re-raised in the consuming thread
            items.put((end, exc))
        else:
            items.put((end, None))

    threading.Thread(target=run, name="digest-stream", daemon=True).start()
    while True:
        item = items.get()
        if isinstance(item, tuple) and item and item[0] is end:
            if item[1] is not None:
                raise item[1]
            return
        yield item


async def show_step(step: Step, options: Options) -> None:
    """One step of the answer as a Chainlit step: what ran, with what, what it found."""
    if step.tool == "retrieve" and step.result is not None:
        async with cl.Step(name="Retrieval", type="retrieval", show_input=False) as shown:
            shown.output = retrieval_markdown(step.result, options.filters)
        return
    async with cl.Step(name=step.tool, type="tool", show_input=False) as shown:
        shown.output = step_markdown(step)


async def show_trend(assistant: Assistant, query: str) -> None:
    """`/trend QUERY`: papers about QUERY per month, as a bar chart and the table behind it.

    (A question such as "how has interest in QUERY changed month by month?" gets the same
    chart under its answer.)
    """
    if not query:
        await cl.Message(content="Usage: `/trend speculative decoding`").send()
        return
    try:
        tr = await asyncio.to_thread(trend.trend, assistant.tools, query)
        png = await asyncio.to_thread(trend.plot, tr) if tr.total else None
    except DigestError as exc:
        await cl.ErrorMessage(content=f"Cannot draw the trend: {md_text(str(exc))}").send()
        return
    elements = trend_elements(tr, png) if png is not None else []
    await cl.Message(content=trend_markdown(tr), elements=elements).send()


def trend_elements(tr: trend.Trend, png: bytes) -> list:
    """A trend's chart (an image under the message) and its numbers as `trend.json`."""
    data = json.dumps(tr.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    return [
        cl.Image(name="trend.png", content=png, mime="image/png", display="inline", size="large"),
        cl.File(name="trend.json", content=data, mime="application/json", display="inline"),
    ]


async def on_message(message: cl.Message) -> None:
    question = (message.content or "").strip()
    if not question:
        return
    try:
        assistant = await asyncio.to_thread(get_assistant)
    except DigestError as exc:
        await cl.ErrorMessage(content=f"The assistant cannot answer: {exc}").send()
        return
    query = trend_query(question)
    if query is not None:
        await show_trend(assistant, query)
        return
    conversation: Conversation | None = cl.user_session.get("conversation")
    if conversation is None:
        conversation = assistant.chat()
        cl.user_session.set("conversation", conversation)
    options: Options = cl.user_session.get("options") or Options()
    mode = assistant.mode(options.mode)

    try:
        standalone = question  # the LLM agent reads the conversation itself
        if not conversation.agent_answers(options.mode):
            async with cl.Step(name="Standalone question", type="tool", show_input=False) as step:
                standalone = await asyncio.to_thread(conversation.condense, question)
                step.output = standalone_markdown(question, standalone)
        ask_kwargs = conversation.options(**options.ask_kwargs())

        msg = cl.Message(content="")
        answer: Answer | None = None
        streamed = False
        mode_step = None
        async for item in iterate_in_thread(lambda: with_steps(assistant, standalone, ask_kwargs)):
            if isinstance(item, Step):
                await show_step(item, options)
                continue
            if mode_step is None:
                async with cl.Step(name="Answer mode", type="tool", show_input=False) as mode_step:
                    mode_step.output = mode_markdown(mode, None, assistant.settings.llm_model)
            if isinstance(item, Answer):
                answer = item
            elif mode == "llm":
                streamed = True
                await msg.stream_token(safe_answer(item))
    except DigestError as exc:
        await cl.ErrorMessage(content=f"Cannot answer: {md_text(str(exc))}").send()
        return
    if answer is None:  # the stream was stopped
        return

    standalone = answer.standalone_question or standalone  # a fallback may have condensed
    answer = replace(answer, question=question, standalone_question=standalone)
    conversation.turns.append(Turn(question, standalone, answer))
    msg.content = answer_markdown(answer, assistant.catalog)
    msg.elements = citation_elements(answer, assistant.catalog)
    if answer.trend is not None and answer.trend.total:  # a trend question: its chart
        png = await asyncio.to_thread(trend.plot, answer.trend)
        msg.content += "\n\n**Papers behind each bar**\n\n" + trend_table(answer.trend)
        msg.elements += trend_elements(answer.trend, png)
    msg.elements += export_elements(answer, assistant.catalog)
    await (msg.update() if streamed else msg.send())
    # The panel opens after a short pause, beside the answer rather than before it is done:
    # the answer is complete (feedback buttons, input enabled) as soon as it is sent.
    _background(show_sources_panel(msg, answer, assistant.catalog))

    if mode_step is not None and (answer.mode != mode or answer.notes):
        mode_step.output = mode_markdown(mode, answer, assistant.settings.llm_model)
        await mode_step.update()
    try:
        await data_layer().record_answer(msg, answer)
    except Exception as exc:  # feedback storage must never break the chat
        log.warning("could not record the answer for feedback: %s", exc)
