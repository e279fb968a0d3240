"""Tests for assistant.types: mentions merged into one Paper per arXiv id, hashes, metadata."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.ingest.merge import merge
from assistant.ingest.parse import parse_file
from assistant.types import Mention, Paper, date_int, slug

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EN_0226 = SEEDS / "000_1ad675b0dd00e240.txt"  # English table, 2025-02-26
KO_0226 = SEEDS / "001_de37251fccb98f1c.txt"  # Korean digest, same day
EMBEDDER = "onnx:test:0000"


def en_mention(**changes) -> Mention:
    base = Mention(
        arxiv_id="2502.18137",
        title="SpargeAttn: Accurate Sparse Attention Accelerating Any Model Inference",
        date="2025-02-26",
        language="en",
        source="digests/en-2025-02-26.md",
        line=9,
        summary="- SpargeAttn is a training-free sparse attention method. - 2.5x to 5x faster.",
        authors=("Haofeng Huang", "surfingtomchen", "jt-zhang"),
        tags=("Natural Language Processing", "Text-to-Video"),
        github=("https://github.com/thu-ml/SpargeAttn",),
        huggingface=(),
    )
    return replace(base, **changes)


def ko_mention(**changes) -> Mention:
    base = Mention(
        arxiv_id="2502.18137",
        title="SpargeAttn: Accurate Sparse Attention Accelerating Any Model Inference",
        date="2025-02-27",
        language="ko",
        source="digests/ko-2025-02-27.md",
        line=30,
        summary="SpargeAttn은 범용 희소 어텐션 알고리즘입니다.",
        sections={"What's New": "SpargeAttn은 범용 희소 어텐션 알고리즘입니다."},
        authors=("Jintao Zhang", "Chendong Xiang", "Haofeng Huang", "Jia Wei", "Jun Zhu"),
        votes=42,
    )
    return replace(base, **changes)


def one(papers: dict[str, Paper]) -> Paper:
    assert len(papers) == 1
    return next(iter(papers.values()))


# -- merging across languages --------------------------------------------------------------


def test_english_and_korean_mentions_merge_into_one_paper():
    paper = one(merge([ko_mention(title="SpargeAttn (Korean digest title)"), en_mention()]))
    assert paper.arxiv_id == "2502.18137"
    assert paper.url == "https://arxiv.org/abs/2502.18137"
    assert paper.title == en_mention().title  # English title wins over the Korean one
    assert paper.authors == ko_mention().authors  # the full author list (Korean digest)
    assert paper.dates == ["2025-02-26", "2025-02-27"]
    assert paper.languages == ["en", "ko"]
    assert paper.sources == ["digests/en-2025-02-26.md", "digests/ko-2025-02-27.md"]
    assert paper.summaries() == {"en": en_mention().summary, "ko": ko_mention().summary}
    assert paper.summary() == en_mention().summary  # English preferred
    assert paper.summary("ko") == ko_mention().summary
    assert paper.votes == 42
    assert paper.tags == en_mention().tags
    assert paper.github == en_mention().github


def test_merge_order_does_not_matter():
    a = one(merge([en_mention(), ko_mention()]))
    b = one(merge([ko_mention(), en_mention()]))
    assert a.title == b.title and a.authors == b.authors
    assert a.record_json() == b.record_json()
    assert a.record_hash() == b.record_hash()
    assert a.embed_hash(EMBEDDER) == b.embed_hash(EMBEDDER)


def test_korean_only_paper_uses_its_korean_title_and_summary():
    paper = one(merge([ko_mention()]))
    assert paper.title == ko_mention().title
    assert paper.summary() == ko_mention().summary
    assert paper.languages == ["ko"]
    assert paper.embed_text().startswith(paper.title)
    assert ko_mention().summary in paper.embed_text()


def test_title_falls_back_to_the_id_when_no_mention_has_one():
    assert one(merge([en_mention(title="")])).title == "2502.18137"


def test_english_author_list_kept_when_it_is_the_longer_one():
    paper = one(merge([en_mention(authors=("A", "B", "C", "D", "E", "F")), ko_mention()]))
    assert paper.authors == ("A", "B", "C", "D", "E", "F")


def test_different_ids_stay_separate_and_all_mentions_are_kept():
    other = en_mention(arxiv_id="2502.18411", title="OmniAlign-V", line=5)
    papers = merge([en_mention(), other, ko_mention()])
    assert sorted(papers) == ["2502.18137", "2502.18411"]
    assert len(papers["2502.18137"].mentions) == 2
    assert len(papers["2502.18411"].mentions) == 1


def test_tags_links_are_unioned_without_duplicates_english_first():
    en = en_mention(tags=("B", "A"), github=("https://github.com/x/y",))
    en2 = en_mention(
        source="digests/en-2025-02-28.md",
        date="2025-02-28",
        tags=("A", "C"),
        github=("https://github.com/x/y", "https://github.com/x/z"),
        huggingface=("https://huggingface.co/x",),
    )
    paper = one(merge([en2, en]))
    assert paper.tags == ("B", "A", "C")
    assert paper.github == ("https://github.com/x/y", "https://github.com/x/z")
    assert paper.huggingface == ("https://huggingface.co/x",)


def test_real_seed_digests_merge_english_and_korean():
    mentions = parse_file(EN_0226).mentions + parse_file(KO_0226).mentions
    papers = merge(mentions)
    en_ids = {m.arxiv_id for m in parse_file(EN_0226).mentions}
    ko_ids = {m.arxiv_id for m in parse_file(KO_0226).mentions}
    assert en_ids <= ko_ids  # every English 2025-02-26 paper is in the Korean digest too
    assert len(papers) == len(en_ids | ko_ids) == 22
    omni = papers["2502.18411"]
    assert omni.title == "OmniAlign-V: Towards Enhanced Alignment of MLLMs with Human Preference"
    assert omni.languages == ["en", "ko"]
    assert omni.sources == sorted([str(EN_0226), str(KO_0226)])
    assert set(omni.summaries()) == {"en", "ko"}
    assert "200K" in omni.summaries()["en"] and "200K" in omni.summaries()["ko"]
    # the English digest has HF user names; the Korean one the full author list
    assert "Zicheng Zhang" in omni.authors and len(omni.authors) == 13
    assert omni.tags == ("Multimodal", "Visual Question Answering")
    assert omni.votes == 53
    assert omni.dates == ["2025-02-26"]
    for pid in ko_ids - en_ids:
        assert papers[pid].languages == ["ko"]


# -- hashes --------------------------------------------------------------------------------


def test_hashes_are_stable_across_instances_and_round_trips():
    paper = Paper("2502.18137", [en_mention(), ko_mention()])
    again = Paper.from_record(paper.arxiv_id, paper.record_json())
    assert again.record_json() == paper.record_json()
    assert again.record_hash() == paper.record_hash()
    assert again.embed_hash(EMBEDDER) == paper.embed_hash(EMBEDDER)
    assert again.metadata(EMBEDDER) == paper.metadata(EMBEDDER)
    # mention order does not change the record
    assert Paper("2502.18137", [ko_mention(), en_mention()]).record_hash() == paper.record_hash()
    assert len(paper.record_hash()) == 16 and len(paper.embed_hash(EMBEDDER)) == 16


def test_from_record_restores_every_field():
    paper = Paper("2502.18137", [en_mention(), ko_mention()])
    again = Paper.from_record(paper.arxiv_id, paper.record_json())
    assert sorted(again.mentions, key=Mention.key) == sorted(paper.mentions, key=Mention.key)
    ko = next(m for m in again.mentions if m.language == "ko")
    assert isinstance(ko.authors, tuple) and ko.sections == ko_mention().sections


@pytest.mark.parametrize(
    ("change", "record", "embed"),
    [
        ({"summary": "A different summary."}, True, True),
        ({"title": "A Different Title"}, True, True),
        ({"tags": ("Robotics",)}, True, False),
        ({"authors": ("Someone Else",)}, True, False),
        ({"github": ()}, True, False),
        ({"date": "2025-03-01"}, True, False),
        ({"line": 99}, True, False),
        ({"votes": 7}, True, False),
    ],
)
def test_hashes_are_sensitive_to_exactly_what_they_cover(change, record, embed):
    before = Paper("2502.18137", [en_mention()])
    after = Paper("2502.18137", [en_mention(**change)])
    assert (before.record_hash() != after.record_hash()) is record
    assert (before.embed_hash(EMBEDDER) != after.embed_hash(EMBEDDER)) is embed


def test_embed_hash_depends_on_the_embedder():
    paper = Paper("2502.18137", [en_mention()])
    assert paper.embed_hash("onnx:a:1") != paper.embed_hash("onnx:b:2")
    assert paper.metadata("onnx:a:1")["embed_hash"] == paper.embed_hash("onnx:a:1")


def test_adding_a_korean_mention_changes_the_record_but_not_the_embedded_text():
    en_only = Paper("2502.18137", [en_mention()])
    both = Paper("2502.18137", [en_mention(), ko_mention()])
    assert en_only.record_hash() != both.record_hash()
    assert en_only.embed_text() == both.embed_text()
    assert en_only.embed_hash(EMBEDDER) == both.embed_hash(EMBEDDER)


# -- metadata ------------------------------------------------------------------------------


def test_metadata_values_are_scalars_only():
    paper = Paper("2502.18137", [en_mention(), ko_mention()])
    meta = paper.metadata(EMBEDDER)
    for key, value in meta.items():
        assert isinstance(value, str | int | float | bool), (key, value)
        assert value is not None
    json.loads(meta["record"])  # the record is a JSON string, not a list


def test_metadata_of_a_sparse_paper_has_no_none():
    bare = en_mention(authors=(), tags=(), github=(), summary="", votes=None)
    meta = Paper(bare.arxiv_id, [bare]).metadata(EMBEDDER)
    assert None not in meta.values()
    assert meta["votes"] == -1
    assert meta["has_code"] is False
    assert meta["tags"] == ""
    assert not any(k.startswith("tag_") for k in meta)


def test_metadata_dates_are_ints_and_flags_are_bools():
    meta = Paper("2502.18137", [en_mention(), ko_mention()]).metadata(EMBEDDER)
    assert meta["date_first"] == 20250226 and type(meta["date_first"]) is int
    assert meta["date_last"] == 20250227 and type(meta["date_last"]) is int
    assert meta["dates"] == "2025-02-26,2025-02-27"
    assert meta["languages"] == "en,ko"
    assert meta["lang_en"] is True and meta["lang_ko"] is True
    assert meta["has_code"] is True
    assert meta["votes"] == 42
    assert meta["arxiv_id"] == "2502.18137"
    assert meta["url"] == "https://arxiv.org/abs/2502.18137"
    assert meta["record_hash"] == Paper("2502.18137", [en_mention(), ko_mention()]).record_hash()


def test_metadata_tag_flags():
    meta = Paper("2502.18137", [en_mention()]).metadata(EMBEDDER)
    assert meta["tag_natural_language_processing"] is True
    assert meta["tag_text_to_video"] is True
    assert meta["tags"] == "Natural Language Processing|Text-to-Video"
    assert sum(k.startswith("tag_") for k in meta) == 2


def test_slug_and_date_int():
    assert slug("Visual Question Answering") == "visual_question_answering"
    assert slug("Text-to-Image") == "text_to_image"
    assert slug("  Any-to-Any  ") == "any_to_any"
    assert date_int("2024-10-14") == 20241014


# -- merging with stored papers, replacing re-parsed files ---------------------------------


def test_stored_mentions_are_kept_and_new_files_add_to_them():
    stored = merge([en_mention()])
    papers = merge([ko_mention()], stored, replacing={ko_mention().source})
    assert one(papers).languages == ["en", "ko"]
    assert len(one(papers).mentions) == 2


def test_reparsed_file_replaces_its_stored_mentions():
    stored = merge([en_mention(summary="old summary"), ko_mention()])
    fresh = en_mention(summary="new summary")
    paper = one(merge([fresh], stored, replacing={fresh.source}))
    assert paper.summaries() == {"en": "new summary", "ko": ko_mention().summary}
    assert len(paper.mentions) == 2


def test_paper_dropped_from_a_reparsed_file_loses_that_mention():
    other = en_mention(arxiv_id="2502.18411", title="OmniAlign-V")
    stored = merge([en_mention(), ko_mention(), other])
    # the English file was re-parsed and now only mentions OmniAlign-V
    papers = merge([other], stored, replacing={en_mention().source})
    assert papers["2502.18137"].languages == ["ko"]
    assert papers["2502.18137"].sources == [ko_mention().source]
    assert papers["2502.18411"].sources == [other.source]


def test_paper_only_in_a_reparsed_file_that_lost_it_disappears():
    stored = merge([en_mention()])
    assert merge([], stored, replacing={en_mention().source}) == {}


def test_same_file_same_date_same_language_is_one_mention():
    a = en_mention(summary="first")
    b = en_mention(summary="second", line=40)
    paper = one(merge([a, b]))
    assert len(paper.mentions) == 1 and paper.summary() == "second"


def test_an_acronym_of_the_title_a_summary_defines_is_an_alias():
    """b90: "DP3, the 3D point cloud diffusion policy ..." found iDP3 (whose digest names DP3
    as a baseline), not "3D Diffusion Policy", whose Korean digest defines "3D 확산
    정책(DP3)" and writes DP3 throughout. An acronym of other words is none ("(LLM)")."""
    from assistant.types import Mention, Paper

    summary = (
        "새로운 접근법인 3D 확산 정책(DP3)을 제시합니다. DP3의 핵심 설계는 포인트 인코더입니다. "
        "대형 언어 모델(LLM)을 쓰지 않습니다. LLM 없이 DP3는 85%를 달성합니다."
    )
    paper = Paper(
        "2403.03954",
        [
            Mention(
                "2403.03954", "3D Diffusion Policy", "2024-03-07", "ko", "x.md", 1, summary=summary
            )
        ],
    )
    assert "DP3" in paper.aliases
    assert "LLM" not in paper.aliases
    once = summary.replace("DP3의", "그것의").replace("DP3는", "그것은")  # defined, never used
    assert "DP3" not in Paper("2403.03954", [replace(paper.mentions[0], summary=once)]).aliases
