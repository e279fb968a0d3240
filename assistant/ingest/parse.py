"""Parse daily AI-paper digest files (markdown) into `Mention` records.

Three shapes are understood:

1. English table with six columns: `| Title | Authors | Summary | Classification |
   GitHub URLs | HuggingFace URLs |`, title cell `[Title](https://arxiv.org/abs/ID)`.
2. English table `| Title | Authors | Summary |` (sometimes with a fourth `Link` column),
   title cell `Title (Read more on [arXiv](...) or [HuggingFace](...))`. Rows may be
   wrapped over several physical lines; a row ends when its pipe count is complete.
3. Korean digests: `### [Title](arxiv link)` per paper, then optional thumbnail, `Vote: N`,
   `Authors: ...` and bullets, either labelled (`- ***What's New***: ...`) or plain.

The digest date comes from the `## Papers for DATE` / `## Daily Papers (DATE)` heading,
else from a `YYYY-MM-DD` in the file name. Parsing never raises on bad content: every
problem becomes a `ParseIssue` (file, 1-based line, message) and parsing continues.
File-level problems (undecodable bytes, binary junk, unreadable file) point at line 1.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from assistant.ingest.latex import plain_title
from assistant.types import KO_SECTIONS, Mention

# what a digest yields depends on this parser (and on what records derive from a mention: its
# links): bump it when a change reads a file differently; the next ingest then reads every
# stored file again and rewrites its papers' records (nothing is embedded again unless the
# embedded text changed)
PARSER_VERSION = "3"  # 2: Korean sections written as literals; 3: links without https://

# -- arXiv ids ------------------------------------------------------------------------------

_ID_BODY = r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?"
_PAPER_LINK = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?"
    r"(?P<site>arxiv\.org/(?:abs|pdf)|huggingface\.co/papers)/" + _ID_BODY + r"(?!\d)",
    re.IGNORECASE,
)
# link text may hold one level of brackets: "[... an [IDK] Token](url)"
# the URL stops at the next bracket or parenthesis: each "[" is tried in O(distance to the
# next bracket), so a line of "[a](" repeated stays linear
_MD_LINK = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<url>[^()\[\]\s]+)\)")
_URL = re.compile(r"https?://[^\s)\]<>|,]+")

# -- headings and dates ---------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_DATE_HEADING = re.compile(r"^#{1,3}\s+(?:Papers for|Daily Papers)\b.*?(\d{4}-\d{2}-\d{2})", re.I)

# -- tables ---------------------------------------------------------------------------------

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_READ_MORE_TAIL = re.compile(r"\s*\(\s*Read more on\b.*$", re.IGNORECASE | re.DOTALL)
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")

# -- Korean blocks --------------------------------------------------------------------------

_KO_TITLE = re.compile(r"^###\s+(?P<rest>.*?)\s*$")
_HEADING = re.compile(r"^#{1,6}\s")
_VOTE = re.compile(r"^Vote:\s*(?P<n>\S*)\s*$", re.IGNORECASE)
_AUTHORS = re.compile(r"^Authors?:\s*(?P<names>.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<text>.*)$")
# one way to match only (no nested or adjacent ambiguous repeats): linear in the line
_LABEL = re.compile(r"^\*{1,3}(?P<label>[^*]*)\*{1,3}[ \t]*:?(?P<text>.*)$")
_MEDIA = re.compile(r"^\s*(?:!\[|(?:<div>\s*)?<(?:video|img)\b|\[Watch Video\])", re.IGNORECASE)

_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`)(?=\S)(.+?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

_SECTION_PREFIXES = {
    "what's new": KO_SECTIONS[0],
    "whats new": KO_SECTIONS[0],
    "technical details": KO_SECTIONS[1],
    "technical detail": KO_SECTIONS[1],
    "performance highlights": KO_SECTIONS[2],
    "performance highlight": KO_SECTIONS[2],
}
_NA = {"", "n/a", "na", "none", "-"}


@dataclass(frozen=True)
class ParseIssue:
    """A problem found while parsing; `line` is 1-based."""

    file: str
    line: int
    message: str


@dataclass
class ParseResult:
    mentions: list[Mention] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        """The arXiv ids of all papers parsed from this file."""
        return {m.arxiv_id for m in self.mentions}


# -- small helpers --------------------------------------------------------------------------


def normalize_arxiv_id(raw: str) -> str:
    """'2502.18137v2' -> '2502.18137'; 'CS/0501001v1' -> 'cs/0501001'."""
    raw = raw.strip().removesuffix(".pdf")
    return re.sub(r"v\d+$", "", raw).lower()


def find_arxiv_ids(text: str) -> set[str]:
    """Every arXiv id in arxiv.org/abs|pdf or huggingface.co/papers links in `text`."""
    return {normalize_arxiv_id(m.group("id")) for m in _PAPER_LINK.finditer(text)}


def _first_id(text: str) -> str | None:
    """The first paper id linked in `text`, preferring arxiv.org over huggingface.co."""
    found = list(_PAPER_LINK.finditer(text))
    for m in found:
        if m.group("site").lower().startswith("arxiv"):
            return normalize_arxiv_id(m.group("id"))
    return normalize_arxiv_id(found[0].group("id")) if found else None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _clean_markdown(text: str) -> str:
    """Markdown inline text -> plain text: links to their text, no emphasis, no escapes."""
    if not any(c in text for c in "[*_`\\"):
        return _collapse(text)
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
    return _collapse(_MD_ESCAPE.sub(r"\1", text))


def _is_na(cell: str) -> bool:
    return cell.strip().strip("*_`").lower() in _NA


def _split_names(cell: str) -> tuple[str, ...]:
    if _is_na(cell):
        return ()
    # some digests write the list as a Python literal: "['Kai Tzu-iunn Ong', 'Dongha Lee']"
    names = (n.strip(" []\"'") for n in _clean_markdown(cell).split(","))
    return tuple(n for n in names if n)


def _urls(cell: str) -> tuple[str, ...]:
    if _is_na(cell):
        return ()
    urls = [m.group("url") for m in _MD_LINK.finditer(cell)]
    bare = _MD_LINK.sub(" ", cell)
    urls += _URL.findall(bare)
    return tuple(dict.fromkeys(u.rstrip(".") for u in urls if u.startswith("http")))


def _tags(cell: str) -> tuple[str, ...]:
    """Parse a Python-style list `['A', 'B']` safely (no eval), tolerating damage."""
    cell = cell.strip()
    if _is_na(cell) or cell in ("[]", "['N/A']"):
        return ()
    if cell.startswith("["):
        try:
            value = ast.literal_eval(cell)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = None
        if isinstance(value, list | tuple):
            return tuple(t for t in (_collapse(str(v)) for v in value) if t and not _is_na(t))
        quoted = [a or b for a, b in _QUOTED.findall(cell)]
        if quoted:
            return tuple(t for t in map(_collapse, quoted) if t)
        cell = cell.strip("[]")
    return tuple(t for t in (_collapse(p.strip("'\"")) for p in cell.split(",")) if t)


def _unliteral(text: str) -> str:
    """A section some digests write as a Python literal (`{'Efficiency': '...'}`,
    `['...', '...']`), text after it or not, as plain text: each value, a dict's with its
    key ("Efficiency: ..."). Read safely (no eval); text that starts with no literal stays
    as written."""
    stripped = text.strip()
    if stripped[:1] not in ("[", "{"):
        return text
    ends = [m.end() for m in _LITERAL_END.finditer(stripped)][:LITERAL_TRIES]
    for end in ends:
        try:
            value = ast.literal_eval(stripped[:end])
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, list | tuple | dict):
            return _collapse(" ".join([*_literal_parts(value), stripped[end:]])) or text
    # an apostrophe inside an item breaks the literal: its items, split where they are
    # ("['...', '...']", "{'A': '...', 'B': '...'}")
    for end in reversed(ends):
        whole = re.fullmatch(r"\[\s*'(.*)'\s*\]|\{\s*'(.*)'\s*\}", stripped[:end], re.S)
        if whole is not None:
            items = (whole.group(1) or whole.group(2) or "").split("', '")
            parts = [i.replace("': '", ": ", 1) for i in items]
            return _collapse(" ".join([*parts, stripped[end:]])) or text
    return text


_LITERAL_END = re.compile(r"['\"]\s*[\]}]+")  # where a literal of strings may end
LITERAL_TRIES = 20  # ends tried, at most


def _literal_parts(value) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            inner = " ".join(_literal_parts(item))
            yield f"{key}: {inner}" if isinstance(key, str) and key.strip() else inner
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _literal_parts(item)
    elif value is not None:
        yield str(value)


def _valid_date(text: str) -> str | None:
    try:
        return _date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _file_date(source: str) -> str | None:
    match = _DATE.search(Path(source).name)
    return _valid_date(match.group(1)) if match else None


def _heading_date(line: str) -> str | None:
    match = _DATE_HEADING.match(line)
    return _valid_date(match.group(1)) if match else None


# -- the parse state shared by both shapes --------------------------------------------------


MAX_ISSUES_PER_FILE = 100  # more are counted in one "... and K more" issue, not listed


class _Collector:
    """Collects mentions and issues for one file; drops repeated ids (first one wins).

    At most `MAX_ISSUES_PER_FILE` issues are kept (a 5 MB file of broken rows would
    otherwise report a million); the rest are counted and summarised by `finish`.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.result = ParseResult()
        self._seen: dict[str, Mention] = {}
        self.more = 0

    def issue(self, line: int, message: str) -> None:
        if len(self.result.issues) >= MAX_ISSUES_PER_FILE:
            self.more += 1
        else:
            self.result.issues.append(ParseIssue(self.source, line, message))

    def finish(self) -> ParseResult:
        self.result.mentions.sort(key=lambda m: m.line)
        self.result.issues.sort(key=lambda i: i.line)
        if self.more:
            last = self.result.issues[-1].line
            message = f"... and {self.more} more problems in this file (not listed)"
            self.result.issues.append(ParseIssue(self.source, last, message))
        return self.result

    def add(self, mention: Mention) -> None:
        first = self._seen.get(mention.arxiv_id)
        if first is None:
            self._seen[mention.arxiv_id] = mention
            self.result.mentions.append(mention)
        elif first.title.casefold() != mention.title.casefold():
            self.issue(
                mention.line,
                f"arXiv {mention.arxiv_id} appears again (first at line {first.line}) "
                f"with a different title {mention.title!r}; kept the first",
            )


# -- shapes 1 and 2: tables -----------------------------------------------------------------


@dataclass
class _Table:
    columns: list[str]  # lower-cased header names

    @property
    def pipes(self) -> int:
        return len(self.columns) + 1

    def index(self, *names: str) -> int | None:
        for i, col in enumerate(self.columns):
            if any(col.startswith(n) for n in names):
                return i
        return None


def _split_row(row: str) -> list[str]:
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return _UNESCAPED_PIPE.split(row)


def _header(line: str) -> _Table | None:
    if not line.lstrip().startswith("|"):
        return None
    cells = [c.strip().lower() for c in _split_row(line)]
    if cells and cells[0] == "title" and len(cells) >= 2:
        return _Table(cells)
    return None


def _pipe_count(text: str) -> int:
    return len(_UNESCAPED_PIPE.findall(text))


def _fit_cells(cells: list[str], table: _Table) -> list[str]:
    """Fold surplus cells (unescaped pipes in a summary) back into the summary column."""
    n = len(table.columns)
    if len(cells) <= n:
        cells = cells + [""] * (n - len(cells))
    else:
        summary = table.index("summary")
        at = n - 1 if summary is None else summary
        surplus = len(cells) - n
        cells = cells[:at] + ["|".join(cells[at : at + surplus + 1])] + cells[at + surplus + 1 :]
    return [c.strip() for c in cells]


def _table_mention(
    cells: list[str], table: _Table, line: int, day: str, out: _Collector
) -> Mention | None:
    def cell(*names: str) -> str:
        i = table.index(*names)
        return cells[i] if i is not None and i < len(cells) else ""

    title_cell = cells[0]
    arxiv_id = _first_id(title_cell) or _first_id(cell("link", "url", "paper"))
    title = plain_title(_clean_markdown(_READ_MORE_TAIL.sub("", title_cell).replace("\\|", "|")))
    if arxiv_id is None:
        what = f"{title[:60]!r}" if title else "row"
        out.issue(line, f"table row has no arXiv link in its title: {what}; skipped")
        return None
    if not title:
        out.issue(line, f"table row for arXiv {arxiv_id} has an empty title")
    summary = _collapse(cell("summary").replace("\\|", "|"))
    return Mention(
        arxiv_id=arxiv_id,
        title=title,
        date=day,
        language="en",
        source=out.source,
        line=line,
        summary=summary,
        authors=_split_names(cell("author")),
        tags=_tags(cell("classification", "tags", "categor")),
        github=_urls(cell("github")),
        # "(Read more on [arXiv](...) or [HuggingFace](https://huggingface.co/papers/ID))"
        huggingface=_urls(cell("huggingface"))
        + tuple(u for u in _urls(title_cell) if "huggingface.co/" in u),
    )


def _table_rows(lines: list[str], out: _Collector) -> Iterator[tuple[int, str, _Table]]:
    """Yield (first line number, full row text, table) for every data row.

    A row continues on following lines (wrapped rows) until its pipe count is complete;
    a blank line, heading or new row ends it early (reported as truncated).
    """
    table: _Table | None = None
    start, parts, pipes = 0, [], 0  # pipes: unescaped pipes in parts so far (linear work)

    def complete() -> bool:
        return table is not None and pipes >= table.pipes and parts[-1].endswith("|")

    def flush() -> Iterator[tuple[int, str, _Table]]:
        if parts and table is not None:
            if not complete():
                out.issue(start, "table row is truncated (missing cells or closing '|')")
            yield start, " ".join(parts), table

    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if parts and table is not None:
            continues = stripped and not stripped.startswith("|") and not _HEADING.match(line)
            if continues and not complete():
                parts.append(stripped)
                pipes += _pipe_count(stripped)
                continue
            yield from flush()
            parts = []
        header = _header(line)
        if header is not None:
            table = header
        elif stripped.startswith("|") and not _SEPARATOR_ROW.match(stripped):
            if table is None:
                out.issue(number, "table row outside a table (no header row); skipped")
            else:
                start, parts, pipes = number, [stripped], _pipe_count(stripped)
    yield from flush()


def _parse_tables(lines: list[str], dates: list[str | None], out: _Collector) -> None:
    for number, text, table in _table_rows(lines, out):
        day = dates[number - 1]
        if day is None:
            continue
        cells = _fit_cells(_split_row(text), table)
        mention = _table_mention(cells, table, number, day, out)
        if mention is not None:
            out.add(mention)


# -- shape 3: Korean blocks -----------------------------------------------------------------


def _section_label(label: str) -> str | None:
    key = _collapse(label.replace("\u2019", "'").replace("`", "'")).lower()
    for prefix, name in _SECTION_PREFIXES.items():
        if key.startswith(prefix):
            return name
    return None


@dataclass
class _KoBlock:
    line: int
    title: str
    arxiv_id: str
    votes: int | None = None
    authors: tuple[str, ...] = ()
    plain: list[str] = field(default_factory=list)  # unlabelled bullets
    sections: dict[str, list[str]] = field(default_factory=dict)
    current: list[str] | None = None  # where continuation text goes

    def bullet(self, text: str) -> None:
        labelled = _LABEL.match(text)
        label = labelled.group("label").strip().rstrip(":").strip() if labelled else ""
        if not label:
            labelled = None
        body = labelled.group("text").strip() if labelled else ""
        name = _section_label(label) if labelled else None
        if labelled and name:
            self.current = self.sections.setdefault(name, [])
            self.current.append(body)
        elif self.sections and self.current is not None:
            if labelled:  # an unknown label inside a labelled section: keep it as text
                text = f"{label}: {body}"
            self.current.append(text)
        else:
            self.plain.append(text)
            self.current = self.plain

    def continuation(self, text: str) -> None:
        if self.current:
            self.current[-1] += " " + text
        else:
            self.plain.append(text)
            self.current = self.plain

    def mention(self, day: str, source: str) -> Mention:
        sections = {k: _unliteral(_collapse(" ".join(self.sections[k]))) for k in self.sections}
        sections = {k: sections[k] for k in KO_SECTIONS if sections.get(k)}
        lines = [_collapse(p) for p in self.plain if p.strip()]
        lines += [f"{k}: {v}" for k, v in sections.items()]
        return Mention(
            arxiv_id=self.arxiv_id,
            title=self.title,
            date=day,
            language="ko",
            source=source,
            line=self.line,
            summary="\n".join(lines),
            sections=sections,
            authors=self.authors,
            votes=self.votes,
        )


def _ko_heading(rest: str, number: int, out: _Collector) -> _KoBlock | None:
    link = _MD_LINK.fullmatch(rest) or _MD_LINK.match(rest)
    if link is None:
        arxiv_id = _first_id(rest)
        title = plain_title(_clean_markdown(_MD_LINK.sub("", rest)))
    else:
        arxiv_id = _first_id(link.group("url")) or _first_id(rest)
        title = plain_title(_clean_markdown(link.group("text")))
    if arxiv_id is None:
        out.issue(number, f"paper heading has no arXiv link: {title[:60]!r}; skipped")
        return None
    return _KoBlock(number, title, arxiv_id)


def _ko_line(block: _KoBlock, line: str, number: int, out: _Collector) -> None:
    stripped = line.strip()
    if not stripped or _MEDIA.match(stripped):
        return
    if vote := _VOTE.match(stripped):
        n = vote.group("n")
        block.votes = int(n) if n.isdigit() else None
        if n and not n.isdigit() and n != "-":
            out.issue(number, f"unreadable vote count {n!r}")
    elif authors := _AUTHORS.match(stripped):
        block.authors = _split_names(authors.group("names"))
    elif bullet := _BULLET.match(line):
        block.bullet(bullet.group("text"))
    else:
        block.continuation(stripped)


def _parse_ko(lines: list[str], dates: list[str | None], out: _Collector) -> None:
    block: _KoBlock | None = None

    def finish() -> None:
        day = dates[block.line - 1] if block else None
        if block is not None and day is not None:
            if not block.title:
                out.issue(block.line, f"paper heading for arXiv {block.arxiv_id} has no title")
            out.add(block.mention(day, out.source))

    for number, line in enumerate(lines, 1):
        heading = _KO_TITLE.match(line)
        if heading:
            finish()
            block = _ko_heading(heading.group("rest"), number, out)
        elif _HEADING.match(line):
            finish()
            block = None
        elif block is not None:
            _ko_line(block, line, number, out)
    finish()


# -- entry points ---------------------------------------------------------------------------


def _line_dates(lines: list[str], source: str, out: _Collector) -> list[str | None]:
    """The digest date in force at each line: the latest dated heading, else the file name."""
    fallback = _file_date(source)
    current = None
    dates: list[str | None] = []
    for line in lines:
        if line.startswith("#"):
            current = _heading_date(line) or current
        dates.append(current or fallback)
    if fallback is None and not any(dates):
        out.issue(1, "no digest date (no dated heading, no YYYY-MM-DD file name); skipped")
    return dates


def parse_text(text: str, source: str, issues: list[ParseIssue] = ()) -> ParseResult:
    """Parse one digest's text; `source` is stored as `Mention.source` and in issues.

    `issues` found before parsing (while decoding) count towards the file's issue cap.
    """
    out = _Collector(source)
    for issue in issues:
        out.issue(issue.line, issue.message)
    lines = text.replace("\x00", "").splitlines()
    dates = _line_dates(lines, source, out)
    if any(dates):
        _parse_tables(lines, dates, out)
        _parse_ko(lines, dates, out)
    return out.finish()


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def _decode(data: bytes, source: str) -> tuple[str | None, list[ParseIssue]]:
    """Bytes -> text, honestly: nothing is decoded in an encoding it is not in.

    UTF-8 (with or without BOM) and UTF-16 with BOM decode whole. A file that is UTF-8
    apart from some lines (a stray Latin-1 byte) is decoded line by line: each line that
    is not valid UTF-8 is reported with its number and left out, never stored garbled.
    A file with no valid non-ASCII UTF-8 line at all is in one legacy encoding: cp949
    (Korean), else latin-1, reported once.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        return None, [ParseIssue(source, 1, "binary content (NUL/control bytes); not parsed")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        where = data.count(b"\n", 0, error.start) + 1
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    decoded: list[str | None] = []
    for raw in lines:
        try:
            decoded.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
    if any(text is not None and not text.isascii() for text in decoded):
        issues, kept = [], []
        for number, (raw, text) in enumerate(zip(lines, decoded, strict=True), 1):
            if text is None:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as bad:
                    byte, column = raw[bad.start], bad.start + 1
                message = (
                    f"line is not valid UTF-8 (byte 0x{byte:02X} at column {column}); "
                    "left out: fix the file's encoding"
                )
                issues.append(ParseIssue(source, number, message))
                text = ""
            kept.append(text)
        return "\n".join(kept), issues
    for encoding in ("cp949", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        message = f"not valid UTF-8 (first bad byte on line {where}); decoded as {encoding}"
        return text, [ParseIssue(source, 1, message)]
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def parse_file(path: Path | str) -> ParseResult:
    """Read and parse one digest file; unreadable or undecodable files become issues."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:  # unreadable, a folder, permissions: reported, never raised
        reason = error.strerror or type(error).__name__
        return ParseResult([], [ParseIssue(source, 1, f"cannot read file: {reason}")])
    text, issues = _decode(data, source)
    if text is None:
        return ParseResult([], issues)
    return parse_text(text, source, issues)
