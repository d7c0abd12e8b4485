"""Validators for caches: an ETag per release and resource (``etag``), and ``fresh`` for
If-None-Match (RFC 9110 §13.1.2), so an unchanged resource answers 304."""

from __future__ import annotations

import hashlib

from starlette.requests import Request


def etag(release: str, key: str) -> str:
    return f'"{release}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"'


def fresh(request: Request, tag: str) -> bool:
    given = request.headers.get("if-none-match", "")
    return any(item.strip() in (tag, "*", "W/" + tag) for item in given.split(","))
