"""Step 1a: a plain-text document, checked and hashed in one streaming pass (encoding, binary
data, sections), then served again block by block: ``open_text(path, size, head, title, encoding)``,
called by ``reader.open_document``."""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .model import DocumentInfo
from .sections import SectionFinder
from .source import BLOCK_BYTES, DocumentError, Source

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LONG_LINE = 4096



def open_text(path: Path, size: int, head: bytes, title: str | None,
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
    pending = ""           # the start of the current line
    pending_length = 0     # the whole length of the current line
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
                    # the decoder's buffer: bytes held back from earlier blocks, then this one's
                    # (at the end of the file, only the held-back bytes of a cut character)
                    held = exc.object[:len(exc.object) - len(data)]
                    where = consumed - len(held) + max(0, exc.start)
                    line = (newlines_before - held.count(b"\n")
                            + exc.object[:max(0, exc.start)].count(b"\n") + 1)
                    bad = exc.object[exc.start:exc.start + 1].hex() or "?"
                    cut = ": it ends in the middle of a character" if not data else ""
                    raise DocumentError(
                        path, f"is not valid {chosen} text{cut} (byte 0x{bad} at offset {where}, "
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
                    lines = text.split("\n")
                    # the current line is kept only up to _LONG_LINE characters (no heading is
                    # longer), so a text without newlines does not grow in memory
                    pending += lines[0][:max(0, _LONG_LINE - len(pending))]
                    pending_length += len(lines[0])
                    for line in lines[1:]:
                        finder.feed(pending, line_no, line_offset)
                        line_offset += pending_length + 1
                        line_no += 1
                        pending, pending_length = line[:_LONG_LINE], len(line)
                if not data:
                    break
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})", "") from None
    if pending_length:
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
