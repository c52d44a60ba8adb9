"""Math in HTML as native MathML, converted at build time.

Browsers render MathML Core themselves: no JavaScript, no web font, no
request to another host, and the formula follows the theme's colours in dark
mode. The conversion is docutils' own LaTeX-to-MathML converter (pure Python,
about a tenth of a millisecond a formula). A formula it cannot convert falls
back to an SVG image from ``sphinx.ext.imgmath``, so any LaTeX still renders.
The EPUB keeps imgmath's SVG images (``epub_math_renderer``), which every
e-reader shows.
"""

from __future__ import annotations

import html.entities
import re
import xml.etree.ElementTree as ET

from docutils import nodes
from docutils.utils.math import latex2mathml
from sphinx.ext import imgmath
from sphinx.util.math import get_node_equation_number

# Commands the converter lacks, rewritten to ones it knows (same rendering).
REWRITES = [
    (re.compile(r"\\iff(?![a-zA-Z])"), r"\\;\\Longleftrightarrow\\;"),
    (re.compile(r"\\implies(?![a-zA-Z])"), r"\\;\\Longrightarrow\\;"),
    (re.compile(r"\\dots(?![a-zA-Z])"), r"\\ldots"),
    (re.compile(r"\\bm(?![a-zA-Z])"), r"\\boldsymbol"),
    (re.compile(r"\\textbf(?![a-zA-Z])"), r"\\mathbf"),
    # Sized delimiters: the browser sizes the fence itself.
    (re.compile(r"\\(?:big|Big|bigg|Bigg)[lrm]?(?![a-zA-Z])\s*"), ""),
]


COMPACT = re.compile(r">\s+<")


def to_mathml(latex: str, block: bool) -> str | None:
    for pattern, replacement in REWRITES:
        latex = pattern.sub(replacement, latex)
    try:
        mathml = latex2mathml.tex2mathml(latex, as_block=block)
    except Exception:  # the converter raises bare SyntaxError/IndexError on unsupported input
        return None
    return valid_mathml(COMPACT.sub("><", mathml))  # the converter indents its output


MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)
STYLE_ATTRIBUTES = ("displaystyle", "scriptlevel")
NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def numeric_entity(match: re.Match) -> str:
    """An HTML named entity (which XML does not know) as a numeric reference."""
    name = match.group(1)
    text = html.entities.html5.get(name + ";")
    if name in XML_ENTITIES or text is None:
        return match.group(0)
    return "".join(f"&#{ord(c)};" for c in text)


def valid_mathml(mathml: str) -> str:
    """Move displaystyle/scriptlevel onto an <mstyle> wrapper.

    The converter writes them on elements such as <mfrac> (for \\tfrac and
    \\dfrac), which MathML Core allows but MathML 3, the schema HTML
    validators check, does not; <mstyle> means the same in both.
    """
    if not any(f' {a}="' in mathml for a in STYLE_ATTRIBUTES):
        return mathml
    root = ET.fromstring(NAMED_ENTITY.sub(numeric_entity, mathml))
    for parent in root.iter():
        for i, child in enumerate(list(parent)):
            tag = child.tag.split("}")[-1]
            moved = {a: child.attrib.pop(a) for a in STYLE_ATTRIBUTES
                     if a in child.attrib and tag not in ("mstyle", "math")}
            if moved:
                wrapper = ET.Element(f"{{{MATHML}}}mstyle", moved)
                parent.remove(child)
                wrapper.append(child)
                parent.insert(i, wrapper)
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)


def with_label(mathml: str, latex: str) -> str:
    # The LaTeX source as an annotation: screen readers use the MathML, and copying keeps the source.
    return mathml.replace('<math xmlns="http://www.w3.org/1998/Math/MathML"',
                          f'<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="{escape(latex)}"', 1)


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def html_visit_math(self, node: nodes.math) -> None:
    latex = node.astext()
    mathml = to_mathml(latex, block=False)
    if mathml is None:
        imgmath.html_visit_math(self, node)  # raises SkipNode
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(with_label(mathml, latex) + "</span>")
    raise nodes.SkipNode


def html_visit_displaymath(self, node: nodes.math_block) -> None:
    latex = node.astext()
    parts = [part.strip() for part in latex.split("\n\n") if part.strip()]
    if node.get("no-wrap", node.get("nowrap", False)):
        parts = [latex]
    converted = [to_mathml(part, block=True) for part in parts]
    if any(m is None for m in converted):
        imgmath.html_visit_displaymath(self, node)  # raises SkipNode
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    for mathml, part in zip(converted, parts, strict=True):
        self.body.append(with_label(mathml, part))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def choose_renderers(app, config) -> None:
    """config-inited: MathML for HTML, SVG images for EPUB, unless conf.py says otherwise."""
    if not config.html_math_renderer:
        config.html_math_renderer = "mathml"
    if not config.epub_math_renderer:
        config.epub_math_renderer = "imgmath"


def register(app) -> None:
    app.setup_extension("sphinx.ext.imgmath")  # the fallback for formulas the converter lacks
    app.add_html_math_renderer("mathml", (html_visit_math, None), (html_visit_displaymath, None))
    # Lets the EPUB have its own renderer (Builder.get_builder_config looks up epub_* first).
    app.add_config_value("epub_math_renderer", None, "env", types=frozenset({str, type(None)}))
    app.connect("config-inited", choose_renderers)
