"""Every locator in data/ is verified against the source document."""

from __future__ import annotations

import hashlib

import yaml

from kzmig_kg.pipeline.passages import SourceText, check_passages, collect_locators

from .conftest import DATA, SOURCES, THESIS


def test_document_checksum_matches_the_record() -> None:
    record = yaml.safe_load((DATA / "documents.yaml").read_text(encoding="utf-8"))["records"][0]
    assert hashlib.sha256(THESIS.read_bytes()).hexdigest() == record["sha256"]
    text = SourceText.read(THESIS)
    assert text.line_count == record["lines"]
    assert len(text.text) == record["characters"]


def test_every_row_of_passages_csv_matches_the_document() -> None:
    assert check_passages(DATA, SOURCES) == []


def test_every_locator_written_in_the_records_is_in_passages_csv() -> None:
    table = (DATA / "passages.csv").read_text(encoding="utf-8").splitlines()[1:]
    rows = {tuple(line.split(",")[1:4]) for line in table}
    missing = [str(loc) for loc in collect_locators(DATA)
               if (loc.document, str(loc.first), str(loc.last)) not in rows]
    assert not missing, f"run `kzmig-kg passages --sync`: {missing[:10]}"


def test_offsets_select_exactly_the_lines() -> None:
    text = SourceText.read(THESIS)
    start, end = text.span(50, 50)
    assert text.text[start:end] == "1.1. 1991-2007"
    start, end = text.span(1, 1)
    assert text.text[start:end] == " Abstract"


def test_a_tampered_offset_is_caught(tmp_path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = data / "passages.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    if len(lines) < 2:
        lines.append("thesis-L50-50,thesis,50,50,0,1,1.1")
    else:
        cells = lines[1].split(",")
        cells[4] = str(int(cells[4]) + 1)
        lines[1] = ",".join(cells)
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_passages(data, SOURCES)
    assert problems and "do not match lines" in problems[0]
