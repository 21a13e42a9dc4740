"""The vocabulary: canonical names, drift, ambiguity, and the relation grammar (parsed, never evaluated)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import RELATION_TEXTS

from claimcheck.corpus.vocabulary import (
    build_vocabulary,
    load_vocabulary,
    normalize_name,
    parse_drift,
    parse_relation,
    parse_spread,
    similar,
)
from claimcheck.errors import VocabularyError

VOCABULARY = {
    "subjects": {"China": ["PRC"]},
    "scopes": {"neighbouring countries": {"aliases": ["neighboring countries", "periphery", "Countries in the Neighborhood"],
                                          "ambiguous": "no agreed list"}},
    "measures": {"trade share": {"aliases": ["share of total trade"], "drift": "2 points a year"},
                 "trade volume": ["trade"]},
    "relations": ["trade volume = trade share × trade volume [world]"],
}


def test_aliases_resolve_to_one_canonical_name():
    vocabulary = build_vocabulary(VOCABULARY)
    for spelling in ("neighbouring countries", "Neighboring Countries", "periphery", "countries in the neighborhood",
                     "countries  in the   neighborhood"):
        assert vocabulary.scope(spelling) == "neighbouring countries"
    assert vocabulary.subject("PRC") == "china"
    assert vocabulary.measure("Share of Total Trade") == "trade share"
    assert vocabulary.measure("an unknown measure") == "an unknown measure"


def test_drift_and_ambiguity():
    vocabulary = build_vocabulary(VOCABULARY)
    drift = vocabulary.drift("trade share")
    # Allowances are in base units: 2 points of a share are 0.02 of a whole, over three years 0.06.
    assert drift is not None and not drift.relative and drift.allowance(3, 0.40) == pytest.approx(0.06)
    assert parse_drift("15% a year").allowance(2, 100) == pytest.approx(32.25)
    assert vocabulary.ambiguity("neighbouring countries") == "no agreed list"
    with pytest.raises(VocabularyError, match="must read like"):
        parse_drift("quite a lot")


@pytest.mark.parametrize(("text", "amount", "dimension"), [
    ("2 points a year", 0.02, "dimensionless"),
    ("2 percentage points per year", 0.02, "dimensionless"),
    ("2 members a year", 2.0, "item"),
    ("1 rank a year", 1.0, "rank"),
    ("$50 billion a year", 50e9, "USD"),
    ("3 million tonnes annually", 3e9, "kilogram"),
])
def test_drift_in_natural_units(text, amount, dimension):
    drift = parse_drift(text)
    assert not drift.relative and drift.amount == pytest.approx(amount) and drift.dimension == dimension
    assert drift.applies_to(dimension) and not drift.applies_to("USD" if dimension != "USD" else "item")


def test_a_relative_drift_compounds_and_never_overflows():
    assert parse_drift("100% a year").allowance(1, 10) == pytest.approx(10)
    assert parse_drift("100% a year").allowance(1200, 1.0) == float("inf")


@pytest.mark.parametrize(("text", "level", "spread"), [("12 points", 0.4, 0.12), ("40%", 2e12, 0.8e12),
                                                       ("5 countries", 20, 5)])
def test_spread_absolute_or_relative(text, level, spread):
    assert parse_spread(text).spread_at(level) == pytest.approx(spread)


def test_kinds_categories_and_variants():
    vocabulary = build_vocabulary({
        "measures": {"exports": {"kind": "flow"}, "status": {"categories": {"member": ["member state"], "observer": []}},
                     "largest partner": {"categories": "open"},
                     "exports (goods)": {"variant_of": "exports"}},
        "scopes": {"neighbours": {"ambiguous": "no list", "spread": "10 points"},
                   "land neighbours": {"variant_of": "neighbours"}}})
    assert vocabulary.measure_kind("exports") == "flow" and vocabulary.measure_kind("status") == "state"
    assert vocabulary.category("status", "Member State") == "member"
    assert vocabulary.category("status", "candidate") is None
    assert vocabulary.category("largest partner", "Germany") == "germany"
    assert vocabulary.base_scope("land neighbours") == "neighbours"
    assert vocabulary.scope_spread("land neighbours").spread_at(0.4) == pytest.approx(0.10)
    assert vocabulary.base_measure("exports (goods)") == "exports"


@pytest.mark.parametrize(("spec", "message"), [
    ({"measures": {"x": {"kind": "stock"}}}, "must be flow, ratio or state"),
    ({"measures": {"x": {"kind": "flow", "categories": ["a"]}}}, "is a state, not a flow"),
    ({"measures": {"x": {"categories": 3}}}, "must be 'open', a list"),
    ({"scopes": {"x": {"variant_of": "y"}}}, "is not declared under scopes"),
    ({"measures": {"x": {"drift": "fast"}}}, "must read like"),
    ({"scopes": {"x": {"spread": "some"}}}, "cannot be read"),
    ({"subjects": {"x": {"drift": "2 points a year"}}}, "unknown key 'drift'"),
])
def test_bad_declarations_are_located_problems(spec, message):
    problems = []
    build_vocabulary(spec, "vocabulary.yaml", problems)
    assert any(message in p.message for p in problems), [p.message for p in problems]


def test_relations_are_parsed_by_a_small_grammar():
    relation = parse_relation("trade volume = trade share × trade volume [world]")
    assert (relation.part.measure, relation.share.measure, relation.whole.measure) == (
        "trade volume", "trade share", "trade volume")
    assert relation.whole.scope == "world" and relation.part.scope is None
    quotient = parse_relation("trade share = trade volume / trade volume [world]")
    assert (quotient.part, quotient.share, quotient.whole) == (relation.part, relation.share, relation.whole)
    for bad in ("__import__('os').system('echo hacked')", "a = b", "a = b + c", "= b × c"):
        with pytest.raises(VocabularyError, match="must read"):
            parse_relation(bad)


def test_a_sum_within_a_whole_refuses_a_scope_in_its_names_with_what_to_write():
    # trial 4 wrote "route length [section 1] + ... ⊆ route length", which was accepted and never evaluated
    with pytest.raises(VocabularyError, match="give the parts measures of their own"):
        parse_relation("route length [section 1] + route length [section 2] ⊆ route length")


def test_problems_are_collected_not_raised_when_a_list_is_given():
    problems = []
    build_vocabulary({"measures": {"a": {"alias": ["b"]}, "c": ["a"]}, "colours": {}, "relations": ["x"]},
                     "vocabulary.yaml", problems)
    messages = " | ".join(p.message for p in problems)
    assert "unknown key 'alias'" in messages and "unknown key 'colours'" in messages
    assert "is also a name of" in messages and "must read" in messages
    with pytest.raises(VocabularyError):
        build_vocabulary({"relations": ["x"]})


def test_similar_measures_are_flagged_for_a_curator():
    assert similar("trade share", "trade shares")
    assert similar("share of total trade", "share of trade")
    assert not similar("trade share", "investment growth")
    assert not similar("trade share", "trade share")


def _slow_normalize(name: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "})
    return " ".join(name.translate(table).casefold().replace("-", " ").replace("_", " ").split())


@given(st.text(alphabet=st.sampled_from(list("abcXYZ019 -_’'–\u00a0")), max_size=20))
def test_normalizing_names_is_idempotent_and_its_fast_path_agrees(name):
    once = normalize_name(name)
    assert once == _slow_normalize(name)
    assert normalize_name(once) == once


@settings(deadline=None)
@given(st.integers(0, 100_000).map(lambda n: f"{n / 10:g}% a year"), st.floats(0, 10_000), st.floats(0, 10_000),
       st.floats(-1e300, 1e300))
def test_a_drift_allows_more_over_more_years_and_never_overflows(drift, years, more, level):
    """100% a year over 1,200 years is beyond a float: the allowance is then infinite, never an OverflowError."""
    allowance = parse_drift(drift).allowance
    shorter, longer = allowance(years, level), allowance(years + more, level)
    assert 0 <= shorter <= longer


# The relation grammar's first form, a regular expression (cubic in the length on runs of spaces),
# kept here as the oracle of the linear parser that replaced it.
_OLD_TERM = r"\s*([^=×*/\[\]]+?)\s*(?:\[\s*([^\]]+?)\s*\])?\s*"
_OLD_PRODUCT = re.compile(rf"{_OLD_TERM}={_OLD_TERM}[×*]{_OLD_TERM}")
_OLD_QUOTIENT = re.compile(rf"{_OLD_TERM}={_OLD_TERM}/{_OLD_TERM}")


def _old_relation(text: str) -> tuple | None:
    def term(measure, scope):
        return normalize_name(measure), normalize_name(scope) if scope else None

    if m := _OLD_PRODUCT.fullmatch(text):
        return term(m[1], m[2]), term(m[3], m[4]), term(m[5], m[6])
    if m := _OLD_QUOTIENT.fullmatch(text):
        return term(m[3], m[4]), term(m[1], m[2]), term(m[5], m[6])
    return None


@settings(max_examples=500, deadline=None)
@given(RELATION_TEXTS)
def test_the_relation_parser_reads_what_the_old_pattern_read(text):
    try:
        relation = parse_relation(text)
    except VocabularyError:
        new = None
    else:
        new = tuple((t.measure, t.scope) for t in (relation.part, relation.share, relation.whole))
    old = _old_relation(text)
    if old is not None and any(not name or scope is not None and not scope for name, scope in old):
        old = None  # a name or '[ ]' scope of spaces only, which the pattern let through and the parser refuses
    if old is not None and old[0] == old[2]:
        old = None  # a part that is its own whole, refused since the pattern was written
    assert new == old


def test_a_long_relation_is_read_in_linear_time():
    """'a = b' + ' ' * 1600 + 'c' took 57 s (issue 19, item 14); benchmarks/parse_scaling.py times it.

    Just under the longest relation the vocabulary reads (2,000 characters), the pattern would take minutes.
    """
    with pytest.raises(VocabularyError, match="must read"):
        parse_relation("a = b" + " " * 1990 + "c")
    assert parse_relation("a" + " " * 1990 + "= b × c").part.measure == "a"
    assert parse_relation("years to join = joins" + " " * 1950 + " − applies").later == "joins"
    with pytest.raises(VocabularyError, match="longer than one relation"):
        parse_relation("a = b" + " " * 100_000 + "c")


def test_alias_collisions_and_bad_relations_are_named_at_their_own_lines(tmp_path):
    """Issue 19, item 18: a collision had no line, and a relation after a folded one was put a line too early."""
    path = tmp_path / "vocabulary.yaml"
    path.write_text(
        "scopes:\n"                                   # 1
        "  neighbouring countries:\n"                 # 2
        "    aliases:\n"                              # 3
        "      - neighboring countries\n"             # 4
        "      - periphery\n"                         # 5
        "  asia:\n"                                   # 6
        "    aliases: [east asia, Periphery]\n"       # 7
        "measures:\n"                                 # 8
        "  trade share: [share of trade]\n"           # 9
        "  share:\n"                                  # 10
        "    - share of trade\n"                      # 11
        "relations:\n"                                # 12
        "  - trade volume = trade share × trade volume [world]\n"  # 13
        "  - >-\n"                                    # 14
        "    trade volume =\n"                        # 15
        "    nonsense\n"                              # 16
        "  - [not, text]\n"                           # 17
        "  - a = b + c\n", encoding="utf-8")          # 18
    problems = []
    load_vocabulary(path, "vocabulary.yaml", problems)
    found = sorted((p.line, p.field, p.message) for p in problems)
    assert [(line, field) for line, field, _ in found] == [
        (7, "scopes.asia"), (11, "measures.share"), (14, "relations[1]"), (17, "relations[2]"), (18, "relations[3]")]
    assert "'Periphery' is also a name of 'neighbouring countries' (line 5)" in found[0][2]
    assert "'share of trade' is also a name of 'trade share' (line 9)" in found[1][2]
