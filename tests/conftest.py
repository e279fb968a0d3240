"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture
def openai_server():
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/openai_server.py):
    `.url` (base URL ending in /v1), `.script([...texts or Behaviours])`, `.requests`."""
    from openai_server import ScriptedOpenAI

    with ScriptedOpenAI() as server:
        yield server
