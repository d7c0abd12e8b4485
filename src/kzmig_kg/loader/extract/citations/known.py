"""Codes and laws named by title alone, completed from the jurisdiction schemes' ``named_acts``:
"the Labour Code", "Трудового кодекса", "Еңбек кодексінің", "Закон «О миграции населения»" take
the act's number, date, type, issuer and state, and the addresses of the pages that confirm them.

A name with another state's name right after or before it ("Трудовой кодекс Российской Федерации",
"the Labour Code of the Kyrgyz Republic", "В России Трудовой кодекс") takes that state's act when its
scheme names one, never Kazakhstan's; a name in a text whose citations name other states and not
Kazakhstan is left alone; a citation that gives another year is of another act of that title (the
Labour Code of 2007). A code named in a form no other step reads (in Kazakh, the criminal procedure
code) is a citation by title here. Runs after the steps that number a title from the same text
(``again``). Entry: ``known_acts``."""

from __future__ import annotations

import re

from ..schemes import NamedAct, named_acts, state_names, states_named
from ..textutil import Spans
from .found import CitationFound
from .named import _NAMED_ACT

_HINT = re.compile(r"code|кодекс", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[\w'’-]+\W{0,3}$")
# a year right after the name: "the Labour Code of 2007", "Трудового кодекса 2007 года", "(1997)"
_YEAR_AFTER = re.compile(r"[\s,]*(?:of\s+|from\s+|от\s+|\()?(?P<year>(?:19|20)\d\d)(?!\d)"
                         r"(?!\s*(?:persons|people|чел))")


def _states_beside(text: str, start: int, end: int) -> set[str]:
    """The states named right after the name ("... Российской Федерации", "... of the Kyrgyz
    Republic") or in the word right before it ("Russia's", "РФ")."""
    after = text[end:end + 60]
    states = {state for pattern, state in state_names()
              if re.match(rf"[\s,]*(?:of\s+(?:the\s+)?)?(?:{pattern})", after, re.IGNORECASE)}
    if before := _WORD_BEFORE.search(text, max(0, start - 30), start):
        states |= states_named(before.group())
    return states


def _act_for(text: str, citation: CitationFound, names: str, in_text: set[str],
             found: list[CitationFound]) -> NamedAct | None:
    """The scheme's act this title-only citation names, if its state and year allow one and the text
    cites no other act of that title (the migration laws of 1997 and 2011)."""
    # the state named beside the name, else the one the citation was given
    beside = _states_beside(text, citation.start, citation.end) or (
        {citation.jurisdiction} if citation.jurisdiction else set())
    for act in named_acts():
        if act.act_type != (citation.act_type or act.act_type) or not act.names.search(names):
            continue
        if beside - {act.state}:
            continue            # "Трудовой кодекс Российской Федерации" is not Kazakhstan's
        if act.state not in beside and (act.state != "KAZ" or (in_text and "KAZ" not in in_text)):
            continue            # a neighbour's act only when named; Kazakhstan's unless cited as others'
        after = _YEAR_AFTER.match(text, citation.end)
        stated = citation.year or (int(after["year"]) if after else None)
        if stated not in (None, int(act.date[:4])):
            continue            # another act of that title (the Labour Code of 2007)
        if any(c.number and c.number != act.number and c.act_type == act.act_type and
               c.jurisdiction in (None, act.state) and
               act.names.search(f"{text[c.start:c.end]} {c.title or ''}") for c in found):
            continue
        return act
    return None


def _complete(citation: CitationFound, act: NamedAct) -> None:
    citation.number, citation.date, citation.year = act.number, act.date, int(act.date[:4])
    citation.act_type, citation.jurisdiction = act.act_type, act.state
    if not citation.issuer and act.issuer_name:
        citation.issuer = act.issuer_name
        if act.state == "KAZ" and act.issuer:
            citation.issuer_ids = [act.issuer]
    citation.evidence = list(act.evidence)
    citation.notes.append(f"number and date from the {act.state} scheme's named acts ({act.title}; "
                          f"confirmed by {act.evidence[0]})")


def _unread_codes(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Codes named in a form no other step reads ("Еңбек кодексінің", "Уголовно-процессуального
    кодекса"), as citations by title."""
    spans, new = Spans([(c.start, c.end) for c in found]), []
    codes = [a for a in named_acts() if a.act_type == "code"]
    for hint in _HINT.finditer(text):      # search only around the words every code's name has
        if spans.covers(hint.start()) or any(c.start <= hint.start() < c.end for c in new):
            continue
        for act in codes:
            match = next((m for m in act.names.finditer(text, max(0, hint.start() - 90), hint.end() + 60)
                          if m.start() <= hint.start() < m.end()), None)
            if match is None or spans.overlaps(match.start(), match.end()):
                continue
            # a name the named-acts step reads was kept or left out there ("the Labour Code [3]")
            if any(m.start() <= hint.start() < m.end()
                   for m in _NAMED_ACT.finditer(text, max(0, hint.start() - 40), hint.end() + 50)):
                break
            language = "kk" if re.search(r"[әғқңөұүһі]", match.group(), re.IGNORECASE) else \
                "ru" if re.search(r"[а-яё]", match.group(), re.IGNORECASE) else "en"
            new.append(CitationFound(match.start(), match.end(), "code", None, [], None, None, None, None,
                                     None, " ".join(match.group().split()), "title", language, 0.6,
                                     ["a code named by its name"], head=match.group()))
            break
    return new


def known_acts(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Complete the title-only citations of the acts the schemes name, and add the codes named in
    forms no other step reads; returns the added citations."""
    if not named_acts():
        return []
    added = _unread_codes(text, found)
    # the states the text's citations name: Kazakhstan's act unless they name others and not it
    in_text = {c.jurisdiction for c in found if c.jurisdiction and c.jurisdiction != "EAEU"}
    for citation in [*found, *added]:
        if citation.number or citation.form not in ("title", "issuer") or not (
                citation.title or citation.form == "title"):
            continue
        names = f"{text[citation.start:citation.end]} {citation.title or ''}"
        if act := _act_for(text, citation, names, in_text, found):
            _complete(citation, act)
        elif citation.jurisdiction is None and len(beside := _states_beside(text, citation.start,
                                                                             citation.end)) == 1:
            # "the Labour Code of the Kyrgyz Republic": that state's, whatever the text's other citations
            citation.jurisdiction = next(iter(beside))
            citation.notes.append("jurisdiction: the state named beside its title")
    # a code read here that no scheme's act is in this text (another state's, another year) stays out
    return [c for c in added if c.number]
