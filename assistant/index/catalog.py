"""The catalog: every stored paper, read on demand from the derived index.

It answers the questions that need no vectors: which papers exist, on which dates, with
which tags; lookups by arXiv id, exact title, short name, author or repository; and it is
what the citation check reads. Citations are only ever rendered from catalog entries.

Nothing is rebuilt at start: the arXiv ids are read in catalog order (the position of
each paper in the derived index), a paper's record is read when it is first asked for,
and every lookup is an indexed query on tables written at ingest time
(`assistant.index.derived`), so its cost follows the question, not the archive.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator, Mapping
from itertools import pairwise

from assistant.config import Settings
from assistant.index.derived import NAME_WORDS, DerivedIndex, norm_words
from assistant.text import QUOTED, english_word
from assistant.types import Paper, slug

CACHE = 4096  # papers kept parsed in memory
ALIAS_PAPERS = 3  # an alias names its paper only if this few papers write the word at all
ALIAS_WORDS = 5  # words of a normalised alias, at most ("internvl 2 5"; a name spelled out)
TITLE_ARTICLE_WORDS = 4  # words of a title after its article, at least, read whatever
# article opens it ("the Empirical Study of Qwen3 Quantization": "An Empirical Study ...")
ARTICLES = ("a", "an", "the")
RARE_PART = 10  # papers writing a word, at most, for it to be a coined part of a name typed apart
PHRASE_PAPERS = 3  # papers whose summaries write an article name in any case: a phrase
JOINED_LETTERS = 8  # letters of a lower-case word read as a two-word name joined, at least
# a site's owner more papers write as a word than this many times the papers it hosts is a word
OWNER_WORD = 4


def _written_as(exact: str, text: str, flags: int = 0) -> bool:
    """Whether `text` writes the name `exact` as a word of its own (a Korean particle may
    follow: "LIMO는")."""
    return re.search(rf"(?<![\w-]){re.escape(exact)}(?![A-Za-z0-9_-])", text, flags) is not None


def norm_title(text: str) -> str:
    """Lower-case words, split where the script changes ('SpargeAttn은' -> 'spargeattn 은')."""
    return norm_words(text)


# capitalised words in a row ("Observational Scaling Laws"), a hyphenated one as one word
_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+")
_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w-])")  # "Thoughtology"
_CAMEL_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][A-Za-z]*(?![\w-])")  # "DeepSpeak"
# a released model's size and tuning written inside a name ("-14B", "-A22B", "-Instruct")
_MODEL_VARIANT = re.compile(r"(?<=[\w.])-(?:A?\d+(?:\.\d+)?[Bb]|Instruct|Chat|Base)(?=[-\s]|$)")
# a model size and the variant words after it: "MiMo-7B-RL" is a MiMo model
_MODEL_TAIL = re.compile(r"(?<=[\w.])-A?\d+(?:\.\d+)?[Bb](?:-[A-Za-z][\w.]*)+(?=[\s,?!)]|$)")


# a name typed in lower case with its version glued on ("llmlingua2": LLMLingua-2)
GLUED_VERSION = re.compile(r"(?<![\w.-])([a-z]{3,})(\d{1,2})(?![\w.-])")
# a version a name is written apart from ("SageAttention 2"), of a name of no digit
_APART = re.compile(r"(?<![\w.-])([A-Za-z][A-Za-z-]{2,}[A-Za-z]) (\d{1,2}(?:\.\d)?)(?![\w.])")
# where a name written as one word joins two ("LayerSkip": "Layer Skip")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# a word with a capital after a small letter, a coined name ("OpenING", "SpargeAttn")
# (of four letters or more: "PhD", "IoU", "MoE" are abbreviations)
_COINED_WORD = re.compile(r"(?<![\w-])(?=\w{4})[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*(?![\w-])")


def _phrases(text: str, most_words: int) -> set[str]:
    """Every run of up to `most_words` consecutive words of `norm_title(text)`.

    `phrase in _phrases(text, n)` is `f" {phrase} " in f" {norm_title(text)} "` for any
    normalised phrase of at most n words, at a cost set by the question, not the catalog.
    """
    words = norm_title(text).split()
    if not words:
        return {""}  # as " " + "" + " " is found in an empty question
    return {
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + most_words, len(words)) + 1)
    }


def _most_words(phrases) -> int:
    return max((p.count(" ") + 1 for p in phrases), default=0)


class Papers(Mapping):
    """arXiv id -> Paper, read from the derived index on first use (a bounded cache)."""

    def __init__(self, catalog: Catalog):
        self._catalog = catalog
        self._cache: OrderedDict[str, Paper] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, arxiv_id: str) -> Paper:
        with self._lock:
            paper = self._cache.get(arxiv_id)
            if paper is not None:
                self._cache.move_to_end(arxiv_id)
                return paper
        if arxiv_id not in self._catalog.position:
            raise KeyError(arxiv_id)
        record = self._catalog.derived.records([arxiv_id]).get(arxiv_id)
        if record is None:
            raise KeyError(arxiv_id)
        return self._keep(Paper.from_record(arxiv_id, record))

    def _keep(self, paper: Paper) -> Paper:
        with self._lock:
            self._cache[paper.arxiv_id] = paper
            while len(self._cache) > CACHE:
                self._cache.popitem(last=False)
        return paper

    def many(self, ids: list[str]) -> list[Paper]:
        """Several papers with one query for those not cached."""
        missing = [pid for pid in ids if pid not in self._cache]
        if missing and self._catalog.derived is not None:
            for pid, record in self._catalog.derived.records(missing).items():
                self._keep(Paper.from_record(pid, record))
        return [self[pid] for pid in ids]

    def __contains__(self, arxiv_id) -> bool:
        return arxiv_id in self._catalog.position

    def __iter__(self) -> Iterator[str]:
        return iter(self._catalog.ids)

    def __len__(self) -> int:
        return len(self._catalog.ids)

    def items(self) -> Iterator[tuple[str, Paper]]:  # type: ignore[override]
        """Every paper, read in pages (a full scan: for reports, never per question)."""
        if self._catalog.derived is None:
            return iter(())
        return (
            (pid, Paper.from_record(pid, record))
            for pid, record in self._catalog.derived.iter_records()
        )

    def values(self) -> Iterator[Paper]:  # type: ignore[override]
        return (paper for _, paper in self.items())


def _free_at(normed: str, name: str, longer: set[str]) -> int:
    """Where `normed` (a normalised question, padded with spaces) first writes `name` other
    than as part of a longer name of `longer` ("deepseek prover" apart from "deepseek
    prover v1 5"); -1 when it writes it only inside them."""
    covered = []
    for o in longer:
        if o != name and f" {name} " in f" {o} ":
            at = normed.find(f" {o} ")
            while at >= 0:
                covered.append((at, at + len(o) + 2))
                at = normed.find(f" {o} ", at + 1)
    at = normed.find(f" {name} ")
    while at >= 0:
        if not any(a <= at and at + len(name) + 2 <= b for a, b in covered):
            return at
        at = normed.find(f" {name} ", at + 1)
    if " " in name and (joined := normed.find(f" {name.replace(' ', '')} ")) >= 0:
        return joined  # (typed as one word: "layerskip")
    split = (normed.find(f" {name[:i]} {name[i:]} ") for i in range(1, len(name)))
    return next((at for at in split if at >= 0), -1)  # (as two: "hunyuan prover")


# a version after a name ("2.5", "v3"), not a size, a precision or a count glued on or
# after it ("2.5B", "8비트", "8-bit", "3x", "4 bits")
_VERSION_AFTER = re.compile(
    r"[\s-]*v?(?P<number>\d+(?:\.\d+)*)(?![\d.]|-?[A-Za-z가-힣%]|\s*(?:bits?|[bmk]|x|%|times)\b)",
    re.I,
)


_FIRST_ASKED = re.compile(r"(?<![\w.-])[vV]1(?:\.0)?(?![\w.])")  # "V1" written apart


def _another_version(text: str, name: str) -> bool:
    """Whether `text` (a question) writes a name without a version (`name`, normalised) only
    with a version after it that the name does not have: "Gemini 2.5 Pro" is another Gemini
    than the paper named "Gemini", "Mamba 2" another than "Mamba" (its first version,
    "Gemini 1.0", is that paper; a size or a precision, "SHAKTI 2.5B", "GaLore 8비트", is
    none)."""
    if any(c.isdigit() for c in name) or _FIRST_ASKED.search(text):
        return False  # ("Depth Anything V2 ... how does it differ from V1?": V1 is asked)
    written = r"[\s-]+".join(re.escape(w) for w in name.split())
    # (a Korean particle may be glued on: "Depth Anything랑 Depth Anything V2")
    found = list(re.finditer(rf"(?<![\w-]){written}(?![A-Za-z0-9_-])", text, re.I))
    return bool(found) and all(
        (m := _VERSION_AFTER.match(text, at.end())) is not None and m["number"] not in ("1", "1.0")
        for at in found
    )


class Catalog:
    def __init__(self, derived: DerivedIndex | None, store_label: str = ""):
        self.derived = derived
        self.store_label = store_label
        # the collection state these ids were read at (read first: a later write shows)
        self.state = derived.state if derived is not None else None
        self.ids: list[str] = derived.ids() if derived is not None else []
        self.papers = Papers(self)
        self._phrases: dict[str, int] = {}  # an article name -> papers writing it

    @classmethod
    def load(cls, settings: Settings, store=None, progress=None) -> Catalog:
        """The catalog of the configured store (its derived index repaired first if stale)."""
        from assistant.index.store import open_derived

        return cls(
            open_derived(settings, store=store, progress=progress), settings.describe_store()
        )

    @property
    def position(self) -> dict[str, int]:
        cache = self.__dict__.get("_position")
        if cache is None:
            cache = self.__dict__["_position"] = {pid: i for i, pid in enumerate(self.ids)}
        return cache

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, arxiv_id: str) -> bool:
        return arxiv_id in self.position

    def get(self, arxiv_id: str) -> Paper | None:
        try:
            return self.papers[arxiv_id]
        except KeyError:
            return None

    # -- lookups --------------------------------------------------------------------

    def by_title(self, text: str) -> str | None:
        """The arXiv id whose title appears in `text` (longest match wins), if any."""
        if self.derived is None:
            return None
        phrases = _phrases(text, self.derived.most_words("title"))
        # a title of several words quoted with another article ("the Empirical Study of
        # Qwen3 Quantization" of "An Empirical Study of ..."), or none
        phrases |= {
            f"{article} {rest}".strip()
            for p in phrases
            if (head := p.split(" ", 1))[0] in ARTICLES
            for rest in head[1:]
            if len(rest.split()) >= TITLE_ARTICLE_WORDS
            for article in (*ARTICLES, "")
        }
        found = self.derived.titles_among(phrases)
        if not found:
            return None
        last: dict[str, int] = {}
        first: dict[str, int] = {}
        for norm, pos in found:
            last[norm] = max(pos, last.get(norm, -1))
            first[norm] = min(pos, first.get(norm, pos))
        # the longest; among equally long ones, the first in catalog order
        best = min(last, key=lambda t: (-len(t), first[t]))
        return self.ids[last[best]]

    def by_title_start(self, text: str, words: int = 3) -> list[tuple[str, str]]:
        """Papers whose title begins with a run of `words` or more capitalised words of
        `text`, written as the title writes them ("Observational Scaling Laws" of
        "Observational Scaling Laws and the Predictability of ..."), when one title alone
        begins so: a title quoted by its first words. (words as written, arXiv id)"""
        runs = (m.group(0) for m in _CAPITALISED_RUN.finditer(text))
        return self._titles_begun([r for r in runs if len(r.split()) >= words])

    def by_quoted_start(self, text: str, words: int = 4) -> list[tuple[str, str]]:
        """(words, arXiv id) of each phrase of `words` or more words that `text` writes in
        quotes, in any case, when one title alone begins with it: "the 'Do NOT think that
        much for 2+3' paper" (its title: "Do NOT Think That Much for 2+3=? On the ...")."""
        if self.derived is None:
            return []
        out = []
        for m in QUOTED.finditer(text):
            phrase = m.group(1).strip()
            if len(phrase.split()) < words:
                continue
            found = {pos for _, pos in self.derived.titles_starting(norm_title(phrase))}
            if len(found) == 1:
                out.append((phrase, self.ids[found.pop()]))
        return out

    def by_coined_start(self, text: str) -> list[tuple[str, str]]:
        """(word, arXiv id) of each coined word of `text` with capitals inside ("DeepSpeak")
        that one title alone begins with ("DeepSpeak Dataset v1.0")."""
        begun = self._titles_begun(list(dict.fromkeys(_CAMEL_WORD.findall(text))))
        return [(word, self._introduced_by(word, pid, text)) for word, pid in begun]

    def writes_title_start(self, text: str, pid: str, words: int = 2) -> bool:
        """Whether `text` writes the first `words` words of the paper's title (normalised)."""
        title = norm_title(self.papers[pid].title).split()
        return len(title) >= words and f" {' '.join(title[:words])} " in f" {norm_title(text)} "

    def _introduced_by(self, word: str, pid: str, text: str) -> str:
        """The paper a coined word a title begins with names: that title's, unless an
        earlier paper's summaries introduce it as their own name ("ModernBERT or
        DeBERTaV3?" begins with the ModernBERT of "Smarter, Better, Faster, Longer: A
        Modern Bidirectional Encoder ...", which came out four months before)."""
        if self.writes_title_start(text, pid):
            return pid  # "ModernBERT or DeBERTaV3": more of that title
        first = min(self.papers[pid].dates, default="")
        holders = {
            self.ids[pos]
            for _, pos, exact in self.derived.aliases_among([norm_title(word)])
            if exact == word and self.ids[pos] != pid
        }
        earlier = [
            q
            for q in holders
            if min(self.papers[q].dates, default=first) < first and self._opens_with(q, word)
        ]
        return earlier[0] if len(earlier) == 1 else pid

    def _opens_with(self, pid: str, word: str) -> bool:
        """Whether one of the paper's summaries writes `word` in its first sentence: what
        it introduces ("ModernBERT는 ... 인코더입니다"), not a word it uses ("SoTA")."""
        for _, text in self.papers[pid].summary_texts():
            first = re.split(r"(?<=[.!?다])\s", text.strip(), maxsplit=1)[0]
            # (a Korean particle may follow it: "ModernBERT는")
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![A-Za-z0-9-])", first):
                return True
        return False

    def _titles_begun(self, starts: list[str]) -> list[tuple[str, str]]:
        """(start, arXiv id) of each of `starts` that one title alone begins with, as written."""
        if self.derived is None:
            return []
        out = []
        for start in starts:
            found = {pos for _, pos in self.derived.titles_starting(norm_title(start))}
            if len(found) == 1 and self.papers[pid := self.ids[found.pop()]].title.startswith(
                start
            ):
                out.append((start, pid))
        return out

    def by_short_name(self, text: str, english: str | None = None) -> list[str]:
        """Papers whose title's name part ('SpargeAttn: ...', 'AAD-LLM: ...') is in `text`,
        in the order the question names them (its subject usually first).

        english: the text with its Korean words in English, when it has any. A name found
        there that goes on from a name found in `text` is the one meant: "Qwen3 임베딩" is
        "Qwen3 Embedding", not the Qwen3 report (a named variant, written half in Korean).
        """
        found = self._gone_on_apart(self._short_names(text), text)
        if not english or not found:
            return found
        names = {pid: norm_words(self.papers[pid].name or "") for pid in found}
        out = list(found)
        for pid in self._short_names(english):
            longer = norm_words(self.papers[pid].name or "")
            shorter = [p for p, n in names.items() if n and longer.startswith(f"{n} ")]
            if pid not in names and shorter:
                out = [pid if p == shorter[0] else p for p in out if p not in shorter[1:]]
        return out

    def _gone_on_apart(self, found: list[str], text: str) -> list[str]:
        """`found` with a name replaced by a paper's name that goes on from it with a
        coined word the question writes apart: "DeepSeek-R1 ... in the Thoughtology study"
        is "DeepSeek-R1 Thoughtology" (an English word goes on from many a name: "Qwen2.5
        ... on math" is Qwen2.5's)."""
        if self.derived is None or not found:
            return found
        names = {pid: norm_words(self.papers[pid].name or "") for pid in found}
        out = list(found)
        for word in dict.fromkeys(_CAPITALISED_WORD.findall(text)):
            if english_word(word.lower()):
                continue
            part = norm_words(word)
            for name, pos, _ in self.derived.names_with_word(part):
                for pid, shorter in names.items():
                    if shorter and name == f"{shorter} {part}" and self.ids[pos] not in out:
                        out = [self.ids[pos] if p == pid else p for p in out]
        return out

    def _short_names(self, text: str) -> list[str]:
        if self.derived is None:
            return []
        normed = f" {norm_title(text)} "
        # "Qwen2.5-14B-Instruct-1M" names "Qwen2.5-1M", "Qwen3-235B-A22B" "Qwen3"
        plain = _MODEL_VARIANT.sub("", text)
        phrases = _phrases(text, NAME_WORDS) | _phrases(plain, NAME_WORDS)
        bare = _MODEL_TAIL.sub("", text)
        phrases |= _phrases(bare, NAME_WORDS)
        if _CAMEL.search(text):  # "LayerSkip" for the paper named "Layer Skip": the name's
            # words joined are one word of the question ("Hunyuan-GameCraft" names no
            # "Hunyuan-Game")
            written = set(normed.split())
            phrases |= {
                p
                for p in _phrases(_CAMEL.sub(" ", text), NAME_WORDS)
                if p.replace(" ", "") in written
            }
        # a name typed in lower case with its version glued on ("llmlingua2": LLMLingua-2;
        # not "Phi3-mini", a checkpoint as another paper writes it)
        phrases |= {f"{m[1]} {m[2]}" for m in GLUED_VERSION.finditer(text)}
        # and a coined name's version written apart ("SageAttention 2": SageAttention2)
        spaced = {norm_title(m[0]): norm_title(m[1] + m[2]) for m in _APART.finditer(text)}
        phrases |= set(spaced.values())
        # a two-word name typed as one word in lower case ("layerskip": Layer Skip)
        for word in set(normed.split()):
            if len(word) >= JOINED_LETTERS and word.isalpha() and not english_word(word):
                phrases |= {f"{word[:i]} {word[i:]}" for i in range(3, len(word) - 2)}
        # and a one-word name typed as two words, one of them coined, as few papers write it
        # ("hunyuan prover": HunyuanProver; not "flash attention", two words of the
        # language, nor "spatial vlm", "trust llm": words of the field, read as a topic)
        pairs = [
            (a, b)
            for a, b in pairwise(normed.split())
            if len(a + b) >= JOINED_LETTERS
            and (a + b).isalpha()
            and not (english_word(a) and english_word(b))
        ]
        if pairs:
            words = {w for pair in pairs for w in pair}
            written = self.derived.word_counts(words)
            rare = {w for w in words if written.get(w, (0, 0))[1] <= RARE_PART}
            phrases |= {a + b for a, b in pairs if a in rare or b in rare}
        rows = self.derived.names_among(phrases)
        counts = self.derived.word_counts({n for n, _, _ in rows if " " not in n})
        found = {n for n, _, _ in rows}
        aliased = self._by_alias(text, normed, found)
        # "DeepSeek-Prover-V1.5" also contains the name "DeepSeek-Prover": the longer wins,
        # unless the shorter is also written apart from it ("Qwen2 vs Qwen2.5": both);
        # "InternVL 2.5", an alias with its version, is not the paper named "InternVL"
        longer = found | {a for a, _, _ in aliased}
        forms = {normed} | {f" {norm_title(t)} " for t in (plain, bare)}
        inside = {
            n
            for n in found
            if any(f" {n} " in f" {o} " for o in longer - {n})
            and any(_free_at(f, n, longer) < 0 <= f.find(f" {n} ") for f in forms)
        } | {
            head
            for a, joined in spaced.items()
            # (unless also written alone: "SageAttention 2 vs SageAttention")
            if joined in found and normed.count(f" {(head := a.rsplit(' ', 1)[0])} ") == 1
        }
        hits = []
        for name, pos, exact in rows:
            if name in inside or _another_version(text, name):
                continue
            # a one-word name other papers use as an ordinary word ("ART" in
            # "state-of-the-art") counts only when written exactly as in the title; in any
            # case if it is a longer word no English dictionary has ("magistral", "loong";
            # "s1" is not), but still with its own characters ("SageAttention2" is not
            # "SageAttention2++", "PIXART-α" not "PixArt-Σ")
            common = " " not in name and counts.get(name, (0, 0))[0] > 1
            # (an English word in capitals, "PIN", is the name only in capitals: "how do I
            # pin package versions?")
            word = " " not in name and english_word(name)
            shouted = word and exact.isupper()
            flags = re.I if len(name) >= 4 and not word else 0
            written = any(_written_as(exact, t, flags) for t in (text, plain, bare))
            apart = next((k for k, joined in spaced.items() if joined == exact.lower()), None)
            if (
                _phrase_of_words(exact)
                and not any(_written_as(exact.split(" ", 1)[1], t, 0) for t in (text, plain, bare))
                and self._phrase_papers(exact) >= PHRASE_PAPERS
            ):
                continue  # "in the prompt" is no paper "The Prompt" ("the well dataset" is
                # The Well: few summaries write "the well")
            if apart:  # ("SageAttention 2" is SageAttention2, not SageAttention2++)
                hits.append((normed.find(f" {apart} "), pos))
            elif written or not (common or shouted):
                hits.append((_free_at(normed, name, longer), pos))
        hits += [(where, pos) for _, where, pos in aliased]
        return [self.ids[pos] for _, pos in sorted(dict.fromkeys(hits))]

    def _phrase_papers(self, name: str) -> int:
        """How many papers' summaries write `name` in any case, as words of their own
        ("the prompt": 6 of the corpus; "the well": none, The Well's own writes "The Well
        dataset" no more than its title does)."""
        if name not in self._phrases:
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
            self._phrases[name] = sum(
                any(pattern.search(text) for _, text in paper.summary_texts())
                for paper in self.papers.values()
            )
        return self._phrases[name]

    def by_name_part(self, text: str) -> list[tuple[str, str]]:
        """(word, arXiv id) of each paper whose name of several words has a coined word the
        question writes as the name does, no other name having it: "the OpenING benchmark"
        may be "GATE OpenING" (whether few papers write the word decides, at retrieval)."""
        if self.derived is None:
            return []
        out = []
        for word in dict.fromkeys(_COINED_WORD.findall(text)):
            rows = [
                pos
                for name, pos, exact in self.derived.names_with_word(norm_words(word))
                if name != norm_words(word) and word in exact.split()
            ]
            if len(rows) == 1:
                out.append((word, self.ids[rows[0]]))
        return out

    def _by_alias(self, text: str, normed: str, names: set[str]) -> list[tuple[str, int, int]]:
        """(alias, where, position) of the papers `text` names by a coined name their
        summaries introduce (`Paper.aliases`: "ThinkPO", "AdaCache", "InternVL 2.5"),
        written as they write it (a version in any case: "internvl 2.5"): not a name some
        title has (that paper is meant), nor a word many papers write ("LLMs")."""
        phrases = _phrases(text, ALIAS_WORDS) - names
        rows = [r for r in self.derived.aliases_among(phrases) if r[0] not in names]
        counts = self.derived.word_counts({n for n, _, _ in rows if " " not in n})
        return [
            (name, normed.find(f" {name} "), pos)
            for name, pos, exact in rows
            if counts.get(name, (0, 0))[1] <= ALIAS_PAPERS
            # (a version in any case, "internvl 2.5"; words spelled out as the title
            # capitalises them, "Decoupled Diffusion Transformer": in lower case, a topic)
            and _written_as(exact, text, re.I if re.search(r"\s\d", exact) else 0)
        ]

    def author_in(self, text: str) -> str | None:
        """The author a question names by full name ("papers by Saining Xie"), as the
        digests spell it: the longest such name among the question's words, if any."""
        if self.derived is None:
            return None
        rows = self.derived.handles_among(_phrases(text, self.derived.most_words("handle")))
        full = [(h, pos) for _, h, pos in rows if ":" not in h and " " in h]
        if not full:
            return None
        handle, pos = max(full, key=lambda row: (len(row[0]), -row[1]))
        paper = self.papers[self.ids[pos]]
        spelled = (a for m in paper.mentions for a in m.authors if norm_words(a) == handle)
        return next(spelled, handle)

    def by_author(self, name: str) -> list[str]:
        """Papers with `name` (a full name, any spelling the digests normalise alike) among
        their authors, in catalog order."""
        if self.derived is None or " " not in (key := norm_title(name)):
            return []
        rows = self.derived.handles_among([key])
        return [self.ids[pos] for _, h, pos in sorted(rows, key=lambda r: r[2]) if h == key]

    def by_handle(self, text: str) -> list[str]:
        """Papers whose author name or code/data repository path appears in `text`."""
        if self.derived is None:
            return []
        normed = f" {norm_title(text)} "
        sites = {"github"} if " github " in normed else set()
        if re.search(r" (hugging face|huggingface|hf) ", normed):
            sites.add("huggingface")
        rows = self.derived.handles_among(_phrases(text, self.derived.most_words("handle")))
        # a one-word user name counts only when no title or summary uses it as a word
        singles = {h for _, h, _ in rows if ":" not in h and " " not in h}
        # and a site's one-word owner only when far fewer papers write it as a word than
        # link to it ("HF ... my fine-tuned Qwen model": Qwen the model, which 112 papers
        # write, not the 2 whose Hugging Face links are Qwen's; "OpenBMB github" is OpenBMB's
        # papers, whose summaries write the link)
        owners = {h.rpartition(":")[2] for _, h, _ in rows if ":" in h and "/" not in h}
        used = self.derived.word_counts(singles | owners)
        linked = Counter(h for _, h, _ in rows)
        by_handle: dict[str, set[int]] = {}
        for _, handle, pos in rows:
            site, _, owner = handle.rpartition(":")
            if handle in singles and used.get(handle, (0, 0))[1] > 0:
                continue
            if (
                site
                and owner in owners
                and used.get(owner, (0, 0))[1] > OWNER_WORD * linked[handle]
            ):
                continue
            by_handle.setdefault(handle, set()).add(pos)
        hits: dict[str, None] = {}
        for handle in sorted(by_handle, key=lambda h: (-len(h), min(by_handle[h]), h)):
            site = handle.rpartition(":")[0]
            if not site or site in sites:
                hits.update(dict.fromkeys(sorted(self.ids[p] for p in by_handle[handle])))
        return list(hits)

    def on_dates(self, since: str | None, until: str | None) -> list[str]:
        """Papers in a digest dated within [since, until] (either may be open), catalog order."""
        if self.derived is None:
            return []
        return [self.ids[p] for p in self.derived.positions_on_dates(since, until)]

    def with_tag(self, tag: str) -> set[str]:
        if self.derived is None:
            return set()
        return {self.ids[p] for p in self.derived.positions_with_tag(tag)}

    def with_code(self) -> set[str]:
        if self.derived is None:
            return set()
        return {self.ids[p] for p in self.derived.positions_with_code()}

    def dates(self) -> list[str]:
        return self.derived.dates() if self.derived is not None else []

    def latest_date(self) -> str | None:
        return self.derived.latest_date() if self.derived is not None else None

    def oldest_date(self) -> str | None:
        return self.derived.oldest_date() if self.derived is not None else None

    def tags(self) -> Counter:
        return Counter(dict(self.derived.tag_counts())) if self.derived is not None else Counter()

    def tag_named(self, text: str) -> str | None:
        """The catalog tag matching `text` (case and punctuation insensitive)."""
        wanted = slug(text)
        return next((t for t in self.tags() if slug(t) == wanted), None)

    def stats(self) -> dict:
        rows = self.derived.date_stats() if self.derived is not None else []
        return {
            "store": self.store_label,
            "papers": len(self.ids),
            "first_date": rows[0][0] if rows else None,
            "last_date": rows[-1][0] if rows else None,
            "dates": [{"date": d, "papers": n, "languages": langs} for d, n, langs in rows],
        }


def _phrase_of_words(name: str) -> bool:
    """Whether a name is an article and words of the language ("The Prompt", "An Open
    Recipe"): written in lower case, such words may be a phrase of the question rather
    than the name (`Catalog._phrase_papers` says whether they are)."""
    words = name.split()
    return (
        len(words) > 1
        and words[0].lower() in ARTICLES
        and all(w.isalpha() and english_word(w) for w in words[1:])
    )
