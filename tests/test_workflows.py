"""The GitHub workflow files pass offline linters: actionlint and zizmor (security)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import PROJECT

BIN = PROJECT / ".venv" / "bin"
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=PROJECT, capture_output=True, text=True)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "linkcheck.yml"}


def test_actionlint():
    result = run(str(BIN / "actionlint"), *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor():
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "auditor", ".github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_to_commits():
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line and not line.strip().startswith("#"):
                ref = line.split("uses:", 1)[1].strip().split()[0]
                assert "@" in ref and len(ref.split("@")[1]) == 40, f"{Path(path).name}: {line.strip()}"
