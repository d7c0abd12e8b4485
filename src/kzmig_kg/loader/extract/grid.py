"""Any table whose layout the specialised readers of ``tables`` do not know: one general reading.

One public entry: ``read_grid(lines, index, cells_of, caption)`` (and ``direction_label``, the
direction a label names by its own word, which the reader of year columns in ``tables`` shares). A
table is one or two header rows of labels, then rows of a label and numbers (or, under a caption,
rows of a country and one number). Every label (a column's header cells, a row's label, the caption
above the table) is read the same way, for the year or the part of a year, the direction, the
partner country, a total, or a column that is not a count (a share, a change); each cell takes the
row's reading first, then the column's, then the caption's. A cell is a figure when it has a year
and the table names a country, a total or a direction somewhere for it. A row of a label alone heads
the rows under it ("Прибывшие:", "Россия", "of which:"), a row indented under another is a part of
it, and a table in long form is labelled by its key columns ("страна;год;прибыло").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import FigureFound
from .context import direction_of, flow_words
from .countries import Mention, find_places
from .dates import DATE_PATTERN, MONTH_EN, MONTH_RU_ANY, YEAR, month_number
from .numbers import parse_number
from .subyear import find_subyear, months_part

_NUMBER = re.compile(r"[-−–+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*(?:[.,]\d+)?|[-−–+]?\d+(?:[.,]\d+)?")
_EMPTY = re.compile(r"[-–—…]|\.{1,3}|n/?a|x")
_YEAR_IN = re.compile(rf"(?<!\d)(?<!\d[.,]){YEAR}(?!\d|[.,]\d)")
# a label that names a direction by itself ("Net", "Arrivals", "Сальдо"), before the flow lexicon
_DIRECTION_LABEL = re.compile(r"(?P<net>\bnet\b|\bbalance\b|\bgain\s+for\b|сальдо|"
                              r"(?<![а-яё])(?:прирост|убыль)(?![а-яё])|"
                              r"\bmigration\s+(?:gain|growth|increase)\b)|"
                              r"(?P<imm>\barrivals\b|\bimmigrants\b|прибывш\w*|прибыло|келгендер)|"
                              r"(?P<emi>\bdepartures\b|\bemigrants\b|выбывш\w*|выбыло|кеткендер)",
                              re.IGNORECASE)
# a label that is only "In", "Out", "Inflow", "Outflow": a direction when it is the whole label
_DIRECTION_WORD = re.compile(r"(?P<imm>in|inflow|incoming|arrived)|"
                             r"(?P<emi>out|outflow|outgoing|left|departed)", re.IGNORECASE)
_DIRECTIONS = {"net": "net", "imm": "immigration", "emi": "emigration"}
# a column "Left for Kazakhstan" / "Came from Kazakhstan" (a partner's count): Kazakhstan's end decides
KAZAKHSTAN_ROLE = re.compile(r"(?P<to>\b(?:to|for|into)\s+Kazakhstan\b|(?<![а-яё])в\s+Казахстан(?![а-яё])|"
                              r"Қазақстанға)|(?P<back>\bfrom\s+Kazakhstan\b|(?<![а-яё])из\s+Казахстана|"
                              r"Қазақстаннан)", re.IGNORECASE)
KAZAKHSTAN_END = {"to": "immigration", "back": "emigration"}
_PART = re.compile(r"\bQ([1-4])\b|\b([1-4])(?:st|nd|rd|th)\s+quarter|"
                   r"\b(I{1,3}|IV)\s*(?:кв\w*\.?|quarter|тоқсан\w*)|"
                   r"\bH([12])\b|\b([12])(?:st|nd)\s+half|\b(I{1,2})\s*(?:полугод\w*|жартыжылды\w*)",
                   re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# a key column of parts of a year: "Квартал", "Quarter", "Тоқсан", "Полугодие", "Half"
_PART_HEAD = re.compile(r"^\W*(?:квартал|quarter|тоқсан|(?P<half>полугодие|half(?:-year)?|жартыжылдық))\W*$",
                        re.IGNORECASE)
_MONTH_ROW = re.compile(rf"(?P<m>{MONTH_EN}|{MONTH_RU_ANY}|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|"
                        r"тамыз|қыркүйек|қазан|қараша|желтоқсан)", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:total|all\s+(?:countries|destinations|origins)|всего|итого|барлығы|"
                    r"барлық\s+елдер|жиыны)\b|^(?:all|все|барлық)$", re.IGNORECASE)
# a column that identifies a row or its source, no count: "src_page", "code", "id", "код", "стр."
_IDENTIFIER = re.compile(r"(?:^|[\W_])(?:page|p\.|pp\.|code|id|row|line|ref|стр\.?|страница|код|коды|бет)"
                         r"(?:$|[\W_])", re.IGNORECASE)
KEY_SEPARATOR = " | "                  # between the key cells of a long-form row's label
_CALENDAR_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_NOT_COUNT = re.compile(r"%|\bshare\b|\bchange\b|\bgrowth\b|\brate\b|дол[яи]|изменени|прирост,?\s*%|"
                        r"темп|үлес|"
                        # visits, trips and crossings of the border count no migrants ("Inbound
                        # visitors (thousand trips)" beside "Arrived for permanent residence")
                        r"\bvisitors?\b|\btrips\b|\btourists?\b|\bcrossings?\b|посетител|поездк|турист|"
                        r"пересечени|сапар", re.IGNORECASE)
_THOUSANDS = re.compile(r"\b(?:thousands?|thous\.|тыс\.?|тысяч\w*|мың)(?!\w)", re.IGNORECASE)
_OWN_UNIT = re.compile(r"\((?:[^()]*\s)?(?:persons|people|trips|человек|чел\.|адам)\)", re.IGNORECASE)
MAX_HEADER_ROWS = 2
_SECTION_MAX = 60                      # a section heading inside a table is a short label
_PART_OF_ROW = re.compile(r"\s*(?:of\s+which|including|incl\.|в\s+том\s+числе|в\s+т\.\s*ч\.|из\s+них|"
                          r"оның\s+ішінде)(?:\s+(?:из|в|во|на|to|from|in))?",
                          re.IGNORECASE)
# a row that numbers the columns of a statistics form ("А  Б  1  2", "A  B  1  2  3")
_COLUMN_NUMBERS = re.compile(r"(?:[АБВГA-D]|\d{1,2})")


@dataclass
class _Reading:
    """What a label says about the cells under or beside it."""

    year: int | None = None
    part: str | None = None            # "Q3", "H1"
    direction: str | None = None
    place: Mention | None = None
    one_place: bool = False            # the label names exactly one partner country
    total: bool = False
    not_count: bool = False
    offset: int = 0                    # "Соответствующий период прошлого года": a year back


def _read(label: str) -> _Reading:
    years = {int(y) for y in _YEAR_IN.findall(label)}
    part = _PART.search(label)
    reading = _Reading(year=years.pop() if len(years) == 1 else None)
    # any sub-year period the running text knows ("Jan-Jun 2024", "January-September")
    sub = next((s for s in find_subyear(label) if s.part and s.part != "same"), None)
    same = next((s for s in find_subyear(label) if s.part == "same" and s.year is None), None)
    if same is not None and not years:
        reading.offset = same.offset
    if sub is not None and not part:
        reading.part = sub.part
    elif (month := _MONTH_ROW.fullmatch(label.strip())) is not None:
        number = month_number(month.group("m"))     # a row per month: "Январь", "February", "Ақпан"
        reading.part = months_part(number, number) if number else None
    elif part:
        if part[1] or part[2] or part[3]:
            reading.part = f"Q{part[1] or part[2] or _ROMAN[part[3].upper()]}"
        else:
            reading.part = f"H{part[4] or part[5] or _ROMAN[part[6].upper()]}"
    keys = [key.strip() for key in label.split(KEY_SEPARATOR)]
    named = _DIRECTION_LABEL.search(label) or next(
        (m for key in keys if (m := _DIRECTION_WORD.fullmatch(key))), None)
    words = flow_words(label)
    reading.direction = _DIRECTIONS[named.lastgroup] if named and named.lastgroup == "net" else \
        KAZAKHSTAN_END.get(next((m.lastgroup for m in KAZAKHSTAN_ROLE.finditer(label)), "")) or \
        (_DIRECTIONS[named.lastgroup] if named else
         direction_of(None, label, words, (0, len(label)), len(label)))
    places = [p for p in find_places(label) if not p.place.is_group and p.place.code != "KAZ"]
    reading.place = places[0] if places else None
    reading.one_place = len({p.place.code for p in places}) == 1
    reading.total = any(_TOTAL.match(key) for key in keys)
    reading.not_count = bool(_NOT_COUNT.search(label))
    return reading


def direction_label(label: str) -> str | None:
    """The direction a row or column label names by its own word ("Net", "Arrivals from Russia",
    "Сальдо"), or None."""
    named = _DIRECTION_LABEL.search(label)
    return _DIRECTIONS[named.lastgroup] if named else None


def _period_of_caption(caption: str) -> str:
    """The caption without its calendar dates when a year stands outside them: "..., 2025 жыл"
    over "Жарияланған күні: 2026 жылғы 16 наурыз" is a table of 2025 published in 2026."""
    bare = _CALENDAR_DATE.sub(" ", caption)
    return bare if _YEAR_IN.search(bare) else caption


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.fullmatch(cell.strip()))


def _is_header(cells: list[tuple[int, int, str]]) -> bool:
    """A header row: two or more cells, none a number other than a year."""
    return len(cells) >= 2 and not any(_is_number(c[2]) and not _YEAR_IN.fullmatch(c[2].strip())
                                       for c in cells)


def _body(cells: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]] | None:
    """A body row's label and its number cells (a dash for no value included), or None."""
    numbers = []
    for cell in reversed(cells):
        text = cell[2].strip()
        if _is_number(text) or _EMPTY.fullmatch(text):
            numbers.insert(0, cell)
        else:
            break
    label_cells = cells[:len(cells) - len(numbers)]
    if any(_is_number(c[2]) for c in label_cells):
        return None                   # a number between the label and the numbers: no grid
    if not numbers or not label_cells:
        # a row labelled by its year: "2023  4,190  982"
        if numbers and _YEAR_IN.fullmatch(numbers[0][2].strip()) and len(numbers) >= 2:
            return numbers[0][2].strip(), numbers[1:]
        return None
    return " ".join(c[2] for c in label_cells).strip(), numbers


def _keyed_body(cells: list[tuple[int, int, str]], heads: list[tuple[int, int, str]]
                ) -> tuple[str, list[tuple[int, int, str]]] | None:
    """A row of a table in long form ("643;Россия;2024;5210;9940;-4730" under "код_страны;
    страна;год;прибыло;выбыло;сальдо"): its leading key columns, whose headers name no count
    (no period, direction or country), label the row; a year among them is the row's period, any
    other number in them (a country's code) is no count. None when the row is not one."""
    if len(cells) != len(heads) or len(heads) < 3:
        return None
    keys = 0
    while keys < len(heads) - 1 and _names_nothing(_read(heads[keys][2])):
        keys += 1
    numbers = cells[keys:]
    if not keys or not all(_is_number(c[2]) or _EMPTY.fullmatch(c[2].strip()) for c in numbers):
        return _one_value_column(cells, heads)
    # a number among the keys is a code ("код_страны") or a year; under any other header it is a
    # count, and the row is no row of leading keys
    if any(_is_number(c[2]) and not _YEAR_IN.fullmatch(c[2].strip()) and not _IDENTIFIER.search(h[2])
           and not _PART_HEAD.search(h[2]) for c, h in zip(cells[:keys], heads[:keys], strict=True)):
        return _one_value_column(cells, heads)
    label = KEY_SEPARATOR.join(_key_text(c[2].strip(), h[2]) for c, h in zip(cells[:keys], heads[:keys],
                                                                             strict=True)
                               if not _is_number(c[2]) or _YEAR_IN.fullmatch(c[2].strip())
                               or _PART_HEAD.search(h[2]))
    return (label, numbers) if label else None


def _key_text(key: str, head: str) -> str:
    """A key cell as a label: a bare ordinal under a "Квартал", "Quarter" or "Полугодие" header is
    that part of the year ("I" -> "Q1")."""
    number = _ROMAN.get(key.upper()) or (int(key) if key in ("1", "2", "3", "4") else None)
    if (unit := _PART_HEAD.search(head)) and number and (number <= 2 or not unit.group("half")):
        return f"{'H' if unit.group('half') else 'Q'}{number}"
    return key


def _filled(cells: list[tuple[int, int, str]], line: str, above: list[tuple[int, int, str]],
            heads: list[tuple[int, int, str]], line_start: int, head_start: int
            ) -> list[tuple[int, int, str]]:
    """A row whose leading key cells are empty (a merged spreadsheet cell: the year, or the
    country, written only in the first row of its block) with those cells carried down from the row
    above; any other row unchanged."""
    missing = len(heads) - len(cells)
    if not heads or missing <= 0 or len(above) != len(heads):
        return cells
    # the empty cells: a separator first ("\tII\t4 118"), or, in columns aligned by spaces, the
    # first cell under the header cell it belongs to ("       II        4 118")
    if not re.match(r"[\t;|│]", line) and not (
            line[:1].isspace() and abs(cells[0][0] - line_start - heads[missing][0] + head_start) <= 2):
        return cells
    keys = 0
    while keys < len(heads) - 1 and _names_nothing(_read(heads[keys][2])):
        keys += 1
    if missing >= keys:
        return cells                  # a row with no key of its own ("Страна | 2023 | 2024"): no block
    if any(_is_number(c[2]) and not _YEAR_IN.fullmatch(c[2].strip()) for c in above[:missing]):
        return cells                  # the cells above that would be carried are counts, no keys
    return above[:missing] + cells


def _one_value_column(cells: list[tuple[int, int, str]], heads: list[tuple[int, int, str]]
                      ) -> tuple[str, list[tuple[int, int, str]]] | None:
    """A long-form row whose one count stands among its keys ("2024 | 9940 | out | Russia" under
    "year | persons | flow | partner"): every other cell is a word, a year or an identifier."""
    if not all(_names_nothing(_read(h[2])) for h in heads):
        return None
    values = [i for i, c in enumerate(cells) if _is_number(c[2]) and not _YEAR_IN.fullmatch(c[2].strip())
              and not _IDENTIFIER.search(heads[i][2])]
    if len(values) != 1 or not any(_YEAR_IN.fullmatch(c[2].strip()) for c in cells):
        return None
    keys = [c[2].strip() for i, c in enumerate(cells) if i != values[0]]
    label = KEY_SEPARATOR.join(k for k in keys if not _is_number(k) or _YEAR_IN.fullmatch(k))
    return (label, [cells[values[0]]]) if label else None


def _names_nothing(reading: _Reading) -> bool:
    return not (reading.year or reading.part or reading.direction or reading.place or reading.total
                or reading.not_count)


def _columns(header_rows: list[tuple[int, list[tuple[int, int, str]]]], count: int) -> list[str] | None:
    """The label of each of ``count`` number columns: the cells of the last header row above
    them (aligned from the right), each prefixed by the upper row's cell that starts before it."""
    line_start, last = header_rows[-1]
    heads = last[-count:] if len(last) >= count else None
    if heads is None:
        return None
    labels = [text for _, _, text in heads]
    for upper_start, upper in header_rows[:-1]:
        owners = [[t for s, _, t in upper if s - upper_start <= end - line_start][-1:]
                  for _, end, _ in heads]
        if len(upper) > 1 and not owners[0]:
            # a group label centred over its columns ("     Arrivals          Departures" over
            # "2024  2025  change  2024  2025  change") starts right of its first column: each
            # column belongs to the label whose middle is nearest its own
            owners = [[min(upper, key=lambda u: abs((u[0] + u[1]) / 2 - upper_start
                                                    - (s + e) / 2 + line_start))[2]]
                      for s, e, _ in heads]
        labels = [f"{owner[0]} {label}" if owner else label
                  for owner, label in zip(owners, labels, strict=True)]
    return labels


def read_grid(lines: list[tuple[int, str]], index: int,
              cells_of: Callable[[str, int], list[tuple[int, int, str]]],
              caption: str) -> tuple[list[FigureFound], int]:
    """The figures of a table whose header starts at ``lines[index]``, and the row after it."""
    header_rows = []
    row = index
    while row < len(lines) and len(header_rows) < MAX_HEADER_ROWS:
        cells = cells_of(lines[row][1], lines[row][0])
        if not _is_header(cells):
            break
        header_rows.append((lines[row][0], cells))
        row += 1
    # a header's cells wrapped onto the next line ("2025 г. в %" over "к 2024 г."): every cell of
    # that line stands under a header cell and holds no count, so it continues that cell's label
    while header_rows and row < len(lines) and \
            (continued := _continued(header_rows[-1], lines[row][0],
                                     cells_of(lines[row][1], lines[row][0]))) is not None:
        header_rows[-1] = (header_rows[-1][0], continued)
        row += 1
    if row >= len(lines):
        return [], index + 1
    # columns at the right that are no counts ("Изменение, %") may hold words ("в 3,9 раза"):
    # they are left out of every row, so the counts before them are read
    tail = 0
    if header_rows:
        last = header_rows[-1][1]
        while tail < len(last) - 2 and (_read(last[len(last) - 1 - tail][2]).not_count or
                                        _IDENTIFIER.search(last[len(last) - 1 - tail][2])):
            tail += 1
        header_rows[-1] = (header_rows[-1][0], last[:len(last) - tail])

    index_column: list[bool] = [False]

    def cells_of_row(at: int) -> list[tuple[int, int, str]]:
        cells = cells_of(lines[at][1], lines[at][0])
        cells = cells[1:] if index_column[0] and len(cells) > 1 else cells
        return cells[:len(cells) - tail] if tail and len(cells) > tail else cells

    if header_rows and row < len(lines) and _numbers_columns(cells_of_row(row)):
        row += 1                          # "А  Б  1  2": the form's numbers of its columns
    # rows of a label alone that head the rows under them ("Келгендер / Прибывшие", "Россия", "of which:")
    section = _Reading()
    while row + 1 < len(lines) and (heading := _section_of(cells_of_row(row), None)) is not None:
        section = heading
        row += 1
    heads = header_rows[-1][1] if header_rows else []
    # a printed data frame ("    year  partner  persons" over "44  2025  Russia  5060"): a row number
    # under no header cell, left of the first, is the frame's index, no cell of the table
    if heads and row < len(lines):
        probe = cells_of_row(row)
        index_column[0] = len(probe) == len(heads) + 1 and probe[0][2].strip().isdigit() and \
            probe[0][1] - lines[row][0] <= heads[0][0] - header_rows[-1][0]

    def body_of(cells: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]] | None:
        return _keyed_body(cells, heads) or _body(cells)

    first = body_of(cells_of_row(row))
    if first is None:
        return [], index + 1
    # no header: a list of a label and one number under a caption ("Arrivals by country, 2024")
    labels = _columns(header_rows, len(first[1])) if header_rows else [""] if len(first[1]) == 1 else None
    if labels is None:
        return [], index + 1
    columns = [_read(label) for label in labels]
    for column, label in zip(columns, labels, strict=True):
        column.not_count = column.not_count or bool(_IDENTIFIER.search(label))   # "Код стр.": row codes
    partners = {c.place.place.code for c in columns if c.place is not None}
    if len(partners) == 1 and sum(c.place is not None for c in columns) >= 2:
        # "Прибыло ... из Кыргызстана", "Выбыло ... в Кыргызстан", "Сальдо": the balance of those flows
        for column in columns:
            if column.place is None and column.direction == "net":
                column.place = next(c.place for c in columns if c.place is not None)
    around = _read(_period_of_caption(caption))
    scale = 1000 if _THOUSANDS.search(caption + " " + " ".join(labels)) else 1
    # a column that names its own unit ("(thousand trips)" beside "(persons)") keeps it
    # so does each column when the caption names no unit and only some columns say "thousand"
    in_thousands = sum(bool(_THOUSANDS.search(label)) for label in labels)
    some = not _THOUSANDS.search(caption) and 0 < in_thousands < len(labels)
    scales = [(1000 if _THOUSANDS.search(label) else 1) if _OWN_UNIT.search(label) or some else scale
              for label in labels]
    figures: list[FigureFound] = []
    previous: str | None = None
    parents: list[tuple[int, str | None]] = []     # the rows above, by indentation, and their directions
    above: list[tuple[int, int, str]] = []
    while row < len(lines) and lines[row][1].strip():
        above = _filled(cells_of_row(row), lines[row][1], above, heads, lines[row][0],
                        header_rows[-1][0] if header_rows else 0)
        body = body_of(above)
        if body is None and header_rows and row + 1 < len(lines) and \
                (heading := _section_of(cells_of_row(row), previous)) is not None:
            section = heading             # a section's heading: what it names is of the rows under it
            row += 1
            continue
        if body is None or len(body[1]) != len(columns):
            break
        label, numbers = body
        side = _read(label)
        if not header_rows and not (side.place or side.total or side.direction):
            break                         # a list without a header names a country or a flow on each row
        if side.direction is None and _PART_OF_ROW.match(label) and previous is not None:
            side.direction = previous     # "of which to Russia": a part of the row above
        if side.direction is not None:
            section.direction = None      # a row of its own direction ends the direction of its section
        # a row indented under another ("Arrivals, total" over "   from Uzbekistan") is a part of it
        indent = _indent(lines[row][1])
        while parents and parents[-1][0] >= indent:
            parents.pop()
        if side.direction is None and parents and parents[-1][1] is not None:
            side.direction = parents[-1][1]
        elif side.direction is None and section.direction is not None and \
                (side.place is not None or side.part or side.year):
            # a country's row, or a period's ("январь–март" under "Прибыло в республику")
            side.direction = section.direction
        if side.place is None and section.one_place and not side.total:
            side.place = section.place    # "Россия" over "Прибыло", "Выбыло": the rows of that country
        parents.append((indent, side.direction))
        previous = side.direction or previous
        for column, column_scale, (start, end, raw) in zip(columns, scales, numbers, strict=True):
            figure = _cell(side, column, around, raw, start, end, column_scale, label, labels)
            if figure is not None:
                figures.append(figure)
        row += 1
    return figures, row


def _continued(header: tuple[int, list[tuple[int, int, str]]], line_start: int,
               cells: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The header row with the cells of the line under it (starting at ``line_start``) joined to
    the header cells they stand under, or None when that line is no continuation: a number in it,
    or a cell that starts left of the header's first cell (where the rows' labels stand, as a
    section's heading does) or under no header cell."""
    header_start, heads = header
    if not cells or len(heads) < 2 or any(_is_number(c[2]) and not _YEAR_IN.fullmatch(c[2].strip())
                                          for c in cells):
        return None
    joined = list(heads)
    first_column = heads[0][0] - header_start
    for start, end, text in cells:
        column, last = start - line_start, end - line_start
        if column < first_column - 1:
            return None
        # the header cell this one overlaps, else the last one starting before it
        under = [i for i, (s, e, _) in enumerate(heads)
                 if s - header_start <= last and column <= e - header_start]
        under = under or [i for i, (s, _, _) in enumerate(heads) if s - header_start <= column]
        if not under:
            return None
        i = under[-1]
        joined[i] = (joined[i][0], joined[i][1], f"{joined[i][2]} {text.strip()}")
    return joined


def _numbers_columns(cells: list[tuple[int, int, str]]) -> bool:
    """Whether a row only numbers the columns of a form: letters then 1, 2, ... in order."""
    texts = [c[2].strip() for c in cells]
    digits = [t for t in texts if t.isdigit()]
    return len(cells) >= 3 and all(_COLUMN_NUMBERS.fullmatch(t) for t in texts) and bool(digits) and \
        digits == [str(n) for n in range(int(digits[0]), int(digits[0]) + len(digits))] and \
        texts[:len(texts) - len(digits)] != [] and texts[-len(digits):] == digits


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def _section_of(cells: list[tuple[int, int, str]], previous: str | None) -> _Reading | None:
    """What a row of a label alone gives the rows under it: the direction or the one country it
    names ("Келгендер / Прибывшие", "Departures:", "Россия"), for "of which:" the direction of the
    row above; an empty reading for a heading that names neither; None when the row is no heading."""
    if len(cells) != 1 or _is_number(cells[0][2]):
        return None
    label = cells[0][2].strip().rstrip(":").strip()
    if not label or len(label) > _SECTION_MAX:
        return None
    if _PART_OF_ROW.fullmatch(label):
        return _Reading(direction=previous)
    if label.endswith(".") or _YEAR_IN.search(label):
        return None                       # a sentence or a note, not a heading of rows
    reading = _read(label)
    named = _DIRECTION_LABEL.search(label) or _DIRECTION_WORD.fullmatch(label)
    reading.direction = _DIRECTIONS[named.lastgroup] if named else None
    return reading


def _cell(side: _Reading, column: _Reading, around: _Reading, raw: str, start: int, end: int,
          scale: int, row_label: str, labels: list[str]) -> FigureFound | None:
    if column.not_count or side.not_count or _EMPTY.fullmatch(raw.strip()):
        return None
    year = side.year or column.year or (around.year + column.offset if around.year else None)
    # a year of the cell's own labels ("Arrivals, 2024") is a whole year, whatever part the caption names
    part = side.part or column.part or (None if side.year or column.year else around.part)
    direction = side.direction or column.direction or around.direction
    # the caption's country counts only when it names one partner ("exchange with Russia")
    place = side.place or column.place or (around.place if around.one_place else None)
    if year is None or not (place or side.total or column.total or direction):
        return None
    try:
        value = parse_number(raw.strip().replace(" ", "").replace("\u00a0", "").replace("−", "-"))
    except ValueError:
        return None
    period = f"{year}-{part}" if part else str(year)
    figure = FigureFound(start, end, value * scale, "persons", year=None if part else year,
                         direction=direction, measure="flow" if direction else "other", period=period,
                         year_source="table", direction_source="table" if direction else "",
                         country_source="table" if place else "")
    if place is not None:
        figure.country, figure.country_name = place.place.code, place.place.name
    elif row_label and not (side.total or side.direction or side.year or side.part) and \
            not find_places(row_label) and not _is_number(row_label):
        figure.breakdown = row_label.strip()    # "г. Астана": a region's row, not the country's flow
    figure.notes.append(f"table cell: row {row_label!r}, column of {period}")
    return figure
