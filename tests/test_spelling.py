"""Typos in offline questions are read as the archive's words, and the answer says so."""

from __future__ import annotations

import pytest

from assistant.index.spelling import Spelling
from assistant.understand.intents import example_words


@pytest.fixture(scope="module")
def spelling(seed_assistant):
    return Spelling(seed_assistant.catalog.derived)


@pytest.mark.parametrize(
    "question, fixed, corrections",
    [
        ("atention papers", "attention papers", [("atention", "attention")]),
        ("sparse atention kernels?", "sparse attention kernels?", [("atention", "attention")]),
        # typed with a capital, it stays one: a name the question then names (b93:
        # "Mixtrel 8x7B랑 DeepSeekMoE" had read "mixtral", which names no paper)
        ("Atention", "Attention", [("Atention", "Attention")]),
        ("ATENTION kernels", "ATTENTION kernels", [("ATENTION", "ATTENTION")]),
    ],
)
def test_a_word_no_paper_and_no_dictionary_has_is_read_as_the_nearest_word(
    spelling, question, fixed, corrections
):
    text, done = spelling.correct(question)
    assert text == fixed
    assert [(c.written, c.read_as) for c in done] == corrections


@pytest.mark.parametrize(
    "question",
    [
        "best horse racing predictor?",  # English words the archive lacks: no typos
        "lemme see attention papers",  # too short to tell from slang
        "miniF2F pass rate",  # an identifier
        "what's the key idea in WaveNet?",  # a coined name (was: read as "wavelet")
        "SpargeAttn speedup",  # the archive's own word
        "어텐션 논문",  # Korean is left alone
    ],
)
def test_real_words_names_and_short_words_are_left_alone(spelling, question):
    assert spelling.correct(question) == (question, [])


def test_the_answer_says_how_a_typo_was_read_and_off_topic_stays_refused(seed_assistant):
    answer = seed_assistant.ask("any papers on sparse atention kernels?", mode="extractive")
    assert not answer.refused and answer.citations[0].title.startswith("SpargeAttn")
    assert answer.notes == ["Read 'atention' as 'attention'."]
    assert answer.question == "any papers on sparse atention kernels?"
    korean = seed_assistant.ask("sparse atention 논문", mode="extractive")
    assert korean.notes == ["'atention'를 'attention'(으)로 읽었습니다."]
    off = seed_assistant.ask("best horse racing predictor?", mode="extractive")
    assert off.refused and not off.notes


def test_a_short_asking_word_missing_a_letter_is_read_as_that_word(seed_assistant):
    """b87: "which robotics paper got the most vots in june 2024?" ranked every paper of
    the month ('robotics vots' no topic): "vots" is "votes" with a letter left out. Read so
    even where its stem is a paper's word ("vot", as VOT is), but not where two papers
    write it as written, nor a dictionary word ("bots", "vote")."""
    spelling = Spelling(seed_assistant.catalog.derived, asking=example_words())
    question = "which paper got the most vots on 2025-02-20?"  # (English: no votes)
    assert spelling.correct(question)[0] == "which paper got the most votes on 2025-02-20?"
    assert spelling.correct("papers on chat bots")[1] == []
    # a capital makes it a name (seeds_test: "What papers did Lidong Bing co-author?" was
    # read as "Lidong bring")
    assert spelling.correct("What papers did Lidong Bing co-author?")[1] == []
    answer = seed_assistant.ask(question, mode="extractive")
    assert answer.notes == ["Read 'vots' as 'votes'."] and "vote counts" in answer.text


@pytest.mark.parametrize(
    "question, fixed",
    [
        ("waht was in the 2025-02-20 digest?", "what was in the 2025-02-20 digest?"),
        ("whcih papers came out on 2025-02-20?", "which papers came out on 2025-02-20?"),
        # a longer asking word no paper writes (b101: "Summarize the digset from ..." was
        # refused)
        ("Summarize the digset from 2025-02-20", "Summarize the digest from 2025-02-20"),
    ],
)
def test_a_short_asking_word_with_two_letters_swapped_is_read_as_that_word(
    seed_assistant, question, fixed
):
    """Was: "waht was in the apr 19th 2024 digest?" searched the topic "waht" and was
    refused (a four-letter word was never corrected). Only an asking word of the example
    phrasings, only two neighbouring letters swapped: "Gork" or "lemme" stay."""
    spelling = Spelling(seed_assistant.catalog.derived, asking=example_words())
    assert spelling.correct(question)[0] == fixed
    assert spelling.correct("Gork 3 score? lemme know")[1] == []
    answer = seed_assistant.ask(question, mode="extractive")
    day = seed_assistant.tools.count_papers("2025-02-20", "2025-02-20").data["total"]
    assert not answer.refused and len(answer.citations) == day


def test_a_hangul_word_after_a_number_is_its_unit_no_name(tmp_path):
    """b102: "2024년 2월에 나온 1비트급 LLM 양자화 논문들" read 비트급 as the name VidKV (same
    consonants) and refused: "no digest mentions 1VidKV"."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-03-21",
        [("VidKV: 1.x-Bit KV Cache Quantization", "2503.16257", "VidKV quantizes the KV cache.")],
    )
    spelling = Spelling(
        assistant.catalog.derived, has_korean=assistant.retriever.lexical.has_korean
    )
    assert spelling.names_in_hangul("비트급 논문")[0] == "VidKV 논문"  # (as the names read)
    assert spelling.names_in_hangul("1비트급 LLM 양자화 논문") == ("1비트급 LLM 양자화 논문", [])


def test_a_three_letter_word_with_two_letters_swapped_is_read_when_only_one_fits(
    seed_assistant,
):
    """b115: "how big is teh model?" after a question on a paper lost the paper ("teh", a
    three-letter word, was never read as "the"). "hwo" is how or who: left alone."""
    spelling = Spelling(seed_assistant.catalog.derived, asking=example_words())
    assert spelling.correct("how big is teh model?")[0] == "how big is the model?"
    assert spelling.correct("hwo wrote it?")[1] == []
    assert spelling.correct("The TEH dataset")[1] == []  # (in capitals: a name)
    conversation = seed_assistant.chat()
    conversation.ask("What is SWE-RL about?", mode="extractive")
    answer = conversation.ask("how much did teh model score?", mode="extractive")
    assert answer.citations[0].title.startswith("SWE-RL"), answer.text
    assert answer.notes == ["Read 'teh' as 'the'."], answer.notes
