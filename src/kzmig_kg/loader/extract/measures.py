"""What a count of people measures: a migration flow, or an indicator of its own.

The convention (benchmarks/gold/README.md, twelfth round): only a movement of people between
Kazakhstan and another country is a flow. A quota, a population at a date, births and deaths,
border crossings, visits and tourist trips, students, permits and visas issued are indicators: they
keep their value with a ``measure`` naming what they count and no direction, so ``ingest`` never
drafts them as flows and the evaluation does not score them as flow figures.

Two public entries: ``other_count(text, token, start, end, before)``, the indicator a number of a
sentence counts (``None`` for a count of movers, ``"age"`` for no count at all), and
``set_measure(figure, text, token, start, end)``, the measure of a figure once its direction
is known.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..model import FigureFound
from .notflows import CLAUSE_END
from .tokens import Token


class _Figure(Protocol):
    start: int
    end: int
    measure: str | None


# births, deaths and the natural increase: "родились 281,6 тыс.", "4 870 адам қайтыс болды",
# "natural decrease of 560" (not "born in Uzbekistan", a place of birth)
_VITAL = re.compile(r"\b(?:births?|deaths?|died|were\s+born(?!\s+in\b)|newborns?|babies|"
                    r"natural\s+(?:increase|decrease|growth|loss|decline))\b|"
                    r"(?<![а-яё])(?:родил(?:ись|ось|ся|ась)|родивш\w+(?!\s+в\s)|умерл[иао]|умер|умерш\w+|"
                    r"рождаемост\w+|смертност\w+|младенц\w+|естественн\w+\s+(?:прирост|убыл)\w*)(?![а-яё])|"
                    r"дүниеге\s+кел\w*|қайтыс\s+бол\w*|табиғи\s+(?:өсім|кему|өсу|азаю)\w*|сәби\w*",
                    re.IGNORECASE)
# crossings of the border, visits and trips: "пересекли границу 9,8 млн", "6.7 million foreign
# visitors", "Туристические поездки ... совершили 2,7 млн", "1,3 миллион рет шекара кесіп өтілді"
_CROSSINGS = re.compile(r"\b(?:crossed\s+(?:the\s+)?(?:state\s+)?border|border\s+crossings?|"
                        r"crossings?\s+of\s+the\s+border|visitors?|tourists?|tourism|trips|visits|"
                        r"(?:inbound|outbound)\s+(?:visitors|travel\w*)|travel(?:l?ed|l?ers?|l?ing)?|passengers)\b|"
                        r"(?<![а-яё])(?:пересек\w*\s+(?:\w+\s+)?границ\w*|границ\w*(?:\s+[^\s\d,.;]+){0,2}\s+пересек\w*|"
                        r"пересечени\w+\s+границ\w*|турист\w*|поездк\w*|посещени\w*|визит\w*|посетител\w*)(?![а-яё])|"
                        r"шекара\w*\s+(?:кесіп\s+)?өт\w*|шекара\w*\s+кесіп|туристі\w*|турист\w*|сапар\w*",
                        re.IGNORECASE)
# people an authority removed from the country: "9,870 foreigners were expelled or deported",
# "выдворены 1 240 иностранцев", "елден 430 шетелдік шығарылды": a sanction's count, no migration flow
_EXPELLED = re.compile(r"\b(?:deported|expelled|deportations?|expulsions?|removed\s+from\s+the\s+country)\b|"
                       r"(?<![а-яё])(?:выдворен\w*|выдворени\w*|депортирован\w*|депортаци\w*|выслан[ыо]?)(?![а-яё])|"
                       r"(?<!\w)(?:шығарыл(?:ды|ған)|депортацияла\w*)(?!\w)", re.IGNORECASE)
# a count at a point in time, with no movement named in its clause: "410,000 labour migrants were
# registered in Kazakhstan at the end of 2025", "по состоянию на 1 января ... состояли 412 тыс."
_AT_A_DATE = re.compile(r"\b(?:as\s+of|at\s+the\s+end\s+of|at\s+(?:the\s+)?year[-\s]end)\b|"
                        r"(?<![а-яё])(?:по\s+состоянию\s+на|на\s+конец)(?![а-яё])|жағдай\s+бойынша|"
                        r"соңында", re.IGNORECASE)
_MOVEMENT = re.compile(r"\b(?:arriv\w*|depart\w*|immigra\w*|emigra\w*|inflow|outflow|influx|net|balance|"
                       r"left|leav\w*|came|moved|settled|resettled|relocated|returned)\b|"
                       r"(?<![а-яё])(?:прибы\w*|выбы\w*|приех\w*|переех\w*|пересел\w*|уех\w*|выех\w*|въех\w*|"
                       r"иммигра\w*|эмигра\w*|сальдо|прирост\w*|убыл\w*|отток\w*|приток\w*)|"
                       r"(?<!\w)(?:кел\w*|кет\w*|көш\w*|қоныс|сальдо\w*)", re.IGNORECASE)
# an age, not a count: "the average age of the heads of families is 39", "средний возраст - 34"
_AGE = re.compile(r"\b(?:average|mean|median)\s+age\b|(?<![а-яё])(?:средн\w+|медианн\w+)\s+возраст\w*|"
                  r"орташа\s+жас\w*", re.IGNORECASE)
# a part of what the number before it counts: "9,8 млн ..., из них 6,1 млн — граждане СНГ"
_PART_OF = re.compile(r"(?:\bof\s+(?:them|whom|which)|\bincluding|(?<![а-яё])из\s+(?:них|которых)|"
                      r"(?<![а-яё])в\s+том\s+числе|оның\s+ішінде|олардың)\s*[,:—–-]?\s*"
                      r"(?:about\s+|some\s+|около\s+|почти\s+|более\s+)?$", re.IGNORECASE)
_INDICATORS = ("vital", "crossings", "population")
# a population that grew or fell to a number: "The population grew by 310,000 to 20.4 million",
# "Население выросло на 310 тыс. до 20,4 млн", "облыс халқы 752 мыңға жетті"
_POPULATION_CHANGE = re.compile(r"(?:\bpopulation|(?<![а-яё])населени\w*|халқ\w*|халық\s+саны)"
                                r"(?:(?!migra|мигра|сальдо|көші)[^;\n]){0,80}?"
                                r"(?:\b(?:grew|rose|increased|fell|declined|decreased|shrank|reached|stood|"
                                r"climbed|dropped)\b|(?<![а-яё])(?:вырос\w*|увеличил\w*|сократил\w*|снизил\w*|"
                                r"уменьшил\w*|достиг\w*|превысил\w*)|өсті|өсіп|азайды|жетті|асты)"
                                r"(?:(?!migra|мигра|сальдо|көші)[^;\n]){0,60}$", re.IGNORECASE)
# students are no movers: "12 300 иностранных студентов поступили в вузы", "68 тыс. студентов"
_STUDENTS = re.compile(r"(?:\w+\s+)?(?:students?|студент\w*|студенттер\w*|білімгер\w*|учащи\w+)",
                       re.IGNORECASE)


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    return next(reversed(list(pattern.finditer(text, start, end))), None)


def _clause(text: str, token: Token, start: int, end: int) -> tuple[int, int]:
    """The number's own clause inside its sentence ``start``-``end``."""
    begin = _clause_start(text, max(start, token.start - 90), token.start)
    after = next((m for m in CLAUSE_END.finditer(text, token.unit_end, end) if not _in_number(text, m)), None)
    finish = after.start() if after else end
    # a list's items are clauses of their own (a line broken inside a sentence is not)
    item = _ITEM_START.search(text, token.unit_end, finish)
    before = [m.start() + 1 for m in _ITEM_START.finditer(text, begin, token.start)]
    return max([begin, *before]), item.start() if item else finish


_ITEM_START = re.compile(r"\n(?=[ \t]*(?:[-–—•▪▸*]|\d+[.)]\s|\n))")


def _in_number(text: str, mark: re.Match[str]) -> bool:
    """Whether a clause's end is a decimal or thousands mark ("4.2 million", "1,245")."""
    return mark.group() in ".," and text[mark.start() - 1:mark.start()].isdigit() and \
        text[mark.end():mark.end() + 1].isdigit()


def _clause_start(text: str, begin: int, end: int) -> int:
    """Where the last clause between ``begin`` and ``end`` starts."""
    return max((m.end() for m in CLAUSE_END.finditer(text, begin, end) if not _in_number(text, m)),
               default=begin)


# a list item's label before its number: "- Work permits issued: 6,400 (6,950)", "Population on 1 July
# 2026: 20.6 million", "Foreign visitors — 4.1 million"
_LABEL = re.compile(r"[ \t]*(?:[-–—•▪▸*]|\d+[.)])?[ \t]*(?P<label>[^\n:—–]{2,80}?)[ \t]*[:—–][ \t]*"
                    r"(?:about\s+|some\s+|около\s+|почти\s+)?$", re.IGNORECASE)
_LABELS = (("permits", re.compile(r"permits|visas|разрешени|виз[аы]|рұқсат|визалар", re.IGNORECASE)),
           ("population", re.compile(r"^(?:the\s+)?(?:resident\s+)?population|^численность\s+населения|"
                                     r"^население|^халық\s+саны|^халқы", re.IGNORECASE)),
           ("quota", re.compile(r"quota|квот", re.IGNORECASE)))
# a number in brackets right after an indicator's: its value at the time compared ("4.1 million (3.8
# million)")
_BRACKET_AFTER = re.compile(r"[ \t]*\([ \t]*$")


def _label_measure(text: str, token: Token) -> str | None:
    line_start = text.rfind("\n", 0, token.start) + 1
    label = _LABEL.fullmatch(text, line_start, token.start)
    if label is None:
        return None
    words = label.group("label")
    if _CROSSINGS.search(words):
        return "crossings"
    if _VITAL.search(words):
        return "vital"
    return next((name for name, pattern in _LABELS if pattern.search(words)), None)


def other_count(text: str, token: Token, start: int, end: int, before: _Figure | None) -> str | None:
    """What the number at ``token`` of the sentence ``start``-``end`` counts when it counts no
    movers: ``"vital"`` (births, deaths), ``"crossings"`` (crossings, visits, trips), the measure of
    ``before`` (the figure before it in the sentence) for a part of it, ``"age"`` for an age."""
    if before is not None and before.measure not in (None, "flow", "other", "change", "share") and \
            _BRACKET_AFTER.fullmatch(text, before.end, token.start):
        return before.measure
    if (labelled := _label_measure(text, token)) is not None:
        return labelled
    begin, finish = _clause(text, token, start, end)
    age = _last(_AGE, text, max(start, token.start - 80), token.start)
    if age is not None and not re.search(r"\d", text[age.end():token.start]):
        return "age"
    if _VITAL.search(text, begin, finish):
        return "vital"
    if _EXPELLED.search(text, begin, finish):
        return "expulsions"
    if token.unit and _AT_A_DATE.search(text, start, end) and not _MOVEMENT.search(text, start, end):
        return "stock"
    if token.unit and _STUDENTS.fullmatch(token.unit.strip()) and not _MOVEMENT.search(text, begin, finish):
        return "students"         # (students who arrived or left are movers: "1,150 students arrived")
    if _POPULATION_CHANGE.search(text, start, token.start):
        return "population"
    if _CROSSINGS.search(text, begin, finish):
        return "crossings"
    part = _PART_OF.search(text, max(start, token.start - 30), token.start)
    if part is None:
        return None
    # "crossed the border 4.2 million times, of whom 3.1 million came from the CIS": the clause the
    # part is of says what it counts
    head = _clause_start(text, max(start, part.start() - 120), max(start, part.start() - 2))
    if _VITAL.search(text, head, part.start()):
        return "vital"
    if _CROSSINGS.search(text, head, part.start()):
        return "crossings"
    if before is not None and before.measure in _INDICATORS and before.start >= start:
        return before.measure
    return None


_QUOTA = re.compile(r"\bquota|(?<![а-яё])квот\w*|квота\w*", re.IGNORECASE)
_SEGMENT_END = re.compile(r"\n|\||[▸•▪]")
# a verb that states people moved: "arrived under the quota", "прибыли в рамках квоты", "көшіп келді"
_MOVED = re.compile(r"\b(?:arrived|came|moved|settled|resettled|relocated|left|departed|emigrated|"
                    r"immigrated|returned|were\s+(?:admitted|resettled|granted))\b|"
                    r"(?<![а-яё])(?:прибыл\w*|приехал\w*|переехал\w*|переселил\w*|выбыл\w*|уехал\w*|"
                    r"выехал\w*|въехал\w*|вернул\w*|получил\w*)(?![а-яё])|"
                    r"(?<!\w)(?:келді|келген|кетті|кеткен|көшіп|қоныс\s+аударды|алды)", re.IGNORECASE)


def _is_quota(text: str, token: Token, start: int, end: int) -> bool:
    """Whether the number states a quota: a quota named in its line's segment, before it or in its
    own clause after it, with no verb of moving in the clause ("The quota for 2025 is 1,680
    families", "1 500 қандас қабылдау квотасы бөлінді"; not "1,245 kandases arrived under the quota",
    "Status granted: 9,420 people" on the line above "Resettlement quota for 2027", nor a table's
    other cell)."""
    begin = max(start, token.start - 160)
    begin = max((m.end() for m in _SEGMENT_END.finditer(text, begin, token.start)), default=begin)
    finish = _SEGMENT_END.search(text, token.unit_end, end)
    finish = finish.start() if finish else end
    clause_start, clause_end = _clause(text, token, begin, finish)
    quota = _last(_QUOTA, text, begin, token.start)
    if quota is None:
        quota = _QUOTA.search(text, token.unit_end, clause_end)
        if quota is None:
            return False
        return not _MOVED.search(text, clause_start, clause_end)
    return not _MOVED.search(text, quota.end(), token.start) and \
        not _MOVED.search(text, token.unit_end, clause_end)


def set_measure(figure: FigureFound, text: str, token: Token, start: int, end: int) -> None:
    """The measure of ``figure`` (of the number ``token`` in the sentence ``start``-``end``)."""
    if figure.measure == "other" and figure.direction and figure.direction_source != "context" and \
            not _is_quota(text, token, start, end):
        # "из Кыргызстана в Казахстан переселились 538 человек": a verb of moving in its own
        # sentence makes it a flow, though the sentence has no word the migration test knows
        figure.measure = "flow"
    if figure.measure is not None:
        return
    if _is_quota(text, token, start, end):
        figure.measure = "quota"
    elif figure.direction:
        figure.measure = "flow"
    elif re.search(r"population|residing|inhabitants", text[start:end], re.IGNORECASE):
        figure.measure = "population"
    elif re.search(r"student", text[start:end], re.IGNORECASE):
        figure.measure = "students"
    else:
        figure.measure = "other"
