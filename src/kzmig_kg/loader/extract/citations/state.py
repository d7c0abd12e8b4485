"""The state of an act whose citation names none: in a text whose citations name one state more than
any other ("Government Resolution No. 961 of 30 November 2022" in a memo that cites the Law of the
Republic of Kazakhstan twice), the act is that state's, as a reader takes it; a text that names no
state, or two states as often, leaves it unstated. The Eurasian Economic Union's acts are no
state's and do not vote. Entry: ``unstated_jurisdictions``."""

from __future__ import annotations

from collections import Counter

from .found import CitationFound

_NO_STATE = "EAEU"


def unstated_jurisdictions(found: list[CitationFound]) -> None:
    """Give the citations that name no state the state the text's other citations name most."""
    votes = Counter(c.jurisdiction for c in found if c.jurisdiction and c.jurisdiction != _NO_STATE)
    if not votes:
        return
    ranked = votes.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return
    state = ranked[0][0]
    for citation in found:
        if citation.jurisdiction is None:
            citation.jurisdiction = state
            citation.notes.append(f"jurisdiction: the state the text's other citations name ({state})")
