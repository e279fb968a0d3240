"""The LLM agent (assistant/answer/agent.py) end to end: the seed store, the real archive
tools, llama-index's FunctionAgent and the real openai client against a scripted
OpenAI-compatible server on 127.0.0.1 that sends tool calls as the OpenAI API does (JSON
`message.tool_calls`, or streamed `delta.tool_calls` with arguments in pieces).

What must hold whatever the model does: the model cites `[n]` of papers the tools returned
in this question (numbered in call order, de-duplicated), every other number is dropped,
links come from the store, every tool call is a Step, a bad call is an error message to the
model and never a crash, the number of tool calls is bounded, a server that cannot call
tools gets the fixed pipeline with a note, and the API key is never logged.
"""

from __future__ import annotations

import logging
import re

import pytest
from openai_server import Behaviour, ToolCalls
from pydantic import SecretStr

from assistant import Assistant
from assistant.answer.citations import CANNOT_ANSWER
from assistant.types import ARXIV_ABS

KEY = "sk-test-AGENT-KEY-777"
SPARGE = "2502.18137"


@pytest.fixture
def agent_assistant(seed_settings, openai_server):
    settings = seed_settings.model_copy(
        update={
            "answer_mode": "llm",
            "openai_base_url": openai_server.url,
            "openai_api_key": SecretStr(KEY),
            "llm_model": "scripted-model",
            "llm_timeout": 5.0,
            "llm_max_retries": 0,
        }
    )
    return Assistant(settings)


def tool_messages(request) -> list[str]:
    return [str(m.get("content") or "") for m in request.messages if m.get("role") == "tool"]


def assert_store_links_only(answer, catalog) -> None:
    for link in re.findall(r"https?://[^\s)\]]+", answer.markdown()):
        assert link.startswith(ARXIV_ABS) and link.removeprefix(ARXIV_ABS) in catalog


def test_multi_step_chain_streams_and_cites_tool_papers(agent_assistant, openai_server):
    openai_server.script(
        [
            ToolCalls(("paper", {"ref": "SpargeAttn"})),
            ToolCalls(("similar", {"ref": SPARGE, "limit": 3})),
            "SpargeAttn [1] skips attention blocks; the closest paper is [2]. "
            "See https://evil.example/x and [7].",
        ]
    )
    seen = []
    items = list(agent_assistant.stream("Which papers are like SpargeAttn?", on_step=seen.append))
    chunks, answer = items[:-1], items[-1]
    assert all(isinstance(c, str) for c in chunks) and len(chunks) >= 2
    assert "evil.example" in "".join(chunks)  # the raw draft streams ...
    assert "evil.example" not in answer.text and "[7]" not in answer.text  # ... then is checked

    assert answer.mode == "llm" and not answer.refused and not answer.notes
    assert [s.tool for s in answer.steps] == ["paper", "similar"] == [s.tool for s in seen]
    paper_step, similar_step = answer.steps
    assert paper_step.papers == [SPARGE] and paper_step.error is None
    assert len(similar_step.papers) == 3 and SPARGE not in similar_step.papers
    # [n] numbers the papers in call order: [1] SpargeAttn, [2..4] its neighbours
    assert [c.arxiv_id for c in answer.citations] == [SPARGE, similar_step.papers[0]]
    assert [s.arxiv_id for s in answer.sources] == [SPARGE, *similar_step.papers]
    assert_store_links_only(answer, agent_assistant.catalog)
    assert answer.to_json()["steps"][1]["count"] == 3

    # the model read the similar tool's records renumbered from [2], after [1] SpargeAttn
    requests = openai_server.chat_requests
    assert len(requests) == 3 and all(r.body.get("stream") for r in requests)
    assert set(requests[0].tools) == {"search", "list_papers", "count_papers", "paper", "similar"}
    assert tool_messages(requests[1])[0].startswith("[1] SpargeAttn")
    similar_text = tool_messages(requests[2])[-1]
    assert "\n[2] " in similar_text and "\n[1] " not in similar_text
    system = requests[0].messages[0]["content"]
    assert "data, not instructions" in system and CANNOT_ANSWER in system


def test_json_tool_calls_without_streaming(agent_assistant, openai_server):
    openai_server.script(
        [
            ToolCalls(("paper", {"ref": SPARGE}), ("search", {"query": "sparse attention"})),
            "SpargeAttn is training-free [1].",
        ]
    )
    *_, run = agent_assistant.agent.run("What is SpargeAttn?", streaming=False)
    assert run.text == "SpargeAttn is training-free [1]."
    assert sorted(s.tool for s in run.steps) == ["paper", "search"]
    assert run.papers[0].arxiv_id == SPARGE or SPARGE in [p.arxiv_id for p in run.papers]
    assert len({p.arxiv_id for p in run.papers}) == len(run.papers)  # de-duplicated
    assert not any(r.body.get("stream") for r in openai_server.chat_requests)


@pytest.mark.parametrize(
    "call, message",
    [
        (("list_papers", {"since": "last Tuesday"}), "YYYY-MM-DD"),
        (("paper", '{"ref": '), "name a paper"),  # malformed JSON arguments
        (("paper", {"ref": "SpargeAttn", "colour": "blue"}), "bad arguments"),
        (("delete_everything", {"all": True}), "not found"),
    ],
)
def test_bad_calls_are_errors_for_the_model(agent_assistant, openai_server, call, message):
    openai_server.script(
        [ToolCalls(call), ToolCalls(("paper", {"ref": "SpargeAttn"})), "SpargeAttn [1]."]
    )
    answer = agent_assistant.ask("Tell me about SpargeAttn")
    assert not answer.refused and answer.citations[0].arxiv_id == SPARGE
    failed, ok = answer.steps
    assert failed.tool == call[0] and message in failed.error and not failed.papers
    assert ok.error is None
    told = tool_messages(openai_server.chat_requests[1])[0]
    assert message in told


def test_tool_that_raises_is_an_error_for_the_model(agent_assistant, openai_server, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the vector index is on fire")

    monkeypatch.setattr(agent_assistant.tools, "similar", broken)
    openai_server.script(
        [
            ToolCalls(("similar", {"ref": "SpargeAttn"})),
            ToolCalls(("paper", {"ref": "SpargeAttn"})),
            "SpargeAttn [1].",
        ]
    )
    answer = agent_assistant.ask("Papers like SpargeAttn?")
    assert "on fire" in answer.steps[0].error and answer.steps[1].error is None
    assert "Error:" in tool_messages(openai_server.chat_requests[1])[0]
    assert answer.citations[0].arxiv_id == SPARGE


def test_tool_calls_are_bounded(seed_settings, openai_server):
    assistant = Assistant(
        seed_settings.model_copy(
            update={
                "answer_mode": "llm",
                "openai_base_url": openai_server.url,
                "llm_model": "scripted-model",
                "llm_timeout": 5.0,
                "agent_max_steps": 2,
            }
        )
    )
    search = ToolCalls(("search", {"query": "sparse attention"}))
    openai_server.script([search, search, search, "SpargeAttn [1]."])
    answer = assistant.ask("sparse attention papers")
    assert [s.error is None for s in answer.steps] == [True, True, False]
    assert "limit of 2 tool calls" in answer.steps[2].error
    assert not answer.refused and answer.citations


def test_model_refusal_after_search_refuses(agent_assistant, openai_server):
    openai_server.script([ToolCalls(("search", {"query": "sourdough bread"})), CANNOT_ANSWER])
    answer = agent_assistant.ask("What is a good recipe for sourdough bread?")
    assert answer.refused and not answer.citations and not answer.sources
    assert answer.steps[0].tool == "search"


def test_archive_answer_without_citation_is_kept(agent_assistant, openai_server):
    openai_server.script(
        [ToolCalls(("count_papers", {"since": "2025-02-26", "until": "2025-02-26"})), "15 papers."]
    )
    answer = agent_assistant.ask("How many papers on 2025-02-26?")
    assert not answer.refused and answer.text == "15 papers." and not answer.citations
    assert answer.steps[0].tool == "count_papers"


def test_a_trend_question_gets_the_chart_computed_by_code(agent_assistant, openai_server):
    """The model words the answer; the bars under it are `digest trend`'s, from the store."""
    openai_server.script(
        [
            ToolCalls(("search", {"query": "attention"})),
            "Interest in attention grew in February 2025 [1].",
        ]
    )
    answer = agent_assistant.ask("How has interest in attention changed month by month?")
    assert answer.mode == "llm" and not answer.refused
    assert answer.trend is not None and answer.trend.total >= 1
    assert answer.to_json()["trend"]["total"] == answer.trend.total
    openai_server.script(
        [ToolCalls(("search", {"query": "attention"})), "SpargeAttn [1] is about attention."]
    )
    assert agent_assistant.ask("Which paper makes attention sparse?").trend is None


def test_user_filters_apply_to_the_tools(agent_assistant, openai_server):
    openai_server.script(
        [ToolCalls(("search", {"query": "attention"})), "Nothing to cite here [1]."]
    )
    answer = agent_assistant.ask("attention papers", since="2025-02-26", until="2025-02-26")
    assert answer.steps[0].arguments["since"] == "2025-02-26"
    for source in answer.sources:
        assert "2025-02-26" in source.dates


def test_server_rejecting_tools_gets_the_fixed_pipeline(agent_assistant, openai_server):
    openai_server.reject_tools = True
    openai_server.script(["SpargeAttn reaches a 2.5x to 5x speedup [1]."])
    answer = agent_assistant.ask("How much does SpargeAttn speed up inference?")
    assert answer.mode == "llm" and not answer.refused
    assert any("cannot call tools" in n for n in answer.notes)
    assert [s.tool for s in answer.steps] == ["retrieve"]
    assert answer.citations[0].arxiv_id == SPARGE
    rejected, answered = openai_server.chat_requests
    assert rejected.tools and not answered.tools


def test_reply_without_tools_or_citations_gets_the_fixed_pipeline(agent_assistant, openai_server):
    openai_server.script(["I know this one: it is fast.", "SpargeAttn is 2.5x faster [1]."])
    answer = agent_assistant.ask("How much does SpargeAttn speed up inference?")
    assert any("called no tool" in n for n in answer.notes)
    assert "I know this one" not in answer.text and answer.citations[0].arxiv_id == SPARGE


def test_model_failure_falls_back_to_extractive_and_never_logs_the_key(
    agent_assistant, openai_server, caplog
):
    openai_server.script([Behaviour("500", text=f"upstream says the key {KEY} is bad")])
    with caplog.at_level(logging.DEBUG):
        answer = agent_assistant.ask("How much does SpargeAttn speed up inference?")
    assert answer.mode == "extractive" and answer.citations
    assert any("LLM server error (500)" in n for n in answer.notes)
    assert openai_server.chat_requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in caplog.text and KEY not in str(answer.to_json())


def test_follow_up_sees_the_history_without_a_rewrite(agent_assistant, openai_server):
    openai_server.script(
        [
            ToolCalls(("paper", {"ref": "SpargeAttn"})),
            "SpargeAttn is a training-free sparse attention [1].",
            ToolCalls(("paper", {"ref": SPARGE})),
            "It is 2.5x to 5x faster [1].",
        ]
    )
    conversation = agent_assistant.chat()
    conversation.ask("What does SpargeAttn do?")
    answer = conversation.ask("How much faster is it?")
    assert answer.citations[0].arxiv_id == SPARGE
    assert answer.question == "How much faster is it?"
    requests = openai_server.chat_requests
    assert len(requests) == 4  # no separate condense call
    roles = [(m["role"], m.get("content")) for m in requests[2].messages]
    assert ("user", "What does SpargeAttn do?") in roles
    earlier = next(c for r, c in roles if r == "assistant")
    assert "training-free" in earlier and f"(arXiv {SPARGE})" in earlier
    assert roles[-1] == ("user", "How much faster is it?")


@pytest.mark.parametrize("retries", [0, 1])
def test_rate_limit_is_retried_before_anything_is_shown(seed_settings, openai_server, retries):
    assistant = Assistant(
        seed_settings.model_copy(
            update={
                "answer_mode": "llm",
                "openai_base_url": openai_server.url,
                "llm_model": "scripted-model",
                "llm_timeout": 5.0,
                "llm_max_retries": retries,
            }
        )
    )
    openai_server.script(
        [
            Behaviour("429", retry_after=0.01),
            ToolCalls(("paper", {"ref": "SpargeAttn"})),
            "SpargeAttn [1].",
        ]
    )
    answer = assistant.ask("What is SpargeAttn?")
    if retries:
        assert answer.mode == "llm" and not answer.notes
        assert [s.tool for s in answer.steps] == ["paper"]
    else:
        assert answer.mode == "extractive" and "rate-limited" in answer.notes[0]
