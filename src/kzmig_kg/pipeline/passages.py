"""Passage locators: line ranges of a source document, with character offsets and section.

Curators write line ranges (``passages: ["285-287"]``) in their records; ``sync_passages`` finds
every range in the document and writes ``data/passages.csv`` with the character offsets (Web
Annotation ``TextPositionSelector``: code points, start inclusive, end exclusive) and the section
each range starts in. ``check_passages`` verifies the table against the document.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import KzmigError
from ..mapping.schema import LineRange
from .records import CSV_LIST_SEPARATOR, parse_locator

PASSAGES_TABLE = "passages.csv"
PASSAGES_HEADER = ["id", "document", "first_line", "last_line", "start", "end", "section"]


@dataclass(frozen=True)
class SourceText:
    """A document's text split into lines, with the offset where each line starts."""

    text: str
    line_starts: list[int]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        text = path.read_text(encoding="utf-8")
        starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                starts.append(index + 1)
        if text.endswith("\n"):
            starts.pop()
        return cls(text, starts)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def span(self, first: int, last: int) -> tuple[int, int]:
        if not 1 <= first <= last <= self.line_count:
            raise KzmigError(f"line range {first}-{last} is outside the document "
                             f"(1-{self.line_count})")
        start = self.line_starts[first - 1]
        end = self.line_starts[last] - 1 if last < self.line_count else len(self.text.rstrip("\n"))
        return start, end


def _documents(data_dir: Path) -> dict[str, dict]:
    raw = yaml.safe_load((data_dir / "documents.yaml").read_text(encoding="utf-8"))
    return {doc["id"]: doc for doc in raw["records"]}


def _section_of(doc: dict, line: int) -> str:
    current = ""
    for section in sorted(doc.get("sections", []), key=lambda s: s["line"]):
        if section["line"] <= line:
            current = str(section["number"])
    return current


def collect_locators(data_dir: Path) -> set[LineRange]:
    """Every passage locator written in the record files.

    Read leniently (no schema check) so one file being edited does not block the others; a
    malformed locator is left for ``read_records`` to report.
    """
    locators: set[LineRange] = set()
    for path in sorted(data_dir.rglob("*.yaml")):
        try:
            top = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if not isinstance(top, dict):
            continue
        rows: list = []
        if isinstance(top.get("records"), list):
            rows = [r for r in top["records"] if isinstance(r, dict)]
        elif isinstance(top.get("table"), str) and (path.parent / top["table"]).is_file():
            with open(path.parent / top["table"], encoding="utf-8", newline="") as handle:
                lines = (line for line in handle if not line.startswith("#"))
                rows = [{"passages": row.get("passages", "").split(CSV_LIST_SEPARATOR)}
                        for row in csv.DictReader(lines)]
            defaults = top.get("defaults") or {}
            if isinstance(defaults, dict) and defaults.get("passages"):
                rows.append({"passages": defaults["passages"]})
        for row in rows:
            values = row.get("passages") or []
            for value in values if isinstance(values, list) else [values]:
                locator = parse_locator(str(value).strip())
                if locator is not None:
                    locators.add(locator)
    return locators


def sync_passages(data_dir: Path, sources_dir: Path) -> int:
    """Locate every passage the records cite; rewrite data/passages.csv; return the row count."""
    documents = _documents(data_dir)
    locators = collect_locators(data_dir)
    rows = []
    texts: dict[str, SourceText] = {}
    for loc in sorted(locators, key=lambda r: (r.document, r.first, r.last)):
        doc = documents.get(loc.document)
        if doc is None:
            raise KzmigError(f"passage {loc} names unknown document '{loc.document}'")
        if loc.document not in texts:
            texts[loc.document] = _open_document(doc, sources_dir, data_dir)
        start, end = texts[loc.document].span(loc.first, loc.last)
        rows.append([f"{loc.document}-L{loc.first}-{loc.last}", loc.document, loc.first,
                     loc.last, start, end, _section_of(doc, loc.first)])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PASSAGES_HEADER)
    writer.writerows(rows)
    _write_atomic(data_dir / PASSAGES_TABLE, buffer.getvalue())
    return len(rows)


def check_passages(data_dir: Path, sources_dir: Path) -> list[str]:
    """Return a problem for each row of passages.csv that does not match its document."""
    documents = _documents(data_dir)
    problems = []
    texts: dict[str, SourceText] = {}
    with open(data_dir / PASSAGES_TABLE, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            doc = documents.get(row["document"])
            if doc is None:
                problems.append(f"{PASSAGES_TABLE}:{number}: unknown document {row['document']}")
                continue
            if row["document"] not in texts:
                texts[row["document"]] = _open_document(doc, sources_dir, data_dir)
            first, last = int(row["first_line"]), int(row["last_line"])
            try:
                expected = texts[row["document"]].span(first, last)
            except KzmigError as exc:
                problems.append(f"{PASSAGES_TABLE}:{number}: {exc}")
                continue
            if (int(row["start"]), int(row["end"])) != expected:
                problems.append(f"{PASSAGES_TABLE}:{number}: offsets {row['start']}-{row['end']} "
                                f"do not match lines {first}-{last} ({expected[0]}-{expected[1]})")
            if row["section"] != _section_of(doc, first):
                problems.append(f"{PASSAGES_TABLE}:{number}: section {row['section']!r} should be "
                                f"{_section_of(doc, first)!r}")
    return problems


def _open_document(doc: dict, sources_dir: Path, data_dir: Path | None = None) -> SourceText:
    path = sources_dir / doc["file"]
    if data_dir is not None and (data_dir / doc["file"]).is_file():
        path = data_dir / doc["file"]     # a document registered by `kzmig-kg ingest`, kept in data/
    if not path.is_file():
        raise KzmigError(f"document '{doc['id']}' not found at {path}; "
                         "pass --sources DIR pointing at the source documents")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != doc["sha256"]:
        raise KzmigError(f"{path} has sha256 {digest}, data/documents.yaml records "
                         f"{doc['sha256']}: the locators were made for another version")
    return SourceText.read(path)


def _write_atomic(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
