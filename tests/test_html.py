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
SEED = Path(__file__).parent.parent / "claims"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def _page(folder: Path, tmp_path: Path, *, review: bool = False) -> Path:
    corpus = load(folder)
    report = check(corpus)
    review_path = tmp_path / "review.yaml" if review else folder / "review.yaml"
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


SCREENSHOTS = Path(__file__).parent.parent / "docs" / "img"


@pytest.mark.parametrize(("name", "width", "height"), [("laptop", 1280, 900), ("phone", 390, 844)])
def test_reads_on_a_laptop_and_a_phone(browser, tmp_path, name, width, height):
    """The seed corpus's page, as docs/workflow.md shows it; CLAIMCHECK_UPDATE_SCREENSHOTS=1 retakes docs/img/."""
    browser.set_window_size(width, height)
    try:
        browser.get(_page(SEED, tmp_path, review=False).as_uri())
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        sides = _visible(browser, "article.finding .side")
        first, second = sides[0].rect, sides[1].rect
        if name == "laptop":
            assert first["y"] == second["y"], "the two quotes of a finding sit side by side on a laptop"
        else:
            assert second["y"] > first["y"], "on a phone the quotes stack"
        folder = SCREENSHOTS if os.environ.get("CLAIMCHECK_UPDATE_SCREENSHOTS") else tmp_path
        shots = [folder / f"report-{name}.png", folder / f"report-{name}-finding.png"]
        assert browser.save_screenshot(str(shots[0]))  # the top: sources, legend, the table of disagreements
        browser.execute_script("arguments[0].scrollIntoView()", _visible(browser, "article.finding")[0])
        assert browser.save_screenshot(str(shots[1]))  # the first card, its claims side by side or stacked
        for shot in shots:
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    finally:
        browser.set_window_size(1280, 900)


@pytest.mark.parametrize("folder", [SEED, DATA / "cases", DATA / "hostile"], ids=["seed", "cases", "hostile"])
def test_nothing_scrolls_sideways_at_320_px(browser, tmp_path, folder):
    browser.set_window_size(320, 800)
    try:
        browser.get(_page(folder, tmp_path).as_uri())
        for box in browser.find_elements("css selector", 'input[name="verdict"]'):
            if not box.is_selected():
                box.click()  # every finding shown, the widest too
        for details in browser.find_elements("css selector", "details"):
            browser.execute_script("arguments[0].open = true", details)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 320px"
    finally:
        browser.set_window_size(1280, 900)


def test_the_header_names_the_sources_and_the_run(browser, tmp_path):
    browser.get(_page(SEED, tmp_path).as_uri())
    corpus = load(SEED)
    counts = {sid: sum(1 for c in corpus.claims if c.source_id == sid) for sid in corpus.sources}
    sources = browser.find_element("id", "sources").text
    for expected in ("wang-2025", "Wang Jian", "(untitled article on building a community", "(2025)",
                     "liu-hu-2023", "Liu Changxi, Hu Shaoyu", "Practical Route for Construction", "(2023)",
                     f"{counts['wang-2025']} claims", f"{counts['liu-hu-2023']} claims"):
        assert expected in sources
    ran = browser.find_element("css selector", "p.ran").text
    assert re.search(r"Checked on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by claimcheck \S+: "
                     rf"{len(corpus.claims)} claims from 2 sources", ran)
    legend = browser.find_element("css selector", "details.legend")
    assert legend.is_displayed() and "[41.85, 41.95]" in legend.text and "(60, 100]" in legend.text
    for verdict in ("conflict", "tension", "undetermined", "consistent"):
        assert verdict.upper() in legend.text or verdict in legend.text


def test_the_table_of_disagreements_opens_the_page_and_links_to_each_card(browser, tmp_path):
    corpus = load(DATA / "cases")
    report = check(corpus)
    browser.get(_page(DATA / "cases", tmp_path).as_uri())
    rows = _visible(browser, "tr.disagreement")
    assert len(rows) == len(report.conflicts) + len(report.by_verdict("tension"))
    table = browser.find_element("id", "disagreements").rect
    assert table["y"] < browser.find_element("id", "findings").rect["y"], "the table comes before the cards"
    first = rows[0]
    cells = first.find_elements("css selector", "td")
    assert [c.get_attribute("data-label") for c in cells] == ["what", "source A says", "source B says", "gap",
                                                              "verdict"]
    assert "41.9%" in first.text and "over 60%" in first.text and "18.05 points" in first.text
    link = first.find_element("css selector", "a")
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    card = browser.find_element("id", target)
    assert card.tag_name == "article" and browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight", card)


def test_the_odd_one_out_is_marked_in_the_table_and_its_card(browser, tmp_path):
    """Three sources date the signing one way, two another: one row, the two marked as the odd side."""
    browser.get(_page(DATA / "engine" / "sides", tmp_path).as_uri())
    rows = _visible(browser, "tr.disagreement")
    assert len(rows) == 1
    marked = rows[0].find_elements("css selector", "p.says.odd")
    assert len(marked) == 2 and all("ODD ONE OUT" in p.text.upper() for p in marked)
    assert len(rows[0].find_elements("css selector", "p.says")) == 5
    card = browser.find_element("css selector", "article.v-conflict")
    odd = [f for f in card.find_elements("css selector", "figure.side") if "odd" in f.get_attribute("class")]
    assert sorted(f.find_element("css selector", "code").text for f in odd) == ["blog/signed", "wiki-mirror/signed"]
    assert all("ODD ONE OUT" in f.text.upper() for f in odd)
    assert len(card.find_elements("css selector", "figure.side")) == 5


def test_a_quote_links_to_its_place_in_the_source_text(browser, tmp_path):
    browser.get(_page(SEED, tmp_path).as_uri())
    link = _visible(browser, "article.finding a.in-source")[0]
    quote = link.find_element("xpath", "..").text
    link.click()
    target = browser.find_element("id", link.get_attribute("href").split("#", 1)[1])
    assert target.is_displayed(), "the source text opened at the quote"
    assert browser.execute_script("return arguments[0].closest('details').open", target)
    words = lambda text: " ".join(re.sub(r"[“”\"'’‘]", "", text).split())  # noqa: E731
    assert words(target.text) in words(quote)


def test_a_bidi_override_in_a_field_reorders_nothing_around_it(browser, tmp_path):
    folder = tmp_path / "bidi"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        'source: {id: a, author: "Wang \u202eJian", published: 2024}\n'
        "claims:\n  - {id: x, quote: \"41.9% of trade\", subject: China, measure: trade share, value: 41.9%, period: 2022}\n"
        "  - {id: y, quote: \"over 60% of trade\", subject: China, measure: trade share, value: over 60%, period: 2022}\n",
        encoding="utf-8")
    browser.get(_page(folder, tmp_path).as_uri())
    caption = _visible(browser, "article.finding figcaption")[0]
    published = caption.find_element("css selector", ".published")
    # Visual order: each character of "(2024)" left of the next, as an isolated field leaves it.
    lefts = browser.execute_script("""
        var node = arguments[0].firstChild, out = [];
        for (var i = 0; i < node.length; i++) {
          var range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
          out.push(range.getBoundingClientRect().left);
        }
        return out;""", published)
    assert published.text == "(2024)" and lefts == sorted(lefts), "the override reordered the date beside it"
