"""Validators for caches: an ETag per release and resource (``etag``), and ``fresh`` for
If-None-Match (RFC 9110 §13.1.2), so an unchanged resource answers 304; ``validated`` gives a
resource offered in every RDF format its caching headers and, when the client's copy is current,
the 304."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

from .formats import DATA_TYPES, SUFFIX_OF


def etag(release: str, key: str) -> str:
    return f'"{release}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"'


def fresh(request: Request, tag: str) -> bool:
    given = request.headers.get("if-none-match", "")
    return any(item.strip() in (tag, "*", "W/" + tag) for item in given.split(","))


def validated(request: Request, key: str, *, vary: str,
              alternates_at: str) -> tuple[dict[str, str], Response | None]:
    """The headers of a resource whose ETag is made from ``key``, with a ``Link`` to its
    document in each RDF format (``{alternates_at}.ttl``...), and the 304 to send instead of
    the resource when If-None-Match names that ETag (else None)."""
    tag = etag(request.app.state.release, key)
    headers = {"ETag": tag, "Cache-Control": "public, max-age=3600", "Vary": vary,
               "Link": ", ".join(f'<{alternates_at}.{SUFFIX_OF[media]}>; rel="alternate"; '
                                 f'type="{media}"' for media in DATA_TYPES)}
    return headers, Response(status_code=304, headers=headers) if fresh(request, tag) else None
