"""HTTP content negotiation (RFC 9110 §12.5.1): ``negotiate(accept, offers)`` picks the offered
media type the client prefers by q-value, then by specificity; None means 406."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float
    specificity: int


def _parse(accept: str) -> list[_Range]:
    ranges = []
    for item in accept.split(","):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            continue
        main, sub = media.split("/", 1)
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        specificity = 0 if main == "*" else 1 if sub == "*" else 2
        ranges.append(_Range(main, sub, q, specificity))
    return ranges


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The first of ``offers`` (in the server's order of preference) with the highest q-value the
    ``Accept`` header gives it; no header or an empty one accepts the first offer."""
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges = _parse(accept)
    best: tuple[float, int] = (0.0, 0)
    chosen = None
    for position, offer in enumerate(offers):
        main, sub = offer.split("/", 1)
        match = None
        for media in ranges:
            fits = media.type in ("*", main) and media.subtype in ("*", sub) and (
                media.type != "*" or media.subtype == "*")
            if fits and (match is None or media.specificity > match.specificity):
                match = media
        if match is None or match.q <= 0:
            continue
        score = (match.q, -position)
        if chosen is None or score > best:
            best, chosen = score, offer
    return chosen
