"""``describe(ref)``: one resource as a researcher reads it: its types and labels, its properties
with the labels of predicates and values, its incoming links counted by predicate, and the
passages of the source document it rests on, with the text of those lines and their section when
the document is at hand (a note when it is not). ``ref`` is a record id or an IRI; a ref that
matches nothing is an error naming the closest ids.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import BASE, PREFIXES
from ..pipeline.store import open_store
from .passage_text import PassageRef, missing_note, with_text

__all__ = ["Description", "Incoming", "Property", "Value", "describe", "short_iri"]
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
_LABEL_TYPES = ("http://www.w3.org/2000/01/rdf-schema#label",
                "http://www.w3.org/2004/02/skos/core#prefLabel")


@dataclass
class Value:
    """An object of the resource: a literal (``text``, with ``lang`` or ``datatype``) or an IRI
    (``iri``, with ``text`` its English label or, lacking one, its short name)."""

    text: str
    iri: str | None = None
    lang: str | None = None
    datatype: str | None = None


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


def describe(ref: str, store_dir: Path = Path("dist/store"), *, store: ox.Store | None = None,
             sources_dir: Path | None = None) -> Description:
    """Describe the resource with record id or IRI ``ref`` from the built store."""
    if store is None:
        store = open_store(Path(store_dir))
    iri = _resolve(store, ref.strip())
    subject = ox.NamedNode(iri)
    record_id, types, labels, properties = None, [], [], {}
    for row in _select(store, """
        SELECT ?p ?o (SAMPLE(?pl) AS ?plabel) (SAMPLE(?ol) AS ?olabel) WHERE {
          SUBJECT ?p ?o .
          OPTIONAL { ?p rdfs:label ?pl FILTER(lang(?pl) IN ("en", "")) }
          OPTIONAL { ?o rdfs:label|skos:prefLabel ?ol FILTER(lang(?ol) IN ("en", "")) }
        } GROUP BY ?p ?o ORDER BY ?p ?o""", subject):
        predicate, obj = row["p"].value, row["o"]
        value = _value(obj, row["olabel"])
        if predicate == _PREFIXES["kzo"] + "recordId":
            record_id = obj.value
        if predicate == _PREFIXES["rdf"] + "type":
            types.append(value)
        elif predicate in _LABEL_TYPES:
            if value not in labels:
                labels.append(value)
        elif predicate != _DERIVED_FROM or "/id/passage/" not in obj.value:
            label = row["plabel"].value if row["plabel"] is not None else short_iri(predicate)
            properties.setdefault(predicate, Property(predicate, label)).values.append(value)
    incoming = [Incoming(row["p"].value,
                         row["plabel"].value if row["plabel"] is not None else short_iri(row["p"].value),
                         int(row["n"].value))
                for row in _select(store, """
        SELECT ?p (COUNT(DISTINCT ?x) AS ?n) (SAMPLE(?pl) AS ?plabel) WHERE {
          ?x ?p SUBJECT . OPTIONAL { ?p rdfs:label ?pl FILTER(lang(?pl) IN ("en", "")) }
        } GROUP BY ?p ORDER BY DESC(?n) ?p""", subject)]
    passages = with_text(_passages(store, subject), sources_dir)
    english = [v.text for v in labels if v.lang in ("en", None)]
    return Description(iri, record_id, english[0] if english else short_iri(iri), types, labels,
                       sorted(properties.values(), key=lambda p: p.label.lower()), incoming,
                       passages, missing_note(passages, sources_dir))


def short_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI."""
    best = max((ns for ns in _PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in _PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _select(store: ox.Store, text: str, subject: ox.NamedNode) -> list[ox.QuerySolution]:
    # pyoxigraph substitutes only projected variables; the subject is a checked NamedNode,
    # so its N-Triples form is safe to write into the text
    return list(store.query(text.replace("SUBJECT", str(subject)), use_default_graph_as_union=True,
                            prefixes=_PREFIXES))


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode, label: ox.Literal | None) -> Value:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.language is None else None
        return Value(term.value, lang=term.language,
                     datatype=None if datatype == _PREFIXES["xsd"] + "string" else datatype)
    if isinstance(term, ox.NamedNode):
        return Value(label.value if label is not None else short_iri(term.value), iri=term.value)
    return Value(str(term))


def _passages(store: ox.Store, subject: ox.NamedNode) -> list[PassageRef]:
    rows = _select(store, """
        SELECT DISTINCT ?first ?last ?section ?file WHERE {
          { SUBJECT prov:wasDerivedFrom ?passage } UNION { SUBJECT a kzo:Passage BIND(SUBJECT AS ?passage) }
          ?passage kzo:firstLine ?first ; kzo:lastLine ?last ; oa:hasSource ?document .
          OPTIONAL { ?document kzo:fileName ?file }
          OPTIONAL { ?passage kzo:inSection/kzo:sectionNumber ?section }
        } ORDER BY ?first ?last""", subject)
    return [PassageRef(row["file"].value if row["file"] is not None else None,
                       int(row["first"].value), int(row["last"].value),
                       row["section"].value if row["section"] is not None else None)
            for row in rows]


def _resolve(store: ox.Store, ref: str) -> str:
    """The IRI of a record id, of a vocabulary code's local name, or ``ref`` itself if an IRI."""
    if not ref:
        raise QueryError("give a record id (e.g. law-477-IV) or an IRI to show")
    if ":" in ref and not ref.startswith(("http://", "https://", "urn:")):
        prefix, _, local = ref.partition(":")
        if prefix in _PREFIXES:
            ref = _PREFIXES[prefix] + local
    candidates = [ref] if "://" in ref or ref.startswith("urn:") else []
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
