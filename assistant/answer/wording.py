"""The sentences the router's metadata answers are built of: counts, newest papers, digest
languages, weekdays, the busiest day, a paper's votes, authors, dates and code links.

The answer package's own helpers (underscored), read by the router and its siblings.
"""

from __future__ import annotations

import re

from assistant.answer.extractive import quote_label, sentences
from assistant.index import topics
from assistant.tools import WEEKDAYS, ToolResult, dates_in
from assistant.types import Filters, Paper
from assistant.understand.dates import KO_WEEKDAYS

NEWEST_SHOWN = 3  # papers of the newest digest "..., and which is the newest?" names
_LANGUAGE_NAMES = {"ko": ("한국어", "Korean"), "en": ("영어", "English")}  # (Korean, English)


def _digests_in(language: str, korean: bool) -> str:
    """ "Korean digests" / "한국어 다이제스트": the digests of one language, named."""
    names = _LANGUAGE_NAMES[language]
    return f"{names[0]} 다이제스트" if korean else f"{names[1]} digests"


def _in_language(language: str | None, korean: bool) -> str:
    """ " (Korean digests)" / " (한국어 다이제스트)": the filter, said after the dates."""
    return f" ({_digests_in(language, korean)})" if language else ""


def _of_those(kept: int, total: int, korean_what: str, english_what: str, korean: bool) -> str:
    """How many of the `total` papers a follow-up points back to are `what` ("'agents'
    관련", "on 'agents'"): the head of their list, or that none is."""
    if not kept:
        return (
            f"{total}편 중 {korean_what} 논문은 없습니다."
            if korean
            else f"None of the {total} papers is {english_what}."
        )
    return (
        f"{total}편 중 {korean_what} 논문 {kept}편:"
        if korean
        else f"{kept} of the {total} papers {'is' if kept == 1 else 'are'} {english_what}:"
    )


def _hf_page(url: str) -> bool:
    """A Hugging Face paper page ("huggingface.co/papers/2506.21356"), not a model's."""
    return "huggingface.co/papers/" in url


def _n_papers(n: int) -> str:
    return f"{n} paper" if n == 1 else f"{n} papers"


def _on_or_in(f: Filters) -> str:
    """ "on 2024-10-14", "in 2024-10-01 – 2024-10-31"."""
    return "on" if f.since and f.since == f.until else "in"


def _none_has(n: int, which: str, what: str) -> str:
    """ "None of the 31 papers <which> has <what>", "The one paper <which> has no <what>"."""
    if n == 1:
        return f"The one paper{which} has no {what}"
    return f"None of the {n} papers{which} has a {what}"


RUNNERS_UP = 4  # after the busiest day, month or author, the next ones named


def _newest_of(
    papers: list[Paper], asks: str | None, since: str | None, until: str | None
) -> tuple[str | None, list[Paper]]:
    """The newest (or oldest) digest within the dates that has any of `papers`, and its
    papers in their order, when a clause asks "..., and which is the newest?"."""
    days = [d for p in papers for d in dates_in(p, since, until)]
    if not asks or not days:
        return None, []
    day = min(days) if asks == "oldest" else max(days)
    return day, [p for p in papers if day in p.dates][:NEWEST_SHOWN]


def _newest_line(asks: str, day: str, picked: list[Paper], shown: list[Paper], ko: bool) -> str:
    """The newest (or oldest) papers, of the digest of `day`, cited by their place in `shown`."""
    oldest = asks == "oldest"
    names = ", ".join(f"**{p.label}** [{shown.index(p) + 1}]" for p in picked)
    if ko:
        return f"가장 {'오래된' if oldest else '최근'} 논문: {names} ({day} 다이제스트)."
    return f"The {'oldest' if oldest else 'newest'}: {names} ({day} digest)."


def _newest_digest_line(asks: str, day: str, ko: bool) -> str:
    """ "..., and which is the newest?" of digests counted: the newest (or oldest) `day`."""
    if ko:
        return f"가장 {'오래된' if asks == 'oldest' else '최근'} 다이제스트는 {day}입니다."
    return f"The {asks} is {day}."


def _by_language_lines(data: dict, where: str, about: str, ko: bool, more_of: str) -> list[str]:
    """A count by digest language: each language's papers and digests (dates, first and
    last), which language has more `more_of` ("digests" or "papers"), and the papers in
    both."""
    langs = data["languages"]
    if ko:
        parts = [
            f"{_LANGUAGE_NAMES[lang][0]} 다이제스트 {d['digests']}개 (논문 {data['by'][lang]}편, "
            f"{d['first']}부터 {d['last']}까지)"
            for lang, d in langs.items()
        ]
    else:
        parts = [
            f"{_LANGUAGE_NAMES[lang][1]}: {d['digests']} digest{'s' if d['digests'] > 1 else ''}"
            f" with {_n_papers(data['by'][lang])}, {d['first']} to {d['last']}"
            for lang, d in langs.items()
        ]
    if not parts:
        return [f"{where}{about} 논문은 없습니다." if ko else f"No papers{about} in {where}."]
    lines = [
        f"언어별 ({where}{about}): " + ", ".join(parts) + "."
        if ko
        else f"By digest language ({where}{about}): " + "; ".join(parts) + "."
    ]
    if len(langs) == 1:  # one language only
        only = _LANGUAGE_NAMES[next(iter(langs))]
        lines.append(
            f"{only[0]} 다이제스트뿐입니다." if ko else f"Only {only[1]} digests have them."
        )
        return lines
    amount = {
        lang: d["digests"] if more_of == "digests" else data["by"][lang]
        for lang, d in langs.items()
    }
    (first, a), (_, b) = sorted(amount.items(), key=lambda kv: -kv[1])[:2]
    unit_ko, unit_en = ("개", "digests") if more_of == "digests" else ("편", "papers")
    said = f"{a}{unit_ko} 대 {b}{unit_ko}"
    if a == b:
        lines.append(f"두 언어가 같습니다 ({a}{unit_ko})." if ko else f"Both have {a} {unit_en}.")
    elif ko:
        whose = "다이제스트가" if more_of == "digests" else "다이제스트의 논문이"
        lines.append(f"{_LANGUAGE_NAMES[first][0]} {whose} 더 많습니다 ({said}).")
    else:
        name = _LANGUAGE_NAMES[first][1]
        lines.append(
            f"There are more {name} digests: {a} against {b}."
            if more_of == "digests"
            else f"The {name} digests have more papers: {a} against {b}."
        )
    only = data["only"]  # "영어 다이제스트에만 있는 논문": each language's own
    lines.append(
        f"두 언어 모두에 실린 논문은 {data['both']}편, "
        + ", ".join(f"{_LANGUAGE_NAMES[lang][0]} 다이제스트에만 {n}편" for lang, n in only.items())
        + f", 전체 {data['total']}편입니다."
        if ko
        else f"{_n_papers(data['both'])} appeared in both, "
        + ", ".join(f"{n} only in {_LANGUAGE_NAMES[lang][1]}" for lang, n in only.items())
        + f"; {data['total']} in all."
    )
    return lines


def _weekday_name(day: str, ko: bool) -> str:
    """ "Monday" as the answer's language writes it ("월요일")."""
    return KO_WEEKDAYS[WEEKDAYS.index(day)] if ko else day


def _weekday_lines(data: dict, named: list[int], ko: bool) -> list[str]:
    """The papers of each day of the week a question names (Monday 0), with its digests:
    "On Mondays: 40 papers in 4 digests (2025-01-06, ...)"."""
    lines = []
    for day in (WEEKDAYS[d] for d in named):
        n, dates = data["by"].get(day, 0), data["weekday_dates"].get(day, [])
        said = ", ".join(dates)
        if ko:
            lines.append(
                f"{_weekday_name(day, ko)}: 논문 {n}편, 다이제스트 {len(dates)}개 ({said})."
                if dates
                else f"{_weekday_name(day, ko)}에는 다이제스트가 없습니다."
            )
        else:
            lines.append(
                f"On {day}s: {_n_papers(n)} in {len(dates)} digest{'s' if len(dates) > 1 else ''}"
                f" ({said})."
                if dates
                else f"There is no digest on a {day}."
            )
    return lines


def _busiest_line(
    breakdown: dict[str, int], unit: str, ko: bool, titled: bool = False, fewest: bool = False
) -> str:
    """The busiest day or month (all of them on a tie), then the next RUNNERS_UP; or the
    quietest (`fewest`: of the days or months with a digest); the most common topics
    (`titled`: read from the titles, the papers having no topic tags)."""
    if unit == "topic":  # each with its papers: the digests' tags, or their titles' terms
        listed = ", ".join(
            f"{k} ({n}{'편' if ko else ''})" for k, n in list(breakdown.items())[: topics.TOPICS]
        )
        if ko:
            how = (
                "대부분 주제 태그가 없어 제목의 낱말로 셉니다"
                if titled
                else "다이제스트의 주제 태그"
            )
            return f"가장 많이 나온 주제 ({how}): {listed}"
        how = "words of their titles; most have no topic tag" if titled else "the digests' tags"
        return f"The most common topics ({how}): {listed}"
    fewest = fewest and unit in ("day", "month", "weekday")
    sign = 1 if fewest else -1  # the order the next ones come in
    most = (min if fewest else max)(breakdown.values())
    top = [k for k, n in breakdown.items() if n == most]
    rest = sorted((k for k in breakdown if breakdown[k] != most), key=lambda k: sign * breakdown[k])
    rest = rest[:RUNNERS_UP]
    if ko:
        what = {"day": "날", "month": "달", "weekday": "요일", "author": "저자"}[unit]
        line = (
            f"{'논문이 ' if unit == 'author' else ''}가장 {'적은' if fewest else '많은'} {what}: "
            f"{', '.join(top)} ({most}편)"
        )
        return line + (
            "; 다음은 " + ", ".join(f"{k} ({breakdown[k]}편)" for k in rest) if rest else ""
        )
    what = "Most papers by one author" if unit == "author" else f"The busiest {unit}"
    what = f"The quietest {unit} (of those with a digest)" if fewest else what
    line = f"{what}: {', '.join(top)} ({_n_papers(most)})"
    return line + ("; then " + ", ".join(f"{k} ({breakdown[k]})" for k in rest) if rest else "")


def _shown_of(shown: list[Paper], theirs: list[str], ko: bool) -> str:
    """ " (10 of 49)" when a list heads fewer papers than it has, else nothing."""
    if len(theirs) <= len(shown):
        return ""
    return f" ({len(theirs)}편 중 {len(shown)}편)" if ko else f" ({len(shown)} of {len(theirs)})"


def _no_votes(papers: list[Paper], ko: bool) -> str:
    """Several papers asked for by votes, none of whose digests gives any: said once."""
    named = ", ".join(f"**{p.label}** [{n}]" for n, p in enumerate(papers, start=1))
    return (
        f"{len(papers)}편 모두 다이제스트에 추천 수가 없습니다: {named}"
        if ko
        else f"The digests give no vote count for any of the {len(papers)} papers: {named}"
    )


def _fact_line(
    fact: str,
    n: int,
    p: Paper,
    r: ToolResult,
    ko: bool,
    one: bool,
    links: dict[str, str],
    hf: bool = False,
) -> str:
    """One paper's votes, authors or code links (`fact`), cited [n], from its record `r`
    (the paper tool's); code links go into `links` under the placeholder the line names.
    `one`: the only paper asked about (its votes' place that day, its pages without code)."""
    if fact == "votes":
        when = ", ".join(p.dates)
        if p.votes is None:
            return (
                f"**{p.label}** [{n}] ({when}): 다이제스트에 추천 수가 없습니다."
                if ko
                else f"**{p.label}** [{n}] ({when}): the digests give no vote count."
            )
        line = (
            f"**{p.label}** [{n}]: 추천 {p.votes}표 ({when} 다이제스트)"
            if ko
            else f"**{p.label}** [{n}] got {p.votes} votes (digest of {when})."
        )
        if one and (rank := r.data["day_rank"]):  # "was it #1 that day?"
            line += f". {_day_rank(rank, ko)}" if ko else f" {_day_rank(rank, ko)}"
        return line
    if fact == "when":
        return _when_line(n, p, ko)
    if fact == "authors":
        authors = r.data["authors"]
        if not authors:
            return (
                f"**{p.label}** [{n}]: 다이제스트에 저자 정보가 없습니다."
                if ko
                else f"**{p.label}** [{n}]: the digests do not list its authors."
            )
        who = ", ".join(authors)
        return (
            f"**{p.label}** [{n}] 저자 ({len(authors)}명): {who}"
            if ko
            else f"**{p.label}** [{n}] was written by {who} ({len(authors)} authors)."
        )
    # a Hugging Face paper page is the paper's page, no code or model
    urls = [*r.data["github"], *(u for u in r.data["huggingface"] if not _hf_page(u))]
    if urls:
        links[key := f"⟦links{n}⟧"] = ", ".join(urls)
        return (
            f"**{p.label}** [{n}] 코드/모델: {key}"
            if ko
            else f"Code and models for **{p.label}** [{n}]: {key}"
        )
    if hf and (hf_pages := [u for u in r.data["huggingface"] if _hf_page(u)]):
        # "Got a Hugging Face link for it?": its Hugging Face paper page is one
        links[key := f"⟦links{n}⟧"] = ", ".join(hf_pages)
        return (
            f"**{p.label}** [{n}]의 Hugging Face 페이지: {key} (다이제스트에 GitHub 저장소나 "
            "모델 링크는 없습니다)"
            if ko
            else f"Hugging Face page of **{p.label}** [{n}]: {key} (the digests give no GitHub "
            "repository or model link)"
        )
    if pages := r.data.get("pages"):
        # "is there a demo page where I can listen to samples?": the page its digest writes
        links[key := f"⟦links{n}⟧"] = ", ".join(pages)
        return (
            f"**{p.label}** [{n}]: GitHub 저장소 링크는 없지만 다이제스트에 적힌 페이지: {key}"
            if ko
            else f"**{p.label}** [{n}]: the digests give no GitHub repository, but write this "
            f"page for it: {key}"
        )
    page = ""
    if one:  # the paper's own pages, at least: "link to it?"
        pages = [p.url, *(u for u in r.data["huggingface"] if _hf_page(u))]
        links[f"⟦page{n}⟧"] = ", ".join(pages)
        page = f" 논문: ⟦page{n}⟧" if ko else f" The paper: ⟦page{n}⟧"
    return (
        f"**{p.label}** [{n}]: 다이제스트에 GitHub 저장소나 Hugging Face 모델 링크가 없습니다."
        + page
        if ko
        else f"**{p.label}** [{n}]: the digests give no GitHub repository or "
        "Hugging Face model link for it." + page
    )


def _sentences_writing(paper: Paper, pattern: re.Pattern, korean: bool) -> list[str]:
    """A paper's sentences that `pattern` finds in lower case, the question's language's
    first, one of the other language's labelled with the digest it quotes."""
    own = "ko" if korean else "en"
    return [
        sent if lang == own else f"({quote_label(korean)}: {sent})"
        for lang, text in sorted(paper.summaries().items(), key=lambda kv: kv[0] != own)
        for sent in sentences(text)
        if pattern.search(sent.lower())
    ]


def _when_line(n: int, p: Paper, ko: bool) -> str:
    """Which digests had the paper: each date with its digests' languages, and its votes."""
    by_date: dict[str, set[str]] = {}
    for m in p.mentions:
        by_date.setdefault(m.date, set()).add(m.language)
    names = {"en": ("English", "영어"), "ko": ("Korean", "한국어")}
    said = [
        f"{d} ({', '.join(names.get(x, (x, x))[ko] for x in sorted(by_date[d]))})"
        for d in sorted(by_date)
    ]
    votes = (
        ""
        if p.votes is None
        else (f" 추천 {p.votes}표." if ko else f" {p.votes} vote{'' if p.votes == 1 else 's'}.")
    )
    if ko:
        return f"**{p.label}** [{n}]: 다이제스트 {len(said)}회 ({', '.join(said)}).{votes}"
    where = "the digest of" if len(said) == 1 else f"{len(said)} digests:"
    return f"**{p.label}** [{n}] was in {where} {', '.join(said)}.{votes}"


def _day_rank(rank: dict, korean: bool) -> str:
    """Where a paper's votes place it that day (`ArchiveTools.paper`'s "day_rank")."""
    first = rank["first"]
    if korean:
        said = f"{rank['date']} 다이제스트 논문 {rank['of']}편 중 추천 수 {rank['rank']}위"
        if rank["rank"] > 1:
            said += f" (1위: {first['label']}, {first['votes']}표)"
        return said + "."
    said = f"It ranks #{rank['rank']} by votes of the {rank['of']} papers of {rank['date']}"
    if rank["rank"] > 1:
        said += f" (first: {first['label']}, {first['votes']} votes)"
    return said + "."


def _votes(n: int | None, korean: bool) -> str:
    return f"추천 {n}표" if korean else f"{n} votes"


def _linked(p: Paper, f: Filters) -> str:
    """A listed paper's GitHub link, when the list is of papers with code ("which papers of
    May 27 2024 have a GitHub repo?": where each one's is), rendered from the store."""
    return f" — {p.github[0]}" if f.has_code and p.github else ""
