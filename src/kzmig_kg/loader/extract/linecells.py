"""A table exported with every cell on a line of its own (a word processor's table pasted as text)
as rows of tab-separated cells, offsets unchanged.

One public entry: ``joined_cells(text)``. In a block of lines between blank lines, a header of k
short label lines (k >= 3) followed by two or more runs of k lines (then at most two other
lines: a source, a note), each run alike (the same
columns hold a bare number in every run, at least one column does), is a table of k columns: the
line breaks inside each run become tabs, so each run is one row the table readers know. A block of
prose, a list, or lines whose kinds do not repeat with the period of the header stays as it is.
"""

from __future__ import annotations

import re

_BARE_NUMBER = re.compile(r"[-−–+]?\d{1,3}(?:[ \u00a0\u202f,]\d{3})*(?:[.,]\d+)?%?|[-−–+]?\d+(?:[.,]\d+)?%?")
_YEAR = re.compile(r"(?:19|20)\d\d")
MIN_COLUMNS, MAX_COLUMNS = 3, 8
_HEADER_CELL_MAX = 80
_CELL_MAX = 240
_LEAD_LINES = 2                       # a caption's lines in the block before the header
_TRAILING_LINES = 2                   # a source's or a note's lines in the block after the rows


def joined_cells(text: str) -> str:
    """``text`` with each table of one cell per line written as rows of tab-separated cells."""
    if text.count("\n") < 2 * MIN_COLUMNS + MIN_COLUMNS:
        return text
    out = list(text)
    for block in _blocks(text):
        if len(block) < 3 * MIN_COLUMNS:
            continue
        found = _table(block)
        if found is None:
            continue
        start, columns, rows = found
        for row in range(rows + 1):
            cells = block[start + row * columns:start + (row + 1) * columns]
            for offset, line in cells[:-1]:
                out[offset + len(line)] = "\t"       # the line break after a cell, inside its row
    return "".join(out)


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    blocks: list[list[tuple[int, str]]] = [[]]
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append((offset, line))
        elif blocks[-1]:
            blocks.append([])
        offset += len(line) + 1
    return [b for b in blocks if b]


def _kinds(cells: list[tuple[int, str]]) -> tuple[str, ...]:
    """Each cell's kind: a year, another bare number, or words."""
    return tuple("year" if _YEAR.fullmatch(line.strip()) else
                 "number" if _BARE_NUMBER.fullmatch(line.strip()) else "words" for _, line in cells)


def _table(block: list[tuple[int, str]]) -> tuple[int, int, int] | None:
    """Where the header starts in the block, the number of columns and of body rows, or None."""
    for start in range(min(_LEAD_LINES, len(block) - 3 * MIN_COLUMNS) + 1):
        for columns in range(MIN_COLUMNS, MAX_COLUMNS + 1):
            header = block[start:start + columns]
            if len(header) < columns or not _is_header(header):
                continue
            rows = _rows(block[start + columns:], columns)
            # the rows end the block, or a source's or note's line or two follows them
            if rows >= 2 and len(block) - _TRAILING_LINES <= start + (rows + 1) * columns:
                return start, columns, rows
    return None


def _is_header(header: list[tuple[int, str]]) -> bool:
    labels = [line.strip() for _, line in header]
    # a sentence's line ("Then we left.") is no header cell; an abbreviation ("No.", "Стр.") is
    return all(len(label) <= _HEADER_CELL_MAX and not label.endswith((":", ";", ","))
               and not (label.endswith(".") and " " in label) for label in labels) \
        and all(not _BARE_NUMBER.fullmatch(label) or _YEAR.fullmatch(label) for label in labels) \
        and not all(_YEAR.fullmatch(label) for label in labels)


def _rows(body: list[tuple[int, str]], columns: int) -> int:
    """How many runs of ``columns`` lines at the start of ``body`` are rows alike."""
    if len(body) < 2 * columns:
        return 0
    first = _kinds(body[:columns])
    # a row holds a count, and a label (words, or a year) beside it
    if "number" not in first or all(kind == "number" for kind in first):
        return 0
    rows = 0
    while (rows + 1) * columns <= len(body):
        run = body[rows * columns:(rows + 1) * columns]
        if _kinds(run) != first or any(len(line.strip()) > _CELL_MAX for _, line in run):
            break
        rows += 1
    return rows
