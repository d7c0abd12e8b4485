"""From what a parser read (``_Parts``) to a ``CitationFound``: the year and date, the issuer (named,
after the number, the author of its reference entry or the subject of its sentence), the act type,
the jurisdiction, the normalised number and the confidence. Entry: ``finish_citation``."""

from __future__ import annotations

import re

from ..actnumbers import normalise_act_number
from ..acttypes import classify, issuer_of
from ..schemes import type_from_schemes
from .found import CitationFound, _clean_title, _Parts, _year_of
from .issuers import _ISSUER_AFTER, _SUBJECT_ISSUER, _issuer_from_head
from .styles import _AUTHOR_DATE, _AUTHOR_LEAD, _BLUEBOOK_STATE, _BLUEBOOK_STATES

# the act types whose numbers may carry a convocation of the legislature (477-IV), so that OCR damage
# to it is repaired; None: a citation whose type the text does not say
_CONVOCATION_TYPES = {None, "law", "code", "constitutional-law", "supreme-council-resolution",
                      "decree-having-force-of-law", "kazakh-ssr-act", "draft-law"}


def finish_citation(text: str, parts: _Parts, form: str) -> CitationFound:
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
    if re.search(r"-(?:ФЗ|ФКЗ|FZ|FKZ)$", parts.number or "") or \
            (jurisdiction is None and re.match(r"Federal|[Фф]едеральн", parts.head)):
        jurisdiction = "RUS"            # a federal law, or its number's kind: "№ 115-ФЗ"
    if jurisdiction is None and re.search(r"(?<![\w])(?:ЗРК|ҚРЗ|ZRK|QRZ)\.?$", parts.number or ""):
        jurisdiction = "KAZ"            # "№ 235-V ЗРК": a law of the Republic of Kazakhstan's number
    notes = list(parts.notes) + notes
    number = printed = None
    repaired = False
    if parts.number:
        printed = re.sub(r"\s+", " ", parts.number).strip().rstrip(".")
    # a type the jurisdiction schemes name (a maslikhat's decision, a court's normative resolution,
    # an Uzbek "ПП-" resolution): data, not code (loader/extract/schemes.py)
    said = " ".join(s for s in (parts.issuer, named["issuer"] if named else None, issuer) if s)
    if by_scheme := type_from_schemes(parts.head, said, printed, jurisdiction):
        act_type, jurisdiction = by_scheme[0], jurisdiction or by_scheme[1]
    if parts.number:
        normal = normalise_act_number(parts.number, year, convocation=act_type in _CONVOCATION_TYPES)
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
                         parts.language, round(confidence, 2), notes,
                         joint_numbers=[normalise_act_number(n, year, convocation=False).number
                                        for n in parts.joint_numbers], head=parts.head)
