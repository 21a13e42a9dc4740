"""Extraction: spans with exact offsets, read by the claim grammar, and what must not be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import load, parse_value
from claimcheck.cli import main
from claimcheck.extraction.candidates import extract
from claimcheck.extraction.dates import _DATE_SPAN
from claimcheck.extraction.dates import DateScan as _DateScan
from claimcheck.extraction.text import _VALUE_HINT, sentences
from claimcheck.extraction.text import has_value_hint as _has_value_hint

SEEDS = Path(__file__).parent.parent / "claims" / "sources"


def found(text: str, published: str | None = "2025") -> dict[str, object]:
    """Candidate text → candidate, checking every offset against the original text on the way."""
    out = {}
    for candidate in extract(text, published=published):
        assert text[candidate.start:candidate.end] == candidate.text
        start, end = candidate.sentence
        assert start <= candidate.start and candidate.end <= end
        out[candidate.text] = candidate
    return out


@pytest.mark.parametrize(("text", "span", "kind", "interval"), [
    ("Trade has taken up over 60% of its total foreign trade.", "over 60%", "share", "(60, 100] %"),
    ("It reached nearly one-third of the total.", "nearly one-third", "share", "[30, 33.333333) %"),
    ("Trade reached $2.64 trillion last year.", "$2.64 trillion", "amount", "[2.635, 2.645] trillion USD"),
    ("They invested 3.5 billion yuan.", "3.5 billion yuan", "amount", "[3.45, 3.55] billion CNY"),
    ("Eight of the top ten partners are neighbours.", "Eight of the top ten partners", "count", "[8] partners"),
    ("Seven out of its ten members agreed.", "Seven out of its ten members", "count", "[7] members"),
    ("Investment has nearly doubled compared with ten years ago.", "nearly doubled", "change_multiple", "[1.8, 2) ×"),
    ("Exports grew over 20% every year.", "grew over 20% every year", "rate", "(20, ∞) %/year"),
    ("China is the largest trading partner of ASEAN.", "the largest", "rank", "[1] rank"),
    ("The pact covers 18 countries.", "18 countries", "count", "[18] countries"),
    ("It signed with five Central Asian countries.", "five Central Asian countries", "count", "[5] Central Asian countries"),
    ("Between 30 and 45% agreed.", "Between 30 and 45%", "share", "[30, 45] %"),
    ("At least 1,200 firms took part.", "At least 1,200 firms", "count", "[1200, ∞) firms"),
    ("He walked two and a half miles to the east.", "two and a half miles", "amount", "[2.5] mile"),
    ("Nearly half a million people came.", "Nearly half a million people", "count", "[450000, 500000) people"),
    ("More than half of its trade is with Asia.", "More than half", "share", "(50, 100] %"),
    ("Three quarters of the members agreed.", "Three quarters", "share", "[75] %"),
    ("Sales were greater than 100 and smaller than 300 units.", "greater than 100 and smaller than 300 units",
     "count", "(100, 300)"),
    ("The dose is 44 mg to 50 mg a day.", "44 mg to 50 mg a day", "amount", "[44, 50] milligram / day"),
    ("One in five adults smoke.", "One in five adults", "share", "[20] %"),
    ("I can give you 3 hundred and 21 yuan.", "3 hundred and 21 yuan", "amount", "[321] CNY"),
    ("Gas sold at $3 a gallon last week.", "$3 a gallon", "amount", "[2.5, 3.5] USD / gallon"),
    ("Workers earn $15 an hour.", "$15 an hour", "amount", "[14.5, 15.5] USD / hour"),
    ("The length of my pencil is 2 in.", "2 in", "amount", "[1.5, 2.5] inch"),
    ("It fell to minus 5 degrees Celsius.", "minus 5 degrees Celsius", "amount", "[-5.5, -4.5] degree_Celsius"),
])
def test_reads_each_construct(text, span, kind, interval):
    candidate = found(text)[span]
    assert candidate.kind == kind
    assert candidate.value.interval_text() == interval
    assert parse_value(candidate.text).interval_text() == interval  # the claim grammar reads the span the same


def test_the_sentence_date_is_attached_to_its_numbers():
    text = "In 2022, China’s trade with neighboring countries reached $2.64 trillion, accounting for 41.9% of its total trade."
    got = found(text)
    for span in ("$2.64 trillion", "41.9%"):
        assert got[span].period.label() == "2022"
        assert text[slice(*got[span].period_span)] == "In 2022"
    assert got["41.9%"].subject == "China" and got["41.9%"].measure == "trade share"


@pytest.mark.parametrize(("text", "label"), [
    ("Trade rose 5% last year.", "2024"),
    ("Trade rose 5% in the first half of 2024.", "H1 2024"),
    ("Trade rose 5% since 2013.", "2013–2025"),
    ("Trade rose 5% in March 2019.", "March 2019"),
    ("China has been the largest partner for 15 consecutive years.", "2011–2025"),
    ("Trade rose 5% over 2012–2022.", "2012–2022"),
])
def test_periods_are_read_and_anchored_to_publication(text, label):
    candidate = next(c for c in extract(text, published="2025") if c.value is not None)
    assert candidate.period.label(note=False) == label


def test_relative_periods_need_a_publication_date_never_the_clock():
    assert all(c.period is None for c in extract("Trade rose 5% last year.", published=None))


def test_a_dated_event_is_a_candidate_without_a_value():
    text = "In October 2013, the CPC Central Committee convened the central conference on work related to neighbours."
    dates = [c for c in extract(text, published="2025") if c.kind == "date"]
    assert [c.text for c in dates] == ["In October 2013"] and dates[0].period.label() == "October 2013"


def test_enumerations_are_candidates_with_their_items():
    text = "Russia, India, Indonesia and Kazakhstan are members of the mechanism."
    (listed,) = [c for c in extract(text) if c.kind == "items"]
    assert listed.items == ("Russia", "India", "Indonesia", "Kazakhstan")


@pytest.mark.parametrize("text", [
    "Since the 18th National Congress of the Communist Party of China, diplomacy changed.",
    "China works with ASEAN on the signing of CAFTA 3.0 this year.",
    "The G20 met, and COVID-19 spread.",
    "See Article 5 of the treaty.",
    "The meeting starts at 4:30 and ends at 2 pm.",
    "We met at 3 a.m. and left.",
    "The server at 192.168.1.2 answered.",
    "He came third in the race.",
    "References [2] and [3] disagree.",
    "It built on the achievements of the “Four Asian Tigers” in the region.",
    "They uphold the Five Principles of Peaceful Coexistence.",
    "The 10+3 Culture Ministerial Forum met.",
    "It improves digital infrastructure such as 5G.",
    "#### 1. Introduction\n\nThe text begins.",
    "On the one hand, it works; no one country is left behind.",
    "They deepen two-way ties, and the gap between the two is narrowing.",
])
def test_numbers_in_names_codes_times_and_ordinals_are_not_values(text):
    assert [c.text for c in extract(text) if c.value is not None] == []


@pytest.mark.parametrize("text", ["The one you mentioned is invalid.", "Which one do you prefer?",
                                  "Let's try one last time."])
def test_one_as_a_pronoun_is_not_a_count(text):
    assert not [c for c in extract(text) if c.value is not None]


@pytest.mark.parametrize(("text", "span"), [
    ("They tap the market of the five Central Asian countries.", "five Central Asian countries"),
    ("Five Central Asian countries joined.", "Five Central Asian countries"),
    ("The leader reiterated the two Global Initiatives.", "two Global Initiatives"),
    ("The two countries agreed.", "two countries"),
])
def test_counts_of_named_things_stay_counts(text, span):
    """A lower-case number word before capitals counts them; a capitalized one inside a sentence names."""
    assert span in found(text)



@pytest.mark.parametrize(("text", "span"), [
    ("The number is from 200 to 3000000 today.", "from 200 to 3000000"),
    ("Prices fell from $ 659 in October.", "$ 659"),
    ("Is it still the case when <-30 ?", "<-30"),
    ("The price of the simulator ranges between C$ 16.4 million", "C$ 16.4 million"),
    ("Sales grew to $1.17 billion a year earlier.", "$1.17 billion"),
])
def test_ranges_from_and_signs(text, span):
    assert span in found(text)


@pytest.mark.parametrize("text", ["<>30", "=>30", "=<30"])
def test_odd_comparison_signs_are_no_hedges(text):
    assert not [c for c in extract(text) if c.value is not None and c.value.low_magnitude != c.value.high_magnitude]


def test_ordinals_are_not_fractions_and_percentages_are_not_years():
    assert [c.kind for c in extract("The third meeting was held.") if c.value is not None] == []
    got = found("About 49% of the respondents agreed, and 20.5% did not.")
    assert {c.kind for c in got.values()} == {"share"} and all(c.period is None for c in got.values())
    assert [c.kind for c in extract("Two thirds of the members agreed.")] == ["share"]


def test_a_bare_year_is_a_period_not_a_value():
    got = found("Trade rose in 2019.")
    assert [c.kind for c in got.values()] == ["date"]


def test_sentences_skip_abbreviations_and_decimals():
    text = "The U.S. gave 3.5 billion dollars. Mr. Smith agreed. Then it ended."
    assert [text[a:b] for a, b in sentences(text)] == ["The U.S. gave 3.5 billion dollars.", "Mr. Smith agreed.",
                                                       "Then it ended."]


def test_offsets_survive_typographic_characters():
    text = "“China’s share — over 60% — rose.”\u00a0In 2022 it was 41.9%."
    got = found(text)
    assert "over 60%" in got and "41.9%" in got


# --- properties ---------------------------------------------------------------------------------

_SENTENCES = [
    "In 2022, trade reached $2.64 trillion, accounting for 41.9% of the total.",
    "Over 60% of its foreign trade is with neighbours.",
    "Eight of the top ten partners are in Asia.",
    "Investment has nearly doubled compared with ten years ago.",
    "The 18th National Congress met in 2012.",
    "Exports grew over 20% every year since 2013.",
    "Russia, India and Kazakhstan joined.",
    "Nothing to see here.",
]
_FILLER = st.sampled_from(["The weather was fine.", "People talked at length about it.", "It rained on Tuesday.",
                           "Ministers met again and discussed matters.", "Nobody disagreed with the plan."])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SENTENCES), st.text(max_size=60)), max_size=6).map(" ".join))
def test_every_candidate_is_its_span(text):
    for candidate in extract(text, published="2025"):
        assert text[candidate.start:candidate.end] == candidate.text
        assert candidate.start < candidate.end
        if candidate.period_span:
            assert candidate.sentence[0] <= candidate.period_span[0] < candidate.period_span[1] <= candidate.sentence[1]


@settings(max_examples=80, deadline=None)
@given(original=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4),
       filler=st.lists(st.tuples(st.integers(0, 4), _FILLER), max_size=4))
def test_added_unrelated_sentences_never_lose_a_candidate(original, filler):
    before = {(c.text, c.kind) for c in extract(" ".join(original), published="2025")}
    mixed = list(original)
    for position, sentence in filler:
        mixed.insert(min(position, len(mixed)), sentence)
    after = {(c.text, c.kind) for c in extract(" ".join(mixed), published="2025")}
    assert before <= after


_DATE_WORDS = ["in", "2022", "1999", "March", "Sept.", "the", "first", "half", "of", "since", "between", "and", "Q1",
               "H2", "-", "/", "12", "5th", "last", "next", "year", "years", "ago", "3", "three", "today", "to", "now",
               "%", "per cent", "mid-2010s", "'90s", "\u0662\u0660\u0662\u0662", "week", "month", "quarter", ",",
               ".", "é", "Monday", "from", "until", "early", "late", "summer", "2013-05-01", "10/2020", "x"]
_GAPS = st.sampled_from([" ", " ", " ", "", "\u00a0", "\n", "  \t ", " " * 60, "-", ", "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(_DATE_WORDS), st.text(max_size=4)), _GAPS), max_size=25),
       st.integers(0, 10), st.integers(0, 10))
def test_the_fast_date_scan_finds_exactly_what_the_date_pattern_finds(pieces, cut_start, cut_end):
    text = "".join(word + gap for word, gap in pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    fast = [m.span() for m in _DateScan(text).matches(start, end)]
    assert fast == [m.span() for m in _DATE_SPAN.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(["one", "twenty", "½", "3", "\u0663", "largest", "top", "é",
                                                      "three-fold", "dozen", "most", "Thirds", "many-fold", "⅜"]), st.text(max_size=4)),
                          _GAPS), max_size=10))
def test_the_fast_value_hint_misses_no_sentence_the_pattern_would_hint(pieces):
    text = "".join(word + gap for word, gap in pieces)
    if _VALUE_HINT.search(text):
        assert _has_value_hint(text, 0, len(text))


# --- the seeds and the CLI ----------------------------------------------------------------------


def test_candidates_cover_the_curated_claims_of_the_seeds():
    """The issue's bar: candidates overlap the quotes of at least 95% of the claims curated by hand."""
    corpus = load(SEEDS.parent)
    missed, total = [], 0
    for source_id, source in corpus.sources.items():
        text = (SEEDS.parent / source.text).read_text(encoding="utf-8")
        candidates = extract(text, published=source.published.text)
        for claim in (c for c in corpus.claims if c.source_id == source_id):
            at = text.find(claim.quote)
            total += 1
            if not any(c.start < at + len(claim.quote) and at < c.end for c in candidates):
                missed.append(claim.id)
    assert total > 50 and len(missed) <= 0.05 * total, missed


def test_the_draft_of_a_seed_reads_back_as_extracted(tmp_path, capsys):
    text = (SEEDS / "wang-2025.txt").read_text(encoding="utf-8")
    (tmp_path / "wang.txt").write_text(text, encoding="utf-8")
    draft = tmp_path / "wang.yaml"
    assert main(["extract", str(tmp_path / "wang.txt"), "--published", "2025", "--output", str(draft)]) == 0
    corpus = load(tmp_path, strict=False)
    assert corpus.sources["wang"].draft
    # The only problems are the fields left for a person: measures and events.
    assert {p.message for p in corpus.problems} <= {"a claim with a value or items needs a measure",
                                                     "a claim with a date needs an event"}
    by_id = {c.id: c for c in corpus.claims}
    candidates = extract(text, published="2025")
    assert len(candidates) >= 40
    for number, candidate in enumerate(candidates, start=1):
        claim = by_id.get(f"c{number:03d}")
        if claim is not None and candidate.value is not None:
            assert claim.value.interval_text() == candidate.value.interval_text()
            if candidate.period is not None:
                assert (claim.period.start, claim.period.end) == (candidate.period.start, candidate.period.end)


def test_extract_never_overwrites_without_force(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text("Trade rose 5% in 2022.", encoding="utf-8")
    target = tmp_path / "doc.yaml"
    target.write_text("# a curated file\n", encoding="utf-8")
    assert main(["extract", str(doc), "-o", str(target)]) == 2
    assert "never overwrites" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# a curated file\n"
    assert main(["extract", str(doc), "-o", str(target), "--force"]) == 0
    assert "draft: true" in target.read_text(encoding="utf-8")


def test_extract_lists_candidates_as_json(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text("In 2022, trade rose over 5%.", encoding="utf-8")
    assert main(["extract", str(doc), "--format", "json", "--published", "2025"]) == 0
    payload = json.loads(capsys.readouterr().out)
    (candidate,) = payload["candidates"]
    assert candidate["text"] == "rose over 5%" and candidate["start"] == 15 and candidate["period"]["label"] == "2022"


def test_several_files_go_to_a_folder(tmp_path, capsys):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"In 2022, {name} rose 5%.", encoding="utf-8")
    out = tmp_path / "drafts"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_bad_publication_date_is_a_usage_error(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text("Trade rose 5%.", encoding="utf-8")
    assert main(["extract", str(doc), "--published", "someday"]) == 2
    assert "someday" in capsys.readouterr().err


def test_numbers_in_web_and_mail_addresses_are_not_values():
    text = "See https://www.test.com/search?q=30%25%2020% or write to desk2024@news.org; trade rose 41.9%."
    assert [c.text for c in extract(text) if c.value is not None] == ["rose 41.9%"]


def test_a_very_long_sentence_keeps_every_value_and_its_period():
    """One sentence of many clauses: values and periods are matched by neighbourhood, not all against all."""
    text = "Trade rose over 60% in 2022 and " * 400
    values = [c for c in extract(text, published="2025") if c.value is not None]
    assert len(values) == 400 and all(c.period is not None and c.period.label() == "2022" for c in values)


_LIST_WORDS = ["Russia", "India", "the Philippines", "Peru", "Chile", "Bank of China", "and", "or", "Quickly",
               "x", "The", "New", "York"]
_LIST_GAPS = st.sampled_from([", ", " ", ", and ", " and ", ",  ", ". ", "; "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LIST_WORDS), _LIST_GAPS), max_size=14))
def test_lists_are_found_as_the_list_pattern_finds_them(pieces):
    """The one-pass list reader finds what one regular expression over the names would (it was quadratic)."""
    import re

    from claimcheck.extraction.candidates import _NAME, lists_in
    from claimcheck.extraction.guesses import SUBJECT_SKIP

    text = "".join(word + gap for word, gap in pieces)
    pattern = re.compile(rf"\b{_NAME}(?:,\s+{_NAME}){{1,}},?\s+(?:and|or)\s+{_NAME}")
    expected = []
    for match in pattern.finditer(text):
        members = [re.sub(r"^the\s+", "", m.strip()) for m in
                   re.split(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", match.group()) if m.strip()]
        if not any(m.split()[0] in SUBJECT_SKIP or (" " not in m and m.endswith("ly")) for m in members):
            expected.append(tuple(members))
    assert [members for _, _, members in lists_in(text, 0, len(text))] == expected


@pytest.mark.parametrize("text", [
    "Call +44 20 7946 0958 for tickets.",
    "The release 3.12.1 fixed the bug.",
    "The office is at SW1A 2AA in London.",
    "The hurricane reached Category 5 on Monday.",
    "The meeting ended at 14:05 local time.",
    "Windows 11 users can update now.",
    "Spain's 2-0 win sent them into the final.",
    "The team drew 1-1 with Italy.",
    "Updated 12 March 2024\nBy Staff Reporter | 3 min read\n\nThe text begins.",
])
def test_codes_names_and_page_furniture_are_not_values(text):
    assert [c.text for c in extract(text, published="2025") if c.value is not None] == []


def test_a_range_of_numbers_without_a_word_of_sport_is_read():
    assert [c.text for c in extract("The index rose 3-5% last year.", published="2025")] == ["rose 3-5%"]
