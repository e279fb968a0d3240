"""Evaluation: golden questions -> retrieval systems and answers -> metrics -> scorecard -> gate.

    golden = load_golden(Path("tests/golden/seeds_test.jsonl"))
    card = evaluate(golden, Settings())          # a plain dict (also what --json prints)
    checks = check_gate(card, load_gate())       # thresholds from [tool.digest.eval]

Every retrieval system shares one interface, `rank(query, filters, k) -> [arXiv id, ...]`
best first, so they are scored by the same metric functions:

- hybrid: the assistant's own retrieval (`Assistant.retrieve`: routing + dense + BM25, fused);
- dense: only the Chroma vector search (`HybridRetriever.dense`);
- bm25: only the lexical index (`HybridRetriever.lexical_scores`);
- tutorial: what a user would build from the llama-index starter tutorial: the raw digest
  files through `SimpleDirectoryReader` + `SentenceSplitter` (defaults) into an in-memory
  `VectorStoreIndex` with our embedder passed as `embed_model=`. It retrieves chunks, not
  papers; a chunk is mapped to the arXiv ids linked in its text, in text order, chunks in
  rank order, duplicates dropped. It sees no filters and no chat history.

Follow-up questions are asked in a `Conversation` that first replays their history; hybrid,
dense and bm25 then retrieve with the same standalone (condensed) question, the tutorial
pipeline with the raw question. Questions with `refuse: true` are left out of retrieval
metrics and count for refusal metrics only. Answers (refusal, citations, facts) are the
hybrid system's, through `Assistant.ask`; the baselines are scored on retrieval only.

Metric definitions are in `assistant.eval.metrics`.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.errors import DigestError
from assistant.eval.baselines import (
    LINKED_ID,
    BM25Ranker,
    DenseRanker,
    HybridRanker,
    Ranker,
    TutorialRanker,
)
from assistant.eval.gate import ROOT
from assistant.eval.golden import GoldenQuestion
from assistant.eval.metrics import (
    RETRIEVAL_METRICS,
    K,
    hit_at,
    mean,
    ndcg_at,
    percentile,
    ratio,
    recall_at,
    reciprocal_rank,
)

if TYPE_CHECKING:
    from assistant.app.api import Assistant

SYSTEMS = ("hybrid", "dense", "bm25", "tutorial")
KINDS = (
    "single",
    "korean_only",
    "korean",
    "topic",
    "date",
    "author_code",
    "arxiv_id",
    "followup",
    "offtopic",
)


@dataclass
class Outcome:
    """Everything measured for one golden question."""

    q: GoldenQuestion
    query: str = ""  # the standalone question the systems retrieved with
    ranked: dict[str, list[str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    answer: dict[str, Any] | None = None

    def scores(self, system: str) -> dict[str, float]:
        ranked, expected = self.ranked[system], self.q.expected_ids
        return {
            "hit_at_1": hit_at(ranked, expected, 1),
            "hit_at_5": hit_at(ranked, expected, 5),
            "recall_at_5": recall_at(ranked, expected, 5),
            "recall_at_10": recall_at(ranked, expected, K),
            "mrr": reciprocal_rank(ranked, expected, K),
            "ndcg_at_10": ndcg_at(ranked, expected, K),
        }


def default_golden() -> Path:
    """tests/golden/seeds_test.jsonl, in the working folder or else in the source checkout."""
    local = Path("tests/golden/seeds_test.jsonl")
    return local if local.is_file() else ROOT / local


def default_digests(settings: Settings) -> Path:
    """The configured seeds folder, in the working folder or else in the source checkout."""
    path = settings.seeds_dir
    return path if path.exists() or path.is_absolute() else ROOT / path


def tutorial_files(catalog, digests: Path | None, settings: Settings) -> tuple[list[Path], str]:
    """The digest files the tutorial baseline indexes: the ones the evaluated store was built
    from (every paper's source files), so that it sees the same papers as the system.

    Falls back to `digests`, then to the seeds folder, only when no source file is readable
    (a store ingested from another working folder).
    """
    from assistant.ingest.pipeline import discover

    sources = sorted({s for paper in catalog.papers.values() for s in paper.sources})
    found = [Path(s) for s in sources if Path(s).is_file()]
    if found:
        missing = len(sources) - len(found)
        where = f"the store's {len(found)} digest files"
        return found, where + (f" ({missing} source files not found)" if missing else "")
    folder = digests or default_digests(settings)
    files, _ = discover([folder])
    return files, f"{folder} (the store's source files were not found)"


@contextmanager
def evaluation_store(
    settings: Settings, digests: Path | None = None, keep: Path | None = None
) -> Iterator[tuple[Settings, dict[str, Any]]]:
    """Settings of the store to evaluate, with facts about it.

    The configured store, unless it is empty or `digests` is given: then the digests (default:
    the seeds folder) are ingested into a temporary store, deleted afterwards, or into the
    folder `keep`, which is kept (ingestion is incremental: a second run embeds nothing).
    """
    from assistant.index.catalog import Catalog

    if digests is None and keep is None and len(Catalog.load(settings)):
        yield settings, {"store": settings.describe_store(), "temporary_store": False}
        return
    digests = digests or default_digests(settings)
    with tempfile.TemporaryDirectory(prefix="digest-eval-", ignore_cleanup_errors=True) as tmp:
        from assistant.ingest.pipeline import ingest

        folder = Path(keep) if keep else Path(tmp)
        temp = settings.model_copy(update={"store_dir": folder, "chroma_host": None})
        started = time.perf_counter()
        report = ingest([digests], temp)
        if not report.papers_total:
            raise DigestError(f"no papers found in {digests}: nothing to evaluate")
        yield (
            temp,
            {
                "store": f"{'store ' + str(folder) if keep else 'temporary store'} "
                f"built from {digests}",
                "temporary_store": not keep,
                "ingest_seconds": round(time.perf_counter() - started, 1),
                "ingest_errors": len(report.errors),
            },
        )


def _judges(settings: Settings, mode: str) -> tuple[dict[str, Any], str | None]:
    """llama-index faithfulness and relevancy evaluators, when an LLM is configured."""
    if mode != "llm":
        return {}, None
    if not settings.llm_configured:
        return {}, "faithfulness/relevancy skipped: set OPENAI_API_KEY or OPENAI_BASE_URL"
    from llama_index.core.evaluation import FaithfulnessEvaluator, RelevancyEvaluator
    from llama_index.llms.openai_like import OpenAILike

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
    llm = OpenAILike(
        model=settings.llm_model,
        api_base=settings.openai_base_url or "https://api.openai.com/v1",
        api_key=key,
        is_chat_model=True,
        temperature=0.0,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
    )
    # One event loop of their own for every judge call of this run: the judges share the
    # LLM's async client, whose connections belong to the loop they were opened on, and
    # llama-index's sync `evaluate` would borrow whatever loop the thread has (an earlier
    # async caller may have closed it: "Connection error").
    loop = asyncio.new_event_loop()

    def on_loop(judge):
        return lambda **kwargs: loop.run_until_complete(judge.aevaluate(**kwargs))

    return {
        "faithfulness": on_loop(FaithfulnessEvaluator(llm=llm)),
        "relevancy": on_loop(RelevancyEvaluator(llm=llm)),
    }, None


def _answer_facts(assistant: Assistant, q: GoldenQuestion, answer, judges) -> dict[str, Any]:
    """What the answer did: refusal, citations (checked against the store), facts, judges."""
    catalog = assistant.catalog
    cited = [c.arxiv_id for c in answer.citations]
    links = [(c.arxiv_id, c.url, c.title) for c in answer.citations]
    links += [(pid, None, None) for pid in LINKED_ID.findall(answer.text)]
    invalid = [
        pid
        for pid, url, title in links
        if pid not in catalog
        or (url is not None and url != catalog.papers[pid].url)
        or (title is not None and title != catalog.papers[pid].title)
    ]
    text = answer.text.lower()
    out: dict[str, Any] = {
        "refused": answer.refused,
        "text": answer.text,
        "cited": cited,
        "links": len(links),
        "invalid_links": invalid,
        "facts_found": [f for f in q.facts if f.lower() in text],
    }
    for name, judge in judges.items():
        out[name] = None
        if answer.refused or not cited:
            continue
        contexts = [f"{catalog.papers[p].title}\n{catalog.papers[p].summary()}" for p in cited]
        try:
            result = judge(query=q.question, response=answer.text, contexts=contexts)
            out[name] = 1.0 if result.passing else 0.0
        except Exception as exc:  # a judge failing must not sink the whole run
            out[f"{name}_error"] = str(exc)[:200]
    return out


def _run_one(
    assistant: Assistant, rankers: Sequence[Ranker], q: GoldenQuestion, mode: str, judges
) -> Outcome:
    outcome = Outcome(q)
    options = {"since": q.since, "until": q.until, "topic": q.topic, "mode": mode}
    started = time.perf_counter()
    if q.history:
        conversation = assistant.chat(**options)
        for turn in q.history:
            conversation.ask(turn)
        started = time.perf_counter()
        answer = conversation.ask(q.question)
    else:
        answer = assistant.ask(q.question, **options)
    outcome.seconds["answer"] = time.perf_counter() - started
    outcome.query = answer.standalone_question or q.question
    outcome.answer = _answer_facts(assistant, q, answer, judges)
    # An answer the router composed from tool calls (a list, a count, a paper's authors)
    # used the tools' papers, not a retrieval: those are the assistant's ranking.
    routed = [s for s in answer.steps if s.tool != "retrieve"]
    for ranker in rankers:
        query = q.question if ranker.name == "tutorial" else outcome.query
        started = time.perf_counter()
        if ranker.name == "hybrid" and routed:
            outcome.ranked[ranker.name] = [s.arxiv_id for s in answer.sources][:K]
            outcome.seconds[ranker.name] = 0.0
            continue
        outcome.ranked[ranker.name] = ranker.rank(query, q.filters, K)[:K]
        outcome.seconds[ranker.name] = time.perf_counter() - started
    return outcome


def evaluate(
    golden: Sequence[GoldenQuestion],
    settings: Settings,
    *,
    digests: Path | None = None,
    keep_store: Path | None = None,
    systems: Sequence[str] = SYSTEMS,
    mode: str | None = None,
    golden_path: Path | None = None,
    on_question: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Run every golden question through the systems and return the scorecard (a dict)."""
    from assistant.app.api import Assistant

    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown or not systems:
        raise DigestError(f"unknown systems {unknown}: choose from {', '.join(SYSTEMS)}")
    started = time.perf_counter()
    with evaluation_store(settings, digests, keep_store) as (store_settings, meta):
        assistant = Assistant(store_settings)
        mode = assistant.mode(mode)
        assistant.retrieve("warm-up question about attention")  # loads models before timing
        notes: list[str] = []
        rankers: list[Ranker] = []
        for name in systems:
            if name == "tutorial":
                files, where = tutorial_files(assistant.catalog, digests, settings)
                t0 = time.perf_counter()
                embedder = assistant.retriever.embedder  # lazy: the llama-index model on demand
                tutorial = TutorialRanker(files, getattr(embedder, "model", embedder))
                meta["tutorial_index_seconds"] = round(time.perf_counter() - t0, 1)
                notes.append(
                    f"tutorial: {tutorial.chunks} chunks from {where} (SentenceSplitter "
                    "defaults); chunks map to the arXiv ids linked in them; no filters or history"
                )
                rankers.append(tutorial)
            else:
                cls = {"hybrid": HybridRanker, "dense": DenseRanker, "bm25": BM25Ranker}[name]
                rankers.append(cls(assistant))
        judges, note = _judges(store_settings, mode)
        notes += [note] if note else []
        outcomes = []
        for i, q in enumerate(golden, start=1):
            try:
                outcomes.append(_run_one(assistant, rankers, q, mode, judges))
            except DigestError as exc:
                raise DigestError(f"{golden_path or 'golden'}:{q.line} ({q.id}): {exc}") from exc
            if on_question:
                on_question(i, len(golden))
        missing = sorted({p for q in golden for p in q.expected_ids if p not in assistant.catalog})
        if missing:
            notes.append(f"expected ids not in the store: {', '.join(missing[:20])}")
        titles = {pid: p.title for pid, p in assistant.catalog.papers.items()}
    meta.update(
        golden=str(golden_path or ""),
        questions=len(golden),
        mode=mode,
        systems=list(systems),
        k=K,
        seconds=round(time.perf_counter() - started, 1),
        notes=notes,
    )
    return scorecard(outcomes, list(systems), meta, titles)


def _summarize(outcomes: Sequence[Outcome], system: str) -> dict[str, Any]:
    """Metrics of one system over some outcomes (None where nothing applies)."""
    answerable = [o for o in outcomes if not o.q.refuse]
    per_q = [o.scores(system) for o in answerable]
    out: dict[str, Any] = {"questions": len(outcomes), "retrieval_questions": len(per_q)}
    for metric in RETRIEVAL_METRICS:
        out[metric] = mean([s[metric] for s in per_q])
    ms = [o.seconds[system] * 1000 for o in outcomes]
    out["latency_p50_ms"], out["latency_p95_ms"] = percentile(ms, 50), percentile(ms, 95)
    if system != "hybrid":
        return out
    answers = [o for o in outcomes if o.answer is not None]
    refused = [o for o in answers if o.answer["refused"]]
    cited = [(p, o.q.expected_ids) for o in answers for p in o.answer["cited"]]
    n_links = sum(o.answer["links"] for o in answers)
    n_invalid = sum(len(o.answer["invalid_links"]) for o in answers)
    with_facts = [o for o in answers if o.q.facts and not o.q.refuse]
    out.update(
        refusal_accuracy=ratio(
            sum(o.answer["refused"] == o.q.refuse for o in answers), len(answers)
        ),
        refusal_recall=ratio(sum(o.q.refuse for o in refused), sum(o.q.refuse for o in answers)),
        false_refusal_rate=ratio(sum(not o.q.refuse for o in refused), len(answerable)),
        cited_recall=mean(
            [
                len(set(o.answer["cited"]) & set(o.q.expected_ids)) / len(set(o.q.expected_ids))
                for o in answers
                if not o.q.refuse and o.q.expected_ids
            ]
        ),
        citation_precision=ratio(sum(p in expected for p, expected in cited), len(cited)),
        citation_validity=ratio(n_links - n_invalid, n_links),
        fact_presence=ratio(
            sum(len(o.answer["facts_found"]) for o in with_facts),
            sum(len(o.q.facts) for o in with_facts),
        ),
        answer_p50_ms=percentile([o.seconds["answer"] * 1000 for o in answers], 50),
        answer_p95_ms=percentile([o.seconds["answer"] * 1000 for o in answers], 95),
    )
    for judge in ("faithfulness", "relevancy"):
        marks = [o.answer.get(judge) for o in answers if o.answer.get(judge) is not None]
        out[judge] = mean(marks)
    return out


def _miss(o: Outcome, system: str, titles: dict[str, str]) -> dict[str, Any] | None:
    """Why a question counts as missed by a system (None when it does not)."""
    reasons = []
    if not o.q.refuse and not o.scores(system)["hit_at_5"]:
        reasons.append("no expected paper in the top 5")
    if system == "hybrid" and o.answer is not None:
        if o.answer["refused"] != o.q.refuse:
            reasons.append(
                "refused an answerable question" if o.answer["refused"] else "did not refuse"
            )
        if not o.q.refuse and (lost := [f for f in o.q.facts if f not in o.answer["facts_found"]]):
            reasons.append(f"facts missing from the answer: {', '.join(lost)}")
        if o.answer["invalid_links"]:
            reasons.append(f"invalid links: {', '.join(o.answer['invalid_links'])}")
    if not reasons:
        return None
    return {
        "id": o.q.id,
        "kind": o.q.kind,
        "question": o.q.question,
        "query": o.query,
        "expected": [{"id": p, "title": titles.get(p, "(not in store)")} for p in o.q.expected_ids],
        "retrieved": [{"id": p, "title": titles.get(p, "")} for p in o.ranked[system][:5]],
        "cited": o.answer["cited"] if system == "hybrid" and o.answer else [],
        "answer": o.answer["text"][:300] if system == "hybrid" and o.answer else "",
        "reasons": reasons,
    }


def scorecard(
    outcomes: Sequence[Outcome], systems: Sequence[str], meta: dict, titles: dict[str, str]
) -> dict[str, Any]:
    """The whole result as plain data: per-system metrics overall and by kind, misses, rows."""
    kinds = sorted({o.q.kind for o in outcomes}, key=lambda k: (KINDS + (k,)).index(k))
    card: dict[str, Any] = {"meta": meta, "systems": {}, "misses": {}, "questions": []}
    for system in systems:
        card["systems"][system] = {
            "overall": _summarize(outcomes, system),
            "by_kind": {
                k: _summarize([o for o in outcomes if o.q.kind == k], system) for k in kinds
            },
        }
        card["misses"][system] = [m for o in outcomes if (m := _miss(o, system, titles))]
    for o in outcomes:
        card["questions"].append(
            {
                "id": o.q.id,
                "kind": o.q.kind,
                "question": o.q.question,
                "query": o.query,
                "expected_ids": list(o.q.expected_ids),
                "refuse": o.q.refuse,
                "retrieved": o.ranked,
                "scores": {s: o.scores(s) for s in systems} if not o.q.refuse else {},
                "answer": o.answer,
                "ms": {s: round(v * 1000, 1) for s, v in o.seconds.items()},
            }
        )
    return card
