"""Text cut for extraction: tokens with their offsets, sentences, and the cheap hints that let a sentence be skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?"  # Indian grouping: 12,34,567.89
    r"|\d+(?:[,\u00a0 ]\d{3}(?!\d))*(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*)"
    r"|(?P<sym>US\$|[$€£¥₹₩₽₺₿₡₾₭₦₱₫₴₪฿₮₸%+±~×½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒/:–—\-−(),;!?\"“”\[\]<>=])"
    r"|(?P<dot>\.)"
    r"|(?P<other>\S)",  # spaces match nothing: the search steps over them in C
)


class Token(NamedTuple):  # a named tuple: built for every word of the text, and cheaper than a dataclass
    kind: str
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    append, new = out.append, tuple.__new__  # built for every word of every sentence with a number: kept lean
    for match in _TOKEN.finditer(text, start, end):
        kind = match.lastgroup
        first, last = match.span()
        word = match.group()
        if kind != "num":
            append(new(Token, (kind, word, word.lower(), first, last)))
            continue
        if " " in word or "\u00a0" in word:
            # "10 000" is one number, but "2 3" are two: only thousands groups of three may be spaced.
            pieces = re.split(r"[ \u00a0]", word)
            if not all(len(p) == 3 for p in pieces[1:]) or len(pieces[0]) > 3:
                offset = first
                for piece in pieces:
                    append(new(Token, ("num", piece, piece, offset, offset + len(piece))))
                    offset += len(piece) + 1
                continue
        append(new(Token, ("num", word, word, first, last)))
    return out


# Cheap tests that let a sentence skip the expensive work: every value extract() reads has a hint.
# An e-mail address's name starts where its run of name characters does (the look-behind): tried at
# every letter, as \b would, a long run with no "@" would be read again from each of its letters.
ADDRESS = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


_HINT_WORD_LIST = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen half third quarter "
    "majority minority most largest biggest highest leading greatest top lowest smallest first second doubled tripled "
    "trebled "
    "quadrupled halved fourth fifth sixth seventh eighth ninth tenth hundredth thousandth").split()


_VALUE_HINT = re.compile(r"(?i)\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\b(?:" + "|".join(_HINT_WORD_LIST) + r"|\w+-fold)s?\b")


# The same test, fast: a digit or fraction sign is found by a character class (a C loop), and the
# hint words by set look-up of the sentence's lower-cased words.
_DIGIT_HINT = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")


_HINT_WORDS = frozenset(word + plural for word in [*_HINT_WORD_LIST, "fold"] for plural in ("", "s"))


_WORD = re.compile(r"[a-z]+")


def has_value_hint(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has what ``_VALUE_HINT`` finds: a number, a number word, a rank word..."""
    if _DIGIT_HINT.search(text, start, end):
        return True
    return not _HINT_WORDS.isdisjoint(_WORD.findall(text[start:end].lower()))


LIST_HINT = re.compile(r",\s+(?:the\s+)?[A-Z][^,]*\b(?:and|or)\s+(?:the\s+)?[A-Z]")


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[ \t]*(?:[-*•#]|\d+\.)\s)")


_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "vs.", "etc.", "e.g.", "i.e.", "u.s.", "u.k.",
                  "inc.", "ltd.", "co.", "corp.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
                  "sept.", "oct.", "nov.", "dec.", "approx.", "c."}


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, cut after . ! ? before a capital or digit (not after common abbreviations), or at blank lines."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start()
        last_word = text[max(start, cut - 6):cut].split()[-1:] or [""]
        if last_word[0].lower() in _ABBREVIATIONS or _INITIALS.fullmatch(last_word[0]):
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


_SPLIT_WORD = re.compile(r"\S+")


def words_between(text: str, start: int, end: int) -> Iterator[str]:
    """The words of text[start:end], as str.split gives them, one at a time: a check that stops at its
    first word outside a set costs that word, not the whole clause (a clause may be the whole text)."""
    return (m.group() for m in _SPLIT_WORD.finditer(text, start, end))


__all__ = ["ADDRESS", "LIST_HINT", "Token", "has_value_hint", "sentences", "tokenize", "words_between"]
