"""The offline answerer: builds the answer from the retrieved papers' own sentences.

No model weights, deterministic. Each summary (in every language the digests give) is
split into sentences; sentences are scored by the question's IDF-weighted terms they
contain, with a bonus for numbers when the question asks "how much / how many / what
score". The answer then takes one of three shapes:

- focused: one paper clearly answers -> its best sentences, then at most two runners-up;
- list: "which papers ..." or a date listing -> one line per paper with its best sentence;
- a Korean question prefers Korean sentences where the digests have them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.index import korean
from assistant.index.lexical import STOP, tokenize
from assistant.retrieve.hybrid import Hit, Retrieval, introduces, topical_terms, versioned_names
from assistant.text import (
    HANGUL_RUN,
    MODIFIER_ENDING,
    YEAR,
    english_word,
    fuller_form,
    one_edit_apart,
    unaccented,
)
from assistant.types import Paper
from assistant.understand import attributes, glossary, intents
from assistant.understand.query import CONTRAST, RATHER
from assistant.understand.references import SUBJECT
from assistant.understand.sentences import context_and_asked
from assistant.understand.slots import cue_pattern

if TYPE_CHECKING:
    from assistant.understand.glossary import Glossary

_BULLET = re.compile(r"(?:^|\s)[-•*]\s+")
# an abbreviation's period ends no sentence: "78.0% on AIME 25 vs. 70.4%", "Qin et al. (2024)"
_ABBREVIATION = (
    r"(?<!\bvs\.)(?<!\bal\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bFig\.)(?<!\bcf\.)(?<!approx\.)"
    r"(?<!\bex\.)(?<!\beg\.)"  # "멀티모달 입력(ex. 텍스트, 이미지)에"
)
_SENTENCE = re.compile(
    rf"(?<=[.!?]){_ABBREVIATION}(?<!: \d\.)\s+(?=[A-Z0-9\"'(\[*가-힣])|(?<=다\.)\s*"
    r"|\s+(?=[a-e]\)\s)"  # "a) The research ... b) The method ..." items
    r"|(?<=[.!?;:])\s+(?=(?:i{1,3}|iv|vi{0,3})\)\s)"  # "i) The paper ... ii) The method"
)
_FOLLOW_UPS = re.compile(
    r"\s*Follow-up [Qq]uestions?\s*:.*", re.S
)  # the digest's own, not findings
# the summarising model's own preamble: 'Here is a concise summary of the paper "X":'
_PREAMBLE = re.compile(
    r"^\s*(?:(?:Okay|OK|Sure),?\s+)?(?:Here(?:'s| is)|Sure|Certainly)\b[^\n\"“:]{0,120}(?:[\"“][^\"”\n]*[\"”][^\n:]{0,80})?:"
    r"\s*(?:\d\.\s*)?(?:\*\*Summary:?\*\*:?\s*)?",
    re.I,
)
_ITEM = re.compile(r"^(?:[a-e]|i{1,3}|iv|vi{0,3})\)\s+")
_BRACKET_NUMBER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# a figure, not part of a name ("Craw4LLM", "GPT-4", "Qwen2.5", "3DGS", "2nd") nor a
# dimension ("3D", "4D"); a unit may follow it ("236ms", "10GB", "3x")
_UNITS = r"(?:ms|GB|MB|TB|KB|fps|dB|FLOPs|TOPS|bits?|px|pp|hrs?)\b"
_FIGURE = re.compile(
    rf"(?<![A-Za-z0-9_.])(?<![A-Za-z]-)\d+(?:\.\d+)?(?!(?!{_UNITS})[A-Za-z]{{2,}})(?!d\b)", re.I
)
# one word that is a figure with its unit: "3.2-4.8배", "75.1%", "3x", "32k"
_FIGURE_WORD = re.compile(r"\d+(?:[.,]\d+)*(?:%|[x×배]|[kmbt]|ms|s|gb|mb|tb|fps|점|개|명|편)?")
_MODEL_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?[BM](?![A-Za-z])")  # "7B", "115M"
# a name's version ("Segment Anything Model 2", "Llama 3.1"): no quantity stated
_VERSION = re.compile(
    r"(\b[A-Z][A-Za-z]*) \d(?:\.\d)?(?!\d|[.,]\d|\s?(?:%|x\b|×|times|points?|pp|fps|ms)\b)"
)
_SIZES = re.compile(r"\b(sizes?|parameters?|params)\b|크기|규모|파라미터|매개변수", re.I)
_ENUMERATOR = re.compile(r"\(\d\)|(?<!\S)\d\)")  # "(1) ... (2) ...": a list, not figures
# a name made of clipped words, each capitalised: "AbsRel" (absolute relative), "RelErr"
_CLIPPED = re.compile(r"([A-Z][a-z]{2,4})([A-Z][a-z]{2,4})")
# a past participle after a hyphen: "TTS-synthesized" data, "GPT-4o-generated" answers
_PARTICIPLE = re.compile(r"[a-z]{3,}ed")
PREFIX_LETTERS = 5  # a compound's first part this short may be a prefix ("pre", "multi")
GLOSS_LETTERS = 80  # a description in brackets after a paper's name, at most this long
FIGURE_POOL = 3  # a listed paper's best sentences searched for one with the figure asked for
# a sentence naming only a variant of the model the question names whole ("DeepSeek-R1-
# Distill-Qwen-32B ... 72.6%" for "DeepSeek-R1은 AIME 2024에서 몇 점?") counts this much
# less (a quarter of the question's words): it is about another model, so the model's own
# figure, in either language, comes first when its sentence states most of the asked words
VARIANT_ONLY = 0.25
# a question that asks for a percentage ("몇 %였어?", "what percent"), and one stated
_PERCENT_ASKED = re.compile(r"%|\bper ?cent(?:age)?\b|퍼센트|몇\s*프로", re.I)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
# a share written any way a digest writes one: "38%", "38 percent", "38퍼센트", "38프로"
_A_SHARE = re.compile(r"\d\s*(?:%|per ?cent(?:age)?\b|pp\b|퍼센트|프로(?!\w))", re.I)
_QUANTITY = re.compile(
    r"\b(how (much|many|fast|large|big|well|good|long|often|accurate|high|low|small|quick|"
    r"slow|efficient|cheap|expensive|far)|score[sd]?|accuracy|speed ?ups?|"
    r"faster|percent(age)?|fraction|share|proportion|ratios?|rates?|number|count|size[sd]?|"
    r"performance|results?|improve\w*|outperform\w*|gains?|reduc\w+|achiev\w+|"
    r"parameters?|tokens?|samples?|error|drop|memory|throughput|latency|budget|what (share|"
    r"part|fraction)|numbers?|figures?)\b|얼마|몇|성능|점수|정확도|속도|배\b|향상|비율|개수|규모|수치"
    r"|(?<=[가-힣])률",  # a rate: 성공률, 적중률, 승률
    re.I,
)
_OVERVIEW = re.compile(
    # ("summarization" is a task: "what share ... did the models reach on summarization?")
    r"\b(summar(?!i[sz]ation)\w*|overview|tell me about|what is .{0,60} about|"
    r"what's .{0,60} about|explain|describe|tldr|tl;dr)\b|요약|소개해|알려\s*줘|설명해",
    re.I,
)
_RESULT = re.compile(
    r"\d+(\.\d+)?\s*(%|x\b|×|배|points?|포인트)|\b(outperform|achiev|surpass)"
    # a gain: "mIoU +3.84" (not a member of a set: "{-1, 0, +1}")
    r"|(?<![\w+{])(?<!,\s)\+\d+(\.\d+)?(?![\d.]*\s*(?:B|M|K)\b)",
    re.I,
)
# a sentence stating a paper's aim, not what it does: "The main objective is to ..."
_OBJECTIVE = re.compile(
    r"\b(objective|aims?|aimed|goal|research questions?|investigates? whether|seeks?|"
    r"address(es|ing)?|limitations?|challenges?)\b"
    # (not a purpose a method serves: "다양한 목표를 달성하기 위해 ... 개념을 제안했습니다")
    r"|목표(?!를)|목적",
    re.I,
)
# a sentence saying how a paper works: its method, approach, architecture or training
_METHOD = re.compile(
    r"\b(methodolog\w*|methods?|approach\w*|utiliz\w*|employ\w*|leverag\w*|involv\w*|"
    r"uses|using|combin\w*|architecture|trained|fine-tun\w*|pipeline)\b"
    r"|활용|사용|이용|기법|방법론|구조|도입|결합|훈련|학습시|제안(?!되)|고안",
    re.I,
)
_FOLLOWUP_NOISE = re.compile(r"\s*\(about [^)]*\)\s*$")
# a benchmark, metric or model as people write it ("MMLU", "GSM8K", "SWE-bench", "GPT-4o"):
# two capitals or more; one the paper's digests never write is a figure they do not give
_WRITTEN_NAME = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9_+](?![A-Za-z0-9_-])")
_PATH = re.compile(r"\S*/\S*")  # a link or a repository path names no figure
# what a statement says a paper was measured on or against ("evaluated on SWE-bench",
# "vs VALL-E", "MMLU에서"): a claim the paper's digests are checked for
_MEASURED_ON = re.compile(
    r"\b(?i:on|against|vs\.?|versus|than)\s+(?:the\s+)?[A-Za-z][\w.+-]*(?:\s+[A-Z][\w.+-]*)*"
    r"|[A-Za-z][\w.+-]*\s*(?:에서|기준)"
)
_JOINED = re.compile(r"\+(?=[A-Za-z])")  # names joined: "CPT+SFT", not "C++" nor "GPT-4+"
# a word with a number that names a part of a paper or a thing, not a model ("Stage 2")
_NO_MODEL = re.compile(
    r"stage|table|fig|figure|level|phase|step|section|round|part|version|type|day|week|"
    r"python|chapter|appendix|eq|equation|task|setting|experiment|tier|category|class|"
    r"layer|block|epoch|iteration|example|case|option|method|model|track|split|set|group"
)
# an accelerator, named by one capital and its number ("on a single H100", "A100", "L40S")
_CHIP = re.compile(r"[A-Z][0-9]{2,4}[A-Z]?")
# a question that weighs two sides: a second paper it names is a side, not a measure
_COMPARES = re.compile(
    r"\b(or|vs\.?|versus|than|compared?|comparison|which)\b|보다|비교|중에?\s*(어느|뭐|어떤|누가)|어느",
    re.I,
)
# a section label heading a sentence: "What's New: ...", "**Primary results:** ..."
_HEAD = re.compile(
    r"^(What's New|Technical Details|Performance Highlights):\s*|^\*\*[^*]{1,120}?:?\*\*:?\s*"
)
MAX_SENTENCE = 400
ALSO_LEAST = 0.5  # evidence of another paper shown as relevant too, at least (no floor given)
ALSO_SHARE = 0.85  # ... and of the answer's paper's evidence, at least
LEAD_SHARE = 0.5  # a first hit under the gate with less than this share of a passing one's evidence
LEADS = 5  # with none passing the gate, the first hits the best evidence may lead from


def quote_label(korean: bool) -> str:
    """What a quote from the other language's digest is labelled with."""
    return "영어 다이제스트" if korean else "Korean digest"


def _question_language_first(paper: Paper, korean: bool) -> list[tuple[str, str]]:
    """The paper's summaries (language, text), the question's language first."""
    return sorted(paper.summaries().items(), key=lambda kv: (kv[0] == "ko") != korean)


def _further(paper: Paper, korean: bool) -> list[tuple[str, str]]:
    """(language, sentence) of the paper's other digests' summaries (those after the first
    of each language), the question's language first: a figure may be in one only."""
    first = set(paper.summaries().items())
    rest = sorted(
        (x for x in paper.summary_texts() if x not in first), key=lambda x: (x[0] == "ko") != korean
    )
    return [(lang, sent) for lang, text in rest for sent in sentences(text)]


def sentences(text: str) -> list[str]:
    out = []
    text = _PREAMBLE.sub("", _FOLLOW_UPS.sub("", text), count=1)
    for chunk in _BULLET.split(text):
        for line in chunk.splitlines():
            for sent in _SENTENCE.split(line.strip()):
                # a digest's own "[3]" must not pose as a citation of our third source
                sent = _HEAD.sub("", _ITEM.sub("", sent.strip(" -")))
                sent = _BRACKET_NUMBER.sub(r"(\1)", sent)
                if len(sent) >= 20:
                    out.append(sent if len(sent) <= MAX_SENTENCE else sent[:MAX_SENTENCE] + "…")
    return out


def asks_quantity(question: str) -> bool:
    """Whether the question asks for a number ("how many", "수치로", "speedup")."""
    return bool(_QUANTITY.search(question))


_PRECISION = re.compile(  # "4-bit", "4비트", "INT4", "FP8", "W4A16"; a GPU ("A100", "RTX 4090")
    r"(?<![\w.])(?:\d+(?:\.\d+)?[\s-]?(?:bits?(?![\w])|비트)|(?:INT|BF|NF|MXFP|FP|W|A)\d+(?:A\d+)?(?![\w])"
    r"|(?:RTX|GTX)\s?\d{3,4}(?:\s?Ti)?(?![\w])|[HVL]\d{2,3}S?(?![\w]))",
    re.I,
)


def _stated(sentence: str) -> set[str]:
    """The figures a sentence states as results: not a model's size ("LLaVA 7B"), a
    precision ("4-bit", "INT4", "W4A16") nor a GPU ("RTX4090", "H100"), which name what
    was measured."""
    return figures(_PRECISION.sub(" ", _MODEL_SIZE.sub(" ", sentence)))


def figures(text: str) -> set[str]:
    """The numbers a text states (list markers aside)."""
    return set(_FIGURE.findall(_ENUMERATOR.sub(" ", text)))


# a model's size that is a quantity stated, not part of a model's name ("47B 파라미터",
# "13B active parameters"; not "Zephyr-7B", "Llama-3 8B")
_NAMED_SIZE = re.compile(_MODEL_SIZE.pattern + r"(?!\s*(?:파라미터|매개변수|active|param))", re.I)


def _quantities(text: str) -> set[str]:
    """The figures a sentence states as quantities: not a model's size in its name, nor a
    year ("(Touvron et al., 2023)")."""
    return {f for f in figures(_NAMED_SIZE.sub(" ", text)) if not YEAR.fullmatch(f)}


def _a_set(retrieval: Retrieval) -> bool:
    """A topic asked about within a date range: the answer is the set of papers on it."""
    hits = retrieval.passing()
    return retrieval.dated and len(hits) > 1 and hits[0].via == "hybrid"


_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*%?")
MEASURE_SPAN = 2  # words between a measure and its figure: "PSNR of 31.87", "53.7% mIoU"


_MEASURE_UNITS = ("%", "x", "×", "배", "점")  # a level or a ratio, not a count ("46개의")


def _a_figure(word: str) -> bool:
    """Whether a word is a figure ("31.87", "2.5x", "75%"), also a level or a ratio with a
    Korean particle on it ("2895점을", "58.8%에서"; not a count: "46개의 질문")."""
    m = _FIGURE_WORD.match(word)
    if m is None:
        return False
    if m.end() == len(word):
        return True
    return m.group(0).endswith(_MEASURE_UNITS) and word[m.end() :] in korean.classes()["particles"]


def measures(terms: set[str], sentence: str, title: str, given: set[str] = frozenset()) -> bool:
    """Whether the sentence states a figure next to one of the question's terms ("a PSNR
    of 31.87", "75.1% accuracy"): it gives the measure the question names, whatever that
    measure is called. Words of the title (the paper's name, its topic) do not count, nor
    figures the question states itself (`given`: "the 200K dataset")."""
    own = set(tokenize(title))
    wanted = [t for t in terms if t not in own and not t[0].isdigit()]
    if not wanted:
        return False
    words = _WORD.findall(sentence.lower())
    # (a model's size is no measure's figure: "LLama3.1-405B 모델을 능가")
    at_figures = [
        i
        for i, w in enumerate(words)
        if _a_figure(w) and not _MODEL_SIZE.fullmatch(w.upper()) and not figures(w) <= given
    ]
    return any(
        any(word.startswith(t) for t in wanted)
        and any(0 < abs(i - j) <= MEASURE_SPAN for j in at_figures)
        for i, word in enumerate(words)
    )


VERDICT_SPAN = 8  # words between a compared measure and its figure ("38.0% pass@1 on SWE-bench")
SENTENCE_WORDS = 2  # how much further a figure of the next shown sentence counts
DELTA_WORDS = 4  # how much further a change ("a ~6% improvement", "by 3 points") counts
# a figure that states a change, not a level: "by 6%", "+3.1", "~6% improvement", "6% 향상"
_DELTA_BEFORE = re.compile(r"(?:\bby|[+~±])\s*$", re.I)
_DELTA_AFTER = re.compile(
    r"^\s*(?:%|x|×|points?|pp)?\s*(?:absolute\s+|relative\s+)?"
    r"(?:improvement|gain|increase|boost|higher|better|more|over|향상|개선|증가|높)",
    re.I,
)
# a figure with its unit, as a sentence writes it: "38.0%", "4.7×", "3.2배", "0.86", a range
# "3-4×" (its first number the value); not a setting a hyphen glues to a word ("2-bit"),
# nor a count ("5개의 벤치마크")
_STATED = re.compile(
    r"(?<![A-Za-z0-9_.@\-])(\d+(?:[.,]\d+)*)(?:\s?[-–~]\s?\d+(?:[.,]\d+)*)?"
    r"\s?(%|×|x\b|times\b|배|points?\b|점)?(?![A-Za-z0-9]|-[A-Za-z0-9]|\s?(?:개|편|명|가지|종))",
    re.I,
)
_UNIT_KIND = {
    "%": "%",
    "×": "x",
    "x": "x",
    "times": "x",
    "배": "x",
    "point": "pt",
    "points": "pt",
    "점": "pt",
}


def stated_figure(
    terms: set[str],
    shown: Sequence[str],
    title: str,
    given: frozenset[str] = frozenset(),
    unit: str | None = None,
) -> tuple[str, str, float] | None:
    """The figure a paper's `shown` sentences (its lines of the answer, best evidence
    first) state next to one of the compared measure's `terms` (at most VERDICT_SPAN
    words away), as (figure as written, unit kind, value): ("38.0%", "%", 38.0) for
    "38.0% pass@1 accuracy on the SWE-bench Verified benchmark". The nearest figure wins,
    each later sentence counting as SENTENCE_WORDS words further. The paper's own title words
    (its name, "Hunyuan3D 2.0") are no measure, the question's numbers (`given`: "AIME
    2024") no figure. With a `unit` kind ("x": a speed-up, "2.1x", "3배"), only figures in
    it count, and they need no measure word beside them."""
    own = set(tokenize(title))
    wanted = [t for t in terms if t not in own and not t[0].isdigit()]
    best: tuple[int, str, str, float] | None = None
    for rank, sent in enumerate(shown):
        words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(sent)]
        at = [i for i, (_, w) in enumerate(words) if any(w.startswith(t) for t in wanted)]
        starts = [s for s, _ in words]
        for m in _STATED.finditer(sent) if (at or unit) else ():
            kind = _UNIT_KIND.get((m.group(2) or "").lower(), "")
            if not figures(m.group(0)) - given or (unit and kind != unit):
                continue
            j = max((k for k, s in enumerate(starts) if s <= m.start()), default=0)
            if not kind and YEAR.fullmatch(m.group(0).strip()) and j - 1 in at:
                continue  # a benchmark's year ("AIME 2024에서 72.6%"), not its figure
            near = min((abs(i - j) for i in at), default=VERDICT_SPAN)
            far = near + SENTENCE_WORDS * rank
            if _DELTA_BEFORE.search(sent[: m.start()]) or _DELTA_AFTER.search(sent[m.end() :]):
                far += DELTA_WORDS  # a change is the answer only when no level is as near
            if 0 < near <= VERDICT_SPAN and (best is None or far < best[0]):
                value = float(m.group(1).replace(",", ""))
                best = (far, m.group(0).strip(), kind, value)
    return best[1:] if best else None


def _asked_of(question: str, paper: Paper) -> str:
    """What a question asks of a named paper: without a follow-up's subject, the paper's
    own names beside its title, and paths ("owner/repo")."""
    return _PATH.sub(" ", _aside_of(SUBJECT.sub(" ", question), paper))


def _not_written(
    question: str, paper: Paper, others: Sequence[Paper] = (), asked: Sequence[Paper] = ()
) -> list[str]:
    """The benchmarks, metrics or models the question writes (`_WRITTEN_NAME`) that none
    of the paper's digests write, its own title and name aside; not an acronym they write
    out ("SOTA": "state-of-the-art"), nor, in a comparison ("A or B, which is higher?"),
    the name of another paper found (`others`): B is a side, not a measure of A; nor the
    name of another paper the question names as well (`asked`: "CatLIP이랑 PuLID 설명해줘").
    A name typed in lower case ("mmlu", "gsm8k", "mt-bench") counts when the papers found
    write it as a name (`_typed_name`)."""
    # a follow-up's rewrite names its subject; another name beside the title is the paper's
    text = _asked_of(question, paper)
    # "MSE 대신 뭘 써?", "what instead of MSE?": what it is set against, not asked
    text = RATHER.sub(" ", CONTRAST.sub(" ", text))
    context, asking = context_and_asked(text)
    if context and not figures(context):
        # "FlashSpeech zero-shot TTS uses a latent consistency model. What fraction of
        # prior systems' inference time does it need?": a statement that claims no figure
        # describes the paper in the asker's words; only a claimed figure, and what it says
        # the paper was measured on, are checked ("s1 was evaluated on SWE-bench. What
        # score did it get?")
        text = " ".join([asking, *(m.group(0) for m in _MEASURED_ON.finditer(context))])
    if cue_pattern("basis_cue").search(text):
        # "LMM-R1 is built on Qwen2.5-VL-7B right?": what it builds on is a claim of its
        # own digests, however another paper the question names (Qwen2.5-VL) writes it
        asked = ()
    # (every digest's summary: two of one language may write different figures)
    own = " ".join([paper.title, paper.label, *(t for _, t in paper.summary_texts())]).lower()
    sides = [*asked, *(others if _COMPARES.search(text) else ())]
    named = " ".join(w for p in sides for w in (p.title, p.label, *p.aliases)).lower()
    # and what another paper the question names writes is that paper's ("Global MMLU랑
    # ALM-bench(All Languages Matter)": ALM-bench, which only the second one's digest writes)
    named += " " + " ".join(t for p in asked for _, t in p.summary_texts()).lower()
    around = " ".join(t for p in others for t in (p.title, *(x for _, x in p.summary_texts())))
    squashed, squashed_named = _squashed(own), _squashed(named)
    found = []
    # a word typed in lower case may be written in Korean by a paper only Korean digests
    # summarise ("tokenizer": its "토크나이저"): only a name with capitals is looked for
    english = "en" in paper.summaries()
    # ("CPT+SFT 하이브리드": two names, each written apart by its digest)
    typed = (p for w in _WRITTEN_NAME.findall(text) for p in _JOINED.split(w) if len(p) > 1)
    for w in filter(None, map(_name_part, typed)):
        name = w if sum(c.isupper() for c in w) >= 2 or _CHIP.fullmatch(w) else None
        name = name or (_typed_name(w, around) if english else None)
        if name and len(name) <= 2 and english_word(name):
            continue  # "OK, switching topics": a word
        if (
            name
            and not _compound_words(name)  # "Real-World", "End-to-End": words, no name
            and not _described_kind(name, own)  # "small-LM": a kind its digests write
            # "GPU": its "642 H100일"; not a chip named, which only that chip states
            # ("throughput gain on an H100?" of a digest measuring an A100)
            and not (attributes.stated_alike(name, own) and not _CHIP.fullmatch(name))
            and _squashed(w) not in squashed  # "HumanEval": its "Human Eval"
            and not _misspelt(w, own)  # "HumanEvl" of its "HumanEval", "PokeLLMon"
            and not re.search(rf"(?<![a-z0-9-]){re.escape(w.lower())}(?![a-z0-9-])", named)
            and not written_out(name, own)
            and not _written_fuller(name, own)  # "Qwen2.5-VL-3B": "Qwen2.5-VL-Instruct-3B"
            and not _maker_of(w, text, paper)  # "DeepSeek NSA": who made it, not a measure
            and not _set_against(w, text, paper)  # "TALE and QFFT": a side, not a measure
            and not _year_written(w, own)  # "AIME24": its "AIME 2024"
            # an acronym a Korean summary writes in Korean ("SOTA": 최첨단)
            and not any(k in own for k in glossary.korean_for_acronym(name))
        ):
            found.append(name)
    for name in versioned_names(text):
        # a model with a version ("Gemini 2.5 Pro"; one capital, so no name above) whose
        # family (its leading letters: "gpt" of "GPT4o", "llama" of "Llama3-8B") the paper's
        # digests never write: they state no figure of it ("Stage 2" is a part of a paper)
        family = re.match(r"[A-Za-z]*", name).group(0).lower()
        if (
            name[0].isupper()  # (one typed in lower case is read above, `_typed_name`)
            and len(family) > 2
            and not _NO_MODEL.fullmatch(family)
            and not any(_squashed(f).startswith(family) for f in found)
            and family not in squashed
            and family not in squashed_named
        ):
            found.append(name)
    found += _other_year_only(text, own)
    return list(dict.fromkeys(found))


# what joins two sides set against each other: "A and B", "A vs B", "A랑 B", "A, B"
_JOINS_SIDES = re.compile(r"\W*(?:(?:and|or|vs\.?|versus|with)\b|랑|이랑|과|와|하고|,)\W*", re.I)
_ASIDE_IN = re.compile(r"\s*\([^()]*\)")  # "TALE (token-budget-aware reasoning)"
_GLOSSED_WORDS = 4  # words before a name in brackets that it may stand for


def _set_against(name: str, text: str, paper: Paper) -> bool:
    """Whether the question joins `name` to the paper's own name as two sides ("compare
    how much TALE (token-budget-aware reasoning) and QFFT cut reasoning length", "CoDe랑
    InfiniPot-V", "InfiniPot-V and Collaborative Decoding (CoDe)"): another paper it asks
    of, which the search may not have found, not a measure the paper's digests leave out."""
    own = paper.short_names
    at = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    # a name in an aside stands for the words before it ("Collaborative Decoding (CoDe)")
    for aside in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", text):
        before = text[: aside.start()].rstrip()
        for words in range(1, _GLOSSED_WORDS + 1):
            start = len(" ".join(before.split(" ")[:-words]))
            at.append((start, aside.end()))
    for w in own:
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![A-Za-z0-9-])", text, re.I):
            for start, end in at:
                between = text[end : m.start()] if end <= m.start() else text[m.end() : start]
                if _JOINS_SIDES.fullmatch(_ASIDE_IN.sub(" ", between)):
                    return True
    return False


def _year_written(name: str, own: str) -> bool:
    """Whether `name` is a benchmark of a year ("AIME24") that the digests (`own`, lower
    case) write with that year, in any form ("AIME 2024")."""
    m = _NAME_YEAR.fullmatch(name)
    return m is not None and f"20{m.group(2)[-2:]}" in _years_of(m.group(1), own)


def _years_of(name: str, own: str) -> set[str]:
    """The years the digests (`own`, lower case) write the benchmark `name` with, "" for
    none ("AIME 2024", "AIME24", "AIME-2025", "AIME")."""
    written = re.findall(rf"(?<![\w-]){re.escape(name.lower())}[\s'-]?((?:20)?2\d)?(?![0-9])", own)
    return {f"20{y[-2:]}" if y else "" for y in written}


def _other_year_only(text: str, own: str) -> list[str]:
    """The benchmarks of a year the question writes ("ReTool AIME 2025 accuracy?") that the
    paper's digests (`own`, lower case) write only with another year ("AIME 2024", "AIME24"):
    they state no figure on that one. A name they write with no year may be that year's."""
    out = []
    for written, name, year in _benchmark_years(text):
        years = _years_of(name, own)
        if years and "" not in years and year not in years:
            out.append(written)
    return out


def _states(attribute: attributes.Attribute, sentence: str, given: set[str] = frozenset()) -> bool:
    """Whether the sentence states the attribute with a figure the question does not give
    (or, for one stated by a name, a base model's, at all)."""
    if not attribute.states.search(sentence):
        return False
    return not attribute.figure or bool(figures(sentence) - given)


def _no_share(question: str, paper: Paper) -> bool:
    """Whether the question asks a percentage of the paper ("몇 % 통과했어?", "what percent
    ...?") that none of its digests could state: they write no share at all."""
    text = _aside_of(SUBJECT.sub(" ", question), paper)
    text = _PERCENT.sub(" ", text)  # a share it states ("95% 찍었다던데") is none it asks
    return bool(_PERCENT_ASKED.search(text)) and not any(
        _A_SHARE.search(summary) for _, summary in paper.summary_texts()
    )


# a figure a question states with its unit: "90%", "2.5x", "3배", "80GB", "18.6 points"
_UNIT_END = r"(?![A-Za-z])"  # (a Korean particle may follow a unit: "120 FPS로")
_METRICS = r"mAP|AP|AUC|BLEU(?:-\d)?|ROUGE(?:-\w+)?|FID|FVD|PSNR|SSIM|LPIPS|WER|CER|F1|EM|dB"
_CLAIMED = re.compile(
    rf"(?<![\w.,])(?:\$\s?)?(?P<unit>\d+(?:\.\d+)?)\s?(?:%p?|x{_UNIT_END}|×|times{_UNIT_END}|배|"
    rf"[GMT]B{_UNIT_END}|ms{_UNIT_END}|fps{_UNIT_END}|points?{_UNIT_END}|pp{_UNIT_END}|포인트|"
    r"점(?![수이가])|퍼센트|프로(?!\w)|개(?=에서|로|나|\s)|"
    # a metric's, a size's or a cost's unit ("50 mAP", "671B parameters", "10만 GPU시간")
    rf"(?:GPU\s?)?(?:hours?{_UNIT_END}|시간)|달러|(?:tokens?{_UNIT_END}|토큰)|"
    rf"(?:parameters?|params?){_UNIT_END}|파라미터|매개변수|(?-i:{_METRICS}){_UNIT_END}|"
    # a model's size ("a 32B model": 32 billion by then), a number of examples ("only 500
    # samples") or of tries
    rf"(?:-?\s?(?:parameter\s)?models?){_UNIT_END}|모델|(?:samples?|examples?){_UNIT_END}|샘플|예제|"
    # a number of tries ("after only 10 trials": 130 in its digest)
    rf"(?:trials?|attempts?|episodes?){_UNIT_END}|번의?\s?시도|회\s?시도)"
    # a score written bare, as no version, arXiv id or year.month is: "MOTA 0.95", "75.82"
    r"|(?<![\w.,-])(?P<bare>0\.\d+|\d{1,3}\.\d{2,})(?![\w.%-])"
    r"|(?<![\w.,])\$\s?(?P<cost>\d+(?:\.\d+)?)(?![\d.])"  # a cost: "~$900"
    # a metric before its figure ("a BLEU-4 of 52", "CER of 1.1"), a score on a benchmark
    # ("scored 72 on AIME 2024", "by 12 on SA-V")
    rf"|(?<![A-Za-z])(?-i:{_METRICS}){_UNIT_END}\s*(?:of|=|:)\s*(?P<metric>\d+(?:\.\d+)?)(?![\d.%])"
    r"|(?<![\w.,-])(?P<on>\d+(?:\.\d+)?)(?=\s+on\s+(?:the\s+)?(?-i:[A-Z][\w-]*[A-Z0-9]))",
    re.I,
)
# a figure set as a bound or hedged, not claimed exactly ("over 90%", "about 80%", ">65%",
# "90% 이상", "2배 넘게", "65%를 넘었다던데", "65%보다 높지?")
_BOUND = re.compile(
    r"(?:\b(?:over|above|under|below|beyond|exceed\w*|at (?:least|most)|more than|less than|"
    r"fewer than|greater than|higher than|better than|lower than|worse than|up to|within)"
    r"\s+|[<>≥≤]\s*)$",
    re.I,
)
# a figure hedged ("about 80%", "like 80GB", "~20 GB", "80% 정도"): claimed within HEDGE of it
_HEDGE = re.compile(r"\b(?:about|around|roughly|nearly|almost|approximately|like)\s+$|~\s*$", re.I)
_HEDGE_AFTER = re.compile(r"^\s*(?:가까이|안팎|내외|정도|쯤|남짓)")
HEDGE = 0.15  # a hedged figure is borne out by one within this share of it
_BOUND_AFTER = re.compile(
    r"^\s*(?:을|를)?\s*(?:이상|이하|초과|미만|넘|대|보다|or (?:more|less)|plus|\+)"
)
# the asker's own figure, not the paper's: "my 12GB GPU", "제 데이터셋이 500개 샘플인데"
_CLAIM_SENTENCE = re.compile(r"(?<=[.!;])\s+")  # the statements before a question, apart
_OWN_FIGURE = re.compile(r"\b(?:my|our|I have|we have)\b|(?<![가-힣])(?:제|내|우리)\s", re.I)


_TIMES = re.compile(r"(?:x|×|times|배)$", re.I)
_POINTS = re.compile(r"(?:%p|points?|pp|포인트|점)$", re.I)
DERIVED_FROM = 8  # a sentence's first figures two of which a claimed change may be of


_TIMES_TEN = {
    **{"천": 1_000, "만": 10_000, "억": 10**8, "조": 10**12},
    **{"k": 1_000, "m": 10**6, "b": 10**9, "t": 10**12},
    **{"thousand": 1_000, "million": 10**6, "billion": 10**9, "trillion": 10**12},
}


def _whole_figures(
    text: str, steps: dict[str, float] | None = None, written: dict[str, str] | None = None
) -> str:
    """Figures written whole: without thousands separators ("1,000"), and a Korean or an
    English multiple multiplied out ("10만" 100000, "665k" 665000, "4 trillion" and "4T"
    4000000000000). `steps` gets each such figure's precision as written ("66만": 10000,
    so 665,000 is borne out), `written` how it was written."""
    written = {} if written is None else written
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)

    def whole(m: re.Match) -> str:
        times = _TIMES_TEN[m.group(2).lower()]
        value = float(m.group(1)) * times
        said = str(int(value)) if value.is_integer() else str(value)
        if steps is not None:
            steps[said] = times * 10 ** -len(m.group(1).partition(".")[2])
            written[said] = m.group(0)
        return said

    return re.sub(
        r"(?<![\w.])(\d+(?:\.\d+)?)\s?([천만억조]|[kKMBT](?![\w.])|(?:thousand|million|billion|trillion)\b)",
        whole,
        text,
    )


def _derived(*papers: Paper) -> tuple[list[float], list[float], list[float]]:
    """What two figures of one sentence of the papers' digests state together, both shares
    or neither: the change from one to the other as a percentage of either ("3790개에서
    2125개로": a 44% cut, a 78% rise), the ratio of the larger to the smaller, and their
    difference."""
    changes, ratios, gaps = [], [], []
    for p in papers:
        for _, summary in p.summary_texts():
            for sentence in re.split(r"(?<=[.!?다])\s+", summary.replace(",", "")):
                figures = [
                    (float(m.group(1)), bool(m.group(2)))
                    for m in re.finditer(
                        r"(?<![\w.])(\d+(?:\.\d+)?)\s?(%)?", _whole_figures(sentence)
                    )
                ][:DERIVED_FROM]
                for i, (a, share) in enumerate(figures):
                    for b, alike in figures[i + 1 :]:
                        low, high = sorted((a, b))
                        if not low or low == high or share != alike:  # (a share and a count)
                            continue
                        changes += [(high - low) / high * 100, (high - low) / low * 100]
                        ratios.append(high / low)
                        gaps.append(high - low)
    return changes, ratios, gaps


_VERSIONED = re.compile(r"(?P<stem>[A-Za-z][A-Za-z-]*?)[-\s]?v?(?P<version>\d+(?:\.\d+)?)", re.I)


def _other_version(name: str, paper: Paper) -> str | None:
    """Another version of a versioned name that the paper's digests write ("YOLOv10" for
    "YOLOv8", "Llama 3" for "Llama 2"), if any: what they say instead."""
    m = _VERSIONED.fullmatch(name.strip())
    if m is None:
        return None
    stem = re.escape(m.group("stem"))
    for _, text in paper.summary_texts():
        for w in re.finditer(rf"(?<![\w-]){stem}[-\s]?v?(\d+(?:\.\d+)?)(?![\w.]*\d)", text, re.I):
            if w.group(1) != m.group("version"):
                return w.group(0)
    return None


def _corrections(question: str, absent: Sequence[str], paper: Paper) -> dict[str, str]:
    """Each name the question asks of the paper that its digests do not write, with the
    other version of it they do ("YOLOv8": "YOLOv10"), when the question asks what the
    paper builds on (slot basis_cue), as a question, not a premise: that is the answer."""
    if not cue_pattern("basis_cue").search(question) or cue_pattern("premise_cue").search(question):
        return {}
    return {a: other for a in absent if (other := _other_version(a, paper))}


def _unnamed(text: str, paper: Paper) -> str:
    """`text` without the paper's title and name, as written."""
    for name in sorted({paper.title, paper.label, *paper.aliases}, key=len, reverse=True):
        text = re.sub(re.escape(name), " ", text, flags=re.I) if name else text
    return text


def _asked_apart(question: str, absent: Sequence[str]) -> bool:
    """Whether a question of several parts asks something in a part that names nothing
    the digests lack ("what's the algorithm called again, and does it beat fp8 e5m2 on
    GSM8k?"): not a premise, whose other parts lean on it."""
    if cue_pattern("premise_cue").search(question):
        return False
    parts = [
        p for p in intents.clause_parts(question) if len(p.split()) >= intents.CLAUSE_WORDS + 1
    ]
    return len(parts) > 1 and any(
        not any(a.lower() in p.lower() for a in absent) and _ASKING.search(p) for p in parts
    )


# a part that is a question of its own: it opens with an asking word (not "clip epsilon
# values did DAPO use", the second noun of "KL penalty and clip epsilon values"), or, in
# Korean, has one
_ASKING = re.compile(
    r"^\W*(?:and\s+|also\s+|but\s+)?"
    r"(?:what|which|who|how|when|where|does|did|do|is|are|was|were|can)\b"
    r"|뭐|무엇|어떻|얼마|몇|누구|언제|어디",
    re.I,
)


def _variant_named(question: str, paper: Paper) -> bool:
    """Whether the question writes the paper's coined name with a variant's suffix
    ("YOLOv12-N", "Qwen2.5-7B" of Qwen2.5): its figures are the paper's."""
    return any(
        re.search(r"\d|[a-z][A-Z]", name)
        and re.search(rf"(?<![\w-]){re.escape(name)}-\w+", question, re.I)
        for name in {paper.name, paper.label, *paper.aliases}
        if name
    )


def _writes(name: str, text: str, after: str = r"(?![A-Za-z0-9_-])") -> bool:
    r"""Whether `text` writes `name` whole, a Korean particle glued on or not ("DeepSeek-R1은"),
    or followed by `after` (r"-\w": a variant's suffix)."""
    return re.search(rf"(?<![A-Za-z0-9_-]){re.escape(name)}{after}", text, re.I) is not None


def _names_whole(question: str, paper: Paper) -> list[str]:
    """The paper's names the question writes whole, no variant's suffix after them
    ("DeepSeek-R1은", not "DeepSeek-R1-Distill")."""
    return [n for n in {paper.name, paper.label, *paper.aliases} if n and _writes(n, question)]


def _variant_only(names: list[str], sentence: str) -> bool:
    """Whether `sentence` writes one of `names` only as a variant's ("DeepSeek-R1-Distill-
    Qwen-32B"), never whole."""
    return any(_writes(n, sentence, r"-\w") for n in names) and not any(
        _writes(n, sentence) for n in names
    )


def _claimed_figures(question: str, paper: Paper, asked: Sequence[Paper] = ()) -> list[str]:
    """The figures a question claims of a named paper, as a premise ("LKCell이 FLOPs를
    90%나 줄였다던데", "DehazeXL needs like 80GB ..., why ...?", "since Goedel-Prover beat
    ... by 20 points"; a cue of slot premise_cue says it is one), that none of its digests
    states, rounded as the question writes it (90.2 states 90; 0.817 states 81.7%): a
    premise the digests do not bear out. A bound or a hedge ("over 90%", "about 80%", "2배
    이상"), the asker's own figure ("my 12GB GPU") and a figure of another paper the
    question names (`asked`) that its digests state claim nothing."""
    text = _asked_of(question, paper)
    if not cue_pattern("premise_cue").search(text):
        # a statement of the paper before the question claims what it states as much
        # ("CLAIR-A beats the FENSE metric by 15.8% on Clotho-Eval. What LLM does it use?"):
        # its figures; not one's own ("I got an FID of 30 with my model. What FID did ...")
        names = paper.short_names
        text = " ".join(
            sent
            for sent in _CLAIM_SENTENCE.split(context_and_asked(text)[0])
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", sent, re.I) for n in names)
            and not _OWN_FIGURE.search(sent)
        )
        if not figures(text):
            return []
    precision: dict[str, float] = {}  # a multiple's, as written ("66만")
    as_written: dict[str, str] = {}
    text = _whole_figures(text, precision, as_written)  # "1,000개", "10만": one figure
    found = [
        (float(m.group(1)), bool(m.group(2)))
        for p in (paper, *asked)
        for _, summary in p.summary_texts()
        for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(%)?", _whole_figures(summary))
    ]
    written = [w for w, _ in found]
    # a share written either way: 81.7% of "0.817", 0.9 of "90.0%"
    as_percent = written + [w * 100 for w in written if w < 1]
    as_fraction = written + [w / 100 for w, percent in found if percent]
    changes, ratios, gaps = _derived(paper, *asked)
    out = []
    for m in _CLAIMED.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if _BOUND.search(before) or _BOUND_AFTER.match(after):
            continue
        if _OWN_FIGURE.search(before[-24:]):
            continue
        number = next(m.group(g) for g in ("unit", "bare", "cost", "metric", "on") if m.group(g))
        value, claimed = float(number), m.group(0).strip()
        claimed = claimed.replace(number, as_written.get(number, number), 1)  # ("10만")
        step = precision.get(number, 10 ** -len(number.partition(".")[2]) / 2)  # 90: 89.5-90.5
        percent = claimed.endswith("%")
        among = as_percent if percent else as_fraction if m.group("bare") else written
        if percent:  # "cut tokens by 44%" of 3790 to 2125; "5% better" of 70% and 75%
            among = among + changes + gaps
        elif _TIMES.search(claimed):  # "2x faster" of 10 ms and 5 ms
            among = among + ratios
        elif _POINTS.search(claimed):  # "beat it by 7.6 points" of 46.3 and 53.9
            among = among + gaps
        if any(abs(w - value) <= step for w in among):
            continue
        if _HEDGE.search(before) or _HEDGE_AFTER.match(after):
            # "about 80%" of 78.4%: near one written as it is (a share, or not one)
            alike = [w for w, share in found if share == percent]
            if any(abs(w - value) <= HEDGE * value for w in alike):
                continue
        out.append(claimed)
    return out


def _claimed_unit(question: str, claimed: str) -> str | None:
    """The word after a figure the question claims, which says what it counts ("832개
    태스크": 태스크; "12% attention sink rate": attention), when it is a word of its own (a
    Korean noun, or a Latin word that is no stop word); None otherwise."""
    at = question.find(claimed)
    if at < 0:
        return None
    m = _UNIT_WORD.match(question, at + len(claimed))
    if m is None or (m.group(1).isascii() and m.group(1).lower() in STOP):
        return None
    return m.group(1)


# the word after a claimed figure, apart from it: a Korean noun without its particle (one
# syllable or two: "토큰으로"), or a Latin word
_UNIT_WORD = re.compile(
    r"\s+(?:of\s+)?(?:the\s+)?([가-힣]{2,}?(?=(?:으로|에서|까지|부터|보다|처럼|라는|이라는|[은는이가을를의에로도만])?"
    r"(?:\s|$|[?.,]))|[A-Za-z][A-Za-z-]{2,})"
)


def _own_names(paper: Paper) -> str:
    """The paper's title, label and aliases, lower-cased: its names, no measure asked."""
    return " ".join([paper.title, paper.label, *paper.aliases]).lower()


# the words around a claimed figure that say what it measures, and a range stated
CLAIM_CONTEXT = 60  # characters on each side of the claimed figure in the question
FIGURE_NEAR = 40  # characters between such a word and a figure in a sentence quoted
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|~|to)\s*(\d+(?:\.\d+)?)")


def _contradicted(question: str, claimed: str, paper: Paper, quoted: Sequence[str]) -> bool:
    """Whether a sentence quoted states another figure for what the question claims a
    figure of: a figure the question does not give, near a word of what the claimed one
    measures ("50% on LifeChoice": "LifeChoice 벤치마크에서 93.47%"); such a word is a
    name or acronym, not a word of the language ("score", "accuracy"). Not a range that
    holds the claimed value ("10배" of "4-15배"), nor a figure of something else ("60 on
    ARC" of a HellaSwag score)."""
    at = question.find(claimed)
    if at < 0:
        return False
    window = question[max(0, at - CLAIM_CONTEXT) : at + len(claimed) + CLAIM_CONTEXT]
    own = _own_names(paper)
    measured = {
        w.lower()
        for w in re.findall(r"[A-Za-z][A-Za-z0-9.+-]*", window.replace(claimed, " "))
        if len(w) > 1
        and w.lower() not in own
        and w.lower() not in STOP
        and (w.isupper() or not english_word(w))
    }
    if unit := _claimed_unit(question, claimed):  # what it counts ("832개 태스크")
        measured.add(unit.lower())
    # two words of the language together name a measure too ("collision rate")
    # (a title's words of the language may say it: "10x faster annotation" of MapQaTor, a
    # framework "for efficient annotation"; its short names do not)
    names = {n.lower() for n in paper.short_names}
    words = [w for w in re.findall(r"[a-z][a-z-]+", window.lower()) if w not in names]
    pairs = zip(words, words[1:], strict=False)
    measured |= {f"{a} {b}" for a, b in pairs if a not in STOP and b not in STOP}
    # and a word right next to the claimed figure does, beside a figure of its kind ("10x
    # faster annotation", "makes annotation 10x faster": "a 30x speedup in annotation";
    # "drops accuracy by 10%": "comparable accuracy (with only a 1% drop)"), not a verb
    # further off ("reduces training steps by 50%" is no "reduces peak token usage by 70%")
    kind = _figure_kind(claimed)
    after = re.findall(r"[a-z][a-z-]+", question[at + len(claimed) :].lower())[:ALIKE_AFTER]
    before = [w for w in re.findall(r"[a-z][a-z-]+", question[:at].lower()) if w not in STOP]
    alike = {
        w
        for w in [*after, *before[-1:]]
        if w not in STOP and w not in names and len(w) >= ALIKE_WORD
    }
    alike = alike if kind else set()
    value = float(m.group(0)) if (m := re.search(r"\d+(?:\.\d+)?", claimed)) else None
    asked = set(figures(question))
    for sent in quoted:
        low = sent.lower()
        places = [m.start() for w in measured for m in re.finditer(rf"\b{re.escape(w)}", low)]
        kept = [m.start() for w in alike for m in re.finditer(rf"\b{re.escape(w)}\b", low)]
        near = [
            f.group(0)
            for f in _FIGURE_KIND.finditer(sent)
            if f.group(1) not in asked
            and (
                any(_in_one_clause(sent, p, f.start()) for p in places)
                or (
                    _figure_kind(f.group(0)) == kind
                    and any(_in_one_clause(sent, p, f.start()) for p in kept)
                )
            )
        ]
        if not near:
            continue
        ranges = [(float(lo), float(hi)) for lo, hi in _RANGE.findall(sent)]
        # (a range that holds it states no other figure)
        return value is None or not any(lo <= value <= hi for lo, hi in ranges)
    return False


ALIKE_WORD = 5  # letters of a word of the language that says what a figure of a kind measures
ALIKE_AFTER = 2  # words right after a claimed figure that may say what it measures
# a figure and its kind: a multiple ("30x", "3.04×", "15배") or a share ("12%")
_FIGURE_KIND = re.compile(r"(\d+(?:\.\d+)?)\s*(x|×|배|%|퍼센트)?(?![A-Za-z])")


def _figure_kind(figure: str) -> str | None:
    """ "x" for a multiple, "%" for a share, None for a bare number."""
    m = _FIGURE_KIND.search(figure)
    kind = m.group(2) if m else None
    return {"×": "x", "배": "x", "퍼센트": "%"}.get(kind, kind) if kind else None


def _in_one_clause(sentence: str, at: int, other: int) -> bool:
    """Whether two places of a sentence are near, with no comma or stop between them."""
    lo, hi = sorted((at, other))
    return hi - lo <= FIGURE_NEAR and not re.search(r"[,;]|\.\s", sentence[lo:hi])


def _asks_measure(question: str, paper: Paper) -> bool:
    """The question names a benchmark or metric the paper's digests write, beside its own
    name ("Qwen2-72B-Instruct의 MT-Bench와 Arena-Hard 점수 알려줘": its figures, not its
    overview, though "알려줘" asks to be told)."""
    text = _asked_of(question, paper)
    own = _own_names(paper)
    written = _squashed(" ".join(t for _, t in paper.summary_texts()))
    return any(
        sum(c.isupper() for c in w) >= 2 and w.lower() not in own and _squashed(w) in written
        for w in _WRITTEN_NAME.findall(text)
    )


FIGURE_NAME = 3  # letters of a measure's name read as one its digests state no figure of
# the figure asked of a name right after it ("ViSQOL 점수가 몇", "its FID score", "cIoU 최대
# 몇"), a Korean particle glued on; or the name asked as the figure ("what FID did it get?")
_FIGURE_AFTER = re.compile(
    r"[가-힣]{0,2}\s*(?:최대\s*|정확히\s*)?(?:몇|얼마|수치|점수|score\b|scores\b)", re.I
)
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:was\s+(?:its|the|their)\s+)?$", re.I)
_VERB_AFTER = re.compile(
    r"\s+(?:score\b|(?:did|does|do|was|is|were)\b"
    # (not which one it takes: "What LLM does it use to score captions?")
    r"(?!(?:\s+\S+){0,2}?\s+(?:use|uses|used|build|built|rely|employ|adopt|pick|choose|call)\b))",
    re.I,
)


def _figureless(question: str, paper: Paper) -> list[str]:
    """The benchmarks or metrics a question asks the figure of ("MuCodec 0.35kbps에서
    ViSQOL 점수가 정확히 몇이었어?", "what FID did it get?") that the paper's digests name
    but state no figure with: no sentence writing the name writes a number (its digest
    says it was evaluated with ViSQOL, and gives no score). Only a name the figure is asked
    of, next to the asking words: a name that says what the paper is or uses ("in-context
    RL용 데이터셋", "MDP 기반", "GLaMM(7B)보다") is context, whatever its sentences state."""
    asking = context_and_asked(_asked_of(question, paper))[1]
    own = _own_names(paper)
    said = [(sent, _squashed(sent)) for _, t in paper.summary_texts() for sent in sentences(t)]
    out = []
    for m in _WRITTEN_NAME.finditer(asking):
        w = m.group(0)
        if (
            len(w) < FIGURE_NAME
            or sum(c.isupper() for c in w) < 2
            or w.lower() in own
            or _compound_words(w)
        ):
            continue  # ("EM": its digest may write "Exact Match" with the figure)
        asked = _FIGURE_AFTER.match(asking, m.end()) or (
            _WHAT_BEFORE.search(asking[: m.start()]) and _VERB_AFTER.match(asking, m.end())
        )
        writing = [sent for sent, squashed in said if _squashed(w) in squashed]
        if (
            asked
            and writing
            and not any(f for s in writing for f in figures(s) if not YEAR.fullmatch(f))
        ):
            out.append(w)
    return out


def _squashed(text: str) -> str:
    """Lower-cased, without spaces and hyphens: a name as written either way ("HumanEval",
    "Human Eval", "Human-Eval"); a letter o after a digit as a zero ("GPT-4o" as the
    "GPT-40" a digest typed); a letter without its accent ("PokéLLMon" as "PokeLLMon")."""
    return re.sub(r"(?<=\d)o", "0", re.sub(r"[\s-]+", "", unaccented(text).lower()))


MIN_MISSPELT = 6  # letters of a name read as a misspelling of one a paper writes, at least
WORD_PART = 4  # letters of a hyphenated name's part that may be misspelt ("lamda-"), at least


def _misspelt(name: str, own: str) -> bool:
    """Whether a name of MIN_MISSPELT letters or more is one edit from a word `own` (a
    paper's text, lower-cased) writes: "HumanEvl" of "HumanEval", a typo and no other
    benchmark."""
    word = name.lower()
    if len(word) < MIN_MISSPELT or not word.replace("-", "").isalnum():
        return False
    # (its numbers as written: "AIME25" is no misspelt "AIME24", another year's benchmark;
    # its hyphenated parts as one: "lamda-ECLIPSE" of "lambda-ECLIPSE")
    digits = re.sub(r"\D", "", word)
    return any(
        one_edit_apart(word, w) and re.sub(r"\D", "", w) == digits and _edit_in_a_word(word, w)
        for w in set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", unaccented(own)))
    )


def _edit_in_a_word(typed: str, written: str) -> bool:
    """Whether two names one edit apart differ in a word of theirs, not in a short part
    after a hyphen ("LSNet-T" is another variant than "LSNet-B"; "lamda-ECLIPSE" is
    "lambda-ECLIPSE" misspelt)."""
    a, b = typed.split("-"), written.split("-")
    if len(a) != len(b):
        return "-" not in typed + written
    return all(x == y or min(len(x), len(y)) >= WORD_PART for x, y in zip(a, b, strict=True))


def _name_part(word: str) -> str | None:
    """The name a word the question writes asks a figure of, if any: not a name used as a
    modifier ("GPT-4o-based", "GRPO-style"), in a phrase ("LLM-as-a-judge") or as a plural
    class of models ("LLMs", "VLMs"); those are context, not what is measured. "FPS-wise"
    asks in terms of FPS: the name is FPS."""
    word = re.sub(r"-wise$", "", word, flags=re.I)
    first, *rest = word.split("-")
    if (
        MODIFIER_ENDING.search(word)
        or (
            len(rest) >= 2
            and first.isupper()
            and all(p.islower() and english_word(p) for p in rest)
        )
        or (rest and _PARTICIPLE.fullmatch(rest[-1]) and english_word(rest[-1]))
    ):
        return None  # (and "TTS-synthesized", "GPT-4o-generated": what made the data)
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return None
    return word


def _compound_words(word: str) -> bool:
    """A hyphenated compound of English words, capitalized at most ("Pre-trained",
    "Low-Resource", "End-to-End"), not an acronym or a name ("GPT-4o", "MLGym-Bench")."""
    parts = word.split("-")
    return len(parts) > 1 and all(
        p.isalpha()
        and (p.islower() or p.istitle())
        and (english_word(p) or (i == 0 and len(p) <= PREFIX_LETTERS))  # "Pre-", "Multi-"
        for i, p in enumerate(parts)
    )


def _described_kind(word: str, own: str) -> bool:
    """A word of the language before an acronym the paper's digests write or write out
    ("small-LM" of InfiR's "small language models", "multi-LLM"): what kind of thing the
    paper is, described; not a name of a benchmark or a model it is measured on."""
    m = re.fullmatch(r"([a-z]+)-([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)", word)
    if m is None or not english_word(m.group(1)):
        return False
    acronym = m.group(2)
    written = re.search(rf"(?<![a-z0-9]){re.escape(acronym.lower())}(?![a-z0-9])", own)
    return bool(written) or written_out(acronym, own)


def _typed_name(word: str, around: str) -> str | None:
    """A lower-case word as the papers found write it, when that is a benchmark's or a
    model's name typed in lower case ("mmlu": MMLU, "mt-bench": MT-Bench): they write it
    with capitals, and it is no English word, or it has a digit or a hyphen ("gsm8k")."""
    if not word.islower() or len(word) < 3:
        return None
    if english_word(word) and not re.search(r"\d|-", word):
        return None
    written = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
    return next((m.group(0) for m in written.finditer(around) if m.group(0) != word), None)


def _written_fuller(name: str, text: str) -> bool:
    """Whether `text` (lower-cased) names the model in full ("Qwen2.5-VL-Instruct-3B" of
    "Qwen2.5-VL-3B"), not another version of it ("Qwen2-VL-7B")."""
    pattern = fuller_form(name)
    return pattern is not None and pattern.search(text) is not None


def _maker_of(name: str, question: str, paper: Paper) -> bool:
    """Whether the question writes `name` right before the paper's own name, as its maker
    ("DeepSeek NSA(native sparse attention) 구조가 어떻게 돼?"; not "LeCun's NeuFlow", a
    claim of who wrote it)."""
    own = [n for n in (paper.name, paper.label, *paper.aliases) if n and n != name]
    return any(
        re.search(rf"(?<![\w-]){re.escape(name)}\s+{re.escape(n)}(?![A-Za-z0-9])", question)
        for n in own
    )


_MIXED_ACRONYM = re.compile(r"(?=[A-Za-z]*[a-z])(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{2,5}")  # "MoE"
_NUMBERED_ACRONYM = re.compile(r"[A-Z]{1,3}[24][A-Z]{1,3}")  # "T2I", "V2A", "B4B"
_DIGIT_WORDS = {"2": "to", "4": "for"}  # the words an acronym's digit stands for
# the small words an acronym's small letter stands for
_SMALL_WORDS = {
    "o": "(?:of|on|or)",
    "a": "(?:and|at|as|a)",
    "i": "in",
    "f": "for",
    "t": "(?:to|the)",
}


def written_out(acronym: str, text: str) -> bool:
    """Whether `text` writes the words an all-capitals acronym stands for ("SOTA":
    "state-of-the-art", "LLM": "large language model"; its plural too, "LMs": "language
    models"), or the words a clipped one joins ("AbsRel": "absolute mean relative error",
    "RelErr": "relative error"; one word may come between). An accent is no other letter
    ("FVD": "Fréchet Video Distance")."""
    text = unaccented(text)
    if acronym.endswith("s") and acronym[:-1].isupper():
        acronym = acronym[:-1]
    if (clips := _CLIPPED.fullmatch(acronym)) is not None:
        words = r"[\s-]+(?:\w+[\s-]+)?".join(rf"{p}\w*" for p in clips.groups())
        return re.search(rf"\b{words.lower()}\b", text) is not None
    if _NUMBERED_ACRONYM.fullmatch(acronym):
        # a digit for a small word: "T2I" is "text-to-image", "I2V" "image-to-video"
        letters = (rf"{c.lower()}\w*" if c.isalpha() else _DIGIT_WORDS[c] for c in acronym)
        words = r"[\s-]+".join(letters)
        return re.search(rf"\b{words}\b", text) is not None
    if _MIXED_ACRONYM.fullmatch(acronym):
        # a capital begins a word, a small letter a small word ("MoE": "mixture-of-experts";
        # not "more efficient", nor "ViT" of "video tokens": a small letter that continues
        # its word reads two words of any phrase as the acronym)
        letters = (
            rf"{c.lower()}\w*" if c.isupper() else _SMALL_WORDS.get(c, "(?!)") for c in acronym
        )
        words = r"[\s-]+".join(letters)
        return re.search(rf"\b{words}\b", text) is not None
    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
        return False
    # (a Korean particle may follow: "Stable Diffusion XL에")
    words = r"[\s-]+".join(rf"{c}[a-z0-9]*" for c in acronym.lower())
    if re.search(rf"\b{words}(?![a-z0-9])", text) is not None:
        return True
    # its last letters a word of their own: "SDXL" is "Stable Diffusion XL"
    for tail in (2, 3):
        head = acronym[:-tail].lower()
        if len(head) >= 2:
            words = r"[\s-]+".join([*(rf"{c}\w*" for c in head), acronym[-tail:].lower()])
            if re.search(rf"\b{words}(?![a-z0-9])", text) is not None:
                return True
    return False


def question_terms(question: str) -> set[str]:
    """The words a sentence is scored by: the question's topical terms, else all of them;
    a benchmark's year in its other forms too ("AIME 2024" is written "AIME24")."""
    terms = set(topical_terms(question)) or set(tokenize(question))
    for _, name, year in _benchmark_years(question):
        terms |= set(tokenize(f"{name}{year[2:]} {name} {year}")) - STOP
    return terms


def _benchmark_years(text: str) -> Iterator[tuple[str, str, str]]:
    """(as written, name, year of four digits) of each benchmark of a year `text` writes
    ("AIME 2024", "AIME24", "AIME'24"); not a date ("in 2024", "Nov 2024")."""
    for m in _NAME_YEAR.finditer(text):
        name = m.group(1)
        if not english_word(name) or name.isupper():
            yield m.group(0), name, f"20{m.group(2)[-2:]}"


# a benchmark and its year: "AIME 2024", "AIME24", "AIME'24", "AIME-2025"
_NAME_YEAR = re.compile(r"\b([A-Za-z]{3,})[\s'-]?((?:20)?2\d)(?![0-9])")  # ("AIME 2025에서")


@lru_cache(maxsize=256)
def bilingual_terms(question: str, korean: bool, learned: str = "") -> frozenset[str]:
    """The question's terms in both languages of the digests, to find the sentence that
    answers in a summary of the other language: a Korean question's glossary terms in
    English ("충돌" -> collision) and the `learned` English of its other words (the
    archive's own renderings: "상식" -> commonsense), an English question's in Korean
    ("speed" -> 속도) and its `learned` Korean ("average" -> 평균). (Read once per question:
    an answer ranks the sentences of several papers by them.)"""
    terms = question_terms(question)
    if korean:
        english = f"{glossary.english_terms(question)} {learned}"
        return frozenset(terms | question_terms(english))
    return frozenset(terms | glossary.korean_terms_for(terms) | set(tokenize(learned)))


def _naming(question: str, paper: Paper) -> set[str]:
    """The index tokens of the paper's title, and of the other language's words for them,
    that the question uses only to name the paper: not those it also writes apart from the
    paper's name or title (or from the paper a follow-up's rewrite names)."""
    title = set(tokenize(paper.title))
    own = apart = SUBJECT.sub(" ", question)
    for written in sorted({paper.title, paper.label, paper.head or ""}, key=len, reverse=True):
        if written:
            apart = re.sub(rf"(?<![\w-]){re.escape(written)}(?![\w-])", " ", apart, flags=re.I)
    naming = title - set(tokenize(apart)) if apart != own else title
    return naming | {t for t in glossary.korean_terms_for(naming) if not t.isascii()}


def _prefix_of_any(term: str, tokens: set[str]) -> bool:
    """'speed' matches 'speedup': stems often prefix their compounds."""
    return len(term) >= 4 and any(tok.startswith(term) for tok in tokens)


def _aside_of(question: str, paper: Paper) -> str:
    """The question without what it writes in brackets right after the paper's name or
    title, which is another name of it: "Denoising Vision Transformers(DVT) 어떤 논문인지
    설명 좀" asks what the paper is, not what its summaries say of "DVT"; nor the name
    written right before its title in brackets ("GameNGen (Diffusion Models Are ...)")."""
    for name in {paper.title, paper.label} - {""}:
        question = re.sub(rf"({re.escape(name)})\s*\([^()]{{1,30}}\)", r"\1", question, flags=re.I)
        # and what describes it there, asking nothing and claiming no figure: "ABC
        # (VLM-backbone multimodal embeddings with instruction control) - what R@1 ...?"
        question = re.sub(
            rf"({re.escape(name)})\s*(\([^()?\d]{{31,{GLOSS_LETTERS}}}\))",
            # (what it says it was measured on is a claim: "s1 (evaluated on SWE-bench)")
            lambda m: m[0] if _MEASURED_ON.search(m[2]) else m[1],
            question,
            flags=re.I,
        )
    if paper.title:
        title = re.escape(paper.title)
        question = re.sub(rf"[^\s()]+\s*\(\s*({title})\s*\)", r"\1", question, flags=re.I)
    return question


def _asks_nothing_in(question: str, paper: Paper) -> bool:
    """Whether the question's own words (not the paper's name or id, nor the words people
    ask with) are in none of the paper's summaries: it asks for the paper itself ("In a
    nutshell, what does SpargeAttn do?"), not for something the paper states ("What does
    Qwen2.5-VL-72B get on MathVista?", which the example phrasings read alike)."""
    from assistant.understand.intents import asking_tokens

    question = _aside_of(SUBJECT.sub(" ", question), paper)
    named = {*tokenize(paper.title), *tokenize(paper.label), *tokenize(paper.arxiv_id)}
    # called a paper, what its gist says describes it ("Fairy 비디오 편집 논문 무슨 내용이야?":
    # the video-editing paper), as its title does; a word written only further on is asked
    # of it, and so is any word without the paper called one ("What does DVT do to grid
    # artifacts?")
    if intents.PAPER_WORD.search(question):
        for text in paper.summaries().values():
            named.update(tokenize(" ".join(sentences(text)[:1])))
    own = set(tokenize(question)) - asking_tokens() - named
    korean = bool(HANGUL_RUN.search(question))
    if own and ("ko" if korean else "en") not in paper.summaries():
        return False  # its words may be in the other language's summary as other words
    return not own & set(tokenize(paper.lexical_text()))


def _key_result(
    paper: Paper, ordered: list[tuple[str, str]], but: tuple[str, str] | None = None
) -> tuple[str, str] | None:
    """(language, sentence): the paper's key result among `ordered` (its sentences after
    the gist, `but` one), the first stating one, whatever its language."""
    own_name = figures(paper.title)  # "Hunyuan3D 2.0": its version states no result
    results = [(lang, x) for lang, x in ordered if _RESULT.search(x) and (lang, x) != but] or [
        # none says how it did: the first with figures of its own ("47B ... 13B")
        (lang, x)
        for lang, x in ordered
        if (lang, x) != but and _quantities(x) - own_name
    ]
    # (a sentence stating the aim is no result, though it says what the paper would
    # "achieve": the first one that is not, when there is one)
    results.sort(key=lambda r: bool(_OBJECTIVE.search(r[1])))
    return next((r for r in results if figures(r[1]) - own_name), results[0] if results else None)


_IMPLICATION = re.compile(r"\bpractitioners?\b|\bimplications?\b|시사점|실무자|개발자", re.I)
_GAIN = re.compile(r"\b(?:demonstrat\w*|improv\w*|gains?|boost\w*)\b|향상|개선", re.I)


def _is_method(sent: str) -> bool:
    """A sentence saying how a paper works: a method, not a result, an aim or what it
    means for practitioners ("AI practitioners can use this training-free method")."""
    return (
        bool(_METHOD.search(sent))
        and not _RESULT.search(sent)
        and not _OBJECTIVE.search(sent)
        and not _IMPLICATION.search(sent)
        and not (_GAIN.search(sent) and figures(sent))  # "demonstrates a 20-point improvement"
    )


# what presents a paper's own work: "본 논문은", "우리는 ... 제안합니다", "이를 해결하기 위해"
_PRESENTS = re.compile(
    r"(?:본|이|이번)\s?(?:논문|연구)|우리(?:는|의)|이를 (?:해결하기 )?위해|제안|소개|"
    r"\b(?:we|this paper|this work|introduc\w*|propos\w*|present\w*)\b",
    re.I,
)
LEAD_BACKGROUND = 3  # background sentences at most before a summary's gist
SUMMARY_SENTENCES = 5  # of a one-paper summary: its gist, how it works, what it found


def _lead(ordered: list[tuple[str, str]], paper: Paper) -> int:
    """Where a summary's gist starts: after the background sentences an older Korean digest
    opens with ("대규모 언어 모델(LLM)은 ... 도전적입니다. 본 논문은 ..."), when one of the
    next few presents the paper's work and the first neither does nor names it."""
    names = [n for n in (paper.name, *paper.aliases) if n]
    lang = ordered[0][0]
    if lang != "ko":
        # an English summary opens with its gist, however it words it ("The paper
        # investigates how interpretable features ... evolve"; "SAEs" had passed for a name)
        return 0

    def presents(sent: str) -> bool:
        return bool(_PRESENTS.search(sent)) or any(n in sent for n in names)

    if presents(ordered[0][1]):
        return 0
    for i, (other, sent) in enumerate(ordered[1 : LEAD_BACKGROUND + 1], start=1):
        if other != lang:
            break
        if presents(sent):
            return i
    return 0


def _appended(shown: list[str], sent: str, same_language: bool, korean: bool) -> list[str]:
    """`shown` and `sent` after it; a sentence of the other language's digest in brackets
    with its label, joined to a quote of that language that ends `shown` (labelled once)."""
    if same_language:
        return [*shown, sent]
    label = f"({quote_label(korean)}: "
    if shown and shown[-1].startswith(label) and shown[-1].endswith(")"):
        return [*shown[:-1], f"{shown[-1][:-1]} {sent})"]
    return [*shown, f"{label}{sent})"]


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self,
        max_focus_sentences: int = 3,
        max_papers: int = 3,
        vocabulary: Callable[[], Glossary | None] | None = None,
    ):
        self.max_focus_sentences = max_focus_sentences
        self.max_papers = max_papers
        # the archive's glossary, when there is one (built with the retriever, on demand)
        self.vocabulary = vocabulary or (lambda: None)

    def _terms(self, question: str, korean: bool) -> frozenset[str]:
        """`bilingual_terms`, with the archive's own renderings of the question's words: the
        English of a Korean question's, the Korean of an English one's."""
        found = self.vocabulary()
        if found is None:
            return bilingual_terms(question, korean)
        learned = found.learned_terms(question) if korean else found.learned_korean(question)
        return bilingual_terms(question, korean, " ".join(learned))

    def answer(self, question: str, retrieval: Retrieval, history: Sequence = ()) -> str:
        return self.draft(question, retrieval, history)[0]

    def draft(
        self, question: str, retrieval: Retrieval, history: Sequence = ()
    ) -> tuple[str, list[str]]:
        """The answer, and the names of what it was asked that the digests do not give
        ("What MMLU score does SmolLM2 report?": MMLU, when its digests write none): the
        answer says so, then what they do say about the paper, and declines the figure."""
        hits = retrieval.hits
        if not hits:
            return "", []
        korean = retrieval.info.korean
        question = _FOLLOWUP_NOISE.sub("", question)
        if (
            retrieval.info.wants_list
            or hits[0].via == "date"
            or _a_set(retrieval)
            or (hits[0].via == "hybrid" and retrieval.info.asks_set)
        ):
            return self._list(question, retrieval, korean)
        # a topic hit ranked first on far too little evidence (under the gate, and under half
        # of what the first hit that passes it has) gives way to that hit: MetaFaith's
        # question led with an inpainting paper at .16 before one at .85
        # (none passing: the one with the most evidence, as "관련 논문:" led by FuseChat at .09
        # before the RCT paper asked about at .39 had shown)
        passing = next(
            (i for i, h in enumerate(hits) if h.relevance >= retrieval.floor),
            max(range(min(len(hits), LEADS)), key=lambda i: hits[i].relevance),
        )
        weak = hits[0].via == "hybrid" and hits[passing].via == "hybrid"
        lead = passing if weak and hits[0].relevance < LEAD_SHARE * hits[passing].relevance else 0
        summary = retrieval.info.intent == "summary" and _asks_nothing_in(
            question, hits[lead].paper
        )
        return self._focused(question, hits, korean, lead, summary, retrieval.floor)

    # -- sentence ranking -----------------------------------------------------------

    def ranked(
        self, question: str, paper: Paper, korean: bool
    ) -> list[tuple[float, str, bool, bool]]:
        """(score, sentence, in the question's language, has a question term), best first.

        A question term counts more the fewer of the paper's sentences contain it: words
        that describe the paper (its name, its topic) are everywhere in its summary, while
        the benchmark or setting a question asks about is in the one sentence that answers.
        """
        terms = self._terms(question, korean)
        # the paper's own name and topic (its title's words) are in most of its sentences
        # and say nothing of what is asked: "AIME에서는 어땠어? (rStar-Math, arXiv ...)";
        # nor do those words as the other language writes them ("트랜스포머 월드 모델" of
        # "Improving Transformer World Models ..."), unless the question writes a title word
        # apart from the paper's name ("Native Sparse Attention ... over full attention?")
        terms = (terms - _naming(question, paper) - {"arxiv"}) or terms
        wants_number = bool(_QUANTITY.search(question))
        whole = _names_whole(question, paper)
        given = figures(question)  # a figure the question states is no answer
        found = []
        seen: set[str] = set()
        for lang, text in paper.summary_texts():  # every digest's summary, a figure in one
            for i, sent in enumerate(sentences(text)):
                if sent in seen:
                    continue
                seen.add(sent)
                sent_terms = set(tokenize(sent))
                hit = {t for t in terms if t in sent_terms or _prefix_of_any(t, sent_terms)}
                found.append((lang, i, sent, hit))
        if whole and not any(
            any(_writes(n, sent) for n in whole) and (not wants_number or figures(sent) - given)
            for *_, sent, _ in found
        ):
            whole = []  # no sentence states it of the model itself: a variant's is the answer
        df = Counter(t for *_, hit in found for t in hit)
        weight = {t: math.log(1 + len(found) / n) for t, n in df.items()}
        total = sum(weight.values()) or 1.0
        out = []
        for lang, i, sent, hit in found:
            score = sum(weight[t] for t in hit) / total
            if wants_number and figures(sent) - given:
                score += 0.4
            if (lang == "ko") == korean:
                score += 0.05  # the question's language, all else equal
            if whole and _variant_only(whole, sent):
                score -= VARIANT_ONLY
            score += 0.02 / (1 + i)  # earlier sentences state the gist
            out.append((score, sent, (lang == "ko") == korean, bool(hit)))
        out.sort(key=lambda x: x[0], reverse=True)
        return out

    def overview(self, paper: Paper, korean: bool) -> list[str]:
        """For 'summarize X': the gist, then the key result (a sentence with figures)."""
        langs = _question_language_first(paper, korean)
        ordered = [(lang, sent) for lang, text in langs for sent in sentences(text)]
        if not ordered:
            return [paper.title]
        ordered = ordered[_lead(ordered, paper) :]
        # the gist, then how it works: an English summary's next sentence, unless that
        # states the aim ("The research aims to ..."); else (and in a Korean summary, whose
        # gist runs on) the first after the gist that states a method, not a result
        method = ordered[1] if len(ordered) > 1 else None
        if method and (method[0] == "ko" or _OBJECTIVE.search(method[1])):
            # (an aim is replaced only by a method its own summary states: "MMMU-Pro addresses
            # limitations ... by incorporating three key enhancements" says more than another
            # digest's background sentence)
            method = next(
                (
                    x
                    for x in ordered[1:]
                    if _METHOD.search(x[1])
                    and not _RESULT.search(x[1])
                    and not _OBJECTIVE.search(x[1])  # (the aim again, with a method word)
                    and (method[0] == "ko" or x[0] == method[0])
                ),
                method,
            )
        picked = [ordered[0]] + ([method] if method else [])
        result = _key_result(paper, ordered[1:] + _further(paper, korean), method)
        own = [x for lang, x in picked if (lang == "ko") == korean]
        other = [x for lang, x in picked if (lang == "ko") != korean]
        if result:
            (own if (result[0] == "ko") == korean else other).append(result[1])
        if not other:
            return own
        quoted = f"({quote_label(korean)}: {' '.join(other)})"  # labelled once, where it stands
        return [quoted, *own] if not own or (picked[0][0] == "ko") != korean else [*own, quoted]

    def summary(self, paper: Paper, korean: bool) -> list[str]:
        """For 'summarize X' of one paper: its overview, then the other sentences of its
        summary (the question's language first) that state figures (its data, its scale, its
        other results: "2,438 real Python tasks", "trained on 1.46 million clips"), up to
        `SUMMARY_SENTENCES` in all: what a reader would ask next."""
        picked = self.overview(paper, korean)
        shown = " ".join(picked)
        room = SUMMARY_SENTENCES - len(sentences(shown))
        said = figures(paper.title) | figures(shown)
        langs = _question_language_first(paper, korean)
        ordered = [(lang, x) for lang, text in langs for x in sentences(text)[1:]]
        for lang, sent in ordered + _further(paper, korean):
            if room <= 0:
                break
            # (a figure said already, in either language, is not said again)
            if sent in shown or not _quantities(sent) - said:
                continue
            picked = _appended(picked, sent, (lang == "ko") == korean, korean)
            said |= figures(sent)
            room -= 1
        return picked

    def with_key_result(self, paper: Paper, korean: bool, picked: list[str]) -> list[str]:
        """`picked` (the sentences that best answer a question about the paper), and, when
        none states a result with figures, the paper's key result: "how can I keep the
        background when editing?" is answered by the method and by how well it does."""
        written = " ".join(picked)
        if any(_RESULT.search(sent) and figures(sent) for sent in picked):
            return picked
        langs = _question_language_first(paper, korean)
        ordered = [(lang, sent) for lang, text in langs for sent in sentences(text)[1:]]
        result = _key_result(paper, ordered + _further(paper, korean))
        if result is None or result[1] in written or not figures(result[1]):
            return picked
        return _appended(picked, result[1], (result[0] == "ko") == korean, korean)

    def with_claimed(
        self, question: str, claimed: Sequence[str], paper: Paper, korean: bool, picked: list[str]
    ) -> list[str]:
        """`picked`, and, for each figure the question claims that the digests do not state,
        the first sentence that states a figure of the thing it counts, named by the word
        after it ("EmbodiedEval에 832개 태스크 있다던데": "328개의 ... 태스크로 구성"): the
        digests' own figure corrects the premise, whatever else the question asks."""
        asked = figures(question)
        written = " ".join(picked)
        ordered = [
            (lang, sent)
            for lang, text in (*_question_language_first(paper, korean), *_further(paper, korean))
            for sent in sentences(text)
        ]
        for figure in claimed:
            unit = _claimed_unit(question, figure)
            if unit is None:
                continue
            for lang, sent in ordered:
                if sent not in written and unit.lower() in sent.lower() and figures(sent) - asked:
                    picked = _appended(picked, sent, (lang == "ko") == korean, korean)
                    written += " " + sent
                    break
        return picked

    def with_method(self, paper: Paper, korean: bool, picked: list[str]) -> list[str]:
        """`picked`, and, when none says how the paper works, the first sentence that does
        (a method, not a result or an aim): "any way to get rid of high-norm artifact tokens
        without retraining?" is answered by what to do ("identifying register neurons ...
        and redirecting these activations"), not only by the paper's aim and gains."""
        gists = {sentences(text)[0] for _, text in paper.summary_texts() if sentences(text)}
        # (the gist's "introduces a training-free method" says no how, quoted from the other
        # language's digest or not: "(Korean digest: ... DPPO 프레임워크를 제안합니다.)")
        if any(_is_method(sent) and not any(g in sent for g in gists) for sent in picked):
            return picked
        written = " ".join(picked)
        for lang, text in _question_language_first(paper, korean):
            for sent in sentences(text)[1:]:
                if _is_method(sent) and sent not in written:
                    return _appended(picked, sent, (lang == "ko") == korean, korean)
        return picked

    def gist_and(self, aspect: str, paper: Paper, korean: bool, n: int) -> list[str]:
        """The gist's first sentence, then up to n more on `aspect` ("compare SeedVR and
        SeedVR2 on speed"), each quote from the other language's digest labelled once."""
        langs = _question_language_first(paper, korean)
        ordered = [(lang, sent) for lang, text in langs for sent in sentences(text)]
        if not ordered:
            return [paper.title]
        if not any(matched for *_, matched in self.ranked(aspect, paper, korean)):
            # no sentence of it on the aspect ("구조적으로 뭐가 달라?"): its overview, not
            # its first sentences in order
            return self.overview(paper, korean)
        # (after the background an older Korean digest opens with, as an overview's)
        first = ordered[_lead(ordered, paper)][1]
        return self.best(aspect, paper, korean, n + 1, lead=first)

    def with_result(self, aspect: str, paper: Paper, korean: bool, shown: list[str]) -> list[str]:
        """`shown` (a paper's gist and sentences on `aspect` in a comparison), and, when none
        after its gist states a result ("87.5% reduction", "3-4x"), its best sentence on the
        aspect that does: "which one cuts KV cache memory more?" is answered by figures."""
        if any(_RESULT.search(sent) and figures(sent) for sent in shown[1:]):
            return shown
        written = " ".join(shown)
        for score, sent, same_language, _ in self.ranked(aspect, paper, korean):
            if score > 0 and _RESULT.search(sent) and figures(sent) and sent not in written:
                return _appended(shown, sent, same_language, korean)
        return shown

    def stating(self, question: str, paper: Paper, korean: bool, shown: list[str]) -> list[str]:
        """`shown` (a paper's sentences in a comparison), and, for each attribute the
        question asks that none of them states with a figure ("LIMO vs s1: how many training
        examples did each one fine-tune on?"), the paper's best sentence that does."""
        given = figures(question)
        ranked = None  # (ranked once, when an attribute asked is not stated yet)
        for attribute in attributes.asked(question):
            if any(_states(attribute, sent) for sent in shown):
                continue
            written = " ".join(shown)
            ranked = ranked or self.ranked(question, paper, korean)
            for _, sent, same_language, _ in ranked:
                if _states(attribute, sent, given) and sent not in written:
                    shown = _appended(shown, sent, same_language, korean)
                    break
        return shown

    def listed(
        self, question: str, paper: Paper, korean: bool, figure: bool = False, gist: bool = False
    ) -> str:
        """A listed paper's one sentence: its best on the question, or, when the question
        asks for a quantity ("which papers speed up X, and by how much?", "각각 몇 배?") or
        `figure` says a figure answers it, its best one stating a figure; with `gist`, its
        gist when none of its sentences has the question's words."""
        picked = self.best(question, paper, korean, 1)
        if not (figure or _QUANTITY.search(question)):
            ranked = self.ranked(question, paper, korean) if gist else []
            if ranked and not any(has_term for *_, has_term in ranked):
                # ("papers like YOLO-World" lists papers that do not write its name: the
                # paper's gist, not the background an older Korean digest opens with)
                return self.overview(paper, korean)[0]
            return picked[0]
        given = figures(question)
        tokens, words = glossary.claim_words(question)
        ranked = self.ranked(question, paper, korean) if tokens else None
        if ranked is not None:
            # a claim's figure ("how much faster?"): the best sentence stating a figure in
            # the claim's words ("3.1배, 5.4배 빠른", "a 2.5x speedup"), not a precision's
            # ("using 4-bit quantization") nor background above it
            found = [
                (sent, same_language)
                for _, sent, same_language, _ in ranked
                if (tokens & set(tokenize(sent)) or any(w in sent for w in words))
                and _stated(sent) - given
            ]
            if found:  # the question's language first
                sent, same_language = max(found, key=lambda f: f[1])
                return sent if same_language else f"({quote_label(korean)}: {sent})"
        # a model's size is no figure ("LLaVA 7B")
        stated = next((s for s in picked if figures(_MODEL_SIZE.sub(" ", s))), None)
        if stated is not None:
            return stated
        # else the first of its best few sentences that states one: MoE-Mamba's "2.2배 더
        # 적게" is its third on "Mamba에 MoE를 붙인 논문들 ... 핵심 수치가 뭐야?", after two
        # of background
        if ranked is None:
            ranked = self.ranked(question, paper, korean)
        for _, sent, same_language, _ in ranked[:FIGURE_POOL]:
            if figures(_MODEL_SIZE.sub(" ", sent)) - given:
                return sent if same_language else f"({quote_label(korean)}: {sent})"
        return picked[0]

    def best(
        self, question: str, paper: Paper, korean: bool, n: int, lead: str | None = None
    ) -> list[str]:
        """Up to n top sentences. One in the other language joins only with new figures, and
        is labelled with the digest it comes from. When the question asks for a quantity,
        the best sentence stating a figure it does not already give is always among them.
        A `lead` sentence of the paper's (its gist) comes first, and is not repeated."""
        ranked = self.ranked(question, paper, korean)
        chosen: list[tuple[str, bool]] = []
        if lead is not None:
            own = paper.summaries().get("ko" if korean else "en", "")
            chosen.append((lead, lead in sentences(own)))
            ranked = [r for r in ranked if r[1] != lead]
        if not ranked:
            return [sent for sent, _ in chosen] or [paper.title]
        top = ranked[0][0]
        given = figures(question)
        seen = set(given)
        for score, sent, same_language, _ in ranked:
            if len(chosen) >= n or score < top * 0.5:
                break
            found = figures(sent)
            if chosen and not same_language and not found - seen:
                continue
            chosen.append((sent, same_language))
            seen |= found
        # a question in parts asks each: "what are the model sizes, and how does the Ultra
        # one do on GPQA-Diamond?" is answered by the best sentence of each part
        parts = [p for p in intents.clause_parts(SUBJECT.sub(" ", question)) if p.strip()]
        for part in parts if len(parts) > 1 and n > 1 else ():
            its = self.ranked(part, paper, korean)
            if its and its[0][3] and its[0][1] not in {sent for sent, _ in chosen}:
                chosen.append((its[0][1], its[0][2]))
                seen |= figures(its[0][1])
        # a model's size ("LLaVA 7B") names the model: no quantity the question asks for,
        # unless it asks the sizes
        sizes = _SIZES.search(question)
        answered = {
            x
            for sent, _ in chosen
            for x in figures(_VERSION.sub(r"\1", sent if sizes else _MODEL_SIZE.sub(" ", sent)))
        }
        if _QUANTITY.search(question) and answered <= given:
            # a figure by a sentence with a question term, else, in a focused answer (not a
            # listed paper's one sentence), the best sentence's that has one ("how fast does
            # it run?": "real-time performance at 61.2 FPS")
            with_figure = [x for x in ranked if figures(x[1]) - seen]
            fallback = with_figure[0] if with_figure and n > 1 else None
            stated = next((x for x in with_figure if x[3]), fallback)
            if stated is not None:
                chosen.append((stated[1], stated[2]))
        if _PERCENT_ASKED.search(question) and not any(
            set(_PERCENT.findall(sent)) - given for sent, _ in chosen
        ):
            # "불안전 응답 비율이 몇 %였어?": a percentage, not the count of test inputs
            percent = next((x for x in ranked if set(_PERCENT.findall(x[1])) - given), None)
            if percent is not None and n > 1:
                chosen.append((percent[1], percent[2]))
        # a measure the question names ("What PSNR ...?") is answered by its figure
        terms = self._terms(question, korean)
        if not any(measures(terms, sent, paper.title, given) for sent, _ in chosen):
            stated = next((x for x in ranked if measures(terms, x[1], paper.title, given)), None)
            if stated is not None:  # first, in place of the weakest
                chosen = [(stated[1], stated[2]), *chosen][: max(n, 1)]
        # so is what a paper rarely states ("how many training examples?", "컨텍스트 길이가
        # 몇이야?": `attributes`), by a sentence stating it with a figure
        for attribute in attributes.asked(question):
            if not any(_states(attribute, sent) for sent, _ in chosen):
                stated = next((x for x in ranked if _states(attribute, x[1], given)), None)
                if stated is not None:  # first, in place of the weakest
                    chosen = [(stated[1], stated[2]), *chosen][: max(n, 1)]
        picked = [sent for sent, same in chosen if same]
        other = [sent for sent, same in chosen if not same]
        if other:  # labelled with the digest it quotes; the best evidence comes first
            quoted = f"({quote_label(korean)}: {' '.join(other)})"
            picked = [quoted, *picked] if not chosen[0][1] else [*picked, quoted]
        return picked

    # -- answer shapes -----------------------------------------------------------------

    def _focused(
        self,
        question: str,
        hits: Sequence[Hit],
        korean: bool,
        lead: int = 0,
        summary: bool = False,
        floor: float = ALSO_LEAST,
    ) -> tuple[str, list[str]]:
        """The answer from the first hit (or the `lead`-th): for a named paper asked to be
        summed up (`summary`: "what's the core idea behind X?", read so by the example
        phrasings and asking nothing its summaries write), its overview; else its sentences
        that best answer the question. With it, what the question names that a named
        paper's digests do not write (`_not_written`)."""
        first = hits[lead]
        named = first.via in ("id", "title", "name")
        if (
            named
            and (summary or _OVERVIEW.search(question))
            and not _asks_measure(question, first.paper)
            # ("엑사원 3.0 7.8B 컨텍스트 길이랑 학습 토큰 수 알려줘": what digests rarely state,
            # asked of it: `attributes`)
            and not attributes.asked(question)
        ):
            picked = (
                self.overview(first.paper, korean)
                if cue_pattern("brief_cue").search(question)  # ("tl;dr", "한 줄 요약")
                else self.summary(first.paper, korean)
            )
            if cue_pattern("works_cue").search(question):
                # "how does SpargeAttn work?": its overview, and how it works (the two-stage
                # filter), which an overview of its gist and result may leave out
                picked = self.with_method(first.paper, korean, picked)
        else:
            picked = self.best(question, first.paper, korean, self.max_focus_sentences)
            picked = self.with_key_result(first.paper, korean, picked)
            if not named and cue_pattern("way_cue").search(question):
                picked = self.with_method(first.paper, korean, picked)
        others = [h.paper for h in hits[1:]]
        asked = [h.paper for h in hits[1:] if h.via in ("id", "title", "name")]
        absent = _not_written(question, first.paper, others, asked) if named else []
        if named:  # a measure its digests name without a figure: no figure to give
            absent += [w for w in _figureless(question, first.paper) if w not in absent]
        # (a variant of it claimed of: "YOLOv12-N reportedly hits 50 mAP" of YOLOv12)
        variant = not named and _variant_named(question, first.paper)
        claimed = _claimed_figures(question, first.paper, asked) if named or variant else []
        absent += claimed
        if claimed:  # (the digests' own figure of what the premise counts, quoted too)
            picked = self.with_claimed(question, claimed, first.paper, korean, picked)
        lines = [f"**{first.paper.label}** [{lead + 1}]: " + " ".join(picked)]
        if named and _no_share(question, first.paper):
            absent.append("%")  # "GroUSE에서 ... 몇 % 통과했어?": its digests write no share
        corrected = _corrections(question, absent, first.paper)
        if corrected:  # "그거 YOLOv8 기반이야?": no; what its digests name instead (YOLOv10)
            absent = [a for a in absent if a not in corrected]
            lines.insert(
                0,
                f"다이제스트는 {first.paper.label}에 대해 {', '.join(corrected)}가 아니라 "
                f"{', '.join(corrected.values())}를 적고 있습니다:"
                if korean
                else f"The digests do not name {', '.join(corrected)} for {first.paper.label} "
                f"but {', '.join(corrected.values())}:",
            )
            lines = ["\n".join(lines)]
        # a premise corrected: only figures it claims are not the digests', and the
        # sentences quoted state others ("CoSER 70B only got around 50% on LifeChoice,
        # right?": 93.47%); an answer, not a figure declined
        corrected_figures = (
            bool(absent)
            and set(absent) <= set(claimed)
            and all(_contradicted(question, c, first.paper, picked) for c in claimed)
        )
        if corrected_figures:
            lines.insert(
                0,
                f"다이제스트에 적힌 {first.paper.label}의 수치는 질문과 다릅니다(질문: "
                f"{', '.join(absent)}). 다이제스트의 내용:"
                if korean
                else f"The digests do not give {', '.join(absent)} for {first.paper.label}; "
                "what they say:",
            )
            lines = ["\n".join(lines)]
            absent = []
        elif absent:
            # "MMLU는?" after SWE-RL: say the digests give no such figure, then what they say
            lines.insert(
                0,
                f"다이제스트에는 {first.paper.label}의 {', '.join(absent)} 수치가 없습니다. "
                "다이제스트의 내용:"
                if korean
                else f"The digests give no {', '.join(absent)} figure for {first.paper.label}; "
                "what they say:",
            )
            lines = ["\n".join(lines)]
        if absent and _asked_apart(_unnamed(_asked_of(question, first.paper), first.paper), absent):
            absent = []  # "what's it called again, and does it beat fp8 on GSM8k?": the
            # first part is answered; the note says what the digests do not give
        if named and len(hits) > 1 and hits[1].via == "hybrid":
            # the question named its paper: that paper only, and another the digests call
            # by the same name ("UniVLA": two papers, each with a LIBERO figure)
            name = first.paper.name
            namesakes = [
                (n, h)
                for n, h in enumerate(hits, start=1)
                if name
                and h is not first
                and name in h.paper.aliases
                and h.relevance >= floor
                # (its own name, which it introduces; not a model it uses: MiniCPM)
                and introduces(h.paper, name)
            ][: self.max_papers - 1]
            if not namesakes:
                return lines[0], absent
            lines = [
                lines[0],
                "\n" + (f"{name}라는 이름의 다른 논문:" if korean else f"Also called {name}:"),
            ]
            for n, hit in namesakes:
                lines.append(
                    f"- **{hit.paper.label}** [{n}]: {self.listed(question, hit.paper, korean)}"
                )
            return "\n".join(lines), absent
        others = [
            (n, h)
            for n, h in enumerate(hits, start=1)
            # (as near the question as the answer's paper nearly, and through the gate: a
            # long how-to question's papers all have a small share of its words)
            if h is not first and h.relevance >= max(floor, first.relevance * ALSO_SHARE)
        ][: self.max_papers - 1]
        if others:
            lines.append("\n" + ("관련 논문:" if korean else "Also relevant:"))
            for n, hit in others:
                sent = self.listed(question, hit.paper, korean)
                lines.append(f"- **{hit.paper.label}** [{n}]: {sent}")
            # a name another paper shown writes is answered there, not declined (but not
            # one a premise claims of this paper: "LMM-R1 is built on Qwen2.5-VL-7B right?")
            shown = _squashed(" ".join(lines[1:]))
            if not cue_pattern("premise_cue").search(question):
                absent = [a for a in absent if _squashed(a) not in shown]
        return "\n".join(lines), absent

    def _list(self, question: str, retrieval: Retrieval, korean: bool) -> tuple[str, list[str]]:
        hits = retrieval.hits
        if hits[0].via != "date":  # a topical "which papers ..." question: relevant ones only
            # a topic within dates asks for the set: every paper that passes the gate
            if _a_set(retrieval) or retrieval.info.asks_set:
                floor = max(retrieval.floor, max(h.relevance for h in hits) * 0.5)
            else:
                floor = max(0.5, max(h.relevance for h in hits) * 0.7)
            first = hits[0]
            hits = [h for h in hits if h.relevance >= floor] or hits[:1]
            if first not in hits and (first.lexical or 0.0) > max(h.lexical or 0.0 for h in hits):
                # ranked first by the question's words more than any kept one has them (its
                # dense evidence low, as a Korean question's is): it stays, first
                hits = [first, *hits]
            if len(hits) == 1 and hits[0] is retrieval.hits[0]:
                return self._focused(question, hits, korean)  # a set of one: its answer
        f = retrieval.filters
        span = f.since if f.since == f.until else f"{f.since or '…'} – {f.until or '…'}"
        if hits[0].via == "date":
            head = (
                f"{span} 다이제스트의 논문 {len(hits)}편:"
                if korean
                else f"{len(hits)} papers in the digests of {span}:"
            )
        else:
            head = "관련 논문:" if korean else "Papers on this:"
        lines = [head]
        for n, hit in enumerate(retrieval.hits, start=1):
            if hit in hits:
                sent = self.listed(question, hit.paper, korean)
                lines.append(f"- **{hit.paper.label}** [{n}]: {sent}")
        return "\n".join(lines), []
