"""`digest mcp` as a real process, driven by the MCP SDK's own client: over stdio (list the
tools, call each one, bad calls) and over streamable HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from servers import free_port, stop_process

pytestmark = pytest.mark.slow

DIGEST = str(Path(sys.executable).parent / "digest")
ARXIV = "https://arxiv.org/abs/"
WAIT = 120  # seconds: the bound on a whole session
TOOLS = {"search", "list_papers", "count_papers", "paper", "similar", "ask"}


def server_env(settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGEST_", "OPENAI_"))}
    env.update({"DIGEST_STORE_DIR": str(settings.store_dir), "DIGEST_ANSWER_MODE": "extractive"})
    return env


def text(result) -> str:
    return "\n".join(c.text for c in result.content if c.type == "text")


async def exercise(session: ClientSession) -> dict:
    """List the tools and call each one; return what came back, by call."""
    await session.initialize()
    listed = await session.list_tools()
    out = {"tools": {t.name: t for t in listed.tools}}
    calls = {
        "search": ("search", {"query": "sparse attention that speeds up inference", "limit": 3}),
        "list_papers": ("list_papers", {"since": "2025-02-26", "until": "2025-02-26"}),
        "count_papers": ("count_papers", {"by": "day"}),
        "count_titled": ("count_papers", {"query": "attention", "in_title": True}),
        "list_korean": ("list_papers", {"since": "2025-02-26", "language": "ko"}),
        "paper": ("paper", {"ref": "SpargeAttn"}),
        "similar": ("similar", {"ref": "2502.18137", "limit": 3}),
        "ask": ("ask", {"question": "How much faster is SpargeAttn?"}),
        "bad_date": ("list_papers", {"since": "the 45th of Smarch"}),
        "bad_by": ("count_papers", {"by": "week"}),
        "missing_arg": ("paper", {}),
        "unknown_tool": ("delete_everything", {}),
    }
    for key, (name, args) in calls.items():
        out[key] = await session.call_tool(name, args)
    return out


def check(results: dict, catalog) -> None:
    assert set(results["tools"]) == TOOLS
    search_tool = results["tools"]["search"]
    assert "relevance gate" in search_tool.description
    assert search_tool.inputSchema["required"] == ["query"]

    for key in ("search", "list_papers", "count_papers", "paper", "similar", "ask"):
        assert not results[key].isError, (key, text(results[key]))

    search = results["search"]
    assert (
        f"SpargeAttn: Accurate Sparse Attention Accelerating Any Model Inference: {ARXIV}2502.18137"
        in text(search)
    )
    structured = search.structuredContent
    assert structured["tool"] == "search"
    assert structured["papers"][0]["url"] == ARXIV + structured["papers"][0]["arxiv_id"]

    listed = results["list_papers"].structuredContent
    on_day = catalog.on_dates("2025-02-26", "2025-02-26")
    assert listed["data"]["total"] == len(on_day) == len(listed["papers"])
    assert all("2025-02-26" in p["dates"] for p in listed["papers"])

    counts = results["count_papers"].structuredContent["data"]
    assert counts["total"] == len(catalog) == 60 and sum(counts["by"].values()) >= 60
    # the filters the agent's tools take are the MCP tools' too
    titled = results["count_titled"].structuredContent
    assert not results["count_titled"].isError and titled["arguments"]["in_title"] is True
    assert all("attention" in p["title"].lower() for p in titled["papers"])
    korean = results["list_korean"].structuredContent
    assert not results["list_korean"].isError and korean["papers"]
    assert all("ko" in p["languages"] for p in korean["papers"])

    paper = text(results["paper"])
    assert f"arXiv: {ARXIV}2502.18137" in paper and "github.com/thu-ml/SpargeAttn" in paper

    similar = results["similar"].structuredContent
    assert len(similar["papers"]) == 3
    assert "2502.18137" not in [p["arxiv_id"] for p in similar["papers"]]

    ask = results["ask"]
    assert "2.5x" in text(ask) and f"{ARXIV}2502.18137" in text(ask)
    assert ask.structuredContent["refused"] is False
    assert ask.structuredContent["citations"][0]["arxiv_id"] == "2502.18137"

    # Bad calls are MCP tool errors whose text says what was wrong.
    assert results["bad_date"].isError and "since" in text(results["bad_date"])
    assert results["bad_by"].isError and 'by must be "total"' in text(results["bad_by"])
    assert results["missing_arg"].isError and "ref" in text(results["missing_arg"])
    assert results["unknown_tool"].isError and "delete_everything" in text(results["unknown_tool"])
    for key in ("bad_date", "bad_by", "missing_arg", "unknown_tool"):
        assert "Traceback" not in text(results[key])


def test_stdio_server_lists_and_calls_every_tool(seed_settings):
    params = StdioServerParameters(command=DIGEST, args=["mcp"], env=server_env(seed_settings))

    async def run() -> dict:
        with anyio.fail_after(WAIT):
            async with (
                stdio_client(params) as (read, write),
                ClientSession(read, write) as session,
            ):
                return await exercise(session)

    from assistant.index.catalog import Catalog

    check(anyio.run(run), Catalog.load(seed_settings))


def test_http_server_on_localhost(seed_settings, tmp_path):
    port = free_port()
    log = (tmp_path / "mcp.log").open("w")
    proc = subprocess.Popen(
        [DIGEST, "mcp", "--http", str(port)],
        env=server_env(seed_settings),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        deadline = time.monotonic() + WAIT
        while True:  # up when it answers HTTP at all (a bare GET is refused: 4xx)
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "mcp.log").read_text()
                assert time.monotonic() < deadline, "the MCP server did not start"
                time.sleep(0.3)

        async def run() -> tuple:
            with anyio.fail_after(WAIT):
                async with (
                    streamable_http_client(url) as (read, write, _),
                    ClientSession(read, write) as session,
                ):
                    await session.initialize()
                    tools = await session.list_tools()
                    found = await session.call_tool("paper", {"ref": "2502.18137"})
                    return {t.name for t in tools.tools}, found

        names, found = anyio.run(run)
        assert names == TOOLS
        assert not found.isError and f"{ARXIV}2502.18137" in text(found)
    finally:
        stop_process(proc)
        log.close()
    assert "127.0.0.1:" + str(port) in (tmp_path / "mcp.log").read_text()
