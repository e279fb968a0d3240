"""Digest Assistant: answers questions about AI papers from daily digests, citing each paper.

The public API (lazy: importing the package loads no heavy library)::

    from assistant import Assistant
    answer = Assistant().ask("What did SWE-RL score on SWE-bench Verified?")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answer.citations import Answer, Citation, Source
    from assistant.app.api import Assistant
    from assistant.config import Settings
    from assistant.errors import DigestError

__all__ = ["Answer", "Assistant", "Citation", "DigestError", "Settings", "Source"]

_WHERE = {
    "Answer": "answer.citations",
    "Citation": "answer.citations",
    "Source": "answer.citations",
    "Assistant": "app.api",
    "Settings": "config",
    "DigestError": "errors",
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
