"""Papers likened and compared: whether a question asks for papers like a named one, the
aspect they should share, the two sides of a comparison and which one's figure is higher.

The answer package's own helpers (underscored), read by the router and its siblings.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.extractive import bilingual_terms, figures, stated_figure
from assistant.answer.naming import _written_at, _written_names, _written_words
from assistant.answer.topic import _example_words
from assistant.index.catalog import ARTICLES
from assistant.index.lexical import tokenize
from assistant.types import Paper
from assistant.understand import glossary, intents
from assistant.understand.references import SUBJECT, back_pointer
from assistant.understand.slots import cue_pattern


@cache
def _similar_words() -> frozenset[str]:
    """The words only the "similar" examples ask with, of all examples but other intents'
    ("similar", "resembles", "비슷", "유사", "같은"), as index tokens; not those a way of
    asking for the papers on a topic uses ("추천해줘": "<topic> 논문 추천해줘")."""
    own = _example_words(tokenize)
    papers = {t for asks, text in intents.asks_rows() if asks == "papers" for t in tokenize(text)}
    return frozenset(own["similar"] - own["search"] - papers)


# words that ask for a set of papers, not one answer: "papers", "research", "연구들 전부
# 보여줘", "목록" (a way asked for with them is a list: "환각 탐지하는 방법 연구들 보여줘")
_ASKS_A_SET = re.compile(
    rf"{intents.PAPER_WORD.pattern}|\bresearch\b|\blists?\b|\bshow me\b|연구|목록|리스트"
    r"|보여\s*줘|전부",
    re.I,
)
# a word that says "similar" outright (not "like", "같은", "처럼": "papers that generate
# vector graphics like SVG" gives an example of a topic)
_SIMILAR_TO = re.compile(r"\bsimilar\b|\bresembl\w*|비슷|유사", re.I)
# and one that says it of papers, not of a measure ("화자 유사도": speaker similarity)
_LIKE_IT = re.compile(r"\bsimilar\b|\bresembl\w*|비슷|유사한|유사하|처럼", re.I)
# a name and the words likening papers to it right after it ("StarVector랑 비슷한",
# "CameraCtrl처럼", "TEXGen 같은")
_LIKENED = re.compile(r"\s?(?:이랑|랑|과|와|하고)?\s?(?:비슷|유사한|유사하|처럼|같은)")
# papers asked for as like one: "papers like LLaDA?", "other work like it"
_PAPERS_LIKE = re.compile(r"\b(?:papers?|works?|anything|others?|ones?)\s+(?:else\s+)?like\b", re.I)


def _likens(question: str) -> bool:
    """Whether the question asks for papers like one ("similar to", "비슷한", "처럼",
    "papers like", "또 있어?", "other work"), not "like" as a filler ("for like a dollar")."""
    return bool(
        _LIKE_IT.search(question)
        or _PAPERS_LIKE.search(question)
        or cue_pattern("others_cue").search(question)
    )


def _likened(question: str, names: list[Paper]) -> list[Paper]:
    """The one paper named that the question likens others to ("이미지를 SVG 코드로 바꿔주는
    StarVector랑 비슷한 ... 논문": StarVector, not the paper named SVG), else `names`."""
    likened = [
        p for p in names if any(_LIKENED.match(question, m.end()) for m in _written_at(p, question))
    ]
    return likened if len(likened) == 1 else names


def _likens_figures(question: str) -> bool:
    """Whether a word that likens is next to a figure's ("비슷한 성능", "similar accuracy",
    "performance similar to"): the likeness of results, not of papers."""
    words = question.split()
    for i, word in enumerate(words):
        if set(tokenize(word)) & _similar_words():
            beside = " ".join(words[max(0, i - 1) : i + 2])
            if cue_pattern("figure_cue").search(beside):
                return True
    return False


_VERSUS = re.compile(r"\b(vs\.?|versus)(?=\s)", re.I)  # "DAPO vs Dr. GRPO — ...": two sides
# how two differ in what they are: "what's the difference", "뭐가 달라", "what changed"
_HOW_DIFFERENT = re.compile(
    r"\b(?:differ\w*|difference|chang\w*|distinguish\w*)\b|차이|달라|다른\s*점|바뀌|바뀐", re.I
)
_ASKS_COMPARE = re.compile(r"\b(compare|vs\.?|versus|differ|difference)\b|비교|차이", re.I)
# asked of a choice between papers, a comparative: "which one is cheaper", "어느 쪽이 더 빨라"
_CHOOSES_BY = re.compile(
    r"\b(?:more|less|fewer|better|worse|best|worst|most|least|cheaper|cheapest|faster"
    r"|fastest|slower|higher|highest|lower|lowest|larger|largest|smaller|smallest|bigger"
    r"|biggest|stronger|weaker|longer|shorter|easier|harder|greater|efficient)\b"
    r"|(?<![가-힣])더\s*\S|나아|나은",
    re.I,
)
# a comparison with the version a follow-up names: "better than 2.0?", "2.0보다 나아?"
_COMPARED_TO = re.compile(r"\b(?:than|over|against)\b|보다|대비|에 비해", re.I)
# what changed from one version to the next: the two compared
_CHANGED = re.compile(r"\b(?:chang\w*|improv\w*|better|new in)\b|달라|바뀌|바뀐|나아|개선", re.I)
# "like X": what the question likens to X; other words that ask for similar papers
_LIKE = re.compile(r"\blike\s+(?:the\s+|a\s+)?([\w.+-]+)", re.I)
_ALIKE = re.compile(r"\b(?:similar|related|resembl\w*|vein|same)\b|비슷|유사|닮은|처럼|같은", re.I)
# "other work like X", "anything else like X", "more papers like X": papers like a named one
_OTHER_LIKE = re.compile(
    r"\b(?:other|else|more)\b(?:\s+[\w-]+){0,2}?\s+like\s+(?P<like>[\w.+-]+)", re.I
)
# how much, or set against something: a figure asked, not papers ("몇", "얼마나", "than",
# "보다", "대비")
_ASKS_A_FIGURE = re.compile(
    r"몇|얼마|\bhow\s+(?:many|much|fast|big|large|well|good)\b|\bwhat\s+(?:score|accuracy)\b"
    r"|\b(?:than|versus|vs\.?)\b|보다|대비|에 비해",
    re.I,
)
# what papers do, not a figure asked: "benchmarks that evaluate how well LLMs call tools"
_MEASURE_HOW = re.compile(r"\b(?:evaluat|measur|assess|test|check|benchmark)\w*\s+how\b", re.I)


def _asks_a_figure(question: str) -> bool:
    """Whether the question asks a figure (`_ASKS_A_FIGURE`), not what papers measure."""
    return bool(_ASKS_A_FIGURE.search(_MEASURE_HOW.sub(" ", question)))


# "What other detailed video captioning models are there?", "What other multimodal reward
# models have been published?": others of a kind, asked for;
# so are other papers of a kind, whatever words say which, where the question asks for
# them ("are there other lyrics-to-song generation papers?", a clause opening "Other
# efficient recurrent / linear-RNN language model papers?", "다른 가사 기반 노래 생성 논문
# 있어?"); not others it is set against ("Why does ShadowKV beat other KV cache compression
# methods?", "다른 양자화 방법과 다른 점이 뭐야?")
_WHAT_OTHER = re.compile(
    r"\b(?:what|which|any)\s+other\b(?=[^?.]*\b(?:are\s+there|exist|out\s+there"
    r"|(?:have|has)\s+been\s+(?:published|proposed|released|introduced)"
    r"|were\s+(?:published|proposed|released|introduced))\b)"
    r"|(?:\b(?:are\s+there|is\s+there|any|what|which)\s+|^|(?<=[.;:!?]\s))other\b"
    r"(?=[^?.!;]{0,80}?\b(?:papers|works|methods|approaches|studies)\b)"
    r"|다른(?=[^?.!;]{0,40}?(?:논문|연구|방법)\s*(?:도\s*|은\s*|이\s*)?(?:있|뭐|알려|추천|찾|더|또))",
    re.I,
)


def _others_after(question: str, names: list[Paper]) -> bool:
    """Whether the question asks for other papers after saying what the one paper it names
    before the asking words does ("CMoE turns a dense LLM into an MoE. Other papers that
    build MoEs from dense checkpoints?"; "Mixture-of-Mamba adds ... What else combines
    Mamba with ...?", Mamba part of what is asked): papers like it, not papers on the words
    alone, which it would top."""
    text = SUBJECT.sub(" ", question)
    cue = cue_pattern("others_cue").search(text) or _WHAT_OTHER.search(text)
    if not names or cue is None or _asks_a_figure(question):
        return False  # ("DeepSeek-R1이 다른 모델보다 얼마나 좋아?", "LIMO uses 817 samples;
        # how many did other approaches use?": a figure of it against the others)
    text = question[: cue.start()]
    before = [p for p in names if next(_written_at(p, text, re.I), None)]
    return len(before) == 1 and before[0] is names[0]


_ARTICLE = re.compile(rf"^(?:{'|'.join(ARTICLES)})\s+")  # "the" of "The Leaderboard Illusion"


def _other_like(question: str, names: list[Paper]) -> bool:
    """Whether the question asks for other papers like a paper it names ("other work like
    LLaDA-V", "anything else like TaoAvatar?")."""
    written = _written_names(names)
    own = SUBJECT.sub(" ", question)
    for m in _OTHER_LIKE.finditer(own):
        rest = own[m.start("like") :].lower()
        # the name as a whole, of one word or more ("anything else like The Leaderboard
        # Illusion?"), with its article or without
        for start in (rest, _ARTICLE.sub("", rest, count=1)):
            if any(re.match(rf"{re.escape(w)}(?![\w-])", start) for w in written):
                return True
    return False


def _like_another(question: str, names: list[Paper]) -> bool:
    """Whether the question's only likeness is "like X" where X is a name (capitals or a
    digit in it) of no paper it names: "edge platforms like Jetson", "benchmarks like GPQA"
    give an example; they ask for no papers like one ("like this", "like it", "like
    models for ..." do)."""
    own = SUBJECT.sub(" ", question)
    likes = [m.group(1) for m in _LIKE.finditer(own)]
    if not likes or _ALIKE.search(own):
        return False
    if not all(re.search(r"[A-Z0-9]", like) for like in likes):
        return False
    # (its name without its article: "like The Leaderboard Illusion" likens to it)
    written = {_ARTICLE.sub("", w) for w in _written_names(names)}
    return not any(
        any(w.startswith(like.lower()) or like.lower().startswith(w) for w in written)
        for like in likes
    )


# more of what the paper talked about did: "What else did they find?", "what else does the
# paper show?" (not "What else does one-step SR?": others doing it)
_MORE_OF_IT = re.compile(
    r"\bwhat\s+else\s+(?:did|does|do|can|could|would|is|was)\s+"
    r"(?:they|it|the\s+(?:paper|authors?|study|model|work|team))\b",
    re.I,
)


def _more_of_it(question: str) -> bool:
    """Whether the question asks what else the paper it is about did or found, no word of
    it likening papers ("What else did they find about data access?"): not papers like it,
    which its "what else" alone sounds like."""
    own = SUBJECT.sub(" ", question)
    return (
        bool(_MORE_OF_IT.search(own)) and not _LIKE_IT.search(own) and not _PAPERS_LIKE.search(own)
    )


def _about_the_subject(question: str) -> bool:
    """A follow-up that points back at one paper ("that comparison", "그 설정") and asks
    nothing to be compared: about that paper, whatever other model it names."""
    own = SUBJECT.sub(" ", question)
    pointer = back_pointer(own)
    return (
        bool(SUBJECT.search(question))
        and pointer is not None
        and pointer.picks is not None
        and len(pointer.picks) == 1  # (not "둘이 뭐가 달라?": the two)
        and not _ASKS_COMPARE.search(own)
        and not _WHICH_SIDE.search(own)  # "그거 DeepSeek-R1보다 높아?": the two set apart
    )


def _aspect(paper: Paper, topic: list[str], question: str | None = None) -> str | None:
    """The topic words of a "similar" question that are not the paper's own name (as the
    question writes it): the aspect its similar papers should share ("SwiftEdit-like fast
    editing": fast editing)."""
    own = _written_words(paper, question)

    def its_own(word: str) -> bool:  # "FinBen하고", "테크니컬 리포트랑": the paper's name
        latin = re.findall(r"[a-z0-9][a-z0-9.+-]*", glossary.translate(word).lower())
        return bool(latin) and all(w in own for w in latin)

    # "the BitNet b1.58 2B4T tech report": what the paper is, no aspect of it; nor is
    # how a rival should be ahead of it ("anything faster than A?": papers like A)
    words = cue_pattern("report").sub(" ", " ".join(topic)).split()
    rival = {w for m in cue_pattern("rival_cue").findall(question or "") for w in m.split()}
    if rival:  # (the name it is set against: "NSA보다 나은 거", 보다 glued on)
        words = [re.sub(r"(?<=[A-Za-z0-9])보다$", "", w) for w in words]
    own_name = {n.lower() for n in (paper.name, *paper.aliases) if n}
    return (
        " ".join(
            w for w in words if not its_own(w) and w not in rival and w.lower() not in own_name
        )
        or None
    )


# which of two sides a question asks for: "which ..., A or B?", "A랑 B 중 어느 쪽이 높아?"
_COMPARATIVE = (
    r"\b(higher|bigger|larger|faster|slower|better|worse|more|less|fewer|lower|smaller|"
    r"best|cheaper|shorter|longer)\b"
)
_WHICH_SIDE = re.compile(
    rf"\b(which|whichever|who|who's|whose)\b.*{_COMPARATIVE}|{_COMPARATIVE}.*\b(or|vs\.?|versus)\b"
    rf"|\b(or|vs\.?|versus)\b.*{_COMPARATIVE}"
    r"|어느|누가|중\s*(에|에서)?\s*(뭐|어떤|더)"
    r"|(?:더|보다)\s*(높|낮|빠르|빠른|좋|나은|크|큰|많|적|잘|작|짧|길)",
    re.I,
)
# how a speed is compared when the question names no measure ("which is faster, A or B?")
SPEED_WORDS = "speedup faster speed accelerates 속도 빠르 빨라 가속"  # a speed-up's measure words
_SPEED = re.compile(
    r"\b(faster|slower|quicker|speed\w*)\b|빠르|빠른|빨라|빨리|느린|느려|속도", re.I
)
_LOWER_WINS = re.compile(r"\b(lower|less|fewer|smaller|cheaper|shorter)\b|낮|적은|작은|짧", re.I)


def _verdict(
    question: str,
    aspect: str,
    papers: list[Paper],
    shown: dict[str, list[str]],
    korean: bool,
    unit: str | None = None,
) -> str:
    """For "which is higher / faster, A or B?": each paper's figure on the compared
    measure, as the sentences `shown` of it state it, and which is higher (or lower, when
    asked). Only when every paper states one in the same unit; else it says which gives
    none."""
    terms = set(bilingual_terms(aspect, korean))
    given = frozenset(figures(question))  # "AIME 2024": the question's own numbers
    found = {
        p.arxiv_id: stated_figure(terms, shown[p.arxiv_id], p.name or p.title, given, unit)
        for p in papers
    }
    missing = [p.label for p in papers if found[p.arxiv_id] is None]
    if missing:
        return (
            f"\n\n{', '.join(missing)}의 다이제스트에는 '{aspect}'에 대한 비교할 수치가 없습니다."
            if korean
            else f"\n\nThe digests give no comparable '{aspect}' figure for {', '.join(missing)}."
        )
    units = {found[p.arxiv_id][1] for p in papers}
    # "76.4%" / "84.85점" and a bare "49.5" on one benchmark: one scale
    scores = "pt" in units or all(found[p.arxiv_id][2] <= 100 for p in papers)
    if len(units) == 2 and "" in units and units & {"%", "pt"} and scores:
        units = {"score"}
    stated = ", ".join(  # cited as the lines above number them
        f"{p.label} [{n}] {found[p.arxiv_id][0]}" for n, p in enumerate(papers, start=1)
    )
    if len(units) > 1:
        return (
            f"\n\n다이제스트의 수치: {stated} (단위가 달라 직접 비교할 수 없습니다)."
            if korean
            else f"\n\nAs the digests state them: {stated} (not in the same unit, so not "
            "directly comparable)."
        )
    lower = bool(_LOWER_WINS.search(question))
    pick = min if lower else max
    best = pick(papers, key=lambda p: found[p.arxiv_id][2])
    if korean:
        which = "더 낮습니다" if lower else "더 높습니다"
        return (
            f"\n\n다이제스트의 수치로는 {stated}: {best.label}의 수치가 {which} "
            "(각 다이제스트가 보고한 그대로이며, 실험 설정은 다를 수 있습니다)."
        )
    which = "lower" if lower else "higher"
    return (
        f"\n\nBy the figures the digests state: {stated}, so {best.label} reports the {which} "
        "one (as each digest reports it; their setups may differ)."
    )
