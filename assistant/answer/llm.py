"""The LLM answerer: OpenAI, or any OpenAI-compatible server, through llama-index.

The model is shown numbered paper excerpts (`[n] Title (arXiv id, dates)` + summaries),
packed into `Settings.context_tokens` tokens, and asked to cite them as `[n]`; the
caller's `finalize` then checks every citation against the hits. Same interface as the
extractive answerer (`answer`, `stream`), plus `condense` for follow-up questions.

Failures of any kind (timeout, 429, 5xx, unreachable server, malformed or empty reply)
become `LLMError` with a short user-facing message; the caller falls back to the
extractive answer. Neither those messages nor this module's logs ever contain the API key:
the key goes only into the openai client, never into the llama-index object (whose
`to_dict()` travels with llama-index's instrumentation events).

Retries: one layer only, ours. llama-index's OpenAI class would retry with tenacity *and*
hand `max_retries` to the openai client (attempts multiply, and timeouts are retried too),
so both are given 0 and `LLMAnswerer` retries 429 / 5xx / connection failures itself,
`llm_max_retries` times, honouring `Retry-After`. A timeout is not retried: `llm_timeout`
is how long a user waits before the extractive fallback.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.answer import prompts
from assistant.answer.citations import CANNOT_ANSWER
from assistant.errors import LLMError

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.retrieve.hybrid import Hit, Retrieval

log = logging.getLogger(__name__)
T = TypeVar("T")

PLACEHOLDER_KEY = "not-needed"  # OpenAI-compatible servers often want no key at all
MIN_BLOCK_TOKENS = 64  # a paper gets at least this much context, or is left out
MAX_AUTHORS = 8
HISTORY_TURNS = 3  # earlier turns shown to the model
HISTORY_ANSWER_CHARS = 600
MAX_RETRY_WAIT = 10.0  # seconds; a longer Retry-After means: fall back now
LANGUAGE_NAMES = {"en": "English", "ko": "Korean"}
MALFORMED = "LLM reply was malformed"

_CITATION = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|https?://\S+")
_URL_SCHEME = re.compile(r"^https?://(www\.)?")
_ENV_LOCK = threading.Lock()


# -- token counting ---------------------------------------------------------------------------


class Tokens:
    """Counts and truncates text in cl100k tokens (a byte-based estimate without tiktoken)."""

    def __init__(self) -> None:
        self._encoding = _cl100k()

    def encode(self, text: str) -> list[int]:
        if self._encoding is None:
            return list(range(math.ceil(len(text.encode("utf-8")) / 3)))
        return self._encoding.encode(text, disallowed_special=())

    def count(self, text: str) -> int:
        return len(self.encode(text))

    def truncate(self, text: str, limit: int) -> str:
        """`text` cut to at most `limit` tokens, ending in "…" when cut."""
        tokens = self.encode(text)
        if len(tokens) <= limit:
            return text
        keep = max(limit - 1, 0)  # one token for the ellipsis
        if self._encoding is None:
            head = text[: int(len(text) * keep / len(tokens))]
        else:
            head = self._encoding.decode(tokens[:keep])
        head = head.rstrip("\ufffd").rstrip()  # a cut inside a multi-byte character
        while head and self.count(head + "…") > limit:
            head = head[:-1].rstrip()
        return head + "…" if head else ""


@lru_cache(maxsize=1)
def _cl100k() -> Any:
    """tiktoken's cl100k_base, from the copy bundled with llama-index-core (no network).

    tiktoken downloads encodings on first use; llama-index-core ships cl100k_base in its
    `_static/tiktoken_cache`. `TIKTOKEN_CACHE_DIR` points there just for this one load
    (tiktoken keeps the loaded encoding). Never `encoding_for_model`: o200k is not bundled.
    """
    try:
        import tiktoken
    except ImportError:
        return None
    spec = importlib.util.find_spec("llama_index.core")  # its folder, without importing it
    folders = list(spec.submodule_search_locations or []) if spec else []
    bundled = Path(folders[0] if folders else ".") / "_static" / "tiktoken_cache"
    with _ENV_LOCK:
        previous = os.environ.get("TIKTOKEN_CACHE_DIR")
        os.environ["TIKTOKEN_CACHE_DIR"] = str(bundled)
        try:
            return tiktoken.get_encoding("cl100k_base")
        except Exception as exc:  # no bundled copy and no network: estimate instead
            log.warning("tiktoken cl100k_base unavailable (%s); estimating tokens", exc)
            return None
        finally:
            if previous is None:
                os.environ.pop("TIKTOKEN_CACHE_DIR", None)
            else:
                os.environ["TIKTOKEN_CACHE_DIR"] = previous


# -- the context: numbered paper blocks ------------------------------------------------------


def _bare(url: str) -> str:
    """'https://github.com/a/b' -> 'github.com/a/b': names a repo without writing a link."""
    return _URL_SCHEME.sub("", url).rstrip("/")


def paper_block(n: int, hit: Hit, korean: bool = False) -> str:
    """`[n] Title (arXiv id, dates)`, a few facts, then the summaries (question's language first)."""
    paper = hit.paper
    lines = [f"[{n}] {paper.title} (arXiv {paper.arxiv_id}, {', '.join(paper.dates)})"]
    if paper.authors:
        more = ", et al." if len(paper.authors) > MAX_AUTHORS else ""
        lines.append("Authors: " + ", ".join(paper.authors[:MAX_AUTHORS]) + more)
    if paper.tags:
        lines.append("Topics: " + ", ".join(paper.tags))
    if paper.github:
        lines.append("Code: " + ", ".join(_bare(u) for u in paper.github))
    if paper.huggingface:
        lines.append("Hugging Face: " + ", ".join(_bare(u) for u in paper.huggingface))
    if paper.votes is not None:
        lines.append(f"Votes: {paper.votes}")
    summaries = sorted(paper.summaries().items(), key=lambda kv: (kv[0] == "ko") != korean)
    for language, text in summaries:
        lines.append(f"Summary ({LANGUAGE_NAMES.get(language, language)}): {text.strip()}")
    return "\n".join(lines)


def water_fill(costs: Sequence[int], budget: int) -> list[int]:
    """Share `budget` among blocks: small blocks whole, large ones an equal share of the rest."""
    allocation = [0] * len(costs)
    remaining, left = budget, len(costs)
    for i in sorted(range(len(costs)), key=lambda i: costs[i]):
        allocation[i] = max(0, min(costs[i], remaining // left))
        remaining -= allocation[i]
        left -= 1
    return allocation


def pack_context(
    hits: Sequence[Hit], budget: int, tokens: Tokens | None = None, korean: bool = False
) -> str:
    """The hits as numbered blocks within `budget` tokens, in order.

    Every paper that gets in gets at least `MIN_BLOCK_TOKENS` (so with many hits the tail
    is left out, never the head); blocks longer than their share are truncated, not
    dropped. The first hit is always in, truncated to the budget if need be.
    """
    if not hits:
        return ""
    tokens = tokens or Tokens()
    separator = "\n\n"
    fits = max(1, min(len(hits), budget // MIN_BLOCK_TOKENS))
    blocks = [paper_block(n, hit, korean) for n, hit in enumerate(hits[:fits], start=1)]
    costs = [tokens.count(b) for b in blocks]
    room = budget - tokens.count(separator) * (len(blocks) - 1)
    allocation = water_fill(costs, room)
    packed = [
        block if share >= cost else tokens.truncate(block, share)
        for block, cost, share in zip(blocks, costs, allocation, strict=True)
    ]
    packed = [b for b in packed if b]
    text = separator.join(packed)
    while len(packed) > 1 and tokens.count(text) > budget:  # joins can tokenize differently
        over = tokens.count(text) - budget
        last = tokens.truncate(packed[-1], tokens.count(packed[-1]) - over - 1)
        packed = packed[:-1] + ([last] if last else [])
        text = separator.join(packed)
    return text if tokens.count(text) <= budget else tokens.truncate(text, budget)


def prompt_history(history: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The last few turns, answers without citation numbers (they referred to other hits)."""
    out = []
    for question, answer in list(history)[-HISTORY_TURNS:]:
        text = _CITATION.sub("", _LINK.sub(lambda m: m.group(1) or "", answer or "")).strip()
        if len(text) > HISTORY_ANSWER_CHARS:
            text = text[:HISTORY_ANSWER_CHARS].rstrip() + "…"
        out.append((question.strip(), text))
    return out


# -- reply cleaning ---------------------------------------------------------------------------


class ThinkFilter:
    """Drops a leading `<think>…</think>` block (reasoning models behind Ollama, vLLM) and
    leading whitespace from a reply, whether it arrives whole or in stream deltas."""

    OPEN, CLOSE = "<think>", "</think>"

    def __init__(self) -> None:
        self.buffer = ""
        self.state = "start"  # start | think | text

    def feed(self, delta: str) -> str:
        if self.state == "text":
            return delta
        self.buffer += delta
        if self.state == "think":
            end = self.buffer.find(self.CLOSE)
            if end < 0:
                return ""
            self.buffer, self.state = self.buffer[end + len(self.CLOSE) :], "start"
        head = self.buffer.lstrip()
        if not head or (self.OPEN.startswith(head) and head != self.OPEN):
            return ""  # nothing yet, or maybe the start of a <think> tag
        if head.startswith(self.OPEN):
            self.buffer, self.state = head[len(self.OPEN) :], "think"
            return self.feed("")
        self.buffer, self.state = "", "text"
        return head

    def flush(self) -> str:
        text = self.buffer.lstrip() if self.state == "start" else ""
        self.buffer = ""
        return text


def strip_think(text: str) -> str:
    cleaner = ThinkFilter()
    return (cleaner.feed(text) + cleaner.flush()).strip()


def clean_condensed(text: str, question: str) -> str:
    """The standalone question from the model's reply: first line, no label, no quotes."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return question
    line = re.sub(r"^(standalone question|question|질문)\s*[:：]\s*", "", lines[0], flags=re.I)
    line = line.strip().strip("\"'“”‘’`").strip()
    return line or question


# -- errors -----------------------------------------------------------------------------------


def _retry_after(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        try:
            value = float(headers.get(name))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        if value >= 0:
            return value / scale
    return None


def _retryable(exc: Exception) -> bool:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, openai.APIConnectionError)


# -- the answerer -------------------------------------------------------------------------------


class LLMAnswerer:
    """Answers from retrieved papers with a chat model; see the module docstring."""

    name = "llm"

    def __init__(self, settings: Settings):
        self.settings = settings
        self._llm: Any = None
        self._tokens: Tokens | None = None
        self._lock = threading.Lock()

    # -- public interface ---------------------------------------------------------------

    def answer(
        self, question: str, retrieval: Retrieval, history: Sequence[tuple[str, str]] = ()
    ) -> str:
        messages = self.messages(question, retrieval, history)
        response = self._call(lambda: self.llm.chat(messages))
        return self._reply_text(response)

    def stream(
        self, question: str, retrieval: Retrieval, history: Sequence[tuple[str, str]] = ()
    ) -> Iterator[str]:
        """Yield text deltas; errors (also mid-stream) raise `LLMError`."""
        messages = self.messages(question, retrieval, history)

        def start() -> tuple[Iterator[Any], Any]:
            chunks = self.llm.stream_chat(messages)
            return chunks, next(chunks, None)  # the request happens on the first chunk

        chunks, first = self._call(start)
        cleaner, produced = ThinkFilter(), False
        try:
            for chunk in chain([first] if first is not None else [], chunks):
                if text := cleaner.feed(getattr(chunk, "delta", None) or ""):
                    produced = True
                    yield text
        except Exception as exc:
            raise self._error(exc) from None
        if tail := cleaner.flush():
            produced = True
            yield tail
        if not produced:
            raise self._fail("LLM returned an empty reply")

    def condense(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        """Rewrite a follow-up into a standalone question (unchanged without history)."""
        if not history:
            return question
        prompt = prompts.render("condense", question=question, history=prompt_history(history))
        messages = [self._message("user", prompt)]
        response = self._call(lambda: self.llm.chat(messages))
        return clean_condensed(self._reply_text(response), question)

    # -- prompts ------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = Tokens()
        return self._tokens

    def context(self, retrieval: Retrieval) -> str:
        korean = bool(getattr(retrieval.info, "korean", False))
        return pack_context(retrieval.hits, self.settings.context_tokens, self.tokens, korean)

    def messages(
        self, question: str, retrieval: Retrieval, history: Sequence[tuple[str, str]] = ()
    ) -> list[Any]:
        """The chat messages: the system rules, then question + history + numbered excerpts."""
        system = prompts.render("system", cannot_answer=CANNOT_ANSWER)
        user = prompts.render(
            "answer",
            question=question,
            history=prompt_history(history),
            context=self.context(retrieval),
            cannot_answer=CANNOT_ANSWER,
        )
        return [self._message("system", system), self._message("user", user)]

    @staticmethod
    def _message(role: str, content: str) -> Any:
        from llama_index.core.llms import ChatMessage, MessageRole

        return ChatMessage(role=MessageRole(role), content=content)

    # -- the llama-index LLM ------------------------------------------------------------

    @property
    def llm(self) -> Any:
        with self._lock:
            if self._llm is None:
                self._llm = self._build_llm()
            return self._llm

    def _api_key(self) -> str:
        key = self.settings.openai_api_key
        return key.get_secret_value() if key is not None else ""

    def _build_llm(self) -> Any:
        """llama-index OpenAI (known OpenAI model, no base URL) or OpenAILike, own clients."""
        import openai
        from llama_index.llms.openai import OpenAI
        from llama_index.llms.openai.utils import openai_modelname_to_contextsize
        from llama_index.llms.openai_like import OpenAILike

        s = self.settings
        client_args = {
            "api_key": self._api_key() or PLACEHOLDER_KEY,
            "base_url": s.openai_base_url or None,
            "timeout": s.llm_timeout,
            "max_retries": 0,  # retries are ours: see the module docstring
        }
        common = {
            "model": s.llm_model,
            "temperature": s.llm_temperature,
            "timeout": s.llm_timeout,
            "max_retries": 0,
            "api_key": PLACEHOLDER_KEY,  # the real key lives only in the clients below
            "openai_client": openai.OpenAI(**client_args),
            "async_openai_client": openai.AsyncOpenAI(**client_args),
        }
        try:
            if not s.openai_base_url:
                try:
                    openai_modelname_to_contextsize(s.llm_model)
                    return OpenAI(**common)
                except ValueError:
                    pass  # a model llama-index does not know: no metadata, use OpenAILike
            return OpenAILike(
                api_base=s.openai_base_url or None,
                is_chat_model=True,
                is_function_calling_model=True,  # the agent offers tools; see agent.py
                context_window=max(8192, 2 * s.context_tokens + 2048),
                **common,
            )
        except ValueError as exc:
            raise self._fail(f"cannot use LLM model {s.llm_model!r}: {exc}") from None

    # -- calls, retries, errors ---------------------------------------------------------

    def _call(self, call: Callable[[], T]) -> T:
        """Run `call`, retrying 429 / 5xx / connection failures; any failure -> LLMError."""
        retries = self.settings.llm_max_retries
        for attempt in range(retries + 1):
            try:
                return call()
            except LLMError:
                raise
            except Exception as exc:
                if attempt >= retries or not _retryable(exc):
                    raise self._error(exc) from None
                wait = _retry_after(exc)
                if wait is None:
                    wait = min(0.5 * 2**attempt, 4.0) * random.uniform(0.75, 1.0)
                if wait > MAX_RETRY_WAIT:
                    raise self._error(exc) from None
                log.info("LLM call failed (%s); retry %d in %.2fs", _kind(exc), attempt + 1, wait)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _reply_text(self, response: Any) -> str:
        try:
            content = response.message.content
        except Exception as exc:
            raise self._error(exc) from None
        if not isinstance(content, str):
            if content is None:
                raise self._fail("LLM returned an empty reply")
            raise self._fail(MALFORMED)
        text = strip_think(content)
        if not text:
            raise self._fail("LLM returned an empty reply")
        return text

    def _error(self, exc: Exception) -> LLMError:
        """A short, key-free message for `exc`; the details (redacted) go to the debug log."""
        log.debug("LLM error detail: %s: %s", _kind(exc), self._redact(str(exc)))
        return self._fail(self._describe(exc))

    def _describe(self, exc: Exception) -> str:
        import httpx
        import openai

        if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException):
            return f"LLM server timed out after {self.settings.llm_timeout:g}s"
        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code == 429:
                return "LLM rate-limited (429)"
            if code >= 500:
                return f"LLM server error ({code})"
            if code == 401:
                return "LLM rejected the API key (401)"
            if code == 404:
                return f"LLM model {self.settings.llm_model!r} or endpoint not found (404)"
            return f"LLM rejected the request ({code})"
        if isinstance(exc, openai.APIConnectionError | httpx.TransportError):
            return "Cannot reach the LLM server (connection failed)"
        return MALFORMED  # bad JSON, missing choices, a reply of the wrong shape

    def _fail(self, message: str) -> LLMError:
        message = self._redact(message)
        log.warning("%s", message)
        return LLMError(message)

    def _redact(self, text: str) -> str:
        key = self._api_key()
        return text.replace(key, "***") if len(key) >= 6 else text


def _kind(exc: Exception) -> str:
    return type(exc).__name__
