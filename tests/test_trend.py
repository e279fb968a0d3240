"""`digest trend`: papers about a query per month, with search's undated relevance gate,
each month traceable to its arXiv ids, and a PNG chart."""

from __future__ import annotations

import json

import matplotlib.image
import pytest
from click.testing import CliRunner

from assistant.answer.trend import month_span, plot, trend
from assistant.app.cli import main as cli


def test_month_span_fills_every_month_across_years():
    assert month_span("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_span("2025-02", "2025-02") == ["2025-02"]


def test_counts_are_count_papers_and_each_bar_lists_its_papers(seed_assistant):
    tools = seed_assistant.tools
    tr = trend(tools, "attention")
    dates = seed_assistant.catalog.dates()
    counted = tools.count_papers(since=dates[0], until=dates[-1], query="attention", by="month")
    assert tr.total == counted.data["total"] > 0
    assert {m: n for m, n in tr.counts.items() if n} == counted.data["by"]
    assert tr.months == month_span(dates[0][:7], dates[-1][:7])  # gaps shown as zero
    for month, n in tr.counts.items():
        papers = tr.papers.get(month, [])
        assert len(papers) == n
        assert all(any(d.startswith(month) for d in p.dates) for p in papers)
    # the archive-wide gate, every paper scored: the papers counted are exactly those that
    # pass it, with or without a date range
    found = seed_assistant.retriever.gate_all("attention").hits
    assert {p.arxiv_id for ps in tr.papers.values() for p in ps} == {h.arxiv_id for h in found}


def test_nothing_relevant_is_an_empty_trend(seed_assistant):
    tr = trend(seed_assistant.tools, "medieval falconry techniques")
    assert tr.total == 0 and not tr.papers
    assert "No paper about" in tr.table()


def test_cli_trend_json_and_png(seed_settings, tmp_path):
    env = {"DIGEST_STORE_DIR": str(seed_settings.store_dir)}
    png = tmp_path / "trend.png"
    result = CliRunner().invoke(
        cli,
        ["trend", "attention", "--since", "2025-02-01", "--json", "--plot", str(png)],
        env=env,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "attention" and data["since"] == "2025-02-01"
    months = [m["month"] for m in data["months"]]
    assert months[0] == "2025-02" and "2024-10" not in months
    assert sum(len(m["ids"]) for m in data["months"]) >= data["total"] > 0
    for m in data["months"]:
        assert len(m["ids"]) == m["papers"]
    image = matplotlib.image.imread(png)
    assert image.shape[0] >= 300 and image.shape[1] >= 600  # a real chart, not an empty file

    result = CliRunner().invoke(cli, ["trend", "attention"], env=env)
    assert result.exit_code == 0, result.output
    assert "papers about 'attention', per month:" in result.stdout
    assert "2024-12" in result.stdout  # a month between digests is shown, as zero


def test_cli_trend_rejects_bad_dates(seed_settings):
    env = {"DIGEST_STORE_DIR": str(seed_settings.store_dir)}
    result = CliRunner().invoke(cli, ["trend", "attention", "--since", "Feb"], env=env)
    assert result.exit_code == 2 and "Invalid value for '--since'" in result.output


def test_plot_returns_png_bytes(seed_assistant):
    data = plot(trend(seed_assistant.tools, "attention"))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


# -- a trend *question*: the offline router answers it with the same numbers ---------------


@pytest.mark.parametrize(
    "question, query",
    [
        ("how has interest in attention changed month by month?", "attention"),
        ("attention papers per month since October 2024", "attention"),
        ("월별 강화학습 논문 추이 보여줘", "강화학습"),
    ],
)
def test_a_trend_question_is_answered_with_digest_trend_numbers(seed_assistant, question, query):
    answer = seed_assistant.ask(question)
    assert not answer.refused and answer.trend is not None
    assert [s.tool for s in answer.steps] == ["trend"]
    tr = answer.trend
    assert tr.query == query
    same = trend(seed_assistant.tools, query, tr.since, tr.until)  # what `digest trend` counts
    assert tr.counts == same.counts and tr.total == same.total > 0
    for month, n in tr.counts.items():
        if month in tr.covered:
            assert f"- {month}: {n}" in answer.text
    # every cited paper is one of its month's papers, and each month with papers cites some
    behind = {p.arxiv_id for ps in tr.papers.values() for p in ps}
    assert answer.citations and {c.arxiv_id for c in answer.citations} <= behind
    data = answer.to_json()["trend"]
    assert {m["month"]: m["papers"] for m in data["months"]} == tr.counts


def test_a_trend_question_that_names_no_topic_is_a_count(seed_assistant):
    answer = seed_assistant.ask("how many papers per month?")
    assert answer.trend is None and [s.tool for s in answer.steps] == ["count_papers"]


def test_a_trend_question_about_nothing_in_the_digests_is_refused(seed_assistant):
    answer = seed_assistant.ask("how has interest in medieval falconry changed month by month?")
    assert answer.refused and answer.trend is None and not answer.citations


def test_cli_ask_json_carries_the_per_month_counts(seed_settings):
    env = {"DIGEST_STORE_DIR": str(seed_settings.store_dir), "DIGEST_ANSWER_MODE": "extractive"}
    question = "how has interest in attention changed month by month?"
    result = CliRunner().invoke(cli, ["ask", question, "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    months = {m["month"]: m for m in data["trend"]["months"]}
    assert data["trend"]["query"] == "attention" and months["2025-02"]["papers"] > 0
    assert len(months["2025-02"]["ids"]) == months["2025-02"]["papers"]
    assert "- 2025-02: " in data["answer"]


@pytest.mark.parametrize(
    "question, trend",
    [
        ("how many papers on sparse attention came out each month?", True),
        ("스파스 어텐션 논문 월별 추이 보여줘", True),
        ("에이전트 논문 매달 몇 편씩이야?", True),  # (review: one paper had been shown)
        ("how did the number of sparse attention papers evolve over time?", True),
        # a rate is no breakdown over time (b88: "... reconstruction with only about 1 hour of
        # data per subject?" was charted per month, the topic 'hour data')
        (
            "Is there a paper doing fMRI-to-image reconstruction with 1 hour of data per subject?",
            False,
        ),
        ("VALL-E 2 논문에서 LibriSpeech test-clean WER 정확히 몇으로 나왔는지 알려줘", False),
    ],
)
def test_a_trend_is_asked_over_time(question, trend):
    from assistant.understand.query import analyse

    assert (analyse(question, None, "2025-06-30").intent == "trend") == trend
