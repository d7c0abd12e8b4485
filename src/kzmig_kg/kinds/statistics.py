"""Migration statistics as an RDF Data Cube (W3C Recommendation, 16 January 2014).

Three kinds of record:

- ``stat-dataset``: one ``qb:DataSet`` per cited source publication and structure (flows or
  other indicators), plus data sets for the figures the thesis states without a source.
- ``observation``: one ``qb:Observation`` per figure. Flows (structure ``kzd:dsd/migration-flow``)
  carry ``kzo:flowDirection``; other figures (structure ``kzd:dsd/indicator``) carry
  ``kzo:indicator``. The IRI is built from the data set and the key (direction or indicator,
  reference area, counterpart area, breakdown, period), never from row order, so two records with
  the same key in one data set collide and are reported (integrity constraint IC-12).
- ``stated-claim``: a relation between figures the document asserts (a percent change, an average,
  a share, an average per day, a rank, a highest or lowest value, a trend), linked to every stored
  observation with the compared key, so that ``kzmig_kg.audit`` can recompute it by SPARQL.

Code lists (flow directions, indicators, breakdowns, units, qualifiers, claim types) live in
``ontology/vocab/statistics.ttl``; this module reads their notations from there. Reference periods
are ``time:ProperInterval`` resources built from the period text (see ``parse_period``), with
integer start, end and single years and the number of days of a closed period (``kzo:dayCount``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import Graph, Literal, URIRef

from ..errors import RecordError
from ..mapping import Field, Kind, MappingContext, Record, register, typed
from ..namespaces import (
    DCTERMS,
    KZC,
    KZD,
    KZG,
    KZO,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_CODE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    TIME,
    XSD,
)
from ..paths import ONTOLOGY_DIR

VOCAB_FILE = ONTOLOGY_DIR / "vocab" / "statistics.ttl"
PERIOD_GRAPH = KZG["records/statistics/periods"]
DSD_FLOW = KZD["dsd/migration-flow"]
DSD_INDICATOR = KZD["dsd/indicator"]
STRUCTURES = {"flow": DSD_FLOW, "indicator": DSD_INDICATOR,
              # the figures the build derives (pipeline/derive.py), measured by kzo:impliedValue
              "derived-flow": KZD["dsd/derived-flow"], "derived-indicator": KZD["dsd/derived-indicator"]}
DEFAULT_AREA = "country-KAZ"
DEFAULT_COUNTERPART = "group-WORLD"
DEFAULT_BREAKDOWN = "total"
AREA_KINDS = ("country", "country-group")
ESTIMATE_QUALIFIERS = {"approximately", "nearly", "range"}


@lru_cache(maxsize=1)
def _vocab() -> Graph:
    graph = Graph()
    graph.parse(VOCAB_FILE, format="turtle")
    return graph


def codes(scheme: str) -> tuple[str, ...]:
    """Notations of the concepts in a code list of ontology/vocab/statistics.ttl (sorted)."""
    graph = _vocab()
    found = {str(graph.value(concept, SKOS.notation))
             for concept in graph.subjects(SKOS.inScheme, KZC[scheme])}
    return tuple(sorted(found))


FLOW_IRIS = {"IMM": KZC["flow-IMM"], "EMI": KZC["flow-EMI"], "NET": KZC["flow-NET"]}
FLOW_WORDS = {"IMM": "Immigrants to", "EMI": "Emigrants from", "NET": "Net migration of"}


# ---------------------------------------------------------------- reference periods

@dataclass(frozen=True)
class Period:
    """A reference period: a year, a run of years, a month, a date range, or an open interval."""

    id: str
    label: str
    begin: dt.date | None
    end: dt.date | None

    @property
    def single_year(self) -> int | None:
        if self.begin and self.end and self.begin.year == self.end.year and \
                self.begin == dt.date(self.begin.year, 1, 1) and \
                self.end == dt.date(self.end.year, 12, 31):
            return self.begin.year
        return None

    @property
    def days(self) -> int | None:
        """Number of calendar days the period covers (None for an open period)."""
        if self.begin is None or self.end is None:
            return None
        return (self.end - self.begin).days + 1

    @property
    def iri(self) -> URIRef:
        return KZD[f"period/{self.id}"]


_Y = r"(\d{4})"
_YM = r"(\d{4})-(\d{2})"
_YMD = r"(\d{4})-(\d{2})-(\d{2})"


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _point(text: str, end: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (end=False) or last (end=True) day it covers."""
    if m := re.fullmatch(_YMD, text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(_YM, text):
        year, month = int(m[1]), int(m[2])
        return _month_end(year, month) if end else dt.date(year, month, 1)
    if m := re.fullmatch(_Y, text):
        year = int(m[1])
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    return None


@lru_cache(maxsize=65_536)  # a few hundred periods, parsed for every observation; Period is frozen
def parse_period(text: str) -> Period | None:
    """Parse a period; None if malformed.

    ``2005`` (a year), ``2004-2010`` (years), ``2022-05`` (a month), ``2022-07--2022-10`` or
    ``2022-09-21--2023-01-31`` (a range of months or days), ``from-2022-09-21`` (open end),
    ``to-2018`` (up to and including 2018, open start).
    """
    text = str(text).strip()
    try:
        if re.fullmatch(_Y, text):
            return Period(text, text, _point(text, False), _point(text, True))
        if m := re.fullmatch(rf"{_Y}-{_Y}", text):
            first, last = int(m[1]), int(m[2])
            if first >= last:
                return None
            return Period(text, f"{first}-{last}", dt.date(first, 1, 1), dt.date(last, 12, 31))
        if re.fullmatch(_YM, text) or re.fullmatch(_YMD, text):
            return Period(text, text, _point(text, False), _point(text, True))
        if "--" in text:
            left, right = text.split("--", 1)
            begin, end = _point(left, False), _point(right, True)
            if begin is None or end is None or begin > end:
                return None
            return Period(text, f"{left} to {right}", begin, end)
        if text.startswith("from-"):
            begin = _point(text[5:], False)
            return Period(text, f"from {text[5:]}", begin, None) if begin else None
        if text.startswith("to-"):
            end = _point(text[3:], True)
            return Period(text, f"up to {text[3:]}", None, end) if end else None
    except ValueError:
        return None
    return None


def add_period(ctx: MappingContext, period: Period) -> URIRef:
    """The period as a time:ProperInterval with labelled, dated beginning and end instants.

    Periods are shared by many records, so they go once into their own named graph
    (``PERIOD_GRAPH``) rather than into the graph of each record file that uses them.
    """
    iri = period.iri
    graph = ctx.dataset.graph(PERIOD_GRAPH)
    if (iri, RDF.type, KZO.ReferencePeriod) in graph:
        return iri
    graph.add((iri, RDF.type, TIME.ProperInterval))
    graph.add((iri, RDF.type, KZO.ReferencePeriod))
    graph.add((iri, RDFS.label, Literal(period.label)))
    graph.add((iri, SKOS.notation, Literal(period.id)))
    for which, day, prop, year_prop in (("beginning", period.begin, TIME.hasBeginning, KZO.startYear),
                                        ("end", period.end, TIME.hasEnd, KZO.endYear)):
        if day is None:
            continue
        instant = URIRef(f"{iri}/{which}")
        graph.add((instant, RDF.type, TIME.Instant))
        graph.add((iri, prop, instant))
        graph.add((instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))
        graph.add((instant, TIME.inXSDgYear, Literal(f"{day.year:04d}", datatype=XSD.gYear)))
        graph.add((iri, year_prop, Literal(day.year, datatype=XSD.integer)))
    if period.days is not None:
        graph.add((iri, KZO.dayCount, Literal(period.days, datatype=XSD.integer)))
    if (year := period.single_year) is not None:
        graph.add((iri, KZO.periodYear, Literal(year, datatype=XSD.integer)))
        graph.add((iri, RDFS.seeAlso, URIRef(f"http://reference.data.gov.uk/id/year/{year}")))
    return iri


def _period_problem(record: Record, name: str) -> list[tuple[str, str, str]]:
    value = record.get(name)
    if value is None:
        return []
    period = parse_period(value)
    if period is None:
        return [(name, f"'{value}' is not a period",
                 "write 2005, 2004-2010, 2022-05, 2022-07--2022-10, from-2022-09-21 or to-2018")]
    if period.begin is not None and period.begin > dt.date.today():
        return [(name, f"'{value}' begins after today: no source has counted it yet",
                 "check the year against the passage (a target or forecast is not an "
                 "observation)")]
    return []


# ---------------------------------------------------------------- data sets

def dataset_iri(record: Record) -> URIRef:
    return KZD[f"dataset/{record.id}"]


def _dataset_to_rdf(record: Record, ctx: MappingContext) -> None:
    ds = dataset_iri(record)
    typed(ctx, ds, QB.DataSet, PROV.Entity)
    ctx.add(ds, QB.structure, STRUCTURES[record.get("structure")])
    ctx.text(ds, DCTERMS.title, record.get("title"))
    ctx.text(ds, RDFS.label, record.get("title"))
    ctx.add(ds, DCTERMS.description, Literal(record.get("description"), lang="en")
            if record.get("description") else None)
    if record.get("computed"):
        ctx.add(ds, KZO.statedByDocument, Literal(True))
    for publisher in ctx.refs(record, "publisher"):
        ctx.add(ds, DCTERMS.publisher, publisher)
    if "thesis" in ctx.records.by_id:
        ctx.add(ds, PROV.wasDerivedFrom, ctx.iri("thesis"))


def _check_dataset(record: Record) -> list[tuple[str, str, str]]:
    coverage = record.get("coverage")
    if coverage and parse_period(str(coverage)) is None:
        return [("coverage", f"'{coverage}' is not a period", "write 2000-2023, or 2022-05")]
    return []


register(Kind(
    name="stat-dataset",
    doc="A qb:DataSet: the figures of one cited source publication (or of the thesis itself) "
        "with one structure (flows or other indicators).",
    fields=(
        Field("title", "langtext", required=True),
        Field("structure", "enum", required=True, choices=tuple(STRUCTURES),
              doc="flow: immigration/emigration/net by partner; indicator: any other figure"),
        Field("description", "text"),
        Field("computed", "bool",
              doc="true for figures the thesis states without a source or computes itself"),
        Field("publisher", "ref", refs=("organisation",)),
        Field("coverage", "text", doc="the period the publication covers, e.g. 2000-2023, where "
                                      "it states one: observations outside it are flagged"),
    ),
    iri=dataset_iri, to_rdf=_dataset_to_rdf, check=_check_dataset, needs_passages=False,
))


# ---------------------------------------------------------------- observations

def _short(record_id: str) -> str:
    """country-UZB -> UZB; group-CIS -> group-CIS (the key segment of an IRI)."""
    return record_id[len("country-"):] if record_id.startswith("country-") else record_id


def observation_key(values: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """(measure, area, counterpart, breakdown, period) of an observation or a claim's target."""
    measure = values.get("direction") or values.get("indicator") or "?"
    return (measure, values.get("area", DEFAULT_AREA), values.get("counterpart", DEFAULT_COUNTERPART),
            values.get("breakdown", DEFAULT_BREAKDOWN), str(values.get("period", "?")))


def observation_iri(record: Record) -> URIRef:
    measure, area, counterpart, breakdown, period = observation_key(record.values)
    return KZD[f"obs/{record.get('dataset')}/{measure}/{_short(area)}/{_short(counterpart)}/"
               f"{breakdown}/{period}"]


@lru_cache(maxsize=65_536, typed=True)  # figures repeat; typed: 1, 1.0 and True are not one key
def _number(value: Any) -> Literal:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) > 1e3):
        return Literal(int(value), datatype=XSD.integer)
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _label_of(ctx: MappingContext, record_id: str) -> str:
    record = ctx.records.by_id.get(record_id)
    if record is None:
        return record_id
    name = record.get("name")
    return name.get("en", record_id) if isinstance(name, dict) else str(name or record_id)


def _observation_label(record: Record, ctx: MappingContext, period: Period) -> str:
    area = _label_of(ctx, record.get("area", DEFAULT_AREA))
    counterpart_id = record.get("counterpart", DEFAULT_COUNTERPART)
    breakdown = record.get("breakdown", DEFAULT_BREAKDOWN)
    unit = record.get("unit", "persons")
    value = record.get("value")
    if record.get("direction"):
        direction = record.get("direction")
        head = f"{FLOW_WORDS[direction]} {area}"
        if counterpart_id != DEFAULT_COUNTERPART:
            head += {"IMM": " from ", "EMI": " to ", "NET": " with "}[direction] + \
                _label_of(ctx, counterpart_id)
    else:
        head = f"{record.get('indicator')} ({area}"
        if counterpart_id != DEFAULT_COUNTERPART:
            head += f", {_label_of(ctx, counterpart_id)}"
        head += ")"
    if breakdown != DEFAULT_BREAKDOWN:
        head += f" [{breakdown}]"
    return f"{head}, {period.label}: {value} {unit}"


def _obs_registry(ctx: MappingContext) -> dict[URIRef, Record]:
    registry = getattr(ctx, "_kzmig_observation_iris", None)
    if registry is None:
        registry = {}
        ctx._kzmig_observation_iris = registry  # type: ignore[attr-defined]
    return registry


def _coverage_problems(record: Record, dataset: Record, ctx: MappingContext) -> list[RecordError]:
    """A period outside what its source can have counted: outside the data set's stated
    ``coverage``, or beginning after the year the cited source was published."""
    period = parse_period(str(record.get("period"))) if record.get("period") else None
    if period is None:
        return []
    where = (record.file, record.line_of("period"), "period")
    problems = []
    coverage = parse_period(str(dataset.get("coverage"))) if dataset.get("coverage") else None
    if coverage is not None and ((coverage.begin and period.begin and period.begin < coverage.begin)
                                 or (coverage.end and period.end and period.end > coverage.end)):
        problems.append(RecordError(*where, f"'{record.get('period')}' lies outside the coverage "
                                    f"of data set '{dataset.id}' ({dataset.get('coverage')})",
                                    "check the year against the passage, or put the figure in "
                                    "the data set of the source that covers it"))
    cited = record.get("cites") or dataset.get("cites") or []
    published = [(ctx.records.by_id[c].get("year"), c) for c in cited
                 if c in ctx.records.by_id and ctx.records.by_id[c].get("year")]
    if published and period.begin is not None:
        year, source = min(published)
        if period.begin.year > year:
            problems.append(RecordError(*where, f"'{record.get('period')}' begins after its "
                                        f"source '{source}' was published ({year})",
                                        "a source counts only what happened before it appeared: "
                                        "check the year or the source cited"))
    return problems


def _observation_to_rdf(record: Record, ctx: MappingContext) -> None:
    obs = observation_iri(record)
    seen = _obs_registry(ctx)
    if obs in seen:
        other = seen[obs]
        ctx.errors.append(RecordError(
            record.file, record.line, "id",
            f"same data set and key as record '{other.id}' ({other.file}:{other.line})",
            "one observation per key and data set (Data Cube IC-12): merge the two rows (list "
            "both passages) or put a conflicting figure in another data set"))
        return
    seen[obs] = record
    dataset = ctx.record(record.get("dataset"))
    ctx.errors.extend(_coverage_problems(record, dataset, ctx))
    structure = dataset.get("structure")
    if structure == "flow" and not record.get("direction"):
        ctx.errors.append(RecordError(record.file, record.line, "direction",
                                      f"data set '{dataset.id}' holds flows: give direction",
                                      "IMM, EMI or NET; other figures go in an indicator data set"))
        return
    if structure == "indicator" and not record.get("indicator"):
        ctx.errors.append(RecordError(record.file, record.line, "indicator",
                                      f"data set '{dataset.id}' holds indicators: give indicator",
                                      "flows go in a data set with structure: flow"))
        return
    period = parse_period(record.get("period"))
    assert period is not None  # checked by _check_observation
    typed(ctx, obs, QB.Observation)
    ctx.add(obs, QB.dataSet, ctx.iri(dataset.id))
    ctx.add(obs, SDMX_DIMENSION.refArea, ctx.iri(record.get("area", DEFAULT_AREA)))
    ctx.add(obs, KZO.counterpartArea, ctx.iri(record.get("counterpart", DEFAULT_COUNTERPART)))
    if record.get("direction"):
        ctx.add(obs, KZO.flowDirection, FLOW_IRIS[record.get("direction")])
    else:
        ctx.add(obs, KZO.indicator, _code(f"indicator-{record.get('indicator')}"))
    ctx.add(obs, KZO.breakdown, _code(f"breakdown-{record.get('breakdown', DEFAULT_BREAKDOWN)}"))
    ctx.add(obs, SDMX_DIMENSION.refPeriod, add_period(ctx, period))
    ctx.add(obs, SDMX_MEASURE.obsValue, _number(record.get("value")))
    ctx.add(obs, SDMX_ATTRIBUTE.unitMeasure, _code(f"unit-{record.get('unit', 'persons')}"))
    qualifier = record.get("qualifier")
    status = "E" if qualifier in ESTIMATE_QUALIFIERS else "A"
    ctx.add(obs, SDMX_ATTRIBUTE.obsStatus, _OBS_STATUS[status])
    if qualifier:
        ctx.add(obs, KZO.valueQualifier, _code(f"qualifier-{qualifier}"))
    if record.get("precision") is not None:
        ctx.add(obs, KZO.valuePrecision, _number(record.get("precision")))
    if record.get("stated_as"):
        ctx.add(obs, KZO.statedAs, Literal(record.get("stated_as")))
    if record.get("lower") is not None:
        ctx.add(obs, KZO.lowerBound, _number(record.get("lower")))
    if record.get("upper") is not None:
        ctx.add(obs, KZO.upperBound, _number(record.get("upper")))
    if record.get("stated_by"):
        ctx.add(obs, KZO.statedBy, Literal(record.get("stated_by")))
    ctx.add(obs, RDFS.label, Literal(_observation_label(record, ctx, period), lang="en"))


@lru_cache(maxsize=4096)  # the concepts of the code lists, named by every observation
def _code(name: str) -> URIRef:
    return KZC[name]


_OBS_STATUS = {status: SDMX_CODE[f"obsStatus-{status}"] for status in ("A", "E")}


def _check_key(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    if bool(record.get("direction")) == bool(record.get("indicator")):
        problems.append(("direction", "give exactly one of direction (a flow) or indicator",
                         "direction: IMM, EMI or NET; indicator: a code of kzc:indicators"))
    area = record.get("area", DEFAULT_AREA)
    if not area.startswith("country-"):
        problems.append(("area", f"reference area '{area}' is not a country", "e.g. country-KAZ"))
    return problems


def _check_observation(record: Record) -> list[tuple[str, str, str]]:
    problems = _check_key(record) + _period_problem(record, "period")
    lower, upper, value = record.get("lower"), record.get("upper"), record.get("value")
    if record.get("qualifier") == "range" and (lower is None or upper is None):
        problems.append(("qualifier", "a range needs lower and upper", "e.g. lower: 8000, upper: 9000"))
    if lower is not None and upper is not None and not lower <= value <= upper:
        problems.append(("value", f"value {value} lies outside lower..upper", "check the bounds"))
    return problems


def _key_fields(required_period: bool) -> tuple[Field, ...]:
    return (
        Field("direction", "enum", choices=tuple(FLOW_IRIS),
              doc="flow direction (flow data sets): IMM, EMI or NET"),
        Field("indicator", "enum", choices=codes("indicators"),
              doc="indicator code (indicator data sets), see kzc:indicators"),
        Field("area", "ref", refs=("country",), doc=f"reference area (default {DEFAULT_AREA})"),
        Field("counterpart", "ref", refs=AREA_KINDS,
              doc=f"partner country or grouping (default {DEFAULT_COUNTERPART}, the total)"),
        Field("breakdown", "enum", choices=codes("breakdowns"),
              doc=f"further breakdown (default {DEFAULT_BREAKDOWN}), see kzc:breakdowns"),
        Field("period", "text", required=required_period,
              doc="2005, 2004-2010, 2022-05, 2022-07--2022-10, from-2022-09-21, to-2018"),
    )


register(Kind(
    name="observation",
    doc="One figure of the document as a qb:Observation (a flow or another indicator).",
    fields=(
        Field("dataset", "ref", required=True, refs=("stat-dataset",)),
        *_key_fields(required_period=True),
        Field("value", "number", required=True,
              doc="the figure as a plain number: '16.5 million' is 16500000"),
        Field("unit", "enum", choices=codes("units"), doc="unit (default persons), see kzc:units"),
        Field("qualifier", "enum", choices=codes("value-qualifiers"),
              doc="approximately, more-than, up-to, nearly, range; leave out for exact figures"),
        Field("precision", "number", doc="rounding unit of a rounded figure: 100000 for '16.5 million'"),
        Field("stated_as", "text", doc="the figure as printed, where it is not a plain number"),
        Field("lower", "number", doc="lower end of a stated range"),
        Field("upper", "number", doc="upper end of a stated range"),
        Field("stated_by", "text", doc="who states it, e.g. Expert D (interviews)"),
    ),
    iri=observation_iri, to_rdf=_observation_to_rdf, check=_check_observation,
))


# ---------------------------------------------------------------- stated claims

CLAIM_TYPES = codes("claim-types")
NEEDS_BASE = {"percent-change", "mean-percent-change", "increase", "decrease", "no-increase",
              "annual-increase", "part-of", "share-of", "per-day-mean"}
NEEDS_STATED = {"percent-change", "mean-percent-change", "mean-of", "rank", "share-of",
                "per-day-mean"}


def claim_iri(record: Record) -> URIRef:
    return KZD[f"claim/{record.id}"]


def base_key(values: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """The key of a claim's base figure: the target key with the base_* overrides."""
    measure, area, counterpart, breakdown, period = observation_key(values)
    if values.get("base_direction") or values.get("base_indicator"):
        measure = values.get("base_direction") or values.get("base_indicator")
    return (measure, area, values.get("base_counterpart", counterpart),
            values.get("base_breakdown", breakdown), str(values.get("base_period", period)))


def _observation_index(ctx: MappingContext) -> dict[tuple[str, ...], list[URIRef]]:
    index = getattr(ctx, "_kzmig_observation_index", None)
    if index is None:
        index = {}
        for obs in ctx.records.of_kind("observation"):
            index.setdefault(observation_key(obs.values), []).append(observation_iri(obs))
        ctx._kzmig_observation_index = index  # type: ignore[attr-defined]
    return index


def _claim_to_rdf(record: Record, ctx: MappingContext) -> None:
    claim = claim_iri(record)
    kind = record.get("claim")
    typed(ctx, claim, KZO.StatedClaim, PROV.Entity)
    ctx.add(claim, KZO.claimType, KZC[f"claim-{kind}"])
    if record.get("stated") is not None:
        ctx.add(claim, KZO.statedValue, _number(record.get("stated")))
    ctx.add(claim, SDMX_DIMENSION.refArea, ctx.iri(record.get("area", DEFAULT_AREA)))
    ctx.add(claim, KZO.counterpartArea, ctx.iri(record.get("counterpart", DEFAULT_COUNTERPART)))
    if record.get("direction"):
        ctx.add(claim, KZO.flowDirection, FLOW_IRIS[record.get("direction")])
    else:
        ctx.add(claim, KZO.indicator, KZC[f"indicator-{record.get('indicator')}"])
    ctx.add(claim, KZO.breakdown, KZC[f"breakdown-{record.get('breakdown', DEFAULT_BREAKDOWN)}"])
    target_period = parse_period(record.get("period"))
    ctx.add(claim, KZO.targetPeriod, add_period(ctx, target_period))
    index = _observation_index(ctx)
    ctx.add_all(claim, KZO.targetObservation, index.get(observation_key(record.values), []))
    if kind in NEEDS_BASE:
        key = base_key(record.values)
        ctx.add(claim, KZO.basePeriod, add_period(ctx, parse_period(key[4])))
        measure = key[0]
        if measure in FLOW_IRIS:
            ctx.add(claim, KZO.baseFlowDirection, FLOW_IRIS[measure])
        else:
            ctx.add(claim, KZO.baseIndicator, KZC[f"indicator-{measure}"])
        ctx.add(claim, KZO.baseCounterpartArea, ctx.iri(key[2]))
        ctx.add(claim, KZO.baseBreakdown, KZC[f"breakdown-{key[3]}"])
        ctx.add_all(claim, KZO.baseObservation, index.get(key, []))
    for component in record.get("components", []):
        key = observation_key({**record.values, "breakdown": component})
        ctx.add(claim, KZO.componentBreakdown, KZC[f"breakdown-{component}"])
        ctx.add_all(claim, KZO.componentObservation, index.get(key, []))
    if record.get("within"):
        ctx.add(claim, KZO.withinPeriod, add_period(ctx, parse_period(record.get("within"))))
    if record.get("lower") is not None:
        ctx.add(claim, KZO.lowerBound, _number(record.get("lower")))
    if record.get("upper") is not None:
        ctx.add(claim, KZO.upperBound, _number(record.get("upper")))
    ctx.add(claim, RDFS.label, Literal(record.get("summary"), lang="en"))


def _check_claim(record: Record) -> list[tuple[str, str, str]]:
    problems = _check_key(record)
    for name in ("period", "base_period", "within"):
        problems += _period_problem(record, name)
    kind = record.get("claim")
    if kind in NEEDS_BASE and not record.get("base_period") and not (
            record.get("base_indicator") or record.get("base_direction")):
        problems.append(("base_period", f"a '{kind}' claim compares two figures: give base_period",
                         "the period of the figure the change is measured from"))
    if kind in NEEDS_STATED and record.get("stated") is None:
        problems.append(("stated", f"a '{kind}' claim needs the stated value", "e.g. stated: -25.14"))
    if kind == "mean-of" and not record.get("components"):
        problems.append(("components", "a 'mean-of' claim needs the component breakdowns",
                         "e.g. components: food-products;paid-services"))
    if kind in ("minimum", "maximum") and not record.get("within"):
        problems.append(("within", f"a '{kind}' claim needs the range of years", "e.g. 2000-2023"))
    if kind in ("share-of", "per-day-mean") and not (record.get("base_indicator")
                                                     or record.get("base_direction")):
        problems.append(("base_indicator", f"a '{kind}' claim compares two indicators: give "
                         "base_indicator", "the indicator of the whole (share-of) or of the "
                         "total over the period (per-day-mean)"))
    lower, upper, stated = record.get("lower"), record.get("upper"), record.get("stated")
    if (lower is None) != (upper is None):
        problems.append(("lower", "a stated range needs both lower and upper", "e.g. lower: 11, upper: 12"))
    elif lower is not None and not (lower <= (stated if stated is not None else lower) <= upper):
        problems.append(("stated", f"stated value {stated} lies outside lower..upper", "check the bounds"))
    return problems


register(Kind(
    name="stated-claim",
    doc="A relation between figures the document states (percent change, average, rank, trend), "
        "kept as the document's claim and linked to the observations it compares.",
    fields=(
        Field("claim", "enum", required=True, choices=CLAIM_TYPES, doc="see kzc:claim-types"),
        Field("summary", "text", required=True, doc="what the document claims, in our words"),
        Field("stated", "number",
              doc="the stated value: a signed percent (-25.14 for 'decreased by 25.14%'), a rank, "
                  "an average, a share in percent or an average per day"),
        *_key_fields(required_period=True),
        Field("base_period", "text", doc="period of the figure compared with (changes, trends)"),
        Field("base_direction", "enum", choices=tuple(FLOW_IRIS), doc="base measure if different"),
        Field("base_indicator", "enum", choices=codes("indicators"), doc="base indicator if different"),
        Field("base_counterpart", "ref", refs=AREA_KINDS, doc="base counterpart if different"),
        Field("base_breakdown", "enum", choices=codes("breakdowns"), doc="base breakdown if different"),
        Field("components", "enum", many=True, choices=codes("breakdowns"),
              doc="breakdowns averaged by a mean-of claim"),
        Field("within", "text", doc="range of years of a minimum/maximum claim, e.g. 2000-2023"),
        Field("lower", "number", doc="lower end of a stated range ('11-12%': 11)"),
        Field("upper", "number", doc="upper end of a stated range ('11-12%': 12)"),
    ),
    iri=claim_iri, to_rdf=_claim_to_rdf, check=_check_claim,
))

__all__ = ["DSD_FLOW", "DSD_INDICATOR", "Period", "add_period", "base_key", "claim_iri", "codes",
           "dataset_iri", "observation_iri", "observation_key", "parse_period"]
