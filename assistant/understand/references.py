"""Which papers a question names: arXiv ids here; titles, names and handles in the catalog
(`Catalog.by_title`, `by_short_name`, `by_handle`); "the second one", "those", "그 논문"
through the previous answer's papers (`previous_refs`, `back_pointer`).

This is the one place that knows the words pointing back at the previous answer: the
offline follow-up rewrite (`condense`) and the conversation both read them from here.

Pointers come in two strengths. A *strong* pointer names what it points at ("that paper",
"that setup", "the second one", "those", "그 논문", "두 번째 논문", "그 설정"): a follow-up
with one stays on the previous answer's papers even when it names another model ("How much
did DeepSeek-R1's accuracy drop under that setup?"). A *weak* one is a bare pronoun ("it",
"its", "this", "그것"): it points back only when the question names no subject of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ARXIV_ID = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")

# the subject a follow-up's rewrite names: "(SpargeAttn, arXiv 2502.18137; ...)"
# (a title may have parentheses of its own: "Multimodal Inconsistency Reasoning (MMIR): ...",
# and a semicolon: "The GAN is dead; long live the GAN! ...")
SUBJECT = re.compile(r"\s?\((?:(?:[^()]|\([^()]*\))*?, arXiv \d{4}\.\d{4,5}(?:; )?)+\)")

# ordinals that pick one of the previous answer's papers: (English, Korean)
_ORDINALS = {
    1: ("first|1st|top", r"첫\s*번째|1번|(?:맨\s*)?처음"),  # ("처음 거로 돌아가서")
    2: ("second|2nd|runner[- ]?up", r"두\s*번째|2번"),  # "and the runner-up?": of a ranking
    3: ("third|3rd", r"세\s*번째|3번"),
    4: ("fourth|4th", r"네\s*번째|4번"),
    5: ("fifth|5th", r"다섯\s*번째|5번"),
    6: ("sixth|6th", r"여섯\s*번째|6번"),
    7: ("seventh|7th", r"일곱\s*번째|7번"),
    8: ("eighth|8th", r"여덟\s*번째|8번"),
    9: ("ninth|9th", r"아홉\s*번째|9번"),
    10: ("tenth|10th", r"열\s*번째|10번"),
    -1: ("last", "마지막"),
}
_ORDINAL_NOUNS = r"paper|work|model|method|entry|item|of (them|those)"
_ORDINAL = {
    n: re.compile(
        # "the second one", not "the first paper to use RL" (a question of its own)
        rf"\b(the\s+)?({en})\s+({_ORDINAL_NOUNS})\b(?!\s+(to|that|which|on|about|in|of)\b)"
        # "the first one on GPU": "one" is the answer's, whatever follows but "to"/"that"
        rf"|\b(the\s+)?({en})\s+one\b(?!\s+(to|that|which)\b)"
        # "the second?" alone, but not "the first time", "the last step"
        + (rf"|\bthe\s+({en})\b(?!\s+\w)" if n not in (1, -1) else "")
        + rf"|(?<![가-힣\d])({ko})\s*(논문|것|거|연구|모델)"
        + (
            rf"|(?<![가-힣\d])({ko})(?:은|는|도|의|꺼|거|로)?(?![가-힣])"
            if n not in (1, -1)
            else ""
        )
        # "#2", "no. 2", "number 2", "[2]": the answer's own numbering
        + (rf"|(?<![\w#])(?:#\s*|no\.\s*|number\s+|\[){n}\]?(?![\d.])" if n > 0 else ""),
        re.I,
    )
    for n, (en, ko) in _ORDINALS.items()
}
# the parts of one paper's model or method, which "the two" may count ("the two decoders")
_PARTS = (
    r"(?:decoders|encoders|stages|phases|steps|modules|components|branches|heads|losses|"
    r"layers|parts|towers|streams|passes|rounds|levels|tiers|objectives|rewards|experts)\b"
)
# "those", "both", "그 논문들": every paper of the previous answer, in its order
_PLURAL = re.compile(
    r"\b(those|these|them|both(?!\s+(?:languages|english|korean)\b)|the ones|all of them|each of them|"
    # (not the two parts of one paper: "how big are the two decoders?")
    rf"the (?:two|three)(?!\s+{_PARTS})|these papers|"
    # (not a set its words define: "list the papers in the English digest for <date>")
    r"those papers|the papers(?!\s+(?:in|from|on|of)\s+(?:the\s+|an?\s+)?(?:(?:english|korean)\s+)?"
    r"(?:digests?|archive|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))\b|(?-i:(?<![\w'’])['’]?em\b)"  # "list 'em"
    # (a demonstrative starts its word: "서베이 논문들" is survey papers, not "서베" + these)
    r"|(?<![가-힣])(그|이|위|해당)\s*(논문|모델|연구|방법)들|둘\s*다|두\s*논문|세\s*논문"
    # "걔네", "얘네": they
    r"|(?<![가-힣])(?:걔|얘)네"
    r"|그것들|이것들|(?<!언어 )(?<!언어에 )모두"  # (not "두 언어 모두": both languages)
    r"|(?<![가-힣])(그|이)\s*중(에서|에)?(?![가-힣])|(?<![가-힣])거기(서|에서|에|엔)?(?![가-힣])"
    # "from that list", "아까 목록 중에": the list the previous answer gave
    r"|\b(from|in|on|of) (that|the|this|your) (list|listing)\b"
    # "anything medical in there?", "in that digest": the papers the answer just listed
    r"|\b(in|from|out of) there\b|\b(in|from|of) (that|this) digest\b"
    r"|(?<![가-힣])(아까|위|그|이)\s*(목록|리스트)(\s*중)?(에서|에)?(?![가-힣])"
    # "100표 이상 받은 것만", "2024년 것만": only the ones (of the previous answer)
    r"|(?<![가-힣])(것|거|건)(들)?만(?![가-힣])",
    re.I,
)
# "the Korean digest ones", "just the 3D ones": the previous answer's papers, the words
# between saying which (they stay in the question, a filter or a topic)
_THE_X_ONES = re.compile(r"\bthe\s+(?:[\w-]+\s+){1,3}(?P<ones>ones)\b", re.I)
# "the multi-draft one", "the RL one": the one of them the words describe (not "the one
# that ...", a description of a paper that may be another, nor "the first one to use RL",
# the earliest of the archive; a position, "the third one", is `_ORDINAL`'s)
_THE_X_ONE = re.compile(
    r"\bthe\s+(?!(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|only|next)\b)"
    r"(?:[\w-]+\s+){1,3}one\b(?!\s+(?:of|that|which|who|where|about|to)\b)",
    re.I,
)
_NOUNS = (
    r"paper|model|method|work|approach|framework|dataset|benchmark|system|technique|study|"
    r"setup|setting|experiment|experiments|evaluation|result|results|architecture|one|"
    r"comparison|analysis|ablation|table|test|tests"
)
# words that start a description of the paper meant ("the paper that ...", "that paper
# about ..."): another paper than the one talked about, unless the description is of it
_DESCRIBED = "that|which|where|about|proposing|introducing"
# "the paper", "the model": the previous subject unless the question names its own, or
# describes another ("the paper that compresses KV cache by ...", "the model from ...")
# (and one of its models by its size or variant: "the 72B model", "the distilled model")
_VARIANT = (
    r"(?:\d+(?:\.\d+)?[BMK]|base|instruct|chat|small(?:er|est)?|large(?:r|st)?|big(?:ger|gest)?|"
    r"tiny|mini|flagship|distilled|plus|pro|ultra|nano)\s+"
)
_THE = re.compile(
    rf"\bthe\s+(?:{_VARIANT})?(paper|model|method|work|approach|framework|dataset|benchmark|"
    rf"authors?|proposed \w+)\b(?!\s+(?:{_DESCRIBED})\b)",
    re.I,
)
# "that paper", "this setup", "그 논문", "해당 모델": a pointer that names what it points at
_STRONG = re.compile(
    rf"\b(this|that|the same|the said|said)\s+({_NOUNS})\b(?!\s+(?:{_DESCRIBED})\b)"
    # "the same authors", "같은 저자들": the previous paper's authors
    r"|\b(the same|these|those|its|their)\s+(authors?|team|people|group)\b"
    r"|(?<![가-힣])(같은|동일한?|그|이|해당)\s*(저자|연구진|팀)"
    # (an English term may stand between: "그 instruction tuning 데이터셋")
    r"|(?<![가-힣\d])(그|이|해당|위|앞의|앞)\s*(?:[A-Za-z][\w-]*\s+){0,3}"
    r"(논문|모델|방법|연구|설정|실험|결과|벤치마크|"
    r"데이터셋|프레임워크|기법|시스템|구조)",
    re.I,
)
# "which one ...?", "둘 중 ...?": a choice among the previous papers, or the question's own
_WHICH = re.compile(r"\bwhich (one|of the two)\b|둘\s*중|어느\s*쪽", re.I)


def choice_between(text: str) -> bool:
    """Whether the question asks which of some papers ("which one", "둘 중", "어느 쪽")."""
    return _WHICH.search(text) is not None


# "it", "its", "they", "this": a bare pronoun
_WEAK = re.compile(
    r"\b(it|its|it's|they|their|theirs)\b"
    r"|\b(that|this)\b(?=\s+(was|is|does|did|has|have|get|gets|got|do)\b|\s*[?.!]?\s*$)"
    r"|\b(?:was|are|did|has|is|do|does|were) (that|this)\b"
    r"|그것|이것|그거|이거|그들|(?<![가-힣])(이|그)\s*것",
    re.I,
)
# "and on MMLU?", "what about AIME?": a follow-up that continues the previous subject
_ELLIPTICAL = re.compile(r"^\s*(and|what about|how about|also|그리고|그럼|그러면)\b", re.I)


@dataclass(frozen=True)
class Pointer:
    """Where a question points back: the words, their span, how strongly, and at what."""

    words: str
    start: int
    end: int
    strong: bool
    picks: tuple[int, ...] | None  # indexes into the previous papers; None: all of them
    other: bool = False  # "the other one": the second of [the one talked about, the other]
    # "걔", "얘": the one talked about (a list's first), never the listed paper its words
    # describe best, as a bare "it" may be
    spoken: bool = False
    # "the newer one", "예전 거": of the papers talked about, the newest (1) or the oldest
    # (-1) by digest date, whatever their order in the answer
    by_date: int = 0
    # "the first one", "두 번째는?", "#2": a position written as one, not a pronoun's default
    ordinal: bool = False


# a name written as one example of a kind the question goes on to name, the kind then an
# argument of what the question does with it ("Qwen2.5 같은 텍스트 LLM에 붙여서", "LLaDA나
# Dream 같은 diffusion 언어 모델 써보려는데", "Octo 같은 ... 로봇 정책을 쓰고 있는데"); not
# a kind asked for ("GaLore 같은 방법 뭐 있어?", "TEXGen 같은 논문", "A 같은 거 더 있어?",
# "Qwen2.5-VL 같은 모델 기술 보고서 요약해줘")
_LIKE = re.compile(r"(?:(?:이나|나|,|/)\s?[^\s,.?!]+)?\s?같은\s+")
_KIND_WORDS = 5  # words of the kind, at most, before what is done with it
_ARGUMENT = re.compile(
    r"[가-힣A-Za-z0-9)](?:에서|에|을|를|으로|로|이|가)$"  # a case particle
    r"|(?:는데|려는데|려고|면서|어서|아서|해서|하는|쓰는|써서)$"  # a clause going on
)
_ASKED_FOR = re.compile(r"^(?:논문|연구|거|것|걸|paper|work|뭐|또|더|다른|있|알려|추천|찾|요약)")


def an_example(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether `text` writes a name, where it does (`spans`), only as one example of a
    kind: "Qwen2.5 같은 텍스트 LLM에 붙여서 ... 방법 있어?" asks how to do something with
    such a model, not about the paper of Qwen2.5."""
    return bool(spans) and all(_kind_of(text, end) for _, end in spans)


def _kind_of(text: str, end: int) -> bool:
    """Whether what follows a name at `end` likens it to a kind that is an argument of the
    question's verb (`_LIKE`, `_ARGUMENT`), before any word asking for papers."""
    like = _LIKE.match(text, end)
    if like is None:
        return False
    for word in re.split(r"[\s,.?!]+", text[like.end() :])[:_KIND_WORDS]:
        if _ASKED_FOR.match(word):
            return False
        if _ARGUMENT.search(word):
            return True
    return False


def arxiv_ids(text: str) -> list[str]:
    return list(dict.fromkeys(ARXIV_ID.findall(text)))


def _several(text: str) -> Pointer | None:
    """Two or more of the previous papers by position: "compare the first two", "the
    first and the third", "#1 vs #3", "1위랑 2위", "처음 두 개": the words from the first
    position to the last, picking each in the order written."""
    m = _FIRST_N.search(text)
    if m and _TOP.match(m.group(0)) and _OWN_PAPERS.search(text[: m.start()]):
        m = None  # "what are the hottest agent papers lately? top 3": its own papers' ranking
    if m:
        n = _COUNTS.get((m.group("n") or m.group("ko") or "").lower(), 0)
        if n > 1:
            return Pointer(m.group(0).strip(), m.start(), m.end(), True, tuple(range(n)))
    found = []
    for m in _POSITION.finditer(text):
        word = next(g for g in m.groups() if g)
        index = _POSITIONS.get(word.lower().replace(" ", ""))
        if index is None:
            index = int(re.sub(r"\D", "", word)) - 1
        # positions joined by "and", "vs", ",", "랑": one pointer at several papers
        if found and not _JOINED.fullmatch(text[found[-1][1] : m.start()]):
            break
        found.append((m.start(), m.end(), index))
    picks = tuple(dict.fromkeys(i for _, _, i in found))
    if len(picks) < 2:
        return None
    start, end = found[0][0], found[-1][1]
    return Pointer(text[start:end].strip(), start, end, True, picks)


# how many papers a plural pointer counts: "the two", "both", "둘 다", "the three", "세 논문"
_HOW_MANY = {2: re.compile(r"\b(two|both)\b|둘|두", re.I), 3: re.compile(r"\bthree\b|세", re.I)}


def counted(pointer: Pointer | None) -> int:
    """How many papers a plural pointer says it points at (0: as many as there were):
    "which of the two ...?" after a question about one of them means the two before."""
    if pointer is None or pointer.picks is not None:
        return 0
    return next((n for n, p in _HOW_MANY.items() if p.search(pointer.words)), 0)


# "the other one", "다른 하나는", "나머지 논문은": of two talked about, the one the last
# answer was not about (the conversation puts that one second: `Pointer.other`)
_OTHER = re.compile(
    r"\bthe other (?:one|paper|model|method|work)\b|\bthe other\b(?=\s*[?,.]|\s*$)"
    # (not "다른 논문", other papers: "비슷한 다른 논문 있어?")
    r"|(?<![가-힣])(?:다른\s*(?:하나|한\s*개|한\s*편|쪽)|나머지\s*(?:하나|한\s*개|한\s*편|쪽|논문))"
    r"(?:은|는|도|의|이|가|에서는|에서)?(?![가-힣])",
    re.I,
)


# spoken "that one" ("걔 몇 개 언어 지원한다고 했어?", "얘는 코드 있어?"): the paper talked
# about, the first of a list (a demonstrative, not a pronoun to match against each paper)
_SPOKEN_ONE = re.compile(r"(?<![가-힣])(?:걔|얘)(?:는|가|도|의|를|랑)?(?![가-힣])")
# "둘이 MATH-500 점수 비교하면?", "둘은 뭐가 달라?": the two, with a particle (of a longer
# list, its first two)
_THE_TWO = re.compile(
    r"(?<![가-힣])(?:(?:걔|얘)네\s*둘(?:이|은|의|을)?|둘(?:이|은|의|을|이서))(?![가-힣])"
)


# "the newer one", "the older paper", "예전 거": of those talked about, by date (a comparative:
# "the latest paper on RAG" asks recent work, "the oldest one of them" the earliest of a
# set, which the router reads, ties and all)
_BY_DATE = re.compile(
    r"\bthe\s+(?:(?P<new>newer|later|more recent)|(?P<old>older|earlier))"
    r"\s+(?:one|paper|model|version|work|of\s+(?:the|them|those)(?:\s+two)?)\b"
    r"(?!\s+(?:on|about|in|for|that|which)\b)"  # ("the earlier work on diffusion LLMs")
    # ("최신 논문", "최신 거 몇 개" ask recent papers: a pointer compares, "더 최신 거"; and
    # "예전 논문" may be old papers, "예전 거" is the older one)
    r"|(?<![가-힣])(?:(?P<ko_new>더\s*최신|더\s*최근|나중에\s*나온)|(?P<ko_old>더\s*오래된))"
    r"\s*(?:거|것|논문|모델|버전)(?:은|는|도|의|가|이|랑)?(?![가-힣])(?!\s*(?:있|나왔|없))"
    r"|(?<![가-힣])(?P<ko_old2>예전|옛날)\s*(?:거|것)(?:은|는|도|의|가|이|랑)?(?![가-힣])",
    re.I,
)


def back_pointer(text: str) -> Pointer | None:
    """The question's words that point at the previous answer's papers, if any."""
    if m := _BY_DATE.search(text):
        newest = 1 if m.group("new") or m.group("ko_new") else -1
        return Pointer(m.group(0), m.start(), m.end(), True, (0,), by_date=newest)
    if m := _OTHER.search(text):
        return Pointer(m.group(0).strip(), m.start(), m.end(), True, (1,), other=True)
    if m := _THE_TWO.search(text):
        return Pointer(m.group(0), m.start(), m.end(), True, (0, 1))
    if m := _SPOKEN_ONE.search(text):
        return Pointer(m.group(0), m.start(), m.end(), False, (0,), spoken=True)
    if several := _several(text):
        return several
    for n, pattern in _ORDINAL.items():
        if m := pattern.search(text):
            return Pointer(
                m.group(0).strip(),
                m.start(),
                m.end(),
                True,
                (n - 1 if n > 0 else -1,),
                ordinal=True,
            )
    if m := _PLURAL.search(text):
        return Pointer(m.group(0), m.start(), m.end(), True, None)
    if m := _THE_X_ONES.search(text):  # "the Korean digest ones": those, the words a filter
        return Pointer(m.group("ones"), m.start("ones"), m.end("ones"), True, None)
    if m := _STRONG.search(text):
        return Pointer(m.group(0), m.start(), m.end(), True, (0,))
    if m := _THE_X_ONE.search(text):  # which one, the words say (`condense`: `best_of`)
        return Pointer(m.group(0), m.start(), m.end(), False, (0,))
    if m := _WHICH.search(text):
        # "which one has code?": each of them, unless the question names its own papers
        # ("marigold vs lotus, which one is faster?")
        return Pointer(m.group(0), m.start(), m.end(), False, None)
    m = _RANK.search(text)
    if m and not _RANKING.search(text[: m.start()]):
        # "2위 논문은?": the answer's ranking, if there was one ("인기 1위 논문은?" asks one)
        return Pointer(m.group(0), m.start(), m.end(), False, (int(m.group(1)) - 1,), ordinal=True)
    if m := _THE.search(text) or _WEAK.search(text):
        return Pointer(m.group(0), m.start(), m.end(), False, (0,))
    return None


# each way `_ORDINALS` writes a position, without its spaces -> the index it picks
_POSITIONS = {
    form.replace(r"\s*", ""): n - 1 if n > 0 else -1
    for n, forms in _ORDINALS.items()
    for form in "|".join(forms).split("|")
}
_POSITION = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\b"
    r"|(?<![\w#])#\s*(10|[1-9])(?![\d.])"
    r"|(?<![\d가-힣])((?:10|[1-9])\s*(?:위|번))"
    r"|(?<![가-힣])(첫\s*번째|두\s*번째|세\s*번째|네\s*번째|다섯\s*번째|마지막)",
    re.I,
)
_JOINED = re.compile(
    r"\s*(?:(?:paper|one)s?\s*)?(?:,|and|&|vs\.?|versus|or|with|(?:이)?랑|와|과|하고|및|이나|나)?"
    r"\s*(?:the\s+)?",
    re.I,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "두": 2, "세": 3, "네": 4, "다섯": 5}
_COUNTS |= {str(n): n for n in range(2, 6)}
# "the first two", "top 3 ones", "처음 두 개", "상위 2개" (not "the first two days")
_FIRST_N = re.compile(
    r"\b(?:the\s+)?(?:first|top)\s+(?P<n>two|three|four|five|[2-5])\b"
    r"(?=\s*(?:ones?|papers?|of (?:them|those)|listed|above)?\s*(?:[?.!,]|$|and\b|vs\b|with\b))"
    r"|(?<![가-힣])(?:처음|앞의?|위의?|상위)\s*(?P<ko>두|세|네|다섯|[2-5])\s*(?:개|편|논문|가지)",
    re.I,
)
_RANKING = re.compile(r"(인기|추천|득표|투표|상위|순위|조회)\s*(수\s*)?$")
# a ranking's size ("top 3", "상위 3개") after the papers a question asks about itself
_TOP = re.compile(r"(?:the\s+)?top\b|상위", re.I)
_OWN_PAPERS = re.compile(r"\bpapers\b|논문", re.I)
# a rank ("2위 논문", "3위"): weak, as "인기 1위 논문은?" asks a ranking of its own
_RANK = re.compile(
    r"(?<![\d가-힣])(10|[1-9])\s*위(?:\s*(?:논문|거|것))?(?:은|는|도|의|를|가|랑|와|하고)?(?![가-힣])"
)


def is_elliptical(text: str) -> bool:
    """'and on MMLU?', 'what about AIME?': continues the previous subject."""
    return bool(_ELLIPTICAL.search(text))


def described_by(pointer: Pointer) -> str:
    """The words of a "the <words> one" pointer ("grokking" of "the grokking one"): what
    describes the paper meant, without the asking words around it ("who wrote"); ''
    for any other pointer."""
    if not _THE_X_ONE.fullmatch(pointer.words):
        return ""
    return re.sub(r"^the\s+|\s+one$", "", pointer.words, flags=re.I)


def picked(pointer: Pointer, previous: Sequence[str]) -> list[str]:
    """The previous papers `pointer` picks, in the previous answer's order."""
    if pointer.picks is None:
        return list(previous)
    out = []
    for index in pointer.picks:
        i = index if index >= 0 else len(previous) + index
        if 0 <= i < len(previous):
            out.append(previous[i])
    return out


def previous_refs(text: str, previous: Sequence[str]) -> list[str]:
    """The previous answer's papers the question points back to ([] when it points nowhere)."""
    if not previous:
        return []
    pointer = back_pointer(text)
    return picked(pointer, previous) if pointer else []
