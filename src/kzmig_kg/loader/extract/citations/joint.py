"""A joint act's second issuer and number: a joint order is one act with a number (and often a date)
per minister who signed it ("совместным приказом Министра иностранных дел Республики Казахстан от 1
сентября 2020 года № 11-1-4/245 и Министра внутренних дел Республики Казахстан от 1 сентября 2020
года № 611", "Joint order of the Acting Minister of Foreign Affairs ... dated November 24, 2016 №
11-1-2/555 and the Minister of Internal Affairs ... dated November 28, 2016 № 1100"). The citation
spans both; its number is the first, the others are kept beside it with their issuers. Entry:
``second_signatory``."""

from __future__ import annotations

import re

from ..dates import DATE_PATTERN
from .found import _Parts
from .grammar import NUMBER, OWS, WS

_JOINT = re.compile(r"joint|interministerial|inter-ministerial|совместн|бірлескен", re.IGNORECASE)
# the second signatory: a minister, a chairman or a head of a body, with its own date and number
_SIGNATORY_RU = (r"(?:и\.\s?о\.\s+|исполняющ\w+\s+обязанности\s+)?(?:[Зз]аместител\w+\s+)?"
                 r"(?:Министр\w*|Председател\w*|Руководител\w*|Генеральн\w+\s+Прокурор\w*|Премьер)")
_SECOND_RU = re.compile(
    rf"{OWS},?{OWS}и{WS}(?P<issuer>{_SIGNATORY_RU}(?:(?!{WS}(?:от|№|N)\b)[\s\u00a0]+[^\s\u00a0№;()«»]+){{0,14}}?)"
    rf"(?:{WS}от{WS}(?P<date>{DATE_PATTERN}))?{OWS}(?:№|N){OWS}(?P<number>{NUMBER})"
    rf"(?:{WS}от{WS}(?P<date2>{DATE_PATTERN}))?")
_SIGNATORY_EN = r"(?:(?:Acting|Deputy\s+Prime)\s+)?(?:Minister|Chairman|Chairperson|Head|Prosecutor)"
_SECOND_EN = re.compile(
    rf"{OWS},?{OWS}and{WS}(?:of{WS})?the{WS}(?P<issuer>{_SIGNATORY_EN}\b(?:(?!{WS}(?:dated|of{WS}\d|No\b|№))"
    rf"[\s\u00a0]+[^\s\u00a0№;()]+){{0,16}}?)"
    rf"(?:{WS}(?:dated|of|from){WS}(?P<date>{DATE_PATTERN}))?{OWS}(?:No\.?|№){OWS}(?P<number>{NUMBER})"
    rf"(?:{WS}(?:dated|of|from){WS}(?P<date2>{DATE_PATTERN})|{OWS},?{OWS}both{WS}(?:of|dated){WS}"
    rf"(?P<date3>{DATE_PATTERN}))?")


def second_signatory(text: str, parts: _Parts) -> None:
    """Extend a joint act's parts over the signatories after the first: their issuers join the
    first's, their numbers are kept in ``joint_numbers``."""
    if not parts.number or not _JOINT.search(parts.head):
        return
    second = _SECOND_EN if parts.language == "en" else _SECOND_RU
    while match := second.match(text, parts.end):
        issuer = re.sub(r"\s+", " ", match["issuer"]).strip()
        joiner = " and the " if parts.language == "en" else " и "
        parts.issuer = f"{parts.issuer}{joiner}{issuer}" if parts.issuer else issuer
        parts.joint_numbers.append(match["number"])
        if parts.date_text is None:
            parts.date_text = match["date"] or match["date2"] or match.groupdict().get("date3")
        parts.notes.append(f"a joint act: also No. {match['number']} of the {issuer}")
        parts.end = match.end()
