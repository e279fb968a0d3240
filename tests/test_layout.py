"""The package's layout is a contract: imports point one way, down the pipeline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_imports_point_one_way():
    """import-linter's layers contract in pyproject.toml ([tool.importlinter]) holds."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency (uv sync)"
    run = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def test_no_module_imports_the_chainlit_app():
    """The page is an entry point: nothing below it imports it (it used to subclass the API)."""
    for path in (ROOT / "assistant").rglob("*.py"):
        if "web" in path.parts:
            continue
        assert "assistant.app.web" not in path.read_text(encoding="utf-8"), path
