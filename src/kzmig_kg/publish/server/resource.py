"""What a resource page shows: ``resource_view(state, iri, languages, ...)``, the description that
`kzmig-kg show` prints (``query.show.describe``: types and labels in the reader's languages,
outgoing properties grouped, incoming links counted per property and one property's subjects
paged, the passages it rests on with the text of those lines when the source document is
present) with links into this server, and the sources it cites."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ...query.labels import Labeller
from ...query.show import Description, describe
from ...query.show import Value as Shown

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
    namespace = state.settings.namespace
    found: Description = describe(iri, store=state.store, sources_dir=state.settings.sources_dir,
                                  languages=languages, labeller=state.labeller,
                                  incoming_of=incoming_property, page=page, page_size=PAGE_SIZE)

    def shown(value: Shown) -> Value:
        if value.blank:
            return Value("(blank node)")
        if value.iri is not None:
            return Value(value.text, href(value.iri, namespace))
        note = value.lang or (value.datatype or "").rsplit("#", 1)[-1]
        return Value(value.text, None, note)

    groups = [Group(p.predicate, p.label, href(p.predicate, namespace), [shown(v) for v in p.values])
              for p in found.properties]
    cited = [value for group in groups if group.iri in CITED for value in group.values]
    passages = [Passage(ref.file or "", ref.section or "", ref.first_line, ref.last_line,
                        [(ref.first_line + n, line) for n, line in enumerate(ref.text.split("\n"))]
                        if ref.text is not None else []) for ref in found.passages]
    view = ResourceView(found.iri, found.label, [(v.lang or "", v.text) for v in found.labels],
                        [shown(t) for t in found.types], groups,
                        [Incoming(i.predicate, i.label, i.count) for i in found.incoming],
                        passages, [v for n, v in enumerate(cited) if v not in cited[:n]],
                        found.note or "")
    if found.incoming_page is not None:
        listed = found.incoming_page
        view.page_of = Incoming(listed.predicate, listed.label, listed.count)
        view.page, view.pages = listed.page, listed.pages
        view.subjects = [shown(s) for s in listed.subjects]
    return view
