"""The Korean ML vocabulary appended to Korean questions before retrieval."""

from __future__ import annotations

import pytest

from assistant.understand import glossary
from assistant.understand.glossary import expand


@pytest.mark.parametrize(
    "question, present, absent",
    [
        # the longer term wins: decoding is not coding
        ("2025년 4월 스펙큘레이티브 디코딩 논문", "decoding", "code"),
        ("인코딩 방식 비교", "encoding", "code"),
        ("코딩 에이전트 논문", "coding", "decoding"),
        ("강화학습 논문", "reinforcement learning", "training"),
        # a compound written without its spaces is the same term (was: "언어모델" unknown)
        ("diffusion 언어모델 논문", "language model", "large"),
        ("대형언어모델 환각", "large language model", "xx"),
        ("추천시스템 논문", "recommender system", "xx"),
    ],
)
def test_the_longest_korean_term_is_expanded(question, present, absent):
    expanded = expand(question)
    assert present in expanded
    assert absent not in expanded.removeprefix(question)


def test_a_transliterated_term_is_not_unknown_when_the_archive_has_its_english(seed_assistant):
    """Was: "2024년 7~8월에 할루시네이션 다룬 논문 몇 개?" counted no paper: no digest writes
    할루시네이션, so it weighed as a word the archive has never seen, though the glossary
    reads it as 'hallucination', which the archive has."""
    from assistant.understand.query import analyse

    assert glossary.translate("할루시네이션 줄이는 논문").split()[0] == "hallucination"
    question = "할루시네이션 다룬 논문"
    info = analyse(question)
    assert seed_assistant.retriever._unknown(question, info) == 0.0
    assert seed_assistant.retriever._unknown("주택담보대출 논문", analyse("주택담보대출 논문")) > 0


def test_a_claim_is_read_in_each_word_a_summary_writes_for_it():
    from assistant.understand.glossary import alike

    readings = alike("speed up attention")
    assert "speedup up attention" in readings and "faster up attention" in readings
    assert "accelerate up attention" in readings
    assert alike("faster attention")[0] == "speed attention"
    assert alike("speed-up of attention")[0] == "speedup of attention"
    assert alike("video generation") == []
