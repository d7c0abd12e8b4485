"""Who counted a figure: Kazakhstan, or a neighbour whose own statistics the document gives.

One public entry: ``set_reporters(text, sentences, figures, head)``. A figure keeps its reporter
faithfully: a Kyrgyz committee's "Прибыло из Казахстана 341" is Kyrgyzstan's immigration (reporting
area KGZ, ``FigureFound.area``) from Kazakhstan (partner KAZ), not Kazakhstan's emigration. The graph
keeps what the reporter counted, since mirror statistics differ in fact; the evaluation compares such
a figure with Kazakhstan's side as a mirror.

The reporter comes from the document, never from a partner named alone:

- for the whole text: a foreign statistics office or ministry as the issuer, in the lines above the
  first paragraph ("Национальный статистический комитет Кыргызской Республики"), or a heading of a
  foreign country's exchange with Kazakhstan ("Миграционный обмен Кыргызской Республики с
  Республикой Казахстан");
- for a sentence, the rest of its paragraph and the next one: a foreign office as the source ("по
  данным Национального статистического комитета Кыргызской Республики", "The Kyrgyz committee
  registered", "Тәжікстан статистика агенттігінің мәліметі бойынша").

Under a foreign reporter, a figure whose clause names Kazakhstan as where people went ("в Казахстан
выбыли", "leaving for Kazakhstan", "Қазақстанға") is the reporter's emigration to Kazakhstan, and one
naming it as where they came from ("из Казахстана", "from Kazakhstan") its immigration; a figure
whose partner is Kazakhstan already (a table row) keeps its direction; a balance "с Казахстаном" is
the reporter's; a figure after one of those that the figure steps read in the same frame (the number
compared with it, "из них", a counter flow) follows it. A Kazakh source naming Kyrgyzstan as partner
keeps Kazakhstan as reporter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import FigureFound
from .context import clause_of
from .countries import Mention, find_places
from .textutil import Sentences

# an office that counts: statistics committees and agencies, ministries, migration services
_OFFICE = re.compile(
    r"\bstatistic(?:al|s)?\s+(?:committee|agency|office|service|bureau)\b|"
    r"\b(?:committee|agency|office|bureau)\s+(?:on|of|for)\s+statistics\b|"
    r"\bministry\s+of\s+(?:labou?r|internal\s+affairs|interior|foreign\s+affairs)\b|\bmigration\s+service\b|"
    r"(?<![а-яё])(?:статистическ\w*\s+(?:комитет|агентств|служб|управлени)\w*|"
    r"(?:комитет|агентств|управлени)\w*\s+(?:по\s+)?статистик\w*|(?:нац)?статком\w*|"
    r"министерств\w*\s+(?:труда|внутренних\s+дел|иностранных\s+дел)|миграционн\w+\s+служб\w*|"
    r"минтруд\w*|мвд)|"
    r"статистика\s+(?:комитет|агенттіг|басқарма)\w*",
    re.IGNORECASE)
# "The Kyrgyz committee registered": a short office name right after the country's adjective
_SHORT_OFFICE = re.compile(r"(?:['’]s)?[ \t]+(?:statistic(?:s|al)\s+)?"
                           r"(?:committee|agency|office|bureau|side)\b|"
                           r"[ \t]+сторон\w*|"
                           r"[ \t]+(?:статистическ\w+\s+)?(?:комитет|агентств)\w*|"
                           r"[ \t]+статистика\s+(?:комитет|агенттіг)\w*", re.IGNORECASE)
# offices known by a name of their own: Kazakhstan's bureau, Russia's Rosstat, Germany's Destatis,
# Kyrgyzstan's Natsstatkom
_NAMED_OFFICES = ((re.compile(r"\bBureau\s+of\s+National\s+Statistics\b|\bBNS\b|(?<![а-яё])(?:Бюро\s+"
                              r"национальной\s+статистики|БНС)(?![а-яё])|Ұлттық\s+статистика\s+бюро\w*",
                              re.IGNORECASE), "KAZ"),
                  (re.compile(r"\bRosstat\b|(?<![а-яё])Росстат\w*", re.IGNORECASE), "RUS"),
                  (re.compile(r"\bDestatis\b"), "DEU"),
                  # Kyrgyzstan's National Statistical Committee, by its short name in Bishkek's press
                  (re.compile(r"(?<![а-яё])Нацстатком\w*|\bNatsstatkom\b", re.IGNORECASE), "KGZ"))
_KAZAKH_OFFICE = re.compile(r"статистика\s+(?:комитет|агенттіг|басқарма)", re.IGNORECASE)
_OFFICE_BEFORE = 45       # the Kazakh order puts the country first: "Қырғыз Республикасы Ұлттық ..."
_OFFICE_AFTER = 70        # "... при Президенте Республики Узбекистан", "... of the Kyrgyz Republic"
# "Миграционный обмен Кыргызской Республики с Республикой Казахстан", "exchange of Kyrgyzstan with
# Kazakhstan": the first country counts
_EXCHANGE = re.compile(r"(?:обмен\w*|exchange|алмас\w*)\s+(?:населением\s+)?(?:of\s+(?:the\s+)?)?$",
                       re.IGNORECASE)
_WITH_KAZAKHSTAN = re.compile(r"\s*(?:с|with)\s+(?:(?:the\s+)?Republic\s+of\s+|Республикой\s+)?"
                              r"(?:Kazakhstan|Казахстаном)", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[,;:.()\d]|\s[-–—]\s")
_HEAD_LINES = 10
_PROSE_LINE = 160         # the first line this long is the first paragraph: the head ends above it

_TO_KAZ = re.compile(r"\b(?:to|into|for)\s+(?:the\s+Republic\s+of\s+)?Kazakhstan\b(?!['’]s)|"
                     r"(?<![а-яёА-ЯЁ])(?:в|во)\s+(?:Республик\w+\s+)?Казахстан(?![а-яё])|"
                     r"Қазақстанға|(?<![а-яё])на\s+казахстанск\w+", re.IGNORECASE)
_FROM_KAZ = re.compile(r"\bfrom\s+(?:the\s+Republic\s+of\s+)?Kazakhstan\b(?!['’]s)|"
                       r"(?<![а-яёА-ЯЁ])из\s+(?:Республик\w+\s+)?Казахстана(?![а-яё])|Қазақстаннан",
                       re.IGNORECASE)
_BALANCE_WITH_KAZ = re.compile(r"(?<![а-яё])с\s+(?:Республикой\s+Казахстан(?:ом)?|Казахстаном)(?![а-яё])|"
                               r"\bwith\s+(?:the\s+Republic\s+of\s+)?Kazakhstan\b|"
                               r"Қазақстан(?:\s+Республикасы)?мен")
# a part of the count before it: "прибыли 2 037, в том числе из Казахстана – 476": the place is the part's
_SUBSET = re.compile(r"(?<![а-яё])(?:в\s+том\s+числе|из\s+них|из\s+которых)(?![а-яё])|"
                     r"\b(?:including|of\s+(?:whom|which|them)|among\s+them)\b|оның\s+ішінде",
                     re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;]|\s(?:и|а|and|but|while|тогда\s+как|ал|және)\s", re.IGNORECASE)
# Kazakhstan named right before the number, as an item of a list: "Республика Казахстан (3 118 человек"
_AT_NUMBER = re.compile(r"[ \t]*(?:\(|[-–—:][ \t]*)?[ \t]*$")
# a partner named right at the number ("4,860 people arrived from Russia") speaks in Kazakhstan's frame
_OWN_PARTNER = ("next", "after", "unit")
_KAZAKHSTAN_END = "direction: Kazakhstan named as where the movement ends or starts"
_OPPOSITE = {"immigration": "emigration", "emigration": "immigration"}


@dataclass
class _Frame:
    """A figure set in a foreign reporter's frame: how the figure steps had read it, and as what."""

    reporter: str
    paragraph: int
    read_as: tuple[str | None, str | None]     # (direction, country) as read before
    direction: str


def _office_country(text: str, office: re.Match[str], places: list[Mention]) -> str | None:
    """The country whose office this is: named right after it, or, in the Kazakh order, before."""
    line_start = text.rfind("\n", 0, office.start()) + 1
    line_end = text.find("\n", office.end())
    line_end = len(text) if line_end < 0 else line_end
    # one name with the office's: nothing between them that ends a phrase ("..., в Казахстан")
    near = [p for p in places if not p.place.is_group and (
        office.end() <= p.start < min(line_end, office.end() + _OFFICE_AFTER) and
        not _PHRASE_BREAK.search(text, office.end(), p.start) or
        max(line_start, office.start() - _OFFICE_BEFORE) <= p.start < office.start() and
        not _PHRASE_BREAK.search(text, p.end, office.start()))]
    if not near:
        return None
    after = [p for p in near if p.start >= office.end()]
    before = [p for p in near if p.start < office.start()]
    if _KAZAKH_OFFICE.match(office.group()) and before:
        return before[-1].place.code    # "Өзбекстан ... Статистика агенттігі": the country first
    chosen = after[0] if after else near[-1]
    return chosen.place.code


# a news item's dateline: a capital at a line's start, a date or an agency in brackets after it, then
# a dash ("БИШКЕК, 12 марта —", "TASHKENT (Reuters) -", "Ташкент. 3 апреля. КазТАГ –"); it says where
# the item was written, not who counted: alone it makes no reporter (a Kazakh agency writes from
# Tashkent too), but an office it names without a country ("по данным статистического комитета") is
# that city's country's
_CAPITALS = {"бишкек": "KGZ", "bishkek": "KGZ", "ташкент": "UZB", "tashkent": "UZB", "toshkent": "UZB",
             "душанбе": "TJK", "dushanbe": "TJK", "москва": "RUS", "moscow": "RUS", "ашхабад": "TKM",
             "ashgabat": "TKM", "астана": "KAZ", "astana": "KAZ", "алматы": "KAZ", "almaty": "KAZ"}
_DATELINE = re.compile(r"^[ \t]*(?P<city>" + "|".join(_CAPITALS) + r")(?![\w-])(?P<rest>[^\n—–-]{0,60}?)"
                       r"[ \t]*[—–-][ \t]", re.IGNORECASE | re.MULTILINE)
_DATELINE_LINES = 12


def _dateline_country(head: str) -> str | None:
    """The country of the capital in the text's dateline, among its first lines: a date or an agency
    in brackets between the capital and the dash, or the capital alone in capitals ("BISHKEK — ")."""
    first = "\n".join(head.splitlines()[:_DATELINE_LINES])
    for dateline in _DATELINE.finditer(first):
        rest = dateline.group("rest")
        if re.search(r"\d|\(", rest) or not rest.strip() and dateline.group("city").isupper():
            return _CAPITALS[dateline.group("city").lower()]
    return None


def _offices(text: str, start: int, end: int, places: list[Mention],
             dateline: str | None = None) -> list[tuple[int, str]]:
    """The offices named between ``start`` and ``end``, in order: (offset, country; KAZ for
    Kazakhstan's); an office named without its country is the dateline's country's, if any."""
    found = [(m.start(), code) for pattern, code in _NAMED_OFFICES
             for m in pattern.finditer(text, start, end)]
    found += [(office.start(), code) for office in _OFFICE.finditer(text, start, end)
              if (code := _office_country(text, office, places) or dateline) is not None]
    found += [(place.start, place.place.code) for place in places
              if start <= place.start < end and not place.place.is_group and
              _SHORT_OFFICE.match(text, place.end)]
    return sorted(found)


def _document_reporter(head: str) -> str | None:
    """A foreign reporter of the whole document, from its issuer or heading above the first paragraph."""
    # "НАЦИОНАЛЬНЫЙ СТАТИСТИЧЕСКИЙ КОМИТЕТ КЫРГЫЗСКОЙ РЕСПУБЛИКИ": a line in capitals read as a title
    head = "".join(line.title() if line.isupper() else line for line in head.splitlines(keepends=True))
    lines, end = 0, 0
    for line in head.splitlines(keepends=True):
        if len(line.strip()) >= _PROSE_LINE or lines >= _HEAD_LINES or \
                len(line.strip()) >= 60 and line.rstrip().endswith((".", "!", "?")):
            break                 # the first paragraph of prose
        end += len(line)
        lines += bool(line.strip())
    places = find_places(head, 0, len(head))
    offices = _offices(head, 0, end, places)
    code = offices[0][1] if offices else None
    if code is None:
        for place in places:
            if place.start < end and _EXCHANGE.search(head, max(0, place.start - 40), place.start) and \
                    _WITH_KAZAKHSTAN.match(head, place.end):
                code = place.place.code
                break
    return code if code != "KAZ" else None


_ROW_NOTE = re.compile(r"table cell: row '(?P<label>[^']*)'")


def _kazakhstan_row(figure: FigureFound) -> bool:
    """Whether the figure is a cell of a table row labelled with Kazakhstan alone."""
    row = next((m for note in figure.notes if (m := _ROW_NOTE.match(note))), None)
    if row is None:
        return False
    label = row.group("label")
    return {p.place.code for p in find_places(label, 0, len(label))} == {"KAZ"}


def _own_segment(clause: tuple[int, int], figure: FigureFound, counts: list[tuple[int, int]],
                 text: str, reporter: str) -> tuple[int, int]:
    """The part of ``clause`` that speaks of ``figure`` alone: after the count before it, up to the
    count after it or a part it names ("2 037, в том числе из Казахстана – 476, из России – 1 102":
    Kazakhstan is 476's, not 2 037's or 1 102's)."""
    start, end = clause
    after_count = False
    # a count compared with the one before it ("163 ..., compared with 171 a year earlier") shares its
    # place; one that names a partner of its own ("из Российской Федерации – 1 102") does not
    own_partner = figure.country not in (None, "KAZ", reporter)
    for other_start, other_end in counts:
        if other_end <= figure.start:
            if own_partner and other_end > start:
                start, after_count = other_end, True
        elif other_start >= figure.end:
            end = min(end, other_start)
            break
    if after_count:       # "476 from Kazakhstan and 1,102 from Russia": the place before "and" is 476's
        start = max((m.end() for m in _SEPARATOR.finditer(text, start, figure.start)), default=start)
    subset = _SUBSET.search(text, figure.end, end)
    return start, subset.start() if subset else end


def _named_at_number(text: str, figure: FigureFound, places: list[Mention]) -> bool:
    """Whether Kazakhstan is the place named right before the number, as a list item names it."""
    before = [p for p in places if figure.start - 60 <= p.start and p.end <= figure.start]
    return bool(before) and before[-1].place.code == "KAZ" and not before[-1].place.is_group and \
        bool(_AT_NUMBER.fullmatch(text, before[-1].end, figure.start))


_FROM_BEFORE = re.compile(r"(?:(?<![а-яё])(?:из|изо)|\bfrom(?:\s+the)?)\s+$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?:(?<![а-яё])(?:в|во)|\b(?:to|into|for)(?:\s+the)?)\s+$", re.IGNORECASE)


def _third_country_end(text: str, segment: tuple[int, int], figure: FigureFound,
                       places: list[Mention]) -> None:
    """A neighbour's own flow with a third country, in the neighbour's frame: "из Российской Федерации
    – 1 102" under Uzbekistan's agency came to Uzbekistan, whatever the sentence's other places."""
    mention = next((p for p in places if segment[0] <= p.start and p.end <= segment[1] and
                    p.place.code == figure.country), None)
    if mention is None:
        return
    head = text[max(segment[0], mention.start - 12):mention.start]
    wanted = "immigration" if _FROM_BEFORE.search(head) else "emigration" if _TO_BEFORE.search(head) else None
    if wanted and wanted != figure.direction:
        figure.direction = wanted
        figure.notes.append("direction: the reporter's own flow with a third country, by its preposition")


def _kazakhstan_role(text: str, clause: tuple[int, int]) -> str | None:
    """Kazakhstan as where the clause's people went ("to"), came from ("from"), or neither."""
    to = _TO_KAZ.search(text, *clause)
    come = _FROM_KAZ.search(text, *clause)
    if (to is None) == (come is None):
        return None
    return "to" if to else "from"


# "выехали за рубеж 5,9 тыс.": abroad as a whole, not to Kazakhstan
_ABROAD = re.compile(r"(?<![а-яё])(?:за\s+рубеж\w*|за\s+границ\w*)|\babroad\b|шетел\w*", re.IGNORECASE)
_REVERSE = re.compile(r"обратн\w*|встречн\w*|\bopposite\b|\breverse\b|\bother\s+way\b|керісінше|кері\s+бағыт",
                      re.IGNORECASE)


def _kazakhstan_role_before(text: str, start: int, position: int) -> str | None:
    """Kazakhstan's role named once in the sentence before the number ("Из Казахстана в Кыргызстан
    вернулись и переселились 187"), unless a counter flow is named between them."""
    role = _kazakhstan_role(text, (start, position))
    if role is None:
        return None
    last = max(m.end() for m in (*_TO_KAZ.finditer(text, start, position),
                                 *_FROM_KAZ.finditer(text, start, position)))
    return None if _REVERSE.search(text, last, position) else role


def _kazakhstan_end(text: str, sentence: tuple[int, int], figure: FigureFound) -> None:
    """Kazakhstan's own count: "365 departures to Kazakhstan" arrive in it, "arrivals from
    Kazakhstan" leave it (one end of the route named, against the word of the number)."""
    if figure.direction not in _OPPOSITE or figure.country in (None, "KAZ") or \
            any(note.startswith("direction: the reverse") for note in figure.notes):
        return                # "742 moved from Kyrgyzstan to Kazakhstan and 301 went the other way"
    # the number's own segment, between commas or line ends ("8,870 — departures to Russia")
    cut = max(text.rfind(mark, sentence[0], figure.start) for mark in ",;\n")
    stop = re.compile(r"[,;.\n]").search(text, figure.end, sentence[1])
    clause = (cut + 1 if cut >= 0 else sentence[0], stop.start() if stop else sentence[1])
    role = _kazakhstan_role(text, clause)
    mentions = [m for pattern in (_TO_KAZ, _FROM_KAZ) for m in pattern.finditer(text, *clause)]
    if role is None or any(_REVERSE.search(text, min(m.end(), figure.start), max(m.start(), figure.start))
                           for m in mentions):
        return                # "в Казахстан переехали 982, тогда как в обратном направлении — 240"
    wanted = {"to": "immigration", "from": "emigration"}.get(role or "")
    if wanted and wanted != figure.direction:
        figure.direction = wanted
        figure.notes.append(_KAZAKHSTAN_END)


def set_reporters(text: str, sentences: Sentences, figures: list[FigureFound], head: str) -> None:
    """Set ``area`` of the figures a foreign office counted, in that office's frame (partner KAZ)."""
    if not figures or not sentences.spans:
        return
    document = _document_reporter(head)
    dateline = _dateline_country(head)
    places: list[Mention] | None = None
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    last: _Frame | None = None
    counts = sorted((f.start, f.end) for f in figures if f.unit == "persons" and f.value is not None)
    for figure in figures:
        # a stated change ("на 12% больше, чем годом ранее") is the reporter's as the count it qualifies
        change = figure.value is None and figure.stated_change_pct is not None
        if figure.direction not in ("immigration", "emigration", "net") or \
                figure.unit != "persons" and not change:
            continue
        index = sentences.index_at(figure.start)
        paragraph = sentences.paragraph_of[index]
        reporter = document
        if reporter is None:
            if places is None:
                places = find_places(text, 0, len(text))
            reporter = _sentence_reporter(text, sentences, index, figure.start, places, by_sentence, dateline)
        if reporter is None or reporter == "KAZ":
            _kazakhstan_end(text, sentences.spans[index], figure)
            continue
        if places is None:
            places = find_places(text, 0, len(text))
        clause = _own_segment(clause_of(text, sentences.spans[index], figure.start), figure, counts, text,
                              reporter)
        read_as = (figure.direction, figure.country)
        if figure.country is None and _kazakhstan_row(figure):
            figure.country = "KAZ"     # a row "Казахстан" in a neighbour's table of countries
        if figure.country == reporter and figure.country_source == "table":
            # "обмен Кыргызской Республики с Республикой Казахстан": the reporter, then its partner
            figure.country = "KAZ"
            if _KAZAKHSTAN_END in figure.notes and figure.direction in _OPPOSITE:
                # "Departed from Tajikistan to Kazakhstan", read as Kazakhstan's arrivals: the
                # reporter's departures
                figure.direction = _OPPOSITE[figure.direction]
        direction: str | None = None
        sentence_from = _own_segment(sentences.spans[index], figure, counts, text, reporter)[0]
        if figure.direction == "net":
            if figure.country == "KAZ" or _BALANCE_WITH_KAZ.search(text, *clause) or \
                    _BALANCE_WITH_KAZ.search(text, sentence_from, figure.start):
                direction = "net"     # "сальдо с Республикой Казахстан ... отрицательное: минус 2 642"
        elif (role := _kazakhstan_role(text, clause) or (
                None if figure.country is not None and figure.country_source in _OWN_PARTNER else
                _kazakhstan_role_before(text, sentence_from, figure.start))) is not None:
            direction = "emigration" if role == "to" else "immigration"
        elif figure.direction in _OPPOSITE and _named_at_number(text, figure, places):
            direction = figure.direction     # "странами выбытия ... Республика Казахстан (3 118 человек"
        elif figure.country == "KAZ":
            direction = figure.direction
        elif last is not None and last.reporter == reporter and paragraph <= last.paragraph + 1 and \
                figure.year_source != "table" and \
                (figure.country is None and figure.direction == last.read_as[0] and
                 not _ABROAD.search(text, *clause) or
                 figure.country == last.read_as[1] and figure.country_source not in _OWN_PARTNER and
                 figure.direction in (last.read_as[0], _OPPOSITE.get(last.read_as[0] or ""))):
            direction = last.direction if figure.direction == last.read_as[0] else _OPPOSITE[last.direction]
        if direction is None:
            if document is not None:
                figure.area = reporter     # the issuer's own flows with a third country, or its totals
                if figure.country == reporter:
                    figure.country = figure.country_name = None    # "В Узбекистан прибыли 2 037"
                elif figure.direction in _OPPOSITE and figure.country not in (None, "KAZ"):
                    _third_country_end(text, clause, figure, places)
            continue
        figure.area, figure.country, figure.country_name = reporter, "KAZ", None
        figure.direction = direction
        last = _Frame(reporter, paragraph, read_as, direction)


def _sentence_reporter(text: str, sentences: Sentences, index: int, position: int, places: list[Mention],
                       cache: dict[int, list[tuple[int, str]]], dateline: str | None) -> str | None:
    """The office given as source nearest before ``position`` in its sentence (else the first after it
    there), or the last one in a sentence before it in this paragraph or the one before."""
    paragraph = sentences.paragraph_of[index]
    for at in range(index, -1, -1):
        if sentences.paragraph_of[at] < paragraph - 1:
            return None
        if at not in cache:
            cache[at] = _offices(text, *sentences.spans[at], places, dateline)
        offices = cache[at]
        if at == index and offices:
            before = [code for start, code in offices if start < position]
            return before[-1] if before else offices[0][1]
        if offices:
            return offices[-1][1]
    return None
