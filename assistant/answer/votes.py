"""Rankings by votes: the most voted papers of a day, a range or a topic, a named
paper's votes, and days whose digests carry no votes.

Methods of the router (`Router` inherits them), split out by the intent they answer:
they use its shared helpers (`_routed`, `_declined`, `_apart`, ...) through `self`.
"""

from __future__ import annotations

from assistant.answer.asking import (
    _CITED,
    VOTES,
    _top_n,
    digest_language,
    rank_asked,
)
from assistant.answer.extractive import sentences
from assistant.answer.routed import (
    ABOVE,
    LEAD,
    STRONG,
    Routed,
    _cited_note,
    _span,
    _title_said,
)
from assistant.answer.topic import (
    _HANGUL_WORD,
    _content_words,
    _title_query,
    topic_query,
    topic_words,
)
from assistant.answer.wording import (
    _in_language,
    _linked,
    _of_those,
    _votes,
)
from assistant.index import korean
from assistant.tools import ToolResult
from assistant.types import Filters, Paper
from assistant.understand import glossary, intents
from assistant.understand.query import QuestionInfo
from assistant.understand.references import SUBJECT


class Votes:
    """Rankings by votes: the most voted papers of a day, a range or a topic, a named"""

    def _top_voted(self, info: QuestionInfo, topic: list[str]) -> Routed | None:
        f = info.filters
        ko = info.korean
        where = _span(f) if (f.since or f.until) else ("전체" if ko else "the whole archive")
        # "top 3 by votes in the Korean digest of <date>": that language's digests only
        language = digest_language(SUBJECT.sub(" ", info.text))
        where += _in_language(language, ko)
        # a Korean predicate names no topic ("가장 인기 많았던 논문": 많았던 is 많다's past)
        # (a word of a vocabulary term is a noun: "비전 언어 모델", not "언" + the ending "-어")
        nouns = glossary.korean_words(info.text)
        topic = [
            w for w in topic if not _HANGUL_WORD.fullmatch(w) or w in nouns or korean.topical(w)
        ]
        # "most cited papers of 2024": the digests count votes, not citations; said first
        cited = [w for w in topic if _CITED.fullmatch(w)]
        topic = [w for w in topic if w not in cited]
        if cited:
            return _cited_note(self._top_voted(info, topic), info)
        if topic:  # "most upvoted RL paper in March 2025": the papers on it, by votes
            return self._top_voted_on(info, topic, where, language)
        result = self.tools.list_papers(
            f.since,
            f.until,
            f.topic,
            sort="votes",
            limit=_top_n(info.text),
            has_code=f.has_code,
            language=language,
        )
        voted = [p for p in result.papers if p.votes is not None]
        total = result.data["total"]
        if not total and language and self.catalog.on_dates(f.since, f.until):
            return self._none_in_language(info, f, language, result)
        if not total:
            return None
        if not voted:  # English digests carry no votes: say so, and show the papers
            lines = [
                f"{where} 다이제스트에는 추천 수가 없습니다. 논문 {total}편 중 일부:"
                if ko
                else f"The digests of {where} give no vote counts; {total} papers, among them:"
            ]
            lines += [f"{n}. **{p.label}** [{n}]" for n, p in enumerate(result.papers, 1)]
            return self._declined("top_voted", info, lines, result.papers, [result])
        lines = [
            f"{where} 논문 {total}편 중 추천 수 순위:"
            if ko
            else f"Most votes among the {total} papers of {where}:"
        ]
        if (rank := rank_asked(info.text)) and rank <= len(voted):
            # "what was the second most voted that day?": that one first, then the ranking
            p = voted[rank - 1]
            lines.insert(
                0,
                f"추천 수 {rank}위: **{p.label}** [{rank}] ({_votes(p.votes, ko)})"
                if ko
                else f"Number {rank} by votes: **{p.label}** [{rank}] ({_votes(p.votes, ko)})",
            )
        for n, p in enumerate(voted, start=1):
            lines.append(f"{n}. **{p.label}** [{n}]: {_votes(p.votes, ko)}{_linked(p, f)}")
        return self._routed("top_voted", info, lines, voted, [result])

    def _top_voted_on(
        self, info: QuestionInfo, topic: list[str], where: str, language: str | None = None
    ) -> Routed | None:
        """The most voted of the papers on a topic within the question's dates (of the
        most relevant ones a count returns), with their votes."""
        f, ko = info.filters, info.korean
        # "제목에 Mamba 들어간 논문 중에 제일 인기": the words as written, in titles
        in_title = bool(info.title_words)
        query = _title_query(topic, info.text) if in_title else topic_query(info.text, topic)
        if not in_title and not self._answerable(info.text, topic, Filters()):
            return None  # the topic passes no undated relevance gate: the retrieval refuses
        result = self.tools.count_papers(
            f.since,
            f.until,
            f.topic,
            query=query,
            has_code=f.has_code,
            sort="votes",
            in_title=in_title,
            language=language,
        )
        total = result.data["total"]
        if result.data.get("apart"):
            return self._apart(info, result.data["apart"])
        if not total:
            return None
        # the papers clearly on the topic: a popular paper that only touches it is no answer
        share = result.data.get("relevance") or {}
        top = _top_n(info.text)
        on_it = [p for p in result.papers if in_title or share[p.arxiv_id] >= STRONG]
        voted = [p for p in on_it if p.votes is not None]
        # the papers on it whose digests give no votes are named after a ranking that
        # fills fewer places than asked: it says which papers on it it could not rank
        unvoted = [p for p in on_it if p.votes is None]
        # a paper about the topic says so up front (its title or opening sentences): those
        # are ranked ("hallucination in multimodal models": The Curse of Multi-Modalities,
        # not ChartMimic, whose one sentence on hallucination is an aside); the others
        # fill the places left, under a line of their own, and the more voted of them are
        # named after the ranking (a ranking by votes leaves out no paper with more)
        also: list[Paper] = []  # the others, in the places the papers about it leave
        above: list[Paper] = []  # the others with more votes than any paper about it
        if not in_title and (central := self._central(query, voted)):
            ids = {p.arxiv_id for p in central}
            rest = [p for p in voted if p.arxiv_id not in ids]
            above = [p for p in rest if (p.votes or 0) > (central[0].votes or 0)][:ABOVE]
            also = [p for p in rest if p not in above][: max(0, top - len(central))]
            voted = central
        voted = voted[:top]
        on_ko, on_en = (
            (
                f"제목에 {_title_said(query, True)}가 들어간",
                f"with {_title_said(query)} in the title",
            )
            if in_title
            else (f"'{query}' 관련", f"on '{query}'")
        )
        if not voted:  # English digests carry no votes: say so, and show the papers on it
            rest = [p for p in result.papers if p.votes is None and p not in unvoted]
            shown = (unvoted + rest)[:top]  # those clearly on it first
            return self._unvoted_on(info, (on_ko, on_en), where, result, shown)
        lines = [
            f"{where} {on_ko} 논문 {total}편 중 추천 수 순위:"
            if ko
            else f"Most votes among the {total} papers {on_en} in {where}:"
        ]

        def ranked(n: int, p: Paper) -> str:
            return f"{n}. **{p.label}** [{n}]: {_votes(p.votes, ko)} ({p.dates[-1]}){_linked(p, f)}"

        lines += [ranked(n, p) for n, p in enumerate(voted, start=1)]
        if also:
            # (a blank line first: a line right after a list item continues that item)
            lines.append(
                "\n" + ("그 밖에 이 주제를 언급한 논문:" if ko else "Others that mention it:")
            )
        lines += [ranked(n, p) for n, p in enumerate(also, start=len(voted) + 1)]
        if above:
            at = len(voted) + len(also) + 1
            said = ", ".join(
                f"**{p.label}** [{n}] ({_votes(p.votes, ko)})" for n, p in enumerate(above, at)
            )
            lines.append(
                f"\n추천은 더 많지만 제목과 요약 첫머리에 이 주제가 없는 논문: {said}"
                if ko
                else f"\nMore votes, but their title and opening sentences do not name it: {said}"
            )
        # (when the ranking has fewer places filled than asked)
        unvoted = unvoted[:ABOVE] if len(voted) + len(also) < top else []
        if unvoted:
            at = len(voted) + len(also) + len(above) + 1
            said = ", ".join(f"**{p.label}** [{n}]" for n, p in enumerate(unvoted, at))
            lines.append(
                f"\n다이제스트에 추천 수가 없어 순위에 넣지 못한 논문: {said}"
                if ko
                else f"\nOn it too, but their digests give no vote count: {said}"
            )
        return self._routed("top_voted", info, lines, voted + also + above + unvoted, [result])

    def _unvoted_on(
        self,
        info: QuestionInfo,
        on: tuple[str, str],
        where: str,
        result: ToolResult,
        shown: list[Paper],
    ) -> Routed:
        """A ranking by votes on a topic whose papers' digests give no votes (English
        digests carry none): declined, naming those papers and the more voted papers that
        only touch the topic (which a ranking by votes leaves out of none of its answers)."""
        ko, (on_ko, on_en) = info.korean, on
        n = len(shown)
        lines = [
            f"{where} {on_ko} 논문 {n}편에는 추천 수가 없습니다:"
            if ko
            else f"The {n} papers {on_en} in {where} have no vote counts:"
            if n > 1
            else f"The paper {on_en} in {where} has no vote count:"
        ]
        lines += [f"{k}. **{p.label}** [{k}] ({p.dates[-1]})" for k, p in enumerate(shown, 1)]
        touch = [p for p in result.papers if p.votes is not None][:ABOVE]
        if touch:
            said = ", ".join(
                f"**{p.label}** [{k}] ({_votes(p.votes, ko)})" for k, p in enumerate(touch, n + 1)
            )
            lines.append(
                f"\n추천 수가 있지만 이 주제와의 관련도가 낮은 논문: {said}"
                if ko
                else f"\nWith votes, but less on it: {said}"
            )
        return self._declined("top_voted", info, lines, shown + touch, [result])

    def _votes_part(self, info: QuestionInfo, papers: list[Paper]) -> bool:
        """A part of a question about one paper asks its votes alone ("differential
        transformer: how many votes did it get, and what % of model size ...?"), whatever
        the other parts ask (its summary answers them)."""
        if len(papers) != 1:
            return False
        for part in intents.clause_parts(SUBJECT.sub(" ", info.text)):
            if VOTES.search(part) and part.strip() != info.text.strip():
                words = _content_words(topic_words(part, info, papers))
                if words <= 1:  # "votes" itself
                    return True
        return False

    def _named_with_votes(self, info: QuestionInfo, papers: list[Paper], least: int) -> Routed:
        """Those of the papers a follow-up points back to with at least `least` votes, most
        voted first; or that none has (the digests without votes say so)."""
        ko = info.korean
        voted = sorted(
            (p for p in papers if (p.votes or 0) >= least), key=lambda p: -(p.votes or 0)
        )
        if ko:
            head = _of_those(len(voted), len(papers), f"추천 {least}표 이상인", "", ko)
        elif voted:
            head = f"{len(voted)} of the {len(papers)} papers have at least {least} votes:"
        else:
            head = f"None of the {len(papers)} papers has {least} votes or more."
        if not voted:
            if all(p.votes is None for p in papers):
                head += (
                    " (다이제스트에 추천 수가 없습니다)" if ko else " (The digests give no votes.)"
                )
            return self._routed("top_voted", info, [head], [], [])
        lines = [head]
        lines += [
            f"{n}. **{p.label}** [{n}] ({_votes(p.votes, ko)}, {', '.join(p.dates)})"
            for n, p in enumerate(voted, start=1)
        ]
        results = [self.tools.paper(p.arxiv_id) for p in voted]
        return self._routed("top_voted", info, lines, voted, results)

    def _central(self, query: str, papers: list[Paper]) -> list[Paper]:
        """Those of `papers` about `query`: their title or the opening sentences of their
        summaries (LEAD of each) have its words, as much as a ranking by votes asks
        (STRONG), in the order given."""
        leads = {
            p.arxiv_id: "\n".join(
                [p.title, *(s for text in p.summaries().values() for s in sentences(text)[:LEAD])]
            )
            for p in papers
        }
        covered = self.tools.retriever.coverage_in(query, leads)
        return [p for p in papers if covered[p.arxiv_id] >= STRONG]
