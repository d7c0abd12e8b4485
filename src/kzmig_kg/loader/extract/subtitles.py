"""Subtitles (SubRip ``.srt``, WebVTT) as running text, offsets unchanged.

One public entry: ``plain_subtitles(text)``. In a text with two or more cues, each cue's number and
its timing line ("00:00:04,400 --> 00:00:09,000") become spaces, so a sentence that runs over
several cues reads as one (the blank line between cues, followed by a lower-case word, is no
paragraph break for ``textutil``). Every replacement keeps the length.
"""

from __future__ import annotations

import re

_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
# an optional cue number on its own line, then the timing line with any cue settings after it
_CUE = re.compile(rf"^(?:\d+[ \t]*\n)?{_TIME}[ \t]+-->[ \t]+{_TIME}[^\n]*$", re.MULTILINE)


def plain_subtitles(text: str) -> str:
    """``text`` with the numbers and timings of its subtitle cues blanked out."""
    if "-->" not in text:
        return text
    cues = list(_CUE.finditer(text))
    if len(cues) < 2:
        return text
    for cue in reversed(cues):
        blank = re.sub(r"[^\n]", " ", cue.group())
        text = text[:cue.start()] + blank + text[cue.end():]
    return re.sub(r"\AWEBVTT[^\n]*", lambda m: " " * len(m.group()), text)
