"""What a question asks for: its intent, matched to example phrasings, English and Korean.

`intents.jsonl` (package data) holds example phrasings per intent. A question is matched
to its nearest examples by character n-gram TF-IDF cosine (works for Hangul and Latin
alike, offline, with no model), with the names, ids and dates it contains masked first so
that "Who wrote SpargeAttn?" reads as "who wrote <paper>?". The k nearest examples vote,
weighted by similarity; below `MIN_SIMILARITY` the question is a topic search.

Intents: search (topic), list, count, top_voted, authors, code, similar, compare, recent,
summary, trend (papers per month about a topic).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.index.lexical import STOP, tokenize
from assistant.text import is_korean, words
from assistant.understand import attributes
from assistant.understand.slots import cue_pattern, slot_rows

INTENTS = (
    "search",
    "list",
    "count",
    "top_voted",
    "authors",
    "code",
    "when",
    "similar",
    "compare",
    "recent",
    "summary",
    "trend",
)
NGRAMS = (2, 3, 4)
K = 5  # nearest examples that vote
MIN_SIMILARITY = 0.12  # below: no example is near, a topic search
SEARCH_MARGIN = 0.05  # a topic phrasing this much nearer than the vote's best wins
MIN_SHARE = 0.4  # a split vote (no intent has this share of the k nearest): a topic search
# intents whose questions always name a topic: a topic phrasing being nearest is expected,
# so the vote decides ("speculative decoding papers per month" is near "papers on
# speculative decoding", and still a trend)
TOPICAL = ("trend",)
# intents read only when the question has their cue words: "when" asks when ("when did A
# come out?"), however near other questions' phrasing comes to its examples
CUED = ("when",)
# intents read only when the question as written (its dates too) has their cue words
# intents asked only with a word of their own ("code", "깃허브", "who"), slot of `slots.jsonl`
NEEDS_CUE = {
    "recent": "recent_cue",
    "code": "code_cue",
    "authors": "authors_ask",
    "trend": "trend_cue",  # a breakdown over time ("per month"; not "1 hour of data per subject")
}
# intents about a set of papers, which a question asking a figure of its subject (a revenue,
# a headcount: `attributes`) and naming no papers does not ask
OF_A_SET = ("count", "list", "top_voted")
# "works" as papers ("which works propose ...", "recent works on X"), not the verb:
# "explain how k-fold cross-validation works" (after "how" in its clause: a textbook
# question, which had passed as one asking for papers), "what works best", "it works"
WORKS = (
    r"(?:^|(?<=[.?!;,]))(?:(?!\bhow\b)[^.?!;,])*?"
    r"(?<!\bit\s)(?<!\bthis\s)(?<!\bthat\s)\bworks\b(?!\s+(?:best|well|better|fine|great)\b)"
)
PAPER_WORD = re.compile(rf"\b(?:papers?|studies|articles)\b|{WORKS}|논문", re.I)
# share of a question's nearness to an intent that must come from grams no topic phrasing
# uses (below: it only sounds like that intent, "멀티모달 환각 논문 찾아줘" is no "similar")
MIN_OWN = 0.1
# intents that answer with something else than the topic's papers (a ranking by votes):
# read only when the question says so in a whole word of its own
WORDED = frozenset({"top_voted"})
# a name as `mask` writes it, joined to another by a particle ("A랑", "A와"): no asking word
_JOINED_NAME = re.compile(r"a(?:랑|이랑|와|과|하고)")
TIE = 0.005  # examples this close to the nearest are as near (`own_share`)
SAME = 0.9  # this near an example, the question says what that example says
UNSEEN = 1.0  # weight of a question's gram no example uses, times the largest idf
TREND_MIN = 0.3  # a trend phrasing at least this near (below: another intent, or a search)
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"<\w+>")  # what `mask` writes for a date, a paper, a topic
_HEAD = re.compile(r"[가-힣]{2}")  # a Korean word's first two syllables
HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # "top-voted" asks as "top voted" does


@dataclass(frozen=True)
class Intent:
    name: str
    confidence: float  # share of the k nearest examples' similarity behind `name`
    similarity: float  # cosine with the nearest example of that intent


def _grams(text: str) -> Counter:
    text = f" {_SPACE.sub(' ', HYPHEN.sub(' ', text.lower())).strip()} "
    out: Counter = Counter()
    for n in NGRAMS:
        out.update(text[i : i + n] for i in range(len(text) - n + 1))
    return out


class IntentMatcher:
    """Nearest example phrasings by char n-gram TF-IDF cosine."""

    def __init__(self, examples: list[tuple[str, str]]):
        # a topic phrasing's topic words, marked in brackets: what it shares with a question
        # on the same topic says nothing of what that question asks
        self._topic_words = [
            {w for span in TOPIC.findall(text) for w in words(span)} for _, text in examples
        ]
        examples = [(intent, TOPIC.sub(r"\1", text)) for intent, text in examples]
        self.labels = [intent for intent, _ in examples]
        grams = [_grams(text) for _, text in examples]
        df = Counter(g for c in grams for g in c)
        n = len(examples)
        self.idf = {g: math.log((1 + n) / (1 + d)) + 1.0 for g, d in df.items()}
        self.vectors = [self._vector(c) for c in grams]
        # a question's words no example uses (its topic, its names) make it less like every
        # example: they count in its length, as a gram of one example of one intent would
        self.unseen = UNSEEN * max(self.idf.values(), default=1.0)
        # each example's grams that no topic phrasing (search example) uses
        topical = {
            g for label, c in zip(self.labels, grams, strict=True) if label == "search" for g in c
        }
        self._own = [set(c) - topical for c in grams]
        # and the whole words no topic phrasing uses ("many", "유사한")
        spelled = [set(words(text)) for _, text in examples]
        searched = {
            w
            for label, ws in zip(self.labels, spelled, strict=True)
            if label == "search"
            for w in ws
        }
        self._own_words = [ws - searched for ws in spelled]
        # and the words of one intent alone ("인기", "추천"; not "중에", which "A 논문 중에
        # 제일 새로운 거" asks with too)
        self._alone = _of_one_intent(
            (w, label) for label, ws in zip(self.labels, self._own_words, strict=True) for w in ws
        )
        # a Korean word's first two syllables, when every example word opening with them is
        # of one intent, no topic phrasing ("화제가": 화제, so "화제였던" with another ending)
        heads = _of_one_intent(
            (w[:2], label)
            for label, ws in zip(self.labels, spelled, strict=True)
            for w in ws
            if _HEAD.match(w)
        )
        self._alone_head = {h: label for h, label in heads.items() if label != "search"}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, vec in enumerate(self.vectors):
            for g, w in vec.items():
                self.postings[g].append((i, w))

    def _vector(self, grams: Counter, unseen: float = 0.0) -> dict[str, float]:
        """Unit TF-IDF vector; grams no example uses weigh `unseen` (they only lengthen it)."""
        vec = {g: (1 + math.log(c)) * self.idf.get(g, unseen) for g, c in grams.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {g: w / norm for g, w in vec.items() if g in self.idf}

    def _scores(self, text: str) -> tuple[dict[str, float], dict[int, float]]:
        vector = self._vector(_grams(text), self.unseen)
        scores: dict[int, float] = defaultdict(float)
        for g, w in vector.items():
            for i, v in self.postings.get(g, ()):
                scores[i] += w * v
        return vector, scores

    def nearest(self, text: str) -> list[tuple[float, str]]:
        return self._nearest(self._scores(text)[1])

    def _nearest(self, scores: dict[int, float]) -> list[tuple[float, str]]:
        best = sorted(scores.items(), key=lambda kv: -kv[1])[:K]
        return [(s, self.labels[i]) for i, s in best]

    def _topic_shared(self, text: str, scores: dict[int, float]) -> str | None:
        """The question without the topic words it shares with its nearest example, when
        that example is a topic phrasing near for its topic alone: "what was the most voted
        paper on speculative decoding?" is near "what research is there on [speculative
        decoding]" by the topic, and a ranking by what it asks. None otherwise. `scores`:
        the question's, by example."""
        if not scores:
            return None
        top = max(scores, key=scores.get)
        shared = set(words(text)) & self._topic_words[top]
        if not shared:
            return None
        for word in shared:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.I)
        return text

    def own_share(self, text: str, name: str) -> float:
        """How much of the question's nearness to `name`'s nearest example comes from grams
        no topic phrasing uses: "유사" in "유사한 논문 찾아줘", not "논문 찾아줘", which topic
        searches say as well. Without any, the question only sounds like that intent."""
        vector, scores = self._scores(text)
        mine = [(s, i) for i, s in scores.items() if self.labels[i] == name]
        if not mine or name == "search":
            return 1.0
        # the best share among its nearest examples: two examples as near as each other
        # ("how many papers are there", "how many were there", a hair apart) are both its
        # nearest, and which of them is first is no reason to read the question otherwise
        top = max(mine)[0]
        shares = []
        said = set(words(text))
        for score, i in (m for m in mine if m[0] >= top - TIE):
            if said & self._own_words[i]:
                return 1.0  # a whole word of its own ("how *many* papers in 2024?")
            own = sum(
                w * self.vectors[i].get(g, 0.0) for g, w in vector.items() if g in self._own[i]
            )
            shares.append(own / score if score > 0 else 0.0)
        return max(shares)

    def own_words(self, text: str, name: str) -> set[str]:
        """The whole words of `text` (its placeholders aside: "<date>") that examples of
        `name` ask with and no topic phrasing uses ("favourite", "가장", "many")."""
        said = set(words(_PLACEHOLDER.sub(" ", text)))
        return {
            w
            for label, own in zip(self.labels, self._own_words, strict=True)
            if label == name
            for w in said & own
        }

    def words_alone(self, text: str, name: str) -> set[str]:
        """The whole words of `text` that only examples of `name` ask with, a Korean one
        with any ending after the first two syllables that only its examples open with."""
        return {
            w
            for w in words(_PLACEHOLDER.sub(" ", text))
            if self._alone.get(w) == name
            or (_HEAD.match(w) and self._alone_head.get(w[:2]) == name)
        }

    def classify(self, text: str) -> Intent:
        scores = self._scores(text)[1]
        if (topic := self._topic_shared(text, scores)) is not None:
            # read without the topic, when what it reads then is asked in a word of its
            # own ("most voted", "wrote"): else the topic was what it asks about ("what
            # maximum context length does A support?" is no summary without "context")
            without = self.classify(topic)
            if without.name == "search" or self.own_words(topic, without.name) - STOP:
                return without
        near = self._nearest(scores)
        if not near or near[0][0] < MIN_SIMILARITY:
            return Intent("search", 0.0, near[0][0] if near else 0.0)
        votes: dict[str, float] = defaultdict(float)
        for score, label in near:  # squared: one clearly nearer example outweighs a crowd
            votes[label] += score * score
        name = max(votes, key=votes.get)
        best = max(s for s, label in near if label == name)
        if near[0][0] >= SAME:  # the question is one of the example phrasings: its intent
            name = near[0][1]
        elif name not in TOPICAL and near[0][1] == "search" and near[0][0] - best > SEARCH_MARGIN:
            name = "search"  # a topic phrasing is clearly nearer: a topic question
        elif name not in TOPICAL and votes[name] / sum(votes.values()) < MIN_SHARE:
            name = "search"  # no intent has most of the nearest examples: a topic question
        elif name not in TOPICAL and self.own_share(text, name) < MIN_OWN:
            name = "search"  # it shares only words topic searches use too: a topic question
        elif name in WORDED and not self._worded(text, name):
            name = "search"  # near a ranking in no word of its own: "any music-focused
            # papers <date>?" asks for the papers on music, not the most voted
        elif name == "similar" and _only_joined(self.own_words(text, name)):
            name = "search"  # near "A랑 비슷한 ..." only by a name joined to another ("A가
            # A랑 비교했을 때 선호도 몇 %였어?"): no word asks for papers like it
        top = max((s for s, label in near if label == name), default=near[0][0])
        return Intent(name, votes.get(name, 0.0) / sum(votes.values()), top)

    def _worded(self, text: str, name: str) -> bool:
        """Whether `text` asks `name` in a word of its own; a Korean one, in a word only
        `name`'s examples use, whatever its ending ("<date>에 나온 논문 중에 코드 생성 벤치마크
        관련된 거" is near "그때 나온 논문 중에 인기 많은 거" in words any listing says)."""
        if is_korean(text):
            return bool(self.words_alone(text, name))
        return bool(self.own_words(text, name))


def _of_one_intent(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """key -> its intent, of the (key, intent) pairs whose key only one intent has."""
    intents_of: dict[str, set[str]] = defaultdict(set)
    for key, label in pairs:
        intents_of[key].add(label)
    return {key: next(iter(ls)) for key, ls in intents_of.items() if len(ls) == 1}


def _only_joined(own: set[str]) -> bool:
    """Whether a question's own words of an intent are all names joined to another ("A랑")."""
    return bool(own) and all(_JOINED_NAME.fullmatch(w) for w in own)


TOPIC = re.compile(r"\[([^\]]*)\]")  # a phrasing's topic, as `intents.jsonl` marks it


def annotated() -> list[tuple[str, str]]:
    """`intents.jsonl` as written: a topic phrasing's topic in brackets ("what research is
    there on [speculative decoding]")."""
    text = resources.files("assistant.understand").joinpath("intents.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(r["intent"], r["text"]) for r in rows]


def _examples() -> list[tuple[str, str]]:
    """The example phrasings, as people write them (no brackets)."""
    return [(intent, TOPIC.sub(r"\1", text)) for intent, text in annotated()]


@lru_cache(maxsize=1)
def asking_tokens() -> frozenset[str]:
    """The index tokens of every example phrasing but its topic: the words people ask with
    ("came out", "how many", "몇 편이야"), as the lexical index reads them. (The topic of
    "papers on [model compression]" is no asking word: "compress prompts" asks of it.)"""
    fillers = " ".join(r["text"] for r in slot_rows("filler"))  # "whats", "pls", "혹시"
    asked = [TOPIC.sub(" ", text) for _, text in annotated()]
    return frozenset(t for text in [*asked, fillers] for t in tokenize(text))


@lru_cache(maxsize=1)
def asking_text() -> str:
    """Every example phrasing but topic searches' (whose examples name topics), and every
    way of asking (`asks.jsonl`), one a line: the text a Korean asking word is written in
    ("요약" of "요약해줘"; a Korean word's bigrams may each be in some other word)."""
    return "\n".join([*(t for i, t in _examples() if i != "search"), *(t for _, t in asks_rows())])


@lru_cache(maxsize=1)
def example_words() -> frozenset[str]:
    """The Latin words the example phrasings ask with, lower-cased ("github", "who",
    "tldr"): those of every intent but topic searches, whose examples name topics."""
    return frozenset(
        w.lower()
        for intent, text in _examples()
        if intent != "search"
        for w in re.findall(r"[A-Za-z]+", text)
    )


def asked_not_named(label: str, text: str, asking: frozenset[str] | None = None) -> bool:
    """A paper's one-word name that is also a word people ask with ("TLDR" and "tldr of
    ...", "RePO" and "repo"), written other than exactly as the paper writes it: the word,
    not the paper. `asking`: the asking words (default: `example_words`)."""
    if " " in label or label.lower() not in (asking or example_words()):
        return False
    return not re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text)


@lru_cache(maxsize=1)
def matcher() -> IntentMatcher:
    """Every intent's examples."""
    return IntentMatcher(annotated())


@lru_cache(maxsize=1)
def base_matcher() -> IntentMatcher:
    """Every intent's examples but the topical (trend) and cued (when) ones: how questions
    were read before those, kept apart so that adding their phrasings moves no other
    intent's reading."""
    return IntentMatcher([(i, t) for i, t in annotated() if i not in (*TOPICAL, *CUED)])


def classify(question: str) -> Intent:
    """The intent of `question` (names, ids and dates already masked by the caller).

    A trend needs the vote of all examples *and* a trend phrasing at least `TREND_MIN`
    near; any other question is read by the other intents' examples alone. A question of
    several parts about one set ("how many papers that day, and the top 3 by votes?")
    is the ranking, which says how many there are and lists them (`RANKS_THE_SET`).
    """
    whole = _classify(question)
    if _ranks_the_set(clause_intents(question)):
        return Intent("top_voted", whole.confidence, whole.similarity)
    return whole


def classify_asking_no_date(question: str) -> str:
    """The intent of a question that asks no paper's date (it names none) though it reads
    as "when" ("what came out in the Korean digest on <date>? just the top 3 by votes"):
    read by the other intents' examples alone, its parts as `classify` reads them."""
    if _ranks_the_set(clause_intents(question, when=False)):
        return "top_voted"
    return base_matcher().classify(question).name


def _ranks_the_set(parts: frozenset[str]) -> bool:
    """Whether a question's parts ask a ranking of one set and only what it answers."""
    return "top_voted" in parts and parts <= RANKS_THE_SET


def asks_in_own_words(masked: str, intent: str) -> bool:
    """Whether a question (dates and names masked) says what `intent` asks in a word of
    its own ("What was the crowd *favourite* on <date>?", "how *many* papers ..."), not
    only in words a question about anything uses ("what was OpenAI's revenue in <date>?")."""
    return bool(base_matcher().own_words(masked, intent))


_ASIDE = re.compile(r"\([^()]*\)")  # words in parentheses


def cued(intent: str, question: str) -> str:
    """`intent`, or a topic search when it is one only its cue words ask for and the
    question as written has none: "recent" asks for new work ("anything new on A?",
    "최근 강화학습 논문"), "any paper that uses VQ-VAE codebooks for topic modeling?" asks
    for papers on it, whatever the date. A figure of the question's subject ("total
    revenue") asks no set of papers unless the question names papers."""
    # (a cue inside an aside describes what the question names, asks nothing: "Goedel-Prover
    # (the open-source Lean 4 prover) - miniF2F pass@32?")
    said = _ASIDE.sub(" ", question)
    if intent in NEEDS_CUE and not cue_pattern(NEEDS_CUE[intent]).search(said):
        return "search"
    if intent == "code" and all(
        _set_against(said, m) or _compounded(said, m) or _modifier(said, m)
        for m in cue_pattern("code_cue").finditer(said)
    ):
        return "search"  # "HuggingFace 기본 구현이랑 비교하면 몇 배 빨라?": a baseline
    if intent in OF_A_SET and attributes.asked(question) and not PAPER_WORD.search(question):
        return "search"  # "What was OpenAI's total revenue in 2024?": "total" counts nothing
    if intent == "list" and cue_pattern("count_cue").search(said):
        return "count"  # "다이제스트에 나온 RAG 논문 몇 개야?": how many, however near a
        # listing the rest reads (a count lists the papers it counts too)
    return intent


def _modifier(text: str, m: re.Match) -> bool:
    """Whether a cue word is the second half of a hyphenated modifier before a noun ("the
    open-weights open-data VLMs", "an open-source TTS model"): it says what kind of work
    the paper is, and asks for nothing ("open weights?", "open-weights link?" ask)."""
    joined = re.search(r"[A-Za-z]-$", text[: m.start()]) or "-" in m.group(0)
    after = _NOUN_AFTER.match(text, m.end())
    return bool(joined and after)


# a noun (phrase) after a modifier, not a word that asks for the code or the weights
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:links?|repos?|repository|code|checkpoints?|releases?|released|available|"
    r"download\w*|models?\s*\?|for|of|on|in|or|and|yet|now)\b)[A-Za-z][\w-]*",
    re.I,
)


def _compounded(text: str, m: re.Match) -> bool:
    """Whether a cue word is what an "X-to-" compound turns things into, a topic ("the
    chart-to-code refinement paper", "text-to-code"), not a word asking for it (as
    "re-implementation" still is)."""
    return re.search(r"-to-$", text[: m.start()], re.I) is not None


# what a code cue is set against as a baseline: "HF 구현이랑 비교하면", "HF 구현 대비",
# "compared with the HuggingFace implementation", "faster than the official repo"
# ("보다" glued to what it compares: "구현보다", not the verb of "코드 보다가")
_AGAINST_AFTER = re.compile(r"^[^?.!,]*?(?:비교|대비|(?<=\S)보다)")
_AGAINST_BEFORE = re.compile(
    r"\b(?:compared\s+(?:to|with)|than|vs\.?|versus|against|over)\s+(?:the\s+)?(?:\S+\s+){0,2}$",
    re.I,
)


def _set_against(text: str, cue: re.Match) -> bool:
    """Whether a code cue names a baseline the question compares against."""
    return bool(
        _AGAINST_AFTER.match(text[cue.end() : cue.end() + AGAINST_SPAN])
        or _AGAINST_BEFORE.search(text[max(0, cue.start() - AGAINST_SPAN) : cue.start()])
    )


AGAINST_SPAN = 30  # characters either side of a code cue read for a comparison


def _classify(question: str) -> Intent:
    full = matcher().classify(question)
    if full.name in TOPICAL and full.similarity >= TREND_MIN:
        return full
    if full.name == "when" and asks_when(question):
        return full  # near "when did A come out?" and asking when (not "on which dataset
        # was it evaluated?", "how did it do once test-time scaling was added?")
    return base_matcher().classify(question)


# a question word before "when" in its clause: "when" joins a condition to what it asks
# (not "how about when ...", nor a date asked: "what was the date when X appeared?")
_WH_BEFORE = re.compile(r"\b(?:what|how|which|who|whose|where|why)\b(?!\s+about\b)", re.I)
_DATE_WORD = re.compile(r"\b(?:date|day|days|time)\b", re.I)
_CLAUSE_START = re.compile(r"[?.!;,]|\band\b|\bor\b", re.I)


def asks_when(question: str) -> bool:
    """Whether the question asks when, in a word of its own (`when_cue`): not "when" after
    a question word of its clause ("What success rate did RUM get when dropped zero-shot
    into new homes?": the condition of a figure asked)."""
    for m in cue_pattern("when_cue").finditer(question):
        if m.group(0).lower() != "when":
            return True
        clause = _CLAUSE_START.split(question[: m.start()])[-1]
        if not _WH_BEFORE.search(clause) or _DATE_WORD.search(clause):
            return True
    return False


RANKS_THE_SET = frozenset({"top_voted", "count", "list"})  # what a ranking of a set answers
_CLAUSE = re.compile(
    r"[?;+&]|\s(?:and|also|plus|then)\s|,\s|그리고|또한|\s또\s"
    # a Korean noun's "and" (이랑, 랑, 하고) or a predicate's (였고, 나왔고, 몇 개고, 누구고)
    r"|(?<=[가-힣])(?:이랑|랑|하고)\s|(?<=[었였했왔썼았이개편구뭐리])고\s",
    re.I,
)
CLAUSE_WORDS = 2  # a part of fewer words asks nothing by itself


def clause_parts(question: str) -> list[str]:
    """The question's parts, split where it joins them ("?", "and", ", ", "그리고", ...)."""
    return _CLAUSE.split(question)


@lru_cache(maxsize=256)
def clause_intents(question: str, when: bool = True) -> frozenset[str]:
    """The intents of a question's parts, when it has two or more ("what came out on
    <date>? just the count and the top 3 by votes": list, count, top_voted); else none.
    Without `when`, no part is read as asking a date."""
    parts = [p for p in clause_parts(question) if len(p.split()) >= CLAUSE_WORDS]
    if len(parts) < 2:
        return frozenset()
    return frozenset(_part_intent(p, when) for p in parts)


def _part_intent(part: str, when: bool = True) -> str:
    """A part's intent; a ranking only when it asks for one in a word of its own, since a
    ranking part makes the whole question one ("Mamba-based papers <date>" is near a
    ranking's examples only by how MiniLM reads "based": a topic)."""
    name = (_classify(part) if when else base_matcher().classify(part)).name
    if name == "top_voted" and not base_matcher().own_words(part, name) - STOP:
        return "search"
    return name


ASKS_MARGIN = 0.05  # "papers" must be this much nearer than "fact" (unsure: a fact question)


@lru_cache(maxsize=1)
def asks_rows() -> tuple[tuple[str, str], ...]:
    """`asks.jsonl`: (way of asking, phrasing) pairs."""
    text = resources.files("assistant.understand").joinpath("asks.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple((r["asks"], r["text"]) for r in rows)


@lru_cache(maxsize=1)
def asks_matcher() -> IntentMatcher:
    """`asks.jsonl`: how a topic question asks, with its topic words as <topic>: for the
    papers on it ("<topic> 논문 찾아줘", "any work on <topic>?"), for a fact ("how much
    better than <topic> is <paper>?", "<topic> 정확도는?"), to compare, or for advice on one's
    own setup ("what <topic> should I use for my <topic>?")."""
    return IntentMatcher(list(asks_rows()))


def asks_for_papers(masked: str) -> bool:
    """Whether a topic question (its topic words masked as <topic>) asks for the papers on
    its topic rather than for a fact: the nearest "papers" phrasing is clearly nearer than
    the nearest other one."""
    best = _asks(masked)
    others = max((s for label, s in best.items() if label != "papers"), default=0.0)
    return best.get("papers", 0.0) >= MIN_SIMILARITY and best["papers"] - others > ASKS_MARGIN


ADVICE_MIN = 0.35  # an "advice" phrasing at least this near: how-to advice for one's own setup


def asks_advice(masked: str) -> bool:
    """Whether a topic question (topic words masked as <topic>) asks for advice on one's own
    setup ("what batch size should I use for my <topic>?", "<topic> 안 될 때 어떻게 해?"), not
    for papers or a paper's fact: its nearest phrasing is clearly an "advice" one. Digests
    answer such a question only where a paper is about just that (`Calibration.advice_floor`)."""
    return _nearest_is(_asks(masked), "advice", ADVICE_MIN)


TUTORIAL_MIN = 0.45  # a "tutorial" phrasing at least this near: a lesson on a concept


def asks_tutorial(masked: str) -> bool:
    """Whether a topic question (topic words masked as <topic>) asks to be taught a concept
    ("explain <topic> from scratch", "<topic> 기초부터 설명해줘"): its nearest phrasing is
    clearly a "tutorial" one. Digests summarise papers; they teach no textbook."""
    # (a "concept" phrasing is as near a lesson: "CNN에서 pooling 레이어는 왜 쓰는 거야?
    # 기초부터 설명 좀" asks one however near "<topic>가 뭐고 왜 쓰는 거야?" it is)
    best = {label: s for label, s in _asks(masked).items() if label != "concept"}
    return _nearest_is(best, "tutorial", TUTORIAL_MIN)


def asks_concept(masked: str) -> bool:
    """Whether a topic question asks what a concept is or how it works ("<topic>가 뭐고 왜
    쓰는 거야?", "what's a <topic> and how do I read one?"): its nearest phrasing is clearly
    a "concept" one. Digests answer it only with papers about the concept."""
    return _nearest_is(_asks(masked), "concept", TUTORIAL_MIN)


def _nearest_is(best: dict[str, float], label: str, least: float) -> bool:
    """Whether `label` is the way of asking nearest of `best` (way -> its nearest phrasing's
    similarity), at least `least` near."""
    return bool(best) and max(best, key=best.get) == label and best[label] >= least


def asks_to_compare(masked: str) -> bool:
    """Whether a question naming fewer than two papers (<paper>, <topic> masked) asks to
    compare ("compare <paper> and its successor"), not for a fact measured against another
    ("how much better than GPT-4o is <paper>?"): its nearest phrasing is a comparison."""
    best = _asks(masked)
    return bool(best) and max(best, key=best.get) == "compare"


@lru_cache(maxsize=1)
def asks_tokens() -> frozenset[str]:
    """The index tokens the `asks.jsonl` phrasings ask with ("should", "방법", "어떻게")."""
    return frozenset(
        t
        for _, text in asks_rows()
        for t in tokenize(text.replace("<topic>", " ").replace("<paper>", " "))
    )


def _asks(masked: str) -> dict[str, float]:
    """The similarity of the nearest phrasing of each way of asking."""
    best: dict[str, float] = {}
    for score, label in asks_matcher().nearest(masked):
        best[label] = max(score, best.get(label, 0.0))
    return best
