"""The one settings object: environment variables prefixed `DIGEST_`, and a `.env` file.

OpenAI credentials are read under the names the openai client itself uses
(`OPENAI_API_KEY`, `OPENAI_BASE_URL`). With neither set, everything runs offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import DigestError


class SettingsError(DigestError, ValueError):
    """A setting is unknown or invalid. The message names settings, never their values."""


def describe_errors(exc: ValidationError) -> str:
    """'invalid settings: DIGEST_TOP_K (...), ...': names and reasons, no values."""
    parts = []
    for error in exc.errors(include_input=False, include_url=False):
        name = str(error["loc"][0]) if error.get("loc") else "?"
        env = (
            name.upper()
            if name.upper().startswith(("DIGEST_", "OPENAI_"))
            else f"DIGEST_{name.upper()}"
        )
        reason = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        parts.append(f"{env} ({reason})")
    return "invalid settings: " + "; ".join(parts) + " (values are not shown)"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DIGEST_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="forbid",
        validate_default=True,
    )

    # -- store ----------------------------------------------------------------------
    store_dir: Path = Field(
        Path("vectorstore"),
        description="Folder of the embedded (persistent) Chroma store.",
    )
    chroma_host: str | None = Field(
        None, description="Chroma server host; when set, a Chroma server is used instead."
    )
    chroma_port: int = Field(8000, description="Chroma server port.")
    collection: str = Field("papers", description="Chroma collection name.")
    cache_dir: Path | None = Field(
        None,
        description="Local folder for the derived indexes of a Chroma server's collections "
        "(default: $XDG_CACHE_HOME/digest-assistant, else ~/.cache/digest-assistant). "
        "With embedded Chroma they live in the store folder.",
    )
    seeds_dir: Path = Field(
        Path("seeds"), description="Digest folder ingested by default (`digest ingest`)."
    )

    # -- embeddings -------------------------------------------------------------------
    embedder: Literal["minilm", "onnx", "openai"] = Field(
        "minilm",
        description="minilm: bundled all-MiniLM-L6-v2 int8 ONNX (offline); onnx: an ONNX "
        "sentence-embedding folder (DIGEST_EMBED_MODEL_DIR); openai: OpenAI embeddings.",
    )
    embed_model_dir: Path | None = Field(
        None, description="Folder with model.onnx + tokenizer.json, for embedder=onnx."
    )
    embed_openai_model: str = Field(
        "text-embedding-3-small", description="OpenAI embedding model, for embedder=openai."
    )
    embed_batch_size: int = Field(32, ge=1, description="Texts per embedding batch.")
    embed_max_length: int = Field(
        128,
        ge=16,
        le=512,
        description="Tokens embedded per paper (ONNX embedders). 128 (MiniLM's training "
        "length) retrieved as well as 256 on the golden set at half the cost; part of the "
        "store's embedder identity, so changing it needs a new store.",
    )
    embed_threads: int = Field(
        1,
        ge=0,
        description="onnxruntime intra-op threads per embedding worker (0: onnxruntime's "
        "default, one per core).",
    )
    embed_workers: int = Field(
        2,
        ge=1,
        description="Embedding batches run concurrently on one ONNX session; on 2 cores, "
        "1 thread x 2 workers measured fastest (no idle spinning between small batches).",
    )
    embed_max_batch_tokens: int = Field(
        512,
        ge=16,
        description="Padded tokens per ONNX run: texts are batched by length, and small "
        "batches of similar length waste no work on padding.",
    )

    # -- retrieval --------------------------------------------------------------------
    top_k: int = Field(5, ge=1, le=50, description="Papers passed to the answerer.")
    candidates: int = Field(
        40, ge=5, description="Candidates fetched from each retriever before fusion."
    )
    min_relevance: float | None = Field(
        None,
        description=(
            "Relevance gate: below this calibrated score the assistant refuses. Unset: the "
            "value calibrated for the embedder (assistant/retrieve/calibration.json)."
        ),
    )

    # -- answering --------------------------------------------------------------------
    answer_mode: Literal["auto", "extractive", "llm"] = Field(
        "auto",
        description="extractive: offline, quotes summaries; llm: an OpenAI(-compatible) "
        "model; auto: llm when OPENAI_API_KEY or OPENAI_BASE_URL is set.",
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name for answer_mode=llm.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before an LLM call gives up.")
    llm_max_retries: int = Field(1, ge=0, description="Retries on 429 / 5xx before falling back.")
    llm_temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature.")
    agent_max_steps: int = Field(
        6,
        ge=1,
        le=20,
        description="Tool calls the LLM agent may make for one question; past it, the "
        "model is told to answer from what it has.",
    )
    context_tokens: int = Field(
        3000, ge=200, description="Token budget for the paper context sent to the LLM."
    )
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "DIGEST_OPENAI_API_KEY"),
        description="OpenAI API key (or any token your OpenAI-compatible server expects).",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "DIGEST_OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server (Ollama, vLLM, llama.cpp).",
    )

    def __init__(self, **values):
        try:
            super().__init__(**values)
        except ValidationError as exc:
            # `from None`: pydantic's message and traceback show the values, and a value
            # may be a key (a misspelled DIGEST_OPENAI_APIKEY=sk-... in .env)
            raise SettingsError(describe_errors(exc)) from None

    @field_validator(
        "chroma_host", "openai_base_url", "embed_model_dir", "cache_dir", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value):
        return None if value == "" else value

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def effective_answer_mode(self) -> Literal["extractive", "llm"]:
        if self.answer_mode == "auto":
            return "llm" if self.llm_configured else "extractive"
        return self.answer_mode

    def describe_store(self) -> str:
        if self.chroma_host:
            return f"Chroma server {self.chroma_host}:{self.chroma_port}"
        return f"embedded Chroma at {self.store_dir}"
