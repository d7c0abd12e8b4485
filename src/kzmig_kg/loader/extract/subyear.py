"""Periods shorter or vaguer than a year: quarters, half-years, month ranges, "the same period of
2022", "a year earlier", in English and Russian (Kazakh where the forms are regular).

One public entry: ``find_subyear(text)``, the list of ``SubYear`` found, each with its span, its
year when the text states one (``None``: "the second quarter alone" takes the year of the text
around it), its part (``Q1``..``Q4``, ``H1``, ``H2``, ``9M`` or ``M03-M05``; ``same`` for "the
same period", which takes the part of the period around it) and a relative year offset ("a year
earlier": -1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS_EN, YEAR

_ORDINAL_EN = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
               "4th": 4, "last": 4}
_ORDINAL_RU = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
               "1": 1, "2": 2, "3": 3, "4": 4}
_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
              "ноябр", "декабр")
_MONTH_EN = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?![\w'’])))")
_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
              "қазан", "қараша", "желтоқсан")
_MONTH_KK = "(?:" + "|".join(_KK_MONTHS) + ")"
_MONTH_RU = r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]{0,3}"
_COUNT_EN = r"two|three|four|five|six|seven|eight|nine|ten|eleven|2|3|4|5|6|7|8|9|10|11"
_COUNT_RU = (r"дв[уа]х|два|тр[её]х|три|четыр[её]х|четыре|пят[ьи]|шест[ьи]|сем[ьи]|восьм[ьи]|восемь|"
             r"девят[ьи]|десят[ьи]|одиннадцат[ьи]|2|3|4|5|6|7|8|9|10|11")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11} | {str(n): n for n in range(2, 12)}
_COUNT_KK = r"екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он\s+бір|он|2|3|4|5|6|7|8|9|10|11"
_MONTH_COUNTS_KK = {"екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
                    "он": 10, "он бір": 11}
# the first three letters of a Russian count of months ("двух", "четырех", "девяти", "десяти")
_MONTH_COUNTS_RU = {"дву": 2, "два": 2, "тре": 3, "трё": 3, "три": 3, "чет": 4, "пят": 5, "шес": 6,
                    "сем": 7, "вос": 8, "дев": 9, "дес": 10, "оди": 11}
_YEAR_TAIL = rf"(?:\s*,?\s*(?:of\s+)?(?:the\s+year\s+)?(?P<y>{YEAR})(?!\d)(?:\s*(?:года|г\.))?)?"

_FORMS = (
    ("quarter", re.compile(rf"(?:\b[Tt]he\s+)?\b(?P<n>first|second|third|fourth|last|1st|2nd|3rd|4th)"
                           rf"\s+quarter(?:\s+of)?{_YEAR_TAIL}")),
    ("quarter", re.compile(rf"\bQ(?P<n>[1-4])(?:\s+|/|-)?(?P<y>{YEAR})?(?!\d)")),
    ("half", re.compile(rf"\bH(?P<n>[12])(?:\s+|/|-)?(?P<y>{YEAR})?(?!\d)")),
    ("half", re.compile(rf"\b(?P<y>{YEAR})[\s/-]?H(?P<n>[12])\b")),
    ("quarter", re.compile(rf"\b(?P<y>{YEAR})[\s/-]?Q(?P<n>[1-4])\b")),
    ("half", re.compile(rf"(?:\b[Tt]he\s+)?\b(?P<n>first|second|1st|2nd)\s+half(?:\s+of)?"
                        rf"(?:\s+the\s+year)?{_YEAR_TAIL}")),
    ("quarter-ru", re.compile(rf"(?<![\w])(?P<n>перв|втор|трет|четверт|IV|III|II|I|[1-4])[а-я]{{0,4}}"
                              # "I кв. 2026": the abbreviation of tables and headers
                              rf"(?:-?м)?\s+(?:квартал[а-я]{{0,3}}|кв\.)(?![а-я]){_YEAR_TAIL}",
                              re.IGNORECASE)),
    ("half-ru", re.compile(rf"(?<![\w])(?P<n>перв|втор|II|I|[12])[а-я]{{0,4}}(?:-?м)?\s+полугоди[а-я]{{0,3}}"
                           rf"(?:(?P<last>\s+прошлого\s+года)|{_YEAR_TAIL})",
                           re.IGNORECASE)),
    # "2026 жылғы бірінші тоқсанда", "биылғы жылдың бірінші тоқсанында", "сол тоқсанда" aside: a
    # quarter with no year ("бірінші тоқсанда") takes the year of the text around it
    ("quarter-kk", re.compile(rf"(?:(?:(?P<y>{YEAR})|(?P<this>биылғы|ағымдағы)|(?P<last>өткен))\s+жыл\w*\s+)?"
                              r"(?<![\w])(?P<n>бірінші|екінші|үшінші|төртінші|IV|III|II|I|"
                              r"[1-4])(?:-?(?:ші|шы|інші|нші))?\s+тоқсан\w*", re.IGNORECASE)),
    # "алғашқы тоғыз айында", "2024 жылдың 9 айында": the first N months of that year
    ("months-kk-n", re.compile(rf"(?:(?P<y>{YEAR})\s+жыл\w*\s+|(?P<this>биыл\w*)\s+)?(?:алғашқы|бірінші)\s+"
                               rf"(?P<n>{_COUNT_KK})\s+ай\w*|"
                               rf"(?P<y2>{YEAR})\s+жыл\w*\s+(?P<n2>{_COUNT_KK})\s+ай(?:ында|ы|да)(?![\w])|"
                               # "ағымдағы жылдың тоғыз айында": the year word before, read on its own
                               rf"(?<=жылдың\s)(?P<n3>{_COUNT_KK})\s+ай(?:ында|ы|да)(?![\w])",
                               re.IGNORECASE)),
    ("half-kk", re.compile(rf"(?:(?:(?P<y>{YEAR})|(?P<this>биылғы)|(?P<last>өткен))\s+жыл\w*\s+)?"
                           r"(?<![\w])(?P<n>бірінші|екінші|I{1,2}|[12])(?:-?(?:ші|інші))?\s+жартыжылды[қғ]\w*",
                           re.IGNORECASE)),
    # "2025, January–September": a year labelling the month range before it (a timeline's entry)
    ("months", re.compile(rf"\b(?P<y>{YEAR}),\s+(?P<a>{_MONTH_EN})\s*[-–—]\s*(?P<b>{_MONTH_EN})"
                          rf"(?!,?\s+(?:of\s+)?{YEAR})")),
    # a month range with any connector, the year after it or (completed later) none
    ("months", re.compile(rf"\b(?:(?:[Ff]rom|[Bb]etween)\s+)?(?P<a>{_MONTH_EN})\s*(?:[-–—/]|to|through|till|"
                          rf"until|and)\s*(?P<b>{_MONTH_EN})(?:,?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d))?")),
    ("months-ru", re.compile(rf"(?<![\w])(?:с\s+)?(?P<a>{_MONTH_RU})\s*(?:[-–—]|по|до)\s*(?P<b>{_MONTH_RU})"
                             rf"(?:\s+(?P<y>{YEAR})"
                             r"(?!\d)(?:\s*(?:года|г\.))?)?", re.IGNORECASE)),
    # "между январем и сентябрем": a range between two months
    ("months-ru", re.compile(rf"(?<![\w])между\s+(?P<a>{_MONTH_RU})\s+и\s+(?P<b>{_MONTH_RU})"
                             rf"(?:\s+(?P<y>{YEAR})(?!\d)(?:\s*(?:года|г\.))?)?", re.IGNORECASE)),
    ("months-kk", re.compile(rf"(?:(?P<y>{YEAR})\s+жыл\w*\s+)?(?<![\w])(?P<a>{_MONTH_KK})\w*\s*[-–—]\s*"
                             rf"(?P<b>{_MONTH_KK})\w*", re.IGNORECASE)),
    # from the start of the year to a month: "from the beginning of 2025 through June", "с начала
    # года по сентябрь 2025 года", "2025 жылдың басынан бастап қыркүйекке дейін" (cumulative)
    ("to-month", re.compile(rf"\b(?:from|since)\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|"
                            rf"(?P<y>{YEAR}))\s*,?\s*(?:to|through|until|till|up\s+to)\s+"
                            rf"(?:the\s+end\s+of\s+)?(?P<m>{_MONTH_EN})(?:,?\s+(?P<y2>{YEAR})(?!\d))?|"
                            rf"(?<![\w])с\s+начала\s+(?:(?:текущего|этого)\s+)?(?:(?P<y3>{YEAR})\s+)?года?\s+"
                            rf"(?:по|до)\s+(?:конца\s+|конец\s+)?(?P<m2>{_MONTH_RU})"
                            rf"(?:\s+(?P<y4>{YEAR})(?!\d)(?:\s*(?:года|г\.))?)?",
                            re.IGNORECASE)),
    ("to-month-kk", re.compile(rf"(?:(?P<y>{YEAR})\s+жыл\w*\s+|(?<![\w])жыл\s+)басынан\s+"
                               rf"(?:бастап\s+|бері\s+)?(?P<m>{_MONTH_KK})\w*\s+дейін", re.IGNORECASE)),
    # "the same period", and "the corresponding period", "соответствующий период", "сәйкес кезең"
    ("same", re.compile(rf"\b(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|months|half|quarter)\s+"
                        rf"(?:of|in|last\s+year)\s*(?:the\s+previous\s+year|(?P<y>{YEAR}))?(?!\d)"
                        rf"|(?<![\w])(?:аналогичн[а-я]+|соответствующ[а-я]+|т(?:от|ого|ом|е|ех)\s+же)\s+"
                        rf"(?:период|квартал|полугоди|(?:[а-я]+\s+)?месяц)[а-я]{{0,2}}\s+"
                        rf"(?:прошлого\s+года|предыдущего\s+года|(?P<y2>{YEAR})(?:\s*(?:года|г\.))?)|"
                        rf"(?:өткен\s+жыл(?:ы|дың|ғы)|былтыр(?:ғы)?)\s+(?:дәл\s+)?(?:осы|сәйкес|сол)\s+кезең\w*|"
                        # the year first, then the same span: "last year in the same period", "в
                        # прошлом году за тот же период"
                        rf"\blast\s+year\s+(?:in|over|during|for)\s+the\s+same\s+(?:period|months|half|quarter)\b|"
                        rf"(?<![\w])в\s+(?:прошлом|предыдущем)\s+году\s+(?:за|в)\s+(?:тот\s+же|аналогичный|"
                        rf"соответствующий)\s+(?:период|квартал|полугодие)(?![\w])|"
                        # "в 2019 году за тот же отрезок времени": the year before the words
                        rf"(?<![\w])(?:в\s+(?P<y5>{YEAR})\s+году\s+)?за\s+т(?:от|ого|ом)\s+же\s+"
                        rf"(?:отрезок|промежуток)(?:\s+времени)?(?:\s+(?P<y6>{YEAR})(?!\d)(?:\s*(?:года|г\.))?)?",
                        re.IGNORECASE)),
    ("months-n", re.compile(rf"\b(?:the\s+)?(?:(?P<first>first)\s+|(?P<same>same)\s+)?(?P<n>{_COUNT_EN})"
                            rf"\s+months(?:\s+of)?{_YEAR_TAIL}|(?<![\w])(?:(?P<first2>первы[ех])\s+)?"
                            rf"(?P<n2>{_COUNT_RU})\s+месяц[а-я]{{0,3}}{_YEAR_TAIL.replace('<y>', '<y2>')}",
                            re.IGNORECASE)),
    # business and statistics shorthands: "9M 2024", "1H 2024", "3Q 2024", "Q1-Q3 2024", "the first
    # three quarters of 2024", "the nine months to September 2024"
    ("span-nm", re.compile(rf"\b(?P<n>3|6|9|11)M\s*(?P<y>{YEAR})(?!\d)")),
    ("span-nh", re.compile(rf"\b(?P<n>[12])H\s*(?P<y>{YEAR})(?!\d)")),
    ("span-nq", re.compile(rf"\b(?P<n>[1-4])Q\s*(?P<y>{YEAR})(?!\d)")),
    ("span-quarters", re.compile(rf"\bQ(?P<a>[1-4])\s*[-–—]\s*Q(?P<b>[1-4])\s*(?P<y>{YEAR})?(?!\d)")),
    ("span-first-quarters", re.compile(rf"\b(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters"
                                       rf"(?:\s+of)?{_YEAR_TAIL}", re.IGNORECASE)),
    ("span-months-to", re.compile(rf"\b(?:the\s+)?(?P<n>three|six|nine|eleven|3|6|9|11)\s+months\s+"
                                  rf"(?:to|through|ending(?:\s+in)?)\s+(?P<m>{_MONTH_EN}),?\s+(?P<y>{YEAR})(?!\d)",
                                  re.IGNORECASE)),
    # "two years earlier", "двумя годами ранее", "екі жыл бұрын": N years before the time around
    ("years-earlier", re.compile(r"\b(?P<n>two|three|four|five|[2-5])\s+years\s+(?:earlier|before)\b|"
                                 r"(?<![\w])(?P<n2>двумя|тремя|четырьмя|пятью|[2-5])\s+годами\s+(?:ранее|раньше)|"
                                 r"(?<![\w])(?P<n3>екі|үш|төрт|бес|[2-5])\s+жыл\s+бұрын(?:ғы)?(?![\w])",
                                 re.IGNORECASE)),
    ("earlier", re.compile(r"\b(?:(?:a|the)\s+year\s+(?:earlier|before)|"
                           r"the\s+(?:previous|preceding)\s+year)\b|"
                           r"(?<![\w])(?:годом\s+(?:ранее|раньше)|в\s+предыдущем\s+году|"
                           r"(?:с\s+)?(?:предыдущим|прошлым)\s+годом|бір\s+жыл\s+бұрын(?:ғы)?|"
                           r"алдыңғы\s+жыл\w*)(?![\w])",
                           re.IGNORECASE)),
    # "last year", "в прошлом году": the year before the document's own date
    # "в позапрошлом году", "в позапрошлом — 13,6 тыс.", "the year before last": two years back
    ("before-last", re.compile(r"\bthe\s+year\s+before\s+last\b|"
                               r"(?<![\w])(?:(?:в|за)\s+позапрошл(?:ом|ый)(?:\s+год[уа]?)?|позапрошлого\s+года)"
                               r"(?![\w])", re.IGNORECASE)),
    ("last-year", re.compile(r"\b(?:last|the\s+past|the\s+previous\s+calendar)\s+year\b|\ba\s+year\s+ago\b|"
                             r"(?<![\w])год\s+назад(?![\w])|"
                             # ("за весь прошлый год": the whole of it)
                             r"(?<![\w])(?:(?:в|за)\s+(?:весь\s+)?(?:прошл|минувш|прошедш)(?:ом|ый)\s+год[уа]?|"
                             r"өткен\s+жыл(?:ы|да|дың)|былтыр\w*|"
                             # the genitive that qualifies a part: "январь–сентябрь прошлого года"
                             r"(?:прошлого|минувшего|прошедшего)\s+года)(?![\w])",
                             re.IGNORECASE)),
    # "this year", "в текущем году", "биыл": the year of the document's own date
    ("this-year", re.compile(r"\b(?:this|the\s+current)\s+year\b|"
                             # "since the start of the year", "с начала года", "жыл басынан бері"
                             r"\bsince\s+the\s+(?:beginning|start)\s+of\s+the\s+year\b|\byear[-\s]to[-\s]date\b|"
                             r"(?<![\w])с\s+начала\s+(?:текущего\s+|этого\s+)?года(?![\w])|"
                             r"(?<![\w])жыл\s+басынан(?:\s+бері)?(?![\w])|"
                             r"(?<![\w])(?:(?:в|за)\s+(?:этом|текущем|нынешнем)\s+году|"
                             r"(?:этого|текущего|нынешнего)\s+года|биылғы\s+жылдың|биылғы|биыл|"
                             # "ағымдағы жылдың", "осы жылдың": the current year, in Kazakh
                             r"(?:ағымдағы|осы)\s+жыл(?:дың|ы|да)?)(?![\w])",
                             re.IGNORECASE)),
)


# "девять месяцев текущего года", "nine months of this year": a period of a year named after it
_RELATIVE_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:this|the\s+current|last)\s+year\b|"
                                  r"\s+(?:этого|текущего|нынешнего)\s+года", re.IGNORECASE)


# "за девять месяцев": "за" before a count of months makes it the months of the year so far, a
# period; "на девять месяцев", "в течение шести месяцев" stay durations
_OVER = re.compile(r"(?<![\w])за\s+$", re.IGNORECASE)


@dataclass
class SubYear:
    start: int
    end: int
    year: int | None
    part: str | None       # Q1..Q4, H1, H2, 9M, Mmm-Mmm, "same"; None for a whole (relative) year
    offset: int = 0        # a year earlier: -1
    anchor: str = "text"   # what the offset counts from: the time around it, or the document's date
    ago: bool = False      # "год назад", "a year ago": of the document's date, the span of the text's time


_AGO = re.compile(r"a\s+year\s+ago|год\s+назад", re.IGNORECASE)


def _month_en(name: str) -> int:
    return MONTHS_EN[name.lower().rstrip(".")]


def _month_kk(name: str) -> int:
    low = name.lower()
    return next(index for index, stem in enumerate(_KK_MONTHS, start=1) if low.startswith(stem))


def _month_ru(name: str) -> int:
    low = name.lower()
    for index, stem in enumerate(_RU_MONTHS, start=1):
        if low.startswith(stem) and not (stem == "ма" and low.startswith("мар")):
            return index
    raise ValueError(name)


def months_part(first: int, last: int) -> str | None:
    """A month range as a part of the year: Q1..Q4, H1, H2, 9M, None for the whole year."""
    named = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2",
             (1, 9): "9M", (1, 12): None}
    if (first, last) in named:
        return named[(first, last)]
    return f"M{first:02d}-M{last:02d}"


def _year(match: re.Match) -> int | None:
    for name in ("y", "y2", "y5", "y6"):
        if name in match.re.groupindex and match.group(name):
            return int(match.group(name))
    return None


# the last text searched and what was found: a window's text is searched twice (for the spans
# dates must not take, and for the times of figures), and the search is the costliest step
_recent: dict[str, list[SubYear]] = {}   # the last texts read, by their text


def find_subyear(text: str) -> list[SubYear]:
    """Every sub-year or relative period of the text, in order, not overlapping."""
    if len(text) < 1000:
        return _find_subyear(text)    # a table label: not worth keeping
    kept = _recent.get(text)
    if kept is None:
        # the window's text and its copy with broken words joined are read by several steps
        kept = _recent[text] = _find_subyear(text)
        while len(_recent) > 4:
            del _recent[next(iter(_recent))]
    return list(kept)


# an English word in capitals ("EXTERNAL MIGRATION, JANUARY-SEPTEMBER 2025"): read as a capitalised
# word, same length, so the month names of a heading in capitals are months
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")


def _find_subyear(text: str) -> list[SubYear]:
    found: list[SubYear] = []
    if _CAPITALS.search(text):
        text = _CAPITALS.sub(lambda m: m.group().capitalize(), text)
    # the Kazakh forms only where the text has a letter of Kazakh: most texts pay nothing for them
    kazakh = bool(re.search("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", text))
    for form, pattern in _FORMS:
        if "kk" in form and not kazakh:
            continue
        for match in pattern.finditer(text):
            year = _year(match)
            if form in ("quarter", "half"):
                number = match.group("n").lower()
                n = _ORDINAL_EN.get(number, int(number) if number.isdigit() else 0)
                if form == "half" and n > 2:
                    continue
                part = f"{'Q' if form == 'quarter' else 'H'}{n}"
            elif form in ("quarter-ru", "half-ru"):
                n = _ORDINAL_RU.get(match.group("n").lower(), 0)
                if not n:
                    continue
                part = f"{'Q' if form == 'quarter-ru' else 'H'}{n}"
                if "last" in match.re.groupindex and match.group("last"):
                    # "первое полугодие прошлого года": the year before the document's date
                    found.append(SubYear(match.start(), match.end(), None, part, -1, "document"))
                    continue
            elif form in ("quarter-kk", "half-kk"):
                n = {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "i": 1, "ii": 2, "iii": 3,
                     "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[match.group("n").lower()]
                part = f"{'Q' if form == 'quarter-kk' else 'H'}{n}"
                if "this" in match.re.groupindex and match.group("this"):
                    found.append(SubYear(match.start(), match.end(), None, part, 0, "document"))
                    continue
                if "last" in match.re.groupindex and match.group("last"):
                    found.append(SubYear(match.start(), match.end(), None, part, -1, "document"))
                    continue
            elif form == "months-kk-n":
                word = (match.group("n") or match.group("n2") or match.group("n3")).lower()
                part = months_part(1, _MONTH_COUNTS_KK.get(re.sub(r"\s+", " ", word)) or int(word))
                if match.group("this"):
                    found.append(SubYear(match.start(), match.end(), None, part, 0, "document"))
                    continue
            elif form in ("months", "months-ru", "months-kk"):
                read = {"months": _month_en, "months-ru": _month_ru, "months-kk": _month_kk}[form]
                try:
                    first, last = read(match.group("a")), read(match.group("b"))
                except (KeyError, ValueError):
                    continue
                if last < first:
                    continue
                part = months_part(first, last)
            elif form == "months-n":
                word = (match.group("n") or match.group("n2")).lower()
                count = _COUNTS.get(word, _MONTH_COUNTS_RU.get(word[:3], 0))
                stated_first = match.group("first") or match.group("first2")
                if match.group("same"):
                    part = "same"
                elif not count or not (stated_first or year is not None or _RELATIVE_YEAR_AFTER.match(
                        text, match.end()) or match.group("n2") and _OVER.search(
                            text, max(0, match.start() - 8), match.start())):
                    continue              # "six months" alone is a duration, not a period
                else:
                    part = months_part(1, count)
            elif form.startswith("span-"):
                words = {"two": 2, "three": 3, "six": 6, "nine": 9, "eleven": 11}
                g = match.groupdict()
                n = int(words.get((g.get("n") or "").lower(), 0) or (g.get("n") or 0))
                spans = {"span-nm": (1, n), "span-nh": (6 * n - 5, 6 * n), "span-nq": (3 * n - 2, 3 * n),
                         "span-first-quarters": (1, 3 * n)}
                first, last = spans.get(form, (0, 0))
                if form == "span-quarters":
                    first, last = 3 * int(g["a"]) - 2, 3 * int(g["b"])
                elif form == "span-months-to":
                    last = _month_en(g["m"])
                    first = last - n + 1
                if not 1 <= first <= last <= 12:
                    continue
                part = months_part(first, last)
            elif form in ("to-month", "to-month-kk"):
                g = match.groupdict()
                if g.get("m2"):
                    last = _month_ru(g["m2"])
                    year = int(g["y3"] or g["y4"]) if g["y3"] or g["y4"] else None
                else:
                    last = _month_en(g["m"]) if form == "to-month" else _month_kk(g["m"])
                part = months_part(1, last)
            elif form == "years-earlier":
                word = (match.group("n") or match.group("n2") or match.group("n3")).lower()
                back = {"two": 2, "three": 3, "four": 4, "five": 5, "двумя": 2, "тремя": 3, "четырьмя": 4,
                        "пятью": 5, "екі": 2, "үш": 3, "төрт": 4, "бес": 5}.get(word) or int(word)
                found.append(SubYear(match.start(), match.end(), None, None, -back, "text"))
                continue
            elif form == "same":
                part = "same"
                if re.search(r"last\s+year|previous\s+year|прошл|предыдущ|өткен|былтыр", match.group(),
                             re.IGNORECASE):
                    found.append(SubYear(match.start(), match.end(), None, part, -1))
                    continue
            else:
                found.append(SubYear(match.start(), match.end(), None, None,
                                     0 if form == "this-year" else -2 if form == "before-last" else -1,
                                     "document" if form in ("last-year", "this-year", "before-last")
                                     else "text", bool(_AGO.fullmatch(match.group()))))
                continue
            found.append(SubYear(match.start(), match.end(), year, part))
    found += _elliptic_parts(text, found)
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[SubYear] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        last = kept[-1] if kept else None
        if last is not None and last.part and last.year is None and item.part is None and \
                item.anchor == "document" and re.fullmatch(r"\s*(?:of\s+)?", text[last.end:item.start]):
            # "the first half of this year", "первое полугодие прошлого года": the part of that year
            kept[-1] = SubYear(last.start, item.end, None, last.part, item.offset, item.anchor)
            continue
        # (and "Годом ранее за январь–сентябрь", "A year earlier, in January-September": the part of
        # the year before the time around)
        if last is not None and last.part is None and last.year is None and \
                (last.anchor == "document" or last.offset) \
                and item.part and item.part != "same" and item.year is None and \
                _YEAR_THEN_PART.fullmatch(text[last.end:item.start]):
            # Kazakh puts the year first: "өткен жылдың алғашқы үш айында", "биылғы жылдың ... айында";
            # so may English and Russian: "last year in January-September", "в прошлом году за январь–июнь"
            kept[-1] = SubYear(last.start, item.end, None, item.part, last.offset, last.anchor)
            continue
        kept.append(item)
    return kept


_YEAR_THEN_PART = re.compile(r"\s*|\s*,?\s*(?:in|during|over|в|во|за)\s+(?:the\s+)?", re.IGNORECASE)


# "В первом квартале ... 2 410 человек, во втором — 3 060, в третьем — 2 870", "in the first
# quarter 2,410, the second 3,060": an ordinal whose noun (quarter, half) is left out after the
# first, followed by a dash, a colon, a comma or a number, is that part of the same year; so is one
# that ends its clause right after a number ("603 во втором квартале против 481 в первом.")
_ELLIPTIC = re.compile(r"(?<![\w])(?:(?:в|во)\s+(?P<ru>перв|втор|трет|четв[её]рт)(?:ь?ем|ом)|"
                       r"(?:in\s+)?the\s+(?P<en>first|second|third|fourth))(?=\s*(?:[—–:,-]|\d)|(?P<last>[.;)]))",
                       re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZА-ЯЁ])|\n")
_ELLIPSIS_REACH = 300


def _elliptic_parts(text: str, found: list[SubYear]) -> list[SubYear]:
    more = []
    for item in found:
        if not item.part or not re.fullmatch(r"[QH][1-4]", item.part):
            continue
        end = _SENTENCE_END.search(text, item.end, item.end + _ELLIPSIS_REACH)
        # (with the sentence's full stop, which may close the last ordinal)
        stop = end.start() + 1 if end else item.end + _ELLIPSIS_REACH
        for match in _ELLIPTIC.finditer(text, item.end, stop):
            if match["last"] and not re.search(r"\d\s+$", text[max(0, match.start() - 12):match.start()]):
                continue          # "против 481 в первом.": the ordinal ends its clause after a number
            word = (match["ru"] or match["en"]).lower().replace("ё", "е")
            n = _ORDINAL_RU.get(word) or _ORDINAL_EN.get(word, 0)
            if n and (item.part[0] == "Q" or n <= 2):
                more.append(SubYear(match.start(), match.end(), item.year, f"{item.part[0]}{n}",
                                    item.offset, item.anchor))
    return more


# "As of 1 October 2025, 9,300 had left", "по состоянию на 1 октября 2025 года", "2025 жылғы 1
# қазандағы жағдай бойынша": a count to the first of a month is of the months of the year before it
_AS_OF_BEFORE = re.compile(r"(?:\b(?:as\s+(?:of|at)|by)|(?<![\w])(?:по\s+состоянию\s+)?на)\s+$",
                           re.IGNORECASE)
_AS_OF_AFTER = re.compile(r"\w*\s+жағдай\w*\s+бойынша", re.IGNORECASE)
_FIRST_OF = re.compile(rf"(?:0?1(?:st)?\s+(?P<en>{_MONTH_EN})|(?P<en2>{_MONTH_EN})\s+0?1(?:st)?(?!\d)|"
                       rf"0?1\s+(?P<ru>{_MONTH_RU})|01\.(?P<mm>\d\d)\.\d{{4}}|"
                       rf"\d{{4}}\s+жылғы\s+1\s+(?P<kk>{_MONTH_KK}))", re.IGNORECASE)


def as_of_part(text: str, start: int, end: int) -> str | None:
    """The part of the year a date on the first of a month closes when the text counts up to it
    ("as of 1 October 2025": 9M), else None (another day, no "as of", or the first of January)."""
    first = _FIRST_OF.match(text, start, end)
    if first is None or not (_AS_OF_BEFORE.search(text, max(0, start - 30), start)
                             or _AS_OF_AFTER.match(text, end)):
        return None
    g = first.groupdict()
    try:
        month = _month_en(g["en"] or g["en2"]) if g["en"] or g["en2"] else \
            _month_ru(g["ru"]) if g["ru"] else _month_kk(g["kk"]) if g["kk"] else int(g["mm"])
    except (KeyError, ValueError, StopIteration):
        return None
    return months_part(1, month - 1) if 2 <= month <= 12 else None
