"""Export for fact-checkers who publish: findings as schema.org ClaimReview, claims as Observation, in JSON-LD.

A ClaimReview is written for each reviewed finding that is a real disagreement (a ``confirmed`` or
``explained`` verdict on a conflict or a tension): the claim reviewed is the first claim's quote,
and the rating is the reviewer's word, since claimcheck rates agreement between documents, not
truth. An Observation is written for every claim with a value, its interval as minValue and
maxValue, and its period.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimcheck.errors import ClaimcheckError
from claimcheck.report.common import Shown, shown
from claimcheck.review import Outcome

CONTEXT = "https://schema.org"
_RATINGS = {"confirmed": "Documents disagree", "explained": "Disagreement explained"}


def claim_reviews(outcome: Outcome, *, url: str | None = None) -> list[dict[str, Any]]:
    """A ClaimReview for each confirmed or explained conflict or tension.

    ``url`` is the address of the page that publishes the reviews (each review is its
    ``url#f-<fingerprint>``, the anchor of the finding in the HTML report); the author of each is
    its reviewer. Both are required by the consumers of ClaimReview, so a missing one is an error.
    """
    chosen = [item for item in shown(outcome) if item.review is not None and item.review.verdict in _RATINGS
              and item.finding.verdict in ("conflict", "tension")]
    if chosen and not url:
        raise ClaimcheckError("ClaimReview needs the address of the page that publishes the reviews: give --url "
                              "(or url=...)")
    unsigned = [item.review for item in chosen if item.review is not None and not item.review.reviewer]
    if unsigned:
        lines = ", ".join(str(entry.line) for entry in unsigned if entry.line)
        raise ClaimcheckError(f"ClaimReview needs the reviewer of each review: {len(unsigned)} entr"
                              f"{'y' if len(unsigned) == 1 else 'ies'} of {outcome.reviews.path} "
                              f"{'has' if len(unsigned) == 1 else 'have'} no 'reviewer' (line {lines})")
    return [_claim_review(item, str(url)) for item in chosen]


def _claim_review(item: Shown, url: str) -> dict[str, Any]:
    finding, review = item.finding, item.review
    assert review is not None and review.reviewer
    first = item.claims[0]
    body = review.explanation or review.note or finding.message
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": finding.fingerprint,
        "url": f"{url}#f-{finding.fingerprint}",
        "claimReviewed": first.quote or first.value or "",
        "author": {"@type": "Person", "name": review.reviewer},
        "itemReviewed": {
            "@type": "Claim",
            "text": first.quote,
            "appearance": [{"@type": "CreativeWork", "name": s.source_title or s.source_id,
                            "author": [{"@type": "Person", "name": name} for name in people(s.source_author)]
                            or None,
                            "datePublished": s.published, "citation": s.quote} for s in item.claims],
        },
        "reviewRating": {"@type": "Rating", "alternateName": _RATINGS[review.verdict],
                         "ratingExplanation": body},
        "reviewBody": f"{finding.message} {finding.explanation}",
    }
    if review.date:
        node["datePublished"] = review.date.isoformat()
    pruned: dict[str, Any] = _pruned(node)
    return pruned


_NAME_LIST = re.compile(r"\s*(?:;|&|\band\b)\s*")


def people(author: str | None) -> list[str]:
    """'Liu Changxi, Hu Shaoyu' is two people; 'Smith, John' (surname, given name) is one.

    Names are split at ';', '&' and 'and'; at commas only where every part is a name of two or
    more words, so that a surname written first stays with its given name.
    """
    if not author or not author.strip():
        return []
    names = [name for name in _NAME_LIST.split(author.strip()) if name]
    out: list[str] = []
    for name in names:
        parts = [part.strip() for part in name.split(",") if part.strip()]
        out.extend(parts if len(parts) > 1 and all(len(part.split()) > 1 for part in parts) else [name.strip()])
    return out


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


def render_claimreview(outcome: Outcome, *, url: str | None = None) -> str:
    return json.dumps(claim_reviews(outcome, url=url), indent=2, ensure_ascii=False) + "\n"


def render_observations(outcome: Outcome) -> str:
    return json.dumps(observations(outcome), indent=2, ensure_ascii=False) + "\n"


__all__ = ["claim_reviews", "observations", "people", "render_claimreview", "render_observations"]
