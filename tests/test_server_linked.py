"""Linked data and pages of the server on the session's release (Starlette TestClient): the 303
chain in every format for an act, an organisation, an observation and an ontology term, content
negotiation, ETag/304, 404s, VoID, dumps, the resource page with its passages' text, search and
named queries."""

from __future__ import annotations

import hashlib
import logging
import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from starlette.testclient import TestClient

from kzmig_kg.publish.server import create_app

from .conftest import SOURCES, passage_text

NS = "https://w3id.org/kzmig/"
ACT = "eli/kz/zakon/2011/477-IV"
ORG = "id/org/parliament"
OBS = "id/obs/ds-alshanskaya-azatbek-2022/foreign-workers-quota/KAZ/group-WORLD/total/2020"
FORMATS = {"text/turtle": ("ttl", "turtle"), "application/ld+json": ("jsonld", "json-ld"),
           "application/rdf+xml": ("rdf", "xml"), "application/n-triples": ("nt", "nt")}


@pytest.mark.parametrize("path", [ACT, ORG, OBS])
@pytest.mark.parametrize("media", list(FORMATS))
def test_303_to_a_data_document_in_each_format(client: TestClient, path: str, media: str) -> None:
    suffix, rdflib_format = FORMATS[media]
    first = client.get(f"/{path}", headers={"Accept": media})
    assert first.status_code == 303
    assert first.headers["location"] == f"/data/{path}.{suffix}"
    assert first.headers["vary"] == "Accept"
    assert all(f'type="{m}"' in first.headers["link"] for m in FORMATS)
    document = client.get(first.headers["location"])
    assert document.status_code == 200
    assert document.headers["content-type"].startswith(media)
    assert document.headers["access-control-allow-origin"] == "*"
    assert "max-age" in document.headers["cache-control"]
    graph = Graph().parse(data=document.content, format=rdflib_format)
    assert (URIRef(NS + path), RDF.type, None) in graph
    override = client.get(f"/{path}?format={suffix}", headers={"Accept": "text/html"})
    assert override.headers["location"] == f"/data/{path}.{suffix}"


@pytest.mark.parametrize("path", [ACT, ORG, OBS])
def test_303_to_the_page_for_a_browser(client: TestClient, path: str) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    first = client.get(f"/{path}", headers={"Accept": browser})
    assert first.status_code == 303 and first.headers["location"] == f"/page/{path}"
    page = client.get(first.headers["location"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert NS + path in page.text


def test_act_as_turtle_carries_the_documents_facts(client: TestClient) -> None:
    graph = Graph().parse(data=client.get(f"/data/{ACT}.ttl").text, format="turtle")
    act = URIRef(NS + ACT)
    assert str(graph.value(act, URIRef("http://data.europa.eu/eli/ontology#number"))) == "477-IV"
    assert str(graph.value(act, URIRef("http://data.europa.eu/eli/ontology#id_local"))) == "Z1100000477"


@pytest.mark.parametrize("path", [ACT, ORG, OBS])
def test_turtle_writes_no_escaped_local_names(client: TestClient, path: str) -> None:
    r"""An IRI whose local name would need a backslash escape (``kzd:org\/parliament``) is
    written in full, and the document holds the same triples as its N-Triples."""
    turtle = client.get(f"/data/{path}.ttl").text
    assert "\\/" not in turtle
    assert f"<{NS}{path}>" in turtle
    assert "kzo:" in turtle   # prefixes whose local names need no escape are still used
    as_turtle = Graph().parse(data=turtle, format="turtle")
    as_ntriples = Graph().parse(data=client.get(f"/data/{path}.nt").text, format="nt")
    assert len(as_turtle) > 5
    assert set(as_turtle) == set(as_ntriples)


def test_etag_and_304(client: TestClient) -> None:
    first = client.get(f"/data/{ORG}.ttl")
    tag = first.headers["etag"]
    again = client.get(f"/data/{ORG}.ttl", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = client.get(f"/data/{ORG}.nt", headers={"If-None-Match": tag})
    assert other.status_code == 200  # another representation, another tag
    page = client.get(f"/page/{ORG}")
    unchanged = client.get(f"/page/{ORG}", headers={"If-None-Match": page.headers["etag"]})
    assert unchanged.status_code == 304
    # a 304 carries the headers the full answer would have (RFC 9110 §15.4.5)
    for header in ("etag", "vary", "link", "cache-control"):
        assert unchanged.headers[header] == page.headers[header]
    assert unchanged.headers["link"].count('rel="alternate"') == 4
    ontology = client.get("/ontology.ttl")
    assert ontology.status_code == 200
    again = client.get("/ontology.ttl", headers={"If-None-Match": f'"x", {ontology.headers["etag"]}'})
    assert again.status_code == 304 and again.headers["link"] == ontology.headers["link"]
    assert client.get("/ontology.nt", headers={"If-None-Match": ontology.headers["etag"]}).status_code == 200


def test_unknown_iri_is_404_with_a_search_link(client: TestClient) -> None:
    for path in ("/id/org/no-such-body", "/eli/kz/zakon/1900/0", "/data/id/org/no-such-body.ttl",
                 "/page/id/org/no-such-body"):
        answer = client.get(path, headers={"Accept": "text/html"})
        assert answer.status_code == 404, path
        assert 'href="/search?q=' in answer.text
    assert client.get("/data/id/org/parliament.png").status_code == 404


def test_format_json_and_xml_name_the_resources_json_ld_and_rdf_xml(client: TestClient) -> None:
    for name, suffix in (("json", "jsonld"), ("xml", "rdf")):
        answer = client.get(f"/{ACT}", params={"format": name})
        assert answer.status_code == 303
        assert answer.headers["location"].endswith(f"/data/{ACT}.{suffix}")
        ontology = client.get("/ontology", params={"format": name})
        assert ontology.status_code == 200
        assert ontology.headers["content-type"].startswith(
            "application/ld+json" if name == "json" else "application/rdf+xml")


def test_406_when_no_format_fits(client: TestClient) -> None:
    answer = client.get(f"/{ACT}", headers={"Accept": "image/png"})
    assert answer.status_code == 406 and "text/turtle" in answer.text


@pytest.mark.parametrize("media", list(FORMATS))
def test_ontology_term_resolves_to_the_ontology_document(client: TestClient, media: str) -> None:
    suffix, rdflib_format = FORMATS[media]
    answer = client.get("/ontology", headers={"Accept": media})
    assert answer.status_code == 200 and answer.headers["vary"] == "Accept"
    graph = Graph().parse(data=answer.content, format=rdflib_format)
    assert (URIRef(NS + "ontology#Law"), RDF.type, None) in graph
    assert client.get(f"/ontology.{suffix}").content == answer.content


def test_ontology_html_has_an_anchor_per_term(client: TestClient) -> None:
    answer = client.get("/ontology", headers={"Accept": "text/html"})
    assert 'id="Law"' in answer.text and 'id="Passage"' in answer.text


def test_void_and_dumps_with_checksums(client: TestClient, release) -> None:
    void = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    graph = Graph().parse(data=void.text, format="nt")
    assert (None, RDF.type, URIRef("http://rdfs.org/ns/void#Dataset")) in graph
    listing = client.get("/dist/?format=sha256").text
    expected = hashlib.sha256((release.dir / "kzmig.nq").read_bytes()).hexdigest()
    assert f"{expected}  kzmig.nq" in listing
    dump = client.get("/dist/kzmig.nq")
    assert hashlib.sha256(dump.content).hexdigest() == expected
    assert client.get("/dist/../store").status_code == 404


def test_resource_page_quotes_its_passages(client: TestClient) -> None:
    page = client.get(f"/page/{ACT}").text
    # the act rests on lines 469-472 of the thesis: the page quotes them with line numbers
    assert '<span class="ln">469</span>' in page
    assert passage_text(469, 469).split()[0] in page
    assert "On Population Migration" in page
    assert 'href="/id/org/parliament"' in page  # passed by


def test_resource_page_labels_follow_accept_language(client: TestClient) -> None:
    assert "<h1>Парламент Республики Казахстан</h1>" in client.get(
        f"/page/{ORG}", headers={"Accept-Language": "ru,en;q=0.5"}).text
    assert "<h1>Қазақстан Республикасының Парламенті</h1>" in client.get(
        f"/page/{ORG}", headers={"Accept-Language": "kk"}).text
    assert "<h1>Parliament of the Republic of Kazakhstan</h1>" in client.get(f"/page/{ORG}").text


def test_resource_page_renders_what_show_describes(client: TestClient, release) -> None:
    from markupsafe import escape

    from kzmig_kg.query.show import describe

    for path, languages, header in ((ACT, ("en", "ru", "kk"), "en"), (ORG, ("ru", "en", "kk"), "ru")):
        shown = describe(NS + path, store=release.store, sources_dir=SOURCES, languages=languages)
        page = client.get(f"/page/{path}", headers={"Accept-Language": header}).text
        assert f"<h1>{escape(shown.label)}</h1>" in page
        for prop in shown.properties:
            assert f'title="{prop.predicate}">{escape(prop.label)}</a>' in page
            for value in prop.values:
                assert escape(value.text) in page
        for link in shown.incoming:
            assert f"<th>{escape(link.label)}</th>" in page
        for passage in shown.passages:
            assert f'<span class="ln">{passage.first_line}</span>' in page


def test_incoming_links_counted_and_paged(client: TestClient, release) -> None:
    page = client.get("/page/code/country-KAZ").text
    assert "Linked from" in page
    prop = "https://w3id.org/kzmig/ontology#basedIn"
    based_in = release.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s kzo:basedIn "
                             "<https://w3id.org/kzmig/code/country-KAZ> }")[0]["n"]
    assert f"{based_in} resources" in page
    pages = -(-based_in // 25)
    seen = []
    for number in range(1, pages + 1):
        listing = client.get("/page/code/country-KAZ", params={"incoming": prop, "page": number}).text
        assert f"page {number} of {pages}" in listing
        section = listing.split('class="subjects"', 1)[1].split("</ul>", 1)[0]
        seen += re.findall(r'href="([^"]+)"', section)
    assert len(seen) == len(set(seen)) == based_in
    assert "/id/org/parliament" in seen


def test_search_finds_quota_resources_and_queries(client: TestClient) -> None:
    # the release's full-text index (query.search, issue #15): what the experts said about quotas
    page = client.get("/search", params={"q": "quota"}).text
    assert 'href="/code/study-problems/problem-labour-quotas"' in page
    assert 'href="/id/finding/finding-quotas-protect-market"' in page
    assert '<span class="kind">finding</span>' in page and "<mark>" in page
    queries = client.get("/search", params={"q": "national balance"}).text
    assert 'href="/queries/rq-national-balance"' in queries
    assert client.get("/search", params={"q": "<script>"}).text.count("<script>") == 0


def test_named_query_form_table_and_downloads(client: TestClient) -> None:
    form = client.get("/queries/acts-by-number").text
    assert 'name="number"' in form and 'value="477-IV"' in form
    table = client.get("/queries/acts-by-number", params={"number": "477-IV", "run": "1"}).text
    assert f'href="/{ACT}"' in table
    for fmt, media in (("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                       ("json", "application/sparql-results+json"),
                       ("xml", "application/sparql-results+xml")):
        answer = client.get(f"/queries/acts-by-number.{fmt}", params={"number": "477-IV"})
        assert answer.headers["content-type"].startswith(media)
        assert "477-IV" in answer.text
    bad = client.get("/queries/acts-by-year-and-type", params={"run": "1"})
    assert bad.status_code == 404
    wrong = client.get("/queries/flows-partner-series", params={"from": "twenty", "run": "1"})
    assert wrong.status_code == 400 and "from" in wrong.text and "twenty" in wrong.text


def test_named_query_pages_check_parameters_and_carry_the_notes(client: TestClient) -> None:
    by_name = client.get("/queries/stats-country-series",
                         params={"country": "Uzbekistan", "run": "1"})
    assert by_name.status_code == 200 and "UZB" in by_name.text
    miss = client.get("/queries/stats-country-series", params={"country": "Uzbekstan", "run": "1"})
    assert miss.status_code == 400 and "Uzbekistan" in miss.text   # the closest match named
    remembered = client.app.state.param_cache.get(
        ("params", "stats-country-series", (("country", "Uzbekstan"),)))
    assert "Uzbekistan" in str(remembered)   # the verdict is kept: the release never changes
    again = client.get("/queries/stats-country-series", params={"country": "Uzbekstan", "run": "1"})
    assert again.status_code == 400 and again.text == miss.text
    outside = client.get("/queries/flows-partner-series", params={"from": "1850", "to": "1900",
                                                                   "run": "1"})
    assert outside.status_code == 400 and "outside the graph&#39;s coverage" in outside.text
    noted = client.get("/queries/rq-national-balance", params={"run": "1"}).text
    assert ('role="note">Note: 2021 EMI: the national total 26717 is also the document&#39;s '
            'figure for RUS that year') in noted
    assert 'role="note"' not in client.get("/queries/acts-by-number",
                                           params={"number": "477-IV", "run": "1"}).text


def test_a_named_query_link_with_parameters_runs_and_refuses_a_misspelt_name(
        client: TestClient) -> None:
    linked = client.get("/queries/stats-country-series", params={"country": "Uzbekistan"})
    assert linked.status_code == 200 and "10 rows" in linked.text and "35795" in linked.text
    misspelt = client.get("/queries/stats-country-series", params={"contry": "UZB"})
    assert misspelt.status_code == 400 and "has no parameter contry" in misspelt.text
    assert "did you mean country?" in misspelt.text
    download = client.get("/queries/stats-country-series.csv", params={"contry": "UZB"})
    assert download.status_code == 400 and "did you mean country?" in download.text


def test_home_counts_kinds(client: TestClient, release) -> None:
    page = client.get("/").text
    laws = release.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kzo:Law }")[0]["n"]
    assert f"<td class=\"n\">{laws}</td>" in page
    assert "Legal acts" in page and "/queries/acts-by-number" in page


def test_access_log_line_per_request(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kzmig_kg.server.access"):
        client.get("/id/org/no-such-body")
    line = [r.getMessage() for r in caplog.records if r.name == "kzmig_kg.server.access"][-1]
    assert '"GET /id/org/no-such-body" 404' in line and line.endswith("ms")


def test_cors_preflight(client: TestClient) -> None:
    answer = client.options("/sparql", headers={"Origin": "https://example.org",
                                                "Access-Control-Request-Method": "POST"})
    assert answer.status_code == 204
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "POST" in answer.headers["access-control-allow-methods"]


def test_serve_without_a_store_is_one_line(tmp_path) -> None:
    from click.testing import CliRunner

    from kzmig_kg.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {tmp_path / 'none'}: no store there; run `kzmig-kg build` first or pass --store DIR"]


def test_base_with_a_path_serves_the_iris_under_it(release) -> None:
    app = create_app(release.dir / "store", workers=1, base="http://127.0.0.1:8000/kzmig/")
    with TestClient(app, follow_redirects=False) as prefixed:
        first = prefixed.get(f"/kzmig/{ACT}", headers={"Accept": "text/turtle"})
        assert first.status_code == 303 and first.headers["location"] == f"/kzmig/data/{ACT}.ttl"
        document = prefixed.get(first.headers["location"])
        assert (URIRef(NS + ACT), RDF.type, None) in Graph().parse(data=document.text, format="turtle")
        description = prefixed.get("/kzmig/sparql", headers={"Accept": "text/turtle"}).text
        assert "<http://127.0.0.1:8000/kzmig/sparql>" in description
        assert prefixed.get("/kzmigx/id/org/parliament").status_code == 404
