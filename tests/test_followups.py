"""Follow-ups offline keep their subject (issue 11 item 5), over the seed store.

The previous answer's cited papers, all of them and in their [n] order, are what "the
second one", "those", "both", "그 논문", "두 번째 논문" resolve to (`references`), and a
model named inside a follow-up that points back ("that setup", "그 설정") does not take
over the subject.
"""

from __future__ import annotations

import pytest

from assistant.understand.condense import rule_based_condense
from assistant.understand.references import back_pointer, previous_refs

SPARGE = "2502.18137"
SWE_RL = "2502.18449"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("and the second one?", ["b"]),
        ("the third paper: who wrote it?", ["c"]),
        ("what about the last one?", ["e"]),
        ("두 번째 논문은 뭐야?", ["b"]),
        ("세 번째 것 요약해줘", ["c"]),
        ("compare those", ["a", "b", "c", "d", "e"]),
        ("compare both", ["a", "b", "c", "d", "e"]),
        ("그 논문들 비교해줘", ["a", "b", "c", "d", "e"]),
        ("그 논문 저자는?", ["a"]),
        ("How much did DeepSeek-R1's accuracy drop under that setup?", ["a"]),
        ("그 설정에서 DeepSeek-R1의 정확도는?", ["a"]),
        ("What was the first paper to use RL for theorem proving?", []),
        ("a second look at sparse attention", []),
        ("papers about video generation", []),
    ],
)
def test_pointers_pick_the_previous_papers_in_order(question, expected):
    assert previous_refs(question, ["a", "b", "c", "d", "e"]) == expected


def test_a_named_pointer_is_strong_a_bare_pronoun_weak():
    assert back_pointer("under that setup?").strong
    assert back_pointer("그 논문 저자는?").strong
    assert not back_pointer("how fast is it?").strong


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
