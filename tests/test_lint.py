"""The project's Python code passes ruff (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess

from conftest import PROJECT


def test_ruff():
    result = subprocess.run([str(PROJECT / ".venv" / "bin" / "ruff"), "check", "."], cwd=PROJECT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
