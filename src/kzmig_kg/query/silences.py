"""``silence_notes(query, params, source)``: what the document does not say that bears on the
answer of a named query, as one-line notes (``kzmig-kg query`` prints them on stderr).

An answer can be true to the graph and still mislead where the document is silent or speaks
twice: a programme the document names without a period cannot be "in force" in any year, and a
national total that is in fact one partner country's figure makes a wrong balance. The rows stay
as the graph holds them; the notes say what is behind them. Each note is a small SELECT on the
store or the endpoint (``params.Lookup``), with the query's checked parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from .params import Lookup, store_lookup

__all__ = ["silence_notes"]

_UNDATED_PROGRAMMES = """
SELECT ?id ?stated (GROUP_CONCAT(DISTINCT ?lines; separator=" ") AS ?passages) WHERE {
  ?doc a kzo:PolicyDocument ; kzo:recordId ?id ; kzo:dateStated ?when .
  FILTER NOT EXISTS { ?doc kzo:periodStartYear ?start }
  BIND (STR(?when) AS ?stated)
  FILTER (xsd:integer(SUBSTR(?stated, 1, 4)) <= %(year)d)
  OPTIONAL { ?doc prov:wasDerivedFrom ?passage . ?passage kzo:firstLine ?first ; kzo:lastLine ?last .
             BIND (CONCAT(STR(?first), "-", STR(?last)) AS ?lines) }
} GROUP BY ?id ?stated ORDER BY ?stated ?id"""
_TOTAL_IS_A_COUNTRY = """
SELECT DISTINCT ?year ?direction ?value ?country WHERE {
  ?total kzo:counterpartArea kzc:group-WORLD ; kzo:breakdown kzc:breakdown-total ;
         sdmx-dimension:refArea kzc:country-KAZ ; kzo:flowDirection ?flow ;
         sdmx-dimension:refPeriod/kzo:periodYear ?year ; sdmx-measure:obsValue ?value .
  FILTER (?year >= %(first)d && ?year <= %(last)d)
  ?flow skos:notation ?direction . FILTER (STR(?direction) IN (%(directions)s))
  # the same value first (a few observations), not the breakdown (a third of all): Oxigraph
  # joins ties in written order (26 s at 10M triples; 0.1 s)
  ?part sdmx-measure:obsValue ?value ; kzo:flowDirection ?flow ; kzo:breakdown kzc:breakdown-total ;
        sdmx-dimension:refArea kzc:country-KAZ ; kzo:counterpartArea ?partner ;
        sdmx-dimension:refPeriod/kzo:periodYear ?year .
  ?partner a kzo:Country ; skos:notation ?country .
} ORDER BY ?year ?direction ?country"""


_AFTER_COVERAGE = """
SELECT ?last WHERE {
  { SELECT (MAX(?y) AS ?last) WHERE {
      { ?p kzo:endYear ?y } UNION { ?a eli:date_document ?d BIND (YEAR(?d) AS ?y) }
      UNION { ?e kzo:eventDate ?d BIND (YEAR(?d) AS ?y) } } }
  FILTER (?last < %(year)d)
}"""


@dataclass(frozen=True)
class _Silence:
    # the checked parameters (and a lookup) -> the values of ``sparql``, or None: no note
    applies: Callable[[dict[str, str], Lookup], dict[str, object] | None]
    sparql: str
    say: Callable[[dict[str, str | None]], str]


def _year(params: dict[str, str], default: int) -> dict[str, object]:
    return {"year": int(params.get("year", default))}


def _around_record(params: dict[str, str], lookup: Lookup) -> dict[str, object] | None:
    """The years flows-around-record shows: the record's year, give or take ``years``."""
    record = ox.Literal(params.get("record", "ev-2022-02-24-war-ukraine"))
    rows = lookup("SELECT ?stated WHERE { ?item kzo:recordId ?id ; kzo:year ?stated . "
                  f"FILTER (?id = {record} || STR(?item) = {record}) }}")
    if not rows or not rows[0]["stated"][:4].isdigit():
        return None
    year, around = int(rows[0]["stated"][:4]), int(params.get("years", 3))
    return _years({"country": params.get("country", "WORLD")}, year - around, year + around)


def _years(params: dict[str, str], first: int, last: int,
           directions: tuple[str, ...] = ("IMM", "EMI", "NET")) -> dict[str, object] | None:
    """The years and flow directions of national totals an answer shows (None: it shows none)."""
    if params.get("country", "WORLD") != "WORLD":
        return None
    quoted = ", ".join(f'"{direction}"' for direction in directions if direction.isalpha())
    if "year" in params:
        first = last = int(params["year"])
    return {"first": int(params.get("from", first)), "last": int(params.get("to", last)),
            "directions": quoted or '""'}


def _undated(row: dict[str, str | None]) -> str:
    return (f"{row['id']} (dated {row['stated']}, lines {row['passages']}) is left out: the "
            "document gives no period for it, so the graph cannot say whether it was in force")


def _after_coverage(params: dict[str, str], _: Lookup) -> dict[str, object]:
    return {"year": int(params.get("date", "2009-06-30")[:4])}


def _latest_state(row: dict[str, str | None]) -> str:
    return (f"the graph's sources end in {row['last']}: the answer is the state the document "
            f"records up to {row['last']}; acts adopted, amended or repealed since are not in it")


def _country_total(row: dict[str, str | None]) -> str:
    return (f"{row['year']} {row['direction']}: the national total {row['value']} is also the "
            f"document's figure for {row['country']} that year; the document may use a country's "
            "figure as the total (`kzmig-kg audit` shows how its figures fail to reconcile)")


NOTES: dict[str, _Silence] = {
    "policy-programmes-in-force": _Silence(lambda p, _: _year(p, 2009), _UNDATED_PROGRAMMES,
                                           _undated),
    "rq-national-balance": _Silence(lambda p, _: _years(p, 2019, 2023), _TOTAL_IS_A_COUNTRY,
                                    _country_total),
    "rq-arrivals-departures": _Silence(lambda p, _: _years(p, 2022, 2022), _TOTAL_IS_A_COUNTRY,
                                       _country_total),
    "stats-country-series": _Silence(
        lambda p, _: _years({"country": "UZB", **p}, 1991, 2024, (p.get("direction", "IMM"),)),
        _TOTAL_IS_A_COUNTRY, _country_total),
    "flows-around-record": _Silence(_around_record, _TOTAL_IS_A_COUNTRY, _country_total),
    "acts-in-force": _Silence(_after_coverage, _AFTER_COVERAGE, _latest_state),
}


def silence_notes(query: str, params: dict[str, str], source: ox.Store | Lookup) -> list[str]:
    """The notes for named query ``query`` with its checked ``params`` (none for most)."""
    silence = NOTES.get(query)
    if silence is None:
        return []
    lookup = store_lookup(source) if isinstance(source, ox.Store) else source
    values = silence.applies(params, lookup)
    if values is None:
        return []
    return [silence.say(row) for row in lookup(silence.sparql % values)]
