"""Per-page HTML of the website: what a page loads, its security policy and
a few accessibility repairs of what Sphinx, docutils and the theme write.

- Assets: sphinx-design, sphinx-copybutton and Pygments add theirs to every
  page. A page keeps each only when its body uses the feature: about 60 KB
  less without sphinx-design components, another 40 KB less without code.
- Scripts load with ``defer`` so they do not hold up the first paint (the
  search page keeps Sphinx's order: its own scripts depend on them).
- A Content-Security-Policy ``<meta>`` (``guide_content_security_policy``).
- External links get ``rel="noopener"``.
- Images load lazily: most sit in folded answers.
- Accessibility (each found by axe-core): toctree captions carry
  ``role="heading"`` without the ``aria-level`` that role requires; docutils
  marks citations with the deprecated ``doc-biblioentry`` role; a code block
  that scrolls sideways must be reachable by keyboard (``tabindex="0"``).

Runs on ``html-page-context`` after the theme's own handler (priority 900),
for the website builders only: the EPUB keeps Sphinx's plain output.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

USES_DESIGN = re.compile(r'class="[^"]*\bsd-')
USES_CODE = re.compile(r'class="[^"]*\bhighlight')

OPTIONAL = {
    # asset file name -> the test on the page body that keeps it
    "sphinx-design.min.css": USES_DESIGN,
    "design-tabs.js": USES_DESIGN,
    "pygments.css": USES_CODE,
    "copybutton.css": USES_CODE,
    "copybutton.js": USES_CODE,
    "clipboard.min.js": USES_CODE,
    "graphviz.css": re.compile(r'class="[^"]*\bgraphviz'),
}

REPAIRS = [
    (re.compile(r'<a class="reference external" (?!rel=)'), '<a class="reference external" rel="noopener" '),
    (re.compile(r'role="heading"(?! aria-level)'), 'role="heading" aria-level="2"'),
    (re.compile(r'role="doc-biblioentry"'), 'role="listitem"'),
    (re.compile(r"<pre>"), '<pre tabindex="0">'),
    # Figures sit mostly in folded answers: fetch them when they come into view.
    (re.compile(r"<img (?!loading=)"), '<img loading="lazy" '),
]


def needed(asset, body: str) -> bool:
    name = PurePosixPath(str(asset.filename).split("?", 1)[0]).name
    test = OPTIONAL.get(name)
    return test is None or bool(test.search(body))


def repair(html: str) -> str:
    for pattern, replacement in REPAIRS:
        html = pattern.sub(replacement, html)
    return html


def prepare_page(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name not in {"html", "dirhtml"}:
        return
    policy = app.config.guide_content_security_policy
    if policy:
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        context["metatags"] = meta + context.get("metatags", "")
    if "furo_navigation_tree" in context:
        context["furo_navigation_tree"] = repair(context["furo_navigation_tree"])
    if doctree is None:
        return
    body = context["body"] = repair(context.get("body", ""))
    context["css_files"] = [css for css in context["css_files"] if needed(css, body)]
    scripts = [js for js in context["script_files"] if needed(js, body)]
    if pagename != "search":
        scripts = [deferred(js) for js in scripts]
    context["script_files"] = scripts


def deferred(js):
    """The same script asset, loaded with defer (order kept, after parsing)."""
    if not str(js.filename).endswith(".js") or {"defer", "async"} & set(js.attributes):
        return js
    return type(js)(js.filename, priority=js.priority, **js.attributes, defer="defer")
