"""Codes and the constitution named without a number (``the Labour Code``, ``Трудовой кодекс``,
``the Constitution of the Republic of Kazakhstan of 30 August 1995``), and laws described with
their year (``the law regulating ..., adopted in 2018``). Entry: ``named_acts``."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN, YEAR
from ..textutil import Spans
from .finish import finish_citation
from .found import CitationFound, _clean_title, _Parts
from .grammar import OWS, WS

_NAMED_ACT = re.compile(
    r"(?<![\w-])(?:(?P<code>(?:[Ll]abou?r|[Tt]ax|[Cc]riminal|[Cc]ivil|[Aa]dministrative|[Ll]and|[Ee]ntrepreneurial|"
    r"[Ss]ocial|[Bb]udget|[Cc]ustoms|[Pp]enal|[Ww]ater|[Ff]orest|[Ee]nvironmental|[Ee]cological)\s+[Cc]ode)"
    r"|(?P<codru>(?:[Тт]рудов|[Нн]алогов|[Уу]головн|[Гг]ражданск|[Пп]редпринимательск|[Зз]емельн|"
    r"[Сс]оциальн|[Бб]юджетн|[Тт]аможенн)\w+\s+[Кк]одекс\w*"
    # a code titled after its head: "Кодекс(ом) (РК) об административных правонарушениях"
    r"|[Кк]одекс\w*(?:\s+(?:Республики\s+Казахстан|РК))?\s+об?\s+административных\s+правонарушениях)"
    r"|(?P<codeof>Code\s+(?:of|on)\s+Administrative\s+(?:Offen[cs]es|Violations))"
    r"|(?P<const>(?<=the\s)Constitution|Constitution(?=\s+of\s+the\s+Republic)|[Кк]онституци[яиейю]"
    r"(?=\s+Республики)))(?![\w-])(?!\s+(?:No\b|№|of\s+conduct))")


_DESCRIBED_LAW = re.compile(
    rf"(?<![\w-])[Tt]he\s+(?P<head>law)\s+(?P<rest>(?:regulating|governing|on|protecting|establishing)\s+"
    rf"[a-z][^,.;()\d]{{5,90}}?),?\s+(?:adopted|enacted|passed)\s+in\s+(?P<date>{YEAR})(?!\d)")


# the date after a named act: "Constitution of the Republic of Kazakhstan of 30 August 1995"
_NAMED_DATE = re.compile(
    rf"(?:{WS}of{WS}the{WS}Republic{WS}of{WS}Kazakhstan|{WS}Республики{WS}Казахстан)?"
    # "(принята на республиканском референдуме 30 августа 1995 года)", "adopted by referendum on ..."
    rf"{OWS},?{OWS}\(?{OWS}(?:of|dated|adopted(?:{WS}by{WS}(?:a{WS})?(?:national{WS}|republican{WS})?referendum)?"
    rf"{WS}on|от|принят\w*(?:{WS}на{WS}(?:республиканском{WS})?референдуме)?)?{WS}"
    rf"(?P<date>{DATE_PATTERN})")
_NAMED_HINT = re.compile(r"[Cc]ode\b|[Кк]одекс|Constitution|[Кк]онституци")
# Kazakhstan named right after the name ("Трудовой кодекс Республики Узбекистан" is not Kazakhstan's)
_KAZAKHSTAN_AFTER = re.compile(r"Республики\s+Казахстан|(?:of\s+the\s+)?Republic\s+of\s+Kazakhstan|РК\b|"
                               r"Казахстан")


def named_acts(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """Codes and the constitution named without a number ("the labour code", "the Constitution"),
    and laws described with their year ("the law regulating ..., adopted in 2018")."""
    named = []
    for match in _DESCRIBED_LAW.finditer(text):
        if any(c.start <= match.start() < c.end or match.start() <= c.start < match.end() for c in found):
            continue
        parts = _Parts("Law", match.start(), match.end(), "en", title=_clean_title(match.group("rest")),
                       date_text=match.group("date"))
        citation = finish_citation(text, parts, "title")
        citation.notes.append("described, not named: the title is the description")
        named.append(citation)
    spans = Spans([(c.start, c.end) for c in found + named])
    seen: set[int] = set()
    for hint in _NAMED_HINT.finditer(text):       # search only around the words that can end a name
        window = _NAMED_ACT.finditer(text, max(0, hint.start() - 30), min(len(text), hint.end() + 40))
        match = next((m for m in window if m.start() <= hint.start() < m.end()), None)
        if match is None or match.start() in seen or spans.overlaps(match.start(), match.end()):
            continue
        seen.add(match.start())
        bracket = re.match(r"\s*\(\s*", text[match.end():match.end() + 6])
        if bracket and spans.covers(match.end() + bracket.end()):
            continue        # "the Criminal Code (Code of the Republic ... No. 226-V)": cited in the brackets
        # "as the Labour Code requires (Code No. 414-V ...)": a bracket later in its clause cites it
        later = re.match(r"[^.;:()\n]{1,40}?\(\s*", text[match.end():match.end() + 46])
        if later and any(c.start == match.end() + later.end() and c.act_type == "code" and
                         (match.group("code") or match.group("codru")) for c in found):
            continue
        if match.group("const"):
            head, title = "Constitution", "Constitution"
        elif match.group("code"):
            head = "Code"
            title = " ".join(w.capitalize() for w in match.group().split())
        elif match.group("codeof"):
            head, title = "Code", " ".join(match.group().split())
        else:               # "Кодексу об ...": the title in the nominative
            head = "Кодекс"
            title = re.sub(r"^[Кк]одекс\w*", "Кодекс", match.group()[0].upper() + match.group()[1:])
        parts = _Parts(head, match.start(), match.end(), "ru" if match.group("codru") else "en",
                       title=title, jurisdiction="KAZ" if _KAZAKHSTAN_AFTER.match(
                           text[match.end():match.end() + 30].lstrip(" ,")) or re.search(
                           r"Республики\s+Казахстан|РК\b", match.group()) else None)
        if dated := _NAMED_DATE.match(text, match.end()):
            parts.date_text, parts.end = dated.group("date"), dated.end()   # "... of 30 August 1995"
        citation = finish_citation(text, parts, "title")
        citation.act_type = "constitution" if match.group("const") else "code"
        citation.confidence = 0.6
        named.append(citation)
    return named
