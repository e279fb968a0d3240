"""Prompt templates as files (`<name>.md` beside this module), rendered with strict variable checks.

Strict both ways: a variable the template uses but the caller did not pass is an error,
and so is a variable passed but never used (usually a typo, or a prompt edited without its
caller). Templates are package data, beside this module, and are parsed once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from assistant.errors import DigestError

PROMPT_DIRS = (Path(__file__).resolve().parent,)


class PromptError(DigestError, ValueError):
    """A prompt file is missing, or was rendered with missing or unused variables."""


def prompt_path(name: str) -> Path:
    """The file of prompt `name`: the first `<dir>/<name>.md` that exists."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise PromptError(f"invalid prompt name {name!r}")
    for folder in PROMPT_DIRS:
        path = folder / f"{name}.md"
        if path.is_file():
            return path
    searched = ", ".join(str(d) for d in PROMPT_DIRS)
    raise PromptError(f"prompt file {name}.md not found (searched {searched})")


@cache
def _environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(
        undefined=StrictUndefined,
        autoescape=False,  # prompts are plain text for a model, not HTML
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def load(name: str) -> tuple[Any, frozenset[str], str]:
    """(compiled template, the variables it uses, its file name), parsed once per name."""
    from jinja2 import TemplateSyntaxError, meta

    path = prompt_path(name)
    source = path.read_text(encoding="utf-8")
    env = _environment()
    try:
        variables = frozenset(meta.find_undeclared_variables(env.parse(source)))
        template = env.from_string(source)
    except TemplateSyntaxError as exc:
        raise PromptError(f"prompt {path.name}: syntax error line {exc.lineno}: {exc}") from exc
    return template, variables, path.name


def variables(name: str) -> frozenset[str]:
    """The variables prompt `name` expects."""
    return load(name)[1]


def render(name: str, **values: Any) -> str:
    """Render prompt `name` with exactly the variables it uses."""
    from jinja2 import UndefinedError

    template, expected, filename = load(name)
    missing = sorted(expected - values.keys())
    if missing:
        raise PromptError(f"prompt {filename}: missing variable(s) {', '.join(missing)}")
    unused = sorted(values.keys() - expected)
    if unused:
        raise PromptError(f"prompt {filename}: unused variable(s) {', '.join(unused)}")
    try:
        return template.render(**values).strip() + "\n"
    except UndefinedError as exc:  # e.g. an attribute of a passed value that does not exist
        raise PromptError(f"prompt {filename}: {exc.message}") from exc
