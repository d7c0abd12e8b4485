"""LaTeX marks inside numbers and words (a thesis chapter's source) as the plain characters they
print, offsets unchanged.

One public entry: ``plain_tex(text)``: a thin space between digits (``14\\,018``) is a thousands
separator (the digits after it move left, the freed character goes after the number), siunitx's
``\\num{14018}`` is the number, ``\\%`` is "%", and, in a text with LaTeX commands, a tie ``~``
between two words ("No.~477-IV", "22~July") is a space and ``--`` between digits is an en dash.
The items keep the source's own characters: the finders read this text, the quotes come from the
source.
"""

from __future__ import annotations

import re

_THIN_NUMBER = re.compile(r"\d{1,3}(?:\\,\d{3})+(?![\d])")
# siunitx: "\num{14018}", "\num[group-separator={,}]{14018}", "\SI{40}{\percent}" is no count
_SIUNITX = re.compile(r"\\num(?:\[[^\]\n]*\])?\{(?P<n>[-+]?[\d.,]+(?:\\,\d+)*)\}")
_THIN_PERCENT = re.compile(r"(?<=\d)(?:\\,|\\ |~)?\\%")
_PERCENT = re.compile(r"\\%")
_LATEX = re.compile(r"\\(?:begin\{|section\*?\{|footnote\{|cite[pt]?\{|ref\{|label\{|textbf\{|emph\{)")
_TIE = re.compile(r"(?<=[\w.])~(?=\w)")
_DIGIT_RANGE = re.compile(r"\d+--\d+")


def plain_tex(text: str) -> str:
    """``text`` with LaTeX spacing marks in numbers, escaped percent signs and ties made plain."""
    if "\\" not in text:
        return text
    text = _SIUNITX.sub(lambda m: m["n"].replace("\\,", " ").ljust(len(m.group())), text)
    text = _THIN_NUMBER.sub(_number, text)
    text = _THIN_PERCENT.sub(lambda m: "%".ljust(len(m.group())), text)
    text = _PERCENT.sub("% ", text)
    if _LATEX.search(text):
        text = _TIE.sub(" ", text)
        text = _DIGIT_RANGE.sub(lambda m: m.group().replace("--", "\u2013").ljust(len(m.group())), text)
    return text


def _number(match: re.Match[str]) -> str:
    # "14\,018" (7 characters) -> "14 018 ": a plain space separates thousands, the number keeps
    # its start and the text after it keeps its offsets
    return match.group().replace("\\,", " ").ljust(len(match.group()))
