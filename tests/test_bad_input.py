"""Bad input, property-based: mutated and random digest files never crash the parser or the
ingest, every problem names its file and a line inside it, and papers already stored are
left exactly as they were.

Parser-level properties are fast and run many examples. The ingest-level property runs a
few examples against one real store (real parser, MiniLM embedder, embedded Chroma) built
once per module from two small fixture digests.

Fixed examples of each kind of damage (a missing link, a truncated row, binary junk,
cp949, UTF-16, an empty file, a duplicate id) are in test_digests.py and test_ingest.py;
this file generalises them.
"""

from __future__ import annotations

import itertools
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import SEEDS, make_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from work_bounds import count_regex_work

from assistant.ingest import parse
from assistant.ingest.parse import ParseResult, find_arxiv_ids, parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "digests"
ID_RE = re.compile(r"^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(\.[a-z]{2})?/\d{7})$")


def _templates() -> dict[str, str]:
    """Valid digests of every shape: the fixture files and the head of each seed."""
    out = {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.md"))}
    for path in sorted(SEEDS.glob("*.txt")):
        out[path.name] = "\n".join(path.read_text(encoding="utf-8").splitlines()[:40]) + "\n"
    return out


TEMPLATES = _templates()
# the store of the ingest-level property, and digests that share no paper with it
STORED = ("shape1_full_table.md", "ko_structured.md")
GARBAGE_TEMPLATES = [n for n in TEMPLATES if n not in STORED and not n.endswith(".txt")]

# -- strategies ----------------------------------------------------------------------------

junk_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("|[]()#*-:_`\\<>!'\" \t.,/v0123456789")),
        st.characters(codec="utf-8"),
    ),
    max_size=120,
)


def _mutate(text: str, op: str, data) -> str:
    lines = text.splitlines(keepends=True)
    pick = lambda: data.draw(st.integers(0, max(len(lines) - 1, 0)))  # noqa: E731
    if op == "truncate":  # a file cut anywhere, also inside a row or a link
        return text[: data.draw(st.integers(0, len(text)))]
    if op == "drop_line" and lines:
        del lines[pick()]
    elif op == "repeat_line" and lines:
        i = pick()
        lines.insert(data.draw(st.integers(0, len(lines))), lines[i])
    elif op == "junk_line":
        lines.insert(data.draw(st.integers(0, len(lines))), data.draw(junk_text) + "\n")
    elif op == "break_links":
        mangle = data.draw(
            st.sampled_from(
                [
                    ("arxiv.org/abs/", "arxiv.org/abz/"),
                    ("](", "] ("),
                    ("https://", "htps:/"),
                    (")", ""),
                    ("[", ""),
                    (".", ""),
                ]
            )
        )
        return text.replace(*mangle)
    elif op == "conflicting_title" and lines:
        # the same row again, further down, with another title for the same arXiv id
        rows = [ln for ln in lines if ln.lstrip().startswith(("|", "###")) and "arxiv" in ln]
        if rows:
            row = data.draw(st.sampled_from(rows))
            other = re.sub(r"\[([^\]]{3})", r"[Totally Different \1", row, count=1)
            lines.append(other)
    elif op == "huge_line":
        lines.insert(pick(), "| " + "x" * data.draw(st.integers(10_000, 300_000)) + " |\n")
    elif op == "control_chars" and lines:
        i = pick()
        lines[i] = (
            lines[i][:5]
            + data.draw(st.sampled_from(["\x00", "\x1b[31m", "\r", "\x0c"]))
            + lines[i][5:]
        )
    elif op == "no_date":
        return re.sub(r"\d{4}-\d{2}-\d{2}", "sometime", text)
    elif op == "bad_date":
        return re.sub(r"\d{4}-\d{2}-\d{2}", "2025-13-45", text)
    elif op == "crlf":
        return text.replace("\n", "\r\n")
    return "".join(lines)


OPS = [
    "truncate",
    "drop_line",
    "repeat_line",
    "junk_line",
    "break_links",
    "conflicting_title",
    "huge_line",
    "control_chars",
    "no_date",
    "bad_date",
    "crlf",
]


@st.composite
def mutated_digest(draw, names=tuple(TEMPLATES)) -> tuple[str, str]:
    """(template name, a valid digest damaged by one to four mutations)."""
    name = draw(st.sampled_from(list(names)))
    text = TEMPLATES[name]
    for op in draw(st.lists(st.sampled_from(OPS), min_size=1, max_size=4)):
        text = _mutate(text, op, _Draw(draw))
    return name, text


class _Draw:
    def __init__(self, draw):
        self.draw = draw


def check_result(result: ParseResult, source: str, text: str) -> None:
    """What must hold for any parse of any input."""
    n_lines = max(len(text.replace("\x00", "").splitlines()), 1)
    for issue in result.issues:
        assert issue.file == source
        assert 1 <= issue.line <= n_lines, issue
        assert isinstance(issue.message, str) and issue.message.strip()
    ids = [m.arxiv_id for m in result.mentions]
    assert len(ids) == len(set(ids)), "one mention per arXiv id per file"
    linked = find_arxiv_ids(text.replace("\x00", ""))
    for m in result.mentions:
        assert ID_RE.match(m.arxiv_id), m.arxiv_id
        assert m.arxiv_id in linked, "the parser never invents an id"
        assert m.source == source
        assert 1 <= m.line <= n_lines
        assert date.fromisoformat(m.date)
        assert m.language in ("en", "ko")


# -- parser level (fast, many examples) ------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(mutated_digest())
def test_mutated_digests_parse_without_crashing(case):
    name, text = case
    with pytest.MonkeyPatch.context() as mp:
        work = count_regex_work(mp, parse)
        result = parse_text(text, f"digests/{name}")
    # bounded work, not time: each character goes to a bounded number of pattern scans
    assert sum(work) <= 40 * len(text) + 10_000, "parsing must stay linear in the input"
    check_result(result, f"digests/{name}", text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_parses_without_crashing(text):
    check_result(parse_text(text, "random.md"), "random.md", text)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(TEMPLATES)), st.data())
def test_one_conflicting_duplicate_keeps_the_first_and_names_the_line(name, data):
    """A second row for an id with another title: first kept, issue on the second's line."""
    first = parse_text(TEMPLATES[name], name)
    assume(first.mentions)
    target = data.draw(st.sampled_from(first.mentions))
    lines = TEMPLATES[name].splitlines()
    new_title = data.draw(
        st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]), min_size=3)
    )
    assume(new_title.casefold() != target.title.casefold())
    if lines[target.line - 1].lstrip().startswith("###"):
        dup = [f"### [{new_title}](https://arxiv.org/abs/{target.arxiv_id})", "- text"]
    else:  # a row of the file's last table, whose header gives the number of columns
        header = [ln for ln in lines if ln.lstrip().lower().startswith("| title")][-1]
        cells = [f"[{new_title}](https://arxiv.org/abs/{target.arxiv_id})"]
        cells += ["x"] * (header.strip().strip("|").count("|"))
        dup = ["| " + " | ".join(cells) + " |"]
    text = "\n".join(lines + dup) + "\n"
    dup_line = len(lines) + 1
    result = parse_text(text, name)
    check_result(result, name, text)
    kept = [m for m in result.mentions if m.arxiv_id == target.arxiv_id]
    assert len(kept) == 1 and kept[0].title == target.title
    assert any(
        i.line == dup_line and target.arxiv_id in i.message and "different title" in i.message
        for i in result.issues
    ), result.issues


@pytest.fixture(scope="module")
def files_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bad-files")


_counter = itertools.count()


def _write(folder: Path, data: bytes, stem: str = "digest") -> Path:
    path = folder / f"{stem}-{next(_counter)}.md"
    path.write_bytes(data)
    return path


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_never_crash_and_issues_name_the_file(files_dir, data):
    path = _write(files_dir, data)
    result = parse_file(path)
    for issue in result.issues:
        assert issue.file == str(path) and issue.line >= 1 and issue.message
    for m in result.mentions:
        assert m.source == str(path) and ID_RE.match(m.arxiv_id)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(TEMPLATES)), st.binary(min_size=1, max_size=64), st.data())
def test_binary_junk_inside_a_digest(files_dir, name, junk, data):
    raw = TEMPLATES[name].encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    raw = raw[:at] + junk + raw[at:]
    path = _write(files_dir, raw)
    result = parse_file(path)
    for issue in result.issues:
        assert issue.file == str(path) and issue.line >= 1 and issue.message
    for m in result.mentions:
        assert m.source == str(path) and ID_RE.match(m.arxiv_id) and m.line >= 1
    if b"\x00" in junk and not raw.startswith(
        (b"\xff\xfe", b"\xfe\xff")
    ):  # NUL bytes: "binary content", reported and not parsed
        assert result.mentions == [] and "binary" in result.issues[0].message


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(list(TEMPLATES)),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949", "latin-1"]),
)
def test_other_encodings_give_the_same_papers(files_dir, name, encoding):
    text = TEMPLATES[name]
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    path = _write(files_dir, raw, stem=f"enc-{encoding}")
    result = parse_file(path)
    expected = parse_text(text, str(path))
    assert result.ids == expected.ids, encoding
    assert [m.title for m in result.mentions] == [m.title for m in expected.mentions]
    extra = result.issues[: len(result.issues) - len(expected.issues)]
    if encoding in ("cp949", "latin-1") and not text.isascii():
        assert extra and "not valid UTF-8" in extra[0].message and extra[0].file == str(path)
    else:
        assert not extra, extra


@pytest.mark.parametrize("content", [b"", b"\n\n\n", b"   \t  \r\n", b"\xef\xbb\xbf", b"|||\n"])
def test_empty_and_blank_files(files_dir, content):
    path = _write(files_dir, content)
    result = parse_file(path)
    assert result.mentions == []
    assert all(i.file == str(path) and i.line >= 1 for i in result.issues)


def test_a_huge_line_is_bounded_in_work_and_the_other_rows_survive():
    text = TEMPLATES["shape1_full_table.md"]
    lines = text.splitlines()
    row = next(i for i, ln in enumerate(lines) if "2502.00002" in ln)
    huge = lines[row].replace("verbatim.", "verbatim. " + "word " * 1_000_000)  # ~5 MB
    lines[row] = huge
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as mp:
        work = count_regex_work(mp, parse)
        result = parse_text(text, "huge.md")
    assert sum(work) <= 40 * len(text)
    assert result.ids == {"2502.00001", "2502.00002", "2502.00003"}
    assert len(next(m for m in result.mentions if m.arxiv_id == "2502.00002").summary) > 4_000_000


def test_a_huge_file_of_junk_lines_is_bounded_in_work():
    junk = "| [[[ ((( ||| ]]] ))) " * 20 + "\n"
    text = "## Papers for 2025-01-01\n| Title | Summary |\n|---|---|\n" + junk * 20_000
    with pytest.MonkeyPatch.context() as mp:
        work = count_regex_work(mp, parse)
        result = parse_text(text, "junk.md")
    assert sum(work) <= 40 * len(text)
    assert result.mentions == [] and result.issues
    assert all(1 <= i.line <= 20_003 for i in result.issues)


# -- ingest level (a real store; few examples) ----------------------------------------------


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A store built from two fixture digests, and a snapshot of what it holds."""
    from assistant.ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("bad-input-store")
    (base / "digests").mkdir()
    for name in STORED:
        shutil.copy(FIXTURES / name, base / "digests" / name)
    settings_ = make_settings(base / "store")
    report = ingest([base / "digests"], settings_)
    assert report.papers_new == 5 and not report.errors
    (base / "garbage").mkdir()
    return settings_, base / "garbage", _snapshot(settings_)


def _snapshot(settings_) -> dict[str, tuple]:
    from assistant.index.store import PaperStore, make_embedder

    embedder = make_embedder(settings_)
    store = PaperStore(settings_, embedder.embedder_id, embedder.dim, create=False)
    got = store.collection.get(include=["metadatas", "documents", "embeddings"])
    return {
        pid: (
            meta["record_hash"],
            meta["embed_hash"],
            meta["record"],
            doc,
            tuple(float(x) for x in vec),
        )
        for pid, meta, doc, vec in zip(
            got["ids"], got["metadatas"], got["documents"], got["embeddings"], strict=True
        )
    }


garbage_file = st.one_of(
    mutated_digest(names=tuple(GARBAGE_TEMPLATES)).map(lambda c: c[1].encode("utf-8")),
    st.binary(max_size=3000),
    st.text(max_size=1000).map(lambda t: t.encode("utf-16")),
    mutated_digest(names=tuple(GARBAGE_TEMPLATES)).map(
        lambda c: c[1].encode("cp949", errors="replace")
    ),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(garbage_file, min_size=1, max_size=3))
def test_ingesting_garbage_leaves_stored_papers_untouched(stored, blobs):
    from assistant.ingest.pipeline import ingest

    settings_, folder, original = stored
    paths = [_write(folder, blob, stem="garbage") for blob in blobs]
    mentioned = set().union(*(parse_file(p).ids for p in paths))

    report = ingest(paths, settings_)

    assert report.files == len(paths)
    for issue in report.errors:
        assert issue.file in {str(p) for p in paths}, issue
        assert issue.line >= 1 and issue.message
    after = _snapshot(settings_)
    for pid, before in original.items():
        if pid not in mentioned:  # a digest naming a stored paper may update it: that is news
            assert after[pid] == before, pid
    assert set(original) <= set(after)
    assert set(after) - set(original) <= mentioned | _previously_added(folder, paths)


def _previously_added(folder: Path, now: list[Path]) -> set[str]:
    """Ids from garbage files of earlier examples (the store keeps what they added)."""
    return set().union(*(parse_file(p).ids for p in folder.iterdir() if p not in now))
