"""The HTML report, in a real headless Chromium: it loads offline, its filters work, hostile text stays text.

The browser is Debian's ``chromium`` driven by ``chromedriver`` (package ``chromium-driver``)
through selenium. ``.ci/run`` installs both and sets CLAIMCHECK_REQUIRE_BROWSER, so in CI a
missing browser fails; elsewhere the browser tests are skipped with the reason. The static checks run everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from claimcheck import check, load
from claimcheck.report.html import render_html
from claimcheck.review import ReviewEntry, outcome, record

DATA = Path(__file__).parent / "data"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def _page(folder: Path, tmp_path: Path, *, review: bool = False) -> Path:
    corpus = load(folder)
    report = check(corpus)
    review_path = tmp_path / "review.yaml"
    if review:
        finding = report.conflicts[0]
        record(review_path, ReviewEntry(fingerprint=finding.fingerprint, verdict="confirmed", note="seen"))
    page = tmp_path / f"{folder.name}.html"
    page.write_text(render_html(outcome(corpus, report, review_path)), encoding="utf-8")
    return page


def test_the_page_is_self_contained(tmp_path):
    html = _page(DATA / "cases", tmp_path).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the page must not load from the network"
    assert "<link" not in html and "@import" not in html
    assert "Content-Security-Policy" in html


def test_hostile_text_is_escaped(tmp_path):
    html = _page(DATA / "hostile", tmp_path).read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html and "<injected/>" not in html and "<b>volume</b>" not in html
    assert "&lt;script&gt;window.__pwned = &#39;quote&#39;&lt;/script&gt;" in html
    assert 'onmouseover="window' not in html
    assert 'href="javascript:' not in html
    assert html.count("<script>") == 1  # the page's own, allowed by hash


# --- in the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        reason = "no headless browser here: install Debian's chromium and chromium-driver (.ci/run does)"
        if os.environ.get("CLAIMCHECK_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _visible(browser, selector: str) -> list:
    return [e for e in browser.find_elements("css selector", selector) if e.is_displayed()]


def _verdicts(browser) -> set[str]:
    return {e.get_attribute("data-verdict") for e in _visible(browser, "article.finding")}


def test_filters_by_verdict_and_source(browser, tmp_path):
    page = _page(DATA / "cases", tmp_path, review=True)
    browser.get(page.as_uri())
    assert browser.title.startswith("claimcheck report")
    # Consistent findings start hidden; the others show.
    assert _verdicts(browser) == {"conflict", "tension", "undetermined"}
    shown = len(_visible(browser, "article.finding"))
    assert browser.find_element("id", "shown-count").text == str(shown)

    browser.find_element("css selector", 'input[value="consistent"]').click()
    assert _verdicts(browser) == {"conflict", "tension", "consistent", "undetermined"}
    browser.find_element("css selector", 'input[value="conflict"]').click()
    assert _verdicts(browser) == {"tension", "consistent", "undetermined"}

    select = browser.find_element("css selector", 'select[name="source"]')
    select.find_element("css selector", 'option[value="beta"]').click()
    for article in _visible(browser, "article.finding"):
        assert "beta" in article.get_attribute("data-sources").split()
    for verdict in ("tension", "consistent", "undetermined"):
        browser.find_element("css selector", f'input[value="{verdict}"]').click()
    assert _visible(browser, "article.finding") == []
    assert browser.find_element("id", "nothing-shown").is_displayed()


def test_rule_links_open_their_documentation(browser, tmp_path):
    browser.get(_page(DATA / "cases", tmp_path).as_uri())
    link = _visible(browser, "a.rule")[0]
    code = link.text.split()[0]
    link.click()
    assert browser.find_element("id", f"rule-{code}").get_attribute("open") is not None


def test_no_hostile_script_runs(browser, tmp_path):
    browser.get(_page(DATA / "hostile", tmp_path).as_uri())
    for article in _visible(browser, "article.finding"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", article)
    for link in browser.find_elements("css selector", "a"):
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    assert browser.execute_script("return window.__pwned === undefined")
    # The hostile quotes are on the page as text.
    assert "<script>window.__pwned = 'quote'</script>" in browser.find_element("tag name", "main").text


@pytest.mark.parametrize(("name", "width", "height"), [("laptop", 1280, 900), ("phone", 390, 844)])
def test_reads_on_a_laptop_and_a_phone(browser, tmp_path, name, width, height):
    browser.set_window_size(width, height)
    try:
        browser.get(_page(DATA / "cases", tmp_path, review=True).as_uri())
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        sides = _visible(browser, "article.finding .side")
        first, second = sides[0].rect, sides[1].rect
        if name == "laptop":
            assert first["y"] == second["y"], "the two quotes of a finding sit side by side on a laptop"
        else:
            assert second["y"] > first["y"], "on a phone the quotes stack"
        shot = tmp_path / f"report-{name}.png"
        assert browser.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    finally:
        browser.set_window_size(1280, 900)
