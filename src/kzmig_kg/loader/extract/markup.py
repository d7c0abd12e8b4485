"""Emphasis marks of Markdown and chat posts ("**9,100** emigrants", "*18,140* people", "__2024__"),
blanked for the figure step so a number and its unit or its place stand as in plain text.

One public entry: ``blank_emphasis(text)``: the text with each pair of emphasis marks around a
word or phrase replaced by spaces, so every offset stays. A lone ``*`` (a bullet, a note mark
"2022*") is left as it is. Note references in square brackets after a word or a number
("were registered.[12]", "departures 3,180 [4].") and superscript note marks ("9,940¹ people")
are blanked too, so a number before one still closes its clause and keeps its unit.
"""

from __future__ import annotations

import re

_PAIRED = re.compile(r"(?P<mark>\*\*|__|\*|_)(?=[^\s*_])(?P<inner>[^\n*_]{1,200}?)(?<=[^\s*_])(?P=mark)"
                     r"(?![\w*])")
_NOTE_REFERENCE = re.compile(r"(?<=\S)(?P<space>[ \t]?)\[\d{1,3}\](?![(\w])")
# a note mark in superscript after a number or a word ("9,940¹ people", "emigrants² left")
_NOTE_MARK = re.compile(r"(?<=[^\W_])[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}")
_HAS_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")


def blank_emphasis(text: str) -> str:
    """``text`` with paired emphasis marks and note references blanked (same length, same offsets)."""
    if "[" in text:
        text = _NOTE_REFERENCE.sub(lambda m: " " * len(m.group()), text)
    if _HAS_SUPERSCRIPT.search(text):
        text = _NOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    if "*" not in text and "_" not in text:
        return text

    def blank(match: re.Match[str]) -> str:
        mark = " " * len(match["mark"])
        if len(match["mark"]) == 1 and match.start() > 0 and text[match.start() - 1].isalnum():
            return match.group()          # "snake_case", "a*b": no emphasis
        return f"{mark}{match['inner']}{mark}"

    return _PAIRED.sub(blank, text)
