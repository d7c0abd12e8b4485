"""Step 2: find a document's sections: chapters, numbered headings, appendices, front and back matter.

Headings are recognised line by line (the reader feeds every line once, so this works on any size
of document with a few lines of look-ahead):

- ``Chapter 1: Title``, ``CHAPTER II``, ``Глава 1``, ``Раздел 2`` (level 1, number ``1``);
- ``1.2. Title``, ``1.2 Title``, ``1.2.2008-2014`` (level = depth, number ``1.2``);
- ``1. Introduction`` (level 1) when the title is short and not a list item ending in a colon;
- ``Appendix A`` / ``Annex 2`` / ``Приложение Б`` (number ``appendix-a``), taking the next short
  line as the title when the heading line has none;
- unnumbered headings of front and back matter (Abstract, Introduction, Conclusions,
  References, Введение, Заключение ...), only as a line of their own.

A heading line is short, does not end like a sentence, and its title starts with a capital or a
digit; entries of a table of contents (dotted leaders) are skipped, and when a number occurs
twice the later heading wins (the earlier one is usually the table of contents).
"""

from __future__ import annotations

import re
from collections import deque

from .model import Section

MAX_HEADING = 110
_WS = re.compile(r"\s+")
_CHAPTER = re.compile(
    r"^(?:chapter|глава|раздел|бөлім|part)\s+(\d{1,2}|[ivxlc]{1,6})\b\s*[.:\-–—]?\s*(.*)$",
    re.IGNORECASE)
_APPENDIX = re.compile(
    r"^(Appendix|APPENDIX|Annex|ANNEX|Attachment|Приложение|ПРИЛОЖЕНИЕ|Қосымша)\s+"
    r"([A-ZА-Я]|\d{1,2})\b\.?\s*[.:\-–—]?\s*(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.\s*|\s+)(\S.*)$")
_SINGLE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$|…+\s*\d*\s*$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
FRONT_BACK = {
    "abstract": "abstract", "summary": "summary", "executive summary": "summary",
    "introduction": "introduction", "foreword": "foreword", "preface": "preface",
    "acknowledgements": "acknowledgements", "acknowledgments": "acknowledgements",
    "contents": "contents", "table of contents": "contents", "list of abbreviations": "abbreviations",
    "abbreviations": "abbreviations", "glossary": "glossary", "literature review": "literature-review",
    "methodology": "methodology", "findings": "findings", "discussion": "discussion",
    "conclusion": "conclusions", "conclusions": "conclusions",
    "conclusions and recommendations": "conclusions", "conclusion and recommendations": "conclusions",
    "recommendations": "recommendations", "references": "references", "bibliography": "references",
    "works cited": "references", "appendices": "appendices", "annexes": "appendices",
    "аннотация": "abstract", "введение": "introduction", "содержание": "contents",
    "заключение": "conclusions", "выводы": "conclusions", "рекомендации": "recommendations",
    "список литературы": "references", "список использованных источников": "references",
    "библиография": "references", "приложения": "appendices",
}


def roman_to_int(text: str) -> int | None:
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def _title_like(title: str, max_words: int = 14) -> bool:
    title = title.strip()
    if not title:
        return True
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«“"):
        return False
    if len(title.split()) > max_words:
        return False
    return not re.search(r"[,;]$|[a-zа-я]{3,}\.$", title)


class SectionFinder:
    """Feed lines in order with ``feed``; ``finish`` returns the sections found."""

    LOOKAHEAD = 4

    def __init__(self) -> None:
        self._window: deque[tuple[str, int, int]] = deque()
        self._previous_blank = True
        self._previous_raw = ""
        self._sections: dict[str, Section] = {}
        self._seen_chapter = False

    def feed(self, line: str, number: int, offset: int) -> None:
        self._window.append((line, number, offset))
        if len(self._window) > self.LOOKAHEAD:
            self._consider()

    def finish(self) -> list[Section]:
        while self._window:
            self._consider()
        return sorted(self._sections.values(), key=lambda s: s.start)

    def _consider(self) -> None:
        raw, number, offset = self._window.popleft()
        following = [line for line, _, _ in self._window]
        section = self._heading(raw, number, offset, following)
        if section is not None:
            self._sections.pop(section.number, None)
            self._sections[section.number] = section
        self._previous_blank = not raw.strip()
        self._previous_raw = raw

    def _heading(self, raw: str, number: int, offset: int, following: list[str]) -> Section | None:
        text = _WS.sub(" ", raw).strip()
        if not text or len(text) > MAX_HEADING or _LEADERS.search(text):
            return None
        start = offset + (len(raw) - len(raw.lstrip()))
        next_blank = not following or not following[0].strip()
        isolated = self._previous_blank or next_blank or raw[:1].isspace()
        match = _CHAPTER.match(text)
        if match:
            value = match.group(1)
            n = int(value) if value.isdigit() else roman_to_int(value)
            rest = match.group(2).strip()
            separated = bool(re.match(r"^(?:chapter|глава|раздел|бөлім|part)\s+\S+\s*[.:\-–—]",
                                      text, re.IGNORECASE))
            if n is None or not (separated or not rest or _title_like(rest, 10)):
                return None
            if rest and not separated and rest[0].islower():
                return None
            after_sentence = bool(re.search(r"[.!?:]\s*$", self._previous_raw))
            if not (isolated or (separated and after_sentence)) or re.search(r"[,;]$", text):
                return None
            self._seen_chapter = True
            return Section(str(n), text, number, start, 1)
        match = _APPENDIX.match(text)
        if match:
            rest = match.group(3).strip()
            if rest and not _title_like(rest, 10):
                return None
            if not isolated:
                return None
            title = text
            if not rest:
                nxt = next((line.strip() for line in following if line.strip()), "")
                if nxt and len(nxt) <= 60 and _title_like(nxt, 8) and not nxt.endswith("."):
                    title = f"{text}: {_WS.sub(' ', nxt)}"
            return Section(f"appendix-{match.group(2).lower()}", title, number, start, 1)
        match = _NUMBERED.match(text)
        if match:
            title = match.group(2)
            if not isolated or not _title_like(title, 12) or text.endswith(":"):
                return None
            parts = match.group(1).split(".")
            if any(int(p) == 0 for p in parts[:1]):
                return None
            return Section(match.group(1), text, number, start, min(len(parts), 3))
        match = _SINGLE.match(text)
        if match:
            title = match.group(2)
            if (self._seen_chapter or not (self._previous_blank and next_blank)
                    or not _title_like(title, 6) or re.search(r"[:.]$", title)):
                return None
            return Section(match.group(1), text, number, start, 1)
        key = text.rstrip(":.").strip().lower()
        if key in FRONT_BACK and isolated and text[0].isupper():
            return Section(FRONT_BACK[key], text, number, start, 1)
        return None


def section_at(sections: list[Section], offset: int) -> str | None:
    """Number of the section an offset falls in (the last heading at or before it)."""
    current = None
    for section in sections:
        if section.start <= offset:
            current = section.number
        else:
            break
    return current
