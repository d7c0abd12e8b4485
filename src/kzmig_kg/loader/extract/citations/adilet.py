"""Adilet identifiers (``Z1100000477``): given to the citation they follow, in a bracket later in
its clause, on its reference entry's Adilet address, or in the note its mark points to; matched to
a citation by the serial and year they encode (or, for ``V`` identifiers, its registration number);
an identifier no citation claims is a citation of its own. Entry: ``adilet_ids``."""

from __future__ import annotations

import re

from ..textutil import Spans
from .found import CitationFound
from .styles import _SUPERSCRIPT, _footnotes

# the letter, the year's two digits and the serial; a local act's or a court's has letters of its
# own: V12PB003311 (a Pavlodar region maslikhat's), G25R003632A (an Almaty akimat's), P07000005S_
# (the Supreme Court's)
ADILET_ID = r"[A-Z](?:\d{10}|\d{9}_|\d{2}(?=[0-9A-Z]{0,5}\d{3})[0-9A-Z]{7}[0-9A-Z_])_?(?![\w])"
_ADILET_AFTER = re.compile(rf"^[\s,;]{{0,3}}[(\[]?\s*(?:(?:(?:Adilet|Әділет|ИПС\s+«Әділет»)\s*(?:ID|id)?|ID)"
                           rf"[:\s]\s*)?(?P<id>{ADILET_ID})")
# "Law No. 477-IV ... is adopted (Adilet: Z1100000477)": a labelled identifier in a bracket a few
# words later in the clause, no other act between
# (across one line break, "``On Population Migration''\n(Adilet: Z1100000477)", no blank line)
_ADILET_LATER = re.compile(rf"^(?:[^.;()\[\]\n]|\n(?![ \t]*\n)){{1,40}}?\("
                           rf"\s*(?:Adilet|Әділет|ИПС\s+«Әділет»)\s*(?:ID|id)?"
                           rf"[:\s]\s*(?P<id>{ADILET_ID})\s*\)")
# a bibliography entry (GOST "// ИПС «Әділет». – URL: https://adilet.zan.kz/rus/docs/Z1100000477",
# APA "Retrieved from adilet.zan.kz/eng/docs/..."): the act's page on Adilet later in its own line,
# in its address or after the system's name, no other act between
_ADILET_IN_ENTRY = re.compile(rf"^[^\n]{{0,200}}?(?:adilet\.zan\.kz/(?:[\w-]+/)*docs/|"
                              rf"(?:Adilet|Әділет|Адилет)»?[^\n\w]{{0,12}}(?:ID[:\s]\s*)?)(?P<id>{ADILET_ID})")
# the note mark of a citation: right after it, or at the end of the words that complete it ("No.
# 477-IV of 22 July 2011.⁶"), within its clause
# (after a bracket of the text's state of amendment: "«О миграции населения» (с изменениями и
# дополнениями по состоянию на 01.09.2025 г.)¹", "(as amended on 1 September 2025)²")
_MARK_AFTER = re.compile(r"^(?:[\s,]*\((?=[^()\n]{0,30}?(?:изменени|дополнени|редакци|amend|revis|өзгеріс|"
                         r"толықтыру))[^()\n]{0,120}\))?"
                         r"[^;\n\[\]^¹²³⁴⁵⁶⁷⁸⁹⁰]{0,40}?(?:\[(?P<n>\d{1,3})\]|\^(?P<c>\d{1,3})|"
                         r"(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))")
_MARK_REACH = 180


def adilet_ids(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Give each citation the Adilet identifier written right after it or in the note its mark
    points to; return the identifiers no citation claims, as citations of their own."""
    claimed: set[int] = set()
    notes: dict[str, tuple[int, str]] | None = None
    for citation in found:
        after = text[citation.end:citation.end + 60]
        if (m := _ADILET_AFTER.match(after)) or ((m := _ADILET_LATER.match(after)) and not any(
                citation.end < other.start < citation.end + m.start("id") for other in found)):
            citation.adilet_id = m.group("id")
            claimed.add(citation.end + m.start("id"))
            continue
        entry = text[citation.end:citation.end + 260]
        if (m := _ADILET_IN_ENTRY.match(entry)) and not any(
                citation.end < other.start < citation.end + m.start("id") for other in found):
            citation.adilet_id = m.group("id")
            claimed.add(citation.end + m.start("id"))
            citation.notes.append("Adilet identifier from the act's page later in its entry")
            continue
        mark = _MARK_AFTER.match(text[citation.end:citation.end + _MARK_REACH])
        if mark and any(citation.end < other.start < citation.end + mark.start(mark.lastgroup)
                        for other in found):
            mark = None                   # the mark is that of a citation after this one
        if mark:
            notes = _footnotes(text) if notes is None else notes
            key = mark.group("n") or mark.group("c") or mark.group("s").translate(_SUPERSCRIPT)
            if key in notes and (m := re.search(ADILET_ID, notes[key][1])):
                citation.adilet_id = m.group()
                claimed.add(notes[key][0] + m.start())
                citation.notes.append(f"Adilet identifier from note {key}")
    spans = Spans([(c.start, c.end) for c in found])
    own = []
    for match in re.finditer(rf"(?<![\w]){ADILET_ID}", text):
        if match.start() in claimed or spans.covers(match.start()):
            continue
        if _identified(match, found):
            continue
        own.append(CitationFound(match.start(), match.end(), None, None, [], "KAZ", None, None, None,
                                 None, None, "adilet", "und", 0.7,
                                 ["an Adilet identifier alone: the act is resolved against the graph"],
                                 match.group()))
    return own


def _serial_and_year(adilet_id: str) -> tuple[int, int]:
    """"Z1100000477" -> (477, 11): the act's serial number and the last two digits of its year,
    as Adilet builds the identifier of an act it took from the act's number and date."""
    digits = adilet_id[1:].rstrip("_")
    serial = re.search(r"\d+", digits[2:])     # "PB003311" -> 3311, "000005S" -> 5
    return (int(serial.group()) if serial else -1), int(digits[:2])


def _registered_as(text: str, citation: CitationFound, serial: int) -> bool:
    """Whether the text gives the citation's act the registration number ``serial`` (a "V"
    identifier holds the number of the act's state registration, not its own): "(зарегистрирован в
    Министерстве юстиции ... № 11030)", "... № 11030 тіркелді", "registered ... under No. 11030"."""
    after = text[citation.end:citation.end + 200]
    number = rf"(?:№|No\.?)\s*{serial}(?!\d)"
    registered = r"(?i:зарегистрирован|тіркел|registered)"
    return bool(re.match(rf"[^;\n]{{0,20}}?{registered}[^;\n]{{0,120}}?{number}", after) or
                re.match(rf"[^;\n]{{0,160}}?{number}\s+тіркел", after))


def _identified(match: re.Match[str], found: list[CitationFound]) -> bool:
    """Whether an identifier no citation claimed by position is that of a citation in the text,
    by the serial and year it encodes ("Text: ИПС «Әділет», идентификатор Z1100000477" after "Закон
    ... от 22 июля 2011 года № 477-IV"); the nearest such citation without one takes it. An
    identifier of a cited act that already has it is a repeat, no citation of its own."""
    serial, year = _serial_and_year(match.group())
    same = [c for c in found if c.number and c.year and c.year % 100 == year and
            (lead := re.match(r"\d+", c.number)) and int(lead.group()) == serial]
    if not same and match.group().startswith("V"):
        same = [c for c in found if _registered_as(match.string, c, serial)]
    if not same:
        return False
    free = [c for c in same if c.adilet_id is None]
    if not free:
        return any(c.adilet_id == match.group() for c in same)
    nearest = min(free, key=lambda c: abs(c.start - match.start()))
    nearest.adilet_id = match.group()
    nearest.notes.append("Adilet identifier elsewhere in the text: its serial and year are the act's")
    return True
