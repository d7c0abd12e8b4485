"""Acts cited again by their title alone (``Законом ... «О миграции населения»``): they take the
number, date and identifier of their full citation in the same text, when the text gives one act
of that title; acts cited again by their number alone (``Law No. 477-IV``) take its year. Entries:
``numbered_elsewhere``; ``dated_elsewhere`` (after the identifiers are given, so a note's identifier
goes to the citation its mark follows)."""

from __future__ import annotations

import re

from .found import CitationFound


def _title_key(title: str | None) -> str:
    return re.sub(r"[^\w]+", " ", title or "").strip().lower()


def numbered_elsewhere(found: list[CitationFound]) -> None:
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


def dated_elsewhere(found: list[CitationFound]) -> None:
    """An act cited again by its number alone ("Law No. 477-IV", "Закон № 477-IV") takes the year,
    date and identifier of its full citation in the same text: the same number and act type, one
    year among them (two acts of one number in different years stay undated)."""
    dated: dict[tuple[str, str | None], list[CitationFound]] = {}
    for citation in found:
        if citation.number and citation.year:
            dated.setdefault((citation.number, citation.act_type), []).append(citation)
    for citation in found:
        if not citation.number or citation.year:
            continue
        same = dated.get((citation.number, citation.act_type), [])
        if len({c.year for c in same}) == 1:
            source = same[0]
            citation.year, citation.date = source.year, citation.date or source.date
            citation.jurisdiction = citation.jurisdiction or source.jurisdiction
            citation.adilet_id = citation.adilet_id or source.adilet_id
            citation.notes.append(f"year from its full citation in the same text ({source.label()})")
