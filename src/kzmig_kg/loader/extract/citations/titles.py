"""Acts named by their title, without a number: ``the Law on the Legal Status of Foreigners``, a
quoted ``"Law on ..."``, acts named inside another act's title; their year from the words around,
a draft by what the text says of it. Entry: ``by_title`` (codes and the constitution by name are in
``named``)."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, MONTH_EN, YEAR
from .english import _MODIFIER
from .finish import finish_citation
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
# a Kazakh act by its title alone, the state (or not, as news write it) and the head after it:
# "«Халықтың көші-қоны туралы» Қазақстан Республикасының Заңына сәйкес", "«Босқындар туралы» Заңымен"
_KK_TITLED = re.compile(r"[«\"“](?P<rest>[^«»\"“”\n]{3,150}?\s+туралы)[»\"”]\s+"
                        r"(?:(?:Қазақстан\s+Республикасының|ҚР)\s+)?"
                        r"(?P<head>(?:Конституциялық\s+)?[Зз]аң(?:ы|ына|ымен|ында|ынан|ының)|"
                        r"[Кк]одекс(?:і|іне|інде|інің))"
                        r"(?![\w])")
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


def _title_citation(text: str, head: str, start: int, end: int, title: str,
                    date_text: str | None, republic: bool) -> CitationFound:
    parts = _Parts(head, start, end, "ru" if re.match(r"[А-Яа-я]", head) else "en",
                   title=title[0].upper() + title[1:], date_text=date_text,
                   jurisdiction="KAZ" if republic else None)
    citation = finish_citation(text, parts, "title")
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


def by_title(text: str, found: list[CitationFound], start: int = 0, end: int | None = None,
              inside: CitationFound | None = None) -> list[CitationFound]:
    """Acts named by their title only: "the Law on the Legal Status of Foreigners", and (with
    ``inside``) acts named in the title of another act."""
    titled: list[CitationFound] = []
    end = len(text) if end is None else end
    matches = [(m, m.start("head"), m.end(), m.group("rest"))
               for pattern in (_TITLED, _QUOTED_HEAD) for m in pattern.finditer(text, start, end)]
    matches += [(m, m.start(), m.end(), m.group("rest")) for m in _KK_TITLED.finditer(text, start, end)]
    for match, m_start, m_end, rest in sorted(matches, key=lambda m: m[1]):
        taken = [c for c in found + titled if c is not inside]
        if any(c.start <= m_start < c.end or m_start <= c.start < m_end for c in taken):
            continue
        if inside is not None and (m_start <= inside.start or m_end >= inside.end):
            continue              # ending with the citation: its own title and head ("№ 477-IV «...» Заңына")
        title = _clean_title(rest)
        if not title or not re.match(r"(?:On|on|О|о|[A-ZА-Я]|for|of|по)", title):
            continue
        date_text = match.groupdict().get("date")
        citation = _title_citation(text, match.group("head"), m_start, m_end, title, date_text,
                                   "Republic" in match.group() or match.re is _KK_TITLED)
        if match.re is _QUOTED_HEAD and citation.act_type is None:
            continue
        if inside is not None:
            citation.notes.append(f"named in the title of {inside.label()}")
        titled.append(citation)
    return titled
