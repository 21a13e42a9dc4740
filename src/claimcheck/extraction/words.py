"""The words value spans are made of: number words, scale words, hedges, and words that are never units.
"""

from __future__ import annotations

from functools import lru_cache

from claimcheck.read import units

NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen".split())


SCALE = {"thousand", "million", "billion", "trillion", "mn", "bn", "tn", "m", "b", "k", "mln", "mil", "trn", "bln", "tln",
          "lakh", "lakhs", "crore", "crores", "dozens"}


MULTIPLES = {"doubled", "tripled", "trebled", "quadrupled", "halved"}


RANKS = {"largest", "biggest", "highest", "leading", "greatest", "top", "lowest", "smallest"}


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


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
    ("just", "above"), ("just", "below"), ("sub", "-"), ("close", "to"), ("slightly", "more", "than"), ("slightly", "less", "than"),
    ("a", "minimum", "of"), ("a", "maximum", "of"), ("an", "estimated"), ("over",), ("above",), ("under",),
    ("below",), ("exceeding",), ("nearly",), ("almost",), ("about",), ("around",), ("approximately",),
    ("roughly",), ("some",), ("circa",), ("estimated",), ("between",), ("~",), ("equal", "to"), ("equals",),
    ("equals", "to"), ("equaling", "to"), ("equalling", "to"), ("exactly",),
]


_HEDGES.sort(key=len, reverse=True)


HEDGES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}


for _phrase in _HEDGES:  # longest first, looked up by the word after "and" in "over 100 and under 300"
    HEDGES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


HEDGES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}


for _phrase in _HEDGES:  # longest first, looked up by the word just before the number
    HEDGES_BY_LAST.setdefault(_phrase[-1], []).append(_phrase)


NOT_COUNTED = {"and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from", "is", "are",
                "was", "were", "be", "been", "this", "that", "these", "those", "it", "its", "their", "his", "her",
                "per", "than", "as", "into", "over", "under", "about", "while", "which", "who", "when", "am", "pm",
                "a.m.", "p.m.", "not", "no", "so", "if", "then", "there", "here", "all", "any", "each", "up", "out",
                # pronouns and verbs after "one" ("the one you mentioned", "which one do you prefer")
                "you", "i", "we", "they", "he", "she", "do", "does", "did", "can", "could", "would", "should", "will",
                "might", "must", "has", "have", "had", "last", "other", "such", "also", "only", "just", "very",
                "hand", "way"}  # "on the one hand" (pint's hand is four inches), "one way or another"


@lru_cache(maxsize=4096)
def unitish(word: str) -> bool:
    """Whether a word after a number may be its unit (pint knows it), as written or in lower case."""
    low = word.lower()
    if low in NOT_COUNTED or len(low) > 30:
        return False
    return units.known_unit(word) or units.known_unit(low)


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


NAME_WORDS_BEFORE = {"article", "chapter", "section", "no.", "no", "number", "version", "room", "route", "page",
                      "figure", "table", "level", "phase", "grade", "class", "item", "paragraph", "clause", "annex",
                      "round", "stage", "season", "episode", "volume", "vol", "issue", "magnitude", "category", "gate",
                      "platform", "terminal", "flight", "line", "channel", "highway", "interstate", "act", "resolution"}


# Capitalized words that begin a sentence or a phrase and are no name: "In 2020", "Some 300 people".
FUNCTION_WORDS = {"The", "In", "On", "At", "By", "For", "Since", "During", "From", "This", "That", "These", "Those",
                  "It", "Its", "A", "An", "As", "Over", "Under", "About", "Nearly", "With", "Among", "According",
                  "Last", "Next", "Some", "Most", "More", "Less", "All", "Both", "Each", "Every", "Many", "Few", "Only",
                  "Almost", "Around", "Approximately", "Roughly", "Just", "Between", "After", "Before",
                  "Meanwhile", "However", "Also", "Today", "Now", "Then", "There", "Here", "We", "They", "He", "She",
                  "Our", "Their", "His", "Her", "Such", "Total", "Overall", "Up", "To", "Of", "And", "But", "Or", "If",
                  "Another", "Until", "Through", "Within", "Against", "Than", "Down", "Above", "Below",
                  "Exactly", "Fewer", "When", "While", "Where", "Why", "How", "What", "Which", "Who", "Whose",
                  "Amid", "Despite", "Including", "Excluding", "Per", "Plus", "Minus", "Sub", "Data", "Title", "Source"}


def plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) or word in _IRREGULAR_PLURALS


_IRREGULAR_PLURALS = {"people", "children", "men", "women", "staff", "cattle", "sheep", "personnel", "livestock",
                      "police", "troops", "feet", "teeth", "mice", "geese", "fish", "aircraft", "deer"}


__all__ = ["FUNCTION_WORDS", "HEDGES_BY_FIRST", "HEDGES_BY_LAST", "MONTHS", "MULTIPLES", "NAME_WORDS_BEFORE", "NOT_COUNTED", "NUMBER_WORDS", "ORDINAL_WORDS", "RANKS", "SCALE", "plural", "unitish"]
