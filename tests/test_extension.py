"""The guide_questions extension, built on minimal test roots (tests/roots/)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOTS


def root_conf_with(*extensions: str) -> str:
    """The test root's conf.py with more extensions after guide_questions."""
    conf = (ROOTS / "test-questions" / "conf.py").read_text(encoding="utf-8")
    return conf.replace('"guide_questions"]', ", ".join(['"guide_questions"', *(f'"{e}"' for e in extensions)]) + "]")


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def no_warnings(app) -> None:
    assert app.warning.getvalue() == "", app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="questions")
def test_html_question_structure(app):
    app.build()
    no_warnings(app)
    page = soup(app, "first.html")
    box = page.find("div", class_="question", id="two-plus-two")
    assert box is not None
    title = box.find("p", class_="question-title")
    assert "What is" in title.get_text()
    assert title.find("math")["alttext"] == "2 + 2"  # math in the question text, as MathML
    assert title.find("a", class_="headerlink")["href"] == "#two-plus-two"
    chips = [c.get_text() for c in box.select(".question-meta .chip")]
    assert chips == ["Easy", "Statistics", "Data scientist", "ML engineer", "Asked at Acme"]
    # chips for tags and companies link to the index pages' anchors
    assert box.select_one(".chip-tag")["href"] == "by-tag.html#tag-stats"
    assert box.select_one(".chip-company")["href"] == "by-company.html#company-acme"
    hint, answer = box.find_all("details")
    assert "question-hint" in hint["class"] and not hint.has_attr("open")
    assert hint.summary.get_text() == "Hint"
    assert "question-answer" in answer["class"] and not answer.has_attr("open")
    assert answer.summary.get_text() == "Answer"
    assert "It is four." in answer.get_text()


@pytest.mark.sphinx("html", testroot="questions")
def test_reference_shows_question_text(app):
    app.build()
    link = soup(app, "first.html").find("div", id="two-plus-two").find("a", href="second.html#about-precision")
    assert link.get_text() == "What does precision measure?"
    back = soup(app, "second.html").find("a", href="first.html#two-plus-two")
    assert back.get_text() == "What is 2 + 2?"


@pytest.mark.sphinx("html", testroot="questions")
def test_questions_json(app):
    app.build()
    records = json.loads((app.outdir / "questions.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["two-plus-two", "second-on-first", "about-precision"]
    first = records[0]
    assert first["question"] == "What is 2 + 2?"
    assert first["answer"] == "It is four. See What does precision measure?."
    assert first["hint"] == "Count on your fingers."
    assert first["url"] == "first.html#two-plus-two"
    assert (first["page"], first["page_title"]) == ("first", "First page")
    assert (first["difficulty"], first["tags"], first["roles"], first["companies"]) == (
        "easy", ["stats"], ["ds", "mle"], ["acme"])
    assert records[1]["answer"] == "An answer with display math: a^2 + b^2 = c^2"


@pytest.mark.sphinx("html", testroot="questions")
def test_index_pages_group_questions(app):
    app.build()
    page = soup(app, "by-tag.html")
    headings = [h.get_text() for h in page.select(".question-index-heading")]
    assert headings == ["Metrics (2)", "Statistics (2)"]  # vocabulary order, empty tags left out
    metrics = page.find(id="tag-metrics").find_next_sibling("ul")
    assert [a["href"] for a in metrics.find_all("a")] == [
        "first.html#second-on-first", "second.html#about-precision"]
    company = soup(app, "by-company.html")
    assert [a.get_text() for a in company.select(".question-index a")] == ["What is 2 + 2?"]


@pytest.mark.sphinx("html", testroot="questions", srcdir="edited")
def test_index_follows_an_edited_page(app):
    """An incremental build re-writes the index pages when a question is added."""
    app.build()
    second = app.srcdir / "second.md"
    second.write_text(second.read_text() + """
:::{question} Added later?
:label: added-later
:difficulty: easy
:tags: metrics
:roles: ds

Yes.
:::
""")
    app.build()
    texts = [a.get_text() for a in soup(app, "by-tag.html").select(".question-index a")]
    assert "Added later?" in texts


@pytest.mark.sphinx("latex", testroot="questions")
def test_latex_prints_answers(app):
    app.build()
    no_warnings(app)
    tex = (app.outdir / "test.tex").read_text(encoding="utf-8")
    assert r"\usepackage{guidequestions}" in tex
    assert (app.outdir / "guidequestions.sty").exists()
    assert tex.count(r"\begin{guidequestion}") == 3
    assert tex.count(r"\begin{guideanswer}") == 3
    assert r"\begin{guidehint}" in tex
    assert r"\label{\detokenize{first:two-plus-two}}" in tex
    # a reference to a question links to its label, with the question text
    assert re.search(r"\\hyperref\[\\detokenize\{second:about-precision\}\].*What does precision measure\?", tex)


@pytest.mark.sphinx("epub", testroot="questions")
def test_epub_shows_answers_without_details(app):
    app.build()
    no_warnings(app)
    html = (app.outdir / "first.xhtml").read_text(encoding="utf-8")
    assert "<details" not in html and "<summary" not in html
    page = BeautifulSoup(html, "html.parser")
    answer = page.find("div", id="two-plus-two").find("div", class_="question-answer")
    assert answer.find("p", class_="question-answer-label").get_text() == "Answer"
    assert "It is four." in answer.get_text()
    assert page.find("a", class_="headerlink") is None


@pytest.mark.sphinx("html", testroot="questions", parallel=2, srcdir="parallel")
def test_parallel_build_matches_serial(app, make_app, tmp_path):
    app.build()
    no_warnings(app)
    parallel = json.loads((app.outdir / "questions.json").read_text(encoding="utf-8"))
    serial_app = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "serial")
    serial_app.build()
    serial = json.loads((serial_app.outdir / "questions.json").read_text(encoding="utf-8"))
    assert parallel == serial
    assert len(parallel) == 3


# --- bad input: each fails with a message naming the file and the line ----------

GOOD = """:::{question} A good question?
:label: %s
:difficulty: easy
:tags: metrics
:roles: ds

An answer.
:::
"""


def page_with(body: str) -> dict[str, str]:
    return {"bad.md": "# Bad\n\nSome text.\n\n" + body, "index.md": "# Home\n\n```{toctree}\nfirst\nsecond\nbad\n```\n"}


BAD_INPUT = {
    "no-text": (":::{question}\n:label: x\n:difficulty: easy\n:tags: metrics\n:roles: ds\n\nAn answer.\n:::\n",
                "question 'x' has no question text"),
    "empty-answer": (":::{question} Empty?\n:label: empty\n:difficulty: easy\n:tags: metrics\n:roles: ds\n:::\n",
                     "question 'empty' has an empty answer"),
    "no-label": (":::{question} No label?\n:difficulty: easy\n:tags: metrics\n:roles: ds\n\nA.\n:::\n",
                 "question 'No label?' has no :label:"),
    "bad-label": (GOOD % "Not_A_Label", "question label 'Not_A_Label' must be lowercase"),
    "no-difficulty": (GOOD.replace(":difficulty: easy\n", "") % "nd", "question 'nd' has no :difficulty:"),
    "unknown-difficulty": (GOOD.replace("easy", "trivial") % "ud", "unknown difficulty 'trivial'"),
    "unknown-tag": (GOOD.replace(":tags: metrics", ":tags: metrics, astrology") % "ut", "unknown tag 'astrology'"),
    "unknown-role": (GOOD.replace(":roles: ds", ":roles: wizard") % "ur", "unknown role 'wizard'"),
    "unknown-company": (GOOD.replace(":roles: ds", ":roles: ds\n:asked-at: initech") % "uc",
                        "unknown company 'initech'"),
    "same-page-duplicate": (GOOD % "dup" + "\n" + GOOD % "dup", "question label 'dup' clashes"),
    "cross-page-duplicate": (GOOD % "two-plus-two", "duplicate question label 'two-plus-two', also used at"),
    "broken-reference": (GOOD.replace("An answer.", "See {ref}`no-such-question`.") % "br",
                         "undefined label: 'no-such-question'"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_reported_with_file_and_line(project_with, case):
    body, message = BAD_INPUT[case]
    app = project_with(page_with(body))
    app.build()
    warnings = app.warning.getvalue()
    assert message in warnings, warnings
    line = next(w for w in warnings.splitlines() if message in w)
    assert re.search(r"bad\.md:\d+", line), line
    assert re.search(r"\.md:\d+: (WARNING|ERROR)", line), line


REFERENCES = """@book{hastie2009elements,
  author = {Hastie, Trevor and Tibshirani, Robert and Friedman, Jerome},
  title = {The Elements of Statistical Learning},
  publisher = {Springer},
  year = {2009}
}
"""


def test_unknown_citation_is_reported(project_with):
    conf = root_conf_with("sphinxcontrib.bibtex")
    app = project_with({**page_with("See {cite:p}`nobody2099`.\n"), "refs.bib": REFERENCES,
                        "conf.py": conf + 'bibtex_bibfiles = ["refs.bib"]\n'})
    app.build()
    assert re.search(r"bad\.md:\d+: WARNING: could not find bibtex key \"nobody2099\"",
                     app.warning.getvalue()), app.warning.getvalue()


def test_malformed_vocabulary_stops_the_build(project_with):
    from sphinx.errors import ConfigError

    app_maker = lambda: project_with({"vocabulary.yml": "tags: [metrics]\n"})  # noqa: E731
    with pytest.raises(ConfigError, match=r"vocabulary.yml: section 'tags' must map keys to names"):
        app_maker()


def test_questionindex_needs_by(project_with):
    app = project_with({"by-tag.md": "# By tag\n\n:::{questionindex}\n:::\n"})
    app.build()
    assert re.search(r"by-tag\.md:\d+: WARNING: questionindex needs :by:", app.warning.getvalue())


@pytest.mark.sphinx("epub", testroot="questions")
def test_epub_prints_sphinx_design_dropdowns_open(app):
    app.build()
    no_warnings(app)
    html = (app.outdir / "second.xhtml").read_text(encoding="utf-8")
    assert "<details" not in html and "<svg" not in html
    assert "A sphinx-design dropdown" in html and "Hidden text of the dropdown." in html


@pytest.mark.sphinx("html", testroot="questions")
def test_html_keeps_sphinx_design_dropdowns(app):
    app.build()
    html = (app.outdir / "second.html").read_text(encoding="utf-8")
    assert '<details class="sd-sphinx-override sd-dropdown' in html


@pytest.mark.sphinx("html", testroot="questions", srcdir="math")
def test_html_math_is_mathml_with_an_image_fallback(app):
    page = app.srcdir / "second.md"
    page.write_text(page.read_text() + "\n$$\\cancel{x} + y$$\n\nInline $a \\iff b$ and $\\tfrac{1}{2}$.\n")
    app.build()
    no_warnings(app)
    html = soup(app, "second.html")
    assert html.find("math", attrs={"alttext": r"a \iff b"}) is not None  # rewritten, then converted
    # style attributes sit on <mstyle>, where MathML 3 validators accept them
    half = html.find("math", attrs={"alttext": r"\tfrac{1}{2}"})
    assert half.mstyle["displaystyle"] == "false" and not half.mfrac.attrs
    fallback = html.select_one("div.math img")  # \cancel is not supported by the converter
    assert fallback is not None and fallback["src"].endswith(".svg")
    first = soup(app, "first.html")
    assert first.find("div", class_="math").find("math", attrs={"display": "block"}) is not None
    assert not list(app.outdir.glob("_static/*mathjax*"))


@pytest.mark.sphinx("epub", testroot="questions", srcdir="math-epub")
def test_epub_math_is_svg_images(app):
    app.build()
    html = (app.outdir / "first.xhtml").read_text(encoding="utf-8")
    assert "<math" not in html and 'class="math"' in html
    assert list((app.outdir / "_images" / "math").glob("*.svg")) or "data:image/svg+xml" in html


FIGURE_PAGE = """# Figure

```{script-figure} figures/line.py
:alt: A straight line.

A line, with *emphasis* in its caption.
```
"""
LINE_SCRIPT = """import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1])
"""


def figure_project(project_with, script: str = LINE_SCRIPT, page: str = FIGURE_PAGE, **kwargs):
    return project_with({"conf.py": root_conf_with("guide_questions.figures"), "first.md": page,
                         "figures/line.py": script}, **kwargs)


def test_html_figure_is_svg_with_alt_text_and_caption(project_with):
    app = figure_project(project_with)
    app.build()
    assert "first.md" not in app.warning.getvalue(), app.warning.getvalue()
    figure = soup(app, "first.html").find("figure")
    image = figure.find("img")
    assert image["alt"] == "A straight line." and "script-figure" in image["class"]
    assert image["src"].startswith("_images/line-") and image["src"].endswith(".svg")
    assert figure.find("figcaption").find("em").text == "emphasis"
    svg = (app.outdir / image["src"]).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<!DOCTYPE" not in svg and "<svg" in svg


def test_latex_figure_is_pdf(project_with):
    app = figure_project(project_with, buildername="latex")
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert re.search(r"\\sphinxincludegraphics(\[[^]]*\])?\{\{line-[0-9a-f]{12}\}\.pdf\}", tex), tex[-3000:]
    assert list(app.outdir.glob("line-*.pdf"))


def test_epub_figure_is_svg_without_doctype(project_with):
    app = figure_project(project_with, buildername="epub")
    app.build()
    html = (app.outdir / "first.xhtml").read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]*src="([^"]+)"', html)
    assert len(images) == 1 and images[0].endswith(".svg"), images
    assert "<!DOCTYPE" not in (app.outdir / images[0]).read_text(encoding="utf-8")


def test_figure_is_drawn_again_only_when_its_script_changes(project_with, monkeypatch):
    from sphinx.testing.util import SphinxTestApp

    from guide_questions import figures

    app = figure_project(project_with)
    app.build()
    drawings = sorted(p.name for p in (Path(app.doctreedir).parent / "figures").iterdir())
    assert len(drawings) == 2 and {Path(name).suffix for name in drawings} == {".svg", ".pdf"}

    calls = []
    monkeypatch.setattr(figures, "draw", lambda *args: calls.append(args))
    (app.srcdir / "first.md").write_text(FIGURE_PAGE + "\nEdited.\n", encoding="utf-8")
    again = SphinxTestApp("html", srcdir=app.srcdir, freshenv=False)
    again.build()
    assert "first" in again.env.all_docs and calls == []  # the page was read again, the figure not drawn

    monkeypatch.undo()
    (app.srcdir / "figures" / "line.py").write_text(LINE_SCRIPT + "ax.set_title('Changed')\n", encoding="utf-8")
    changed = SphinxTestApp("html", srcdir=app.srcdir, freshenv=False)
    changed.build()  # editing the script alone re-reads the page, which draws the new version
    image = soup(changed, "first.html").find("img")["src"]
    assert Path(image).stem + ".svg" not in drawings and "Changed" in (changed.outdir / image).read_text()


@pytest.mark.parametrize(("script", "page", "message"), [
    ("import matplotlib.pyplot as plt\n\nplt.plot([0, 1])\nraise ValueError('no data')\n", FIGURE_PAGE,
     r"script-figure: figures/line\.py: ValueError at line 4: no data"),
    ("import matplotlib.pyplot as plt\n\nplt.figure()\nplt.figure()\n", FIGURE_PAGE,
     r"script-figure: figures/line\.py: it drew 2 figures"),
    (LINE_SCRIPT, FIGURE_PAGE.replace("figures/line.py", "figures/missing.py"),
     r"script-figure: no script figures/missing\.py"),
    (LINE_SCRIPT, FIGURE_PAGE.replace(":alt: A straight line.\n", ""), r"script-figure: give the figure an :alt: text"),
])
def test_bad_figure_is_reported_with_page_and_line(project_with, script, page, message):
    app = figure_project(project_with, script=script, page=page)
    app.build()
    assert re.search(r"first\.md:3: ERROR: " + message, app.warning.getvalue()), app.warning.getvalue()


def test_a_build_without_figures_never_imports_matplotlib(tmp_path):
    """Pages without a figure, and sphinxext-opengraph, leave matplotlib unloaded (it costs 0.4 s)."""
    import shutil
    import subprocess
    import sys

    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-questions", src)
    conf = (src / "conf.py").read_text()
    (src / "conf.py").write_text(conf.replace(
        '"guide_questions"]', '"guide_questions", "guide_questions.figures", "sphinxext.opengraph"]')
        + 'ogp_site_url = "https://example.org/"\nogp_social_cards = {"enable": False}\n')
    script = ("import sys; from sphinx.cmd.build import build_main; "
              f"code = build_main(['-q', '-b', 'html', {str(src)!r}, {str(tmp_path / 'out')!r}]); "
              "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOTS.parent.parent / "_ext"), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr
    assert 'property="og:title"' in (tmp_path / "out" / "first.html").read_text(encoding="utf-8")


def test_bibliography_is_formatted_again_only_when_it_changes(project_with, monkeypatch):
    from sphinx.testing.util import SphinxTestApp
    from sphinxcontrib.bibtex.domain import BibtexDomain

    conf = root_conf_with("guide_questions.bibliography")
    pages = {"conf.py": conf + 'bibtex_bibfiles = ["refs.bib"]\n', "refs.bib": REFERENCES,
             "second.md": (ROOTS / "test-questions" / "second.md").read_text(encoding="utf-8")
             + "\nSee {cite:t}`hastie2009elements`.\n\n```{bibliography}\n```\n"}
    app = project_with(pages)
    formatted = []
    original = BibtexDomain.get_formatted_entries

    def counting(self, *args, **kwargs):
        formatted.append(args[0].docname)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BibtexDomain, "get_formatted_entries", counting)
    app.build()
    no_warnings(app)
    assert formatted == ["second"]
    assert "The Elements of Statistical Learning" in (app.outdir / "second.html").read_text(encoding="utf-8")

    def rebuild():
        new = SphinxTestApp("html", srcdir=app.srcdir)
        try:
            new.build()
            return new.outdir
        finally:
            new.cleanup()

    # an edit that changes no citation: the formatted entries are reused
    first = app.srcdir / "first.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    outdir = rebuild()
    assert formatted == ["second"]
    # an edit of the page that holds the bibliography, citing nothing new: still listed, not formatted again
    second = app.srcdir / "second.md"
    second.write_text(second.read_text(encoding="utf-8").replace("```{bibliography}", "Edited.\n\n```{bibliography}"),
                      encoding="utf-8")
    outdir = rebuild()
    assert formatted == ["second"]
    html = (outdir / "second.html").read_text(encoding="utf-8")
    assert "Edited." in html and "The Elements of Statistical Learning" in html  # the entry, not only the citation
    # a new citation: formatted again, and the page shows it
    first.write_text(first.read_text(encoding="utf-8") + "\nSee {cite:p}`hastie2009elements`.\n", encoding="utf-8")
    outdir = rebuild()
    assert formatted == ["second", "second"]
    assert "Hastie" in (outdir / "first.html").read_text(encoding="utf-8")
    # an edited .bib file: formatted again
    bib = app.srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("year = {2009}", "year = {2001}"), encoding="utf-8")
    os.utime(bib, (bib.stat().st_atime + 10, bib.stat().st_mtime + 10))
    outdir = rebuild()
    assert formatted == ["second", "second", "second"]
    assert "2001" in (outdir / "second.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="questions", srcdir="template-cache")
def test_compiled_templates_are_kept_beside_the_doctrees(app):
    app.build()
    cached = list((Path(app.doctreedir) / "templates").glob("__jinja2_*.cache"))
    assert cached, "no compiled template was cached"
    assert app.builder.templates.environment.bytecode_cache.directory == str(Path(app.doctreedir) / "templates")


def test_pybtex_scans_the_entry_points_once(monkeypatch):
    import importlib.metadata

    import pybtex.plugin

    from guide_questions.bibliography import scan_entry_points_once

    calls = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda: calls.append(1) or real())
    monkeypatch.setattr(pybtex.plugin, "entry_points", pybtex.plugin.entry_points)  # restored afterwards
    scan_entry_points_once()
    plain = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")
    assert plain.__name__ == "Style" and pybtex.plugin.find_plugin("pybtex.backends", "html")
    assert len(calls) == 1


def test_a_small_update_is_read_and_written_in_one_process(project_with):
    from sphinx.testing.util import SphinxTestApp

    app = project_with({}, parallel=2)
    app.build()
    first = app.srcdir / "first.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    again = SphinxTestApp("html", srcdir=app.srcdir, freshenv=False, parallel=2)
    again.build()
    assert again.parallel == 1 and not again.builder.parallel_ok
    assert "Edited." in (again.outdir / "first.html").read_text(encoding="utf-8")


def rebuild(srcdir: Path, buildername: str = "html", **kwargs):
    """A second build of a test project, with the environment the first one left."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(buildername, srcdir=srcdir, freshenv=False, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_loaded_environment_is_kept_out_of_garbage_collections(project_with, monkeypatch):
    import gc
    import pickle

    from sphinx.testing.util import SphinxTestApp

    app = project_with({})
    app.build()
    edit(app.srcdir / "first.md", "It is **four**.", "It is **four**, still.")
    collector_while_loading = []
    real_load = pickle.load
    monkeypatch.setattr(pickle, "load", lambda f: collector_while_loading.append(gc.isenabled()) or real_load(f))
    again = SphinxTestApp("html", srcdir=app.srcdir, freshenv=False)
    seen = {}

    def during_the_build(app, env, docnames):
        seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(),
                    env_tracked=any(o is env for o in gc.get_objects()))

    again.connect("env-before-read-docs", during_the_build)
    again.build()
    again.cleanup()
    assert collector_while_loading[0] is False, "the environment (read first) was loaded with the collector on"
    assert seen["enabled"] and seen["frozen"] > 0 and not seen["env_tracked"]
    assert gc.isenabled() and gc.get_freeze_count() == 0, "the build must hand its frozen objects back"


def test_everything_is_frozen_at_exit(tmp_path):
    """A command-line build ends with every object frozen, so the interpreter's exit does not collect them."""
    import shutil
    import subprocess
    import sys

    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-questions", srcdir)
    script = ("import atexit, gc\n"
              "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))  # runs last\n"
              "from sphinx.cmd.build import build_main\n"
              f"code = build_main(['-q', '-b', 'html', {str(srcdir)!r}, {str(tmp_path / 'out')!r}])\n"
              "print('build:', code, 'frozen after the build:', gc.get_freeze_count())\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOTS.parent.parent / "_ext"), "PATH": "/usr/bin:/bin"})
    assert result.stdout.split("\n")[:2] == ["build: 0 frozen after the build: 0", "frozen at exit: True"], \
        result.stdout + result.stderr


def test_a_parent_page_is_written_again_only_when_its_entry_for_the_edited_page_changes(project_with):
    app = project_with({})
    app.build()
    index = app.outdir / "index.html"
    written = index.stat().st_mtime_ns
    edit(app.srcdir / "first.md", "It is **four**.", "It is **four**, as ever.")
    again = rebuild(app.srcdir)
    assert "as ever" in (app.outdir / "first.html").read_text(encoding="utf-8")
    assert index.stat().st_mtime_ns == written, "the parent was written although its toctree shows nothing new"
    assert again.env.files_to_rebuild["first"] == {"index"}, "Sphinx's record must be whole again for a later build"
    edit(app.srcdir / "first.md", "# First page", "# Opening page")
    rebuild(app.srcdir)
    assert index.stat().st_mtime_ns != written
    assert "Opening page" in index.read_text(encoding="utf-8")


def test_a_rebuild_keeps_the_index_entries_of_pages_it_does_not_write(project_with):
    from sphinx.search import js_index

    glossary = "# Terms\n\n:::{glossary}\nCalibration\n  Whether predicted probabilities match frequencies.\n:::\n"
    app = project_with({"terms.md": glossary, "index.md": "# Home\n\n```{toctree}\nfirst\nsecond\nterms\n```\n"})
    app.build()

    def entries() -> dict:
        return js_index.loads((app.outdir / "searchindex.js").read_text(encoding="utf-8"))["indexentries"]

    before = entries()
    assert "calibration" in before
    edit(app.srcdir / "first.md", "It is **four**.", "It is **four**, as ever.")
    rebuild(app.srcdir)
    assert entries() == before


def test_the_sitemap_lists_every_page_after_a_rebuild(project_with):
    conf = (ROOTS / "test-questions" / "conf.py").read_text(encoding="utf-8")
    app = project_with({"conf.py": conf + 'html_baseurl = "https://example.org/guide"\n'})
    app.build()
    sitemap = app.outdir / "sitemap.xml"
    expected = [f"https://example.org/guide/{page}.html"
                for page in ("by-company", "by-tag", "first", "index", "second", "genindex", "search")]
    assert re.findall(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8")) == expected
    first = sitemap.read_bytes()
    edit(app.srcdir / "first.md", "It is **four**.", "It is **four**, as ever.")
    rebuild(app.srcdir)
    assert sitemap.read_bytes() == first
    epub = rebuild(app.srcdir, "epub")
    assert not (epub.outdir / "sitemap.xml").exists()


@pytest.mark.sphinx("html", testroot="questions", srcdir="no-baseurl")
def test_no_sitemap_without_a_base_url(app):
    app.build()
    assert not (app.outdir / "sitemap.xml").exists()
