"""Tests for assistant.ingest.parse: the three digest shapes, real-archive quirks, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ingest.parse import (
    ParseIssue,
    ParseResult,
    find_arxiv_ids,
    parse_file,
    parse_text,
)
from assistant.types import KO_SECTIONS

FIXTURES = Path(__file__).parent / "fixtures" / "digests"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def parse_fixture(name: str) -> ParseResult:
    return parse_file(FIXTURES / name)


def by_id(result: ParseResult) -> dict:
    return {m.arxiv_id: m for m in result.mentions}


# -- shape 1: six-column table -------------------------------------------------------------


def test_shape1_fields():
    result = parse_fixture("shape1_full_table.md")
    assert result.issues == []
    alpha = by_id(result)["2502.00001"]  # "v2" suffix stripped
    assert alpha.title == "Alpha | Beta: Bold Pipes in Titles"
    assert alpha.authors == ("Ann Lee", "bob99", "Chen Wu")
    assert alpha.tags == ("Multimodal", "Visual Question Answering")
    assert alpha.github == ("https://github.com/a/alpha", "https://github.com/a/alpha-extra")
    assert alpha.huggingface == ("https://huggingface.co/datasets/a/alpha",)
    assert (alpha.date, alpha.language, alpha.line, alpha.votes) == ("2025-02-26", "en", 7, None)
    assert alpha.source == str(FIXTURES / "shape1_full_table.md")


def test_shape1_summary_keeps_numbers_and_collapses_whitespace():
    alpha = by_id(parse_fixture("shape1_full_table.md"))["2502.00001"]
    assert alpha.summary == "- Alpha reaches 72.2% on CMMLU. - It beats VITA (46.6%)."


def test_shape1_na_cells_and_http_pdf_link():
    gamma = by_id(parse_fixture("shape1_full_table.md"))["2502.00002"]
    assert gamma.github == () and gamma.huggingface == ()
    assert gamma.tags == ("Text Generation",)


def test_html_in_summary_is_kept_as_text():
    gamma = by_id(parse_fixture("shape1_full_table.md"))["2502.00002"]
    assert gamma.summary == 'Uses <script>alert("x")</script> and <b>bold</b> verbatim.'


def test_damaged_classification_list_falls_back_to_quoted_items():
    delta = by_id(parse_fixture("shape1_full_table.md"))["2502.00003"]
    assert delta.tags == ("Computer Vision",)


# -- shape 2: three-column table, wrapped rows, Link column --------------------------------


def test_shape2_wrapped_rows_are_joined():
    result = parse_fixture("shape2_wrapped.md")
    assert result.issues == []
    papers = by_id(result)
    merge = papers["2504.00999"]
    assert merge.title == (
        "MergeVQ: A Unified Framework for Visual Generation and Representation "
        "with Disentangled Token Merging and Quantization"
    )
    assert merge.authors == ("Cheng Tan", "Juanxi", "Lupin1998")
    assert merge.summary == "MergeVQ presents a unified framework; it scores 0.49 rFID."
    assert merge.line == 7
    aqi = papers["2506.13901"]
    assert aqi.title.endswith("Cluster Divergence, and Layer wise Pooled Representations")
    assert aqi.line == 10


def test_shape2_unescaped_pipe_in_summary_stays_in_summary():
    row = by_id(parse_fixture("shape2_wrapped.md"))["2504.00883"]
    assert row.summary == "Plain one-line row with Conf(V|X) inside the summary."
    assert row.authors == ("Zhen Li",)


def test_the_hugging_face_paper_page_of_a_title_is_kept():
    # "(Read more on [arXiv](...) or [HuggingFace](https://huggingface.co/papers/ID))"
    row = by_id(parse_fixture("shape2_wrapped.md"))["2504.00883"]
    assert row.huggingface == ("https://huggingface.co/papers/2504.00883",)
    assert row.github == ()


def test_stray_text_between_tables_and_huggingface_only_link():
    result = parse_fixture("shape2_wrapped.md")
    assert result.ids == {"2504.00999", "2504.00883", "2506.13901", "2504.01111"}
    late = by_id(result)["2504.01111"]
    assert late.title == "Only on HuggingFace"
    assert late.summary == "Summary with a wrapped second line."
    assert late.line == 18


def test_shape2_fourth_link_column():
    result = parse_fixture("shape2_link_column.md")
    assert result.issues == []
    assert [m.arxiv_id for m in result.mentions] == ["2409.02889", "2409.02634"]
    first = result.mentions[0]
    assert first.title.startswith("LongLLaVA: Scaling Multi-modal LLMs")
    assert first.summary == "The paper introduces LongLLaVA."
    assert first.authors == ("Benyou Wang", "songdj")


# -- shape 3: Korean ----------------------------------------------------------------------


def test_ko_three_star_sections_votes_authors():
    result = parse_fixture("ko_structured.md")
    assert result.issues == []
    omni = by_id(result)["2502.18411"]
    assert (omni.language, omni.date, omni.line, omni.votes) == ("ko", "2024-08-16", 3, 53)
    assert omni.authors == ("Zicheng Zhang", "Kai Chen", "Jiaqi Wang")
    assert tuple(omni.sections) == KO_SECTIONS
    assert omni.sections["Performance Highlights"] == "MM-AlignBench에서 72.2% 향상."
    assert omni.summary == (
        "What's New: OmniAlign-V는 200K 샘플을 제공합니다.\n"
        "Technical Details: SFT 및 DPO를 사용합니다.\n"
        "Performance Highlights: MM-AlignBench에서 72.2% 향상."
    )


def test_ko_sections_written_as_python_literals_are_plain_text():
    """Some Korean digests write a section as a Python dict or list ("{'Efficiency':
    '...'}", "['...', '...']"): answers had quoted the braces and quotes."""
    text = "\n".join(
        [
            "## Daily Papers (2024-06-18)",
            "",
            "### [Toffee: Datasets](https://arxiv.org/abs/2406.09305)",
            "",
            "- **What's New**: Toffee는 데이터셋을 만듭니다.",
            "- **Technical Details**: {'Dataset Construction': '파이프라인입니다.', "
            "'Model': 'ToffeeNet입니다.'}",
            "- **Performance Highlights**: ['연산이 절감됩니다.', 'bot's moves 평가.']",
        ]
    )
    toffee = parse_text(text, "2024-06-18-ko.md").mentions[0]
    assert toffee.sections["Technical Details"] == (
        "Dataset Construction: 파이프라인입니다. Model: ToffeeNet입니다."
    )
    # an apostrophe inside an item (no literal then): its items, split where they are
    assert toffee.sections["Performance Highlights"] == "연산이 절감됩니다. bot's moves 평가."
    assert "{'" not in toffee.summary and "['" not in toffee.summary


def test_ko_two_star_variant_curly_apostrophe_video_and_extra_bullets():
    two = by_id(parse_fixture("ko_structured.md"))["2408.08172"]
    assert two.votes is None  # "Vote: -"
    assert tuple(two.sections) == KO_SECTIONS  # "What’s New" normalised
    assert two.sections["What's New"] == "새로운 방법을 소개합니다."
    # a non-bullet line continues the bullet; an unknown label joins the open section
    assert two.sections["Technical Details"] == (
        "로그 형태가 잘 맞습니다. x=log10(memory-size), y=log10(error-rate) 범위입니다. "
        "Memory Pruning Details: 하드 가지치기와 소프트 가지치기."
    )
    assert "video" not in two.summary and "cdn-uploads" not in two.summary


def test_ko_old_plain_bullets_without_votes_or_authors():
    result = parse_fixture("ko_plain_old.md")
    assert result.issues == []
    video, emu = result.mentions
    assert video.sections == {} and video.votes is None and video.authors == ()
    assert video.summary == (
        "대규모 비전-언어 모델 (LVLM)은 성능을 향상시켰습니다.\n"
        "Video-LLaVA는 MSRVTT에서 5.8% 향상된 성능을 보였습니다."
    )
    assert (emu.arxiv_id, emu.line, emu.summary) == (
        "2311.10709",
        7,
        "Emu Video는 두 단계로 구성된 모델입니다.",
    )


def test_brackets_inside_link_titles():
    text = (
        "## Daily Papers (2024-12-10)\n"
        "### [Explicit Modeling of Uncertainty with an [IDK] Token](https://arxiv.org/abs/2412.06676)\n"
        "- x\n"
    )
    (mention,) = parse_text(text, "ko.md").mentions
    assert mention.title == "Explicit Modeling of Uncertainty with an [IDK] Token"
    table = (
        "## Papers for 2025-02-26\n| Title | Authors | Summary | Classification |\n|---|---|---|---|\n"
        "| [GPT-[n] and o-[n] Models](https://arxiv.org/abs/2502.01081) | A | S | ['NLP'] |\n"
    )
    (row,) = parse_text(table, "en.md").mentions
    assert (row.title, row.tags) == ("GPT-[n] and o-[n] Models", ("NLP",))


# -- dates ----------------------------------------------------------------------------------


def test_date_from_file_name_old_style_id_and_heading_without_link():
    result = parse_fixture("2024-03-05.md")
    assert [(m.arxiv_id, m.date) for m in result.mentions] == [
        ("cs/0501001", "2024-03-05"),
        ("2403.00001", "2024-03-05"),
    ]
    assert result.issues == [
        ParseIssue(
            str(FIXTURES / "2024-03-05.md"),
            6,
            "paper heading has no arXiv link: 'Heading Without A Link'; skipped",
        )
    ]


def test_missing_date_is_an_issue_and_nothing_is_parsed():
    text = "| Title | Authors | Summary |\n|---|---|---|\n| [T](https://arxiv.org/abs/2401.00001) | A | S |\n"
    result = parse_text(text, "notes/undated.md")
    assert result.mentions == []
    assert len(result.issues) == 1
    assert result.issues[0].file == "notes/undated.md"
    assert "no digest date" in result.issues[0].message


def test_heading_date_wins_over_file_name():
    text = "## Papers for 2024-10-14\n\n### [T](https://arxiv.org/abs/2410.00001)\n- x\n"
    (mention,) = parse_text(text, "archive/2020-01-01.md").mentions
    assert mention.date == "2024-10-14"


# -- malformed input ------------------------------------------------------------------------


def test_malformed_rows_are_reported_with_file_and_line_and_parsing_continues():
    path = FIXTURES / "malformed.md"
    result = parse_file(path)
    assert [(i.file, i.line) for i in result.issues] == [
        (str(path), 6),
        (str(path), 7),
        (str(path), 10),
    ]
    no_link, truncated, conflict = (i.message for i in result.issues)
    assert "no arXiv link" in no_link and "A Title Without Any Link" in no_link
    assert "truncated" in truncated
    assert "2410.08565" in conflict and "line 5" in conflict
    # the truncated row still yields its paper; the rest of the file is parsed
    assert result.ids == {"2410.08565", "2410.08261", "2410.07303"}


def test_same_id_twice_keeps_the_first():
    papers = by_id(parse_fixture("malformed.md"))
    assert papers["2410.08565"].title == "Good First Paper"
    assert papers["2410.08565"].line == 5
    assert papers["2410.07303"].line == 9  # repeated with the same title: no issue


def test_row_before_any_header_is_an_issue():
    text = "## Papers for 2024-10-14\n| [T](https://arxiv.org/abs/2410.00001) | A | S |\n"
    result = parse_text(text, "x.md")
    assert result.mentions == []
    assert [(i.line, "no header" in i.message) for i in result.issues] == [(2, True)]


# -- encodings, junk, empty -----------------------------------------------------------------

KO_TEXT = "## Daily Papers (2024-01-02)\n\n### [제목 Title](https://arxiv.org/abs/2401.00002)\n\n- 요약입니다.\n"


def test_utf8_bom(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + KO_TEXT.encode("utf-8"))
    result = parse_file(path)
    assert result.issues == []
    assert [(m.title, m.date) for m in result.mentions] == [("제목 Title", "2024-01-02")]


def test_cp949_file_is_decoded_with_an_issue(tmp_path):
    path = tmp_path / "cp949.md"
    path.write_bytes(KO_TEXT.encode("cp949"))
    result = parse_file(path)
    (mention,) = result.mentions
    assert mention.title == "제목 Title" and mention.summary == "요약입니다."
    assert len(result.issues) == 1 and "cp949" in result.issues[0].message


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.md"
    path.write_bytes(KO_TEXT.encode("utf-16"))
    assert parse_file(path).ids == {"2401.00002"}


def test_latin1_fallback(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(b"## Papers for 2024-01-02\n\xff\xfe\xfd\xfc\n")
    result = parse_file(path)
    assert result.mentions == []
    assert [i.message.endswith("latin-1") for i in result.issues] == [True]


def test_binary_junk_gives_one_issue(tmp_path):
    path = tmp_path / "junk.md"
    path.write_bytes(bytes(range(256)) * 8)
    result = parse_file(path)
    assert result.mentions == []
    assert len(result.issues) == 1 and "binary" in result.issues[0].message


def test_empty_file(tmp_path):
    path = tmp_path / "2024-01-02.md"
    path.write_bytes(b"")
    assert parse_file(path) == ParseResult([], [])


def test_unreadable_file_is_an_issue(tmp_path):
    result = parse_file(tmp_path / "missing.md")
    assert result.mentions == []
    assert "cannot read" in result.issues[0].message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|[]()#*-:\n \\abc1.v/'\"")), max_size=300))
def test_parse_text_never_raises(noise):
    text = "## Papers for 2024-01-02\n| Title | Authors | Summary |\n|---|---|---|\n" + noise
    result = parse_text(text, "noise.md")
    assert all(i.line >= 1 for i in result.issues)


# -- arXiv id extraction ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("see https://arxiv.org/abs/2502.18137v3.", {"2502.18137"}),
        ("http://arxiv.org/pdf/2502.18137v1.pdf", {"2502.18137"}),
        ("[HF](https://huggingface.co/papers/2410.08565)", {"2410.08565"}),
        (
            "https://arxiv.org/abs/cs/0501001v2 and arxiv.org/abs/hep-th/9901001",
            {"cs/0501001", "hep-th/9901001"},
        ),
        ("https://arxiv.org/abs/2502.181379 is too long", set()),
        ("arXiv:2502.18137 without a link", set()),
    ],
)
def test_find_arxiv_ids(text, ids):
    assert find_arxiv_ids(text) == ids


# -- the seeds ------------------------------------------------------------------------------


def test_seeds_give_60_unique_ids_and_no_issues():
    results = [parse_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    assert len(results) == 5
    assert [i for r in results for i in r.issues] == []
    assert len(set().union(*(r.ids for r in results))) == 60
    for result, path in zip(results, sorted(SEEDS.glob("*.txt")), strict=True):
        raw = find_arxiv_ids(path.read_text(encoding="utf-8"))
        assert result.ids == raw, path.name


def test_authors_written_as_a_python_list_are_plain_names():
    """Some Korean digests write "Authors: ['Kai Tzu-iunn Ong', 'Dongha Lee']"; answers
    showed the brackets and quotes."""
    text = (FIXTURES / "ko_structured.md").read_text("utf-8")
    text = text.replace(
        "Authors: Zicheng Zhang, Kai Chen, Jiaqi Wang",
        "Authors: ['Zicheng Zhang', 'Kai Chen', \"Jiaqi O'Wang\"]",
    )
    result = parse_text(text, "ko_list.md")
    omni = by_id(result)["2502.18411"]
    assert omni.authors == ("Zicheng Zhang", "Kai Chen", "Jiaqi O'Wang")


@pytest.mark.parametrize(
    "written, plain",
    [
        (
            r"LLM$\times$MapReduce: Simplified Long-Sequence Processing",
            "LLM×MapReduce: Simplified Long-Sequence Processing",
        ),
        (r"S$^2$R: Teaching LLMs to Self-verify", "S²R: Teaching LLMs to Self-verify"),
        (
            r"$\nabla^2$DFT: A Universal Quantum Chemistry Dataset",
            "∇²DFT: A Universal Quantum Chemistry Dataset",
        ),
        (
            r"$τ$-bench: A Benchmark for Tool-Agent-User Interaction",
            "τ-bench: A Benchmark for Tool-Agent-User Interaction",
        ),
        (
            r"A Simple and Effective $L_2$ Norm-Based Strategy",
            "A Simple and Effective L₂ Norm-Based Strategy",
        ),
        (
            r"AutoCoder: Enhancing Code LLMs with \textsc{AIEV-Instruct}",
            "AutoCoder: Enhancing Code LLMs with AIEV-Instruct",
        ),
        # a price is no math: as written
        (
            "Can Frontier LLMs Earn $1 Million from Freelance Work?",
            "Can Frontier LLMs Earn $1 Million from Freelance Work?",
        ),
        (
            "Fixing 7,400 Bugs for 1$: Cheap Crash-Site Program Repair",
            "Fixing 7,400 Bugs for 1$: Cheap Crash-Site Program Repair",
        ),
    ],
)
def test_tex_in_a_title_is_read_as_unicode_in_both_digest_shapes(written, plain):
    """Was: "LLM$\\times$MapReduce" shown as written, and "LLM×MapReduce" named no paper."""
    table = (
        "## Papers for 2025-02-26\n\n| Title | Authors | Summary |\n|---|---|---|\n"
        f"| [{written}](https://arxiv.org/abs/2502.00009) | Ann Lee | A summary. |\n"
    )
    assert by_id(parse_text(table, "2025-02-26.md"))["2502.00009"].title == plain
    korean = f"## Daily Papers (2025-02-26)\n\n### [{written}](https://arxiv.org/abs/2502.00009)\n\n요약입니다.\n"
    assert by_id(parse_text(korean, "2025-02-26.md"))["2502.00009"].title == plain
