"""What a resource page shows, gathered from the store: ``resource_view(state, iri, languages, ...)``:
types and labels, outgoing properties grouped, incoming links counted per property (and one
property's subjects paged), the passages it rests on with the text of those lines when the source
document is present (read by ``query.passage_text``, issue #15), and the sources it cites."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ...query.passage_text import PassageRef, missing_note, with_text
from .describe import description
from .labels import Labeller

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KZO = "https://w3id.org/kzmig/ontology#"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
CITED = ("http://purl.org/dc/terms/source", "http://www.w3.org/ns/prov#hadPrimarySource")
PAGE_SIZE = 25


@dataclass
class Value:
    text: str
    href: str | None = None
    note: str = ""          # language tag or datatype


@dataclass
class Group:
    iri: str
    label: str
    href: str | None
    values: list[Value]


@dataclass
class Passage:
    document: str
    section: str
    first: int
    last: int
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Incoming:
    iri: str
    label: str
    count: int


@dataclass
class ResourceView:
    iri: str
    title: str
    labels: list[tuple[str, str]]
    types: list[Value]
    groups: list[Group]
    incoming: list[Incoming]
    passages: list[Passage]
    cited: list[Value]
    passage_note: str = ""
    page_of: Incoming | None = None
    subjects: list[Value] = field(default_factory=list)
    page: int = 1
    pages: int = 1


def href(iri: str, namespace: str) -> str:
    return "/" + iri[len(namespace):] if iri.startswith(namespace) else iri


def value_of(term, labeller: Labeller, namespace: str, languages: tuple[str, ...]) -> Value:
    if isinstance(term, ox.NamedNode):
        return Value(labeller.label(term.value, languages), href(term.value, namespace))
    if isinstance(term, ox.Literal):
        note = term.language or term.datatype.value.rsplit("#", 1)[-1]
        return Value(term.value, None, "" if note == "string" else note)
    return Value("(blank node)")


def resource_view(state, iri: str, languages: tuple[str, ...], incoming_property: str | None = None,
                  page: int = 1) -> ResourceView:
    store: ox.Store = state.store
    labeller: Labeller = state.labeller
    namespace = state.settings.namespace
    triples = [t for t in description(store, iri) if t.subject == ox.NamedNode(iri)]
    types, groups, derived, cited = [], {}, [], []
    for triple in triples:
        predicate = triple.predicate.value
        if predicate == RDF_TYPE:
            types.append(value_of(triple.object, labeller, namespace, languages))
            continue
        group = groups.get(predicate)
        if group is None:
            group = groups[predicate] = Group(predicate, labeller.label(predicate, languages),
                                              href(predicate, namespace), [])
        value = value_of(triple.object, labeller, namespace, languages)
        if value not in group.values:
            group.values.append(value)
        if predicate == DERIVED and isinstance(triple.object, ox.NamedNode):
            derived.append(triple.object)
        if predicate in CITED and value not in cited:
            cited.append(value)
    refs = with_text(_passage_refs(store, derived), state.settings.sources_dir)
    passages = [Passage(ref.file or "", ref.section or "", ref.first_line, ref.last_line,
                        [(ref.first_line + n, line) for n, line in enumerate(ref.text.split("\n"))]
                        if ref.text is not None else []) for ref in refs]
    counts = _incoming_counts(store, iri)
    incoming = [Incoming(p, labeller.label(p, languages), n) for p, n in counts]
    view = ResourceView(iri, labeller.label(iri, languages), labeller.labels(iri),
                        types, sorted(groups.values(), key=lambda g: g.label.lower()),
                        incoming, sorted(passages, key=lambda p: p.first), cited,
                        missing_note(refs, state.settings.sources_dir) or "")
    chosen = next((i for i in incoming if i.iri == incoming_property), None)
    if chosen is not None:
        view.page_of = chosen
        view.pages = max(1, -(-chosen.count // PAGE_SIZE))
        view.page = min(max(1, page), view.pages)
        subjects = sorted({q.subject.value for q in store.quads_for_pattern(
            None, ox.NamedNode(chosen.iri), ox.NamedNode(iri), None) if isinstance(q.subject, ox.NamedNode)})
        start = (view.page - 1) * PAGE_SIZE
        view.subjects = [Value(labeller.label(s, languages), href(s, namespace))
                         for s in subjects[start:start + PAGE_SIZE]]
    return view


def _incoming_counts(store: ox.Store, iri: str) -> list[tuple[str, int]]:
    counts: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, None, ox.NamedNode(iri), None):
        counts.setdefault(quad.predicate.value, set()).add(str(quad.subject))
    return sorted(((p, len(s)) for p, s in counts.items()), key=lambda item: (-item[1], item[0]))


def _passage_refs(store: ox.Store, passages: list[ox.NamedNode]) -> list[PassageRef]:
    """The line ranges (with document file and section number) of the passages a resource
    was derived from."""
    def one(node, prop: str):
        return next((q.object for q in store.quads_for_pattern(node, ox.NamedNode(prop), None, None)), None)

    refs = []
    for passage in passages:
        first, last = one(passage, KZO + "firstLine"), one(passage, KZO + "lastLine")
        if first is None or last is None:
            continue
        document = one(passage, "http://www.w3.org/ns/oa#hasSource")
        section = one(passage, KZO + "inSection")
        file_name = one(document, KZO + "fileName") if document is not None else None
        number = one(section, KZO + "sectionNumber") if section is not None else None
        refs.append(PassageRef(file_name.value if file_name is not None else None, int(first.value),
                               int(last.value), number.value if number is not None else None))
    return refs
