"""What one server instance serves and the limits it enforces: ``ServerSettings``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ...namespaces import BASE

DUMP_SUFFIXES = (".nq", ".trig", ".ttl", ".nt", ".jsonld", ".rdf")


@dataclass(frozen=True)
class ServerSettings:
    """The store to serve and the limits of the public endpoint (defaults as `kzmig-kg serve`)."""

    store_dir: Path
    base: str | None = None          # the served address of https://w3id.org/kzmig/ (None: the request's)
    workers: int = 2                 # processes that run user SPARQL for this server process
                                     # (its share of `serve --workers`; each killed at its deadline)
    timeout_s: float = 30.0          # wall-clock limit of one user query
    max_rows: int = 10_000           # rows (SELECT) or triples (CONSTRUCT/DESCRIBE) of one answer
    max_query_chars: int = 20_000
    max_body_bytes: int = 100_000
    max_response_bytes: int = 20_000_000
    service_allow: tuple[str, ...] = ()   # SERVICE endpoints that may be called (default: none)
    sources_dir: Path | None = None  # where the source documents are, for the passages' text
    access_log: bool = True
    release_dir: Path = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "release_dir", Path(self.store_dir).resolve().parent)

    @property
    def namespace(self) -> str:
        return BASE

    def dumps(self) -> list[Path]:
        """The release's dump files beside the store."""
        return sorted(p for p in self.release_dir.iterdir()
                      if p.is_file() and p.name.startswith("kzmig") and p.suffix in DUMP_SUFFIXES)


def release_tag(settings: ServerSettings) -> str:
    """A short hash identifying the release: ETags change when the release does."""
    digest = hashlib.sha256()
    dumps = settings.dumps()
    if dumps:
        for path in dumps:
            digest.update(path.name.encode())
            digest.update(sha256_file(path).encode())
    else:  # a bare store (tests, mirrors): its files' names, sizes and times
        for path in sorted(Path(settings.store_dir).iterdir()):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
