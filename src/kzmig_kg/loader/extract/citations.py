"""Step 3: citations of legal acts, in English, Russian and Kazakh legal writing.

One public entry: ``find_citations(text)``. A citation starts at an act-type head (``Law``,
``Constitutional Law``, ``Joint Decree``, ``Government Resolution``, ``Labour Code``, ``Закон``,
``Постановлением``, ``Трудовой кодекс`` ...), optionally after a jurisdiction (``RK Law``). From
the head the parser reads, each part optional, in the orders documents use:

    head [issuer: of the Government of the Republic of Kazakhstan | Правительства РК]
         [having the force of law] [title: "On Migration" | «О миграции населения»]
         [date: dated 22 July 2011 | of 22.07.2011 | от 22 июля 2011 года]
         number: No. 477-IV | № 477-IV | N 2337 | Nos. 148 and 838 | 477-IV (no mark)
         [title: on Population Migration] [year: , 2011 | (2011) | of 2011 | dated ...]
         [title: "On Population Migration"]

Examples: ``(Law No. 477-1V, 2011)``, ``Law No. 201-V (2014)``, ``Resolution of the Government
of the Republic of Kazakhstan No. 961, 2022``, ``Joint Decree of the Minister of Internal Affairs
of the Republic of Kazakhstan No. 215, 2004``, ``Constitutional Law of the Republic of
Kazakhstan No. 438-V (2015)``, ``Закон Республики Казахстан от 22 июля 2011 года № 477-IV``,
``Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңы``.

A citation needs a number, or else a stated issuer with a year or a quoted title (``Joint Decree
of the Acting Minister of Foreign Affairs of the Republic of Kazakhstan (2016)``: form
``issuer``). Acts named by title only (``the Law on the Legal Status of Foreigners``) are found
with form ``title`` and a lower confidence. Numbers are normalised (``actnumbers``), act types and
issuers classified (``acttypes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actnumbers import normalise_act_number
from .actrows import act_rows
from .acttypes import ISSUERS, JURISDICTIONS, classify, issuer_of
from .dates import DATE_PATTERN, MONTH_EN, MONTH_KK, YEAR, parse_dates
from .textutil import Spans

WS = r"[\s\u00a0]{1,12}"
OWS = r"[\s\u00a0]{0,12}"
_QUOTED = (r"(?:\"[^\"]{2,220}?\"|“[^”]{2,220}?”|«[^«»]{2,220}?(?:«[^«»]{1,80}»[^«»]{0,40})?»|"
           r"„[^“”]{2,220}?[“”]|'[^'\n]{2,160}?')")
_LETTERS = r"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# An act number: optional letter code (ҚР ДСМ-), serial, hyphenated convocation or parts, /year,
# optional ЗРК suffix.
# the end of a number's part: no letter or digit follows, but a note mark may ("№ 477-IV¹")
_PART_END = r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"
NUMBER = (rf"(?:(?:[{_LETTERS}]{{1,4}}[ \u00a0]){{0,2}}[{_LETTERS}]{{1,4}}-)?\d{{1,6}}"
          rf"(?:[ \t]?[-–—][ \t]?(?:[IVXLivxl1|ІХ]{{1,6}}|\d{{1,4}}){_PART_END})*(?:/\d{{1,4}})?"
          rf"(?:[ \t]?-?[ \t]?(?:ЗРК|ZRK|ҚРЗ){_PART_END})?"
          # a Russian federal law's number ends in its kind: "№ 109-ФЗ", "No. 115-FZ", "№ 1-ФКЗ"
          rf"(?:-(?:ФЗ|ФКЗ|FZ|FKZ){_PART_END})?")
_CONVOCATION_NUMBER = rf"\d{{1,6}}[ \t]?[-–][ \t]?(?:[IVX][IVX1]{{0,4}}|1[IVX][IVX1]{{0,3}}){_PART_END}(?!-)"

# ------------------------------------------------------------------------------------ English

_MODIFIER = (r"(?:Constitutional|Joint|Interministerial|Inter-ministerial|Government(?:al)?|"
             r"Presidential|Ministerial|Federal|Criminal|Labou?r|Tax|Civil|Administrative|"
             r"Entrepreneurial|Budget|Land|Customs|Environmental|Ecological|Water|Forest|Draft|"
             r"Social|Health|Family|Penal|Procedural|Criminal[- ]Procedure|Civil[- ]Procedure|"
             r"Cabinet|Supreme\s+Council)")
_CORE = r"(?:Laws?|Codes?|Decrees?|Resolutions?|Orders?|Instructions?|Edicts?|Ordinances?|Bill)"
_JURIS_EN = r"(?P<juris>RK|RoK|Kazakh(?:stan(?:'s|i)?)?|Russian)"
# an issuer and an act type abbreviated ("Gov. Res. No. 961", "Govt. Decree", "Gov't Resolution",
# "Pres. Decree"),
# read as written out (``_written_out``)
_ABBREVIATED_HEAD = (r"(?:Gov(?:['’]?t|ernment)?\.?[ \u00a0]?(?:Res(?:ol)?\.|Resolution|Dec(?:r)?\.|Decree)|"
                     r"Pres(?:idential)?\.?[ \u00a0]?(?:Dec(?:r)?\.|Decree))"
                     r"(?=[\s\u00a0]*(?:No\b|Nr\b|№|N\s*\d))")
_ABBREVIATIONS = ((re.compile(r"^Gov[\w'’]*\.?"), "Government"), (re.compile(r"^Pres\w*\.?"), "Presidential"),
                  (re.compile(r"\bRes(?:ol)?\.$"), "Resolution"), (re.compile(r"\bDecr?\.$"), "Decree"))


def _written_out(head: str) -> str:
    """"Gov. Res." -> "Government Resolution": a head as ``classify`` reads it."""
    if not re.match(r"(?:Gov|Pres)(?:\w*\.|['’]t\b)", head) and \
            not re.search(r"\b(?:Res|Resol|Dec|Decr)\.$", head):
        return head
    words = re.split(r"[ \u00a0]+|(?<=\.)(?=\w)", head.strip())
    out = []
    for word in words:
        for pattern, full in _ABBREVIATIONS:
            if pattern.search(word):
                word = full
                break
        out.append(word)
    return " ".join(out)


_HEAD_EN = re.compile(
    rf"(?<![\w-])(?:{_JURIS_EN}{WS})?(?P<head>(?:(?:{_MODIFIER}){WS}){{0,2}}"
    rf"(?:{_CORE}|(?:law|code|decree|resolution|order)(?=\s+(?:No\b|Nr\b|№|\"|“|«|\d)))"
    # "Joint order of the Minister ...": an issuing modifier before a head in small letters
    rf"|(?:Joint|Government|Ministerial|Presidential|Interministerial){WS}(?:order|decree|resolution)"
    rf"|{_ABBREVIATED_HEAD})(?![\w-])")
_CAP = r"(?!No\b|Nr\b|Nos\b|On\b|Article\b|Art\b|Dated\b)[A-Z][\w'’.\-]*"
_CONNECTOR = r"(?:of|and|for|the|on|in|at|de|&)"
_ISSUER_EN = re.compile(
    rf"{WS}of{WS}(?:the{WS})?(?P<issuer>{_CAP}(?:,?{WS}(?:{_CONNECTOR}{WS}){{0,3}}{_CAP}){{0,16}})")
_FORCE = re.compile(rf"{OWS},?{OWS}having{WS}the{WS}force{WS}of{WS}(?:a{WS})?law", re.IGNORECASE)
_TITLE_QUOTED = re.compile(rf"{OWS},?{OWS}(?P<title>{_QUOTED})")
_TITLE_WORD = r"(?!No\b|Nos\b|Nr\b)[A-Z][\w'’\-]*"        # "... Migration No. 477-IV": the number ends it
_TITLE_ON = re.compile(
    rf"{WS}(?P<title>[Oo]n{WS}(?:the{WS})?{_TITLE_WORD}(?:{WS}(?:(?:of|the|and|for|in|to|on){WS})"
    rf"{{0,2}}{_TITLE_WORD}){{0,8}})")
_DATE_CLAUSE = re.compile(rf"{OWS},?{OWS}(?:dated|of|from|on|adopted{WS}on|от){WS}"
                          rf"(?P<date>{DATE_PATTERN})")
_NUMBER = re.compile(
    rf"{OWS},?{OWS}(?:Nos\.?|№№){OWS}(?P<number>{NUMBER})"
    rf"(?P<more>(?:{OWS}(?:,|and|&|и){OWS}{NUMBER}(?![\d,.]\d))+)"
    rf"|{OWS},?{OWS}(?:No\.?|Nr\.?|N°|№|#|N(?=\s*\d)){OWS}(?P<number1>{NUMBER})(?:\.(?=,))?")
_BARE_NUMBER = re.compile(rf"{WS}(?P<number>{_CONVOCATION_NUMBER})")
_YEAR_AFTER = re.compile(
    rf"(?:{OWS},{OWS}(?:dated{WS}|of{WS})?(?P<date>{DATE_PATTERN})"
    rf"|{OWS}\({OWS}(?P<date3>{DATE_PATTERN}){OWS}\)"
    rf"|{OWS},{OWS}\(?(?P<year>{YEAR})\)?(?![\d,.]\d)"
    rf"|{OWS}\({OWS}(?P<year2>{YEAR}){OWS}\)"
    rf"|{WS}(?:dated|of|from|от|on){WS}(?P<date2>{DATE_PATTERN})"
    rf"|{WS}(?:of|from|in){WS}(?P<year3>{YEAR})(?![\d,.]\d)"
    # Chicago: 'Law No. 477-IV “On Population Migration.” July 22, 2011.'
    rf"|(?<=[.”\"»])[ \t]+(?P<date4>{DATE_PATTERN}))")
# a pinpoint to a part of the act between its number and its date: ", art. 517", ", arts. 1-3",
# ", § 5", ", para. 2", ", ст. 517", ", п. 3"
_PINPOINT = re.compile(rf"{OWS},{OWS}(?i:arts?\.|articles?|§§?|paras?\.|pt\.|ст\.|статья|п\.|пп\.)"
                       rf"{OWS}\d{{1,4}}(?:[-–]\d{{1,4}}|\.\d{{1,3}})?(?![\d,.]\d)")
# "Code on Administrative Offences (No. 235-V of 5 July 2014)": title, then number and date in brackets
_PAREN_NUMBER = re.compile(
    rf"{OWS}\({OWS}(?:No\.?|Nr\.?|№|N(?=\s*\d)){OWS}(?P<number>{NUMBER})"
    rf"(?:{OWS}[,;]?{OWS}(?:(?:of|dated|from){WS})?(?P<date>{DATE_PATTERN}|{YEAR}))?"
    # the bracket closes, or goes on with the act's identifier ("...; Adilet: Z1100000477)")
    rf"(?:{OWS}\)|(?={OWS}[;,]{OWS}(?:Adilet|Әділет|ИПС|ID)\b))")
_YEAR_PAREN = re.compile(rf"{OWS}(?:,{OWS})?\({OWS}(?P<year>{YEAR}){OWS}\)|{OWS},{OWS}(?P<year2>{YEAR})"
                         rf"(?={OWS}[);])")

# ------------------------------------------------------------------------------------ Russian

_HEAD_RU = re.compile(
    r"(?<![\w-])(?P<head>(?:[Фф]едеральн\w+\s+)?(?:[Кк]онституционн\w+\s+)?[Зз]акон(?:а|у|ом|е|ы|ов|ами|ам|ах)?|"
    r"(?:[А-ЯЁа-яё]+(?:ый|ой|ий|ого|его|ому|ему|ым|им|ом|ем)\s+)?[Кк]одекс\w*|[Уу]каз\w*|[Пп]остановлени\w*|"
    r"[Сс]овместн\w+\s+(?:приказ|постановлени)\w*|[Пп]риказ\w*|[Рр]аспоряжени\w*|[Ии]нструкци\w*|"
    r"[Рр]ешени\w*|[Пп]роект\w*\s+[Зз]акона|[Зз]аконопроект\w*|"
    # the codes' usual abbreviations, when a number or the state follows: "КоАП (№ 235-V ...)"
    r"(?:КоАП|УПК|ГПК|[УГТН]К)(?=[\s\u00a0]*(?:\(?[\s\u00a0]*№|РК\b|Республики))|"
    # a Government resolution abbreviated, its date or number after it: "ПП РК от 30.11.2022 № 961"
    r"ПП(?=[\s\u00a0]+(?:РК[\s\u00a0]+)?(?:от\b|№)))(?![\w-])",
    re.IGNORECASE)                     # a heading's capitals: "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН от ..."
_STOP_RU = r"от\b|№|N\s*\d|«|\"|“|,\s*(?:имеющ|от\b)|\(|;"
# a word that ends its sentence ("асырылады. Басым"): an issuer never runs past it
# (a word with a dot inside is an abbreviation: "и.о. Министра")
_SENTENCE_END = r"(?<![.\w])[^\s\u00a0№«\"“();,.]{3,}\.[\s\u00a0]+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]"
# the words of an issuer or an unquoted title: across a line break, never across a column's gap (three
# spaces) or a figure ("Трудовой кодекс Республики Казахстан      23.11.2015      414-V")
_GAP = r"(?:[ \t\u00a0]{1,2}|[ \t\u00a0]*\n[ \t\u00a0]*)"
_ISSUER_RU = re.compile(
    rf"(?P<issuer>(?:{_GAP}(?!{_STOP_RU}|об?\b|{_SENTENCE_END}|\d)[^\s\u00a0№«\"“();,]+){{0,12}}?)"
    rf"(?P<title>{_GAP}об?[\s\u00a0](?:(?![ \t\u00a0]{{3}}|\d)[^№«\"“();]){{3,120}}?)?"
    rf"(?=[\s\u00a0]*(?:{_STOP_RU}|,))")
_ALIAS_RU = re.compile(r"[\s\u00a0]*\((?:далее[\s\u00a0]*[-–—]?[\s\u00a0]*)?[^()\n№\d]{2,40}\)")
_FORCE_RU = re.compile(r"[\s\u00a0]*,?[\s\u00a0]*имеющ\w+\s+силу\s+закона[\s\u00a0]*,?")
_NUMBER_RU = re.compile(rf"[\s\u00a0]*[,(]?[\s\u00a0]*(?:за[\s\u00a0]+)?(?:№|N|No\.?)[\s\u00a0]*"
                        rf"(?P<number>{NUMBER})")
_DATE_RU = re.compile(rf"[\s\u00a0]*(?:[,(][\s\u00a0]*)?от[\s\u00a0]+(?P<date>{DATE_PATTERN})")
_YEAR_RU = re.compile(rf"[\s\u00a0]*(?:,[\s\u00a0]*(?P<date>{DATE_PATTERN})|"
                      rf",[\s\u00a0]*(?P<year>{YEAR})(?![\d])|\([\s\u00a0]*(?P<year2>{YEAR})"
                      rf"[\s\u00a0]*(?:г\.|год)?[\s\u00a0]*\)|[\s\u00a0]+от[\s\u00a0]+(?P<year3>{YEAR})"
                      rf"[\s\u00a0]*(?:г\.|года))")

_ADOPTED_RU = re.compile(rf"[\s\u00a0]*,?[\s\u00a0]*(?:принят|утвержд|подписан)\w*[^.;\d]{{0,60}}?"
                         rf"(?:в|от)[\s\u00a0]+(?P<year>{YEAR})[\s\u00a0]*(?:году|г\.)")

# ------------------------------------------------------------------------------------- Kazakh

# "2022 жылғы 30 қарашадағы", "2022 ж. 30 қарашадағы", "30.11.2022", "30.11.2022 ж." (жылғы shortened)
_KK_DATE = (rf"(?:{YEAR}\s+(?:жылғы|ж\.)\s*\d{{1,2}}\s+{MONTH_KK}|"
            rf"\d{{1,2}}\.\d{{1,2}}\.{YEAR}(?:\s*(?:жылғы|ж\.)(?!\w))?)")
_KK_HEAD = (r"(?:Заңы|Кодексі|қаулысы|Жарлығы|бұйрығы|Конституциялық\s+заңы|"
            # the head with a case ending after it: "... № 224-VII ҚРЗ Әлеуметтік кодексіне сәйкес"
            r"(?:Конституциялық\s+)?[Зз]аң(?:ы|ына|ын|ымен|ында|ынан|дар\w*)(?![\w])|[Кк]одекс\w*|[Ққ]аулы\w*|"
            r"[Жж]арлы[ғқ]\w*|[Бб]ұйры[ғқ]\w*)(?![\w])")
_KK = re.compile(
    # the issuer may be left out ("ал ... 2023 жылғы 20 сәуірдегі № 224-VII Әлеуметтік кодексте"),
    # written "ҚР" ("ҚР Үкіметінің 31.12.2022 № 1146"); the date in words or in figures
    rf"(?:(?P<issuer>(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)(?:\s+(?!туралы\b)[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+){{0,7}}?)"
    rf"\s+)?"
    rf"(?<![\w.])(?P<date>{_KK_DATE})\s+№\s*(?P<number>{NUMBER})(?:\s+ҚРЗ)?"
    # another act under the same head: "№ 1146 және 12.02.2024 № 80 қаулыларымен"
    rf"(?:\s*(?:,|және|мен)\s+(?P<date2>{_KK_DATE})\s+№\s*(?P<number2>{NUMBER})(?:\s+ҚРЗ)?)?"
    # (the nearest head: a title never runs past another act's head, number or date)
    rf"(?:\s+(?P<title>[^.;\n()№]{{0,120}}?))??\s+(?P<head>{_KK_HEAD})")
# the head, then its date and number in brackets: "кодекстің (ҚР 05.07.2014 № 235-V ҚРЗ)"
# the head first, then the date and number, as Adilet titles codes: "Қазақстан Республикасының Еңбек
# кодексі 2015 жылғы 23 қарашадағы № 414-V ҚРЗ"
_KK_HEAD_FIRST = re.compile(
    rf"(?P<issuer>Қазақстан\s+Республикасының|ҚР)\s+(?P<title>[^.;\n()№«»\d]{{0,80}}?)\s*"
    rf"(?P<head>[Кк]одексі|Заңы)\s+(?P<date>{_KK_DATE})\s+№\s*(?P<number>{NUMBER})(?:\s+ҚРЗ)?")
_KK_BRACKET = re.compile(
    rf"(?P<head>{_KK_HEAD})\s*\(\s*(?:(?P<issuer>ҚР|Қазақстан\s+Республикасының)\s+)?(?P<date>{_KK_DATE})\s*"
    rf"№\s*(?P<number>{NUMBER})(?:\s+ҚРЗ)?\s*\)")


@dataclass
class CitationFound:
    start: int
    end: int
    act_type: str | None
    issuer: str | None
    issuer_ids: list[str]
    jurisdiction: str | None
    number: str | None
    number_as_printed: str | None
    year: int | None
    date: str | None
    title: str | None
    form: str                 # "number", "issuer" (issuer with year or title) or "title"
    language: str
    confidence: float
    notes: list[str] = field(default_factory=list)
    adilet_id: str | None = None      # the Adilet identifier the text gives for it (never parsed)

    def label(self) -> str:
        parts = [self.act_type or "act"]
        if self.number:
            parts.append(f"No. {self.number}")
        if self.year:
            parts.append(f"({self.year})")
        return " ".join(parts)


@dataclass
class _Parts:
    """What the grammar read from one citation, before classification."""

    head: str
    start: int
    end: int
    language: str
    issuer: str | None = None
    title: str | None = None
    date_text: str | None = None
    number: str | None = None
    extra_numbers: list[tuple[str, int, int]] = field(default_factory=list)
    force: bool = False
    jurisdiction: str | None = None
    notes: list[str] = field(default_factory=list)


def _year_of(date_text: str | None) -> tuple[int | None, str | None]:
    if not date_text:
        return None, None
    if re.fullmatch(YEAR, date_text.strip()):
        return int(date_text), None
    dates = parse_dates(date_text)
    if dates:
        return dates[0].year, dates[0].iso
    match = re.search(YEAR, date_text)
    return (int(match.group()), None) if match else (None, None)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) > 1 and title[0] in "\"“«„'" and title[-1] in "\"”»“'":
        title = title[1:-1]
    title = title.strip().rstrip(",.")
    if title[:3] in {"on ", "о ", "об "} or title[:2] == "о ":
        title = title[0].upper() + title[1:]
    return title or None


def _opened_in(text: str, start: int, end: int) -> bool:
    """Whether the span has as many '(' as ')' (so a closing bracket belongs to it)."""
    span = text[start:end]
    return span.count("(") >= span.count(")")


def _close(text: str, parts: _Parts, pos: int) -> int:
    """Leave out a closing bracket that belongs to the sentence, not the citation."""
    if text[pos - 1:pos] == ")" and not _opened_in(text, parts.start, pos):
        return pos - 1
    return pos


def _extra_numbers(text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
    """The further numbers of "Nos. 148 and 838" with their spans."""
    if not match.groupdict().get("more"):
        return []
    offset = match.start("more")
    return [(m.group(), offset + m.start(), offset + m.end())
            for m in re.finditer(NUMBER, match.group("more"))]


def _parse_english(text: str, match: re.Match[str]) -> _Parts | None:
    parts = _Parts(_written_out(match.group("head")), match.start(), match.end(), "en")
    if match.group("juris"):
        parts.jurisdiction = "RUS" if match.group("juris") == "Russian" else "KAZ"
    pos = match.end()
    m = _ISSUER_EN.match(text, pos)
    if m:
        parts.issuer, pos = m.group("issuer").rstrip(","), m.end()
        # "Law of the Republic of Kazakhstan on Population Migration": the title is not the issuer
        split = re.search(r"\s+on\s+(?=[A-Z])", parts.issuer)
        if split and re.search(r"law|code", parts.head, re.IGNORECASE):
            parts.title = parts.issuer[split.end():]
            parts.issuer = parts.issuer[:split.start()]
        # "Code of Administrative Offences of the Republic of Kazakhstan": a code's words that name no
        # body are its title
        if parts.title is None and re.match(r"(?:\w+\s+)?Codes?$", parts.head) and \
                not any(re.search(p, parts.issuer.lower()) for p, _, _ in ISSUERS):
            state = re.search(r"(?:^|\s+of\s+(?:the\s+)?)(?=Republic|Russian|Kyrgyz)", parts.issuer)
            if state is None or state.start() > 0:
                parts.title, parts.issuer = ((parts.issuer[:state.start()], parts.issuer[state.end():])
                                             if state else (parts.issuer, None))
    m = _FORCE.match(text, pos)
    if m:
        parts.force, pos = True, m.end()
    if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = m.group("title"), m.end()
        if parts.issuer is None and (m := _ISSUER_EN.match(text, pos)):
            parts.issuer, pos = m.group("issuer").rstrip(","), m.end()   # 'Law "On ..." of the Republic ...'
    if m := _DATE_CLAUSE.match(text, pos):
        parts.date_text, pos = m.group("date"), m.end()
    if parts.title is None and not parts.issuer and (t := _TITLE_ON.match(text, pos)) and \
            (n := _PAREN_NUMBER.match(text, t.end())):
        parts.title, parts.number, parts.date_text = t.group("title"), n.group("number"), n.group("date")
        parts.end = n.end()
        return parts
    if parts.title is None and not parts.issuer and (t := _TITLE_ON.match(text, pos)) and \
            _NUMBER.match(text, t.end()):
        parts.title, pos = t.group("title"), t.end()   # "the Law on Population Migration No. 477-IV of ..."
    # "Code of the Republic of Kazakhstan on Administrative Offences (No. 235-V ZRK, 5 July 2014)",
    # "Code of Administrative Offences (No. 235-V ZRK, 2014-07-05)", "Criminal Code (No. 226-V ...)":
    # a bracket that opens with the number after the head, its issuer or its title
    if parts.date_text is None and (n := _PAREN_NUMBER.match(text, pos)):
        parts.number, parts.date_text, parts.end = n.group("number"), n.group("date"), n.end()
        return parts
    m = _NUMBER.match(text, pos)
    bare = None if m else _BARE_NUMBER.match(text, pos)
    if m or bare:
        number_match = m or bare
        parts.number = number_match.group("number") or number_match.group("number1")
        pos = number_match.end()
        if m:
            parts.extra_numbers = _extra_numbers(text, m)
        if parts.title is None and (t := _TITLE_QUOTED.match(text, pos) or _TITLE_ON.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        pinpoint = _PINPOINT.match(text, pos)
        if parts.date_text is None and pinpoint and (y := _YEAR_AFTER.match(text, pinpoint.end())):
            pos = pinpoint.end()         # "No. 235-V, art. 517 (July 5, 2014)": the article cited
        if parts.date_text is None and (y := _YEAR_AFTER.match(text, pos)):
            parts.date_text = next(y.group(g) for g in ("date", "date2", "date3", "date4", "year", "year2",
                                                        "year3") if y.group(g))
            pos = _close(text, parts, y.end())
        if parts.title is None and (t := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        if parts.date_text is None and not parts.issuer and (named := _ISSUER_AFTER.match(text, pos)) and \
                (d := _DATE_CLAUSE.match(text, named.end())):
            # "the order No. 83 of the Minister of Internal Affairs dated 27 January 2016"
            parts.issuer, parts.date_text, pos = named["issuer"], d["date"], d.end()
    elif parts.issuer:
        m = _YEAR_PAREN.match(text, pos)
        if m and parts.date_text is None:
            parts.date_text = m.group("year") or m.group("year2")
            pos = _close(text, parts, m.end() if m.group("year") else m.start("year2") + 4)
        elif parts.title is None and (t := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        if parts.date_text is None and (d := _DATE_CLAUSE.match(text, pos)):
            parts.date_text, pos = d.group("date"), d.end()
        if not (parts.date_text or parts.title):
            return None
        low = parts.issuer.lower()
        if not any(re.search(p, low) for p, _, _ in ISSUERS) and \
                not any(re.search(p, low) for p, _ in JURISDICTIONS):
            return None               # "the Order of Parasat (2019)": no body of a state, no act (an award)
    elif parts.date_text and parts.title is None and (t := _TITLE_ON.match(text, pos) or
                                                      _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = t.group("title"), t.end()   # "the Law of 22 July 2011 on Population Migration"
    else:
        return None
    parts.end = pos
    return parts


def _parse_russian(text: str, match: re.Match[str]) -> _Parts | None:
    parts = _Parts(match.group("head"), match.start(), match.end(), "ru")
    pos = match.end()
    if (m := _ISSUER_RU.match(text, pos)) and m.end() > pos:
        parts.issuer, pos = m.group("issuer") or None, m.end()   # "Кодексом об ...": a title, no issuer
        if m.group("title"):
            parts.title = m.group("title")
    if m := _FORCE_RU.match(text, pos):
        parts.force, pos = True, m.end()
    for _ in range(4):       # title, date and number come in any order
        if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = m.group("title"), m.end()
        elif parts.date_text is None and (m := _DATE_RU.match(text, pos)):
            parts.date_text, pos = m.group("date"), m.end()
        elif parts.number is None and (m := _NUMBER_RU.match(text, pos)):
            parts.number, pos = m.group("number"), m.end()
        elif (m := _ALIAS_RU.match(text, pos)) and (_DATE_RU.match(text, m.end()) or
                                                      _NUMBER_RU.match(text, m.end())):
            pos = m.end()             # "(КоАП РК) от 05.07.2014 № 235-V": the act's short name
    if parts.number is None:
        if parts.title is not None and parts.date_text is not None:
            parts.end = pos           # "Закона от 22 июля 2011 года «О миграции населения»": dated and titled
            return parts
        # «Законом Кыргызской Республики «О внешней миграции», принятым ... в 2000 году»: a state's
        # act named by its title, dated by the words after it
        if parts.title is None or parts.date_text is not None or not parts.issuer or \
                not re.search(r"Республик|Федераци|(?<![\w])(?:РК|РФ|КР)(?![\w])", parts.issuer):
            return None
        if m := _ADOPTED_RU.match(text, pos):
            parts.date_text = m.group("year")
        parts.end = pos
        return parts
    if parts.date_text is None and (m := _YEAR_RU.match(text, pos)):
        parts.date_text = m.group("date") or m.group("year") or m.group("year2") or m.group("year3")
        pos = _close(text, parts, m.end())
    if m := _FORCE_RU.match(text, pos):
        parts.force, pos = True, m.end()   # "Указом ... № 2337, имеющим силу закона,"
    if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = m.group("title"), m.end()
    parts.end = pos
    return parts


# a company's legal form, a court case, a body of a company: their orders and decisions are no legal
# acts ("приказ ТOO «...» № 15-п", "решение суда по делу № 2-1234/2024", "Order No. 15 of ... LLP")
_PRIVATE = re.compile(r"(?<![\w])(?:ТОО|АО|ООО|ЗАО|ПАО|ОАО|ИП|LLP|JSC|LLC|Ltd|Inc|plc|GmbH)(?![\w])|"
                      r"[Кк]омпани|[Cc]ompany|по\s+делу|дел[уо]\s+№|\bcase\b|собрани\w+\s+участник|"
                      r"совет\w*\s+директоров|board\s+of\s+directors")
_PRIVATE_BEFORE = re.compile(r"(?<![\w])(?:[Ii]nternal|[Oo]ur|[Cc]ompany[’']?s?|[Cc]orporate|[Вв]нутренн\w+|"
                             r"[Нн]аш\w*)[\s\u00a0]+$")
_PRIVATE_AFTER = re.compile(r"[\s,]{0,3}(?:of|by)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){1,5}"
                            r"(?:LLP|JSC|LLC|Ltd|Inc|plc|GmbH|[Cc]ompany)\b")


def _no_act_of_state(text: str, parts: _Parts) -> bool:
    """Whether the citation's issuer is a company, a court deciding a case or a company's body, or
    a "решение" names no state body: an order or decision, but no legal act."""
    issuer = parts.issuer or ""
    if _PRIVATE.search(issuer) or _PRIVATE_AFTER.match(text, parts.end) or \
            _PRIVATE_BEFORE.search(text, max(0, parts.start - 40), parts.start):
        return True
    if not issuer and re.match(r"[Пп]остановлени|[Рр]ешени", parts.head) and \
            re.match(r"[^.;\n]{0,80}?(?<![\w])(?:суд\w*|судь\w*)", text[parts.end:]):
        return True                   # "Постановление № 5 ... вынесено судьей": a court's ruling
    if re.match(r"[Рр]ешени", parts.head):
        low = issuer.lower()
        return not any(re.search(pattern, low) for pattern, _, _ in ISSUERS) and \
            not any(re.search(pattern, low) for pattern, _ in JURISDICTIONS)
    return False


_SUBJECT_ISSUER = re.compile(r"\b(?:the\s+)?(?:Government|Cabinet\s+of\s+Ministers|President|Ministry\s+of\s+"
                             r"[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)*|Minister\s+of\s+[A-Z]\w+(?:\s+(?:and\s+)?"
                             r"[A-Z]\w+)*)\b|(?<![а-яё])(?:Правительств\w+|Президент\w*|Министерств\w+\s+"
                             r"[а-яё]+\w*(?:\s+[а-яё]+)*?)(?![а-яё])")


# the author and year that open an entry of a reference list, up to the act cited
_AUTHOR_DATE = re.compile(r"[ \t]*(?:\[?\d{1,3}[.\])]?[ \t]+|[-•*][ \t]+)?"
                          r"(?P<author>[^\n.()]{3,150}?)\.?[ \t]*"
                          r"\(?(?:19|20)\d\d[a-z]?\)?\.[ \t]*")
# a reference entry's author, a state or its body, ending in a full stop, its year after it or not:
# "Republic of Kazakhstan. Law No. 477-IV ...", "Ministry of Internal Affairs of Kazakhstan. Order ..."
_AUTHOR_LEAD = re.compile(r"[ \t]*(?:\[?\d{1,3}[.\])]?[ \t]+|[-•*][ \t]+)?(?P<author>[A-Z][^\n.()]{2,120}?)"
                          r"(?:\.|[ \t]*\((?P<year>(?:19|20)\d\d)[a-z]?\)\.?)[ \t]*")
# the state of a citation in legal English's bracket after it (Bluebook: "(Kaz.)", "(Kyrg.)")
_BLUEBOOK_STATES = {"Kaz": "KAZ", "Kazakh": "KAZ", "Kyrg": "KGZ", "Russ": "RUS", "Uzb": "UZB", "Taj": "TJK",
                    "Turkm": "TKM", "Belr": "BLR"}
_BLUEBOOK_STATE = re.compile(r"(?:[^;\n()]|\n(?![ \t]*\n)|\([^()\n]{1,40}\)){0,80}?"
                             rf"\((?P<state>{'|'.join(_BLUEBOOK_STATES)})\.\)")
_ISSUER_AFTER = re.compile(rf"{OWS}(?:of|by){WS}(?P<issuer>the{WS}(?:Government|Cabinet{WS}of{WS}Ministers|"
                           r"President|(?:(?:Acting|Deputy\s+Prime)\s+)?Minist(?:er|ry)\b"
                           r"(?:(?!\s+(?:dated|of\s+\d|on\s+\d|from\s+\d|No\b))[^.;()\n]){0,110})\b)")


def _finish(text: str, parts: _Parts, form: str) -> CitationFound:
    end = parts.end
    while end > parts.start and text[end - 1] in " \t\n\u00a0,;":
        end -= 1
    year, iso = _year_of(parts.date_text)
    issuer, ids, jurisdiction = issuer_of(parts.issuer)
    if issuer is None:
        issuer, ids = _issuer_from_head(parts.head)
    # "имеющий силу закона" in the issuer, "заң күші бар Жарлығы" before a Kazakh head
    force = parts.force or bool(re.search(r"силу\s+закона|force\s+of|заң\s+күші",
                                          f"{parts.issuer} {parts.title}", re.IGNORECASE))
    act_type = classify(parts.head, parts.issuer or issuer, force)
    named = None if parts.issuer else _ISSUER_AFTER.match(text, end)
    if (act_type is None or issuer is None) and named:
        # "Resolution No. 148 (21.01.2012) of the Government", "Order No. 279 of 30 June 2023 of the
        # Deputy Prime Minister - Minister of Labour ...": the issuer named after the number
        issuer, ids, _ = issuer_of(named["issuer"])
        act_type = act_type or classify(parts.head, named["issuer"], force)
        notes = [f"issuer: named after the number ({named['issuer']!r})"]
    elif act_type is None and not parts.issuer and (author := _AUTHOR_DATE.fullmatch(
            text, text.rfind("\n", 0, parts.start) + 1, parts.start)) and \
            _SUBJECT_ISSUER.search(author["author"]):
        # "Government of the Republic of Kazakhstan. (2022). Resolution No. 961 ...": a reference
        # list's author issued the act its entry cites
        issuer, ids, jurisdiction = issuer_of(author["author"])
        act_type = classify(parts.head, author["author"], force)
        notes = [f"issuer: the author of its reference entry ({author['author']!r})"]
    elif act_type is None and not parts.issuer and (subject := _SUBJECT_ISSUER.search(
            text, max(text.rfind(". ", 0, parts.start) + 1, parts.start - 200), parts.start)):
        # "The Government amended the rules ... by Resolution No. 802": the sentence's subject issued it
        issuer, ids, _ = issuer_of(subject.group())
        act_type = classify(parts.head, subject.group(), force)
        notes = [f"issuer: the subject of its sentence ({subject.group()!r})"]
    else:
        notes = []
    jurisdiction = jurisdiction or parts.jurisdiction
    if (jurisdiction is None or issuer is None) and parts.language == "en" and \
            (lead := _AUTHOR_LEAD.fullmatch(text, text.rfind("\n", 0, parts.start) + 1, parts.start)):
        by, by_ids, state = issuer_of(lead["author"])
        jurisdiction = jurisdiction or state
        if year is None and lead["year"] and state:
            year = int(lead["year"])       # Harvard: "Republic of Kazakhstan (2011) Law No. 477-IV ..."
        if issuer is None and by_ids:
            issuer, ids = by, by_ids
            notes.append(f"issuer: the author of its reference entry ({lead['author']!r})")
    if jurisdiction is None and (mark := _BLUEBOOK_STATE.match(text, end)):
        jurisdiction = _BLUEBOOK_STATES[mark["state"]]     # "... (Nov. 30, 2022) (Kaz.)"
    if jurisdiction is None and (re.match(r"Federal|[Фф]едеральн", parts.head) or
                                 re.search(r"-(?:ФЗ|ФКЗ|FZ|FKZ)$", parts.number or "")):
        jurisdiction = "RUS"            # a federal law, or its number's kind: "№ 115-ФЗ"
    notes = list(parts.notes) + notes
    number = printed = None
    repaired = False
    if parts.number:
        printed = re.sub(r"\s+", " ", parts.number).strip().rstrip(".")
        normal = normalise_act_number(parts.number, year)
        number, repaired = normal.number, normal.repaired
        notes += normal.notes
    confidence = {"number": 0.95, "issuer": 0.8, "title": 0.6}[form]
    if form == "issuer" and year is None:
        confidence -= 0.1
    if repaired:
        confidence -= 0.05
    if act_type is None:
        confidence -= 0.15
    if form == "number" and year is None:
        confidence -= 0.1
    return CitationFound(parts.start, end, act_type, issuer, ids, jurisdiction, number, printed, year,
                         iso if iso and len(iso) == 10 else None, _clean_title(parts.title), form,
                         parts.language, round(confidence, 2), notes)


def _issuer_from_head(head: str) -> tuple[str | None, list[str]]:
    """The issuer a head names itself ("Government Resolution", "Presidential Decree")."""
    for pattern, name, org in ((r"Government", "Government", "government"),
                               (r"Presidential", "President", "president"),
                               (r"Cabinet", "Cabinet of Ministers", "cabinet-of-ministers"),
                               (r"Supreme\s+Council", "Supreme Council", "supreme-council"),
                               (r"ПП$", "Government", "government")):
        if re.match(pattern, head):
            return name, [org]
    return None, []


def _with_extra_numbers(text: str, parts: _Parts, first: CitationFound) -> list[CitationFound]:
    """"Resolutions Nos. 148 and 838": one citation per number, the others spanning their number."""
    found = [first]
    for raw, start, end in parts.extra_numbers:
        extra = _Parts(parts.head, start, end, parts.language, parts.issuer, None, parts.date_text,
                       raw, force=parts.force, jurisdiction=parts.jurisdiction,
                       notes=[f"one of several numbers cited together with No. {first.number}"])
        citation = _finish(text, extra, "number")
        citation.start, citation.end = start, end
        found.append(citation)
    return found


_TWORD = rf"(?!{MONTH_EN}\b)(?!No\b|Nos\b|Nr\b)[A-Z][\w'’\-]*"
_TITLED = re.compile(
    rf"(?<![\w-])(?:[Tt]he{WS}|[Aa]{WS}|[Nn]ew{WS})*(?P<head>(?:(?:{_MODIFIER}){WS})?(?:[Ll]aw|Code))"
    rf"(?:{WS}of{WS}the{WS}Republic{WS}of{WS}Kazakhstan)?"
    rf"(?P<rest>{OWS}{_QUOTED}|{WS}on{WS}(?:the{WS})?{_TWORD}(?:{WS}(?:(?:of|the|and|for|in|to)"
    rf"{WS}){{0,2}}{_TWORD}){{0,8}})"
    rf"(?:{OWS},?{OWS}(?:of|dated|adopted{WS}on|on){WS}(?P<date>{DATE_PATTERN}))?")


_QUOTED_HEAD = re.compile(
    r"[\"“«](?P<head>Instruction|Law|Code|Decree|Resolution|Order|Закон|Инструкция|Кодекс|Приказ|"
    r"Постановление)\s+(?P<rest>(?:on|for|of|о|об|по)\s+[^\"”»\n]{3,150}?)"
    r"(?:[\"”»]|(?=\s+(?:was|were|is|are|has|had|came|entered|был\w*)\b))")
_DRAFT_AFTER = re.compile(r"^[\s,\"”»]{0,4}(?:which\s+|that\s+)?(?:is|are|was|were|has\s+been)?\s*"
                          r"(?:currently\s+|still\s+)?(?:under\s+(?:consideration|discussion|review|development)|being\s+(?:drafted|"
                          r"developed|discussed|considered)|in\s+(?:draft|preparation))", re.IGNORECASE)
_DRAFT_BEFORE = re.compile(r"\b(?:draft|proposed|planned|new\s+bill)\s+(?:of\s+the\s+)?$", re.IGNORECASE)
_ADOPTED_AFTER = re.compile(rf"^,?\s*(?:which\s+was\s+|that\s+was\s+)?(?:established|adopted|enacted|passed|"
                            rf"approved|signed|of)\s+(?:in|on)?\s*(?P<when>{DATE_PATTERN}|{YEAR})(?!\d)")
_WHEN = rf"(?:{DATE_PATTERN}|{MONTH_EN}\s+(?:of\s+)?{YEAR}|\b{YEAR})"
_ADOPTED_BEFORE = re.compile(
    rf"(?P<when>{_WHEN})\s*,?\s+(?:(?:[A-Z][\w-]*\s+){{0,3}}(?:enacted|adopted|passed|signed|approved|"
    rf"introduced)\s+)?(?:the|a|its)\s+[\"“«]?$")


_NAMED_ACT = re.compile(
    r"(?<![\w-])(?:(?P<code>(?:[Ll]abou?r|[Tt]ax|[Cc]riminal|[Cc]ivil|[Aa]dministrative|[Ll]and|[Ee]ntrepreneurial|"
    r"[Ss]ocial|[Bb]udget|[Cc]ustoms|[Pp]enal|[Ww]ater|[Ff]orest|[Ee]nvironmental|[Ee]cological)\s+[Cc]ode)"
    r"|(?P<codru>(?:[Тт]рудов|[Нн]алогов|[Уу]головн|[Гг]ражданск|[Пп]редпринимательск|[Зз]емельн|"
    r"[Сс]оциальн|[Бб]юджетн|[Тт]аможенн)\w+\s+[Кк]одекс\w*)"
    r"|(?P<const>(?<=the\s)Constitution|Constitution(?=\s+of\s+the\s+Republic)|[Кк]онституци[яиейю]"
    r"(?=\s+Республики)))(?![\w-])(?!\s+(?:No\b|№|of\s+conduct))")


_DESCRIBED_LAW = re.compile(
    rf"(?<![\w-])[Tt]he\s+(?P<head>law)\s+(?P<rest>(?:regulating|governing|on|protecting|establishing)\s+"
    rf"[a-z][^,.;()\d]{{5,90}}?),?\s+(?:adopted|enacted|passed)\s+in\s+(?P<date>{YEAR})(?!\d)")


# the date after a named act: "Constitution of the Republic of Kazakhstan of 30 August 1995"
_NAMED_DATE = re.compile(
    rf"(?:{WS}of{WS}the{WS}Republic{WS}of{WS}Kazakhstan|{WS}Республики{WS}Казахстан)?"
    rf"{OWS},?{OWS}(?:of|dated|adopted{WS}on|от|принят\w*{WS}(?:на{WS}референдуме{WS})?)?{WS}"
    rf"(?P<date>{DATE_PATTERN})")
_NAMED_HINT = re.compile(r"[Cc]ode\b|[Кк]одекс|Constitution|[Кк]онституци")


def _named_acts(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Codes and the constitution named without a number ("the labour code", "the Constitution"),
    and laws described with their year ("the law regulating ..., adopted in 2018")."""
    named = []
    for match in _DESCRIBED_LAW.finditer(text):
        if any(c.start <= match.start() < c.end or match.start() <= c.start < match.end() for c in found):
            continue
        parts = _Parts("Law", match.start(), match.end(), "en", title=_clean_title(match.group("rest")),
                       date_text=match.group("date"))
        citation = _finish(text, parts, "title")
        citation.notes.append("described, not named: the title is the description")
        named.append(citation)
    spans = Spans([(c.start, c.end) for c in found + named])
    seen: set[int] = set()
    for hint in _NAMED_HINT.finditer(text):       # search only around the words that can end a name
        window = _NAMED_ACT.finditer(text, max(0, hint.start() - 30), min(len(text), hint.end() + 40))
        match = next((m for m in window if m.start() <= hint.start() < m.end()), None)
        if match is None or match.start() in seen or spans.overlaps(match.start(), match.end()):
            continue
        seen.add(match.start())
        bracket = re.match(r"\s*\(\s*", text[match.end():match.end() + 6])
        if bracket and spans.covers(match.end() + bracket.end()):
            continue        # "the Criminal Code (Code of the Republic ... No. 226-V)": cited in the brackets
        # "as the Labour Code requires (Code No. 414-V ...)": a bracket later in its clause cites it
        later = re.match(r"[^.;:()\n]{1,40}?\(\s*", text[match.end():match.end() + 46])
        if later and any(c.start == match.end() + later.end() and c.act_type == "code" and
                         (match.group("code") or match.group("codru")) for c in found):
            continue
        if match.group("const"):
            head, title = "Constitution", "Constitution"
        elif match.group("code"):
            head = "Code"
            title = " ".join(w.capitalize() for w in match.group().split())
        else:
            head, title = "Кодекс", match.group()[0].upper() + match.group()[1:]
        parts = _Parts(head, match.start(), match.end(), "ru" if match.group("codru") else "en",
                       title=title, jurisdiction="KAZ" if "Республики" in text[match.end():match.end() + 12]
                       or "Republic" in text[match.end():match.end() + 20] else None)
        if dated := _NAMED_DATE.match(text, match.end()):
            parts.date_text, parts.end = dated.group("date"), dated.end()   # "... of 30 August 1995"
        citation = _finish(text, parts, "title")
        citation.act_type = "constitution" if match.group("const") else "code"
        citation.confidence = 0.6
        named.append(citation)
    return named


def _title_citation(text: str, head: str, start: int, end: int, title: str,
                    date_text: str | None, republic: bool) -> CitationFound:
    parts = _Parts(head, start, end, "ru" if re.match(r"[А-Яа-я]", head) else "en",
                   title=title[0].upper() + title[1:], date_text=date_text,
                   jurisdiction="KAZ" if republic else None)
    citation = _finish(text, parts, "title")
    if citation.year is None:
        after = _ADOPTED_AFTER.match(text[end:end + 80])
        before = _ADOPTED_BEFORE.search(text[max(0, start - 90):start])
        when = after or before
        if when:
            citation.year, iso = _year_of(when.group("when"))
            citation.date = iso if iso and len(iso) == 10 else None
            citation.notes.append("year from the words around the title")
    if citation.act_type in {"law", None} and (_DRAFT_AFTER.match(text[end:end + 80]) or
                                               _DRAFT_BEFORE.search(text[max(0, start - 30):start])):
        citation.act_type = "draft-law"
        citation.notes.append("a draft: the text says it is under consideration")
    return citation


def _by_title(text: str, found: list[CitationFound], start: int = 0, end: int | None = None,
              inside: CitationFound | None = None) -> list[CitationFound]:
    """Acts named by their title only: "the Law on the Legal Status of Foreigners", and (with
    ``inside``) acts named in the title of another act."""
    titled: list[CitationFound] = []
    end = len(text) if end is None else end
    matches = [(m, m.start("head"), m.end(), m.group("rest"))
               for pattern in (_TITLED, _QUOTED_HEAD) for m in pattern.finditer(text, start, end)]
    for match, m_start, m_end, rest in sorted(matches, key=lambda m: m[1]):
        taken = [c for c in found + titled if c is not inside]
        if any(c.start <= m_start < c.end or m_start <= c.start < m_end for c in taken):
            continue
        if inside is not None and m_start <= inside.start:
            continue
        title = _clean_title(rest)
        if not title or not re.match(r"(?:On|on|О|о|[A-ZА-Я]|for|of|по)", title):
            continue
        date_text = match.groupdict().get("date")
        citation = _title_citation(text, match.group("head"), m_start, m_end, title, date_text,
                                   "Republic" in match.group())
        if match.re is _QUOTED_HEAD and citation.act_type is None:
            continue
        if inside is not None:
            citation.notes.append(f"named in the title of {inside.label()}")
        titled.append(citation)
    return titled


def find_citations(text: str, titles: bool = True) -> list[CitationFound]:
    """Every act citation in the text, in order, without overlaps."""
    found: list[CitationFound] = []
    kazakh = [*_KK.finditer(text), *_KK_BRACKET.finditer(text), *_KK_HEAD_FIRST.finditer(text)]
    for match in sorted(kazakh, key=lambda m: m.start()):
        if any(c.start <= match.start() < c.end for c in found):
            continue
        title = match.groupdict().get("title")
        parts = _Parts(match.group("head"), match.start(), match.end(), "kk", match.group("issuer"),
                       title, match.group("date"), match.group("number"), jurisdiction="KAZ")
        citation = _finish(text, parts, "number")
        found.append(citation)
        if match.groupdict().get("number2"):
            year, date = _year_of(match["date2"])
            raw = match["number2"].strip()
            normal = normalise_act_number(raw, year)
            found.append(CitationFound(match.start("date2"), match.end(), citation.act_type, citation.issuer,
                                       list(citation.issuer_ids), citation.jurisdiction, normal.number, raw,
                                       year, date if date and len(date) == 10 else None, None, "number",
                                       citation.language, citation.confidence,
                                       [f"cited together with No. {citation.number}, under its head"]))
            citation.end = match.start("date2")
    candidates = [(m.start(), "en", m) for m in _HEAD_EN.finditer(text)]
    candidates += [(m.start(), "ru", m) for m in _HEAD_RU.finditer(text)]
    for _, language, match in sorted(candidates, key=lambda c: c[0]):
        if any(c.start <= match.start() < c.end for c in found):
            continue
        parts = _parse_english(text, match) if language == "en" else _parse_russian(text, match)
        if parts is None or _no_act_of_state(text, parts):
            continue
        citation = _finish(text, parts, "number" if parts.number else "issuer")
        if citation.act_type in {None, "ministerial-order"} and not (
                citation.issuer or citation.year or citation.title or citation.jurisdiction):
            continue                  # "Приказ № 15-п по личному составу": nothing says whose or when
        found.extend(_with_extra_numbers(text, parts, citation))
    found += _federal_numbers(text, found)
    if titles:
        found += _by_title(text, found)
        found += _named_acts(text, found)
        for citation in [c for c in found if c.title and c.form != "title"]:
            found += _by_title(text, found, citation.start + 1, citation.end, inside=citation)
    for citation in found:
        if citation.year is None and citation.form == "issuer":
            before = text[max(0, citation.start - 80):citation.start]
            context = list(re.finditer(rf"\b(?:in|In)\s+({YEAR})\b", before))
            if context:
                citation.year = int(context[-1].group(1))
                citation.notes.append("year from the sentence around the citation")
        elif citation.year is None and citation.number and \
                (label := _LINE_DATE.match(text, text.rfind("\n", 0, citation.start) + 1, citation.start)):
            # "22 July 2011 – Law No. 477-IV ... is adopted": a timeline entry's date dates its act
            citation.year = int(re.search(rf"{YEAR}", label.group("date"))[0])
            citation.notes.append("year from the date that labels the line")
    found += _coordinated(text, found)
    found = _rows_of_acts(text, found)
    found = _cited_in_notes(text, found)
    found = _without_subject_draft(text, found)
    _numbered_elsewhere(found)
    found.sort(key=lambda c: c.start)
    return found + _adilet_ids(text, found)


def _title_key(title: str | None) -> str:
    return re.sub(r"[^\w]+", " ", title or "").strip().lower()


def _numbered_elsewhere(found: list[CitationFound]) -> None:
    """An act cited again by its title alone ("Законом Республики Казахстан «О миграции населения»")
    takes the number, date and identifier of its full citation in the same text, the same title
    and act type, when the text gives one act of that title (the migration laws of 1997 and 2011
    share theirs) and no other year for it."""
    full: dict[tuple[str, str | None], list[CitationFound]] = {}
    for citation in found:
        if citation.number and citation.title:
            full.setdefault((_title_key(citation.title), citation.act_type), []).append(citation)
    for citation in found:
        if citation.number or not citation.title or citation.act_type == "draft-law":
            continue
        same = full.get((_title_key(citation.title), citation.act_type), [])
        if len({c.number for c in same}) == 1 and citation.year in {None, same[0].year}:
            source = same[0]
            citation.number, citation.number_as_printed = source.number, None
            citation.year, citation.date = citation.year or source.year, citation.date or source.date
            citation.jurisdiction = citation.jurisdiction or source.jurisdiction
            citation.adilet_id = citation.adilet_id or source.adilet_id
            citation.notes.append(f"number from its full citation in the same text ({source.label()})")


def _without_subject_draft(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """The bill a document's heading names ("ПОЯСНИТЕЛЬНАЯ ЗАПИСКА / к проекту Закона ... «О
    внесении изменений ...»", "Explanatory note to the draft Law ...") is what the document is
    about, not an act it cites: a bill has no number or date yet."""
    lead = len(text) - len(text.lstrip())
    blank = re.search(r"\n[ \t]*\n", text[lead:])
    if blank is None:
        return found                  # one block: no heading above a body
    heading_end = lead + blank.start()
    if heading_end - lead > 600 or text.count("\n", lead, heading_end) > 4:
        return found
    return [c for c in found if not (c.act_type == "draft-law" and c.number is None and
                                     c.start < heading_end)]


_MARK_RIGHT_AFTER = re.compile(r"[.,;:]?(?:\[(?P<n>\d{1,3})\]|\^(?P<c>\d{1,3})|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))")


def _cited_in_notes(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """An act named without its number in the text, its note mark right after it ("punished under
    the administrative code.³"), is cited by the note the mark points to ("³ Code ... No. 235-V"):
    one citation, the note's, not a second one by name."""
    named = [c for c in found if c.form == "title" and c.number is None]
    if not named:
        return found
    notes: dict[str, tuple[int, str]] | None = None
    dropped = []
    for citation in named:
        if not (mark := _MARK_RIGHT_AFTER.match(text, citation.end)):
            continue
        notes = _footnotes(text) if notes is None else notes
        key = mark.group("n") or mark.group("c") or mark.group("s").translate(_SUPERSCRIPT)
        if key not in notes:
            continue
        start, body = notes[key]
        if any(c.number and start <= c.start < start + len(body) for c in found):
            dropped.append(citation)
    return [c for c in found if c not in dropped]


# a Russian federal law by its number alone, its kind written into it: "по 109-ФЗ", "ФЗ-115",
# "ФЗ № 115", "under 115-FZ"; the date may follow ("115-ФЗ от 25.07.2002")
_FEDERAL_NUMBER = re.compile(
    r"(?<![\w-])(?:(?:№|No\.?)[\s\u00a0]*)?(?P<serial>\d{1,4})-(?P<kind>ФКЗ|ФЗ|FKZ|FZ)(?![\w-])"
    r"|(?<![\w-])(?P<kind2>ФКЗ|ФЗ|FKZ|FZ)(?:-|[\s\u00a0]*(?:№|No\.?)[\s\u00a0]*)(?P<serial2>\d{1,4})(?![\w-])")
_FEDERAL_DATE = re.compile(rf"[\s\u00a0]*(?:,[\s\u00a0]*)?(?:от|of|dated)[\s\u00a0]+(?P<date>{DATE_PATTERN})")


def _federal_numbers(text: str, found: list[CitationFound]) -> list[CitationFound]:
    taken = Spans([(c.start, c.end) for c in found])
    more = []
    for match in _FEDERAL_NUMBER.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        kind = match["kind"] or match["kind2"]
        number = f"{match['serial'] or match['serial2']}-{kind}"
        end, (year, date) = match.end(), (None, None)
        if dated := _FEDERAL_DATE.match(text, end):
            end, (year, date) = dated.end(), _year_of(dated["date"])
        act_type = "constitutional-law" if kind in {"ФКЗ", "FKZ"} else "law"
        more.append(CitationFound(match.start(), end, act_type, None, [], "RUS", number,
                                  match.group().strip(), year,
                                  date if date and len(date) == 10 else None, None, "number",
                                  "ru" if kind[0] == "Ф" else "en", 0.85 if year else 0.75,
                                  ["a Russian federal law by its number alone"]))
    return more


_NUMBER_CELL = re.compile(rf"(?:No\.?|Nr\.?|№|N(?=\s*\d)){OWS}(?P<number>{NUMBER})")
_BARE_NUMBER_CELL = re.compile(rf"(?P<number>{NUMBER})")
_DATE_CELL = re.compile(rf"(?:(?:of|dated|from|от|adopted(?:{WS}on)?){WS})?(?P<date>{DATE_PATTERN}|{YEAR})"
                        rf"(?:{OWS}(?:года|г\.|ж\.))?", re.IGNORECASE)


def _rows_of_acts(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """A table of acts ("| Labour Code ... | 23.11.2015 | No. 414-V | K1500000414 |"): each row is
    one citation of the act its title cell heads, with the number, date and identifier of the
    other cells; a citation the title cell gave alone is replaced by it."""
    if "|" not in text and "\t" not in text and "│" not in text and "   " not in text:
        return found
    for row in act_rows(text, _NUMBER_CELL, _BARE_NUMBER_CELL):
        number = row.cells[row.number]
        date = next((c for c in row.cells if _DATE_CELL.fullmatch(c[2])), None)
        adilet = next((c for c in row.cells if re.fullmatch(ADILET_ID, c[2])), None)
        titled = [(c, m) for c in row.cells if c is not number and c is not date and c is not adilet
                  and (m := _HEAD_EN.search(c[2]) or _HEAD_RU.search(c[2]))]
        if len(titled) != 1:
            continue
        (t_start, t_end, title_cell), head = titled[0]
        start = min(t_start, number[0])
        end = max(c[1] for c in (number, adilet, titled[0][0]) if c is not None)
        inside = [c for c in found if start <= c.start < end]
        if any(c.number and (c.year or date is None) for c in inside):
            continue                      # the title cell holds a full citation of its own
        # (one read across the cells, "кодекс ...\t23.11.2015 № 414-V", lacks the date cell's year)
        rest = title_cell[head.end():]
        quoted = re.search(_QUOTED, rest)
        issuer = rest[:quoted.start()] if quoted else rest
        issuer = re.sub(r"^\s*(?:of\s+(?:the\s+)?)?", "", issuer).strip(" ,") or None
        title = quoted.group() if quoted else None
        if issuer and title is None and (words := re.search(r"\s(?=(?:об?|on)\s)", issuer)):
            issuer, title = issuer[:words.start()] or None, issuer[words.end():]   # "РК об ..."
        parts = _Parts(head["head"], start, end, "ru" if _HEAD_RU.search(title_cell) else "en",
                       issuer, title,
                       _DATE_CELL.fullmatch(date[2])["date"] if date else None,
                       _NUMBER_CELL.fullmatch(number[2])["number"] if _NUMBER_CELL.fullmatch(number[2])
                       else number[2])
        citation = _finish(text, parts, "number")
        if inside:
            citation.jurisdiction = inside[0].jurisdiction or citation.jurisdiction
            citation.act_type = inside[0].act_type or citation.act_type
        citation.adilet_id = adilet[2] if adilet else None
        citation.notes.append("a row of a table of acts: title, date, number and identifier in cells")
        found = [c for c in found if c not in inside] + [citation]
    return found


# "постановлениями ... от 31 декабря 2022 года № 1146 и от 12 февраля 2024 года № 80", "Resolutions
# No. 1146 of 31 December 2022 and No. 80 of 12 February 2024": another act of the same head, with
# its own date and number
_AND_ANOTHER = re.compile(
    rf"{OWS}(?:,|и|and){WS}(?P<act>от{WS}(?P<date>{DATE_PATTERN})(?:{OWS}(?:года|г\.))?{OWS}№{OWS}"
    rf"(?P<number>{NUMBER})|(?:No\.?|№){OWS}(?P<number2>{NUMBER})(?:{WS}(?:of|dated){WS}(?P<date2>{DATE_PATTERN})|"
    # "Government Resolutions No. 148 (2012) and No. 961 (2022)"
    rf"{OWS}\({OWS}(?P<year2>{YEAR}){OWS}\)|{WS}of{WS}(?P<year3>{YEAR})(?![\d,.]\d)))"
    rf"(?![\w-])")


def _coordinated(text: str, found: list[CitationFound]) -> list[CitationFound]:
    taken = Spans([(c.start, c.end) for c in found])
    more = []
    for citation in found:
        at = citation.end
        chain = []
        # (acts with full dates go with an act of a full date, acts with years with one of a year)
        while citation.number and (citation.date or citation.year) and \
                (match := _AND_ANOTHER.match(text, at)) and \
                not taken.overlaps(match.start(), match.end()) and \
                (citation.date or not (match["date"] or match["date2"])):
            year, date = _year_of(match["date"] or match["date2"] or match["year2"] or match["year3"])
            raw = (match["number"] or match["number2"]).strip()
            normal = normalise_act_number(raw, year)
            more.append(CitationFound(match.start("act"), match.end(), citation.act_type, citation.issuer,
                                      list(citation.issuer_ids), citation.jurisdiction, normal.number, raw,
                                      year, date if date and len(date) == 10 else None, None, "number",
                                      citation.language, citation.confidence,
                                      [f"cited together with No. {citation.number}, under its head"]))
            chain.append(more[-1])
            at = match.end()
        if chain and citation.issuer is None and (named := _ISSUER_AFTER.match(text, at)):
            # "Resolutions No. 148 of ... and No. 961 of ... of the Government": the issuer after the last
            issuer, ids, _ = issuer_of(named["issuer"])
            head = _HEAD_EN.match(text, citation.start) or _HEAD_RU.match(text, citation.start)
            for act in [citation, *chain]:
                act.issuer, act.issuer_ids = issuer, list(ids)
                if head and act.act_type is None:
                    act.act_type = classify(_written_out(head["head"]), named["issuer"])
    return more


# a line that opens with a full date and a dash or colon, and the citation right after it
_LINE_DATE = re.compile(rf"[ \t]*(?P<date>{DATE_PATTERN})[ \t]*[-–—:][ \t]*$")


ADILET_ID = r"[A-Z](?:\d{10}|\d{9}_)_?(?![\w])"
_ADILET_AFTER = re.compile(rf"^[\s,;]{{0,3}}[(\[]?\s*(?:(?:(?:Adilet|Әділет|ИПС\s+«Әділет»)\s*(?:ID|id)?|ID)"
                           rf"[:\s]\s*)?(?P<id>{ADILET_ID})")
# "Law No. 477-IV ... is adopted (Adilet: Z1100000477)": a labelled identifier in a bracket a few
# words later in the clause, no other act between
# (across one line break, "``On Population Migration''\n(Adilet: Z1100000477)", no blank line)
_ADILET_LATER = re.compile(rf"^(?:[^.;()\[\]\n]|\n(?![ \t]*\n)){{1,40}}?\("
                           rf"\s*(?:Adilet|Әділет|ИПС\s+«Әділет»)\s*(?:ID|id)?"
                           rf"[:\s]\s*(?P<id>{ADILET_ID})\s*\)")
# the note mark of a citation: right after it, or at the end of the words that complete it ("No.
# 477-IV of 22 July 2011.⁶"), within its clause
# a bibliography entry (GOST "// ИПС «Әділет». – URL: https://adilet.zan.kz/rus/docs/Z1100000477",
# APA "Retrieved from adilet.zan.kz/eng/docs/..."): the act's page on Adilet later in its own line,
# in its address or after the system's name, no other act between
_ADILET_IN_ENTRY = re.compile(rf"^[^\n]{{0,200}}?(?:adilet\.zan\.kz/(?:[\w-]+/)*docs/|"
                              rf"(?:Adilet|Әділет|Адилет)»?[^\n\w]{{0,12}}(?:ID[:\s]\s*)?)(?P<id>{ADILET_ID})")
_MARK_AFTER = re.compile(r"^[^;\n\[\]^¹²³⁴⁵⁶⁷⁸⁹⁰]{0,40}?(?:\[(?P<n>\d{1,3})\]|\^(?P<c>\d{1,3})|"
                         r"(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _footnotes(text: str) -> dict[str, tuple[int, str]]:
    """Footnote or endnote lines ("[1] ...", "1. ...", "¹ ...") by their mark: offset and text."""
    notes: dict[str, tuple[int, str]] = {}
    # "4. ↑ ИПС «Әділет», Z1100000477.": a wiki's note, its number then the arrow back to the text
    for match in re.finditer(r"(?m)^[ \t]*(?:\[(?P<n>\d{1,3})\]|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|"
                             r"(?P<w>\d{1,3})\.?[ \t]*[↑^])[ \t]*(?P<body>.+)$", text):
        mark = match.group("n") or match.group("w") or match.group("s").translate(_SUPERSCRIPT)
        notes.setdefault(mark, (match.start("body"), match.group("body")))
    return notes


def _adilet_ids(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Give each citation the Adilet identifier written right after it or in the note its mark
    points to; return the identifiers no citation claims, as citations of their own."""
    claimed: set[int] = set()
    notes: dict[str, tuple[int, str]] | None = None
    for citation in found:
        after = text[citation.end:citation.end + 60]
        if (m := _ADILET_AFTER.match(after)) or ((m := _ADILET_LATER.match(after)) and not any(
                citation.end < other.start < citation.end + m.start("id") for other in found)):
            citation.adilet_id = m.group("id")
            claimed.add(citation.end + m.start("id"))
            continue
        entry = text[citation.end:citation.end + 260]
        if (m := _ADILET_IN_ENTRY.match(entry)) and not any(
                citation.end < other.start < citation.end + m.start("id") for other in found):
            citation.adilet_id = m.group("id")
            claimed.add(citation.end + m.start("id"))
            citation.notes.append("Adilet identifier from the act's page later in its entry")
            continue
        mark = _MARK_AFTER.match(after)
        if mark and any(citation.end < other.start < citation.end + mark.start(mark.lastgroup)
                        for other in found):
            mark = None                   # the mark is that of a citation after this one
        if mark:
            notes = _footnotes(text) if notes is None else notes
            key = mark.group("n") or mark.group("c") or mark.group("s").translate(_SUPERSCRIPT)
            if key in notes and (m := re.search(ADILET_ID, notes[key][1])):
                citation.adilet_id = m.group()
                claimed.add(notes[key][0] + m.start())
                citation.notes.append(f"Adilet identifier from note {key}")
    spans = Spans([(c.start, c.end) for c in found])
    own = []
    for match in re.finditer(rf"(?<![\w]){ADILET_ID}", text):
        if match.start() in claimed or spans.covers(match.start()):
            continue
        if _identified(match, found):
            continue
        own.append(CitationFound(match.start(), match.end(), None, None, [], "KAZ", None, None, None,
                                 None, None, "adilet", "und", 0.7,
                                 ["an Adilet identifier alone: the act is resolved against the graph"],
                                 match.group()))
    return own


def _serial_and_year(adilet_id: str) -> tuple[int, int]:
    """"Z1100000477" -> (477, 11): the act's serial number and the last two digits of its year,
    as Adilet builds the identifier of an act it took from the act's number and date."""
    digits = adilet_id[1:].rstrip("_")
    return int(digits[2:]), int(digits[:2])


def _registered_as(text: str, citation: CitationFound, serial: int) -> bool:
    """Whether the text gives the citation's act the registration number ``serial`` (a "V"
    identifier holds the number of the act's state registration, not its own): "(зарегистрирован в
    Министерстве юстиции ... № 11030)", "... № 11030 тіркелді", "registered ... under No. 11030"."""
    after = text[citation.end:citation.end + 200]
    number = rf"(?:№|No\.?)\s*{serial}(?!\d)"
    registered = r"(?i:зарегистрирован|тіркел|registered)"
    return bool(re.match(rf"[^;\n]{{0,20}}?{registered}[^;\n]{{0,120}}?{number}", after) or
                re.match(rf"[^;\n]{{0,160}}?{number}\s+тіркел", after))


def _identified(match: re.Match[str], found: list[CitationFound]) -> bool:
    """Whether an identifier no citation claimed by position is that of a citation in the text,
    by the serial and year it encodes ("Text: ИПС «Әділет», идентификатор Z1100000477" after "Закон
    ... от 22 июля 2011 года № 477-IV"); the nearest such citation without one takes it. An
    identifier of a cited act that already has it is a repeat, no citation of its own."""
    serial, year = _serial_and_year(match.group())
    same = [c for c in found if c.number and c.year and c.year % 100 == year and
            (lead := re.match(r"\d+", c.number)) and int(lead.group()) == serial]
    if not same and match.group().startswith("V"):
        same = [c for c in found if _registered_as(match.string, c, serial)]
    if not same:
        return False
    free = [c for c in same if c.adilet_id is None]
    if not free:
        return any(c.adilet_id == match.group() for c in same)
    nearest = min(free, key=lambda c: abs(c.start - match.start()))
    nearest.adilet_id = match.group()
    nearest.notes.append("Adilet identifier elsewhere in the text: its serial and year are the act's")
    return True
