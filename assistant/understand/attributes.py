"""What a question asks of a paper that digests rarely state: its license, price, training
cost, GPUs, funding, venue or regulatory approval (`attributes.jsonl`).

Each attribute has the words a question asks it with ("license", "GPU 몇 장") and the
words a summary that states it would write ("Apache", "H100", "$"). A question naming a
paper and asking only such attributes, none of which that paper's digests write, is
answered by saying so: "how many H100s did they need to train SmolLM2?" is not answered
with SmolLM2's token count. The stated words are generous on purpose: a summary that
writes "cost" anywhere may state the cost, and the question is answered from it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from assistant.understand.sentences import asked_part


@dataclass(frozen=True)
class Attribute:
    name: str
    en: str  # how an answer names it, in English and in Korean
    ko: str
    asks: re.Pattern
    states: re.Pattern
    # stated only with a figure ("H100" with how many); a base model is stated by its name
    figure: bool = True
    # a thing a paper or the asker may build (a demo page), not a measure: asked only as
    # written, a word of its own ("demo가 있는 TTS 논문" asks for papers), and not when
    # the asker is making one ("데모를 만들려는데")
    made: bool = False
    # the words right before it that make it another thing ("human demos": demonstrations)
    not_after: re.Pattern | None = None


def _phrases(words: list[str], glued: bool = True) -> re.Pattern:
    """Any of the words, longest first: a Latin one as whole words, not a part of a
    compound ("earnings-call transcripts", "non-profit": no earnings or profit asked), though
    a Korean particle may be glued on (`glued`: "learning rate랑"); a Korean one anywhere."""
    ordered = sorted(words, key=len, reverse=True)
    after = r"(?![A-Za-z0-9_-])" if glued else r"(?![\w-])"
    return re.compile(
        "|".join(
            rf"(?<![\w-]){re.escape(w)}{after}" if w.isascii() else re.escape(w) for w in ordered
        ),
        re.I,
    )


@cache
def attributes() -> tuple[Attribute, ...]:
    text = resources.files("assistant.understand").joinpath("attributes.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple(
        Attribute(
            r["attribute"],
            r["en"],
            r["ko"],
            _phrases(r["asks"], glued=not r.get("made", False)),
            # (word edges of Latin letters and digits: "2B는", a particle glued on, still
            # ends "2B" as the digests write it)
            re.compile("|".join(r["states"]), re.I | re.ASCII),
            r.get("figure", True),
            r.get("made", False),
            re.compile(rf"(?<![\w-])(?:{'|'.join(r['not_after'])})\s+$", re.I)
            if r.get("not_after")
            else None,
        )
        for r in rows
    )


# what is held equal in a comparison, not asked: "faster than an MoE with the same
# parameter count", "동일한 학습 비용으로"
_HELD = re.compile(r"(?:same|equal|matched|identical|comparable|동일한|같은|비슷한)\s+$", re.I)


# what something changes with, not what is asked: "scale with parameter count", "across
# batch sizes", "파라미터 수에 따라"
_ALONG_BEFORE = re.compile(r"\b(?:with|across|along|versus|vs\.?)\s+(?:the\s+)?$", re.I)
_ALONG_AFTER = re.compile(r"^\s*(?:에\s*따라|에\s*따른|가\s*늘수록|이\s*늘수록|를\s*늘리면)")
# what the asker is making themselves, not asked of a paper: "building a demo for ...",
# "데모를 만들려는데", "가격 페이지 구축 중"
_MAKING_BEFORE = re.compile(
    r"\b(?:build|building|built|make|making|create|creating|ship|shipping)\s+"
    r"(?:(?:a|an|the|my|our|this)\s+)?(?:\w+\s+)?$",
    re.I,
)
_MAKING_AFTER = re.compile(
    r"^\s*(?:을|를)?\s*(?:\S+\s+)?(?:만들(?:려|고\s*있|어야|고\s*싶|까)|만드는\s*중"
    r"|(?:구축|개발|준비)\s*(?:하려|하고\s*있|하는\s*중|중))",
    re.I,
)


SHORT_ASKING = 4  # words of a question after a statement that ask about the statement


def asked(question: str) -> list[Attribute]:
    """The attributes the question asks for (not one it holds equal, nor one something
    changes with, nor a thing the asker is making: "데모를 만들려는데", "building a demo"),
    in the sentences that ask: a statement before them is the asker's setting ("... and GPU
    hours are tight. Which paper ...?", "API costs are killing me. Any way to ...?"); a few
    words after a statement ask about it ("I want to know how many GPUs X used. Do you
    know?", "... 궁금해. 알아?")."""
    asking = asked_part(question)
    question = asking if len(asking.split()) > SHORT_ASKING else question
    return [
        a
        for a in attributes()
        if any(
            not _HELD.search(question[: m.start()])
            and not _ALONG_BEFORE.search(question[: m.start()])
            and not _ALONG_AFTER.search(question[m.end() :])
            and not (a.made and _MAKING_BEFORE.search(question[: m.start()]))
            and not (a.made and _MAKING_AFTER.search(question[m.end() :]))
            and not (a.not_after and a.not_after.search(question[: m.start()]))
            for m in a.asks.finditer(question)
        )
    ]


# a sentence's end, and a figure: what a value stated in it needs
_SENTENCE_END = re.compile(r"(?<=[.!?다])\s+|\n+")
_NUMBER = re.compile(r"\d")


def unstated(question: str, text: str, valued: bool = False) -> list[Attribute]:
    """The attributes the question asks for when `text` (a paper's digests) states none of
    them; [] when it asks none, or the text may state one. One stated by a name (a base
    model) declines nothing: a digest may name it in words no pattern reads ("built on
    LLaMA"), and a title may write the words ("... Beyond the Base Model?"). With `valued`
    (advice on one's own setup: "what learning rate and warmup steps should I use?"), only
    a sentence that writes its words with a number states it: a value to take, not a word
    (LoRA Land's digests state no learning rate, though they write "fine-tuned")."""
    wanted = [a for a in asked(question) if a.figure]
    if not wanted:
        return []
    if valued:
        said = [s for s in _SENTENCE_END.split(text) if _NUMBER.search(s)]
        if any(a.states.search(s) for a in wanted for s in said):
            return []
    elif any(a.states.search(text) for a in wanted):
        return []
    return wanted


def stated_alike(word: str, text: str) -> bool:
    """Whether `text` states the attribute `word` is written for, in its own words: "GPU"
    asked of a summary that writes "642 H100일" (both hardware). The whole word is the
    attribute's: a model with its size ("Qwen2-VL-7B") is no size."""
    return any(
        # (a base model is stated by its own name: "Qwen2.5-VL-7B" is not "Qwen2.5-VL-3B")
        a.figure and a.states.fullmatch(word) and a.states.search(text)
        for a in attributes()
    )
