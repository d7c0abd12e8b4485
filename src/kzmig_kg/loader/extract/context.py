"""What a figure is about: the direction of the flow and the partner country.

- ``direction_of``: the unit (``immigrants``, ``emigrants``) or the nearest flow word in the
  sentence: immigration (influx, inflow, arrivals, came from, countries of origin), emigration
  (outflow, left, destination, going to), net (net migration, migration balance, net loss);
- ``country_of``: the country next to the number (``Russia (N)``, ``N to Uzbekistan``,
  ``Russian citizens N``), else the nearest one before it in the sentence; a total (``the total
  number``) has none; Kazakhstan itself is the reporting country, not a counterpart.
"""

from __future__ import annotations

import bisect
import re

from .countries import Mention
from .tokens import Token

_FLOW = re.compile(
    r"(?P<net>net\s+migration|net\s+(?:migration\s+)?exchange|migration\s+(?:net\s+)?balance|net\s+balance|net\s+loss(?:es)?|"
    r"net\s+gain|(?:the\s+country|kazakhstan|the\s+republic)\s+gained(?=\s+\d)(?![^.;]*\blost\b)|"
    # "gained 3,720 residents through migration", "the migration gain", "In 2024 the gain was 2,270"
    r"gained\s+[\d,.\s]+(?:[a-z]+\s+){0,2}through\s+(?:net\s+)?migration|migration\s+(?:gain|loss)|"
    r"\bthe\s+(?:gain|loss)\s+(?:was|stood|came|amounted|reached)|net\s+inflow|net\s+outflow|net\s+emigration|net\s+immigration|balance|сальдо|миграционн\w+\s+прирост|"
    r"чист\w+\s+миграци\w*|таза\s+көші-қон\w*|"
    # "Баланс обмена с Россией отрицательный", "получил прирост почти в 4,9 тыс.": a balance in Russian
    r"(?<![а-яё])баланс\w*(?=\s+(?:миграци|обмен|внешн|выезд|въезд))|"
    r"(?<![а-яё])(?:получил\w*|дал[аио]?|обеспечил\w*|имел\w*)\s+(?:\w+\s+)?(?:прирост|убыль)\w*|"
    # "миграционный обмен ... остался отрицательным – минус 622": an exchange with a sign is its balance
    r"миграционн\w+\s+обмен\w*(?=[^.;\d]{0,60}?(?:отрицательн|положительн|минус|плюс))|"
    # "Обмен с Россией ... остается отрицательным: минус 4 310", "the exchange with Russia stayed
    # negative, minus 4,310": an exchange with a country, with a sign, is the balance with it
    r"(?<![а-яё])обмен\w*\s+(?:населением\s+)?(?:с|со)\s+(?=[^.;\d]{0,80}?(?:отрицательн|положительн|минус|плюс))|"
    r"\bexchange\s+(?:of\s+people\s+|of\s+population\s+)?with\s+(?=[^.;\d]{0,80}?(?:negative|positive|minus|plus|deficit|surplus))|"
    r"net\s+(?:in|out)-?migration|"
    # "Net: +550", "Net — minus 410": the label of a line of a list
    r"\bnet(?=\s*[:—–]\s*(?:[-+−]|minus\s|plus\s)?\s*\d))"
    r"|(?P<emi>lost(?=\s+\d)|потерял\w*(?=\s+\d)|emigra\w*|out-?migra\w*|mov\w*\s+out\b|out\s+of\s+(?:Kazakhstan|the\s+country)|outflows?|outward|outbound|left|leav\w+|depart\w*|destinations?|go(?:ing)?\s+to|where\s+(?:[a-z]+\s+){0,2}(?:go|head)(?=\s*[:?])|"
    r"went\s+to(?!\s+\d)|travel\w*\s+to|moved\s+abroad|(?:became|obtained|received|were\s+granted)\s+(?:permanent\s+)?"
    r"(?:residen\w+|citizenship)\s+(?:of|in)\s+(?!kazakhstan)|"
    r"(?<![а-яё])туда\b[^.;]{0,30}?(?:переех|пересел|перебрал|уех|выех|отправ)\w*|(?:moved|went|relocated|headed)\s+there|exodus|went\s+abroad|from\s+Kazakhstan|(?<!from\s)abroad|"
    r"выбы\w*|выезд\w*|эмигр[аи]\w*|уех\w*|отбыл\w*|(?<![а-яё-])за\s+рубеж(?![а-яё])|покида\w*|уезжа\w*|(?:направл|отправл)ен\w*|отправил\w*|выех\w*|покину\w*|отток\w*|(?<![а-яё])туда\s+(?:переех|пересел|перебрал)\w*|"
    r"(?:переех|пересел|перебрал|направ|отправ)\w*\s+(?:на\s+пмж\s+)?(?:в|во)\s+(?![Кк]азахстан|республику|страну)[А-ЯЁа-яё]|"
    r"қазақстаннан|шетелге|settled\s+abroad|"
    # "2,870 people gave up their residence in Kazakhstan and moved to Russia": leaving for good
    r"gave\s+up\s+(?:their|his|her)\s+(?:permanent\s+)?residen(?:ce|cy)|из\s+(?:[Кк]азахстана|республики|страны)(?![а-яё])|"
    # (at a word's start: "мемлекеттерден", states, holds "кетт")
    r"(?<![\w])(?:кетт\w*|кеткен\w*|көшт\w*|"
    # the Kazakh converb and verbal noun of leaving: "көшіп кетіп", "кетуі"
    r"кетіп|кету\w*|"
    # the conditional and the participle ("кетсе", "көшіп кететіндер"; not the auxiliary of
    # "азайып кетеді")
    r"кетсе\w*|көшіп\s+кететін\w*))"
    r"|(?P<imm>gained(?=\s+\d)|\bin-?migra\w*|mov(?:ed|ing)\s+in\b(?=\s*(?:[,.;)]|$))|immigra\w*+(?!\s+(?:data|statistics|figures|service|authorit\w*|office|department|policy|"
    r"law|rules|records))|influx\w*|inflows?|inbound|arriv\w+|(?:came|coming)(?!\s+to\s+(?:[a-z]+\s+){0,2}\d|\s+(?:next|first|second|third|fourth|fifth|last|after|before|close|top|closest|"
    r"in\s+(?:first|second|third|last)))|entered|enter|crossed|incoming|"
    r"origin|returning|returned|repatria\w*|to\s+Kazakhstan|(?:migrants|students|workers|specialists|"
    r"citizens|nationals|people|foreigners)\s+from\s+(?!Kazakhstan)|прибы\w*|иммигр[аи]\w*|въех\w*|въезд\w*|"
    r"приток\w*|из-за\s+рубежа|(?<![\w])шет\s*(?:ел|мемлекет)\w*(?:ден|нен|тен)(?![\w])|"
    # "Казахстан принял 1,7 тыс. переселенцев", "Kazakhstan received 1,700": the country takes people in
    r"(?:казахстан|республика|страна)\s+(?:принял\w*|приняла)|"
    r"kazakhstan\s+(?:received|took\s+in|welcomed|admitted|accepted)|kandas\w*|кандас\w*|қандас\w*|repatriates|returnees|оралман\w*|from\s+abroad|"
    r"(?<![а-яё])оттуда\b[^.;]{0,30}?(?:переех|пересел|перебрал|приех)\w*|приех\w*|приезжа\w*|(?<=where\s)(?:[a-z]+\s+){0,2}come\s+from(?=\s*[:?])|"
    # "Откуда едут:", "Where from:" over a list: the origins of the arrivals
    r"(?<![а-яё])откуда\s+(?:[а-яё]+\s+)?(?:едут|ехали|приезжа\w*|прибыва\w*|переезжа\w*)(?=\s*[:?])|"
    r"\bwhere\s+from(?=\s*[:?])|въезжа\w*|новосел\w*|новоприбывш\w*|вернул\w*|возвраща\w*|қазақстанға|оралд\w*|оралған\w*|newcomers|"
    r"new\s+(?:permanent\s+)?residents|"
    r"settl\w*\s+in\s+Kazakhstan|келд\w*|келген\w*|келіп|келу(?:і|ші)\w*|kandas\s+status|"
    # "одан 412 адам көшіп келсе, ...": the conditional and participle of coming (not the
    # auxiliary of "азайып келеді", "is decreasing")
    r"(?<![\w])(?:келсе\w*|көшіп\s+келетін\w*)|"
    # "14,950 received the status" (of kandas), "получили статус", "мәртебесін алды"
    r"(?:received|obtained|(?:are|is|were|was|been)\s+granted|got)\s+(?:the\s+)?(?:kandas\s+|oralman\s+)?status"
    r"(?=\s*[.,;)]|\s+of\s+(?:an?\s+)?(?:kandas|oralman|ethnic))|"
    r"получил\w*\s+статус|мәртебе\w*\s+ал(?:ды|ған)\w*|"
    r"стату\w+\s+кандас\w*|в\s+(?:[Кк]азахстан|республику|страну)(?![а-яё]))",
    re.IGNORECASE)
_FLOW_LOWER = re.compile(_FLOW.pattern.replace("Kazakhstan", "kazakhstan"))
MIGRATION = re.compile(
    r"migra|immigra|emigra|influx|inflow|outflow|arriv|left\b|leav|depart|balance|quota|permit|"
    r"border|relocat|resettl|repatria|return(?:ed|ing|ees?)?\b|came\s+(?:from|to|back)|"
    r"mov(?:e|es|ed|ing)\s+(?:to|from|abroad|away|out|in)\b|выезд|въезд|"
    r"diaspora|student|refugee|asylum|labou?r\s+force|kandas|oralman|кандас|оралман|"
    r"workers|expelled|deport|traffick|seasonal|foreigners|origin|destination|population|residing|inhabitants|"
    r"мигра|мигрир|эмигра|иммигра|прибы|выбы|отбыл|выех|уех|уезжа|покида|въех|переех|переселен|покину|населени|келд|келген|кетт|кеткен|көш|"
    r"newcomer|settler|compatriot|moved\s+there|relocated|relocant|соотечествен|релокант|беженц|приех|новосел|новоприбыв|қандас|оралд|оралған",
    re.IGNORECASE)
# "6,100 citizens aged 18 to 29 left for Russia": an age range between a count and its place or year
AGES = re.compile(r"(?<=aged )\d{1,2}\s*(?:to|and|-|–)\s*\d{1,2}|"
                  r"(?<=в возрасте )(?:от\s+)?\d{1,2}\s*(?:до|-|–)\s*\d{1,2}(?:\s+лет)?",
                  re.IGNORECASE)
TOTAL = re.compile(r"\btotal\b|\boverall\b|\ball\s+(?:immigrants|emigrants|migrants)|в\s+целом|"
                   r"(?<!прежде\s)(?<!больше\s)(?<!меньше\s)(?<!чаще\s)всего",
                    re.IGNORECASE)
ANAPHOR = re.compile(r"\btheir\s+(?:number|numbers|inflow|outflow|influx)|\bits\s+number|"
                      r"\b(?:moved|went|relocated|resettled|settled|headed|emigrated|came\s+from)\s+there\b|"
                      r"(?<![а-яё])(?:туда|оттуда)(?![а-яё])|"
                      r"\bthis\s+number|\bthese\s+numbers|\bthe\s+number\s+had\b", re.IGNORECASE)
DEMONYM_UNITS = {"russians": "RUS", "germans": "DEU", "ukrainians": "UKR", "belarusians": "BLR",
                  "kazakhs": None, "uzbeks": "UZB", "kyrgyz": "KGZ", "tajiks": "TJK",
                  "turkmens": "TKM", "chinese": "CHN", "koreans": "KOR", "turks": "TUR",
                  "afghans": "AFG", "indians": "IND", "pakistanis": "PAK", "mongolians": "MNG"}



def flow_words(text: str) -> list[tuple[int, int, str]]:
    """The flow words of a text (start, end, direction), found once for all its figures.

    The search runs on the lower-cased text (much faster than a case-insensitive search) when
    lower-casing keeps every offset; otherwise case-insensitively."""
    low = text.lower()
    matches = _FLOW_LOWER.finditer(low) if len(low) == len(text) else _FLOW.finditer(text)
    names = {"net": "net", "emi": "emigration", "imm": "immigration"}
    return [(m.start(), m.end(), names[m.lastgroup]) for m in matches
            if not _NAMED_REPUBLIC.match(text, m.end())]


# "в Республику Беларусь", "из Республики Корея": a republic named after the word is not Kazakhstan
_NAMED_REPUBLIC = re.compile(r"(?:(?<=[Рр]еспублику)|(?<=[Рр]еспублики)|(?<=[Сс]трану)|(?<=[Сс]траны))"
                             r"\s+(?!Казахстан)[А-ЯЁ]")


_FORMAL_NAME = re.compile(r"\s(?:the\s+)?(?:Federal\s+)?Republic\s+of\s+$")

# a Kazakh finite verb of leaving or coming, which ends its clause
_KK_FINITE = re.compile(r"(?:кетт|келд|кеткен|келген|кетсе|келсе)[а-яәіңғүұқөһ]*(?=\s*[.,;!?]|\s*$)")


def direction_of(unit: str | None, text: str, words: list[tuple[int, int, str]],
                 span: tuple[int, int], position: int) -> str | None:
    """The direction of the figure at ``position``: its unit's, else that of the nearest flow word
    in ``span`` of ``text`` (``words`` from ``flow_words``), preferring words before it."""
    if unit:
        low = unit.lower()
        if low.startswith(("immigra", "иммигра", "arriv", "repatria", "returnee", "oralman", "кандас",
                           "репатриант", "оралман")):
            return "immigration"
        if low.startswith(("emigra", "эмигра", "depart")):
            return "emigration"
    best: tuple[int, str] | None = None
    first = bisect.bisect_left(words, (span[0], -1, ""))
    last = bisect.bisect_left(words, (span[1], -1, ""))
    for start, end, name in words[first:last]:
        if end > span[1]:
            continue
        if start <= position and "\n" in text[end:position] and _dash_labelled(text, position):
            distance = position - end + 200   # "16,410 — people who ...": the line above is another item
        elif start <= position:
            gap = text[end:position]
            distance = position - end + (40 if re.search(r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s*as\s|"
                                                       r"(?<!\w)(?:а|но|ал|тогда\s+как)(?!\w)", gap) else
                                         # "8 850 адам келді, 13 680 адам кетті": another clause's verb
                                         8 if "," in gap else 0)
        elif "\n" in text[position:start]:
            distance = (start - position) * 2 + 100   # a word of the next line: another list item's
        elif start - position <= 60 and _KK_FINITE.match(text, start) and \
                not re.search(r"[,;.:]", text[position:start]):
            # Kazakh puts the verb last: "197 адам сол елге көшіп кетті" is its own clause's flow
            distance = (start - position) // 4
        # (not across a comma right after the number: "arrivals totalled 4,210, departures 3,180")
        elif re.fullmatch(r"[-−–]?\d(?:[\d.,\u00a0 ]*\d)?\s*(?:[^\W\d]+\s+){0,3}|[\w\s]{0,24}|"
                          r"\d[\d.,]*\s+(?:thousand|million|тыс\.?|млн\.?)\s+",
                          text[position:start]) and start - position <= 32:
            distance = (start - position) // 2   # "205 thousand of them left": the verb right after
        else:
            distance = (start - position) * 2 + 30
        if name == "net":
            distance -= 25
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


# a verb or noun of moving that says nothing of its direction by itself
_MOVE = re.compile(r"\b(?:mov\w*|relocat\w*|resettl\w*|settl\w*|migrat\w*|went|gone|go(?:es|ing)?|"
                   r"head\w*|took\s+up|taken\s+up|permanent\s+residen\w*|sent|send\w*)\b|"
                   r"(?<![а-яё])(?:переех\w*|пересел\w*|переезж\w*|перебрал\w*|переезд\w*|мигрир\w*)|"
                   r"қоныс\s+аудар\w*|көш\w*|бар(?:ды|ған)\w*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|а|и|но|ал)\s|\s(?:while|whereas)\s|"
                           # "received 2,030 from China and sent 640 to Belarus": a second verb
                           r"\sand\s+(?=(?:[a-z]+ed|sent|went|left|came|took|lost|got)\b)|"
                           r"(?<![а-яё])и\s+(?=[а-яё]+(?:ли|ло|ла)(?![а-яё]))",
                           re.IGNORECASE)
_TOWARD = re.compile(r"(?:\b(?:to|for|into|in)|(?<![а-яё])(?:в|во))\s+(?:the\s+)?$", re.IGNORECASE)
_AWAY = re.compile(r"(?:\bfrom|(?<![а-яё])из)\s+(?:the\s+)?$", re.IGNORECASE)
_KK_TOWARD = re.compile(r"(?:ға|ге|қа|ке)$")
_KK_AWAY = re.compile(r"(?:дан|ден|тан|тен|нан|нен)$")


# Kazakhstan named without its name: "here", "the Central Asian nation", "в республику", "елге"
_HOME = r"(?:the\s+(?:[A-Z]\w+\s+){0,2}(?:country|nation|republic))"
_HOME_TOWARD = re.compile(rf"\bhere\b|\b(?:to|in|into)\s+{_HOME}|"
                          r"(?<![а-яё])(?:сюда|к\s+нам|в\s+(?:страну|республику))(?![а-яё])|"
                          r"(?<![\w])(?:елге|бізге)(?![\w])")
_HOME_AWAY = re.compile(rf"\bfrom\s+{_HOME}|(?<![а-яё])из\s+(?:страны|республики)(?![а-яё])|"
                        r"(?<![\w])елден(?![\w])")


def clause_of(text: str, span: tuple[int, int], position: int) -> tuple[int, int]:
    """The clause of ``span`` around ``position``: "9,940 resettled in Russia, and 2,905 relocated
    here" has two."""
    start, end = span
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, start, position)), default=start)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(text, position, end)), end)
    return start, end


# leaving a country named right after the verb: "покинули Кыргызстан", "left Kyrgyzstan"
_LEFT_AFTER = re.compile(r"\s+покинул\w*", re.IGNORECASE)     # "Кыргызстан покинули 9 800"
_LEFT_PLACE = re.compile(r"(?:\bleft|(?<![а-яё])покинул\w*)\s+(?:the\s+)?$", re.IGNORECASE)
_TO_KAZAKHSTAN = re.compile(r"\b(?:to|into)\s+Kazakhstan\b|(?<![а-яё])(?:в|во)\s+Казахстан(?![а-яё])|"
                            r"Қазақстанға|(?<![а-яё])к\s+нам(?![а-яё])")


def leaves_a_foreign_country(text: str, places: list[Mention], clause: tuple[int, int], position: int,
                             code: str | None) -> bool:
    """Whether the movement of the clause around ``position`` leaves the foreign country ``code`` (any
    when None)
    for no stated place in Kazakhstan ("В 2024 году Кыргызстан покинули 9 800 человек" in a Bishkek
    item, "из Узбекистана выехали 120 тыс."): that country's own emigration, not Kazakhstan's."""
    start, end = clause_of(text, clause, position)
    # up to the first comma after the number: "..., из них в Казахстан – 4 460" is another clause
    stop = re.compile(r"[,;:–—]\s").search(text, position, end)
    end = stop.start() if stop else end
    if _TO_KAZAKHSTAN.search(text, start, end) or _HOME_TOWARD.search(text, start, end) or \
            _HOME_AWAY.search(text, start, end) or \
            any(m.place.code == "KAZ" and start <= m.start < end for m in places):
        return False
    for mention in places:
        if (code and mention.place.code != code) or mention.place.code == "KAZ" or mention.place.is_group or \
                not start <= mention.start < end:
            continue
        before = text[max(start, mention.start - 12):mention.start]
        word = text[mention.start:mention.end].lower()
        leaving = _LEAVING_AFTER.match(text, mention.end)
        if _LEFT_PLACE.search(before) or _LEFT_AFTER.match(text, mention.end) or \
                leaving and (_AWAY.search(before) or _KK_AWAY.search(word)):
            return True
    return False


# the verb of leaving right after the country left: "из Узбекистана выехали", "Қырғызстаннан кетті"
_LEAVING_AFTER = re.compile(r"\s+(?:выехал\w*|уехал\w*|эмигрировал\w*|emigrated\b|кетт\w*|көшіп\s+кетт\w*)",
                            re.IGNORECASE)


def direction_by_place(text: str, places: list[Mention], clause: tuple[int, int],
                       position: int) -> str | None:
    """The direction of a movement in ``clause`` whose verb does not say it ("relocated",
    "переселились", "қоныс аударды"), from where it goes: to a foreign country, emigration; from
    one, immigration; to Kazakhstan or "here", immigration; from Kazakhstan, emigration."""
    start, end = clause_of(text, clause, position)
    if not _MOVE.search(text, start, end):
        return None
    if _HOME_TOWARD.search(text, start, end):
        return "immigration"
    if _HOME_AWAY.search(text, start, end):
        return "emigration"
    near = sorted((m for m in places if start <= m.start and m.end <= end),
                  key=lambda m: abs(m.start - position))
    for mention in near:
        before = text[max(start, mention.start - 12):mention.start]
        word = text[mention.start:mention.end].lower()
        toward = bool(_TOWARD.search(before)) or bool(_KK_TOWARD.search(word))
        away = bool(_AWAY.search(before)) or bool(_KK_AWAY.search(word))
        if toward == away:
            continue
        home = mention.place.code == "KAZ"
        return "immigration" if toward == home else "emigration"
    return None


_SHARE = re.compile(r"\s*\((?:[^()\d]{0,12})?[\d.,]+\s*%\)")


# a conjunction of contrast opens a clause about something else, unless it points back to the
# same partner ("тогда как в обратном направлении — 240")
_CONTRAST = re.compile(r"\b(?:whereas|while)\b|(?<![а-яё])(?:тогда\s+как|в\s+то\s+время\s+как)(?![а-яё])|"
                       r",\s*(?:а|но|ал|алайда)\s", re.IGNORECASE)
_SAME_PARTNER = re.compile(r"\b(?:opposite|reverse|other)\s+direction|\bthere\b|\bthe\s+same\s+country|"
                           r"(?<![а-яё])(?:обратном\s+направлении|туда|оттуда|противоположн\w+)(?![а-яё])|"
                           r"кері\s+бағыт\w*|ол\s+жаққа|ол\s+жақтан", re.IGNORECASE)


# "..., а в 2022 году — 14 018", "while in 2022, 14,018": a clause of a time and a number alone
# leaves out its verb and places, which are those of the clause before
_TIME_ONLY = re.compile(r"\s*(?:(?:в|во|за|in|for|by)\s+)?(?:the\s+)?(?:\d{4}(?:-?(?:м|м\s+году|го))?|"
                        r"(?:прошлом|позапрошлом|предыдущем|previous|last|prior)\s+(?:году|year))"
                        r"(?:\s*(?:году|г\.|год|жылы))?"
                        # "а в 2020-м — лишь 190", "but in 2020 only 190": a word of degree before the number
                        r"\s*[—–:,-]?\s*(?:лишь|только|уже|ещё|еще|всего|около|почти|свыше|более|only|just|"
                        r"about|nearly|almost|some|over)?\s*", re.IGNORECASE)


_EXCHANGE_WITH = re.compile(r"(?:exchange|balance|обмен\w*|сальдо|алмасу\w*)\s+(?:[^\W\d]+\s+){0,3}?"
                            r"(?:with|с|со)\s+(?:the\s+)?\Z", re.IGNORECASE)


_KK_CASE = re.compile(r"[а-яәіңғүұқөһё](?:ға|ге|қа|ке|на|не|дан|ден|тан|тен|нан|нен)(?![а-яәіңғүұқөһё])")


# a number at the start of its line, after at most a bullet or a sign
_LEADS_ITS_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[-•*▪►]\s*)?[+−-]?$")
# "16,410 — people who ...", "4,460: arrivals": a number labelled after a dash or a colon (hard-wrapped
# prose, "12,810, from Turkmenistan", goes on after a comma or a word)
_DASH_LABEL = re.compile(r"[ \t]*[—–:][ \t]+\S")
# "— arrivals from ", " – departures to the ", ": прибыло из ": the label of a number, up to its place
_LABEL_AFTER = re.compile(r"\s*[—–:-]\s*(?:[^\W\d]+\s+){0,4}(?:from|to|in|for|из|в|во|с)\s+(?:the\s+)?",
                          re.IGNORECASE)


_WHOLE_BEFORE = re.compile(r"\bout\s+of\s+(?:a\s+total\s+of\s+|the\s+)?$|"
                           r"(?<![а-яё])из\s+(?:общего\s+числа|всех)\s+$", re.IGNORECASE)
_WHOLE_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:in\s+total|in\s+all|altogether|overall)\b|"
                          r"\s*(?:всего|в\s+целом|в\s+общей\s+сложности)(?![а-яё])",
                          re.IGNORECASE)


def _dash_labelled(text: str, position: int) -> bool:
    """Whether the number at ``position`` opens its line and a dash or a colon labels it."""
    if not _LEADS_ITS_LINE.search(text, max(0, position - 12), position):
        return False
    number = re.match(r"[+−-]?\d(?:[\d.,\u00a0]| (?=\d))*", text[position:position + 24])
    return bool(number) and bool(_DASH_LABEL.match(text, position + number.end()))


# "Ресей Федерациясына", "Беларусь Республикасынан": a Kazakh formal name declines its last word
_KK_FORMAL = re.compile(r"\s+(?:Федерация|Республика)(?:сы|сын)[а-яәіңғүұқөһ]*")


def _kk_name_end(text: str, mention: Mention) -> int:
    """Where a Kazakh name ends with the formal word after it, which takes the case ending."""
    formal = _KK_FORMAL.match(text, mention.end)
    return formal.end() if formal else mention.end


# "4 580 адам — Ресейді таңдады": a Kazakh place in the accusative before "chose"
_KK_CHOSE = re.compile(r"[а-яәіңғүұқөһ]{0,4}\s+таңда\w*", re.IGNORECASE)
_KK_MOVE_AFTER = re.compile(r"[\w]*\s+(?:[\w]+\s+)?(?:қоныс\s+аудар|көш|кет|кел|бар|жол\s+тарт)\w*")


def country_of(text: str, token: Token, places: list[Mention], sentence: tuple[int, int]
                ) -> tuple[Mention | None, str]:
    """The place a number is about, and how it was found."""
    s_start, _ = sentence
    candidates = [p for p in places if p.place.code != "KAZ"]
    previous = [p for p in candidates if s_start <= p.start and p.end <= token.start]
    if _dash_labelled(text, token.start):
        # "4,460 — arrivals from Uzbekistan": a number that opens its line is labelled after it, on
        # that line; the lines above are other items of the list
        line_start = text.rfind("\n", 0, token.start) + 1
        previous = [p for p in previous if p.start >= line_start]
        line_end = text.find("\n", token.unit_end)
        line_end = len(text) if line_end < 0 else line_end
        for mention in candidates:
            if token.unit_end <= mention.start < line_end and _LABEL_AFTER.fullmatch(
                    text, token.unit_end, mention.start):
                return mention, "after"
    # "Russia (108,724)", "Russian citizens (2,900,000 people)"
    if previous and re.fullmatch(r"\s*(?:\w+\s+){0,1}\(\s*", text[previous[-1].end:token.start]):
        return previous[-1], "next"
    # "47,000 to Uzbekistan", "639 immigrants from Tajikistan", "5,000 individuals travel to the UK"
    for mention in candidates:
        # 50: "1 102 бывших жителя республики обосновались в Германии"
        if token.unit_end <= mention.start <= token.unit_end + 50:
            # an age range or a bracketed share between the count and its place: "9,940 (72.7%) settled in"
            gap = _SHARE.sub("", AGES.sub("aged", text[token.unit_end:mention.start]))
            # ("117 to the Republic of Belarus": a formal name)
            gap = _FORMAL_NAME.sub(" ", gap)
            if re.fullmatch(r"\)?\s+(?:[a-z]+\s+|Kazakhstan\s+){0,4}(?:to|from|in|for)\s+(?:the\s+)?",
                            gap) or \
                    re.fullmatch(r",\s+(?:went|moved|left|came|arrived|emigrated|relocated|returned|settled|"
                                 r"headed)\s+(?:back\s+)?(?:to|from|for)\s+(?:the\s+)?", gap) or \
                    "(" in text[max(0, token.start - 8):token.start] and re.fullmatch(
                        r"(?:,[^()\n\d]{0,8}\d[^()\n]{0,40})?\)\s+(?:went|moved|emigrated|relocated|headed|came|"
                        r"arrived|settled)\s+(?:back\s+)?(?:to|from|for|in)\s+(?:the\s+)?", gap) or \
                    re.fullmatch(r"[\s,)]+(?:[—–-]\s+(?:[а-яё]+\s+){0,3}|(?!в\s+том\s+числе|из\s+них|[иа]\s|остальн|прочи|други)(?:[а-яё]+\s+){1,3})"
                                 r"(?:в|во|из|на)\s+", gap) or \
                    re.fullmatch(r"\s+(?!в\s+том\s+числе|из\s+них|[иа]\s|остальн|прочи|други)(?:[а-яё]+\s+){4}"
                                 r"(?:в|во|из|на)\s+", gap) or \
                    (token.unit and re.fullmatch(r"\s+(?:из|в|во)\s+", gap)) or \
                    (token.unit and re.fullmatch(r"\s+(?:и|или)\s+(?:выходц|уроженц)\w+\s+из\s+", gap)) or \
                    re.fullmatch(r"\s+(?:из\s+них|of\s+them|олардың)\s+(?:[^\W\d]+\s+){1,2}(?:в|во|to|for)\s+"
                                 r"(?:the\s+)?", gap) or \
                    re.fullmatch(r"-[а-яәіңғүұқөһ]{1,3}\s+|\s+(?:жуығы|астамы|шамасы)\s+", gap) or \
                    re.fullmatch(r"(?:-[а-яәіңғүұқөһ]{1,3})?\s*(?:[—–-]\s*)?", gap) and \
                    _KK_CASE.search(text[mention.start:_kk_name_end(text, mention) + 4]) is not None or \
                    re.fullmatch(r"\)?\s+(?:[а-яёa-z]+\s+){0,2}(?:выбрал\w*|предпоч\w*|chose|preferred|picked)\s+",
                                 gap) or \
                    re.fullmatch(r"\s*[—–-]?\s*", gap) and _KK_CHOSE.match(text, mention.end) or \
                    re.fullmatch(r",\s+", gap) and \
                    _KK_CASE.search(text[mention.start:_kk_name_end(text, mention) + 4]) and \
                    _KK_MOVE_AFTER.match(text, _kk_name_end(text, mention)):
                # "6 240 граждан и выходцев из Узбекистана": one group named twice, then its place;
                # "Most of those who left (about 1,350, or 84% of all departures) went to the Russian
                # Federation": the bracket's number, its verb after the bracket;
                # "басым бөлігі, яғни 2 530 адам, Ресейге қоныс аударды": the apposition's place and
                # verb come after it
                # "2 870 переселенцев из Китая": the unit, then the place; "свыше 9 тыс. из них выехали в
                # Россию", "2,100 of them went to Germany": the part's place; "олардың 1 903-і —
                # Ресейге": a Kazakh place in the dative or ablative after a dash
                return mention, "after"
            break
    # "2,870 people gave up their residence in Kazakhstan and moved to Russia": the place of the
    # number's own second verb, in one clause of words
    for mention in candidates:
        if token.unit_end <= mention.start <= token.unit_end + 90 and re.fullmatch(
                r"\s+(?:[a-z]+\s+|Kazakhstan\s+){1,6}and\s+(?:moved|went|emigrated|relocated|headed|settled)\s+"
                r"(?:back\s+)?(?:to|for|in)\s+(?:the\s+)?", text[token.unit_end:mention.start]):
            return mention, "after"
    # "+3,808 / Kazakhstan's net gain from its migration exchange with Uzbekistan": the partner of the
    # exchange (or balance) the number is, later in its own sentence
    s_end = sentence[1]
    for mention in candidates:
        if token.unit_end <= mention.start <= min(token.unit_end + 90, s_end) and \
                _EXCHANGE_WITH.search(text, token.unit_end, mention.start) and \
                not re.search(r"\d|[;.]\s", text[token.unit_end:mention.start]) and \
                not _OTHER_CLAUSE.search(text, token.unit_end, mention.start):
            return mention, "after"
    # "out of 5,048 departures in total", "из общего числа 5 048": the whole the parts were of
    if _WHOLE_BEFORE.search(text, max(s_start, token.start - 30), token.start) or \
            _WHOLE_AFTER.match(text, token.unit_end):
        return None, ""
    # "from Turkmenistan 2,058", "China at 33,357", "Russian immigrants was 9,769", "China - 172 thousand"
    if previous:
        mention = previous[-1]
        gap = text[mention.end:token.start]
        after = re.split(r"[,;.]", text[token.unit_end:token.unit_end + 40], maxsplit=1)[0]
        contrast = _CONTRAST.search(gap)
        if contrast and not _SAME_PARTNER.search(f"{gap} {after}") and \
                not _TIME_ONLY.fullmatch(gap, contrast.end()):
            return None, ""         # "22 090 — в Россию, тогда как приток составил 14 570": another subject
        if re.search(r"\n[ \t]*(?:[-•*–]|\d{1,2}[.)])\s|\n[^\n]{1,40}[:—–]", gap):
            # "- From Turkmenistan: 1,930\n- Settled ...: 2,380", "Germany, 800\nImmigration: 18,140":
            # the number is on a line of its own
            return None, ""
        if len(gap) <= 45 and not re.search(r"\d|[;.]\s|\band\b|\bwhile\b|\bbut\b", gap) and \
                not TOTAL.search(gap):
            return mention, "next"
        if TOTAL.search(gap):
            return None, ""
        if ";" in gap and _HOME_END.search(gap.rsplit(";", 1)[1]):
            # "Доля России снизилась до 72,3%; в 2024 году из республики выбыли 15 870": the clause
            # of the number names Kazakhstan as its end, and the place of the clause before is no partner
            return None, ""
        return mention, "before"
    return None, ""


_HOME_END = re.compile(r"(?<![а-яё])(?:из|в)\s+(?:республики|республику|страны|страну|Казахстана|Казахстан)"
                       r"(?![а-яё])|\b(?:from|left|leaving)\s+(?:the\s+country|Kazakhstan)\b", re.IGNORECASE)


# "a net gain of 6,830, whereas the exchange with Russia ...": a contrast opens another clause,
# whose exchange is not the number's
_OTHER_CLAUSE = re.compile(r"\b(?:whereas|while|but)\b|(?<![а-яё])(?:тогда\s+как|в\s+то\s+время\s+как|"
                           r"однако|но|а)(?![а-яё])|(?<![\w])(?:ал|алайда)(?![\w])", re.IGNORECASE)


# "the balance between the two countries": Kazakhstan and the one partner named just before
TWO_COUNTRIES = re.compile(r"\bbetween\s+the\s+two\s+countries\b|(?<![\w])екі\s+ел\s+арасында\w*|"
                           r"(?<![а-яё])между\s+(?:двумя|обеими)\s+странами(?![а-яё])", re.IGNORECASE)
TWO_COUNTRIES_BACK = 600
