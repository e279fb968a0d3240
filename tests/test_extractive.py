"""The offline answerer's sentence handling, on summaries shaped as the digests write them."""

from __future__ import annotations

import pytest
from conftest import make_settings

from assistant.answer.extractive import ExtractiveAnswerer, figures, measures, sentences
from assistant.types import Mention, Paper
from assistant.understand.slots import cue_pattern

# the shape of most English corpus summaries: roman-numbered items on one line
ROMAN = (
    "i) This paper introduces SageAttention3, an FP4 attention mechanism for inference "
    "acceleration. ii) The primary objective is to enhance the efficiency of attention "
    "mechanisms through low-bit quantization. iii) The methodology involves FP4 microscaling "
    "quantization for inference. iv) SageAttention3 achieves 1038 TOPS on RTX5090, a 5x "
    "speedup over FlashAttention for inference. v) The FP4 attention offers AI practitioners "
    "new approaches to accelerate inference."
)
LETTERED = "a) The research asks how it works b) The method reaches 42% on X."


def test_numbered_items_are_sentences_without_their_markers():
    items = sentences(ROMAN)
    assert len(items) == 5
    assert items[3].startswith("SageAttention3 achieves 1038 TOPS")
    assert not any(s.startswith(("i)", "ii)", "iv)", "v)")) for s in items)
    assert sentences(LETTERED) == ["The research asks how it works", "The method reaches 42% on X."]


def test_a_word_ending_in_a_numeral_letter_is_not_an_item():
    text = "The model (version iii) is small and fast. It is v) nothing else, said the authors."
    assert sentences(text) == [
        "The model (version iii) is small and fast.",
        "It is v) nothing else, said the authors.",
    ]


def test_the_figure_asked_for_is_quoted_even_late_in_a_long_summary():
    paper = Paper(
        "2505.21136",
        [Mention("2505.21136", "SageAttention3", "2025-05-28", "en", "x.md", 1, summary=ROMAN)],
    )
    best = ExtractiveAnswerer().best(
        "How many TOPS does SageAttention3 hit on the RTX5090?", paper, False, 1
    )
    assert "1038 TOPS" in best[0]


CRAWL = (
    "CRAW4LLM, a novel web crawling method, prioritizes webpages based on their influence on "
    "LLM pretraining, rather than graph connectivity. CRAW4LLM also exhibits a faster discovery "
    "rate of pretraining documents than baseline crawlers. This method uses a pretraining "
    "influence scorer to rank URLs and guide the crawling process. Experiments on a 900 "
    "million webpage dataset show comparable downstream performance while crawling only 21% "
    "of URLs."
)


def _titled(pid: str, title: str, summary: str, date: str) -> Paper:
    """A paper of one English digest of `date`."""
    return Paper(pid, [Mention(pid, title, date, "en", "x.md", 1, summary=summary)])


def _paper(summary: str, language: str = "en") -> Paper:
    return Paper(
        "2502.13347",
        [Mention("2502.13347", "Craw4LLM", "2025-02-20", language, "x.md", 1, summary=summary)],
    )


def _drafted(question: str, hits: list, floor: float = 0.44) -> tuple[str, list[str]]:
    """The offline answer to `question` (and what it declines) from these hits, through a
    relevance gate at `floor`, as the archive's dates read the question."""
    from assistant.retrieve.hybrid import Retrieval
    from assistant.understand.query import analyse

    info = analyse(question, None, "2025-06-30", "2023-11-20")
    retrieval = Retrieval(question, info, hits, relevant=True, floor=floor)
    return ExtractiveAnswerer().draft(question, retrieval)


def test_a_quantity_question_gets_a_figure_even_when_the_gist_matches_better():
    question = (
        "A crawler that ranks URLs by how useful a page would be for pretraining instead of by "
        "link-graph connectivity needs to fetch what share of pages to match a normal crawl?"
    )
    answer = " ".join(ExtractiveAnswerer().best(question, _paper(CRAWL), False, 3))
    assert "21%" in answer


def test_a_quantity_question_gets_a_figure_with_none_of_its_words_beside_it():
    """Was: "... how fast does it run?" answered with the gist alone: no sentence with a
    question word states a figure (the speed is "61.2 FPS"), and the gist's "Segment
    Anything Model 2" passed for a figure stated. A name's version is no quantity; the
    best sentence with a figure joins."""
    summary = (
        "ReSurgSAM2 is a two-stage framework for surgical referring segmentation with "
        "long-term tracking using Segment Anything Model 2 (SAM2). The model achieves "
        "real-time performance at 61.2 FPS with substantial improvements in accuracy."
    )
    question = "SAM2-based referring segmentation for surgical videos — how fast does it run?"
    answer = " ".join(ExtractiveAnswerer().best(question, _paper(summary), False, 3))
    assert "61.2 FPS" in answer
    # a listed paper's one sentence stays its best on the question
    assert "61.2" not in ExtractiveAnswerer().best(question, _paper(summary), False, 1)[0]


GSTAR = (
    "GSTAR is a novel method for tracking and reconstructing dynamic 3D surfaces with "
    "changing topologies using Gaussian Splatting. The main research question is how to "
    "achieve photo-realistic rendering, accurate surface reconstruction, and reliable 3D "
    "tracking for dynamic scenes where the topology of surfaces changes over time. The "
    "primary results show that GSTAR achieves a PSNR of 31.87, SSIM of 0.952, and LPIPS of "
    "0.102 in appearance reconstruction, outperforming comparison methods."
)


def test_a_measure_the_question_names_is_answered_by_its_figure_first():
    """'What PSNR ...?' names no quantity word: the measure is read from the paper, where a
    figure stands next to it, and that sentence leads the answer."""
    paper = Paper(
        "2501.10283",
        [
            Mention(
                "2501.10283",
                "GSTAR: Gaussian Surface Tracking",
                "2025-01-24",
                "en",
                "x.md",
                1,
                summary=GSTAR,
            )
        ],
    )
    question = (
        "What PSNR does Gaussian surface tracking reach when reconstructing dynamic scenes "
        "whose topology changes?"
    )
    best = ExtractiveAnswerer().best(question, paper, False, 3)
    assert best[0].startswith("The primary results show that GSTAR achieves a PSNR of 31.87")
    assert len(best) == 3
    title = "GSTAR: Gaussian Surface Tracking"
    assert measures({"psnr"}, "a PSNR of 31.87 on the test set", title)
    assert measures({"miou"}, "It reaches 53.7% mIoU on PartObjaverse-Tiny.", title)
    assert not measures({"psnr"}, "PSNR is a common image metric used since 1990 by many.", title)
    assert not measures({"gstar"}, "GSTAR achieves 31.87", title)  # the paper's own name
    assert not measures({"surfac"}, "dynamic 3D surfaces", title)  # '3D' is no figure
    # a Korean figure carries its particle (was: "2895점을" no figure, so "Lichess 블리츠 Elo
    # 몇 나왔지?" listed a sentence on the model's size)
    chess = "Grandmaster-Level Chess Without Search"
    assert measures({"elo"}, "대규모 모델은 Lichess 블리츠 Elo에서 2895점을 달성하고", chess)
    assert measures({"정확도"}, "정확도가 58.8%에서 90.0%로 올랐다", title)
    assert not measures({"elo"}, "Elo 평가는 2024년부터 쓰였다", chess)  # a year is no figure


def test_names_list_markers_and_the_questions_own_figures_are_not_answers():
    assert figures("CRAW4LLM beats GPT-4 and Qwen2.5 by 3.5 points") == {"3.5"}
    assert figures("three modules: (1) rigor, (2) planning, 3) memory") == set()
    summary = (
        "OmniAlign-V is a 200K sample dataset for aligning MLLMs with human preferences. "
        "It also releases MM-AlignBench, with 252 human-annotated samples."
    )
    best = ExtractiveAnswerer().best(
        "How many samples are in the benchmark released with the 200K dataset?",
        _paper(summary),
        False,
        1,
    )
    assert "252" in " ".join(best)


THEME = """## Papers for 2025-02-{day}

| Title | Authors | Summary |
|-------|---------|---------|
{rows}
"""
ROWS = {
    "10": [
        (
            "2502.10001",
            "SpecOne: Speculative Decoding with Tree Drafts",
            "SpecOne speeds up speculative decoding with tree-shaped drafts, 2.1x faster.",
        ),
        (
            "2502.10002",
            "Gardening with Robots",
            "A robot arm learns to prune roses from demonstrations.",
        ),
    ],
    "20": [
        (
            "2502.20001",
            "SpecTwo: Multi-Draft Speculative Sampling",
            "SpecTwo accepts more draft tokens in speculative sampling, 3.0x faster decoding.",
        ),
        (
            "2502.20002",
            "SpecThree: Self-Speculative Decoding without a Draft Model",
            "SpecThree drafts with its own early layers for speculative decoding, 1.8x faster.",
        ),
    ],
    "25": [
        (
            "2502.25001",
            "SpecFour: Speculative Decoding for Long Contexts",
            "SpecFour keeps speculative decoding fast at 128k tokens, 2.5x faster.",
        ),
        (
            "2502.25002",
            "SpecFive: Lossless Speculative Decoding on Edge Devices",
            "SpecFive runs speculative decoding on phones, 1.6x faster.",
        ),
    ],
}


@pytest.fixture(scope="module")
def theme_assistant(tmp_path_factory):
    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("theme")
    for day, rows in ROWS.items():
        table = "\n".join(
            f"| {t} (Read more on [arXiv](https://arxiv.org/abs/{i}))| A B | {s} |"
            for i, t, s in rows
        )
        (base / f"2025-02-{day}.md").write_text(THEME.format(day=day, rows=table), "utf-8")
    settings = make_settings(base / "store")
    assert ingest([base], settings).papers_total == 6
    return Assistant(settings, answer_mode="extractive")


def test_a_topic_within_dates_lists_every_paper_on_it(theme_assistant):
    answer = theme_assistant.ask("Which papers from February 2025 work on speculative decoding?")
    cited = {c.arxiv_id for c in answer.citations}
    spec = {"2502.10001", "2502.20001", "2502.20002", "2502.25001", "2502.25002"}
    assert cited == spec, answer.text
    assert "Gardening" not in answer.text


def test_the_best_evidence_comes_first_whatever_its_language_and_is_labelled(monkeypatch):
    paper = _paper("unused")
    ranking = [
        (1.0, "SageAttention3 achieves 1038 TOPS on RTX5090.", False, True),  # English, best
        (0.8, "SageAttention3는 RTX5090에서 5배 빠릅니다.", True, True),  # Korean, second
    ]
    answerer = ExtractiveAnswerer()
    monkeypatch.setattr(answerer, "ranked", lambda *args: ranking)
    best = answerer.best("SageAttention3는 몇 TOPS야?", paper, True, 3)
    assert best == [
        "(영어 다이제스트: SageAttention3 achieves 1038 TOPS on RTX5090.)",
        "SageAttention3는 RTX5090에서 5배 빠릅니다.",
    ]
    ranking.reverse()  # the Korean sentence first: it leads
    best = answerer.best("SageAttention3는 몇 TOPS야?", paper, True, 3)
    assert best[0] == "SageAttention3는 RTX5090에서 5배 빠릅니다."


def test_a_figure_may_carry_a_unit_and_a_name_that_starts_with_digits_is_none():
    assert figures("RAD trains in 3DGS scenes, 2nd in the ranking") == set()
    assert figures("a 3D asset system, 4d scenes, 7B parameters") == {"7"}  # dimensions
    assert figures("from 236ms to 53ms, 10GB of memory, a 3x lower rate") == {
        "236",
        "53",
        "10",
        "3",
    }
    title = "RAD: Training an End-to-End Driving Policy"
    assert measures({"충돌"}, "충돌률에서 3배 낮은 성능을 보이며", title)
    assert measures({"collis"}, "a 3x lower collision rate", title)


CHUNK_KO = (
    "셀프 어텐션은 대규모 언어 모델에 필수적인 구성 요소이지만, 긴 시퀀스를 다룰 때 인퍼런스 "
    "지연을 가져오는 주된 원인입니다. 이 논문에서 우리는 ChunkAttention을 도입합니다. 이는 "
    "접두사에 대한 인식이 가능한 셀프 어텐션 모듈로, KV 캐시의 메모리 사용 효율을 개선합니다. "
    "실험 결과는 ChunkAttention이 시스템 프롬프트의 길이가 1024부터 4096까지 범위일 때, 최신 "
    "구현 대비 셀프 어텐션 커널을 3.2-4.8배까지 가속화할 수 있음을 보여줍니다."
)


def test_an_english_question_finds_its_answer_in_a_korean_only_summary():
    """The question's words are read in Korean too (the glossary, reversed): the sentence
    with the speed-up is the answer, not the one that shares 'KV'."""
    paper = Paper(
        "2402.15220",
        [Mention("2402.15220", "ChunkAttention", "2024-02-26", "ko", "x.md", 1, summary=CHUNK_KO)],
    )
    question = (
        "How much does the prefix-aware KV cache attention kernel speed up self-attention when "
        "system prompts are 1024 to 4096 tokens?"
    )
    best = ExtractiveAnswerer().best(question, paper, False, 3)
    assert "3.2-4.8배" in best[0]
    assert best[0].startswith("(Korean digest: 실험 결과는")


RSTAR_KO = (
    "rStar-Math는 Self-Evolved Deep Thinking을 통해 작은 언어 모델(SLMs)이 OpenAI o1 모델의 "
    "수학적 추론 능력을 뛰어넘을 수 있게 하였습니다. rStar-Math는 Monte Carlo Tree Search를 "
    "활용하여 수학 정책 SLM이 테스트 시간에 검색을 수행합니다. AIME 올림피아드에서는 평균 "
    "53.3%의 문제를 해결하여 상위 20%의 수준을 나타냈습니다."
)


def test_the_papers_own_name_does_not_pick_the_sentence():
    """A follow-up rewritten with its subject ('(rStar-Math, arXiv ...)') names the paper in
    every sentence: the sentence about what is asked (AIME) answers."""
    paper = Paper(
        "2501.04519",
        [
            Mention(
                "2501.04519",
                "rStar-Math: Small LLMs Can Master Math Reasoning",
                "2025-01-09",
                "ko",
                "x.md",
                1,
                summary=RSTAR_KO,
            )
        ],
    )
    question = "AIME에서는 어땠어? (rStar-Math, arXiv 2501.04519)"
    assert "53.3%" in ExtractiveAnswerer().best(question, paper, True, 1)[0]


def test_a_quoted_repository_link_of_a_cited_paper_stays_and_others_go(seed_assistant):
    """Was: "The code for the project is available at https://github.com/x/y." quoted as
    "... available at ." (every link was dropped): a link the store holds for the cited
    paper is the store's own. Any other link in the text still goes."""
    from assistant.answer.citations import finalize

    paper = next(p for p in seed_assistant.catalog.papers.values() if p.github)
    repo = paper.github[0]
    text, _ = finalize(
        f"Code [1]: the code is available at {repo}. See also https://evil.example/x.", [paper]
    )
    assert f"available at {repo}." in text
    assert "evil.example" not in text
    # b92: written with a slash after it ("코드는 https://github.com/x/y/ 에서"), not "코드는
    # 에서"; a page the summary writes is not the store's (digest text may carry any link)
    page = Paper(
        "2402.10009",
        [
            Mention(
                "2402.10009",
                "Zero-Shot Audio Editing",
                "2024-02-16",
                "ko",
                "k.md",
                1,
                summary="샘플은 https://hila.github.io/AudioEditing/ 에서, "
                "코드는 https://github.com/hila/AudioEditing/ 에서 찾아볼 수 있다.",
            )
        ],
    )
    text, _ = finalize(page.summary(), [page])
    assert "https://github.com/hila/AudioEditing 에서" in text, text
    assert "github.io" not in text


def test_an_abbreviation_ends_no_sentence():
    text = (
        "Phi-4-reasoning-plus achieves 78.0% on AIME 25 vs. 70.4% for o1-mini (e.g. Table 2). "
        "It builds on HGRN (Qin et al. 2023) and runs at approx. 2x speed."
    )
    assert sentences(text) == [
        "Phi-4-reasoning-plus achieves 78.0% on AIME 25 vs. 70.4% for o1-mini (e.g. Table 2).",
        "It builds on HGRN (Qin et al. 2023) and runs at approx. 2x speed.",
    ]
    # (b93: the DOOM paper's Korean digest had been cut at "입력(ex.")
    korean = (
        "생성 모델은 멀티모달 입력(ex. 텍스트, 이미지)에 조건부로 비디오를 생성했습니다. 다음 문장."
    )
    assert sentences(korean)[0].endswith("비디오를 생성했습니다.")


def test_the_summarising_models_preamble_is_no_sentence():
    text = (
        'Okay, here is a concise summary of the paper "Move-in-2D: 2D-Conditioned Human Motion '
        'Generation", following your guidelines: 1. **Summary:** Move-in-2D generates human '
        "motion conditioned on a 2D scene image. It reaches an FID of 0.4."
    )
    assert (
        sentences(text)[0] == "Move-in-2D generates human motion conditioned on a 2D scene image."
    )
    # a sentence that merely starts with "Here" stays
    assert sentences("Here, the method halves the cost of decoding.") == [
        "Here, the method halves the cost of decoding."
    ]


def test_an_overview_adds_the_key_result_from_the_other_digest_labelled():
    ko = "OmniGen2는 다양한 생성 작업을 위한 오픈소스 모델입니다. 텍스트와 이미지 경로를 분리했습니다."
    en = (
        "OmniGen2 is a versatile open-source generative model. It separates text and image "
        "decoding. The method outperforms earlier models. OmniGen2 scores 0.86 on GenEval, "
        "a 9% gain over OmniGen."
    )
    paper = Paper(
        "2506.18871",
        [
            Mention("2506.18871", "OmniGen2", "2025-06-24", "ko", "k.md", 1, summary=ko),
            Mention("2506.18871", "OmniGen2", "2025-06-24", "en", "e.md", 1, summary=en),
        ],
    )
    picked = ExtractiveAnswerer().overview(paper, korean=True)
    assert picked[:2] == sentences(ko)
    # the result stating figures, not the first "outperforms" sentence, labelled as quoted
    assert (
        picked[2] == "(영어 다이제스트: OmniGen2 scores 0.86 on GenEval, a 9% gain over OmniGen.)"
    )
    assert ExtractiveAnswerer().overview(paper, korean=False)[-1].startswith("OmniGen2 scores 0.86")


def test_an_overview_result_states_more_than_the_papers_own_version():
    """Was: Hunyuan3D 2.0's key result was its objective sentence ("3D" and "2.0" read as
    figures), not the one with 93.6% V-IoU."""
    en = (
        "Hunyuan3D 2.0 is an open-source system for 3D assets. The objective is a 3D system "
        "that outperforms Hunyuan3D 2.0's rivals. Results show a 93.6% V-IoU, surpassing others."
    )
    paper = Paper(
        "2501.12202",
        [Mention("2501.12202", "Hunyuan3D 2.0", "2025-01-22", "en", "e.md", 1, summary=en)],
    )
    assert ExtractiveAnswerer().overview(paper, korean=False)[-1].startswith("Results show a 93.6%")


def test_the_stated_figure_is_the_one_nearest_the_measure_best_sentence_first():
    from assistant.answer.extractive import stated_figure

    shown = [
        "Agents trained on SWE-Bench Verified and Lite test sets gain up to 19% overall.",
        "On SWE-Bench Verified it reaches 32.0%, a new best.",
    ]
    terms = {"swe", "bench", "verifi"}
    assert stated_figure(terms, shown, "SWE-Gym")[:2] == ("32.0%", "%")
    # the first sentence's figure when it is as near as the next one's
    near = ["R1 reaches 79.8% on AIME.", "Its distilled 32B model: AIME 72.6%."]
    assert stated_figure({"aim"}, near, "R1")[0] == "79.8%"
    assert stated_figure({"aim"}, ["No figures about AIME here."], "R1") is None
    # a benchmark's year is no figure on it (was: "2024" for "AIME 2024에서 72.6%", so
    # "DeepSeek-R1이랑 Kimi k1.5 중에 AIME 점수 누가 더 높아?" said DeepSeek-R1's 2024)
    year = ["distilled 모델은 AIME 2024에서 72.6%의 점수를 달성합니다."]
    assert stated_figure({"aim"}, year, "DeepSeek-R1")[0] == "72.6%"
    assert stated_figure({"aim"}, ["AIME: 2024 points."], "X")[0] == "2024 points"  # a unit
    # a count is no figure on the measure (b77: "SAM2Long [1] 5" of "5개의 VOS 벤치마크")
    count = ["SAM2Long은 5개의 VOS 벤치마크에서 평균 5.3점 향상되었습니다."]
    assert stated_figure({"vos"}, count, "SAM2Long")[0] == "5.3점"


def test_a_premise_is_corrected_by_the_digests_figure_of_what_it_counts():
    """b164, b162: "EmbodiedEval에 832개 태스크 있다던데 카테고리가 뭐뭐야?" quoted its
    categories, not its 328 tasks, and declined 832개 as a figure never given; "Softpick still
    had around a 12% attention sink rate ..., right?" quoted its method, not its 0% sink
    rate. The word after the claimed figure says what it counts: the sentence stating a
    figure of that is quoted, and the premise is corrected, not declined."""
    from assistant.retrieve.hybrid import Hit

    tasks = _paper(
        "이 벤치마크는 5가지 주요 카테고리로 구성된 태스크를 평가합니다. GPT-4o 모델은 약 25%의 "
        "성공률을 기록했습니다. 다양한 3차원 장면에서 328개의 구체적이고 다양한 태스크로 구성됩니다.",
        "ko",
    )
    text, _ = _drafted(
        "Craw4LLM에 832개 태스크 있다던데 카테고리가 뭐뭐야?", [Hit(tasks, 1.0, 1.0, via="name")]
    )
    assert "328개" in text and "832개" in text.split("\n")[0], text
    assert "수치가 없습니다" not in text
    sinks = _paper(
        "Craw4LLM is a drop-in replacement for softmax. It keeps benchmark accuracy on par. "
        "It eliminates attention sinks (0% sink rate vs 63.41%) and cuts kurtosis."
    )
    question = "Craw4LLM still had around a 12% attention sink rate vs softmax's 63%, right?"
    text, _ = _drafted(question, [Hit(sinks, 1.0, 1.0, via="name")])
    assert "0% sink rate" in text and text.startswith("The digests do not give 12%"), text


@pytest.mark.parametrize(
    "summary, question, claimed",
    [
        # b168 (blind): two words of the language together say what the figure measures
        (
            "Craw4LLM outperforms other fusion methods on planning tasks in the V2V-QA "
            'dataset, achieving a collision rate of 3.00% compared to 4.57% for the "No '
            'Fusion" baseline.',
            "Saw that Craw4LLM (the cooperative driving LLM fusing connected cars) cut "
            "collision rate to ~1.2% vs 4.57% for no fusion. is that the best planning "
            "result on V2V-QA?",
            "1.2%",
        ),
        (
            "Results show the trained model, Edgen, outperforms the advanced models in human "
            "evaluation across general image generation and specific domains like human and "
            "text generation, achieving a 98.08% preference rate overall.",
            "Craw4LLM's Edgen model only got about a 75% human preference rate vs the advanced "
            "models, right? how do they build the training set?",
            "75%",
        ),
        # ... and one word does, beside a figure of the claimed one's kind (a multiple)
        (
            "Results demonstrated a 30x speedup in annotation compared to manual methods.",
            "Craw4LLM claims 10x faster annotation for map datasets. which APIs does it use?",
            "10x",
        ),
        # (the review: the word just before the figure says it too)
        (
            "Craw4LLM cuts peak token usage by 70% while keeping comparable accuracy (with "
            "only a 1% drop).",
            "Craw4LLM drops accuracy by 10%, yeah?",
            "10%",
        ),
        # b169 (blind): a hyphenated pair is the same words apart ("success rate")
        (
            "Craw4LLM achieves a 30% success rate improvement with real-to-sim data.",
            "Craw4LLM got a 60% success-rate improvement from real-to-sim data, right?",
            "60%",
        ),
    ],
)
def test_a_premise_is_corrected_by_a_figure_its_words_of_the_language_say(
    summary, question, claimed
):
    """b168, b169 (blind): "... cut collision rate to ~1.2% vs 4.57%", "a 75% human
    preference rate", "claims 10x faster annotation" were declined as figures the digests
    do not give (answered as refusals), though the sentence quoted states the digests' own
    figure of the same measure: only names and acronyms had said what a figure measures."""
    from assistant.retrieve.hybrid import Hit

    text, declined = _drafted(question, [Hit(_paper(summary), 1.0, 1.0, via="name")])
    assert text.startswith(f"The digests do not give {claimed}"), text
    assert declined == []


def test_a_figure_of_another_measure_corrects_no_premise():
    """The review of the change above: one word the question and a sentence share does
    not make a figure of another kind (a share) the premise's (a multiple)."""
    from assistant.retrieve.hybrid import Hit

    sentence = "Annotation accuracy reaches 93% with the tool."
    question = "Craw4LLM claims 10x faster annotation. which APIs does it use?"
    text, declined = _drafted(question, [Hit(_paper(sentence), 1.0, 1.0, via="name")])
    assert not text.startswith("The digests do not give"), text
    assert declined == ["10x"]
    # ... nor a verb further off the figure ("reduces training steps by 50%")
    sentence = "Craw4LLM reduces peak token usage by 70% and inference time by 26%."
    text, declined = _drafted(
        "Craw4LLM reduces training steps by 50%, right?",
        [Hit(_paper(sentence), 1.0, 1.0, via="name")],
    )
    assert declined == ["50%"], text


def test_a_kind_of_model_described_is_no_measure_the_digests_lack():
    """b167 (blind): "roughly how many GPU hours does the InfiR small-LM training pipeline
    take?" was declined as "no small-LM figure" (a refusal), its 5760 GPU hours quoted: a
    word of the language before an acronym its digests write out describes the paper."""
    from assistant.answer.extractive import _not_written

    small = _paper("Craw4LLM trains small language models (SLMs) in about 5760 GPU hours.")
    assert _not_written("how many GPU hours does the Craw4LLM small-LM pipeline take?", small) == []
    assert _not_written("what did Craw4LLM get on MMLU?", small) == ["MMLU"]
    assert _not_written("Craw4LLM의 low-VRAM 설정은?", small) == ["low-VRAM"]


def test_a_figure_the_question_claims_and_no_digest_states_is_named():
    """b87 and blind_dev off-topic traps: "LKCell이 FLOPs를 90%나 줄였다던데 어떻게 한 거야?"
    (its digest: 78.4%), "DehazeXL needs like 80GB ..." (21 GB) were answered as if true."""
    from assistant.answer.extractive import _claimed_figures

    paper = _paper("LKCell reduces FLOPs by 78.4% and runs 2.5x faster with 21 GB of memory.")
    assert _claimed_figures("LKCell이 FLOPs를 90%나 줄였다던데 어떻게 한 거야?", paper) == ["90%"]
    assert _claimed_figures("why does it need like 80GB of memory?", paper) == ["80GB"]
    assert _claimed_figures("it cut FLOPs by 78%, how?", paper) == []  # as rounded
    assert _claimed_figures("it is 2.5배 faster, on which GPU?", paper) == []
    assert _claimed_figures("did it cut FLOPs by over 90%?", paper) == []  # a bound
    assert _claimed_figures("FLOPs 50% 이상 줄였어?", paper) == []
    assert _claimed_figures("what did it score on MMLU?", paper) == []  # nothing claimed
    # a score written bare, and a count with its counter (b88: "MADrive가 MOTA 0.95
    # 찍었다던데" of 0.810; "추론 토큰을 3790개에서 900개로 줄였다던데" of 3790 to 2125)
    scored = _paper("It achieves a MOTA of 0.810, cutting tokens from 3790 to 2125 on Llama 3.1.")
    assert _claimed_figures("MOTA 0.95 찍었다던데 트래커는 뭐 썼어?", scored) == ["0.95"]
    assert _claimed_figures("MOTA 0.81이었다던데?", scored) == []
    assert _claimed_figures("토큰을 3790개에서 900개로 줄였다던데?", scored) == ["900개"]
    # a change two figures of one sentence state (review of the check: "cut tokens by
    # 44%" of 3790 to 2125 had been declined); not two figures of different kinds
    assert _claimed_figures("토큰을 44% 줄였다던데 어떻게?", scored) == []
    assert _claimed_figures("I heard it cut tokens by 60%", scored) == ["60%"]
    assert _claimed_figures("I heard it is 1.8x more efficient", scored) == []
    assert _claimed_figures("I heard it is 5x more efficient", scored) == ["5x"]
    assert _claimed_figures("FLOPs를 10%p 줄였다던데?", paper) == ["10%p"]
    assert _claimed_figures("I heard it cut it by 73%", paper) == ["73%"]  # 78.4% and 21 GB
    # b89: a metric's unit, a cost, GPU hours, a Korean multiple as written ("10만", of
    # 665,000: "66만" is borne out, to its precision); "how did it manage" presumes
    costly = _paper("It reaches 40.6 mAP, trained on 665,000 H100 GPU hours for $9.")
    assert _claimed_figures("I heard it hits 50 mAP", costly) == ["50 mAP"]
    assert _claimed_figures("how did it manage 40.6 mAP?", costly) == []
    assert _claimed_figures("how did it manage 85 mAP?", costly) == ["85 mAP"]
    assert _claimed_figures("10만 GPU시간만으로 학습했다던데?", costly) == ["10만 GPU시간"]
    assert _claimed_figures("66만 GPU시간 썼다던데?", costly) == []
    assert _claimed_figures("it supposedly cost ~$900, how?", costly) == ["$900"]
    assert _claimed_figures("it supposedly cost about $9, how?", costly) == []
    # (b90) "조" and "trillion", "T": one figure either way ("4조" of "4 trillion tokens")
    tokens = _paper("An LLM trained on 4 trillion tokens.")
    assert _claimed_figures("10조 토큰으로 학습했다던데 왜?", tokens) == ["10조 토큰"]
    assert _claimed_figures("4조 토큰으로 학습했다던데 왜?", tokens) == []
    assert _claimed_figures("I heard it saw 4T tokens, why so many?", tokens) == []
    # (review) a unit with a Korean particle on it, parameters, a metric before its figure,
    # a score on a benchmark; not a lower-case word after "on"
    scores = _paper("It runs at 85.5 FPS, scores 50 on AIME 2024, CER 2.2, with 3.8B parameters.")
    assert _claimed_figures("120 FPS로 돈다던데?", scores) == ["120 FPS"]
    assert _claimed_figures("85.5 FPS로 돈다던데?", scores) == []
    assert _claimed_figures("how did it manage 60 on AIME 2024?", scores) == ["60"]
    assert _claimed_figures("how did it manage 50 on AIME 2024?", scores) == []
    assert _claimed_figures("I heard it gets a CER of 1.1", scores) == ["CER of 1.1"]
    assert _claimed_figures("since it has 7B parameters, why?", scores) == ["7B parameters"]
    assert _claimed_figures("since it has 3.8B parameters, why?", scores) == []
    assert _claimed_figures("I heard it gets 72 on average, why?", scores) == []
    assert _claimed_figures("is it built on Llama 3.1?", scored) == []  # a version
    assert _claimed_figures("what is 2502.18137 about?", scored) == []  # an arXiv id
    # (review of the change) only a premise claims: a cue says so (slot premise_cue);
    # a plain question asks ("Does it cut FLOPs by 90%?": the answer gives 78.4%)
    assert _claimed_figures("Does it cut FLOPs by 90%?", paper) == []
    assert _claimed_figures("It cuts FLOPs by 90%, right?", paper) == ["90%"]  # a tag
    # a thousands separator is one figure; a share is one written either way; a bound or
    # a hedge near it ("about 80%", "80% 정도", not "like 80GB" of 21 GB); the asker's own
    counted = _paper("Trained on 1,000 examples, subject accuracy 0.817; 21 GB; FLOPs -78.4%.")
    assert _claimed_figures("1,000개 예제로 학습했다며?", counted) == []
    assert _claimed_figures("2,000개 예제로 학습했다며?", counted) == ["2000개"]
    assert _claimed_figures("I heard it gets 81.7% subject accuracy", counted) == []
    assert _claimed_figures("I heard it gets >65%", counted) == []
    assert _claimed_figures("65%보다 높다던데?", counted) == []
    assert _claimed_figures("I heard it cut FLOPs by about 80%", counted) == []
    assert _claimed_figures("FLOPs를 80% 정도 줄였다던데?", counted) == []
    assert _claimed_figures("it needs like 80GB of memory, why?", counted) == ["80GB"]
    assert _claimed_figures("I heard it fits my 12GB GPU", counted) == []
    assert _claimed_figures("제 데이터셋이 500개 샘플인데 쓸 수 있다던데?", counted) == []
    # a figure of another paper the question names, which its digests state
    other = _paper("R1 reaches 79.8% on AIME 2024.")
    question = "I heard R1 got 79.8% on AIME; how much faster is LKCell?"
    assert _claimed_figures(question, paper, [other]) == []
    assert _claimed_figures(question.replace("79.8", "95"), paper, [other]) == ["95%"]


def test_a_measure_named_without_a_figure_has_no_figure_to_give():
    """b154 (blind): "MuCodec 0.35kbps에서 ViSQOL 점수가 정확히 몇이었어?" was answered with
    the sentence naming ViSQOL as a metric used, which states no score."""
    from assistant.answer.extractive import _figureless

    summary = (
        "실험은 주요 평가 지표로 ViSQOL과 Word Error Rate (WER)를 사용하였습니다. "
        "MuCodec은 0.35kbps의 낮은 비트레이트에서도 고품질 음악 재구성을 달성했습니다."
    )
    mention = Mention("2409.13216", "MuCodec", "2024-09-23", "ko", "x.md", 1, summary=summary)
    paper = Paper("2409.13216", [mention])
    assert _figureless("MuCodec 0.35kbps에서 ViSQOL 점수가 정확히 몇이었어?", paper) == ["ViSQOL"]
    assert _figureless("What was its ViSQOL score?", paper) == ["ViSQOL"]
    assert _figureless("what ViSQOL did it get?", paper) == ["ViSQOL"]  # (b157: FID)
    # no figure asked ("which metrics ...?"), or a figure stated with it
    assert _figureless("Did they evaluate with ViSQOL?", paper) == []
    scored = _paper("It reaches a ViSQOL of 3.42 at 0.35kbps, above prior codecs.")
    assert _figureless("What was its ViSQOL score?", scored) == []
    # a name its digests never write is `_not_written`'s, not this
    assert _figureless("What was its PESQ score?", paper) == []
    # a name that says what it builds on is context, not the figure asked (the whole dev
    # run: "in-context RL용 XLand-100B ... GPU 시간 얼마나", "MDP 기반으로 ... 몇 %")
    assert _figureless("ViSQOL 기반으로 튜닝했다던데 WER 몇이었어?", paper) == ["WER"]
    # a figure the question states too is still the digests' (the review: "its Ref-DAVIS-17
    # score was 67.7, right?" had been declined)
    stated = _paper("VideoLISA reaches 67.7 on Ref-DAVIS-17, ahead of prior work.")
    assert _figureless("Its Ref-DAVIS-17 score was 67.7, right?", stated) == []


def test_no_figure_is_claimed_missing_for_an_acronym_written_out_or_another_paper():
    from assistant.answer.extractive import _not_written

    paper = _paper("Mobile-Agent-E gains 22% over previous state-of-the-art approaches.")
    assert _not_written("Mobile-Agent-E가 이전 SOTA 대비 얼마나 좋아?", paper) == []
    assert _not_written("Mobile-Agent-E의 MMLU 점수는?", paper) == ["MMLU"]
    # a Korean summary writes it in Korean (b87: "WavTokenizer beats SOTA reconstruction with
    # how many tokens per second?" was declined for a SOTA figure beside "최첨단 모델")
    korean = _paper("초당 75개의 토큰으로 최첨단 모델의 재구성 성능을 능가했습니다.", "ko")
    assert _not_written("It beats SOTA with how many tokens per second?", korean) == []
    assert _not_written("What MMLU score does it beat SOTA with?", korean) == ["MMLU"]
    # only an acronym the glossary writes in capitals: "MATH" is a benchmark, not 수학 (dev:
    # "TinyGSM 논문에서 MATH 벤치마크 점수는 몇 점이었어?" was answered from "수학 문제")
    math = _paper("초등학교 수학 문제에서 GSM8K 80% 이상을 달성했습니다.", "ko")
    assert _not_written("What did it score on MATH?", math) == ["MATH"]
    # "FPS-wise" asks in terms of FPS (b83: declined "no FPS-wise figure" beside "1500-2000 FPS")
    fast = _paper("GaussianImage renders at 1500-2000 FPS.")
    assert _not_written("How fast does it render, FPS-wise?", fast) == []
    assert _not_written("How fast does it render, FPS-wise?", paper) == ["FPS"]
    # a chip named is stated by that chip, not by another (b162: "ShadowKV throughput gain
    # on an H100 specifically?" quoted its A100 figure); "GPU" is stated by any chip
    a100 = _paper("On an A100 GPU, it achieves up to 3.04x higher throughput.")
    assert _not_written("What is its throughput gain on an H100?", a100) == ["H100"]
    assert _not_written("What is its throughput gain on an A100?", a100) == []
    hours = _paper("DiT 모델은 642 H100일이 소요되었습니다.", "ko")
    assert _not_written("How many GPU days?", hours) == []
    # what the question sets against is not asked (b86: "그래서 MSE 대신 뭘 쓰라는 거야?"
    # after Stop Regressing was declined: "다이제스트에는 ... MSE 수치가 없습니다")
    assert _not_written("그래서 MSE 대신 뭘 쓰라는 거야?", paper) == []
    assert _not_written("what should I use instead of MSE?", paper) == []
    assert _not_written("MSE는 얼마야?", paper) == ["MSE"]
    # a name written with a space (b70: "AutoCoder ... what HumanEval pass@1?" was told the
    # digests give no HumanEval figure; its Korean digest writes "Human Eval ... 90.9%")
    spaced = _paper("AutoCoder는 Human Eval 벤치마크에서 pass@1 90.9%를 기록했습니다.", "ko")
    assert _not_written("what HumanEval pass@1 did AutoCoder claim?", spaced) == []
    other = Paper(
        "2412.21139",
        [Mention("2412.21139", "Training Agents with SWE-Gym", "2025-01-01", "en", "x.md", 1)],
    )
    assert _not_written("Mobile-Agent-E or SWE-Gym, which is higher?", paper, [other]) == []
    # a name another paper the question names writes is that paper's, a Korean particle
    # glued to it or not ("... SWE-Gym-Bench랑 비교하면?": only SWE-Gym's digest writes it)
    gym = Paper(
        "2412.21139",
        [
            Mention(
                "2412.21139",
                "Training Agents with SWE-Gym",
                "2025-01-01",
                "ko",
                "x.md",
                1,
                summary="SWE-Gym-Bench를 공개하며 해결률은 32%입니다.",
            )
        ],
    )
    asked = "Mobile-Agent-E랑 SWE-Gym(SWE-Gym-Bench) 각각 몇 %?"
    assert "SWE-Gym-Bench" in _not_written(asked, paper)
    assert "SWE-Gym-Bench" not in _not_written(asked, paper, [gym], [gym])


def test_a_clipped_name_written_out_or_a_name_making_data_is_claimed_missing_no_more():
    """b85: "RollingDepth가 PointOdyssey에서 기록한 AbsRel 몇이야?" was declined (its digest
    writes "absolute mean relative error"), and "... trained on TTS-synthesized data: what
    WER ...?" was told the digests give no TTS-synthesized figure."""
    from assistant.answer.extractive import _not_written, written_out

    depth = _paper("RollingDepth achieved a 9.6% absolute mean relative error on PointOdyssey.")
    assert _not_written("RollingDepth가 PointOdyssey에서 기록한 AbsRel 몇이야?", depth) == []
    assert _not_written("RollingDepth의 FID는?", depth) == ["FID"]
    assert written_out("AbsRel", "absolute relative error")
    assert not written_out("AbsRel", "relative absolute error")  # in their order
    assert not written_out("AbsRel", "absolute error, relative to the baseline model")
    # (b108: "Safe-Sora, FVD 몇이야?" was told its digests give no FVD figure)
    assert written_out("FVD", "safe-sora achieves a fréchet video distance of 3.77")
    asr = _paper("DLM reaches 1.5% WER on LibriSpeech test-clean without external audio.")
    asked = "DLM trained on TTS-synthesized data: what WER on LibriSpeech test-clean?"
    assert _not_written(asked, asr) == []
    assert _not_written("what BLEU did TTS-synthesized data get?", asr) == ["BLEU"]
    # an acronym whose last letters are a word of its own (b101: "DistriFusion으로 SDXL
    # 돌릴 때 ... 몇 배 빨라져?" was told its digest gives no SDXL figure), before a particle
    assert written_out("SDXL", "적용 가능한 stable diffusion xl에 품질 저하 없이")
    assert written_out("LLM", "large language model을 사용")
    # a digit for a small word (b160: "T2I 디퓨전 모델 ... SalUn FID 얼마였지?" was told its
    # digest, which writes "text-to-image", gives no T2I figure)
    assert written_out("T2I", "a benchmark for text-to-image diffusion model unlearning")
    assert written_out("I2V", "image to video generation")
    assert not written_out("T2I", "text and image retrieval")
    assert not written_out("SDXL", "stable video diffusion")
    # a number changed is another name, no typo (review: "What did s1 score on AIME25?"
    # quoted its AIME24 figure as the answer)
    aime = _paper("s1 improves from 50% to 57% on AIME24 with more thinking.")
    assert _not_written("What did s1 score on AIME25?", aime) == ["AIME25"]


def test_the_askers_own_description_of_a_paper_is_no_measure_claimed_missing():
    """b142, b144, b145: "FlashSpeech zero-shot TTS uses a latent consistency model. Roughly
    what fraction ...?" was told its (Korean) digest gives no TTS figure, "ABC (VLM-backbone
    multimodal embeddings ...) - what R@1 ...?" no VLM-backbone figure, and "SciLitLLM이
    CPT+SFT 하이브리드로 학습했다던데 ... 몇 % 향상됐어요?" no CPT+SFT figure. A statement
    before the asking sentence, a description in brackets after the name, and names joined
    by "+" are read so; a statement that claims a figure is still checked."""
    from assistant.answer.extractive import _not_written

    speech = _paper("Craw4LLM needs about 5% of the inference time of earlier systems.")
    asked = "Craw4LLM zero-shot TTS uses a consistency model. What fraction of time does it need?"
    assert _not_written(asked, speech) == []
    assert _not_written("What fraction of TTS time does Craw4LLM need?", speech) == ["TTS"]
    # a statement claiming a figure names what it is claimed on
    claimed = "Craw4LLM got 41% on MMLU. What fraction of time does it need?"
    assert _not_written(claimed, speech) == ["MMLU"]
    recall = _paper("Craw4LLM reaches R@1 of 69.2 on MSCOCO.")
    glossed = "Craw4LLM (VLM-backbone multimodal embeddings with instruction control) - what R@1?"
    assert _not_written(glossed, recall) == []
    # (brackets with a figure claim it: not a description only)
    sized = "Craw4LLM (VLM-backbone embeddings with instruction control, 7B) - what R@1?"
    assert _not_written(sized, recall) == ["VLM-backbone"]
    # (review: what a statement or a description says it was measured on is a claim: "s1
    # was evaluated on SWE-bench. What score did it get?" had quoted its MATH figure)
    measured = "Craw4LLM was evaluated on SWE-bench. What score did it get?"
    assert _not_written(measured, recall) == ["SWE-bench"]
    described = "Craw4LLM (evaluated on SWE-bench Verified and LiveCodeBench) - what score?"
    assert _not_written(described, recall) == ["SWE-bench", "LiveCodeBench"]
    hybrid = _paper("지속적 사전훈련(CPT)과 감독된 미세 조정(SFT)을 결합해 3.6% 향상.", "ko")
    assert _not_written("Craw4LLM이 CPT+SFT로 학습했다던데 몇 % 향상됐어?", hybrid) == []
    assert _not_written("Craw4LLM이 CPT+DPO로 학습했다던데 몇 % 향상됐어?", hybrid) == ["DPO"]


def test_a_compound_of_english_words_is_no_name_claimed_missing():
    """Was: "How many tokens was Qwen3 pre-trained on ...?" began "The digests give no
    Pre-trained figure for Qwen3" (and "Real-World", "End-to-End", "Low-Resource" so)."""
    from assistant.answer.extractive import _not_written

    paper = _paper("It reaches a 7.24x speedup in decoding on 3M tokens.")
    for question in (
        "How many tokens was it Pre-trained on?",
        "what End-to-End decoding speedup did they get?",
        "Real-World results? what Multi-Agent success rate?",
    ):
        assert _not_written(question, paper) == [], question
    assert _not_written("its MLGym-Bench and GPT-4o figures?", paper) == ["MLGym-Bench", "GPT-4o"]


def test_an_accelerator_no_digest_of_the_paper_writes_is_claimed_missing():
    """Was: "how many seconds per scene does VGGT take on a single H100?" answered with
    VGGT's accuracy as if it answered: a name needed two capitals, and "H100" has one."""
    from assistant.answer.extractive import _not_written

    paper = _paper("It reconstructs a scene in 0.2 seconds.")
    assert _not_written("how many seconds per scene on a single H100?", paper) == ["H100"]
    assert _not_written("its A100 and L40S latency?", paper) == ["A100", "L40S"]
    on_gpus = _paper("Trained on 64 H100 GPUs, it reconstructs a scene in 0.2 seconds.")
    assert _not_written("how many seconds per scene on a single H100?", on_gpus) == []
    # a quarter, a version: no accelerator
    assert _not_written("its Q1 results, V2 or V3?", paper) == []


def test_a_stated_level_wins_over_a_change_as_near():
    """Was: "Dita 6%" (its improvement over prior methods) against UniVLA's 95.2% success
    rate on LIBERO (battery 21)."""
    from assistant.answer.extractive import stated_figure

    shown = ["Dita attains an 82.4% average success rate on LIBERO (a ~6% improvement)."]
    assert stated_figure({"libero"}, shown, "Dita")[0] == "82.4%"
    gain = ["On LIBERO it improves by 6% over prior work."]
    assert stated_figure({"libero"}, gain, "Dita")[0] == "6%"  # the only figure: still given


def test_a_name_typed_in_lower_case_is_claimed_missing_as_the_papers_found_write_it():
    """Was: "exaone 3.5 32b mt-bench score" answered with the paper's other sentences, as if
    they answered (battery 22): only a word with two capitals counted as a name."""
    from assistant.answer.extractive import _not_written

    paper = _paper("EXAONE 3.5 models achieved the highest scores across seven benchmarks.")
    other = _paper("It matches GPT-4 on MT-Bench and beats it on GSM8K and MMLU.")
    assert _not_written("exaone 3.5 32b mt-bench score", paper, [other]) == ["MT-Bench"]
    assert _not_written("exaone 3.5 gsm8k 정확도", paper, [other]) == ["GSM8K"]
    assert _not_written("whats the mmlu of exaone 3.5?", paper, [other]) == ["MMLU"]
    # plain words, and a name no paper found writes with capitals, are no names
    assert _not_written("exaone 3.5 highest score?", paper, [other]) == []
    assert _not_written("exaone 3.5 whats teh score?", paper, [other]) == []


def test_another_paper_found_excuses_a_missing_name_only_in_a_comparison():
    """Was: "kimi k1.5 livecodebench score?" got no notice because "LiveCodeBench Pro", a
    paper, was among the results (battery 22); "A or B, which is higher?" still names B as
    a side, not a measure of A."""
    from assistant.answer.extractive import _not_written

    paper = _paper("Kimi k1.5 achieves 96.2 on MATH500 and 77.5 on AIME.")
    other = Paper(
        "2506.11928",
        [
            Mention(
                "2506.11928",
                "LiveCodeBench Pro: How Olympiad Medalists Judge LLMs",
                "2025-06-16",
                "en",
                "x.md",
                1,
            )
        ],
    )
    assert _not_written("Kimi k1.5 LiveCodeBench score?", paper, [other]) == ["LiveCodeBench"]
    assert _not_written("Kimi k1.5 or LiveCodeBench Pro, which is higher?", paper, [other]) == []


def test_an_overview_says_what_the_paper_is_how_it_works_and_its_key_result():
    """Was: "summarize BlenderFusion" gave its gist, its objective and its result, not its
    method (dual-stream diffusion, source masking; battery 24)."""
    paper = _paper(
        "BlenderFusion is a generative framework for visual scene creation. "
        "The research aims to enable precise 3D-aware visual compositing. "
        "It utilizes a dual-stream diffusion model fine-tuned on video frames with source masking. "
        "Experiments on MOVi-E show BlenderFusion improves image-level scores by 12%. "
        "The framework offers AI practitioners flexible compositing."
    )
    gist, method, result = ExtractiveAnswerer().overview(paper, korean=False)
    assert gist.startswith("BlenderFusion is") and "dual-stream diffusion" in method
    assert "12%" in result


@pytest.mark.parametrize(
    "summary, method, result",
    [
        # A Korean summary's gist runs on over two sentences ("What's New"); its method
        # comes after (was: "이 접근법은 ... 없이도 수행됩니다" in place of MCTS; battery 24)
        (
            "rStar-Math는 작은 언어 모델이 수학 추론에서 o1을 따라잡게 합니다. "
            "이 접근법은 더 큰 모델에서 증류 없이도 수행됩니다. "
            "rStar-Math는 Monte Carlo Tree Search (MCTS)를 활용하여 테스트 시간에 검색을 수행합니다. "
            "MATH 벤치마크에서 정확도를 58.8%에서 90.0%로 개선합니다.",
            "MCTS",
            "90.0%",
        ),
        # a signed gain is a key result (was: the overview of Denoising Vision Transformers
        # ended on its method: "(예: mIoU +3.84)" has no unit a result was known by)
        (
            "비전 트랜스포머(ViTs)의 특징 맵에서 그리드 형태의 아티팩트가 발견됩니다. "
            "이 문제는 위치 임베딩에 기인한 것으로, 새로운 노이즈 모델을 제안합니다. "
            "신경 필드를 이용하여 원시 ViT 출력에서 아티팩트가 없는 특징을 추출할 수 있게 합니다. "
            "다양한 ViTs에 대해 평가를 실시하였으며, 상당한 개선을 보임을 입증하였습니다(예: mIoU +3.84).",
            # (its gist is what it proposes, after the background sentence: b89, YOLOv9's
            # PGI; "ViTs" had passed for its name, and the background for its gist)
            "신경 필드",
            "+3.84",
        ),
        # no sentence says how it did: the first with figures of its own is the key one
        # (was: the overview of Mixtral of Experts stopped at its router, without 47B/13B)
        (
            "Mixtral 8x7B는 Sparse Mixture of Experts 언어 모델입니다. "
            "각 토큰에서 라우터 네트워크는 두 개의 전문가를 선택합니다. "
            "결과적으로 각 토큰은 47B 파라미터에 접근하지만, 추론 중에는 13B만 활성화됩니다.",
            "라우터",
            "13B",
        ),
    ],
)
def test_a_korean_overview_gives_the_method_after_the_gist_and_the_key_result(
    summary, method, result
):
    gist, said_method, said_result = ExtractiveAnswerer().overview(
        _paper(summary, language="ko"), korean=True
    )
    assert method in said_method and result in said_result


def test_a_name_in_brackets_after_the_title_asks_for_the_overview():
    """Was: "Denoising Vision Transformers(DVT) 어떤 논문인지 설명 좀" quoted the one sentence
    that writes "DVT": the bracketed name read as a word the question asked about."""
    from assistant.answer.extractive import _asks_measure, _asks_nothing_in

    summary = "DVT removes grid artifacts from ViT features. DVT improves mIoU by 3.84%."
    paper = Paper(
        "2401.02957",
        [
            Mention(
                "2401.02957",
                "Denoising Vision Transformers",
                "2024-01-08",
                "en",
                "x.md",
                1,
                summary=summary,
            )
        ],
    )
    question = "Denoising Vision Transformers(DVT) 어떤 논문인지 설명 좀"
    assert _asks_nothing_in(question, paper) and not _asks_measure(question, paper)
    assert not _asks_nothing_in("What does DVT do to grid artifacts?", paper)
    # (b81: "Fairy 비디오 편집 논문 무슨 내용이야?" quoted its one sentence on video editing)
    # the paper called one, what its gist says describes it; a later sentence's words ask
    assert _asks_nothing_in("the DVT paper on grid artifacts, what is it about?", paper)
    assert not _asks_nothing_in("the DVT paper: what's its mIoU gain?", paper)


def test_a_percentage_asked_for_is_quoted_beside_other_figures():
    """b68: "... ASTRAL로 비교한 논문에서 DeepSeek-R1은 불안전 응답 비율이 몇 %였어?"
    quoted the sentences that restate the question's description (one with a count of
    1260 test inputs), not the one stating 11.98%."""
    summary = (
        "i) This paper presents a comparative analysis of the safety alignment of two large "
        "language models, OpenAI's o3-mini and DeepSeek-R1, using the automated safety "
        "testing tool ASTRAL. ii) The main research objective was to determine which of the "
        "two models exhibits a higher level of safety when responding to unsafe prompts. "
        "iii) The key methodology involved generating 1260 unsafe test inputs using ASTRAL "
        "and evaluating the safety of the models' responses. iv) Primary results indicate "
        "that DeepSeek-R1 responded unsafely to 11.98% of the prompts, while o3-mini "
        "responded unsafely to only 1.19%."
    )
    title = "o3-mini vs DeepSeek-R1: Which One is Safer?"
    paper = Paper(
        "2501.18438", [Mention("2501.18438", title, "2025-01-31", "en", "x.md", 1, summary=summary)]
    )
    question = (
        "o3-mini랑 DeepSeek-R1 중에 어느 쪽이 더 안전한지 ASTRAL로 비교한 논문에서 "
        "DeepSeek-R1은 불안전 응답 비율이 몇 %였어?"
    )
    picked = " ".join(ExtractiveAnswerer().best(question, paper, korean=True, n=3))
    assert "11.98%" in picked


def test_a_first_hit_with_far_too_little_evidence_gives_way_to_one_that_passes_the_gate():
    """Was: "How much did PRIME improve over the SFT model?" led with a backtracking paper
    ranked first at a relevance far under the gate, the PRIME paper second (battery 20).
    A first hit only a little under the one that passes keeps the lead (seeds: Craw4LLM)."""
    from assistant.retrieve.hybrid import Hit

    weak = _titled(
        "2506.00001", "Backtracking for SFT and RL", "Backtracks help RL training.", "2025-02-05"
    )
    prime = _titled(
        "2502.01456", "PRIME: Process Reinforcement", "PRIME improves 15.1% over SFT.", "2025-02-05"
    )
    question = "How much did PRIME improve over the SFT model?"

    def answer(first_relevance: float) -> str:
        return _drafted(question, [Hit(weak, 0.03, first_relevance), Hit(prime, 0.02, 0.85)])[0]

    assert answer(0.16).startswith("**PRIME** [2]: PRIME improves 15.1%")
    assert answer(0.60).startswith("**Backtracking for SFT and RL** [1]")  # it passes the gate
    assert answer(0.43).startswith("**Backtracking for SFT and RL** [1]")  # a little under it

    # (b90) neither passes the gate: the one with far more evidence leads all the same
    def under(first_relevance: float) -> str:
        return _drafted(question, [Hit(weak, 0.03, first_relevance), Hit(prime, 0.02, 0.39)])[0]

    assert under(0.09).startswith("**PRIME** [2]: PRIME improves 15.1%")
    assert under(0.30).startswith("**Backtracking for SFT and RL** [1]")


def test_a_listed_set_keeps_the_first_hit_that_has_the_most_of_the_questions_words():
    """b70: "하나의 LM을 지휘자로 두고 ... 하위 작업 나눠주는 프롬프팅 기법 논문 찾아줘" listed
    Multi-expert Prompting (its dense evidence from the question's few English words) and
    not Meta-Prompting, ranked first with the most of the question's words but under the
    gate; a follow-up then asked about the wrong paper."""
    from assistant.retrieve.hybrid import Hit

    def paper(pid: str, title: str) -> Paper:
        return Paper(pid, [Mention(pid, title, "2024-01-24", "ko", "x.md", 1, summary=title)])

    meta = paper("2401.12954", "Meta-Prompting: 지휘자 LM이 전문가에게 하위 작업을 나눕니다")
    multi = paper("2411.00492", "Multi-expert Prompting: 전문가 답변을 모읍니다")
    question = "지휘자 LM이 전문가 인스턴스에 하위 작업 나눠주는 프롬프팅 논문들 찾아줘"

    def listed(meta_lexical: float) -> str:
        hits = [
            Hit(meta, 0.031, 0.398, lexical=meta_lexical),
            Hit(multi, 0.017, 0.613, dense=0.57, lexical=0.317),
        ]
        return _drafted(question, hits)[0]

    assert "**Meta-Prompting** [1]" in listed(0.544)
    assert "Meta-Prompting" not in listed(0.2)  # fewer of the words than a kept one: dropped


def test_a_figure_no_digest_of_the_named_paper_gives_is_declined_unless_another_shows_it():
    """b76: "What HumanEval pass@1 did the GaLore paper report for its 7B model?" quoted
    GaLore's memory savings unmarked: the answer says the digests give no HumanEval
    figure, and declines it. When another paper the answer shows writes the name (b71:
    RM-Bench first, HelpSteer3 second, for HelpSteer3's scores), it is answered there."""
    from assistant.retrieve.hybrid import Hit

    galore = _titled(
        "2403.03507",
        "GaLore: Memory-Efficient LLM Training",
        "GaLore pre-trains a 7B model on one GPU and cuts optimizer memory by 65.5%.",
        "2024-03-07",
    )
    coder = _titled(
        "2403.00001", "Coder Study", "On HumanEval, Coder reaches 61.0% pass@1.", "2024-03-07"
    )
    question = "What HumanEval pass@1 did GaLore report for its 7B model?"

    def draft(second: str) -> tuple[str, list[str]]:
        hits = [Hit(galore, 0.03, 1.0), Hit(coder, 0.02, 0.9)]
        hits[0].via, hits[1].via = "name", second
        return _drafted(question, hits)

    text, declined = draft("hybrid")  # the named paper alone is shown
    assert declined == ["HumanEval"]
    assert text.startswith("The digests give no HumanEval figure for GaLore") and "65.5%" in text
    text, declined = draft("writer")  # the other paper is shown, with its figure
    assert declined == [] and "61.0%" in text


LLAVA_DRAFT = (
    "이 논문에서는 LLaVA 7B 모델의 추론 효율성을 향상시키기 위해 추측 디코딩의 적용을 탐구합니다. "
    "실험은 자체적으로 훈련한 115M 파라미터 언어 모델을 사용하여 최대 2.37배의 속도 향상을 달성할 수 "
    "있음을 보여줍니다."
)


@pytest.mark.parametrize(
    "question, figure",
    [
        ("LLaVA에 적용한 논문은 속도 얼마나 빨라졌대?", "2.37배"),
        ("LLaVA 7B 추측 디코딩 성능 향상은 몇 배야?", "2.37배"),
        ("LLaVA 모델 크기는?", "7B"),  # the size asked: the model's size answers it
    ],
)
def test_a_models_size_is_no_answer_to_another_quantity(question, figure):
    """Was: the sentence naming "LLaVA 7B" answered "속도 얼마나 빨라졌대?" (its "7" read
    as the figure stated), and the speedup was left out."""
    paper = Paper(
        "2404.08856",
        [
            Mention(
                "2404.08856",
                "On Speculative Decoding for MLLMs",
                "2024-04-16",
                "ko",
                "x.md",
                1,
                summary=LLAVA_DRAFT,
            )
        ],
    )
    answer = " ".join(ExtractiveAnswerer().best(question, paper, True, 1))
    assert figure in answer


def test_a_figure_in_another_digests_summary_of_the_same_language_is_found():
    """Was: "What MathVista score did Qwen2.5-VL-72B reach?" quoted the seed digest's
    summary, which has no figure, while the archive's English digest of the same day
    states 74.8: one summary per language was read."""
    seed = "Qwen2.5-VL matches top closed models on benchmarks such as MMMU and MathVista."
    archive = "The Qwen2.5-VL-72B model achieves 74.8 on MathVista and 50.9 mIoU on Charades-STA."
    paper = Paper(
        "2502.13923",
        [
            Mention(
                "2502.13923",
                "Qwen2.5-VL Technical Report",
                "2025-02-20",
                "en",
                "a.md",
                1,
                summary=seed,
            ),
            Mention(
                "2502.13923",
                "Qwen2.5-VL Technical Report",
                "2025-02-20",
                "en",
                "b.md",
                1,
                summary=archive,
            ),
        ],
    )
    assert paper.summaries()["en"] == seed  # the one shown as its summary stays the first
    answer = " ".join(
        ExtractiveAnswerer().best("What MathVista score did Qwen2.5-VL-72B reach?", paper, False, 1)
    )
    assert "74.8" in answer


def test_an_overview_replaces_an_aim_only_with_a_method_its_own_summary_states():
    """Was: MMMU-Pro's overview gave the Korean digest's background sentence ("최근 ...
    발전은 ... 결합한 ...") in place of its English summary's second sentence, which states
    how (with "vision-only" in it) while also naming the limitations it addresses."""
    english = (
        "The research paper introduces MMMU-Pro, a benchmark of multimodal reasoning. "
        "MMMU-Pro addresses limitations in existing benchmarks by introducing a vision-only "
        "input setting. Experimental results demonstrate drops of 16.8% for all models."
    )
    korean = (
        "최근 다중모달 모델의 발전은 텍스트와 시각 정보를 결합한 추론에서 진전을 이루었습니다. "
        "MMMU-Pro를 소개합니다."
    )
    mentions = [
        Mention("2409.02813", "MMMU-Pro", "2024-09-05", lang, "x.md", 1, summary=text)
        for lang, text in (("en", english), ("ko", korean))
    ]
    overview = ExtractiveAnswerer().overview(Paper("2409.02813", mentions), False)
    assert any("vision-only" in s for s in overview)
    assert not any("결합한" in s for s in overview)


def test_a_listed_paper_shows_its_figure_when_the_question_asks_how_much():
    """Was: a theme list asking "각각 속도 몇 배 올렸어?" showed each paper's best sentence on the
    topic, often without its figure ("... LLaVA 7B 모델의 ... 탐구합니다": a size, no answer)."""
    summary = (
        "이 논문에서는 LLaVA 7B 모델의 추론 효율성을 높이기 위해 추측 디코딩을 탐구합니다. "
        "실험은 최대 2.37배의 메모리 바운드 속도 향상을 달성할 수 있음을 보여줍니다."
    )
    paper = Paper(
        "2404.08856",
        [
            Mention(
                "2404.08856",
                "On Speculative Decoding",
                "2024-04-16",
                "ko",
                "x.md",
                1,
                summary=summary,
            )
        ],
    )
    answerer = ExtractiveAnswerer()
    asked = "2024년 4월 추측 디코딩 논문들 정리해줘. 각각 속도 몇 배 올렸어?"
    assert "2.37배" in answerer.listed(asked, paper, True)
    assert "2.37배" not in answerer.listed("2024년 4월 추측 디코딩 논문들 정리해줘", paper, True)


def test_a_listed_paper_shows_a_figure_from_its_best_few_sentences():
    """Was: "Mamba에 MoE를 붙인 논문들 ... 핵심 수치가 뭐야?" listed MoE-Mamba with its best
    sentence on the topic, background without a figure; "2.2배" was its third."""
    summary = (
        "순차적 모델링 분야에서 상태 공간 모델(SSM)이 트랜스포머의 지배적 위치에 도전하고 있습니다. "
        "동시에 전문가 혼합(Mixture of Experts, MoE)은 트랜스포머 기반 LLM 성능을 개선했습니다. "
        "특히, MoE-Mamba는 Mamba와 동일한 성능을 달성하면서도 훈련 단계를 2.2배 더 적게 소요합니다."
    )
    mention = Mention("2401.04081", "MoE-Mamba", "2024-01-09", "ko", "x.md", 1, summary=summary)
    paper = Paper("2401.04081", [mention])
    asked = (
        "2024년 1월에 Mamba(상태공간모델)에 MoE(전문가 혼합)를 붙인 논문들 뭐였고 핵심 수치가 뭐야?"
    )
    assert "2.2배" in ExtractiveAnswerer().listed(asked, paper, True)


def test_a_models_size_is_no_figure_of_the_measure_asked():
    """Was: "What MMLU score did Hunyuan-Large get?" quoted the Korean sentence "MMLU
    벤치마크에서 LLama3.1-405B 모델을 능가" (405B beside 모델, a glossary word of the question)
    and not "88.4% on MMLU"."""
    mentions = [
        Mention(
            "2411.02265",
            "Hunyuan-Large",
            "2024-11-06",
            "en",
            "x.md",
            1,
            summary=(
                "Tencent introduces Hunyuan-Large, a large MoE model. "
                "Hunyuan-Large achieved 88.4% on MMLU, outperforming larger models."
            ),
        ),
        Mention(
            "2411.02265",
            "Hunyuan-Large",
            "2024-11-06",
            "ko",
            "y.md",
            1,
            summary=(
                "Hunyuan-Large는 큰 혼합 전문가 모델입니다. "
                "특히, MMLU 벤치마크에서 LLama3.1-405B 모델을 능가하는 성과를 이루었습니다."
            ),
        ),
    ]
    paper = Paper("2411.02265", mentions)
    best = ExtractiveAnswerer().best("What MMLU score did Hunyuan-Large get?", paper, False, 2)
    assert any("88.4%" in s for s in best)
    korean = mentions[1].summary.split(". ")[1]
    assert not measures({"mmlu", "모델"}, korean, "Hunyuan-Large")  # 405B is a size
    assert measures({"mmlu"}, mentions[0].summary, "Hunyuan-Large")


def test_a_named_papers_benchmarks_asked_to_be_told_are_its_figures(tmp_path):
    """Was: "Qwen2-72B-Instruct의 MT-Bench와 Arena-Hard 점수 알려줘" gave Qwen2's overview
    ("알려줘" asks to be told): the benchmarks it names, which its digests write, ask for
    its figures."""
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2024-07-16",
        [
            (
                "Qwen2 Technical Report",
                "2407.10671",
                "Qwen2 is a series of large language models. It is based on the Transformer. "
                "For example, Qwen2-72B-Instruct scores 9.1 on MT-Bench and 48.1 on Arena-Hard.",
            ),
            ("Other: A Speech Paper", "2407.00001", "A speech recognition model."),
        ],
    )
    answer = assistant.ask("explain Qwen2's MT-Bench and Arena-Hard numbers")
    assert answer.citations[0].title.startswith("Qwen2") and "9.1" in answer.text
    assert "is a series" not in answer.text.split("9.1")[0]  # the figures first
    overview = assistant.ask("explain Qwen2").text  # its gist first, its figures after
    assert "is a series" in overview.split("9.1")[0]


_TWM_TITLE = "Improving Transformer World Models for Data-Efficient RL"
_TWM_EN = (
    "This paper introduces a model-based RL agent for the Craftax-classic benchmark. The key "
    "methodology adds three main improvements to transformer world models (TWMs). The primary "
    "result is a reward of 67.42% after 1M steps, outperforming DreamerV3, which achieves 53.2%."
)
# a Korean digest's gist writes the title's words in Korean
_TWM_KO = (
    "What's New: 이 연구에서는 트랜스포머 월드 모델(Transformer World Models; TWM)을 기반으로 "
    "한 데이터 효율적인 모델 기반 강화 학습 기법을 개선하여 새로운 성능 기록을 달성했습니다. "
    "Performance Highlights: 개선된 방법은 이전 최첨단의 53.20% 보상을 67.42%로 높였습니다."
)
TWM = Paper(
    "2502.01591",
    [
        Mention("2502.01591", _TWM_TITLE, "2025-02-05", "en", "e.md", 1, summary=_TWM_EN),
        Mention("2502.01591", _TWM_TITLE, "2025-02-05", "ko", "k.md", 1, summary=_TWM_KO),
    ],
)


@pytest.mark.parametrize(
    "question, answer_has",
    [
        # a follow-up's rewrite names the paper: its title's words, in either language, are
        # no part of what is asked (was: the Korean gist, which writes the title in Korean)
        (
            "and how did it (Improving Transformer World Models for Data-Efficient RL, arXiv "
            "2502.01591) do vs dreamerv3?",
            "DreamerV3",
        ),
        ("that transformer world model paper: how did it do vs DreamerV3?", "DreamerV3"),
    ],
)
def test_the_title_in_either_language_says_nothing_of_what_is_asked(question, answer_has):
    best = ExtractiveAnswerer().best(question, TWM, False, 1)
    assert answer_has in best[0], best


def test_a_title_word_written_apart_from_the_name_is_asked_about():
    """ "Native Sparse Attention ... over full attention": 'attention' is asked about."""
    from assistant.answer.extractive import _naming

    nsa = Paper(
        "2502.11089",
        [Mention("2502.11089", "Native Sparse Attention", "2025-02-18", "en", "e.md", 1)],
    )
    assert "attent" not in _naming(
        "What speedups does Native Sparse Attention get over full attention?", nsa
    )
    assert "attent" in _naming("What speedups does Native Sparse Attention get?", nsa)


NEMOTRON = (
    "The Llama-Nemotron paper introduces an open family of heterogeneous reasoning models "
    "(Nano-8B, Super-49B, Ultra-253B) optimized for efficiency and enterprise use. The main "
    "objective was to develop models delivering exceptional reasoning capabilities. Key "
    "methodologies include neural architecture search, FFN Fusion and knowledge distillation. "
    "Primary results demonstrate the flagship LN-Ultra (253B) achieves state-of-the-art open "
    "model performance, outperforming DeepSeek-R1 on benchmarks like GPQA-Diamond (76.0%) "
    "while offering significantly higher inference throughput."
)


def test_a_question_in_parts_is_answered_part_by_part():
    """b74: "what are the model sizes and how does the Ultra one do on GPQA-Diamond?" was
    answered with the GPQA sentence alone: the sizes are in another sentence, which the
    whole question ranked below it. Each part's best sentence is among the answer's."""
    paper = Paper(
        "2505.00949",
        [Mention("2505.00949", "Llama-Nemotron", "2025-05-02", "en", "x.md", 1, summary=NEMOTRON)],
    )
    question = (
        "Llama-Nemotron family — what are the model sizes and how does the Ultra one do on "
        "GPQA-Diamond?"
    )
    answer = " ".join(ExtractiveAnswerer().best(question, paper, False, 2))
    assert "Nano-8B, Super-49B, Ultra-253B" in answer and "76.0%" in answer


def test_a_measure_written_in_any_digest_of_the_paper_is_written():
    """b73: "The digests give no mIoU, Charades-STA figure for Qwen2.5-VL" headed an answer
    quoting "mIoU score of 50.9 on Charades-STA": the check read one summary per language,
    the answer every digest's."""
    from assistant.answer.extractive import _not_written

    paper = Paper(
        "2502.13923",
        [
            Mention("2502.13923", "Qwen2.5-VL", "2025-02-20", "en", "a.md", 1, summary="A VLM."),
            Mention(
                "2502.13923",
                "Qwen2.5-VL",
                "2025-02-21",
                "en",
                "b.md",
                1,
                summary="The 72B model gets an mIoU of 50.9 on Charades-STA.",
            ),
        ],
    )
    assert _not_written("What mIoU on Charades-STA?", paper) == []


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # b70: "The digests give no GPT-4o-based figure for ThinkGrasp": a name used as a
        # modifier, in a phrase or as a plural class of models is context, not a measure
        ("What success rate did the GPT-4o-based grasping system get?", []),
        ("Which LLMs did it use as an LLM-as-a-judge, GRPO-style?", []),
        ("What did the LLaVA-style model score on MMLU?", ["MMLU"]),
        ("OK, and its SWE-bench Verified score?", ["SWE-bench"]),
        # a digest's "GPT-40" is the GPT-4o asked about (b65: WorldGUI's 36.2%)
        ("And the GPT-4o one, what success rate?", []),
    ],
)
def test_a_name_is_read_without_its_modifier_ending(question, missing):
    from assistant.answer.extractive import _not_written

    paper = _paper(
        "A grasping system trained with PPO; a judge model scores each grasp. With GPT-40 "
        "it reaches a 98.0% success rate."
    )
    assert _not_written(question, paper) == missing


COMMVQ = (
    "This paper introduces Commutative Vector Quantization (CommVQ) to compress the key-value "
    "(KV) cache for long-context LLM inference. The primary objective is to reduce the memory "
    "footprint of KV caches in LLMs. Experiments demonstrate an 87.5% reduction in FP16 KV "
    "cache size using 2-bit quantization. CommVQ provides AI practitioners a more "
    "memory-efficient method for deploying long-context LLMs, potentially enabling 128K "
    "context length on a single RTX 4090 GPU."
)


def test_a_side_of_which_is_more_states_its_result():
    """b72: "KVzip이랑 CommVQ 중에 KV 캐시 메모리를 더 많이 줄이는 건 어느 쪽이야? 수치로
    비교해줘" showed CommVQ's gist and its "more memory-efficient ... 128K context" sentence,
    not its 87.5% reduction: the aspect's words ranked it first. A side of "which one ...
    more?" states a result when its digest has one on the aspect."""
    paper = Paper(
        "2506.18879",
        [
            Mention(
                "2506.18879",
                "CommVQ: Commutative Vector Quantization for KV Cache Compression",
                "2025-06-24",
                "en",
                "x.md",
                1,
                summary=COMMVQ,
            )
        ],
    )
    answerer = ExtractiveAnswerer()
    shown = ["CommVQ provides AI practitioners a more memory-efficient method."]
    out = answerer.with_result("KV cache memory reduce", paper, False, shown)
    assert out[0] == shown[0] and "87.5% reduction" in out[-1]
    # labelled once in the other language's quote
    quoted = ["(영어 다이제스트: CommVQ provides AI practitioners a more memory-efficient method.)"]
    out = answerer.with_result("KV cache memory reduce", paper, True, quoted)
    assert len(out) == 1 and out[0].count("영어 다이제스트") == 1 and "87.5%" in out[0]


def test_an_overview_states_the_result_not_the_aim_twice():
    """Was: "BitNet b1.58 2B4T 테크리포트 요약해줘" gave the gist, the aim and the method, not
    the result (54.19, 0.4GB): the aim "can achieve performance" read as a result, the
    ternary "{-1, 0, +1}" as a gain; "summarize DAPO" repeated the aim as its method."""
    paper = _paper(
        "This paper introduces BitNet, a native 1.58-bit LLM. "
        "The primary objective was to demonstrate that a 1-bit LLM can achieve performance "
        "comparable to full-precision models. "
        "Methodology involved training BitLinear layers with ternary {-1, 0, +1} weights. "
        "Results show BitNet achieves an average score of 54.19 using 0.4GB of memory. "
        "For AI practitioners, this work presents an efficient LLM."
    )
    picked = ExtractiveAnswerer().overview(paper, korean=False)
    assert picked[1].startswith("Methodology") and picked[2].startswith("Results show")
    aim = _paper(
        "DAPO is an open-source RL system achieving strong results. "
        "The main research objective is to develop a scalable RL system using open tools. "
        "The key methodology is the DAPO algorithm with Clip-Higher. "
        "The primary result is that DAPO achieves 50 points on AIME 2024."
    )
    picked = ExtractiveAnswerer().overview(aim, korean=False)
    assert picked[1].startswith("The key methodology") and "50 points" in picked[2]


@pytest.mark.parametrize(
    "sentence, stated",
    [
        ("QuantAttn runs on one RTX4090 and an H100.", set()),
        ("QuantAttn is 3.1x faster on an RTX 4090 Ti.", {"3.1"}),
        ("It reaches 485 TOPS on an L40S and 2.1x on a V100.", {"485", "2.1"}),
        ("Llama-3 8B keeps 71.2% with W4A16 on an A100.", {"71.2"}),
    ],
)
def test_a_gpu_is_no_figure_a_sentence_states(sentence, stated):
    """A GPU names what was measured on ("RTX4090", "H100"), as a precision does: a
    sentence naming one states no figure by it."""
    from assistant.answer.extractive import _stated

    assert _stated(sentence) == stated


@pytest.mark.parametrize(
    "question",
    [
        "WebVoyager vs OpenWebVoyager: task success rates?",
        "which has the better win rates?",
        # (b93: "How accurate was DALL-E 3 on that benchmark ...?" listed Commonsense-T2I
        # by its gist, without its 48.92%)
        "How accurate was DALL-E 3 on that benchmark?",
        "how efficient is it?",
    ],
)
def test_a_plural_measure_asks_a_quantity(question):
    """Was: "task success rates on the WebVoyager set?" (b83) compared WebVoyager by its
    gist, without its 55.7%: "rate" asked a figure, "rates" did not."""
    from assistant.answer.extractive import asks_quantity

    assert asks_quantity(question)


def test_a_variant_of_a_papers_name_claims_its_figures():
    """b89: "YOLOv12-N reportedly hits 50 mAP" found YOLOv12 by its words, not its name,
    so the claimed figure was never checked."""
    from assistant.answer.extractive import _variant_named

    paper = _paper("Craw4LLM reaches 40.6 mAP.")
    assert _variant_named("Craw4LLM-7B reportedly hits 50 mAP", paper)
    assert not _variant_named("Craw4LLM reportedly hits 50 mAP", paper)  # the name itself
    assert not _variant_named("a crawler for LLM pretraining", paper)


def test_asked_whether_it_builds_on_another_version_the_answer_names_the_one_it_does(tmp_path):
    """b89: "그거 YOLOv8 기반이야?" after DocLayout-YOLO (built on YOLOv10) was declined as
    if the digests said nothing; as a premise ("... 기반이잖아, 왜?") it still is, and so is
    a figure against the version asked ("does it beat YOLOv8?")."""
    from conftest import english_archive, unrelated_rows

    from assistant.answer.extractive import _other_version

    rows = [
        (
            "DocLayout-YOLO: Enhancing Document Layout Analysis",
            "2410.12628",
            "DocLayout-YOLO builds on YOLOv10 with document-specific pretraining. It runs at "
            "85.5 FPS.",
        ),
        ("Drone Detection at the Edge", "2411.00001", "A YOLOv8 detector for small drones."),
        *unrelated_rows(12),
    ]
    assistant = english_archive(tmp_path, "2024-10-17", rows)
    paper = assistant.catalog.papers["2410.12628"]
    assert _other_version("YOLOv8", paper) == "YOLOv10"
    assert _other_version("Llama 2", paper) is None
    asked = assistant.ask("Is DocLayout-YOLO built on YOLOv8?")
    assert not asked.refused and "but YOLOv10" in asked.text, asked.text
    assert assistant.ask("DocLayout-YOLO는 YOLOv8 기반이잖아, 왜 그걸 골랐어?").refused
    assert assistant.ask("Does DocLayout-YOLO beat YOLOv8?").refused


def test_a_part_of_the_question_answered_is_no_decline(tmp_path):
    """b89: "what's the algorithm called again, and does it beat fp8 e5m2 on GSM8k?" after
    the L-Mul paper was declined whole for FP8, which its digests do not name; one part
    asking only what they lack, or a premise, is still declined."""
    from conftest import english_archive, unrelated_rows

    rows = [
        (
            "Addition is All You Need for Energy-efficient Language Models",
            "2410.00907",
            "The L-Mul algorithm approximates floating point multiplication with integer "
            "addition. L-Mul reaches 52.9% on GSM8K with Llama models.",
        ),
        ("Training in Low Precision", "2411.00001", "FP8 training of large models is stable."),
        *unrelated_rows(12),
    ]
    assistant = english_archive(tmp_path, "2024-10-02", rows)
    paper = "Addition is All You Need for Energy-efficient Language Models"
    two = assistant.ask(f"In {paper}, what's the algorithm called, and does it beat FP8 on GSM8K?")
    assert not two.refused and "no FP8 figure" in two.text and "L-Mul" in two.text, two.text
    assert assistant.ask(f"In {paper}, does the algorithm beat FP8 on GSM8K?").refused
    assert assistant.ask(f"I heard {paper} beats FP8 on GSM8K, and how?").refused
    # (review) two nouns joined are no two questions: "What FP8 scale and clip values ..."
    assert assistant.ask(f"What FP8 scale and clip values did {paper} use?").refused


def test_what_others_proposed_is_no_method_of_the_paper():
    """Review: YAYI 2's overview took "여러 오픈 소스 LLMs ... 이 제안되었고" (others' work)
    for its method once a proposal counted as one."""
    summary = (
        "YAYI 2는 중국어 중심의 대형 언어 모델입니다. "
        "여러 오픈 소스 LLMs, 예를 들어 Llama 2와 Falcon이 제안되었습니다. "
        "YAYI 2는 2.65조 토큰의 데이터로 사전 훈련을 사용합니다. "
        "MMLU에서 80.5%를 달성합니다."
    )
    _, method, _ = ExtractiveAnswerer().overview(_paper(summary, language="ko"), korean=True)
    assert "2.65조" in method


def test_a_question_asking_for_a_way_gets_how_the_paper_works(tmp_path):
    """b91: "any way to get rid of those high-norm artifact tokens in a pretrained ViT
    without retraining?" was answered with the paper's gist, its gain and what it means for
    practitioners, not what to do (its method: "identifying register neurons ... and
    redirecting these activations"), which shares few of the question's words. Asked for
    a way, the answer says how it works."""
    from conftest import english_archive, unrelated_rows

    summary = (
        "i) The paper introduces a training-free method to improve Vision Transformers by "
        "addressing high-norm token artifacts. ii) The main objective is to mitigate noisy "
        "attention maps without retraining. iii) The methodology involves finding the few "
        "neurons responsible and redirecting their activations to one appended slot. iv) The "
        "study demonstrates a 20-point improvement in correct localization using the "
        "test-time register approach. v) AI practitioners can use this training-free method "
        "on pre-trained Vision Transformer models without the cost of retraining."
    )
    rows = [("Vision Transformers Don't Need Trained Registers", "2506.08010", summary)]
    assistant = english_archive(tmp_path, "2025-06-10", [*rows, *unrelated_rows(12)])
    question = (
        "any way to get rid of those high-norm artifact tokens in a pretrained Vision "
        "Transformer without retraining it with registers?"
    )
    answer = assistant.chat().ask(question)
    assert "redirecting their activations" in answer.text, answer.text


def test_a_way_asked_in_english_of_a_korean_only_paper_gets_how_it_works():
    """b92: "our semantic prompt cache uses one fixed cosine-similarity threshold ... is there
    a better approach?" was answered with VectorQ's gist alone: "a better approach" asked
    for no way, and the gist, quoted from the Korean digest, passed for a method sentence
    (its quote label hid that it is the gist)."""
    summary = (
        "이 논문은 VectorQ라는 프레임워크를 제안하여 의미적 프롬프트 캐시의 정확성을 "
        "향상시킵니다. VectorQ는 베이시안 샘플링(Bayesian sampling)을 사용하여 캐시 적중의 "
        "올바름을 재평가하고, 임베딩에 따라 동적으로 임계값을 조정합니다."
    )
    paper = _paper(summary, language="ko")
    assert cue_pattern("way_cue").search(
        "keeps returning wrong answers. is there a better approach?"
    )
    gist = f"(Korean digest: {summary.split('. ')[0]}.)"
    shown = ExtractiveAnswerer().with_method(paper, False, [gist])
    assert "Bayesian sampling" in " ".join(shown), shown


def test_a_sentence_naming_only_a_variant_of_the_asked_model_comes_after_its_own():
    """Was: "DeepSeek-R1은 AIME 2024에서 몇 점?" answered 72.6%, the score the Korean digest
    gives DeepSeek-R1-Distill-Qwen-32B, before the English digest's 79.8% of DeepSeek-R1
    itself. Asked of the variant, its figure is the answer."""
    paper = Paper(
        "2501.12948",
        [
            Mention(
                "2501.12948",
                "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs",
                "2025-01-22",
                "ko",
                "x.md",
                1,
                summary="distilled 모델인 DeepSeek-R1-Distill-Qwen-32B는 특히 AIME 2024에서 "
                "72.6%의 점수를 달성하는 등의 강점을 나타냅니다.",
            ),
            Mention(
                "2501.12948",
                "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs",
                "2025-01-23",
                "en",
                "y.md",
                1,
                summary="DeepSeek-R1 achieved 79.8% Pass@1 on AIME 2024, surpassing OpenAI-o1.",
            ),
        ],
    )
    answerer = ExtractiveAnswerer()
    first = answerer.best("DeepSeek-R1은 AIME 2024에서 몇 점?", paper, True, 2)[0]
    assert "79.8%" in first
    variant = answerer.best("DeepSeek-R1-Distill-Qwen-32B는 AIME 2024에서 몇 점?", paper, True, 2)
    assert "72.6%" in variant[0]


def test_summarization_is_a_task_not_a_request_for_a_summary():
    """b70 (once DiaSynth was named): "what share of the performance ... did the models
    reach on summarization?" was answered with DiaSynth's overview, not its 90.48%."""
    from assistant.answer.extractive import _OVERVIEW

    assert not _OVERVIEW.search("what share did the models reach on summarization?")
    assert not _OVERVIEW.search("the best summarisation model")
    assert _OVERVIEW.search("summarize DiaSynth") and _OVERVIEW.search("a summary of it")


def test_a_korean_rate_asks_a_quantity():
    """b92: "그중에 ... 만든 거 있어? AndroidWorld 성공률은?" listed OS-Genesis with a sentence
    of no figure (its 17.41% success rate is in the English digest): 성공률 asked none."""
    from assistant.answer.extractive import asks_quantity

    assert asks_quantity("AndroidWorld 성공률은?") and asks_quantity("캐시 적중률이 얼마야")
    assert not asks_quantity("성공 사례 논문 있어?")


def test_an_overview_starts_at_the_gist_not_the_background_before_it():
    """blind_dev summaries: "LLM in a flash 요약해줘" opened with the Korean digest's
    background ("대규모 언어 모델(LLM)은 ... 도전적입니다") and left out windowing and
    row-column bundling; older Korean digests open with a sentence or two of background
    before "본 논문은 ...". A first sentence that presents the work stays the gist."""
    summary = (
        "대규모 언어 모델(LLM)은 뛰어나지만 DRAM이 제한된 기기에서는 실행이 도전적입니다. "
        "본 논문은 LLM을 플래시 메모리에 저장하고 필요시 DRAM으로 불러와 실행합니다. "
        '"윈도잉(windowing)" 기술은 이전에 활성화된 뉴런을 재사용하여 전송량을 줄입니다.'
    )
    gist = ExtractiveAnswerer().overview(_paper(summary, language="ko"), korean=True)
    assert gist[0].startswith("본 논문은") and "windowing" in " ".join(gist), gist
    presents = summary.replace("대규모 언어 모델(LLM)은", "본 논문은 대규모 언어 모델(LLM)이")
    first = ExtractiveAnswerer().overview(_paper(presents, language="ko"), korean=True)
    assert first[0].startswith("본 논문은 대규모"), first


def test_a_variants_figure_is_the_answer_when_no_sentence_states_the_models_own():
    """Review: "PaSa recall@20 improvement?" dropped "PaSa-7B surpasses ... by 37.78% in
    recall@20" for sentences stating no figure: every figure is a variant's (PaSa-7B), and
    a variant's sentence only comes after one stating the model's own."""
    english = (
        "PaSa is a novel paper search agent. It mimics human behaviour with a Crawler and a "
        "Selector. The primary results show that PaSa-7B surpasses the Google with GPT-4o "
        "baseline by 37.78% in recall@20. AI practitioners can use PaSa to build better "
        "search tools with improved recall."
    )
    korean = (
        "PaSa는 기존의 모든 기준점을 초과하는 성과를 보여줍니다. 특히 PaSa-7b는 Recall@20에서 "
        "33.80% 향상된 결과를 제공합니다."
    )
    mentions = [
        Mention("2501.10120", "PaSa: An LLM Agent", "2025-01-20", "en", "e.md", 1, summary=english),
        Mention("2501.10120", "PaSa: An LLM Agent", "2025-01-21", "ko", "k.md", 1, summary=korean),
    ]
    ranked = ExtractiveAnswerer().ranked(
        "PaSa recall@20 improvement?", Paper("2501.10120", mentions), False
    )
    order = [sent for _, sent, _, _ in ranked]
    variant = next(i for i, sent in enumerate(order) if "37.78%" in sent)
    implication = next(i for i, sent in enumerate(order) if sent.startswith("AI practitioners"))
    assert variant < implication, order


def test_a_listed_paper_none_of_whose_sentences_has_the_questions_words_shows_its_gist():
    """Review: the papers of "Stuffed Mamba 같은 논문" were listed with the first sentence
    of their Korean digests, background ("최근 Transformer 기반 모델들이 ... 보여주고
    있습니다"): none of their sentences has the question's words, so none answers it
    better than the paper's gist does."""
    summary = (
        "대규모 언어 모델(LLM)은 뛰어나지만 DRAM이 제한된 기기에서는 실행이 도전적입니다. "
        "본 논문은 LLM을 플래시 메모리에 저장하고 필요시 DRAM으로 불러와 실행합니다."
    )
    listed = ExtractiveAnswerer().listed(
        "SpargeAttn 같은 논문", _paper(summary, "ko"), True, gist=True
    )
    assert listed.startswith("본 논문은"), listed


def test_the_base_model_asked_for_is_the_sentence_that_names_one():
    """b93: "Which pretrained model did they start from?" after the paper where a diffusion
    model runs DOOM quoted its background ("생성 모델(generative models)은 ..."): a base
    model asked for ("pretrained model", "start from", "베이스 모델") is stated by a
    sentence that names a model with its version or size, figure or not."""
    summary = (
        "최근 몇 년 간, 생성 모델(generative models)은 이미지와 비디오를 생성하는데 큰 성과를 "
        "이루었습니다. 이 연구는 DOOM을 실시간으로 실행할 수 있음을 시연합니다. 이 시스템은 "
        "기존의 오픈 Stable Diffusion v1.4 모델을 확장해, DOOM을 실행합니다."
    )
    paper = _paper(summary, language="ko")
    for question in ("Which pretrained model did they start from?", "베이스 모델은 뭐였어?"):
        picked = ExtractiveAnswerer().best(question, paper, korean=False, n=2)
        assert "Stable Diffusion v1.4" in " ".join(picked), (question, picked)


def test_an_english_summary_opens_with_its_gist_however_worded():
    """seeds_test (read at the end of the fortieth session): "What is 2410.07656 about?"
    opened at "The researchers introduce SAE Match", past "The paper investigates how
    interpretable features ... evolve across the layers ... Gemma 2": with "SAEs" no longer
    an alias, the first sentence no longer "presented" the paper, and the background rule of
    older Korean digests skipped it. That rule is for Korean digests only."""
    summary = (
        "The paper investigates how interpretable features evolve across the layers of "
        "Gemma 2. The researchers introduce SAE Match, a data-free alignment method. "
        "Features persist over several layers."
    )
    gist = ExtractiveAnswerer().overview(_paper(summary), korean=False)[0]
    assert gist.startswith("The paper investigates"), gist


def test_the_maker_written_before_a_papers_name_is_no_measure_asked():
    """b112: "DeepSeek NSA(native sparse attention) 구조가 어떻게 돼?" was told the digests give
    no DeepSeek figure for NSA: DeepSeek made it, no figure is asked of it."""
    from assistant.answer.extractive import _not_written

    paper = Paper(
        "2502.11089",
        [Mention("2502.11089", "NSA: Native Sparse Attention", "2025-02-18", "en", "x.md", 1,
                 summary="NSA is a sparse attention mechanism, fast on 64k sequences.")],
    )  # fmt: skip
    assert _not_written("DeepSeek NSA 구조가 어떻게 돼?", paper) == []
    assert _not_written("NSA의 DeepSeek 점수는?", paper) == ["DeepSeek"]


def test_an_acronym_with_small_letters_written_out_and_a_hyphenated_name_misspelt():
    """b116: "... 통합 MoE 모델 Ming-Omni 이미지 생성 GenEval 점수 몇이야?" was told its digests
    give no MoE figure (they write "Mixture-of-Experts"); "How many parameters does
    lamda-ECLIPSE use ...?" that they give no lamda-ECLIPSE figure (they write
    "lambda-ECLIPSE"). A short variant after a hyphen is another model (b76: LSNet-T is
    not the LSNet-B its digest reports)."""
    from assistant.answer.extractive import _not_written, written_out

    ming = _paper("Ming-Omni uses a Mixture-of-Experts architecture; GenEval score of 0.64.")
    assert _not_written("통합 MoE 모델 Ming-Omni 이미지 생성 GenEval 점수 몇이야?", ming) == []
    assert written_out("MoE", "a mixture of experts")
    # (a small letter stands for a small word: no two words of any phrase)
    assert not written_out("MoE", "more efficient")
    assert not written_out("ViT", "video tokens")
    eclipse = _paper("lambda-ECLIPSE needs only 34M parameters.")
    assert _not_written("How many parameters does lamda-ECLIPSE use?", eclipse) == []
    lsnet = _paper("LSNet-B achieves 80.3% top-1 accuracy on ImageNet-1K.")
    assert _not_written("What top-1 does LSNet-T get?", lsnet) == ["LSNet-T"]


def test_a_one_paper_summary_says_the_figures_its_digests_state():
    """b140: "summarize X" gave the gist, how it works and one result; the figures a reader
    asks next (its data, its size, a second result; "30B" of Movie Gen only its Korean digest
    states) were left out. Other sentences with figures not said yet join, up to five in all,
    the other digest's labelled."""
    from assistant.answer.extractive import SUMMARY_SENTENCES, ExtractiveAnswerer, sentences
    from assistant.types import Mention, Paper

    english = (
        "MovieGen is a suite of foundation models for video and audio. "
        "The team trained transformers with flow matching on image and video data. "
        "MovieGen achieves a 35.02% net win rate against Runway Gen3. "
        "The models were evaluated by human raters on 1,003 prompts. "
        "It is released as a research preview."
    )
    korean = "Movie Gen은 비디오 생성 모델입니다. 각각 30B 및 13B 매개변수 변환기로 훈련됩니다."
    paper = Paper(
        "2410.13720",
        [
            Mention("2410.13720", "Movie Gen", "2024-10-18", "en", "e.md", 1, summary=english),
            Mention("2410.13720", "Movie Gen", "2024-10-18", "ko", "k.md", 1, summary=korean),
        ],
    )
    answerer = ExtractiveAnswerer.__new__(ExtractiveAnswerer)
    shown = " ".join(answerer.summary(paper, korean=False))
    assert "35.02%" in shown and "1,003" in shown and "30B" in shown, shown
    assert "(Korean digest: " in shown  # (labelled where it stands)
    assert "research preview" not in shown  # (no figure: not what a summary adds)
    assert len(sentences(shown)) <= SUMMARY_SENTENCES + 1


def test_another_paper_through_the_gate_and_nearly_as_near_is_shown_too():
    """b141-075: a long how-to question's papers each have a small share of its words (the
    gate's floor falls with their number): LUSIFER at .42 was never shown beside the
    answer's paper at .35, other papers needing .5 at least. A paper passing the gate with
    0.85 of the answer's paper's evidence is shown too; one under the gate is not."""
    from assistant.retrieve.hybrid import Hit

    jina = _titled(
        "2409.10173", "jina-embeddings-v3", "A multilingual embedding model.", "2025-01-02"
    )
    lusifer = _titled(
        "2501.00874", "LUSIFER", "LUSIFER connects a multilingual encoder.", "2025-01-02"
    )
    question = "영어 임베딩 모델에 다국어 인코더를 커넥터로 붙이는 방법 있어?"

    def cited(second: float, floor: float) -> str:
        return _drafted(question, [Hit(jina, 0.03, 0.35), Hit(lusifer, 0.02, second)], floor)[0]

    assert "**LUSIFER** [2]" in cited(0.42, 0.19)
    assert "**LUSIFER** [2]" not in cited(0.42, 0.45)  # (under the gate)
    assert "**LUSIFER** [2]" not in cited(0.25, 0.19)  # (far less near than the answer's)


def test_a_benchmark_of_another_year_than_the_digests_write_is_not_stated():
    """b160 (blind): "ReTool AIME 2025 accuracy?" was answered with its AIME 2024 figure;
    "ReTool AIME24 accuracy?" had been declined though its digest writes "AIME 2024"."""
    from assistant.answer.extractive import _not_written

    retool = _paper("ReTool reaches 67.0% accuracy on AIME 2024 with 400k steps.")
    assert _not_written("ReTool AIME 2025 accuracy?", retool) == ["AIME 2025"]
    assert _not_written("ReTool AIME25 accuracy?", retool) == ["AIME25"]
    assert _not_written("ReTool AIME 2024 accuracy?", retool) == []
    assert _not_written("ReTool AIME24 accuracy?", retool) == []
    assert _not_written("what did it get on AIME'24?", retool) == []
    # a Korean particle after the year, in the question or the digest (review)
    assert _not_written("ReTool AIME 2025에서 정확도 몇이야?", retool) == ["AIME 2025"]
    korean = _paper("ReTool은 AIME 2024에서 67.0%를 기록했다.", "ko")
    assert _not_written("ReTool AIME 2025 accuracy?", korean) == ["AIME 2025"]
    # a benchmark its digests write with no year may be any year's; a date is no benchmark
    plain = _paper("ReTool reaches 67.0% accuracy on AIME.")
    assert _not_written("ReTool AIME 2025 accuracy?", plain) == []
    assert _not_written("ReTool accuracy in March 2025?", retool) == []


def test_a_statement_before_the_question_claims_its_figures():
    """b158 (blind): "CLAIR-A beats the domain-specific FENSE metric by 15.8% accuracy on
    Clotho-Eval. What LLM does it use to score captions?" was declined as asking an "LLM
    figure", the wrong 15.8% (its digest: 5.8%) not corrected: a statement claims figures
    with no word of hearsay, and "what LLM does it use" asks which one, no figure."""
    from assistant.answer.extractive import _claimed_figures, _figureless

    clair = Paper(
        "2409.12962",
        [
            Mention(
                "2409.12962",
                "CLAIR-A: Leveraging Large Language Models to Judge Audio Captions",
                "2024-09-20",
                "en",
                "x.md",
                1,
                summary="CLAIR-A uses an LLM such as GPT-4 to score captions. It beats the "
                "FENSE metric by 5.8% accuracy on Clotho-Eval.",
            )
        ],
    )
    question = "CLAIR-A beats the FENSE metric by 15.8% on Clotho-Eval. What LLM does it use?"
    assert _claimed_figures(question, clair) == ["15.8%"]
    assert _claimed_figures(question.replace("15.8%", "5.8%"), clair) == []
    assert _claimed_figures("what did it beat FENSE by, 15.8%?", clair) == []  # (asked)
    assert _figureless(question, clair) == []
    # one's own figure, or a statement of no paper named, claims nothing of it (review)
    assert _claimed_figures("I got 15.8% with my model. What LLM does CLAIR-A use?", clair) == []
    assert _claimed_figures("FENSE gets 15.8%. What LLM does CLAIR-A use?", clair) == []
    assert _figureless("What FENSE did it get?", _paper("It is evaluated with FENSE.")) == ["FENSE"]


def test_a_name_set_against_the_paper_is_a_side_not_a_measure_left_out():
    """b150, b153 (blind dev): "compare how much TALE (...) and QFFT (...) cut reasoning
    length" and "InfiniPot-V and Collaborative Decoding (CoDe) both cut memory - by how
    much each?" were declined ("The digests give no TALE figure for QFFT"): the other side
    of the comparison, which the search did not find, read as a measure."""
    from assistant.answer.extractive import _not_written

    qfft = Paper(
        "2506.12860",
        [
            Mention(
                "2506.12860",
                "QFFT, Question-Free Fine-Tuning for Adaptive Reasoning",
                "2025-06-17",
                "en",
                "x.md",
                1,
                summary="QFFT reduces average response length by over 50%.",
            )
        ],
    )
    assert _not_written("compare how much TALE (token budgets) and QFFT cut length", qfft) == []
    assert _not_written("QFFT랑 TALE 비교해줘", qfft) == []
    assert _not_written("QFFT and Collaborative Decoding (CoDe): memory?", qfft) == []
    assert _not_written("QFFT의 MMLU 점수는?", qfft) == ["MMLU"]
    assert _not_written("how does QFFT do on MMLU and GSM8K?", qfft) == ["MMLU", "GSM8K"]
