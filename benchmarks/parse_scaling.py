"""Parsing time against input length: the value and period grammars stay linear, with no regex backtracking.

Run: python benchmarks/parse_scaling.py [--only PREFIX] [--cpu]
For each kind of long, pathological input (digit runs, repeated hedge words, nested brackets...),
prints the time to parse (or reject) it at growing sizes, up to lines of 1 MB, and the exponent k
of time ~ size^k (k near 1 is linear; catastrophic backtracking would show k of 2 or more). The
``load:`` rows put the same lines into a claim file and time the whole load; the ``relation:``
rows time the vocabulary's relation grammar, and "declared unit" a value's ``unit:``.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from pathlib import Path

from claimcheck import ClaimcheckError, extract, load, parse_period, parse_value
from claimcheck.corpus.vocabulary import parse_relation
from claimcheck.extraction.drafts import draft_yaml

SIZES = [1_000, 10_000, 100_000, 1_000_000]

INPUTS = {
    "digits then %": lambda n: "1" * n + "%",
    "hedge then letters": lambda n: "over " + "a" * n,
    "repeated hedge words": lambda n: "about " * (n // 6),
    "digits with commas": lambda n: "1," * (n // 2) + "000 dollars",
    "spaces between digits": lambda n: "1 " * (n // 2),
    "long decimal then %": lambda n: "1." + "0" * n + "%",
    "nested brackets": lambda n: "(" * (n // 2) + "5%" + ")" * (n // 2),
    "nested square brackets": lambda n: "[" * (n // 2) + "5" + "]" * (n // 2),
    "mixed hedges": lambda n: "nearly about over just under " * (n // 29) + "5%",
    "between ... and ...": lambda n: "between 1 and " * (n // 14) + "2%",
    "number words": lambda n: "one hundred and twenty " * (n // 23),
    "scale words": lambda n: "5 " + "trillion " * (n // 9),
    "currency signs": lambda n: "$" * n + "5",
    "chained bounds": lambda n: "over 1 and under 2 and " * (n // 23) + "5",
    "fraction words": lambda n: "one and a half " * (n // 15),
    "digit groups": lambda n: "4 thousand 3 hundred and " * (n // 25) + "21",
    "period: digits": lambda n: "9" * n,
    "period: since + digits": lambda n: "since " + "9" * n,
    "period: repeated qualifiers": lambda n: "early mid late " * (n // 15) + "2020",
    "period: repeated ranges": lambda n: "2020-" * (n // 5) + "2021",
    "period: quarters": lambda n: "Q1 " * (n // 3) + "2020",
    "period: day spans": lambda n: "14 March to " * (n // 12) + "13 June 2025",
    "period: seasons": lambda n: "late summer of " * (n // 15) + "2022",
    "compound adjectives after a number": lambda n: "24 " + "four-car " * (n // 9) + "units",
    "hyphenated superlative": lambda n: "fastest-" * (n // 8) + "growing",
    "unit word of letters": lambda n: "5 " + "a" * n,  # pint's parser was quadratic in it (issue 19, item 12)
}

# Texts given as a value's declared unit: parse_value("5", unit=text).
DECLARED_UNITS = {
    "declared unit of letters": lambda n: "a" * n,
}

# Relations of a vocabulary: parse_relation(text), up to the 2,000 characters the vocabulary reads of one.
# Three optional-space terms in one pattern were cubic: 1,600 spaces took 57 s (issue 19, item 14).
RELATION_SIZES = [250, 500, 1_000, 1_990]
RELATIONS = {
    "relation: spaces in a term": lambda n: "a = b" + " " * (n - 6) + "c",
    "relation: long names": lambda n: "a" * (n // 3) + " = " + "b" * (n // 3) + " × " + "c" * (n // 3 - 3),
    "relation: duration, spaces": lambda n: "d = e" + " " * (n - 10) + " − f",
}


def timed(parse, text: str, clock) -> float:
    best = math.inf
    for _ in range(3):
        start = clock()
        try:
            parse(text)
        except ClaimcheckError:
            pass
        best = min(best, clock() - start)
    return best


def load_line(field: str, make):
    """load() of a claims folder whose one claim has ``field`` set to the pathological text (or list)."""
    def run(text: str | list[str]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "a.yaml").write_text(
                f"source: {{id: a, published: 2025}}\nclaims:\n  - id: x\n    measure: m\n"
                f"    {field}: {json.dumps(text)}\n", encoding="utf-8")
            load(folder, strict=False)
    return run, make


LOADS = {
    "load: value of digits": load_line("value", INPUTS["digits then %"]),
    "load: value of hedges": load_line("value", INPUTS["mixed hedges"]),
    "load: period of qualifiers": load_line("period", INPUTS["period: repeated qualifiers"]),
    "load: quote of brackets": load_line("quote", INPUTS["nested brackets"]),
    # n characters of names: a count per item made it quadratic (issue 19, item 14)
    "load: items of one claim": load_line("items", lambda n: [f"{k:07d}" for k in range(n // 8)]),
}


EXTRACTS = {
    "extract: digits and spaces": INPUTS["spaces between digits"],
    "extract: mixed hedges": INPUTS["mixed hedges"],
    "extract: nested brackets": INPUTS["nested brackets"],
    "extract: one long sentence": lambda n: ("Trade rose over 60% in 2022 and " * (n // 32))[:n],
    "extract: chained bounds": INPUTS["chained bounds"],
    "extract: a date, then spaces": lambda n: "In 2020" + " " * n + "x.",
    "extract: a year, then numbers": lambda n: "In 2020, " + "1, " * (n // 3),
    "extract: a list never closed": lambda n: "Russia, India and " + "Peru Chile, " * (n // 12) + "x",
    "extract: hyphens after a number": lambda n: "1 " + "a-" * (n // 2),
}


def _draft(text: str) -> None:
    draft_yaml(text, extract(text, published="2025"), source_id="a", published="2025", text_path=None, origin="a")


DRAFTS = {
    "draft: one long sentence": EXTRACTS["extract: one long sentence"],
}


def _row(name: str, times: list[float], sizes: list[int] = SIZES) -> str:
    k = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]) if times[0] > 0 else float("nan")
    return f"{name:34}" + "".join(f"{t * 1e3:>12.3f}ms" for t in times) + f"   {k:10.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="PREFIX", default="", help="run only the rows whose name starts so "
                        "(for example 'extract:')")
    parser.add_argument("--cpu", action="store_true", help="time the process's CPU, not the wall clock (on a "
                        "machine others use, the wall clock grows with their load)")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    rows = [(name, parse_value, make) for name, make in INPUTS.items() if not name.startswith("period:")]
    rows += [(name, lambda t: parse_period(t, published="2025"), make) for name, make in INPUTS.items()
             if name.startswith("period:")]
    rows += [(name, lambda t: parse_value("5", unit=t), make) for name, make in DECLARED_UNITS.items()]
    rows += [(name, run, make) for name, (run, make) in LOADS.items()]
    rows += [(name, lambda t: extract(t, published="2025"), make) for name, make in EXTRACTS.items()]
    rows += [(name, _draft, make) for name, make in DRAFTS.items()]
    print(f"{'input':34}" + "".join(f"{n:>14,}" for n in SIZES) + "   exponent k")
    for name, run, make in rows:
        if name.startswith(args.only):
            print(_row(name, [timed(run, make(n), clock) for n in SIZES]), flush=True)
    relations = [(name, make) for name, make in RELATIONS.items() if name.startswith(args.only)]
    if relations:
        print(f"\n{'relation (at most 2,000 chars)':34}" + "".join(f"{n:>14,}" for n in RELATION_SIZES)
              + "   exponent k")
    for name, make in relations:
        print(_row(name, [timed(parse_relation, make(n), clock) for n in RELATION_SIZES], RELATION_SIZES),
              flush=True)


if __name__ == "__main__":
    main()
