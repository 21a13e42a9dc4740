"""Numbers as written: digits, number words, fractions, scale words, and the precision of each.

A ``Number`` keeps its value, the half-unit of its last written digit (the rounding of "41.9" is
±0.05) and the half-unit of a round number (for the loose reading), and whether it was written in
words, which makes it exact.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from claimcheck.errors import ValueParseError
from claimcheck.read.currencies import CURRENCY_WORDS
from claimcheck.read.tokens import Cursor

SMALL_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
SMALL_NUMBERS.update(nought=0, naught=0)
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
ORDINALS = {
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
_TENS_ORDINALS = dict(zip(TENS, "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
                          strict=True))
for _tens, _ordinal in _TENS_ORDINALS.items():  # "a twentieth", "one twenty-fifth", "three twenty-firsts"
    _FRACTION_SINGULAR[_ordinal] = TENS[_tens]
    for _value, _word in enumerate("first second third fourth fifth sixth seventh eighth ninth".split(), start=1):
        _FRACTION_SINGULAR[f"{_tens}-{_word}"] = TENS[_tens] + _value
_FRACTION_PLURAL.update({f"{word}s": value for word, value in _FRACTION_SINGULAR.items() if word != "half"})
FRACTIONS = _FRACTION_SINGULAR | _FRACTION_PLURAL
FRACTION_WORDS = frozenset(FRACTIONS)  # for the extractor
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6,
    "m": 1e6, "mil": 1e6, "crore": 1e7, "crores": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12,
    "tn": 1e12, "trn": 1e12, "tln": 1e12, "dozen": 12, "dozens": 12,
}

MAX_MAGNITUDE = 1e300  # a float holds up to 1.8e308: the margin keeps the rules' arithmetic finite
_MAX_EXPONENT = 300


def power_of_ten(exponent: int, text: str) -> float:
    """10 to the ``exponent``, for a number written with one ("×10^6"); beyond ±300 it is out of range."""
    if abs(exponent) > _MAX_EXPONENT:
        raise ValueParseError(text, f"10^{exponent} is out of the range claimcheck handles (|x| < 1e300)")
    return 10.0 ** exponent


class Number:
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

    def scaled(self, factor: float, word: str) -> Number:
        return Number(self.value * factor, self.half_unit * factor, self.round_half_unit * factor, False, self.words,
                       f"{self.written} {word}", word)


def read_digits(text: str, token: str) -> Number:
    plain = token.replace(",", "")
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise ValueParseError(text, f"{token!r} is not a number") from None
    if not number.is_finite() or abs(number.adjusted()) > _MAX_EXPONENT:
        raise ValueParseError(text, f"{token!r} is out of the range claimcheck handles (|x| < 1e300)")
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    half_unit = 0.5 * 10.0**exponent if exponent < 0 or "e" in plain else 0.5
    trailing_zeros = 0
    if exponent >= 0 and "e" not in plain:
        stripped = plain.rstrip("0")
        trailing_zeros = len(plain) - len(stripped) if stripped else 0
    round_half_unit = 0.5 * 10.0**trailing_zeros if trailing_zeros else half_unit
    return Number(float(number), half_unit, round_half_unit, exponent >= 0 and "." not in plain and "e" not in plain,
                   False, token)


def word_number(cur: Cursor) -> Number | None:
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
        if all(p in SMALL_NUMBERS or p in TENS for p in parts) and len(parts) <= 2:
            current += sum(SMALL_NUMBERS.get(p, 0) + TENS.get(p, 0) for p in parts)
        elif token in ("dozen", "hundred", "hundreds") and current >= 100:
            break  # "two hundred hundred" is no number; stopping here also keeps repeated words from growing it
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred" or token == "hundreds" and current:
            current = (current or 1) * 100
        elif token == "thousand" and seen:
            total += (current or 1) * 1000
            current = 0
        elif token == "and" and seen and (current >= 100 or total) and (following := cur.peek(1)) is not None and (
                following in SMALL_NUMBERS or following.split("-")[0] in TENS):
            ahead = Cursor(cur.text, cur.tokens)
            ahead.i = cur.i + 1
            if fraction_words(ahead) is not None:
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
        return Number(float(f"{int(value)}.{decimals}"), 0.0, 0.0, False, True, " ".join(cur.tokens[start:cur.i]))
    return Number(value, 0.0, 0.0, True, True, " ".join(cur.tokens[start:cur.i]))


def _spoken_decimals(cur: Cursor) -> str | None:
    """The digits after "point", spoken a word at a time: "point seventy-one" is .71, "point nought four" .04."""
    if cur.peek() != "point":
        return None
    start = cur.i
    cur.take()
    digits = ""
    while (word := cur.peek()) is not None:
        spoken = 0 if word == "oh" else small_word_value(word)
        if spoken is None:
            break
        digits += str(spoken)
        cur.take()
    if not digits:
        cur.i = start
        return None
    return digits


def read_number(cur: Cursor) -> Number | None:
    token = cur.peek()
    if token is None:
        return None
    negative = False
    if token in ("-", "minus", "negative") and (following := cur.peek(1)) is not None and (
            following[0].isdigit() or token != "-" and starts_word_number(following)):
        cur.take()
        negative = True
        token = cur.peek()
        assert token is not None
    if token in VULGAR:
        cur.take()
        return Number(VULGAR[token], 0.0, 0.0, False, False, token)
    if token[0].isdigit() or token[0] == ".":
        cur.take()
        number = read_digits(cur.text, token)
        exponent = _times_ten_to(cur)
        if exponent is not None:  # "2.48×10−5", "1.3x10^6"
            factor = power_of_ten(exponent, cur.text)
            number = Number(number.value * factor, number.half_unit * factor, number.round_half_unit * factor,
                             False, False, f"{number.written}×10^{exponent}")
        slash = _digit_fraction(cur) if number.integer_written else None
        if slash is not None:
            how, amount = slash
            value = number.value / amount if how == "over" else number.value + amount
            number = Number(value, 0.0, 0.0, False, False, " ".join(cur.tokens[cur.i - (3 if how == "over" else 4):cur.i]))
        elif cur.peek() in VULGAR and number.integer_written:
            number = Number(number.value + VULGAR[cur.take()], 0.0, 0.0, False, False, token)
    else:
        fraction = fraction_words(cur)  # "three halves", "twenty-three fifths"
        found = Number(fraction[0], 0.0, 0.0, False, True, fraction[1]) if fraction else word_number(cur)
        if found is None:
            return None
        number = found
    if number.integer_written or number.words:
        extra = and_a_fraction(cur)  # "two and a half", "one hundred and three quarters"
        if extra is not None:
            number = Number(number.value + extra[0], 0.0, 0.0, False, True, f"{number.written} and {extra[1]}")
    if cur.peek() == "a" and number.value == 0.5 and cur.peek(1) in SCALES:
        cur.take()  # "half a dozen", "half a million"
    whole = number.integer_written and not number.words
    number = scale_number(cur, number)
    if whole and number.scale_word in _GROUP_SCALES:
        number = _digit_groups(cur, number)
    check_magnitude(number.value, cur.text)
    if negative:
        number.value = -number.value
        number.written = ("minus " if number.words else "-") + number.written
    return number


def check_magnitude(value: float, text: str) -> None:
    """Every number read, and every bound made of one, is finite and below 1e300 in size."""
    if not abs(value) <= MAX_MAGNITUDE:  # NaN fails this too
        raise ValueParseError(text, "the number is out of the range claimcheck handles (|x| < 1e300)")


def scale_number(cur: Cursor, number: Number) -> Number:
    """The number times the scale words after it: "2.5 million", "three lakh crore", "3 million and a half"."""
    scale = cur.peek()
    if scale not in SCALES or scale in ("m", "b") and not _letter_scale(cur.peek(1)):
        return number
    cur.take()
    factor = SCALES[scale]
    if scale in ("dozen", "dozens") and number.integer_written:
        return Number(number.value * 12, 0.0, 0.0, True, number.words, f"{number.written} {scale}")  # exact: 3 dozen is 36
    number = number.scaled(factor, scale)
    following = cur.peek()
    if following in SCALES and following not in ("m", "b", "k") and SCALES[following] > factor:
        cur.take()  # "two hundred million", "three lakh crore"
        factor *= SCALES[following]
        number = number.scaled(SCALES[following], following)
    extra = and_a_fraction(cur)
    if extra is not None:
        value, written = extra
        if cur.peek() in SCALES and cur.peek() not in ("m", "b", "k"):
            smaller = cur.take()  # "one billion and a half million": the half is of a million
            value, written = value * SCALES[smaller] / factor, f"{written} {smaller}"
        number = Number(number.value + value * factor, 0.0, 0.0, False, True, f"{number.written} and {written}",
                         number.scale_word)
    return number


# Words after a length that say which one it is: "12m high", "a 5 km long queue", "2 1/2 in thick".
DIMENSION_WORDS = frozenset({"high", "tall", "long", "wide", "deep", "thick", "across", "away", "apart"})

# After "m", words that make it a metre: "12m high", "5m long", "3m of water" (and a plural noun, a
# million: "3.4m tonnes", "12m people").
LENGTH_WORDS = frozenset({"underground", "below", "above", "of", "in", "per", "/", "^", "squared", "cubed", "x", "×",
                          "by", "from", "to", "-", "and", "or"}) | DIMENSION_WORDS


def _letter_scale(following: str | None) -> bool:
    """Whether "m" or "b" after a number is a scale (million, billion), given the token after it."""
    if following is None or following in CURRENCY_WORDS:
        return True  # "£12m", "12m dollars"; at the end, a million as news writes it
    return following not in LENGTH_WORDS and following.isalpha() and len(following) > 2 and (
        following.endswith("s") or following in _PLURALS_WITHOUT_S)


_PLURALS_WITHOUT_S = frozenset({"people", "children", "men", "women", "staff", "cattle", "sheep", "livestock",
                                "personnel", "youth", "poultry", "fish"})


def _times_ten_to(cur: Cursor) -> int | None:
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


def _digit_groups(cur: Cursor, number: Number) -> Number:
    """Smaller groups of digits after a scale word: "4 thousand 3 hundred and 21" is 4321, exactly.

    A group needs a scale word of its own ("3 hundred") or, after a hundred only, "and" ("and 21"):
    "$5 million and 300 jobs" stays two values.
    """
    factor = SCALES[number.scale_word or "hundred"]
    total, written = number.value, number.written
    while True:
        start = cur.i
        with_and = cur.accept("and")
        token = cur.peek() or ""
        spoken = small_word_value(token) if with_and else None  # "3 hundred and one"
        if with_and and factor != 100 or not token.isdigit() and spoken is None:
            cur.i = start
            break
        cur.take()
        group, scale = float(spoken if spoken is not None else token), None
        following = cur.peek()
        if not with_and and following in _GROUP_SCALES and SCALES[following] < factor:
            scale = cur.take()
            group *= SCALES[scale]
        if group >= factor or scale is None and not with_and or with_and and cur.peek() in SCALES:
            cur.i = start  # "3 hundred and 2 hundred" are two numbers
            break
        total += group
        written += f"{' and' if with_and else ''} {token}{' ' + scale if scale else ''}"
        if scale is None:
            break
        factor = SCALES[scale]
    if total == number.value:
        return number
    return Number(total, 0.0, 0.0, True, False, written)


def small_word_value(token: str) -> int | None:
    """one ... nineteen, twenty ... ninety, twenty-one: the number a single word writes, else None."""
    if token in SMALL_NUMBERS:
        return SMALL_NUMBERS[token]
    parts = token.split("-")
    if parts[0] in TENS and (len(parts) == 1 or len(parts) == 2 and parts[1] in SMALL_NUMBERS and 0 < SMALL_NUMBERS[parts[1]] < 10):
        return TENS[parts[0]] + (SMALL_NUMBERS[parts[1]] if len(parts) == 2 else 0)
    return None


def starts_word_number(token: str) -> bool:
    return small_word_value(token) is not None or token in ("a", "an", "hundred", "thousand")


def fraction_words(cur: Cursor) -> tuple[float, str] | None:
    """A fraction in words, as a number: a half, one-third, three quarters, five eighths, twenty-three fifths.

    A singular that is also an ordinal ("third", "fifth") is a fraction only after a, an or one:
    "the third" is an ordinal. The cursor is left where it was when there is no fraction.
    """
    token = cur.peek()
    if token is None:
        return None
    head, _, tail = token.partition("-")
    if tail in FRACTIONS and (head in ("a", "an") or small_word_value(head) is not None):
        numerator = 1 if head in ("a", "an") else small_word_value(head)
        assert numerator is not None
        if tail in _FRACTION_PLURAL or numerator == 1:
            cur.take()
            return numerator / FRACTIONS[tail], token
    numerator = 1 if token in ("a", "an") else small_word_value(token)
    following = cur.peek(1)
    if numerator is not None and following is not None:
        if following in _FRACTION_PLURAL and numerator >= 1 or following in _FRACTION_SINGULAR and numerator == 1:
            cur.take()
            cur.take()
            return numerator / FRACTIONS[following], f"{token} {following}"
        if following == "half" and token == "one":
            cur.take()
            cur.take()
            return 0.5, "one half"
    if token in ("half", "quarter"):  # "half of them", "half a million", "quarter million"
        cur.take()
        return 1 / FRACTIONS[token], token
    return None


def and_a_fraction(cur: Cursor) -> tuple[float, str] | None:
    """ "and a half", "and three quarters" after a whole number; the cursor stays put otherwise."""
    if cur.peek() != "and":
        return None
    start = cur.i
    cur.take()
    found = fraction_words(cur)
    if found is None or found[0] >= 1:
        cur.i = start
        return None
    return found

VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
           "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
           "⅑": 1 / 9, "⅒": 1 / 10}

VULGAR_FRACTIONS = frozenset(VULGAR)  # for the extractor


def _digit_fraction(cur: Cursor) -> tuple[str, float] | None:
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


def fraction_share(cur: Cursor) -> tuple[float, str] | None:
    """half, a third, one-third, two-thirds, a quarter, three quarters: a share in percent (below one whole)."""
    start = cur.i
    found = fraction_words(cur)
    if found is None:
        return None
    if found[0] > 1:  # "three halves" is a number, not a share
        cur.i = start
        return None
    return 100.0 * found[0], found[1]

_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
_UNIT_ORDINALS = {word: n for word, n in ORDINALS.items() if word.isalpha()}
_UNIT_ORDINALS.update({word: 10 + k for k, word in enumerate(
    "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), start=1)})
_UNIT_ORDINALS["hundredth"] = 100
_TENS_ORDINAL_VALUES = {word: TENS[number] for number, word in _TENS_ORDINALS.items()}  # twentieth ... ninetieth


def ordinal_word_value(token: str) -> int | None:
    """first ... nineteenth, twentieth ... ninetieth, twenty-first ... ninety-ninth, hundredth; else None."""
    if token in _UNIT_ORDINALS:
        return _UNIT_ORDINALS[token]
    if token in _TENS_ORDINAL_VALUES:
        return _TENS_ORDINAL_VALUES[token]
    head, _, tail = token.partition("-")
    if head in TENS and tail in _UNIT_ORDINALS and _UNIT_ORDINALS[tail] < 10:
        return TENS[head] + _UNIT_ORDINALS[tail]
    return None


def read_ordinal(cur: Cursor) -> int | None:
    """An ordinal, consumed: '31st' (read as the tokens '31', 'st'), 'twelfth', 'twenty-eighth'; else None."""
    token = cur.peek()
    if token is None:
        return None
    if token.isdigit() and cur.peek(1) in _ORDINAL_SUFFIXES:
        if not _suffix_fits(int(token), cur.peek(1) or ""):
            raise ValueParseError(cur.text, f"'{token}{cur.peek(1)}' is not an ordinal (did you mean "
                                            f"{ordinal_text(int(token))!r}?)")
        cur.take()
        cur.take()
        return int(token)
    value = ordinal_word_value(token)
    if value is not None:
        cur.take()
    return value


def _suffix_fits(number: int, suffix: str) -> bool:
    """'31st', '12th', '22nd' fit; '31th' and '12st' do not (a typo or no ordinal at all)."""
    if number % 100 in (11, 12, 13):
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal_text(n: int) -> str:
    """31 is '31st', 12 is '12th'."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


__all__ = ["FRACTIONS", "FRACTION_WORDS", "MAX_MAGNITUDE", "ORDINALS", "SCALES", "SMALL_NUMBERS", "TENS", "VULGAR",
           "VULGAR_FRACTIONS", "Number", "and_a_fraction", "check_magnitude", "fraction_share", "fraction_words",
           "ordinal_text", "ordinal_word_value", "power_of_ten", "read_digits", "read_number", "read_ordinal",
           "scale_number", "small_word_value", "starts_word_number", "word_number"]
