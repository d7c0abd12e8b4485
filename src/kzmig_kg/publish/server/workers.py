"""A pool of worker processes that run user SPARQL: ``WorkerPool.run(job, timeout_s)``.

pyoxigraph cannot cancel a running query (oxigraph/oxigraph#1926), so a query that passes its
deadline is stopped by killing the process that runs it; a fresh worker replaces it while the
other workers keep answering. Each worker (``worker_process``, started as a plain ``python -m``,
not by multiprocessing: no resource tracker beside it, nothing of the server imported into it)
opens the store read-only, once, and talks over two pipes in ``wire``'s frames.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import anyio
import anyio.to_thread

from .wire import HEADER, ROWS, Answer, Job, decode_answer, encode_job, frame, read_frame, write_all

__all__ = ["ROWS", "Answer", "Job", "WorkerPool"]

REPLACE_ATTEMPTS = 5
READ_CHUNK = 65_536   # what one read of the pipe takes; a larger answer arrives over several


@dataclass
class _Worker:
    """A worker process and its two pipes. The server's event loop watches the answers' pipe for
    the worker's whole life (registering it once, not once per query, saves three system calls
    and an allocation per query) and gathers each answer into ``buffer`` as it arrives."""

    process: subprocess.Popen
    jobs: int       # the pipe to the worker (its standard input), non-blocking
    answers: int    # the pipe from it (its standard output), non-blocking
    loop: asyncio.AbstractEventLoop | None = None   # the loop that watches the pipe, once it does
    waiting: asyncio.Future | None = None           # the answer of the job in progress
    buffer: bytearray = field(default_factory=bytearray)

    def watch(self) -> None:
        running = asyncio.get_running_loop()
        if self.loop is not running:   # (a pool used from another loop, as tests do)
            self.unwatch()
            self.loop = running
            running.add_reader(self.answers, self._readable)

    def unwatch(self) -> None:
        if self.loop is not None:
            with contextlib.suppress(RuntimeError, ValueError, OSError):  # the loop has closed
                self.loop.remove_reader(self.answers)
            self.loop = None

    def _readable(self) -> None:
        try:
            data = os.read(self.answers, READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:   # the worker died: whoever waits learns it now, not at the deadline
            self.unwatch()
            self._resolve(None)
            return
        self.buffer += data
        if len(self.buffer) >= HEADER:
            size = int.from_bytes(self.buffer[:HEADER], "big")
            if len(self.buffer) >= HEADER + size:
                message = bytes(self.buffer[HEADER:HEADER + size])
                del self.buffer[:HEADER + size]
                self._resolve(message)

    def _resolve(self, message: bytes | None) -> None:
        if self.waiting is not None and not self.waiting.done():
            self.waiting.set_result(message)

    def stop(self) -> None:
        self.unwatch()
        self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        for fd in (self.jobs, self.answers):
            with contextlib.suppress(OSError):
                os.close(fd)


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
        with self._lock:
            if self._closed:
                raise RuntimeError("the server is stopping")
            process = subprocess.Popen(
                [sys.executable, "-m", "kzmig_kg.publish.server.worker_process"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            # killed by close() if the server stops before it is ready (a replacement started
            # during shutdown would otherwise lose its parent mid-start and print a traceback)
            self._starting.add(process)
        assert process.stdin is not None and process.stdout is not None
        jobs, answers = os.dup(process.stdin.fileno()), os.dup(process.stdout.fileno())
        process.stdin.close()
        process.stdout.close()
        worker = _Worker(process, jobs, answers)
        try:
            write_all(jobs, frame(json.dumps({"store": str(self.store_dir),
                                              "prefixes": _prefixes()}).encode()))
            hello = decode_answer(read_frame(answers, time.monotonic() + self.start_timeout_s))
        except TimeoutError:
            worker.stop()
            raise RuntimeError(f"a SPARQL worker did not open the store within "
                               f"{self.start_timeout_s} s") from None
        except (EOFError, OSError):
            worker.stop()
            raise RuntimeError("a SPARQL worker exited while opening the store") from None
        if hello.status != 200:
            worker.stop()
            raise RuntimeError(hello.message)
        os.set_blocking(jobs, False)
        os.set_blocking(answers, False)
        with self._lock:
            self._starting.discard(process)
            if not self._closed:
                self._all.append(worker)
                return worker
        # the pool closed while this worker started (a replacement during shutdown)
        worker.stop()
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
        worker.stop()
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
    loop = asyncio.get_running_loop()
    try:
        worker.watch()
        worker.buffer.clear()
        worker.waiting = loop.create_future()
        deadline = loop.time() + timeout_s
        data = encode_job(job)
        try:
            sent = os.write(worker.jobs, data)
        except BlockingIOError:
            sent = 0
        if sent < len(data):   # a long query over the pipe's buffer: the rest as the worker reads
            await asyncio.wait_for(_write_rest(loop, worker.jobs, memoryview(data)[sent:]), timeout_s)
        # the deadline resolves the answer as None (cheaper than asyncio.wait_for's own task)
        timer = loop.call_at(deadline, _expire, worker.waiting)
        try:
            message = await worker.waiting
        finally:
            timer.cancel()
        return None if message is None else decode_answer(message)
    except (TimeoutError, EOFError, OSError, ValueError):
        return None
    finally:
        worker.waiting = None


def _expire(waiting: asyncio.Future) -> None:
    if not waiting.done():
        waiting.set_result(None)


async def _write_rest(loop: asyncio.AbstractEventLoop, fd: int, rest: memoryview) -> None:
    while rest:
        writable = loop.create_future()
        loop.add_writer(fd, writable.set_result, None)
        try:
            await writable
        finally:
            loop.remove_writer(fd)
        with contextlib.suppress(BlockingIOError):
            rest = rest[os.write(fd, rest):]


def _prefixes() -> dict[str, str]:
    from ...namespaces import PREFIXES
    return {name: str(ns) for name, ns in PREFIXES.items()}
