"""Counts: how many papers of a day, a month, a topic or a title word, with their
breakdown, and a topic's papers per month (a trend).

Methods of the router (`Router` inherits them), split out by the intent they answer:
they use its shared helpers (`_routed`, `_declined`, `_apart`, ...) through `self`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.answer import trend as trends
from assistant.answer.asking import (
    _COUNTS_DIGESTS,
    _languages_named,
    _only_language_names,
    asks_by_language,
    asks_fewest,
    busiest_unit,
    digest_language,
)
from assistant.answer.citations import Step
from assistant.answer.routed import (
    COUNT_SHOWN,
    GISTED,
    SHOW,
    TREND_CITED,
    Routed,
    _span,
    _title_said,
)
from assistant.answer.topic import (
    _label,
    _title_query,
    topic_phrase,
    topic_query,
)
from assistant.answer.wording import (
    _LANGUAGE_NAMES,
    NEWEST_SHOWN,
    _busiest_line,
    _by_language_lines,
    _in_language,
    _linked,
    _n_papers,
    _newest_digest_line,
    _newest_line,
    _none_has,
    _on_or_in,
    _shown_of,
    _weekday_lines,
    _weekday_name,
)
from assistant.tools import WEEKDAYS, dates_in
from assistant.types import Filters, Paper
from assistant.understand.dates import asks_weekday, weekdays_named
from assistant.understand.query import QuestionInfo, strip_slots
from assistant.understand.slots import cue_pattern


class Counting:
    """Counts: how many papers of a day, a month, a topic or a title word, with their"""

    def _count(self, info: QuestionInfo, topic: list[str], question: str) -> Routed | None:
        f = info.filters
        days = None
        if f.since and f.until:
            days = (date.fromisoformat(f.until) - date.fromisoformat(f.since)).days + 1
        busiest = busiest_unit(question)
        by = "total" if days == 1 else ("day" if days and days <= 31 else "month")
        by = busiest if busiest and (days != 1 or busiest in ("author", "topic")) else by
        weekdays = weekdays_named(question)  # "on Mondays in January 2025", "월요일마다"
        by = "weekday" if asks_weekday(question) and days != 1 else by  # (and "요일별")
        language = digest_language(question)
        named = _languages_named(question)
        if language is None and len(named) == 1 and _only_language_names(topic, question):
            # "how many papers per weekday in English?": a language and nothing else to be
            # about names the digests', not a topic (papers on English)
            language, topic = next(iter(named)), []
        # the topic's words find the papers it counts, not the asking words ("how many ...
        # came out", "몇 편이야"): the same count in either language
        query = topic_query(question, topic) if topic else None
        # "with 'reinforcement learning' in the title": the words as written, in titles
        in_title = bool(info.title_words and topic)
        query = _title_query(topic, question) if in_title else query
        if asks_by_language(question):  # "영어랑 한국어 다이제스트 각각": each language's
            by, language = "language", None
        result = self.tools.count_papers(
            f.since,
            f.until,
            f.topic,
            query=query,
            by=by,
            has_code=f.has_code,
            language=language,
            in_title=in_title,
        )
        ko = info.korean
        total = result.data["total"]
        if result.data.get("apart"):  # "mamba-based protein language models": none
            return self._apart(info, result.data["apart"])
        if not total and f.has_code and not in_title:
            # "How many (agent) papers in December 2024 have code?": none, of how many
            every = self.tools.count_papers(
                f.since, f.until, f.topic, query=query, by="total", language=language
            )
            if every.data["total"] and query:  # the topic's papers, listed
                return self._none_with_code(info, topic, every.papers, f.since, f.until)
            if every.data["total"]:
                return self._none_counted_with_code(info, f, every, result)
        if (
            query
            and not in_title
            and not (total and self.tools.retriever.retrieve(query, Filters()).relevant)
        ):
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        if not total and language and not query and self.catalog.on_dates(f.since, f.until):
            return self._none_in_language(info, f, language, result)
        if not total and (f.since or f.until) and not in_title:
            return self._no_digests(info, f, result)
        where = self._counted_in(f, ko) + _in_language(language, ko)
        words = _label(topic, question)
        about = (f" '{words}' 관련" if ko else f" matching '{words}'") if query else ""
        if in_title:
            said = _title_said(query, ko)
            about = f" 제목에 {said}가 들어간" if ko else f" with {said} in the title"
        if f.has_code:  # "how many papers that day have code?"
            about += " 코드가 공개된" if ko else " with code"
        if by == "language":
            lines = _by_language_lines(
                result.data, where, about, ko, more_of="papers" if query else "digests"
            )
        else:
            lines = [
                f"{where}{about} 논문은 {total}편입니다."
                if ko
                else f"{_n_papers(total)}{about} {_on_or_in(f)} {where}."
            ]
        extra = []
        if (query or f.has_code) and (f.since or f.until):  # of how many papers in all
            every = replace(f, has_code=None)  # with code or not
            said, everything = self._in_all(f.since, f.until, every, ko, language)
            lines[0] = lines[0].removesuffix(".") + said + "."
            extra.append(everything)
        digests, first, last = (result.data[k] for k in ("digests", "first", "last"))
        digests = 0 if by == "language" else digests  # (each language's are said)
        of_all, all_digests = "", 0
        if language and not query and digests:  # "how many digests ..., and how many are
            # in Korean?": the digests of one language, of how many in all
            every = self.tools.count_papers(f.since, f.until, f.topic, has_code=f.has_code)
            extra.append(every)
            all_digests = every.data["digests"]
            of_all = f" {all_digests}개 중" if ko else f" of the {all_digests}"
        if digests > 1:  # the digests they appeared in: how many, and their dates
            lines[0] += (
                f" {first}부터 {last}까지 다이제스트{of_all} {digests}개에 실렸습니다."
                if ko
                else f" They appeared in {digests}{of_all} digests, from {first} to {last}."
            )
        elif of_all:  # one digest of that language
            lines[0] += (
                f" {first} 다이제스트 하나({of_all.strip()})에 실렸습니다."
                if ko
                else f" They appeared in 1{of_all} digests, on {first}."
            )
        if digests and not query and not f.has_code and _COUNTS_DIGESTS.search(question):
            # "how many Korean digests are there?": the digests, then their dates and papers
            kind = _LANGUAGE_NAMES[language][0 if ko else 1] + " " if language else ""
            span = _span(f) if (f.since or f.until) else ""
            dates = f"{first}부터 {last}까지" if digests > 1 else first
            lines[0] = (
                (f"{span} " if span else "")
                + f"{kind}다이제스트는 {digests}개입니다 ("
                + (f"전체 {all_digests}개 중; " if all_digests else "")
                + f"{dates}, 논문 {total}편)."
                if ko
                else f"{digests} {kind}digest{'s' if digests > 1 else ''}"
                + (f" of the {all_digests}" if all_digests else "")
                + (f" in {span}" if span else "")
                + (f", from {first} to {last}" if digests > 1 else f", on {first}")
                + f", with {_n_papers(total)}."
            )
        breakdown = result.data["by"]
        if by == "topic":  # the tags' or the titles' topics ("(no topic)": no topic)
            breakdown = {k: n for k, n in breakdown.items() if k != "(no topic)"}
        if by == "weekday":  # the days of the week named first, with their digests
            lines[0:0] = _weekday_lines(result.data, weekdays, ko)
            breakdown = {_weekday_name(k, ko): n for k, n in breakdown.items()}
        if busiest and by == busiest and breakdown:  # "which day had the most papers?"
            titled = result.data.get("topics_from") == "titles"
            lines.append(_busiest_line(breakdown, busiest, ko, titled, asks_fewest(question)))
        elif by not in ("total", "language") and len(breakdown) > 1:
            label = ("요일별: ", "By weekday: ") if by == "weekday" else ("날짜별: ", "By date: ")
            lines.append(
                label[0 if ko else 1] + ", ".join(f"{k}: {v}" for k, v in breakdown.items())
            )
        # a count of a few papers shows them all, as a listing does; of many, the most voted
        shown = result.papers[: SHOW if total <= SHOW else COUNT_SHOWN]
        more = total > len(shown)
        if in_title and not more:  # the titles that write a name: its papers in order
            shown = sorted(shown, key=lambda p: min(p.dates, default=""))
        head = ("예:" if ko else "Among them:") if more else ("목록:" if ko else "They are:")
        if weekdays and by == "weekday":  # the papers of the days named
            theirs = [i for day in weekdays for i in result.data["ids"].get(WEEKDAYS[day], [])]
            shown = self.catalog.papers.many(list(dict.fromkeys(theirs))[:COUNT_SHOWN])
            more = len(set(theirs)) > len(shown)
            head = ("예:" if ko else "Among them:") if more else ("목록:" if ko else "They are:")
        if busiest in ("day", "month") and by == busiest and breakdown and "ids" in result.data:
            # "which month had the most GRPO papers?": that month's papers, not the most
            # relevant of all months (of the fewest: the quietest's)
            most = (min if asks_fewest(question) else max)(breakdown.values())
            tied = [k for k, n in breakdown.items() if n == most]  # (all of a tie)
            key = ", ".join(tied)
            theirs = list(dict.fromkeys(i for k in tied for i in result.data["ids"][k]))
            shown = self.catalog.papers.many(theirs[:COUNT_SHOWN])
            part = _shown_of(shown, theirs, ko)
            head = f"{key}의 논문{part}:" if ko else f"In {key}{part}:"
        if by in ("author", "topic") and breakdown:  # the papers of the author (the topic)
            # with the most
            key = next(iter(breakdown))
            theirs = result.data["ids"][key]
            shown = self.catalog.papers.many(theirs[:SHOW])
            part = _shown_of(shown, theirs, ko)
            if by == "topic":
                head = f"'{key}' 논문{part}:" if ko else f"On '{key}'{part}:"
            else:
                head = f"{key}의 논문{part}:" if ko else f"By {key}{part}:"
        if info.dates.asks and digests and by not in ("language", "author", "topic", "weekday"):
            # "..., and which is the newest?": the newest digest counted, or its papers
            # (shown first, cited; not above another list's head: "By Ling Yang:")
            day = first if info.dates.asks == "oldest" else last
            if _COUNTS_DIGESTS.search(question):
                lines.append(_newest_digest_line(info.dates.asks, day, ko))
            else:  # (the count's papers are its first COUNT_PAPERS: that day's, counted)
                that = self.tools.count_papers(
                    day,
                    day,
                    f.topic,
                    query=query,
                    has_code=f.has_code,
                    language=language,
                    in_title=in_title,
                )
                picked = that.papers[:NEWEST_SHOWN]
                keep = max(len(shown), len(picked))  # (every one picked cited)
                shown = [*picked, *(p for p in shown if p not in picked)][:keep]
                lines.append(_newest_line(info.dates.asks, day, picked, shown, ko))
                extra.append(that)
        if shown:
            lines.append(head)
            # "<topic> 다이제스트에 언제 나왔어?": when each one was
            when = bool(cue_pattern("when_cue").search(question))
            lines += [
                f"- **{p.label}** [{n}]{_linked(p, f)}"
                + (f" ({', '.join(dates_in(p, f.since, f.until))})" if when else "")
                # (a few papers: each with its sentence on what the question asks, else its
                # gist; "only one paper that day - what was it and how much did it cut?")
                + (
                    f": {self.extractive.listed(question, p, ko, gist=True)}"
                    if total <= GISTED
                    else ""
                )
                for n, p in enumerate(shown, 1)
            ]
        return self._routed("count", info, lines, shown, [result, *extra])

    def _trend(self, info: QuestionInfo, topic: list[str], question: str) -> Routed | None:
        """Papers about the question's topic per month: `digest trend`'s numbers, cited."""
        f = info.filters
        if not topic or (f.since and f.until and f.since[:7] == f.until[:7]):
            # "papers per month" names no topic, and one month has one bar: a count
            return self._count(info, topic, question)
        query = topic_phrase(strip_slots(question, info), topic)
        if not self.tools.retriever.retrieve(query, Filters()).relevant:
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        newest = self.tools.newest_date
        until = min(f.until, newest) if f.until and newest else f.until  # no empty future
        tr = trends.trend(self.tools, query, f.since, until)
        if not tr.total:
            return None
        ko = info.korean
        first, last = tr.months[0], tr.months[-1]
        lines = [
            f"{first} – {last} 다이제스트에서 '{query}' 관련 논문은 {tr.total}편입니다 "
            "(검색과 같은 관련성 기준). 월별:"
            if ko
            else f"{tr.total} papers about '{query}' in the digests from {first} to {last} "
            "(the same relevance gate as search), per month:"
        ]
        cited: dict[str, Paper] = {}
        for month, n in tr.counts.items():
            if month not in tr.covered:
                lines.append(f"- {month}: " + ("다이제스트 없음" if ko else "no digest stored"))
                continue
            papers = tr.papers.get(month, [])
            line = f"- {month}: {n}" + ("편" if ko else "")
            shown = []
            for p in papers[:TREND_CITED]:
                cited.setdefault(p.arxiv_id, p)
                shown.append(f"**{p.label}** [{list(cited).index(p.arxiv_id) + 1}]")
            if shown:
                more = n - len(shown)
                tail = (f" 외 {more}편" if ko else f" and {more} more") if more > 0 else ""
                line += " — " + ", ".join(shown) + tail
            lines.append(line)
        busiest = max(tr.counts, key=lambda m: (tr.counts[m], m))
        lines.append(
            f"\n가장 많은 달: {busiest} ({tr.counts[busiest]}편)."
            if ko
            else f"\nBusiest month: {busiest} ({tr.counts[busiest]} papers)."
        )
        ids = [p.arxiv_id for ps in tr.papers.values() for p in ps]
        step = Step(
            "trend",
            {"query": query, "since": tr.since, "until": tr.until, "by": "month"},
            list(dict.fromkeys(ids)),
            result=tr,
        )
        routed = self._routed("trend", info, lines, list(cited.values()), [])
        routed.steps, routed.trend = [step], tr
        return routed

    def _none_counted_with_code(self, info: QuestionInfo, f: Filters, every, result) -> Routed:
        """Papers within the dates, none of them with a code link in its digests: said so,
        with how many there are (a count of nought, not a refusal)."""
        n, ko = every.data["total"], info.korean
        where = self._counted_in(f, ko)
        text = (
            f"{where} 논문 {n}편 중 다이제스트에 코드(GitHub) 링크가 있는 논문은 없습니다."
            if ko
            else _none_has(n, f" {_on_or_in(f)} {where}", "code (GitHub) link in the digests") + "."
        )
        return self._routed(info.intent, info, [text], [], [result, every])
