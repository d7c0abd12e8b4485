"""The query runner: headers, typed parameters (never spliced into the text), clear errors for a
wrong parameter or a bad query (file, line, column), and the `query`/`queries` commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.local import query_store
from kzmig_kg.query.named import (
    PARAM_TYPES,
    QUERIES_DIR,
    bind_params,
    named_queries,
    parse_named_query,
    resolve_query,
)
from kzmig_kg.query.run import run_query

XSD = "http://www.w3.org/2001/XMLSchema#"
NAMED = named_queries(QUERIES_DIR)


@pytest.mark.parametrize("name", sorted(n for n in NAMED if not n.startswith("checks/")))
def test_every_named_query_has_a_complete_header(name: str) -> None:
    query = NAMED[name]
    assert query.title and query.description and query.result, f"{name}: header incomplete"
    for param in query.params:
        assert param.type in PARAM_TYPES and param.doc, f"{name}: parameter {param.name}"


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_named_query_runs_on_the_release(release, name: str) -> None:
    result = run_query(name, store=release.store)
    assert result.kind in ("select", "ask", "graph")
    for param in NAMED[name].params:  # parameters are projected, so the answer names them
        assert param.name in result.variables, f"{name} does not SELECT ?{param.name}"


def test_parameters_are_typed_terms() -> None:
    query = resolve_query("flows-around-record")
    bound = bind_params(query, {"record": "ev-2013-belt-and-road", "years": "2"})
    assert bound["record"] == ox.Literal("ev-2013-belt-and-road")
    assert bound["years"] == ox.Literal("2", datatype=ox.NamedNode(XSD + "integer"))
    assert bound["country"] == ox.Literal("WORLD")  # the default


@pytest.mark.parametrize("type_, raw, term", [
    ("xsd:integer", "-12", ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))),
    ("xsd:decimal", "2.5", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal"))),
    ("xsd:gYear", "2022", ox.Literal("2022", datatype=ox.NamedNode(XSD + "gYear"))),
    ("xsd:date", "2022-02-24", ox.Literal("2022-02-24", datatype=ox.NamedNode(XSD + "date"))),
    ("xsd:string", 'a "quoted" } value', ox.Literal('a "quoted" } value')),
    ("iri", "https://w3id.org/kzmig/id/event/ev-2017-expo",
     ox.NamedNode("https://w3id.org/kzmig/id/event/ev-2017-expo")),
])
def test_each_parameter_type(tmp_path: Path, type_: str, raw: str, term) -> None:
    path = tmp_path / "q.rq"
    default = {"xsd:integer": "1", "xsd:decimal": "1.0", "xsd:gYear": "2000", "xsd:date": "2000-01-01",
               "xsd:string": "x", "iri": "https://example.org/x"}[type_]
    path.write_text(f"# title: t\n# param: p {type_} {default} -- a value\nSELECT ?p WHERE {{}}\n",
                    encoding="utf-8")
    query = parse_named_query("q", path)
    assert bind_params(query, {"p": raw})["p"] == term


@pytest.mark.parametrize("type_, raw, expected", [
    ("xsd:integer", "20x", "a whole number"),
    ("xsd:integer", "1 } UNION { ?s ?p ?o", "a whole number"),
    ("xsd:decimal", "1,5", "a decimal number"),
    ("xsd:gYear", "22", "a four-digit year"),
    ("xsd:date", "2022-02-30", "a date YYYY-MM-DD"),
    ("xsd:date", "24.02.2022", "a date YYYY-MM-DD"),
    ("iri", "ev-2017-expo", "an absolute http(s) IRI"),
    ("iri", "http://x/> } DELETE {", "an absolute http(s) IRI"),
])
def test_wrong_parameter_values_are_clear_errors(tmp_path: Path, type_: str, raw: str,
                                                 expected: str) -> None:
    path = tmp_path / "q.rq"
    default = {"xsd:integer": "1", "xsd:decimal": "1.0", "xsd:gYear": "2000", "xsd:date": "2000-01-01",
               "iri": "https://example.org/x"}[type_]
    path.write_text(f"# title: t\n# param: p {type_} {default} -- a value\nSELECT ?p WHERE {{}}\n",
                    encoding="utf-8")
    with pytest.raises(QueryError, match=re.escape(f"parameter 'p' of query 'q' must be {expected}, got")):
        bind_params(parse_named_query("q", path), {"p": raw})


def test_a_string_parameter_cannot_change_the_query(release, tmp_path) -> None:
    hostile = '477-IV" } UNION { ?s ?p ?o } #'
    with pytest.raises(QueryError, match="no act with the official number"):  # checked first
        run_query("acts-by-number", {"number": hostile}, store=release.store)
    unchecked = tmp_path / "unchecked.rq"  # a parameter no rule checks is still only a value
    unchecked.write_text("# param: text xsd:string 477-IV -- any text\n"
                         "SELECT ?act ?text WHERE { ?act eli:number ?text }\n", encoding="utf-8")
    assert run_query(str(unchecked), {"text": hostile}, store=release.store).rows == []
    assert len(run_query(str(unchecked), {}, store=release.store).rows) == 1
    with pytest.raises(QueryError, match="no country or grouping"):  # refused before binding
        run_query("stats-country-series", {"country": hostile}, store=release.store)


def test_unknown_parameter_lists_the_known_ones() -> None:
    with pytest.raises(QueryError) as caught:
        run_query("rq-national-balance", {"form": "2019"}, store_dir=Path("unused"))
    message = str(caught.value)
    assert "query 'rq-national-balance' has no parameter form" in message
    assert "its parameters: from (xsd:integer), to (xsd:integer)" in message
    assert "did you mean from?" in message


def test_parameter_for_a_query_without_parameters(tmp_path: Path) -> None:
    path = tmp_path / "plain.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    with pytest.raises(QueryError, match="has no parameter year; its parameters: none"):
        run_query(str(path), {"year": "2000"}, store_dir=tmp_path)


@pytest.mark.parametrize("header, message", [
    ("# param: year integer 2005 -- no prefix", "malformed param header"),
    ("# param: year xsd:integer", "malformed param header"),
    ("# param: year xsd:integer 20o5 -- bad default", "bad default: parameter 'year'"),
    ("# param: month xsd:integer 1 -- never used", "parameter 'month' is declared but the query "
                                                   "never uses ?month"),
])
def test_malformed_headers_name_file_and_line(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "broken.rq"
    path.write_text(f"# title: broken\n{header}\nSELECT ?year WHERE {{ }}\n", encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        parse_named_query("broken", path)
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)


def test_parameter_declared_twice(tmp_path: Path) -> None:
    path = tmp_path / "twice.rq"
    path.write_text("# param: a xsd:integer 1 -- x\n# param: a xsd:integer 2 -- y\nSELECT ?a {}\n",
                    encoding="utf-8")
    with pytest.raises(QueryError, match=f"{path}:2: parameter 'a' is declared twice"):
        parse_named_query("twice", path)


def test_a_parameter_missing_from_the_projection(tmp_path: Path) -> None:
    path = tmp_path / "hidden.rq"
    path.write_text("# param: min xsd:integer 1 -- x\nSELECT ?s WHERE { ?s ?p ?o FILTER (?o > ?min) }\n",
                    encoding="utf-8")
    store = ox.Store()
    with pytest.raises(QueryError, match="does not contains variable .min in its SELECT projection"
                                         ".*must SELECT each of its parameters"):
        run_query(str(path), store=store)


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("# title: bad\nSELECT ?x WHERE {\n  ?x ?p ?o .\n  ?x <not an iri> ?o .\n}\n",
                    encoding="utf-8")
    with pytest.raises(QueryError, match=rf"^{re.escape(str(path))}:4:\d+: SPARQL syntax error: "):
        run_query(str(path), store=ox.Store())
    with pytest.raises(QueryError, match=r"^query:1:\d+: SPARQL syntax error"):
        query_store(ox.Store(), "SELECT WHERE")


def test_unknown_query_suggests_a_name() -> None:
    with pytest.raises(QueryError, match="did you mean rq-national-balance"):
        resolve_query("rq-national-balanc")
    with pytest.raises(QueryError, match="no such query file: missing.rq"):
        resolve_query("missing.rq")


def test_query_command_binds_parameters(release) -> None:
    result = CliRunner().invoke(main, ["query", "flows-top-partners-by-year", "--param", "from=2023",
                                       "--param", "to=2023", "--param", "top=2", "--format", "json",
                                       "--store", str(release.dir / "store")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert [(r["role"]["value"], r["rank"]["value"], r["country"]["value"]) for r in rows] == \
        [("origin", "1", "RUS"), ("origin", "1", "UZB"), ("origin", "2", "TKM")]  # RUS: stated rank
    assert rows[0]["top"] == {"type": "literal", "value": "2", "datatype": XSD + "integer"}


@pytest.mark.parametrize("args, message", [
    (["--param", "from"], "--param takes KEY=VALUE, got 'from'"),
    (["--param", "from=2000", "--param", "from=2001"], "--param from is given twice"),
    (["--param", "year=2000"], "has no parameter year"),
    (["--param", "from=MMXX"], "must be a whole number, got 'MMXX'"),
])
def test_query_command_errors(release, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["query", "rq-national-balance", *args,
                                       "--store", str(release.dir / "store")])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_queries_command_lists_titles_descriptions_and_parameters() -> None:
    result = CliRunner().invoke(main, ["queries", "flows-*"])
    assert result.exit_code == 0, result.output
    assert "flows-around-record: Flows before and after an event, measure or act" in result.output
    assert ("--param record=<xsd:string> (default ev-2022-02-24-war-ukraine) id or IRI of the event, "
            "measure, programme or act") in result.output
    assert "result: record, years, country" in result.output
    every = CliRunner().invoke(main, ["queries"]).output
    assert "checks/" not in every and "checks not shown, see --checks" in every
    for name in NAMED:
        if not name.startswith("checks/"):
            assert f"\n{name}: " in f"\n{every}"
    assert "checks/qb-ic-01-unique-dataset-violation: " in CliRunner().invoke(
        main, ["queries", "--checks"]).output
