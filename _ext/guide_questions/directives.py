"""The ``question`` and ``questionindex`` directives."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .nodes import question, question_answer, question_hint, question_index, question_meta, question_title
from .vocabulary import KEY

logger = logging.getLogger(__name__)

INDEX_KINDS = {"tag": "tags", "difficulty": "difficulties", "role": "roles", "company": "companies"}


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class QuestionDirective(SphinxDirective):
    """A question (the argument) and its answer (the content)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "label": directives.unchanged,
        "difficulty": directives.unchanged,
        "tags": directives.unchanged,
        "roles": directives.unchanged,
        "asked-at": directives.unchanged,
        "hint": directives.unchanged,
    }

    def problem(self, message: str) -> list[nodes.Node]:
        logger.warning(message, location=self.get_location(), type="question", subtype="invalid")
        return []

    def run(self) -> list[nodes.Node]:
        vocabulary = self.env.guide_vocabulary
        self.env.note_dependency(vocabulary.path)
        text = " ".join(self.arguments).strip()
        label = self.options.get("label", "").strip()
        where = f"question {label!r}" if label else "question"
        if not text:
            return self.problem(f"{where} has no question text")
        if not label:
            return self.problem(f"question {text!r} has no :label:")
        if not KEY.match(label):
            return self.problem(
                f"question label {label!r} must be lowercase letters and digits joined by hyphens")
        if not "\n".join(self.content).strip():
            return self.problem(f"{where} has an empty answer")

        difficulty = self.options.get("difficulty", "").strip()
        values = {
            "difficulties": [difficulty] if difficulty else [],
            "tags": split_list(self.options.get("tags", "")),
            "roles": split_list(self.options.get("roles", "")),
            "companies": split_list(self.options.get("asked-at", "")),
        }
        required = {"difficulties": ":difficulty:", "tags": ":tags:", "roles": ":roles:"}
        singular = {"difficulties": "difficulty", "tags": "tag", "roles": "role", "companies": "company"}
        for section, option in required.items():
            if not values[section]:
                return self.problem(f"{where} has no {option}")
        for section, items in values.items():
            allowed = vocabulary.section(section)
            unknown = [item for item in items if item not in allowed]
            if unknown:
                return self.problem(
                    f"{where}: unknown {singular[section]}"
                    f" {', '.join(map(repr, unknown))} (allowed: {', '.join(allowed)};"
                    f" add new values to {vocabulary.path})")

        node = question(
            "", difficulty=difficulty, tags=values["tags"], roles=values["roles"],
            companies=values["companies"], docname=self.env.docname)
        self.set_source_info(node)
        node["names"].append(label)
        self.state.document.note_explicit_target(node, node)
        if node["ids"] != [label]:  # docutils re-spells ids it finds invalid or taken
            return self.problem(f"question label {label!r} clashes with another target on this page")

        title_nodes, messages = self.parse_inline(text, lineno=self.lineno)
        node += question_title(text, "", *title_nodes)
        node += self.meta(vocabulary, difficulty, values)
        hint = self.options.get("hint", "").strip()
        if hint:
            hint_nodes, hint_messages = self.parse_inline(hint, lineno=self.lineno)
            node += question_hint("", nodes.paragraph(hint, "", *hint_nodes))
            messages += hint_messages
        answer = question_answer()
        answer += self.parse_content_to_nodes(allow_section_headings=False)
        node += answer
        return [node, *messages]

    @staticmethod
    def meta(vocabulary, difficulty: str, values: dict[str, list[str]]) -> question_meta:
        meta = question_meta()
        chips = [("difficulty", difficulty, vocabulary.difficulties[difficulty])]
        chips += [("tag", tag, vocabulary.tags[tag]) for tag in values["tags"]]
        chips += [("role", role, vocabulary.roles[role]) for role in values["roles"]]
        chips += [("company", company, "Asked at " + vocabulary.companies[company])
                  for company in values["companies"]]
        for i, (kind, key, title) in enumerate(chips):
            if i:
                meta += nodes.inline(" · ", " · ", classes=["chip-sep"])
            meta += nodes.inline(title, title, classes=["chip", f"chip-{kind}", f"chip-{kind}-{key}"],
                                 chip_kind=kind, chip_key=key)
        return meta


class QuestionIndexDirective(SphinxDirective):
    """An index of every question of the guide, grouped by tag, difficulty, role or company."""

    has_content = False
    option_spec = {"by": lambda arg: directives.choice(arg, tuple(INDEX_KINDS))}

    def run(self) -> list[nodes.Node]:
        by = self.options.get("by")
        if by is None:
            logger.warning("questionindex needs :by: (one of %s)", ", ".join(INDEX_KINDS),
                           location=self.get_location(), type="question", subtype="invalid")
            return []
        node = question_index("", by=by, docname=self.env.docname)
        self.set_source_info(node)
        return [node]
