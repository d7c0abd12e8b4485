"""Quoted speech: the words of someone the text quotes ("“In 2005 nearly 24,000 people moved to
Russia alone,” she said"), whose times date the quote, never the text's own sentences after it.

One public entry: ``quoted_speech(text)``, the (start, end) spans of quotations long enough to be
speech (several words), not a name in quotes (the Law «On Migration», the "Concept").
"""

from __future__ import annotations

import re

# a quotation inside one paragraph: “…”, «…» or "…"
_QUOTED = re.compile(r"“[^”\n]*”|«[^»\n]*»|\"[^\"\n]*\"")
_MIN_WORDS = 8


def quoted_speech(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of ``text`` that are speech: eight words or more."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text) if len(m.group().split()) >= _MIN_WORDS]
