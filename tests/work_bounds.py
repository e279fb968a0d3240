"""Measure the work a module's regular expressions do, without a clock.

`count_regex_work(monkeypatch, module)` swaps every compiled pattern the module holds for
a proxy that adds up the characters each call is handed. A loop that re-scans what it
already scanned (a row re-joined per line, a question re-read per word) shows up as a
total far above the input's size, deterministically.
"""

from __future__ import annotations

import re

_CALLS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


class _Counting:
    def __init__(self, pattern: re.Pattern, work: list[int]):
        self._pattern, self._work = pattern, work

    def __getattr__(self, name):
        attr = getattr(self._pattern, name)
        if name not in _CALLS:
            return attr

        def call(*args, **kwargs):
            text = args[1] if name in ("sub", "subn") else args[0]
            pos = args[1] if name in ("search", "match", "fullmatch") and len(args) > 1 else 0
            self._work.append(max(0, len(text) - pos))
            return attr(*args, **kwargs)

        return call


def count_regex_work(monkeypatch, *modules) -> list[int]:
    """Characters handed to each pattern call in `modules` from now on (one entry per call)."""
    work: list[int] = []
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _Counting(value, work))
            elif (
                isinstance(value, dict)
                and value
                and all(isinstance(v, re.Pattern) for v in value.values())
            ):
                monkeypatch.setattr(module, name, {k: _Counting(v, work) for k, v in value.items()})
            elif (
                isinstance(value, tuple)
                and value
                and all(isinstance(v, tuple) for v in value)
                and all(isinstance(p, re.Pattern) for steps in value for p in steps)
            ):
                wrapped = tuple(tuple(_Counting(p, work) for p in steps) for steps in value)
                monkeypatch.setattr(module, name, wrapped)
    return work
