"""The engine: known cases per rule and verdict, and the properties every check must keep."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import Claim, check, load
from claimcheck.corpus.vocabulary import build_vocabulary
from claimcheck.read.periods import parse_period

CASES = Path(__file__).parent / "data" / "cases"

# (code, verdict, sides): one finding per disagreement, its claims set into sides.
EXPECTED = {
    ("CC101", "conflict", (("alpha/share-2022",), ("beta/share-2022",))),
    ("CC101", "conflict", (("alpha/old-share",), ("alpha/share-2022", "beta/new-share"), ("beta/share-2022",))),
    ("CC101", "tension", (("alpha/periphery-share",), ("beta/periphery-share",))),
    ("CC102", "conflict", (("alpha/conference",), ("beta/conference",))),
    ("CC102", "tension", (("alpha/port-opening",), ("beta/port-opening",))),
    ("CC103", "conflict", (("alpha/upholds",),)),
    ("CC103", "consistent", (("alpha/ldcs",),)),
    ("CC104", "conflict", (("beta/world-trade",), ("alpha/share-2022", "alpha/trade-2022"))),
    ("CC104", "conflict", (("alpha/trade-2022",), ("beta/share-2022",), ("beta/world-trade",))),
    ("CC104", "undetermined", (("beta/periphery-share", "beta/world-trade"),)),  # the part they imply
    ("CC105", "conflict", (("alpha/investment-multiple",), ("alpha/investment-rate",))),
    ("CC106", "conflict", (("alpha/partner",), ("beta/partner",))),
    ("CC107", "consistent", (("beta/initiatives",), ("alpha/initiatives",))),
}


@pytest.fixture(scope="module")
def cases():
    corpus = load(CASES)
    return corpus, check(corpus)


def test_known_cases_give_known_findings(cases):
    _, report = cases
    assert {(f.code, f.verdict, f.sides) for f in report.findings} == EXPECTED


def test_findings_explain_themselves_in_numbers(cases):
    _, report = cases
    headline = next(f for f in report.findings if f.claim_ids == ("alpha/share-2022", "beta/share-2022"))
    assert "alpha gives 41.9% (2022)" in headline.message and "beta gives over 60% (2022)" in headline.message
    assert "[41.85, 41.95] % and (60, 100] % do not overlap; the gap is at least 18.05 points" in headline.explanation
    assert headline.confidence == "high"
    assert headline.quotes["alpha/share-2022"] == "accounting for 41.9% of total trade"
    ambiguous = next(f for f in report.findings if f.claim_ids == ("alpha/periphery-share", "beta/periphery-share"))
    assert "no agreed definition" in ambiguous.explanation
    across = next(f for f in report.findings if "alpha/old-share" in f.claim_ids)
    assert "12.0 years apart" in across.explanation and "covers at most 24 points" in across.explanation
    assert "which cannot cover the gap" in across.explanation and "which could cover the gap" in across.explanation
    assert across.verdict == "conflict" and across.explained_by == ()
    assert ambiguous.explained_by == ("scope spread",) and "declared spread of 20 points" in ambiguous.explanation
    step = next(f for f in report.findings if f.code == "CC107")
    assert "launch of the Global Civilization Initiative (March 2023, +1)" in step.explanation
    assert "alpha/third-initiative" in step.claim_ids and step.explained_by == ("change over time",)
    implied = next(f for f in report.findings if f.code == "CC104" and "alpha/share-2022" in f.claim_ids)
    assert "[6.281287, 6.320191] trillion USD" in implied.message


def test_coverage_says_what_each_claim_met_or_why_not(cases):
    _, report = cases
    assert "beta/share-2022" in report.coverage["alpha/share-2022"].compared_with
    alone = report.coverage["beta/ldc-share"]
    assert alone.compared_with == () and "no other claim shares its key" in alone.reason
    assert alone.possible_matches == ("trade share",)
    assert report.coverage["alpha/ldcs"].reason == "checked against its own items"


def test_fingerprints_are_stable_and_unique(cases):
    _, report = cases
    marks = [f.fingerprint for f in report.findings]
    assert len(set(marks)) == len(marks)
    assert marks == [f.fingerprint for f in check(load(CASES)).findings]


def test_select_and_ignore(cases):
    corpus, _ = cases
    assert {f.code for f in check(corpus, select=["CC10"], ignore=["CC101", "count.items"]).findings} == {
        "CC102", "CC104", "CC105", "CC106", "CC107"}
    assert {f.code for f in check(corpus, select=["quantity"]).findings} == {"CC101"}  # a name prefix
    with pytest.raises(claimcheck.ClaimcheckError, match="no rule matches"):
        check(corpus, select=["CC999"])


def test_an_unperioded_claim_is_read_as_of_publication_and_says_so():
    published = parse_period("2023")
    a = Claim.model_validate({"id": "a", "source_id": "x", "measure": "m", "value": "41.9%", "period": "2022"})
    b = Claim.model_validate({"id": "b", "source_id": "y", "measure": "m", "value": "over 60%"},
                             context={"published": published})
    drifting = build_vocabulary({"measures": {"m": {"drift": "2 points a year"}}})
    finding = check([a, b], vocabulary=drifting).findings[0]
    assert finding.assumptions == ("y/b gives no period; it is read as of publication (2023)",)
    assert "assumed as of publication" in finding.message


def test_claims_without_any_period_are_not_compared():
    a = Claim(id="a", source_id="x", measure="m", value="41.9%")
    b = Claim(id="b", source_id="y", measure="m", value="over 60%")
    report = check([a, b])
    assert report.findings == []
    assert "no period" in report.coverage["x/a"].reason


def test_coverage_says_when_a_claim_reads_as_another_kind_than_its_key():
    count = Claim(id="a", source_id="x", subject="NATO", measure="members", value="30", period="2021")
    misread = Claim(id="b", source_id="y", subject="NATO", measure="members", value="30 km", period="2021")
    report = check([count, misread])
    assert report.findings == []
    reason = report.coverage["y/b"].reason
    assert "reads as an amount in kilometer" in reason and "as count" in reason and "check its value" in reason


def test_a_figure_in_two_currencies_is_not_two_units_of_its_key():
    alone = Claim(id="a", source_id="x", subject="Japan", measure="aid", value="1.2 trillion yen", also="$8.1 billion",
                  period="2024")
    reason = check([alone]).coverage["x/a"].reason
    assert reason == "no other claim shares its key (subject, measure, scope)"
    other = Claim(id="b", source_id="y", subject="Japan", measure="aid", value="$8 billion", period="2023")
    # Its dollar writing meets the other source's dollars, and is told apart by its window.
    assert "totals over other windows (2023)" in check([alone, other]).coverage["x/a"].reason


def test_a_figure_in_two_currencies_gives_one_finding_to_look_up(tmp_path):
    """212 billion yen ($1.4 billion) at 18% implies one whole to look up, not one per currency."""
    (tmp_path / "vocabulary.yaml").write_text("relations:\n  - bloc trade = bloc trade share × total trade\n",
                                              encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "source: {id: a, published: 2024}\nclaims:\n"
        "  - {id: trade, subject: Bloc, measure: bloc trade, value: 212 billion yen, also: $1.4 billion, period: 2023}\n"
        "  - {id: share, subject: Bloc, measure: bloc trade share, value: about 18%, period: 2023}\n",
        encoding="utf-8")
    found = [f for f in check(load(tmp_path)).findings if f.code == "CC104"]
    assert len(found) == 1 and found[0].verdict == "undetermined"
    assert "yen" in found[0].message or "JPY" in found[0].message, found[0].message


def test_a_list_checked_against_its_count_still_says_why_it_met_no_other_claim():
    march = Claim(id="a", source_id="x", subject="Council", measure="observers", value="three",
                  items=["Tessany", "Orlen", "Quaya"], period="as of 14 March 2024")
    april = Claim(id="b", source_id="y", subject="Council", measure="observers", value="four", period="as of 2 April 2024")
    reason = check([march, april]).coverage["x/a"].reason
    assert reason.startswith("checked against its own items only: the other claims of its key hold at other times")
    alone = check([march]).coverage["x/a"].reason
    assert alone == "checked against its own items"


def test_a_span_since_an_event_names_the_datings_that_do_not_fit(tmp_path):
    (tmp_path / "wire.yaml").write_text("source: {id: wire, published: 2024}\nclaims:\n"
                                        "  - {id: f, event: founding of the council, date: 1998}\n", encoding="utf-8")
    (tmp_path / "weekly.yaml").write_text(
        "source: {id: weekly, published: 2024}\nclaims:\n"
        "  - {id: f, event: founding of the council, date: 1999}\n"
        "  - {id: s, subject: council, measure: members, value: nine, period: since 1999,"
        " since: founding of the council}\n", encoding="utf-8")
    found = [f for f in check(load(tmp_path)).findings if f.code == "CC114"]
    assert [f.verdict for f in found] == ["consistent"]
    assert "wire's 1998 does not" in found[0].message


def test_parts_of_a_total_within_it_are_a_consistent_check(tmp_path):
    import shutil

    case = Path(__file__).parent / "data" / "engine" / "totals-within"
    for name in ("vocabulary.yaml", "customs.yaml"):
        shutil.copy(case / name, tmp_path / name)
    found = [f for f in check(load(tmp_path)).findings if f.code == "CC113"]
    assert [f.verdict for f in found] == ["consistent"]
    assert " billion USD + 387.5 billion USD, within the whole" in found[0].explanation, found[0].explanation


def test_a_count_over_a_window_within_a_year_is_a_total_not_a_state():
    half = Claim(id="h", source_id="port", subject="Tidewater", measure="throughput", value="4.4 million TEU",
                 period="January-June 2022")
    year = Claim(id="y", source_id="port", subject="Tidewater", measure="throughput", value="9.1 million TEU",
                 period="2022")
    report = check([half, year])
    assert [f.verdict for f in report.findings if f.verdict == "conflict"] == []  # a half is not the year
    assert report.coverage["port/h"].time == "flow"
    members = Claim(id="m", source_id="x", subject="NATO", measure="members", value="31", period="2023")
    assert check([members]).coverage["x/m"].time == "state"


def test_data_problems_are_findings(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "source: {id: a, published: 2025}\nclaims:\n"
        "  - {id: ok, measure: m, value: 5%, period: 2022}\n"
        "  - {id: bad, measure: m, value: five bananas per zork, period: 2022}\n"
        "  - {id: when, measure: m, value: 5%, period: the day after tomorrow}\n", encoding="utf-8")
    report = check(load(tmp_path, strict=False))
    assert {(f.code, f.verdict) for f in report.findings} == {("CC903", "undetermined"), ("CC904", "undetermined")}
    assert any("a/bad" in f.claim_ids for f in report.findings)


# --- properties -----------------------------------------------------------------------------------

SUBJECTS = ["China", "India"]
MEASURES = ["trade share", "investment share"]
VALUES = ["41.9%", "over 60%", "about 40%", "nearly 50%", "between 30 and 45%", "under 35%", "60% or more"]
PERIODS = ["2021", "2022", "2023", "2020–2022"]


@st.composite
def claim_sets(draw, min_size=2, max_size=8):
    n = draw(st.integers(min_size, max_size))
    claims = []
    for i in range(n):
        claims.append(Claim(
            id=f"c{i}", source_id=draw(st.sampled_from(["a", "b", "c"])), subject=draw(st.sampled_from(SUBJECTS)),
            measure=draw(st.sampled_from(MEASURES)), value=draw(st.sampled_from(VALUES)),
            period=draw(st.sampled_from(PERIODS))))
    return claims


def signature(report):
    return [(f.code, f.verdict, f.claim_ids, f.message, f.explanation, f.fingerprint) for f in report.findings]


@given(claim_sets(), st.randoms(use_true_random=False))
@settings(max_examples=60)
def test_reordering_claims_changes_no_finding(claims, rnd):
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert signature(check(claims)) == signature(check(shuffled))


def test_reordering_files_changes_no_finding(tmp_path):
    original = check(load(CASES))
    for name in ("alpha.yaml", "beta.yaml", "vocabulary.yaml"):
        (tmp_path / f"z-{name}" if name != "vocabulary.yaml" else tmp_path / name).write_text(
            (CASES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "alpha.txt").write_text((CASES / "sources" / "alpha.txt").read_text(encoding="utf-8"))
    renamed = check(load(tmp_path))
    assert signature(original) == signature(renamed)


@given(st.sampled_from(VALUES), st.sampled_from(VALUES), st.sampled_from(PERIODS), st.sampled_from(PERIODS))
def test_a_rule_gives_the_same_verdict_whichever_claim_comes_first(v1, v2, p1, p2):
    a = Claim(id="a", source_id="s", measure="m", value=v1, period=p1)
    b = Claim(id="b", source_id="t", measure="m", value=v2, period=p2)
    assert signature(check([a, b])) == signature(check([b, a]))


TRILLIONS = st.integers(1, 9000).map(lambda n: n / 1000)


@given(TRILLIONS, TRILLIONS, st.sampled_from(["over", "under", "at least", "at most", ""]))
def test_converting_units_changes_no_verdict(x, y, hedge):
    def claims(scale: str, factor: float):
        return [
            Claim(id="a", source_id="s", measure="trade", value=f"{hedge} ${x * factor:.6f} {scale}".strip(), period="2022"),
            Claim(id="b", source_id="t", measure="trade", value=f"between ${y * factor:.6f} and ${y * 1.1 * factor:.6f} {scale}",
                  period="2022"),
        ]

    in_trillions = [(f.code, f.verdict) for f in check(claims("trillion", 1)).findings]
    in_billions = [(f.code, f.verdict) for f in check(claims("billion", 1000)).findings]
    assert in_trillions == in_billions


@given(st.floats(0, 80), st.floats(0.1, 20), st.floats(0, 80), st.floats(0.1, 20), st.floats(0, 10), st.floats(0, 10),
       st.sampled_from(PERIODS), st.sampled_from(PERIODS))
def test_widening_an_interval_never_turns_consistent_into_conflict(lo1, w1, lo2, w2, more_lo, more_hi, p1, p2):
    def verdict(low, high):
        a = Claim(id="a", source_id="s", measure="m", value=f"between {low:.4f} and {high:.4f}%", period=p1)
        b = Claim(id="b", source_id="t", measure="m", value=f"between {lo2:.4f} and {lo2 + w2:.4f}%", period=p2)
        findings = check([a, b]).findings
        return findings[0].verdict if findings else "not compared"

    before = verdict(lo1, lo1 + w1)
    after = verdict(max(0.0, lo1 - more_lo), min(100.0, lo1 + w1 + more_hi))
    if before == "consistent":
        assert after == "consistent"
    if after == "conflict":
        assert before == "conflict"


def test_cost_grows_with_groups_not_with_all_pairs():
    # 2,000 claims in 1,000 two-claim groups make 1,000 comparisons, not 2 million.
    claims = [Claim(id=f"c{i}", source_id=s, measure=f"measure {i}", value="41.9%" if s == "a" else "over 60%",
                    period="2022") for i in range(1000) for s in ("a", "b")]
    random.Random(1).shuffle(claims)
    report = check(claims)
    assert len(report.findings) == 1000 and {f.verdict for f in report.findings} == {"conflict"}


def test_dollars_and_yuan_are_never_compared_and_coverage_says_why():
    dollars = Claim(id="a", source_id="s", subject="China", measure="trade", value="$2.64 trillion", period="2022")
    yuan = Claim(id="b", source_id="t", subject="China", measure="trade", value="17 trillion yuan", period="2022")
    report = check([dollars, yuan])
    assert report.findings == []
    assert report.coverage["s/a"].reason == "incompatible units among claims with its key (CNY, USD)"


@pytest.mark.parametrize(("subject", "rank", "period", "verdict"), [
    ("China", "second largest", "2023", "conflict"),   # one subject, two ranks, same time
    ("China", "second largest", "2010", None),         # ... at different times: rankings change
    ("China", "top", "2023", "consistent"),            # one subject, one rank
    ("EU", "largest", "2023", "conflict"),             # two subjects, one rank
    ("EU", "second largest", "2023", "consistent"),
])
def test_rank_collisions(subject, rank, period, verdict):
    first = Claim(id="a", source_id="s", subject="China", measure="largest economy", scope="world", value="largest",
                  period="2023")
    other = Claim(id="b", source_id="t", subject=subject, measure="largest economy", scope="world", value=rank,
                  period=period)
    assert [f.verdict for f in check([first, other], select=["rank.two-firsts"]).findings] == (
        [verdict] if verdict else [])


def test_two_change_multiples_of_one_measure_are_compared():
    doubled = Claim(id="a", source_id="s", measure="trade", value="nearly doubled", period="2013–2023")
    tripled = Claim(id="b", source_id="t", measure="trade", value="tripled", period="2013–2023")
    finding = check([doubled, tripled]).findings[0]
    assert (finding.code, finding.verdict) == ("CC101", "conflict")
    assert "[1.8, 2) × and [3] × do not overlap" in finding.explanation


# --- coverage: what each claim was compared with, or why not ---------------------------------------


def test_coverage_under_select_says_the_rule_was_not_selected(cases):
    corpus, _ = cases
    report = check(corpus, select=["CC102"])
    assert "was not selected" in report.coverage["alpha/share-2022"].reason
    assert "CC101 quantity.disjoint" in report.coverage["alpha/share-2022"].reason
    assert "(CC107 count.named-set) was not selected" in report.coverage["alpha/initiatives"].reason  # a count


def test_coverage_says_how_time_was_read(cases):
    _, report = cases
    assert report.coverage["alpha/share-2022"].time == "ratio"
    assert report.coverage["alpha/trade-2022"].time == "flow"
    assert report.coverage["alpha/initiatives"].time == "state"


@pytest.mark.parametrize(("first", "second", "alike"), [
    ("trade share", "trade shares", True),
    ("member states", "member state", True),
    ("member states", "observer states", False),
    ("GDP share (PPP)", "GDP share (nominal)", False),
    ("exports to China", "imports to China", False),
    ("gross trade", "net trade", False),
    ("trade share", "investment share", False),
    ("GDP share", "GDP share (PPP)", False),  # a qualifier that changes the meaning, on one side only
    ("exports", "exports of goods", False),
])
def test_alias_suggestions_never_merge_measures_whose_words_change_the_meaning(first, second, alike):
    from claimcheck.engine.check import alike as looks_alike

    assert looks_alike(normalize(first), normalize(second)) is alike


def normalize(name: str) -> str:
    from claimcheck.corpus.vocabulary import normalize_name

    return normalize_name(name)


def test_alias_suggestions_need_the_same_kind_and_unit():
    share = Claim(id="a", source_id="s", subject="China", measure="trade shares", value="41.9%", period="2022")
    other = Claim(id="b", source_id="t", subject="China", measure="trade share", value="42%", period="2020")
    money = Claim(id="c", source_id="t", subject="China", measure="trade share", value="$2 trillion", period="2020")
    report = check([share, other, money])
    assert report.coverage["s/a"].possible_matches == ("trade share",)
    assert report.coverage["s/a"].match_reason == ("same subject and scope, both shares; "
                                                   "the names differ only in spelling, case or plural")
    alone = check([share, money]).coverage["s/a"]
    assert alone.possible_matches == ()  # a share and an amount of money are never one measure


def test_alias_suggestions_cost_grows_with_the_measures_not_their_square():
    claims = [Claim(id=f"c{i}", source_id="s", subject="X", measure=f"measure number {i} of many", value="5%",
                    period="2022") for i in range(4000)]
    report = check(claims)
    assert all(report.coverage[f"s/c{i}"].possible_matches == () for i in range(0, 4000, 997))


def _folder(tmp_path: Path, **files: str) -> claimcheck.Corpus:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load(tmp_path)


@pytest.mark.parametrize(("rate", "multiple", "verdict"), [
    ("over 100% every year", "doubled", "conflict"),  # (2^1025, ∞): beyond a float, and far beyond ×2
    ("under 100% every year", "more than doubled", "consistent"),  # [0, 2^1025) meets (2, ∞)
])
def test_growth_compounded_beyond_a_float_is_infinite_and_still_a_finding(tmp_path, rate, multiple, verdict):
    corpus = _folder(tmp_path, **{"a.yaml": f"""\
source: {{id: a, published: 2025}}
claims:
  - {{id: rate, subject: X, measure: output, value: {rate}, period: 1000-2025}}
  - {{id: multiple, subject: X, measure: output, value: {multiple}, period: 1000-2025}}
"""})
    [finding] = check(corpus, select="CC105").findings
    assert finding.verdict == verdict and "^ 1025 years = " in finding.explanation and "∞" in finding.explanation


def test_a_drift_compounded_beyond_a_float_covers_any_gap(tmp_path):
    corpus = _folder(tmp_path, **{
        "vocabulary.yaml": "measures:\n  output: {drift: 100% a year}\n",
        "a.yaml": "source: {id: a, published: 2025}\nclaims:\n"
                  "  - {id: old, subject: X, measure: output, value: 5 tonnes, period: '0800'}\n",
        "b.yaml": "source: {id: b, published: 2025}\nclaims:\n"
                  "  - {id: new, subject: X, measure: output, value: 50 tonnes, period: '2000'}\n"})
    [finding] = check(corpus, select="CC101").findings
    assert finding.verdict == "tension", finding.message
    assert "covers at most ∞ metric_ton over that time, which could cover the gap" in finding.explanation


def test_a_growth_link_compounded_beyond_a_float_still_finds_the_conflict(tmp_path):
    """Over 100% a year for 1,025 years leaves nothing of $820 billion: the overflow was read as 'any level'."""
    corpus = _folder(tmp_path, **{"a.yaml": """\
source: {id: a, published: 2026}
claims:
  - {id: level, subject: X, measure: output, value: "$820 billion", period: 2025}
  - {id: growth, subject: X, measure: output, value: "over 100%", unit: percent a year, period: 1000-2025}
  - {id: before, subject: X, measure: output, value: "$1 billion", period: 1000}
"""})
    [finding] = check(corpus, select="CC111").findings
    assert finding.verdict == "conflict", finding.message
    assert "^ 1025) = (-∞, 0] USD" in finding.explanation


def test_a_step_between_two_counts_names_the_times_it_spans(tmp_path):
    # the distance in years is that of the two claims the step was judged between, and the words name them
    corpus = _folder(tmp_path, **{
        "plan.yaml": """\
source: {id: plan, published: 2021-01-14}
claims:
  - {id: stations, subject: the line, measure: stations, value: 14 stations}
""",
        "daily.yaml": """\
source: {id: daily, published: 2023-06-22}
claims:
  - {id: before, subject: the line, measure: stations, value: 14 stations, stated: January 2023,
     derived: the plan as it stood before the council's vote}
  - {id: added, event: council adds a station, date: 2023, measure: stations, subject: the line, change: "+1"}
  - {id: after, subject: the line, measure: stations, value: 15 stations}
"""})
    [finding] = [f for f in check(corpus, select="CC107").findings if f.explained_by == ("change over time",)]
    assert "They hold at different times (2021-01-14, assumed as of publication; 2023-06-22, assumed as of " \
           "publication), 2.4 years apart" in finding.explanation, finding.explanation


def test_an_implied_part_says_when_the_part_is_stated_at_another_time(tmp_path):
    corpus = _folder(tmp_path, **{
        "vocabulary.yaml": "relations: [loan = loan share of cost × project cost]\n",
        "reference.yaml": """\
source: {id: reference, published: 2026-02-12}
claims:
  - {id: cost, subject: the line, measure: project cost, value: €2.05bn, period: 2026}
  - {id: share, subject: the line, measure: loan share of cost, value: about 34%, period: 2026}
  - {id: loan, subject: the line, measure: loan, value: €700m, period: June 2023}
"""})
    [finding] = [f for f in check(corpus, select="CC104").findings if f.verdict == "undetermined"]
    assert "the part is stated only for June 2023, another time" in finding.message


def test_a_change_of_an_amount_says_in_coverage_that_it_is_not_used(tmp_path):
    corpus = _folder(tmp_path, **{"a.yaml": """\
source: {id: a, published: 2025-11-20}
claims:
  - {id: flood, event: council adds flood money, date: 2024, subject: the line, measure: project cost,
     change: "+€110m"}
"""})
    reason = check(corpus).coverage["a/flood"].reason
    assert "its change (+€110m) is not used: events step counts only (CC107)" in reason
