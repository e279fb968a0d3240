"""Secrets: the OpenAI API key never appears in output, logs, errors, answers or the chat page
while the LLM fails (a server answering 500 with the key echoed in its error body, and a
closed port). Every test first checks that the key really was in use (the scripted server
saw it in the Authorization header), so a key that was silently dropped cannot pass.

Unit-level checks of the LLM answerer's error messages and logs are in
test_llm.py::test_key_never_in_errors_or_logs; these go through the CLI, the API and the
Chainlit app end to end.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import subprocess
import sys
import urllib.request

import pytest
from openai_server import Behaviour, ScriptedOpenAI

KEY = "sk-test-SECRET-XYZ"
QUESTION = "What does SpargeAttn propose?"
# the key echoed back by a failing server: the openai client puts error bodies in messages
FAILING = Behaviour("500", text=f"upstream rejected the key {KEY}")
RUN_CLI = (
    "import logging, sys; "
    "logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, "
    "format='%(levelname)s %(name)s %(message)s'); "
    "from assistant.app.cli import main; main()"
)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


@pytest.fixture(scope="module")
def failing_llm():
    with ScriptedOpenAI() as server:
        yield server


def saw_key(server: ScriptedOpenAI) -> bool:
    return any(r.headers.get("authorization") == f"Bearer {KEY}" for r in server.chat_requests)


def cli(args: list[str], store_dir, base_url: str, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
    clean.update(
        OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=base_url,
        DIGEST_STORE_DIR=str(store_dir),
        DIGEST_LLM_MODEL="test-model",
        DIGEST_LLM_TIMEOUT="5",
        DIGEST_LLM_MAX_RETRIES="1",
        HF_HUB_OFFLINE="1",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- the CLI, with every logger at DEBUG ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("as_json", [True, False])
def test_cli_ask_with_a_failing_server(seed_settings, failing_llm, as_json, tmp_path):
    failing_llm.requests.clear()
    failing_llm.script([FAILING] * 4)
    args = ["ask", QUESTION] + (["--json"] if as_json else [])
    result = cli(args, seed_settings.store_dir, failing_llm.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert saw_key(failing_llm)
    assert KEY not in result.stdout and KEY not in result.stderr
    assert "LLM server error (500)" in result.stdout  # the note says what happened, keyless
    assert "DEBUG" in result.stderr  # debug logging really was on
    if as_json:
        answer = json.loads(result.stdout)
        assert answer["mode"] == "extractive" and answer["citations"]
        assert KEY not in json.dumps(answer)


@pytest.mark.slow
def test_cli_ask_with_an_unreachable_server(seed_settings):
    result = cli(["ask", QUESTION, "--json"], seed_settings.store_dir, closed_port_url())
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout)
    assert any("Cannot reach the LLM server" in note for note in answer["notes"])
    assert KEY not in result.stdout and KEY not in result.stderr


def test_cli_settings_error_does_not_echo_the_key(seed_settings, failing_llm):
    result = cli(["ask", QUESTION], seed_settings.store_dir, failing_llm.url, DIGEST_TOP_K="lots")
    assert result.returncode != 0 and "DIGEST_TOP_K" in result.stderr  # the name, no value
    assert KEY not in result.stdout and KEY not in result.stderr


# -- the API: answers, notes, conversation, logs -------------------------------------------


def test_api_answers_and_logs_never_hold_the_key(seed_settings, failing_llm, caplog):
    from assistant.app.api import Assistant
    from assistant.config import Settings

    caplog.set_level(logging.DEBUG)
    failing_llm.requests.clear()
    failing_llm.script([FAILING] * 6 + [Behaviour("malformed")] * 2)
    settings = Settings(
        _env_file=None,
        store_dir=seed_settings.store_dir,
        OPENAI_API_KEY=KEY,
        OPENAI_BASE_URL=failing_llm.url,
        llm_model="test-model",
        llm_timeout=5,
        llm_max_retries=1,
    )
    assistant = Assistant(settings)
    conversation = assistant.chat()
    answers = [conversation.ask(QUESTION), conversation.ask("How much faster is it?")]
    assert saw_key(failing_llm)
    for answer in answers:
        assert answer.notes and answer.citations
        assert KEY not in json.dumps(answer.to_json()) and KEY not in answer.markdown()
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump())
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records
    )
    assert caplog.records and KEY not in logged


# -- the chat page ------------------------------------------------------------------------------


@pytest.mark.slow
def test_chat_page_never_receives_the_key(seed_settings, failing_llm, tmp_path):
    from chainlit_app import ChainlitApp, ChatClient

    failing_llm.requests.clear()
    failing_llm.script([FAILING] * 12)
    env = {
        "OPENAI_API_KEY": KEY,
        "OPENAI_BASE_URL": failing_llm.url,
        "DIGEST_LLM_MODEL": "test-model",
        "DIGEST_LLM_TIMEOUT": "5",
        "DIGEST_LLM_MAX_RETRIES": "1",
    }

    async def session(url: str):
        client = ChatClient(url, timeout=60)
        await client.connect()
        try:
            replies = [await client.ask(QUESTION), await client.ask("How much faster is it?")]
        finally:
            await client.close()
        return replies

    with ChainlitApp(tmp_path, seed_settings.store_dir, env) as app:
        replies = asyncio.run(session(app.url))
        pages = []
        for path in (
            "/",
            "/project/settings?language=en-US",
            "/project/translations?language=en-US",
        ):
            with urllib.request.urlopen(app.url + path, timeout=10) as response:
                pages.append(response.read().decode("utf-8", errors="replace"))
        log = app.log_text()

    assert saw_key(failing_llm)
    for reply in replies:
        assert reply.answer and "arxiv.org/abs/" in reply.answer  # the extractive fallback
        assert "LLM server error" in json.dumps(reply.events)  # the note, keyless
        assert KEY not in json.dumps(reply.events, default=str)
    assert all(KEY not in page for page in pages)
    assert "LLM server error" in log and KEY not in log


@pytest.mark.slow
def test_cli_ask_json_with_the_agent_lists_its_tool_calls_and_logs_no_key(seed_settings):
    """`digest ask --json` in LLM mode: the agent's tool calls are in `steps`, and with every
    logger at DEBUG (llama-index's workflow included) the key appears nowhere."""
    from openai_server import ToolCalls

    with ScriptedOpenAI() as server:
        server.script(
            [
                ToolCalls(("paper", {"ref": "SpargeAttn"}), ("nope", {})),
                Behaviour("500", text=f"upstream rejected the key {KEY}"),
            ]
        )
        result = cli(["ask", QUESTION, "--json"], seed_settings.store_dir, server.url)
        assert saw_key(server)
    assert result.returncode == 0, result.stderr[-2000:]
    assert KEY not in result.stdout and KEY not in result.stderr
    data = json.loads(result.stdout)
    tools = [s["tool"] for s in data["steps"]]
    assert tools[:2] == ["paper", "nope"] or tools[:2] == ["nope", "paper"]
    paper = next(s for s in data["steps"] if s["tool"] == "paper")
    assert paper["papers"] == ["2502.18137"] and paper["count"] == 1
    assert "not found" in next(s for s in data["steps"] if s["tool"] == "nope")["error"]
    assert any("LLM server error" in n for n in data["notes"])  # the second turn failed
