"""``check_params(query, given, source)``: parameter values a researcher would write, made into the
values the named queries expect, or refused with the closest matches.

Every parameter of every named query has a rule (``param_vocabulary.rule_for``):

- a value that names something in the graph (a country, a record, an act, a theme, a status,
  ...) is matched in any case, also by its labels in English, Russian or Kazakh, its record id or
  official number, and made into the value the query expects (``uzb`` -> ``UZB``; an act's
  number -> its IRI where the query takes an IRI); one that matches nothing, or more than one
  thing, is a ``QueryError`` naming the closest values;
- ``year``, ``from`` and ``to`` must fall inside the graph's coverage (the reference periods of
  its figures and the dates of its acts and events), and ``from`` not after ``to``; a ``date``
  must not fall before it (a later day asks for the latest state the graph records, and
  ``silences`` says so);
- counts (``top``, ``years``) have a least value.

The valid values come from ``source``: the embedded store, or a SPARQL endpoint through
``endpoint_lookup`` (each check is one small SELECT), so ``--endpoint`` gets the same help.
The values' shapes (a whole number, a date, an IRI) are checked first, before any lookup.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Callable
from functools import cache

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import PREFIXES
from .named import NamedQuery, bind_params
from .param_vocabulary import YEAR, Count, Vocabulary, rule_for
from .remote import query_endpoint

__all__ = ["Lookup", "check_params", "check_shapes", "coverage", "endpoint_lookup", "store_lookup"]
Lookup = Callable[[str], list[dict[str, str | None]]]  # SELECT or ASK text -> rows of strings
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_LISTED = 12  # a vocabulary this small is listed in full when nothing is close
_COVERAGE = """
SELECT (MIN(?y) AS ?first) (MAX(?y) AS ?last) WHERE {
  { ?p kzo:startYear ?y } UNION { ?p kzo:endYear ?y }
  UNION { ?a eli:date_document ?d BIND (YEAR(?d) AS ?y) }
  UNION { ?e kzo:eventDate ?d BIND (YEAR(?d) AS ?y) }
}"""


def check_params(query: NamedQuery, given: dict[str, str],
                 source: ox.Store | Lookup) -> dict[str, str]:
    """The raw values of ``given``, normalised for ``query``; a value that matches nothing in the
    graph raises ``QueryError`` with the closest matches. ``source`` is a store or a ``Lookup``."""
    check_shapes(query, given)
    lookup = store_lookup(source) if isinstance(source, ox.Store) else source
    checked = dict(given)
    years: dict[str, int] = {}
    for name, raw in given.items():
        rule = rule_for(query.name, name)
        if isinstance(rule, Vocabulary):
            checked[name] = _match(raw, rule, lookup, query.name, name)
        elif isinstance(rule, Count) and int(raw) < rule.minimum:
            raise QueryError(f"parameter '{name}' of query '{query.name}' counts {rule.meaning}: "
                             f"give {rule.minimum} or more, got {raw}")
        elif rule == YEAR:
            years[name] = int(raw.strip()[:4]) if name == "date" else int(raw)
    if years:
        _check_years(years, lookup, query.name)
    return checked


def check_shapes(query: NamedQuery, given: dict[str, str]) -> None:
    """Unknown parameter names and malformed values (a year that is not a number), which need
    no lookup; an IRI parameter may also be given by id or number, so its value waits."""
    declared = {param.name: param for param in query.params}
    bind_params(query, {name: value for name, value in given.items()
                        if not (name in declared and declared[name].type == "iri"
                                and isinstance(rule_for(query.name, name), Vocabulary))})


def store_lookup(store: ox.Store) -> Lookup:
    """Run the checks' SELECTs on the embedded store (the union of its graphs); an ASK gives
    one empty row when true and none when false."""
    @cache
    def select(sparql: str) -> list[dict[str, str | None]]:
        solutions = store.query(sparql, use_default_graph_as_union=True, prefixes=_PREFIXES)
        if isinstance(solutions, ox.QueryBoolean):
            return [{}] if solutions else []
        names = [variable.value for variable in solutions.variables]
        return [{name: None if row[name] is None else row[name].value for name in names}
                for row in solutions]
    return select


def endpoint_lookup(endpoint: str, deadline: float, source: str = "query") -> Lookup:
    """Run the checks' SELECTs on a SPARQL 1.1 endpoint (whose default graph is the union), all
    of them before ``deadline`` (``time.monotonic()``), the deadline of the whole query."""
    @cache
    def select(sparql: str) -> list[dict[str, str | None]]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise QueryError(f"{source}: stopped while checking its parameters on {endpoint} "
                             "(--timeout); raise --timeout")
        result = query_endpoint(endpoint, sparql, timeout=left,
                                source=f"{source} (checking its parameters)")
        if result.kind == "ask":
            return [{}] if result.boolean else []
        return [{name: None if term is None else term.value for name, term in row.items()}
                for row in result.rows]
    return select


def coverage(source: ox.Store | Lookup) -> tuple[int | None, int | None]:
    """The first and last year the graph's figures, acts and events speak of."""
    lookup = store_lookup(source) if isinstance(source, ox.Store) else source
    for row in lookup(_COVERAGE):
        if row.get("first") is not None:
            return int(row["first"]), int(row["last"])
    return None, None


def _check_years(years: dict[str, int], lookup: Lookup, query: str) -> None:
    asked = " ".join(f"{name}={value}" for name, value in years.items())
    if "from" in years and "to" in years and years["from"] > years["to"]:
        raise QueryError(f"{asked}: 'from' is after 'to'; query '{query}' needs from <= to")
    first, last = coverage(lookup)
    if first is None:
        return
    low = years.get("from", years.get("year", years.get("date", first)))
    high = years.get("to", years.get("year", years.get("date", last)))
    if "date" in years and high >= first:
        return  # a day after the coverage asks for the latest state the graph records
    if high < first or low > last:
        raise QueryError(f"{asked} is outside the graph's coverage ({first}-{last}); "
                         f"query '{query}' has nothing there")


def _match(raw: str, rule: Vocabulary, lookup: Lookup, query: str, name: str) -> str:
    if rule.many:
        return ",".join(_match(part, Vocabulary(rule.what, rule.hint, rule.sparql, rule.fixed),
                               lookup, query, name) for part in raw.split(","))
    wanted = raw.strip()
    if rule.exact and lookup(rule.exact % {"value": ox.Literal(wanted)}):
        return wanted
    values: dict[str, str] = {_fold(value): value for value in rule.fixed}
    named: dict[str, set[str]] = {}  # folded name -> values it names
    shown: dict[str, str] = {}  # folded value or name -> how a hint shows it
    listed_as: dict[str, str] = {}  # an IRI value -> a name of it the parameter accepts
    for row in lookup(rule.sparql) if rule.sparql else []:
        value = row["value"]
        if value is None:
            continue
        values.setdefault(_fold(value), value)
        shown.setdefault(_fold(value), value)
        if row.get("name"):
            if _is_iri(value):
                listed_as.setdefault(value, row["name"])
            for key in {_fold(row["name"]), _fold(re.sub(r"\s*\([^)]*\)", "", row["name"]))}:
                named.setdefault(key, set()).add(value)
                shown.setdefault(key, row["name"] if _is_iri(value) else f"{row['name']} ({value})")
    if wanted in values.values():
        return wanted
    folded = _fold(wanted)
    if folded in values:
        return values[folded]
    if folded in named:
        if len(named[folded]) == 1:
            return next(iter(named[folded]))
        listed = ", ".join(sorted(_short(value) for value in named[folded]))
        raise QueryError(f"parameter '{name}' of query '{query}': '{raw}' is the name of "
                         f"{len(named[folded])} ({listed}); give one of these instead")
    if _is_iri(wanted) and _holds(lookup, wanted):
        return wanted  # an IRI the graph holds, outside the vocabulary's values
    for value in rule.fixed:
        shown.setdefault(_fold(value), value)
    close = difflib.get_close_matches(folded, sorted(shown), n=4, cutoff=0.6)
    everything = sorted(set(values.values()))
    if close:
        by_value: dict[str, str] = {}  # one hint per value, however many of its names are close
        for key in close:
            by_value.setdefault(values.get(key) or min(named[key]), shown[key])
        hint = f"the closest are {', '.join(by_value.values())}; "
    elif len(everything) <= _LISTED:
        # an IRI by a name the parameter accepts (its record id), not by a path it would refuse
        hint = f"it is one of {', '.join(sorted(listed_as.get(v) or _short(v) for v in everything))}; "
    else:
        hint = ""
    raise QueryError(f"parameter '{name}' of query '{query}': no {rule.what} '{raw}'; "
                     f"{hint}{rule.hint}")


def _holds(lookup: Lookup, iri: str) -> bool:
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return bool(lookup(f"SELECT ?p WHERE {{ {node} ?p ?o }} LIMIT 1"))


def _fold(text: str) -> str:
    """A value as compared: any case, hyphens, underscores and spaces alike (patent-issuance,
    Patent issuance)."""
    return re.sub(r"[\s_-]+", " ", text.casefold()).strip()


def _is_iri(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _short(value: str) -> str:
    """An IRI by its last segments (``eli/kz/zakon/2011/477-IV``), another value as it is."""
    if not _is_iri(value):
        return value
    return re.sub(r"^https?://[^/]+/(kzmig/)?", "", value)
