"""Papers named in a question: the name people type, the longer of two names, their order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import make_settings

from assistant.types import Mention, Paper

DIGEST = """## Papers for 2025-05-08

| Title | Authors | Summary |
|-------|---------|---------|
| DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data (Read more on [arXiv](https://arxiv.org/abs/2405.14333))| A B | DeepSeek-Prover reaches 46.3% on miniF2F with 64 samples. |
| DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning (Read more on [arXiv](https://arxiv.org/abs/2408.08152))| C D | DeepSeek-Prover-V1.5 reaches 63.5% on miniF2F with tree search. |
| OmniBench: Towards The Future of Universal Omni-Language Models (Read more on [arXiv](https://arxiv.org/abs/2409.15272))| E F | OmniBench evaluates models that see, hear and read at once. |
| Qwen2.5-Omni Technical Report (Read more on [arXiv](https://arxiv.org/abs/2503.20215))| G H | Qwen2.5-Omni reaches 56.13% on OmniBench. |
"""


@pytest.mark.parametrize(
    "title, name",
    [
        ("Qwen2.5-Omni Technical Report", "Qwen2.5-Omni"),
        ("Hermes 3 Technical Report", "Hermes 3"),
        ("Tele-FLM Report", "Tele-FLM"),
        ("SpargeAttn: Accurate Sparse Attention", "SpargeAttn"),
        ("SageAttention2 Technical Report: Accurate 4 Bit Attention", "SageAttention2"),
        ("Step-Video-T2V Technical Report: The Practice", "Step-Video-T2V"),
        ("A Survey of Technical Report Writing", None),
        ("Skywork Open Reasoner 1 Technical Report", None),  # four words: not a name
        # a coined name and its version open a title with no colon (b83, b77: "EXAONE 3.0"
        # was no paper's name, so "EXAONE 3.0 vs 3.5" found neither side)
        ("EXAONE 3.0 7.8B Instruction Tuned Language Model", "EXAONE 3.0"),
        ("DeepSpeak Dataset v1.0", "DeepSpeak Dataset v1.0"),
        ("Training 2 Models at Once for Speed", None),  # an English word: no name
        ("Depth Anything V2", None),  # no coined word: the whole title is looked up
    ],
)
def test_the_name_people_type(title, name):
    paper = Paper("2503.20215", [Mention("2503.20215", title, "2025-03-27", "en", "x.md", 1)])
    assert paper.name == name


@pytest.mark.parametrize(
    "title, summary, name",
    [
        ("s1: Simple test-time scaling", "The paper introduces s1, a simple method.", "s1"),
        ("J1: Thinking judges", "J1 trains judges with RL.", "J1"),
        ("Yi: Open Foundation Models", "Yi 모델 패밀리를 소개합니다.", "Yi"),
        ("Go: A study of games", "A study of how agents play games.", None),  # no "Go" in it
        ("S*: Test time scaling for code", "S* scales code generation.", None),  # one letter
        ("B4: Plausible tests", "We assess code with b4 tests.", None),  # not as written
    ],
)
def test_a_short_title_head_is_a_name_when_its_summary_uses_it(title, summary, name):
    m = Mention("2501.19393", title, "2025-02-03", "en", "x.md", 1, summary=summary)
    assert Paper("2501.19393", [m]).name == name


@pytest.mark.parametrize(
    "title, head",
    [
        ("LLM in a flash: Efficient Large Language Model Inference", "LLM in a flash"),
        ("Make LoRA Great Again: Boosting LoRA", "Make LoRA Great Again"),
        ("SpargeAttn: Accurate Sparse Attention", None),  # a name
        ("Go: A study of games", None),  # too short to be a name, or a head
        ("Scaling Laws for Neural Language Models", None),  # no colon
    ],
)
def test_a_title_too_long_to_be_named_is_quoted_by_its_head(title, head):
    paper = Paper("2312.11514", [Mention("2312.11514", title, "2023-12-20", "en", "x.md", 1)])
    assert paper.head == head


def _assistant(tmp_path_factory, file_name: str, digest: str, papers: int):
    """An assistant over a store of one digest file, which holds `papers` papers."""
    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    path = tmp_path_factory.mktemp("names") / file_name
    path.write_text(digest, encoding="utf-8")
    settings = make_settings(path.parent / "store")
    report = ingest([path], settings)
    assert report.papers_total == papers and not report.errors
    return Assistant(settings)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return _assistant(tmp_path_factory, "2025-05-08.md", DIGEST, 4).catalog


@pytest.mark.parametrize(
    "question, expected",
    [
        ("DeepSeek-Prover-V1.5 pass rate on miniF2F?", ["2408.08152"]),
        ("DeepSeek-Prover-V1.5에 트리 탐색을 붙이면?", ["2408.08152"]),
        ("What did DeepSeek-Prover score?", ["2405.14333"]),
        ("What average did Qwen2.5-Omni reach on OmniBench?", ["2503.20215", "2409.15272"]),
        ("On OmniBench, what did Qwen2.5-Omni reach?", ["2409.15272", "2503.20215"]),
        # a released model's size and tuning inside the name: the paper of that model
        ("What did Qwen2.5-7B-Omni reach on OmniBench?", ["2503.20215", "2409.15272"]),
        ("DeepSeek-Prover-7B-V1.5 pass rate on miniF2F?", ["2408.08152"]),
        ("DeepSeek-Prover-V1.5-7B-Base pass rate?", ["2408.08152"]),
        # the shorter name also written apart from the longer is named too (was: only
        # DeepSeek-Prover-V1.5, as for "Qwen2 vs Qwen2.5" on the corpus)
        ("DeepSeek-Prover vs DeepSeek-Prover-V1.5 on miniF2F", ["2405.14333", "2408.08152"]),
        ("DeepSeek-Prover-V1.5랑 DeepSeek-Prover 비교", ["2408.08152", "2405.14333"]),
    ],
)
def test_named_papers_longest_name_first_in_question_order(catalog, question, expected):
    assert catalog.by_short_name(question) == expected


def test_a_store_derived_under_the_old_name_rule_gets_its_names_again(tmp_path):
    """Names are derived data: a store written before a rule change is re-derived at open
    (names only, from the stored records), and nothing else is rebuilt."""
    import sqlite3

    from assistant import Assistant
    from assistant.index.derived import NAMES_RULE
    from assistant.ingest.pipeline import ingest

    (tmp_path / "2025-05-08.md").write_text(DIGEST, encoding="utf-8")
    settings = make_settings(tmp_path / "store")
    ingest([tmp_path / "2025-05-08.md"], settings)
    [db_path] = (tmp_path / "store").rglob("papers.sqlite3")
    with sqlite3.connect(db_path) as db:  # as an older release left it
        db.execute("DELETE FROM names WHERE name = 'qwen2 5 omni'")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'names_rule'")
        n_terms = db.execute("SELECT COUNT(*) FROM terms").fetchone()[0]
    catalog = Assistant(settings).catalog
    assert catalog.by_short_name("What did Qwen2.5-Omni reach?") == ["2503.20215"]
    with sqlite3.connect(db_path) as db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert meta["names_rule"] == NAMES_RULE
        assert db.execute("SELECT COUNT(*) FROM terms").fetchone()[0] == n_terms


def test_a_common_word_name_written_exactly_may_carry_a_korean_particle(catalog):
    # "OmniBench" is used as a word in another paper's summary, but it is no English word:
    # a name however it is written (was: "omnibench" in lower case named nothing)
    assert catalog.by_short_name("OmniBench에서 Qwen2.5-Omni 점수는?")[0] == "2409.15272"
    assert catalog.by_short_name("omnibench는 뭐야?") == ["2409.15272"]


def test_a_name_that_is_an_english_word_needs_its_own_spelling(seed_assistant):
    """ "ART" (a paper's name) is also "art", in "state-of-the-art": only as written."""
    catalog = seed_assistant.catalog
    art = catalog.by_short_name("ART 저자는?")
    assert art and catalog.papers[art[0]].label == "ART"
    assert catalog.by_short_name("state-of-the-art attention kernels") == []


ARTICLE_DIGEST = """## Papers for 2024-06-11

| Title | Authors | Summary |
|-------|---------|---------|
| The Prompt Report: A Systematic Survey of Prompting Techniques (Read more on [arXiv](https://arxiv.org/abs/2406.06608))| A B | The Prompt Report reviews 58 text-based prompting techniques. |
| Token-Budget-Aware LLM Reasoning (Read more on [arXiv](https://arxiv.org/abs/2412.18547))| C D | TALE puts a token budget in the prompt and cuts CoT tokens by 68.64%. |
| PromptWizard: Task-Aware Prompt Optimization (Read more on [arXiv](https://arxiv.org/abs/2405.18369))| E F | PromptWizard rewrites the prompt with feedback. |
| The Well: a Large-Scale Collection of Physics Simulations (Read more on [arXiv](https://arxiv.org/abs/2412.00568))| G H | The Well gathers 15TB of simulation data. |
"""


def test_a_name_of_an_article_and_words_is_named_with_its_capitals(tmp_path_factory):
    """b157 (blind): "giving the model a token budget in the prompt so CoT gets shorter"
    named "The Prompt" (The Prompt Report), a phrase three summaries write; "the well
    dataset", which no other summary writes, is still The Well (the review)."""
    catalog = _assistant(tmp_path_factory, "2024-06-11.md", ARTICLE_DIGEST, 4).catalog
    assert catalog.papers["2406.06608"].name == "The Prompt"
    asked = "something about giving the model a token budget in the prompt so CoT gets shorter?"
    assert catalog.by_short_name(asked) == []
    assert catalog.by_short_name("What's The Prompt Report about?") == ["2406.06608"]
    assert catalog.by_short_name("summarize the Prompt paper") == ["2406.06608"]
    assert catalog.by_short_name("what's the well dataset?") == ["2412.00568"]


def test_a_follow_ups_subject_names_only_itself(catalog):
    """The rewrite spells the subject out as '(title, arXiv id)': a name inside that title
    (here OmniBench, in a made-up title) is no second paper the question asks about."""
    from assistant.answer.router import Router
    from assistant.tools import ArchiveTools
    from assistant.understand.query import analyse

    router = Router(ArchiveTools(catalog, None))
    question = "Who wrote it (Qwen2.5-Omni Technical Report on OmniBench, arXiv 2503.20215)?"
    info = analyse(question, None, "2025-05-08")
    assert [p.arxiv_id for p in router.named(info)] == ["2503.20215"]
    info = analyse("Who wrote OmniBench and Qwen2.5-Omni?", None, "2025-05-08")
    assert [p.arxiv_id for p in router.named(info)] == ["2409.15272", "2503.20215"]


CONTEXT_DIGEST = """## Papers for 2025-01-10

| Title | Authors | Summary |
|-------|---------|---------|
| GUI Agents: A Survey (Read more on [arXiv](https://arxiv.org/abs/2412.13501))| A B | This survey reviews GUI agents: their benchmarks, datasets, architectures and training strategies across web, desktop and mobile platforms. |
| ShowUI: One Vision-Language-Action Model for GUI Visual Agent (Read more on [arXiv](https://arxiv.org/abs/2411.17465))| C D | ShowUI is a lightweight vision-language-action model for GUI agents; the 2B model reaches 75.1% zero-shot screenshot grounding accuracy with UI-guided visual token selection. |
| Gemma 2: Improving Open Language Models at a Practical Size (Read more on [arXiv](https://arxiv.org/abs/2408.00118))| E F | Gemma 2 interleaves local sliding-window and global attention and uses knowledge distillation for its 2B and 9B models. |
| Cut Your Losses in Large-Vocabulary Language Models (Read more on [arXiv](https://arxiv.org/abs/2411.09009))| G H | Cut Cross-Entropy computes the cross-entropy loss without materializing the logits; for Gemma 2 (2B) the loss computation memory drops from 24GB to 1MB. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| I J | Star Attention is a block-sparse attention for long-context inference that speeds it up by up to 11x. |
"""


@pytest.fixture(scope="module")
def context_assistant(tmp_path_factory):
    return _assistant(tmp_path_factory, "2025-01-10.md", CONTEXT_DIGEST, 5)


@pytest.mark.parametrize(
    "question, first",
    [
        # a name the question only uses as context, or a plain phrase that is a paper's name:
        # the paper that answers the question comes first
        (
            "What zero-shot screenshot grounding accuracy does the 2B vision-language-action "
            "model for GUI agents get?",
            "2411.17465",
        ),
        (
            "How much memory does computing cross-entropy without materializing the logits "
            "save for Gemma 2 2B?",
            "2411.09009",
        ),
        # the same names asked about: their papers
        ("What does Gemma 2 interleave?", "2408.00118"),
        ("Which platforms does the GUI Agents survey cover?", "2412.13501"),
        ("What are the benchmarks covered in GUI Agents?", "2412.13501"),
    ],
)
def test_a_name_used_as_context_does_not_take_the_answer(context_assistant, question, first):
    hits = context_assistant.retrieve(question).hits
    assert hits[0].paper.arxiv_id == first, [(h.paper.arxiv_id, h.via) for h in hits]


VARIANT_DIGEST = """## Papers for 2024-08-16

| Title | Authors | Summary |
|-------|---------|---------|
| DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data (Read more on [arXiv](https://arxiv.org/abs/2405.14333))| A B | It reaches 46.3% on miniF2F with 64 samples. |
| DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning (Read more on [arXiv](https://arxiv.org/abs/2408.08152))| C D | DeepSeek-Prover-V1.5 improves on the earlier DeepSeek-Prover: the earlier DeepSeek-Prover reached 46.3%, DeepSeek-Prover-V1.5 reaches 63.5% on miniF2F. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| E F | Star Attention speeds up long-context inference by up to 11x on Llama 3 models. |
"""


def test_a_name_written_exactly_beats_its_variant_that_matches_the_same_words(tmp_path_factory):
    """'the earlier DeepSeek-Prover' is DeepSeek-Prover, though DeepSeek-Prover-V1.5's summary
    has the same words (and more) and ranks first on them."""
    assistant = _assistant(tmp_path_factory, "2024-08-16.md", VARIANT_DIGEST, 3)
    hits = assistant.retrieve("How about the earlier DeepSeek-Prover?").hits
    assert hits[0].paper.arxiv_id == "2405.14333", [(h.paper.arxiv_id, h.via) for h in hits]


LONGER_TITLE_DIGEST = """## Papers for 2025-05-13

| Title | Authors | Summary |
|-------|---------|---------|
| Discrete Flow Matching (Read more on [arXiv](https://arxiv.org/abs/2407.15595))| A B | Discrete Flow Matching generates discrete data such as code with flow matching. |
| Multi-Objective-Guided Discrete Flow Matching for Controllable Biological Sequence Design (Read more on [arXiv](https://arxiv.org/abs/2505.07086))| C D | MOG-DFM steers discrete flow matching toward several objectives; non-fouling and solubility improve by 30-50% over the next best method for peptide design. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| E F | Star Attention speeds up long-context inference by up to 11x on Llama 3 models. |
"""


def test_a_title_written_inside_more_of_another_title_names_that_other(tmp_path_factory):
    """b142-049: "In the multi-objective guided discrete flow matching paper (MOG-DFM) ...,
    how much did non-fouling and solubility improve?" was answered from "Discrete Flow
    Matching", the title it writes last; the question writes more of the other's title."""
    assistant = _assistant(tmp_path_factory, "2025-05-13.md", LONGER_TITLE_DIGEST, 3)
    asked = "In the multi-objective guided discrete flow matching paper, how much did solubility improve?"
    assert assistant.retrieve(asked).hits[0].paper.arxiv_id == "2505.07086"
    assert assistant.retrieve("What is Discrete Flow Matching about?").hits[0].paper.arxiv_id == (
        "2407.15595"
    )


@pytest.mark.parametrize(
    "named, other, outranked",
    [
        # "what did Qwen3 score on AIME?": the Qwen3 report and a Qwen3 quantization study,
        # as relevant and with as many of its words (was: the study, 0.002 ahead)
        ((0.812, 0.812), (0.814, 0.814), False),
        # "SAM 2를 학습 없이 메모리 트리로 고친 방법은 ...?": SAM2Long has more of the words
        ((0.62, 0.411), (0.663, 0.622), True),
        # "Minitron 8B는 Nemotron-4 15B를 pruning이랑 distillation해서 ...": clearly more relevant
        ((0.748, 0.303), (0.974, 0.233), True),
        ((0.9, 0.5), (0.6, 0.9), False),  # more words, less relevant: the name asked about
    ],
)
def test_a_named_paper_is_passed_over_only_for_one_clearly_ahead(named, other, outranked):
    from assistant.retrieve.hybrid import Hit, outranks
    from assistant.types import Paper

    def hit(relevance: float, lexical: float) -> Hit:
        return Hit(Paper("2501.00001", []), 0.0, relevance, lexical=lexical)

    assert outranks(hit(*named), [hit(*other)]) is outranked


SIZE_DIGEST = """## Papers for 2025-01-27

| Title | Authors | Summary |
|-------|---------|---------|
| Qwen2.5-1M Technical Report (Read more on [arXiv](https://arxiv.org/abs/2501.15383))| A B | The Qwen2.5-14B-Instruct-1M model reaches 92.2 on RULER at 128k tokens. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| E F | Star Attention speeds up long-context inference by up to 11x on Llama 3 models. |
| Hunyuan3D 2.1: From Images to High-Fidelity 3D Assets (Read more on [arXiv](https://arxiv.org/abs/2506.15442))| G H | Hunyuan3D 2.1 reaches a ULIP-I score of 0.1395 and runs faster than LLaDA 1.5 or FLUX.1-dev based pipelines on a bench of terminal tasks. |
| Genie: Generative Interactive Environments (Read more on [arXiv](https://arxiv.org/abs/2402.15391))| I J | Genie is an 11B parameter world model trained on videos. Seedream 3.0 is no part of it. |
| Image Editing in Around 7 Steps (Read more on [arXiv](https://arxiv.org/abs/2406.14539))| K L | Around 30% of the denoising steps are skipped. |
"""


@pytest.mark.parametrize(
    "question, answered",
    [
        # a size tail is written as part of its family's name: "Qwen2.5-14B-Instruct-1M"
        ("Qwen2.5-1M: what does the 14B-Instruct-1M model reach on RULER at 128k?", True),
        # versioned names no paper has, a size tail among them: nothing to answer with
        ("Qwen2.5-1M: what does the 32B-Instruct-1M model reach on RULER at 128k?", False),
        ("How much does Star Attention speed up Llama 5?", False),
        # in lower case too, for a family the papers write with a version ("Llama 3")
        ("how much does star attention speed up llama 5?", False),
        ("how much does star attention speed up llama 3?", True),
        ("how much does star attention speed up step 2?", True),  # no model family
        # a lower-case family with a digit of its own, or written in capitals by the papers
        ("hunyuan3d 3.0 - any ULIP numbers?", False),
        ("hunyuan3d 2.1 - any ULIP numbers?", True),
        ("is llada 2.0 faster than hunyuan3d?", False),
        ("is llada 1.5 faster than hunyuan3d?", True),
        # a paper's own name is a family: "genie 3" is not the Genie paper
        ("genie 3 parameters?", False),
        ("genie parameters?", True),
        # a version typed without its '.0' or suffix is the one the papers write
        ("does hunyuan3d beat flux 1?", True),
        ("seedream 3 in the genie paper?", True),
        # a benchmark's name is a name, not its two words
        ("which world model reports terminal-bench scores?", False),
        # a word a sentence or a title capitalises is no family: "around 45" is no version
        ("my prefill takes around 45 minutes: can star attention speed it up?", True),
        # a size or a precision after a name is no version (was: "No digest mentions
        # Genie 11B", its digest writing "an 11B parameter world model"; "GaLore 8비트")
        ("Genie 11B world model: what was it trained on?", True),
        ("Star Attention 8비트 버전도 있어?", True),
    ],
)
def test_a_versioned_name_is_absent_only_when_no_paper_writes_it(
    tmp_path_factory, question, answered
):
    assistant = _assistant(tmp_path_factory, "2025-01-27.md", SIZE_DIGEST, 5)
    result = assistant.retrieve(question)
    assert result.relevant is answered, result.absent


def test_a_hyphenated_family_name_with_a_version_is_read_whole():
    from assistant.retrieve.hybrid import versioned_names

    assert versioned_names("What is Lumina-Image 2.0 about?") == ["Lumina-Image 2.0"]
    assert versioned_names("Summarize the Llama 5 technical report.") == ["Llama 5"]
    # a capital V before the version: "Depth Anything V3", not "V3" alone (which
    # DeepSeek-V3's papers mention)
    assert (
        versioned_names("Depth Anything V3 성능 V2보다 얼마나 좋아졌어?")[0] == "Depth Anything V3"
    )
    # a size after the version is part of it ("SOLAR-10.7B" was cut to "SOLAR-10")...
    assert versioned_names("summarize SOLAR-10.7B") == ["SOLAR-10.7B"]
    # ... and a size written apart after a name is that model's size, no version of it
    assert versioned_names("summarize SOLAR 10.7B") == []
    assert versioned_names("Llama 3 70B on MMLU") == ["Llama 3"]
    # one capital before a hyphen heads a name (b84: "V-JEPA 2 ... 성공률?" went unchecked),
    # but a benchmark's score is no version of it (review: "MT-Bench 9점 넘는 모델?",
    # "MM-Vet 70" were read as models no digest has)
    assert versioned_names("V-JEPA 2 논문에서 로봇 플래닝 성공률 몇 %?") == ["V-JEPA 2"]
    assert versioned_names("MT-Bench 9점 넘는 작은 모델 있어?") == []
    assert versioned_names("Does any model get MM-Vet 70?") == []
    # (b126) two capitals before a hyphen, with a one-digit version: "OS-Genesis 2" was
    # answered with OS-Genesis's figure; a one-letter word in a name ("Agent K v2.0")
    assert versioned_names("OS-Genesis 2 AndroidWorld success rate?") == ["OS-Genesis 2"]
    assert versioned_names("UI-TARS 1.5 results?") == ["UI-TARS 1.5"]
    assert versioned_names("Agent K v2.0은 캐글에서 몇 명 이겼대?") == ["Agent K v2.0"]
    # a name that goes on after a hyphen is no version (b127: "Magic 1" was said to be in no
    # digest, of "Magic 1-For-1")
    assert "Magic 1" not in versioned_names("LTX-Video랑 Magic 1-For-1 중에 뭐가 더 빨라?")
    # a number with a unit is a quantity (b101: "SEAP 50% 프루닝했을 때 ..." was declined as
    # about "SEAP 50", b102: "OSWorld 50-step 성공률은?" as about "OSWorld 50")
    assert versioned_names("SEAP 50% 프루닝했을 때 WandA, FLAP보다 얼마나 좋아?") == []
    assert versioned_names("OSWorld 50-step 성공률은?") == []
    assert versioned_names("Llama 3 8-shot GSM8K") == ["Llama 3", "GSM8K"]
    # (b104: "an English-centric 7-8B model" had been "no digest mentions English-centric 7")
    assert versioned_names("adapting an English-centric 7-8B model (Llama 3.1)") == ["Llama 3.1"]
    # a range of sizes is none either (b60: "No digest mentions 7B-30B", refused)
    assert versioned_names("full-parameter training of 7B-30B models runs out of memory") == []
    # a quarter, a half of a year and a lower-case "a-to-b" word are no model names
    for question in (
        "test-time scaling papers per month in Q1 2025",
        "H2 2024 agents",
        "StreamDiffusion img2img fps?",
        "seq2seq models",
        # a measure at a value under one is a threshold (was: "No digest mentions IoU 0.25")
        "What mAP at IoU 0.25 does it reach on ScanNet?",
        # a day of a month (was: "the 12th of march" refused as a model no paper names)
        "what came out on the 12th of march 2025 about robots?",
        "papers from the 3rd, the 21st and the 22nd",
    ):
        assert versioned_names(question) == [], question
    assert versioned_names("Mistral v0.1 on MMLU") == ["Mistral v0.1"]
    # the head of a compound adjective is no part of the name (was: "No digest mentions
    # SAM2-based", a refusal of a question about a paper built on SAM2)
    assert versioned_names("SAM2-based referring segmentation for surgical videos?") == ["SAM2"]
    assert versioned_names("o1-preview-level test-time scaling") == ["o1-preview"]
    assert versioned_names("what does a GPT-6-level model score?") == ["GPT-6"]
    # a precision is no version (was: "No digest mentions OpenVLA-OFT 4")
    assert versioned_names("1-bit VLA의 메모리, OpenVLA-OFT 4-bit 대비 몇 %?") == []
    assert versioned_names("Llama 3 8-bit inference") == ["Llama 3"]
    # a size or a count made an adjective is no model (was: "No digest mentions 7B-param",
    # "No digest mentions 1M-context": questions about AIM and Qwen2.5-1M refused)
    assert versioned_names("the 7B-param model trained on 2B images") == []
    assert versioned_names("Qwen2.5-1M, the 1M-context variant") == ["Qwen2.5-1M"]
    assert versioned_names("a 128k-context model") == []
    assert versioned_names("3D-LLM on ScanQA") == ["3D-LLM"]  # a name's own head word
    # the hardware a figure was measured on is no model (was: "SpargeAttn ... L40 GPU에서 몇
    # 배 빨라져?" refused, "No digest mentions L40")
    assert versioned_names("SpargeAttn 써서 Mochi 돌리면 L40 GPU에서 몇 배 빨라져?") == []
    assert versioned_names("throughput per card on Ascend 910B NPUs") == []
    assert versioned_names("Gemini 3 on a TPU") == ["Gemini 3"]


@pytest.mark.parametrize(
    ("question", "cited", "missing"),
    [
        ("Compare Star Attention and GPT-6", ["2411.17116"], "GPT-6"),
        # the Qwen2.5-1M paper is a look-alike of "Qwen2.5-1M-Max", not the model asked about
        ("Compare Star Attention and Qwen2.5-1M-Max", ["2411.17116"], "Qwen2.5-1M-Max"),
        ("Star Attention이랑 GPT-6 비교해줘", ["2411.17116"], "GPT-6"),
        ("Compare Qwen2.5-1M-Max and GPT-6", [], None),  # nothing asked about is stored
    ],
)
def test_a_comparison_with_a_model_no_digest_has_says_so(
    tmp_path_factory, question, cited, missing
):
    assistant = _assistant(tmp_path_factory, "2025-01-27.md", SIZE_DIGEST, 5)
    answer = assistant.ask(question)
    assert sorted(c.arxiv_id for c in answer.citations) == cited, answer.text
    assert answer.refused  # the comparison asked cannot be made: declined, any side cited
    if missing:
        assert answer.text.startswith(missing) and "Qwen2.5-1M**" not in answer.text


SHORT = """## Papers for 2025-02-06

| Title | Authors | Summary |
|-------|---------|---------|
| s1: Simple test-time scaling (Read more on [arXiv](https://arxiv.org/abs/2501.19393))| A B | The paper introduces s1, budget forcing at test time. |
| LIMO: Less is More for Reasoning (Read more on [arXiv](https://arxiv.org/abs/2502.03387))| C D | LIMO reasons well from 817 samples. |
| Crosslingual Reasoning through Test-Time Scaling (Read more on [arXiv](https://arxiv.org/abs/2505.05408))| E F | The authors evaluate s1 models across languages. |
"""


def test_a_short_name_finds_its_paper_written_as_in_the_title(tmp_path_factory):
    catalog = _assistant(tmp_path_factory, "2025-02-06.md", SHORT, 3).catalog
    assert catalog.by_short_name("compare LIMO and s1") == ["2502.03387", "2501.19393"]
    assert catalog.by_short_name("LIMO랑 s1 차이가 뭐야?") == ["2502.03387", "2501.19393"]
    # another paper uses "s1" as a word: written otherwise, it names nothing
    assert catalog.by_short_name("S1 and LIMO") == ["2502.03387"]


KO_CODE_DIGEST = """## Daily Papers (2023-11-22)

### [HierSpeech++: Bridging the Gap between Semantic and Acoustic Representation](https://arxiv.org/abs/2311.12454)

Authors: Sang-Hoon Lee, Ha-Yeong Choi

- 이 논문은 빠르고 강력한 제로샷 음성 합성기인 HierSpeech++를 제안합니다.
- 오디오 샘플과 소스 코드는 https://github.com/sh-lee-prml/HierSpeechpp에서 확인 가능합니다.

### [Another Paper Without Any Code Link At All](https://arxiv.org/abs/2311.12455)

Authors: A B

- 코드 링크가 없는 논문입니다.
"""


def test_a_github_link_written_in_a_summary_is_the_papers_code(tmp_path_factory):
    """Was: "HierSpeech++ 코드 어디서 볼 수 있어?" -> no GitHub link, though the summary
    gives it (and 210 more papers of the corpus)."""
    assistant = _assistant(tmp_path_factory, "2023-11-22.md", KO_CODE_DIGEST, 2)
    url = "https://github.com/sh-lee-prml/HierSpeechpp"
    assert assistant.catalog.papers["2311.12454"].github == (url,)  # not "...에서"
    assert assistant.catalog.with_code() == {"2311.12454"}
    answer = assistant.ask("HierSpeech++ 코드 어디서 볼 수 있어?")
    assert url in answer.text and answer.citations[0].arxiv_id == "2311.12454"


@pytest.mark.parametrize(
    "question", ["give me the Sept 12 2024 papers", "what came out on Sept. 3?", "June 5 digest"]
)
def test_a_date_is_no_versioned_name(question):
    """Any month word the date reader knows ("Sept") is a date's, not a model's: "Sept 12"
    was an absent model, and the question was refused."""
    from assistant.retrieve.hybrid import versioned_names

    assert versioned_names(question) == []


def test_a_name_that_opens_the_question_is_its_subject(seed_assistant):
    """Was: "agent-r avg success rate across the 3 envs?" answered from AgentRewardBench,
    which covers "success rate" better: a name only counted when its paper was the best
    match, as a name used as context ("... on Omni-MATH") must."""
    from conftest import recalibrated

    retriever = seed_assistant.retriever
    sparge, swe_rl = "2502.18137", "2502.18449"
    assert retriever._opens_with_name("spargeattn speedup on mochi?", sparge)
    assert not retriever._opens_with_name("how does SWE-RL compare to SpargeAttn?", sparge)
    # b75: "What MMLU score does the SmolLM2 paper report ...?" cited SmolTulu: a name the
    # question calls a paper is its subject too, wherever it stands
    assert retriever._opens_with_name("what speedup does the SpargeAttn paper report?", sparge)
    assert retriever._opens_with_name("Mochi에서 SpargeAttn 논문 속도 향상은?", sparge)
    # d1: "how many seconds per scene does VGGT take on a single H100?" cited Long-LRM,
    # which writes "scene", "seconds" and "single": the subject of the question's verb is
    # what it asks about, not context
    assert retriever._opens_with_name("what speedup does SpargeAttn give?", sparge)
    assert retriever._opens_with_name("on Mochi, how much faster is SpargeAttn?", sparge)
    assert not retriever._opens_with_name("what speedup on Mochi, unlike SpargeAttn?", sparge)
    assert not retriever._opens_with_name("does it beat SpargeAttn?", sparge)  # an object
    # ... and what the question asks is the name's ("What's the on-device latency of VGGT
    # on an iPhone 15?" cited On-device Sora); not a name beside it, as context
    assert retriever._opens_with_name("what's the end-to-end speedup of SpargeAttn?", sparge)
    assert retriever._opens_with_name("how much is the speedup for SpargeAttn on Mochi?", sparge)
    assert not retriever._opens_with_name("papers built on top of SpargeAttn?", sparge)
    assert not retriever._opens_with_name("what is a faster version of SpargeAttn?", sparge)
    # (review: what a paper, a version or a method of it is, or a name used as a part, is
    # no subject; "is it based on" is)
    for context in (
        "what's the paper built on top of SpargeAttn?",
        "what is the improved version of SpargeAttn called?",
        "which papers have SpargeAttn as a kernel?",
        "which papers were SpargeAttn-based?",
    ):
        assert not retriever._opens_with_name(context, sparge), context
    assert retriever._opens_with_name("is SpargeAttn based on SageAttention?", sparge)
    # SpargeAttn's words, but the question is about SWE-RL, named first
    question = "SWE-RL sparse attention kernel speedup?"
    assert retriever.retrieve(question).hits[0].arxiv_id == swe_rl
    # the same name later in the question, as context, needs to be the best match (which
    # paper the words match best is the ranking's: read with the embedding weighing, as
    # the calibration's 0.0 for MiniLM lets BM25 alone rank the name's rare token first)
    later = "sparse attention kernel speedup, unlike SWE-RL?"
    with recalibrated(retriever, dense_weight=1.0):
        assert retriever.retrieve(later).hits[0].arxiv_id == sparge


ONE_WORD = """## Papers for 2025-06-12

| Title | Authors | Summary |
|-------|---------|---------|
| TextArena (Read more on [arXiv](https://arxiv.org/abs/2504.11442))| A B | TextArena is a collection of 57+ competitive text-based games for LLM agents. |
| Game Agents at Scale (Read more on [arXiv](https://arxiv.org/abs/2506.99001))| C D | Compared with TextArena, these games need no text. |
"""


def test_a_one_word_title_is_a_name_in_any_case(tmp_path_factory):
    """Was: "magistral code / weights link?" refused: a title of one word has no colon to
    name it and is too short for a title lookup, and a name another paper uses as a word
    needed its exact spelling (here another paper mentions TextArena)."""
    catalog = _assistant(tmp_path_factory, "2025-06-12.md", ONE_WORD, 2).catalog
    for question in ("TextArena games?", "textarena code / weights link?", "TEXTARENA 저자"):
        assert catalog.by_short_name(question) == ["2504.11442"], question


def test_a_one_word_name_written_as_an_asking_word_is_the_word(seed_assistant):
    """Was: "tldr of the paper teaching humanoid robots to get up" answered with the TLDR
    reward-model paper. A name that is also a word people ask with ("tldr", "repo") is
    that paper only when written as the paper writes it."""
    from assistant.understand.intents import asked_not_named

    assert asked_not_named("TLDR", "tldr of the paper teaching robots to get up")
    assert not asked_not_named("TLDR", "what does TLDR do?")
    assert not asked_not_named("SpargeAttn", "spargeattn speedup?")  # no asking word


SAME_NAME_DIGEST = """## Papers for 2024-12-11

| Title | Authors | Summary |
|-------|---------|---------|
| Chimera: Effectively Modeling Multivariate Time Series with 2-Dimensional State Space Models (Read more on [arXiv](https://arxiv.org/abs/2406.04320))| A B | Chimera models multivariate time series with a 2D state space model for forecasting. |
| Chimera: Improving Generalist Model with Domain-Specific Experts (Read more on [arXiv](https://arxiv.org/abs/2412.05983))| C D | Chimera adds domain-specific experts to a multimodal model and reaches 64.9 on MathVista. |
| Enhancing the Reasoning Ability of Multimodal Large Language Models via Mixed Preference Optimization (Read more on [arXiv](https://arxiv.org/abs/2411.10442))| E F | The InternVL2-8B-MPO model reaches 67.0 on MathVista, 8.7 points over InternVL2-8B. |
"""


@pytest.mark.parametrize(
    "question",
    [
        "Compare InternVL2-8B-MPO and Chimera on MathVista",
        "MathVista 점수로 InternVL2-8B-MPO랑 Chimera 비교하면 누가 더 높아?",
    ],
)
def test_a_shared_name_is_the_paper_the_question_is_about(tmp_path_factory, question):
    """Two papers are called Chimera: the one on MathVista is meant. A model that no title
    names (InternVL2-8B-MPO) is the paper that writes it."""
    assistant = _assistant(tmp_path_factory, "2024-12-11.md", SAME_NAME_DIGEST, 3)
    answer = assistant.ask(question)
    cited = {c.arxiv_id for c in answer.citations}
    assert cited == {"2412.05983", "2411.10442"}, answer.text
    assert "64.9" in answer.text and "67.0" in answer.text
    # about time series, the other Chimera
    answer = assistant.ask("What does Chimera do for multivariate time series?")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2406.04320"]


NORM_DIGEST = """## Papers for 2025-01-08

| Title | Authors | Summary |
|-------|---------|---------|
| A Simple L2 Norm Strategy for KV Cache Compression (Read more on [arXiv](https://arxiv.org/abs/2406.11430))| A B | Keys with a low L2 norm get high attention; keeping them compresses the KV cache by 50%. |
| ReMoE: Differentiable Mixture-of-Experts with ReLU Routing (Read more on [arXiv](https://arxiv.org/abs/2412.14711))| C D | ReMoE routes with ReLU and an adaptive L1 regularization that controls sparsity; the L2 loss is unchanged. |
| Weight Decay Revisited (Read more on [arXiv](https://arxiv.org/abs/2501.00011))| E F | An L2 penalty on the weights and decoupled weight decay differ under Adam by 1.2 points. |
| Feature Norms in Vision Transformers (Read more on [arXiv](https://arxiv.org/abs/2501.00012))| G H | Tokens with a large L2 norm act as registers in ViTs. |
| Robust Regression Losses (Read more on [arXiv](https://arxiv.org/abs/2501.00013))| I J | An L2 loss is sensitive to outliers, and a Huber loss is L2 near zero. |
"""


def test_a_name_many_papers_write_is_no_side_of_a_comparison(tmp_path_factory):
    """Was: "What's the difference between L1 and L2 regularization?" compared ReMoE (it
    writes "L1 regularization") with an L2-norm KV-cache paper: "L1" and "L2" read as
    model names, each the paper writing it most. A name more than MODEL_WRITERS papers
    write is no one paper's own (in the archive, "L1" too)."""
    assistant = _assistant(tmp_path_factory, "2025-01-08.md", NORM_DIGEST, 5)
    retriever = assistant.retriever
    assert retriever.writer_of("L2") is None  # five papers write it
    assert retriever.writer_of("L1") == "2412.14711"  # two do: the one writing it most
    assert retriever.writer_of("ReMoE") == "2412.14711"


def test_an_arxiv_id_no_digest_has_is_named_and_absent(tmp_path_factory):
    assistant = _assistant(tmp_path_factory, "2024-12-11.md", SAME_NAME_DIGEST, 3)
    result = assistant.retrieve("Compare Chimera with arXiv 2607.01234")
    assert result.absent == ["2607.01234"] and not result.relevant


def test_a_name_of_ordinary_words_is_a_topic_in_a_set_question():
    """ "which papers ... were about GUI agents?" named the survey "GUI Agents: A Survey" and
    listed whatever matched; a name of ordinary words there is the topic."""
    from assistant.answer.naming import _by_head_only
    from assistant.types import Mention, Paper

    def paper(title: str) -> Paper:
        return Paper("2412.13501", [Mention("2412.13501", title, "2024-12-18", "en", "x.md", 1)])

    survey = paper("GUI Agents: A Survey")
    assert survey.name == "GUI Agents"
    assert _by_head_only(survey, "which papers in may 2025 were about GUI agents?")
    assert not _by_head_only(survey, "who wrote GUI Agents: A Survey?")  # the title itself
    assert not _by_head_only(paper("SpargeAttn: Accurate Sparse Attention"), "SpargeAttn papers")


def test_a_coined_name_a_summary_introduces_is_an_alias():
    summary = (
        "This paper introduces ThinkPO, a preference step after SFT. ThinkPO uses long "
        "CoT answers as chosen and short ones as rejected. It beats DeepSeek-R1 once."
    )
    paper = Paper(
        "2502.13173",
        [
            Mention(
                "2502.13173",
                "Thinking Preference Optimization",
                "2025-02-20",
                "en",
                "e.md",
                1,
                summary=summary,
            )
        ],
    )
    # written in its opening and twice: an alias; a baseline written once is none
    assert paper.aliases == ("ThinkPO",)
    # a Korean summary glues a particle on (was: no alias, "DenseAV는" was no word)
    korean = (
        "이 연구는 DenseAV를 소개합니다. DenseAV는 비디오만 보고 소리와 단어를 배웁니다. "
        "DenseAV는 ImageBind보다 낫습니다."
    )
    mention = Mention("2406.05629", "Separating the Chirp", "2024-06-11", "ko", "k.md", 1)
    assert Paper("2406.05629", [replace(mention, summary=korean)]).aliases == ("DenseAV",)


def _titled(title: str, summary: str = "") -> Paper:
    mention = Mention("2506.12860", title, "2025-06-17", "en", "e.md", 1, summary=summary)
    return Paper("2506.12860", [mention])


def test_a_coined_name_before_a_titles_comma_is_its_name():
    """Was: "give me the gist of QFFT" led with a gist-token paper: "QFFT, Question-Free
    Fine-Tuning for Adaptive Reasoning" had no name, only its whole title."""
    qfft = _titled(
        "QFFT, Question-Free Fine-Tuning for Adaptive Reasoning",
        "QFFT is a fine-tuning technique. QFFT reduces response length by over 50%.",
    )
    assert qfft.name == "QFFT" and qfft.label == "QFFT"
    # an ordinary word before the comma is no name, nor one its summaries never write
    assert _titled("Wait, We Don't Need to Wait!", "Wait is a word.").name is None
    assert _titled("Simplifying, Stabilizing and Scaling Models", "Simplifying.").name is None
    assert _titled("CoD, Towards an Interpretable Medical Agent", "A medical agent.").name is None


def test_the_coined_word_a_summary_opens_with_is_an_alias_written_once():
    """Was: "What FID did LlamaGen's class-conditional models reach?" named no paper: the
    Korean summary of "Autoregressive Model Beats Diffusion: Llama for Scalable Image
    Generation" opens with "LlamaGen은" and never writes it again. A summary's first word is
    its subject; a name written once elsewhere may be a baseline, and is no alias."""
    summary = (
        "LlamaGen은 다음 토큰 예측을 이미지 생성에 적용한 모델입니다. "
        "ImageNet 256x256에서 2.18 FID를 달성하며 DiT를 능가했습니다."
    )
    paper = _titled(
        "Autoregressive Model Beats Diffusion: Llama for Scalable Image Generation", summary
    )
    assert paper.aliases == ("LlamaGen",)
    assert "DiT" not in paper.aliases


def test_capitals_made_plural_where_a_summary_opens_are_no_alias():
    """Was: VMamba's Korean summary opens with background on "비전 트랜스포머(ViTs)", written
    again after, and "ViTs" became its alias: its background passed for what it presents, a
    comparison of Vision Mamba and VMamba quoted three sentences on CNNs and ViTs."""
    summary = (
        "컨볼루션 네트워크(CNNs)와 비전 트랜스포머(ViTs)는 인기 있는 기본 모델입니다. "
        "ViTs는 제곱 복잡도를 가집니다. 우리는 VMamba를 제안합니다. VMamba는 빠릅니다."
    )
    paper = _titled("VMamba: Visual State Space Model", summary)
    assert "ViTs" not in paper.aliases and "CNNs" not in paper.aliases


def test_a_coined_name_the_summaries_keep_writing_is_an_alias_wherever_introduced():
    """b91: "the counter-strike bot paper (MLMove)" named no paper: its Korean digest
    introduces MLMove in its "Technical Details", past the opening sentences, and writes it
    four times. Written three times, a name is its subject's; twice outside the opening, a
    baseline's (ImageBind); a plural of capitals ("NPUs") no name."""
    summary = (
        "- ***What's New***: 프로 선수처럼 움직이는 봇을 만들었습니다. 데이터셋도 공개합니다. "
        "- **Technical Details**: MLMove라는 트랜스포머 모델을 소개한다. MLMove는 NPUs 없이 "
        "돈다. ImageBind와 비교했다. - **Performance**: MLMove는 59% 더 인간 같다. "
        "ImageBind보다 낫다. NPUs NPUs. CSKnow 데이터로 CSKnow 분할에서 CSKnow 점수를 쟀다."
    )
    paper = _titled("Learning to Move Like Professional Counter-Strike Players", summary)
    # (review: a benchmark written three times and never introduced, "ScanRefer" of Video-3D
    # LLM, had become an alias, and "papers evaluated on ScanRefer" listed that paper alone)
    assert paper.aliases == ("MLMove",)


def test_the_words_an_acronym_title_stands_for_are_an_alias():
    """b91: "Decoupled Diffusion Transformer paper — whats the main idea?" named no paper:
    the title "DDT: Decoupled Diffusion Transformer" is named DDT, and the words after its
    colon, each initial a letter of it in order, are the name spelled out. A colon's words
    that are no spelling of it are none."""
    ddt = _titled("DDT: Decoupled Diffusion Transformer", "DDT separates encoding from decoding.")
    assert ddt.name == "DDT" and ddt.aliases == ("Decoupled Diffusion Transformer",)
    assert _titled("KAN: Kolmogorov-Arnold Networks").spelled_out == ("Kolmogorov-Arnold Networks",)
    assert _titled("DDT: Diffusion Done Twice Over").spelled_out == ()
    assert _titled("GRAPE: Generalizing Robot Policy").spelled_out == ()


def test_the_mark_for_authors_left_out_is_no_author():
    """Was: "+" (written where a Korean digest leaves names out) was the archive's most
    prolific author, and part of every "who wrote" answer of those papers."""
    mention = Mention("2406.11794", "DataComp-LM", "2024-06-18", "ko", "k.md", 1)
    paper = Paper("2406.11794", [replace(mention, authors=("Jeffrey Li", "+", "Yuli"))])
    assert paper.authors == ("Jeffrey Li", "Yuli")


def test_each_part_of_a_name_with_a_second_in_brackets_is_an_alias():
    """Was: "그 중에 xGen-MM은 추천 몇 개 받았어?" named no paper: the name is "xGen-MM
    (BLIP-3)", which no question writes whole."""
    assert _titled("xGen-MM (BLIP-3): A Family of Open Large Multimodal Models").aliases == (
        "xGen-MM",
        "BLIP-3",
    )
    head = _titled("Multimodal Inconsistency Reasoning (MMIR): A New Benchmark for MLLMs")
    assert head.aliases[:2] == ("Multimodal Inconsistency Reasoning", "MMIR")
    # a bracketed phrase or number names nothing
    assert _titled("Learning to (Learn at Test Time): RNNs with Hidden States").aliases == ()
    assert _titled("ZeroQuant(4+2): Redefining LLMs Quantization").aliases == ()


def test_a_coined_name_a_title_without_a_name_writes_is_its_alias_when_introduced():
    """Was: "VectorQ claims a 50x higher cache hit rate ..., how?" was answered (its digest
    says 12x): "Adaptive Semantic Prompt Caching with VectorQ" has no name, and "VectorQ",
    which its title writes, was no alias either, so the question named no paper whose
    figures a premise is held against."""
    summary = (
        "이 논문은 VectorQ라는 프레임워크를 제안합니다. VectorQ는 임계값 구역을 학습합니다. "
        "VectorQ는 최대 12배 더 높은 캐시 적중률을 달성합니다."
    )
    assert _titled("Adaptive Semantic Prompt Caching with VectorQ", summary).aliases == ("VectorQ",)
    # the first word of a longer name the title writes is not the paper's
    pro = "HumanEval Pro, a harder benchmark. HumanEval scores drop. HumanEval is old."
    title = "HumanEval Pro and MBPP Pro: Evaluating LLMs on Self-invoking Code Generation"
    assert "HumanEval" not in _titled(title, pro).aliases


def test_a_name_in_capitals_an_english_summary_opens_with_is_an_alias():
    """b92: "How did SWIFT get the soft robot hand to 100% ... after only 10 trials?" named
    no paper ("Soft Robotic Dynamic In-Hand Pen Spinning" has no name, and a coined name
    had to have a small letter), so its claim was not held against the digest."""
    summary = "SWIFT is a system for pen spinning with soft hands. SWIFT reached 100%."
    assert _titled("Soft Robotic Dynamic In-Hand Pen Spinning", summary).aliases == ("SWIFT",)
    # capitals written once are no name
    assert _titled("A Method", "RAG is retrieval. It helps.").aliases == ()


def test_each_of_two_names_a_name_joins_is_an_alias():
    """Was: "What batch size did GMAI-VL use?" named no paper ("GMAI-VL & GMAI-VL-5.5M" is
    its name), so a paper of the search stating a batch size let it answer with GMAI-VL's
    dataset instead of saying its digests give none."""
    title = "GMAI-VL & GMAI-VL-5.5M: A Large Vision-Language Model and A Dataset"
    gmai = "GMAI-VL is trained on GMAI-VL-5.5M, 5.5 million image-text pairs."
    assert _titled(title, gmai).aliases == ("GMAI-VL", "GMAI-VL-5.5M")
    molmo = "Molmo is a family of open VLMs trained on PixMo."
    title = "Molmo and PixMo: Open Weights and Open Data"
    assert _titled(title, molmo).aliases == ("Molmo", "PixMo")
    # words joined name nothing of their own
    plan = "A divide and conquer strategy: Divide the task, then conquer each part."
    assert _titled("Divide and Conquer: Language Models Can Plan", plan).aliases == ()
    compose = "Compose and Conquer. Compose the layout, then Conquer the details."
    assert _titled("Compose and Conquer: Diffusion-Based 3D Depth", compose).aliases == ()


@pytest.mark.parametrize(
    "question, expected",
    [
        ("what is ThinkPO?", ["2502.13173"]),  # only its summaries write it
        ("ThinkPO는 얼마나 좋아졌어?", ["2502.13173"]),
        ("AdaptiveStep vs ThinkPO", ["2502.13943", "2502.13173"]),
        ("how do LLMs reason?", []),  # a word many papers write names none of them
    ],
)
def test_a_paper_is_named_by_the_alias_its_summaries_introduce(seed_assistant, question, expected):
    """Was: "ConciseR는 응답 길이를 얼마나 줄였어?" answered with other papers: a name only
    the summaries write (not the title) named no paper."""
    assert seed_assistant.catalog.by_short_name(question) == expected


KOREAN_VARIANT_DIGEST = """## Papers for 2025-06-06

| Title | Authors | Summary |
|-------|---------|---------|
| Qwen3 Technical Report (Read more on [arXiv](https://arxiv.org/abs/2505.09388))| Q Wen | Qwen3 models reach 85.7 on AIME'24; the report also lists MTEB scores of earlier embedders. |
| Qwen3 Embedding: Advancing Text Embedding and Reranking Through Foundation Models (Read more on [arXiv](https://arxiv.org/abs/2506.05176))| Huan Lin | The Qwen3-8B-Embedding model scores 70.58 on the MTEB Multilingual benchmark. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| E F | Star Attention speeds up long-context inference by up to 11x on Llama 3 models. |
"""


@pytest.mark.parametrize(
    "question, meant",
    [
        # "Qwen3 임베딩" is Qwen3 Embedding, a variant written half in Korean
        ("Qwen3 임베딩 8B 모델의 MTEB 다국어 점수가 어떻게 돼?", "2506.05176"),
        ("Qwen3 임베딩 논문 저자 누구야?", "2506.05176"),
        # the family's own name is still the report
        ("Qwen3 논문 저자 누구야?", "2505.09388"),
        ("Qwen3의 AIME 점수는?", "2505.09388"),
    ],
)
def test_a_variant_named_half_in_korean_is_that_variant(tmp_path_factory, question, meant):
    assistant = _assistant(tmp_path_factory, "2025-06-06.md", KOREAN_VARIANT_DIGEST, 3)
    hits = assistant.retrieve(question).hits
    assert hits[0].paper.arxiv_id == meant, [(h.paper.arxiv_id, h.via) for h in hits]
    answer = assistant.ask(question)
    assert answer.citations and answer.citations[0].arxiv_id == meant, answer.text


def test_a_version_its_summary_writes_after_a_coined_name_names_that_paper(tmp_path_factory):
    """Was: "InternVL 2.5 MMMU score?" and "internvl 2.5 vs internvl3 on MMMU?" named the
    first InternVL paper: the 2.5 report's title has no name, its summaries write
    "InternVL 2.5", and the alias kept only "InternVL"."""
    digest = """## Papers for 2024-12-09

| Title | Authors | Summary |
|-------|---------|---------|
| InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks (Read more on [arXiv](https://arxiv.org/abs/2312.14238))| A B | InternVL scales a vision encoder to 6B parameters. |
| Expanding Performance Boundaries of Open-Source Multimodal Models with Model, Data, and Test-Time Scaling (Read more on [arXiv](https://arxiv.org/abs/2412.05271))| C D | InternVL 2.5 is an open multimodal model. InternVL 2.5 reaches 70.1% on MMMU. |
| InternVL3: Exploring Advanced Training and Test-Time Recipes (Read more on [arXiv](https://arxiv.org/abs/2504.10479))| E F | InternVL3-78B scores 72.2% on MMMU. |
"""
    assistant = _assistant(tmp_path_factory, "2024-12-09.md", digest, 3)
    by_name = assistant.catalog.by_short_name
    assert by_name("InternVL 2.5 MMMU score?") == ["2412.05271"]
    assert by_name("internvl 2.5 vs internvl3 on MMMU?") == ["2412.05271", "2504.10479"]
    assert by_name("who wrote InternVL?") == ["2312.14238"]  # the family's first paper
    answer = assistant.ask("internvl 2.5 vs internvl3 on MMMU?")
    assert {c.arxiv_id for c in answer.citations} == {"2412.05271", "2504.10479"}, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Janus랑 JanusFlow 비교해줘",  # was: compared on 'Flow', JanusFlow less Janus
        "Janus vs JanusFlow, what changed?",  # was: compared on 'changed'
        "Janus에서 JanusFlow로 뭐가 바뀌었어?",  # was: on 'Janus', "에서" read as a benchmark's
    ],
)
def test_a_comparison_without_a_measure_shows_each_papers_key_result(tmp_path_factory, question):
    digest = """## Papers for 2024-11-13

| Title | Authors | Summary |
|-------|---------|---------|
| Janus: Decoupling Visual Encoding for Unified Multimodal Understanding and Generation (Read more on [arXiv](https://arxiv.org/abs/2410.13848))| A B | Janus is a unified multimodal framework. It decouples visual encoding, unlike flow models. Janus achieves an FID of 8.53 on MSCOCO-30K. |
| JanusFlow: Harmonizing Autoregression and Rectified Flow for Unified Multimodal Understanding and Generation (Read more on [arXiv](https://arxiv.org/abs/2411.07975))| C D | JanusFlow unifies understanding and generation. It integrates rectified flow with an LLM. On MJHQ FID-30k, JanusFlow achieves a score of 9.51. |
"""
    assistant = _assistant(tmp_path_factory, "2024-11-13.md", digest, 2)
    answer = assistant.ask(question)
    assert [c.arxiv_id for c in answer.citations] == ["2410.13848", "2411.07975"], answer.text
    assert "8.53" in answer.text and "9.51" in answer.text, answer.text


def test_a_two_word_name_written_as_one_word_names_its_paper(tmp_path_factory):
    """Was: "LayerSkip은?" after another paper read as that paper's 'LayerSkip' figure,
    and alone listed the papers matching 'LayerSkip은' (the paper is named "Layer Skip")."""
    digest = """## Papers for 2024-04-26

| Title | Authors | Summary |
|-------|---------|---------|
| Layer Skip: Enabling Early Exit Inference and Self-Speculative Decoding (Read more on [arXiv](https://arxiv.org/abs/2404.16710))| A B | LayerSkip speeds up decoding by up to 2.16x. |
| Kangaroo: Lossless Self-Speculative Decoding via Double Early Exiting (Read more on [arXiv](https://arxiv.org/abs/2404.18911))| C D | Kangaroo reaches a 1.68x speedup, beating LayerSkip-like methods. |
"""
    assistant = _assistant(tmp_path_factory, "2024-04-26.md", digest, 2)
    assert assistant.catalog.by_short_name("And LayerSkip?") == ["2404.16710"]
    # only the whole word is the name: "LayerSkipDecode" (another method) is not "Layer
    # Skip" (was: "Hunyuan-GameCraft" named the paper "Hunyuan-Game")
    assert assistant.catalog.by_short_name("How fast is LayerSkipDecode?") == []
    assert assistant.catalog.by_short_name("LayerSkip은 얼마나 빨라?") == ["2404.16710"]
    conv = assistant.chat()
    conv.ask("What is Kangaroo?")
    answer = conv.ask("LayerSkip은?")
    assert [c.arxiv_id for c in answer.citations][:1] == ["2404.16710"]


def test_a_papers_name_with_version_one_is_that_paper(tmp_path):
    """Was: "Gemma 1 tech report" refused, "No digest mentions Gemma 1": the first paper of
    a family names no version. A version the archive has not is still no paper."""
    from conftest import english_digest, make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    english_digest(
        tmp_path,
        "2024-02-22",
        [
            ("Gemma: Open Models Based on Gemini Research", "2403.08295", "Gemma is a family."),
            ("JaColBERTv2.5: Optimising Retrievers", "2407.20750", "JaColBERTv2.5 scores 0.752."),
            ("HelpSteer2: Open-source Data", "2406.08673", "HelpSteer2 trains reward models."),
        ],
    )
    settings = make_settings(tmp_path / "store")
    assert not ingest([tmp_path], settings).errors
    retriever = Assistant(settings).retriever
    assert retriever.absent_names("Gemma 1 tech report") == []
    assert retriever.absent_names("Gemma v1 tech report") == []
    assert retriever.absent_names("Gemma 3 tech report") == ["Gemma 3"]
    # a version written with or without its "v", glued on or not (was: "JaColBERT 2.5" and
    # "JaColBERT" in no digest, which write "JaColBERTv2.5")
    assert retriever.absent_names("JaColBERT 2.5 점수 몇 점?") == []
    assert retriever.absent_names("what about JaColBERT?") == []
    assert retriever.absent_names("JaColBERT v3 score?") == ["JaColBERT v3"]
    # a family written with its number glued on (b71: "HelpSteer 시리즈 세 번째 데이터셋"
    # was refused, "no digest mentions HelpSteer", which write "HelpSteer2")
    assert retriever.absent_names("HelpSteer 시리즈 세 번째 선호도 데이터셋") == []
    assert retriever.absent_names("HelpSteerX 점수는?") == ["HelpSteerX"]


def test_a_model_measured_on_a_named_benchmark_is_the_subject(tmp_path):
    """Was: "What macro accuracy does UnifiedReward get on VLRewardBench?" answered from the
    benchmark's paper ("The digests give no UnifiedReward figure for VLRewardBench"): the
    model's paper names it only in its summary, not its title. The paper that writes the
    model's name most comes first, the benchmark's after it."""
    from conftest import english_digest, make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    english_digest(
        tmp_path,
        "2025-03-07",
        [
            (
                "VLRewardBench: A Challenging Benchmark for Vision-Language Reward Models",
                "2411.17451",
                "VLRewardBench measures the macro accuracy of reward models: GPT-4o gets "
                "62.4% macro accuracy on VLRewardBench.",
            ),
            (
                "Unified Reward Model for Multimodal Understanding and Generation",
                "2503.05236",
                "UnifiedReward is a reward model for images and video; it scores 66.5%.",
            ),
            *[
                (f"Study {i} of Baselines", f"2503.0{i}001", f"We fine-tune Llama 3.1 on task {i}.")
                for i in range(1, 5)
            ],
        ],
    )
    settings = make_settings(tmp_path / "store")
    assert not ingest([tmp_path], settings).errors
    assistant = Assistant(settings)
    answer = assistant.ask("What macro accuracy does UnifiedReward get on VLRewardBench?")
    assert answer.citations[0].arxiv_id == "2503.05236", answer.text
    assert "66.5%" in answer.text
    # a model many papers write is a baseline, no paper's subject
    common = "how did Llama 3.1 do on VLRewardBench?"
    assert assistant.retriever._measured_model(common, "2411.17451") is None
    # a comparison whose sides are in no digest, only its benchmark, is refused (was: the
    # benchmark's paper shown as "what the digests say")
    absent = assistant.ask("What's Llama 5's score on VLRewardBench compared to Llama 3.1?")
    assert absent.refused and "Llama 5" in absent.text, absent.text


def test_a_paper_described_with_its_result_on_a_named_benchmark_is_the_subject(tmp_path):
    """Was: "A two-agent Python code generation framework with a programmer agent and an
    executor agent doing self-debugging: what success-rate gain did it show on
    BigCodeBench?" answered from BigCodeBench's paper. Of the papers that write the
    benchmark's name, the one the rest of the question finds first leads when it has
    clearly more of its words than the benchmark's paper."""
    from conftest import english_digest, make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    english_digest(
        tmp_path,
        "2025-02-06",
        [
            (
                "BigCodeBench: Benchmarking Code Generation",
                "2406.15877",
                "BigCodeBench is a benchmark of code generation: the success rate of LLM "
                "code generation on BigCodeBench tasks is far below people's.",
            ),
            (
                "Large Language Model Guided Self-Debugging Code Generation",
                "2502.02928",
                "PyCapsule is a two-agent framework with a programmer agent and an executor "
                "agent for self-debugging; it gains 24.4% success rate on BigCodeBench.",
            ),
            ("Vision Mamba", "2401.09417", "An image backbone built on state space models."),
        ],
    )
    settings = make_settings(tmp_path / "store")
    assert not ingest([tmp_path], settings).errors
    assistant = Assistant(settings)
    question = (
        "A two-agent framework with a programmer agent and an executor agent doing "
        "self-debugging: what success-rate gain did it show on BigCodeBench?"
    )
    # (in an archive this small the words alone rank it first; in the real one the
    # benchmark's name wins the ranking, and this reading puts the described paper first)
    assert assistant.retriever._measured_model(question, "2406.15877") == "2502.02928"
    answer = assistant.ask(question)
    assert answer.citations[0].arxiv_id == "2502.02928", answer.text
    assert "24.4%" in answer.text
    # a question about the benchmark itself stays on it
    own = "how many code generation tasks are in BigCodeBench?"
    assert assistant.retriever._measured_model(own, "2406.15877") is None
    assert assistant.ask(own).citations[0].arxiv_id == "2406.15877"


@pytest.mark.parametrize(
    "question, coordinated",
    [
        ("CatLIP이랑 PuLID 논문 각각 간단히 설명해줘", {"a", "b"}),
        ("CatLIP and PuLID: what are they?", {"a", "b"}),
        ("CatLIP, PuLID", {"a", "b"}),
        ("CatLIP와 PuLID 비교", {"a", "b"}),
        # one name inside a question about the other: context, not a second subject
        ("How does CatLIP pretrain faster than PuLID does?", set()),
        ("CatLIP", set()),
        # a name in brackets after the word the question calls it by is one mention with
        # it (b78: "Global MMLU랑 ALM-bench(All Languages Matter) 각각 몇 개 언어 커버해?"
        # answered Global MMLU alone, and said its digests give no ALM-bench figure)
        ("CatLIP랑 CLB(PuLID) 각각 설명해줘", {"a", "b"}),
        ("CLB (PuLID) and CatLIP: what are they?", {"a", "b"}),
    ],
)
def test_names_written_side_by_side_are_each_asked_about(question, coordinated):
    from assistant.retrieve.hybrid import _coordinated

    assert _coordinated(question, {"a": "CatLIP", "b": "PuLID"}) == coordinated


@pytest.mark.parametrize(
    "question",
    ["SWE-RL이랑 SpargeAttn 논문 각각 간단히 설명해줘", "SpargeAttn and SWE-RL: what are they?"],
)
def test_two_papers_named_side_by_side_are_both_answered(seed_assistant, question):
    """Was (b61): "CatLIP이랑 PuLID 논문 각각 간단히 설명해줘" answered with PuLID alone, and
    said the digests give no "PuLID figure" for CatLIP: the other paper read as a measure."""
    answer = seed_assistant.ask(question)
    assert {c.arxiv_id for c in answer.citations[:2]} == {"2502.18137", "2502.18449"}
    assert "수치가 없습니다" not in answer.text and "figure" not in answer.text


def test_a_coined_word_of_one_papers_name_names_it_when_few_papers_write_it(tmp_path):
    """b61: "Tell me about the OpenING benchmark for interleaved image-text generation."
    answered with another interleaved-generation paper: the name is "GATE OpenING". A word
    many papers write ("RoPE" of "Resonance RoPE") names no paper."""
    from conftest import english_archive

    rope = [
        (f"Long Context Study {n}", f"2502.0000{n}", f"We extend RoPE to long contexts, part {n}.")
        for n in range(1, 6)
    ]
    assistant = english_archive(
        tmp_path,
        "2024-11-28",
        [
            (
                "GATE OpenING: A Comprehensive Benchmark for Judging Open-ended Generation",
                "2411.18499",
                "OpenING is a new benchmark for open-ended interleaved image-text generation; "
                "OpenING has 56 tasks.",
            ),
            (
                "InterSyn: Interleaved Image-Text Generation Data",
                "2506.09427",
                "InterSyn is a benchmark and dataset for interleaved image-text generation: "
                "interleaved image-text generation at scale.",
            ),
            ("Resonance RoPE: Improving Context Length Generalization", "2403.00071", "RoPE."),
            *rope,
        ],
    )
    asked = "Tell me about the OpenING benchmark for interleaved image-text generation."
    assert assistant.retrieve(asked).hits[0].paper.arxiv_id == "2411.18499"
    hits = assistant.retrieve("Which papers extend RoPE to long contexts?").hits
    assert hits[0].via == "hybrid"


@pytest.fixture(scope="module")
def baselines_assistant(tmp_path_factory):
    """Papers that measure against FlashAttention-3 and Gemini 2.5 Pro, whose own papers
    are not in the digests; the first Gemini paper is, and one title names Llama 3."""
    from conftest import english_archive

    rows = [
        (
            "SeerKernel: Sparse Decoding Kernels",
            "2506.00001",
            "SeerKernel is a sparse decoding kernel. It learns which blocks to skip. It "
            "reaches a 9x speedup over FlashAttention-3 on H100 GPUs at 90% sparsity.",
        ),
        (
            "TileAttn: Tiled Attention for Video",
            "2506.00002",
            "TileAttn tiles attention for video diffusion. Tiles follow the video's 3D "
            "layout. It is 2.8x faster than FlashAttention-3 on 720p clips.",
        ),
        (
            "Gemini: A Family of Highly Capable Multimodal Models",
            "2312.00003",
            "Gemini is a family of multimodal models that understand images, audio and text.",
        ),
        (
            "ChoreBench: Web Chores for Agents",
            "2506.00004",
            "ChoreBench has 532 web tasks. Each task is a chore on a simulated website. "
            "Gemini 2.5 Pro solves 44.9% of them with BrowserGym.",
        ),
        (
            "The Llama 3 Herd of Models",
            "2407.00005",
            "This report introduces a family of dense models up to 405B parameters.",
        ),
        (
            "QuantKernel: 8-Bit Attention Kernels",
            "2410.00006",
            "QuantKernel quantizes attention to 8 bits. It achieves a 2.1x speedup over "
            "FlashAttention2 with no loss of accuracy.",
        ),
        (
            "Phi-5 Technical Report",
            "2404.00009",
            "This report introduces phi-5-mini, a 3.8B language model. phi-5-mini reaches "
            "69% on MMLU.",
        ),
        (
            "SpeakSeed: Versatile Speech Generation Models",
            "2406.00008",
            "SpeakSeed generates speech close to human recordings. Samples are at "
            "https://speakseed.github.io/demo_page.",
        ),
        (
            "GatePrune: Pruning Forgetting Transformers",
            "2504.00007",
            "GatePrune skips attention computations inside a modified FlashAttention "
            "framework, for 10%-35% faster training throughput.",
        ),
    ]
    return english_archive(tmp_path_factory.mktemp("baselines"), "2025-06-10", rows)


@pytest.mark.parametrize(
    "question, name, cited",
    [
        ("summarize the FlashAttention-3 paper", "FlashAttention-3", ["2506.00001", "2506.00002"]),
        (
            "FlashAttention-3 논문 핵심 내용 요약해줘",
            "FlashAttention-3",
            ["2506.00001", "2506.00002"],
        ),
        # "Gemini" is the first version's paper, a look-alike of the one asked about
        ("what is the Gemini 2.5 paper about?", "Gemini 2.5", ["2506.00004"]),
        # its paper asked a figure of (b103: "what did the FlashAttention-3 paper report for
        # FP8 throughput on H100?" quoted SeerAttention-R as the answer)
        (
            "what did the FlashAttention-3 paper report for FP8 throughput on H100?",
            "FlashAttention-3",
            ["2506.00001", "2506.00002"],
        ),
        # (review: "FlashAttention-3 논문 내용" had become a topic's listing)
        ("FlashAttention-3 논문 내용", "FlashAttention-3", ["2506.00001", "2506.00002"]),
        # (b105: "DeepSeek-V2 원논문 요약해줘. MLA로 ...")
        (
            "FlashAttention-3 원논문에서 FP8 처리량 얼마였어?",
            "FlashAttention-3",
            ["2506.00001", "2506.00002"],
        ),
    ],
)
def test_a_summary_of_a_model_no_paper_is_about_names_the_papers_that_mention_it(
    baselines_assistant, question, name, cited
):
    """Was: "FlashAttention-3 논문 핵심 내용 요약해줘" summarised SeerAttention-R, and "Llama 4
    기술 보고서 요약해줘" a paper on a 4-bit LLaMA-1B (battery b82): no digest covers either
    model's own paper. Now the answer says so, declines, and cites the papers that mention
    it, each with the sentence that does."""
    answer = baselines_assistant.ask(question)
    assert answer.refused, answer.text
    assert sorted(c.arxiv_id for c in answer.citations) == cited, answer.text
    assert name in answer.text.splitlines()[0]
    assert "9x speedup over FlashAttention-3" in answer.text or name == "Gemini 2.5"


@pytest.mark.parametrize(
    "question, paper",
    [
        ("summarize the Llama 3 paper", "2407.00005"),  # its title writes it
        # its paper introduces it in its opening sentences (the review of b82's change:
        # "summarize Phi-3-mini" was declined, "Mixtral 8x7B" read as "8x7B")
        ("summarize phi-5-mini", "2404.00009"),
    ],
)
def test_a_model_a_paper_is_about_has_its_paper(baselines_assistant, question, paper):
    answer = baselines_assistant.ask(question)
    assert not answer.refused and answer.citations[0].arxiv_id == paper, answer.text


def test_a_paper_compared_with_a_name_no_paper_is_about_quotes_its_figures_against_it(
    baselines_assistant,
):
    """Was: "SageAttention vs FlashAttention, which is faster?" compared SageAttention with
    a paper that mentions a modified FlashAttention framework once, the retrieval's next
    hit. FlashAttention is no paper's subject in the digests: the answer says so and quotes
    what SageAttention reports against it."""
    answer = baselines_assistant.ask("QuantKernel vs FlashAttention, which is faster?")
    assert [c.arxiv_id for c in answer.citations] == ["2410.00006"], answer.text
    assert "FlashAttention itself" in answer.text and "2.1x speedup" in answer.text


@pytest.mark.parametrize(
    "question, page",
    [
        ("is there a SpeakSeed demo page where I can listen to samples?", True),
        ("SpeakSeed 데모 페이지 있어?", True),
        ("github link for the QuantKernel paper?", False),
    ],
)
def test_a_page_a_summary_writes_is_given_when_code_is_asked(baselines_assistant, question, page):
    """Was: "is there a demo page where I can listen to samples?" about Seed-TTS said the
    digests give no link, though its summary writes the demo page; a paper with no link at
    all is declined (b82: "github link for the Qwen3 technical report?" was answered as
    found), as votes a digest does not give are."""
    answer = baselines_assistant.ask(question)
    assert ("https://speakseed.github.io/demo_page" in answer.text) == page, answer.text
    assert answer.refused != page


@pytest.mark.parametrize(
    "question, said",
    [
        ("who wrote DDT?", "No digest mentions DDT."),
        ("DDT 저자 누구야?", "다이제스트에는 DDT에 대한 언급이 없습니다."),
        ("who wrote FooNet?", "No digest mentions FooNet."),
    ],
)
def test_a_refusal_names_what_no_digest_mentions(seed_assistant, question, said):
    """Was: on the seeds (no DDT paper), "who wrote DDT?" was refused as "a programming or
    tooling question", and "who wrote FooNet?" as no question about research: a refused
    question's name, or acronym, that no paper writes is said."""
    answer = seed_assistant.ask(question)
    assert answer.refused and answer.text.startswith(said), answer.text
    # a lesson asked keeps its own reason; words in capitals are no names
    lesson = seed_assistant.ask("Explain TCP congestion control from scratch")
    assert lesson.refused and "TCP" not in lesson.text
    assert seed_assistant.retriever.unwritten_names("WHO WROTE THE FOONET PAPER?") == ["FOONET"]
    assert seed_assistant.retriever.unwritten_names("what did SWE-RL score on SWE-bench?") == []
    assert seed_assistant.retriever.unwritten_names("is SWE-RL in the FAQ?") == ["FAQ"]


def test_a_name_the_question_spells_out_is_no_absent_name(seed_assistant):
    """Was (b86): "... running depth anything v2 per frame flickers ... ideally something
    built on DA-V2, what should i use?" was refused: "No digest mentions DA-V2". A name of
    capitals that are the initials of words the question writes in a row abbreviates them."""
    from assistant.retrieve.hybrid import _abbreviates

    spelled = "running depth anything v2 per frame flickers; ideally built on DA-V2?"
    assert _abbreviates("DA-V2", spelled)
    # another version, or initials met by chance, spell nothing out (review: "Is there a
    # DA-V3 newer than depth anything v2?", "How good is the new GT-5 model? Give tables.")
    assert not _abbreviates("DA-V3", spelled.replace("DA-V2", "DA-V3"))
    assert not _abbreviates("GT-5", "How good is the new GT-5 model? Give tables.")
    assert not _abbreviates("FooNet", "the foo network, FooNet")
    assert seed_assistant.retriever.absent_names("is there an SA-V2 of SpargeAttn?") == ["SA-V2"]


def test_a_title_quoted_by_its_first_words_names_its_paper(tmp_path):
    """Was (b66, b86): "'Observational Scaling Laws' 논문은 며칠자 다이제스트에 실렸었지?"
    answered with Gemstones (another scaling-law paper), and "... (Naturalistic Music
    Decoding) 다이제스트에 언제 나왔어?" counted the papers on those words. Three or more
    capitalised words as a title begins, when one title alone begins so, name its paper."""
    from conftest import english_archive

    from assistant.understand.query import analyse

    assistant = english_archive(
        tmp_path,
        "2024-05-20",
        [
            (
                "Observational Scaling Laws and the Predictability of Language Model Performance",
                "2405.10938",
                "Observational scaling laws predict performance from public models.",
            ),
            ("Gemstones: A Model Suite for Scaling Laws", "2502.06857", "Scaling laws again."),
            ("Deep Robot Scaling Alpha", "2405.00001", "Robots scale."),
            ("Deep Robot Scaling Beta", "2405.00002", "Robots scale more."),
        ],
    )
    catalog, router = assistant.catalog, assistant.router
    quoted = "'Observational Scaling Laws' 논문은 며칠자 다이제스트에 실렸었지?"
    assert catalog.by_title_start(quoted) == [("Observational Scaling Laws", "2405.10938")]
    assert catalog.by_title_start("observational scaling laws 논문") == []  # not as written
    assert catalog.by_title_start("Deep Robot Scaling 논문") == []  # two titles begin so
    info = analyse(quoted, None, "2024-05-20")
    assert [p.arxiv_id for p in router.named(info)] == ["2405.10938"]
    answer = assistant.ask(quoted)
    assert [c.arxiv_id for c in answer.citations] == ["2405.10938"] and "2024-05-20" in answer.text
    # a set asked for with the same words asks for a topic, unless it quotes the title
    topic = "which papers are about Observational Scaling Laws?"
    assert router.named(analyse(topic, None, "2024-05-20")) == []


def test_a_title_start_in_quotes_names_its_paper_in_any_case(tmp_path):
    """Was (b83): "CoT-Valve vs the 'Do NOT think that much for 2+3' paper ..." named
    CoT-Valve alone (the quoted words, not capitalised as the title writes them, named
    nothing), and the comparison declined for a 'NOT' figure. Four or more words in quotes
    that one title alone begins with, in any case, name its paper."""
    from conftest import english_archive

    from assistant.understand.query import analyse

    assistant = english_archive(
        tmp_path,
        "2025-01-02",
        [
            ("CoT-Valve: Length-Compressible Chain-of-Thought Tuning", "2502.09601", "Valve."),
            (
                "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs",
                "2412.21187",
                "Overthinking wastes tokens.",
            ),
            ("Do Large Models Think Alike?", "2412.00001", "Models think."),
            ("Do Large Models Think Deeply?", "2412.00002", "Models think deeply."),
        ],
    )
    catalog = assistant.catalog
    question = "CoT-Valve vs the 'Do NOT think that much for 2+3' paper: how much shorter?"
    assert catalog.by_quoted_start(question) == [("Do NOT think that much for 2+3", "2412.21187")]
    assert catalog.by_quoted_start("the 'do large models' paper") == []  # three words
    assert catalog.by_quoted_start("the 'do large models think' paper") == []  # not one title
    assert catalog.by_quoted_start("the do not think that much for 2+3 paper") == []  # no quotes
    named = assistant.router.named(analyse(question, None, "2025-01-02"))
    assert [p.arxiv_id for p in named] == ["2502.09601", "2412.21187"]


def test_a_coined_word_a_title_begins_with_names_its_paper_when_few_papers_write_it(tmp_path):
    """Was (b86): "DeepSpeak 데이터셋 참가자 몇 명이야?" listed the papers on 'DeepSpeak
    데이터셋' (its name is "DeepSpeak Dataset v1.0", which the question does not write). A
    coined word that one title alone begins with names that paper, unless many papers
    write it ("OpenAI" begins "OpenAI o1 System Card")."""
    from conftest import english_archive

    from assistant.understand.query import analyse

    rows = [
        ("DeepSpeak Dataset v1.0", "2408.05366", "DeepSpeak records 220 participants."),
        ("OpenAI o1 System Card", "2412.16720", "OpenAI o1 reasons before it answers."),
    ]
    rows += [
        (f"Agent Study {i}", f"2501.{20000 + i}", f"An agent built on OpenAI models, study {i}.")
        for i in range(5)
    ]
    assistant = english_archive(tmp_path, "2024-08-15", rows)
    router = assistant.router
    asked = "DeepSpeak 데이터셋 참가자 몇 명이야?"
    assert [p.arxiv_id for p in router.named(analyse(asked, None, "2024-08-15"))] == ["2408.05366"]
    answer = assistant.ask(asked)
    assert [c.arxiv_id for c in answer.citations] == ["2408.05366"] and "220" in answer.text
    revenue = "What was OpenAI's revenue in 2024?"
    assert assistant.catalog.by_coined_start(revenue) == [("OpenAI", "2412.16720")]
    assert router.named(analyse(revenue, None, "2024-08-15")) == []


def test_an_acronyms_words_name_its_paper_only_as_its_title_capitalises_them(tmp_path):
    """Review: "decoupled diffusion transformer 말고 다른 diffusion transformer 가속 논문" named
    DDT by its words in lower case; typed so they are a topic, capitalised as the title
    writes them the paper ("Decoupled Diffusion Transformer paper — whats the main idea?")."""
    from conftest import english_archive, unrelated_rows

    from assistant.understand.query import analyse

    rows = [
        ("DDT: Decoupled Diffusion Transformer", "2504.05741", "DDT gets an FID of 1.31."),
        ("TTRL: Test-Time Reinforcement Learning", "2504.16084", "TTRL trains on test data."),
        (
            "ConceptMaster: Multi-Concept Video Customization on Diffusion Transformer",
            "2501.04698",
            "ConceptMaster decouples identities in a diffusion transformer. Its FID is 22.4, "
            "decoupled and diffusion transformer ways, decoupled again.",
        ),
        *unrelated_rows(12),
    ]
    assistant = english_archive(tmp_path, "2025-04-10", rows)
    router = assistant.router

    def named(question):
        return [p.arxiv_id for p in router.named(analyse(question, None, "2025-04-10"))]

    assert named("Decoupled Diffusion Transformer paper — whats the main idea?") == ["2504.05741"]
    assert named("papers on decoupled diffusion transformer speed-ups") == []
    # four words spelled out (review: "Test-Time Reinforcement Learning 논문 요약해줘" had been
    # another paper's summary), and asked as its subject though other papers have the words
    assert named("Test-Time Reinforcement Learning 논문 요약해줘") == ["2504.16084"]
    answer = assistant.chat().ask("What FID did the Decoupled Diffusion Transformer get?")
    assert answer.citations[0].arxiv_id == "2504.05741" and "1.31" in answer.text, answer.text


def test_a_coined_word_a_later_title_begins_with_names_the_paper_that_introduced_it(tmp_path):
    """b93: "ModernBERT 논문 요약해줘" summarised Clinical ModernBERT (and the router read
    "ModernBERT or DeBERTaV3?", the title that begins with the word): the paper whose
    summaries introduce ModernBERT, months before, is the one named (four papers write the
    word, too many for it to name its paper by itself). Written with more of the later
    title, that title is meant."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    digests = [
        korean_digest(
            tmp_path,
            "2024-12-20",
            [
                (
                    "Smarter, Better, Faster, Longer: A Modern Bidirectional Encoder",
                    "2412.13663",
                    "ModernBERT는 기존 인코더 모델을 개선한 양방향 인코더입니다. "
                    "ModernBERT는 8192 시퀀스 길이를 지원합니다.",
                )
            ],
        ),
        english_digest(
            tmp_path,
            "2025-04-14",
            [
                (
                    "ModernBERT or DeBERTaV3? Examining Architecture and Data Influence",
                    "2504.08716",
                    "This paper compares ModernBERT and DeBERTaV3 encoders on French data.",
                ),
                (
                    "Clinical ModernBERT: An Efficient Encoder for Biomedical Text",
                    "2504.03964",
                    "Clinical ModernBERT adapts ModernBERT to clinical text.",
                ),
                (
                    "ModernGBERT: A German Encoder Trained from Scratch",
                    "2505.13136",
                    "ModernGBERT follows ModernBERT's design for German.",
                ),
                *unrelated_rows(30),
            ],
        ),
    ]
    assistant = archive_of(tmp_path, digests)
    answer = assistant.ask("ModernBERT 논문 요약해줘")
    assert answer.citations[0].arxiv_id == "2412.13663", answer.text
    later = assistant.ask("ModernBERT or DeBERTaV3 paper summary")
    assert later.citations[0].arxiv_id == "2504.08716", later.text


def test_a_sibling_model_the_opening_introduces_with_the_name_is_an_alias():
    """b94: "Phi-4-Multimodal에서 음성/오디오 LoRA 파라미터 몇 개야?" was asked of Phi-4 (14B):
    the Phi-4-Mini report opens with "Phi-4-Mini and Phi-4-Multimodal are ...", and the
    second is its model too. A name of two parts has no such siblings ("LLaMA-Omni2" opens
    on its predecessor LLaMA-Omni)."""
    mini = _titled(
        "Phi-4-Mini Technical Report: Compact yet Powerful Multimodal Language Models",
        "Phi-4-Mini and Phi-4-Multimodal are 3.8-billion-parameter models. The speech LoRA "
        "of Phi-4-Multimodal has 460 million parameters.",
    )
    assert mini.name == "Phi-4-Mini" and "Phi-4-Multimodal" in mini.aliases
    omni = _titled(
        "LLaMA-Omni2: LLM-based Real-time Spoken Chatbot",
        "LLaMA-Omni2 builds on LLaMA-Omni with a streaming speech decoder.",
    )
    assert "LLaMA-Omni" not in omni.aliases


NORMS = """## Papers for 2025-03-14

| Title | Authors | Summary |
|-------|---------|---------|
| Transformers without Normalization (Read more on [arXiv](https://arxiv.org/abs/2503.10622))| A B | The method replaces normalization layers (LayerNorm and RMSNorm) with DyT, an element-wise tanh. ViT-B with DyT reaches 82.5% top-1 on ImageNet-1K. |
| Direct Preference Optimization Revisited (Read more on [arXiv](https://arxiv.org/abs/2503.10623))| C D | DPO is compared with PPO on three alignment suites; PPO wins on two of them. |
| Proximal Policy Optimization at Scale (Read more on [arXiv](https://arxiv.org/abs/2503.10624))| E F | PPO scaled to 70B parameters keeps a stable KL to the reference model. |
| Sparse Video Attention (Read more on [arXiv](https://arxiv.org/abs/2503.10625))| G H | A sparse attention kernel speeds video diffusion 2.1x. |
"""


@pytest.mark.parametrize(
    "question, refused, cited",
    [
        # two things a paper mentions and no paper is about: a textbook question, declined
        # with what the paper that mentions them says (was: DyT's sentence, as an answer)
        ("LayerNorm이랑 RMSNorm 차이가 뭐야?", True, ["2503.10622"]),
        # (read as a summary, "설명해줘": b97 "MLE랑 MAP 추정 차이 쉽게 설명해줘")
        ("LayerNorm이랑 RMSNorm 차이 쉽게 설명해줘", True, ["2503.10622"]),
        # (in English, nearer the scope's textbook examples than any paper: refused outright)
        ("What's the difference between LayerNorm and RMSNorm?", True, None),
        # papers about a side (their titles name it): answered by them
        ("What's the difference between DPO and PPO?", False, None),
        # asking for papers asks the archive: answered as any search
        ("any papers on LayerNorm vs RMSNorm?", False, ["2503.10622"]),
    ],
)
def test_a_comparison_of_what_no_paper_is_about_is_declined(
    tmp_path_factory, question, refused, cited
):
    assistant = _assistant(tmp_path_factory, "2025-03-14.md", NORMS, 4)
    answer = assistant.ask(question)
    assert answer.refused is refused, answer.text
    if cited is not None:
        assert [c.arxiv_id for c in answer.citations] == cited, answer.text
    if refused and answer.citations:  # says what no paper is about
        assert "LayerNorm" in answer.text.splitlines()[0], answer.text
    assert refused or answer.citations, answer.text


BLOCKS = """## Papers for 2025-03-13

| Title | Authors | Summary |
|-------|---------|---------|
| Block Diffusion: Interpolating Between Autoregressive and Diffusion Language Models (Read more on [arXiv](https://arxiv.org/abs/2503.09573))| A B | Block Diffusion Language Models (BD3-LMs) reach a perplexity of 28.23 on LM1B. |
| Star Attention: Efficient LLM Inference over Long Sequences (Read more on [arXiv](https://arxiv.org/abs/2411.17116))| E F | Star Attention speeds up long-context inference by up to 11x on Llama 3 models. |
"""


def test_a_name_written_in_the_plural_or_a_date_is_no_absent_name(tmp_path_factory):
    """b96: "BD3-LM이 LM1B에서 perplexity 얼마 나왔어?" said no digest mentions BD3-LM (its
    digest writes "BD3-LMs"); "papers from mid-2024 on agents" said none mentions
    "mid-2024", a date read as a versioned name."""
    retriever = _assistant(tmp_path_factory, "2025-03-13.md", BLOCKS, 2).retriever
    assert retriever.absent_names("BD3-LM이 LM1B에서 perplexity 얼마 나왔어?") == []
    assert retriever.absent_names("BD3-XL이 LM1B에서 perplexity 얼마 나왔어?") == ["BD3-XL"]
    assert retriever.absent_names("star attention papers from mid-2024?") == []
    assert retriever.absent_names("a late-2023 system: how fast is Star Attention?") == []
    assert retriever.absent_names("how fast is Star Attention on Llama 5?") == ["Llama 5"]


def test_a_title_of_the_archive_on_a_side_makes_a_comparison_answerable(tmp_path_factory):
    """Review: "GRPO vs PPO", "DPO랑 PPO 차이 설명해줘" were declined because none of the few
    papers found had a side in its title, though the archive has papers titled with it. A
    title anywhere in the archive counts; an acronym in its capitals ("MAP" is no "Saliency
    Map") and as a word of its own ("MLE-Dojo" is no title on MLE)."""
    digest = NORMS.replace(
        "| Sparse Video Attention",
        "| MLE-Dojo: Saliency Map Agents (Read more on [arXiv](https://arxiv.org/abs/2503.10626))"
        "| I J | Agents for machine learning engineering. |\n| GRPO at Scale (Read more on "
        "[arXiv](https://arxiv.org/abs/2503.10627))| K L | Group policy optimization. |\n"
        "| Sparse Video Attention",
    )
    retriever = _assistant(tmp_path_factory, "2025-03-14.md", digest, 6).retriever
    assert retriever.titled("GRPO") and retriever.titled("grpo")
    assert not retriever.titled("MAP") and not retriever.titled("MLE")
    assert not retriever.titled("LayerNorm")
    assert retriever.titled("Sparse Video Attention")


def test_a_side_of_a_comparison_is_what_is_written_beside_its_name():
    """'KL divergence' is a side of its own: "Ignore the KL Penalty!" titles a paper on the
    KL penalty, none on the divergence (b89: "KL divergence랑 cross entropy 차이 좀
    설명해줘" quoted I-Con, which mentions both)."""
    from assistant.answer.naming import _side

    question = "KL divergence랑 cross entropy 차이 좀 설명해줘"
    words = ["KL", "divergence", "cross", "entropy", "차이"]
    assert _side("KL", question, words) == "KL divergence"
    assert _side("entropy", question, words) == "cross entropy"
    # a Korean particle ends a side; an asking word is none of it
    assert _side("LayerNorm", "LayerNorm이랑 RMSNorm 차이", ["LayerNorm", "RMSNorm"]) == "LayerNorm"
    assert (
        _side("MLE", "the difference between MLE and MAP estimation", ["MLE", "MAP", "estimation"])
        == "MLE"
    )
    assert (
        _side("MAP", "the difference between MLE and MAP estimation", ["MLE", "MAP", "estimation"])
        == "MAP estimation"
    )
    assert _side("KL", "cross-entropy vs KL", ["cross-entropy", "KL"]) == "KL"
    assert _side("GRPO", "what is it?", ["GRPO"]) == "GRPO"  # (not written: itself)


def test_a_comparison_whose_sides_no_title_writes_together_is_declined(tmp_path_factory):
    # (60 more papers on other things: "KL", in three, is a rare word of the archive)
    others = "".join(
        f"| Segmentation Study {i} (Read more on [arXiv](https://arxiv.org/abs/2503.{11000 + i}"
        f"))| Q R | Method {i} segments street scenes at {i} frames per second. |\n"
        for i in range(60)
    )
    digest = NORMS.replace(
        "| Sparse Video Attention",
        "| Ignore the KL Penalty! Boosting Exploration (Read more on [arXiv](https://arxiv.org/"
        "abs/2503.10628))| M N | The KL penalty of RL fine-tuning is relaxed on critical "
        "tokens. |\n| A Unifying Framework (Read more on [arXiv](https://arxiv.org/abs/"
        "2503.10629))| O P | Many losses, cross-entropy among them, minimise one KL divergence "
        f"between neighbourhood distributions. |\n{others}| Sparse Video Attention",
    )
    assistant = _assistant(tmp_path_factory, "2025-03-14.md", digest, 66)
    answer = assistant.ask("What's the difference between KL divergence and cross-entropy?")
    assert answer.refused, answer.text
    assert "KL divergence" in answer.text.splitlines()[0], answer.text
    # a side whose acronym a title spells out is a paper's: answered by it
    answer = assistant.ask("DPO loss vs PPO objective")
    assert not answer.refused and answer.citations, answer.text


def test_one_edit_apart_and_accents():
    from assistant.text import one_edit_apart, unaccented

    assert one_edit_apart("humanevl", "humaneval")  # a letter left out
    assert one_edit_apart("humanevall", "humaneval")  # added
    assert one_edit_apart("humanevxl", "humaneval")  # changed
    assert one_edit_apart("humaenval", "humaneval")  # two swapped
    assert not one_edit_apart("humaneval", "humaneval")
    assert not one_edit_apart("hmnevl", "humaneval")
    assert unaccented("PokéLLMon, naïve Ångström") == "PokeLLMon, naive Angstrom"
    assert unaccented("포켓몬 PokéLLMon") == "포켓몬 PokeLLMon"  # (Hangul as written)


TYPED = [
    (
        "PokéLLMon: A Human-Parity Agent for Pokémon Battles",
        "2402.01118",
        "PokéLLMon reaches a 49% win rate in ladder competitions against human players.",
    ),
    (
        "OpenCoder: The Open Cookbook for Top-Tier Code Large Language Models",
        "2411.04905",
        "OpenCoder-8B achieved a zero-shot pass@1 rate of 68.9% on HumanEval.",
    ),
    *[
        (f"Code Model {i}", f"2501.{20000 + i}", f"Code model {i} scores {40 + i}% on HumanEval.")
        for i in range(3)
    ],
]


def test_a_name_typed_without_its_accent_or_with_a_typo_is_the_written_one(tmp_path):
    """b99, b100: "whats the ladder win rate of PokeLLMon agaisnt human players?" said no
    digest mentions PokeLLMon (its digest writes "PokéLLMon"); "OpenCoder-8B HumanEvl
    pass@1 몇이었어?" that none mentions HumanEvl."""
    from conftest import archive_of, english_digest, unrelated_rows

    folder = tmp_path / "typed"
    folder.mkdir()
    assistant = archive_of(
        folder,
        [
            english_digest(folder, "2025-02-05", TYPED),
            english_digest(folder, "2025-02-06", unrelated_rows(40)),
        ],
    )
    retriever = assistant.retriever
    assert retriever.absent_names("whats the ladder win rate of PokeLLMon?") == []
    assert retriever.absent_names("OpenCoder-8B HumanEvl pass@1?") == []
    assert retriever.absent_names("OpenCoder-8B HumanEvalPlus pass@1?") == ["HumanEvalPlus"]
    answer = assistant.ask("whats the ladder win rate of PokeLLMon agaisnt human players?")
    assert not answer.refused and "49%" in answer.text, answer.text
    assert answer.citations[0].arxiv_id == "2402.01118", answer.text
    answer = assistant.ask("OpenCoder-8B HumanEvl pass@1 몇이었어?")
    assert not answer.refused and "68.9%" in answer.text, answer.text
    assert "HumanEvl" not in answer.text, answer.text  # (no "the digests give no HumanEvl")


def test_a_two_word_name_typed_as_one_lower_case_word(tmp_path_factory):
    """b103: "kangaroo이랑 layerskip ... 속도 향상 비교해줘" found Kangaroo alone: the paper
    named "Layer Skip" was found only as "LayerSkip" (a capital inside)."""
    digest = """## Papers for 2024-04-30

| Title | Authors | Summary |
|-------|---------|---------|
| Layer Skip: Enabling Early Exit Inference (Read more on [arXiv](https://arxiv.org/abs/2404.16710))| A B | LayerSkip speeds up summarization by up to 2.16x. |
| Kangaroo: Lossless Self-Speculative Decoding (Read more on [arXiv](https://arxiv.org/abs/2404.18911))| C D | Kangaroo reaches a 1.68x speedup on Spec-Bench. |
"""
    catalog = _assistant(tmp_path_factory, "2024-04-30.md", digest, 2).catalog
    found = catalog.by_short_name("kangaroo이랑 layerskip 둘 다 속도 향상 비교해줘")
    assert found == ["2404.18911", "2404.16710"]
    assert catalog.by_short_name("layer skipping papers") == []


def test_a_title_quoted_with_another_article_is_that_title(tmp_path_factory):
    """b104: "... compare with the Empirical Study of Qwen3 Quantization ...?" compared the
    Qwen3 report (a name inside the title): the title opens with "An"."""
    digest = """## Papers for 2025-05-07

| Title | Authors | Summary |
|-------|---------|---------|
| An Empirical Study of Qwen3 Quantization (Read more on [arXiv](https://arxiv.org/abs/2505.02214))| A B | Qwen3 loses accuracy at 3 bits and below. |
| Qwen3 Technical Report (Read more on [arXiv](https://arxiv.org/abs/2505.09388))| C D | Qwen3 is pre-trained on 36 trillion tokens. |
"""
    assistant = _assistant(tmp_path_factory, "2025-05-07.md", digest, 2)
    question = "what did the Empirical Study of Qwen3 Quantization find at 4 bits?"
    assert assistant.catalog.by_title(question) == "2505.02214"
    assert assistant.catalog.by_title("a study of qwen3") is None  # (a few words: no title)
    answer = assistant.ask(question)
    assert [c.arxiv_id for c in answer.citations][:1] == ["2505.02214"], answer.text


def test_the_paper_of_a_model_only_built_on_is_declined(tmp_path):
    """b105: "DeepSeek-V2 원논문 요약해줘. MLA로 KV 캐시 몇 % 줄였다고 했지?" quoted a KV-cache
    paper: no digest covers DeepSeek-V2's paper; one builds on it (and writes it twice, so
    it is no mere mention)."""
    from conftest import archive_of, english_digest, unrelated_rows

    rows = [
        (
            "DeepSeek-Coder-V2: Breaking the Barrier of Closed-Source Models",
            "2406.11931",
            "DeepSeek-Coder-V2 is built on DeepSeek-V2. Starting from a DeepSeek-V2 "
            "checkpoint, it is pre-trained on 6 trillion more tokens.",
        ),
        ("KV Cache Study", "2406.11932", "MLA-style caches cut the KV cache by 93%."),
    ]
    assistant = archive_of(
        tmp_path,
        [
            english_digest(tmp_path, "2024-06-19", rows),
            english_digest(tmp_path, "2024-06-20", unrelated_rows(40)),
        ],
    )
    answer = assistant.ask("DeepSeek-V2 원논문 요약해줘. MLA로 KV 캐시 몇 % 줄였다고 했지?")
    assert answer.refused, answer.text
    assert "DeepSeek-V2" in answer.text.splitlines()[0], answer.text
    assert [c.arxiv_id for c in answer.citations] == ["2406.11931"], answer.text
    assert not assistant.ask("DeepSeek-Coder-V2 논문 요약해줘").refused


def test_a_new_names_rule_derives_titles_and_author_handles_again(tmp_path):
    """Review: on a store derived before accents were dropped (NAMES_RULE 24), "Which papers
    did Sébastien Bubeck write?" lost papers: the author handles kept "s bastien bubeck"."""
    from conftest import english_archive

    from assistant.index.derived import DerivedIndex

    rows = [("Phi-4 Technical Report", "2412.08905", "Phi-4 is a 14B model.")]
    assistant = english_archive(tmp_path, "2024-12-13", rows)
    derived = assistant.catalog.derived
    path = derived.path
    with derived.transaction() as db:  # as an older rule wrote them
        db.execute("UPDATE handles SET key='stale' WHERE key LIKE '%author%'")
        db.execute("DELETE FROM titles")
    derived.set_meta("names_rule", "0")
    assert not derived.handles_among(["a author"])
    again = DerivedIndex(path)
    assert again.titles_among(["phi 4 technical report"])
    assert again.handles_among(["a author"])
    assert again.meta("names_rule") != "0"


def test_papers_asked_on_a_model_no_paper_is_about_are_no_decline(baselines_assistant):
    """Review: "text-to-SQL / NL2SQL papers in April 2025?" was declined as asking for the
    paper of NL2SQL; "X 논문 뭐 있어?" asks for papers on it too."""
    for question in ("FlashAttention-3 논문 뭐 있어?", "FlashAttention-3 papers?"):
        answer = baselines_assistant.ask(question)
        assert not answer.refused and answer.citations, answer.text


def test_a_coined_name_one_edit_from_a_papers_name_is_that_name(tmp_path):
    """b108, b110: "LLM 에이전트 평가용 ... TextArnea 있잖아, 게임이 몇 개야?" and "in desing2code
    how many real webpages are in the benchmark?" were refused (coined names are no words
    for the speller, and the papers wrote each name once): a name no paper writes, one
    edit (two letters swapped) from one paper's name, is that name. A number changed is
    another name; a name near none stays as typed."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2025-04-15",
        [
            ("TextArena: Games for Agents", "2504.11442", "TextArena collects 74 text games."),
            ("Design2Code: Webpages", "2403.03163", "Design2Code has 484 real webpages."),
            ("AIME24 Study: Math", "2504.00003", "We study AIME24 with 30 problems."),
            ("SpargeAttn: Sparse Attention", "2502.18137", "SpargeAttn is 2.5x faster."),
            ("AudioLLM: Audio Models", "2409.00005", "AudioLLM makes audiobooks."),
            ("Seg-Zero: Reasoning Segmentation", "2503.06520", "Seg-Zero-7B scores 57.5."),
            *unrelated_rows(40),
        ],
    )
    # (b122: a hyphen left out, a size after it: "SegZero-7B" had been refused)
    assert assistant.spelling.correct("SegZero-7B score?")[0] == "Seg-Zero-7B score?"
    fixed, corrections = assistant.spelling.correct("TextArnea 게임이 몇 개야?")
    assert fixed.startswith("TextArena") and corrections
    answer = assistant.ask("in desing2code how many real webpages are in the benchmark?")
    assert not answer.refused and "484" in answer.text, answer.text
    assert answer.citations[0].arxiv_id == "2403.03163"
    assert assistant.spelling.correct("SpargAttn speedup?")[0] == "SpargeAttn speedup?"
    # in any case (b118: "VidCRAF3에서 ..."), a lower-case letter of the name left out
    assert assistant.spelling.correct("SpargATTN speedup?")[0] == "SpargeAttn speedup?"
    # a capital left out, a letter added: another model as often as not (review: AudioLM)
    for typed in ("AIME25 score of o3", "HydraKV cache eviction", "TextArenas", "AudioLM"):
        assert assistant.spelling.correct(typed)[0] == typed


def test_a_lower_case_name_before_a_korean_unit_has_no_version(tmp_path):
    """b110: "openelm 10억 파라미터 예산에서 정확도 몇 % 올랐다고?" said no digest mentions
    "openelm 10" (10억, a billion, is the budget), "tangoflx 30초짜리 ..." likewise."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2024-04-23",
        [
            ("OpenELM: Efficient Models", "2404.14619", "OpenELM improves accuracy by 2.36%."),
            ("OpenELM Two: More", "2404.14620", "OpenELM is used again at 1B parameters."),
            *unrelated_rows(40),
        ],
    )
    retriever = assistant.retriever
    assert retriever.absent_names("openelm 10억 파라미터 예산에서 정확도 몇 % 올랐다고?") == []
    assert retriever.absent_names("openelm 9 정확도는?") == ["openelm 9"]


def test_a_quantity_in_pixels_or_hertz_is_no_versioned_name():
    """b109: "How much better is SigLIP 2 B/16 than the original SigLIP on ImageNet
    zero-shot at 256px resolution?" said no digest mentions 256px."""
    from assistant.retrieve.hybrid import versioned_names

    names = versioned_names("SigLIP 2 B/16 vs SigLIP at 256px, 1080p video, 16kHz audio?")
    assert not {"256px", "1080p", "16kHz"} & set(names), names
    assert "SigLIP 2" in names


def test_an_english_word_in_capitals_is_a_name_only_in_capitals(tmp_path):
    """b112: "How do I pin package versions with poetry ...?" was answered with the PIN
    paper (a word in lower case). (A name with a capital inside typed in lower case,
    "galore 논문", names no paper still: "think", "lift", "demo" would name ThinK, LiFT and
    DeMo.)"""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2024-06-20",
        [
            ("PIN: A Knowledge-Intensive Dataset", "2406.13923", "PIN pairs images and text."),
            ("GaLore: Memory-Efficient LLM Training", "2403.03507", "GaLore cuts memory 65.5%."),
            ("Q-GaLore: Quantized GaLore", "2407.08296", "Q-GaLore quantizes GaLore."),
            *unrelated_rows(40),
        ],
    )
    catalog = assistant.catalog
    assert catalog.by_short_name("How do I pin package versions with poetry?") == []
    assert catalog.by_short_name("What is PIN about?") == ["2406.13923"]
    assert catalog.by_short_name("GaLore 논문 뭐 제안한 거야?") == ["2403.03507"]


def test_a_name_typed_with_its_version_glued_on(tmp_path):
    """b112: "llmlingua2 이거 뭐하는 거야? ..." said no digest mentions llmlingua2 (its paper
    is named "LLMLingua-2")."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2024-03-20",
        [
            ("LLMLingua-2: Data Distillation", "2403.12968", "LLMLingua-2 is 3x-6x faster."),
            *unrelated_rows(40),
        ],
    )
    assert assistant.catalog.by_short_name("llmlingua2 뭐야?") == ["2403.12968"]
    assert assistant.catalog.by_short_name("LLMLingua2-small 뭐야?") == []  # (a checkpoint)
    assert assistant.retriever.absent_names("llmlingua2 이거 뭐하는 거야?") == []
    answer = assistant.ask("llmlingua2 이거 뭐하는 거야? 얼마나 빨라?")
    assert not answer.refused and answer.citations[0].arxiv_id == "2403.12968", answer.text


def test_a_name_typed_with_its_version_apart(tmp_path):
    """b122: "세이지어텐션2 RTX4090에서 몇 TOPS 찍었어?" (read as "SageAttention 2 ...")
    answered with SageAttention's 340 TOPS: "SageAttention 2" named the first version, not
    SageAttention2 (485 TOPS); nor SageAttention2++, whose name has more after it."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2024-11-21",
        [
            ("SageAttention: Accurate 8-Bit Attention", "2410.02367", "340 TOPS on RTX4090."),
            ("SageAttention2: 4-Bit Attention", "2411.10958", "SageAttention2 hits 485 TOPS."),
            ("SageAttention2++: Faster", "2505.21136", "SageAttention2++ is 3.9x faster."),
            *unrelated_rows(40),
        ],
    )
    catalog = assistant.catalog
    assert catalog.by_short_name("SageAttention 2 RTX4090에서 몇 TOPS?") == ["2411.10958"]
    assert set(catalog.by_short_name("SageAttention 2 vs SageAttention")) == {
        "2411.10958",
        "2410.02367",
    }
    assert catalog.by_short_name("SageAttention on RTX4090") == ["2410.02367"]
    answer = assistant.ask("SageAttention 2 RTX4090에서 몇 TOPS 찍었어?")
    assert answer.citations[0].arxiv_id == "2411.10958" and "485" in answer.text, answer.text


def test_a_hyphenated_or_split_name_typed_another_way_is_that_name(tmp_path):
    """b113: "Mobil-Agent-v2랑 OS-Copilot 비교해줘" said Mobil-Agent-v2 is not in the
    digests (a hyphenated name, a Korean particle after it, were never read against the
    papers' names); "hunyuan prover가 뭐야?" found other provers (HunyuanProver typed as
    two words). Two words of the language joined ("flash attention") name no paper."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2024-06-04",
        [
            ("Mobile-Agent-v2: Phone Agents", "2406.01014", "Mobile-Agent-v2 gains 30%."),
            ("OS-Copilot: Computer Agents", "2402.07456", "OS-Copilot beats baselines by 35%."),
            ("HunyuanProver: Theorem Proving", "2412.20735", "HunyuanProver gets 68.4%."),
            ("FlashAttention: Fast Kernels", "2205.14135", "FlashAttention is 3x faster."),
            ("Design2Code: Webpages", "2403.03163", "Design2Code has 484 real webpages."),
            ("TrustLLM: Trustworthiness", "2401.05561", "TrustLLM benchmarks trust."),
            ("Long Code Arena: Benchmarks", "2406.11612", "GPT-4 gets 37% API recall there."),
            *unrelated_rows(40, "We trust an LLM to grasp object {n}."),
        ],
    )
    fixed, corrections = assistant.spelling.correct("Mobil-Agent-v2랑 OS-Copilot 비교해줘")
    assert fixed.startswith("Mobile-Agent-v2랑") and corrections, fixed
    answer = assistant.ask("Mobil-Agent-v2랑 OS-Copilot 비교해줘")
    assert {c.arxiv_id for c in answer.citations} >= {"2406.01014", "2402.07456"}, answer.text
    catalog = assistant.catalog
    assert catalog.by_short_name("hunyuan prover가 뭐야?") == ["2412.20735"]
    assert "68.4%" in assistant.ask("hunyuan prover가 뭐야? 몇 점이야?").text
    assert catalog.by_short_name("any papers on flash attention kernels?") == []
    # (review: nor two words many papers write, "trust llm": a topic)
    assert catalog.by_short_name("trust llm 논문 뭐 있어?") == []
    # (nor is "Code" of a name the word code: "Design2Code has how many webpages?" had been
    # answered with its links)
    answer = assistant.ask("Design2Code has how many webpages?")
    assert "484" in answer.text, answer.text
    # (b131: a name of words apart: "What API recall did GPT-4 reach on Long Code Arena?")
    answer = assistant.ask(
        "What API Recall did GPT-4 reach on Long Code Arena's library-based code generation task?"
    )
    assert "37%" in answer.text, answer.text


def test_where_a_sentence_coins_the_name_it_writes():
    """A name only mentioned is declined when asked "what is X?" (`_defined_unowned`), so
    a paper's own name must read as coined, and a name one writes beside another's coining
    must not: "BM25의 변형인 BM25S를 소개" coins BM25S, "RMSNorm 및 SwiGLU 등의 개선점을
    도입" adopts SwiGLU with others (b132: "SwiGLU가 뭐야?" had been answered by it), and
    "제안하는 모델, CUT3R(...)" coins CUT3R (its paper had been declined once few papers
    writing a name no longer kept it from the decline)."""
    from assistant.retrieve.coining import coined_at
    from assistant.retrieve.hybrid import name_pattern

    def coined(sentence: str, name: str, few: bool = True) -> bool:
        m = name_pattern(name).search(sentence.lower())
        return coined_at(sentence, m, name, few)

    assert coined(
        "제안하는 모델, CUT3R(Continuous Updating Transformer for 3D Reconstruction)은", "CUT3R"
    )
    assert coined("This paper introduces ACTalker, an end-to-end framework.", "ACTalker")
    assert coined("ACTalker를 제안합니다.", "ACTalker")
    assert not coined("BM25의 변형인 BM25S를 소개하며 속도를 높였습니다.", "BM25")
    assert not coined("It introduces BM25S, a faster variant of BM25.", "BM25")
    assert not coined("RMSNorm 및 SwiGLU 등의 개선점을 도입했습니다.", "SwiGLU")
    assert not coined("제안한 방법은 ImageNet에서 85%를 달성했습니다.", "ImageNet")
    # a name spelt out in brackets is its paper's when few papers write it; "RLHF
    # (Reinforcement Learning from Human Feedback)" is spelt out by dozens
    assert coined("We use TDF (Temporal Diffusion Fields) for video.", "TDF")
    assert not coined("We use TDF (Temporal Diffusion Fields) for video.", "TDF", few=False)
    # (review of 13ed60d: a paper's own name written once, by its expansion, as new, or as
    # what it builds, had been declined)
    sentence = "trained with Decoupled Group Relative Policy Optimization (DeGRPO) and tokens"
    assert coined(sentence, "DeGRPO")
    assert not coined(sentence, "DeGRPO", few=False)
    assert coined("Trained on the novel PolNLI dataset, the models ...", "PolNLI")
    assert coined("스타일 전환 데이터셋인 IMAGStyle(210K images)을 구축하고", "IMAGStyle")
    assert not coined("Like BERT (Devlin et al.), it uses masking.", "BERT")
    assert not coined("SentencePiece 기반 unigram 토크나이저를 구축하고", "SentencePiece")
    # a Korean word of coining that modifies another noun coins that noun (b126, b143:
    # "ShapeNet이 뭔지 간단히 설명해줘", "miniF2F 벤치마크가 뭐야?" had been answered from
    # a paper writing "ShapeNet 데이터셋에 대한 실험 결과는 제안된 방법이 ...")
    assert not coined(
        "ShapeNet 데이터셋에 대한 실험 결과는 제안된 방법이 최신 성능을 달성함을 보여준다.",
        "ShapeNet",
        False,
    )
    assert not coined("miniF2F와 MATH에서 PRER 및 제안된 MathAgents가 효과적임을", "miniF2F", False)
    assert coined("CUT3R를 제안한 논문이다.", "CUT3R", False)
    assert coined("FooNet은 제안된 방법으로 빠르다.", "FooNet", False)


def test_a_title_quoted_by_its_head_is_named_in_retrieval_as_in_routing(tmp_path):
    """b131-093: "cross entropy 로짓 행렬 안만들고 계산하는 CCE 논문 있었지? Cut Your Losses
    어쩌구" was refused: the router read "Cut Your Losses" as the title's head, but the
    retrieval did not, and its evidence for the paper (many words, in Korean) was under
    the gate."""
    from conftest import english_digest, make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    english_digest(
        tmp_path,
        "2024-11-15",
        [
            (
                "Cut Your Losses in Large-Vocabulary Language Models",
                "2411.09009",
                "Cut Cross-Entropy (CCE) computes the cross-entropy loss without materializing "
                "the logits for all tokens, reducing the memory footprint to 1 MB.",
            ),
            ("Vision Mamba", "2401.09417", "An image backbone built on state space models."),
            ("Star Attention", "2411.17116", "Star Attention speeds up long-context inference."),
        ],
    )
    settings = make_settings(tmp_path / "store")
    assert not ingest([tmp_path], settings).errors
    assistant = Assistant(settings)
    found = assistant.retrieve("로짓 행렬 안만들고 계산하는 논문 있었지? Cut Your Losses 어쩌구")
    assert (found.hits[0].arxiv_id, found.hits[0].via) == ("2411.09009", "title")
    assert found.relevant


@pytest.mark.parametrize(
    ("question", "name", "another"),
    [
        # b148: "How did Gemini 2.5 Pro do on the hard tasks?" after SPhyR had been answered
        # with the paper named "Gemini" (1.0), which writes no 2.5
        ("How did Gemini 2.5 Pro do on the hard tasks?", "gemini", True),
        ("mamba 2 vs transformers", "mamba", True),
        ("How good is Gemini Ultra on MMLU?", "gemini", False),
        ("Gemini 1.0 Ultra MMLU?", "gemini", False),  # its first version is that paper
        ("Gemini 2.5 vs Gemini", "gemini", False),  # also written alone
        ("phi 3 results", "phi 3", False),  # a name with its version
        # a size or a precision is no version (the dev blind set: "GaLore 8비트 버전은 ...?",
        # "SHAKTI 2.5B small model" had been other models)
        ("GaLore 8비트 버전은 옵티마이저 메모리 얼마나 줄여?", "galore", False),
        ("SHAKTI 2.5B small model for edge devices, MMLU?", "shakti", False),
        ("GaLore 8-bit optimizer memory?", "galore", False),
        ("What is Depth Anything V2 and how does it differ from V1?", "depth anything", False),
        ("Depth Anything랑 Depth Anything V2 중 누가 추천 더 많아?", "depth anything", False),
    ],
)
def test_a_name_written_with_a_version_it_has_not_is_another_model(question, name, another):
    from assistant.index.catalog import _another_version

    assert _another_version(question, name) is another


def test_an_acronym_glossed_with_its_words_is_read_with_them():
    """b146: "MPO(Mixed Preference Optimization)로 학습한 InternVL2-8B-MPO ..." was answered
    with "MPO" of Meta Plan Optimization; the gloss says which MPO."""
    from assistant.retrieve.hybrid import _glosses
    from assistant.text import long_form

    # (Schwartz and Hearst's matching: each letter in order, the first opening a word)
    assert long_form("LAPA", "Latent Action Pretraining for general Action models") == (
        "Latent Action Pretraining for general Action models"
    )
    assert long_form("ABC", "nothing alike here") is None

    assert _glosses("MPO(Mixed Preference Optimization)로 학습한 InternVL2-8B-MPO") == [
        ("MPO", "Mixed Preference Optimization")
    ]
    assert _glosses("what is Meta Plan Optimization (MPO)?") == [("MPO", "Meta Plan Optimization")]
    assert _glosses("SpargeAttn (a sparse attention kernel) speed?") == []  # no acronym's words


@pytest.mark.parametrize(
    "phrase, title, spelled",
    [
        # b151: "explain the 'LLMs as Markov chains' paper" had been a name no digest mentions
        (
            "LLMs as Markov chains",
            "Large Language Models as Markov Chains",
            "Large Language Models as Markov chains",
        ),
        (
            "RL for LLM agents",
            "Reinforcement Learning for LLM Agents",
            "Reinforcement Learning for LLM agents",
        ),
        # an acronym no run of the title's words spells, or a word of one capital, stays
        ("GPT as Markov chains", "Large Language Models as Markov Chains", "GPT as Markov chains"),
        ("A Survey", "Agents: A Survey", "A Survey"),
    ],
)
def test_a_title_quoted_with_acronyms_is_spelled_out_by_its_words(phrase, title, spelled):
    from assistant.text import spelled_out

    assert spelled_out(phrase, title) == spelled


def test_a_name_going_on_with_a_coined_word_written_apart_is_the_longer_name(tmp_path):
    """b158 (blind): "DeepSeek-R1 answered harmfully to 60% of direct HarmBench requests in
    the Thoughtology study, didn't it?" was asked of DeepSeek-R1, not of "DeepSeek-R1
    Thoughtology" (30.0%): the coined word written apart goes on from the name. An English
    word does not ("DeepSeek-R1 ... the math study")."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2025-04-10",
        [
            ("DeepSeek-R1: Incentivizing Reasoning", "2501.12948", "DeepSeek-R1 reasons."),
            (
                "DeepSeek-R1 Thoughtology: Let's think about LLM Reasoning",
                "2504.07128",
                "DeepSeek-R1 responds harmfully to 30.0% of direct HarmBench requests.",
            ),
            *unrelated_rows(20),
        ],
    )
    catalog = assistant.catalog
    question = "DeepSeek-R1 answered harmfully to 60% of requests in the Thoughtology study?"
    assert catalog.by_short_name(question) == ["2504.07128"]
    assert catalog.by_short_name("DeepSeek-R1 in the math study?") == ["2501.12948"]
    assert catalog.by_short_name("DeepSeek-R1 Thoughtology findings?") == ["2504.07128"]
