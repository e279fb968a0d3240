"""Text rules shared by every layer: what counts as Korean, what is safe to show, what a
question may be."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from assistant.errors import DigestError

HANGUL = re.compile(r"[\uac00-\ud7a3]")  # one Hangul syllable
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
YEAR = re.compile(r"(?:19|20)\d\d")  # a year, as a whole text or one of its words
# a phrase written in quotes: "'Do NOT think that much for 2+3'", "“Observational Scaling Laws”",
# also in brackets ('technical reports ("Technical Report" in the title)')
QUOTED = re.compile(r"(?:(?<=[\s(])|^)['\"‘“]([^'\"‘’“”]{2,120})['\"’”](?=[\s?.,!)]|$)")


_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits, any script


def words(text: str) -> list[str]:
    """The text's words, lower-cased: runs of letters or digits ("Reinforcement-Learning"
    is "reinforcement", "learning")."""
    return _WORD.findall(text.lower())


@cache
def _unaccented(letter: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c))
    return base if base.isascii() and base else letter


def unaccented(text: str) -> str:
    """`text` with each accented Latin letter as its base letter ("PokéLLMon" ->
    "PokeLLMon", as people type it); Hangul and every other script as written."""
    if text.isascii():
        return text
    return "".join(_unaccented(c) if "\u00c0" <= c <= "\u024f" else c for c in text)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter left out, added or changed, or two neighbours
    swapped ("HumanEvl", "HumanEval")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def is_korean(text: str) -> bool:
    """True when the text has any Hangul syllable (a Korean question or summary)."""
    return HANGUL.search(text) is not None


@cache
def _english():
    from spellchecker import SpellChecker  # a 7 MB word list: loaded at the first need

    return SpellChecker()


# an ending that makes a name a modifier: "GPT-4o-based", "GRPO-style", "Mamba-like" (a
# figure is asked of the name, a topic is the name's)
MODIFIER_ENDING = re.compile(
    r"-(based|style|like|driven|powered|guided|only|free|aware|centric|oriented|inspired|"
    r"specific|sized|level|scale|class|type|series|family)$",
    re.I,
)


def fuller_form(name: str) -> re.Pattern | None:
    """A pattern of the forms of a hyphenated model name of three parts or more written in
    full, more parts between its own ("Qwen2.5-VL-Instruct-3B" of "Qwen2.5-VL-3B"): the
    same checkpoint, named longer (lower-cased text). None for a shorter name ("Llama-3" is
    not "Llama-Guard-3")."""
    parts = name.lower().split("-")
    if len(parts) < 3 or not all(parts):
        return None
    between = r"(?:[-\s][\w.]+)*?[-\s]"
    return re.compile(r"(?<![\w.-])" + between.join(map(re.escape, parts)) + r"(?![\w-])")


def english_word(word: str) -> bool:
    """Whether `word` is in an English dictionary (pyspellchecker's word list): "horse"
    and "papers" are, "aime" and "acurracy" are not."""
    return word.lower() in _english()


# -- what may reach a terminal, the Python API's Markdown or the page ---------------------

# ANSI/VT escapes (CSI "ESC [ ... final", OSC "ESC ] ... BEL|ST" such as OSC-8 hyperlinks,
# two-byte ESC sequences), C0/C1 control characters except tab and newline, and the
# invisible bidi overrides that reorder what a terminal shows. Each alternative has one
# way to match, so the scan is linear in the text.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST (or cut off)
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI parameters, intermediates, final byte
    r"|\x1b[@-_]?"  # other two-byte escapes (and a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # CSI as one 8-bit C1 character
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?"  # OSC as one 8-bit C1 character
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()<>!#|~])")


def printable(text: str) -> str:
    """`text` without control characters or terminal escapes (tab and newline kept).

    Every string from a digest passes through this before it reaches a terminal, the
    Markdown of `Answer.markdown()` or the chat page.
    """
    return _ESCAPES.sub("", text.replace("\r\n", "\n")) if text else ""


def md_literal(text: str) -> str:
    """Printable `text` escaped so Markdown shows it literally: no links, HTML or emphasis."""
    return _MD_SPECIAL.sub(r"\\\1", printable(text))


def https_url(url: str) -> str | None:
    """`url` when it is a plain https:// link (what the store holds), else None."""
    url = (url or "").strip()
    if not url.lower().startswith("https://") or any(c in url for c in " <>()[]\"'`\\"):
        return None
    return url if printable(url) == url else None


# -- questions ------------------------------------------------------------------------------

MAX_QUESTION_CHARS = 2000  # about 300 words; longer input is refused, never worked on


def check_question(question: str) -> str:
    """The question, stripped of control characters, a plural written "one(s)" read as
    "ones"; a `DigestError` when it cannot be read.

    Refused: text that is not valid Unicode (invalid UTF-8 bytes on a command line arrive
    as lone surrogates) and questions longer than `MAX_QUESTION_CHARS` characters.
    """
    if not isinstance(question, str):
        raise DigestError("the question must be text")
    if _SURROGATE.search(question):
        raise DigestError("the question is not valid UTF-8 text; check its encoding")
    question = printable(question).strip()
    question = _EITHER_PLURAL.sub("s", question)  # "the medical one(s)": "ones"
    if len(question) > MAX_QUESTION_CHARS:
        raise DigestError(
            f"the question is {len(question):,} characters long; the limit is "
            f"{MAX_QUESTION_CHARS:,}. Ask a shorter question."
        )
    return question


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_EITHER_PLURAL = re.compile(r"(?<=[A-Za-z])\(s\)(?![A-Za-z])")  # "paper(s)": read as plural


# an acronym as a title may be quoted with it: two to six capitals, a plural's "s" after
TITLE_ACRONYM = re.compile(r"(?<![\w-])(?P<letters>[A-Z]{2,6})s?(?![\w-])")


def spelled_out(phrase: str, title: str) -> str:
    """`phrase` with each acronym in it written as the run of `title`'s words it stands
    for, by their initials ("'LLMs as Markov chains'" of "Large Language Models as Markov
    Chains"); an acronym no run of the title's words spells stays as it is."""

    def spell(m: re.Match) -> str:
        letters = m["letters"].lower()
        for i in range(len(title_words) - len(letters) + 1):
            run = title_words[i : i + len(letters)]
            if "".join(w[0] for w in run).lower() == letters:
                return " ".join(run)
        return m.group(0)

    title_words = re.findall(r"[^\W_]+", title)
    return TITLE_ACRONYM.sub(spell, phrase)


def long_form(short: str, text: str) -> str | None:
    """The words of `text` (ending where a bracket opens) that the acronym `short` stands
    for, by Schwartz and Hearst's algorithm ("A Simple Algorithm for Identifying
    Abbreviation Definitions in Biomedical Text", 2003): each of its letters, right to left,
    found in order in the text, the first one opening a word; None when they are not."""
    s, i = len(short) - 1, len(text) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (text[i].lower() != c or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i, s = i - 1, s - 1
    return text[text.rfind(" ", 0, i + 1) + 1 :]
