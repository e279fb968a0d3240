"""Citation export: papers as BibTeX entries or as a Markdown reading list.

Everything exported comes from the store (titles, authors, arXiv ids, links); the year is
the arXiv id's (`2502.18137` was submitted in 2025), which is the year arXiv's own BibTeX
gives. Text is kept as UTF-8 (accents, Hangul): biber, BibLaTeX and every modern BibTeX
reader take it as is.

BibTeX escaping: LaTeX's special characters (`& % $ # _ ~ ^ \\`) are escaped so a title
reads exactly as in the digest. Braces become `\\{` and `\\}` when they pair up, and
`\\textbraceleft{}` / `\\textbraceright{}` when one is alone, because BibTeX counts every
brace, escaped or not, and a lone one would end the field. A math span such as `$n$-gram`
or `M$^{2}$UGen` (arXiv titles are LaTeX) is kept verbatim when its braces balance. The title is wrapped in an extra pair of
braces so that bibliography styles keep its capitalisation (`SpargeAttn`, not `Spargeattn`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.errors import DigestError
from assistant.types import Paper

if TYPE_CHECKING:
    from assistant.answer.citations import Answer
    from assistant.index.catalog import Catalog

FORMATS = ("bibtex", "markdown")
SUFFIX = {"bibtex": ".bib", "markdown": ".md"}
MIME = {"bibtex": "application/x-bibtex", "markdown": "text/markdown"}

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
_MATH = re.compile(r"\$[^$\n]+\$")
_NEW_ID = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_AND = re.compile(r"\band\b", re.I)
_STOPWORDS = {"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "is", "are"}


def latex_escape(text: str) -> str:
    """Plain text as LaTeX that typesets to the same characters; braces stay balanced.

    Balanced braces become `\\{` `\\}` (what every LaTeX decoder reads back); a lone one
    becomes `\\textbraceleft{}` / `\\textbraceright{}`, since BibTeX would pair a `\\{`.
    """
    table = dict(_LATEX_SPECIAL)
    if _balanced(text):
        table.update({"{": r"\{", "}": r"\}"})
    return _SPECIAL_RE.sub(lambda m: table[m.group(0)], text)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def latex_title(text: str) -> str:
    """A title as LaTeX: `$...$` math spans kept (when balanced), everything else escaped."""
    out, pos = [], 0
    for match in _MATH.finditer(text):
        span = match.group(0)
        if not _balanced(span):
            continue  # not plainly math: escaped with the rest
        out.append(latex_escape(text[pos : match.start()]))
        out.append(span)
        pos = match.end()
    out.append(latex_escape(text[pos:]))
    return "".join(out)


def arxiv_year(paper: Paper) -> str:
    """The year of the arXiv id ('2502.18137' -> '2025'); the first digest's year otherwise."""
    match = _NEW_ID.match(paper.arxiv_id)
    if match:
        return f"20{match.group(1)}"
    return paper.dates[0][:4] if paper.dates else ""


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def cite_key(paper: Paper) -> str:
    """`lastname2025firstword` ('zhang2025spargeattn'), or `arxiv2502_18137` when the first
    author's name has no Latin letters."""
    year = arxiv_year(paper)
    last = _ascii_word(paper.authors[0].split()[-1]) if paper.authors else ""
    words = [_ascii_word(w) for w in re.split(r"[\s:\-]+", paper.title)]
    word = next((w for w in words if w and w not in _STOPWORDS), "")
    if last and not last.isdigit():
        return f"{last}{year}{word[:20]}"
    return "arxiv" + re.sub(r"[^0-9A-Za-z]", "_", paper.arxiv_id)


def bibtex_author(name: str) -> str:
    """One author for an `author` field. A name that BibTeX would split or reorder (it
    contains a comma or the word 'and') or that holds LaTeX escapes is braced, so it stays
    one name, verbatim."""
    name = " ".join(name.split())
    escaped = latex_escape(name)
    if "," in name or _AND.search(name) or escaped != name:
        return "{" + escaped + "}"
    return escaped


def bibtex_entry(paper: Paper, key: str | None = None) -> str:
    """One `@misc` entry: title, author, year, eprint, archivePrefix, url."""
    fields = [("title", "{" + latex_title(paper.title) + "}")]
    if paper.authors:
        fields.append(("author", " and ".join(bibtex_author(a) for a in paper.authors)))
    year = arxiv_year(paper)
    if year:
        fields.append(("year", year))
    fields += [
        ("eprint", paper.arxiv_id),
        ("archivePrefix", "arXiv"),
        ("url", paper.url),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key or cite_key(paper)},\n{body}\n}}\n"


def bibtex(papers: Iterable[Paper]) -> str:
    """BibTeX for the papers, one `@misc` per arXiv id, in order; keys made unique."""
    entries, used = [], set()
    for paper in _unique(papers):
        key = base = cite_key(paper)
        suffix = ord("a")
        while key in used:
            suffix += 1
            key = f"{base}{chr(suffix)}"
        used.add(key)
        entries.append(bibtex_entry(paper, key))
    return "\n".join(entries)


# -- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md_escape(text: str) -> str:
    """Digest text as literal Markdown: no emphasis, links, HTML, or bare-URL autolinks."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("://", r":\/\/")


def _authors_line(authors: Sequence[str], most: int = 6) -> str:
    shown = ", ".join(authors[:most])
    return shown + (f", et al. ({len(authors)} authors)" if len(authors) > most else "")


def markdown_list(papers: Iterable[Paper], title: str = "Reading list") -> str:
    """A numbered reading list: linked title, year, authors, digest dates, code / HF links."""
    papers = _unique(papers)
    lines = [f"# {md_escape(title)}", ""]
    if not papers:
        lines.append("No papers.")
    for i, paper in enumerate(papers, 1):
        head = f"{i}. **[{md_escape(paper.title)}]({paper.url})** ({arxiv_year(paper)})"
        lines.append(head + "  ")  # two spaces: a line break inside the list item
        detail = []
        if paper.authors:
            detail.append(md_escape(_authors_line(paper.authors)))
        detail.append(f"arXiv {paper.arxiv_id}")
        detail.append("digests " + ", ".join(paper.dates))
        detail += [f"[code]({url})" for url in paper.github[:2] if _plain_url(url)]
        detail += [f"[Hugging Face]({url})" for url in paper.huggingface[:1] if _plain_url(url)]
        lines.append("   " + " · ".join(detail))
    return "\n".join(lines) + "\n"


def _plain_url(url: str) -> bool:
    return bool(re.match(r"^https?://[^\s<>()\[\]]+$", url))


def _unique(papers: Iterable[Paper]) -> list[Paper]:
    first: dict[str, Paper] = {}
    for paper in papers:
        first.setdefault(paper.arxiv_id, paper)
    return list(first.values())


# -- what to export --------------------------------------------------------------------------


def render(papers: Iterable[Paper], fmt: str, title: str = "Reading list") -> str:
    if fmt == "bibtex":
        return bibtex(papers)
    if fmt == "markdown":
        return markdown_list(papers, title)
    raise DigestError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def cited_papers(answer: Answer, catalog: Catalog) -> list[Paper]:
    """The papers an answer cites, in citation order (from the store)."""
    found = (catalog.get(c.arxiv_id) for c in answer.citations)
    return [p for p in found if p is not None]


def select_papers(
    catalog: Catalog,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    ids: Sequence[str] = (),
) -> list[Paper]:
    """Papers by arXiv id, or in a digest date range and/or topic, oldest digest first."""
    if ids:
        missing = [i for i in ids if i not in catalog]
        if missing:
            raise DigestError(f"not in the store: {', '.join(missing)}")
        return [catalog.papers[i] for i in dict.fromkeys(ids)]
    chosen = [catalog.papers[i] for i in catalog.on_dates(since, until)]
    if topic:
        tag = catalog.tag_named(topic)
        if tag is None:
            known = ", ".join(t for t, _ in catalog.tags().most_common(8))
            raise DigestError(f"unknown topic {topic!r}; common topics: {known}")
        chosen = [p for p in chosen if tag in p.tags]
    return sorted(chosen, key=lambda p: (p.dates[0] if p.dates else "", p.arxiv_id))


def export_title(since: str | None, until: str | None, topic: str | None, count: int) -> str:
    parts = [f"Reading list: {count} paper{'s' if count != 1 else ''}"]
    if since or until:
        parts.append(f"digests {since or '…'} to {until or '…'}")
    if topic:
        parts.append(f"topic {topic}")
    return ", ".join(parts)
