"""The figures the document implies but does not state, as observations of their own.

Where the document states a percent change and only one of its two figures (immigration from
Uzbekistan fell by 38.81% to 2,554 in 2020, and 2019 is given nowhere), or a share of a stated
whole, the other figure is computed here and added as a ``kzo:DerivedObservation`` in the data set
``ds-derived-flows`` or ``ds-derived-indicators``, with observation status ``obsStatus-I``
(imputed), its value as ``kzo:impliedValue`` (a measure of its own, so that no query reading
``sdmx-measure:obsValue`` mixes it with stated figures), the rule (``kzo:derivationRule``), the
claim and the input observation, bounds from the
rounding of the stated percentage, and the passages of the claim and the input. A derived figure
is only made for a key no data set states; a key with disagreeing stated figures derives nothing.
Derived figures may anchor further derivations (a chain of stated changes); the claims keep their
links to stated observations only, so the audit never checks a claim against a value computed
from itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Literal

from ..kinds.statistics import base_key, claim_iri, observation_iri, observation_key
from ..mapping.context import MappingContext
from ..mapping.schema import Record, RecordSet
from ..namespaces import KZC, KZG, KZO, RDF, RDFS, SDMX_ATTRIBUTE, SDMX_CODE, SDMX_MEASURE, SKOS

__all__ = ["DERIVED_GRAPH", "Derived", "derive_observations", "mark_derived"]
DERIVED_GRAPH = KZG["derived"]
DATASETS = {"flow": "ds-derived-flows", "indicator": "ds-derived-indicators"}  # by structure
_BOUNDS = {"more-than", "up-to"}  # value qualifiers that make a figure a bound, not a value
_KEY_FIELDS = ("direction", "indicator", "area", "counterpart", "breakdown", "period")


@dataclass
class Derived:
    record: Record  # an observation record of a derived data set
    rule: str  # notation of a kzc:derivation-rules concept
    claim: Record
    source: Record  # the observation it is computed from


def derive_observations(records: RecordSet) -> list[Derived]:
    """The implied figures, computed until no stated change or share yields a new one."""
    known: dict[tuple[str, ...], list[Record]] = {}
    for obs in records.of_kind("observation"):
        known.setdefault(observation_key(obs.values), []).append(obs)
    derived: list[Derived] = []
    claims = [c for c in records.of_kind("stated-claim")
              if c.get("claim") in ("percent-change", "share-of") and c.get("stated") is not None
              and c.get("lower") is None]
    while True:
        found = [d for claim in claims if (d := _derive(claim, known, records)) is not None]
        if not found:
            return derived
        for item in found:
            key = observation_key(item.record.values)
            if key not in known:
                known[key] = [item.record]
                derived.append(item)


def _derive(claim: Record, known: dict[tuple[str, ...], list[Record]],
            records: RecordSet) -> Derived | None:
    target_key, whole_key = observation_key(claim.values), base_key(claim.values)
    target, base = _single(known.get(target_key), claim), _single(known.get(whole_key), claim)
    stated = Decimal(str(claim.get("stated")))
    half = Decimal(5) * Decimal(10) ** (stated.as_tuple().exponent - 1)
    if claim.get("claim") == "share-of":
        if base is None or target_key in known:
            return None
        factors = [(s / 100) for s in (stated, stated - half, stated + half)]
        return _make(claim, target_key, base, factors, "part-of-share", records)
    if target is not None and whole_key not in known:
        factors = [1 / (1 + s / 100) for s in (stated, stated + half, stated - half)]
        return _make(claim, whole_key, target, factors, "base-of-percent-change", records)
    if base is not None and target_key not in known:
        factors = [1 + s / 100 for s in (stated, stated - half, stated + half)]
        return _make(claim, target_key, base, factors, "target-of-percent-change", records)
    return None


def _single(found: list[Record] | None, claim: Record) -> Record | None:
    """The one stated figure of a key; None where there is none or the data sets disagree. Of
    figures that agree, one stated in the claim's own document is the input, so that a document
    ingested later that repeats the figure does not become the provenance of the claim's. A bound
    ("over 12 thousand", qualifier more-than or up-to) is no value to compute from."""
    found = [r for r in found or [] if r.get("qualifier") not in _BOUNDS]
    if not found or len({Decimal(str(r.get("value"))) for r in found}) != 1:
        return None
    documents = _documents(claim)
    return next((r for r in found if _documents(r) & documents), found[0])


def _documents(record: Record) -> set[str]:
    return {p.document for p in record.get("passages", []) if hasattr(p, "document")}


def _make(claim: Record, key: tuple[str, ...], source: Record, factors: list[Decimal], rule: str,
          records: RecordSet) -> Derived:
    measure, area, counterpart, breakdown, period = key
    value = Decimal(str(source.get("value")))
    exact, lower, upper = (value * factor for factor in factors)
    is_flow = measure in ("IMM", "EMI", "NET")
    structure = "flow" if is_flow else "indicator"
    unit = source.get("unit", "persons")  # a change or a share keeps the unit of its input
    integral = unit == "persons"
    values = {
        "dataset": DATASETS[structure], ("direction" if is_flow else "indicator"): measure,
        "area": area, "counterpart": counterpart, "breakdown": breakdown, "period": period,
        "value": _rounded(exact, integral), "unit": unit,
        "lower": _rounded(min(lower, upper), integral), "upper": _rounded(max(lower, upper), integral),
        "passages": sorted(set(claim.get("passages", [])) | set(source.get("passages", [])),
                           key=str),
        "cites": list(dict.fromkeys(claim.get("cites", []) + source.get("cites", []))),
    }
    values = {name: value for name, value in values.items() if value is not None}
    record_id = f"derived-{claim.id}"
    return Derived(Record("observation", record_id, values, claim.file, claim.line), rule, claim,
                   source)


def _rounded(value: Decimal, integral: bool) -> int | float:
    return int(value.quantize(Decimal(1))) if integral else float(round(value, 2))


def mark_derived(item: Derived, ctx: MappingContext) -> None:
    """After the observation mapper: the status, type, rule, claim and input of a derived figure."""
    obs = observation_iri(item.record)
    ctx.graph.remove((obs, SDMX_ATTRIBUTE.obsStatus, None))
    for value in list(ctx.graph.objects(obs, SDMX_MEASURE.obsValue)):
        ctx.graph.remove((obs, SDMX_MEASURE.obsValue, value))
        ctx.add(obs, KZO.impliedValue, value)
    for label in list(ctx.graph.objects(obs, RDFS.label)):
        ctx.graph.remove((obs, RDFS.label, label))
        ctx.add(obs, RDFS.label, Literal(f"{label} (derived: implied, not stated)", lang="en"))
    ctx.add(obs, RDF.type, KZO.DerivedObservation)
    ctx.add(obs, SDMX_ATTRIBUTE.obsStatus, SDMX_CODE["obsStatus-I"])
    ctx.add(obs, KZO.derivationRule, KZC[f"derivation-{item.rule}"])
    ctx.add(obs, KZO.derivationClaim, claim_iri(item.claim))
    ctx.add(obs, KZO.derivationInput, observation_iri(item.source))
    ctx.add(obs, SKOS.editorialNote, Literal(
        f"Not stated by the document: computed by the rule {item.rule} from the claim "
        f"'{item.claim.id}' ({item.claim.get('summary')}) and the figure "
        f"{item.source.get('value')} of '{item.source.id}'.", lang="en"))
