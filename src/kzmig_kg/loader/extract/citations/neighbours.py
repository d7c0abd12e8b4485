"""Citations written in the neighbours' own languages, in the forms their official databases print:

- Kyrgyz (cbd.minjust.gov.kg, gov.kg): the issuer in the genitive, the date, the number, an optional
  quoted title, then the head: ``Кыргыз Республикасынын Өкмөтүнүн 2012-жылдын 18-декабрындагы № 839
  «...» токтому``, ``... Министрлер Кабинетинин 10.10.23-ж. № 541 токтому``, ``... Мыйзамы``;
- Uzbek, Cyrillic and Latin (lex.uz): the date with "йилдаги"/"yildagi", the number with "-сон"/"-son"
  and its mark (``ЎРҚ-418-сон Қонуни``, ``PQ-3666-son qarori``, ``1023-сон қарори``), the head last;
  or the database's own heading, head first: ``Ўзбекистон Республикаси Президентининг Қарори,
  12.12.2017 йилдаги ПҚ-3430-сон``;
- Tajik (mmk.tj, mmih.tj): the head first, the issuer, the date with "аз ... соли" and the number:
  ``Қонуни Ҷумҳурии Тоҷикистон аз 13 ноябри соли 2024, № 2107``, ``қарори Ҳукумати Ҷумҳурии
  Тоҷикистон аз 31 марти соли 2020, № 207``.

The forms are code; what the heads mean (Мыйзам is a law, токтом a resolution, Фармон a decree) is
data: each jurisdiction scheme's ``head_re`` (data/jurisdictions), read by ``finish_citation``.
Entry: ``neighbour_citations``."""

from __future__ import annotations

import re

from .finish import finish_citation
from .found import CitationFound, _Parts

# months by the first letters of their name in Kyrgyz, Uzbek (both scripts) and Tajik, which write
# the Russian names with their own endings ("18-декабрындагы", "13-apreldagi", "13 ноябри")
_MONTH_STEMS = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "июн": 6, "июл": 7, "авг": 8,
                "сен": 9, "окт": 10, "ноя": 11, "дек": 12, "yan": 1, "fev": 2, "mar": 3, "apr": 4, "may": 5,
                "iyun": 6, "iyul": 7, "avg": 8, "sen": 9, "okt": 10, "noy": 11, "dek": 12}
_WORD = r"[^\s\d№,.;:()«»“”\"]+"
_QUOTED = r"(?:«[^«»\n]{3,200}»|“[^”\n]{3,200}”|\"[^\"\n]{3,200}\")"
_MARKED = r"(?:[A-ZА-ЯЁЎҚҒҲ][A-ZА-ЯЁЎҚҒҲʻ'‘’]{1,3}-)?\d{1,5}"

_KG_DATE = (r"(?:(?P<kg_year>\d{4})-жылдын\s+(?P<kg_day>\d{1,2})-(?P<kg_month>[а-яөүң]+)"
            r"|(?P<kg_short>\d{1,2}\.\d{1,2}\.\d{2}(?:\d{2})?)-ж\.)")
_KG = re.compile(
    rf"(?P<issuer>Кыргыз\s+Республикасынын(?:\s+{_WORD}){{0,4}}?)\s+{_KG_DATE}\s+№\s*(?P<number>{_MARKED})"
    rf"(?:\s+(?P<title>{_QUOTED}))?\s+(?P<head>(?:[Кк]онституциялык\s+)?(?:[Мм]ыйзам|[Тт]октом|[Жж]арлы[гк]|"
    r"[Кк]одекс)\w*)", re.IGNORECASE)

_UZ_STATE = r"(?:Ўзбекистон|O[ʻ'‘’`]?zbekiston)\s+(?:Республикаси|Respublikasi)(?:нинг|ning)?"
_UZ_DATE = (r"(?:(?P<uz_short>\d{1,2}\.\d{1,2}\.\d{4})\s*(?:йил|yil)\w*"
            r"|(?P<uz_year>\d{4})\s*-\s*(?:йил|yil)\s+(?P<uz_day>\d{1,2})\s*-\s*(?P<uz_month>[^\s\d-]+?)"
            r"(?:даги|dagi))")
_UZ_HEAD = r"(?:[Ққ]онун|[Qq]onun|[Фф]армон|[Ff]armon|[Ққ]арор|[Qq]aror|[Кк]одекс|[Kk]odeks)\w*"
_UZ = re.compile(
    rf"(?:(?P<issuer>{_UZ_STATE}(?:\s+{_WORD}){{0,4}}?)\s*,?\s+)?{_UZ_DATE}\s+(?P<number>{_MARKED})-(?:сон|son)"
    rf"(?:\s+(?P<title>{_QUOTED}))?\s+(?P<head>{_UZ_HEAD})")
_UZ_HEADING = re.compile(
    rf"(?P<issuer>{_UZ_STATE}(?:\s+{_WORD}){{0,4}}?)\s+(?P<head>{_UZ_HEAD}),\s*{_UZ_DATE}\s+"
    rf"(?P<number>{_MARKED})-(?:сон|son)")

_TJ = re.compile(
    r"(?P<head>(?:[Ққ]онуни(?:\s+конститутсионии)?|[Фф]армони|[Ққ]арори|[Кк]одекси))\s+"
    r"(?P<issuer>(?:(?:Президенти|Ҳукумати|Маҷлиси\s+Олии)\s+)?Ҷумҳурии\s+Тоҷикистон)"
    rf"(?:\s+(?P<title>{_QUOTED}))?\s+аз\s+(?P<tj_day>\d{{1,2}})\s+(?P<tj_month>[^\s\d]+)\s+соли\s+"
    r"(?P<tj_year>\d{4})\s*,?\s*№\s*(?P<number>\d{1,5})")
_STATE_ONLY = re.compile(rf"Кыргыз\s+Республикасынын|{_UZ_STATE}|Ҷумҳурии\s+Тоҷикистон")
# a pattern is tried only in a text that has its mark: these words are rare elsewhere
_UZ_HINT = re.compile(r"-(?:сон|son)\b")
_FORMS = ((re.compile(r"жылдын|-ж\."), _KG, "ky", "KGZ"), (_UZ_HINT, _UZ, "uz", "UZB"),
          (_UZ_HINT, _UZ_HEADING, "uz", "UZB"), (re.compile(r"Ҷумҳурии"), _TJ, "tg", "TJK"))


def _month(name: str) -> int | None:
    low = name.lower()
    return _MONTH_STEMS.get(low[:4]) or _MONTH_STEMS.get(low[:3])


def _iso(match: re.Match[str]) -> str | None:
    """The act's date as YYYY-MM-DD, from whichever date form the pattern read."""
    groups = match.groupdict()
    short = groups.get("kg_short") or groups.get("uz_short")
    if short:
        day, month, year = (int(p) for p in short.split("."))
        year += 2000 if year < 100 else 0           # "10.10.23-ж.": the two digits of this century
    else:
        prefix = next(p for p in ("kg", "uz", "tj") if groups.get(f"{p}_year"))
        month = _month(match[f"{prefix}_month"]) or 0
        day, year = int(match[f"{prefix}_day"]), int(match[f"{prefix}_year"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def neighbour_citations(text: str) -> list[CitationFound]:
    """Citations of Kyrgyz, Uzbek and Tajik acts written in those languages, in text order."""
    found: list[CitationFound] = []
    for hint, pattern, language, state in _FORMS:
        if not hint.search(text):
            continue
        for match in pattern.finditer(text):
            if any(c.start < match.end() and match.start() < c.end for c in found):
                continue
            date = _iso(match)
            issuer = match["issuer"]
            if issuer and _STATE_ONLY.fullmatch(issuer):
                issuer = None           # "Кыргыз Республикасынын ... Мыйзамы": the state, no body
            parts = _Parts(match["head"], match.start(), match.end(), language, issuer,
                           match.groupdict().get("title"), date, match["number"], jurisdiction=state)
            citation = finish_citation(text, parts, "number")
            citation.jurisdiction = state
            found.append(citation)
    return sorted(found, key=lambda c: c.start)
