"""The record of the seed rows read by hand (docs/seed-coverage.tsv) stays true to the guide.

seed_coverage.py lists the checklist rows it cannot match to a question; each
listed row was read beside the guide and recorded as covered (by the named
questions) or later (a subject of another part of the guide, by round).
"""

from __future__ import annotations

import csv
import re

import pytest

from conftest import PROJECT
from guide_questions.vocabulary import load_vocabulary

RECORD = PROJECT / "docs" / "seed-coverage.tsv"
CHECKLIST = PROJECT.parent / "shared" / "seeds" / "checklist.tsv"
LABEL = re.compile(r"^:label:\s*(\S+)\s*$", re.MULTILINE)


def record() -> list[dict[str, str]]:
    with RECORD.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == ["row", "verdict", "where", "note"], reader.fieldnames
        return list(reader)


def question_labels() -> set[str]:
    return {label for page in (PROJECT / "source").rglob("*.md")
            for label in LABEL.findall(page.read_text(encoding="utf-8"))}


def test_each_row_is_recorded_once_with_a_known_verdict():
    rows = record()
    ids = [row["row"] for row in rows]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    bad = [row for row in rows if not re.fullmatch(r"s\d{3}", row["row"]) or row["verdict"] not in {"covered", "later"}]
    assert not bad, bad


def test_covered_rows_name_questions_that_exist():
    labels = question_labels()
    missing = {(row["row"], label) for row in record() if row["verdict"] == "covered"
               for label in row["where"].split(",") if label not in labels}
    assert not missing, sorted(missing)


def test_later_rows_name_another_round():
    rounds = set(load_vocabulary(PROJECT / "vocabulary.yml").rounds) - {"fundamentals", "general"}
    bad = [(row["row"], row["where"]) for row in record() if row["verdict"] == "later" and row["where"] not in rounds]
    assert not bad, bad


@pytest.mark.skipif(not CHECKLIST.exists(), reason="the seed documents (../shared) are not beside this clone")
def test_rows_are_checklist_rows():
    with CHECKLIST.open(encoding="utf-8", newline="") as handle:
        known = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    unknown = [row["row"] for row in record() if row["row"] not in known]
    assert not unknown, unknown
