"""The archive's own Korean-English vocabulary (`assistant.index.bilingual`): the English a
Korean summary writes in brackets beside its words, aligned word by word, kept when papers
agree on it, and used to read Korean questions beside the hand-made glossary."""

from __future__ import annotations

from assistant.index.bilingual import renderings, vocabulary
from assistant.understand.glossary import Glossary


def test_a_bracketed_english_term_is_aligned_word_by_word_with_the_korean_before_it():
    summary = (
        "대표적인 접근 방식은 머신 언러닝(machine unlearning)입니다. 깊이 추정 (depth estimation; "
        "DE)을 개선하고, 환각(Hallucination)을 줄입니다. 이 모델(a very long english gloss "
        "of many words) 설명."
    )
    assert renderings(summary) == {
        ("머신", "machine"),
        ("언러닝", "unlearning"),
        ("깊이", "depth"),
        ("추정", "estimation"),
        ("환각", "hallucination"),
    }


def test_the_rendering_is_the_english_most_papers_agree_on():
    rows = [
        ("탈옥", "jailbreak", 2),
        ("탈옥", "jailbreaking", 1),  # the same word, inflected: counted together
        ("탈옥", "attack", 1),
        ("보기", "multiview", 2),  # glossed by 2 of the 40 papers that have the word
        ("패칭", "patching", 1),  # one paper only
        ("정렬", "alignment", 2),
        ("정렬", "sorting", 2),  # no majority
    ]
    papers = {"탈옥": 5, "보기": 40, "패칭": 1, "정렬": 6}
    learned = vocabulary(rows, lambda word: papers[word])
    assert learned == {"탈옥": "jailbreak"}


def test_learned_words_read_a_korean_question_beside_the_glossary():
    glossary = Glossary({"하이퍼네트워크": "hypernetwork", "탈옥": "jailbreak"})
    # a word by the noun it names ("탈옥을"), the hand-made terms as before ("강화학습")
    assert glossary.expand("강화학습으로 탈옥을 막는 논문") == (
        "강화학습으로 탈옥을 막는 논문 (reinforcement learning jailbreak)"
    )
    assert "hypernetwork" in glossary.translate("하이퍼네트워크로 만든 논문").split()
    assert Glossary().expand("하이퍼네트워크로 만든 논문") == "하이퍼네트워크로 만든 논문"


def test_a_store_learns_its_vocabulary_from_its_korean_digests(seed_assistant):
    """The seeds' Korean digest writes "주의 (attention)" beside its words often enough."""
    derived = seed_assistant.catalog.derived
    assert ("주의", "attention", 3) in derived.renderings()
    assert seed_assistant.retriever.glossary.learned.get("주의") == "attention"
