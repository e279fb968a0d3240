"""Hybrid retrieval: dense (exact cosine) + lexical (BM25), fused by reciprocal rank.

Before fusion, direct routes: an arXiv id, an exact title or a paper's short name
("SpargeAttn") in the question puts that paper first. A "which papers were in the
2024-10-23 digest" question lists that date's papers. Filters (dates, topic, has code)
restrict both sides. One hit per paper, best first.

Every hit carries a calibrated `relevance` in [0, 1]: the larger of the dense cosine
(rescaled) and the lexical term coverage. The relevance gate compares the best hit's
relevance with `Settings.min_relevance`: below it, the assistant refuses.
"""

from __future__ import annotations

import calendar
import itertools
import math
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial

import numpy as np

from assistant.config import Settings
from assistant.errors import DigestError
from assistant.index import korean
from assistant.index.bilingual import Aligned, Learned, Vocabulary
from assistant.index.catalog import ALIAS_PAPERS, GLUED_VERSION, Catalog, norm_title
from assistant.index.derived import norm_words
from assistant.index.hangul import LoanWords
from assistant.index.lexical import STOP, LexicalIndex, tokenize
from assistant.index.store import reaching
from assistant.retrieve.calibration import calibration_for
from assistant.retrieve.coining import coined_at
from assistant.text import (
    HANGUL_RUN,
    TITLE_ACRONYM,
    YEAR,
    english_word,
    fuller_form,
    long_form,
    spelled_out,
    words,
)
from assistant.types import ALIAS_SENTENCES, Filters, Paper
from assistant.understand import attributes, glossary, scope
from assistant.understand.attributes import Attribute
from assistant.understand.dates import DateRange
from assistant.understand.intents import (
    PAPER_WORD,
    asked_not_named,
    asking_text,
    asking_tokens,
    asks_advice,
    asks_concept,
    asks_tokens,
    asks_tutorial,
    base_matcher,
    example_words,
)
from assistant.understand.query import (
    ARXIV_ID,
    CONTRAST,
    QuestionInfo,
    analyse,
    asks_a_set,
    contrasted,
    mask,
    mask_topic,
    strip_slots,
    without_korean_glosses,
)
from assistant.understand.references import SUBJECT, an_example

MONTH_WORDS = {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m} | {"sept"}

# a paper the question names is its subject unless another is clearly more relevant, or
# has clearly more of its words ("what did Qwen3 score on AIME?": Qwen3 at 0.812, a study
# of Qwen3 quantization at 0.814: a tie)
NAME_MARGIN = 0.05
ATTRIBUTE_HITS = 3  # the first hits of a topic search one must state what it asks (`attributes`)
CONCEPT_HITS = 3  # the first hits an absent concept must be missing from (`absent_concept`)
# a word for `absent_concept`: a Latin word (with its hyphens), or a run of anything else
_PAIR_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|[^\sA-Za-z]+")
THEME_LIMIT = 15  # papers a topic question within a date range may list
DATED_GATE = 0.7  # share of min_relevance required within an explicit date range
RRF_K = 60  # the usual reciprocal-rank-fusion constant
LIST_LIMIT = 60  # most papers a date listing returns
SIMILAR_POOL = 50  # nearest papers by vector, and best by words, a paper's similars rank
# what a question calls a paper, after its name ("the SmolLM2 paper", "TinyGSM 논문")
_PAPER = r"(?:paper|technical report|tech report|report|논문|리포트|테크 ?리포트|보고서)\b"
# the verb a question asks its subject with: "how many seconds per scene does VGGT take?"
# asks about VGGT, however many papers write "seconds per scene" ("what did they do to
# SAM 2" or "... built on SAM 2" name it as an object, as context)
_AUXILIARY = r"(?:does|did|do|is|was|can|could|will|would)"  # ("which papers have X": a verb)
# ... or what the question asks is the name's: "what's the on-device latency of VGGT?",
# "VGGT's latency" ("a version of", "on top of", "papers like" name it as context)
_MEASURE_OF = (
    r"(?:what(?: s| is| was| are| were) |how (?:much|many|fast|long)(?: is| was| are)? )the "
    # (a paper, a version or a method of it is another paper: "the version of SAM 2")
    r"(?!(?:[\w-]+ ){0,3}(?:papers?|works?|versions?|variants?|alternatives?|successors?|"
    r"extensions?|follow|methods?|approach(?:es)?|models?)\b)(?:[\w-]+ ){1,4}(?:of|for) "
)
# after the name, what makes it a modifier or a side ("SAM 2 based", "SAM 2 as a backbone")
_AS_CONTEXT = rf"(?:{_PAPER}|based(?! on)|style|like|inspired|as)"
_PRECISION = r"(?:\d+ bit )?"  # "does 8-bit GaLore save ...?" (as the words are normalised)
# A follow-up naming nothing continues the paper talked about when that paper has at least
# this share of the question's words that the best-covering paper has: "how much faster on
# GPU?" after "LLM in a flash" (0.46 of the best) continues it; "how much does speculative
# decoding speed up inference?" after VITA-Audio (0.14) is a new question. Dev follow-ups
# continued with a pointer-free question: 0.41 to 1.0; new questions: below 0.2.
CONTINUES_SHARE = 0.4
ASKED_OF_A_NAME = 6  # topic terms at most beside a name for an attribute to rank nothing
COMMON_SHARE = 0.01  # a word this share of the papers use is no topic of its own in a follow-up
# a word written with two capitals or a digit: "MMLU", "H100", "GPT-4o" (not "Seoul")
_ACRONYM = re.compile(r"(?<![\w.-])(?=[\w.-]*(?:[A-Z][\w.-]*[A-Z]|\d))[A-Za-z][\w.-]*")
# MiniLM cosine of an unrelated question and summary sits around 0.0-0.2, of a related
# one around 0.4-0.7; rescale so 0.15 -> 0 and 0.65 -> 1 before comparing with coverage.
DENSE_FLOOR, DENSE_CEIL = 0.15, 0.65


@dataclass
class Hit:
    paper: Paper
    score: float  # fused score, best first
    relevance: float  # calibrated evidence strength in [0, 1]
    dense: float | None = None  # cosine similarity
    lexical: float | None = None  # term coverage
    via: str = "hybrid"  # hybrid | id | title | name | handle | date

    @property
    def arxiv_id(self) -> str:
        return self.paper.arxiv_id


# a topic of at most this many words is a term, whose word pairs are phrases (`_named_by_phrase`)
PHRASE_WORDS = 3
TERM_WORDS = 4  # a topic of more words describes: `_every_rare_word` leaves it whole
_PHRASE_WORD = re.compile(r"(?<![A-Za-z0-9])[0-9]*[A-Za-z][A-Za-z0-9]*")  # "3D" whole, not "D"
_JOINERS = frozenset(["and", "or", "vs", "versus", "for", "of", "in", "on", "with", "to"])


def _scaled(scores: dict[str, float]) -> dict[str, float]:
    """Scores mapped to 0..1 over their own range (all 1 when they are equal)."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    return {k: (v - low) / (high - low) if high > low else 1.0 for k, v in scores.items()}


def relevance_floor(
    min_relevance: float, dated: bool, words: int = 0, described: float = 0
) -> float:
    """The relevance the best topic hit needs. Within a date range the user chose,
    candidates are few and already on their digests' days, so weaker evidence suffices.
    A question of more than `described` words (0: no such rule) describes its paper at
    length ("the paper that fine-tunes on 1,000 samples and forces longer thinking ..."):
    the share of them any one summary writes shrinks with their number, so the floor
    scales by `described / words`."""
    floor = min_relevance * (DATED_GATE if dated else 1.0)
    return floor * min(1.0, described / words) if described and words else floor


def _not_excluded(info: QuestionInfo, hits: list[Hit]) -> list[Hit]:
    """`hits` without the papers whose name or title has a word the question excludes
    ("LoRA 말고", "other than FlashAttention": `contrasted`)."""
    if not (against := contrasted(info)):
        return hits
    named = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in against), re.I)
    return [h for h in hits if not named.search(h.paper.label)]


def concept_refuses(concept_idf: float, evidence: float, idf: float, floor: float) -> bool:
    """The absent-concept check (`HybridRetriever.absent_concept`): a question whose absent
    pair of words is at least `idf` rare is refused when its best evidence is under `floor`
    (`idf` 0: no check)."""
    return bool(idf) and concept_idf >= idf and evidence < floor


def passes_gate(direct: bool, evidence: float, floor: float) -> bool:
    """The relevance gate: a paper named outright (id, title, name) always passes; topic
    hits pass when the best of them reaches the floor."""
    return direct or evidence >= floor


# a name or an acronym a Korean question writes in English: a capital or a digit after its
# first letter ("MoE", "SLAM", "LoRA", "GPT4o") or digits then a capital ("3DGS", "4D"), not
# a plain word ("tabular", "Gaussian")
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z][a-z0-9.+-]*[A-Z0-9]|[0-9]+[A-Z])[A-Za-z0-9.+-]*"
)
QUERY_VECTORS = 64  # question vectors kept (`_query_vector`)
# a number of three digits or more, written alone or glued to a unit ("512", "512x512")
_OWN_NUMBER = re.compile(r"(?<![\w.,])\d{3,}(?:\.\d+)?(?![\d.,])")  # (not "H100"'s 100)
LONGER_TITLE_HITS = 5  # the first hits searched for a title a named one's is part of
QUOTED_HEAD = 3  # a title's head of this many words, capitalised as written, quotes it
COINED_WRITERS = 3  # papers that may write the words a title begins with, for them to name it
PHRASE_READS = 200  # papers with all those words read to count the writers, at most


def introduces(
    paper: Paper, name: str, few: bool = True, pattern: re.Pattern | None = None
) -> bool:
    """Whether the paper's summaries introduce `name` as theirs: a sentence opening with it
    ("CoSTA* is a cost-sensitive toolpath agent ..."), or it beside a word of coining in one
    sentence ("This paper introduces UniVLA", `coining`); not a model it only uses."""
    pattern = pattern or name_pattern(name)
    for text in paper.summaries().values():
        for sentence in _sentences(text):
            low = sentence.lower()
            if (m := pattern.match(low)) and re.match(r"\W*\s(?:is|are)\s", low[m.end() :]):
                return True
            if any(coined_at(sentence, m, name, few) for m in pattern.finditer(low)):
                return True
    return False


def _singular(word: str) -> str:
    """A Korean noun of two syllables or more written with the plural 들 and a particle
    ("도메인들에서"), without them ("도메인"); any other word as it is."""
    noun = korean.topical(word.strip("?.!,"))
    return noun[:-1] if len(noun) >= 3 and noun.endswith("들") else word


def quoted_in(words: str, question: str) -> bool:
    """Whether the question writes `words` in quotes or brackets, or as a paper's name
    ("'Observational Scaling Laws' 논문은", "the DeepSpeak paper")."""
    at = re.escape(words)
    return bool(
        re.search(rf"['\"‘“(\[]\s*{at}\s*['\"’”)\]]", question)
        or re.search(rf"{at}\s*(?:논문|페이퍼|paper\b|report\b)", question, re.I)
    )


RENDERING_LETTERS = 8  # a rendering's word a paper writes, this long, writes the Korean word
MIN_MISSPELT = 6  # letters of a coined name read as a misspelt written one, at least
MIN_MISSPELT_PAPERS = 3  # papers that write the name it is read as, at least
CONCEPT_SHARE = 0.05  # an English word in more papers than this names no topic of its own
_ENGLISH_WORDS = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
_WORD_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*|[가-힣]+")  # a Latin or a Hangul run
_CHOICE_ITEM = re.compile(r"[A-Za-z][A-Za-z0-9.+'-]*|/|,")  # words, and what joins choices


@dataclass
class Retrieval:
    question: str
    info: QuestionInfo
    hits: list[Hit] = field(default_factory=list)
    relevant: bool = False
    absent: list[str] = field(default_factory=list)  # names asked about that no paper mentions
    floor: float = 0.0  # the relevance a hybrid hit needs to count as evidence
    unknown: float = 0.0  # IDF-weighted share of the question no paper contains
    papers: int = 0  # papers in the archive searched
    dated: bool = False  # an explicit date range narrowed the search (a lower floor)
    words: int = 0  # how many words the question weighs (`LexicalIndex.words_asked`)
    # `gate_all`: papers that pass the gate but are not clearly on the topic (ranked)
    touching: list[Hit] = field(default_factory=list)
    # two adjacent rare words of the question that none of the first hits has, and the
    # lower of their IDFs (`HybridRetriever.absent_concept`)
    concept: tuple[str, str] | None = None
    # `gate_all`: rare words of the topic that no paper of the archive has together
    apart: list[str] = field(default_factory=list)
    concept_idf: float = 0.0
    # it asks advice on one's own setup (`intents.asks_advice`), and its evidence passes
    # the gate's own floor: the advice floor decides
    advice: bool = False
    # what the question asks of the paper it names that its digests never state (a license,
    # GPU hours: `attributes`)
    unstated: list[Attribute] = field(default_factory=list)
    # it asks to be taught a concept, naming no paper (`intents.asks_tutorial`)
    tutorial: bool = False
    # how much nearer the question is to an example of what digests do not answer than to
    # any paper (`HybridRetriever.out_of_scope`; None: not measured), the kind of that
    # example ("code", "textbook", "general": `scope`), and that kind when it refuses
    scope_lead: float | None = None
    scope_kind: str = ""
    out_of_scope: str = ""

    def passing(self) -> list[Hit]:
        """The hits that pass the relevance gate: named papers, listed ones, or strong enough."""
        return [h for h in self.hits if passes_gate(h.via != "hybrid", h.relevance, self.floor)]

    @property
    def filters(self) -> Filters:
        return self.info.filters


_LISTING_FILLER = re.compile(
    r"\b(digests?|appeared|appear|included|listed|published|covered|featured|were|day|date|"
    r"today|latest|recent|this|week|month|titles?)\b|다이제스트|있었던|소개된|나온|모든|목록|"
    r"알려\S*|보여\S*|뭐가|무엇이|있었나요|있나요|있어|날짜|오늘|최신|이번\s*(주|달)",
    re.I,
)


def topical_terms(question: str) -> list[str]:
    """The question's tokens that name a topic (not dates, ids or listing words)."""
    text = ARXIV_ID.sub(" ", _LISTING_FILLER.sub(" ", question))
    return [
        t
        for t in tokenize(text)
        if not re.fullmatch(r"[\d.\-]+|[년월일]", t) and t not in MONTH_WORDS
    ]


# A versioned name: letters and digits in one word ("GPT-6", "InternVL4", "DeepSeek-V4"), or
# a capitalised word and a version number ("Llama 5", "Gemini 3 Ultra"). A question about
# a model the digests never mention has no evidence, however many of its other words match.
_VERSIONED = re.compile(
    r"(?<![A-Za-z0-9.-])(?=[A-Za-z0-9.-]*[A-Za-z])(?=[A-Za-z0-9.-]*[0-9])"
    r"[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*"
    r"|(?<![A-Za-z0-9.-])[A-Z](?:[a-zA-Z]{2,}|(?=-[A-Za-z]))(?:-[A-Za-z]+)*"
    r"(?: [A-Z][a-zA-Z]*)? [vV]?[0-9]{1,2}"
    # (a name goes on after a hyphen: "Magic 1-For-1" is no version 1 of Magic)
    r"(?:\.[0-9]+)?[BbMm]?(?![A-Za-z0-9]|\.[0-9]|-[A-Za-z])"
    # two capitals before a hyphen ("OS-Genesis 2", "UI-TARS 1.5"), with a version of one
    # digit: "MM-Vet 70" is a score on a benchmark
    r"|(?<![A-Za-z0-9.-])[A-Z]{2}(?:-[A-Za-z]+)+ [vV]?[0-9](?:\.[0-9]+)?(?![A-Za-z0-9]|\.[0-9])"
)
# a lower-case family name and a version ("claude 5", "llama 5"): checked against the papers
# ("hunyuan3d 3.0": a family name may have a digit of its own)
_LOWER_VERSIONED = re.compile(
    r"(?<![A-Za-z0-9.-])([a-z][a-z0-9]{3,}) v?(\d{1,2}(?:\.\d)?)(?![A-Za-z0-9.])"
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")  # a topic word in Latin letters
# a coined name, a capital inside a word ("WaveNet", "PaLM-E", "AlphaFold"): a model or
# method's name as its authors write it, checked against the papers like a version
_COINED = re.compile(r"(?<![\w.-])[A-Z][a-z]+[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*(?![\w.-])")
_VARIANT_PART = re.compile(
    r"[A-Z]{1,3}|Tiny|Mini|Small|Base|Large|Huge|Giant|Pro|Plus|Max|Ultra|Nano|Lite|Flash|Turbo"
)
UNWRITTEN_SAID = 3  # names a refusal says no digest mentions, at most
# a word of three capitals or more, a plural "s" aside: "DDT", "LLMs"
_CAPITALS = re.compile(r"(?<![A-Za-z0-9.-])[A-Z][A-Z0-9]{2,}s?(?![A-Za-z0-9.-])")
_VERSION_PART = re.compile(r"[vV]?\d[\d.]*")  # a name's version: "V2", "3.5"
_HYPHENATED = re.compile(r"(?<![\w.-])[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*){1,3}(?![\w.-])")
# a method named like "Chain-of-Thought", "Mixture-of-Depths": capitalised words joined by
# a lower-case one; a name as coined as a single word's capitals make it
_JOINED_NAME = re.compile(
    r"(?<![\w.-])[A-Z][a-z]+(?:-(?:of|in|to|and|for|as|on|by|over|with))-[A-Z][a-z]+(?![\w.-])"
)
# ... or apart, after a word in lower case ("the Chain of Sketch prompting paper"; not a
# sentence's first words, "Pros of LoRA?", nor a longer name's: "Star Attention of")
# (with a capitalised word or two before it: "results of Sparse Mixture of Retrievers")
_APART_NAME = re.compile(
    r"(?<=\s)(?P<before>(?:[A-Z][a-z]+\s){0,2})(?P<core>[A-Z][a-z]+\sof\s[A-Z][a-z]+)(?![\w.-])"
)
# a benchmark's name as people write it, without a version: "terminal-bench", "Arena-Hard"
# is a name (checked against the papers), not the two words it is made of
_BENCHMARK_NAME = re.compile(  # (any script's letters: "τ²-bench")
    r"(?<![\w.-])[^\W\d_][^\W_]*-(?:bench|eval|arena|gym)(?![\w-])", re.I
)
# a kind of work a lower-case "X-eval" or "X-bench" may describe ("code-eval papers")
_KIND_OF_WORK = re.compile(
    r"\s+(?:papers?|works?|studies|methods?|benchmarks?|datasets?|suites?|style|type|kind|"
    r"related|stuff|논문)\b",
    re.I,
)
# a title quoted in a question: "What does 'Toolformer: Language Models Can Teach ...' show?"
_QUOTED = re.compile(r"(?:(?<=\s)|^)[\"'“‘](?P<title>[^\"'“”‘’]{12,300}?)[\"'”’](?=[\s?.,!:;)]|$)")
# a follow-up's pronoun after a list points at the listed paper it describes when that one
# has this share of its words, and this much more than the first listed paper has
DESCRIBED = 0.5
DESCRIBED_MARGIN = 0.25
UNIT_SHARE = 0.002  # a unit asked in a follow-up is written by this share of papers ("fps")
_ASKS_QUANTITY = re.compile(r"몇|얼마|\bhow\s+(?:many|much|fast|long|big|large)\b", re.I)
LOAN_PAPERS = 3  # an English word this many papers write may be read from its Hangul
MODEL_WRITERS = 3  # a model name more papers write is a baseline, not a paper's own model
DESCRIBED_POOL = 5  # papers BM25 ranks first for a description, searched for its subject
TITLE_WORDS = 5  # a quoted phrase of this many words, or with a colon, is a title
TITLE_LIKE = 85  # rapidfuzz ratio at which a quoted title is a stored title misremembered
SHORTENED_OPENING = 2  # words a shortened quoted title opens with as the stored one does
_HOW_MANY = re.compile(r"(?:top|best)-?\d{1,2}", re.I)  # "top3": how many, not a model
# not model names: a quarter or a half of a year ("Q1", "H2"), a lower-case "a-to-b" word
# ("img2img", "seq2seq", "text2video"), a measure at a value under one ("IoU 0.25", "top-p
# 0.9": a threshold, where a version is written "v0.1"), a day of a month ("the 12th"), a
# size or a count made an adjective by a lower-case word ("7B-param", "1M-context")
_NOT_A_NAME = re.compile(
    r"[QqHh][1-4]|[a-z]{2,}2[a-z]{2,}|.+ 0\.[0-9]+|\d{1,2}(?:st|nd|rd|th)"
    r"|\d+(?:\.\d+)?[A-Za-z]{0,2}(?:-[a-z]+)+"
)
# a compound adjective made of a name ("SAM2-based", "o1-preview-level", "GPT-4-class"):
# its name is the model's, the head word only says how the question uses it
_ADJECTIVE_HEAD = re.compile(
    r"-(?:based|level|class|grade|style|like|scale|sized|size|aware|free|only|guided|driven"
    r"|powered|centric|equivalent|compatible|generated|tuned)$",
    re.I,
)
_GLUED = re.compile(r"v?\d+(?:\.\d+)*")  # a version glued to a name: "v2.5", "2"
FAMILY_GLUED = 20  # index words starting with a name, read for its glued versions
_VERSION_TAIL = re.compile(r"(.*[a-z])[ -]?v?(\d+(?:\.\d+)?)")  # "jacolbert 2.5": its version
_BITS = re.compile(r"-?\s?(?:bits?\b|비트)", re.I)  # right after a number: a precision ("4-bit")
# a model's size written apart after its name ("STIV 8.7B"; the digest: "the 8.7B parameter
# STIV model"): its size, no version of it
_SIZE_AFTER = re.compile(r"\s\d+(?:\.\d+)?[BbMm]$")
# right after a name: a chip, not a model ("L40 GPU에서", "Ascend 910B NPUs", "TPU v5e chips")
_HARDWARE = re.compile(r"\s?(?:GPU|NPU|TPU|chip|card|accelerator)s?(?![A-Za-z])", re.I)
# right after a number: a quantity, not a version ("SEAP 50% 프루닝", "OSWorld 50-step",
# "GSM8K 8-shot"); a Korean unit or counter glued to it ("openelm 10억 파라미터",
# "tangoflux 30초짜리"), where a version takes a particle ("Qwen3의", "Phi-4만")
_QUANTITY_AFTER = re.compile(
    r"\s?(?:%|퍼센트|배|x(?![A-Za-z0-9])|-?(?:steps?|shots?|layers?|turns?|hops?|rounds?"
    r"|epochs?|frames?|way)(?![A-Za-z]))"
    r"|(?:억|천|조|초|분|시간|개|년|명|장|번|편|점|단계|층|종|개월|주일|비트|프로)"
    r"|[-~–]\d+(?:\.\d+)?[BbMm](?![A-Za-z0-9])",  # a range of sizes: "a 7-8B model"
    re.I,
)
# words of quantity before a number ("the same 16 evaluation dimensions", "the first 3
# layers"), closed-class words no model family is named by
_QUANTIFYING = frozenset([
    "same", "first", "last", "next", "other", "only", "another", "over", "under", "about",
    "around", "nearly", "almost", "roughly", "least", "most", "past", "previous", "final",
    "initial",
])  # fmt: skip
_ROMAN = re.compile(r"[IVXLC]+")  # a Roman numeral: "Levels I-IV" names no model
# a name, then a participle of what was done with it ("GPT4V-captioned", "R1-distilled";
# not a variant's name: "Phi-4-nano", "DeepSeek-V3-lite")
_WORD_AFTER_NAME = re.compile(r"(.*[A-Z0-9].*?)-([a-z]{2,}ed)")
_FIRST_VERSION = re.compile(r"(.+?)[ -]?[vV]?1(?:\.0)?")  # "Gemma 1", "OmniGen-v1"
_SENTENCE_START = re.compile(
    r"(?:^|[.!?:;)]\s*|\s[-*]\s|\bi+\)\s*)$"
)  # what a sentence opens after
_UNIT = re.compile(
    # a quantity, or a range of them ("7B-30B", "1-2B")
    r"(?:\d+(?:\.\d+)?[kmbt]?-)?\d+(?:\.\d+)?-?(?:[kmbt]|x|ms|s|gb|mb|tb|fps|bit|b|k|d|h|px|p|hz|khz|%)?",
    re.I,
)


def topic_text(question: str) -> str:
    """The question's words that carry a topic, as written: no asking or listing words."""
    words = _LISTING_FILLER.sub(" ", question).split()
    return " ".join(w for w in words if tokenize(w))


def asks_advice_of(question: str, info: QuestionInfo | None = None) -> bool:
    """Whether the question asks advice on one's own setup (`intents.asks_advice`)."""
    return asks_advice(_how_asked(question, info))


def asks_tutorial_of(question: str, info: QuestionInfo | None = None) -> bool:
    """Whether the question asks to be taught a concept (`intents.asks_tutorial`)."""
    return asks_tutorial(_how_asked(question, info))


def asks_concept_of(question: str, info: QuestionInfo | None = None) -> bool:
    """Whether the question asks what a concept is (`intents.asks_concept`)."""
    return asks_concept(_how_asked(question, info))


def _how_asked(question: str, info: QuestionInfo | None) -> str:
    """The question with its topic words (as written, not the words the phrasings ask
    with) as <topic>, its dates and names masked."""
    dates = info.dates if info is not None else DateRange()
    return mask_topic(mask(question, dates), _topic_words(question))


def _topic_words(question: str) -> list[str]:
    """The question's topic words as written, without the words the phrasings ask with."""
    asking = asks_tokens()
    return [w for w in topic_text(question).split() if not set(tokenize(w)) <= asking]


def outranks(named: Hit, others: Sequence[Hit]) -> bool:
    """Whether another paper is clearly more relevant than the one a question names, or more
    relevant with clearly more of its words: the name is context ("SAM 2를 ... 메모리 트리로
    고친 방법": SAM2Long), not the subject; a tie is not ("what did Qwen3 score on AIME?": a
    study of Qwen3 quantization as close)."""
    return any(
        h.relevance > named.relevance + NAME_MARGIN
        or (
            h.relevance > named.relevance
            and (h.lexical or 0.0) > (named.lexical or 0.0) + NAME_MARGIN
        )
        for h in others
    )


# what joins two names asked about together: "A and B", "A, B", "A vs B", "A이랑 B", "A와 B"
_JOINED = re.compile(
    r"\s*(?:,|&|/|\+|and|or|vs\.?|versus|이랑|랑|하고|와|과|및|,?\s*그리고)?\s*", re.I
)


def _term_words(question: str) -> int:
    """How many words of a topic question count as its terms (not asking words)."""
    return sum(1 for w in _CHOICE_ITEM.findall(question) if tokenize(w))


def _best_reading(
    found: dict[int, float], cover: Callable[[str], dict[int, float]], readings: Iterable[str]
) -> dict[int, float]:
    """`found` (term coverage of a question), each paper's best over other readings of it,
    each as good (`cover`: the same coverage of one reading)."""
    for reading in readings:
        alone = cover(reading)
        found = {i: max(c, alone[i]) for i, c in found.items()}
    return found


def _coordinated(question: str, names: dict[str, str]) -> set[str]:
    """The papers (id -> name) whose names the question writes next to another's, joined by
    "and", a comma or a Korean particle: each one a subject, none the other's context."""
    at = []
    for pid, name in names.items():
        if name and (
            m := re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9-])", question, re.I)
        ):
            start, end = m.start(), m.end()
            # a name in brackets after the word the question calls it by ("ALM-bench(All
            # Languages Matter)"): the two are one mention, from that word to the bracket
            if alias := re.search(r"\S+\s*\(\s*$", question[:start]):
                start = alias.start()
                end += len(re.match(r"\s*\)?", question[end:]).group(0))
            at.append((start, end, pid))
    at.sort()
    out: set[str] = set()
    for (_, end, a), (start, _, b) in itertools.pairwise(at):
        if start >= end and _JOINED.fullmatch(question[end:start]):
            out |= {a, b}
    return out


def _best_covered(coverage: dict[str, float], ids: Sequence[str]) -> str:
    """The id with the best coverage, the first of those tied."""
    return max(ids, key=lambda pid: (coverage[pid], -ids.index(pid)))


# a word of two capitals or more, or a capital and a digit ("MEC-B", "PPO-M", "T5"; a
# Korean particle may be glued on: "HG-DPO처럼")
CAPITALISED = re.compile(
    r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z][A-Za-z0-9_-]*[A-Z0-9])"
    r"[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9](?![A-Za-z0-9_-])"
)
# a term of two to four capitalised words ("Knowledge Plausibility", "Gain Beyond RAG")
OWN_NAME_LETTERS = 3  # a shorter acronym ("LN", "RL") stands for too much to be a paper's
_TERM = re.compile(r"(?<![A-Za-z0-9_-])[A-Z][a-z]+(?:[ -][A-Z][A-Za-z]+){1,3}(?![A-Za-z0-9_-])")


def _most_written(writers: dict[str, int]) -> str | None:
    """The id that writes a name most often, the best ranked of those tied."""
    return max(writers, key=writers.__getitem__, default=None)


def coined_names(question: str) -> list[str]:
    """The model or method names a question writes: with a version ("Qwen2.5-Math") or
    coined, a capital inside a word ("UnifiedReward")."""
    return list(dict.fromkeys(versioned_names(question) + _COINED.findall(question[:2000])))


def versioned_names(question: str) -> list[str]:
    """Model names with a version the question mentions (not dates, sizes or figures), as
    named: without the head of a compound adjective ("SAM2-based" names SAM2)."""
    out = []
    for match in _VERSIONED.finditer(question[:2000]):
        if _BITS.match(question, match.end()):
            continue  # "OpenVLA-OFT 4-bit": a model at a precision, no version of it
        if _HARDWARE.match(question, match.end()):
            continue  # "L40 GPU": the hardware a figure was measured on, no model
        if _QUANTITY_AFTER.match(question, match.end()):
            continue  # "SEAP 50% 프루닝": a name and a quantity, no version
        name = _ADJECTIVE_HEAD.sub("", match.group(0))
        if _SIZE_AFTER.search(name):
            name = _SIZE_AFTER.sub("", name)  # "STIV 8.7B" is STIV, at a size
            if not re.search(r"\d", name):
                continue  # a name without a version: no versioned name
        first = name.split(" ", 1)[0].lower()
        if (
            len(name.split()) > 2
            and not question[: match.start()].strip(" \"'(").rstrip(".?!")
            and (first in example_words() or first in STOP)
        ):
            # "Compare Gemini 3 ...": a question's first word is capitalised by grammar
            # (an asking word; "Depth Anything V3" begins with its name)
            name = name.split(" ", 1)[1]
        words = name.lower().split()
        if (
            _UNIT.fullmatch(name)
            or _HOW_MANY.fullmatch(name)
            or _NOT_A_NAME.fullmatch(name)
            or MONTH_WORDS & set(words)
            or ARXIV_ID.fullmatch(name)
        ):
            continue
        out.append(name)
    return out


def _most_first(counts: dict[str, int]) -> list[str]:
    """The papers of `counts` (times each writes a name), most first (stable: the better
    ranked first where they tie)."""
    return sorted(counts, key=lambda pid: -counts[pid])


def dense_relevance(cosine: float) -> float:
    return min(1.0, max(0.0, (cosine - DENSE_FLOOR) / (DENSE_CEIL - DENSE_FLOOR)))


def unseen_weight(papers: int, rate: float) -> float:
    """How much it says that no paper of an archive of `papers` has a word: the chance that
    a word on the archive's topics, found in a `rate` share of papers, would be in one.
    A word missing from five digests says little; from eight thousand papers, much."""
    return 1.0 - math.exp(-papers * rate)


def evidence(cosine: float, coverage: float, unknown: float, penalty: float) -> float:
    """A hit's relevance: the larger of its rescaled dense cosine and its term coverage,
    discounted by `(1 - unknown) ** penalty`.

    `unknown` is the (weighted, `unseen_weight`) share of the question that no paper in
    the archive contains (`LexicalIndex.unknown_share`): "earthquake early warning from
    seismic waveforms" is near a forecasting paper in the embedding, and "trade
    cryptocurrency with LLM sentiment analysis" covers most words of an alignment paper,
    but the word that makes each a topic is in no paper at all.
    """
    return max(dense_relevance(cosine), coverage) * (1.0 - unknown) ** penalty


# what joins the choices of a topic: "or", "/", ",", 또는, 혹은, and the particle (이)나 glued
# on a Latin word or a number ("Speech나 TTS", "GPT-4o나 Claude")
CHOICE = re.compile(r"\bor\b|/|,|또는|혹은|(?<=[A-Za-z0-9])(?:이나|나)(?![가-힣])", re.I)
MAX_CHOICES = 8  # readings of a topic with choices ("A or B C or D": four), at most


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentences(text: str) -> list[str]:
    """A summary's sentences (its lines, split after each full stop)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


_VERSION_APART = re.compile(r"(?<=[a-z]{3})(?=\d+(?: \d+)?$)")  # where "sageattention2" splits


def _lead(text: str) -> list[str]:
    """A summary's opening sentences, where it says what its paper is about."""
    return _sentences(text)[:ALIAS_SENTENCES]


def choices(text: str) -> list[str]:
    """The readings of a topic that joins words by "or" ("/", ",", 또는), one word of each
    choice in each: "GUI or computer-use agent" is "GUI agent" or "computer-use agent".
    A paper that has one reading's words has the topic. [] when the text has no choice."""
    slots: list[list[str]] = []
    joined = False
    for word in CHOICE.sub(" | ", text).split():
        if word == "|":
            joined = bool(slots)
            continue
        if joined:
            slots[-1].append(word)
        else:
            slots.append([word])
        joined = False
    if all(len(slot) == 1 for slot in slots):
        return []
    return [" ".join(c) for c in itertools.islice(itertools.product(*slots), MAX_CHOICES)]


_O_OR_ZERO = re.compile(r"(?<=[-\s])[o0](?=\d)")  # "-o1" / "-01"


def name_pattern(name: str, suffixed: bool = False) -> re.Pattern:
    """`name` as a paper's lower-cased text may write it: '-' and ' ' alike, or joined; not
    inside a longer name ("xLlama 4", "Llama 4.1"), but after a prefix's hyphen ("pre-Llama
    4 release", "non-GPT-4 models") or before a model size ("ThinkLite-VL-7B"). `suffixed`:
    a family and version typed in lower case ("flux 1", "magic 1") is also written with a '.'
    and a variant's suffix ("FLUX.1-dev", "Magic 1-For-1"), still not as another version
    ("llama 3" is not "llama 3.1")."""
    forms = {name.lower(), name.lower().replace("-", " "), name.lower().replace(" ", "-")}
    forms.add(name.lower().replace(" ", ""))
    # an "o" before a version's digits is often written as a zero, and the other way:
    # "Marco-o1-7B" is "Marco-01-7B" in its digest, "SALMONN-o1" "SALMONN-01"
    forms |= {_O_OR_ZERO.sub(lambda m: "0" if m.group(0) == "o" else "o", f) for f in forms}
    # a version is written with or without its "v": "JaColBERT 2.5" is "JaColBERTv2.5"
    if m := _VERSION_TAIL.fullmatch(name.lower()):
        head, number = m.group(1), m.group(2)
        forms |= {f"{head}{sep}{v}{number}" for sep in ("", " ", "-") for v in ("", "v")}
    if suffixed:
        forms.add(name.lower().replace(" ", "."))
        after = r"(?![0-9]|\.[1-9]|\.0[0-9])"  # "seedream 3" is "Seedream 3.0"
        return re.compile(
            "|".join(rf"(?<![A-Za-z0-9.-]){re.escape(f)}{after}" for f in sorted(forms))
        )
    before = (
        r"(?<![A-Za-z0-9.])"
        if name[:1].isdigit()
        else r"(?:(?<![A-Za-z0-9.-])|(?<=\bpre-)|(?<=\bnon-)|(?<=\bpost-))"
    )
    # not inside a longer name, but with a model size after it ("ThinkLite-VL-7B": a
    # size of ThinkLite-VL)
    after = r"(?![A-Za-z0-9]|\.[A-Za-z0-9]|-(?!\d+(?:\.\d+)?[bm]\b)[A-Za-z0-9])"
    return re.compile("|".join(rf"{before}{re.escape(f)}{after}" for f in sorted(forms)))


def _inflected(word: str) -> str:
    """A word of a term as a pattern for its forms: the word, or its family when it ends in
    an agent or action suffix ("recommendation systems" is written "recommender systems",
    "tokenizer" "tokenization"; not "tokens": no Snowball stem, which folds "tokenizer" into
    "token")."""
    base = word[:-1] if word.endswith("s") and len(word) > 4 else word
    for suffix in _FAMILY_SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= FAMILY_STEM:
            return rf"{re.escape(base[: -len(suffix)])}\w{{0,6}}"
    return rf"{re.escape(base)}\w{{0,3}}"


_FAMILY_SUFFIXES = ("ation", "ator", "ion", "ing", "er", "or")  # longest first
FAMILY_STEM = 4  # a shorter stem begins too many other words


# an acronym and the words it stands for, either in brackets: "MPO(Mixed Preference
# Optimization)", "Mixed Preference Optimization (MPO)"
_GLOSS_AFTER = re.compile(r"(?<![\w-])([A-Z][\w.+-]{1,15})\s*\(([A-Za-z][A-Za-z0-9 -]{5,80})\)")
_GLOSS_BEFORE = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,9}[A-Za-z][\w-]*)\s*\(([A-Z][\w.+-]{1,15})\)")


def _glosses(question: str) -> list[tuple[str, str]]:
    """(acronym, the words it stands for) of each gloss the question writes, the words by
    `long_form` (Schwartz and Hearst's matching of the acronym's letters)."""
    pairs = [(m[1], m[2]) for m in _GLOSS_AFTER.finditer(question)]
    pairs += [(m[2], m[1]) for m in _GLOSS_BEFORE.finditer(question)]
    return [(short, long) for short, text in pairs if (long := long_form(short, text.strip()))]


def _abbreviates(name: str, question: str) -> bool:
    """Whether `name`'s capitals are the initials of words the question writes in a row,
    with the same version after them, if it has one ("DA-V2" after "depth anything v2";
    not "DA-V3" there, nor "GT-5" after "give tables"): an abbreviation it spells out."""
    parts = [p for p in re.split(r"[-\s]", name) if p]
    versions = [p.lower().lstrip("v") for p in parts if _VERSION_PART.fullmatch(p)]
    letters = [p for p in parts if not _VERSION_PART.fullmatch(p)]
    capitals = "".join(letters).lower()
    if len(capitals) < 2 or not all(p.isupper() for p in letters):
        return False  # (only a name of capitals: "DA", not "FooNet")
    words = re.findall(r"[A-Za-z0-9.]+", question)
    n = len(capitals)
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if "".join(w[0] for w in run).lower() != capitals or " ".join(run) == name:
            continue
        after = words[i + n].lower().lstrip("v") if i + n < len(words) else ""
        if not versions or after == versions[0]:
            return True
    return False


class HybridRetriever:
    """Retrieves papers for a question from the catalog and its derived indexes.

    Everything it reads was derived from Chroma at ingest time (`assistant.index.derived`):
    the catalog, the BM25 postings and a copy of the vectors, so a question needs neither
    chromadb nor a rebuilt index.
    """

    def __init__(self, settings: Settings, catalog: Catalog, embedder):
        self.settings = settings
        self.catalog = catalog
        self.ids = catalog.ids
        self._pos = catalog.position
        self.lexical = LexicalIndex(catalog.derived, size=len(self.ids), asking=asking_tokens())
        self.embedder = embedder
        self._latest = catalog.latest_date()
        self._oldest = catalog.oldest_date()
        self._digests = catalog.dates()
        self.calibration = calibration_for(getattr(embedder, "embedder_id", ""))
        # the same text is embedded once: the gate's scope check reads the vector the
        # search made (a cache of this retriever's own, which a refreshed one drops)
        self._query_vector = lru_cache(maxsize=QUERY_VECTORS)(self._embed_query)

    @property
    def min_relevance(self) -> float:
        """The relevance gate: the setting when given, else the embedder's calibrated one."""
        if self.settings.min_relevance is not None:
            return self.settings.min_relevance
        return self.calibration.min_relevance

    # -- the two retrievers ---------------------------------------------------------

    def dense(self, question: str, n: int, allowed: set[str] | None = None) -> dict[str, float]:
        """arXiv id -> cosine similarity of the question's vector, best `n`.

        An exact search over the papers' unit vectors (all, or the `allowed` ones the
        filters leave), read once from the derived index: at 100k papers one matrix
        product is ~15 ms, exact where Chroma's HNSW index is approximate, and needs no
        chromadb in the process (importing it took longer than a whole answer).
        """
        return self._exact(self._query_vector(question), allowed, n)

    def _embed_query(self, text: str) -> list[float]:
        """The embedder's vector of a question (kept by `_query_vector`)."""
        with reaching(self.settings):
            return self.embedder.get_query_embedding(text)

    @cached_property
    def _scope_examples(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """The unit vectors of the questions digests do not answer (`scope`), and their kinds."""
        with reaching(self.settings):
            matrix = scope.stored_vectors(self.settings, self.embedder)
        return matrix, tuple(kind for kind, _ in scope.examples())

    def out_of_scope(
        self, text: str, korean: bool, nearest: float | None = None
    ) -> tuple[str, float] | None:
        """The kind of the example question digests do not answer (`scope`) nearest the
        question, and how much nearer (cosine) it is than the nearest paper of the archive
        (`nearest`, when the search over the whole archive already has it); None for a
        question with no English topic word to compare. A Korean question is compared by
        its English words: its Latin ones and the glossary's renderings, which `text` (as
        `retrieve` expands it) carries."""
        english = " ".join(_ENGLISH_WORDS.findall(text)) if korean else text
        if not self._vectors.size or not topical_terms(english):
            return None
        vector = np.asarray(self._query_vector(english), np.float32)
        vector /= np.linalg.norm(vector) or 1.0
        examples, kinds = self._scope_examples
        near = examples @ vector
        best = int(near.argmax())
        if korean or nearest is None:  # (a Korean question's English words: not searched)
            nearest = max(self._exact(vector.tolist(), None, 1).values())
        return kinds[best], float(near[best]) - nearest

    @cached_property
    def glossary(self) -> glossary.Glossary:
        """The hand-made glossary with the archive's own renderings (`bilingual`): the
        English its Korean summaries write in brackets, then the words its papers summarised
        in both languages share."""
        if self.catalog.derived is None:
            return glossary.Glossary()
        return glossary.Glossary(Learned(self._bracketed, self.aligned, self._loanwords))

    @cached_property
    def _loanwords(self) -> LoanWords:
        """English words of the papers written in Hangul ("매니퓰레이션": manipulation)."""
        return LoanWords(w for w, _ in self.catalog.derived.plain_words(LOAN_PAPERS))

    @cached_property
    def glossary_written(self) -> glossary.Glossary:
        """The hand-made glossary with the English the Korean summaries write in brackets
        only: renderings a topic's set requires of every paper (`_every_concept`). Those
        read from shared papers are likelier, not certain ("합성" is "synthetic" there, and
        "음성 합성" speech synthesis), so they widen a search but narrow no set."""
        if self.catalog.derived is None:
            return glossary.Glossary()
        return glossary.Glossary(self._bracketed)

    @cached_property
    def _bracketed(self) -> Vocabulary:
        """The English the Korean summaries write in brackets beside their words."""
        papers_with = lambda word: self.lexical.with_all(tokenize(word)).size  # noqa: E731
        return Vocabulary(self.catalog.derived.renderings(), papers_with)

    @cached_property
    def aligned(self) -> Aligned | None:
        """The words the papers summarised in both languages share (`bilingual.Aligned`)."""
        if self.catalog.derived is None:
            return None
        return Aligned(self.catalog.derived, self._asks_with)

    def _asks_with(self, word: str) -> bool:
        """A word questions ask with: a Korean one written in an example phrasing ("요약");
        an English one whose index tokens are all the phrasings' ("summarize")."""
        if HANGUL_RUN.fullmatch(word):
            return word in asking_text()
        return set(tokenize(word)) <= self.lexical.asking

    def korean_words(self, question: str) -> list[str]:
        """The Korean words the archive writes for an English question's words ("throughput"
        처리량), for BM25: a paper summarised only in Korean has them."""
        return self.glossary.learned_korean(
            question, keep=lambda w: bool(tokenize(w)) and not self._asks_with(w)
        )

    @cached_property
    def _vectors(self) -> np.ndarray:
        """Every paper's unit vector, in catalog order: read once, on the first search."""
        derived = self.catalog.derived
        matrix = derived.vectors(self.catalog.state) if derived is not None else None
        if matrix is None or not matrix.size:
            return np.zeros((0, 0), dtype=np.float32)
        return matrix[: len(self.ids)]

    def neighbours(
        self, arxiv_id: str, n: int, among: set[str] | None = None
    ) -> dict[str, float] | None:
        """arXiv id -> cosine to this paper's stored vector, best `n` (itself included),
        of the whole archive or of the papers `among`."""
        pos = self._pos.get(arxiv_id)
        if pos is None or not self._vectors.size or not self._vectors[pos].any():
            return None
        return self._exact(self._vectors[pos].tolist(), among, n)

    def lexical_neighbours(
        self, arxiv_id: str, n: int, among: set[str] | None = None
    ) -> dict[str, float]:
        """arXiv id -> BM25 of its text for this paper's title and summaries (every language:
        a Korean summary's English terms count too), best `n` others with any, of the whole
        archive or of the papers `among`."""
        paper = self.catalog.papers.get(arxiv_id)
        if paper is None:
            return {}
        text = " ".join([paper.title, *(summary for _, summary in paper.summary_texts())])
        scores = self.lexical.scores(text)
        if (pos := self._pos.get(arxiv_id)) is not None:
            scores[pos] = 0.0
        if among is not None:
            keep = np.zeros_like(scores)
            idx = [self._pos[p] for p in among if p in self._pos]
            keep[idx] = scores[idx]
            scores = keep
        best = np.argsort(-scores, kind="stable")[:n]
        return {self.ids[i]: float(scores[i]) for i in best if scores[i] > 0}

    def similar(
        self, arxiv_id: str, n: int, among: set[str] | None = None, pool: int = SIMILAR_POOL
    ) -> dict[str, float] | None:
        """arXiv id -> cosine to this paper's stored vector of the `n` papers most like it
        (itself left out): the nearest `pool` by vector and the best `pool` by BM25 of its
        own text, each scaled to 0..1 over its pool and added, the BM25 side weighed by the
        embedder's `similar_lexical` (0: the vector's neighbours alone). The words catch
        what a small embedder misses ("virtual try-on" papers for FitDiT), the vector what
        papers write in other words. None when the store has no vector for it."""
        dense = self.neighbours(arxiv_id, pool + 1, among)
        if dense is None:
            return None
        dense.pop(arxiv_id, None)
        weight = self.calibration.similar_lexical
        words = self.lexical_neighbours(arxiv_id, pool, among) if weight else {}
        fused = _scaled(dense)
        for pid, score in _scaled(words).items():
            fused[pid] = fused.get(pid, 0.0) + weight * score
        best = sorted(fused, key=lambda pid: -fused[pid])[:n]
        cosines = dense | (self.neighbours(arxiv_id, len(best) + 1, set(best) - set(dense)) or {})
        return {pid: cosines[pid] for pid in best}

    def _exact(self, vector: list[float], allowed: set[str] | None, n: int) -> dict[str, float]:
        if not self._vectors.size:
            return {}
        query = np.asarray(vector, dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        if allowed is None:
            idx = None
            cosines = self._vectors @ query
        else:
            idx = np.fromiter((self._pos[p] for p in allowed if p in self._pos), dtype=np.int64)
            if not idx.size:
                return {}
            cosines = self._vectors[idx] @ query
        if n < cosines.size:
            top = np.argpartition(-cosines, n)[:n]
            best = top[np.argsort(-cosines[top], kind="stable")]
        else:
            best = np.argsort(-cosines, kind="stable")
        rows = best if idx is None else idx[best]
        return {self.ids[r]: float(cosines[b]) for r, b in zip(rows, best, strict=True)}

    def lexical_scores(
        self, question: str, allowed: set[str] | None, n: int, words: Sequence[str] = ()
    ) -> dict[str, float]:
        scores = self.lexical.scores(question, words)
        order = scores.argsort()[::-1]
        out = {}
        for i in order:
            if scores[i] <= 0 or len(out) >= n:
                break
            pid = self.ids[i]
            if allowed is None or pid in allowed:
                out[pid] = float(scores[i])
        return out

    # -- the whole retrieval ----------------------------------------------------------

    def allowed(self, filters: Filters) -> set[str] | None:
        if not filters:
            return None
        ok = set(self.catalog.on_dates(filters.since, filters.until))
        if filters.topic:
            ok &= self.catalog.with_tag(filters.topic)
        if filters.has_code:
            ok &= self.catalog.with_code()
        return ok

    def resolve_topic(self, filters: Filters) -> Filters:
        if not filters.topic:
            return filters
        tag = self.catalog.tag_named(filters.topic)
        if tag is None:
            known = ", ".join(t for t, _ in self.catalog.tags().most_common(12))
            raise DigestError(f"unknown topic {filters.topic!r}; most common topics: {known}")
        return Filters(filters.since, filters.until, tag, filters.has_code)

    def _about_in_title(self, question: str, hits: Sequence[Hit]) -> bool:
        """Whether a paper of `hits` has all of the question's topic words in its title (a
        Korean one's in English, as the glossary renders them: titles are English); true
        as well when the question has no such word to look for."""
        words = " ".join(_topic_words(question))
        latin = set(tokenize(HANGUL_RUN.sub(" ", words)))
        english = set(tokenize(self.glossary.english_terms(words)))
        wanted = (latin | english) - asks_tokens() - STOP
        return not wanted or any(wanted <= set(tokenize(h.paper.title)) for h in hits)

    def _share_of(self, part: str, question: str) -> float:
        """How much of the question's information `part` of it carries: its words' weights
        over the question's, a word weighing as its rarest index token (a Korean word is
        several: "옵티마이저" weighs once), a token no paper has as the rarest of all."""
        idf = self.lexical.postings_idf(tokenize(question))
        rarest = self.lexical.max_idf

        def weight(text: str) -> float:
            return sum(
                max(idf.get(t, rarest) for t in tokens)
                for word in set(text.split())
                if (tokens := tokenize(word))
            )

        total = weight(question)
        return weight(part) / total if total else 0.0

    def retrieve(
        self, question: str, filters: Filters | None = None, k: int | None = None
    ) -> Retrieval:
        k = k or self.settings.top_k
        filters = self.resolve_topic(filters or Filters())
        info = analyse(question, filters, self._latest, self._oldest, self._digests)
        if (info.filters.since or info.filters.until or info.asks_set) and topical_terms(question):
            # a topic within dates, or papers asked for as a set ("papers that use sparse
            # attention for video diffusion"): the set, ranked whole
            k = max(k, THEME_LIMIT)
        result = Retrieval(question, info)
        if not self.ids:
            return result
        allowed = self.allowed(info.filters)
        n = self.settings.candidates

        # Korean questions: add English terms for Korean ML words (the embedder is
        # English-only), and rank once more on their Latin identifiers alone, so that
        # "LLaVA-NeXT-7B" or "SWE-bench" is not drowned by common Korean bigrams.
        text = strip_slots(question, info)
        if info.intent == "summary":  # "What is ChartMimic about? short summary please":
            # how it asks, not what about (ViSMaP, on video summaries, had outranked it)
            for word in base_matcher().own_words(mask(question, info.dates), "summary"):
                text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text)
        if (asked := attributes.asked(question)) and self.catalog.by_short_name(question):
            # "How many GPU hours did the ProRL training run take?": what a short question
            # asks of the paper it names (Slamming, trained on one GPU in 24 hours, had
            # outranked ProRL); a long one describes its paper with those words too
            plain = text
            for attribute in asked:
                plain = attribute.asks.sub(" ", plain)
            text = plain if len(topical_terms(plain)) <= ASKED_OF_A_NAME else text
        result.words = self.lexical.words_asked(text)
        text = self.glossary.expand(text) if info.korean else text
        # (an English question's words as Korean summaries write them, for BM25 alone)
        # (each Korean word counts once, as the English word it renders)
        korean = [] if info.korean else self.korean_words(text)
        # (and the glossary's list read the other way: "speculative decoding" 추측 디코딩)
        in_korean = [] if info.korean else glossary.in_korean(text)
        if in_korean:
            korean += [w for w in in_korean[0].split() if HANGUL_RUN.fullmatch(w)]
        lexical = self.lexical_scores(text, allowed, n, list(dict.fromkeys(korean)))

        def searched(query: str) -> dict[str, float]:
            return {
                pid: cos
                for pid, cos in self.dense(query, n, allowed).items()
                if pid in self.catalog and (allowed is None or pid in allowed)
            }

        dense = searched(text)
        ranked_dense = dict(dense)
        topic = topic_text(text)
        if topic and topic != text.strip():
            # ranked on the topic's words alone as well: "Which papers make attention
            # faster, and by how much?" embeds its asking words too. Each paper ranks by its
            # better match; its relevance (the gate's evidence) stays the question's own.
            for pid, cos in searched(topic).items():
                ranked_dense[pid] = max(cos, ranked_dense.get(pid, cos))
        weights = self.calibration
        rankings = [(ranked_dense, weights.dense_weight), (lexical, weights.lexical_weight)]
        if info.korean and (latin := HANGUL_RUN.sub(" ", question)).strip():
            # a Korean question's Latin words ranked alone as well, for as much as they say
            # of it: "Mamba 계열 논문" is its name's; "LLM으로 포켓몬 배틀하는 에이전트" is
            # 포켓몬's, not that of papers writing "LLM" most
            share = self._share_of(latin, question)
            rankings.append(
                (self.lexical_scores(latin, allowed, n), weights.lexical_weight * share)
            )
        fused: dict[str, float] = {}
        for ranking, weight in rankings:
            for rank, pid in enumerate(sorted(ranking, key=ranking.get, reverse=True)):
                fused[pid] = fused.get(pid, 0.0) + weight / (RRF_K + rank + 1)
        # (a Korean word and the glossary's English for it: one term, written either way)
        renderings = self.glossary.renderings(text) if info.korean else None
        positions = [self._pos[p] for p in fused]
        coverage = _best_reading(  # a paper summarised in Korean has the topic so
            self.lexical.coverage(text, positions, renderings),
            lambda reading: self.lexical.coverage(reading, positions),
            in_korean,
        )
        result.unknown, result.papers = self._unknown(question, info), len(self.ids)
        unknown = result.unknown * unseen_weight(len(self.ids), weights.unseen_rate)
        penalty = weights.unknown_penalty
        self.catalog.papers.many(list(fused))  # one read for the records not cached
        hits = {
            pid: Hit(
                paper=self.catalog.papers[pid],
                score=score,
                relevance=evidence(dense.get(pid, 0.0), coverage[self._pos[pid]], unknown, penalty),
                dense=dense.get(pid),
                lexical=coverage[self._pos[pid]],
            )
            for pid, score in fused.items()
        }
        ranked = sorted(hits.values(), key=lambda h: h.score, reverse=True)
        ranked = self._direct(info, allowed, hits, ranked) + [
            h for h in ranked if h.via == "hybrid"
        ]
        ranked = _not_excluded(info, ranked)  # "LoRA 말고 ...": not the LoRA papers themselves
        if examples := self._examples(text):
            # "Qwen2.5 같은 텍스트 LLM에 붙여서 ...": not the paper of the model given as one
            # of a kind (papers that write it stay: "SAM 2 같은 모델을 ... 추적에" is SAMURAI)
            ranked = [h for h in ranked if h.arxiv_id not in examples]

        if (
            info.wants_list
            and not topical_terms(question)
            and allowed
            and (info.filters.since or info.filters.until)
        ):
            ranked = self._listing(ranked, allowed, hits)
            result.hits = ranked[:LIST_LIMIT]
        else:
            result.hits = ranked[:k]
        self._surface(text, result.hits, unknown, penalty, renderings, in_korean)
        result.dated = allowed is not None and bool(info.filters.since or info.filters.until)
        result.floor = relevance_floor(
            self.min_relevance, result.dated, result.words, self.calibration.described_words
        )
        best = max((h.relevance for h in result.hits), default=0.0)
        direct = bool(result.hits) and result.hits[0].via != "hybrid"
        # (read at most once: the lesson check and the scope check both ask it)
        names_its_own = cache(partial(self._names_its_own, question))
        advice = asks_advice_of(question, info)
        if advice:  # "what batch size should I use for my laptop?"
            # (said so when it is the advice floor that refuses it)
            result.advice = passes_gate(direct, best, result.floor)
            result.floor = max(result.floor, self.calibration.advice_floor)
        result.relevant = bool(result.hits) and passes_gate(direct, best, result.floor)
        if not direct and asks_tutorial_of(question, info):
            # "explain dropout from scratch": a lesson, which no digest of papers is
            result.tutorial, result.relevant = True, False
        elif (
            not direct
            and result.relevant
            and asks_concept_of(question, info)
            and not self._about_in_title(question, result.hits)
            and not names_its_own()  # ("T-GRPO 어떻게 동작하는지 설명해줘")
        ):
            # "label smoothing이 뭐고 왜 쓰는 거야?": a concept, which no paper found is about
            # (its title would name it: "Mamba가 뭐고 왜 쓰는 거야?" has papers on Mamba)
            result.tutorial, result.relevant = True, False
        # a name written other than its paper writes it ("agg" of AGG in "pandas groupby
        # agg") may be a word: the question is held against the scope examples as well
        weak = (
            direct
            and result.hits[0].via == "name"
            and not re.search(
                # (a Korean particle may follow it: "PowerInfer랑")
                rf"(?<![A-Za-z0-9-]){re.escape(result.hits[0].paper.label)}(?![A-Za-z0-9-])",
                question,
            )
        )
        asks_papers = info.asks_set or PAPER_WORD.search(question)
        if result.hits and (not direct or weak) and not result.dated and not asks_papers:
            # "how do I reverse a linked list in Python?": nearer a programming question
            # than any paper, however many of its words papers write (dates ask the archive,
            # and so does a question asking for papers: "any paper on speculative decoding?")
            # (the nearest paper's cosine is the search's when it searched the whole archive)
            nearest = max(dense.values(), default=None) if allowed is None else None
            near = self.out_of_scope(text, info.korean, nearest)
            if near is not None:
                result.scope_kind, result.scope_lead = near
                margin = self.calibration.scope_margin
                if (
                    margin
                    and result.scope_lead >= margin
                    and not names_its_own()  # ("what is MEC-B?")
                ):  # (said so, refused or not)
                    result.out_of_scope, result.relevant = result.scope_kind, False
        if result.hits and result.hits[0].via == "hybrid":
            result.concept, result.concept_idf = self.absent_concept(
                strip_slots(question, info), result.hits[:CONCEPT_HITS]
            )
            cal = self.calibration
            # (its floor scaled as the gate's is: a question described at length has any
            # one summary write a smaller share of its words)
            floor = relevance_floor(cal.concept_floor, False, result.words, cal.described_words)
            if result.relevant and concept_refuses(
                result.concept_idf, best, cal.concept_idf, floor
            ):
                result.relevant = False  # "credit card fraud detection": telecom fraud only
        missing = [pid for pid in info.arxiv_ids if pid not in self.catalog]
        if missing:  # "what is 9999.99999 about?": not in the digests, not a look-alike
            result.absent, result.relevant = missing, False
        elif result.relevant and result.hits[0].via in (
            "hybrid",
            "name",
            "title",
            "handle",
            "writer",
        ):
            # "Gemini 3 Ultra" is not the Gemini paper: a versioned name no paper mentions
            # ("Grok 4's score on Humanity's Last Exam?": a model that paper never had)
            result.absent = self.absent_names(question)
            result.relevant = not result.absent
        elif result.relevant and (own := SUBJECT.sub(" ", question)) != question:
            # a follow-up's subject is the previous paper, but "what did Llama 5 score?"
            # after it asks about a model no paper mentions, not about that paper
            result.absent = self.absent_names(own)
            result.relevant = not result.absent
        if result.relevant:
            # "how many H100s did they need to train SmolLM2?": what its digests never state
            # is not answered with what they do (its token count); "what was OpenAI's
            # revenue in 2024?": what none of the papers found states, with what they do
            shown = result.hits[: 1 if result.hits[0].via != "hybrid" else ATTRIBUTE_HITS]
            written = " ".join(
                " ".join([h.paper.title, *(text for _, text in h.paper.summary_texts())])
                for h in shown
            )
            result.unstated = attributes.unstated(
                SUBJECT.sub(" ", question), written, valued=advice and not direct
            )
            result.relevant = not result.unstated
        return result

    def absent_concept(
        self, text: str, hits: Sequence[Hit]
    ) -> tuple[tuple[str, str] | None, float]:
        """Two adjacent English words of the question that no paper of `hits` has (neither
        of them), with the lower of their IDFs: the rarest such pair. "Is there a GNN paper
        for credit card fraud detection?" finds telecom fraud detection, which has neither
        "credit" nor "card": the pair names a topic no paper shown is about. Asking words,
        stop words and numbers are no part of a pair; `text` comes without its dates."""
        have: set[str] = set()
        for hit in hits:
            have |= set(tokenize(hit.paper.lexical_text()))
        # a mark between two words does not part them ("endoscopic / surgical"), but a
        # comma or semicolon does: "Hausa, Amharic and Igbo" lists three things, no pair
        words: list[str] = []
        for w in _PAIR_WORD.findall(text):
            if any(c.isalnum() for c in w):
                words.append(w)
            elif any(c in ",;" for c in w) and words and words[-1]:
                words.append("")  # no word: no pair across it
        idf: list[float] = []
        for word in words:
            tokens = tokenize(word) if word[:1].isascii() and word[:1].isalpha() else []
            found = self.lexical.postings_idf(tokens)
            plain = bool(tokens) and all(
                t not in STOP and t not in self.lexical.asking and not t.isdigit() for t in tokens
            )
            idf.append(
                min(found.get(t, self.lexical.max_idf) for t in tokens)
                if plain and not have.intersection(tokens)
                else 0.0
            )
        best, pair = 0.0, None
        for i in range(len(words) - 1):
            if min(idf[i], idf[i + 1]) > best:
                best, pair = min(idf[i], idf[i + 1]), (words[i], words[i + 1])
        return pair, best

    def _unknown(self, question: str, info: QuestionInfo) -> float:
        """The share of the question no paper has (`LexicalIndex.unknown_share`). A Korean
        word the glossary renders in English ("할루시네이션": hallucination) stands for
        its English, which the archive has, whether or not a Korean digest writes it so; a
        word one of whose alternatives the archive has is not unknown either."""
        # (a Korean gloss of an English term, "color constancy(색 항상성)", is the term: an
        # English digest that writes it lacks no word of the question)
        text = without_korean_glosses(strip_slots(question, info))
        text = self.glossary.translate(text) if info.korean else text
        # of words joined by "or", the reading the archive knows best ("압축/머징": 압축)
        return min(self.lexical.unknown_share(reading) for reading in choices(text) or [text])

    def _unrendered(self, question: str) -> str:
        """The Korean words of a question (the nouns they name) that no paper writes and the
        glossary renders in no English: no reading of it has them ("코인", "비트코인")."""
        words = HANGUL_RUN.findall(self.lexical.topical(question))
        return " ".join(
            w
            for w in dict.fromkeys(words)
            if not self.lexical.with_all(tokenize(w)).size and not self.glossary.renderings(w)
        )

    def gate_all(self, question: str, filters: Filters | None = None) -> Retrieval:
        """Every paper within `filters` that passes the relevance gate for `question`.

        Exact scoring of each allowed paper (one matrix product for the dense side, one
        postings pass for term coverage), not the top candidates of a search: a count or a
        list of a theme covers the whole set, however large. The gate is the undated one
        whatever the filters, so the papers of a date range are exactly the papers of the
        whole archive that fall in that range. Ranked: an English topic's papers that write
        it in one sentence (or their title) first, then those with all its words, then the
        rest, each as `retrieve` ranks (dense and lexical rankings fused); `filters` of the
        result include the question's own dates.
        """
        filters = self.resolve_topic(filters or Filters())
        info = analyse(question, filters, self._latest, self._oldest, self._digests)
        result = Retrieval(question, info, floor=self.min_relevance)
        allowed = self.allowed(info.filters)
        ids = list(self.ids) if allowed is None else [p for p in self.ids if p in allowed]
        if not ids:
            return result
        stripped = strip_slots(question, info)
        text = self.glossary.expand(stripped) if info.korean else stripped
        with reaching(self.settings):
            vector = self.embedder.get_query_embedding(text)
        dense = self._exact(vector, None if allowed is None else set(ids), len(ids))
        positions = [self._pos[p] for p in ids]

        def cover(reading: str) -> dict[int, float]:
            return self.lexical.coverage(reading, positions)

        def cover_rendered(reading: str) -> dict[int, float]:
            return self.lexical.coverage(reading, positions, rendered=True)

        # other readings, each as good: "GUI or computer-use agent" (either one does), and
        # an English topic as a paper summarised only in Korean writes it, by the glossary's
        # list ("speculative decoding": 추측 디코딩, Speculative Streaming's)
        coverage = _best_reading(cover(text), cover, choices(text))
        if not info.korean:
            # (a term of a few words, as a Korean summary writes it, weighs each word once:
            # "GUI 에이전트" is not 에이전트's three bigrams over GUI; a description's words
            # are read as retrieve reads them)
            term = _term_words(stripped) <= TERM_WORDS
            rendered = cover_rendered if term else cover
            coverage = _best_reading(coverage, rendered, glossary.in_korean(text))
        weights = self.calibration
        bm25 = self.lexical.scores(text)
        rankings = [
            ({p: dense.get(p, 0.0) for p in ids}, weights.dense_weight),
            ({p: float(bm25[self._pos[p]]) for p in ids}, weights.lexical_weight),
        ]
        if (
            info.korean
            and (latin := HANGUL_RUN.sub(" ", text)).strip()
            and self.glossary.renderings(stripped)
        ):
            # the English terms of a Korean question (its own and the glossary's) alone, as
            # retrieve ranks them: Korean bigrams are rare in English summaries (when the
            # glossary renders some: "오픈AI 직원" is not the 3,330 papers that write "AI");
            # with the Korean words no paper writes, which no reading has ("AI 코인 ...
            # 비트코인보다 수익률 좋은 토큰" is not every paper writing "AI" and "token")
            coverage = _best_reading(coverage, cover, [f"{latin} {self._unrendered(stripped)}"])
        if info.korean and (own := topical_terms(HANGUL_RUN.sub(" ", stripped))):
            # and ranked on its own Latin words alone, as retrieve ranks it ("가우시안
            # 스플래팅으로 SLAM": SLAM, not drowned by the Korean words' bigrams)
            latin_bm25 = self.lexical.scores(" ".join(own))
            rankings.append(
                ({p: float(latin_bm25[self._pos[p]]) for p in ids}, weights.lexical_weight)
            )
        floor = self.min_relevance
        unknown = self._unknown(question, info) * unseen_weight(len(self.ids), weights.unseen_rate)
        passing = {}
        for pid in ids:
            cos = dense.get(pid, 0.0)
            lex = coverage[self._pos[pid]]
            relevance = evidence(cos, lex, unknown, weights.unknown_penalty)
            if relevance >= floor:
                passing[pid] = (relevance, cos, lex)
        # a paper that writes the claim in a summary's words for it, not the question's, in
        # one sentence with the rest of the topic ("attention 3x faster", "a 2.5x speedup
        # over dense attention" for "speed up attention") is on the topic, as one with the
        # question's words is
        claimed: set[str] = set()
        if not info.korean and (alike := glossary.alike(text)):
            said = _best_reading(cover(alike[0]), cover, alike[1:])
            near = {pid for pid in ids if said[self._pos[pid]] >= 1.0 - 1e-9}
            claimed = set().union(*(self._together(r, near, alike=False) for r in alike))
            for pid in claimed:
                cos, lex = dense.get(pid, 0.0), said[self._pos[pid]]
                relevance = evidence(cos, lex, unknown, weights.unknown_penalty)
                passing[pid] = (max(relevance, passing.get(pid, (0.0,))[0]), cos, lex)
        # a set is the papers clearly on the topic: the gate's evidence from terms or from
        # the embedding, each held to its own calibrated floor for sets (a count of "machine
        # unlearning LLMs" is not every LLM paper the embedding finds near it). Terms: a
        # share of the best coverage, so a long question listing alternatives ("quantizing
        # LLMs, low-bit weights, trade-offs") asks no paper to have them all. The other
        # papers that pass the gate only touch on the topic (`Retrieval.touching`).
        discount = (1.0 - unknown) ** weights.unknown_penalty
        # (the papers claiming it in other words join the set as it is, below: they move
        # none of its floors)
        most = max((v[2] for p, v in passing.items() if p not in claimed), default=0.0)
        on_topic = {
            p
            for p, v in passing.items()
            if p not in claimed
            and (
                v[2] >= weights.set_terms * most
                or dense_relevance(v[1]) * discount >= weights.set_dense
            )
        }
        on_topic = self._named_by_phrase(text, on_topic)
        if info.korean:
            on_topic = self._every_concept(stripped, on_topic)
        else:
            on_topic, result.apart = self._every_rare_word(stripped, on_topic)
        # ranked as retrieve ranks: reciprocal-rank fusion of the dense and BM25 rankings
        # (BM25 over the question's own words with the glossary's: a Korean paper that has
        # them comes before an English one that matches only the glossary's terms)
        fused = dict.fromkeys(passing, 0.0)
        for ranking, weight in rankings:
            order = sorted(passing, key=lambda p: (-ranking[p], p))
            for rank, pid in enumerate(order):
                fused[pid] += weight / (RRF_K + rank + 1)
        # the papers that have the whole topic first: "speed up attention" is "a 9x speedup
        # over FlashAttention-3" before a video model's "speed" and "attention" apart... and
        # before "speed" alone, the rarer word, however often a summary writes it
        whole = {p for p, v in passing.items() if v[2] >= most - 1e-9}
        # and before those, the papers that write it in one sentence (or their title), in
        # the question's words or a summary's for the same claim: "a 10x speed-up over
        # multi-head attention" is on "speed up attention", "speed" here and "attention"
        # there touches it
        on_topic |= claimed
        together = set() if info.korean else self._together(text, whole) | claimed
        ranked = sorted(passing, key=lambda p: (p not in together, p not in whole, -fused[p], p))
        papers = self.catalog.papers.many(ranked)
        hits = [
            Hit(paper, fused[pid], passing[pid][0], dense=passing[pid][1], lexical=passing[pid][2])
            for pid, paper in zip(ranked, papers, strict=True)
        ]
        hits = _not_excluded(info, hits)  # "LoRA 말고 ...", in a list or count as in a search
        result.hits = [h for h in hits if h.arxiv_id in on_topic]
        result.touching = [h for h in hits if h.arxiv_id not in on_topic]
        result.relevant = bool(result.hits)
        return result

    def _together(self, text: str, ids: Iterable[str], alike: bool = True) -> set[str]:
        """Those of `ids` whose title or one sentence of a summary has all of `text`'s
        words (as `coverage_in` reads them, with the words for the same claim or, not
        `alike`, without); none for a topic of one word."""
        ids = set(ids)
        if not ids or len(set(tokenize(self.lexical.topical(text)))) < 2:
            return set()
        texts = {}
        for paper in self.catalog.papers.many(sorted(ids)):
            parts = [paper.title, *(t for s in paper.summaries().values() for t in _sentences(s))]
            texts.update({f"{paper.arxiv_id} {i}": part for i, part in enumerate(parts)})
        covered = self.coverage_in(text, texts, alike=alike)
        return {key.split()[0] for key, c in covered.items() if c >= 1.0 - 1e-9}

    def name_outside(self, name: str, filters: Filters) -> list[str] | None:
        """The papers that write a paper's name (of those BM25 ranks first for it), when no
        paper of `filters`' dates does: "star attention papers from mid-2024?" (Star
        Attention is of November 2024, its words apart in many a paper of those months).
        None when a paper of those dates writes it, or none at all does."""
        allowed = self.allowed(Filters(filters.since, filters.until))
        if not allowed:
            return None
        writers = self._writers(name)
        if not writers or set(writers) & allowed:
            return None
        return sorted(writers, key=lambda p: self._pos[p])

    def outside(self, words: Sequence[str], filters: Filters) -> tuple[str, list[str]] | None:
        """A rare topic word (in at most CONCEPT_SHARE of the papers) that no paper within
        `filters`' dates writes, with the papers of other dates that do: "Muon optimizer in
        Q1 2025" (Muon is in later papers), "2024년 하반기 grokking 논문". A Latin word is
        also found as the glossary writes it in Korean; a Korean one the glossary renders
        ("로봇": robot, robotics) as written and as rendered. None when every such word is
        in some paper of those dates, or none is rare."""
        allowed = self.allowed(Filters(filters.since, filters.until))
        if not allowed:
            return None
        limit = max(1.0, CONCEPT_SHARE * len(self.ids))
        for word in words:
            have = self._rare_word(word, limit)
            if not have:
                continue
            papers = {self.ids[i] for i in have if i < len(self.ids)}
            if not papers & allowed:
                return word, sorted(papers, key=lambda p: self._pos[p])
        return None

    def rare_words(self, words: Sequence[str]) -> list[str]:
        """The names and terms of topic words (a Latin or a Hangul run of each) written in
        at most CONCEPT_SHARE of the papers: "LayerNorm", "RMSNorm" of "LayerNorm이랑",
        "RMSNorm", not "loss"."""
        limit = max(1.0, CONCEPT_SHARE * len(self.ids))
        parts = (part for word in words for part in _WORD_PART.findall(word))
        return list(dict.fromkeys(p for p in parts if self._rare_word(p, limit)))

    def titled(self, word: str) -> bool:
        """Whether some paper's title writes `word` as a word of its own (case aside; not
        a part of a hyphenated name: "MLE-Dojo" is no title on MLE), a Korean one as the
        glossary writes it in English: the archive has a paper about it."""
        english = glossary.english_terms(word) if HANGUL_RUN.fullmatch(word) else word
        if not english.strip():
            return False
        # (an acronym in its capitals: "MAP" is no "Saliency Map")
        acronym = english.isupper() and len(english) > 1
        titles = self._cased_titles if acronym else self._titles
        words = english.split() if acronym else english.lower().split()
        phrase = r"[\s-]+".join(map(re.escape, words))
        return re.search(rf"(?<![\w-]){phrase}(?![\w-])", titles) is not None

    @cached_property
    def _cased_titles(self) -> str:
        """Every paper's title as written, a line each (`_titles` lower-cases them): the
        one scan of every record both read."""
        return "\n".join(paper.title for paper in self.catalog.papers.values())

    def _rare_word(self, word: str, limit: float) -> set[int]:
        """The rows of the papers that write a topic word, when it is a rare name or term
        (at most `limit` papers write it); empty for a plain word a question asks with
        ("whether"), a common one, or one of several index tokens."""
        if HANGUL_RUN.fullmatch(word):
            rendered = glossary.english_terms(word)
            tokens = [t for t in tokenize(rendered) if t not in STOP]
            if not tokens:
                return set()
            postings = self.lexical.postings(tokens)
            have = set().union(*(set(postings.get(t, ())) for t in tokens))
            have |= set(self.lexical.with_all(tokenize(word)).tolist())
            return have if len(have) <= limit else set()
        if not _LATIN_WORD.fullmatch(word) or word.lower() in example_words():
            return set()
        tokens = [t for t in tokenize(word) if t not in STOP]
        if len(tokens) != 1:
            return set()
        # a name, a term of the vocabulary, or a word no dictionary has ("Muon",
        # "Verilog"): not a plain word a question asks with ("whether")
        named = _LATIN_NAME.fullmatch(word) or word[0].isupper() or not english_word(word.lower())
        if not (named or glossary.korean_of(tokens[0])):
            return set()
        have = set(self.lexical.postings(tokens).get(tokens[0], ()))
        if not have or len(have) > limit:
            return set()
        for written in glossary.korean_of(tokens[0]):
            have |= set(self.lexical.with_all(tokenize(written)).tolist())
        return have

    def _every_concept(self, question: str, on_topic: set[str]) -> set[str]:
        """A Korean topic's set: the papers that have each of its terms the glossary knows,
        in Korean (every bigram of the word) or in English (a word of its rendering).
        "텍스트로 모션 생성" is text AND motion AND generation: a share of the terms (as
        for an English topic, whose pairs `_named_by_phrase` reads) let 215 papers in,
        every paper on motion generation or text generation. With fewer than two such
        terms the set is left as it is."""
        concepts = []
        for word in HANGUL_RUN.findall(self.lexical.topical(question)):
            english = set(tokenize(self.glossary_written.translate(word))) - set(tokenize(word))
            if english:
                concepts.append(([word], english))
        # and the names and acronyms it writes in English, which Korean summaries write in
        # English too, when rare enough in the archive to name a topic (not "LLM", "AI"):
        # "MoE 구조로 비전-언어 모델" is MoE AND vision AND language, "가우시안 스플래팅으로
        # SLAM" Gaussian splatting AND SLAM. (A plain word may be a gloss of the Korean
        # before it, "표 형식(tabular)", which a Korean summary need not write.)
        for word in _LATIN_NAME.findall(HANGUL_RUN.sub(" ", question)):
            whole = tokenize(word)[:1]
            if whole and whole[0] not in self.lexical.asking:
                papers = len(self.lexical.postings(whole).get(whole[0], ()))
                if 0 < papers <= max(1.0, CONCEPT_SHARE * len(self.ids)):
                    concepts.append(([], set(whole)))
        if len(concepts) < 2 or len(on_topic) < 2:
            return on_topic
        covered = self._with_every(concepts)
        kept = {pid for pid in on_topic if self._pos[pid] in covered}
        return kept if kept else on_topic

    def _every_rare_word(self, question: str, on_topic: set[str]) -> tuple[set[str], list[str]]:
        """An English topic's set: the papers that have each of its rare terms (a word of
        the glossary's English or a name, in at most `CONCEPT_SHARE` of the archive's
        papers), words joined by "or", "/" or a comma being one choice. "mamba-based protein language models" is Mamba AND protein:
        papers on Mamba language models only share a word with it. With fewer than two
        such words, or a topic of more than `TERM_WORDS` words (a description, not
        terms), the set is left as it is; when no paper of the archive has them all, it
        is empty (two topics the archive never joins: "speculative decoding for speech or
        TTS"), and those words are returned. A Korean summary has a word in Korean too."""
        limit = max(1.0, CONCEPT_SHARE * len(self.ids))
        groups: list[set[str]] = []
        written: list[list[str]] = []  # each group's words as the question writes them
        joined = False
        for item in _CHOICE_ITEM.findall(question):
            if item.lower() in ("or", "/", ","):
                joined = True
                continue
            if item.lower() in example_words():  # "votes", "github": asking words
                continue
            # a term of the vocabulary (the glossary's English) or a name or acronym
            # ("TTS", "LoRA"), as the Korean rule reads: not a verb ("play", "built")
            name = bool(_LATIN_NAME.fullmatch(item))
            tokens = [t for t in tokenize(item) if t not in STOP]
            tokens = [t for t in tokens if name or glossary.korean_of(t)]
            postings = self.lexical.postings(tokens)
            rare = {t for t in tokens if 0 < len(postings.get(t, ())) <= limit}
            if not rare:
                continue
            if joined and groups:
                groups[-1] |= rare
                written[-1].append(item)
            else:
                groups.append(rare)
                written.append([item])
            joined = False
        if len(groups) < 2 or _term_words(question) > TERM_WORDS or not on_topic:
            return on_topic, []  # a longer topic describes: no paper need have every word
        # each term in English, or in Korean as a Korean summary writes it ("speech": 음성)
        covered = self._with_every(
            [([w for t in group for w in glossary.korean_of(t)], group) for group in groups]
        )
        kept = {pid for pid in on_topic if self._pos[pid] in covered}
        return kept, ([] if covered else [words[0] for words in written])

    def _with_every(self, concepts: list[tuple[list[str], set[str]]]) -> set[int]:
        """The positions of the papers that have every concept: one of its Korean words whole
        (every bigram) or one of its English index tokens."""
        covered: set[int] | None = None
        for korean_words, english in concepts:
            have = set().union(*self.lexical.postings(english).values())
            for word in dict.fromkeys(korean_words):
                have |= set(self.lexical.with_all(tokenize(word)).tolist())
            covered = have if covered is None else covered & have
        return covered or set()

    def _named_by_phrase(self, text: str, on_topic: set[str]) -> set[str]:
        """A short topic of several words is a term: "world model", "sparse attention",
        "model merging". When papers of the set write one of its word pairs as a phrase
        (inflected: "world models", "sparse-attention"), the set is those papers; the
        others have the words apart ("real-world ... model", "sparse autoencoders ...
        attention") and only touch on it. A longer topic describes; it is left whole."""
        # a choice the question wrote ("image or video tokenizer", `topic_query`) joins no words
        # ("3D", "4D": a modifier, no word of a term: "4D scene generation" is 4D generation)
        words = [w.lower() for w in _PHRASE_WORD.findall(text) if w.lower() != "or"]
        words = [w for w in words if not w[0].isdigit()]
        if HANGUL_RUN.search(text):  # the glossary's English: words the question did not pair
            return on_topic
        if not 2 <= len(words) <= PHRASE_WORDS or len(on_topic) < 2:
            return on_topic
        pairs = [
            re.compile(rf"\b{_inflected(a)}[\s-]+{_inflected(b)}\b", re.I)
            for a, b in zip(words, words[1:], strict=False)
            if not (a in STOP and b in STOP) and a not in _JOINERS and b not in _JOINERS
        ]
        if not pairs:
            return on_topic
        ids = sorted(on_topic)
        texts = {
            pid: paper.lexical_text()
            for pid, paper in zip(ids, self.catalog.papers.many(ids), strict=True)
        }
        written = {pid for pid, body in texts.items() if any(p.search(body) for p in pairs)}
        for rendered in glossary.in_korean(text):
            # or the whole term as the glossary writes it in Korean, its words in a row
            # ("추측 디코딩"; an ending may join the first, "추측적 디코딩"): how a paper
            # summarised only in Korean has it. Not a term half rendered ("날씨 forecasting")
            words = [w for w in rendered.split() if w.lower() not in STOP | _JOINERS]
            if not words or not all(HANGUL_RUN.fullmatch(w) for w in words):
                continue
            row = re.compile(r"[가-힣]?\s*".join(re.escape(w) for w in words))
            written |= {pid for pid, body in texts.items() if row.search(body)}
        return written if len(written) >= 2 else on_topic

    def _surface(
        self,
        text: str,
        hits: list[Hit],
        unknown: float,
        penalty: float,
        renderings: dict[str, str] | None,
        in_korean: Sequence[str] = (),
    ) -> None:
        """Term coverage of the hits shown, with words matched as words, not stems.

        The index matches Snowball stems, so "capital" finds "capitalize" and a question
        about Australia's capital covered half its weight in a RAG paper. For the few
        hits the gate reads, each plain word must be in the paper as itself (inflected);
        written in Korean too (`in_korean`: the question as a Korean summary writes it).
        """
        ranked = [h for h in hits if h.via == "hybrid" and h.lexical]
        if not ranked:
            return
        texts = {self._pos[h.arxiv_id]: h.paper.lexical_text() for h in ranked}
        surface = _best_reading(
            self.lexical.surface_coverage(text, texts, renderings),
            lambda reading: self.lexical.surface_coverage(reading, texts, None),
            in_korean,
        )
        for hit in ranked:
            hit.lexical = min(hit.lexical or 0.0, surface[self._pos[hit.arxiv_id]])
            hit.relevance = evidence(hit.dense or 0.0, hit.lexical, unknown, penalty)

    def coverage_in(self, text: str, texts: dict[str, str], alike: bool = True) -> dict[str, float]:
        """Term coverage of `text` in the texts given (a paper's title and opening
        sentences), words matched as words: a Korean `text` with its glossary terms, an
        English one also as a Korean summary writes it (`glossary.in_korean`) and, when
        `alike`, with the words a summary writes for the same claim (`glossary.alike`)."""
        korean = bool(HANGUL_RUN.search(text))
        keys = list(texts)
        at = dict(enumerate(texts.values()))
        query = self.glossary.expand(text) if korean else text
        renderings = self.glossary.renderings(text) if korean else None
        found = _best_reading(
            self.lexical.surface_coverage(query, at, renderings),
            lambda reading: self.lexical.surface_coverage(reading, at, None),
            [] if korean else [*glossary.in_korean(text), *(glossary.alike(text) if alike else [])],
        )
        return {keys[i]: c for i, c in found.items()}

    def coverage_of(self, text: str, ids: Sequence[str]) -> dict[str, float]:
        """Term coverage of `text` (a Korean one with its glossary terms) in each paper."""
        text = self.glossary.expand(text) if HANGUL_RUN.search(text) else text
        known = [pid for pid in ids if pid in self._pos]
        coverage = self.lexical.coverage(text, [self._pos[pid] for pid in known])
        return {pid: coverage.get(self._pos[pid], 0.0) if pid in self._pos else 0.0 for pid in ids}

    def best_of(self, question: str, ids: Sequence[str]) -> str:
        """Which of `ids` has the question's words best (term coverage; ties: the first)."""
        return _best_covered(self.coverage_of(question, ids), ids)

    def described(self, question: str, ids: Sequence[str]) -> str:
        """Which of `ids` the question describes: the one that has its words best, when it
        has most of them (`DESCRIBED`) and clearly more than the first (`DESCRIBED_MARGIN`);
        else the first ("what two models does it pit against each other?" describes no
        paper, though one writes "against")."""
        coverage = self.coverage_of(question, ids)
        best = _best_covered(coverage, ids)
        if coverage[best] >= DESCRIBED and coverage[best] - coverage[ids[0]] >= DESCRIBED_MARGIN:
            return best
        return ids[0]

    def answers_as_well(self, question: str, arxiv_id: str) -> bool:
        """Whether the paper has the question's words nearly as fully as any paper of the
        archive (`CONTINUES_SHARE` of the best coverage).

        A follow-up that names nothing ("how much faster on GPU?", "데이터셋에 질문이 몇 개
        들어 있어?") continues the previous answer's paper when no other paper covers its
        words much better: the paper being talked about answers it unless the question's
        main words are elsewhere. A Korean question is read with its English terms too, as
        `gate_all` reads it.
        """
        pos = self._pos.get(arxiv_id)
        if pos is None:
            return False
        korean = bool(HANGUL_RUN.search(question))
        text = self.glossary.expand(question) if korean else question
        positions = range(len(self.ids))
        coverage = _best_reading(
            self.lexical.coverage(text, positions),
            lambda reading: self.lexical.coverage(reading, positions),
            [latin] if korean and (latin := HANGUL_RUN.sub(" ", text)).strip() else [],
        )
        mine = coverage.get(pos, 0.0)
        return mine > 0.0 and mine >= CONTINUES_SHARE * max(coverage.values())

    def names_another(self, question: str, arxiv_id: str) -> bool:
        """Whether the question names a model that some paper's title names and this paper
        never writes: "how many GPU hours did DeepSeek-V3 training take?" after another
        paper asks about "Insights into DeepSeek-V3". A name in no title ("on H100?") may
        be a setting of the paper talked about."""
        if arxiv_id not in self.catalog:
            return False
        written = self.catalog.papers[arxiv_id].lexical_text().lower()
        patterns = [name_pattern(n) for n in versioned_names(question)]
        other = [p for p in patterns if not p.search(written)]
        return any(p.search(self._titles) for p in other)

    @cached_property
    def _titles(self) -> str:
        """Every paper's title in lower case, a line each: read once, on the first question
        that needs them (a scan of every record, not one per question)."""
        return self._cased_titles.lower()

    def touches(self, question: str, arxiv_id: str) -> bool:
        """Whether a short follow-up that names nothing can be about this paper: it has no
        topic words ("why?", "코드는?"), the paper has the rare ones ("how much faster?",
        "what's the core idea?": words a percent of the papers use say nothing new), or
        it asks about a benchmark, metric or model by an acronym the archive knows ("MMLU는?",
        "on H100?"), a figure this paper's digests may just not give. "best pizza in
        Seoul?" after a paper is a question of its own, and so is one naming a versioned
        model this paper does not ("Llama 4 context length?" after SpargeAttn)."""
        if arxiv_id not in self.catalog:
            return False
        asked = question
        written = self.catalog.papers[arxiv_id].lexical_text().lower()
        other = [n for n in versioned_names(question) if not name_pattern(n).search(written)]
        if other and analyse(question, None, self._latest).intent != "compare":
            return False  # "Llama 4 context length?" after SpargeAttn: that model's own
            # (not "vs FlashAttention-2?": this paper against it)
        asking = self.lexical.asking
        if HANGUL_RUN.search(question):
            # the glossary's English for a word people ask with ("추천해줘": recommend) is
            # no topic: only the other words are expanded; nor is a predicate, though the
            # archive writes it too ("몇 토큰까지 늘릴 수 있대?": 늘릴 is 늘리다's)
            kept = [
                w
                for w in question.split()
                if not set(tokenize(w)) <= asking
                and (not HANGUL_RUN.fullmatch(w.strip("?.!,")) or korean.topical(w.strip("?.!,")))
            ]
            # (a plural's 들 before a particle is no part of the word: "도메인들에서")
            kept = [_singular(w) for w in kept]
            renderings = self.glossary.renderings(" ".join(kept))
            question = self.glossary.expand(" ".join(kept))
        else:
            renderings = {}
        text = self.lexical.topical(question)
        terms = {t for t in topical_terms(text) if t not in asking}
        if not terms:
            return True
        has = set(tokenize(written))
        rest = terms - has
        # a Korean compound the paper spaces ("엔드투엔드" of "엔드 투 엔드"): written there
        squashed = re.sub(r"\s+", "", written)
        rest = {t for t in rest if not (HANGUL_RUN.fullmatch(t) and t in squashed)}
        for korean_word, english in renderings.items():
            # a Korean word the paper writes ("디코딩": not its English, "decoding"), or one
            # whose English it writes ("사전학습": pre-training, its Korean "사전 훈련")
            rendered = set(tokenize(english))
            # (its synonyms: the words the glossary renders alike, "사전 훈련" for 사전학습)
            synonyms = glossary.rendered_alike(english)
            if (
                korean_word.lower() in written
                or any(re.sub(r"\s+", "", w) in squashed for w in [korean_word, *synonyms])
                or (rendered and rendered <= has)
                # (one of its renderings: "사전학습" is "pretraining" or "pre-training")
                or any(len(t) >= RENDERING_LETTERS and t in has for t in rendered)
            ):
                rest -= rendered | set(tokenize(korean_word))
        if not rest or self.lexical.all_common(rest, COMMON_SHARE):
            return True  # "what's the core idea?": words of any paper, said of this one
        acronyms = [t for w in _ACRONYM.findall(question) for t in tokenize(w)]
        if self.lexical.known(acronyms):
            return True
        # a number of its own that this paper writes ("512 해상도 한장 스왑하는데 몇 초
        # 걸려?" after DreamID, whose digest writes "512x512 resolution swaps")
        numbers = {n for n in _OWN_NUMBER.findall(asked) if not YEAR.fullmatch(n)}
        if numbers & set(_OWN_NUMBER.findall(written)):
            return True
        # how much of something, in words many papers write: a unit this paper's digest
        # need not ("몇 fps로 돌아가?" after Splatter Image, "초당 38프레임"; alone it had found
        # a paper's FPS, Formal Problem-Solving); not "부산 가는 ktx 막차 몇 시야?", nor
        # "지하철 노선 따라가는 태스크는 정확도 얼마였어?", words of one paper
        unit = {t for t in rest if t.isascii()}  # (its Korean words: a predicate, "돌아가")
        return bool(_ASKS_QUANTITY.search(asked) and unit) and self.lexical.all_common(
            unit, UNIT_SHARE
        )

    def absent_names(self, question: str) -> list[str]:
        """The versioned model names of `question` that no paper's text has ("GPT-6"); a
        lower-case one ("claude 5") when the papers write that word as a model family, with
        a capital right before a version ("Claude 3.5"), and not with this version."""
        # (not what it sets aside: "v9 말고 12 기준으로", "(not phi-4-mini-reasoning)")
        question = CONTRAST.sub(" ", question)
        # (nor its dates: "papers from mid-2024", "a late-2023 system")
        for span in analyse(question, None, self._latest, self._oldest, self._digests).dates.spans:
            question = question.replace(span, " ")
        names = versioned_names(question) + [
            m.group(0)
            for m in _BENCHMARK_NAME.finditer(question[:2000])
            # (in lower case before a kind of work, it describes: "two code-eval papers")
            if not (m.group(0).islower() and _KIND_OF_WORK.match(question, m.end()))
        ]
        absent = [
            n
            for n in dict.fromkeys(names)
            if not self.mentioned(n)  # "H100s" is in papers that write "H100"
            # (nor a family the papers write with a variant's suffix: "xLAM-2" of "xLAM-2-fc-r";
            # not a size glued on: "Mamba-3B" is no Mamba-3)
            and not self._with_suffix(n)
            and not (re.search(r"\ds$", n) and self.mentioned(n[:-1]))
            # and "BD3-LM" in papers that write "BD3-LMs"
            and not (n[-1].isupper() and self.mentioned(f"{n}s"))
            and not self._first_version(n)
            and not self._glued_name(n)  # "llmlingua2": LLMLingua-2
            # "GPT4V-captioned videos": a name the papers write, and a word of what it did
            and not ((m := _WORD_AFTER_NAME.fullmatch(n)) and self.mentioned(m[1]))
        ]
        # a coined name, also as a part of a longer one ("ShapeVAE": "Hunyuan3D-ShapeVAE"),
        # or capitalised parts joined by hyphens that are not all English words
        # ("Tri-Mamba-XL", not "Vision-Language" nor the months "Sep-Oct"), or by a
        # lower-case word ("Chain-of-X")
        own = SUBJECT.sub(" ", question[:2000])
        joined = (
            [
                n
                for n in _HYPHENATED.findall(own)
                if (
                    not all(english_word(p) or p.lower() in MONTH_WORDS for p in n.split("-"))
                    # (or parts all in capitals, acronyms whatever words they spell: "SR-DiT";
                    # not "AI-Powered", an acronym and a word)
                    or not any(p.islower() or p.istitle() for p in n.split("-"))
                )
                and not all(_ROMAN.fullmatch(p) for p in n.split("-"))  # "Levels I-IV"
                and not self._variant_of_written(n)
            ]
            + [  # ("Chain-of-Lattice prompting", no paper's; not a mapping of two English
                # words, "Chinese-to-English", "Text-to-Speech": a task, however written)
                n
                for n in _JOINED_NAME.findall(own)
                if not (n.split("-")[1] in ("to", "and") and all(map(english_word, n.split("-"))))
            ]
            + [
                m.group(0)
                for m in _APART_NAME.finditer(own)
                if re.search(r"(?<![\w-])[a-z]+,?\s$", own[: m.start()])
                # (words before a phrase the papers write describe it: "Large Mixture of
                # Experts"; "Sparse Mixture of Retrievers" is no paper's)
                and not (m.group("before") and self.mentioned(m.group("core")))
            ]
        )
        for name in dict.fromkeys([*_COINED.findall(own), *joined]):
            if self.catalog.by_short_name(name) or self._misspelt(name):
                continue  # a paper's name typed without its accent ("PokeLLMon"), or a
                # written name with a letter missed, added or swapped ("HumanEvl")
            # (with its version glued on: "JaColBERTv2.5" writes JaColBERT)
            # (its parts apart count too: "Chinese-to-English" is written "Chinese to English")
            spelled = re.escape(name.lower()).replace(r"\-", r"[\s-]").replace(r"\ ", r"[\s-]")
            part = re.compile(rf"(?<![a-z0-9]){spelled}(?![a-uw-z]|v(?!\d))")
            found_by = f"{name} {self._glued_versions(name)}"
            if not self._some_paper(found_by, lambda text, p=part: bool(p.search(text.lower()))):
                absent.append(name)
        for m in _LOWER_VERSIONED.finditer(question[:2000]):
            if (
                m.group(1) not in MONTH_WORDS
                and not _BITS.match(question, m.end())  # "native 1-bit": a precision
                and not _QUANTITY_AFTER.match(question, m.end())  # "openelm 10억 파라미터"
                # "the same 16 evaluation dimensions": a word of quantity before a number
                and m.group(1) not in _QUANTIFYING
                and self._family(m.group(1))
                and not self.mentioned(m.group(0), suffixed=True)
                and not self._glued_name(m.group(0))  # "llmlingua2": LLMLingua-2
            ):
                absent.append(m.group(0))
        absent += self._absent_titles(question)
        # "depth anything v2 ... built on DA-V2": a name the question spells out itself
        absent = [a for a in absent if not _abbreviates(a, question)]
        if absent and (titled := self.catalog.by_title(question)):
            # "GameNGen (Diffusion Models Are Real-Time Game Engines)": a name written beside
            # a stored title, in brackets either way, is that paper's own, written or not
            title = re.escape(self.catalog.papers[titled].title)
            q = r"['\"‘’“”]?"  # (the title may be quoted: "'Diffusion Models Are ...'(GameNGen)")
            beside = rf"(\S+)\s*\(\s*{q}{title}{q}\s*\)|{q}{title}{q}\s*\(\s*([^()]+?)\s*\)"
            own = {g for m in re.finditer(beside, question, re.I) for g in m.groups() if g}
            absent = [a for a in absent if not any(a in o for o in own)]
        return list(dict.fromkeys(absent))

    def _with_suffix(self, name: str) -> bool:
        """Whether a paper writes `name` with a variant's suffix after a hyphen ("xLAM-2-fc-r"
        of "xLAM-2")."""
        suffixed = re.compile(rf"(?<![a-z0-9.-]){re.escape(name.lower())}-[a-z]")
        return self._some_paper(name, lambda text: bool(suffixed.search(text.lower())))

    def _glued_name(self, name: str) -> bool:
        """Whether `name` is a paper's name typed in lower case with its version glued on
        ("llmlingua2": LLMLingua-2; not "openelm 9", another version of OpenELM)."""
        m = GLUED_VERSION.fullmatch(name)
        return m is not None and any(
            norm_words(self.catalog.papers[pid].name or "") == f"{m[1]} {m[2]}"
            for pid in self.catalog.by_short_name(name)
        )

    def _misspelt(self, name: str) -> bool:
        """Whether a coined name of at least MIN_MISSPELT letters is one edit (a letter
        left out, added, changed, or two swapped) from a word some papers write, as a name:
        "HumanEvl" of HumanEval. A name no paper writes is one that far from none."""
        word = name.lower()
        if len(word) < MIN_MISSPELT or not word.isalnum() or not word.isascii():
            return False
        letters = string.ascii_lowercase  # (a number changed is another name: "AIME25")
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b and b[0].isalpha()}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[:2].isalpha()}
        edits |= {a + c + b[1:] for a, b in splits if b and b[0].isalpha() for c in letters}
        edits |= {a + c + b for a, b in splits for c in letters}
        edits.discard(word)
        return any(
            len(rows) >= MIN_MISSPELT_PAPERS for rows in self.lexical.postings(edits).values()
        )

    def unwritten_names(self, question: str) -> list[str]:
        """The names a refusal says no digest mentions: `absent_names`', and an acronym of
        three capitals or more that no paper writes ("who wrote DDT?" of an archive without
        DDT). Only to say why a refused question is refused: an acronym may be a topic the
        papers spell out, so it refuses nothing itself."""
        acronyms = [
            a
            for a in dict.fromkeys(_CAPITALS.findall(question[:2000]))
            if not english_word(a.lower())  # ("WHO WROTE THE PAPER?": words)
            and not self.mentioned(a)
            and not (a.endswith("s") and self.mentioned(a[:-1]))
        ]
        return list(dict.fromkeys([*self.absent_names(question), *acronyms]))[:UNWRITTEN_SAID]

    def _variant_of_written(self, name: str) -> bool:
        """Whether `name` is a variant ("VMamba-B", "Shakti-XL") of a name some paper
        writes, in any form ("VMamba", "Shakti-VLM")."""
        head, _, last = name.rpartition("-")
        lowered = head.lower()
        return bool(head and _VARIANT_PART.fullmatch(last)) and self._some_paper(
            head, lambda text: lowered in text.lower()
        )

    def _glued_versions(self, name: str) -> str:
        """The index words that write `name` with a version glued on ("jacolbertv2.5" for
        JaColBERT), for BM25 to find the papers that write it so."""
        derived = self.catalog.derived
        if derived is None:
            return ""
        token = name.lower()
        return " ".join(
            t
            for t in derived.terms_starting(token, FAMILY_GLUED)
            if _GLUED.fullmatch(t[len(token) :])
        )

    def _first_version(self, name: str) -> bool:
        """A paper's short name with version 1 ("Gemma 1", "OmniGen v1"): the paper that
        named no version, before its successors did."""
        m = _FIRST_VERSION.fullmatch(name)
        return bool(m) and bool(self.catalog.by_short_name(m.group(1)))

    def _absent_titles(self, question: str) -> list[str]:
        """The titles a question quotes that no paper has, nor writes, nor is titled nearly
        so ("What were the main findings of 'Sparks of Artificial General Intelligence:
        Early experiments with GPT-4'?": a paper the digests never had). A quoted phrase is
        a title with a colon or `TITLE_WORDS` words, or two when the question calls it a
        paper ("the 'Recursive Tokenizer Distillation' paper"), the first word capitalised
        unless it has a colon or is called a paper; one misremembered a little is the
        stored paper's (`TITLE_LIKE`)."""
        from rapidfuzz import fuzz

        out = []
        for m in _QUOTED.finditer(question[:2000]):
            title = m.group("title").strip()
            called = re.match(rf"\s*{_PAPER}", question[m.end() :], re.I)  # "the 'X' paper"
            if ": " not in title and len(title.split()) < (2 if called else TITLE_WORDS):
                continue
            if ": " not in title and not called and not title[:1].isupper():
                continue  # a phrase of its own in quotes, as a title is not written ("'many
                # small models beat one big model' ideas")
            if self.catalog.by_title(title) or self.mentioned(title):
                continue
            if self._spelled_title(title):  # ("'LLMs as Markov chains'")
                continue
            near = [self.catalog.papers[pid].title for pid, _ in self._found_by(title)]
            if any(fuzz.ratio(title.lower(), t.lower()) >= TITLE_LIKE for t in near):
                continue
            # (or shortened: "'Test-time Computing: System-1 to System-2'" of "Test-time
            # Computing: from System-1 Thinking to System-2 Thinking": its words the stored
            # title's, beginning as it does; not "Flow Matching for Generative Modeling" of
            # "Pyramidal Flow Matching for ... Generative Modeling")
            asked = words(title)
            if any(
                set(asked) <= set(t := words(stored))
                and t[:SHORTENED_OPENING] == asked[:SHORTENED_OPENING]
                for stored in near
            ):
                continue
            out.append(title)
        return out

    def _family(self, word: str) -> bool:
        """Whether `word` is a model family's name: a paper's short name ("genie" for
        Genie), or written with a capital right before a version number by the papers
        ("llada": "LLaDA 1.5"; "hunyuan3d": "Hunyuan3D 2.1")."""
        derived = self.catalog.derived
        if derived is not None and derived.names_among([word]):
            return True
        family = re.compile(rf"(?<![A-Za-z0-9])({re.escape(word)})[ -]?v?\d+(?!\d|\s*%)", re.I)

        # not by grammar: "Around 30% of ..." opens a sentence, and a title capitalises an
        # English word ("... in Around 7 Steps"), not a family's ("LLaDA 1.5: ...")
        english = english_word(word)

        def capitalised(text: str) -> bool:
            title_end = text.find("\n", text.find("\n") + 1)  # (the arXiv id, then the title)
            return any(
                m.group(1) != m.group(1).lower()
                and not _SENTENCE_START.search(text[: m.start()])
                and not (english and m.start() < title_end)
                for m in family.finditer(text)
            )

        return self._some_paper(word, capitalised)

    def mentioned(self, name: str, suffixed: bool = False) -> bool:
        """Whether any paper's text has `name` as written (case aside; '-' and ' ' alike).

        A name that starts with a model size ("14B-Instruct-1M") is the tail of a family's
        name: "Qwen2.5-14B-Instruct-1M" mentions it."""
        pattern = name_pattern(name, suffixed)
        query = name
        if m := _VERSION_TAIL.fullmatch(name.lower()):  # found as "JaColBERTv2.5" too
            query = f"{name} {m.group(1)}v{m.group(2)} {m.group(1)}{m.group(2)}"
        if self._some_paper(query, lambda text: bool(pattern.search(text.lower()))):
            return True
        if (fuller := fuller_form(name)) is not None and self._some_paper(
            query, lambda text: bool(fuller.search(text.lower()))
        ):
            return True  # "Qwen2.5-VL-3B" of a paper that writes "Qwen2.5-VL-Instruct-3B"
        # the coined tail of a hyphenated name, as people shorten it ("Danube3" of
        # "H2O-Danube3"): a name with a digit or an inner capital
        if not re.search(r"\d|[a-z][A-Z]", name) or " " in name:
            return False
        tail = re.compile(rf"(?<=[a-z0-9]-){re.escape(name.lower())}(?![a-z0-9])")
        return self._some_paper(query, lambda text: bool(tail.search(text.lower())))

    def unowned(self, name: str) -> list[str]:
        """The papers that write a model's or method's name when each only mentions it in
        passing: no paper is named as it is (at most a size after), no title writes it,
        and every paper that writes it does so once and not in the opening sentences of a
        summary, where a paper introduces what it is about ("FlashAttention-3", a baseline
        of SeerAttention-R and STA; not "Llama 3", which "The Llama 3 Herd of Models"
        names, nor "Phi-3-mini", which the Phi-3 report introduces). [] otherwise."""
        if re.match(r"\d", name):  # ("8x7B": a size, not a name)
            return []
        writers = self._writers(name)
        if self._own_paper(name) or self._titled(name, writers):
            return []
        pattern = name_pattern(name)
        for pid, n in writers.items():
            leads = (
                s for text in self.catalog.papers[pid].summaries().values() for s in _lead(text)
            )
            if n > 1 or any(pattern.search(s.lower()) for s in leads):
                return []  # a paper that is about it, or uses it throughout
        return _most_first(writers)

    def introduced(self, name: str, writers: dict[str, int] | None = None) -> bool:
        """Whether a paper that writes a name says it introduces it: an alias its summary
        coins ("Tree of Problems (ToP)"), a sentence opening with it ("CoSTA* is a ..."),
        or the name beside a word of coining in one sentence ("This paper introduces
        ACTalker", "a model named HumanFixer", "제안하는 모델, CUT3R": `coining`), in any
        of the papers that write it (several papers may each coin an acronym: TPO).
        `writers`: `_writers(name)`, when read already."""
        lowered = name.lower()
        pattern = name_pattern(name)
        writers = self._writers(name) if writers is None else writers
        few = len(writers) <= ALIAS_PAPERS
        for pid in writers:
            paper = self.catalog.papers[pid]
            if few and any(a.lower() == lowered for a in paper.aliases):
                return True  # (not a model dozens write, one summary's list made an alias)
            if introduces(paper, name, few, pattern):
                return True
        return False

    def coined_by(self, name: str, writers: dict[str, int] | None = None) -> str | None:
        """The paper that writes a name more than twice as often as all others together,
        twice or more: the method it is about, whatever its title ("LORAM" of "Train Small,
        Infer Large"; not "CogVideoX", a model dozens of papers write). `writers`:
        `_writers(name)`, when read already."""
        writers = self._writers(name) if writers is None else writers
        if name.isupper():  # an acronym as written: "DMS", not the "DMs" of diffusion models
            exact = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            writers = {
                pid: sum(
                    len(exact.findall(t)) for t in self.catalog.papers[pid].summaries().values()
                )
                for pid in writers
            }
        most = max(writers, key=writers.__getitem__, default=None)
        if most is None or writers[most] < 2:
            return None
        # (twice as often as all others together: "Longformer" twice in one paper, once in
        # another, is a baseline both use, not the first one's own)
        return most if writers[most] > 2 * (sum(writers.values()) - writers[most]) else None

    def _names_its_own(self, question: str) -> bool:
        """Whether the question writes a coined name or term that few papers write and one of
        them owns ("what is MEC-B?": the paper that spells it out; "How is the Knowledge
        Plausibility metric computed?"), however near a textbook question it reads (not "L1
        vs L2", "CUDA", "PyTorch", "ROUGE": many papers write those)."""
        text = question[:2000]
        names = {*coined_names(text), *CAPITALISED.findall(text), *_TERM.findall(text)}
        for name in (n for n in names if len(n) >= OWN_NAME_LETTERS):  # (not "LN", "BN")
            writers = self._writers(name)
            if 0 < len(writers) <= ALIAS_PAPERS and self.owns(name, writers):
                return True
        return False

    def coins(self, name: str, pid: str) -> bool:
        """Whether the paper `pid` coins a name: it writes it far more than the others
        (`coined_by`), or writes it most, says it introduces it and few others write it
        ("HG-DPO", "APG": spelt out by its summary); the papers that write it are read
        once."""
        writers = self._writers(name)
        return self.coined_by(name, writers) == pid or (
            _most_first(writers)[:1] == [pid]
            and len(writers) <= ALIAS_PAPERS
            and self.introduced(name, {pid: 1})
        )

    def owns(self, name: str, writers: dict[str, int] | None = None) -> bool:
        """Whether a paper of the archive owns a name it writes: it is named so or titled so
        (`owned`), writes it far more than the others (`coined_by`) or says it introduces
        it (`introduced`); the papers that write it are read once."""
        writers = self._writers(name) if writers is None else writers
        return (
            self.owned(name, writers)
            or self.coined_by(name, writers) is not None
            or self.introduced(name, writers)
        )

    def written_form(self, name: str) -> str | None:
        """How the papers that write a name typed in lower case write it most often
        ("winogrande": WinoGrande, "gelu": GELU), if any paper does."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
        forms = Counter(
            m.group(0)
            for pid in self._writers(name)
            for text in self.catalog.papers[pid].summaries().values()
            for m in pattern.finditer(text)
        )
        return forms.most_common(1)[0][0] if forms else None

    def writers(self, name: str) -> list[str]:
        """The papers that write a name, those that write it most first."""
        return _most_first(self._writers(name))

    def owned(self, name: str, writers: dict[str, int] | None = None) -> bool:
        """Whether a paper is named as the model is, its title writes it, or its code is
        kept in a repository named so. `writers`: `_writers(name)`, when read already."""
        writers = self._writers(name) if writers is None else writers
        return self._own_paper(name) or self._titled(name, writers) or self._kept_as(name, writers)

    def _kept_as(self, name: str, writers: Iterable[str]) -> bool:
        """Whether one of `writers` keeps its code in a GitHub repository of that name: its
        own, however its digest spells it ("Craw4LLM" keeps cxcscmu/Crawl4LLM)."""
        plain = re.sub(r"[\s_-]", "", name.lower())
        return any(
            re.sub(r"[_-]", "", url.rstrip("/").rsplit("/", 1)[-1].lower()) == plain
            for pid in writers
            for url in self.catalog.papers[pid].github
        )

    def nobodys(self, name: str) -> bool:
        """Whether the digests write a model's name that is no paper's own: no paper is
        named as it, no title writes it, and it is not the most written name of the few
        papers that write it ("Llama 3.1", a baseline of dozens)."""
        writers = self._writers(name)
        return (
            not self._own_paper(name)
            and not self._titled(name, writers)
            and not (writers and len(writers) <= MODEL_WRITERS)  # (else `writer_of`'s)
            and self.mentioned(name)
        )

    def _titled(self, name: str, writers: Iterable[str]) -> bool:
        """Whether the title of one of `writers` (the papers that write a name) writes it
        ("The Llama 3 Herd of Models": Llama 3)."""
        return bool(self._titles_writing(name, writers))

    def title_opens_with(self, name: str) -> bool:
        """Whether the title of a paper that writes a name opens with it, no version after
        it ("Mixtral of Experts": Mixtral; "The Llama 3 Herd of Models": Llama 3; not "SAM
        2: ...", another version of SAM, nor "The GAN is dead ...", a claim about GANs)."""
        opening = re.compile(
            rf"(?:the\s+)?{re.escape(name.lower())}(?![\w.-]|\s+v?\d|\s+(?:is|are|was|were)\b)"
        )
        return any(opening.match(self.catalog.papers[p].title.lower()) for p in self._writers(name))

    def titled_writer(self, name: str) -> str | None:
        """The one paper whose title opens with a name, of the papers that write it
        ("Mixtral of Experts" for "Mixtral", which many papers write as a baseline, "The
        Llama 3 Herd of Models" for "Llama 3"; not
        "The Impact of ... Evaluation of vLLM", which evaluates it); none when no title
        or several do."""
        titles = self.catalog.papers
        opening = [
            p
            for p, at in self._titles_writing(name, self._writers(name))
            if at == 0 or (at == 4 and titles[p].title.lower().startswith("the "))
        ]
        return opening[0] if len(opening) == 1 else None

    def _titles_writing(self, name: str, writers: Iterable[str]) -> list[tuple[str, int]]:
        """(arXiv id, where in its title) of `writers` whose title writes `name`."""
        pattern = name_pattern(name)
        found = ((p, pattern.search(self.catalog.papers[p].title.lower())) for p in writers)
        return [(p, m.start()) for p, m in found if m]

    def writer_of(self, name: str) -> str | None:
        """The paper that writes a model's name most often ("InternVL2-8B-MPO": the MPO
        paper, whose title does not name it), among the papers BM25 ranks first for it;
        none when more than MODEL_WRITERS papers write it: a name that many write is no one
        paper's own ("Llama 3.1", a baseline; "L2", a norm)."""
        writers = self._writers(name)
        return _most_written(writers) if len(writers) <= MODEL_WRITERS else None

    def _writers(self, name: str) -> dict[str, int]:
        """arXiv id -> how often it writes `name`, of the papers BM25 ranks first for it
        that write it at all, best ranked first."""
        pattern = name_pattern(name)
        found = ((pid, len(pattern.findall(text.lower()))) for pid, text in self._found_by(name))
        return {pid: n for pid, n in found if n}

    def _exact_writers(self, word: str) -> list[str]:
        """The papers BM25 ranks first for `word` that write it with its capitals ("OpenING",
        not "opening")."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        return [pid for pid, text in self._found_by(word) if pattern.search(text)]

    def _some_paper(self, query: str, has: Callable[[str], bool]) -> bool:
        """Whether a paper's text `has` it, among the papers BM25 ranks first for `query`:
        a name is written in the papers its words find."""
        return any(has(text) for _, text in self._found_by(query))

    def _spelled_title(self, phrase: str) -> str | None:
        """The paper whose title `phrase` writes with acronyms for some of its words
        ("'LLMs as Markov chains'": Large Language Models as Markov Chains), among those
        BM25 ranks first for it."""
        if not TITLE_ACRONYM.search(phrase):
            return None
        for pid, _ in self._found_by(phrase):
            title = self.catalog.papers[pid].title
            if norm_title(spelled_out(phrase, title)) == norm_title(title):
                return pid
        return None

    def _found_by(self, query: str) -> Iterator[tuple[str, str]]:
        """(arXiv id, lexical text) of the (at most 50) papers BM25 ranks first for `query`,
        best first."""
        scores = self.lexical.scores(query)
        for i in np.argsort(-scores)[:50]:
            if scores[i] <= 0:
                return
            yield self.ids[i], self.catalog.papers[self.ids[i]].lexical_text()

    def _direct(
        self, info: QuestionInfo, allowed, hits: dict[str, Hit], ranked: list[Hit]
    ) -> list[Hit]:
        """Papers the question names outright: by arXiv id, exact title or short name.
        `ranked`: the hits by fused score, best first."""
        named: list[tuple[str, str]] = [(pid, "id") for pid in info.arxiv_ids]
        if pid := self.catalog.by_title(info.text):
            named.append((pid, "title"))
        # a title quoted with acronyms for some of its words ("the 'LLMs as Markov chains'
        # paper")
        named += [
            (pid, "title")
            for m in _QUOTED.finditer(info.text[:2000])
            if (pid := self._spelled_title(m.group("title").strip()))
        ]
        # a title quoted by its first words ("... CCE 논문 있었지? Cut Your Losses 어쩌구"),
        # as the router reads it
        named += [
            (pid, "title") for pid in self.titles_begun(info.text, asks_a_set(info), coined=False)
        ]
        # a title quoted by the part before its colon ("who wrote LLM in a flash?") is a
        # title: too long to be a model only mentioned in passing, as a name may be
        named += [
            (pid, "name" if self.catalog.papers[pid].name else "title")
            for pid in self.catalog.by_short_name(info.text, self._english(info))
            if not asked_not_named(self.catalog.papers[pid].label, info.text)
        ]
        # a title written as part of more of another's title ("the multi-objective guided
        # discrete flow matching paper": not "Discrete Flow Matching") names that other
        named = [(self._longer_title(info.text, pid, ranked) or pid, via) for pid, via in named]
        # a name glossed by the words it stands for ("MPO(Mixed Preference Optimization)"):
        # the paper whose title has them, when the one of that name has not
        if glosses := _glosses(info.text):
            named = [
                (self._glossed(glosses, pid, ranked) or pid, via) if via == "name" else (pid, via)
                for pid, via in named
            ]
        if not named:
            # "ModernBERT 논문 요약해줘": the paper that introduced a coined word another's
            # title begins with, as the router reads it (not "Clinical ModernBERT", a name
            # with the word in it)
            named += [
                (pid, "name")
                for word, pid in self.catalog.by_coined_start(info.text)
                if word in self.catalog.papers[pid].aliases
                or self.catalog.writes_title_start(info.text, pid)
            ]
        if not named:  # "the OpenING benchmark": a coined word of one name, few papers write
            named += [
                (pid, "name")
                for word, pid in self.catalog.by_name_part(info.text)
                if len(self._exact_writers(word)) <= ALIAS_PAPERS
            ]
        # papers sharing a name ("Chimera" for time series and for a generalist VLM): the
        # one with more of the question's words first ("Chimera MathVista score?")
        labels = [
            self.catalog.papers[pid].label.lower() if pid in self.catalog else pid
            for pid, _ in named
        ]

        def words_of(pid: str) -> tuple[float, float]:
            hit = hits.get(pid)
            return (hit.lexical or 0.0, hit.score) if hit else (0.0, 0.0)

        order = sorted(
            range(len(named)),
            key=lambda i: (labels.index(labels[i]), *(-x for x in words_of(named[i][0]))),
        )
        named = [named[i] for i in order]
        handles = self.catalog.by_handle(info.text)
        if len(handles) <= 3:  # a handle shared by many papers is no pointer to one
            named += [(pid, "handle") for pid in handles]
        # A short name can also be a model or benchmark the question only uses as context
        # ("... for Gemma 2 2B", "on Omni-MATH") or a plain phrase that is some paper's name
        # ("GUI Agents"): it points at its paper when that paper is already the best match,
        # or is at least as relevant to the question as every paper it does not name that
        # would be shown. A variant of the name ("DeepSeek-Prover-V1.5" for "DeepSeek-Prover")
        # matches the same words and is no rival: the name written is the one meant.
        if len(named) == 1 and (model := self._measured_model(info.text, named[0][0])):
            # "What macro accuracy does UnifiedReward get on VLRewardBench?": the model's
            # paper first, the benchmark's after it
            named.insert(0, (model, "writer"))
        by_names = {pid for pid, via in named if via == "name"}
        first = ranked[0].arxiv_id if ranked else None
        # the papers an answer shows by default (not the request's k: the same question
        # reads the same whatever number of sources is asked for)
        shown = [h for h in ranked if h.arxiv_id not in by_names][: self.settings.top_k]

        def variant(other: str | None, name: str) -> bool:
            # either way round: "Audio Flamingo" is no rival of "Audio Flamingo 2" asked
            longer, shorter = sorted(((other or "").lower(), name), key=len, reverse=True)
            return (
                longer.startswith(shorter) and not longer[len(shorter) : len(shorter) + 1].isalnum()
            )

        def outdone(pid: str) -> bool:
            name = (self.catalog.papers[pid].name or "").lower()
            return outranks(hits[pid], [h for h in shown if not variant(h.paper.name, name)])

        # "CatLIP이랑 PuLID 논문 각각 설명해줘", "SpargeAttn and SageAttention": each is asked about
        coordinated = _coordinated(
            info.text, {pid: self.catalog.papers[pid].name or "" for pid in by_names}
        )
        # "Explain DeepSeek-R1 in three sentences": the one paper it asks to sum up, however
        # many papers write its name beside "three" and "sentences"
        sums_up = info.intent == "summary" and len({pid for pid, _ in named}) == 1
        # the one paper whose name the question opens with: its subject, whatever other
        # paper it names after (not two of one name: MoBA and MobA); not a name given as an
        # example of a kind ("Qwen2.5 같은 텍스트 LLM에 붙여서 ... 방법 있어?")
        examples = {pid for pid in by_names if self._an_example(info.text, pid)}
        starts = [
            pid
            for pid in by_names
            if self._starts_with_name(info.text, pid) and pid not in examples
        ]
        out, seen = [], set()
        for pid, via in named:
            if (
                pid in seen
                or pid not in self.catalog
                or (allowed is not None and pid not in allowed)
            ):
                continue
            if via == "name" and pid in examples:
                continue  # (one of its kind, which the other words describe)
            if (
                via == "name"
                and pid != first
                and not (
                    self._opens_with_name(info.text, pid)
                    and (len(by_names) == 1 or starts == [pid])
                )
                and not sums_up
                and pid not in coordinated
                and (pid not in hits or outdone(pid))
                and not self._baseline_on(info.text, pid)  # (last: it may search)
            ):
                continue
            seen.add(pid)
            hit = hits.get(pid) or Hit(self.catalog.papers[pid], 0.0, 0.0)
            hit.via, hit.relevance = via, 1.0
            out.append(hit)
        top = max((h.score for h in hits.values()), default=0.0)
        for i, hit in enumerate(out):
            hit.score = top + (len(out) - i) * 1e-3  # stay first, in the order named
        return out

    def titles_begun(self, text: str, topic: bool = False, coined: bool = True) -> list[str]:
        """The papers whose titles `text` quotes by their first words, when few papers
        write them all: a capitalised run of QUOTED_HEAD words or more as the title writes
        it ("Cut Your Losses 어쩌구", "'Observational Scaling Laws' 논문"), a coined word
        ("DeepSpeak 데이터셋") or words in quotes, in any case. `topic`: the question asks
        for a set of papers, and such words are its topic unless quoted ("papers on Video
        World Models"; "'Video World Models' 논문", "the Video World Models paper": a
        title). Not "Process Reward Models", which a hundred papers write, nor "OpenAI".
        `coined`: coined words too (`_direct` reads them as names, weighed as names are)."""
        started = [
            *self.catalog.by_title_start(text, QUOTED_HEAD),
            *(self.catalog.by_coined_start(text) if coined else ()),
            *self.catalog.by_quoted_start(text),  # (in quotes, in any case)
        ]
        if topic:
            started = [(w, pid) for w, pid in started if quoted_in(w, text)]
        return [pid for words, pid in started if self._few_write(words)]

    def _few_write(self, words: str) -> bool:
        """Whether at most COINED_WRITERS papers write `words` in a row (case aside)."""
        having = self.lexical.with_all(tokenize(words))  # (every word, anywhere)
        if len(having) > PHRASE_READS:
            return False  # (hundreds have its words: a topic, read no further)
        phrase = re.compile(rf"(?<![\w-]){re.escape(words.lower())}(?![\w-])")
        ids = [self.catalog.ids[int(pos)] for pos in having]
        writers = [
            p for p in self.catalog.papers.many(ids) if phrase.search(p.lexical_text().lower())
        ]
        return len(writers) <= COINED_WRITERS

    def _glossed(self, glosses: list[tuple[str, str]], pid: str, ranked: list[Hit]) -> str | None:
        """The paper among the first `ranked` whose title writes the words the question
        glosses the name of `pid` with (`glosses`: `_glosses` of it), when the title of
        `pid` does not: an acronym and what it stands for, either in brackets
        ("MPO(Mixed Preference Optimization)" is not the MPO of "Meta Plan Optimization");
        None when it glosses none."""
        if pid not in self.catalog:
            return None
        p = self.catalog.papers[pid]
        names = {n.lower() for n in (p.name, *p.aliases) if n}
        own = norm_title(p.title)
        for short, long in glosses:
            wanted = norm_title(long)
            if short.lower() not in names or not wanted or wanted in own:
                continue
            for hit in ranked[:LONGER_TITLE_HITS]:
                if hit.arxiv_id != pid and wanted in norm_title(hit.paper.title):
                    return hit.arxiv_id
        return None

    def _longer_title(self, question: str, pid: str, ranked: list[Hit]) -> str | None:
        """The paper among the first `ranked` whose title writes the title of `pid` after
        words of its own that the question writes before it ("Multi-Objective-Guided
        Discrete Flow Matching for ..." of "multi-objective guided discrete flow matching
        paper"), if any."""
        if pid not in self.catalog:
            return None
        short, asked = norm_title(self.catalog.papers[pid].title), f" {norm_title(question)} "
        for hit in ranked[:LONGER_TITLE_HITS]:
            title = f" {norm_title(hit.paper.title)} "
            at = title.find(f" {short} ")
            if hit.arxiv_id != pid and at > 0 and title[: at + len(short) + 2] in asked:
                return hit.arxiv_id
        return None

    def _baseline_on(self, question: str, benchmark: str) -> bool:
        """Whether the question measures a model many papers use (more than MODEL_WRITERS
        write it: a baseline, no paper's own) on the benchmark `benchmark` names: "what did
        Gemini 2.5 Pro score on the OmniSpatial benchmark?" asks the OmniSpatial paper,
        not the papers that report Gemini 2.5 Pro on something else."""
        if not (on := self._on_benchmark(question, benchmark)):
            return False
        name = on.lower()
        models = [
            m for m in coined_names(question) if m.lower() not in name and name not in m.lower()
        ]
        return (
            bool(models)
            and all(len(self._writers(m)) > MODEL_WRITERS for m in models)
            # a model with a paper of its own ("Qwen2.5-VL-72B"), or a paper the question
            # describes, is the one asked: its digests say whether they state the figure
            and not any(self._own_paper(m) for m in models)
            and not self._measured_model(question, benchmark)
        )

    def _own_paper(self, model: str) -> bool:
        """Whether a paper is named as the model is, at most a size after ("Qwen2.5-VL" for
        "Qwen2.5-VL-72B"; not "Gemini" for "Gemini 2.5", another version)."""
        for pid in self.catalog.by_short_name(model):
            name = (self.catalog.papers[pid].name or "").lower()
            if name and model.lower().startswith(name):
                rest = model[len(name) :].strip(" -")
                if not rest or re.fullmatch(r"\d+(?:\.\d+)?[BMK]", rest, re.I):
                    return True
        return False

    def _on_benchmark(self, question: str, benchmark: str) -> str | None:
        """The benchmark's name, when the question measures something on it ("on
        VLRewardBench", "EOC-Bench에서")."""
        if benchmark not in self.catalog or not (paper := self.catalog.papers[benchmark]).name:
            return None
        at = re.escape(paper.name)
        on = rf"\b(?:on|in|at|over)\s+(?:the\s+)?{at}(?![\w-])|(?<![\w-]){at}\s*(?:에서|기준)"
        return paper.name if re.search(on, question, re.I) else None

    def _measured_model(self, question: str, benchmark: str) -> str | None:
        """The paper of a model the question measures on the one paper it names: a name no
        title has, written most by that paper ("What macro accuracy does UnifiedReward get
        on VLRewardBench?": the UnifiedReward paper, whose title does not name it)."""
        if not self._on_benchmark(question, benchmark):
            return None
        paper = self.catalog.papers[benchmark]
        for name in coined_names(question):
            if name.lower() in paper.name.lower() or paper.name.lower() in name.lower():
                continue
            writers = self._writers(name)
            if len(writers) > MODEL_WRITERS:
                continue  # "Llama 3.1": a model many papers use, no one paper's subject
            pid = _most_written(writers)
            if pid and pid != benchmark and pid in self.catalog:
                return pid
        return self._described_on(question, paper)

    def _described_on(self, question: str, benchmark: Paper) -> str | None:
        """The paper a question describes that reports a result on the benchmark it names
        ("a two-agent code generation framework ...: what gain did it show on
        BigCodeBench?"): of the papers that write the benchmark's name, the one the rest of
        the question finds first, when it has most of the question's words."""
        name = benchmark.name or benchmark.label
        rest = re.sub(re.escape(name), " ", question, flags=re.I)
        text = self.glossary.expand(rest) if HANGUL_RUN.search(rest) else rest
        pattern = name_pattern(name)
        ranked = [p for p in self.lexical_scores(text, None, DESCRIBED_POOL) if p in self.catalog]
        for pid in ranked:
            if pid == benchmark.arxiv_id:
                return None  # the benchmark's own paper has the words first
            if pattern.search(self.catalog.papers[pid].lexical_text().lower()):
                cover = self.coverage_of(rest, [pid, benchmark.arxiv_id])
                return pid if cover[pid] > cover[benchmark.arxiv_id] + DESCRIBED_MARGIN else None
        return None

    def _english(self, info: QuestionInfo) -> str | None:
        """A Korean question with its Korean words in English (names written half in Korean)."""
        return self.glossary.translate(info.text) if info.korean else None

    def _typed_names(self, pid: str) -> set[str]:
        """The paper's name and aliases as a question's words are normalised (`norm_words`):
        what `_starts_with_name` and `_opens_with_name` look for."""
        paper = self.catalog.papers[pid]
        typed = {norm_words(n) for n in (paper.name or "", *paper.aliases)} - {""}
        # (its version written apart: "SageAttention 2" of SageAttention2)
        return typed | {_VERSION_APART.sub(" ", n) for n in typed}

    def _examples(self, text: str) -> set[str]:
        """The papers whose names `text` gives only as examples of a kind."""
        return {pid for pid in self.catalog.by_short_name(text) if self._an_example(text, pid)}

    def _an_example(self, question: str, pid: str) -> bool:
        """Whether the question writes the paper's name only as an example of a kind."""
        return an_example(question, self._name_spans(question, pid))

    def _name_spans(self, question: str, pid: str) -> list[tuple[int, int]]:
        """Where the question writes the paper's name or an alias, as a whole word."""
        paper = self.catalog.papers[pid]
        return [
            m.span()
            for name in {n for n in (paper.name, *paper.aliases) if n}
            for m in re.finditer(
                rf"(?<![A-Za-z0-9.-]){re.escape(name)}(?![A-Za-z0-9-])", question, re.I
            )
        ]

    def _starts_with_name(self, question: str, pid: str) -> bool:
        """Whether the question's first words are the paper's name, its subject whatever
        other paper it names after ("HAIC used Qwen2-VL-7B as the baseline, why?")."""
        words = f"{norm_words(question)} "
        return any(words.startswith(f"{name} ") for name in self._typed_names(pid))

    def _opens_with_name(self, question: str, pid: str) -> bool:
        """Whether the question starts with the paper's name, its subject: "agent-r avg
        success rate across the 3 envs?" asks about Agent-R, however well another paper
        covers "success rate" ("... on Omni-MATH" only uses a name as context); calls
        it a paper ("What MMLU score does the SmolLM2 paper report?", "TinyGSM 논문에서");
        or asks it as the subject of its verb ("how long does VGGT take per scene?", "how
        much memory does 8-bit GaLore save?"); or sets the scene with it ("In Design2Code,
        how many webpages ...?", "With 8-bit GaLore, how much ...?"). Only for the one
        paper the question names (two papers named CLEAR: the words decide)."""
        words = f"{norm_words(question)} "
        # (or by a name its summaries coin, or its acronym spelled out: "What FID did the
        # Decoupled Diffusion Transformer get?" asks DDT's)
        names = self._typed_names(pid)
        # a clause that sets the scene with it: "In Design2Code, how many webpages ...?"
        scene = norm_words(question.split(",", 1)[0]) if "," in question else ""
        return self._starts_with_name(question, pid) or any(
            re.fullmatch(
                rf"(?:in|for|with) (?:the )?{_PRECISION}{re.escape(name)}(?: paper)?", scene
            )
            is not None
            or re.search(rf"\b{re.escape(name)} {_PAPER}", words) is not None
            or re.search(
                rf"\b{_AUXILIARY} (?:the )?{_PRECISION}{re.escape(name)} (?!{_AS_CONTEXT})", words
            )
            is not None
            or re.search(rf"\b{_MEASURE_OF}{re.escape(name)} (?!{_AS_CONTEXT})", words) is not None
            for name in names
        )

    def _listing(self, ranked: list[Hit], allowed: set[str], hits: dict[str, Hit]) -> list[Hit]:
        """All papers within the question's dates: ranked ones first, then the rest."""
        listed = [h for h in ranked if h.arxiv_id in allowed]
        seen = {h.arxiv_id for h in listed}
        rest = sorted(
            (pid for pid in allowed if pid not in seen),
            key=lambda pid: (-(self.catalog.papers[pid].votes or 0), pid),
        )
        listed += [Hit(self.catalog.papers[pid], 0.0, 0.0) for pid in rest]
        for hit in listed:
            hit.via, hit.relevance = ("date", 1.0) if hit.via == "hybrid" else (hit.via, 1.0)
        return listed
