"""The interview study itself (``study``) and its anonymous experts with their interviews
(``expert``)."""

from __future__ import annotations

from rdflib import Literal, URIRef

from ...mapping import Field, Kind, MappingContext, Record, label, register, typed
from ...namespaces import FOAF, KZD, KZO, ORG, PROV, RDFS, SCHEMA
from .vocab import (
    EXPERT_ID,
    MODES,
    ORG_TYPES,
    ROLES,
    integer,
    sorted_codes,
    struct_passages_problems,
    texts,
)

# ---------------------------------------------------------------- the study

def study_iri(record: Record) -> URIRef:
    return KZD[f"study/{record.id}"]


def _study_to_rdf(record: Record, ctx: MappingContext) -> None:
    study = study_iri(record)
    typed(ctx, study, KZO.InterviewStudy, SCHEMA.ResearchProject, PROV.Activity)
    label(ctx, study, record.get("title"))
    texts(ctx, study, KZO.summary, record.get("summary"))
    for org in ctx.refs(record, "institution"):
        ctx.add(study, PROV.wasAssociatedWith, org)
        ctx.add(study, KZO.conductedAt, org)
    for doc in ctx.refs(record, "reported_in"):
        ctx.add(study, KZO.reportedIn, doc)
    for prop, name in ((KZO.participantCount, "participants"), (KZO.totalCodeCount, "total_codes"),
                       (KZO.uniqueCodeCount, "unique_codes"),
                       (KZO.analysedCodeCount, "analysed_codes"),
                       (KZO.typicalInterviewMinutes, "typical_minutes")):
        if record.get(name) is not None:
            ctx.add(study, prop, integer(record.get(name)))
    if record.get("interview_language"):
        ctx.add(study, KZO.interviewLanguage, Literal(record.get("interview_language")))
    texts(ctx, study, KZO.limitation, record.get("limitations"))
    texts(ctx, study, KZO.futureResearch, record.get("future_research"))
    for question in record.get("research_questions", []):
        node = URIRef(f"{study}/question/{question['number']}")
        typed(ctx, node, KZO.ResearchQuestion, PROV.Entity)
        ctx.add(study, KZO.researchQuestion, node)
        ctx.add(node, KZO.questionNumber, integer(question["number"]))
        texts(ctx, node, KZO.questionText, question["question"])
        ctx.add(node, RDFS.label, Literal(f"RQ{question['number']}: {question['question']}",
                                         lang="en"))
        for locator in question.get("passages", []):
            ctx.add(node, PROV.wasDerivedFrom, ctx.passage(record, locator))
    for method in record.get("methods", []):
        node = URIRef(f"{study}/method/{method['slug']}")
        typed(ctx, node, KZO.ResearchMethod, PROV.Plan)
        ctx.add(study, KZO.usesMethod, node)
        ctx.add(node, RDFS.label, Literal(method["name"], lang="en"))
        texts(ctx, node, KZO.summary, method.get("description"))
        for locator in method.get("passages", []):
            ctx.add(node, PROV.wasDerivedFrom, ctx.passage(record, locator))


def _check_study(record: Record) -> list[tuple[str, str, str]]:
    problems = struct_passages_problems(record, "research_questions")
    problems += struct_passages_problems(record, "methods")
    total, unique, analysed = (record.get(n) for n in ("total_codes", "unique_codes",
                                                        "analysed_codes"))
    if None not in (total, unique, analysed) and not total >= unique >= analysed:
        problems.append(("analysed_codes",
                         f"code totals do not nest: {total} total, {unique} unique, "
                         f"{analysed} analysed",
                         "recurring codes are merged into unique codes, of which some are "
                         "analysed: total >= unique >= analysed"))
    return problems


register(Kind(
    name="study",
    doc="The interview study: research questions, methods, participants and code totals.",
    fields=(
        Field("title", "langtext", required=True, doc="a title in our words"),
        Field("summary", "text", doc="what the study did, in our words"),
        Field("institution", "ref", refs=("organisation",), doc="where it was conducted"),
        Field("reported_in", "ref", refs=("document",), doc="the document that reports it"),
        Field("participants", "int", doc="number of interviewees the methods chapter reports"),
        Field("total_codes", "int", doc="codes that emerged in the first round of coding"),
        Field("unique_codes", "int", doc="unique codes after recurring codes were merged"),
        Field("analysed_codes", "int", doc="codes used for the analysis"),
        Field("interview_language", "text", doc="language the interviews were held in (BCP 47)"),
        Field("typical_minutes", "int", doc="typical length of an interview in minutes"),
        Field("limitations", "text"), Field("future_research", "text"),
        Field("research_questions", "struct", many=True, fields=(
            Field("number", "int", required=True),
            Field("question", "text", required=True, doc="the question in our words"),
            Field("passages", "lines", many=True, doc="also list them in the record's passages"),
        )),
        Field("methods", "struct", many=True, fields=(
            Field("slug", "text", required=True, doc="IRI segment, e.g. thematic-analysis"),
            Field("name", "text", required=True),
            Field("description", "text", doc="what was done, in our words"),
            Field("passages", "lines", many=True, doc="also list them in the record's passages"),
        )),
    ),
    iri=study_iri, to_rdf=_study_to_rdf, check=_check_study,
))



# ---------------------------------------------------------------- experts and their interviews

def expert_iri(record: Record) -> URIRef:
    return KZD[f"expert/{record.id}"]


def interview_iri(record: Record) -> URIRef:
    return KZD[f"interview/{record.id}"]


def expert_label(record: Record) -> str:
    return f"Expert {record.get('letter')}"


def _expert_to_rdf(record: Record, ctx: MappingContext) -> None:
    expert = expert_iri(record)
    typed(ctx, expert, KZO.Expert, PROV.Person, PROV.Agent, FOAF.Person)
    ctx.add(expert, RDFS.label, Literal(expert_label(record), lang="en"))
    ctx.add(expert, KZO.expertLetter, Literal(record.get("letter")))
    organisation = ctx.iri(record.get("organisation"))
    ctx.add(expert, ORG.memberOf, organisation)
    ctx.add(expert, KZO.organisationType, ORG_TYPES[record.get("organisation_type")])
    membership = URIRef(f"{expert}/membership")
    typed(ctx, membership, ORG.Membership)
    ctx.add(expert, ORG.hasMembership, membership)
    ctx.add(membership, ORG.member, expert)
    ctx.add(membership, ORG.organization, organisation)
    ctx.add(membership, ORG.role, ROLES[record.get("role")])
    if record.get("role_as_printed"):
        ctx.add(expert, KZO.roleAsPrinted, Literal(record.get("role_as_printed"), lang="en"))
    study = ctx.iri(record.get("study"))
    ctx.add(expert, KZO.participantOf, study)

    interview = interview_iri(record)
    typed(ctx, interview, KZO.Interview, PROV.Activity)
    ctx.add(interview, RDFS.label, Literal(f"Interview with {expert_label(record)}", lang="en"))
    ctx.add(interview, KZO.interviewee, expert)
    ctx.add(interview, PROV.wasAssociatedWith, expert)
    ctx.add(interview, KZO.partOfStudy, study)
    ctx.add(interview, KZO.interviewDate, record.get("interview_date").literal())
    ctx.add(interview, KZO.interviewMode, MODES[record.get("interview_mode")])
    if record.get("interview_place"):
        ctx.add(interview, KZO.interviewPlace, Literal(record.get("interview_place"), lang="en"))
    for venue in ctx.refs(record, "interview_venue"):
        ctx.add(interview, KZO.venue, venue)
    for locator in record.get("passages", []):
        passage = ctx._passages.get(locator.key)
        if passage is not None:
            ctx.add(interview, PROV.wasDerivedFrom, passage)


def _check_expert(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    match = EXPERT_ID.match(record.id)
    if not match or match[1] != record.get("letter"):
        problems.append(("letter", f"expert id '{record.id}' and letter "
                         f"'{record.get('letter')}' disagree",
                         "the id is expert-<letter>, the letter the thesis gives (Expert (A))"))
    date = record.get("interview_date")
    if date is not None and date.precision != "day":
        problems.append(("interview_date", f"interview date '{date}' is not a day",
                         "Appendix A gives each interview's day: write YYYY-MM-DD"))
    if record.get("interview_mode") == "online" and record.get("interview_venue"):
        problems.append(("interview_venue", "an online interview has no venue",
                         "leave interview_venue out, or set interview_mode: in-person"))
    return problems


register(Kind(
    name="expert",
    doc="An anonymous interviewee of the study (Appendix A) and the interview held with them.",
    fields=(
        Field("letter", "text", required=True, doc="the letter the thesis gives: A ... I"),
        Field("study", "ref", required=True, refs=("study",)),
        Field("organisation", "ref", required=True, refs=("organisation",)),
        Field("organisation_type", "enum", required=True, choices=sorted_codes(ORG_TYPES)),
        Field("role", "enum", required=True, choices=sorted_codes(ROLES)),
        Field("role_as_printed", "text", doc="the position as Appendix A gives it, OCR repaired"),
        Field("interview_date", "date", required=True),
        Field("interview_mode", "enum", required=True, choices=sorted_codes(MODES)),
        Field("interview_place", "text", doc="place as Appendix A gives it, or the platform"),
        Field("interview_venue", "ref", refs=("organisation",),
              doc="the organisation whose premises hosted the interview, where Appendix A names it"),
    ),
    iri=expert_iri, to_rdf=_expert_to_rdf, check=_check_expert,
))


