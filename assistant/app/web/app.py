"""The Chainlit app (`digest serve`): registers the page's handlers and nothing else.

    chainlit run assistant/app/web/app.py     # from the repository root (the app root)

Only Chainlit and the standard library are imported here. What the handlers do lives in
`assistant.app.web.chat`, which imports the assistant (numpy, the store, the retriever); the
start-up hook imports it in a background thread, together with opening the store and loading
the models, so the server listens as soon as Chainlit itself is loaded and the first page
loads while the assistant warms up. A handler called before that thread is done waits for it
(Python's import lock).
Imports are absolute: Chainlit loads this file by path, not as part of the package.
"""

from __future__ import annotations

import importlib
import os
import threading
from types import ModuleType

import chainlit as cl

FAKE_CI_KEY = "sk-FAKE-OPENAI-API-KEY"  # `chainlit run --ci` (or CI=true) sets this key


def chat() -> ModuleType:
    """`assistant.app.web.chat`, imported on first use."""
    return importlib.import_module("assistant.app.web.chat")


def _warm() -> None:
    chat().warm()


@cl.on_app_startup
async def startup() -> None:
    if os.environ.get("OPENAI_API_KEY") == FAKE_CI_KEY:
        # `chainlit run` in CI mode (CI=true) invents a key: that is no LLM configuration.
        os.environ.pop("OPENAI_API_KEY")
    import chainlit.server as server

    def welcome(root: str, language: str) -> str | None:
        return chat().welcome(root, language)

    server.get_markdown_str = welcome  # the welcome page shows what the store holds
    # Import the assistant, open the store and load the models in the background while the
    # server starts listening and the first page loads.
    threading.Thread(target=_warm, name="digest-warm", daemon=True).start()


@cl.data_layer
def data_layer():
    return chat().data_layer()


@cl.set_starters
async def starters(user=None, language=None) -> list[cl.Starter]:
    return await chat().starters()


@cl.on_chat_start
async def chat_start() -> None:
    await chat().chat_start()


@cl.on_settings_update
async def settings_update(values: dict) -> None:
    await chat().settings_update(values)


@cl.on_message
async def on_message(message: cl.Message) -> None:
    await chat().on_message(message)
