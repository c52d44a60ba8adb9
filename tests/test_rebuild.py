"""An incremental rebuild, as `make serve` runs after each edit, gives the same
site as a fresh build of the same sources: every file, byte for byte.

The guide's extension skips work in a rebuild (rebuilds.py) and mends what
Sphinx and its extensions lose in one (the search index's index entries, the
bibliography's entries, the sitemap); this is the test that none of it shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT

pytestmark = pytest.mark.site

ADDED = "A paragraph added by the rebuild test."
EDITS = {  # page: the text the paragraph goes before
    "source/fundamentals/roc-pr-calibration.md": "\n:::{question}",  # a bibliography, figures
    "source/reference/glossary.md": "\n:::{glossary}",  # its terms are the search index's index entries
}


def sphinx_html(project: Path, out: Path) -> str:
    result = subprocess.run(
        [str(PROJECT / ".venv" / "bin" / "sphinx-build"), "-b", "html", "-c", ".", "-j", "auto",
         "-W", "--keep-going", "-n", "-d", str(out / "doctrees"), "source", str(out / "html")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return result.stdout


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".buildinfo"}


def copy_of_the_project(target: Path) -> Path:
    """The project's files as git sees them (committed or not, never ignored ones such as _build)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        if (PROJECT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, target / name)
    return target


def test_a_rebuilt_site_is_the_same_as_a_fresh_one(tmp_path):
    project = copy_of_the_project(tmp_path / "project")
    rebuilt = tmp_path / "rebuilt"
    sphinx_html(project, rebuilt)
    parent = rebuilt / "html" / "fundamentals" / "index.html"
    parent_written = parent.stat().st_mtime_ns

    for name, anchor in EDITS.items():
        page = project / name
        text = page.read_text(encoding="utf-8")
        assert anchor in text, f"{name} no longer has {anchor!r}; choose another place to edit"
        page.write_text(text.replace(anchor, f"\n{ADDED}\n{anchor}", 1), encoding="utf-8")
    log = sphinx_html(project, rebuilt)
    assert "0 added, 2 changed, 0 removed" in log, log[-3000:]

    fresh = tmp_path / "fresh"
    sphinx_html(project, fresh)
    after_edit, from_scratch = files(rebuilt / "html"), files(fresh / "html")
    assert sorted(after_edit) == sorted(from_scratch)
    differing = [name for name in from_scratch if after_edit[name] != from_scratch[name]]
    assert not differing, differing
    assert ADDED.encode() in from_scratch["fundamentals/roc-pr-calibration.html"]
    # the edit changed no title or heading, so the page that lists it was not written again
    assert parent.stat().st_mtime_ns == parent_written
