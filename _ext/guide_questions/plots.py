"""Matplotlib's plot directive, imported only when a page draws a figure.

Importing ``matplotlib.sphinxext.plot_directive`` imports pyplot, about
0.4 s that every build would pay, the one-page rebuild included, even when
the edited page has no figure. This extension registers what the real
``setup()`` registers (the ``plot`` directive, its configuration values, its
events, its environment collector and its style sheet) without importing
matplotlib; the first ``plot`` directive read imports the real module and
hands it the work. The configuration values and option names mirror
matplotlib's and ``tests/test_extension.py`` checks that they still do.

It also stands in for sphinxext-opengraph's social-card module, which this
guide turns off (``ogp_social_cards``) but which that extension imports
anyway, and which imports matplotlib too. List this extension before
``sphinxext.opengraph`` in ``conf.py``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from collections import defaultdict
from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util.docutils import SphinxDirective

REAL = "matplotlib.sphinxext.plot_directive"
SOCIAL_CARDS = "sphinxext.opengraph._social_cards"

# name -> default, as matplotlib's setup() registers them
CONFIG = {
    "plot_pre_code": None,
    "plot_include_source": False,
    "plot_html_show_source_link": True,
    "plot_formats": ["png", "hires.png", "pdf"],
    "plot_basedir": None,
    "plot_html_show_formats": True,
    "plot_rcparams": {},
    "plot_apply_rcparams": False,
    "plot_working_directory": None,
    "plot_template": None,
    "plot_srcset": [],
}
# the directive's options; their values are converted by matplotlib's own
# converters when the directive runs
OPTIONS = ("alt", "height", "width", "scale", "align", "class", "filename-prefix", "include-source",
           "show-source-link", "format", "context", "nofigs", "caption", "code-caption")


def real_module(app):
    """Import matplotlib's plot directive and give it what its setup() would have had."""
    module = sys.modules.get(REAL)
    if module is None:
        import matplotlib.sphinxext.plot_directive as module
    if getattr(module.setup, "app", None) is not app:
        module.setup.app = app
        module.setup.config = app.config
        module.setup.confdir = app.confdir
    init_filename_registry(app)
    return module


class PlotDirective(SphinxDirective):
    """``.. plot::``, run by matplotlib's directive."""

    has_content = True
    required_arguments = 0
    optional_arguments = 2
    final_argument_whitespace = False
    option_spec = {name: directives.unchanged for name in OPTIONS}

    def run(self):
        real = real_module(CURRENT["app"]).PlotDirective
        try:
            options = {name: real.option_spec[name](value) for name, value in self.options.items()}
        except (ValueError, TypeError) as exc:
            raise self.error(f"plot: invalid option: {exc}") from exc
        directive = real(self.name, self.arguments, options, self.content, self.lineno,
                         self.content_offset, self.block_text, self.state, self.state_machine)
        return directive.run()


CURRENT = {"app": None}  # the application being built, for the real directive's setup attributes


def init_filename_registry(app) -> None:
    """builder-inited: the registry of image names the real directive keeps on the environment."""
    CURRENT["app"] = app
    env = app.builder.env
    if not hasattr(env, "mpl_plot_image_basenames"):
        env.mpl_plot_image_basenames = defaultdict(set)


class FilenameCollector(EnvironmentCollector):
    """Forgets a page's image names when it is re-read and merges them after a parallel read."""

    def process_doc(self, app, doctree) -> None:
        pass

    def clear_doc(self, app, env, docname) -> None:
        env.mpl_plot_image_basenames.pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        for docname, names in other.mpl_plot_image_basenames.items():
            env.mpl_plot_image_basenames[docname].update(names)


def mark_plot_labels(app, document) -> None:
    """doctree-read: the real handler, when a page has drawn a figure (so the module is loaded)."""
    module = sys.modules.get(REAL)
    if module is not None:
        module.mark_plot_labels(app, document)


def copy_css_file(app, exc) -> None:
    """build-finished: the directive's style sheet, found without importing matplotlib."""
    if exc is None and app.builder.format == "html":
        package = Path(importlib.util.find_spec("matplotlib").origin).parent
        target = Path(app.outdir) / "_static"
        target.mkdir(exist_ok=True)
        shutil.copyfile(package / "mpl-data" / "plot_directive" / "plot_directive.css",
                        target / "plot_directive.css")


def opengraph_without_social_cards() -> None:
    """Stand in for sphinxext-opengraph's social-card module: no cards, and no matplotlib."""
    if SOCIAL_CARDS not in sys.modules:
        stub = types.ModuleType(SOCIAL_CARDS, "No social cards: ogp_social_cards is off.")
        stub.DEFAULT_SOCIAL_CONFIG = {"enable": False}
        stub.create_social_card = None
        sys.modules[SOCIAL_CARDS] = stub


def setup(app):
    opengraph_without_social_cards()
    app.add_directive("plot", PlotDirective)
    for name, default in CONFIG.items():
        app.add_config_value(name, default, "env")
    app.connect("doctree-read", mark_plot_labels)
    app.add_css_file("plot_directive.css")
    app.connect("build-finished", copy_css_file)
    app.connect("builder-inited", init_filename_registry)
    app.add_env_collector(FilenameCollector)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
