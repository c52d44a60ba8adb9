"""Load a page's optional style sheets and scripts only where the page uses them.

sphinx-design, sphinx-copybutton and Pygments add their assets to every page.
Most pages of the guide have no cards or tabs, and some have no code, so each
page keeps an asset only when its body uses the feature: about 60 KB less on
a page without sphinx-design components, another 40 KB less without code.
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
}


def needed(asset, body: str) -> bool:
    name = PurePosixPath(str(asset.filename).split("?", 1)[0]).name
    test = OPTIONAL.get(name)
    return test is None or bool(test.search(body))


def prune_assets(app, pagename, templatename, context, doctree) -> None:
    """html-page-context: drop the optional assets the page does not use."""
    if doctree is None or app.builder.name not in {"html", "dirhtml"}:
        return
    body = context.get("body", "")
    context["css_files"] = [css for css in context["css_files"] if needed(css, body)]
    context["script_files"] = [js for js in context["script_files"] if needed(js, body)]
