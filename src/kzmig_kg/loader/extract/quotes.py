"""Quoted speech: the words of someone the text quotes ("“In 2005 nearly 24,000 people moved to
Russia alone,” she said"), whose times date the quote, never the text's own sentences after it.

One public entry: ``quoted_speech(text)``, the (start, end) spans of quotations that are speech:
several words, and said (the words end in a stop or a comma, or a verb of saying stands by them),
not a name or a title in quotes (the Law «On Migration», the bulletin «Миграция населения за
январь–сентябрь 2025 года», the "Concept").
"""

from __future__ import annotations

import re

# a quotation inside one paragraph: “…”, «…» or "…"
_QUOTED = re.compile(r"“[^”\n]*”|«[^»\n]*»|\"[^\"\n]*\"")
_MIN_WORDS = 8
# the quoted words end as speech ends: "... completely different," said
_SPOKEN_END = re.compile(r"[.,!?…]\s*$")
_SAYING = (
    r"(?:said|says|told|added|noted|recalled|explained|stressed|remarked|"
    r"сказал\w*|отметил\w*|заявил\w*|подчеркнул\w*|пояснил\w*|добавил\w*|вспомина\w*|говорит|"
    r"рассказал\w*|уточнил\w*|считает|деді|дейді|айтты|атап\s+өтті)"
)
# "», – отметил эксперт", "," said Aigerim"; "Эксперт отметил: «..."
_SAID_AFTER = re.compile(rf"\s*,?\s*[–—-]?\s*(?:[^\W\d]+\s+){{0,3}}?{_SAYING}(?![^\W\d])", re.IGNORECASE)
_SAID_BEFORE = re.compile(rf"{_SAYING}[^.!?\n]{{0,40}}:\s*$", re.IGNORECASE)


def quoted_speech(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of ``text`` that are speech: eight words or more, said."""
    spans = []
    for match in _QUOTED.finditer(text):
        words = match.group()[1:-1]
        if len(words.split()) < _MIN_WORDS:
            continue
        if (
            _SPOKEN_END.search(words)
            or _SAID_AFTER.match(text, match.end())
            or _SAID_BEFORE.search(text, max(0, match.start() - 80), match.start())
        ):
            spans.append((match.start(), match.end()))
    return spans
