"""`digest mcp`: the archive's tools for any MCP client (an editor, a desktop agent).

Six tools, served with the official MCP Python SDK (`FastMCP`) over stdio, or over
streamable HTTP (`digest mcp --http PORT`, on 127.0.0.1 unless told otherwise):

- `search`, `list_papers`, `count_papers`, `paper`, `similar`: `Assistant.tools`
  (`assistant.tools.ArchiveTools`), with their own docstrings as descriptions;
- `ask`: a whole answer from the `Assistant`, citing its papers as [n].

Each result is the tool's compact text followed by the papers' titles and arXiv links
(from the store), plus the same result as structured JSON (`structuredContent`). A bad
argument (unknown paper, bad date, unknown topic) is an MCP tool error (`isError`) whose
text says what was wrong. Calls run one at a time in a worker thread, so the server stays
responsive while the store loads (it starts loading as soon as the server starts).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.types import CallToolResult, TextContent

from assistant.errors import DigestError
from assistant.tools import ArchiveTools, ToolResult

if TYPE_CHECKING:
    from assistant.answer.citations import Answer
    from assistant.app.api import Assistant

INSTRUCTIONS = (
    "Tools over an archive of daily AI-paper digests (English and Korean). Every paper "
    "comes with its title and arXiv link from the archive: cite those, never invent links. "
    "Dates are digest dates YYYY-MM-DD (inclusive); 'today' means the newest digest."
)


class DigestMCP:
    """The MCP server over one `Assistant`."""

    def __init__(self, assistant: Assistant, host: str = "127.0.0.1", port: int = 8000):
        self.assistant = assistant
        self._lock = threading.Lock()
        self.server = FastMCP(
            "digest-assistant",
            instructions=INSTRUCTIONS,
            host=host,
            port=port,
            log_level="WARNING",  # stderr stays quiet; stdout is the protocol's (stdio)
        )
        self._register()

    # -- running -----------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load the store in the background, so the first call does not wait for all of it."""

        def load() -> None:
            try:
                with self._lock:
                    self.assistant.tools  # noqa: B018
            except Exception:  # reported by the first call instead
                pass

        threading.Thread(target=load, name="digest-mcp-warm-up", daemon=True).start()

    def run(self, http: bool = False) -> None:
        self.warm_up()
        self.server.run("streamable-http" if http else "stdio")

    # -- calls -------------------------------------------------------------------------------

    async def _tool(self, name: str, arguments: dict[str, Any]) -> CallToolResult:
        arguments = {k: v for k, v in arguments.items() if v is not None and k != "self"}

        def call() -> ToolResult:
            with self._lock:
                return self.assistant.tools.call(name, arguments)

        result = await self._in_thread(call)
        return CallToolResult(
            content=[TextContent(type="text", text=tool_text(result))],
            structuredContent=result.to_json(),
        )

    async def _ask(self, question: str, **filters) -> CallToolResult:
        filters = {k: v for k, v in filters.items() if v is not None}

        def call() -> Answer:
            with self._lock:
                return self.assistant.ask(question, **filters)

        answer = await self._in_thread(call)
        return CallToolResult(
            content=[TextContent(type="text", text=answer_text(answer))],
            structuredContent=answer.to_json(),
        )

    @staticmethod
    async def _in_thread(call):
        try:
            return await anyio.to_thread.run_sync(call)
        except DigestError as exc:  # a clear message, as an MCP tool error
            raise ValueError(str(exc)) from None

    # -- the tools ---------------------------------------------------------------------------

    def _register(self) -> None:
        tool = self.server.tool
        doc = {name: _doc(name) for name in ArchiveTools.NAMES}

        @tool(description=doc["search"])
        async def search(
            query: str,
            since: str | None = None,
            until: str | None = None,
            topic: str | None = None,
            has_code: bool | None = None,
            limit: int = 10,
        ) -> CallToolResult:
            return await self._tool("search", locals())

        @tool(description=doc["list_papers"])
        async def list_papers(
            since: str | None = None,
            until: str | None = None,
            topic: str | None = None,
            sort: str = "date",
            limit: int = 50,
            author: str | None = None,
            has_code: bool | None = None,
            language: str | None = None,
        ) -> CallToolResult:
            return await self._tool("list_papers", locals())

        @tool(description=doc["count_papers"])
        async def count_papers(
            since: str | None = None,
            until: str | None = None,
            topic: str | None = None,
            query: str | None = None,
            by: str = "total",
            sort: str = "relevance",
            has_code: bool | None = None,
            language: str | None = None,
            in_title: bool | None = None,
        ) -> CallToolResult:
            return await self._tool("count_papers", locals())

        @tool(description=doc["paper"])
        async def paper(ref: str) -> CallToolResult:
            return await self._tool("paper", locals())

        @tool(description=doc["similar"])
        async def similar(ref: str, limit: int = 5) -> CallToolResult:
            return await self._tool("similar", locals())

        @tool()
        async def ask(
            question: str,
            since: str | None = None,
            until: str | None = None,
            topic: str | None = None,
        ) -> CallToolResult:
            """Answer a question about the papers in the digests (English or Korean), citing
            them as [n] with titles and arXiv links from the archive. Refuses (says so)
            when the digests hold nothing relevant. since, until: digest dates YYYY-MM-DD.
            """
            return await self._ask(question, since=since, until=until, topic=topic)


def _doc(name: str) -> str:
    return next(spec["description"] for spec in ArchiveTools.SPECS if spec["name"] == name)


def links(papers) -> str:
    return "\n".join(f"[{n}] {p.title}: {p.url}" for n, p in enumerate(papers, start=1))


def tool_text(result: ToolResult) -> str:
    """The tool's text, then each paper's title and arXiv link (from the store)."""
    if not result.papers:
        return result.text
    return f"{result.text}\n\nPapers (title: arXiv link):\n{links(result.papers)}"


def answer_text(answer: Answer) -> str:
    text = answer.text
    if answer.citations:
        cited = "\n".join(f"[{c.n}] {c.title}: {c.url}" for c in answer.citations)
        text += f"\n\nSources:\n{cited}"
    return text
