"""Sphinx extension of the ML interview guide: questions with collapsible answers.

Directives: ``question`` (a question, its metadata and its answer) and
``questionindex`` (every question of the guide, grouped by tag, difficulty,
role or company). The HTML build also writes ``questions.json``.
Modelled on ``sphinx.ext.todo``: nodes with per-builder visitors, a domain
holding plain records per document, parallel read and write safe.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.errors import ConfigError

from . import mathml, rebuilds, sitemap
from . import nodes as question_nodes
from .directives import QuestionDirective, QuestionIndexDirective
from .domain import QuestionDomain
from .outputs import indexes_to_rewrite, note_changes, process_doctree, write_questions_json
from .pages import prepare_page
from .transforms import EpubOpenDropdowns
from .vocabulary import VocabularyError, load_vocabulary

__version__ = "1.0.0"
HERE = Path(__file__).parent


def load_vocabulary_for(app) -> None:
    """builder-inited: read the controlled vocabulary once per build."""
    path = Path(app.confdir, app.config.guide_vocabulary)
    try:
        app.env.guide_vocabulary = load_vocabulary(path)
    except VocabularyError as exc:
        raise ConfigError(str(exc)) from exc


def add_static_path(app, config) -> None:
    """config-inited: serve questions.css and questions.js from the package's static/.

    Added while the configuration is read (as sphinx.ext.graphviz does), so the
    stored configuration is the same from one build to the next.
    """
    config.html_static_path.append(str(HERE / "static"))


def write_latex_style(app, exception) -> None:
    if exception is None and app.builder.format == "latex":
        shutil.copy(HERE / "guidequestions.sty", app.builder.outdir)


def setup(app):
    app.add_config_value("guide_vocabulary", "vocabulary.yml", "env", types=frozenset({str}))
    app.add_config_value("guide_content_security_policy", "", "html", types=frozenset({str}))
    question_nodes.register(app)
    mathml.register(app)
    app.add_directive("question", QuestionDirective)
    app.add_directive("questionindex", QuestionIndexDirective)
    app.add_domain(QuestionDomain)
    app.add_post_transform(EpubOpenDropdowns)
    app.connect("builder-inited", load_vocabulary_for)
    rebuilds.register(app)
    sitemap.register(app)
    app.connect("config-inited", add_static_path)
    app.connect("env-get-outdated", note_changes)
    app.connect("env-updated", indexes_to_rewrite)
    app.connect("doctree-resolved", process_doctree)
    app.connect("build-finished", write_questions_json)
    app.connect("html-page-context", prepare_page, priority=900)
    app.connect("build-finished", write_latex_style)
    app.add_css_file("questions.css")
    app.add_js_file("questions.js", defer="defer")
    app.add_latex_package("guidequestions")
    return {"version": __version__, "env_version": 1,
            "parallel_read_safe": True, "parallel_write_safe": True}
