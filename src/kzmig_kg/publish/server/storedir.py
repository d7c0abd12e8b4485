"""Whether a directory holds a store to serve: ``check_store_dir(store_dir)``. Light on purpose:
the supervisor of several server processes checks before it forks and imports nothing more."""

from __future__ import annotations

from pathlib import Path

from ...errors import KzmigError


def check_store_dir(store_dir: Path) -> None:
    """Raise ``KzmigError`` when ``store_dir`` holds no store (before anything starts)."""
    if not (Path(store_dir).is_dir() and any(Path(store_dir).iterdir())):
        raise KzmigError(f"{store_dir}: no store there; run `kzmig-kg build` first or pass --store DIR")
