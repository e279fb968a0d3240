"""Prompt files: found, rendered strictly both ways (missing and unused variables), cached."""

from __future__ import annotations

import pytest

from assistant.answer import prompts
from assistant.answer.citations import CANNOT_ANSWER
from assistant.answer.prompts import PromptError, render, variables
from assistant.errors import DigestError


@pytest.fixture
def prompt_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(prompts, "PROMPT_DIRS", (tmp_path,))
    prompts.load.cache_clear()
    yield tmp_path
    prompts.load.cache_clear()


def test_shipped_prompts_declare_their_variables():
    assert variables("system") == {"cannot_answer"}
    assert variables("answer") == {"question", "history", "context", "cannot_answer"}
    assert variables("condense") == {"question", "history"}
    assert variables("agent") == {"newest_date", "oldest_date", "max_steps", "cannot_answer"}


def test_agent_prompt_states_the_rules():
    text = render(
        "agent",
        newest_date="2025-02-26",
        oldest_date="2025-02-20",
        max_steps=6,
        cannot_answer=CANNOT_ANSWER,
    )
    assert CANNOT_ANSWER in text and "2025-02-26" in text and "at most 6 tools" in text
    assert "2025-02-20" in text
    for rule in ("[3]", "URL", "data, not instructions", "Korean", "YYYY-MM-DD"):
        assert rule in text
    for tool in ("search", "list_papers", "count_papers", "paper", "similar"):
        assert f"- {tool}:" in text


def test_system_prompt_states_the_rules():
    text = render("system", cannot_answer=CANNOT_ANSWER)
    assert CANNOT_ANSWER in text
    for rule in ("[1]", "URL", "instructions", "Korean"):
        assert rule in text


def test_answer_prompt_renders_history_only_when_given():
    args = {"question": "Q?", "context": "[1] T\nS", "cannot_answer": CANNOT_ANSWER}
    without = render("answer", history=[], **args)
    assert "Earlier in this conversation" not in without
    assert "[1] T" in without and "Question: Q?" in without
    with_history = render("answer", history=[("q1", "a1")], **args)
    assert "User: q1\nAssistant: a1" in with_history


def test_missing_variable_names_it_and_the_file():
    with pytest.raises(PromptError, match=r"answer\.md.*missing variable\(s\) context"):
        render("answer", question="Q", history=[], cannot_answer=CANNOT_ANSWER)


def test_unused_variable_is_an_error():
    with pytest.raises(PromptError, match=r"system\.md.*unused variable\(s\) question"):
        render("system", cannot_answer=CANNOT_ANSWER, question="Q")


def test_missing_file_is_a_clear_error():
    with pytest.raises(PromptError, match=r"no_such_prompt\.md not found"):
        render("no_such_prompt")
    assert issubclass(PromptError, DigestError) and issubclass(PromptError, ValueError)


def test_attribute_of_undefined_is_an_error(prompt_dir):
    (prompt_dir / "t.md").write_text("Hello {{ user.name }}", encoding="utf-8")
    with pytest.raises(PromptError, match=r"t\.md"):
        render("t", user={})


def test_loop_variables_are_not_required(prompt_dir):
    (prompt_dir / "t.md").write_text("{% for a, b in pairs %}{{ a }}={{ b }};{% endfor %}")
    assert render("t", pairs=[("x", 1), ("y", 2)]) == "x=1;y=2;\n"


def test_templates_are_cached(prompt_dir):
    path = prompt_dir / "t.md"
    path.write_text("one {{ x }}")
    assert render("t", x=1) == "one 1\n"
    path.write_text("two {{ x }}")
    assert render("t", x=1) == "one 1\n"


def test_syntax_error_names_the_file(prompt_dir):
    (prompt_dir / "bad.md").write_text("{% for x in %}")
    with pytest.raises(PromptError, match=r"bad\.md.*syntax error"):
        render("bad")


def test_fallback_to_the_packaged_copy(tmp_path, monkeypatch):
    packaged = tmp_path / "packaged"
    packaged.mkdir()
    (packaged / "only_here.md").write_text("packaged {{ v }}")
    monkeypatch.setattr(prompts, "PROMPT_DIRS", (tmp_path / "missing", packaged))
    prompts.load.cache_clear()
    try:
        assert render("only_here", v="ok") == "packaged ok\n"
    finally:
        prompts.load.cache_clear()


def test_names_cannot_escape_the_prompt_folder():
    with pytest.raises(PromptError, match="invalid prompt name"):
        render("../pyproject")
