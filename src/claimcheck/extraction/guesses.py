"""Guesses at the subject, measure and scope of a value, read from the structure of its clause.

The noun phrase that a clause opens with, up to its verb, says what is measured and of whom:

- "China's trade with ASEAN reached $911.7 billion": subject China (the possessor), measure
  trade (the head), scope ASEAN (after "with", "to", "between", "among", "across");
- "Car sales in Italy fell by a third": measure car sales, subject Italy (a name after "in",
  "of", "from", "for", "at");
- "Tesla delivered 1.81 million vehicles": subject Tesla (a name alone before the verb);
- "Foreign direct investment dropped by $4.5 billion": measure foreign direct investment.

A clause that has no noun phrase of its own ("..., accounting for 41.9% of its total trade")
takes the subject of the clause before it. A share's measure is what it is a share of ("41.9%
of its total trade": trade share), a rank's the noun after it, a count's its counted noun where
the clause names no other measure. Capitalized words that open a sentence ("Data", "Amid") are no
subject. Every guess is marked as one in a draft.
"""

from __future__ import annotations

import bisect
import re

from claimcheck.extraction.clauses import Clauses
from claimcheck.extraction.text import Token
from claimcheck.extraction.words import FUNCTION_WORDS, MONTHS, NOT_COUNTED, NUMBER_WORDS
from claimcheck.read.forms import CHANGE_VERBS
from claimcheck.read.values import Value

SUBJECT_SKIP = FUNCTION_WORDS

# Verbs that end the noun phrase a clause opens with (with the verbs of change, and most words in -ed).
_VERBS = set("""is are was were be been being has have had will would could can may might should must shall stood stands
stand reached reaches reach hit hits totalled totaled totals total amounted amounts accounted accounts account made makes
make employed employs handled handles produced produces sold sells delivered delivers exported exports imported imports
invested invests spent spends paid pays borrowed borrows costs cost carried carries covered covers received receives
killed kills expects expect expected forecasts forecast plans plan launched launches approved approves ordered orders
reported reports put puts says said lost loses held holds holding topped tops peaked peaks closed closes ended ends
finished finishes burned burns destroyed destroys left leaves got gets took takes gave gives saw sees came comes went
goes became becomes remained remains stayed stays counted counts numbered numbers owns owned owes owed earned earns
generated generates won wins attracted attracts drew draws recorded records registered registers hosted hosts
signed signs agreed agrees aims aim will wants needed needs moved moves built builds opened opens""".split())
_NOT_VERBS = {"united", "red", "bed", "need", "feed", "seed", "speed", "shed", "hundred", "based", "listed", "limited",
              "detailed", "advanced", "developed", "skilled", "qualified", "registered", "used"}
# Verbs after which the noun phrase is what is measured ("Inflation rose to 3.4%", "Turnout was 67.3%"),
# not who holds it ("Tesla delivered 1.81 million vehicles", "The EU has 27 member states").
_LINKING = set("""is are was were be been being stood stands stand reached reaches reach hit hits totalled totaled
totals total amounted amounts accounted accounts account remained remains stayed stays peaked peaks topped tops
closed closes came comes numbered numbers reaching totalling totaling standing amounting""".split())
_VERBS |= {"reaching", "totalling", "totaling", "standing", "amounting"}

_SCOPE_WORDS = {"with", "to", "between", "among", "across", "towards", "toward"}
_OF_A_PLACE = {"in", "of", "from", "for", "at"}
_POSSESSIVE = re.compile(r"['’]s$")


class Words:
    """The tokens of a sentence, with their starts for bisection, and the spans (periods) that are no part of
    a noun phrase."""

    def __init__(self, tokens: list[Token], starts: list[int], skip: list[tuple[int, int]]) -> None:
        self.tokens = tokens
        self.starts = starts
        self.kept = [True] * len(tokens)  # whether a token lies outside every skipped span: one sweep
        for a, b in skip:
            for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
                self.kept[k] = False

    def between(self, first: int, last: int, most: int = 40) -> list[Token]:
        """The tokens that start in [first, last), outside the skipped spans, at most ``most`` of them."""
        k = bisect.bisect_left(self.starts, first)
        stop = min(bisect.bisect_left(self.starts, last), k + most)
        return [self.tokens[j] for j in range(k, stop) if self.kept[j]]

    def at(self, position: int) -> Token | None:
        """The first token that starts at or after ``position``."""
        k = bisect.bisect_left(self.starts, position)
        return self.tokens[k] if k < len(self.tokens) else None


def guesses(text: str, words: Words, clauses: Clauses, start: int, end: int, value: Value | None
            ) -> tuple[str | None, str | None, str | None]:
    """Guesses at (subject, measure, scope) for what is written at [start, end), from its clause."""
    clause_start, _ = clauses.span(start)
    phrase, verb = _opening_phrase(words, clause_start, start)
    holder = value is not None and value.kind == "rank"  # "China has been ASEAN's largest trading partner"
    subject, measure, scope = _read_phrase(phrase, verb, holder)
    at = clause_start
    for _ in range(3):  # "..., up 5%", "..., or 2.6%, to $78.50": of what the clauses before are about
        previous = clauses.previous(at)
        if previous is None or subject is not None and (measure is not None or phrase):
            break
        before, verb = _opening_phrase(words, previous[0], previous[1])
        earlier = _read_phrase(before, verb, holder)
        subject = subject or earlier[0]
        if not phrase:
            measure, scope = measure or earlier[1], scope or earlier[2]
        if before:
            break
        at = previous[0]
    if value is not None:
        measure = _measure_of(text, value, end, measure)
    else:
        measure = None
    return subject, measure, scope


def _opening_phrase(words_of: Words, first: int, last: int) -> tuple[list[Token], str | None]:
    """The noun phrase the clause [first, last) opens with, and the verb after it (after a period or a phrase
    that ends with a comma): "China's trade with ASEAN" of "In 2023, China's trade with ASEAN reached ...".
    The verb is "rose" where the value itself holds it ("China's exports rose 5.2%"). Only the first
    forty words are read: a noun phrase is never longer, and a long clause costs no more."""
    words = words_of.between(first, last)
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is not None and comma < len(words) - 1 and words[0].low in ("in", "on", "at", "over", "during", "since",
                                                                          "by", "for", "after", "before", "from",
                                                                          "between", "according", "as"):
        words = words[comma + 1:]  # "Over the same period, average rents ..."
    while words and (words[0].text in ",\"“‘'(" or words[0].low in ("and", "but", "while", "whereas", "as", "when",
                                                                      "with")):
        words = words[1:]
    phrase: list[Token] = []
    for token in words:
        if token.kind != "word" and token.text not in ("-", "’", "'"):
            break
        if _is_verb(token) and not (phrase and _POSSESSIVE.search(phrase[-1].text)):  # "China's exports": a noun
            return phrase, token.low
        phrase.append(token)
    following = words_of.at(last)
    if phrase and len(phrase) == len(words) and following is not None and following.low in CHANGE_VERBS:
        return phrase, "rose"  # the value opens with its verb: "China's exports rose 5.2%"
    return [], None  # no verb: the clause opens with no noun phrase of its own


def _is_verb(token: Token) -> bool:
    low = token.low
    if low in _VERBS or low in CHANGE_VERBS and low not in ("up", "down", "cut", "cuts", "rise", "fall", "drop",
                                                            "increase", "decrease", "decline", "gain", "growth"):
        return True
    return low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS and token.text[:1].islower()


def _is_name(token: Token) -> bool:
    return token.kind == "word" and token.text[:1].isupper() and token.text not in FUNCTION_WORDS and \
        token.low not in MONTHS and token.low not in NUMBER_WORDS


def _read_phrase(phrase: list[Token], verb: str | None, holder: bool) -> tuple[str | None, str | None, str | None]:
    """(subject, measure, scope) of a noun phrase such as "China's trade with ASEAN" or "Car sales in Italy";
    before a linking verb or a change a phrase of names alone is a measure ("Inflation rose"), unless it
    ``holder``s a rank; before any other verb it is the subject ("Tesla delivered")."""
    if not phrase:
        return None, None, None
    scope_at = next((k for k, t in enumerate(phrase) if t.low in _SCOPE_WORDS and k > 0), None)
    head, scope_words = (phrase[:scope_at], phrase[scope_at + 1:]) if scope_at is not None else (phrase, [])
    scope = _words(scope_words) or None
    possessor = next((k for k, t in enumerate(head) if _POSSESSIVE.search(t.text)), None)
    subject = None
    if possessor is not None:  # "China's trade", "the city's population"
        names = [t for t in head[:possessor + 1] if t.low not in ("the", "a", "an")]
        if names and all(_is_name(t) for t in names):
            subject = " ".join(_POSSESSIVE.sub("", t.text) for t in names)
        head = head[possessor + 1:]
    place = next((k for k, t in enumerate(head) if t.low in _OF_A_PLACE and k > 0 and k + 1 < len(head)), None)
    if place is not None and subject is None and all(_is_name(t) or t.low == "the" for t in head[place + 1:]):
        subject = _words([t for t in head[place + 1:] if t.low != "the"])  # "Car sales in Italy"
        head = head[:place]
    measures = verb is not None and (verb in _LINKING or verb in CHANGE_VERBS or verb == "rose") and not holder
    names = [t for t in head if t.low != "the"]
    if subject is None and names and all(_is_name(t) for t in names) and (not measures or _a_proper_name(head)):
        return _words(names), None, scope  # "Tesla delivered", "The European Union has", "The EU grew"
    if not measures and subject is None and verb is not None and verb not in _LINKING:
        return None, None, scope  # "the port handled 21.3 million containers": who handled, not what is measured
    measure = _words([t for t in head if t.low not in ("the", "a", "an", "its", "their", "his", "her")]).lower()
    return subject, measure or None, scope


def _a_proper_name(head: list[Token]) -> bool:
    """"The EU", "European Union", "ASEAN": a name, where one capitalized word could be a sentence's first
    common noun ("Inflation rose")."""
    names = [t for t in head if t.low != "the"]
    return len(names) > 1 or head[0].low == "the" or names[0].text.isupper() and len(names[0].text) > 1


def _words(tokens: list[Token]) -> str:
    out = ""
    for k, token in enumerate(tokens):
        glued = k > 0 and tokens[k - 1].end == token.start
        out += ("" if glued or not out else " ") + token.text
    return out.strip(" ,")


_OF_WHAT = re.compile(r"\s+of\s+(?:(?:its|the|their|his|her|our|all|total)\s+)*((?:[a-z]+\s+){0,2}[a-z]+)", re.I)
_RANKED = re.compile(r"\s+((?:[a-z]+\s+){0,2}(?:partner|source|destination|market|investor|exporter|importer|"
                     r"economy|producer|consumer|donor|lender|supplier|buyer|member|city|country|company)s?)\b")


def _measure_of(text: str, value: Value, end: int, measure: str | None) -> str | None:
    """The measure, by the kind of value: a share is of what follows "of"; a rank of the noun after it."""
    after = text[end:end + 80]
    if value.kind == "share":
        match = _OF_WHAT.match(after)
        if match:
            words = []
            for word in match.group(1).lower().split():
                if word in NOT_COUNTED or word in _VERBS:
                    break
                words.append(word)
            if words:
                return f"{' '.join(words)} share"
        return measure
    if value.kind == "rank":
        match = _RANKED.match(after)
        return match.group(1) if match else measure
    if value.kind == "count" and value.counted and measure is None:
        return value.counted
    return measure


__all__ = ["SUBJECT_SKIP", "Words", "guesses"]
