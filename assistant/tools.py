"""The archive tools: plain typed functions over the store that answers are built from.

Five tools, the same for the LLM agent (which chooses and chains them) and the offline
router (which maps a question to them):

- `search`: papers about a topic, best first, only those passing the relevance gate;
- `list_papers`: every paper in a date range or topic, by date or by votes;
- `count_papers`: how many papers (overall, per day, per month, per topic);
- `paper`: one paper's details, looked up by arXiv id, title or name;
- `similar`: the papers nearest to one paper's stored vector.

Each returns a `ToolResult`: the papers it used (what `[n]` citations number, 1-based),
a compact text for a model, and structured data. Everything in it comes from the store.
Dates are "YYYY-MM-DD", inclusive. A bad argument is a `ToolError` with a clear message.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.errors import DigestError
from assistant.index import topics
from assistant.index.lexical import tokenize
from assistant.text import words
from assistant.types import Filters, Paper
from assistant.understand.query import ARXIV_ID

if TYPE_CHECKING:
    from assistant.index.catalog import Catalog
    from assistant.retrieve.hybrid import HybridRetriever

SUMMARY_CHARS = 600  # of each summary, in a `paper` result's text
LIST_TEXT_CHARS = 160  # of a summary's start, per paper in a list's text
COUNT_PAPERS = 50  # papers a count returns (its data holds the full total)
# what a count breaks its papers down by
BY = ("total", "day", "month", "weekday", "topic", "author", "language")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AUTHORS = 20  # authors a count by author gives, those with the most papers first
NAMED = ("id", "title", "name")  # retrieval routes that name a paper outright
FAMILY = 3  # papers whose titles carry a paper's name, shown first among its similar ones
FAMILY_NAME = 3  # a shorter name ("s1") names no family
FAMILY_TITLE_WORDS = 4  # a title this short, with no name of its own, is its name
FAMILY_POOL = 300  # a name written by more papers than this ("LLaMA") names no family
FAMILY_TERMS = 50  # index words starting with a one-word name read for its family
ABOUT_POOL = 50  # nearest papers, and papers of an aspect, a `similar` with one ranks
DESCRIBED_DENSE = 0.75  # dense relevance a description's paper needs ...
DESCRIBED_TERMS = 0.9  # ... and the share of the description's terms it contains


class ToolError(DigestError):
    """A tool was called with a bad argument (unknown paper, bad date, unknown topic...)."""


@dataclass
class ToolResult:
    tool: str  # "search" | "list_papers" | "count_papers" | "paper" | "similar"
    arguments: dict  # the arguments as called (JSON-able)
    papers: list[Paper]  # papers used, in order: what [n] citations number, 1-based
    text: str  # compact text for a model: numbered records
    data: dict = field(default_factory=dict)  # structured result, JSON-able

    def to_json(self) -> dict:
        return {
            "tool": self.tool,
            "arguments": self.arguments,
            "papers": [paper_json(p) for p in self.papers],
            "data": self.data,
        }


def paper_json(paper: Paper) -> dict:
    return {
        "arxiv_id": paper.arxiv_id,
        "title": paper.title,
        "url": paper.url,
        "dates": paper.dates,
        "languages": paper.languages,
        "votes": paper.votes,
        "github": list(paper.github),
        "huggingface": list(paper.huggingface),
        "pages": list(paper.pages),  # project or demo pages its summaries write
    }


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ToolError(f"{name} must be a date written YYYY-MM-DD, not {value!r}") from None


def _brief(paper: Paper, n: int, *, summary: bool = True) -> str:
    """'[n] Title (arXiv 2502.18137; 2025-02-26; votes 12; code) — summary start'."""
    facts = [f"arXiv {paper.arxiv_id}", ", ".join(paper.dates)]
    if paper.votes is not None:
        facts.append(f"votes {paper.votes}")
    if paper.github:
        facts.append("code")
    line = f"[{n}] {paper.title} ({'; '.join(facts)})"
    if summary and (text := paper.summary().strip()):
        text = " ".join(text.split())
        if len(text) > LIST_TEXT_CHARS:
            text = text[:LIST_TEXT_CHARS].rsplit(" ", 1)[0] + "…"
        line += f": {text}"
    return line


class ArchiveTools:
    """The tools over one store's catalog, vectors and hybrid retriever (`Assistant.tools`)."""

    NAMES = ("search", "list_papers", "count_papers", "paper", "similar")

    def __init__(self, catalog: Catalog, retriever: HybridRetriever):
        self.catalog = catalog
        self.retriever = retriever
        self._titles: Counter | None = None  # the archive's title terms, read when asked

    def _title_terms(self) -> tuple[Counter, int]:
        """How many of the archive's titles have each topic term, and how many titles."""
        if self._titles is None:
            self._titles = topics.background(p.title for p in self._in(Filters()))
        return self._titles, len(self.catalog.ids)

    @property
    def newest_date(self) -> str | None:
        """The newest digest date in the store: what "today" and "latest" mean."""
        return self.retriever._latest

    @property
    def oldest_date(self) -> str | None:
        """The oldest digest date in the store: what "the earliest digest" means."""
        return self.retriever._oldest

    @property
    def digest_dates(self) -> list[str]:
        """Every digest date in the store, oldest first ("the first digest of March")."""
        return self.retriever._digests

    # -- shared argument handling ---------------------------------------------------------

    def _filters(self, since, until, topic=None, has_code=None) -> Filters:
        since, until = _day(since, "since"), _day(until, "until")
        if since and until and since > until:
            raise ToolError(f"since ({since}) is after until ({until})")
        tag = None
        if topic:
            tag = self.catalog.tag_named(str(topic))
            if tag is None:
                known = ", ".join(t for t, _ in self.catalog.tags().most_common(12))
                raise ToolError(f"unknown topic {topic!r}; most common topics: {known}")
        return Filters(since, until, tag, bool(has_code) if has_code is not None else None)

    def _in(self, filters: Filters, among: set[str] | None = None) -> list[Paper]:
        """The papers the filters allow (of `among`, when given: only those are read)."""
        allowed = self.retriever.allowed(filters)
        ids = self.catalog.ids if allowed is None else allowed
        if among is not None:
            ids = [pid for pid in ids if pid in among]
        return self.catalog.papers.many(list(ids))

    def resolve(self, ref: str) -> Paper:
        """The paper `ref` names: an arXiv id, an exact title, a title inside it, or a name."""
        ref = str(ref or "").strip()
        if not ref:
            raise ToolError("name a paper: an arXiv id, its title or its name")
        for pid in ARXIV_ID.findall(ref):
            if pid in self.catalog:
                return self.catalog.papers[pid]
        pid = self.catalog.by_title(ref)
        names = self.catalog.by_short_name(ref)
        if pid is None and names:
            pid = names[0]
        if pid is None:
            # a description ("the visual perception token paper"): the first hit only when
            # it stands out, by name or by both halves of the evidence; a near miss is no
            # lookup ("no such paper" must not come back as some paper about papers)
            found = self.retriever.retrieve(ref, k=3)
            top = found.hits[0] if found.relevant and found.hits else None
            if top is not None and (top.via in NAMED or (top.via == "hybrid" and _describes(top))):
                pid = top.arxiv_id
        if pid is None:
            raise ToolError(f"no paper in the store matches {ref!r}")
        return self.catalog.papers[pid]

    # -- the tools --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        since: str | None = None,
        until: str | None = None,
        topic: str | None = None,
        has_code: bool | None = None,
        limit: int = 10,
    ) -> ToolResult:
        """Papers about a topic, best first, only those passing the relevance gate.

        query: what the papers are about, in the user's words (English or Korean).
        since, until: digest dates YYYY-MM-DD, inclusive. topic: a classification tag.
        has_code: only papers with a GitHub link. limit: most papers returned.
        """
        args = _args(query=query, since=since, until=until, topic=topic, has_code=has_code)
        args["limit"] = limit = max(1, int(limit))
        if not str(query or "").strip():
            raise ToolError("search needs a query: what the papers are about")
        filters = self._filters(since, until, topic, has_code)
        retrieval = self.retriever.retrieve(str(query), filters, k=limit)
        hits = retrieval.passing() if retrieval.relevant else []
        papers = [h.paper for h in hits]
        lines = [_brief(p, n) for n, p in enumerate(papers, start=1)]
        data = {
            "total": len(papers),
            "relevance": {h.arxiv_id: round(h.relevance, 3) for h in hits},
            "filters": retrieval.filters.to_json(),
        }
        text = "\n".join(lines) if lines else "No paper in the digests is relevant to this."
        return ToolResult("search", args, papers, text, data)

    def list_papers(
        self,
        since: str | None = None,
        until: str | None = None,
        topic: str | None = None,
        sort: str = "date",
        limit: int = 50,
        has_code: bool | None = None,
        author: str | None = None,
        language: str | None = None,
    ) -> ToolResult:
        """Every paper in a date range and/or topic, newest first (sort="date") or most voted
        first (sort="votes"). data["total"] is the full count even when more than `limit`.

        since, until: digest dates YYYY-MM-DD, inclusive. topic: a classification tag.
        has_code: only papers with a GitHub link. author: only papers by this author
        (full name, as the digests write it: "Saining Xie"). language: "en" or "ko", only
        papers of the digests in that language (within the dates).
        """
        if sort not in ("date", "votes"):
            raise ToolError(f'sort must be "date" or "votes", not {sort!r}')
        if language is not None:
            language = _language(language)  # once, before any record is read
        args = _args(
            since=since,
            until=until,
            topic=topic,
            has_code=has_code,
            author=author,
            language=language,
        )
        args.update(sort=sort, limit=(limit := max(1, int(limit))))
        by = None
        if author is not None:
            by = set(self.catalog.by_author(str(author)))
            if not by:
                raise ToolError(f"no paper in the digests lists the author {author!r}")
        papers = self._in(self._filters(since, until, topic, has_code), by)
        if language is not None:
            papers = [p for p in papers if dates_in(p, since, until, language)]
        papers.sort(key=lambda p: _newest_first(p, language))
        if sort == "votes":  # equal votes (or none given): newest first
            papers.sort(key=lambda p: -(p.votes if p.votes is not None else -1))
        total = len(papers)
        shown = papers[:limit]
        head = f"{total} papers" + (f", first {len(shown)}" if total > len(shown) else "")
        lines = [head + ":"] + [_brief(p, n) for n, p in enumerate(shown, start=1)]
        data = {
            "total": total,
            "shown": len(shown),
            "dates": sorted({d for p in papers for d in dates_in(p, since, until, language)}),
        }
        if sort == "votes":
            data["votes"] = {p.arxiv_id: p.votes for p in shown}
        return ToolResult("list_papers", args, shown, "\n".join(lines), data)

    def count_papers(
        self,
        since: str | None = None,
        until: str | None = None,
        topic: str | None = None,
        query: str | None = None,
        by: str = "total",
        has_code: bool | None = None,
        sort: str = "relevance",
        language: str | None = None,
        in_title: bool = False,
    ) -> ToolResult:
        """How many papers, overall or broken down by="day" | "month" | "weekday" (of their
        digest dates, Monday first; data["weekday_dates"]: each one's digests) | "topic" | "author"
        (the AUTHORS authors with the most papers; data["authors"]: how many there are) |
        "language" (of the digests they appeared in: data["languages"] gives each
        language's digests, first and last date; data["both"] the papers in both,
        data["only"] each language's papers in no other).

        With `query`, only papers about it count: every paper in range scored, the same
        relevance gate as an undated search, so a range covering the archive changes nothing.
        since, until: digest dates YYYY-MM-DD, inclusive. topic: a classification tag.
        has_code: only papers with a GitHub link. language: "en" or "ko", only papers of
        the digests in that language, their dates in it ("until when are there Korean
        digests?"). in_title: `query` counts the papers whose title has its words, in
        order ("with 'reinforcement learning' in the title"), or those of any of its
        choices joined by " OR " ("Speech OR TTS"). Also says how many digests (dates) the
        counted papers appeared in, and the first and last of them. The papers returned
        are the most relevant (with `query`) or most voted first; sort="votes": most voted.
        With `query`, data["relevance"] gives each returned paper's relevance as a share of
        the best match's, and data["touching"] how many more papers only touch on it (they
        pass the relevance gate but are not clearly on the topic, so they are not counted).
        """
        if by not in BY:
            raise ToolError(
                f'by must be "total", "day", "month", "weekday", "topic", "author" or "language", '
                f"not {by!r}"
            )
        if sort not in ("relevance", "votes"):
            raise ToolError(f'sort must be "relevance" or "votes", not {sort!r}')
        if language is not None:
            language = _language(language)  # before any paper is scored
        args = _args(
            since=since,
            until=until,
            topic=topic,
            query=query,
            has_code=has_code,
            language=language,
            in_title=in_title or None,
        )
        args["by"] = by
        if sort != "relevance":
            args["sort"] = sort
        filters = self._filters(since, until, topic, has_code)
        share: dict[str, float] = {}  # each gated paper's relevance / the best one's
        touching: int | None = None  # papers that pass the gate but are not clearly on it
        apart: list[str] = []  # the topic's terms no paper has together
        if query and str(query).strip() and in_title:
            papers = [p for p in self._in(filters) if _titled(p.title, str(query))]
            papers.sort(key=lambda p: (-(p.votes or 0), p.arxiv_id))
        elif query and str(query).strip():
            # every paper in range scored exactly, with the same gate dated or not: a range
            # covering the archive counts what no range counts
            gated = self.retriever.gate_all(str(query), filters)
            papers, filters = [h.paper for h in gated.hits], gated.filters
            best = max((h.relevance for h in gated.hits), default=0.0) or 1.0
            share = {h.arxiv_id: h.relevance / best for h in gated.hits}
            touching, apart = len(gated.touching), gated.apart
        else:
            papers = self._in(filters)
            papers.sort(key=lambda p: (-(p.votes or 0), p.arxiv_id))
        if sort == "votes":  # equal votes (or none): as ranked
            papers.sort(key=lambda p: -(p.votes if p.votes is not None else -1))
        since, until = filters.since, filters.until
        if language is not None:
            papers = [p for p in papers if dates_in(p, since, until, language)]
        counts: Counter = Counter()
        ids: dict[str, list[str]] = {}  # each key's papers, as counted
        # most papers untagged (only some digests tag topics): the topics their titles name
        untagged = by == "topic" and 2 * sum(bool(p.tags) for p in papers) < len(papers)
        if untagged:
            titles = [(p.arxiv_id, p.title) for p in papers]
            ids = topics.frequent_topics(titles, *self._title_terms())
            counts.update({term: len(of) for term, of in ids.items()})
        else:
            for p in papers:
                keys: set[str] | tuple = ()
                if by == "topic":
                    keys = set(p.tags or ("(no topic)",))
                elif by == "author":
                    keys = set(p.authors)
                elif by == "language":
                    keys = {
                        m.language
                        for m in p.mentions
                        if within(m.date, since, until) and language in (None, m.language)
                    }
                elif by == "weekday":
                    keys = {weekday(d) for d in dates_in(p, since, until, language)}
                elif by in ("day", "month"):
                    keys = {
                        d if by == "day" else d[:7] for d in dates_in(p, since, until, language)
                    }
                counts.update(keys)
                for key in keys:
                    ids.setdefault(key, []).append(p.arxiv_id)
        breakdown = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        if by in ("day", "month"):
            breakdown = dict(sorted(counts.items()))
        if by == "weekday":  # Monday first
            breakdown = {day: counts[day] for day in WEEKDAYS if day in counts}
        if by == "author":  # thousands of authors: those with the most papers
            breakdown = dict(list(breakdown.items())[:AUTHORS])
        # the digests the counted papers appeared in (within range): how many, first, last
        days = sorted({d for p in papers for d in dates_in(p, since, until, language)})
        data: dict[str, Any] = {
            "total": len(papers),
            "by": breakdown,
            "digests": len(days),
            "first": days[0] if days else None,
            "last": days[-1] if days else None,
        }
        if by != "total":
            data["ids"] = {key: ids[key] for key in breakdown}
        if by == "author":
            data["authors"] = len(counts)
        if by == "weekday":  # each day of the week's digests (dates)
            data["weekday_dates"] = {
                day: [d for d in days if weekday(d) == day] for day in breakdown
            }
        if by == "language":  # each language's digests (dates), and the papers in both
            data["languages"] = {}
            for lang in breakdown:
                its = sorted({d for p in papers for d in dates_in(p, since, until, lang)})
                data["languages"][lang] = {"digests": len(its), "first": its[0], "last": its[-1]}
            data["both"] = (
                len(set.intersection(*(set(v) for v in ids.values()))) if len(ids) > 1 else 0
            )
            data["only"] = {  # each language's papers in no other language's digests
                lang: len(set(ids[lang]).difference(*(v for k, v in ids.items() if k != lang)))
                for lang in breakdown
            }
        if untagged:
            data["topics_from"] = "titles"
        if apart:
            data["apart"] = apart
        shown = papers[:COUNT_PAPERS]
        if share:
            data["relevance"] = {p.arxiv_id: share[p.arxiv_id] for p in shown}
        if touching is not None:
            data["touching"] = touching
        lines = [
            f"{len(papers)} paper{'' if len(papers) == 1 else 's'}"
            + (f" about {query!r}" if query else "")
        ]
        if since or until:
            lines[0] += f" in digests {since or '…'} to {until or '…'}"
        if days:
            lines[0] += f"; they appeared in {len(days)} digests, {days[0]} to {days[-1]}"
        if touching:
            lines[0] += f" ({touching} more only touch on it and are not counted)"
        if by == "language":
            lines += [
                f"{key}: {n} papers in {d['digests']} digests, {d['first']} to {d['last']}"
                for key, n in breakdown.items()
                for d in [data["languages"][key]]
            ]
            lines.append(f"in both languages: {data['both']} papers")
        else:
            lines += [f"{key}: {n}" for key, n in breakdown.items()]
        if shown:
            lines.append(f"Papers counted (first {len(shown)}):")
            lines += [_brief(p, n, summary=False) for n, p in enumerate(shown, start=1)]
        return ToolResult("count_papers", args, shown, "\n".join(lines), data)

    def paper(self, ref: str) -> ToolResult:
        """One paper's details by arXiv id, exact title or name: authors, digest dates and
        languages, topics, votes, arXiv / Hugging Face / GitHub links (from the store), and
        its summary in each language.
        """
        p = self.resolve(ref)
        lines = [
            f"[1] {p.title}",
            f"arXiv: {p.url}",
            f"Authors: {', '.join(p.authors) or 'not given in the digests'}",
            f"Digest dates: {', '.join(p.dates)} (languages: {', '.join(p.languages)})",
        ]
        if p.tags:
            lines.append(f"Topics: {', '.join(p.tags)}")
        rank = self._day_rank(p)
        if p.votes is not None:
            lines.append(f"Votes: {p.votes}")
            if rank:
                lines[-1] += (
                    f" (#{rank['rank']} of the {rank['of']} voted papers of {rank['date']};"
                    f" the most voted: {rank['first']['label']}, {rank['first']['votes']})"
                )
        lines.append(f"GitHub: {', '.join(p.github) or 'none in the digests'}")
        if p.huggingface:
            lines.append(f"Hugging Face: {', '.join(p.huggingface)}")
        if p.pages:
            lines.append(f"Other pages its summaries write: {', '.join(p.pages)}")
        for lang, text in p.summary_texts():  # every digest's, a figure may be in one only
            text = " ".join(text.split())
            if len(text) > SUMMARY_CHARS:
                text = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
            lines.append(f"Summary ({lang}): {text}")
        data = {
            **paper_json(p),
            "day_rank": rank,
            "authors": list(p.authors),
            "tags": list(p.tags),
            "summaries": p.summaries(),
            "sources": p.sources,
        }
        return ToolResult("paper", {"ref": ref}, [p], "\n".join(lines), data)

    def _day_rank(self, p: Paper) -> dict | None:
        """Where the paper's votes place it among the voted papers of the digest that gives
        them (NSA's 71 votes are the Korean 2025-02-19 digest's, not the English one's of
        the day before, which gives none)."""
        if p.votes is None:
            return None
        day = min(m.date for m in p.mentions if m.votes == p.votes)
        voted = [q for q in self._in(Filters(day, day)) if q.votes is not None]
        if len(voted) < 2:
            return None
        first = max(voted, key=lambda q: (q.votes, q.arxiv_id == p.arxiv_id))
        return {
            "date": day,
            "rank": 1 + sum(1 for q in voted if q.votes > p.votes),
            "of": len(voted),
            "first": {"arxiv_id": first.arxiv_id, "label": first.label, "votes": first.votes},
        }

    def similar(
        self,
        ref: str,
        limit: int = 5,
        about: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> ToolResult:
        """Papers most like a given paper (the paper itself excluded): nearest to its stored
        vector and sharing its words (`HybridRetriever.similar`), after up to 3 whose titles
        carry its name (its family: "Q-GaLore" for GaLore).

        ref: the paper, by arXiv id, title or name. limit: most papers returned.
        about: an aspect the similar papers should share ("grokking", "fast editing"):
        papers near this one that have it come first. since, until: only papers of digests
        within these dates, YYYY-MM-DD ("newer work like it": since its date).
        """
        args = {"ref": ref, "limit": (limit := max(1, int(limit)))}
        if about:
            args["about"] = about = str(about)
        args |= _args(since=since, until=until)
        among = self.retriever.allowed(self._filters(since, until))
        p = self.resolve(ref)
        neighbours = self._neighbours(p.arxiv_id, ABOUT_POOL if about else limit, among)
        if about:
            neighbours = self._about(p.arxiv_id, about, neighbours, limit, among)
        # its family first: papers whose titles carry its name ("Q-GaLore", "SageAttention2")
        family = self._family(p, among)
        neighbours = family | neighbours
        papers = [self.catalog.papers[pid] for pid in neighbours]
        lines = [f"Papers similar to {p.title} (arXiv {p.arxiv_id}):"]
        lines += [_brief(q, n) for n, q in enumerate(papers, start=1)]
        data = {
            "of": paper_json(p),
            "similarity": {pid: round(cos, 3) for pid, cos in neighbours.items()},
            "family": list(family),  # those whose titles carry its name
        }
        return ToolResult("similar", args, papers, "\n".join(lines), data)

    def _about(
        self,
        arxiv_id: str,
        about: str,
        nearest: dict[str, float],
        limit: int,
        among: set[str] | None = None,
    ) -> dict[str, float]:
        """The paper's nearest papers with an aspect weighed in: the nearest ABOUT_POOL and
        the papers of the aspect's set (as a count has it: "비슷한 그로킹 논문" are grokking
        papers) nearest to this one, ranked by cosine x (1 + the share of the aspect's
        words each has + 1 for a paper of the aspect's set): a paper on the aspect gains up
        to three times its nearness, so a close neighbour with the aspect's words stays
        first ("real-time image generation" like StreamDiffusion: StreamMultiDiffusion, not
        any image generator)."""
        on = {h.arxiv_id for h in self.retriever.gate_all(about, Filters()).hits} - {arxiv_id}
        if among is not None:
            on &= among
        found = dict(nearest)
        if on:
            found |= self.retriever.neighbours(arxiv_id, ABOUT_POOL, among=on) or {}
        found = {pid: cos for pid, cos in found.items() if pid != arxiv_id and pid in self.catalog}
        share = self.retriever.coverage_of(about, list(found))
        # (the aspect's set counts on its own: the aspect is what the question asks them to
        # share, and a paper summarised in the other language is less near by its vector
        # alone: "papers like Prometheus 2, i.e. open LLMs trained as judges")
        ranked = sorted(found, key=lambda pid: -found[pid] * (1.0 + share[pid] + (pid in on)))
        return {pid: found[pid] for pid in ranked[:limit]}

    def _family(self, p: Paper, among: set[str] | None) -> dict[str, float]:
        """Up to FAMILY papers whose titles write this paper's name (without its version:
        MMMU-Pro's is MMMU), as it writes it, with a version or a prefix ("SageAttention2",
        "YOLOv12",
        "Q-GaLore", "From GaLore to WeLore"; not "VMamba" for Mamba), nearest first: a named
        method's predecessors, successors and rivals."""
        common: set[int] = set()
        # a short title is the paper's name ("Depth Anything V2", which has no other)
        own = p.name or (p.title if len(p.title.split()) <= FAMILY_TITLE_WORDS else "")
        for name in (_VERSION_SUFFIX.sub("", own), own):  # "MMMU-Pro": MMMU's
            tokens = tokenize(name)
            if len(name) < FAMILY_NAME or not tokens:
                continue
            if len(tokens) == 1 and (derived := self.catalog.derived) is not None:
                # one word: also as a longer one's start ("sageattention2" for SageAttention)
                tokens = derived.terms_starting(tokens[0], FAMILY_TERMS) or tokens
                common = set().union(*self.retriever.lexical.postings(tokens).values())
                if common:
                    break
            elif all(t in (postings := self.retriever.lexical.postings(tokens)) for t in tokens):
                # every word of a longer name ("HelpSteer" is no index word: its whole name's)
                common = set.intersection(*(set(postings[t]) for t in tokens))
                break
        if not common:
            return {}
        if len(common) > FAMILY_POOL:
            return {}  # a name in this many papers ("LLaMA") names no family of its own
        # (its versions too, written with a "v": "YOLOv12" of YOLOv9's family, YOLO)
        written = re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?!(?!v\d)[a-z])")
        ids = [self.retriever.ids[i] for i in sorted(common)]
        kin = {
            q.arxiv_id
            for q in self.catalog.papers.many(ids)
            if q.arxiv_id != p.arxiv_id and written.search(q.title)
        }
        if among is not None:
            kin &= among
        if not kin:
            return {}
        return self.retriever.neighbours(p.arxiv_id, FAMILY, among=kin) or {}

    def _neighbours(
        self, arxiv_id: str, limit: int, among: set[str] | None = None
    ) -> dict[str, float]:
        found = self.retriever.similar(arxiv_id, limit, among=among)
        if found is None:
            raise ToolError(f"the store has no vector for {arxiv_id}")
        out = {}
        for pid, cosine in found.items():
            if pid != arxiv_id and pid in self.catalog and len(out) < limit:
                out[pid] = cosine
        return out

    # -- dispatch ---------------------------------------------------------------------------

    def call(self, name: str, arguments: dict | None) -> ToolResult:
        """Run the tool `name` with `arguments`; ToolError on an unknown tool or bad arguments."""
        if name not in self.NAMES:
            raise ToolError(f"unknown tool {name!r}; tools: {', '.join(self.NAMES)}")
        fn: Callable[..., ToolResult] = getattr(self, name)
        arguments = dict(arguments or {})
        try:
            inspect.signature(fn).bind(**arguments)
        except TypeError as exc:
            raise ToolError(f"bad arguments for {name}: {exc}") from None
        try:
            return fn(**arguments)
        except (TypeError, ValueError) as exc:
            raise ToolError(f"bad arguments for {name}: {exc}") from None


# where a name joins words: "GaussianCube", "VMamba", "FDGaussian" (not inside "RLHF")
_JOINED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


# a version or edition after a name: "SageAttention2" is of SageAttention, "MMMU-Pro" of MMMU
_VERSION_SUFFIX = re.compile(
    r"(?:[-\s]?(?:v?\d+(?:\.\d+)*|pro|plus|\+\+|mini|max|ultra|lite|turbo|next))+$", re.I
)


TITLE_CHOICES = re.compile(r"\s+OR\s+")  # what joins the choices of words a title may have


def _titled(title: str, query: str) -> bool:
    """The title has the query's words, in order, as whole words, plural or in -ing ("3D
    Gaussians" has "Gaussian"; "Reinforcement-Learning" has "reinforcement learning"),
    also as the words a name joins ("GaussianCube", "VMamba") or the head of a name
    ("Qwen2.5-VL" and "QwenLong" have "Qwen", "DeepSeekMath" "DeepSeek"); an acronym is
    one word ("RLHF" has no "RL"). A query of choices joined by " OR " ("Speech OR TTS")
    is had by a title with any of them (a title quoted may have an "or" of its own: "To
    CoT or not to CoT")."""
    return any(_titled_words(title, reading) for reading in TITLE_CHOICES.split(query))


def _titled_words(title: str, query: str) -> bool:
    asked = words(query)
    if not asked:
        return False
    if _named_head(asked, title):
        return True
    for written in (words(title), words(_JOINED_WORDS.sub(" ", title))):
        for i in range(len(written) - len(asked) + 1):
            if all(
                w in (a, f"{a}s", f"{a}es", f"{a}ing")  # "Benchmarking" has "benchmark"
                for a, w in zip(asked, written[i:], strict=False)
            ):
                return True
    return False


def _named_head(asked: list[str], title: str) -> bool:
    """The asked words at the start of a name in `title`, before a version or the name's
    next word: a digit follows, or a capital after a small letter ("Qwen2.5", "QwenLong",
    "DeepSeekMath"); not a small letter ("Surveyed" has no "survey"), a capital after a
    capital ("RLHF" has no "RL"), nor a digit after a digit ("R10" has no "R1")."""
    body = r"[\s-]*".join(re.escape(w) for w in asked)
    for m in re.finditer(rf"(?<![A-Za-z0-9])(?i:{body})", title):
        last, after = m.group(0)[-1], title[m.end() : m.end() + 1]
        if (
            not after.isalnum()
            or (after.isdigit() and not last.isdigit())
            or (after.isupper() and last.islower())
        ):
            return True
    return False


def _describes(top) -> bool:
    """The first hit is the paper a description names: strong on both dense and lexical
    evidence (either alone is how unrelated papers match a vague phrase)."""
    from assistant.retrieve.hybrid import dense_relevance

    dense = dense_relevance(top.dense or 0.0)
    return dense >= DESCRIBED_DENSE and (top.lexical or 0.0) >= DESCRIBED_TERMS


def _newest_first(p: Paper, language: str | None = None) -> tuple:
    """Newest digest first; within a digest, in the order it lists its papers (of the
    `language` asked: a day may have a digest in each, each with its own order)."""
    mentions = [m for m in p.mentions if language in (None, m.language)] or p.mentions
    newest = max(m.date for m in mentions)
    line = min(m.line for m in mentions if m.date == newest)
    return (-date.fromisoformat(newest).toordinal(), line, p.arxiv_id)


def _language(value: str) -> str:
    language = str(value).strip().lower()
    if language not in ("en", "ko"):
        raise ToolError(f'language must be "en" or "ko", not {value!r}')
    return language


def weekday(day: str) -> str:
    """The day of the week of a digest date ("2025-01-06": "Monday")."""
    return WEEKDAYS[date.fromisoformat(day).weekday()]


def dates_in(
    p: Paper, since: str | None, until: str | None, language: str | None = None
) -> list[str]:
    """The paper's digest dates within [since, until], of digests in `language` if given."""
    return sorted(
        {
            m.date
            for m in p.mentions
            if within(m.date, since, until) and (language is None or m.language == language)
        }
    )


def within(day: str, since: str | None, until: str | None) -> bool:
    return (not since or day >= since) and (not until or day <= until)


def _args(**kwargs) -> dict:
    return {k: v for k, v in kwargs.items() if v is not None}


_DATE = {"type": "string", "description": "digest date YYYY-MM-DD, inclusive"}
_TOPIC = {"type": "string", "description": "a classification tag, e.g. 'Computer Vision'"}
_REF = {"type": "string", "description": "the paper: arXiv id, title or name ('SpargeAttn')"}


def _spec(name: str, properties: dict, required: list[str]) -> dict:
    doc = inspect.getdoc(getattr(ArchiveTools, name)) or ""
    return {
        "name": name,
        "description": re.sub(r"\s*\n\s*", " ", doc.strip()),
        "parameters": {"type": "object", "properties": properties, "required": required},
    }


_LANGUAGE = {
    "type": "string",
    "enum": ["en", "ko"],
    "description": "only papers of the digests in this language",
}
SPECS: list[dict] = [
    _spec(
        "search",
        {
            "query": {"type": "string", "description": "what the papers are about"},
            "since": _DATE,
            "until": _DATE,
            "topic": _TOPIC,
            "has_code": {"type": "boolean", "description": "only papers with a GitHub link"},
            "limit": {"type": "integer", "default": 10},
        },
        ["query"],
    ),
    _spec(
        "list_papers",
        {
            "since": _DATE,
            "until": _DATE,
            "topic": _TOPIC,
            "sort": {"type": "string", "enum": ["date", "votes"], "default": "date"},
            "limit": {"type": "integer", "default": 50},
            "has_code": {"type": "boolean", "description": "only papers with a GitHub link"},
            "author": {"type": "string", "description": "only papers by this author (full name)"},
            "language": _LANGUAGE,
        },
        [],
    ),
    _spec(
        "count_papers",
        {
            "since": _DATE,
            "until": _DATE,
            "topic": _TOPIC,
            "query": {"type": "string", "description": "count only papers about this"},
            "by": {"type": "string", "enum": list(BY)},
            "has_code": {"type": "boolean", "description": "only papers with a GitHub link"},
            "sort": {"type": "string", "enum": ["relevance", "votes"], "default": "relevance"},
            "language": _LANGUAGE,
            "in_title": {
                "type": "boolean",
                "description": "count only papers whose title has the query's words "
                "(choices joined by ' OR ': any of them)",
            },
        },
        [],
    ),
    _spec("paper", {"ref": _REF}, ["ref"]),
    _spec(
        "similar",
        {
            "ref": _REF,
            "limit": {"type": "integer", "default": 5},
            "about": {"type": "string", "description": "an aspect they should share"},
            "since": _DATE,
            "until": _DATE,
        },
        ["ref"],
    ),
]
ArchiveTools.SPECS = SPECS
