"""Tables written in MediaWiki markup (a Wikipedia article's source) as plain grids, offsets
unchanged.

One public entry: ``plain_wikitables(text)``. Between ``{|`` and ``|}``, the caption ``|+ ...`` is a
caption line, a header ``! a !! b`` and a row ``| a || b`` are cells split by bars, and the row
separator ``|-`` is joined to the row under it (its line break becomes a space), so the rows of a
table stand on consecutive lines as in any bar-separated grid that ``tables`` reads. Every
replacement keeps the length, so items keep their offsets; the quotes come from the source.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"^\{\|[^\n]*\n(?:.*\n)*?\|\}[ \t]*$", re.MULTILINE)
# "|-" (with any attributes) and the line break after it: the next row moves up onto its line
_ROW_SEPARATOR = re.compile(r"^\|-[^\n]*\n", re.MULTILINE)
_CAPTION = re.compile(r"^\|\+", re.MULTILINE)
_HEADER = re.compile(r"^!(?P<cells>[^\n]*)$", re.MULTILINE)


def plain_wikitables(text: str) -> str:
    """``text`` with every MediaWiki table made a grid of bar-separated cells of the same length."""
    if "{|" not in text:
        return text
    return _TABLE.sub(lambda m: _plain(m.group()), text)


def _plain(table: str) -> str:
    first_break = table.index("\n")
    table = " " * first_break + table[first_break:]             # "{| class=...": no line of the grid
    table = table[:-2] + "  " if table.endswith("|}") else re.sub(r"\|\}([ \t]*)$", r"  \1", table)
    table = _ROW_SEPARATOR.sub(lambda m: " " * len(m.group()), table)
    table = _CAPTION.sub("  ", table)
    table = _HEADER.sub(lambda m: " " + m["cells"].replace("!!", " |"), table)
    return re.sub(r"\|\|", " |", table)
