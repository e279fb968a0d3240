"""Feedback: a small SQLite data layer for Chainlit's thumbs up / down.

Answers shown and the feedback (with comment) they got are stored side by side in one
SQLite file (`.chainlit/feedback.db` under the app root); nothing else is persisted.
Only the UI process imports this module (it needs Chainlit).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import chainlit as cl
from chainlit.data.base import BaseDataLayer
from chainlit.types import Feedback, PageInfo, PaginatedResponse

from assistant.answer.citations import Answer

log = logging.getLogger(__name__)

FEEDBACK_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    message_id TEXT PRIMARY KEY,
    run_id TEXT,
    thread_id TEXT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    standalone_question TEXT,
    answer TEXT NOT NULL,
    mode TEXT,
    refused INTEGER NOT NULL,
    citations TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY,
    for_id TEXT NOT NULL,
    thread_id TEXT,
    value INTEGER NOT NULL,
    comment TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_for ON feedback (for_id);
CREATE INDEX IF NOT EXISTS answers_run ON answers (run_id);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """Answers shown and the thumbs up / down (with comment) they got, in one SQLite file."""

    SCHEMA_VERSION = 1

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and version != self.SCHEMA_VERSION:  # an older layout: keep it aside
            aside = self.path.with_name(f"{self.path.name}.v{version}")
            log.warning("feedback database %s has an old layout; moved to %s", path, aside)
            self.path.replace(aside)
        with self._connect() as db:
            db.executescript(FEEDBACK_SCHEMA)
            db.execute(f"PRAGMA user_version = {self.SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record_answer(
        self, message_id: str, run_id: str | None, thread_id: str | None, answer: Answer
    ) -> None:
        """Remember an answer shown; Chainlit's thumbs rate the run (`run_id`) holding it."""
        citations = [
            {"n": c.n, "arxiv_id": c.arxiv_id, "title": c.title, "url": c.url}
            for c in answer.citations
        ]
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    message_id,
                    run_id,
                    thread_id,
                    _now(),
                    answer.question,
                    answer.standalone_question,
                    answer.text,
                    answer.mode,
                    int(answer.refused),
                    json.dumps(citations, ensure_ascii=False),
                ),
            )

    def upsert(self, feedback: Feedback) -> str:
        feedback_id = feedback.id or str(uuid.uuid4())
        now = _now()
        with self._connect() as db:
            db.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "value = excluded.value, comment = excluded.comment, "
                "updated_at = excluded.updated_at",
                (
                    feedback_id,
                    feedback.forId,
                    feedback.threadId,
                    int(feedback.value),
                    feedback.comment,
                    now,
                    now,
                ),
            )
        return feedback_id

    def delete(self, feedback_id: str) -> bool:
        with self._connect() as db:
            return db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0

    def rows(self) -> list[dict]:
        """Every feedback row with the question and answer it rates (newest first)."""
        with self._connect() as db:
            cursor = db.execute(
                "SELECT f.*, a.question, a.answer, a.citations FROM feedback f "
                "LEFT JOIN answers a ON f.for_id IN (a.message_id, a.run_id) "
                "ORDER BY f.updated_at DESC, f.rowid DESC"
            )
            return [dict(row) for row in cursor]


class FeedbackDataLayer(BaseDataLayer):
    """Chainlit data layer that persists feedback only (threads, steps and users are not
    stored: there is no login, and the conversation lives in the session)."""

    def __init__(self, store: FeedbackStore):
        self.store = store

    async def upsert_feedback(self, feedback: Feedback) -> str:
        return await asyncio.to_thread(self.store.upsert, feedback)

    async def delete_feedback(self, feedback_id: str) -> bool:
        return await asyncio.to_thread(self.store.delete, feedback_id)

    async def record_answer(self, msg: cl.Message, answer: Answer) -> None:
        await asyncio.to_thread(
            self.store.record_answer, msg.id, msg.parent_id, msg.thread_id, answer
        )

    # Nothing else is persisted.
    async def get_user(self, identifier):
        return None

    async def create_user(self, user):
        return None

    async def create_element(self, element):
        return None

    async def get_element(self, thread_id, element_id):
        return None

    async def delete_element(self, element_id, thread_id=None):
        return None

    async def create_step(self, step_dict):
        return None

    async def update_step(self, step_dict):
        return None

    async def delete_step(self, step_id):
        return None

    async def get_thread_author(self, thread_id):
        return ""

    async def delete_thread(self, thread_id):
        return None

    async def list_threads(self, pagination, filters):
        return PaginatedResponse(
            pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None), data=[]
        )

    async def get_thread(self, thread_id):
        return None

    async def update_thread(self, thread_id, name=None, user_id=None, metadata=None, tags=None):
        return None

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id):
        return []
