"""The pipeline: records -> RDF -> SHACL (beside the OWL consistency check) -> store -> release."""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from ..errors import InconsistentOntology, KzmigError, ValidationFailed
from ..mapping.schema import Record
from ..paths import SEARCH_INDEX
from .graph import build_graph
from .outdir import replace_output
from .reason import ReasoningResult, check_consistency, rule_check_store
from .reason import reasoner_heap as reasoner_heap_size
from .records import read_records
from .release import FILES, ReleaseInfo, StoreParts, start_store_parts, write_release
from .store import memory_store
from .stream import DEFAULT_CHUNK as STREAM_CHUNK
from .stream import stream_store
from .validate import ValidationReport, validate_graph, validate_store

Progress = Callable[[str], None]
T = TypeVar("T")


@dataclass
class StageMeasure:
    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0  # CPU time, its child processes' included: apart from the wall


@dataclass
class BuildResult:
    release: ReleaseInfo
    validation: ValidationReport
    reasoning: ReasoningResult
    records: int
    stages: dict[str, StageMeasure] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)


# what a release held before releases carried a marker: such a dist/ is replaced too
RELEASE_ENTRIES = frozenset({*FILES, "context.jsonld", "store", "void.ttl", "validation-report.ttl",
                             "validation-report.txt", "build-timings.json",
                             "kzmig-schemaorg.jsonld", "kzmig.sssom.ttl", SEARCH_INDEX})
# a build with fewer than this share of the previous release's records stops unless forced
FEWEST_RECORDS_SHARE = 0.5
# from this many records on, the build streams (stream.py): no whole-graph rdflib dataset, and
# the OWL 2 RL rules on the store instead of HermiT (which needs the rdflib dataset)
STREAM_RECORDS = 10_000
# processes that map the records of a streaming build (stream_workers.py): the target is wall time
# on a 2-core machine
MAPPING_WORKERS = min(2, os.cpu_count() or 1)
LOADED_NQUADS = ".kzmig-loaded.nq"


def build_release(data_dir: Path, out_dir: Path, *, progress: Progress | None = None,
                  reason: bool = True, measure_memory: bool = False,
                  force: bool = False, reasoner_heap: str | None = None,
                  stream: bool | None = None) -> BuildResult:
    """Run every stage; a failing stage raises and leaves ``out_dir`` as it was.

    ``stream`` maps the records chunk by chunk into the store (``stream.py``); by default the
    build streams from ``STREAM_RECORDS`` records on. Both give the same quads.

    ``out_dir`` is replaced only if it is a release written by an earlier build (see ``outdir``);
    with far fewer records than that release, the build stops unless ``force``.
    """
    with replace_output(Path(out_dir), "build", protected=(Path(data_dir),),
                        legacy=RELEASE_ENTRIES) as staging:
        result = _build(data_dir, staging.path, progress, reason, measure_memory,
                        previous=None if force else (staging.previous or {}).get("records"),
                        shown_out=Path(out_dir), reasoner_heap=reasoner_heap, stream=stream)
        staging.meta["records"] = result.records
    result.release.directory = Path(out_dir)
    return result


def _build(data_dir: Path, out_dir: Path, progress: Progress | None, reason: bool,
           measure_memory: bool, previous: int | None, shown_out: Path,
           reasoner_heap: str | None = None, stream: bool | None = None) -> BuildResult:
    say = progress or (lambda _msg: None)
    stages: dict[str, StageMeasure] = {}

    def stage(name: str, fn, *args, **kwargs):
        say(f"{name}...")
        if measure_memory:
            tracemalloc.start()
        start, cpu = time.perf_counter(), _cpu_seconds()
        value = fn(*args, **kwargs)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        peak = 0.0
        if measure_memory:
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        stages[name] = StageMeasure(seconds, peak, cpu)
        say(f"{name}: {seconds:.2f} s")
        return value

    if reason:
        reasoner_heap_size(reasoner_heap)  # a bad heap size fails before any work
    records = stage("records", read_records, Path(data_dir), MAPPING_WORKERS)
    if not records.records:
        raise KzmigError(f"{data_dir} holds no records; give the directory of the curated records "
                         "with --data")
    if previous and len(records.records) < FEWEST_RECORDS_SHARE * previous:
        raise KzmigError(f"{data_dir} gives {len(records.records)} records, far fewer than the "
                         f"{previous} of the release in {shown_out}; check --data, or pass --force "
                         "to replace that release")
    if stream is None:
        stream = len(records.records) >= STREAM_RECORDS
    kinds = Counter(record.kind for record in records.records)
    if stream:
        # on disk, where the release keeps it: the store is the build's largest object
        # the text loaded into the store, kept for the store parts' dumps (write_data_dumps)
        loaded = Path(out_dir) / LOADED_NQUADS if MAPPING_WORKERS > 1 else None
        store = stage("rdf", stream_store, records, STREAM_CHUNK, Path(out_dir) / "store",
                      MAPPING_WORKERS, loaded=loaded)
        # From here on the records only place SHACL findings, and at scale they are this
        # process's largest object (about 2 KB a record, 1.5 GB at 10 million triples): they are
        # dropped before the store parts fork, and read again only if SHACL finds something.
        records = _RecordsOnDemand(Path(data_dir))  # type: ignore[assignment]
        gc.collect()
        parts = None
        if MAPPING_WORKERS > 1:  # the release's parts that read the store, beside SHACL
            parts = start_store_parts(store, Path(out_dir), loaded)
        try:
            # the triples are counted from the merged N-Triples the store parts write
            validation = stage("shacl", validate_store, store, records, count_triples=parts is None)
            if not validation.conforms:
                raise ValidationFailed(validation.summary())
            if reason:
                reasoning = stage("reason", rule_check_store, store,
                                  "HermiT skipped: a streaming build has no rdflib graph to give it")
            else:
                reasoning = ReasoningResult(False, None, 0.0, 0, "skipped with --no-reason")
            result = _finish(stages, stage, store, validation, reasoning, kinds, out_dir, say,
                             parallel=MAPPING_WORKERS > 1, store_parts=parts)
        finally:
            if parts is not None:
                parts.stop()
        store.flush()
        del store  # closed before the release directory is renamed into place
        return result
    dataset = stage("rdf", build_graph, records)
    # The consistency check (its Python part and HermiT's Java) runs in a forked process beside
    # pyshacl, so the two use both cores without sharing a GIL. With --measure-memory the stages
    # run one after the other, since tracemalloc sees one process.
    reason_args = (dataset,) if reasoner_heap is None else (dataset, None, reasoner_heap)
    pending = (_Child(check_consistency, *reason_args)
               if reason and not measure_memory else None)
    try:
        validation = stage("shacl", validate_graph, dataset, records)
        if not validation.conforms:
            raise ValidationFailed(validation.summary())
        # converted while HermiT finishes, which takes longer than pyshacl
        store = stage("store", memory_store, dataset.quads((None, None, None, None)))
        if pending is not None:
            say("reason (started beside shacl)...")
            reasoning, seconds = pending.result()
            stages["reason"] = StageMeasure(seconds, 0.0)
            say(f"reason: {seconds:.2f} s")
        elif reason:
            reasoning = stage("reason", check_consistency, *reason_args)
        else:
            reasoning = ReasoningResult(False, None, 0.0, 0, "skipped with --no-reason")
    finally:
        if pending is not None:
            pending.stop()
    return _finish(stages, stage, store, validation, reasoning, kinds, out_dir, say)


def _finish(stages: dict[str, StageMeasure], stage: Callable[..., Any], store: ox.Store,
            validation: ValidationReport, reasoning: ReasoningResult, kinds: Counter[str],
            out_dir: Path, say: Progress, parallel: bool = False,
            store_parts: StoreParts | None = None) -> BuildResult:
    if not reasoning.ran:
        say(f"WARNING: {reasoning.summary()}")
    elif not reasoning.consistent:  # pragma: no cover - check_consistency raises instead
        raise InconsistentOntology(reasoning.summary())
    timings = {name: round(m.seconds, 3) for name, m in stages.items()}
    release = stage("release", write_release, store, validation, reasoning, Path(out_dir), timings,
                    parallel, store_parts)
    return BuildResult(release, validation, reasoning, sum(kinds.values()), stages, kinds)


class _RecordsOnDemand:
    """What SHACL's findings read of the records (``by_id``), read again from ``data_dir`` when
    first asked: a build that conforms never asks."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    @functools.cached_property
    def by_id(self) -> dict[str, Record]:
        return read_records(self._data_dir, MAPPING_WORKERS).by_id


def _cpu_seconds() -> float:
    """This process's CPU time and that of its children ended so far (the mapping workers, the
    release's forked writers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Child:
    """A function running in a forked process; ``result()`` returns (value, seconds) or raises."""

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        context = multiprocessing.get_context("fork")
        # the child's temporary files (HermiT's input) go here, removed by stop() even when the
        # child is killed before it could clean up
        self._work = tempfile.mkdtemp(prefix="kzmig-build-")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=self._run, args=(send, fn, args, self._work),
                                        daemon=True)
        self._process.start()
        send.close()

    @staticmethod
    def _run(send, fn: Callable[..., T], args: tuple, work: str) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's KeyboardInterrupt
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the group
        os.setpgrp()  # a group of its own, so that stop() also ends the Java it starts
        tempfile.tempdir = work
        start = time.perf_counter()
        try:
            outcome = ("ok", fn(*args), time.perf_counter() - start)
        except BaseException as error:  # sent to the parent, which raises it
            outcome = ("error", error, 0.0)
        send.send(outcome)
        send.close()

    def result(self) -> tuple[T, float]:
        try:
            status, value, seconds = self._receive.recv()
        except EOFError:
            raise KzmigError(f"the consistency check process died (exit code "
                             f"{self._process.exitcode}); run the build with --no-reason to "
                             "skip it, or check that Java runs") from None
        if status == "error":
            raise value
        return value, seconds

    def stop(self) -> None:
        if self._process.is_alive():
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except ProcessLookupError:  # not yet a group of its own
                self._process.kill()
        self._process.join()
        shutil.rmtree(self._work, ignore_errors=True)
