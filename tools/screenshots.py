#!/usr/bin/env python3
"""Screenshots of each kind of page, for people to look at.

Serves _build/html on 127.0.0.1, drives the system's Chromium with Playwright
(no browser download) and writes PNGs into _build/screenshots/.

    .venv/bin/python tools/screenshots.py [--html _build/html] [--out _build/screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TOPIC = "fundamentals/classification-metrics.html"


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=Path("_build/html"))
    parser.add_argument("--out", type=Path, default=Path("_build/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.html)
    shots = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def page(width=1280, height=900, scheme="light"):
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            return context.new_page()

        def shot(pg, name, full=False):
            path = args.out / f"{name}.png"
            pg.screenshot(path=str(path), full_page=full)
            shots.append(path)

        pg = page()
        for name, url in [("landing", "index.html"), ("glossary", "reference/glossary.html"),
                          ("bibliography", "reference/bibliography.html"),
                          ("resources-by-round", "reference/resources-by-round.html"),
                          ("index-by-tag", "indexes/tags.html")]:
            pg.goto(base + url)
            shot(pg, name)
        pg.goto(base + TOPIC)
        shot(pg, "topic-collapsed")
        pg.locator("details.question-answer > summary").nth(6).click()
        pg.locator("details.question-answer").nth(6).scroll_into_view_if_needed()
        shot(pg, "topic-answer-opened")
        pg.goto(base + TOPIC + "#metrics-threshold")
        pg.wait_for_timeout(200)
        shot(pg, "topic-anchor")
        pg.goto(base + "search.html?q=Mann")
        pg.wait_for_selector("#search-results ul li", timeout=10000)
        shot(pg, "search")

        dark = page(scheme="dark")
        dark.goto(base + "fundamentals/roc-pr-calibration.html#metrics-calibration")
        dark.wait_for_timeout(600)
        shot(dark, "topic-dark")

        phone = page(width=375, height=812)
        phone.goto(base + TOPIC + "#metrics-f1-score")
        phone.wait_for_timeout(600)
        shot(phone, "topic-phone")
        browser.close()
    server.shutdown()
    for path in shots:
        print(path)


if __name__ == "__main__":
    main()
