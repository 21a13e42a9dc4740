"""Parsing time against input length: the value and period grammars stay linear, with no regex backtracking.

Run: python benchmarks/parse_scaling.py
For each kind of long input, prints the time to parse (or reject) it at growing sizes and the
exponent k of time ~ size^k (k near 1 is linear; catastrophic backtracking would show k of 2 or more).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import math
import time

from claimcheck import ClaimcheckError, parse_period, parse_value

SIZES = [1_000, 10_000, 100_000, 1_000_000]

INPUTS = {
    "digits then %": lambda n: "1" * n + "%",
    "hedge then letters": lambda n: "over " + "a" * n,
    "repeated hedge words": lambda n: "about " * (n // 6),
    "digits with commas": lambda n: "1," * (n // 2) + "000 dollars",
    "spaces between digits": lambda n: "1 " * (n // 2),
    "period: digits": lambda n: "9" * n,
    "period: since + digits": lambda n: "since " + "9" * n,
}


def timed(parse, text: str) -> float:
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        try:
            parse(text)
        except ClaimcheckError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print(f"{'input':24}" + "".join(f"{n:>14,}" for n in SIZES) + "   exponent k")
    for name, make in INPUTS.items():
        parse = (lambda t: parse_period(t, published="2025")) if name.startswith("period") else parse_value
        times = [timed(parse, make(n)) for n in SIZES]
        k = math.log(times[-1] / times[0]) / math.log(SIZES[-1] / SIZES[0]) if times[0] > 0 else float("nan")
        print(f"{name:24}" + "".join(f"{t * 1e3:>12.3f}ms" for t in times) + f"   {k:10.2f}")


if __name__ == "__main__":
    main()
