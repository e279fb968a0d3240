"""The derived indexes (catalog + BM25 postings + vectors, in SQLite) never silently disagree
with Chroma: they carry the collection's version, are kept in step by every write batch,
and are repaired (incrementally, or rebuilt) when they lag behind.

Real components throughout: embedded Chroma in temp folders, the MiniLM ONNX embedder.
"""

from __future__ import annotations

import json
import re
import shutil
from itertools import count
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS, make_settings

from assistant import Assistant
from assistant.index.derived import DerivedIndex, derived_path
from assistant.index.lexical import tokenize
from assistant.index.store import (
    VERSION_KEY,
    LazyEmbedder,
    PaperStore,
    collection_state,
    open_derived,
)
from assistant.ingest.pipeline import ingest

EN_0226 = "000_1ad675b0dd00e240.txt"  # 10 papers, English
REBUILDS = count()
KO_0226 = "001_de37251fccb98f1c.txt"  # 22 papers, Korean (the 10 above + 12)
EN_1023 = "003_0419e020d2a675aa.txt"  # 7 papers


def chroma_rows(settings) -> dict[str, tuple[str, str, np.ndarray]]:
    embedder = LazyEmbedder(settings)
    store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    got = store.collection.get(include=["metadatas", "embeddings"])
    return {
        pid: (m["record"], m["embed_hash"], np.asarray(v, dtype=np.float32))
        for pid, m, v in zip(got["ids"], got["metadatas"], got["embeddings"], strict=True)
    }


def dump(derived: DerivedIndex) -> dict[str, list]:
    """Every derived table, positions and term ids replaced by what they stand for."""
    ids = dict(derived.db.execute("SELECT pos, arxiv_id FROM papers"))
    terms = dict(derived.db.execute("SELECT tid, term FROM terms"))
    q = derived.db.execute
    return {
        "papers": sorted(
            q("SELECT arxiv_id, record, record_hash, embed_hash, doclen, has_code FROM papers")
        ),
        "dates": sorted((d, lang, ids[p]) for d, lang, p in q("SELECT * FROM dates")),
        "tags": sorted((t, ids[p]) for t, p in q("SELECT * FROM tags")),
        "titles": sorted((t, ids[p]) for t, p in q("SELECT * FROM titles")),
        "names": sorted((n, ids[p], e) for n, p, e in q("SELECT * FROM names")),
        "handles": sorted((k, h, ids[p]) for k, h, p in q("SELECT * FROM handles")),
        "renderings": sorted((k, e, ids[p]) for k, e, p in q("SELECT * FROM renderings")),
        "parallel": sorted((lang, w, ids[p]) for lang, w, p in q("SELECT * FROM parallel")),
        "words": sorted(q("SELECT * FROM words WHERE n_best > 0 OR n_all > 0")),
        "terms": sorted(q("SELECT term, df FROM terms WHERE df > 0")),
        "postings": sorted((terms[t], ids[p], tf) for t, p, tf in q("SELECT * FROM postings")),
        "stats": [derived.count(), derived.lexical_stats()],
    }


def assert_derived_agrees(settings) -> None:
    """The derived file is at the collection's version and holds exactly Chroma's rows,
    with the same tables a rebuild from scratch would write."""
    derived = DerivedIndex(derived_path(settings))
    state = collection_state(settings)
    assert derived.state == (state.id, state.version)
    rows = chroma_rows(settings)
    ids = derived.ids()
    assert sorted(ids) == sorted(rows)
    stored = derived.stored_states(ids)
    vectors = derived.vectors()
    for pos, pid in enumerate(ids):
        record, embed_hash, vector = rows[pid]
        assert stored[pid][0] == record and stored[pid][2] == embed_hash, pid
        assert np.allclose(vectors[pos], vector, atol=1e-6), pid
    # incremental upkeep == a rebuild from Chroma
    # (a new folder each time: chromadb caches a client per path)
    fresh_dir = Path(f"{settings.store_dir}-rebuilt-{next(REBUILDS)}")
    shutil.copytree(settings.store_dir, fresh_dir)
    shutil.rmtree(fresh_dir / "digest-derived")
    rebuilt = open_derived(settings.model_copy(update={"store_dir": fresh_dir}))
    a, b = dump(rebuilt), dump(derived)
    for key in a:
        assert a[key] == b[key], (key, set(a[key]) ^ set(b[key]) if key != "stats" else a[key])


@pytest.fixture
def digests(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    return tmp_path / "d"


def add(folder: Path, name: str) -> Path:
    shutil.copy(SEEDS / name, folder / name)
    return folder / name


def test_incremental_upkeep_equals_a_rebuild_and_versions_match(digests, tmp_path):
    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_0226)], settings)
    assert collection_state(settings).version >= 1
    ingest([add(digests, KO_0226)], settings)  # merges into 10 stored papers, adds 12
    ingest([add(digests, EN_1023)], settings)
    assert_derived_agrees(settings)


def test_lexical_scores_reproduce_bm25s(seed_settings):
    import bm25s

    catalog = Assistant(seed_settings).catalog
    lexical = Assistant(seed_settings).retriever.lexical
    papers = [catalog.papers[pid] for pid in catalog.ids]
    reference = bm25s.BM25()
    reference.index([tokenize(p.lexical_text()) for p in papers], show_progress=False)
    for question in ("sparse attention speedup", "SWE-bench 점수 강화학습", "LoRA LoRA merging"):
        ours = lexical.scores(question)
        theirs = reference.get_scores(tokenize(question))
        assert np.allclose(ours, theirs, rtol=1e-4, atol=1e-5), question


def test_a_full_postings_memo_keeps_every_term_of_the_query_it_is_full_at(
    seed_settings, monkeypatch
):
    """Was: when the memo of read postings passed its size during a question, it kept only
    the terms just read, and the question's others (read by earlier questions) scored as
    unknown for that one question: b70-028 was refused after 997 other questions and
    answered when asked alone, or again."""
    from assistant.index import lexical as lexical_module

    lexical = Assistant(seed_settings).retriever.lexical
    fresh = Assistant(seed_settings).retriever.lexical
    monkeypatch.setattr(lexical_module, "POSTINGS_MEMO", 3)
    lexical.scores("sparse attention")  # two terms read, under the memo's size
    question = "sparse attention speedup video diffusion"  # three more: past it
    assert np.allclose(lexical.scores(question), fresh.scores(question), rtol=1e-6, atol=1e-7)


def test_a_word_beside_the_query_counts_once_however_many_tokens_it_has(seed_settings):
    """An English question's Korean rendering ("algorithm" 알고리즘, three bigrams) weighs
    as one word, as the English does: "which paper introduced the GRPO algorithm?" was
    refused, its three bigrams outweighing GRPO and finding papers on other algorithms."""
    lexical = Assistant(seed_settings).retriever.lexical
    question, word = "sparse attention", "강화학습"
    tokens = tokenize(word)
    assert len(tokens) == 3
    once = lexical.scores(question) + sum(lexical.scores(t) for t in tokens) / len(tokens)
    assert np.allclose(lexical.scores(question, [word]), once, rtol=1e-4, atol=1e-5)
    thrice = lexical.scores(f"{question} {word}")
    assert (thrice > once + 1e-3).any()  # the word is in the seeds' Korean digest


def test_crash_between_chroma_and_derived_writes_is_repaired_incrementally(
    digests, tmp_path, monkeypatch
):
    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_0226)], settings)

    def crash(self, *args, **kwargs):
        raise KeyboardInterrupt  # as if killed right after Chroma's write

    with monkeypatch.context() as mp:
        mp.setattr(DerivedIndex, "apply", crash)
        with pytest.raises(KeyboardInterrupt):
            ingest([add(digests, EN_1023)], settings)
    derived = DerivedIndex(derived_path(settings))
    assert derived.state != (collection_state(settings).id, collection_state(settings).version)
    assert len(derived.ids()) == 10  # Chroma has 17

    seen = []
    open_derived(settings, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == 7  # only the rows written since were read
    assert_derived_agrees(settings)


def test_store_from_an_older_release_is_upgraded_with_progress(digests, tmp_path):
    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_0226), add(digests, EN_1023)], settings)
    # what an older release left: no derived indexes, no version in the collection or rows
    shutil.rmtree(tmp_path / "store" / "digest-derived")
    embedder = LazyEmbedder(settings)
    store = PaperStore(settings, embedder.embedder_id, embedder.dim, create=False)
    meta = {k: v for k, v in store.metadata().items() if k != VERSION_KEY}
    store.collection.modify(metadata=meta)
    got = store.collection.get(include=["metadatas"])
    store.collection.update(
        ids=got["ids"], metadatas=[{**m, VERSION_KEY: None} for m in got["metadatas"]]
    )
    assert collection_state(settings).version == 0

    seen = []
    assistant = Assistant(settings)
    assistant.progress = lambda done, total: seen.append((done, total))
    answer = assistant.ask("How much does SpargeAttn speed up inference?")
    assert not answer.refused and answer.citations[0].arxiv_id == "2502.18137"
    assert seen[-1] == (17, 17)
    assert_derived_agrees(settings)
    # the next write versions the store; the derived indexes follow it
    assert ingest([add(digests, KO_0226)], settings).papers_new == 12
    assert_derived_agrees(settings)


def test_a_running_assistant_sees_papers_ingested_meanwhile(digests, tmp_path):
    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_1023)], settings)
    assistant = Assistant(settings)
    assert not assistant.is_current() or len(assistant.catalog) == 7
    assert assistant.ask("How much does SpargeAttn speed up inference?").refused
    ingest([add(digests, EN_0226)], settings)  # as another process would
    assert not assistant.is_current()
    answer = assistant.ask("How much does SpargeAttn speed up inference?")  # no restart
    assert not answer.refused and answer.citations[0].arxiv_id == "2502.18137"
    assert len(assistant.catalog) == 17 and assistant.is_current()


def test_no_change_reingest_parses_nothing_and_opens_no_chroma(digests, tmp_path, monkeypatch):
    settings = make_settings(tmp_path / "store")
    add(digests, EN_0226)
    ingest([digests], settings)
    import assistant.index.store as store_mod
    import assistant.ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "parse_file", lambda path: pytest.fail(f"parsed {path}"))
    monkeypatch.setattr(store_mod, "_client", lambda s: pytest.fail("opened Chroma"))
    report = ingest([digests], settings)
    assert (report.papers_total, report.papers_unchanged, report.embedded) == (10, 10, 0)
    assert report.store_total == 10


# -- deletions: only with prune (`digest watch`, `digest ingest --prune`) --------------------


def _mentions(settings, pid: str) -> set[str]:
    derived = DerivedIndex(derived_path(settings))
    record = derived.stored_states([pid])[pid][0]
    return {Path(m["source"]).name for m in json.loads(record)}


def test_a_deleted_file_leaves_the_store_only_when_pruning(digests, tmp_path):
    settings = make_settings(tmp_path / "store")
    en, other = add(digests, EN_0226), add(digests, EN_1023)
    add(digests, KO_0226)
    assert ingest([digests], settings).store_total == 29
    shared = next(iter(DerivedIndex(derived_path(settings)).files([str(en)]).values()))[2][0]
    assert _mentions(settings, shared) == {EN_0226, KO_0226}

    en.unlink()
    report = ingest([digests], settings)  # an ordinary ingest deletes nothing
    assert report.papers_removed == 0 and report.store_total == 29
    assert _mentions(settings, shared) == {EN_0226, KO_0226}

    report = ingest([digests], settings, prune=True)
    # the 10 English papers are also in the Korean digest: they keep that mention only
    assert (report.files_gone, report.papers_removed, report.papers_updated) == (1, 0, 10)
    assert report.store_total == 29 and _mentions(settings, shared) == {KO_0226}
    assert_derived_agrees(settings)

    other.unlink()
    report = ingest([digests], settings, prune=True)
    assert (report.files_gone, report.papers_removed, report.store_total) == (1, 7, 22)
    assert_derived_agrees(settings)
    assert ingest([digests], settings, prune=True).papers_removed == 0  # nothing left to do


def test_a_row_removed_from_a_changed_file_drops_that_mention(digests, tmp_path):
    settings = make_settings(tmp_path / "store")
    ko = add(digests, KO_0226)
    ingest([add(digests, EN_1023), ko], settings)
    text = ko.read_text(encoding="utf-8")
    start = text.index("### [")
    second = text.index("### [", start + 1)
    pid = re.search(r"arxiv\.org/abs/(\d{4}\.\d{4,5})", text[start:second]).group(1)
    ko.write_text(text[:start] + text[second:], encoding="utf-8")

    kept = ingest([ko], settings)  # without prune the paper stays
    assert kept.papers_removed == 0 and pid in DerivedIndex(derived_path(settings)).ids()
    report = ingest([ko], settings, prune=True)
    assert report.papers_removed == 1 and report.store_total == 28
    assert pid not in DerivedIndex(derived_path(settings)).ids()
    assert_derived_agrees(settings)
    answer = Assistant(settings).ask(f"what is {pid} about?")
    assert answer.refused  # an arXiv id no longer stored


def test_a_deletion_another_process_made_is_caught_up(digests, tmp_path, monkeypatch):
    """Chroma deleted the rows, the derived file was not told (a crash, another machine):
    the next open finds the ids Chroma no longer has."""
    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_0226), add(digests, EN_1023)], settings)
    (digests / EN_1023).unlink()

    def crash(self, *args, **kwargs):
        raise KeyboardInterrupt  # killed right after Chroma's delete

    with monkeypatch.context() as mp:
        mp.setattr(DerivedIndex, "delete", crash)
        with pytest.raises(KeyboardInterrupt):
            ingest([digests], settings, prune=True)
    assert len(DerivedIndex(derived_path(settings)).ids()) == 17  # Chroma has 10
    open_derived(settings)
    assert_derived_agrees(settings)
    assert len(DerivedIndex(derived_path(settings)).ids()) == 10


def test_cli_ingest_prune_is_explicit(digests, tmp_path):
    from click.testing import CliRunner

    from assistant.app.cli import main as cli

    settings = make_settings(tmp_path / "store")
    ingest([add(digests, EN_0226), add(digests, EN_1023)], settings)
    (digests / EN_1023).unlink()
    env = {"DIGEST_STORE_DIR": str(settings.store_dir)}
    result = CliRunner().invoke(cli, ["ingest", str(digests), "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["store_total"] == 17  # nothing deleted without --prune
    result = CliRunner().invoke(cli, ["ingest", str(digests), "--prune", "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["files_gone"], data["papers_removed"], data["store_total"]) == (1, 7, 10)
