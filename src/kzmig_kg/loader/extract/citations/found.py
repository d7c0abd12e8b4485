"""What a citation is: ``CitationFound`` (the result) and ``_Parts`` (what a parser read before
classification), with the small readers every step shares: the year and ISO date of an act's date
text, a title cleaned of its quotes, and whether a closing bracket belongs to the citation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import YEAR, parse_dates


@dataclass
class CitationFound:
    start: int
    end: int
    act_type: str | None
    issuer: str | None
    issuer_ids: list[str]
    jurisdiction: str | None
    number: str | None
    number_as_printed: str | None
    year: int | None
    date: str | None
    title: str | None
    form: str                 # "number", "issuer" (issuer with year or title) or "title"
    language: str
    confidence: float
    notes: list[str] = field(default_factory=list)
    adilet_id: str | None = None      # the Adilet identifier the text gives for it (never parsed)
    joint_numbers: list[str] = field(default_factory=list)   # a joint act's numbers after the first
    head: str | None = None           # the head as written, to type the act again once its state is known
    evidence: list[str] = field(default_factory=list)   # pages confirming a number not in the text

    def label(self) -> str:
        parts = [self.act_type or "act"]
        if self.number:
            parts.append(f"No. {self.number}")
        if self.year:
            parts.append(f"({self.year})")
        return " ".join(parts)


@dataclass
class _Parts:
    """What the grammar read from one citation, before classification."""

    head: str
    start: int
    end: int
    language: str
    issuer: str | None = None
    title: str | None = None
    date_text: str | None = None
    number: str | None = None
    extra_numbers: list[tuple[str, int, int]] = field(default_factory=list)
    force: bool = False
    jurisdiction: str | None = None
    notes: list[str] = field(default_factory=list)
    joint_numbers: list[str] = field(default_factory=list)


def _year_of(date_text: str | None) -> tuple[int | None, str | None]:
    if not date_text:
        return None, None
    if re.fullmatch(YEAR, date_text.strip()):
        return int(date_text), None
    dates = parse_dates(date_text)
    if dates:
        return dates[0].year, dates[0].iso
    match = re.search(YEAR, date_text)
    return (int(match.group()), None) if match else (None, None)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) > 1 and title[0] in "\"“«„'" and title[-1] in "\"”»“'":
        title = title[1:-1]
    title = title.strip().rstrip(",.")
    if title[:3] in {"on ", "о ", "об "} or title[:2] == "о ":
        title = title[0].upper() + title[1:]
    return title or None


def _opened_in(text: str, start: int, end: int) -> bool:
    """Whether the span has as many '(' as ')' (so a closing bracket belongs to it)."""
    span = text[start:end]
    return span.count("(") >= span.count(")")


def _close(text: str, parts: _Parts, pos: int) -> int:
    """Leave out a closing bracket that belongs to the sentence, not the citation."""
    if text[pos - 1:pos] == ")" and not _opened_in(text, parts.start, pos):
        return pos - 1
    return pos
