"""Shared fixtures. Everything runs offline against real components: embedded Chroma in a
temporary folder, the real ONNX embedder, the real parser.

Fixtures other test files rely on:
- `seed_settings`: Settings for a store built once per session from `seeds/`.
- `seed_assistant`: an `Assistant` over that store (extractive mode).
- `make_settings(tmp_path, **changes)`: Settings for a fresh store under a temp folder.
- `english_digest(folder, day, rows)`: one English digest file of (title, arXiv id,
  summary) rows; `english_archive(folder, day, rows)`: an `Assistant` over one.
- `recalibrated(retriever, **changes)`: a context in which the retriever reads other
  calibrated constants, restored after it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "tests" / "golden" / "seeds_test.jsonl"  # the gated split
GOLDEN_DEV = ROOT / "tests" / "golden" / "seeds_dev.jsonl"  # the tuning split

# Never read a developer's .env or OpenAI variables in tests: offline by default.
for _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
    os.environ.pop(_name, None)
for _name in [n for n in os.environ if n.startswith("DIGEST_")]:
    os.environ.pop(_name)
# derived indexes of Chroma servers are cached under XDG_CACHE_HOME: never the user's
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="digest-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)


def make_settings(store_dir: Path, **changes):
    from assistant.config import Settings

    return Settings(_env_file=None, store_dir=store_dir, answer_mode="extractive", **changes)


def english_digest(folder: Path, day: str, rows: list[tuple[str, str, str]]) -> Path:
    """An English digest of `day` in `folder` with these (title, arXiv id, summary) rows."""
    digest = folder / f"{day}.md"
    lines = [
        f"## Papers for {day}",
        "",
        "| Title | Authors | Summary | Link |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {t} | A. Author | {s} | [Read more](https://arxiv.org/abs/{i}) |" for t, i, s in rows
    ]
    digest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return digest


def korean_digest(
    folder: Path, day: str, rows: list[tuple[str, str, str]], votes: int | list[int] = 1
) -> Path:
    """A Korean digest of `day` in `folder` with these (title, arXiv id, Korean summary)
    entries, each with its votes (one number for all, or one per entry)."""
    counts = votes if isinstance(votes, list) else [votes] * len(rows)
    lines = [f"## Daily Papers ({day})", ""]
    for (title, pid, summary), n in zip(rows, counts, strict=True):
        lines += [f"### [{title}](https://arxiv.org/abs/{pid})", "", f"Vote: {n}", ""]
        lines += ["Authors: A Author", "", f"- ***What's New***: {summary}", ""]
    path = folder / f"{day}-ko.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def korean_archive(
    folder: Path, day: str, rows: list[tuple[str, str, str]], votes: int | list[int] = 1
):
    """An assistant over a store of one Korean digest (of `day`) with these papers, and an
    English one of the next day with 40 papers on something else (so that words are as
    rare as in a real archive)."""
    from datetime import date, timedelta

    after = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    digests = [
        korean_digest(folder, day, rows, votes),
        english_digest(folder, after, unrelated_rows(40)),
    ]
    return archive_of(folder, digests)


def archive_of(folder: Path, digests: list[Path]):
    """An assistant over a store (in `folder`/store) of these digests."""
    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    settings = make_settings(folder / "store")
    ingest(digests, settings)
    return Assistant(settings)


def unrelated_rows(n: int, summary: str = "Grasping experiment {n}.") -> list[tuple[str, str, str]]:
    """`n` (title, arXiv id, summary) rows of papers on something else, so that a small
    archive's words are as rare as a real archive's."""
    return [
        (f"Robot Grasping Study {i}", f"2501.{10000 + i}", summary.format(n=i)) for i in range(n)
    ]


def english_archive(folder: Path, day: str, rows: list[tuple[str, str, str]]):
    """An assistant over a store of one English digest (of `day`) with these papers."""
    from assistant import Assistant
    from assistant.ingest.pipeline import ingest

    digest = english_digest(folder, day, rows)
    settings = make_settings(folder / "store")
    assert ingest([digest], settings).papers_total == len(rows)
    return Assistant(settings)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    from assistant.ingest.pipeline import ingest

    settings = make_settings(tmp_path_factory.mktemp("seed-store"))
    report = ingest([SEEDS], settings)
    assert report.papers_total == 60 and not report.errors
    return settings


@pytest.fixture(scope="session")
def seed_assistant(seed_settings):
    from assistant import Assistant

    return Assistant(seed_settings)


@pytest.fixture
def openai_server():
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/openai_server.py):
    `.url` (base URL ending in /v1), `.script([...texts or Behaviours])`, `.requests`."""
    from openai_server import ScriptedOpenAI

    with ScriptedOpenAI() as server:
        yield server


@contextmanager
def recalibrated(retriever, **changes):
    """The retriever with other calibrated constants (`Calibration` fields) while inside."""
    calibrated = retriever.calibration
    retriever.calibration = replace(calibrated, **changes)
    try:
        yield retriever
    finally:
        retriever.calibration = calibrated
