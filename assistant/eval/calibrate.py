"""Calibrate the retrieval constants of one embedder on the dev golden questions.

    uv run python -m assistant.eval.calibrate \\
        --set tests/golden/archive_dev.jsonl=STORE_DIR \\
        --set tests/golden/seeds_dev.jsonl=seeds \\
        --advice tests/golden/howto_dev.jsonl=STORE_DIR \\
        --similar tests/golden/agent_dev.jsonl=STORE_DIR \\
        --scope tests/golden/blind_dev.jsonl=STORE_DIR

Each `--set GOLDEN=WHERE` pairs a dev question file with its store: a store folder, or a
digest file / folder (ingested into a temporary store). Only dev splits belong here: the
test splits are for the gate. For every question the retrieval runs once per candidate
weight of the dense ranking in the fusion (the lexical weight is 1); the weight with the
best mean reciprocal rank wins. Then the relevance floor is the highest that keeps false
refusals (answerable questions refused) at or under `--max-false-refusals` on dev, which
refuses the most off-topic questions; it is chosen together with the power of the discount
on dense evidence for questions whose words no paper contains (`hybrid.evidence`). Last,
an absent concept (`concept_idf`, `concept_floor`: two adjacent rare words none of the first
hits has, "credit card" fraud detection, refused below an evidence floor) is chosen with the
best of those floors: the most off-topic questions refused within the false refusals allowed,
then the fewest false refusals. A question asking advice on one's own setup ("what batch
size should I use for BERT on my laptop?", `intents.asks_advice`) then gets a floor on top
(`advice_floor`): the lowest that refuses the most off-topic ones of them and no answerable
one the gate answers, read on those of the dev files and of the `--advice` files (how-to
questions, answerable and not, which calibrate nothing else). Then
the set floors (`set_terms`, `set_dense`: which gated papers a count or a topic list keeps)
with the best F2 of the theme questions' sets against the papers each expects. Then, with
`--similar GOLDEN=STORE` (dev questions of kind `similar`), the weight of the BM25 of a
paper's own text beside its vector's neighbours (`similar_lexical`) with the best recall of
the papers each expects among the first five. Last, the scope margin (`scope_margin`: how
much nearer an example of what digests do not answer, `understand/scope.jsonl`, than any
paper a question must be to be refused): the highest refusing nearly the most off-topic
questions (within `SCOPE_SLACK`) and no answerable one the gate answers, read on the dev
files, the `--advice` files and the `--scope` files (more dev questions, which calibrate
nothing else). Then, on the same
questions, the length past which a question describes its paper (`described_words`: the
floor scales by it over the question's words weighed): the one refusing the fewest
answerable questions while refusing every off-topic one the gate refused without it, the
longest of those. The result is written to
`assistant/retrieve/calibration.json` under the embedder's identity, with the dev figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.config import Settings
from assistant.eval.golden import GoldenQuestion, load_golden
from assistant.eval.metrics import K, hit_at, reciprocal_rank
from assistant.eval.run import evaluation_store
from assistant.retrieve import calibration as cal
from assistant.retrieve.hybrid import (
    concept_refuses,
    dense_relevance,
    evidence,
    passes_gate,
    relevance_floor,
    unseen_weight,
)

DENSE_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
FLOORS = tuple(round(0.30 + 0.01 * i, 2) for i in range(66))  # 0.30 .. 0.95
PENALTIES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)  # powers of the unknown-words discount
RATES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)  # share of papers a topical word is expected in
SET_TERMS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)  # shares of the best term coverage a set needs
SET_DENSE = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # ... or their dense relevance (1.01: never)
# false refusals allowed on dev: under the 2% the test split must meet, for unseen questions
MAX_FALSE = 0.015
CONCEPT_IDFS = (4.0, 5.0, 6.0, 7.0)  # how rare both words of an absent concept must be
CONCEPT_FLOORS = (0.5, 0.55, 0.6, 0.65, 0.7)  # ... and the evidence below which it refuses
CONCEPT_CANDIDATES = 40  # the best floors an absent concept is tried on
ADVICE_FLOORS = tuple(round(0.30 + 0.02 * i, 2) for i in range(31))  # 0.30 .. 0.90
SET_BETA = 2.0  # a list should rather show a paper too many than miss one: recall weighs 2x
SIMILAR_WEIGHTS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)  # BM25 beside the vector (similar)
# how much nearer an example of what digests do not answer than any paper refuses a question
SCOPE_MARGINS = tuple(round(0.025 * i, 3) for i in range(1, 13))  # 0.025 .. 0.3
SCOPE_SLACK = 0.01  # off-topic refusals a wider scope margin may give up, as a share
# question lengths (words weighed) above which the floor scales down (0: never)
DESCRIBED_WORDS = (0, 10, 12, 15, 20, 25, 30, 40)
SIMILAR_SHOWN = 5  # the papers a "similar" answer lists, whose recall the weight is chosen by


@dataclass
class Seen:
    """One question's retrieval under one weighting."""

    q: GoldenQuestion
    ranked: list[str]
    direct: bool  # the first hit was named outright (id, title, name): no gate applies
    hybrid: list[tuple[float, float]]  # (dense cosine, term coverage) of each hybrid hit
    unknown: float  # share of the question that no paper contains
    papers: int  # papers in the archive searched
    dated: bool  # an explicit date range narrowed the search (the gate is DATED_GATE lower)
    absent: bool  # it names a model no paper mentions: refused whatever the floor
    golden: str = ""  # the question file it comes from
    concept_idf: float = 0.0  # its absent concept's IDF (`HybridRetriever.absent_concept`)
    # it asks advice on one's own setup (`intents.asks_advice`; `Retrieval.advice`, read at
    # the floor 0 a question is retrieved with here)
    advice: bool = False
    # how much nearer an example of what digests do not answer it is than any paper
    # (`Retrieval.scope_lead`; None: not measured, a named paper or a date range)
    scope: float | None = None
    words: int = 0  # how many words it weighs (`LexicalIndex.words_asked`)


def _standalone(assistant, q: GoldenQuestion) -> str:
    if not q.history:
        return q.question
    conversation = assistant.chat(since=q.since, until=q.until, topic=q.topic)
    for turn in q.history:
        conversation.ask(turn, mode="extractive")
    return conversation.condense(q.question)


def _retrieve(retriever, q: GoldenQuestion, query: str) -> Seen:
    result = retriever.retrieve(query, q.filters)
    hybrid = [(h.dense or 0.0, h.lexical or 0.0) for h in result.hits if h.via == "hybrid"]
    return Seen(
        q,
        [h.arxiv_id for h in result.hits][:K],
        bool(result.hits) and result.hits[0].via != "hybrid",
        hybrid,
        result.unknown,
        result.papers,
        result.dated,
        bool(result.absent),
        concept_idf=result.concept_idf,
        advice=result.advice,
        scope=result.scope_lead,
        words=result.words,
    )


def _refused(
    seen: Seen,
    floor: float,
    penalty: float = 0.0,
    rate: float = 0.0,
    concept: tuple[float, float] = (0.0, 0.0),
    advice: float = 0.0,
    scope: float = 0.0,
    described: float = 0.0,
) -> bool:
    """The retriever's own gate, at another floor and unknown-words discount, with an
    absent concept (IDF, evidence floor) refused below that floor, a question asking
    advice below the `advice` floor, and one at least `scope` nearer an example of what
    digests do not answer than any paper (0: no such check), and a question of more than
    `described` words held to floors (the gate's, the concept's) scaled down by its length
    (0: no such scaling)."""
    gate = relevance_floor(floor, seen.dated, seen.words, described)
    if seen.advice:
        gate = max(gate, advice)
    unknown = seen.unknown * unseen_weight(seen.papers, rate)
    best = max((evidence(c, lex, unknown, penalty) for c, lex in seen.hybrid), default=0.0)
    # (the concept's floor scaled as the gate's is, as the retriever scales it)
    concept_floor = relevance_floor(concept[1], False, seen.words, described)
    absent_concept = not seen.direct and concept_refuses(
        seen.concept_idf, best, concept[0], concept_floor
    )
    outside = bool(scope) and seen.scope is not None and seen.scope >= scope
    return seen.absent or not passes_gate(seen.direct, best, gate) or absent_concept or outside


@contextmanager
def _assistant_over(where: Path) -> Iterator:
    """An assistant over `where`: a store folder, or digests ingested into a temporary
    store (deleted afterwards)."""
    from assistant.app.api import Assistant

    settings = Settings()
    is_store = (where / "chroma.sqlite3").is_file()
    store = settings.model_copy(update={"store_dir": where, "chroma_host": None})
    with evaluation_store(store if is_store else settings, None if is_store else where) as (
        store_settings,
        _,
    ):
        yield Assistant(store_settings)


def _collect(
    golden_path: Path, where: Path, weights: tuple[float, ...]
) -> tuple[dict[float, list[Seen]], list, str]:
    """Each question of a dev file retrieved at each dense weight, its theme questions'
    sets, and the embedder's identity."""
    questions = load_golden(golden_path)
    seen: dict[float, list[Seen]] = {w: [] for w in weights}
    with _assistant_over(where) as assistant:
        retriever = assistant.retriever
        queries = [_standalone(assistant, q) for q in questions]
        themes = [_theme_set(retriever, q) for q in questions if q.kind == "theme"]
        for weight in weights:
            retriever.calibration = cal.Calibration(weight, 1.0, 0.0)
            for q, query in zip(questions, queries, strict=True):
                seen[weight].append(_retrieve(retriever, q, query))
                seen[weight][-1].golden = str(golden_path)
        return seen, themes, retriever.embedder.embedder_id


def _similar_recall(golden_path: Path, where: Path) -> dict[float, list[float]]:
    """For each weight of BM25 in `HybridRetriever.similar`, the recall of each `similar`
    question of a dev file: the share of its expected papers (but the first, the paper it
    names) among the SIMILAR_SHOWN papers ranked most like that paper."""
    questions = [q for q in load_golden(golden_path) if q.kind == "similar" and q.expected_ids]
    recall: dict[float, list[float]] = {w: [] for w in SIMILAR_WEIGHTS}
    with _assistant_over(where) as assistant:
        retriever = assistant.retriever
        calibrated = retriever.calibration
        try:
            for weight in SIMILAR_WEIGHTS:
                retriever.calibration = replace(calibrated, similar_lexical=weight)
                for q in questions:
                    paper, *like = q.expected_ids
                    shown = retriever.similar(paper, SIMILAR_SHOWN) or {}
                    if like:
                        recall[weight].append(len(set(like) & set(shown)) / len(set(like)))
        finally:
            retriever.calibration = calibrated
    return recall


def calibrate(
    pairs: list[tuple[Path, Path]],
    max_false: float,
    advice_pairs: list[tuple[Path, Path]] | None = None,
    similar_pairs: list[tuple[Path, Path]] | None = None,
    scope_pairs: list[tuple[Path, Path]] | None = None,
) -> dict:
    """`pairs`: the dev files the gate is calibrated on; `advice_pairs`: dev files of
    questions asking advice on one's own setup and their answerable twins, read for the
    advice floor alone (with the questions of `pairs` that ask advice); `similar_pairs`:
    `similar` questions, for the BM25 weight of similar papers; `scope_pairs`: more dev
    questions, read for the scope margin alone (with those of `pairs` and `advice_pairs`)."""
    by_weight: dict[float, list[Seen]] = {w: [] for w in DENSE_WEIGHTS}
    # each theme question (a set within dates): its expected papers and every paper in its
    # dates with its (dense relevance, term coverage)
    themes: list[tuple[set[str], dict[str, tuple[float, float]]]] = []
    embedder_id = None
    for golden_path, where in pairs:
        seen_at, its_themes, embedder_id = _collect(golden_path, where, DENSE_WEIGHTS)
        themes += its_themes
        for weight, seen in seen_at.items():
            by_weight[weight] += seen

    def mrr(seen: list[Seen]) -> float:
        return statistics.mean(reciprocal_rank(s.ranked, s.q.expected_ids) for s in seen)

    def answerable(seen: list[Seen]) -> list[Seen]:
        return [s for s in seen if not s.q.refuse]

    # each archive counts once, however many questions it has: the weight must suit the
    # five seed digests as well as the eight thousand papers
    sets = [str(g) for g, _ in pairs]
    per_set = {
        w: {g: mrr(answerable([s for s in seen if s.golden == g])) for g in sets}
        for w, seen in by_weight.items()
    }
    scores = {w: statistics.mean(per_set[w].values()) for w in by_weight}
    best = max(DENSE_WEIGHTS, key=lambda w: (round(scores[w], 4), -w))
    seen = by_weight[best]
    ok, off = answerable(seen), [s for s in seen if s.q.refuse]
    floors = []
    for penalty, rate in [(0.0, 0.0)] + [(p, r) for p in PENALTIES[1:] for r in RATES]:
        for floor in FLOORS:
            false = sum(_refused(s, floor, penalty, rate) for s in ok) / max(1, len(ok))
            refused = sum(_refused(s, floor, penalty, rate) for s in off) / max(1, len(off))
            floors.append((floor, penalty, rate, false, refused))
    allowed = [f for f in floors if f[3] <= max_false] or floors[:1]

    def base(f: tuple) -> tuple:
        # the most off-topic questions refused; then the fewest answerable ones, the
        # mildest discount, the lowest floor
        return (f[4], -f[3], -f[1], -f[2], -f[0])

    # with an absent concept (IDF, evidence floor) on top of the best floors: the most
    # off-topic questions refused within the false refusals allowed; then the fewest false
    # refusals, the mildest gate (as `base` breaks its ties: what a floor refused before
    # the concept check is no reason to prefer it once both refuse the same), the rarest
    # pair and the lowest concept floor
    concepts = [(0.0, 0.0)] + [(i, f) for i in CONCEPT_IDFS for f in CONCEPT_FLOORS]
    scored = []
    for f in sorted(allowed, key=base, reverse=True)[:CONCEPT_CANDIDATES]:
        for concept in concepts:
            wrong = sum(_refused(s, *f[:3], concept) for s in ok) / max(1, len(ok))
            if wrong <= max(f[3], max_false):
                right = sum(_refused(s, *f[:3], concept) for s in off) / max(1, len(off))
                scored.append(
                    (
                        (round(right, 4), -wrong, -f[1], -f[2], -f[0], concept[0], -concept[1]),
                        f,
                        concept,
                        wrong,
                        right,
                    )
                )
    # (its false refusals and refusals are measured again below, with the advice floor)
    _, (floor, penalty, rate, _, _), concept, _, _ = max(scored, key=lambda x: x[0])
    gate = (floor, penalty, rate, concept)
    asking, scoping = [s for s in seen if s.advice], list(seen)
    for golden_path, where in advice_pairs or []:
        more = _collect(golden_path, where, (best,))[0][best]
        asking += [s for s in more if s.advice]
        scoping += more
    advice = _advice_floor(
        [s for s in asking if not s.q.refuse], [s for s in asking if s.q.refuse], gate
    )
    for golden_path, where in scope_pairs or []:
        scoping += _collect(golden_path, where, (best,))[0][best]
    scoping_ok = [s for s in scoping if not s.q.refuse]
    scoping_off = [s for s in scoping if s.q.refuse]
    scope, by_margin = _scope_margin(scoping_ok, scoping_off, gate, advice)
    described, by_words = _described_words(scoping_ok, scoping_off, gate, advice, scope)
    rules = {"advice": advice, "scope": scope, "described": described}
    false = sum(_refused(s, *gate, **rules) for s in ok) / max(1, len(ok))
    refused = sum(_refused(s, *gate, **rules) for s in off) / max(1, len(off))
    set_scores = _set_floors(themes, floor)
    set_terms, set_dense = max(set_scores, key=lambda k: (round(set_scores[k], 4), -k[0], -k[1]))
    similar: dict[float, list[float]] = {w: [] for w in SIMILAR_WEIGHTS}
    for golden_path, where in similar_pairs or []:
        for weight, recalls in _similar_recall(golden_path, where).items():
            similar[weight] += recalls
    similar_recall = {w: statistics.mean(r) for w, r in similar.items() if r}
    # the best recall; of equal ones, the vector's neighbours alone as far as they go
    similar_lexical = max(
        similar_recall, key=lambda w: (round(similar_recall[w], 4), -w), default=0.0
    )
    return {
        "embedder": embedder_id.split("@", 1)[0],
        "dense_weight": best,
        "lexical_weight": 1.0,
        "min_relevance": floor,
        "unknown_penalty": penalty,
        "unseen_rate": rate,
        "set_terms": set_terms,
        "set_dense": set_dense,
        "concept_idf": concept[0],
        "concept_floor": concept[1],
        "advice_floor": advice,
        "similar_lexical": similar_lexical,
        "scope_margin": scope,
        "described_words": described,
        "measured_on": ", ".join(
            str(g)
            for g, _ in [
                *pairs,
                *(advice_pairs or []),
                *(similar_pairs or []),
                *(scope_pairs or []),
            ]
        ),
        "dev": {
            "questions": len(seen),
            "mrr_by_dense_weight": {str(w): round(v, 4) for w, v in scores.items()},
            "mrr_by_set": {g: {str(w): round(per_set[w][g], 4) for w in per_set} for g in sets},
            "hit_at_1": round(
                statistics.mean(hit_at(s.ranked, s.q.expected_ids, 1) for s in ok), 4
            ),
            "false_refusal_rate": round(false, 4),
            "offtopic_refused": round(refused, 4),
            "scope_questions": len(scoping),
            "refused_by_scope_margin": {
                str(m): {"answerable": wrong, "off_topic": right}
                for m, (wrong, right) in by_margin.items()
            },
            "refused_by_described_words": {
                str(n): {"answerable": wrong, "off_topic": right}
                for n, (wrong, right) in by_words.items()
            },
            "theme_questions": len(themes),
            "theme_set_f2": {f"{t}/{d}": round(v, 4) for (t, d), v in set_scores.items()},
            "similar_questions": len(similar[SIMILAR_WEIGHTS[0]]),
            f"similar_recall_at_{SIMILAR_SHOWN}": {
                str(w): round(v, 4) for w, v in similar_recall.items()
            },
        },
    }


def _advice_floor(ok: list[Seen], off: list[Seen], gate: tuple) -> float:
    """The evidence a question asking advice on one's own setup needs (`ok`, `off`: the
    answerable and off-topic dev questions that ask advice): of the floors that refuse the
    most of the off-topic ones and no answerable one the gate itself answers, the lowest
    (as the gate's own floor is chosen)."""
    wrong = {a: sum(_refused(s, *gate, advice=a) for s in ok) for a in ADVICE_FLOORS}
    right = {a: sum(_refused(s, *gate, advice=a) for s in off) for a in ADVICE_FLOORS}
    allowed = [a for a in ADVICE_FLOORS if wrong[a] <= wrong[ADVICE_FLOORS[0]]]
    most = max(right[a] for a in allowed)
    return min(a for a in allowed if right[a] == most)


def _scope_margin(
    ok: list[Seen], off: list[Seen], gate: tuple, advice: float
) -> tuple[float, dict[float, tuple[int, int]]]:
    """How much nearer an example of what digests do not answer (`scope`) than any paper a
    question must be to be refused: of the margins that refuse no answerable dev question
    the gate answers, the highest refusing nearly the most off-topic ones (within
    SCOPE_SLACK of the most: the widest berth for unseen answerable questions); 0 when
    none refuses one more. With (answerable, off-topic) questions refused at each margin."""

    def refused(seen: list[Seen], margin: float) -> int:
        return sum(_refused(s, *gate, advice=advice, scope=margin) for s in seen)

    by_margin = {m: (refused(ok, m), refused(off, m)) for m in (0.0, *SCOPE_MARGINS)}
    allowed = [m for m in SCOPE_MARGINS if by_margin[m][0] <= by_margin[0.0][0]]
    most = max((by_margin[m][1] for m in allowed), default=by_margin[0.0][1])
    if most <= by_margin[0.0][1]:
        return 0.0, by_margin
    # (within SCOPE_SLACK of the most: a narrower margin refusing a handful more of the dev
    # questions is no reason to give up the berth; 0.025 refused 439 against 0.05's 437,
    # and "2025년 2월 추론 논문 몇 편이야?" of the seeds, unseen)
    near = most - SCOPE_SLACK * most
    return max(m for m in allowed if by_margin[m][1] >= near), by_margin


def _described_words(
    ok: list[Seen], off: list[Seen], gate: tuple, advice: float, scope: float
) -> tuple[int, dict[int, tuple[int, int]]]:
    """The length (words weighed) above which a question describes its paper and its floor
    scales down (`hybrid.relevance_floor`): of the lengths that refuse every off-topic dev
    question the gate refuses without the rule, the one refusing the fewest answerable
    ones, the longest of those (the mildest); 0 when none refuses fewer. With (answerable,
    off-topic) questions refused at each length."""

    def refused(seen: list[Seen], words: int) -> int:
        return sum(_refused(s, *gate, advice=advice, scope=scope, described=words) for s in seen)

    by_words = {n: (refused(ok, n), refused(off, n)) for n in DESCRIBED_WORDS}
    allowed = [n for n in DESCRIBED_WORDS if by_words[n][1] >= by_words[0][1]]
    fewest = min(by_words[n][0] for n in allowed)
    if fewest >= by_words[0][0]:
        return 0, by_words
    return max(n for n in allowed if by_words[n][0] == fewest), by_words


def _theme_set(retriever, q: GoldenQuestion) -> tuple[set[str], dict[str, tuple[float, float]]]:
    """A theme question's expected papers, and each paper in its dates with its (dense
    relevance, term coverage) for the question's topic (read as the router reads it)."""
    from assistant.answer.topic import topic_words
    from assistant.understand.query import analyse

    retriever.calibration = cal.Calibration(1.0, 1.0, 0.0)  # no gate: every paper in range
    info = analyse(
        q.question, q.filters, retriever.catalog.latest_date(), retriever.catalog.oldest_date()
    )
    topic = " ".join(topic_words(q.question, info, []))
    hits = retriever.gate_all(topic, info.filters).hits
    scored = {h.arxiv_id: (dense_relevance(h.dense or 0.0), h.lexical or 0.0) for h in hits}
    return set(q.expected_ids), scored


def _set_floors(themes: list, floor: float) -> dict[tuple[float, float], float]:
    """(set_terms, set_dense) -> mean F-beta of the theme questions' sets (the papers that
    pass the gate at `floor` and either set floor: `set_terms` of the best term coverage
    among them, or `set_dense` dense relevance) against the papers each expects. The
    discount for words no paper has is left out: a theme's words are all in the archive."""
    gated = [
        (wanted, {p: (d, lex) for p, (d, lex) in scored.items() if max(d, lex) >= floor})
        for wanted, scored in themes
    ]
    out: dict[tuple[float, float], float] = {}
    for terms in SET_TERMS:
        for dense in SET_DENSE:
            scores = []
            for wanted, passing in gated:
                most = max((lex for _, lex in passing.values()), default=0.0)
                kept = {p for p, (d, lex) in passing.items() if lex >= terms * most or d >= dense}
                scores.append(_f_beta(kept, wanted, SET_BETA))
            out[(terms, dense)] = statistics.mean(scores) if scores else 0.0
    return out


def _f_beta(got: set[str], wanted: set[str], beta: float) -> float:
    hit = len(got & wanted)
    if not hit:
        return 0.0
    precision, recall = hit / len(got), hit / len(wanted)
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", required=True, metavar="GOLDEN=STORE_OR_DIGESTS")
    parser.add_argument(
        "--advice",
        action="append",
        default=[],
        metavar="GOLDEN=STORE_OR_DIGESTS",
        help="dev questions asking advice on one's own setup: for the advice floor alone",
    )
    parser.add_argument(
        "--similar",
        action="append",
        default=[],
        metavar="GOLDEN=STORE",
        help="dev questions of kind `similar` (expected ids: the paper, then papers like it) "
        "and their store: for the BM25 weight of similar papers alone",
    )
    parser.add_argument(
        "--scope",
        action="append",
        default=[],
        metavar="GOLDEN=STORE_OR_DIGESTS",
        help="more dev questions, answerable and off-topic: for the scope margin alone",
    )
    parser.add_argument("--max-false-refusals", type=float, default=MAX_FALSE)
    parser.add_argument("--dry-run", action="store_true", help="Print, do not write the file.")
    args = parser.parse_args(argv)
    pairs, advice, similar, scope = [], [], [], []
    for items, into in (
        (args.set, pairs),
        (args.advice, advice),
        (args.similar, similar),
        (args.scope, scope),
    ):
        for item in items:
            golden, _, where = item.partition("=")
            if "test" in Path(golden).name:
                parser.error(
                    f"{golden}: calibrate on dev splits only; test splits are for the gate"
                )
            into.append((Path(golden), Path(where)))
    result = calibrate(pairs, args.max_false_refusals, advice, similar, scope)
    print(json.dumps(result, indent=2))
    if not args.dry_run:
        table = cal._table() if cal.CALIBRATION_FILE.is_file() else {}
        table = dict(table)
        table[result.pop("embedder")] = result
        cal.CALIBRATION_FILE.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        print(f"written: {cal.CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
