"""A large synthetic store (e.g. 100,000 papers) grown from a real one, without the model.

Embedding 100k texts on 2 cores would take over an hour, so synthetic papers are
recombined from real ones: a new name on a real title, summary sentences from three real
papers, their dates, authors and tags; the vector is the same mix of those papers' real
vectors plus noise, normalised. Text and vectors therefore keep the real corpus's
statistics (vocabulary, lengths, topic clusters). The real papers are kept too, and
everything is written through the production write path (`PaperStore.upsert`).
"""

from __future__ import annotations

import random
import string
import time
from pathlib import Path

import numpy as np

from assistant.answer.extractive import sentences
from assistant.config import Settings
from assistant.index.store import open_store, peek_store
from assistant.types import Mention, Paper

WRITE = 1000  # papers per upsert


def _read(source: Path) -> tuple[list[Paper], np.ndarray]:
    _, store = peek_store(Settings(store_dir=source))
    if store is None:
        raise SystemExit(f"no store at {source}: ingest the corpus first")
    papers, vectors = [], []
    offset = 0
    while True:
        page = store.collection.get(include=["metadatas", "embeddings"], limit=WRITE, offset=offset)
        if not page["ids"]:
            break
        for pid, meta, vector in zip(
            page["ids"], page["metadatas"], page["embeddings"], strict=True
        ):
            papers.append(Paper.from_record(pid, meta["record"]))
            vectors.append(np.asarray(vector, dtype=np.float32))
        offset += len(page["ids"])
    return papers, np.stack(vectors)


def _name(rng: random.Random, head: str) -> str:
    letters = "".join(rng.choices(string.ascii_uppercase, k=2))
    return f"{head[:12]}{letters}{rng.randint(1, 9)}"


class Recombiner:
    """Makes synthetic papers (and their vectors) from a pool of real ones."""

    def __init__(self, papers: list[Paper], vectors: np.ndarray, seed: int = 0):
        self.papers, self.vectors = papers, vectors
        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        self.en = [sentences(p.summary("en")) for p in papers]
        self.ko = [sentences(p.summary("ko")) for p in papers]
        self.dates = sorted({d for p in papers for d in p.dates})

    def paper(self, i: int) -> tuple[Paper, np.ndarray]:
        rng = self.rng
        a, b, c = (rng.randrange(len(self.papers)) for _ in range(3))
        pa, pb = self.papers[a], self.papers[b]
        head = pa.title.split(":", 1)[0] if ":" in pa.title else pa.title.split()[0]
        tail = pb.title.split(":", 1)[-1].strip()
        title = f"{_name(rng, head.strip())}: {tail}"
        korean = rng.random() < 0.2 and self.ko[a] and self.ko[b]
        pool = self.ko if korean else self.en
        picked = rng.sample(pool[a], min(2, len(pool[a]))) + pool[b][:1] + pool[c][-1:]
        github = ()
        if pa.github and rng.random() < 0.5:
            github = (f"{pa.github[0].rstrip('/')}-{i}",)
        mention = Mention(
            arxiv_id=f"9{i // 100000:03d}.{i % 100000:05d}",
            title=title,
            date=rng.choice(self.dates),
            language="ko" if korean else "en",
            source="synthetic.md",
            line=i + 1,
            summary=" ".join(picked),
            authors=tuple(rng.sample(pa.authors, min(3, len(pa.authors))) + list(pb.authors[:1])),
            tags=pa.tags[:3],
            github=github,
            votes=pa.votes,
        )
        vector = 0.6 * self.vectors[a] + 0.25 * self.vectors[b] + 0.15 * self.vectors[c]
        vector = vector + self.np_rng.normal(0, 0.3 / np.sqrt(len(vector)), len(vector))
        return Paper(mention.arxiv_id, [mention]), vector / np.linalg.norm(vector)


def build_store(source: Path, target: Path, n: int) -> dict:
    """Write the real papers of `source` plus synthetic ones into `target`, `n` in all."""
    started = time.perf_counter()
    papers, vectors = _read(source)
    read_s = time.perf_counter() - started
    _, store = open_store(Settings(store_dir=target), lazy=True)
    maker = Recombiner(papers, vectors)
    started = time.perf_counter()
    for start in range(0, len(papers), WRITE):
        batch = papers[start : start + WRITE]
        store.upsert(batch, {p.arxiv_id: vectors[start + j].tolist() for j, p in enumerate(batch)})
    for start in range(len(papers), n, WRITE):
        made = [maker.paper(i) for i in range(start, min(start + WRITE, n))]
        store.upsert([p for p, _ in made], {p.arxiv_id: v.tolist() for p, v in made})
    write_s = time.perf_counter() - started
    return {
        "real_papers": len(papers),
        "synthetic_papers": max(n - len(papers), 0),
        "read_source_s": round(read_s, 2),
        "write_s": round(write_s, 1),
        "write_papers_per_s": round(max(n, len(papers)) / write_s, 1),
    }
