"""Step 1b: the text layer of a PDF, page by page, with pypdf.

One public entry: ``read_pdf(path, size, title, max_pages)``, called by ``reader.open_document``
for files that start with ``%PDF-``. An encrypted PDF is opened with the empty user password when
it has one; otherwise, and for damaged PDFs and PDFs without a text layer, ``DocumentError``
says what to do (``qpdf --decrypt``, ``qpdf`` repair, ``ocrmypdf``). Pages are joined with a
newline, so line numbers count the lines of the extracted text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from .model import DocumentInfo
from .sections import SectionFinder
from .source import BLOCK_BYTES, DocumentError, Source


def read_pdf(path: Path, size: int, title: str | None, max_pages: int) -> Source:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise DocumentError(path, "is a PDF, and pypdf is not installed",
                            "pip install pypdf") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)   # its warnings would bypass our messages
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for data in iter(lambda: handle.read(BLOCK_BYTES), b""):
            digest.update(data)
    warnings: list[str] = []
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise DocumentError(path, f"is an encrypted PDF that cannot be opened here ({exc})",
                                    "decrypt it first, e.g. qpdf --decrypt in.pdf out.pdf") from None
            if not opened:
                raise DocumentError(path, "is an encrypted PDF that needs a password",
                                    "decrypt it first, e.g. qpdf --decrypt --password=... "
                                    "in.pdf out.pdf")
            warnings.append("encrypted PDF opened with an empty user password")
        count = len(reader.pages)
        if count > max_pages:
            raise DocumentError(path, f"has {count} pages, over the limit of {max_pages}",
                                "split it into smaller PDFs")
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except DependencyError as exc:  # AES without the cryptography package: not damage
                raise DocumentError(path, f"is an encrypted PDF that cannot be read here ({exc})",
                                    "install pypdf with its crypto extra: "
                                    "pip install 'pypdf[crypto]'") from None
            except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged pages
                warnings.append(f"page {number}: text could not be extracted ({exc})")
                pages.append("")
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError(path, "is an encrypted PDF that needs a password",
                            "decrypt it first, e.g. qpdf --decrypt --password=... in.pdf out.pdf") \
            from None
    except (PdfReadError, DependencyError) as exc:
        raise DocumentError(path, f"is a damaged or unreadable PDF ({exc})",
                            "repair it (e.g. qpdf in.pdf out.pdf) or export it again") from None
    except Exception as exc:  # noqa: BLE001 - a corrupt PDF can fail anywhere inside pypdf
        raise DocumentError(path, f"is a damaged or unreadable PDF ({type(exc).__name__}: {exc})",
                            "repair it (e.g. qpdf in.pdf out.pdf) or export it again") from None
    text = "\n".join(p.rstrip("\n") for p in pages)
    if not re.search(r"\w\w", text):
        raise DocumentError(path, f"is a PDF of {len(pages)} page(s) with no text layer",
                            "run OCR on it first (e.g. ocrmypdf in.pdf out.pdf)")
    finder = SectionFinder()
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines, start=1):
        finder.feed(line, number, offset)
        offset += len(line) + 1
    info = DocumentInfo(path=str(path), name=path.name, sha256=digest.hexdigest(), size=size,
                        media_type="application/pdf", characters=len(text), lines=len(lines),
                        title=title or _pdf_title(reader), pages=len(pages),
                        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        warnings=warnings)
    return Source(info, finder.finish(), lambda: iter([text]))


def _pdf_title(reader) -> str | None:
    try:
        meta = reader.metadata
        value = meta.title if meta else None
    except Exception:  # noqa: BLE001 - metadata of a damaged PDF
        return None
    return str(value).strip() or None if value else None
