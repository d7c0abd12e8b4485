"""Step 1: check and read a plain-text or PDF document, with limits, and serve its text in windows.

The file is checked before anything is extracted: it must exist, be non-empty, within the size
limit, and be either text in the stated encoding (UTF-8 by default; a UTF-8 or UTF-16 byte-order
mark is honoured) or a PDF with a text layer. A text file is read twice, in blocks, so memory
stays bounded whatever its size: once to check it, hash it, count it and find its headings, once
to extract from overlapping windows. A PDF's text is extracted page by page (``pdf``).

One public entry: ``open_document(path, ...)``.

Every problem raises ``DocumentError``, which names the file and says what to do.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import KzmigError
from .model import DocumentInfo, Section
from .sections import SectionFinder

BLOCK_BYTES = 1 << 20            # read 1 MiB at a time
DEFAULT_MAX_BYTES = 256 << 20    # text files larger than this are refused unless the limit is raised
DEFAULT_MAX_PDF_BYTES = 128 << 20
DEFAULT_MAX_PAGES = 5000
WINDOW_CHARS = 1 << 18           # characters extracted at once
WINDOW_OVERLAP = 4096            # context kept on each side of a window

# Signatures of binary formats people mistake for documents, with what to do about them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .xlsx file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file"),
    (b"%!PS", "a PostScript file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
                emit_to = emit_from + size
                cut = buf.rfind("\n", emit_from - buf_off + size // 2, emit_to - buf_off)
                if cut >= 0:
                    emit_to = buf_off + cut + 1
            yield Window(buf, buf_off, buf_line, emit_from, emit_to)
            keep = max(0, emit_to - overlap - buf_off)
            buf_line += buf.count("\n", 0, keep)
            buf, buf_off, emit_from = buf[keep:], buf_off + keep, emit_to


def open_document(path: Path | str, *, title: str | None = None, encoding: str | None = None,
                  max_bytes: int | None = None, max_pages: int = DEFAULT_MAX_PAGES) -> Source:
    """Check a document and return it ready for extraction; raise DocumentError if unusable."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "no such file", "check the path")
    if path.is_dir():
        raise DocumentError(path, "is a directory, not a document", "pass a .txt or .pdf file")
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})",
                            "check the file's permissions") from None
    if size == 0 or not head:
        raise DocumentError(path, "is empty (0 bytes)", "pass a document with text in it")
    if head.lstrip()[:5] == b"%PDF-":
        limit = max_bytes or DEFAULT_MAX_PDF_BYTES
        if size > limit:
            raise DocumentError(path, f"is {_mb(size)}, over the {_mb(limit)} limit for PDFs",
                                "raise the limit with --max-size or split the PDF")
        from .pdf import read_pdf

        return read_pdf(path, size, title, max_pages)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise DocumentError(path, f"looks like {what}, not a text or PDF document",
                                "export it as PDF or plain UTF-8 text first")
    limit = max_bytes or DEFAULT_MAX_BYTES
    if size > limit:
        raise DocumentError(path, f"is {_mb(size)}, over the {_mb(limit)} limit",
                            "raise the limit with --max-size (reading streams, memory stays bounded)")
    return _open_text(path, size, head, title, encoding)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


# ---------------------------------------------------------------------------------------- text

def _open_text(path: Path, size: int, head: bytes, title: str | None,
               encoding: str | None) -> Source:
    bom_encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    chosen = encoding or bom_encoding or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise DocumentError(path, f"unknown encoding '{chosen}'",
                            "use a Python codec name such as utf-8, cp1251 or koi8-r") from None
    if bom_encoding is None and b"\x00" in head:
        raise DocumentError(path, "contains NUL bytes: binary data, not text",
                            "pass a plain-text (UTF-8) or PDF document")

    def blocks() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(chosen)("strict")
        with open(path, "rb") as handle:
            while True:
                data = handle.read(BLOCK_BYTES)
                text = decoder.decode(data, final=not data)
                if text:
                    yield text
                if not data:
                    return

    digest = hashlib.sha256()
    finder = SectionFinder()
    characters = 0
    control = 0
    line_no = 1
    line_offset = 0
    pending = ""
    consumed = 0           # bytes read so far, for error positions
    newlines_before = 0    # newlines in the bytes already decoded, for error positions
    decoder = codecs.getincrementaldecoder(chosen)("strict")
    try:
        with open(path, "rb") as handle:
            while True:
                data = handle.read(BLOCK_BYTES)
                digest.update(data)
                try:
                    text = decoder.decode(data, final=not data)
                except UnicodeDecodeError as exc:
                    where = consumed + max(0, exc.start)
                    line = newlines_before + data[:max(0, exc.start)].count(b"\n") + 1
                    bad = data[exc.start:exc.start + 1].hex() if exc.start >= 0 else "?"
                    raise DocumentError(
                        path, f"is not valid {chosen} text (byte 0x{bad} at offset {where}, "
                              f"line {line})",
                        "convert it to UTF-8 (e.g. iconv -f CP1251 -t UTF-8) or name its "
                        "encoding with --encoding cp1251") from None
                consumed += len(data)
                newlines_before += data.count(b"\n")
                if text:
                    if characters < 1 << 16:
                        sample = text[: (1 << 16) - characters]
                        control += len(_CONTROL.findall(sample))
                        seen = characters + len(sample)
                        if "\x00" in sample or (seen >= 256 and control > 0.02 * seen):
                            raise DocumentError(
                                path, "contains control characters: binary data, not text",
                                "pass a plain-text (UTF-8) or PDF document")
                    characters += len(text)
                    pending += text
                    lines = pending.split("\n")
                    pending = lines.pop()
                    for line in lines:
                        finder.feed(line, line_no, line_offset)
                        line_offset += len(line) + 1
                        line_no += 1
                if not data:
                    break
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})", "") from None
    if pending:
        finder.feed(pending, line_no, line_offset)
    else:
        line_no -= 1
    sections = finder.finish()
    if characters == 0 or not _has_words(path, blocks):
        raise DocumentError(path, "has no text (only whitespace or symbols)",
                            "pass a document with text in it")
    info = DocumentInfo(path=str(path), name=path.name, sha256=digest.hexdigest(), size=size,
                        media_type="text/plain", characters=characters, lines=max(line_no, 1),
                        encoding=chosen, title=title)
    return Source(info, sections, blocks)


def _has_words(path: Path, blocks: Callable[[], Iterator[str]]) -> bool:
    return any(re.search(r"\w\w", block) for block in blocks())
