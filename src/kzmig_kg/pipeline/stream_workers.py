"""The streaming build's mapping on several cores: ``map_in_workers``.

The records are cut into slices of ``slice_size``; forked worker processes map them (slice ``i``
goes to worker ``i % workers``, the derived figures are one more slice) through the same mappers
and ``_ChunkDataset`` sinks as ``stream.stream_store``, and write each slice's quads as an N-Quads
file; the parent loads every file into the store as it arrives (the
loader is Rust, so it runs beside the workers) and deletes it. Up to ``loaders`` files load at
once, on threads of the parent: pyoxigraph's bulk load of one slice file keeps one core busy,
and at 10M triples the loads are most of the stage, so one loader left a core idle once the
workers were done. The store drops the quads that two
slices both wrote (a shared reference period), so the store is the serial build's.

The one mapping check that spans records, "one observation per data set and key", sees only a
worker's own slices: each worker sends the hashes of the observation IRIs it mapped, and when two
workers share one, or any worker found a problem, the records are mapped once more in this
process, serially and without a store, so that the errors are exactly the serial build's.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..errors import KzmigError
from ..mapping.context import MappingContext
from ..mapping.schema import RecordSet

# a worker that sends nothing for this long is taken as hung (a slice of a few thousand records
# takes seconds); the deadline is per message, not for the whole mapping
SILENCE_SECONDS = 600.0
POLL_SECONDS = 1.0
# slice files loaded into the store at once by default (threads of the parent, each a Rust load)
LOADERS = 2


def map_in_workers(records: RecordSet, ctx_template: MappingContext, load: Callable[[Path], None],
                   sinks_factory: Callable[[], Any], text_factory: Callable[[], Any],
                   workers: int, slice_size: int, work_parent: Path,
                   serial_errors: Callable[[], None], loaders: int = 1) -> None:
    """Map ``records`` in ``workers`` forked processes, calling ``load(path)`` in this process for
    every N-Quads file they write into a new directory under ``work_parent`` (removed after), on
    up to ``loaders`` threads at once (``load`` must then be safe to call from several threads).

    ``ctx_template`` carries what every worker shares (the passage IRIs); ``sinks_factory`` and
    ``text_factory`` make a worker's ``_ChunkDataset`` and ``_NQuadsText``;
    ``serial_errors()`` maps the records again serially and raises their ``RecordErrors``.
    """
    from .graph import map_derived, map_slice  # graph imports the kinds: kept out of import time

    total = len(records.records)
    slices = [(start, min(start + slice_size, total)) for start in range(0, total, slice_size)]
    tasks = len(slices) + 1  # the last one: the derived figures
    work_dir = Path(tempfile.mkdtemp(prefix=".kzmig-slices-", dir=work_parent))
    context = multiprocessing.get_context("fork")
    inbox = context.SimpleQueue()

    def run(worker: int) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its workers
        # No cyclic garbage collection in a worker: what it makes (rdflib terms, tuples, text)
        # holds no cycles and is dropped slice by slice, yet each full pass walked all of it
        # and the growing registries again (a third of the mapping's CPU at 1.1M triples); the
        # worker ends with os._exit.
        gc.disable()
        try:
            sinks, text = sinks_factory(), text_factory()
            ctx = MappingContext(records=records, dataset=sinks)  # type: ignore[arg-type]
            ctx._passages = ctx_template._passages
            for task in range(worker, tasks, workers):
                if task < len(slices):
                    map_slice(records, ctx, *slices[task])
                else:
                    map_derived(records, ctx)
                path = work_dir / f"slice-{task:06d}.nq"
                partial = path.with_name(f".{path.name}.partial")
                sinks.write_nquads(partial, text)
                os.replace(partial, path)
                inbox.put(("slice", task, str(path)))
            seen = getattr(ctx, "_kzmig_observation_iris", {})
            # by a file, not the queue: a pipe holds 64 KB, and a set of hashes larger than that
            # blocked this worker, and the other one's next message, until the parent had
            # loaded every slice it was sent (11 s of a worker's 26 s at 1.1M triples)
            hashes = work_dir / f"observations-{worker}.pickle"
            hashes.write_bytes(pickle.dumps({hash(str(iri)) for iri in seen}))
            inbox.put(("done", worker, len(ctx.errors), str(hashes)))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises it
            inbox.put(("error", worker, f"{type(error).__name__}: {error}"))
        finally:
            os._exit(0)  # no atexit handlers or finalisers of the parent's objects

    gc.collect()
    gc.freeze()  # the records stay in pages shared with the workers (no refcount-driven copies)
    processes = []
    pool: ThreadPoolExecutor | None = None
    loading: list[Future[None]] = []
    try:
        for worker in range(workers):
            process = context.Process(target=run, args=(worker,), daemon=True)
            process.start()
            processes.append(process)
        # made after the forks, so that no worker inherits a loader thread's state
        pool = ThreadPoolExecutor(max(1, loaders), thread_name_prefix="kzmig-load")
        finished: dict[int, tuple[int, set[int]]] = {}
        last = time.monotonic()
        while len(finished) < workers:
            if inbox.empty():
                if time.monotonic() - last > SILENCE_SECONDS:
                    raise KzmigError(f"a mapping worker sent nothing for {SILENCE_SECONDS:.0f} s; "
                                     "run the build again, or with --no-stream")
                dead = [p for w, p in enumerate(processes)
                        if w not in finished and p.exitcode is not None]
                if dead and inbox.empty():
                    raise KzmigError(f"a mapping worker died (exit code {dead[0].exitcode}); "
                                     "check the memory free, or run the build with --no-stream")
                time.sleep(POLL_SECONDS / 20)
                continue
            message = inbox.get()
            last = time.monotonic()
            if message[0] == "slice":
                loading.append(pool.submit(_load_and_remove, load, Path(message[2])))
                loading = _without_finished(loading)  # raises a load's error
            elif message[0] == "done":
                finished[message[1]] = (message[2], pickle.loads(Path(message[3]).read_bytes()))
            else:
                raise KzmigError(f"mapping worker {message[1]} failed: {message[2]}")
        for future in loading:
            future.result(timeout=SILENCE_SECONDS)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        if pool is not None:  # a load under way ends before its file is removed
            pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
        shutil.rmtree(work_dir, ignore_errors=True)
    errors = sum(count for count, _ in finished.values())
    hashes = [seen for _, seen in finished.values()]
    shared = any(a & b for i, a in enumerate(hashes) for b in hashes[i + 1:])
    if errors or shared:
        serial_errors()



def _load_and_remove(load: Callable[[Path], None], path: Path) -> None:
    load(path)
    path.unlink()


def _without_finished(loading: list[Future[None]]) -> list[Future[None]]:
    """The loads still under way; a finished one that failed raises its error here."""
    for future in loading:
        if future.done():
            future.result()
    return [future for future in loading if not future.done()]
