"""A checked document ready for extraction (``Source``), the windows it is read in (``Window``), the
limits of reading, and ``DocumentError``, which names the file and says what to do."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import KzmigError
from .model import DocumentInfo, Section

BLOCK_BYTES = 1 << 20            # read 1 MiB at a time
DEFAULT_MAX_BYTES = 256 << 20    # text files larger than this are refused unless the limit is raised
DEFAULT_MAX_PDF_BYTES = 128 << 20
DEFAULT_MAX_PAGES = 5000
WINDOW_CHARS = 1 << 18           # characters extracted at once
WINDOW_OVERLAP = 4096            # context kept on each side of a window


class DocumentError(KzmigError):
    """A document that cannot be read, with the file named and what to do."""

    def __init__(self, path: Path | str, message: str, hint: str = ""):
        self.path, self.message, self.hint = str(path), message, hint
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" + (f" ({self.hint})" if self.hint else "")


@dataclass
class Window:
    """A stretch of the text with context on both sides.

    ``text`` starts at document offset ``offset`` (line ``first_line``); items that start in
    [``emit_from``, ``emit_to``) belong to this window, the rest of the text is context.
    """

    text: str
    offset: int
    first_line: int
    emit_from: int
    emit_to: int
    _newlines: list[int] | None = None

    def line_of(self, local: int) -> int:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return self.first_line + bisect.bisect_left(self._newlines, local)


_SENTENCE_END = re.compile(r"[.!?;][\"'»)\]]*\s+")


def _cut(buf: str, low: int, high: int) -> int:
    """Where a window ending before ``high`` (and not before ``low``) should end: after the last
    line end, else after the last sentence end, else after the last space; ``high`` if the
    stretch has none of them (a single 128K-character word)."""
    cut = buf.rfind("\n", low, high)
    if cut >= 0:
        return cut + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(buf, max(low, high - 4096), high)]
    if ends:
        return ends[-1]
    space = max(buf.rfind(" ", low, high), buf.rfind("\t", low, high))
    return space + 1 if space >= 0 else high


class Source:
    """A checked document: its description, its sections and a way to walk its text."""

    def __init__(self, info: DocumentInfo, sections: list[Section],
                 blocks: Callable[[], Iterator[str]]):
        self.info = info
        self.sections = sections
        self._blocks = blocks

    def text(self) -> str:
        """The whole text (for small documents and tests)."""
        return "".join(self._blocks())

    def windows(self, size: int = WINDOW_CHARS, overlap: int = WINDOW_OVERLAP) -> Iterator[Window]:
        """Overlapping windows that cover the text once, cut at line ends where possible."""
        blocks = self._blocks()
        buf, buf_off, buf_line, emit_from, eof = "", 0, 1, 0, False
        while True:
            while not eof and buf_off + len(buf) - emit_from < size + overlap:
                block = next(blocks, None)
                if block is None:
                    eof = True
                else:
                    buf += block
            end = buf_off + len(buf)
            if emit_from >= end:
                return
            if eof and end - emit_from <= size + overlap:
                emit_to = end
            else:
                emit_to = buf_off + _cut(buf, emit_from - buf_off + size // 2,
                                         emit_from - buf_off + size)
            # the text handed on is the window and its context only, never the rest of the
            # buffer (up to a 1 MiB block more), which every extractor would scan again
            stop = min(len(buf), emit_to - buf_off + overlap)
            yield Window(buf[:stop], buf_off, buf_line, emit_from, emit_to)
            keep = max(0, emit_to - overlap - buf_off)
            buf_line += buf.count("\n", 0, keep)
            buf, buf_off, emit_from = buf[keep:], buf_off + keep, emit_to
