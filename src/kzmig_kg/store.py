"""Stage 5: the embedded store: a pyoxigraph store on disk, loaded from the release's N-Quads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import KzmigError


def load_store(nquads: Path, store_dir: Path) -> int:
    """Bulk-load an N-Quads file into a new on-disk store; return the quad count."""
    if store_dir.exists():
        raise KzmigError(f"{store_dir} already exists; the store is always built fresh")
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    count = len(store)
    del store
    return count


def open_store(store_dir: Path) -> ox.Store:
    """Open a built store read-only."""
    if not (store_dir.is_dir() and any(store_dir.iterdir())):
        raise KzmigError(f"no store at {store_dir}; run `kzmig-kg build` first")
    return ox.Store.read_only(str(store_dir))
