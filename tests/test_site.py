"""The whole guide, built the way a reader gets it: `make html`, `make pdf`, `make epub`.

Each build is a clean one into _build/test/, so every page is read again and
every warning shows (an incremental build only reports the pages it re-reads).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import NAME, OUT, PROJECT, assert_clean

pytestmark = pytest.mark.site


def test_html_builds_without_warnings(html):
    assert (html / "index.html").exists()


def test_questions_json_is_complete_and_matches_the_pages(questions, pages):
    vocabulary = yaml.safe_load((PROJECT / "vocabulary.yml").read_text())
    assert len(questions) >= 8
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    on_pages = defaultdict(list)
    for name, page in pages.items():
        for box in page.select("div.question"):
            on_pages[name].append(box["id"])
    in_json = defaultdict(list)
    for q in questions:
        for field in ("id", "question", "answer", "url", "page", "part", "tags", "difficulty", "roles"):
            assert q.get(field), (q["id"], field)
        url, anchor = q["url"].split("#")
        in_json[url].append(anchor)
        assert anchor == q["id"]
        assert q["difficulty"] in vocabulary["difficulties"]
        assert set(q["tags"]) <= set(vocabulary["tags"]), q["id"]
        assert set(q["roles"]) <= set(vocabulary["roles"]), q["id"]
        assert set(q["companies"]) <= set(vocabulary["companies"]), q["id"]
        box = pages[url].find("div", id=q["id"])
        assert " ".join(box.find("p", class_="question-title").get_text().split()).startswith(
            q["question"][:30].rstrip()), q["id"]
    assert dict(on_pages) == dict(in_json)


def test_every_question_has_a_collapsed_nonempty_answer(pages):
    count = 0
    for name, page in pages.items():
        for box in page.select("div.question"):
            answer = box.find("details", class_="question-answer")
            assert answer is not None and not answer.has_attr("open"), (name, box["id"])
            text = answer.find("div", class_="question-body").get_text(" ", strip=True)
            assert len(text.split()) >= 20, (name, box["id"], text)
            count += 1
    assert count >= 8


def test_question_indexes_list_every_question(questions, pages):
    for index in ("indexes/tags.html", "indexes/difficulty.html", "indexes/roles.html"):
        links = {a["href"].split("/")[-1] for a in pages[index].select(".question-index a")}
        for q in questions:
            assert q["url"].split("/")[-1] in links, (index, q["id"])


def test_references_glossary_and_citations_resolve(pages):
    texts = " ".join(p.get_text(" ") for p in pages.values())
    assert "??" not in texts
    glossary = pages["reference/glossary.html"]
    assert len(glossary.select("dl.glossary dt")) >= 5
    bibliography = pages["reference/bibliography.html"]
    assert len(bibliography.select(".citation, div[role=list] > div, dl.citation > dt")) >= 3


def test_landing_page_links_the_downloads(pages):
    hrefs = {a["href"] for a in pages["index.html"].select("ul.downloads a")}
    assert hrefs == {f"downloads/{NAME}.pdf", f"downloads/{NAME}.epub"}


# --- PDF ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pdf_text(builds) -> str:
    result = builds("pdf")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    pdf = OUT / "latex" / f"{NAME}.pdf"
    assert pdf.exists()
    # Only the text block of each A4 page: the running header (at 35 pt from the top) and footer
    # (at 792 pt) would otherwise split a sentence that runs on to the next page.
    text = subprocess.run(["pdftotext", "-x", "0", "-y", "50", "-W", "596", "-H", "735", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return re.sub(r"-\n", "", text)  # join words hyphenated at a line end


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_pdf_builds_without_warnings(builds, pdf_text):
    result = builds("pdf")
    assert "WARNING" not in result.stdout + result.stderr


def prose_windows(text: str, size: int = 6):
    """Runs of `size` plain words (no math source, no symbols) from the text."""
    run: list[str] = []
    for word in text.split():
        if re.fullmatch(r"[A-Za-z]{2,}[,.;:]?", word):
            run.append(word.strip(",.;:").lower())
            if len(run) >= size:
                yield " ".join(run[-size:])
        else:
            run = []


def test_pdf_prints_every_question_and_answer(questions, pdf_text):
    flat = normal(pdf_text)
    for q in questions:
        assert normal(q["question"])[:40] in flat, q["id"]
        # the answer is printed, not folded away: its first runs of prose are in the PDF
        windows = list(prose_windows(q["answer"]))[:5]
        assert windows and all(w in flat for w in windows), (q["id"], [w for w in windows if w not in flat])
    assert len(re.findall(r"^\s*Answer\s*$", pdf_text, flags=re.M)) >= len(questions)


def test_pdf_has_no_unresolved_references(pdf_text):
    assert "??" not in pdf_text


# --- EPUB --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def epub(builds) -> Path:
    result = builds("epub")  # runs epubcheck --failonwarnings
    assert_clean(result)
    assert "No errors or warnings detected" in result.stdout + result.stderr
    return OUT / "epub" / f"{NAME}.epub"


def test_epub_is_valid_and_prints_answers(epub, questions):
    with zipfile.ZipFile(epub) as book:
        xhtml = {n: book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml")}
        svgs = [n for n in book.namelist() if n.endswith(".svg")]
    joined = "\n".join(xhtml.values())
    assert "<details" not in joined and "<summary" not in joined
    for q in questions:
        assert f'id="{q["id"]}"' in joined, q["id"]
    assert joined.count('class="question-answer-label"') == len(questions)
    # math is an image (no JavaScript in the book)
    assert 'class="math"' in joined and svgs
