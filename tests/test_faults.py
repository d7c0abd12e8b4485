"""Faults of the environment named in issue #12 that had no test: a full disk behind standard
output or a device, a file size limit (a disk that fills up) on export and report, an output path
that is a directory, and paths printed as the user gave them.

Each runs the CLI as a process (the one-line, no-traceback behaviour is what is checked) against
the session's release, and asserts the exit code, the one line, and that nothing is left behind.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, FIXTURES

CLI = str(Path(sys.executable).parent / "kzmig-kg")
FULL = Path("/dev/full")


def one_line(done: subprocess.CompletedProcess) -> str:
    """The single error line of a failed command (exit 1, no traceback)."""
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def file_limit(size: int):
    """In the child: no file may grow past ``size`` bytes, as on a disk that fills up."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def cli(*args: str, cwd: Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          **options)


needs_full = pytest.mark.skipif(not FULL.exists() or FULL.is_file(),
                                reason="/dev/full is a Linux device")


@needs_full
def test_export_to_a_full_device_is_one_line_and_the_device_stays(release, tmp_path: Path) -> None:
    """The atomic rename must never replace a device node with a regular file."""
    done = cli("export", "--format", "nt", "--store", str(release.dir / "store"), "--out",
               str(FULL), cwd=tmp_path)
    assert one_line(done) == ("error: /dev/full: no space left on the device; free some space, "
                              "then run the command again")
    assert FULL.is_char_device()
    assert list(tmp_path.iterdir()) == [] and not list(Path("/dev").glob(".full.*"))


@needs_full
@pytest.mark.parametrize("args", [["export", "--format", "nt"],
                                  ["query", "rq-national-balance", "--format", "csv"],
                                  ["stats"]])
def test_a_full_disk_behind_standard_output_is_one_line(release, tmp_path: Path,
                                                        args: list[str]) -> None:
    """Before: exit 0 and the output lost at interpreter exit."""
    with open(FULL, "wb") as full:
        done = subprocess.run([CLI, *args, "--store", str(release.dir / "store")], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    assert one_line(done).startswith("error: standard output: no space left on the device")


def test_export_over_the_file_size_limit_names_the_file_and_leaves_nothing(release,
                                                                          tmp_path: Path) -> None:
    done = cli("export", "--format", "nt", "--store", str(release.dir / "store"), "--out",
               "big.nt", cwd=tmp_path, preexec_fn=file_limit(100_000))
    assert one_line(done).startswith("error: big.nt: larger than this process may write")
    assert list(tmp_path.iterdir()) == []


def test_report_over_the_file_size_limit_is_one_line_and_leaves_only_the_lock(
        release, tmp_path: Path) -> None:
    done = cli("report", "--store", str(release.dir / "store"), "--out", "site", cwd=tmp_path,
               preexec_fn=file_limit(20_000))
    line = one_line(done)
    assert line.startswith("error: cannot write site (a file over this process's size limit")
    assert [p.name for p in tmp_path.iterdir()] == [".site.lock"]


def test_export_to_a_directory_is_one_line(release, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    done = cli("export", "--store", str(release.dir / "store"), "--out", "out", cwd=tmp_path)
    assert one_line(done).startswith("error: out: is a directory")
    assert list((tmp_path / "out").iterdir()) == []


def test_errors_print_the_data_path_as_given(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    shutil.copy(FIXTURES / "records" / "bad-date.yaml", project / "data" / "zz-bad.yaml")
    (tmp_path / "elsewhere").mkdir()
    done = cli("validate", "--data", "../project/data", cwd=tmp_path / "elsewhere")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "\n  ../project/data/zz-bad.yaml:6: field 'created'" in done.stderr, done.stderr


def test_build_out_a_file_is_one_line_and_the_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("kept\n", encoding="utf-8")
    done = cli("build", "--data", str(DATA), "--out", "notes.txt", "--no-reason", cwd=tmp_path)
    assert one_line(done) == ("error: --out notes.txt exists and is not a directory; nothing was "
                              "changed: give another output directory")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) in (["notes.txt"], [".notes.txt.lock", "notes.txt"])


def test_a_store_error_with_its_number_in_the_message_names_the_output(tmp_path: Path) -> None:
    """pyoxigraph raises OSError('File too large (os error 27)') with no errno: the build's
    release stage must still say which output could not be written, and leave nothing."""
    from kzmig_kg.pipeline.outdir import OutputRefused, replace_output

    target = tmp_path / "dist"
    says = r"^cannot write .*dist \(a file over this process's size limit, ulimit -f in "
    with pytest.raises(OutputRefused, match=says), replace_output(target, "build") as staging:
        (staging.path / "kzmig.nq").write_text("partial", encoding="utf-8")
        raise OSError("File too large (os error 27)")
    assert [p.name for p in tmp_path.iterdir()] == [".dist.lock"]


def test_export_into_a_pipe_writes_it_and_never_replaces_it(release, tmp_path: Path) -> None:
    """Before, the rename into place replaced any --out (/dev/null, a FIFO) with a regular file."""
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = cli("export", "--format", "nt", "--store", str(release.dir / "store"), "--out",
               str(fifo), cwd=tmp_path)
    reader.join(60)
    assert done.returncode == 0, done.stderr
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["pipe"]
    plain = cli("export", "--format", "nt", "--store", str(release.dir / "store"), "--out",
                "plain.nt", cwd=tmp_path)
    assert plain.returncode == 0 and len(received) == 1
    piped, written = received[0].splitlines(), (tmp_path / "plain.nt").read_bytes().splitlines()

    def named(lines: list[bytes]) -> list[bytes]:  # blank node labels differ from run to run
        return sorted(line for line in lines if b"_:" not in line)

    assert len(piped) == len(written) and named(piped) == named(written)
