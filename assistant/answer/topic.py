"""A question's topic words: its words that name something, not dates, ids, paper names,
asking words (read from each intent's example phrasings) or fillers; and the query, label
and title words made of them.

The answer package's own helpers (underscored), read by the router and its siblings.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from assistant.answer.asking import (
    _HOW_MANY_TOP,
    _LANGUAGE_WORD,
    _TOP_N,
    _busiest,
    _languages,
    asks_by_language,
    languages_together,
)
from assistant.answer.extractive import written_out
from assistant.answer.naming import _PARENS, _unglossed, _written
from assistant.index import korean
from assistant.index.lexical import STOP, tokenize
from assistant.retrieve.hybrid import CHOICE, PHRASE_WORDS, topical_terms
from assistant.text import HANGUL_RUN, MODIFIER_ENDING, QUOTED
from assistant.types import Paper
from assistant.understand import glossary, intents
from assistant.understand.dates import asks_earliest, without_weekdays
from assistant.understand.query import CONTRAST, RATHER, QuestionInfo, code_place, strip_slots
from assistant.understand.references import ARXIV_ID, SUBJECT, back_pointer
from assistant.understand.slots import cue_pattern, slot_rows

# intents about a set of papers: their asking words overlap ("papers", "recent", "월별")
SET_INTENTS = ("search", "list", "count", "top_voted", "recent", "trend")
TERM_NOUNS = frozenset(["model", "models"])  # part of a term next to a topic word
SHARED_BY = 3  # a word in this many intents' examples asks, whatever the intent ("what")


@cache
def _intent_words(intent: str = "search") -> frozenset[str]:
    """The asking words of a question read as `intent`: tokens of that intent's example
    phrasings (and of every set intent's, for a question about a set of papers), plus
    words many intents share. Another intent's own words may be a topic: "code" asks for
    a paper's code, but it is the topic of "code generation benchmarks"."""
    own = _example_words(tokenize)
    return frozenset(
        _asking(own, intent) | ARCHIVE | set(tokenize(" ".join(ARCHIVE))) | _fillers(tokenize)
    )


def _asking(own: dict[str, set[str]], intent: str) -> set[str]:
    """The asking words of `intent` among each intent's example words `own`: its own, those
    many intents share, and, for a question about a set of papers, the words several set
    intents share ("papers", "that day"). A word only *another* intent asks with is a topic
    here: "추천" (votes) in "추천 시스템 논문", "popular" in "popular music generation"."""
    own = dict(own)
    topical = own.pop("search", set())
    shared = Counter(w for words in own.values() for w in words)
    words = {w for w, n in shared.items() if n >= SHARED_BY} | own.get(intent, set())
    if intent in SET_INTENTS:
        in_sets = Counter(w for i in SET_INTENTS if i != "search" for w in own.get(i, ()))
        words |= {w for w, n in in_sets.items() if n >= 2}
    # a topic phrasing's words that other intents' phrasings use too: "찾아줘", "which"
    words |= topical & set().union(*own.values())
    return words


@cache
def _fillers(split) -> frozenset[str]:
    """Words that only soften a question ("혹시", "좀", "could you"), `slots.jsonl` slot
    "filler": never a topic, whatever the intent."""
    return frozenset(w for r in slot_rows("filler") for w in split(r["text"]))


def _naming(topic: list[str]) -> list[str]:
    """The topic's words that name something: not a Korean predicate ("뭐였는지도",
    "받았어": `korean.topical`)."""
    return [w for w in topic if not _HANGUL_WORD.fullmatch(w) or korean.topical(w)]


# the archive itself is what such questions ask about, never their topic
ARCHIVE = {
    "paper",
    "papers",
    "digest",
    "digests",
    "archive",
    "논문",
    "페이퍼",
    "다이제스트",
    "아카이브",
}
# a count or a vote ranking is about the archive when it names it, its papers, digests or dates
ARCHIVE_WORDS = re.compile(
    r"\b(papers?|digests?|archive|articles?|preprints?)\b|논문|페이퍼|다이제스트|아카이브|편", re.I
)
_HANGUL_WORD = re.compile(r"[가-힣]+")


def _example_words(split) -> dict[str, set[str]]:
    """Each intent's example phrasings, split into words by `split`; an asking phrasing's
    words without those it marks as its topic ("which is [faster]": a claim, asked about
    or not, and the topic of "papers that make attention faster"). A topic search's are
    all its words: `_asking` reads as asking only those other intents' phrasings use."""
    out: dict[str, set[str]] = {}
    for intent, text in intents.annotated():
        said = text if intent == "search" else intents.TOPIC.sub(" ", text)
        out.setdefault(intent, set()).update(split(said))
    return out


@cache
def _korean_stems(intent: str = "search") -> frozenset[str]:
    """Stems of the Korean asking words of `intent` (as `_intent_words` picks them): each
    word and the word without its last syllable ("있었어" -> "있었"), for the endings and
    particles a question puts on them ("있었지", "다이제스트에는")."""
    words = _asking(_example_words(_HANGUL_WORD.findall), intent)
    words |= {w for w in ARCHIVE if _HANGUL_WORD.fullmatch(w)} | _fillers(_HANGUL_WORD.findall)
    return frozenset(words | {w[:-1] for w in words if len(w) >= 3})


def _korean_asking(word: str, intent: str) -> bool:
    """A Korean word that is an asking word with a particle or an ending (<= 2 syllables)."""
    stems = _korean_stems(intent)
    return any(word[:k] in stems for k in range(max(2, len(word) - 2), len(word) + 1))


_PUNCTUATION = re.compile(r"[()\[\]{}?!,;:\"“”‘’]|'(?!s\b)|(?<=\w)'s\b|\.(?=\s|$)")
_SAYS_A_WORD = re.compile(r"(?<=\bthe\s)(words?|terms?)(?=\s)", re.I)  # "the word X"
_LATIN_STEM = re.compile(r"(?<=[A-Za-z0-9])[가-힣]+$")  # "GRPO를": GRPO


def topic_query(question: str, topic: list[str]) -> str:
    """The topic's words as a query, with the choices the question wrote between them:
    "weather forecasting or climate models" is "weather forecasting or climate", a set of
    papers on either (a set has each of its terms, `HybridRetriever.gate_all`). What the
    question excludes goes with it ("fine-tuning other than LoRA"): no paper named by it is
    counted or listed."""
    excluded = [m.group(0) for m in CONTRAST.finditer(question)]
    return " ".join(_with_choices(topic, question) + excluded)


def _with_choices(
    words: list[str], question: str, joins: re.Pattern = CHOICE, mark: str = "or"
) -> list[str]:
    """`words` with `mark` between two the question writes a choice between (what `joins`
    finds between them: "A or B", "A/B", "A나 B"); as they are when it does not write them
    in order."""
    out, at = [], 0
    for word in words:
        found = question.find(word, at)
        if found < 0:
            return list(words)
        if out and joins.search(question, at, found):  # (a particle glued on: "Speech나")
            out.append(mark)
        out.append(word)
        at = found + len(word)
    return out


_GOVERNS_POINTER = re.compile(r"\b(?:among(?:st)?|out of|from|in|of)\s+$", re.I)


def topic_words(question: str, info: QuestionInfo, names: list[Paper]) -> list[str]:
    """The question's words that name a topic: not dates, ids, paper names or asking words.

    Whole words as written ("강화학습", "video"), each kept when one of its index tokens
    is topical: Korean words count once, not once per character bigram.
    """
    # (a place in a digest is no topic: "the very first paper covered", "listed first")
    text = cue_pattern("first_listed").sub(" ", question)
    text = SUBJECT.sub(" ", strip_slots(text, info))  # a follow-up's subject
    # ("every paper from the 2024-11-15 digests, English and Korean ones combined": which
    # digests, no topic; not "Korean LLM papers" of "영어 한국어 다이제스트 통틀어서")
    text = languages_together().sub(" ", text)
    if asks_by_language(question, pair=info.intent == "count"):
        # "which language has more?", "in both languages": what a count is by, no topic
        # ("English vs Korean": the languages as well)
        text = cue_pattern("language_name").sub(" ", cue_pattern("by_language").sub(" ", text))
        text = _LANGUAGE_WORD.sub(" ", text)  # (what is left of it: "in 2024 by language")
    if (pointer := back_pointer(text)) is not None and pointer.strong:
        # "list 'em", "#2"; with the word that governs it ("the video ones among them")
        before = _GOVERNS_POINTER.sub(" ", text[: pointer.start])
        text = f"{before} {text[pointer.end :]}"
    text = _busiest().sub(" ", text)  # "the busiest day": what a count names, no topic
    text = without_weekdays(text)  # "on Mondays", "요일별": what a count is by
    text = _TOP_N.sub(" ", text)  # "which three ...", "top 5": how many, no topic
    if info.intent in SET_INTENTS:
        text = _without_asks_of_them(text)
    text = _languages()[0].sub(" ", text)  # "한국어 다이제스트": a filter
    text = RATHER.sub(" ", text)  # "on video rather than single images": not the images
    text = _unglossed(text, names)  # "리캠마스터(ReCamMaster)": the name, spelled twice
    # each name as a whole word, the longest first: "Janus랑 JanusFlow" leaves no "Flow"
    for label in sorted({w for p in names for w in _written(p)}, key=len, reverse=True):
        # with a suffix of its own: "Divot-LLM" names Divot, "-LLM" is no topic
        whole = rf"(?<![A-Za-z0-9]){re.escape(label)}(?:-[\w.]+)*(?![A-Za-z0-9])"
        text = re.sub(whole, " ", text, flags=re.I)
    text = ARXIV_ID.sub(" ", text)
    # a question in parts about one set asks with each part's words: "how many ... and the
    # top 3 by votes" (a count's words in a ranking question are no topic)
    read_as = {info.intent}
    if info.intent in intents.RANKS_THE_SET:
        read_as |= intents.clause_intents(question) & intents.RANKS_THE_SET
    if (info.dates.relative == "latest" or asks_earliest(question)) and cue_pattern(
        "when_cue"
    ).search(question):
        read_as.add("when")  # "when did the first digest come out?": its date, no topic
    asking = frozenset().union(*(_intent_words(i) for i in read_as))
    words = _PUNCTUATION.sub(" ", text).split()
    kept = [False] * len(words)
    for i, word in enumerate(words):
        if _HANGUL_WORD.fullmatch(word) and (
            any(_korean_asking(word, i) for i in read_as)
            or word in korean.classes()["fillers"]
            or word in korean.classes()["particles"]  # "부터" left of "2024년부터"
            or korean.asks_only(word)
        ):
            continue  # an asking word, a filler ("그리고", "그냥"), or a word that names
            # nothing: a request ("요약해줘"), "only those" ("것만")
        if i and words[i - 1] == "몇" and _HANGUL_WORD.fullmatch(word):
            continue  # the counter of "몇" with any ending: "몇 개고", "몇 편이었고"
        if _HOW_MANY_TOP.fullmatch(word):  # "top3", "top-10", "상위5": how many, no topic
            continue
        if info.filters.has_code and code_place().fullmatch(word.strip("()")):
            continue  # "... have code on GitHub": where the code is, no topic
        # "top-voted" asks as "top voted" does: a compound of asking words is no topic
        terms = [
            t
            for t in topical_terms(intents.HYPHEN.sub(" ", word))
            if t not in asking and t not in STOP and len(t) > 1  # (STOP: "uses" is "use")
        ]
        # (a word of one syllable has no index token: a glossary term's is a topic, "웹")
        one = not terms and _HANGUL_WORD.fullmatch(word) and glossary.english_terms(word)
        # a task named by its process ("summarization", "tokenization") is a topic, though
        # its stem asks too ("summarize the papers on it")
        task = bool(_TASK_NOUN.fullmatch(word))
        kept[i] = bool(terms) or bool(one) or task
    # "model" is in every paper, no topic alone, but part of a short term next to a topic
    # word: "world model", "process reward model", "model merging" (not "world")
    if sum(kept) < PHRASE_WORDS:
        for i, word in enumerate(words):
            near = (kept[j] for j in (i - 1, i + 1) if 0 <= j < len(words))
            if word.lower() in TERM_NOUNS and any(near):
                kept[i] = True
    # "Mamba-based papers": the topic is Mamba (a name's; "rule-based" is a term)
    return [_name_of_modifier(w) for w, k in zip(words, kept, strict=True) if k]


def _name_of_modifier(word: str) -> str:
    """ "Mamba-based", "GPT-4o-style": the name; any other word as it is."""
    name = MODIFIER_ENDING.sub("", word)
    return name if name != word and re.search(r"[A-Z0-9]", name) else word


_TASK_NOUN = re.compile(r"[A-Za-z-]{4,}i[sz]ations?", re.I)  # "summarization", "quantisation"
# a later part of a question that asks about the papers of the first ("..., and what
# speedups do they report?", "각각 몇 배야?"): its words ask, they name no topic
_OF_THEM = re.compile(r"\b(?:they|their|them|each|those|these)\b|각각|그것들|그 논문들", re.I)


def _without_asks_of_them(text: str) -> str:
    """The question without its later parts that ask about the papers its first part
    names ("which papers ... do diffusion language models, and what speedups do they
    report?": the topic is the first part's)."""
    parts = intents.clause_parts(text)
    kept: list[str] = []
    named = False  # whether a kept part names a topic: the papers the later parts ask of
    for part in parts:
        if named and _OF_THEM.search(part):
            continue
        kept.append(part)
        named = named or bool(topical_terms(part))
    return " ".join(kept) if len(kept) < len(parts) else text


def _content_words(topic: list[str]) -> int:
    """How many of a topic's words name something: a Korean predicate ("쓰는", "하는",
    "내고") names nothing (`korean.topical`), whatever the words around it name."""
    return sum(1 for w in topic if not _HANGUL_WORD.fullmatch(w) or korean.topical(w))


def _beyond_title(words: list[str], paper: Paper) -> list[str]:
    """The words its title does not have: "KAN(Kolmogorov-Arnold Network)" glosses the name
    of "KAN: Kolmogorov-Arnold Networks", no other topic."""
    title = set(tokenize(paper.title))
    return [w for w in words if not set(tokenize(w)) <= title]


def _without_glosses(topic: list[str], question: str) -> list[str]:
    """The topic without a Korean gloss in parentheses of its English words, for a ranking
    ("video-to-audio(영상에 맞는 소리 생성) 논문 중 가장 추천 많이 받은 건?": the English, not
    both: any 영상 생성 paper had half of it, and the most voted of those ranked first); an
    English aside stays ("표 형식(tabular)")."""
    glosses = {w for w in _in_asides(topic, question) if HANGUL_RUN.search(w)}
    if any(not HANGUL_RUN.search(w) for w in topic if w not in glosses):
        return [w for w in topic if w not in glosses] or topic
    return topic


def _in_asides(words: list[str], question: str) -> list[str]:
    """The words the question writes only inside parentheses (a gloss, an aside)."""
    bare = _PARENS.sub(" ", question)
    inside = " ".join(m.group(0)[1:-1] for m in _PARENS.finditer(question))
    return [w for w in words if w in inside and w not in bare]


def _label(topic: list[str], question: str) -> str:
    """The topic words an answer names its set by: a Korean predicate the query keeps (it
    may be a noun's form) names nothing in a label ("'speculative decoding 올렸어'")."""
    nouns = glossary.korean_words(question)
    # (a noun as the label names it, without its particle: '어텐션', not '어텐션을')
    shown = [w if not _HANGUL_WORD.fullmatch(w) or w in nouns else korean.topical(w) for w in topic]
    return " ".join(w for w in shown if w) or " ".join(topic)


def _titled_by(rare: list[str], title: str) -> bool:
    """Whether a title writes one of the `rare` words (a name or a term), in full if an
    acronym ("Direct Preference Optimization" of DPO), a Korean one by the glossary's
    English: its paper is about it, not one that mentions it ("LayerNorm", "RMSNorm": DyT
    writes both, and its title, "Transformers without Normalization", neither)."""
    words = set(tokenize(title))
    for word in rare:
        english = glossary.english_terms(word) if HANGUL_RUN.fullmatch(word) else word
        for reading in dict.fromkeys([word, english]):
            tokens = {t for t in tokenize(reading) if t not in STOP}
            if tokens and tokens <= words:
                return True
        # (an acronym spelled out, alone or in a side: "Direct Preference Optimization" is
        # about the DPO of "DPO loss")
        if any(written_out(part, title.lower()) for part in dict.fromkeys([word, *word.split()])):
            return True
    return False


# what a Korean question says a title has: "제목에 Depth Anything 들어간 거"
_IN_KOREAN_TITLE = re.compile(
    r"제목에\s*(?P<words>[^?.,\s][^?.,]*?)(?:이|가|라는 말이|라는 단어가)?\s*"
    r"(?:들어간|들어가는|들어있는|포함된|포함되어|있는|나오는)"
)


# what joins a title's choices of words ("Speech or TTS", "Speech나 TTS"; not a comma)
# (a slash between words written apart too: "jailbreak / jailbreaking")
_TITLE_CHOICE = re.compile(r"\bor\b|또는|혹은|\s/\s|(?<=[A-Za-z0-9])(?:이나|나)(?![가-힣])", re.I)
_LISTED_CHOICE = re.compile(rf"{_TITLE_CHOICE.pattern}|,", re.I)


def _title_query(topic: list[str], question: str) -> str:
    """The topic words a title is searched for, as a title writes them: what the question
    quotes or says a title has ("'speculative' in the title (either language)", "제목에
    Depth Anything 들어간 거 전부"), else its topic words without the particle after a
    Latin word ("제목에 Mamba가 들어간"), each once ("survey papers with 'survey' in the
    title"), with the choices the question writes between them joined by " OR " ("제목에
    Speech나 TTS 들어간": either, as `ArchiveTools.count_papers` reads them)."""
    if quoted := list(QUOTED.finditer(question)):
        # (quotes joined by "or": "'diffusion' or 'flow' in the title", either)
        out = [quoted[0][1]]
        for before, m in pairwise(quoted):
            if _TITLE_CHOICE.search(question, before.end(), m.start()):
                out.append("OR")
            out.append(m[1])
        return " ".join(out)
    if (m := _IN_KOREAN_TITLE.search(question)) and not HANGUL_RUN.search(m["words"]):
        return m["words"].strip()
    written: dict[str, str] = {}
    # "titles that contain the word watermark": "word" says what follows is one
    said = {w.lower() for w in _SAYS_A_WORD.findall(question)}
    for word in (w for w in topic if w.lower() not in said):
        word = _LATIN_STEM.sub("", word) or word
        written.setdefault(word.lower(), word)
    # (choices are what "or" or "나" join, and a comma in a list they close: "robot,
    # robotic or robotics", not "Mamba, Vision 둘 다")
    joins = _LISTED_CHOICE if _TITLE_CHOICE.search(question) else _TITLE_CHOICE
    out = _with_choices(list(written.values()), question, joins, "OR")
    # (and the choices a word writes with slashes: "robot/robotics")
    return " ".join(" OR ".join(w for w in word.split("/") if w) for word in out)


def topic_phrase(text: str, topic: list[str]) -> str:
    """The question's own words that carry its topic words, in order ("speculative decoding")."""
    wanted = set(topic)
    kept = [w for w in text.split() if wanted.intersection(tokenize(w))]
    phrase = " ".join(kept).strip(" ?？.,!;:'\"“”")
    return phrase or " ".join(topic)
