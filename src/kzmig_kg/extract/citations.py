"""Step 3: citations of legal acts, in English and Russian (and Kazakh) legal writing.

A citation starts at an act-type head (``Law``, ``Constitutional Law``, ``Resolution``, ``Joint
Decree``, ``Government Resolution``, ``Criminal Code``, ``Закон``, ``Постановление`` ...). From
there the parser reads, each part optional and in the orders documents use:

    head [issuer: of the Government of the Republic of Kazakhstan] [having the force of law]
         [title: "On Migration"] [date: dated 22 July 2011 | от 22 июля 2011 года]
         number: No. 477-IV | № 477-IV | N 2337
         [title: on Population Migration] [year: , 2011 | (2011) | , dated ... | от ...]

Examples it reads: ``(Law No. 477-1V, 2011)``, ``Law No. 201-V (2014)``, ``Resolution of the
Government of the Republic of Kazakhstan No. 961, 2022``, ``Joint Decree of the Minister of
Internal Affairs of the Republic of Kazakhstan No. 215, 2004``, ``Constitutional Law of the
Republic of Kazakhstan No. 438-V (2015)``, ``Закон Республики Казахстан от 22 июля 2011 года №
477-IV``, ``Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңы``.

A citation needs a number, or else a stated issuer with a year or a quoted title (``Joint Decree
of the Acting Minister of Foreign Affairs of the Republic of Kazakhstan (2016)``). Acts named only
by their title (``the Law on the Legal Status of Foreigners``) are found with ``form`` "title" and a
lower confidence. Numbers are normalised (OCR ``1`` for ``I`` in Roman numerals repaired, the
printed form kept), the act type is one of the project's act types (kinds/acts.py), and the
issuer is given in English with the project's organisation id where it is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DATE_PATTERN, MONTH_EN, YEAR, parse_dates
from .numbers import normalise_act_number

WS = r"[\s\u00a0]{1,12}"
OWS = r"[\s\u00a0]{0,12}"
_QUOTED = r"(?:\"[^\"]{2,220}?\"|“[^”]{2,220}?”|«[^»]{2,220}?»|„[^“”]{2,220}?[“”])"

# ------------------------------------------------------------------------------- English

_MODIFIER = (r"(?:Constitutional|Joint|Interministerial|Inter-ministerial|Government(?:al)?|"
             r"Presidential|Ministerial|Federal|Criminal|Labou?r|Tax|Civil|Administrative|"
             r"Entrepreneurial|Budget|Land|Customs|Environmental|Ecological|Water|Forest|Draft|"
             r"Social|Health|Family|Penal|Procedural|Criminal[- ]Procedure|Civil[- ]Procedure)")
_CORE = r"(?:Laws?|Codes?|Decrees?|Resolutions?|Orders?|Instructions?|Edicts?|Ordinances?|Bill)"
_HEAD_EN = re.compile(
    rf"(?<![\w-])(?:(?:{_MODIFIER}){WS}){{0,2}}(?:{_CORE}|(?:law|code)(?=\s+(?:No\b|Nr\b|№|\"|“|«)))"
    rf"(?![\w-])")
_CAP = r"(?!No\b|Nr\b|On\b|Article\b|Art\b|Dated\b)[A-Z][\w'’.\-]*"
_CONNECTOR = r"(?:of|and|for|the|on|in|at|de|&)"
_ISSUER_EN = re.compile(
    rf"{WS}of{WS}(?:the{WS})?(?P<issuer>{_CAP}(?:{WS}(?:{_CONNECTOR}{WS}){{0,3}}{_CAP}){{0,16}})")
_FORCE = re.compile(rf"{OWS},?{OWS}having{WS}the{WS}force{WS}of{WS}(?:a{WS})?law", re.IGNORECASE)
_TITLE_QUOTED = re.compile(rf"{OWS},?{OWS}(?P<title>{_QUOTED})")
_TITLE_ON = re.compile(
    rf"{WS}(?P<title>[Oo]n{WS}(?:the{WS})?[A-Z][\w'’\-]*(?:{WS}(?:(?:of|the|and|for|in|to|on){WS})"
    rf"{{0,2}}[A-Z][\w'’\-]*){{0,8}})")
_DATE_CLAUSE = re.compile(rf"{OWS},?{OWS}(?:dated|of|from|on|adopted{WS}on|от){WS}"
                          rf"(?P<date>{DATE_PATTERN})")
_NUMBER = re.compile(
    rf"{OWS},?{OWS}(?:No\.?|Nr\.?|N°|№|#|N(?=\s*\d)){OWS}"
    r"(?P<number>\d{1,6}(?:[ \t]?[-–—][ \t]?(?:[IVXLivxl1|ІХ]{1,6}|\d{1,3})(?![\w]))*"
    r"(?:[ \t]?[-–]?[ \t]?(?:ЗРК|ZRK|ҚРЗ))?)\.?")
_YEAR_AFTER = re.compile(
    rf"(?:{OWS},{OWS}(?:dated{WS}|of{WS})?(?P<date>{DATE_PATTERN})"
    rf"|{OWS},{OWS}\(?(?P<year>{YEAR})\)?(?![\d,.]\d)"
    rf"|{OWS}\({OWS}(?P<year2>{YEAR}){OWS}\)"
    rf"|{WS}(?:dated|of|from|от|on){WS}(?P<date2>{DATE_PATTERN})"
    rf"|{WS}(?:of|from|in){WS}(?P<year3>{YEAR})(?![\d,.]\d))")
_YEAR_PAREN = re.compile(rf"{OWS}(?:,{OWS})?\({OWS}(?P<year>{YEAR}){OWS}\)|{OWS},{OWS}(?P<year2>{YEAR})"
                         rf"(?={OWS}[);])")

# ------------------------------------------------------------------------------- Russian

_HEAD_RU = re.compile(
    r"(?<![\w-])(?P<head>(?:[Кк]онституционн\w+\s+)?[Зз]акон(?:а|у|ом|е|ы|ов)?|[Кк]одекс\w*|"
    r"[Уу]каз\w*|[Пп]остановлени\w*|[Сс]овместн\w+\s+приказ\w*|[Пп]риказ\w*|[Рр]аспоряжени\w*|"
    r"[Ии]нструкци\w*|[Рр]ешени\w*|[Пп]роект\w*\s+закона)(?![\w-])")
_ISSUER_RU = re.compile(
    r"(?P<issuer>(?:[\s\u00a0]+(?!от\b|№)[^\s\u00a0№«\"“();]+){1,12}?)(?=[\s\u00a0]*(?:от\b|№|«|\"|“|N\s*\d))")
_NUMBER_RU = re.compile(
    r"[\s\u00a0]*(?:№|N)[\s\u00a0]*(?P<number>\d{1,6}(?:[ \t]?[-–][ \t]?(?:[IVXLivxl1|ІХ]{1,6}|\d{1,3})"
    r"(?![\w]))*(?:[ \t]?[-–]?[ \t]?(?:ЗРК|ҚРЗ|VI|V))?)")
_DATE_RU = re.compile(rf"[\s\u00a0]*(?:,[\s\u00a0]*)?от[\s\u00a0]+(?P<date>{DATE_PATTERN})")

# ------------------------------------------------------------------------------- Kazakh

_KK = re.compile(
    rf"(?P<issuer>Қазақстан\s+Республикасы(?:ның)?(?:\s+[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]+){{0,4}}?)\s+"
    rf"(?P<date>{YEAR}\s+жылғы\s+\d{{1,2}}\s+(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|"
    rf"қыркүйек|қазан|қараша|желтоқсан)\w*)\s+№\s*(?P<number>\d{{1,6}}(?:-[IVXІ1]{{1,6}})?)"
    r"(?:\s+(?P<title>[^.;\n]{0,120}?))?\s+(?P<head>Заңы|Кодексі|қаулысы|Жарлығы|бұйрығы|"
    r"Конституциялық\s+заңы)")

# --------------------------------------------------------------------------- classification

ISSUERS: tuple[tuple[str, str, str | None], ...] = (
    # (pattern on the issuer text, English name, project organisation id)
    (r"cabinet\s+of\s+ministers|кабинет\w*\s+министров", "Cabinet of Ministers", "cabinet-of-ministers"),
    (r"supreme\s+(?:council|soviet)|верховн\w+\s+совет", "Supreme Council", "supreme-council"),
    (r"chief\s+state\s+sanitary\s+doctor|главн\w+\s+государственн\w+\s+санитарн\w+\s+врач",
     "Chief State Sanitary Doctor", "chief-state-sanitary-doctor"),
    (r"internal\s+affairs|внутренних\s+дел|ішкі\s+істер", "Minister of Internal Affairs",
     "ministry-of-internal-affairs"),
    (r"foreign\s+affairs|иностранных\s+дел|сыртқы\s+істер", "Minister of Foreign Affairs",
     "ministry-of-foreign-affairs"),
    (r"labou?r\s+and\s+social\s+protection|труда\s+и\s+социальной\s+защиты",
     "Minister of Labour and Social Protection of Population", "ministry-of-labour-social-protection"),
    (r"national\s+economy|национальной\s+экономики", "Minister of National Economy",
     "ministry-of-national-economy"),
    (r"national\s+security|национальной\s+безопасности", "National Security Committee",
     "national-security-committee"),
    (r"minist\w+\s+of\s+labou?r|министр\w*\s+труда", "Minister of Labour", "ministry-of-labour"),
    (r"government|правительств|үкімет", "Government", "government"),
    (r"president|президент", "President", "president"),
    (r"parliament|парламент|mazhilis|мажилис", "Parliament", "parliament"),
)
JURISDICTIONS: tuple[tuple[str, str], ...] = (
    (r"republic\s+of\s+kazakhstan|\brk\b|республики\s+казахстан|\bрк\b|қазақстан", "KAZ"),
    (r"russian\s+federation|российской\s+федерации|\bрф\b|^federal\b", "RUS"),
    (r"kyrgyz\s+republic|кыргызской\s+республики", "KGZ"),
    (r"republic\s+of\s+uzbekistan|республики\s+узбекистан", "UZB"),
)


def classify(head: str, issuer: str | None, force_of_law: bool = False) -> str | None:
    """The project act type (kinds/acts.py ACT_TYPES key) of a head and issuer."""
    h = re.sub(r"\s+", " ", head).lower()
    i = re.sub(r"\s+", " ", issuer or "").lower()
    both = f"{h} {i}"
    if re.search(r"constitutional\s+law|конституционн|конституциялық", h):
        return "constitutional-law"
    if re.search(r"draft|bill|проект", h):
        return "draft-law"
    if re.search(r"\bcodes?\b|кодекс", h):
        return "code"
    if re.search(r"joint|interministerial|inter-ministerial|совместн", h):
        return "joint-order"
    if re.search(r"decree|edict|ukaz|указ|жарлығы", h) and re.search(r"president|президент", both):
        if force_of_law or re.search(r"force\s+of\s+(?:a\s+)?law|силу\s+закона", both):
            return "decree-having-force-of-law"
        return "presidential-decree"
    if re.search(r"instruction|инструкци", h):
        return "instruction"
    if re.search(r"resolution|decree|decision|ordinance|постановлени|решени|қаулысы", both) or \
            re.search(r"resolution|decree|постановлени|қаулысы", h):
        if re.search(r"cabinet\s+of\s+ministers|кабинет", i):
            return "cabinet-resolution"
        if re.search(r"supreme\s+(?:council|soviet)|верховн", i):
            return "supreme-council-resolution"
        if re.search(r"government|правительств|үкімет", both):
            return "government-resolution"
        if re.search(r"sanitary|санитарн|chief|главн\w+\s+государственн", i):
            return "official-resolution"
        if re.search(r"minist|министр|chairman|председател|committee|комитет", i):
            return "ministerial-order"
        if re.search(r"resolution|постановлени|қаулысы", h):
            return None
    if re.search(r"\border|приказ|бұйрығы", h) or (re.search(r"decree", h) and i):
        return "ministerial-order"
    if re.search(r"\blaws?\b|закон|заңы", h):
        return "law"
    return None


def issuer_of(issuer: str | None) -> tuple[str | None, list[str], str | None]:
    """English issuer name(s), project organisation ids, and the jurisdiction (alpha-3)."""
    if not issuer:
        return None, [], None
    text = re.sub(r"\s+", " ", issuer).strip()
    low = text.lower()
    jurisdiction = next((code for pattern, code in JURISDICTIONS if re.search(pattern, low)), None)
    names: list[str] = []
    ids: list[str] = []
    for chunk in re.split(r"\s+and\s+the\s+|\s+и\s+(?=министр)", low):
        for pattern, name, org in ISSUERS:
            if re.search(pattern, chunk):
                acting = "Acting " if re.search(r"\bacting\b|исполняющ", chunk) else ""
                if name not in names:
                    names.append(acting + name)
                    if org:
                        ids.append(org)
                break
    if names:
        return "; ".join(names), ids, jurisdiction
    stripped = re.sub(r"\s*(?:of\s+the\s+)?(?:Republic\s+of\s+Kazakhstan|RK)$", "", text).strip()
    if not stripped or stripped.lower() in {"republic of kazakhstan", "rk", "республики казахстан"}:
        return None, [], jurisdiction
    return stripped, [], jurisdiction


# ------------------------------------------------------------------------------------ parsing

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

    def label(self) -> str:
        parts = [self.act_type or "act"]
        if self.number:
            parts.append(f"No. {self.number}")
        if self.year:
            parts.append(f"({self.year})")
        return " ".join(parts)


def _year_of(date_text: str | None) -> tuple[int | None, str | None]:
    if not date_text:
        return None, None
    dates = parse_dates(date_text)
    if dates:
        return dates[0].year, dates[0].iso
    match = re.search(YEAR, date_text)
    return (int(match.group()), None) if match else (None, None)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip().strip("\"“”«»„").strip().rstrip(",.")
    if title[:3] == "on ":
        title = "O" + title[1:]
    return title or None


def _parse_english(text: str, match: re.Match[str]) -> CitationFound | None:
    head = match.group()
    pos = match.end()
    issuer = title = date_text = number = None
    force = False
    m = _ISSUER_EN.match(text, pos)
    if m:
        issuer = m.group("issuer")
        pos = m.end()
        # "Law of the Republic of Kazakhstan on Population Migration": the title is not the issuer
        split = re.search(r"\s+on\s+(?=[A-Z])", issuer)
        if split and re.search(r"law|code", head, re.IGNORECASE):
            title = issuer[split.end():]
            issuer = issuer[:split.start()]
    m = _FORCE.match(text, pos)
    if m:
        force, pos = True, m.end()
    if title is None:
        m = _TITLE_QUOTED.match(text, pos)
        if m:
            title, pos = m.group("title"), m.end()
    m = _DATE_CLAUSE.match(text, pos)
    if m:
        date_text, pos = m.group("date"), m.end()
    m = _NUMBER.match(text, pos)
    if m:
        number, pos = m.group("number"), m.end()
        m = _TITLE_QUOTED.match(text, pos) or _TITLE_ON.match(text, pos)
        if m and title is None:
            title, pos = m.group("title"), m.end()
        if date_text is None:
            m = _YEAR_AFTER.match(text, pos)
            if m:
                date_text = m.group("date") or m.group("date2") or m.group("year") or \
                    m.group("year2") or m.group("year3")
                pos = m.end()
                if text[pos - 1:pos] == ")" and not _opened_in(text, match.start(), pos):
                    pos -= 1
    elif issuer:
        m = _YEAR_PAREN.match(text, pos)
        if m and date_text is None:
            date_text = m.group("year") or m.group("year2")
            pos = m.end() if m.group("year") else m.start("year2") + 4
            if text[pos - 1:pos] == ")" and not _opened_in(text, match.start(), pos):
                pos -= 1
        elif title is None:
            m = _TITLE_QUOTED.match(text, pos)
            if m:
                title, pos = m.group("title"), m.end()
        if date_text is None:
            m = _DATE_CLAUSE.match(text, pos)
            if m:
                date_text, pos = m.group("date"), m.end()
    else:
        return None
    if number is None and not (issuer and (date_text or title)):
        return None
    year, iso = _year_of(date_text)
    act_type = classify(head, issuer, force)
    issuer_name, ids, jurisdiction = issuer_of(issuer)
    if jurisdiction is None and re.match(r"Federal", head):
        jurisdiction = "RUS"
    if issuer_name is None:
        issuer_name, ids = _issuer_from_head(head)
    form = "issuer" if number is None else "number"
    return _finish(text, match.start(), pos, act_type, issuer_name, ids, jurisdiction, number, year,
                   iso, _clean_title(title), form, "en")


def _issuer_from_head(head: str) -> tuple[str | None, list[str]]:
    """The issuer a head names itself ("Government Resolution", "Presidential Decree")."""
    if re.match(r"Government", head):
        return "Government", ["government"]
    if re.match(r"Presidential", head):
        return "President", ["president"]
    return None, []


def _opened_in(text: str, start: int, end: int) -> bool:
    """Whether the span has as many '(' as ')' (so a closing bracket belongs to it)."""
    span = text[start:end]
    return span.count("(") >= span.count(")")


def _parse_russian(text: str, match: re.Match[str]) -> CitationFound | None:
    head = match.group("head")
    pos = match.end()
    issuer = title = date_text = number = None
    m = _ISSUER_RU.match(text, pos)
    if m:
        issuer, pos = m.group("issuer"), m.end()
    m = _TITLE_QUOTED.match(text, pos)
    if m:
        title, pos = m.group("title"), m.end()
    m = _DATE_RU.match(text, pos)
    if m:
        date_text, pos = m.group("date"), m.end()
    m = _NUMBER_RU.match(text, pos)
    if not m:
        return None
    number, pos = m.group("number"), m.end()
    if date_text is None:
        m = _DATE_RU.match(text, pos)
        if m:
            date_text, pos = m.group("date"), m.end()
    if title is None:
        m = _TITLE_QUOTED.match(text, pos)
        if m:
            title, pos = m.group("title"), m.end()
    year, iso = _year_of(date_text)
    act_type = classify(head, issuer, bool(issuer and re.search(r"силу\s+закона", issuer)))
    issuer_name, ids, jurisdiction = issuer_of(issuer)
    return _finish(text, match.start(), pos, act_type, issuer_name, ids, jurisdiction, number, year,
                   iso, _clean_title(title), "number", "ru")


def _finish(text: str, start: int, end: int, act_type: str | None, issuer: str | None,
            ids: list[str], jurisdiction: str | None, number: str | None, year: int | None,
            iso: str | None, title: str | None, form: str, language: str) -> CitationFound:
    while end > start and text[end - 1] in " \t\n\u00a0,":
        end -= 1
    normalised, repaired = normalise_act_number(number) if number else (None, False)
    notes = []
    confidence = {"number": 0.95, "issuer": 0.8, "title": 0.6}[form]
    if form == "issuer" and year is None:
        confidence -= 0.1
    if repaired:
        notes.append(f"number printed as {number.strip()}, read as {normalised}")
        confidence -= 0.05
    if act_type is None:
        confidence -= 0.15
    if form == "number" and year is None:
        confidence -= 0.1
    printed = re.sub(r"\s+", " ", number).strip().rstrip(".") if number else None
    return CitationFound(start, end, act_type, issuer, ids, jurisdiction, normalised, printed, year,
                         iso if iso and len(iso) == 10 else None, title, form, language,
                         round(confidence, 2), notes)


_TWORD = rf"(?!{MONTH_EN}\b)[A-Z][\w'’\-]*"
_TITLED = re.compile(
    rf"(?<![\w-])(?:[Tt]he{WS}|[Aa]{WS}|[Nn]ew{WS})*(?P<head>(?:(?:{_MODIFIER}){WS})?(?:[Ll]aw|Code))"
    rf"(?:{WS}of{WS}the{WS}Republic{WS}of{WS}Kazakhstan)?"
    rf"(?P<rest>{OWS}{_QUOTED}|{WS}on{WS}(?:the{WS})?{_TWORD}(?:{WS}(?:(?:of|the|and|for|in|to)"
    rf"{WS}){{0,2}}{_TWORD}){{0,8}})"
    rf"(?:{OWS},?{OWS}(?:of|dated|adopted{WS}on|on){WS}(?P<date>{DATE_PATTERN}))?")


def find_citations(text: str, titles: bool = True) -> list[CitationFound]:
    """Every act citation in the text, in order, without overlaps."""
    found: list[CitationFound] = []
    for match in _KK.finditer(text):
        year, iso = _year_of(match.group("date"))
        issuer_name, ids, jurisdiction = issuer_of(match.group("issuer"))
        found.append(_finish(text, match.start(), match.end(), classify(match.group("head"),
                             match.group("issuer")), issuer_name, ids, jurisdiction or "KAZ",
                             match.group("number"), year, iso, _clean_title(match.group("title")),
                             "number", "kk"))
    candidates = [(m.start(), "en", m) for m in _HEAD_EN.finditer(text)]
    candidates += [(m.start(), "ru", m) for m in _HEAD_RU.finditer(text)]
    for _, language, match in sorted(candidates, key=lambda c: c[0]):
        if any(c.start <= match.start() < c.end for c in found):
            continue
        citation = _parse_english(text, match) if language == "en" else _parse_russian(text, match)
        if citation is not None:
            found.append(citation)
    if titles:
        for match in _TITLED.finditer(text):
            start = match.start("head")
            if any(c.start <= start < c.end or start <= c.start < match.end() for c in found):
                continue
            title = _clean_title(match.group("rest"))
            if not title or not re.match(r"(?:On|on|О|о|[A-Z])", title):
                continue
            title = title[0].upper() + title[1:]
            year, iso = _year_of(match.group("date"))
            jurisdiction = "KAZ" if "Republic" in match.group() else None
            found.append(_finish(text, start, match.end(), classify(match.group("head"), None), None,
                                 [], jurisdiction, None, year, iso, title, "title", "en"))
    for citation in found:
        if citation.year is None and citation.form == "issuer":
            before = text[max(0, citation.start - 80):citation.start]
            context = list(re.finditer(rf"\b(?:in|In)\s+({YEAR})\b", before))
            if context:
                citation.year = int(context[-1].group(1))
                citation.notes.append("year from the sentence around the citation")
    return sorted(found, key=lambda c: c.start)
