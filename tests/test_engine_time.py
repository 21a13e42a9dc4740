"""Properties of comparing in time: nested windows, sides, revisions, and the order of claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import MONEY, PUBLISHED_DAYS, SHARES, WINDOWS

from claimcheck import Claim, check, parse_period
from claimcheck.corpus.vocabulary import EMPTY
from claimcheck.engine.check import Normalizer
from claimcheck.engine.rules.compare import _strictest as strictest
from claimcheck.engine.rules.compare import sides_of
from claimcheck.read.values import overlap


def flow(cid: str, source: str, value: str, window: str) -> Claim:
    return Claim(id=cid, source_id=source, subject="Vietnam", measure="exports", value=value, period=window)


def contains(outer: str, inner: str) -> bool:
    a, b = parse_period(outer), parse_period(inner)
    return a.start <= b.start and b.end <= a.end and (a.start, a.end) != (b.start, b.end)


@given(MONEY, MONEY, st.sampled_from(WINDOWS), st.sampled_from(WINDOWS))
def test_a_nested_window_conflicts_only_when_its_bound_is_broken(first_value, second_value, first, second):
    claims = [flow("first", "a", first_value, first), flow("second", "b", second_value, second)]
    verdicts = [f.verdict for f in check(claims, select=["CC110"]).findings]
    if contains(second, first):
        inner, outer = claims
    elif contains(first, second):
        outer, inner = claims
    else:
        assert verdicts == []  # windows that are equal, or overlap without nesting, bound nothing
        return
    broken = inner.value.low_magnitude > outer.value.high_magnitude
    assert verdicts == (["conflict"] if broken else ["consistent"])


@given(st.lists(SHARES, min_size=1, max_size=7))
def test_sides_cover_every_reading_once_and_each_shares_a_value(values):
    claims = [Claim(id=f"c{i}", source_id="s", measure="m", value=v, period="2022") for i, v in enumerate(values)]
    normalizer = Normalizer(EMPTY, {})
    rows = [row for claim in claims for row in normalizer.rows(claim)]
    sides = sides_of(rows)
    assert sorted(row.gid for side in sides for row in side) == sorted(row.gid for row in rows)
    for side in sides:
        low = max((r.lo for r in side if r.lo is not None), default=None)
        high = min((r.hi for r in side if r.hi is not None), default=None)
        assert low is None or high is None or low <= high  # a common point (closed bounds suffice here)
        for a in side:
            for b in side:
                assert overlap(*a.interval(), *b.interval())


@given(st.lists(SHARES, min_size=1, max_size=7), SHARES)
def test_the_strictest_rows_of_a_side_decide_whether_a_reading_fits_all_of_it(side_values, value):
    # bridging claims are found against two rows of each side, not all of them: the same answer
    normalizer = Normalizer(EMPTY, {})
    side = [row for i, v in enumerate(side_values)
            for row in normalizer.rows(Claim(id=f"c{i}", source_id="s", measure="m", value=v, period="2022"))]
    row = normalizer.rows(Claim(id="x", source_id="s", measure="m", value=value, period="2022"))[0]
    assert all(row.overlaps(other) for other in strictest(side)) == all(row.overlaps(other) for other in side)


@given(SHARES, SHARES, PUBLISHED_DAYS, PUBLISHED_DAYS)
@settings(max_examples=80)
def test_a_claim_that_agrees_changes_neither_verdict_nor_fingerprint(v1, v2, day1, day2):
    def claims(extra: bool) -> list[Claim]:
        out = [Claim.model_validate({"id": "a", "source_id": "one", "measure": "m", "value": v1, "period": "2022"},
                                    context={"published": parse_period(day1)}),
               Claim.model_validate({"id": "b", "source_id": "two", "measure": "m", "value": v2, "period": "2022"},
                                    context={"published": parse_period(day2)})]
        if extra:  # a third source that says exactly what the first says, when the first said it
            out.append(Claim.model_validate({"id": "c", "source_id": "three", "measure": "m", "value": v1,
                                             "period": "2022", "stated": day1}))
        return out

    before = {(f.code, f.verdict, f.fingerprint) for f in check(claims(False)).findings}
    after = {(f.code, f.verdict, f.fingerprint) for f in check(claims(True)).findings}
    assert before == after


@given(SHARES, SHARES, PUBLISHED_DAYS, PUBLISHED_DAYS)
def test_swapping_statement_dates_keeps_a_revision_a_revision(v1, v2, day1, day2):
    def verdicts(first: str, second: str) -> list[tuple]:
        a = Claim(id="a", source_id="one", measure="m", value=v1, period="2022", stated=first)
        b = Claim(id="b", source_id="two", measure="m", value=v2, period="2022", stated=second)
        return [(f.verdict, f.explained_by) for f in check([a, b]).findings]

    assert verdicts(day1, day2) == verdicts(day2, day1)
    if day1 != day2 and ("tension", ("revision",)) in verdicts(day1, day2):
        assert ("tension", ("revision",)) in verdicts(day2, day1)


@given(st.permutations(range(5)), st.lists(SHARES, min_size=5, max_size=5),
       st.lists(st.sampled_from(["2021", "2022", "2023"]), min_size=5, max_size=5))
@settings(max_examples=60)
def test_the_order_of_claims_changes_no_finding(order, values, periods):
    from claimcheck.corpus.vocabulary import build_vocabulary

    drifting = build_vocabulary({"measures": {"m": {"drift": "2 points a year"}}})
    claims = [Claim(id=f"c{i}", source_id=f"s{i % 2}", measure="m", value=v, period=p)
              for i, (v, p) in enumerate(zip(values, periods, strict=True))]
    shuffled = [claims[i] for i in order]

    def signature(claims):
        return [(f.code, f.verdict, f.sides, f.fingerprint, f.message, f.explanation)
                for f in check(claims, vocabulary=drifting).findings]

    assert signature(claims) == signature(shuffled)
