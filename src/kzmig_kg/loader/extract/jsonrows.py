"""Records of a JSON array pasted as text, one object per line (an open-data portal's answer):
``{"год": 2024, "страна": "Россия", "прибыло": 5150, "выбыло": 9940},``.

One public entry: ``read_json_records(lines, index, caption)``: the figures of the run of such
lines starting at ``lines[index]`` and the line after it. The run is read as a table in long form
by ``grid``: the keys of its first record are the header, each record's values a row (at their
own offsets), so a value under a key that names a direction is a count and never a year, and the
keys that name nothing ("id", "год", "страна") label the row.
"""

from __future__ import annotations

import re

from ..model import FigureFound
from .grid import read_grid

# one object on a line, two or more "key": value pairs (a trailing comma in an array)
_RECORD = re.compile(r'[ \t]*\{[ \t]*"[^"\n]+"[ \t]*:[^\n]*\}[ \t]*,?[ \t]*')
_PAIR = re.compile(r'"(?P<key>[^"\n]+)"[ \t]*:[ \t]*(?:"(?P<text>[^"\n]*)"|(?P<bare>[-\w.+]+))')
_MIN_PAIRS = 3
_HEADER = "\x00"                      # marks the copy of the first record that stands for its keys


def _pairs(line: str) -> list[re.Match[str]]:
    return list(_PAIR.finditer(line)) if _RECORD.fullmatch(line) else []


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    if line.startswith(_HEADER):
        return [(offset + m.start("key"), offset + m.end("key"), m["key"]) for m in _pairs(line[1:])]
    cells = []
    for m in _pairs(line):
        group = "text" if m["text"] is not None else "bare"
        cells.append((offset + m.start(group), offset + m.end(group), m[group]))
    return cells


def read_json_records(lines: list[tuple[int, str]], index: int, caption: str
                      ) -> tuple[list[FigureFound], int]:
    """The figures of the records from ``lines[index]`` on, and the line after the last one."""
    offset, first = lines[index]
    keys = [m["key"] for m in _pairs(first)]
    if len(keys) < _MIN_PAIRS:
        return [], index + 1
    end = index
    while end < len(lines) and [m["key"] for m in _pairs(lines[end][1])] == keys:
        end += 1
    if end - index < 2:
        return [], index + 1
    rows = [(offset, _HEADER + first), *lines[index:end]]
    figures, row = read_grid(rows, 0, _cells, caption)
    return figures, index + row - 1 if figures else index + 1
