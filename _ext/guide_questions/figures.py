"""EPUB figures from matplotlib's plot directive.

The directive writes SVG with a DOCTYPE that declares external entities,
which epubcheck rejects (HTM-003), and it copies its style sheet only after
the book is packed (RSC-007). So the EPUB build draws figures as PNG and its
pages do not link that style sheet; the website keeps SVG.
"""

from __future__ import annotations

from pathlib import PurePosixPath

PLOT_DIRECTIVE = "guide_questions.plots"


def figures_as_png_in_epub(app) -> None:
    """builder-inited."""
    if app.builder.name == "epub" and PLOT_DIRECTIVE in app.extensions:
        app.config.plot_formats = [("png", 150)]


def no_plot_stylesheet_in_epub(app, pagename, templatename, context, doctree) -> None:
    """html-page-context."""
    if app.builder.name == "epub":
        context["css_files"] = [css for css in context["css_files"]
                                if PurePosixPath(str(css.filename)).name != "plot_directive.css"]
