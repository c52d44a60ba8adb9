"""The contributor documentation's example question builds as documented."""

from __future__ import annotations

import json
import re

from conftest import PROJECT


def documented_example() -> str:
    text = (PROJECT / "docs" / "adding-questions.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- example-question -->\s*\n(`{3,})markdown\n(.*?)\n\1", text, re.S)
    assert match, "docs/adding-questions.md lost its <!-- example-question --> block"
    return match.group(2)


def test_documented_example_builds(project_with):
    example = documented_example()
    vocabulary = (PROJECT / "vocabulary.yml").read_text(encoding="utf-8")
    app = project_with({
        "vocabulary.yml": vocabulary,
        "index.md": "# Home\n\n```{toctree}\nexample\nfirst\nsecond\nby-tag\nby-company\n```\n",
        "example.md": "# Example\n\n" + example + "\n",
        "first.md": "# First\n", "second.md": "# Second\n",
        "by-tag.md": "# By tag\n", "by-company.md": "# By company\n",
    })
    app.build()
    assert app.warning.getvalue() == "", app.warning.getvalue()
    records = json.loads((app.outdir / "questions.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["example-bias-variance"]
    assert records[0]["answer"]
