"""Stated claims drafted from a new document: ``draft_claims(text, items, doc_id, observations,
countries)``.

A figure the loader read with a stated change (``rose by 12.5% compared to 2021``, ``на 20%
меньше, чем годом ранее``) becomes a draft ``stated-claim`` record of type ``percent-change``
(kinds/statistics.py), keyed like the observations it compares: reference area (another country's
office's own count keeps that country, as its figures do), direction, partner country, the figure's
period and the base period. The base period is the year the sentence compares with
(``compared to 2021``, ``than in 2021``, ``чем в 2021 году``); else the same period a year before,
and the draft's note says so. The claim is set against the stored observations: when the graph
holds both figures, the change they give is computed, and a difference of more than half a
percentage point is a conflict for the curator.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .model import Item
from .reconcile import Observation

_DIRECTION = {"immigration": "IMM", "emigration": "EMI", "net": "NET"}
_COMPARED_YEAR = re.compile(
    r"(?:compared\s+(?:to|with)|than(?:\s+in)?|against|relative\s+to|from|since|versus|vs\.?|"
    r"чем(?:\s+в)?|по\s+сравнению\s+с|против|относительно)\s+(?:the\s+)?(?:year\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year|last\s+year|"
                          r"годом\s+ранее|год\s+назад|прошлого\s+года|прошлом\s+году|предыдущего\s+года",
                          re.IGNORECASE)
_TOLERANCE = Decimal("0.5")       # percentage points: the stated change is rounded
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "9M": (1, 9)}


def record_period(period: str) -> str | None:
    """A figure's period as an observation record writes it: 2022-Q1 -> 2022-01--2022-03."""
    if re.fullmatch(r"\d{4}", period):
        return period
    if m := re.fullmatch(r"(\d{4})/(\d{4})", period):
        return f"{m[1]}-{m[2]}"
    if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|9M)", period):
        first, last = _PART_MONTHS[m[2]]
        return f"{m[1]}-{first:02d}--{m[1]}-{last:02d}"
    if m := re.fullmatch(r"(\d{4})-M(\d\d)-M(\d\d)", period):
        return f"{m[1]}-{m[2]}--{m[1]}-{m[3]}"
    return None


def _sentence(text: str, item: Item) -> str:
    start = max(text.rfind(". ", 0, item.start), text.rfind("\n", 0, item.start)) + 1
    stops = [i for i in (text.find(". ", item.end), text.find("\n", item.end)) if i >= 0]
    return text[start:min(stops) if stops else len(text)]


def _periods(item: Item, sentence: str) -> tuple[str, str, str] | None:
    """(target, base, how the base was found) as record periods, or None."""
    label = item.get("period") or (str(item.get("year")) if item.get("year") else None)
    if not label:
        return None
    target = record_period(label)
    match = re.fullmatch(r"(\d{4})(.*)", label)
    if target is None or match is None or "/" in label:
        return None
    year, part = int(match[1]), match[2]
    compared = [int(m["year"]) for m in _COMPARED_YEAR.finditer(sentence) if int(m["year"]) < year]
    relative = _YEAR_BEFORE.search(sentence)
    if compared:
        base_year, how = compared[-1], "the year the sentence compares with"
    elif relative:
        base_year, how = year - 1, f"the same period a year before ('{relative.group()}')"
    else:
        base_year, how = year - 1, "not stated: the same period a year before"
    base = record_period(f"{base_year}{part}")
    return (target, base, how) if base else None


def _stored(observations: list[Observation], direction: str, country: str | None,
            period: str) -> Observation | None:
    if not re.fullmatch(r"\d{4}", period):
        return None                  # the graph's flows are annual
    year = int(period)
    for o in observations:
        if o.direction == direction and o.country == country and (o.start, o.end) == (year, year) \
                and (country is not None or o.area in {None, "group-WORLD"}):
            return o
    return None


def _check(stated: Decimal, observations: list[Observation], direction: str, country: str | None,
           target: str, base: str) -> tuple[str, bool]:
    """The note on a claim set against the stored figures, and whether it is a conflict."""
    now, before = (_stored(observations, direction, country, p) for p in (target, base))
    if now is None or before is None or before.value == 0:
        missing = " and ".join(p for p, o in ((target, now), (base, before)) if o is None) or base
        return f"not compared: the graph holds no figure for {missing}", False
    computed = (now.value - before.value) / abs(before.value) * 100
    shown = f"{computed:.2f}".rstrip("0").rstrip(".")
    if abs(computed - stated) > _TOLERANCE:
        return (f"CONFLICT with {now.id} and {before.id}: the stored figures ({before.value} to "
                f"{now.value}) give {shown}%, the document says {stated}%"), True
    return f"agrees with {now.id} and {before.id} ({shown}%)", False


def draft_claims(text: str, items: list[Item], doc_id: str, observations: list[Observation],
                 countries: set[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The stated-claim drafts of a document's stated changes, and the conflicts among them."""
    claims: list[dict[str, Any]] = []
    conflicts: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item.kind != "figure" or item.get("stated_change_pct") is None:
            continue
        direction = _DIRECTION.get(item.get("direction") or "")
        sentence = _sentence(text, item)
        periods = _periods(item, sentence)
        if direction is None or periods is None:
            continue
        target, base, how = periods
        country = item.get("country")
        counterpart = f"country-{country}" if country and f"country-{country}" in countries else None
        if country and counterpart is None:
            continue
        # a change another country's office stated of its own count: that country's reference area,
        # as its figures have (reporter.py), and never set against Kazakhstan's stored flows
        area = item.get("area")
        if area and f"country-{area}" not in countries:
            continue
        key = f"{direction}-{country or 'TOTAL'}-{target}".replace("--", "-to-")
        if area:
            key = f"{area}-{key}"
        claim_id = f"claim-{doc_id}-{key}"
        if claim_id in seen:
            continue
        seen.add(claim_id)
        stated = Decimal(str(item.get("stated_change_pct")))
        note, conflict = _check(stated, observations, direction, country, target, base) if not area else \
            (f"not compared: counted by {area}, the graph's stored flows are Kazakhstan's", False)
        locator = f"{doc_id}:{item.line}" if item.end_line == item.line else \
            f"{doc_id}:{item.line}-{item.end_line}"
        where = f" ({item.get('country_name') or country})" if country else ""
        counted = f" counted by {area}" if area else ""
        claim: dict[str, Any] = {
            "id": claim_id, "claim": "percent-change",
            "summary": f"{direction} flow{where}{counted} changed by {stated}% in {target} against {base}, "
                       f"as document {doc_id} states",
            "stated": float(stated) if stated != stated.to_integral_value() else int(stated),
            "direction": direction, "period": target, "base_period": base,
            "passages": [locator], "note": f"base period: {how}; {note}"}
        if counterpart:
            claim["counterpart"] = counterpart
        if area:
            claim["area"] = f"country-{area}"
        claims.append(claim)
        if conflict:
            conflicts.append(f"line {item.line}: {' '.join(item.exact.split())!r}: {note}")
    return claims, conflicts
