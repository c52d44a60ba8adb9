"""Figures drawn at build time by a matplotlib script kept beside the page.

::

    ```{script-figure} figures/roc_staircase.py
    :alt: What the figure shows, for readers who cannot see it.

    The caption.
    ```

The script builds exactly one matplotlib figure and does not save it. The
directive runs it, saves the figure as SVG (website, EPUB) and PDF (LaTeX)
and emits an ordinary figure node whose image URI ends in ``.*``, so each
builder picks its own format the way Sphinx picks any image.

Why not matplotlib's own ``plot`` directive, which this replaced: importing it
imports pyplot (0.3 to 0.4 s), paid on every rebuild of a page with a figure
even when nothing about the figure changed, and its SVG carries a DOCTYPE with
external entities that epubcheck rejects (HTM-003). Here a drawing's file name
holds a hash of the script, the drawing settings and matplotlib's version, so
a figure that is already drawn costs one ``stat`` and matplotlib is imported
only when something has changed. Drawings are kept in a ``figures`` folder
beside the doctree folder, shared by the HTML, LaTeX and EPUB builds.

The module also stands in for sphinxext-opengraph's social-card module, which
this guide turns off (``ogp_social_cards``) but which that extension imports
anyway, and which imports matplotlib too. List this extension before
``sphinxext.opengraph`` in ``conf.py``.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
import traceback
import types
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

SOCIAL_CARDS = "sphinxext.opengraph._social_cards"
FORMATS = ("svg", "pdf")  # SVG for HTML and EPUB, PDF for LaTeX; each builder takes the first it supports
DRAWING_VERSION = "1"  # change when the way figures are saved changes, to draw them all again
# file metadata that would change from one build to the next
METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}


class FigureScriptError(Exception):
    """The script failed or did not draw exactly one figure."""


def drawing_stem(script: Path, rcparams: dict) -> str:
    """The drawing's file name without suffix: the script's name and a hash of what decides the drawing."""
    digest = hashlib.sha256()
    digest.update(script.read_bytes())
    digest.update(repr(sorted(rcparams.items())).encode())
    digest.update(f"{importlib.metadata.version('matplotlib')} {DRAWING_VERSION} {FORMATS}".encode())
    return f"{script.stem}-{digest.hexdigest()[:12]}"


def drawing(target: Path, fmt: str) -> Path:
    """The file of one format of a drawing."""
    return target.with_name(f"{target.name}.{fmt}")


def draw(script: Path, target: Path, rcparams: dict) -> None:
    """Run the script and save its one figure as ``target.<format>`` for each format."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    try:
        with plt.rc_context(rcparams):
            code = compile(script.read_text(encoding="utf-8"), str(script), "exec")
            try:
                exec(code, {"__name__": "__main__", "__file__": str(script)})
            except Exception as exc:
                lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__)
                         if frame.filename == str(script)]
                where = f" at line {lines[-1]}" if lines else ""
                raise FigureScriptError(f"{type(exc).__name__}{where}: {exc}") from exc
            numbers = plt.get_fignums()
            if len(numbers) != 1:
                raise FigureScriptError(f"it drew {len(numbers)} figures; a figure script draws exactly one")
            figure = plt.figure(numbers[0])
            target.parent.mkdir(parents=True, exist_ok=True)
            for fmt in FORMATS:
                partial = target.parent / f".{target.name}.{fmt}.partial"  # not matched by the .* URI
                figure.savefig(partial, format=fmt, metadata=METADATA[fmt])
                if fmt == "svg":
                    without_doctype(partial)
                os.replace(partial, drawing(target, fmt))  # atomic: parallel reads
    finally:
        plt.close("all")


def without_doctype(svg: Path) -> None:
    """Drop the SVG 1.1 DOCTYPE: browsers ignore it and EPUB forbids its external entities."""
    text = svg.read_text(encoding="utf-8")
    start = text.find("<!DOCTYPE")
    if start != -1:
        end = text.index(">", start) + 1
        svg.write_text(text[:start] + text[end:].lstrip("\n"), encoding="utf-8")


class ScriptFigure(SphinxDirective):
    """``script-figure``: a figure drawn by a script, with required alt text and an optional caption."""

    has_content = True
    required_arguments = 1
    option_spec = {
        "alt": directives.unchanged_required,
        "width": directives.length_or_percentage_or_unitless,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        if not self.options.get("alt", "").strip():
            raise self.error("script-figure: give the figure an :alt: text")
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        script = Path(absolute)
        if not script.is_file():
            raise self.error(f"script-figure: no script {relative}")
        self.env.note_dependency(relative)  # editing the script re-reads the page
        rcparams = self.config.guide_figure_rcparams
        target = Path(self.env.doctreedir).parent / "figures" / drawing_stem(script, rcparams)
        if not all(drawing(target, fmt).is_file() for fmt in FORMATS):
            try:
                draw(script, target, rcparams)
            except FigureScriptError as exc:
                raise self.error(f"script-figure: {relative}: {exc}") from exc
        docdir = Path(self.env.doc2path(self.env.docname)).parent
        image = nodes.image(uri=Path(os.path.relpath(target, docdir)).as_posix() + ".*",
                            alt=self.options["alt"], classes=["script-figure"])
        if "width" in self.options:
            image["width"] = self.options["width"]
        figure = nodes.figure("", image)
        self.set_source_info(figure)
        if self.content:
            caption_text = "\n".join(self.content)
            inline, messages = self.parse_inline(caption_text, lineno=self.content_offset + 1)
            caption = nodes.caption(caption_text, "", *inline)
            caption.source, caption.line = self.get_source_info()
            figure += caption
            figure += messages
        self.add_name(figure)
        return [figure]


def opengraph_without_social_cards() -> None:
    """Stand in for sphinxext-opengraph's social-card module: no cards, and no matplotlib."""
    if SOCIAL_CARDS not in sys.modules:
        stub = types.ModuleType(SOCIAL_CARDS, "No social cards: ogp_social_cards is off.")
        stub.DEFAULT_SOCIAL_CONFIG = {"enable": False}
        stub.create_social_card = None
        sys.modules[SOCIAL_CARDS] = stub


def setup(app):
    opengraph_without_social_cards()
    app.add_config_value("guide_figure_rcparams", {}, "env", types=frozenset({dict}))
    app.add_directive("script-figure", ScriptFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
