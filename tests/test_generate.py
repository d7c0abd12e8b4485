"""benchmarks/generate.py: reproducible by seed, sized by a target triple count, and its records
pass the records stage and the SHACL shapes (a small size; the benchmark builds the big ones)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.pipeline.validate import validate_graph

from .conftest import DATA, ROOT

TARGET = 60_000


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_same_files_other_seed_other_values(tmp_path: Path) -> None:
    generate = _generator()
    generate.generate(DATA, tmp_path / "a", TARGET, 17)
    generate.generate(DATA, tmp_path / "b", TARGET, 17)
    generate.generate(DATA, tmp_path / "c", TARGET, 18)
    first = _files(tmp_path / "a" / "data" / "generated")
    assert first == _files(tmp_path / "b" / "data" / "generated")
    assert first["observations.csv"] != _files(tmp_path / "c" / "data" / "generated")["observations.csv"]


def test_generated_records_pass_the_records_stage_and_shacl(tmp_path: Path) -> None:
    counts = _generator().generate(DATA, tmp_path, TARGET, 17)
    records = read_records(tmp_path / "data")
    generated = [r for r in records.records if "/generated/" in f"/{r.file}"]
    kinds = {r.kind for r in generated}
    assert {"observation", "act", "agreement", "organisation", "org-change-event",
            "policy-measure", "country", "stat-dataset", "source"} <= kinds
    assert sum(1 for r in generated if r.kind == "observation") == counts["observation"]
    amendments = [r for r in generated if r.kind == "act" and r.get("amends")]
    ratifications = [r for r in generated if r.kind == "act" and r.get("ratifies")]
    assert amendments and ratifications
    dataset = build_graph(records)
    triples = len(dataset)
    assert 0.8 * TARGET <= triples <= 1.25 * TARGET, triples
    report = validate_graph(dataset, records)
    assert report.conforms, report.summary()


def test_a_data_directory_it_did_not_write_is_refused_and_kept(tmp_path: Path) -> None:
    mine = tmp_path / "data"
    mine.mkdir()
    (mine / "acts.yaml").write_text("kind: act\nrecords: []\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="was not written by generate.py"):
        _generator().generate(DATA, tmp_path, TARGET, 17)
    assert [p.name for p in mine.iterdir()] == ["acts.yaml"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".data-")]
