"""Rows of a table listing legal acts (an annex "Legal acts cited", a register): one act a row, its
title, adoption date, number and Adilet identifier each in a cell of its own, in any order.

One public entry: ``act_rows(text)``: for each such row its cells (start, end, text) and which
of them holds the number. A row is a line split by bars or tabs into three or more cells, one of
them a number: "No. 477-IV", "№ 148", or a bare number under a header cell "Number", "Номер",
"№", "Нөмірі". Which cell holds the title, the date or the identifier ``citations`` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# bars, tabs, or the gap between columns aligned by spaces (a PDF's copy): on a line with a gap of
# three or more spaces, two spaces are a gap too (where a long cell nearly reaches the next column)
_SPLIT = re.compile(r"[ \t]*[|│\t][ \t]*|[ \u00a0]{3,}")
_SPLIT_ALIGNED = re.compile(r"[ \t]*[|│\t][ \t]*|[ \u00a0]{2,}")
_NUMBER_HEADER = re.compile(r"(?:act\s+)?(?:no\.?|number|nr\.?|№|номер\w*|нөмір\w*)", re.IGNORECASE)
_MIN_CELLS = 3
# "22.07.2011 № 477-IV", "05.07.2014 № 235-V ЗРК": a cell of a register's "Дата и номер" column
# holds the date and the number (and the law's mark after it)
_DATED_NUMBER = re.compile(r"(?P<date>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)(?:\s*(?:г\.|года|ж\.))?\s+"
                           r"(?P<number>(?:№|No\.?|N)\s*\S+?)(?:\s+(?:ЗРК|ҚРЗ|ЗРК|РЗ))?")


@dataclass
class ActRow:
    cells: list[tuple[int, int, str]]
    number: int                        # the index of the number's cell


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    cells, position = [], 0
    split = _SPLIT_ALIGNED if "   " in line.strip() else _SPLIT
    for match in [*split.finditer(line), None]:
        end = match.start() if match else len(line)
        if line[position:end].strip():
            cells.extend(_dated_number(offset + position, line[position:end]))
        position = match.end() if match else len(line)
    return cells


def _dated_number(start: int, cell: str) -> list[tuple[int, int, str]]:
    lead = len(cell) - len(cell.lstrip())
    if (m := _DATED_NUMBER.fullmatch(cell.strip())) is None:
        return [(start + lead, start + lead + len(cell.strip()), cell.strip())]
    return [(start + lead + m.start(name), start + lead + m.end(name), m[name])
            for name in ("date", "number")]


def act_rows(text: str, number_cell: re.Pattern[str], bare_number: re.Pattern[str]) -> list[ActRow]:
    """The rows of acts in ``text``: ``number_cell`` matches a whole cell holding "No. N",
    ``bare_number`` a bare number (taken only under a header cell that names the number)."""
    rows: list[ActRow] = []
    header: list[str] = []
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            header = []
            continue
        if "|" not in line and "\t" not in line and "│" not in line and "   " not in line.strip():
            continue
        cells = _cells(line, start)
        if len(cells) < _MIN_CELLS:
            continue
        if not any(ch.isdigit() for ch in line):
            header = [c[2] for c in cells]
            continue
        for index, (_, _, cell) in enumerate(cells):
            named = len(header) == len(cells) and _NUMBER_HEADER.fullmatch(header[index].strip())
            if number_cell.fullmatch(cell) or (named and bare_number.fullmatch(cell)):
                rows.append(ActRow(cells, index))
                break
    return rows
