"""The catalog: every stored paper in memory, read once from the store.

It answers the questions that need no vectors: which papers exist, on which dates, with
which tags; lookups by arXiv id or exact title; and it is what the lexical index and the
citation check are built from. Citations are only ever rendered from catalog entries.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from assistant.config import Settings
from assistant.types import Paper, slug

_WORD = re.compile(r"[0-9a-z]+|[\uac00-\ud7a3]+")


def norm_title(text: str) -> str:
    """Lower-case words, split where the script changes ('SpargeAttn은' -> 'spargeattn 은')."""
    return " ".join(_WORD.findall(text.lower()))


def _phrases(text: str, most_words: int) -> set[str]:
    """Every run of up to `most_words` consecutive words of `norm_title(text)`.

    `phrase in _phrases(text, n)` is `f" {phrase} " in f" {norm_title(text)} "` for any
    normalised phrase of at most n words, at a cost set by the question, not the catalog.
    """
    words = norm_title(text).split()
    if not words:
        return {""}  # as " " + "" + " " is found in an empty question
    return {
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + most_words, len(words)) + 1)
    }


def _most_words(phrases) -> int:
    return max((p.count(" ") + 1 for p in phrases), default=0)


@dataclass
class Catalog:
    papers: dict[str, Paper]
    store_label: str = ""

    @classmethod
    def load(cls, settings: Settings, store=None) -> Catalog:
        """Read all papers from the store (`store` given, or opened read-only)."""
        if store is None:
            from assistant.index.store import peek_store

            _, store = peek_store(settings)
        if store is None:
            return cls({}, settings.describe_store())
        papers = {pid: paper for pid, (paper, _) in store.load().items()}
        return cls(papers, settings.describe_store())

    def __len__(self) -> int:
        return len(self.papers)

    def __contains__(self, arxiv_id: str) -> bool:
        return arxiv_id in self.papers

    def get(self, arxiv_id: str) -> Paper | None:
        return self.papers.get(arxiv_id)

    # -- lookups --------------------------------------------------------------------

    @property
    def _titles(self) -> dict[str, str]:
        cache = self.__dict__.get("_title_index")
        if cache is None:
            cache = {norm_title(p.title): pid for pid, p in self.papers.items() if p.title}
            self.__dict__["_title_index"] = cache
        return cache

    def _cached(self, name: str, build):
        cache = self.__dict__.get(name)
        if cache is None:
            cache = self.__dict__[name] = build()
        return cache

    def by_title(self, text: str) -> str | None:
        """The arXiv id whose title appears in `text` (longest match wins), if any."""
        # a title must be specific enough to be a lookup, not a common phrase
        titles = self._cached(
            "_long_titles",
            lambda: {
                t: (i, pid) for i, (t, pid) in enumerate(self._titles.items()) if len(t) >= 12
            },
        )
        found = [
            t
            for t in _phrases(text, self._cached("_title_words", lambda: _most_words(titles)))
            if t in titles
        ]
        if not found:
            return None
        # the longest; among equally long ones, the first in catalog order (as a scan finds)
        return titles[min(found, key=lambda t: (-len(t), titles[t][0]))][1]

    def by_short_name(self, text: str) -> list[str]:
        """Papers whose title's name part ('SpargeAttn: ...', 'AAD-LLM: ...') is in `text`."""
        # Same result as testing every paper's name against `text`, but only names that
        # occur in it as a run of words are tested (an exactly-written name does too).
        by_name = self._cached("_short_name_by_name", self._short_name_lookup)
        hits = []
        for name in _phrases(text, 3):
            for position, pid, pattern in by_name.get(name, ()):
                if pattern is None or pattern.search(text):
                    hits.append((position, pid))
        return [pid for _, pid in sorted(hits)]

    def _short_name_lookup(self) -> dict[str, list[tuple[int, str, re.Pattern | None]]]:
        """Normalised name -> (catalog position, arXiv id, exact-spelling pattern or None)."""
        out: dict[str, list[tuple[int, str, re.Pattern | None]]] = defaultdict(list)
        for position, (pid, (name, exact)) in enumerate(self._short_names.items()):
            pattern = re.compile(rf"(?<![\w-]){re.escape(exact)}(?![\w-])") if exact else None
            out[name].append((position, pid, pattern))
        return out

    @property
    def _short_names(self) -> dict[str, tuple[str, str]]:
        """arXiv id -> (normalised name, exact spelling required or '')."""
        cache = self.__dict__.get("_short_name_index")
        if cache is None:
            cache = {}
            used_by: dict[str, int] = defaultdict(int)  # word -> papers using it in their text
            for paper in self.papers.values():
                for word in set(norm_title(f"{paper.title} {paper.summary()}").split()):
                    used_by[word] += 1
            for pid, paper in self.papers.items():
                head = paper.name
                name = norm_title(head or "")
                if not name:
                    continue
                # a one-word name other papers use as an ordinary word ("ART" in
                # "state-of-the-art") counts only when written exactly as in the title
                common = " " not in name and used_by[name] > 1
                cache[pid] = (name, head if common else "")
            self.__dict__["_short_name_index"] = cache
        return cache

    @property
    def _handles(self) -> dict[str, set[str]]:
        """Exact handles -> papers: author names, GitHub/HF owners and owner/repo paths."""
        cache = self.__dict__.get("_handle_index")
        if cache is None:
            cache = defaultdict(set)
            words = {
                w
                for p in self.papers.values()
                for text in (p.title, *p.summaries().values())
                for w in norm_title(text).split()
            }
            for pid, paper in self.papers.items():
                for author in {a for m in paper.mentions for a in m.authors}:
                    name = norm_title(author)
                    # full names (two words or more), or user names no summary uses as a word
                    if " " in name or (len(name) >= 5 and name not in words):
                        cache[name].add(pid)
                for url in (*paper.github, *paper.huggingface):
                    path = url.split("://", 1)[-1].split("/")[1:]
                    if path and path[0] in ("datasets", "spaces"):
                        path = path[1:]
                    site = "github" if "github.com" in url else "huggingface"
                    if path and len(path[0]) >= 3:  # an owner counts only with its site named
                        cache[f"{site}:{norm_title(path[0])}"].add(pid)
                    if len(path) >= 2:
                        cache[norm_title("/".join(path[:2]))].add(pid)
            self.__dict__["_handle_index"] = cache
        return cache

    def by_handle(self, text: str) -> list[str]:
        """Papers whose author name or code/data repository path appears in `text`."""
        normed = f" {norm_title(text)} "
        sites = {"github"} if " github " in normed else set()
        if re.search(r" (hugging face|huggingface|hf) ", normed):
            sites.add("huggingface")

        def build() -> tuple[dict[str, list[tuple[int, str]]], int]:
            # handle name -> (position in a longest-first scan, handle); the scan's order
            by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for order, handle in enumerate(sorted(self._handles, key=len, reverse=True)):
                by_name[handle.rpartition(":")[2]].append((order, handle))
            return by_name, _most_words(by_name)

        by_name, most = self._cached("_handle_names", build)
        matched = sorted(m for phrase in _phrases(text, most) for m in by_name.get(phrase, ()))
        hits: dict[str, None] = {}
        for _, handle in matched:
            site = handle.rpartition(":")[0]
            if not site or site in sites:
                hits.update(dict.fromkeys(sorted(self._handles[handle])))
        return list(hits)

    def on_dates(self, since: str | None, until: str | None) -> list[str]:
        """Papers in a digest dated within [since, until] (either may be open), catalog order."""

        def build() -> tuple[list[str], list[int], list[str]]:
            pairs = sorted((d, i) for i, p in enumerate(self.papers.values()) for d in p.dates)
            return [d for d, _ in pairs], [i for _, i in pairs], list(self.papers)

        dates, positions, ids = self._cached("_date_index", build)
        start = bisect.bisect_left(dates, since) if since else 0
        end = bisect.bisect_right(dates, until) if until else len(dates)
        return [ids[i] for i in sorted(set(positions[start:end]))]

    def dates(self) -> list[str]:
        return sorted({d for p in self.papers.values() for d in p.dates})

    def tags(self) -> Counter:
        return Counter(t for p in self.papers.values() for t in p.tags)

    def tag_named(self, text: str) -> str | None:
        """The catalog tag matching `text` (case and punctuation insensitive)."""
        wanted = slug(text)
        return next((t for t in self.tags() if slug(t) == wanted), None)

    def stats(self) -> dict:
        per_date: dict[str, set[str]] = defaultdict(set)
        langs: dict[str, set[str]] = defaultdict(set)
        for p in self.papers.values():
            for m in p.mentions:
                per_date[m.date].add(p.arxiv_id)
                langs[m.date].add(m.language)
        dates = sorted(per_date)
        return {
            "store": self.store_label,
            "papers": len(self.papers),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
            "dates": [
                {"date": d, "papers": len(per_date[d]), "languages": sorted(langs[d])}
                for d in dates
            ],
        }
