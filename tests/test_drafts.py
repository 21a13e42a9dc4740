"""Drafts: every candidate of every news sentence drafted, loaded back by the claim-file loader, and the same."""

from __future__ import annotations

import re

import pytest
from news import cases

from claimcheck import load
from claimcheck.extraction.candidates import extract
from claimcheck.extraction.drafts import draft_yaml

CASES = cases()


def _filled(draft: str) -> str:
    """The draft with what a person must fill filled in, as a curator would: a measure and an event."""
    draft = re.sub(r"measure: null  # TODO[^\n]*", "measure: what is measured", draft)
    return re.sub(r"event: null  # TODO[^\n]*", "event: what happened", draft)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_draft_loads_back_as_it_was_extracted(case, tmp_path):
    (tmp_path / "doc.txt").write_text(case.text, encoding="utf-8")
    candidates = extract(case.text, published=case.published)
    draft = draft_yaml(case.text, candidates, source_id="doc", published=case.published, text_path="doc.txt",
                       origin="doc.txt")
    (tmp_path / "doc.yaml").write_text(_filled(draft), encoding="utf-8")
    corpus = load(tmp_path, strict=False)
    # No quote that is not in the text, no value its quote does not say (CC906) unless derived, no bad period.
    assert [(p.field, p.message) for p in corpus.problems] == []
    claims = {claim.id: claim for claim in corpus.claims}
    assert len(claims) == len(candidates)
    for number, candidate in enumerate(candidates, start=1):
        claim = claims[f"c{number:03d}"]
        assert claim.quote == case.text[slice(*candidate.quote)]
        if candidate.value is not None:
            assert claim.value.interval_text() == candidate.value.interval_text()
            assert [a.interval_text() for a in claim.also] == ([_reading(candidate.also)] if candidate.also else [])
            if candidate.period is not None:
                assert (claim.period.start, claim.period.end) == (candidate.period.start, candidate.period.end)
            else:
                assert claim.period is None or claim.period.assumed  # read as of publication, and saying so
            if candidate.stated:
                assert claim.stated is not None and claim.stated.text == candidate.stated
        elif candidate.items:
            assert claim.items == candidate.items
        else:
            assert (claim.date.start, claim.date.end) == (candidate.period.start, candidate.period.end)


def _reading(text: str) -> str:
    from claimcheck import parse_value

    return parse_value(text).interval_text()


def test_a_draft_marks_guesses_todos_and_what_it_derived():
    text = "Between 2012 and 2021, China's trade with the region grew from $0.8 trillion to $1.5 trillion. " \
           "Japan's exports fell to 1.2 trillion yen ($8.1 billion) in March. The EU grew from 15 to 25 members."
    draft = draft_yaml(text, extract(text, published="2024"), source_id="doc", published="2024", text_path=None,
                       origin="doc.txt")
    assert 'subject: "China"  # a guess' in draft and 'scope: "the region"  # a guess' in draft
    assert 'also: "$8.1 billion"' in draft
    assert 'period: "2012"' in draft and 'period: "2021"' in draft  # each end of the change its own year
    assert "period: null  # TODO: the text says 'in March', which claimcheck cannot date" in draft
    assert 'value: "15 members"' in draft and "derived: \"'15' is the first end of a change" in draft
    assert "draft: true" in draft
