"""The runner: the compiled checks on a thread pool over one store, and their rows as results.

``run_checks(store, checks, compiler, lookups, order, workers)`` returns, in the checks' order,
each check's results with its wall and thread CPU seconds. pyoxigraph releases the GIL while it
evaluates a query, so the threads run in parallel on one store without a copy."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox

from .checks import Check, Result
from .compiler import Compiler


def run_checks(store: ox.Store, checks: list[Check], compiler: Compiler, lookups: set[int],
               order: list[int], workers: int) -> list[tuple[list[Result], float, float]]:
    """Run ``checks`` (started in ``order``, those in ``lookups`` in their look-up form) on
    ``workers`` threads; each check's (results, wall s, thread CPU s), in the checks' order."""

    def run(check: Check) -> tuple[list[Result], float, float]:
        wall, cpu = time.perf_counter(), time.thread_time()
        if check.source_constraint is not None:
            found = [r for node in _focus_nodes(store, check.focus)
                     for r in _results(store, check, compiler, node)]
        elif check.one_value and id(check) not in lookups and _one_value(store, check.one_value):
            found = []
        else:
            found = list(_results(store, check, compiler, lookup=id(check) in lookups))
        return found, time.perf_counter() - wall, time.thread_time() - cpu

    with ThreadPoolExecutor(max_workers=workers) as pool:
        ran = dict(zip(order, pool.map(run, [checks[i] for i in order]), strict=True))
    return [ran[i] for i in range(len(checks))]


def _one_value(store: ox.Store, query: str) -> bool:
    return next(iter(store.query(query, use_default_graph_as_union=True)))["one"].value == "true"


def _focus_nodes(store: ox.Store, focus: tuple[str, str]) -> list:
    query = f"{focus[0]}SELECT ?this WHERE {{ {focus[1]} }}"
    return [row["this"] for row in store.query(query, use_default_graph_as_union=True)]


def _in_focus(store: ox.Store, focus: tuple[str, str], node) -> bool:
    query = f"{focus[0]}ASK {{ {focus[1]} }}"
    return bool(store.query(query, use_default_graph_as_union=True,
                            substitutions={ox.Variable("this"): node}))


def _results(store: ox.Store, check: Check, compiler: Compiler,
         focus_node: ox.NamedNode | ox.BlankNode | ox.Literal | None = None,
         lookup: bool = False) -> Iterator[Result]:
    seen = set()
    substitutions = {ox.Variable("this"): focus_node} if focus_node is not None else None
    query = check.local if focus_node is not None else check.lookup if lookup else check.query
    candidates = check.candidates and not lookup
    for row in store.query(query, use_default_graph_as_union=True,
                           substitutions=substitutions):
        focus = row["this"] if focus_node is None else focus_node
        if focus_node is None and candidates and not _in_focus(store, check.focus, focus):
            continue
        value = row[check.value_column] if check.has_value else None
        if check.value_column == "this":
            value = focus
        key = (focus, value, tuple(row[name] for name in check.extra))
        if focus is None or key in seen:
            continue
        seen.add(key)
        result = Result(focus, value, check, _messages(check, focus, value, row))
        if check.detail_shape is not None and value is not None:
            for detail in compiler.detail_checks(check.detail_shape):
                result.details.extend(_results(store, detail, compiler, value))
        yield result


def _messages(check: Check, focus, value, row) -> list[str]:
    if check.source_constraint is None:
        return [str(m) for m in check.messages]
    bound = {"this": focus, "value": value}
    bound.update({name: row[name] for name in check.extra})
    texts = []
    for message in check.messages:
        text = str(message)
        for name, term in bound.items():
            if term is not None:
                text = re.sub(r"\{[?$]" + name + r"\}", lambda _m, t=term: t.value, text)
        texts.append(text)
    return texts

