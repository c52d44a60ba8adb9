"""The built site in a real browser: Debian's Chromium driven by Playwright.

Behaviour a reader relies on (answers fold and unfold by mouse and keyboard, a
link to a question opens it, search, dark mode, phone width), accessibility
(axe-core), the Content-Security-Policy, and the page-weight budget. Each test
page type is also saved as a screenshot in _build/test/screenshots/.
Run alone with `make test-browser`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from conftest import OUT, PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.site]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = OUT / "screenshots"
TOPIC = "fundamentals/classification-metrics.html"
PAGE_TYPES = {
    "landing": "index.html",
    "topic": TOPIC,
    "topic-curves": "fundamentals/roc-pr-calibration.html",
    "search": "search.html?q=precision",
    "glossary": "reference/glossary.html",
    "bibliography": "reference/bibliography.html",
    "resources-by-round": "reference/resources-by-round.html",
    "index-by-tag": "indexes/tags.html",
    "contributing": "contributing/adding-questions.html",
}
BUDGET_BYTES = 250_000  # a topic page with math, everything it loads, uncompressed
BUDGET_REQUESTS = 20

# Collects every Content-Security-Policy violation the page reports.
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class Visit:
    """A page with everything it did recorded: console errors, requests, CSP violations."""

    def __init__(self, browser, base: str, width: int = 1280, height: int = 900, scheme: str = "light",
                 bypass_csp: bool = False):
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                           bypass_csp=bypass_csp)
        self.context.add_init_script(CSP_PROBE)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.bytes = 0
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", self._count)

    def _count(self, response) -> None:
        try:
            self.bytes += len(response.body())
        except Exception:  # redirects and aborted requests have no body
            pass

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page

    def foreign_requests(self) -> list[str]:
        local = urlsplit(self.base).netloc
        return [u for u in self.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != local]

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, served):
    opened = []

    def make(**kwargs) -> Visit:
        v = Visit(browser, served, **kwargs)
        opened.append(v)
        return v

    yield make
    for v in opened:
        v.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_loads_cleanly_under_the_csp(visit, name):
    """No console error, no request to another host, no CSP violation; a screenshot for people."""
    v = visit()
    page = v.open(PAGE_TYPES[name])
    if name == "search":
        page.wait_for_selector("#search-results li", timeout=15_000)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    assert v.errors == []
    assert v.foreign_requests() == []
    assert v.csp_violations() == []


def test_answers_start_folded_and_open_by_click(visit):
    page = visit().open(TOPIC)
    answers = page.locator("details.question-answer")
    assert answers.count() >= 8
    assert page.evaluate("[...document.querySelectorAll('details.question-answer')].some(d => d.open)") is False
    first = answers.nth(0)
    assert not first.locator(".question-body").is_visible()
    first.locator("summary").click()
    assert first.evaluate("d => d.open") is True
    assert first.locator(".question-body").is_visible()
    first.locator("summary").click()
    assert first.evaluate("d => d.open") is False


def test_answer_opens_by_keyboard(visit):
    page = visit().open(TOPIC)
    summary = page.locator("details.question-answer > summary").nth(1)
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open") is True
    page.keyboard.press("Space")
    assert summary.evaluate("s => s.parentElement.open") is False
    # the summary is reachable with Tab from the element before it
    hint = page.locator("details.question-hint > summary").nth(1)
    hint.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.parentElement.classList.contains('question-answer')")


def test_show_all_and_hide_all(visit):
    page = visit().open(TOPIC)
    page.get_by_role("button", name="Show all answers").click()
    assert page.evaluate("[...document.querySelectorAll('details.question-answer')].every(d => d.open)")
    page.get_by_role("button", name="Hide all answers").click()
    assert page.evaluate("[...document.querySelectorAll('details.question-answer')].every(d => !d.open)")


def test_link_to_a_question_lands_on_it_with_its_answer_open(visit):
    page = visit().open(TOPIC + "#metrics-threshold")
    page.wait_for_timeout(300)
    target = page.locator("#metrics-threshold")
    assert target.locator("details.question-answer").evaluate("d => d.open") is True
    others_open = page.evaluate(
        "[...document.querySelectorAll('details.question-answer')].filter(d => d.open).length")
    assert others_open == 1
    box = target.bounding_box()
    assert 0 <= box["y"] < 900  # the question is in the viewport
    # following a cross-reference to a question on another page does the same
    target.locator("details.question-answer").evaluate("d => { d.open = true; }")
    page.locator("#metrics-threshold").locator('a[href$="roc-pr-calibration.html#metrics-calibration"]').first.click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.locator("#metrics-calibration details.question-answer").evaluate("d => d.open") is True


def test_search_finds_a_question_by_a_word_only_in_its_answer(visit, questions):
    titles = " ".join(q["question"] for q in questions).lower()
    chosen = None
    for q in questions:
        for word in re.findall(r"[A-Za-z]{8,}", q["answer"]):
            if word.lower() not in titles:
                chosen = (word, q)
                break
        if chosen:
            break
    assert chosen, "no answer has a word that no question text has"
    word, q = chosen
    page = visit().open(f"search.html?q={word}")
    page.wait_for_selector("#search-results li", timeout=15_000)
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    assert any(q["url"].split("#")[0] in h for h in hrefs), (word, hrefs)


def luminance(css_colour: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css_colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_dark_mode(visit):
    v = visit(scheme="dark")
    page = v.open(TOPIC)
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    title = page.locator(".question-title").first.evaluate("e => getComputedStyle(e).color")
    assert luminance(body) < 0.2 and luminance(title) > 0.6, (body, title)
    # math is MathML and takes the text colour
    maths = page.locator("math").first.evaluate("e => getComputedStyle(e).color")
    assert luminance(maths) > 0.6
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("details.question-answer > summary").first.click()
    page.screenshot(path=str(SHOTS / "topic-dark.png"))
    # the theme switch overrides the system setting
    light = visit(scheme="light")
    page = light.open(TOPIC)
    page.evaluate("localStorage.setItem('theme', 'dark')")
    page.reload(wait_until="networkidle")
    assert luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) < 0.2


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_phone_width_has_no_horizontal_scroll(visit, name):
    page = visit(width=375, height=812).open(PAGE_TYPES[name])
    if name.startswith("topic"):
        page.get_by_role("button", name="Show all answers").click()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: {overflow}px wider than a 375px screen"
    if name == "topic":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "topic-phone.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_accessibility_violation(visit, name, scheme):
    page = visit(scheme=scheme, bypass_csp=True).open(PAGE_TYPES[name])
    if name == "search":
        page.wait_for_selector("#search-results li", timeout=15_000)
    if name.startswith("topic"):  # check the answers' content too
        page.get_by_role("button", name="Show all answers").click()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document);
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    assert violations == [], violations


def test_every_topic_page_keeps_the_weight_budget(visit, questions):
    """Every page that holds questions, with everything it loads when it opens."""
    pages = sorted({q["url"].split("#")[0] for q in questions})
    assert len(pages) >= 5
    over = []
    for path in pages:
        v = visit()
        v.open(path)
        assert v.foreign_requests() == [], path
        if len(v.requests) > BUDGET_REQUESTS or v.bytes > BUDGET_BYTES:
            over.append(f"{path}: {v.bytes} bytes in {len(v.requests)} requests")
    assert over == []
