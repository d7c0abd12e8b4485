"""Tables in running text: a header row of years, then a row per country, columns aligned with
two or more spaces or with tabs (as statistical bulletins print them), or separated by semicolons
or pipes (a pasted CSV, a Markdown grid, a box drawing; its rule lines are skipped).

One public entry: ``find_tables(text)``, the figures of every such table (one per cell) with the
spans the tables cover, so the running-text steps leave their numbers alone. The direction and
the scale come from the caption (the lines just above the header: "Table 1. Emigrants from
Kazakhstan by country of destination, thousand persons"); the year from the column; the partner
country from the row's label (a row labelled "Total"/"Всего" is a total, with none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import FigureFound
from .chartrows import read_chart_series
from .context import direction_of, flow_words
from .countries import find_places
from .dates import DATE_PATTERN, YEAR
from .grid import KAZAKHSTAN_END as _KAZAKHSTAN_END
from .grid import KAZAKHSTAN_ROLE as _KAZAKHSTAN_ROLE
from .grid import direction_label, read_grid
from .jsonrows import read_json_records
from .latex import plain_tabular
from .numbers import parse_number
from .slashrows import read_slash_rows
from .subyear import find_subyear

# cells are separated by tabs, runs of spaces, semicolons (a pasted CSV), pipes (a Markdown or
# plain-text grid) or dot leaders ("Russia ........ 9,940"): one splitter for every layout below
# dots between a label and its value are a leader, no cell; but a lone "…" or "..." standing apart
# between runs of spaces or after a tab is a cell of its own, the mark of no value (a leader there
# would shift every value after it one column to the left)
_CELL_SPLIT = re.compile(r"\t+|[ \u00a0]{2,}|[ \t]*[;|│┃║][ \t]*|[ \t]*(?:\.{4,}|…{2,})[ \t]*|"
                         r"[ \t]?(?<![ \t\u00a0]{2})(?<!\t)(?:\.{3}|…)(?!\S)[ \t]*|[ \t]*(?:\.{3}|…)(?=\S)")
# "|---|:---:|", "+------+-----+", "-----  -----": a rule between a header and its rows, or above
# or below a table
_RULE_LINE = re.compile(r"[ \t]*[|+]?(?:[ \t]*:?-{3,}:?[ \t]*[|+]?)+[ \t]*|"
                        # a rule drawn with box-drawing characters or "=": "├────┼────┤", "+====+"
                        r"[ \t|+:\u2500-\u257f=-]*[\u2500-\u257f=]{3,}[ \t|+:\u2500-\u257f=-]*")
# a year column: "2022", "2022 г.", "2022 год", "2022*" (a footnote mark)
_YEAR_CELL = re.compile(rf"{YEAR}(?:\s*(?:г\.?|гг\.?|год|жыл|year))?\*?")
_NUMBER_CELL = re.compile(r"[-−–+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*(?:[.,]\d+)?|[-−–+]?\d+(?:[.,]\d+)?")
_TOTAL = re.compile(r"^(?:total|all\s+(?:countries|destinations|origins)|всего|итого|барлығы|"
                    r"барлық\s+елдер)\b", re.IGNORECASE)
# a count with its share in brackets in one cell ("11,920 (71.8)", "11 920 (71,8%)"): the share is
# no figure of its own and no column, so the cell is cut to the count
_SHARE_AFTER_COUNT = re.compile(r"(?P<count>[-−–+]?\d[\d \u00a0\u202f,.]*?)[ \u00a0]*"
                                r"\((?P<share>\d{1,3}(?:[.,]\d+)?)[ \u00a0]*%?\)[ \t]*")
# (Kazakh "тыс" without its dot is "outside": "республикадан тыс жерлерге")
_THOUSANDS = re.compile(r"\b(?:thousands?|thous\.|тыс\.|тыс(?=\s+(?:чел|человек|адам|persons))|тысяч\w*|"
                        r"мың)(?!\w)", re.IGNORECASE)
# a cell whose direction is Kazakhstan's, by Kazakhstan's end named in its column ("to Kazakhstan")
KAZAKHSTAN_END_NOTE = "direction: Kazakhstan named as where the movement ends or starts"
# "Прибывшие ... по странам выбытия": the countries' role names no direction of the table's flows
_COUNTRY_ROLE = re.compile(r"(?<![а-яё])(?:по\s+)?стран\w*\s+(?:выбытия|прибытия|назначения|происхождения)|"
                           r"\b(?:by\s+)?countr(?:y|ies)\s+of\s+(?:departure|arrival|destination|origin)|"
                           r"(?:кеткен|келген)\s+елдер\w*", re.IGNORECASE)
CAPTION_LINES = 3
# a note mark after a cell: superscript digits or letters, asterisks, daggers
_NOTE_MARK = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u209f\u1d2c-\u1d6a*†‡]+$")


@dataclass
class TableFound:
    start: int                 # the caption's start (or the header's, without a caption)
    end: int
    figures: list[FigureFound]
    header: int | None = None  # the header's start: a paragraph of prose above keeps its own figures


# a row of a comma-separated file: three or more fields (quoted or bare), no space around a comma
_CSV_FIELD = r'(?:"(?:[^"]|"")*"|[^,"]*)'
_CSV_ROW = re.compile(rf"{_CSV_FIELD}(?:,{_CSV_FIELD}){{2,}}")
# a number in thousands after a space ("Russia 1,234,567"): its commas are no separators
_SPACED_THOUSANDS = re.compile(r"(?:^|\s)[-−–+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
# a line split by tabs, semicolons, bars or runs of spaces: its commas are decimal or thousands marks
_OTHER_SEPARATOR = re.compile(r"[\t;|│]|[ \u00a0]{2}")


def _csv_cells(line: str, offset: int) -> list[tuple[int, int, str]] | None:
    """The cells of a comma-separated row ("2025,Q1,arrivals,ALL,4012"), or None when the commas
    are no separators: a space beside one (prose, "4, 5"), or a number in thousands ("12,345")."""
    if not _CSV_ROW.fullmatch(line) or _SPACED_THOUSANDS.search(line) or _OTHER_SEPARATOR.search(line):
        return None
    cells = []
    for match in re.finditer(rf"(?:^|(?<=,)){_CSV_FIELD}", line):
        text = match[0]
        if text != text.strip():
            return None
        if text.startswith('"'):
            cells.append((offset + match.start() + 1, offset + match.end() - 1, text[1:-1]))
        else:
            cells.append((offset + match.start(), offset + match.end(), text))
    return cells


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of a line (start, end, text), split at tabs or runs of two or more spaces."""
    if (csv := _csv_cells(line, offset)) is not None:
        return [_without_unit(*_without_share(*_without_mark(s, e, t))) for s, e, t in csv if t.strip()]
    cells, position = [], 0
    for match in _CELL_SPLIT.finditer(line):
        if match.start() > position:
            cells.append((offset + position, offset + match.start(), line[position:match.start()]))
        position = match.end()
    if position < len(line):
        cells.append((offset + position, offset + len(line), line[position:]))
    return [_without_unit(*_without_share(*_without_mark(s, e, t))) for s, e, t in cells if t.strip()]


# a count written with its unit in the cell: "9 940 чел.", "4 190 адам", "4.2 thous.", "4,2 тыс."
_UNIT_IN_CELL = re.compile(r"(?P<count>[-−–+]?\d[\d \u00a0,.]*?)[ \u00a0]*"
                           r"(?:(?P<scale>thous\.?|thousand|тыс\.?|мың)"
                           r"(?:[ \u00a0]*(?:чел\.?|человек|адам|persons?|people))?|"
                           r"чел\.?|человек|адам|persons?|people|pers\.)")


def _without_unit(start: int, end: int, text: str) -> tuple[int, int, str]:
    """The count of a cell that writes its unit after it, scaled by a unit of thousands."""
    match = _UNIT_IN_CELL.fullmatch(text.strip())
    if match is None:
        return start, end, text
    count = match["count"].strip()
    if not match["scale"]:
        return start, end, count
    try:
        value = parse_number(count) * 1000
    except ValueError:
        return start, end, text
    return start, end, str(int(value)) if value == value.to_integral_value() else str(value)


def _is_value(cell: str) -> bool:
    """A cell of a row of values: a number, or a mark of no value ("—", "…", "n/a", "x")."""
    return bool(_NUMBER_CELL.fullmatch(cell.strip()) or _NO_VALUE.fullmatch(cell.strip()))


_NO_VALUE = re.compile(r"[-–—…]|\.{1,3}|n/?a|x", re.IGNORECASE)
# "в том числе:", "of which:", "оның ішінде:": a line between a total and its parts, no row of its own
_SUBHEADING = re.compile(r"[ \t]*[^\d\s:][^\d:]{0,38}:[ \t]*")


def _without_mark(start: int, end: int, text: str) -> tuple[int, int, str]:
    """A cell without the note mark printed after it ("2025¹", "2025ᵖ", "8,930*") and with its
    thin or narrow spaces read as the no-break space of a thousands group ("1\u2009946")."""
    text = text.replace("\u2009", "\u00a0").replace("\u202f", "\u00a0").replace("\u2212", "-")
    quoted = re.fullmatch(r"(\s*)[\"'«“](.*)[\"'»”]\s*", text)
    if quoted:                            # a quoted CSV cell: '"Россия";"2024";"9940"'
        start, text = start + len(quoted[1]) + 1, quoted[2]
    bare = _NOTE_MARK.sub("", text.rstrip())
    if not bare.strip():
        return start, end, text
    return start, start + len(bare), bare


def _without_share(start: int, end: int, text: str) -> tuple[int, int, str]:
    match = _SHARE_AFTER_COUNT.fullmatch(text.strip())
    if match is None or float(match["share"].replace(",", ".")) > 100:
        return start, end, text
    lead = len(text) - len(text.lstrip())
    count = match["count"]
    return start + lead, start + lead + len(count), count


def _lines(text: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for line in text.split("\n"):
        if not _RULE_LINE.fullmatch(line):
            out.append((position, line))
        position += len(line) + 1
    return out


def _caption(lines: list[tuple[int, str]], header: int) -> tuple[int, str]:
    """The lines above a header up to a blank line after text (at most CAPTION_LINES of text)."""
    taken: list[tuple[int, str]] = []
    index = header - 1
    while index >= 0 and len(taken) < CAPTION_LINES:
        offset, line = lines[index]
        if not line.strip():
            if taken:
                break
        elif sum(1 for c in _cells(line, offset) if _NUMBER_CELL.fullmatch(c[2].strip())) >= 2:
            break                         # a row of the table above: no caption of this one
        else:
            taken.insert(0, (offset, line))
        index -= 1
    if taken and _UNIT_LINE.fullmatch("\n".join(line for _, line in taken)):
        # "адам / человек" alone over the header: the caption is the block above it ("4-кесте.
        # Тұрақты тұруға ... көшіп кеткендер", "Таблица 4. Выбывшие ...")
        while index >= 0 and not lines[index][1].strip():
            index -= 1
        above: list[tuple[int, str]] = []
        while index >= 0 and lines[index][1].strip() and len(above) < CAPTION_LINES:
            above.insert(0, lines[index])
            index -= 1
        if above and not above[-1][1].rstrip().endswith("."):
            taken = above + taken
    if not taken:
        return 0, ""
    text = "\n".join(line for _, line in taken)
    if (continued := _CONTINUED.search(text)) is not None:
        text = _first_part(lines, index, continued["n"] or continued["n2"] or continued["n3"]) or text
    return taken[0][0], text


# a line that only names the unit of a table: "адам / человек", "persons", "(thousand people)"
_UNIT_LINE = re.compile(r"[\s(]*(?:(?:thousand\s+|тыс\.?\s+|мың\s+)?(?:persons|people|адам|человек|чел\.)"
                        r"[\s)]*(?:/|$)[\s(]*)+[\s)]*", re.IGNORECASE)


# "Продолжение таблицы 3.2", "Table 4 (continued)", "3-кестенің жалғасы": a table split by a page
_CONTINUED = re.compile(r"продолжение\s+табл\w*\.?\s*(?P<n>\d+(?:\.\d+)*)|"
                        r"table\s+(?P<n2>\d+(?:\.\d+)*)\s*\(?(?:cont(?:inued|'d|\.)?)|"
                        r"(?P<n3>\d+(?:\.\d+)*)[-–]?кестенің\s+жалғасы", re.IGNORECASE)


def _first_part(lines: list[tuple[int, str]], index: int, number: str | None) -> str | None:
    """The caption of the table a continuation goes on: the lines from "Таблица 3.2" (at or above
    ``index``, the line above the continuation's caption) to the blank line or header after them."""
    if number is None:
        return None
    opening = re.compile(rf"^\s*(?:таблица|table|кесте)\s*{re.escape(number)}(?!\.?\d)|"
                         rf"^\s*{re.escape(number)}[-–]кесте\b", re.IGNORECASE)
    for at in range(index, -1, -1):
        if opening.search(lines[at][1]):
            caption = []
            for offset, line in lines[at:at + CAPTION_LINES]:
                if not line.strip() or len(_cells(line, offset)) > 1:
                    break                   # the caption ends at a blank line or at its table's header
                caption.append(line)
            return "\n".join(caption)
    return None


def _country_columns(cells: list[tuple[int, int, str]]) -> list | None:
    """The places of a header row of countries ("Year  Russia  Germany"), or None."""
    heads = cells[1:] if cells and re.fullmatch(r"(?:year|год|жыл|flow|indicator|показател|поток)\w*",
                                                cells[0][2].strip(), re.IGNORECASE) else cells
    if len(heads) < 2:
        return None
    places = []
    for _, _, label in heads:
        found = [p for p in find_places(label) if not p.place.is_group]
        if not found and not _TOTAL.match(label.strip()):
            return None
        foreign = [p for p in found if p.place.code != "KAZ"]
        if found and not foreign:
            return None                   # "To Kazakhstan  From Kazakhstan": directions, no partners
        # "Departed from Tajikistan to Kazakhstan": a partner and, by Kazakhstan's end, a direction
        places.append((foreign[0] if foreign else None, _KAZAKHSTAN_END.get(
            next((m.lastgroup for m in _KAZAKHSTAN_ROLE.finditer(label)), "")) if foreign else None))
    return places


def _continued_header(lines: list[tuple[int, str]], index: int, cells: list[tuple[int, int, str]]
                      ) -> list[tuple[int, int, str]]:
    """The header's cells with the words of a second header line under them ("Departed from
    Tajikistan" over "to Kazakhstan"), or the cells as they are."""
    if index + 1 >= len(lines):
        return cells
    below = _cells(lines[index + 1][1], lines[index + 1][0])
    starts = [c[0] - lines[index][0] for c in cells]
    if not below or any(_is_value(c[2]) for c in below) or len(below) >= len(cells):
        return cells
    merged = list(cells)
    for start, _, label in below:
        column = min(range(len(cells)), key=lambda i: abs(starts[i] - (start - lines[index + 1][0])))
        if abs(starts[column] - (start - lines[index + 1][0])) > 4:
            return cells
        c_start, c_end, c_label = merged[column]
        merged[column] = (c_start, c_end, f"{c_label} {label.strip()}")
    return merged


def _by_year_rows(lines: list[tuple[int, str]], index: int, places: list) -> tuple[list[FigureFound], int]:
    """Figures of a table with a row per year under a header of countries; the row after it."""
    caption_at, caption = _caption(lines, index)
    words = flow_words(caption)
    direction = direction_of(None, caption, words, (0, len(caption)), len(caption))
    scale = 1000 if _THOUSANDS.search(caption) else 1
    caption_years = set(re.findall(rf"(?<!\d){YEAR}(?!\d)", caption))
    figures: list[FigureFound] = []
    row = index + 1
    while row < len(lines) and lines[row][1].strip():
        r_cells = _cells(lines[row][1], lines[row][0])
        if len(r_cells) != len(places) + 1 or \
                not all(_is_value(c[2]) for c in r_cells[1:]):
            break
        label = r_cells[0][2].strip()
        by_row = _ROW_DIRECTION.match(label)
        if _YEAR_CELL.fullmatch(label):
            year = int(label[:4])
        elif by_row and len(caption_years) == 1:
            # "Arrivals  4,190  982": a row per direction, the year in the caption
            year = int(next(iter(caption_years)))
            direction = _DIRECTIONS[by_row.lastgroup]
        else:
            break
        for (place, own), (start, end, raw) in zip(places, r_cells[1:], strict=True):
            try:
                value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", ""))
            except ValueError:
                continue
            cell_direction = own or direction
            figure = FigureFound(start, end, value * scale, "persons", year=year, direction=cell_direction,
                                 measure="flow" if cell_direction else "other", period=str(year),
                                 year_source="table", direction_source="table" if cell_direction else "",
                                 country_source="table" if place else "")
            if place is not None:
                figure.country, figure.country_name = place.place.code, place.place.name
            figure.notes.append(f"table cell: row {year}, column {place.place.name if place else 'total'}")
            if own:
                figure.notes.append(KAZAKHSTAN_END_NOTE)
            figures.append(figure)
        row += 1
    return figures, row


def _year_columns(cells: list[tuple[int, int, str]]) -> tuple[int | None, int]:
    """Where a header's run of year columns starts and how many columns follow it ("Country  2022
    2023  Share in 2023, %"), or (None, 0) when the years are not one run after at most one label."""
    flags = [bool(_YEAR_CELL.fullmatch(c[2].strip())) for c in cells]
    if True not in flags:
        return None, 0
    first = flags.index(True)
    last = len(flags) - 1 - flags[::-1].index(True)
    if first > 1 or not all(flags[first:last + 1]):
        return None, 0
    return first, len(cells) - last - 1


_QUARTER_CELL = re.compile(r"Q([1-4])|([1-4])(?:st|nd|rd|th)\s+quarter|(I{1,3}|IV)\s*(?:кв\w*\.?|quarter)",
                           re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROW_DIRECTION = re.compile(r"^(?:(?P<net>net(?:\s+migration)?|balance|сальдо\w*)|"
                            r"(?P<imm>arrivals|immigrants|immigration|прибывш\w*|прибыло)|"
                            r"(?P<emi>departures|emigrants|emigration|выбывш\w*|выбыло))\b", re.IGNORECASE)


def _quarter_columns(cells: list[tuple[int, int, str]]) -> list[int] | None:
    """The quarters of a header row ("Quarter  Q1  Q2  Q3  Q4", "I кв.  II кв."), or None."""
    heads = cells[1:] if cells and not _QUARTER_CELL.fullmatch(cells[0][2].strip()) else cells
    quarters = []
    for _, _, label in heads:
        match = _QUARTER_CELL.fullmatch(label.strip())
        if match is None:
            return None
        quarters.append(int(match[1] or match[2] or _ROMAN[match[3].upper()]))
    return quarters if len(quarters) >= 2 and len(set(quarters)) == len(quarters) else None


def _by_quarter_rows(lines: list[tuple[int, str]], index: int, quarters: list[int]
                     ) -> tuple[list[FigureFound], int]:
    """Figures of a table with a column per quarter of the year its caption states; a row per
    country, total or direction ("Net", "Arrivals"); the row after it."""
    caption_at, caption = _caption(lines, index)
    years = re.findall(rf"(?<!\d){YEAR}(?!\d)", caption)
    if len(set(years)) != 1:
        return [], index + 1
    year = int(years[0])
    words = flow_words(caption)
    direction = direction_of(None, caption, words, (0, len(caption)), len(caption))
    scale = 1000 if _THOUSANDS.search(caption) else 1
    figures: list[FigureFound] = []
    row = index + 1
    while row < len(lines) and lines[row][1].strip():
        if _SUBHEADING.fullmatch(lines[row][1]):
            row += 1
            continue
        r_cells = _cells(lines[row][1], lines[row][0])
        numbers = r_cells[1:]
        if len(numbers) != len(quarters) or not all(_is_value(c[2]) for c in numbers):
            break
        label = r_cells[0][2].strip()
        places = [p for p in find_places(label) if not p.place.is_group]
        by_row = _ROW_DIRECTION.match(label)
        row_direction = ({"net": "net", "imm": "immigration", "emi": "emigration"}[by_row.lastgroup]
                         if by_row else direction)
        if not (places or by_row or _TOTAL.match(label)) or row_direction is None:
            break
        for quarter, (start, end, raw) in zip(quarters, numbers, strict=True):
            try:
                value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", "").replace("−", "-"))
            except ValueError:
                continue
            figure = FigureFound(start, end, value * scale, "persons", direction=row_direction,
                                 measure="flow", period=f"{year}-Q{quarter}", year_source="table",
                                 direction_source="table", country_source="table" if places else "")
            if places:
                figure.country, figure.country_name = places[0].place.code, places[0].place.name
            figure.notes.append(f"table cell: row {label!r}, column Q{quarter} of {year} (caption)")
            figures.append(figure)
        row += 1
    return figures, row


_DIRECTIONS = {"net": "net", "imm": "immigration", "emi": "emigration"}


def _two_level_columns(lines: list[tuple[int, str]], index: int, cells: list[tuple[int, int, str]]
                       ) -> list[tuple[int, str]] | None:
    """The (year, direction) of each column of a two-level header: a row of years over a row of
    directions ("2022 ... 2023" over "Country  Arrivals  Departures  Arrivals  Departures"); a
    direction belongs to the last year that starts before it ends. None if the next row is not one."""
    if index + 1 >= len(lines):
        return None
    offset, line = lines[index]
    years = [(s - offset, int(t.strip()[:4])) for s, _, t in cells if _YEAR_CELL.fullmatch(t.strip())]
    below = _cells(lines[index + 1][1], lines[index + 1][0])
    heads = below[1:] if below and not _ROW_DIRECTION.match(below[0][2].strip()) else below
    if len(years) < 2 or len(heads) < len(years):
        return None
    columns = []
    for _, end, label in heads:
        match = _ROW_DIRECTION.match(label.strip())
        column_end = end - lines[index + 1][0]
        owners = [year for at, year in years if at < column_end]
        if match is None or not owners:
            return None
        columns.append((owners[-1], _DIRECTIONS[match.lastgroup]))
    return columns


_LABELLED_COLUMN = re.compile(rf"(?P<label>[^\d]+?)[\s,]*(?P<y>{YEAR})|"
                              rf"(?P<y2>{YEAR})[\s,]*(?P<label2>[^\d]+)")


def _labelled_columns(cells: list[tuple[int, int, str]]) -> list[tuple[int, str]] | None:
    """The (year, direction) of each column of a header whose cells name both ("Immigrants 2024",
    "Выбывшие, 2023", "2024 net"), or None."""
    if len(cells) < 3:
        return None
    columns = []
    for _, _, cell in cells[1:]:
        match = _LABELLED_COLUMN.fullmatch(cell.strip())
        direction = match and _ROW_DIRECTION.match((match["label"] or match["label2"]).strip())
        if not direction:
            return None
        columns.append((int(match["y"] or match["y2"]), _DIRECTIONS[direction.lastgroup]))
    return columns


def _two_level_rows(lines: list[tuple[int, str]], index: int, columns: list[tuple[int, str]],
                    first_row: int | None = None) -> tuple[list[FigureFound], int]:
    """Figures of a table under a header of (year, direction) columns (``_two_level_columns``,
    ``_labelled_columns``), a row per country or total from ``first_row``; the row after it."""
    scale = 1000 if _THOUSANDS.search(_caption(lines, index)[1]) else 1
    figures: list[FigureFound] = []
    row = index + 2 if first_row is None else first_row
    while row < len(lines) and lines[row][1].strip():
        if _SUBHEADING.fullmatch(lines[row][1]):
            row += 1
            continue
        r_cells = _cells(lines[row][1], lines[row][0])
        numbers = r_cells[1:]
        if len(numbers) != len(columns) or not all(_is_value(c[2]) for c in numbers):
            break
        label = r_cells[0][2].strip()
        places = [p for p in find_places(label) if not p.place.is_group]
        if not places and not _TOTAL.match(label):
            break
        for (year, direction), (start, end, raw) in zip(columns, numbers, strict=True):
            try:
                value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", "").replace("−", "-"))
            except ValueError:
                continue
            figure = FigureFound(start, end, value * scale, "persons", year=year, direction=direction,
                                 measure="flow", period=str(year), year_source="table",
                                 direction_source="table", country_source="table" if places else "")
            if places:
                figure.country, figure.country_name = places[0].place.code, places[0].place.name
            figure.notes.append(f"table cell: row {label!r}, column {direction} of {year}")
            figures.append(figure)
        row += 1
    return figures, row


def find_tables(text: str) -> list[TableFound]:
    """Every table of years by country (or countries by year) in the text, a figure per cell."""
    lines = _lines(plain_tabular(text))
    tables: list[TableFound] = []
    index = 0
    while index < len(lines):
        offset, line = lines[index]
        if "/" in line and (slashed := read_slash_rows(lines, index, _caption(lines, index)[1]))[0]:
            figures, row = slashed
            tables.append(TableFound(_caption(lines, index)[0], lines[row - 1][0] + len(lines[row - 1][1]),
                                     figures, lines[index][0]))
            index = row
            continue
        if line.lstrip().startswith("{") and \
                (records := read_json_records(lines, index, _caption(lines, index)[1]))[0]:
            figures, row = records
            tables.append(TableFound(offset, lines[row - 1][0] + len(lines[row - 1][1]), figures, offset))
            index = row
            continue
        cells = _cells(line, offset)
        if index + 1 < len(lines) and len(cells) >= 2 and (charted := _chart(lines, index, cells)):
            tables.append(charted)
            index += 2
            continue
        years = [int(c[2].strip()[:4]) for c in cells if _YEAR_CELL.fullmatch(c[2].strip())]
        if len(years) < 2 and (places := _country_columns(merged := _continued_header(lines, index, cells))) \
                is not None:
            figures, row = _by_year_rows(lines, index + (merged is not cells), places)
            if figures:
                tables.append(TableFound(_caption(lines, index)[0],
                                         lines[row - 1][0] + len(lines[row - 1][1]), figures,
                                         lines[index][0]))
                index = row
                continue
        if (quarters := _quarter_columns(cells)) is not None:
            figures, row = _by_quarter_rows(lines, index, quarters)
            if figures:
                tables.append(TableFound(_caption(lines, index)[0],
                                         lines[row - 1][0] + len(lines[row - 1][1]), figures,
                                         lines[index][0]))
                index = row
                continue
        if (columns := _labelled_columns(cells)) is not None:
            figures, row = _two_level_rows(lines, index, columns, index + 1)
            if figures:
                tables.append(TableFound(_caption(lines, index)[0],
                                         lines[row - 1][0] + len(lines[row - 1][1]), figures,
                                         lines[index][0]))
                index = row
                continue
        if len(years) >= 2 and (columns := _two_level_columns(lines, index, cells)) is not None:
            figures, row = _two_level_rows(lines, index, columns)
            if figures:
                tables.append(TableFound(_caption(lines, index)[0],
                                         lines[row - 1][0] + len(lines[row - 1][1]), figures,
                                         lines[index][0]))
                index = row
                continue
        first_year, extra = _year_columns(cells)
        if len(years) < 2 or first_year is None:
            index = _general(lines, index, tables) if len(cells) >= 2 else index + 1
            continue
        caption_at, caption = _caption(lines, index)
        # the header's cell over the row labels ("Emigration | 2023 | 2024") before the caption
        corner = " ".join(c[2] for c in cells[:first_year]).strip()
        direction = None
        for label in (corner, _COUNTRY_ROLE.sub(" ", caption)):
            words = flow_words(label)
            direction = direction or direction_of(None, label, words, (0, len(label)), len(label))
        scale = 1000 if _THOUSANDS.search(caption + " " + line) else 1
        caption_places = [p for p in find_places(caption) if not p.place.is_group and p.place.code != "KAZ"]
        figures: list[FigureFound] = []
        row = index + 1
        while row < len(lines) and lines[row][1].strip():
            if _SUBHEADING.fullmatch(lines[row][1]):
                row += 1
                continue
            r_offset, r_line = lines[row]
            r_cells = _cells(r_line, r_offset)
            # the year columns, then any extra columns (a share, a change) the header names
            r_cells = r_cells[:len(r_cells) - extra] if extra else r_cells
            numbers = r_cells[-len(years):] if len(r_cells) > len(years) else []
            if not numbers or not all(_is_value(c[2]) for c in numbers):
                break
            label = " ".join(c[2] for c in r_cells[:-len(years)]).strip()
            places = [p for p in find_places(label) if not p.place.is_group]
            total = bool(_TOTAL.match(label))
            home = bool(places) and all(p.place.code == "KAZ" for p in places)
            if home:
                # "Республика Казахстан", "Left Kazakhstan": the country's own total, no partner (a
                # neighbour's table makes it the partner again: reporter.py)
                places, total = [], True
            # a row named by its direction ("Arrivals from Russia", "Net") in a table of one partner
            row_direction = direction_label(label) or (
                direction_of(None, label, flow_words(label), (0, len(label)), len(label)) if home else None)
            if row_direction and not places and not total:
                places = caption_places if len({p.place.code for p in caption_places}) == 1 else []
            if not places and not total:
                break
            for year, (start, end, raw) in zip(years, numbers, strict=True):
                try:
                    value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", ""))
                except ValueError:
                    continue
                cell_direction = row_direction or direction
                figure = FigureFound(start, end, value * scale, "persons", year=year,
                                     direction=cell_direction,
                                     measure="flow" if cell_direction else "other",
                                     period=str(year), year_source="table",
                                     direction_source="table" if cell_direction else "",
                                     country_source="table" if places else "")
                if places:
                    figure.country, figure.country_name = places[0].place.code, places[0].place.name
                figure.notes.append(f"table cell: row {label!r}, column {year}")
                figures.append(figure)
            row += 1
        if figures and row < len(lines) and lines[row][1].strip() and \
                (further := _read_further(lines, index, row)) is not None:
            # a row this reader does not know stops it inside the table ("Net migration" with no
            # partner, regions under "Из общего числа выбывших – по регионам:"): the general
            # reading takes the whole table
            tables.append(further[0])
            index = further[1]
        elif figures:
            tables.append(TableFound(caption_at, lines[row - 1][0] + len(lines[row - 1][1]), figures,
                                     lines[index][0]))
            index = row
        else:
            index = _general(lines, index, tables) if len(cells) >= 2 else index + 1
    return tables


def _chart(lines: list[tuple[int, str]], index: int, cells: list[tuple[int, int, str]]) -> TableFound | None:
    """A chart's data labels at ``lines[index]`` and the line after: values over years, or years
    over values."""
    (offset, _), (n_offset, n_line) = lines[index], lines[index + 1]
    below = _cells(n_line, n_offset)
    caption_at, caption = _caption(lines, index)
    figures = read_chart_series(cells, below, offset, n_offset, caption) or \
        read_chart_series(below, cells, n_offset, offset, caption)
    if not figures:
        return None
    return TableFound(caption_at if caption else offset, n_offset + len(n_line), figures, offset)


TITLE_LINES = 8
_TITLE_MAX = 100


def _title_year(lines: list[tuple[int, str]], index: int, caption: str) -> str:
    """The caption, after the heading above it when only the heading states the year: "Көші-қон
    көрсеткіштері: 2025 жыл, тоқсандар бойынша", a blank line, then a caption without a year."""
    if re.search(rf"(?<!\d){YEAR}(?!\d)", _CALENDAR_DATE.sub(" ", caption)):
        return caption
    row = index - 1
    while row >= 0 and not lines[row][1].strip():
        row -= 1
    while row >= 0 and lines[row][1].strip():
        row -= 1                            # the caption's own lines
    for at in range(row, max(row - TITLE_LINES, -1), -1):
        line = lines[at][1].strip()
        if not line:
            continue
        # a calendar date is the day of issue ("Дата выпуска: 14.02.2025"), not the table's period
        years = set(re.findall(rf"(?<!\d){YEAR}(?!\d)", _CALENDAR_DATE.sub(" ", line)))
        if len(line) > _TITLE_MAX or line.endswith(".") and not _YEAR_ABBREVIATION.search(line):
            # prose, whatever years it compares: only the title may be above it
            return _document_title(lines, index, caption)
        if len(years) > 1:
            return caption                  # a heading with two years
        if not years:
            continue                        # a title with no year, or the date of issue, above the period
        return f"{line}\n{caption}"
    return caption


def _document_title(lines: list[tuple[int, str]], index: int, caption: str) -> str:
    """The caption after the document's title when only the title states the period: an express
    bulletin's "О внешней миграции населения ... / за январь–сентябрь 2026 года", then a paragraph
    of prose, then the table "Внешняя миграция по основным странам-партнерам" with no year. The
    title is the block of short lines at the top, before the first line of prose; its last line
    that states one year (a calendar date is the day of issue) is the period."""
    title: list[str] = []
    for _, text in lines[:index]:
        line = text.strip()
        if len(line) > _TITLE_MAX or line.endswith(".") and not _YEAR_ABBREVIATION.search(line):
            break                           # the first prose: the title is above it
        title.append(line)
    else:
        return caption                      # no prose between the title and the table
    # (a headline without a comma, however long, by its one span: "Миграция в январе–сентябре 2026
    # года: прибывших больше на 3,1%")
    dated = [period for line in title
             if (period := _period_part(line) or (not re.search(r",\s", line) and _headline_period(line)))]
    if not dated:
        return caption
    # "EXTERNAL MIGRATION, JANUARY-SEPTEMBER 2026": the subject before the comma, the period after it
    last = dated[-1]
    period = next((part for part in (last, last.rsplit(",", 1)[-1].strip() if "," in last else "")
                   if part and _period_part(part) == part and not _headline(part)), "")
    # "Migration in January-June 2026: arrivals up 5.4%" is a headline, no period line (its
    # direction would be the table's): only its one period is the table's
    period = period or _headline_period(last)
    return f"{period}\n{caption}" if period else caption


def _headline_period(line: str) -> str:
    """The one span of a year a headline states ("January-September 2026" in "Migration in
    January-September 2026: arrivals up 5.4%"), or "" when it states none or compares two."""
    # (a bare year stays unread: "Kazakhstan and Russia: migration in 2026" may be a topic, not a span)
    if len(set(re.findall(rf"(?<!\d){YEAR}(?!\d)", _CALENDAR_DATE.sub(" ", line)))) != 1:
        return ""
    stated = [s for s in find_subyear(line) if s.part not in (None, "same")]
    return line[stated[0].start:stated[0].end] if len(stated) == 1 and stated[0].year else ""


def _headline(line: str) -> bool:
    """Whether a title line names flows, a direction or a foreign place beside its period."""
    return bool(flow_words(line) or direction_label(line) or
                any(not p.place.is_group and p.place.code != "KAZ" for p in find_places(line)))


def _period_part(line: str) -> str:
    """A title line's statement of one period: the line when short, else its last part after a
    comma ("External migration of the population of Kostanay region, January-June 2025": the
    subject before the comma names the table's flows no more than its caption does); or ""."""
    for part in (line, line.rsplit(",", 1)[-1].strip() if "," in line else ""):
        if part and len(part) <= _PERIOD_LINE_MAX and \
                len(set(re.findall(rf"(?<!\d){YEAR}(?!\d)", _CALENDAR_DATE.sub(" ", part)))) == 1:
            return part
    return ""


_PERIOD_LINE_MAX = 60                   # "за январь–сентябрь 2026 года": a title's line of its period


# "Январь–декабрь 2024 г.", "2025 ж.": a heading that ends in the year's abbreviation is no sentence
_YEAR_ABBREVIATION = re.compile(rf"{YEAR}\s*(?:гг?|ж|yr)\.$")
_CALENDAR_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


def _read_further(lines: list[tuple[int, str]], index: int, stop: int) -> tuple[TableFound, int] | None:
    """The table whose header is at ``index`` as ``grid`` reads it, with the line after it, when
    that reading goes on past ``stop`` (where a specialised reader stopped); else None."""
    found: list[TableFound] = []
    row = _general(lines, index, found)
    return (found[0], row) if found and row > stop else None


def _general(lines: list[tuple[int, str]], index: int, tables: list[TableFound]) -> int:
    """A table no reader above knows, read by ``grid``; the line to go on from."""
    caption_at, caption = _caption(lines, index)
    caption = _title_year(lines, index, caption) if caption else caption
    figures, row = read_grid(lines, index, _cells, caption)
    if not figures:
        return index + 1
    tables.append(TableFound(caption_at if caption else lines[index][0],
                             lines[row - 1][0] + len(lines[row - 1][1]), figures, lines[index][0]))
    return row
