"""The website's HTML, checked offline: validity (Nu HTML checker), every
internal link and anchor, external links, third-party content, and
reproducibility of two clean builds."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import NAME, OUT, PROJECT, assert_clean, make

pytestmark = pytest.mark.site
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if "_static" not in p.parts)


def test_nu_html_checker_reports_no_error(html):
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(html)],
                            capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


@pytest.fixture(scope="session")
def site_with_downloads(html, builds) -> Path:
    """The site as published: `make all` puts the PDF and EPUB under downloads/."""
    for target in ("pdf", "epub"):
        assert builds(target).returncode == 0
    downloads = html / "downloads"
    downloads.mkdir(exist_ok=True)
    shutil.copy(OUT / "latex" / f"{NAME}.pdf", downloads)
    shutil.copy(OUT / "epub" / f"{NAME}.epub", downloads)
    return html


def test_every_internal_link_and_anchor_resolves(site_with_downloads):
    root = site_with_downloads
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {tag["id"] for tag in page.find_all(id=True)} | {
                tag["name"] for tag in page.find_all("a", attrs={"name": True})}
        return ids[path]

    broken = []
    checked = 0
    for page_path in html_pages(root):
        page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        for tag in page.find_all(["a", "link", "script", "img"]):
            url = tag.get("href") or tag.get("src")
            if not url or tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external: see the scheduled link check
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page_path.relative_to(root)}: {url} (no file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{page_path.relative_to(root)}: {url} (no anchor)")
    assert checked > 500
    assert broken == [], "\n".join(broken[:50])


def test_external_links_open_safely_and_nothing_comes_from_another_host(html):
    for page_path in html_pages(html):
        page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
        for a in page.find_all("a", href=re.compile(r"^(https?:)?//")):
            assert "noopener" in (a.get("rel") or []), f"{page_path.name}: {a}"
        for tag in page.find_all(["script", "img", "iframe", "video", "audio", "source"], src=True):
            assert not re.match(r"^(https?:)?//", tag["src"]), f"{page_path.name}: {tag}"
        for link in page.find_all("link", href=re.compile(r"^(https?:)?//")):
            assert set(link.get("rel") or []) <= {"canonical"}, f"{page_path.name}: {link}"
    css = " ".join(p.read_text(encoding="utf-8") for p in (html / "_static").rglob("*.css"))
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), "a style sheet loads from another host"
    assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", css)


def page_text(path: Path) -> str:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = page.find("article") or page
    return " ".join(article.get_text(" ").split())


def test_two_clean_builds_are_identical(html, tmp_path):
    again = tmp_path / "again"
    assert_clean(make("html", build=again))
    assert filecmp.cmp(html / "questions.json", again / "html" / "questions.json", shallow=False)
    first, second = html_pages(html), html_pages(again / "html")
    assert [p.relative_to(html) for p in first] == [p.relative_to(again / "html") for p in second]
    for a, b in zip(first, second, strict=True):
        assert page_text(a) == page_text(b), a.relative_to(html)
