"""Fuzz targets and their inputs, shared by the short run in the test suite (test_fuzz.py) and the
long one in benchmarks/fuzz.py.

The contract under test: whatever the text or YAML, claimcheck returns a result or raises a
``ClaimcheckError``. Any other exception escaping is a bug.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import strategies as st

from claimcheck import ClaimcheckError, check, extract, load, parse_period, parse_value
from claimcheck.report.data import render_csv, render_json
from claimcheck.review import outcome

# Words of the grammars, so that random text often comes close to something readable.
WORDS = ["over", "under", "nearly", "about", "at least", "up to", "between", "and", "to", "of", "the", "top", "%",
         "per cent", "percent", "points", "trillion", "billion", "million", "$", "¥", "€", "USD", "CNY", "yuan",
         "dollars", "countries", "one", "two", "eight", "ten", "third", "half", "doubled", "times", "a year",
         "every year", "since", "in", "early", "late", "mid", "first half of", "Q3", "H1", "the 1990s", "last year",
         "this year", "March", "February", "30", "2023", "2013-10", "2023-02-30", "-", "–", "—", "(", ")", ",", ".",
         "hundred", "dozen", "thousand", "1,000", "41.9", "0.5", "1e9", "∞", "NaN", "٣", "½", "3rd", "18th", "nearly one-third",
         # the grammar of fractions, signs, currencies, ranges and bounds
         "a fifth", "three quarters", "and a half", "twenty-first", "minus", "negative", "point", "nought", "lakh",
         "crore", "C$", "HK$", "₹", "cents", "pence", "francs", "swiss francs", "MUSD", "±", "+/-", "×10^", "x10",
         "through", "~", "from", "or equal", "27-kilometer", "two-year", "sigma", "a gallon", "equal to", "one in",
         "out of", "and below", "greater than", "less than", "in.", "#### 1.", "Four Asian Tigers", "240%", "-18 °C",
         # the edges of the range claimcheck handles (issue 19, item 5)
         "x10^999", "×10^-400", "1e299", "Tm", "dB", "/m", "^400", "km**999", "years ago", "months ago", "the past",
         "consecutive years", "99999", "9" * 40, "²", "compared with",
         # counted nouns pint knows as units, compound adjectives after a number, hyphenated superlatives
         "sections", "cups", "bars", "cats", "kilos", "four-car", "units", "10-storey", "fastest-growing",
         "most-visited", "second-largest", "third-fastest-growing"]
TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=10).map("".join),
)
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2025", "2023-10", "1999-12-31", "2024-02-29", "0001", "0001-06", "9999"]),
                      st.text(max_size=12))
UNITS = st.one_of(st.none(), st.sampled_from(["%", "USD", "CNY", "JPY", "countries", "percent a year", "points",
                                               "rank", "zorkmid", "dB**2", "meter**1e999", "9**9**9", "a" * 200]),
                  st.text(max_size=8))

# Every field of a claim and a source, those of claim files v2 included (issue 19, item 19).
CLAIM_KEYS = ["id", "quote", "subject", "measure", "scope", "unit", "value", "period", "event", "date", "items",
              "complete", "note", "source_id", "line", "stated", "also", "since", "change", "derived"]
SOURCE_KEYS = ["id", "title", "author", "published", "text", "citation", "note", "affiliation", "draft"]
V2_WORDS = ["as of 1 July 2023", "by the end of 2018", "for 9 consecutive years", "observer", "not a member",
            "$8.1 billion", "+1", "-2", "before the end of 2025", "within two years", "so far", "today", "on Tuesday"]
# The fourth trial's period forms: spans of days, seasons, yearless dates, open ends.
PERIOD_WORDS = ["14 March", "13 June 2025", "14–16 March", "from 18 January to 12 February", "until", "until the end of",
                "by the end of March", "autumn", "fall", "summer of", "spring 2025", "winter 2023–24", "winter",
                "late summer", "not before", "no earlier than", "not until", "at the earliest", "or later", "after",
                "Friday"]
WORDS += V2_WORDS + PERIOD_WORDS
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT)
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.one_of(TEXT, st.sampled_from(CLAIM_KEYS)),
                                                                          inner, max_size=4)), max_leaves=12)
_claim = st.dictionaries(st.sampled_from(CLAIM_KEYS), st.one_of(TEXT, _values), max_size=8)
_source = st.dictionaries(st.sampled_from(SOURCE_KEYS), st.one_of(TEXT, _values), max_size=5)
MEASURE_KEYS = ["aliases", "drift", "kind", "categories", "signed"]
SCOPE_KEYS = ["aliases", "ambiguous", "spread", "variant_of"]
_entry = st.dictionaries(st.sampled_from(MEASURE_KEYS + SCOPE_KEYS), st.one_of(TEXT, _values), max_size=3)
VOCABULARY = st.fixed_dictionaries({}, optional={
    "measures": st.dictionaries(TEXT, _entry, max_size=3), "scopes": st.dictionaries(TEXT, _entry, max_size=3),
    "relations": st.lists(st.one_of(TEXT, st.sampled_from(["a = b × c", "a + b ⊆ c", "* ⊆ c", "d = e − f",
                                                              "e < f < g"])), max_size=3)})
DOCUMENTS = st.one_of(
    st.fixed_dictionaries({"source": _source, "claims": st.lists(_claim, max_size=4)}),
    st.fixed_dictionaries({"source": st.fixed_dictionaries({"id": st.just("s"), "published": PUBLISHED}),
                           "claims": st.lists(_claim, max_size=4)}),
    _values,
)
YAML_TEXT = st.one_of(DOCUMENTS.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), st.text(max_size=200))
VOCABULARY_TEXT = st.one_of(st.none(), VOCABULARY.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
                            st.text(max_size=100))


def fuzz_value(text: str, unit: str | None) -> None:
    try:
        value = parse_value(text, unit=unit)
    except ClaimcheckError:
        return
    if value.low_magnitude is not None and value.high_magnitude is not None:
        assert value.low_magnitude <= value.high_magnitude, f"{text!r} gives an inverted interval"


def fuzz_period(text: str, published: str | None) -> None:
    try:
        period = parse_period(text, published=published)
    except ClaimcheckError:
        return
    assert period.start <= period.end, f"{text!r} gives a period that ends before it starts"


def fuzz_extract(text: str, published: str | None) -> None:
    """Extract from any text: every candidate is its own span, and no interval is inverted."""
    try:
        candidates = extract(text, published=published)
    except ClaimcheckError:
        return
    for candidate in candidates:
        assert text[candidate.start:candidate.end] == candidate.text, f"{candidate!r} is not its span of {text!r}"
        value = candidate.value
        if value is not None and value.low_magnitude is not None and value.high_magnitude is not None:
            assert value.low_magnitude <= value.high_magnitude, f"{candidate.text!r} gives an inverted interval"


def fuzz_load(documents: list[str], vocabulary: str | None = None) -> None:
    """Load a folder of these files (and a vocabulary); if it loads, check it and render it too."""
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(documents):
            Path(folder, f"f{number}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        if vocabulary is not None:
            Path(folder, "vocabulary.yaml").write_text(vocabulary, encoding="utf-8", errors="surrogatepass")
        try:
            corpus = load(folder)
        except ClaimcheckError:
            return
        result = outcome(corpus, check(corpus), Path(folder) / "review.yaml")
        render_json(result)
        render_csv(result)
