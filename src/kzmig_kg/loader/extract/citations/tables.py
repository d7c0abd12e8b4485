"""Tables of acts (``| Labour Code ... | 23.11.2015 | No. 414-V | K1500000414 |``): each row is one
citation, its title cell heading it and the other cells giving its number, date and Adilet
identifier. Entry: ``rows_of_acts``."""

from __future__ import annotations

import re

from ..actrows import act_rows
from ..dates import DATE_PATTERN, YEAR
from .adilet import ADILET_ID
from .english import _HEAD_EN
from .finish import finish_citation
from .found import CitationFound, _Parts
from .grammar import _QUOTED, NUMBER, OWS, WS
from .russian import _HEAD_RU

_NUMBER_CELL = re.compile(rf"(?:No\.?|Nr\.?|№|N(?=\s*\d)){OWS}(?P<number>{NUMBER})")
_BARE_NUMBER_CELL = re.compile(rf"(?P<number>{NUMBER})")
_DATE_CELL = re.compile(rf"(?:(?:of|dated|from|от|adopted(?:{WS}on)?){WS})?(?P<date>{DATE_PATTERN}|{YEAR})"
                        rf"(?:{OWS}(?:года|г\.|ж\.))?", re.IGNORECASE)


def rows_of_acts(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """A table of acts ("| Labour Code ... | 23.11.2015 | No. 414-V | K1500000414 |"): each row is
    one citation of the act its title cell heads, with the number, date and identifier of the
    other cells; a citation the title cell gave alone is replaced by it."""
    if "|" not in text and "\t" not in text and "│" not in text and "   " not in text:
        return found
    for row in act_rows(text, _NUMBER_CELL, _BARE_NUMBER_CELL):
        number = row.cells[row.number]
        date = next((c for c in row.cells if _DATE_CELL.fullmatch(c[2])), None)
        adilet = next((c for c in row.cells if re.fullmatch(ADILET_ID, c[2])), None)
        titled = [(c, m) for c in row.cells if c is not number and c is not date and c is not adilet
                  and (m := _HEAD_EN.search(c[2]) or _HEAD_RU.search(c[2]))]
        if len(titled) != 1:
            continue
        (t_start, t_end, title_cell), head = titled[0]
        start = min(t_start, number[0])
        end = max(c[1] for c in (number, adilet, titled[0][0]) if c is not None)
        inside = [c for c in found if start <= c.start < end]
        if any(c.number and (c.year or date is None) for c in inside):
            continue                      # the title cell holds a full citation of its own
        # (one read across the cells, "кодекс ...\t23.11.2015 № 414-V", lacks the date cell's year)
        rest = title_cell[head.end():]
        quoted = re.search(_QUOTED, rest)
        issuer = rest[:quoted.start()] if quoted else rest
        issuer = re.sub(r"^\s*(?:of\s+(?:the\s+)?)?", "", issuer).strip(" ,") or None
        title = quoted.group() if quoted else None
        if issuer and title is None and (words := re.search(r"\s(?=(?:об?|on)\s)", issuer)):
            issuer, title = issuer[:words.start()] or None, issuer[words.end():]   # "РК об ..."
        parts = _Parts(head["head"], start, end, "ru" if _HEAD_RU.search(title_cell) else "en",
                       issuer, title,
                       _DATE_CELL.fullmatch(date[2])["date"] if date else None,
                       _NUMBER_CELL.fullmatch(number[2])["number"] if _NUMBER_CELL.fullmatch(number[2])
                       else number[2])
        citation = finish_citation(text, parts, "number")
        if inside:
            citation.jurisdiction = inside[0].jurisdiction or citation.jurisdiction
            citation.act_type = inside[0].act_type or citation.act_type
        citation.adilet_id = adilet[2] if adilet else None
        citation.notes.append("a row of a table of acts: title, date, number and identifier in cells")
        found = [c for c in found if c not in inside] + [citation]
    return found
