"""EPUB: print sphinx-design dropdowns open.

Many e-readers cannot open ``<details>``, and sphinx-design's SVG chevrons in
``<summary>`` carry no SVG namespace, which epubcheck rejects. Before
sphinx-design turns a dropdown into ``<details>`` (priority 199), the EPUB
build replaces it with a plain block: its title, then its content.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


def is_dropdown(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and node.get("design_component") == "dropdown"


class EpubOpenDropdowns(SphinxPostTransform):
    default_priority = 198
    builders = ("epub",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(is_dropdown)):
            block = nodes.container("", *node.children, classes=["dropdown-printed"])
            block["ids"] = node["ids"]
            node.replace_self(block)
