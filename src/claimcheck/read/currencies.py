"""Currencies as written: signs and codes before a number, names after it, and the cents.

No exchange rate is ever applied: every currency is a unit of its own dimension (``units``).
"""

from __future__ import annotations

import re

from claimcheck.read import units
from claimcheck.read.tokens import Reading, by_first_word

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₿": "BTC",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₦": "NGN", "₱": "PHP", "₫": "VND", "₴": "UAH", "₪": "ILS", "฿": "THB",
    "₮": "MNT", "₸": "KZT",
}
# Letters written before "$" that say whose dollar: "C$ 300 million", "HK$ 10.05 billion".
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "cad": "CAD", "hk": "HKD", "hkd": "HKD",
    "nz": "NZD", "nzd": "NZD", "aud": "AUD", "au": "AUD", "a": "AUD", "mex": "MXN", "mxn": "MXN", "sgd": "SGD",
    "s": "SGD", "nt": "TWD",
}
# ... and after it, in capitals, as Australian and some Asian papers write them: "$A5 million", "$US45 million".
_DOLLAR_SUFFIXES = {"A": "AUD", "US": "USD", "NZ": "NZD", "C": "CAD", "HK": "HKD", "S": "SGD"}
# Local signs written before a number, in capitals: "RM15" (Malaysian ringgit), "Rs 500", "Rp 10,000".
_LOCAL_SIGNS = {"RM": "MYR", "Rs": "INR", "Rp": "IDR"}
# Names of currencies after a number, one or more words: "20 billion yen", "125 million australian dollars".
_CURRENCY_NAMES: dict[tuple[str, ...], str] = {
    ("dollar",): "USD", ("dollars",): "USD", ("us", "dollar"): "USD", ("us", "dollars"): "USD",
    ("u.s.", "dollars"): "USD", ("u.s", "dollars"): "USD", ("american", "dollars"): "USD",
    ("canadian", "dollar"): "CAD", ("canadian", "dollars"): "CAD", ("australian", "dollar"): "AUD",
    ("australian", "dollars"): "AUD", ("hong", "kong", "dollar"): "HKD", ("hong", "kong", "dollars"): "HKD",
    ("new", "zealand", "dollar"): "NZD", ("new", "zealand", "dollars"): "NZD", ("singapore", "dollars"): "SGD",
    ("taiwan", "dollars"): "TWD", ("yuan",): "CNY", ("chinese", "yuan"): "CNY", ("renminbi",): "CNY", ("rmb",): "CNY",
    ("euro",): "EUR", ("euros",): "EUR", ("pound",): "GBP", ("pounds",): "GBP", ("sterling",): "GBP",
    ("pounds", "sterling"): "GBP", ("british", "pounds"): "GBP", ("yen",): "JPY", ("japanese", "yen"): "JPY",
    ("swiss", "franc"): "CHF", ("swiss", "francs"): "CHF", ("french", "francs"): "FRF", ("belgian", "francs"): "BEF",
    ("marks",): "DEM", ("deutsche", "marks"): "DEM", ("deutschmarks",): "DEM", ("guilders",): "NLG",
    ("dutch", "guilders"): "NLG", ("pesetas",): "ESP", ("lire",): "ITL", ("italian", "lire"): "ITL",
    ("markka",): "FIM", ("finnish", "markka"): "FIM", ("escudos",): "PTE", ("schillings",): "ATS",
    ("rupee",): "INR", ("rupees",): "INR", ("indian", "rupees"): "INR", ("pakistani", "rupees"): "PKR",
    ("won",): "KRW", ("rubles",): "RUB", ("roubles",): "RUB", ("lira",): "TRY", ("turkish", "lira"): "TRY",
    ("rand",): "ZAR", ("naira",): "NGN", ("baht",): "THB", ("ringgit",): "MYR", ("rupiah",): "IDR", ("dong",): "VND",
    ("pesos",): "MXN", ("mexican", "pesos"): "MXN", ("reais",): "BRL", ("reals",): "BRL", ("zloty",): "PLN",
    ("kronor",): "SEK", ("swedish", "kronor"): "SEK", ("krone",): "NOK", ("kroner",): "DKK", ("shekels",): "ILS",
    ("swedish", "crowns"): "SEK", ("swedish", "krona"): "SEK", ("norwegian", "crowns"): "NOK",
    ("norwegian", "kroner"): "NOK", ("danish", "crowns"): "DKK", ("danish", "kroner"): "DKK", ("czech", "crowns"): "CZK",
    ("czech", "korunas"): "CZK", ("czech", "koruna"): "CZK", ("korunas",): "CZK", ("koruna",): "CZK",
    ("icelandic", "crowns"): "ISK", ("icelandic", "kronur"): "ISK", ("crown",): "crown", ("crowns",): "crown",
    ("hryvnia",): "UAH", ("tenge",): "KZT", ("riyals",): "SAR", ("dirhams",): "AED", ("bitcoin",): "BTC",
    ("bitcoins",): "BTC", ("cent",): "USD_cent", ("cents",): "USD_cent", ("euro", "cents"): "EUR_cent",
    ("penny",): "GBP_penny", ("pennies",): "GBP_penny", ("pence",): "GBP_penny", ("dime",): "USD_dime",
    ("dimes",): "USD_dime", ("nickel",): "USD_nickel", ("nickels",): "USD_nickel", ("sen",): "MYR_sen",
}
_CURRENCY_NAMES.update({(code.lower(),): code for code in units.CURRENCIES})
_CURRENCY_NAMES.update({(name.lower(),): name for name in units.SUBUNITS})  # as canonical text writes them
CURRENCY_NAMES_BY_FIRST = by_first_word(list(_CURRENCY_NAMES.items()))
CURRENCY_WORDS = {name[0]: code for name, code in _CURRENCY_NAMES.items() if len(name) == 1}
# For the extractor, which grows a span over these: what may stand before a number, and every
# word of a currency's name after one (lower case).
CURRENCY_BEFORE = frozenset(CURRENCY_SYMBOLS) | frozenset(p for p in _DOLLAR_PREFIXES if p not in ("a", "s")) | {"¥", "rmb"} | {
    code.lower() for code in units.CURRENCIES} | {sign.lower() for sign in _LOCAL_SIGNS}
# Capital letters glued to a dollar sign, before it or after it: "A$5", "$A5", "S$3".
DOLLAR_LETTERS = frozenset({prefix.upper() for prefix in _DOLLAR_PREFIXES if len(prefix) <= 2 and prefix.isalpha()})
CURRENCY_NAME_WORDS = frozenset(word for name in _CURRENCY_NAMES for word in name) | frozenset(CURRENCY_SYMBOLS) | {
    "franc", "francs", "p"}


_GLUED_PENCE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?p\b")


def currency_prefix(p: Reading) -> str | None:
    """A currency written before the number: $, €, ₹, US$, C$, HK$, USD, CAD (a code in capitals)."""
    cur = p.cur
    token = cur.peek()
    written = p.as_written[cur.i:cur.i + 3]
    starts_number = [(word or " ")[0].isdigit() for word in cur.tokens[cur.i:cur.i + 3]]
    if token == "$" and len(written) == 3 and written[1] in _DOLLAR_SUFFIXES and starts_number[2]:
        cur.i += 2  # "$A5 million", "$US45 million"
        return _DOLLAR_SUFFIXES[written[1]]
    if token in CURRENCY_SYMBOLS:
        cur.take()
        return CURRENCY_SYMBOLS[token]
    if len(written) >= 2 and written[0] in _LOCAL_SIGNS and starts_number[1]:
        cur.take()  # "RM15", "Rs 500"
        return _LOCAL_SIGNS[written[0]]
    if token == "¥":
        cur.take()
        return yen_sign(p)
    if token in _DOLLAR_PREFIXES and cur.peek(1) == "$":
        cur.take()
        cur.take()
        return _DOLLAR_PREFIXES[token]
    if token in ("usd", "rmb", "cny", "eur", "gbp", "jpy") or (
            token is not None and token.upper() in units.CURRENCIES and p.as_written[cur.i].isupper()):
        cur.take()
        return CURRENCY_WORDS[token]
    return None


def currency_name(p: Reading) -> str | None:
    """A currency named after the number ("dollars", "swiss francs", "CAD", "€"), consumed; else None."""
    cur = p.cur
    if cur.peek() in ("franc", "francs"):
        if p.declared_unit is not None and p.declared_unit.upper() in units.CURRENCIES:
            cur.take()
            return p.declared_unit.upper()
        raise p.fail("'francs' may be Swiss, French, Belgian or African francs; write 'Swiss francs' or CHF, "
                        "or give unit: CHF")
    if cur.peek() in ("pound", "pounds") and p.declared_unit is not None and \
            p.declared_unit.upper() not in units.CURRENCIES and units.known_unit(p.declared_unit):
        return None  # "three pounds" with unit: lb is a weight; without a unit, pounds are money
    if cur.peek() == "p" and _GLUED_PENCE.search(p.text):
        cur.take()  # "85p": pence, written as British papers write them
        return "GBP_penny"
    for name, code in CURRENCY_NAMES_BY_FIRST.get(cur.peek() or "", ()):
        if cur.accept(*name):
            if code == "GBP":
                cur.accept("sterling")
            return code
    if cur.peek() in CURRENCY_SYMBOLS:  # "-15€", "100 ₡"
        return CURRENCY_SYMBOLS[cur.take()]
    return None


def yen_sign(p: Reading) -> str:
    if p.declared_unit in ("JPY", "CNY"):
        return p.declared_unit
    raise p.fail("'¥' stands for both Japanese yen and Chinese yuan; write JPY or CNY, or give unit: JPY or unit: CNY")

__all__ = ["CURRENCY_BEFORE", "CURRENCY_NAME_WORDS", "DOLLAR_LETTERS", "CURRENCY_NAMES_BY_FIRST", "CURRENCY_SYMBOLS", "CURRENCY_WORDS",
           "currency_name", "currency_prefix", "yen_sign"]
