"""Queries against an external SPARQL 1.1 endpoint through SPARQLWrapper."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .errors import QueryError
from .namespaces import PREFIXES
from .query import QueryResult


def query_endpoint(endpoint: str, text: str, bound: dict[str, ox.NamedNode | ox.Literal],
                   timeout: float = 30.0) -> QueryResult:
    """Run a SELECT or ASK on a remote endpoint; parameters become a VALUES block."""
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()
                       if not re.search(rf"PREFIX\s+{re.escape(p)}:", text, re.I))
    body = _with_values(text, bound) if bound else text
    client = SPARQLWrapper(endpoint)
    client.setQuery(prologue + body)
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    client.setMethod("POST")
    try:
        raw = client.query().response.read()
    except (SPARQLWrapperException, OSError) as exc:
        raise QueryError(f"endpoint {endpoint} failed: {exc}") from None
    try:
        data = json.loads(raw)
    except ValueError:
        raise QueryError(f"endpoint {endpoint} did not answer SPARQL JSON results") from None
    if "boolean" in data:
        return QueryResult("ask", boolean=bool(data["boolean"]))
    variables = data["head"]["vars"]
    rows = [{v: _term(b.get(v)) for v in variables} for b in data["results"]["bindings"]]
    return QueryResult("select", variables, rows)


def _with_values(text: str, bound: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Insert ``VALUES (?a ?b) { (...) }`` at the start of the outermost WHERE group."""
    match = re.search(r"\bWHERE\s*\{", text, re.I) or re.search(r"\{", text)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{n}" for n in bound)
    values = " ".join(str(term) for term in bound.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return text[: match.end()] + block + text[match.end():]


def _term(binding: dict | None) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)
