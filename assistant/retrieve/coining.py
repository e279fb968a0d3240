"""Whether a sentence of a paper's summary coins a name it writes: the paper's own
method, dataset or module, or a name it only uses (`HybridRetriever.introduced`).

A question "what is X?" about a name no paper of the archive is about is declined with the
papers that mention it (`Router._defined_unowned`); these rules keep a paper's own name
its own, however few times its summary writes it ("This paper introduces ACTalker",
"제안하는 모델, CUT3R(...)", "Decoupled Group Relative Policy Optimization (DeGRPO)"),
and a name written beside another's coining no one's ("introduces BM25S, a variant of
BM25", "SentencePiece 기반 ... 토크나이저를 구축").
"""

from __future__ import annotations

import re

from assistant.understand.slots import cue_pattern

# how near a verb of introducing a name is written to be what a paper introduces
# ("This paper introduces ACTalker", "CUT3R를 제안합니다"), in characters either side
INTRODUCED_NEAR = 40


# a Korean word of coining made a modifier of the noun right before the name it coins
# ("제안하는 모델, CUT3R"; not "제안한 방법은 ImageNet에서": a noun with its particle)
_KO_MODIFIER = re.compile(r"(?:하는|한|된|되는)\s+[가-힣]+(?<![은는을를이가에의도서])\s*[,:]?\s*$")


def _spelt_out(after: str, name: str) -> bool:
    """Whether a name is followed by the words it abbreviates, in brackets: the paper
    coining it ("CUT3R(Continuous Updating Transformer for 3D Reconstruction)")."""
    m = re.match(r"\s*\(([^()]{6,120})\)", after)
    letters = re.sub(r"[^A-Za-z]", "", name).lower()
    if m is None or len(letters) < 3:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", m.group(1))).lower()
    if not initials.startswith(letters[0]):
        return False
    rest = iter(initials)  # its letters in order, as the words' first letters ("3D": no C)
    return all(letter in rest for letter in letters)


def coined_at(sentence: str, m: re.Match, name: str, few: bool) -> bool:
    """Whether the sentence coins the name it writes at `m` (matched in its lower case):
    a word of coining before it in English ("introduces X") or made a modifier of the noun
    before it in Korean ("제안하는 모델, CUT3R"), after it in Korean ("X를 제안"; not
    "VinePPO라는 ... PPO", another name coined), or, of a name `few` papers write, the
    words it abbreviates in brackets after it."""
    low, lowered = sentence.lower(), name.lower()
    verb = cue_pattern("coins_cue")
    before = low[max(0, m.start() - INTRODUCED_NEAR) : m.start()]
    after = low[m.end() : m.end() + INTRODUCED_NEAR]
    if few and (
        _spelt_out(sentence[m.end() :], name)
        or _spelt_before(sentence[: m.start()], name)
        or _NEW_BEFORE.search(before)
        or any(not _coins_another(after[: v.start()], lowered) for v in _BUILDS.finditer(after))
    ):
        # (not "RLHF (Reinforcement Learning from Human Feedback)": dozens spell it out;
        # "the novel PolNLI dataset", "IMAGStyle(210K images)을 구축": a paper's own, when
        # few papers write it)
        return True
    return any(
        (v.group(0).isascii() or _KO_MODIFIER.match(before, v.end()))
        and not _coins_another(before[v.end() :], lowered)
        for v in verb.finditer(before)
    ) or any(
        not v.group(0).isascii()
        and not _coins_another(after[: v.start()], lowered)
        and not _modifies_another(after, v)
        for v in verb.finditer(after)
    )


# a Korean word of coining made a modifier of the noun after it ("제안된 방법", "제안한 모델")
_KO_MODIFIES = re.compile(r"(?:된|한|하는|되는|할)\s+[가-힣A-Za-z]")
# the name as what is coined: its object, what it is called or the topic ("X를 제안한",
# "X라는", "X는 제안된 방법으로")
_KO_OBJECT = re.compile(r"\s*(?:을|를|이라는|라는|이란|란|은|는)(?![가-힣])")


def _modifies_another(after: str, verb: re.Match) -> bool:
    """Whether a Korean word of coining after a name modifies another noun, and the name
    is not its object: "ShapeNet 데이터셋에 대한 실험 결과는 제안된 방법이" coins the method
    (not "CUT3R를 제안한 논문")."""
    return bool(_KO_MODIFIES.match(after, verb.end())) and not _KO_OBJECT.match(after)


# "the novel PolNLI dataset": a name made new by the paper that writes it
_NEW_BEFORE = re.compile(r"\b(?:novel|new)\s*$")
# building one ("IMAGStyle(210K images)을 구축", "HTM ... 블록을 설계")
_BUILDS = re.compile(r"구축|설계|개발")
# a thing built on the name, or with it: "SentencePiece 기반 unigram 토크나이저를 구축",
# "introduces a tokenizer based on SentencePiece"
_BASED_ON = re.compile(
    r"기반|바탕|이용|사용|활용|통해|\b(?:based\s+on|built\s+(?:on|upon)|using|on\s+top\s+of|via)\b"
)
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "a", "an", "to", "in", "with", "via", "on"})


def _spelt_before(before: str, name: str) -> bool:
    """Whether a name written in brackets follows the words its capitals abbreviate:
    "Decoupled Group Relative Policy Optimization (DeGRPO)", "Tree of Problems (ToP)"."""
    capitals = re.sub(r"[^A-Z]", "", name)
    if len(capitals) < 2 or not re.search(r"\(\s*$", before):
        return False
    # (a hyphenated word gives each part's letter: "Scene-Aware Placement Network")
    words = [w for w in re.findall(r"[A-Za-z]\w*", before) if w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0] for w in words[-len(capitals) :]).upper()
    return initials == capitals


def _coins_another(between: str, name: str) -> bool:
    """Whether the words between a name and a word of coining say the coining is of
    something else: a variant named after it ("introduces BM25S, a variant of BM25"; "BM25의
    변형인 BM25S를 소개"), a thing built on it ("SentencePiece 기반 ... 토크나이저를 구축"),
    or the name one of a list ("RMSNorm 및 SwiGLU 등의 개선점을 도입": adopted with others,
    not coined). `between`, `name`: lower-cased."""
    if re.match(r"\s*(?:등|같은)", between) or _BASED_ON.search(between):
        return True
    variant = re.compile(rf"(?<![\w-]){re.escape(name)}[\w-]+|[\w-]+{re.escape(name)}(?![\w-])")
    return bool(variant.search(between))
