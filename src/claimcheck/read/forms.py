"""Values that are not a hedged number: majorities, ranks, change multiples, "one in five", "eight of ten"."""

from __future__ import annotations

from claimcheck.errors import ValueParseError
from claimcheck.read import units
from claimcheck.read.currencies import CURRENCY_NAMES_BY_FIRST, CURRENCY_SYMBOLS, CURRENCY_WORDS
from claimcheck.read.hedges import HEDGE_WORDS, Hedge, finish, make, prefix_hedge, suffix_hedge
from claimcheck.read.numbers import ORDINALS, SCALES, SMALL_NUMBERS, Number, ordinal_text, read_number, read_ordinal
from claimcheck.read.tokens import Reading
from claimcheck.read.unit_words import declared_unit_of, physical_unit
from claimcheck.read.values import Kind, Value

MULTIPLE_WORDS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}

# Superlatives that rank first by the measure they qualify ("the busiest port", "the oldest member"); any
# word in -iest is one too (busiest, wealthiest, costliest). Words in -est that are no superlative
# (interest, forest, protest) are why the others are listed.
_RANK_WORDS = {"largest", "biggest", "top", "highest", "leading", "greatest", "oldest", "newest", "tallest",
               "longest", "deepest", "fastest", "strongest", "richest", "poorest", "smallest", "lowest", "youngest",
               "cheapest", "widest", "best", "worst", "hottest", "coldest", "warmest", "wettest", "safest",
               "slowest", "shortest", "closest", "densest", "brightest", "cleanest", "greenest", "finest",
               "loudest", "quickest", "rarest", "toughest", "weakest", "wildest", "hardest", "harshest", "steepest",
               "sharpest", "thinnest", "broadest", "grandest", "lightest", "purest", "fewest", "dearest"}


def _is_rank_word(word: str) -> bool:
    return word in _RANK_WORDS or (len(word) > 5 and word.endswith("iest") and word.isalpha())


def _hyphenated_superlative(word: str, *, after_the: bool) -> int | None:
    """The rank a superlative written with hyphens gives, else None: "fastest-growing", "best-selling" and
    "most-visited" are first, "second-largest" second, "third-fastest-growing" third."""
    parts = word.split("-")
    ordinal = 1
    if len(parts) >= 2 and parts[0] in ORDINALS:
        ordinal = ORDINALS[parts[0]]
        parts = parts[1:]
    if parts[0] == "most" and len(parts) == 2 and _superlative(parts[1], after_the=after_the):
        return ordinal  # "the most-visited"
    if _is_rank_word(parts[0]) and len(parts) <= 2 and all(part.isalpha() for part in parts):
        return ordinal  # "fastest-growing", "highest-paid", "third-busiest"
    return None


def is_superlative(word: str) -> bool:
    """Whether a word of a value is a superlative, in any of the ways the rank grammar reads one."""
    return _is_rank_word(word) or _hyphenated_superlative(word, after_the=True) is not None

_FILLER = {"has", "have", "had", "been", "is", "are", "was", "were", "the", "it", "increased", "grown", "grew",
           "rose", "risen", "expanded", "by", "of"}


def measured_fraction(p: Reading) -> bool:
    """After a fraction: whether a scale word, a currency or a unit follows, making it a number."""
    cur = p.cur
    j = cur.i + (2 if cur.peek() == "of" and cur.peek(1) in ("a", "an") else 1 if cur.peek() == "a" else 0)
    following = cur.tokens[j] if j < len(cur.tokens) else None
    if following in SCALES and following not in ("m", "b", "k"):
        return True
    if j != cur.i and following in ("percentage", "point", "points", "basis"):
        return True  # "a quarter of a percentage point", "half a point": a number of points
    if j != cur.i or following is None or following == "of":
        return False
    if following in CURRENCY_WORDS or following in CURRENCY_SYMBOLS or following in CURRENCY_NAMES_BY_FIRST:
        return True
    start = cur.i
    unit = physical_unit(p, len(cur.tokens) - cur.i)
    cur.i = start
    return unit is not None


_ADJECTIVE_ENDINGS = ("ed", "en", "ous", "ful", "ive", "able", "ible", "ant", "ent", "ic", "al", "ar", "less")


def _superlative(word: str | None, *, after_the: bool) -> bool:
    """'most' before an adjective is a superlative ('most used', 'the most popular'); before a noun or
    'of' ('most countries', 'most of') it is a majority."""
    if word is None or word == "of" or not word.isalpha():
        return False
    plural = word.endswith("s") and not word.endswith(("ous", "ss", "less"))
    return after_the or (not plural and word.endswith(_ADJECTIVE_ENDINGS))


def majority(p: Reading) -> Value | None:
    cur = p.cur
    start = cur.i
    cur.accept("a")
    if cur.peek() == "most" and _superlative(cur.peek(1), after_the=start > 0 and cur.tokens[start - 1] == "the"):
        return None  # "the most used", "most populous": a rank, read by rank()
    if cur.accept("majority") or cur.accept("most"):
        cur.accept("of")
        skip_of_tail(p, allow_any=True)
        return make(p, p.text, "share", units.PERCENT, 50.0, 100.0, False, True, 50.0, 100.0,
                          "majority: more than half, (50, 100] percent", "over 50%")
    if cur.accept("minority"):
        cur.accept("of")
        skip_of_tail(p, allow_any=True)
        return make(p, p.text, "share", units.PERCENT, 0.0, 50.0, True, False, 0.0, 50.0,
                          "minority: less than half, [0, 50) percent", "under 50%")
    cur.i = start
    return None


def rank(p: Reading) -> Value | None:
    cur = p.cur
    start = cur.i
    ordinal = 1
    written = read_ordinal(cur)  # "second largest", "31st largest"
    following = cur.peek() or ""
    if written is not None and not following:
        # "the 30th" alone: a position in a count when the unit names what is counted, else a rank.
        if _declared_count_noun(p) is not None:
            cur.i = start
            return None
        return _rank(p, written)
    after_the = start > 0 and cur.tokens[start - 1] == "the"
    if written is not None and (_is_rank_word(following) or _hyphenated_superlative(following, after_the=True)):
        ordinal = written  # "second largest", "second fastest-growing"
    else:
        cur.i = start
    token = cur.peek() or ""
    hyphenated = _hyphenated_superlative(token, after_the=after_the) if "-" in token else None
    if hyphenated is not None:
        cur.take()
        ordinal = hyphenated if hyphenated != 1 else ordinal  # "second-largest"; "second fastest-growing"
    elif _is_rank_word(token):
        cur.take()
    elif token in ("no.", "number") and cur.peek(1) in ("1", "one"):
        cur.take()
        cur.take()
    elif token == "most" and _superlative(cur.peek(1), after_the=after_the):
        cur.take()
    else:
        cur.i = start
        return None
    # "largest trading partner", "top destination": the noun names the measure, not the rank.
    return _rank(p, ordinal)


def _rank(p: Reading, ordinal: int) -> Value:
    p.cur.i = len(p.cur.tokens)
    value = float(ordinal)
    words = {number: word for word, number in ORDINALS.items() if word.isalpha()}
    canonical = "largest" if ordinal == 1 else f"{words.get(ordinal, ordinal_text(ordinal))} largest"
    return make(p, p.text, "rank", units.RANK, value, value, True, True, value, value,
                      f"rank {ordinal}", canonical)


def peek_multiple(p: Reading) -> bool:
    cur = p.cur
    j = cur.i
    while j < len(cur.tokens) and cur.tokens[j] in _FILLER:
        j += 1
    return j < len(cur.tokens) and cur.tokens[j] in MULTIPLE_WORDS


def multiple(p: Reading, hedge: Hedge = "exact") -> Value | None:
    cur = p.cur
    start = cur.i
    if hedge == "exact":
        hedge = prefix_hedge(p)
    while cur.peek() in _FILLER:
        cur.take()
    word = cur.peek()
    if word in MULTIPLE_WORDS:
        cur.take()
        cur.accept("in", "size")
        skip_compared(p)
        if not cur.at_end():
            cur.i = start
            return None
        factor = MULTIPLE_WORDS[word]
        return finish_multiple(p, hedge, Number(factor, 0.0, 0.0, False, True, word))
    token = word or ""
    if token.endswith("fold") and token[:-4].rstrip("-") in SMALL_NUMBERS:
        cur.take()
        skip_compared(p)
        if cur.at_end():
            return finish_multiple(p, hedge, Number(float(SMALL_NUMBERS[token[:-4].rstrip("-")]), 0.0, 0.0,
                                                        False, True, token))
    cur.i = start
    return None


def skip_compared(p: Reading) -> None:
    """'nearly doubled compared with ten years ago': the comparison belongs to the period."""
    cur = p.cur
    if cur.peek() in ("compared", "since", "from", "over", "in", "within") and not cur.at_end():
        cur.i = len(cur.tokens)


def finish_multiple(p: Reading, hedge: Hedge, number: Number) -> Value:
    skip_compared(p)
    if not p.cur.at_end():
        raise p.fail(f"{' '.join(p.cur.rest())!r} is not a unit or phrase claimcheck knows")
    return finish(p, hedge, number, units.MULTIPLE, "change_multiple", multiple=True)


def skip_of_tail(p: Reading, *, allow_any: bool = False) -> None:
    """'nearly one-third of the total number': what follows 'of' names the whole, not a unit."""
    cur = p.cur
    if cur.peek() == "of" or (allow_any and not cur.at_end()):
        cur.i = len(cur.tokens)


def of_denominator(p: Reading, part: float) -> float | None:
    """'eight of the top ten', 'seven out of its ten members': a count and its denominator."""
    cur = p.cur
    start = cur.i
    if not (cur.accept("of") or cur.accept("out", "of")):
        return None
    while cur.peek() in ("the", "its", "their", "top", "all"):
        cur.take()
    number = read_number(cur)
    if number is None or number.value < part:  # "12 out of 10" is no part of a whole
        cur.i = start
        return None
    return number.value


def one_in(p: Reading, part: Number, hedge: Hedge) -> Value | None:
    """'one in five', '1 in 21 adults': a share, the part over the whole; None if it is not that."""
    cur = p.cur
    start = cur.i
    cur.take()
    whole = read_number(cur)
    suffix = suffix_hedge(p) if whole is not None else None  # "2 in 5 or more"
    rest = cur.rest()
    if whole is None or not 0 < part.value <= whole.value or not whole.integer_written or \
            1800 <= whole.value <= 2100 or len(rest) > 3 or \
            not all(word.isalpha() for word in rest):
        cur.i = start
        return None
    cur.i = len(cur.tokens)
    written = f"{part.written} in {whole.written}"
    if suffix is not None and hedge != "exact":
        raise p.fail(f"it is hedged twice ({HEDGE_WORDS[hedge]!r} and {HEDGE_WORDS[suffix]!r})")
    return finish(p, suffix or hedge, Number(100 * part.value / whole.value, 0.0, 0.0, False, True, written),
                        units.PERCENT, "share", fraction_written=written)


def _declared_count_noun(p: Reading) -> str | None:
    """The noun of a declared unit that counts things (``unit: members``), else None."""
    if not p.declared_unit:
        return None
    try:
        _, kind, noun = declared_unit_of(p.text, p.declared_unit)
    except ValueParseError:
        return None
    return noun if kind == "count" else None


def position(p: Reading) -> Value | None:
    """'the 31st member', 'its 12th member state', 'the twelfth member': an ordinal position is a count.

    Whoever is the 31st member makes the members number 31 when it joins: the value is the count
    the position implies at that time. 'The first of its kind' and 'the second largest' are not
    positions in a count (they are ranks).
    """
    cur = p.cur
    start = cur.i
    cur.accept("its") or cur.accept("their") or cur.accept("his") or cur.accept("her")
    n = read_ordinal(cur)
    noun = cur.rest() or (_declared_count_noun(p) or "").split()
    if n is None or not noun or noun[0] == "of" or _is_rank_word(noun[0]) or \
            not all(word.replace("-", "").isalpha() for word in noun):
        cur.i = start
        return None
    counted = " ".join(noun)
    cur.i = len(cur.tokens)
    return make(p, p.text, "count", units.COUNT, float(n), float(n), True, True, float(n), float(n),
                f"ordinal position: the {ordinal_text(n)} {counted}, so a count of {n} once it was reached",
                f"{n} {counted}", counted=counted)


# --- changes: "rose 5%", "fell by a third", "a 38% increase", "down 0.3 percentage points" ----------

_RISE_VERBS = ("rose rise rises rising risen increased increase increases increasing grew grow grows growing grown "
               "gained gain gains gaining climbed climb climbs climbing jumped jump jumps jumping surged surge surges "
               "surging soared soar soars soaring up added adds adding expanded expand expands expanding advanced "
               "advance advances rebounded rebound raised raise raises raising boosted boost boosts lifted").split()
_FALL_VERBS = ("fell fall falls falling fallen dropped drop drops dropping declined decline declines declining "
               "decreased decrease decreases decreasing slipped slip slips slid slide slides sank sink sinks shrank "
               "shrink shrinks shrinking shrunk contracted contract contracts contracting lost lose loses losing down "
               "slumped slump slumps plunged plunge plunges plunging tumbled tumble tumbles eased ease eases dipped "
               "dip dips cut cuts cutting reduced reduce reduces reducing lowered lower lowers slashed slash").split()
CHANGE_VERBS = {word: "up" for word in _RISE_VERBS} | {word: "down" for word in _FALL_VERBS}
# Nouns of a change, before "of" ("an increase of 5%") or after the amount ("a 38% increase").
CHANGE_NOUNS = {word: "up" for word in "increase increases rise rises gain gains jump surge rebound hike growth".split()} | {
    word: "down" for word in "drop fall decline decrease cut cuts reduction loss contraction slump plunge dip".split()}
# What may close an amount that is a change: the nouns, and "higher", "lower" ("14% higher in 2023").
CHANGE_AFTER = CHANGE_NOUNS | {"higher": "up", "lower": "down", "more": "up", "fewer": "down", "less": "down"}

_CHANGE_READING = {"up": "a rise", "down": "a fall"}


def as_change(p: Reading, amount: Value, direction: str, written: str) -> Value:
    """A rise or a fall by ``amount``: by a percentage, a multiple of what was before (rose 5%: ×1.05); by
    percentage points, money, a count or a unit, a difference with its sign (fell $4.5 billion: −4.5 billion)."""
    up = direction == "up"
    bounds = [amount.low_magnitude, amount.high_magnitude, amount.loose_low_magnitude, amount.loose_high_magnitude]
    low_inc, high_inc = amount.low_inclusive, amount.high_inclusive
    if bounds[1] is not None and bounds[1] < 0:
        raise p.fail("the amount of a rise or a fall is written without a sign: its word says which way "
                     "('fell 1', not '-1 less')")
    if bounds[0] is not None and bounds[0] < 0:
        bounds[0], low_inc = 0.0, True  # "rose 0%" is [0, 0.5]: the amount of a change is never below nothing
    bounds[2] = None if bounds[2] is None else max(bounds[2], 0.0)
    kind: Kind
    if amount.unit == units.PERCENT:
        if not up:
            if amount.low_magnitude is not None and amount.low_magnitude >= 100 and not (
                    amount.low_magnitude == 100 and amount.low_inclusive):
                raise p.fail("a fall of more than 100% leaves less than nothing")
            if bounds[1] is None or bounds[1] > 100:
                bounds[1], high_inc = 100.0, True  # "fell by more than 20%": by at most all of it
            bounds[3] = 100.0 if bounds[3] is None or bounds[3] > 100 else bounds[3]
        sign = 1.0 if up else -1.0
        moved = [None if x is None else 1 + sign * x / 100 for x in bounds]
        kind, unit = "change_multiple", units.MULTIPLE
    elif amount.kind in ("amount", "count", "difference", "rate"):
        moved = [None if x is None else (x if up else -x) for x in bounds]
        kind, unit = ("rate" if amount.kind == "rate" else "difference"), amount.unit
    else:
        raise p.fail(f"a {amount.kind} cannot rise or fall; write the amount of the change")
    low, high, loose_low, loose_high = moved if up else (moved[1], moved[0], moved[3], moved[2])
    if not up:
        low_inc, high_inc = high_inc, low_inc
    reading = f"{_CHANGE_READING[direction]} ({written}): {amount.reading}"
    if kind == "change_multiple":
        reading += ", as a multiple of what was before"
    canonical = f"{'rose' if up else 'fell'} {amount.canonical}"
    return make(p, p.text, kind, unit, low, high, low_inc, high_inc, loose_low, loose_high, reading, canonical,
                counted=amount.counted)


def direction_of(value: Value) -> str | None:
    """'up' or 'down' for a change (a rise, a fall, a change multiple); None for a value that is no change."""
    for direction, reading in _CHANGE_READING.items():
        if value.reading.startswith(reading):
            return direction
    if value.kind == "change_multiple":
        if value.low_magnitude is not None and value.low_magnitude >= 1 and value.high_magnitude != 1:
            return "up"
        if value.high_magnitude is not None and value.high_magnitude <= 1 and value.low_magnitude != 1:
            return "down"
    return None


__all__ = ["CHANGE_AFTER", "CHANGE_NOUNS", "CHANGE_VERBS", "as_change", "direction_of", "MULTIPLE_WORDS", "finish_multiple", "majority", "measured_fraction", "multiple", "of_denominator",
           "is_superlative", "one_in", "peek_multiple", "rank", "skip_of_tail"]
