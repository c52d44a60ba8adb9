"""Incremental rebuilds: quick, and the same site as a full build.

A rebuild of one page is mostly fixed cost: starting Sphinx, loading the
pickled environment, compiling templates, rewriting pages the edit did not
change. Each hook below removes one such cost without changing the output.
The last two mend what Sphinx itself would get wrong in an incremental build
(the search index's index entries). ``docs/architecture.md`` ("Keeping
rebuilds quick") explains them; ``tests/test_extension.py`` holds each to its
promise and ``tests/test_rebuild.py`` compares a rebuilt site with a fresh one.
"""

from __future__ import annotations

import atexit
import gc
from pathlib import Path

import jinja2
from sphinx.search import js_index

SMALL_UPDATE = 5  # documents; older Sphinx releases also read in parallel only above five


def cache_compiled_templates(app) -> None:
    """builder-inited: keep the theme's compiled Jinja templates beside the doctrees.

    Sphinx compiles every template again in each build, about 0.1 s of every
    one-page rebuild. Jinja's own bytecode cache keys each entry on the
    template's name and source, so an edited template is compiled afresh.
    """
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is not None:
        folder = Path(app.doctreedir) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def serial_for_small_updates(app, env, docnames) -> None:
    """env-before-read-docs: read and write a handful of changed pages in this process.

    With ``-j``, Sphinx 9 starts worker processes and sends them the
    environment even for a one-page rebuild, which costs more (about 0.4 s on
    two cores) than the work it shares out.
    """
    if 0 < len(docnames) <= SMALL_UPDATE and app.parallel > 1:
        app.parallel = 1
        app.builder.parallel_ok = False


# -- The garbage collector -----------------------------------------------------------
#
# The environment unpickled at the start of a build is some 160,000 container
# objects that live until the process ends. CPython's collector walks them
# again and again and frees nothing; at exit it walks them once more while it
# tears the modules down. Measured on a one-page rebuild of the guide: 0.15 s
# during the build and 0.5 s at exit.
#
# So the collector pauses while the environment is loaded, and what exists
# once the builder is ready is moved out of its sight with gc.freeze();
# objects made during the build (doctrees, full of parent-child cycles) are
# collected as usual. At the end of a build the frozen objects are handed
# back, so a process that runs several builds (the test suite) frees them as
# before. At exit everything is frozen: the end of the process frees it.


def pause_collector(app, config) -> None:
    """config-inited: Sphinx loads the pickled environment right after this event."""
    if gc.isenabled():
        gc.disable()
        app.guide_collector_paused = True


def freeze_loaded_objects(app) -> None:
    """builder-inited (first listener): the environment is loaded; keep it out of later collections."""
    gc.freeze()
    if getattr(app, "guide_collector_paused", False):
        app.guide_collector_paused = False
        gc.enable()


def release_frozen_objects(app, exception) -> None:
    """build-finished (last listener): the frozen objects become ordinary again."""
    gc.unfreeze()


def freeze_at_exit() -> None:
    gc.freeze()


# -- The parent page of an edited page -----------------------------------------------
#
# Sphinx writes again every page whose toctree lists a page that was read
# (env.files_to_rebuild), because the parent shows the child's title and
# headings. An edit that leaves those alone does not change the parent, so
# the parent is not written for it.


def toc_signature(env, docname: str) -> str:
    """What a toctree can show of a page: its title, its headings, its own toctrees."""
    title = env.titles.get(docname)
    toc = env.tocs.get(docname)
    return "\n".join((title.astext() if title is not None else "",
                      toc.pformat() if toc is not None else "",
                      repr(env.toctree_includes.get(docname, []))))


def note_tocs(app, env, added, changed, removed) -> list[str]:
    """env-get-outdated: what each changed page's entry in a toctree looked like before the build."""
    app.builder.guide_tocs_before = {docname: toc_signature(env, docname) for docname in changed}
    return []


def spare_unchanged_parents(app, builder) -> None:
    """write-started: leave out the parents of pages whose toctree entry did not change.

    Sphinx has already saved the environment, so the trimmed mapping is used
    for this write only and put back when the build finishes.
    """
    env = app.env
    before = getattr(builder, "guide_tocs_before", {})
    unchanged = {docname for docname, signature in before.items()
                 if docname in env.all_docs and toc_signature(env, docname) == signature}
    if unchanged:
        builder.guide_files_to_rebuild = env.files_to_rebuild
        env.files_to_rebuild = {child: parents for child, parents in env.files_to_rebuild.items()
                                if child not in unchanged}


def restore_files_to_rebuild(app, exception) -> None:
    """build-finished: put back Sphinx's own record of toctree parents."""
    saved = getattr(app.builder, "guide_files_to_rebuild", None)
    if saved is not None:
        app.env.files_to_rebuild = saved
        app.builder.guide_files_to_rebuild = None


# -- The search index's index entries ---------------------------------------------
#
# Sphinx 9 keeps the search index's data in the environment but saves the
# environment before it writes the pages, so an incremental build starts with
# no index entries (glossary terms among them) for the pages it does not
# write, and the searchindex.js it leaves behind has lost them
# (sphinx-doc/sphinx#12599). They are read back from the searchindex.js of the
# previous build, which has them for every page.


def restore_index_entries(app, builder) -> None:
    """write-started: the index entries of every page, as the previous build wrote them."""
    entries = getattr(app.env, "_search_index_index_entries", None)
    path = Path(builder.outdir) / getattr(builder, "searchindex_filename", "")
    if entries is None or not getattr(builder, "search", False) or not path.is_file():
        return
    try:
        frozen = js_index.loads(path.read_text(encoding="utf-8"))
        docnames = frozen["docnames"]
        restored: dict[str, list[tuple[str, str, str]]] = {}
        for entry, places in frozen["indexentries"].items():
            for index, target, main in places:
                restored.setdefault(docnames[index], []).append((entry, target, "main" if main else ""))
    except (ValueError, KeyError, IndexError, TypeError):
        return  # not an index this Sphinx wrote: Sphinx rebuilds it from the pages it writes
    entries.clear()
    entries.update((docname, sorted(found)) for docname, found in restored.items() if docname in app.env.all_docs)


def order_index_entries(app) -> list:
    """html-collect-pages (before the index is written): pages in name order, as a full build feeds them."""
    entries = getattr(app.env, "_search_index_index_entries", None)
    if entries:
        ordered = sorted(entries.items())
        entries.clear()
        entries.update(ordered)
    return []


def register(app) -> None:
    atexit.unregister(freeze_at_exit)  # once per process, however many builds it runs
    atexit.register(freeze_at_exit)
    app.connect("config-inited", pause_collector, priority=1000)
    app.connect("builder-inited", freeze_loaded_objects, priority=1)
    app.connect("builder-inited", cache_compiled_templates)
    app.connect("env-get-outdated", note_tocs)
    app.connect("env-before-read-docs", serial_for_small_updates)
    app.connect("write-started", spare_unchanged_parents)
    app.connect("write-started", restore_index_entries)
    app.connect("html-collect-pages", order_index_entries)
    app.connect("build-finished", restore_files_to_rebuild)
    app.connect("build-finished", release_frozen_objects, priority=1000)
