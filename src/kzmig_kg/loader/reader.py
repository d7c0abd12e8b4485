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

from pathlib import Path

from .pdf import read_pdf
from .source import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_PDF_BYTES, DocumentError, Source
from .text import open_text

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
        return read_pdf(path, size, title, max_pages)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise DocumentError(path, f"looks like {what}, not a text or PDF document",
                                "export it as PDF or plain UTF-8 text first")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower().startswith((b"<!doctype html", b"<html")):
        # a saved web page: its markup and scripts would become the passages and the figures
        raise DocumentError(path, "looks like an HTML page, not a text or PDF document",
                            "save the page as plain text or print it to PDF first")
    limit = max_bytes or DEFAULT_MAX_BYTES
    if size > limit:
        raise DocumentError(path, f"is {_mb(size)}, over the {_mb(limit)} limit",
                            "raise the limit with --max-size (reading streams, memory stays bounded)")
    return open_text(path, size, head, title, encoding)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"
