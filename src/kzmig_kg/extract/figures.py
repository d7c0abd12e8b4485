"""Step 5: numeric claims about migration: value, unit, country, year or period, direction, change.

A figure is a number written with its unit (``4,346 people``, ``40 thousand students``, ``up to
30,000 people per day``), or a bare number in a migration sentence where data stand: in brackets
after a country (``Russia (108,724)``), after a country (``from Turkmenistan 2,058``, ``China at
33,357``, ``China - 172 thousand``) or after a verb of amount (``was 155,749``, ``reaching
2,789``, ``amounting to 11,370``). "thousand", "million" and "billion" (and тыс., млн) are
resolved; signs are kept; "net losses of N" is negative.

Its context is its sentence (and, for a year or country the sentence leaves out, the sentences
before it in the paragraph):

- direction: the unit (``immigrants``, ``emigrants``) or the nearest flow word: immigration
  (influx, inflow, arrivals, came from, countries of origin), emigration (outflow, left,
  destination, going to), net (net migration, migration balance, net loss);
- country: the country next to the number (``Russia (N)``, ``N to Uzbekistan``, ``Russian
  citizens N``), else the nearest one before it in the sentence, as ISO alpha-3; a total
  (``the total number``) has none; Kazakhstan itself is the reporting country, not a counterpart;
- year or period: ``in 2005`` right after the number, ``in 2009 (33,985)``, else the nearest year
  before it in the sentence (``between 2004 and 2010`` gives a period); years of references
  (``Rowland (2001)``, ``(IOM, 2019, p. 16)``) and of comparisons (``compared to 2019``) are not
  the figure's year; in ``from A to B in 2020``, A is the year before;
- stated change: a percentage after a change word (``increased by 13.38%``, ``a decrease of
  25.14%``) belongs to the value it leads to (``by 66.82% to 10,962 people``, ``90.45% (4,565
  people)``) or follows (``China (3,015 people) with an increase of 42.62%``); a change with no
  value is a figure of its own with no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .countries import Mention, find_places
from .dates import YEAR
from .numbers import NUMBER_PATTERN, SCALE_PATTERN, UNSIGNED_NUMBER_PATTERN, parse_number, scale_of
from .textutil import Sentences

_TOKEN = re.compile(
    rf"(?<![\w.,/$€£₸-])(?P<num>{NUMBER_PATTERN})"
    rf"(?:\s?[-–]\s?(?P<num2>{UNSIGNED_NUMBER_PATTERN}))?"
    rf"(?:\s*(?P<scale>{SCALE_PATTERN})(?![\w]))?"
    rf"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|процент\w*))?")
_APPROX = re.compile(r"(?:approximately|about|around|nearly|almost|over|more\s+than|less\s+than|up\s+to|"
                     r"some|roughly|circa|ca\.|~|at\s+least|at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|"
                     r"около|почти|более|свыше|менее)\s*$", re.IGNORECASE)
_PERSONS = (r"people|persons?|individuals|immigrants|emigrants|migrants|citizens|nationals|residents|"
            r"foreigners|workers|employees|specialists|professionals|students|refugees|repatriates|"
            r"returnees|oralmans|arrivals|departures|visitors|tourists|graduates|"
            r"asylum\s+seekers|stateless\s+persons|labou?r\s+migrants|foreign\s+workers|"
            r"foreign\s+citizens|Russians|Germans|Ukrainians|Belarusians|Tatars|Kazakhs|Uzbeks|Kyrgyz|"
            r"Tajiks|Turkmens|Chinese|Koreans|Turks|Afghans|Indians|Pakistanis|Mongolians|"
            r"человек|чел\.|мигрант\w*|иммигрант\w*|эмигрант\w*|граждан\w*|иностран\w*|работник\w*|"
            r"студент\w*|репатриант\w*|оралман\w*|кандас\w*")
_PERMITS = r"work\s+permits|residence\s+permits|permits|patents|visas|разрешени\w*|патент\w*|виз\w*"
_UNIT_AFTER = re.compile(
    rf"^(?:[ \t)]|\n(?![ \t]*\n))*(?:(?:foreign|labou?r|Russian|Chinese|Uzbek|Kyrgyz|Tajik|"
    rf"international|new|young|"
    rf"qualified|skilled|unskilled|low-skilled|highly\s+skilled|full-time|ethnic|Kazakh|illegal|"
    rf"seasonal|undocumented|other|more|such|registered)\s+){{0,2}}(?P<unit>{_PERSONS}|{_PERMITS})\b",
    re.IGNORECASE)
_OTHER_UNIT = re.compile(
    r"^[\s)]*(?:(?:calendar|working|full|more|other|long|consecutive)\s+)?(?:days?|months?|years?|"
    r"hours?|minutes?|weeks?|km|kilomet\w+|metres|meters|countries|states|categories|codes|"
    r"firms|companies|times|cities|regions|branches|questions|interviews|participants|members|"
    r"chapters|pages|articles|stages|types|sectors|projects|projects|tenge|KZT|USD|dollars?|"
    r"US\s+dollars|euros?|rubles?|roubles?|\$|₸|billion\s+US|points?|percentage\s+points|"
    r"дней|дня|лет|год\w*|месяц\w*|стран\w*|тенге|рубл\w*|долл\w*)\b", re.IGNORECASE)
_BEFORE_SKIP = re.compile(
    r"(?:No\.?|Nr\.?|№|N|p\.|pp\.|Art\.|Article|Articles|Chapter|Section|Sections|para\.|§|Expert|"
    r"page|pages|Table|Figure|Fig\.|Appendix|Law|Resolution|Decree|Order|Code|aged|age|ages|"
    r"stage|\$|USD|KZT|€|£|₸)\s*$")
_DATA_BEFORE = re.compile(
    r"(?:\(|\bwas|\bwere|\bis|\bare|\breaching|\breached|\bamounting\s+to|\bamounted\s+to|"
    r"\btotall?ing|\btotall?ed|\bat|\bto|\bof|\bfrom|\bwith|\bnumbered|\bincreased\s+to|"
    r"\bdecreased\s+to|\brose\s+to|\bfell\s+to|\bdropped\s+to|\brecorded|-|–|:|\band|,|\bup\s+to|"
    r"\bequal\s+to|\bestimated\s+at)\s*$", re.IGNORECASE)
_FLOW = re.compile(
    r"(?P<net>net\s+migration|migration\s+(?:net\s+)?balance|net\s+balance|net\s+loss(?:es)?|"
    r"net\s+gain|net\s+inflow|net\s+outflow|balance|сальдо|миграционн\w+\s+прирост)"
    r"|(?P<emi>emigra\w*|outflows?|outward|left|leav\w+|depart\w*|destinations?|go(?:ing)?\s+to|"
    r"went\s+to|travel\w*\s+to|moved\s+abroad|exodus|went\s+abroad|from\s+Kazakhstan|abroad|"
    r"выбы\w*|эмигра\w*|уех\w*|отток\w*)"
    r"|(?P<imm>immigra\w*|influx\w*|inflows?|arriv\w+|came|coming|entered|enter|crossed|incoming|"
    r"origin|returning|returned|repatria\w*|to\s+Kazakhstan|(?:migrants|students|workers|specialists|"
    r"citizens|nationals|people|foreigners)\s+from\s+(?!Kazakhstan)|прибы\w*|иммигра\w*|въех\w*|"
    r"приток\w*)",
    re.IGNORECASE)
_MIGRATION = re.compile(
    r"migra|immigra|emigra|influx|inflow|outflow|arriv|left\b|leav|depart|balance|quota|permit|"
    r"border|relocat|resettl|repatria|returne?d?\b|diaspora|student|refugee|asylum|labou?r\s+force|"
    r"workers|expelled|deport|traffick|seasonal|foreigners|origin|population|residing|inhabitants|"
    r"мигра|эмигра|иммигра|прибы|выбы|населени",
    re.IGNORECASE)
_CHANGE = re.compile(
    r"(?P<up>increas\w*|growth|grew|grow\w*|rise|rose|rising|higher|jump\w*|surg\w*|up|рост\w*|"
    r"увелич\w*|выро\w*)|(?P<down>decreas\w*|declin\w*|drop\w*|fell|fall\w*|reduc\w*|lower|down|"
    r"loss|снижен\w*|сократ\w*|уменьш\w*|сниз\w*)", re.IGNORECASE)
_CHANGE_WORD = re.compile(_CHANGE.pattern, re.IGNORECASE)
_TOTAL = re.compile(r"\btotal\b|\boverall\b|\ball\s+(?:immigrants|emigrants|migrants)|в\s+целом|всего",
                    re.IGNORECASE)
_YEAR_RE = re.compile(rf"(?<![\d.,/-])(?P<y>{YEAR})(?P<suffix>[a-c]?)(?![\d])(?!,\d{{3}})")
_PERIOD = re.compile(
    rf"(?:between|from|for|in|during|over)?\s*(?P<a>{YEAR})\s*(?:[-–]|to|and|through|until|till)\s*"
    rf"(?P<b>{YEAR})(?![\d])", re.IGNORECASE)
_COMPARED = re.compile(r"(?:compared\s+(?:to|with)|than(?:\s+in)?|relative\s+to|from|since|vs\.?|"
                       r"versus|as\s+against|over)\s*(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)
_FILLER = r"(?:\s|only|about|approximately|nearly|almost|another|a\s+further|around|slightly|just|some)*"
_PCT_JOIN = re.compile(rf"^\s*(?:(?:in|by)\s+{YEAR}\s*)?(?:,|and|,\s*and)\s*(?:(?:in|by)\s+{YEAR}\s*,?\s*)?"
                       rf"(?:by\s*)?{_FILLER}$", re.IGNORECASE)
_ANAPHOR = re.compile(r"\btheir\s+(?:number|numbers|inflow|outflow|influx)|\bits\s+number|"
                      r"\bthis\s+number|\bthese\s+numbers|\bthe\s+number\s+had\b", re.IGNORECASE)
_DEMONYM_UNITS = {"russians": "RUS", "germans": "DEU", "ukrainians": "UKR", "belarusians": "BLR",
                  "kazakhs": None, "uzbeks": "UZB", "kyrgyz": "KGZ", "tajiks": "TJK",
                  "turkmens": "TKM", "chinese": "CHN", "koreans": "KOR", "turks": "TUR",
                  "afghans": "AFG", "indians": "IND", "pakistanis": "PAK", "mongolians": "MNG"}


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


@dataclass
class FigureFound:
    start: int
    end: int
    value: Decimal | None
    unit: str
    country: str | None = None
    country_name: str | None = None
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    direction: str | None = None
    stated_change_pct: Decimal | None = None
    value_max: Decimal | None = None
    measure: str | None = None
    subject: str | None = None
    rate: str | None = None
    approx: bool = False
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    year_source: str = ""
    country_source: str = ""
    direction_source: str = ""
    merged: bool = False


def _tokens(text: str, skip: list[tuple[int, int]]) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in skip):
            continue
        after = text[end:end + 40]
        if re.match(r"[A-Za-zА-Яа-я]", after[:1]) and not match.group("scale"):
            continue                      # 7th, 2023b
        if re.match(r"-[A-Za-zА-Яа-я]", after):
            continue                      # 72-hour, 5-year
        before = text[max(0, start - 24):start]
        if _BEFORE_SKIP.search(before):
            continue
        try:
            value = parse_number(match.group("num"))
            value_max = parse_number(match.group("num2")) if match.group("num2") else None
        except ValueError:
            continue
        scale = scale_of(match.group("scale"))
        value, value_max = value * scale, (value_max * scale if value_max is not None else None)
        if value_max is not None and value_max < value:
            continue                      # "2019 - 31.9%", page ranges
        percent = bool(match.group("pct"))
        unit_match = _UNIT_AFTER.match(after)
        unit = unit_match.group("unit") if unit_match else None
        if unit and abs(value) < 10 and "\n" in after[:unit_match.start("unit")]:
            unit = None                   # a count in a table cell, the word on the next line
        unit_end = end + unit_match.end() if unit else end
        raw = match.group("num")
        is_yearish = (re.fullmatch(YEAR, raw) is not None and not match.group("scale")
                      and not percent)
        if is_yearish and (unit is None or match.group("num2")):
            continue
        if not percent and unit is None and _OTHER_UNIT.match(after):
            continue
        tokens.append(Token(start, end, value, value_max, percent, unit, unit_end,
                            bool(_APPROX.search(before))))
    return tokens


def _flow_matches(sentence: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), {"net": "net", "emi": "emigration", "imm": "immigration"}[m.lastgroup])
            for m in _FLOW.finditer(sentence)]


def _direction_of(unit: str | None, sentence: str, local: int) -> str | None:
    if unit:
        low = unit.lower()
        if low.startswith(("immigra", "иммигра", "arriv", "repatria", "returnee", "oralman", "кандас",
                           "репатриант", "оралман")):
            return "immigration"
        if low.startswith(("emigra", "эмигра", "depart")):
            return "emigration"
    best: tuple[int, str] | None = None
    for start, end, name in _flow_matches(sentence):
        if start <= local:
            gap = sentence[end:local]
            distance = local - end + (40 if re.search(r";|\bwhile\b|\bwhereas\b|\bbut\b", gap) else 0)
        else:
            distance = (start - local) * 2 + 30
        if name == "net":
            distance -= 25
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def _country_of(text: str, token: Token, places: list[Mention], sentence: tuple[int, int]
                ) -> tuple[Mention | None, str]:
    """The place a number is about, and how it was found."""
    s_start, _ = sentence
    candidates = [p for p in places if p.place.code != "KAZ"]
    previous = [p for p in candidates if s_start <= p.start and p.end <= token.start]
    # "Russia (108,724)", "Russian citizens (2,900,000 people)"
    if previous and re.fullmatch(r"\s*(?:\w+\s+){0,1}\(\s*", text[previous[-1].end:token.start]):
        return previous[-1], "next"
    # "47,000 to Uzbekistan", "639 immigrants from Tajikistan", "5,000 individuals travel to the UK"
    for mention in candidates:
        if token.unit_end <= mention.start <= token.unit_end + 40:
            gap = text[token.unit_end:mention.start]
            if re.fullmatch(r"\s+(?:[a-z]+\s+){0,2}(?:to|from|in|for)\s+(?:the\s+)?", gap):
                return mention, "after"
            break
    # "from Turkmenistan 2,058", "China at 33,357", "Russian immigrants was 9,769", "China - 172 thousand"
    if previous:
        mention = previous[-1]
        gap = text[mention.end:token.start]
        if len(gap) <= 45 and not re.search(r"\d|[;.]\s|\band\b|\bwhile\b|\bbut\b", gap) and \
                not _TOTAL.search(gap):
            return mention, "next"
        if _TOTAL.search(gap):
            return None, ""
        return mention, "before"
    return None, ""


def _is_reference_year(text: str, start: int, end: int, suffix: str) -> bool:
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


@dataclass
class _Time:
    start: int
    end: int
    year: int | None
    period: tuple[int, int] | None
    compared: bool


def _times(text: str, extra: list[_Time]) -> list[_Time]:
    times: list[_Time] = list(extra)
    taken: list[tuple[int, int]] = [(t.start, t.end) for t in extra]
    for match in _PERIOD.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        lead = match.group().split()[0].lower() if match.group().split() else ""
        if b <= a or (" and " in f" {match.group()} " and lead != "between"):
            continue
        if _is_reference_year(text, match.start("a"), match.end("a"), ""):
            continue
        span = re.search(r"(?:the|a|this)\s+period\s+(?:of\s+|from\s+)?$",
                         text[max(0, match.start("a") - 24):match.start("a")], re.IGNORECASE)
        times.append(_Time(match.start("a"), match.end("b"), None, (a, b), bool(span)))
        taken.append((match.start("a"), match.end("b")))
    for match in _YEAR_RE.finditer(text):
        y_start, y_end = match.span()
        if any(s <= y_start < e for s, e in taken):
            continue
        if _is_reference_year(text, y_start, y_end, match.group("suffix")):
            continue
        compared = bool(_COMPARED.search(text[max(0, y_start - 30):y_start]))
        times.append(_Time(y_start, y_end, int(match.group("y")), None, compared))
    return sorted(times, key=lambda t: t.start)


def _apply_time(figure: FigureFound, time: _Time, source: str) -> None:
    if time.period:
        figure.period_start, figure.period_end = time.period
        figure.year = None
    else:
        figure.year = time.year
        figure.period_start = figure.period_end = None
    figure.year_source = source


def _time_of(text: str, token: Token, times: list[_Time], sentence: tuple[int, int]
             ) -> tuple[_Time | None, str]:
    s_start, _ = sentence
    # "in 2009 (33,985)", "compared to 2021 (26,717 people)"
    for time in times:
        if time.end <= token.start and re.fullmatch(r"\s*\(\s*", text[time.end:token.start]):
            return time, "next"
    # "22,668 in 2005", "to 1,117 people in 2008", "reaching 6,328 by 2014"
    for time in times:
        if token.unit_end <= time.start <= token.unit_end + 36 and not time.compared:
            gap = text[token.unit_end:time.start]
            if re.fullmatch(r"[\s)]*(?:respectively\s+)?(?:people\s+)?(?:in|by|for|during|of|as\s+of)\s+"
                            r"(?:the\s+year\s+)?", gap) or re.fullmatch(r"\s*\(\s*", gap):
                return time, "after"
    # the nearest year before it in the sentence, comparisons aside
    for time in reversed(times):
        if s_start <= time.start and time.end <= token.start and not time.compared:
            return time, "before"
    return None, ""


def _sentence_context(sentences: Sentences, index: int) -> tuple[int, int]:
    """Start of the paragraph of sentence ``index`` and of the sentence before it (same paragraph)."""
    paragraph = sentences.paragraph_of[index]
    p_index = index
    while p_index > 0 and sentences.paragraph_of[p_index - 1] == paragraph:
        p_index -= 1
    previous = sentences.spans[index - 1][0] if index > p_index else sentences.spans[index][0]
    return sentences.spans[p_index][0], previous


def _percent_kind(text: str, token: Token, s_start: int, previous: Token | None,
                  previous_change: int | None) -> int | None:
    """+1 or -1 when a percentage is a stated change, None when it is a share."""
    before = text[max(s_start, token.start - 120):token.start]
    if re.match(r"\s*of\b", text[token.end:token.end + 6]) and not re.search(r"\bby\s*$", before):
        return None                                   # "70% of those involved"
    if previous is not None and previous_change is not None and \
            _PCT_JOIN.match(text[previous.end:token.start]):
        return previous_change                        # "by 26.14% in 2015, 5.14% in 2017"
    words = list(_CHANGE_WORD.finditer(before))
    for word in reversed(words):
        gap = before[word.end():]
        if "%" in gap:
            break
        near = len(gap) <= 40 and re.fullmatch(
            rf"[\w\s,]{{0,28}}?(?:\bby|\bof|\bat|\bwas|\bwere|\bamounted\s+to|на|:)?{_FILLER}", gap)
        far = re.search(rf"(?:\bby|\bat|\bwas|\bwere|\bof)\s*{_FILLER}$", gap) and not re.search(
            r"[.;]\s", gap)
        if near or far:
            return -1 if word.group("down") else 1
        break
    if re.search(rf"\bby\s*{_FILLER}$", before):
        return -1 if words and words[-1].group("down") else 1
    return None


def find_figures(text: str, sentences: Sentences, skip: list[tuple[int, int]],
                 dated: list[tuple[int, int, int]] | None = None) -> list[FigureFound]:
    """Every numeric claim about migration in the text, in order.

    ``skip`` are spans already taken (citations, dates); ``dated`` are (start, end, year) of dates
    found in the text, which also give figures their year.
    """
    tokens = _tokens(text, skip)
    if not tokens or not sentences.spans:
        return []
    places_all = find_places(text)
    times_all = _times(text, [_Time(s, e, y, None, False) for s, e, y in dated or []])
    figures: list[FigureFound] = []
    changes: list[tuple[Token, FigureFound]] = []
    by_token: dict[int, FigureFound] = {}
    previous_pct: tuple[Token, int | None] | None = None
    for token in tokens:
        index = sentences.index_at(token.start)
        s_start, s_end = sentences.spans[index]
        p_start, prev_start = _sentence_context(sentences, index)
        sentence = text[s_start:s_end]
        local = token.start - s_start
        places = [p for p in places_all if s_start <= p.start < s_end]
        times = [t for t in times_all if s_start <= t.start < s_end]
        migration = bool(_MIGRATION.search(text[prev_start:s_end]))
        before = text[max(s_start, token.start - 40):token.start]
        if token.percent:
            last = previous_pct if previous_pct and previous_pct[0].start >= s_start else None
            sign = _percent_kind(text, token, s_start, last[0] if last else None,
                                 last[1] if last else None)
            previous_pct = (token, sign)
            if not migration:
                continue
            figure = FigureFound(token.start, token.end, None, "percent")
            if sign is not None:
                figure.stated_change_pct = token.value * sign
                figure.measure = "change"
            else:
                figure.value = token.value
                figure.measure = "share"
        else:
            if token.unit is None:
                data_position = _DATA_BEFORE.search(_APPROX.sub("", before)[-20:]) or re.match(
                    r"\s+(?:to|from)\s+(?:the\s+)?[A-Z]", text[token.end:token.end + 20])
                if not migration or not data_position or abs(token.value) < 10:
                    continue
                unit, measure = "persons", None
            else:
                low = token.unit.lower()
                if re.match(r"work\s+permits|residence\s+permits|permits|patents|разрешени|патент", low):
                    unit, measure = "permits", "permits"
                elif re.match(r"visas|виз", low):
                    unit, measure = "visas", "visas"
                else:
                    unit, measure = "persons", None
                if not migration and unit == "persons":
                    measure = "other"
            value = token.value
            figure = FigureFound(token.start, token.unit_end, value, unit, value_max=token.value_max,
                                 measure=measure, subject=re.sub(r"\s+", " ", token.unit.lower())
                                 if token.unit else None)
            lead = text[max(s_start, token.start - 60):token.start]
            net_loss = (rf"net\s+loss(?:es)?\s+of\s*"
                        rf"(?:{NUMBER_PATTERN}\s*(?:people\s*)?(?:,|and|,\s*and)\s*)*$")
            if re.search(net_loss, lead, re.IGNORECASE) and value is not None and value > 0:
                figure.value = -value
                figure.notes.append("stated as a net loss, so negative")
            rate = re.match(r"\s*(?:people\s+)?per\s+(day|week|month|year|annum)",
                            text[token.unit_end:token.unit_end + 30])
            if rate:
                figure.rate = f"per {rate.group(1)}"
                figure.end = token.unit_end + rate.end()
        figure.approx = token.approx
        # direction: the unit or the sentence, else the sentence before
        figure.direction = _direction_of(token.unit, sentence, local)
        if figure.direction is None and prev_start < s_start:
            figure.direction = _direction_of(None, text[prev_start:s_start], s_start - prev_start)
            figure.direction_source = "context" if figure.direction else ""
        # country
        demonym = _DEMONYM_UNITS.get((token.unit or "").lower(), "")
        if demonym is None or demonym:
            # "3 million Russians crossed the border": people of a country; it is the counterpart only
            # when they come from it (an ethnic group leaving has no stated destination)
            mention, how = None, ""
            if demonym and figure.direction == "immigration":
                figure.country, figure.country_name, figure.country_source = demonym, token.unit, "unit"
            else:
                figure.notes.append(f"a group of people ({token.unit}), not a partner country")
        else:
            mention, how = _country_of(text, token, places, (s_start, s_end))
        if mention is None and not figure.country and _ANAPHOR.search(sentence):
            earlier = [p for p in places_all if p_start <= p.start < s_start and p.place.code != "KAZ"]
            if earlier:
                mention, how = earlier[-1], "context"
        if mention is not None:
            figure.country_source = how
            figure.country_name = mention.place.name
            figure.country = None if mention.place.is_group else mention.place.code
        # year or period
        time, how = _time_of(text, token, times, (s_start, s_end))
        if time is None:
            time = next((t for t in reversed(times_all)
                         if p_start <= t.start < s_start and not t.compared), None)
            how = "context" if time else ""
        if time is not None:
            _apply_time(figure, time, how)
        if figure.measure is None:
            if re.search(r"\bquota", sentence, re.IGNORECASE):
                figure.measure = "quota"
            elif figure.direction:
                figure.measure = "flow"
            elif re.search(r"population|residing|inhabitants", sentence, re.IGNORECASE):
                figure.measure = "population"
            elif re.search(r"student", sentence, re.IGNORECASE):
                figure.measure = "students"
            else:
                figure.measure = "other"
        if figure.value is not None and abs(figure.value) < 10 and not token.percent and \
                not (figure.country and figure.direction):
            continue
        figures.append(figure)
        by_token[token.start] = figure
        if token.percent and figure.stated_change_pct is not None:
            changes.append((token, figure))
    _from_to(text, tokens, by_token)
    _attach_changes(text, tokens, changes, by_token)
    _respectively(text, sentences, tokens, by_token, places_all, times_all)
    for figure in figures:
        _score(figure)
    return [f for f in figures if not f.merged]


def _from_to(text: str, tokens: list[Token], by_token: dict[int, FigureFound]) -> None:
    """In "from A to B in 2020" with no year of A's own, A is the year before."""
    for a, b in zip(tokens, tokens[1:], strict=False):
        fa, fb = by_token.get(a.start), by_token.get(b.start)
        if fa is None or fb is None or a.percent or b.percent:
            continue
        if not re.search(r"\bfrom\s*$", text[max(0, a.start - 8):a.start]):
            continue
        if not re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?to\s+", text[a.unit_end:b.start]):
            continue
        if fb.year is not None and fa.year_source in {"before", "context", ""}:
            fa.year = fb.year - 1
            fa.period_start = fa.period_end = None
            fa.year_source = "inferred"
            fa.notes.append("year taken as the one before the value it changed to")
        if fa.country is None and fb.country is not None:
            fa.country, fa.country_name = fb.country, fb.country_name
        if fa.direction is None:
            fa.direction = fb.direction


_LEADS_TO = re.compile(
    rf"[\s,]*(?:(?:in|by)\s+{YEAR}[\s,]*)?(?:[^%;()]{{0,45}}?,\s*)?(?:\(|(?:compared\s+to\s+\S+\s+)?to\b|"
    rf"amounting\s+to|reaching|totall?ing|up\s+to|equal\s+to|or\b)\s*(?:only\s+|about\s+)?",
    re.IGNORECASE)
_FOLLOWS = re.compile(
    r"^[^\d%]*?(?:with|showing|marking|an?)\s+(?:an?\s+)?(?:\w+\s+)?(?:increase|decrease|growth|"
    r"decline|rise|drop|reduction|fall)\s+(?:of|by)\s*$", re.IGNORECASE)


def _attach_changes(text: str, tokens: list[Token], changes: list[tuple[Token, FigureFound]],
                    by_token: dict[int, FigureFound]) -> None:
    """Give a stated percent change to the value it leads to or follows; drop it as an item."""
    values = [t for t in tokens if not t.percent and by_token.get(t.start) is not None]
    for token, change in changes:
        target = None
        following = [v for v in values if v.start > token.end][:2]
        if following:
            gap = text[token.end:following[0].start]
            if len(gap) <= 80 and _LEADS_TO.fullmatch(gap):
                target = following[0]
            elif len(following) == 2 and re.fullmatch(r"[\s,]*from\s+", gap) and re.fullmatch(
                    rf"\s*(?:\w+\s+)?(?:in\s+{YEAR}\s+)?to\s+", text[following[0].unit_end:
                                                                   following[1].start]):
                target = following[1]
        if target is None:
            earlier = [v for v in values if v.unit_end <= token.start]
            if earlier:
                value = earlier[-1]
                gap = text[value.unit_end:token.start]
                figure = by_token[value.start]
                if len(gap) <= 60 and _FOLLOWS.search(gap) and (
                        change.year is None or figure.year in {None, change.year}):
                    target = value
        if target is None:
            continue
        figure = by_token[target.start]
        if figure.stated_change_pct is not None:
            continue
        figure.stated_change_pct = change.stated_change_pct
        if change.year is not None and figure.year_source not in {"next", "after"}:
            figure.year, figure.year_source = change.year, change.year_source
        change.merged = True


def _respectively(text: str, sentences: Sentences, tokens: list[Token],
                  by_token: dict[int, FigureFound], places: list[Mention], times: list[_Time]) -> None:
    """"Russia and Germany ... 156,887 and 31,883 people, respectively": pair them in order."""
    joined = r"\s*(?:,|and|,\s*and)\s*"
    for match in re.finditer(r"\brespectively\b", text):
        s_start, _ = sentences.span_at(match.start())
        group = [t for t in tokens if s_start <= t.start < match.start()
                 and by_token.get(t.start) is not None]
        if len(group) < 2:
            continue
        run = [group[-1]]
        for token in reversed(group[:-1]):
            if re.fullmatch(joined, text[token.unit_end:run[0].start]) and token.percent == run[0].percent:
                run.insert(0, token)
            else:
                break
        if len(run) < 2:
            continue
        first = run[0].start
        countries = [p for p in places if s_start <= p.start < first and p.place.code != "KAZ"]
        years = [t for t in times if s_start <= t.start < first and t.year and not t.compared]
        chosen = None
        for kind, items in (("country", countries), ("year", years)):
            if len(items) >= len(run):
                tail = items[-len(run):]
                pairs = zip(tail[:-1], tail[1:], strict=True)
                if all(re.fullmatch(joined, text[a.end:b.start]) for a, b in pairs):
                    chosen = (kind, tail)
                    break
        after = re.match(rf"\s*(?:in|by|for)\s+({YEAR})", text[match.end():match.end() + 16])
        for position, token in enumerate(run):
            figure = by_token[token.start]
            if chosen and chosen[0] == "country":
                item = chosen[1][position]
                figure.country = None if item.place.is_group else item.place.code
                figure.country_name = item.place.name
                figure.country_source = "respectively"
            elif chosen:
                item = chosen[1][position]
                figure.year, figure.period_start, figure.period_end = item.year, None, None
                figure.year_source = "respectively"
            if after and not (chosen and chosen[0] == "year"):
                figure.year, figure.period_start, figure.period_end = int(after.group(1)), None, None
                figure.year_source = "after"


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
    elif figure.year_source in {"context", "inferred"}:
        confidence -= 0.1
    if figure.country_source in {"before", "context"}:
        confidence -= 0.05
    if figure.measure in {"other", "share"}:
        confidence -= 0.15
    figure.confidence = round(max(0.2, min(0.95, confidence)), 2)
