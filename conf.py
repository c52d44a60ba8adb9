"""Sphinx configuration of the ML interview guide (HTML, PDF and EPUB from one source).

Build from the project root: sphinx-build -c . source _build/<format>
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))

# -- Project -------------------------------------------------------------------
project = "The Open ML Interview Guide"
author = "The ML Interview Guide contributors"
copyright = "2026, The ML Interview Guide contributors. Content CC BY 4.0, code MIT"
version = "0.1"
release = "0.1.0"
REPOSITORY = os.environ.get("GUIDE_REPOSITORY", "https://github.com/ml-interview-guide/ml-interview-guide")
BRANCH = "main"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinxcontrib.bibtex",
    "guide_questions.bibliography",  # sphinxcontrib-bibtex, formatting the entries only when they change
    "sphinx.ext.imgmath",
    "sphinx.ext.graphviz",
    "guide_questions.figures",  # figures drawn by scripts; matplotlib imported only to draw a new one
    "sphinxext.opengraph",
    "guide_questions",
]
exclude_patterns = ["**/README.md", "**/*.part"]
templates_path = ["_templates"]
nitpicky = True
language = "en"
today_fmt = "%Y-%m-%d"

# -- MyST ------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "dollarmath", "amsmath", "deflist", "attrs_inline"]
myst_heading_anchors = 3
myst_links_external_new_tab = False

# -- Math: rendered at build time, no JavaScript, no other host ----------------
# HTML: native MathML (see _ext/guide_questions/mathml.py); EPUB: SVG images,
# which every e-reader shows; PDF: LaTeX itself.
html_math_renderer = "mathml"
epub_math_renderer = "imgmath"
imgmath_image_format = "svg"
imgmath_font_size = 14
imgmath_use_preview = True
imgmath_embed = True
imgmath_latex_preamble = r"\usepackage{amsmath,amssymb,bm}"

# -- HTML (furo) -----------------------------------------------------------------
html_theme = "furo"
html_title = project
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_js_files = [("landmarks.js", {"defer": "defer"})]
html_baseurl = os.environ.get("GUIDE_BASEURL", "https://ml-interview-guide.github.io/ml-interview-guide/")
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False  # no third-party links in the footer
# Everything comes from the site itself. The hash allows furo's one inline
# script (it applies the saved light/dark choice); tests load pages under it.
guide_content_security_policy = (
    "default-src 'self'; "
    "script-src 'self' 'sha256-ySvT2PEZeueHGC1y2crNuNTfphBynFPP7i+U21fEgX0='; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
html_theme_options = {
    "source_repository": REPOSITORY,
    "source_branch": BRANCH,
    "source_directory": "source/",
    "top_of_page_buttons": ["edit"],
    "navigation_with_keys": True,
}

# -- Extensions: copy button, Open Graph, graphviz ---------------------------------
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
ogp_site_url = html_baseurl
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}  # cards need matplotlib and fonts; a plain description is enough
graphviz_output_format = "svg"

# -- Figures: drawn at build time by the scripts beside the pages ---------------
guide_figure_rcparams = {"svg.fonttype": "none", "svg.hashsalt": "guide", "font.size": 9,
                         "font.family": "DejaVu Sans", "savefig.dpi": 100}

# -- Bibliography ----------------------------------------------------------------
bibtex_bibfiles = ["source/references.bib"]
bibtex_default_style = "guide"  # plain, with titles as written and the annotation (guide_questions.bibliography)
bibtex_tooltips_style = "plain"  # the tooltip on a citation: the reference without the annotation
bibtex_reference_style = "author_year"
bibtex_cite_id = "cite-{bibliography_count}-{key}"  # readable, reproducible anchors (ids must be unique per page)
bibtex_bibliography_id = "bibliography-{bibliography_count}"

# -- The guide's questions (see _ext/guide_questions) ---------------------------
guide_vocabulary = "vocabulary.yml"

# -- LaTeX / PDF -----------------------------------------------------------------
latex_engine = "xelatex"
latex_use_xindy = False
latex_documents = [("index", "ml-interview-guide.tex", project, author, "manual")]
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",
    "fontpkg": r"""
\setmainfont{FreeSerif}
\setsansfont{FreeSans}
\setmonofont{FreeMono}
""",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.5cm,2.5cm}",
    # Code one size down (9 pt in 11 pt text): about 85 characters fit on a line
    # of an A4 page instead of 68, so most code is printed without wrapped lines.
    "fvset": r"\fvset{fontsize=\footnotesize}",
    "printindex": "",
}

# -- EPUB ------------------------------------------------------------------------
epub_basename = "ml-interview-guide"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
# The OPF identifier and the NCX uid must match, and the uid must be an XML name.
epub_identifier = epub_uid = "ml-interview-guide"
epub_scheme = "unknown"
epub_show_urls = "no"
epub_exclude_files = ["search.html", "404.html", ".buildinfo.bak"]


def edit_link_for_contributor_docs(app, pagename, templatename, context, doctree):
    """source/contributing is a link to docs/: edit the file in docs/."""
    if pagename.startswith("contributing/"):
        name = pagename.split("/", 1)[1]
        context["theme_source_edit_link"] = f"{REPOSITORY}/edit/{BRANCH}/docs/{name}.md"


def setup(app):
    app.connect("html-page-context", edit_link_for_contributor_docs)
