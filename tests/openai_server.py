"""A scripted OpenAI-compatible HTTP server for tests: no network, no model.

Runs on 127.0.0.1 (a free port) in a background thread and serves

- `POST /v1/chat/completions`: JSON, or SSE chunks (`data: {...}` ... `data: [DONE]`) when
  the request says `"stream": true`;
- `POST /v1/embeddings`: small deterministic vectors;
- `GET /v1/models`.

Each chat request takes the next item of the script: a reply text, a `Behaviour`, a
`ToolCalls` (the model calls one or several tools), or a callable
`(request_body) -> str | Behaviour | ToolCalls`. Every request is recorded (path, headers,
JSON body) so tests can assert on the prompts, the tools offered and the Authorization header.

    server.script(["Paper A does X [1].", Behaviour("429"), Behaviour("slow", delay=3)])
    server.script([ToolCalls(("paper", {"ref": "SpargeAttn"})), "SpargeAttn is ... [1]."])

Tool calls are sent as the OpenAI API sends them: `choices[0].message.tool_calls` with
`finish_reason: "tool_calls"`, or, streaming, `delta.tool_calls` chunks carrying the call's
index, id, type and name first and then its JSON arguments in pieces.
`server.reject_tools = True` makes the server answer 400 to any request offering `tools`
(as Ollama does for a model without tool support), without using up a script item.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODES = (
    "normal",
    "stream",
    "slow",
    "429",
    "500",
    "malformed",
    "no_choices",
    "empty",
    "tool_calls",
)


@dataclass
class Behaviour:
    """What the server does for one chat request.

    normal / stream: reply `text` (as SSE when the request streams; `stream` forces SSE);
    slow: wait `delay` seconds (at most `MAX_DELAY`), then reply `text`;
    429: rate-limited, with `Retry-After` (and `retry-after-ms`) of `retry_after` seconds;
    500: server error; malformed: invalid JSON (or invalid SSE data);
    no_choices: valid JSON without `choices`; empty: an empty reply (`content: null`);
    tool_calls: call the tools in `calls` (see `ToolCalls`), with `text` as content if any.
    """

    mode: str = "normal"
    text: str = ""
    delay: float = 3.0
    retry_after: float = 0.01
    chunk_words: int = 2
    calls: tuple = ()  # ((name, arguments: dict | raw JSON string), ...) for tool_calls

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown behaviour {self.mode!r}; one of {', '.join(MODES)}")


def ToolCalls(*calls: tuple[str, dict | str], text: str = "") -> Behaviour:  # noqa: N802
    """A reply calling tools: `ToolCalls(("paper", {"ref": "X"}), ("similar", {"ref": "X"}))`.

    Arguments given as a string are sent verbatim (to send malformed JSON)."""
    return Behaviour("tool_calls", text=text, calls=tuple(calls))


Script = str | Behaviour | Callable[[dict], "str | Behaviour"]
MAX_DELAY = 5.0  # bound on "slow": the tests never wait long
ARGUMENT_PIECE = 7  # characters of JSON arguments per streamed tool-call delta


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: dict | None

    @property
    def messages(self) -> list[dict]:
        return list((self.body or {}).get("messages") or [])

    def text(self) -> str:
        """All message contents joined: what the model was shown."""
        return "\n".join(str(m.get("content") or "") for m in self.messages)

    @property
    def tools(self) -> list[str]:
        """Names of the tools the request offered."""
        return [t["function"]["name"] for t in (self.body or {}).get("tools") or []]


@dataclass
class ScriptedOpenAI:
    """The server's state; `url` is the base URL to give an OpenAI client (ends in /v1)."""

    host: str = "127.0.0.1"
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    reject_tools: bool = False  # 400 to any request that offers `tools`
    _queue: deque = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)
    _httpd: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def script(self, items: Iterable[Script]) -> ScriptedOpenAI:
        """Queue replies for the next chat requests, in order (replaces any left over)."""
        with self._lock:
            self._queue = deque(items)
        return self

    def next_behaviour(self, body: dict) -> Behaviour:
        with self._lock:
            item = self._queue.popleft() if self._queue else None
        if item is None:
            return Behaviour("500", text="unscripted request")
        if callable(item) and not isinstance(item, Behaviour):
            item = item(body)
        return item if isinstance(item, Behaviour) else Behaviour("normal", text=str(item))

    @property
    def chat_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> ScriptedOpenAI:
        handler = type("Handler", (_Handler,), {"state": self})
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes handlers sleeping in "slow"
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def sleep(self, seconds: float) -> None:
        self._stop.wait(min(seconds, MAX_DELAY))

    def __enter__(self) -> ScriptedOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- wire format --------------------------------------------------------------------------


def _tool_calls(calls: tuple) -> list[dict]:
    out = []
    for i, (name, arguments) in enumerate(calls):
        raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
        out.append(
            {"id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": raw}}
        )
    return out


def _completion(text: str | None, model: str, calls: tuple = ()) -> dict:
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if calls:
        message["tool_calls"] = _tool_calls(calls)
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if calls else "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(delta: dict, model: str, finish: str | None = None) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def split_text(text: str, words: int) -> list[str]:
    """Split `text` into deltas of about `words` words each, keeping every character."""
    parts = text.split(" ")
    groups = [" ".join(parts[i : i + words]) for i in range(0, len(parts), max(words, 1))]
    return [g + " " if i < len(groups) - 1 else g for i, g in enumerate(groups)]


def _embedding(text: str, dim: int = 8) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    vec = [b / 255.0 - 0.5 for b in digest[:dim]]
    norm = sum(v * v for v in vec) ** 0.5 or 1.0
    return [v / norm for v in vec]


class _Handler(BaseHTTPRequestHandler):
    state: ScriptedOpenAI
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    # -- plumbing -----------------------------------------------------------------------

    def _record(self) -> dict | None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        self.state.requests.append(
            Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        return body

    def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. timed out): nothing to do

    def _json(self, status: int, data: dict, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), headers)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._json(status, {"error": {"message": message, "type": "test", "code": status}}, headers)

    # -- routes -------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._record()
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]})
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:
        body = self._record() or {}
        if self.path.endswith("/chat/completions"):
            self._chat(body)
        elif self.path.endswith("/embeddings"):
            inputs = body.get("input") or []
            inputs = [inputs] if isinstance(inputs, str) else inputs
            data = [
                {"object": "embedding", "index": i, "embedding": _embedding(str(t))}
                for i, t in enumerate(inputs)
            ]
            self._json(200, {"object": "list", "data": data, "model": body.get("model", "")})
        else:
            self._error(404, f"no route {self.path}")

    def _chat(self, body: dict) -> None:
        if self.state.reject_tools and body.get("tools"):
            self._error(400, "this model does not support tools")
            return
        behaviour = self.state.next_behaviour(body)
        model = str(body.get("model") or "test-model")
        streaming = bool(body.get("stream")) or behaviour.mode == "stream"
        mode = behaviour.mode
        if mode == "slow":
            self.state.sleep(behaviour.delay)
        if mode == "429":
            wait = behaviour.retry_after
            headers = {"Retry-After": f"{wait:g}", "retry-after-ms": str(int(wait * 1000))}
            self._error(429, "Rate limit reached for requests", headers)
        elif mode == "500":
            self._error(500, behaviour.text or "internal server error")
        elif mode == "malformed" and not streaming:
            self._send(200, b'{"id": "chatcmpl-test", "choices": [{"message": ')
        elif mode == "no_choices" and not streaming:
            self._json(200, {"id": "chatcmpl-test", "object": "chat.completion"})
        elif streaming:
            self._stream(behaviour, model)
        elif mode == "tool_calls":
            self._json(200, _completion(behaviour.text or None, model, behaviour.calls))
        else:
            self._json(200, _completion(behaviour.text if mode != "empty" else None, model))

    def _stream(self, behaviour: Behaviour, model: str) -> None:
        events: list[bytes] = [
            json.dumps(_chunk({"role": "assistant", "content": ""}, model)).encode()
        ]
        if behaviour.mode == "malformed":
            events.append(b'{"choices": [{"delta": {"content": "broken')
        elif behaviour.mode != "empty" and behaviour.text:
            for part in split_text(behaviour.text, behaviour.chunk_words):
                events.append(json.dumps(_chunk({"content": part}, model)).encode())
        finish = "stop"
        if behaviour.mode == "tool_calls":
            finish = "tool_calls"
            for i, call in enumerate(_tool_calls(behaviour.calls)):
                head = {**call, "function": {"name": call["function"]["name"], "arguments": ""}}
                events.append(
                    json.dumps(_chunk({"tool_calls": [{"index": i, **head}]}, model)).encode()
                )
                raw = call["function"]["arguments"]
                for start in range(0, len(raw), ARGUMENT_PIECE):
                    piece = {
                        "index": i,
                        "function": {"arguments": raw[start : start + ARGUMENT_PIECE]},
                    }
                    events.append(json.dumps(_chunk({"tool_calls": [piece]}, model)).encode())
        events.append(json.dumps(_chunk({}, model, finish=finish)).encode())
        events.append(b"[DONE]")
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            for event in events:
                self.wfile.write(b"data: " + event + b"\n\n")
                self.wfile.flush()
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            pass
