"""The ONNX sentence encoder itself, without llama-index.

`OnnxEmbedding` (the llama-index embedding model used to ingest) and the query path share
these functions, so a question's vector is computed exactly as the papers' were; a
question needs only onnxruntime and tokenizers, not llama-index (seconds to import).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.index.embedders.files import EmbedderError

if TYPE_CHECKING:
    import numpy as np


def pad(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad token id lists with 0 into (ids, attention_mask) int64 arrays."""
    import numpy as np

    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


def mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under the attention mask, scaled to unit L2 norm."""
    import numpy as np

    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled / np.clip(norms, 1e-12, None)


def load_tokenizer(path: str, max_length: int) -> Any:
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(path)
    except Exception as exc:
        raise EmbedderError(f"cannot read tokenizer {path}: {exc}") from exc
    # tokenizer.json may pin fixed padding/truncation (MiniLM's: 128); we pad per batch.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_length)
    return tokenizer


def load_session(path: str, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.log_severity_level = 3
    try:
        return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise EmbedderError(f"cannot load ONNX model {path}: {exc}") from exc


def embed_ids(session: Any, input_names: Sequence[str], rows: Sequence[Sequence[int]]):
    """Unit vectors for one batch of token id lists."""
    import numpy as np

    ids, mask = pad(rows)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    feeds = {name: value for name, value in feeds.items() if name in input_names}
    hidden = session.run(None, feeds)[0]
    return mean_pool_normalise(hidden, mask)


class OnnxEncoder:
    """Tokenizer + session for one model, loaded on first use (thread-safe)."""

    def __init__(self, model_file: str, tokenizer_file: str, max_length: int, threads: int = 0):
        self.model_file, self.tokenizer_file = model_file, tokenizer_file
        self.max_length, self.threads = max_length, threads
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, tuple[str, ...]] | None = None

    def _load(self) -> tuple[Any, Any, tuple[str, ...]]:
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    tokenizer = load_tokenizer(self.tokenizer_file, self.max_length)
                    session = load_session(self.model_file, self.threads)
                    names = tuple(i.name for i in session.get_inputs())
                    self._loaded = (tokenizer, session, names)
        return self._loaded

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        tokenizer, session, names = self._load()
        rows = [e.ids for e in tokenizer.encode_batch(list(texts))]
        return [v.tolist() for v in embed_ids(session, names, rows)]
