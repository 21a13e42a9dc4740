"""Claim files v2: the fields that let a claim say what a text says, each with a located error."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from claimcheck import Claim, ClaimFileError, load, parse_period
from claimcheck.corpus.vocabulary import build_vocabulary

PUBLISHED = parse_period("2024-05-02")


def claim(**fields):
    vocabulary = build_vocabulary(fields.pop("vocabulary", None))
    return Claim.model_validate({"id": "c", "source_id": "s", **fields},
                                context={"published": PUBLISHED, "vocabulary": vocabulary})


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_a_figure_in_two_currencies_is_one_value_written_twice():
    c = claim(measure="exports", value="1.2 trillion yen", also="$8.1 billion", period=2023)
    assert c.value.unit == "JPY" and [v.unit for v in c.also] == ["USD"]
    assert [v.interval_text() for v in c.also] == ["[8.05, 8.15] billion USD"]
    several = claim(measure="exports", value="1.2 trillion yen", also=["$8.1 billion", "€7.5 billion"], period=2023)
    assert [v.unit for v in several.also] == ["USD", "EUR"]


def test_a_second_writing_in_the_same_dimension_must_agree():
    ok = claim(measure="height", value="12 metres", also="39.4 feet", period=2023)
    assert ok.also[0].unit == "foot"
    with pytest.raises(ValidationError, match="does not agree with the value"):
        claim(measure="height", value="12 metres", also="50 feet", period=2023)
    with pytest.raises(ValidationError, match="which the claim already gives"):
        claim(measure="exports", value="$8 billion", also="$8.1 billion", period=2023)
    with pytest.raises(ValidationError, match="give the value first"):
        claim(measure="exports", event="launch", date=2023, also="$8.1 billion")


def test_stated_is_when_it_was_said_and_anchors_relative_periods():
    c = claim(measure="largest partner", value="largest", stated=2016, period="for 9 consecutive years")
    assert c.stated.start.year == 2016 and c.period.streak.last_year == 2016
    undated = claim(measure="members", value="30", stated="March 2013")
    assert undated.period.assumed and undated.period.start.isoformat() == "2013-03-01"
    assert "as of the statement" in undated.period.reading
    assert undated.period.label() == "March 2013, assumed as of its statement"  # not of the publication
    with pytest.raises(ValidationError, match="not a run of years"):
        claim(measure="members", value="30", stated="for 3 consecutive years")


def test_a_value_with_no_period_is_read_as_of_publication():
    c = claim(measure="members", value="30")
    assert c.period.assumed and "as of publication" in c.period.reading


def test_an_event_may_say_how_it_changes_a_measure():
    joined = claim(subject="NATO", measure="members", event="Finland joins", date="4 April 2023", change="+1")
    assert (joined.change.low_magnitude, joined.change.high_magnitude) == (1, 1)
    left = claim(subject="EU", measure="member states", event="the UK leaves", date="31 January 2020", change="-1")
    assert (left.change.low_magnitude, left.change.high_magnitude) == (-1, -1)
    with pytest.raises(ValidationError, match="a change belongs to an event"):
        claim(measure="members", value="30", change="+1")


CATEGORIES = {"measures": {"status": {"categories": {"member": ["member state", "full member"],
                                                     "observer": [], "candidate": []}},
                           "largest trading partner": {"categories": "open"}},
              "subjects": {"United States": ["the U.S.", "US"]}}


@pytest.mark.parametrize(("value", "category", "negated"), [
    ("observer", "observer", False), ("an observer", "observer", False), ("Member State", "member", False),
    ("not a member", "member", True), ("has not yet ratified", None, None)])
def test_a_category_is_a_value_of_a_declared_measure(value, category, negated):
    if category is None:
        with pytest.raises(ValidationError, match="not one of the categories declared"):
            claim(subject="Norway", measure="status", value=value, period=2024, vocabulary=CATEGORIES)
        return
    c = claim(subject="Norway", measure="status", value=value, period=2024, vocabulary=CATEGORIES)
    assert c.value.is_category and (c.value.category, c.value.negated) == (category, negated)


def test_an_open_category_is_any_name_through_the_subject_aliases():
    c = claim(subject="Mexico", measure="largest trading partner", value="the U.S.", period=2023,
              vocabulary=CATEGORIES)
    assert c.value.category == "united states"


def test_an_undeclared_category_is_refused_with_what_to_declare():
    with pytest.raises(ValidationError, match=r"declare it in vocabulary.yaml: measures: status: \{categories"):
        claim(subject="Norway", measure="status", value="observer", period=2024)


@pytest.mark.parametrize("value", ["fastest-growing", "the most-visited", "best-selling", "second-largest"])
def test_a_superlative_with_a_hyphen_is_a_rank_not_a_category(value):
    c = claim(subject="Lisbon", measure="growth", value=value, period=2024)
    assert c.value.kind == "rank"


def test_a_superlative_that_does_not_read_is_not_offered_as_a_category():
    with pytest.raises(ValidationError, match="'largest' is a superlative") as info:
        claim(subject="Lisbon", measure="growth", value="over the largest", period=2024)
    assert "vocabulary.yaml" not in str(info.value)


def test_since_names_the_event_a_span_counts_from():
    c = claim(measure="exports", value="more than sevenfold", period="since 2001", since="China joins the WTO")
    assert c.since == "China joins the WTO" and c.period.start_latest.isoformat() == "2001-12-31"
    with pytest.raises(ValidationError, match="give the period too"):
        claim(measure="exports", value="sevenfold", since="China joins the WTO")
    with pytest.raises(ValidationError, match="does not count from one"):
        claim(measure="exports", value="sevenfold", period="2001–2021", since="China joins the WTO")


def test_new_fields_are_located_errors_in_a_claims_folder(tmp_path):
    write(tmp_path, "vocabulary.yaml", """\
        measures:
          status: {categories: [member, observer]}
        """)
    write(tmp_path, "a.yaml", """\
        source:
          id: a
          published: 2024
        claims:
          - id: status
            subject: Norway
            measure: status
            value: obsever
            period: 2024
          - id: also
            measure: exports
            value: 1.2 trillion yen
            also: ¥8.1 billion
            period: 2023
          - id: stated
            measure: members
            value: "30"
            stated: the day after never
          - id: derived
            measure: members
            value: "30"
            derived: ""
          - id: since
            measure: members
            value: "30"
            period: 2012
            since: 18th National Congress of the CPC
        """)
    with pytest.raises(ClaimFileError) as info:
        load(tmp_path)
    found = {(p.line, p.field, p.code): p.message for p in info.value.problems}
    assert "not one of the categories" in found[(8, "claims[0].value", "CC902")]
    assert "stands for both" in found[(13, "claims[1].also", "CC903")]
    assert "cannot read period" in found[(18, "claims[2].stated", "CC904")]
    assert "must not be empty" in found[(22, "claims[3].derived", "CC900")]
    assert "does not count from one" in found[(27, "claims[4].since", "CC900")]
