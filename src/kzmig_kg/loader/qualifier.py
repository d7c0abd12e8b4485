"""The value qualifier of an approximate figure, from the words just before it ("over 12 thousand"
is at least 12,000, "почти 5 тысяч" nearly 5,000), as a code of ``kzc:value-qualifiers``; a figure
the extraction marks approximate with no word this knows is ``approximately``."""

from __future__ import annotations

import re

__all__ = ["value_qualifier"]

_BEFORE = [
    # the words tokens.APPROX marks a figure approximate by; "не более" before "более"
    ("up-to", r"up\s+to|less\s+than|at\s+most|a\s+maximum\s+of|менее(?<!не\sменее)|не\s+более"),
    ("more-than", r"over|more\s+than|at\s+least|a\s+minimum\s+of|более|свыше|не\s+менее"),
    ("nearly", r"nearly|almost|почти"),
]
_PATTERNS = [(code, re.compile(rf"(?<!\w)(?:{words})\s*$", re.IGNORECASE)) for code, words in _BEFORE]


def value_qualifier(prefix: str, approximate: bool) -> str | None:
    """``more-than``, ``up-to``, ``nearly`` or ``approximately`` for an approximate figure whose
    text is preceded by ``prefix``; None for a figure stated as exact."""
    if not approximate:
        return None
    tail = prefix[-40:]
    return next((code for code, pattern in _PATTERNS if pattern.search(tail)), "approximately")
