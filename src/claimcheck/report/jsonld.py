"""Export for fact-checkers who publish: findings as schema.org ClaimReview, claims as Observation, in JSON-LD.

A ClaimReview is written for each reviewed finding that is a real disagreement (a ``confirmed`` or
``explained`` verdict on a conflict or a tension): the claim reviewed is the first claim's quote,
and the rating is the reviewer's word, since claimcheck rates agreement between documents, not
truth. An Observation is written for every claim with a value, its interval as minValue and
maxValue, and its period.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.report.common import Shown, shown
from claimcheck.review import Outcome

CONTEXT = "https://schema.org"
_RATINGS = {"confirmed": "Documents disagree", "explained": "Disagreement explained"}


def claim_reviews(outcome: Outcome) -> list[dict[str, Any]]:
    out = []
    for item in shown(outcome):
        review = item.review
        if review is None or review.verdict not in _RATINGS or item.finding.verdict not in ("conflict", "tension"):
            continue
        out.append(_claim_review(item))
    return out


def _claim_review(item: Shown) -> dict[str, Any]:
    finding, review = item.finding, item.review
    assert review is not None
    first = item.sides[0]
    body = review.explanation or review.note or finding.message
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": finding.fingerprint,
        "claimReviewed": first.quote or first.value or "",
        "itemReviewed": {
            "@type": "Claim",
            "text": first.quote,
            "appearance": [{"@type": "CreativeWork", "name": s.source_title or s.source_id,
                            "author": {"@type": "Person", "name": s.source_author} if s.source_author else None,
                            "datePublished": s.published, "citation": s.quote} for s in item.sides],
        },
        "reviewRating": {"@type": "Rating", "alternateName": _RATINGS[review.verdict],
                         "ratingExplanation": body},
        "reviewBody": f"{finding.message} {finding.explanation}",
    }
    if review.reviewer:
        node["author"] = {"@type": "Person", "name": review.reviewer}
    if review.date:
        node["datePublished"] = review.date.isoformat()
    return _pruned(node)


def observations(outcome: Outcome) -> list[dict[str, Any]]:
    corpus = outcome.corpus
    out = []
    for claim in corpus.claims:
        value = claim.value
        if value is None:
            continue
        source = corpus.sources.get(claim.source_id)
        node: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Observation",
            "identifier": claim.global_id,
            "name": claim.quote,
            "observationAbout": {"@type": "Thing", "name": claim.subject} if claim.subject else None,
            "measuredProperty": {"@type": "Property", "name": claim.measure} if claim.measure else None,
            "value": {"@type": "QuantitativeValue", "description": value.text, "minValue": value.low_magnitude,
                      "maxValue": value.high_magnitude, "unitText": value.unit or None},
            "observationPeriod": f"{claim.period.start.isoformat()}/{claim.period.end.isoformat()}"
            if claim.period else None,
            "isBasedOn": {"@type": "CreativeWork", "name": source.title, "identifier": source.id}
            if source else None,
        }
        if claim.scope:
            node["measurementTechnique"] = f"scope: {claim.scope}"
        out.append(_pruned(node))
    return out


def _pruned(node: Any) -> Any:
    """Without the keys whose value is None, at every depth."""
    if isinstance(node, dict):
        return {k: _pruned(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_pruned(v) for v in node]
    return node


def render_claimreview(outcome: Outcome) -> str:
    return json.dumps(claim_reviews(outcome), indent=2, ensure_ascii=False) + "\n"


def render_observations(outcome: Outcome) -> str:
    return json.dumps(observations(outcome), indent=2, ensure_ascii=False) + "\n"


__all__ = ["claim_reviews", "observations", "render_claimreview", "render_observations"]
