"""Citations in legal English: the act-type heads (``Law``, ``Joint Decree``, ``Gov. Res.``) with an
optional jurisdiction, then the parts read after the head in the orders documents use: issuer,
force of law, title (quoted or ``on ...``), date, number (``No.``, ``Nos. ... and ...``, a bare
convocation number, a bracketed number), pinpoint and year. Entry: ``parse_english``."""

from __future__ import annotations

import re

from ..acttypes import ISSUERS, jurisdictions
from ..dates import DATE_PATTERN, YEAR
from .found import _close, _Parts
from .grammar import _CONVOCATION_NUMBER, _TITLE_QUOTED, NUMBER, OWS, WS
from .issuers import _ISSUER_AFTER

_MODIFIER = (r"(?:Constitutional|Joint|Interministerial|Inter-ministerial|Government(?:al)?|"
             r"Presidential|Ministerial|Federal|Criminal|Labou?r|Tax|Civil|Administrative|"
             r"Entrepreneurial|Budget|Land|Customs|Environmental|Ecological|Water|Forest|Draft|"
             r"Social|Health|Family|Penal|Procedural|Criminal[- ]Procedure|Civil[- ]Procedure|"
             r"Cabinet(?:\s+of\s+Ministers)?|Supreme\s+Council|Normative)")
_CORE = r"(?:Laws?|Codes?|Decrees?|Resolutions?|Decisions?|Orders?|Instructions?|Edicts?|Ordinances?|Bill)"
_JURIS_EN = r"(?P<juris>RK|RoK|Kazakh(?:stan(?:'s|i)?)?|Russian|Kyrgyz|Uzbek|Tajik)"
# the state a head's adjective names ("Kyrgyz Law No. 61", "Tajik Government Resolution No. 207")
_JURIS_STATES = {"Russian": "RUS", "Kyrgyz": "KGZ", "Uzbek": "UZB", "Tajik": "TJK"}
# an issuer and an act type abbreviated ("Gov. Res. No. 961", "Govt. Decree", "Gov't Resolution",
# "Pres. Decree"),
# read as written out (``_written_out``)
_ABBREVIATED_HEAD = (r"(?:Gov(?:['’]?t|ernment)?\.?[ \u00a0]?(?:Res(?:ol)?\.|Resolution|Dec(?:r)?\.|Decree)|"
                     r"Pres(?:idential)?\.?[ \u00a0]?(?:Dec(?:r)?\.|Decree))"
                     r"(?=[\s\u00a0]*(?:No\b|Nr\b|№|N\s*\d))")
_ABBREVIATIONS = ((re.compile(r"^Gov[\w'’]*\.?"), "Government"), (re.compile(r"^Pres\w*\.?"), "Presidential"),
                  (re.compile(r"\bRes(?:ol)?\.$"), "Resolution"), (re.compile(r"\bDecr?\.$"), "Decree"))


def _written_out(head: str) -> str:
    """"Gov. Res." -> "Government Resolution": a head as ``classify`` reads it."""
    if not re.match(r"(?:Gov|Pres)(?:\w*\.|['’]t\b)", head) and \
            not re.search(r"\b(?:Res|Resol|Dec|Decr)\.$", head):
        return head
    words = re.split(r"[ \u00a0]+|(?<=\.)(?=\w)", head.strip())
    out = []
    for word in words:
        for pattern, full in _ABBREVIATIONS:
            if pattern.search(word):
                word = full
                break
        out.append(word)
    return " ".join(out)


_HEAD_EN = re.compile(
    rf"(?<![\w-])(?:{_JURIS_EN}{WS})?(?P<head>(?:(?:{_MODIFIER}){WS}){{0,2}}"
    rf"(?:{_CORE}|(?:law|code|decree|resolution|order)(?=\s+(?:No\b|Nr\b|№|\"|“|«|\d)))"
    # "Joint order of the Minister ...": an issuing modifier before a head in small letters
    rf"|(?:Joint|Government|Ministerial|Presidential|Interministerial){WS}(?:order|decree|resolution)"
    # "the joint order of the Minister of Foreign Affairs No. ... and the Minister of ...": in prose
    rf"|joint{WS}(?:order|decree)(?={WS}of{WS}the{WS}(?:(?:Acting|Deputy{WS}Prime){WS})?Minist)"
    rf"|{_ABBREVIATED_HEAD})(?![\w-])")
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
# a capitalised word of a name, or a local body's lower-case word ("the Almaty city akimat", "the
# Zhualynsky district maslikhat"); never a month, which starts a date ("of June 6, 2014")
_CAP = (rf"(?:(?!No\b|Nr\b|Nos\b|On\b|Article\b|Art\b|Dated\b|{_MONTHS})[A-Z][\w'’.\-]*|"
        r"(?:city|district|regional|region|oblast|town|maslikh?at|akimat|akim)\b)")
_CONNECTOR = r"(?:of|and|for|the|on|in|at|de|&|[-–—])"
_ISSUER_EN = re.compile(
    rf"{WS}of{WS}(?:the{WS})?(?P<issuer>{_CAP}(?:,?{WS}(?:{_CONNECTOR}{WS}){{0,3}}{_CAP}){{0,16}})")
_FORCE = re.compile(rf"{OWS},?{OWS}having{WS}the{WS}force{WS}of{WS}(?:a{WS})?law", re.IGNORECASE)
_TITLE_WORD = r"(?!No\b|Nos\b|Nr\b)[A-Z][\w'’\-]*"        # "... Migration No. 477-IV": the number ends it
_TITLE_ON = re.compile(
    rf"{WS}(?P<title>[Oo]n{WS}(?:the{WS})?{_TITLE_WORD}(?:{WS}(?:(?:of|the|and|for|in|to|on){WS})"
    rf"{{0,2}}{_TITLE_WORD}){{0,8}})")
_DATE_CLAUSE = re.compile(rf"{OWS},?{OWS}(?:dated|dd\.|of|from|on|adopted{WS}on|от){WS}"
                          rf"(?P<date>{DATE_PATTERN})")
_DATE_BRACKET = re.compile(rf"{OWS}\({OWS}(?P<date>{DATE_PATTERN}){OWS}\)")
_NUMBER = re.compile(
    rf"{OWS},?{OWS}(?:Nos\.?|№№){OWS}(?P<number>{NUMBER})"
    rf"(?P<more>(?:{OWS}(?:,|and|&|и){OWS}{NUMBER}(?![\d,.]\d))+)"
    rf"|{OWS},?{OWS}(?:No\.?|Nr\.?|N°|№|#|N(?=\s*\d)){OWS}(?P<number1>{NUMBER})(?:\.(?=,))?")
_BARE_NUMBER = re.compile(rf"{WS}(?P<number>{_CONVOCATION_NUMBER})")
# a plain serial without "No." after a head that names a state's issuer or the state, when the act's
# date or a clause's end follows ("Government Resolution 148 of January 21, 2012", "under Government
# Resolution 148, foreigners ..."; at a clause's end never a year: "Government Decree 2023, ..."); a
# bare "Resolution 2758 of ..." (the UN's) is no such head
_BARE_SERIAL = re.compile(rf"{WS}(?:(?P<number>\d{{1,5}})(?={OWS},?{OWS}(?:of|dated){WS}{DATE_PATTERN})|"
                          r"(?P<number1>(?!(?:19|20)\d\d(?!\d))\d{1,5})(?=[ \t]*[,;:)](?!\d)|\.(?:\s|$)))")
_ISSUING_HEAD = re.compile(r"(?:Government|Presidential|Cabinet|Ministerial|Joint)\b")
_YEAR_AFTER = re.compile(
    rf"(?:{OWS},{OWS}(?:dated{WS}|of{WS})?(?P<date>{DATE_PATTERN})"
    rf"|{OWS}\({OWS}(?P<date3>{DATE_PATTERN}){OWS}\)"
    rf"|{OWS},{OWS}\(?(?P<year>{YEAR})\)?(?![\d,.]\d)"
    rf"|{OWS}\({OWS}(?P<year2>{YEAR}){OWS}\)"
    rf"|{WS}(?:dated|dd\.|of|from|от|on){WS}(?P<date2>{DATE_PATTERN})"
    rf"|{WS}(?:of|from|in){WS}(?P<year3>{YEAR})(?![\d,.]\d)"
    # Chicago: 'Law No. 477-IV “On Population Migration.” July 22, 2011.'
    rf"|(?<=[.”\"»])[ \t]+(?P<date4>{DATE_PATTERN}))")
# a pinpoint to a part of the act between its number and its date: ", art. 517", ", arts. 1-3",
# ", § 5", ", para. 2", ", ст. 517", ", п. 3"
_PINPOINT = re.compile(rf"{OWS},{OWS}(?i:arts?\.|articles?|§§?|paras?\.|pt\.|ст\.|статья|п\.|пп\.)"
                       rf"{OWS}\d{{1,4}}(?:[-–]\d{{1,4}}|\.\d{{1,3}})?(?![\d,.]\d)")
# "Code on Administrative Offences (No. 235-V of 5 July 2014)": title, then number and date in brackets
_PAREN_NUMBER = re.compile(
    rf"{OWS}\({OWS}(?:No\.?|Nr\.?|№|N(?=\s*\d)){OWS}(?P<number>{NUMBER})"
    rf"(?:{OWS}[,;]?{OWS}(?:(?:of|dated|from){WS})?(?P<date>{DATE_PATTERN}|{YEAR}))?"
    # the bracket closes, or goes on with the act's identifier ("...; Adilet: Z1100000477)")
    rf"(?:{OWS}\)|(?={OWS}[;,]{OWS}(?:Adilet|Әділет|ИПС|ID)\b))")
_YEAR_PAREN = re.compile(rf"{OWS}(?:,{OWS})?\({OWS}(?P<year>{YEAR}){OWS}\)|{OWS},{OWS}(?P<year2>{YEAR})"
                         rf"(?={OWS}[);])")


def _extra_numbers(text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
    """The further numbers of "Nos. 148 and 838" with their spans."""
    if not match.groupdict().get("more"):
        return []
    offset = match.start("more")
    return [(m.group(), offset + m.start(), offset + m.end())
            for m in re.finditer(NUMBER, match.group("more"))]


def parse_english(text: str, match: re.Match[str]) -> _Parts | None:
    parts = _Parts(_written_out(match.group("head")), match.start(), match.end(), "en")
    if match.group("juris"):
        parts.jurisdiction = _JURIS_STATES.get(match.group("juris"), "KAZ")
    pos = match.end()
    m = _ISSUER_EN.match(text, pos)
    if m:
        parts.issuer, pos = m.group("issuer").rstrip(","), m.end()
        # "Law of the Republic of Kazakhstan on Population Migration": the title is not the issuer
        split = re.search(r"\s+on\s+(?=[A-Z])", parts.issuer)
        if split and re.search(r"law|code", parts.head, re.IGNORECASE):
            parts.title = parts.issuer[split.end():]
            parts.issuer = parts.issuer[:split.start()]
        # "Code of Administrative Offences of the Republic of Kazakhstan": a code's words that name no
        # body are its title
        if parts.title is None and re.match(r"(?:\w+\s+)?Codes?$", parts.head) and \
                not any(re.search(p, parts.issuer.lower()) for p, _, _ in ISSUERS):
            state = re.search(r"(?:^|\s+of\s+(?:the\s+)?)(?=Republic|Russian|Kyrgyz)", parts.issuer)
            if state is None or state.start() > 0:
                parts.title, parts.issuer = ((parts.issuer[:state.start()], parts.issuer[state.end():])
                                             if state else (parts.issuer, None))
    m = _FORCE.match(text, pos)
    if m:
        parts.force, pos = True, m.end()
    if parts.title is None and (m := _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = m.group("title"), m.end()
        if parts.issuer is None and (m := _ISSUER_EN.match(text, pos)):
            parts.issuer, pos = m.group("issuer").rstrip(","), m.end()   # 'Law "On ..." of the Republic ...'
    if m := _DATE_CLAUSE.match(text, pos):
        parts.date_text, pos = m.group("date"), m.end()
    if parts.title is None and not parts.issuer and (t := _TITLE_ON.match(text, pos)) and \
            (n := _PAREN_NUMBER.match(text, t.end())):
        parts.title, parts.number, parts.date_text = t.group("title"), n.group("number"), n.group("date")
        parts.end = n.end()
        return parts
    if parts.title is None and not parts.issuer and (t := _TITLE_ON.match(text, pos)) and \
            _NUMBER.match(text, t.end()):
        parts.title, pos = t.group("title"), t.end()   # "the Law on Population Migration No. 477-IV of ..."
    # "Code of the Republic of Kazakhstan on Administrative Offences (No. 235-V ZRK, 5 July 2014)",
    # "Code of Administrative Offences (No. 235-V ZRK, 2014-07-05)", "Criminal Code (No. 226-V ...)":
    # a bracket that opens with the number after the head, its issuer or its title
    if parts.date_text is None and (n := _PAREN_NUMBER.match(text, pos)):
        parts.number, parts.date_text, parts.end = n.group("number"), n.group("date"), n.end()
        return parts
    m = _NUMBER.match(text, pos)
    bare = None if m else _BARE_NUMBER.match(text, pos)
    if not (m or bare) and (match.group("juris") or _ISSUING_HEAD.match(parts.head)):
        bare = _BARE_SERIAL.match(text, pos)
    if m or bare:
        number_match = m or bare
        parts.number = number_match.group("number") or number_match.group("number1")
        pos = number_match.end()
        if m:
            parts.extra_numbers = _extra_numbers(text, m)
        if parts.title is None and (t := _TITLE_QUOTED.match(text, pos) or _TITLE_ON.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        if parts.date_text is None and parts.issuer is None and (named := _ISSUER_EN.match(text, pos)) and \
                (d := _DATE_CLAUSE.match(text, named.end()) or _DATE_BRACKET.match(text, named.end())):
            # "Law No. 477-IV of the Republic of Kazakhstan dated 22 July 2011", "Resolution No. 1427 of
            # the Government of the Republic of Kazakhstan dated 1 December 2011", "Decree No. 148 of the
            # Government of Kazakhstan (21 January 2012)": issuer after the number
            parts.issuer, parts.date_text, pos = named["issuer"].rstrip(","), d["date"], d.end()
        pinpoint = _PINPOINT.match(text, pos)
        if parts.date_text is None and pinpoint and (y := _YEAR_AFTER.match(text, pinpoint.end())):
            pos = pinpoint.end()         # "No. 235-V, art. 517 (July 5, 2014)": the article cited
        if parts.date_text is None and (y := _YEAR_AFTER.match(text, pos)):
            parts.date_text = next(y.group(g) for g in ("date", "date2", "date3", "date4", "year", "year2",
                                                        "year3") if y.group(g))
            pos = _close(text, parts, y.end())
        if parts.title is None and (t := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        if parts.date_text is None and not parts.issuer and (named := _ISSUER_AFTER.match(text, pos)) and \
                (d := _DATE_CLAUSE.match(text, named.end())):
            # "the order No. 83 of the Minister of Internal Affairs dated 27 January 2016"
            parts.issuer, parts.date_text, pos = named["issuer"], d["date"], d.end()
        if m := _FORCE.match(text, pos):
            parts.force, pos = True, m.end()   # "Presidential Decree of ... No. 2337 having the force of law"
    elif parts.issuer:
        m = _YEAR_PAREN.match(text, pos)
        if m and parts.date_text is None:
            parts.date_text = m.group("year") or m.group("year2")
            pos = _close(text, parts, m.end() if m.group("year") else m.start("year2") + 4)
        elif parts.title is None and (t := _TITLE_QUOTED.match(text, pos)):
            parts.title, pos = t.group("title"), t.end()
        if parts.date_text is None and (d := _DATE_CLAUSE.match(text, pos)):
            parts.date_text, pos = d.group("date"), d.end()
        if not (parts.date_text or parts.title):
            return None
        low = parts.issuer.lower()
        if not any(re.search(p, low) for p, _, _ in ISSUERS) and \
                not any(re.search(p, low) for p, _ in jurisdictions()):
            return None               # "the Order of Parasat (2019)": no body of a state, no act (an award)
    elif parts.date_text and parts.title is None and (t := _TITLE_ON.match(text, pos) or
                                                      _TITLE_QUOTED.match(text, pos)):
        parts.title, pos = t.group("title"), t.end()   # "the Law of 22 July 2011 on Population Migration"
    else:
        return None
    parts.end = pos
    return parts
