"""Relations between the figures of a sentence: stated changes, "from A to B", "respectively".

- ``percent_kind``: whether a percentage is a stated change (+1 up, -1 down) or a share (None);
- ``attach_changes``: a percentage after a change word (``increased by 13.38%``) belongs to the
  value it leads to (``by 66.82% to 10,962 people``, ``90.45% (4,565 people)``) or follows
  (``China (3,015 people) with an increase of 42.62%``); a change with no value stays a figure of
  its own with no value;
- ``from_to``: in ``from A to B in 2020`` with no year of A's own, A is the year before;
- ``respectively``: ``Russia and Germany ... 156,887 and 31,883 people, respectively``; the same
  pairing without the word when the places and the numbers are two lists of one length with only a
  dash or a colon between them (``Из Узбекистана и Китая — 4 615 и 2 030 человек``);
- ``counter_flows``: a flow named as the reverse of the one before (``встречный поток составил
  380``, ``the reverse flow was 650``) has the opposite direction and the same partner, and so has
  an earlier value bracketed right after it (``512 people (2023: 468)``).
"""

from __future__ import annotations

import bisect
import re

from ..model import FigureFound
from .countries import Mention
from .dates import YEAR
from .periods import Time
from .textutil import Sentences
from .tokens import Token

_CHANGE = re.compile(
    r"(?P<up>increas\w*|growth|grew|grow\w*|rise|rose|rising|higher|jump\w*|surg\w*|up|рост\w*|"
    r"увелич\w*|выро\w*)|(?P<down>decreas\w*|declin\w*|drop\w*|fell|fall\w*|reduc\w*|lower|down|"
    r"loss|снижен\w*|сократ\w*|уменьш\w*|сниз\w*)", re.IGNORECASE)
_CHANGE_WORD = re.compile(_CHANGE.pattern, re.IGNORECASE)
_COMPARATIVE = re.compile(r"\s*(?:(?P<less>less|lower|fewer|меньше|ниже)|more|higher|больше|выше)\b",
                          re.IGNORECASE)
_FILLER = r"(?:\s|only|about|approximately|nearly|almost|another|a\s+further|around|slightly|just|some)*"
_PCT_JOIN = re.compile(rf"^\s*(?:(?:in|by)\s+{YEAR}\s*)?(?:,|and|,\s*and)\s*(?:(?:in|by)\s+{YEAR}\s*,?\s*)?"
                       rf"(?:by\s*)?{_FILLER}$", re.IGNORECASE)


def percent_kind(text: str, token: Token, s_start: int, previous: Token | None,
                  previous_change: int | None) -> int | None:
    """+1 or -1 when a percentage is a stated change, None when it is a share."""
    before = text[max(s_start, token.start - 120):token.start]
    if re.match(r"\s*of\b", text[token.end:token.end + 6]) and not re.search(r"\bby\s*$", before):
        return None                                   # "70% of those involved"
    if previous is not None and previous_change is not None and \
            _PCT_JOIN.match(text[previous.end:token.start]):
        return previous_change                        # "by 26.14% in 2015, 5.14% in 2017"
    if re.search(r"\b(?:by|на)\s*$", before):
        after = _COMPARATIVE.match(text, token.end)   # "by 12% less than", "на 25,1% меньше"
        if after:
            return -1 if after.group("less") else 1
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



def from_to(text: str, tokens: list[Token], by_token: dict[int, FigureFound]) -> None:
    """In "from A to B in 2020" with no year of A's own, A is the year before."""
    for a, b in zip(tokens, tokens[1:], strict=False):
        fa, fb = by_token.get(a.start), by_token.get(b.start)
        if fa is None or fb is None or a.percent or b.percent:
            continue
        if _span_ends(text, a, b, fa, fb):
            continue
        if not re.search(r"\bfrom\s*$", text[max(0, a.start - 8):a.start]):
            continue
        if not re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?to\s+", text[a.unit_end:b.start]):
            continue
        if fb.year is not None and fa.year_source in {"before", "context", "document", ""}:
            if fa.period in (None, str(fa.year)):
                fa.period = str(fb.year - 1)
            fa.year = fb.year - 1
            fa.period_start = fa.period_end = None
            fa.year_source = "inferred"
            fa.notes.append("year taken as the one before the value it changed to")
        if fa.country is None and fb.country is not None:
            fa.country, fa.country_name = fb.country, fb.country_name
        if fa.direction is None:
            fa.direction = fb.direction


# "снизилось с 30 047 до 13 852", "fell from 30,047 to 13,852": the two ends of a change
_FROM_BEFORE = re.compile(r"(?:\bfrom|(?<![а-яё])со?)\s*$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s*(?:[^\W\d]+\s+)?(?:to|до)\s+", re.IGNORECASE)
# "30 047-ден 13 852 адамға дейін": the Kazakh ablative, then the dative and "дейін"
_KK_FROM = re.compile(r"-?(?:ден|дан|тен|тан|нен|нан)\s+", re.IGNORECASE)
_KK_TO = re.compile(r"(?:-?[а-яәіңғүұқөһ]*)?(?:\s+[а-яәіңғүұқөһ]+)?\s+дейін", re.IGNORECASE)


def _span_ends(text: str, a: Token, b: Token, fa: FigureFound, fb: FigureFound) -> bool:
    """"С 2015 по 2020 год ... снизилось с 30 047 до 13 852", "Between 2015 and 2020 emigration fell
    from 30,047 to 13,852": a change from A to B over a span of years dated with the whole span is
    A in its first year and B in its last. Whether it was so."""
    if fa.period is None or fa.period != fb.period or fa.period_start is None or \
            fa.period_end is None or fa.period_start >= fa.period_end or \
            not (_FROM_BEFORE.search(text, max(0, a.start - 8), a.start) and
                 _TO_BETWEEN.fullmatch(text, a.unit_end, b.start) or
                 _KK_FROM.fullmatch(text, a.unit_end, b.start) and _KK_TO.match(text, b.end)):
        return False
    for figure, year in ((fa, fa.period_start), (fb, fa.period_end)):
        figure.year, figure.period = year, str(year)
        figure.period_start = figure.period_end = None
        end = "first" if figure is fa else "last"
        figure.notes.append(f"year: the {end} of the span the change runs over")
    return True


_LEADS_TO = re.compile(
    rf"[\s,]*(?:(?:in|by)\s+{YEAR}[\s,]*)?(?:[^%;()]{{0,45}}?,\s*)?(?:\(|(?:compared\s+to\s+\S+\s+)?to\b|"
    rf"amounting\s+to|reaching|totall?ing|up\s+to|equal\s+to|or\b)\s*(?:only\s+|about\s+)?",
    re.IGNORECASE)
_FOLLOWS = re.compile(
    r"^[^\d%]*?(?:(?:with|showing|marking|an?)\s+(?:an?\s+)?(?:\w+\s+)?(?:increase|decrease|growth|"
    r"decline|rise|drop|reduction|fall)\s+(?:of|by)|(?:which\s+is|that\s+is|что|это)\s+(?:на|by))\s*$",
    re.IGNORECASE)


def attach_changes(text: str, tokens: list[Token], changes: list[tuple[Token, FigureFound]],
                    by_token: dict[int, FigureFound]) -> None:
    """Give a stated percent change to the value it leads to or follows; drop it as an item."""
    values = [t for t in tokens if not t.percent and by_token.get(t.start) is not None]
    starts = [v.start for v in values]
    for token, change in changes:
        target = None
        at = bisect.bisect_right(starts, token.end)
        following = values[at:at + 2]
        if following:
            gap = text[token.end:following[0].start]
            if len(gap) <= 80 and _LEADS_TO.fullmatch(gap):
                target = following[0]
            elif len(following) == 2 and re.fullmatch(r"[\s,]*from\s+", gap) and re.fullmatch(
                    rf"\s*(?:\w+\s+)?(?:in\s+{YEAR}\s+)?to\s+", text[following[0].unit_end:
                                                                   following[1].start]):
                target = following[1]
        if target is None:
            at = bisect.bisect_left(starts, token.start)
            earlier = [v for v in values[max(0, at - 3):at] if v.unit_end <= token.start]
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


def _parallel_directions(text: str, run: list[Token], by_token: dict[int, FigureFound],
                         sentences: Sentences, s_start: int) -> None:
    """"7,010 immigrated and 6,240 emigrated; in 2024 the numbers were 6,420 and 7,830
    respectively": a run restating a series of as many figures of distinct directions, stated just
    before it (in its sentence or the one before), takes their directions in order."""
    previous_start = sentences.span_at(s_start - 1)[0] if s_start > 0 else s_start
    earlier = [f for at, f in sorted(by_token.items()) if previous_start <= at < run[0].start and f.direction]
    series = earlier[-len(run):]
    directions = [f.direction for f in series]
    if len(series) == len(run) and len(set(directions)) == len(run):
        for token, counterpart in zip(run, series, strict=True):
            figure = by_token[token.start]
            if figure.direction != counterpart.direction:
                figure.direction, figure.direction_source = counterpart.direction, "context"
                figure.notes.append("direction: that of the figure it parallels in the series before")
            # and its partner, when its own sentence names none ("in Q1 2025 the numbers were 241 and
            # 66 respectively", after "268 arrivals from Kyrgyzstan and 71 departures to it"): a partner
            # taken from the context was taken before the direction was set right
            if counterpart.country and figure.country_source in ("", "context") and \
                    figure.country != counterpart.country:
                figure.country, figure.country_name = counterpart.country, counterpart.country_name
                figure.country_source = "context"
                figure.notes.append("country: that of the figure it parallels in the series before")


_JOINED = r"\s*(?:,|and|,\s*and|и|,\s*и|және|мен)\s*"
# between a list of places and the list of their numbers: a Kazakh case ending, then a dash, a colon,
# a bracket or at most six words ("Russia and Germany took 8,960 and 1,150 of them")
_KK_ENDING = r"[а-яәіңғүұқөһ]{0,4}"
_LISTS_GAP = re.compile(rf"{_KK_ENDING}(?:\s*[—–:-]\s*|\s*\(\s*|\s+(?:[^\W\d]+\s+){{1,6}})")
_PLACES_JOINED = _KK_ENDING + _JOINED


def _parallel_lists(text: str, sentences: Sentences, tokens: list[Token],
                    by_token: dict[int, FigureFound], places: list[Mention]) -> None:
    """"Из Узбекистана и Китая — 4 615 и 2 030 человек", "Russia and Germany: 9,120 and 800
    people": a list of places, a dash or colon, then a list of as many numbers with one unit after
    the last; the places are paired with the numbers in order."""
    figures = [t for t in tokens if by_token.get(t.start) is not None]
    index = 0
    while index < len(figures):
        run = [figures[index]]
        while index + len(run) < len(figures):
            token = figures[index + len(run)]
            if run[-1].unit or not re.fullmatch(_JOINED, text[run[-1].unit_end:token.start]) or \
                    token.percent != run[0].percent:
                break
            run.append(token)
        index += len(run)
        if len(run) < 2:
            continue
        s_start = sentences.span_at(run[0].start)[0]
        before = [p for p in places if s_start <= p.start and p.end <= run[0].start and p.place.code != "KAZ"]
        if len(before) < len(run) or not _LISTS_GAP.fullmatch(text[before[-1].end:run[0].start]):
            continue
        tail = before[-len(run):]
        pairs = zip(tail[:-1], tail[1:], strict=True)
        if not all(re.fullmatch(_PLACES_JOINED, text[a.end:b.start]) for a, b in pairs):
            continue
        if len(before) > len(run) and re.fullmatch(_PLACES_JOINED,
                                                   text[before[-len(run) - 1].end:tail[0].start]):
            continue                      # a longer list of places than of numbers: no pairing
        last = by_token[run[-1].start]
        for place, token in zip(tail, run, strict=True):
            figure = by_token[token.start]
            figure.country = None if place.place.is_group else place.place.code
            figure.country_name = place.place.name
            figure.country_source = "respectively"
            figure.notes.append("country: paired in order with a list of places before the numbers")
            # one list, one verb and one time: "9,120 and 800 people left in 2024"
            own = figure.year_source in {"next", "after"}
            if last.period is not None and ((figure.period is None and figure.year is None) or
                                            (last.year_source == "after" and not own)):
                figure.year, figure.period = last.year, last.period
                figure.period_start, figure.period_end = last.period_start, last.period_end
                figure.year_source = "respectively"
            if figure.direction is None and last.direction is not None:
                figure.direction, figure.direction_source = last.direction, "respectively"


def respectively(text: str, sentences: Sentences, tokens: list[Token],
                  by_token: dict[int, FigureFound], places: list[Mention], times: list[Time]) -> None:
    """"Russia and Germany ... 156,887 and 31,883 people, respectively": pair them in order."""
    _parallel_lists(text, sentences, tokens, by_token, places)
    joined = _JOINED
    for match in re.finditer(r"\brespectively\b|(?<![а-яё])(?:соответственно|тиісінше)(?![а-яё])|"
                             r"\b(?:the\s+)?(?:figures|numbers)\s+were\s+(?:\d[\d,.\s]*(?:and|,)\s*)+\d[\d,.]*",
                             text):
        s_start, s_end = sentences.span_at(match.start())
        group = [t for t in tokens if s_start <= t.start < match.end()
                 and by_token.get(t.start) is not None]
        # "выехали соответственно 9 120, 800 и 310 человек": the run may follow the word
        ahead = [t for t in tokens if match.end() <= t.start < s_end and by_token.get(t.start) is not None]
        if ahead and re.fullmatch(r"\s*[,:—–-]?\s*", text[match.end():ahead[0].start]):
            run = [ahead[0]]
            for token in ahead[1:]:
                if re.fullmatch(joined, text[run[-1].unit_end:token.start]) and \
                        token.percent == run[0].percent:
                    run.append(token)
                else:
                    break
        elif len(group) < 2:
            continue
        else:
            run = [group[-1]]
            for token in reversed(group[:-1]):
                if re.fullmatch(joined, text[token.unit_end:run[0].start]) and \
                        token.percent == run[0].percent:
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
                between = _PLACES_JOINED if kind == "country" else joined
                if all(re.fullmatch(between, text[a.end:b.start]) for a, b in pairs):
                    chosen = (kind, tail)
                    break
        if chosen is None:
            chosen = _years_after(text, match.end(), s_end, times, len(run))
        if chosen is None and _THOSE_COUNTRIES.search(text, s_start, first):
            chosen = _countries_before(sentences, s_start, places, len(run))
        if chosen is None:
            _parallel_directions(text, run, by_token, sentences, s_start)
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
                # the period, too: it is what a figure's time is read by (it was left at the year nearest)
                figure.period = f"{item.year}-{item.part}" if item.part and item.part != "same" else \
                    str(item.year)
                figure.year_source = "respectively"
            if after and not (chosen and chosen[0] == "year"):
                figure.year, figure.period_start, figure.period_end = int(after.group(1)), None, None
                figure.period = after.group(1)
                figure.year_source = "after"


def _years_after(text: str, at: int, s_end: int, times: list[Time],
                 count: int) -> tuple[str, list[Time]] | None:
    """The ``count`` years right after "respectively", joined as a run ("6 120, 5 873 и 5 411
    человек соответственно в 2022, 2023 и 2024 годах", "respectively in 2022, 2023 and 2024")."""
    after = [t for t in times if at <= t.start < s_end and t.year and not t.compared][:count]
    if len(after) < count or not re.fullmatch(r"\s*,?\s*(?:in|for|during|в|за)?\s*", text[at:after[0].start],
                                              re.IGNORECASE):
        return None
    if all(re.fullmatch(_JOINED, text[a.end:b.start]) for a, b in zip(after[:-1], after[1:], strict=True)):
        return "year", after
    return None


# "Departures to the two countries ... 386 and 57 respectively": the countries of the sentence before
_THOSE_COUNTRIES = re.compile(r"\b(?:the\s+two|these|those|both|the\s+same)\s+(?:two\s+)?(?:countries|states|"
                              r"neighbours|neighbors)\b|(?<![а-яё])(?:эт[иоу]\w*|обе\w*|об[ео]их|те\w*|"
                              r"указанн\w+)\s+(?:дв[ея]\w*\s+)?(?:стран\w*|государств\w*)|"
                              r"(?<![\w])(?:екі|бұл|аталған)\s+(?:елге|елден|мемлекетке)", re.IGNORECASE)


def _countries_before(sentences: Sentences, s_start: int, places: list[Mention],
                      count: int) -> tuple[str, list[Mention]] | None:
    """The ``count`` countries the sentence before names, in order, when it names just so many."""
    if s_start == 0:
        return None
    p_start, _ = sentences.span_at(s_start - 1)
    named: list[Mention] = []
    for place in places:
        if p_start <= place.start < s_start and place.place.code != "KAZ" and not place.place.is_group \
                and place.place.code not in {n.place.code for n in named}:
            named.append(place)
    return ("country", named) if len(named) == count else None


# "1,020 and 905 in the same two years", "rose from 12,320 to 15,380 over the same two years",
# "в те же годы", "за те же два года", "сол жылдары": the years stated before, in their order
_SAME_YEARS = re.compile(r"\b(?:in|over|during|for)\s+the\s+same\s+(?:two\s+|three\s+|four\s+|[2-9]\s+)?"
                         r"years\b|"
                         r"(?<![\w])(?:в|за)\s+те\s+же\s+(?:два\s+|три\s+|четыре\s+|[2-9]\s+)?год(?:а|ы|ах)?(?![\w])|"
                         r"(?<![\w])сол\s+(?:екі\s+|үш\s+)?жылдар(?:ы|да)(?![\w])", re.IGNORECASE)
_SERIES_JOINED = rf"(?:{_JOINED}|\s*(?:to|до|[-–—])\s*)"
# a run of numbers and the phrase beside it: at most three words between, no end of a clause
_NEAR = re.compile(r"[\s:—–-]*(?:[^\W\d]+[\s,]+){0,3}", re.IGNORECASE)


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside brackets opened after ``start``: "(BNS, 2024, Table 6.1)" cites."""
    opened = text.rfind("(", start, at)
    return opened >= 0 and text.find(")", opened, at) < 0


def same_years(text: str, sentences: Sentences, tokens: list[Token], by_token: dict[int, FigureFound],
               times: list[Time]) -> None:
    """A run of numbers before "in the same two years" takes, in order, the last as many distinct
    years stated before it (in its sentence or the one before)."""
    figures = [t for t in tokens if by_token.get(t.start) is not None]
    for match in _SAME_YEARS.finditer(text):
        s_start, s_end = sentences.span_at(match.start())
        before = [t for t in figures if s_start <= t.start < match.start()]
        ahead = [t for t in figures if match.end() <= t.start < s_end]
        if before and _NEAR.fullmatch(text[before[-1].unit_end:match.start()]):
            run = [before[-1]]            # "1,020 and 905 in the same two years"
            for token in reversed(before[:-1]):
                if not re.fullmatch(_SERIES_JOINED, text[token.unit_end:run[0].start]):
                    break
                run.insert(0, token)
        elif ahead and _NEAR.fullmatch(text[match.end():ahead[0].start]):
            run = [ahead[0]]              # "за те же два года 12 322 и 15 382"
            for token in ahead[1:]:
                if not re.fullmatch(_SERIES_JOINED, text[run[-1].unit_end:token.start]):
                    break
                run.append(token)
        else:
            continue
        earliest = sentences.span_at(s_start - 1)[0] if s_start > 0 else s_start
        years: list[int] = []
        for time in times:
            if earliest <= time.start < run[0].start and time.year and not time.compared and \
                    not time.part and not time.offset and time.year not in years and \
                    not _in_brackets(text, earliest, time.start):
                years.append(time.year)
        if len(run) < 2 or len(years) < len(run):
            continue
        for year, token in zip(years[-len(run):], run, strict=True):
            figure = by_token[token.start]
            figure.year, figure.period, figure.period_start, figure.period_end = year, str(year), None, None
            figure.year_source = "respectively"
            figure.notes.append(f"year: paired in order with the years before ({match.group()!r})")


# "compared with the previous year's 15,380 and 15,960", "против 15 380 и 15 960 в 2023 году": a
# run of numbers compared with the series before it in the sentence
_COMPARED_RUN = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|as\s+against)\s+|"
                           r"(?<![\w])(?:против|по\s+сравнению\s+с|в\s+сравнении\s+с)\s+", re.IGNORECASE)
_GAP_WORDS = re.compile(r"(?:[^\W\d]+['’]?s?\s+){0,4}", re.IGNORECASE)


def compared_series(text: str, sentences: Sentences, tokens: list[Token], by_token: dict[int, FigureFound],
                    times: list[Time]) -> None:
    """A run of numbers after "compared with" restates the series of as many figures before it in
    its sentence: each takes the direction of its counterpart in order, and all take one time, the
    one stated beside the run ("in 2023", "the previous year's": a year before the series')."""
    figures = [t for t in tokens if by_token.get(t.start) is not None]
    for match in _COMPARED_RUN.finditer(text):
        s_start, s_end = sentences.span_at(match.start())
        ahead = [t for t in figures if match.end() <= t.start < s_end]
        if not ahead or not _GAP_WORDS.fullmatch(text[match.end():ahead[0].start]):
            continue
        run = [ahead[0]]
        for token in ahead[1:]:
            if not re.fullmatch(_JOINED, text[run[-1].unit_end:token.start]):
                break
            run.append(token)
        earlier = [by_token[t.start] for t in figures if s_start <= t.start < match.start()]
        series = earlier[-len(run):]
        directions = [f.direction for f in series]
        if len(run) < 2 or len(series) < len(run) or None in directions or len(set(directions)) < len(run):
            continue
        stated = [t for t in times if match.end() <= t.start < ahead[0].start or
                  run[-1].unit_end <= t.start <= run[-1].unit_end + 12]
        year, part = None, None
        if stated and stated[0].year and not stated[0].offset:
            year, part = stated[0].year, stated[0].part
        elif stated and stated[0].offset and series[-1].year:
            year = series[-1].year + stated[0].offset
        if part == "same":
            # "in the same period of 2024": the part of the year of the series compared with
            part = series[-1].period.partition("-")[2] if series[-1].period else None
        for token, counterpart in zip(run, series, strict=True):
            figure = by_token[token.start]
            figure.direction, figure.direction_source = counterpart.direction, "context"
            figure.notes.append("direction: that of the figure it is compared with, in order")
            if year is not None:
                # the part of the year too ("January–September 2024"), not the year alone
                figure.year, figure.period = year, f"{year}-{part}" if part else str(year)
                figure.period_start = figure.period_end = None
                figure.year_source = "respectively"


# a flow named by its relation to the flow before it: the same corridor, the other way
_COUNTER = re.compile(r"(?<![а-яё])(?:встречн\w+\s+(?:поток\w*|миграци\w*|переселени\w*)|"
                      r"обратн\w+\s+поток\w*|"
                      r"(?:в|во)\s+(?:обратном|противоположном)\s+направлении|в\s+обратную\s+сторону|кері\s+(?:ағын\w*|бағытта))(?![а-яё])|"
                      r"\b(?:the\s+)?(?:reverse|counter|opposite)[-\s]?flow\b|\bflow\s+back\b|"
                      r"\b(?:in|the)\s+(?:the\s+)?(?:opposite|reverse|other)\s+(?:direction|way)\b",
                      re.IGNORECASE)
_OPPOSITE = {"immigration": "emigration", "emigration": "immigration"}
# a flow named as the subject of a verb of trend before the phrase ("Arrivals moved the other way"):
# its trend went the other way, no counter flow follows ("Departures in the opposite direction" is one)
_TREND_SUBJECT = re.compile(r"(?:^|[.;:!?\n]\s*)(?:the\s+)?(?:arrivals|departures|immigration|emigration|"
                            r"inflows?|outflows?|прибыти\w*|выбыти\w*|приток\w*|отток\w*|келу\w*|кету\w*)"
                            r"(?:\s+[^\W\d]+){0,2}?\s+(?:moved|went|changed|turned|shifted|trended|"
                            r"изменил\w*|пош[её]л|пошл[аио]|сдвинул\w*|өзгерді)\s*$", re.IGNORECASE)


def counter_flows(text: str, sentences: Sentences, by_token: dict[int, FigureFound]) -> None:
    """"из Кыргызстана к нам переехали 1 240 человек, встречный поток составил 380 человек": the
    first number after a counter-flow phrase, in its clause, takes the direction opposite to the
    figure before it (in its sentence or the one before) and that figure's partner."""
    starts = sorted(by_token)
    for match in _COUNTER.finditer(text):
        at = bisect.bisect_left(starts, match.end())
        # "while 334 people came the other way": the number just before the phrase, in its clause
        if at >= 2 and by_token[starts[at - 1]].end <= match.start() and \
                match.start() - by_token[starts[at - 1]].end <= 40 and \
                not re.search(r"[.;!?,]|\n", text[by_token[starts[at - 1]].end:match.start()]) and \
                (at >= len(starts) or re.search(r"[.;!?]\s|\n", text[match.end():starts[at]])
                 or starts[at] - match.end() > 60):
            at -= 1
        if at >= len(starts) or at == 0:
            continue
        if _TREND_SUBJECT.search(text, max(0, match.start() - 60), match.start()) and \
                starts[at] > match.end():
            continue                      # "Arrivals moved the other way: 12,260 settled": a trend, no flow
        figure, before = by_token[starts[at]], by_token[starts[at - 1]]
        if figure.end > match.start() and (re.search(r"[.;!?]\s|\n", text[match.end():starts[at]]) or
                                          starts[at] - match.end() > 60):
            continue                      # the number is not in the phrase's clause
        s_start = sentences.span_at(match.start())[0]
        earliest = sentences.span_at(s_start - 1)[0] if s_start > 0 else s_start
        if starts[at - 1] < earliest or before.direction not in _OPPOSITE:
            continue
        figure.direction, figure.direction_source = _OPPOSITE[before.direction], "context"
        figure.notes.append(f"direction: the reverse of the flow before it ({match.group()!r})")
        # "в Россию 6 870, Германия 1,2 тыс., Беларусь 297. Встречный поток ...": the total's reverse
        if (figure.country is None or figure.country == before.country) and \
                _partners_before(text, by_token, starts, at) <= 1:
            figure.country, figure.country_name = before.country, before.country_name
            figure.country_source = figure.country_source or "context"
        # "16,020 people settled in the country, against 12,890 a year before": the number it is
        # compared with is of the same flow, so of the same direction
        compared = by_token[starts[at + 1]] if at + 1 < len(starts) and \
            _COMPARED_WITH.match(text, figure.end, starts[at + 1]) else None
        if compared is not None and compared.direction != figure.direction:
            compared.direction, compared.direction_source = figure.direction, "context"
            compared.notes.append("direction: that of the flow it is compared with")
        if compared is not None and compared.country is None and figure.country:
            # "выбыли 174 человека против 152 в первом полугодии 2024 года": the same partner too
            compared.country, compared.country_name = figure.country, figure.country_name
            compared.country_source = "context"
        # "512 people (2023: 468)": the bracketed earlier value is of the same flow and partner
        if at + 1 < len(starts) and _YEAR_BRACKET.fullmatch(text, figure.end, starts[at + 1]) and \
                by_token[starts[at + 1]].country is None:
            earlier = by_token[starts[at + 1]]
            earlier.direction, earlier.direction_source = figure.direction, "context"
            earlier.country, earlier.country_name = figure.country, figure.country_name
            earlier.country_source = "context"
            earlier.notes.append("partner: that of the flow its bracket follows")


def _partners_before(text: str, by_token: dict[int, FigureFound], starts: list[int], at: int) -> int:
    """How many partners the flows of the direction of the figure before ``starts[at]`` name in that
    figure's paragraph."""
    before = by_token[starts[at - 1]]
    opened = text.rfind("\n\n", 0, before.start)
    partners = {by_token[s].country for s in starts[:at]
                if s > opened and by_token[s].direction == before.direction and by_token[s].country}
    return len(partners)


_YEAR_BRACKET = re.compile(rf"(?:\s+[^\W\d]+)?\s*\(\s*{YEAR}(?:\s*(?:год|г\.|жыл\w*))?\s*[:–—-]\s*|"
                           # "231 человек, годом ранее – 204", "231 people, a year earlier - 204"
                           r"(?:\s+[^\W\d]+)?\s*,\s*(?:годом\s+(?:ранее|раньше)|a\s+year\s+(?:earlier|before)|"
                           r"бір\s+жыл\s+бұрын)\s*[:–—-]\s*",
                           re.IGNORECASE)
_COMPARED_WITH = re.compile(r"[^.;!?\d]{0,40}?(?:\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:to|with)|"
                            r"\bup\s+from|\bdown\s+from|(?<![а-яё])против|(?<![а-яё])по\s+сравнению\s+с|"
                            r"салыстырғанда)[\s(]*$", re.IGNORECASE)


# "The corresponding figures for 2024 were 13,610 and 15,880 respectively", "Соответствующие
# показатели 2024 года — 13,6 тыс. и 15,9 тыс. человек": a run restating the totals stated before
_CORRESPONDING = re.compile(r"\b(?:the\s+)?(?:corresponding|comparable|equivalent|same)\s+"
                            r"(?:figures|numbers|counts|totals|values)\b|"
                            r"(?<![\w])(?:соответствующ|аналогичн)\w*\s+(?:показател|цифр|данн)\w*|"
                            r"тиісті\s+көрсеткіш\w*", re.IGNORECASE)
# (Kazakh puts the verb after the run: "тиісті көрсеткіштер 8 112 және 8 047 адам болды")
_RUN_AFTER = re.compile(r"(?:\s+(?:[^\W\d]+|(?:19|20)\d\d)){0,5}?\s*(?:(?:were|was|are|stood\s+at|"
                        r"составил[иа]?|—|–|:)\s*"
                        r"(?:[^\W\d]+\s+){0,2}?)?", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b|(?<![\w])соответственно(?![\w])|тиісінше", re.IGNORECASE)


def corresponding_run(text: str, sentences: Sentences, tokens: list[Token],
                      by_token: dict[int, FigureFound]) -> None:
    """A sentence of "the corresponding figures ... A and B respectively" restates, in order, the
    totals (figures with a direction and no partner) stated before it in its paragraph or the one
    before: each number takes the direction of its counterpart."""
    figures = [t for t in tokens if by_token.get(t.start) is not None and not t.percent]
    for match in _CORRESPONDING.finditer(text):
        s_start, s_end = sentences.span_at(match.start())
        ahead = [t for t in figures if match.end() <= t.start < s_end]
        run = ahead[:1]
        for token in ahead[1:]:
            if not re.fullmatch(_JOINED, text[run[-1].unit_end:token.start]):
                break
            run.append(token)
        # "In the first half of 2025 the corresponding counts were 8,112 and 8,047": bare numbers
        # right after the words, no "respectively" needed
        if not _RESPECTIVELY.search(text, match.end(), s_end) and not (
                run and _RUN_AFTER.fullmatch(text, match.end(), run[0].start)
                and all(t.unit is None for t in run[:-1])):
            continue
        window = max(0, s_start - 1200)
        # (a regional item's totals are the region's, as are the run's: the same breakdown)
        own = by_token[run[0].start].breakdown if run else None
        totals = [by_token[t.start] for t in figures if window <= t.start < s_start
                  and by_token[t.start].direction and by_token[t.start].country is None
                  and by_token[t.start].breakdown in (None, "", own)]
        series = totals[-len(run):] if len(run) >= 2 else []
        after = [by_token[t.start].direction for t in ahead[len(run):]]
        if len(run) >= 2 and series and after and len(totals) >= len(run) + len(after) and \
                [f.direction for f in totals[-len(after):]] == after:
            # "..., a net gain of only 65" after the run restates the last total before it too
            series = totals[-len(run) - len(after):-len(after)]
        if len(series) < len(run) or len({f.direction for f in series}) < len(run):
            continue
        for token, counterpart in zip(run, series, strict=True):
            figure = by_token[token.start]
            figure.direction, figure.direction_source = counterpart.direction, "context"
            figure.notes.append("direction: that of the total it corresponds to, in order")
