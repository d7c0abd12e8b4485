"""Queries against an external SPARQL 1.1 endpoint (SPARQL 1.1 Protocol) through SPARQLWrapper.

Any SPARQL 1.1 endpoint works: an Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever. The embedded
store answers with the default graph as the union of the named graphs; start the server the same
way (``oxigraph serve-read-only --union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``)
to get the same answers.

Parameters of a named query are typed RDF terms (``named.bind_params``). The protocol has
no parameter binding, so they travel as inline data: ``bind_values`` puts a ``VALUES`` block
holding the terms in their N-Triples form (escaped by pyoxigraph: a value can never change the
query's structure) at the start of the WHERE group and of every nested group where the variable
is in scope, which gives the answers of the embedded store's substitution: FILTERs in nested
groups, UNION branches and OPTIONALs see the value, and so does a sub-select that projects the
variable; a sub-select that does not project it has a variable of its own. Known difference: a
parameter mentioned inside MINUS becomes a shared variable.
"""

from __future__ import annotations

import ast
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .. import __version__
from ..errors import QueryError
from ..namespaces import PREFIXES
from .named import SPARQL_LEXICAL, syntax_error_message
from .results import QueryResult

USER_AGENT = f"kzmig-kg/{__version__} (SPARQLWrapper; +https://w3id.org/kzmig/)"
MAX_RESPONSE_BYTES = 64 * 1024 * 1024

Term = ox.NamedNode | ox.Literal


def query_endpoint(endpoint: str, text: str, bound: dict[str, Term] | None = None,
                   timeout: float = 30.0, source: str = "query") -> QueryResult:
    """Run a query on a SPARQL 1.1 endpoint; ``bound`` parameters travel as VALUES blocks.

    SELECT and ASK come back as SPARQL 1.1 Query Results JSON, CONSTRUCT and DESCRIBE as Turtle;
    the answer has the shape of the embedded store's (``local.query_store``). Every
    failure (a query the server rejects, an unreachable endpoint, an HTTP error, a timeout, an
    answer that is not SPARQL results) raises ``QueryError`` naming the endpoint and ``source``.
    """
    _check_endpoint(endpoint)
    body = bind_values(text, bound) if bound else text
    # The prefixes of the project that the query does not declare, on the query's first line
    # (before a leading comment), so that the server's line numbers are the file's.
    prologue = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
                        if not re.search(rf"PREFIX\s+{re.escape(p)}\s*:", text, re.I))
    client = SPARQLWrapper(endpoint, agent=USER_AGENT)
    client.setQuery(f"{prologue} {body}")
    client.queryType = query_form(text)  # SPARQLWrapper's guess reads words in comments
    client.setMethod(POST)
    client.setTimeout(max(1, int(round(timeout))))
    graph_form = client.queryType in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph_form else JSON)
    raw = _within(timeout, lambda: _exchange(client, endpoint, source, timeout, len(prologue) + 1),
                  _timed_out(endpoint, source, timeout))
    if len(raw) > MAX_RESPONSE_BYTES:
        raise QueryError(f"{source}: endpoint {endpoint} answered more than "
                         f"{MAX_RESPONSE_BYTES >> 20} MB; add a LIMIT")
    if graph_form:
        return _graph_result(endpoint, source, raw)
    return _json_result(endpoint, source, raw)


def _within(seconds: float, exchange: Callable[[], bytes], timed_out: str) -> bytes:
    """Run ``exchange`` with a deadline for all of it: the socket's timeout bounds each read
    only, and a server sending a byte now and then would keep the reads going for ever."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["raw"] = exchange()
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():  # left to end at its next read, which checks the deadline
        raise QueryError(timed_out)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["raw"]


def _exchange(client: SPARQLWrapper, endpoint: str, source: str, timeout: float,
              shift: int) -> bytes:
    deadline = time.monotonic() + timeout
    try:
        response = client.query().response
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_RESPONSE_BYTES:
            if time.monotonic() >= deadline:
                raise TimeoutError
            chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except SPARQLWrapperException as exc:
        raise QueryError(_rejected(endpoint, source, exc, shift)) from None
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:500]
        raise QueryError(f"{source}: endpoint {endpoint} answered HTTP {exc.code} {exc.reason}"
                         + (f": {detail}" if detail else "")) from None
    except TimeoutError:
        raise QueryError(_timed_out(endpoint, source, timeout)) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise QueryError(_timed_out(endpoint, source, timeout)) from None
        raise QueryError(f"{source}: cannot reach endpoint {endpoint}: {exc.reason} "
                         "(is the server running, and is the URL its query endpoint?)") from None
    except OSError as exc:  # connection reset, refused while reading
        raise QueryError(f"{source}: endpoint {endpoint} failed: {exc}") from None


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the first of these words outside comments, strings
    and IRIs (SELECT when there is none, and the server will say what is wrong)."""
    bare = SPARQL_LEXICAL.sub(" ", text)
    match = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", bare, re.I)
    return match.group(1).upper() if match else "SELECT"


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QueryError(f"the endpoint must be an http(s) URL such as http://127.0.0.1:7878/query, "
                         f"got {endpoint!r}")


def _timed_out(endpoint: str, source: str, timeout: float) -> str:
    return (f"{source}: endpoint {endpoint} did not answer within {timeout:g} s "
            "(raise --timeout, or simplify the query)")


def _rejected(endpoint: str, source: str, exc: SPARQLWrapperException, shift: int = 0) -> str:
    """The server's own message: a syntax error as FILE:LINE:COLUMN, else the HTTP status.
    ``shift`` characters were put before the query's first line (the prefixes it lacks)."""
    message = _server_message(exc)
    located = syntax_error_message(source, _unshift(message, shift))
    if located.startswith(f"{source}:") and re.match(r"\d+:\d+:", located[len(source) + 1:]):
        return f"{located} (reported by {endpoint})"
    status = {"QueryBadFormed": "400 Bad Request", "EndPointNotFound": "404 Not Found",
              "Unauthorized": "401 Unauthorized", "URITooLong": "414 URI Too Long",
              "EndPointInternalError": "500 Internal Server Error"}.get(type(exc).__name__, "")
    return (f"{source}: endpoint {endpoint} rejected the query"
            + (f" ({status})" if status else "") + (f": {message[:500]}" if message else ""))


def _unshift(message: str, shift: int) -> str:
    """The server's position on line 1 less the prologue put before the query."""
    def back(match: re.Match[str]) -> str:
        column = int(match["column"]) - shift
        return f"{match['head']}1:{column}" if column > 0 else match.group(0)
    return re.sub(r"(?P<head>error at )1:(?P<column>\d+)", back, message, count=1)


def _server_message(exc: SPARQLWrapperException) -> str:
    """The body the server answered, which SPARQLWrapper keeps only as a repr in its message."""
    _, sep, shown = str(exc).partition("Response:\n")
    if not sep:
        return ""
    try:
        body = ast.literal_eval(shown.strip())
    except (ValueError, SyntaxError):
        return shown.strip()
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    return str(body).strip()


def _json_result(endpoint: str, source: str, raw: bytes) -> QueryResult:
    try:
        data = json.loads(raw)
        if "boolean" in data:
            return QueryResult("ask", boolean=bool(data["boolean"]))
        variables = list(data["head"]["vars"])
        rows = [{v: _term(b.get(v)) for v in variables} for b in data["results"]["bindings"]]
    except (ValueError, KeyError, TypeError):
        raise QueryError(f"{source}: endpoint {endpoint} did not answer SPARQL 1.1 Query Results "
                         "JSON (is the URL the server's query endpoint?)") from None
    return QueryResult("select", variables, rows)


def _graph_result(endpoint: str, source: str, raw: bytes) -> QueryResult:
    try:
        triples = [(q.subject, q.predicate, q.object)
                   for q in ox.parse(raw, format=ox.RdfFormat.TURTLE)]
    except SyntaxError as exc:
        raise QueryError(f"{source}: endpoint {endpoint} did not answer Turtle: {exc}") from None
    return QueryResult("graph", triples=triples)


def _term(binding: dict | None) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind not in ("literal", "typed-literal"):
        raise ValueError(kind)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


# ---------------------------------------------------------------- VALUES binding

_TOKEN = re.compile(r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
    | (?P<open>\{) | (?P<close>\})
    | (?P<paren>[()])
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
""", re.X | re.S)


@dataclass(eq=False)
class _Group:
    start: int                      # offset just after '{'
    skip: bool = False              # a VALUES data block or a CONSTRUCT template
    subselect: bool = False         # '{ SELECT ... }': the braces around a sub-select
    projected: set[str] = field(default_factory=set)  # a sub-select's plain projected variables


def bind_values(text: str, bound: dict[str, Term]) -> str:
    """The query with ``VALUES (?p ...) { (term ...) }`` at the start of its WHERE group and of
    every nested group where a parameter is in scope and mentioned.

    >>> q = 'SELECT ?year ?x WHERE { ?x <http://ex/y> ?y FILTER(?y = ?year) }'
    >>> bind_values(q, {"year": ox.Literal("2005")})
    'SELECT ?year ?x WHERE { VALUES (?year) { ("2005") } ?x <http://ex/y> ?y FILTER(?y = ?year) }'
    """
    for name, term in bound.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(f"parameter '{name}' must be an IRI or a literal, got {term!r}")
    groups: list[_Group] = []
    stack: list[_Group] = []
    mentions: list[tuple[str, tuple[_Group, ...]]] = []  # (variable, enclosing groups)
    previous: list[str] = []          # significant tokens so far (words upper-cased)
    projection: _Group | None = None  # the sub-select whose projection is being read
    depth = 0                         # parentheses inside that projection
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "comment":
            continue
        if kind in ("string", "iri"):
            previous.append(kind.upper())
            continue
        word = token.upper() if kind == "word" else token
        if projection is not None:
            if kind == "paren":
                depth += 1 if token == "(" else -1
            elif kind == "var" and depth == 0:
                projection.projected.add(token[1:])
            elif word in ("WHERE", "{"):
                projection = None
        if kind == "var":
            mentions.append((token[1:], tuple(stack)))
        elif kind == "open":
            group = _Group(match.end())
            group.skip = _is_data_block(previous) or previous[-1:] == ["CONSTRUCT"]
            groups.append(group)
            stack.append(group)
        elif kind == "close":
            if not stack:
                raise QueryError("cannot bind parameters: unbalanced braces in the query")
            stack.pop()
        elif word == "SELECT" and previous[-1:] == ["{"] and stack:
            stack[-1].subselect = True
            projection, depth = stack[-1], 0
        previous.append(word)
    outer = next((g for g in groups if not g.skip), None)
    if stack or outer is None:
        raise QueryError("cannot bind parameters: the query has no complete WHERE group "
                         "(unbalanced braces?)")
    wanted: dict[int, list[str]] = {id(outer): list(bound)}
    for name, enclosing in mentions:
        if name not in bound or any(g.subselect and name not in g.projected for g in enclosing):
            continue  # not a parameter, or a sub-select's own variable of that name
        for group in enclosing:
            if group is outer or group.skip or group.subselect:
                continue
            names = wanted.setdefault(id(group), [])
            if name not in names:
                names.append(name)
    inserts = [(g.start, _values_block(wanted[id(g)], bound)) for g in groups if id(g) in wanted]
    for offset, block in sorted(inserts, reverse=True):
        text = text[:offset] + block + text[offset:]
    return text


def _is_data_block(previous: list[str]) -> bool:
    """True when the '{' about to open follows ``VALUES ?x`` or ``VALUES (?x ?y)``."""
    if len(previous) >= 2 and previous[-2] == "VALUES" and previous[-1].startswith(("?", "$")):
        return True
    if previous[-1:] == [")"]:
        depth = 0
        for i in range(len(previous) - 1, -1, -1):
            if previous[i] == ")":
                depth += 1
            elif previous[i] == "(":
                depth -= 1
                if depth == 0:
                    return i > 0 and previous[i - 1] == "VALUES"
    return False


def _values_block(names: list[str], bound: dict[str, Term]) -> str:
    variables = " ".join(f"?{n}" for n in names)
    terms = " ".join(str(bound[n]) for n in names)
    return f" VALUES ({variables}) {{ ({terms}) }}"
