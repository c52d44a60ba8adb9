"""What the build writes from the domain data: the question indexes, the
links from a question's chips to them, and ``questions.json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.nodes import make_refnode

from .directives import INDEX_KINDS
from .domain import QuestionDomain
from .nodes import question_index, question_meta

RECORD_KEY = {"tag": "tags", "difficulty": "difficulty", "role": "roles", "company": "companies"}


def anchor(kind: str, key: str) -> str:
    return f"{kind}-{key}"


def process_doctree(app, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: build the index placeholders and link the chips."""
    domain: QuestionDomain = app.env.domains["question"]
    vocabulary = app.env.guide_vocabulary
    for meta in doctree.findall(question_meta):
        for chip in list(meta.findall(nodes.inline)):
            kind = chip.get("chip_kind")
            target_doc = domain.index_page(kind) if kind else None
            if target_doc is None:
                continue
            ref = make_refnode(app.builder, docname, target_doc, anchor(kind, chip["chip_key"]),
                               nodes.Text(chip.astext()))
            ref["classes"] = list(chip["classes"])
            chip.replace_self(ref)
    for placeholder in list(doctree.findall(question_index)):
        placeholder.replace_self(build_index(app, domain, vocabulary, placeholder["by"], docname))


def reading_order(env) -> list[str]:
    """Documents in the order a reader meets them in the table of contents."""
    order, seen = [], set()

    def visit(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(env.config.root_doc)
    order += sorted(set(env.found_docs) - seen)
    return order


def ordered_questions(env) -> list[dict]:
    domain: QuestionDomain = env.domains["question"]
    return [r for docname in reading_order(env) for r in domain.questions.get(docname, [])]


def build_index(app, domain, vocabulary, kind: str, docname: str) -> list[nodes.Node]:
    section = vocabulary.section(INDEX_KINDS[kind])
    key = RECORD_KEY[kind]
    records = ordered_questions(app.env)
    result: list[nodes.Node] = []
    for value, title in section.items():
        matching = [r for r in records
                    if (r[key] == value if isinstance(r[key], str) else value in r[key])]
        if not matching:
            continue
        rubric = nodes.rubric(title, f"{title} ({len(matching)})", ids=[anchor(kind, value)],
                              classes=["question-index-heading"])
        items = nodes.bullet_list(classes=["question-index"])
        for record in matching:
            para = nodes.paragraph()
            para += make_refnode(app.builder, docname, record["docname"], record["id"],
                                 nodes.Text(record["question"]))
            page_title = app.env.titles.get(record["docname"])
            if page_title is not None:
                para += nodes.inline("", f" ({page_title.astext()})", classes=["question-index-page"])
            items += nodes.list_item("", para)
        result += [rubric, items]
    if not result:
        result.append(nodes.paragraph("", "No questions yet."))
    return result


INDEXED = ("id", "question", "difficulty", "tags", "roles", "companies")


def index_signature(env) -> list:
    """What the index pages show: each question's indexed fields and its page's title."""
    domain: QuestionDomain = env.domains["question"]
    signature = []
    for docname in sorted(domain.questions):
        title = env.titles.get(docname)
        signature.append((docname, title.astext() if title is not None else "",
                          [tuple(map(str, (r[k] for k in INDEXED))) for r in domain.questions[docname]]))
    return signature


def note_changes(app, env, added, changed, removed) -> list[str]:
    """env-get-outdated: remember what the index pages showed before this build reads anything."""
    env.guide_pages_added_or_removed = bool(added or removed)
    env.guide_index_before = index_signature(env)
    return []


def indexes_to_rewrite(app, env) -> list[str]:
    """env-updated: rewrite the index pages when what they show has changed.

    They are only rewritten, not read again: their lists are built at write
    time (doctree-resolved) from the domain data, which is already up to date.
    An edit that changes only answers leaves them alone.
    """
    if (getattr(env, "guide_pages_added_or_removed", True)
            or getattr(env, "guide_index_before", None) != index_signature(env)):
        return sorted(env.domains["question"].indexes)
    return []


def resolve_refs(text: str, env) -> str:
    labels = env.domains["std"].labels
    return re.sub("\ue000(.*?)\ue001",
                  lambda m: labels.get(m.group(1), (None, None, m.group(1)))[2] or m.group(1), text)


def part_title(env, docname: str) -> str:
    """The title of the part (top-level folder) a page belongs to."""
    if "/" not in docname:
        return ""
    index = docname.split("/", 1)[0] + "/index"
    title = env.titles.get(index)
    return title.astext() if title is not None else ""


def question_records(app) -> list[dict]:
    env = app.env
    builder = app.builder
    out = []
    for record in ordered_questions(env):
        title = env.titles.get(record["docname"])
        out.append({
            "id": record["id"],
            "question": record["question"],
            "answer": resolve_refs(record["answer"], env),
            "hint": resolve_refs(record["hint"], env),
            "url": builder.get_target_uri(record["docname"]) + "#" + record["id"],
            "page": record["docname"],
            "page_title": title.astext() if title is not None else "",
            "part": part_title(env, record["docname"]),
            "difficulty": record["difficulty"],
            "tags": record["tags"],
            "roles": record["roles"],
            "companies": record["companies"],
        })
    return out


def write_questions_json(app, exception) -> None:
    """build-finished: write questions.json at the root of the HTML output."""
    if exception is not None or app.builder.name not in {"html", "dirhtml"}:
        return
    path = Path(app.builder.outdir, "questions.json")
    path.write_text(json.dumps(question_records(app), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
