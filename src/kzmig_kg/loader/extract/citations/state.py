"""The state of an act whose citation names none, as a reader takes it from the text: the state the
other citations of its sentence name, when they name one ("For Russia, see Federal Law No. 115-FZ
... and Presidential Decree No. 637 ..."); else the state the text's citations name more than any
other ("Government Resolution No. 961 of 30 November 2022" in a memo that cites the Law of the
Republic of Kazakhstan twice); else, when no citation names a state, the one state the text names
at all (a news item on "the Government's resolution No. 802" that speaks of Kazakhstan: the
schemes' ``named_as``), when the citation names its issuing body. A text that names no state, or two
states as often, leaves it unstated. The Eurasian Economic Union's acts are no state's and do not
vote. Entry: ``unstated_jurisdictions``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ..schemes import states_named, type_from_schemes
from .found import CitationFound

_NO_STATE = "EAEU"
# a sentence ends at a full stop or semicolon before a capital, not after "No." or "art.", or at a
# line's end (the stop first, its checks after it: the scan stops only at stops and line ends)
_SENTENCE_END = re.compile(r"\n|[.;](?<!\bNo[.;])(?<!\bNos[.;])(?<!\bart[.;])"
                           r"(?:(?<=\w\w[.;])|(?<=[)»\"”][.;]))\s+(?=[A-ZА-ЯЁ])")


def _sentence(ends: list[int], citation: CitationFound) -> tuple[int, int]:
    """The span of the citation's sentence, from the sentence ends of its text."""
    before = bisect_right(ends, citation.start)
    return (ends[before - 1] if before else 0), next((e for e in ends[before:] if e >= citation.end), 1 << 62)


def _most_named(citations: list[CitationFound]) -> str | None:
    votes = Counter(c.jurisdiction for c in citations if c.jurisdiction and c.jurisdiction != _NO_STATE)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def unstated_jurisdictions(text: str, found: list[CitationFound]) -> None:
    """Give the citations that name no state the state their sentence, or else the text, names."""
    in_text = _most_named(found)
    if all(c.jurisdiction is not None for c in found):
        return
    text_note = "the state the other citations of its text name"
    named_once: str | None = None
    if in_text is None and not any(c.jurisdiction for c in found):
        named = states_named(text)
        named_once = next(iter(named)) if len(named) == 1 else None
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for citation in found:
        if citation.jurisdiction is not None:
            continue
        start, end = _sentence(ends, citation)
        state = _most_named([c for c in found if start <= c.start < end])
        note = "the state the other citations of its sentence name"
        if state is None:
            state, note = in_text, text_note
        if state is None and named_once and citation.issuer:
            # a state body's act ("the Government's resolution No. 802") in a text that names one state
            # (not "Unlike the Kyrgyz Republic, Law No. 477-IV ...": no body, no state)
            state, note = named_once, "the one state its text names, its issuer a body of a state"
        if state:
            citation.jurisdiction = state
            citation.notes.append(f"jurisdiction: {note} ({state})")
            # typed as that state's scheme reads it: a Kyrgyz "постановление Кабинета Министров" is
            # Kyrgyzstan's government resolution, not Kazakhstan's cabinet resolution of the 1990s
            if citation.head and (typed := type_from_schemes(citation.head, citation.issuer, citation.number,
                                                             state)):
                citation.act_type = typed[0]


def own_jurisdiction(text: str, found: list[CitationFound], state: str | None) -> None:
    """Give the citations still without a state the document's own (``state``: the jurisdiction the
    document is read as, e.g. ingest's Kazakhstan) when the text names no other state: "Government
    Resolution No. 961" in a Kazakh ministry's memo that never says "Kazakhstan"."""
    if state is None or all(c.jurisdiction is not None for c in found):
        return
    if states_named(text) - {state} or any(c.jurisdiction not in (None, state, _NO_STATE) for c in found):
        return          # another state is in the text: which one an act is of stays the reader's
    for citation in found:
        if citation.jurisdiction is None and citation.act_type:
            citation.jurisdiction = state
            citation.notes.append(f"jurisdiction: the document's own ({state}); its text names no "
                                  "other state")
