"""Doctree nodes of a question and how each builder writes them.

A question is::

    question            (ids/names = the label; difficulty, tags, roles, companies)
      question_title    the question's text
      question_meta     difficulty, tags, roles and companies as chips
      question_hint     optional, collapsed in HTML
      question_answer   the answer, collapsed in HTML

HTML shows the question, its permalink and chips, and puts the hint and the
answer in ``<details>`` elements. EPUB and LaTeX print the answer in full
under a visible "Answer" label: many e-readers do not open ``<details>``.
Each node subclasses a docutils node, so builders without a visitor of their
own (text, man, texinfo) fall back to the generic paragraph/container one.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.nodes import clean_astext


class question(nodes.container):
    """One question with its answer."""


class question_title(nodes.paragraph):
    """The text of the question."""


class question_meta(nodes.paragraph):
    """Difficulty, tags, roles and companies."""


class question_hint(nodes.container):
    """An optional hint, shown before the answer."""


class question_answer(nodes.container):
    """The answer."""


class question_index(nodes.General, nodes.Element):
    """Placeholder for a generated index of questions; filled in at write time."""


def question_text(node: question) -> str:
    """The plain text of a question, used as its cross-reference title."""
    for child in node.children:
        if isinstance(child, question_title):
            return clean_astext(child)
    return ""


def _is_epub(translator) -> bool:
    return translator.builder.name.startswith("epub")


# --- HTML and EPUB -------------------------------------------------------

def html_visit_question(self, node: question) -> None:
    self.body.append(self.starttag(node, "div", CLASS="question"))


def html_depart_question(self, node: question) -> None:
    self.body.append("</div>\n")


def html_visit_question_title(self, node: question_title) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="question-title"))


def html_depart_question_title(self, node: question_title) -> None:
    label = node.parent["ids"][0]
    if not _is_epub(self):
        self.body.append(
            f'<a class="headerlink" href="#{label}" title="Link to this question">#</a>')
    self.body.append("</p>\n")


def html_visit_question_meta(self, node: question_meta) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="question-meta"))


def html_depart_question_meta(self, node: question_meta) -> None:
    self.body.append("</p>\n")


def _html_visit_collapsible(self, node, kind: str, summary: str) -> None:
    if _is_epub(self):
        self.body.append(self.starttag(node, "div", CLASS=f"question-{kind}"))
        self.body.append(f'<p class="question-{kind}-label">{summary}</p>\n')
    else:
        self.body.append(self.starttag(node, "details", CLASS=f"question-{kind}"))
        self.body.append(f"<summary>{summary}</summary>\n")
        self.body.append('<div class="question-body">\n')


def _html_depart_collapsible(self, node) -> None:
    self.body.append("</div>\n" if _is_epub(self) else "</div>\n</details>\n")


def html_visit_question_hint(self, node: question_hint) -> None:
    _html_visit_collapsible(self, node, "hint", "Hint")


def html_visit_question_answer(self, node: question_answer) -> None:
    _html_visit_collapsible(self, node, "answer", "Answer")


# --- LaTeX -----------------------------------------------------------------
# The environments are defined in guidequestions.sty (see latex.py).

def latex_visit_question(self, node: question) -> None:
    self.body.append("\n\\begin{guidequestion}" + self.hypertarget_to(node, anchor=True) + "\n")


def latex_depart_question(self, node: question) -> None:
    self.body.append("\\end{guidequestion}\n")


def latex_visit_question_title(self, node: question_title) -> None:
    self.body.append("\\guidequestiontitle{")


def latex_depart_question_title(self, node: question_title) -> None:
    self.body.append("}\n")


def latex_visit_question_meta(self, node: question_meta) -> None:
    self.body.append("\\guidequestionmeta{")


def latex_depart_question_meta(self, node: question_meta) -> None:
    self.body.append("}\n")


def latex_visit_question_hint(self, node: question_hint) -> None:
    self.body.append("\n\\begin{guidehint}\n")


def latex_depart_question_hint(self, node: question_hint) -> None:
    self.body.append("\n\\end{guidehint}\n")


def latex_visit_question_answer(self, node: question_answer) -> None:
    self.body.append("\n\\begin{guideanswer}\n")


def latex_depart_question_answer(self, node: question_answer) -> None:
    self.body.append("\n\\end{guideanswer}\n")


def register(app) -> None:
    app.add_enumerable_node(
        question, "question", title_getter=question_text,
        html=(html_visit_question, html_depart_question),
        latex=(latex_visit_question, latex_depart_question))
    app.add_node(question_title,
                 html=(html_visit_question_title, html_depart_question_title),
                 latex=(latex_visit_question_title, latex_depart_question_title))
    app.add_node(question_meta,
                 html=(html_visit_question_meta, html_depart_question_meta),
                 latex=(latex_visit_question_meta, latex_depart_question_meta))
    app.add_node(question_hint,
                 html=(html_visit_question_hint, _html_depart_collapsible),
                 latex=(latex_visit_question_hint, latex_depart_question_hint))
    app.add_node(question_answer,
                 html=(html_visit_question_answer, _html_depart_collapsible),
                 latex=(latex_visit_question_answer, latex_depart_question_answer))
    # Replaced by the index at doctree-resolved; never reaches a writer.
    app.add_node(question_index)
