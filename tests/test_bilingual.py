"""The archive's own Korean-English vocabulary (`assistant.index.bilingual`): the English a
Korean summary writes in brackets beside its words, aligned word by word, kept when papers
agree on it; the words papers summarised in both languages share; both used to read Korean
questions beside the hand-made glossary."""

from __future__ import annotations

import pytest

from assistant.index.bilingual import Aligned, Learned, parallel_words, renderings, vocabulary
from assistant.index.derived import DerivedIndex, Row
from assistant.types import Mention, Paper
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


def test_a_paper_summarised_in_both_languages_gives_its_topic_words_in_each():
    words = parallel_words(
        "난이도를 조절하는 방법을 제안했으며 정확도가 3% 올랐습니다.",
        "Adaptive Difficulty: the model adapts to difficulty, gaining 3 points in 2024.",
    )
    korean = {w for lang, w in words if lang == "ko"}
    english = {w for lang, w in words if lang == "en"}
    assert {"난이도", "정확도"} <= korean and "올랐습니다" not in korean  # a predicate
    assert {"difficulty", "adaptive", "adapts", "gaining"} <= english
    assert not english & {"the", "to", "3", "2024"}  # stop words and numbers name nothing


def _paper(n: int, korean: str, english: str | None) -> Row:
    pid = f"2501.{n:05d}"
    mentions = [Mention(pid, f"Paper {n}", "2025-01-02", "ko", "k.md", 1, summary=korean)]
    if english is not None:
        mentions.append(Mention(pid, f"Paper {n}", "2025-01-02", "en", "e.md", 1, english))
    return Row(Paper(pid, mentions), record_hash=pid, embed_hash=pid)


@pytest.fixture
def parallel(tmp_path) -> DerivedIndex:
    """30 papers in both languages, each with words of its own; 4 about difficulty, 4 about
    summarization, 2 about a rare word, all 30 about models; and 5 papers in Korean only."""
    rows = []
    for n in range(30):
        korean, english = [f"고유어{n}가", "모델이"], [f"unique{n}x", "model"]
        if n < 4:
            korean.append("난이도를"), english.append("difficulty")
        elif n < 8:
            korean.append("요약을"), english.append("summarization")
        elif n < 10:
            korean.append("희귀어를"), english.append("rareword")
        rows.append(_paper(n, " ".join(korean), " ".join(english)))
    rows += [_paper(100 + n, "난이도를 다룬 한국어 논문", None) for n in range(5)]
    derived = DerivedIndex(tmp_path / "derived.sqlite")
    derived.apply(rows, version=1)
    return derived


def test_a_korean_word_is_rendered_by_the_english_its_papers_share(parallel):
    asking = {"요약"}.__contains__  # a word questions ask with ("Mixtral 논문 요약 좀")
    aligned = Aligned(parallel, asking)
    assert parallel.parallel_papers() == 30  # Korean-only papers give no pair
    assert aligned.get("난이도") == "difficulty"
    assert aligned.get("희귀어") is None  # in 2 papers: too few to tell
    assert aligned.get("모델") is None  # in every paper: names no topic
    assert aligned.get("요약") is None  # asked with, not asked about
    assert Aligned(parallel).get("요약") == "summarization"
    assert aligned.get("없는말") is None
    glossary = Glossary(Learned({"탈옥": "jailbreak"}, aligned))
    assert glossary.expand("난이도를 조절하는 탈옥 논문") == (
        "난이도를 조절하는 탈옥 논문 (jailbreak difficulty)"
    )


def test_the_vocabulary_follows_the_papers_as_they_are_removed(parallel):
    parallel.delete(["2501.00000", "2501.00001"], version=2)  # 2 difficulty papers left
    assert Aligned(parallel).get("난이도") is None


def test_an_english_word_is_read_as_the_korean_its_papers_write(parallel):
    """An English question finds a paper summarised only in Korean by the Korean its
    papers write for its words (b52: "what throughput gain ... KV for a few layers?")."""
    from types import SimpleNamespace

    from assistant.retrieve.hybrid import HybridRetriever
    from assistant.understand.glossary import Glossary

    aligned = Aligned(parallel)
    assert aligned.korean("difficulty") == "난이도"
    assert aligned.korean("model") is None  # every paper's: names no topic
    assert aligned.korean("rareword") is None
    # a word the English summaries write inflected otherwise ("compress" asked,
    # "compression" written: 압축): the same word, by its stem
    assert aligned.korean("summarize") == aligned.korean("summarizing") == "요약"
    assert aligned.korean("summary") is None  # (another word: "summari", not "summar")
    assert aligned.korean("difficult") is None
    # (read through the archive's glossary, whose learned renderings read both ways)
    vocabulary = Glossary(aligned)
    retriever = SimpleNamespace(glossary=vocabulary, _asks_with={"papers"}.__contains__)
    assert HybridRetriever.korean_words(retriever, "papers on task difficulty") == ["난이도"]
    assert HybridRetriever.korean_words(retriever, "papers on models") == []


def test_a_korean_word_asks_only_when_an_example_phrasing_writes_it():
    """Was: "전문가" (experts) read as an asking word, as its bigrams 전문 and 문가 are each
    in some example phrasing's word; "요약" (summarize) asks ("Mixtral 논문 요약 좀")."""
    from types import SimpleNamespace

    from assistant.retrieve.hybrid import HybridRetriever
    from assistant.understand.intents import asking_tokens

    retriever = SimpleNamespace(lexical=SimpleNamespace(asking=asking_tokens()))
    assert HybridRetriever._asks_with(retriever, "요약")
    assert HybridRetriever._asks_with(retriever, "비교")
    assert not HybridRetriever._asks_with(retriever, "전문가")
    assert HybridRetriever._asks_with(retriever, "summarize")
    # the topic of an example ("papers on [model compression]") is asked about, not with:
    # "compress prompts" is 프롬프트 압축 in a Korean-only paper
    assert not HybridRetriever._asks_with(retriever, "compress")
    assert not HybridRetriever._asks_with(retriever, "quantization")


def test_a_rendering_read_from_shared_papers_narrows_no_topics_set(tmp_path):
    """Was: "2025년 3월 음성 합성 논문" counted 1 paper, not 7: '합성' alone reads 'synthetic'
    in the papers summarised in both languages (synthetic data), and a Korean topic's set
    requires each word's English of every paper, so the English speech-synthesis papers
    (which write 'synthesis') fell out. Such a rendering widens a search, narrows no set."""
    from conftest import archive_of, english_digest, korean_digest

    from assistant.types import Filters

    both = []
    for n in range(30):
        title, pid = f"Study {n} of things", f"2501.{n:05d}"
        en, ko = f"We study unique{n}x things.", f"이 연구는 고유어{n}를 다룹니다."
        if n < 4:
            en, ko = en + f" Trained on synthetic corpora{n}y.", ko + " 합성 데이터를 만듭니다."
        both.append((title, pid, en, ko))
    tts = [
        ("Fast Text-to-Speech", "2503.00001", "A speech synthesis model for fast text-to-speech."),
        ("Voice Cloning TTS", "2503.00002", "Zero-shot speech synthesis that clones a voice."),
        # speech and synthetic: the one paper a set requiring 'synthetic' keeps
        ("Synthetic TTS Data", "2503.00003", "Speech synthesis trained on synthetic audio."),
    ]
    digests = [
        english_digest(tmp_path, "2025-01-02", [(t, i, e) for t, i, e, _ in both]),
        korean_digest(tmp_path, "2025-01-02", [(t, i, k) for t, i, _, k in both]),
        english_digest(tmp_path, "2025-03-03", tts),
    ]
    retriever = archive_of(tmp_path, digests).retriever
    assert retriever.glossary.learned.get("합성") == "synthetic"  # read from shared papers
    found = retriever.gate_all("음성 합성", Filters("2025-03-01", "2025-03-31"))
    assert {"2503.00001", "2503.00002"} <= {h.arxiv_id for h in found.hits}


def test_an_english_phrase_is_written_in_korean_by_the_glossarys_list():
    from assistant.understand.glossary import in_korean

    assert [t.split() for t in in_korean("speculative decoding methods")] == [
        ["추측", "디코딩", "methods"],
        ["투기적", "디코딩", "methods"],
    ]
    assert in_korean("LLM agents for music")[0].split() == ["LLM", "에이전트", "for", "음악"]
    assert in_korean("what came out today?") == []
    # (review: a dotless ı or a long ſ matched i or s in a case-blind pattern, and crashed)
    assert in_korean("dıffusion models") == []
    assert "추측" not in " ".join(in_korean("ſpeculative decoding"))


def test_an_english_topics_set_has_the_papers_summarised_only_in_korean_on_it(tmp_path):
    """Was: "of all the speculative decoding papers, which one got the most upvotes?"
    ranked the papers whose English writes "speculative decoding", not Speculative
    Streaming (33 votes), whose only digest is Korean ("추측적 디코딩"): an English topic's
    set read English words alone. The glossary's list, read the other way, writes the
    topic in Korean; a paper with half of it ("디코딩") only touches on it."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    english = [
        (f"Drafts {n}: Faster LLMs", f"2501.{n:05d}", f"Speculative decoding with drafts {n}.")
        for n in range(3)
    ]
    korean = [
        ("Streaming Heads: Fast LLM Inference", "2402.11131", "추측적 디코딩을 한 모델로 합니다."),
        ("Beam Tricks", "2402.11132", "빔 서치 디코딩 전략을 다룹니다."),
    ]
    digests = [
        english_digest(tmp_path, "2025-01-02", english + unrelated_rows(30)),
        korean_digest(tmp_path, "2024-02-20", korean),
    ]
    found = archive_of(tmp_path, digests).retriever.gate_all("speculative decoding")
    assert {h.arxiv_id for h in found.hits} == {"2402.11131", *(pid for _, pid, _ in english)}


def test_an_english_question_finds_a_paper_summarised_only_in_korean(tmp_path):
    """Was: an English question about a paper whose only digest is Korean found it through
    learned pairs alone, which a small archive has none of ("speculative decoding" had
    no Korean words; the paper writes "추측적 디코딩"). The glossary's list read the other
    way round gives its Korean words to BM25 and to the gate's coverage."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    korean = [
        ("Streaming Heads: Fast LLM Inference", "2402.11131", "추측적 디코딩을 한 모델로 합니다."),
        ("Beam Tricks", "2402.11132", "빔 서치 전략을 다룹니다."),
    ]
    digests = [
        english_digest(tmp_path, "2025-01-02", unrelated_rows(30)),
        korean_digest(tmp_path, "2024-02-20", korean),
    ]
    found = archive_of(tmp_path, digests).retriever.retrieve("any paper on speculative decoding?")
    assert found.relevant and found.hits[0].arxiv_id == "2402.11131"


def test_a_korean_questions_latin_words_rank_for_as_much_as_they_say(tmp_path):
    """b113: "LLM으로 포켓몬 배틀하는 에이전트 논문 ... 승률 각각 몇이었어?" cited a safety
    benchmark that writes "LLM 에이전트" eleven times before PokéLLMon (the Latin words were
    ranked alone with the weight of the whole question); a rare Latin name still ranks
    its paper first ("Mamba 계열 논문 몇 편이야?")."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    agents = "LLM 에이전트의 안전성을 평가합니다. " + "LLM 에이전트 " * 10
    rows = [
        ("Agent-SafetyBench: LLM Agent Safety", "2412.14470", agents),
        ("PokeLLMon: Battles", "2402.01118", "포켓몬 배틀 에이전트가 래더에서 49% 승률을 냅니다."),
        ("MoE-Mamba: Mixture", "2401.04081", "Mamba 계열 모델에 전문가 혼합을 더합니다."),
        ("Vision Mamba: Images", "2401.09417", "Mamba 기반 비전 백본입니다."),
        *((f"Web Agent {n}", f"2402.0{n}000", f"웹 에이전트 연구 {n}입니다.") for n in range(1, 7)),
    ]
    # (as in the archive, most papers write "LLM", many "에이전트": common words, a rare name)
    common = unrelated_rows(40, "An LLM grasps object {n}.")
    assistant = archive_of(
        tmp_path,
        [
            korean_digest(tmp_path, "2024-02-05", rows),
            english_digest(tmp_path, "2024-02-06", common),
        ],
    )
    answer = assistant.ask("LLM으로 포켓몬 배틀하는 에이전트 논문 있었는데 승률 몇이었어?")
    assert answer.citations[0].arxiv_id == "2402.01118", answer.text
    assert "49%" in answer.text
    answer = assistant.ask("2024년 2월 한국어 다이제스트에 Mamba 계열 논문 몇 편이야?")
    assert "2편" in answer.text, answer.text  # (not the papers writing "계열" as well)


def test_a_korean_question_picks_the_english_sentence_by_the_archives_own_renderings(
    tmp_path,
):
    """b116: "VBench-2.0은 물리, 상식 같은 intrinsic faithfulness를 몇 개 세부 차원으로
    평가해?" quoted the sentence on evaluations, not the one with its 18 dimensions: the
    sentence ranking read the hand-made list only, not the renderings the archive's Korean
    summaries write in brackets ("상식(commonsense)"), as retrieval does."""
    from conftest import archive_of, english_digest, korean_digest, unrelated_rows

    # (two papers each write the rendering: the archive's own, not a glossary entry)
    korean = [
        ("Physics Bench: Physics", "2501.00001", "물리(physics) 법칙을 평가합니다."),
        ("Physics Sim: Physics", "2501.00003", "물리(physics) 시뮬레이션입니다."),
        ("Common Bench: Common", "2501.00002", "상식(commonsense) 추론을 평가합니다."),
        ("Common QA: Common", "2501.00004", "상식(commonsense) 질문 모음입니다."),
    ]
    english = [
        (
            "VidBench: Faithfulness",
            "2503.21755",
            "VidBench measures adherence to physics and commonsense across 18 dimensions. "
            "Evaluations reveal models struggle with plots (~10-12% scores).",
        ),
        *unrelated_rows(40),
    ]
    assistant = archive_of(
        tmp_path,
        [
            korean_digest(tmp_path, "2025-01-02", korean),
            english_digest(tmp_path, "2025-03-28", english),
        ],
    )
    answer = assistant.ask("VidBench는 물리, 상식 같은 걸 몇 개로 나눠서 평가해?")
    assert answer.citations[0].arxiv_id == "2503.21755", answer.text
    assert "18 dimensions" in answer.text.split("\n")[0], answer.text
