"""The reader's languages from Accept-Language: ``reader_languages(header)``. Names for IRIs in
those languages come from ``query.labels.Labeller``, the same as `kzmig-kg show` uses."""

from __future__ import annotations

from ...query.labels import LANGUAGES


def reader_languages(accept_language: str | None) -> tuple[str, ...]:
    """Our languages in the order the Accept-Language header prefers them (en when none fits)."""
    ranked = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, position, primary))
    chosen = [lang for _, _, lang in sorted(ranked)]
    return tuple(dict.fromkeys([*chosen, *LANGUAGES]))
