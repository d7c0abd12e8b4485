"""``run_query``: a query file or named query, with raw parameter values, on the embedded store or
on a SPARQL 1.1 endpoint."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..pipeline.store import open_store
from .bounded import refuse_update
from .local import query_store
from .named import QUERIES_DIR, NamedQuery, bind_params, resolve_query
from .params import check_params, check_shapes, endpoint_lookup
from .remote import query_endpoint
from .results import QueryResult


def run_query(spec: str | NamedQuery, params: dict[str, str] | None = None, *,
              store_dir: Path | None = None, store: ox.Store | None = None,
              endpoint: str | None = None, queries_dir: Path = QUERIES_DIR,
              timeout: float = 30.0) -> QueryResult:
    """Run a query file or named query on an open ``store``, the on-disk store in ``store_dir``
    or a SPARQL 1.1 ``endpoint``; ``params`` are raw values (``--param KEY=VALUE``)."""
    query = spec if isinstance(spec, NamedQuery) else resolve_query(spec, queries_dir)
    refuse_update(query.text, query.source)
    check_shapes(query, params or {})  # unknown names and malformed values before any lookup
    if endpoint:
        deadline = time.monotonic() + timeout  # the checks' lookups and the query, together
        checked = check_params(query, params or {},
                               endpoint_lookup(endpoint, deadline, query.source))
        return query_endpoint(endpoint, query.text, bind_params(query, checked),
                              timeout=max(round(deadline - time.monotonic(), 2), 0.01),
                              source=query.source)
    if store is None:
        if store_dir is None:
            raise QueryError("no store given; pass --store DIR or --endpoint URL")
        store = open_store(Path(store_dir))
    bound = bind_params(query, check_params(query, params or {}, store))
    return query_store(store, query.text, bound, source=query.source)


