"""The `digest` command. Thin: parses arguments, calls the Python API, renders the result.

Heavy libraries (llama-index, chromadb, onnxruntime) are imported inside the commands,
so `digest --help` stays instant. Domain errors become one clean line and exit status 1.
"""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _settings(**overrides):
    from assistant.config import Settings, SettingsError

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:  # names the bad settings, never their values
        raise click.ClickException(str(exc)) from None


def domain_errors(func):
    """Turn DigestError into a one-line message instead of a traceback."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        from assistant.errors import DigestError

        try:
            return func(*args, **kwargs)
        except DigestError as exc:
            from assistant.text import printable

            raise click.ClickException(printable(str(exc))) from exc

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="digest-assistant")
def main() -> None:
    """Digest Assistant: ask questions about AI papers from daily digests.

    Every answer cites its papers by title and arXiv link. Runs offline by default;
    set OPENAI_API_KEY or OPENAI_BASE_URL for LLM answers.
    """


# -- ingest ----------------------------------------------------------------------------


class _RichProgress:
    """Progress bars on a terminal (stderr), for `digest ingest`."""

    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._parse = self._embed = None

    def __enter__(self):
        self._bar.__enter__()
        return self

    def __exit__(self, *exc):
        return self._bar.__exit__(*exc)

    def files(self, total: int) -> None:
        self._parse = self._bar.add_task("parsing digests", total=total)

    def file_done(self, path: Path) -> None:
        self._bar.advance(self._parse)

    def embedding(self, total: int) -> None:
        self._embed = self._bar.add_task("embedding papers", total=total)

    def embedded(self, n: int) -> None:
        self._bar.advance(self._embed, n)

    def rewriting(self, done: int, total: int) -> None:
        """Records rewritten without embedding (a newer parser read their files again)."""
        if getattr(self, "_rewrite", None) is None:
            self._rewrite = self._bar.add_task("rewriting records", total=total)
        self._bar.update(self._rewrite, completed=done, total=total)

    def repairing(self, done: int, total: int) -> None:
        """Derived indexes behind the store (older store, crash): being brought in step."""
        if getattr(self, "_repair", None) is None:
            self._repair = self._bar.add_task("updating indexes from the store", total=total)
        self._bar.update(self._repair, completed=done, total=total)


class _RepairBar:
    """A progress bar that appears only if the derived indexes need repairing."""

    def __init__(self, console):
        self._console = console
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = _RichProgress(self._console).__enter__()
        self._bar.repairing(done, total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _assistant():
    """An Assistant for the CLI, showing a progress bar while stale indexes are repaired."""
    from assistant.app.api import Assistant

    assistant = Assistant(_settings())
    bar = _RepairBar(_console(stderr=True))

    def progress(done: int, total: int) -> None:
        bar(done, total)
        if done >= total:
            bar.close()

    assistant.progress = progress
    return assistant


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Parse and count; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--wait/--no-wait",
    default=True,
    show_default=True,
    help="When another ingest is writing to the store, wait for it (or fail at once).",
)
@click.option(
    "--wait-timeout",
    type=click.FloatRange(min=0),
    help="Give up waiting for another ingest after this many seconds.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Also remove what the given files no longer say: rows deleted from a file, and "
    "files deleted from a given folder (or given by name). Without it nothing is deleted.",
)
@domain_errors
def ingest(
    paths: tuple[Path, ...],
    dry_run: bool,
    as_json: bool,
    wait: bool,
    wait_timeout: float | None,
    prune: bool,
) -> None:
    """Parse digest files or folders (default: seeds/) into the store.

    Only new or changed papers are embedded; re-running on the same files is cheap.
    One ingest writes to a store at a time; another one waits for it (see --wait).
    Nothing is ever deleted unless --prune is given (`digest watch` prunes by itself).
    """
    from contextlib import nullcontext

    from assistant.ingest.pipeline import ingest as run_ingest

    settings = _settings()
    err = _console(stderr=True)
    bar = _RichProgress(err) if err.is_terminal else nullcontext(None)

    def waiting(message: str) -> None:
        click.echo(message, err=True)
        sys.stderr.flush()

    with bar as progress:
        report = run_ingest(
            list(paths) or None,
            settings,
            dry_run=dry_run,
            progress=progress,
            wait=wait,
            wait_timeout=wait_timeout,
            on_wait=waiting,
            prune=prune,
        )
    if report.papers_new and not dry_run:
        # the examples of what digests do not answer, embedded now for the next process
        from assistant.index.store import LazyEmbedder
        from assistant.understand import scope

        scope.stored_vectors(settings, LazyEmbedder(settings))
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_ingest(report, settings)
    if not report.ok:
        sys.exit(1)


def _print_ingest(report, settings) -> None:
    from rich.table import Table

    out = _console()
    title = (
        "Dry run (nothing written)"
        if report.dry_run
        else f"Ingested into {settings.describe_store()}"
    )
    table = Table(title=title, show_header=False)
    for label, value in [
        ("files", report.files),
        ("papers parsed (unique arXiv ids)", report.papers_total),
        ("new", report.papers_new),
        ("updated", report.papers_updated),
        ("unchanged", report.papers_unchanged),
        *(
            [("files gone", report.files_gone), ("papers removed", report.papers_removed)]
            if report.files_gone or report.papers_removed
            else []
        ),
        ("embedded", report.embedded),
        ("errors", len(report.errors)),
        ("papers in store", "-" if report.store_total is None else report.store_total),
        ("seconds", f"{report.seconds:.1f}"),
    ]:
        table.add_row(label, str(value))
    out.print(table)
    from rich.text import Text

    from assistant.text import printable

    for issue in report.errors[:50]:  # messages quote digest text: printed as plain text
        line = Text(f"{printable(issue.file)}:{issue.line}", style="yellow")
        line.append(f": {printable(issue.message)}")
        out.print(line)
    if len(report.errors) > 50:
        out.print(f"... and {len(report.errors) - 50} more (use --json for all)")


# -- watch -----------------------------------------------------------------------------


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--settle",
    type=float,
    default=2.0,
    show_default=True,
    help="Seconds a file must stay unchanged before it is read.",
)
@click.option(
    "--grace",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds after which a file that still has a parse problem is ingested anyway.",
)
@domain_errors
def watch(folder: Path, settle: float, grace: float) -> None:
    """Ingest digests as they are added to, changed in or deleted from FOLDER; Ctrl-C stops.

    Catches up with the folder first, then logs one line per file ingested. A file is
    read only when it has stopped changing and parses cleanly, so a half-written digest
    is never half-ingested. A deleted file's papers leave the store (those another
    digest mentions stay), and so do rows deleted from a file.
    """
    import signal
    from contextlib import suppress

    from assistant.app.watch import Watcher

    watcher = Watcher(folder, _settings(), log=lambda line: click.echo(line), settle=settle)
    watcher.grace = grace

    def stop(signum, frame):
        if watcher.stop.is_set():  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        watcher.stop.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    with suppress(KeyboardInterrupt):
        watcher.run()
    click.echo("stopped watching", err=True)


# -- papers ----------------------------------------------------------------------------


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@domain_errors
def papers(as_json: bool) -> None:
    """List what is stored: paper count, date range, papers per digest date."""
    from assistant.index.catalog import Catalog

    catalog = Catalog.load(_settings())
    stats = catalog.stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    out = _console()
    if not stats["papers"]:
        out.print("The store is empty: run `digest ingest` first.")
        return
    out.print(
        f"[bold]{stats['papers']}[/] papers, digests from {stats['first_date']} to "
        f"{stats['last_date']} ({stats['store']})"
    )
    table = Table("date", "papers", "languages")
    for row in stats["dates"]:
        table.add_row(row["date"], str(row["papers"]), ", ".join(row["languages"]))
    out.print(table)


# -- ask / chat ------------------------------------------------------------------------

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value) -> str | None:
    return value.date().isoformat() if value else None


def _print_answer(answer, out) -> None:
    """The answer, with [n] as terminal hyperlinks where supported, then the sources."""
    import re

    from rich.text import Text

    from assistant.text import https_url, printable

    # digest text is data: no terminal escapes, no rich markup, links only the store's https
    by_n = {c.n: c for c in answer.citations}
    text = printable(answer.text)
    body = Text()
    pos = 0
    for match in re.finditer(r"\[(\d+)\]", text):
        body.append(text[pos : match.start()])
        cite = by_n.get(int(match.group(1)))
        url = https_url(cite.url) if cite else None
        body.append(match.group(0), style=f"bold cyan link {url}" if url else "")
        pos = match.end()
    body.append(text[pos:])
    out.print(body)
    for note in answer.notes:
        out.print(Text("note: ", style="yellow") + Text(printable(note)))
    if answer.citations:
        out.print()
        out.print("[bold]Sources[/]")
        for c in answer.citations:
            url = https_url(c.url)
            link = f" link {url}" if url else ""
            line = Text(f"[{c.n}] ", style="bold cyan")
            line.append(printable(c.title), style=link.strip())
            line.append(f"\n    {printable(c.url)}", style=f"dim{link}")
            out.print(line)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--since", type=_DATE, help="Only papers in digests on or after this date.")
@click.option("--until", type=_DATE, help="Only papers in digests on or before this date.")
@click.option("--topic", help="Only papers with this classification tag.")
@click.option("--has-code", is_flag=True, default=None, help="Only papers with a GitHub link.")
@click.option("--mode", type=click.Choice(["extractive", "llm"]), help="Override the answer mode.")
@click.option("-k", "--top-k", type=click.IntRange(1, 50), help="Number of papers to use.")
@click.option(
    "--bibtex",
    is_flag=True,
    help="Print BibTeX for the cited papers on stdout (the answer goes to stderr).",
)
@domain_errors
def ask(question, as_json, since, until, topic, has_code, mode, top_k, bibtex) -> None:
    """Answer one QUESTION from the digests, citing its papers.

    \b
    A trend question ("how has interest in X changed month by month?") is answered
    with the papers per month; --json then adds them as "trend", with each month's ids.
    """
    assistant = _assistant()
    answer = assistant.ask(
        question,
        since=_day(since),
        until=_day(until),
        topic=topic,
        has_code=has_code,
        mode=mode,
        top_k=top_k,
    )
    if bibtex:
        from assistant.answer import export

        entries = export.bibtex(export.cited_papers(answer, assistant.catalog))
        if as_json:
            data = answer.to_json() | {"bibtex": entries}
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        _print_answer(answer, _console(stderr=True))
        if not entries:
            click.echo("no paper cited: no BibTeX to print", err=True)
        click.echo(entries, nl=False)
    elif as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer, _console())


@main.command("export")
@click.argument("ids", nargs=-1)
@click.option("--since", type=_DATE, help="Papers in digests on or after this date.")
@click.option("--until", type=_DATE, help="Papers in digests on or before this date.")
@click.option("--topic", help="Only papers with this classification tag.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["bibtex", "markdown"]),
    default="bibtex",
    show_default=True,
    help="BibTeX @misc entries, or a Markdown reading list.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE."
)
@domain_errors
def export_command(ids, since, until, topic, fmt, output) -> None:
    """Export papers as BibTeX or a Markdown reading list.

    Give arXiv IDS, or a digest date range and/or topic (no filter: every stored paper).

    \b
      digest export --since 2025-02-01 --until 2025-02-28 -o feb.bib
      digest export --topic "Natural Language Processing" --format markdown
      digest export 2502.18137 2502.18449
    """
    from assistant.answer import export
    from assistant.index.catalog import Catalog

    catalog = Catalog.load(_settings())
    since, until = _day(since), _day(until)
    papers = export.select_papers(catalog, since, until, topic, ids)
    title = export.export_title(since, until, topic, len(papers))
    text = export.render(papers, fmt, title)
    if not papers:
        click.echo(f"no papers to export in {catalog.store_label}", err=True)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{len(papers)} papers written to {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--since", type=_DATE, help="Only papers in digests on or after this date.")
@click.option("--until", type=_DATE, help="Only papers in digests on or before this date.")
@click.option("--topic", help="Only papers with this classification tag.")
@click.option("--mode", type=click.Choice(["extractive", "llm"]), help="Override the answer mode.")
@domain_errors
def chat(since, until, topic, mode) -> None:
    """A conversation in the terminal; follow-ups may say "it". Ctrl-D or /quit ends it."""
    from rich.text import Text

    from assistant.errors import DigestError
    from assistant.text import printable

    out = _console()
    assistant = _assistant()
    conversation = assistant.chat(since=_day(since), until=_day(until), topic=topic, mode=mode)
    stats = assistant.catalog.stats()
    out.print(
        f"[bold]Digest Assistant[/] · {stats['papers']} papers, {stats['first_date']} to "
        f"{stats['last_date']} · {assistant.mode(mode)} answers. Ask away; /quit to leave."
    )
    while True:
        try:
            question = click.prompt(click.style("you", bold=True), prompt_suffix="> ").strip()
        except (EOFError, click.Abort):
            out.print()
            return
        if question in ("/quit", "/exit", "quit", "exit"):
            return
        if not question:
            continue
        try:
            answer = conversation.ask(question)
        except DigestError as exc:
            out.print(Text("error: ", style="red") + Text(printable(str(exc))))
            continue
        if answer.standalone_question != question:
            understood = printable(answer.standalone_question)
            out.print(Text(f"(understood as: {understood})", style="dim"))
        _print_answer(answer, out)
        out.print()


# -- trend -----------------------------------------------------------------------------


@main.command()
@click.argument("query")
@click.option("--since", type=_DATE, help="Papers in digests on or after this date.")
@click.option("--until", type=_DATE, help="Papers in digests on or before this date.")
@click.option(
    "--plot",
    "plot_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draw a PNG bar chart into FILE.",
)
@click.option("--json", "as_json", is_flag=True, help="Counts and arXiv ids per month, as JSON.")
@domain_errors
def trend(query, since, until, plot_file, as_json) -> None:
    """Papers about QUERY per month (the same relevance gate as search), with a chart.

    \b
      digest trend "speculative decoding" --plot spec.png
      digest trend "web agents" --since 2025-01-01 --json   # each month's arXiv ids
    """
    from assistant.answer.trend import plot
    from assistant.answer.trend import trend as run_trend

    result = run_trend(_assistant().tools, query, _day(since), _day(until))
    if plot_file:
        plot(result, plot_file)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.table())
    if plot_file:
        click.echo(f"chart: {plot_file}", err=True)


# -- eval ------------------------------------------------------------------------------


@main.command("eval")
@click.option(
    "--golden",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Golden questions, JSON Lines (default: tests/golden/seeds_test.jsonl).",
)
@click.option(
    "--digests",
    type=click.Path(exists=True, path_type=Path),
    help="Digest file or folder: ingest it into a temporary store and evaluate there.",
)
@click.option(
    "--store",
    "keep_store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build the evaluation store from --digests in this folder and keep it for next time.",
)
@click.option(
    "--gate",
    "gate_name",
    help="Check the gate [tool.digest.eval.NAME] of pyproject.toml instead of [tool.digest.eval].",
)
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write report.md, scorecard.png and scorecard.json into this folder.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as one JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 when a [tool.digest.eval] threshold fails.")
@click.option(
    "--systems",
    default="hybrid,dense,bm25,tutorial",
    show_default=True,
    help="Comma-separated systems to compare.",
)
@click.option("--mode", type=click.Choice(["extractive", "llm"]), help="Override the answer mode.")
@domain_errors
def eval_command(
    golden, digests, keep_store, gate_name, report_dir, as_json, check, systems, mode
) -> None:
    """Score the assistant on golden questions, next to dense, BM25 and tutorial baselines.

    Evaluates the configured store, or a temporary store built from the seeds when it is
    empty or from --digests when given.
    """
    from contextlib import nullcontext
    from dataclasses import asdict

    from assistant.eval.gate import check_gate, gate_passed, load_gate
    from assistant.eval.golden import load_golden
    from assistant.eval.report import print_scorecard, write_report
    from assistant.eval.run import default_golden, evaluate

    golden = golden or default_golden()
    questions = load_golden(golden)
    gate = load_gate(name=gate_name)
    err = _console(stderr=True)
    if err.is_terminal and not as_json:
        from rich.progress import Progress

        bar = Progress(console=err, transient=True)
    else:
        bar = nullcontext(None)
    with bar as progress:
        task = progress.add_task("evaluating", total=len(questions)) if progress else None

        def advance(done: int, total: int) -> None:
            if progress is not None:
                progress.update(task, completed=done)

        card = evaluate(
            questions,
            _settings(),
            digests=digests,
            keep_store=keep_store,
            systems=[s.strip() for s in systems.split(",") if s.strip()],
            mode=mode,
            golden_path=golden,
            on_question=advance,
        )
    checks = check_gate(card, gate)
    card["meta"]["gate_source"] = gate["source"]
    card["gate"] = {"passed": gate_passed(checks), "checks": [asdict(c) for c in checks]}
    if report_dir:
        written = write_report(card, checks, report_dir)
    if as_json:
        click.echo(json.dumps(card, ensure_ascii=False, indent=2))
    else:
        out = _console()
        print_scorecard(card, checks, out)
        if report_dir:
            out.print(f"report: {written['markdown']} (chart {written['chart'].name})")
    if check and not gate_passed(checks):
        sys.exit(1)


# -- serve -----------------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--headless", is_flag=True, help="Do not open a browser.")
def serve(host: str, port: int, headless: bool) -> None:
    """Start the Chainlit chat page (assistant/app/web/app.py) and print its URL."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[2]  # the Chainlit app root: chainlit.md, .chainlit/
    env = dict(os.environ)
    env.setdefault("CHAINLIT_APP_ROOT", str(root))
    # The app runs from the app root: keep a relative store folder pointing where it did here.
    settings = _settings()
    if not settings.chroma_host:
        env["DIGEST_STORE_DIR"] = str(settings.store_dir.resolve())
    env.pop("CI", None)  # `chainlit run` reads CI=true as --ci, which invents an OpenAI key
    cmd = [
        sys.executable,
        "-m",
        "chainlit",
        "run",
        str(root / "assistant" / "app" / "web" / "app.py"),
    ]
    cmd += ["--host", host, "--port", str(port)] + (["--headless"] if headless else [])
    click.echo(f"Digest Assistant: http://{host}:{port}  (Ctrl-C stops it)", err=True)
    sys.stderr.flush()
    if os.name == "posix":
        os.chdir(env["CHAINLIT_APP_ROOT"])
        os.execve(sys.executable, cmd, env)  # one process: stopping `digest serve` stops it
    sys.exit(subprocess.call(cmd, cwd=env["CHAINLIT_APP_ROOT"], env=env))


# -- mcp -------------------------------------------------------------------------------


@main.command("mcp")
@click.option(
    "--http",
    "port",
    type=int,
    default=None,
    help="Serve streamable HTTP on this port (at /mcp) instead of stdio.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface for --http.")
@domain_errors
def mcp_command(port: int | None, host: str) -> None:
    """Serve the archive's tools to MCP clients (search, list_papers, count_papers, paper,
    similar, ask) over stdio, or streamable HTTP with --http PORT.

    \b
    Client configuration (Claude Desktop and other mcpServers JSON):
      {"mcpServers": {"digest": {"command": "digest", "args": ["mcp"],
                                 "env": {"DIGEST_STORE_DIR": "/path/to/vectorstore"}}}}
    """
    from assistant.app.api import Assistant
    from assistant.app.mcp import DigestMCP

    settings = _settings()
    server = DigestMCP(Assistant(settings), host=host, port=port or 8000)
    if port is not None:
        click.echo(
            f"Digest Assistant MCP server: http://{host}:{port}/mcp (Ctrl-C stops)", err=True
        )
    server.run(http=port is not None)


# -- bench -----------------------------------------------------------------------------


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> None:
    """Run the benchmarks (bench/ in a source checkout); `digest bench --help` lists options."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[2]
    if not (root / "bench" / "runner.py").is_file():
        raise click.ClickException("the benchmarks live in a source checkout (bench/)")
    env = dict(os.environ)  # relative paths in args stay relative to the current folder
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    sys.exit(subprocess.call([sys.executable, "-m", "bench", *args], env=env))
