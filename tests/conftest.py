"""Shared fixtures: one real build of the release, reused by every test that reads it."""

from __future__ import annotations

import fcntl
import gc
import os
import pickle
import re
import shutil
import time
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import hypothesis  # noqa: F401  (before the freeze below: see _freeze_what_lives)
import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kzmig_kg.loader.extract import extract_document
from kzmig_kg.pipeline.build import BuildResult, build_release
from kzmig_kg.pipeline.store import open_store
from kzmig_kg.query.local import query_store
from kzmig_kg.query.results import python_value

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCES = ROOT.parent / "shared" / "sources"
THESIS = SOURCES / "000_81b0946b00ba0bf2.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# The test files that take longest, run first. `--dist loadfile` hands whole files to the two
# workers in collection order (the addopts turn off xdist's own order, by number of tests), so a
# long file collected last would run alone on one worker at the end while the other idles. The
# first worker takes the first file and builds the release; the second and third files need no
# release, so the other worker runs them meanwhile instead of waiting for the build's lock. The
# rest by their share of the run's wall time (mean of two runs of round 7, under load 4-11), down
# to about 1%, so that the files left in plain order at the end are the short ones.
LONGEST_FIRST = ("test_push.py", "test_shacl_at_scale.py", "test_release_at_scale.py",
                 "test_readme.py", "test_build.py", "test_stream.py", "test_study.py",
                 "test_outputs.py", "test_plausible_dates.py", "test_records.py", "test_report.py",
                 "test_query_bounds.py", "test_ingest.py", "test_ingest_adilet_ids.py",
                 "test_faults.py", "test_statistics.py", "test_generate.py", "test_remote.py",
                 "test_ontology.py", "test_ingest_pdf.py", "test_links.py", "test_policy.py",
                 "test_extract.py", "test_jurisdictions.py", "test_shapes_meta.py", "test_framed.py",
                 "test_acts.py", "test_events.py", "test_instruments.py", "test_serve_processes.py",
                 "test_loaded_dumps.py", "test_owl_profile.py", "test_build_memory.py",
                 "test_reconcile.py", "test_extract_properties.py", "test_params.py",
                 "test_query_passages.py", "test_organisations.py", "test_server_graphs.py",
                 "test_countries.py", "test_records_parallel.py", "test_server_browser.py",
                 "test_ingest_speed_index.py", "test_jsonld.py", "test_reason_memory.py",
                 "test_queries.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first, each file's tests in their own order (the sort is stable)."""
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def _freeze_what_lives() -> None:
    """Move every object alive now out of the cyclic collector's reach. A worker holds the test
    modules, the parsed release and the session's fixtures for the whole run; each collection
    of the oldest generation walked all of them again, which made the tests that allocate much
    (rdflib parsing and mapping, pyshacl) about 20-30% slower. Garbage is collected first, so
    none is kept; objects made later are collected as before. Hypothesis is imported above, before
    any freeze: its plugins register trio's random generator with a check that cannot see
    frozen referrers (it warned that the generator could be collected)."""
    gc.collect()
    gc.freeze()


def pytest_collection_finish(session: pytest.Session) -> None:
    _freeze_what_lives()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest) -> object:
    value = yield
    if fixturedef.scope == "session":
        _freeze_what_lives()
    return value


@cache
def thesis_lines() -> list[str]:
    """The lines of the thesis (line n is item n - 1)."""
    return THESIS.read_text(encoding="utf-8").splitlines()


def passage_text(first: int, last: int) -> str:
    """Lines ``first`` to ``last`` (1-based, inclusive) of the thesis, whitespace collapsed."""
    return re.sub(r"\s+", " ", " ".join(thesis_lines()[first - 1:last]))


def require_executable(name: str, why: str) -> str:
    """The path of a program a test needs: skip without it, but fail under CI, which installs it."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed ({why}); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@dataclass
class Release:
    dir: Path
    result: BuildResult

    @cached_property
    def dataset(self) -> Dataset:
        dataset = Dataset()
        dataset.parse(self.dir / "kzmig.nq", format="nquads")
        _freeze_what_lives()
        return dataset

    @cached_property
    def store(self) -> ox.Store:
        return open_store(self.dir / "store")

    def query(self, sparql: str, **params: object) -> list[dict[str, object]]:
        """Rows of a SELECT on the on-disk store, values as plain Python (int, float, str)."""
        bound = {name: value if isinstance(value, ox.NamedNode | ox.Literal) else
                 ox.Literal(str(value)) for name, value in params.items()}
        result = query_store(self.store, sparql, bound)
        if result.kind == "ask":
            return [{"ask": result.boolean}]
        return [{k: python_value(v) for k, v in row.items()} for row in result.rows]


def _build(out: Path) -> BuildResult:
    return build_release(DATA, out, reason=shutil.which("java") is not None)


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """One build for the whole run: under xdist the first worker to take the lock builds into
    the run's shared temporary directory and the others read it (the store opens read-only, and
    the build result comes back from a pickle), instead of each worker building its own."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        out = tmp_path_factory.mktemp("release") / "dist"
        return Release(out, _build(out))
    shared = tmp_path_factory.getbasetemp().parent / "release"   # one per run, beside popen-gw*
    shared.mkdir(exist_ok=True)
    built = shared / "build-result.pickle"
    with (shared / ".lock").open("w") as lock:
        deadline = time.monotonic() + 900
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail("another xdist worker held the release build's lock for 900 s")
                time.sleep(0.2)   # polling, within the deadline, while another worker builds
        if not built.exists():   # a worker whose build failed left none: this one tries again
            result = _build(shared / "dist")
            partial = built.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(result))
            partial.rename(built)
        result = pickle.loads(built.read_bytes())
    return Release(shared / "dist", result)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break records on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@dataclass
class Served:
    """`kzmig-kg serve` running on 127.0.0.1 over the session's release."""

    url: str                # http://127.0.0.1:PORT
    process: object
    timeout_s: float
    log: Path


@pytest.fixture(scope="session")
def served(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Served:
    """The server as a user starts it (the CLI, a subprocess), on a free port, stopped at the end.
    Two SPARQL workers and a 2 s query limit, so the runaway-query test stays short."""
    import subprocess
    import sys
    import time
    import urllib.request

    from kzmig_kg.publish.servers import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).with_name("kzmig-kg")), "serve",
               "--store", str(release.dir / "store"), "--port", str(port), "--workers", "2",
               "--timeout-s", "2", "--base", url + "/", "--sources", str(SOURCES)]
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    log = log_path.open("wb")  # a file, not a pipe: the access log would fill a pipe and block
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"kzmig-kg serve exited: {log_path.read_text()[-800:]}")
        try:
            with urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("kzmig-kg serve did not answer within 60 s")
        time.sleep(0.1)
    yield Served(url, process, 2.0, log_path)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    log.close()


def extracted_figures(tmp_path: Path, text: str, **options) -> dict:
    """The figures the loader finds in ``text``, by value: (period, direction, country)."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {i.get("value"): (i.get("period"), i.get("direction"), i.get("country"))
            for i in extract_document(path, **options).all_items()
            if i.kind == "figure" and i.get("value") is not None}


@pytest.fixture(scope="session")
def client(release: Release):
    """The server's application on the session's release, called through Starlette's
    TestClient (redirects not followed, so a test sees each 303), with the source document for
    the pages' passages. A module that needs other settings defines its own ``client``."""
    from starlette.testclient import TestClient

    from kzmig_kg.publish.server import create_app

    app = create_app(release.dir / "store", workers=1, sources_dir=SOURCES)
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client
