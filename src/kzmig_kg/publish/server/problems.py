"""Error answers: one readable line, never a stack trace: ``problem(status, message)``."""

from __future__ import annotations

from starlette.responses import PlainTextResponse

REASONS = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
           422: "Unprocessable Content", 500: "Internal Server Error", 503: "Service Unavailable"}


def problem(status: int, message: str, headers: dict[str, str] | None = None) -> PlainTextResponse:
    """A ``text/plain`` answer: the status reason and what to do, on one line."""
    return PlainTextResponse(f"{REASONS.get(status, 'Error')}: {message}\n", status_code=status,
                             headers=headers)
