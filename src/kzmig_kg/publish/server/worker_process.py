"""One SPARQL worker process: ``python -m kzmig_kg.publish.server.worker_process``.

Started by ``workers.WorkerPool`` with its standard input and output as pipes: it reads a first
frame (the store's directory and the prefixes), opens the store read-only, answers "ready", then
answers jobs one at a time until its input closes (``wire`` says how frames look). It imports only
pyoxigraph and the few modules that serialise answers (no web stack, no rdflib, no
multiprocessing), so that each worker stays small: the server may be killing and starting them.
"""

from __future__ import annotations

import json
import os
import signal
from typing import Any

import pyoxigraph as ox

from ...query.dataset import names_dataset
from .formats import SPARQL_JSON, TooLarge, serialize_answer, serialize_rows
from .wire import ROWS, Job, decode_job, encode_answer, read_frame, write_all


def main() -> None:
    # Ctrl-C in a terminal reaches the whole process group: the server stops its workers itself,
    # so a worker ignores it rather than die printing a KeyboardInterrupt traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs, answers = 0, os.dup(1)
    os.dup2(2, 1)   # a stray print goes to the server's log, never into the answers' pipe
    try:
        config = json.loads(read_frame(jobs))
        try:
            store = ox.Store.read_only(config["store"])
        except OSError as exc:
            write_all(answers, encode_answer(500, message=f"cannot open the store "
                                                          f"{config['store']}: {exc}"))
            return
        write_all(answers, encode_answer(200, message="ready"))
        prefixes = config["prefixes"]
        while True:
            write_all(answers, answer(store, decode_job(read_frame(jobs)), prefixes))
    except (EOFError, OSError):   # the server has gone (stopped, or killed mid-start): end quietly
        return


def answer(store: ox.Store, job: Job, prefixes: dict[str, str]) -> bytes:
    """The framed answer to ``job``: its bytes, or a status and a one-line message."""
    kwargs: dict[str, Any] = {"base_iri": job.base_iri}
    if job.default_graphs or job.named_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    else:
        kwargs["use_default_graph_as_union"] = not names_dataset(job.query)
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(name): term for name, term in job.substitutions}
    try:
        try:
            # first without the predeclared prefixes: most queries use none of them, and pyoxigraph
            # takes a fifth of a simple query's time to read them; a prefixed name they would
            # declare fails to parse, and the query is then read with them (the same meaning)
            found = store.query(job.query, **kwargs)
        except SyntaxError:
            found = store.query(job.query, prefixes=prefixes, **kwargs)
        if job.media == ROWS:
            return _terms(found, job.max_rows)
        graph = isinstance(found, ox.QueryTriples)
        media = job.graph_media if graph else job.media
        if not media:
            return encode_answer(406, message="no acceptable media type for this kind of answer; "
                                 "accept " + ("RDF (Turtle, N-Triples, RDF/XML, JSON-LD) for a "
                                              "CONSTRUCT or DESCRIBE" if graph else
                                              "SPARQL results (JSON, XML, CSV, TSV) for a SELECT"))
        body = serialize_answer(found, media, max_rows=job.max_rows, prefixes=prefixes)
    except SyntaxError as exc:
        return encode_answer(400, message=f"the query is not valid SPARQL 1.1: {_short(str(exc))}")
    except TooLarge as exc:
        return encode_answer(422, message=str(exc))
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return encode_answer(500, message=f"the query failed: {' '.join(str(exc).split())[:300]}")
    if len(body) > job.max_bytes:
        return encode_answer(422, message=f"the answer is {len(body)} bytes, over this endpoint's "
                                          f"limit of {job.max_bytes}; add LIMIT or select fewer "
                                          "columns")
    return encode_answer(200, media, body)


def _terms(found: Any, max_rows: int) -> bytes:
    """The answer for a page, capped at ``max_rows``: SPARQL results JSON, a boolean, or
    N-Triples, which the server parses back into terms."""
    if isinstance(found, ox.QueryBoolean):
        return encode_answer(200, ROWS, b"true" if bool(found) else b"false", kind="ask")
    if isinstance(found, ox.QuerySolutions):
        variables = [v.value for v in found.variables]
        rows = []
        for solution in found:
            if len(rows) >= max_rows:
                raise TooLarge(f"the answer has more than {max_rows} rows, this server's limit")
            rows.append([solution[name] for name in variables])
        return encode_answer(200, ROWS, serialize_rows(variables, rows, SPARQL_JSON), kind="select")
    triples = []
    for triple in found:
        if len(triples) >= max_rows:
            raise TooLarge(f"the answer has more than {max_rows} triples, this server's limit")
        triples.append(triple)
    return encode_answer(200, ROWS, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"",
                         kind="graph")


def _short(message: str, limit: int = 240) -> str:
    """One line; the parser's list of expected tokens cut short."""
    line = " ".join(message.split())
    return line if len(line) <= limit else line[:limit] + "..."


if __name__ == "__main__":
    main()
