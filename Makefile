# The two commands a newcomer needs:  `make app`  and  `make test`.
# uv may be missing on a fresh machine: it is then installed with pip and run as `python3 -m uv`.
UV := $(shell command -v uv >/dev/null 2>&1 && echo uv || echo python3 -m uv)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup app test eval bench lint

setup:  ## the locked environment (.venv, its bytecode compiled once), installing uv first when absent
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode

app: setup  ## ingest the seed digests, then open the chat at http://$(HOST):$(PORT)
	$(UV) run digest ingest
	$(UV) run digest papers
	$(UV) run digest serve --host $(HOST) --port $(PORT)

test: setup  ## the whole test suite: unit, end-to-end (Chroma server) and browser tests
	$(UV) run pytest

eval: setup  ## the golden-question scorecard, with a Markdown + PNG report in reports/
	$(UV) run digest eval --report reports/eval

bench: setup  ## ingestion and query benchmarks (needs ../shared/corpus)
	$(UV) run python -m bench

lint: setup
	$(UV) run ruff check . && $(UV) run ruff format --check . && $(UV) run lint-imports
