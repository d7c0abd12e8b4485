"""A chart's data labels: a row of values over (or under) a row of years, the columns aligned, and
nothing else on either line ("Figure 4.7 Departures to the Russian Federation, thousand persons"
over "28.1  26.7  14.0" and "2020  2021  2022"). A chart has no row label: its caption names the
series (the direction, the partner, a unit of thousands).

One public entry: ``read_chart_series(values, years, caption)``: the figures of the two rows of
cells (start, end, text), or none when they are not such a pair.
"""

from __future__ import annotations

import re

from ..model import FigureFound
from .context import direction_of, flow_words
from .countries import find_places
from .dates import YEAR
from .numbers import parse_number

_YEAR_ONLY = re.compile(rf"{YEAR}\*?")
_VALUE = re.compile(r"[-−–+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*(?:[.,]\d+)?|[-−–+]?\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"\b(?:thousands?|thous\.|тыс\.?|мың)(?!\w)", re.IGNORECASE)
_NOT_COUNT = re.compile(r"%|\bshare\b|\brate\b|\bper\s+1\s?000\b|дол[яи]|үлес|на\s+1000", re.IGNORECASE)


def _aligned(a: tuple[int, int, str], b: tuple[int, int, str], a_line: int, b_line: int) -> bool:
    """Whether two cells of two lines overlap as columns (offsets from the start of each line)."""
    return a[0] - a_line < b[1] - b_line and b[0] - b_line < a[1] - a_line


def read_chart_series(values: list[tuple[int, int, str]], years: list[tuple[int, int, str]],
                      value_line: int, year_line: int, caption: str) -> list[FigureFound]:
    """The figures of a row of values paired with a row of years, each value with the year of its
    column; the caption gives the direction and the partner, else the pair is no flow."""
    if len(values) < 2 or len(values) != len(years) or \
            not all(_YEAR_ONLY.fullmatch(c[2].strip()) for c in years) or \
            not all(_VALUE.fullmatch(c[2].strip()) and not _YEAR_ONLY.fullmatch(c[2].strip())
                    for c in values) or \
            not all(_aligned(v, y, value_line, year_line) for v, y in zip(values, years, strict=True)):
        return []
    words = flow_words(caption)
    direction = direction_of(None, caption, words, (0, len(caption)), len(caption))
    if direction is None or _NOT_COUNT.search(caption):
        return []                 # a chart of shares, rates or something else: no count of people
    places = [p for p in find_places(caption) if p.place.code != "KAZ"]
    place = places[0] if len(places) == 1 else None
    scale = 1000 if _THOUSANDS.search(caption) else 1
    figures = []
    for (start, end, raw), (_, _, label) in zip(values, years, strict=True):
        try:
            value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", "").replace("−", "-"))
        except ValueError:
            continue
        year = int(label.strip()[:4])
        figure = FigureFound(start, end, value * scale, "persons", year=year, direction=direction,
                             measure="flow", period=str(year), year_source="table",
                             direction_source="table", country_source="table" if place else "")
        if place is not None:
            figure.country = None if place.place.is_group else place.place.code
            figure.country_name = place.place.name
        figure.notes.append(f"chart label: the value over {year}, the series of the caption")
        figures.append(figure)
    return figures
