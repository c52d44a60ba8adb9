"""The bibliography: formatted once, not on every build.

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

from sphinxcontrib.bibtex.domain import BibtexDomain, get_docnames

SIGNATURE = "guide_signature"


class CachedBibtexDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain, with the formatted citations kept between builds."""

    def signature(self) -> str:
        """A digest of everything the formatted citations depend on."""
        config = self.env.config
        parts = [
            sorted((str(path), bibfile.mtime) for path, bibfile in self.bibdata.bibfiles.items()),
            (config.bibtex_default_style, config.bibtex_tooltips, config.bibtex_tooltips_style),
            list(self.get_all_cited_keys(list(get_docnames(self.env)))),
        ]
        for key in sorted(self.bibliographies, key=lambda k: (k.docname, k.id_)):
            value = self.bibliographies[key]
            parts.append((
                key.docname, key.id_, [str(path) for path in value.bibfiles], value.style, value.list_,
                value.enumtype, value.start, value.labelprefix, value.keyprefix, ast.dump(value.filter_),
                sorted((name, tuple(node["ids"])) for name, node in value.citation_nodes.items()),
                list(value.keys),
            ))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def env_updated(self):
        signature = self.signature()
        if self.data.get(SIGNATURE) == signature and self.citations:
            return []
        updated = super().env_updated()
        self.data[SIGNATURE] = signature
        return updated


def setup(app):
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(CachedBibtexDomain, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
