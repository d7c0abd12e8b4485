"""Step 4a: dates, at the precision the text gives them.

Recognised forms (English, Russian, Kazakh): ``24 February 2022``, ``February 24, 2022``,
``April 17,2024``, ``March of 1996``, ``May 1996``, ``12.06.2020``, ``2022-06-12``, ``22 июля 2011
года``, ``в марте 1996 года``, ``2011 жылғы 22 шілде``, ``2026 жылғы ақпанда``; a day and month without a year
(``since September 21``) takes the year the surrounding text is about, flagged as inferred; a
bare year is a date only where an event is attached (``In 2013, agreements were signed``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS_EN = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS_EN.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                  "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_RU_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
             "ноябр", "декабр")
_KK_STEMS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
             "қазан", "қараша", "желтоқсан")

MONTH_EN = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?![\w'’])))")
# without a year ("Feb 12 (Reuters)", a dateline's day), only a month name or a dotted abbreviation
_MONTH_EN_NO_YEAR = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
MONTH_RU = (r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)")
MONTH_RU_ANY = (r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
                r"август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])")
MONTH_KK = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"

# Full dates, as one pattern other steps embed (e.g. "dated July 22, 2011" in a citation).
DATE_PATTERN = (
    rf"(?:\d{{1,2}}{_ORD}\s+(?:of\s+)?{MONTH_EN},?\s+{YEAR}"
    rf"|{MONTH_EN}\s+\d{{1,2}}{_ORD}\s*,?\s*{YEAR}"
    rf"|[«\"]?\d{{1,2}}[»\"]?\s+{MONTH_RU}\s+{YEAR}(?:\s*(?:года|г\.))?"   # "от «22» июля 2011 года"
    rf"|\d{{1,2}}\.\d{{1,2}}\.{YEAR}(?:\s*(?:года|г\.))?"
    rf"|{YEAR}-\d\d-\d\d"
    rf"|{YEAR}\s+(?:жылғы|ж\.)\s*\d{{1,2}}\s+{MONTH_KK})"
)

_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dmy", re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{MONTH_EN}),?\s+"
                       rf"(?P<y>{YEAR})(?!\d)")),
    ("mdy", re.compile(rf"(?P<m>{MONTH_EN})\s+(?P<d>\d{{1,2}}){_ORD}\s*,?\s*(?P<y>{YEAR})(?![\d,]\d)")),
    ("dmy-ru", re.compile(rf"(?<![\d.])[«\"]?(?P<d>\d{{1,2}})[»\"]?\s+(?P<m>{MONTH_RU})\s+(?P<y>{YEAR})"
                          rf"(?:\s*(?:года|г\.))?", re.IGNORECASE)),
    # also in the genitive: "2025 жылдың 1 шілдесіндегі жағдай бойынша" (as of 1 July 2025)
    ("ymd-kk", re.compile(rf"(?P<y>{YEAR})\s+(?:жылғы|жылдың|ж\.)\s*(?P<d>\d{{1,2}})\s+(?P<m>{MONTH_KK})",
                          re.IGNORECASE)),
    # "2026 жылғы ақпанда" (in February 2026); not the first month of a range ("қаңтар-қыркүйек")
    ("my-kk", re.compile(rf"(?P<y>{YEAR})\s+жылғы\s+(?P<m>{MONTH_KK})(?!\s*[-–—]\s*{MONTH_KK})",
                         re.IGNORECASE)),
    ("numeric", re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR})(?![\d]|[-–]\d)"
                           rf"(?:\s*(?:года|г\.))?")),
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])")),
    ("my", re.compile(rf"(?P<m>{MONTH_EN})\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)")),
    ("my-ru", re.compile(rf"(?P<m>{MONTH_RU_ANY})\s+(?P<y>{YEAR})(?:\s*(?:года|г\.))?",
                         re.IGNORECASE)),
    ("md", re.compile(rf"(?P<m>{_MONTH_EN_NO_YEAR})\s+(?P<d>\d{{1,2}}){_ORD}(?![\d,.]*\d)"
                      rf"(?!\s*,?\s*{YEAR})")),
    ("dm", re.compile(rf"(?<![\d.,])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH_EN_NO_YEAR})"
                      rf"(?!\s*,?\s*(?:of\s+)?{YEAR})")),
)

@dataclass
class DateFound:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    precision: str          # day, month or year
    year_inferred: bool = False

    @property
    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_CYRILLIC_FORMS = {"dmy-ru", "ymd-kk", "my-kk", "my-ru"}


def month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    if key.isdigit():
        value = int(key)
        return value if 1 <= value <= 12 else None
    if key in MONTHS_EN:
        return MONTHS_EN[key]
    for index, stem in enumerate(_KK_STEMS, start=1):
        if key.startswith(stem):
            return index
    if key.startswith("ма") and len(key) <= 3:
        return 5
    for index, stem in enumerate(_RU_STEMS, start=1):
        if stem != "ма" and key.startswith(stem):
            return index
    return None


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if month is None:
        return 1800 <= year <= 2100
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]


def parse_dates(text: str) -> list[DateFound]:
    """Every full, month or day-month date in the text, without overlaps, in order."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []
    cyrillic = _CYRILLIC.search(text) is not None
    for form, pattern in _FORMS:
        if form in _CYRILLIC_FORMS and not cyrillic:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            groups = match.groupdict()
            month = month_number(groups["m"])
            day = int(groups["d"]) if groups.get("d") else None
            year = int(groups["y"]) if groups.get("y") else None
            if month is None or not _valid(year or 2000, month, day):
                continue
            precision = "day" if day else "month"
            found.append(DateFound(start, end, year, month, day, precision))
            taken.append((start, end))
    return sorted(found, key=lambda d: d.start)
