"""The value grammar on the words news writes around a number: changes, money signs, units, ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import ClaimcheckError, parse_value
from claimcheck.read.forms import CHANGE_VERBS, direction_of
from claimcheck.read.numbers import FRACTIONS
from claimcheck.read.unit_words import COUNTED_NOUNS


@pytest.mark.parametrize(("text", "kind", "interval", "direction"), [
    ("rose 5.2%", "change_multiple", "[1.0515, 1.0525] ×", "up"),
    ("up 5%", "change_multiple", "[1.045, 1.055] ×", "up"),
    ("rose over 5%", "change_multiple", "(1.05, ∞) ×", "up"),  # a rise is no share: it may pass 100%
    ("fell by a third", "change_multiple", "[0.666667] ×", "down"),
    ("fell by more than 20%", "change_multiple", "[0, 0.8) ×", "down"),  # a fall takes at most all of it
    ("lost about 30%", "change_multiple", "[0.685, 0.715] ×", "down"),
    ("a 38% increase", "change_multiple", "[1.375, 1.385] ×", "up"),
    ("decline of 12%", "change_multiple", "[0.875, 0.885] ×", "down"),
    ("growth of 3.1%", "change_multiple", "[1.0305, 1.0315] ×", "up"),
    ("14% higher", "change_multiple", "[1.135, 1.145] ×", "up"),
    ("1.2% lower", "change_multiple", "[0.9875, 0.9885] ×", "down"),
    ("cut its fleet by half", "change_multiple", "[0.5] ×", "down"),
    ("rose by a quarter", "change_multiple", "[1.25] ×", "up"),
    ("down 0.3 percentage points", "difference", "[-0.35, -0.25] points", "down"),
    ("two points lower", "difference", "[-2] points", "down"),
    ("dropped by $4.5 billion", "difference", "[-4.55, -4.45] billion USD", "down"),
    ("cut 3,500 jobs", "difference", "[-3500]", "down"),
    ("increased by two", "difference", "[2]", "up"),
    ("cut output by 2 million barrels per day", "difference", "[-2.5, -1.5] million barrel / day", "down"),
    ("grown 8% a year", "rate", "[7.5, 8.5] %/year", "up"),
    ("fell 2% a year", "rate", "[-2.5, -1.5] %/year", "down"),
    ("nearly doubled", "change_multiple", "[1.8, 2) ×", "up"),
    ("halved", "change_multiple", "[0.5] ×", "down"),
])
def test_a_change_is_read_with_its_direction_never_as_a_share(text, kind, interval, direction):
    value = parse_value(text)
    assert (value.kind, value.interval_text(), direction_of(value)) == (kind, interval, direction)
    again = parse_value(value.canonical)  # the canonical text reads back as the same change
    assert (again.interval_text(), direction_of(again)) == (interval, direction)


@pytest.mark.parametrize(("text", "interval"), [
    ("up to 5%", "[0, 5] %"),  # a hedge, not a rise
    ("over 5%", "(5, 100] %"),
    ("higher than 100", "(100, ∞)"),
    ("lower or equal than three hundred", "[0, 300]"),
])
def test_words_of_bounds_are_not_changes(text, interval):
    value = parse_value(text)
    assert value.interval_text() == interval and direction_of(value) is None


@pytest.mark.parametrize("text", ["rose to 5%", "up from 75p", "fell 120%", "rose rose 5%", "rose"])
def test_what_is_no_change_amount_is_refused(text):
    with pytest.raises(ClaimcheckError):
        parse_value(text)


@settings(max_examples=200, deadline=None)
@given(verb=st.sampled_from(sorted(CHANGE_VERBS)), by=st.booleans(), percent=st.integers(0, 99),
       decimals=st.integers(0, 2))
def test_a_change_by_a_percentage_is_a_multiple_on_the_side_of_its_direction(verb, by, percent, decimals):
    number = f"{percent / 10 ** decimals:.{decimals}f}"
    value = parse_value(f"{verb} {'by ' if by else ''}{number}%")
    assert value.kind == "change_multiple"
    if CHANGE_VERBS[verb] == "up":
        assert value.low_magnitude >= 1 - 1e-9 and direction_of(value) in ("up", None)
    else:
        assert value.high_magnitude <= 1 + 1e-9 and direction_of(value) in ("down", None)


@pytest.mark.parametrize(("text", "unit", "interval"), [
    ("RM15", None, "[14.5, 15.5] MYR"),
    ("RM2 mil", None, "[1.5, 2.5] million MYR"),
    ("40 sen", None, "[39.5, 40.5] MYR_sen"),
    ("$A5 million", None, "[4.5, 5.5] million AUD"),
    ("A$5 million", None, "[4.5, 5.5] million AUD"),
    ("$US45 million", None, "[44.5, 45.5] million USD"),
    ("85p", None, "[84.5, 85.5] GBP_penny"),
    ("$5 mil", None, "[4.5, 5.5] million USD"),
    ("£85m", None, "[84.5, 85.5] million GBP"),
    ("3.4m tonnes", None, "[3.35, 3.45] million metric_ton"),  # million, not metres
    ("12m people", None, "[11.5, 12.5] million people"),
    ("5m long", None, "[4.5, 5.5] meter"),  # metres
    ("12m (39ft)", None, "[11.5, 12.5] meter"),  # the feet in brackets say so
    ("up to 12m (39ft)", None, "[0, 12] meter"),
    ("40C (104F)", None, "[39.5, 40.5] degree_Celsius"),
    ("25 C", None, "[24.5, 25.5] degree_Celsius"),  # not coulombs
    ("31C", None, "[30.5, 31.5] degree_Celsius"),
    ("10 C/s", None, "[9.5, 10.5] coulomb / second"),
    ("16,000 metric tons", None, "[15999.5, 16000.5] metric_ton"),
    ("3 metric tonnes per day", None, "[2.5, 3.5] metric_ton / day"),
    ("12 nautical miles", None, "[11.5, 12.5] nautical_mile"),
    ("39ft", None, "[38.5, 39.5] foot"),
    ("two US investors", None, "[2] US investors"),  # a name in capitals, not microseconds lower-cased
    ("5 MW", None, "[4.5, 5.5] megawatt"),  # as written, a unit
    ("just over three pounds", "lb", "(3, 3.15] pound"),  # a weight, where the claim says so
    ("nearly three pounds", None, "[2.7, 3) GBP"),  # money otherwise
    ("2 hours 14 minutes", None, "[2.225, 2.241667] hour"),
    ("5 feet 11 inches", None, "[5.875, 5.958333] foot"),
    ("6 ft 2 in", None, "[6.125, 6.208333] foot"),
    ("500 km2", None, "[499.5, 500.5] kilometer ** 2"),
    ("minus-40 degrees", None, "[-40.5, -39.5] degree"),
    ("200 million-year-old", None, "[199.5, 200.5] million year"),
    ("40-year-old", None, "[39.5, 40.5] year"),
    ("sub-$500", None, "[0, 500) USD"),
    ("up to 200 km per hour", None, "[0, 200] kilometer / hour"),  # a length is never below zero
    ("under -5 C", None, "(-∞, -5) degree_Celsius"),  # a temperature may be
])
def test_money_and_unit_words(text, unit, interval):
    assert parse_value(text, unit=unit).interval_text() == interval


@pytest.mark.parametrize(("text", "interval"), [
    ("$400,000 to $2 million", "[0.4, 2] million USD"),  # the million is the second end's alone
    ("$1-2 billion", "[1, 2] billion USD"),  # here it is both ends'
    ("1 to 2 million homes", "[1, 2] million homes"),
    ("6% to 8%", "[6, 8] %"),
    ("from 6% to 8%", "[6, 8] %"),
    ("from €500 to €5,000", "[500, 5000] EUR"),
])
def test_ranges_with_a_scale_word_or_unit_on_one_end_or_both(text, interval):
    assert parse_value(text).interval_text() == interval


@pytest.mark.parametrize("text", ["12m (50ft)", "1.2 trillion yen ($8.1 billion)", "5 (6)"])
def test_a_value_in_brackets_must_be_the_same_quantity(text):
    with pytest.raises(ClaimcheckError):
        parse_value(text)


@pytest.mark.parametrize(("text", "kind", "unit", "interval"), [
    ("about 44,000 passengers a day", "rate", "item / day", "[41800, 46200] a day"),
    ("20 flights a week", "rate", "item / week", "[19.5, 20.5] a week"),
    ("1,500 people daily", "rate", "item / day", "[1499.5, 1500.5] a day"),
    ("500 visitors per month", "rate", "item / month", "[499.5, 500.5] a month"),
    ("100 people/day", "rate", "item / day", "[99.5, 100.5] a day"),
    ("3 million TEU a year", "rate", "item / year", "[2.5, 3.5] million a year"),
    ("$15 an hour", "amount", "USD / hour", "[14.5, 15.5] USD / hour"),
    ("2 million barrels a day", "amount", "barrel / day", "[1.5, 2.5] million barrel / day"),
    ("$21,000 per capita", "amount", "USD / item", "[20999.5, 21000.5] USD each"),  # money per person
    ("£30 a head", "amount", "GBP / item", "[29.5, 30.5] GBP each"),
])
def test_a_count_or_amount_per_unit_of_time_or_per_person_is_a_rate(text, kind, unit, interval):
    # a daily average is compared over its window, never as the size of a set at an instant
    value = parse_value(text)
    assert (value.kind, value.unit, value.interval_text()) == (kind, unit, interval)


def test_a_percentage_per_month_is_refused_with_what_to_write():
    with pytest.raises(ClaimcheckError, match="a percentage a month is not read"):
        parse_value("2% a month")


@pytest.mark.parametrize(("text", "counted"), [
    ("two of its three sections", "sections"),  # pint's section is a square mile
    ("3 sections", "sections"),
    ("12 rail links", "rail links"),
    ("2 cups", "cups"),  # of coffee: a serving, not 236.6 ml
    ("4 shots", "shots"),
    ("3 cats", "cats"),  # not centi-technical-atmospheres: pint's prefixes go only where news writes them
    ("5 pins", "pins"),  # not pico-inches
    ("2 exams", "exams"),  # not exametres
    ("three care homes", "care homes"),  # not centiares
    ("6 hats", "hats"),
    ("three dams", "dams"),  # not decametres
    ("two strains", "strains"),
    ("2 quarters", "quarters"),  # not a quarter hundredweight
    ("3 bars", "bars"),
    ("two bus routes", "bus routes"),  # not bushels
    ("27 are", "are"),
])
def test_nouns_that_pint_knows_as_units_are_counted(text, counted):
    value = parse_value(text)
    assert (value.kind, value.unit, value.counted) == ("count", "item", counted)


@pytest.mark.parametrize(("text", "unit"), [
    ("3 stone", "stone"), ("10 barrels", "barrel"), ("12 knots", "knot"),
    ("40 degrees", "degree"), ("2 acres", "acre"), ("5 hectares", "hectare"), ("700 bar", "bar"),
    ("36 Gt", "gigametric_ton"), ("12 megapixels", "megapixel"), ("66 Ma", "megayear"), ("980 hPa", "hectopascal"),
    ("15 mSv", "millisievert"), ("140 fb", "femtobarn"), ("8 MB", "megabyte"), ("3 kilos", "kilogram"),
    ("2 pints", "pint"), ("5 kcal", "kilocalorie"), ("300 mAh", "milliampere_hour"), ("2 GW", "gigawatt"),
])
def test_measure_words_news_uses_stay_units(text, unit):
    value = parse_value(text)
    assert (value.kind, value.unit) == ("amount", unit)


@settings(max_examples=200, deadline=None)
# "two quarters" is a fraction, half (the fraction grammar reads it first); "2 quarters" is counted
@given(noun=st.sampled_from(sorted(COUNTED_NOUNS - FRACTIONS.keys())), number=st.one_of(
    st.integers(0, 10**6).map(str), st.sampled_from(["two", "three", "eight", "twenty-one", "a dozen", "1,200"])))
def test_every_counted_noun_is_a_count_of_it_whatever_number_comes_first(noun, number):
    value = parse_value(f"{number} {noun}")
    assert (value.kind, value.unit, value.counted) == ("count", "item", noun)


@pytest.mark.parametrize(("text", "interval"), [
    ("24 four-car units", "[24] units"),  # trains of four cars: the count is the first number
    ("twenty-four four-car units", "[24] units"),
    ("three two-week strikes", "[3] strikes"),
    ("two three-year plans", "[2] plans"),
    ("five 10-storey buildings", "[5] buildings"),
    ("1.2 million two-bedroom homes", "[1.15, 1.25] million homes"),
    ("a 40-year lease", "[39.5, 40.5] year"),  # no number before: the compound is the value, as extraction reads it
    ("a two-week strike", "[2] week"),
    ("a three-year plan", "[3] year"),
    ("a 27-kilometer tunnel", "[26.5, 27.5] kilometer"),
    ("10-storey building", "[10] storey"),
    ("a nine-member bloc", "[9] member"),
    ("two-year or more", "[2, ∞) year"),  # a hedge after the compound is no noun it describes
    ("8- to 16-meter", "[8, 16] meter"),
])
def test_a_compound_adjective_after_a_number_describes_what_is_counted(text, interval):
    assert parse_value(text).interval_text() == interval


@pytest.mark.parametrize(("text", "rank"), [
    ("fastest-growing", 1), ("the fastest-growing city", 1), ("the fastest growing", 1), ("best-selling", 1),
    ("largest", 1), ("the most-visited", 1), ("highest-paid", 1), ("second-largest", 2), ("third-busiest", 3),
    ("second fastest-growing", 2), ("third-fastest-growing", 3), ("the hottest", 1),
])
def test_superlatives_with_a_hyphen_are_ranks(text, rank):
    value = parse_value(text)
    assert (value.kind, value.low_magnitude, value.high_magnitude) == ("rank", rank, rank)
