"""What a question asks of a named paper that its digests never state (a license, a price,
GPU hours) is refused by saying so, not answered with the paper's other figures."""

from __future__ import annotations

import pytest

from assistant.understand import attributes


@pytest.mark.parametrize(
    "question, names",
    [
        ("What license is Gemma 3 released under?", ["license"]),
        ("카카오 kanana API 가격 얼마야? 100만 토큰당", ["price"]),
        ("how many H100s / gpu hours did they need to train SmolLM2?", ["hardware"]),
        ("HyperCLOVA X 학습하는 데 돈 얼마나 들었어?", ["training_cost"]),
        ("PULSE FDA 승인 받았어?", ["approval"]),
        ("What was OpenAI's total revenue in 2024?", ["revenue"]),
        ("업스테이지 기업가치는 얼마로 평가받았어?", ["valuation"]),
        ("How many employees does Mistral AI have?", ["headcount"]),
        # a demo page (was: no attribute, so "is there a demo page where I can listen to
        # samples?" after a question about Seed-TTS was a new search, refused)
        ("is there a demo page where I can listen to samples?", ["demo"]),
        ("Seed-TTS 데모 들을 수 있는 곳 있어?", ["demo"]),
        ("Which experiments demonstrate the speedup?", []),
        # a commercial model is no commercial use (was: "어떤 상용 모델 대비 얼마나
        # 좋았대?" answered that the digests give no license for the paper)
        ("어떤 상용 모델 대비 얼마나 좋았대?", []),
        ("Qwen2.5 상용으로 써도 돼?", ["license"]),
        ("상업적으로 써도 되는 라이선스야?", ["license"]),
        # hyperparameters and energy, which digests rarely give (was: DAPO's AIME score for
        # "what learning rate and global batch size did DAPO use?")
        ("What learning rate and global batch size did the DAPO paper use?", ["hyperparameters"]),
        ("Mamba-3B 학습할 때 배치 크기 얼마였어?", ["hyperparameters"]),
        ("Kangaroo 논문에서 학습에 든 에너지 소비량이 몇 kWh였어?", ["energy"]),
        ("MiniMax-M1 강화학습 전체 비용이 몇 달러 들었다고 했어?", ["training_cost"]),
        ("요즘 AI 관련주 뭐 사야 돼?", ["valuation"]),
        # "published in" is followed by a date more often than by a venue
        ("I want to read about mixture-of-experts models published in June 2025", []),
        # figures a summary states: no attribute of these
        ("CLEAR 벤치마크에는 가상 인물이 몇 명, 이미지가 몇 장 들어 있어?", []),
        ("How much does SpargeAttn reduce inference cost?", []),
        ("What throughput does it reach on one GPU?", []),
        # a model's size, its training tokens, a control rate (b77: "HyperCLOVA X 테크리포트에
        # 파라미터 수랑 학습 토큰 수 몇으로 나와?" was answered with a sentence of its aims)
        (
            "HyperCLOVA X 테크리포트에 파라미터 수랑 학습 토큰 수 몇으로 나와?",
            ["parameters", "training_tokens"],
        ),
        ("OpenVLA 추론 제어 주파수 몇 Hz까지 나와?", ["frequency"]),
        ("how many tokens of context can it read?", []),
        # a context window (b79: "What's the context window length of Bielik 11B v2?"
        # quoted its leaderboard score) and tokens asked of a training run
        ("What's the context window length of Bielik 11B v2?", ["context_length"]),
        ("그 모델 최대 컨텍스트 길이 몇이야?", ["context_length"]),
        # two models' context lengths compared (b77, b83: 3.5's "최대 32,768개의 토큰" was
        # not shown beside 3.0's 4,096)
        ("EXAONE 3.0 7.8B랑 3.5 컨텍스트 길이 차이는?", ["context_length"]),
        ("Nemotron-51B 증류 학습에 토큰 몇 개 썼는지 나와?", ["training_tokens"]),
        # (b165: "... from early Feb 2025 - how many tokens was it trained on ...?" counted
        # the papers of those dates)
        ("how many tokens was it trained on?", ["training_tokens"]),
        # compute in FLOPs, a size in billions (b72, b79: "What was the total training
        # compute in FLOPs for Qwen3-235B-A22B?" quoted its token count)
        ("What was the total training compute in FLOPs for Qwen3-235B-A22B?", ["compute"]),
        ("Step1X-Edit 모델 파라미터 수가 몇 B야?", ["parameters"]),
        # (review: FLOPs saved at inference are a figure summaries state, no training compute)
        ("How many FLOPs does SpargeAttn save?", []),
        ("How does SuperGPQA accuracy vary with model size?", []),
        # what something changes with, not what is asked (b144-064: "... lets deep RL value
        # networks scale with parameter count?" was refused for no parameter count)
        ("Is there work showing MoE lets deep RL value networks scale with parameter count?", []),
        ("성능이 파라미터 수에 따라 어떻게 달라져?", []),
        ("what's the parameter count of the biggest model?", ["parameters"]),
        ("Was this work supported by grants?", ["funding"]),  # (review: "by" is no dimension)
        # hours of data or of training (b84: "how many hours of video training data did
        # OmniHuman-1 use?" quoted its FID scores)
        ("how many hours of video training data did OmniHuman-1 use?", ["hours"]),
        ("OmniHuman-1 학습 데이터는 몇 시간 분량이야?", ["hours"]),
        ("How long does it take to render a frame?", []),
        # the examples trained on (b85: "s1 vs LIMO, how many training examples did each one
        # use?" showed s1's results, not its 1,000 samples)
        ("s1 vs LIMO, how many training examples did each one use?", ["training_examples"]),
        ("LIMO 학습 데이터 몇 개 썼어?", ["training_examples"]),
        ("papers on choosing training examples for in-context learning", []),
        # a word in a compound asks nothing of it (b98: a how-to on "earnings-call
        # transcripts" was told no paper states a revenue or profit)
        ("a benchmark built from earnings-call transcripts?", []),
        ("non-profit LLM evaluation consortium papers", []),
        ("What were the company's earnings last year?", ["revenue"]),
        # what a comparison holds equal is not asked (b116: "How much faster is UltraMem
        # ... than an MoE with the same parameter count and compute?" was declined)
        ("How much faster than an MoE with the same parameter count?", []),
        ("동일한 학습 비용으로 얼마나 더 좋아?", []),
        ("What's its parameter count, same as Llama's?", ["parameters"]),
        # a Korean particle glued on an English term (b146: "learning rate랑 epoch 수는?"
        # was answered with the paper's summary)
        ("CoSER 70B 학습할 때 learning rate랑 epoch 수는?", ["hyperparameters"]),
        ("Command A를 commercially 써도 돼?", ["license"]),
        # what the asker is making is not asked of a paper (b149: "... 데모를 만들려는데" was
        # told no paper states a demo page)
        ("카메라 영상 보면서 음성으로 실시간 대화하는 데모를 만들려는데 지연이 길어요", []),
        ("We're building a demo for our team, any paper on streaming TTS?", []),
        ("X의 데모 페이지 만들어진 거 있어?", ["demo"]),
        # (the review: commercial use one is preparing still asks the license; papers with
        # a project page are a set asked for)
        ("Qwen2.5로 챗봇 상용화 준비 중인데 써도 괜찮아?", ["license"]),
        ("project page가 있는 text-to-3D 논문 알려줘", []),
        # a statement before the question is the asker's setting, not what is asked (b165:
        # "... and GPU hours are tight. ... Which paper is that and how many training
        # steps ...?" was told no paper states a GPU count)
        (
            "I'm doing RL on a 1.5B model and GPU hours are tight. Which paper grows the "
            "context in stages, and how many steps did it need?",
            [],
        ),
        ("We trained on 8 A100s. How many GPUs did SmolLM2 use?", ["hardware"]),
        # demonstrations, not a demo page (b163: "... instead of human demos (RLDG)?");
        # demos of the paper's own are still its demo page (the review)
        ("How much did RLDG gain over fine-tuning on human demos?", []),
        ("a method that picks demos by similarity?", []),
        ("How many demos did SkillMimic-V2 need?", []),
        ("Are there demos for MiniMax-Speech?", ["demo"]),
        # a few words after a statement ask about it (the review: "... Do you know?" had
        # been answered with an overview)
        ("I want to know how many GPUs SmolLM2 used. Do you know?", ["hardware"]),
        ("SmolLM2 학습에 GPU 몇 개 썼는지 궁금해. 알아?", ["hardware"]),
    ],
)
def test_the_attributes_a_question_asks_for(question, names):
    assert [a.name for a in attributes.asked(question)] == names


def test_advice_on_ones_own_settings_needs_a_value_stated():
    """b155, b156 (blind): "I'm LoRA fine-tuning Llama 3 8B on 4 A100s - what learning
    rate, warmup steps and batch size should I use?" was answered from LoRA Land, whose
    digests state none of them with a value; advice needs a value to take."""
    asked = "what learning rate, warmup steps and batch size should I use?"
    vague = "They fine-tune many models with LoRA after a warm-up. They beat GPT-4 by 10 points."
    assert attributes.unstated(asked, vague) == []  # (a word of its kind is written)
    assert [a.name for a in attributes.unstated(asked, vague, valued=True)] == ["hyperparameters"]
    valued = "They fine-tune with LoRA. A learning rate of 2e-4 and batch size 16 work best."
    assert attributes.unstated(asked, valued, valued=True) == []
    assert (
        attributes.unstated("학습률은 얼마로 해?", "학습률 3e-5에서 가장 좋았다.", valued=True)
        == []
    )


def test_an_attribute_is_unstated_only_when_no_word_of_its_kind_is_written():
    asked = "What license is X released under, and what did it cost to train?"
    assert [a.name for a in attributes.unstated(asked, "X beats Y on MMLU.")] == [
        "license",
        "training_cost",
    ]
    assert attributes.unstated(asked, "X is released under Apache 2.0.") == []
    # the cost in compute: "642 H100일" states it
    assert attributes.unstated("학습 비용은?", "DiT 모델은 642 H100일이 소요되었습니다.") == []
    assert attributes.stated_alike("GPU", "DiT 모델은 642 H100일이 소요되었습니다.")
    # any GPU's name (b144-046: TDM's "only 500 iterations and 2 A800 hours" had been no
    # training cost)
    assert attributes.unstated("training cost?", "it takes only 2 A800 hours") == []
    assert attributes.unstated("how many GPU hours?", "trained for 2 A800 hours") == []
    assert attributes.unstated("max context length?", "It reads a 128K context.") == []
    # a share as a fraction (b116: DiJiang's "약 1/50의 훈련 비용" had been unstated)
    assert attributes.unstated("training cost?", "약 1/50의 훈련 비용만 요구합니다.") == []
    assert attributes.unstated("training cost?", "It needs 1/50 of the cost.") == []
    assert attributes.unstated("training cost?", "It runs on 1/50 of the data.")
    # a Korean digest's "총 계산" is its compute (b96: SliceGPT's "총 계산을 64%로" had been
    # "None of the papers ... states a compute (FLOPs)")
    compute = "how much of the dense model's total compute did it need?"
    assert attributes.unstated(compute, "밀집 모델 대비 총 계산을 64%로 줄일 수 있다.") == []
    assert attributes.unstated(compute, "It keeps 99% of zero-shot accuracy.")
    # a base model is stated by its name, in words no pattern need read: never declined
    # (b74-006 quotes a title "... Beyond the Base Model?" and had been declined)
    assert attributes.unstated("what base model did they use?", "Built on LLaMA.") == []
    assert not attributes.stated_alike("Qwen2.5-VL-7B", "Qwen2.5-VL-3B is the base.")
    assert attributes.unstated("max context length?", "It scores 65.71 on the leaderboard.")
    # a word inside another is no statement: "evaluation" is no valuation, "employs" no staff
    assert attributes.unstated("what is it valued at?", "An evaluation that employs judges.")
    assert attributes.unstated("how many employees?", "A method that employs judges.")
    # "demonstrates" is no demo, an arXiv link no demo page; a page a summary writes is
    assert attributes.unstated("is there a demo?", "Tests demonstrate 2x; arxiv.org/abs/1")
    assert attributes.unstated("is there a demo?", "See https://arxiv.org/abs/2406.02430")
    assert not attributes.unstated("데모 있어?", "데모는 https://x.github.io/tts 에서 들을 수 있다")
    # a size or a token count written in either language states it
    assert not attributes.unstated("파라미터 수는?", "MiniMax-Text-01, with 456 billion parameters")
    assert not attributes.unstated(
        "사전학습 토큰은?", "2.3조 개의 토큰을 사용해 사전 훈련했습니다."
    )
    assert attributes.unstated("파라미터 수는?", "지역 LLM 개발에 유용한 안내를 제공합니다.")
    # a data set's size is no model's: "1 million editing triplets", "10만 개의 이미지"
    assert attributes.unstated("파라미터 수는?", "trained on over 1 million editing triplets")
    assert attributes.unstated("파라미터 수는?", "10만 개의 이미지로 학습했습니다.")
    assert not attributes.unstated("how many parameters?", "a 350 million parameter model")
    assert attributes.unstated("training compute?", "pre-training on 36 trillion tokens")
    assert not attributes.unstated("training compute?", "It took 3.8e25 FLOPs.")
    # a benchmark's name is no size ("GSM8K" had read as "8K" parameters, so "and on GSM8K?"
    # was no figure the digests miss)
    assert not attributes.stated_alike("GSM8K", "A 7B model reaches 41.0% on SWE-bench.")
    # a cost is stated with a figure: "cost-efficient", "비용 효율성" state none (b77: "How
    # much did it cost to train Qwen2.5-72B?" was answered from "비용 효율성이 뛰어나며")
    assert attributes.unstated("학습 비용은?", "Qwen2.5-Turbo는 비용 효율성이 뛰어나며")
    assert attributes.unstated("how much did training cost?", "cost-efficient training")
    assert not attributes.unstated("학습 비용은?", "학습 비용은 약 557만 달러였다")
    assert not attributes.unstated("how much did it cost?", "a training cost of 5.6M")
    # and so is a cost relative to another's (review: TPDiff's "50% reduction in training
    # cost", YOLOE's "3x less training cost" were declined)
    assert not attributes.unstated("training cost?", "a 50% reduction in training cost")
    assert not attributes.unstated("training cost?", "with 3x less training cost")
    assert not attributes.unstated("학습 비용은?", "학습 비용을 50% 줄였습니다")
    # hours, of data or of training, written either way
    assert attributes.unstated("how many hours of video?", "It reaches an FID of 16.970.")
    assert not attributes.unstated("how many hours of audio?", "trained on 23,000 hours of speech")
    assert not attributes.unstated("몇 시간 분량이야?", "1만 시간의 음성으로 학습")
    # a time in other units states it too (review: "How many hours did it take to train
    # CleanDIFT?" was declined beside "under 30 minutes on one A100")
    assert not attributes.unstated("how many hours to train?", "trains in 30 minutes on an A100")
    assert not attributes.unstated("몇 시간 걸렸어?", "16개의 H800 GPU에서 30일 동안 학습")
    assert not attributes.unstated("how many hours?", "26.1 8-A100 days of training")
    # (time that is no number of hours states none: "추론 시간에 샘플링 전략을 도입")
    assert attributes.unstated("몇 시간 돌렸어?", "추론 시간에 샘플링 전략을 도입함으로써")
    assert not attributes.unstated("how many hours of speech?", "a 16k-hour dataset")


def test_what_no_paper_found_states_is_refused_whatever_the_papers_found_say(tmp_path):
    """b59: "What was OpenAI's total revenue in 2024?" listed all 3,288 papers of 2024
    ("total" asks a count), "How many employees does Mistral AI have?" answered with
    Magistral's summary, "업스테이지 ... 기업가치는?" with a paper that writes "evaluation"."""
    from conftest import english_digest, make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    may = [
        (
            "GPT-4o System Card",
            "2410.21276",
            "OpenAI describes GPT-4o, an omni model, and its safety evaluation.",
        ),
        ("Magistral", "2506.10910", "Mistral's first reasoning model, trained with RL."),
    ]
    forecasting = [
        (
            "Forecasting Quarterly Revenue with LLM Agents",
            "2505.00001",
            "LLM agents forecast company revenue from earnings calls, 12% lower error.",
        )
    ]
    settings = make_settings(tmp_path / "store")
    digests = [
        english_digest(tmp_path, "2024-05-13", may),
        english_digest(tmp_path, "2025-05-12", forecasting),
    ]
    ingest(digests, settings)
    assistant = Assistant(settings)
    for question in (
        "What was OpenAI's total revenue in 2024?",
        "What was OpenAI's revenue in 2024, and is it profitable?",
        "What is OpenAI's valuation?",
        "How many employees does Mistral AI have?",
        # b60: investment advice, listed as recent papers on its words ("요즘": recent)
        "요즘 AI 관련주 뭐 사야 돼? 엔비디아 지금 들어가도 늦지 않았어?",
        "Should I invest in OpenAI stock?",
    ):
        answer = assistant.ask(question)
        assert answer.refused and not answer.citations, question
    valued = assistant.ask("What is OpenAI valued at?")
    assert valued.text.startswith("None of the papers I found in the digests states a valuation")
    assert assistant.ask("오픈AI 직원 수 몇 명이야?").refused
    # a paper on the word's topic writes it: answered
    found = assistant.ask("papers on forecasting revenue with LLM agents")
    assert not found.refused and found.citations[0].arxiv_id == "2505.00001"


def test_an_unstated_attribute_of_a_named_paper_is_refused_and_a_stated_one_answered(tmp_path):
    from conftest import english_archive

    assistant = english_archive(
        tmp_path,
        "2025-03-10",
        [
            (
                "Open-Sora 2.0: Training a Video Model",
                "2503.09642",
                "Open-Sora 2.0 is a video model trained for $200k on 224 H100 GPUs. It rivals HunyuanVideo.",
            ),
            (
                "SmolLM2: When Smol Goes Big",
                "2502.02737",
                "SmolLM2 is a 1.7B model trained on 11 trillion tokens. It beats Qwen2.5-1.5B.",
            ),
            (
                "Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware",
                "2505.09343",
                "DeepSeek-V3 was trained on 2,048 H800 GPUs; the paper reflects on co-design.",
            ),
        ],
    )
    answer = assistant.ask("how many H100s / gpu hours did they need to train SmolLM2?")
    assert answer.refused and not answer.citations
    assert answer.text.startswith("The digests on SmolLM2 do not state its GPU count")
    korean = assistant.ask("SmolLM2 라이선스가 뭐야? 상업적으로 써도 돼?")
    assert korean.refused and "SmolLM2의 라이선스" in korean.text
    stated = assistant.ask("How much did Open-Sora 2.0 cost to train?")
    assert not stated.refused and "$200k" in stated.text
    # after a question about it, a follow-up naming nothing asks the same of that paper
    conv = assistant.chat()
    conv.ask("what is SmolLM2?")
    assert conv.ask("what license is it under?").refused
    # naming nothing, no pointer: an attribute is one paper's, the one talked about (was: a
    # new search, which found a paper with "GPU" and "H100")
    gpus = conv.ask("학습에 GPU 몇 장 썼어? H100 기준으로")
    assert gpus.refused and "SmolLM2의 GPU 수" in gpus.text
    # a model another paper's title names is the question's own subject, not SmolLM2's
    other = conv.ask("how many GPUs did DeepSeek-V3 training take?")
    assert "SmolLM2" not in other.standalone_question
    assert [c.arxiv_id for c in other.citations][:1] == ["2505.09343"]
    assert "2,048 H800" in other.text
    conv.ask("what is SmolLM2?")
    # "썼어" is "used" here, not "wrote": GPUs asked, not authors
    korean = conv.ask("DeepSeek-V3 학습에 GPU 몇 장 썼어?")
    assert [c.arxiv_id for c in korean.citations][:1] == ["2505.09343"]
    assert "2,048 H800" in korean.text and "저자" not in korean.text


def test_a_figure_asked_is_no_topic_of_recent_papers(seed_assistant):
    """b60: "요즘 AI 관련주 뭐 사야 돼? ..." ("요즘": lately) listed the newest papers on 'AI 사야
    엔비디아 ...': the topic words alone passed the gate, though the question asks a figure
    (a share price) that no paper found states."""
    answer = seed_assistant.ask("요즘 AI 관련주 뭐 사야 돼? 엔비디아 지금 들어가도 늦지 않았어?")
    assert answer.refused and not answer.citations
    assert not seed_assistant.ask("요즘 나온 어텐션 논문 알려줘").refused


def test_what_is_asked_of_a_named_paper_ranks_no_other_paper(tmp_path):
    """b72: "How many GPU hours did the ProRL training run take?" answered with Slamming, a
    speech LM trained on one GPU in 24 hours: its "GPU" and "hours" outranked the paper
    named. What the question asks of a paper it names is no topic; ProRL's digests do not
    state it, and the answer says so."""
    from conftest import english_archive, unrelated_rows

    assistant = english_archive(
        tmp_path,
        "2025-06-02",
        [
            (
                "ProRL: Prolonged Reinforcement Learning Expands Reasoning Boundaries",
                "2505.24864",
                "ProRL trains reasoning models with prolonged reinforcement learning.",
            ),
            (
                "Slamming: Training a Speech Language Model on One GPU in a Day",
                "2502.15814",
                "Slam trains speech language models on a single GPU within 24 hours; "
                "training takes 24 GPU hours.",
            ),
            *unrelated_rows(30),
        ],
    )
    answer = assistant.ask("How many GPU hours did the ProRL training run take?")
    assert answer.refused and not answer.citations
    assert answer.text.startswith("The digests on ProRL do not state its GPU count")


@pytest.mark.parametrize(
    "sentence, states",
    [
        ("The authors curated a 1,000-sample dataset (s1K).", True),
        ("a small, high-quality dataset (817 samples) of problems", True),
        ("trained on 970k robot trajectories", True),
        ("817개의 샘플로 학습했습니다.", True),
        # (review of dev: a count with words between, in Korean without 개, in words)
        ("trained on 600 visual question answering samples", True),
        ("CoinIt을 6.8M 샘플과 함께 제작하였습니다.", True),
        ("RLVR with one training example lifts MATH500 to 73.6%.", True),
        # (review: any count a digest writes may be the one asked, as other attributes'
        # words are generous; "How many training samples was CINEMA trained on?" was
        # declined beside its "1.46 million video clips")
        ("The model was trained on 1.46 million video clips.", True),
        ("MM-Eureka-Zero-38B, trained with only 9.3k image-text data, ...", True),
        ("a dataset of 680 queries across 1373 webpages", True),
        ("1,200개의 선택형 질문을 포함하고 있습니다.", True),
        ("Published in 2024, it reaches 57.1% on AIME.", False),
        ("It improves accuracy on 3 benchmarks by 5%.", False),
        ("The 7B model beats GPT-4o.", False),
    ],
)
def test_a_number_of_training_examples_is_stated_with_its_noun(sentence, states):
    (examples,) = [a for a in attributes.attributes() if a.name == "training_examples"]
    assert bool(examples.states.search(sentence)) is states


def test_a_size_asked_in_chat_and_stated_with_a_particle_glued_on():
    """b111: "제일 큰 모델은 몇b고 뭐를 이겼대?" after Kanana asked nothing of it (had been a
    new question, refused), and "그중에 제일 성능 좋은 모델은 몇b야?" after MiniCPM-V was told
    its digests state no parameter count, which write "MiniCPM-V 1.0 2B는" (a particle
    glued on the size)."""
    from assistant.understand import attributes

    assert [a.name for a in attributes.asked("제일 큰 모델은 몇b고 뭐를 이겼대?")] == ["parameters"]
    # (b111: "how many params are active vs total?" after OLMoE had been a new question)
    assert [a.name for a in attributes.asked("how many params are active vs total?")] == [
        "parameters"
    ]
    (parameters,) = [a for a in attributes.attributes() if a.name == "parameters"]
    assert parameters.states.search("MiniCPM-V 1.0 2B는 모바일폰을 위해 설계된")
    assert not parameters.states.search("B는 A보다 빠르다")


def test_what_digests_rarely_state_asked_with_tell_me_is_no_overview(tmp_path):
    """Was (the archive test of names in Hangul): "엑사원 3.0 7.8B 컨텍스트 길이랑 학습 토큰 수
    알려줘" answered with EXAONE's overview ("알려줘" asks to be told), whose key result was
    one of the two figures asked: training tokens, an attribute, ask for the sentences."""
    from conftest import english_archive, unrelated_rows

    summary = (
        "EXAONE 3.0 is an open bilingual language model from LG. "
        "It uses a decoder-only transformer with rotary position embeddings. "
        "Its maximum context length is 4,096 tokens. "
        "The 7.8B model was trained on 8T tokens of curated data."
    )
    assistant = english_archive(
        tmp_path,
        "2024-08-08",
        [("EXAONE 3.0: Bilingual Model", "2408.03541", summary), *unrelated_rows(40)],
    )
    answer = assistant.ask("EXAONE 3.0 컨텍스트 길이랑 학습 토큰 수 알려줘")
    assert "4,096" in answer.text and "8T" in answer.text, answer.text
