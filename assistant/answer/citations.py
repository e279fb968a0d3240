"""Answers and their citations.

An answerer (extractive or LLM) writes text that cites retrieved papers as `[n]`, n being
the paper's 1-based position among the sources it was given. `finalize` then does what
must never be left to a model: it drops every `[n]` that matches no source, strips links
the model wrote itself, and builds the citation list from the store's own titles and
arXiv URLs. Links shown to a user therefore always come from the store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.text import https_url, md_literal, printable

if TYPE_CHECKING:
    from assistant.answer.trend import Trend
    from assistant.retrieve.hybrid import Hit, Retrieval
    from assistant.types import Filters, Paper

# The shared "cannot answer" sentinel: prompts ask the model to reply with it, the code
# and the tests recognise it.
CANNOT_ANSWER = "I cannot answer this from the digests."
REFUSAL = {
    "en": (
        "I found nothing in the digests about this, so I won't guess. Try naming a paper, "
        "a method or a benchmark, or widen the date range."
    ),
    "ko": (
        "다이제스트에서 이 질문과 관련된 논문을 찾지 못했습니다. 추측하지 않겠습니다. "
        "논문 이름, 방법 또는 벤치마크를 넣어 다시 물어보거나 날짜 범위를 넓혀 보세요."
    ),
}


# a question asking advice on one's own setup that no paper is about (`Retrieval.advice`)
TUTORIAL_REFUSAL = {
    "en": (
        "This asks to be taught a concept. The digests summarise papers and hold no tutorials, "
        "so I won't write one from memory. Ask which papers study it and I'll find them."
    ),
    "ko": (
        "개념 설명(튜토리얼)을 요청하는 질문으로 보입니다. 다이제스트는 논문 요약만 담고 있어 "
        "기억에 의존해 설명하지 않겠습니다. 이 주제를 다룬 논문을 물어보시면 찾아 드릴게요."
    ),
}
# a question nearer an example of what digests do not answer than any paper
# (`Retrieval.out_of_scope`), by the kind of that example (`scope`)
OUTSIDE_REFUSAL = {
    "code": {
        "en": (
            "This looks like a programming or tooling question. The digests summarise research "
            "papers, not library documentation, so I won't guess. Ask which papers study a "
            "method and I'll find them."
        ),
        "ko": (
            "프로그래밍이나 개발 도구 사용법을 묻는 질문으로 보입니다. 다이제스트는 연구 논문 "
            "요약만 담고 있고 라이브러리 문서가 아니어서 추측하지 않겠습니다. 어떤 방법을 다룬 "
            "논문을 물어보시면 찾아 드릴게요."
        ),
    },
    "textbook": {
        "en": (
            "This asks a textbook question. The digests summarise new papers, not textbook "
            "material, so I won't answer it from memory. Ask which papers study it and I'll "
            "find them."
        ),
        "ko": (
            "교과서 수준의 개념을 묻는 질문으로 보입니다. 다이제스트는 새 논문 요약만 담고 있어 "
            "기억에 의존해 답하지 않겠습니다. 이 주제를 다룬 논문을 물어보시면 찾아 드릴게요."
        ),
    },
    "general": {
        "en": (
            "This is not a question about research papers, and the digests hold nothing else, "
            "so I won't guess. Ask about a method, a model or a result and I'll find the papers."
        ),
        "ko": (
            "연구 논문에 관한 질문이 아닌 것으로 보입니다. 다이제스트에는 논문 요약만 있어 "
            "추측하지 않겠습니다. 방법, 모델, 결과를 물어보시면 관련 논문을 찾아 드릴게요."
        ),
    },
}
ADVICE_REFUSAL = {
    "en": (
        "This asks for practical advice on your own setup. The digests summarise papers, and "
        "none of them is about just this, so I won't guess. Ask about a method or a result "
        "and I'll find the papers on it."
    ),
    "ko": (
        "직접 겪는 문제에 대한 실무 조언을 묻는 질문으로 보입니다. 다이제스트는 논문 요약만 "
        "담고 있고 이 문제를 다룬 논문은 없어 추측하지 않겠습니다. 방법이나 결과를 물어보시면 "
        "관련 논문을 찾아 드릴게요."
    ),
}


def apart(korean: bool, words: Sequence[str]) -> str:
    """Why a topic whose rare words no paper has together is refused."""
    quoted = ", ".join(f"'{w}'" for w in words)
    if korean:
        return f"다이제스트에는 {quoted}이(가) 함께 나오는 논문이 없습니다 (각각 나오는 논문은 있습니다)."
    return f"No paper in the digests has {quoted} together (each is in some paper)."


def refusal(korean: bool, filters: Filters | None = None, dates: Sequence[str] = ()) -> str:
    """The refusal, saying where the archive's digests are when the question's dates hold
    none ("What was in the digest on 2026-03-05?" of an archive that ends in 2025).
    `dates`: the digest dates of the store, sorted."""
    text = REFUSAL["ko" if korean else "en"]
    since, until = (filters.since, filters.until) if filters is not None else (None, None)
    if not dates or not (since or until):
        return text
    if any((since or d) <= d <= (until or d) for d in dates):
        return text  # digests exist in the range: the topic is what found nothing
    span = since if since == until else f"{since or '…'} – {until or '…'}"
    before = [d for d in dates if since and d < since]
    after = [d for d in dates if until and d > until]
    if before and after:  # a gap inside the archive ("yesterday" was a Sunday)
        if korean:
            return (
                f"{span}에는 다이제스트가 없습니다. 가장 가까운 다이제스트는 {before[-1]}와(과) "
                f"{after[0]}입니다."
            )
        return f"There are no digests for {span}: the nearest are {before[-1]} and {after[0]}."
    if korean:
        return (
            f"{span}에는 다이제스트가 없습니다. 보관된 다이제스트는 {dates[0]}부터 "
            f"{dates[-1]}까지입니다."
        )
    return f"There are no digests for {span}: the archive covers {dates[0]} to {dates[-1]}."


_CITE_GROUP = re.compile(r"\[(\s*\d+\s*(?:[,;]\s*\d+\s*)*)\]")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_URL = re.compile(r"<?\b(?:https?://|www\.)[^\s<>()\]]+>?", re.I)
_SPACES = re.compile(r"[ \t]{2,}")
_HTML = re.compile(r"([<>])")
_MD_LINK_OPEN = re.compile(r"\[(?=[^\[\]\n]*\]\()")  # a "[" that opens "[text](url)"


@dataclass(frozen=True)
class Citation:
    n: int
    arxiv_id: str
    title: str
    url: str


@dataclass(frozen=True)
class Source:
    arxiv_id: str
    title: str
    url: str
    score: float
    dates: list[str]


@dataclass
class Step:
    """One thing done to answer: a retrieval, or (with the agent) one tool call."""

    tool: str  # "retrieve", or a tool's name
    arguments: dict[str, Any] = field(default_factory=dict)
    papers: list[str] = field(default_factory=list)  # arXiv ids it returned, best first
    error: str | None = None
    result: Any = field(default=None, repr=False, compare=False)  # e.g. the Retrieval

    def to_json(self) -> dict:
        return {
            "tool": self.tool,
            "arguments": self.arguments,
            "papers": self.papers,
            "count": len(self.papers),
            "error": self.error,
        }


@dataclass
class Answer:
    question: str
    text: str  # the answer, citing sources as [n]
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    standalone_question: str = ""
    mode: str = "extractive"
    notes: list[str] = field(default_factory=list)  # e.g. "LLM failed: ...; extractive answer"
    filters: Filters | None = None
    steps: list[Step] = field(default_factory=list)  # what produced it, in order
    trend: Trend | None = None  # papers per month, when the question asked for a trend

    @property
    def retrieval(self) -> Retrieval | None:
        """The retrieval the answer was built from, if one ran."""
        return next((s.result for s in self.steps if s.tool == "retrieve"), None)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "citations": [asdict(c) for c in self.citations],
            "sources": [asdict(s) for s in self.sources],
            "standalone_question": self.standalone_question,
            "mode": self.mode,
            "notes": self.notes,
            "steps": [s.to_json() for s in self.steps],
            **({"trend": self.trend.to_json()} if self.trend is not None else {}),
        }

    def for_history(self) -> str:
        """The answer as a later turn's model should see it: text, then what its [n] cited."""
        if not self.citations:
            return self.text
        cited = "; ".join(f"[{c.n}] {c.title} (arXiv {c.arxiv_id})" for c in self.citations)
        return f"{self.text}\n(Papers cited in this answer: {cited})"

    def markdown(self) -> str:
        """The answer with each [n] linked, then a Sources list (for terminals and chat UIs)."""
        by_n = {c.n: c for c in self.citations}

        def link(match: re.Match) -> str:
            n = int(match.group(1))
            url = https_url(by_n[n].url) if n in by_n else None
            return f"[[{n}]]({url})" if url else match.group(0)

        # digest text is data: no escapes, raw HTML or links of its own reach the Markdown
        body = _MD_LINK_OPEN.sub(r"\\[", _HTML.sub(r"\\\1", printable(self.text)))
        body = re.sub(r"\[(\d+)\]", link, body)
        if not self.citations:
            return body
        lines = []
        for c in self.citations:
            url = https_url(c.url)
            title = md_literal(c.title)
            lines.append(f"{c.n}. [{title}]({url})" if url else f"{c.n}. {title}")
        return body + "\n\n**Sources**\n" + "\n".join(lines)


def clean_model_text(text: str, stored: frozenset[str] = frozenset()) -> str:
    """Remove links a model wrote (keep their label) and bare URLs: links come from the store.
    A bare URL that is one of the `stored` links (a cited paper's repository, quoted by its
    summary: "available at https://github.com/...") stays, without the sentence's period."""
    text = _MD_LINK.sub(lambda m: m.group(1), text)

    def bare(match: re.Match) -> str:
        url = match.group(0).strip("<>")
        trimmed = url.rstrip(".,;:!?'\"")
        if trimmed.rstrip("/") in stored:  # ("코드는 https://github.com/a/b/ 에서": a/b)
            trimmed = trimmed.rstrip("/")
        return trimmed + url[len(trimmed) :].lstrip("/") if trimmed in stored else ""

    text = _URL.sub(bare, text)
    return _SPACES.sub(" ", text).strip()


def finalize(text: str, hits: Sequence[Hit | Paper]) -> tuple[str, list[Citation]]:
    """Keep only citations that match a hit; return clean text and citations in order of use.

    `hits` are retrieval hits, or the papers the agent's tools returned (`[n]` is the n-th).

    Every link in the text goes, whether a model wrote it or a digest summary the
    extractive answerer quoted carried it: digest text is data, and the only links shown
    are the store's own, rendered from the citations, or a cited paper's stored repository
    link that its quoted summary names (a page it writes is not: digest text may carry
    any link).
    """
    used: dict[int, Citation] = {}

    def keep(match: re.Match) -> str:
        kept = []
        for part in re.split(r"[,;]", match.group(1)):
            n = int(part)
            if 1 <= n <= len(hits):
                paper = getattr(hits[n - 1], "paper", hits[n - 1])
                used.setdefault(n, Citation(n, paper.arxiv_id, paper.title, paper.url))
                kept.append(f"[{n}]")
        return "".join(kept)

    stored = frozenset(
        url
        for h in hits
        for p in [getattr(h, "paper", h)]
        for url in (p.url, *p.github, *p.huggingface)
    )
    text = _CITE_GROUP.sub(keep, clean_model_text(text, stored))
    text = re.sub(r"[ \t]+([.,;:])", r"\1", text)
    return text.strip(), list(used.values())


def sources_of(hits: Sequence[Hit]) -> list[Source]:
    return [
        Source(h.arxiv_id, h.paper.title, h.paper.url, round(h.score, 6), h.paper.dates)
        for h in hits
    ]


def is_refusal(text: str) -> bool:
    return CANNOT_ANSWER.lower().rstrip(".") in text.lower()
