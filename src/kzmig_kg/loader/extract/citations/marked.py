"""Acts cited by their number alone where the number's mark names the type and the state, as a
jurisdiction scheme says (``number_re``: Uzbekistan's "ПП-3666", "УП-5415", "ЗРУ-534"), with the
head or the date that may go with it ("Указ УП-5415 от 13.04.2018", "в соответствии с ПП-3666 от
13 апреля 2018 года"). Russia's "-ФЗ" numbers are ``federal``'s. Entry: ``marked_numbers_cited``."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN
from ..schemes import marked_numbers
from ..textutil import Spans
from .found import CitationFound, _year_of

_DATE_AFTER = re.compile(rf"[\s\u00a0]*(?:,[\s\u00a0]*)?(?:от|of|dated)[\s\u00a0]+(?P<date>{DATE_PATTERN})")
# the head written right before the number ("Указ УП-5415", "постановлением ПП-3666", "Law ZRU-534")
_HEAD_BEFORE = re.compile(r"(?:[Уу]каз\w*|[Пп]остановлени\w*|[Зз]акон\w*|Decree|Resolution|Law)"
                          r"[\s\u00a0]+(?:(?:№|N|No\.?)[\s\u00a0]*)?$")


def marked_numbers_cited(text: str, found: list[CitationFound]) -> list[CitationFound]:
    taken = Spans([(c.start, c.end) for c in found])
    more: list[CitationFound] = []
    mine: list[tuple[int, int]] = []
    for pattern, act_type, state, issuer in marked_numbers():
        for match in pattern.finditer(text):
            if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "-_"):
                continue                  # inside a word or a longer code: "АПП-123", "X-ПП-12"
            if taken.overlaps(match.start(), match.end()) or \
                    any(s < match.end() and match.start() < e for s, e in mine):
                continue
            start, end, (year, date) = match.start(), match.end(), (None, None)
            if head := _HEAD_BEFORE.search(text, max(0, start - 40), start):
                start = head.start()
            if dated := _DATE_AFTER.match(text, end):
                end, (year, date) = dated.end(), _year_of(dated["date"])
            more.append(CitationFound(start, end, act_type, issuer, [], state, match.group(), match.group(),
                                      year, date if date and len(date) == 10 else None, None, "number",
                                      "en" if match.group()[0].isascii() else "ru", 0.85 if year else 0.75,
                                      ["an act by its number alone: its mark names its type and state"]))
            mine.append((start, end))
    return more
