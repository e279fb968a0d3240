"""Tests for ingestion: counts, incremental re-ingest, bad input, dry runs, interruption, CLI.

Everything is real: the parser, the MiniLM ONNX embedder and embedded Chroma in temp folders.
Stores are built once per module from a few seed files and copied per test (copying a Chroma
folder is much cheaper than embedding again). Digest files are ingested through *relative*
paths from the test's folder, so a copied store and copied digests agree on `Mention.source`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import SEEDS, make_settings

from assistant.app.cli import main as cli
from assistant.errors import EmbedderMismatch
from assistant.index.store import PaperStore, make_embedder
from assistant.ingest import pipeline as ingest_mod
from assistant.ingest.pipeline import ingest

FIXTURES = Path(__file__).parent / "fixtures" / "digests"
EN_0226 = "000_1ad675b0dd00e240.txt"  # 10 papers, English, 2025-02-26
KO_0226 = "001_de37251fccb98f1c.txt"  # 22 papers, Korean, 2025-02-26 (the 10 above + 12)
EN_1023 = "003_0419e020d2a675aa.txt"  # 7 papers, English, 2024-10-23
EN_1014 = "004_3d843731ae4cf7d9.txt"  # 13 papers, shape 2, 2024-10-14
SMALL = (EN_0226, EN_1023)  # the module store: 17 papers
SPARGE = "2502.18137"
JSON_KEYS = {
    "files",
    "papers_total",
    "papers_new",
    "papers_updated",
    "papers_unchanged",
    "embedded",
    "errors",
}


# -- helpers -------------------------------------------------------------------------------


def synthetic_digest(path: Path, n: int, date: str = "2025-03-01", start: int = 10000) -> Path:
    """A shape-1 digest with `n` short rows (ids 2503.<start+i>)."""
    rows = [
        f"## Papers for {date}",
        "",
        "| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |",
        "|---|---|---|---|---|---|",
    ]
    for i in range(n):
        rows.append(
            f"| [Synthetic Paper {i}: Method {i}](https://arxiv.org/abs/2503.{start + i}) "
            f"| Ann {i}, Bob | - Method {i} studies topic {i % 7} and gains {i}.5% on "
            f"benchmark {i % 11}. | ['Topic {i % 5}'] | N/A | N/A |"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@cache
def minilm_id() -> tuple[str, int]:
    embedder = make_embedder(make_settings(Path("unused")))
    return embedder.embedder_id, embedder.dim


def paper_store(settings) -> PaperStore:
    """The store, opened without building an embedder (much faster than `open_store`)."""
    return PaperStore(settings, *minilm_id(), create=False)


def snapshot(settings) -> dict[str, tuple]:
    """id -> (record hash, embed hash, document, vector) for every stored paper.

    The vector is kept as its exact float32 bytes: a paper that was not re-embedded must
    keep its stored vector bit for bit (a metadata-only write never touches it)."""
    store = paper_store(settings)
    got = store.collection.get(include=["metadatas", "documents", "embeddings"])
    return {
        pid: (
            meta["record_hash"],
            meta["embed_hash"],
            doc,
            np.asarray(vec, dtype=np.float32).tobytes(),
        )
        for pid, meta, doc, vec in zip(
            got["ids"], got["metadatas"], got["documents"], got["embeddings"], strict=True
        )
    }


def stored_meta(settings, pid: str) -> dict:
    store = paper_store(settings)
    return store.collection.get(ids=[pid], include=["metadatas"])["metadatas"][0]


def count(settings) -> int:
    return paper_store(settings).count()


def korean_subset(path: Path) -> Path:
    """The Korean 2025-02-26 digest cut to its first three papers: OmniAlign-V and
    SpargeAttn (both in the English digest too) and SWE-RL (only in the Korean one)."""
    lines = (SEEDS / KO_0226).read_text(encoding="utf-8").splitlines()
    assert lines[38].startswith("### [KV-Edit")
    path.write_text("\n".join(lines[:38]) + "\n", encoding="utf-8")
    return path


def same_content(a: dict, b: dict) -> None:
    """Two snapshots hold the same papers, records and (nearly) the same vectors."""
    assert sorted(a) == sorted(b)
    for pid in a:
        assert a[pid][:3] == b[pid][:3], pid
        # separately embedded (other batches): equal within float32 tolerance, not bitwise
        va, vb = (np.frombuffer(x[pid][3], dtype=np.float32) for x in (a, b))
        assert np.allclose(va, vb, rtol=0, atol=1e-4), pid


@pytest.fixture(scope="module")
def small_base(tmp_path_factory):
    """A folder with `seeds/` (two seed files) and `store/` built from them (relative paths)."""
    base = tmp_path_factory.mktemp("small-base")
    (base / "seeds").mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / name, base / "seeds" / name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(base)
        report = ingest([Path("seeds")], make_settings(base / "store"))
    assert report.papers_total == 17 and report.embedded == 17 and not report.errors
    return base


@pytest.fixture
def small(small_base, tmp_path, monkeypatch):
    """A private copy of the small store and its digests; cwd is the copy's folder."""
    shutil.copytree(small_base / "seeds", tmp_path / "seeds")
    shutil.copytree(small_base / "store", tmp_path / "store")
    monkeypatch.chdir(tmp_path)
    for p in (tmp_path / "seeds").iterdir():
        p.chmod(0o644)  # the seeds are read-only; the copies are ours to edit
    settings = make_settings(tmp_path / "store")
    # the copy's records still name the base's files: one ingest points them here
    moved = ingest([Path("seeds")], settings)
    assert (moved.papers_updated, moved.embedded) == (17, 0)
    return settings


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- the seeds -----------------------------------------------------------------------------


def test_seeds_second_run_embeds_nothing(seed_settings):
    report = ingest([SEEDS], seed_settings)
    assert report.files == 5
    assert report.papers_total == 60
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (0, 0, 60)
    assert report.embedded == 0
    assert report.errors == []
    assert report.store_total == 60
    assert report.ok


def test_seed_store_holds_each_paper_once_with_its_metadata(seed_settings):
    store = paper_store(seed_settings)
    loaded = store.load()
    assert len(loaded) == store.count() == 60
    omni, state = loaded["2502.18411"]
    assert omni.languages == ["en", "ko"] and len(omni.sources) == 2
    assert state.record_hash == omni.record_hash()
    meta = stored_meta(seed_settings, "2502.18411")
    assert meta["lang_ko"] is True and meta["date_first"] == 20250226


# -- incremental re-ingest -----------------------------------------------------------------


def test_changed_summary_reembeds_only_that_paper(small):
    before = snapshot(small)
    edit(Path("seeds") / EN_0226, "training-free, sparse attention", "training-free sparse kernel")
    report = ingest([Path("seeds")], small)
    assert report.errors == []
    assert report.embedded == 1
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (0, 1, 16)
    after = snapshot(small)
    assert sorted(after) == sorted(before)
    assert "training-free sparse kernel" in after[SPARGE][2]
    assert after[SPARGE][0] != before[SPARGE][0] and after[SPARGE][1] != before[SPARGE][1]
    assert after[SPARGE][3] != before[SPARGE][3]  # a new vector
    for pid in set(before) - {SPARGE}:
        assert after[pid] == before[pid], pid
    # and a third run is a no-op again
    again = ingest([Path("seeds")], small)
    assert (again.embedded, again.papers_unchanged) == (0, 17)


def test_a_newer_parser_reads_unchanged_files_again_once(tmp_path, monkeypatch):
    """Was: a file is skipped while its size and mtime are unchanged, so a parser that reads
    it differently (Korean sections written as Python literals, now plain text) changed
    nothing in a store built before it. Files read by another parser version are parsed
    again by the next ingest, once."""
    import re

    from conftest import korean_digest

    from assistant import Assistant, types
    from assistant.ingest import parse, pipeline

    rows = [
        ("Toffee", "2406.09305", "['가.', '나.']"),
        ("RAFT", "2403.10131", "코드는 'github.com/ShishirPatil/gorilla'에서 제공된다."),
    ]
    digest = korean_digest(tmp_path, "2024-06-18", rows)
    settings = make_settings(tmp_path / "store")
    with monkeypatch.context() as old:  # the store as an older parser left it
        old.setattr(parse, "_unliteral", lambda text: text)
        old.setattr(types, "_GITHUB_URL", re.compile(r"https?://github\.com/[\w.-]+/[\w.-]+"))
        old.setattr(pipeline, "PARSER_VERSION", "1")
        assert ingest([digest], settings).papers_new == 2
    stored = lambda: Assistant(settings).catalog.papers["2406.09305"].summaries()["ko"]  # noqa: E731
    with_code = lambda: Assistant(settings).tools.count_papers(has_code=True).data["total"]  # noqa: E731
    assert "['" in stored() and with_code() == 0
    # marking the files is not reading them: a run stopped after it reads them again
    from assistant.index.store import open_derived

    marked = open_derived(settings)
    marked.reparse_files()
    assert marked.meta("parser") == "1"
    again = ingest([digest], settings)
    # Toffee's text changed (embedded again); RAFT's record only (its link, no scheme)
    assert (again.papers_updated, again.embedded) == (2, 1) and "['" not in stored()
    assert "가. 나." in stored() and with_code() == 1
    third = ingest([digest], settings)  # once: the file is skipped again
    assert (third.papers_updated, third.papers_unchanged) == (0, 2)
    assert open_derived(settings).meta("parser") == parse.PARSER_VERSION


def test_added_tag_updates_metadata_without_reembedding(small):
    before = snapshot(small)
    edit(
        Path("seeds") / EN_0226,
        "['Multimodal', 'Visual Question Answering'] | [Link](https://github.com/PhoenixZ810",
        "['Multimodal', 'Visual Question Answering', 'Robotics'] | "
        "[Link](https://github.com/PhoenixZ810",
    )
    report = ingest([Path("seeds")], small)
    assert report.embedded == 0
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (0, 1, 16)
    after = snapshot(small)
    omni = "2502.18411"
    assert after[omni][0] != before[omni][0]  # record changed
    assert after[omni][1:] == before[omni][1:]  # same embed hash, document and vector
    meta = stored_meta(small, omni)
    assert meta["tag_robotics"] is True
    assert meta["tags"] == "Multimodal|Visual Question Answering|Robotics"


def test_removed_tag_flag_disappears_from_metadata(small):
    """BUG (store.py): Chroma 1.x `upsert` merges metadata into the stored row, so a key the
    new metadata lacks (a removed tag's `tag_*` flag) survives. Set stale keys to None."""
    edit(
        Path("seeds") / EN_0226,
        "| ['Multimodal', 'Visual Question Answering'] | [Link](https://github.com/PhoenixZ810",
        "| ['Multimodal'] | [Link](https://github.com/PhoenixZ810",
    )
    report = ingest([Path("seeds")], small)
    assert (report.embedded, report.papers_updated) == (0, 1)
    meta = stored_meta(small, "2502.18411")
    assert meta["tags"] == "Multimodal" and meta["tag_multimodal"] is True
    assert "tag_visual_question_answering" not in meta  # a stale flag would match filters
    hits = paper_store(small).collection.get(where={"tag_visual_question_answering": True})
    assert "2502.18411" not in hits["ids"]


def test_korean_digest_merges_into_english_papers_without_reembedding_them(small):
    before = snapshot(small)
    korean_subset(Path("seeds") / KO_0226)
    report = ingest([Path("seeds")], small)
    assert report.errors == []
    assert report.papers_total == 18
    # OmniAlign-V and SpargeAttn gain a Korean mention (same embedded text); SWE-RL is new
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (1, 2, 15)
    assert report.embedded == 1
    assert report.store_total == 18
    after = snapshot(small)
    loaded = paper_store(small).load()
    for pid in ("2502.18411", SPARGE):
        paper = loaded[pid][0]
        assert after[pid][1:] == before[pid][1:], pid  # same embed hash, document, vector
        assert after[pid][0] != before[pid][0], pid
        assert sorted(Path(s).name for s in paper.sources) == [EN_0226, KO_0226]
        assert all(Path(s).is_absolute() for s in paper.sources)
        assert paper.languages == ["en", "ko"]
        assert set(paper.summaries()) == {"en", "ko"}
        meta = stored_meta(small, pid)
        assert meta["lang_ko"] is True and meta["languages"] == "en,ko"
    assert loaded["2502.18449"][0].languages == ["ko"]
    sparge = loaded[SPARGE][0]
    assert "Jintao Zhang" in sparge.authors  # full author list from the Korean digest
    assert sparge.title.startswith("SpargeAttn: Accurate Sparse Attention")


def test_one_file_by_another_path_is_the_same_source(small, tmp_path):
    """A folder reached by another spelling or a symlink adds no mention and rewrites nothing."""
    before = snapshot(small)
    (tmp_path / "elsewhere").symlink_to(tmp_path / "seeds")
    for spelling in (tmp_path / "seeds", Path("elsewhere"), Path("seeds/../seeds")):
        report = ingest([spelling], small)
        assert report.errors == []
        assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (0, 0, 17)
    assert snapshot(small) == before
    moved = tmp_path / "moved"
    (tmp_path / "seeds").rename(moved)  # a moved folder: its records now point there
    report = ingest([moved], small)
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (0, 17, 0)
    assert report.embedded == 0
    for paper, _ in paper_store(small).load().values():
        assert len(paper.mentions) == len({(m.date, m.language) for m in paper.mentions})
        assert all(Path(s).parent == moved for s in paper.sources)
    # so pruning finds the moved files' mentions: a deleted file takes its papers along
    (moved / EN_0226).unlink()
    report = ingest([moved], small, prune=True)
    assert report.files_gone == 1 and report.papers_removed >= 1
    left = paper_store(small).load()
    assert all(EN_0226 not in s for p, _ in left.values() for s in p.sources)
    assert len(left) == 17 - report.papers_removed


def test_new_digest_adds_only_its_papers(small):
    before = snapshot(small)
    new = synthetic_digest(Path("seeds") / "2025-03-01.md", 3)
    report = ingest([Path("seeds")], small)
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (3, 0, 17)
    assert report.embedded == 3 and report.store_total == 20
    after = snapshot(small)
    assert set(after) - set(before) == {"2503.10000", "2503.10001", "2503.10002"}
    for pid in before:
        assert after[pid] == before[pid]
    # ingesting just that file again touches nothing
    again = ingest([new], small)
    assert (again.papers_total, again.papers_unchanged, again.embedded) == (3, 3, 0)


def test_ingesting_one_file_keeps_mentions_from_files_not_given(small):
    korean_subset(Path("seeds") / KO_0226)
    ingest([Path("seeds")], small)
    before = snapshot(small)
    report = ingest([Path("seeds") / EN_0226], small)  # the Korean file is not re-read
    assert (report.papers_total, report.papers_unchanged, report.embedded) == (10, 10, 0)
    assert snapshot(small) == before


# -- dry runs ------------------------------------------------------------------------------


def test_dry_run_on_a_new_store_creates_nothing(tmp_path):
    settings = make_settings(tmp_path / "store")
    report = ingest([SEEDS / EN_1023], settings, dry_run=True)
    assert report.dry_run and report.store_total is None
    assert (report.papers_total, report.papers_new, report.embedded) == (7, 7, 0)
    assert not (tmp_path / "store").exists()


def test_dry_run_counts_changes_but_writes_nothing(small):
    before = snapshot(small)
    edit(Path("seeds") / EN_0226, "training-free, sparse attention", "training-free sparse kernel")
    shutil.copy(SEEDS / EN_1014, Path("seeds") / EN_1014)
    report = ingest([Path("seeds")], small, dry_run=True)
    assert (report.papers_new, report.papers_updated, report.papers_unchanged) == (13, 1, 16)
    assert report.embedded == 0 and report.store_total is None
    assert snapshot(small) == before


# -- bad input -----------------------------------------------------------------------------


def test_bad_files_are_reported_and_the_rest_is_ingested(small):
    before = snapshot(small)
    shutil.copy(FIXTURES / "malformed.md", Path("seeds") / "malformed.md")
    Path("seeds/junk.md").write_bytes(b"\x00\x01\x02binary\xff\xfe junk" * 50)
    report = ingest([Path("seeds"), Path("missing-folder")], small)
    where = {(e.file, e.line) for e in report.errors}
    assert ("seeds/malformed.md", 6) in where  # a row without a link
    assert ("seeds/malformed.md", 7) in where  # a truncated row
    assert ("seeds/junk.md", 1) in where
    assert ("missing-folder", 0) in where
    assert all(e.message for e in report.errors)
    assert report.files == 4
    assert report.papers_new == 3  # the malformed file's three good rows
    assert report.papers_unchanged == 17
    assert report.ok
    after = snapshot(small)
    assert {"2410.08565", "2410.08261", "2410.07303"} <= set(after)
    for pid in before:
        assert after[pid] == before[pid]


def test_only_bad_input_leaves_the_store_untouched(small):
    before = snapshot(small)
    Path("junk.txt").write_bytes(bytes(range(256)) * 20)
    report = ingest([Path("junk.txt"), Path("nope.md")], small)
    assert report.papers_total == 0 and not report.ok
    assert {(e.file, e.line) for e in report.errors} == {("junk.txt", 1), ("nope.md", 0)}
    assert report.store_total is None
    assert snapshot(small) == before


def test_a_row_removed_from_a_digest(small):
    """Current behaviour: the paper is not re-parsed, so it stays stored with its old record
    (papers are never deleted); rows below it moved up a line, so their records (which
    include line numbers) are rewritten, without re-embedding."""
    before = snapshot(small)
    text = (Path("seeds") / EN_0226).read_text(encoding="utf-8")
    kept = [ln for ln in text.splitlines() if SPARGE not in ln]
    (Path("seeds") / EN_0226).write_text("\n".join(kept) + "\n", encoding="utf-8")
    report = ingest([Path("seeds")], small)
    assert report.papers_total == 16 and report.embedded == 0
    assert report.papers_updated + report.papers_unchanged == 16
    assert count(small) == 17
    assert snapshot(small)[SPARGE] == before[SPARGE]


# -- interruption --------------------------------------------------------------------------


class InterruptAfterFirstBatch:
    """A Progress that raises KeyboardInterrupt once more than one write batch is embedded."""

    def __init__(self, batch: int):
        self.batch, self.done = batch, 0

    def files(self, total): ...
    def file_done(self, path): ...
    def embedding(self, total): ...

    def embedded(self, n):
        self.done += n
        if self.done > self.batch:
            raise KeyboardInterrupt


def test_interrupted_ingest_resumes_to_the_same_store_as_a_clean_run(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_mod, "WRITE_BATCH", 8)
    digest = synthetic_digest(tmp_path / "digests" / "2025-03-01.md", 20)
    interrupted = make_settings(tmp_path / "interrupted")
    with pytest.raises(KeyboardInterrupt):
        ingest([digest], interrupted, progress=InterruptAfterFirstBatch(8))
    partial = count(interrupted)
    assert 0 < partial < 20  # the first batch was written, the rest was not
    assert partial % 8 == 0  # whole batches only

    report = ingest([digest], interrupted)
    assert report.papers_new == 20 - partial and report.embedded == 20 - partial
    assert report.papers_unchanged == partial
    assert report.store_total == 20

    clean = make_settings(tmp_path / "clean")
    ingest([digest], clean)
    same_content(snapshot(interrupted), snapshot(clean))
    assert ingest([digest], interrupted).embedded == 0
    from test_derived import assert_derived_agrees

    assert_derived_agrees(interrupted)


@pytest.mark.slow
def test_killed_ingest_process_resumes_to_the_same_store_as_a_clean_run(tmp_path):
    """kill -9 a real `digest ingest` mid-run (the default 128-paper batches), then re-run."""
    n = 300
    digest = synthetic_digest(tmp_path / "digests" / "2025-03-01.md", n)
    digest_cli = Path(sys.executable).parent / "digest"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
    env["DIGEST_STORE_DIR"] = str(tmp_path / "killed")
    sqlite = tmp_path / "killed" / "chroma.sqlite3"

    def rows() -> int:
        try:
            with sqlite3.connect(f"file:{sqlite}?mode=ro", uri=True, timeout=1) as db:
                return db.execute("select count(*) from embeddings").fetchone()[0]
        except sqlite3.Error:
            return 0

    proc = subprocess.Popen(
        [str(digest_cli), "ingest", str(digest.parent), "--json"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        seen = 0
        while time.monotonic() < deadline and proc.poll() is None:
            seen = rows()
            if seen:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed"
        assert 0 < seen < n
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)

    killed = make_settings(tmp_path / "killed")
    partial = count(killed)
    assert 0 < partial < n
    report = ingest([digest.parent], killed)
    assert report.errors == []
    assert report.papers_new == n - partial and report.embedded == n - partial
    assert report.store_total == n

    clean = make_settings(tmp_path / "clean")
    ingest([digest.parent], clean)
    same_content(snapshot(killed), snapshot(clean))
    # the derived indexes (catalog, BM25, vectors) hold exactly what Chroma holds
    from test_derived import assert_derived_agrees

    assert_derived_agrees(killed)


# -- embedder identity ---------------------------------------------------------------------


def test_store_opened_with_another_embedder_is_a_mismatch(small):
    store = paper_store(small)
    with pytest.raises(EmbedderMismatch) as err:
        PaperStore(small, "onnx:some-other-model:12345678", 384, create=False)
    message = str(err.value)
    assert minilm_id()[0] in message and "onnx:some-other-model:12345678" in message
    assert "DIGEST_EMBEDDER" in message
    with pytest.raises(EmbedderMismatch):
        PaperStore(small, "onnx:some-other-model:12345678", 384, create=True)
    assert store.count() == 17  # nothing was touched


def test_ingest_with_another_configured_embedder_is_refused(small, tmp_path):
    """A real second embedder: the same MiniLM files in another folder get another identity."""
    folder = _model_folder(tmp_path)
    other = small.model_copy(update={"embedder": "onnx", "embed_model_dir": folder})
    before = snapshot(small)
    with pytest.raises(EmbedderMismatch, match="other-model"):
        ingest([Path("seeds")], other)
    assert snapshot(small) == before


# -- the CLI -------------------------------------------------------------------------------


def run_cli(args, store: Path):
    runner = CliRunner()
    return runner.invoke(cli, args, env={"DIGEST_STORE_DIR": str(store)}, catch_exceptions=False)


def test_cli_ingest_json_keys_and_exit_status(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    synthetic_digest(tmp_path / "d" / "2025-03-01.md", 3)
    result = run_cli(["ingest", "d", "--json"], tmp_path / "store")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= JSON_KEYS
    assert data["files"] == 1 and data["papers_total"] == 3 and data["papers_new"] == 3
    assert data["embedded"] == 3 and data["errors"] == []
    # (and the examples of questions digests do not answer, embedded for the first answer)
    assert len(list((tmp_path / "store" / "digest-derived").glob("scope-*.npy"))) == 1
    again = json.loads(run_cli(["ingest", "d", "--json"], tmp_path / "store").stdout)
    assert (again["papers_unchanged"], again["embedded"]) == (3, 0)


def test_cli_ingest_partial_errors_exit_zero_with_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "malformed.md", tmp_path / "malformed.md")
    result = run_cli(["ingest", "malformed.md", "missing.md", "--json"], tmp_path / "store")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["papers_total"] == 3
    errors = data["errors"]
    assert all(set(e) == {"file", "line", "message"} for e in errors)
    assert {"file": "missing.md", "line": 0} in [
        {"file": e["file"], "line": e["line"]} for e in errors
    ]
    assert any(e["file"] == "malformed.md" and e["line"] == 6 for e in errors)


def test_cli_ingest_nothing_ingestable_exits_nonzero(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "junk.md").write_bytes(b"\x00" * 100)
    result = run_cli(["ingest", "junk.md", "nope", "--json"], tmp_path / "store")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["papers_total"] == 0 and len(data["errors"]) == 2
    plain = run_cli(["ingest", "nope"], tmp_path / "store")
    assert plain.exit_code == 1 and "nope" in plain.output


def test_cli_dry_run_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    synthetic_digest(tmp_path / "d" / "2025-03-01.md", 3)
    result = run_cli(["ingest", "d", "--dry-run", "--json"], tmp_path / "store")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["papers_new"] == 3 and data["embedded"] == 0 and data["dry_run"] is True
    assert not (tmp_path / "store").exists()


def test_cli_papers_json_stats(small):
    result = run_cli(["papers", "--json"], small.store_dir)
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["papers"] == 17
    assert (stats["first_date"], stats["last_date"]) == ("2024-10-23", "2025-02-26")
    assert stats["dates"] == [
        {"date": "2024-10-23", "papers": 7, "languages": ["en"]},
        {"date": "2025-02-26", "papers": 10, "languages": ["en"]},
    ]


def test_cli_papers_on_an_empty_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli(["papers", "--json"], tmp_path / "none")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["papers"] == 0
    assert not (tmp_path / "none").exists()
    plain = run_cli(["papers"], tmp_path / "none")
    assert "digest ingest" in plain.output


def test_cli_embedder_mismatch_is_a_clean_error(small, tmp_path):
    result = CliRunner().invoke(
        cli,
        ["ingest", "seeds", "--json"],
        env={
            "DIGEST_STORE_DIR": str(small.store_dir),
            "DIGEST_EMBEDDER": "onnx",
            "DIGEST_EMBED_MODEL_DIR": str(_model_folder(tmp_path)),
        },
    )
    assert result.exit_code == 1
    assert "built with embedder" in result.output
    assert "Traceback" not in result.output


def _model_folder(tmp_path: Path) -> Path:
    from assistant.index.embedders.files import minilm_files

    model, tokenizer = minilm_files()
    folder = tmp_path / "other-model"
    folder.mkdir(exist_ok=True)
    for link, target in (("model.onnx", model), ("tokenizer.json", tokenizer)):
        if not (folder / link).exists():
            (folder / link).symlink_to(target)
    return folder
