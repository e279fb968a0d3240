"""Start the Chainlit app (`digest serve`) on 127.0.0.1 for a test, and talk to it over its
Socket.IO protocol without a browser.

    with ChainlitApp(tmp_path, store_dir, env={"DIGEST_ANSWER_MODE": "extractive"}) as app:
        answers = asyncio.run(ChatClient(app.url).ask_all(["What does SpargeAttn do?"]))

`ChainlitApp` copies the app root (chainlit.md, .chainlit/, public/) into a temp folder so
the server writes nothing into the work tree, passes only the environment it is given (no
DIGEST_/OPENAI_/CHAINLIT_ variables leak in from the caller), and always stops the server.
`ChatClient` is what the web page does: connect with a session id, emit
`connection_successful`, send `client_message`s, and collect the server's messages until
`task_end`. Its timeouts bound every wait.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from servers import free_port, stop_process

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 90.0


def copy_app_root(target: Path) -> Path:
    (target / ".chainlit" / "translations").mkdir(parents=True)
    for md in ROOT.glob("chainlit*.md"):
        shutil.copy(md, target / md.name)
    shutil.copy(ROOT / ".chainlit" / "config.toml", target / ".chainlit" / "config.toml")
    for tr in (ROOT / ".chainlit" / "translations").glob("*.json"):
        shutil.copy(tr, target / ".chainlit" / "translations" / tr.name)
    if (ROOT / "public").is_dir():
        shutil.copytree(ROOT / "public", target / "public")
    return target


# the page's assistant messages; an answer is complete when its feedback buttons show
ANSWERS = 'div.step[data-step-type="assistant_message"]'


def wait_answers(page, count: int, timeout_ms: float) -> None:
    """Wait (in a Playwright page) until the count-th answer is complete."""
    page.wait_for_function(
        "n => document.querySelectorAll('" + ANSWERS + "').length >= n"
        " && document.querySelectorAll('button[class*=\"-feedback-\"]').length >= 2 * n",
        arg=count,
        timeout=timeout_ms,
    )


class ChainlitApp:
    """`digest serve --headless` in a subprocess; `.url`, `.log_text()`; stopped on exit."""

    def __init__(self, base: Path, store_dir: Path, env: dict[str, str] | None = None):
        self.base = Path(base)
        self.base.mkdir(parents=True, exist_ok=True)
        self.root = copy_app_root(self.base / "app")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = self.base / "server.log"
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DIGEST_", "OPENAI_", "CHAINLIT_")) and k != "CI"
        }
        clean.update(
            DIGEST_STORE_DIR=str(store_dir),
            CHAINLIT_APP_ROOT=str(self.root),
            HF_HUB_OFFLINE="1",
            ANONYMIZED_TELEMETRY="False",
            PYTHONUNBUFFERED="1",
        )
        clean.update(env or {})
        self.env = clean
        self.proc: subprocess.Popen | None = None

    def start(self) -> ChainlitApp:
        cmd = [sys.executable, "-c", "from assistant.app.cli import main; main()", "serve"]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), "--headless"]
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=self.base, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited ({self.proc.returncode}):\n{self.log_text()}")
            try:  # uvicorn listens once the app's start-up hooks are done
                with socket.create_connection(("127.0.0.1", self.port), timeout=5):
                    return self
            except OSError:
                time.sleep(0.05)  # a browser opened at "available" would be this quick
        self.stop()
        raise RuntimeError(f"app not up after {STARTUP_TIMEOUT}s:\n{self.log_text()[-3000:]}")

    def stop(self) -> None:
        stop_process(self.proc, grace=15)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def __enter__(self) -> ChainlitApp:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class Reply:
    """What the server sent for one question, up to its `task_end`."""

    question: str
    seconds: float
    answer: str  # the last assistant message's content ("" if none)
    errors: list[str] = field(default_factory=list)  # ErrorMessage contents
    events: list[tuple[str, object]] = field(default_factory=list)


class ChatClient:
    """One chat session over Socket.IO, as the Chainlit web page opens it."""

    def __init__(self, url: str, timeout: float = 60.0):
        self.url = url
        self.timeout = timeout
        self.session_id = str(uuid.uuid4())
        self.events: asyncio.Queue | None = None
        self.sio = None

    async def connect(self) -> None:
        import socketio

        self.events = asyncio.Queue()
        self.sio = socketio.AsyncClient(reconnection=False)

        @self.sio.on("*")
        async def catch_all(event, data=None):
            await self.events.put((event, data))

        await asyncio.wait_for(
            self.sio.connect(
                self.url,
                socketio_path="/ws/socket.io",
                transports=["websocket"],
                auth={
                    "clientType": "webapp",
                    "sessionId": self.session_id,
                    "threadId": "",
                    "userEnv": "{}",
                    "chatProfile": "",
                },
                wait_timeout=self.timeout,
            ),
            self.timeout,
        )
        await self.sio.emit("connection_successful")
        # on_chat_start runs as a task that sends the chat settings: ready at its task_end
        await self._until(_after("chat_settings", "task_end"))

    async def _until(self, done) -> list[tuple[str, object]]:
        seen = []
        deadline = asyncio.get_running_loop().time() + self.timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"no reply within {self.timeout}s; got {[e for e, _ in seen]}")
            event, data = await asyncio.wait_for(self.events.get(), left)
            seen.append((event, data))
            if done(event, data):
                return seen

    async def ask(self, question: str) -> Reply:
        # drop anything left over (e.g. a late sidebar update of the previous answer)
        while not self.events.empty():
            self.events.get_nowait()
        message = {
            "id": str(uuid.uuid4()),
            "threadId": "",
            "name": "User",
            "type": "user_message",
            "output": question,
            "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        }
        started = time.perf_counter()
        await self.sio.emit("client_message", {"message": message, "fileReferences": []})
        seen = await self._until(_after("task_start", "task_end"))
        seconds = time.perf_counter() - started
        answer, errors, contents = "", [], {}
        for event, data in seen:
            message = isinstance(data, dict) and data.get("type") == "assistant_message"
            if event in ("new_message", "update_message") and message:
                contents[data.get("id")] = data.get("output") or ""
                if data.get("isError"):
                    errors.append(data.get("output") or "")
        if contents:
            answer = list(contents.values())[-1]
        return Reply(question, seconds, answer, errors, seen)

    async def close(self) -> None:
        if self.sio is not None and self.sio.connected:
            await self.sio.disconnect()


def _after(first: str, then: str):
    """A predicate true at the first `then` event that follows a `first` event."""
    state = {"seen": False}

    def done(event: str, data: object) -> bool:
        if event == first:
            state["seen"] = True
        return state["seen"] and event == then

    return done
