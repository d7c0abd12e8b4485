"""Whether a document's text is one already registered or waiting for review, read as a reader
reads it: line endings (Windows CRLF, old Mac CR) and spaces at the ends of lines do not make a new
document. The registered sha256 stays that of the exact text the locators count in; this only
keeps the same item, saved on another system, from being ingested twice and its figures doubled.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

__all__ = ["registered_with_text", "text_key", "waiting_documents", "waiting_with_text"]

_LINE_END = re.compile(r"[ \t\u00a0]*(?:\r\n|\r|\n)")


def text_key(text: str) -> str:
    """sha256 of the text with every line end written ``\\n`` and trailing blanks dropped."""
    normal = _LINE_END.sub("\n", text.lstrip("\ufeff")).rstrip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _key_of_file(path: Path) -> str | None:
    try:
        return text_key(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None  # not ours to judge here: `passages --check` names a missing or damaged file


def registered_with_text(registered: list[dict], data_dir: Path, key: str) -> dict | None:
    """The registered document (kept under ``data_dir``) whose text has this ``text_key``."""
    for record in registered:
        file = record.get("file")
        path = data_dir / file if isinstance(file, str) else None
        if path is not None and path.is_file() and _key_of_file(path) == key:
            return record
    return None


def waiting_documents(review_dir: Path) -> Iterator[tuple[Path, dict]]:
    """Each folder waiting for review in ``review_dir`` with its registered document."""
    if not review_dir.is_dir():
        return
    for summary in sorted(review_dir.glob("*/review.json")):
        try:
            document = json.loads(summary.read_text(encoding="utf-8")).get("document") or {}
        except (OSError, ValueError, AttributeError):
            continue  # not ours to judge here: `review` names a broken folder
        yield summary.parent, document


def waiting_with_text(review_dir: Path, key: str) -> str | None:
    """The id of the document waiting in ``review_dir`` whose text has this ``text_key``."""
    for folder, document in waiting_documents(review_dir):
        name = Path(str(document.get("file") or "")).name
        if name and _key_of_file(folder / name) == key:
            return folder.name
    return None
