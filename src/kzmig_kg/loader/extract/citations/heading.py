"""The bill a document's heading is about (``ПОЯСНИТЕЛЬНАЯ ЗАПИСКА / к проекту Закона ...``): the
subject of the document, not an act it cites. Entry: ``without_subject_draft``."""

from __future__ import annotations

import re

from .found import CitationFound


def without_subject_draft(text: str, found: list[CitationFound]) -> list[CitationFound]:
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
