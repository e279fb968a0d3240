"""Names written in Hangul read as the papers write them (assistant/index/hangul.py)."""

from __future__ import annotations

import pytest

from assistant.index.hangul import (
    HangulNames,
    LoanWords,
    hangul_sounds,
    latin_readings,
    latin_sounds,
)

NAMES = HangulNames(
    [
        *("DeepSeek-R1", "EXAONE 3.5", "Kanana", "Gemini 1.5", "OmniGen", "HyperCLOVA X"),
        *("PokerBench", "Crowd", "VLOGGER", "Kosmos-2"),
        *("SageAttention2", "XCoder", "Mini-Omni", "HunyuanProver", "CORE-Bench", "ColorBench"),
        *("StarCoder", "rStar-Coder", "X-Dreamer", "XAttention", "Inflation", "Trillion 7B"),
        *("VideoCon", "ControlNet", "MaskLID"),
    ]
)


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("딥시크", "DeepSeek"),  # the head of "DeepSeek-R1"
        ("엑사원", "EXAONE"),  # x is ks; the name starts with a vowel, as 엑 does
        ("카나나", "Kanana"),
        ("제미나이", "Gemini"),  # a soft g
        ("옴니젠", "OmniGen"),
        ("하이퍼클로바", "HyperCLOVA"),  # was 0.84 alike: "hy" is 하이, "per" 퍼
        ("포커벤치", "PokerBench"),
        # (b122) "-tion" is 션; a hyphenated name's words together; the one name of a
        # long consonant skeleton, its vowels written loosely
        ("세이지어텐션", "SageAttention"),
        ("미니옴니", "Mini-Omni"),
        ("훈위안프루버", "HunyuanProver"),
        ("컨트롤넷", "ControlNet"),  # a final ㅅ is a t, as loanwords write one
        ("스타코더", "StarCoder"),  # (review: rStar-Coder's words joined had tied with it)
    ],
)
def test_a_name_written_in_hangul_is_that_name(word, name):
    assert NAMES.name_of(word) == name


@pytest.mark.parametrize(
    "word",
    [
        "클로드",  # Claude: no paper's name; "Crowd" has its consonants, not its sounds
        "엽록체",  # chloroplast: a Korean word, nothing like "VLOGGER" but in its consonants
        "라마",  # two syllables: too often an ordinary Korean word
        "코스모스모",
        "컬러벤치",  # ColorBench, or as near CORE-Bench: two names of its consonants
        "마스크렛",  # a masklet: too short a word to read loosely as MaskLID
        "엑스트림",  # extreme, not X-Dreamer; 엑스텐션: an extension, not XAttention (review)
        "엑스텐션",
        "인플레이션",  # inflation, a word: "Inflation" heads a title, and is a word too
        "비트코인",  # Bitcoin: VideoCon's consonants, but a vowel between its t and k
    ],
)
def test_a_word_that_writes_no_name_is_none(word):
    assert NAMES.name_of(word) is None


def test_a_word_of_the_language_is_a_name_only_with_a_version_after_it():
    """Review: 인플레이션 (inflation) had been read as "Inflation", the head of a title; a
    long English word is a name only written with a version or size ("트릴리온 7B")."""
    assert NAMES.name_of("트릴리온") is None
    assert NAMES.name_of("트릴리온", versioned=True) == "Trillion"
    assert NAMES.name_of("인플레이션") is None


def test_korean_hears_english_consonants_by_class():
    assert hangul_sounds("딥시크") == latin_sounds("DeepSeek") == "tipsik"
    # a y between consonants is 아이, an r after a vowel is silent, ㅓ is English's e
    assert hangul_sounds("하이퍼클로바") == latin_sounds("HyperCLOVA") == "haipeklopa"


def test_english_vowels_are_heard_as_korean_loanwords_write_them():
    """b141: "젠핸서" (GenHancer), "코드아크" (CodeARC), "올모트레이스" (OLMoTrace) and "젠리칼"
    (GenRecal) read as no name: Korean writes "a" before two consonants as 애 (핸), a
    silent e as nothing (코드), "a" then a silent e as 에이 (트레이스), a first "e" as 이
    (리). The letters' reading stays one of the ways a name is heard."""
    names = HangulNames(["GenHancer", "CodeARC", "OLMoTrace", "GenRecal", "Kanana", "CoordTok"])
    assert names.name_of("젠핸서") == "GenHancer"
    assert names.name_of("코드아크") == "CodeARC"
    assert names.name_of("올모트레이스") == "OLMoTrace"
    assert names.name_of("젠리칼") == "GenRecal"
    assert names.name_of("카나나") == "Kanana"  # (as its letters read)
    assert latin_sounds("CodeARC") in latin_readings("CodeARC")
    assert {"kotak", "kotik"} <= latin_readings("CodeARC")
    # a soft c stays an s ("place" has no z: "브라우저" had been read as it), a hard g a k
    # however a rule leaves it ("gate" 게이트)
    assert not any("j" in r for r in latin_readings("place"))
    assert "keit" in latin_readings("gate") and "jeit" not in latin_readings("gate")
    # a word that reads as a predicate is heard as a name by the name's letters only
    # (b66-003: "들어있어", "is in it", had been read as TRACE)
    traced = HangulNames(["TRACE", "Mini-Omni"])
    assert traced.name_of("들어있어") == "TRACE"  # (heard as English vowels sound)
    assert traced.name_of("들어있어", letters=True) is None
    assert traced.name_of("미니옴니", letters=True) == "Mini-Omni"
    loans = LoanWords(["place", "phrases", "interactive", "hallucination"])
    assert loans.get("브라우저") is None
    assert loans.get("인터랙티브") == "interactive"


def test_a_question_names_the_paper_it_writes_in_hangul(seed_assistant):
    """Was: "메이소닉 저자가 누구야?" (who wrote Meissonic?) was refused: no digest writes
    메이소닉. The answer says how the word was read."""
    answer = seed_assistant.chat().ask("메이소닉 저자가 누구야?")
    assert [c.arxiv_id for c in answer.citations] == ["2410.08261"]
    assert any("Meissonic" in note for note in answer.notes)
    # a version or letter glued on stays apart from the name ("하이퍼클로바X": HyperCLOVA X)
    assert seed_assistant.spelling.correct("메이소닉2 저자")[0] == "Meissonic 2 저자"
    # a Korean word that writes no name is left as written
    text, read = seed_assistant.spelling.correct("어텐션 논문")
    assert (text, read) == ("어텐션 논문", [])
    # and so is one the question glosses with its Latin name (review: "드래곤(DRAGON)" read
    # twice, as a count of the papers on "DRAGON DRAGON")
    text, read = seed_assistant.spelling.correct("메이소닉(Meissonic) 저자가 누구야?")
    assert (text, read) == ("메이소닉(Meissonic) 저자가 누구야?", [])


def test_a_name_written_in_hangul_starts_a_new_subject(seed_assistant):
    """Was: "엑사원 3.5 최대 컨텍스트 길이 알려줘" after a listing was read as a follow-up
    on the listing's first paper ("EXAONE 3.5 ... (Fractured Chain-of-Thought Reasoning)"):
    the follow-up rules saw no name in the Hangul word."""
    chat = seed_assistant.chat()
    chat.ask("How much faster is SpargeAttn?")
    answer = chat.ask("메이소닉 성능 어때?")  # was: about SpargeAttn, Meissonic its aside
    assert [c.arxiv_id for c in answer.citations] == ["2410.08261"]
    assert any("Meissonic" in note for note in answer.notes)


def test_a_hangul_word_with_a_names_capitals_glued_after_it_is_that_name():
    """b135: "마스크DPO 논문에서 ... 얼마나 올랐어?" was refused: the Hangul head of a name
    whose tail is capitals ("Mask-DPO", "LegoGPT") is read by the capitals written after it."""
    names = HangulNames(["Mask-DPO", "LegoGPT", "DeepSeek-R1"])
    assert names.head_of("마스크", "DPO") == "Mask-"
    assert names.head_of("레고", "GPT") == "Lego"
    assert names.head_of("마스크", "GPT") is None  # no name of that head and those capitals
    assert names.head_of("레고", "RL") is None


def test_sch_is_heard_as_sk():
    """b135: "스칼라코파일럿" is ScholarCopilot ("sch" is 스크 / 스ㅋ, as in 스키마)."""
    assert HangulNames(["ScholarCopilot"]).name_of("스칼라코파일럿") == "ScholarCopilot"


def test_a_loanword_in_hangul_reads_as_the_english_word_it_writes():
    """b135: "집안일 전신 매니퓰레이션하는 로봇 스위트 (JoyLo 텔레오퍼레이션 ...)" found no
    English-only paper by its loanwords; they read as the papers' English words when one is
    clearly nearest, and a short word is read as none ("스위트" is as near "third")."""
    loans = LoanWords(["manipulation", "teleoperation", "deliberation", "third", "suite"])
    assert loans.get("매니퓰레이션") == "manipulation"
    assert loans.get("텔레오퍼레이션") == "teleoperation"
    assert loans.get("스위트") is None
    assert loans.get("집안일") is None
