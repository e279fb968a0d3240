"""Evaluation: golden questions -> retrieval systems and answers -> metrics -> scorecard -> gate.

    golden = load_golden(Path("tests/golden/seeds.jsonl"))
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

Metric definitions (binary relevance: a paper is relevant when it is in `expected_ids`):
hit@k 1 if any of the top k is relevant; recall@10 share of expected papers in the top 10;
MRR 1/rank of the first relevant paper in the top 10 (0 if none); nDCG@10 DCG of the top 10
(gain 1/log2(rank+1)) over the ideal DCG of min(|expected|, 10) relevant papers. hit@k, MRR
and recall equal llama-index's HitRate, MRR and Recall on the top-10 list (tested); nDCG
equals llama-index's NDCG when at most 10 papers are expected (it does not cap the ideal).
"""

from __future__ import annotations

import asyncio
import json
import math
import operator
import re
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.config import Settings
from assistant.errors import DigestError
from assistant.types import Filters

if TYPE_CHECKING:
    from assistant.app.api import Assistant

ROOT = Path(__file__).resolve().parents[2]  # the source checkout, for default files
K = 10  # depth of every ranking
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
RETRIEVAL_METRICS = ("hit_at_1", "hit_at_5", "recall_at_10", "mrr", "ndcg_at_10")
ANSWER_METRICS = (
    "refusal_accuracy",
    "false_refusal_rate",
    "citation_precision",
    "citation_validity",
    "fact_presence",
    "faithfulness",
    "relevancy",
)
DEFAULT_GATE: dict[str, Any] = {
    "system": "hybrid",
    "beat_baselines": ["hit_at_5", "mrr"],
    "hit_at_5": ">= 0.95",
    "refusal_accuracy": ">= 0.9",
    "citation_validity": "== 1.0",
}
_LINKED_ID = re.compile(r"(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/(\d{4}\.\d{4,5})")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class GoldenError(DigestError):
    """The golden-question file is malformed; the message names file and line."""


# ----------------------------------------------------------------------- golden questions


@dataclass(frozen=True)
class GoldenQuestion:
    id: str
    kind: str
    question: str
    expected_ids: tuple[str, ...]
    facts: tuple[str, ...]
    refuse: bool
    history: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    line: int = 0

    @property
    def filters(self) -> Filters:
        return Filters(self.since, self.until, self.topic)


def _str_list(row: dict, key: str, problems: list[str]) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"`{key}` must be a list of non-empty strings")
        return ()
    return tuple(value)


def _parse_row(row: Any) -> tuple[GoldenQuestion | None, list[str]]:
    if not isinstance(row, dict):
        return None, ["each line must be a JSON object"]
    problems: list[str] = []
    required = {"id": str, "kind": str, "question": str, "expected_ids": list}
    required |= {"facts": list, "refuse": bool}
    for key, kind in required.items():
        if key not in row:
            problems.append(f"missing key `{key}`")
        elif not isinstance(row[key], kind):
            problems.append(f"`{key}` must be a {'list' if kind is list else kind.__name__}")
    known = set(required) | {"history", "since", "until", "topic"}
    problems += [f"unknown key `{k}`" for k in row if k not in known]
    if problems:
        return None, problems
    if not re.fullmatch(r"[a-z0-9_]+", row["kind"]):
        problems.append(f"`kind` {row['kind']!r} must be lowercase letters, digits or _")
    if not row["question"].strip():
        problems.append("`question` is empty")
    expected = _str_list(row, "expected_ids", problems)
    if bad := [i for i in expected if not re.fullmatch(r"\d{4}\.\d{4,5}", i)]:
        problems.append(f"`expected_ids` must be bare arXiv ids like 2502.18137, got {bad}")
    if row["refuse"] and expected:
        problems.append("a question with `refuse: true` must have `expected_ids: []`")
    if not row["refuse"] and not expected:
        problems.append("`expected_ids` is empty but `refuse` is false")
    for key in ("since", "until"):
        if key in row and not (isinstance(row[key], str) and _DAY.match(row[key])):
            problems.append(f"`{key}` must be a date string YYYY-MM-DD")
    if "topic" in row and not (isinstance(row["topic"], str) and row["topic"].strip()):
        problems.append("`topic` must be a non-empty string")
    question = GoldenQuestion(
        id=row["id"],
        kind=row["kind"],
        question=row["question"].strip(),
        expected_ids=expected,
        facts=_str_list(row, "facts", problems),
        refuse=row["refuse"],
        history=_str_list(row, "history", problems),
        since=row.get("since"),
        until=row.get("until"),
        topic=row.get("topic"),
    )
    return (None if problems else question), problems


def load_golden(path: Path) -> list[GoldenQuestion]:
    """Read and validate a golden JSONL file; every problem is reported as `file:line: ...`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldenError(f"cannot read golden questions {path}: {exc}") from exc
    out: list[GoldenQuestion] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not text.strip():
            errors.append(f"{where}: blank line (one JSON object per line)")
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        question, problems = _parse_row(row)
        errors += [f"{where}: {p}" for p in problems]
        if question is None:
            continue
        if question.id in seen:
            errors.append(
                f"{where}: duplicate id {question.id!r} (first on line {seen[question.id]})"
            )
        seen[question.id] = number
        out.append(replace(question, line=number))
    if not out and not errors:
        errors.append(f"{path}: no questions")
    if errors:
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise GoldenError("invalid golden questions:\n" + "\n".join(errors[:20]) + more)
    return out


# ------------------------------------------------------------------------------- metrics


def hit_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """1.0 when any of the first k ranked ids is expected."""
    return float(any(pid in expected for pid in ranked[:k]))


def recall_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Share of the expected ids found among the first k."""
    return len(set(ranked[:k]) & set(expected)) / len(set(expected)) if expected else 0.0


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str], k: int = K) -> float:
    """1/rank of the first expected id within the first k (0.0 when there is none)."""
    return next((1.0 / (i + 1) for i, pid in enumerate(ranked[:k]) if pid in expected), 0.0)


def ndcg_at(ranked: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Binary-relevance nDCG@k; the ideal ranking has min(|expected|, k) relevant ids."""
    wanted = set(expected)
    dcg = sum(1.0 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in wanted)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(wanted), k)))
    return dcg / ideal if ideal else 0.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


# ------------------------------------------------------------------------------- systems


class Ranker(Protocol):
    """A retrieval system under test: a question in, arXiv ids out, best first."""

    name: str

    def rank(self, query: str, filters: Filters, k: int) -> list[str]: ...


@dataclass
class HybridRanker:
    assistant: Assistant
    name: str = "hybrid"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        return [h.arxiv_id for h in self.assistant.retrieve(query, filters, k).hits]


@dataclass
class DenseRanker:
    assistant: Assistant
    name: str = "dense"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        retriever = self.assistant.retriever
        scores = retriever.dense(query, k, retriever.allowed(retriever.resolve_topic(filters)))
        return sorted((p for p in scores if p in retriever.catalog), key=scores.get, reverse=True)


@dataclass
class BM25Ranker:
    assistant: Assistant
    name: str = "bm25"

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        retriever = self.assistant.retriever
        allowed = retriever.allowed(retriever.resolve_topic(filters))
        # ask for every paper, so that filtering leaves k when there are k
        scores = retriever.lexical_scores(query, allowed, len(retriever.ids))
        return sorted(scores, key=scores.get, reverse=True)[:k]


def _tutorial_splitter() -> Any:
    """`SentenceSplitter()` with its default sentence splitting, minus one side effect.

    The default splitter loads NLTK's English stopword list (which it does not use for
    splitting) next to the Punkt tokenizer; NLTK 3.10 refuses to open that file when the
    package manager installed it as a hard link (uv's default). Passing the same untrained
    `PunktSentenceTokenizer` explicitly gives identical chunks without reading the file.
    """
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.node_parser.text.utils import split_by_sentence_tokenizer_internal
    from nltk.tokenize import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    return SentenceSplitter(
        chunking_tokenizer_fn=lambda text: split_by_sentence_tokenizer_internal(text, punkt)
    )


class TutorialRanker:
    """The llama-index starter pipeline over the raw digest files (chunks -> linked ids)."""

    name = "tutorial"

    def __init__(self, digests: Path, embed_model: Any):
        from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

        from assistant.ingest.pipeline import discover

        files, _ = discover([digests])
        if not files:
            raise DigestError(f"no digest files under {digests} for the tutorial baseline")
        documents = SimpleDirectoryReader(input_files=[str(f) for f in files]).load_data()
        self.index = VectorStoreIndex.from_documents(
            documents, embed_model=embed_model, transformations=[_tutorial_splitter()]
        )
        self.chunks = len(self.index.docstore.docs)

    def rank(self, query: str, filters: Filters, k: int) -> list[str]:
        out: list[str] = []
        for hit in self.index.as_retriever(similarity_top_k=k).retrieve(query):
            for pid in _LINKED_ID.findall(hit.node.get_content()):
                if pid not in out:
                    out.append(pid)
        return out


# ------------------------------------------------------------------------------- running


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
            "recall_at_10": recall_at(ranked, expected, K),
            "mrr": reciprocal_rank(ranked, expected, K),
            "ndcg_at_10": ndcg_at(ranked, expected, K),
        }


def default_golden() -> Path:
    """tests/golden/seeds.jsonl, in the working folder or else in the source checkout."""
    local = Path("tests/golden/seeds.jsonl")
    return local if local.is_file() else ROOT / local


def default_digests(settings: Settings) -> Path:
    """The configured seeds folder, in the working folder or else in the source checkout."""
    path = settings.seeds_dir
    return path if path.exists() or path.is_absolute() else ROOT / path


@contextmanager
def evaluation_store(
    settings: Settings, digests: Path | None = None
) -> Iterator[tuple[Settings, dict[str, Any]]]:
    """Settings of the store to evaluate, with facts about it.

    The configured store, unless it is empty or `digests` is given: then the digests (default:
    the seeds folder) are ingested into a temporary store, deleted afterwards.
    """
    from assistant.index.catalog import Catalog

    if digests is None and len(Catalog.load(settings)):
        yield settings, {"store": settings.describe_store(), "temporary_store": False}
        return
    digests = digests or default_digests(settings)
    with tempfile.TemporaryDirectory(prefix="digest-eval-", ignore_cleanup_errors=True) as tmp:
        from assistant.ingest.pipeline import ingest

        temp = settings.model_copy(update={"store_dir": Path(tmp), "chroma_host": None})
        started = time.perf_counter()
        report = ingest([digests], temp)
        if not report.papers_total:
            raise DigestError(f"no papers found in {digests}: nothing to evaluate")
        yield (
            temp,
            {
                "store": f"temporary store built from {digests}",
                "temporary_store": True,
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
    links += [(pid, None, None) for pid in _LINKED_ID.findall(answer.text)]
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
    for ranker in rankers:
        query = q.question if ranker.name == "tutorial" else outcome.query
        started = time.perf_counter()
        outcome.ranked[ranker.name] = ranker.rank(query, q.filters, K)[:K]
        outcome.seconds[ranker.name] = time.perf_counter() - started
    return outcome


def evaluate(
    golden: Sequence[GoldenQuestion],
    settings: Settings,
    *,
    digests: Path | None = None,
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
    with evaluation_store(settings, digests) as (store_settings, meta):
        assistant = Assistant(store_settings)
        mode = assistant.mode(mode)
        assistant.retrieve("warm-up question about attention")  # loads models before timing
        notes: list[str] = []
        rankers: list[Ranker] = []
        for name in systems:
            if name == "tutorial":
                folder = digests or default_digests(settings)
                t0 = time.perf_counter()
                tutorial = TutorialRanker(folder, assistant.retriever.embedder)
                meta["tutorial_index_seconds"] = round(time.perf_counter() - t0, 1)
                notes.append(
                    f"tutorial: {tutorial.chunks} chunks from {folder} (SentenceSplitter "
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
        missing = sorted(
            {p for q in golden for p in q.expected_ids if p not in assistant.catalog}
        )
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


# --------------------------------------------------------------------------- aggregation


def _summarize(outcomes: Sequence[Outcome], system: str) -> dict[str, Any]:
    """Metrics of one system over some outcomes (None where nothing applies)."""
    answerable = [o for o in outcomes if not o.q.refuse]
    per_q = [o.scores(system) for o in answerable]
    out: dict[str, Any] = {"questions": len(outcomes), "retrieval_questions": len(per_q)}
    for metric in RETRIEVAL_METRICS:
        out[metric] = _mean([s[metric] for s in per_q])
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
        refusal_accuracy=_ratio(
            sum(o.answer["refused"] == o.q.refuse for o in answers), len(answers)
        ),
        refusal_recall=_ratio(sum(o.q.refuse for o in refused), sum(o.q.refuse for o in answers)),
        false_refusal_rate=_ratio(sum(not o.q.refuse for o in refused), len(answerable)),
        citation_precision=_ratio(sum(p in expected for p, expected in cited), len(cited)),
        citation_validity=_ratio(n_links - n_invalid, n_links),
        fact_presence=_ratio(
            sum(len(o.answer["facts_found"]) for o in with_facts),
            sum(len(o.q.facts) for o in with_facts),
        ),
        answer_p50_ms=percentile([o.seconds["answer"] * 1000 for o in answers], 50),
        answer_p95_ms=percentile([o.seconds["answer"] * 1000 for o in answers], 95),
    )
    for judge in ("faithfulness", "relevancy"):
        marks = [o.answer.get(judge) for o in answers if o.answer.get(judge) is not None]
        out[judge] = _mean(marks)
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


# ---------------------------------------------------------------------------------- gate


@dataclass(frozen=True)
class Check:
    name: str
    value: float | None
    rule: str
    passed: bool | None  # None: not measured in this run (e.g. LLM judges offline)


_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": lambda a, b: math.isclose(a, b, abs_tol=1e-9),
}


def parse_rule(rule: str | float) -> tuple[str, float]:
    """'>= 0.95' -> ('>=', 0.95); a bare number means '>='."""
    if isinstance(rule, int | float):
        return ">=", float(rule)
    match = re.fullmatch(r"\s*(>=|<=|==|>|<)?\s*([-+]?\d*\.?\d+)\s*", str(rule))
    if not match:
        raise DigestError(f"bad threshold {rule!r}: write e.g. '>= 0.95' or '== 1.0'")
    return match.group(1) or ">=", float(match.group(2))


def load_gate(pyproject: Path | None = None) -> dict[str, Any]:
    """`[tool.digest.eval]` from pyproject.toml (here or in the source checkout), else defaults."""
    candidates = [pyproject] if pyproject else [Path("pyproject.toml"), ROOT / "pyproject.toml"]
    for path in candidates:
        if path.is_file():
            with path.open("rb") as fh:
                table = tomllib.load(fh).get("tool", {}).get("digest", {}).get("eval")
            if table is not None:
                return {"source": str(path), **table}
    return {"source": "built-in defaults", **DEFAULT_GATE}


def check_gate(card: dict[str, Any], gate: dict[str, Any]) -> list[Check]:
    """Compare the scorecard with the thresholds and the baselines."""
    system = gate.get("system", "hybrid")
    if system not in card["systems"]:
        return [Check(f"{system} evaluated", None, "run it with --systems", False)]
    overall = card["systems"][system]["overall"]
    checks = []
    for name, rule in gate.items():
        if name in ("system", "beat_baselines", "source"):
            continue
        op, threshold = parse_rule(rule)
        value = overall.get(name)
        if name not in overall:
            raise DigestError(f"unknown metric {name!r} in [tool.digest.eval] ({gate['source']})")
        passed = None if value is None else _OPS[op](value, threshold)
        checks.append(Check(name, value, f"{op} {threshold:g}", passed))
    for metric in gate.get("beat_baselines", []):
        for other, data in card["systems"].items():
            if other != system:
                rival = data["overall"].get(metric)
                value = overall.get(metric)
                # strictly better; a tie at a perfect 1.0 cannot be beaten and passes
                ok = None if value is None or rival is None else value > rival or rival == 1.0
                rule = f"> {other} ({rival:.3f})" if rival is not None else f"> {other}"
                checks.append(Check(f"{metric} vs {other}", value, rule, ok))
    return checks


def gate_passed(checks: Sequence[Check]) -> bool:
    return all(c.passed is not False for c in checks)
