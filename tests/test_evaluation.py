"""`digest eval`: metric functions (checked against llama-index's), the golden-file loader,
aggregation into a scorecard, the quality gate, and one slow end-to-end run with a report."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import GOLDEN, GOLDEN_DEV, ROOT, make_settings

from assistant.errors import DigestError
from assistant.eval.gate import check_gate, gate_passed, load_gate, parse_rule
from assistant.eval.golden import GoldenError, GoldenQuestion, load_golden
from assistant.eval.metrics import hit_at, ndcg_at, percentile, recall_at, reciprocal_rank
from assistant.eval.run import SYSTEMS, Outcome, scorecard

# ----------------------------------------------------------------------------- metrics

RANKED = ["a", "x", "b", "y", "c", "d", "e", "f", "g", "h", "i"]
EXPECTED = ["b", "c", "z"]


def test_metrics_on_a_known_ranking():
    assert hit_at(RANKED, EXPECTED, 1) == 0.0
    assert hit_at(RANKED, EXPECTED, 3) == 1.0
    assert hit_at(RANKED, EXPECTED, 5) == 1.0
    assert recall_at(RANKED, EXPECTED, 10) == pytest.approx(2 / 3)
    assert reciprocal_rank(RANKED, EXPECTED) == pytest.approx(1 / 3)
    # relevant at ranks 3 and 5; ideal: 3 relevant at ranks 1-3
    dcg = 1 / math.log2(4) + 1 / math.log2(6)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at(RANKED, EXPECTED, 10) == pytest.approx(dcg / ideal)
    assert ndcg_at(RANKED, EXPECTED, 10) == pytest.approx(0.416181, abs=1e-6)


def test_metrics_edge_cases():
    assert reciprocal_rank(["x", "y"], ["a"]) == 0.0
    assert reciprocal_rank(RANKED, ["i"], k=10) == 0.0  # rank 11 is beyond the cut
    assert hit_at([], ["a"], 5) == 0.0
    assert ndcg_at(["a"], ["a"], 10) == 1.0
    # more expected papers than the cut: the ideal ranking is capped at k
    many = [str(i) for i in range(20)]
    assert ndcg_at(many, many, 10) == pytest.approx(1.0)
    assert recall_at(many, many, 10) == 0.5


@pytest.mark.parametrize(
    "ranked, expected",
    [
        (RANKED, EXPECTED),
        (["a", "b", "c"], ["a"]),
        (["x", "y", "z", "w", "a"], ["a", "b"]),
        (["x", "y"], ["a"]),
        (["b", "x", "a", "y", "z", "c"], ["a", "b", "c", "d"]),
    ],
)
def test_metrics_match_llama_index(ranked, expected):
    from llama_index.core.evaluation.retrieval.metrics import MRR, NDCG, HitRate, Recall

    top = ranked[:10]
    assert (
        hit_at(ranked, expected, 10)
        == HitRate().compute(expected_ids=expected, retrieved_ids=top).score
    )
    assert (
        hit_at(ranked, expected, 5)
        == HitRate().compute(expected_ids=expected, retrieved_ids=ranked[:5]).score
    )
    assert reciprocal_rank(ranked, expected) == pytest.approx(
        MRR().compute(expected_ids=expected, retrieved_ids=top).score
    )
    assert recall_at(ranked, expected, 10) == pytest.approx(
        Recall().compute(expected_ids=expected, retrieved_ids=top).score
    )
    assert ndcg_at(ranked, expected, 10) == pytest.approx(
        NDCG().compute(expected_ids=expected, retrieved_ids=top).score
    )


def test_percentile_interpolates():
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(101)), 95) == 95


# ------------------------------------------------------------------------------ golden


def _row(**changes) -> dict:
    row = {
        "id": "q1",
        "kind": "single",
        "question": "What does SpargeAttn do?",
        "expected_ids": ["2502.18137"],
        "facts": ["2.5x"],
        "refuse": False,
    }
    return {**row, **changes}


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "golden.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_seed_golden_files_load_and_the_splits_do_not_overlap():
    questions = load_golden(GOLDEN)
    dev = load_golden(GOLDEN_DEV)
    assert len(questions) + len(dev) == 100
    assert not {q.id for q in questions} & {q.id for q in dev}
    assert {q.kind for q in dev} == {q.kind for q in questions}
    assert {q.kind for q in questions} >= {"single", "followup", "offtopic"}
    followup = next(q for q in questions if q.kind == "followup")
    assert followup.history and followup.line > 0
    assert all(q.refuse == (q.kind == "offtopic") for q in questions)


def test_golden_options_are_read(tmp_path):
    path = _write(
        tmp_path,
        [
            json.dumps(_row(since="2025-02-26", until="2025-02-26", topic="Multimodal")),
            json.dumps(_row(id="q2", kind="followup", history=["What is SpargeAttn?"])),
            json.dumps(_row(id="q3", kind="offtopic", expected_ids=[], facts=[], refuse=True)),
        ],
    )
    first, second, third = load_golden(path)
    assert (first.since, first.until, first.topic, first.line) == (
        "2025-02-26",
        "2025-02-26",
        "Multimodal",
        1,
    )
    assert second.history == ("What is SpargeAttn?",) and second.line == 2
    assert third.refuse and third.expected_ids == ()


def test_bad_json_line_names_file_and_line(tmp_path):
    path = _write(tmp_path, [json.dumps(_row()), '{"id": "q2", "kind": '])
    with pytest.raises(GoldenError, match=rf"{path}:2: invalid JSON"):
        load_golden(path)


@pytest.mark.parametrize(
    "row, message",
    [
        ({k: v for k, v in _row().items() if k != "facts"}, "missing key `facts`"),
        (_row(refuse="no"), "`refuse` must be a bool"),
        (_row(expected_ids=["arXiv:2502.18137v2"]), "bare arXiv ids"),
        (_row(refuse=True), "must have `expected_ids: \\[\\]`"),
        (_row(expected_ids=[]), "`expected_ids` is empty"),
        (_row(since="26/02/2025"), "`since` must be a date"),
        (_row(history="What is it?"), "`history` must be a list"),
        (_row(answer="x"), "unknown key `answer`"),
        (_row(kind="Single Fact"), "`kind`"),
    ],
)
def test_invalid_rows_are_reported(tmp_path, row, message):
    path = _write(tmp_path, [json.dumps(_row(id="ok")), json.dumps(row)])
    with pytest.raises(GoldenError, match=rf"{path}:2: .*{message}"):
        load_golden(path)


def test_duplicate_ids_and_blank_lines_are_reported(tmp_path):
    path = _write(tmp_path, [json.dumps(_row()), "", json.dumps(_row())])
    with pytest.raises(GoldenError) as err:
        load_golden(path)
    assert f"{path}:2: blank line" in str(err.value)
    assert f"{path}:3: duplicate id 'q1' (first on line 1)" in str(err.value)


def test_missing_golden_file_is_a_clean_error(tmp_path):
    with pytest.raises(GoldenError, match="cannot read"):
        load_golden(tmp_path / "nope.jsonl")


# ------------------------------------------------------------------------- aggregation


def _q(qid: str, kind: str, expected=(), facts=(), refuse=False) -> GoldenQuestion:
    return GoldenQuestion(qid, kind, f"question {qid}?", tuple(expected), tuple(facts), refuse)


def _outcome(q, ranked, refused=False, cited=(), facts_found=(), invalid=()) -> Outcome:
    answer = {
        "refused": refused,
        "text": "",
        "cited": list(cited),
        "links": len(cited) + len(invalid),
        "invalid_links": list(invalid),
        "facts_found": list(facts_found),
    }
    return Outcome(
        q,
        query=q.question,
        ranked={"hybrid": list(ranked), "bm25": list(reversed(ranked))},
        seconds={"hybrid": 0.01, "bm25": 0.002, "answer": 0.05},
        answer=answer,
    )


@pytest.fixture
def small_card():
    outcomes = [
        _outcome(_q("a", "single", ["p1"], ["2.5x", "8"]), ["p1", "p2"], cited=["p1"],
                 facts_found=["2.5x"]),
        _outcome(_q("b", "single", ["p3"]), ["p2", "p4", "p3"], cited=["p2", "p3"]),
        _outcome(_q("c", "topic", ["p1", "p5"]), ["p9"], refused=True),
        _outcome(_q("d", "offtopic", refuse=True), ["p7"], refused=True),
        _outcome(_q("e", "offtopic", refuse=True), ["p8"], cited=["p8"], invalid=["9999.99999"]),
    ]  # fmt: skip
    titles = {f"p{i}": f"Paper {i}" for i in range(10)}
    meta = {"questions": 5, "mode": "extractive", "systems": ["hybrid", "bm25"], "k": 10}
    meta |= {"golden": "golden.jsonl", "store": "test store", "seconds": 1.0}
    return scorecard(outcomes, ["hybrid", "bm25"], meta, titles)


def test_scorecard_aggregates_answers_and_retrieval(small_card):
    hybrid = small_card["systems"]["hybrid"]["overall"]
    assert hybrid["retrieval_questions"] == 3  # off-topic questions are left out
    assert hybrid["hit_at_1"] == pytest.approx(1 / 3)
    assert hybrid["hit_at_5"] == pytest.approx(2 / 3)
    assert hybrid["mrr"] == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert hybrid["refusal_accuracy"] == pytest.approx(3 / 5)  # a, b, d right; c, e wrong
    assert hybrid["refusal_recall"] == 0.5
    assert hybrid["false_refusal_rate"] == pytest.approx(1 / 3)
    assert hybrid["citation_precision"] == pytest.approx(2 / 4)  # p1, p3 of p1, p2, p3, p8
    assert hybrid["citation_validity"] == pytest.approx(4 / 5)
    assert hybrid["fact_presence"] == 0.5
    assert hybrid["latency_p50_ms"] == pytest.approx(10)
    assert hybrid["faithfulness"] is None
    assert small_card["systems"]["hybrid"]["by_kind"]["offtopic"]["hit_at_5"] is None
    assert "refusal_accuracy" not in small_card["systems"]["bm25"]["overall"]


def test_misses_say_why_and_what_was_retrieved(small_card):
    misses = {m["id"]: m for m in small_card["misses"]["hybrid"]}
    assert set(misses) == {"a", "c", "e"}
    assert misses["a"]["reasons"] == ["facts missing from the answer: 8"]
    assert "no expected paper in the top 5" in misses["c"]["reasons"]
    assert "refused an answerable question" in misses["c"]["reasons"]
    assert misses["c"]["retrieved"] == [{"id": "p9", "title": "Paper 9"}]
    assert "did not refuse" in misses["e"]["reasons"]
    assert {m["id"] for m in small_card["misses"]["bm25"]} == {"c"}


def test_markdown_and_chart_render(small_card, tmp_path):
    from assistant.eval.report import write_report

    checks = check_gate(small_card, {"source": "test", "hit_at_5": ">= 0.9"})
    written = write_report(small_card, checks, tmp_path / "report")
    text = written["markdown"].read_text(encoding="utf-8")
    assert "## Retrieval" in text and "![scorecard](scorecard.png)" in text
    assert (
        "## Gate: FAILED" in text
        and "retrieved instead (top 5, expected in bold): p9 Paper 9" in text
    )
    assert written["chart"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(written["json"].read_text())["meta"]["questions"] == 5


# -------------------------------------------------------------------------------- gate


def test_parse_rule():
    assert parse_rule(">= 0.95") == (">=", 0.95)
    assert parse_rule("==1.0") == ("==", 1.0)
    assert parse_rule("< 2000") == ("<", 2000.0)
    assert parse_rule(0.8) == (">=", 0.8)
    with pytest.raises(DigestError, match="bad threshold"):
        parse_rule("at least 0.9")


def test_gate_passes_and_fails(small_card):
    passing = {"source": "t", "beat_baselines": [], "hit_at_5": ">= 0.6", "mrr": "> 0.4"}
    assert gate_passed(check_gate(small_card, passing))
    failing = {**passing, "citation_validity": "== 1.0", "false_refusal_rate": "<= 0.1"}
    checks = check_gate(small_card, failing)
    assert not gate_passed(checks)
    assert {c.name for c in checks if c.passed is False} == {
        "citation_validity",
        "false_refusal_rate",
    }


def test_gate_compares_with_baselines(small_card):
    checks = check_gate(small_card, {"source": "t", "beat_baselines": ["hit_at_5"]})
    (check,) = checks
    assert check.name == "hit_at_5 vs bm25"
    # bm25's reversed rankings hit within the top 5 just as often: not strictly better
    assert check.passed is False and not gate_passed(checks)


def test_a_tie_at_perfect_scores_passes(small_card):
    perfect = {**small_card, "systems": {}}
    for name in ("hybrid", "bm25"):
        perfect["systems"][name] = {"overall": {"hit_at_5": 1.0}}
    assert gate_passed(check_gate(perfect, {"source": "t", "beat_baselines": ["hit_at_5"]}))


def test_unmeasured_metrics_do_not_fail_the_gate(small_card):
    checks = check_gate(small_card, {"source": "t", "faithfulness": ">= 0.8"})
    assert checks[0].passed is None and gate_passed(checks)


def test_unknown_gate_metric_is_an_error(small_card):
    with pytest.raises(DigestError, match="unknown metric 'hit_at_50'"):
        check_gate(small_card, {"source": "t", "hit_at_50": ">= 0.9"})


def test_gate_is_read_from_pyproject(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.digest.eval]\nhit_at_5 = ">= 0.5"\n', encoding="utf-8")
    assert load_gate(path) == {"source": str(path), "hit_at_5": ">= 0.5"}
    path.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert load_gate(path)["source"] == "built-in defaults"


def test_project_gate_names_known_metrics(small_card):
    gate = load_gate(ROOT / "pyproject.toml")
    assert gate["source"].endswith("pyproject.toml")
    check_gate(small_card, gate)  # raises on an unknown metric name


def test_llm_judges_are_skipped_without_a_key(tmp_path):
    from assistant.eval.run import _judges

    settings = make_settings(tmp_path)
    assert _judges(settings, "extractive") == ({}, None)
    judges, note = _judges(settings, "llm")
    assert judges == {} and "skipped" in note


# ------------------------------------------------------------------------- end to end

FEW = [
    "single-cod-prediction-error",
    "arxiv-2502-18449",
    "followup-sparge-speedup",
    "date-20241023-all",
    "offtopic-weather-seoul",
]


@pytest.mark.slow
def test_evaluation_over_the_seed_store_writes_a_report(seed_settings, tmp_path):
    from assistant.eval.report import write_report
    from assistant.eval.run import evaluate

    golden = load_golden(GOLDEN) + load_golden(GOLDEN_DEV)
    few = [q for q in golden if q.id in FEW]
    assert len(few) == len(FEW)
    card = evaluate(few, seed_settings, systems=SYSTEMS, golden_path=GOLDEN)
    assert not card["meta"]["temporary_store"]
    assert set(card["systems"]) == set(SYSTEMS)
    hybrid = card["systems"]["hybrid"]["overall"]
    assert hybrid["hit_at_5"] is not None and hybrid["citation_validity"] in (None, 1.0)
    for row in card["questions"]:
        assert all(len(ids) <= 10 for ids in row["retrieved"].values())
    written = write_report(card, check_gate(card, load_gate()), tmp_path / "out")
    assert written["chart"].stat().st_size > 10_000
    assert "## Misses" in written["markdown"].read_text(encoding="utf-8")


@pytest.mark.slow
def test_eval_command_checks_the_gate(seed_settings, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from assistant.app.cli import main

    golden = tmp_path / "mine.jsonl"
    golden.write_text(
        json.dumps(_row(question="What speedup does SpargeAttn report?")) + "\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGEST_STORE_DIR", str(seed_settings.store_dir))
    monkeypatch.setenv("DIGEST_ANSWER_MODE", "extractive")
    runner = CliRunner()
    args = ["eval", "--golden", str(golden), "--systems", "hybrid,bm25", "--json", "--check"]
    result = runner.invoke(main, [*args, "--report", str(tmp_path / "r")])
    assert result.exit_code in (0, 1), result.output
    card = json.loads(result.stdout)
    assert card["meta"]["questions"] == 1 and card["gate"]["checks"]
    assert card["systems"]["hybrid"]["overall"]["hit_at_5"] == 1.0
    # both perfect on one question: a tie at 1.0 cannot be beaten, so the gate passes
    assert result.exit_code == 0 and card["gate"]["passed"]
    assert (tmp_path / "r" / "report.md").is_file()
    assert (tmp_path / "r" / "scorecard.png").is_file()

    # thresholds come from ./pyproject.toml: an unreachable one makes --check exit 1
    (tmp_path / "pyproject.toml").write_text('[tool.digest.eval]\nmrr = "> 1.0"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        main, ["eval", "--golden", str(golden), "--systems", "hybrid", "--check"]
    )
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.stdout


@pytest.mark.slow
def test_llm_mode_runs_the_llama_index_judges(seed_settings, openai_server):
    from openai_server import ToolCalls
    from pydantic import SecretStr

    from assistant.eval.run import evaluate

    agent_turns = []

    def reply(body: dict):
        messages = body.get("messages", [])
        shown = "\n".join(str(m.get("content") or "") for m in messages)
        if "YES" in shown:  # llama-index's faithfulness and relevancy prompts ask YES or NO
            return "YES"
        if body.get("tools"):  # the LLM agent: look the paper up first, then answer
            agent_turns.append(body)
            if not any(m.get("role") == "tool" for m in messages):
                return ToolCalls(("paper", {"ref": "SpargeAttn"}))
        return "SpargeAttn reaches a 2.5x to 5x speedup over dense attention [1]."

    openai_server.script([reply] * 100)  # one answer, then a judge call per source and judge
    settings = seed_settings.model_copy(
        update={
            "openai_base_url": openai_server.url,
            "openai_api_key": SecretStr("sk-test"),
            "answer_mode": "llm",
            "llm_model": "test-model",
            "llm_timeout": 5.0,
            "llm_max_retries": 0,
        }
    )
    question = _q("sparge", "single", ["2502.18137"], ["2.5x"])
    card = evaluate([replace(question, question="What does SpargeAttn do?")], settings,
                    systems=["hybrid"])  # fmt: skip
    hybrid = card["systems"]["hybrid"]["overall"]
    assert card["meta"]["mode"] == "llm"
    errors = {
        k: v
        for o in card["questions"]
        for k, v in (o.get("answer") or {}).items()
        if k.endswith("_error")
    }
    assert (hybrid["faithfulness"], hybrid["relevancy"]) == (1.0, 1.0), errors or card["questions"]
    assert len(agent_turns) == 2  # the agent answered: a tool call, then the cited answer


@pytest.mark.slow
def test_the_seed_golden_set_passes_the_project_gate(seed_settings):
    """CI's quality gate: `digest eval --check` on the seeds, as a test (about a minute)."""
    from assistant.eval.run import evaluate

    card = evaluate(load_golden(GOLDEN), seed_settings, golden_path=GOLDEN)
    checks = check_gate(card, load_gate(ROOT / "pyproject.toml"))
    failed = [f"{c.name}: {c.value} (needs {c.rule})" for c in checks if c.passed is False]
    misses = [f"{m['id']}: {'; '.join(m['reasons'])}" for m in card["misses"]["hybrid"]]
    assert not failed, "\n".join(["quality gate failed:", *failed, "hybrid misses:", *misses])


def test_calibration_refuses_exactly_what_the_retriever_refuses(seed_assistant):
    """The floor sweep replays the retriever's own gate: at the retriever's floor it must
    refuse the same questions (on- and off-topic, dated and not, named papers)."""
    from assistant.eval.calibrate import _refused, _retrieve

    retriever = seed_assistant.retriever
    questions = load_golden(GOLDEN_DEV)
    assert any(q.refuse for q in questions) and any(q.since or q.until for q in questions)
    for q in questions:
        if q.history:
            continue
        result = retriever.retrieve(q.question, q.filters)
        seen = _retrieve(retriever, q, q.question)
        weights = retriever.calibration
        refused = _refused(
            seen,
            retriever.min_relevance,
            weights.unknown_penalty,
            weights.unseen_rate,
            (weights.concept_idf, weights.concept_floor),
            weights.advice_floor,
            weights.scope_margin,
        )
        assert refused == (not result.relevant), q.id


def test_the_advice_floor_refuses_the_most_advice_off_topic_and_no_answerable_one():
    """Of the floors for questions asking advice on one's own setup, the lowest that
    refuses the most off-topic ones among them without refusing an answerable one."""
    from assistant.eval.calibrate import Seen, _advice_floor

    def asked(evidence: float) -> Seen:  # a question asking advice, its best topic hit
        return Seen(None, [], False, [(0.0, evidence)], 0.0, 100, False, False, advice=True)

    gate = (0.44, 0.0, 0.0, (0.0, 0.0))
    assert _advice_floor([asked(0.7)], [asked(0.55), asked(0.45)], gate) == 0.56
    # an answerable one at 0.6: refusing the off-topic one at 0.65 would refuse it too
    assert _advice_floor([asked(0.6)], [asked(0.65), asked(0.5)], gate) == 0.52


def test_the_scope_margin_refuses_the_most_off_topic_and_no_answerable_one():
    """Of the margins by which a question is nearer an example of what digests do not
    answer than any paper, the highest refusing the most off-topic dev questions and no
    answerable one the gate answers; none (0) when no margin refuses one more."""
    from assistant.eval.calibrate import Seen, _scope_margin

    def lead(margin: float | None) -> Seen:  # a topic question the gate answers
        return Seen(None, [], False, [(0.0, 0.9)], 0.0, 100, False, False, scope=margin)

    gate, advice = (0.44, 0.0, 0.0, (0.0, 0.0)), 0.0
    margin, by_margin = _scope_margin(
        [lead(0.04), lead(None)], [lead(0.2), lead(0.12)], gate, advice
    )
    assert margin == 0.1  # 0.05 .. 0.1 refuse both; the widest berth for answerable ones
    assert by_margin[0.05] == (0, 2) and by_margin[0.15] == (0, 1) and by_margin[0.025] == (1, 2)
    # an answerable question as near as the off-topic one: refusing it refuses them both
    assert _scope_margin([lead(0.2)], [lead(0.2)], gate, advice)[0] == 0.0
    # nothing measured (named papers, date ranges): no check
    assert _scope_margin([lead(None)], [lead(None)], gate, advice)[0] == 0.0
    # a wider margin refusing nearly as many (within SCOPE_SLACK, 1%) keeps the berth
    off = [lead(0.03)] + [lead(0.06)] * 199
    assert _scope_margin([lead(None)], off, gate, advice)[0] == 0.05  # 199 of 200
    assert _scope_margin([lead(None)], off[:50], gate, advice)[0] == 0.025  # 49 of 50


def test_the_described_length_refuses_every_off_topic_question_the_gate_refuses():
    """Of the lengths past which a question's floor scales down (a description of its
    paper), the one refusing the fewest answerable dev questions while refusing every
    off-topic one the gate refuses without it; the longest of those; none (0) when no
    length refuses fewer."""
    from assistant.eval.calibrate import Seen, _described_words

    def asked(words: int, evidence: float) -> Seen:  # a topic question, its best topic hit
        return Seen(None, [], False, [(0.0, evidence)], 0.0, 100, False, False, words=words)

    gate = (0.44, 0.0, 0.0, (0.0, 0.0))
    ok = [asked(40, 0.3), asked(8, 0.3)]  # a long description and a short question
    off = [asked(12, 0.4), asked(40, 0.1)]
    n, by_words = _described_words(ok, off, gate, 0.0, 0.0)
    # 12 .. 25 pass the long description (floor 0.44 * n / 40 <= 0.3) and refuse both
    # off-topic ones; 30 and 40 pass it no more, 10 passes the 12-word off-topic one
    assert n == 25
    assert by_words[0] == (2, 2) and by_words[25] == (1, 2) and by_words[10] == (1, 1)
    # an off-topic question as long and as near as the answerable one: no length
    assert _described_words([asked(40, 0.3)], [asked(40, 0.3)], gate, 0.0, 0.0)[0] == 0


def test_set_floors_are_chosen_by_f_beta_on_the_theme_questions():
    from assistant.eval.calibrate import SET_BETA, _f_beta, _set_floors

    assert _f_beta({"a", "b"}, {"a", "b"}, SET_BETA) == pytest.approx(1.0)
    assert _f_beta({"c"}, {"a"}, SET_BETA) == 0.0
    # recall weighs beta^2 times precision: a list one paper too long beats one too short
    assert _f_beta({"a", "b", "c"}, {"a", "b"}, 2.0) > _f_beta({"a"}, {"a", "b"}, 2.0)
    # one theme: two papers on it (full term coverage), one that only shares a common word
    themes = [({"a", "b"}, {"a": (0.5, 1.0), "b": (0.5, 0.9), "noise": (0.5, 0.5)})]
    scores = _set_floors(themes, floor=0.45)
    assert scores[(0.0, 1.01)] < scores[(0.6, 1.01)] == pytest.approx(1.0)
    assert scores[(0.6, 0.5)] == scores[(0.0, 1.01)]  # its dense relevance lets it back in
