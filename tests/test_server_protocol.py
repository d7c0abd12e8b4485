"""The W3C SPARQL 1.1 Protocol and Service Description test suites (w3c/rdf-tests, vendored in
tests/conformance/w3c) run against the server through Starlette's TestClient.

The protocol suite's dataset tests need the kasei.us graphs: they are loaded into a throw-away
store, which the server then opens read-only like any release. What a read-only service cannot do
(the seven positive update tests) must be refused with 403 and leave the store unchanged; the
README lists them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from starlette.testclient import TestClient

from kzmig_kg.publish.server import create_app

W3C = Path(__file__).resolve().parent / "conformance" / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
# positive update tests: a read-only service answers 403 (SPARQL 1.1 Protocol §2.2 allows a
# service to refuse updates); listed in the README
READ_ONLY = {"update_dataset_default_graph", "update_dataset_default_graphs",
             "update_dataset_named_graphs", "update_dataset_full", "update_post_form",
             "update_post_direct", "update_base_uri"}


def _manifest() -> tuple[Graph, list[URIRef]]:
    graph = Graph().parse(W3C / "protocol" / "manifest.ttl", format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    return graph, list(Collection(graph, graph.value(manifest, MF.entries)))


MANIFEST, ENTRIES = _manifest()


@pytest.fixture(scope="module")
def kasei_client(tmp_path_factory: pytest.TempPathFactory):
    store_dir = tmp_path_factory.mktemp("kasei") / "store"
    store = ox.Store(str(store_dir))
    loaded = set()
    for data in MANIFEST.objects(None, UT.graphData):
        name = str(MANIFEST.value(data, RDFS.label))
        path = Path(str(MANIFEST.value(data, UT.graph)).removeprefix("file://"))
        if name in loaded:
            continue
        loaded.add(name)
        store.load(path=str(W3C / "protocol" / path.name), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(name))
    store.flush()
    del store
    app = create_app(store_dir, workers=1)
    with TestClient(app) as client:
        client.store_size = len(ox.Store.read_only(str(store_dir)))
        yield client


def _requests(test: URIRef) -> list[URIRef]:
    action = MANIFEST.value(test, MF.action)
    return list(Collection(MANIFEST, MANIFEST.value(action, HT.requests)))


def _send(client: TestClient, request: URIRef):
    method = str(MANIFEST.value(request, HT.methodName))
    path = str(MANIFEST.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    header_list = MANIFEST.value(request, HT.headers)
    if header_list is not None:
        for header in Collection(MANIFEST, header_list):
            headers[str(MANIFEST.value(header, HT.fieldName))] = str(MANIFEST.value(header, HT.fieldValue))
    content = None
    body = MANIFEST.value(request, HT.body)
    if body is not None:
        encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(MANIFEST.value(body, CNT.chars)).encode(encoding.lower())
    return client.request(method, path, headers=headers, content=content)


def _check(response, expected: URIRef) -> None:
    statuses = {str(s).rsplit("#", 1)[1] for s in MANIFEST.objects(expected, MF.expectedStatus)}
    family = f"StatusCode{response.status_code // 100}xx"
    assert family in statuses, f"{response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        assert response.text.count("\n") <= 1 and "Traceback" not in response.text
        return
    media = response.headers["content-type"].split(";")[0]
    expected_format = MANIFEST.value(expected, MF.expectedFormat)
    if expected_format is not None and str(expected_format) == "boolean":
        assert media == "application/sparql-results+json"
        wanted = MANIFEST.value(expected, MF.expectedBoolean)
        assert isinstance(response.json()["boolean"], bool)
        if wanted is not None:
            assert response.json()["boolean"] is (str(wanted) == "true")
    elif expected_format is not None and str(expected_format) == "tabular":
        assert media in {"application/sparql-results+json", "application/sparql-results+xml",
                         "text/csv", "text/tab-separated-values"}
        assert response.json()["results"]["bindings"] == [
            {"value": {"type": "literal", "value": "1",
                       "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
    elif expected_format is not None and str(expected_format) == "RDF":
        assert media in {"text/turtle", "application/n-triples", "application/rdf+xml",
                         "application/ld+json"}
        Graph().parse(data=response.content, format=media)  # DESCRIBE of an unknown IRI: empty


@pytest.mark.parametrize("test", ENTRIES, ids=[str(e).rsplit("#", 1)[1] for e in ENTRIES])
def test_w3c_protocol(kasei_client: TestClient, test: URIRef) -> None:
    name = str(test).rsplit("#", 1)[1]
    requests = _requests(test)
    if name in READ_ONLY:
        response = _send(kasei_client, requests[0])
        assert response.status_code == 403, response.text
        assert "read-only" in response.text
        assert kasei_client.post("/sparql", content="SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                                 headers={"content-type": "application/sparql-query"}
                                 ).json()["results"]["bindings"][0]["n"]["value"] == str(
            kasei_client.store_size)
        return
    for request in requests:
        response = _send(kasei_client, request)
        _check(response, MANIFEST.value(request, HT.resp))


def test_the_read_only_answers_are_the_manifests_update_tests() -> None:
    names = {str(e).rsplit("#", 1)[1] for e in ENTRIES}
    assert names >= READ_ONLY
    assert len(ENTRIES) == 34


@pytest.fixture(scope="module")
def description(kasei_client: TestClient) -> tuple[Graph, str]:
    response = kasei_client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    return Graph().parse(data=response.text, format="turtle"), str(kasei_client.base_url) + "/sparql"


def test_sd_returns_rdf(description: tuple[Graph, str]) -> None:
    graph, _ = description
    assert len(graph) > 10


def test_sd_has_endpoint_triple(description: tuple[Graph, str]) -> None:
    graph, endpoint = description
    assert (None, SD.endpoint, URIRef(endpoint)) in graph


def test_sd_conforms_to_schema(description: tuple[Graph, str]) -> None:
    graph, _ = description
    service = next(graph.subjects(RDF.type, SD.Service))
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.BasicFederatedQuery) not in graph
    dataset = graph.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in graph
    names = {str(graph.value(named, SD.name)) for named in graph.objects(dataset, SD.namedGraph)}
    assert "http://kasei.us/2009/09/sparql/data/data1.rdf" in names
    formats = set(graph.objects(service, SD.resultFormat))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats


def test_sd_in_every_rdf_format(kasei_client: TestClient) -> None:
    for media, fmt in (("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
                       ("application/ld+json", "json-ld")):
        response = kasei_client.get("/sparql", headers={"accept": media})
        assert response.headers["content-type"].startswith(media)
        graph = Graph().parse(data=response.text, format=fmt)
        assert (None, SD.endpoint, None) in graph, unquote(media)
