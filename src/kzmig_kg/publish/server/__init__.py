"""The web server: a read-only SPARQL 1.1 endpoint, dereferenceable IRIs and pages for people.

``create_app(store_dir, ...)`` (in ``app``) builds the ASGI application; ``kzmig-kg serve`` runs it
under uvicorn. One module per kind of HTTP resource: ``sparql`` (the protocol endpoint),
``description`` (its Service Description), ``linked`` (303s and data documents), ``pages`` (HTML),
``editor`` (the YASGUI query editor), ``dumps`` (VoID/DCAT and the release files). ``workers`` runs
user SPARQL in killable processes (each a ``worker_process``, talking ``wire``'s frames over two
pipes); ``guard`` decides what a query may do; ``conneg`` and
``formats`` negotiate and serialise.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # lazy: SPARQL worker processes import this package and need none of the web stack
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(name)
