"""The records every layer shares: `Mention`, `Paper` and `Filters`.

One `Mention` per paper per digest, merged into one `Paper` per arXiv id
(`assistant.ingest.merge`). A `Paper` is derived entirely from its mentions, so merging is
just collecting mentions;
titles, dates, languages and links are computed from them. The store keeps the mentions
as JSON so a later ingest of another digest can merge into what is already stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import PurePath

ARXIV_ABS = "https://arxiv.org/abs/"
KO_SECTIONS = ("What's New", "Technical Details", "Performance Highlights")


# a repository link written in a summary; a Korean particle may follow it ("...Speechpp에서"),
# and its scheme may be left out ("'github.com/ShishirPatil/gorilla'에서")
_GITHUB_URL = re.compile(
    r"(?<![\w./-])(?:https?://)?(?:www\.)?github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"
)
# any other web page a summary writes (a project or demo page): up to a space, a bracket
# or a Korean particle ("https://bytedancespeech.github.io/seedtts_tech_report에서")
_WEB_URL = re.compile(r"https?://[A-Za-z0-9_.~%/#?=&+-]+[A-Za-z0-9_/~#=&+-]")
_NOT_A_PAGE = re.compile(r"https?://(?:www\.)?(?:github\.com|arxiv\.org|huggingface\.co/papers)/")
_REPORT = re.compile(r"\s+(Technical\s+)?Report\s*$", re.I)
# a name before a title's comma: a letter, then a capital or a digit among its next
# characters ("QFFT", "HuatuoGPT-o1", "CoD"; not "Simplifying" or "Snap-it")
_COMMA_NAME = re.compile(r"[A-Za-z][\w.+-]*?[A-Z0-9][\w.+-]*")
# a coined one-word name: letters and digits, a capital after its first letter and a
# lower-case letter somewhere ("LoRAM", "ThinkPO", "AdaCache", "UniRepLKNet"), a Korean
# particle glued on or not ("DenseAV는"), with the version written after it, if any
# ("InternVL 2.5": not the InternVL paper's name; a lettered one, "BitNet b1.58", is
# more often a baseline a summary names twice)
_COINED = re.compile(
    r"(?<![\w.-])(?=\w*[a-z])[A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![A-Za-z0-9_-])"
    r"(?:\s\d+(?:\.\d+)*(?![A-Za-z0-9_.-]))?"
)
# a title opening with a coined name and its version, with no colon to set it apart
# ("EXAONE 3.0 7.8B Instruction Tuned Language Model": EXAONE 3.0)
_VERSIONED_HEAD = re.compile(
    r"([A-Za-z][\w.+-]*?[A-Z0-9][\w.+-]*)(?:\s[A-Z][\w.+-]*)?\s[vV]?\d+(?:\.\d+)*(?=\s|$)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_A_LETTER = re.compile(r"[^\W\d_]")  # an author's name has one ("+" stands for those left out)
# what follows a name a summary introduces as its subject: a copula, a topic particle
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]{2,}(?![A-Za-z0-9_-])")  # "SWIFT", "VITA" (not "LLMs")
_INTRODUCED = re.compile(r"(?:은|는|이|가)(?![가-힣])|\s+(?:is|are|was)\b|,\s+an?\b")
_BRACKETED_NAME = re.compile(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()\s]+)\)")
_LINKING = frozenset({"a", "an", "the", "of", "for", "and", "with", "in", "on", "to", "via", "by"})
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,7})\)")  # "3D 확산 정책(DP3)"
ALIAS_SENTENCES = 2  # a summary introduces its paper's name in its first sentences
ALIAS_LETTERS = 5  # an acronym a title is named by, at most (its words spelled out, an alias)
ALIAS_WRITTEN = 3  # ... or writes it this often in all (a baseline is named once or twice)
PLURAL_CAPITALS = re.compile(r"[A-Z]s$")  # "NPUs", "LLMs": capitals made plural, no name
# what introduces a name: "X라는", "X(이)라고 하는", "called X", "introduces X", "X, a ..."
_CALLED = r"(?:라는|이라는|(?:이)?라고\s*(?:하는|불리는|부르는))"
_INTRODUCING = r"(?:introduc\w*|propos\w*|present\w*|called|named|dubbed|termed)"


def _written_whole(word: str, text: str) -> bool:
    """Whether `text` writes `word` as a name of its own ("VectorQ" in "... with VectorQ"),
    not the first word of a longer one ("HumanEval Pro and MBPP Pro: ...")."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?!\s+[A-Z])", text) is not None


def _introduces(name: str, text: str) -> bool:
    """Whether `text` introduces `name` as what it presents: "MLMove라는 ... 모델", "we
    propose MLMove", "called MLMove", "MLMove, a transformer ..."."""
    n = re.escape(name)
    return bool(
        re.search(rf"(?<![\w-]){n}\s*{_CALLED}", text)
        or re.search(
            rf"\b{_INTRODUCING}\s+(?:(?:the|a|an|our|new|novel)\s+)*{n}(?![\w-])", text, re.I
        )
        or re.search(rf"(?<![\w-]){n},\s+an?\s", text)
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """One paper as it appears in one digest file."""

    arxiv_id: str  # normalised, no version suffix: "2502.18137"
    title: str  # cleaned: no markdown, no "(Read more on ...)" tail
    date: str  # digest date, "YYYY-MM-DD"
    language: str  # "en" or "ko"
    source: str  # digest file path as ingested
    line: int  # 1-based line where the paper starts in that file
    summary: str = ""  # the full summary text in this digest's language
    sections: dict[str, str] = field(default_factory=dict)  # ko: labelled sections
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # classification labels
    github: tuple[str, ...] = ()
    huggingface: tuple[str, ...] = ()
    votes: int | None = None

    def key(self) -> tuple[str, str, str]:
        """One digest entry: the same file name, date and language is the same digest, so a
        file ingested again from another folder or path spelling replaces its mention."""
        return (PurePath(self.source).name, self.date, self.language)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Mention:
        data = dict(data)
        for name in ("authors", "tags", "github", "huggingface"):
            data[name] = tuple(data.get(name) or ())
        data["sections"] = dict(data.get("sections") or {})
        return cls(**data)


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(i for i in items if i))


def slug(text: str) -> str:
    """Lower-case key for a tag: 'Visual Question Answering' -> 'visual_question_answering'."""
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


def date_int(date: str) -> int:
    """'2025-02-26' -> 20250226 (Chroma range filters need numbers)."""
    return int(date.replace("-", ""))


@dataclass
class Paper:
    """Everything known about one arXiv id, from all the digests that mention it."""

    arxiv_id: str
    mentions: list[Mention]

    @property
    def url(self) -> str:
        return ARXIV_ABS + self.arxiv_id

    def _ordered(self) -> list[Mention]:
        # English first (cleaner titles), then by date and file for a stable choice.
        return sorted(self.mentions, key=lambda m: (m.language != "en", m.date, m.source))

    @cached_property
    def title(self) -> str:
        return next((m.title for m in self._ordered() if m.title), self.arxiv_id)

    @cached_property
    def authors(self) -> tuple[str, ...]:
        # Korean digests list full author names; English ones often list HF user names.
        best = max(self.mentions, key=lambda m: (len(m.authors), m.language == "ko"))
        # a digest may list a name twice, and writes "+" where it leaves names out
        return _unique(a for a in best.authors if _A_LETTER.search(a))

    @property
    def dates(self) -> list[str]:
        return sorted({m.date for m in self.mentions})

    @property
    def languages(self) -> list[str]:
        return sorted({m.language for m in self.mentions})

    @property
    def sources(self) -> list[str]:
        return sorted({m.source for m in self.mentions})

    @property
    def tags(self) -> tuple[str, ...]:
        return _unique(t for m in self._ordered() for t in m.tags)

    @property
    def github(self) -> tuple[str, ...]:
        """The GitHub links a digest gives the paper, then those its summaries write ("소스
        코드는 https://github.com/sh-lee-prml/HierSpeechpp에서 확인 가능합니다")."""
        listed = [u for m in self._ordered() for u in m.github]
        written = [
            u.rstrip(".") if "://" in u else "https://" + u.rstrip(".")
            for m in self._ordered()
            for u in _GITHUB_URL.findall(m.summary or "")
        ]
        return _unique([*listed, *written])

    @property
    def pages(self) -> tuple[str, ...]:
        """Other web pages its summaries write: a project or demo page ("데모는
        https://bytedancespeech.github.io/seedtts_tech_report에서 들을 수 있습니다"), not
        its repository, arXiv or Hugging Face paper pages."""
        written = (u for m in self._ordered() for u in _WEB_URL.findall(m.summary or ""))
        return _unique(u for u in written if not _NOT_A_PAGE.match(u))

    @property
    def huggingface(self) -> tuple[str, ...]:
        return _unique(u for m in self._ordered() for u in m.huggingface)

    @property
    def votes(self) -> int | None:
        votes = [m.votes for m in self.mentions if m.votes is not None]
        return max(votes) if votes else None

    def summary(self, language: str | None = None) -> str:
        """The summary in `language`, or the first available (English preferred)."""
        for m in self._ordered():
            if (language is None or m.language == language) and m.summary:
                return m.summary
        return ""

    @property
    def name(self) -> str | None:
        """The name people type: 'SpargeAttn' for 'SpargeAttn: Accurate Sparse Attention ...',
        'Qwen2.5-Omni' for 'Qwen2.5-Omni Technical Report', 'SageAttention2' for
        'SageAttention2 Technical Report: Accurate 4 Bit Attention ...'.

        The part of the title before its colon, or before a closing "(Technical) Report",
        when that part is a name (at most three words, at most 40 characters, three
        characters or more); None for a title without one. A shorter head ("s1: Simple
        test-time scaling", "J1: ...", "Yi: ...") is a name when the paper's own summary
        writes it as a word, as the title does: a name, not an ordinary word ("Go", "It").
        """
        head, sep, _ = self.title.partition(":")
        if sep:  # "SageAttention2 Technical Report: Accurate 4 Bit Attention ..."
            head = _REPORT.sub("", head)
        elif coined := self._comma_name():
            return coined
        elif not _REPORT.search(self.title) and (m := _VERSIONED_HEAD.match(self.title)):
            return m.group(0)
        else:
            head, sep = _REPORT.sub("", self.title), _REPORT.search(self.title)
        head = head.strip()
        if not sep or len(head.split()) > 3 or len(head) > 40:
            return None
        if len(head.replace(" ", "")) >= 3:
            return head
        if len(re.sub(r"[^0-9A-Za-z\uac00-\ud7a3]", "", head)) < 2:
            return None  # "S*": one letter is no name
        return head if self._written_as_word(head) else None

    def _written_as_word(self, word: str) -> bool:
        """Whether a summary writes `word` as a word of its own, as a title does a name."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        return any(pattern.search(text) for text in self.summaries().values())

    def _comma_name(self) -> str | None:
        """A coined name before a title's comma ("QFFT, Question-Free Fine-Tuning for
        Adaptive Reasoning", "HuatuoGPT-o1, Towards Medical Complex Reasoning with LLMs"):
        one word with a capital or a digit after its first letter, which the summaries
        write as a word; not an ordinary word ("Simplifying, Stabilizing and Scaling ...",
        "Wait, We Don't Need to ...")."""
        head, sep, _ = self.title.partition(",")
        head = head.strip()
        if not sep or " " in head or not _COMMA_NAME.fullmatch(head):
            return None
        return head if self._written_as_word(head) else None

    @property
    def aliases(self) -> tuple[str, ...]:
        """Coined names the summaries introduce that the title does not write: "LoRAM" of
        "Train Small, Infer Large: Memory-Efficient LoRA Training for Large Language
        Models", "ThinkPO" of "Thinking Preference Optimization". Each is written in the
        first sentences of a summary and at least twice in all of them (its subject, not a
        baseline named once), or introduced anywhere and written three times ("MLMove");
        so are the acronyms `_title_acronyms` and `spelled_out` find. Whether a question
        means this paper by it is decided at lookup, where it is known how many papers
        write the word."""
        texts = [t for t in self.summaries().values() if t]
        opening = " ".join(" ".join(_SENTENCE_END.split(t)[:ALIAS_SENTENCES]) for t in texts)
        written = Counter(w for t in texts for w in _COINED.findall(t))  # how often each
        # the word a summary opens with, as what it is about ("LlamaGen은 ... 새로운 이미지
        # 생성 모델입니다", "QFFT is a ..."), however often it is written again ("OpenAI
        # describes GPT-4o" opens with who made it)
        leads = {
            m.group(0)
            for t in texts
            if (m := _COINED.match(t.strip())) and _INTRODUCED.match(t.strip()[m.end() :])
        }
        title = self.title.lower()
        # or a name the summaries keep writing and introduce, wherever they do (a Korean
        # digest's "Technical Details": "MLMove라는 ... 모델을 소개한다. MLMove는 ..."), not
        # a benchmark or a baseline they keep writing ("ScanRefer", "QuaRot"); a plural of
        # capitals ("NPUs") is no name
        every = " ".join(texts)
        kept = [
            w
            for w, n in written.items()
            if n >= ALIAS_WRITTEN and not PLURAL_CAPITALS.search(w) and _introduces(w, every)
        ]
        # a name in capitals an English summary opens with as its subject, written again
        # ("SWIFT is a system for ..."; an acronym of a topic is written by many papers, and
        # the lookup leaves such a word to them)
        for t in texts:
            if (m := _CAPITALS.match(t.strip())) and _INTRODUCED.match(t.strip()[m.end() :]):
                word = m.group(0)
                written[word] = len(re.findall(rf"(?<![\w-]){word}(?![\w-])", every))
                kept.append(word)  # (written twice, as any name of the opening)
        # (a name the title writes is its name, but for a title without one: "VectorQ" of
        # "Adaptive Semantic Prompt Caching with VectorQ", which the summaries introduce)
        return (
            self._name_parts()
            + tuple(
                w
                for w in dict.fromkeys([*_COINED.findall(opening), *kept])
                if (written[w] >= 2 or w in leads)
                and not PLURAL_CAPITALS.search(w)  # ("ViTs" of VMamba's background)
                and (
                    w.lower() not in title
                    or (self.name is None and w in kept and _written_whole(w, self.title))
                )
            )
            + self._title_acronyms(texts)
            + self.spelled_out
            + self._siblings(opening)
        )

    def _siblings(self, opening: str) -> tuple[str, ...]:
        """Models the opening sentences introduce beside the title's name, named as it is
        but for the word after its last hyphen ("Phi-4-Multimodal" of "Phi-4-Mini and
        Phi-4-Multimodal are ..."): the paper's too. A size ("-7B") is no other name, and a
        name of two parts has no family stem of its own ("LLaMA-Omni2": LLaMA-Omni is its
        predecessor; "Vision-R1": no "Vision-Language")."""
        if not self.name or " " in self.name or self.name.count("-") < 2:
            return ()
        stem = self.name.rsplit("-", 1)[0]
        found = re.findall(rf"(?<![\w.-]){re.escape(stem)}-[A-Z][a-z]+(?![\w-])", opening)
        return tuple(w for w in dict.fromkeys(found) if w != self.name)

    @property
    def spelled_out(self) -> tuple[str, ...]:
        """The words after the colon of a title named by their acronym, as people type the
        name spelled out: "Decoupled Diffusion Transformer" of "DDT: Decoupled Diffusion
        Transformer" (each word's initial, in order, a letter of the name)."""
        name, _, rest = self.title.partition(":")
        name, rest = name.strip(), rest.strip()
        if not (name.isupper() and name.isalpha() and 2 <= len(name) <= ALIAS_LETTERS):
            return ()
        words = [w for w in re.findall(r"[A-Za-z0-9]+", rest) if w.lower() not in _LINKING]
        return (rest,) if "".join(w[0] for w in words).upper() == name else ()

    def _title_acronyms(self, texts: list[str]) -> tuple[str, ...]:
        """An acronym of the title a summary defines in brackets and writes again, its letters
        the initials of the title's words: "DP3" of "3D Diffusion Policy" ("3D 확산
        정책(DP3)을 제시합니다. DP3의 핵심 ..."); not an acronym of something else it names."""
        head = self.title.partition(":")[0]
        words = [w for w in re.findall(r"[A-Za-z0-9]+", head) if w.lower() not in _LINKING]
        initials = sorted(w[0].lower() for w in words)
        defined = {m.group(1) for t in texts for m in _DEFINED_ACRONYM.finditer(t)}
        every = " ".join(texts)
        return tuple(
            a
            for a in sorted(defined)
            if sorted(a.lower()) == initials  # each word's initial, in any order
            and a.lower() not in head.lower()
            and len(re.findall(rf"(?<![A-Za-z0-9-]){re.escape(a)}(?![A-Za-z0-9-])", every)) >= 2
        )

    def _name_parts(self) -> tuple[str, ...]:
        """Each part of a name that gives a second one in brackets, as people type either:
        "xGen-MM" and "BLIP-3" of "xGen-MM (BLIP-3)", "Stream of Search" and "SoS" of
        "Stream of Search (SoS)"; not a bracketed phrase ("Learning to (Learn at Test
        Time)") or a bare number ("ZeroQuant(4+2)"). A title's head too long to be a name
        gives them too: "MMIR" of "Multimodal Inconsistency Reasoning (MMIR): ..."."""
        m = _BRACKETED_NAME.fullmatch(self.name or self.head or "")
        if m is None or not re.search(r"[A-Za-z]", m["inner"]) or len(m["outer"]) < 3:
            return self._joined_names()
        return (m["outer"].strip(), m["inner"])

    def _joined_names(self) -> tuple[str, ...]:
        """Each of two names a title's name joins ("GMAI-VL" and "GMAI-VL-5.5M" of "GMAI-VL &
        GMAI-VL-5.5M", "Molmo" and "PixMo" of "Molmo and PixMo"): one word each, which the
        summaries write as the title does and never in lower case, one of them coined (a
        capital or a digit after its first letter): "Divide and Conquer", "Compose and
        Conquer" join words."""
        parts = re.split(r"\s+(?:&|and)\s+", self.name or "")
        if len(parts) != 2 or any(" " in p or len(p) < 3 or not self._a_name(p) for p in parts):
            return ()
        return tuple(parts) if any(re.search(r"(?<=.)[A-Z0-9]", p) for p in parts) else ()

    def _a_name(self, word: str) -> bool:
        """Whether the summaries write `word` as a word, as written, and never in lower case."""
        lower = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
        written = self._written_as_word(word)
        return written and not any(lower.search(t) for t in self.summaries().values())

    @property
    def head(self) -> str | None:
        """The part of a title before its colon when it is too long to be a name: how people
        quote a title too long to type whole ("LLM in a flash" of "LLM in a flash: Efficient
        Large Language Model Inference with Limited Memory"). None for a title without a
        colon, with a name (`name` is the short head), or with a head too short to be one."""
        head, sep, _ = self.title.partition(":")
        head = head.strip()
        if not sep or self.name is not None or (len(head.split()) <= 3 and len(head) <= 40):
            return None  # no colon, a name, or a head too short to be one ("Go: ...")
        return head

    @property
    def label(self) -> str:
        """How an answer names the paper: its name, else its whole title."""
        return self.name or self.title

    @property
    def short_names(self) -> list[str]:
        """Its label, name and aliases, as written, each once: how a question names it
        short (the label is its title when it has no name)."""
        return [w for w in dict.fromkeys((self.label, self.name, *self.aliases)) if w]

    def summary_texts(self) -> list[tuple[str, str]]:
        """(language, summary) of every distinct summary, the one `summaries` gives first: two
        digests of one language may summarise a paper differently (a figure in one only)."""
        out: list[tuple[str, str]] = []
        for m in self._ordered():
            if m.summary and (m.language, m.summary) not in out:
                out.append((m.language, m.summary))
        return out

    def summaries(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self._ordered():
            if m.summary and m.language not in out:
                out[m.language] = m.summary
        return out

    # -- what gets embedded, indexed and hashed ---------------------------------------

    def embed_text(self) -> str:
        """Text for the dense vector: title plus the best summary (English preferred)."""
        return f"{self.title}\n{self.summary()}".strip()

    def lexical_text(self) -> str:
        """Text for the lexical index: everything a user might type to find this paper."""
        authors = _unique(a for m in self.mentions for a in m.authors)  # every spelling
        parts = [self.arxiv_id, self.title, " ".join(authors), " ".join(self.tags)]
        parts += [u.split("://", 1)[-1] for u in (*self.github, *self.huggingface)]
        parts += list(self.summaries().values())
        return "\n".join(p for p in parts if p)

    def record_json(self) -> str:
        mentions = sorted(self.mentions, key=Mention.key)
        return json.dumps([m.to_json() for m in mentions], ensure_ascii=False, sort_keys=True)

    def record_hash(self) -> str:
        return hashlib.sha256(self.record_json().encode()).hexdigest()[:16]

    def embed_hash(self, embedder_id: str) -> str:
        text = f"{embedder_id}\n{self.embed_text()}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def metadata(self, embedder_id: str) -> dict[str, str | int | float | bool]:
        """Flat, scalar metadata for Chroma (filterable: dates as ints, tags as flags)."""
        dates = self.dates
        meta: dict[str, str | int | float | bool] = {
            "arxiv_id": self.arxiv_id,
            "title": self.title,
            "url": self.url,
            "date_first": date_int(dates[0]),
            "date_last": date_int(dates[-1]),
            "dates": ",".join(dates),
            "languages": ",".join(self.languages),
            "lang_en": "en" in self.languages,
            "lang_ko": "ko" in self.languages,
            "has_code": bool(self.github),
            "tags": "|".join(self.tags),
            "votes": self.votes if self.votes is not None else -1,
            "record": self.record_json(),
            "record_hash": self.record_hash(),
            "embed_hash": self.embed_hash(embedder_id),
        }
        for tag in self.tags:
            meta[f"tag_{slug(tag)}"] = True
        return meta

    @classmethod
    def from_record(cls, arxiv_id: str, record: str) -> Paper:
        return cls(arxiv_id, [Mention.from_json(d) for d in json.loads(record)])


@dataclass(frozen=True)
class Filters:
    since: str | None = None  # "YYYY-MM-DD", inclusive
    until: str | None = None
    topic: str | None = None  # a classification tag
    has_code: bool | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.since, self.until, self.topic, self.has_code))

    def to_json(self) -> dict:
        """The filters that are set, by name."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def describe(self) -> str:
        parts = []
        if self.since or self.until:
            parts.append(f"dates {self.since or '…'} to {self.until or '…'}")
        if self.topic:
            parts.append(f"topic {self.topic}")
        if self.has_code:
            parts.append("with code")
        return ", ".join(parts) or "none"
