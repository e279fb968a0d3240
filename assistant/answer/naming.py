"""How a question writes a paper: by its title, name, title head or an alias, where, and
whether only as an example, an aside or what others are measured on.

The answer package's own helpers (underscored), read by the router and its siblings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.index import hangul
from assistant.index.catalog import ARTICLES, TITLE_ARTICLE_WORDS
from assistant.retrieve.hybrid import QUOTED_HEAD
from assistant.text import HANGUL_RUN, english_word, unaccented
from assistant.types import PLURAL_CAPITALS, Paper
from assistant.understand.query import QuestionInfo, mask
from assistant.understand.references import SUBJECT, an_example


def _an_example(paper: Paper, question: str) -> bool:
    """Whether the question writes the paper only as one example of a kind."""
    return an_example(question, [m.span() for m in _written_at(paper, question)])


def _written_at(p: Paper, text: str, flags: int = 0, aliases: bool = False) -> Iterator[re.Match]:
    """Where `text` writes the paper as a whole word, in any of its forms (`_written`;
    with `aliases`, the names its summaries coin too)."""
    for w in {*_written(p), *(p.aliases if aliases else ())}:
        yield from re.finditer(rf"(?<![A-Za-z0-9-]){re.escape(w)}(?![A-Za-z0-9-])", text, flags)


# a Korean spelling written right before the name in parentheses ("리캠마스터(ReCamMaster)",
# "비디오 R1(Video-R1)"): the name written twice, a word of the spelling for each of its
# parts (at most three), no topic of its own
_GLOSS_PARTS = 3


def _unglossed(text: str, names: Sequence[Paper]) -> str:
    """`text` without the Korean spelling written before a paper's name in parentheses:
    "리캠마스터(ReCamMaster)처럼" reads as "ReCamMaster처럼". Only a spelling as Korean hears
    the name (`hangul.spells`): "영상 재렌더링(ReCamMaster)", "언러닝(TOFU)" say what it
    is about, and "... 논문(Applying Guidance in a Limited Interval)" what it is."""
    if "(" not in text:
        return text
    short = {w for p in names for w in p.short_names if w != p.title}
    for w in sorted(short, key=len, reverse=True):
        parts = len(re.split(r"[\s-]+", w.strip()))
        if parts > _GLOSS_PARTS:
            continue
        gloss = rf"(?:[^\s()]+\s+){{0,{parts - 1}}}[^\s()]+"

        def spelled(m: re.Match, name: str = w) -> str:
            said = m.group(0)[: m.start(1) - m.start(0)].rstrip("( ")
            korean = "".join(HANGUL_RUN.findall(said))
            rest = name  # (less what it writes as the name does: "비디오 R1" writes R1)
            for latin in re.findall(r"[A-Za-z0-9]+", said):
                rest = re.sub(re.escape(latin), "", rest, flags=re.I)
            return m.group(1) if korean and hangul.spells(korean, rest) else m.group(0)

        text = re.sub(
            rf"(?<![^\s]){gloss}(?<=[가-힣0-9])\(\s*({re.escape(w)})\s*\)",
            spelled,
            text,
            flags=re.I,
        )
    return text


def _named_first(paper: Paper, topic: list[str], question: str) -> bool:
    """Whether the question names the paper by its name before any other topic word: the
    paper it asks about ("Mixture-of-Depths 비슷한 거, 특히 MLLM에 적용한 것들"), not an
    example of a topic named first ("papers that generate vector graphics similar to SVG")."""
    at = _first_written(paper, question)
    words = [question.find(w) for w in topic if w not in paper.label and w in question]
    return at >= 0 and all(at < i for i in words if i != at)


def _first_written(paper: Paper, question: str) -> int:
    """Where the question first writes the paper, in any of its forms or aliases ("ViTok"
    of "Learnings from Scaling Visual Tokenizers ..."), or by its title's first words as
    the title writes them ("Stable Score Distillation 논문 읽어봤는데, 이거처럼 ..."), -1
    when nowhere."""
    found = [m.start() for m in _written_at(paper, question, aliases=True)]
    head = " ".join(paper.title.split()[:QUOTED_HEAD])
    if len(head.split()) == QUOTED_HEAD and (at := question.find(head)) >= 0:
        found.append(at)
    return min(found, default=-1)


_WORD = re.compile(r"(?<![\w-])[A-Za-z0-9][\w.-]*[A-Za-z0-9]")  # (a Latin word, "TALE")


def _capitals_written(paper: Paper, question: str, others: Sequence[Paper] = ()) -> int:
    """Where the question first writes a word of two capitals or more that the paper's
    digests write as it is and the `others` do not ("TALE이랑 VeriThinker" of
    Token-Budget-Aware LLM Reasoning, whose summaries call it TALE; not "AIME", which
    both papers compared write), -1 when nowhere."""
    own = paper.lexical_text()
    theirs = [o.lexical_text() for o in others if o is not paper]
    for m in _WORD.finditer(question):
        word = m.group(0)
        if sum(c.isupper() for c in word) < 2:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        if pattern.search(own) and not any(pattern.search(text) for text in theirs):
            return m.start()
    return -1


# a size or scale after a model's name: "-X", "-N" (YOLOv12-X), "-7B", "-0.5B", "-XL"
_SIZE_VARIANT = re.compile(r"[-\s](?:[A-Z]|XL|XXL|\d+(?:\.\d+)?[BMbm])")


def _sized(name: str, paper: Paper) -> bool:
    """Whether `name` is the paper's own name with a size or scale after it."""
    own = paper.name or ""
    return (
        bool(own)
        and name.lower().startswith(own.lower())
        and bool(_SIZE_VARIANT.fullmatch(name[len(own) :]))
    )


def _names_in(paper: Paper, text: str) -> bool:
    """Whether `text` writes one of the paper's names as a whole word."""
    return any(_whole_word_in(w, text) for w in _written(paper))


def _whole_word_in(name: str, text: str) -> bool:
    """Whether `text` writes `name` as a whole word, case aside."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I) is not None


def _versions_of(name: str) -> re.Pattern:
    """`name` in lower case as written or with a version after it ("flashattention2" of
    FlashAttention)."""
    return re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?:[-\s]?v?\d[\w.]*)?(?![\w])")


def _written(p: Paper) -> list[str]:
    """How a question may write the paper: its title, name or title head, a name of two
    words also as one ("LayerSkip" for "Layer Skip"); longest first."""
    forms = {p.title, p.label, p.head}
    if p.name and " " in p.name:
        forms.add(p.name.replace(" ", ""))
    # (typed without the period of "vs.": "API Agents vs GUI Agents")
    forms |= {re.sub(r"(?<=\bvs)\.", "", f, flags=re.I) for f in forms if f}
    article, _, rest = p.title.partition(" ")
    if article.lower() in ARTICLES and len(rest.split()) >= TITLE_ARTICLE_WORDS:
        forms.add(rest)  # "the Empirical Study of Qwen3 Quantization" ("An Empirical ...")
    return sorted({w for w in forms if w}, key=len, reverse=True)


def _carries(paper: Paper, number: str) -> bool:
    """Whether the paper's name carries the version ("SageAttention3" 3, "NeuFlow v2" 2;
    not SageAttention for "v3", nor Phi-3 for "3.5")."""
    name = paper.name or paper.label
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", name) is not None


def _written_names(names: list[Paper]) -> set[str]:
    """Every way the papers named are written (names, labels, aliases), in lower case."""
    return {w.lower() for p in names for w in (*_written(p), *p.aliases)}


def _writes(paper: Paper, words: str) -> bool:
    """Whether the paper's digests write a number of `words` (a year: "2000" of "from 2000
    to 2022", which AlphaGeometry2's digest writes as "2000-2024")."""
    text = paper.lexical_text()
    return any(n in text for n in re.findall(r"\d{4}", words))


def _written_words(p: Paper, question: str | None = None) -> set[str]:
    """The words of a paper's name and title, lower-cased: no aspect of its own similars.
    With `question`, of the ways it writes the paper (all of them when it writes none): a
    title word said apart from the name it is called by is an aspect ("TOFU처럼 LLM
    언러닝(unlearning) 다루는 논문": unlearning, though TOFU's title has it)."""
    forms = _written(p)
    if question is not None:
        said = question.lower()
        forms = [f for f in forms if f.lower() in said] or forms
    return {w.lower() for label in forms for w in label.split()}


def _as_capitalised(head: str, question: str) -> bool:
    """Whether the question writes a title's head with its capitals ("Warm Up Before You
    Train"), as a title is quoted; a topic is typed in lower case ("web agents")."""
    return sum(w[:1].isupper() for w in head.split()) >= 2 and _writes_whole(question, head)


_COINED_SHAPE = re.compile(r"[a-z][A-Z]|\d")  # a capital inside a word, or a version


def _coined_as_written(name: str, question: str) -> bool:
    """Whether the question writes a coined name as the paper does, with its capitals and
    version ("Prometheus 2", "DreamCube"): no word of a topic, as an acronym may be ("SVG")."""
    return bool(_COINED_SHAPE.search(name)) and _writes_whole(question, name)


def _writes_whole(question: str, words: str) -> bool:
    """Whether the question writes `words` as written, not inside a longer word or name (a
    Korean particle may be glued on: "Speculative Streaming처럼")."""
    return (
        re.search(rf"(?<![A-Za-z0-9_-]){re.escape(words)}(?![A-Za-z0-9_-])", question) is not None
    )


def _not_inside_another(text: str, ids: list[str], forms: dict[str, list[str]]) -> list[str]:
    """`ids` but those written only inside another's name: "SageAttention2" in
    "SageAttention2++" (lower-cased `text`; `forms`: how each may be written)."""

    def spans(pid: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for form in forms[pid]
            for m in re.finditer(re.escape(form.lower()), text)
        ]

    found = {pid: spans(pid) for pid in ids}
    return [
        pid
        for pid in ids
        if not found[pid]
        or any(
            not any(
                o != pid and a <= s and e <= b and (b - a) > (e - s)
                for o in ids
                for a, b in found[o]
            )
            for s, e in found[pid]
        )
    ]


def _to_get(question: str, p: Paper) -> bool:
    """Whether the question asks to get the paper's model or data itself ("how can I get
    SpargeAttn?", "how do I get the OmniAlign-V data?"), not to get something done ("how
    can I get my LLM to say it's unsure?", "how can I get SpargeAttn to run faster?")."""
    forms = [*_written(p), *p.aliases]
    return any(
        re.search(
            rf"\b(?:get|download|grab|obtain)\s+(?:the\s+)?{re.escape(w)}(?![\w-])(?!\s+(?:to|into)\b)",
            question,
            re.I,
        )
        for w in forms
    )


def _by_head_only(p: Paper, question: str) -> bool:
    """Whether the question names `p` only by its title's head, or by a name made of
    ordinary words, either of which may also be a phrase of a topic ("Web Agents with World
    Models: ...", "GUI Agents: A Survey" in "which papers were about GUI agents?")."""
    if _named_whole(p, question):
        return False
    coined = (a for a in p.aliases if a not in p.spelled_out)
    if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![A-Za-z0-9-])", question) for a in coined):
        return False  # a name its summaries coin ("NSA는 몇 표 받았어?"), no phrase of a topic
    if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", question, re.I) for a in p.spelled_out):
        return True  # its acronym spelled out ("Kolmogorov-Arnold Networks"): a topic too
    for quoted in (p.head, p.name):
        if quoted and len(quoted.split()) >= QUOTED_HEAD and _as_capitalised(quoted, question):
            # "Warm Up Before You Train 논문 알려줘", "Tell me about Native Sparse Attention":
            # the head, or a name of ordinary words, as its title writes it
            return False
    words = (p.name or "").split()
    if len(words) > 1 and "".join(words) in question:
        return False  # written as one word ("LayerSkip"): the name, no phrase of a topic
    plain = len(words) > 1 and all(
        english_word(w) or (w.isupper() and w.isalpha() and len(w) <= 5) for w in words
    )
    return bool(p.head) or plain


def _surname_in(p: Paper, question: str) -> bool:
    """Whether the question writes the last name of one of `p`'s authors as a capitalised
    word of its own ("did Dao work on Mamba?"), other than the paper's own name."""
    # (accents aside: "Veličković", "Velickovic")
    names = set(re.findall(r"\b[A-Z][a-z]+(?:-?[A-Z][a-z]+)?\b", unaccented(question)))
    # (a month or another English word is no last name: "Was Megalodon released in May?")
    names -= set((p.name or "").split()) | {n for n in names if english_word(n.lower())}
    return any(
        len(parts) > 1 and parts[-1] in names
        for parts in (unaccented(a).split() for m in p.mentions for a in m.authors)
    )


def _named_whole(p: Paper, question: str) -> bool:
    """The question names `p` by its whole title or its arXiv id."""
    text = question.lower()
    return p.title.lower() in text or p.arxiv_id in text


# "A or B", "A vs B", "A랑 B", "A와 B": the two sides of a comparison, and a name's words
_CONJUNCTION = r"\s*(?:,?\s*\b(?:or|and|vs\.?|versus|against)\b\s*|(?:이랑|랑|와|과|하고)\s*)"
_NAME_WORDS = r"[A-Za-z0-9][A-Za-z0-9.+_-]*(?:\s+[A-Z0-9][A-Za-z0-9.+_-]*){0,3}"


def _beside(question: str, paper: Paper) -> Iterator[list[str]]:
    """The words written on the other side of "A or B" / "A랑 B" / "B vs A" from `paper`,
    for each way the question may write it (`_written`) and each side."""
    text = SUBJECT.sub(" ", question)
    for written in _written(paper):
        at = re.escape(written)
        for pattern in (
            rf"{at}{_CONJUNCTION}(?P<other>{_NAME_WORDS})",
            rf"(?P<other>{_NAME_WORDS}){_CONJUNCTION}{at}",
        ):
            if m := re.search(pattern, text, re.I):
                yield m.group("other").split()


def _masked(question: str, info: QuestionInfo, names: list[Paper]) -> str:
    """The question as its intent is read when it names papers: without a follow-up's
    subject, the papers it names as <paper>, then `mask` (dates, ids, names as "A")."""
    return mask(_mask_names(SUBJECT.sub(" ", question), names), info.dates)


def _mask_names(text: str, names: list[Paper]) -> str:
    """The question with the papers it names as "A", as the examples write names (a Korean
    spelling before one in parentheses with it: "리캠마스터(ReCamMaster)처럼" is "A처럼")."""
    text = _unglossed(text, names)
    labels = {label for p in names for label in _written(p)}
    # and a name its summaries coin when the question names it by that ("MLMove is what?"
    # asks as "A is what?" does; not "GitHub" of SWE-RL's, beside "SWE-RL"), not a plural
    # of capitals one of them keeps writing ("LLMs")
    labels |= {
        a
        for p in names
        if not any(re.search(rf"(?<![\w-]){re.escape(w)}", text, re.I) for w in _written(p))
        for a in p.aliases
        if not PLURAL_CAPITALS.search(a)
    }
    for label in sorted(labels, key=len, reverse=True):  # "SageAttention2" before its head
        # (a Korean particle may follow it, kept on it as the examples write one: "Depth
        # Anything V2랑" is "A랑")
        text = re.sub(
            rf"(?<![\w-]){re.escape(label)}(?![A-Za-z0-9_-])([가-힣]?)",
            lambda m: f" A{m.group(1)}" if m.group(1) else " A ",
            text,
            flags=re.I,
        )
    # an aside on a name is part of it: "phi-4 (the 14B tech report) vs ..." is "A vs ..."
    return _ASIDE.sub(" ", text)


def _only_aside(p: Paper, question: str) -> bool:
    """The question writes the paper's name only inside parentheses (an aside on another)."""
    bare = _PARENS.sub(" ", question)
    return any(
        re.search(rf"(?<![\w-]){re.escape(w)}", question, re.I) for w in _written(p)
    ) and not any(re.search(rf"(?<![\w-]){re.escape(w)}", bare, re.I) for w in _written(p))


def _measured_on(p: Paper, question: str) -> bool:
    """The question names the paper as what others are measured on ("... on GPQA?",
    "GenEval에서", "MMLU 기준")."""
    for w in _written(p):
        name = re.escape(w)
        if re.search(rf"\b(?:on|in|at|over)\s+(?:the\s+)?{name}(?![\w-])", question, re.I):
            return True
        if re.search(rf"(?<![\w-]){name}\s*(?:에서|기준|벤치마크)", question, re.I):
            return True
    return False


_PARENS = re.compile(r"\([^()]*\)")  # an aside in parentheses, without nested ones
_ASIDE = re.compile(r"(?<= A )\s*\([^()]*\)")
_LATIN_RUN = re.compile(r"([A-Za-z0-9][A-Za-z0-9.+]*)([가-힣]*)")  # a word, its particle


def _side(name: str, question: str, words: list[str]) -> str:
    """A side of a comparison that `name` is written in: the topic words written next to
    it ("KL divergence" of "KL divergence랑 cross entropy 차이"; "cross entropy" of
    "cross-entropy"), a Korean particle ending it; `name` alone when it is not found."""
    topical = {w.lower() for word in words for w in re.split(r"[\s-]+", word)}
    runs = list(_LATIN_RUN.finditer(question))

    def joined(left: re.Match[str], right: re.Match[str]) -> bool:
        between = question[left.end() : right.start()]
        return not left.group(2) and re.fullmatch(r"[\s-]+", between) is not None

    for i, run in enumerate(runs):
        if run.group(1).lower() != name.lower():
            continue
        start = end = i
        while start and joined(runs[start - 1], runs[start]):
            if runs[start - 1].group(1).lower() not in topical:
                break
            start -= 1
        while end + 1 < len(runs) and joined(runs[end], runs[end + 1]):
            if runs[end + 1].group(1).lower() not in topical:
                break
            end += 1
        return " ".join(runs[j].group(1) for j in range(start, end + 1))
    return name
