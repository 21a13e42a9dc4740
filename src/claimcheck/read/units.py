"""The one pint registry of claimcheck, and the units it adds to pint's own.

Currencies are units of their own dimension each: there is no exchange rate unless a caller
declares one, so ``$1`` and ``1 yuan`` are incompatible, not silently converted.
Counts, ranks and percentage points are dimensions of their own too: eight countries is not 8%,
and 4.5 percentage points is a difference of shares, not a share.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pint

# ISO 4217 codes, each a dimension of its own (and Bitcoin's customary BTC). Former European
# currencies are kept: an archive quotes francs, marks and guilders.
CURRENCIES = (
    "USD", "CNY", "EUR", "GBP", "JPY", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "MXN", "BRL", "ARS", "CLP", "COP",
    "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "TRY", "RUB", "UAH", "KZT", "GEL", "INR", "PKR",
    "BDT", "LKR", "NPR", "IDR", "MYR", "THB", "VND", "PHP", "KRW", "LAK", "MNT", "ZAR", "NGN", "EGP", "KES", "SAR",
    "AED", "QAR", "KWD", "ILS", "IRR", "CRC", "FRF", "DEM", "NLG", "ESP", "ITL", "BEF", "FIM", "PTE", "ATS", "BTC",
    # Crowns a text names without their country ("212 billion crowns"): money of their own, never taken
    # for Swedish, Danish, Norwegian, Czech or Icelandic crowns, and so never compared with them.
    "crown",
)
# Subunits that news writes on their own: 50 cents is half a US dollar, 470 pence 4.70 pounds.
SUBUNITS = {"USD_cent": "0.01 USD", "USD_nickel": "0.05 USD", "USD_dime": "0.1 USD", "GBP_penny": "0.01 GBP",
            "EUR_cent": "0.01 EUR", "MYR_sen": "0.01 MYR"}
COUNT = "item"
RANK = "rank"
PERCENT = "percent"
PERCENTAGE_POINT = "percentage_point"
MULTIPLE = "dimensionless"
PERCENT_PER_YEAR = "percent / year"


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[float]:
    """The registry, built once on first use (pint takes ~0.4 s to load its definitions)."""
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(on_redefinition="raise")
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    for name, definition in SUBUNITS.items():
        ureg.define(f"{name} = {definition}")
    ureg.define(f"{COUNT} = [count]")
    ureg.define(f"{RANK} = [rank]")
    ureg.define(f"{PERCENTAGE_POINT} = [percentage_point]")
    return ureg


def quantity(magnitude: float, unit: str) -> pint.Quantity[float]:
    return registry().Quantity(magnitude, unit)


# pint's longest unit name has 41 letters; its parser takes time quadratic in the length of what it is given.
MAX_UNIT_LENGTH = 160
# No measure in the news has a unit raised above the fourth power (m^4, s^-4); km^400 is a typo or an attack.
MAX_UNIT_POWER = 6
_LARGEST_FACTOR = 1e300  # as MAX_MAGNITUDE: a factor to base units beyond it leaves a float no room
UNKNOWN = "is not a unit claimcheck knows"
# pint evaluates the numbers in a unit with Python's arithmetic: '9**9**9' or '3**99999999' would
# run for hours. A unit raises names to small powers; a number of four digits, a power of a number
# or of a bracket, and a power of a power are none of that.
_COSTLY = re.compile(r"\d{4}|(?:\*\*|\^)\s*[-+]?\s*(?:\(|[\w.]+\s*(?:\*\*|\^))|(?<![A-Za-z_\d.])[\d.][\w.]*\s*(?:\*\*|\^)"
                     r"|\)\s*(?:\*\*|\^)")


@lru_cache(maxsize=4096)
def unit_problem(unit: str) -> str | None:
    """Why claimcheck cannot use ``unit``, or None when it can: the one guard in front of pint's unit parser.

    A usable unit is short enough to parse quickly, known to pint (with claimcheck's additions),
    raised to no power above ``MAX_UNIT_POWER``, and converts to base units by a finite factor,
    which the engine multiplies by ('dB/m' does not: pint cannot divide a logarithmic unit).
    """
    if len(unit) > MAX_UNIT_LENGTH or _COSTLY.search(unit):
        return UNKNOWN  # pint knows nothing like it, and would take seconds (or hours) to say so
    try:
        parsed = registry().parse_units(unit)
        names = registry().parse_units_as_container(unit)
    except Exception:  # noqa: BLE001 - pint's parser fails on garbage with assertions, type, index and key errors too
        return UNKNOWN
    if not all(_prefix_in_use(name) for name in names):
        return UNKNOWN  # 'cats', 'pins', 'exams': pint's centi-atmospheres, pico-inches, exametres
    try:
        # Powers are numbers; the check narrows them for the type checker (pint's types differ with numpy).
        powers = [power for _, power in parsed.dimensionality.items() if isinstance(power, (int, float))]
        if any(not abs(power) <= MAX_UNIT_POWER for power in powers):
            return f"raises a unit to a power above {MAX_UNIT_POWER}, which no measure has"
        factor, _ = base_form(unit)
    except Exception:  # noqa: BLE001 - overflow, or a compound pint builds but cannot convert ('dB/m': a logarithm divided)
        return _NOT_CONVERTIBLE
    if not 1 / _LARGEST_FACTOR < abs(factor) < _LARGEST_FACTOR:
        return "converts to base units by a factor out of the range claimcheck handles"
    return None


# pint puts any prefix before any unit, so that after a number 'cats' are centi-technical-atmospheres, 'hats'
# hecto-ones, 'care' and 'mares' centi- and milli-ares, 'pins' pico-inches, 'exams' exametres, 'dams'
# decametres and 'prods' pico-rods. A prefixed unit is read only where measures are written so: these
# units, with these prefixes; no other unit takes a prefix.
_USUAL_PREFIXES = frozenset({"pico", "nano", "micro", "milli", "centi", "deci", "kilo", "mega", "giga", "tera"})
_BINARY_PREFIXES = frozenset({"kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"})
_LARGE_PREFIXES = frozenset({"kilo", "mega", "giga"})
_DATA_PREFIXES = _USUAL_PREFIXES | _BINARY_PREFIXES | {"peta", "exa", "zetta", "yotta"}
_PREFIXES_IN_USE = {
    # SI units and those written with SI prefixes: "15 mSv", "2 GW", "300 mAh", "5 kcal", "12 megapixels"
    **dict.fromkeys(("ampere", "ampere_hour", "becquerel", "calorie", "candela", "coulomb", "curie", "farad",
                     "gray", "henry", "hertz", "katal", "lumen", "lux", "mole", "newton", "ohm", "radian", "rem",
                     "siemens", "sievert", "tesla", "volt", "volt_ampere", "watt", "weber", "bar", "baud", "pixel",
                     "steradian"), _USUAL_PREFIXES),
    "meter": _USUAL_PREFIXES | {"femto"},  # "0.8 fm", a proton's radius
    "second": _USUAL_PREFIXES | {"femto", "atto"},  # laser pulses
    "gram": _USUAL_PREFIXES | {"femto", "peta"},  # "1.5 Pg of carbon"
    "liter": _USUAL_PREFIXES | {"femto", "hecto"},  # "90 fL" in a blood test; hectolitres of wine
    "pascal": _USUAL_PREFIXES | {"hecto"},  # "980 hPa"
    "joule": _USUAL_PREFIXES | {"peta", "exa"},  # "600 exajoules" of energy a year
    "watt_hour": _USUAL_PREFIXES | {"peta"},
    "electron_volt": _USUAL_PREFIXES | {"peta", "exa"},
    "barn": _USUAL_PREFIXES | {"femto", "atto"},  # "140 fb-1" at the LHC
    "byte": _DATA_PREFIXES, "bit": _DATA_PREFIXES,
    "year": _LARGE_PREFIXES,  # "66 Ma", "4.5 Gyr"
    "metric_ton": _LARGE_PREFIXES, "ton": _LARGE_PREFIXES, "tonne_of_oil_equivalent": _LARGE_PREFIXES,  # "36 Gt"
    "parsec": _LARGE_PREFIXES,
    "arcsecond": frozenset({"milli", "micro"}),
    "poise": frozenset({"centi", "milli"}), "stokes": frozenset({"centi", "milli"}),
}


@lru_cache(maxsize=4096)
def _prefix_in_use(name: str) -> bool:
    """Whether a unit as pint names it ('kilometer', 'centitechnical_atmosphere') has no prefix or a prefix in use;
    a name pint derives itself ('delta_decibel', of 'dB**2') is not a prefixed word."""
    readings = registry().parse_unit_name(name)
    return not readings or any(not prefix or prefix in _PREFIXES_IN_USE.get(base, ()) for prefix, base, _ in readings)


_NOT_CONVERTIBLE = ("cannot be converted to base units, where claimcheck compares values (dB and other logarithmic "
                    "units do not combine)")


def known_unit(unit: str) -> bool:
    """Whether claimcheck can use ``unit``: pint knows it, and it passes ``unit_problem``'s checks."""
    return unit_problem(unit) is None


@lru_cache(maxsize=4096)
def canonical(unit: str) -> str:
    """pint's own spelling of a unit it knows: 'km' is 'kilometer'. Cached, as pint's parser is slow;
    an unknown unit raises (ask ``known_unit`` first)."""
    return str(registry().parse_units(unit))


@lru_cache(maxsize=4096)
def base_form(unit: str) -> tuple[float, str]:
    """The factor that takes a magnitude in ``unit`` to base units, and those base units.

    Cached per unit string so that the engine converts a million claims with dict look-ups,
    not a million pint conversions.
    """
    ureg = registry()
    base = ureg.Quantity(1.0, unit).to_base_units()
    return float(base.magnitude), str(base.units)


@lru_cache(maxsize=1024)
def product_dimension(first: str, second: str) -> str:
    """The base units of a product of two quantities in base units ('item / second' × 'second' is 'item'), as
    base_form writes them; '' for plain numbers."""
    ureg = registry()
    product = (ureg.Quantity(1.0, first or "dimensionless") * ureg.Quantity(1.0, second or "dimensionless"))
    return str(product.to_base_units().units)


def dimension_of(unit: str) -> str:
    return base_form(unit)[1]


def is_money(unit: str) -> bool:
    """Whether a unit is a currency or a subunit of one ('USD', 'GBP_penny'), not money per something."""
    return unit in CURRENCIES or unit in SUBUNITS
