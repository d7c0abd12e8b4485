"""The streaming build (pipeline/stream.py) gives today's release, quad for quad."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import VOID

from kzmig_kg.cli import main
from kzmig_kg.errors import RecordErrors
from kzmig_kg.namespaces import DCTERMS, KZO
from kzmig_kg.pipeline.build import build_release
from kzmig_kg.pipeline.release import DATASET_IRI, RELEASE_GRAPH
from kzmig_kg.pipeline.store import open_store
from kzmig_kg.pipeline.stream import stream_store

from .conftest import DATA

# what differs between two builds of the same records by design: the time of the build, and the
# reasoner's line (HermiT, or the rules, or skipped, with its seconds), and so the triple counts of
# the release description and of the whole
VOLATILE = {(DATASET_IRI, DCTERMS.modified), (DATASET_IRI, DCTERMS.issued),
            (DATASET_IRI, VOID.triples), (URIRef(f"{DATASET_IRI}/graph/release"), VOID.triples)}


def _canonical(path: Path) -> dict[str, set[str]]:
    """Each named graph of an N-Quads file as N-Triples lines, blank nodes canonicalised, without
    the build's time and reasoner description (parsed by pyoxigraph; only the graphs with blank
    nodes go through rdflib's canonicalisation)."""
    volatile = {(str(s), str(p)) for s, p in VOLATILE}
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    reasoner = {q.object for q in quads
                if q.subject.value == str(DATASET_IRI) and q.predicate.value == str(KZO.reasonerCheck)}
    lines: dict[str, list[str]] = {}
    blank: set[str] = set()
    for q in quads:
        if (q.subject.value, q.predicate.value) in volatile or q.subject in reasoner \
                or q.predicate.value == str(KZO.reasonerCheck):
            continue
        name = q.graph_name.value
        lines.setdefault(name, []).append(f"{q.subject} {q.predicate} {q.object} .")
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            blank.add(name)
    graphs: dict[str, set[str]] = {}
    for name, triples in lines.items():
        if name in blank:
            plain = to_canonical_graph(Graph().parse(data="\n".join(triples), format="nt"))
            graphs[name] = {f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in plain}
        else:
            graphs[name] = set(triples)
    return graphs


@pytest.fixture(scope="module")
def streamed(release, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`kzmig-kg build --stream` on the curated records: the release directory and the output."""
    out = tmp_path_factory.mktemp("streamed") / "dist"
    done = CliRunner().invoke(main, ["build", "--data", str(DATA), "--out", str(out),
                                     "--no-reason", "--stream"])
    assert done.exit_code == 0, done.output
    return out, done.output


def test_streaming_release_equals_todays_quad_for_quad(release, streamed) -> None:
    out, _output = streamed
    today, streaming = _canonical(release.dir / "kzmig.nq"), _canonical(out / "kzmig.nq")
    assert set(streaming) == set(today)
    for name in today:
        assert streaming[name] == today[name], (name, sorted(streaming[name] ^ today[name])[:5])
    assert str(RELEASE_GRAPH) in today and len(today) > 50


def test_streaming_release_store_holds_its_nquads(streamed) -> None:
    out, _output = streamed
    store = open_store(out / "store")
    assert len(store) == sum(1 for _ in (out / "kzmig.nq").open())


def test_streaming_validates_and_reports_like_todays_build(release, streamed) -> None:
    out, output = streamed
    checked = release.result.validation.triples_checked
    assert f"SHACL: conforms; 0 violation(s), 0 warning(s)/info(s) over {checked} triples" in output
    timings = json.loads((out / "build-timings.json").read_text(encoding="utf-8"))
    assert "rdf" in timings and "shacl" in timings and "store" not in timings  # no rdflib graph


def test_chunk_size_does_not_change_the_quads(release) -> None:
    from kzmig_kg.pipeline.records import read_records
    records = read_records(DATA)
    one = stream_store(records, chunk=1)
    whole = stream_store(records, chunk=10**9)
    ground = {q for q in one if not _has_blank(q)}
    assert ground == {q for q in whole if not _has_blank(q)}
    assert len(one) == len(whole)
    assert any(q.predicate.value == str(KZO.recordId) for q in ground)


def _has_blank(quad) -> bool:
    return any(type(t).__name__ == "BlankNode" for t in (quad.subject, quad.object))


def test_a_passage_missing_from_passages_csv_fails_the_streaming_build(
        data_copy: Path, tmp_path: Path) -> None:
    """The mapping's own checks (here: a locator with no passage record) still fire per record."""
    acts = data_copy / "legal" / "acts.yaml"
    text = acts.read_text(encoding="utf-8")
    assert 'passages: ["52-55"]' in text
    acts.write_text(text.replace('passages: ["52-55"]', 'passages: ["52-56"]', 1), encoding="utf-8")
    with pytest.raises(RecordErrors, match="passage .*52.*56.* is not in data/passages.csv"):
        build_release(data_copy, tmp_path / "dist", reason=False, stream=True)
    assert not (tmp_path / "dist").exists()


def test_generated_data_streams_to_the_same_quads_in_many_chunks(tmp_path: Path) -> None:
    """Generated records (amendment chains, reorganisations, thousands of observations) through
    the streaming path in chunks of 500, against the rdflib path: the same ground quads, and the
    same number of quads with blank nodes (the ontology's lists, whose ids differ by build)."""
    from kzmig_kg.pipeline.graph import build_graph
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.store import memory_store

    from .test_generate import _generator
    _generator().generate(DATA, tmp_path, 60_000, 17)
    records = read_records(tmp_path / "data")
    assert len(records.records) > 2_000
    streamed = stream_store(records, chunk=500)
    reference = memory_store(build_graph(records).quads((None, None, None, None)))
    assert len(streamed) == len(reference) > 50_000
    assert ({q for q in streamed if not _has_blank(q)}
            == {q for q in reference if not _has_blank(q)})


def test_mapping_in_two_workers_gives_the_serial_quads(release) -> None:
    """Slices of 300 curated records mapped by two forked workers, loaded from their N-Quads files:
    the same ground quads as the serial streaming mapper, and as many quads with blank nodes."""
    from kzmig_kg.pipeline.records import read_records
    records = read_records(DATA)
    serial = stream_store(records)
    parallel = stream_store(records, workers=2, slice_size=300)
    assert len(records.records) > 4 * 300
    assert len(parallel) == len(serial) > 30_000
    assert {q for q in parallel if not _has_blank(q)} == {q for q in serial if not _has_blank(q)}


def test_a_duplicate_observation_across_workers_fails_as_in_the_serial_build(
        data_copy: Path) -> None:
    """Two observations with one data set and key, 93 records apart: in slices of 31 records they
    fall to different workers, neither of which sees both; the build still reports the pair, with
    the serial build's words."""
    from kzmig_kg.pipeline.records import read_records
    flows = data_copy / "statistics" / "flows-bns-2023b.csv"
    lines = flows.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("bns23b-IMM-CHN-2000,") and len(lines) == 94
    flows.write_text("\n".join([*lines, lines[1].replace("bns23b-IMM-CHN-2000,",
                                                         "bns23b-IMM-CHN-2000b,", 1)]) + "\n",
                     encoding="utf-8")
    records = read_records(data_copy)
    with pytest.raises(RecordErrors) as serial:
        stream_store(records)
    with pytest.raises(RecordErrors) as parallel:
        stream_store(records, workers=2, slice_size=31)
    assert "same data set and key as record 'bns23b-IMM-CHN-2000'" in str(serial.value)
    assert str(parallel.value) == str(serial.value)


def test_the_workers_nquads_text_parses_to_the_converted_terms() -> None:
    """The text the workers write for a term is read back by pyoxigraph as the term the serial
    path builds (quotes, backslashes, line breaks, languages, datatypes, blank nodes)."""
    from rdflib import BNode, Literal
    from rdflib.namespace import XSD

    from kzmig_kg.pipeline.store import to_oxigraph
    from kzmig_kg.pipeline.stream import _NQuadsText
    objects = [Literal('a "quoted" \\ back\\slash\nand\r\nbreaks'), Literal("Қазақстан", lang="kk"),
               Literal(5), Literal("2011-02-01", datatype=XSD.date), Literal("x", datatype=XSD.string),
               Literal("12", datatype=XSD.positiveInteger), URIRef("https://w3id.org/kzmig/id/a"),
               BNode()]
    subject, predicate, graph = (URIRef("https://w3id.org/kzmig/id/s"),
                                 URIRef("https://w3id.org/kzmig/ontology#p"),
                                 URIRef("https://w3id.org/kzmig/graph/g"))
    text = _NQuadsText()
    lines = "".join(f"{text.term(subject)} {text.term(predicate)} {text.term(o)} {text.term(graph)} .\n"
                    for o in objects)
    parsed = [q.object for q in ox.parse(lines, format=ox.RdfFormat.N_QUADS)]
    assert parsed == [to_oxigraph(o) for o in objects]


def test_streamed_release_parts_read_from_the_store_equal_todays(release, streamed) -> None:
    """The parts a streaming build writes from its store beside SHACL and the dumps (a forked
    process on the store opened read-only): the framed documents byte for byte, the schema.org
    view (its lists of values in any order: the store's) and the search index's rows as today's
    release has them."""
    import sqlite3

    from kzmig_kg.paths import SEARCH_INDEX
    from kzmig_kg.pipeline.release.framed import framed_name
    out, _output = streamed
    for kind in ("acts", "bodies", "observations"):
        assert (out / framed_name(kind)).read_bytes() == (release.dir / framed_name(kind)).read_bytes()
    schema = [_unordered(json.loads((d / "kzmig-schemaorg.jsonld").read_text(encoding="utf-8")))
              for d in (out, release.dir)]
    assert schema[0] == schema[1] and "Legislation" in json.dumps(schema[0])

    def rows(directory: Path) -> list[tuple]:
        connection = sqlite3.connect(directory / SEARCH_INDEX)
        try:
            return connection.execute("SELECT * FROM hits ORDER BY iri, label").fetchall()
        finally:
            connection.close()
    today = rows(release.dir)
    assert rows(out) == today and any('"first"' in row[5] for row in today)


def _unordered(value: object) -> object:
    """A JSON value with every list sorted (by its items' JSON text)."""
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_unordered(item) for item in value), key=lambda item: json.dumps(item))
    return value


def test_a_mapping_worker_that_fails_stops_the_build_in_one_line(
        release, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose mapper raises (here the derived figures, the last slice) is reported by
    the parent as one line naming the worker and the error."""
    from kzmig_kg.errors import KzmigError
    from kzmig_kg.pipeline import graph
    from kzmig_kg.pipeline.records import read_records

    def broken(records, ctx) -> None:
        raise RuntimeError("mapper broke")

    monkeypatch.setattr(graph, "map_derived", broken)
    records = read_records(DATA)
    with pytest.raises(KzmigError, match=r"^mapping worker \d failed: RuntimeError: mapper broke$"):
        stream_store(records, workers=2, slice_size=500)


def _map_curated_in_workers(load, work: Path) -> None:
    """The curated records mapped by two workers in slices of 300 (eight files with the derived
    figures), each file given to ``load`` on up to two loader threads."""
    from kzmig_kg.mapping.context import MappingContext
    from kzmig_kg.pipeline.graph import register_passages
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.stream import _ChunkDataset, _NQuadsText, _serial_errors
    from kzmig_kg.pipeline.stream_workers import map_in_workers
    records = read_records(DATA)
    template = MappingContext(records=records, dataset=_ChunkDataset())  # type: ignore[arg-type]
    register_passages(records, template)
    map_in_workers(records, template, load, _ChunkDataset, _NQuadsText, 2, 300, work,
                   lambda: _serial_errors(records), loaders=2)


def test_slice_files_load_on_two_threads_at_once(tmp_path: Path) -> None:
    """The first two slice files are loaded side by side: each load waits for the other at a
    barrier, which a single loader would break after its timeout. Every file is loaded once
    and removed, and the store they fill is the serial mapping's (about 1.5 s: real records
    through real workers)."""
    import threading

    from rdflib import Dataset

    from kzmig_kg.pipeline.graph import add_vocabularies, load_ontology
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.store import to_oxigraph
    barrier, lock, texts = threading.Barrier(2, timeout=30), threading.Lock(), []
    store = ox.Store()

    def load(path: Path) -> None:
        with lock:
            first_two = len(texts) < 2
            texts.append(path.name)
        if first_two:
            barrier.wait()
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)

    _map_curated_in_workers(load, tmp_path)
    assert len(texts) == len(set(texts)) == 8
    assert not list(tmp_path.iterdir())  # the slice directory is removed
    serial = stream_store(read_records(DATA))  # with the ontology and vocabularies, as rdflib's
    fixed = Dataset()
    load_ontology(fixed)
    add_vocabularies(fixed)
    fixed_quads = {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(g))
                   for s, p, o, g in fixed.quads((None, None, None, None))}
    assert len(store) > 30_000
    assert ({q for q in store if not _has_blank(q)}
            == {q for q in serial if not _has_blank(q) and q not in fixed_quads})


def test_a_load_that_fails_on_a_loader_thread_stops_the_mapping(tmp_path: Path) -> None:
    """A bulk load that raises on a loader thread (here the second file: a full disk) stops the
    mapping with that error; the workers end and the slice directory is removed."""
    calls = []

    def load(path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left on device"):
        _map_curated_in_workers(load, tmp_path)
    assert not list(tmp_path.iterdir())
