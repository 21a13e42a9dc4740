"""Hypothesis strategies shared by the test modules (one place, as attrs keeps them)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

PREFIX_HEDGES = {
    "over": "over", "more than": "over", "above": "over", "exceeding": "over", "in excess of": "over",
    "upwards of": "over", "at least": "at_least", "under": "under", "less than": "under", "below": "under",
    "at most": "at_most", "up to": "at_most", "no more than": "at_most", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "circa": "about", "~": "about", "just over": "just_over", "just under": "just_under",
    "": "exact",
}

UNITS = ["%", " per cent", " percent", " countries", " trillion dollars", " billion yuan", " million euros", ""]
CURRENCY_PREFIXES = ["$", "US$", "USD ", "RMB ", "€", "£"]


@st.composite
def number_texts(draw, *, max_value: int = 100) -> str:
    """A positive number as a person would write it: '41.9', '60', '2.64'."""
    whole = draw(st.integers(min_value=1, max_value=max_value - 1))
    decimals = draw(st.integers(min_value=0, max_value=3))
    if decimals == 0:
        return str(whole)
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1))
    return f"{whole}.{fraction:0{decimals}d}"


@st.composite
def hedged_values(draw) -> tuple[str, str, str, float]:
    """(text, hedge name, unit suffix, number) for a hedged value."""
    hedge_text = draw(st.sampled_from(sorted(PREFIX_HEDGES)))
    unit = draw(st.sampled_from(UNITS))
    number = draw(number_texts())
    text = f"{hedge_text} {number}{unit}".strip()
    return text, PREFIX_HEDGES[hedge_text], unit, float(number)


@st.composite
def period_texts(draw) -> str:
    year = draw(st.integers(min_value=1900, max_value=2100))
    month = draw(st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August",
                                  "September", "October", "November", "December"]))
    later = year + draw(st.integers(min_value=0, max_value=30))
    n = draw(st.integers(min_value=1, max_value=30))
    return draw(st.sampled_from([
        f"{year}", f"{month} {year}", f"{year}-{draw(st.integers(1, 12)):02d}", f"{year}–{later}",
        f"from {year} to {later}", f"Q{draw(st.integers(1, 4))} {year}", f"first half of {year}", f"H2 {year}",
        f"the {year // 10 * 10}s", f"since {year}", f"{n} years ago", "last year", "this year",
        f"for {n} consecutive years", f"{n} years in a row", "over the past decade", f"compared with {n} years ago",
        f"{draw(st.integers(1, 28))} {month} {year}",
        # forms of claim files v2: windows, instants, approximate parts, streaks
        f"the first {n % 12 + 1} months of {year}", f"by the end of {year}", f"as of {draw(st.integers(1, 28))} "
        f"{month} {year}", f"at the end of {month} {year}", f"{draw(st.sampled_from(['early', 'mid', 'late']))} {year}",
        f"mid-{month} {year}", f"for more than {n} consecutive years", f"for the past {n} consecutive years",
        f"{draw(st.integers(1, 12))}/{draw(st.integers(1, 28))}/{year}", f"{month}-{month} {year}",
        # the fourth trial: spans of days, seasons
        draw(day_spans())[0], f"{draw(st.sampled_from(SEASON_WORDS))} {year}", f"winter {year}–{(year + 1) % 100:02d}",
        f"{draw(st.sampled_from(['early', 'mid', 'late']))} {draw(st.sampled_from(SEASON_WORDS))} {year}",
    ]))


SEASON_WORDS = ["spring", "summer", "autumn", "fall", "the summer of"]
_DAY_SPAN_FORMS = ["{d1:%-d %B %Y} to {d2:%-d %B %Y}", "from {d1:%-d %B} to {d2:%-d %B %Y}",
                   "between {d1:%-d %B} and {d2:%-d %B %Y}", "{d1:%-d %B}–{d2:%-d %B %Y}", "{d1:%B %-d} to {d2:%B %-d, %Y}"]


@st.composite
def day_spans(draw) -> tuple[str, date, date]:
    """(text, first day, last day) of a span of days as news writes it: '14 March to 13 June 2025'."""
    first = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    last = draw(st.dates(min_value=first, max_value=date(first.year, 12, 31)))
    form = draw(st.sampled_from(_DAY_SPAN_FORMS + (["{d1:%-d}–{d2:%-d %B %Y}"] if first.month == last.month else [])))
    return form.format(d1=first, d2=last), first, last


# Fragments of the value grammar, glued at random: closer to real mistakes than random unicode.
VALUE_FRAGMENTS = list("0123456789.,%$€£¥~-– ") + [
    "over ", "under ", "about ", "nearly ", "between ", " and ", " to ", "trillion", "bn", "k", "percent", "per cent",
    " a year", "doubled", "largest", "second ", "of the top ", "ten", "eight", "one-third", "half", "majority",
    "or more", "US$", "RMB", "yuan", "times", "fold", "e9", "e+", "points", "percentage points"]


def value_fragments():
    return st.lists(st.sampled_from(VALUE_FRAGMENTS), max_size=8).map("".join)


# --- engine v2: readings in time ---------------------------------------------------------------

WINDOWS = ["Q1 2023", "Q2 2023", "first half of 2023", "from January to May 2023", "the first nine months of 2023",
           "2023"]
MONEY = st.integers(min_value=1, max_value=500).map(lambda n: f"${n} billion")
SHARES = st.sampled_from(["41.9%", "over 60%", "about 40%", "nearly 50%", "between 30 and 45%", "under 35%",
                          "60% or more", "47%", "39.5%"])
PUBLISHED_DAYS = st.sampled_from(["2023-01-20", "2023-03-01", "2023-11-15", "2024-06-30"])


# --- the claims store: claims of every shape ----------------------------------------------------

STORE_VALUES = ["41.9%", "over 60%", "$2.64 trillion", "about 17 trillion yuan", "eight", "18 countries",
                "second largest", "doubled", "over 20% every year", "nearly one-third", "between 10 and 20", "up to 5 km",
                "3.5 percentage points"]
STORE_PERIODS = ["2022", "October 2013", "first half of 2024", "since 2012", "for 15 consecutive years",
                 "as of 1 July 2023", "late 2021", "Q3 2023", "last year", "2012–2022"]


@st.composite
def claim_records(draw, index: int = 0) -> dict:
    """The fields of one valid claim as a claim file writes them: a value, an event, a list, or several."""
    record: dict = {"id": f"c{index}", "measure": draw(st.sampled_from(["trade share", "exports", "members"]))}
    shape = draw(st.sampled_from(["value", "event", "items", "value and items"]))
    if shape.startswith("value"):
        record["value"] = draw(st.sampled_from(STORE_VALUES))
        if record["value"] == "$2.64 trillion" and draw(st.booleans()):
            record["also"] = "about 17 trillion yuan"  # the same amount in another currency
        if draw(st.booleans()):
            record["period"] = draw(st.sampled_from(STORE_PERIODS))
    if shape == "event":
        record.update(event=draw(st.sampled_from(["summit", "accession"])), date=draw(st.sampled_from(STORE_PERIODS[:4])))
        if draw(st.booleans()):
            record["change"] = draw(st.sampled_from(["+1", "-2", "one"]))
    if "items" in shape:
        record["items"] = draw(st.lists(st.sampled_from(["Laos", "Nepal", "Bhutan", "Timor-Leste"]), min_size=1,
                                        max_size=4, unique=True))
        record["complete"] = draw(st.booleans())
    for key, choices in (("subject", ["China", "ASEAN", "Vietnam"]), ("scope", ["neighbouring countries", "world"]),
                         ("quote", ["it said so", "“a quote”, with — dashes"]), ("note", ["checked twice"]),
                         ("stated", ["2019", "2024-03-01"]), ("derived", ["from table 2"])):
        if draw(st.booleans()):
            record[key] = draw(st.sampled_from(choices))
    return record


# --- the edges of what the grammars handle: exponents, powers of units, years ---------------------

# Around the bounds (|x| < 1e300, powers up to 6, years 1 to 9999) and far beyond them.
EXPONENTS = st.one_of(st.integers(-320, 320), st.integers(-10**6, 10**6))
UNIT_POWERS = st.one_of(st.integers(-12, 12), st.integers(-10**4, 10**4),
                        st.floats(allow_nan=True, allow_infinity=True).map(repr))
COUNTS = st.one_of(st.integers(0, 10_010), st.integers(0, 10**60)).map(str) | st.sampled_from(
    ["²", "٣", "0" * 30 + "5", "9" * 5000])
PUBLISHED_YEARS = st.one_of(st.integers(1, 30), st.integers(9970, 9999), st.integers(1, 9999)).map(
    lambda year: f"{year:04d}")
# Publication days and months at the calendar's two ends, for the words read against a day ('yesterday').
PUBLISHED_EDGES = st.one_of(
    PUBLISHED_YEARS,
    st.dates(min_value=date(1, 1, 1), max_value=date(1, 2, 28)).map(str),
    st.dates(min_value=date(9999, 11, 1)).map(str),
    st.sampled_from(["0001-01", "0001-02", "9999-11", "9999-12"]))


@st.composite
def written_exponents(draw) -> str:
    """A number written with an exponent, in each way the grammar reads one: '1x10^999', '2.5e-400 km'."""
    mantissa = draw(st.sampled_from(["1", "9.99", "2.5", "0.001"]))
    exponent = draw(EXPONENTS)
    form = draw(st.sampled_from(["{m}x10^{e}", "{m} ×10^{e}", "{m}e{e}", "{m} x10^{e} {u}", "{m}e{e} {u}"]))
    unit = draw(st.sampled_from(["units", "km", "Tm", "USD", "%", "trillion dollars", "km^3"]))
    return form.format(m=mantissa, e=exponent, u=unit)


@st.composite
def unit_expressions(draw) -> str:
    """A unit with a power, as a claim file declares it or a value writes it: 'km**999', 'dB^2', 'm**1e999'."""
    name = draw(st.sampled_from(["km", "m", "dB", "decibel", "neper", "degC", "s", "kg", "USD", "percent", "Mpc"]))
    power = draw(UNIT_POWERS)
    other = draw(st.sampled_from(["", "/m", "/s", "*kg", "/dB"]))
    return draw(st.sampled_from(["{n}**{p}{o}", "{n}^{p}{o}", "{n}{o}"])).format(n=name, p=power, o=other)


@st.composite
def relative_periods(draw) -> str:
    """A relative period with a count at or beyond what a calendar holds: '99999 years ago', 'the past ² months'."""
    count = draw(COUNTS)
    return draw(st.sampled_from([
        "{n} years ago", "compared with {n} years ago", "since {n} years ago", "for {n} consecutive years",
        "{n} years in a row", "the past {n} years", "the past {n} months", "last year", "this year",
        "over the past decade", "since {y}", "{y}", "the {y}s", "today", "yesterday", "tomorrow", "next monday",
        "last sunday", "last week", "the coming week", "next month", "later this month", "earlier this month",
        "next year", "later this year"])).format(n=count, y=draw(PUBLISHED_YEARS))


# --- review files, written by hand in every style YAML allows --------------------------------------

FINGERPRINTS = [f"{n:016x}" for n in (0x0123456789ABCDEF, 0xFEDCBA9876543210, 0x00112233445566FF, 0xA1B2C3D4E5F60718,
                                      0x5555AAAA5555AAAA, 0x0F0F0F0F0F0F0F0F)]
_NOTE_WORDS = st.lists(st.sampled_from(["keep", "me", "checked", "twice", "by", "the", "desk", "41.9%", "2022"]),
                       min_size=1, max_size=4).map(" ".join)


@st.composite
def review_files(draw) -> tuple[str, dict[str, str | None], dict[str, str]]:
    """(text, note of each fingerprint, each entry's own text): a review file as a person might write it.

    Block lists (notes quoted, plain, or block scalars with every chomping, '|+' with blank lines
    after), flow lists on one line or several, JSON; LF or CRLF; with or without a final line break.
    """
    fingerprints = draw(st.lists(st.sampled_from(FINGERPRINTS), unique=True, max_size=4))
    notes = {fp: draw(st.none() | _NOTE_WORDS) for fp in fingerprints}
    style = draw(st.sampled_from(["block", "flow", "flow lines", "json"]))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    chunks: dict[str, str] = {}
    if style == "block":
        indent = draw(st.sampled_from(["", "  "]))
        body = []
        for fp in fingerprints:
            note = notes[fp]
            lines = [f'{indent}- fingerprint: "{fp}"', f"{indent}  verdict: confirmed"]
            if note is not None:
                form = draw(st.sampled_from(["quoted", "plain", "|", "|-", "|+", ">", ">-"]))
                if form == "quoted":
                    lines.append(f'{indent}  note: "{note}"')
                elif form == "plain":
                    lines.append(f"{indent}  note: {note}" if not note[0].isdigit() else f"{indent}  note: '{note}'")
                else:
                    lines += [f"{indent}  note: {form}", f"{indent}    {note}"]
                    if form == "|+":
                        lines += [""] * draw(st.integers(0, 2))
            chunk = nl.join(lines) + nl
            chunks[fp] = chunk
            comment = draw(st.sampled_from(["", f"{indent}# a comment{nl}", nl]))
            body.append(chunk + comment)
        text = draw(st.sampled_from(["", f"# verdicts{nl}"])) + "reviews:" + (nl if fingerprints else " []" + nl)
        text += "".join(body)
    else:
        quote = '"' if style == "json" else ""
        items = []
        for fp in fingerprints:
            note = "" if notes[fp] is None else f', {quote}note{quote}: "{notes[fp]}"'
            items.append(f'{{{quote}fingerprint{quote}: "{fp}", {quote}verdict{quote}: "confirmed"{note}}}')
            chunks[fp] = items[-1]
        if style == "flow":
            text = f"reviews: [{', '.join(items)}]{nl}"
        elif style == "flow lines":
            text = f"reviews: [{nl}" + "".join(f"  {item},{nl}" for item in items) + f"]{nl}"
        else:
            text = f'{{{nl}  "reviews": [{nl}' + f",{nl}".join(f"    {item}" for item in items) + f"{nl}  ]{nl}}}{nl}"
    if not draw(st.booleans()):
        text = text.removesuffix(nl)
    return text, notes, chunks


# "record two": this fingerprint and the next in FINGERPRINTS, in one write (as a baseline writes).
REVIEW_EDITS = st.lists(st.tuples(st.sampled_from(["record", "record two", "prune"]), st.sampled_from(FINGERPRINTS),
                                  st.none() | _NOTE_WORDS), max_size=5)


# --- relations of the vocabulary -------------------------------------------------------------------

_RELATION_PIECES = ["trade", "share", "world", "a", " ", "  ", "\t", "=", "×", "*", "/", "[", "]"]
_SPACES = st.sampled_from(["", " ", "  ", "\t", " " * 5])


@st.composite
def relation_texts(draw) -> str:
    """'part = share × whole' with scopes and spacing of every kind, sometimes damaged by one piece."""
    def term() -> str:
        name = draw(st.sampled_from(["trade", "trade volume", "share", "a", "world trade"]))
        scope = draw(st.sampled_from(["", "[world]", "[ asia ]", "[a/b]", "[x=y]", "[ ]", "[[w]"]))
        return draw(_SPACES) + name + draw(_SPACES) + scope + draw(_SPACES)

    text = term() + "=" + term() + draw(st.sampled_from(["×", "*", "/"])) + term()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_RELATION_PIECES)) + text[at + draw(st.integers(0, 1)):]
    return text


RELATION_TEXTS = st.one_of(relation_texts(), st.lists(st.sampled_from(_RELATION_PIECES), max_size=14).map("".join))
