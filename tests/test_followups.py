"""Follow-ups offline keep their subject (issue 11 item 5), over the seed store.

The previous answer's cited papers, all of them and in their [n] order, are what "the
second one", "those", "both", "그 논문", "두 번째 논문" resolve to (`references`), and a
model named inside a follow-up that points back ("that setup", "그 설정") does not take
over the subject.
"""

from __future__ import annotations

import re

import pytest

from assistant.understand.condense import rule_based_condense
from assistant.understand.references import back_pointer, previous_refs

SPARGE = "2502.18137"
SWE_RL = "2502.18449"


def _korean_padded_archive(tmp_path, day: str, rows: list[tuple[str, str, str]]):
    """An assistant over one digest of `day` with these (title, id, summary) rows and 200
    unrelated Korean ones, so that its Korean words are as rare as a real archive's."""
    from conftest import english_archive, unrelated_rows

    return english_archive(
        tmp_path, day, [*rows, *unrelated_rows(200, "로봇 {n}번 실험 결과입니다.")]
    )


@pytest.mark.parametrize(
    "question, expected",
    [
        ("and the second one?", ["b"]),
        ("and the runner-up?", ["b"]),  # of a ranking (b80: had been a new search)
        ("the third paper: who wrote it?", ["c"]),
        ("what about the last one?", ["e"]),
        ("두 번째 논문은 뭐야?", ["b"]),
        ("세 번째 것 요약해줘", ["c"]),
        ("compare those", ["a", "b", "c", "d", "e"]),
        ("compare both", ["a", "b", "c", "d", "e"]),
        ("그 논문들 비교해줘", ["a", "b", "c", "d", "e"]),
        ("그 논문 저자는?", ["a"]),
        ("그 중에 코드 공개된 거 있어?", ["a", "b", "c", "d", "e"]),
        ("이 중에서 제일 빠른 건?", ["a", "b", "c", "d", "e"]),
        ("How much did DeepSeek-R1's accuracy drop under that setup?", ["a"]),
        ("그 설정에서 DeepSeek-R1의 정확도는?", ["a"]),
        ("What was the first paper to use RL for theorem proving?", []),
        ("a second look at sparse attention", []),
        ("papers about video generation", []),
        ("2월 11일 다이제스트 인기 1위 논문은?", []),  # "1위 논문" is no "위 논문"
        # several positions at once, in the order written
        ("compare the first two", ["a", "b"]),
        ("compare the first and the third", ["a", "c"]),
        ("#1 vs #3", ["a", "c"]),
        ("1위랑 2위 비교해줘", ["a", "b"]),
        ("첫 번째랑 세 번째 논문 차이는?", ["a", "c"]),
        ("처음 두 개 비교해줘", ["a", "b"]),
        ("compare 2nd and last", ["b", "e"]),
        ("1위랑 비슷한 논문 더 있어?", ["a"]),
        ("which one has code?", ["a", "b", "c", "d", "e"]),
        ("둘 중 코드 있는 건?", ["a", "b", "c", "d", "e"]),
        ("the first two days of May", []),  # no positions
        ("top 3 papers on agents", []),
        ("first, tell me about the second one", ["b"]),  # not joined: one position
        # the two, with a particle (b102: "둘이 MATH-500 점수 비교하면?" after DeepSeek-R1 and
        # Kimi k1.5 answered of Kimi k1.5 alone)
        # (of a longer list, its first two: review of the first reading, every paper)
        ("둘이 MATH-500 점수 비교하면?", ["a", "b"]),
        ("둘은 뭐가 달라?", ["a", "b"]),
        ("걔네 둘 비교해줘", ["a", "b"]),
        ("걔네 코드 있어?", ["a", "b", "c", "d", "e"]),  # (they: all)
        # spoken "that one" (b105: "걔 몇 개 언어 지원한다고 했어?" after MiniCPM-V)
        ("걔 몇 개 언어 지원한다고 했어?", ["a"]),
        # (strong: the first of a list, not the one whose words the question shares most:
        # review, "얘 핵심 결과만" after a list of 1.58-bit papers had found LLM-ABR)
        ("얘 핵심 결과만", ["a"]),
    ],
)
def test_pointers_pick_the_previous_papers_in_order(question, expected):
    assert previous_refs(question, ["a", "b", "c", "d", "e"]) == expected


def test_a_named_pointer_is_strong_a_bare_pronoun_weak():
    assert back_pointer("under that setup?").strong
    assert back_pointer("그 논문 저자는?").strong
    # (spoken: the first of a list, not a word match; weak: a paper the question names wins)
    assert back_pointer("얘 핵심 결과만").spoken and not back_pointer("얘 핵심 결과만").strong
    assert not back_pointer("how fast is it?").strong
    # b91: an English term between ("그 instruction tuning 데이터셋") had been no pointer,
    # and the question a count of the papers on 'instruction tuning 데이터셋 이름은'
    pointer = back_pointer("그 instruction tuning 데이터셋 이름은 뭐였어?")
    assert pointer.strong and pointer.words == "그 instruction tuning 데이터셋"


@pytest.mark.parametrize(
    "question",
    [
        "who wrote that paper about running LLMs bigger than DRAM from flash memory?",
        "where's the code for the paper that compresses KV cache by chunking semantically?",
        "what did the method proposing block-sparse attention get?",
    ],
)
def test_a_paper_described_is_no_pointer_back(question):
    # was: the paper talked about (a described paper is another one, found by its words)
    assert back_pointer(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # b168 (blind): "how big are the two decoders ...?" after Dolphin (and its namesake)
        # asked "big decoders" of both papers shown: two parts of one paper, no pointer
        "how big are the two decoders, and what energy gain did they claim?",
        "what do the three stages do?",
        # b169 (blind): a set its own words define, no papers of the answer before
        # ("list the papers in the English digest for 2025-06-20" had asked "which paper?")
        "list the papers in the English digest for 2025-06-20",
        "show the papers from March 2025",
    ],
)
def test_parts_of_a_paper_or_a_set_defined_are_no_plural_pointer(question):
    pointer = back_pointer(question)
    assert pointer is None or pointer.words not in ("the two", "the three", "the papers")


@pytest.mark.parametrize(
    "question",
    [
        "how do the two compare?",
        "the two models: which is faster?",
        "summarize the papers",
        # (the review: plurals that are papers, and the papers of the answer)
        "how big are the two LLMs?",
        "how many tasks do the two agents solve?",
        "summarize the papers that you listed",
        "which of the papers in your answer has more votes?",
    ],
)
def test_the_two_or_the_papers_alone_still_point_back(question):
    assert back_pointer(question) is not None


def test_a_pointer_with_a_preposition_still_points_back():
    assert back_pointer("who wrote that paper?").strong
    assert back_pointer("how fast is that method on Llama?").strong
    assert back_pointer("what does the model get on MMLU?") is not None


def test_the_rewrite_keeps_the_question_and_names_the_subject_with_its_id(seed_assistant):
    catalog = seed_assistant.catalog
    question = "How much did SWE-RL's accuracy drop under that setup?"
    out = rule_based_condense(question, [SPARGE, SWE_RL], catalog)
    assert out.startswith("How much did SWE-RL's accuracy drop under that setup (SpargeAttn")
    assert f"arXiv {SPARGE}" in out and f"arXiv {SWE_RL}" not in out
    # a weak pronoun in a question that names its own subject points nowhere
    own = "What is SWE-RL and how does it work?"
    assert rule_based_condense(own, [SPARGE], catalog) == own
    # "those": every previous paper, in order
    both = rule_based_condense("who wrote those?", [SPARGE, SWE_RL], catalog)
    assert both.index(SPARGE) < both.index(SWE_RL)
    # a short follow-up naming nothing continues the subject; a new topic question does not
    assert SPARGE in rule_based_condense("and on Llama?", [SPARGE], catalog)
    new = "papers on video generation?"
    assert rule_based_condense(new, [SPARGE], catalog) == new


@pytest.mark.parametrize(
    "turns, rewritten, authors_of",
    [
        (["who wrote SWE-RL?", "and SpargeAttn?"], "who wrote SpargeAttn?", SPARGE),
        (
            ["who wrote SWE-RL?", "what about the SpargeAttn paper?"],
            "who wrote SpargeAttn?",
            SPARGE,
        ),
        (["SWE-RL 저자 누구야?", "그럼 SpargeAttn은?"], "SpargeAttn 저자 누구야?", SPARGE),
        # asked again of each in turn: the question asked, not the last "and ...?"
        (["who wrote SWE-RL?", "and SpargeAttn?", "and SWE-RL?"], "who wrote SWE-RL?", SWE_RL),
        # the question as it was read when it pointed back ("the first one": OmniAlign-V)
        (
            ["Which paper got the most votes?", "who wrote the first one?", "and SpargeAttn?"],
            f"who wrote the first one (SpargeAttn, arXiv {SPARGE})?",
            SPARGE,
        ),
    ],
)
def test_a_follow_up_naming_another_paper_asks_the_same_of_it(
    seed_assistant, turns, rewritten, authors_of
):
    """Was: "and DeepSeek-R1?" after "who wrote SWE-RL?" summarised DeepSeek-R1, and "and
    the AlphaOne paper from the same day?" after "summarize ProRL" gave AlphaOne's code
    links: a follow-up that names a paper and asks nothing of its own asks the last
    question again, of that paper."""
    conv = seed_assistant.chat()
    for turn in turns[:-1]:
        conv.ask(turn)
    answer = conv.ask(turns[-1])
    assert answer.standalone_question == rewritten
    assert [s.tool for s in answer.steps] == ["paper"]
    names = seed_assistant.catalog.papers[authors_of].authors
    assert [c.arxiv_id for c in answer.citations] == [authors_of] and names[0] in answer.text


@pytest.mark.parametrize(
    "own",
    [
        "and SWE-RL's SWE-bench Verified score?",  # asks its own
        "and on SWE-RL?",  # a place ("And on SIMPLER?": the paper talked about, there)
        "SWE-RL에서는?",
    ],
)
def test_a_follow_up_naming_a_paper_and_asking_its_own_is_not_asked_again(seed_assistant, own):
    from assistant.understand.condense import _asked_again_of

    earlier = ["What does SpargeAttn do?"]
    assert _asked_again_of(own, earlier, seed_assistant.catalog) is None


def test_a_model_named_in_a_follow_up_with_a_back_pointer_keeps_the_subject(seed_assistant):
    conv = seed_assistant.chat()
    first = conv.ask("What does SpargeAttn do?")
    assert first.citations[0].arxiv_id == SPARGE
    follow = conv.ask("How did SWE-RL do under that setup?")
    assert follow.citations[0].arxiv_id == SPARGE
    korean = seed_assistant.chat()
    korean.ask("SpargeAttn은 무엇을 하나요?")
    answer = korean.ask("그 설정에서 SWE-RL 성능은 어땠어?")
    assert answer.citations[0].arxiv_id == SPARGE


@pytest.mark.parametrize(
    "question",
    [
        "how does it compare to SWE-RL?",
        "how does it stack up against SWE-RL?",
        "compare w/ SWE-RL",
        "SWE-RL이랑 비교하면?",
    ],
)
def test_comparing_with_one_named_paper_compares_it_with_the_subject(seed_assistant, question):
    conv = seed_assistant.chat()
    assert conv.ask("What does SpargeAttn do?").citations[0].arxiv_id == SPARGE
    answer = conv.ask(question)
    assert {c.arxiv_id for c in answer.citations} == {SPARGE, SWE_RL}, answer.text


def test_a_comparison_naming_both_papers_or_none_is_left_alone(seed_assistant):
    catalog = seed_assistant.catalog
    both = "compare SpargeAttn and SWE-RL"
    assert rule_based_condense(both, [SPARGE], catalog) == both
    # one paper's own figure, no comparison: the question's own paper only
    own = "how fast is SWE-RL?"
    assert rule_based_condense(own, [SPARGE], catalog) == own


def test_those_and_the_second_one_resolve_to_a_listing_in_order(seed_assistant):
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    assert len(shown) > 2
    assert conv.previous_papers() == shown  # all of them, not just two
    authors = conv.ask("who wrote those?")
    assert [s.tool for s in authors.steps] == ["paper"] * len(shown)
    assert [c.arxiv_id for c in authors.citations] == shown
    conv.turns.pop()
    second = conv.ask("두 번째 논문 저자는?")
    assert [c.arxiv_id for c in second.citations] == [shown[1]]
    for author in seed_assistant.catalog.papers[shown[1]].authors:
        assert author in second.text


@pytest.mark.parametrize("question", ["Which of those has code?", "그 중에 코드 공개된 거 있어?"])
def test_which_of_those_has_code_answers_with_the_listed_papers_links(seed_assistant, question):
    """Was: read as a new search for papers with code, citing an unrelated paper."""
    catalog = seed_assistant.catalog
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    conv.ask(f"What was in the {day} digest?")
    shown = conv.previous_papers()
    linked = [p for p in shown if catalog.papers[p].github or catalog.papers[p].huggingface]
    assert len(shown) > 2 and linked and len(linked) < len(shown)
    answer = conv.ask(question)
    assert [s.tool for s in answer.steps] == ["paper"] * len(shown)
    assert {c.arxiv_id for c in answer.citations} == set(shown)
    # the papers with links first, each with its links; how many have them, of how many
    assert [c.arxiv_id for c in sorted(answer.citations, key=lambda c: c.n)][: len(linked)] == [
        p for p in shown if p in linked
    ]
    assert f"{len(linked)}" in answer.text.splitlines()[0]
    assert f"{len(shown)}" in answer.text.splitlines()[0]
    for p in linked:
        for url in catalog.papers[p].github:
            assert url in answer.text


def test_a_follow_up_naming_nothing_continues_the_paper_that_answers_it_best(seed_assistant):
    catalog = seed_assistant.catalog
    question = "how much faster is the kernel at long sequence lengths?"  # six words, no pointer
    assert rule_based_condense(question, [SPARGE], catalog) == question
    kept = rule_based_condense(question, [SPARGE], catalog, covers=lambda q, pid: True)
    assert kept.startswith(question) and f"arXiv {SPARGE}" in kept
    dropped = rule_based_condense(question, [SPARGE], catalog, covers=lambda q, pid: False)
    assert dropped == question
    # a question for papers is a new question whatever the previous paper covers
    new = "which papers speed up attention kernels?"
    assert rule_based_condense(new, [SPARGE], catalog, covers=lambda q, pid: True) == new


def test_the_retriever_judges_which_paper_has_a_follow_ups_words(seed_assistant):
    retriever = seed_assistant.retriever
    sparge_words = retriever.catalog.papers[SPARGE].title
    assert retriever.answers_as_well(sparge_words, SPARGE)
    swe_rl_words = retriever.catalog.papers[SWE_RL].title
    assert retriever.answers_as_well(swe_rl_words, SWE_RL)
    assert not retriever.answers_as_well(swe_rl_words, SPARGE)
    assert not retriever.answers_as_well(sparge_words, "0000.00000")  # not in the store
    # another paper covers more of these words, SpargeAttn much of them: still its question
    question = "how much faster is inference on the GPU?"
    coverage = retriever.lexical.coverage(question, range(len(retriever.ids)))
    assert max(coverage.values()) > coverage[retriever._pos[SPARGE]] > 0.0
    assert retriever.answers_as_well(question, SPARGE)
    # the question's main words are another paper's: a new question
    assert not retriever.answers_as_well("which dataset of GitHub pull requests was used?", SPARGE)


def test_a_longer_follow_up_keeps_the_subject_in_a_conversation(seed_assistant):
    conv = seed_assistant.chat()
    first = conv.ask("What does SpargeAttn do?")
    assert first.citations[0].arxiv_id == SPARGE
    standalone = conv.condense("what speedup does the softmax filter give on CogVideoX and Mochi?")
    assert f"arXiv {SPARGE}" in standalone
    other = conv.condense("how is reinforcement learning used for GitHub pull requests?")
    assert f"arXiv {SPARGE}" not in other  # SWE-RL has those words, SpargeAttn does not


def test_a_figure_the_digests_do_not_give_is_said_to_be_missing(seed_assistant):
    """Was: "MMLU는?" after SWE-RL quoted SWE-RL's method as if it answered."""
    conv = seed_assistant.chat()
    first = conv.ask("What did SWE-RL score on SWE-bench Verified?")
    assert "no " not in first.text.splitlines()[0] and "41.0" in first.text
    missing = conv.ask("MMLU는?")
    assert missing.citations[0].arxiv_id == SWE_RL
    assert "MMLU 수치가 없습니다" in missing.text.splitlines()[0]
    # the figure is declined (refused), what the digests say of the paper still cited, and
    # the next follow-up is still about that paper
    assert missing.refused and first.refused is False
    english = conv.ask("and on GSM8K?")  # a benchmark other seed digests write
    assert english.text.startswith("The digests give no GSM8K figure for SWE-RL")
    assert english.refused and english.citations[0].arxiv_id == SWE_RL
    # a benchmark no digest writes at all ("HumanEval", a coined name): said so, refused
    absent = conv.ask("and on HumanEval?")
    assert absent.refused and absent.text.startswith("No digest mentions HumanEval")


@pytest.mark.parametrize("question", ["the second one?", "두 번째 논문은?"])
def test_the_second_one_alone_is_about_that_paper(seed_assistant, question):
    """Was: "the second one?" after a listing read as `similar` (the pointer's words sound
    like "papers like that one") and listed the second paper's neighbours."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    answer = conv.ask(question)
    assert [s.tool for s in answer.steps] != ["similar"]
    assert answer.citations[0].arxiv_id == shown[1]


def test_a_short_question_about_something_else_is_not_a_follow_up(seed_assistant):
    """Was: "best pizza in Seoul?" after SpargeAttn answered with SpargeAttn's summary."""
    conv = seed_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    off = conv.ask("best pizza in Seoul?")
    assert off.refused and not off.citations
    # words of any paper said of this one, no topic words, or a benchmark by its acronym:
    # all still about the paper being talked about
    retriever = seed_assistant.retriever
    for question in ("what's the core idea?", "why?", "코드는?", "and on MMLU?", "MMLU는?"):
        assert retriever.touches(question, SPARGE), question
    # (b100: "파라미터 몇 개짜리 모델이야?" after Genie had kept '개짜' as a topic word)
    assert retriever.touches("파라미터 몇 개짜리 모델이야?", SPARGE)
    assert not retriever.touches("best pizza in Seoul?", SPARGE)
    assert not retriever.touches("pull requests?", SPARGE)  # SWE-RL's words, not SpargeAttn's
    # a versioned model this paper never writes is that model's question (was: "Llama 4
    # context length?" answered with SpargeAttn's Llama 3.1 speedup), unless compared with it
    assert retriever.touches("and on Llama 3.1?", SPARGE)
    assert not retriever.touches("Llama 4 context length?", SPARGE)
    assert retriever.touches("vs Llama 4?", SPARGE)
    # a number of its own the paper writes (b135-034: "512 해상도 한장 스왑하는데 몇 초
    # 걸려?" after DreamID, "512x512 resolution swaps in just 0.6 seconds", had been a new
    # question, refused); a year is no such number
    assert retriever.touches("708.1 찍은 하드웨어 스펙 뭐야?", SPARGE)
    assert not retriever.touches("서울 맛집 추천 500미터 이내", SPARGE)


def test_a_follow_up_naming_only_other_dates_asks_the_same_of_them(seed_assistant):
    """Was: "and in March?" after "reasoning RL papers feb 2025" listed all of March."""
    conv = seed_assistant.chat()
    first = conv.ask("papers on attention in February 2025")
    assert len(first.citations) > 1
    for follow_up in ("and in October 2024?", "2024년 10월은?", "what about October 2024?"):
        standalone = conv.condense(follow_up)
        assert "attention" in standalone and "February" not in standalone, standalone
    answer = conv.ask("and in October 2024?")
    assert (answer.filters.since, answer.filters.until) == ("2024-10-01", "2024-10-31")
    assert "attention" in answer.text.splitlines()[0]
    # a follow-up with a topic of its own is its own question
    assert "attention" not in conv.condense("and video generation in October 2024?")


def test_dates_alone_carry_no_set_from_a_one_paper_answer(seed_assistant):
    conv = seed_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    assert "SpargeAttn" not in conv.condense("and in October 2024?").split("(")[0]


def test_a_subject_whose_title_has_parentheses_is_still_the_subject(seed_assistant):
    """Was: "그 논문 코드는?" after "Multimodal Inconsistency Reasoning (MMIR): ..." repeated
    its summary: the rewrite's "(title, arXiv id)" was not recognised, so its words were
    read as the question's."""
    from assistant.understand.references import SUBJECT

    rewritten = (
        "그 논문 (Multimodal Inconsistency Reasoning (MMIR): A Benchmark, arXiv 2502.16033) 코드는?"
    )
    assert SUBJECT.sub(" ", rewritten).split() == ["그", "논문", "코드는?"]
    assert SUBJECT.sub("", "what about (this) and (SpargeAttn, arXiv 2502.18137)?") == (
        "what about (this) and?"
    )


@pytest.mark.parametrize(
    ("follow_up", "previous", "rewritten"),
    [
        ("하반기는?", "2024년 상반기 speculative decoding 논문 몇 편이야?", "2024년 하반기는?"),
        ("what about fall?", "music papers over the summer of 2024?", "what about fall 2024"),
        ("and in March?", "reasoning RL papers feb 2024", "and in March 2024?"),
        # the year next to the question's own date word, not before its first word
        ("그럼 3월에는?", "2024년 2월 비디오 생성 논문 보여줘", "그럼 2024년 3월에는?"),
        # a range over two years: the later one ("Dec 2024 - Jan 2025", then April 2025)
        (
            "what about in april?",
            "hallucination papers in Dec 2024 - Jan 2025",
            "what about in april 2025?",
        ),
        # no date word in the follow-up: nothing to put in a year (was: "저자 누구야?" after a
        # dated ranking became "2024년 저자 누구야?", the ranking again)
        ("저자 누구야?", "2024년 7월 추천수 top 3", "저자 누구야?"),
        ("who wrote it?", "music papers in 2024", "who wrote it?"),
        # a year of its own wins
        ("작년 11월엔?", "2025년 SAE 논문", "작년 11월엔?"),
        ("and in March 2025?", "reasoning RL papers feb 2024", "and in March 2025?"),
    ],
)
def test_a_yearless_follow_up_is_in_the_previous_questions_year(follow_up, previous, rewritten):
    """Was: "하반기는?" after a count over 2024's first half was read as no date at all, and
    "and in March?" after February 2024 as March 2025 (the newest March)."""
    from assistant.understand.condense import _in_year_of

    assert _in_year_of(follow_up, previous, "2025-06-30") == rewritten


def test_list_them_after_a_count_lists_every_paper_it_counted(seed_assistant):
    """Was: "list em" read 'em' as a topic (EM, exact match) and searched for it."""
    conv = seed_assistant.chat()
    counted = conv.ask("how many papers on attention in February 2025?")
    shown = [c.arxiv_id for c in sorted(counted.citations, key=lambda c: c.n)]
    assert len(shown) > 1
    for follow_up in ("list em", "list them"):
        listed = conv.ask(follow_up)
        cited = [c.arxiv_id for c in sorted(listed.citations, key=lambda c: c.n)]
        assert cited[: len(shown)] == shown
        assert listed.text.splitlines()[0].startswith(f"{len(shown)} papers")
        # (any more are the papers that only touch on the topic, said so apart)
        assert len(cited) == len(shown) or "Also touching on it" in listed.text
        conv.turns.pop()


def test_similar_papers_after_a_paper_are_that_papers_neighbours(seed_assistant):
    """Was: "비슷한 논문도 추천해줘" after a paper searched for recommender systems."""
    for question in ("similar papers?", "비슷한 논문도 추천해줘"):
        conv = seed_assistant.chat()
        conv.ask("What does SpargeAttn do?")
        answer = conv.ask(question)
        assert answer.steps[0].tool == "similar"
        assert sorted(answer.citations, key=lambda c: c.n)[0].arxiv_id == SPARGE


def test_an_ordinal_reaches_back_to_the_last_answer_with_that_many_papers(seed_assistant):
    """Was: "두 번째는?" after a vote ranking and then "그거 저자 누구야?" (about its first)
    picked from the authors answer's one paper and answered about the first again."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    assert len(shown) > 2
    first = conv.ask("who wrote the first one?")
    assert [c.arxiv_id for c in first.citations] == [shown[0]]
    second = conv.ask("두 번째는?")
    assert second.citations[0].arxiv_id == shown[1]


def test_that_day_is_the_day_an_earlier_question_named():
    """Was: "그날 추천 제일 많이 받은 건?" after a day's list lost the day (and ranked all
    papers on '추천', recommendation)."""
    from assistant.understand.condense import _on_that_day

    earlier = ["그 중 첫 번째 저자는?", "2024년 10월 31일 논문 목록 보여줘"]  # newest first
    assert _on_that_day("그날 추천 제일 많이 받은 건?", earlier, "2025-06-30") == (
        "2024년 10월 31일 추천 제일 많이 받은 건?"
    )
    assert _on_that_day("what else came out that day?", ["papers on 2025-02-20"], None) == (
        "what else came out on 2025-02-20?"
    )
    assert _on_that_day("그날 뭐 했어?", ["SpargeAttn 저자는?"], None) == "그날 뭐 했어?"
    # the week or month an earlier question named (review: "그 주에 올라온 논문 중 가장
    # 핫했던 거" after a week's list ranked the whole archive)
    week = ["2024년 8월 셋째 주 논문 알려줘"]
    assert _on_that_day("그 주에 올라온 논문 중 가장 핫했던 거", week, "2025-06-30").startswith(
        "2024년 8월 셋째 주에"
    )
    assert "March 2025" in _on_that_day(
        "what was the most voted paper that week?",
        ["papers from the first week of March 2025"],
        None,
    )


@pytest.mark.parametrize(
    "follow_up",
    [
        "what else came out that day?",
        # (b105: "What else was in that digest?" read as papers like it; "그거 나온 날 같이
        # 올라온 논문 뭐 있었어?")
        "What else was in that digest?",
        "그거 나온 날 같이 올라온 논문 뭐 있었어?",
    ],
)
def test_that_day_is_the_digest_day_of_the_paper_talked_about(seed_assistant, follow_up):
    """Was: "what else came out that day?" after "when did EvoPress appear in the
    digests?" listed the newest digest (no question had named a date): the day is the
    previous answer's paper's digest date."""
    conversation = seed_assistant.chat()
    conversation.ask("when did EvoPress appear in the digests?")
    answer = conversation.ask(follow_up)
    day = seed_assistant.catalog.papers["2410.14649"].dates[0]
    assert day != seed_assistant.catalog.latest_date()
    assert answer.steps[0].tool == "list_papers"
    assert answer.steps[0].arguments["since"] == day == answer.steps[0].arguments["until"]
    listed = {c.arxiv_id for c in answer.citations}
    assert "2410.14649" in listed and len(listed) > 1


def test_the_day_before_or_after_is_next_to_the_day_an_earlier_question_named():
    from assistant.understand.condense import _on_that_day

    earlier = ["what was in the digest on sept 3"]
    assert _on_that_day("and the day before?", earlier, "2025-06-30") == "and 2024-09-02?"
    assert _on_that_day("the next day?", earlier, "2025-06-30") == "2024-09-04?"
    assert _on_that_day("그 전날은?", ["8월 15일 논문"], "2025-06-30") == "2024-08-14은?"
    assert _on_that_day("다음 날은?", ["8월 15일 논문"], "2025-06-30") == "2024-08-16은?"
    # a range has no day before: the range itself
    assert _on_that_day("the day before?", ["papers in May 2025"], "2025-06-30") == ("in May 2025?")


def test_the_next_day_of_a_digest_is_the_next_digest_and_a_week_later_its_weekday():
    """Was: "and the next day?" after Friday 2025-06-20's digest asked about Saturday (no
    digest), and "how about a week later?" about the week after the newest digest."""
    from assistant.understand.condense import _on_that_day

    digests = ["2025-06-19", "2025-06-20", "2025-06-23", "2025-06-27"]
    earlier = ["What was in the 2025-06-20 digest?"]
    assert _on_that_day("and the next day?", earlier, "2025-06-30", digests) == "and 2025-06-23?"
    assert _on_that_day("그 전날은?", earlier, "2025-06-30", digests) == "2025-06-19은?"
    assert _on_that_day("how about a week later?", earlier, "2025-06-30", digests) == (
        "how about 2025-06-27?"
    )
    # no digest within a week: the calendar day (its answer names the nearest digests)
    assert _on_that_day("and the next day?", ["papers on 2025-06-27"], "2025-06-30", digests) == (
        "and 2025-06-28?"
    )


@pytest.mark.parametrize(
    "previous, question, day",
    [
        ("8월 14일 다이제스트에 뭐 올라왔어?", "15일은?", "2024-08-15"),
        ("what was in the digest on sept 3", "and on the 5th?", "2024-09-05"),
    ],
)
def test_a_day_alone_is_in_the_previous_questions_month(seed_assistant, previous, question, day):
    from assistant.understand.condense import rule_based_condense

    out = rule_based_condense(
        question, [], seed_assistant.catalog, earlier=[previous], previous_set=None
    )
    assert day in out and ("다이제스트" in out or "digest" in out)  # the question asked again
    # "the 5th" alone is the fifth paper of a list, not a day
    assert back_pointer("and the 5th?").picks == (4,)


def test_a_follow_up_at_other_dates_re_asks_the_last_set_past_a_one_paper_turn(seed_assistant):
    """Was: "and in October 2024?" after a topic list and then a question about its first
    paper listed every paper of October: only the turn just before was looked at."""
    conv = seed_assistant.chat()
    listed = conv.ask("papers on attention in February 2025")
    assert len(listed.citations) > 1
    conv.ask("who wrote the first one?")
    standalone = conv.condense("and in October 2024?")
    assert "attention" in standalone and "February" not in standalone, standalone


def test_which_of_those_are_on_a_topic_keeps_the_listed_papers_on_it(seed_assistant):
    """Was: "which of those are gui agent papers?" answered with the listing's first papers,
    whatever they were about."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    assert SPARGE in shown and len(shown) > 3
    answer = conv.ask("which of those are about sparse attention?")
    kept = [c.arxiv_id for c in sorted(answer.citations, key=lambda c: c.n)]
    assert SPARGE in kept and set(kept) < set(shown)
    assert kept == [p for p in shown if p in kept]  # in the listing's order
    assert answer.text.startswith(f"{len(kept)} of the {len(shown)} papers")
    conv.turns.pop()
    none = conv.ask("which of those are about protein folding?")
    assert none.text.startswith(f"None of the {len(shown)} papers")


@pytest.mark.parametrize(
    "question",
    [
        "Back to the first paper: how much faster is it than dense attention?",
        "아까 첫 번째 논문은 dense attention보다 얼마나 빨라?",
    ],
)
def test_back_to_the_first_paper_is_the_first_the_conversation_was_about(seed_assistant, question):
    """Was: "Back to the first paper: what F1 did QwQ-32B-Preview get?" after "Who wrote
    ProcessBench?" and "What about rStar-Math?" answered of rStar-Math, the last answer's
    first paper. "Back to" counts the papers the conversation was about, in asked order."""
    conv = seed_assistant.chat()
    conv.ask("Who wrote SpargeAttn?")
    conv.ask("What about SWE-RL?")
    assert conv.papers_asked_about() == [SPARGE, SWE_RL]
    answer = conv.ask(question)
    assert [c.arxiv_id for c in answer.citations][:1] == [SPARGE], answer.text


def test_an_ordinal_after_one_paper_each_counts_the_papers_talked_about(seed_assistant):
    """Was: "for the first one, how much did it raise math accuracy on average?" after "what
    did ThinkPO do on MATH500?" and "and DeepSeek-R1 on MATH-500?" was asked of DeepSeek-R1,
    the last answer's only paper (b164). Answers each about one paper list nothing for an
    ordinal to pick from: it counts the papers in the order they were talked about. After
    a listing, it is still the listing's."""
    conv = seed_assistant.chat()
    conv.ask("Who wrote SpargeAttn?")
    conv.ask("What about SWE-RL?")
    assert conv._one_paper_each()
    assert SPARGE in conv.condense("how much faster is the first one than dense attention?")
    assert SWE_RL in conv.condense("and the second one?")
    # a pronoun is still the last paper talked about (the review: "Is there code for it?"
    # after "What is Softpick?" and "What is Craw4LLM?" had asked Softpick's)
    for pronoun in ("who wrote it?", "is there code for that paper?", "그 논문 저자는?"):
        assert SWE_RL in conv.condense(pronoun) and SPARGE not in conv.condense(pronoun)
    day = seed_assistant.tools.newest_date
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    assert len(shown) > 2 and not conv._one_paper_each()
    assert shown[0] in conv.condense("who wrote the first one?")


def test_an_ordinal_after_papers_the_user_named_counts_them_as_written(seed_assistant):
    """b168 (blind): "for the first one - how big is the uncompressed Mixtral they squeeze
    onto a single 24GB GPU?" after "I'm reading 3 MoE papers rn: Fiddler,
    Autonomy-of-Experts, and MH-MoE" was asked of MH-MoE, the one paper the answer showed;
    the user's own list, in the order written, is what the ordinal counts. After an answer
    that showed them all (a comparison, a ranking), the answer's order still counts."""
    from assistant.answer.citations import Answer, Citation
    from assistant.app.conversation import Turn

    statement = "I'm reading two papers rn: SWE-RL and SpargeAttn"
    conv = seed_assistant.chat()
    shown_one = Answer(statement, "SpargeAttn [1] ...", False, [Citation(1, SPARGE, "", "")])
    conv.turns.append(Turn(statement, statement, shown_one))
    assert conv.papers_listed_last() == [SWE_RL, SPARGE]
    assert f"arXiv {SWE_RL}" in conv.condense("for the first one, what did it score?")
    assert f"arXiv {SPARGE}" in conv.condense("and the second one, how fast is it?")
    # an item no paper's name is read in is no paper of the list (the review: "the second
    # one" had been MH-MoE after "Fiddler, Autonomy-of-Experts, and MH-MoE")
    listing = "I'm reading 3 papers: SWE-RL, Zorbo-Former, and SpargeAttn"
    conv.turns.append(Turn(listing, listing, shown_one))
    assert conv.papers_listed_last() == [SWE_RL, None, SPARGE]
    assert f"arXiv {SPARGE}" in conv.condense("and the third one, how fast is it?")
    assert "arXiv" not in conv.condense("the second one?")
    # ... and it holds after an answer about one of them (b168: "now the second one" after
    # "for the first one, ...?")
    first = Answer("for the first one?", "SWE-RL [1] ...", False, [Citation(1, SWE_RL, "", "")])
    conv.turns.append(Turn("for the first one?", "for the first one (SWE-RL)?", first))
    assert conv.papers_listed_last() == [SWE_RL, None, SPARGE]
    assert f"arXiv {SPARGE}" in conv.condense("now the third one: how fast is it?")
    ranking = conv.ask("SWE-RL, SpargeAttn: which got more votes?")
    first = min(ranking.citations, key=lambda c: c.n).arxiv_id
    assert conv.papers_listed_last() == []  # (it showed both: its order)
    assert f"arXiv {first}" in conv.condense("who wrote the first one?")


@pytest.mark.parametrize(
    "question",
    [
        "explain the sparse attention paper among those in detail",
        "summarize the sparse attention ones among them",
        "거기서 sparse attention 논문 좀 자세히 설명해줘",
    ],
)
def test_a_summary_of_the_listed_papers_on_a_topic_summarises_those(seed_assistant, question):
    """Was: "거기서 단백질 언어모델 논문 좀 자세히 설명해줘" after a day's listing quoted the
    listing's first paper (the question read with all its papers); "summarize the video
    ones among them" found none on 'video among'. A summary of the listed papers on a topic
    is those papers' gist and key result, and "among" is the pointer's, no topic word."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    answer = conv.ask(question)
    kept = [c.arxiv_id for c in sorted(answer.citations, key=lambda c: c.n)]
    assert kept and kept[0] == SPARGE and set(kept) < set(shown), answer.text
    assert "among" not in answer.text.split("\n")[0]
    sparge = seed_assistant.catalog.papers[SPARGE]
    gist = seed_assistant.router.extractive.overview(sparge, "자세히" in question)
    assert " ".join(gist) in answer.text


def test_a_bare_pronoun_after_a_list_means_the_listed_paper_it_describes(seed_assistant):
    """Was: "the one that trains a driving policy with RL in 3DGS - how much lower was its
    collision rate?" after a count answered about the count's first paper ("its" picked
    the first); the described paper of the list is meant."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    assert SPARGE in shown and shown[0] != SPARGE
    standalone = conv.condense("the training-free sparse attention one - how fast is it?")
    assert f"arXiv {SPARGE}" in standalone, standalone
    # "the <words> one" is the listed paper its words describe (was: no pointer at all, so
    # "who wrote the multi-draft one?" after speculative decoding papers was a new question)
    for question in (
        "who wrote the sparse attention one?",
        "the training-free one - who wrote it?",
    ):
        standalone = conv.condense(question)
        assert f"arXiv {SPARGE}" in standalone, standalone
    assert seed_assistant.retriever.best_of("anything at all", shown[:2]) == shown[0]  # ties
    # a word or two of another listed paper describe none: the first is meant (was: "what
    # two models does it pit against each other?" picked a paper that writes "against")
    second = seed_assistant.catalog.papers[shown[1]]
    word = max(second.title.split(), key=len)
    assert seed_assistant.retriever.described(f"what does it say about {word}?", shown) == shown[0]


def test_a_possessive_before_any_name_points_back(seed_assistant):
    """Was: "and how much did its ProcessBench accuracy go up?" after a paper evaluated on
    ProcessBench answered about the ProcessBench paper: the question names a paper, so the
    weak pointer "its" was not read. A possessive before every name is the previous
    paper's; one after a name is that name's."""
    conv = seed_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    standalone = conv.condense("and how much did its SWE-RL accuracy go up?")
    assert f"arXiv {SPARGE}" in standalone, standalone
    own = conv.condense("What is SWE-RL and what is its score?")
    assert SPARGE not in own, own
    # a pronoun a verb's subject, before the name, points back too; a dummy "it" does not
    did = conv.condense("What accuracy did it hit with SWE-RL on SWE-bench?")
    assert f"arXiv {SPARGE}" in did, did
    assert SPARGE not in conv.condense("is it true that SWE-RL uses reinforcement learning?")


def test_a_rank_picks_that_rank_of_the_previous_ranking(seed_assistant):
    """Was: "2위 논문 저자 누구야?" after a top-3 gave the authors of the paper that best
    matched the words, not of the second."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    shown = [c.arxiv_id for c in sorted(listing.citations, key=lambda c: c.n)]
    answer = conv.ask("2위 논문 저자 누구야?")
    assert [c.arxiv_id for c in answer.citations] == [shown[1]]


def test_a_model_named_in_that_comparison_keeps_the_subject(seed_assistant):
    """Was: "How did <model> do in that comparison?" after a paper compared the named model's
    paper with another: "that comparison" was no pointer and "comparison" read as a request
    to compare. The previous paper's comparison is meant."""
    conv = seed_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    answer = conv.ask("How did SWE-RL do in that comparison?")
    assert answer.steps[0].tool != "paper" or len(answer.steps) == 1
    assert answer.citations[0].arxiv_id == SPARGE
    fresh = seed_assistant.chat()
    fresh.ask("What does SpargeAttn do?")
    compared = fresh.ask("compare that paper with SWE-RL")  # asked outright: a comparison
    assert {c.arxiv_id for c in compared.citations} >= {SPARGE, SWE_RL}


def test_the_votes_of_those_papers_come_most_voted_first(seed_assistant):
    catalog = seed_assistant.catalog
    voted = sorted(
        (p for p in catalog.papers.values() if p.votes and p.name), key=lambda p: p.votes
    )
    few = [voted[0], voted[len(voted) // 2], voted[-1]]  # fewest votes first
    assert len({p.votes for p in few}) == 3
    conv = seed_assistant.chat()
    asked = conv.ask(f"who wrote {few[0].name}, {few[1].name} and {few[2].name}?")
    assert [c.arxiv_id for c in asked.citations] == [p.arxiv_id for p in few]
    answer = conv.ask("which one of those got the most upvotes?")
    assert [c.arxiv_id for c in answer.citations] == [p.arxiv_id for p in reversed(few)]


def test_the_earliest_digest_is_the_oldest_day_and_its_count(seed_assistant):
    """Was: "what's the earliest digest ... how many papers does it have?" answered with the
    archive's total and date range; "earliest" was no date."""
    oldest = seed_assistant.catalog.oldest_date()
    assert oldest < seed_assistant.tools.newest_date
    total = seed_assistant.tools.count_papers(oldest, oldest).data["total"]
    answer = seed_assistant.ask(
        "what's the earliest digest in the archive and how many papers does it have?"
    )
    assert answer.text.startswith(f"{total} papers on {oldest}")
    assert len(answer.citations) == total


@pytest.mark.parametrize(
    "first, again",
    [
        ("how many papers came out on {day}?", "show me the list"),
        ("{day}에 논문 몇 편 나왔어?", "목록 보여줘"),
        ("how many papers about reasoning in February 2025?", "list them all"),
        ("2025년 2월 추론 논문 몇 편이야?", "전부 보여줘"),
    ],
)
def test_a_bare_list_request_lists_the_previous_set_in_full(seed_assistant, first, again):
    """Was: "목록 보여줘" after a count attached the count's first paper and answered
    about it alone. The set is re-asked as a list from the count's own tool arguments."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    count = conv.ask(first.format(day=day))
    counted = next(s for s in count.steps if s.tool in ("count_papers", "list_papers"))
    listing = conv.ask(again)
    assert conv.turns[-1].standalone != again
    step = next(s for s in listing.steps if s.tool in ("count_papers", "list_papers"))
    for key in ("since", "until", "query"):
        assert step.arguments.get(key) == counted.arguments.get(key)
    # the whole set, each paper cited (a topic's list adds the papers touching on it)
    papers = {p.arxiv_id for p in seed_assistant.tools.count_papers(**counted.arguments).papers}
    assert len(papers) > 2 and papers <= {c.arxiv_id for c in listing.citations}


@pytest.mark.parametrize(
    "first, again",
    [
        ("show me the papers from {day}", "how many?"),
        ("{day} 논문 보여줘", "몇 편이야?"),
        ("papers on agents from February 2025", "how many are there?"),
        ("list the papers about reasoning from February 2025", "how many of them?"),
    ],
)
def test_a_bare_count_request_counts_the_previous_set(seed_assistant, first, again):
    """Was: "how many?" after a list attached the list's first paper and quoted its
    figures. The set is counted again from the list's own tool arguments."""
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    shown = conv.ask(first.format(day=day))
    listed = next(s for s in shown.steps if s.tool in ("count_papers", "list_papers"))
    answer = conv.ask(again)
    step = next(s for s in answer.steps if s.tool == "count_papers")
    for key in ("since", "until", "query"):
        assert step.arguments.get(key) == listed.arguments.get(key)
    total = seed_assistant.tools.count_papers(
        **{k: v for k, v in step.arguments.items() if k in ("since", "until", "query")}
    ).data["total"]
    first_line = answer.text.splitlines()[0]
    assert total > 1 and re.search(rf"(?<![\d-]){total}(?:편| papers? )", first_line), first_line


@pytest.mark.parametrize(
    "first, asked",
    [
        ("2025-02-26 논문 목록 보여줘", "그 중에 SWE-RL은 SWE-bench Verified에서 몇 %야?"),
        (
            "show me the papers from 2025-02-26",
            "of those, what did SWE-RL score on SWE-bench Verified?",
        ),
    ],
)
def test_a_paper_named_among_the_listed_ones_is_asked_about(seed_assistant, first, asked):
    """Was: "그 중에 Xmodel-2는 파라미터 몇 개짜리 모델이야?" after a day's list answered
    that Xmodel-2 is the 2nd of the papers above (a membership question), and "그 중에
    xGen-MM은 추천 몇 개 받았어?" filtered the list by its words. The name says which of
    them; the question is asked of that paper."""
    conv = seed_assistant.chat()
    conv.ask(first)
    answer = conv.ask(asked)
    assert [c.arxiv_id for c in answer.citations][:1] == ["2502.18449"]
    assert "41.0%" in answer.text
    assert not conv.turns[-1].standalone.lower().startswith("of")


@pytest.mark.parametrize("asked", ["그 중에 SWE-RL 있어?", "was SWE-RL among them?"])
def test_whether_a_paper_is_among_the_listed_ones_is_still_yes_or_no(seed_assistant, asked):
    conv = seed_assistant.chat()
    conv.ask("2025-02-26 논문 목록 보여줘")
    answer = conv.ask(asked)
    assert answer.text.startswith(("네, **SWE-RL**", "Yes: **SWE-RL**")), answer.text


@pytest.mark.parametrize(
    "first, narrow",
    [
        (
            "Find papers that use reinforcement learning to improve LLM reasoning",
            "just the ones from Feb 26 2025",
        ),
        (
            "Find papers that use reinforcement learning to improve LLM reasoning",
            "그 중 2025년 2월 26일에 나온 것만",
        ),
    ],
)
def test_those_from_a_date_after_a_partial_set_narrow_the_whole_set(seed_assistant, first, narrow):
    """Was: "just the ones from March 2025" after a search (its best few papers) or a topic
    list of the 30 most relevant of 90 kept only the papers shown from those dates (7 of
    the 30, where the topic has 11 that month). The set is asked again at those dates."""
    conv = seed_assistant.chat()
    shown = conv.ask(first)
    assert any(s.tool == "retrieve" for s in shown.steps)  # a search: its best few
    answer = conv.ask(narrow)
    step = next(s for s in answer.steps if s.tool in ("count_papers", "list_papers"))
    assert (step.arguments["since"], step.arguments["until"]) == ("2025-02-26", "2025-02-26")
    assert {"reinforcement", "reasoning"} <= set(step.arguments["query"].lower().split())
    assert answer.citations and all(
        "2025-02-26" in seed_assistant.catalog.papers[c.arxiv_id].dates for c in answer.citations
    )


@pytest.mark.parametrize(
    "question, bare",
    [
        ("목록 보여줘", True),
        ("show me the list", True),
        ("list them all", True),
        ("list the papers on agents", False),  # a topic of its own
        ("list everything from 2025-02-20", False),  # a date of its own
        ("SWE-RL 목록", False),  # a paper
    ],
)
def test_a_list_request_naming_nothing_is_told_apart(seed_assistant, question, bare):
    assert seed_assistant.router.listing_only(question) is bare


@pytest.mark.parametrize(
    "question",
    [
        "아까 목록 중에 추천 제일 많이 받은 건?",
        "which one from that list has code?",
        "그 리스트에서 제일 빠른 건?",
        # (b83: "anything medical in there?" after the latest digest asked about its first
        # paper; "anything about agents in there?" searched the whole archive)
        "anything medical in there?",
        "which papers in that digest are about video?",
    ],
)
def test_the_earlier_list_points_at_all_of_its_papers(question):
    """Was: "아까 목록 중에 ..." (from the earlier list) was no pointer: 추천 read as the topic
    'recommendation' and a new search answered."""
    pointer = back_pointer(question)
    assert pointer is not None and pointer.picks is None


def test_what_is_in_there_is_of_the_papers_just_listed(seed_assistant):
    """ "anything about attention in there?" after a digest: those of its papers on it."""
    conv = seed_assistant.chat()
    listed = conv.ask("What was in the 2025-02-26 English digest?")
    answer = conv.ask("anything about attention in there?")
    shown = {c.arxiv_id for c in listed.citations}
    cited = [c.arxiv_id for c in answer.citations]
    assert cited and set(cited) <= shown and "2502.18137" in cited, answer.text
    assert "in the digest" not in str(back_pointer("what was in the digest on 2025-02-20?"))


def test_the_most_voted_of_an_earlier_list_is_ranked_by_votes(seed_assistant):
    conv = seed_assistant.chat()
    day = "2025-02-26"  # the Korean digest: votes
    conv.ask(f"What was in the {day} digest?")
    answer = conv.ask("아까 목록 중에 추천 제일 많이 받은 건?")
    cited = [seed_assistant.catalog.papers[c.arxiv_id] for c in answer.citations]
    votes = [p.votes for p in cited]
    assert len(cited) > 2 and None not in votes and votes == sorted(votes, reverse=True)


@pytest.mark.parametrize(
    "first, then",
    [
        ("who wrote SuperCorrect?", "any other papers by the same authors?"),
        ("SuperCorrect 저자가 누구야?", "같은 저자들이 쓴 다른 논문도 있어?"),
        (None, "SuperCorrect 저자들의 다른 논문 있어?"),
        (None, "other papers by the authors of SuperCorrect?"),
        # the same authors' papers on a topic, its words between "다른" and "논문" (b74)
        ("SuperCorrect 코드 어디 있어?", "같은 저자들이 낸 다른 수학 추론 논문도 아카이브에 있어?"),
    ],
)
def test_other_papers_by_the_same_authors(seed_assistant, first, then):
    """Was: "같은 저자들이 쓴 다른 논문도 있어?" after OmniHuman-1's authors listed papers
    similar to another paper (battery 18): the same authors were no pointer, no question."""
    conv = seed_assistant.chat()
    if first:
        conv.ask(first)
    answer = conv.ask(then)
    cited = [c.arxiv_id for c in sorted(answer.citations, key=lambda c: c.n)]
    # SuperCorrect first, then the papers sharing its authors: Ling Yang's two (most
    # shared first), Tianjun Zhang's Autellix
    assert cited[0] == "2410.09008"
    assert set(cited[1:]) == {"2410.09009", "2410.08102", "2502.13965"}
    assert "Ling Yang" in answer.text and "Tianjun Zhang" in answer.text
    assert {s.tool for s in answer.steps} == {"paper", "list_papers"}


@pytest.mark.parametrize(
    "then", ["Which of the two got more upvotes?", "둘 중에 추천 더 많이 받은 건?"]
)
def test_the_two_after_a_question_about_one_of_them_means_both(seed_assistant, then):
    """Was: "Which of the two got more upvotes?" after a comparison and a question about
    its second paper answered with that paper alone (battery 18)."""
    conv = seed_assistant.chat()
    first = conv.ask("Compare SpargeAttn and SWE-RL")
    both = [c.arxiv_id for c in sorted(first.citations, key=lambda c: c.n)]
    assert len(both) == 2
    conv.ask("The second one - who wrote it?")
    answer = conv.ask(then)
    assert {c.arxiv_id for c in answer.citations} == set(both)


@pytest.mark.parametrize(
    "first, then, since, until",
    [
        (
            "What was in the 2025-02-26 digest?",
            "what about the week before?",
            "2025-02-19",
            "2025-02-25",
        ),
        (
            "2025년 2월 추천 제일 많이 받은 논문 top 3",
            "그 전 달에는 뭐가 1위였어?",
            "2025-01-01",
            "2025-01-31",
        ),
        ("papers from October 2024", "and the month after?", "2024-11-01", "2024-11-30"),
    ],
)
def test_the_week_or_month_before_an_earlier_date(seed_assistant, first, then, since, until):
    """Was: "what about the week before?" after a day's digest answered about the day's
    first paper; "그 전 달에는 뭐가 1위였어?" after August's ranking was refused."""
    conv = seed_assistant.chat()
    conv.ask(first)
    answer = conv.ask(then)
    step = answer.steps[0]
    assert (step.arguments.get("since"), step.arguments.get("until")) == (since, until)


def test_the_two_may_be_the_papers_of_the_last_two_questions(seed_assistant):
    """Was: "so which of the two is faster?" after one question about each paper meant
    only the last one (battery 20)."""
    conv = seed_assistant.chat()
    conv.ask("what does SpargeAttn do?")
    conv.ask("and SWE-RL?")
    answer = conv.ask("so which of the two is better?")
    assert {c.arxiv_id for c in answer.citations} == {SPARGE, "2502.18449"}


def test_who_are_the_authors_of_a_paper_is_no_question_about_their_other_papers(seed_assistant):
    answer = seed_assistant.ask("who are the authors on the SuperCorrect paper")
    assert [c.arxiv_id for c in answer.citations] == ["2410.09008"]


@pytest.mark.parametrize(
    "then, tool",
    [
        ("anything newer on this?", "similar"),  # like the paper, after it
        ("그 이후에 나온 후속 연구도 있어?", "similar"),
        # the words of work that builds on it are no topic (battery 26: "기반" was one)
        ("그 논문 기반 후속 연구도 아카이브에 있어?", "similar"),
        ("any follow-up work building on it?", "similar"),
        ("any newer work on reasoning?", "count_papers"),  # its own topic, after it
    ],
)
def test_newer_work_is_after_the_paper_talked_about(seed_assistant, then, tool):
    """Was: "any newer work on LLM self-correction?" after SCoRe listed the newest month's
    papers ("newer" read as the archive's latest), and "anything newer on this?" repeated
    the paper (battery 20)."""
    conv = seed_assistant.chat()
    conv.ask("what does SuperCorrect do?")
    answer = conv.ask(then)
    step = next(s for s in answer.steps if s.tool == tool)
    assert step.arguments["since"] == "2024-10-15"  # the day after SuperCorrect's digest
    later = [c.arxiv_id for c in answer.citations if c.arxiv_id != "2410.09008"]
    assert later and all(min(seed_assistant.catalog.papers[p].dates) >= "2024-10-15" for p in later)


def test_newer_work_on_another_named_paper_is_not_after_the_one_talked_about(seed_assistant):
    """The review: "Are there follow-up papers to SageAttention?" after UltraIF was read
    as newer work like UltraIF ("papers similar to UltraIF since ..."): the paper named is
    what it asks about."""
    conv = seed_assistant.chat()
    conv.ask("what does SuperCorrect do?")
    assert conv.newer("Are there follow-up papers to SpargeAttn?") is None
    assert conv.newer("any follow-up work building on SuperCorrect?") is not None


def test_a_figure_against_a_new_version_asks_no_newer_work(seed_assistant):
    """b161 (blind): "원래 CamemBERT는 FTB NER에서 F1 몇이었어? 새 버전이랑 비교해줘" after
    CamemBERT 2.0 was rewritten as "<its day> 이후 원래 논문" ("새 버전" read as newer work):
    the new version set against another is one side of a comparison."""
    conv = seed_assistant.chat()
    conv.ask("what does SuperCorrect do?")
    assert conv.newer("원래 모델은 F1 몇이었어? 새 버전이랑 비교해줘") is None
    assert conv.newer("새 버전보다 얼마나 나빠?") is None
    assert conv.newer("이거 새 버전 나왔어?") is not None
    # (review: newer work asked with a figure or a comparison is newer work all the same)
    assert conv.newer("Any follow-up work? How many?") is not None
    assert conv.newer("이후에 나온 후속 연구 몇 개 알려줘") is not None
    assert conv.newer("Any more recent papers? How do they compare?") is not None


def test_what_else_they_found_is_more_of_the_paper_not_papers_like_it(seed_assistant):
    """b158 (blind) and the review: "What else did they find?" after a paper listed papers
    like it ("what else" read as asking for others)."""
    conv = seed_assistant.chat()
    conv.ask("what does SuperCorrect do?")
    answer = conv.ask("What else did they find?")
    assert not answer.text.startswith("Papers similar to"), answer.text
    assert answer.citations and answer.citations[0].arxiv_id == "2410.09008", answer.text


def test_whether_a_named_paper_is_among_the_previous_answers_papers(seed_assistant):
    """Was: "was Phi-4 among them?" after the day's top 3 by votes read "among" as a topic
    of those papers and answered about the first one (a product check)."""
    conv = seed_assistant.chat()
    first = conv.ask("Which papers got the most votes?")
    cited = [c.arxiv_id for c in first.citations]
    assert len(cited) >= 3
    inside = seed_assistant.catalog.papers[cited[1]]
    outside = next(
        seed_assistant.catalog.papers[p]
        for p in seed_assistant.catalog.papers
        if p not in cited and seed_assistant.catalog.papers[p].name
    )
    yes = conv.ask(f"was arXiv {inside.arxiv_id} among them?")
    assert yes.text.startswith("Yes:") and f"#2 of the {len(cited)} papers above" in yes.text
    assert [c.arxiv_id for c in yes.citations] == [inside.arxiv_id]
    conv = seed_assistant.chat()
    conv.ask("Which papers got the most votes?")
    no = conv.ask(f"그 중에 {outside.name} 있어?")
    assert no.text.startswith("아니요,") and outside.name in no.text
    assert [c.arxiv_id for c in no.citations] == [outside.arxiv_id]


def test_those_of_given_dates_narrows_the_previous_list_to_them(seed_assistant):
    """Was: "just the ones from 2025, please." after a topic listing listed every paper of
    2025 (the topic lost), and "그 중 2025년 3월에 나온 것만 추려줘" read "것만 추려줘" as a
    topic no listed paper is on. The listed papers of those dates are meant."""
    conv = seed_assistant.chat()
    listed = conv.ask("which papers are about language model reasoning?")
    shown = [c.arxiv_id for c in sorted(listed.citations, key=lambda c: c.n)]
    dates = {pid: seed_assistant.catalog.papers[pid].dates for pid in shown}
    assert {d[:7] for ds in dates.values() for d in ds} >= {"2024-10", "2025-02"}
    february = [p for p in shown if any(d.startswith("2025-02") for d in dates[p])]
    answer = conv.ask("just the ones from February 2025, please")
    assert [c.arxiv_id for c in sorted(answer.citations, key=lambda c: c.n)] == february
    assert answer.text.startswith(f"{len(february)} of the {len(shown)} papers are from 2025-02")
    conv.turns.pop()
    october = [p for p in shown if any(d.startswith("2024-10") for d in dates[p])]
    korean = conv.ask("그 중 2024년 10월에 나온 것만 추려줘")
    assert [c.arxiv_id for c in sorted(korean.citations, key=lambda c: c.n)] == october
    assert korean.text.startswith(f"{len(shown)}편 중 2024-10-01 – 2024-10-31에 나온 논문")
    conv.turns.pop()
    none = conv.ask("only those from 2023")
    assert none.citations == [] and none.text.startswith(f"None of the {len(shown)} papers is")


@pytest.mark.parametrize(
    "follow_up, said",
    [
        ("is there a github link?", "github.com"),
        ("who are the authors?", "written by"),
        # each part asks of the paper (b107: "깃헙 링크 있어? 그리고 언제 다이제스트에 올라온
        # 거야?" had been a new question, "다이제스트" read as asking for papers)
        ("깃헙 링크 있어? 그리고 언제 다이제스트에 올라온 거야?", "github.com"),
        ("who wrote it and when was it in the digests?", "written by"),
    ],
)
def test_a_paper_fact_asked_without_naming_the_paper_is_the_previous_papers(
    seed_assistant, follow_up, said
):
    """Was: "is there a github link?" after a question about one paper asked "Which paper
    do you mean?" (no "it" to point back with)."""
    conv = seed_assistant.chat()
    conv.ask("Tell me about SpargeAttn")
    answer = conv.ask(follow_up)
    assert not answer.refused
    assert [c.arxiv_id for c in answer.citations] == [SPARGE]
    assert said in answer.text
    fresh = seed_assistant.chat().ask(follow_up)  # nothing before it: which paper?
    assert fresh.refused and not fresh.citations


def test_the_ones_with_words_between_are_the_previous_papers_those_words_pick(seed_assistant):
    """Was: "Just the Korean digest ones, please." after a day's listing asked about the
    newest digest ("the ... ones" was no pointer), and "Only the ... ones" read "Only" as
    part of the topic."""
    conv = seed_assistant.chat()
    listed = conv.ask("What was in the digest on 2025-02-26?")
    korean = conv.ask("Just the Korean digest ones, please.")
    assert not korean.refused
    shown = {c.arxiv_id for c in listed.citations}
    cited = [seed_assistant.catalog.papers[c.arxiv_id] for c in korean.citations]
    assert cited and all(p.arxiv_id in shown and "ko" in p.languages for p in cited)
    on_topic = seed_assistant.chat()
    on_topic.ask("What was in the digest on 2025-02-26?")
    attention = on_topic.ask("Only the attention ones")
    assert "'attention'" in attention.text and "Only" not in attention.text.split(":")[0]
    assert {c.arxiv_id for c in attention.citations} <= shown


@pytest.mark.parametrize(
    "follow_up, least",
    [
        ("only those with more than 30 votes", 31),
        ("which of them have at least 34 votes?", 34),
        ("그 중에 투표 40개 이상 받은 것만 알려줘", 40),
        ("34표 이상 받은 것만 추려줘", 34),  # "것만": only the ones (of that list)
    ],
)
def test_a_least_number_of_votes_narrows_the_previous_list(seed_assistant, follow_up, least):
    """Was: "100표 이상 받은 것만 추려줘" searched the archive for '이상 받은'."""
    conv = seed_assistant.chat()
    listed = conv.ask("What was in the 2025-02-26 digest?")
    answer = conv.ask(follow_up)
    catalog = seed_assistant.catalog
    shown = [catalog.papers[c.arxiv_id] for c in listed.citations]
    expected = [
        p.arxiv_id for p in sorted(shown, key=lambda p: -(p.votes or 0)) if (p.votes or 0) >= least
    ]
    assert [c.arxiv_id for c in answer.citations] == expected
    assert expected and all(f"{catalog.papers[i].votes}" in answer.text for i in expected)


def test_which_one_after_two_questions_about_one_paper_each_compares_the_two(seed_assistant):
    """Was: "Which one does better?" after "What's SpargeAttn?" and "And SWE-RL?" answered
    about SWE-RL alone (the last answer's only paper)."""
    conv = seed_assistant.chat()
    conv.ask("What's SpargeAttn?")
    conv.ask("And SWE-RL?")
    answer = conv.ask("Which one has more votes?")
    assert {c.arxiv_id for c in answer.citations} == {SPARGE, SWE_RL}


def test_the_most_voted_of_a_long_list_is_its_first_few_not_all(seed_assistant):
    """Was: "그 중에 투표 제일 많이 받은 건 뭐야?" after a day's listing of 22 papers gave
    the votes of all 22."""
    conv = seed_assistant.chat()
    listed = conv.ask("What was in the 2025-02-26 digest?")
    assert len(listed.citations) > 5
    answer = conv.ask("그 중에 투표 제일 많이 받은 건 뭐야?")
    papers = [seed_assistant.catalog.papers[c.arxiv_id] for c in listed.citations]
    best = sorted(papers, key=lambda p: -(p.votes or 0))[:5]
    assert [c.arxiv_id for c in answer.citations] == [p.arxiv_id for p in best]


def test_a_korean_follow_up_with_few_words_that_name_something_continues_the_subject(
    seed_assistant,
):
    """Was: "몇 토큰까지 늘릴 수 있대?" (five words, one naming anything) and "코드는 어디서 받을
    수 있어?" ("받을" read as a topic) were questions of their own, not about the paper."""
    conv = seed_assistant.chat()
    conv.ask("SpargeAttn 뭐야?")
    faster = conv.ask("몇 배까지 빨라질 수 있대?")
    assert [c.arxiv_id for c in faster.citations][:1] == [SPARGE]
    code = conv.ask("코드는 어디서 받을 수 있어?")
    assert [c.arxiv_id for c in code.citations] == [SPARGE] and "github.com" in code.text


def test_a_figure_asked_of_one_of_those_is_no_topic_filter(seed_assistant):
    """Was: "거기서 SWE-RL은 몇 점 받았어?" after a list read its predicate "받았어" as a topic
    and answered that none of the 10 papers was on it. A Korean predicate names nothing:
    the question asks SWE-RL's figure."""
    conv = seed_assistant.chat()
    conv.ask("강화학습으로 LLM 추론 능력을 키우는 논문 찾아줘")
    answer = conv.ask("거기서 SWE-RL은 몇 점 받았어?")
    assert answer.citations[0].title.startswith("SWE-RL") and "41.0%" in answer.text


def test_an_asking_word_that_is_a_papers_name_leaves_it_pointing_back(tmp_path):
    """Was: "is there a repo for it?" after ReFT stood alone, "repo" being RePO's name, and
    asked which paper was meant. Written in lower case it is the word (`asked_not_named`):
    "it" is ReFT."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-03-10",
        [
            (
                "ReFT: Representation Finetuning for Language Models",
                "2404.03592",
                "ReFT edits hidden representations. Code: https://github.com/stanfordnlp/pyreft",
            ),
            (
                "RePO: ReLU-based Preference Optimization",
                "2503.07426",
                "RePO aligns language models with a ReLU-based loss.",
            ),
        ],
    )
    conv = assistant.chat()
    conv.ask("what is ReFT?")
    answer = conv.ask("is there a repo for it?")
    assert [c.title for c in answer.citations][:1] == [
        "ReFT: Representation Finetuning for Language Models"
    ]
    assert "stanfordnlp/pyreft" in answer.text


def test_the_plural_of_an_acronym_written_out_is_no_missing_measure():
    """Was: "what's ReFT, the representation finetuning method for LMs?" answered "The
    digests give no LMs figure for ReFT", whose title says "Language Models"."""
    from assistant.answer.extractive import written_out

    assert written_out("LMs", "representation finetuning for language models")
    assert written_out("LM", "representation finetuning for language models")
    assert not written_out("LMs", "representation finetuning for vision transformers")


def test_a_comparison_naming_none_after_one_question_each_compares_both(tmp_path):
    """Was: "who's higher on MATH500?" after "what's Skywork R1V?" and "and
    Open-Reasoner-Zero?" answered about the second alone (no pointer word: one paper), and
    a comparison on "AIME 2024" missed the "AIME24" figure (the year is no topic word)."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-04-17",
        [
            (
                "Corvid: Long Reasoning Made Cheap",
                "2503.10460",
                "Corvid trains long-CoT models. Corvid-32B achieved 76.6% on the AIME24 benchmark.",
            ),
            (
                "Heron: Tool-Integrated RL",
                "2504.11536",
                "Heron integrates a code interpreter. Heron reaches 67.0% on AIME 2024.",
            ),
        ],
    )
    for question in ("who's higher on AIME 2024?", "which does better on AIME 2024?"):
        conv = assistant.chat()
        conv.ask("what's Corvid?")
        conv.ask("and Heron?")
        answer = conv.ask(question)
        assert [c.title.split(":")[0] for c in answer.citations] == ["Corvid", "Heron"], question
        assert "76.6%" in answer.text and "67.0%" in answer.text
        assert "Corvid reports the higher one" in answer.text


def test_a_plural_written_with_s_in_parentheses_points_back_to_those(seed_assistant):
    """Was: "only the medical one(s)?" after a title listing was no pointer ("one(s)") and
    read as a question about authors: a plural written "one(s)" is read as "ones"."""
    from assistant.text import check_question

    assert check_question("only the medical one(s)?") == "only the medical ones?"
    assert check_question("paper(s) on (s)ampling") == "papers on (s)ampling"
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    answer = conv.ask("only the reinforcement learning one(s)?")
    assert answer.citations and {c.arxiv_id for c in answer.citations} <= {
        c.arxiv_id for c in listing.citations
    }
    assert "authors" not in answer.text and "저자" not in answer.text


def test_a_ranking_size_after_a_questions_own_papers_points_at_no_earlier_answer(
    seed_assistant,
):
    """Was: "what are the hottest agent papers lately? top 3" after a question about one
    paper was rewritten as about that paper ("... top 3 (SpargeAttn, ...)") and refused:
    "top 3" read as "the first three of the previous answer". After papers of its own it
    is the size of their ranking; alone ("compare the top 3") it still points back."""
    assert back_pointer("what are the hottest agent papers lately? top 3") is None
    assert back_pointer("요즘 인기 많은 에이전트 논문 상위 3개") is None
    assert back_pointer("compare the top 3").picks == (0, 1, 2)
    chat = seed_assistant.chat()
    chat.ask("How much faster is SpargeAttn?")
    answer = chat.ask("what are the hottest attention papers lately? top 3")
    assert [s.tool for s in answer.steps] == ["count_papers"]
    assert answer.steps[0].arguments["sort"] == "votes" and len(answer.citations) == 3


def test_a_checkpoint_the_paper_talked_about_trains_is_its_setting(tmp_path):
    """b61: "Qwen2.5-3B 기준으로 MATH에서는 얼마나 올랐어?" after the Warm Up paper (which
    trains Qwen2.5-3B) went to the Qwen2.5 report; and "Warm Up Before You Train 논문
    알려줘" listed papers on 'warm before train' instead of quoting the title."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-05-21",
        [
            (
                "Qwen2.5 Technical Report",
                "2412.15115",
                "Qwen2.5 scales pre-training to 18 trillion tokens; Qwen2.5-72B scores 83.1 on MATH.",
            ),
            (
                "Warm Up Before You Train: Unlocking General Reasoning in Constrained Settings",
                "2505.13718",
                "A warmup phase gives +10.2% on MATH for the Qwen2.5-3B model.",
            ),
            ("Warm Starts for Sparse Training", "2505.00002", "Warm starts help sparse training."),
        ],
    )
    conv = assistant.chat()
    first = conv.ask("Warm Up Before You Train 논문 알려줘")
    assert [c.arxiv_id for c in first.citations] == ["2505.13718"]
    setting = conv.ask("Qwen2.5-3B 기준으로 MATH에서는 얼마나 올랐어?")
    assert setting.citations[0].arxiv_id == "2505.13718" and "10.2%" in setting.text
    # typed in lower case too (b110: "qwen3-8b 대비 128K 문서 처리 몇 배 빨라?" after
    # MiniCPM4 went to the Qwen3 report)
    setting = conv.ask("qwen2.5-3b 기준으로 MATH에서는 얼마나 올랐어?")
    assert setting.citations[0].arxiv_id == "2505.13718" and "10.2%" in setting.text
    # the model itself, not a checkpoint of it: its own paper
    assert conv.ask("what is Qwen2.5?").citations[0].arxiv_id == "2412.15115"


def test_a_checkpoint_typed_apart_is_the_one_the_paper_writes_in_brackets():
    """b131-093: "gemma 2 2b에서 메모리 얼마나 줄었대?" after Cut Your Losses (CCE with "the
    Gemma 2 (2B) model") went to the Gemma 2 report: the size typed apart, or bracketed by
    the digest, is the same checkpoint; the name alone is the model's own paper."""
    from assistant.understand.condense import _checkpoint_of

    written = "Using CCE with the Gemma 2 (2B) model, memory for loss computation decreased"
    assert _checkpoint_of("Gemma 2", "gemma 2 2b에서 메모리 얼마나 줄었대?", written)
    assert _checkpoint_of("Gemma 2", "Gemma 2-2B는?", written)
    assert not _checkpoint_of("Gemma 2", "Gemma 2 성능은?", written)
    assert not _checkpoint_of("Gemma 2", "gemma 2 9b에서는?", written)  # (not one it writes)


def test_a_model_the_paper_talked_about_is_measured_against_is_its_baseline(tmp_path):
    """b91: "DeepSeek-R1 대비 추론 속도는 얼마나 빨라?" after Confucius3-Math (a 15.8x speedup
    compared to DeepSeek-R1) went to the DeepSeek-R1 paper. Set against the subject
    ("대비", "than"), a model its digest writes is its baseline; named alone, its own."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-06-24",
        [
            ("DeepSeek-R1: Incentivizing Reasoning via RL", "2501.12948", "DeepSeek-R1 uses RL."),
            (
                "Confucius3-Math: A Lightweight High-Performance Reasoning LLM",
                "2506.18330",
                "Confucius3-Math gets a 15.8x speedup in inference compared to DeepSeek-R1.",
            ),
        ],
    )
    for question in (
        "DeepSeek-R1 대비 추론 속도는 얼마나 빨라?",
        "DeepSeek-R1보다 얼마나 빨라?",  # (review: a particle glued on)
        "how much faster than DeepSeek-R1?",
    ):
        conv = assistant.chat()
        conv.ask("Confucius3-Math 요약해줘")
        answer = conv.ask(question)
        assert answer.citations[0].arxiv_id == "2506.18330" and "15.8x" in answer.text, question
    conv = assistant.chat()
    conv.ask("Confucius3-Math 요약해줘")
    assert conv.ask("what about DeepSeek-R1?").citations[0].arxiv_id == "2501.12948"


def test_a_name_of_plain_words_capitalised_as_its_title_writes_it_is_that_paper(tmp_path):
    """Was: "Tell me about Native Sparse Attention." listed the papers on 'Native Sparse
    Attention' (17 in the archive): a name of ordinary words may be a topic's phrase, but
    written with its title's capitals it quotes the title, as a head of three words does.
    In lower case it is still the topic."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-02-19",
        [
            (
                "Native Sparse Attention: Hardware-Aligned and Natively Trainable Sparse Attention",
                "2502.11089",
                "NSA is a natively trainable sparse attention mechanism, 11.6x faster decoding.",
            ),
            ("MoBA: Mixture of Block Attention", "2502.13189", "MoBA is sparse attention."),
            ("SeerAttention", "2410.13276", "SeerAttention learns native sparse attention."),
        ],
    )
    asked = assistant.chat().ask("Tell me about Native Sparse Attention.")
    assert [c.arxiv_id for c in asked.citations] == ["2502.11089"]
    assert "count_papers" not in {s.tool for s in asked.steps}
    topic = assistant.chat().ask("which papers are about native sparse attention?")
    assert len(topic.citations) > 1


def test_a_longer_checkpoint_the_paper_talked_about_reports_on_is_its_setting(tmp_path):
    """b68: "DeepSeek-R1-Distill-Qwen-7B에 적용했을 땐 MATH500 정확도가 몇 %까지
    올라갔어?" after ThinkPO went to the DeepSeek-R1 paper: a checkpoint is also the name
    with more hyphenated parts, a Korean particle glued on, when the paper writes it."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-02-20",
        [
            (
                "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via RL",
                "2501.12948",
                "DeepSeek-R1-Distill-Qwen-32B scores 72.6% on AIME 2024.",
            ),
            (
                "Thinking Preference Optimization",
                "2502.13173",
                "ThinkPO uses short CoT as rejected answers. It lifts DeepSeek-R1-Distill-Qwen-7B"
                " from 87.4% to 91.2% accuracy on MATH500.",
            ),
        ],
    )
    conv = assistant.chat()
    assert conv.ask("what is Thinking Preference Optimization?").citations[0].arxiv_id == (
        "2502.13173"
    )
    setting = conv.ask(
        "DeepSeek-R1-Distill-Qwen-7B에 적용했을 땐 MATH500 정확도가 몇 %까지 올라갔어?"
    )
    assert setting.citations[0].arxiv_id == "2502.13173" and "91.2%" in setting.text


def test_the_words_of_the_x_one_describe_the_paper_not_the_asking_words(tmp_path):
    """Was: "who wrote the grokking one?" after a day's digest on the corpus gave the first
    listed paper's authors: a paper of the archive writes "wrote", so with it the grokking
    paper had under half the question's words, and no listed paper was described."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-06-27",
        [
            (
                "MMSearch-R1: Incentivizing LMMs to Search",
                "2506.20670",
                "MMSearch-R1 trains LMMs to search; its authors wrote a new reward.",
            ),
            (
                "Where to find Grokking in LLM Pretraining?",
                "2506.21551",
                "Grokking shows up in the pretraining of a 7B MoE model.",
            ),
            (
                "MADrive: Memory-Augmented Driving Scene Modeling",
                "2506.21520",
                "MADrive models driving scenes with a memory of cars.",
            ),
        ],
    )
    conv = assistant.chat()
    conv.ask("What was in the 2025-06-27 digest?")
    for question in ("who wrote the grokking one?", "the grokking one: who wrote it, and when?"):
        standalone = conv.condense(question)
        assert "arXiv 2506.21551" in standalone, standalone


@pytest.mark.parametrize(
    "question", ["그 중에 제일 투표 많이 받은 건?", "which of those got the most votes?"]
)
def test_those_after_an_answer_that_listed_no_paper_asks_which(seed_assistant, question):
    """Was: "그 중에 제일 투표 많이 받은 건?" after a refusal ("No paper of 2025-03-12 is
    about 'robots'") ranked the whole archive's papers by votes: "those" were none."""
    conv = seed_assistant.chat()
    assert conv.ask("What is the capital of Australia?").refused
    answer = conv.ask(question)
    assert answer.refused and not answer.citations
    assert "none" in answer.text or "없었습니다" in answer.text
    # after a listing, "those" are its papers, as before
    day = seed_assistant.tools.newest_date
    conv.ask(f"What was in the {day} digest?")
    assert not conv.ask(question).refused


@pytest.mark.parametrize(
    "question, figure",
    [
        ("GPQA 점수 몇이었어?", "56.1"),
        ("And the GPQA score?", "56.1"),
        # the figure in one sentence with it, however far, when the question writes the
        # setting it is stated for (b96: "RULER 128k에서 14B 모델 점수는?" after Qwen2.5-1M)
        ("RULER 128k에서 mini 모델 점수는?", "70.1"),
        # a success rate is a figure asked (b102: "OSWorld 50-step 성공률은?" after Agent S2)
        ("RULER 128k에서 mini 모델 성공률은?", "70.1"),
    ],
)
def test_a_benchmark_with_a_paper_of_its_own_is_where_the_paper_talked_about_scored(
    tmp_path, question, figure
):
    """Was: "GPQA 점수 몇이었어?" after "Phi-4 기술 보고서 찾아줘" answered with the GPQA
    paper (a benchmark with a paper of its own stood for the question's subject). A figure
    asked on a benchmark the paper talked about states a figure on is that paper's; asked
    of the benchmark itself ("who wrote GPQA?") it is the benchmark's paper."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2024-12-13",
        [
            (
                "Phi-4 Technical Report",
                "2412.08905",
                "Phi-4 is a 14B model trained on synthetic data. It scores 56.1 on the GPQA "
                "benchmark, above GPT-4's 50.6. Phi-4-mini reached 70.1 accuracy on 128k "
                "sequences in the RULER benchmark.",
            ),
            (
                "RULER: What's the Real Context Size of Your Long-Context Language Models?",
                "2404.06654",
                "RULER tests 10 long-context models on 13 tasks; all drop with length.",
            ),
            (
                "GPQA: A Graduate-Level Google-Proof Q&A Benchmark",
                "2311.12022",
                "GPQA is a dataset of 448 multiple-choice questions written by domain experts.",
            ),
        ],
    )
    conv = assistant.chat()
    conv.ask("What is Phi-4?")
    answer = conv.ask(question)
    assert [c.arxiv_id for c in answer.citations][:1] == ["2412.08905"], answer.text
    assert figure in answer.text
    conv.turns.pop()
    assert "Phi-4" not in conv.condense("who wrote GPQA?")


@pytest.mark.parametrize("question", ["does it have code?", "is the code out for it?"])
def test_does_it_have_code_after_a_paper_gives_its_code(seed_assistant, question):
    """Was: "does it have code?" after "Who wrote SpargeAttn?" quoted SpargeAttn's summary:
    read with the paper masked ("does it (A) have code?") it sounded like "what does it
    do?", a summary, so the code words were dropped. "does SpargeAttn have code?" gave the
    link all along."""
    conv = seed_assistant.chat()
    conv.ask("Who wrote SpargeAttn?")
    answer = conv.ask(question)
    assert [s.tool for s in answer.steps] == ["paper"], answer.text
    for url in seed_assistant.catalog.papers[SPARGE].github:
        assert url in answer.text


def test_a_pronoun_with_dates_is_still_about_the_paper_talked_about(seed_assistant):
    """Was: "papers similar to it from 2025" after "Who wrote SpargeAttn?" asked "Which paper
    do you mean?": the dates made the question stand alone. A pronoun's question is about
    what it points at; the dates only filter."""
    conv = seed_assistant.chat()
    conv.ask("Who wrote SpargeAttn?")
    answer = conv.ask("papers similar to it from 2025")
    step = answer.steps[0]
    assert step.tool == "similar" and step.arguments["ref"] == SPARGE, answer.text
    assert step.arguments["since"] == "2025-01-01"
    conv.turns.pop()
    # dates without a pronoun still name their own question
    assert "SpargeAttn" not in conv.condense("how many papers in February 2025?")


@pytest.mark.parametrize(
    "question",
    ["Which of those is the most recent?", "그 중 가장 최근 논문은?", "그 중에 제일 최근 거?"],
)
def test_the_most_recent_of_those_is_the_newest_of_the_set(seed_assistant, question):
    """Was: "None of the 12 papers is from <the newest digest>": "most recent" read as the
    newest digest's date, a filter none of the listed papers passed."""
    papers = seed_assistant.catalog.papers
    conv = seed_assistant.chat()
    listing = conv.ask("list papers about reasoning from October 2024")
    first = {c.arxiv_id: min(papers[c.arxiv_id].dates) for c in listing.citations}
    assert len(set(first.values())) > 1  # several dates: the newest is one of them
    newest = max(first.values())
    assert newest < seed_assistant.tools.newest_date  # not the newest digest's
    answer = conv.ask(question)
    assert {c.arxiv_id for c in answer.citations} == {p for p, d in first.items() if d == newest}
    assert newest in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "which of those came out first?",
        "the oldest one of them?",
        "그 중에 제일 먼저 올라온 건 뭐야?",
    ],
)
def test_the_earliest_of_those_is_the_oldest_of_the_set(seed_assistant, question):
    """b80: "그 중에 제일 먼저 올라온 건 뭐야?" after a list answered with the list's first
    paper's summary, and "which of those came out first?" counted the set again."""
    papers = seed_assistant.catalog.papers
    conv = seed_assistant.chat()
    listing = conv.ask("list papers about reasoning from October 2024")
    first = {c.arxiv_id: min(papers[c.arxiv_id].dates) for c in listing.citations}
    oldest = min(first.values())
    assert len(set(first.values())) > 1  # several dates: the oldest is some of them
    answer = conv.ask(question)
    assert {c.arxiv_id for c in answer.citations} == {p for p, d in first.items() if d == oldest}
    assert oldest in answer.text.splitlines()[0]


def test_reading_first_is_no_request_for_the_earliest():
    """Review: "그 중에 제일 먼저 읽어야 할 논문은?" (which to read first) and "which uses the
    oldest dataset?" are no question about the papers' dates."""
    from assistant.answer.asking import _EARLIEST_OF

    for question in (
        "그 중에 제일 먼저 읽어야 할 논문은?",
        "of those, which uses the oldest dataset?",
    ):
        assert not _EARLIEST_OF.search(question), question
    for question in ("그 중 가장 오래된 거?", "which is the earliest of those?"):
        assert _EARLIEST_OF.search(question), question


def test_the_newer_one_of_those_is_no_request_for_newer_work(seed_assistant):
    """b71: "... and what peak TOPS did the newer one hit on a 4090?" after a list of
    attention quantization papers searched the papers since the newest of them."""
    conv = seed_assistant.chat()
    conv.ask("list papers about reasoning from October 2024")
    assert conv.newer("what did the newer one report?") is None
    assert conv.newer("any newer work on this?") is not None


def test_the_most_recent_of_papers_of_one_day_says_they_all_are(seed_assistant):
    day = seed_assistant.tools.newest_date
    conv = seed_assistant.chat()
    listing = conv.ask(f"What was in the {day} digest?")
    answer = conv.ask("Which of those is the most recent?")
    assert answer.text.startswith(f"All {len(listing.citations)} papers are from the same digest")
    assert {c.arxiv_id for c in answer.citations} == {c.arxiv_id for c in listing.citations}


def test_a_korean_compound_the_paper_spaces_is_still_its_word(tmp_path):
    """b63: "엔드투엔드 디코딩은 몇 배 빨라졌어?" after "InfiniteHiP 얼마나 빨라?" went to a
    speech-translation paper: the digest writes "엔드 투 엔드", so the question's word had
    bigrams ("드투", "투엔") the paper lacked, and a short follow-up that names nothing
    continues only a paper that has its rare words. A Korean word written there without
    its spaces is written there."""
    assistant = _korean_padded_archive(
        tmp_path,
        "2025-02-14",
        [
            (
                "InfiniteHiP: Extending Language Model Context Up to 3 Million Tokens",
                "2502.08910",
                "InfiniteHiP는 3백만 토큰 컨텍스트에서 엔드 투 엔드 디코딩에서 7.24배의 속도 "
                "향상을 달성했습니다.",
            ),
            (
                "Decoder-only Models for Speech Translation",
                "2407.03169",
                "엔드투엔드 음성 번역에서 디코딩 전용 모델을 연구했습니다.",
            ),
        ],
    )
    assert assistant.retriever.touches("엔드투엔드 디코딩은 몇 배 빨라졌어?", "2502.08910")
    conv = assistant.chat()
    conv.ask("InfiniteHiP 얼마나 빨라?")
    answer = conv.ask("엔드투엔드 디코딩은 몇 배 빨라졌어?")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2502.08910"]
    assert "7.24배" in answer.text


@pytest.mark.parametrize(
    "question, pointer",
    [
        ("What did the 72B model get on MathVista?", "the 72B model"),
        ("how did the distilled model do on AIME?", "the distilled model"),
        ("what did the paper find?", "the paper"),
    ],
)
def test_the_model_by_its_size_or_variant_points_back(question, pointer):
    """b73: "What did the 72B model get on MathVista, and what mIoU on Charades-STA?" after
    two questions about Qwen2.5-VL was read as a new question (TEMPURA's Charades-STA
    figure): "the 72B model" is the paper's model, as "the model" is. "the model that ..."
    describes another."""
    found = back_pointer(question)
    assert found is not None and found.words == pointer and not found.strong
    assert back_pointer("the 7B model that compresses KV cache?") is None


def test_the_most_voted_of_a_list_without_votes_says_so_of_all_of_them(seed_assistant):
    """Was: "그 중에 제일 추천 많이 받은 건?" after eight papers of an English digest (which
    gives no votes) answered "5편 모두 다이제스트에 추천 수가 없습니다", naming five: the
    first few of a ranking, when there is no ranking. It says so of all of them."""
    conv = seed_assistant.chat()
    listed = conv.ask("What was in the 2024-10-14 digest?")
    papers = [seed_assistant.catalog.papers[c.arxiv_id] for c in listed.citations]
    assert len(papers) > 5 and all(p.votes is None for p in papers)
    answer = conv.ask("그 중에 투표 제일 많이 받은 건 뭐야?")
    assert {c.arxiv_id for c in answer.citations} == {p.arxiv_id for p in papers}
    assert answer.text.startswith(f"{len(papers)}편 모두 다이제스트에 추천 수가 없습니다")


def test_the_same_day_as_a_paper_ranks_that_day_and_a_rank_is_no_topic(seed_assistant):
    """Was: "같은 날 두 번째로 추천 많이 받은 건?" after a question about one paper answered with
    the previous ranking's second paper ("두 번째로" read as a pick, "같은 날" as nothing),
    and "what was the second most voted that day?" ranked the day's papers on 'second'."""
    conv = seed_assistant.chat()
    conv.ask("추천 제일 많이 받은 논문 5개")
    conv.ask("SpargeAttn 저자 누구야?")
    answer = conv.ask("같은 날 두 번째로 추천 많이 받은 건?")
    assert "2025-02-26" in (answer.standalone_question or "")
    step = answer.steps[0]
    assert step.arguments.get("sort") == "votes" and not step.arguments.get("query")
    conv = seed_assistant.chat()
    conv.ask("What was the most voted paper on 2025-02-26?")
    answer = conv.ask("what was the second most voted that day?")
    step = answer.steps[0]
    assert step.arguments.get("sort") == "votes" and not step.arguments.get("query")


def test_a_newer_version_of_a_paper_is_newer_work_like_it(tmp_path):
    """Was: "is there a newer version of it in the archive?" after SageAttention2 listed 28
    papers on 'version'; "이거 새 버전 나왔어?" answered with SageAttention2 again."""
    from conftest import english_digest, make_settings, unrelated_rows

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    old = english_digest(
        tmp_path,
        "2024-11-22",
        [
            (
                "SageAttention2: Efficient Attention with INT4 Quantization",
                "2411.10958",
                "SageAttention2 quantizes attention to INT4 and reaches 485 TOPS on RTX4090.",
            ),
            *unrelated_rows(40),
        ],
    )
    new = english_digest(
        tmp_path,
        "2025-05-21",
        [
            (
                "SageAttention3: Microscaling FP4 Attention for Inference",
                "2505.11594",
                "SageAttention3 quantizes attention to FP4 and reaches 1038 TOPS on RTX5090.",
            ),
            ("Versioned Data Pipelines", "2505.20001", "A new version of a data pipeline tool."),
        ],
    )
    settings = make_settings(tmp_path / "store")
    ingest([old, new], settings)
    assistant = Assistant(settings)
    for question in ["is there a newer version of it in the archive?", "이거 새 버전 나왔어?"]:
        conv = assistant.chat()
        conv.ask("peak TOPS of SageAttention2 on a 4090?")
        answer = conv.ask(question)
        cited = [c.arxiv_id for c in answer.citations]
        assert [s.tool for s in answer.steps] == ["similar"], (question, answer.text)
        assert cited[:2] == ["2411.10958", "2505.11594"], (question, answer.text)


def test_a_korean_word_the_paper_writes_as_a_synonym_is_its_word(tmp_path):
    """b77: "사전학습 토큰은 몇 개 썼대?" after a question about LLaDA went to another paper:
    its Korean digest writes "사전 훈련" (the glossary renders both "pre-training"), and the
    word's English, which a short follow-up was also held to, is in neither summary."""
    assistant = _korean_padded_archive(
        tmp_path,
        "2025-02-17",
        [
            (
                "Large Language Diffusion Models",
                "2502.09992",
                "LLaDA는 8B 크기로 스케일되었으며, 2.3조 개의 토큰을 사용해 사전 훈련하였습니다.",
            ),
            (
                "Cuckoo: An IE Free Rider",
                "2502.11275",
                "Cuckoo는 사전학습 데이터를 변환해 102.6M 개의 추출형 데이터를 모았습니다.",
            ),
        ],
    )
    assert assistant.retriever.touches("사전학습 토큰은 몇 개 썼대?", "2502.09992")
    conv = assistant.chat()
    conv.ask("LLaDA 논문 요약해줘")
    answer = conv.ask("사전학습 토큰은 몇 개 썼대?")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2502.09992"]
    assert "2.3조" in answer.text


def test_a_count_asked_of_the_paper_talked_about_stays_on_it(tmp_path):
    """b76: "질문은 총 몇 개로 되어 있어?" after "GAIA 벤치마크가 뭐야?" went to a medical QA
    dataset: "개로" and "되어" (how a count is asked) read as topic words GAIA lacks, and
    "총" (in total) as one the other paper has."""
    assistant = _korean_padded_archive(
        tmp_path,
        "2023-11-23",
        [
            (
                "GAIA: a benchmark for General AI Assistants",
                "2311.12983",
                "GAIA 벤치마크는 현실 세계 질문들을 제안합니다. 연구자들은 466개의 질문을 고안했습니다.",
            ),
            (
                "AfriMed-QA: A Pan-African Medical QA Dataset",
                "2411.15640",
                "AfriMed-QA는 총 15,000개의 질문을 포함하는 의료 질의응답 데이터세트입니다.",
            ),
        ],
    )
    assert assistant.retriever.touches("질문은 총 몇 개로 되어 있어?", "2311.12983")
    conv = assistant.chat()
    conv.ask("GAIA 벤치마크가 뭐야?")
    answer = conv.ask("질문은 총 몇 개로 되어 있어?")
    assert "GAIA" in (answer.standalone_question or "")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2311.12983"]
    assert "466" in answer.text


def test_a_follow_up_naming_two_papers_is_about_them_not_newer_work(seed_assistant):
    """b77: "There's a value-based follow-up, VAPO. How does it compare with DAPO on AIME
    2024?" after questions about DAPO listed 60 papers on 'value- AIME training steps'
    since DAPO's day: "follow-up" asked for newer work, though it names both papers."""
    conv = seed_assistant.chat()
    conv.ask("What did SWE-RL score on SWE-bench Verified?")
    answer = conv.ask("There's a newer follow-up, SpargeAttn. How does it compare with SWE-RL?")
    assert {c.arxiv_id for c in answer.citations} == {SPARGE, SWE_RL}


@pytest.mark.parametrize(
    "follow_up",
    [
        "and the other one, how much faster is it?",
        "다른 하나는 몇 배 빨라?",
        "what about the other?",
    ],
)
def test_the_other_one_is_the_paper_of_the_two_not_asked_about_last(tmp_path, follow_up):
    """b79: "다른 하나는 FFA-LoRA보다 몇 %p 높았어?" after "FedRand랑 FedSVD 차이 알려줘" and a
    question about FedRand was answered with papers similar to FedRand ("다른" read as
    other papers), and "and the other one" stayed on FedRand: it is FedSVD."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-03-10",
        [
            ("AlphaKV: Cache Compression", "2503.00001", "AlphaKV compresses the KV cache 4x."),
            ("BetaKV: Cache Eviction", "2503.00002", "BetaKV evicts cache entries, 2.5x faster."),
            ("Gamma: Cache Speedups", "2503.00003", "Gamma is 9x faster on cache reads."),
        ],
    )
    conv = assistant.chat()
    conv.ask("Compare AlphaKV and BetaKV")
    assert conv.ask("how much does AlphaKV compress the cache?").citations[0].arxiv_id == (
        "2503.00001"
    )
    answer = conv.ask(follow_up)
    assert answer.citations[0].arxiv_id == "2503.00002" and "2.5x" in answer.text


def test_the_earliest_of_a_listing_answers_the_rest_of_the_question(tmp_path):
    """Was: "그 중 제일 먼저 나온 거, RTX4090에서 몇 TOPS였어?" after the SageAttention papers
    (b83) named the earliest with its gist, not its "340 TOPS"."""
    from conftest import english_digest, make_settings, unrelated_rows

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    first = [
        (
            "QuantAttn: Quantized Attention",
            "2410.00081",
            "QuantAttn quantizes attention to speed it up. It reaches 340 TOPS on an RTX4090.",
        )
    ]
    later = [
        ("QuantAttn2: Faster Quantized Attention", "2411.00082", "QuantAttn2 uses 4-bit keys."),
        ("QuantAttn3: Microscaling Attention", "2505.00083", "QuantAttn3 uses FP4 attention."),
    ]
    digests = [
        english_digest(tmp_path, "2024-10-04", first),
        english_digest(tmp_path, "2024-11-20", later[:1]),
        english_digest(tmp_path, "2025-05-20", later[1:] + unrelated_rows(30)),
    ]
    settings = make_settings(tmp_path / "store")
    ingest(digests, settings)
    chat = Assistant(settings).chat()
    listed = chat.ask("QuantAttn 시리즈 논문들 다 찾아줘")
    assert len(listed.citations) == 3, listed.text
    answer = chat.ask("그 중 제일 먼저 나온 거, RTX4090에서 몇 TOPS였어?")
    assert [c.arxiv_id for c in answer.citations] == ["2410.00081"]
    assert "340 TOPS" in answer.text, answer.text


def test_one_paper_of_those_on_a_topic_answers_with_a_figure_its_other_digest_states(tmp_path):
    """b87: "그중에 코덱 논문은 비트레이트 얼마까지 낮췄대?" after a list gave MuCodec with one
    Korean sentence, no figure; only its English digest writes 0.35kbps: the one paper's
    answer has room for the figure asked for, from either digest."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    day = "2024-09-23"
    title = "MuCodec: Ultra Low-Bitrate Music Codec"
    ko = "MuCodec은 음악 코덱으로 초저비트레이트에서 최고 품질의 음악 재구축을 달성합니다."
    en = "MuCodec reconstructs music with high quality at bitrates as low as 0.35kbps."
    music = ("Seed-Music: A Unified Music Generation Model", "2409.09214", "음악 생성 모델입니다.")
    digests = [
        korean_digest(tmp_path, day, [(title, "2409.13216", ko), music]),
        english_digest(tmp_path, day, [(title, "2409.13216", en), *unrelated_rows(30)]),
    ]
    conv = archive_of(tmp_path, digests).chat()
    conv.ask("2024년 9월 23일에 음악 관련 논문 뭐 있었어?")
    answer = conv.ask("그중에 코덱 논문은 비트레이트 얼마까지 낮췄대?")
    assert [c.arxiv_id for c in answer.citations] == ["2409.13216"], answer.text
    assert "0.35kbps" in answer.text, answer.text


def test_a_follow_up_naming_another_version_alone_asks_about_that_version(tmp_path):
    """b88 (and b83 on dev): "what about v2?" after NeuFlow, "3.5 버전은 컨텍스트 얼마나
    늘었어?" after EXAONE 3.0 and "3에서는 ...?" after VideoLLaMA 2 answered about the
    version talked about. A version named alone, beside no other name, is that sibling,
    unless it is set against the one talked about ("how does it compare to v2?")."""
    from conftest import english_archive, unrelated_rows

    rows = [
        (
            "NeuFlow: Real-time Optical Flow on Edge Devices",
            "2403.10425",
            "NeuFlow runs at 30 FPS.",
        ),
        ("NeuFlow v2: High-Efficiency Optical Flow", "2408.10161", "NeuFlow v2 runs at 20 FPS."),
        ("Hunyuan3D 2.0: Scaling Diffusion for 3D", "2501.12202", "Hunyuan3D 2.0 makes assets."),
        ("Hunyuan3D 2.5: High-Fidelity 3D Assets", "2506.16504", "Hunyuan3D 2.5 adds LATTICE."),
        *unrelated_rows(20),
    ]
    assistant = english_archive(tmp_path, "2025-06-20", rows)

    def last(*questions: str):
        conv = assistant.chat()
        for q in questions:
            answer = conv.ask(q)
        return answer

    v2 = last("How fast was NeuFlow on a Jetson?", "what about v2?")
    assert v2.citations[0].arxiv_id == "2408.10161" and "20 FPS" in v2.text, v2.text
    later = last("Hunyuan3D 2.0은 어떤 구조로 3D 에셋을 만들어?", "2.5 버전은 뭘 더했어?")
    assert later.citations[0].arxiv_id == "2506.16504" and "LATTICE" in later.text, later.text
    both = last("How fast was NeuFlow on a Jetson?", "how does it compare to v2?")
    assert {c.arxiv_id for c in both.citations} >= {"2403.10425", "2408.10161"}
    # (review) a version no sibling carries is none ("what about v3?": not NeuFlow v1);
    # a number after another word is no version ("그중 상위 2는?"); what changed compares
    none = last("NeuFlow v2 speed on a Jetson?", "what about v3?")
    assert "2403.10425" not in [c.arxiv_id for c in none.citations], none.text
    sibling = assistant.router.sibling_asked
    assert sibling("what about v3?", "2408.10161") is None
    assert sibling("그중 상위 2는?", "2403.10425") is None
    assert sibling("2.5 버전은 뭐가 달라졌어?", "2501.12202") is None  # compared
    assert sibling("2.5 버전은 뭘 더했어?", "2501.12202") == "2506.16504"


@pytest.mark.parametrize(
    "followup", ["which one is cheaper to train?", "which of the two has fewer parameters?"]
)
def test_which_of_two_compared_papers_is_more_so_compares_them(seed_assistant, followup):
    """Was: "which one is cheaper to train?" after "DeepSeek-R1 vs Kimi k1.5 on AIME?" said
    "None of the 2 papers is on 'cheaper train'": a choice between the papers talked about,
    asked with a comparative, sets them against each other, each cited."""
    conversation = seed_assistant.chat()
    conversation.ask("SpargeAttn vs ART?")
    answer = conversation.ask(followup)
    assert answer.text.startswith("Comparing 2 papers"), answer.text
    assert [c.arxiv_id for c in answer.citations] == ["2502.18137", "2502.18364"]
    # (review: their metadata is counted, not compared: "which one has more authors?")
    authors = conversation.ask("which one has more authors?")
    assert "written by" in authors.text, authors.text


def test_many_long_titles_pointed_back_to_still_make_a_question():
    """b94: "which of those came out in 2025?" after 30 papers on image watermarking was
    asked of every 2025 paper: the rewrite naming the 30 (long titles) passed the question
    length limit and was dropped. Past a budget each name is cut to its first words; the
    ids still say which papers they are, and the names' brackets still parse."""
    from types import SimpleNamespace

    from assistant.text import MAX_QUESTION_CHARS
    from assistant.understand.condense import subject_names
    from assistant.understand.references import SUBJECT

    papers = {
        f"2501.{n:05d}": SimpleNamespace(
            arxiv_id=f"2501.{n:05d}",
            label=f"A Very Long Title (Number {n}) About Watermarking Images Generated "
            "By Diffusion Models Without Any Name Of Its Own",
        )
        for n in range(30)
    }
    catalog = SimpleNamespace(papers=papers)
    names = subject_names(list(papers), catalog)
    rewritten = f"which of those ({names}) came out in 2025?"
    assert len(rewritten) <= MAX_QUESTION_CHARS
    assert re.findall(r"arXiv (\d{4}\.\d{5})", SUBJECT.search(rewritten).group(0)) == list(papers)


@pytest.mark.parametrize(
    "question",
    [
        "비전-언어 커넥터 설계는 별로 안 중요하다고 했던 거 맞아?",
        "학습 없이 바로 쓸 수 있다고 했던 거 맞지?",
    ],
)
def test_a_question_recalling_what_was_said_is_of_the_paper_talked_about(seed_assistant, question):
    """b94: "비전-언어 커넥터 설계는 별로 안 중요하다고 했던 거 맞아?" after a question about
    MM1 was a new question, refused: it names nothing, and MM1's digest writes "연결기", not
    "커넥터". Asking to confirm what was said ("했던 거 맞아?", "did they say") is about the
    paper talked about."""
    catalog = seed_assistant.catalog
    # (its digests write none of its words: neither covers nor touches the question)
    never = lambda *_: False  # noqa: E731
    out = rule_based_condense(question, [SPARGE], catalog, covers=never, touches=never)
    assert out.endswith(f"(SpargeAttn, arXiv {SPARGE})"), out
    new = "비전-언어 커넥터 설계가 중요한 논문 있어?"  # (a new question: no recalling)
    assert rule_based_condense(new, [SPARGE], catalog, covers=never, touches=never) == new


@pytest.mark.parametrize(
    "question", ["어느 날 다이제스트에 나왔어?", "몇 월 며칠 다이제스트에 실렸어?"]
)
def test_which_day_it_appeared_is_asked_of_the_paper_talked_about(seed_assistant, question):
    """b96: "어느 날 다이제스트에 나왔어?" after "OmniHuman-1 뭐야?" listed the newest digest
    (a question about digests, with no subject of its own): "어느 날" asks when, as "언제"."""
    conv = seed_assistant.chat()
    conv.ask("What does SpargeAttn do?")
    answer = conv.ask(question)
    assert [c.arxiv_id for c in answer.citations] == ["2502.18137"], answer.text
    paper = seed_assistant.catalog.papers["2502.18137"]
    assert all(day in answer.text for day in paper.dates), answer.text


def test_a_korean_pronoun_opening_a_follow_up_is_its_subject_whatever_it_names(tmp_path):
    """b95: "그거 따로 학습시켜야 돼? 아니면 그냥 SAM 2에 붙여서 쓰면 돼?" after "SAM2Long 논문
    알아?" answered with SAM 2's paper, the model it is built on. The pronoun the question
    opens with is its subject ("그거 말고 SAM 2는?" asks about SAM 2)."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2024-10-22",
        [
            (
                "SAM2Long: Enhancing SAM 2 for Long Video Segmentation",
                "2410.16268",
                "SAM2Long is a training-free memory tree on top of SAM 2 for long videos.",
            ),
            (
                "SAM 2: Segment Anything in Images and Videos",
                "2408.00714",
                "SAM 2 is a promptable segmentation model for images and videos.",
            ),
        ],
    )
    conv = assistant.chat()
    conv.ask("SAM2Long 논문 알아?")
    standalone = conv.condense("그거 따로 학습시켜야 돼? 아니면 그냥 SAM 2에 붙여서 쓰면 돼?")
    assert "arXiv 2410.16268" in standalone, standalone
    assert "arXiv 2410.16268" not in conv.condense("그거 말고 SAM 2는?")


def test_a_korean_pronoun_set_against_another_paper_compares_the_two(tmp_path):
    """Review: "그거 DeepSeek-R1보다 높아?" after Kimi k1.5's MATH 500 score had been asked
    of DeepSeek-R1 alone (before: the named paper stood for the subject), then of Kimi
    alone (the pronoun opening it). Set against another paper, it is both."""
    from conftest import english_archive

    from assistant.answer.likeness import _about_the_subject

    assistant = english_archive(
        tmp_path,
        "2025-01-23",
        [
            (
                "Kimi k1.5: Scaling RL with LLMs",
                "2501.12599",
                "Kimi k1.5 reaches 96.2 on MATH 500.",
            ),
            (
                "DeepSeek-R1: Reasoning via RL",
                "2501.12948",
                "DeepSeek-R1 reaches 97.3 on MATH-500.",
            ),
        ],
    )
    conv = assistant.chat()
    conv.ask("Kimi k1.5 MATH 500 점수 몇이야?")
    answer = conv.ask("그거 DeepSeek-R1보다 높아?")
    assert {c.arxiv_id for c in answer.citations} == {"2501.12599", "2501.12948"}, answer.text
    # (the pronoun's paper with another set against it is no question about it alone)
    assert not _about_the_subject("그거 (Kimi k1.5, arXiv 2501.12599) DeepSeek-R1보다 높아?")
    assert _about_the_subject(
        "How did DeepSeek-R1 do in that comparison? (Kimi k1.5, arXiv 2501.12599)"
    )


@pytest.mark.parametrize(
    "back",
    [
        # (b105: "다시 처음 거로 돌아가서, 그거 컨텍스트 길이 몇 K까지 된다고 했어?" after
        # Jamba, then Mixture-of-Depths, answered of the second; b99: "아 다시 첫번째 거로
        # 돌아가서" had no back-to word: "다시 돌아가서" was one phrase)
        "다시 처음 거로 돌아가서, 그거 저자 누구야?",
        "아 다시 첫번째 거로 돌아가서, 그거 저자 누구야?",
    ],
)
def test_going_back_to_the_first_paper_talked_about(seed_assistant, back):
    conversation = seed_assistant.chat()
    conversation.ask("SpargeAttn이 뭐야?")
    conversation.ask("SWE-RL은 뭐야?")
    answer = conversation.ask(back)
    assert [c.arxiv_id for c in answer.citations] == ["2502.18137"], answer.text


def test_a_spoken_pointer_after_a_paper_the_question_names_is_that_paper(seed_assistant):
    """Review: "오케이 그럼 Agent-R은? 걔는 평균 성공률 몇이야" after another paper answered of
    that one (걔 had been read as a strong pointer at the previous answer)."""
    conversation = seed_assistant.chat()
    conversation.ask("What does SpargeAttn do?")
    answer = conversation.ask("오케이 그럼 SWE-RL은? 걔는 SWE-bench Verified 몇 점이야")
    assert answer.citations[0].arxiv_id == "2502.18449", answer.text


def test_a_korean_word_is_written_by_a_paper_that_writes_one_of_its_renderings(tmp_path):
    """b106: "사전학습 데이터는 몇 토큰 썼대?" after Qwen2.5-VL: 사전학습 renders as "pretraining"
    or "pre-training", and its summary writes the second; the follow-up had been read as a
    question of its own."""
    from conftest import english_archive

    rows = [
        ("Qwen2.5 Technical Report", "2412.15115", "Its pre-training data has 18 trillion tokens.")
    ]
    retriever = english_archive(tmp_path, "2024-12-20", rows).retriever
    assert retriever.touches("사전학습 데이터는 몇 토큰 썼대?", "2412.15115")


@pytest.mark.parametrize(
    ("follow_up", "meant"),
    [
        ("What did the newer one score on MathVista?", "2502.00002"),
        ("더 최신 거는 MathVista 몇 점이야?", "2502.00002"),
        ("and the older one, what did it score on MathVista?", "2409.00001"),
        ("예전 거는 MathVista 몇 점이야?", "2409.00001"),
    ],
)
def test_the_newer_or_older_one_is_picked_by_its_digest_date(tmp_path, follow_up, meant):
    """b107: "What did the newer one score on MathVista?" after "Compare Qwen2-VL and
    Qwen2.5-VL for me" answered with Qwen2-VL (the answer's first, the words "newer one"
    described neither); the newer is the one of the later digest, whatever the order."""
    from conftest import archive_of, english_digest, unrelated_rows

    assistant = archive_of(
        tmp_path,
        [
            english_digest(
                tmp_path,
                "2024-09-19",
                [
                    (
                        "VisionCat: A Vision Model",
                        "2409.00001",
                        "VisionCat scores 58.2 on MathVista.",
                    )
                ],
            ),
            english_digest(
                tmp_path,
                "2025-02-20",
                [
                    ("VisionCat2: Better", "2502.00002", "VisionCat2 scores 74.8 on MathVista."),
                    *unrelated_rows(30),
                ],
            ),
        ],
    )
    conv = assistant.chat()
    compared = conv.ask("Compare VisionCat and VisionCat2 for me")
    assert [c.arxiv_id for c in compared.citations][:2] == ["2409.00001", "2502.00002"]
    answer = conv.ask(follow_up)
    assert answer.citations[0].arxiv_id == meant, answer.text
    assert ("74.8" if meant == "2502.00002" else "58.2") in answer.text


def test_the_newest_papers_asked_for_are_no_pointer():
    """ "the latest paper on RAG", "최신 논문 알려줘" ask for recent work, not one of those
    talked about."""
    for question in (
        "the latest paper on RAG?",
        "최신 논문 알려줘",
        "VLA 모델 논문 최신 거 몇 개 알려줘",
        "예전 논문 중에 RAG 관련 있어?",
        "더 최신 거 있어?",  # (review: newer work asked, after a topic list)
        "What is the earlier work on diffusion LLMs?",
        "what are the newest papers?",
    ):
        assert back_pointer(question) is None, question
    assert back_pointer("the later one - who wrote it?").by_date == 1
    assert back_pointer("the earlier paper: code?").by_date == -1


def test_a_follow_up_on_a_name_declined_asks_of_the_name_again(tmp_path):
    """ "What is CogVideoX?" (declined: no paper of the archive is its own), then "who are
    its authors?" gave the authors of LiFT, the first paper listed as mentioning it. The
    pointer, or a short question naming nothing, is of the name; "the second one" is of the
    papers listed, and a question naming another paper is about that one."""
    from conftest import english_archive, unrelated_rows

    users = [
        ("LiftUp: Video Feedback", "2411.00001", "LiftUp fine-tunes CogVidX-2B, +3.1 VBench."),
        ("TileGen: Long Videos", "2411.00002", "TileGen extends CogVidX-5B to 3x length."),
        ("Frame Noise: Sampling", "2411.00010", "Noise picks lift CogVidX-2B's VBench score."),
        ("MotionBench: Motion", "2411.00011", "We test PikaLabs, Kling and CogVidX-5B on motion."),
        ("TILEX: Tiles", "2411.00012", "TILEX tiles images 4x faster."),
    ]
    assistant = english_archive(tmp_path, "2024-11-05", [*users, *unrelated_rows(40)])
    for follow_up in ("who are its authors?", "그거 깃허브 있어?", "저자는?"):
        chat = assistant.chat()
        first = chat.ask("What is CogVidX?")
        assert first.refused, first.text
        answer = chat.ask(follow_up)
        assert answer.refused and "CogVidX" in answer.text.split("\n")[0], answer.text
    chat = assistant.chat()
    first = chat.ask("What is CogVidX?")
    second = sorted(first.citations, key=lambda c: c.n)[1].arxiv_id
    answer = chat.ask("the second one's authors?")
    assert [c.arxiv_id for c in answer.citations] == [second], answer.text
    answer = chat.ask("what about TileGen?")
    assert answer.citations[0].arxiv_id == "2411.00002", answer.text
    # another name no paper is about, asked after the decline, is asked as itself: not
    # "LiftUp gives no PikaLabs figure" of the first paper listed
    chat = assistant.chat()
    chat.ask("What is CogVidX?")
    answer = chat.ask("what is PikaLabs?")
    assert "LiftUp" not in answer.text.split("\n")[0], answer.text
    assert chat.turns[-1].standalone == "what is PikaLabs?"
    # (review: a name in capitals, with a Korean particle, is another name all the same)
    chat = assistant.chat()
    chat.ask("What is CogVidX?")
    answer = chat.ask("그럼 TILEX는 뭐야?")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2411.00012"], answer.text


def test_a_short_question_asking_how_much_is_of_the_subject(tmp_path):
    """b128: "몇 fps로 돌아가?" after Splatter Image (whose digest writes "초당 38프레임", no
    "fps") was asked alone and answered with a paper whose FPS is Formal Problem-Solving.
    A short question asking how much, naming nothing, in words the archive writes, is of
    the paper talked about."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2025-05-08",
        [
            ("QuickSplat: Fast 3D", "2312.13150", "QuickSplat rebuilds objects at 38 frames/sec."),
            ("Beyond Proving", "2505.04528", "We define Formal Problem-Solving (FPS) in Lean."),
            ("ClipGen: Video", "2501.20001", "ClipGen renders video at 24 fps."),
            *unrelated_rows(40),
        ],
    )
    chat = assistant.chat()
    chat.ask("What is QuickSplat?")
    answer = chat.ask("몇 fps야?")
    assert "QuickSplat" in chat.turns[-1].standalone, chat.turns[-1].standalone
    assert [c.arxiv_id for c in answer.citations][:1] == ["2312.13150"], answer.text
    # (words no paper writes are a question of their own: "부산 가는 ktx 막차 몇 시야?")
    chat.ask("What is QuickSplat?")
    chat.ask("부산 가는 ktx 막차 몇 시야?")
    assert "QuickSplat" not in chat.turns[-1].standalone


def test_a_model_the_paper_talked_about_uses_is_asked_of_as_it_reports_it():
    """b148: "what ASR did the Gemini attacker get against GPT-4o on Harmbench?" after
    Jailbreaking to Jailbreak had been answered with the Gemini report: the paper talked
    about writes Gemini in a sentence with the question's other words."""
    from assistant.understand.condense import _used_in

    written = (
        "This paper introduces J2. Primary results show that J2 attackers (specifically "
        "Sonnet-3.5 and Gemini-1.5-pro) achieve 93.0% and 91.0% attack success rates (ASRs) "
        "respectively against GPT-4o on Harmbench."
    )
    question = "what ASR did the Gemini attacker get against GPT-4o on Harmbench?"
    assert _used_in("Gemini", question, written)
    assert not _used_in("Gemini", "Tell me about the Gemini paper", written)
    assert not _used_in("Gemini", question, "This paper introduces J2, an attack.")
    # (its own figure, asked with a possessive: the model's paper, as before)
    assert not _used_in("Gemini", "what ASR did Gemini's attacker get on Harmbench?", written)
    # b168 (blind): a word the sentence writes inflected counts ("improve" of "improved the
    # baseline model (Show-o)"; the Show-o paper had been asked, "no GenEval figure")
    parm = (
        "They propose PARM and PARM++. Integrating PARM with iterative DPO improved the "
        "baseline model (Show-o) by +24% on the GenEval benchmark."
    )
    asked = "how much did Show-o improve on GenEval once they added their reward models?"
    assert _used_in("Show-o", asked, parm)
    assert not _used_in("Show-o", "what is Show-o's GenEval score?", parm)
    # (inflected words alone are any model's own: "How was Qwen2.5 trained and what did it
    # achieve?" after a paper that "achieved ... training Qwen2.5" asks Qwen2.5's; review)
    light = "Light-R1 achieved 76.6 on AIME24 after training Qwen2.5-32B with curriculum SFT."
    assert not _used_in("Qwen2.5", "How was Qwen2.5 trained and what did it achieve?", light)
