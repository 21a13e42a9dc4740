"""The shortest part of a sentence that carries a fact: the value's clause, from its start to the value
and over what says what the value is, and no further.

- A clause that only adds to the one before it ("..., up 5% year on year", "..., a 38% increase",
  "..., or 2.6%", "..., to 32 allies") is quoted with that clause, which says what rose.
- A value that is the subject of its clause ("Between 3,000 and 5,000 people attended the rally")
  is quoted with the rest of the clause, which says what they did. A value that is an object
  ("Samsung sold 3 million Galaxy S24 phones") is quoted with what it is of ("41.9% of its total
  trade"), the names and nouns after it, a place ("in Madrid"), its own period and the base of a
  change ("from a year earlier"), a short phrase that ends the clause ("on the bonds"), and stops
  at anything else.
- Leading "and", "but", "while", "whereas" and trailing words such as "of", "the" are left out.

Each quote is found from the clause boundaries and the sentence's tokens by bisection: a sentence
of many values costs no more per value than a short one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from claimcheck.extraction.attach import ADDING
from claimcheck.extraction.clauses import Clauses
from claimcheck.extraction.text import Token, words_between
from claimcheck.extraction.words import NOT_COUNTED, plural
from claimcheck.read.numbers import DIMENSION_WORDS

# Words that start something other than what the value is of: the quote stops before them.
_STOPS = {"and", "but", "or", "while", "whereas", "which", "who", "when", "as", "because", "after", "before",
          "until", "although", "though", "if", "so", "whether", "where", "amid", "despite", "since", "than"}

# The first word of a quote and the start of the next one, if there is one.
_FIRST_WORD = re.compile(r"\s*(\S+)\s+(?=\S)")
_TRAILING_MARKS = " ,;:.-—–\t\n"

_LEADING = {"and", "but", "while", "whereas", "or", "so", "yet"}

_TRAILING = {"of", "the", "a", "an", "to", "in", "on", "at", "for", "by", "with", "from", "than", "and", "or", "its",
             "their", "this", "that"}

# What may stand before a value that is the subject of its clause: "More than 70% of adults have ...".
_BEFORE_A_SUBJECT = {"a", "an", "the", "some", "about", "around", "nearly", "almost", "more", "than", "over", "under",
                     "at", "least", "most", "up", "to", "between", "from", "roughly", "just", "only", "fewer",
                     "less", "another", "all", "both", "approximately", "estimated", "as", "many", "much",
                     "no", "not", "exactly", "well", "when", "while", "after", "before", "if", "because", "although",
                     "though", "and", "but", "or", "so", "since", "until", "whereas", "where", "with", "once"}

_PLACE_PREPOSITIONS = {"in", "at", "for", "to", "from", "with", "across", "between"}

_PREPOSITIONS = {"in", "on", "at", "for", "to", "from", "with", "without", "across", "among", "under", "over", "per",
                 "into", "by", "of", "since", "ahead", "behind"}

_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"}

# What a clause opens with that only adds to the one before ("..., from 7.2 million in 2000" says what grew).
_ADDING = ADDING | {"from", "its", "their"}

# A clause that opens with its verb has its subject before a phrase set off by commas.
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "remains", "remained", "stands", "stood"}

# Words after a length that say what it measures: "1.6 km long", "25 metres wide".
_DIMENSIONS = DIMENSION_WORDS | {"old"}

# Verbs after which a value is the subject of what is said: "officials said more than 1,500 people had died".
_SAYING = {"said", "says", "say", "estimated", "estimates", "reported", "reports", "told", "showed", "shows", "found",
           "believe", "believes", "that"}

# Words that may follow a period and belong to it: "in the 2023-24 season", "compared with 1990 levels".
_AFTER_A_PERIOD = {"season", "period", "levels", "level", "fiscal", "financial", "campaign", "harvest", "term"}


def _only_before_a_subject(text: str, start: int, end: int) -> bool:
    return all(word in _BEFORE_A_SUBJECT for word in (w.lower().strip(",\"“”'") for w in words_between(text, start, end))
               if word)


class Quotes:
    """Quotes for the facts of one sentence, given its tokens, clauses, and the spans of its values and periods."""

    def __init__(self, text: str, tokens: list[Token], clauses: Clauses, values: list[tuple[int, int]],
                 periods: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = tokens
        self.token_starts = [t.start for t in tokens]
        self.clauses = clauses
        # values and periods: a quote's tail stops at the next one (a subject's runs over a value)
        self.taken = sorted([(a, b, False) for a, b in values] + [(a, b, True) for a, b in periods])
        self.taken_starts = [a for a, _, _ in self.taken]

    def quote(self, start: int, end: int, own: Sequence[tuple[int, int]] = (), *, rank: bool = False) -> tuple[int, int]:
        """The quote of a fact written at [start, end); ``own`` are spans that belong to it (its period,
        the base of a change, a second currency), which it may run over. The noun after a ``rank`` is
        what it ranks ("the second largest trading partner")."""
        clause_start, clause_end = self.clauses.span(start)
        first = self._adding_to(clause_start, start)
        inside = [b for a, b in own if first <= a and b <= start]  # "By the end of 2018, some 1.1 million people"
        subject = _only_before_a_subject(self.text, max(inside, default=first), start) or self._before(start) in _SAYING
        glued = " " not in self.text[start:end] and any(c.isalpha() for c in self.text[start:end])
        adjective = self._before(start) in _DETERMINERS or glued  # "a 40-year lease", "5GHz chip"
        last = self._tail(end, clause_end, own, subject, 2 if rank else 1 if adjective else 0)
        for a, b in own:  # its period further on, where no other value stands between: "... when it was founded in 2009"
            if last <= a and b <= clause_end and not self._taken_between(last, a):
                last = b
                k = bisect.bisect_left(self.token_starts, b)
                if k < len(self.tokens) and self.tokens[k].low in _AFTER_A_PERIOD:
                    last = self.tokens[k].end  # "in the 2023-24 season"
        return self._trimmed(first, last)

    def _taken_between(self, a: int, b: int) -> bool:
        """Whether a value or period starts in [a, b)."""
        k = bisect.bisect_left(self.taken_starts, a)
        return k < len(self.taken_starts) and self.taken_starts[k] < b

    def _before(self, at: int) -> str:
        k = bisect.bisect_left(self.token_starts, at)
        return self.tokens[k - 1].low if k > 0 else ""

    def _adding_to(self, clause_start: int, start: int) -> int:
        """Where the quote starts: its clause's start, or that of the clause it adds to ("..., up 5%"),
        and of the one that clause adds to ("fell $2.10, or 2.6%, to $78.50 a barrel")."""
        words = words_between(self.text, clause_start, start)
        opening = next(words, None)
        if opening is not None and opening.lower() in _FINITE and self.clauses.after_comma(clause_start):
            return self.clauses.span(self.clauses.start)[0]  # "The tower, completed in 2010, is 828 metres tall"
        if opening is not None and not (opening.lower() in _ADDING and all(w.lower() in _ADDING for w in words)):
            return clause_start
        first = clause_start
        while True:
            previous = self.clauses.previous(first)
            if previous is None or not self.clauses.after_comma(first):
                return first
            first = previous[0]
            if next(words_between(self.text, first, previous[1]), "").lower() not in _ADDING:
                return first

    def _tail(self, at: int, clause_end: int, own: Sequence[tuple[int, int]], subject: bool, described: int) -> int:
        """How far the words after ``at`` say what the value is: to the clause's end for a subject; for an
        object, over "of ...", names and nouns, the ``described`` words it is an adjective of, a place, its
        own spans and a short closing phrase."""
        k = bisect.bisect_left(self.token_starts, at)
        last = at
        of_phrase = 0
        nouns = True  # right after the value, names and nouns may say what is counted
        while k < len(self.tokens):
            token = self.tokens[k]
            if token.start >= clause_end or token.text in ",;:(" or \
                    token.low in _STOPS and not (subject and token.low in ("and", "or")):
                break  # a subject's clause runs on over "and": "two-thirds of the displaced are women and children"
            owned = next(((a, b) for a, b in own if a <= token.start < b), None)
            if owned is not None:
                last = owned[1]
                k = bisect.bisect_left(self.token_starts, owned[1])
                if k < len(self.tokens) and self.tokens[k].low in _AFTER_A_PERIOD:
                    last = self.tokens[k].end
                    k += 1
                nouns = False
                continue
            j = bisect.bisect_right(self.taken_starts, token.start) - 1
            if j >= 0 and self.taken[j][0] <= token.start < self.taken[j][1]:
                if subject and not self.taken[j][2]:
                    last = self.taken[j][1]  # "More than 70% of adults have received at least one dose"
                    k = bisect.bisect_left(self.token_starts, last)
                    continue
                break  # another value or period
            if not subject:
                glued = k > 0 and self.tokens[k - 1].end == token.start and last == token.start
                if token.low == "of" and of_phrase == 0:
                    of_phrase = 5  # "41.9% of its total trade": up to four words of what it is of
                    k += 1
                    continue
                if of_phrase > 1 and token.kind == "word":
                    of_phrase -= 1
                elif glued or nouns and token.kind == "word" and (token.text[:1].isupper() or plural(token.low)):
                    pass  # "20 Airbus A320neo jets"
                elif token.low in _DIMENSIONS and last == at:
                    pass  # "1.6 km long"
                elif described and token.kind == "word" and token.low not in NOT_COUNTED and \
                        token.low not in _PREPOSITIONS:
                    described -= 1  # "a sub-$500 laptop", "a 40-year lease", "the second largest trading partner"
                elif token.low in _PLACE_PREPOSITIONS and k + 1 < len(self.tokens) and \
                        self.tokens[k + 1].text[:1].isupper() and self.tokens[k + 1].low not in NOT_COUNTED:
                    nouns = True  # "in Madrid", "with ASEAN": where
                else:
                    closing = self._closing_phrase(k, clause_end)
                    if closing is not None:
                        last = closing
                    break
            last = token.end
            k += 1
        return last

    def _closing_phrase(self, k: int, clause_end: int) -> int | None:
        """The end of a phrase of at most three words after a preposition that closes the clause ("on the
        bonds", "in quarterly profit"), or None."""
        if self.tokens[k].low not in _PREPOSITIONS:
            return None
        j = k + 1
        while j < len(self.tokens) and j <= k + 4 and self.tokens[j].kind == "word" and \
                self.tokens[j].start < clause_end and not self._taken_between(self.tokens[j].start,
                                                                               self.tokens[j].end):
            j += 1
        at_end = j >= len(self.tokens) or self.tokens[j].start >= clause_end or self.tokens[j].text in ",;:.!?"
        if j == k + 1 or not at_end:
            return None
        return self.tokens[j - 1].end

    def _trimmed(self, first: int, last: int) -> tuple[int, int]:
        """[first, last) without a leading conjunction, trailing function words and punctuation. Only the
        words at the ends are read, never the whole quote: a quote may span most of a long sentence."""
        text = self.text
        while True:
            leading = _FIRST_WORD.match(text, first, last)
            if leading is None or leading[1].lower().strip(",") not in _LEADING:
                break
            first = leading.end()
        while True:
            while last > first and text[last - 1] in _TRAILING_MARKS:
                last -= 1
            word_start = last
            while word_start > first and not text[word_start - 1].isspace():
                word_start -= 1
            before = word_start
            while before > first and text[before - 1].isspace():
                before -= 1
            if before == first or text[word_start:last].lower() not in _TRAILING:
                break
            last = before
        while first < last and text[first] in " ,;:\t\n":
            first += 1
        return first, last


__all__ = ["Quotes"]
