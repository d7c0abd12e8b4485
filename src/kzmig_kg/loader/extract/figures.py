"""Step 5: numeric claims about migration: value, unit, country, year or period, direction, change.

One public entry: ``find_figures(text, sentences, skip, dated)``. A figure is a number written
with its unit (``4,346 people``, ``40 thousand students``, ``up to 30,000 people per day``), or a
bare number in a migration sentence where data stand: in brackets after a country (``Russia
(108,724)``), after a country (``from Turkmenistan 2,058``, ``China at 33,357``) or after a verb
of amount (``was 155,749``, ``reaching 2,789``, ``amounting to 11,370``). "thousand", "million"
and "billion" (and тыс., млн) are resolved; signs are kept; "net losses of N" is negative.

Its context is its sentence (and, for what the sentence leaves out, the sentences before it in
the paragraph): ``tokens`` finds the numbers, ``context`` the direction and country, ``periods``
the year or period, ``relations`` the stated changes and the pairings of "from A to B" and
"respectively", ``notflows`` the counts that are no movement (stocks, plans, sanctions, samples). Each
figure gets a confidence from how directly each field was found.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..model import FigureFound
from .context import (
    ANAPHOR,
    DEMONYM_UNITS,
    MIGRATION,
    TWO_COUNTRIES,
    TWO_COUNTRIES_BACK,
    clause_of,
    country_of,
    direction_by_place,
    direction_of,
    flow_words,
    leaves_a_foreign_country,
)
from .countries import Mention, find_places
from .discourse import ANAPHOR_OF_SERIES, Stated, inherit
from .hyphens import join_hyphenated
from .markup import blank_emphasis
from .measures import other_count, set_measure
from .notflows import CLAUSE_END as _CLAUSE_END
from .notflows import no_flow
from .numbers import NUMBER_PATTERN
from .periods import Carried, Time, complete_time, find_times, is_aside, resolve_time
from .quotes import quoted_speech
from .relations import (
    attach_changes,
    compared_series,
    corresponding_run,
    counter_flows,
    from_to,
    percent_kind,
    respectively,
    same_years,
)
from .reporter import set_reporters
from .tables import find_tables
from .textutil import Sentences
from .tokens import APPROX, DATA_BEFORE, Token, find_tokens

_NET_LOSS = re.compile(
    rf"net\s+loss(?:es)?\s+of\s*(?:{NUMBER_PATTERN}\s*(?:people\s*)?(?:,|and|,\s*and)\s*)*$", re.IGNORECASE)
_NET_OUT = re.compile(r"(?:net\s+(?:outflow|loss|emigration)|отрицательн\w+\s+сальдо|чист\w+\s+отток\w*|"
                      r"negative\s+(?:net\s+)?(?:migration\s+)?(?:balance|net\s+migration)|теріс\s+сальдо\w*)"
                      r"[^.;\d]{0,60}(?:\(\s*\d{4}\s*:\s*)?$", re.IGNORECASE)
# "lost 4,830 residents to net emigration": the loss is stated after the number
_NET_OUT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:to\s+net\s+(?:emigration|outflow|loss)|"
                            r"through\s+(?:net\s+|external\s+|international\s+)?migration)", re.IGNORECASE)
# "2,915 people, against 3,540 in 2021": the number compared with a figure is one too
_COMPARISON = re.compile(r"^[\s,;(]*(?:against|versus|vs\.?|compared\s+(?:to|with)|up\s+from|down\s+from|"
                         r"from|против|по\s+сравнению\s+с)\s*$", re.IGNORECASE)
# "fewer than the 15,300 who left in 2023": a number of comparison; its time is not the text's
_COMPARED_BEFORE = re.compile(r"(?:against|versus|vs\.?|compared\s+(?:to|with)|up\s+from|down\s+from|"
                              r"(?:more|fewer|less|higher|lower)\s+than(?:\s+the)?|против|чем)\s*$",
                              re.IGNORECASE)
# a difference between two figures, not a flow: "1,640 fewer than in 2023", "1 620 адамға аз",
# "fell by 1,620", "выросло на 1 620"
_DIFFERENCE_AFTER = re.compile(r"\s*(?:(?:more|fewer|less)\s+than|(?:аз|көп|артық|кем)(?![\w])|"
                               r"-?(?:ға|ге|қа|ке)\s+(?:аз|көп|артық|кем)(?![\w]))", re.IGNORECASE)
_CHANGE_BY = re.compile(r"(?:\b(?:rose|fell|increased|decreased|grew|dropped|declined|climbed|"
                        r"narrowed|widened|shrank|expanded|"
                        r"went\s+(?:up|down)|up|down)\s+by|(?<![а-яё])(?:вырос\w*|вырост\w*|снизил\w*|сократил\w*|увеличил\w*|"
                        # "сократился почти на 1,4 тыс.": the degree may stand before "на" too
                        r"уменьшил\w*|упал\w*)\s+(?:почти\s+|около\s+|примерно\s+|ещё\s+|еще\s+)?на)"
                        r"\s*(?:about\s+|some\s+|около\s+|почти\s+)?$",
                        re.IGNORECASE)
# "compared with minus 9,960": a sign written as a word belongs to the number
_SIGN_WORD = re.compile(r"(?:minus|plus|минус|плюс)\s*$", re.IGNORECASE)
_RATE = re.compile(r"\s*(?:people\s+)?per\s+(day|week|month|year|annum)")
# "964 arrived from Mongolia", "310 left for Russia": a count, then a verb of moving and a place;
# "еще 245 — в Германию": a count, a dash and a place
_VERB_PLACE = re.compile(r"\s+(?:arrived|came|moved|left|went|emigrated|immigrated|returned|relocated|"
                         r"resettled)\s+(?:back\s+)?(?:from|to|for)\s+(?:the\s+)?[A-Z]|"
                         # "а 74 выбрали Беларусь", "and 74 chose Belarus"
                         r"\s+(?:chose|picked|preferred|выбрал[аи]?|предпочл[аи]?)\s+[A-ZА-ЯЁ]|"
                         r"\s+(?:who|that|которые|кто)\s+(?:had\s+|have\s+)?(?:left|arrived|came|moved|"
                         r"emigrated|immigrated|returned|settled|выехал\w*|уехал\w*|прибыл\w*|переехал\w*)|"
                         r"\s+[—–]\s+(?:в|во|из|to|from)\s+[A-ZА-ЯЁ]")
# "6 812-сі Өзбекстаннан": a Kazakh case ending on the number, then a place
_KK_CASE_PLACE = re.compile(r"-[а-яәіңғүұқөһ]{1,3}\s+[А-ЯЁӘІҢҒҮҰҚӨҺ]")
# a place, then its count: "Russia: 120", "Germany, 1,210", "у Германии — 1 020", "China at 33,357"
# ("Uzbekistan ........ 2,118", "Russia -- 4,371": a ranked list's leader between them)
_AFTER_PLACE = re.compile(r"\s*(?:[-–—:,]\s*|at\s+|with\s+|(?:\.{3,}|…+|-{2,3}|_{3,})\s*)?"
                          # "Belarus just over 300", "Беларусь — чуть более 300"
                          r"(?:(?:just|only|чуть|немногим)\s+)?(?:(?:over|under|about|around|nearly|almost|"
                          r"более|около|почти|свыше)\s+)?")
# "Монголия дала 610,", "Germany took 611.": a place, one verb, and the count that closes the clause
# ("Uzbekistan alone sent 4,460.", "Узбекистан один дал 4 460": a word of focus before the verb)
_PLACE_VERB = re.compile(r"[ \t]+(?:(?:alone|only|itself|один|одна|одно|только|өзі\w*)[ \t]+)?"
                         r"[^\W\d_]{3,}[ \t]+", re.IGNORECASE)


def _place_verb_count(text: str, token: Token, where: _Sentence) -> bool:
    return token.unit is None and any(
        p.place.code != "KAZ" and not p.place.is_group and _PLACE_VERB.fullmatch(text, p.end, token.start)
        for p in where.places if where.start <= p.end <= token.start) and \
        bool(re.match(r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:[,.;]|$)",
                      text[token.unit_end:token.unit_end + 48]))


@dataclass
class _Sentence:
    """A figure's surroundings: its sentence, the sentence before, its paragraph."""

    start: int
    end: int
    previous: int          # start of the sentence before (or of this one, at a paragraph start)
    paragraph: int         # start of the paragraph
    paragraph_index: int
    places: list[Mention]

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


MAX_SENTENCE = 1200   # a "sentence" longer than this (a table, a text without stops) is cut around the number


def _surroundings(sentences: Sentences, index: int, places: list[Mention], place_starts: list[int],
                  at: int) -> _Sentence:
    paragraph = sentences.paragraph_of[index]
    p_index = index
    while p_index > 0 and sentences.paragraph_of[p_index - 1] == paragraph and index - p_index < 40:
        p_index -= 1
    start, end = sentences.spans[index]
    if end - start > MAX_SENTENCE:
        start, end = max(start, at - MAX_SENTENCE // 2), min(end, at + MAX_SENTENCE // 2)
    previous = max(sentences.spans[index - 1][0], start - MAX_SENTENCE) if index > p_index else start
    if index == p_index and index > 0 and sentences.text_before_ends_with_colon(index):
        previous = sentences.spans[index - 1][0]    # "Top five countries of origin:", a blank, the list
    first, last = bisect.bisect_left(place_starts, start), bisect.bisect_left(place_starts, end)
    return _Sentence(start, end, previous, max(sentences.spans[p_index][0], start - 20 * MAX_SENTENCE),
                     paragraph, places[first:last])


def _percent_figure(text: str, token: Token, where: _Sentence, sign: int | None) -> FigureFound:
    figure = FigureFound(token.start, token.end, None, "percent")
    if sign is not None:
        figure.stated_change_pct = token.value * sign
        figure.measure = "change"
    else:
        figure.value = token.value
        figure.measure = "share"
    return figure


def _moves_after(text: str, token: Token, where: _Sentence, words: list[tuple[int, int, str]]) -> bool:
    """Whether a verb or noun of moving follows the number in its own clause ("while 4,110
    immigrated", "1 150 граждан направлены"): the count is the subject of that movement."""
    end = min(where.end, token.end + 60)
    stop = _CLAUSE_END.search(text, token.end, end)
    end = stop.start() if stop else end
    at = bisect.bisect_left(words, (token.end, 0, ""))
    return at < len(words) and words[at][0] < end


# what may follow a number that completes its clause: punctuation, the end, a time or a place
# (or a bracket that opens a comparison: "выбыли за ее пределы 13 511 (в 2023 году – 15 994)")
_CLAUSE_TAIL = re.compile(r"[ \t]*(?:[,.;:()!?]|\n|$|(?:in|by|to|from|for|and|while|в|за|из|и|а|на)\s)",
                          re.IGNORECASE)


def _moves_before(text: str, token: Token, where: _Sentence, words: list[tuple[int, int, str]]) -> bool:
    """Whether a verb or noun of moving governs the number from before it in its own clause, with
    no other number between ("покинули страну 13 680", "departures totalled 3,390")."""
    if not _CLAUSE_TAIL.match(text, token.unit_end):
        return False              # the number does not close the verb's clause: "inflow of xbe 50 WOTK"
    start = max(where.start, token.start - 60)
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, start, token.start)), default=start)
    at = bisect.bisect_left(words, (clause, 0, ""))
    return any(w_end <= token.start and not re.search(r"\d", text[w_end:token.start])
               for _, w_end, _ in words[at:at + 4])


def _value_figure(text: str, token: Token, where: _Sentence, migration: bool,
                  words: list[tuple[int, int, str]]) -> FigureFound | None:
    """A number with or without its unit, or None when it does not stand where data stand."""
    if token.unit is None:
        before = text[max(where.start, token.start - 40):token.start]
        weighed = _WEIGHT.sub("", before)
        unsigned = _WEIGHT.sub("", _SIGN_WORD.sub("", APPROX.sub("", weighed)))
        data_position = DATA_BEFORE.search(unsigned[-20:]) or re.match(
            r"\s+(?:to|from)\s+(?:the\s+)?[A-Z]", text[token.end:token.end + 20]) or \
            _VERB_PLACE.match(text, token.end) or _KK_CASE_PLACE.match(text, token.end) or \
            _OF_THEM.match(text, token.end) and not _THINGS_BEFORE.search(before) or \
            _RECORDED_AFTER.match(text, token.end) or _PASSIVE_COUNT.match(text, token.end) or \
            _INCLUDING_BEFORE.search(before) and _MOVED_AFTER.match(text, token.end) or any(
            _AFTER_PLACE.fullmatch(text[p.end:token.start]) for p in where.places if p.end <= token.start) \
            or _place_verb_count(text, token, where)
        governed = _moves_after(text, token, where, words) or _moves_before(text, token, where, words) or \
            bool(_SHARED_UNIT.match(text, token.end) and not _RANGE_OPENS.search(before)) or \
            bool(_RESPECTIVELY_BEFORE.search(before) and _BRACKETED_RUN.match(text, token.end))
        scaled = token.end > token.start and re.search(r"[^\d\s.,]", text[token.start:token.end])
        sentence_start = re.search(r"(?:^|[.!?]\s+)$", APPROX.sub("", before)) and token.approx
        if not migration or abs(token.value) < 10 or \
                not (data_position or governed or scaled or sentence_start):
            return None
        unit, measure = "persons", None
    else:
        low = token.unit.lower()
        if re.match(r"work\s+permits|residence\s+permits|permits|patents|разрешени|патент", low):
            unit, measure = "permits", "permits"
        elif re.match(r"visas|виз", low):
            unit, measure = "visas", "visas"
        else:
            unit, measure = "persons", None if migration else "other"
    if re.search(r"(?<![\w])на\s*$", text[max(where.start, token.start - 6):token.start]) and \
            re.match(r"\s*(?:[^\s\d]+\s+)?(?:больше|меньше|выше|ниже|превыша)",
                     text[token.unit_end:token.unit_end + 30]):
        return None       # "на 4,1 тыс. больше, чем в 2022 году": a difference, not a flow
    if _DIFFERENCE_AFTER.match(text, token.unit_end) or _CHANGE_BY.search(
            text[max(where.start, token.start - 40):token.start]):
        return None       # "1,640 fewer than in 2023", "fell by 1,620", "1 620 адамға аз": a difference
    figure = FigureFound(token.start, token.unit_end, token.value, unit, value_max=token.value_max,
                         measure=measure,
                         subject=re.sub(r"\s+", " ", token.unit.lower()) if token.unit else None)
    before = text[max(where.start, token.start - 90):token.start]
    if (_NET_LOSS.search(before) or _NET_OUT.search(before)) and token.value > 0:
        figure.value = -token.value
        figure.notes.append("stated as a net loss, so negative")
    elif _NET_OUT_AFTER.match(text, token.unit_end) and token.value > 0 and \
            re.search(r"\blost\s*$", before, re.IGNORECASE):
        figure.value = -token.value
        figure.notes.append("stated as a loss to net emigration, so negative")
    elif re.search(r"(?:minus|минус)\s*$", before, re.IGNORECASE) and token.value > 0:
        figure.value = -token.value
        figure.notes.append("stated as minus, so negative")
    if rate := _RATE.match(text, token.unit_end):
        figure.rate = f"per {rate.group(1)}"
        figure.end = rate.end()
    return figure


# "receiving 1,090 of them", "9 600 из них", "олардың 301-і": a part of the people just named
# "from 14 regions; 12 of them": the things named last are no people
# "nearly three times the 1,190 recorded a year before", "против 1 190, зарегистрированных годом ранее":
# a count named by the statistics that recorded it
# "the same quarter of 2024, when 4,036 were registered", "когда было учтено 4 036": counted as such
_PASSIVE_COUNT = re.compile(r"\s+(?:were|had\s+been)\s+(?:registered|recorded|counted)\b|"
                            r"\s+(?:были\s+)?(?:зарегистрирован|учтен|учтён)[оы]?(?![а-яё])", re.IGNORECASE)
_RECORDED_AFTER = re.compile(r"\s+(?:recorded|registered|reported|counted)\s+(?:a\s+year|in|during|over|for|"
                             r"last|the\s+year|a\s+year)\b|,?\s+(?:зарегистрированн\w+|учтенн\w+|"
                             r"зафиксированн\w+)\s+(?:годом|в|за)(?![а-яё])", re.IGNORECASE)
_THINGS_BEFORE = re.compile(r"\b(?:regions|countries|cities|districts|companies|firms|schools|offices|"
                            r"centres|centers|cases|applications|permits|visas)\b[^\d]*$|(?<![а-яё])(?:регион|област|"
                            r"район|стран|город|компани|предприяти|заявлени|разрешени|виз)\w*[^\d]*$",
                            re.IGNORECASE)
_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|those|these|whom)|из\s+них|из\s+которых)(?![\w])", re.IGNORECASE)
# "a country of 20 million people", "population of 525,000", "численность населения ... составила
# 525 тысяч": the number is how many live there, not how many moved
# (not a ministry's name: "Ministry of Labour and Social Protection of the Population", "социальной
# защиты населения")
_POPULATION_OF = re.compile(r"(?:(?<!protection\sof\sthe\s)(?<!protection\sof\s)\bpopulation|\binhabitants|"
                            r"\bcensus)\b[^.;\d]{0,40}$|"
                            r"(?<![а-яё])перепис\w*[^.;\d]{0,40}$|санақ\w*[^.;\d]{0,40}$|"
                            r"\b(?:a|the)\s+(?:country|nation|city|region|republic)\s+of\s+(?:about\s+|some\s+|"
                            r"nearly\s+|over\s+|almost\s+)?$|"
                            # "Uzbekistan alone has 36 million people", "is home to 7 million"
                            r"\b(?:has|have|is\s+home\s+to|are\s+home\s+to)\s+(?:a\s+population\s+of\s+)?"
                            r"(?:about\s+|some\s+|nearly\s+|over\s+|almost\s+|more\s+than\s+)?$|"
                            r"(?<!миграции\s)(?<!защиты\s)(?<![а-яё])населени\w*[^.;]{0,50}$|"
                            r"халқы(?:ның)?(?:\s+саны)?[^.;\d]{0,30}$|халық\s+саны[^.;\d]{0,30}$",
                            re.IGNORECASE)


_COUNTRY_OF = re.compile(r"(?:\b(?:a|the)\s+(?:country|nation|city|region|republic)\s+of|"
                         r"\bwith\s+a\s+population\s+of|"
                         r"\b(?:has|have|is\s+home\s+to|are\s+home\s+to)(?:\s+a\s+population\s+of)?)\s+"
                         r"(?:about\s+|some\s+|nearly\s+|over\s+|almost\s+|more\s+than\s+)?$", re.IGNORECASE)


def _is_population(text: str, token: Token, where: _Sentence) -> bool:
    """Whether the number's clause states how many people live somewhere (an indicator)."""
    start = max(where.start, token.start - 80)
    start = max((m.end() for m in _CLAUSE_END.finditer(text, start, token.start)
                 if m.group() != ","), default=start)
    # "миграционный прирост населения составил 1,7 тыс.": a balance of migration, not a population
    return bool(_POPULATION_OF.search(text, start, token.start)) and \
        not _MIGRATION_BALANCE.search(text, start, token.start)


# "up from 1,020", "against 8,100", "против 8,1 тыс.": the number a figure is compared with ("more than
# 25,000" is a rounding, no comparison)
_COMPARED_WITH = re.compile(r"(?:\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:to|with)|\bup\s+from|"
                            # "fell more sharply, to 11,920 from 15,440"
                            r"\bto\s+\d[\d,.\u00a0]*\s+(?:thousand\s+|people\s+)?from|"
                            r"\bdown\s+from|(?<![а-яё])против|(?<![а-яё])по\s+сравнению\s+с)\s*(?:about\s+|some\s+|около\s+)?$",
                            re.IGNORECASE)
# "..., тогда как в 2024-м ...", "while in 2024 ...", "а годом ранее": a clause set against the one before
_WHILE = re.compile(r"(?<![а-яё])(?:тогда\s+как|в\s+то\s+время\s+как|а|против|чем|после)(?![а-яё])|"
                    r"\b(?:while|whereas|against|compared\s+(?:to|with)|than|versus|vs\.?|after|following)\b|"
                    r"ал\s|ал\s+(?:\d|былтыр)|салыстырғанда", re.IGNORECASE)
_MIGRATION_BALANCE = re.compile(r"(?<![а-яё])миграционн\w+\s+(?:прирост|убыль|сальдо)|net\s+migration",
                                re.IGNORECASE)


# "ALMATY, 3 March 2026 - ", "АЛМАТЫ, 5 февраля 2026 года. ": a line that opens with a place and a date
_DATELINE_LEAD = re.compile(r"[ \t]*[A-ZА-ЯЁ][\w-]+(?:\s+[\w-]+)?,\s*(?:\d{1,2}\s+[^\W\d]+\.?|"
                            r"[^\W\d]+\.?\s+\d{1,2},?)\s+(?:19|20)\d\d")


def _news_lead(text: str, sentences: Sentences, times, first_count: int) -> Carried | None:
    """A news item's lead before its first count: "Fewer people left Kazakhstan for good in the
    first nine months of 2026, official data showed on Thursday, ..." (a part of a year, no count),
    the period of the figures after it."""
    found = None
    for index, (start, end) in enumerate(sentences.spans):
        if end > first_count:
            break
        stated = [t for t in times.between(start, end) if not t.compared]
        if stated and stated[-1].part is not None:
            found = Carried(stated[-1], end, sentences.paragraph_of[index])
        elif found is None and len(stated) == 1 and stated[0].year is not None and stated[0].period is None \
                and not (stated[0].attached or stated[0].since or stated[0].milestone or stated[0].offset) \
                and _DATELINE_LEAD.match(text, text.rfind("\n", 0, start) + 1):
            # "ALMATY, 3 March 2026 - Departures to Russia fell again in 2025, the bureau said.": the
            # one year of a dateline's lead, when it states no span of a year
            found = Carried(stated[0], end, sentences.paragraph_of[index])
    return found


def _question_times(text: str, sentences: Sentences, times) -> list[Carried]:
    """The time of each question ("How many people left in 2024?") and heading ("Миграция: главное
    за 9 месяцев 2024 года"), for the figures after it: an interview states the period in the
    question and the figures in the answer; a bulletin states it in its title and lists the figures."""
    asked = []
    for index, (start, end) in enumerate(sentences.spans):
        line = text[start:end].rstrip()
        paragraph = sentences.paragraph_of[index]
        alone = (index + 1 == len(sentences.spans) or sentences.paragraph_of[index + 1] != paragraph) \
            and (index == 0 or sentences.paragraph_of[index - 1] != paragraph)
        # a title line; or a short paragraph that only names a period ("Итоги 2024 года.")
        heading = alone and "\n" not in line and len(line) <= 120 and (
            not line.endswith((".", "!", ";", ":")) or (
                line.endswith(".") and len(line) <= 60 and
                len(re.findall(r"\d+", line)) == len(times.between(start, end)) == 1))
        stated = [t for t in times.between(start, end) if not t.compared]
        # "... results for the first quarter of 2025:" over a list: the period of the list's figures
        introduces = line.endswith(":") and bool(stated) and len(re.findall(r"\d+", line)) == sum(
            len(re.findall(r"\d+", text[t.start:t.end])) for t in times.between(start, end))
        if (line.endswith("?") or heading or introduces) and stated:
            asked.append(Carried(stated[-1], end, sentences.paragraph_of[index]))
    return asked


# "the reporting quarter", "в отчетном периоде", "есепті кезеңде": the period the report is about,
# which its heading states
_REPORTING = re.compile(r"\b(?:the\s+)?(?:reporting|review)\s+(?:period|quarter|year|month|half(?:-year)?)\b|"
                        r"\b(?:period|quarter|year|month)\s+under\s+review\b|"
                        r"(?<![а-яё])отчетн\w+\s+(?:период|квартал|год|месяц|полугоди)\w*|"
                        r"есепті\s+кезең\w*", re.IGNORECASE)


TITLE_LINES = 5
TITLE_CHARS = 300


def _heading_times(text: str, sentences: Sentences, times) -> list[Time]:
    """The period each heading states (a line alone in its paragraph, no full stop): what a
    report's section is about."""
    found = []
    for index, (start, end) in enumerate(sentences.spans):
        line = text[start:end].rstrip()
        paragraph = sentences.paragraph_of[index]
        alone = (index + 1 == len(sentences.spans) or sentences.paragraph_of[index + 1] != paragraph) \
            and (index == 0 or sentences.paragraph_of[index - 1] != paragraph)
        # the document's title may take a few lines ("ОТЧЕТ / о деятельности ... за 2025 год")
        short = "\n" not in line and len(line) <= 120 or \
            paragraph == 0 and line.count("\n") < TITLE_LINES and len(line) <= TITLE_CHARS
        if alone and short and not line.endswith((".", "!", ";", ":", "?")):
            stated = [t for t in times.between(start, end) if not t.compared]
            if stated:
                found.append(stated[0])
    return found


# an administrative region of Kazakhstan as the place of the sentence's movement
_REGION = re.compile(r"(?<![а-яё])(?:област(?:ь|и|ью|ей)|облыс(?:қа|тан|ы|та|ына|ынан|ында)?)(?![а-яё])|"
                     r"\b(?:the\s+)?oblast\b|\bthe\s+region\b(?!\s+of\b)|"
                     # "Almaty region lost 1,200 residents": a region of Kazakhstan by its name
                     r"\b(?:Abai|Abay|Akmola|Aqmola|Aktobe|Aqtobe|Almaty|Atyrau|(?:East|West|North|South)\s+"
                     r"Kazakhstan|Zhambyl|Jambyl|Zhetysu|Jetisu|Karaganda|Karagandy|Qaraghandy|Kostanay|"
                     r"Qostanay|Kyzylorda|Qyzylorda|Mangystau|Mangistau|Pavlodar|Turkistan|Turkestan|Ulytau)"
                     r"\s+(?:region|province)\b", re.IGNORECASE)
# Kazakhstan named for a part of it ("Қазақстанның оңтүстік өңірлерінен"), not as a whole
_INNER_PART = re.compile(r"өңір|облыс|регион|област|район|\bregions?\b|\boblasts?\b|\bprovinces?\b",
                         re.IGNORECASE)
# the country as a whole, in an item about one of its regions
_NATIONAL = re.compile(r"\b(?:Kazakhstan|the\s+country)\s+as\s+a\s+whole\b|\bnationwide\b|"
                       r"\bacross\s+(?:the\s+)?(?:country|Kazakhstan)\b|"
                       r"(?<![а-яё])(?:по\s+(?:всей\s+)?(?:стране|республике|Казахстану)|в\s+целом\s+по\s+"
                       r"(?:стране|республике|Казахстану)|(?:[Кк]азахстан|страна|республика)\s+в\s+целом)(?![а-яё])|"
                       r"(?:республика|ел|Қазақстан)\s+бойынша", re.IGNORECASE)


def _regional_title(text: str, places: list[Mention]) -> bool:
    """Whether the text's first line is a title about a region of Kazakhstan ("External migration in
    Karaganda oblast, H1 2025", "Түркістан облысына көшіп келушілер саны артты"), not the country's."""
    first = re.match(r"\s*([^\n]{1,120})(?:\n|$)", text)
    if first is None or first[1].rstrip().endswith(".") or not any(
            not m.group().lower().startswith("the region") for m in _REGION.finditer(text, *first.span(1))):
        return False
    where = _Sentence(first.start(1), first.end(1), first.start(1), first.start(1), 0,
                      [p for p in places if first.start(1) <= p.start < first.end(1)])
    return not _of_the_country(text, where)


def _of_the_country(text: str, where: _Sentence) -> bool:
    """Whether the sentence speaks of Kazakhstan as a whole: in words, or naming it, not a part of it."""
    return bool(_NATIONAL.search(text, where.start, where.end)) or any(
        p.place.code == "KAZ" and not _INNER_PART.search(text, max(0, p.start - 40), p.end + 40)
        for p in where.places)


# "9,412 people left Kazakhstan, most of them from East Kazakhstan region": a region the number's
# people are partly from, after it, is no area of the number
_PART_OF = re.compile(r"\bof\s+(?:them|whom)\b|(?<![а-яё])из\s+них(?![а-яё])|оның\s+ішінде|олардың",
                      re.IGNORECASE)



def _part_of_before(text: str, start: int, mention: Mention, places: list[Mention]) -> bool:
    """Whether "of them" stands before a country, in its clause: "almost 2,900 of them from
    Uzbekistan", "most of them from Uzbekistan and China" (a list of the part's countries, one
    after the other)."""
    for m in _PART_OF.finditer(text, start, mention.start):
        named = [*(p for p in places if m.end() <= p.start and p.end <= mention.start), mention]
        lead_in = text[m.end():named[0].start]              # " from ", " – из "
        if len(lead_in) <= 30 and not re.search(r"[\d;,]", lead_in) and \
                all(_LIST_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(named, named[1:], strict=False)):
            return True
    return False


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|и|және|мен))\s*", re.IGNORECASE)


# "Uzbekistan and China sent 5,210 and 1,880 people": countries as the subjects of a verb of sending
# are where the people came from; of a verb of taking in, where they went
# (an aside between commas may stand between the country and its verb: "Turkmenistan, not shown in
# the table, sent 611")
_ASIDE = r"(?:,[ \t]+[^\d,.;:()]{3,40},)?"
_SENT = re.compile(_ASIDE + r"[ \t]+(?:sent|supplied|gave|provided|дал[аи]?|отправил[аи]?|прислал[аи]?|"
                   r"жіберді|берді)[ \t]+|"
                   r"(?P<took>" + _ASIDE + r"[ \t]+(?:took(?:\s+in)?|received|absorbed|принял[аи]?|"
                   r"қабылдады)[ \t]+)",
                   re.IGNORECASE)
_RUN_BEFORE = re.compile(r"(?:[\d][\d,.\u00a0 ]*\s*(?:,|and|и|және)\s*)*$")
# "5,210 and 1,880 people": a number before another of the same run shares its unit
_SHARED_UNIT = re.compile(r"\s*(?:,|and|и|және)\s*\d[\d,.\u00a0 ]*\s+(?:people|persons|individuals|migrants|"
                          r"человек|чел\.|адам)\b", re.IGNORECASE)


# "between 2,000 and 3,000 people", "от 2 до 3 тысяч": the first end of a range, no count of its own
_RANGE_OPENS = re.compile(r"(?:\bbetween|(?<![а-яё])между|(?<![а-яё])от)\s*$", re.IGNORECASE)
# "тиісінше 1 840 және 620 адам", "respectively 1,840 and 620 people": the word that pairs a run
# in order stands where data stand, so the run's first number shares the run's unit too
# "(2023 жылы тиісінше 14 102 және 15 994)": a run of bare numbers that closes its bracket, the
# earlier values of the counts the sentence states before it
_BRACKETED_RUN = re.compile(r"(?:\s*(?:,|and|и|және)\s*[-−+]?\d[\d,.\u00a0 ]*?)+\s*\)")
_RESPECTIVELY_BEFORE = re.compile(r"(?:\brespectively|(?<![а-яё])(?:соответственно|тиісінше))"
                                  r"[ \t]*[,:—–-]?[ \t]*$", re.IGNORECASE)


def _sent_by(text: str, token: Token, where: _Sentence) -> str | None:
    """The direction given by countries named as the subjects of the verb before the number."""
    for place in where.places:
        if place.place.code == "KAZ" or place.end > token.start:
            continue
        verb = _SENT.match(text, place.end, token.start)
        if verb is not None and _RUN_BEFORE.fullmatch(text, verb.end(), token.start):
            return "emigration" if verb["took"] else "immigration"
    # "Tajikistan sent 214 people, and Kyrgyzstan about 430": the second subject's verb left out
    last = next((p for p in reversed(where.places) if p.end <= token.start), None)
    if last is None or last.place.code == "KAZ" or \
            not _GAPPED_SUBJECT.fullmatch(text, last.end, token.start) or \
            not _GAPPED_AND.search(text, max(where.start, last.start - 12), last.start):
        return None
    for place in where.places:
        if place.end > last.start or place.place.code == "KAZ":
            continue
        verb = _SENT.match(text, place.end, last.start)
        if verb is not None and re.match(r"\d", text[verb.end():verb.end() + 1]):
            return "emigration" if verb["took"] else "immigration"
    return None


_GAPPED_AND = re.compile(r"(?:\band|(?<![а-яё])[аи]|(?<![\w])және)\s+$", re.IGNORECASE)
_GAPPED_SUBJECT = re.compile(r"[ \t]+(?:about|some|around|nearly|almost|just\s+over|over|около|почти|"
                             r"более|свыше)?[ \t]*", re.IGNORECASE)


_AND_BEFORE = re.compile(r"\s(?:and|и|және)\s+(?:(?:only|just|лишь|только|бар\s+болғаны)\s+)?$",
                         re.IGNORECASE)
# a word that weighs a number ("only 12,130"), not what comes before it
# "1 045 человек – кандасы, в том числе 702 переехали из Узбекистана": a part that moved, its verb
# after it (not "в том числе 702 пенсионера", a part of a stock)
_INCLUDING_BEFORE = re.compile(r"(?<![а-яё])в\s+том\s+числе\s*$|\bincluding\s*$", re.IGNORECASE)
_MOVED_AFTER = re.compile(r"\s+(?:переех|прибы|приех|выех|выбы|уех|пересел|вернул|came|arrived|moved|left|"
                          r"returned|emigrated|immigrated)\w*", re.IGNORECASE)


# (and a connective: "was therefore minus 8,215", "составило, таким образом, 8 215")
_WEIGHT = re.compile(r"\s(?:only|just|merely|already|therefore|thus|hence|consequently|лишь|только|уже|"
                     r"следовательно|соответственно|,?\s*таким\s+образом,?)\s*$", re.IGNORECASE)


# a route from Kazakhstan to another country, or back, named in the number's clause: "из Казахстана
# в Россию прибыли 31 400" (counted by Russia, its arrivals are Kazakhstan's departures), "52 300
# прибывших в Россию из Казахстана", "from Kazakhstan to Germany": the route decides, not the verb
_KAZ = r"(?:Казахстан\w*|Kazakhstan)"
_FOREIGN = rf"(?!{_KAZ})[A-ZА-ЯЁ][\w-]+"
_ROUTE_OUT = re.compile(rf"(?<!\w)(?:из|from)\s+{_KAZ}\s+(?:в|во|to|into)\s+{_FOREIGN}|"
                        rf"(?<!\w)(?:в|во|to|into|in)\s+{_FOREIGN}\s+(?:из|from)\s+{_KAZ}")
_ROUTE_IN = re.compile(rf"(?<!\w)(?:из|from)\s+{_FOREIGN}\s+(?:в|to|into)\s+{_KAZ}|"
                       rf"(?<!\w)(?:в|to|into|in)\s+{_KAZ}\s+(?:из|from)\s+{_FOREIGN}")


def _route(text: str, clause: tuple[int, int], words: list[tuple[int, int, str]],
           position: int) -> str | None:
    out = _ROUTE_OUT.search(text, *clause)
    back = _ROUTE_IN.search(text, *clause)
    if (out is None) == (back is None):
        return None                       # no route, or both ways in one clause
    route = out or back
    # "3,870 people moved from Russia to Kazakhstan, so net migration with Russia stood at minus
    # 5,610": a balance named between the route and the number is the number's
    if any(name == "net" and route.end() <= start < position for start, _, name in words):
        return None
    return "emigration" if out else "immigration"


def _set_direction(text: str, figure: FigureFound, token: Token, where: _Sentence,
                   words: list[tuple[int, int, str]]) -> None:
    if (by_route := _route(text, clause_of(text, where.span, token.start), words, token.start)) is not None:
        figure.direction = by_route
        return
    # a comma-bounded segment whose verb says no direction ("..., Германияға 800 адам қоныс аударды"):
    # where its movement goes, before a directed verb of the segment before
    cut = max(text.rfind(",", where.start, token.start), text.rfind(";", where.start, token.start))
    stop = re.compile(r"[,;.]").search(text, token.unit_end, where.end)
    segment = (cut + 1 if cut >= 0 else where.start, stop.start() if stop else where.end)
    at = bisect.bisect_left(words, (segment[0], -1, ""))
    directed = at < len(words) and words[at][1] <= segment[1]
    # "15,280 emigrated and only 12,130 settled here": a number after "and" with its own verb after
    # it moves as that verb says, not as the verb of the number before it
    if _AND_BEFORE.search(text, max(where.start, token.start - 24), token.start):
        own = (token.start, segment[1])
        if (by_own := direction_of(token.unit, text, words, own, token.start) or
                direction_by_place(text, where.places, own, token.start)):
            figure.direction = by_own
            return
    if (by_subject := _sent_by(text, token, where)) is not None:
        figure.direction = by_subject
        return
    # (the first segment too: "из Кыргызстана к нам переехали 1 240 человек, в обратную сторону выехали")
    if not directed and (by_place := direction_by_place(text, where.places, segment, token.start)):
        figure.direction = by_place
        return
    # the number's own clause first (its verb, else where its movement goes), then the sentence
    clause = clause_of(text, where.span, token.start)
    figure.direction = direction_of(token.unit, text, words, clause, token.start) or \
        direction_by_place(text, where.places, where.span, token.start) or \
        direction_of(token.unit, text, words, where.span, token.start)
    if figure.direction is None and where.previous < where.start:
        figure.direction = direction_of(None, text, words, (where.previous, where.start), where.start)
        figure.direction_source = "context" if figure.direction else ""
    if figure.direction == "emigration" and _there_is_home(text, clause, where.paragraph):
        figure.direction = "immigration"      # "there" is Kazakhstan, named as the destination before


_THERE = re.compile(r"(?<![а-яё])туда(?![а-яё])|\b(?:moved|went|relocated|headed|came)\s+there\b",
                    re.IGNORECASE)
_TO_KAZ_BEFORE = re.compile(r"(?:(?<![а-яё])(?:в|во)\s+Казахстан(?![а-яё])|\b(?:to|into)\s+Kazakhstan\b|"
                            r"Қазақстанға)")
_PLACE_TO = re.compile(r"(?<![а-яё])(?:в|во)\s+[А-ЯЁ]|\b(?:to|into)\s+[A-Z]|"
                       r"[А-ЯЁӘІҢҒҮҰҚӨҺ]\w*(?:ға|ге|қа|ке)\b")


def _there_is_home(text: str, clause: tuple[int, int], paragraph: int) -> bool:
    """Whether "туда" / "there" in the clause points back to Kazakhstan: the last destination named
    before it ("из Кыргызстана ... в Казахстан переселились 538 человек. Годом ранее туда переехали 611")."""
    there = _THERE.search(text, *clause)
    if there is None:
        return False
    start = max(paragraph, there.start() - 400)
    destinations = list(_PLACE_TO.finditer(text, start, there.start()))
    return bool(destinations) and bool(_TO_KAZ_BEFORE.match(text, destinations[-1].start()))


_KAZAKHSTAN_NAMED = re.compile(r"Kazakhstan|Казахстан|Қазақстан|\bthe\s+country\b|\bhere\b|"
                               r"(?<![а-яё])(?:страны|страну|республик\w*)(?![а-яё])", re.IGNORECASE)


def _foreign_citizens_leave(text: str, token: Token, where: _Sentence) -> bool:
    """Whether the number counts citizens of a foreign country ("9,800 citizens of Kyrgyzstan",
    "9 800 граждан Кыргызстана", "9,800 Kyrgyz nationals") who leave with no word of Kazakhstan in
    their clause: that country's own emigration."""
    if not _CITIZENS.search(token.unit or ""):
        return False
    foreign = any(p.place.code != "KAZ" and not p.place.is_group and (
        token.end <= p.start < token.unit_end or _OF_PLACE.fullmatch(text, token.unit_end, p.start) or
        re.fullmatch(r"\s+", text[token.unit_end:p.start])) for p in where.places)
    start, end = clause_of(text, where.span, token.start)
    return foreign and not _KAZAKHSTAN_NAMED.search(text, start, end)


_CITIZENS = re.compile(r"(?:citizens|nationals|граждан\w*|подданн\w*)", re.IGNORECASE)
_OF_PLACE = re.compile(r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?")


def _set_country(text: str, figure: FigureFound, token: Token, where: _Sentence,
                 places: list[Mention], place_starts: list[int]) -> None:
    demonym = DEMONYM_UNITS.get((token.unit or "").lower(), "")
    mention, how = None, ""
    if demonym is None or demonym:
        # "3 million Russians crossed the border": people of a country; it is the counterpart only
        # when they come from it (an ethnic group leaving has no stated destination)
        if demonym and figure.direction == "immigration":
            figure.country, figure.country_name, figure.country_source = demonym, token.unit, "unit"
        else:
            figure.notes.append(f"a group of people ({token.unit}), not a partner country")
    else:
        mention, how = country_of(text, token, where.places, where.span)
        if (own := _clause_partner(text, token, where)) is not None:
            mention, how = own, "after"
        elif mention is not None and how in ("before", "next") and figure.direction == "net" and \
                _part_of_before(text, max(where.start, mention.start - 60), mention, where.places):
            # "8,920 settled, almost 2,900 of them from Uzbekistan, ... leaving the country with a net
            # gain of 2,440": the country of a part before it is no partner of the whole's balance
            mention, how = None, ""
        if mention is not None and how == "before" and figure.direction == "immigration" and \
                ";" in text[mention.end:token.start] and \
                _DESTINATION_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            # "most of them to Russia; 2,100 moved to Kazakhstan": a destination in another clause
            # is no origin of an inflow
            mention, how = None, ""
        inside = [p for p in where.places if p.place.code != "KAZ" and (
            token.end <= p.start < token.unit_end or
            # "436 citizens of Tajikistan", "436 граждан Таджикистана": whose citizens they are
            _CITIZENS.fullmatch(token.unit or "") and _OF_PLACE.fullmatch(text, token.unit_end, p.start))]
        if inside and figure.direction == "immigration" and (mention is None or how in ("before", "next")):
            # "2.9 million Russian citizens entered", "4,615 Uzbek citizens and 2,030 Chinese nationals"
            mention, how = inside[0], "unit"
    if mention is None and not figure.country and ANAPHOR.search(text[where.start:where.end]):
        first = bisect.bisect_left(place_starts, where.paragraph)
        last = bisect.bisect_left(place_starts, where.start)
        earlier = [p for p in places[first:last] if p.place.code != "KAZ"]
        if earlier:
            mention, how = earlier[-1], "context"
    if mention is None and not figure.country and _NEIGHBOUR.search(text, where.start, where.end):
        # "Ол кезде көршілес елден 1 039 адам келген": the neighbour of Kazakhstan named last
        first = bisect.bisect_left(place_starts, where.start - _NEIGHBOUR_BACK)
        last = bisect.bisect_left(place_starts, where.start)
        earlier = [p for p in places[first:last] if p.place.code in _NEIGHBOURS]
        if earlier:
            mention, how = earlier[-1], "context"
    if mention is None and not figure.country and TWO_COUNTRIES.search(text, where.start, where.end):
        first = bisect.bisect_left(place_starts, where.start - TWO_COUNTRIES_BACK)
        last = bisect.bisect_left(place_starts, where.start)
        partners = {p.place.code: p for p in places[first:last]
                    if p.place.code != "KAZ" and not p.place.is_group}
        if len(partners) == 1:          # two foreign countries named: "the two" are not Kazakhstan's pair
            mention, how = next(iter(partners.values())), "context"
    if mention is None and not figure.country and figure.direction == "immigration" and \
            (lived := _LIVED_IN.match(text, token.unit_end)):
        # "8,140 of them had previously lived in Uzbekistan": where the newcomers lived before
        mention = next((p for p in where.places if p.start >= lived.end() - 1 and
                        p.start <= lived.end() + 2 and p.place.code != "KAZ"), None)
        how = "after"
    if mention is not None:
        figure.country_source = how
        figure.country_name = mention.place.name
        figure.country = None if mention.place.is_group else mention.place.code


# "свыше 300 – Беларусь", "another 300 - Belarus": a partner after a dash right after the number
_DASH_PARTNER = re.compile(r"[ \t]*[–—-][ \t]*(?:(?:в|во|to|into|for)\s+)?", re.IGNORECASE)
# "еще 97 избрали местом жительства Германию", "another 97 chose Germany": a number that opens a
# clause of its own in a list of partners
_ANOTHER_BEFORE = re.compile(r"(?:(?<![а-яё])ещ[её]|\banother|\ba\s+further)\s+"
                             r"(?:(?:около|свыше|более|почти|about|some|over|nearly)\s+)?$", re.IGNORECASE)
_CLAUSE_REACH = 60


def _clause_partner(text: str, token: Token, where: _Sentence) -> Mention | None:
    """The partner a number's own clause names after it ("Еще 1 012 человек выбрали Германию,
    свыше 300 – Беларусь"; "another 97 chose Germany"), or None."""
    after = next((p for p in where.places if p.start >= token.unit_end and p.place.code != "KAZ"
                  and not p.place.is_group), None)
    if after is None or after.start - token.unit_end > _CLAUSE_REACH:
        return None
    if _DASH_PARTNER.fullmatch(text, token.unit_end, after.start):
        return after
    if _ANOTHER_BEFORE.search(text, max(0, token.start - 20), token.start) and \
            not re.search(r"[,;.:()–—]", text[token.unit_end:after.start]):
        return after
    return None


# "8,140 of them had previously lived in Uzbekistan", "ранее проживали в Узбекистане"
_LIVED_IN = re.compile(r"(?:\s+of\s+(?:them|whom))?\s+(?:had\s+)?(?:previously|formerly|earlier|before)\s+"
                       r"(?:lived|resided)\s+in\s+(?:the\s+)?|(?:\s+из\s+них)?\s+(?:ранее|прежде)\s+"
                       r"(?:проживал\w*|жил\w*)\s+в\s+", re.IGNORECASE)


# "the neighbouring country", "из соседней республики", "көршілес елден": a partner named before
_NEIGHBOUR = re.compile(r"\b(?:the|that)\s+neighbou?ring\s+(?:country|republic|state)\b|"
                        r"(?<![а-яё])соседн(?:яя|ей|юю|ий|его|ему|ем)\s+(?:стран|республик|государств)\w*|"
                        r"(?<![\w])көрші(?:лес)?\s+(?:ел|мемлекет|республика)(?!дер|тер)\w*", re.IGNORECASE)
_NEIGHBOURS = {"RUS", "CHN", "KGZ", "UZB", "TKM"}
_NEIGHBOUR_BACK = 800


_DESTINATION_BEFORE = re.compile(r"(?:\b(?:to|for|into)|(?<![а-яё])(?:в|во))\s+(?:the\s+)?$", re.IGNORECASE)


def _set_time(figure: FigureFound, time: Time | None, how: str, note: str | None) -> None:
    if time is None:
        return
    figure.period = time.label()
    if time.part:
        figure.year_source = how
        if note:
            figure.notes.append(f"period: {note}")
        return
    if time.period:
        figure.period_start, figure.period_end = time.period
        figure.year = None
    else:
        figure.year = time.year
        figure.period_start = figure.period_end = None
    figure.year_source = how
    if note:
        figure.notes.append(f"year or period: {note}")


# what stands between a figure and the number it is compared with: its time, a bracket, the word
_COMPARED_GAP = re.compile(r"[^\d.;!?]{0,40}?(?:\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:to|with)|"
                           r"\bup\s+from|\bdown\s+from|\bafter|(?<![а-яё])(?:против|по\s+сравнению\s+с|после))\s*"
                           r"(?:about\s+|some\s+|around\s+|около\s+)?|"
                           # "выбыли 5 120 человек, тогда как за январь–июнь прошлого года — 5 940": the
                           # same series at another time, its verb left out after a dash
                           # (not "а остальные — 2 300", "while the rest — 2,300": another part)
                           r"[^\d.;!?]{0,20}?(?:(?<![а-яё])(?:тогда\s+как|а)|\bwhile|\bwhereas)\s+"
                           r"(?:(?!остальн|прочи|други|\brest\b|\bothers?\b)[^\d.;!?]){0,50}?[—–]\s*"
                           r"(?:около\s+|about\s+)?|"
                           # "356 адам кетті, ал 2024 жылы олардың саны 402 болған", "while in 2024
                           # their number was 402": the same series restated by "their number"
                           r"[^\d.;!?]{0,50}?(?:(?<![а-яёәіңғүұқөһ])(?:ал|а|тогда\s+как)|\bwhile|\bwhereas)\s+"
                           r"[^\d.;!?]{0,30}?(?:олардың\s+саны|их\s+(?:число|количество)|their\s+number)\s*"
                           r"(?:(?:was|stood\s+at|составляло|составило|было)\s+)?(?:около\s+|about\s+)?")


def _compared_series(text: str, figures: list[FigureFound], token: Token,
                     where: _Sentence) -> FigureFound | None:
    """The figure of the sentence that the number at ``token`` is compared with, if any."""
    earlier = next((f for f in reversed(figures) if f.unit != "percent"), None)
    if earlier is None or earlier.start < where.start:
        return None
    gap = re.sub(r"\([^()]*\)|(?<!\d)(?:19|20)\d\d(?!\d)", "", text[earlier.end:token.start])
    if _FROM_GAP.fullmatch(gap) and re.search(r"\bto\s+$", text[max(0, earlier.start - 6):earlier.start]):
        return earlier                    # "fell to 11,920 from 15,440"
    return earlier if _COMPARED_GAP.fullmatch(gap) else None


# "In 2024 the loss had been smaller, at 1,210": the balance restated as a loss
_LOSS_WAS = re.compile(r"\bthe\s+(?:net\s+)?loss\s+(?:had\s+been|was)\s+(?:(?:smaller|larger|greater|lower|"
                       r"higher)\s*,?\s*)?(?:at\s+)?$", re.IGNORECASE)
_LOSS_OF = re.compile(r"\b(?:a|the)\s+loss\s+of\s+(?:about\s+|some\s+|nearly\s+)?$|"
                      r"(?<![а-яё])(?:убыль|убыли|потер\w+)\s+(?:в\s+)?(?:около\s+)?$", re.IGNORECASE)
_FROM_GAP = re.compile(r"\s+from\s+", re.IGNORECASE)


def _corresponding_earlier(time: Time | None, around: Carried | None) -> bool:
    """Whether ``time`` is the same part of an earlier year than the text's period (the first
    half of 2024 in a text about the first half of 2025): stated to compare with."""
    return time is not None and around is not None and time.part is not None and time.part != "same" \
        and time.part == around.time.part and time.year is not None and around.time.year is not None \
        and time.year < around.time.year


# a sentence opened as a comparison, or told in the Kazakh past perfect ("келген болатын", "болған еді")
# (after a section's number: "1.2. Для сравнения: в 2024 году ...")
_FOR_COMPARISON = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
                             r"(?:для\s+сравнения|for\s+comparison|by\s+comparison|in\s+comparison|"
                             r"салыстыру\s+үшін|салыстырсақ)(?![\w])|"
                             r"(?<![\w])\w+(?:ған|ген|қан|кен)\s+(?:болатын|еді)(?![\w])|"
                             # the English past perfect: "in the same six months of 2025, 8,170 had left"
                             r"\bhad\s+(?:left|arrived|come|moved|emigrated|immigrated|settled|departed)\b",
                             re.IGNORECASE)


def _for_comparison(text: str, time: Time | None, around: Carried | None, where: _Sentence) -> bool:
    """Whether ``time`` is an earlier year than the text's, in a sentence that states it to compare."""
    return time is not None and around is not None and time.start >= where.start and \
        time.year is not None and around.time.year is not None and time.year < around.time.year and \
        bool(_FOR_COMPARISON.search(text[where.start:where.end]))


_MONTHS_OF_PART = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                   "9M": (1, 9)}


def _inside_lead(time: Time, lead: Carried | None) -> bool:
    """Whether ``time`` is a quarter inside the lead's longer span of the same year ("во втором
    квартале" in an item on the first half of 2026): it dates its own paragraph, and the paragraphs
    after it go back to the lead's span ("Одновременно в Казахстан прибыли 7 905 человек")."""
    if lead is None or lead.time.year != time.year or time.year is None or time.part not in _MONTHS_OF_PART \
            or not time.part.startswith("Q") or lead.time.part not in _MONTHS_OF_PART \
            or lead.time.part.startswith("Q"):
        return False
    (first, last), (lead_first, lead_last) = _MONTHS_OF_PART[time.part], _MONTHS_OF_PART[lead.time.part]
    return lead_first <= first and last <= lead_last


def _is_caption(above: str) -> bool:
    """Whether the text above a table is a caption (a title, a unit line), not prose with its own
    figures: no sentence ends inside it (a "Table 2." label aside) and it is no long sentence."""
    block = re.sub(r"^(?:Table|Figure|Таблица|Рисунок|Кесте|Сурет)\s+\d+[.:]?", "", above.strip())
    ends = re.search(r"[.!?][\"”»)]?\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"“«(]", block)
    counts = [n for n in re.findall(r"\d+(?:[ ,.\u00a0]\d+)*", block)
              if not re.fullmatch(r"(?:19|20)\d\d", n)]
    return not ends and not (re.search(r"[.!?][\"”»)]?$", block) and (len(block) > 80 or counts))


# the notes under a table: lines opening with a note mark or a word of notes, up to a blank line
_TABLE_NOTES = re.compile(r"(?:\s*\n)*(?:[ \t]*(?:[\u00b9\u00b2\u00b3\u2070-\u2079*†]|\d\)|"
                          r"(?:Note|Notes|Source|Примечани\w*|Источник|Данные|Дереккөз)\b)[^\n]*(?:\n|$))+")


def find_figures(text: str, sentences: Sentences, skip: list[tuple[int, int]],
                 dated: list[tuple[int, int, int]] | None = None,
                 document_year: int | None = None, head: str = "") -> list[FigureFound]:
    """Every numeric claim about migration in the text, in order.

    ``skip`` are spans already taken (citations, dates); ``dated`` are (start, end, year) of dates
    found in the text, which also give figures their year; ``document_year`` (the document's own
    date) completes a period stated without its year ("in the second quarter"); ``head`` (the
    document's first lines) may name a foreign office that counted them (``reporter``).
    """
    text, original_end = join_hyphenated(text)
    text = blank_emphasis(text)
    figures = _find_figures(text, sentences, skip, dated, document_year)
    set_reporters(text, sentences, figures, head or text[:2000])
    for figure in figures:
        figure.end = original_end(figure.end)
    return figures


def _find_figures(text: str, sentences: Sentences, skip: list[tuple[int, int]],
                  dated: list[tuple[int, int, int]] | None, document_year: int | None) -> list[FigureFound]:
    tables = find_tables(text)
    # a caption's words are read for the table; a paragraph of prose above it keeps its figures
    tokens = find_tokens(text, skip + [(t.start if _is_caption(text[t.start:t.header]) else t.header, t.end)
                                       for t in tables])
    table_figures = [f for t in tables for f in t.figures]
    if not tokens or not sentences.spans:
        return table_figures
    places = find_places(text)
    place_starts = [p.start for p in places]
    words = flow_words(text)
    times = find_times(text, [Time(s, e, y, None, False) for s, e, y in dated or []])
    if document_year is None:
        document_year = times.dateline_year   # "КОСТАНАЙ, 14 ноября 2025 года. За январь–сентябрь ..."
    quotes = quoted_speech(text)
    for q_start, q_end in quotes:
        for time in times.between(q_start, q_end):
            time.quoted_until = q_end
    # the column heads of a table of one year ("I кв. ... IV кв." under "..., 2025 год") are of
    # that year, not of the document's date: the text after the table goes on from them
    # the year of a table of one year is the text's time after it, until the text states another
    table_years: list[tuple[int, Time]] = []
    for table in tables:
        years = {f.year or int((f.period or "0")[:4]) for f in table.figures}
        if len(years) == 1 and (year := years.pop()) > 0:
            # (and of the notes under it: "² Данные за IV квартал предварительные")
            notes = _TABLE_NOTES.match(text, table.end)
            for time in times.between(table.start, notes.end() if notes else table.end):
                if time.year is None and time.part and time.part != "same" and not time.offset:
                    time.year = year
            # a table of one part of a year ("January-June 2025" in the title) leads with that part:
            # "Most of those who left (about 1,350) went to ..." under it is of the half-year too
            periods = {f.period for f in table.figures}
            only = periods.pop() if len(periods) == 1 else None
            part = only.split("-", 1)[1] if only and "-" in only else None
            table_years.append((table.end, Time(table.end, table.end, year, None, False,
                                                part if part in _MONTHS_OF_PART else None)))
    figures: list[FigureFound] = []
    changes: list[tuple[Token, FigureFound]] = []
    by_token: dict[int, FigureFound] = {}
    previous_pct: tuple[Token, int | None] | None = None
    carried: Carried | None = None
    lead = _news_lead(text, sentences, times,
                      next((t.start for t in tokens if not t.percent and abs(t.value) >= 10), len(text)))
    recent: list[Stated] = []
    compared_time: tuple[int, Time | None] = (-1, None)
    own_time: tuple[int, Time | None] = (-1, None)      # the time of the sentence's first figure
    questions = _question_times(text, sentences, times)
    # "— Значит, сальдо положительное?" with no time: its words still name the answer's direction
    asked_plain = [end for start, end in sentences.spans if text[start:end].rstrip().endswith("?")]
    plain_at = -1
    headings = _heading_times(text, sentences, times) if _REPORTING.search(text) else []
    asked_at = -1
    first_flow, regional_item = True, _regional_title(text, places)
    last_token: Token | None = None
    for token in tokens:
        prior, last_token = last_token, token
        while table_years and table_years[0][0] <= token.start:
            end, year_time = table_years.pop(0)
            if lead is None or lead.at < end:
                lead = Carried(year_time, end, sentences.paragraph_of[sentences.index_at(end)])
        while asked_plain and asked_plain[0] <= token.start:
            plain_at = asked_plain.pop(0)
        while questions and questions[0].at <= token.start:
            asked = questions.pop(0)
            asked_at = asked.at
            if lead is None or lead.at < asked.at:
                lead = asked
                carried = None
        where = _surroundings(sentences, sentences.index_at(token.start), places, place_starts,
                              token.start)
        migration = bool(MIGRATION.search(text[where.previous:where.end])) or (
            bool(figures) and figures[-1].start >= where.start
            and bool(_COMPARISON.search(text[figures[-1].end:token.start]))) or (
            # the answer to "Сколько человек уехали ...?" is about migration
            asked_at >= 0 and token.start - asked_at < 400
            and bool(MIGRATION.search(text[max(0, asked_at - 200):asked_at]))) or (
            # "Russia took 11,200 of them": the paragraph's earlier figures are flows
            not token.percent and any(where.paragraph_index - s.paragraph <= 1 for s in recent))
        if token.percent:
            last = previous_pct if previous_pct and previous_pct[0].start >= where.start else None
            sign = percent_kind(text, token, where.start, *(last or (None, None)))
            previous_pct = (token, sign)
            figure = _percent_figure(text, token, where, sign) if migration else None
        else:
            figure = _value_figure(text, token, where, migration, words)
        if figure is None:
            continue
        if prior is not None and not prior.percent and prior.start not in by_token and \
                prior.start >= where.start and \
                _PART_OF_WHOLE_AFTER.fullmatch(text, prior.unit_end, token.start):
            continue          # "Трудоустроены 286 человек, из них 74 – ...": a part of no flow is none
        figure.approx = token.approx
        _set_direction(text, figure, token, where, words)
        if "stated as a loss to net emigration, so negative" in figure.notes:
            figure.direction = "net"          # "the country lost 2,135 residents through external migration"
        if _LOSS_WAS.search(text, max(where.start, token.start - 50), token.start) and token.value > 0:
            figure.direction, figure.value = "net", -token.value
            figure.notes.append("stated as a loss, so negative")
        _set_country(text, figure, token, where, places, place_starts)
        if figure.direction == "net" and figure.value is not None and figure.value > 0 and \
                _LOSS_OF.search(text, max(where.start, token.start - 30), token.start):
            figure.value = -figure.value      # "the net balance turned positive ... after a loss of 1,100"
            figure.notes.append("stated as a loss, so negative")
        if (series := _compared_series(text, figures, token, where)) is not None:
            # "receiving 9,406 emigrants (73%), against 10,118 a year earlier", "sent 611 in 2024
            # after 540 in 2023": the number compared with is of the same series
            if series.direction and (figure.direction is None or _FROM_GAP.fullmatch(
                    text, series.end, token.start)):
                figure.direction, figure.direction_source = series.direction, "context"
            if series.direction == "net" and figure.direction in (None, "net") and series.value is not None \
                    and series.value < 0 and any(n.startswith("stated as") for n in series.notes) and \
                    figure.value is not None and figure.value > 0 and text[token.start].isdigit():
                # "Отрицательное сальдо составило 2 690 человек против 3 150 годом ранее": a loss too
                figure.value = -figure.value
                figure.notes.append("compared with a loss, so negative")
            if figure.country is None and not figure.country_name and series.country:
                figure.country, figure.country_name, figure.country_source = \
                    series.country, series.country_name, "context"
        if figure.direction == "emigration" and figure.direction_source != "table" and \
                _foreign_citizens_leave(text, token, where):
            continue          # "9,800 citizens of Kyrgyzstan emigrated" (a Bishkek item): its own emigration
        if figure.direction == "emigration" and figure.direction_source != "table" and \
                leaves_a_foreign_country(text, where.places, where.span, token.start, figure.country):
            continue
        national = _of_the_country(text, where)
        if any((m.start() < token.start or not _PART_OF.search(text, token.unit_end, m.start()) or
                re.search(r"[;\n]", text[token.unit_end:m.start()])) and
               # "Kazakhstan remains the main destination in the region": Central Asia, no oblast
               not (national and m.group().lower().startswith("the region"))
               for m in _REGION.finditer(text, where.start, where.end)):
            figure.breakdown = "region"   # "в область прибыли 640 человек": not the country's flow
        elif regional_item and figure.direction and not national:
            # an item whose first flow is a region's ("О внешней миграции населения области ... Из-за
            # рубежа в область прибыли 1 284"): its later flows are the region's too, unless the
            # sentence is of the country ("по республике в целом", "9,412 people left Kazakhstan")
            figure.breakdown = "region"
            figure.notes.append("a region's flow: the item's first flow is the region's")
        if first_flow and figure.direction and not token.percent:
            first_flow, regional_item = False, figure.breakdown == "region"
        population = not token.percent and _is_population(text, token, where)
        if population:
            figure.direction, figure.direction_source, figure.measure = None, "", "population"
        elif not token.percent and (counted := other_count(
                text, token, where.start, where.end, figures[-1] if figures else None)):
            if counted == "age":
                continue
            # births, border crossings, a part of a population: an indicator, no flow
            figure.direction, figure.direction_source, figure.measure = None, "", counted
            population = True
        if figure.direction is None and (asked := max(asked_at, plain_at)) >= 0 and token.start - asked < 400:
            # the answer to "Сколько человек уехали ...?": the question's direction
            figure.direction = direction_of(None, text, words, (max(0, asked - 200), asked), asked)
            figure.direction_source = "context" if figure.direction else ""
            if figure.direction and figure.measure == "other" and figure.unit == "persons":
                figure.measure = "flow"       # the question named the flow its answer counts
        if not token.percent and no_flow(text, token, where, words):
            continue
        if not token.percent and not population:
            named = any(p.place.code != "KAZ" for p in where.places)
            inherit(text, figure, where.span, where.paragraph_index, recent, named)
            if figure.direction:
                recent = [s for s in recent if where.paragraph_index - s.paragraph <= 1][-20:]
                recent.append(Stated(figure, where.span, where.paragraph_index))
        previous = (where.previous, where.start) if where.previous < where.start else None
        if carried is not None and 0 <= carried.time.quoted_until <= token.start:
            carried = None        # the time of a quote dates no figure of the text's after it
        time, how, note = resolve_time(text, token, times, where.span, previous,
                                       (where.paragraph, where.end), carried, lead, document_year)
        report = next((t for t in reversed(headings) if t.end <= token.start), None)
        reporting = _REPORTING.search(text, where.start, token.start) if report is not None else None
        # "в отчетном году ... по сравнению с предыдущим годом (1 265 человек)": a time relative to
        # the reporting one, between it and the number, dates the number
        if reporting is not None and how not in ("next", "after") and \
                not any(t.start > where.start for t in times.between(where.start, token.start)
                        if not t.compared) and \
                not any(t.offset and t.start >= reporting.end()
                        for t in times.between(reporting.end(), token.start)):
            time, how, note = report, "context", "the reporting period: the period of the heading"
            if not report.complete:
                # "Число уехавших сократилось за девять месяцев": a heading's part of a year,
                # completed by the lead's year ("за январь–сентябрь 2026 года") or the document's
                time = complete_time(report, lead.time if lead is not None else None, document_year) or report
        compared = bool(_COMPARED_BEFORE.search(_SIGN_WORD.sub("", text[max(where.start, token.start - 40):
                                                                         token.start])))
        if compared and how in ("after", "next"):
            compared_time = (where.start, time)
        elif compared and how not in ("after", "next") and compared_time[0] == where.start and \
                compared_time[1] is not None:
            # "17,950 arrived in 2025, up from 16,020 in 2024, and 12,870 left, down from 13,680":
            # a number compared without a time of its own is of the time the sentence compares with
            time, how, note = compared_time[1], "context", "the time of the comparison before it"
        elif _COMPARED_WITH.search(text, max(where.start, token.start - 30), token.start) and \
                not token.percent and how in ("before", "context", "document") and \
                time is not None and time.year is not None and time.period is None and \
                compared_time[0] != where.start:
            # "Germany received 1,120, up from 1,020", "прибыли 7 400 человек против 8 100": a number
            # compared with the text's figure, with no time of its own, is of the period a year before
            time = replace(time, year=time.year - 1, compared=True, attached=True)
            how, note = "inferred", "compared with the figure before it, no time of its own: a year before"
        if time is None and own_time[0] == where.start and own_time[1] is not None and not compared:
            # "fell to 8,870 last year from 10,150 in 2024, while Germany took 1,120": a number with
            # no time of its own is of the time of the sentence's first figure
            time, how, note = own_time[1], "context", "the time of the sentence's first figure"
        elif time is not None and own_time[0] != where.start and not compared and not time.compared:
            own_time = (where.start, time)
        if how not in ("before", "after", "next") and (keyed := _bracket_key(text, token, where, times)):
            # "- Arrivals: 8,120 (January-June 2025: 7,480)" over "- Departures: 6,930 (7,210)": the
            # list's brackets are of the period its first bracket names
            time = complete_time(keyed, lead.time if lead is not None else None, document_year) or time
            how, note = "context", "the period the list's brackets name"
        _set_time(figure, time, how, note)
        if population and how not in ("before", "after", "next") and _COUNTRY_OF.search(
                text, max(where.start, token.start - 40), token.start):
            # "The nation of 20.4 million people", "a country of 20 million": a population stated with
            # no time of its own is a description, no observation of any period
            continue
        # a figure inside a bracket ("(в 2023 г. — 3,1 тыс.)") does not date the text after it
        bracketed = text.rfind("(", where.start, token.start) > text.rfind(")", where.start, token.start)
        # "2023 жылы бұл сан 11 200 болған еді": the series at another time; the text goes back to its own
        looks_back = bool(ANAPHOR_OF_SERIES.search(text, where.start, token.start))
        if how == "after" and time is not None and _PART_OF.search(text, where.start, token.start):
            # "Почти половина из них – 1 180 человек – уехала во втором квартале": the time of a
            # part of the figure before is that part's, not the text's
            time = replace(time, attached=True)
        series_of = carried if carried is not None and carried.at >= where.paragraph else lead
        if looks_back and time is not None and time.part is None and time.period is None and \
                series_of is not None and series_of.time.part and series_of.time.year is not None and \
                time.year is not None and time.year < series_of.time.year and how in ("before", "after"):
            # "318 адам қоныс аударды, былтыр бұл көрсеткіш 356 адам болған": the series restated a
            # year before is of the same span of that year
            time = replace(time, part=series_of.time.part)
            _set_time(figure, time, how, "the span of the series it restates")
        if time is not None and time.part is None and series_of is not None and series_of.time.part and \
                series_of.time.year == time.year and _THIS_YEARS.match(text, time.start):
            # "accounted for 4,205 of this year's arrivals" in a text of the first half of 2026: the
            # arrivals counted before it, of that span
            time = replace(time, part=series_of.time.part)
            _set_time(figure, time, how, "the span of the year's figures it is part of")
        if looks_back and time is not None and time.start >= where.start:
            time.compared = True      # nor does its year date the sentences after it
            for stated in times.between(where.start, where.end):
                if stated.compares:   # "Өткен жылдың осы кезеңінде бұл көрсеткіш 1 210 адам болатын."
                    stated.local = True
        # "прибыли 8,4 тыс., тогда как в первом полугодии 2024-го — около 7,9 тыс.": an earlier time
        # after a figure of the sentence's own is the time compared with, dating nothing after it
        earlier = carried is not None and carried.at >= where.start and time is not None and \
            time.year is not None and carried.time.year is not None and time.year < carried.time.year and \
            bool(_WHILE.search(text, carried.at, time.start))
        if earlier and time.start >= where.start and not time.attached:
            time.compared = True          # nor is it the last time stated for the sentences after it
            for stated in times.between(time.start, time.end):
                # "ал былтыр қаңтар-қыркүйекте бұл көрсеткіш 1 912 адам болған": the time as stated
                # (completed into ``time``) is no time of the text's for the sentences after it
                stated.compared = True
        if _for_comparison(text, time, carried or lead, where) and time is not None:
            # "Для сравнения: в 2024 году ... 15 932 человека", "2024 жылы 2 071 адам келген
            # болатын": an earlier year stated to compare with dates its own sentence only
            time.local = True
            for stated in times.between(where.start, where.end):
                if stated.part == "same" and stated.year == time.year:
                    stated.local = True   # (the time as stated, completed into ``time``)
        if _corresponding_earlier(time, carried or lead) and time.start >= where.start:
            # "2024 жылдың алғашқы алты айында 2 088 адам келген еді" in an item about the first half of
            # 2025: the same span a year before is the comparison, and the text goes back to its own
            time.local = True
        set_measure(figure, text, token, where.start, where.end)
        if figure.measure in _INDICATOR_TIMES and time is not None and how in ("before", "after"):
            for stated in times.between(where.start, where.end):
                if stated.start == time.start:
                    stated.local = True   # (the indicator's own year dates no later sentence either)
        # "The quota for 2025 is 1,680 families, or roughly 5,600 people": a quota's year (a plan's)
        # is not the time of the flows the text goes on with
        if time is not None and not time.attached and not time.compared and not bracketed and \
                not looks_back and not is_aside(text, time) and not earlier and not time.local and \
                figure.measure not in _INDICATOR_TIMES and \
                not _COMPARED_BEFORE.search(_SIGN_WORD.sub("", text[max(where.start, token.start - 40):
                                                                    token.start])):
            carried = Carried(time, token.start, where.paragraph_index)
            if not _inside_lead(time, lead) and time.quoted_until < 0:
                lead = carried
        if figure.value is not None and abs(figure.value) < 10 and not token.percent and \
                not (figure.country and figure.direction):
            continue
        figures.append(figure)
        by_token[token.start] = figure
        if token.percent and figure.stated_change_pct is not None:
            changes.append((token, figure))
    from_to(text, tokens, by_token)
    attach_changes(text, tokens, changes, by_token)
    respectively(text, sentences, tokens, by_token, places, times)
    same_years(text, sentences, tokens, by_token, times)
    compared_series(text, sentences, tokens, by_token, times)
    corresponding_run(text, sentences, tokens, by_token)
    counter_flows(text, sentences, by_token)
    _signed_balances(figures)
    figures += table_figures
    _headline_repeats(text, figures)
    for figure in figures:
        _score(figure)
    return sorted((f for f in figures if not f.merged), key=lambda f: f.start)


# a bracket right after a number (not after a country: "Russia (5,310)")
_BRACKET_ONLY = re.compile(r"\d(?:\s*(?:million|thousand|people|persons|млн|тыс\.|человек|адам))?\s*\(\s*$",
                           re.IGNORECASE)
_BRACKET_CLOSE = re.compile(r"\s*\)")
_BRACKET_KEYED = re.compile(r"\((?P<key>[^():\n]{3,40}?)\s*[:—–-]\s*[+−-]?\d")


def _bracket_key(text: str, token: Token, where: _Sentence, times) -> Time | None:
    """The time a list names in its first bracket ("(January-June 2025: 7,480)") for a number
    alone in a bracket of a later item ("(7,210)")."""
    if not _BRACKET_ONLY.search(text, max(0, token.start - 20), token.start) or \
            not _BRACKET_CLOSE.match(text, token.unit_end):
        return None
    keyed = next(reversed(list(_BRACKET_KEYED.finditer(text, where.paragraph, token.start))), None)
    if keyed is None:
        return None
    return next((t for t in times.between(keyed.start("key"), keyed.end("key")) if t.year is not None), None)


# a headline: the text's first line, short, no sentence of its own, a blank line after it
_HEADLINE = re.compile(r"\s*(?P<line>[^\n]{1,150}?)[ \t]*\n[ \t]*\n")


def _headline_repeats(text: str, figures: list[FigureFound]) -> None:
    """A headline's figure the text states again ("Из Казахстана в Россию за полгода уехали 5 170
    человек" over "В январе–июне 2026 года ... уехали 5 170 человек") is the same figure, counted once
    where the text gives its period."""
    headline = _HEADLINE.match(text)
    if headline is None or headline.group("line").rstrip().endswith("."):
        return
    end = headline.end("line")
    body = {abs(f.value) for f in figures if f.start >= end and f.value is not None}
    for figure in figures:
        if figure.start < end and figure.value is not None and abs(figure.value) in body:
            figure.merged = True


# "286 человек, из них 74", "286 people, of whom 74": the number right after is a part of the one before
# (the whole's verb may stand between: "286 people were employed, of whom 74 ...")
_PART_OF_WHOLE_AFTER = re.compile(r"[^\d.;!?\n]{0,60}?[ \t]*,?[ \t]*(?:из\s+них|of\s+(?:them|whom)|"
                                  r"оның\s+ішінде|в\s+том\s+числе|including)[ \t]*[—–:-]?[ \t]*",
                                  re.IGNORECASE)
_INDICATOR_TIMES = {"quota"}


def _signed_balances(figures: list[FigureFound]) -> None:
    """A count below zero whose direction came from the text around it ("С Россией итог
    отрицательный: минус 2 690" after a sentence of arrivals) is a balance: arrivals and departures
    are never below zero."""
    for figure in figures:
        if figure.value is not None and figure.value < 0 and figure.unit != "percent" and \
                figure.direction in ("immigration", "emigration") and figure.direction_source == "context":
            figure.direction = "net"
            figure.notes.append("direction: a count below zero, so a balance")
_THIS_YEARS = re.compile(r"(?:this|the\s+current)\s+year['’]s\b", re.IGNORECASE)


def _score(figure: FigureFound) -> None:
    confidence = 0.9
    if figure.value is None and figure.stated_change_pct is None:
        confidence -= 0.3
    if figure.direction is None:
        confidence -= 0.15
    elif figure.direction_source == "context":
        confidence -= 0.05
    if figure.year is None and figure.period_start is None:
        confidence -= 0.15
    elif figure.year_source in {"context", "inferred", "document"}:
        confidence -= 0.1
    if figure.country_source in {"before", "context"}:
        confidence -= 0.05
    if figure.measure in {"other", "share"}:
        confidence -= 0.15
    figure.confidence = round(max(0.2, min(0.95, confidence)), 2)
