"""The seed corpus in claims/: its findings are pinned. A change here is a reviewed decision, not an accident.

To accept a change, run `claimcheck check claims/`, read every finding that moved as a fact-checker
would, and update SNAPSHOT in the same commit as the change that moved it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import check, load

CLAIMS = Path(__file__).parent.parent / "claims"

# (code, verdict, sides)
SNAPSHOT = {
    ("CC101", "conflict", (("wang-2025/neighbour-trade-share-2022",), ("liu-hu-2023/neighbour-trade-share",))),
    ("CC107", "tension", (("liu-hu-2023/two-global-initiatives", "liu-hu-2023/two-global-initiatives-introduction"),
                          ("wang-2025/three-global-initiatives",))),
    ("CC103", "consistent", (("liu-hu-2023/six-upholds",),)),
    ("CC103", "consistent", (("liu-hu-2023/two-global-initiatives",),)),
    ("CC103", "consistent", (("wang-2025/chip-4-members",),)),
    ("CC103", "consistent", (("wang-2025/ldcs-in-neighbourhood",),)),
    ("CC103", "consistent", (("wang-2025/three-global-initiatives",),)),
    ("CC107", "consistent", (("liu-hu-2023/five-central-asian-states", "wang-2025/five-central-asian-countries",
                              "wang-2025/five-central-asian-countries-data-security"),)),
    ("CC107", "consistent", (("liu-hu-2023/two-global-initiatives", "liu-hu-2023/two-global-initiatives-introduction"),)),
    ("CC104", "undetermined", (("wang-2025/ldc-share-of-neighbourhood", "wang-2025/ldcs-in-neighbourhood"),)),
    ("CC104", "undetermined", (("wang-2025/neighbour-trade-2022", "wang-2025/neighbour-trade-share-2022"),)),
    # The checks a careful reader makes, shown as passed (issue 15, item 6): every count of the
    # neighbourhood within the 25 or 26 countries Wang's own figures imply; the SCO's members, observers
    # and dialogue partners in the neighbourhood added up; the congresses in the order of their ordinals;
    # the events of Wang's opening paragraph in the order he tells them; and "the first of its kind".
    ("CC113", "consistent", (tuple(sorted((
        "liu-hu-2023/five-central-asian-states", "wang-2025/bilateral-community-countries",
        "wang-2025/brics-members-in-neighbourhood", "wang-2025/five-central-asian-countries",
        "wang-2025/five-central-asian-countries-data-security", "wang-2025/gsi-joint-statements",
        "wang-2025/largest-partner-count", "wang-2025/ldc-share-of-neighbourhood", "wang-2025/ldcs-in-neighbourhood",
        "wang-2025/odi-top-ten-destinations", "wang-2025/sco-dialogue-partners-in-neighbourhood",
        "wang-2025/sco-members-in-neighbourhood", "wang-2025/sco-observers-in-neighbourhood"))),)),
    ("CC113", "consistent", (("wang-2025/ldc-share-of-neighbourhood", "wang-2025/ldcs-in-neighbourhood",
                              "wang-2025/sco-dialogue-partners-in-neighbourhood", "wang-2025/sco-members-in-neighbourhood",
                              "wang-2025/sco-observers-in-neighbourhood"),)),
    ("CC115", "consistent", (("wang-2025/18th-party-congress",), ("liu-hu-2023/nineteenth-party-congress",),
                             ("liu-hu-2023/twentieth-party-congress",))),
    ("CC115", "consistent", (("wang-2025/18th-party-congress",), ("wang-2025/neighbourhood-conference-2013",),
                             ("wang-2025/foreign-affairs-conference-2014",))),
    ("CC115", "consistent", (("wang-2025/neighbourhood-conference-2013", "wang-2025/neighbourhood-conference-first"),)),
    # "Since the 18th CPC National Congress" counts from the congress Wang dates in 2012.
    ("CC114", "consistent", (("wang-2025/bilateral-community-countries",), ("wang-2025/18th-party-congress",))),
}


@pytest.fixture(scope="module")
def seed():
    corpus = load(CLAIMS)  # strict: every quote is verified against its source text
    return corpus, check(corpus)


def test_seed_findings_are_pinned(seed):
    _, report = seed
    assert {(f.code, f.verdict, f.sides) for f in report.findings} == SNAPSHOT


def test_the_headline_disagreement_is_explained(seed):
    _, report = seed
    headline = next(f for f in report.findings if f.code == "CC101")
    assert "wang-2025 gives 41.9% (2022)" in headline.message
    assert "liu-hu-2023 gives over 60% (2023, assumed as of publication)" in headline.message
    assert headline.verdict == "conflict" and headline.explained_by == ()
    assert "the gap is at least 18.05 points" in headline.explanation
    assert "covers at most 2 points over that time" in headline.explanation   # one year of drift
    assert "declared spread of 12 points covers at most 12 points" in headline.explanation  # a wider neighbourhood
    assert "Together they cover at most 14 points, which cannot cover the gap" in headline.explanation
    assert headline.assumptions == (
        "liu-hu-2023/neighbour-trade-share gives no period; it is read as of publication (2023)",)
    assert headline.confidence == "high"


def test_implied_totals_are_shown(seed):
    _, report = seed
    messages = " ".join(f.message for f in report.findings if f.code == "CC104")
    assert "[6.281287, 6.320191] trillion USD" in messages
    assert "(24, 26.666667] (so 25 or 26)" in messages


def test_look_alike_numbers_raise_no_alarm(seed):
    _, report = seed
    compared = {pair for f in report.findings if f.verdict != "consistent" for pair in f.claim_ids}
    # eight LDCs and eight of the top ten ODI destinations; six priority areas and six programs;
    # investment growing over 20% a year and trade nearly doubling: different measures, never compared.
    for alone in ("wang-2025/odi-top-ten-destinations", "wang-2025/lancang-mekong-programs",
                  "wang-2025/lancang-mekong-priority-areas", "liu-hu-2023/neighbour-investment-growth",
                  "liu-hu-2023/neighbour-trade-doubled"):
        assert alone not in compared


def test_every_document_is_curated(seed):
    corpus, _ = seed
    per_source = {sid: sum(1 for c in corpus.claims if c.source_id == sid) for sid in corpus.sources}
    assert per_source == {"wang-2025": 47, "liu-hu-2023": 13}


def test_every_value_claim_has_subject_measure_and_scope(seed):
    corpus, _ = seed
    for claim in corpus.claims:
        if claim.value is not None or claim.items is not None:
            assert claim.subject and claim.measure and claim.scope, claim.global_id
        else:
            assert claim.event and claim.date, claim.global_id


def test_the_case_study_quotes_the_check_as_it_is(seed):
    _, report = seed
    text = (CLAIMS.parent / "docs" / "case-study.md").read_text(encoding="utf-8")
    quoted, block = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("> "):
            block.append(line[2:])
        elif block:
            quoted.append(" ".join(block))
            block = []
    messages = [f.message for f in report.findings]
    assert quoted, "the case study quotes no finding"
    for quote in quoted:
        assert any(quote in message for message in messages), f"docs/case-study.md quotes a stale finding: {quote}"
