"""The Assistant in LLM mode with a server that cannot call tools, end to end: the agent is
refused, so the fixed pipeline answers (real retrieval over the seed store, the real openai
client through llama-index, a scripted OpenAI-compatible server on 127.0.0.1).
The agent itself is tested in test_agent.py.

What must hold whatever the model does: links come from the store, invented citations
vanish, failures fall back to the extractive answer with a note, the refusal sentinel
refuses, follow-ups are condensed by the model.
"""

from __future__ import annotations

import re

import pytest
from openai_server import Behaviour

from assistant import Assistant
from assistant.answer.citations import CANNOT_ANSWER

SPARGE = "2502.18137"
QUESTION = "How much does SpargeAttn speed up inference?"


@pytest.fixture
def llm_assistant(seed_settings, openai_server):
    openai_server.reject_tools = True  # no tool calling: the fixed pipeline answers
    settings = seed_settings.model_copy(
        update={
            "answer_mode": "llm",
            "openai_base_url": openai_server.url,
            "llm_model": "scripted-model",
            "llm_timeout": 2.0,
            "llm_max_retries": 0,
        }
    )
    return Assistant(settings)


def _links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s)\]]+", text)


def test_llm_answer_cites_store_papers_only(llm_assistant, openai_server):
    openai_server.script(
        [
            "SpargeAttn reaches a 2.5x to 5x speedup [1] (see [Paper](https://evil.example/p) "
            "and https://arxiv.org/abs/9999.99999) [7]."
        ]
    )
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "llm" and not answer.refused
    assert "2.5x" in answer.text
    assert "[7]" not in answer.text and "evil.example" not in answer.text
    assert "9999.99999" not in answer.markdown()
    assert [c.arxiv_id for c in answer.citations] == [SPARGE]
    catalog = llm_assistant.catalog
    for link in _links(answer.markdown()):
        assert link.removeprefix("https://arxiv.org/abs/") in catalog
    # the prompt carried numbered excerpts and no links for the model to copy
    assert "the model cannot call tools" in answer.notes[-1]
    body = openai_server.requests[-1].body
    prompt = "\n".join(m["content"] for m in body["messages"])
    assert "[1]" in prompt and "SpargeAttn" in prompt


def test_streaming_yields_chunks_then_checked_answer(llm_assistant, openai_server):
    openai_server.script([Behaviour("stream", text="SpargeAttn is 2.5x to 5x faster [1] [4].")])
    items = list(llm_assistant.stream(QUESTION))
    chunks, final = items[:-1], items[-1]
    assert len(chunks) >= 2 and all(isinstance(c, str) for c in chunks)
    assert final.mode == "llm" and final.citations
    assert all(c.n <= len(final.sources) for c in final.citations)


@pytest.mark.parametrize("failure", ["500", "malformed", "slow"])
def test_llm_failure_falls_back_to_extractive(llm_assistant, openai_server, failure):
    openai_server.script([Behaviour(failure, delay=3.0)])
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "extractive" and not answer.refused
    assert answer.notes and "extractive" in answer.notes[0]
    assert "2.5x" in answer.text and answer.citations[0].arxiv_id == SPARGE


def test_uncited_model_answer_is_replaced(llm_assistant, openai_server):
    openai_server.script(["It is very fast, trust me."])
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "extractive" and answer.citations
    assert "trust me" not in answer.text


def test_model_refusal_sentinel_refuses(llm_assistant, openai_server):
    openai_server.script([CANNOT_ANSWER])
    answer = llm_assistant.ask(QUESTION)
    assert answer.refused and not answer.citations and not answer.sources


def test_off_topic_is_refused_before_any_answer_call(llm_assistant, openai_server):
    answer = llm_assistant.ask("What is a good recipe for sourdough bread?")
    assert answer.refused and not answer.citations
    assert all(r.tools for r in openai_server.requests)  # only the agent's (rejected) call


def test_followup_is_condensed_by_the_model(llm_assistant, openai_server):
    openai_server.script(
        [
            "SpargeAttn is a training-free sparse attention method [1].",
            "How much faster is SpargeAttn than dense attention?",  # the condense call
            "It is 2.5x to 5x faster [1].",
        ]
    )
    conv = llm_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    answer = conv.ask("How much faster is it?")
    assert answer.standalone_question == "How much faster is SpargeAttn than dense attention?"
    assert answer.citations[0].arxiv_id == SPARGE
    answered = [r for r in openai_server.chat_requests if not r.tools]  # past the agent
    condense_prompt = "\n".join(m["content"] for m in answered[1].body["messages"])
    assert "What does SpargeAttn do?" in condense_prompt
