"""Named-query pages run on the killable worker pool under /sparql's limits: a runaway named query
answers 503 within its limit plus one second while another client is answered; the row cap and
the answer cache apply to pages and downloads alike."""

from __future__ import annotations

import threading
import time

import pytest
from starlette.testclient import TestClient

from kzmig_kg.publish.server import create_app
from kzmig_kg.publish.server.settings import ServerSettings
from kzmig_kg.query.named import parse_named_query

TIMEOUT_S = 1.0
RUNAWAY = parse_named_query("test/runaway", None, """\
# title: Every triple against every triple against every triple
# param: year xsd:gYear 2011 -- any year: the query ignores it and never ends
SELECT ?year (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?year
""")
ASK_LAW = parse_named_query("test/any-law", None, """\
# title: Is there a law?
ASK { ?act a <https://w3id.org/kzmig/ontology#Law> }
""")


@pytest.fixture(scope="module")
def client(release):
    settings = ServerSettings(release.dir / "store", workers=2, timeout_s=TIMEOUT_S, max_rows=5)
    app = create_app(release.dir / "store", settings=settings)
    with TestClient(app) as test_client:
        app.state.named_queries[RUNAWAY.name] = RUNAWAY
        app.state.named_queries[ASK_LAW.name] = ASK_LAW
        yield test_client


def test_a_runaway_named_query_page_is_stopped_while_others_are_answered(client: TestClient,
                                                                         release) -> None:
    laws = str(len(release.query("SELECT ?s WHERE { ?s a kzo:Law }")))
    pool = client.app.state.pool
    replaced_before = pool.replaced
    stopped: dict[str, tuple[int, str, float]] = {}

    def run_away() -> None:
        started = time.monotonic()
        answer = client.get("/queries/test/runaway", params={"year": "1999", "run": "1"})
        stopped["page"] = (answer.status_code, answer.text, time.monotonic() - started)

    thread = threading.Thread(target=run_away)
    thread.start()
    answered = 0
    while thread.is_alive() and answered < 100:
        # a new text each time, so the second worker answers, not the answer cache
        other = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a kzo:Law }} "
                                                       f"# {answered}"},
                           headers={"Accept": "application/sparql-results+json"})
        assert other.status_code == 200 and other.json()["results"]["bindings"][0]["n"]["value"] == laws
        answered += 1
    thread.join(30)
    status, page, elapsed = stopped["page"]
    assert status == 503 and "was stopped" in page and "1 s" in page
    assert "<form" in page  # the page with its form, so the reader can change the parameters
    assert TIMEOUT_S <= elapsed < TIMEOUT_S + 1
    assert answered >= 1
    # the killed worker is replaced and the pages answer again
    deadline = time.monotonic() + 30
    while pool.replaced == replaced_before and time.monotonic() < deadline:
        thread.join(0.05)
    assert pool.replaced == replaced_before + 1
    again = client.get("/queries/acts-by-number", params={"number": "438-V", "run": "1"})
    assert again.status_code == 200 and 'href="/eli/kz/konst-zakon/2015/438-V"' in again.text


def test_a_runaway_download_is_stopped_too(client: TestClient) -> None:
    started = time.monotonic()
    answer = client.get("/queries/test/runaway.csv", params={"year": "2000"})
    assert answer.status_code == 503 and "was stopped" in answer.text
    assert time.monotonic() - started < TIMEOUT_S + 1


def test_the_row_cap_applies_to_named_query_pages(client: TestClient, release) -> None:
    laws = int(release.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kzo:Law }")[0]["n"])
    assert laws > 5
    page = client.get("/queries/acts-in-force", params={"run": "1"})
    assert page.status_code == 422 and "more than 5 rows" in page.text
    download = client.get("/queries/acts-in-force.json")
    assert download.status_code == 422 and "more than 5 rows" in download.text


def test_a_named_query_page_is_answered_from_the_cache_the_second_time(client: TestClient) -> None:
    params = {"number": "477-IV", "run": "1"}
    first = client.get("/queries/acts-by-number", params=params).text
    cache = client.app.state.answer_cache
    size = len(cache._entries)
    assert client.get("/queries/acts-by-number", params=params).text == first
    assert len(cache._entries) == size


def test_a_yes_no_query_answers_on_its_page_and_has_no_table_to_download(client: TestClient) -> None:
    page = client.get("/queries/test/any-law")
    assert page.status_code == 200 and "Answer: <strong>yes</strong>" in page.text
    download = client.get("/queries/test/any-law.csv")
    assert download.status_code == 400 and "does not give a table" in download.text
