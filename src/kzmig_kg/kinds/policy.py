"""Policy documents (programmes, concepts, rules) and policy measures coded like DEMIG POLICY.

Two kinds of record:

- ``policy-document``: a migration policy concept, programme, programme stage or set of programme
  rules (``kzo:PolicyDocument`` and a subclass), with its type (``dct:type``, a concept of
  ``kzc:policy-document-types``), its period as an OWL-Time ``time:ProperInterval``
  (``dct:temporal``; integer years ``kzo:periodStartYear``/``kzo:periodEndYear`` for queries), the act
  that approved it (``kzo:approvedBy``), aims and acknowledged problems in our words, stages
  (``dct:isPartOf``/``dct:hasPart``), the document it follows in a series (``kzo:follows``) and what the
  source says about its results (``kzo:OutcomeStatement`` resources with their own passages).
- ``policy-measure``: one concrete policy change, coded on the six DEMIG POLICY variables (de Haas,
  Natter & Vezzoli 2015, Table 2): policy area, policy tool, migrant group, migrant origin, change in
  restrictiveness (+1 more restrictive, -1 less, 0 none) and magnitude, each an object property to a
  SKOS concept of ``ontology/vocab/demig.ttl``; ``unclear`` (``kzc:demig-unclear``) where the source
  does not let the coder decide. It links to the act, programme or agreement that enacted it, the
  instruments it introduces, changes or ends, the events it responds to, and the measures it revises.

The codes are the ``skos:notation`` values of the vocabulary files; this module reads them from
there, so the vocabulary is the single source of truth.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from rdflib import Graph, Literal, URIRef

from ..mapping import ID_PATTERN, Field, Kind, MappingContext, Record, label, register, typed
from ..namespaces import DCTERMS, DEMIG, KZC, KZD, KZO, PROV, SKOS, TIME, XSD
from ..paths import ONTOLOGY_DIR

DEMIG_FILE = ONTOLOGY_DIR / "vocab" / "demig.ttl"
POLICY_VOCAB_FILE = ONTOLOGY_DIR / "vocab" / "policy.ttl"
UNCLEAR = "unclear"
UNCLEAR_CONCEPT = KZC["demig-unclear"]
NOT_NAMED = KZC["enacting-act-not-named"]

# DEMIG variable (record field) -> (ontology property, scheme, extension notations allowed)
DIMENSIONS: dict[str, tuple[str, URIRef, tuple[str, ...]]] = {
    "policy_area": ("policyArea", DEMIG["policy-area"], ()),
    "policy_tool": ("policyTool", DEMIG["policy-tool"], ()),
    "migrant_group": ("migrantGroup", DEMIG["migrant-group"], ()),
    "migrant_origin": ("migrantOrigin", DEMIG["migrant-origin"], ("eaeu-citizens",)),
    "restrictiveness": ("changeInRestrictiveness", DEMIG["change-in-restrictiveness"], ()),
    "magnitude": ("magnitude", DEMIG["magnitude"], ()),
}
# DEMIG's contextual policy tools are "not assessed in terms of restrictiveness"
CONTEXTUAL_TOOLS = ("institutional-capacities", "action-plan-strategy-report", "contextual-elements")
DOCUMENT_CLASSES = {"concept": "PolicyConcept", "programme": "Programme",
                    "programme-stage": "ProgrammeStage", "rules": "ProgrammeRules"}
STATUSES = ("enacted", "planned", "proposed")


@lru_cache(maxsize=1)
def _vocab() -> Graph:
    graph = Graph()
    graph.parse(DEMIG_FILE, format="turtle")
    graph.parse(POLICY_VOCAB_FILE, format="turtle")
    return graph


def _notation(value: Literal) -> str:
    """The code a curator writes: the notation; restrictiveness scores keep their sign (+1)."""
    text = str(value)
    if value.datatype == XSD.integer and int(text) > 0:
        return f"+{int(text)}"
    return text


@cache
def scheme_codes(scheme: URIRef) -> dict[str, URIRef]:
    """Code (skos:notation as curators write it) -> concept, for one SKOS scheme of the vocabulary."""
    graph = _vocab()
    codes = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        notation = graph.value(concept, SKOS.notation)
        if notation is not None:
            codes[_notation(notation)] = concept
    return dict(sorted(codes.items()))


def dimension_codes(field_name: str) -> dict[str, URIRef]:
    """Allowed codes of a DEMIG dimension field: the scheme's codes, its extensions, 'unclear'."""
    _, scheme, extensions = DIMENSIONS[field_name]
    codes = dict(scheme_codes(scheme))
    if field_name == "magnitude":  # notations are the scale 4..1; curators write the words
        codes = {str(c).rsplit("/", 1)[1].removeprefix("magnitude-"): c for c in codes.values()}
    extension_codes = scheme_codes(KZC["demig-extensions"])
    for code in extensions:
        codes[code] = extension_codes[code]
    codes[UNCLEAR] = UNCLEAR_CONCEPT
    return codes


def document_type_codes() -> dict[str, URIRef]:
    return scheme_codes(KZC["policy-document-types"])


def status_codes() -> dict[str, URIRef]:
    return scheme_codes(KZC["measure-statuses"])


# ---------------------------------------------------------------- policy documents

def document_iri(record: Record) -> URIRef:
    return KZD[f"policy-document/{record.id}"]


def _year_instant(ctx: MappingContext, iri: URIRef, date) -> None:
    typed(ctx, iri, TIME.Instant)
    ctx.add(iri, TIME.inXSDgYear, date.year_literal())
    if date.precision == "day":
        ctx.add(iri, TIME.inXSDDate, date.literal())


def _document_to_rdf(record: Record, ctx: MappingContext) -> None:
    doc = document_iri(record)
    doc_type = record.get("doc_type")
    typed(ctx, doc, KZO.PolicyDocument, KZO[DOCUMENT_CLASSES[doc_type]], PROV.Entity)
    ctx.add(doc, DCTERMS.type, document_type_codes()[doc_type])
    label(ctx, doc, record.get("title"))
    ctx.text(doc, DCTERMS.title, record.get("title"))
    for alt in record.get("alt_titles", []):
        ctx.add(doc, SKOS.altLabel, Literal(alt, lang="en"))
    ctx.text(doc, DCTERMS.description, record.get("summary"))
    start, end = record.get("period_start"), record.get("period_end")
    if start or end:
        period = URIRef(f"{doc}/period")
        typed(ctx, period, TIME.ProperInterval)
        ctx.add(doc, DCTERMS.temporal, period)
        span = f"{start.year if start else '?'}-{end.year if end else '?'}"
        ctx.add(period, KZO.periodLabel, Literal(span))
        if start:
            _year_instant(ctx, URIRef(f"{period}/beginning"), start)
            ctx.add(period, TIME.hasBeginning, URIRef(f"{period}/beginning"))
            ctx.add(doc, KZO.periodStartYear, Literal(start.year, datatype=XSD.integer))
        if end:
            _year_instant(ctx, URIRef(f"{period}/end"), end)
            ctx.add(period, TIME.hasEnd, URIRef(f"{period}/end"))
            ctx.add(doc, KZO.periodEndYear, Literal(end.year, datatype=XSD.integer))
    adopted = record.get("adopted")
    if adopted:
        ctx.add(doc, KZO.dateStated, adopted.literal())
        ctx.add(doc, KZO.year, adopted.year_literal())
        if adopted.precision == "day":
            ctx.add(doc, DCTERMS.issued, adopted.literal())
    for act in ctx.refs(record, "approved_by"):
        ctx.add(doc, KZO.approvedBy, act)
    for parent in ctx.refs(record, "part_of"):
        ctx.add(doc, DCTERMS.isPartOf, parent)
        ctx.add(parent, DCTERMS.hasPart, doc)
    for previous in ctx.refs(record, "follows"):
        ctx.add(doc, KZO.follows, previous)
    for body in ctx.refs(record, "responsible"):
        ctx.add(doc, KZO.responsibleBody, body)
    for event in ctx.refs(record, "responds_to"):
        ctx.add(doc, KZO.respondsTo, event)
    for aim in record.get("aims", []):
        ctx.add(doc, KZO.aim, Literal(aim, lang="en"))
    for problem in record.get("problems", []):
        ctx.add(doc, KZO.acknowledgedProblem, Literal(problem, lang="en"))
    for outcome in record.get("outcomes", []):
        node = URIRef(f"{doc}/outcome/{outcome['id']}")
        typed(ctx, node, KZO.OutcomeStatement, PROV.Entity)
        ctx.add(doc, KZO.hasOutcomeStatement, node)
        ctx.add(node, KZO.statement, Literal(outcome["statement"], lang="en"))
        ctx.add(node, KZO.assessment, Literal(outcome["assessment"]))
        for judge_id in _as_list(outcome.get("judged_by")):
            ctx.add(node, KZO.judgedBy, ctx.iri(judge_id))
            ctx.add(node, DCTERMS.source, ctx.iri(judge_id))
        for locator in outcome.get("passages", []):
            passage = ctx.passage(record, locator)
            if passage is not None:
                ctx.add(node, PROV.wasDerivedFrom, passage)
        ctx.add(node, SKOS.editorialNote, Literal(outcome["note"], lang="en")
                if outcome.get("note") else None)


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# programmes and concepts of the Republic: none before independence (1991), none longer than
# a generation, none planned further ahead than a decade
FIRST_PROGRAMME_YEAR = 1991
LONGEST_PROGRAMME_YEARS = 30
PLANNED_AHEAD_YEARS = 10
_YEAR_IN_ID = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")


def _programme_date_problems(record: Record) -> list[tuple[str, str, str]]:
    """Start before end, within plausible years, adopted before the period ends, and the years in
    the id those of the period (two years) or of its start, end or adoption (one year)."""
    problems = []
    start, end, adopted = (record.get("period_start"), record.get("period_end"),
                           record.get("adopted"))
    if start and end and start.sort_key() > end.sort_key():
        return [("period_end", f"the period ends ({end}) before it starts ({start})",
                 "swap period_start and period_end")]  # one slip, one problem: the rest follow
    if start and end and end.year - start.year > LONGEST_PROGRAMME_YEARS:
        problems.append(("period_end", f"a period of {end.year - start.year} years ({start} to "
                         f"{end}), longer than any programme's {LONGEST_PROGRAMME_YEARS}",
                         "check both years against the passage (OCR may misread digits)"))
    latest = dt.date.today().year + PLANNED_AHEAD_YEARS
    for name, value in (("period_start", start), ("period_end", end), ("adopted", adopted)):
        if value and not FIRST_PROGRAMME_YEAR <= value.year <= latest:
            problems.append((name, f"{name} {value} lies outside {FIRST_PROGRAMME_YEAR}-{latest}, "
                             "the years a programme of the Republic can have",
                             "check the year against the passage (OCR may misread digits)"))
    if adopted and end and adopted.year > end.year:
        problems.append(("adopted", f"adopted in {adopted}, after its period ended ({end})",
                         "check both dates against the passage"))
    in_id = [int(year) for year in _YEAR_IN_ID.findall(record.id)]
    if len(in_id) == 2 and start and end and (start.year, end.year) != tuple(in_id):
        problems.append(("period_start", f"the period {start}-{end} contradicts the years in the "
                         f"id '{record.id}'", "make the id's years those of the period"))
    elif len(in_id) == 1:
        stated = {value.year for value in (start, end, adopted) if value}
        if stated and in_id[0] not in stated:
            problems.append(("period_start" if start else "adopted",
                             f"the year in the id '{record.id}' is none of the document's years "
                             f"({', '.join(str(y) for y in sorted(stated))})",
                             "make the id's year that of the period or of the adoption"))
    return problems


def _check_document(record: Record) -> list[tuple[str, str, str]]:
    problems = _programme_date_problems(record)
    if record.get("doc_type") == "programme-stage" and not record.get("part_of"):
        problems.append(("part_of", "a programme stage must say which programme it is part of",
                         "add part_of: <id of the programme>"))
    if record.id in record.get("part_of", []):
        problems.append(("part_of", "a document cannot be part of itself", "remove it"))
    ids = [o["id"] for o in record.get("outcomes", [])]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(("outcomes", f"outcome id '{dup}' is used twice",
                         "give every outcome of a document its own id"))
    for outcome_id in ids:
        if not ID_PATTERN.match(outcome_id):
            problems.append(("outcomes", f"outcome id '{outcome_id}' has characters an IRI cannot "
                             "carry", "use letters, digits, '.', '_' and '-'"))
    own = {str(p) for p in record.get("passages", [])}
    for outcome in record.get("outcomes", []):
        if not outcome.get("passages"):
            problems.append(("outcomes", f"outcome '{outcome['id']}' has no passages",
                             "add passages: [\"FIRST-LAST\"] where the source states the result"))
        for locator in outcome.get("passages", []):
            if str(locator) not in own:
                problems.append(("outcomes", f"passage {locator} of outcome '{outcome['id']}' is "
                                 "not among the document's passages",
                                 "list it in the record's passages too (so it is synced)"))
    return problems


register(Kind(
    name="policy-document",
    doc="A migration policy concept, programme, programme stage or programme rules.",
    fields=(
        Field("title", "langtext", required=True, doc="official title (English, Russian if known)"),
        Field("alt_titles", "text", many=True, doc="other names the source uses"),
        Field("doc_type", "enum", required=True, choices=tuple(DOCUMENT_CLASSES),
              doc="concept, programme, programme-stage or rules"),
        Field("summary", "text", required=True, doc="what the document is, in our words"),
        Field("period_start", "date", doc="first year of the period it covers"),
        Field("period_end", "date", doc="last year of the period it covers"),
        Field("adopted", "date", doc="date or year of adoption as the source states it"),
        Field("approved_by", "ref", many=True, refs=("act",), doc="the act that approved it"),
        Field("part_of", "ref", many=True, refs=("policy-document",),
              doc="the programme a stage or set of rules belongs to"),
        Field("follows", "ref", many=True, refs=("policy-document",),
              doc="the earlier document of the same series that it follows"),
        Field("responsible", "ref", many=True, refs=("organisation",)),
        Field("responds_to", "ref", many=True, refs=("event",),
              doc="the event the source connects the document with"),
        Field("aims", "text", many=True, doc="its aims, in our words"),
        Field("problems", "text", many=True, doc="problems it acknowledges, in our words"),
        Field("outcomes", "struct", many=True, doc="what the source says about its results", fields=(
            Field("id", "text", required=True, doc="slug, unique within the document"),
            Field("statement", "text", required=True, doc="the result, in our words"),
            Field("assessment", "enum", required=True,
                  choices=("goal-achieved", "partly-achieved", "shortcoming", "figure")),
            Field("judged_by", "ref", many=True, refs=("organisation", "source"),
                  doc="who makes the judgement, where the source cites someone"),
            Field("passages", "lines", many=True),
            Field("note", "text"),
        )),
    ),
    iri=document_iri, to_rdf=_document_to_rdf, check=_check_document,
))


# ---------------------------------------------------------------- policy measures

def measure_iri(record: Record) -> URIRef:
    return KZD[f"policy-measure/{record.id}"]


def _measure_to_rdf(record: Record, ctx: MappingContext) -> None:
    measure = measure_iri(record)
    typed(ctx, measure, KZO.PolicyMeasure, PROV.Entity)
    label(ctx, measure, record.get("title"))
    ctx.text(measure, DCTERMS.description, record.get("description"))
    date = record.get("date")
    ctx.add(measure, KZO.dateStated, date.literal())
    ctx.add(measure, KZO.year, date.year_literal())
    ctx.add(measure, KZO.measureYear, Literal(date.year, datatype=XSD.integer))
    if date.precision == "day":
        ctx.add(measure, DCTERMS.date, date.literal())
    until = record.get("until")
    if until:
        ctx.add(measure, KZO.effectiveUntil, until.literal())
    ctx.add(measure, KZO.measureStatus, status_codes()[record.get("status")])
    for name, (prop, _, _) in DIMENSIONS.items():
        ctx.add(measure, KZO[prop], dimension_codes(name)[record.get(name)])
    score = record.get("restrictiveness")
    if score != UNCLEAR:
        ctx.add(measure, KZO.restrictivenessScore, Literal(int(score), datatype=XSD.integer))
    ctx.add(measure, KZO.codingRationale, Literal(record.get("coding_rationale"), lang="en"))
    for detail in ctx.refs(record, "origin_detail"):
        ctx.add(measure, KZO.migrantOriginDetail, detail)
    ctx.text(measure, KZO.targetGroupDetail, record.get("group_detail"))
    for source in ctx.refs(record, "enacted_by"):
        ctx.add(measure, KZO.enactedBy, source)
    if record.get("enacting_act_not_named"):
        ctx.add(measure, KZO.enactedBy, NOT_NAMED)
    for field_name, prop in (("introduces", KZO.introducesInstrument),
                             ("changes", KZO.changesInstrument),
                             ("ends", KZO.endsInstrument)):
        for instrument in ctx.refs(record, field_name):
            ctx.add(measure, prop, instrument)
            ctx.add(measure, KZO.concernsInstrument, instrument)
    for event in ctx.refs(record, "responds_to"):
        ctx.add(measure, KZO.respondsTo, event)
    for body in ctx.refs(record, "bodies"):
        ctx.add(measure, KZO.involvesOrganisation, body)
    for earlier in ctx.refs(record, "revises"):
        ctx.add(measure, KZO.revisesMeasure, earlier)
    for later in ctx.refs(record, "implemented_by"):
        ctx.add(measure, KZO.implementedBy, later)
    for expert in ctx.refs(record, "reported_by"):
        ctx.add(measure, KZO.reportedBy, expert)
        ctx.add(measure, DCTERMS.source, expert)


def _check_measure(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    for name in DIMENSIONS:
        allowed = dimension_codes(name)
        value = record.get(name)
        if value not in allowed:
            problems.append((name, f"'{value}' is not a code of {DIMENSIONS[name][1]}",
                             f"use one of: {', '.join(allowed)}"))
    if record.get("policy_tool") in CONTEXTUAL_TOOLS and \
            record.get("restrictiveness") not in ("0", UNCLEAR):
        problems.append(("restrictiveness",
                         f"policy tool '{record.get('policy_tool')}' is a DEMIG contextual code, "
                         "not assessed for restrictiveness",
                         "code restrictiveness 0, or choose an assessed policy tool"))
    if record.get("restrictiveness") == "0" and record.get("policy_tool") not in CONTEXTUAL_TOOLS:
        problems.append(("restrictiveness",
                         "a change with an assessed policy tool must be coded +1 or -1 "
                         "(or 'unclear' with the reason in coding_rationale)",
                         "code +1 (more restrictive), -1 (less restrictive) or unclear"))
    unclear = [n for n in DIMENSIONS if record.get(n) == UNCLEAR]
    if unclear and "unclear" not in record.get("coding_rationale", "").lower():
        problems.append(("coding_rationale",
                         f"{', '.join(unclear)} coded 'unclear' without saying why",
                         "explain in coding_rationale why the source leaves it unclear"))
    if record.get("status") not in status_codes():
        problems.append(("status", f"'{record.get('status')}' is not a measure status",
                         f"use one of: {', '.join(status_codes())}"))
    until, date = record.get("until"), record.get("date")
    if until and date and until.sort_key() < date.sort_key():
        problems.append(("until", f"the measure ends ({until}) before it starts ({date})",
                         "check the dates"))
    if record.id in record.get("revises", []):
        problems.append(("revises", "a measure cannot revise itself", "remove it"))
    named, not_named = bool(record.get("enacted_by")), bool(record.get("enacting_act_not_named"))
    if named == not_named:
        problems.append(("enacted_by", "a measure needs either enacted_by (the act, programme or "
                         "agreement) or enacting_act_not_named: true, not both and not neither",
                         "name the enacting record; only where the source names none, write "
                         "enacting_act_not_named: true"))
    if not_named and not record.get("cites") and not record.get("reported_by"):
        problems.append(("cites", "a measure whose act is not named must cite the source that "
                         "reports it", "add cites: [src-...] or reported_by: [expert-...]"))
    return problems


register(Kind(
    name="policy-measure",
    doc="A concrete migration policy change, coded on the six DEMIG POLICY variables.",
    fields=(
        Field("title", "langtext", required=True, doc="short name of the change, in our words"),
        Field("description", "text", required=True, doc="what it changed, in our words"),
        Field("date", "date", required=True,
              doc="date or year of the change as the source gives it (DEMIG: year of the act)"),
        Field("until", "date", doc="end of a temporary measure, where the source gives it"),
        Field("status", "enum", required=True, choices=STATUSES),
        Field("policy_area", "text", required=True, doc="DEMIG policy area code, or unclear"),
        Field("policy_tool", "text", required=True, doc="DEMIG policy tool code, or unclear"),
        Field("migrant_group", "text", required=True, doc="DEMIG migrant group code, or unclear"),
        Field("migrant_origin", "text", required=True,
              doc="DEMIG migrant origin code, eaeu-citizens, or unclear"),
        Field("restrictiveness", "enum", required=True, choices=("+1", "-1", "0", UNCLEAR),
              doc="+1 more restrictive, -1 less restrictive, 0 contextual, or unclear"),
        Field("magnitude", "text", required=True,
              doc="major, mid-level, minor, fine-tuning, or unclear"),
        Field("coding_rationale", "text", required=True,
              doc="how restrictiveness and magnitude were decided; what is a judgement"),
        Field("origin_detail", "ref", many=True, refs=("country", "country-group"),
              doc="the nationalities concerned, where origin is specific"),
        Field("group_detail", "text", doc="the target group in the source's terms"),
        Field("enacted_by", "ref", many=True,
              refs=("act", "policy-document", "agreement"),
              doc="the act, programme or agreement that enacted or contains the measure"),
        Field("enacting_act_not_named", "bool",
              doc="true when the source reports the measure without naming the act (then cite "
                  "the source that reports it); never guess an act"),
        Field("introduces", "ref", many=True, refs=("instrument",)),
        Field("changes", "ref", many=True, refs=("instrument",)),
        Field("ends", "ref", many=True, refs=("instrument",),
              doc="instruments abolished or suspended"),
        Field("responds_to", "ref", many=True, refs=("event",),
              doc="the event the source says the measure responds to"),
        Field("bodies", "ref", many=True, refs=("organisation",),
              doc="bodies that gain, lose or exercise a power under the measure"),
        Field("revises", "ref", many=True, refs=("policy-measure",),
              doc="an earlier measure this one changes, reverses or restores"),
        Field("reported_by", "ref", many=True, refs=("expert",),
              doc="the interviewed expert who reports the measure, where the thesis has it from one"),
        Field("implemented_by", "ref", many=True, refs=("act", "agreement", "policy-measure"),
              doc="a later act, agreement or measure that puts a planned measure into effect"),
    ),
    iri=measure_iri, to_rdf=_measure_to_rdf, check=_check_measure,
))
