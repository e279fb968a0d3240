"""Korean -> English ML vocabulary, to expand Korean questions before retrieval.

The local embedder (MiniLM) is English-only and BM25 cannot match Korean words against
English summaries, so a Korean question about a paper that only an English digest covers
would find nothing. Appending the English terms for the Korean ML vocabulary found in the
question ("크롤러" -> crawler) lets both retrievers match. Korean summaries still match the
Korean words themselves. The list is small and deliberate: common ML terms only.
`Glossary` adds the archive's own vocabulary (`assistant.index.bilingual`: the English a
Korean summary writes beside its words) for the Korean words the list does not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.index import korean
from assistant.index.lexical import tokenize

if TYPE_CHECKING:
    from assistant.index.bilingual import Vocabulary

KO_EN = {
    "사전학습": "pretraining pre-training",
    "사전 학습": "pretraining pre-training",
    "사전훈련": "pretraining pre-training",
    "사전 훈련": "pretraining pre-training",
    "미세조정": "fine-tuning",
    "미세 조정": "fine-tuning",
    "파인튜닝": "fine-tuning",
    "강화학습": "reinforcement learning",
    "강화 학습": "reinforcement learning",
    "지도학습": "supervised learning",
    "증류": "distillation",
    "서베이": "survey",
    "최첨단": "state-of-the-art SOTA",
    "지식 증류": "knowledge distillation",
    "양자화": "quantization",
    "압축": "compression",
    "가지치기": "pruning",
    "과적합": "overfitting",
    "과소적합": "underfitting",
    "역전파": "backpropagation",
    "경사하강법": "gradient descent",
    "경사 하강법": "gradient descent",
    "손실 함수": "loss function",
    "활성화 함수": "activation function",
    "배치 정규화": "batch normalization",
    "드롭아웃": "dropout",
    "프루닝": "pruning",
    "희소": "sparse sparsity",
    "계층적": "hierarchical",
    "범용": "general-purpose generalist",
    "어텐션": "attention",
    "주의 메커니즘": "attention",
    "트랜스포머": "transformer",
    "토큰": "token tokens",
    "참가자": "participants participant",
    "참여자": "participants participant",
    "이미지 토큰": "image tokens visual tokens",
    "시각 토큰": "visual tokens",
    "층": "layers layer",
    "레이어": "layer layers",
    "추론": "inference reasoning",
    "추론 속도": "inference speed speedup",
    "가속": "acceleration accelerate speedup",
    "속도": "speed speedup faster",
    "빨라": "faster speedup",
    "효율": "efficiency efficient",
    "메모리": "memory",
    "학습 시간": "training time",
    "학습": "training learning",
    "훈련": "training",
    "데이터셋": "dataset",
    "데이터 세트": "dataset",
    "데이터": "data",
    "벤치마크": "benchmark",
    "평가": "evaluation evaluate",
    "정확도": "accuracy",
    "성능": "performance",
    "점수": "score",
    "크롤러": "crawler crawling",
    "크롤링": "crawling crawl",
    "웹페이지": "web pages webpages",
    "웹 페이지": "web pages",
    "웹": "web",
    "검색": "retrieval search",
    "검색 증강": "retrieval-augmented RAG",
    "에이전트": "agent agents",
    "멀티모달": "multimodal",
    "다중 모달": "multimodal",
    "옴니모달": "omni-modal omni",
    "옴니 모달": "omni-modal omni",
    "비전": "vision visual",
    "시각": "visual vision",
    "이미지": "image images",
    "비디오": "video",
    "동영상": "video",
    "오디오": "audio",
    "음성": "speech audio",
    "음악": "music",
    "노래": "song music",
    "가사": "lyrics",
    "텍스트": "text",
    "언어 모델": "language model LLM",
    "대형 언어 모델": "large language model LLM",
    "대규모 언어 모델": "large language model LLM",
    "오픈소스": "open-source",
    "오픈 소스": "open-source",
    "생성": "generation generative",
    "이미지 생성": "image generation text-to-image",
    "텍스트-이미지": "text-to-image",
    "확산 모델": "diffusion model",
    "디퓨전": "diffusion",
    "편집": "editing",
    "3D": "3D",
    "수학": "math mathematical",
    "추론 능력": "reasoning",
    "코드": "code",
    "코딩": "coding code",
    # words that end in "코딩" and are not about code: the longer term matches first
    "디코딩": "decoding",
    "인코딩": "encoding",
    "소프트웨어": "software",
    "버그": "bug issue",
    "환각": "hallucination",
    "정렬": "alignment",
    "선호": "preference",
    "선호도": "preference",
    "보상": "reward",
    "보상 모델": "reward model",
    "안전": "safety",
    "안전성": "safety",
    "거부": "refusal refuse",
    "탈옥": "jailbreak",
    "해석": "interpretability",
    "해석 가능성": "interpretability",
    "뉴런": "neurons",
    "파라미터": "parameters",
    "매개변수": "parameters",
    "모델 크기": "model size",
    "소형 모델": "small model",
    "작은 모델": "small model",
    "문화": "cultural culture",
    "일본어": "Japanese",
    "한국어": "Korean",
    "중국어": "Chinese",
    "다국어": "multilingual",
    "번역": "translation",
    "의료": "medical",
    "의학": "medical",
    "추천": "recommendation recommender",
    "추천 시스템": "recommender system recommendation",
    "로봇": "robot robotics",
    "뇌": "brain",
    "뇌 신호": "brain signals",
    "게임": "games",
    "서빙": "serving",
    "스케줄링": "scheduling scheduler",
    "처리량": "throughput",
    "지연": "latency",
    "예측": "prediction forecasting",
    "스케일링": "scaling",
    "검증": "verification verifier",
    "프롬프트": "prompt",
    "질의응답": "question answering",
    "문서": "document",
    "위치": "position",
    "길이": "length",
    "긴 문맥": "long context",
    "문맥": "context",
    "컨텍스트": "context",
    "통계": "statistics statistical",
    "통계학자": "statisticians statistics",
    "단계적으로": "progressively",
    "버리는": "dropping drop",
    "제거": "removal drop",
    "줄였": "reduction reduce",
    "감소": "reduction",
    "향상": "improvement improves",
    "비교": "comparison compare",
    "이미지 편집": "image editing",
    "분류": "classification",
    "객체 탐지": "object detection",
    "인간": "human",
    "사람": "human",
    # application domains and their common tasks
    "법률": "legal law",
    "법적": "legal",
    "금융": "financial finance",
    "시계열": "time series",
    "표 형식": "tabular",
    "테이블": "table tabular",
    "단백질": "protein",
    "분자": "molecule molecular",
    "화학": "chemistry chemical",
    "날씨": "weather",
    "기상": "weather",
    "기후": "climate",
    "연합 학습": "federated learning",
    "연합학습": "federated learning",
    "그래프": "graph",
    "신경망": "neural network",
    "방어": "defense defend",
    "공격": "attack attacks",
    "워터마크": "watermark watermarking",
    "워터마킹": "watermarking watermark",
    "세그멘테이션": "segmentation",
    "깊이 추정": "depth estimation",
    "음성 인식": "speech recognition",
    "음성 합성": "speech synthesis text-to-speech",
    "자율 주행": "autonomous driving",
    "자율주행": "autonomous driving",
    "체스": "chess",
    "가상 피팅": "virtual try-on",
    "초해상도": "super-resolution",
    "이상 탐지": "anomaly detection",
    "개인정보": "privacy",
    "프라이버시": "privacy",
    "편향": "bias",
    "공정성": "fairness",
    # transliterations and compounds people type (the second user battery's kind)
    "가우시안 스플래팅": "gaussian splatting",
    "가우시안": "gaussian",
    "스플래팅": "splatting",
    "롱컨텍스트": "long-context long context",
    "롱 컨텍스트": "long-context long context",
    "스펙큘레이티브": "speculative",
    "추측 디코딩": "speculative decoding",
    "투기적 디코딩": "speculative decoding",
    "맘바": "mamba",
    "리워드": "reward",
    "임베딩": "embedding embeddings",
    "언러닝": "unlearning",
    "머신 언러닝": "machine unlearning",
    "모델 병합": "model merging",
    "로보틱스": "robotics",
    "월드 모델": "world model",
    "비전 언어 모델": "vision-language model VLM",
    "레드팀": "red teaming",
    "코드 생성": "code generation",
    "수학 추론": "mathematical reasoning math",
    "키 밸류 캐시": "KV cache",
    "KV 캐시": "KV cache",
    "토크나이저": "tokenizer",
    "포인트 클라우드": "point cloud",
    "뉴럴 렌더링": "neural rendering",
    "비디오 이해": "video understanding",
    "비디오 생성": "video generation",
    "텍스트 투 이미지": "text-to-image",
    "스케일링 법칙": "scaling laws",
    "합성 데이터": "synthetic data",
    "혼합 전문가": "mixture-of-experts MoE",
    "전문가 혼합": "mixture-of-experts MoE",
    "상태 공간 모델": "state space model SSM",
    "선형 어텐션": "linear attention",
    "희소 어텐션": "sparse attention",
    "로라": "LoRA",
    # transliterations researchers type (two user batteries)
    "할루시네이션": "hallucination",
    "라우터": "router routing",
    "라우팅": "routing router",
    "파운데이션 모델": "foundation model",
    "얼라인먼트": "alignment",
    "리즈닝": "reasoning",
    "체인오브소트": "chain-of-thought",
    "월드모델": "world model",
    "디텍션": "detection",
    "캐시": "cache",
    "합성데이터": "synthetic data",
    "포인트클라우드": "point cloud",
    "검색증강": "retrieval-augmented RAG",
    "모델 머징": "model merging",
    "스파스 오토인코더": "sparse autoencoder SAE",
    "오토인코더": "autoencoder",
    "딥리서치": "deep research",
    "딥 리서치": "deep research",
    "특화": "specialized",
    "휴머노이드": "humanoid",
    "트레이딩": "trading",
    "주식": "stock",
    "샤프 비율": "Sharpe ratio",
    "그로킹": "grokking",
    "테크니컬 리포트": "technical report",
    "테크니컬": "technical",
    "리포트": "report",
    "온디바이스": "on-device",
    "토킹헤드": "talking head",
    "토킹 헤드": "talking head",
    "소형 언어모델": "small language model",
    "소형 언어 모델": "small language model",
    "모션": "motion",
    "모션 생성": "motion generation",
    "사람 모션": "human motion",
    "인간 모션": "human motion",
    # everyday software and tooling words, so that a Korean programming, installation or
    # licensing question is held against the scope examples in English as well
    "파이썬": "python",
    "판다스": "pandas",
    "넘파이": "numpy",
    "파이토치": "pytorch",
    "텐서플로": "tensorflow",
    "텐서플로우": "tensorflow",
    "주피터": "jupyter notebook",
    "도커": "docker",
    "컨테이너": "container",
    "쿠버네티스": "kubernetes",
    "깃허브": "github",
    "드라이버": "driver",
    "설치": "install installation",
    "에러": "error",
    "딕셔너리": "dictionary",
    "리스트": "list",
    "함수": "function",
    "컬럼": "column",
    "업로드": "upload",
    "라이선스": "license",
    "라이센스": "license",
    "노동법": "labor law",
    "해고": "fired dismissal",
}

# English words that a question and a summary use for one claim: "which papers speed up
# attention?" is answered by summaries that write "2.5x faster", "a 9x speedup" or
# "accelerates inference", whose words are not the question's. A topic with one of a
# group's words is also read with each of the others (`alike`).
EN_ALIKE = (("speed", "speedup", "faster", "fast", "accelerate", "acceleration"),)
# and the Korean words a summary writes for each group's claim ("3.1배 빠른"), found in
# sentences only: a question's Korean words are expanded by the list above
KO_ALIKE = (("속도", "가속", "빠른", "빠르게", "빨라", "빨리"),)


def claim_words(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The claim of an `EN_ALIKE` group a question names, in an English word of the group
    or a Korean one the list renders into it ("얼마나 빨라졌어"): the group's index tokens
    and the list's Korean words for it, as a summary may write the claim; empty when it
    names none."""
    asked = set(tokenize(text)) | set(tokenize(english_terms(text)))
    for group, written in zip(EN_ALIKE, KO_ALIKE, strict=True):
        tokens = frozenset(t for w in group for t in tokenize(w))
        if asked & tokens or any(w in text for w in written):
            listed = (w for w, en in KO_EN.items() if set(tokenize(en)) & tokens)
            return tokens, tuple(dict.fromkeys([*written, *listed]))
    return frozenset(), ()


def alike(text: str) -> list[str]:
    """`text` with its words of an `EN_ALIKE` group written as each other word of the group,
    one reading per word ("speed up attention" -> "speedup up attention", "faster up
    attention", ...); [] when it has none."""
    out: list[str] = []
    for group in EN_ALIKE:
        stems = {w: set(tokenize(w)) for w in group}
        for match in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):
            word = set(tokenize(match.group(0).split("-")[0]))
            if not any(word == own for own in stems.values()):
                continue
            for other, own in stems.items():
                if own != word:
                    out.append(f"{text[: match.start()]}{other}{text[match.end() :]}")
            break  # (one word of a group is the claim; the question's others stay)
    return out


_TERMS = sorted(KO_EN, key=len, reverse=True)


def _spaced_loosely(term: str) -> str:
    """A term's pattern with its spaces optional: Korean compounds are written with and
    without them ("언어 모델", "언어모델", "대형언어모델")."""
    return r"\s*".join(re.escape(word) for word in term.split(" "))


_PATTERN = re.compile("|".join(_spaced_loosely(t) for t in _TERMS))
_UNSPACED = {t.replace(" ", ""): t for t in reversed(_TERMS)}  # (the spaced entry wins)


def _entry(written: str) -> str:
    """The list's entry a match of `_PATTERN` is, however it was spaced."""
    return written if written in KO_EN else _UNSPACED[re.sub(r"\s+", "", written)]


def _english(written: str) -> str:
    """The English of a match of `_PATTERN`, however it was spaced."""
    return KO_EN[_entry(written)]


def english_terms(question: str) -> str:
    """The English renderings of the Korean vocabulary in `question`."""
    return " ".join(dict.fromkeys(_english(m.group(0)) for m in _PATTERN.finditer(question)))


_COMPOUNDS = re.compile("|".join(_spaced_loosely(t) for t in _TERMS if " " in t))


def mask_compounds(question: str, placeholder: str) -> str:
    """The question with each vocabulary term of several words ("추천 시스템", "코드 생성")
    replaced by `placeholder`: a topic, whatever its words ask elsewhere ("추천 수", "코드")."""
    return _COMPOUNDS.sub(f" {placeholder} ", question)


def korean_words(question: str) -> set[str]:
    """The Korean words of the vocabulary terms `question` contains ("비전 언어 모델" ->
    비전, 언어, 모델): nouns of the field, whatever their last syllable looks like."""
    return {w for m in _PATTERN.finditer(question) for w in _entry(m.group(0)).split()}


def translate(question: str) -> str:
    """The question with each Korean vocabulary term replaced by its English rendering."""
    return _PATTERN.sub(lambda m: f" {_english(m.group(0))} ", question)


def expand(question: str) -> str:
    """The question plus English equivalents of the Korean ML terms it contains."""
    found = english_terms(question)
    return f"{question} ({found})" if found else question


def korean_terms_for(english_terms: set[str]) -> set[str]:
    """The index tokens of the vocabulary entries whose English rendering has one of
    `english_terms` (index tokens too): the Korean words and the English renderings, as
    the glossary pairs them. "faster" -> 속도 and speed, speedup: to find, in a Korean
    summary or an English one, the sentence that answers an English question."""
    out: set[str] = set()
    for rendered, written in _token_pairs():
        if english_terms & rendered:
            out |= rendered | written
    return out


@lru_cache(maxsize=1)
def _token_pairs() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each entry's English and Korean index tokens, read once (answers read them per paper)."""
    return tuple(
        (frozenset(tokenize(english)), frozenset(tokenize(word))) for word, english in KO_EN.items()
    )


_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")


@lru_cache(maxsize=1)
def _korean_of() -> dict[str, tuple[str, ...]]:
    """English index token -> the list's Korean words whose rendering has it."""
    out: dict[str, list[str]] = {}
    for word, english in KO_EN.items():
        for token in set(tokenize(english)):
            out.setdefault(token, []).append(word)
    return {t: tuple(words) for t, words in out.items()}


@lru_cache(maxsize=1)
def _rendered_alike() -> dict[str, tuple[str, ...]]:
    """English rendering -> the list's Korean words rendered so."""
    out: dict[str, list[str]] = {}
    for word, english in KO_EN.items():
        out.setdefault(english, []).append(word)
    return {english: tuple(words) for english, words in out.items()}


def rendered_alike(english: str) -> tuple[str, ...]:
    """The list's Korean words whose rendering is `english`: synonyms ("사전학습", "사전 훈련"
    for "pretraining pre-training")."""
    return _rendered_alike().get(english, ())


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[str, ...]]:
    """English phrase -> the list's Korean words for it. A Korean word rendered in forms of
    one English word has each ("에이전트": "agent agents"); else the rendering is a phrase
    ("추측 디코딩": "speculative decoding", "월드모델": "world model")."""
    out: dict[str, list[str]] = {}
    for word, english in KO_EN.items():
        forms = english.split()
        # (one word's forms share their start: "agent agents"; else a phrase, "world model")
        alike = " " not in word and len({f[:4] for f in forms}) == 1
        for phrase in forms if alike else [english]:
            if re.fullmatch(r"[a-z0-9][a-z0-9 -]*", phrase):
                out.setdefault(phrase, []).append(word)
    return {phrase: tuple(words) for phrase, words in out.items()}


@lru_cache(maxsize=1)
def _renderings_pattern() -> re.Pattern:
    """Every English phrase of the list, longest first, as an English question writes it
    (a plural too: "speculative decoding methods")."""
    alternatives = "|".join(re.escape(e) for e in sorted(_phrases(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])", re.I | re.A)


def in_korean(question: str, variants: int = 3) -> list[str]:
    """`question` with each phrase the list renders written as its Korean words instead
    ("speculative decoding" -> 추측 디코딩, then 투기적 디코딩): how a paper summarised only
    in Korean writes an English question's topic. One reading per Korean synonym, at most
    `variants`; [] when the question has no such phrase. The list read the other way
    round, as sure as it is: a learned pair is likelier, not certain."""
    found = [m for m in _renderings_pattern().finditer(question)]
    if not found:
        return []
    out = []
    for i in range(variants):
        words = [_phrases()[_rendering(m.group(0))] for m in found]
        if i and all(len(w) <= i for w in words):
            break
        text, end = "", 0
        for m, written in zip(found, words, strict=True):
            text += f"{question[end : m.start()]} {written[min(i, len(written) - 1)]} "
            end = m.end()
        out.append(text + question[end:])
    return out


def _rendering(written: str) -> str:
    """The list's rendering a match of `_renderings_pattern` is, its plural ending aside."""
    lower = written.lower()
    for cut in (lower, lower[:-1], lower[:-2]):
        if cut in _phrases():
            return cut
    raise KeyError(written)


def korean_for_acronym(acronym: str) -> tuple[str, ...]:
    """The list's Korean words whose English rendering writes `acronym` as written, in
    capitals ("SOTA": 최첨단); not a word of it in lower case ("MATH" is no 수학)."""
    return tuple(word for word, english in KO_EN.items() if acronym in english.split())


def korean_of(token: str) -> tuple[str, ...]:
    """The Korean words of an English index token ("speech" -> 음성 ...): how a Korean
    summary may write it."""
    return _korean_of().get(token, ())


class Glossary:
    """The list above, and for the Korean words outside its terms, the archive's own
    renderings (`learned`: Korean word -> English, `bilingual.vocabulary`), a word read by
    the noun it names ("하이퍼네트워크를" -> 하이퍼네트워크: hypernetwork)."""

    def __init__(self, learned: Mapping[str, str] | Vocabulary | None = None):
        self.learned = learned or {}

    def _learned(self, text: str) -> dict[str, str]:
        """Korean word as written -> its learned English, for the words outside the list's terms."""
        out = {}
        for word in _HANGUL_WORD.findall(_PATTERN.sub(" ", text)):
            english = self.learned.get(korean.topical(word))
            if english:
                out[word] = english
        return out

    def learned_terms(self, question: str) -> list[str]:
        """The learned English of the Korean words of `question` outside the list's terms."""
        return list(dict.fromkeys(self._learned(question).values())) if self.learned else []

    def learned_korean(
        self, question: str, keep: Callable[[str], bool] = lambda word: True
    ) -> list[str]:
        """The archive's Korean words for the English words of `question` that it `keep`s
        ("average" -> 평균, "throughput" -> 처리량): how a Korean summary writes what it
        asks."""
        korean = getattr(self.learned, "korean", None)
        if korean is None:
            return []
        words = {w.lower() for w in _LATIN_WORD.findall(question) if keep(w)}
        return list(dict.fromkeys(k for w in sorted(words) if (k := korean(w))))

    def english_terms(self, question: str) -> str:
        """The English renderings of the Korean words of `question`."""
        learned = self._learned(question) if self.learned else {}
        return " ".join(dict.fromkeys([*english_terms(question).split(), *learned.values()]))

    def translate(self, question: str) -> str:
        """The question with each Korean term or learned word replaced by its English."""
        text = translate(question)
        if not self.learned:
            return text
        learned = self._learned(text)
        return _HANGUL_WORD.sub(lambda m: f" {learned.get(m.group(0), m.group(0))} ", text)

    def renderings(self, question: str) -> dict[str, str]:
        """Each Korean term or learned word of `question`, as written -> its English: the
        two ways a summary may write one word ("어텐션" -> attention)."""
        out = {m.group(0): _english(m.group(0)) for m in _PATTERN.finditer(question)}
        return out | (self._learned(question) if self.learned else {})

    def expand(self, question: str) -> str:
        """The question plus the English of its Korean words."""
        found = self.english_terms(question)
        return f"{question} ({found})" if found else question
