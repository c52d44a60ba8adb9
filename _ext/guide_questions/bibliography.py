"""The bibliography: a pybtex style that prints each entry's annotation, and
entries formatted once, not on every build.

``GuideStyle`` (``bibtex_default_style = "guide"``) is pybtex's plain style
with two changes: titles keep the capitals they are written with (the plain
style lowers them, which mangles names such as LeetCode or Cross Validated),
and the entry's ``annote`` field, the guide's own note on what the source is
good for, follows the reference in italics.

sphinxcontrib-bibtex formats every entry of every bibliography again at the
end of each read phase (its ``env-updated`` handler), even when the edit
touched no citation: with a hundred entries that is about 0.4 s of each
one-page rebuild. ``CachedBibtexDomain`` keeps the formatted citations (they
are stored with the environment anyway) and formats again only when something
they depend on has changed: a .bib file, a bibliography directive, the cited
keys or their order, or the configuration that shapes the output.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
from pathlib import Path

import pybtex.plugin
from docutils import nodes
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import field, sentence
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.domain import BibtexDomain, get_docnames
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

SIGNATURE = "guide_signature"
STYLE = "guide"
STYLE_SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # a change of style formats again


class GuideStyle(PlainStyle):
    """pybtex's plain style, with titles as written and the annotation after each entry."""

    def format_title(self, e, which_field, as_sentence=True):
        formatted_title = field(which_field)
        return sentence[formatted_title] if as_sentence else formatted_title

    def format_entry(self, label, entry, bib_data=None) -> FormattedEntry:
        formatted = super().format_entry(label, entry, bib_data=bib_data)
        annote = entry.fields.get("annote", "").strip()
        if annote:
            formatted.text = Text(formatted.text, " ", Tag("em", Text.from_latex(annote)))
        return formatted


pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE, GuideStyle)


class CachedBibtexDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain, with the formatted citations kept between builds."""

    def signature(self) -> str:
        """A digest of everything the formatted citations depend on."""
        config = self.env.config
        parts = [
            sorted((str(path), bibfile.mtime) for path, bibfile in self.bibdata.bibfiles.items()),
            (config.bibtex_default_style, config.bibtex_tooltips, config.bibtex_tooltips_style, STYLE_SOURCE),
            list(self.get_all_cited_keys(list(get_docnames(self.env)))),
        ]
        for key in sorted(self.bibliographies, key=lambda k: (k.docname, k.id_)):
            value = self.bibliographies[key]
            parts.append((
                key.docname, key.id_, [str(path) for path in value.bibfiles], value.style, value.list_,
                value.enumtype, value.start, value.labelprefix, value.keyprefix, ast.dump(value.filter_),
                sorted(value.citation_nodes),  # the ids follow from the keys (bibtex_cite_id)
                list(value.keys),
            ))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def clear_doc(self, docname: str) -> None:
        """Forget the page's bibliographies and citation references, but keep its formatted citations.

        If the page comes back with the same bibliographies and citations (the
        signature below is unchanged), they are exactly what formatting would
        give again; if anything changed, env_updated formats them all afresh.
        """
        citations = self.citations
        super().clear_doc(docname)
        self.data["citations"] = citations

    def env_updated(self):
        signature = self.signature()
        if self.data.get(SIGNATURE) == signature and self.citations:
            return []
        updated = super().env_updated()
        self.data[SIGNATURE] = signature
        return updated


class MarkBibliographySections(SphinxPostTransform):
    """LaTeX: remember the sections that hold a bibliography, before its entries are placed."""

    default_priority = 4  # before sphinxcontrib-bibtex's own transform (5)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in self.document.findall(bibliography_node):
            section = node.parent
            if isinstance(section, nodes.section):
                section["guide_bibliography"] = True


class DropEmptiedBibliographySections(SphinxPostTransform):
    """LaTeX: drop those sections once Sphinx has gathered their entries into the book's last chapter.

    Sphinx's LaTeX writer prints every citation in one bibliography at the end
    (its BibliographyTransform, priority 750); the bibliography page's
    sections would otherwise stay behind as headings over nothing.
    """

    default_priority = 760
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for section in list(self.document.findall(nodes.section)):
            if section.get("guide_bibliography") and not any(section.findall(nodes.citation)):
                section.parent.remove(section)


def scan_entry_points_once() -> None:
    """pybtex looks up each plugin by scanning every installed package's entry points.

    It does so a dozen times per build (7 ms each here); one scan, kept for the
    process, gives the same answers. Runtime plugins such as the "guide" style
    are still looked up first by pybtex itself.
    """
    everything = []

    def entry_points(**params):
        if not everything:
            everything.append(importlib.metadata.entry_points())
        return everything[0].select(**params)

    pybtex.plugin.entry_points = entry_points


def setup(app):
    scan_entry_points_once()
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(CachedBibtexDomain, override=True)
    app.add_post_transform(MarkBibliographySections)
    app.add_post_transform(DropEmptiedBibliographySections)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
