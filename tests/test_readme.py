"""Every example of the README runs as written: each ```bash block after the two setup blocks is
run with bash, in a scratch copy of the repository (``data/`` copied, since `passages --sync`
rewrites it; ``queries/``, ``tests/`` and ``.venv`` linked; ``../shared`` beside it), in README
order, and must exit 0. The convention for examples is in CONTRIBUTING.md ("README examples"):
a line ending in ``&`` starts a server whose address is its ``--bind HOST:PORT``; the test waits
until that address accepts connections (with a deadline) before the lines after it, and stops
the server at the end of the block, where the README writes ``kill %1``. A long example that a
test of its own runs ends in ``# tested by tests/FILE.py::NAME`` and is checked to name a real
test instead of being run again (the builds: ``dist/`` is the session's release).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(?:bash|sh)\n(.*?)```", README, re.S)[2:]  # after the setup commands
BIND = re.compile(r"--bind\s+(127\.0\.0\.1):(\d+)")
TESTED_BY = re.compile(r"#.*\btested by (tests/[\w/]+\.py)::(\w+)")
STEP_SECONDS = 600
SERVER_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(script: str, cwd: Path, env: dict[str, str]) -> None:
    if not script.strip():
        return
    done = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=STEP_SECONDS)
    assert done.returncode == 0, (f"README example failed (exit {done.returncode}):\n{script}\n"
                                  f"--- stderr:\n{done.stderr[-3000:]}")


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the README's server exited with {server.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)  # polling a port that is not open yet, within the deadline
    pytest.fail(f"the README's server did not accept connections on {port} within {SERVER_SECONDS} s")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, release) -> Path:
    top = tmp_path_factory.mktemp("readme")
    repo = top / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "data", repo / "data")
    for name in ("queries", "tests", "benchmarks"):
        (repo / name).symlink_to(ROOT / name)
    venv = Path(sys.prefix)  # the environment running the tests, as `.venv` of the README
    (repo / ".venv").symlink_to(venv if (venv / "bin" / "activate").exists() else ROOT / ".venv")
    (top / "shared").symlink_to(ROOT.parent / "shared")
    (repo / "dist").symlink_to(release.dir)
    return repo


def _runnable(lines: list[str]) -> list[str]:
    """The lines to run: those tested elsewhere are checked to name a real test, then dropped."""
    kept = []
    for line in lines:
        tested = TESTED_BY.search(line)
        if tested is None:
            kept.append(line)
            continue
        source = (ROOT / tested[1]).read_text(encoding="utf-8")
        assert re.search(rf"^def {tested[2]}\(", source, re.M), f"README: {line!r} names no test"
    return kept


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 15
    assert any(line.rstrip().endswith("&") for block in BLOCKS for line in block.splitlines())


def test_every_readme_example_exits_0(scratch: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for block in BLOCKS:
        bind = BIND.search(block)
        if bind:
            block = block.replace(f"{bind[1]}:{bind[2]}", f"127.0.0.1:{_free_port()}")
        lines = _runnable([line for line in block.splitlines() if line.strip()])
        starts = [i for i, line in enumerate(lines) if line.rstrip().endswith("&")]
        if not starts:
            _run("\n".join(lines), scratch, env)
            continue
        at = starts[0]
        _run("\n".join(lines[:at]), scratch, env)
        port = int(BIND.search(lines[at])[2])
        server = subprocess.Popen(["bash", "-c", "exec " + lines[at].rstrip().rstrip("&")],
                                  cwd=scratch, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _wait_for(port, server)
            _run("\n".join(line for line in lines[at + 1:] if not line.startswith("kill %")),
                 scratch, env)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=SERVER_SECONDS)
