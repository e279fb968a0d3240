"""Issue 15: no input makes any step super-linear, bytes are decoded honestly, text from
digests reaches terminals and Markdown only through the sanitiser, settings errors never
echo a value, and each smaller failure has a clear error.

Work is bounded without a clock: the question is capped before anything reads it, and the
characters handed to the parser's and question reader's patterns are counted
(`work_bounds.py`) and must stay within a constant times the input's size.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_settings
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from work_bounds import count_regex_work

from assistant.answer.citations import Answer, Citation
from assistant.app.cli import main as cli
from assistant.errors import DigestError, StoreError
from assistant.ingest import parse
from assistant.ingest.parse import MAX_ISSUES_PER_FILE, parse_file, parse_text
from assistant.text import MAX_QUESTION_CHARS, check_question, https_url, printable
from assistant.understand import query

DIGEST = Path(sys.executable).parent / "digest"
KO_HEAD = "## Daily Papers (2025-03-03)\n\n### [제목 Title](https://arxiv.org/abs/2502.18137)\n\n"
EN_HEAD = (
    "## Papers for 2025-03-03\n\n"
    "| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |\n"
    "|---|---|---|---|---|---|\n"
)
ROW = "| [T](https://arxiv.org/abs/2502.18137) | {a} | {s} | {c} | {g} | N/A |\n"

# what an adversary repeats: separators, spaces, asterisks, pipes, brackets, Hangul
UNITS = [" ", "*", "|", "| ", "- ", "***", "[", "[a](", "](", "(", "\\", ":", "가", "논문 ", "---|"]
UNITS += ["*a", "**a ", "`", "_", "http://", "arxiv.org/abs/", "(Read more on ", ", ", "'a"]
repeated = st.tuples(st.sampled_from(UNITS), st.integers(500, 3_000)).map(lambda t: t[0] * t[1])


def _shapes(junk: str) -> list[str]:
    """The junk in every place a digest's text goes."""
    return [
        KO_HEAD + "- ***" + junk + "a\n",
        KO_HEAD + "- " + junk + "\n",
        KO_HEAD + "Authors: " + junk + "\n",
        KO_HEAD + "Vote: " + junk + "\n",
        "## Daily Papers (2025-03-03)\n### " + junk + "](https://arxiv.org/abs/2502.18137)\n",
        EN_HEAD + ROW.format(a=junk, s="s", c="[]", g="N/A"),
        EN_HEAD + ROW.format(a="a", s=junk, c="[]", g="N/A"),
        EN_HEAD + ROW.format(a="a", s="s", c="[" + junk, g=junk),
        EN_HEAD + "| " + junk + " | a | s | [] | N/A | N/A |\n",
        EN_HEAD + junk + "\n",
        EN_HEAD + "| [T](https://arxiv.org/abs/2502.18137) | a\n" + (junk[:40] + "\n") * 500,
        "## Papers for" + junk + "\n",
    ]


# -- the parser ----------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeated)
def test_parser_work_is_linear_in_adversarial_input(junk):
    with pytest.MonkeyPatch.context() as mp:
        work = count_regex_work(mp, parse)
        for text in _shapes(junk):
            work.clear()
            parse_text(text, "2025-03-03.md")
            # every character is handed to a bounded number of patterns, never re-scanned
            assert sum(work) <= 40 * len(text) + 10_000, (junk[:20], len(text), sum(work))


def test_korean_label_followed_by_a_thousand_spaces_parses():
    """Was: `- ***` + 1,000 spaces did not finish in 120 s (the label regex backtracked)."""
    text = KO_HEAD + "- ***" + " " * 1000 + "a\n- ***What's New***: 새 방법\n"
    (mention,) = parse_text(text, "2025-03-03.md").mentions
    assert mention.sections == {"What's New": "새 방법"}


def test_labels_in_every_spelling_still_parse():
    text = KO_HEAD + (
        "- ***What's New***: A\n- **Technical Details:** B\n- *** Performance Highlights ***: C\n"
    )
    (mention,) = parse_text(text, "2025-03-03.md").mentions
    assert mention.sections == {
        "What's New": "A",
        "Technical Details": "B",
        "Performance Highlights": "C",
    }


def test_errors_are_capped_per_file(tmp_path):
    """Was: a 5 MB file of `|x|` lines gave 1.25 million errors (196 MB of JSON)."""
    path = tmp_path / "2025-01-01.md"
    path.write_text("## Papers for 2025-01-01\n| Title | Summary |\n|---|---|\n" + "|x|\n" * 50_000)
    issues = parse_file(path).issues
    assert len(issues) == MAX_ISSUES_PER_FILE + 1
    assert issues[-1].message.startswith("... and ") and "more problems" in issues[-1].message
    assert int(issues[-1].message.split()[2]) == 2 * 50_000 - MAX_ISSUES_PER_FILE


# -- decoding ------------------------------------------------------------------------------


def test_a_stray_latin1_byte_in_a_utf8_korean_digest_is_reported_not_stored_garbled(tmp_path):
    """Was: the whole file was decoded as Latin-1 (a warning) and the title stored as mojibake."""
    path = tmp_path / "2025-03-03.md"
    text = (
        KO_HEAD
        + "- ***What's New***: 새로운 방법 caf\x00 입니다.\n- ***Technical Details***: 세부\n"
    )
    path.write_bytes(text.encode("utf-8").replace(b"\x00", b"\xe9"))
    result = parse_file(path)
    (mention,) = result.mentions
    assert mention.title == "제목 Title"
    assert mention.sections == {"Technical Details": "세부"}  # the bad line is left out
    (issue,) = result.issues
    assert (issue.file, issue.line) == (str(path), 5)
    assert "not valid UTF-8" in issue.message and "0xE9" in issue.message
    for m in result.mentions:
        assert "\ufffd" not in m.summary and "ì" not in m.title


def test_an_unreadable_file_named_directly_is_an_issue_not_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "2025-03-03.md"
    path.write_text(KO_HEAD)
    real = Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    store = tmp_path / "store"
    result = CliRunner().invoke(
        cli, ["ingest", str(path), "--json"], env={"DIGEST_STORE_DIR": str(store)}
    )
    assert "Traceback" not in result.output and not isinstance(result.exception, PermissionError)
    assert "cannot read file: Permission denied" in result.output


# -- questions -----------------------------------------------------------------------------


def test_a_question_past_the_limit_is_refused_before_any_work(seed_assistant, monkeypatch):
    """Was: `papers in ` x 2,000 (20,000 characters) ran 183 s of CPU."""
    calls = []
    monkeypatch.setattr(seed_assistant, "retrieve", lambda *a, **k: calls.append(a))
    with pytest.raises(DigestError, match="limit is 2,000"):
        seed_assistant.ask("papers in " * 2000)
    with pytest.raises(DigestError, match="limit is 2,000"):
        seed_assistant.chat().ask("x" * (MAX_QUESTION_CHARS + 1))
    assert calls == []


def test_the_question_reader_reads_a_long_question_in_linear_work(monkeypatch):
    """Was: the list-intent regex backtracked cubically on `papers in ` x 2,000. The intent
    now comes from nearest example phrasings; the patterns that remain scan a few times."""
    from assistant.understand import dates, intents

    # the example phrasings are read once, at the first question: not this question's work
    # (run alone, the test counted them; after other tests it did not)
    query.analyse("what came out on 2025-02-20?", latest="2025-02-26")
    for n in (200, 2000):
        question = ("papers in " * n)[:MAX_QUESTION_CHARS]
        work = count_regex_work(monkeypatch, query, dates, intents)
        query.analyse(question + "the digest", latest="2025-02-26")
        assert sum(work) <= 40 * len(question), (n, sum(work))
        monkeypatch.undo()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(UNITS + ["papers in ", "which papers ", "2025년 2월 ", "that is ", "its "]),
    st.integers(200, MAX_QUESTION_CHARS),
)
# (was: 64 scans of "가가가...", each step of one answer reading the question again; a random
# draw of "가" failed CI a third of the time)
@example(unit="가", size=1876)
def test_adversarial_questions_are_answered_with_bounded_work(seed_assistant, unit, size):
    """The question reader and the answerer only ever see the capped question, and the
    question reader's patterns scan it a bounded number of times."""
    question = (unit * (size // len(unit) + 1))[:size]
    seen: list[int] = []
    real = seed_assistant.retrieve

    def retrieve(q, *args, **kwargs):
        seen.append(len(q))
        return real(q, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(seed_assistant, "retrieve", retrieve)
        work = count_regex_work(mp, query)
        try:
            answer = seed_assistant.ask(question)
        except DigestError:
            answer = None  # e.g. only control characters: a clear error is fine
        if answer is not None:
            assert answer.refused or answer.citations
        assert all(n <= MAX_QUESTION_CHARS for n in seen)
        assert sum(work) <= 60 * MAX_QUESTION_CHARS


def test_a_follow_up_at_the_limit_is_answered(seed_assistant):
    """The rewrite of a follow-up adds names; at the limit it must not turn into an error."""
    conversation = seed_assistant.chat()
    conversation.ask("What does SpargeAttn do?")
    answer = conversation.ask(("논문 이 " * 400)[:MAX_QUESTION_CHARS])
    assert len(answer.standalone_question) <= MAX_QUESTION_CHARS


def test_an_invalid_utf8_question_is_a_clear_error(seed_settings):
    """Was: reported as "cannot reach embedded Chroma"."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DIGEST_STORE_DIR": str(seed_settings.store_dir),
        "DIGEST_ANSWER_MODE": "extractive",
    }
    result = subprocess.run(
        [str(DIGEST), "ask", b"what is \xff\xfe SpargeAttn?"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert b"not valid UTF-8" in result.stderr and b"Chroma" not in result.stderr
    with pytest.raises(DigestError, match="not valid UTF-8"):
        check_question("what is \udcff?")


def test_top_k_is_validated(seed_assistant, seed_settings):
    """Was: `--top-k -1` bypassed validation and gave 76 sources."""
    env = {"DIGEST_STORE_DIR": str(seed_settings.store_dir), "DIGEST_ANSWER_MODE": "extractive"}
    result = CliRunner().invoke(cli, ["ask", "What is SpargeAttn?", "--top-k", "-1"], env=env)
    assert result.exit_code == 2 and "-1 is not in the range" in result.output
    for k in (-1, 0, 51):
        with pytest.raises(DigestError, match="top_k must be between 1 and 50"):
            seed_assistant.ask("What is SpargeAttn?", top_k=k)


def test_an_arxiv_id_not_in_the_store_is_refused(seed_assistant):
    """Was: `9999.99999` was answered with an unrelated paper."""
    for question in ("What is 9999.99999 about?", "summarize arXiv 2502.99999 please"):
        answer = seed_assistant.ask(question)
        assert answer.refused and answer.citations == [] and answer.sources == []
    known = seed_assistant.ask("What is 2502.18137 about?")
    assert not known.refused and known.citations[0].arxiv_id == "2502.18137"


# -- the store -----------------------------------------------------------------------------


def test_a_zero_byte_database_reads_as_a_damaged_store(tmp_path):
    """Was: read as "no papers"."""
    from assistant import Assistant

    store = tmp_path / "store"
    store.mkdir()
    (store / "chroma.sqlite3").write_bytes(b"")
    with pytest.raises(StoreError, match="is damaged"):
        Assistant(make_settings(store)).ask("What is SpargeAttn?")
    result = CliRunner().invoke(cli, ["papers"], env={"DIGEST_STORE_DIR": str(store)})
    assert result.exit_code == 1 and "is damaged" in result.output
    assert "Traceback" not in result.output
    assert (store / "chroma.sqlite3").stat().st_size == 0  # nothing written over it


# -- the sanitiser -------------------------------------------------------------------------

HOSTILE = (
    "A\x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07\x9b6n\u202eB\rC"
)


def test_printable_removes_control_characters_and_escapes():
    assert printable(HOSTILE) == "Ared linkBC"
    assert printable("tab\tand\nnewline 한국어") == "tab\tand\nnewline 한국어"
    assert printable("\x1b]8;;unterminated") == ""
    assert https_url("https://arxiv.org/abs/2502.18137") == "https://arxiv.org/abs/2502.18137"
    for bad in ("javascript:alert(1)", "http://x.org", "https://a.org/\x1b[2J", "data:text/html,"):
        assert https_url(bad) is None


def test_answer_markdown_shows_digest_text_as_text():
    """Was: `javascript:` links and raw `<script>` from a title passed through."""
    answer = Answer(
        question="q",
        text="See [1] <script>alert(1)</script> [x](javascript:alert(1)) \x1b[2J",
        refused=False,
        citations=[
            Citation(
                1,
                "2502.18137",
                "<script>alert(1)</script>[t](javascript:x)",
                "https://arxiv.org/abs/2502.18137",
            ),
            Citation(2, "2502.00002", "Evil", "javascript:alert(1)"),
        ],
    )
    md = answer.markdown()
    assert "<script>" not in md and "\x1b" not in md
    # "[x](javascript:...)" from the text stays text: its "[" is escaped, so it is no link
    assert md.count("](javascript:") == md.count("\\[x](javascript:") == 1
    assert "\\(javascript:x\\)" in md  # the title's link is escaped too
    assert "[[1]](https://arxiv.org/abs/2502.18137)" in md
    assert "2. Evil" in md  # a non-https URL is never a link


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("hostile-terminal")
    digest = base / "2025-03-03.md"
    digest.write_text(
        EN_HEAD
        + ROW.format(
            a="Mallory",
            s="SpargeAttn\x1b[2J speeds up attention 2.5x \x1b]8;;https://evil.example\x07here\x1b]8;;\x07 [b]bold[/b]",
            c="[]",
            g="N/A",
        ).replace("[T]", "[SpargeAttn\x1b[31m: sparse [red]attention[/red]]")
    )
    settings_ = make_settings(base / "store")
    report = ingest([digest], settings_)
    assert report.papers_new == 1
    return settings_


def test_digest_ask_prints_no_terminal_escapes(hostile_store):
    """Was: ESC[2J, colours and OSC-8 links in a title or summary reached the terminal."""
    env = {"DIGEST_STORE_DIR": str(hostile_store.store_dir), "DIGEST_ANSWER_MODE": "extractive"}
    for args in (
        ["ask", "how much does SpargeAttn speed up attention?"],
        ["ask", "SpargeAttn", "--json"],
    ):
        result = CliRunner().invoke(cli, args, env=env, color=True)
        assert result.exit_code == 0, result.output
        assert "\x1b[2J" not in result.output and "\x1b]8;;https://evil" not in result.output
    plain = CliRunner().invoke(
        cli, ["ask", "how much does SpargeAttn speed up attention?"], env=env
    )
    assert "\x1b" not in plain.output
    assert "[red]attention[/red]" in plain.output  # rich markup in a title stays text


def test_ingest_errors_print_digest_text_as_text(tmp_path):
    digest = tmp_path / "2025-03-03.md"
    digest.write_text(EN_HEAD + "| no link \x1b[2J [bold]x[/bold] | a | s | [] | N/A | N/A |\n")
    result = CliRunner().invoke(
        cli, ["ingest", str(digest)], env={"DIGEST_STORE_DIR": str(tmp_path / "s")}
    )
    assert "\x1b" not in result.output and "no arXiv link" in result.output


# -- settings ------------------------------------------------------------------------------


def test_a_misspelled_key_in_dotenv_is_named_not_echoed(tmp_path):
    """Was: `DIGEST_OPENAI_APIKEY=sk-...` (an unknown setting) printed the value."""
    secret = "sk-proj-THIS-MUST-NOT-LEAK-1234567890"
    (tmp_path / ".env").write_text(f"DIGEST_OPENAI_APIKEY={secret}\nDIGEST_TOP_K=-3\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(DIGEST), "papers"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "DIGEST_OPENAI_APIKEY (unknown setting)" in result.stderr
    assert "DIGEST_TOP_K" in result.stderr
    assert secret not in result.stderr + result.stdout and "-3" not in result.stderr
    assert "Traceback" not in result.stderr

    from assistant.config import Settings, SettingsError

    with pytest.raises(SettingsError) as caught:
        Settings(_env_file=tmp_path / ".env")
    assert secret not in str(caught.value) and caught.value.__cause__ is None
