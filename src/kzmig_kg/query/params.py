"""``check_params(query, given, store)``: parameter values a researcher would write, made into the
values the named queries expect, or refused with the closest matches.

- ``country``: an ISO alpha-3 code in any case, or a country's or grouping's name in English,
  Russian or Kazakh (``uzb``, ``Uzbekistan``, ``Узбекистан``) -> its notation (``UZB``);
- ``record`` and ``act``: a record id (in any case) or an IRI that the graph holds (an act also by
  its official number);
- ``direction``: a flow direction or an indicator notation;
- ``year``, ``from``, ``to``: years inside the graph's coverage (the reference periods of its
  figures and the dates of its acts, events and measures).

A value that matches nothing is a ``QueryError`` naming the closest values. Only the parameters
a query declares are checked; the others are left to ``bind_params``.
"""

from __future__ import annotations

import difflib
import re

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import PREFIXES
from .named import NamedQuery

__all__ = ["check_params", "coverage"]
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_COUNTRIES = """
SELECT ?notation ?name WHERE {
  { ?c a kzo:Country } UNION { ?c a kzo:CountryGroup }
  ?c skos:notation ?notation .
  OPTIONAL { ?c skos:prefLabel|skos:altLabel|rdfs:label ?name }
}"""
_MEASURES = """
SELECT ?notation WHERE {
  { ?m skos:inScheme kzc:flow-directions } UNION { ?m skos:inScheme kzc:indicators }
  ?m skos:notation ?notation .
}"""
_COVERAGE = """
SELECT (MIN(?y) AS ?first) (MAX(?y) AS ?last) WHERE {
  { ?p kzo:startYear ?y } UNION { ?p kzo:endYear ?y }
  UNION { ?a eli:date_document ?d BIND (YEAR(?d) AS ?y) }
  UNION { ?e kzo:eventDate ?d BIND (YEAR(?d) AS ?y) }
}"""
_YEAR_PARAMS = ("year", "from", "to")


def check_params(query: NamedQuery, given: dict[str, str], store: ox.Store) -> dict[str, str]:
    """The raw values of ``given``, normalised for ``query``; a value that matches nothing in the
    graph raises ``QueryError`` with the closest matches."""
    declared = {param.name: param for param in query.params}
    checked = dict(given)
    if "country" in given and "country" in declared:
        checked["country"] = _country(given["country"], store, query)
    if "direction" in given and "direction" in declared:
        checked["direction"] = _one_of(given["direction"], _notations(store, _MEASURES),
                                       "direction", query)
    for name in ("record", "act"):
        if name in given and name in declared and declared[name].type == "xsd:string":
            checked[name] = _record(given[name], store, query, name)
    years = {name: given[name] for name in _YEAR_PARAMS
             if name in given and name in declared and re.fullmatch(r"-?\d+", given[name].strip())}
    if years:
        first, last = coverage(store)
        low = int(years.get("from", years.get("year", first)))
        high = int(years.get("to", years.get("year", last)))
        if first is not None and (high < first or low > last):
            asked = " ".join(f"{name}={value}" for name, value in years.items())
            raise QueryError(f"{asked} is outside the graph's coverage ({first}-{last}); "
                             f"query '{query.name}' has nothing there")
    return checked


def coverage(store: ox.Store) -> tuple[int | None, int | None]:
    """The first and last year the graph's figures, acts and events speak of."""
    for row in store.query(_COVERAGE, use_default_graph_as_union=True, prefixes=_PREFIXES):
        if row["first"] is not None:
            return int(row["first"].value), int(row["last"].value)
    return None, None


def _notations(store: ox.Store, sparql: str) -> list[str]:
    return sorted({row["notation"].value for row in
                   store.query(sparql, use_default_graph_as_union=True, prefixes=_PREFIXES)})


def _country(raw: str, store: ox.Store, query: NamedQuery) -> str:
    names: dict[str, tuple[str, str]] = {}  # folded name or code -> (as written, code)
    for row in store.query(_COUNTRIES, use_default_graph_as_union=True, prefixes=_PREFIXES):
        code = row["notation"].value
        names.setdefault(code.casefold(), (code, code))
        if row["name"] is not None:
            names.setdefault(row["name"].value.casefold(), (row["name"].value, code))
    wanted = raw.strip().casefold()
    if wanted in names:
        return names[wanted][1]
    close = difflib.get_close_matches(wanted, sorted(names), n=4, cutoff=0.6)
    shown = [names[key][0] if names[key][0] == names[key][1] else f"{names[key][0]} ({names[key][1]})"
             for key in close]
    hint = f"the closest are {', '.join(shown)}; " if shown else ""
    raise QueryError(f"parameter 'country' of query '{query.name}': no country or grouping "
                     f"'{raw}'; {hint}give an ISO alpha-3 code (UZB) or a name in English, "
                     "Russian or Kazakh")


def _one_of(raw: str, allowed: list[str], name: str, query: NamedQuery) -> str:
    folded = {value.casefold(): value for value in allowed}
    if raw.strip().casefold() in folded:
        return folded[raw.strip().casefold()]
    close = difflib.get_close_matches(raw.strip(), allowed, n=4, cutoff=0.5)
    hint = f"the closest are {', '.join(close)}" if close else f"one of {', '.join(allowed[:12])} ..."
    raise QueryError(f"parameter '{name}' of query '{query.name}': no '{raw}'; {hint}")


def _record(raw: str, store: ox.Store, query: NamedQuery, name: str) -> str:
    value = raw.strip()
    if value.startswith(("http://", "https://")):
        try:
            node = ox.NamedNode(value)
        except ValueError:
            node = None
        if node is not None and store.query(f"ASK {{ {node} ?p ?o }}",
                                            use_default_graph_as_union=True):
            return value
    ids = {row["id"].value for row in store.query(
        "SELECT ?id WHERE { ?s kzo:recordId ?id }", use_default_graph_as_union=True,
        prefixes=_PREFIXES)}
    if value in ids:
        return value
    if name == "act":
        numbers = {row["n"].value for row in store.query(
            "SELECT ?n WHERE { ?a eli:number ?n }", use_default_graph_as_union=True,
            prefixes=_PREFIXES)}
        if value in numbers:
            return value
    folded = {record_id.casefold(): record_id for record_id in ids}
    if value.casefold() in folded:
        return folded[value.casefold()]
    close = difflib.get_close_matches(value, sorted(ids), n=4, cutoff=0.6)
    hint = f"the closest ids are {', '.join(close)}; " if close else ""
    raise QueryError(f"parameter '{name}' of query '{query.name}': nothing in the graph has the "
                     f"id '{raw}'; {hint}`kzmig-kg search WORDS` finds a record by its words")
