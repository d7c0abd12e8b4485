"""Acts cited together under one head, each with its own number and date (``постановлениями ... от
31 декабря 2022 года № 1146 и от 12 февраля 2024 года № 80``, ``Resolutions No. 148 (2012) and No.
961 (2022)``), and the issuer named after the last of them. Entry: ``cited_together``."""

from __future__ import annotations

import re

from ..actnumbers import normalise_act_number
from ..acttypes import classify, issuer_of
from ..dates import DATE_PATTERN, YEAR
from ..textutil import Spans
from .english import _HEAD_EN, _written_out
from .found import CitationFound, _year_of
from .grammar import NUMBER, OWS, WS
from .issuers import _ISSUER_AFTER
from .russian import _HEAD_RU

# "постановлениями ... от 31 декабря 2022 года № 1146 и от 12 февраля 2024 года № 80" (the "от" may be left
# out: "Законов КР от 23 мая 2008 года № 98, 24 июля 2013 года № 160"), "Resolutions
# No. 1146 of 31 December 2022 and No. 80 of 12 February 2024": another act of the same head, with
# its own date and number
_AND_ANOTHER = re.compile(
    rf"{OWS}(?:,|и|and){WS}(?P<act>(?:от{WS})?(?P<date>{DATE_PATTERN})(?:{OWS}(?:года|г\.))?{OWS}№{OWS}"
    rf"(?P<number>{NUMBER})|(?:No\.?|№){OWS}(?P<number2>{NUMBER})(?:{WS}(?:of|dated){WS}(?P<date2>{DATE_PATTERN})|"
    # "Government Resolutions No. 148 (2012) and No. 961 (2022)"
    rf"{OWS}\({OWS}(?P<year2>{YEAR}){OWS}\)|{WS}of{WS}(?P<year3>{YEAR})(?![\d,.]\d)))"
    rf"(?![\w-])")


def cited_together(text: str, found: list[CitationFound]) -> list[CitationFound]:
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
