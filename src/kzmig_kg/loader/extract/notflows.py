"""Counts that are no flow: a stock ("live in", "on the register"), a move inside the country, a
plan, forecast or norm, a sanction, a survey's sample.

One public entry: ``no_flow(text, token, sentence, words)``, for a number of a migration sentence
that the figure reader found (``figures``): whether its clause states something other than a
movement of people between Kazakhstan and another country.
"""

from __future__ import annotations

import re
from typing import Protocol

from .tokens import Token


class _Span(Protocol):
    start: int
    end: int


# the end of a number's clause: punctuation or a conjunction that starts another clause
CLAUSE_END = re.compile(r"[,;.!?()]|\s(?:and|while|but|whereas|а|и|но|тогда\s+как)\s", re.IGNORECASE)


# "30 thousand Kazakhstanis are in the country", "312 settlers found jobs": a stock or an outcome,
# not a movement; such a number without a direction of its own is no flow
_STOCK = re.compile(r"\b(?:live|lives|living|reside|resides|residing|stay\w*|are\s+employed|"
                    # "The plant employed 286 people", "286 were hired": staff, not movers
                    r"(?:were|was|is|been|got|became)\s+(?:employed|hired)|employ(?:s|ed|ing)|hired|"
                    r"found\s+employment|"
                    r"found\s+(?:jobs|work|employment)|work(?:s|ing)?\s+(?:in|there|abroad|at\s+any\s+(?:one\s+)?time)|"
                    r"stud(?:y|ies|ying)\s+(?:in|at|abroad)|took\s+part|take\s+part|participat\w+|"
                    # "1,150 foreign students enrolled at Kazakh universities": students, not movers
                    r"enrolled\s+(?:at|in)|"
                    # "held roughly 14,500 valid permits": permits in force, a stock of them
                    r"valid\s+(?:work\s+)?permits|permits\s+in\s+force)\b|"
                    r"(?<![а-яё])действующ\w+\s+разрешени\w*|жарамды\s+рұқсат\w*|"
                    r"(?<![а-яё])(?:проживают|проживает|(?<!ранее\s)(?<!прежде\s)проживал[аио]?|находятся|находится|находил\w*|"
                    r"трудоустроен\w*|работают|"
                    r"обучаются|учатся|тұрады|жұмыс\s+істейді|оқиды|білім\s+алуда|участвовал\w*|приняли\s+участие|"
                    # "на миграционном учете состояли свыше 40 тысяч": people registered, a stock
                    r"состо(?:ят|ял\w*)\s+на\s+(?:\w+\s+)?учете|на\s+(?:миграционном\s+)?учете\s+состо\w*|"
                    r"поставлен\w*\s+на\s+(?:\w+\s+)?учет|на\s+(?:миграционный\s+)?учет\s+поставлен\w*|"
                    r"есепте\s+тұр\w*|"
                    r"қатысты|қатысқан)(?![а-яё])", re.IGNORECASE)
_POPULATION = re.compile(r"population|inhabitants|населени|халық\w*\s+саны", re.IGNORECASE)


def _is_stock(text: str, token: Token, where: _Span, words: list[tuple[int, int, str]]) -> bool:
    """Whether the number's clause states a stock ("live in", "находятся") and no movement."""
    before = text[where.start:token.start]
    cut = max(before.rfind(mark) for mark in (",", ";", ":", " and ", " а ", " и "))
    start = where.start + cut + 1 if cut >= 0 else where.start
    after = re.search(r"[,;.]|\s(?:and|а|и)\s", text[token.unit_end:where.end])
    end = token.unit_end + after.start() if after else where.end
    stock = _STOCK.search(text, start, end)
    # a population is an indicator of its own, kept ("занятости населения" in another clause is none)
    if not stock or _POPULATION.search(text, start, end):
        return False
    # "study abroad": the stock's own words are no movement; nor is a group named by where its people
    # came from ("қандастармен 12 маман жұмыс істейді", "12 officers work with kandas"): who, not a move
    return not any(start <= w_start and w_end <= end and not stock.start() <= w_start < stock.end() + 8
                   and not _GROUP_NAME.match(text, w_start) for w_start, w_end, _ in words)


_GROUP_NAME = re.compile(r"kandas|oralman|repatriates|returnees|newcomers|кандас|қандас|оралман",
                         re.IGNORECASE)


# a move inside the country: "from the southern regions of the country", "из южных регионов
# страны", "оңтүстік өңірлерінен", "internal migration"
_INTERNAL = re.compile(r"\binternal(?:ly)?\s+(?:migra\w*|mov\w*|displac\w*)|\binter-?regional\b|"
                       r"\b(?:from|to|between)\s+(?:the\s+)?(?:other\s+|southern\s+|northern\s+|"
                       r"eastern\s+|western\s+)?(?:regions|provinces|oblasts)\s+of\s+(?:the\s+country|"
                       r"Kazakhstan)|(?<![а-яё])(?:внутренн\w+\s+мигра\w*|межрегиональн\w*|"
                       r"(?:из|в|между)\s+(?:других\s+|[а-яё]+ных\s+)?(?:регион|област|район)\w*\s+"
                       r"(?:страны|республики|Казахстана))|өңірлерінен|облыстарынан|ішкі\s+көші|"
                       # "в пределах республики сменили место жительства 231,4 тыс.", "within the country"
                       r"(?<![а-яё])в\s+пределах\s+(?:страны|республики|Казахстана)|"
                       r"\bwithin\s+(?:the\s+country|Kazakhstan)|ел\s+ішінде|республика\s+ішінде",
                       re.IGNORECASE)


def _is_internal(text: str, token: Token, where: _Span) -> bool:
    """Whether the number's clause states a move inside Kazakhstan, which is not a flow of the
    country's migration with another."""
    after = re.search(r"[;.]|,\s|\s(?:and|а|и)\s", text[token.unit_end:where.end])
    end = token.unit_end + after.start() if after else where.end
    start = max(where.start, token.start - 80)
    start = max((m.end() for m in CLAUSE_END.finditer(text, start, token.start)), default=start)
    if _INTERNAL.search(text, start, min(end, token.unit_end + 80)):
        return True
    # the rest of the sentence, up to the next number, sends the moves to the country's other
    # regions or calls them internal migration: "перебрались в Астану, Алматы и другие регионы
    # Казахстана; эти переезды относятся к внутренней миграции"
    rest_end = next((m.start() for m in re.finditer(r"\d", text[token.unit_end:where.end])), None)
    rest = text[token.unit_end:where.end if rest_end is None else token.unit_end + rest_end]
    if _OTHER_REGIONS.search(rest) or _CALLED_INTERNAL.search(rest):
        return True
    # the number as an apposition to the moves it counts: "Moves between the regions of the
    # country, 96,400 in the half-year, are not counted", "Внутренняя миграция — 96,4 тыс."
    return any(_APPOSITION.fullmatch(text, m.end(), token.start)
               for m in _INTERNAL.finditer(text, max(where.start, token.start - 120), token.start))


_APPOSITION = re.compile(r"\s*[,:—–-]\s*")
# "и другие регионы Казахстана", "and other regions of the country": the destinations of a move at home
_OTHER_REGIONS = re.compile(r"(?<![а-яё])(?:другие|других|другим|иные|иных|остальные|остальных)\s+"
                            r"(?:регион|област|город)\w*\s+(?:страны|республики|Казахстана)|"
                            r"\bother\s+(?:regions|oblasts|provinces|cities)\s+of\s+(?:the\s+country|Kazakhstan)",
                            re.IGNORECASE)
# "эти переезды относятся к внутренней миграции", "these moves count as internal migration"
_CALLED_INTERNAL = re.compile(r"(?<![а-яё])(?:относ\w+|отнесен\w*|считаются|учитываются|являются)\s+"
                              r"(?:к\s+|как\s+)?(?:\w+\s+)?внутренн\w+\s+мигра\w*|"
                              r"\b(?:count(?:s|ed)?\s+as|(?:are|is|were|was)\s+(?:counted\s+as|classed\s+as|part\s+of)|"
                              r"belong\w*\s+to|fall\w*\s+under)\s+(?:the\s+)?(?:\w+\s+)?internal\s+migration",
                              re.IGNORECASE)


# a plan, target or forecast: "aims to resettle 20,000", "планируется переселить", "жоспарлануда"
# a norm of a legal text is no observation either: "вправе привлечь не более 50", "may hire up to 50"
_PLAN = re.compile(r"(?-i:\bmay\b)|\b(?:shall|must|(?:is|are)\s+(?:allowed|entitled|permitted)\s+to)\b|"
                   r"(?<![а-яё])(?:вправе|обязан\w*|допускается|разрешается)(?![а-яё])|"
                   r"\b(?:aims?|aiming|plans?|planned|planning|intends?|expect(?:s|ed)?|is\s+to|are\s+to|"
                   r"seeks?|hopes?)\s+to\b|\b(?:target|goal|forecast|projection)s?\b|\bwill\b|"
                   # "We expect departures to settle at 8,000-9,000": the subject between
                   r"\b(?:we|they|analysts|experts)\s+(?:expect|anticipate|predict|project|forecast)\b|"
                   r"(?<![а-яё])(?:(?:за)?планир\w*|намечен\w*|намерен\w*|прогноз\w*|предполага\w*|ожида\w*|цел[ьи]\w*|"
                   r"будут|будет)(?![а-яё])|жоспар\w*|көзделу\w*|"
                   # a forecast by a modal verb: "could fall to", "might reach", "может сократиться",
                   # "азаюы мүмкін" (not "could not", a past inability)
                   r"\b(?:could|might)\s+(?!not\b)(?:\w+\s+)?(?:fall|rise|reach|drop|decline|grow|"
                   r"increase|decrease|exceed|shrink|double|halve|total|be)\b|\blikely\s+to\b|"
                   r"(?<![а-яё])(?:может|могут|сможет)\s+(?:[а-яё]+\s+)?[а-яё]+(?:ть|чь|ти)(?:ся)?(?![а-яё])|"
                   r"(?<![\w])мүмкін(?![\w])", re.IGNORECASE)


# a participle clause of result: "bringing their number to", "raising the total to", "доведя их число до"
_RESULT_CLAUSE = re.compile(r"\s*(?:bringing|raising|taking|lifting|pushing|доведя|увеличив)\b",
                            re.IGNORECASE)


# a forecast that governs its whole sentence, even a number in a clause of its own after it: "If
# current trends hold, we expect net migration to remain positive in 2025, at 3,000 to 4,000
# people"; Russian and Kazakh future verbs of amount ("составит", "превысит", "жетпек") forecast
# without a word of forecasting
_FORECAST = re.compile(r"\b(?:we|they|analysts|experts|economists|forecasters)\s+(?:\w+\s+)?(?:expect|"
                       r"anticipate|predict|project|forecast|estimate\s+that\s+\S+\s+will)\b|"
                       r"\b(?:is|are)\s+(?:expected|projected|forecast|predicted|set|on\s+track|on\s+course|"
                       r"poised)\s+to\b|\bif\s+(?:the\s+)?(?:current\s+)?trends?\s+(?:hold|holds|continue|"
                       r"continues|persist)\b|"
                       r"(?<![а-яё])(?:ожидается|прогнозиру\w*|по\s+прогноз\w*|если\s+(?:нынешн\w+\s+|"
                       r"текущ\w+\s+)?тенденци\w+\s+сохран\w*|составит|составят|превысит|превысят|"
                       r"достигнет|достигнут|сократится|сократятся|вырастет|вырастут|увеличится|"
                       r"уменьшится|снизится|снизятся)(?![а-яё])|"
                       r"(?<![\w])(?:күтілу\w*|болжам\w*|жетпек|аспақ|болмақ|құрамақ)(?![\w])",
                       re.IGNORECASE)


def _is_plan(text: str, token: Token, where: _Span) -> bool:
    """Whether the number's clause states a plan or a forecast, not something that happened, or
    a sanction ("к ответственности привлечены 1 128 иностранцев"): people fined are no flow."""
    start = max(where.start, token.start - 80)
    start = max((m.end() for m in CLAUSE_END.finditer(text, start, token.start)), default=start)
    if _RESULT_CLAUSE.match(text, start, token.start):
        # "will open two more centres, bringing their number to 18": the result shares the plan
        before = max(where.start, start - 1 - 120)
        start = max((m.end() for m in re.finditer(r"[;.!?()]", text[before:start - 1])), default=0) + before
    # the plan may follow its subject: "48 of them planned to emigrate"
    after = CLAUSE_END.search(text, token.unit_end, min(where.end, token.unit_end + 60))
    end = after.start() if after else min(where.end, token.unit_end + 60)
    return any(pattern.search(text, start, token.start) or pattern.search(text, token.unit_end, end)
               for pattern in (_PLAN, _SANCTION)) or bool(_FORECAST.search(text, where.start, token.start) or
                                                          _FORECAST.search(text, token.unit_end, end))


# people an authority punished: fined, held liable, detained; a count of cases, not of movers
_SANCTION = re.compile(r"\b(?:fined|penali[sz]ed|prosecuted|detained|arrested|held\s+(?:\w+\s+)?liable)\b|"
                       r"(?<![а-яё])(?:привлечен\w*\s+к\s+(?:\w+\s+)?ответственности|"
                       r"к\s+(?:\w+\s+)?ответственности(?:\s+[^\d\s.,;]+){0,5}\s+привлечен\w*|оштрафован\w*|"
                       r"задержан\w*|наказан\w*)(?![а-яё])|"
                       r"жауапкершілікке\s+тартыл\w*|айыппұл\s+салын\w*", re.IGNORECASE)


# "We surveyed 1,200 respondents, of whom 312 ...": the numbers of a survey's sample are no flows
_SAMPLE = re.compile(r"\b(?:respondents|surveyed|interviewees|polled|sample\s+of)\b|"
                     r"(?<![а-яё])(?:респондент\w*|опрошенн\w*|опроси\w*|выборк\w*)|сауалнама\w*",
                     re.IGNORECASE)


def _is_sample(text: str, token: Token, where: _Span) -> bool:
    """Whether the number's sentence counts the people of a survey, not a movement."""
    return bool(_SAMPLE.search(text, where.start, where.end))


# permits or visas said to be in force, before or after their count: "2,900 permits to employ
# foreign labour were valid", "действовали 2 900 разрешений": documents held, no one moving
_IN_FORCE = re.compile(r"\b(?:valid|in\s+force)\b|(?<![а-яё])(?:действ(?:ующ|овал|уют|ует)\w*)(?![а-яё])|"
                       r"жарамды|күшінде", re.IGNORECASE)
_DOCUMENTS = re.compile(r"permits|patents|visas|разрешени|патент|виз|рұқсат", re.IGNORECASE)


def _is_in_force(text: str, token: Token, where: _Span) -> bool:
    """Whether the number counts permits or visas in force, in its own clause."""
    if not token.unit or not _DOCUMENTS.match(token.unit):
        return False
    start = max((m.end() for m in CLAUSE_END.finditer(text, max(where.start, token.start - 80), token.start)),
                default=max(where.start, token.start - 80))
    after = CLAUSE_END.search(text, token.unit_end, where.end)
    return bool(_IN_FORCE.search(text, start, after.start() if after else where.end))


# a number that names a telephone line after it: "1414 бірыңғай байланыс орталығы"
_PHONE = re.compile(r"[ \t]*(?:[^\s\d.,;:()]+[ \t]+){0,2}"
                    r"(?:байланыс\s+орталығ\w*|колл?-?центр\w*|call[\s-]cent(?:re|er)|"
                    r"contact\s+cent(?:re|er)|hotline|горяч\w+\s+лини\w*|сенім\s+телефон\w*)", re.IGNORECASE)


def _is_phone(text: str, token: Token, where: _Span) -> bool:
    """Whether the number is a telephone or short number of a service named after it, not a count
    (a service named before it is the tokenizer's: ``tokens._PHONE_BEFORE``)."""
    return bool(_PHONE.match(text, token.end))


# "проверить уведомления о прибытии по всем 17 работникам-иностранцам", "for all 17 employees": the
# staff a duty covers, no movement
_STAFF_BEFORE = re.compile(r"(?:(?<![а-яё])по\s+(?:всем\s+)?|\bfor\s+(?:all\s+)?(?:the\s+|its\s+)?)$",
                           re.IGNORECASE)
_STAFF_AFTER = re.compile(r"[ \t]+(?:(?:foreign|of\s+its)\s+)?"
                          r"(?:работник\w*|сотрудник\w*|employees|staff|workers)", re.IGNORECASE)


def _is_staff(text: str, token: Token) -> bool:
    return bool(_STAFF_AFTER.match(text, token.end) and
                _STAFF_BEFORE.search(text, max(0, token.start - 16), token.start))


def no_flow(text: str, token: Token, where: _Span, words: list[tuple[int, int, str]]) -> bool:
    """Whether the number at ``token`` in the sentence ``where`` counts no movement: a stock, a move
    inside the country, a plan or forecast, a sanction or a survey's sample."""
    return _is_stock(text, token, where, words) or _is_internal(text, token, where) or \
        _is_plan(text, token, where) or _is_sample(text, token, where) or _is_phone(text, token, where) or \
        _is_in_force(text, token, where) or _is_staff(text, token)
