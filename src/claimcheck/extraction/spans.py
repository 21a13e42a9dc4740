"""Where values are written: which tokens may start one, and which spans around them to hand the grammar.

Around each number (digits, number words, fractions, "doubled", "the largest") a span grows to the
left over a sign, a currency, a hedge, "between" or "from", and the word of a change ("rose",
"fell by", "an increase of"); to the right over scale words, units, currencies, ranges, a second
bound, rates, suffix hedges, the noun of a change ("increase", "lower") and a counted noun. The
spans are tried longest first, and the grammar decides which one is a value.
"""

from __future__ import annotations

from functools import lru_cache

from claimcheck.errors import ClaimcheckError
from claimcheck.extraction.names import YEAR_DIGITS
from claimcheck.extraction.text import Token
from claimcheck.extraction.words import (
    HEDGES_BY_FIRST,
    HEDGES_BY_LAST,
    MONTHS,
    MULTIPLES,
    NOT_COUNTED,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    RANKS,
    SCALE,
    plural,
    unitish,
)
from claimcheck.read.currencies import CURRENCY_BEFORE, CURRENCY_NAME_WORDS, DOLLAR_LETTERS
from claimcheck.read.forms import CHANGE_AFTER, CHANGE_NOUNS, CHANGE_VERBS
from claimcheck.read.grammar import parse_value
from claimcheck.read.numbers import DIMENSION_WORDS, FRACTION_WORDS, VULGAR_FRACTIONS
from claimcheck.read.values import Value


@lru_cache(maxsize=16384)
def read_value(text: str, unit: str | None = None) -> Value | None:
    """The value grammar's reading of a span, or None where it reads none (cached: news repeats itself, but
    a cache as large as a long text's values would hold them all twice)."""
    try:
        return parse_value(text, unit=unit)
    except ClaimcheckError:
        return None


def is_anchor(tokens: list[Token], i: int) -> bool:
    """Whether a value may be written around the token at ``i``: a number, a number word, a rank word..."""
    token = tokens[i]
    low = token.low
    if token.kind == "num":
        return True
    if token.kind != "word":
        return token.text in VULGAR_FRACTIONS
    if low in NUMBER_WORDS or low in MULTIPLES:
        return True
    if low in ("a", "an") and i + 1 < len(tokens) and (tokens[i + 1].low in ("dozen", "hundred", "thousand", "majority")
                                                       or tokens[i + 1].low in FRACTION_WORDS
                                                       and not _ordinal_after_a(tokens, i + 1)):
        return True
    if low in ("half", "quarter") and i + 1 < len(tokens) and (tokens[i + 1].low in ("a", "an", "of") or
                                                                tokens[i + 1].low in SCALE):
        return True  # "half a million", "half of its trade", "quarter million"
    if low == "half" and i > 0 and tokens[i - 1].low in ("than", "by", "roughly", "about", "nearly", "almost",
                                                          "around", "over", "under", "just"):
        return True  # "more than half", "cut by half", "roughly half what it paid"
    if low in ("majority", "minority") and i > 0 and tokens[i - 1].low in ("a", "the"):
        return True
    if low in RANKS and i > 0 and ((tokens[i - 1].low == "the" and low != "top")
                                    or tokens[i - 1].low.endswith(("'s", "’s"))):
        return True  # "the largest", "ASEAN's largest", "China's top"
    if low in ORDINAL_WORDS and i + 1 < len(tokens) and (
            tokens[i + 1].low in RANKS - {"top"}
            or [t.low for t in tokens[i + 1:i + 4]] == ["of", "its", "kind"]):
        return True  # "the second largest economy", "the first of its kind"
    if low == "most" and i + 1 < len(tokens) and (tokens[i + 1].low == "of" or
                                                  (tokens[i + 1].low.endswith("s") and tokens[i + 1].low.isalpha()
                                                   and len(tokens[i + 1].low) > 3)):
        return True  # "most countries in the region": a majority
    if "-" in low and low.split("-")[0] in NUMBER_WORDS:
        return True
    return False


def _ordinal_after_a(tokens: list[Token], at: int) -> bool:
    """'a sixth straight meeting', 'a third term': an ordinal, where a noun follows; 'a third of', 'by a third'
    are fractions."""
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    return tokens[at].low in ORDINAL_WORDS and following is not None and following.kind == "word" and \
        following.low not in NOT_COUNTED and following.low not in ("more", "less", "fewer", "higher", "lower") and \
        following.low not in SCALE


def spans_to_try(tokens: list[Token], i: int) -> list[tuple[int, int]]:
    """Token ranges around the anchor at ``i`` to try, longest first."""
    n = len(tokens)
    left = i
    if left > 0 and tokens[left - 1].text in ("-", "−") and tokens[left - 1].end == tokens[i].start and \
            (left == 1 or tokens[left - 2].end < tokens[left - 1].start or tokens[left - 2].text in "($<>="):
        left -= 1  # a minus sign: "-15€", "-1e-3 W/min"
    if left > 0 and tokens[left - 1].low in ("minus", "negative") and tokens[i].kind in ("num", "word"):
        left -= 1  # "minus five", "negative 3"
    elif left > 1 and tokens[left - 1].text == "-" and tokens[left - 2].low in ("minus", "negative") and \
            tokens[left - 2].end == tokens[left - 1].start and tokens[left - 1].end == tokens[i].start:
        left -= 2  # "minus-40 degrees"
    # Leftwards: currency signs and words, "the" before ranks, hedges, "between", "from".
    if left > 1 and tokens[left - 1].text in DOLLAR_LETTERS and tokens[left - 2].text == "$" and \
            tokens[left - 2].end == tokens[left - 1].start:
        left -= 2  # "$A5 million", "$US45 million"
    elif left > 0 and tokens[left - 1].low in CURRENCY_BEFORE:
        left -= 1
        if left > 0 and tokens[left].text == "$" and (tokens[left - 1].low in CURRENCY_BEFORE - {"$"} or
                                                      tokens[left - 1].text in DOLLAR_LETTERS) \
                and tokens[left - 1].kind == "word":
            left -= 1  # "us $ 150 million", "C$ 300 million", "HK$ 10 billion", "A$5"
    if left > 0 and tokens[left - 1].low in ("a", "an", "the") and tokens[i].low in {"majority", "minority"} | RANKS:
        left -= 1
    unhedged = left  # the span without its hedge: "c $ 16.4 million" when "between c $ 16.4 million" is no range
    for phrase in HEDGES_BY_LAST.get(tokens[left - 1].low, ()) if left > 0 else ():
        k = len(phrase)
        if left - k >= 0 and all(tokens[left - k + j].low == word for j, word in enumerate(phrase)):
            glued = left - k > 0 and tokens[left - k - 1].text in "<>=" and tokens[left - k - 1].end == tokens[left - k].start
            if not glued:  # "<>30" and "=>30" are no hedges claimcheck knows
                left -= k
            break
    if left > 0 and tokens[left - 1].low == "just" and tokens[left].low in ("over", "under", "above", "below"):
        left -= 1
    # "from 200 to 300" is a range, but "grew from 15 to 25 members" two values: a level before the
    # change and a level after it.
    from_left = None
    ends_at_to = False
    if left > 0 and tokens[left - 1].low == "from":
        ends_at_to = changed_before(tokens, left - 1) is not None
        from_left = None if ends_at_to else left - 1
    changed = changed_before(tokens, left)  # "rose over 5%", "fell by a third", "cut output by 2 million barrels"
    if tokens[i].low in RANKS or tokens[i].low == "most":
        return [(left, i + 1)]
    if tokens[i].low in ORDINAL_WORDS:
        if i + 1 < n and tokens[i + 1].low in RANKS:
            return [(left, i + 2)]
        return [(i, i + 1)]
    # Rightwards: numbers, scale words, units, ranges, "of the top ten", rates, suffix hedges.
    right = i + 1
    limit = min(n, i + 14)
    bounded_twice = False
    ends: list[int] = []  # token indices a value may end before
    prev_end = tokens[i].end
    while right < limit:
        token = tokens[right]
        low = token.low
        if ends_at_to and low in ("to", "-", "–"):
            break  # "grew from 15 to 25 members": the second number is a value of its own
        if low == "a" and [t.low for t in tokens[right + 1:right + 3]][:1] == ["year"] and right + 2 < n and \
                tokens[right + 2].low in ("earlier", "ago", "later", "before", "after", "on") and \
                (right + 3 >= n or tokens[right + 3].low != "average"):
            break  # "$1.17 billion a year earlier" is no rate
        second_bound = second_bound_at(tokens, right) if low in ("and", "but", ",") and not bounded_twice else 0
        if second_bound:
            bounded_twice = True  # one second bound at most: a chain of them would make spans grow without end
            right += second_bound  # "greater than 100 and smaller than 300": on to the second number
            prev_end = tokens[right - 1].end
            limit = min(n, limit + second_bound)
            continue
        if low in ("of", "out") and not any(t.kind == "num" or t.low in NUMBER_WORDS or t.low in SCALE
                                            for t in tokens[right + 1:right + 4]) and \
                [t.low for t in tokens[right + 1:right + 3]][-1:] not in (["percentage"], ["point"], ["basis"]):
            break  # "eight of the top ten" goes on to its denominator; "one-third of the total" stops here;
            # "a quarter of a percentage point" goes on to its unit
        if low == "in" and right == i + 1 and right + 1 < n and (
                tokens[right + 1].low in NUMBER_WORDS or tokens[right + 1].kind == "num"
                and not YEAR_DIGITS.fullmatch(tokens[right + 1].text)):
            right += 1  # "one in five adults"; "5 in 2020" is a value and a period
            prev_end = token.end
            continue
        if token.kind == "num" or low in _GROWS or low.endswith("-fold") \
                or low in CHANGE_AFTER and ends or low == "old" and tokens[right - 1].text == "-":
            # ... and what closes a change ("a 38% increase", "two points lower"), an age ("-year-old")
            right += 1
            prev_end = token.end
            ends.append(right)
            continue
        if low in DIMENSION_WORDS and right > i + 1 and tokens[right - 1].low == "m":
            right += 1  # "12m high" is a height; "12m" alone, twelve million
            ends.append(right)
            break
        glued = token.start == prev_end
        last_word = right + 1 == n or right + 2 == n and tokens[right + 1].kind == "dot"
        if (token.kind == "word" and (unitish(token.text) or low in ("pm", "am") and "." in tokens[i].text
                                      or low == "in" and _after_a_number(tokens, right) and
                                      (last_word or right + 1 < n and tokens[right + 1].low in DIMENSION_WORDS))) \
                or low in _UNIT_MARKS or \
                (token.kind == "num" and glued and tokens[right - 1].kind == "word") or \
                (low in ("-", "−") and glued and right + 1 < n and tokens[right + 1].kind == "num"
                 and tokens[right - 1].kind == "word"):
            right += 1  # a unit: "km", "kilometres per hour", "km/s2", "J/m^2", "°C", "s-1"
            prev_end = token.end
            ends.append(right)
            continue
        if token.kind == "word" and low not in NOT_COUNTED and low not in MONTHS:
            if token.text[:1].isupper() and token.text != token.text.upper() or token.text.isupper() and len(low) > 1:
                # a capitalized name of what is counted: "Two Economic Corridors", "five Central Asian countries";
                # but not a model's name: "3 million Galaxy S24 phones", "20 Airbus A320neo jets"
                if _ends_in_a_code(tokens, right):
                    break
                right += 1
                if right < n and (tokens[right].text[:1].isupper() or plural(tokens[right].low)):
                    continue
                ends.append(right)
                break
            if tokens[i].low in ("one", "1", "a", "an") and low not in ("hand", "of", "after", "another") and low.isalpha():
                right += 1  # "one country"
                ends.append(right)
                break
            # the counted noun, after up to two adjectives: "18 countries", "four new military bases"
            for j in range(right, min(n, right + 3)):
                word = tokens[j]
                if word.kind != "word" or word.low in NOT_COUNTED or word.low in MONTHS:
                    break
                if plural(word.low):
                    right = j + 1
                    ends.append(right)
                    break
            break
        break
    longest_first = sorted(set(ends), reverse=True)
    spans = [(from_left, end) for end in longest_first[:2]] if from_left is not None else []  # a range ends late
    if changed is not None:
        spans += [(changed, end) for end in longest_first] + [(changed, i + 1)]
    spans += [(left, end) for end in longest_first]
    spans.append((left, i + 1))
    if left < unhedged < i:  # a hedge before a currency sign: the money without the hedge is tried too
        spans += [(unhedged, end) for end in longest_first[:2]]
    if left < i:
        spans += [(i, end) for end in longest_first] + [(i, i + 1)]
    return spans


# Verbs whose "up" or "down" is no rise or fall: "has taken up over 60% of its trade", "made up 5%".
_PHRASAL = {"rack", "racks", "racked", "take", "takes", "taken", "took", "taking", "make", "makes", "made", "making", "set", "sets", "pick",
            "picks", "picked", "shut", "shuts", "break", "breaks", "broke", "broken", "turn", "turns", "turned", "sum",
            "sums", "summed", "add", "adds", "added", "adding", "line", "lined", "bring", "brought", "end", "ended",
            "wind", "wound", "settle", "settled", "back", "backed", "write", "wrote", "written", "mark", "marked"}


# "raised $12 million" is money a company raised, not a rise; "raised rates by 0.25 points" is one.
_RAISED_MONEY = {"raise", "raises", "raised", "raising"}


def changed_before(tokens: list[Token], at: int) -> int | None:
    """Where the word of a change begins, when one stands before the token at ``at`` (the start of a value):
    "rose 5%", "fell by a third", "cut its fleet by half", "an increase of 5%"; else None."""
    for filler in (("an", "average", "of"), ("an", "average"), ("on", "average"), ("average", "of")):
        if at >= len(filler) and tuple(t.low for t in tokens[at - len(filler):at]) == filler:
            at -= len(filler)  # "rose by an average of 4% a year"
            break
    if at > 0 and tokens[at - 1].low == "by":
        for j in range(at - 2, max(-1, at - 6), -1):
            if tokens[j].low in CHANGE_VERBS:
                return j
            if tokens[j].kind != "word" or tokens[j].low in NOT_COUNTED - {"its", "their", "the", "a"}:
                return None
        return None
    if at > 0 and tokens[at - 1].low in CHANGE_VERBS and tokens[at - 1].low not in _RAISED_MONEY and \
            not (tokens[at - 1].low in ("up", "down") and at > 1 and tokens[at - 2].low in _PHRASAL):
        return at - 1
    if at > 1 and tokens[at - 1].low == "of" and tokens[at - 2].low in CHANGE_NOUNS:
        return at - 2
    return None


# What a value's span grows over to the right: numbers, scale words, ranges, "of the top ten", bounds, rates.
_GROWS = NUMBER_WORDS | SCALE | FRACTION_WORDS | CURRENCY_NAME_WORDS | {
    "and", "-", "–", "−", "±", "to", "a", "an", "of", "the", "top", "out", "its", "their", "%", "percent", "per", "cent",
    "percentage", "points", "point", "times", "fold", "x", "×", "or", "more", "less", "fewer", "above", "below", "over",
    "under", "plus", "+", "year", "every", "each", "annually", "annum", "yearly", "pp", "higher", "lower", "greater",
    "doubled", "tripled", "quadrupled", "halved", "hundreds", "through", "~", "equal", "nought", "naught", "nearly",
    "almost", "about", "roughly"}
# ... and the marks that build a unit: "km/s", "J/m^2", "°C", "square miles".
_UNIT_MARKS = {"/", "^", "°", "squared", "cubed", "square", "cubic", "sq", "degrees", "degree"}
# Words a value may be written around (digits and the vulgar fractions aside).
ANCHOR_WORDS = frozenset(NUMBER_WORDS | MULTIPLES | RANKS | ORDINAL_WORDS | {"a", "an", "half", "quarter", "majority",
                                                                               "minority", "most"})


def _ends_in_a_code(tokens: list[Token], at: int) -> bool:
    """Whether the run of capitalized words from ``at`` ends in letters glued to digits ("Galaxy S24")."""
    j = at
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].text[:1].isupper() and j < at + 4:
        if j + 1 < len(tokens) and tokens[j + 1].kind == "num" and tokens[j + 1].start == tokens[j].end:
            return True
        j += 1
    return False


def _after_a_number(tokens: list[Token], at: int) -> bool:
    """Whether the token before ``at`` is a number or a fraction of one ("2 in.", "2 1/2 in")."""
    return at > 0 and (tokens[at - 1].kind == "num" or tokens[at - 1].text in VULGAR_FRACTIONS)


def second_bound_at(tokens: list[Token], at: int) -> int:
    """How many tokens "and less than or equal to" takes before a number at ``at``; 0 if it is not that."""
    start = at + 1 + (tokens[at].low == "," and at + 1 < len(tokens) and tokens[at + 1].low == "and")
    if start >= len(tokens):
        return 0
    for phrase in HEDGES_BY_FIRST.get(tokens[start].low, ()):
        end = start + len(phrase)
        if end < len(tokens) and [t.low for t in tokens[start:end]] == list(phrase) and \
                (tokens[end].kind == "num" or tokens[end].low in NUMBER_WORDS):
            return end - at
    return 0


__all__ = ["ANCHOR_WORDS", "changed_before", "is_anchor", "read_value", "second_bound_at", "spans_to_try"]
