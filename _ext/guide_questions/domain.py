"""Domain data: every question of the guide, one plain record per question.

Records are plain dicts (picklable, cheap to merge after a parallel read),
kept per document like ``sphinx.ext.todo`` keeps its todos.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util import logging

from .nodes import question, question_answer, question_hint, question_index, question_text

logger = logging.getLogger(__name__)

REF = "\ue000{}\ue001"  # stands for a {ref} whose link text is only known once all pages are read


def plain_text(node: nodes.Element) -> str:
    """The text of ``node`` with un-titled references marked for later resolution."""
    node = node.deepcopy()
    for xref in list(node.findall(addnodes.pending_xref)):
        if xref.get("reftype") == "ref" and not xref.get("refexplicit"):
            xref.replace_self(nodes.Text(REF.format(xref["reftarget"])))
    return " ".join(node.astext().split())


class QuestionDomain(Domain):
    name = "question"
    label = "Questions"
    initial_data: dict[str, Any] = {"questions": {}, "indexes": {}}
    data_version = 1

    @property
    def questions(self) -> dict[str, list[dict[str, Any]]]:
        """docname -> the records of its questions, in page order."""
        return self.data.setdefault("questions", {})

    @property
    def indexes(self) -> dict[str, list[str]]:
        """docname -> the kinds of question index the page holds."""
        return self.data.setdefault("indexes", {})

    def clear_doc(self, docname: str) -> None:
        self.questions.pop(docname, None)
        self.indexes.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["questions"]:
                self._check_duplicates(otherdata["questions"][docname])
                self.questions[docname] = otherdata["questions"][docname]
            if docname in otherdata["indexes"]:
                self.indexes[docname] = otherdata["indexes"][docname]

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        records = []
        for node in document.findall(question):
            answer = next(node.findall(question_answer))
            hint = next(node.findall(question_hint), None)
            records.append({
                "id": node["ids"][0],
                "question": question_text(node),
                "answer": plain_text(answer),
                "hint": plain_text(hint) if hint is not None else "",
                "difficulty": node["difficulty"],
                "tags": list(node["tags"]),
                "roles": list(node["roles"]),
                "companies": list(node["companies"]),
                "docname": docname,
                "source": node.source,
                "line": node.line,
            })
        self._check_duplicates(records)
        if records:
            self.questions[docname] = records
        kinds = [node["by"] for node in document.findall(question_index)]
        if kinds:
            self.indexes[docname] = kinds

    def _check_duplicates(self, records: list[dict[str, Any]]) -> None:
        seen = {r["id"]: r for docname, rs in self.questions.items() for r in rs}
        for record in records:
            other = seen.get(record["id"])
            if other is not None and other["docname"] != record["docname"]:
                logger.warning(
                    "duplicate question label %r, also used at %s:%s",
                    record["id"], other["source"], other["line"],
                    location=(record["docname"], record["line"]),
                    type="question", subtype="duplicate")

    def all_questions(self) -> list[dict[str, Any]]:
        return [r for docname in sorted(self.questions) for r in self.questions[docname]]

    def index_page(self, kind: str) -> str | None:
        """The page holding the index of questions by ``kind``, if any."""
        pages = [docname for docname, kinds in sorted(self.indexes.items()) if kind in kinds]
        return pages[0] if pages else None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []  # questions are referenced through the std domain's {ref}
