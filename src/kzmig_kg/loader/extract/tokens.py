"""Numbers in running text that may be figures: value (scale words resolved), range, percent,
the unit word after them, and whether they are approximate.

One public entry: ``find_tokens(text, skip)``. A number is left out when it is part of a word or
an ordinal (``7th``, ``2023b``, ``72-hour``), follows a marker of something else (``No.``, ``p.``,
``Article``, ``aged``, a currency sign), is a bare year, or has a unit that is not people,
permits or visas (``days``, ``countries``, ``tenge``). ``DATA_BEFORE`` lists the words after
which a bare number (no unit) stands where data stand (``was 155,749``, ``Russia (108,724)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .dates import MONTH_EN, YEAR
from .numbers import NUMBER_PATTERN, SCALE_PATTERN, UNSIGNED_NUMBER_PATTERN, parse_number, scale_of
from .numwords import find_number_words
from .textutil import Spans

# "17 500 человек", "9 940 жителей", "— 7 010": thousands separated by a plain space, one
# recogniser for every context (the groups after the first are exactly three digits)
_SPACED = r"[-−–+]?\d{1,3}(?: \d{3})+(?:,\d+)?(?![\d.]\d|\d)(?! \d)"
_TOKEN = re.compile(
    rf"(?<![\w.,/$€£₸-])(?P<num>{_SPACED}|{NUMBER_PATTERN})"
    # "2023 – 11,200": a year, a spaced dash and its value, not a range
    rf"(?:(?!(?<=(?:19|20)\d\d)\s[-–—]\s)\s?[-–]\s?(?P<num2>{UNSIGNED_NUMBER_PATTERN}))?"
    # "16.4k": a "k" for thousands, written onto the number
    rf"(?:(?P<k>[kK])(?![\w])|\s*(?P<scale>{SCALE_PATTERN})(?![\w]))?"
    rf"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|процент\w*|пайыз\w*))?")
APPROX = re.compile(r"(?:approximately|about|around|nearly|almost|over|more\s+than|less\s+than|up\s+to|"
                     r"some|roughly|circa|ca\.|~|at\s+least|at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|"
                     r"около|почти|более|свыше|менее)\s*$", re.IGNORECASE)
_PERSONS = (r"people|persons?|individuals|immigrants|emigrants|migrants|citizens|nationals|residents|"
            r"foreigners|workers|employees|specialists|professionals|students|refugees|repatriates|"
            r"returnees|oralmans|arrivals|departures|visitors|tourists|graduates|newcomers|(?:re)?settlers|"
            r"compatriots|kandas(?:es)?|qandas(?:es)?|expatriates|Kazakhstanis|inhabitants|emigr[eé]s|relocants|guest\s+workers|labou?rers|"
            r"asylum\s+seekers|stateless\s+persons|labou?r\s+migrants|foreign\s+workers|"
            r"foreign\s+citizens|Russians|Germans|Ukrainians|Belarusians|Tatars|Kazakhs|Uzbeks|Kyrgyz|"
            r"Tajiks|Turkmens|Chinese|Koreans|Turks|Afghans|Indians|Pakistanis|Mongolians|"
            r"человек\w*|чел\.|мигрант\w*|иммигрант\w*|эмигрант\w*|граждан\w*|иностран\w*|работник\w*|"
            r"студент\w*|репатриант\w*|оралман\w*|кандас\w*|адам\w*|(?:этническ\w+\s+)?казах\w*|"
            # "9 274 жителя": the genitive singular after a count ending in 2, 3 or 4
            r"переселен\w*|соотечественник\w*|казахстанц\w*|жител(?:ей|и|ь|я)(?![\w])|уроженц\w*|"
            r"беженц\w*|специалист\w*|релокант\w*|выходц\w*|"
            # the people of a neighbour by its name: "2 315 узбекистанцев", "россиян", "кыргызстанцев"
            r"(?:узбекистан|кыргызстан|киргизстан|таджикистан|туркменистан)ц\w*|россиян\w*|"
            # the people of a town or region by its name: "3 940 павлодарцев", "1 200 астанчан"
            r"(?!меся|пальц)[а-яё]{4,}(?:цев|чан)(?![а-яё])|"
            # (after 2, 3 or 4: "1 874 карагандинца", "2 павлодарца")
            r"[а-яё]{3,}(?:ин|ан|ар|ай|ен|он|ов|ев)ца(?![а-яё])|"
            r"лиц(?:а)?(?![\w])|азамат\w*|қандас\w*|шетелдік\w*|маман\w*|көшіп-қонушы\w*|"
            r"(?:этникалық\s+)?қазақ(?!стан)\w*")
_PERMITS = r"work\s+permits|residence\s+permits|permits|patents|visas|разрешени\w*|патент\w*|виз\w*"
_NOT_QUALIFIER = (r"of|the|a|an|for|to|in|into|from|and|or|with|by|at|on|per|as|than|were|was|are|is|be|"
                  r"been|have|has|had|who|which|that|these|those|their|its|days?|weeks?|months?|years?|"
                  r"hours?|minutes?|times?|cases?")
_UNIT_AFTER = re.compile(
    rf"^(?:[ \t)]|\n(?![ \t]*\n))*(?:(?:foreign|labou?r|Russian|Chinese|Uzbek|Kyrgyz|Tajik|"
    rf"international|new|young|"
    rf"qualified|skilled|unskilled|low-skilled|highly\s+skilled|full-time|ethnic|Kazakh|illegal|"
    rf"seasonal|undocumented|other|more|such|registered|former|returning|working-age|permanent|"
    # Kazakh puts "more than", "nearly" after the number: "18 мыңнан астам адам"
    rf"астам|жуық\w*|шамасында|аса|"
    # "почти 600 его граждан": the people of the country just named
    rf"его|её|ее|их|"
    rf"трудоспособн\w+|этническ\w+|"
    # any Russian plural adjective before the people: "830 бывших жителей", "200 новых граждан"
    rf"[а-яё]{{2,}}(?:ых|их|ые|ие)|"
    # any other English word that qualifies the people ("290 Kazakhstan residents", "local
    # residents"), not a word of grammar or a unit of time or of things between them
    rf"(?!(?:{_NOT_QUALIFIER})\b)[A-Za-z][A-Za-z-]*)\s+){{0,2}}(?P<unit>{_PERSONS}|{_PERMITS})\b",
    re.IGNORECASE)
_OTHER_UNIT = re.compile(
    r"^[\s)]*(?:(?:calendar|working|full|more|other|long|consecutive)\s+|"
    # a Russian or Kazakh adjective before the noun: "30 календарных дней", "5 рабочих дней"
    r"[а-яё]+(?:ых|их|ые|ие|ой|ый|ий)\s+)?(?:days?|months?|years?(?!['’])|"
    r"hours?|minutes?|weeks?|km|kilomet\w+|metres|meters|countries|states|categories|codes|"
    r"firms|companies|times|cities|regions|branches|questions|interviews|participants|members|"
    r"chapters|pages|articles|stages|types|sectors|projects|projects|tenge|KZT|USD|dollars?|"
    r"US\s+dollars|euros?|rubles?|roubles?|\$|₸|billion\s+US|points?|percentage\s+points|"
    r"дней|дня|лет|год(?!ом\b)\w*|месяц\w*|стран\w*|тенге|теңге|рубл\w*|долл\w*|час\w*|недел\w*|"
    r"минут\w*|мин|секунд\w*|сағат\w*|жас(?:қа|тан)?(?![а-яәіңғүұқөһ])|жастағы|сом(?:ов|а)?(?![а-яё])|сум(?:ов|а)?(?![а-яё])|"
    r"регион\w*|област\w*|заявлени\w*|обращени\w*|семей|семьи|күн\w*|ай\b|жыл\w*|суток|сутки|тәулік\w*|"
    # the members of a body ("14 членов рабочей группы", "9 мүшесі"), as "members" in English
    r"членов|члена|мүше\w*|"
    # "до 10 числа месяца": a day of the month
    r"числа(?=\s+(?:месяца|каждого|следующего))|"
    # the monthly calculation index in which fines and fees are set
    r"MCI|MRP|МРП|АЕК|"
    # the same index written out: "70 месячных расчетных показателей", "70 айлық есептік көрсеткіш"
    r"расч[её]тн\w+\s+показател\w*|есептік\s+көрсеткіш\w*)\b|"
    # a page count in a reference: "– 280 с.", "280 стр.", "280 p.", "280 бет"
    r"^\s*(?:с|стр|p|pp)\.(?![ \t]*\d)|^\s*бет(?![а-яәіңғүұқөһ])", re.IGNORECASE)
# "from 15 to 30 MCI", "от 5 до 10 суток": the first end of a range whose unit is not people
_RANGE_TO = re.compile(r"\s*(?:to|and|or|до|или|и|бен|мен|пен|-|–)\s*\d[\d,.]*(?=\s)")
# "Анықтама телефоны: 1414", "call 109", "hotline 8 800 ...": a telephone number, not a count
# "the resettlement support line (1414)": a service line, its number in a bracket
_PHONE_BEFORE = re.compile(r"(?:телефон\w*|phone|tel\.?|hotline|helpline|call(?:\s+centre|\s+center)?|"
                           r"(?:support|help|information|info|contact|advice)\s+line|"
                           r"(?:горяч|справочн|телефонн)\w+\s+лини\w*(?:\s+[^\W\d]+){0,3}|звонит\w*|қоңырау\w*|"
                           # "Байланыс орталығы: 1414", "Contact centre: 1414": the centre's line
                           r"байланыс\w*(?:\s+орталығ\w*)?|contact\s+cent(?:re|er)|колл?-?центр\w*|"
                           # "Единый номер полиции — 102": a Russian or Kazakh "номер" is never a count
                           r"(?<![а-яё])(?:номер\w*|нөмір\w*)(?:\s+[^\W\d]+){0,2}|"
                           r"(?:emergency|police|hotline|phone|telephone|contact)\s+number)"
                           # "the hotline is 1414", "горячая линия — 1414"
                           r"\s*(?:is|was|remains|является|:|\.|-|–|—|\()?\s*(?:\+?\d[\d ]*)?$",
                           re.IGNORECASE)
_BEFORE_SKIP = re.compile(
    r"(?:No\.?|Nr\.?|№|N|p\.|pp\.|Art\.|Article|Articles|Chapter|Section|Sections|para\.|§|Expert|"
    r"page|pages|[Pp]age\s+\d+\s+of|[Сс]тр(?:аница)?\.?\s+\d+\s+из|Table|Figure|Fig\.|Appendix|Law|Resolution|Decree|Order|Code|aged|age|ages|"
    r"в\s+возрасте|возрастом|[Ii]nterviews\s+with|[Ss]urvey\s+of|[Ss]ample\s+of|опрошен\w*|"
    r"stage|\$|USD|KZT|€|£|₸|"
    # the number of an issue, not a count: "episode 47", "выпуск 12", "бюллетень № 12", "room 214"
    r"[Ee]pisode|[Ii]ssue|[Vv]ol\.|[Vv]olume|[Rr]oom|[Вв]ыпуск\w*|[Ээ]пизод\w*|[Сс]ери[яи]|"
    r"[Бб]юллетень|[Шш]ығарылым\w*|[Бб]өлім\w*|"
    # the people at a meeting: "Присутствовали: 14 человек", "Present: 12", "Қатысқандар: 9"
    r"[Пп]рисутствовал[аи]?:|[Pp]resent:|[Aa]ttendees:|[Aa]ttended\s+by|[Ққ]атысқандар:|"
    # a page in a reference or a footer: "(выдержка, с. 11-12)", "стр. 7", "Page 7 of 22", "с. 7 из 22"
    r"(?<![\w.])[сС]\.|(?:[Pp]age|[Сс]тр\.?|[Сс]траница|[Сс]\.|[Бб]ет)\s*\d{1,4}\s+(?:of|из)\s*)\s*$")
DATA_BEFORE = re.compile(
    r"(?:\(|\bwas|\bwere|\bis|\bare|\bthere\s+(?:had|has|have)\s+been|\breaching|\breached|\bamounting\s+to|\bamounted\s+to|"
    r"\btotall?ing|\btotall?ed|\bat|\bto|\bof|\bfrom|\bwith|\bnumbered|\bincreased\s+to|"
    r"\bdecreased\s+to|\brose\s+to|\bfell\s+to|\bdropped\s+to|\brecorded|-|–|:|\band|,|\bup\s+to|"
    r"\bof\s+(?:them|whom)|из\s+них|(?<![\w])олардың|\btak(?:ing|es|e)|\btook|\bequal\s+to|\bestimated\s+at|\baccount(?:ed|s)?\s+for|\breceived|\bhosted|\bagainst|\bversus|\bvs\.?|\bstood\s+at|\bпротив|—|составил\w*|составля\w*|достиг\w*|\bбыл[оаи]?|прибыл\w*|выбыл\w*|"
    r"\bдо|\bс|(?<![а-яё])и|\bжәне|\bafter|\banother|\bеще|\bещё|саны|құрады|"
    # "бұл сан 11 200 болған еді", "эта цифра 15 300": the number a sentence refers back to
    r"(?<![\w])сан|\bцифра|\bпоказатель|"
    # "около тысячи человек, точнее 1 020": the number that makes a rounded one exact
    r"\bcontributed|\b(?:fewer|more|less|lower|higher)\s+than\s+the|\bточнее|\bexactly|\bmore\s+precisely|\bровно|дәлірек|"
    # "Среди прибывших 7 420 – этнические казахи", "Among the arrivals, 7,420 were kandases"
    r"(?<![а-яё])среди\s+(?:прибывш|выбывш|приехавш|уехавш|переселивш)\w*|"
    r"\bamong\s+(?:the\s+)?(?:arrivals|newcomers|immigrants|emigrants|departures|leavers),?|"
    # "(54.8%; a year earlier 1,760)", "(годом ранее 10 230)": the number of a time of comparison
    r"\b(?:a|one|the)\s+year\s+(?:earlier|before)|\bгодом\s+ранее|\bжыл\s+бұрын|"
    # "while in 2020 only 190" (the word of degree taken out before): an elliptic clause's number
    r"(?:\bwhile|\bwhereas|,\s*(?:and|but))\s+in\s+\d{4}\s*,?|"
    # "the previous year's 15,380", "2023's 15,960": a possessive names whose number it is
    r"(?<=\w)['’]s)\s*$", re.IGNORECASE)


# a plural noun right after a bare number that is not a word for people: a count of things
# ("70 monthly calculation indices": up to two words before the plural noun)
_NOT_THINGS = (r"as|has|was|is|its|this|thus|plus|less|across|versus|minus|whereas|besides|always|"
               r"arrivals|departures|immigrants|emigrants|migrants|persons|newcomers|settlers|returnees|"
               r"kandases|oralmans|leavers|more|fewer|of|in|to|from|for|and|or|were|are|had|have|went|"
               r"moved|left|came|people|this|last|that|these|those|who|which|while|a|the|each|every")
_OTHER_PLURAL = re.compile(rf"[ \t]+(?!(?:{_NOT_THINGS})\b)(?:[a-z-]+[ \t]+(?!(?:{_NOT_THINGS})\b)){{0,2}}"
                           r"[a-z]{2,}s\b")


# "45 – на каждого члена семьи", "45 per family member": an amount per head
_PER_HEAD_AFTER = re.compile(r"\s*[—–-]?\s*(?:на\s+(?:каждого|каждую|каждый|одного|одну)(?![а-яё])|"
                             r"per\s+(?:each\s+)?(?:family\s+)?(?:member|head|person|capita)\b|"
                             r"for\s+each\s+(?:family\s+)?member\b)", re.IGNORECASE)
# a capacity: "can house 60 people", "вмещает одновременно 60 человек", "60 адам тұра алады"
_CAPACITY_BEFORE = re.compile(r"(?:\bcan\s+(?:house|accommodate|host|take\s+in)|\bcapacity\s+of|"
                              r"(?<![а-яё])(?:вмеща\w*|рассчитан\w*\s+на|сыйғыза\w*)(?:\s+одновременно)?)"
                              r"\s*(?:up\s+to\s+|до\s+)?$", re.IGNORECASE)
_CAPACITY_AFTER = re.compile(r"\s*(?:[^\W\d]+\s+){0,2}?(?:тұра\s+алады|сыя\s+алады|"
                             r"(?:can|could)\s+(?:stay|live|be\s+housed)\b|могут\s+(?:проживать|разместиться))",
                             re.IGNORECASE)
# "were 1,150 lower than a year before", "420 higher than in 2023": the size of a change, no count
_DIFFERENCE_AFTER = re.compile(r"\s+(?:lower|higher|fewer|less|more)\s+than\s+"
                               r"(?:a\s+year|the\s+year|last\s+year|in\s+\d{4}|\d{4})\b", re.IGNORECASE)
# "aged 18 to 45", "в возрасте от 18 до 45 лет": the upper end of an age range
# ("of working age, between 18 and 45": a comma or a dash after the age word)
_AGE_RANGE = re.compile(r"(?:aged|ages?|возраст\w*)[\s,:—–]*\(?\s*(?:from\s+|от\s+|between\s+)?\d{1,3}\s*"
                        r"(?:to|and|до|[-–])\s*$|"
                        # "of working age (16 to 62)": the first end of an age range in brackets
                        r"\b(?:aged?|возраст\w*)\s*\(\s*(?=$)|"
                        # an age bound: "younger than 35", "under the age of 18", "старше 60 лет"
                        r"(?:younger|older)\s+than\s*$|under\s+the\s+age\s+of\s*$|"
                        r"(?<![а-яё])(?:моложе|младше|старше)\s*$", re.IGNORECASE)
# "страны, обмен с которыми не превысил 50 человек", "countries with which the exchange did not exceed
# 50": the bound of a class of rows left out, no count
_THRESHOLD = re.compile(r"(?:(?<![а-яё])(?:с\s+которыми|в\s+которых|у\s+которых)|\bwith\s+which|\bwhose)"
                        r"[^.;\d]{0,50}?(?:(?<![а-яё])не\s+превы\w+|(?<![а-яё])менее|(?<![а-яё])меньше|"
                        r"\b(?:did|does|do)\s+not\s+exceed|\bnot\s+exceeding|\b(?:fewer|less)\s+than|\bbelow)\s*$",
                        re.IGNORECASE)
# "by age group (18-29, 30-44, 45+)": the bands of an age grouping, however many, are no counts
_AGE_BANDS = re.compile(r"(?:\bage[\s-]+(?:groups?|bands?|brackets?|cohorts?)|\bby\s+age|"
                        r"(?<![а-яё])возрастн\w+\s+(?:групп|когорт)\w*|(?<![а-яё])по\s+возрасту|"
                        r"жас\s+тоб\w*|жас\s+ерекшелі\w*)\s*[(:]\s*"
                        r"(?:\d{1,3}\s*(?:[-–]\s*\d{1,3}|\+)?\s*(?:лет|жас)?\s*[,;/]\s*)*$", re.IGNORECASE)
# "4 in 10 had lived abroad", "2 из 5 уехавших": a ratio of small numbers, neither a count
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of|из)\s+(?:every\s+)?(?P<of>\d{1,3})(?![\d,.]|\s*%)",
                          re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?<![\d,.])(?P<part>\d{1,3})\s+(?:in|out\s+of|из)\s+(?:every\s+)?$",
                           re.IGNORECASE)
# "four in ten arrivals", "one out of five emigrants": the whole of a ratio in words, no count
_RATIO_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+"
                          r"(?:every\s+)?$", re.IGNORECASE)
# a bracket after an age word that holds only ranges of ages: "(16 to 62 for men, 16 to 61 for
# women)", "(от 18 до 34 лет)"
_AGE_WORD = re.compile(r"(?:\bage|-age|ages|возраст\w*|жас\w*)\b[^()\n.;\d]{0,30}\(\s*$", re.IGNORECASE)
_AGE_RANGES = re.compile(r"(?:[^\d()]{0,30}?\d{1,3}\s*(?:to|and|до|[-–])\s*\d{1,3})+[^\d()]{0,30}")


def _in_age_bracket(text: str, start: int) -> bool:
    opened = text.rfind("(", max(0, start - 80), start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    closed = text.find(")", start, start + 120)
    return closed >= 0 and bool(_AGE_WORD.search(text, max(0, opened - 40), opened + 1)) and \
        bool(_AGE_RANGES.fullmatch(text, opened + 1, closed))


# "their median age was 31", "средний возраст — 34": an age, however it is introduced
_AGE_IS = re.compile(r"\b(?:median|average|mean)\s+age\b[^.;\d]{0,24}$|"
                     r"(?<![а-яё])(?:средн\w+|медианн\w+)\s+возраст\w*[^.;\d]{0,24}$|"
                     r"орташа\s+жас\w*[^.;\d]{0,24}$", re.IGNORECASE)
_FAMILIES = re.compile(r"\s+(?:famil(?:y|ies)|households|семей|семьи|семья|отбасы\w*|"
                       r"домохозяйств\w*)(?![\w])", re.IGNORECASE)
_PART_OF = re.compile(r"^\s*(?:of|из)\s+(?:the\s+|its\s+|their\s+|these\s+|all\s+)?", re.IGNORECASE)
_YEAR_LEAD = re.compile(r"(?:\b(?:in|by|since|of|during|until|till|from|for|after|before)|"
                        r"(?<![\w])(?:в|с|до|по|за|к))"
                        r"\s+(?:the\s+)?(?:year\s+)?$|"
                        # "In Q4 2025 arrivals totalled ...", "Jan–Sep 2026 departures": the year of a
                        # part of a year
                        rf"(?:\bQ[1-4]|\bH[12]|\b\d{{1,2}}M|\bquarter|\bhalf|\bmonths|{MONTH_EN}|"
                        r"(?<![\w])[IV]{1,3}\s*кв\.?)\s*[-–]?\s*$", re.IGNORECASE)


@dataclass
class Token:
    start: int
    end: int
    value: Decimal | None
    value_max: Decimal | None
    percent: bool
    unit: str | None
    unit_end: int
    approx: bool



# a news item's dateline at a line's start: a city in capitals, then a month ("Aug", "Aug.", "August")
# right before the day ("ASTANA, Aug 21 -", "ALMATY, 3 March (KazTAG) -" is a date the dates step takes)
_DATELINE_DAY = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]{2,30}(?:\s*\([^()\n]{1,30}\))?,[ \t]*"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+$")


def find_tokens(text: str, skip: list[tuple[int, int]]) -> list[Token]:
    """Every number that may be a figure, with its unit, outside the ``skip`` spans."""
    tokens = []
    taken = Spans(skip)
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        after = text[end:end + 40]
        if re.match(r"[A-Za-zА-Яа-я]", after[:1]) and not match.group("scale") and not match.group("k"):
            continue                      # 7th, 2023b
        if re.match(r"-[A-Za-zА-Яа-я]", after) and not re.match(r"-(?:сі|сы|і|ы|ге|ке|ға|қа|дан|ден|тан|тен)"
                                                                   r"(?![а-яёәіңғүұқөһ])", after):
            continue                      # 72-hour, 5-year; not a Kazakh case ending ("6 812-сі")
        before = text[max(0, start - 24):start]
        if re.search(r"\d:$", before) or re.match(r":\d\d(?!\d)", after):
            continue                      # "10:41 AM": a time of day
        if re.search(r"\d:\d\d(?::\d\d)?[ \t]*(?:GMT|UTC)?[ \t]*[+-]?$", before) and \
                re.fullmatch(r"[+-]?\d{4}", text[start - (before[-1:] in "+-"):end].strip()):
            continue                      # "16:05 +0500": the zone of a time of day, no count
        if before.endswith("[") and after.startswith("]") and re.fullmatch(r"\d{1,3}", match.group()):
            continue                      # "were registered.[12]": a note reference, not a count
        if _DATELINE_DAY.search(text, max(0, start - 60), start) and re.fullmatch(r"\d{1,2}", match.group()):
            continue                      # "ASTANA, Aug 21 - ...": the day of a dateline, no count
        if re.match(r"\)\s*\d{1,3}-\d{2}", after) or re.match(r"-\d{2}-\d{2}(?!\d)", after):
            continue                      # "8 (7172) 71-52-04": a telephone number
        if _BEFORE_SKIP.search(before) or _AGE_RANGE.search(before) or \
                _PHONE_BEFORE.search(text[max(0, start - 56):start]) or \
                _AGE_IS.search(text, max(0, start - 40), start) or \
                _AGE_BANDS.search(text, max(0, start - 60), start) or \
                _THRESHOLD.search(text, max(0, start - 90), start):
            continue
        if _DIFFERENCE_AFTER.match(after):
            continue                      # "1,150 lower than a year before": a difference, no count
        if _PER_HEAD_AFTER.match(after):
            continue                      # "и 45 – на каждого члена семьи": an amount per person, no count
        if _CAPACITY_BEFORE.search(before) or _CAPACITY_AFTER.match(after):
            continue                      # "a centre that can house 60 people": a capacity, no count
        if re.search(r"\bat\s+$", before) and re.match(r"(?:[-–]\d+)?\s*(?:tbl\.|tab\.|nn?\.|fig\.|"
                                                         r"\(\d{4}\)|&\s*n)", after):
            continue                      # "Annual Report 2025, at 14 tbl. 3 (2026)": a pin cite's page
        if _in_age_bracket(text, start):
            continue                      # "Working-age people (16 to 62 for men, ...)": ages
        if re.fullmatch(r"\d{1,3}", match.group()) and (
                (ratio := _RATIO_AFTER.match(after)) and int(match.group()) < int(ratio["of"]) or
                (ratio := _RATIO_BEFORE.search(before)) and int(ratio["part"]) < int(match.group())):
            continue                      # "4 in 10", "3 out of 5", "2 из 5": a ratio, no count
        if re.search(r"\b(?:under|below|above)\s*$", before) and re.fullmatch(r"\d{1,2}", match.group()) and \
                not _UNIT_AFTER.match(after):
            continue                      # "were under 35": an age bound
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", match.group()) and re.match(r"\s+[A-ZА-ЯЁ]", after) and \
                re.search(r"(?:^|\n)[ \t]*$", text[max(0, start - 12):start]):
            continue                      # "3.2 Arrivals from Russia ...": a section number
        try:
            value = parse_number(match.group("num"))
            value_max = parse_number(match.group("num2")) if match.group("num2") else None
        except ValueError:
            continue
        scale = 1000 if match.group("k") else scale_of(match.group("scale"))
        value, value_max = value * scale, (value_max * scale if value_max is not None else None)
        if value_max is not None and value_max < value:
            continue                      # "2019 - 31.9%", page ranges
        if value_max is not None and value_max < 120 and re.match(r"\s*(?:years?\s+)?[—–:-]\s*\d", after):
            continue                      # "18-29 — 4,120": the label of an age group, then its count
        percent = bool(match.group("pct"))
        unit_match = _UNIT_AFTER.match(after)
        unit = unit_match.group("unit") if unit_match else None
        if unit and _FAMILIES.match(after, unit_match.end()):
            continue                      # "420 қандас отбасы", "300 migrant families": families, not people
        if unit and (abs(value) < 10 and "\n" in after[:unit_match.start("unit")] or
                     re.search(r"\)[ \t]*\n", after[:unit_match.start("unit")])):
            # a count in a table cell, the word on the next line; "(Jan-Sep 2024: 11,860)\nDepartures":
            # the next line's label, after the bracket closed
            unit = None
        unit_end = end + unit_match.end() if unit else end
        raw = match.group("num")
        is_yearish = (re.fullmatch(YEAR, raw) is not None and not match.group("scale")
                      and not match.group("k") and not percent)
        if is_yearish and (unit is None or match.group("num2") or _YEAR_LEAD.search(before)
                           or re.match(r"\s*(?:год|г\.|жыл)", after)):
            continue                      # "In 2022 arrivals stood at ...": a year, never a count
        if match.group("k") and unit is None and re.match(r"[ \t]*[A-Za-z]", after) and \
                not re.match(r"[ \t]*(?:and|or|in|to|from|for|of|by|were|was|more|fewer|arrived|left|"
                             r"came|moved|emigrated|immigrated|departed|returned|settled|relocated)\b",
                             after):
            continue                      # "4k resolution": a "k" number before a word that is no verb
        if not percent and unit is None and _OTHER_PLURAL.match(after):
            continue                      # "640 calls", "15 schools": a count of things, not people
        if not percent and unit is None and (range_to := _RANGE_TO.match(after)) and \
                _OTHER_UNIT.match(after[range_to.end():]):
            continue                      # "from 15 to 30 MCI": the lower end of a range of things
        if not percent and unit is None and (_OTHER_UNIT.match(after) or _OTHER_UNIT.match(
                _PART_OF.sub(" ", after, count=1))):
            continue                      # "12 days", "35 of the regions"
        tokens.append(Token(start, end, value, value_max, percent, unit, unit_end,
                            bool(APPROX.search(before))))
    # "екі мың отыз адам", "eight hundred people": a count in words, with its word for people
    digits = Spans([(t.start, t.unit_end) for t in tokens])
    for start, end, value in find_number_words(text):
        unit_match = _UNIT_AFTER.match(text[end:end + 40])
        before = text[max(0, start - 24):start]
        if unit_match and not taken.overlaps(start, end) and not digits.overlaps(start, end) and \
                not _RATIO_WORDS.search(before):
            tokens.append(Token(start, end, Decimal(value), None, False, unit_match.group("unit"),
                                end + unit_match.end(), bool(APPROX.search(before))))
    return sorted(tokens, key=lambda t: t.start)
