"""Named queries: the SPARQL files of ``queries/`` and the header of ``# key: value`` lines before
their first line of SPARQL::

    # title: <one line>
    # description: <the question it answers>
    # param: <name> <type> <default> -- <meaning>
    # result: <the columns and what they mean>

with ``<type>`` one of ``PARAM_TYPES``. A parameter is the SPARQL variable of that name; the
runner binds it as a typed RDF term (``bind_params``), never by splicing text into the query: on
the embedded store by pyoxigraph's substitutions (which need the variable in the SELECT
projection), on a remote endpoint as inline data (``remote.bind_values``). Errors name the query
file, and the line and column where the SPARQL parser gives them (``syntax_error_message``).
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..paths import QUERIES_DIR

__all__ = ["QUERIES_DIR", "NamedQuery", "Param", "bind_params", "named_queries", "resolve_query"]
PARAM_TYPES = ("xsd:integer", "xsd:decimal", "xsd:gYear", "xsd:string", "xsd:date", "iri")
_HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)\s+(?P<default>\S+)"
                    r"(?:\s+--\s*(?P<doc>.*))?$")
_PARSER_AT = re.compile(r"^error at (?P<line>\d+):(?P<column>\d+):\s*(?P<message>.*)$", re.S)
# strings, IRIs and comments of a SPARQL text (comments are dropped by strip_comments)
SPARQL_LEXICAL = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
                      r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*", re.S)
XSD = "http://www.w3.org/2001/XMLSchema#"
Term = ox.NamedNode | ox.Literal


@dataclass
class Param:
    name: str
    type: str
    default: str
    doc: str = ""


@dataclass
class NamedQuery:
    name: str
    path: Path | None
    text: str
    title: str = ""
    description: str = ""
    result: str = ""
    params: list[Param] = field(default_factory=list)

    @property
    def source(self) -> str:
        """How errors name the query: its file, else its name."""
        return str(self.path) if self.path is not None else self.name


def named_queries(queries_dir: Path = QUERIES_DIR, pattern: str | None = None) -> dict[str, NamedQuery]:
    """Every ``*.rq`` under ``queries/`` by name (checks as ``checks/<name>``); with a glob
    ``pattern`` (``rq-*``) only the names that match it."""
    found = {}
    for path in sorted(queries_dir.rglob("*.rq")):
        name = path.relative_to(queries_dir).with_suffix("").as_posix()
        if pattern is None or fnmatch(name, pattern):
            found[name] = parse_named_query(name, path)
    return found


def parse_named_query(name: str, path: Path | None, text: str | None = None) -> NamedQuery:
    """Read a query and its header; a malformed header is an error naming file and line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query: {exc}") from None
    query = NamedQuery(name, path, text)
    where = query.source
    declared_at = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line.strip())
        if not match:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = match["key"], match["value"].strip()
        if key == "param":
            param = _PARAM.match(value)
            if not param or param["type"] not in PARAM_TYPES:
                raise QueryError(f"{where}:{number}: malformed param header {value!r}; write "
                                 f"'# param: NAME TYPE DEFAULT -- meaning' with TYPE one of "
                                 f"{', '.join(PARAM_TYPES)}")
            if param["name"] in declared_at:
                raise QueryError(f"{where}:{number}: parameter '{param['name']}' is declared twice")
            query.params.append(Param(param["name"], param["type"], param["default"],
                                      param["doc"] or ""))
            declared_at[param["name"]] = number
        elif key in ("title", "description", "result"):
            setattr(query, key, value)
    body = strip_comments(text)
    for param in query.params:
        if not re.search(rf"[?$]{param.name}\b", body):
            raise QueryError(f"{where}:{declared_at[param.name]}: parameter '{param.name}' is "
                             f"declared but the query never uses ?{param.name}")
        try:
            _term(param, param.default, query)
        except QueryError as exc:
            raise QueryError(f"{where}:{declared_at[param.name]}: bad default: {exc}") from None
    return query


def strip_comments(text: str) -> str:
    """The query without its ``#`` comments (strings and IRIs kept)."""
    return SPARQL_LEXICAL.sub(lambda m: "" if m.group().startswith("#") else m.group(), text)


def resolve_query(spec: str, queries_dir: Path = QUERIES_DIR) -> NamedQuery:
    """A path to a query file, or the name of a query in ``queries/``."""
    path = Path(spec)
    if path.is_file():
        return parse_named_query(path.stem, path)
    queries = named_queries(queries_dir)
    if spec in queries:
        return queries[spec]
    if path.suffix in (".rq", ".sparql"):
        raise QueryError(f"no such query file: {spec}")
    close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise QueryError(f"no query file or named query '{spec}'; {hint}`kzmig-kg queries` lists them")


def bind_params(query: NamedQuery, given: dict[str, str]) -> dict[str, Term]:
    """Typed RDF terms for the query's parameters: the given values, else the defaults."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        listed = ", ".join(f"{p.name} ({p.type})" for p in query.params) or "none"
        close = [c for u in unknown for c in difflib.get_close_matches(u, list(known), n=1)]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"query '{query.name}' has no parameter {', '.join(unknown)}; "
                         f"its parameters: {listed}{hint}")
    return {param.name: _term(param, given.get(param.name, param.default), query)
            for param in query.params}


def _term(param: Param, raw: str, query: NamedQuery) -> Term:
    def bad(expected: str) -> QueryError:
        return QueryError(f"parameter '{param.name}' of query '{query.name}' must be "
                          f"{expected}, got {raw!r}")

    if param.type == "iri":
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", raw):
            raise bad("an absolute http(s) IRI")
        return ox.NamedNode(raw)
    if param.type == "xsd:integer":
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise bad("a whole number")
    elif param.type == "xsd:decimal":
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw):
            raise bad("a decimal number")
    elif param.type == "xsd:gYear":
        if not re.fullmatch(r"\d{4}", raw):
            raise bad("a four-digit year")
    elif param.type == "xsd:date":
        try:
            valid = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw)) and datetime.date.fromisoformat(raw)
        except ValueError:
            valid = False
        if not valid:
            raise bad("a date YYYY-MM-DD")
    return ox.Literal(raw, datatype=ox.NamedNode(XSD + param.type.split(":", 1)[1]))


def syntax_error_message(source: str, message: str) -> str:
    """``FILE:LINE:COLUMN: SPARQL syntax error: ...`` from the parser's ``error at L:C: ...``."""
    match = _PARSER_AT.match(message.strip())
    if match:
        return f"{source}:{match['line']}:{match['column']}: SPARQL syntax error: {match['message']}"
    return f"{source}: SPARQL syntax error: {message}"
