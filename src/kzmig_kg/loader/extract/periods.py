"""The year or period a figure refers to.

``find_times`` lists the years and periods of a text (``in 2005``, ``between 2004 and 2010``,
``from 2003 to 2008``), leaving out the years of references (``Rowland (2001)``, ``(IOM, 2019,
p. 16)``, ``2023b``) and marking years of comparison (``compared to 2019``). ``resolve_time``
picks a figure's, in this order:

1. in its sentence: ``in 2009 (33,985)``, ``22,668 in 2005``, else the nearest year before it;
   after a trend that ended (``until 2011, followed by an increase of 27.03% (29,850 people)``,
   ``decreased from 2000 to 2005, with a slight increase of 4.24% (123 people)``) the year after;
2. ``during this period``: the span of the years of the sentence before;
3. a rank that continues a ranking (``The second most popular country ... was Germany``): the
   year of the sentence that ranked first (``the highest outflow ... in 2008``);
4. else what the paragraph was about: the time of the figure before it, or the last year
   before the sentence, whichever comes later.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .context import AGES
from .dates import YEAR
from .subyear import as_of_part, find_subyear
from .textutil import Spans
from .tokens import Token

# "Миграция-2024", "Migration-2024": a year joined to a word by a hyphen is one; after a digit and
# a hyphen it is the end of a range
_YEAR_RE = re.compile(rf"(?<![\d.,/])(?<!\d-)(?<!\d–)(?P<y>{YEAR})(?P<suffix>[a-c]?)(?![\d])(?!,\d{{3}})")
_PERIOD = re.compile(rf"(?P<a>{YEAR})(?:\s*(?:года|г\.))?\s*(?:[-–]|to|and|through|until|till|по|до)\s*"
                     rf"(?P<b>{YEAR})(?![\d])",
                     re.IGNORECASE)
_LEAD = re.compile(r"(?:between|from|for|in|during|over)\s*$", re.IGNORECASE)
_COMPARED = re.compile(r"(?:чем(?:\s+(?:в|за))?|по\s+сравнению\s+с|против|"
                       r"(?:по\s+отношению|в\s+сравнении\s+с|в\s+сопоставлении\s+с|относительно)|"
                       # "на 3,3% больше уровня 2024 года", "к уровню 2024 года": the level compared with
                       r"(?<![а-яё])(?:больше|меньше|выше|ниже|превы[сш]\w*|к)\s+(?:уровн|показател)[а-яё]{0,3}|"
                       r"compared\s+(?:to|with)|than(?:\s+in)?|relative\s+to|from|since|vs\.?|"
                       # "three times as many as in 2019", "twice as high as in 2020": the year compared with
                       r"\b(?:many|much|high|large|low|great|big|small)\s+as(?:\s+(?:in|for))?|"
                       # a change and the time it is measured against: "up 6.4% on the first half of
                       # 2024", "рост на 6,4% к первому полугодию 2024 года", "+5% к 2023 году"
                       r"\d\s*%\s*(?:on|к)|"
                       # "(change on Q3 2024 in brackets)", "(изменение к III кварталу 2024 года)"
                       r"\b(?:change|growth|increase|decrease)\s+(?:on|over|from)|"
                       r"(?<![а-яё])(?:изменени\w*|рост|снижение|прирост)\s+(?:к|по\s+сравнению\s+с)|"
                       r"versus|as\s+against|over)\s*(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)


def is_reference_year(text: str, start: int, end: int, suffix: str) -> bool:
    """A year that dates a cited work (Rowland (2001), (IOM, 2019, p. 16), 2023b), not a fact."""
    if suffix:
        return True
    before = text[max(0, start - 160):start]
    open_at = before.rfind("(")
    if open_at >= 0 and ")" not in before[open_at:]:
        inside = before[open_at + 1:]
        following = text[end:end + 12]
        if re.search(r"[A-Z][a-z]", inside) and re.match(r"\s*(?:[a-c])?\s*[),;]", following):
            return True
        if not inside.strip() and re.search(r"(?:[A-Z][\w.]*|et\s+al\.?|n\.d\.?)\s*$",
                                            before[:open_at]) and re.match(r"\s*[a-c]?\)", following):
            return True
    return bool(re.search(r"\b(?:n\.d|et\s+al)\.?,?\s*$", before))


class Times(list):
    """Times sorted by position, with fast lookup of those starting in a stretch of text."""

    def __init__(self, items, dateline_year: int | None = None):
        super().__init__(sorted(items, key=lambda t: t.start))
        self.starts = [t.start for t in self]
        self.dateline_year = dateline_year      # the year of the text's dateline ("ASTANA, 3 March 2026")

    def between(self, start: int, end: int) -> list[Time]:
        return self[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


@dataclass
class Time:
    start: int
    end: int
    year: int | None
    period: tuple[int, int] | None
    compared: bool
    part: str | None = None     # Q1..Q4, H1, H2, 9M, Mmm-Mmm; "same": the part of the time around
    offset: int = 0             # "a year earlier": -1 from the year around
    attached: bool = False      # "3,540 in 2021": the time of that number only, not of the text
    anchor: str = "text"        # an offset counts from the time around it, or from the document's date
    since: bool = False         # "Since 1991 more than 1.1 million have settled": to the document's date
    milestone: bool = False     # "for the first time since 2011": the last time it was so, dates nothing
    local: bool = False         # the same span of an earlier year: dates its own sentence only
    whole: bool = False         # "за год в целом", "annual": the whole year of the time around it
    ago: bool = False           # "год назад", "a year ago": a year before the document's date
    quoted_until: int = -1      # the end of the quoted speech that states it: dates nothing after it

    @property
    def complete(self) -> bool:
        return self.year is not None and self.part != "same" and not self.offset or \
            self.period is not None

    @property
    def compares(self) -> bool:
        """Whether the time is stated against the text's own ("a year before", "the same quarter of
        2024"): it dates its number, never the sentences after it."""
        return not self.complete and self.anchor != "document" and (self.offset != 0 or self.part == "same")

    def label(self) -> str | None:
        """The period as figures carry it: 2022, 2022-Q1, 2023-H1, 2019/2021."""
        if self.period:
            return f"{self.period[0]}/{self.period[1]}"
        if self.year is None:
            return None
        return f"{self.year}-{self.part}" if self.part else str(self.year)


# "against 3,540 in the first quarter of 2021": a time that belongs to a number of comparison
_ATTACHED = re.compile(r"(?:against|versus|vs\.?|compared\s+(?:to|with)|up\s+from|down\s+from|from|"
                       r"против|по\s+сравнению\s+с)\s+(?:about\s+|some\s+|около\s+)?(?:minus\s+|минус\s+)?"
                       r"\d(?:[\d\u00a0]|[,.]\d| (?=\d))*[ \t]*(?:thousand\s+|тыс\.?\s+)?(?:[^\W\d]+\s+)?"
                       r"(?:in|for|during|в|за)\s*$|"
                       # "из них 418 – в третьем квартале", "of them 418 - in the third quarter": a part's
                       # own time inside the whole's, of that part only
                       r"(?:из\s+них|of\s+(?:them|whom)|в\s+том\s+числе|including)\s+"
                       r"\d(?:[\d\u00a0]|[,.]\d| (?=\d))*[ \t]*[–—-][ \t]*(?:in\s+|в\s+|во\s+|за\s+)?$",
                       re.IGNORECASE)


def complete_time(time: Time, around: Time | None, document_year: int | None) -> Time | None:
    """A time the text leaves incomplete ("the second quarter", "the same period of 2022", "a
    year earlier") completed from the time around it (else the document's year); None if it
    cannot be."""
    if time.complete:
        return time
    base_year = around.year if around is not None and around.year is not None else None
    if time.whole:
        year = base_year if base_year is not None else document_year
        return None if year is None else Time(time.start, time.end, year, None, False)
    year, part = time.year, time.part
    if part == "same":
        if around is None or around.part is None and around.period is None:
            return None
        part = around.part
    if year is None:
        year = base_year if base_year is not None else document_year
        if time.anchor == "document" and document_year is not None:
            year = document_year
        if year is None:
            return None
        year += time.offset
    if time.offset and time.part is None and time.anchor == "text" and around is not None and around.part:
        part = around.part if time.year is None else None
    if time.ago and around is not None and around.part and around.year == document_year:
        # "Январь–сентябрь 2026 года ... Год назад было минус 410": the same span of the year before
        part = around.part
        return Time(time.start, time.end, year, None, True, part, 0, time.attached)
    # compared: "a year earlier", "the same period of 2022" date the number they stand by, and are
    # never carried to the figures after it; "last year", "this year" (counted from the document's
    # date) are the time of the text, carried like a year it states; so is a part of the year
    # completed from the time around it ("за девять месяцев" answering a question about this year)
    compared = time.compared or time.anchor != "document" and (
        time.offset != 0 or time.part in (None, "same"))
    return Time(time.start, time.end, year, None, compared, part, 0, time.attached)


def find_times(text: str, extra: list[Time]) -> Times:
    """Years and periods of a text; ``extra`` are the dates found by the date step (with their
    year), two of which make a period when joined (``between September 2022 and January 2023``)."""
    times: list[Time] = []
    extra = sorted(extra, key=lambda t: t.start)
    for first, second in zip(extra, extra[1:], strict=False):
        if second.year and first.year and first.year < second.year and \
                re.fullmatch(r"\s*(?:and|to|till|until|through|[-–])\s*", text[first.end:second.start]) and \
                re.search(r"(?:between|from|since)\s+$", text[max(0, first.start - 10):first.start]):
            times.append(Time(first.start, second.end, None, (first.year, second.year), False))
    for sub in find_subyear(text):
        lead = _COMPARED.search(text[max(0, sub.start - 30):sub.start])
        compared = bool(lead) and not lead.group().lower().startswith("over") or \
            sub.year is not None and bool(_KK_PERIOD_COMPARED.match(text, sub.end))
        # ("over the first half" is the period itself; a relative "өткен жылдың сәйкес кезеңімен"
        # is completed as a comparison by ``complete_time``)
        times.append(Time(sub.start, sub.end, sub.year, None, compared, sub.part, sub.offset,
                          anchor=sub.anchor, ago=sub.ago))
    spans = Spans([(t.start, t.end) for t in times])
    for date in extra:
        if date.year is not None and not date.part and (part := as_of_part(text, date.start, date.end)):
            date.part = part          # "As of 1 October 2025, 9,300 had left": the first nine months
    times += [t for t in extra if not spans.covers(t.start)]
    # "За год в целом", "Годовой отток", "for the year as a whole": the full year of the text's time
    # ("2025 жыл бойы" states its year: the year is the time)
    times += [Time(m.start(), m.end(), None, None, False, whole=True) for m in _WHOLE_YEAR.finditer(text)
              if not spans.covers(m.start()) and
              not re.search(r"\d[ \t]*$", text[max(0, m.start() - 3):m.start()])]
    taken: list[tuple[int, int]] = [(t.start, t.end) for t in times]
    for match in _PERIOD.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        lead = _LEAD.search(text[max(0, match.start() - 10):match.start()])
        if b <= a or (" and " in f" {match.group()} " and not (lead and lead.group().lower()
                                                                  .startswith("between"))):
            continue
        if is_reference_year(text, match.start("a"), match.end("a"), ""):
            continue
        span = re.search(r"(?:the|a|this)\s+period\s+(?:of\s+|from\s+)?$",
                         text[max(0, match.start("a") - 24):match.start("a")], re.IGNORECASE)
        times.append(Time(match.start("a"), match.end("b"), None, (a, b), bool(span)))
        taken.append((match.start("a"), match.end("b")))
    spans = Spans(taken)
    for match in _YEAR_RE.finditer(text):
        y_start, y_end = match.span()
        if spans.covers(y_start):
            continue
        if is_reference_year(text, y_start, y_end, match.group("suffix")):
            continue
        lead = text[max(0, y_start - 30):y_start]
        since = bool(_SINCE.search(lead)) and not _PERFECT_CHANGE.match(text, y_end)
        # "2023 жылмен салыстырғанда": a Kazakh comparison follows its year
        compared = bool(_COMPARED.search(lead)) or bool(_KK_COMPARED.match(text, y_end))
        # "for the first time since 2011", "впервые с 2011 года", "2011 жылдан бері алғаш рет": the
        # last time it was so, no period of the figure and no span to today
        if _FIRST_SINCE.search(text[max(0, y_start - 60):y_start]) or _KK_FIRST_SINCE.match(text, y_end):
            compared, since, milestone = True, False, True
        else:
            milestone = False
        times.append(Time(y_start, y_end, int(match.group("y")), None, compared, since=since,
                          milestone=milestone))
    if "<ref" in text or "{{" in text:
        # a wiki reference ("<ref>{{cite web |date=2025-02-14 ...}}</ref>") dates its source, not the text
        notes = Spans([m.span() for m in _WIKI_REFERENCE.finditer(text)])
        times = [t for t in times if not notes.covers(t.start)]
    dateline_year: int | None = None
    for time in times:
        time.attached = _is_attached(text, time.start, time.end) or bool(
            time.offset and _AFTER_NUMBER.search(text[max(0, time.start - 40):time.start]))
        # "өткен жылдың сәйкес кезеңіндегі 1 212 адамнан": a Kazakh time made an adjective of its
        # number dates that sentence only
        time.local = time.local or bool(
            time.part == "same" and _KK_OF_NUMBER.match(text, time.end) and
            re.search(r"(?:да|де|та|те)ғы$|(?:да|де|та|те)гі$", text[time.start:time.end]))
        line_start = text.rfind("\n", 0, time.start) + 1
        dateline = _DATELINE.match(text[line_start:time.start])
        # a dateline dates the text by a day or a month; a quarter or a half-year is a period
        if dateline and not time.part and (dateline.group("day") or dateline.group("place").isupper()
                         or not re.fullmatch(r"\d{4}", text[time.start:time.end])
                         or re.match(r"\s*жылғы", text[time.end:time.end + 8])):
            # a place and a date; not "Departures, 2024 (persons): ...", a heading with its year
            time.compared = True          # "ASTANA, 11 January 2024.": the date of the text, not a period
            dateline_year = dateline_year or time.year
    return Times(times, dateline_year)


_WIKI_REFERENCE = re.compile(r"<ref[^>/]*>.*?</ref>|\{\{\s*(?:cite|citation|статья|книга|публикация|"
                             r"source)[^{}]*\}\}", re.IGNORECASE | re.DOTALL)
_FIRST_SINCE = re.compile(r"(?:\bfirst\b[^.;:\n\d]{0,30}?\bsince|(?<![а-яё])впервые[^.;:\n\d]{0,30}?"
                          r"(?<![а-яё])(?:с|со|после)|(?<![а-яё])(?:с|со)\s+(?:\d{4}|[а-яё]+)\s+впервые)"
                          r"\s*$", re.IGNORECASE)
_KK_FIRST_SINCE = re.compile(r"\s*(?:жылдан|ж\.)\s*(?:бері|кейін)\s+(?:тұңғыш|алғаш(?:қы)?)\s+рет",
                             re.IGNORECASE)
_KK_COMPARED = re.compile(r"\s*жыл(?:мен|ға)\s+(?:салыстырғанда|қарағанда)|"
                          # "2024 жылғы көрсеткіштен 6,8 пайызға аз": the ablative of comparison
                          r"\s*жыл(?:ғы|дың)\s+(?:[а-яәіңғүұқөһ]+\s+)?(?:көрсеткіш|деңгей|сан|мән)\w*?"
                          r"(?:тен|тан|нен|нан|ден|дан)(?![а-яәіңғүұқөһ])")
# "2024 жылдың бірінші жартыжылдығымен салыстырғанда": a part of a year compared with
_KK_OF_NUMBER = re.compile(r"\s+[-−+]?\d")
_WHOLE_YEAR = re.compile(r"(?<![а-яё])(?:за\s+(?:весь\s+)?год\s+в\s+целом|в\s+целом\s+за\s+год|"
                         r"за\s+весь\s+год|по\s+итогам\s+года|"
                         r"годов(?:ой|ая|ое|ые)\s+(?:отток|приток|сальдо|поток|итог)\w*)(?![а-яё])|"
                         r"\b(?:for|over|in)\s+the\s+(?:year\s+as\s+a\s+whole|(?:full|whole|entire)\s+year)\b|"
                         r"\bannual\s+(?:outflow|inflow|balance|total|departures|arrivals)\b|"
                         r"(?<![а-яәіңғүұқөһ])жыл\s+(?:бойы|қорытындысы\s+бойынша)", re.IGNORECASE)
_KK_PERIOD_COMPARED = re.compile(r"\w*\s+(?:салыстырғанда|қарағанда)", re.IGNORECASE)
# "Since 1991 more than 1.1 million kandases have settled": a count over the years since then;
# "up by 5% since 2019" stays a comparison
_SINCE = re.compile(r"(?:^|[.;]\s+|\n)[Ss]ince\s+$|"
                    # "А всего с 1991 года вернулись около 1,2 млн", "Всего с 1991 года": a count since then
                    r"(?:^|[.;]\s+|\n)(?:(?:[Аа]|[Ии])\s+)?(?:[Вв]сего\s+)?(?<![а-яё])[Сс]\s+$")
_PERFECT_CHANGE = re.compile(r"[^.;]{0,40}?(?:\b(?:increase|decrease|grow|grew|fell|fall|rose|rise|drop|"
                             r"declin|chang|up\b|down\b|doubl|halv)|(?<![а-яё])(?:вырос|выросл|сократил|"
                             r"увеличил|уменьшил|снизил|возрос|упал|измени))|\s*(?:года?|г\.)?\s*(?:по|до)\s",
                             re.IGNORECASE)
_DATELINE = re.compile(r"\s*(?P<place>[A-ZА-ЯЁ][\w-]+(?:\s+[\w-]+)?),\s*(?P<day>\d{1,2}\s+\w+\s*)?$")


# "from 11,920 a year earlier", "против 3,2 тыс. годом ранее": a relative time right after a number
# dates that number only, not the numbers after it in the sentence
_AFTER_NUMBER = re.compile(r"\d(?:[\d\u00a0]|[,.]\d| (?=\d))*[ \t]*(?:thousand|million|тыс\.?|млн\.?)?"
                           r"[ \t]*(?:people|persons|человек\w*)?[ \t]*,?[ \t]*$", re.IGNORECASE)
# "(2023: 9,120)", "(годом ранее — 10 230)", "(a year earlier - 10,230)": a time labelling the number
# after it in the bracket
_LABELLED = re.compile(r"\s*(?:год|года|г\.|жыл|year)?\s*(?::|\s[—–-])\s*(?:minus\s+|минус\s+)?[-−–+]?\d",
                       re.IGNORECASE)


_LABELLED_RUN = re.compile(r"\s*(?:год|г\.|жыл)?\s*[:—–-]\s*"
                           r"(?:[-−+]?\d[\d \u00a0,.]*\s*(?:and|и|және|,)\s*)+", re.IGNORECASE)


def _is_attached(text: str, start: int, end: int | None = None) -> bool:
    """"3,540 in 2021": the year belongs to that number (not a section number "3.1 In 2021"); so
    does the label of a bracketed figure of comparison ("(2022: 18,020)")."""
    if end is not None and text[max(0, start - 2):start].strip() in ("(", "[", ";", ",") and \
            _LABELLED.match(text, end) and re.match(r"[^()\n]{0,40}\)", text[end:]):
        return True
    before = text[max(0, start - 40):start]
    match = _ATTACHED.search(before)
    if match is None:
        return False
    line_start = before.rfind("\n", 0, match.start()) + 1
    return bool(before[line_start:match.start()].strip())



_RECORDED = re.compile(r",?\s+(?:recorded|registered|reported|counted|зарегистрированн\w+|учтенн\w+|"
                       r"зафиксированн\w+)\s+", re.IGNORECASE)


def time_of(text: str, token: Token, times: list[Time], sentence: tuple[int, int]
             ) -> tuple[Time | None, str]:
    s_start, _ = sentence
    # "in 2009 (33,985)", "compared to 2021 (26,717 people)", "2024 жылғы көрсеткіштен (15 712 адам)",
    # "than the 2024 figure (15,712)"
    for time in times:
        if time.end <= token.start and re.fullmatch(r"\s*(?:году|годом|года?|г\.|жылы?|жылғы)?\s*"
                                                    r"(?:(?:figure|level|показател[а-я]{1,3}|"
                                                    r"көрсеткіш[а-я]{0,4})\s*)?[(:]\s*[+]?",
                                                    gap := text[time.end:token.start]) \
                and not ("(" in gap and _own_time_in_bracket(text, token, times)) and not time.milestone:
            return time, "next"
        # "(2023: 14,102 and 15,994 respectively)": the bracket's label dates each number of its run
        if time.end <= token.start and text[max(0, time.start - 1):time.start] == "(" and \
                _LABELLED_RUN.fullmatch(text, time.end, token.start) and not time.milestone:
            return time, "next"
        # "(годом ранее — 10 230)", "(a year earlier - 10,230)": the label of the number in the bracket
        label_gap = text[time.end:token.start] if time.end <= token.start else "-"
        if (re.fullmatch(r"\s+(?:год|года|г\.|жыл|year)?\s*[—–-]\s*", label_gap) or
                time.offset and re.fullmatch(r"\s+", label_gap)) and \
                text[max(0, time.start - 2):time.start].strip() in ("(", "[", ";", ","):
            return time, "next"
    # "22,668 in 2005", "to 1,117 people in 2008", "reaching 6,328 by 2014"
    for time in times:
        if token.unit_end <= time.start <= token.unit_end + 90 and not time.compared:
            gap = AGES.sub("", text[token.unit_end:time.start])
            if (time.offset or time.part == "same") and _RECORDED.fullmatch(gap):
                return time, "after"          # "the 1,190 recorded a year before"
            if (time.offset or time.part == "same") and re.fullmatch(r"[\s,]*", gap) and not (
                    "," in gap and re.match(r"\s*[:–—-]\s*[-−+]?\d", text[time.end:time.end + 6])) and not (
                    "," in gap and re.match(r"(?:в|во|за|in|during)\s", text[time.start:time.end],
                                            re.IGNORECASE)):
                # "up from 16,220 a year earlier"; not "12,7 тыс., в позапрошлом — 13,6 тыс.", a new clause
                return time, "after"
            if time.offset and time.anchor == "document" and re.fullmatch(r"[^,;.:\d()]{0,60}", gap):
                return time, "after"          # "1,020 residents moved there last year": one clause
            # ("и 1 204 – в 2024 году", "and 1,204 - in 2024": a dash between the number and its time)
            if re.fullmatch(r"[\s)]*(?:[–—-]\s+)?(?:respectively\s+)?(?:people\s+)?"
                            r"(?:in|by|for|during|of|as\s+of|в|во|за)\s+"
                            r"(?:the\s+year\s+)?", gap) or (re.fullmatch(r"\s*\(\s*", gap)
                                                            and not _LABELLED.match(text, time.end)
                                                            and not (time.offset and re.match(
                                                                r"\s+[-−–+]?\d", text[time.end:]))):
                # "22,668 (2005)"; not "8,850 (2023: 9,120)", the label of the number after it
                return time, "after"
            # "1.2 million people left the country between 1995 and 2000"
            if re.fullmatch(r"\s+(?:[A-Za-z]+\s+){1,10}(?:in|between|from|during|over)\s+", gap):
                return time, "after"
            # "приняла 2 318 бывших жителей Казахстана в 2022 году": a year with its "году" after the
            # number's own words, in one clause
            if time.year and not time.part and not time.offset and \
                    re.fullmatch(r"\s+(?:[а-яё]+\s+){1,4}(?:в|во)\s+", gap, re.IGNORECASE) and \
                    re.match(r"\s*(?:году|г\.)", text[time.end:time.end + 8]):
                return time, "after"
            if time.part and not time.offset and re.fullmatch(r"[ \t]+(?:[–—-][ \t]+)?", gap) and \
                    re.match(r"(?:в|во|за|in|during)\s", text[time.start:time.end], re.IGNORECASE):
                return time, "after"          # "против 481 в первом", "against 481 in the first quarter"
            # "1 180 человек – уехала во втором квартале": a part of the year after the verb
            if time.part and time.year is None and not time.offset and \
                    re.fullmatch(r"[\s–—-]*(?:[а-яё]+\s+){1,3}(?:в|во|за)\s+", gap, re.IGNORECASE):
                return time, "after"
    # "Compared with the second quarter, when 3,020 people left": a "when" clause is of its time
    for time in times:
        if s_start <= time.start and time.end <= token.start and \
                re.fullmatch(r"(?:-[а-я]{1,3})?(?:\s+(?:год[а-я]{0,3}|г\.))?[,\s]+"
                             r"(?:when|когда|в\s+котором)\s+[^,;.\d]{0,40}",
                             text[time.end:token.start]):
            return time, "before"
    # "2023 жылмен салыстырғанда аз: ол кезде 15,3 мың", "than in 2023, at that time 15,300": the
    # compared time is the time of the number that "then" points to
    for time in reversed(times):
        if s_start <= time.start and time.end <= token.start and \
                re.fullmatch(r"[^.;\d]{0,60}?(?:ол\s+кезде|тогда|at\s+that\s+time|back\s+then)[\s,:—–-]*"
                             r"(?:[^\W\d]+\s+){0,3}", text[time.end:token.start], re.IGNORECASE):
            return time, "before"
    # the nearest year before it in the sentence, comparisons and closed brackets aside
    for time in reversed(times):
        if s_start <= time.start and time.end <= token.start and not time.compared and \
                not time.attached and not _closed_bracket(text, s_start, time, token.start) and \
                not (_KK_PERIOD_COMPARED.match(text, time.end) and ";" in text[time.end:token.start]):
            # ("• ... өткен жылдың сәйкес кезеңімен салыстырғанда 8,4%-ға көп;\n• олардың 3 410-ы":
            # the comparison of the list item before is no time of the next one)
            return time, "before"
    return None, ""


# "In the second quarter alone, ...", "Только во втором квартале ...": a part looked at on its own,
# the time of its sentence, not of the text after it
_ALONE_AFTER = re.compile(r"[ \t]+alone\b|[ \t]+(?:өзінде|ғана)(?![\w])", re.IGNORECASE)
_ONLY_BEFORE = re.compile(r"(?<![\w])(?:только|лишь)[ \t]+(?:за|в|во)?[ \t]*$", re.IGNORECASE)


def is_aside(text: str, time: Time) -> bool:
    return bool(_ALONE_AFTER.match(text, time.end) or
                _ONLY_BEFORE.search(text, max(0, time.start - 16), time.start))


def _own_time_in_bracket(text: str, token: Token, times: list[Time]) -> bool:
    """"in 2024 (4,190 in 2023)": a bracket that states its own time is no gloss of the year before it."""
    closed = text.find(")", token.unit_end, token.unit_end + 40)
    return closed >= 0 and any(token.unit_end <= t.start and t.end <= closed for t in times)


def _closed_bracket(text: str, s_start: int, time: Time, position: int) -> bool:
    """"2,9 тыс. (в 2023 г. — 3,1 тыс.), из Узбекистана — 4,2 тыс.": a year inside a bracket
    that closes before the number dates only what the bracket holds."""
    opened = text.rfind("(", s_start, time.start)
    if opened < 0 or ")" in text[opened:time.start] or ")" not in text[time.end:position]:
        return False
    closed = text.index(")", time.end)
    # a bracket that only glosses a period ("the past decade (2015–2024)") dates what follows; one
    # after a word that is no period, with a year before it in the sentence, is an aside about that
    # word ("за 1991–2024 гг. статус оралмана (с 2020 г. – кандаса) получили"), dating nothing after it
    aside = not _PERIOD_WORD.search(text, max(s_start, opened - 24), opened) and \
        bool(_YEAR_RE.search(text, s_start, opened))
    return aside or bool(re.search(r"\d", text[opened:time.start] + text[time.end:closed]))


# the words a bracket of years may gloss: "the past decade (2015–2024)", "за период (2020–2024 гг.)"
_PERIOD_WORD = re.compile(r"(?:decade|years?|period|quarter|half|months?|десятилети\w*|годы|лет|период\w*|"
                          r"квартал\w*|полугоди\w*|месяц\w*|жыл\w*|кезең\w*|онжылды\w*|\d)[\s,]*$",
                          re.IGNORECASE)


_TREND_END = re.compile(r"(?:until|till|up\s+to|through|to)\s*$", re.IGNORECASE)
_THEN_CHANGE = re.compile(
    r"^[^.;]{0,30}?\b(?:followed\s+by|then|with|after\s+which|and\s+then)\b[^.;]{0,30}?\b(?:increase|"
    r"decrease|growth|decline|rise|drop|fall|recover\w*)", re.IGNORECASE)
# (not "in the same period of 2025", "the same period a year earlier": a time of its own, compared)
_THIS_PERIOD = re.compile(r"\b(?:during|in|over|for|throughout)\s+(?:this|that|the\s+same)\s+(?:period|"
                          r"time|decade|years)\b(?!,?\s+(?:of\s+|in\s+)?(?:the\s+)?(?:\d{4}|last\s+year|"
                          r"(?:a|the|one)\s+year\s+(?:earlier|before|ago)|(?:the\s+)?previous\s+year))",
                          re.IGNORECASE)
_NEXT_RANK = re.compile(r"\b(?:second|third|fourth|fifth|next)\s+(?:most\s+\w+|largest|biggest|main|"
                        r"highest|leading)\b", re.IGNORECASE)
# "a year earlier", "годом ранее" are relative times, not the past
# (not "как и прежде", "as previously", "as in the past": the same as ever, no earlier time)
_PAST = re.compile(r"\b(?:(?<!as )previously|formerly|(?<!year )(?<!years )(?<!as )earlier|used\s+to|"
                   r"(?<!as )in\s+the\s+past|(?<!годом )(?<!году )(?<!как и )(?<!как )ранее|"
                   r"(?<!как и )(?<!как )прежде)\b", re.IGNORECASE)
_FIRST_RANK = re.compile(r"\b(?:highest|largest|biggest|main|most\s+popular|leading|first)\b",
                         re.IGNORECASE)


# "Most of them, ...", "Of these, ...", "Из них ...", "Большинство из них ...": a part of the figure before
_PART_OF_WHOLE = re.compile(r"\s*(?:(?:most|many|some|half|all|the\s+majority)\s+of\s+(?:them|these|whom)|"
                            r"of\s+(?:them|these|whom)|(?:большинство\s+|половина\s+|часть\s+)?из\s+них|"
                            r"олардың)\b", re.IGNORECASE)


def _year_after_trend(text: str, time: Time, token: Token) -> Time | None:
    """"until 2011, followed by an increase of 27.03% (29,850 people)": the year after 2011."""
    end = time.period[1] if time.period else time.year
    lead = text[max(0, time.start - 16):time.start]
    if end is None or not (time.period or _TREND_END.search(lead)):
        return None
    if not _THEN_CHANGE.search(text[time.end:token.start]):
        return None
    return Time(time.start, time.end, end + 1, None, False)


def _span_of(times: Times, start: int, end: int) -> Time | None:
    """The years of a stretch of text as one period (or the one year or period it has)."""
    inside = [t for t in times.between(start, end) if not t.compared]
    if not inside:
        return None
    if len(inside) == 1:
        return inside[0]
    years = [y for t in inside for y in (t.period or (t.year, t.year))]
    low, high = min(years), max(years)
    return Time(inside[0].start, inside[-1].end, None if low != high else low,
                (low, high) if low != high else None, False)


def _after_its_number(text: str, time: Time, floor: int) -> bool:
    """Whether a number stands before ``time`` in its sentence ("compared with 4,154 in the same
    quarter a year before"): the time is that number's; "A year earlier, 3,881 arrived." leads its
    sentence."""
    marks = [m.end() for m in _SENTENCE_MARK.finditer(text, floor, time.start)]
    start = marks[-1] if marks else floor
    return bool(re.search(r"\d", text[start:time.start]))


# a sentence's end, not the dot of "12,1 тыс." or "1.2 mln"
_SENTENCE_MARK = re.compile(r"(?<!тыс)(?<!млн)(?<!млрд)(?<!мың)(?<!mln)(?<!thous)[.!?](?!\d)|[\n;]")


@dataclass
class Carried:
    """The time of the last figure of a paragraph, for the figures that follow without one."""

    time: Time
    at: int             # where that figure starts
    paragraph: int


def resolve_time(text: str, token: Token, times: Times, sentence: tuple[int, int],
                 previous: tuple[int, int] | None, paragraph: tuple[int, int],
                 carried: Carried | None, lead: Carried | None = None,
                 document_year: int | None = None) -> tuple[Time | None, str, str | None]:
    """The time of a figure, how it was found and a note when it was inferred.

    ``carried`` is the time of the figure before in the paragraph, ``lead`` the time the document
    last stated for its figures (a news item's lead: "In the first quarter of 2022, ..."), which
    later paragraphs that state none keep; ``document_year`` (the document's own date) completes
    a time stated without its year when nothing else does.
    """
    around = carried.time if carried is not None and carried.at >= paragraph[0] else \
        (lead.time if lead is not None else None)
    s_start, _ = sentence
    since = next((t for t in times.between(s_start, token.start) if t.since), None)
    if since is not None and (";" in text[since.end:token.start] or time_of(
            text, token, times.between(token.unit_end, sentence[1]), sentence)[1] == "after"):
        since = None          # "Since 2020 ...; 9,940 emigrated in 2024": another clause, its own year
    # to the latest year the text reports (its figures' period), else to the document's date
    until = around.year if around is not None and around.year and since and \
        around.year > since.year else document_year
    if since is not None and not token.percent and until and until > since.year:
        period = Time(since.start, since.end, None, (since.year, until), True)
        return period, "before", (f"{text[since.start:since.end]!r} to {until}, the latest year "
                                  f"{'the text reports' if until != document_year else 'of the document'}")
    time, how, note = _resolve(text, token, times, sentence, previous, paragraph, carried, lead)
    if time is None or time.complete:
        return time, how, note
    if time.part == "same" and (around is None or around.part is None):
        # "in the first half of the year ... in the same half of 2024": the part stated before it in
        # the paragraph, even when that one was completed from the document's date (so not carried)
        stated = [t for t in times.between(paragraph[0], time.start) if t.part and t.part != "same"]
        around = stated[-1] if stated else around
    done = complete_time(time, around, document_year)
    if done is None:
        return None, "", None
    source = "the period around it" if around is not None else "the document's date"
    return done, how or "context", f"{text[time.start:time.end]!r} completed from {source}"


def _resolve(text: str, token: Token, times: Times, sentence: tuple[int, int],
             previous: tuple[int, int] | None, paragraph: tuple[int, int],
             carried: Carried | None, lead: Carried | None) -> tuple[Time | None, str, str | None]:
    s_start, s_end = sentence
    in_sentence = times.between(s_start, s_end)
    time, how = time_of(text, token, in_sentence, sentence)
    if time is not None:
        if how == "before" and (after := _year_after_trend(text, time, token)):
            return after, "inferred", f"the year after the trend that ended in {after.year - 1}"
        return time, how, None
    own = text[s_start:s_end]
    if previous and _THIS_PERIOD.search(own) and (span := _span_of(times, *previous)):
        return span, "context", "the period of the sentence before ('this period')"
    if _NEXT_RANK.search(own[:token.start - s_start]):
        earlier = [t for t in times.between(paragraph[0], s_start) if not t.compared]
        for index in range(len(earlier) - 1, -1, -1):
            t = earlier[index]
            clause_start = max(text.rfind(".", paragraph[0], t.start),
                               earlier[index - 1].end if index else paragraph[0])
            if _FIRST_RANK.search(text[clause_start:t.start]):
                return t, "context", "the year of the ranking this rank continues"
    if _PAST.search(text[max(s_start, token.start - 80):token.start]):
        return None, "", None           # "previously ... 8-9 thousand": not the year of the text around
    if carried is not None and carried.at >= paragraph[0] and _PART_OF_WHOLE.match(own):
        return carried.time, "context", "a part of the figure before, so its period"
    last = next((t for t in reversed(times.between(paragraph[0], s_start)) if not t.compared
                 and not 0 <= t.quoted_until <= token.start
                 and not (t.compares and _after_its_number(text, t, paragraph[0])) and not t.local
                 and not t.attached and not is_aside(text, t)
                 and not _closed_bracket(text, paragraph[0], t, s_start)), None)
    if carried is not None and carried.at >= paragraph[0] and (last is None or carried.at > last.start):
        return carried.time, "context", None
    # (a paragraph whose only times are compared with, "more than in the first half of 2024, when
    # 2,088 had come", is still of the lead's period)
    if last is None and lead is not None and all(
            t.local or t.compared and t.part for t in times.between(paragraph[0], s_start)):
        return lead.time, "document", "the period the document stated before, carried forward"
    return last, ("context" if last else ""), None
