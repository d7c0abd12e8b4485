"""The release's forked writers (pipeline/forked.py): a value comes back; a failure or a
death in the child is one line in the parent, naming what was being written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kzmig_kg.errors import KzmigError
from kzmig_kg.pipeline.forked import Forked


def _lines_of(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _fails(path: Path) -> int:
    return int(path.read_text(encoding="utf-8"))  # not a number: ValueError


def _dies() -> None:
    os._exit(3)


def test_a_forked_writer_returns_its_value(tmp_path: Path) -> None:
    path = tmp_path / "three.txt"
    path.write_text("a\nb\nc\n", encoding="utf-8")
    assert Forked("writing the lines", _lines_of, path).result() == 3


def test_a_failing_forked_writer_raises_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_text("three", encoding="utf-8")
    with pytest.raises(KzmigError, match=r"^writing the count failed: ValueError: invalid literal"):
        Forked("writing the count", _fails, path).result()


def test_a_forked_writer_that_dies_is_reported_with_its_exit_code() -> None:
    with pytest.raises(KzmigError, match=r"the process writing the dump died \(exit code 3\)"):
        Forked("writing the dump", _dies).result()


def test_a_forked_writer_past_its_deadline_is_stopped(tmp_path: Path) -> None:
    fifo = tmp_path / "never"
    os.mkfifo(fifo)  # opening it for reading blocks: the child never finishes
    child = Forked("writing the blocked read", _lines_of, fifo)
    with pytest.raises(KzmigError, match=r"writing the blocked read took over 0 s; stopped"):
        child.result(deadline=0.2)
    assert not child._process.is_alive()
