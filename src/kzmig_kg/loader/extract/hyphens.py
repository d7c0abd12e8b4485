"""Words broken across lines with a hyphen, as PDF text prints them ("16,020 immi-\ngrants",
"Emigration to Ger-\nmany"), joined without moving any other character.

One public entry: ``join_hyphenated(text)``: the text with each such word whole (its second part
moved up to the first, the hyphen and the line break put after it, so every other offset stays)
and a function that maps the end of a span in that text back to the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_BROKEN = re.compile(r"(?<=[^\W\d_])-\n(?P<rest>[a-zа-яёәіңғүұқөһ]+)")


def join_hyphenated(text: str) -> tuple[str, Callable[[int], int]]:
    """The text with broken words joined, and the map of a span's end back to the original."""
    if "-\n" not in text:
        return text, lambda end: end
    moved: list[tuple[int, int]] = []         # (where the moved part starts now, its length)

    def join(match: re.Match[str]) -> str:
        moved.append((match.start(), len(match["rest"])))
        return match["rest"] + "\n "

    joined = _BROKEN.sub(join, text)
    starts = [start for start, _ in moved]

    def original_end(end: int) -> int:
        index = bisect.bisect_left(starts, end) - 1
        if index >= 0:
            start, length = moved[index]
            if start < end <= start + length:
                return end + 2
        return end

    return joined, original_end
