"""The long fuzzing run: a million examples and more through parse_value, parse_period, extract and load.

Run: python benchmarks/fuzz.py [value=N] [period=N] [extract=N] [load=N]
(default: value=450000 period=300000 extract=150000 load=100000, 1,000,000 examples in all).
The targets and inputs are those of tests/test_fuzz.py (tests/fuzzing.py), whose short profile
runs with the tests. Prints, for each target, the examples run, the time, and any failure
Hypothesis found (then exits 1); it asserts nothing about time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from fuzzing import (  # noqa: E402
    PUBLISHED,
    TEXT,
    UNITS,
    VOCABULARY_TEXT,
    YAML_TEXT,
    fuzz_extract,
    fuzz_load,
    fuzz_period,
    fuzz_value,
)

DEFAULTS = {"value": 450_000, "period": 300_000, "extract": 150_000, "load": 100_000}
TARGETS = {
    "value": (fuzz_value, {"text": TEXT, "unit": UNITS}),
    "period": (fuzz_period, {"text": TEXT, "published": PUBLISHED}),
    "extract": (fuzz_extract, {"text": st.lists(TEXT, max_size=4).map(" ".join), "published": PUBLISHED}),
    "load": (fuzz_load, {"documents": st.lists(YAML_TEXT, min_size=1, max_size=3), "vocabulary": VOCABULARY_TEXT}),
}


def run(name: str, examples: int) -> tuple[int, float, str | None]:
    target, strategies = TARGETS[name]
    calls = 0

    def counted(**kwargs):
        nonlocal calls
        calls += 1
        target(**kwargs)

    test = settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
                    suppress_health_check=list(HealthCheck))(given(**strategies)(counted))
    start = time.perf_counter()
    failure = None
    try:
        test()
    except Exception as exc:  # noqa: BLE001 - a finding to report, with Hypothesis's falsifying example
        failure = f"{type(exc).__name__}: {exc}"
    return calls, time.perf_counter() - start, failure


def main(argv: list[str]) -> int:
    counts = dict(DEFAULTS)
    for arg in argv:
        name, _, number = arg.partition("=")
        counts[name] = int(number)
    total = 0
    failed = False
    print(f"{'target':8} {'examples':>10} {'seconds':>9} {'per second':>11}  result")
    for name, examples in counts.items():
        if examples <= 0:
            continue
        calls, seconds, failure = run(name, examples)
        total += calls
        failed |= failure is not None
        print(f"{name:8} {calls:>10,} {seconds:>9.1f} {calls / seconds:>11,.0f}  {failure or 'only ClaimcheckError escaped'}",
              flush=True)
    print(f"{'total':8} {total:>10,}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
