"""The SPARQL worker pool itself, on asyncio's loop and on uvloop (the server's; its reader turns
the pipe non-blocking): answers of every size arrive whole (one written in two pieces, one larger
than the pipe's buffer, read in a thread), rows come back as the same terms as an in-process
query, and a worker killed at its deadline is replaced."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
import uvloop

from kzmig_kg.publish.server.formats import SPARQL_JSON, TURTLE
from kzmig_kg.publish.server.workers import READ_CHUNK, ROWS, Job, WorkerPool
from kzmig_kg.query.local import query_store

WORKER_MODULE = "kzmig_kg.publish.server.worker_process"
EVERY_TRIPLE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3000"
LOOPS = {"asyncio": asyncio.run, "uvloop": uvloop.run}


@pytest.fixture(scope="module")
def pool(release):
    started = WorkerPool(release.dir / "store", size=1)
    started.start()
    yield started
    started.close()


@pytest.mark.parametrize("loop", list(LOOPS))
@pytest.mark.parametrize("rows", [3, 150, 3000])   # one write; header and body apart; over several reads
def test_answers_of_every_size_arrive_whole(pool: WorkerPool, release, loop: str, rows: int) -> None:
    query = EVERY_TRIPLE.replace("LIMIT 3000", f"LIMIT {rows}")
    answer = LOOPS[loop](pool.run(Job(query, SPARQL_JSON, TURTLE), 30))
    assert answer.status == 200
    if rows == 3000:
        assert len(answer.body) > 4 * READ_CHUNK
    if rows == 150:
        assert 16_384 < len(answer.body) < READ_CHUNK
    bindings = json.loads(answer.body)["results"]["bindings"]
    expected = query_store(release.store, query)
    assert len(bindings) == len(expected.rows) == rows
    assert sorted((b["s"]["value"], b["p"]["value"], b["o"]["value"]) for b in bindings) == \
        sorted((row["s"].value, row["p"].value, row["o"].value) for row in expected.rows)


@pytest.mark.parametrize("loop", list(LOOPS))
def test_rows_come_back_as_the_same_terms(pool: WorkerPool, release, loop: str) -> None:
    answer = LOOPS[loop](pool.run(Job(EVERY_TRIPLE, ROWS, ""), 30))
    assert answer.status == 200 and answer.result is not None
    expected = query_store(release.store, EVERY_TRIPLE).rows
    assert sorted(map(str, answer.result.rows)) == sorted(map(str, expected))


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


@pytest.mark.parametrize("loop", list(LOOPS))
def test_a_job_longer_than_the_pipe_buffer_arrives_whole(pool: WorkerPool, loop: str) -> None:
    # a 200 kB comment: the job is written in several pieces as the worker reads them
    query = "# " + "x" * 200_000 + "\nASK { ?s ?p ?o }"
    answer = LOOPS[loop](pool.run(Job(query, SPARQL_JSON, ""), 30))
    assert answer.status == 200 and json.loads(answer.body)["boolean"] is True


def test_a_worker_imports_neither_the_web_stack_nor_rdflib(pool: WorkerPool) -> None:
    # what a worker process imports before it reads its first frame (stdin closed: it ends there)
    started = subprocess.run([sys.executable, "-X", "importtime", "-m", WORKER_MODULE],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert started.returncode == 0, started.stderr
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in started.stderr.splitlines() if line.startswith("import time:")}
    assert "pyoxigraph" in imported and "kzmig_kg" in imported
    assert not imported & {"rdflib", "starlette", "jinja2", "uvicorn", "anyio", "multiprocessing",
                           "pickle", "click", "asyncio"}
    # and the pool's workers are such processes
    assert WORKER_MODULE in Path(f"/proc/{pool._all[0].process.pid}/cmdline").read_text()


def test_predeclared_prefixes_apply_only_where_the_query_does_not_declare_its_own(pool) -> None:
    async def answers() -> list:
        return [await pool.run(Job(query, SPARQL_JSON, ""), 30) for query in (
            "SELECT ?n WHERE { ?act eli:number ?n } LIMIT 2",   # eli: predeclared by the server
            "PREFIX eli: <http://example.org/nothing#> SELECT ?n WHERE { ?act eli:number ?n }",
            "SELECT ?n WHERE { ?act nosuch:number ?n }")]

    predeclared, own, unknown = asyncio.run(answers())
    assert predeclared.status == 200 and len(json.loads(predeclared.body)["results"]["bindings"]) == 2
    assert own.status == 200 and json.loads(own.body)["results"]["bindings"] == []
    assert unknown.status == 400 and "not valid SPARQL" in unknown.message


def test_typed_terms_bound_as_parameters_cross_the_pipe_unchanged(pool, release) -> None:
    # a Russian label and a typed literal from the release, bound as parameters (a named-query
    # page's substitutions): the rows are those of the same query in this process
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    labels = query_store(release.store, "SELECT ?o WHERE { ?s ?p ?o FILTER(lang(?o) = 'ru') } "
                                        "LIMIT 1").rows
    numbers = query_store(release.store, "SELECT ?o WHERE { ?s ?p ?o FILTER(datatype(?o) = "
                                         "<http://www.w3.org/2001/XMLSchema#integer>) } LIMIT 1").rows
    for term in (labels[0]["o"], numbers[0]["o"]):
        answer = asyncio.run(pool.run(Job(query, ROWS, "", substitutions=(("o", term),)), 30))
        expected = query_store(release.store, query, {"o": term}).rows
        assert answer.status == 200 and expected
        assert sorted(map(str, answer.result.rows)) == sorted(map(str, expected))
