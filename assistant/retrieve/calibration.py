"""Retrieval constants per embedder, read from `calibration.json` beside this module.

The file is written by `python -m assistant.eval.calibrate`, which measures them on the dev
split of the golden questions (never the test split). An embedder with no entry gets the
defaults below, which are the values this project used before calibration existed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.json"


@dataclass(frozen=True)
class Calibration:
    dense_weight: float = 1.0  # weight of the dense ranking in reciprocal-rank fusion
    lexical_weight: float = 1.0  # weight of each lexical ranking
    min_relevance: float = 0.45  # relevance gate: below it the assistant refuses
    # evidence is scaled by (1 - share of the question no paper contains) ** this
    unknown_penalty: float = 0.0
    # how often a word on the archive's topics is in a paper (see hybrid.unseen_weight)
    unseen_rate: float = 0.0
    # a set (a count or list of a topic) keeps the gated papers whose term coverage reaches
    # this share of the best one's, or whose dense relevance reaches set_dense (0: the gate
    # alone decides)
    set_terms: float = 0.0
    set_dense: float = 0.0
    # a question whose two adjacent words, each rarer than concept_idf, are in none of the
    # first hits asks about something no paper is about ("credit card" fraud detection),
    # unless its evidence reaches concept_floor (0: no such check)
    concept_idf: float = 0.0
    concept_floor: float = 0.0
    # a question asking advice on one's own setup (`intents.asks_advice`) needs this much
    # evidence from a paper found by its words (0: the relevance gate's own floor)
    advice_floor: float = 0.0
    # weight of the BM25 of a paper's own text beside its vector's neighbours when ranking
    # the papers similar to it (`HybridRetriever.similar`; 0: the vector's neighbours alone)
    similar_lexical: float = 0.0
    # a question this much nearer (cosine) an example of what digests do not answer
    # (`scope`: programming help, a textbook concept, everyday advice) than any paper is
    # refused (0: no such check)
    scope_margin: float = 0.0
    # a question of more words than this describes its paper: the relevance floor scales
    # by this over its words (`hybrid.relevance_floor`; 0: no such scaling)
    described_words: float = 0.0
    source: str = "defaults"


@cache
def _table(path: Path = CALIBRATION_FILE) -> dict[str, dict]:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def calibration_for(embedder_id: str) -> Calibration:
    """The calibrated constants of this embedder (the base identity, without the @length)."""
    table = _table()
    entry = table.get(embedder_id) or table.get(embedder_id.split("@", 1)[0])
    if not entry:
        return Calibration()
    return Calibration(
        dense_weight=float(entry["dense_weight"]),
        lexical_weight=float(entry["lexical_weight"]),
        min_relevance=float(entry["min_relevance"]),
        unknown_penalty=float(entry.get("unknown_penalty", 0.0)),
        unseen_rate=float(entry.get("unseen_rate", 0.0)),
        set_terms=float(entry.get("set_terms", 0.0)),
        set_dense=float(entry.get("set_dense", 0.0)),
        concept_idf=float(entry.get("concept_idf", 0.0)),
        concept_floor=float(entry.get("concept_floor", 0.0)),
        advice_floor=float(entry.get("advice_floor", 0.0)),
        similar_lexical=float(entry.get("similar_lexical", 0.0)),
        scope_margin=float(entry.get("scope_margin", 0.0)),
        described_words=float(entry.get("described_words", 0.0)),
        source=f"{CALIBRATION_FILE.name} ({entry.get('measured_on', 'dev split')})",
    )
