"""The value grammar: ``over 60%`` becomes the interval (60, 100] percent, under a stated reading.

A value is read in three steps. The text is split into tokens by one linear regex; a hedge phrase
("more than", "nearly", "between") is taken off the front and a hedge suffix ("or more", "a year")
off the back; what is left is a number with its scale word and unit. The hedge then turns the
number into an interval, using the precision of the digits as written and the tolerances below.

Two readings are kept:

- the **strict** reading (``low``/``high``): the logical bounds of the hedge, with rounding only
  to the digits written ("41.9%" is [41.85, 41.95]);
- the **loose** reading (``loose_low``/``loose_high``): the strict interval widened where a round
  number was written ("over 60%" may come from 59.6%), used to say how robust a verdict is.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal

import pint
from pydantic import BaseModel, ConfigDict, Field

from claimcheck import units
from claimcheck.errors import ValueParseError

Kind = Literal["amount", "share", "count", "rate", "change_multiple", "rank", "difference"]


class Tolerances(BaseModel):
    """Every tolerance the value grammar uses, with its default. All are fractions of the number."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nearly: float = Field(0.10, ge=0, lt=1, description="'nearly X' reads [X·(1-nearly), X)")
    approximately: float = Field(
        0.05, ge=0, lt=1, description="'about X' reads X ± the larger of approximately·X and half a unit of the last digit"
    )
    just: float = Field(0.05, ge=0, lt=1, description="'just over X' reads (X, X·(1+just)]; 'just under X' reads [X·(1-just), X)")
    round_number: float = Field(
        0.10, ge=0, lt=1, description="the loose reading widens a round number by half its rounding unit, at most round_number·X"
    )


DEFAULT_TOLERANCES = Tolerances()


class Value(BaseModel):
    """A value as an interval in real units, with the reading that produced it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: Kind
    unit: str
    low_magnitude: float | None
    high_magnitude: float | None
    low_inclusive: bool
    high_inclusive: bool
    loose_low_magnitude: float | None
    loose_high_magnitude: float | None
    reading: str
    canonical: str
    denominator: float | None = None
    counted: str | None = None

    @property
    def low(self) -> pint.Quantity | None:
        return None if self.low_magnitude is None else units.quantity(self.low_magnitude, self.unit)

    @property
    def high(self) -> pint.Quantity | None:
        return None if self.high_magnitude is None else units.quantity(self.high_magnitude, self.unit)

    def interval_text(self, *, loose: bool = False) -> str:
        low = self.loose_low_magnitude if loose else self.low_magnitude
        high = self.loose_high_magnitude if loose else self.high_magnitude
        return format_interval(low, high, self.low_inclusive, self.high_inclusive, self.unit)

    def __str__(self) -> str:
        return f"{self.text} → {self.interval_text()}"


def format_number(x: float | None) -> str:
    if x is None:
        return "∞"
    if x == 0:
        return "0"
    if abs(x) >= 1e6 or abs(x) < 1e-3:
        return f"{x:.6g}"
    return f"{x:.6f}".rstrip("0").rstrip(".")


_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scale(largest: float, unit: str) -> tuple[float, str]:
    """The scale word that shows a magnitude readably: 2.64e12 USD is '2.64 trillion USD'."""
    label = unit_label(unit)
    if unit not in PERCENT_UNITS:
        for factor, word in _SCALE_WORDS:
            if largest >= factor:
                return factor, f"{word} {label}".strip()
    return 1.0, label


def format_amount(amount: float, unit: str) -> str:
    """A distance between two values: '18.05 points' for percentages, '0.5 trillion USD', '1'."""
    factor, label = _scale(abs(amount), unit)
    label = {"%": "points", "%/year": "points a year"}.get(label, label)
    return f"{format_number(amount / factor)} {label}".strip()


def format_interval(low: float | None, high: float | None, low_inclusive: bool, high_inclusive: bool, unit: str) -> str:
    """'[41.85, 41.95] %', '(60, 100] %', '[2.635, 2.645] trillion USD'."""
    factor, label = _scale(max((abs(x) for x in (low, high) if x is not None), default=0.0), unit)
    low = None if low is None else low / factor
    high = None if high is None else high / factor
    suffix = f" {label}" if label else ""
    if low is not None and high is not None and low == high and low_inclusive and high_inclusive:
        return f"[{format_number(low)}]{suffix}"
    left = "[" if low_inclusive and low is not None else "("
    right = "]" if high_inclusive and high is not None else ")"
    low_text = "-∞" if low is None else format_number(low)
    return f"{left}{low_text}, {format_number(high)}{right}{suffix}"


PERCENT_UNITS = (units.PERCENT, units.PERCENT_PER_YEAR, units.PERCENTAGE_POINT)


def unit_label(unit: str) -> str:
    return {"dimensionless": "×", units.PERCENT_PER_YEAR: "%/year", units.PERCENTAGE_POINT: "points", units.COUNT: ""}.get(
        unit, "%" if unit == units.PERCENT else unit
    )


# --- tokens -------------------------------------------------------------------------------------

# One alternation, no nested quantifiers: tokenizing is linear in the length of the text.
_TOKEN = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)"
    r"|(?P<word>[a-z]+(?:[-'._][a-z]+)*\.?)"
    r"|(?P<sym>us\$|[$€£¥₹₩₽₺₿₡₾₭₦₱₫₴₪฿₮₸~×±%+/^°½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒<>=,*]|-)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)"
)

_TYPOGRAPHIC = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ", "’": "'", "‘": "'", "“": '"', "”": '"'})

_SMALL_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_SMALL_NUMBERS.update(nought=0, naught=0)
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}
# Fraction words and their denominators. A singular that is also an ordinal ("third", "fifth") is
# a fraction only after "a", "an" or "one"; a plural ("three fifths") is a fraction after any number.
_FRACTION_SINGULAR = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                      "eighth": 8, "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1000}
_FRACTION_PLURAL = {"halves": 2, "thirds": 3, "quarters": 4, "fourths": 4, "fifths": 5, "sixths": 6, "sevenths": 7,
                    "eighths": 8, "ninths": 9, "tenths": 10, "hundredths": 100, "thousandths": 1000}
_FRACTION_SINGULAR.update(millionth=10**6, billionth=10**9, trillionth=10**12)
_TENS_ORDINALS = dict(zip(_TENS, "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
                          strict=True))
for _tens, _ordinal in _TENS_ORDINALS.items():  # "a twentieth", "one twenty-fifth", "three twenty-firsts"
    _FRACTION_SINGULAR[_ordinal] = _TENS[_tens]
    for _value, _word in enumerate("first second third fourth fifth sixth seventh eighth ninth".split(), start=1):
        _FRACTION_SINGULAR[f"{_tens}-{_word}"] = _TENS[_tens] + _value
_FRACTION_PLURAL.update({f"{word}s": value for word, value in _FRACTION_SINGULAR.items() if word != "half"})
_FRACTIONS = _FRACTION_SINGULAR | _FRACTION_PLURAL
FRACTION_WORDS = frozenset(_FRACTIONS)  # for the extractor
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6,
    "m": 1e6, "crore": 1e7, "crores": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12,
    "tn": 1e12, "trn": 1e12, "tln": 1e12, "dozen": 12, "dozens": 12,
}
def _by_first_word(items: list, phrase_of=lambda item: item[0]) -> dict[str, list]:
    """Phrases indexed by their first word, longest first: a cursor tries only those that can match."""
    index: dict[str, list] = {}
    for item in sorted(items, key=lambda item: -len(phrase_of(item))):
        index.setdefault(phrase_of(item)[0], []).append(item)
    return index


_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₿": "BTC",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₦": "NGN", "₱": "PHP", "₫": "VND", "₴": "UAH", "₪": "ILS", "฿": "THB",
    "₮": "MNT", "₸": "KZT",
}
# Letters written before "$" that say whose dollar: "C$ 300 million", "HK$ 10.05 billion".
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "cad": "CAD", "hk": "HKD", "hkd": "HKD",
    "nz": "NZD", "nzd": "NZD", "aud": "AUD", "au": "AUD", "mex": "MXN", "mxn": "MXN", "sgd": "SGD", "nt": "TWD",
}
# Names of currencies after a number, one or more words: "20 billion yen", "125 million australian dollars".
_CURRENCY_NAMES: dict[tuple[str, ...], str] = {
    ("dollar",): "USD", ("dollars",): "USD", ("us", "dollar"): "USD", ("us", "dollars"): "USD",
    ("u.s.", "dollars"): "USD", ("u.s", "dollars"): "USD", ("american", "dollars"): "USD",
    ("canadian", "dollar"): "CAD", ("canadian", "dollars"): "CAD", ("australian", "dollar"): "AUD",
    ("australian", "dollars"): "AUD", ("hong", "kong", "dollar"): "HKD", ("hong", "kong", "dollars"): "HKD",
    ("new", "zealand", "dollar"): "NZD", ("new", "zealand", "dollars"): "NZD", ("singapore", "dollars"): "SGD",
    ("taiwan", "dollars"): "TWD", ("yuan",): "CNY", ("chinese", "yuan"): "CNY", ("renminbi",): "CNY", ("rmb",): "CNY",
    ("euro",): "EUR", ("euros",): "EUR", ("pound",): "GBP", ("pounds",): "GBP", ("sterling",): "GBP",
    ("pounds", "sterling"): "GBP", ("british", "pounds"): "GBP", ("yen",): "JPY", ("japanese", "yen"): "JPY",
    ("swiss", "franc"): "CHF", ("swiss", "francs"): "CHF", ("french", "francs"): "FRF", ("belgian", "francs"): "BEF",
    ("marks",): "DEM", ("deutsche", "marks"): "DEM", ("deutschmarks",): "DEM", ("guilders",): "NLG",
    ("dutch", "guilders"): "NLG", ("pesetas",): "ESP", ("lire",): "ITL", ("italian", "lire"): "ITL",
    ("markka",): "FIM", ("finnish", "markka"): "FIM", ("escudos",): "PTE", ("schillings",): "ATS",
    ("rupee",): "INR", ("rupees",): "INR", ("indian", "rupees"): "INR", ("pakistani", "rupees"): "PKR",
    ("won",): "KRW", ("rubles",): "RUB", ("roubles",): "RUB", ("lira",): "TRY", ("turkish", "lira"): "TRY",
    ("rand",): "ZAR", ("naira",): "NGN", ("baht",): "THB", ("ringgit",): "MYR", ("rupiah",): "IDR", ("dong",): "VND",
    ("pesos",): "MXN", ("mexican", "pesos"): "MXN", ("reais",): "BRL", ("reals",): "BRL", ("zloty",): "PLN",
    ("kronor",): "SEK", ("swedish", "kronor"): "SEK", ("krone",): "NOK", ("kroner",): "DKK", ("shekels",): "ILS",
    ("hryvnia",): "UAH", ("tenge",): "KZT", ("riyals",): "SAR", ("dirhams",): "AED", ("bitcoin",): "BTC",
    ("bitcoins",): "BTC", ("cent",): "USD_cent", ("cents",): "USD_cent", ("euro", "cents"): "EUR_cent",
    ("penny",): "GBP_penny", ("pennies",): "GBP_penny", ("pence",): "GBP_penny", ("dime",): "USD_dime",
    ("dimes",): "USD_dime", ("nickel",): "USD_nickel", ("nickels",): "USD_nickel",
}
_CURRENCY_NAMES.update({(code.lower(),): code for code in units.CURRENCIES})
_CURRENCY_NAMES.update({(name.lower(),): name for name in units.SUBUNITS})  # as canonical text writes them
_CURRENCY_NAMES_BY_FIRST = _by_first_word(list(_CURRENCY_NAMES.items()))
_CURRENCY_WORDS = {name[0]: code for name, code in _CURRENCY_NAMES.items() if len(name) == 1}
# For the extractor, which grows a span over these: what may stand before a number, and every
# word of a currency's name after one (lower case).
CURRENCY_BEFORE = frozenset(_CURRENCY_SYMBOLS) | frozenset(_DOLLAR_PREFIXES) | {"¥", "rmb"} | {
    code.lower() for code in units.CURRENCIES}
CURRENCY_NAME_WORDS = frozenset(word for name in _CURRENCY_NAMES for word in name) | frozenset(_CURRENCY_SYMBOLS) | {
    "franc", "francs"}
_MULTIPLE_WORDS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_RANK_WORDS = {"largest", "biggest", "top", "highest", "leading", "greatest"}
_FILLER = {"has", "have", "had", "been", "is", "are", "was", "were", "the", "it", "increased", "grown", "grew",
           "rose", "risen", "expanded", "by", "of"}

Hedge = Literal["exact", "over", "at_least", "under", "at_most", "nearly", "about", "just_over", "just_under"]

# Longest phrases first, so "just over" wins over "over".
_PREFIX_HEDGES: list[tuple[tuple[str, ...], Hedge]] = sorted(
    [
        (("more", "than"), "over"), (("over",), "over"), (("above",), "over"), (("exceeding",), "over"),
        (("greater", "than"), "over"), (("larger", "than"), "over"), (("bigger", "than"), "over"),
        (("higher", "than"), "over"), (("surpassing",), "over"), (("surpass",), "over"), (("surpasses",), "over"),
        ((">",), "over"), ((">", "="), "at_least"), (("<",), "under"), (("<", "="), "at_most"),
        (("smaller", "than"), "under"), (("lower", "than"), "under"),
        (("less", "than", "or", "equal", "to"), "at_most"), (("smaller", "than", "or", "equal", "to"), "at_most"),
        (("smaller", "or", "equal", "than"), "at_most"), (("lower", "or", "equal", "than"), "at_most"),
        (("less", "or", "equal", "than"), "at_most"), (("equal", "to", "or", "less", "than"), "at_most"),
        (("greater", "than", "or", "equal", "to"), "at_least"), (("more", "than", "or", "equal", "to"), "at_least"),
        (("bigger", "or", "equal", "than"), "at_least"), (("higher", "or", "equal", "than"), "at_least"),
        (("greater", "or", "equal", "than"), "at_least"), (("equal", "to", "or", "more", "than"), "at_least"),
        (("equal", "to", "or", "greater", "than"), "at_least"), (("at", "least", "or", "equal", "to"), "at_least"),
        (("exceeds",), "over"), (("exceed",), "over"), (("in", "excess", "of"), "over"), (("upwards", "of"), "over"),
        (("just", "over"), "just_over"), (("just", "above"), "just_over"), (("slightly", "more", "than"), "just_over"),
        (("at", "least"), "at_least"), (("no", "less", "than"), "at_least"), (("not", "less", "than"), "at_least"),
        (("no", "fewer", "than"), "at_least"), (("a", "minimum", "of"), "at_least"),
        (("under",), "under"), (("less", "than"), "under"), (("below",), "under"), (("fewer", "than"), "under"),
        (("at", "most"), "at_most"), (("up", "to"), "at_most"), (("no", "more", "than"), "at_most"),
        (("not", "more", "than"), "at_most"), (("a", "maximum", "of"), "at_most"),
        (("nearly",), "nearly"), (("almost",), "nearly"), (("close", "to"), "nearly"), (("just", "under"), "just_under"),
        (("just", "below"), "just_under"), (("slightly", "less", "than"), "just_under"),
        (("about",), "about"), (("around",), "about"), (("approximately",), "about"), (("approx.",), "about"),
        (("roughly",), "about"), (("some",), "about"), (("circa",), "about"), (("c.",), "about"), (("~",), "about"),
        (("an", "estimated"), "about"), (("estimated",), "about"),
        (("equal", "to"), "exact"), (("equals",), "exact"), (("equals", "to"), "exact"), (("equaling", "to"), "exact"),
        (("equalling", "to"), "exact"), (("exactly",), "exact"),
    ],
    key=lambda item: -len(item[0]),
)
_SUFFIX_HEDGES: list[tuple[tuple[str, ...], Hedge]] = [
    (("or", "more"), "at_least"), (("or", "above"), "at_least"), (("or", "over"), "at_least"),
    (("or", "greater"), "at_least"), (("and", "more"), "at_least"),
    (("and", "above"), "at_least"), (("or", "higher"), "at_least"), (("+",), "at_least"), (("plus",), "at_least"),
    (("or", "less"), "at_most"), (("or", "fewer"), "at_most"), (("or", "below"), "at_most"),
    (("or", "under"), "at_most"), (("and", "below"), "at_most"), (("or", "lower"), "at_most"),
]
_RATE_SUFFIXES = [("a", "year"), ("per", "year"), ("every", "year"), ("each", "year"), ("annually",),
                  ("per", "annum"), ("a", "yr"), ("per", "yr"), ("yearly",), ("annual",)]


_PREFIX_HEDGES_BY_FIRST = _by_first_word(_PREFIX_HEDGES)
_SUFFIX_HEDGES_BY_FIRST = _by_first_word(_SUFFIX_HEDGES)
_RATE_SUFFIXES_BY_FIRST = _by_first_word(_RATE_SUFFIXES, lambda suffix: suffix)
_RANGE_SEPARATORS = ("-", "to", "through", "~")
_LOWER_BOUNDS: tuple[Hedge, ...] = ("over", "at_least")
_UPPER_BOUNDS: tuple[Hedge, ...] = ("under", "at_most")
_HEDGE_WORDS = {
    "exact": "", "over": "over", "at_least": "at least", "under": "under", "at_most": "at most",
    "nearly": "nearly", "about": "about", "just_over": "just over", "just_under": "just under",
}
_MAX_MAGNITUDE = 1e300


_TOKEN_AS_WRITTEN = re.compile(_TOKEN.pattern, re.IGNORECASE)


def _tokens_as_written(text: str) -> list[str]:
    return [m.group() for m in _TOKEN_AS_WRITTEN.finditer(text) if m.lastgroup not in ("space", "other")]


def _tokens(text: str) -> list[str]:
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "other":
            raise ValueParseError(text, f"unexpected character {match.group()!r}")
        out.append(match.group())
    return out


def _unit_word(word: str) -> bool:
    return word not in _NOT_UNITS and word not in _FRACTIONS and word not in ("fold", "odd") and \
        _small_word_value(word) is None and units.known_unit(word)


def _unhyphenated(tokens: list[str], as_written: list[str]) -> tuple[list[str], list[str]]:
    """Compound adjectives read as a number and a unit: "27-kilometer", "two-year", "8- to 16-meter"."""
    if "-" not in "".join(tokens) and not any(word[:1] == "M" and word[1:] in units.CURRENCIES for word in as_written):
        return tokens, as_written
    out, out_written = [], []
    for k, (token, written) in enumerate(zip(tokens, as_written, strict=True)):
        previous = tokens[k - 1] if k else ""
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token == "-" and previous[:1].isdigit() and (following in ("to", "and") or _unit_word(following)
                                                        or following in _CURRENCY_WORDS):
            continue  # "27-kilometer", "8- to 16-meter", "12-cent": the hyphen joins an adjective
        if written[:1] == "M" and written[1:] in units.CURRENCIES and (
                previous[:1].isdigit() or _small_word_value(previous) is not None):
            out += ["million", token[1:]]  # "30 MUSD", "120 MEUR": millions, in finance
            out_written += ["million", written[1:]]
            continue
        head, _, tail = token.partition("-")
        if tail and "-" not in tail and _small_word_value(head) is not None and (_unit_word(tail) or tail in _CURRENCY_WORDS):
            cut = len(head) + 1
            out += [head, tail]
            out_written += [written[:cut - 1], written[cut:]]
            continue
        out.append(token)
        out_written.append(written)
    return out, out_written


# --- numbers ------------------------------------------------------------------------------------


class _Number:
    """A number as written: its value, the half-unit of its last digit, and its round-number unit."""

    __slots__ = ("value", "half_unit", "round_half_unit", "integer_written", "words", "written", "scale_word", "stated",
                 "with_unit")

    def __init__(self, value: float, half_unit: float, round_half_unit: float, integer_written: bool, words: bool,
                 written: str, scale_word: str | None = None):
        self.scale_word = scale_word
        self.stated = False  # the half-unit was written out ("42 ± 3"), not read from the digits
        self.with_unit = False  # the written text names its unit already ("3 USD 50 USD_cent")
        self.value = value
        self.half_unit = half_unit
        self.round_half_unit = round_half_unit
        self.integer_written = integer_written
        self.words = words
        self.written = written

    def scaled(self, factor: float, word: str) -> _Number:
        return _Number(self.value * factor, self.half_unit * factor, self.round_half_unit * factor, False, self.words,
                       f"{self.written} {word}", word)


def _digits(text: str, token: str) -> _Number:
    plain = token.replace(",", "")
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise ValueParseError(text, f"{token!r} is not a number") from None
    if not number.is_finite() or abs(number.adjusted()) > 300:
        raise ValueParseError(text, f"{token!r} is out of the range claimcheck handles (|x| < 1e300)")
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    half_unit = 0.5 * 10.0**exponent if exponent < 0 or "e" in plain else 0.5
    trailing_zeros = 0
    if exponent >= 0 and "e" not in plain:
        stripped = plain.rstrip("0")
        trailing_zeros = len(plain) - len(stripped) if stripped else 0
    round_half_unit = 0.5 * 10.0**trailing_zeros if trailing_zeros else half_unit
    return _Number(float(number), half_unit, round_half_unit, exponent >= 0 and "." not in plain and "e" not in plain,
                   False, token)


class _Cursor:
    """Tokens with a position; every helper consumes forward only, so parsing is linear."""

    def __init__(self, text: str, tokens: list[str]):
        self.text = text
        self.tokens = tokens
        self.i = 0

    def peek(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def accept(self, *words: str) -> bool:
        if tuple(self.tokens[self.i:self.i + len(words)]) == words:
            self.i += len(words)
            return True
        return False

    def at_end(self) -> bool:
        return self.i >= len(self.tokens)

    def rest(self) -> list[str]:
        return self.tokens[self.i:]


def _word_number(cur: _Cursor) -> _Number | None:
    """eight, fifteen, twenty-one, a dozen, two hundred, a hundred: exact integers."""
    start = cur.i
    total = 0
    current = 0
    seen = False
    while not cur.at_end():
        token = cur.peek()
        assert token is not None
        if token in ("a", "an") and not seen and cur.peek(1) in ("dozen", "hundred", "thousand"):
            cur.take()
            current = 1
            seen = True
            continue
        parts = token.split("-")
        if all(p in _SMALL_NUMBERS or p in _TENS for p in parts) and len(parts) <= 2:
            current += sum(_SMALL_NUMBERS.get(p, 0) + _TENS.get(p, 0) for p in parts)
        elif token in ("dozen", "hundred", "hundreds") and current >= 100:
            break  # "two hundred hundred" is no number; stopping here also keeps repeated words from growing it
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred" or token == "hundreds" and current:
            current = (current or 1) * 100
        elif token == "thousand" and seen:
            total += (current or 1) * 1000
            current = 0
        elif token == "and" and seen and (current >= 100 or total) and cur.peek(1) is not None and (
                cur.peek(1) in _SMALL_NUMBERS or cur.peek(1).split("-")[0] in _TENS):
            ahead = _Cursor(cur.text, cur.tokens)
            ahead.i = cur.i + 1
            if _fraction_words(ahead) is not None:
                break  # "one hundred and three quarters": the fraction is read after the whole number
        else:
            break
        cur.take()
        seen = True
    if not seen:
        cur.i = start
        return None
    value = float(total + current)
    decimals = _spoken_decimals(cur)  # "two hundred point seventy-one", "nine point nought four"
    if decimals:
        return _Number(float(f"{int(value)}.{decimals}"), 0.0, 0.0, False, True, " ".join(cur.tokens[start:cur.i]))
    return _Number(value, 0.0, 0.0, True, True, " ".join(cur.tokens[start:cur.i]))


def _spoken_decimals(cur: _Cursor) -> str | None:
    """The digits after "point", spoken a word at a time: "point seventy-one" is .71, "point nought four" .04."""
    if cur.peek() != "point":
        return None
    start = cur.i
    cur.take()
    digits = ""
    while (word := cur.peek()) is not None:
        spoken = 0 if word == "oh" else _small_word_value(word)
        if spoken is None:
            break
        digits += str(spoken)
        cur.take()
    if not digits:
        cur.i = start
        return None
    return digits


def _number(cur: _Cursor) -> _Number | None:
    token = cur.peek()
    if token is None:
        return None
    negative = False
    if token in ("-", "minus", "negative") and cur.peek(1) is not None and (
            cur.peek(1)[0].isdigit() or token != "-" and _starts_word_number(cur.peek(1))):
        cur.take()
        negative = True
        token = cur.peek()
        assert token is not None
    if token in _VULGAR:
        cur.take()
        return _Number(_VULGAR[token], 0.0, 0.0, False, False, token)
    if token[0].isdigit() or token[0] == ".":
        cur.take()
        number = _digits(cur.text, token)
        exponent = _times_ten_to(cur)
        if exponent is not None:  # "2.48×10−5", "1.3x10^6"
            factor = 10.0 ** exponent
            number = _Number(number.value * factor, number.half_unit * factor, number.round_half_unit * factor,
                             False, False, f"{number.written}×10^{exponent}")
        slash = _digit_fraction(cur) if number.integer_written else None
        if slash is not None:
            how, amount = slash
            value = number.value / amount if how == "over" else number.value + amount
            number = _Number(value, 0.0, 0.0, False, False, " ".join(cur.tokens[cur.i - (3 if how == "over" else 4):cur.i]))
        elif cur.peek() in _VULGAR and number.integer_written:
            number = _Number(number.value + _VULGAR[cur.take()], 0.0, 0.0, False, False, token)
    else:
        fraction = _fraction_words(cur)  # "three halves", "twenty-three fifths"
        found = _Number(fraction[0], 0.0, 0.0, False, True, fraction[1]) if fraction else _word_number(cur)
        if found is None:
            return None
        number = found
    if number.integer_written or number.words:
        extra = _and_a_fraction(cur)  # "two and a half", "one hundred and three quarters"
        if extra is not None:
            number = _Number(number.value + extra[0], 0.0, 0.0, False, True, f"{number.written} and {extra[1]}")
    if cur.peek() == "a" and number.value == 0.5 and cur.peek(1) in _SCALES:
        cur.take()  # "half a dozen", "half a million"
    whole = number.integer_written and not number.words
    number = _scaled(cur, number)
    if whole and number.scale_word in _GROUP_SCALES:
        number = _digit_groups(cur, number)
    if abs(number.value) > _MAX_MAGNITUDE:
        raise ValueParseError(cur.text, "the number is out of the range claimcheck handles (|x| < 1e300)")
    if negative:
        number.value = -number.value
        number.written = ("minus " if number.words else "-") + number.written
    return number


def _scaled(cur: _Cursor, number: _Number) -> _Number:
    """The number times the scale words after it: "2.5 million", "three lakh crore", "3 million and a half"."""
    scale = cur.peek()
    if scale not in _SCALES or scale in ("m", "b") and cur.peek(1) is not None and cur.peek(1) not in _CURRENCY_WORDS:
        return number
    cur.take()
    factor = _SCALES[scale]
    if scale in ("dozen", "dozens") and number.integer_written:
        return _Number(number.value * 12, 0.0, 0.0, True, number.words, f"{number.written} {scale}")  # exact: 3 dozen is 36
    number = number.scaled(factor, scale)
    following = cur.peek()
    if following in _SCALES and following not in ("m", "b", "k") and _SCALES[following] > factor:
        cur.take()  # "two hundred million", "three lakh crore"
        factor *= _SCALES[following]
        number = number.scaled(_SCALES[following], following)
    extra = _and_a_fraction(cur)
    if extra is not None:
        value, written = extra
        if cur.peek() in _SCALES and cur.peek() not in ("m", "b", "k"):
            smaller = cur.take()  # "one billion and a half million": the half is of a million
            value, written = value * _SCALES[smaller] / factor, f"{written} {smaller}"
        number = _Number(number.value + value * factor, 0.0, 0.0, False, True, f"{number.written} and {written}",
                         number.scale_word)
    return number


def _times_ten_to(cur: _Cursor) -> int | None:
    """The exponent of "×10^6", "x10^-4", "×10−5" after a number; the cursor stays put otherwise."""
    if cur.peek() not in ("×", "x", "*") or cur.peek(1) != "10":
        return None
    start = cur.i
    cur.take()
    cur.take()
    caret = cur.accept("^")
    sign = -1 if cur.accept("-") else 1 if cur.accept("+") or caret else 0
    digits = cur.peek() or ""
    if sign == 0 or not digits.isdigit() or len(digits) > 3:
        cur.i = start
        return None
    cur.take()
    return sign * int(digits)


_GROUP_SCALES = ("hundred", "thousand", "lakh", "million", "crore", "billion", "trillion")


def _digit_groups(cur: _Cursor, number: _Number) -> _Number:
    """Smaller groups of digits after a scale word: "4 thousand 3 hundred and 21" is 4321, exactly.

    A group needs a scale word of its own ("3 hundred") or, after a hundred only, "and" ("and 21"):
    "$5 million and 300 jobs" stays two values.
    """
    factor = _SCALES[number.scale_word or "hundred"]
    total, written = number.value, number.written
    while True:
        start = cur.i
        with_and = cur.accept("and")
        token = cur.peek() or ""
        spoken = _small_word_value(token) if with_and else None  # "3 hundred and one"
        if with_and and factor != 100 or not token.isdigit() and spoken is None:
            cur.i = start
            break
        cur.take()
        group, scale = float(spoken if spoken is not None else token), None
        following = cur.peek()
        if not with_and and following in _GROUP_SCALES and _SCALES[following] < factor:
            scale = cur.take()
            group *= _SCALES[scale]
        if group >= factor or scale is None and not with_and or with_and and cur.peek() in _SCALES:
            cur.i = start  # "3 hundred and 2 hundred" are two numbers
            break
        total += group
        written += f"{' and' if with_and else ''} {token}{' ' + scale if scale else ''}"
        if scale is None:
            break
        factor = _SCALES[scale]
    if total == number.value:
        return number
    return _Number(total, 0.0, 0.0, True, False, written)


def _small_word_value(token: str) -> int | None:
    """one ... nineteen, twenty ... ninety, twenty-one: the number a single word writes, else None."""
    if token in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[token]
    parts = token.split("-")
    if parts[0] in _TENS and (len(parts) == 1 or len(parts) == 2 and parts[1] in _SMALL_NUMBERS and 0 < _SMALL_NUMBERS[parts[1]] < 10):
        return _TENS[parts[0]] + (_SMALL_NUMBERS[parts[1]] if len(parts) == 2 else 0)
    return None


def _starts_word_number(token: str) -> bool:
    return _small_word_value(token) is not None or token in ("a", "an", "hundred", "thousand")


def _fraction_words(cur: _Cursor) -> tuple[float, str] | None:
    """A fraction in words, as a number: a half, one-third, three quarters, five eighths, twenty-three fifths.

    A singular that is also an ordinal ("third", "fifth") is a fraction only after a, an or one:
    "the third" is an ordinal. The cursor is left where it was when there is no fraction.
    """
    token = cur.peek()
    if token is None:
        return None
    head, _, tail = token.partition("-")
    if tail in _FRACTIONS and (head in ("a", "an") or _small_word_value(head) is not None):
        numerator = 1 if head in ("a", "an") else _small_word_value(head)
        assert numerator is not None
        if tail in _FRACTION_PLURAL or numerator == 1:
            cur.take()
            return numerator / _FRACTIONS[tail], token
    numerator = 1 if token in ("a", "an") else _small_word_value(token)
    following = cur.peek(1)
    if numerator is not None and following is not None:
        if following in _FRACTION_PLURAL and numerator >= 1 or following in _FRACTION_SINGULAR and numerator == 1:
            cur.take()
            cur.take()
            return numerator / _FRACTIONS[following], f"{token} {following}"
        if following == "half" and token == "one":
            cur.take()
            cur.take()
            return 0.5, "one half"
    if token in ("half", "quarter"):  # "half of them", "half a million", "quarter million"
        cur.take()
        return 1 / _FRACTIONS[token], token
    return None


def _and_a_fraction(cur: _Cursor) -> tuple[float, str] | None:
    """ "and a half", "and three quarters" after a whole number; the cursor stays put otherwise."""
    if cur.peek() != "and":
        return None
    start = cur.i
    cur.take()
    found = _fraction_words(cur)
    if found is None or found[0] >= 1:
        cur.i = start
        return None
    return found


_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
           "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
           "⅑": 1 / 9, "⅒": 1 / 10}


VULGAR_FRACTIONS = frozenset(_VULGAR)  # for the extractor


def _digit_fraction(cur: _Cursor) -> tuple[str, float] | None:
    """After a whole number: ("over", 4) for '/4', where the number was the numerator; ("plus", 0.5) for
    ' 1/2' of a mixed number. Anything else leaves the cursor where it was."""
    start = cur.i
    if cur.peek() == "/" and (cur.peek(1) or "").isdigit():
        cur.take()
        denominator = float(cur.take())
        if denominator == 0:
            raise ValueParseError(cur.text, "a fraction cannot have 0 below the line")
        return "over", denominator
    if (cur.peek() or "").isdigit() and cur.peek(1) == "/" and (cur.peek(2) or "").isdigit():
        numerator, _, denominator = float(cur.take()), cur.take(), float(cur.take())
        if denominator == 0 or numerator >= denominator:
            cur.i = start
            return None
        return "plus", numerator / denominator
    return None


def _fraction(cur: _Cursor) -> tuple[float, str] | None:
    """half, a third, one-third, two-thirds, a quarter, three quarters: a share in percent (below one whole)."""
    start = cur.i
    found = _fraction_words(cur)
    if found is None:
        return None
    if found[0] > 1:  # "three halves" is a number, not a share
        cur.i = start
        return None
    return 100.0 * found[0], found[1]


# --- the parser ---------------------------------------------------------------------------------


# pint defines physical constants as units ('sigma' is Stefan-Boltzmann's, 'c' the speed of light):
# after a number they are words ('a 6.0-sigma result'), not units.
_A_CONSTANT = re.compile(r"constant|speed_of_light|elementary_charge|planck|avogadro|boltzmann|gravity|"
                         r"vacuum|impedance|magneton|electron_mass|proton_mass|neutron_mass|fine_structure")
_PER_CENT = re.compile(r"(?i)\bper cent\b")
_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_COUNTED_WORD = re.compile(r"[a-z][a-z'.-]*")
_UNIT_NAME = re.compile(r"[A-Za-zµΩ]+(?:_[A-Za-z]+)*")


def parse_value(text: str, *, unit: str | None = None, tolerances: Tolerances = DEFAULT_TOLERANCES) -> Value:
    """Read a value as written into an interval in real units.

    >>> parse_value("over 60%").interval_text()
    '(60, 100] %'
    >>> parse_value("$2.64 trillion").interval_text()
    '[2.635, 2.645] trillion USD'
    """
    if not isinstance(text, str):
        raise ValueParseError(repr(text), f"a value must be text, not {type(text).__name__}")
    if unit is not None and not isinstance(unit, str):
        raise ValueParseError(text, f"unit must be text, not {type(unit).__name__}")
    written = " ".join(text.translate(_TYPOGRAPHIC).split())
    written = _PER_CENT.sub("percent", written)
    written = _SPACED_THOUSANDS.sub(",", written)  # "10 000": thousands grouped with spaces
    normalized = written.lower()
    if not normalized:
        raise ValueParseError(text, "it is empty")
    tokens = _tokens(normalized)
    # The same tokens as written, for units whose case matters: MB is a megabyte, mb a millibarn.
    as_written = _tokens_as_written(written) if len(written) == len(normalized) else tokens
    as_written = as_written if len(as_written) == len(tokens) else tokens
    tokens, as_written = _unhyphenated(tokens, as_written)
    parser = _Parser(text, tokens, unit, tolerances)
    parser.as_written = as_written
    return parser.parse()


class _Parser:
    def __init__(self, text: str, tokens: list[str], unit: str | None, tolerances: Tolerances):
        self.second_bound_allowed = True
        self.text = text
        self.cur = _Cursor(text, tokens)
        self.declared_unit = unit
        self.tol = tolerances

    def fail(self, reason: str) -> ValueParseError:
        return ValueParseError(self.text, reason)

    def parse(self) -> Value:
        cur = self.cur
        cur.accept("the")
        special = self._majority() or self._rank() or self._multiple()
        if special is not None:
            return special
        hedge: Hedge = "exact"
        hedge = self._prefix_hedge()
        if hedge == "exact" and cur.accept("between"):
            return self._range(between=True)
        if hedge == "exact" and cur.accept("from"):
            return self._range()  # "from 200 to 300"
        if hedge in ("over", "nearly", "about", "just_over", "just_under") and (
            self._peek_multiple() or cur.peek() in _MULTIPLE_WORDS
        ):
            multiple = self._multiple(hedge)
            if multiple is None:
                raise self._fail_rest()
            return multiple
        fraction = _fraction(cur)
        number = None
        currency = None
        if fraction is not None:
            percent, written = fraction
            if not self._measured_fraction():
                self._skip_of_tail()
                share = _Number(percent, 0.0, 0.0, False, True, written)
                if hedge in _LOWER_BOUNDS + _UPPER_BOUNDS and cur.peek() in ("and", "but", ",") and \
                        self.second_bound_allowed:
                    bounded = self._second_bound(hedge, share, units.PERCENT, "share", None, written)
                    if bounded is not None:  # "above one quarter and below a half"
                        return bounded
                if not cur.at_end():
                    raise self.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
                return self._finish(hedge, share, units.PERCENT, "share", fraction_written=written)
            # "half a million", "a quarter million dollars", "one-half miles": a number, not a share
            cur.accept("of", "a") or cur.accept("of", "an") or cur.accept("a")
            number = _scaled(cur, _Number(percent / 100, 0.0, 0.0, False, True, written))
        else:
            currency = self._currency_prefix()
            number = _number(cur)
        if number is None:
            raise self._fail_rest()
        if currency is not None and cur.peek() == "t":  # "$2.174T": T is trillion only after a currency sign
            cur.take()
            number = number.scaled(1e12, "trillion")
        if hedge == "exact" and (cur.accept("±") or cur.accept("+", "/", "-") or cur.accept("plus", "or", "minus")):
            spread = _number(cur)  # "9.83e-3 +/- 1e-5 km/s2": the interval is stated
            if spread is None or spread.value < 0:
                raise self.fail("'±' needs a number after it")
            number = _Number(number.value, spread.value, spread.value, False, False,
                             f"{number.written} ± {spread.written}")
            number.stated = True
        if cur.peek() in _RANGE_SEPARATORS and self._looks_like_range_end():
            if hedge not in ("exact", "about"):
                raise self.fail(f"a range cannot also be hedged with {_HEDGE_WORDS[hedge]!r}")
            return self._range(first=number, currency=currency, about=hedge == "about")
        if hedge == "exact" and currency is None and cur.peek() not in (None, *_RANGE_SEPARATORS):
            start = cur.i
            first_unit = self._physical_unit(len(cur.tokens) - cur.i)
            if first_unit is not None and cur.peek() in _RANGE_SEPARATORS and self._looks_like_range_end():
                return self._range(first=number, first_unit=first_unit)  # "44 mg to 50 mg"
            cur.i = start
        denominator = None if currency else self._of_denominator(number.value)
        if denominator is None and currency is None and cur.peek() == "in":
            share = self._one_in(number, hedge)  # "one in five adults", "nearly one in five"
            if share is not None:
                return share
        if currency is None and (cur.accept("times") or cur.accept("fold") or cur.accept("x") or cur.accept("×")):
            return self._finish_multiple(hedge, number)
        if currency is not None:
            unit, kind, counted = currency, "amount", None
            per = self._per_unit()
            if per is not None:
                unit = f"{currency} / {per}"  # "$15.4/hour", "$350 per kg"
        else:
            unit, kind, counted = self._unit_after(number)
            if units.is_money(unit):
                number = self._money_tail(number, unit)
                per = self._per_unit()
                if per is not None:
                    unit = f"{unit} / {per}"  # "3 dollars a gallon"
        if hedge in ("over", "under") and cur.accept("or", "equal"):
            cur.accept("to")  # "more than 5000 or equal to": the bound is inclusive
            hedge = "at_least" if hedge == "over" else "at_most"
        suffix = self._suffix_hedge()
        if suffix is not None:
            if hedge != "exact":
                raise self.fail(f"it is hedged twice ({_HEDGE_WORDS[hedge]!r} and {_HEDGE_WORDS[suffix]!r})")
            hedge = suffix
        if self._rate_suffix():
            unit, kind = self._as_rate(unit, kind)
        if hedge in _LOWER_BOUNDS + _UPPER_BOUNDS and cur.peek() in ("and", "but", ",") and self.second_bound_allowed:
            bounded = self._second_bound(hedge, number, unit, kind, counted)
            if bounded is not None:
                return bounded
        if not cur.at_end():
            raise self.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
        return self._finish(hedge, number, unit, kind, denominator=denominator, counted=counted)

    def _money_tail(self, number: _Number, currency: str) -> _Number:
        """After '75 USD': a scale word ('75 USD million'), or the cents ('3 dollars 50 cents')."""
        cur = self.cur
        if number.scale_word is None and cur.peek() in ("thousand", "million", "billion", "trillion"):
            word = cur.take()
            return number.scaled(_SCALES[word], word)
        start = cur.i
        with_and = cur.accept("and")
        cents = _number(cur)
        subunit = self._currency_name() if cents is not None else None
        if cents is None or subunit is None or not 0 <= cents.value < 100 or subunit == currency or \
                units.base_form(subunit)[1] != currency:
            cur.i = start
            return number
        written = f"{number.written} {currency}{' and' if with_and else ''} {cents.written} {subunit}"
        money = _Number(number.value + cents.value / 100, cents.half_unit / 100, cents.half_unit / 100, False,
                        number.words and cents.words, written)
        money.with_unit = True
        return money

    def _second_bound(self, hedge: Hedge, number: _Number, unit: str, kind: Kind, counted: str | None,
                      fraction_written: str | None = None) -> Value | None:
        """'greater than 100 and smaller than 300', 'at most 100 and at least 20': two bounds, one interval."""
        cur = self.cur
        start = cur.i
        cur.take()
        cur.accept("and")  # ", and"
        at = cur.i
        other = self._prefix_hedge()
        if (hedge in _LOWER_BOUNDS) == (other in _LOWER_BOUNDS) or other not in _LOWER_BOUNDS + _UPPER_BOUNDS:
            cur.i = start
            return None
        rest = _Parser(self.text, cur.tokens[at:], self.declared_unit, self.tol)
        rest.as_written = self.as_written[at:]
        rest.second_bound_allowed = False  # two bounds make an interval; a chain of them would recurse
        second = rest.parse()
        first = self._finish(hedge, number, unit, kind, counted=counted, fraction_written=fraction_written)
        if (second.kind, second.unit) != (first.kind, first.unit):
            raise self.fail(f"the two bounds are in different units ({first.unit} and {second.unit})")
        cur.i = len(cur.tokens)
        lower, upper = (first, second) if hedge in _LOWER_BOUNDS else (second, first)
        low, high = lower.low_magnitude, upper.high_magnitude
        assert low is not None and high is not None  # both capped by their domain, or the hedge's number
        if low > high or (low == high and not (lower.low_inclusive and upper.high_inclusive)):
            shown = format_interval(low, high, lower.low_inclusive, upper.high_inclusive, unit)
            raise self.fail(f"the two bounds leave nothing between them, {shown}")
        return self._make(self.text, kind, unit, low, high, lower.low_inclusive, upper.high_inclusive,
                          lower.loose_low_magnitude, upper.loose_high_magnitude,
                          f"two bounds: {lower.reading}; {upper.reading}", f"{lower.canonical} and {upper.canonical}",
                          counted=counted)

    # -- pieces ----------------------------------------------------------------------------------

    def _measured_fraction(self) -> bool:
        """After a fraction: whether a scale word, a currency or a unit follows, making it a number."""
        cur = self.cur
        j = cur.i + (2 if cur.peek() == "of" and cur.peek(1) in ("a", "an") else 1 if cur.peek() == "a" else 0)
        following = cur.tokens[j] if j < len(cur.tokens) else None
        if following in _SCALES and following not in ("m", "b", "k"):
            return True
        if j != cur.i or following is None or following == "of":
            return False
        if following in _CURRENCY_WORDS or following in _CURRENCY_SYMBOLS or following in _CURRENCY_NAMES_BY_FIRST:
            return True
        start = cur.i
        unit = self._physical_unit(len(cur.tokens) - cur.i)
        cur.i = start
        return unit is not None

    def _fail_rest(self) -> ValueParseError:
        rest = " ".join(self.cur.rest())
        if not rest:
            return self.fail("a hedge needs a number after it")
        return self.fail(f"expected a number at {rest[:40]!r}")

    def _majority(self) -> Value | None:
        cur = self.cur
        start = cur.i
        cur.accept("a")
        if cur.accept("majority") or cur.accept("most"):
            cur.accept("of")
            self._skip_of_tail(allow_any=True)
            return self._make(self.text, "share", units.PERCENT, 50.0, 100.0, False, True, 50.0, 100.0,
                              "majority: more than half, (50, 100] percent", "over 50%")
        if cur.accept("minority"):
            cur.accept("of")
            self._skip_of_tail(allow_any=True)
            return self._make(self.text, "share", units.PERCENT, 0.0, 50.0, True, False, 0.0, 50.0,
                              "minority: less than half, [0, 50) percent", "under 50%")
        cur.i = start
        return None

    def _rank(self) -> Value | None:
        cur = self.cur
        start = cur.i
        ordinal = 1
        token = cur.peek()
        if token in _ORDINALS and cur.peek(1) is not None:
            following = cur.peek(1) or ""
            if following in _RANK_WORDS or following.split("-")[-1] in _RANK_WORDS:
                cur.take()
                ordinal = _ORDINALS[token]
        token = cur.peek() or ""
        head = token.split("-")
        if len(head) == 2 and head[0] in _ORDINALS and head[1] in _RANK_WORDS:
            cur.take()
            ordinal = _ORDINALS[head[0]]
        elif token in _RANK_WORDS:
            cur.take()
        elif token in ("no.", "number") and cur.peek(1) in ("1", "one"):
            cur.take()
            cur.take()
        elif token in _ORDINALS and cur.i + 1 >= len(cur.tokens):
            cur.take()
            ordinal = _ORDINALS[token]
        else:
            cur.i = start
            return None
        # "largest trading partner", "top destination": the noun names the measure, not the rank.
        cur.i = len(cur.tokens)
        value = float(ordinal)
        words = {number: word for word, number in _ORDINALS.items() if word.isalpha()}
        canonical = "largest" if ordinal == 1 else f"{words[ordinal]} largest"
        return self._make(self.text, "rank", units.RANK, value, value, True, True, value, value,
                          f"rank {ordinal}", canonical)

    def _peek_multiple(self) -> bool:
        cur = self.cur
        j = cur.i
        while j < len(cur.tokens) and cur.tokens[j] in _FILLER:
            j += 1
        return j < len(cur.tokens) and cur.tokens[j] in _MULTIPLE_WORDS

    def _multiple(self, hedge: Hedge = "exact") -> Value | None:
        cur = self.cur
        start = cur.i
        if hedge == "exact":
            hedge = self._prefix_hedge()
        while cur.peek() in _FILLER:
            cur.take()
        word = cur.peek()
        if word in _MULTIPLE_WORDS:
            cur.take()
            cur.accept("in", "size")
            self._skip_compared()
            if not cur.at_end():
                cur.i = start
                return None
            factor = _MULTIPLE_WORDS[word]
            return self._finish_multiple(hedge, _Number(factor, 0.0, 0.0, False, True, word))
        token = word or ""
        if token.endswith("fold") and token[:-4].rstrip("-") in _SMALL_NUMBERS:
            cur.take()
            self._skip_compared()
            if cur.at_end():
                return self._finish_multiple(hedge, _Number(float(_SMALL_NUMBERS[token[:-4].rstrip("-")]), 0.0, 0.0,
                                                            False, True, token))
        cur.i = start
        return None

    def _skip_compared(self) -> None:
        """'nearly doubled compared with ten years ago': the comparison belongs to the period."""
        cur = self.cur
        if cur.peek() in ("compared", "since", "from", "over", "in", "within") and not cur.at_end():
            cur.i = len(cur.tokens)

    def _finish_multiple(self, hedge: Hedge, number: _Number) -> Value:
        self._skip_compared()
        if not self.cur.at_end():
            raise self.fail(f"{' '.join(self.cur.rest())!r} is not a unit or phrase claimcheck knows")
        return self._finish(hedge, number, units.MULTIPLE, "change_multiple", multiple=True)

    def _skip_of_tail(self, *, allow_any: bool = False) -> None:
        """'nearly one-third of the total number': what follows 'of' names the whole, not a unit."""
        cur = self.cur
        if cur.peek() == "of" or (allow_any and not cur.at_end()):
            cur.i = len(cur.tokens)

    def _looks_like_range_end(self) -> bool:
        nxt = self.cur.peek(1)
        if nxt is None:
            return False
        negative = nxt in ("-", "minus") and (self.cur.peek(2) or " ")[0].isdigit()  # "-18 °C to -34 °C"
        return nxt[0].isdigit() or nxt[0] in ".$€£" or nxt in _SMALL_NUMBERS or nxt.split("-")[0] in _TENS or negative

    def _of_denominator(self, part: float) -> float | None:
        """'eight of the top ten', 'seven out of its ten members': a count and its denominator."""
        cur = self.cur
        start = cur.i
        if not (cur.accept("of") or cur.accept("out", "of")):
            return None
        while cur.peek() in ("the", "its", "their", "top", "all"):
            cur.take()
        number = _number(cur)
        if number is None or number.value < part:  # "12 out of 10" is no part of a whole
            cur.i = start
            return None
        return number.value

    def _one_in(self, part: _Number, hedge: Hedge) -> Value | None:
        """'one in five', '1 in 21 adults': a share, the part over the whole; None if it is not that."""
        cur = self.cur
        start = cur.i
        cur.take()
        whole = _number(cur)
        suffix = self._suffix_hedge() if whole is not None else None  # "2 in 5 or more"
        rest = cur.rest()
        if whole is None or not 0 < part.value <= whole.value or not whole.integer_written or \
                1800 <= whole.value <= 2100 or len(rest) > 3 or \
                not all(word.isalpha() for word in rest):
            cur.i = start
            return None
        cur.i = len(cur.tokens)
        written = f"{part.written} in {whole.written}"
        if suffix is not None and hedge != "exact":
            raise self.fail(f"it is hedged twice ({_HEDGE_WORDS[hedge]!r} and {_HEDGE_WORDS[suffix]!r})")
        return self._finish(suffix or hedge, _Number(100 * part.value / whole.value, 0.0, 0.0, False, True, written),
                            units.PERCENT, "share", fraction_written=written)

    def _currency_prefix(self) -> str | None:
        """A currency written before the number: $, €, ₹, US$, C$, HK$, USD, CAD (a code in capitals)."""
        cur = self.cur
        token = cur.peek()
        if token in _CURRENCY_SYMBOLS:
            cur.take()
            return _CURRENCY_SYMBOLS[token]
        if token == "¥":
            cur.take()
            return self._yen_sign()
        if token in _DOLLAR_PREFIXES and cur.peek(1) == "$":
            cur.take()
            cur.take()
            return _DOLLAR_PREFIXES[token]
        if token in ("usd", "rmb", "cny", "eur", "gbp", "jpy") or (
                token is not None and token.upper() in units.CURRENCIES and self.as_written[cur.i].isupper()):
            cur.take()
            return _CURRENCY_WORDS[token]
        return None

    def _currency_name(self) -> str | None:
        """A currency named after the number ("dollars", "swiss francs", "CAD", "€"), consumed; else None."""
        cur = self.cur
        if cur.peek() in ("franc", "francs"):
            if self.declared_unit is not None and self.declared_unit.upper() in units.CURRENCIES:
                cur.take()
                return self.declared_unit.upper()
            raise self.fail("'francs' may be Swiss, French, Belgian or African francs; write 'Swiss francs' or CHF, "
                            "or give unit: CHF")
        for name, code in _CURRENCY_NAMES_BY_FIRST.get(cur.peek() or "", ()):
            if cur.accept(*name):
                if code == "GBP":
                    cur.accept("sterling")
                return code
        if cur.peek() in _CURRENCY_SYMBOLS:  # "-15€", "100 ₡"
            return _CURRENCY_SYMBOLS[cur.take()]
        return None

    def _yen_sign(self) -> str:
        if self.declared_unit in ("JPY", "CNY"):
            return self.declared_unit
        raise self.fail("'¥' stands for both Japanese yen and Chinese yuan; write JPY or CNY, or give unit: JPY or unit: CNY")

    def _unit_after(self, number: _Number) -> tuple[str, Kind, str | None]:
        cur = self.cur
        currency = None
        if cur.accept("percentage", "points") or cur.accept("percentage", "point") or cur.accept("pp") or cur.accept("points"):
            return units.PERCENTAGE_POINT, "difference", None
        if cur.accept("%") or cur.accept("percent") or cur.accept("pct") or cur.accept("percents") \
                or cur.accept("percentage"):
            return units.PERCENT, "share", None
        currency = self._currency_name()
        if currency is not None:
            return currency, "amount", None
        if cur.at_end():
            return self._declared_or_bare(number)
        tail = cur.rest()
        stop = next((j for j, token in enumerate(tail) if token in ("or", "and", "+", "plus", ",")
                     or any(tuple(tail[j:j + len(suffix)]) == suffix for suffix in _RATE_SUFFIXES_BY_FIRST.get(token, ()))),
                    len(tail))
        words = tail[:stop]
        if not words:
            return self._declared_or_bare(number)
        candidate = " ".join(words)
        physical = self._physical_unit(stop)
        if physical is not None:
            return physical, "amount", None
        cur.i += stop
        if "per" in words or not all(_COUNTED_WORD.fullmatch(w) for w in words):
            raise self.fail(f"{candidate!r} is not a unit claimcheck knows")
        return units.COUNT, "count", candidate

    def _per_unit(self) -> str | None:
        """'/hour', 'per kg' or 'a gallon' after an amount of money; a year is left to the rate suffixes."""
        cur = self.cur
        if cur.peek() not in ("/", "per", "a", "an") or cur.peek(1) in (None, "year", "annum", "yr", "a"):
            return None
        start = cur.i
        cur.take()
        unit = self._physical_unit(len(cur.tokens) - cur.i)
        if unit is None:
            cur.i = start
        return unit

    def _physical_unit(self, stop: int) -> str | None:
        """The longest run of the next tokens (up to ``stop``) that pint reads as a unit, consumed; else None.

        Case matters here (MB is a megabyte, mb a millibarn), so the tokens as written are tried
        first. 'per', '/', '^', 'square', 'cubic', 'squared', 'cubed' and a trailing digit build
        compound units: 'kilometres per hour', 'km/s2', 'J/m^2', 'sq mi', 'km cubed'.
        """
        cur = self.cur
        if cur.tokens[cur.i:] == ["in"]:
            cur.i += 1  # "2 in" at the end is two inches; anywhere else "in" is a preposition
            return "inch"
        written = self.as_written[cur.i:cur.i + min(stop, 8)]
        lowered = cur.tokens[cur.i:cur.i + min(stop, 8)]
        for n in range(len(lowered), 0, -1):
            if " ".join(lowered[:n]) in _NOT_UNITS or lowered[n - 1] in ("per", "/", "^", "square", "cubic", "sq"):
                continue
            for tokens in (written[:n], lowered[:n]):
                expression = _pint_expression(tokens)
                if expression and units.known_unit(expression):
                    unit = units.canonical(expression)
                    if not _A_CONSTANT.search(unit):
                        cur.i += n
                        return unit
        return None

    def _declared_or_bare(self, number: _Number) -> tuple[str, Kind, str | None]:
        unit = self.declared_unit
        if unit is None:
            whole = (number.integer_written or number.words) and number.value >= 0 and float(number.value).is_integer()
            return (units.COUNT, "count", None) if whole else (units.MULTIPLE, "amount", None)
        return _declared_unit(self.text, unit)

    def _prefix_hedge(self) -> Hedge:
        for phrase, name in _PREFIX_HEDGES_BY_FIRST.get(self.cur.peek() or "", ()):
            if self.cur.accept(*phrase):
                return name
        return "exact"

    def _suffix_hedge(self) -> Hedge | None:
        cur = self.cur
        for phrase, name in _SUFFIX_HEDGES_BY_FIRST.get(cur.peek() or "", ()):
            start = cur.i
            if cur.accept(*phrase):
                following = cur.peek()
                if following is not None and (following[0].isdigit() or _starts_word_number(following)
                                              or following == "than"):
                    cur.i = start  # "above 1000 and below 1500": a second bound, not "and below"
                    return None
                return name
        return None

    def _rate_suffix(self) -> bool:
        return any(self.cur.accept(*suffix) for suffix in _RATE_SUFFIXES_BY_FIRST.get(self.cur.peek() or "", ()))

    def _as_rate(self, unit: str, kind: Kind) -> tuple[str, Kind]:
        if kind == "share":
            return units.PERCENT_PER_YEAR, "rate"
        if kind in ("amount", "count") and unit not in (units.COUNT,):
            return f"{unit} / year", "rate"
        if kind == "count":
            return f"{units.COUNT} / year", "rate"
        raise self.fail("only an amount, count or percentage can be given per year")

    def _range(self, *, between: bool = False, first: _Number | None = None, currency: str | None = None,
               first_unit: str | None = None, about: bool = False) -> Value:
        cur = self.cur
        if first is None:
            currency = self._currency_prefix()
            first = _number(cur)
            if first is None:
                raise self._fail_rest()
        if between and cur.peek() != "and" and currency is None:
            first_unit, _, _ = self._unit_after(first)
        elif not between and first_unit is None and currency is None and cur.peek() not in _RANGE_SEPARATORS:
            first_unit = self._physical_unit(len(cur.tokens) - cur.i)  # "from -18 °C to -34 °C"
        if not (cur.accept("and") if between else any(cur.accept(word) for word in _RANGE_SEPARATORS)):
            raise self.fail("a range needs two numbers, as in 'between 10 and 20' or '10-20'")
        currency = self._currency_prefix() or currency
        second = _number(cur)
        if second is None:
            raise self._fail_rest()
        if second.scale_word and not first.scale_word:
            # "$1-2 billion": the scale word of the second number applies to the first.
            first = first.scaled(_SCALES[second.scale_word], second.scale_word)
        if currency is not None:
            unit, kind, counted = currency, "amount", None
            self._currency_name()  # "$1-2 billion dollars"
        else:
            unit, kind, counted = self._unit_after(second)
        if first_unit is not None and first_unit != unit:
            raise self.fail(f"the two ends of the range have different units ({first_unit} and {unit})")
        if self._rate_suffix():
            unit, kind = self._as_rate(unit, kind)
        if not cur.at_end():
            raise self.fail(f"{' '.join(cur.rest())!r} is not a unit or phrase claimcheck knows")
        if first.value > second.value and not first.value < 0:
            raise self.fail(f"the range runs backwards ({first.written} is more than {second.written})")
        low, high = sorted((first.value, second.value))  # "-18 °C to -34 °C" runs down to the colder end
        if kind == "count" and low < 0:
            unit, kind = units.MULTIPLE, "amount"  # "between negative ten and fifteen"
        if kind == "share" and high > 100:
            kind = "amount"  # "90-120%": a ratio
        reading, canonical_hedge = "range: both ends inclusive, as written", ""
        if about:  # "around 10-15 exabytes"
            low, high = low - self.tol.approximately * abs(low), high + self.tol.approximately * abs(high)
            reading = f"'about' a range: each end widened by {self.tol.approximately:.0%}"
            canonical_hedge = f"about {format_number(first.value)}-{format_number(second.value)}"
            low, high, _, _, _ = _cap(kind, unit, low, high, True, True)
        self._check_domain(kind, low, high)
        canonical = canonical_hedge or f"between {format_number(low)} and {format_number(high)}"
        canonical = f"{canonical} {_canonical_unit(unit, counted)}".strip()
        return self._make(self.text, kind, unit, low, high, True, True, low, high, reading, canonical, counted=counted)

    # -- hedges to intervals ---------------------------------------------------------------------

    def _finish(self, hedge: Hedge, number: _Number, unit: str, kind: Kind, *, denominator: float | None = None,
                counted: str | None = None, multiple: bool = False, fraction_written: str | None = None) -> Value:
        if kind == "share" and number.value > 100:
            kind = "amount"  # "240% of GDP": more than a whole is a ratio, not a part of one
        if kind == "share" and unit == units.PERCENT and _is_yearly_percent(self.declared_unit):
            # "around 4.5%" with unit: percent a year is a growth rate, not a share.
            unit, kind = units.PERCENT_PER_YEAR, "rate"
        if kind == "share" and unit == units.PERCENT and self.declared_unit not in (None, "%", "percent", units.PERCENT):
            raise self.fail(f"the value is a percentage but unit says {self.declared_unit!r}")
        x = number.value
        exact_count = kind == "count" and (number.integer_written or number.words)
        rounding = 0.0 if (exact_count or number.words or multiple) else number.half_unit
        loose = 0.0 if (exact_count or number.words or multiple) else min(
            number.round_half_unit, self.tol.round_number * abs(x)) if number.round_half_unit > number.half_unit else rounding
        t = self.tol
        low_inc = high_inc = True
        if hedge == "exact":
            low, high, why = x - rounding, x + rounding, (
                "exact count" if exact_count else "exact (a word or fraction)" if number.words and not multiple
                else "as stated" if multiple else f"as stated (±{format_number(rounding)})" if number.stated
                else f"rounding of the digits given (±{format_number(rounding)})")
            loose_low, loose_high = x - max(loose, rounding), x + max(loose, rounding)
            if multiple:
                loose_low, loose_high = x * (1 - t.approximately), x * (1 + t.approximately)
        elif hedge in ("over", "just_over"):
            low, low_inc = x, False
            high = x + max(t.just * abs(x), rounding) if hedge == "just_over" else None
            why = f"'{_HEDGE_WORDS[hedge]}': strict lower bound" + (f", upper tolerance {t.just:.0%}" if hedge == "just_over" else "")
            loose_low, loose_high = x - loose, high
        elif hedge == "at_least":
            low, high, why = x, None, "'at least': inclusive lower bound"
            loose_low, loose_high = x - loose, None
        elif hedge in ("under", "just_under"):
            low, high, high_inc = None, x, False
            if hedge == "just_under":
                low = x - max(t.just * abs(x), rounding)
            why = f"'{_HEDGE_WORDS[hedge]}': strict upper bound" + (f", lower tolerance {t.just:.0%}" if hedge == "just_under" else "")
            loose_low, loose_high = low, x + loose
        elif hedge == "at_most":
            low, high, why = None, x, "'at most': inclusive upper bound"
            loose_low, loose_high = None, x + loose
        elif hedge == "nearly":
            low, high, high_inc = x - t.nearly * abs(x), x, False
            why = f"'nearly': just below, tolerance {t.nearly:.0%}"
            loose_low, loose_high = low - loose, x + loose
        else:  # about
            spread = max(t.approximately * abs(x), rounding)
            low, high = x - spread, x + spread
            why = f"'about': ±{format_number(spread)} (the larger of {t.approximately:.0%} and the rounding of the digits)"
            loose_low, loose_high = low - loose, high + loose
        low, high, low_inc, high_inc, capped = _cap(kind, unit, low, high, low_inc, high_inc)
        loose_low, loose_high, _, _, _ = _cap(kind, unit, loose_low, loose_high, True, True)
        if capped:
            why += f", capped by the {kind} domain"
        self._check_domain(kind, low, high)
        if low is not None and high is not None and (low > high or (low == high and not (low_inc and high_inc))):
            shown = format_interval(low, high, low_inc, high_inc, unit)
            raise self.fail(f"it reads as an empty interval, {shown}: nothing in the {kind} domain satisfies it")
        hedge_word = _HEDGE_WORDS[hedge]
        if multiple:
            canonical = f"{hedge_word} {format_number(x)} times"
        elif fraction_written:
            canonical = f"{hedge_word} {fraction_written}"
        elif number.with_unit:
            canonical = f"{hedge_word} {number.written}"
        else:
            canonical = f"{hedge_word} {number.written} {_canonical_unit(unit, counted)}"
        canonical = canonical.strip()
        if denominator is not None:
            canonical = f"{hedge_word} {number.written} of {format_number(denominator)} {counted or ''}".strip()
        return self._make(self.text, kind, unit, low, high, low_inc, high_inc, loose_low, loose_high, why, canonical,
                          denominator=denominator, counted=counted)

    def _check_domain(self, kind: Kind, low: float | None, high: float | None) -> None:
        if kind == "share" and any(bound is not None and bound < 0 for bound in (low, high)):
            raise self.fail("a share must lie between 0% and 100%")
        if kind in ("count", "rank") and any(bound is not None and bound < 0 for bound in (low, high)):
            raise self.fail("a count cannot be negative")

    def _make(self, text: str, kind: Kind, unit: str, low: float | None, high: float | None, low_inc: bool,
              high_inc: bool, loose_low: float | None, loose_high: float | None, reading: str, canonical: str,
              *, denominator: float | None = None, counted: str | None = None) -> Value:
        if self.declared_unit is not None and kind not in ("share", "rank", "change_multiple") and unit != self.declared_unit \
                and not (kind == "rate" and _is_yearly_percent(self.declared_unit)):
            declared, _, _ = _declared_unit(self.text, self.declared_unit)
            if units.dimension_of(declared) != units.dimension_of(unit):
                raise self.fail(f"the value is in {unit} but unit says {self.declared_unit!r}")
        if loose_low is not None and low is not None:
            loose_low = min(loose_low, low)
        if loose_high is not None and high is not None:
            loose_high = max(loose_high, high)
        return Value(text=text, kind=kind, unit=unit, low_magnitude=low, high_magnitude=high, low_inclusive=low_inc,
                     high_inclusive=high_inc, loose_low_magnitude=loose_low, loose_high_magnitude=loose_high,
                     reading=reading, canonical=canonical, denominator=denominator, counted=counted)


def _is_yearly_percent(unit: str | None) -> bool:
    return unit is not None and " ".join(unit.lower().replace("/", " / ").split()) in (
        "percent / year", "% / year", "percent a year", "% a year", "percent per year", "% per year")


# Words pint would read as units ('a' is a year, 'in' an inch) that in a claim are counted nouns.
_NOUNS_PINT_MISREADS = {"people", "persons", "countries", "members", "items", "a", "in", "at", "ft", "min", "cc",
                        "units", "unit"}
# ... and, after a number, scale letters and words that other rules read.
_NOT_UNITS = _NOUNS_PINT_MISREADS | {"m", "b", "k", "an", "point", "points", "times", "per"}
_POWERS = {"square": 2, "sq": 2, "cubic": 3, "squared": 2, "cubed": 3}


def _pint_expression(tokens: list[str]) -> str | None:
    """Tokens of a unit as pint spells it: ['km', '/', 's', '2'] → 'km/s**2'; None if they cannot be one."""
    out: list[str] = []
    power_next = 0
    k = 0
    while k < len(tokens):
        token = tokens[k]
        low = token.lower()
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
        elif low == "^" or (token in ("2", "3") and out and out[-1] not in ("/", "*")):
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
            out.append(token + (f"**{power_next}" if power_next else ""))
            power_next = 0
        else:
            return None
        k += 1
    if not out or out[-1] in ("/", "*") or power_next:
        return None
    return "".join(out)


def _declared_unit(text: str, unit: str) -> tuple[str, Kind, str | None]:
    aliases = {"%": units.PERCENT, "percent": units.PERCENT, "$": "USD", "us$": "USD"}
    name = aliases.get(unit.lower(), unit)
    if name == units.PERCENT:
        return name, "share", None
    if name.upper() in units.CURRENCIES:
        return name.upper(), "amount", None
    if name in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[name], "amount", None
    if units.known_unit(name) and name not in _NOUNS_PINT_MISREADS:
        return units.canonical(name), "amount", None
    if re.fullmatch(r"[A-Za-z][A-Za-z' -]*", name):
        return units.COUNT, "count", name
    raise ValueParseError(text, f"unit {unit!r} is not a unit claimcheck knows")


def _canonical_unit(unit: str, counted: str | None) -> str:
    if counted:
        return counted
    return {units.PERCENT: "%", units.PERCENT_PER_YEAR: "% a year", units.PERCENTAGE_POINT: "percentage points",
            units.COUNT: "", units.MULTIPLE: ""}.get(unit, unit.replace(" ** ", "^"))  # the grammar reads ^, not **


_DOMAINS: dict[str, tuple[float | None, float | None]] = {
    "share": (0.0, 100.0), "count": (0.0, None), "rank": (1.0, None), "change_multiple": (0.0, None),
    "difference": (-100.0, 100.0),
}


def _cap(kind: Kind, unit: str, low: float | None, high: float | None, low_inc: bool, high_inc: bool):
    """Close an unbounded side with the domain of the kind: a share lies in [0, 100] percent."""
    domain_low, domain_high = _DOMAINS.get(kind, (None, None))
    if kind == "amount" and (units.is_money(unit) or unit == units.PERCENT) and low is None:
        domain_low = 0.0  # "under $5" is [0, 5); a loss written "-$15" stays negative
    if kind == "rate" and unit == units.PERCENT_PER_YEAR:
        domain_low = -100.0
    capped = False
    if domain_low is not None and (low is None or low < domain_low):
        low, low_inc, capped = domain_low, True, True
    if domain_high is not None and (high is None or high > domain_high):
        high, high_inc, capped = domain_high, True, True
    return low, high, low_inc, high_inc, capped


def overlap(a_low: float | None, a_high: float | None, a_low_inc: bool, a_high_inc: bool,
            b_low: float | None, b_high: float | None, b_low_inc: bool, b_high_inc: bool) -> bool:
    """Whether two intervals share a point; None is unbounded."""
    return _before(a_high, a_high_inc, b_low, b_low_inc) is False and _before(b_high, b_high_inc, a_low, a_low_inc) is False


def _before(high: float | None, high_inc: bool, low: float | None, low_inc: bool) -> bool:
    """Whether an interval ending at ``high`` lies wholly below one starting at ``low``."""
    if high is None or low is None:
        return False
    if high < low:
        return True
    return high == low and not (high_inc and low_inc)


def gap(a_low: float | None, a_high: float | None, b_low: float | None, b_high: float | None) -> float:
    """The distance between two disjoint intervals (0 where they touch or overlap)."""
    if a_high is not None and b_low is not None and a_high <= b_low:
        return b_low - a_high
    if b_high is not None and a_low is not None and b_high <= a_low:
        return a_low - b_high
    return 0.0


__all__ = ["DEFAULT_TOLERANCES", "Kind", "Tolerances", "Value", "format_amount", "format_interval", "gap", "overlap",
           "parse_value"]
