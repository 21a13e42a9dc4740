"""A generator of synthetic claims with a realistic spread of keys: many small groups, a few large ones.

Values and periods are parsed once into a small pool and shared, and claims are built without
re-validation (``model_construct``), so that generating a million claims does not dominate the
benchmark of checking them. ``write_claim_files`` writes the same spread as claim files, for
benchmarks of loading and of the store.

Everything is drawn from a seeded generator and keyed by stable hashes (never Python's ``hash``,
which changes from process to process), so that two processes, or a Spark worker, make the same
claims.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from claimcheck import Claim, parse_period, parse_value

VALUE_TEXTS = [
    "41.9%", "over 60%", "about 40%", "nearly 50%", "between 30 and 45%", "under 35%", "60% or more", "42%",
    "at least 38%", "roughly 41%", "39.5%", "almost 45%", "up to 50%", "44.2%", "more than 40%",
    "$2.64 trillion", "about $2.6 trillion", "over $2 trillion", "$2,640 billion", "nearly $3 trillion",
    "18 countries", "eight", "about 20", "more than 15", "fewer than 25",
]
PERIOD_TEXTS = [str(year) for year in range(2005, 2025)] + ["2012–2022", "first half of 2023", "Q3 2021"]


def _stable(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _spread(n: int, seed: int, large_groups: int, large_share: float):
    """For each of ``n`` claims: (index, source number, subject, measure, scope, value index, period index)."""
    rnd = random.Random(seed)
    by_unit: dict[str, list[int]] = {}
    for index, text in enumerate(VALUE_TEXTS):
        by_unit.setdefault(parse_value(text).unit, []).append(index)
    units = sorted(by_unit)
    sources = max(2, n // 50)
    n_large = int(n * large_share)
    small_keys = max(1, (n - n_large) // 3)
    for i in range(n):
        if i < n_large:
            key = rnd.randrange(large_groups)
            subject, measure, scope = "China", f"headline measure {key}", "neighbouring countries"
        else:
            key = rnd.randrange(small_keys)
            subject, measure, scope = f"subject {key % 500}", f"measure {key}", f"scope {key % 37}"
        pool = by_unit[units[_stable(measure) % len(units)]]
        yield i, rnd.randrange(sources), subject, measure, scope, rnd.choice(pool), rnd.randrange(len(PERIOD_TEXTS))


def synthetic_claims(n: int, *, seed: int = 7, large_groups: int = 10, large_share: float = 0.1) -> list[Claim]:
    """``n`` claims: ``large_share`` of them in ``large_groups`` big groups, the rest in groups of 1 to 5."""
    values = [parse_value(text) for text in VALUE_TEXTS]
    periods = [parse_period(text) for text in PERIOD_TEXTS]
    return [Claim.model_construct(
        id=f"c{i}", source_id=f"source-{source}", quote=None, subject=subject, measure=measure, scope=scope,
        unit=None, value=values[value], period=periods[period], event=None, date=None, items=None,
        complete=True, note=None, line=None)
        for i, source, subject, measure, scope, value, period in _spread(n, seed, large_groups, large_share)]


def write_claim_files(folder: Path, n: int, *, claims_per_file: int = 50_000, seed: int = 7,
                      large_groups: int = 10, large_share: float = 0.1) -> list[Path]:
    """The claims of ``synthetic_claims(n)`` as claim files, one source per file, ``claims_per_file`` at most each.

    Each file is one source ("source-3"), published 2025, holding that source's claims; the value
    and period are written as text, so that loading runs the grammars as it does on real files.
    """
    by_source: dict[int, list[str]] = {}
    for i, source, subject, measure, scope, value, period in _spread(n, seed, large_groups, large_share):
        by_source.setdefault(source, []).append(
            f"  - {{id: c{i}, subject: {subject}, measure: {measure}, scope: {scope}, "
            f"value: \"{VALUE_TEXTS[value]}\", period: \"{PERIOD_TEXTS[period]}\"}}\n")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    # Sources are packed into files of about claims_per_file claims; a file holds one source, so a
    # source's claims go to as many files ("source-3.part1") as it needs.
    for source, lines in sorted(by_source.items()):
        for part in range(0, len(lines), claims_per_file):
            suffix = f".part{part // claims_per_file}" if len(lines) > claims_per_file else ""
            name = f"source-{source}{suffix}"
            path = folder / f"{name}.yaml"
            path.write_text(f"source: {{id: {name}, published: 2025}}\nclaims:\n" + "".join(
                lines[part:part + claims_per_file]), encoding="utf-8")
            written.append(path)
    return written
