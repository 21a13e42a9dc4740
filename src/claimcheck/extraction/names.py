"""Numbers that are part of a name or a code, not a quantity.

- an ordinal before a capitalized word ("the 18th National Congress"), a number after a
  capitalized word or acronym ("CAFTA 3.0", "Article 5", "Windows 11"), and numbers glued to
  letters ("G20", "COVID-19");
- times of day ("2 pm", "4:30") and numbers inside dotted or slashed codes ("192.168.1.2");
- a bare four-digit year from 1800 to 2100, which is a period, not a value.
"""

from __future__ import annotations

import re

from claimcheck.extraction.text import Token
from claimcheck.extraction.words import (
    FUNCTION_WORDS,
    MONTHS,
    NAME_WORDS_BEFORE,
    NOT_COUNTED,
    NUMBER_WORDS,
    SCALE,
    plural,
    unitish,
)
from claimcheck.read.currencies import CURRENCY_BEFORE, CURRENCY_NAME_WORDS, DOLLAR_LETTERS


def in_a_name(text: str, tokens: list[Token], i: int) -> bool:
    """A number that is part of a name or a code, not a quantity."""
    token = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.kind == "num":
        c1 = text[token.start - 1] if token.start > 0 else " "
        c2 = text[token.start - 2] if token.start > 1 else " "
        if c1.isalpha() and not (before is not None and (before.low in CURRENCY_BEFORE or before.text in DOLLAR_LETTERS
                                                          and i > 1 and tokens[i - 2].text == "$")):
            return True  # G20, I7, Windows11; but RM15 and $A5 are money
        if c1 in "-_#(.:+" and c2.isalnum() and not (c1 == "-" and before is not None and i > 1 and
                                                      tokens[i - 2].low in ("minus", "negative")) \
                or token.text.startswith(".") and not c1.isspace():
            return True  # COVID-19, I7-860, 2023(02), 10+3, page ranges such as ".3-6" in references
        if after is not None and after.text == "+" and after.start == token.end and \
                text[after.end:after.end + 1].isdigit():
            return True  # "the 10+3 forum": a name
        if token.end < len(text) and (text[token.end:token.end + 2].lower() in ("th", "st", "nd", "rd")
                                      and (token.end + 2 >= len(text) or not text[token.end + 2].isalpha())):
            # an ordinal digit: "the 18th National Congress" is a name; "the 18th" alone is no quantity.
            return True
        glued_word = _GLUED_WORD.match(text, token.end, token.end + 12)
        if glued_word and glued_word.group().lower() not in ("bn", "mn", "tn", "m", "k", "b", "x", "t", "p", "mil") \
                and (not unitish(glued_word.group()) or glued_word.group() in ("G", "D")):
            return True  # 5G, 3D; but 10kg, 25lbs and 2bn are quantities
        if after is not None and after.text == "." and after.start == token.end and _starts_a_line(text, token.start) \
                and (heading := _HEADING_NUMBER.match(text, token.end)) and text[heading.end():heading.end() + 1].isupper():
            return True  # a numbered heading or list item: "#### 1. Introduction"
        if after is not None and after.low in _RELEASE_WORDS:
            return True  # "the 2.1 alpha", "3.0 beta": a release, not a quantity
        if before is not None and before.kind == "word" and before.start < token.start:
            if before.low in NAME_WORDS_BEFORE:
                return True
            if _names_with_a_number(before, after, i):
                return True  # "Boeing 747", "Python 3.12", "Windows 11", "Chelsea 3-1"
            if before.text.isupper() and len(before.text) >= 2 and before.low not in CURRENCY_BEFORE:
                return True  # CAFTA 3.0, RCEP 2
            if before.text[:1].isupper() and "." in token.text and token.text.endswith(".0"):
                return True  # Industry 4.0
        if after is not None and after.text == ":" and after.start == token.end:
            return True  # 4:30
        if before is not None and before.low in ("at", "by", "from", "until", "till", "before", "after") and \
                _A_CLOCK.fullmatch(token.text) and (after is None or after.kind != "word" or not unitish(after.text)):
            return True  # "left Dover at 0815": a time of day written as four digits
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
    if token.kind in ("num", "word") and i + 3 < len(tokens) and tokens[i + 1].text == "-" and \
            tokens[i + 2].low == "year" and tokens[i + 3].low in _INSTRUMENTS:
        return True  # "the 10-year yield", "a 30-year high": an instrument's or a superlative's name
    if token.kind in ("num", "word") and _suspended(tokens, i):
        return True  # "two-, three- and four-bedroom homes": kinds of homes, no count of bedrooms
    return False


_RELEASE_WORDS = {"alpha", "beta", "rc", "preview", "nightly"}
_INSTRUMENTS = {"yield", "yields", "bond", "bonds", "note", "notes", "gilt", "gilts", "treasury", "treasuries", "high",
                "low", "highs", "lows", "record"}
_A_CLOCK = re.compile(r"0\d[0-5]\d")


def _names_with_a_number(before: Token, after: Token | None, i: int) -> bool:
    """A capitalized word (not a word that opens a sentence, a month or a currency) before a bare number
    makes a name of both, unless the number is a quantity by what follows it (%, a scale word, a unit)."""
    if not before.text[:1].isupper() or before.text in FUNCTION_WORDS or before.low in MONTHS or \
            before.low in CURRENCY_BEFORE or before.low in NUMBER_WORDS or before.text.isupper() and len(before.text) == 1:
        return False
    if after is None or after.kind != "word" and after.text not in ("%", "-"):
        return True
    return not (after.low in ("%", "percent", "per") or after.low in SCALE or after.low in CURRENCY_NAME_WORDS
                or after.kind == "word" and unitish(after.text))


# Codes written with digits, tried where each number starts: telephone numbers, postcodes, commit
# hashes, times with a time zone, street addresses, and (beside a word of sport) scores.
_CODES = re.compile(
    r"(?P<phone>(?<![\w+])(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?|\(?0\d{1,4}\)?)(?:[ .-]\d{2,4}){2,4}(?![\w.]))"
    r"|(?P<postcode>\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b)"
    r"|(?P<hash>\b(?=[0-9a-f]{7,40}\b)(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b)"
    r"|(?P<time>\b\d{1,2}[:.]?\d\d\s*(?:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|PST|PDT|MSK|IST|JST|AEST|AEDT|"
    r"ET|PT|local\s+time)\b)"
    r"|(?P<address>\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|"
    r"Boulevard|Blvd|Square|Sq|Place|Pl|Parkway|Pkwy|Drive|Dr|Way|Court|Ct|Terrace|Crescent|Close|Row|Plaza|"
    r"Highway|Hwy|Strasse|Straße)\b)"
    r"|(?P<score>(?<![\w.,-])\d{1,2}-\d{1,2}(?![\w.%-]|\s*(?:%|per\s*cent|percent)))"
)
_SPORT = re.compile(r"(?i)\b(?:beat|beats|won|win|wins|winning|lost|lose|loses|defeat|defeated|defeats|draw|drew|"
                    r"victory|score|scored|scores|lead|led|leads|final|match|game|goals?|thrashed|edged|trail|trailed)\b")


def code_at(text: str, at: int, start: int, end: int) -> int | None:
    """Where a code that holds the number at ``at`` ends, if one does (in the sentence text[start:end]).

    It is tried where the number's word begins ("E14", "3f9c21d"), after a "+" or "(" before it,
    and at the number: a few anchored tries per number, not a search of every sentence.
    """
    word = at
    while word > max(start, at - 4) and text[word - 1].isalnum():
        word -= 1
    for position in {word, at, at - 1 if at > start and text[at - 1] in "+(" else at}:
        match = _CODES.match(text, position, end)
        if match is None:
            continue
        if match.lastgroup == "score" and not _SPORT.search(text, max(start, match.start() - 40), min(end, match.end() + 20)):
            continue  # "3-1" beside no word of sport may be a range
        return match.end()
    return None


# Lines of a page's furniture, not of its text: "Updated 14:05 GMT, 12 March 2024", "By Staff
# Reporter | 3 min read", "Share 12 Comments 48". Short, with no sentence end.
_FURNITURE = re.compile(
    r"[ \t]*(?:(?:Updated|Published|Posted|Last\s+(?:updated|modified)|Share|Comments?|Photo|Image|Video|"
    r"Copyright|©|Follow|Subscribe|Listen|Advertisement|Read\s+more)\b|By\s+(?!(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|the|end|mid|early|late)\b)[A-Z]|.*\b\d+\s*min(?:ute)?s?\s+"
    r"read\b).*")
_SHORT_LINE = re.compile(r"(?m)^[^\n]{1,110}$")  # furniture is short: longer lines are never read again


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` that are a page's furniture (bylines, dates of update, share counts)."""
    return [line.span() for line in _SHORT_LINE.finditer(text)
            if _FURNITURE.fullmatch(text, *line.span()) and not line.group().rstrip().endswith((".", "!", "?"))]


def _suspended(tokens: list[Token], i: int) -> bool:
    """Whether the number at ``i`` is one of a run of compound adjectives with suspended hyphens."""
    after = tokens[i + 1:i + 3]
    if len(after) == 2 and after[0].text == "-" and after[0].start == tokens[i].end and after[1].text in (",", "and", "or"):
        return True  # "two-," "three- and"
    before = tokens[max(0, i - 3):i]
    return any(t.text == "-" and k + 1 < len(before) and before[k + 1].text in (",", "and", "or")
               for k, t in enumerate(before))


def _starts_a_line(text: str, at: int) -> bool:
    """Whether only heading or list marks ("####", "*") stand between the start of the line and ``at``."""
    before = text[max(0, at - 12):at]  # a bounded look back: a long line must not cost a scan per number
    line = before.rsplit("\n", 1)
    return (len(line) == 2 or at <= 12) and line[-1].strip(" #*\t") == ""


def _names_a_thing(tokens: list[Token], i: int) -> bool:
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
                           and plural(following))  # "five Central Asian countries": adjectives of a count
    return (words >= 2 and ends_the_phrase) or of_a_name


_GLUED_WORD = re.compile(r"[A-Za-z]+")


_HEADING_NUMBER = re.compile(r"\.[ \t]+")


YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")


def year_like(tokens: list[Token], i: int) -> bool:
    """A bare four-digit year: read as a period, not as a value."""
    token = tokens[i]
    if token.kind != "num" or not YEAR_DIGITS.fullmatch(token.text) or int(token.text) > 2100:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if after is not None and (after.low in ("%", "percent", "per", "percentage") or after.low in SCALE):
        return False
    if before is not None and before.low in CURRENCY_BEFORE:
        return False
    if after is not None and after.kind == "word" and after.low not in NOT_COUNTED and after.low not in MONTHS \
            and not after.text[:1].isupper():
        return False  # "2000 people" counts people
    return True


__all__ = ["YEAR_DIGITS", "code_at", "furniture_lines", "in_a_name", "year_like"]
