"""Measure how many arXiv ids in the digest archives the parser turns into mentions.

For every `*.md` / `*.txt` file under the corpus directory (recursive), compare the ids
linked anywhere in the raw text (`find_arxiv_ids`) with the ids parsed into mentions.

    uv run python bench/parse_coverage.py [CORPUS_DIR] [--issues]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from assistant.ingest.parse import find_arxiv_ids, parse_file

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TARGET = 99.5


def digest_files(root: Path) -> list[Path]:
    files = (p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    return sorted(p for p in files if not p.name.upper().startswith("README"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--issues", action="store_true", help="print every parse issue")
    args = parser.parse_args()

    files = digest_files(args.corpus)
    raw_ids: set[str] = set()
    parsed_ids: set[str] = set()
    missing: dict[Path, set[str]] = {}
    issues: Counter[str] = Counter()
    mentions = 0
    parse_seconds = 0.0

    for path in files:
        raw = find_arxiv_ids(path.read_bytes().decode("utf-8", errors="replace"))
        started = time.perf_counter()
        result = parse_file(path)
        parse_seconds += time.perf_counter() - started
        raw_ids |= raw
        parsed_ids |= result.ids
        mentions += len(result.mentions)
        if raw - result.ids:
            missing[path] = raw - result.ids
        for issue in result.issues:
            issues[issue.message.split(":")[0]] += 1
            if args.issues:
                print(f"  {issue.file}:{issue.line}: {issue.message}")

    covered = len(raw_ids & parsed_ids)
    percent = 100.0 * covered / len(raw_ids) if raw_ids else 100.0
    print(f"files:                    {len(files)}")
    print(f"mentions parsed:          {mentions}")
    print(f"unique ids in raw text:   {len(raw_ids)}")
    print(f"unique ids parsed:        {len(parsed_ids)}")
    print(f"coverage:                 {percent:.2f}% (target {TARGET}%)")
    print(f"parse time:               {parse_seconds:.2f} s")
    print(f"issues:                   {sum(issues.values())}")
    for message, count in issues.most_common():
        print(f"  {count:5d}  {message}")
    print(f"files with missing ids:   {len(missing)}")
    for path, ids in sorted(missing.items()):
        print(f"  {path}: {', '.join(sorted(ids))}")
    return 0 if percent >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
