"""A generator of synthetic claims with a realistic spread of keys: many small groups, a few large ones.

Values and periods are parsed once into a small pool and shared, and claims are built without
re-validation (``model_construct``), so that generating a million claims does not dominate the
benchmark of checking them.
"""

from __future__ import annotations

import random

from claimcheck import Claim, parse_period, parse_value

VALUE_TEXTS = [
    "41.9%", "over 60%", "about 40%", "nearly 50%", "between 30 and 45%", "under 35%", "60% or more", "42%",
    "at least 38%", "roughly 41%", "39.5%", "almost 45%", "up to 50%", "44.2%", "more than 40%",
    "$2.64 trillion", "about $2.6 trillion", "over $2 trillion", "$2,640 billion", "nearly $3 trillion",
    "18 countries", "eight", "about 20", "more than 15", "fewer than 25",
]
PERIOD_TEXTS = [str(year) for year in range(2005, 2025)] + ["2012–2022", "first half of 2023", "Q3 2021"]


def synthetic_claims(n: int, *, seed: int = 7, large_groups: int = 10, large_share: float = 0.1) -> list[Claim]:
    """``n`` claims: ``large_share`` of them in ``large_groups`` big groups, the rest in groups of 1 to 5."""
    rnd = random.Random(seed)
    values = [parse_value(text) for text in VALUE_TEXTS]
    by_kind: dict[str, list] = {}
    for value in values:
        by_kind.setdefault(value.unit, []).append(value)
    units = sorted(by_kind)
    periods = [parse_period(text) for text in PERIOD_TEXTS]
    sources = [f"source-{i}" for i in range(max(2, n // 50))]
    claims: list[Claim] = []
    n_large = int(n * large_share)
    small_keys = max(1, (n - n_large) // 3)
    for i in range(n):
        if i < n_large:
            key = rnd.randrange(large_groups)
            subject, measure, scope = "China", f"headline measure {key}", "neighbouring countries"
        else:
            key = rnd.randrange(small_keys)
            subject, measure, scope = f"subject {key % 500}", f"measure {key}", f"scope {key % 37}"
        pool = by_kind[units[hash(measure) % len(units)]]
        claims.append(Claim.model_construct(
            id=f"c{i}", source_id=rnd.choice(sources), quote=None, subject=subject, measure=measure, scope=scope,
            unit=None, value=rnd.choice(pool), period=rnd.choice(periods), event=None, date=None, items=None,
            complete=True, note=None, line=None))
    return claims

