"""``describe(ref)``: one resource as a researcher reads it: its types and labels, its properties
with the labels of predicates and values (in the reader's ``languages``), its incoming links
counted by predicate (and, with ``incoming_of``, one predicate's subjects a page at a time), and
the passages of the source document it rests on, with the text of those lines and their section
when the document is at hand (a note when it is not). ``ref`` is a record id or an IRI; a ref that
matches nothing is an error naming the closest ids. `kzmig-kg show` prints it; the server's
resource page renders it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import BASE, PREFIXES
from ..pipeline.store import open_store
from .labels import LANGUAGES, Labeller, short_iri
from .passage_text import PassageRef, missing_note, with_text

__all__ = ["Description", "Incoming", "IncomingPage", "Property", "Value", "describe", "short_iri"]
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
_LABEL_TYPES = ("http://www.w3.org/2000/01/rdf-schema#label",
                "http://www.w3.org/2004/02/skos/core#prefLabel")


@dataclass
class Value:
    """An object of the resource: a literal (``text``, with ``lang`` or ``datatype``) or an IRI
    (``iri``, with ``text`` its label in the first of the reader's languages that has one or,
    lacking any, its short name) or a blank node (``blank``, ``text`` its N-Triples form)."""

    text: str
    iri: str | None = None
    lang: str | None = None
    datatype: str | None = None
    blank: bool = False


@dataclass
class Property:
    predicate: str
    label: str
    values: list[Value] = field(default_factory=list)


@dataclass
class Incoming:
    predicate: str
    label: str
    count: int


@dataclass
class IncomingPage:
    """The subjects that link to the resource by one predicate, ``page`` of ``pages``."""

    predicate: str
    label: str
    count: int
    page: int
    pages: int
    subjects: list[Value] = field(default_factory=list)


@dataclass
class Description:
    iri: str
    id: str | None
    label: str
    types: list[Value]
    labels: list[Value]
    properties: list[Property]
    incoming: list[Incoming]
    passages: list[PassageRef]
    note: str | None = None
    incoming_page: IncomingPage | None = None


def describe(ref: str, store_dir: Path = Path("dist/store"), *, store: ox.Store | None = None,
             sources_dir: Path | None = None, languages: tuple[str, ...] = LANGUAGES,
             labeller: Labeller | None = None, incoming_of: str | None = None, page: int = 1,
             page_size: int = 25) -> Description:
    """Describe the resource with record id or IRI ``ref`` from the built store, labelled in
    ``languages`` (by ``labeller``, which a long-lived reader passes to keep its cache); with
    ``incoming_of`` (a predicate IRI), page ``page`` of the subjects linking by it."""
    if store is None:
        store = open_store(Path(store_dir))
    if labeller is None:
        labeller = Labeller(store)
    iri = _resolve(store, ref.strip())
    subject = ox.NamedNode(iri)
    record_id, types, labels, properties = None, [], [], {}
    # straight from the indexes (a page is described on every request it is not cached for)
    outgoing = {(q.predicate.value, q.object) for q in store.quads_for_pattern(subject, None, None, None)}
    for predicate, obj in sorted(outgoing, key=lambda po: (po[0], str(po[1]))):
        value = _value(obj, labeller, languages)
        if predicate == _PREFIXES["kzo"] + "recordId":
            record_id = obj.value
        if predicate == _PREFIXES["rdf"] + "type":
            types.append(value)
        elif predicate in _LABEL_TYPES:
            if value not in labels:
                labels.append(value)
        elif predicate != _DERIVED_FROM or "/id/passage/" not in obj.value:
            label = labeller.label(predicate, languages)
            properties.setdefault(predicate, Property(predicate, label)).values.append(value)
    linking: dict[str, set] = {}
    for quad in store.quads_for_pattern(None, None, subject, None):
        linking.setdefault(quad.predicate.value, set()).add(quad.subject)
    incoming = [Incoming(p, labeller.label(p, languages), len(xs))
                for p, xs in sorted(linking.items(), key=lambda item: (-len(item[1]), item[0]))]
    passages = with_text(_passages(store, subject, outgoing), sources_dir)
    found = Description(iri, record_id, labeller.label(iri, languages), types,
                        sorted(labels, key=lambda v: _language_rank(v.lang, languages)),
                        sorted(properties.values(), key=lambda p: p.label.lower()), incoming,
                        passages, missing_note(passages, sources_dir))
    chosen = next((link for link in incoming if link.predicate == incoming_of), None)
    if chosen is not None:
        found.incoming_page = _incoming_page(store, subject, chosen, labeller, languages, page,
                                             page_size)
    return found


def _incoming_page(store: ox.Store, subject: ox.NamedNode, link: Incoming, labeller: Labeller,
                   languages: tuple[str, ...], page: int, page_size: int) -> IncomingPage:
    pages = max(1, -(-link.count // page_size))
    page = min(max(1, page), pages)
    predicate = ox.NamedNode(link.predicate)  # from the store: a checked IRI, safe in the text
    rows = _select(store, f"SELECT DISTINCT ?x WHERE {{ ?x {predicate} SUBJECT }} ORDER BY ?x "
                          f"LIMIT {int(page_size)} OFFSET {(page - 1) * int(page_size)}", subject)
    return IncomingPage(link.predicate, link.label, link.count, page, pages,
                        [_value(row["x"], labeller, languages) for row in rows])


def _language_rank(lang: str | None, languages: tuple[str, ...]) -> int:
    return languages.index(lang) if lang in languages else len(languages)


def _select(store: ox.Store, text: str, subject: ox.NamedNode) -> list[ox.QuerySolution]:
    # pyoxigraph substitutes only projected variables; the subject is a checked NamedNode,
    # so its N-Triples form is safe to write into the text
    return list(store.query(text.replace("SUBJECT", str(subject)), use_default_graph_as_union=True,
                            prefixes=_PREFIXES))


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode, labeller: Labeller,
           languages: tuple[str, ...]) -> Value:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.language is None else None
        return Value(term.value, lang=term.language,
                     datatype=None if datatype == _PREFIXES["xsd"] + "string" else datatype)
    if isinstance(term, ox.NamedNode):
        return Value(labeller.label(term.value, languages), iri=term.value)
    return Value(str(term), blank=True)


def _passages(store: ox.Store, subject: ox.NamedNode, outgoing: set) -> list[PassageRef]:
    """The line ranges (document file, section number) of the passages the subject was derived
    from, or of the subject itself when it is a passage; read from the indexes."""
    def objects(node, prop: str) -> list:
        return [q.object for q in store.quads_for_pattern(node, ox.NamedNode(prop), None, None)]

    kzo = _PREFIXES["kzo"]
    passages = {o for p, o in outgoing if p == _DERIVED_FROM and isinstance(o, ox.NamedNode)}
    if (_PREFIXES["rdf"] + "type", ox.NamedNode(kzo + "Passage")) in outgoing:
        passages.add(subject)
    found = set()
    for passage in passages:
        for first in objects(passage, kzo + "firstLine"):
            for last in objects(passage, kzo + "lastLine"):
                for document in objects(passage, _PREFIXES["oa"] + "hasSource"):
                    files = [f.value for f in objects(document, kzo + "fileName")] or [None]
                    sections = [n.value for section in objects(passage, kzo + "inSection")
                                for n in objects(section, kzo + "sectionNumber")] or [None]
                    found |= {(int(first.value), int(last.value), section, file)
                              for file in files for section in sections}
    return [PassageRef(file, first, last, section)
            for first, last, section, file in sorted(found, key=lambda f: (f[0], f[1], str(f[2:])))]


def _exists(store: ox.Store, iri: str) -> bool:
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return any(True for _ in store.quads_for_pattern(node, None, None, None)) or \
        any(True for _ in store.quads_for_pattern(None, None, node, None))


def _resolve(store: ox.Store, ref: str) -> str:
    """The IRI of a record id, of a vocabulary code's local name, or ``ref`` itself if an IRI."""
    if not ref:
        raise QueryError("give a record id (e.g. law-477-IV) or an IRI to show")
    if ":" in ref and not ref.startswith(("http://", "https://", "urn:")):
        prefix, _, local = ref.partition(":")
        if prefix in _PREFIXES:
            ref = _PREFIXES[prefix] + local
    candidates = [ref] if "://" in ref or ref.startswith("urn:") else []
    if candidates and _exists(store, ref):
        return ref
    candidates += [row["s"].value for row in store.query(
        "SELECT ?s ?id WHERE { ?s kzo:recordId ?id } ORDER BY ?s", use_default_graph_as_union=True,
        prefixes=_PREFIXES, substitutions={ox.Variable("id"): ox.Literal(ref)})]
    candidates.append(f"{BASE}code/{ref}")
    for iri in candidates:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        if store.query(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?x ?p {node} }} }}",
                       use_default_graph_as_union=True):
            return iri
    ids = [row["id"].value for row in store.query(
        "SELECT DISTINCT ?id WHERE { ?s kzo:recordId ?id }", use_default_graph_as_union=True,
        prefixes=_PREFIXES)]
    folded = {id_.casefold(): id_ for id_ in ids}
    for guess in (ref.casefold(), f"country-{ref}".casefold()):
        if guess in folded:
            return _resolve(store, folded[guess])
    named = _by_name(store, ref)
    if len(named) == 1:
        return named[0]
    if named:
        listed = ", ".join(short_iri(iri) for iri in named[:6])
        raise QueryError(f"'{ref}' is the name of {len(named)} resources ({listed}); "
                         "give the id or IRI of one of them")
    close = difflib.get_close_matches(ref, ids, n=5, cutoff=0.6)
    hint = f"the closest ids are {', '.join(close)}; " if close else ""
    raise QueryError(f"nothing in the graph has the id or IRI '{ref}'; {hint}"
                     "`kzmig-kg search WORDS` finds a resource by its words")


def _by_name(store: ox.Store, name: str) -> list[str]:
    """The resources labelled or coded ``name`` in any case (a label in any language, a
    notation, a title); a literal's N-Triples form is escaped, so it is safe in the text."""
    wanted = ox.Literal(name.strip().lower())
    return [row["s"].value for row in store.query(
        "SELECT DISTINCT ?s WHERE { ?s skos:prefLabel|skos:altLabel|rdfs:label|skos:notation"
        f"|dct:title ?label . FILTER (LCASE(STR(?label)) = {wanted}) }} ORDER BY ?s LIMIT 7",
        use_default_graph_as_union=True, prefixes=_PREFIXES)]
