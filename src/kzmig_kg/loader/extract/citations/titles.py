"""Acts named by their title, without a number: ``the Law on the Legal Status of Foreigners``, a
quoted ``"Law on ..."``, a code or the constitution by name (``the Labour Code``, ``Трудовой
кодекс``), a law described with its year, acts named inside another act's title; their year from
the words around, a draft by what the text says of it; and the bill a document's heading is about,
which it does not cite. Entry: ``_by_title``."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, MONTH_EN, YEAR
from ..textutil import Spans
from .english import _MODIFIER
from .finish import _finish
from .found import CitationFound, _clean_title, _Parts, _year_of
from .grammar import _QUOTED, OWS, WS

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
