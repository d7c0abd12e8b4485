"""The streaming build's N-Quads and N-Triples made from the text loaded into the store
(``stream.stream_store(loaded=...)``, ``release.dumps.write_data_dumps(..., loaded)``) hold the
quads and triples of the store read back, each once, without reading the store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kzmig_kg.pipeline.release.dumps import (
    DATA_NQUADS,
    DATA_NTRIPLES,
    _data_dumps_from,
    write_counted_data_dumps,
    write_data_dumps,
)
from kzmig_kg.pipeline.release.void import _counted_on

from .conftest import DATA

ID = "https://w3id.org/kzmig/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _lines(path: Path) -> tuple[int, set[str], int]:
    """The file's number of statements, its statements without blank nodes, and the number with."""
    fmt = ox.RdfFormat.N_QUADS if path.name.endswith(".nq") else ox.RdfFormat.N_TRIPLES
    statements = [str(s) for s in ox.parse(path=str(path), format=fmt)]
    return (len(statements), {s for s in statements if "_:" not in s},
            sum("_:" in s for s in statements))


def _same_dumps(from_store: Path, from_text: Path) -> None:
    for name in (DATA_NQUADS, DATA_NTRIPLES):
        assert _lines(from_text / name) == _lines(from_store / name), name


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> tuple[ox.Store, Path]:
    """The curated records mapped by two workers in slices of 300 into an on-disk store, as the
    build maps 10,000 records and more (about 1.5 s: the workers' slice files are the text under
    test, and only real records give them), with the text loaded kept."""
    from kzmig_kg.pipeline.records import read_records
    from kzmig_kg.pipeline.stream import stream_store
    work = tmp_path_factory.mktemp("loaded")
    store = stream_store(read_records(DATA), location=work / "store", workers=2,
                         slice_size=300, loaded=work / "loaded.nq")
    return store, work / "loaded.nq"


def test_the_workers_text_gives_the_stores_quads_each_once(curated, tmp_path: Path) -> None:
    store, loaded = curated
    text_lines = sum(1 for _ in loaded.open("rb"))
    assert text_lines > len(store) > 30_000  # the slices repeat quads (a shared reference period)
    (tmp_path / "store").mkdir()
    (tmp_path / "text").mkdir()
    write_data_dumps(store, tmp_path / "store")
    assert _data_dumps_from(loaded, store, tmp_path / "text") is not None  # not read back
    _same_dumps(tmp_path / "store", tmp_path / "text")
    assert _lines(tmp_path / "text" / DATA_NQUADS)[0] == len(store)


def _loaded(tmp_path: Path) -> tuple[ox.Store, Path]:
    """A store loaded from a text where one label is repeated in its run and ``a`` is described
    in two graphs (its label in both), with the text."""
    a, b = ox.NamedNode(ID + "act/a"), ox.NamedNode(ID + "act/b")
    one, two = (ox.NamedNode(f"https://w3id.org/kzmig/graph/records/{n}") for n in ("one", "two"))
    quads = [ox.Quad(a, LABEL, ox.Literal("Law", language="en"), one),
             ox.Quad(b, LABEL, ox.Literal("Закон", language="ru"), two),
             ox.Quad(b, LABEL, ox.Literal("Закон", language="ru"), two),
             ox.Quad(a, LABEL, ox.Literal("Law", language="en"), two),
             ox.Quad(a, ox.NamedNode(ID + "note"), ox.Literal("x"), two)]
    text = tmp_path / "loaded.nq"
    text.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    store = ox.Store()
    store.extend(quads)
    return store, text


def test_repeats_in_a_run_and_across_graphs_are_written_once(tmp_path: Path) -> None:
    store, text = _loaded(tmp_path)
    assert _data_dumps_from(text, store, tmp_path) is not None
    assert _lines(tmp_path / DATA_NQUADS)[0] == len(store) == 4
    assert _lines(tmp_path / DATA_NTRIPLES)[0] == 3  # a's label once


def test_a_graph_added_after_loading_is_read_from_the_store(tmp_path: Path) -> None:
    """A named graph the build adds to the store after the load (derived figures) is in the
    dumps: only that graph is read from the store."""
    store, text = _loaded(tmp_path)
    summary = ox.NamedNode("https://w3id.org/kzmig/graph/summary")
    store.add(ox.Quad(ox.NamedNode(ID + "act/a"), LABEL, ox.Literal("Law", language="en"), summary))
    store.add(ox.Quad(ox.NamedNode(ID + "sum/1"), LABEL, ox.Literal("sum"), summary))
    (tmp_path / "store").mkdir()
    (tmp_path / "text").mkdir()
    write_data_dumps(store, tmp_path / "store")
    assert _data_dumps_from(text, store, tmp_path / "text") is not None
    _same_dumps(tmp_path / "store", tmp_path / "text")
    assert _lines(tmp_path / "text" / DATA_NTRIPLES)[0] == 4


def test_a_graph_of_new_subjects_added_after_loading_keeps_the_texts_triples(
        tmp_path: Path) -> None:
    """When no subject of the added graph is in the text, its quads and triples are appended
    and its subjects given as scattered (the JSON-LD gathers them): the text's N-Triples are not
    merged again."""
    store, text = _loaded(tmp_path)
    summary = ox.NamedNode("https://w3id.org/kzmig/graph/summary")
    figure = ox.NamedNode(ID + "sum/1")
    store.add(ox.Quad(figure, LABEL, ox.Literal("sum"), summary))
    store.add(ox.Quad(figure, ox.NamedNode(ID + "note"), ox.Literal("s"), summary))
    (tmp_path / "store").mkdir()
    (tmp_path / "text").mkdir()
    write_data_dumps(store, tmp_path / "store")
    scattered = _data_dumps_from(text, store, tmp_path / "text")
    # one run in the files: a merge of the N-Triples again would not have called it scattered
    assert scattered is not None and hash(figure) in scattered
    _same_dumps(tmp_path / "store", tmp_path / "text")
    assert _lines(tmp_path / "text" / DATA_NTRIPLES)[0] == 5


def test_a_quad_added_to_a_loaded_graph_falls_back_to_reading_the_store(tmp_path: Path) -> None:
    store, text = _loaded(tmp_path)
    store.add(ox.Quad(ox.NamedNode(ID + "act/c"), LABEL, ox.Literal("c"),
                      ox.NamedNode("https://w3id.org/kzmig/graph/records/one")))
    (tmp_path / "store").mkdir()
    (tmp_path / "text").mkdir()
    assert _data_dumps_from(text, store, tmp_path / "text") is None
    write_data_dumps(store, tmp_path / "store")
    write_data_dumps(store, tmp_path / "text", text)
    _same_dumps(tmp_path / "store", tmp_path / "text")
    assert _lines(tmp_path / "text" / DATA_NQUADS)[0] == len(store) == 5


def test_a_quad_of_the_default_graph_gives_up_the_text(tmp_path: Path) -> None:
    """The text's lines must each name a graph; a quad of the default graph removes the text,
    and the dumps are read from the store."""
    from kzmig_kg.pipeline.stream import _LoadedText
    store, _text = _loaded(tmp_path)
    loaded = tmp_path / "kept.nq"
    named = list(store)
    default = ox.Quad(ox.NamedNode(ID + "act/d"), LABEL, ox.Literal("d"))
    with _LoadedText(loaded) as text:
        add = text.beside(store.extend)
        add(named)
        assert loaded.exists()
        add([default])
    assert not loaded.exists() and default in store
    (tmp_path / "store").mkdir()
    (tmp_path / "text").mkdir()
    write_data_dumps(store, tmp_path / "store")
    write_data_dumps(store, tmp_path / "text", loaded)
    _same_dumps(tmp_path / "store", tmp_path / "text")


def _same_counts(store: ox.Store, text: Path, directory: Path) -> None:
    """VoID's counts taken from the text (``from_text.TextCounts``) are those of the store."""
    directory.mkdir()
    counted = write_counted_data_dumps(store, directory, text)[1]
    assert counted is not None
    graphs, subjects, predicates, classes = _counted_on(store)
    assert {text[1:-1].decode(): n for text, n in counted.graphs.items()} == {
        str(graph): n for graph, n in graphs.items()}
    assert (counted.subjects, len(counted.predicates), len(counted.classes)) == (
        subjects, predicates, classes)
    assert counted.triples == _lines(directory / DATA_NTRIPLES)[0] == len(
        {quad.triple for quad in store})


def test_voids_counts_from_the_text_are_the_stores(curated, tmp_path: Path) -> None:
    store, loaded = curated
    _same_counts(store, loaded, tmp_path / "curated")
    small, text = _loaded(tmp_path)  # repeats in a run and across graphs
    _same_counts(small, text, tmp_path / "small")


def test_voids_counts_are_not_taken_from_a_text_that_is_not_the_whole_store(
        tmp_path: Path) -> None:
    store, text = _loaded(tmp_path)
    store.add(ox.Quad(ox.NamedNode(ID + "sum/1"), LABEL, ox.Literal("sum"),
                      ox.NamedNode("https://w3id.org/kzmig/graph/summary")))
    assert write_counted_data_dumps(store, tmp_path, text)[1] is None
