"""The release's named-graph IRIs resolve on the server (Starlette TestClient on the session's
release): each format by Accept and by suffix, a page for a browser, ETag/304, 404 for a graph
the release does not hold; and plain JSON/XML clients get JSON-LD/RDF-XML for a resource."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from starlette.testclient import TestClient

NS = "https://w3id.org/kzmig/"
ACTS_GRAPH = "graph/records/legal/acts"
FORMATS = {"text/turtle": ("ttl", "turtle"), "application/ld+json": ("jsonld", "json-ld"),
           "application/rdf+xml": ("rdf", "xml"), "application/n-triples": ("nt", "nt")}


@pytest.fixture(scope="module")
def dataset(release) -> Dataset:
    return Dataset().parse(release.dir / "kzmig.nq", format="nquads")


@pytest.fixture(scope="module")
def acts_graph(dataset: Dataset) -> Graph:
    return dataset.graph(URIRef(NS + ACTS_GRAPH))


@pytest.mark.parametrize("media", list(FORMATS))
def test_a_named_graph_iri_answers_the_graph_in_each_format(client: TestClient, acts_graph: Graph,
                                                           media: str) -> None:
    suffix, rdflib_format = FORMATS[media]
    by_accept = client.get(f"/{ACTS_GRAPH}", headers={"Accept": media})
    assert by_accept.status_code == 200
    assert by_accept.headers["content-type"].startswith(media)
    assert by_accept.headers["vary"] == "Accept"
    assert all(f'type="{m}"' in by_accept.headers["link"] for m in FORMATS)
    served = Graph().parse(data=by_accept.content, format=rdflib_format)
    assert len(served) == len(acts_graph) > 1000
    assert set(served.subjects()) == set(acts_graph.subjects())
    by_suffix = client.get(f"/{ACTS_GRAPH}.{suffix}", headers={"Accept": "text/html"})
    assert by_suffix.status_code == 200 and by_suffix.content == by_accept.content


def test_a_browser_gets_a_page_of_the_graphs_subjects(client: TestClient, acts_graph: Graph) -> None:
    page = client.get(f"/{ACTS_GRAPH}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f"{len(acts_graph):,} triples" in page.text
    assert 'href="/eli/kz/zakon/2011/477-IV"' in page.text
    assert f'href="/{ACTS_GRAPH}.ttl"' in page.text
    assert client.get(f"/{ACTS_GRAPH}?page=x").status_code == 400


def test_a_graph_answer_is_cached_by_etag(client: TestClient) -> None:
    first = client.get(f"/{ACTS_GRAPH}.nt")
    again = client.get(f"/{ACTS_GRAPH}.nt", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and not again.content


def test_a_graph_the_release_does_not_hold_is_404_with_a_search_link(client: TestClient) -> None:
    answer = client.get("/graph/records/legal/no-such-graph", headers={"Accept": "text/turtle"})
    assert answer.status_code == 404
    assert "/search?q=" in answer.text


def test_every_graph_of_the_release_resolves(client: TestClient, dataset: Dataset) -> None:
    graphs = sorted(str(g.identifier) for g in dataset.graphs() if str(g.identifier).startswith(NS))
    assert len(graphs) > 40
    for iri in graphs:
        answer = client.get("/" + iri[len(NS):] + ".nt")
        assert answer.status_code == 200, iri
        assert len(Graph().parse(data=answer.content, format="nt")) == len(dataset.graph(URIRef(iri)))


@pytest.mark.parametrize(("accept", "media"), [("application/json", "application/ld+json"),
                                               ("application/xml", "application/rdf+xml"),
                                               ("text/xml", "application/rdf+xml")])
def test_plain_json_and_xml_clients_get_json_ld_and_rdf_xml(client: TestClient, accept: str,
                                                            media: str) -> None:
    act = client.get("/eli/kz/zakon/2011/477-IV", headers={"Accept": accept})
    assert act.status_code == 303
    assert act.headers["location"].endswith("." + FORMATS[media][0])
    graph = client.get(f"/{ACTS_GRAPH}", headers={"Accept": accept})
    assert graph.status_code == 200 and graph.headers["content-type"].startswith(media)


def test_a_browser_accept_header_still_gets_html(client: TestClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get(f"/{ACTS_GRAPH}", headers={"Accept": browser}).headers[
        "content-type"].startswith("text/html")
