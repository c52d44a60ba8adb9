"""sitemap.xml for the website: every page, in name order.

The guide used sphinx-sitemap first and dropped it for two reasons: it
lists only the pages the current build wrote, so an incremental build
leaves out every page it did not write (jdillard/sphinx-sitemap#13, open
since 2018); and it starts a multiprocessing manager process in every build
to collect them. A sitemap needs only the list of pages, which the
environment already holds.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
WEBSITE_BUILDERS = {"html", "dirhtml"}  # not epub, which shares their format


def note_extra_page(app, pagename, templatename, context, doctree) -> None:
    """html-page-context: remember the pages that are not documents (the index, the search page)."""
    if doctree is None and pagename not in app.env.found_docs:
        app.builder.guide_extra_pages = getattr(app.builder, "guide_extra_pages", set()) | {pagename}


def page_urls(app) -> list[str]:
    base = app.config.html_baseurl.rstrip("/") + "/"
    extra = sorted(getattr(app.builder, "guide_extra_pages", set()))
    return [base + app.builder.get_target_uri(page) for page in sorted(app.env.found_docs) + extra]


def write_sitemap(app, exception) -> None:
    """build-finished: sitemap.xml in the output folder, when the site has a base URL."""
    if exception is not None or app.builder.name not in WEBSITE_BUILDERS or not app.config.html_baseurl:
        return
    urlset = ElementTree.Element("urlset", xmlns=NAMESPACE)
    for url in page_urls(app):
        ElementTree.SubElement(ElementTree.SubElement(urlset, "url"), "loc").text = url
    ElementTree.ElementTree(urlset).write(Path(app.outdir) / "sitemap.xml", xml_declaration=True,
                                          encoding="utf-8", method="xml")


def register(app) -> None:
    app.connect("html-page-context", note_extra_page)
    app.connect("build-finished", write_sitemap)
