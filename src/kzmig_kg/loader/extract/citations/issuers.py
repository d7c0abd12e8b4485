"""Who issued a cited act, and whether it is an act of a state at all: a company's, a court's or a
company body's order or decision is none (``приказ ТОО ...``, ``решение суда по делу ...``); the
issuer a head names itself (``Government Resolution``); the issuer named after the number (``...
of the Government``); the subject of the sentence that cites the act (``The Government ... by
Resolution No. 802``). Entry: ``no_act_of_state``."""

from __future__ import annotations

import re

from ..acttypes import ISSUERS, jurisdictions
from .found import _Parts
from .grammar import OWS, WS

# a company's legal form, a court case, a body of a company: their orders and decisions are no legal
# acts ("приказ ТOO «...» № 15-п", "решение суда по делу № 2-1234/2024", "Order No. 15 of ... LLP")
_PRIVATE = re.compile(r"(?<![\w])(?:ТОО|АО|ООО|ЗАО|ПАО|ОАО|ИП|LLP|JSC|LLC|Ltd|Inc|plc|GmbH)(?![\w])|"
                      r"[Кк]омпани|[Cc]ompany|по\s+делу|дел[уо]\s+№|\bcase\b|собрани\w+\s+участник|"
                      r"совет\w*\s+директоров|board\s+of\s+directors")
_PRIVATE_BEFORE = re.compile(r"(?<![\w])(?:[Ii]nternal|[Oo]ur|[Cc]ompany[’']?s?|[Cc]orporate|[Вв]нутренн\w+|"
                             r"[Pp]urchase|[Ss]ales?|[Ww]ork|[Cc]ustomer|[Cc]lient[’']?s?|"
                             r"[Нн]аш\w*)[\s\u00a0]+$")
_PRIVATE_AFTER = re.compile(r"[\s,]{0,3}(?:of|by)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){1,5}"
                            r"(?:LLP|JSC|LLC|Ltd|Inc|plc|GmbH|[Cc]ompany)\b")


def no_act_of_state(text: str, parts: _Parts) -> bool:
    """Whether the citation's issuer is a company, a court deciding a case or a company's body, or
    a "решение" names no state body: an order or decision, but no legal act."""
    issuer = parts.issuer or ""
    if _PRIVATE.search(issuer) or _PRIVATE_AFTER.match(text, parts.end) or \
            _PRIVATE_BEFORE.search(text, max(0, parts.start - 40), parts.start):
        return True
    if not issuer and re.match(r"[Пп]остановлени|[Рр]ешени", parts.head) and \
            re.match(r"[^.;\n]{0,80}?(?<![\w])(?:суд\w*|судь\w*)", text[parts.end:]):
        return True                   # "Постановление № 5 ... вынесено судьей": a court's ruling
    if re.match(r"[Рр]ешени|(?:\w+\s+)?Decision", parts.head):
        low = issuer.lower()
        return not any(re.search(pattern, low) for pattern, _, _ in ISSUERS) and \
            not any(re.search(pattern, low) for pattern, _ in jurisdictions())
    return False


_SUBJECT_ISSUER = re.compile(r"\b(?:the\s+)?(?:Government|Cabinet\s+of\s+Ministers|President|Ministry\s+of\s+"
                             r"[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)*|Minister\s+of\s+[A-Z]\w+(?:\s+(?:and\s+)?"
                             r"[A-Z]\w+)*)\b|(?<![а-яё])(?:Правительств\w+|Кабинет\w*\s+Министров|Президент\w*|"
                             r"Министерств\w+\s+"
                             r"[а-яё]+\w*(?:\s+[а-яё]+)*?)(?![а-яё])")


# (a state's adjective may come first, and "government" in small letters: "of the Kazakh government")
_ISSUER_AFTER = re.compile(rf"{OWS}(?:of|by){WS}(?P<issuer>the{WS}"
                           rf"(?:(?:Kazakh(?:stani)?|Russian|Kyrgyz|Uzbek|Tajik){WS})?"
                           rf"(?:[Gg]overnment|Cabinet{WS}of{WS}Ministers|"
                           r"President|(?:(?:Acting|Deputy\s+Prime)\s+)?Minist(?:er|ry)\b"
                           r"(?:(?!\s+(?:dated|of\s+\d|on\s+\d|from\s+\d|No\b))[^.;()\n]){0,110})\b)")


def _issuer_from_head(head: str) -> tuple[str | None, list[str]]:
    """The issuer a head names itself ("Government Resolution", "Presidential Decree")."""
    for pattern, name, org in ((r"Government", "Government", "government"),
                               (r"Presidential", "President", "president"),
                               (r"Cabinet", "Cabinet of Ministers", "cabinet-of-ministers"),
                               (r"Supreme\s+Council", "Supreme Council", "supreme-council"),
                               (r"ПП$", "Government", "government"),
                               (r"ПКМ$", "Cabinet of Ministers", "cabinet-of-ministers")):
        if re.match(pattern, head):
            return name, [org]
    return None, []
