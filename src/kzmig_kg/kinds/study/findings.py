"""What the study concludes: problems raised (``study-problem``), findings of Chapter 4
(``finding``) and the eight recommendations (``recommendation``)."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ...errors import RecordError
from ...mapping import Field, Kind, MappingContext, Record, label, register, typed
from ...namespaces import KZC, KZD, KZO, PROV, RDFS, SKOS, XSD
from .interviews import expert_iri
from .vocab import (
    ATTRIBUTIONS,
    CONCERN_KINDS,
    COVERAGE,
    PROBLEMS,
    integer,
    sorted_codes,
    texts,
)

# ---------------------------------------------------------------- problems

def problem_iri(record: Record) -> URIRef:
    return KZC[f"study-problems/{record.id}"]


def _problem_to_rdf(record: Record, ctx: MappingContext) -> None:
    problem = problem_iri(record)
    typed(ctx, problem, KZO.StudyProblem, SKOS.Concept)
    label(ctx, problem, record.get("label"))
    ctx.add(problem, SKOS.inScheme, PROBLEMS)
    ctx.add(problem, SKOS.topConceptOf, PROBLEMS)
    ctx.add(PROBLEMS, SKOS.hasTopConcept, problem)
    ctx.add(problem, SKOS.notation, Literal(record.id.removeprefix("problem-")))
    texts(ctx, problem, SKOS.definition, record.get("definition"))


register(Kind(
    name="study-problem",
    doc="A problem of migration management the study raises (abstract, Chapter 4, conclusions).",
    fields=(
        Field("label", "langtext", required=True),
        Field("definition", "text", required=True, doc="what the problem is, in our words"),
    ),
    iri=problem_iri, to_rdf=_problem_to_rdf,
))



# ---------------------------------------------------------------- findings

def finding_iri(record: Record) -> URIRef:
    return KZD[f"finding/{record.id}"]


def _finding_to_rdf(record: Record, ctx: MappingContext) -> None:
    finding = finding_iri(record)
    theme = ctx.record(record.get("theme"))
    if theme.get("scheme") != "chapter-4":
        ctx.errors.append(RecordError(record.file, record.line_of("theme"), "theme",
                                      f"'{theme.id}' is an Appendix B theme",
                                      "a finding belongs to a Chapter 4 theme (scheme: chapter-4); "
                                      "link Appendix B codes with codes"))
        return
    typed(ctx, finding, KZO.Finding, PROV.Entity)
    ctx.add(finding, RDFS.label, Literal(record.get("label"), lang="en"))
    texts(ctx, finding, KZO.findingStatement, record.get("statement"))
    ctx.add(finding, KZO.findingTheme, ctx.iri(theme.id))
    ctx.add(finding, KZO.attribution, ATTRIBUTIONS[record.get("attribution")])
    holders = ctx.refs(record, "held_by")
    if record.get("attribution") == "all-experts":
        holders = [expert_iri(r) for r in ctx.records.of_kind("expert")]
    for expert in holders:
        ctx.add(finding, KZO.heldBy, expert)
        ctx.add(finding, PROV.wasAttributedTo, expert)
    for expert in ctx.refs(record, "contested_by"):
        ctx.add(finding, KZO.contestedBy, expert)
    for other in ctx.refs(record, "disputes"):
        ctx.add(finding, KZO.disputes, other)
    if record.get("stated_expert_count") is not None:
        ctx.add(finding, KZO.statedExpertCount, integer(record.get("stated_expert_count")))
    if record.get("footnote") is not None:
        ctx.add(finding, KZO.footnote, Literal(record.get("footnote"),
                                               datatype=XSD.integer))
    if record.get("group_as_printed"):
        ctx.add(finding, KZO.expertGroupAsPrinted, Literal(record.get("group_as_printed")))
    for code in ctx.refs(record, "codes"):
        ctx.add(finding, KZO.basedOnCode, code)
    for target in ctx.refs(record, "concerns"):
        ctx.add(finding, KZO.concerns, target)


def _check_finding(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    attribution = record.get("attribution")
    held = record.get("held_by", [])
    if attribution == "named" and not held:
        problems.append(("held_by", "a finding attributed to named experts needs held_by",
                         "list the experts the text or its footnote names"))
    if attribution != "named" and held:
        problems.append(("held_by", f"held_by is given but attribution is '{attribution}'",
                         "set attribution: named, or leave held_by out (all-experts is derived "
                         "from the expert records)"))
    count = record.get("stated_expert_count")
    if count is not None and held and count != len(held):
        problems.append(("stated_expert_count",
                         f"the text speaks of {count} experts but held_by lists {len(held)}",
                         "check the footnote: the names it lists must match the number the "
                         "text gives"))
    if record.get("footnote") is not None and not (held and record.get("group_as_printed")):
        problems.append(("footnote", "a footnoted expert group needs held_by and "
                         "group_as_printed",
                         "list the experts of the footnote and copy its text, e.g. "
                         "'Experts (A,B,C,D)'"))
    if record.id in record.get("disputes", []):
        problems.append(("disputes", "a finding cannot dispute itself", "remove it"))
    return problems


register(Kind(
    name="finding",
    doc="A finding of Chapter 4 as a claim: statement, the experts who hold and contest it, "
        "the codes behind it and the entities it concerns.",
    fields=(
        Field("label", "text", required=True, doc="a short title in our words"),
        Field("statement", "text", required=True, doc="the finding in our words"),
        Field("theme", "ref", required=True, refs=("study-theme",), doc="a Chapter 4 theme"),
        Field("attribution", "enum", required=True, choices=sorted_codes(ATTRIBUTIONS)),
        Field("held_by", "ref", many=True, refs=("expert",)),
        Field("contested_by", "ref", many=True, refs=("expert",),
              doc="experts the text reports as saying the opposite"),
        Field("disputes", "ref", many=True, refs=("finding",),
              doc="the finding(s) this one contradicts"),
        Field("stated_expert_count", "int", doc="the number of experts the text gives ('six')"),
        Field("footnote", "int", doc="number of the footnote that lists the experts"),
        Field("group_as_printed", "text", doc="the footnote's expert list as printed"),
        Field("codes", "ref", many=True, refs=("study-code",), doc="the codes behind it"),
        Field("concerns", "ref", many=True, refs=CONCERN_KINDS),
    ),
    iri=finding_iri, to_rdf=_finding_to_rdf, check=_check_finding,
))



# ---------------------------------------------------------------- recommendations

def recommendation_iri(record: Record) -> URIRef:
    return KZD[f"recommendation/{record.id}"]


def _recommendation_to_rdf(record: Record, ctx: MappingContext) -> None:
    rec = recommendation_iri(record)
    typed(ctx, rec, KZO.Recommendation, PROV.Entity)
    ctx.add(rec, RDFS.label, Literal(f"Recommendation {record.get('number')}: "
                                     f"{record.get('title')}", lang="en"))
    ctx.add(rec, KZO.recommendationTitle, Literal(record.get("title"), lang="en"))
    ctx.add(rec, KZO.recommendationNumber, Literal(record.get("number"),
                                                   datatype=XSD.integer))
    texts(ctx, rec, KZO.recommendationSummary, record.get("summary"))
    ctx.add(rec, KZO.hasBodyText, Literal(record.get("has_body")))
    for study in ctx.refs(record, "study"):
        ctx.add(rec, PROV.wasGeneratedBy, study)
    for field, prop in (("problems", KZO.answersProblem), ("codes", KZO.answersCode),
                        ("findings", KZO.answersFinding), ("addressed_by", KZO.addressedBy),
                        ("concerns", KZO.concerns)):
        for target in ctx.refs(record, field):
            ctx.add(rec, prop, target)
    ctx.add(rec, KZO.coverageStatus, COVERAGE[record.get("coverage")])
    texts(ctx, rec, KZO.coverageNote, record.get("coverage_note"))


def _check_recommendation(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    if record.id != f"rec-{record.get('number')}":
        problems.append(("number", f"id '{record.id}' does not match number "
                         f"{record.get('number')}", "the id is rec-<number>"))
    coverage, measures = record.get("coverage"), record.get("addressed_by", [])
    if coverage == "not-addressed" and measures:
        problems.append(("addressed_by", "a recommendation marked not-addressed lists measures",
                         "remove addressed_by or set coverage to addressed/partially-addressed"))
    if coverage in ("addressed", "partially-addressed") and not measures:
        problems.append(("addressed_by", f"coverage '{coverage}' needs the measures",
                         "list the m-2023-* measures that address it, or set not-addressed"))
    if coverage == "partially-addressed" and not record.get("coverage_note"):
        problems.append(("coverage_note", "a partial coverage needs a note",
                         "say what the measures leave out"))
    if record.get("has_body") and not record.get("summary"):
        problems.append(("summary", "the recommendation has body text: summarise it",
                         "write summary in our words"))
    return problems


register(Kind(
    name="recommendation",
    doc="One of the eight recommendations of the conclusions, the problems it answers and its "
        "coverage by the measures of the Migration Policy Concept 2023-2027.",
    fields=(
        Field("number", "int", required=True),
        Field("title", "text", required=True, doc="the recommendation's heading"),
        Field("summary", "text", doc="what it recommends, in our words"),
        Field("has_body", "bool", required=True,
              doc="false where the thesis prints the heading without body text"),
        Field("study", "ref", refs=("study",)),
        Field("problems", "ref", many=True, refs=("study-problem",)),
        Field("codes", "ref", many=True, refs=("study-code",)),
        Field("findings", "ref", many=True, refs=("finding",)),
        Field("concerns", "ref", many=True, refs=CONCERN_KINDS,
              doc="instruments, organisations, acts the recommendation is about"),
        Field("addressed_by", "ref", many=True, refs=("policy-measure",)),
        Field("coverage", "enum", required=True, choices=sorted_codes(COVERAGE)),
        Field("coverage_note", "text", doc="our judgement of the coverage, and what is missing"),
    ),
    iri=recommendation_iri, to_rdf=_recommendation_to_rdf, check=_check_recommendation,
))

