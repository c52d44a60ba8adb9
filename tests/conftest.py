"""Shared fixtures: Sphinx's own testing fixtures, with the test roots in tests/roots/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def project_with(tmp_path, make_app):
    """Copy a test root, add or replace pages, and return a Sphinx app for it."""

    def make(pages: dict[str, str], buildername: str = "html", root: str = "questions", **kwargs):
        srcdir = tmp_path / "src"
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        for name, text in pages.items():
            (srcdir / name).write_text(text, encoding="utf-8")
        return make_app(buildername, srcdir=srcdir, **kwargs)

    return make
