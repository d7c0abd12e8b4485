"""A reasoner that runs out of memory is reported as such, never as an inconsistency; its heap is
configurable (option and environment variable)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, URIRef

from kzmig_kg.errors import InconsistentOntology, KzmigError
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline import reason
from kzmig_kg.pipeline.reason import (
    check_consistency,
    hermit_verdict,
    reasoner_heap,
    reasoning_copy,
)

from .conftest import FIXTURES, ROOT, require_executable


def _inconsistent_dataset() -> Dataset:
    return _dataset_with("disjoint-types.ttl")


def _dataset_with(fixture: str) -> Dataset:
    dataset = Dataset()
    ontology = dataset.graph(URIRef("https://w3id.org/kzmig/graph/ontology"))
    ontology.parse(ONTOLOGY_DIR / "kzmig.ttl")
    ontology.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    dataset.graph(URIRef("https://w3id.org/kzmig/graph/fixture")).parse(
        FIXTURES / "reasoning" / fixture)
    return dataset


def test_hermit_out_of_memory_is_reported_as_memory_not_inconsistency(tmp_path: Path) -> None:
    """A real HermiT with a 3 MB heap on an inconsistent graph: it cannot finish, and the check
    says so (with the heap and how to raise it) instead of calling the graph inconsistent."""
    java = require_executable("java", "HermiT runs on Java")
    path = tmp_path / "copy.nt"
    reasoning_copy(list(_inconsistent_dataset().graphs())).serialize(path, format="nt", encoding="utf-8")
    with pytest.raises(reason.ReasonerOutOfMemory) as caught:
        reason._run_hermit(java, path, "3m")
    assert "ran out of memory with a 3m heap" in str(caught.value)
    assert "--reasoner-heap" in str(caught.value) and "KZMIG_REASONER_HEAP" in str(caught.value)


def test_above_the_heap_s_size_the_rule_check_runs_instead(release) -> None:
    """With a heap too small for the graph, HermiT is skipped, said so, and the OWL 2 RL rules
    check the release (consistent) instead."""
    result = check_consistency(release.dataset, heap="1m")
    assert result.ran and result.consistent and result.method == "OWL 2 RL rules"
    assert "HermiT skipped" in result.reason and "exceed what a 1m heap holds" in result.reason
    assert "OWL 2 RL rules): consistent" in result.summary()


@pytest.mark.parametrize("fixture, words", [
    ("disjoint-types.ttl", "act-and-passage> is both LegalAct and Passage"),
    ("two-adoption-dates.ttl", "2 values for functional property date_document"),
])
def test_the_rule_check_finds_the_fixtures_inconsistent(fixture: str, words: str) -> None:
    with pytest.raises(InconsistentOntology, match="OWL 2 RL rule check") as caught:
        check_consistency(_dataset_with(fixture), heap="1m")
    assert words in str(caught.value)


def test_an_out_of_memory_trace_naming_the_inconsistency_exception_is_memory(tmp_path: Path) -> None:
    """The failure of issue #17: an OutOfMemoryError whose stack trace passes through
    throwInconsistentOntologyExceptionIfNecessary was read as 'inconsistent'."""
    trace = (FIXTURES / "reasoning" / "out-of-memory-in-consistency-check.txt").read_text()
    assert "InconsistentOntologyException" in trace
    with pytest.raises(reason.ReasonerOutOfMemory, match="ran out of memory with a 2000M heap"):
        hermit_verdict(1, "", trace, tmp_path / "copy.nt", "2000M")


def test_the_heap_comes_from_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KZMIG_REASONER_HEAP", raising=False)
    assert reasoner_heap() == "2000M"
    monkeypatch.setenv("KZMIG_REASONER_HEAP", "8g")
    assert reasoner_heap() == "8g"
    assert reasoner_heap("4096M") == "4096M"
    monkeypatch.setenv("KZMIG_REASONER_HEAP", "lots")
    with pytest.raises(KzmigError, match="KZMIG_REASONER_HEAP: 'lots' is not a Java heap size"):
        reasoner_heap()


def test_a_bad_heap_option_fails_the_build_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("kzmig-kg")), "build", "--data", str(ROOT / "data"),
         "--out", str(tmp_path / "dist"), "--reasoner-heap", "2 gigabytes"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 1
    assert "--reasoner-heap: '2 gigabytes' is not a Java heap size" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "dist").exists()


def test_hermit_out_of_memory_falls_back_to_the_rule_check() -> None:
    """A graph small enough for the heap's size estimate, but a real HermiT still runs out of its
    3 MB heap: the rule check runs instead, and the result says why."""
    require_executable("java", "HermiT runs on Java")
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://w3id.org/kzmig/graph/fixture"))
    for n in range(1500):  # under the estimate for 3 MB (about 1,750 triples), over HermiT's need
        graph.add((URIRef(f"https://example.org/i{n}"), RDF.type,
                   URIRef(f"https://example.org/C{n % 50}")))
    result = check_consistency(dataset, heap="3m")
    assert result.ran and result.consistent and result.method == "OWL 2 RL rules"
    assert "HermiT ran out of memory with a 3m heap" in result.reason
