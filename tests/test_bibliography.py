"""The bibliography: every entry well formed, annotated, classified, unique and shown."""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.database
import pytest
import yaml
from docutils.nodes import make_id

PROJECT = Path(__file__).resolve().parent.parent
BIB = PROJECT / "source" / "references.bib"
VOCABULARY = yaml.safe_load((PROJECT / "vocabulary.yml").read_text(encoding="utf-8"))
CATEGORIES = VOCABULARY["resource-categories"]
ROUNDS = VOCABULARY["rounds"]

# the fields each entry type needs before pybtex's plain style can print it in full
REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "book": ("title", "publisher", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "misc": ("title",),
}
EXAMPLE_KEYS = {"vaswani2017attention"}  # the worked example of docs/adding-questions.md
CITE = re.compile(r"\{(?:cite|cite:p|cite:t|cite:ps|cite:ts|cite:alp|cite:year|footcite)\}`([^`]+)`")


@pytest.fixture(scope="module")
def entries():
    return pybtex.database.parse_file(str(BIB), "bibtex").entries  # strict: a duplicate key is an error


def keywords(entry) -> list[str]:
    return [k.strip() for k in entry.fields.get("keywords", "").split(",") if k.strip()]


def test_every_entry_has_the_fields_its_type_needs(entries):
    problems = []
    for key, entry in entries.items():
        needed = REQUIRED.get(entry.type)
        if needed is None:
            problems.append(f"{key}: entry type @{entry.type} is not one the guide uses ({', '.join(REQUIRED)})")
            continue
        for name in needed:
            if name == "author" and entry.persons.get("author"):
                continue
            if name not in entry.fields and not (name == "author" and entry.persons.get("editor")):
                problems.append(f"{key}: @{entry.type} needs {name}")
        if entry.type == "book" and not (entry.persons.get("author") or entry.persons.get("editor")):
            problems.append(f"{key}: @book needs an author or an editor")
        if entry.type == "misc" and not {"url", "eprint"} & set(entry.fields):
            problems.append(f"{key}: @misc (a website, course, talk or preprint) needs its url")
    assert not problems, "\n".join(problems)


def test_every_entry_is_annotated_and_classified(entries):
    problems = []
    for key, entry in entries.items():
        annote = " ".join(entry.fields.get("annote", "").split())
        if len(annote) < 40:
            problems.append(f"{key}: needs an annote of a sentence or two (has {len(annote)} characters)")
        words = keywords(entry)
        if not words or words[0] not in CATEGORIES:
            problems.append(f"{key}: keywords must start with one category of {sorted(CATEGORIES)}: {words}")
            continue
        rounds = words[1:]
        unknown = [w for w in rounds if w not in ROUNDS]
        if unknown or not rounds:
            problems.append(f"{key}: after the category, keywords must name rounds of {sorted(ROUNDS)}: {words}")
    assert not problems, "\n".join(problems)


def test_no_two_entries_share_an_address(entries):
    seen: dict[str, str] = {}
    problems = []
    for key, entry in entries.items():
        for name in ("url", "alturl", "doi"):
            if name in entry.fields:
                address = entry.fields[name].strip().lower().rstrip("/")
                address = re.sub(r"^https?://(www\.)?(dx\.)?(doi\.org/)?", "", address)
                if address in seen and seen[address] != key:
                    problems.append(f"{key} and {seen[address]} share {name} {entry.fields[name]}")
                seen[address] = key
        if "url" in entry.fields and not entry.fields["url"].startswith("https://") \
                and not entry.fields["url"].startswith("http://"):
            problems.append(f"{key}: url must be an absolute http(s) address")
    assert not problems, "\n".join(problems)


def test_every_cited_key_exists(entries):
    missing = []
    for page in sorted((PROJECT / "source").rglob("*.md")) + sorted((PROJECT / "docs").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for group in CITE.findall(line):
                for key in (k.strip() for k in group.split(",")):
                    if key not in entries and key not in EXAMPLE_KEYS:
                        missing.append(f"{page.relative_to(PROJECT)}:{number}: {key}")
    assert not missing, "\n".join(missing)


@pytest.mark.site
def test_every_entry_is_listed_under_its_category_and_rounds(entries, pages):
    """The bibliography lists each entry once, in its category's section; the rounds page under each round."""
    by_category = pages["reference/bibliography.html"]
    by_round = pages["reference/resources-by-round.html"]
    problems = []
    for key, entry in entries.items():
        words = keywords(entry)
        listed = by_category.find_all(id=re.compile(rf"^cite-\d+-{re.escape(make_id(key))}$"))
        if len(listed) != 1 or listed[0].find_parent("section").get("id") != make_id(CATEGORIES[words[0]]):
            problems.append(f"{key}: not listed once, in the bibliography's section for {words[0]}")
        elif len(listed[0].get_text(" ", strip=True)) < len(entry.fields["title"]) + 40:
            problems.append(f"{key}: listed without its reference and annotation")
        for round_ in words[1:]:
            item = by_round.find(id=re.compile(rf"^cite-\d+-{re.escape(make_id(f'{round_}-{key}'))}$"))
            if item is None or item.find_parent("section").get("id") != make_id(ROUNDS[round_]):
                problems.append(f"{key}: not listed under the round {round_}")
    assert not problems, "\n".join(problems[:40])

