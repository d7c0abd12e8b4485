"""Bad records fail with a message naming file, line and field, and leave the release untouched."""

from __future__ import annotations

import gc
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import RecordErrors
from kzmig_kg.pipeline import records as records_module
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.outdir import MARKER
from kzmig_kg.pipeline.records import read_records

from .conftest import FIXTURES

CASES = {
    # fixture: (line, field, words the message must contain)
    "missing-field.yaml": (3, "org_type", "missing required field"),
    "bad-date.yaml": (6, "created", "not a valid date"),
    "unknown-reference.yaml": (6, "parent", "unknown reference 'ministry-that-does-not-exist'"),
    "duplicate-id.yaml": (3, "id", "duplicate identifier 'parliament'"),
    "wrong-type.yaml": (5, "org_type", "'guild' is not allowed"),
    "wrong-reference-kind.yaml": (6, "parent", "'thesis' is a document, not an organisation"),
    "unknown-field.yaml": (6, "foundded", "unknown field"),
    "malformed.yaml": (5, None, "flow sequence at line 4"),
    "bad-locator.yaml": (6, "passages", "'90-80' is not a line range"),
    "missing-passages.yaml": (3, "passages", "every fact needs the passage"),
    "unknown-kind.yaml": (1, "kind", "unknown kind 'spaceship'"),
    "bad-number.yaml": (6, "lines", "'many' is not a whole number"),
    "not-utf8.yaml": (0, None, "not UTF-8"),
    "alias-bomb.yaml": (3, None, "anchors and aliases"),  # 9 levels of 9 aliases: 387 million
    "too-deep.yaml": (35, None, "nested deeper than 32 levels"),
    "act-1890.yaml": (6, "date", "an act of 1890, before"),
    "act-year-in-id.yaml": (6, "date", "contradicts the year in the id 'law-2012-999-IV'"),
    "act-convocation.yaml": (5, "number", "'999-IV' names convocation IV (2007-2012), which did "
                                          "not sit in 2019"),
    "act-before-independence-untyped.yaml": (4, "act_type", "an act of 1991-10-20, before "
                                                         "independence (1991-12-16), typed as law"),
    "act-ssr-after-independence.yaml": (4, "act_type", "an act of the Kazakh SSR dated 1993, after"),
    "act-ssr-1890.yaml": (5, "date", "an act of 1890, before the Kazakh SSR"),
}


def _errors_for(data_dir: Path, fixture: str) -> list:
    shutil.copy(FIXTURES / "records" / fixture, data_dir / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        build_graph(read_records(data_dir))
    return [e for e in caught.value.errors if e.file.endswith(f"zz-{fixture}")]


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_record_is_reported_with_file_line_and_field(data_copy: Path, fixture: str) -> None:
    line, field, words = CASES[fixture]
    errors = _errors_for(data_copy, fixture)
    assert errors, f"{fixture} raised no error about itself"
    error = errors[0]
    assert error.line == line
    assert error.field == field
    assert words in error.message
    text = str(error)
    assert text.startswith(f"data/zz-{fixture}:{line}:" if line else f"data/zz-{fixture}: ")
    assert error.hint, "every error says what to do"


def test_records_leave_the_garbage_collector_as_they_found_it(data_copy: Path) -> None:
    """read_records pauses the cyclic collector while it reads (half the stage's CPU at scale);
    it runs again after, also when the records fail, and stays off if it was off."""
    assert gc.isenabled()
    _errors_for(data_copy, "bad-date.yaml")
    assert gc.isenabled(), "a failing read left the collector paused"
    (data_copy / "zz-bad-date.yaml").unlink()
    gc.disable()
    try:
        assert read_records(data_copy).records
        assert not gc.isenabled(), "read_records switched on a collector that was off"
    finally:
        gc.enable()


def test_passage_missing_from_the_table_is_reported(data_copy: Path) -> None:
    errors = _errors_for(data_copy, "uncited-passage.yaml")
    assert errors[0].field == "passages"
    assert "kzmig-kg passages --sync" in errors[0].hint


def test_all_problems_are_reported_together(data_copy: Path) -> None:
    for fixture in ("bad-date.yaml", "wrong-type.yaml", "unknown-field.yaml"):
        shutil.copy(FIXTURES / "records" / fixture, data_copy / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    files = {e.file for e in caught.value.errors}
    assert {f"data/zz-{f}" for f in ("bad-date.yaml", "wrong-type.yaml",
                                     "unknown-field.yaml")} <= files


@pytest.mark.parametrize("fixture", ["bad-date.yaml", "unknown-reference.yaml", "duplicate-id.yaml"])
def test_failed_build_leaves_the_previous_release_intact(tmp_path: Path, data_copy: Path,
                                                         fixture: str) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "kzmig.nq").write_text("previous release\n", encoding="utf-8")
    (out / MARKER).write_text('{"command": "build"}', encoding="utf-8")
    shutil.copy(FIXTURES / "records" / fixture, data_copy / f"zz-{fixture}")
    result = CliRunner().invoke(main, ["build", "--data", str(data_copy), "--out", str(out),
                                       "--no-reason"])
    assert result.exit_code == 1
    assert f"zz-{fixture}:" in result.output
    assert "Traceback" not in result.output
    assert (out / "kzmig.nq").read_text(encoding="utf-8") == "previous release\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".dist.lock", "data", "dist"], \
        "no temporary left over"


def test_validate_command_reports_bad_records(data_copy: Path) -> None:
    shutil.copy(FIXTURES / "records" / "bad-date.yaml", data_copy / "zz-bad-date.yaml")
    result = CliRunner().invoke(main, ["validate", "--data", str(data_copy)])
    assert result.exit_code == 1
    assert "zz-bad-date.yaml:6: field 'created'" in result.output


@pytest.mark.parametrize("limit, value, words", [
    ("MAX_FILE_BYTES", 1000, "over the limit of 0 MB"),
    ("MAX_RECORDS_PER_FILE", 3, "over the limit of 3 for one file"),
])
def test_record_files_are_bounded(data_copy: Path, monkeypatch, limit: str, value: int,
                                  words: str) -> None:
    monkeypatch.setattr(records_module, limit, value)
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    assert caught.value.errors and all(words in e.message and e.hint
                                       for e in caught.value.errors if "limit" in e.message)
    assert any(words in e.message for e in caught.value.errors)


def _break(data_dir: Path, old: str, new: str) -> list:
    acts = data_dir / "legal" / "acts.yaml"
    text = acts.read_text(encoding="utf-8")
    assert old in text
    acts.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_dir)
    return caught.value.errors


def test_a_record_with_errors_is_reported_once(data_copy: Path) -> None:
    errors = _break(data_copy, "  - id: law-2011-477-IV\n    act_type: law\n",
                    "  - id: law-2011-477-IV\n    act_type: lawx\n")
    assert [(e.field, e.message.split(":")[0]) for e in errors] == [
        ("act_type", "'lawx' is not allowed"), (None, "19 references to law-2011-477-IV not checked")]


def test_a_file_that_cannot_be_read_is_reported_once(data_copy: Path) -> None:
    errors = _break(data_copy, "    act_type: law\n", "    act_type: [law\n")
    assert len(errors) == 2, errors
    assert "malformed YAML" in errors[0].message
    assert re.fullmatch(r"\d+ references to \d+ records of this file not checked",
                        errors[1].message) and errors[1].file == "data/legal/acts.yaml"
    assert str(errors[1]).startswith("data/legal/acts.yaml: ")   # the whole file, not a "line 0"
