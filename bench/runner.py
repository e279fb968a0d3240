"""Run all benchmarks, print figures next to their targets, and write them as JSON.

Stages, one at a time (2 cores: never two heavy ones at once):

1. ingestion through the real `digest ingest --json` CLI, each into a fresh temporary
   store: the seeds; the whole corpus; a no-change re-ingest of the corpus; one new
   digest added to the full store; 40 corpus digests, then again unchanged. Whole-process
   wall time and peak RSS per run, plus the in-process time `digest ingest` reports.
2. queries on the full store (`python -m bench.stages queries`): retrieval and extractive
   answer latency over generated questions;
3. scale (`bench.stages synthetic`): retrieval latency on a store grown to N papers;
4. cold start: `digest --help`, and `digest ask` from process start to printed answer,
   on the corpus store, the seed store and the synthetic store (with its peak RSS);
5. `digest serve` to the first answer in real Chromium, on the corpus and synthetic stores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import serve

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
QUICK_FILES = 40  # digest files in a --quick run

# (figure key, label, target rule or None, unit)
TARGETS = [
    ("ingest.full.papers_per_s", "full ingest (corpus)", (">=", 40), "papers/s"),
    ("ingest.full.in_process_papers_per_s", "full ingest, in-process", None, "papers/s"),
    ("ingest.full.papers_per_cpu_s_x2", "full ingest, 2 x papers per CPU-second", None, "papers/s"),
    ("ingest.seeds.papers_per_s", "seed ingest", None, "papers/s"),
    ("ingest.nochange.in_process_s", "no-change re-ingest, in-process", ("<", 5), "s"),
    ("ingest.nochange.wall_s", "no-change re-ingest, whole CLI", ("<=", 1), "s"),
    ("ingest.full_over_nochange", "ratio full / no-change (wall)", None, "x"),
    ("ingest.forty.full.wall_s", f"ingest {QUICK_FILES} corpus digests, whole CLI", None, "s"),
    ("ingest.forty.nochange.wall_s", f"no-change re-ingest of those {QUICK_FILES}", None, "s"),
    (
        "ingest.forty.full_over_nochange",
        f"ratio full / no-change, {QUICK_FILES} digests",
        (">=", 20),
        "x",
    ),
    ("ingest.add_one.wall_s", "add one digest to full store, whole CLI", None, "s"),
    ("ingest.add_one.in_process_s", "add one digest, in-process", None, "s"),
    ("ingest.full.rss_mb", "peak RSS, full ingest", None, "MB"),
    ("queries.retrieval.p50_ms", "retrieval p50 (full store)", None, "ms"),
    ("queries.retrieval.p95_ms", "retrieval p95 (full store)", ("<", 50), "ms"),
    ("queries.answer.p50_ms", "extractive answer p50", None, "ms"),
    ("queries.answer.p95_ms", "extractive answer p95", ("<", 250), "ms"),
    ("queries.rss_mb", "peak RSS, query process", None, "MB"),
    ("synthetic.retrieval.p50_ms", "retrieval p50 (synthetic store)", None, "ms"),
    ("synthetic.retrieval.p95_ms", "retrieval p95 (synthetic store)", ("<", 150), "ms"),
    ("synthetic.catalog_load_s", "synthetic: open store + load catalog", None, "s"),
    ("synthetic.retriever_build_s", "synthetic: build BM25 + retriever", None, "s"),
    ("synthetic.write_papers_per_s", "synthetic: bulk upsert rate", None, "papers/s"),
    ("synthetic.rss_mb", "peak RSS, synthetic query process", None, "MB"),
    ("cold.help_s", "`digest --help`", ("<", 1), "s"),
    ("cold.ask_s", "`digest ask` start to printed answer (corpus)", ("<=", 1.5), "s"),
    ("cold.ask_rss_mb", "peak RSS, `digest ask` (corpus)", None, "MB"),
    ("cold.seeds_ask_s", "`digest ask` start to printed answer (seeds)", None, "s"),
    ("cold.ask_over_seeds", "`digest ask`, corpus / seeds", ("<=", 1.5), "x"),
    ("cold.synthetic_ask_s", "`digest ask` start to printed answer (synthetic)", ("<=", 3), "s"),
    ("cold.synthetic_ask_rss_mb", "peak RSS, `digest ask` (synthetic)", ("<=", 600), "MB"),
    (
        "serve.corpus.first_answer_s",
        "`digest serve` to first answer in the page (corpus)",
        None,
        "s",
    ),
    (
        "serve.synthetic.first_answer_s",
        "`digest serve` to first answer in the page (synthetic)",
        ("<=", 5),
        "s",
    ),
    ("cold.ask_no_bytecode_cache_s", "`digest ask`, no bytecode cache", None, "s"),
]


# -- running things --------------------------------------------------------------------


def run(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> dict:
    """Run `cmd`, return its stdout, wall seconds and peak RSS (MB, this child only)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # reaps it: rusage of this child alone
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {
        "stdout": stdout,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


PYCACHE = Path(tempfile.gettempdir()) / "digest-bench-pycache"


def child_env(bytecode_cache: bool = True) -> dict:
    """The environment for measured processes.

    With `bytecode_cache`, compiled modules are cached (outside the tree, in PYCACHE) as
    on any normal install, even where PYTHONDONTWRITEBYTECODE is set: otherwise every
    process compiles llama-index and chromadb from source, which is what a cold start
    would measure instead of the project.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


# the bytecode cache settings of `child_env`, for the server `bench.serve` starts (an empty
# PYTHONDONTWRITEBYTECODE is unset, for Python)
SERVE_ENV = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(PYCACHE)}


def digest(args: list[str], store: Path, bytecode_cache: bool = True) -> dict:
    exe = Path(sys.executable).parent / "digest"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "assistant.app.cli"]
    env = child_env(bytecode_cache)
    env.update(DIGEST_STORE_DIR=str(store), DIGEST_ANSWER_MODE="extractive")
    return run(cmd + args, env)


def stage(name: str, **kwargs) -> dict:
    result = run([sys.executable, "-m", "bench.stages", name, json.dumps(kwargs)], child_env())
    figures = json.loads(result["stdout"].strip().splitlines()[-1])
    figures["process_wall_s"] = round(result["wall_s"], 2)
    figures["process_rss_mb"] = result["rss_mb"]
    return figures


def guarded(name: str, figures: dict, func, *args, **kwargs):
    """Run one benchmark; a failure is recorded in the figures and the others still run."""
    try:
        return func(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - reported, not hidden
        say(f"{name} failed: {exc}")
        figures.setdefault("errors", {})[name] = str(exc)[-2000:]
        return None


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {load()}] {message}", file=sys.stderr, flush=True)


# -- the benchmarks --------------------------------------------------------------------


def ingest_run(paths: list[Path], store: Path) -> dict:
    result = digest(["ingest", *map(str, paths), "--json"], store)
    report = json.loads(result["stdout"])
    papers = report["papers_total"]
    embedded = report["embedded"]
    return {
        "files": report["files"],
        "papers": papers,
        "embedded": embedded,
        "unchanged": report["papers_unchanged"],
        "errors": len(report["errors"]),
        "wall_s": round(result["wall_s"], 2),
        "in_process_s": report["seconds"],
        "papers_per_s": round(papers / result["wall_s"], 2),
        "in_process_papers_per_s": round(papers / report["seconds"], 2)
        if report["seconds"]
        else None,
        "cpu_s": round(result["cpu_s"], 1),
        # what the run would take with both cores free: CPU seconds spread over 2 cores
        "papers_per_cpu_s_x2": round(2 * papers / result["cpu_s"], 2),
        "rss_mb": result["rss_mb"],
        "load_after": load(),
    }


def new_digest(folder: Path, corpus: Path, n: int = 20, seed: int = 1) -> Path:
    """A digest (shape 1) of `n` papers not in the corpus, dated after it."""
    rng = random.Random(seed)
    sentences = []
    for path in sorted((corpus / "en").glob("*.md"))[:20]:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("|") and line.count("|") >= 4:
                cell = line.split("|")[3].strip()
                sentences += [s.strip() + "." for s in cell.split(". ") if len(s) > 40]
    rows = [
        "## Papers for 2025-07-01",
        "",
        "| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |",
        "|-------|---------|---------|----------------|-------------|------------------|",
    ]
    for i in range(n):
        summary = " ".join(rng.sample(sentences, 4)).replace("|", "/")
        rows.append(
            f"| [Benchmark Paper {i}: {' '.join(summary.split()[:6])}]"
            f"(https://arxiv.org/abs/2507.{90000 + i}) | Ada Lovelace, Alan Turing | {summary} "
            f"| ['Text Generation'] | N/A | N/A |"
        )
    path = folder / "2025-07-01.md"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def corpus_paths(corpus: Path, quick: bool) -> list[Path]:
    if not quick:
        return [corpus]
    files = sorted(p for p in corpus.rglob("*.md") if not p.name.upper().startswith("README"))
    step = max(len(files) // QUICK_FILES, 1)
    return files[::step][:QUICK_FILES]


def bench_ingest(args, work: Path, figures: dict) -> Path:
    seeds = ROOT / "seeds"
    say("warming the bytecode cache (a dry run of the seeds)")
    digest(["ingest", str(seeds), "--dry-run", "--json"], work / "warm-store")
    run(
        [sys.executable, "-c", "import llama_index.core, chromadb, bm25s, onnxruntime"], child_env()
    )
    say("ingest: seeds")
    figures["seeds"] = ingest_run([seeds], work / "seeds-store")
    full = work / "full-store"
    say(f"ingest: corpus {'(quick subset)' if args.quick else ''}")
    paths = corpus_paths(args.corpus, args.quick)
    figures["full"] = ingest_run(paths, full)
    say("ingest: no-change re-ingest")
    figures["nochange"] = ingest_run(paths, full)
    figures["full_over_nochange"] = round(
        figures["full"]["wall_s"] / figures["nochange"]["wall_s"], 1
    )
    figures["full_over_nochange_in_process"] = round(
        figures["full"]["in_process_s"] / figures["nochange"]["in_process_s"], 1
    )
    say("ingest: one new digest into the full store")
    added = new_digest(work, args.corpus)
    figures["add_one"] = ingest_run([added], full)
    if not args.quick:  # (a quick run's corpus *is* these 40 digests)
        forty = corpus_paths(args.corpus, True)
        say(f"ingest: {len(forty)} corpus digests, then again unchanged")
        figures["forty"] = {"full": ingest_run(forty, work / "forty-store")}
        figures["forty"]["nochange"] = ingest_run(forty, work / "forty-store")
    else:
        figures["forty"] = {"full": figures["full"], "nochange": figures["nochange"]}
    figures["forty"]["full_over_nochange"] = round(
        figures["forty"]["full"]["wall_s"] / figures["forty"]["nochange"]["wall_s"], 1
    )
    return full


COLD_QUESTIONS = (
    "How much does SpargeAttn speed up inference?",
    "Which papers improve long-context reasoning?",
)


def cold_asks(store: Path, figures: dict, prefix: str = "") -> None:
    """`digest ask` as a user runs it: a new process per question, start to printed answer."""
    asks = [digest(["ask", q, "--json"], store) for q in COLD_QUESTIONS]
    figures[f"{prefix}ask_s"] = round(min(a["wall_s"] for a in asks), 2)
    figures[f"{prefix}ask_runs_s"] = [round(a["wall_s"], 2) for a in asks]
    figures[f"{prefix}ask_rss_mb"] = max(a["rss_mb"] for a in asks)
    figures[f"{prefix}ask_refused"] = json.loads(asks[0]["stdout"])["refused"]


def bench_cold(store: Path, figures: dict, seeds: Path | None = None) -> None:
    say("cold start: digest --help, digest ask")
    help_runs = [digest(["--help"], store)["wall_s"] for _ in range(3)]
    figures["help_s"] = round(min(help_runs), 3)
    figures["help_runs_s"] = [round(x, 3) for x in help_runs]
    cold_asks(store, figures)
    if seeds is not None and (seeds / "chroma.sqlite3").exists():
        cold_asks(seeds, figures, "seeds_")
        figures["ask_over_seeds"] = round(figures["ask_s"] / figures["seeds_ask_s"], 2)
    # this sandbox sets PYTHONDONTWRITEBYTECODE: the same, compiling every module anew
    bare = digest(["ask", "How much does SpargeAttn speed up inference?", "--json"], store, False)
    figures["ask_no_bytecode_cache_s"] = round(bare["wall_s"], 2)
    figures["bytecode_cache_disabled_here"] = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))


def flatten(data: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key != "errors":
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def passes(value, rule) -> bool | None:
    if rule is None or value is None:
        return None
    op, limit = rule
    return {">=": value >= limit, "<=": value <= limit}.get(op, value < limit)


def print_table(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    flat = flatten(results["figures"])
    table = Table(title=f"Digest Assistant benchmarks ({results['meta']['mode']})")
    for col in ("figure", "value", "target", "pass"):
        table.add_column(col, justify="right" if col != "figure" else "left")
    for key, label, rule, unit in TARGETS:
        if key not in flat:
            continue
        value = flat[key]
        ok = passes(value, rule)
        target = f"{rule[0]} {rule[1]} {unit}" if rule else ""
        mark = "" if ok is None else ("[green]pass[/]" if ok else "[red]FAIL[/]")
        table.add_row(label, f"{value} {unit}", target, mark)
    console = Console()
    console.print(table)
    for name, error in results["figures"].get("errors", {}).items():
        console.print(f"[red]{name} failed:[/] {error.splitlines()[-1] if error else ''}")
    meta = results["meta"]
    console.print(
        f"corpus {meta['corpus']} · {meta['cpus']} CPUs · load {meta['load_before']} before, "
        f"{meta['load_after']} after · {meta['seconds']:.0f} s in all"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="digest archive")
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run: {QUICK_FILES} files, 10k synthetic"
    )
    parser.add_argument(
        "--synthetic", type=int, default=None, help="papers in the scale test (default 100000)"
    )
    parser.add_argument("--questions", type=int, default=240, help="questions per latency test")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--skip", default="", help="comma list: ingest,queries,synthetic,cold,serve"
    )
    parser.add_argument("--store", type=Path, help="use this full store instead of ingesting")
    parser.add_argument("--keep", action="store_true", help="keep the temporary stores")
    args = parser.parse_args(argv)
    args.corpus = args.corpus.resolve()
    synthetic_n = args.synthetic or (10_000 if args.quick else 100_000)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if not args.corpus.is_dir() and "ingest" not in skip:
        parser.error(f"no corpus at {args.corpus} (pass --corpus)")

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    results = {
        "meta": {
            "mode": "quick" if args.quick else "full",
            "corpus": str(args.corpus),
            "started": datetime.now().isoformat(timespec="seconds"),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_before": load(),
            "workdir": str(work),
        },
        "figures": {},
    }
    figures = results["figures"]
    try:
        store = args.store
        if "ingest" not in skip:
            figures["ingest"] = {}
            store = bench_ingest(args, work, figures["ingest"])
        if store is None:
            parser.error("--skip ingest needs --store")
        if "queries" not in skip:
            say(f"queries: {args.questions} questions on the full store")
            figures["queries"] = guarded(
                "queries", figures, stage, "queries", store=str(store), n_questions=args.questions
            )
        figures["cold"] = {}
        if "cold" not in skip:
            guarded("cold", figures, bench_cold, store, figures["cold"], work / "seeds-store")
        figures["serve"] = {}
        if "serve" not in skip:
            say("serve: `digest serve` to the first answer in Chromium (corpus store)")
            figures["serve"]["corpus"] = guarded(
                "serve", figures, serve.first_answer, store, SERVE_ENV
            )
        if "synthetic" not in skip:
            say(f"scale: {synthetic_n} papers")
            figures["synthetic"] = guarded(
                "synthetic",
                figures,
                stage,
                "synthetic",
                source_store=str(store),
                store=str(work / "synthetic-store"),
                n=synthetic_n,
                n_questions=args.questions,
            )
            synthetic_store = work / "synthetic-store"
            if "cold" not in skip and (synthetic_store / "chroma.sqlite3").exists():
                say(f"cold start on the {synthetic_n}-paper store")
                guarded(
                    "cold_synthetic",
                    figures,
                    cold_asks,
                    synthetic_store,
                    figures["cold"],
                    "synthetic_",
                )
            if "serve" not in skip and (synthetic_store / "chroma.sqlite3").exists():
                say(f"serve: first answer in Chromium on the {synthetic_n}-paper store")
                figures["serve"]["synthetic"] = guarded(
                    "serve_synthetic", figures, serve.first_answer, synthetic_store, SERVE_ENV
                )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["meta"]["load_after"] = load()
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    flat = flatten(figures)
    results["checks"] = {
        key: {"value": flat[key], "target": f"{rule[0]} {rule[1]}", "pass": passes(flat[key], rule)}
        for key, _, rule, _ in TARGETS
        if rule and key in flat
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    paths = [RESULTS / f"bench-{results['meta']['mode']}-{stamp}.json"]
    paths += [args.json] if args.json else []
    for path in paths:
        path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_table(results)
    print(f"results: {', '.join(map(str, paths))}")
    return 0
