"""Official numbers of Kazakh legal acts: normalised, OCR damage repaired, checked against the year.

A law's number is a serial number and the Roman numeral of the convocation of the legislature
that passed it: ``477-IV`` (Parliament, 4th convocation), ``2586-XII`` (Supreme Council, 12th
convocation), sometimes with the suffix ``ЗРК``/``ҚРЗ`` (dropped). Resolutions, decrees and orders
have plain serial numbers (``148``, ``2337``) or compound ones (``11-1-2/555``, ``ҚР ДСМ-64/2020``),
kept as printed.

OCR reads ``I`` as ``1``, ``l`` or ``|``: ``477-1V`` is ``477-IV``, ``1-1`` is ``1-I``. A repair
is made only where the result is a convocation numeral (I to XIII). The year the citation gives
is checked against the convocations sitting in that year; a mismatch is noted (an amending law is
often cited by the number of the law it amends with its own year: ``Law No. 477-IV, 2020``), and
it decides between readings of a damaged number (``2586-XII1-V`` of 1993 is ``2586-XII``).

``normalise_act_number("477-1V")`` gives ``ActNumber("477-IV", repaired=True, notes=[...])``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The convocations sitting in each year (the Roman numeral of a law's number). Supreme Council of
# the Kazakh SSR / Republic of Kazakhstan: XII 1990-1993, XIII 1994-1995; Parliament of the
# Republic of Kazakhstan: I 1996-1999, II 1999-2004, III 2004-2007, IV 2007-2012, V 2012-2016,
# VI 2016-2021, VII 2021-2023, VIII from 2023. Boundary years belong to both.
CONVOCATIONS: tuple[tuple[str, int, int], ...] = (
    ("XII", 1990, 1993), ("XIII", 1994, 1995), ("I", 1995, 1999), ("II", 1999, 2004),
    ("III", 2004, 2007), ("IV", 2007, 2012), ("V", 2012, 2016), ("VI", 2016, 2021),
    ("VII", 2021, 2023), ("VIII", 2023, 2100),
)
NUMERALS = {name for name, _, _ in CONVOCATIONS} | {"IX", "X", "XI"}
_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "х": "X", "і": "I", "Ⅰ": "I", "Ⅴ": "V", "Ⅹ": "X",
                             "–": "-", "—": "-", "‑": "-", "−": "-"})
_SUFFIX = re.compile(r"\s*-?\s*(?:ЗРК|ЗPK|ZRK|ҚРЗ|QRZ)\.?$")
_ROMANISH = re.compile(r"^[IVXivx1l|]+$")
_PLAIN = re.compile(r"^\d{1,6}$")


@dataclass
class ActNumber:
    number: str                      # normalised
    repaired: bool = False           # OCR damage was repaired
    notes: list[str] = field(default_factory=list)


def convocations_in(year: int) -> list[str]:
    """Roman numerals of the convocations that sat in a year."""
    return [name for name, first, last in CONVOCATIONS if first <= year <= last]


def _repair(part: str) -> str | None:
    """A Roman-numeral part with OCR damage repaired, or None if it is not a convocation numeral."""
    fixed = re.sub(r"[1l|]", "I", part).upper()
    return fixed if fixed in NUMERALS else None


def normalise_act_number(raw: str, year: int | None = None, convocation: bool = True) -> ActNumber:
    """The number as the project writes it, whether OCR damage was repaired, and notes.
    ``convocation=False`` for an act type whose numbers carry no convocation (a maslikhat's
    decision "№ 41-1" is no "41-I")."""
    text = raw.strip().translate(_LOOKALIKES)
    text = _SUFFIX.sub("", text).rstrip(".,;: ")
    text = re.sub(r"\s*-\s*", "-", text)
    parts = text.split("-")
    if convocation and _PLAIN.match(parts[0]) and len(parts) >= 2 and \
            all(_ROMANISH.match(p) for p in parts[1:]):
        return _convocation_number(raw, parts[0], parts[1:], year)
    return ActNumber(text)


def _convocation_number(raw: str, serial: str, romans: list[str], year: int | None) -> ActNumber:
    printed = raw.strip()
    sitting = convocations_in(year) if year else []
    if len(romans) == 1:
        fixed = _repair(romans[0])
        if fixed is None:
            return ActNumber(f"{serial}-{romans[0]}", notes=[f"'{printed}': '{romans[0]}' is not "
                                                               "a convocation numeral"])
        result = ActNumber(f"{serial}-{fixed}", repaired=fixed != romans[0])
        if result.repaired:
            result.notes.append(f"number printed as {printed}, read as {result.number} (OCR)")
        if sitting and fixed not in sitting:
            result.notes.append(f"convocation {fixed} did not sit in {year} (that year: "
                                f"{', '.join(sitting)}); the year may be of an amendment")
        return result
    # Several Roman parts ("2586-XII1-V"): damage; prefer the reading whose convocation sat that year.
    joined = "".join(romans)
    readings = []
    for name in sorted(NUMERALS, key=len, reverse=True):
        if re.sub(r"[1l|]", "I", joined).upper().startswith(name):
            readings.append(name)
    whole = _repair(romans[0])
    chosen = next((r for r in readings if r in sitting), None) or whole or (readings or [None])[0]
    if chosen is None:
        return ActNumber("-".join([serial, *romans]),
                         notes=[f"'{printed}' is not a recognised act number"])
    return ActNumber(f"{serial}-{chosen}", repaired=True,
                     notes=[f"number printed as {printed}, read as {serial}-{chosen}"
                            + (f" (the convocation sitting in {year})" if chosen in sitting else "")
                            + "; the rest is unexplained OCR damage"])
