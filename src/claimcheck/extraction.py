"""Drafting claims from raw text: spans that state a value, read by the value and period grammars.

The extractor decides only *where* a value or a date is written. What it means is decided by
``parse_value`` and ``parse_period``, the same grammars a claim file is read with, so a draft
claim reads back exactly as the extractor read it. One pass of one regular expression cuts the
text into tokens, with their offsets into the original text (nothing is normalized in place,
so offsets never drift); spans grow around each number over hedges, ranges, scale words and
units, and are handed to the grammar, longest first.

What is not read, and why:

- numbers inside names: an ordinal before a capitalized word ("the 18th National Congress"), a
  number after a capitalized word or acronym ("CAFTA 3.0", "Article 5", "Windows 11"), and
  numbers glued to letters ("G20", "COVID-19");
- ordinals as fractions: "the third" is an ordinal; only "one-third", "two thirds", "a third"
  and the like are fractions;
- percentages as years: a number followed by "%" or "per cent" is a share, never a date; a
  four-digit number from 1800 to 2100 with nothing after it is a year, read as a period;
- times of day ("2 pm", "4:30") and numbers inside dotted or slashed codes ("192.168.1.2").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import re2

from claimcheck import units
from claimcheck.errors import ClaimcheckError
from claimcheck.periods import Period, parse_period
from claimcheck.values import CURRENCY_BEFORE, CURRENCY_NAME_WORDS, FRACTION_WORDS, VULGAR_FRACTIONS, Value, parse_value
from claimcheck.yamlfile import quoted

# --- tokens -------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?"  # Indian grouping: 12,34,567.89
    r"|\d+(?:[,\u00a0 ]\d{3}(?!\d))*(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*)"
    r"|(?P<sym>US\$|[$€£¥₹₩₽₺₿₡₾₭₦₱₫₴₪฿₮₸%+±~×½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒/:–—\-−(),;!?\"“”\[\]<>=])"
    r"|(?P<dot>\.)"
    r"|(?P<other>\S)",  # spaces match nothing: the search steps over them in C
)


class _Token(NamedTuple):  # a named tuple: built for every word of the text, and cheaper than a dataclass
    kind: str
    text: str
    low: str
    start: int
    end: int


def _tokenize(text: str, start: int, end: int) -> list[_Token]:
    out = []
    for match in _TOKEN.finditer(text, start, end):
        kind = match.lastgroup or "other"
        first, last = match.span()
        word = text[first:last]
        if kind == "num" and (" " in word or "\u00a0" in word):
            # "10 000" is one number, but "2 3" are two: only thousands groups of three may be spaced.
            pieces = re.split(r"[ \u00a0]", word)
            if not all(len(p) == 3 for p in pieces[1:]) or len(pieces[0]) > 3:
                offset = first
                for piece in pieces:
                    out.append(_Token("num", piece, piece, offset, offset + len(piece)))
                    offset += len(piece) + 1
                continue
        out.append(_Token(kind, word, word.lower(), first, last))
    return out


# --- vocabulary of spans ------------------------------------------------------------------------

_NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen".split())
_SCALE = {"thousand", "million", "billion", "trillion", "mn", "bn", "tn", "m", "b", "k", "mln", "trn", "bln", "tln",
          "lakh", "lakhs", "crore", "crores", "dozens"}
_MULTIPLES = {"doubled", "tripled", "trebled", "quadrupled", "halved"}
_RANKS = {"largest", "biggest", "highest", "leading", "greatest", "top"}
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
_HEDGES = [
    ("greater", "than"), ("larger", "than"), ("bigger", "than"), ("higher", "than"), ("smaller", "than"),
    ("lower", "than"), ("surpassing",), ("surpass",), ("surpasses",), (">",), (">", "="), ("<",), ("<", "="),
    ("less", "than", "or", "equal", "to"), ("smaller", "than", "or", "equal", "to"), ("smaller", "or", "equal", "than"),
    ("lower", "or", "equal", "than"), ("less", "or", "equal", "than"), ("equal", "to", "or", "less", "than"),
    ("greater", "than", "or", "equal", "to"), ("more", "than", "or", "equal", "to"), ("bigger", "or", "equal", "than"),
    ("higher", "or", "equal", "than"), ("greater", "or", "equal", "than"), ("equal", "to", "or", "more", "than"),
    ("equal", "to", "or", "greater", "than"), ("at", "least", "or", "equal", "to"), ("exceeds",), ("exceed",),
    ("in", "excess", "of"), ("upwards", "of"), ("more", "than"), ("less", "than"), ("fewer", "than"),
    ("at", "least"), ("at", "most"), ("up", "to"), ("no", "more", "than"), ("no", "less", "than"),
    ("not", "more", "than"), ("not", "less", "than"), ("no", "fewer", "than"), ("just", "over"), ("just", "under"),
    ("just", "above"), ("just", "below"), ("close", "to"), ("slightly", "more", "than"), ("slightly", "less", "than"),
    ("a", "minimum", "of"), ("a", "maximum", "of"), ("an", "estimated"), ("over",), ("above",), ("under",),
    ("below",), ("exceeding",), ("nearly",), ("almost",), ("about",), ("around",), ("approximately",),
    ("roughly",), ("some",), ("circa",), ("estimated",), ("between",), ("~",), ("equal", "to"), ("equals",),
    ("equals", "to"), ("equaling", "to"), ("equalling", "to"), ("exactly",),
]
_HEDGES.sort(key=len, reverse=True)
_HEDGES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _HEDGES:  # longest first, looked up by the word after "and" in "over 100 and under 300"
    _HEDGES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_HEDGES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _HEDGES:  # longest first, looked up by the word just before the number
    _HEDGES_BY_LAST.setdefault(_phrase[-1], []).append(_phrase)
_NOT_COUNTED = {"and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from", "is", "are",
                "was", "were", "be", "been", "this", "that", "these", "those", "it", "its", "their", "his", "her",
                "per", "than", "as", "into", "over", "under", "about", "while", "which", "who", "when", "am", "pm",
                "a.m.", "p.m.", "not", "no", "so", "if", "then", "there", "here", "all", "any", "each", "up", "out",
                # pronouns and verbs after "one" ("the one you mentioned", "which one do you prefer")
                "you", "i", "we", "they", "he", "she", "do", "does", "did", "can", "could", "would", "should", "will",
                "might", "must", "has", "have", "had", "last", "other", "such", "also", "only", "just", "very",
                "hand", "way"}  # "on the one hand" (pint's hand is four inches), "one way or another"


@lru_cache(maxsize=4096)
def _unitish(word: str) -> bool:
    """Whether a word after a number may be its unit (pint knows it), as written or in lower case."""
    low = word.lower()
    if low in _NOT_COUNTED or len(low) > 30:
        return False
    return units.known_unit(word) or units.known_unit(low)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_NAME_WORDS_BEFORE = {"article", "chapter", "section", "no.", "no", "number", "version", "room", "route", "page",
                      "figure", "table", "level", "phase", "grade", "class", "item", "paragraph", "clause", "annex"}


_MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_YEAR = r"(?:(?:19|20)\d\d)"
_UNIT_WORD = r"(?:day|weekend|week|month|quarter|year|decade|century|summer|winter|spring|fall|autumn)"
_UNIT = _UNIT_WORD + r"\b"
_UNITS = _UNIT_WORD + r"s\b"
_UNIT_OR_UNITS = _UNIT_WORD + r"s?\b"
_COUNT = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)"
_DAY = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b(?!\s*[-/:.]\s*\d))"
_DAY_IN_RANGE = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOMENT = (rf"(?:today|tomorrow|yesterday|now|the\s+day\s+(?:after|before)\s+(?:tomorrow|yesterday)"
           rf"|(?:(?:this|next|last|coming)\s+)?{_WEEKDAY}|{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})")
_DATE_CORE = (
    rf"{_MOMENT}\s*(?:-|–|to|till|until|through)\s*(?:{_MOMENT})"
    rf"|(?:the\s+)?{_UNIT}\s+after\s+next"
    rf"|{_COUNT}\s+{_UNIT_OR_UNITS}\s+in\s+the\s+(?:future|past)"
    rf"|(?:(?:this|next|last|coming)\s+)?{_WEEKDAY}"
    rf"|(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|till|until|through|and)\s*(?:the\s+)?\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\s+(?:(?:of|in)\s+)?(?:(?:this|next|last)\s+month|{_MONTH}(?:,?\s+{_YEAR})?))"
    rf"|(?:the\s+)?(?:month\s+of\s+){_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+(?:next|last|this)\s+year"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:week|weekend|month)\s+of\s+"
    rf"(?:(?:this|next|last)\s+{_UNIT}|{_MONTH}|the\s+{_UNIT})"
    rf"|(?:the\s+)?(?:past|last|next|coming)\s+(?:few|several|couple\s+of)\s+{_UNITS}"
    rf"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-](?:half|quarter)(?:\s+of)?"
    rf"(?:\s+(?:{_YEAR}|(?:this|next|last)\s+year|the\s+year))?"
    rf"|(?:next|last|this)\s+year['’]s\s+(?:first|second|third|fourth)[\s-]quarter"
    rf"|(?:Q[1-4]|H[12])\s*{_YEAR}"
    rf"|(?:the\s+)?(?:next|last|past|previous|coming|following|first)\s+{_COUNT}\s+{_UNIT_OR_UNITS}"
    rf"|{_COUNT}\s+{_UNIT_OR_UNITS}\s+(?:ago|hence|from\s+(?:now|today)|later|earlier)"
    rf"|{_COUNT}\s+consecutive\s+{_UNITS}"
    rf"|(?:the\s+)?(?:early|mid|late)[-\s]{_YEAR}s?"
    rf"|(?:the\s+)?(?:19|20|['’])\d0s\b"
    rf"|(?:(?:the\s+)?(?:beginning|end|start|middle)\s+of\s+)(?:the\s+)?(?:(?:this|next|last|coming)\s+)?"
    rf"(?:{_UNIT}|{_MONTH})"
    rf"|(?:the\s+)?week\s+(?:of|commencing|starting|beginning)(?:\s+on)?\s+(?:{_MONTH}\s+{_DAY}|{_DAY})"
    rf"|{_YEAR}\s*,?\s*{_MONTH}(?!\w)"
    rf"|(?:(?:early|mid|late|this|next|last|the\s+month\s+of|month\s+of)\s+)?{_MONTH}"
    rf"(?:\s+(?:{_DAY_IN_RANGE}\s*(?:-|–|to|through|and)\s*{_DAY}|{_DAY}))?(?:\s*,?\s+(?:of\s+)?{_YEAR})?(?!\w)"
    rf"|(?:summer|winter|spring|fall|autumn)\s+(?:of\s+)?{_YEAR}"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|{_YEAR}\s*(?:-|/)\s*(?:0?[1-9]|1[0-2])\b(?!\s*(?:-|/)\s*\d)"
    rf"|(?:0?[1-9]|1[0-2])\s*(?:-|/)\s*{_YEAR}"
    rf"|{_YEAR}\s*(?:-|–|—|to|until|through)\s*(?:{_YEAR}|\d\d)\b"
    rf"|week\s+\d{{1,2}}\b"
    rf"|(?:this\s+|next\s+|last\s+)?Q[1-4]\b"
    rf"|{_YEAR}\s+the\s+(?:first|second|third|fourth)\s+quarter"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last)\s+week\s+(?:of\s+{_YEAR}|(?:next|last|this)\s+year)"
    rf"|(?:the\s+)?year\s+to\s+date|(?:the\s+)?same\s+{_UNIT}|that\s+{_UNIT}"
    rf"|(?:(?:early|mid|late|later|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    rf"the\s+rest\s+of|rest\s+of(?:\s+my)?|rest)[-\s]+)?(?:the\s+)?(?:(?:this|next|last|past|previous|coming|"
    rf"upcoming|following|current)\s+)?{_UNIT}"
    rf"|{_YEAR}(?![\d%.,]\d|\s*(?:%|per\s*cent|percent))\b"
)
# Where a date or period is written, resolvable or not: the extractor keeps those the period grammar reads.
_DATE_SPAN = re.compile(
    rf"(?i)\b(?:(?:in|since|by|during|from|until|till|through|throughout|before|after|as\s+of|over|of|for|"
    rf"between|compared\s+(?:with|to))\s+)?"
    rf"(?:between\s+(?:{_DATE_CORE}|{_DAY}|now|today)\s+and\s+(?:{_DATE_CORE}|now|today)"
    rf"|from\s+(?:{_DATE_CORE}|{_DAY}|today|now)\s+(?:to|until|till|through)\s+(?:{_DATE_CORE}|today|now)"
    rf"|(?:{_DATE_CORE}))"
)


# Cheap tests that let a sentence skip the expensive work: every value extract() reads has a hint.
_ADDRESS = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
_HINT_WORD_LIST = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen half third quarter "
    "majority minority most largest biggest highest leading greatest top first second doubled tripled trebled "
    "quadrupled halved fourth fifth sixth seventh eighth ninth tenth hundredth thousandth").split()
_VALUE_HINT = re.compile(r"(?i)\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\b(?:" + "|".join(_HINT_WORD_LIST) + r"|\w+-fold)s?\b")
# The same test, fast: a digit or fraction sign is found by a character class (a C loop), and the
# hint words by set look-up of the sentence's lower-cased words.
_DIGIT_HINT = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")
_HINT_WORDS = frozenset(word + plural for word in [*_HINT_WORD_LIST, "fold"] for plural in ("", "s"))
_WORD = re.compile(r"[a-z]+")


def _has_value_hint(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has what ``_VALUE_HINT`` finds: a number, a number word, a rank word..."""
    if _DIGIT_HINT.search(text, start, end):
        return True
    return not _HINT_WORDS.isdisjoint(_WORD.findall(text[start:end].lower()))


_LIST_HINT = re.compile(r",\s+(?:the\s+)?[A-Z][^,]*\b(?:and|or)\s+(?:the\s+)?[A-Z]")


def date_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where dates and periods are written, whether or not the period grammar can resolve them."""
    return [(m.start(), m.end()) for m in _DateScan(text).matches(start, len(text) if end is None else end)]


def _for_re2(pattern: str) -> str:
    """A superset of ``pattern`` that RE2 can run: negative lookaheads dropped (RE2 has no lookaround),
    and \\s and \\d widened to what they mean in Python's re on text (Unicode spaces and digits)."""
    spaces = r"\t-\r\x1c-\x20\x{85}\p{Z}"
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        if pattern.startswith("(?!", i):
            depth, j = 0, i
            while True:  # skip to the lookahead's closing bracket
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                if depth == 0:
                    break
                j += 1
            i = j + 1
            continue
        if pattern[i] == "\\":
            escape = pattern[i:i + 2]
            if escape == r"\s":
                out.append(spaces if in_class else f"[{spaces}]")
            elif escape == r"\d":
                out.append(r"\p{Nd}")
            else:
                out.append(escape)
            i += 2
            continue
        if pattern[i] == "[" and not in_class:
            in_class = True
        elif pattern[i] == "]" and in_class:
            in_class = False
        out.append(pattern[i])
        i += 1
    return "".join(out)


_re2_options = re2.Options()
_re2_options.max_mem = 64 << 20  # the date pattern's automaton needs more than RE2's default 8 MB
_DATE_SPAN_SUPERSET = re2.compile(_for_re2(_DATE_SPAN.pattern), _re2_options)


_TAIL = 400  # characters before a cut in the middle of a word in which a date could end at the cut


class _DateScan:
    """``_DATE_SPAN.finditer`` over a whole text, made fast.

    Python's re tries the date pattern's many alternatives at every word of the text, which costs
    more than the rest of extraction together. RE2 runs a superset of the pattern (no lookaheads)
    as one automaton over the whole text, once. Wherever the real pattern matches, the superset
    matches too, so RE2's leftmost-first scan covers that position with one of its matches: re,
    with its lookaheads, need only be tried at the positions those matches cover. The result is
    exactly that of ``_DATE_SPAN.finditer`` (a property test compares the two).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _DATE_SPAN_SUPERSET.finditer(text)]
        self.starts = [a for a, _ in self.spans]

    def matches(self, start: int, end: int) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        position = start  # where finditer would go on searching
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        spans = self.spans[k:]
        if end < len(self.text) and (self.text[end].isalnum() or self.text[end] == "_"):
            # re sees the text end at ``end`` (a word boundary there) where RE2 saw the word go on: the
            # superset is run again on the last stretch, cut where re's text ends.
            tail = max(start, end - _TAIL)
            spans = sorted(spans + [(tail + a, tail + b) for a, b in
                                    (m.span() for m in _DATE_SPAN_SUPERSET.finditer(self.text[tail:end]))])
        for a, b in spans:
            if a >= end:
                break
            position = max(position, a)
            while position < min(b, end):
                match = _DATE_SPAN.match(self.text, position, end)
                if match is None:
                    position += 1
                else:
                    found.append(match)
                    position = match.end()
        return found


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[ \t]*(?:[-*•#]|\d+\.)\s)")
_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "vs.", "etc.", "e.g.", "i.e.", "u.s.", "u.k.",
                  "inc.", "ltd.", "co.", "corp.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
                  "sept.", "oct.", "nov.", "dec.", "approx.", "c."}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value found in text, with its period and where both are written.

    ``start`` and ``end`` index the original text (``text == source[start:end]``); ``sentence`` is
    the (start, end) of the sentence holding it; ``period_span`` that of the period, if any.
    """

    start: int
    end: int
    text: str
    value: Value | None  # None for a date with no value beside it (an event's date), and for a list
    period: Period | None
    sentence: tuple[int, int]
    period_span: tuple[int, int] | None = None
    subject: str | None = None
    measure: str | None = None
    items: tuple[str, ...] | None = None  # the members of an enumeration: "Russia, India and Kazakhstan"
    period_text: str | None = None  # the period as the grammar read it, for a claim file

    @property
    def kind(self) -> str:
        if self.value is not None:
            return self.value.kind
        return "items" if self.items else "date"


@dataclass(frozen=True, slots=True)
class PeriodSpan:
    start: int
    end: int
    text: str
    period: Period
    read: str  # the part of ``text`` the period grammar read: "2013" of "from 2013"


# --- sentences ----------------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, cut after . ! ? before a capital or digit (not after common abbreviations), or at blank lines."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start()
        last_word = text[max(start, cut - 6):cut].split()[-1:] or [""]
        if last_word[0].lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", last_word[0]):
            continue
        spans.append(_trimmed(text, start, cut))
        start = match.end()
    spans.append(_trimmed(text, start, len(text)))
    return [span for span in spans if span[1] > span[0]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- periods ------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _read_period(text: str, published: str | None) -> Period | None:
    try:
        return parse_period(text, published=published)
    except ClaimcheckError:
        return None


def periods_in(text: str, start: int, end: int, published: str | None, scan: _DateScan | None = None
               ) -> list[PeriodSpan]:
    """The periods written in text[start:end] that the period grammar resolves (against ``published``).

    ``scan``, the text's date scan, saves scanning the text again for each sentence.
    """
    found = []
    for match in (scan or _DateScan(text)).matches(start, end):
        span_text = match.group()
        read = " ".join(span_text.split())
        period = _read_period(read, published)
        if period is None:
            # "from 2013", "in the first half of 2024": the preposition may be more than the grammar reads.
            words = read.split(None, 1)
            if len(words) == 2:
                read = re.sub(r"(?i)^the\s+", "", words[1])
                period = _read_period(read, published)
        if period is None:
            continue
        found.append(PeriodSpan(match.start(), match.end(), span_text, period, read))
    return found


# --- values -------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _read_value(text: str) -> Value | None:
    try:
        return parse_value(text)
    except ClaimcheckError:
        return None


def _is_anchor(tokens: list[_Token], i: int) -> bool:
    token = tokens[i]
    low = token.low
    if token.kind == "num":
        return True
    if token.kind != "word":
        return token.text in VULGAR_FRACTIONS
    if low in _NUMBER_WORDS or low in _MULTIPLES:
        return True
    if low in ("a", "an") and i + 1 < len(tokens) and (tokens[i + 1].low in ("dozen", "hundred", "thousand", "majority")
                                                       or tokens[i + 1].low in FRACTION_WORDS):
        return True
    if low in ("half", "quarter") and i + 1 < len(tokens) and (tokens[i + 1].low in ("a", "an", "of") or
                                                                tokens[i + 1].low in _SCALE):
        return True  # "half a million", "half of its trade", "quarter million"
    if low == "half" and i > 0 and tokens[i - 1].low == "than":
        return True  # "more than half"
    if low in ("majority", "minority") and i > 0 and tokens[i - 1].low in ("a", "the"):
        return True
    if low in _RANKS and i > 0 and ((tokens[i - 1].low == "the" and low != "top")
                                    or tokens[i - 1].low.endswith(("'s", "’s"))):
        return True  # "the largest", "ASEAN's largest", "China's top"
    if low in _ORDINAL_WORDS and i + 1 < len(tokens) and (
            tokens[i + 1].low in _RANKS - {"top"}
            or [t.low for t in tokens[i + 1:i + 4]] == ["of", "its", "kind"]):
        return True  # "the second largest economy", "the first of its kind"
    if low == "most" and i + 1 < len(tokens) and (tokens[i + 1].low == "of" or
                                                  (tokens[i + 1].low.endswith("s") and tokens[i + 1].low.isalpha()
                                                   and len(tokens[i + 1].low) > 3)):
        return True  # "most countries in the region": a majority
    if "-" in low and low.split("-")[0] in _NUMBER_WORDS:
        return True
    return False


def _in_a_name(text: str, tokens: list[_Token], i: int) -> bool:
    """A number that is part of a name or a code, not a quantity."""
    token = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.kind == "num":
        c1 = text[token.start - 1] if token.start > 0 else " "
        c2 = text[token.start - 2] if token.start > 1 else " "
        if c1.isalpha() and not (before is not None and before.low in CURRENCY_BEFORE):
            return True  # G20, I7, Windows11
        if c1 in "-_#(.:+" and c2.isalnum() or token.text.startswith(".") and not c1.isspace():
            return True  # COVID-19, I7-860, 2023(02), 10+3, page ranges such as ".3-6" in references
        if after is not None and after.text == "+" and after.start == token.end and \
                text[after.end:after.end + 1].isdigit():
            return True  # "the 10+3 forum": a name
        if token.end < len(text) and (text[token.end:token.end + 2].lower() in ("th", "st", "nd", "rd")
                                      and (token.end + 2 >= len(text) or not text[token.end + 2].isalpha())):
            # an ordinal digit: "the 18th National Congress" is a name; "the 18th" alone is no quantity.
            return True
        glued_word = _GLUED_WORD.match(text, token.end, token.end + 12)
        if glued_word and glued_word.group().lower() not in ("bn", "mn", "tn", "m", "k", "b", "x", "t") \
                and (not _unitish(glued_word.group()) or glued_word.group() in ("G", "D")):
            return True  # 5G, 3D; but 10kg, 25lbs and 2bn are quantities
        if after is not None and after.text == "." and after.start == token.end and _starts_a_line(text, token.start) \
                and (heading := _HEADING_NUMBER.match(text, token.end)) and text[heading.end():heading.end() + 1].isupper():
            return True  # a numbered heading or list item: "#### 1. Introduction"
        if before is not None and before.kind == "word" and before.start < token.start:
            if before.low in _NAME_WORDS_BEFORE:
                return True
            if before.text.isupper() and len(before.text) >= 2 and before.low not in CURRENCY_BEFORE:
                return True  # CAFTA 3.0, RCEP 2
            if before.text[:1].isupper() and "." in token.text and token.text.endswith(".0"):
                return True  # Industry 4.0
        if after is not None and after.text == ":" and after.start == token.end:
            return True  # 4:30
        if after is not None and after.kind == "num" and after.text.startswith(".") and after.start == token.end:
            return True  # 192.168.1.2: a dotted code, not a decimal
        if before is not None and before.text == "[" and after is not None and after.text == "]":
            return True  # a reference marker: [2]
        dotted = i + 2 < len(tokens) and tokens[i + 2].kind == "dot"  # "3 a.m.", but "$3 a gallon"
        if after is not None and (after.low == "o'clock" or (after.low in ("pm", "am") or after.low in ("p", "a") and dotted)
                                  and "." not in token.text and token.text.isdigit() and 1 <= int(token.text) <= 12):
            return True  # 2 pm is a time of day; 2.1 pm is a length
        if after is not None and after.kind == "dot" and after.start == token.end and i + 2 < len(tokens) \
                and tokens[i + 2].kind == "num" and tokens[i + 2].start == after.end:
            return True  # 192.168.1.2 and version numbers
        if before is not None and before.kind in ("dot", "sym") and before.text in "./" and before.end == token.start \
                and i > 1 and tokens[i - 2].kind == "num" and tokens[i - 2].end == before.start and before.text == ".":
            return True
    if token.kind == "word" and token.text[:1].isupper() and i > 0 and (
            tokens[i - 1].kind == "word" or tokens[i - 1].text in "\"“‘'") and _names_a_thing(tokens, i):
        return True  # a capitalized number word inside a sentence begins a name: "the Four Asian Tigers"
    if token.low == "one" and before is not None and before.low in ("no", "any", "every"):
        return True  # "no one country": a pronoun
    return False


def _starts_a_line(text: str, at: int) -> bool:
    """Whether only heading or list marks ("####", "*") stand between the start of the line and ``at``."""
    before = text[max(0, at - 12):at]  # a bounded look back: a long line must not cost a scan per number
    line = before.rsplit("\n", 1)
    return (len(line) == 2 or at <= 12) and line[-1].strip(" #*\t") == ""


def _names_a_thing(tokens: list[_Token], i: int) -> bool:
    """Capitalized words after a number that make a name with it: "Four Asian Tigers", "Five Principles
    of Peaceful Coexistence"; but "Five Central Asian countries" counts countries."""
    run = i + 1
    while run < len(tokens) and tokens[run].kind == "word" and tokens[run].text[:1].isupper() \
            and not tokens[run].text.isupper():
        run += 1
    words = run - i - 1
    if words == 0:
        return False
    following = tokens[run].low if run < len(tokens) else ""
    of_a_name = following == "of" and run + 1 < len(tokens) and tokens[run + 1].text[:1].isupper()
    ends_the_phrase = not (run < len(tokens) and tokens[run].kind == "word" and tokens[run].text.islower()
                           and _plural(following))  # "five Central Asian countries": adjectives of a count
    return (words >= 2 and ends_the_phrase) or of_a_name


_GLUED_WORD = re.compile(r"[A-Za-z]+")
_HEADING_NUMBER = re.compile(r"\.[ \t]+")
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")


def _year_like(tokens: list[_Token], i: int) -> bool:
    """A bare four-digit year: read as a period, not as a value."""
    token = tokens[i]
    if token.kind != "num" or not _YEAR_DIGITS.fullmatch(token.text) or int(token.text) > 2100:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if after is not None and (after.low in ("%", "percent", "per", "percentage") or after.low in _SCALE):
        return False
    if before is not None and before.low in CURRENCY_BEFORE:
        return False
    if after is not None and after.kind == "word" and after.low not in _NOT_COUNTED and after.low not in _MONTHS \
            and not after.text[:1].isupper():
        return False  # "2000 people" counts people
    return True


def _spans(tokens: list[_Token], i: int) -> list[tuple[int, int]]:
    """Token ranges around the anchor at ``i`` to try, longest first."""
    n = len(tokens)
    left = i
    if left > 0 and tokens[left - 1].text in ("-", "−") and tokens[left - 1].end == tokens[i].start and \
            (left == 1 or tokens[left - 2].end < tokens[left - 1].start or tokens[left - 2].text in "($<>="):
        left -= 1  # a minus sign: "-15€", "-1e-3 W/min"
    if left > 0 and tokens[left - 1].low in ("minus", "negative") and tokens[i].kind in ("num", "word"):
        left -= 1  # "minus five", "negative 3"
    # Leftwards: currency signs and words, "the" before ranks, hedges, "between", "from".
    if left > 0 and tokens[left - 1].low in CURRENCY_BEFORE:
        left -= 1
        if left > 0 and tokens[left].text == "$" and tokens[left - 1].low in CURRENCY_BEFORE - {"$"} \
                and tokens[left - 1].kind == "word":
            left -= 1  # "us $ 150 million", "C$ 300 million", "HK$ 10 billion"
    if left > 0 and tokens[left - 1].low in ("a", "an", "the") and tokens[i].low in {"majority", "minority"} | _RANKS:
        left -= 1
    unhedged = left  # the span without its hedge: "c $ 16.4 million" when "between c $ 16.4 million" is no range
    for phrase in _HEDGES_BY_LAST.get(tokens[left - 1].low, ()) if left > 0 else ():
        k = len(phrase)
        if left - k >= 0 and all(tokens[left - k + j].low == word for j, word in enumerate(phrase)):
            glued = left - k > 0 and tokens[left - k - 1].text in "<>=" and tokens[left - k - 1].end == tokens[left - k].start
            if not glued:  # "<>30" and "=>30" are no hedges claimcheck knows
                left -= k
            break
    from_left = left - 1 if left > 0 and tokens[left - 1].low == "from" else None  # "from 200 to 300"
    if left > 0 and tokens[left - 1].low == "just" and tokens[left].low in ("over", "under", "above", "below"):
        left -= 1
    if tokens[i].low in _RANKS or tokens[i].low == "most":
        return [(left, i + 1)]
    if tokens[i].low in _ORDINAL_WORDS:
        if i + 1 < n and tokens[i + 1].low in _RANKS:
            return [(left, i + 2)]
        return [(i, i + 1)]
    # Rightwards: numbers, scale words, units, ranges, "of the top ten", rates, suffix hedges.
    right = i + 1
    limit = min(n, i + 14)
    bounded_twice = False
    ends = []
    prev_end = tokens[i].end
    while right < limit:
        token = tokens[right]
        low = token.low
        if low == "a" and [t.low for t in tokens[right + 1:right + 3]][:1] == ["year"] and right + 2 < n and \
                tokens[right + 2].low in ("earlier", "ago", "later", "before", "after", "on"):
            break  # "$1.17 billion a year earlier" is no rate
        second_bound = _second_bound_at(tokens, right) if low in ("and", "but", ",") and not bounded_twice else 0
        if second_bound:
            bounded_twice = True  # one second bound at most: a chain of them would make spans grow without end
            right += second_bound  # "greater than 100 and smaller than 300": on to the second number
            prev_end = tokens[right - 1].end
            limit = min(n, limit + second_bound)
            continue
        if low in ("of", "out") and not any(t.kind == "num" or t.low in _NUMBER_WORDS or t.low in _SCALE
                                            for t in tokens[right + 1:right + 4]):
            break  # "eight of the top ten" goes on to its denominator; "one-third of the total" stops here
        if low == "in" and right + 1 < n and (tokens[right + 1].low in _NUMBER_WORDS or tokens[right + 1].kind == "num"
                                              and not _YEAR_DIGITS.fullmatch(tokens[right + 1].text)):
            right += 1  # "one in five adults"; "5 in 2020" is a value and a period
            prev_end = token.end
            continue
        if token.kind == "num" or low in _NUMBER_WORDS or low in _SCALE or low in FRACTION_WORDS or low in \
                ("and", "-", "–", "−", "±", "to", "a", "an", "of", "the", "top", "out", "its", "their", "%", "percent", "per", "cent",
                 "percentage", "points", "point", "times", "fold", "x", "×", "or", "more", "less", "fewer", "above",
                 "below", "over", "under", "plus", "+", "year", "every", "each", "annually", "annum", "yearly",
                 "pp", "higher", "lower", "greater", "doubled", "tripled", "quadrupled", "halved", "hundreds",
                 "through", "~", "equal",
                 "nought", "naught",
                 "nearly", "almost", "about", "roughly") or low in CURRENCY_NAME_WORDS or (low.endswith("-fold")):
            right += 1
            prev_end = token.end
            ends.append(right)
            continue
        glued = token.start == prev_end
        last_word = right + 1 == n or right + 2 == n and tokens[right + 1].kind == "dot"
        if (token.kind == "word" and (_unitish(token.text) or low in ("pm", "am") and "." in tokens[i].text
                                      or low == "in" and last_word and _after_a_number(tokens, right))) \
                or low in ("/", "^", "°", "squared", "cubed", "square",
                                                                         "cubic", "sq", "degrees", "degree") or \
                (token.kind == "num" and glued and tokens[right - 1].kind == "word") or \
                (low in ("-", "−") and glued and right + 1 < n and tokens[right + 1].kind == "num"
                 and tokens[right - 1].kind == "word"):
            right += 1  # a unit: "km", "kilometres per hour", "km/s2", "J/m^2", "°C", "s-1"
            prev_end = token.end
            ends.append(right)
            continue
        if token.kind == "word" and low not in _NOT_COUNTED and low not in _MONTHS:
            if token.text[:1].isupper() and token.text != token.text.upper() or token.text.isupper() and len(low) > 1:
                # a capitalized name of what is counted: "Two Economic Corridors", "five Central Asian countries"
                right += 1
                if right < n and (tokens[right].text[:1].isupper() or _plural(tokens[right].low)):
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
                if word.kind != "word" or word.low in _NOT_COUNTED or word.low in _MONTHS:
                    break
                if _plural(word.low):
                    right = j + 1
                    ends.append(right)
                    break
            break
        break
    longest_first = sorted(set(ends), reverse=True)
    spans = [(from_left, end) for end in longest_first[:2]] if from_left is not None else []  # a range ends late
    spans += [(left, end) for end in longest_first]
    spans.append((left, i + 1))
    if left < unhedged < i:  # a hedge before a currency sign: the money without the hedge is tried too
        spans += [(unhedged, end) for end in longest_first[:2]]
    if left < i:
        spans += [(i, end) for end in longest_first] + [(i, i + 1)]
    return spans


def _after_a_number(tokens: list[_Token], at: int) -> bool:
    """Whether the token before ``at`` is a number or a fraction of one ("2 in.", "2 1/2 in")."""
    return at > 0 and (tokens[at - 1].kind == "num" or tokens[at - 1].text in VULGAR_FRACTIONS)


def _second_bound_at(tokens: list[_Token], at: int) -> int:
    """How many tokens "and less than or equal to" takes before a number at ``at``; 0 if it is not that."""
    start = at + 1 + (tokens[at].low == "," and at + 1 < len(tokens) and tokens[at + 1].low == "and")
    if start >= len(tokens):
        return 0
    for phrase in _HEDGES_BY_FIRST.get(tokens[start].low, ()):
        end = start + len(phrase)
        if end < len(tokens) and [t.low for t in tokens[start:end]] == list(phrase) and \
                (tokens[end].kind == "num" or tokens[end].low in _NUMBER_WORDS):
            return end - at
    return 0


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def extract(text: str, *, published: str | None = None) -> list[Candidate]:
    """Candidate values in ``text``, each with its hedge, its period from the same sentence, and offsets.

    ``published`` (a date or year) anchors relative periods ("last year"); without it they are left
    out. The machine's clock is never read.
    """
    out: list[Candidate] = []
    # Dates are found by RE2 in one pass over the whole text; sentences with no date, no value
    # hint and no list are skipped.
    scan = _DateScan(text)
    for sentence_start, sentence_end in sentences(text):
        has_value = _has_value_hint(text, sentence_start, sentence_end)
        has_list = _LIST_HINT.search(text, sentence_start, sentence_end) is not None
        found_periods = periods_in(text, sentence_start, sentence_end, published, scan)
        if not (has_value or has_list or found_periods):
            continue
        tokens = _tokenize(text, sentence_start, sentence_end)
        # Numbers inside a web address or e-mail address ("?q=30%25") are part of a name.
        cover = _Cover([(p.start, p.end) for p in found_periods] +
                       [m.span() for m in _ADDRESS.finditer(text, sentence_start, sentence_end)])
        values: list[tuple[int, int, Value]] = []
        i = 0 if has_value else len(tokens)
        while i < len(tokens):
            token = tokens[i]
            if not _is_anchor(tokens, i) or cover.contains(token.start) or _in_a_name(text, tokens, i) \
                    or _year_like(tokens, i):
                i += 1
                continue
            best = None
            for first, last in _spans(tokens, i)[:10]:
                while last > first + 1 and tokens[last - 1].low in ("and", "or", "to", "-", "of", "the", "a", "with",
                                                                     "out", "in") and \
                        not (tokens[last - 1].low == "to" and tokens[last - 2].low == "equal") and \
                        not (tokens[last - 1].low == "in" and (last == len(tokens) or tokens[last].kind == "dot")):
                    last -= 1
                start, end = tokens[first].start, tokens[last - 1].end
                if any(not (a <= start and end <= b) for a, b in cover.overlapping(start, end)):
                    continue  # do not swallow a period ("20% in 2022") into the value
                value = _read_value(text[start:end])
                if value is not None:
                    best = (first, last, value)
                    break
            if best is None:
                i += 1
                continue
            first, last, value = best
            if last - first == 1 and value.kind == "count" and tokens[first].kind == "word" and (
                    tokens[first].low in ("one", "a", "an")  # "one of them", "the one"
                    or first > 0 and tokens[first - 1].low in ("the", "these", "those")  # "between the two"
                    or first + 1 < len(tokens) and tokens[first + 1].text == "-"):  # "two-way", "one-sided"
                i += 1  # a bare number word that is a pronoun or half of a compound, not a quantity
                continue
            values.append((tokens[first].start, tokens[last - 1].end, value))
            i = last
        attached = set()
        found = []
        period_starts = [p.start for p in found_periods]
        for start, end, value in values:
            period_span = _nearest_period(found_periods, period_starts, start, end, text)
            if period_span is not None and _close(period_span, start, end, text):
                attached.add(period_span.start)
            subject, measure = _guesses(text, tokens, start, end, value)
            found.append(Candidate(start, end, text[start:end], value,
                                   period_span.period if period_span else None, (sentence_start, sentence_end),
                                   (period_span.start, period_span.end) if period_span else None, subject, measure,
                                   None, period_span.read if period_span else None))
        for span in found_periods:
            if span.start not in attached:  # a date with no value: when something happened
                subject, _ = _guesses(text, tokens, span.start, span.end, None)
                found.append(Candidate(span.start, span.end, span.text, None, span.period,
                                       (sentence_start, sentence_end), (span.start, span.end), subject, None, None,
                                       span.read))
        for start, end, members in (lists_in(text, sentence_start, sentence_end) if has_list else ()):
            if not any(c.start < end and start < c.end for c in found if c.value is not None):
                subject, _ = _guesses(text, tokens, start, end, None)
                found.append(Candidate(start, end, text[start:end], None, None, (sentence_start, sentence_end),
                                       None, subject, None, members))
        out.extend(sorted(found, key=lambda c: c.start))
    return out


def _close(period: PeriodSpan, start: int, end: int, text: str) -> bool:
    """Whether a value and a period are close enough that the period dates the value and nothing else."""
    between = text[min(period.end, end):max(period.start, start)]
    return len(between) < 80 and ";" not in between


class _Cover:
    """Spans (periods, addresses) sorted by start, asked about in O(log n): a long sentence stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def contains(self, position: int) -> bool:
        k = bisect.bisect_right(self.starts, position)
        return any(a <= position < b for a, b in self.spans[max(0, k - 2):k])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect.bisect_left(self.starts, end)
        return [(a, b) for a, b in self.spans[max(0, k - 3):k] if a < end and start < b]


NEIGHBOURS = 3  # periods looked at on each side of a value


def _nearest_period(found: list[PeriodSpan], starts: list[int], start: int, end: int, text: str) -> PeriodSpan | None:
    """The period of the same clause if there is one, else the nearest in the sentence."""
    if not found:
        return None
    if len(found) > 2 * NEIGHBOURS:
        k = bisect.bisect_left(starts, start)
        found = found[max(0, k - NEIGHBOURS):k + NEIGHBOURS]

    def distance(p: PeriodSpan) -> tuple[int, int]:
        between = text[min(p.end, end):max(p.start, start)]
        crosses_clause = 1 if re.search(r"[;:]|,\s*(?:while|whereas|but|and)\b", between) else 0
        return crosses_clause, min(abs(p.start - end), abs(start - p.end))

    return min(found, key=distance)


_NAME = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"
_LIST = re.compile(rf"\b{_NAME}(?:,\s+{_NAME}){{1,}},?\s+(?:and|or)\s+{_NAME}")


def lists_in(text: str, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Enumerations of three or more names ("Russia, India, Indonesia and Uzbekistan"), with their members."""
    found = []
    for match in _LIST.finditer(text, start, end):
        members = re.split(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", match.group())
        members = [re.sub(r"^the\s+", "", m.strip()) for m in members if m.strip()]
        if len(members) >= 3 and not any(m.split()[0] in _SUBJECT_SKIP or (" " not in m and m.endswith("ly"))
                                         for m in members):
            found.append((match.start(), match.end(), tuple(members)))
    return found


_PROPER = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}|of|and|the)){0,4})(?:['’]s)?")
_SUBJECT_SKIP = {"The", "In", "On", "At", "By", "For", "Since", "During", "From", "This", "That", "These", "Those",
                 "It", "Its", "A", "An", "As", "Over", "Under", "About", "Nearly", "With", "Among", "According",
                 "Last", "Next", "Some", "Most", "More", "Less", "All", "Both", "Each", "Every", "Many", "Few", "Only",
                 "Almost", "Around", "Approximately", "Roughly", "Just", "Between", "After", "Before",
                 "Meanwhile", "However", "Also", "Today", "Now", "Then", "There", "Here", "We", "They", "He", "She",
                 "Our", "Their", "His", "Her", "Such", "Total", "Overall", "Up", "To", "Of", "And", "But", "Or", "If"}
_MEASURE_STOP = {"said", "say", "says", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                 "which", "that", "who", "while", "and", "or", "but", "in", "on", "at", "by", "for", "from", "to", "with"}


def _guesses(text: str, tokens: list[_Token], start: int, end: int, value: Value | None
             ) -> tuple[str | None, str | None]:
    """A fair guess at the subject (the sentence's first proper name) and the measure, where the sentence allows."""
    offset = tokens[0].start if tokens else 0
    subject = _subject(text, offset, tokens[-1].end if tokens else 0)
    after = text[end:min(len(text), end + 80)]
    if value is None:
        return subject, None
    return subject, _measure(text, max(offset, start - 160), start, after, value)


@lru_cache(maxsize=1024)
def _subject_of(sentence_text: str) -> str | None:
    for match in _PROPER.finditer(sentence_text):
        name = match.group(1)
        words = name.split()
        while words and words[0] in _SUBJECT_SKIP:
            words.pop(0)
        while words and words[-1] in ("of", "and", "the"):
            words.pop()
        if words and not any(ch.isdigit() for ch in name) and words[0].lower() not in _MONTHS and \
                words[0].lower() not in _NUMBER_WORDS and words[0] not in _SUBJECT_SKIP:
            return " ".join(words)
    return None


def _subject(text: str, start: int, end: int) -> str | None:
    # The first proper name lies near the start; a long sentence is not scanned to its end for each value.
    return _subject_of(text[start:min(end, start + 400)])


def _measure(text: str, offset: int, start: int, after: str, value: Value) -> str | None:
    measure = None
    if value.kind == "share":
        match = re.match(r"\s+of\s+(?:(?:its|the|their|his|her|our|all|total)\s+)*((?:[a-z]+\s+){0,2}[a-z]+)", after)
        if match:
            words = []
            for word in match.group(1).split():
                if word in _MEASURE_STOP:
                    break
                words.append(word)
            if words:
                measure = f"{' '.join(words)} share"
    elif value.kind == "rank":
        match = re.match(r"\s+((?:[a-z]+\s+){0,2}(?:partner|source|destination|market|investor|exporter|importer|"
                         r"economy|producer|consumer|donor|lender|supplier|buyer)s?)\b", after)
        measure = match.group(1) if match else None
    elif value.kind == "count" and value.counted:
        measure = value.counted
    elif value.kind in ("amount", "rate", "change_multiple"):
        before = text[offset:start]
        match = re.search(r"(?:['’]s\s+)?((?:[a-z]+\s+){0,1}[a-z]+)(?:\s+with\s+[^,;]+?)?\s+"
                          r"(?:has\s+|have\s+)?(?:reached|stood\s+at|was|were|totalled|totaled|hit|amounted\s+to|"
                          r"rose\s+to|grew|increased|fell|exceeded|of)\s*(?:by\s+)?(?:\w+\s+)?$", before)
        if match:
            measure = match.group(1)
    return measure


# --- drafts -------------------------------------------------------------------------------------

QUOTE_WORDS = 40  # a draft's quote: the sentence, or this many words around the value when it is longer


def _quote(text: str, candidate: Candidate) -> str:
    """The sentence around the candidate, cut to a window of words: always a substring of the text."""
    start, end = candidate.sentence
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= QUOTE_WORDS:
        return text[start:end]
    at = next((k for k, w in enumerate(words) if start + w.end() > candidate.start), 0)
    first = max(0, min(at - QUOTE_WORDS // 2, len(words) - QUOTE_WORDS))
    chosen = words[first:first + QUOTE_WORDS]
    return text[start + chosen[0].start():start + chosen[-1].end()]


def draft_yaml(text: str, candidates: list[Candidate], *, source_id: str, published: str | None,
               text_path: str | None, origin: str) -> str:
    """A claim file for a person to finish: every candidate a claim, every unfilled field marked TODO."""
    lines = [
        f"# DRAFT written by 'claimcheck extract' from {origin}.",
        "# Review every claim: delete those that are not claims, fill each field marked TODO, correct the",
        "# guesses (subject, measure), then remove 'draft: true'. 'claimcheck check' lists what is missing.",
        "source:",
        f"  id: {quoted(source_id)}",
        "  title: null  # TODO",
    ]
    lines.append(f"  published: {quoted(published)}" if published else "  published: null  # TODO: when was it published?")
    if text_path:
        lines.append(f"  text: {quoted(text_path)}")
    lines += ["  draft: true", "claims:"]
    for number, candidate in enumerate(candidates, start=1):
        lines.append(f"  - id: c{number:03d}")
        lines.append(f"    quote: {quoted(_quote(text, candidate))}")
        if candidate.subject:
            lines.append(f"    subject: {quoted(candidate.subject)}  # a guess")
        else:
            lines.append("    subject: null  # TODO")
        if candidate.value is not None:
            if candidate.measure:
                lines.append(f"    measure: {quoted(candidate.measure)}  # a guess")
            else:
                lines.append("    measure: null  # TODO: what is measured?")
            lines.append(f"    value: {quoted(candidate.text)}")
            if candidate.period_text:
                lines.append(f"    period: {quoted(candidate.period_text)}")
        elif candidate.items:
            lines.append("    measure: null  # TODO: what do the items make up?")
            lines.append("    items: [" + ", ".join(quoted(item) for item in candidate.items) + "]")
        else:
            lines.append("    event: null  # TODO: what happened then?")
            lines.append(f"    date: {quoted(candidate.period_text or candidate.text)}")
    if not candidates:
        lines[-1] = "claims: []  # claimcheck extract found no values or dates"
    return "\n".join(lines) + "\n"


__all__ = ["Candidate", "PeriodSpan", "date_spans", "draft_yaml", "extract", "lists_in", "periods_in", "sentences"]
