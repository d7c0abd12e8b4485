"""Rows of slash-separated numbers under a caption that names their series in the same order:
"Обмен населением в 2025 году (прибыло / выбыло / сальдо), человек:" over "Россия — 5 020 / 8 960 /
-3 940", "Arrivals / departures, 2024 and 2025:" over "Russia: 5,020 / 8,960".

One public entry: ``read_slash_rows(lines, index, caption)``: the figures of the rows starting at
``lines[index]`` and the row after them. Each series name is read like any table label
(``grid``): a direction, a year or a part of a year; the caption gives what the names leave out; a
row's label names the partner country or a total.
"""

from __future__ import annotations

import re

from ..model import FigureFound
from .grid import _read as read_label  # one reading of a label for every table layout
from .numbers import parse_number

_NUM = r"[-−–+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|[-−–+]?\d+"
_ROW = re.compile(rf"^[ \t•▪▸*-]*(?P<label>[^\d\n—–:|]{{2,60}}?)[ \t]*(?:[—–:-]|\.{{2,}})[ \t]*"
                  rf"(?P<numbers>(?:{_NUM})(?:[ \t]*/[ \t]*(?:{_NUM}))+)[ \t]*[.;]?[ \t]*$")
# the names of the series: "(прибыло / выбыло / сальдо)", "Arrivals / departures:"
_NAMES = re.compile(r"(?P<names>[^\W\d][^()/\n:]{0,30}?(?:[ \t]*/[ \t]*[^()/\n:,]{1,30}?)+)(?=[ \t]*[),:]|$)")


def read_slash_rows(lines: list[tuple[int, str]], index: int, caption: str) -> tuple[list[FigureFound], int]:
    """The figures of the slash-separated rows from ``lines[index]``, and the line after them."""
    first = _ROW.match(lines[index][1])
    if first is None:
        return [], index + 1
    count = first["numbers"].count("/") + 1
    names = next((m["names"] for m in _NAMES.finditer(caption)
                  if m["names"].count("/") + 1 == count), None)
    if names is None:
        return [], index + 1
    series = [read_label(name.strip()) for name in names.split("/")]
    around = read_label(caption)
    figures: list[FigureFound] = []
    row = index
    while row < len(lines) and (match := _ROW.match(lines[row][1])) and \
            match["numbers"].count("/") + 1 == count:
        side = read_label(match["label"].strip())
        if not (side.place or side.total):
            break
        offset = lines[row][0] + match.start("numbers")
        for column, number in zip(series, re.finditer(_NUM, match["numbers"]), strict=True):
            year = side.year or column.year or around.year
            part = column.part or (None if column.year else around.part)
            direction = column.direction or around.direction
            if year is None or direction is None:
                continue
            value = parse_number(re.sub(r"[ \u00a0\u202f]", "", number.group()).replace("−", "-")
                                 .replace("–", "-"))
            period = f"{year}-{part}" if part else str(year)
            figure = FigureFound(offset + number.start(), offset + number.end(), value, "persons",
                                 year=None if part else year, direction=direction, measure="flow",
                                 period=period, year_source="table", direction_source="table",
                                 country_source="table" if side.place else "")
            if side.place is not None:
                figure.country, figure.country_name = side.place.place.code, side.place.place.name
            figure.notes.append(f"slash-separated row {match['label'].strip()!r}, "
                                f"series {period} {direction}")
            figures.append(figure)
        row += 1
    return (figures, row) if figures else ([], index + 1)
