"""Reference styles around a citation: the author (and year) that open a reference list's entry
(APA, Chicago, Harvard: ``Government of the Republic of Kazakhstan. (2022). Resolution ...``), the
state in a Bluebook bracket (``(Kaz.)``), and footnotes: the note lines by their mark, and an act
named without its number whose note mark points to its full citation (``the administrative
code.³``). Entry: ``cited_in_notes``."""

from __future__ import annotations

import re

from .found import CitationFound

# the author and year that open an entry of a reference list, up to the act cited
_AUTHOR_DATE = re.compile(r"[ \t]*(?:\[?\d{1,3}[.\])]?[ \t]+|[-•*][ \t]+)?"
                          r"(?P<author>[^\n.()]{3,150}?)\.?[ \t]*"
                          r"\(?(?:19|20)\d\d[a-z]?\)?\.[ \t]*")
# a reference entry's author, a state or its body, ending in a full stop, its year after it or not:
# "Republic of Kazakhstan. Law No. 477-IV ...", "Ministry of Internal Affairs of Kazakhstan. Order ..."
_AUTHOR_LEAD = re.compile(r"[ \t]*(?:\[?\d{1,3}[.\])]?[ \t]+|[-•*][ \t]+)?(?P<author>[A-Z][^\n.()]{2,120}?)"
                          r"(?:\.|[ \t]*\((?P<year>(?:19|20)\d\d)[a-z]?\)\.?)[ \t]*")
# the state of a citation in legal English's bracket after it (Bluebook: "(Kaz.)", "(Kyrg.)")
_BLUEBOOK_STATES = {"Kaz": "KAZ", "Kazakh": "KAZ", "Kyrg": "KGZ", "Russ": "RUS", "Uzb": "UZB", "Taj": "TJK",
                    "Turkm": "TKM", "Belr": "BLR"}
_BLUEBOOK_STATE = re.compile(r"(?:[^;\n()]|\n(?![ \t]*\n)|\([^()\n]{1,40}\)){0,80}?"
                             rf"\((?P<state>{'|'.join(_BLUEBOOK_STATES)})\.\)")


_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _footnotes(text: str) -> dict[str, tuple[int, str]]:
    """Footnote or endnote lines ("[1] ...", "1. ...", "¹ ...") by their mark: offset and text."""
    notes: dict[str, tuple[int, str]] = {}
    # "4. ↑ ИПС «Әділет», Z1100000477.": a wiki's note, its number then the arrow back to the text
    for match in re.finditer(r"(?m)^[ \t]*(?:\[(?P<n>\d{1,3})\]|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|"
                             r"(?P<w>\d{1,3})\.?[ \t]*[↑^])[ \t]*(?P<body>.+)$", text):
        mark = match.group("n") or match.group("w") or match.group("s").translate(_SUPERSCRIPT)
        notes.setdefault(mark, (match.start("body"), match.group("body")))
    return notes


# the mark right after the name; a reference number in brackets may stand after a space ("follows the
# Labour Code [3]", a numbered reference list), a superscript or caret mark may not
_MARK_RIGHT_AFTER = re.compile(r"[.,;:]?(?:[ \t\u00a0]?\[(?P<n>\d{1,3})\]|\^(?P<c>\d{1,3})|"
                               r"(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))")


def cited_in_notes(text: str, found: list[CitationFound]) -> list[CitationFound]:
    """An act named without its number in the text, its note mark right after it ("punished under
    the administrative code.³", "follows the Labour Code [3]"), is cited by the note or reference
    entry the mark points to ("³ Code ... No. 235-V", "[3] Labour Code ... No. 414-V"): one
    citation, the note's, not a second one by name."""
    named = [c for c in found if c.form == "title" and c.number is None]
    if not named:
        return found
    notes: dict[str, tuple[int, str]] | None = None
    dropped = []
    for citation in named:
        if not (mark := _MARK_RIGHT_AFTER.match(text, citation.end)):
            continue
        notes = _footnotes(text) if notes is None else notes
        key = mark.group("n") or mark.group("c") or mark.group("s").translate(_SUPERSCRIPT)
        if key not in notes:
            continue
        start, body = notes[key]
        if any(c.number and start <= c.start < start + len(body) for c in found):
            dropped.append(citation)
    return [c for c in found if c not in dropped]
