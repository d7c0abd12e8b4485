"""A pool of worker processes that run user SPARQL: ``WorkerPool.run(job, timeout_s)``.

pyoxigraph cannot cancel a running query (oxigraph/oxigraph#1926), so a query that passes its
deadline is stopped by killing the process that runs it; a fresh worker replaces it while the
other workers keep answering. Each worker opens the store read-only, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import anyio.to_thread

from ...query.dataset import names_dataset

if TYPE_CHECKING:
    from ...query.results import QueryResult


@dataclass(frozen=True)
class Job:
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


@dataclass
class Answer:
    status: int
    media: str = ""
    body: bytes = b""
    message: str = ""
    # when the job asked for ROWS: in the worker a tuple of QueryResult's fields (so that the
    # worker needs no rdflib), a QueryResult once received
    result: QueryResult | tuple | None = None


def _serve(store_dir: str, conn: Connection, prefixes: dict[str, str]) -> None:
    """The worker's loop: open the store, then answer jobs until the pipe closes."""
    import signal

    import pyoxigraph as ox

    # Ctrl-C in a terminal reaches the whole process group: the server stops its workers itself,
    # so a worker ignores it rather than die printing a KeyboardInterrupt traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    from .formats import TooLarge, serialize_answer

    try:
        try:
            store = ox.Store.read_only(store_dir)
        except OSError as exc:
            _send(conn, Answer(500, message=f"cannot open the store {store_dir}: {exc}"))
            return
        _send(conn, Answer(200, message="ready"))
        while True:
            job: Job = pickle.loads(conn.recv_bytes())
            _send(conn, _answer(store, job, prefixes, ox, TooLarge, serialize_answer))
    except (EOFError, OSError):   # the server has gone (stopped, or killed mid-start): end quietly
        return


def _send(conn: Connection, answer: Answer) -> None:
    conn.send_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def _receive(conn: Connection) -> Answer:
    """A worker's answer read in full (blocking)."""
    return pickle.loads(conn.recv_bytes())


def _answer(store, job: Job, prefixes, ox, too_large, serialize) -> Answer:
    kwargs: dict = {"prefixes": prefixes, "base_iri": job.base_iri}
    if job.default_graphs or job.named_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs] or None
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs] or None
        if not job.default_graphs:
            kwargs["default_graph"] = []
        if not job.named_graphs:
            kwargs["named_graphs"] = []
    else:
        kwargs["use_default_graph_as_union"] = not names_dataset(job.query)
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(name): term for name, term in job.substitutions}
    try:
        answer = store.query(job.query, **kwargs)
        if job.media == ROWS:
            return Answer(200, ROWS, result=_rows(answer, job.max_rows, ox, too_large))
        graph = isinstance(answer, ox.QueryTriples)
        media = job.graph_media if graph else job.media
        if not media:
            return Answer(406, message="no acceptable media type for this kind of answer; accept "
                                       + ("RDF (Turtle, N-Triples, RDF/XML, JSON-LD) for a "
                                          "CONSTRUCT or DESCRIBE" if graph else
                                          "SPARQL results (JSON, XML, CSV, TSV) for a SELECT"))
        body = serialize(answer, media, max_rows=job.max_rows, prefixes=prefixes)
    except SyntaxError as exc:
        return Answer(400, message=f"the query is not valid SPARQL 1.1: {_short(str(exc))}")
    except too_large as exc:
        return Answer(422, message=str(exc))
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Answer(500, message=f"the query failed: {' '.join(str(exc).split())[:300]}")
    if len(body) > job.max_bytes:
        return Answer(422, message=f"the answer is {len(body)} bytes, over this endpoint's limit of "
                                   f"{job.max_bytes}; add LIMIT or select fewer columns")
    return Answer(200, media, body)


def _rows(answer, max_rows: int, ox, too_large) -> tuple:
    """The answer as terms for a page (pyoxigraph's terms pickle), capped at ``max_rows``: the
    arguments of a ``QueryResult`` (kind, variables, rows, boolean, triples)."""
    if isinstance(answer, ox.QueryBoolean):
        return ("ask", [], [], bool(answer), [])
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            if len(rows) >= max_rows:
                raise too_large(f"the answer has more than {max_rows} rows, this server's limit")
            rows.append({name: solution[name] for name in variables})
        return ("select", variables, rows, None, [])
    triples = []
    for triple in answer:
        if len(triples) >= max_rows:
            raise too_large(f"the answer has more than {max_rows} triples, this server's limit")
        triples.append((triple.subject, triple.predicate, triple.object))
    return ("graph", [], [], None, triples)


REPLACE_ATTEMPTS = 5
READ_CHUNK = 65_536   # what one read of the pipe takes; a larger answer arrives over several


@dataclass
class _Worker:
    """A worker process and its end of the pipe. The server's event loop watches the pipe for
    the worker's whole life (registering it once, not once per query, saves three system calls
    and an allocation per query) and gathers each answer into ``buffer`` as it arrives."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    loop: asyncio.AbstractEventLoop | None = None   # the loop that watches the pipe, once it does
    waiting: asyncio.Future | None = None           # the answer of the job in progress
    buffer: bytearray = field(default_factory=bytearray)

    def watch(self) -> None:
        running = asyncio.get_running_loop()
        if self.loop is not running:   # (a pool used from another loop, as tests do)
            self.unwatch()
            self.loop = running
            running.add_reader(self.conn.fileno(), self._readable)

    def unwatch(self) -> None:
        if self.loop is not None:
            with contextlib.suppress(RuntimeError, ValueError, OSError):  # the loop has closed
                self.loop.remove_reader(self.conn.fileno())
            self.loop = None

    def _readable(self) -> None:
        try:
            data = os.read(self.conn.fileno(), READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:   # the worker died: whoever waits learns it now, not at the deadline
            self.unwatch()
            self._resolve(None)
            return
        self.buffer += data
        # multiprocessing's framing (Connection.send_bytes): a 4-byte big-endian length first
        if len(self.buffer) >= 4:
            size = int.from_bytes(self.buffer[:4], "big")
            if len(self.buffer) >= 4 + size:
                message = bytes(self.buffer[4:4 + size])
                del self.buffer[:4 + size]
                self._resolve(message)

    def _resolve(self, message: bytes | None) -> None:
        if self.waiting is not None and not self.waiting.done():
            self.waiting.set_result(message)


@dataclass
class WorkerPool:
    """``size`` processes, each with the store at ``store_dir`` open read-only."""

    store_dir: Path
    size: int = 2
    start_timeout_s: float = 60.0
    _idle: list[_Worker] = field(default_factory=list)
    _all: list[_Worker] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _available: asyncio.Semaphore | None = None
    _replacing: set = field(default_factory=set)
    _closed: bool = False
    _starting: set = field(default_factory=set)
    replaced: int = 0

    def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        for _ in range(self.size):
            self._idle.append(self._spawn())

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(str(self.store_dir), child, _prefixes()),
                                  daemon=True,
                                  name="kzmig-sparql-worker")
        with self._lock:
            if self._closed:
                raise RuntimeError("the server is stopping")
            process.start()
            # killed by close() if the server stops before it is ready (a replacement started
            # during shutdown would otherwise lose its parent mid-start and print a traceback)
            self._starting.add(process)
        child.close()
        worker = _Worker(process, parent)
        if not parent.poll(self.start_timeout_s):
            process.kill()
            raise RuntimeError(f"a SPARQL worker did not open the store within {self.start_timeout_s} s")
        try:
            hello = _receive(parent)
        except (EOFError, OSError):
            process.kill()
            raise RuntimeError("a SPARQL worker exited while opening the store") from None
        if hello.status != 200:
            process.kill()
            raise RuntimeError(hello.message)
        with self._lock:
            self._starting.discard(process)
            if not self._closed:
                self._all.append(worker)
                return worker
        # the pool closed while this worker started (a replacement during shutdown)
        process.kill()
        process.join(5)
        raise RuntimeError("the server is stopping")

    async def run(self, job: Job, timeout_s: float) -> Answer:
        """Run ``job`` on an idle worker; past ``timeout_s`` the worker is killed at once (the
        answer, 503, does not wait) and a fresh one takes its place in the background."""
        if self._available is None:
            self._available = asyncio.Semaphore(self.size)
        await self._available.acquire()
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is None:  # replacements failed to start (logged): the store is unreadable
            self._available.release()
            return Answer(503, message="no SPARQL worker is running: the server cannot open its "
                                       "store; see its log")
        answer = None
        cancelled = False
        try:
            answer = await _exchange(worker, job, timeout_s)
        except asyncio.CancelledError:
            cancelled = True
            raise
        finally:
            if answer is not None:
                with self._lock:
                    self._idle.append(worker)
                self._available.release()
            elif cancelled:   # the server is stopping: no replacement (it would outlive it)
                self._retire(worker)
                self._available.release()
            else:  # timed out, or died
                self._retire(worker)
                task = asyncio.get_running_loop().create_task(self._replace())
                self._replacing.add(task)
                task.add_done_callback(self._replacing.discard)
        if answer is not None and isinstance(answer.result, tuple):
            from ...query.results import QueryResult
            answer.result = QueryResult(*answer.result)
        if answer is None:
            return Answer(503, message=f"the query ran longer than {timeout_s:g} s, this endpoint's "
                                       "limit, and was stopped; narrow it or add LIMIT")
        return answer

    async def _replace(self) -> None:
        """Start a worker for a killed one (retrying a few times: the machine may be busy); its
        slot opens when the new worker is ready."""
        try:
            for attempt in range(1, REPLACE_ATTEMPTS + 1):
                if self._closed:
                    return
                try:
                    fresh = await anyio.to_thread.run_sync(self._spawn)
                except RuntimeError as exc:
                    if self._closed:
                        return
                    logging.getLogger("kzmig_kg.server").error(
                        "a SPARQL worker could not be started (attempt %d of %d): %s",
                        attempt, REPLACE_ATTEMPTS, exc)
                    await asyncio.sleep(1.0)
                    continue
                with self._lock:
                    self._idle.append(fresh)
                    self.replaced += 1
                return
        finally:
            self._available.release()

    def _retire(self, worker: _Worker) -> None:
        worker.unwatch()
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            for process in self._starting:
                process.kill()
        for worker in workers:
            self._retire(worker)
        self._idle.clear()


async def _exchange(worker: _Worker, job: Job, timeout_s: float) -> Answer | None:
    """Send the job and wait for the answer; None past the deadline or when the worker died."""
    try:
        worker.watch()
        worker.buffer.clear()
        worker.waiting = asyncio.get_running_loop().create_future()
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            worker.conn.send_bytes(data)
        except BlockingIOError:   # a long query over the socket's buffer: write it whole
            os.set_blocking(worker.conn.fileno(), True)
            try:
                worker.conn.send_bytes(data)
            finally:
                os.set_blocking(worker.conn.fileno(), False)
        message = await asyncio.wait_for(worker.waiting, timeout_s)
        return None if message is None else pickle.loads(message)
    except (TimeoutError, EOFError, OSError, pickle.UnpicklingError):
        return None
    finally:
        worker.waiting = None


def _prefixes() -> dict[str, str]:
    from ...namespaces import PREFIXES
    return {name: str(ns) for name, ns in PREFIXES.items()}


def _short(message: str, limit: int = 240) -> str:
    """One line; the parser's list of expected tokens cut short."""
    line = " ".join(message.split())
    return line if len(line) <= limit else line[:limit] + "..."
