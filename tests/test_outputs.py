"""No command deletes what it did not write: the guarded replacement of dist/ and report/.

Every case asserts the previous output intact byte for byte and nothing left beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.pipeline.outdir import MARKER

from .conftest import DATA, require_executable

CLI = Path(sys.executable).parent / "kzmig-kg"


def snapshot(directory: Path) -> dict[str, str]:
    """Every entry under ``directory`` (followed if a link): relative path -> sha256 or 'dir'."""
    found: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory).as_posix()
        found[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def copy_release(release, where: Path) -> Path:
    """``where/dist``: a link to a copy of the session's release, as a build leaves it."""
    version = where / f".dist.v-20260101T000000Z-{'0' * 8}"
    shutil.copytree(release.dir.resolve(), version)
    (where / "dist").symlink_to(version.name)
    return where / "dist"


def one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip() and not line.startswith("  ")]
    assert "Traceback" not in output, output
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    return lines[0]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A small project tree as working directory: data/, src/, pyproject.toml."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "keep.yaml").write_text("kept: true\n", encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "code.py").write_text("print('kept')\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("args, says", [
    (["build", "--out", "."], "working directory"),
    (["build", "--out", ".."], "working directory"),
    (["build", "--data", "data", "--out", "data"], "holds data"),
    (["build", "--data", "data/", "--out", "."], "working directory"),
    (["build", "--out", "src"], "was not written by kzmig-kg build"),
    (["report", "--out", "data"], "was not written by kzmig-kg report"),
    (["report", "--out", "src"], "was not written by kzmig-kg report"),
])
def test_a_target_it_did_not_write_is_refused(project: Path, release, args, says) -> None:
    before = snapshot(project)
    if args[0] == "report":
        args = [*args, "--store", str(release.dir / "store")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert says in one_error_line(result.output)
    assert snapshot(project) == before


def test_the_root_of_a_project_is_refused(project: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    before = snapshot(project)
    result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(project)])
    assert result.exit_code == 1 and "working directory" in one_error_line(result.output)
    os.chdir(elsewhere)
    result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(project)])
    assert result.exit_code == 1 and "root of a project" in one_error_line(result.output)
    assert snapshot(project) == before


def test_an_empty_data_directory_keeps_the_release(release, tmp_path: Path) -> None:
    dist = copy_release(release, tmp_path)
    (tmp_path / "empty").mkdir()
    before, names = snapshot(dist), listing(tmp_path)
    result = CliRunner().invoke(main, ["build", "--data", str(tmp_path / "empty"), "--out",
                                       str(dist), "--no-reason"])
    assert result.exit_code == 1
    assert "holds no records" in one_error_line(result.output)
    assert snapshot(dist) == before
    assert listing(tmp_path) == sorted([*names, ".dist.lock"])


def test_far_fewer_records_stop_unless_forced_and_the_swap_cleans_up(release,
                                                                      tmp_path: Path) -> None:
    dist = copy_release(release, tmp_path)
    marker = dist / MARKER
    claimed = json.loads(marker.read_text(encoding="utf-8"))
    assert claimed["command"] == "build" and claimed["records"] == release.result.records
    claimed["records"] *= 3  # as if the release had been built from three times the records
    marker.write_text(json.dumps(claimed), encoding="utf-8")
    before = snapshot(dist)
    result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(dist),
                                       "--no-reason"])
    assert result.exit_code == 1
    line = one_error_line(result.output)
    assert f"{release.result.records} records, far fewer than the {claimed['records']}" in line
    assert "--force" in line
    assert snapshot(dist) == before
    # leftovers of killed builds: a staging directory of this version and one of the old layout
    stale = tmp_path / ".dist.v-20260101T000001Z-11111111"
    stale.mkdir()
    (stale / MARKER).write_text('{"command": "build", "complete": false}', encoding="utf-8")
    (tmp_path / ".dist.building-abcd1234").mkdir()
    (tmp_path / ".dist.building-abcd1234" / "kzmig.nq").write_text("partial", encoding="utf-8")
    old_version = dist.resolve()
    result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(dist),
                                       "--no-reason", "--force"])
    assert result.exit_code == 0, result.output
    assert f"release written to {dist}" in result.output
    new_version = dist.resolve()
    assert dist.is_symlink() and new_version != old_version
    assert listing(tmp_path) == sorted(["dist", ".dist.lock", new_version.name])
    assert oct(new_version.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    written = json.loads((dist / MARKER).read_text(encoding="utf-8"))
    assert written["complete"] and written["records"] == release.result.records
    assert f"records: {release.result.records} (" in result.output


def _umask() -> int:
    value = os.umask(0)
    os.umask(value)
    return value


_SWAP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from kzmig_kg.pipeline.outdir import replace_output
    with replace_output(Path(sys.argv[1]), "build") as staging:
        (staging.path / "kzmig.nq").write_text(sys.argv[2], encoding="utf-8")
        if sys.argv[3] == "hold":
            print("holding", flush=True)
            sys.stdin.readline()
""")


def _swap(target: Path, content: str, mode: str = "", **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _SWAP, str(target), content, mode],
                            env={**os.environ, **env}, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("fault, survivor", [("before-swap", "first"), ("after-swap", "second")])
def test_a_process_killed_in_the_swap_leaves_a_whole_output(tmp_path: Path, fault: str,
                                                            survivor: str) -> None:
    target = tmp_path / "dist"
    assert _swap(target, "first").wait(timeout=60) == 0
    killed = _swap(target, "second", KZMIG_FAULT=fault)
    assert killed.wait(timeout=60) == -signal.SIGKILL
    assert (target / "kzmig.nq").read_text(encoding="utf-8") == survivor
    # the next run removes what the killed one left
    assert _swap(target, "third").wait(timeout=60) == 0
    assert (target / "kzmig.nq").read_text(encoding="utf-8") == "third"
    assert listing(tmp_path) == sorted(["dist", ".dist.lock", target.resolve().name])


def test_a_second_writer_is_refused_naming_the_first(release, tmp_path: Path) -> None:
    dist = copy_release(release, tmp_path)
    before = snapshot(dist)
    holder = _swap(dist, "held", "hold")
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(dist)])
        assert result.exit_code == 1
        line = one_error_line(result.output)
        assert f"kzmig-kg build (pid {holder.pid}) is writing {dist}" in line
        assert snapshot(dist) == before
    finally:
        holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    assert (dist / "kzmig.nq").read_text(encoding="utf-8") == "held"


def _in_namespace(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` as root of a new user and mount namespace (to mount a tmpfs or bind)."""
    unshare = require_executable("unshare", "mounts a read-only or full file system for a test")
    probe = subprocess.run([unshare, "--map-root-user", "--mount", "true"], capture_output=True,
                           timeout=60)
    if probe.returncode != 0:  # a container that forbids namespaces: a limit of the machine
        pytest.skip(f"cannot make a mount namespace here: {probe.stderr.decode().strip()}")
    return subprocess.run([unshare, "--map-root-user", "--mount", "sh", "-ec", script],
                          capture_output=True, text=True, timeout=300)


def test_a_read_only_directory_is_one_line(release, tmp_path: Path) -> None:
    dist = copy_release(release, tmp_path)
    before, names = snapshot(dist), listing(tmp_path)
    done = _in_namespace(f"mount --bind {tmp_path} {tmp_path}; "
                         f"mount -o remount,ro,bind {tmp_path}; "
                         f"{CLI} report --store {dist / 'store'} --out {tmp_path / 'report'}")
    assert done.returncode == 1, done.stderr
    line = one_error_line(done.stderr)
    assert "read-only" in line and str(tmp_path / "report") in line
    assert snapshot(dist) == before and listing(tmp_path) == names


def test_a_full_disk_is_one_line_and_leaves_nothing(release, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    done = _in_namespace(f"mount -t tmpfs -o size=64k tmpfs {full}; "
                         f"{CLI} report --store {release.dir / 'store'} --out {full / 'report'} || true; "
                         f"echo left: $(ls -A {full})")
    assert "no space left" in one_error_line(done.stderr)
    assert done.stdout.strip().splitlines()[-1] == "left: .report.lock"


def test_sigterm_leaves_the_previous_report(release, tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()  # a report written earlier
    (out / "index.html").write_text("the previous report", encoding="utf-8")
    (out / MARKER).write_text('{"command": "report"}', encoding="utf-8")
    before, names = snapshot(out), sorted([*listing(tmp_path), ".report.lock"])
    process = subprocess.Popen([str(CLI), "report", "--store", str(release.dir / "store"),
                                "--out", str(out)], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "KZMIG_FAULT": "stop-before-swap"})
    stat = Path(f"/proc/{process.pid}/stat")
    deadline = time.monotonic() + 120
    while stat.read_text().rsplit(")", 1)[1].split()[0] != "T":  # stopped with its report written
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)  # polling, within the deadline: a busy loop took a core from the report
    process.send_signal(signal.SIGTERM)
    process.send_signal(signal.SIGCONT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0 and "Traceback" not in stderr
    assert snapshot(out) == before and listing(tmp_path) == names


@pytest.mark.parametrize("args", [["stats"], ["audit"], ["query", "rq-national-balance"],
                                  ["export", "--format", "nt"], ["report", "--out", "site"]])
def test_a_corrupt_store_is_one_line(tmp_path: Path, monkeypatch, args: list[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "CURRENT").write_text("garbage\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*args, "--store", str(store)])
    assert result.exit_code == 1
    line = one_error_line(result.output)
    assert f"cannot open the store at {store}" in line and "run `kzmig-kg build` again" in line
    assert sorted(p.name for p in tmp_path.iterdir()) in (["store"], [".site.lock", "store"])


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_build_stopped_during_hermit_leaves_nothing(release, tmp_path: Path,
                                                      stop: signal.Signals) -> None:
    require_executable("java", "runs HermiT beside SHACL")
    dist = copy_release(release, tmp_path)
    before, names = snapshot(dist), listing(tmp_path)
    private_tmp = tmp_path.parent / f"{tmp_path.name}-tmp"
    private_tmp.mkdir()
    process = subprocess.Popen([str(CLI), "build", "--data", str(DATA), "--out", str(dist)],
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "TMPDIR": str(private_tmp)})
    for line in process.stderr:  # HermiT starts beside SHACL
        if "shacl..." in line:
            break
    deadline = time.monotonic() + 60
    while not list(private_tmp.rglob("*.nt")):  # HermiT's input written: Java is running
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)  # polling, within the deadline: a busy loop took a core from the build
    process.send_signal(stop)
    rest = process.communicate(timeout=60)[1]
    assert process.returncode != 0 and "Traceback" not in rest
    assert list(private_tmp.iterdir()) == []
    assert snapshot(dist) == before and listing(tmp_path) == sorted([*names, ".dist.lock"])


def test_a_release_from_before_markers_is_recognised(release, tmp_path: Path) -> None:
    """A dist/ holding only what a build writes (no marker: built before markers) may be
    replaced; one more file of someone else's and it may not."""
    dist = tmp_path / "dist"
    shutil.copytree(release.dir.resolve(), dist)
    (dist / MARKER).unlink()
    for framed in dist.glob("*.framed.jsonld"):  # releases had these only after markers
        framed.unlink()
    (tmp_path / "empty").mkdir()
    build = ["build", "--data", str(tmp_path / "empty"), "--out", str(dist), "--no-reason"]
    result = CliRunner().invoke(main, build)
    assert "holds no records" in one_error_line(result.output)  # past the check of the target
    (dist / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(dist)
    result = CliRunner().invoke(main, build)
    assert "was not written by kzmig-kg build" in one_error_line(result.output)
    assert snapshot(dist) == before
