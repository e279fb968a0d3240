"""How the relevance gate reads a Korean word (assistant/index/korean.py): the noun it
names, not the ending of a spoken question, which no digest's formal prose contains."""

from __future__ import annotations

import math

import pytest

from assistant.index import korean


@pytest.mark.parametrize(
    ("word", "topic"),
    [
        ("지진이", "지진"),  # a case particle: what precedes it is a noun
        # 이 / 을 / 은 follow a consonant: after a vowel, 이 is the word's own (was: "서베")
        ("서베이", "서베이"),
        ("서베이를", "서베이"),
        ("게이트웨이", "게이트웨이"),
        ("논문에서", "논문"),
        ("파킨슨병을", "파킨슨병"),
        ("병해를", "병해"),  # ends like 해 (하다), but a particle makes it a noun
        ("진단하는", "진단"),  # a noun with a light verb
        ("분류하는", "분류"),
        ("개선됐나요", "개선"),  # 됐 (되었): a light verb in the past tense
        ("일치했어", "일치"),
        ("비교해서", "비교"),
        # 할 / 될 (하 / 되 + ㄹ): a light verb before -지, -까, a noun (was: no topic at all,
        # so "박사 과정 그만두고 취업할지 고민인데" was about 박사 과정 alone)
        ("취업할지", "취업"),
        ("적용할까", "적용"),
        ("개선될", "개선"),
        ("정확하게", "정확"),
        ("보여주면", ""),  # predicates: their stems name no topic
        ("올랐대", ""),
        ("바꿔서", ""),
        ("고쳐", ""),
        ("다뤄", ""),  # 루 + 어 written as one syllable (was read as a topic word, so
        ("나눠", ""),  # "분야는 몇 개나 다뤄?" after SuperGPQA was a new question)
        ("썼대", ""),
        ("있잖아", ""),
        ("걸렸어", ""),
        ("찾아줄래", ""),
        ("지키는", ""),  # 는 after a vowel: the ending of a verb, not a particle
        # ... whose noun a light verb may carry (b94: "o1 재현하려는 논문들" was 'o1' alone)
        ("재현하려는", "재현"),
        ("한꺼번에", ""),  # filler words of a spoken question
        ("얼마나", ""),
        ("자꾸", ""),  # b92: "개수를 자꾸 틀리게 그려" (keeps drawing them wrong) was refused
        ("마라톤", "마라톤"),  # a bare noun is read as written
        ("로또", "로또"),
        ("서울", "서울"),
        ("몇배", ""),  # the question word 몇 with its counter
        ("몇%였음", ""),
        ("짜리", ""),  # "3.8B짜리": of that size (was an unknown topic word)
        ("거르는거", ""),  # "-는 거": a predicate made a noun phrase, no topic
        ("걸로", ""),  # the dependent noun 것 (거) with a particle: "Lean 같은 걸로"
        ("것으로", ""),
        ("받을", ""),  # -을, a predicate's future form: "코드는 어디서 받을 수 있어?"
        ("찾을", ""),
        ("모델을", "모델"),  # 을 after a noun is its particle
        # b167 (blind): 엔 and 에선 are 에는 and 에서는 said short ("실험엔 어떤 데이터셋들
        # 썼어?" after a paper was a new question on the unknown word '험엔')
        ("실험엔", "실험"),
        ("벤치마크에선", "벤치마크"),
    ],
)
def test_a_korean_word_is_read_as_the_noun_it_names(word, topic):
    assert korean.topical(word) == topic


def test_a_word_the_archive_has_is_read_as_written():
    # "언어" ends like a verb (어) but is a noun the archive knows
    assert korean.topical("언어") == ""
    assert korean.topical("언어", known=lambda w: w == "언어") == "언어"


def test_a_known_noun_with_the_copula_is_that_noun():
    """Was: "오답일 때" (when wrong) was an unknown word, which refused a question about an
    English-only paper ("... 오답일 때 thought switching이 얼마나 더 많았대?")."""
    knows = {"오답", "모델", "모바일", "스타"}.__contains__
    assert korean.topical("오답일", known=knows) == "오답"
    assert korean.topical("모델인", known=knows) == "모델"
    assert korean.topical("모바일", known=knows) == "모바일"  # a word the archive has whole
    assert korean.topical("스타일") == "스타일"  # its stem unknown: as written


def test_a_known_stem_made_a_noun_and_a_noun_per_unit_are_that_stem_and_noun():
    """Was: "HUMANUP으로 학습한 G1 휴머노이드는 넘어진 뒤 일어서기 성공률이 몇 %야?" refused,
    "일어서기" (standing up) unknown to the archive, which writes "일어설"; "카드당" (per card)
    likewise. 기 makes a noun of a stem the archive has; 당 is "per" after a noun."""
    knows = {"일어서", "생성"}.__contains__
    assert korean.topical("일어서기", known=knows) == "일어서"
    assert korean.topical("생성기", known=knows) == "생성"
    assert korean.topical("제습기", known=knows) == "제습기"  # its stem unknown: as written
    assert korean.topical("카드당") == "카드"
    assert korean.topical("식당") == "식당"  # one syllable before 당: no noun per unit


def test_a_predicate_ending_in_gyeo_names_no_topic():
    """Was: "문장 논리가 중간에 끊겨" (it gets cut) read "끊겨" as an unknown topic word. The
    endings of chat that make a noun ("안됨", "괜찮음", "심함") stay as written: off-topic
    chat ("아이폰 배터리가 너무 빨리 닳음") is refused by them (review of 22c218a)."""
    assert korean.topical("끊겨") == ""
    assert korean.topical("옮겨") == ""
    assert korean.topical("배경음") == "배경음"  # a noun, no predicate


def test_a_noun_for_a_use_or_with_the_copula_is_the_noun_the_archive_has():
    """Was: "검색용" (for retrieval), "더빙용" (for dubbing) were unknown words though the
    archive has 검색 and 더빙; "모델임" (it is a model, as chat writes it) likewise."""
    knows = {"검색", "모델"}.__contains__
    assert korean.topical("검색용", known=knows) == "검색"
    assert korean.topical("모델임", known=knows) == "모델"
    assert korean.topical("비용", known=knows) == "비용"  # two syllables: as written
    assert korean.topical("재활용", known=knows) == "재활용"  # its stem unknown: as written


def test_the_closed_classes_are_package_data():
    classes = korean.classes()
    assert {"particles", "endings", "light", "fillers"} <= classes.keys()
    for forms in classes.values():  # longest first: a suffix matches its longest form
        assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


def test_spoken_korean_endings_are_not_unknown_topics(seed_assistant):
    lexical = seed_assistant.retriever.lexical
    # every noun here is in the seed digests; the spoken endings are in none of them
    assert lexical.unknown_share("이미지 모델의 성능을 한꺼번에 보여주면 얼마나 올랐대?") == 0.0
    assert lexical.unknown_share("텍스트 정렬을 바꿔서 썼대?") == 0.0
    # an unknown noun still is one, whatever ending it carries
    assert math.isclose(lexical.unknown_share("지진을 한꺼번에 알려주면 좋겠어"), 1.0)
    assert 0.0 < lexical.unknown_share("이미지로 파킨슨병을 진단하는 모델") < 1.0


def test_a_korean_word_is_known_when_one_paper_has_all_its_bigrams(tmp_path):
    lexical = _korean_archive(
        tmp_path,
        "2025-03-04",
        [
            ("Wavelet Codec", "2503.01234", "웨이블릿 변환으로 이미지를 압축합니다."),
            ("Tuning Study", "2503.04321", "하이퍼파라미터 튜닝을 연구합니다."),
        ],
    ).lexical
    assert lexical.known(["웨이", "이퍼"]) == {"웨이", "이퍼"}  # each bigram, in one paper
    assert lexical.has_korean("웨이블릿") and lexical.has_korean("하이퍼파라미터")
    # no paper has both bigrams of "웨이퍼" (wafer): a word the archive never wrote
    assert not lexical.has_korean("웨이퍼")
    assert math.isclose(lexical.unknown_share("웨이퍼 검출"), 1.0)


def test_coverage_weighs_the_nouns_of_a_korean_question(seed_assistant):
    retriever = seed_assistant.retriever
    lexical = retriever.lexical
    positions = range(len(retriever.ids))
    plain = lexical.coverage("이미지 텍스트 정렬", positions)
    spoken = lexical.coverage("이미지 텍스트 정렬을 바꿔서 썼대?", positions)
    assert max(plain.values()) > 0.0
    for pos, share in plain.items():  # the endings weigh against no paper
        assert math.isclose(spoken[pos], share, abs_tol=1e-9)


def test_a_korean_topics_set_has_each_of_its_terms_in_either_language(tmp_path):
    """ "텍스트로 모션 생성": text AND motion AND generation, written in Korean or English."""
    rows = {
        "2503.00001": "텍스트 설명으로 사람의 모션을 생성합니다.",  # Korean: all three
        "2503.00002": "Text-to-motion generation with a diffusion model.",  # English: all
        "2503.00003": "텍스트 생성 속도를 높입니다.",  # text generation, no motion
        "2503.00004": "Music-driven dance motion generation.",  # motion generation, no text
    }
    papers = [(f"Paper {pid}", pid, text) for pid, text in rows.items()]
    retriever = _korean_archive(tmp_path, "2025-03-04", papers)
    every = retriever._every_concept("텍스트로 모션 생성하는 논문", set(rows))
    assert every == {"2503.00001", "2503.00002"}
    # one term the glossary knows: the set is left as it is
    assert retriever._every_concept("모션 논문", set(rows)) == set(rows)


def test_a_korean_word_is_covered_where_a_paper_has_it_whole(tmp_path):
    """Was: "머신 언러닝" (machine unlearning) listed papers on "머신 러닝" (machine learning),
    which have its bigram 러닝 (battery 23). A word's bigrams count where the paper has all
    of them (all but one for a longer word, which a digest may write with a space)."""
    retriever = _korean_archive(
        tmp_path,
        "2024-07-04",
        [
            ("Forget Me", "2407.01111", "머신 언러닝 기법으로 개인 정보를 지웁니다."),
            ("Learn Me", "2407.02222", "새로운 머신 러닝 모델을 제안합니다."),
        ],
    )
    unlearning, learning = (retriever._pos[p] for p in ("2407.01111", "2407.02222"))
    coverage = retriever.lexical.coverage("언러닝", [unlearning, learning])
    assert math.isclose(coverage[unlearning], 1.0) and coverage[learning] == 0.0
    # written as one word in the question, with a space in the digest: still the paper's
    joined = retriever.lexical.coverage("머신언러닝", [unlearning, learning])
    assert joined[unlearning] > 0.0 and joined[learning] == 0.0


def test_a_korean_topics_set_has_the_names_it_writes_in_english(tmp_path):
    """Was: "가우시안 스플래팅으로 SLAM 한 논문 있어?" listed every Gaussian splatting paper
    and put the one SLAM paper sixth (battery 24): the name SLAM is a term of the set."""
    from assistant.types import Filters

    title = "WildGS-SLAM: Monocular Gaussian Splatting SLAM"
    retriever = _korean_archive(
        tmp_path,
        "2025-04-10",
        [
            (title, "2504.03886", "가우시안 스플래팅 기반의 단안 SLAM 시스템을 제안합니다."),
            (
                "SplatAvatar: Avatars from Splats",
                "2504.01111",
                "가우시안 스플래팅으로 사람 아바타를 만듭니다.",
            ),
            (
                "RelightSplat: Relighting Splats",
                "2504.02222",
                "가우시안 스플래팅 장면의 조명을 바꿉니다.",
            ),
            ("Speech Codec", "2504.03333", "음성 코덱을 제안합니다."),
        ],
    )
    found = retriever.gate_all("가우시안 스플래팅으로 SLAM", Filters())
    assert [h.arxiv_id for h in found.hits] == ["2504.03886"]
    # the set's rule itself, over papers the terms' shares let in
    splats = {"2504.03886", "2504.01111", "2504.02222"}
    assert retriever._every_concept("가우시안 스플래팅으로 SLAM", splats) == {"2504.03886"}
    assert retriever._every_concept("가우시안 스플래팅 논문", splats) == splats


def _korean_archive(tmp_path, date: str, papers: list[tuple[str, str, str]]):
    """The retriever of a store of one Korean digest: (title, arXiv id, What's New) each."""
    from conftest import make_settings

    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    digest = tmp_path / f"{date}.md"
    rows = [
        f"### [{t}](https://arxiv.org/abs/{i})\n\n- ***What's New***: {s}\n" for t, i, s in papers
    ]
    digest.write_text(f"## Daily Papers ({date})\n\n" + "\n".join(rows), encoding="utf-8")
    settings = make_settings(tmp_path / "store")
    assert ingest([digest], settings).papers_total == len(papers)
    return Assistant(settings).retriever


def test_a_word_the_digests_write_with_a_space_is_no_unknown_word(tmp_path):
    """Was: "위성 사진으로 스트리트뷰 이미지 만들어주는 diffusion 모델 논문" was refused: the
    digest writes "스트리트 뷰", so the bigram 트뷰 is in no paper and counted as a quarter of
    the question the archive has never seen (battery 25). Coverage already read the word
    whole with all but one bigram; the unknown share now reads it the same way."""
    retriever = _korean_archive(
        tmp_path,
        "2024-08-28",
        [
            (
                "CrossViewDiff: Satellite-to-Street View Synthesis",
                "2408.14765",
                "위성 이미지에서 스트리트 뷰 이미지를 생성하는 확산 모델을 제안합니다.",
            ),
            ("Wafer Study", "2408.01111", "웨이블릿 변환으로 하이퍼파라미터를 고릅니다."),
        ],
    )
    lexical = retriever.lexical
    assert lexical.unknown_share("스트리트뷰 이미지") == 0.0
    street = retriever._pos["2408.14765"]
    assert math.isclose(lexical.coverage("스트리트뷰", [street])[street], 1.0)
    assert lexical.unknown_share("스트레칭뷰") > 0.0  # bigrams missing: another word


@pytest.mark.parametrize(
    "text, names",
    [
        ("3DGS로 SLAM 하는 논문", ["3DGS", "SLAM"]),  # an acronym may start with digits
        ("MoE 구조로 비전-언어 모델", ["MoE"]),
        ("2024년 3x 빠른 tabular 모델", []),  # a number, a factor, a plain word
    ],
)
def test_the_names_and_acronyms_a_korean_question_writes_in_english(text, names):
    from assistant.retrieve.hybrid import _LATIN_NAME, HANGUL_RUN

    assert _LATIN_NAME.findall(HANGUL_RUN.sub(" ", text)) == names


@pytest.mark.parametrize(
    "word, only",
    [
        ("요약해줘", True),  # a request: what to do with the papers
        ("추려줘", True),
        ("것만", True),  # "only those"
        ("받았어", False),  # a predicate: `topical` weighs it with the archive
        ("언어", False),  # ends like a predicate (-어), a noun: `topical` asks the archive
        ("요약", False),  # the noun is a topic ("요약 논문": summarisation papers)
        ("강화학습", False),
    ],
)
def test_words_that_surely_name_no_topic(word, only):
    """Was: "2024-02-29 한국어 다이제스트 요약해줘" listed the papers about summarisation,
    "2024년 상반기 것만 다시 보여줘" those matching '것만'."""
    assert korean.asks_only(word) is only


def test_a_korean_word_and_its_english_weigh_as_one_term_written_either_way(tmp_path):
    """Was: "어텐션 논문 찾아줘" was refused on the seeds: the question reads "어텐션
    (attention)", and a paper writing "attention" (every seed digest writes it so, or 주의)
    had a sixth of its weight, the Korean word's bigrams being in no paper. The word and
    its English are one term now: a paper has it written either way."""
    retriever = _korean_archive(
        tmp_path,
        "2025-03-05",
        [
            ("Fast Attention", "2503.01111", "A sparse attention kernel for long inputs."),
            ("Korean Attention", "2503.02222", "희소 어텐션 커널을 제안합니다."),
            ("Audio Model", "2503.03333", "A speech recognition model for noisy rooms."),
        ],
    )
    english, korean, neither = (
        retriever._pos[p] for p in ("2503.01111", "2503.02222", "2503.03333")
    )
    query = retriever.glossary.expand("어텐션")
    renderings = retriever.glossary.renderings("어텐션")
    assert renderings == {"어텐션": "attention"}
    paired = retriever.lexical.coverage(query, [english, korean, neither], renderings)
    assert math.isclose(paired[english], 1.0) and math.isclose(paired[korean], 1.0)
    assert paired[neither] == 0.0
    apart = retriever.lexical.coverage(query, [english], None)
    assert apart[english] < 0.5  # it had only the English part's weight
    texts = {
        p: retriever.catalog.papers[retriever.ids[p]].lexical_text() for p in (english, korean)
    }
    surface = retriever.lexical.surface_coverage(query, texts, renderings)
    assert math.isclose(surface[english], 1.0) and math.isclose(surface[korean], 1.0)


@pytest.mark.parametrize("question", ["어텐션 논문 찾아줘", "어텐션 관련 논문 있어?"])
def test_a_korean_topic_the_digests_write_in_english_is_found(seed_assistant, question):
    answer = seed_assistant.chat().ask(question)
    assert not answer.refused
    assert "2502.18137" in {c.arxiv_id for c in answer.citations}  # SpargeAttn


def test_a_particle_alone_or_after_a_noun_of_one_syllable_names_no_topic():
    """Was: "DRAM보다" left "보다" (than) and "식으로" (in a way) "식으" as topic words, so a
    long how-to question about LLM in a flash fell under the relevance floor: a particle
    glued to a Latin word is its own Hangul run, and "으로" after one syllable left 으."""
    assert korean.topical("보다", known=lambda w: True) == ""
    assert korean.topical("으로부터") == ""
    assert korean.topical("식으로", known=lambda w: True) == ""
    assert korean.topical("값으로") == ""
    # a two-syllable noun that ends like a particle is its own ("속도": speed, not 속 + 도)
    assert korean.topical("속도") == "속도"
    assert korean.topical("방법으로") == "방법"


def test_a_question_ending_in_na_names_no_topic():
    """Was: "... 노드 추천해주는 거 없나?" weighed "없나" (is there none?), in no paper, the
    most of all its words, and ComfyUI-Copilot fell under the floor."""
    assert korean.topical("없나") == ""
    assert korean.topical("되나") == ""


def test_a_predicate_is_read_as_its_known_noun_before_the_word_as_written():
    """Was: "필요할" (when needed) and "업데이트하는" were read as written whenever some paper
    had all their bigrams, so "요할" and "트하" weighed as rare words; the noun before the
    light verb is what names the topic, when the archive has it."""
    knows = {"필요", "필요할", "업데이트", "업데이트하"}.__contains__
    assert korean.topical("필요할", known=knows) == "필요"
    assert korean.topical("업데이트하는", known=knows) == "업데이트"
    # a noun that only ends like a predicate stays whole ("데이터": 터 is an ending too)
    assert korean.topical("데이터", known={"데이터"}.__contains__) == "데이터"


@pytest.mark.parametrize(
    "word, singular",
    [
        ("도메인들에서", "도메인"),  # b152: a plural and a particle (had read no domains)
        ("모델들은", "모델"),
        ("그들은", "그들은"),  # (a word of two syllables: no plural to take off)
        ("실험했어?", "실험했어?"),
    ],
)
def test_a_plural_before_a_particle_is_the_noun(word, singular):
    from assistant.retrieve.hybrid import _singular

    assert _singular(word) == singular
