"""Lists: the papers of a date range, a topic or a name, the first ones listed, the
newest ones, papers by an author, and what to say when none fit.

Methods of the router (`Router` inherits them), split out by the intent they answer:
they use its shared helpers (`_routed`, `_declined`, `_apart`, ...) through `self`.
"""

from __future__ import annotations

from datetime import date, timedelta

from assistant.answer.asking import _COUNTS_THINGS, _one_digest, digest_language
from assistant.answer.extractive import asks_quantity
from assistant.answer.routed import (
    _PAPERS,
    GISTED,
    MAX_TOPIC,
    RECENT_FILL,
    RECENT_MIN,
    RECENT_WINDOWS,
    SHOW,
    STRONG,
    TOPICAL_SHOW,
    Routed,
    _on_weekdays,
    _span,
)
from assistant.answer.topic import (
    _content_words,
    _label,
    _naming,
    topic_query,
)
from assistant.answer.wording import (
    _LANGUAGE_NAMES,
    _digests_in,
    _in_language,
    _linked,
    _n_papers,
    _newest_line,
    _newest_of,
    _none_has,
    _of_those,
    _on_or_in,
    _votes,
    _weekday_name,
)
from assistant.retrieve.hybrid import Hit
from assistant.tools import WEEKDAYS, ToolError, within
from assistant.types import Filters, Paper
from assistant.understand import intents
from assistant.understand.dates import weekdays_named
from assistant.understand.query import QuestionInfo
from assistant.understand.references import SUBJECT
from assistant.understand.slots import cue_pattern


class Listing:
    """Lists: the papers of a date range, a topic or a name, the first ones listed, the"""

    def _list(self, info: QuestionInfo, gist: bool = False) -> Routed | None:
        """The papers of the question's dates, most voted first; `gist`: each with its
        summary's first sentence (a summary of a digest asked for)."""
        f = self._dates(info)
        language = digest_language(info.text)
        result = self.tools.list_papers(
            f.since,
            f.until,
            f.topic,
            sort="votes",
            limit=SHOW,
            has_code=f.has_code,
            language=language,
        )
        total = result.data["total"]
        ko = info.korean
        if not total and language:  # digests of that day, but none in that language
            return self._none_in_language(info, f, language, result)
        if not total and f.has_code and self.catalog.on_dates(f.since, f.until):
            text = (  # papers that day, none with a link
                f"{_span(f)} 논문 중 다이제스트에 GitHub 링크가 있는 논문은 없습니다."
                if ko
                else f"No paper of {_span(f)} has a GitHub link in the digests."
            )
            return self._routed("list", info, [text], [], [result])
        if not total:
            return self._no_digests(info, f, result)
        span = _span(f) + _in_language(language, ko)
        if ko and language:  # "2024-11-08 한국어 다이제스트의 논문"
            span = f"{_span(f)} {_LANGUAGE_NAMES[language][0]}"
        shown = len(result.papers)
        more = total > shown
        # the first shown by votes; when the digests give none, newest first (one day's:
        # as the digest lists them)
        if any(p.votes is not None for p in result.papers):
            which = (f"추천 수 상위 {shown}편", f"the {shown} most voted")
        elif f.since == f.until:
            which = (f"앞의 {shown}편", f"the first {shown}")
        else:
            which = (f"최신 {shown}편", f"the {shown} newest")
        coded = (" 코드 공개" if ko else " with code on GitHub") if f.has_code else ""
        if ko:
            head = f"{span} 다이제스트의{coded} 논문 {total}편" + (
                f" ({which[0]}):" if more else ":"
            )
        else:
            head = f"{_n_papers(total)}{coded} in the digests of {span}" + (
                f" ({which[1]}):" if more else ":"
            )
        lines = [head]
        gist = gist or total <= GISTED  # (a day of a few papers: what each is, not a title)
        for n, p in enumerate(result.papers, start=1):
            votes = f" ({_votes(p.votes, ko)})" if p.votes is not None else ""
            said = f": {self.extractive.overview(p, ko)[0]}" if gist else ""
            lines.append(f"{n}. **{p.title}** [{n}]{votes}{_linked(p, f)}{said}")
        return self._routed(info.intent, info, lines, result.papers, [result])

    def _first_listed(self, info: QuestionInfo) -> Routed:
        """The paper a digest lists first ("what's the most recent digest, and which paper
        is listed first in it?", "제일 첫날 맨 위에 있던 논문"), in each language with a
        digest that day: of the question's day, its range's first (or, asked, newest)
        digest, or the newest digest."""
        f, ko = info.filters, info.korean
        asked = digest_language(info.text)
        newest = info.dates.asks == "newest" or info.dates.relative == "latest"
        newest = newest or not (f.since or f.until or info.dates.asks or info.dates.pick)
        # ("the very first paper covered", "when does the archive start": its first digest's)
        newest = newest and not cue_pattern("first_ever").search(info.text)
        gist = bool(cue_pattern("summary_cue").search(info.text))  # "맨 위에 있는 논문 요약해줘"
        lines: list[str] = []
        papers: list[Paper] = []
        results = []
        for language in [asked] if asked else ["en", "ko"]:
            every = self.tools.list_papers(f.since, f.until, sort="date", language=language)
            if not every.data["total"]:
                continue
            dates = every.data["dates"]
            day = dates[-1] if newest and info.dates.pick != "first" else dates[0]
            # (in that language's digest's order: a day may have both, each its own)
            first = self.tools.list_papers(day, day, sort="date", limit=1, language=language)
            name = _LANGUAGE_NAMES[language][0 if ko else 1]
            paper = first.papers[0]
            if paper in papers:  # the same paper atop both languages' digests that day
                lines[-1] = lines[-1].replace(
                    "다이제스트의" if ko else "digest lists",
                    f"· {name} 다이제스트의" if ko else f"and {name} digests list",
                    1,
                )
                continue
            papers.append(paper)
            results.append(first)
            n, label = len(papers), paper.title
            lines.append(
                f"{day} {name} 다이제스트의 맨 위 논문: **{label}** [{n}]"
                if ko
                else f"The {day} {name} digest lists **{label}** [{n}] first."
            )
            if gist:
                lines[-1] += f" {self.extractive.overview(paper, ko)[0]}"
        if not papers:
            return self._no_digests(info, self._dates(info), every)
        return self._routed("list", info, lines, papers, results)

    def _none_in_range(self, info: QuestionInfo, word: str, elsewhere: list[str]) -> Routed:
        """No paper of the question's dates writes a rare word of its topic, which papers of
        other dates do: said so, with where they are (a refusal: nothing of those dates)."""
        f, ko = info.filters, info.korean
        dates = sorted(d for p in self.catalog.papers.many(elsewhere) for d in p.dates)
        n, first, last = len(elsewhere), dates[0], dates[-1]
        text = (
            f"{_span(f)} 논문 중 '{word}'을(를) 다룬 논문은 없습니다. 아카이브에는 "
            f"{first}부터 {last}까지 {n}편이 있습니다."
            if ko
            else f"No paper of {_span(f)} is about '{word}'; the archive has "
            f"{_n_papers(n)} on it from {first} to {last}."
        )
        routed = self._routed(info.intent, info, [text], [], [])
        routed.refused = True
        return routed

    def _none_in_language(self, info: QuestionInfo, f: Filters, language: str, result):
        """Digests within the dates, none in the language asked ("how many papers were in
        the English digests in March 2024?": none then, the Korean ones only): said so."""
        where, ko = _digests_in(language, info.korean), info.korean
        text = (
            f"{_span(f)}에는 {where}가 없습니다." if ko else f"There are no {where} for {_span(f)}."
        )
        return self._routed(info.intent, info, [text], [], [result])

    def _named_on_topic(self, info: QuestionInfo, papers: list[Paper], topic: list[str]):
        """Which of the papers a follow-up points back to are on its topic: those of them
        a count of the topic over the whole archive keeps (`gate_all`'s set), in the
        previous answer's order, each with its best sentence on it; or that none is."""
        ko, query = info.korean, " ".join(topic)
        on = {h.arxiv_id for h in self.tools.retriever.gate_all(query, Filters()).hits}
        kept = [p for p in papers if p.arxiv_id in on]
        head = _of_those(len(kept), len(papers), f"'{query}' 관련", f"on '{query}'", ko)
        if not kept and _COUNTS_THINGS.search(info.text) and not _PAPERS.search(info.text):
            return None  # "거기서 전문가 팀은 몇 명이었어?": a figure one of them states
        if not kept:
            return self._routed("list", info, [head], [], [])
        if info.intent == "summary":  # each one's gist and key result
            return self._list_named(info, kept, head, overview=True)
        # one paper: its sentence that answers the whole question ("거기서 LLaVA에 적용한
        # 논문은 속도 얼마나 빨라졌대?": its speedup), not only its topic
        about = query if len(kept) > 1 else SUBJECT.sub(" ", info.text)
        return self._list_named(info, kept, head, about=about)

    def _named_in_dates(self, info: QuestionInfo, papers: list[Paper], topic: list[str]):
        """Those of the papers a follow-up points back to that a digest of its dates has
        (and, when its other words name a topic some of those are on, those on it), in the
        previous answer's order; or that none is."""
        ko, f = info.korean, info.filters
        dated = [p for p in papers if any(within(d, f.since, f.until) for d in p.dates)]
        span = _span(f)
        query = " ".join(_naming(topic))
        if dated and query:  # "그 중 3월에 나온 에이전트 논문만": a topic as well, if it is one
            on = {h.arxiv_id for h in self.tools.retriever.gate_all(query, f).hits}
            dated = [p for p in dated if p.arxiv_id in on] or dated
        head = _of_those(len(dated), len(papers), f"{span}에 나온", f"from {span}", ko)
        if not dated:
            return self._routed("list", info, [head], [], [])
        return self._list_named(info, dated, head)

    def _newest_named(self, info: QuestionInfo, papers: list[Paper], oldest=False) -> Routed:
        """The newest (or `oldest`) of the papers a follow-up points back to (by the day a
        digest first had each; those of that day, if several)."""
        first = {p.arxiv_id: min(p.dates) for p in papers if p.dates}
        newest = (min if oldest else max)(first.values(), default=None)
        picked = [p for p in papers if newest and first.get(p.arxiv_id) == newest]
        if len(picked) == len(papers) > 1:  # all of one day: said so, not each one's gist
            head = (
                f"{len(papers)}편 모두 같은 날({newest}) 다이제스트에 실렸습니다:"
                if info.korean
                else f"All {len(papers)} papers are from the same digest ({newest}):"
            )
            return self._list_named(info, picked, head, gists=False)
        head = (
            f"{len(papers)}편 중 가장 {'먼저 나온' if oldest else '최근'} 논문 ({newest}):"
            if info.korean
            else f"The {'earliest' if oldest else 'most recent'} of the {len(papers)} papers "
            f"({newest}):"
        )
        # one paper asked a figure: its sentence that answers the whole question ("그 중
        # 제일 먼저 나온 거, RTX4090에서 몇 TOPS였어?": its TOPS), not only its gist
        own = SUBJECT.sub(" ", info.text)
        about = own if len(picked) == 1 and asks_quantity(own) else ""
        return self._list_named(info, picked, head, about=about)

    def _none_with_code(
        self, info: QuestionInfo, topic: list[str], papers: list[Paper], since, until
    ) -> Routed:
        """A topic's papers of some dates, none of which has a GitHub link in the digests:
        that said, and the papers listed (a refusal would say there is nothing on it)."""
        ko, words = info.korean, " ".join(topic)
        span = _span(Filters(since, until)) if (since or until) else ""
        head = (
            f"{span} '{words}' 관련 논문 {len(papers)}편 중 다이제스트에 GitHub 링크가 있는 논문은"
            " 없습니다:"
            if ko
            else _none_has(
                len(papers),
                f" on '{words}'" + (f" {_on_or_in(Filters(since, until))} {span}" if span else ""),
                "GitHub link",
            )
            + " in the digests:"
        )
        return self._list_named(info, papers, head.strip())

    def _list_named(
        self,
        info: QuestionInfo,
        papers: list[Paper],
        head: str | None = None,
        about: str = "",
        overview: bool = False,
        gists: bool = True,
    ) -> Routed:
        """The papers a follow-up points back to ("list them"), each with its digest dates
        and its gist's first sentence (or, `about` a topic, its best sentence on it; with
        `overview`, its gist and key result as a summary has them; without `gists`, its name
        alone), in the previous answer's order, under `head` (default: how many)."""
        ko = info.korean
        lines = [head or (f"{len(papers)}편:" if ko else f"{_n_papers(len(papers))}:")]
        for n, p in enumerate(papers, start=1):
            if not gists:
                lines.append(f"{n}. **{p.label}** [{n}]")
                continue
            if overview:
                gist = " ".join(self.extractive.overview(p, ko))
            elif about:  # one paper: its whole answer, with the figure asked if any
                # (two sentences' room, so that a figure only its other digest states
                # joins: "그중에 코덱 논문은 비트레이트 얼마까지 낮췄대?": 0.35kbps)
                best = self.extractive.best(about, p, ko, 2 if len(papers) == 1 else 1)
                gist = " ".join(best) if len(papers) == 1 else best[0]
            else:
                gist = self.extractive.overview(p, ko)[0]
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(p.dates)}): {gist}")
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._routed("list", info, lines, papers, results)

    def _named_in_language(self, info: QuestionInfo, papers: list[Paper], language: str):
        """Those of the papers a follow-up points back to that a digest in `language` has,
        with the dates of those digests."""
        ko = info.korean
        inside = [p for p in papers if language in p.languages]
        where = _digests_in(language, ko)
        head = _of_those(len(inside), len(papers), f"{where}에 실린", f"in the {where}", ko)
        if not inside:
            return self._routed("list", info, [head], [], [])
        lines = [head]
        for n, p in enumerate(inside, start=1):
            days = sorted({m.date for m in p.mentions if m.language == language})
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(days)})")
        results = [self.tools.paper(p.arxiv_id) for p in inside]
        return self._routed("list", info, lines, inside, results)

    def _by_same_authors(self, info: QuestionInfo, paper: Paper) -> Routed | None:
        """The other papers of `paper`'s authors (named in full: a user name may be anyone's),
        one `list_papers` call per author; most authors shared first, then newest; each
        with the authors it shares."""
        shared: dict[str, list[str]] = {}
        results = [self.tools.paper(paper.arxiv_id)]
        for author in dict.fromkeys(a for a in paper.authors if " " in a.strip()):
            try:
                found = self.tools.list_papers(author=author, limit=len(self.catalog))
            except ToolError:
                continue  # (an author no paper lists as written: nothing to add)
            results.append(found)
            for p in found.papers:
                if p.arxiv_id != paper.arxiv_id:
                    shared.setdefault(p.arxiv_id, []).append(author)
        ko = info.korean
        if not shared:
            text = (
                f"다이제스트에는 {paper.label}의 저자들이 쓴 다른 논문이 없습니다."
                if ko
                else f"No other paper in the digests is by {paper.label}'s authors."
            )
            return self._routed("authors", info, [text], [paper], results)
        others = [self.catalog.papers[pid] for pid in shared]
        others.sort(key=lambda p: max(p.dates, default=""), reverse=True)  # newest first,
        others.sort(key=lambda p: -len(shared[p.arxiv_id]))  # most authors shared first
        shown = others[:SHOW]
        lines = [
            f"**{paper.label}** [1] 저자들의 다른 논문 {len(others)}편:"
            if ko
            else f"{_n_papers(len(others))} by authors of **{paper.label}** [1]:"
        ]
        for n, p in enumerate(shown, start=2):
            names = ", ".join(shared[p.arxiv_id])
            lines.append(f"{n - 1}. **{p.label}** [{n}] ({', '.join(p.dates)}): {names}")
        return self._routed("authors", info, lines, [paper, *shown], results)

    def _by_author(self, info: QuestionInfo, author: str) -> Routed | None:
        """Every paper by `author` within the question's dates, newest first."""
        f = info.filters
        votes = info.intent == "top_voted"  # "Saining Xie's most voted paper"
        try:
            result = self.tools.list_papers(
                f.since,
                f.until,
                f.topic,
                sort="votes" if votes else "date",
                limit=SHOW,
                has_code=f.has_code,
                author=author,
            )
        except ToolError:
            return None
        total = result.data["total"]
        if not total:
            return None
        ko = info.korean
        where = f" ({_span(f)})" if (f.since or f.until) else ""
        more = total > len(result.papers)
        order = (
            ("추천 수순" if votes else "최신순") if ko else ("most voted" if votes else "newest")
        )
        if ko:
            head = f"{author}의 논문{where} {total}편" + (
                f" ({order} {len(result.papers)}편):" if more else f" ({order}):"
            )
        else:
            head = f"{_n_papers(total)} by {author}{where}" + (
                f", the {len(result.papers)} {order}:" if more else f" ({order} first):"
            )
        lines = [head]
        for n, p in enumerate(result.papers, start=1):
            count = f"; {_votes(p.votes, ko)}" if votes and p.votes is not None else ""
            lines.append(f"{n}. **{p.label}** [{n}] ({', '.join(p.dates)}{count})")
        return self._routed("list", info, lines, result.papers, [result])

    def _topical(self, question: str, info: QuestionInfo, topic: list[str], *, recent: bool):
        """Every paper on a topic within a date range that passes the relevance gate.

        recent: the window is the RECENT_DAYS up to the newest digest (widened while
        nothing passes, when the question said "latest" / "recent" / "최근"), and the papers
        are shown newest first. Otherwise the question's
        dates, most relevant first. Each paper with its best sentence, cited [n].
        """
        query = topic_query(question, topic)
        f = info.filters
        windows: list[tuple[str | None, str | None]] = [(f.since, f.until)]
        newest = self.tools.newest_date
        if (
            recent
            and newest
            and (info.dates.relative or not (f.since or f.until))
            and not _one_digest(question, info.dates.spans)
        ):
            end = date.fromisoformat(newest)
            windows = [
                ((end - timedelta(days=days - 1)).isoformat(), newest) for days in RECENT_WINDOWS
            ] + [(None, newest)]
            if not info.dates.relative:  # "what's new on X": only asked "latest" widens
                windows = windows[:1]
        hits: list[Hit] = []
        touching: list[Hit] = []
        since = until = None
        # asked for a list ("list the agent papers of July 2024"): all that pass, up to SHOW
        room = SHOW if info.intent == "list" else TOPICAL_SHOW
        first: set[str] = set()  # the papers on it of the most recent window that has any
        language = digest_language(question)  # "... from the English digests"
        weekdays = weekdays_named(question)  # "... on Fridays in March 2025"

        def of_language(found: list[Hit]) -> list[Hit]:
            return [
                h
                for h in found
                if (language is None or language in h.paper.languages)
                and (not weekdays or _on_weekdays(h.paper, weekdays, f.since, f.until))
            ]

        # "Any papers on the Muon optimizer in Q1 2025?": none of those dates writes it (nor,
        # of a topic with choices, any choice: "finance or financial reasoning")
        if (
            not recent
            and (f.since or f.until)
            # (not a paper described at length: "A late-2023 system batched denoising steps
            # ...", whose summary need not write each word, "batched")
            and _content_words(topic) <= MAX_TOPIC
            and (found := self._outside(topic, query, f, question))
        ):
            return self._none_in_range(info, *found)
        for since, until in windows:
            window = Filters(since, until, f.topic, f.has_code)
            gated = self.tools.retriever.gate_all(query, window)
            hits, touching = of_language(gated.hits), of_language(gated.touching)
            first = first or {h.arxiv_id for h in hits}
            if len(hits) >= (min(room, RECENT_FILL) if len(windows) > 1 else 1):
                break  # "latest X papers": a list of them, from as recent a window as has them
        if not hits and gated.apart:  # "speculative decoding for TTS": each, never both
            return self._apart(info, gated.apart)
        if not hits and f.has_code:  # "음성 합성 논문 중 코드 공개된 거": the set has none
            coded = Filters(since, until, f.topic)
            if without := of_language(self.tools.retriever.gate_all(query, coded).hits):
                return self._none_with_code(
                    info, topic, [h.paper for h in without[:room]], since, until
                )
        if not hits or (len(hits) + len(touching) == 1 and not recent and info.intent != "list"):
            # nothing, or a set of one: the focused answer on that paper (unless the question
            # asks for the list: "what came out on 2024-11-21? anything on diffusion?")
            return None
        total = len(hits)
        if recent:  # "the latest on X": the papers on it of the most recent window that has
            # any, newest first; then, from as far back as it took to fill the list, the
            # newest of those clearly on it (as a ranking by votes on a topic takes them)
            best = max(h.relevance for h in hits)
            hits.sort(
                key=lambda h: (
                    h.arxiv_id in first or h.relevance >= STRONG * best,
                    h.arxiv_id in first,
                    h.paper.dates[-1],
                    h.arxiv_id,
                ),
                reverse=True,
            )
        shown = [h.paper for h in hits[:room]]
        # "..., and which is the newest?": the papers on it of the newest digest that has any
        day, picked = _newest_of([h.paper for h in hits], info.dates.asks, since, until)
        shown += [p for p in picked if p not in shown]
        # room left in a short list: the papers that only touch on the topic, after them (not
        # in a list of the latest, which has papers on the topic from as far back as it takes)
        padded = len(windows) == 1 or len(shown) < RECENT_MIN
        also = [h.paper for h in touching[: room - len(shown)]] if padded else []
        if recent:  # the most relevant of them, newest first
            also.sort(key=lambda p: (p.dates[-1], p.arxiv_id), reverse=True)
        result = self.tools.count_papers(
            since, until, f.topic, query=query, has_code=f.has_code, language=language
        )
        ko = info.korean
        span = _span(Filters(since, until))
        if not (since or until):
            span = "전체 아카이브" if ko else "the archive"
        span += _in_language(language, ko)
        if weekdays:
            named = [_weekday_name(WEEKDAYS[d], ko) for d in weekdays]
            span += f" ({', '.join(named)})" if ko else f" (on {', '.join(d + 's' for d in named)})"
        if f.has_code:
            span += " (GitHub 코드 있음)" if ko else " (with code on GitHub)"
        words = _label(topic, question)
        order = (
            ("최신순" if ko else "newest first")
            if recent
            else ("관련도순" if ko else "most relevant first")
        )
        more = total > len(shown)
        order = f" ({order}):" if len(shown) + len(also) > 1 else ":"  # no order of one
        if ko:
            head = f"{span} '{words}' 관련 논문 {total}편" + (
                f" 중 {len(shown)}편{order}" if more else order
            )
        else:
            which = "newest" if recent else "most relevant"
            head = f"{_n_papers(total)} on '{words}' in {span}" + (
                f", the {len(shown)} {which}{order}" if more else order
            )
        lines = [head]
        results = [result]
        if (since or until) and "count" in intents.clause_intents(question):
            # "how many papers on jun 30, and is any of them about MoE?": the range's total too
            said, everything = self._in_all(since, until, f, ko)
            lines[0] = lines[0].removesuffix(":") + said + ":"
            results.append(everything)
        for n, p in enumerate([*shown, *also], start=1):
            if n == len(shown) + 1:
                some = len(also) < len(touching)
                # (after a blank line: Markdown reads a line right after a list item as
                # more of that item, and the page ran it into the last paper's sentence)
                lines.append("")
                lines.append(
                    f"그 밖에 '{words}'에 닿아 있는 논문 {len(touching)}편"
                    + (" 중:" if some else ":")
                    if ko
                    else f"Also touching on it: {_n_papers(len(touching))}"
                    + (", among them:" if some else ":")
                )
            sent = self.extractive.listed(question, p, ko)
            lines.append(f"{n}. **{p.label}** [{n}] ({p.dates[-1]}){_linked(p, f)}: {sent}")
        if picked:  # said before the list: "22 papers on X (...). The newest: ... They are:"
            newest = _newest_line(info.dates.asks, day, picked, shown, ko)
            lines[0:1] = [head.removesuffix(":") + ".", newest, "목록:" if ko else "They are:"]
        kind = "recent" if recent else "search"
        return self._routed(kind, info, lines, [*shown, *also], results)
