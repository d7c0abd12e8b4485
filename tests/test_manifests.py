"""Query regression tests as data: every ``tests/manifests/*/manifest.ttl`` (W3C test manifests).

An entry is an ``mf:QueryEvaluationTest`` whose ``mf:action`` names the query (``qt:query``, a
named query under ``queries/``) and one or more input graphs (``qt:data``, Turtle, loaded into the
default graph); ``kzq:param "KEY=VALUE"`` (zero or more) binds the query's parameters as
``kzmig-kg query --param`` does; ``mf:result`` is the expected answer in SPARQL 1.1 Query Results
JSON (``.srj``). Each entry runs on the embedded store (pyoxigraph) and on a real Oxigraph server
started on 127.0.0.1 (parameters sent as VALUES blocks through SPARQLWrapper). Results are
compared as multisets of solutions, in order when the query has ORDER BY; numbers compare by value
and datatype (``2.50`` = ``2.5``), blank nodes match any blank node. SPARQL leaves the order of
GROUP_CONCAT undefined (the embedded store and the server differ), so in a query that uses it text
values compare as multisets of their words (``"ds-a ds-b"`` = ``"ds-b ds-a"``). An entry whose
right answer the engine gets wrong carries ``kzq:knownIssue "why"``: it is a strict expected
failure, so the entry fails again (and the annotation must go) as soon as the engine or the query
is fixed.

The manifest vocabulary: https://www.w3.org/2001/sw/DataAccess/tests/test-manifest#
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from kzmig_kg.publish.servers import oxigraph_server
from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import QUERIES_DIR, bind_params, named_queries, parse_named_query, strip_comments
from kzmig_kg.query.remote import query_endpoint
from kzmig_kg.query.results import QueryResult

MANIFESTS_DIR = Path(__file__).resolve().parent / "manifests"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
KZQ = Namespace("https://w3id.org/kzmig/test#")
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                             "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                             "nonPositiveInteger", "unsignedInt", "unsignedLong")}


@dataclass
class Entry:
    manifest: Path
    id: str                      # <domain>/<fragment>
    name: str
    query: Path
    data: list[Path]
    params: dict[str, str]
    result: Path
    problems: list[str] = field(default_factory=list)
    known_issue: str | None = None


def _path(iri: URIRef) -> Path:
    return Path(unquote(urlsplit(str(iri)).path))


def read_manifest(path: Path) -> list[Entry]:
    """The entries of one manifest, in the order of its mf:entries list."""
    graph = Graph()
    graph.parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = URIRef(path.resolve().as_uri())
    entries_list = graph.value(manifest, MF.entries)
    if entries_list is None:
        raise AssertionError(f"{path}: the manifest has no mf:entries list")
    found = []
    for node in Collection(graph, entries_list):
        fragment = str(node).rsplit("#", 1)[-1]
        entry_id = f"{path.parent.name}/{fragment}"
        problems = []
        action = graph.value(node, MF.action)
        query = graph.value(action, QT.query) if action is not None else None
        data = sorted(_path(d) for d in graph.objects(action, QT.data)) if action is not None else []
        result = graph.value(node, MF.result)
        if query is None:
            problems.append("no mf:action [ qt:query <...> ]")
        if not data:
            problems.append("no qt:data input graph")
        if result is None:
            problems.append("no mf:result")
        params = {}
        for value in graph.objects(node, KZQ.param):
            key, sep, raw = str(value).partition("=")
            if not sep:
                problems.append(f"kzq:param {value!r} is not KEY=VALUE")
            params[key.strip()] = raw.strip()
        issue = graph.value(node, KZQ.knownIssue)
        found.append(Entry(path, entry_id, str(graph.value(node, MF.name) or fragment),
                           _path(query) if query is not None else path,
                           data, params, _path(result) if result is not None else path, problems,
                           str(issue) if issue is not None else None))
    return found


def all_entries() -> list[Entry]:
    return [entry for manifest in sorted(MANIFESTS_DIR.glob("*/manifest.ttl"))
            for entry in read_manifest(manifest)]


ENTRIES = all_entries()
CASES = [pytest.param(e, id=e.id, marks=[pytest.mark.xfail(strict=True, reason=e.known_issue)]
                      if e.known_issue else []) for e in ENTRIES]


def input_store(entry: Entry) -> ox.Store:
    store = ox.Store()
    for path in entry.data:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
    return store


def expected_result(path: Path) -> QueryResult:
    data = json.loads(path.read_text(encoding="utf-8"))
    if "boolean" in data:
        return QueryResult("ask", boolean=data["boolean"])
    variables = data["head"]["vars"]
    rows = [{v: _term(b.get(v)) for v in variables} for b in data["results"]["bindings"]]
    return QueryResult("select", variables, rows)


def _term(binding: dict | None):
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    return ox.Literal(value, datatype=ox.NamedNode(binding.get("datatype", XSD + "string")))


def _key(term, loose: bool = False) -> tuple:
    if term is None:
        return ("unbound",)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    datatype = term.datatype.value if term.datatype else XSD + "string"
    words = tuple(sorted(w for w in re.split(r"[\s,;]+", term.value) if w))
    if term.language:
        return ("literal", words if loose else term.value, "lang", term.language.lower())
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(term.value), "integer" if datatype.endswith("integer")
                    else datatype)
        except InvalidOperation:
            pass
    if loose and datatype == XSD + "string":
        return ("words", words)
    return ("literal", term.value, datatype)


def _solutions(result: QueryResult, variables: list[str], loose: bool) -> list[tuple]:
    return [tuple(_key(row.get(v), loose) for v in variables) for row in result.rows]


def _show(result: QueryResult, variables: list[str]) -> str:
    def cell(term) -> str:
        return "" if term is None else (str(term) if not isinstance(term, ox.Literal)
                                        else term.value)
    lines = [" | ".join(variables)]
    lines += [" | ".join(cell(row.get(v)) for v in variables) for row in result.rows]
    return "\n    ".join(lines)


def assert_same(entry: Entry, actual: QueryResult, expected: QueryResult, query_text: str,
                where: str) -> None:
    if expected.kind == "ask":
        assert actual.kind == "ask" and actual.boolean == expected.boolean, \
            f"{entry.id} ({where}): expected {expected.boolean}, got {actual.boolean}"
        return
    assert sorted(actual.variables) == sorted(expected.variables), \
        f"{entry.id} ({where}): variables {actual.variables}, expected {expected.variables}"
    variables = expected.variables
    text = strip_comments(query_text)
    ordered = re.search(r"\bORDER\s+BY\b", text, re.I) is not None
    loose = re.search(r"\bGROUP_CONCAT\b", text, re.I) is not None
    got, want = _solutions(actual, variables, loose), _solutions(expected, variables, loose)
    same = got == want if ordered else Counter(got) == Counter(want)
    if not same:
        how = "in this order" if ordered else "in any order"
        if ordered and Counter(got) == Counter(want):
            how = "in this order (the rows match, the order does not)"
        pytest.fail(f"{entry.id} ({where}): {entry.name}\n  expected {how}:\n    "
                    f"{_show(expected, variables)}\n  got:\n    {_show(actual, variables)}")


def prepare(entry: Entry):
    assert not entry.problems, f"{entry.manifest}: entry {entry.id}: {'; '.join(entry.problems)}"
    for path in [entry.query, entry.result, *entry.data]:
        assert path.is_file(), f"{entry.manifest}: entry {entry.id}: no file {path}"
    query = parse_named_query(entry.query.stem, entry.query)
    return query, bind_params(query, entry.params), expected_result(entry.result)


@pytest.fixture(scope="module")
def server():
    """One read-write in-memory Oxigraph server; each entry replaces its whole dataset."""
    with oxigraph_server(read_only=False) as running:
        yield running


def test_there_are_manifests() -> None:
    assert {p.parent.name for p in MANIFESTS_DIR.glob("*/manifest.ttl")} >= {"analysis", "statistics"}
    assert len(ENTRIES) >= 20


def test_entry_ids_are_unique() -> None:
    counts = Counter(e.id for e in ENTRIES)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_named_query_has_a_manifest_entry() -> None:
    """Every named query under queries/ (contract checks aside) is tested by some manifest."""
    tested = {e.query.resolve() for e in ENTRIES}
    missing = [name for name, q in named_queries(QUERIES_DIR).items()
               if not name.startswith("checks/") and q.path.resolve() not in tested]
    assert missing == [], f"named queries without a manifest entry: {missing}"


@pytest.mark.parametrize("entry", CASES)
def test_embedded_store(entry: Entry) -> None:
    query, bound, expected = prepare(entry)
    actual = query_store(input_store(entry), query.text, bound, source=str(entry.query))
    assert_same(entry, actual, expected, query.text, "embedded store")


@pytest.mark.parametrize("entry", CASES)
def test_oxigraph_server(entry: Entry, server) -> None:
    query, bound, expected = prepare(entry)
    server.put(input_store(entry).dump(format=ox.RdfFormat.N_QUADS), "application/n-quads")
    actual = query_endpoint(server.query_url, query.text, bound, source=str(entry.query))
    assert_same(entry, actual, expected, query.text, "Oxigraph server")
