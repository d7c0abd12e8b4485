"""What a query may do on the public endpoint, decided before it runs: ``check_query(text, ...)``.

pyoxigraph executes ``SERVICE`` with its own HTTP client and has no switch to turn it off, so the
server refuses any query that names a ``SERVICE`` outside the allow-list before handing it to the
store. The check is lexical and errs on the side of refusing: SPARQL's codepoint escapes
(``\\u0053ERVICE``, query spec §19.2) are decoded first, then strings, IRIs and comments are set
aside and any remaining ``SERVICE`` keyword counts.
"""

from __future__ import annotations

import re

from ...query.named import SPARQL_LEXICAL

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# a keyword, not part of a prefixed name (ex:service), a variable (?service) or a longer word
_SERVICE = re.compile(r"(?<![\w:?$.\-])SERVICE(?![\w:\-])\s*(SILENT\s*)?(?P<target><[^>]*>|\S+)?",
                      re.IGNORECASE)
_PREFIX = re.compile(r"PREFIX\s+([\w.\-]*):\s*<([^>]*)>", re.IGNORECASE)
_UPDATE = re.compile(r"(?<![\w:?$.\-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)"
                     r"(?![\w:\-])", re.IGNORECASE)


_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


class QueryRefused(Exception):
    """A request the endpoint will not run, with its HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def decode_escapes(text: str) -> str:
    """SPARQL §19.2: ``\\uXXXX`` and ``\\UXXXXXXXX`` are decoded before the grammar applies."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _blank_lexical(text: str) -> tuple[str, dict[str, str]]:
    """The text with strings and comments blanked and IRIs replaced by numbered placeholders."""
    iris: dict[str, str] = {}

    def keep(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("<"):
            key = f"<{len(iris)}>"
            iris[key] = token[1:-1]
            return key
        return " "

    return SPARQL_LEXICAL.sub(keep, text), iris


def check_query(text: str, *, max_chars: int, service_allow: tuple[str, ...] = ()) -> None:
    """Raise ``QueryRefused`` when the query is too long, names a SERVICE outside
    ``service_allow``, or is a SPARQL Update (this endpoint is read-only)."""
    if len(text) > max_chars:
        raise QueryRefused(413, f"the query has {len(text)} characters; this endpoint accepts at most "
                                f"{max_chars}")
    blanked, iris = _blank_lexical(decode_escapes(text))
    # the IRIs of the PREFIX declarations were set aside as placeholders (<0>, <1> ...)
    prefixes = {name: iris.get(f"<{iri}>", iri) for name, iri in _PREFIX.findall(blanked)}
    for match in _SERVICE.finditer(blanked):
        target = match.group("target") or ""
        endpoint = iris.get(target) if target.startswith("<") else _expand(target, prefixes)
        if endpoint is None or endpoint not in service_allow:
            shown = endpoint or target or "?"
            raise QueryRefused(400, f"SERVICE <{shown}> is not allowed: this endpoint does not run "
                                    "federated queries (allowed endpoints: "
                                    f"{', '.join(service_allow) or 'none'})")
    if _UPDATE.search(blanked) and not _FORM.search(blanked):
        raise QueryRefused(403, "SPARQL Update is not accepted: this endpoint is read-only")


def _expand(name: str, prefixes: dict[str, str]) -> str | None:
    prefix, colon, local = name.partition(":")
    if not colon or prefix.startswith(("?", "$")) or prefix not in prefixes:
        return None
    return prefixes[prefix] + local


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword of the text."""
    blanked, _ = _blank_lexical(decode_escapes(text))
    form = _FORM.search(blanked)
    return form.group(1).upper() if form else None
