"""The text behind a passage locator: ``PassageRef`` (document file, line range, section) and
``with_text(refs, sources_dir)``, which fills in the lines when the document is at hand.

The build never needs the document; a researcher who has it (``../shared/sources/``) reads the
lines a fact rests on instead of opening the file at a line number.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

__all__ = ["PassageRef", "document_path", "missing_note", "with_text"]
INGESTED = "ingested/"
ACCEPTED_DATA = Path("data")   # the default data directory, relative to the working directory


@dataclass(frozen=True)
class PassageRef:
    """A line range of a source document (1-based, inclusive), and its text when read."""

    file: str | None
    first_line: int
    last_line: int
    section: str | None = None
    text: str | None = None

    @property
    def lines(self) -> str:
        return f"{self.first_line}-{self.last_line}"


def with_text(refs: list[PassageRef], sources_dir: Path | None) -> list[PassageRef]:
    """The same locators with the text of their lines, where the document is in ``sources_dir``."""
    if sources_dir is None:
        return list(refs)
    found = []
    for ref in refs:
        lines = _document_lines(str(document_path(ref.file, sources_dir))) if ref.file else None
        if lines is not None and 1 <= ref.first_line <= ref.last_line <= len(lines):
            ref = replace(ref, text="\n".join(lines[ref.first_line - 1:ref.last_line]))
        found.append(ref)
    return found


def document_path(file: str, sources_dir: Path) -> Path:
    """Where a document's text is: in ``sources_dir``, or, for a document accepted by ``kzmig-kg
    review --accept`` (``ingested/<id>/<name>``), in the data directory that holds its records."""
    path = Path(sources_dir) / file
    if not path.is_file() and file.startswith(INGESTED):
        return ACCEPTED_DATA / file
    return path


def missing_note(refs: list[PassageRef], sources_dir: Path | None) -> str | None:
    """A note when passages could not be read: which document, and where it was looked for."""
    unread = sorted({ref.file or "?" for ref in refs if ref.text is None})
    if not unread:
        return None
    where = sources_dir if sources_dir is not None else "(no --sources given)"
    return (f"the text of the passages is not shown: {', '.join(unread)} is not in {where}; "
            "pass --sources DIR with the source documents")


@lru_cache(maxsize=4)
def _document_lines(path: str) -> list[str] | None:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
