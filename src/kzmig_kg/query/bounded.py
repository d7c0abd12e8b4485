"""A local query with a deadline: ``stream_query(store_dir, query, bound, fmt, write, ...)``.

pyoxigraph cannot cancel a running query, so the query runs in a forked worker process that opens
the store read-only; the parent only relays the worker's output and kills it when ``timeout``
passes or on Ctrl-C (or SIGTERM), within half a second however busy the engine is. Rows are
formatted and sent in batches as the engine yields them, so the first rows print before the last
are computed and memory does not grow with the answer; the table format, which needs every
width, keeps at most ``max_rows`` rows.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import signal
import time
from collections.abc import Callable, Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import PREFIXES
from ..pipeline.store import open_store
from .dataset import names_dataset
from .named import Term, syntax_error_message
from .passage_text import PassageRef
from .results import QueryResult, _json_results, format_result
from .row_passages import NO_PASSAGES, passage_lines, row_passages

BATCH = 500
PASSAGES_NEED_SELECT = "--passages needs a SELECT query (its rows get the passages)"
POLL_SECONDS = 0.25
UPDATE_REFUSED = "kzmig-kg query runs read-only queries; updates are refused"
_PROLOGUE = re.compile(r"(?is)(?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)")
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                 "WITH"}


def refuse_update(text: str, source: str) -> None:
    """Raise the one-line refusal when ``text`` is a SPARQL Update rather than a query."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    word = re.match(r"[A-Za-z]+", text[position:])
    if word and word.group(0).upper() in _UPDATE_WORDS:
        raise QueryError(f"{source}: {UPDATE_REFUSED}")


def stream_query(store_dir: Path, text: str, bound: dict[str, Term], fmt: str,
                 write: Callable[[str], None], *, source: str = "query", timeout: float = 60.0,
                 max_rows: int = 1000, passages: bool = False,
                 sources_dir: Path | None = None, note: Callable[[str], None] | None = None) -> int:
    """Run ``text`` on the store in ``store_dir`` in a worker, passing its output to ``write``;
    return the number of rows (or triples). Raises ``QueryError`` when ``timeout`` passes.
    With ``passages`` each row of a SELECT gets the text of its passages (``row_passages``,
    the documents read from ``sources_dir``): a ``passage_text`` column, or in a table the
    passages printed under it; when no row has any, ``note`` is told so."""
    refuse_update(text, source)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, daemon=True,
                             args=(send, Path(store_dir), text, bound, fmt, source, max_rows,
                                   (sources_dir,) if passages else None))
    deadline = time.monotonic() + timeout
    try:
        _start_holding_signals(worker)
        send.close()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise QueryError(f"{source}: stopped after {timeout:g} s (--timeout); narrow the "
                                 "query (a LIMIT, fewer joins) or raise --timeout")
            if not receive.poll(min(remaining, POLL_SECONDS)):
                continue
            try:
                kind, payload = receive.recv()
            except EOFError:
                worker.join(1)
                raise QueryError(f"{source}: the query process ended unexpectedly (exit code "
                                 f"{worker.exitcode}); the store or the memory may be "
                                 "exhausted") from None
            if kind == "out":
                write(payload)
            elif kind == "note":
                if note is not None:
                    note(payload)
            elif kind == "error":
                raise QueryError(payload)
            else:
                return int(payload)
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()


def _start_holding_signals(worker: BaseProcess) -> None:
    """Start the worker with Ctrl-C and SIGTERM held back until it has started, then delivered,
    so that the caller always knows the worker it must kill. A handler that only records is used
    rather than a signal mask, because a mask is per thread and a library thread of this process
    (RocksDB's, once a store was opened) would take the signal and run Python's handler anyway."""
    stops = (signal.SIGINT, signal.SIGTERM)
    held: list[int] = []
    previous = {stop: signal.signal(stop, lambda number, _frame: held.append(number))
                for stop in stops}
    try:
        worker.start()
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
        for number in held[:1]:
            signal.raise_signal(number)


def _work(send, store_dir: Path, text: str, bound: dict[str, Term], fmt: str, source: str,
          max_rows: int, passages: tuple[Path | None] | None) -> None:
    # the parent decides when to stop; its signal handlers (KeyboardInterrupt) would go unheard
    # while the engine computes, so Ctrl-C or SIGTERM reaching the worker end it at once
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        count = 0
        for kind, payload in _answer(store_dir, text, bound, fmt, source, max_rows, passages):
            send.send((kind, payload))
            count = payload if kind == "count" else count
        send.send(("done", count))
    except QueryError as error:
        send.send(("error", str(error)))
    except Exception as error:  # noqa: BLE001 - any failure of the engine, as one line
        send.send(("error", f"{source}: query failed: {error}"))
    finally:
        send.close()


def _answer(store_dir: Path, text: str, bound: dict[str, Term], fmt: str, source: str,
            max_rows: int, passages: tuple[Path | None] | None) -> Iterator[tuple[str, Any]]:
    store = open_store(store_dir)
    substitutions = {ox.Variable(name): term for name, term in bound.items()}
    try:
        answer = store.query(text, use_default_graph_as_union=not names_dataset(text),
                             substitutions=substitutions or None,
                             prefixes={k: str(v) for k, v in PREFIXES.items()})
        if passages is not None and not isinstance(answer, ox.QuerySolutions):
            raise QueryError(PASSAGES_NEED_SELECT)
        if isinstance(answer, ox.QueryBoolean):
            yield "out", format_result(QueryResult("ask", boolean=bool(answer)), fmt) + "\n"
            yield "count", 1
        elif isinstance(answer, ox.QuerySolutions):
            of_row = None if passages is None else row_passages(
                store, passages[0], [v.value for v in answer.variables])
            yield from _solutions(answer, fmt, max_rows, of_row)
        else:
            yield from _triples(answer)
    except SyntaxError as exc:
        raise QueryError(syntax_error_message(source, str(exc))) from None
    except (RuntimeError, OSError, ValueError, TypeError) as exc:
        raise QueryError(f"{source}: query failed: {exc}") from None


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _solutions(answer: ox.QuerySolutions, fmt: str, max_rows: int,
               of_row: Callable[[dict[str, Any]], list[PassageRef]] | None = None,
               ) -> Iterator[tuple[str, Any]]:
    variables = [v.value for v in answer.variables]
    rows = ({name: solution[name] for name in variables} for solution in answer)
    if fmt == "table":
        kept, refs = [], []
        for row in rows:
            if len(kept) == max_rows:
                yield "out", format_result(QueryResult("select", variables, kept), fmt) + "\n"
                yield from _table_passages(refs)
                yield "out", (f"(stopped at {max_rows} rows, --max-rows; use --format csv for "
                              "every row)\n")
                yield "count", max_rows
                return
            if of_row is not None:
                refs.append(of_row(row))
                del row["passage_text"]  # a table prints the passages under it
            kept.append(row)
        yield "out", format_result(QueryResult("select", variables, kept), fmt) + "\n"
        yield from _table_passages(refs)
        if of_row is not None and kept and not any(refs):
            yield "note", NO_PASSAGES
        yield "count", len(kept)
        return
    with_passages = [0]
    if of_row is not None:
        variables = [*variables, "passage_text"]
        rows = _annotated(rows, of_row, with_passages)
    count = 0
    if fmt == "json":
        yield "out", '{"head": {"vars": ' + json.dumps(variables) + '}, "results": {"bindings": ['
    else:
        yield "out", format_result(QueryResult("select", variables, []), fmt) + "\n"
    for batch in _batches(rows, BATCH):
        result = QueryResult("select", variables, batch)
        if fmt == "json":
            bindings = _json_results(result)["results"]["bindings"]
            yield "out", ("," if count else "") + "\n" + ",\n".join(
                json.dumps(b, ensure_ascii=False) for b in bindings)
        else:  # csv or tsv: the batch without its header line
            yield "out", format_result(result, fmt).split("\n", 1)[1] + "\n"
        count += len(batch)
    if fmt == "json":
        yield "out", "\n]}}\n"
    if of_row is not None and count and not with_passages[0]:
        yield "note", NO_PASSAGES
    yield "count", count


def _annotated(rows: Iterator[dict[str, Any]], of_row: Callable[[dict[str, Any]], list[PassageRef]],
               with_passages: list[int]) -> Iterator[dict[str, Any]]:
    for row in rows:
        if of_row(row):  # sets the row's passage_text
            with_passages[0] += 1
        yield row


def _table_passages(per_row: list[list[PassageRef]]) -> Iterator[tuple[str, Any]]:
    for number, refs in enumerate(per_row, start=1):
        if refs:
            yield "out", "\n".join([f"row {number}:", *map(passage_lines, refs)]) + "\n"


def _triples(answer: Iterator[ox.Triple]) -> Iterator[tuple[str, Any]]:
    count = 0
    for batch in _batches(iter(answer), BATCH):
        triples = [(t.subject, t.predicate, t.object) for t in batch]
        yield "out", format_result(QueryResult("graph", triples=triples), "table") + "\n"
        count += len(batch)
    yield "count", count
