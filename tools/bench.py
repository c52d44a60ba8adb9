#!/usr/bin/env python3
"""Benchmark the guide: build times, page weight and Lighthouse scores, against budgets.

Measures, on this machine:

* builds: the full HTML build from clean, the rebuild after editing one page
  (in a copy of the project, so source/ is never touched), and the PDF and
  EPUB builds through `make`; each the median, min and max of several runs;
* pages: for each page type, the requests and the bytes a browser with an
  empty cache loads from a freshly built site served on 127.0.0.1, and any
  request to another host;
* lighthouse: Lighthouse's performance, accessibility and best-practices
  scores and the largest contentful paint of each page type (desktop preset),
  and of the topic page with the default mobile emulation too; served with
  gzip, as GitHub Pages serves the published site.

Budgets (on medians for the build times): full HTML build < 30 s, one-page
rebuild < 1.5 s; each topic page <= 250 KB (1 KB = 1,000 bytes) and no request
to another host; every Lighthouse run, the mobile one included, performance
>= 98 and accessibility 100.

Writes OUT/results.json (every number, plus the Lighthouse reports in
OUT/lighthouse/) and OUT/results.md (Markdown tables to paste into the docs),
and prints the Markdown; with --only, they hold that part alone. Exits 1 when
a budget fails or a measurement could not be made, after writing the results.

    .venv/bin/python tools/bench.py --out _build/bench [--runs 3] [--only builds|pages|lighthouse]
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SPHINX_BUILD = ROOT / ".venv" / "bin" / "sphinx-build"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Chromium never reaches out on its own: no updates, sync or QUIC probes.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# What the project copy for the one-page rebuild needs (docs/ is included by
# source/contributing/*.md).
PROJECT_FILES = ["source", "docs", "conf.py", "vocabulary.yml", "_ext", "_static", "_templates"]
EDITED_PAGE = Path("source/fundamentals/classification-metrics.md")
EDITED_FIGURE_PAGE = Path("source/fundamentals/roc-pr-calibration.md")  # draws two matplotlib figures
REBUILD_RUNS = 5

TOPICS = ("topic", "topic-curves")
PAGE_TYPES = {
    "landing": "index.html",
    "topic": "fundamentals/classification-metrics.html",
    "topic-curves": "fundamentals/roc-pr-calibration.html",
    "search": "search.html?q=precision",
    "glossary": "reference/glossary.html",
    "bibliography": "reference/bibliography.html",
    "resources-by-round": "reference/resources-by-round.html",
    "index-by-tag": "indexes/tags.html",
}
LOCAL_HOST = "127.0.0.1"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices")
LIGHTHOUSE_TIMEOUT = 300  # seconds for one page

# The budgets. 1 KB = 1,000 bytes, as in tests/test_browser.py.
BUDGET_TOPIC_BYTES = 250_000
BUDGET_PERFORMANCE = 98
BUDGET_ACCESSIBILITY = 100
BUDGET_FULL_BUILD_S = 30.0
BUDGET_REBUILD_S = 1.5


class MeasurementError(Exception):
    """A measurement that could not be made; its message says why."""


# -- Helpers -----------------------------------------------------------------------


def tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 1800) -> tuple[float, str]:
    """Run a command; return its wall-clock time in seconds and its output, or raise with the output's end."""
    start = time.perf_counter()
    try:
        result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise MeasurementError(f"{Path(cmd[0]).name} timed out after {timeout:.0f} s:\n"
                               f"command: {shlex.join(cmd)}") from None
    elapsed = time.perf_counter() - start
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise MeasurementError(f"{Path(cmd[0]).name} exited {result.returncode}:\n"
                               f"command: {shlex.join(cmd)}\n{tail(output)}")
    return elapsed, output


def headline(message: str) -> str:
    """One line for a failure: its first line and the first error line of its output."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if not lines:
        return "unknown error"
    # Sphinx's and epubcheck's own messages first, then anything that reads like an error.
    cause = next((line for line in lines[1:] if re.search(r"\b(WARNING|ERROR|FATAL)\b", line)), None)
    cause = cause or next((line for line in lines[1:] if re.search(r"error|fatal|failed|exception", line, re.I)), None)
    cause = cause or (lines[-1] if len(lines) > 1 else "")
    if len(cause) > 300:
        cause = cause[:300] + "…"
    return f"{lines[0]} {cause}".strip()


def summary(samples: list[float]) -> dict:
    """Median, min and max of timings in seconds."""
    return {"median": round(statistics.median(samples), 3), "min": round(min(samples), 3),
            "max": round(max(samples), 3), "samples": [round(s, 3) for s in samples]}


def sphinx_html(out: Path) -> list[str]:
    """The strict HTML build command into out/html, to run from a project's root."""
    return [str(SPHINX_BUILD), "-b", "html", "-c", ".", "-j", "auto", "-W", "--keep-going", "-n",
            "-d", str(out / "doctrees"), "source", str(out / "html")]


def machine() -> dict:
    """The machine the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "system": platform.platform(), "load_average_at_start": load_average()}


def load_average() -> list[float] | None:
    """The 1, 5 and 15-minute load averages: other work on the machine skews the timings."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def seconds(s: float) -> str:
    return f"{s:.2f} s"


# -- Builds ------------------------------------------------------------------------


def time_full_html(runs: int) -> dict:
    """The full HTML build from clean, each run into a fresh directory."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
            samples.append(run(sphinx_html(Path(tmp)), cwd=ROOT)[0])
    return summary(samples)


def time_one_page_rebuild(runs: int = REBUILD_RUNS, edited: Path = EDITED_PAGE) -> dict:
    """The incremental rebuild after an edit of one page, in a copy of the project."""
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        project = Path(tmp) / "project"
        for name in PROJECT_FILES:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif src.exists():
                project.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, project / name)
        out = Path(tmp) / "out"
        run(sphinx_html(out), cwd=project)  # the first, full build: not timed
        page = project / edited
        samples = []
        for _ in range(runs):
            with page.open("a", encoding="utf-8") as f:
                f.write("\n")
            elapsed, output = run(sphinx_html(out), cwd=project)
            # Sphinx must have read the edited page again, or nothing was measured.
            read = re.search(r"updating environment: .*?(\d+) added, (\d+) changed", output)
            if not read or int(read[1]) + int(read[2]) == 0:
                raise MeasurementError(f"the rebuild did not pick up the edit of {edited}:\n{tail(output)}")
            samples.append(elapsed)
    return summary(samples)


def time_make(target: str, runs: int) -> dict:
    """`make pdf` or `make epub` (with latexmk or epubcheck), each run into a fresh BUILD."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix=f"bench-{target}-") as tmp:
            samples.append(run(["make", "--no-print-directory", target, f"BUILD={tmp}"], cwd=ROOT)[0])
    return summary(samples)


def measure_builds(runs: int, failures: list[str]) -> dict:
    """Every build time; a build that fails is recorded with its error and the rest go on."""
    # The prerequisites `make` would install on first use are brought up to date
    # once, untimed, so that no timed run includes an installation.
    try:
        run(["make", "--no-print-directory", "sysdeps", ".venv/.installed"], cwd=ROOT)
    except MeasurementError as e:
        failures.append(f"build prerequisites: {e}")
    builds = {}
    plan = [
        ("html_full", "Full HTML build from clean", lambda: time_full_html(runs)),
        ("html_rebuild_one_page", "Rebuild after editing one page", time_one_page_rebuild),
        ("html_rebuild_figure_page", "Rebuild after editing a page with figures",
         lambda: time_one_page_rebuild(edited=EDITED_FIGURE_PAGE)),
        ("pdf", "PDF (`make pdf`, with latexmk)", lambda: time_make("pdf", runs)),
        ("epub", "EPUB (`make epub`, with epubcheck)", lambda: time_make("epub", runs)),
    ]
    for key, label, measure in plan:
        print(f"bench: timing {label} ...", file=sys.stderr, flush=True)
        try:
            builds[key] = {"label": label, **measure()}
        except MeasurementError as e:
            builds[key] = {"label": label, "error": str(e)}
            failures.append(f"build {key}: {e}")
    return builds


# -- The site on a local server -------------------------------------------------------


def build_site(tmp: Path) -> Path:
    """A fresh HTML build of the guide; returns its html directory."""
    run(sphinx_html(tmp), cwd=ROOT)
    return tmp / "html"


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"}


def serve(root: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a directory on 127.0.0.1 (a free port); returns the server and base URL.

    With compress, text files go out gzip-compressed to clients that accept it,
    as GitHub Pages serves the published site; without, nothing is compressed.
    """

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if not (compress and path.is_file() and path.suffix in COMPRESSIBLE
                    and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{LOCAL_HOST}:{server.server_address[1]}/"


# -- Page weight and requests -----------------------------------------------------------


def load_page(browser, url: str) -> dict:
    """Open one URL in a fresh context (empty cache) and record everything it loads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests, responses, failed = [], [], []
    page.on("request", lambda r: requests.append(r))
    page.on("response", lambda r: responses.append(r))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    try:
        page.goto(url, wait_until="load", timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
        resources = []
        for response in responses:
            if urlsplit(response.url).scheme not in ("http", "https"):
                continue
            try:
                size = len(response.body())
            except Exception:  # a redirect or an aborted request has no body
                size = 0
            resources.append({"url": response.url, "status": response.status,
                              "type": response.request.resource_type, "bytes": size})
    finally:
        context.close()
    web = [r.url for r in requests if urlsplit(r.url).scheme in ("http", "https")]
    return {
        "requests": len(web),
        "bytes": sum(r["bytes"] for r in resources),
        "other_hosts": sorted({u for u in web if urlsplit(u).hostname != LOCAL_HOST}),
        "http_errors": [f"{r['status']} {r['url']}" for r in resources if r["status"] >= 400],
        "failed_requests": failed,
        "resources": sorted(resources, key=lambda r: -r["bytes"]),
    }


def measure_pages(base: str, failures: list[str]) -> dict:
    """Requests and uncompressed bytes of every page type, with Playwright and Chromium."""
    pages = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path in PAGE_TYPES.items():
                print(f"bench: loading {path} ...", file=sys.stderr, flush=True)
                try:
                    pages[name] = {"path": path, **load_page(browser, base + path)}
                except Exception as e:  # Playwright's errors: a timeout, a crash
                    pages[name] = {"path": path, "error": str(e).strip()}
                    failures.append(f"page {name}: {e}")
        finally:
            browser.close()
    return pages


# -- Lighthouse --------------------------------------------------------------------------


def failing_audits(report: dict) -> list[dict]:
    """The scored audits that cost points, with the first few of their items."""
    found = []
    for category in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) <= 0 or audit.get("score") is None or audit["score"] >= 1:
                continue
            details = audit.get("details") or {}
            items = []
            for item in details.get("items", []):
                if not isinstance(item, dict):
                    continue
                node = item.get("node") or {}
                where = node.get("selector") or item.get("url") or (item.get("sourceLocation") or {}).get("url")
                what = node.get("snippet") or item.get("description") or ""
                why = " ".join((node.get("explanation") or "").split())
                if where or what:
                    items.append({k: v for k, v in {"where": where, "what": what, "why": why}.items() if v})
            found.append({"category": category, "id": ref["id"], "title": audit.get("title", ""),
                          "score": audit["score"], "weight": ref["weight"],
                          "display": audit.get("displayValue", ""),
                          "count": len(items), "items": items[:5]})
    return found


def run_lighthouse(url: str, report_path: Path, desktop: bool) -> dict:
    """One Lighthouse run; returns the scores (0-100), LCP in ms and the audits that cost points."""
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
           "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
           "--chrome-flags=" + " ".join(["--headless", *CHROMIUM_ARGS])]
    if desktop:
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    report_path.unlink(missing_ok=True)
    run(cmd, cwd=ROOT, env=env, timeout=LIGHTHOUSE_TIMEOUT)
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise MeasurementError(f"no readable report at {report_path}: {e}") from None
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise MeasurementError(f"{error.get('code')}: {error.get('message')}")
    scores = {}
    for category in LIGHTHOUSE_CATEGORIES:
        score = report["categories"][category]["score"]
        if score is None:
            raise MeasurementError(f"no {category} score (see {report_path})")
        scores[category] = round(score * 100)
    return {
        "version": report.get("lighthouseVersion"),
        "scores": scores,
        "lcp_ms": round(report["audits"]["largest-contentful-paint"]["numericValue"]),
        "total_bytes": round(report["audits"]["total-byte-weight"].get("numericValue") or 0),
        "report": str(report_path),
        "audits_below_full_score": failing_audits(report),
    }


def measure_lighthouse(base: str, out: Path, failures: list[str]) -> dict:
    """Lighthouse on every page type (desktop), and on the topic page as a phone too."""
    reports = out / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    plan = [(name, path, "desktop") for name, path in PAGE_TYPES.items()]
    plan.append(("topic", PAGE_TYPES["topic"], "mobile"))
    results = {}
    for name, path, form in plan:
        key = f"{name}/{form}"
        print(f"bench: Lighthouse {key} ...", file=sys.stderr, flush=True)
        entry = {"page": name, "path": path, "form_factor": form}
        try:
            entry.update(run_lighthouse(base + path, reports / f"{name}-{form}.json", desktop=form == "desktop"))
        except MeasurementError as e:
            entry["error"] = str(e)
            failures.append(f"lighthouse {key}: {e}")
        results[key] = entry
    return results


# -- Budgets -----------------------------------------------------------------------------


def check_budgets(results: dict) -> list[dict]:
    """Each budget with its measured value and verdict: pass, fail or not measured."""
    budgets = []

    def add(row: str, rule: str, ok: bool | None, measured: str) -> None:
        verdict = "not measured" if ok is None else ("pass" if ok else "fail")
        budgets.append({"row": row, "budget": rule, "measured": measured, "result": verdict})

    builds = results.get("builds")
    if builds is not None:
        for key, limit in (("html_full", BUDGET_FULL_BUILD_S), ("html_rebuild_one_page", BUDGET_REBUILD_S),
                           ("html_rebuild_figure_page", BUDGET_REBUILD_S)):
            b = builds.get(key, {})
            if "median" in b:
                add(f"build:{key}", f"< {limit:g} s", b["median"] < limit, seconds(b["median"]))
            else:
                add(f"build:{key}", f"< {limit:g} s", None, "error")

    pages = results.get("pages")
    if pages is not None:
        for name in TOPICS:
            p = pages.get(name, {})
            rule = f"≤ {BUDGET_TOPIC_BYTES // 1000:,} KB, no other host"
            if "bytes" in p:
                ok = p["bytes"] <= BUDGET_TOPIC_BYTES and not p["other_hosts"]
                add(f"page:{name}", rule, ok, f"{kb(p['bytes'])}, {len(p['other_hosts'])} other hosts")
            else:
                add(f"page:{name}", rule, None, "error")

    for key, lh in (results.get("lighthouse") or {}).items():
        rule = f"performance ≥ {BUDGET_PERFORMANCE}, accessibility = {BUDGET_ACCESSIBILITY}"
        if "scores" in lh:
            s = lh["scores"]
            ok = s["performance"] >= BUDGET_PERFORMANCE and s["accessibility"] >= BUDGET_ACCESSIBILITY
            add(f"lighthouse:{key}", rule, ok, f"{s['performance']}, {s['accessibility']}")
        else:
            add(f"lighthouse:{key}", rule, None, "error")
    return budgets


# -- Report ------------------------------------------------------------------------------


def verdict(budgets: list[dict], row: str) -> tuple[str, str]:
    """The budget text and the pass/fail cell of a table row ('—' when it has no budget)."""
    for b in budgets:
        if b["row"] == row:
            mark = {"pass": "pass", "fail": "**FAIL**", "not measured": "**not measured**"}[b["result"]]
            return b["budget"], mark
    return "—", "—"


def render_markdown(results: dict) -> str:
    budgets = results["budgets"]
    m = results["machine"]
    load = m.get("load_average_at_start")
    lines = [f"Measured {results['date']} on {m['nproc']} × {m['cpu']}"
             + (f", load average {load[0]:g} at the start" if load else "")
             + f" (`tools/bench.py`, {results['runs']} runs; 1 KB = 1,000 bytes).", ""]

    if "builds" in results:
        lines += ["### Build times", "",
                  "| Build | Median | Min | Max | Runs | Budget | Result |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for key, b in results["builds"].items():
            rule, mark = verdict(budgets, f"build:{key}")
            if "median" in b:
                lines.append(f"| {b['label']} | {seconds(b['median'])} | {seconds(b['min'])} | "
                             f"{seconds(b['max'])} | {len(b['samples'])} | {rule} | {mark} |")
            else:
                lines.append(f"| {b['label']} | error | | | | {rule} | **FAILED** |")
        lines.append("")

    if "pages" in results:
        lines += ["### Page weight (empty cache, uncompressed)", "",
                  "| Page type | Path | Requests | Transferred | Largest resource | Other hosts | Budget | Result |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for name, p in results["pages"].items():
            rule, mark = verdict(budgets, f"page:{name}")
            if "bytes" not in p:
                lines.append(f"| {name} | `{p['path']}` | error | | | | {rule} | **FAILED** |")
                continue
            top = p["resources"][0] if p["resources"] else None
            largest = f"`{urlsplit(top['url']).path.lstrip('/')}` ({kb(top['bytes'])})" if top else "—"
            hosts = ", ".join(p["other_hosts"]) or "none"
            lines.append(f"| {name} | `{p['path']}` | {p['requests']} | {kb(p['bytes'])} | {largest} | "
                         f"{hosts} | {rule} | {mark} |")
        lines.append("")
        broken = [(name, r) for name, p in results["pages"].items()
                  for r in p.get("http_errors", []) + p.get("failed_requests", [])]
        if broken:
            lines += ["Requests that failed or returned an error:", ""]
            lines += [f"- {name}: {r}" for name, r in broken]
            lines.append("")

    if "lighthouse" in results:
        version = next((lh["version"] for lh in results["lighthouse"].values() if lh.get("version")), "")
        lines += [f"### Lighthouse {version} (served with gzip, as GitHub Pages does)", "",
                  "| Page type | Form factor | Performance | Accessibility | Best practices | LCP | Budget | Result |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for key, lh in results["lighthouse"].items():
            rule, mark = verdict(budgets, f"lighthouse:{key}")
            if "scores" not in lh:
                lines.append(f"| {lh['page']} | {lh['form_factor']} | error | | | | {rule} | **FAILED** |")
                continue
            s = lh["scores"]
            lines.append(f"| {lh['page']} | {lh['form_factor']} | {s['performance']} | {s['accessibility']} | "
                         f"{s['best-practices']} | {lh['lcp_ms']:,} ms | {rule} | {mark} |")
        lines.append("")

        # The audits behind every lost point, grouped so that one cause shared by
        # several pages is listed once.
        lost: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        for key, lh in results["lighthouse"].items():
            for a in lh.get("audits_below_full_score", []):
                lost.setdefault((a["category"], a["id"]), []).append((key, a))
        if lost:
            lines += ["Lighthouse audits below full score (weight in the category; score 0-1 per run):", ""]
            for (category, audit_id), seen in lost.items():
                a = seen[0][1]
                runs = ", ".join(f"{key} {x['score']:g}" + (f" ({x['display']})" if x["display"] else "")
                                 for key, x in seen)
                line = f"- {category}, `{audit_id}` ({a['title']}), weight {a['weight']}: {runs}."
                if a["items"]:
                    first = a["items"][0]
                    parts = [f"`{first[k]}`" for k in ("where", "what") if k in first]
                    if "why" in first:
                        parts.append(first["why"])
                    line += f" {a['count']} item(s); first: " + " ".join(parts)
                lines.append(line)
            lines.append("")

    if results["failures"]:
        lines += ["Measurements that failed:", ""]
        lines += [f"- {headline(f)}" for f in results["failures"]]
        lines.append("")
    return "\n".join(lines)


# -- Main --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "bench",
                        help="directory for results.json, results.md and the Lighthouse reports")
    parser.add_argument("--runs", type=int, default=3,
                        help=f"runs per build timing (the one-page rebuild always has {REBUILD_RUNS})")
    parser.add_argument("--only", choices=["builds", "pages", "lighthouse"], help="run one part only")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    failures: list[str] = []
    results: dict = {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                     "machine": machine(), "runs": args.runs}

    if args.only in (None, "builds"):
        results["builds"] = measure_builds(args.runs, failures)

    if args.only in (None, "pages", "lighthouse"):
        with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
            print("bench: building the site to serve ...", file=sys.stderr, flush=True)
            try:
                html = build_site(Path(tmp))
            except MeasurementError as e:
                failures.append(f"site build: {e}")
            else:
                # Page weight is counted uncompressed; Lighthouse sees the site
                # compressed, as readers get it from GitHub Pages.
                for part, compress in (("pages", False), ("lighthouse", True)):
                    if args.only not in (None, part):
                        continue
                    server, base = serve(html, compress=compress)
                    try:
                        if part == "pages":
                            results["pages"] = measure_pages(base, failures)
                        else:
                            results["lighthouse"] = measure_lighthouse(base, out, failures)
                    finally:
                        server.shutdown()
                        server.server_close()

    results["budgets"] = check_budgets(results)
    results["failures"] = failures
    results["machine"]["load_average_at_end"] = load_average()
    results["duration_s"] = round(time.perf_counter() - started, 1)

    markdown = render_markdown(results)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(markdown + "\n", encoding="utf-8")
    print(markdown)
    print(f"bench: done in {results['duration_s']:.0f} s; results in {out}", file=sys.stderr)

    over = [b for b in results["budgets"] if b["result"] == "fail"]
    for b in over:
        print(f"bench: budget failed: {b['row']}: {b['measured']} (budget {b['budget']})", file=sys.stderr)
    for f in failures:
        print(f"bench: measurement failed: {headline(f)}", file=sys.stderr)
    return 1 if over or failures else 0


if __name__ == "__main__":
    sys.exit(main())
