"""Russian federal laws cited by their number alone, its kind written into it (``по 109-ФЗ``,
``ФЗ-115``, ``ФЗ № 115``, ``under 115-FZ``), with the date that may follow (``115-ФЗ от
25.07.2002``). Entry: ``federal_numbers``."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN
from ..textutil import Spans
from .found import CitationFound, _year_of
from .grammar import _QUOTED

# a Russian federal law by its number alone, its kind written into it: "по 109-ФЗ", "ФЗ-115",
# "ФЗ № 115", "under 115-FZ"; the date may follow ("115-ФЗ от 25.07.2002")
_FEDERAL_NUMBER = re.compile(
    r"(?<![\w-])(?:(?:№|No\.?)[\s\u00a0]*)?(?P<serial>\d{1,4})-(?P<kind>ФКЗ|ФЗ|FKZ|FZ)(?![\w-])"
    r"|(?<![\w-])(?P<kind2>ФКЗ|ФЗ|FKZ|FZ)(?:-|[\s\u00a0]*(?:№|No\.?)[\s\u00a0]*)(?P<serial2>\d{1,4})(?![\w-])")
# (its quoted title may stand between: "115-ФЗ «О правовом положении ...» от 25 июля 2002 года")
_FEDERAL_DATE = re.compile(rf"(?:[\s\u00a0]*{_QUOTED})?[\s\u00a0]*(?:,[\s\u00a0]*)?(?:от|of|dated)[\s\u00a0]+"
                           rf"(?P<date>{DATE_PATTERN})")


def federal_numbers(text: str, found: list[CitationFound]) -> list[CitationFound]:
    taken = Spans([(c.start, c.end) for c in found])
    more = []
    for match in _FEDERAL_NUMBER.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        kind = match["kind"] or match["kind2"]
        number = f"{match['serial'] or match['serial2']}-{kind}"
        end, (year, date) = match.end(), (None, None)
        if dated := _FEDERAL_DATE.match(text, end):
            end, (year, date) = dated.end(), _year_of(dated["date"])
        act_type = "constitutional-law" if kind in {"ФКЗ", "FKZ"} else "law"
        more.append(CitationFound(match.start(), end, act_type, None, [], "RUS", number,
                                  match.group().strip(), year,
                                  date if date and len(date) == 10 else None, None, "number",
                                  "ru" if kind[0] == "Ф" else "en", 0.85 if year else 0.75,
                                  ["a Russian federal law by its number alone"]))
    return more
