"""Step 4b: the dates of a text with the events attached to them.

One public entry: ``find_dates(text, sentences, taken)``: every full, month or day-month date
(``dates.parse_dates``); a day and month without a year (``since September 21``) takes the year
the surrounding text is about, flagged as inferred; a bare year is a date only where an event is
attached (``In 2013, agreements were signed``). ``describe_event`` gives the event: the sentence
the date stands in, classified by its verb (adoption, signature, ratification, entry into force,
establishment, introduction, abolition, amendment, suspension, opening, war, interview ...).
"""

from __future__ import annotations

import re

from .dates import YEAR, DateFound, parse_dates
from .textutil import Sentences, Spans, collapse

EVENT_TYPES: tuple[tuple[str, str], ...] = (
    (r"interview|Expert\s*\([A-Z]\)", "interview"),
    (r"ratif", "ratification"),
    (r"came\s+into\s+(?:force|effect)|entered\s+into\s+force|enter(?:s|ed)?\s+into\s+force|"
     r"effective|вступ", "entry-into-force"),
    (r"\bsign(?:ed|ing|s)?\b|подпис", "signature"),
    (r"abolish|cancel|terminat|repeal|lifted|lifting|отмен", "abolition"),
    (r"suspend|приостанов", "suspension"),
    (r"amend|изменени|поправк", "amendment"),
    (r"adopt|enact|approv|passed|принят|утвержд", "adoption"),
    (r"establish|creat|set\s+up|found(?:ed|ing)|образова|создан", "establishment"),
    (r"reorgani[sz]|renam|transferr?ed|преобразова", "reorganisation"),
    (r"introduc|launch|implement|put\s+forth|presented|issued|введен", "introduction"),
    (r"invasion|invade|\bwar\b|conflict|войн", "war"),
    (r"open(?:ed|ing)|reopen|restor", "opening"),
    (r"host", "hosting"),
    (r"propos", "proposal"),
    (r"relocat|crossed|left|arriv|moved", "migration"),
    (r"crisis|pandemic|lockdown", "crisis"),
)
_EVENT_VERB = re.compile(
    r"\b(?:adopt(?:ed|s|ion)|enact(?:ed|ment)|sign(?:ed|ing|ature)|ratif(?:ied|ication)|"
    r"introduc(?:ed|tion)|establish(?:ed|ment)|creat(?:ed|ion)|launch(?:ed)?|abolish(?:ed)?|abolition|"
    r"approv(?:ed|al)|amend(?:ed|ments?)|replaced|reorgani[sz](?:ed|ation)|transferred|opened|"
    r"opening|propos(?:ed|al)|host(?:ed|ing)|suspend(?:ed)|cancel(?:l?ed|lation)|presented|"
    r"invad(?:ed)|invasion|declar(?:ed|ation)|announc(?:ed|ement)|implemented|issued|passed|joined|"
    r"acceded|founded|dissolved|renamed|relocated|restor(?:ed|ation)|came\s+into\s+(?:force|effect)|"
    r"entered\s+into\s+force|took\s+effect|put\s+forth|(?:was|were)\s+made|принят\w*|подписан\w*|"
    r"утвержд\w*|вступил\w*|введен\w*|создан\w*|отменен\w*|ратифицир\w*)\b", re.IGNORECASE)
_YEAR_EVENT = re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Oo]n|[Ll]ater\s+in|[Ee]arly|[Ll]ate)"
                         rf"\s+(?P<y>{YEAR})(?![\d-]|\s*[-–]\s*\d)(?!\s+(?:to|and)\s+{YEAR})")




def _event_dates(text: str, sentences: Sentences, skip: list[tuple[int, int]]) -> list[DateFound]:
    """Bare years introduced by in/since/by... in a sentence with an event verb."""
    found = []
    taken = Spans(skip)
    for match in _YEAR_EVENT.finditer(text):
        start, end = match.span("y")
        if taken.covers(start):
            continue
        s_start, s_end = sentences.span_at(start)
        near = text[max(s_start, start - 100):min(s_end, end + 100)]
        if not _EVENT_VERB.search(near):
            continue
        found.append(DateFound(start, end, int(match.group("y")), None, None, "year"))
    return found


def _infer_year(text: str, date: DateFound, sentences: Sentences) -> None:
    """Give a day-month date the year its sentence, or failing that the text before, is about."""
    s_start, s_end = sentences.span_at(date.start)
    years = [int(m.group()) for m in re.finditer(rf"(?<!\d){YEAR}(?!\d)", text[s_start:s_end])]
    if not years:
        before = text[max(0, s_start - 1500):s_start]
        years = [int(m.group()) for m in re.finditer(rf"(?<![\d.,]){YEAR}(?![\d,])", before)][-1:]
    if years:
        date.year = years[-1] if len(years) == 1 else max(years)
        date.year_inferred = True


def describe_event(text: str, start: int, end: int, sentences: Sentences) -> tuple[str, str | None]:
    """The sentence around a date (collapsed, at most 300 characters) and its event type."""
    s_start, s_end = sentences.span_at(start)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if re.search(r"Expert\s*\([A-Z]\)", line):
        expert = re.search(r"Expert\s*\([A-Z]\)", line).group()
        return f"interview with {collapse(expert)}", "interview"
    sentence = collapse(text[s_start:s_end])
    if len(sentence) > 300:
        local = start - s_start
        sentence = collapse(text[max(s_start, s_start + local - 150):min(s_end, s_start + local + 150)])
    event_type, best = None, None
    raw = text[s_start:s_end]
    local = start - s_start
    for pattern, name in EVENT_TYPES:
        for match in re.finditer(pattern, raw, re.IGNORECASE):
            distance = abs(match.start() - local)
            if best is None or distance < best:
                event_type, best = name, distance
    return sentence, event_type


def find_dates(text: str, sentences: Sentences, taken: list[tuple[int, int]]) -> list[DateFound]:
    """Dates in order: full and partial dates, and bare years with an event; ``taken`` spans
    (citations) give no bare years."""
    dates = parse_dates(text)
    for date in dates:
        if date.year is None:
            _infer_year(text, date, sentences)
    spans = taken + [(d.start, d.end) for d in dates]
    dates += _event_dates(text, sentences, spans)
    return sorted(dates, key=lambda d: d.start)
