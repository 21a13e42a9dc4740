"""claimcheck's extraction on the peers' own test suites, and its speed against quantulum3.

Run: python benchmarks/peers.py [--speed-mb N]
(quantulum3 for the speed comparison: pip install -e '.[bench]'; without it the speed line says so.)

The suites in ../shared/bench (or $CLAIMCHECK_BENCH) are read as they are, through the adapters
below, which say how each peer's expectation is compared with a claimcheck candidate:

- quantulum3 ``quantities.json``: an expected quantity is found when a candidate's span overlaps its
  surface text and the candidate's number, converted to the expected unit, equals the expected
  value (within 0.1%). The candidate's number is the number as written: the middle of an exact
  value or a range (quantulum3 also gives the middle of a range), the bound of a one-sided hedge.
- Recognizers-Text: a case passes when every expected result is matched by a candidate of the
  right kind with the same span and value, and no other candidate of that kind is left over.
  ``NumberModel`` takes counts, plain numbers and fractions in words (a share to claimcheck: "three
  quarters" is 75%, 0.75 to Recognizers; a part of a whole is its ratio), ``PercentModel`` shares, ``CurrencyModel``
  amounts of money, ``NumberRangeModel`` bounded or ranged values (its interval notation
  compared with ours), ``DatePeriodExtractor`` periods (its score is the share of expected spans
  that a found period overlaps exactly or by containing it).

Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

from claimcheck import ClaimcheckError, extract, parse_value
from claimcheck.extraction.dates import _read_period, date_spans
from claimcheck.extraction.spans import read_value
from claimcheck.extraction.words import (
    HEDGES_BY_FIRST,
    HEDGES_BY_LAST,
    MONTHS,
    MULTIPLES,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    RANKS,
    SCALE,
)
from claimcheck.read import units
from claimcheck.read.currencies import CURRENCY_NAME_WORDS
from claimcheck.read.forms import CHANGE_VERBS, direction_of
from claimcheck.read.numbers import FRACTION_WORDS
from claimcheck.read.tolerances import DEFAULT_TOLERANCES
from claimcheck.read.units import registry

BENCH = Path(os.environ.get("CLAIMCHECK_BENCH", Path(__file__).resolve().parents[2] / "shared" / "bench"))

# quantulum3's unit names, as pint spells them (the adapter's dictionary, not claimcheck's).
QUANTULUM_UNITS = {
    "dimensionless": "", "percentage": "percent", "metre": "meter", "kilometre": "kilometer", "mile": "mile",
    "inch": "inch", "week": "week", "nanometre": "nanometer", "day": "day", "year": "year", "month": "month",
    "hour": "hour", "gallon": "gallon", "litre": "liter", "electronvolt": "electron_volt",
    "teraelectronvolt": "teraelectron_volt", "kilogram": "kilogram", "milligram": "milligram", "tonne": "metric_ton",
    "pound-mass": "pound", "cubic kilometre": "kilometer**3", "square kilometre": "kilometer**2",
    "square mile": "mile**2", "exabyte": "exabyte", "byte": "byte", "bit": "bit", "kibibyte": "kibibyte",
    "watt hour": "watt_hour", "megawatt hour": "megawatt_hour", "gigahertz": "gigahertz", "megabyte": "megabyte",
    "milligray": "milligray", "picometre": "picometer", "attometre": "attometer", "centilitre": "centiliter",
    "cubic centimetre": "centimeter**3", "degree Celsius": "degree_Celsius", "degree fahrenheit": "degree_Fahrenheit",
    "kelvin": "kelvin", "kilometre per hour": "kilometer/hour", "dollar": "USD", "euro": "EUR",
    "pound sterling": "GBP", "dollar per hour": "USD/hour", "dollar per kilogram": "USD/kilogram",
    "megayear": "megayear", "gigayear": "gigayear", "inverse second": "1/second", "watt per minute": "watt/minute",
    "kilometre per square second": "kilometer/second**2", "count per week": "1/week", "ton per day": "metric_ton/day",
    "joule second": "joule*second", "candela second": "candela*second", "inverse femtobarn": "1/femtobarn",
    "joule per square metre per year": "joule/meter**2/year", "cup": "cup", "tablespoon": "tablespoon",
    "cent": "USD_cent", "penny": "GBP_penny", "dime": "USD_dime", "dozen": "", "gross": "", "baker's dozen": "",
}
# quantulum3's counting units: one dozen is 12 of claimcheck's items.
QUANTULUM_COUNTING = {"dozen": 12, "gross": 144, "baker's dozen": 13}
_COUNTISH = {"item", "dimensionless", ""}


_LOWER_BOUND_HEDGES = ("'over'", "'at least'", "'just over'")
_UPPER_BOUND_HEDGES = ("'under'", "'at most'", "'nearly'", "'just under'")


def written_number(value) -> float | None:
    """The number as written: the bound of a one-sided hedge, else the middle of the interval. A change is
    the amount of it as written: "increased by 35%" is 35 (percent), "down 34 cents" 34 (cents)."""
    low, high, reading = value.low_magnitude, value.high_magnitude, value.reading
    direction = direction_of(value) if reading.startswith(("a rise", "a fall")) else None
    if direction is not None:
        reading = reading.split(": ", 1)[1]
        if value.kind == "change_multiple":
            low, high = (None if x is None else abs(x - 1) * 100 for x in (low, high))
        else:
            low, high = (None if x is None else abs(x) for x in (low, high))
        if direction == "down":
            low, high = high, low
    if reading.startswith(_LOWER_BOUND_HEDGES):
        return low
    if reading.startswith(_UPPER_BOUND_HEDGES):
        return high
    if low is None or high is None or math.isinf(low) or math.isinf(high):
        return None
    if reading.startswith("'about' a range"):  # the ends as written, before the 'about' tolerance widened them
        return (low / (1 - DEFAULT_TOLERANCES.approximately) + high / (1 + DEFAULT_TOLERANCES.approximately)) / 2
    spread = re.search(r"±([0-9.e+-]+)", reading)
    if spread and low + float(spread.group(1)) <= high + 1e-9:
        return low + float(spread.group(1))  # "100%" is [99.5, 100] once capped: the number written is 100
    return (low + high) / 2


def written_unit(value) -> str:
    """The unit of the number as written: a change by a percentage is in percent, not a multiple."""
    if value.kind == "change_multiple" and value.reading.startswith(("a rise", "a fall")):
        return "percent"
    return value.unit


def _in_unit(number: float, ours: str, theirs: str) -> float | None:
    ureg = registry()
    try:
        if ours in _COUNTISH:
            ours = "dimensionless"
        return float(ureg.Quantity(number, ours).to(theirs or "dimensionless").magnitude)
    except Exception:  # noqa: BLE001 - incompatible units: not a match
        return None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


_BRACKETED = re.compile(r"\(([^()]+)\)$")


def stated(candidate) -> list:
    """The values a candidate states: its own, and the same quantity written again in brackets, in a second
    currency (its ``also``: "-15€ ($-99.99)") or in other units ("8- to 16-meter (320- to 640-inch)")."""
    values = [candidate.value]
    bracketed = _BRACKETED.search(candidate.text)
    for again in (candidate.also, bracketed.group(1) if bracketed else None):
        if again:
            try:
                values.append(parse_value(again))
            except ClaimcheckError:
                pass
    return values


# --- quantulum3 ---------------------------------------------------------------------------------


def quantulum_suite(verbose: bool = False) -> tuple[int, int]:
    cases = json.loads((BENCH / "quantulum3" / "quantities.json").read_text(encoding="utf-8"))
    right = total = 0
    for case in cases:
        text = case["req"]
        everything = extract(text)
        candidates = [c for c in everything if c.value is not None]
        periods = [c.period_span for c in everything if c.period_span is not None]
        years = {text[start:end].split()[-1] for start, end in periods}
        for expected in case["res"]:
            total += 1
            at = text.find(expected["surface"])
            span = (at, at + len(expected["surface"])) if at >= 0 else (0, len(text))
            theirs = QUANTULUM_UNITS.get(expected["unit"])
            # A year that quantulum3 reads as a plain number, claimcheck reads as a date: the same span, read.
            ok = expected["unit"] == "dimensionless" and (expected["surface"] in years or any(
                a <= span[0] and span[1] <= b for a, b in periods))
            for candidate in candidates:
                if not (candidate.start < span[1] and span[0] < candidate.end) or theirs is None:
                    continue
                for value in stated(candidate):
                    number = written_number(value)
                    converted = None if number is None else _in_unit(number, written_unit(value), theirs)
                    if converted is not None and _close(converted, float(expected["value"]) * QUANTULUM_COUNTING.get(expected["unit"], 1)):
                        ok = True
                if ok:
                    break
            right += ok
            if verbose and not ok:
                got = [(c.text, c.value.unit, written_number(c.value)) for c in candidates]
                print(f"  quantulum3 miss: {expected['surface']!r} {expected['value']} {expected['unit']}  got {got}")
    return right, total


# --- Recognizers-Text ---------------------------------------------------------------------------


def _spec(path: str) -> list[dict]:
    return json.loads((BENCH / "recognizers-text" / path).read_text(encoding="utf-8-sig"))


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


_HEDGE_BEFORE = re.compile(r"(?i)(?:(?:" + "|".join(sorted(CHANGE_VERBS)) + r")\s+(?:by\s+)?)?(?:(?:about|around|"
                           r"approximately|roughly|some|nearly|almost|over|under|more than|less than|fewer than|"
                           r"at least|at most|up to|just over|just under|an estimated|estimated|close to|in excess of)"
                           r"\s+)?(?:[$€£¥₹]\s*)?")  # a change, a hedge, a currency sign before a number

KIND_OF_MODEL = {
    # A fraction in words ("three quarters") is a share to claimcheck and a number to Recognizers.
    "NumberModel": lambda c: c.value is not None and (c.value.unit in _COUNTISH or c.value.kind == "share"
                                                      and not re.search(r"(?i)%|percent", c.text)
                                                      or units.is_money(c.value.unit)),
    "PercentModel": lambda c: c.value is not None and c.value.unit == "percent",  # a share, or a ratio over 100%
    "CurrencyModel": lambda c: c.value is not None and c.value.kind in ("amount", "difference")
    and units.is_money(c.value.unit),  # money, and a change in money ("down 34 cents")
}


def _expected_number(resolution: dict) -> float | None:
    raw = resolution.get("value")
    if raw is None:
        return None
    raw = str(raw).rstrip("%")
    try:
        return float(raw)
    except ValueError:
        return None


def _counted_after(candidate, extra: str) -> bool:
    """claimcheck keeps the counted noun with a count ("12,567 words") and the currency with an amount
    ("hundred thousand dollars"); Recognizers' NumberModel span stops at the number."""
    counted = candidate.value.counted
    if units.is_money(candidate.value.unit):
        return bool(re.fullmatch(r"\s*[A-Za-z ]+", extra))
    return bool(extra.strip()) and counted is not None and counted.endswith(extra.strip())


def _as_recognizers_number(candidate, model: str) -> float | None:
    """The number Recognizers writes for a candidate: a share in words as a fraction ("three quarters" is
    0.75), a part of a whole as its ratio ("two out of five hundred" is 0.004), else the number written."""
    number = written_number(candidate.value)
    if number is None:
        return None
    if candidate.value.kind == "share" and model == "NumberModel":
        return number / 100
    if candidate.value.denominator:
        return number / candidate.value.denominator
    return number


def recognizers_model(model: str, path: str, *, python_only: bool, verbose: bool = False) -> tuple[int, int]:
    wanted = KIND_OF_MODEL[model]
    passed = total = 0
    for case in _spec(path):
        if python_only and "python" in case.get("NotSupported", "").lower():
            continue
        total += 1
        text = case["Input"]
        found = [c for c in extract(text) if wanted(c)]
        ok = len(found) == len(case["Results"])
        for expected in case["Results"]:
            start, end = expected["Start"], expected["End"] + 1
            number = _expected_number(expected["Resolution"])
            # claimcheck keeps a hedge with its number ("about $14 million"); Recognizers leaves it out
            # of these models (its NumberRangeModel reads hedges), so a hedge before the span is allowed.
            match = [c for c in found if (c.end == end or _counted_after(c, text[end:c.end]))
                     and (c.start == start or _HEDGE_BEFORE.fullmatch(text[c.start:start]))
                     and number is not None and _as_recognizers_number(c, model) is not None
                     and _close(_as_recognizers_number(c, model), number)]
            ok = ok and bool(match)
        passed += ok
        if verbose and not ok:
            print(f"  {model} miss: {text[:70]!r} expected {[(r['Text'], r['Resolution'].get('value')) for r in case['Results']]}"
                  f" got {[(c.text, _as_recognizers_number(c, model)) for c in found]}")
    return passed, total


_RANGE = re.compile(r"^([\[(])\s*([-\d.e+]*)\s*,\s*([-\d.e+]*)\s*([\])])$")


def _our_range(value, text: str) -> str:
    low, high = value.low_magnitude, value.high_magnitude
    if value.kind == "share" and not re.search(r"(?i)%|percent", text):
        # a share in words ("more than half") is a fraction to Recognizers, and its cap at 100% no bound
        low = None if low == 0 else low / 100
        high = None if high == 100 else high / 100

    def number(x):
        return "" if x is None or math.isinf(x) else _number_text(x)
    opened = "[" if value.low_inclusive and low is not None and not math.isinf(low) else "("
    closed = "]" if value.high_inclusive and high is not None and not math.isinf(high) else ")"
    return f"{opened}{number(low)},{number(high)}{closed}"


def recognizers_ranges(*, python_only: bool, verbose: bool = False) -> tuple[int, int]:
    passed = total = 0
    for case in _spec("Number/English/NumberRangeModel.json"):
        if python_only and "python" in case.get("NotSupported", "").lower():
            continue
        total += 1
        text = case["Input"]
        found = [c for c in extract(text) if c.value is not None]
        ok = True
        for expected in case["Results"]:
            start, end = expected["Start"], expected["End"] + 1
            want = expected["Resolution"]["value"].replace(" ", "")
            match = [c for c in found if c.start <= start and end <= c.end and _ranges_agree(_our_range(c.value, c.text), want)]
            ok = ok and bool(match)
        if not case["Results"]:
            ok = not [c for c in found if c.value.low_magnitude != c.value.high_magnitude]
        passed += ok
        if verbose and not ok:
            print(f"  NumberRangeModel miss: {text[:70]!r} expected {[(r['Text'], r['Resolution']['value']) for r in case['Results']]}"
                  f" got {[(c.text, _our_range(c.value, c.text)) for c in found]}")
    return passed, total


def _ranges_agree(ours: str, theirs: str) -> bool:
    a, b = _RANGE.match(ours), _RANGE.match(theirs)
    if not a or not b:
        return False
    for x, y in ((a.group(2), b.group(2)), (a.group(3), b.group(3))):
        if (x == "") != (y == ""):
            # Recognizers leaves a bound open where claimcheck closes a share at 0 or 100, or a count at 0
            if not (x in ("0", "100") and y == ""):
                return False
        elif x and not _close(float(x), float(y)):
            return False
    return a.group(1) == b.group(1) or a.group(2) in ("", "0") and b.group(2) == ""


def recognizers_periods(*, python_only: bool, verbose: bool = False) -> tuple[int, int]:
    found_spans = total = 0
    for case in _spec("DateTime/English/DatePeriodExtractor.json"):
        if python_only and "python" in case.get("NotSupported", "").lower():
            continue
        text = case["Input"]
        spans = date_spans(text)
        for expected in case["Results"]:
            total += 1
            start, end = expected["Start"], expected["Start"] + expected["Length"]
            ok = any(a <= start and end <= b for a, b in spans) or any(a == start and b == end for a, b in spans)
            found_spans += ok
            if verbose and not ok:
                print(f"  DatePeriod miss: {expected['Text']!r} in {text[:60]!r}")
    return found_spans, total


# --- the seeds ---------------------------------------------------------------------------------


def seed_overlap(verbose: bool = False) -> tuple[int, int, int, int]:
    """Curated claims whose quote a candidate overlaps, and candidates that overlap a curated quote."""
    from claimcheck import load

    root = Path(__file__).resolve().parents[1] / "claims"
    corpus = load(root)
    claims_hit = claims = candidates_hit = candidates = 0
    for source_id, source in corpus.sources.items():
        text = (root / source.text).read_text(encoding="utf-8")
        found = extract(text, published=source.published.text if source.published else None)
        quotes = []
        for claim in corpus.claims:
            if claim.source_id != source_id:
                continue
            at = text.find(claim.quote)
            quotes.append((at, at + len(claim.quote)))
            claims += 1
            hit = any(c.start < at + len(claim.quote) and at < c.end for c in found)
            claims_hit += hit
            if verbose and not hit:
                print(f"  seed miss: {source_id}/{claim.id}: {claim.quote[:70]!r}")
        candidates += len(found)
        candidates_hit += sum(any(c.start < b and a < c.end for a, b in quotes) for c in found)
    return claims_hit, claims, candidates_hit, candidates


# --- speed --------------------------------------------------------------------------------------


def _renumbered(block: str, rng: random.Random) -> str:
    """The block with every number changed (years stay years): no cache of readings serves a copy."""
    def renumber(match: re.Match) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(1990, 2030))
        return str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1))
    return re.sub(r"\d+", renumber, block)


def _sized(block: str, megabytes: float, make_copy) -> str:
    copies, size, wanted = [block], len(block), int(megabytes * 1_000_000)
    while size < wanted:
        copies.append(make_copy(block))
        size += len(copies[-1]) + 2
    return "\n\n".join(copies)[:wanted]


_WORD = re.compile(r"[A-Za-z]+")
# The words values and dates are written with: a copy keeps them, so that it holds as many values.
_VALUE_WORDS = (NUMBER_WORDS | SCALE | MONTHS | RANKS | ORDINAL_WORDS | MULTIPLES | set(CHANGE_VERBS) |
                set(HEDGES_BY_FIRST) | set(HEDGES_BY_LAST) | CURRENCY_NAME_WORDS | FRACTION_WORDS |
                {"year", "years", "month", "months", "quarter", "half", "decade", "since", "per", "cent", "percent"})


def unique_prose(megabytes: float) -> str:
    """The seed documents' prose made new in every copy, so that no sentence repeats: each word outside
    the 400 most frequent of the seeds (and outside the words values and dates are written with) is
    replaced by another word of the seeds of the same case, and every number by another. The shape of
    the text (sentence lengths, punctuation, how often a number comes) is the seeds'."""
    root = Path(__file__).resolve().parents[1]
    block = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "claims" / "sources").glob("*.txt")))
    counts: dict[str, int] = {}
    for word in _WORD.findall(block):
        counts[word] = counts.get(word, 0) + 1
    frequent = {w for w, _ in sorted(counts.items(), key=lambda item: -item[1])[:400]}
    kept = frequent | {w for w in counts if w.lower() in _VALUE_WORDS}
    pools = {upper: sorted(w for w in counts if w not in kept and w[:1].isupper() == upper) for upper in (True, False)}
    rng = random.Random(20261201)

    def new_copy(text: str) -> str:
        text = _renumbered(text, rng)
        return _WORD.sub(lambda m: m.group() if m.group() in kept else rng.choice(pools[m.group()[:1].isupper()]), text)
    return _sized(new_copy(block), megabytes, new_copy)


def number_dense(megabytes: float, *, every_sentence: bool = False) -> str:
    """News text dense with numbers: the seed documents, the regression set's news sentences and the suites'
    sentences (with ``every_sentence``, the sentences alone: a value or more in each), every number changed
    in each copy."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from news import cases

    root = Path(__file__).resolve().parents[1]
    parts = [] if every_sentence else [p.read_text(encoding="utf-8")
                                       for p in sorted((root / "claims" / "sources").glob("*.txt"))]
    parts += [case.text for case in cases()]
    parts += [c["req"] for c in json.loads((BENCH / "quantulum3" / "quantities.json").read_text(encoding="utf-8"))]
    for path in ("Number/English/NumberModel.json", "NumberWithUnit/English/CurrencyModel.json",
                 "DateTime/English/DatePeriodExtractor.json"):
        parts += [c["Input"] for c in _spec(path)]
    rng = random.Random(20261126)
    return _sized("\n\n".join(parts), megabytes, lambda block: _renumbered(block, rng))


def _timed_extract(text: str) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of one extract() of ``text``, and how many candidates it found."""
    extract("Warm-up: about 3 km in 2020.")  # pint's registry loads once per process (~0.7 s): not throughput
    read_value.cache_clear()
    _read_period.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    found = extract(text, published="2025")
    return time.perf_counter() - start, time.process_time() - cpu, len(found)


def measure_speed(megabytes: float) -> None:
    try:
        from quantulum3 import parser
    except ImportError:
        parser = None
    for label, make in (("unique prose", unique_prose), ("number-dense news text", number_dense),
                        ("sentences with a value each", lambda mb: number_dense(mb, every_sentence=True))):
        text = make(megabytes)
        size = len(text.encode("utf-8"))
        ours, cpu, found = _timed_extract(text)
        print(f"claimcheck on {label}: {size / 1e6:.2f} MB in {ours:.2f} s = {size / ours / 1e6:.2f} MB/s "
              f"(CPU {cpu:.2f} s = {size / cpu / 1e6:.2f} MB/s; {found:,} candidates, {found / size * 1e3:.1f} per KB)")
        for scale in (0.25, 0.5):
            part = text[: int(len(text) * scale)]
            seconds, cpu, _ = _timed_extract(part)
            print(f"  {len(part.encode('utf-8')) / 1e6:.2f} MB: {seconds:.2f} s (CPU {cpu:.2f} s)")
        if parser is None:
            print("  quantulum3: not installed (pip install -e '.[bench]'), no ratio")
            continue
        sample = text[:50_000]  # quantulum3 reads a few KB a second: a prefix of the same text, timed alike
        start = time.perf_counter()
        parser.parse(sample)
        theirs = time.perf_counter() - start
        rate = len(sample.encode("utf-8")) / theirs
        print(f"  quantulum3: {len(sample.encode('utf-8')) / 1e6:.2f} MB (a prefix of the same text) in {theirs:.2f} s = "
              f"{rate / 1e3:.1f} KB/s; claimcheck is {size / ours / rate:.0f}x faster")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux: the whole process, texts included
    print(f"peak RSS of the process: {peak:.0f} MB")


def news_scores() -> str:
    """The regression set of news sentences (tests/gold/news_sentences.yaml), scored as tests/news.py scores it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from news import cases, score

    s = score(cases())
    return (f"news sentences: value F1 {s.f1:.3f} ({s.right} of {s.expected} values right, {s.found} found); "
            f"hedge bounds {s.hedged_right}/{s.hedged} = {s.hedged_right / s.hedged:.1%}; "
            f"direction {s.directions_right}/{s.directions} = {s.directions_right / s.directions:.1%} "
            f"({s.spurious_directions} on values that are no change); "
            f"period {s.periods_right}/{s.right} = {s.periods_right / max(s.right, 1):.1%} of the values right; "
            f"quote {s.quotes_right}/{s.right}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-mb", type=float, default=4.0, help="size of the speed test text (default 4 MB; 0 skips the speed test)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    print(news_scores())
    hit, claims, relevant, candidates = seed_overlap(args.verbose)
    print(f"seeds: candidates overlap the quotes of {hit}/{claims} curated claims = {hit / claims:.1%} (target >= 95%); "
          f"{relevant}/{candidates} candidates overlap a curated quote, {candidates - relevant} do not")
    right, total = quantulum_suite(args.verbose)
    print(f"quantulum3 quantities.json: {right}/{total} quantities = {right / total:.1%} (target >= 95%)")
    for model, path, target in (("NumberModel", "Number/English/NumberModel.json", "90%"),
                                ("PercentModel", "Number/English/PercentModel.json", "all"),
                                ("CurrencyModel", "NumberWithUnit/English/CurrencyModel.json", "97%")):
        every = recognizers_model(model, path, python_only=False, verbose=args.verbose)
        python = recognizers_model(model, path, python_only=True)
        print(f"Recognizers {model}: {every[0]}/{every[1]} = {every[0] / every[1]:.1%} of all cases; "
              f"{python[0]}/{python[1]} = {python[0] / python[1]:.1%} of those the Python port supports "
              f"(target {target})")
    every = recognizers_ranges(python_only=False, verbose=args.verbose)
    print(f"Recognizers NumberRangeModel: {every[0]}/{every[1]} = {every[0] / every[1]:.1%} (target >= 90%)")
    every = recognizers_periods(python_only=False, verbose=args.verbose)
    python = recognizers_periods(python_only=True)
    print(f"Recognizers DatePeriodExtractor: {every[0]}/{every[1]} spans = {every[0] / every[1]:.1%}; "
          f"{python[0]}/{python[1]} = {python[0] / python[1]:.1%} of those the Python port supports (target >= 80%)")
    if args.speed_mb > 0:
        measure_speed(args.speed_mb)


if __name__ == "__main__":
    main()
