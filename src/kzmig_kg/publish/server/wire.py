"""What the server and its SPARQL worker processes say to each other over their pipes.

Every message is a frame: a 4-byte big-endian length, then that many bytes. A job is one JSON
object (``encode_job``/``decode_job``). An answer is a JSON header line, then the answer's bytes
as the client will receive them (``encode_answer``/``decode_answer``); an answer asked for as
terms (a named-query page) travels as SPARQL results JSON or N-Triples and is parsed back into
pyoxigraph terms by the server. Nothing is pickled: a frame is plain data, whichever side wrote it.
Imports only the standard library and pyoxigraph (a worker loads nothing else of the web stack).
"""

from __future__ import annotations

import json
import os
import select
import time
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

from .formats import term_json

if TYPE_CHECKING:
    from ...query.results import QueryResult

HEADER = 4
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


# a NamedTuple and a plain class, not dataclasses: those import inspect, 3 MB in every worker
class Job(NamedTuple):
    query: str
    media: str                      # the canonical media type chosen for each answer kind
    graph_media: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000
    max_bytes: int = 20_000_000
    base_iri: str | None = None     # relative IRIs resolve against the endpoint's address
    # a named query's parameters, bound as typed terms by pyoxigraph (never spliced into the text)
    substitutions: tuple[tuple[str, object], ...] = ()


ROWS = "application/x-kzmig-rows"   # a Job.media: the answer as terms (``Answer.result``), not bytes


class Answer:
    __slots__ = ("status", "media", "body", "message", "result")

    def __init__(self, status: int, media: str = "", body: bytes = b"", message: str = "",
                 result: QueryResult | None = None):
        self.status = status
        self.media = media
        self.body = body
        self.message = message
        self.result = result   # when the job asked for ROWS

    def __repr__(self) -> str:
        return f"Answer({self.status}, {self.media!r}, {len(self.body)} bytes, {self.message!r})"


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(HEADER, "big") + payload


def encode_job(job: Job) -> bytes:
    return frame(json.dumps({
        "q": job.query, "m": job.media, "g": job.graph_media, "d": job.default_graphs,
        "n": job.named_graphs, "r": job.max_rows, "b": job.max_bytes, "i": job.base_iri,
        # ASCII: a lone surrogate (which no UTF-8 request can carry) still crosses, as an escape
        "s": [(name, term_json(term)) for name, term in job.substitutions]}).encode())


def decode_job(payload: bytes) -> Job:
    fields = json.loads(payload)
    return Job(fields["q"], fields["m"], fields["g"], tuple(fields["d"]), tuple(fields["n"]),
               fields["r"], fields["b"], fields["i"],
               tuple((name, json_term(term)) for name, term in fields["s"]))


def encode_answer(status: int, media: str = "", body: bytes = b"", message: str = "",
                  kind: str = "") -> bytes:
    """``kind`` (select, ask, graph) marks an answer whose body carries terms (a ROWS job)."""
    head = json.dumps({"s": status, "m": media, "e": message, "k": kind}).encode()
    return frame(head + b"\n" + body)


def decode_answer(payload: bytes) -> Answer:
    head, _, body = payload.partition(b"\n")
    fields = json.loads(head)
    answer = Answer(fields["s"], fields["m"], body, fields["e"])
    if fields["k"]:
        answer.result = _terms(fields["k"], body)
        answer.body = b""
    return answer


def _terms(kind: str, body: bytes) -> QueryResult:
    from ...query.results import QueryResult
    if kind == "ask":
        return QueryResult("ask", boolean=body == b"true")
    if kind == "graph":
        return QueryResult("graph", triples=[(t.subject, t.predicate, t.object) for t in
                                             ox.parse(body, format=ox.RdfFormat.N_TRIPLES)])
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    variables = [v.value for v in solutions.variables]
    return QueryResult("select", variables, [{name: row[name] for name in variables}
                                              for row in solutions])


def json_term(found: dict[str, str]) -> Any:
    if found["type"] == "uri":
        return ox.NamedNode(found["value"])
    if found["type"] == "bnode":
        return ox.BlankNode(found["value"])
    if found["type"] == "literal":
        if "xml:lang" in found:
            return ox.Literal(found["value"], language=found["xml:lang"])
        return ox.Literal(found["value"], datatype=ox.NamedNode(found.get("datatype", XSD_STRING)))
    raise ValueError(f"a term of type {found['type']} cannot be bound as a parameter")


def read_frame(fd: int, deadline: float | None = None) -> bytes:
    """One whole frame from a blocking or non-blocking file descriptor, waiting at most until
    ``deadline`` (time.monotonic()). Raises EOFError when the other side has closed, TimeoutError
    past the deadline."""
    head = _read_exactly(fd, HEADER, deadline)
    return _read_exactly(fd, int.from_bytes(head, "big"), deadline)


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes:
    chunks, left = [], size
    while left:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
        try:
            chunk = os.read(fd, left)
        except BlockingIOError:
            continue
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    """All of ``data`` to a blocking file descriptor."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
