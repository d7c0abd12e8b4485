"""A LaTeX table (``\\begin{tabular} ... \\end{tabular}`` in a working paper's source) as the plain
grid the table readers know, offsets unchanged.

One public entry: ``plain_tabular(text)``: the text with, inside each tabular environment, every
"&" made a bar (a cell's edge), the row end "\\\\" blanked, each rule (``\\toprule``,
``\\midrule``, ``\\cmidrule(lr){2-3}``, ``\\hline``) drawn as dashes (a rule line), a cell's wrapper
(``\\multicolumn{2}{c}{2024}``, ``\\textbf{...}``) reduced to its text at the cell's start (so a
label spanning columns starts over the first of them, as a left-aligned group label does), and the
float's own lines (``\\begin{table}``, ``\\centering``, ``\\label``) blanked, ``\\caption{...}`` to
its text, so the caption stands right above the table.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"\\begin\{(?P<env>table\*?|tabular\*?|tabularx|longtable)\}.*?\\end\{(?P=env)\}",
                    re.DOTALL)
_RULE = re.compile(r"[ \t]*(?:\\(?:toprule|midrule|bottomrule|hline|cline\{[^}]*\}|"
                   r"cmidrule(?:\([^)]*\))?\{[^}]*\})[ \t]*)+")
_FLOAT_LINE = re.compile(r"[ \t]*\\(?:begin|end)\{[^}]*\}(?:\[[^\]]*\])?(?:\{[^}]*\})*[ \t]*|"
                         r"[ \t]*\\(?:centering|label\{[^}]*\}|small|footnotesize)[ \t]*")
_WRAPPER = re.compile(r"\\(?:multicolumn\{\d+\}\{[^}]*\}|multirow\{\d+\}\{[^}]*\}|"
                      r"textbf|textit|emph|caption(?:\[[^\]]*\])?)\{(?P<inner>[^{}]*)\}")
_ROW_END = re.compile(r"\\\\(?:\[[^\]]*\])?")
_ESCAPED = re.compile(r"\\(?=[%&$#_])")


def plain_tabular(text: str) -> str:
    """``text`` with each LaTeX table written as a plain grid of the same length."""
    if "\\begin{" not in text:
        return text
    return _TABLE.sub(lambda m: _plain_table(m.group()), text)


def _plain_table(block: str) -> str:
    lines = block.split("\n")
    out = [_plain_line(line) for line in lines]
    for index, line in enumerate(lines):
        if "\\multicolumn" not in line:
            continue
        # the row of single cells under a row of spanning ones gives each column its place; the
        # spanning labels are written over the first column each spans (the source's own spacing
        # says nothing: "& \multicolumn{2}{c}{Emigrants}" may stand anywhere on its line)
        below = next((out[j] for j in range(index + 1, len(lines))
                      if "&" in lines[j] and "\\multicolumn" not in lines[j]), None)
        if below is not None and (placed := _placed(line, _cell_starts(below))) is not None:
            out[index] = placed
    return "\n".join(out)


def _cell_starts(row: str) -> list[int]:
    """Where the text of each cell of a plain row (cells between bars) starts."""
    starts, position = [], 0
    for cell in row.split("|"):
        starts.append(position + len(cell) - len(cell.lstrip()))
        position += len(cell) + 1
    return starts


def _placed(line: str, starts: list[int]) -> str | None:
    """``line`` (a row of spanning cells) rebuilt with each cell's text at the start of the first
    column it spans, or None when a text would not fit there."""
    rebuilt = [" "] * len(line)
    column, free = 0, 0
    for cell in re.split(r"(?<!\\)&", _ROW_END.sub("", line)):
        span = int(m[1]) if (m := re.search(r"\\multicolumn\{(\d+)\}", cell)) else 1
        label = _ESCAPED.sub("", _WRAPPER.sub(lambda w: w["inner"], cell)).strip()
        if label:
            if column >= len(starts) or starts[column] < free or starts[column] + len(label) > len(line):
                return None
            rebuilt[starts[column]:starts[column] + len(label)] = label
            free = starts[column] + len(label) + 2
        column += span
    return "".join(rebuilt)


def _plain_line(line: str) -> str:
    if _RULE.fullmatch(line):
        return "-" * max(len(line), 3) if len(line) >= 3 else " " * len(line)
    if _FLOAT_LINE.fullmatch(line):
        return " " * len(line)
    line = _WRAPPER.sub(lambda m: m["inner"].ljust(len(m.group())), line)
    line = _ROW_END.sub(lambda m: " " * len(m.group()), line)
    line = _ESCAPED.sub(" ", line)
    return re.sub(r"(?<!\\)&", "|", line)
