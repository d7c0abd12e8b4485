"""The N-Quads and N-Triples of the quads loaded into the store, each once, from the text they
were loaded from: ``unique_from_text``.

The streaming build keeps that text (``stream.stream_store(loaded=...)``): the workers' slice
files and the parent's own quads, in load order, with the repeats the store dropped (a
reference period described in several slices). Each line is ``S P O G .`` with a graph
(``stream._LoadedText`` keeps no text with a quad of the default graph), and one writer wrote
all the lines of a run of one subject in one graph, so within a run a repeated quad is a
repeated line. The lines are handled as bytes (0.3 s a million lines, where parsing each quad
into pyoxigraph terms and hashing them took 6 s of CPU at 1.1 million); only the lines of the
"scattered" subjects, whose quads are in several runs (in several graphs, or slices), are parsed,
to drop a quad or triple repeated in another run by its terms.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

_END = b" .\n"
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@dataclass
class TextCounts:
    """VoID's counts of the quads ``unique_from_text`` wrote (``void.describe_release``): quads
    per graph (its text, ``<IRI>``), distinct subjects (by the hash of their text: two subjects
    of one hash would be counted once, about one chance in 10^8 at a million subjects),
    predicates and classes (objects of ``rdf:type``, as text)."""

    graphs: dict[bytes, int]
    subjects: int
    predicates: set[bytes]
    classes: set[bytes]
    triples: int = 0  # the lines of the N-Triples written


@dataclass
class FromText:
    """What ``unique_from_text`` wrote: the number of quads; the hashes of the scattered
    subjects' pyoxigraph terms (those whose triples are not one run in the N-Triples:
    ``dumps.scattered_subjects``); the graphs; the hashes of every subject's text
    (``subject_text``); and VoID's counts."""

    written: int
    scattered: set[int]
    graphs: set[Any]
    subjects: set[int]
    counts: TextCounts


def unique_from_text(loaded: Path, nquads: Path, ntriples: Path) -> FromText:
    """Every quad of the N-Quads text ``loaded`` once into ``nquads``, and every triple once
    into ``ntriples``, in the text's order (each through a temporary file renamed into place)."""
    scattered, every_subject, predicates, classes = _scattered(loaded)
    per_graph: dict[bytes, int] = {}
    seen_quads: set[ox.Quad] = set()
    seen_triples: set[ox.Triple] = set()
    subjects: set[int] = set()
    graph_texts: set[bytes] = set()
    written = triples_written = 0
    partials = [path.with_name(f".{path.name}.partial") for path in (nquads, ntriples)]
    try:
        with loaded.open("rb") as lines, partials[0].open("wb") as quads_out, \
                partials[1].open("wb") as triples_out:
            # a run (one subject in one graph, not scattered) is gathered by comparing each
            # line's start and end with the run's, and written at once, each line once
            prefix = suffix = b""
            run: list[bytes] = []

            def flush() -> None:
                nonlocal written, triples_written
                unique = list(dict.fromkeys(run))
                quads_out.write(b"".join(unique))
                cut = len(suffix)
                triples_out.write(b"".join([line[:-cut] + _END for line in unique]))
                written += len(unique)
                triples_written += len(unique)
                per_graph[suffix] = per_graph.get(suffix, 0) + len(unique)
                run.clear()

            for line in lines:
                if prefix and line.startswith(prefix) and line.endswith(suffix):
                    run.append(line)
                    continue
                if run:
                    flush()
                subject = line[:line.index(b" ")]
                cut = line.rindex(b" ", 0, len(line) - len(_END))
                if hash(subject) in scattered:
                    prefix = b""
                    quad = next(ox.parse(line, format=ox.RdfFormat.N_QUADS))
                    if quad in seen_quads:
                        continue
                    seen_quads.add(quad)
                    subjects.add(hash(quad.subject))
                    if quad.triple not in seen_triples:
                        seen_triples.add(quad.triple)
                        triples_out.write(line[:cut] + _END)
                        triples_written += 1
                    quads_out.write(line)
                    written += 1
                    graph = line[cut:]
                    per_graph[graph] = per_graph.get(graph, 0) + 1
                    continue
                prefix, suffix = subject + b" ", line[cut:]
                graph_texts.add(line[cut + 1:-len(_END)])
                run.append(line)
            if run:
                flush()
        os.replace(partials[0], nquads)
        os.replace(partials[1], ntriples)
    finally:
        for partial in partials:
            partial.unlink(missing_ok=True)
    graphs = {quad.graph_name for quad in seen_quads} | {_graph(text) for text in graph_texts}
    per_graph_text: dict[bytes, int] = {}
    for graph, count in per_graph.items():  # keyed by the lines' end, " <graph> .\n"
        text = graph[1:-len(_END)]
        per_graph_text[text] = per_graph_text.get(text, 0) + count
    counts = TextCounts(per_graph_text, len(every_subject), predicates, classes, triples_written)
    return FromText(written, subjects, graphs, every_subject, counts)


def subject_text(term: ox.NamedNode | ox.BlankNode) -> bytes:
    """A subject as the text writes it (for ``FromText.subjects``)."""
    return f"<{term.value}>".encode() if type(term) is ox.NamedNode else f"_:{term.value}".encode()


def _scattered(loaded: Path) -> tuple[set[int], set[int], set[bytes], set[bytes]]:
    """The hashes of the subject texts whose lines are in more than one run (same subject, same
    graph) of ``loaded``, and of every subject text; the predicates' and classes' texts."""
    seen: set[int] = set()
    scattered: set[int] = set()
    predicates: set[bytes] = set()
    classes: set[bytes] = set()
    prefix = suffix = b""
    with loaded.open("rb") as lines:
        for line in lines:
            if prefix and line.startswith(prefix) and line.endswith(suffix):  # the same run
                start = len(prefix)
                predicate = line[start:line.index(b" ", start)]
            else:
                subject = line[:line.index(b" ")]
                prefix, suffix = subject + b" ", line[line.rindex(b" ", 0, len(line) - len(_END)):]
                code = hash(subject)
                if code in seen:
                    scattered.add(code)
                seen.add(code)
                start = len(prefix)
                predicate = line[start:line.index(b" ", start)]
            predicates.add(predicate)
            if predicate == _RDF_TYPE:
                classes.add(line[start + len(predicate) + 1:-len(suffix)])
    return scattered, seen, predicates, classes


def _graph(text: bytes) -> Any:
    """The graph term written as ``text`` (an IRI or a blank node)."""
    return next(ox.parse(b"<urn:x:s> <urn:x:p> <urn:x:o> " + text + _END,
                         format=ox.RdfFormat.N_QUADS)).graph_name
