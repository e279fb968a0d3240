"""Citation export: BibTeX parsed back by a real BibTeX library (bibtexparser), the Markdown
reading list, and the CLI (`digest export`, `digest ask --bibtex`) over real stores."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
from bibtexparser import middlewares
from click.testing import CliRunner
from conftest import make_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from assistant.answer import export
from assistant.app.cli import main as cli
from assistant.errors import DigestError
from assistant.types import Mention, Paper

ARXIV = "https://arxiv.org/abs/"

# A Korean digest (shape 3) whose titles carry braces, LaTeX specials and accents, and whose
# authors are written in Hangul and with accents.
KOREAN_DIGEST = """## Daily Papers (2025-03-04)

### [{Ko}-Bench: Évaluation des LLM & 100% of {nested {braces}}](https://arxiv.org/abs/2503.01234)

Vote: 12

Authors: 김철수, 이영희, José Müller, Zoë O'Brien-Łukasz

- ***What's New***: 한국어 벤치마크를 소개합니다.
- ***Technical Details***: 평가 방법을 설명합니다.
- ***Performance Highlights***: 정확도 90% 달성.

### [A lone { brace_and #hash ~ tilde](https://arxiv.org/abs/2503.04321)

Vote: 3

Authors: 박지민

- ***What's New***: 괄호 하나만 있는 제목입니다.
"""


def parse(text: str):
    """Parse with bibtexparser: no failed blocks allowed; authors split by BibTeX's rules."""
    library = bibtexparser.parse_string(text, append_middleware=[middlewares.SeparateCoAuthors()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


# pylatexenc lacks LaTeX2e's \\textbraceleft / \\textbraceright (what a lone brace becomes).
_LATEX = get_default_latex_context_db().filter_context(keep_categories=None)
_LATEX.add_context_category(
    "braces",
    prepend=True,
    macros=[MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")],
)


def decode(value: str) -> str:
    """LaTeX to the text it typesets (pylatexenc)."""
    return LatexNodes2Text(latex_context=_LATEX).latex_to_text(value)


def make_paper(arxiv_id: str, title: str, authors=(), date="2025-02-26", **extra) -> Paper:
    mention = Mention(arxiv_id, title, date, "en", "x.md", 1, authors=tuple(authors), **extra)
    return Paper(arxiv_id, [mention])


# -- BibTeX ---------------------------------------------------------------------------------


def test_entry_has_the_arxiv_fields():
    paper = make_paper("2502.18137", "SpargeAttn: Accurate Sparse Attention", ["Haofeng Huang"])
    library = parse(export.bibtex([paper]))
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    assert entry.key == "huang2025spargeattn"
    fields = entry.fields_dict
    assert fields["eprint"].value == "2502.18137"
    assert fields["archivePrefix"].value == "arXiv"
    assert fields["url"].value == ARXIV + "2502.18137"
    assert fields["year"].value == "2025"
    # Double braces keep the capitalisation ("SpargeAttn") in bibliography styles.
    assert fields["title"].value == "{SpargeAttn: Accurate Sparse Attention}"
    assert fields["author"].value == ["Haofeng Huang"]


@pytest.mark.parametrize(
    "title",
    [
        "{Braces} in a {nested {title}}",
        "A lone { brace",
        "A lone } closing brace",
        "I&S-ViT: 100% #1 under_scores ~ tilde",
        r"Back\slash and $5 dollars",
        "Évaluation à grande échelle: résumé, naïve, Łódź",
        "한국어 제목: 대규모 언어 모델",
    ],
)
def test_titles_survive_a_round_trip(title):
    library = parse(export.bibtex([make_paper("2502.00001", title, ["A B"])]))
    (entry,) = library.entries
    assert decode(entry.fields_dict["title"].value) == title


def test_math_in_titles_stays_latex():
    titles = ["Transformers Can Represent $n$-gram Models", "M$^{2}$UGen: Music"]
    papers = [make_paper(f"2502.0000{i}", t) for i, t in enumerate(titles)]
    library = parse(export.bibtex(papers))
    values = [e.fields_dict["title"].value for e in library.entries]
    assert values == ["{" + t + "}" for t in titles]


def test_korean_and_accented_authors_stay_utf8_and_separate():
    authors = ["김철수", "José Müller", "Zoë Ó Briain", "Acme Research, Inc.", "Rock and Roll"]
    text = export.bibtex([make_paper("2410.04081", "Title", authors)])
    assert "김철수" in text and "José Müller" in text  # UTF-8, not LaTeX accents
    (entry,) = parse(text).entries
    names = entry.fields_dict["author"].value
    assert [decode(n) for n in names] == authors  # a comma or "and" does not split a name


def test_keys_are_unique_and_ascii():
    papers = [
        make_paper("2502.00001", "Sparse Attention", ["Wei Zhang"]),
        make_paper("2502.00002", "Sparse Attention Again", ["Min Zhang"]),
        make_paper("2502.00003", "The Title", ["김철수"]),
        make_paper("2502.00001", "Sparse Attention", ["Wei Zhang"]),  # a duplicate id
    ]
    library = parse(export.bibtex(papers))
    keys = [e.key for e in library.entries]
    assert keys == ["zhang2025sparse", "zhang2025sparseb", "arxiv2502_00003"]
    assert all(k.isascii() for k in keys)


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80),
    authors=st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
        max_size=4,
    ),
)
def test_any_title_and_authors_give_one_parseable_entry(title, authors):
    authors = list(dict.fromkeys(a for a in authors if a.strip()))  # a name listed twice: once
    # a name has a letter ("+" is the digests' mark for names left out, no author)
    named = [a for a in authors if re.search(r"[^\W\d_]", a)]
    library = parse(export.bibtex([make_paper("2502.18137", title, authors)]))
    (entry,) = library.entries
    assert entry.fields_dict["eprint"].value == "2502.18137"
    assert entry.fields_dict["url"].value == ARXIV + "2502.18137"
    if named:
        assert len(entry.fields_dict["author"].value) == len(named)


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_list_links_come_from_the_store_and_text_is_escaped():
    paper = make_paper(
        "2502.18137",
        "Evil [link](https://evil.example) <b>title</b>",
        ["A B"],
        github=("https://github.com/thu-ml/SpargeAttn",),
    )
    text = export.markdown_list([paper], "Reading list")
    assert text.startswith("# Reading list\n")
    assert f"]({ARXIV}2502.18137)" in text
    assert "[code](https://github.com/thu-ml/SpargeAttn)" in text
    assert "\\[link\\](https:\\/\\/evil.example)" in text and "\\<b\\>" in text
    # Two links (arXiv, code), none from the title, which has no bare URL left to autolink.
    assert len(re.findall(r"(?<!\\)\]\(", text)) == 2 and "evil.example" in text
    assert "https://evil" not in text


# -- over a real store ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def korean_store(tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("export")
    digest = base / "digests" / "ko.md"
    digest.parent.mkdir()
    digest.write_text(KOREAN_DIGEST, encoding="utf-8")
    settings = make_settings(base / "store")
    report = ingest([digest], settings)
    assert report.papers_total == 2 and not report.errors
    return settings


def run_cli(settings, *args):
    env = {"DIGEST_STORE_DIR": str(settings.store_dir), "DIGEST_ANSWER_MODE": "extractive"}
    return CliRunner().invoke(cli, list(args), env=env)


def test_cli_export_of_a_korean_digest_parses_back(korean_store, tmp_path):
    out = tmp_path / "refs.bib"
    result = run_cli(korean_store, "export", "--since", "2025-03-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    library = parse(out.read_text(encoding="utf-8"))
    by_id = {e.fields_dict["eprint"].value: e for e in library.entries}
    assert set(by_id) == {"2503.01234", "2503.04321"}
    ko = by_id["2503.01234"].fields_dict
    assert decode(ko["title"].value) == (
        "{Ko}-Bench: Évaluation des LLM & 100% of {nested {braces}}"
    )
    assert ko["author"].value == ["김철수", "이영희", "José Müller", "Zoë O'Brien-Łukasz"]
    assert decode(by_id["2503.04321"].fields_dict["title"].value) == (
        "A lone { brace_and #hash ~ tilde"
    )
    assert by_id["2503.04321"].fields_dict["author"].value == ["박지민"]


def test_cli_export_markdown_to_stdout(korean_store):
    result = run_cli(korean_store, "export", "--format", "markdown", "2503.01234")
    assert result.exit_code == 0, result.output
    assert "# Reading list: 1 paper" in result.stdout
    assert f"]({ARXIV}2503.01234)" in result.stdout and "김철수" in result.stdout


def test_cli_export_errors_are_one_line(korean_store):
    result = run_cli(korean_store, "export", "9999.99999")
    assert result.exit_code == 1 and "not in the store: 9999.99999" in result.output
    result = run_cli(korean_store, "export", "--topic", "no such topic")
    assert result.exit_code == 1 and "unknown topic" in result.output
    assert "Traceback" not in result.output


def test_select_papers_by_date_and_topic(seed_assistant):
    catalog = seed_assistant.catalog
    feb = export.select_papers(catalog, "2025-02-26", "2025-02-26")
    assert feb and all("2025-02-26" in p.dates for p in feb)
    nlp = export.select_papers(catalog, topic="natural language processing")
    assert nlp and all("Natural Language Processing" in p.tags for p in nlp)
    with pytest.raises(DigestError, match="unknown topic"):
        export.select_papers(catalog, topic="astrology")


def test_cli_ask_bibtex_exports_exactly_the_cited_papers(seed_settings):
    result = run_cli(seed_settings, "ask", "What does SpargeAttn do?", "--bibtex", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    library = parse(data["bibtex"])
    cited = [c["arxiv_id"] for c in data["citations"]]
    assert cited and [e.fields_dict["eprint"].value for e in library.entries] == cited
    assert "2502.18137" in cited

    result = run_cli(seed_settings, "ask", "What does SpargeAttn do?", "--bibtex")
    assert result.exit_code == 0, result.output
    library = parse(result.stdout)  # stdout is only BibTeX; the answer went to stderr
    assert [e.fields_dict["eprint"].value for e in library.entries] == cited
    assert "SpargeAttn" in result.stderr


def test_cli_ask_bibtex_on_a_refusal_prints_nothing(seed_settings):
    result = run_cli(seed_settings, "ask", "What is the best pizza in Naples?", "--bibtex")
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "no paper cited" in result.stderr
    assert not re.search(r"@misc", result.output)
