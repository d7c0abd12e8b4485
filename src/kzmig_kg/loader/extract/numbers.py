"""Numbers as documents write them: thousands separators, decimal points or commas, scale words
and signs. (The numbers of legal acts are ``actnumbers``.)

``parse_number("2,900,000")`` is 2900000, ``parse_number("17,3")`` is 17.3 (a decimal comma),
``scaled(Decimal("1.5"), "million")`` is 1500000. Values are Decimals, so "17.3 thousand" is
exactly 17300.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

SCALES: dict[str, int] = {
    "thousand": 10**3, "thousands": 10**3, "thous": 10**3, "thsd": 10**3, "k": 10**3,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9,
    "тыс": 10**3, "тысяч": 10**3, "тысяча": 10**3, "тысячи": 10**3, "мың": 10**3,
    "млн": 10**6, "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6,
    "млрд": 10**9, "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9,
}
# A number as printed: optional sign, digits with , or thin/non-breaking space thousands groups,
# optional decimal part (point, or comma followed by 1-2 digits).
UNSIGNED_NUMBER_PATTERN = (r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)"
                           r"(?:[.,]\d+(?![.,]?\d))?")
NUMBER_PATTERN = r"[-−–+]?" + UNSIGNED_NUMBER_PATTERN
# Kazakh puts its case ending on the scale word: "18 мыңнан астам", "4 мыңға жуық"
SCALE_PATTERN = (r"(?:thousands?|thous\.|millions?|billions?|thsd|mln|bln|bn|тыс\.?|тысяч[аи]?|"
                 r"мың(?:нан|ға|ы|дай|дан)?|"
                 r"млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?)")
_MINUS = "-−–"


def parse_number(text: str) -> Decimal:
    """The value of a number as printed; raises ValueError if it is not one."""
    raw = text.strip()
    negative = raw[:1] in _MINUS
    body = raw[1:] if negative or raw[:1] == "+" else raw
    body = re.sub(r"[ \u00a0\u202f\u2009](?=\d{3}\b)", "", body)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", body):
        body = body.replace(",", "")
    elif any(re.fullmatch(p, body) for p in (r"\d+,\d{1,2}", r"\d+,\d{4,}", r"\d{4,},\d{3}")):
        body = body.replace(",", ".")
    if not re.fullmatch(r"\d+(?:\.\d+)?", body):
        raise ValueError(f"not a number: {text!r}")
    try:
        value = Decimal(body)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only decimals
        raise ValueError(f"not a number: {text!r}") from None
    return -value if negative else value


def scale_of(word: str | None) -> int:
    if not word:
        return 1
    key = word.lower().rstrip(".")
    if key.startswith("мың"):
        return 10**3
    return SCALES.get(key, 1)


def scaled(value: Decimal, word: str | None) -> Decimal:
    """Apply a scale word ("thousand", "million", "млн") to a value."""
    return value * scale_of(word)


def as_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (for JSON)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
