"""Shared fixtures: Sphinx's own testing fixtures (test roots in tests/roots/), and
the whole guide built once per session the way a reader gets it (`make html`, ...)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "_build" / "test"  # every session builds from scratch here
NAME = "ml-interview-guide"


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
            (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
            (srcdir / name).write_text(text, encoding="utf-8")
        return make_app(buildername, srcdir=srcdir, **kwargs)

    return make


def make(target: str, build: Path = OUT) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", target, f"BUILD={build}"],
                          cwd=PROJECT, capture_output=True, text=True)


def assert_clean(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "WARNING" not in output and "ERROR" not in output, output[-4000:]


@pytest.fixture(scope="session")
def builds():
    """Run a make target once per session into _build/test (cleaned first)."""
    shutil.rmtree(OUT, ignore_errors=True)
    done: dict[str, subprocess.CompletedProcess] = {}

    def build(target: str) -> subprocess.CompletedProcess:
        if target not in done:
            done[target] = make(target)
        return done[target]

    return build


@pytest.fixture(scope="session")
def pages(html):
    """Every page of the website, parsed, by its path under the output directory."""
    from bs4 import BeautifulSoup

    return {str(p.relative_to(html)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in html.rglob("*.html") if "_static" not in p.parts}


@pytest.fixture(scope="session")
def html(builds) -> Path:
    assert_clean(builds("html"))
    return OUT / "html"


@pytest.fixture(scope="session")
def questions(html) -> list[dict]:
    return json.loads((html / "questions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def served(html) -> str:
    """The built site on a local HTTP server; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
