"""Units as written after a number: pint's units and compound units, counted nouns, "a year".

pint decides what is a unit; this module decides which tokens to hand it, and which words pint
would misread ('a' is a year to pint, 'in' an inch) stay counted nouns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.errors import ValueParseError
from claimcheck.read import units
from claimcheck.read.currencies import CURRENCY_WORDS, currency_name
from claimcheck.read.numbers import (
    DIMENSION_WORDS,
    FRACTIONS,
    SCALES,
    Number,
    ordinal_word_value,
    read_digits,
    small_word_value,
)
from claimcheck.read.tokens import Reading, by_first_word
from claimcheck.read.values import Kind

# pint defines physical constants as units ('sigma' is Stefan-Boltzmann's, 'c' the speed of light):
# after a number they are words ('a 6.0-sigma result'), not units.
_A_CONSTANT = re.compile(r"constant|speed_of_light|elementary_charge|planck|avogadro|boltzmann|gravity|"
                         r"vacuum|impedance|magneton|electron_mass|proton_mass|neutron_mass|fine_structure")

_COUNTED_WORD = re.compile(r"[a-z][a-z'.-]*")

_UNIT_NAME = re.compile(r"[A-Za-zµΩ]+(?:_[A-Za-z]+)*")

# What makes an amount a rate, and the unit of time it is per: "a year", "a day" ("38,000 passengers a day").
_RATE_SUFFIXES: dict[tuple[str, ...], str] = {
    **{(word, "year"): "year" for word in ("a", "per", "every", "each")},
    **{suffix: "year" for suffix in [("annually",), ("per", "annum"), ("a", "yr"), ("per", "yr"), ("yearly",),
                                     ("annual",)]},
    **{(word, unit): unit for word in ("a", "per", "every", "each", "/") for unit in ("day", "week", "month")},
    **{("/", unit): unit for unit in ("year", "yr", "hour")},
    **{suffix: unit for suffix, unit in [(("daily",), "day"), (("weekly",), "week"), (("monthly",), "month"),
                                         (("an", "hour"), "hour"), (("per", "hour"), "hour")]},
}

RATE_SUFFIXES_BY_FIRST = by_first_word(list(_RATE_SUFFIXES), lambda suffix: suffix)
# The words after "per", "a" or "/" that make a rate, not money per a unit ("$15 an hour", not "$4 a gallon").
_UNITS_OF_TIME = {suffix[1] for suffix in _RATE_SUFFIXES if len(suffix) == 2}

# Nouns that pint reads as units and that news counts far more often than it measures with them, each with
# its plural. Decided from pint's registry, name by name (its prefixed names are held back in units.py):
#   section   pint's square survey mile; news counts sections of a line, a road, a report
#   chain, link, rod, pole, perch   surveyors' lengths; news has chains of stores, rail links, fishing rods
#   league    three miles to pint; football leagues
#   hand      a horse's height, four inches; news counts hands (and farm hands)
#   bag       pint's bag of cement, 94 lb; "a 5kg bag", bags of rice
#   cup       the US cup, 236.6 ml; a cup of coffee is a serving, and a metric cup 250 ml ("World Cups")
#   shot, jig  a shot of 44 ml to pint; news counts shots fired and vaccine shots
#   barn      a nuclear cross-section; news counts barns on a farm ("bar" stays a pressure, "700 bar";
#             "bars" are counted: chocolate bars, signal bars, bars in a street)
#   turn, cycle, circle, revolution   a full angle; news counts turns, election cycles, revolutions
#   count, strain, particle, molecule, grade   dimensionless or tiny units; news counts counts of fraud,
#             strains of a virus, school grades ("grain" too: grains of rice, rarely a weight of bullets)
#   candle, shake, slug, pond, blob, den, dot, mat, gill, peck, mole   obscure units that are everyday nouns
#             (candela, 10 ns, a mass, a gram-force, a slinch, a denier, a pixel, a millitechnical
#             atmosphere, a quarter pint, a quarter bushel, a mole of chemistry, which news rarely measures)
#   quarter   a quarter hundredweight; news counts quarters of a year
#   bus       pint's bushel; "three bus routes"
#   are       the verb, in "27 are members"; hectares stay units
# Kept as units, as news uses them: stone (body weight in the UK), barrel (of oil), knot (ships, wind),
# degree, acre, hectare, tonne, mile, pint (of beer, a fixed 568 ml), gallon and "gal", carat, fathom,
# bar, quad (a quadrillion BTU, in energy statistics), second and minute.
_COUNTED_NOT_MEASURED = {
    "section": "sections", "chain": "chains", "link": "links", "rod": "rods", "pole": "poles", "perch": "perches",
    "league": "leagues", "hand": "hands", "bag": "bags", "cup": "cups", "shot": "shots", "jig": "jigs",
    "barn": "barns", "bars": "bars", "turn": "turns", "cycle": "cycles", "circle": "circles",
    "revolution": "revolutions", "count": "counts", "strain": "strains", "particle": "particles",
    "molecule": "molecules", "grade": "grades", "grain": "grains", "candle": "candles", "shake": "shakes",
    "slug": "slugs", "pond": "ponds", "blob": "blobs", "den": "dens", "dot": "dots", "mat": "mats", "gill": "gills",
    "peck": "pecks", "mole": "moles", "quarter": "quarters", "bus": "buses", "are": "are",
}
COUNTED_NOUNS = frozenset(_COUNTED_NOT_MEASURED) | frozenset(_COUNTED_NOT_MEASURED.values())

# Words pint would read as units ('a' is a year, 'in' an inch) that in a claim are counted nouns.
_NOUNS_PINT_MISREADS = {"people", "persons", "countries", "members", "items", "a", "in", "at", "units", "unit",
                        *COUNTED_NOUNS}

# ... and, after a number, scale letters and words that other rules read.
_NOT_UNITS = _NOUNS_PINT_MISREADS | {"b", "k", "an", "point", "points", "times", "per"}

# Units news writes in two words, as pint names them.
_TWO_WORD_UNITS = {
    f"{first} {second}": name for name, first, seconds in [
        ("metric_ton", "metric", ("ton", "tons", "tonne", "tonnes")), ("ton", "short", ("ton", "tons")),
        ("long_ton", "long", ("ton", "tons")), ("nautical_mile", "nautical", ("mile", "miles")),
        ("light_year", "light", ("year", "years")), ("fluid_ounce", "fluid", ("ounce", "ounces")),
        ("troy_ounce", "troy", ("ounce", "ounces")), ("kilowatt_hour", "kilowatt", ("hour", "hours")),
        ("megawatt_hour", "megawatt", ("hour", "hours")), ("gigawatt_hour", "gigawatt", ("hour", "hours")),
        ("terawatt_hour", "terawatt", ("hour", "hours")),
    ] for second in seconds}

_TEMPERATURE_LETTERS = {"C": "degree_Celsius", "F": "degree_Fahrenheit"}

_POWERS = {"square": 2, "sq": 2, "cubic": 3, "squared": 2, "cubed": 3}

# "5 kilos" of news are kilograms; to pint, kiloseconds.
_KILOGRAM_WORDS = {"kilo", "kilos"}


def _unit_word(word: str) -> bool:
    return word not in _NOT_UNITS and word not in FRACTIONS and word not in ("fold", "odd") and \
        small_word_value(word) is None and units.known_unit(word)


def unhyphenated(tokens: list[str], as_written: list[str]) -> tuple[list[str], list[str]]:
    """Compound adjectives read as a number and a unit: "27-kilometer", "two-year", "8- to 16-meter".

    A compound with a noun that is no unit is a count of that noun, and the noun it qualifies is
    left out: "a nine-member bloc" counts nine members, "40-country" forty countries; so is the noun a
    unit qualifies: "a 40-year lease" is forty years. After a number, a compound is an adjective of what
    that number counts, and is left out: "24 four-car units" are 24 units, "five 10-storey buildings" five
    buildings.
    """
    if "-" not in "".join(tokens) and not any(word[:1] == "M" and word[1:] in units.CURRENCIES for word in as_written):
        return tokens, as_written
    tokens, as_written = _without_old(tokens, as_written)
    out: list[str] = []
    out_written: list[str] = []
    for k, (token, written) in enumerate(zip(tokens, as_written, strict=True)):
        previous = tokens[k - 1] if k else ""
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        of_a_count = k >= 2 and _a_number(tokens[k - 2]) and _described(tokens, k + 2)
        if token == "-" and previous[:1].isdigit() and (_unit_word(following) or _compound_noun(following)) and \
                of_a_count:
            out.pop()  # "five 10-storey buildings": five buildings
            out_written.pop()
            return out + tokens[k + 2:], out_written + as_written[k + 2:]
        if token == "-" and previous[:1].isdigit() and _unit_word(following) and _described(tokens, k + 2):
            return out + [following], out_written + [as_written[k + 1]]  # "a 40-year lease": forty years
        if token == "-" and previous[:1].isdigit() and (following in ("to", "and") or _unit_word(following)
                                                        or following in CURRENCY_WORDS):
            continue  # "27-kilometer", "8- to 16-meter", "12-cent": the hyphen joins an adjective
        if token == "-" and previous in ("minus", "negative") and following[:1].isdigit():
            continue  # "minus-40 degrees"
        if token == "-" and previous[:1].isdigit() and _compound_noun(following) and _nouns_only(tokens[k + 2:]):
            out.append(following)  # "40-country bloc": forty countries
            out_written.append(as_written[k + 1])
            return out, out_written
        head, _, tail = token.partition("-")
        if tail and "-" not in tail and small_word_value(head) is not None and (_compound_noun(tail) or _unit_word(tail)) \
                and k >= 1 and _a_number(previous) and _described(tokens, k + 1):
            continue  # "24 four-car units": 24 units
        if tail and "-" not in tail and small_word_value(head) is not None and _compound_noun(tail) and \
                _nouns_only(tokens[k + 1:]):
            return out + [head, tail], out_written + [written[:len(head)], written[len(head) + 1:]]  # "nine-member"
        if tail and "-" not in tail and small_word_value(head) is not None and _unit_word(tail) and \
                _described(tokens, k + 1):
            return out + [head, tail], out_written + [written[:len(head)], written[len(head) + 1:]]  # "a two-week strike"
        if written[:1] == "M" and written[1:] in units.CURRENCIES and (
                previous[:1].isdigit() or small_word_value(previous) is not None):
            out += ["million", token[1:]]  # "30 MUSD", "120 MEUR": millions, in finance
            out_written += ["million", written[1:]]
            continue
        head, _, tail = token.partition("-")
        if tail and "-" not in tail and small_word_value(head) is not None and (_unit_word(tail) or tail in CURRENCY_WORDS):
            cut = len(head) + 1
            out += [head, tail]
            out_written += [written[:cut - 1], written[cut:]]
            continue
        out.append(token)
        out_written.append(written)
    return out, out_written


def _compound_noun(word: str) -> bool:
    """The noun of a compound adjective with a number: a word that is no unit, number or fraction."""
    return len(word) > 1 and word.isalpha() and not _unit_word(word) and word not in CURRENCY_WORDS and \
        small_word_value(word) is None and ordinal_word_value(word.removesuffix("s")) is None and word not in FRACTIONS and \
        word not in ("to", "and", "or", "fold", "odd")


def _nouns_only(words: list[str]) -> bool:
    return all(word.replace("-", "").replace("'", "").isalpha() for word in words)


# Words after a compound adjective that belong to the grammar, not to the noun the compound describes.
_NOT_DESCRIBED = {"or", "and", "to", "than", "more", "less", "fewer", "longer", "plus", "per", "a", "an", "every",
                  "each", "annually", "yearly", "annual", "of", "ago", "old", "later", "earlier"}


def _described(tokens: list[str], start: int) -> bool:
    """Whether the tokens from ``start`` are the noun a compound adjective describes ("lease", "trading
    partners"): one to three words, none of them a word of the grammar (measured before slicing, so that
    a long text is not copied once per token)."""
    if not 0 < len(tokens) - start <= 3:
        return False
    words = tokens[start:]
    return _nouns_only(words) and not any(word in _NOT_DESCRIBED for word in words)


def _a_number(token: str) -> bool:
    """A number written before a compound adjective: "24", "1,200", "five", "twenty-four", "a million"."""
    return token[:1].isdigit() or small_word_value(token) is not None or token in SCALES and token not in ("m", "b", "k")


def _without_old(tokens: list[str], as_written: list[str]) -> tuple[list[str], list[str]]:
    """An age written as an adjective is its length: "40-year-old" is 40 years, "200 million-year-old"
    200 million years."""
    if not any(token.endswith("-old") for token in tokens):
        return tokens, as_written
    out, out_written = [], []
    for token, written in zip(tokens, as_written, strict=True):
        parts = token.removesuffix("-old").split("-") if token.endswith("-old") else None
        if parts and all(part in SCALES or _unit_word(part) for part in parts):
            out += parts
            out_written += written[:len(written) - 4].split("-")
            continue
        out.append(token)
        out_written.append(written)
    return out, out_written


def unit_after(p: Reading, number: Number) -> tuple[str, Kind, str | None]:
    cur = p.cur
    currency = None
    if cur.accept("percentage", "points") or cur.accept("percentage", "point") or cur.accept("pp") or cur.accept("points"):
        return units.PERCENTAGE_POINT, "difference", None
    if cur.accept("basis", "points") or cur.accept("basis", "point") or cur.accept("bps") or cur.accept("bp"):
        return BASIS_POINTS, "difference", None  # a hundredth of a percentage point, scaled by the caller
    if cur.accept("%") or cur.accept("percent") or cur.accept("pct") or cur.accept("percents") \
            or cur.accept("percentage"):
        return units.PERCENT, "share", None
    currency = currency_name(p)
    if currency is not None:
        return currency, "amount", None
    if cur.at_end():
        return declared_or_bare(p, number)
    tail = cur.rest()
    stop = next((j for j, token in enumerate(tail) if token in ("or", "and", "+", "plus", ",")
                 or any(tuple(tail[j:j + len(suffix)]) == suffix for suffix in RATE_SUFFIXES_BY_FIRST.get(token, ()))),
                len(tail))
    words = tail[:stop]
    if not words:
        return declared_or_bare(p, number)
    candidate = " ".join(words)
    physical = physical_unit(p, stop)
    if physical is not None:
        if cur.peek() in DIMENSION_WORDS and units.dimension_of(physical) == "meter":
            cur.take()  # "12m high", "5 km long": what the length measures, not a unit of its own
        return physical, "amount", None
    cur.i += stop
    if "per" in words or not all(_COUNTED_WORD.fullmatch(w) for w in words):
        raise p.fail(f"{candidate!r} is not a unit claimcheck knows")
    return units.COUNT, "count", candidate


def smaller_parts(p: Reading, number: Number, unit: str) -> Number:
    """After '2 hours': smaller units of the same kind, '14 minutes' ('5 feet 11 inches'), added in.

    The rounding is that of the last part: "2 hours 14 minutes" is 134 ± 0.5 minutes.
    """
    cur = p.cur
    total, half_unit, written = number.value, number.half_unit, f"{number.written} {canonical_unit(unit, None)}"
    last = unit
    while (cur.peek() or " ")[0].isdigit() or cur.peek() == "and" and (cur.peek(1) or " ")[0].isdigit():
        start = cur.i
        cur.accept("and")
        part = read_digits(p.text, cur.take())
        smaller = physical_unit(p, min(3, len(cur.tokens) - cur.i))
        factor = units.base_form(smaller)[0] / units.base_form(last)[0] if smaller else 0.0
        if smaller is None or units.dimension_of(smaller) != units.dimension_of(unit) or not 0 < factor < 1:
            cur.i = start
            break
        to_first = units.base_form(smaller)[0] / units.base_form(unit)[0]
        total += part.value * to_first
        half_unit = part.half_unit * to_first
        written = f"{written} {part.written} {canonical_unit(smaller, None)}"
        last = smaller
    if last == unit:
        return number
    parts = Number(total, half_unit, half_unit, False, False, written)
    parts.with_unit = True  # the written text names its units: "2 hour 14 minute"
    return parts


BASIS_POINTS = "basis_point"  # no unit of its own: read as percentage points, a hundredth of one each


def per_unit(p: Reading) -> str | None:
    """'/kg', 'per tonne' or 'a gallon' after an amount of money; units of time are left to the rate suffixes."""
    cur = p.cur
    if cur.peek() not in ("/", "per", "a", "an") or cur.peek(1) in _UNITS_OF_TIME or cur.peek(1) in (None, "a"):
        return None
    start = cur.i
    cur.take()
    if cur.peek() in _PER_PERSON:
        cur.take()  # "$21,000 per person", "£30 a head": money per one of what is counted
        return units.COUNT
    unit = physical_unit(p, len(cur.tokens) - cur.i)
    if unit is None:
        cur.i = start
    return unit


# What money is given per, besides units: one person, one household ("$21,000 per person", "£30 a head").
_PER_PERSON = {"person", "capita", "head", "inhabitant", "resident", "household", "citizen", "worker", "employee",
               "passenger", "visitor", "student", "pupil", "patient", "family"}


def physical_unit(p: Reading, stop: int) -> str | None:
    """The longest run of the next tokens (up to ``stop``) that pint reads as a unit, consumed; else None.

    Case matters here (MB is a megabyte, mb a millibarn), so the tokens as written are tried
    first. 'per', '/', '^', 'square', 'cubic', 'squared', 'cubed' and a trailing digit build
    compound units: 'kilometres per hour', 'km/s2', 'J/m^2', 'sq mi', 'km cubed'.
    """
    cur = p.cur
    if cur.at_end():
        return None
    if cur.tokens[cur.i:] == ["in"]:
        cur.i += 1  # "2 in" at the end is two inches; anywhere else "in" is a preposition
        return "inch"
    if p.as_written[cur.i] in _TEMPERATURE_LETTERS and cur.peek(1) not in ("/", "per", "^", "*"):
        # "25 C", "31C": news means degrees; to pint, C is a coulomb and F a farad.
        letter = p.as_written[cur.i]
        cur.take()
        return _TEMPERATURE_LETTERS[letter]
    found = _longest_unit(tuple(p.as_written[cur.i:cur.i + min(stop, 8)]), tuple(cur.tokens[cur.i:cur.i + min(stop, 8)]))
    if found is None:
        return None
    unit, n = found
    cur.i += n
    return unit


@lru_cache(maxsize=8192)
def _longest_unit(written: tuple[str, ...], lowered: tuple[str, ...]) -> tuple[str, int] | None:
    """The unit the longest run of these tokens makes, and how many tokens it takes (cached: news writes the
    same few units after its numbers, and each is up to sixteen tries)."""
    for n in range(len(lowered), 0, -1):
        if " ".join(lowered[:n]) in _NOT_UNITS or lowered[n - 1] in ("per", "/", "^", "square", "cubic", "sq") or \
                n > 1 and any(token in _NOUNS_PINT_MISREADS for token in lowered[1:n]):
            continue  # "5kg bag" is no kilogram-bag
        if n >= 2 and lowered[n - 1] in ("2", "3") and n < len(lowered) and _same_kind(lowered[n - 2], lowered[n]):
            continue  # "6 ft 2 in": two inches more, not square feet
        # A word in capitals is a name, not a unit lower-cased: "two US investors" is no two microseconds.
        shouted = any(len(word) > 1 and word.isalpha() and word.isupper() for word in written[:n])
        for tokens in (written[:n],) if shouted else (written[:n], lowered[:n]):
            expression = _pint_expression(list(tokens))
            problem = units.unit_problem(expression) if expression else units.UNKNOWN
            if problem is None:
                unit = units.canonical(expression)
                if not _A_CONSTANT.search(unit):
                    return unit, n
            elif problem != units.UNKNOWN:
                break  # a unit as written that claimcheck cannot use ('dB/m'): not to be read as 'db/m', decibarns
    return None


def _same_kind(first: str, second: str) -> bool:
    """Whether two words are units of the same dimension ("ft" and "in")."""
    if not (_UNIT_NAME.fullmatch(first) and _UNIT_NAME.fullmatch(second)):
        return False
    if not (units.known_unit(first) and units.known_unit(second)):
        return False
    return units.dimension_of(units.canonical(first)) == units.dimension_of(units.canonical(second))


def declared_or_bare(p: Reading, number: Number) -> tuple[str, Kind, str | None]:
    unit = p.declared_unit
    if unit is None:
        # "18", "eight", "7.4 million": a whole number of things; "2.5", "0.75": a plain number
        whole = (number.integer_written or number.words or number.scale_word is not None) and number.value >= 0 and \
            float(number.value).is_integer()
        return (units.COUNT, "count", None) if whole else (units.MULTIPLE, "amount", None)
    return declared_unit_of(p.text, unit)


def rate_suffix(p: Reading) -> str | None:
    """The unit of time of a rate suffix read at the cursor ("a year", "per day", "weekly"), or None."""
    return next((_RATE_SUFFIXES[suffix] for suffix in RATE_SUFFIXES_BY_FIRST.get(p.cur.peek() or "", ())
                 if p.cur.accept(*suffix)), None)


def as_rate(p: Reading, unit: str, kind: Kind, per: str) -> tuple[str, Kind]:
    if kind == "share":
        if per != "year":
            raise p.fail(f"a percentage a {per} is not read: write the yearly rate, or the figure of one {per}")
        return units.PERCENT_PER_YEAR, "rate"
    if kind == "amount" and per != "year":
        return f"{unit} / {per}", "amount"  # "$15 an hour", "2 million barrels a day": as pint reads "$15/hour"
    if kind in ("amount", "count"):
        return f"{unit} / {per}", "rate"
    raise p.fail(f"only an amount, count or percentage can be given per {per}")


def is_yearly_percent(unit: str | None) -> bool:
    return unit is not None and " ".join(unit.lower().replace("/", " / ").split()) in (
        "percent / year", "% / year", "percent a year", "% a year", "percent per year", "% per year")


def _pint_expression(tokens: list[str]) -> str | None:
    """Tokens of a unit as pint spells it: ['km', '/', 's', '2'] → 'km/s**2'; None if they cannot be one."""
    out: list[str] = []
    power_next = 0
    k = 0
    while k < len(tokens):
        token = tokens[k]
        low = token.lower()
        pair = f"{low} {tokens[k + 1].lower()}" if k + 1 < len(tokens) else ""
        if pair in _TWO_WORD_UNITS:
            if out and out[-1] not in ("/", "*"):
                out.append("*")
            out.append(_TWO_WORD_UNITS[pair] + (f"**{power_next}" if power_next else ""))
            power_next = 0
            k += 2
            continue
        if low in ("per", "/"):
            if not out or out[-1] in ("/", "*"):
                return None
            out.append("/")
        elif low in ("square", "sq", "cubic") and k + 1 < len(tokens):
            power_next = _POWERS[low]
        elif low in ("squared", "cubed"):
            if not out:
                return None
            out[-1] += f"**{_POWERS[low]}"
        elif low == "^" or (token in ("2", "3") and out and out[-1] not in ("/", "*")
                            and (k + 1 == len(tokens) or tokens[k + 1].lower() in ("/", "per"))):
            # "km2", "m/s2"; but in "6 ft 2 in" the 2 is a number of inches
            digits = tokens[k + 1] if low == "^" and k + 1 < len(tokens) else token
            k += 1 if low == "^" else 0
            if not digits.isdigit() or not out:
                return None
            out[-1] += f"**{digits}"
        elif low == "-" and k + 1 < len(tokens) and tokens[k + 1].isdigit() and out:
            out[-1] += f"**-{tokens[k + 1]}"
            k += 1
        elif low in ("°", "degrees", "degree") and k + 1 < len(tokens) and tokens[k + 1].lower() in (
                "c", "celsius", "f", "fahrenheit"):
            scale = "Celsius" if tokens[k + 1].lower() in ("c", "celsius") else "Fahrenheit"
            if out and out[-1] not in ("/", "*"):
                out.append("*")
            out.append(f"degree_{scale}")
            k += 1
        elif _UNIT_NAME.fullmatch(token):
            if out and out[-1] not in ("/", "*"):
                out.append("*")
            name = "kilogram" if low in _KILOGRAM_WORDS else token
            out.append(name + (f"**{power_next}" if power_next else ""))
            power_next = 0
        else:
            return None
        k += 1
    if not out or out[-1] in ("/", "*") or power_next:
        return None
    return "".join(out)


def declared_unit_of(text: str, unit: str) -> tuple[str, Kind, str | None]:
    aliases = {"%": units.PERCENT, "percent": units.PERCENT, "$": "USD", "us$": "USD"}
    name = aliases.get(unit.lower(), unit)
    if name == units.PERCENT:
        return name, "share", None
    if name.upper() in units.CURRENCIES:
        return name.upper(), "amount", None
    if name in CURRENCY_WORDS:
        return CURRENCY_WORDS[name], "amount", None
    problem = units.unit_problem(name)
    if problem is None and name not in _NOUNS_PINT_MISREADS:
        return units.canonical(name), "amount", None
    if problem in (None, units.UNKNOWN) and re.fullmatch(r"[A-Za-z][A-Za-z' -]*", name):
        return units.COUNT, "count", name
    raise ValueParseError(text, f"unit {unit!r} {problem or units.UNKNOWN}")


def canonical_unit(unit: str, counted: str | None) -> str:
    if counted:
        return counted
    return {units.PERCENT: "%", units.PERCENT_PER_YEAR: "% a year", units.PERCENTAGE_POINT: "percentage points",
            units.COUNT: "", units.MULTIPLE: ""}.get(unit, unit.replace(" ** ", "^"))  # the grammar reads ^, not **

__all__ = ["RATE_SUFFIXES_BY_FIRST", "as_rate", "canonical_unit", "declared_or_bare", "declared_unit_of",
           "is_yearly_percent", "per_unit", "physical_unit", "rate_suffix", "unhyphenated", "unit_after"]
