"""The SPARQL worker pool itself: an answer larger than the pipe's buffer arrives whole (it is
read in a thread, small ones on the event loop), rows come back as the same terms as an
in-process query, and a worker killed at its deadline is replaced."""

from __future__ import annotations

import asyncio
import json

import pytest

from kzmig_kg.publish.server.formats import SPARQL_JSON, TURTLE
from kzmig_kg.publish.server.workers import ROWS, SMALL_BYTES, Job, WorkerPool
from kzmig_kg.query.local import query_store

EVERY_TRIPLE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 3000"


@pytest.fixture(scope="module")
def pool(release):
    started = WorkerPool(release.dir / "store", size=1)
    started.start()
    yield started
    started.close()


def test_an_answer_larger_than_the_pipe_buffer_arrives_whole(pool: WorkerPool, release) -> None:
    answer = asyncio.run(pool.run(Job(EVERY_TRIPLE, SPARQL_JSON, TURTLE), 30))
    assert answer.status == 200 and len(answer.body) > 4 * SMALL_BYTES
    bindings = json.loads(answer.body)["results"]["bindings"]
    expected = query_store(release.store, EVERY_TRIPLE)
    assert len(bindings) == len(expected.rows) == 3000
    assert [b["s"]["value"] for b in bindings] == [row["s"].value for row in expected.rows]


def test_rows_come_back_as_the_same_terms(pool: WorkerPool, release) -> None:
    answer = asyncio.run(pool.run(Job(EVERY_TRIPLE, ROWS, ""), 30))
    assert answer.status == 200 and answer.result is not None
    assert answer.result.rows == query_store(release.store, EVERY_TRIPLE).rows


def test_a_worker_past_its_deadline_is_replaced(pool: WorkerPool) -> None:
    runaway = Job("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", SPARQL_JSON, "")

    async def scenario() -> tuple:
        stopped = await pool.run(runaway, 0.5)
        await asyncio.gather(*pool._replacing)   # the replacement's start
        assert pool.replaced == 1
        after = await pool.run(Job("ASK { ?s ?p ?o }", SPARQL_JSON, ""), 30)
        return stopped, after

    stopped, after = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert stopped.status == 503 and "0.5 s" in stopped.message
    assert after.status == 200 and json.loads(after.body)["boolean"] is True
