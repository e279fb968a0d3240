"""The Korean ML vocabulary appended to Korean questions before retrieval."""

from __future__ import annotations

import pytest

from assistant.understand.glossary import expand


@pytest.mark.parametrize(
    "question, present, absent",
    [
        # the longer term wins: decoding is not coding
        ("2025년 4월 스펙큘레이티브 디코딩 논문", "decoding", "code"),
        ("인코딩 방식 비교", "encoding", "code"),
        ("코딩 에이전트 논문", "coding", "decoding"),
        ("강화학습 논문", "reinforcement learning", "training"),
    ],
)
def test_the_longest_korean_term_is_expanded(question, present, absent):
    expanded = expand(question)
    assert present in expanded
    assert absent not in expanded.removeprefix(question)
