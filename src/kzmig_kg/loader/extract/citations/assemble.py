"""The entry: every act citation in a text, in order, without overlaps. Runs the neighbours' own
languages (``neighbours``) and the Kazakh patterns, then the English and Russian heads, then the
steps that add or correct citations (federal numbers, titles, years from the context or a
timeline's line, acts cited together, tables of acts, notes, the heading's bill, numbers from a full
citation, Adilet identifiers); one citation per number of ``Nos. 148 and 838``. Entry: ``find_citations``."""

from __future__ import annotations

import re

from ..actnumbers import normalise_act_number
from ..acttypes import ISSUERS
from ..dates import DATE_PATTERN, YEAR
from .adilet import adilet_ids
from .again import dated_elsewhere, numbered_elsewhere
from .coordinated import cited_together
from .english import _HEAD_EN, parse_english
from .federal import federal_numbers
from .finish import finish_citation
from .found import CitationFound, _Parts, _year_of
from .heading import without_subject_draft
from .issuers import no_act_of_state
from .joint import second_signatory
from .kazakh import _KK, _KK_BRACKET, _KK_HEAD_FIRST, _KK_LOCAL_BODY, _NEIGHBOUR, KK_MINISTER, KK_TITLE_BEFORE
from .known import known_acts
from .marked import marked_numbers_cited
from .named import named_acts
from .neighbours import neighbour_citations
from .russian import _HEAD_RU, parse_russian
from .state import unstated_jurisdictions
from .styles import cited_in_notes
from .tables import rows_of_acts
from .titles import by_title

# the issuer after the date and number, before the head: "2006 жылғы 20 сәуірдегі № 3 Қазақстан Республикасы
# Жоғарғы Сотының нормативтік қаулысы" (the body's name ends in the genitive)
_KK_ISSUER_IN_TITLE = re.compile(r"(?P<issuer>(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)(?:\s+\S+){0,5}?\s+\S+"
                                 r"(?:ның|нің|тың|тің|дың|дің))(?:\s+(?P<title>.+))?$")
_KK_NEIGHBOUR = re.compile(_NEIGHBOUR)
# a sentence that opens with a full date, then its subject, then the act it issued: "On 30 November 2022
# the Government adopted Resolution No. 961", "30 ноября 2022 года Правительство приняло постановление № 961"
_OPENING_DATE = re.compile(rf"(?:(?<=[.;!?][ \t])|(?<=\n)|^)[ \t]*(?:On[ \t]+)?(?P<date>{DATE_PATTERN})"
                           r"[ \t]*,?[ \t]+[^.;\n\d]{0,160}$")
# a line that opens with a full date and a dash or colon, and the citation right after it
_LINE_DATE = re.compile(rf"[ \t]*(?P<date>{DATE_PATTERN})[ \t]*[-–—:][ \t]*$")


def _with_extra_numbers(text: str, parts: _Parts, first: CitationFound) -> list[CitationFound]:
    """"Resolutions Nos. 148 and 838": one citation per number, the others spanning their number."""
    found = [first]
    for raw, start, end in parts.extra_numbers:
        extra = _Parts(parts.head, start, end, parts.language, parts.issuer, None, parts.date_text,
                       raw, force=parts.force, jurisdiction=parts.jurisdiction,
                       notes=[f"one of several numbers cited together with No. {first.number}"])
        citation = finish_citation(text, extra, "number")
        citation.start, citation.end = start, end
        found.append(citation)
    return found


def find_citations(text: str, titles: bool = True) -> list[CitationFound]:
    """Every act citation in the text, in order, without overlaps."""
    found: list[CitationFound] = neighbour_citations(text)
    kazakh = [*_KK.finditer(text), *_KK_BRACKET.finditer(text), *_KK_HEAD_FIRST.finditer(text)]
    for match in sorted(kazakh, key=lambda m: m.start()):
        if any(c.start <= match.start() < c.end for c in found):
            continue
        title, issuer, head = match.groupdict().get("title"), match.group("issuer"), match.group("head")
        start = match.start()
        if issuer is None and (minister := KK_MINISTER.search(text, max(0, start - 120), start)) and \
                not any(c.end > minister.start() for c in found) and \
                any(re.search(pattern, minister["issuer"].lower()) for pattern, _, _ in ISSUERS):
            issuer, start = minister["issuer"], minister.start()   # not "Бұл тәртіп министрінің"
        if issuer is None and (local := _KK_LOCAL_BODY.search(text, max(0, start - 120), start)) and \
                not any(c.end > local.start() for c in found):
            issuer, start = local["issuer"], local.start()
        if issuer is None and title and (body := _KK_ISSUER_IN_TITLE.match(title)):
            issuer, title = body["issuer"], body["title"]
        if not title and issuer and (quoted := KK_TITLE_BEFORE.search(text, max(0, start - 170), start)) and \
                not any(c.end > quoted.start() for c in found):
            title, start = quoted["title"], quoted.start()
        if re.match(r"[Шш]ешім", head) and not any(re.search(pattern, (issuer or "").lower())
                                                    for pattern, _, _ in ISSUERS):
            continue                  # "Комиссияның ... № 3 хаттамалық шешімі": a decision of no state body
        joint = bool(title and re.search(r"(?:^|\s)бірлескен$", title.strip(), re.IGNORECASE))
        if joint:                     # "... бірлескен бұйрығы": a joint order, one act of two signatories
            head, title = f"{title.split()[-1]} {head}", " ".join(title.split()[:-1]) or None
        if joint and match.groupdict().get("number2"):
            issuer = " and the ".join(i for i in (issuer, match["issuer2"]) if i)
        parts = _Parts(head, start, match.end(), "kk", issuer,
                       title, match.group("date"), match.group("number"),
                       jurisdiction=None if issuer and _KK_NEIGHBOUR.match(issuer) else "KAZ")
        if joint and match.groupdict().get("number2"):
            parts.joint_numbers.append(match["number2"])
            parts.notes.append(f"a joint act: also No. {match['number2']}")
        citation = finish_citation(text, parts, "number")
        found.append(citation)
        if match.groupdict().get("number2") and not joint:
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
        parts = parse_english(text, match) if language == "en" else parse_russian(text, match)
        if parts is None or no_act_of_state(text, parts):
            continue
        second_signatory(text, parts)
        # no number: an issuer with a year or a title ("issuer"), or a title alone ("Закон «О ...»")
        form = "number" if parts.number else "issuer" if parts.issuer else "title"
        citation = finish_citation(text, parts, form)
        if citation.act_type in {None, "ministerial-order"} and not (
                citation.issuer or citation.year or citation.title or citation.jurisdiction):
            continue                  # "Приказ № 15-п по личному составу": nothing says whose or when
        found.extend(_with_extra_numbers(text, parts, citation))
    found += federal_numbers(text, found)
    found += marked_numbers_cited(text, found)
    if titles:
        found += by_title(text, found)
        found += named_acts(text, found)
        for citation in [c for c in found if c.title and c.form != "title"]:
            found += by_title(text, found, citation.start + 1, citation.end, inside=citation)
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
        elif citation.year is None and citation.number and \
                any(n.startswith("issuer: the subject of its sentence") for n in citation.notes) and \
                (opening := _OPENING_DATE.search(text, max(0, citation.start - 200), citation.start)):
            citation.year, iso = _year_of(opening["date"])
            citation.date = iso if iso and len(iso) == 10 else None
            citation.notes.append("date: the date that opens its sentence, whose subject issued it")
    found += cited_together(text, found)
    found = rows_of_acts(text, found)
    found = cited_in_notes(text, found)
    found = without_subject_draft(text, found)
    numbered_elsewhere(found)
    if titles:
        found += known_acts(text, found)
    found.sort(key=lambda c: c.start)
    found += adilet_ids(text, found)
    unstated_jurisdictions(text, found)
    dated_elsewhere(found)
    return found
