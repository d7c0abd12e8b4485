"""Sentences and paragraphs of text extracted from PDFs, where line breaks fall mid-sentence and
page breaks leave blank lines inside paragraphs.

A sentence ends at ``.``, ``!`` or ``?`` (and closing quotes or brackets) followed by space and a
capital, digit, quote or bracket, unless the word before the point is an abbreviation (No., al.,
p., pp., e.g., U.S.) or an initial. A blank line ends a paragraph only when the text before it
ends like a sentence or a heading; otherwise it is a page break inside the paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# (or before a line that starts with a bullet: "▪️ Облыстан ...", "• от ..."; a dash only after a
# full stop, below)
_END = re.compile(r"[.!?]+[\"”’')\]¹²³\u2070-\u2079]*(?=\s+[\"“'(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9]|[ \t]*\n[ \t]*"
                  r"(?:[•▪▫◦‣∙·►▶■□●○*]|[\u2600-\u27bf]|[\U0001f300-\U0001faff])|"
                  # a dash item after a full stop ("... a year before.\n- The balance ..."); after a
                  # question a dash opens the answer of a dialogue, which keeps the question's words
                  r"(?<=\.)[ \t]*\n[ \t]*[-–—](?=[ \t]))")
_ABBREVIATIONS = {
    "no", "nr", "al", "p", "pp", "e.g", "i.e", "etc", "vs", "cf", "art", "vol", "dr", "mr", "mrs", "ms",
    "st", "inc", "ltd", "co", "jr", "sr", "n.d", "approx", "u.s", "u.k", "fig", "ed", "eds", "ch", "para",
    "см", "г", "гг", "ст", "т.е", "др", "т", "п", "пп", "ул", "no.", "see", "ibid", "op", "cit", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "seq",
}
_LEADER = re.compile(r"\.{4,}[ \t]*[-−+]?\d")
_BLANK = re.compile(r"\n[ \t\f]*\n")
# the number a heading or a list item starts its line with: "2.", "2.1.", "IV.", "Chapter 2."
_SECTION_NUMBER = re.compile(r"[ \t]*(?:(?:chapter|section|part|глава|раздел|часть|бөлім|тарау)\s+)?"
                             r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.", re.IGNORECASE)


@dataclass
class Sentences:
    """Sentence spans of a text, for looking up the sentence around an offset."""

    spans: list[tuple[int, int]]
    starts: list[int]
    paragraph_of: list[int]   # paragraph index of each sentence
    introduced: set[int] = field(default_factory=set)   # first sentences after a lead-in "...:"

    @classmethod
    def of(cls, text: str) -> Sentences:
        cuts = set()
        for match in _END.finditer(text):
            if _LEADER.match(text, match.start()):
                continue                  # "Uzbekistan ........ 2,118": a leader to its value
            word = re.search(r"([\w.]+)\.?$", text[max(0, match.start() - 12):match.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if _SECTION_NUMBER.fullmatch(text, text.rfind("\n", 0, match.start()) + 1, match.end()):
                continue                  # "2. Flows in 2024": a heading's number, not a sentence
            cuts.add(match.end())
        paragraph_cuts = set()
        for match in _BLANK.finditer(text):
            before = text[max(0, match.start() - 200):match.start()].rstrip()
            after = text[match.end():match.end() + 40].lstrip()
            if after[:1].islower():
                continue                  # a page break inside a sentence
            if not before or re.search(r"[.!?:;\"”’)][¹²³\u2070-\u2079]*$", before) or \
                    _short_line(before) or _table_row(before) or _heading_after(text, match.end()) or \
                    _title_block(text, match.start()):
                cuts.add(match.end())
                paragraph_cuts.add(match.end())
        ordered = sorted(c for c in cuts if 0 < c < len(text))
        spans, starts, paragraphs = [], [], []
        paragraph = 0
        previous = 0
        for cut in ordered + [len(text)]:
            start = previous
            while start < cut and text[start].isspace():
                start += 1
            if start < cut:
                spans.append((start, cut))
                starts.append(start)
                paragraphs.append(paragraph)
            if cut in paragraph_cuts:
                paragraph += 1
            previous = cut
        # "Top five countries of origin of the arrivals:", a blank line, then the list it introduces
        introduced = {i for i in range(1, len(spans)) if paragraphs[i] != paragraphs[i - 1] and
                      text[spans[i - 1][0]:spans[i - 1][1]].rstrip().endswith(":")}
        return cls(spans, starts, paragraphs, introduced)

    def text_before_ends_with_colon(self, index: int) -> bool:
        """Whether the sentence before ``index`` ends its paragraph with a colon (a list's lead-in)."""
        return index in self.introduced

    def index_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span_at(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return (0, 0)
        return self.spans[self.index_at(offset)]


def _heading_after(text: str, at: int) -> bool:
    """Whether the blank line is followed by a heading line ("2️⃣ КЫРГЫЗСТАН", "3. Findings"): a
    short line with no full stop, then a line break; a sentence broken by a page goes on in prose."""
    end = text.find("\n", at)
    line = text[at:end].strip() if end >= 0 else ""
    return bool(line) and not line.endswith((".", ",")) and _short_line(line) and \
        not line[:1].islower() and (line.isupper() or bool(re.match(r"\W|\d+[.)]?\s", line)))


# a row of a table: cells split by tabs or runs of spaces, a number in the last one; or a row
# drawn with bars ("| Түрікменстан | 190 | 224 |"), whose last cell after a number is a bar
_TABLE_ROW = re.compile(r"[^\n]*\S(?:\t+|[ \u00a0]{2,})[^\n]*\S(?:\t+|[ \u00a0]{2,})[^\n]*\d[^\n]{0,3}|"
                        r"[ \t]*[|│┃║][^\n]*[|│┃║][^\n]*\d[^\n|│┃║]*[|│┃║][ \t]*")


def _table_row(before: str) -> bool:
    """Whether the last line before a blank line is a table's row: a table ends its paragraph, so
    the prose after it reads no country or direction off its rows."""
    return bool(_TABLE_ROW.fullmatch(before.rsplit("\n", 1)[-1]))


# a byline or dateline ("Thread by @KZStatBureau · 3 Feb 2026") is no title: it dates, and keeps its
# old reading
_CALENDAR_DATE = re.compile(r"\d{1,2}\s+[^\W\d]+\.?,?\s+\d{4}|[^\W\d]+\.?\s+\d{1,2},\s+\d{4}|"
                            r"\d{4}\s+жылғы\s+\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d")


def _title_block(text: str, end: int) -> bool:
    """Whether the text before a blank line is one line alone between blank lines, of title length,
    naming a year, with no dangling word ("Kandas resettlement in the first half of 2025: arrivals up,
    departures down"): a title that states its period, not a sentence a page break cut."""
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    alone = start == 0 or not text[max(0, start - 2):start - 1].strip()
    return alone and 0 < len(line) <= 120 and bool(re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)) and \
        not _CALENDAR_DATE.search(line) and not re.search(r"[.!?]\s", line) and not re.search(
        r"(?:\b(?:the|of|and|to|in|a|an|by|with|for|on|at|from|и|в|на|из|с|по|для)|[,(-])$", line,
        re.IGNORECASE)


def _short_line(before: str) -> bool:
    """Whether the last line before a blank line looks like a heading (short, no dangling word)."""
    last = before.rsplit("\n", 1)[-1].strip()
    if not last or len(last) > 60 or len(last.split()) > 8:
        return False
    return not re.search(r"(?:\b(?:the|of|and|to|in|a|an|by|with|for|on|at|from)|[,(-])$", last)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Spans:
    """Sorted (start, end) spans with exact, fast tests: does one cover a position, overlap a stretch."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []
        highest = -1
        for _, end in self.spans:
            highest = max(highest, end)
            self.max_end.append(highest)

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.max_end[index] > position

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.max_end[index] > start
