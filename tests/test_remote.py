"""Remote endpoints: every named query gives the same answers through `--endpoint` (SPARQLWrapper
against a real Oxigraph server on 127.0.0.1, loaded with the release) as on the embedded store;
parameters travel as VALUES blocks; endpoint failures give clear errors."""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.publish.servers import free_port, oxigraph_server
from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import QUERIES_DIR, named_queries
from kzmig_kg.query.remote import bind_values, query_endpoint, query_form
from kzmig_kg.query.run import run_query

from .test_manifests import Entry, assert_same

NAMED = sorted(named_queries(QUERIES_DIR))
# parameter values other than the defaults, to check that they travel to the server
OTHER_PARAMS = {
    "rq-flows-by-partner": {"from": "2021", "to": "2022"},
    "rq-national-balance": {"from": "2000", "to": "2010"},
    "stats-country-series": {"country": "RUS", "direction": "EMI"},
    "stats-top-source-country": {"year": "2000"},
    "stats-emigration-destinations": {"year": "2000"},
    "stats-cumulative-net-by-partner": {"from": "2005", "to": "2010"},
    "flows-partner-series": {"from": "2010", "to": "2023"},
    "flows-top-partners-by-year": {"from": "2020", "to": "2023", "top": "1"},
    "flows-around-record": {"record": "ev-2013-belt-and-road", "years": "2", "country": "CHN"},
    "timeline-events-and-measures": {"from": "2022", "to": "2022", "kinds": "event,act"},
    "timeline-measures-by-restrictiveness": {"from": "2015", "to": "2020"},
    "rq-arrivals-departures": {"year": "2021"},
    "rq-measures-and-recommendations": {"enactedBy": "all"},
}
MINE = ("rq-", "flows-", "timeline-", "stats-")
# the release states net balances by partner only for 2004-2010 as a whole (lines 256-259): any
# other period gives no rows, on the store and on the endpoint alike
NO_ROWS_ELSEWHERE = {"stats-cumulative-net-by-partner"}
# the release registers one document, the thesis, the default: another value travels to a server
# in the manifest entry statistics/flows-by-document (document=note-2022, an ingested note)
ONE_VALUE = {"flows-by-document"}


@pytest.fixture(scope="module")
def server(release, tmp_path_factory):
    """A read-only Oxigraph server loaded with the release's N-Quads (union default graph)."""
    location = tmp_path_factory.mktemp("oxigraph") / "store"
    with oxigraph_server(location, load=release.dir / "kzmig.nq", timeout_s=300) as running:
        yield running


def _entry(name: str) -> Entry:
    path = QUERIES_DIR / f"{name}.rq"
    return Entry(path, name, name, path, [], {}, path)


def _same(name: str, local, remote) -> None:
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    if local.kind == "graph":
        assert remote.kind == "graph"
        assert {tuple(map(str, t)) for t in remote.triples} == {tuple(map(str, t)) for t in local.triples}
        return
    assert_same(_entry(name), remote, local, text, "endpoint against the embedded store")


@pytest.mark.parametrize("name", NAMED)
def test_named_query_same_on_endpoint(release, server, name: str) -> None:
    local = run_query(name, store=release.store)
    remote = run_query(name, endpoint=server.query_url, timeout=300)
    _same(name, local, remote)


@pytest.mark.parametrize("name, params", sorted(OTHER_PARAMS.items()))
def test_parameters_travel_to_the_endpoint(release, server, name: str, params: dict) -> None:
    local = run_query(name, params, store=release.store)
    remote = run_query(name, params, endpoint=server.query_url, timeout=300)
    default = run_query(name, store=release.store)
    if name in NO_ROWS_ELSEWHERE:
        assert default.rows and not local.rows
    else:
        assert local.rows, f"{name} {params}: no rows on the release"
    assert local.values() != default.values(), "pick parameters that change the answer"
    _same(name, local, remote)


def test_every_parameterised_query_is_checked_with_other_values() -> None:
    with_params = {n for n, q in named_queries(QUERIES_DIR).items() if q.params}
    missing = sorted(n for n in with_params - set(OTHER_PARAMS) - ONE_VALUE if n.startswith(MINE))
    assert missing == []


def test_query_command_through_the_endpoint(release, server) -> None:
    args = ["query", "rq-national-balance", "--param", "from=2021", "--format", "json"]
    remote = CliRunner().invoke(main, [*args, "--endpoint", server.query_url])
    local = CliRunner().invoke(main, [*args, "--store", str(release.dir / "store")])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    years = [b["year"]["value"] for b in json.loads(remote.stdout)["results"]["bindings"]]
    assert years == ["2021", "2022", "2023"]


def test_ask_and_construct_through_the_endpoint(release, server) -> None:
    ask = query_endpoint(server.query_url, "ASK { ?act eli:number \"477-IV\" }")
    assert ask.kind == "ask" and ask.boolean is True
    construct = ("CONSTRUCT { ?c skos:notation ?n } WHERE { ?c a kzo:Country ; skos:notation ?n "
                 "FILTER (?n IN (\"KAZ\", \"UZB\")) }")
    remote = query_endpoint(server.query_url, construct)
    local = query_store(release.store, construct)
    assert remote.kind == local.kind == "graph"
    assert {str(t[2]) for t in remote.triples} == {'"KAZ"', '"UZB"'}
    assert {tuple(map(str, t)) for t in remote.triples} == {tuple(map(str, t)) for t in local.triples}


# ------------------------------------------------------------------ errors from endpoints

def test_bad_query_names_file_line_and_column(release, server, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: broken\nSELECT ?x WHERE {\n  ?x ?p ?o .\n  ?x <not an iri> ?o .\n}\n",
                   encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        run_query(str(bad), endpoint=server.query_url)
    message = str(caught.value)
    assert re.match(rf"{re.escape(str(bad))}:4:\d+: SPARQL syntax error: .+ \(reported by "
                    rf"{re.escape(server.query_url)}\)$", message), message
    local = CliRunner().invoke(main, ["query", str(bad), "--store", str(release.dir / "store")])
    result = CliRunner().invoke(main, ["query", str(bad), "--endpoint", server.query_url])
    assert result.exit_code == local.exit_code == 1 and "Traceback" not in result.output
    assert local.output.strip() in result.output  # the same file, line, column and message


def test_unreachable_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(main, ["query", "rq-national-balance", "--endpoint", url])
    assert result.exit_code == 1
    assert f"cannot reach endpoint {url}" in result.output and "Connection refused" in result.output


def test_endpoint_that_does_not_answer_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(QueryError, match=r"did not answer within 1 s"):
            query_endpoint(url, "ASK {}", timeout=1)


class _NotSparql(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_endpoint_answering_something_else() -> None:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _NotSparql)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        with pytest.raises(QueryError, match="did not answer SPARQL 1.1 Query Results JSON"):
            query_endpoint(url, "SELECT * WHERE { ?s ?p ?o }")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_wrong_path_and_read_only_server(server) -> None:
    with pytest.raises(QueryError, match=r"rejected the query \(404 Not Found\)"):
        query_endpoint(server.base + "/no-such-path", "ASK {}")
    with pytest.raises(QueryError, match="the server was started read-only"):
        server.put(b"", "application/n-quads")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/query", "127.0.0.1:7878/query", "http://"])
def test_endpoint_must_be_an_http_url(url: str) -> None:
    with pytest.raises(QueryError, match="must be an http"):
        query_endpoint(url, "ASK {}")


def test_oxigraph_server_reports_a_failed_start(tmp_path: Path) -> None:
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(QueryError, match="oxigraph load .* failed"), \
            oxigraph_server(tmp_path / "store", load=broken):
        pass


# ------------------------------------------------------------------ binding as VALUES blocks

DATA = """
<http://ex/a> <http://ex/p> 1 ; <http://ex/q> "x" .
<http://ex/b> <http://ex/p> 2 ; <http://ex/q> "y} # not a comment" .
<http://ex/c> <http://ex/p> 3 .
"""
SHAPES = [
    # top-level FILTER
    "SELECT ?min ?s WHERE { ?s <http://ex/p> ?v FILTER (?v >= ?min) }",
    # nested group and UNION branches see the value
    "SELECT ?min ?s WHERE { { ?s <http://ex/p> ?v FILTER (?v < ?min) } UNION "
    "{ ?s <http://ex/p> ?v FILTER (?v > ?min) } }",
    # FILTER inside OPTIONAL
    "SELECT ?min ?s ?w WHERE { ?s <http://ex/p> ?v OPTIONAL { ?s <http://ex/p> ?w FILTER (?w > ?min) } }",
    # a sub-select that projects the parameter sees it ...
    "SELECT ?min ?top WHERE { { SELECT ?min (MAX(?v) AS ?top) WHERE { ?s <http://ex/p> ?v "
    "FILTER (?v < ?min) } GROUP BY ?min } }",
    # ... one that does not project it has a variable of its own
    "SELECT ?min ?top WHERE { { SELECT (MAX(?v) AS ?top) WHERE { ?s <http://ex/p> ?v "
    "FILTER (?v < ?min) } } }",
    # NOT EXISTS, BIND, a VALUES data block, strings and comments holding braces
    "SELECT ?min ?s ?next WHERE {\n  VALUES ?k { 1 2 3 }  # a { comment\n  ?s <http://ex/p> ?k "
    "FILTER NOT EXISTS { ?s <http://ex/q> \"y} # not a comment\" FILTER (?k > ?min) }\n"
    "  BIND (?k + ?min AS ?next) }",
    # aggregation grouped by the parameter, and a parameter given as an IRI
    "SELECT ?min ?who (COUNT(*) AS ?n) WHERE { ?s <http://ex/p> ?v FILTER (?v >= ?min && ?s != ?who) } "
    "GROUP BY ?min ?who",
]


@pytest.mark.parametrize("shape", SHAPES)
def test_values_blocks_give_the_answers_of_substitution(shape: str) -> None:
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    bound = {"min": ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))}
    if "?who" in shape:
        bound["who"] = ox.NamedNode("http://ex/c")
    substituted = query_store(store, shape, bound)
    inlined = query_store(store, bind_values(shape, bound))
    assert substituted.rows, "each shape must have an answer"
    key = sorted(sorted((k, str(v)) for k, v in row.items()) for row in substituted.rows)
    assert sorted(sorted((k, str(v)) for k, v in row.items()) for row in inlined.rows) == key


def test_values_block_holds_escaped_terms() -> None:
    text = 'SELECT ?name ?x WHERE { ?x <http://ex/name> ?name }'
    hostile = ox.Literal('"} } DELETE WHERE { ?s ?p ?o } #')
    bound = bind_values(text, {"name": hostile})
    assert bound == ('SELECT ?name ?x WHERE { VALUES (?name) { ("\\"} } DELETE WHERE { ?s ?p ?o } #") } '
                     '?x <http://ex/name> ?name }')
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/name"), hostile))
    assert [row["x"].value for row in query_store(store, bound).rows] == ["http://ex/a"]


@pytest.mark.parametrize("text", ["SELECT ?x WHERE { ?x ?p ?o", "SELECT ?x WHERE ?x ?p ?o }"])
def test_values_binding_needs_a_complete_where_group(text: str) -> None:
    with pytest.raises(QueryError, match="cannot bind parameters"):
        bind_values(text, {"x": ox.Literal("1")})


@pytest.mark.parametrize("text, form", [
    ("# title: what we add up\nSELECT ?x WHERE { ?x ?p ?o }", "SELECT"),
    ("PREFIX ex: <http://ex/ask#> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p \"SELECT\" }", "CONSTRUCT"),
    ("ask { }", "ASK"),
    ("DESCRIBE <http://ex/a>", "DESCRIBE"),
])
def test_query_form_ignores_comments_strings_and_iris(text: str, form: str) -> None:
    assert query_form(text) == form


def test_syntax_error_on_the_first_line_has_the_files_column(release, server,
                                                             tmp_path: Path) -> None:
    """The prefixes put before the query on its first line do not shift the column."""
    bad = tmp_path / "first-line.rq"
    bad.write_text("SELECT ?x WHERE { ?x <not an iri> ?o }\n", encoding="utf-8")
    local = CliRunner().invoke(main, ["query", str(bad), "--store", str(release.dir / "store")])
    remote = CliRunner().invoke(main, ["query", str(bad), "--endpoint", server.query_url])
    position = re.match(rf"error: {re.escape(str(bad))}:(\d+:\d+):", local.output)
    assert position and position.group(1).startswith("1:"), local.output
    assert remote.output.startswith(f"error: {bad}:{position.group(1)}: "), remote.output
