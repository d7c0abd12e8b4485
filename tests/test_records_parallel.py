"""read_records with a second process reading some of the files: the same records and the same
errors, in the same order, as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzmig_kg.errors import RecordErrors
from kzmig_kg.pipeline import records as records_module
from kzmig_kg.pipeline.records import read_records

from .conftest import DATA


def _as_rows(result) -> list[tuple]:
    return [(r.kind, r.id, r.file, r.line, r.values, r.field_lines) for r in result.records]


def test_generated_records_read_in_two_processes_equal_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_module, "PARALLEL_BYTES", 0)
    from .test_generate import _generator
    _generator().generate(DATA, tmp_path, 60_000, 17)
    serial = read_records(tmp_path / "data")
    parallel = read_records(tmp_path / "data", workers=2)
    assert _as_rows(parallel) == _as_rows(serial) and len(serial.records) > 3_000


def test_records_read_in_two_processes_equal_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_module, "PARALLEL_BYTES", 0)
    serial = read_records(DATA)
    parallel = read_records(DATA, workers=2)
    assert _as_rows(parallel) == _as_rows(serial) and len(serial.records) > 1_000
    assert parallel.files == serial.files and parallel.by_id.keys() == serial.by_id.keys()


def test_errors_read_in_two_processes_are_one_process_errors(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad date in one file and malformed YAML in another (whose ids count as failed, not as
    unknown references): the same messages in the same order."""
    monkeypatch.setattr(records_module, "PARALLEL_BYTES", 0)
    acts = data_copy / "legal" / "acts.yaml"
    text = acts.read_text(encoding="utf-8")
    assert "date: " in text
    first_date = text.index("date: ")
    end = text.index("\n", first_date)
    acts.write_text(text[:first_date] + 'date: "2011-13-01"' + text[end:], encoding="utf-8")
    events = sorted((data_copy / "events").glob("*.yaml"))[0]
    events.write_text(events.read_text(encoding="utf-8") + "\n  - {id: [unclosed\n",
                      encoding="utf-8")
    with pytest.raises(RecordErrors) as serial:
        read_records(data_copy)
    with pytest.raises(RecordErrors) as parallel:
        read_records(data_copy, workers=2)
    assert "not a valid date" in str(serial.value) and "malformed YAML" in str(serial.value)
    assert str(parallel.value) == str(serial.value)
