"""The release in dist/: files, named graphs, explicit standard types, VoID counts, CLI commands."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, VOID

from kzmig_kg.cli import main
from kzmig_kg.namespaces import KZO
from kzmig_kg.pipeline.release import DATASET_IRI, RELEASE_GRAPH

EXPECTED_FILES = {"kzmig.nq", "kzmig.trig", "kzmig.ttl", "kzmig.nt", "kzmig.jsonld", "kzmig.rdf",
                  "context.jsonld", "void.ttl", "validation-report.ttl", "validation-report.txt",
                  "build-timings.json", "kzmig-schemaorg.jsonld", "kzmig.sssom.ttl", "store"}
ELI = "http://data.europa.eu/eli/ontology#"


def test_release_has_every_file(release) -> None:
    assert {p.name for p in release.dir.iterdir()} >= EXPECTED_FILES


def test_nquads_keep_one_named_graph_per_source(release) -> None:
    graphs = {str(g.identifier) for g in release.dataset.graphs() if len(g)}
    assert "https://w3id.org/kzmig/graph/ontology" in graphs
    assert "https://w3id.org/kzmig/graph/records/documents" in graphs
    assert "https://w3id.org/kzmig/graph/release" in graphs
    assert any(g.startswith("https://w3id.org/kzmig/graph/records/legal") for g in graphs)


# The dumps are parsed by pyoxigraph, 10 to 30 times faster than rdflib on this graph: the same
# comparisons, made where the store's own terms are.
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
              "xml": ox.RdfFormat.RDF_XML, "json-ld": ox.RdfFormat.JSON_LD,
              "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


def _triples(path, fmt: str) -> list[tuple]:
    return [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=OX_FORMATS[fmt])]


def _ground(triples) -> set[tuple]:
    return {t for t in triples if not any(isinstance(term, ox.BlankNode) for term in (t[0], t[2]))}


@pytest.fixture(scope="module")
def nquads(release) -> list[tuple]:
    """Every triple of kzmig.nq, as parsed (one per named graph it is in)."""
    return _triples(release.dir / "kzmig.nq", "nquads")


@pytest.mark.parametrize("name, fmt", [("kzmig.ttl", "turtle"), ("kzmig.nt", "nt"),
                                       ("kzmig.rdf", "xml"), ("kzmig.jsonld", "json-ld")])
def test_every_serialisation_parses_to_the_same_triples(nquads, release, name: str, fmt: str) -> None:
    merged = set(nquads)  # a triple in two named graphs counts once
    assert len(set(_triples(release.dir / name, fmt))) == len(merged)


def test_store_and_every_dump_hold_exactly_the_nquads(nquads, release) -> None:
    """pyoxigraph canonicalises literals (xsd:positiveInteger -> xsd:integer, "05" -> "5"); the
    graph must use canonical forms only, so the store, the server and every dump agree."""
    expected = _ground(nquads)
    stored = _ground((q.subject, q.predicate, q.object) for q in release.store)
    assert stored == expected
    for name, fmt in (("kzmig.nt", "nt"), ("kzmig.ttl", "turtle"), ("kzmig.jsonld", "json-ld")):
        dump = _ground(_triples(release.dir / name, fmt))
        assert dump == expected, (name, sorted(map(str, dump ^ expected))[:5])


def test_jsonld_context_file_lists_the_prefixes(release) -> None:
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["eli"] == ELI
    assert context["kzo"] == "https://w3id.org/kzmig/ontology#"


def test_void_triple_count_matches_the_release(release) -> None:
    void = Graph().parse(release.dir / "void.ttl")
    stated = int(void.value(DATASET_IRI, VOID.triples))
    per_graph = {g.identifier: len(g) for g in release.dataset.graphs() if len(g)}
    assert RELEASE_GRAPH in per_graph
    assert stated == sum(per_graph.values()) == release.result.release.quads
    subsets = list(void.objects(DATASET_IRI, VOID.subset))
    declared = {void.value(s, KZO.namedGraph): int(void.value(s, VOID.triples)) for s in subsets}
    assert declared == per_graph


def test_void_distinct_counts_match_the_dumps(release) -> None:
    """distinctSubjects, properties and classes count what kzmig.nq holds, the release graph
    (the description itself) included, as void:triples does."""
    void = Graph().parse(release.dir / "void.ttl")
    quads = list(ox.parse(path=str(release.dir / "kzmig.nq"), format=ox.RdfFormat.N_QUADS))
    assert int(void.value(DATASET_IRI, VOID.distinctSubjects)) == len({q.subject for q in quads})
    assert int(void.value(DATASET_IRI, VOID.properties)) == len({q.predicate for q in quads})
    assert int(void.value(DATASET_IRI, VOID.classes)) == len(
        {q.object for q in quads if q.predicate.value == str(RDF.type)})


def test_void_records_the_reasoner_outcome(release) -> None:
    void = Graph().parse(release.dir / "void.ttl")
    ran = {o for o in void.objects(None, URIRef("https://w3id.org/kzmig/ontology#reasonerRan"))}
    assert ran == {Literal(release.result.reasoning.ran)}


def test_acts_are_explicitly_eli_legal_resources(release) -> None:
    rows = release.query(f"""
        SELECT (COUNT(?act) AS ?n) WHERE {{
          ?act a ?cls . ?cls <http://www.w3.org/2000/01/rdf-schema#subClassOf>+
               <https://w3id.org/kzmig/ontology#LegalAct> .
          FILTER NOT EXISTS {{ ?act a <{ELI}LegalResource> }} }}""")
    assert rows[0]["n"] == 0


def test_store_answers_sparql_over_all_graphs(release) -> None:
    rows = release.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows[0]["n"] == release.result.release.quads


def test_build_without_reasoner_says_so(tmp_path) -> None:
    from .conftest import DATA

    result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out",
                                       str(tmp_path / "dist"), "--no-reason"])
    assert result.exit_code == 0, result.output
    assert "NOT RUN" in result.output
    void = Graph().parse(tmp_path / "dist" / "void.ttl")
    assert Literal(False) in set(void.objects(None, URIRef(
        "https://w3id.org/kzmig/ontology#reasonerRan")))


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_command_formats(release, fmt: str) -> None:
    sparql = release.dir.parent / "count-by-graph.rq"
    sparql.write_text("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
                      "ORDER BY ?g", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(sparql), "--store", str(release.dir / "store"),
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["head"]["vars"] == ["g", "n"]
        assert any(b["g"]["value"].endswith("/graph/ontology") for b in data["results"]["bindings"])
    elif fmt == "csv":
        assert result.output.splitlines()[0] == "g,n"
    elif fmt == "tsv":
        assert result.output.splitlines()[0] == "?g\t?n"
    else:
        assert "/graph/ontology" in result.output and "row" in result.output


def test_bad_query_is_a_clear_error(release, tmp_path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(bad), "--store", str(release.dir / "store")])
    assert result.exit_code == 1
    assert "SPARQL syntax error" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("rdfxml", "xml"),
                                         ("jsonld", "json-ld"), ("nq", "nquads"), ("trig", "trig")])
def test_export_formats_round_trip(release, tmp_path, fmt: str, parser: str) -> None:
    out = tmp_path / f"export.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--store",
                                       str(release.dir / "store"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    count = len(_triples(out, parser))
    assert count > 1000


def test_stats_command(release) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(release.dir / "store")])
    assert result.exit_code == 0, result.output
    assert "named graphs" in result.output
    assert "eli:LegalResource" in result.output


def test_no_literal_is_a_python_repr(release) -> None:
    """A mapper that passes a langtext mapping to Literal() writes "{'en': ...}" into the graph."""
    leaked = sorted({f"{s} {p} {o[:60]}" for s, p, o, _g in release.dataset.quads((None, None, None, None))
                     if isinstance(o, Literal) and str(o).startswith(("{'", "['", "(\'"))})
    assert not leaked, leaked[:10]


def test_inconsistency_found_beside_shacl_fails_the_build(tmp_path, monkeypatch) -> None:
    """The consistency check runs in a forked process; its verdict still fails the build, and the
    previous release stays as it was."""
    from kzmig_kg.errors import InconsistentOntology
    from kzmig_kg.pipeline import build as build_module
    from kzmig_kg.pipeline.outdir import MARKER

    from .conftest import DATA

    def inconsistent(_dataset):
        raise InconsistentOntology("HermiT found the ontology plus data inconsistent (fixture)")

    monkeypatch.setattr(build_module, "check_consistency", inconsistent)
    out = tmp_path / "dist"
    out.mkdir()
    (out / "previous.txt").write_text("the previous release", encoding="utf-8")
    (out / MARKER).write_text('{"command": "build"}', encoding="utf-8")
    with pytest.raises(InconsistentOntology, match="fixture"):
        build_module.build_release(DATA, out, reason=True)
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "previous.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist.")] == [".dist.lock"]
