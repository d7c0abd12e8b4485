"""The expert-interview study of the thesis as linked data.

Seven kinds of record (data/study/):

- ``study``: the research project (``schema:ResearchProject``, ``prov:Activity``) with its
  research questions, methods and the code totals the methods chapter reports;
- ``expert``: an anonymous interviewee (``prov:Person``, ``foaf:Person``) labelled exactly as the
  thesis labels it ("Expert A"), member (``org:memberOf``, ``org:Membership`` with an
  ``org:Role``) of an organisation of a given type; the record also yields the interview
  (``kzo:Interview``, a ``prov:Activity``: date, mode, place);
- ``study-theme`` and ``study-code``: the codebook of Appendix B as a SKOS concept scheme
  (``kzc:codebook``: themes are top concepts, codes narrower concepts with ``skos:notation``, the
  reported number of codes as ``kzo:reportedCodeCount`` and its legibility as ``kzo:countStatus``),
  and the themes under which Chapter 4 presents the findings as a second scheme
  (``kzc:findings-themes``), mapped to the first with SKOS mapping properties;
- ``study-problem``: the problems of migration management the study raises (SKOS concepts);
- ``finding``: a claim of Chapter 4 (``kzo:Finding``), the experts who hold it and those who
  contest it, the codes behind it and the entities it concerns;
- ``recommendation``: one of the eight recommendations of the conclusions, the problems, codes and
  findings it answers and the measures of the 2023-2027 concept that address it (or its status).

The small code lists (organisation types, roles, interview modes, count statuses, attributions,
coverage statuses) are SKOS concepts in ``ontology/vocab/study-codes.ttl``; this module reads their
notations from there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from ..errors import RecordError
from ..graph import ONTOLOGY_DIR, MappingContext, label, typed
from ..kinds.core import section_iri
from ..namespaces import FOAF, KZC, KZD, KZO, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from ..schema import Field, Kind, Record, register

VOCAB_FILE = ONTOLOGY_DIR / "vocab" / "study-codes.ttl"
CODEBOOK = KZC["codebook"]
FINDINGS_THEMES = KZC["findings-themes"]
PROBLEMS = KZC["study-problems"]
SCHEMES = {"appendix-b": CODEBOOK, "chapter-4": FINDINGS_THEMES}
SCHEME_PATHS = {"appendix-b": "codebook", "chapter-4": "findings-themes"}
CONCERN_KINDS = ("country", "country-group", "organisation", "act", "agreement", "instrument",
                 "event", "policy-document", "policy-measure", "study-problem")
EXPERT_ID = re.compile(r"^expert-([A-Z])$")


@lru_cache(maxsize=1)
def _vocab() -> Graph:
    graph = Graph()
    graph.parse(VOCAB_FILE, format="turtle")
    return graph


def codes(scheme: str) -> dict[str, URIRef]:
    """Notation -> concept IRI for a code list of ontology/vocab/study-codes.ttl."""
    graph = _vocab()
    return {str(graph.value(concept, SKOS.notation)): concept
            for concept in graph.subjects(SKOS.inScheme, KZC[scheme])
            if isinstance(concept, URIRef)}


ORG_TYPES = codes("expert-organisation-types")
ROLES = codes("expert-roles")
MODES = codes("interview-modes")
COUNT_STATUSES = codes("count-statuses")
ATTRIBUTIONS = codes("attributions")
COVERAGE = codes("coverage-statuses")


def _sorted(choices: dict[str, URIRef]) -> tuple[str, ...]:
    return tuple(sorted(choices))


def _texts(ctx: MappingContext, subject: URIRef, predicate: URIRef, value: str | None) -> None:
    if value:
        ctx.add(subject, predicate, Literal(value, lang="en"))


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _struct_passages_problems(record: Record, name: str) -> list[tuple[str, str, str]]:
    """Passages given inside a struct must also be among the record's own passages."""
    own = {str(p) for p in record.get("passages", [])}
    problems = []
    for item in record.get(name, []):
        for locator in item.get("passages", []):
            if str(locator) not in own:
                problems.append((name, f"passage {locator} of a {name} entry is not among the "
                                 "record's passages",
                                 f"add \"{locator}\" to the record's passages so that "
                                 "`kzmig-kg passages --sync` locates it"))
    return problems


# ---------------------------------------------------------------- the study

def study_iri(record: Record) -> URIRef:
    return KZD[f"study/{record.id}"]


def _study_to_rdf(record: Record, ctx: MappingContext) -> None:
    study = study_iri(record)
    typed(ctx, study, KZO.InterviewStudy, SCHEMA.ResearchProject, PROV.Activity)
    label(ctx, study, record.get("title"))
    _texts(ctx, study, KZO.summary, record.get("summary"))
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
            ctx.add(study, prop, _int(record.get(name)))
    if record.get("interview_language"):
        ctx.add(study, KZO.interviewLanguage, Literal(record.get("interview_language")))
    _texts(ctx, study, KZO.limitation, record.get("limitations"))
    _texts(ctx, study, KZO.futureResearch, record.get("future_research"))
    for question in record.get("research_questions", []):
        node = URIRef(f"{study}/question/{question['number']}")
        typed(ctx, node, KZO.ResearchQuestion, PROV.Entity)
        ctx.add(study, KZO.researchQuestion, node)
        ctx.add(node, KZO.questionNumber, _int(question["number"]))
        _texts(ctx, node, KZO.questionText, question["question"])
        ctx.add(node, RDFS.label, Literal(f"RQ{question['number']}: {question['question']}",
                                         lang="en"))
        for locator in question.get("passages", []):
            ctx.add(node, PROV.wasDerivedFrom, ctx.passage(record, locator))
    for method in record.get("methods", []):
        node = URIRef(f"{study}/method/{method['slug']}")
        typed(ctx, node, KZO.ResearchMethod, PROV.Plan)
        ctx.add(study, KZO.usesMethod, node)
        ctx.add(node, RDFS.label, Literal(method["name"], lang="en"))
        _texts(ctx, node, KZO.summary, method.get("description"))
        for locator in method.get("passages", []):
            ctx.add(node, PROV.wasDerivedFrom, ctx.passage(record, locator))


def _check_study(record: Record) -> list[tuple[str, str, str]]:
    problems = _struct_passages_problems(record, "research_questions")
    problems += _struct_passages_problems(record, "methods")
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
        Field("organisation_type", "enum", required=True, choices=_sorted(ORG_TYPES)),
        Field("role", "enum", required=True, choices=_sorted(ROLES)),
        Field("role_as_printed", "text", doc="the position as Appendix A gives it, OCR repaired"),
        Field("interview_date", "date", required=True),
        Field("interview_mode", "enum", required=True, choices=_sorted(MODES)),
        Field("interview_place", "text", doc="place as Appendix A gives it, or the platform"),
        Field("interview_venue", "ref", refs=("organisation",),
              doc="the organisation whose premises hosted the interview, where Appendix A names it"),
    ),
    iri=expert_iri, to_rdf=_expert_to_rdf, check=_check_expert,
))


# ---------------------------------------------------------------- codebook: themes and codes

def theme_iri(record: Record) -> URIRef:
    return KZC[f"{SCHEME_PATHS[record.get('scheme')]}/{record.id}"]


def code_iri(record: Record) -> URIRef:
    return KZC[f"codebook/{record.id}"]


def _theme_to_rdf(record: Record, ctx: MappingContext) -> None:
    theme = theme_iri(record)
    scheme = SCHEMES[record.get("scheme")]
    typed(ctx, theme, KZO.CodebookTheme if record.get("scheme") == "appendix-b"
          else KZO.FindingsTheme, SKOS.Concept)
    label(ctx, theme, record.get("label"))
    ctx.add(theme, SKOS.inScheme, scheme)
    ctx.add(theme, SKOS.notation, Literal(record.get("notation")))
    if record.get("label_as_printed"):
        ctx.add(theme, KZO.labelAsPrinted, Literal(record.get("label_as_printed")))
    _texts(ctx, theme, SKOS.definition, record.get("definition"))
    broader = record.get("broader")
    if broader:
        parent = ctx.record(broader)
        if parent.get("scheme") != record.get("scheme"):
            ctx.errors.append(RecordError(
                record.file, record.line_of("broader"), "broader",
                f"'{broader}' is a theme of another scheme",
                "broader links themes of one scheme; relate schemes with exact_match, "
                "close_match or broad_match"))
        ctx.add(theme, SKOS.broader, ctx.iri(broader))
        ctx.add(ctx.iri(broader), SKOS.narrower, theme)
    else:
        ctx.add(theme, SKOS.topConceptOf, scheme)
        ctx.add(scheme, SKOS.hasTopConcept, theme)
    if record.get("section"):
        ctx.add(theme, KZO.discussedInSection, section_iri("thesis", record.get("section")))
    for field, prop in (("exact_match", SKOS.exactMatch), ("close_match", SKOS.closeMatch),
                        ("broad_match", SKOS.broadMatch)):
        for other_id in record.get(field, []):
            other = ctx.record(other_id)
            if other.get("scheme") == record.get("scheme"):
                ctx.errors.append(RecordError(
                    record.file, record.line_of(field), field,
                    f"'{other_id}' is in the same scheme",
                    "mapping properties relate themes of the two schemes; use broader within one"))
            ctx.add(theme, prop, ctx.iri(other_id))
    for stray in record.get("unassigned_counts", []):
        node = KZD[f"codebook-count/{record.id}/L{stray['line']}"]
        typed(ctx, node, KZO.UnassignedCount)
        ctx.add(theme, KZO.unassignedCount, node)
        ctx.add(node, RDF.value, _int(stray["value"]))
        ctx.add(node, KZO.printedAtLine, Literal(stray["line"], datatype=XSD.integer))
        ctx.add(node, RDFS.label, Literal(
            f"{stray['value']} (printed at line {stray['line']}, not assigned to a code)",
            lang="en"))
        if stray.get("after_code"):
            code = ctx.record(stray["after_code"])
            if code.get("theme") != record.id:
                ctx.errors.append(RecordError(
                    record.file, record.line_of("unassigned_counts"), "unassigned_counts",
                    f"'{code.id}' is a code of another theme",
                    "after_code names the code of this theme whose row the number follows"))
            ctx.add(node, KZO.printedAfterCode, ctx.iri(code.id))
        _texts(ctx, node, SKOS.editorialNote, stray.get("note"))


def _check_theme(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    section, scheme = record.get("section"), record.get("scheme")
    if section and scheme == "appendix-b" and section != "appendix-b":
        problems.append(("section", f"an Appendix B theme is printed in section 'appendix-b', "
                         f"not '{section}'", "write section: appendix-b"))
    if section and scheme == "chapter-4" and not re.fullmatch(r"4(\.\d+)*", section):
        problems.append(("section", f"a Chapter 4 theme is presented in a section of Chapter 4, "
                         f"not '{section}'", "write the section number, e.g. 4.1"))
    if record.get("scheme") == "chapter-4" and record.get("unassigned_counts"):
        problems.append(("unassigned_counts", "only Appendix B prints numbers of codes",
                         "move the numbers to the Appendix B theme"))
    if record.get("broader") == record.id:
        problems.append(("broader", "a theme cannot be broader than itself", "remove it"))
    return problems


register(Kind(
    name="study-theme",
    doc="A theme of the codebook (Appendix B) or of the findings (Chapter 4), a SKOS concept.",
    fields=(
        Field("scheme", "enum", required=True, choices=tuple(SCHEMES),
              doc="appendix-b (codebook themes) or chapter-4 (themes of the findings)"),
        Field("label", "langtext", required=True, doc="the theme's name as the thesis gives it"),
        Field("label_as_printed", "text", doc="the name as the OCR prints it, where damaged"),
        Field("notation", "text", required=True, doc="B1 ... B8; 4.1 ... 4.4 (ours)"),
        Field("definition", "text", doc="what the theme covers, in our words"),
        Field("broader", "ref", refs=("study-theme",), doc="parent theme in the same scheme"),
        Field("section", "text",
              doc="the document section that presents the theme: 4.1 ... or appendix-b"),
        Field("exact_match", "ref", many=True, refs=("study-theme",)),
        Field("close_match", "ref", many=True, refs=("study-theme",)),
        Field("broad_match", "ref", many=True, refs=("study-theme",)),
        Field("unassigned_counts", "struct", many=True, fields=(
            Field("value", "int", required=True, doc="the number as printed"),
            Field("line", "int", required=True, doc="the line it stands on"),
            Field("after_code", "ref", refs=("study-code",),
                  doc="the code whose example the number follows (not proof it is its count)"),
            Field("note", "text"),
        ), doc="numbers printed in the theme's table that cannot be assigned to a code"),
    ),
    iri=theme_iri, to_rdf=_theme_to_rdf, check=_check_theme,
))


def _code_to_rdf(record: Record, ctx: MappingContext) -> None:
    code = code_iri(record)
    theme = ctx.record(record.get("theme"))
    if theme.get("scheme") != "appendix-b":
        ctx.errors.append(RecordError(record.file, record.line_of("theme"), "theme",
                                      f"'{theme.id}' is a Chapter 4 theme",
                                      "codes belong to an Appendix B theme (scheme: appendix-b)"))
        return
    typed(ctx, code, KZO.CodebookCode, SKOS.Concept)
    label(ctx, code, record.get("label"))
    ctx.add(code, SKOS.inScheme, CODEBOOK)
    ctx.add(code, SKOS.broader, ctx.iri(theme.id))
    ctx.add(ctx.iri(theme.id), SKOS.narrower, code)
    ctx.add(code, SKOS.notation, Literal(record.get("notation")))
    if record.get("label_as_printed"):
        ctx.add(code, KZO.labelAsPrinted, Literal(record.get("label_as_printed")))
    for expert in ctx.refs(record, "experts"):
        ctx.add(code, KZO.exampleFrom, expert)
    _texts(ctx, code, KZO.exampleSummary, record.get("example"))
    ctx.add(code, KZO.countStatus, COUNT_STATUSES[record.get("count_status")])
    if record.get("count") is not None:
        ctx.add(code, KZO.reportedCodeCount, _int(record.get("count")))
    for target in ctx.refs(record, "concerns"):
        ctx.add(code, KZO.concerns, target)


def _check_code(record: Record) -> list[tuple[str, str, str]]:
    problems = []
    status, count = record.get("count_status"), record.get("count")
    if status == "legible" and count is None:
        problems.append(("count", "a legible count needs the number",
                         "give count, or set count_status to illegible or unassigned"))
    if status != "legible" and count is not None:
        problems.append(("count", f"a count is given but count_status is '{status}'",
                         "record a number only where the layout assigns it to this code "
                         "(count_status: legible); keep other numbers in the theme's "
                         "unassigned_counts"))
    if len(set(record.get("experts", []))) != len(record.get("experts", [])):
        problems.append(("experts", "an expert is listed twice", "list each expert once"))
    return problems


register(Kind(
    name="study-code",
    doc="A code of the Appendix B codebook: its label, theme, the expert(s) its example quotes, "
        "the reported number of codes and the entities it concerns.",
    fields=(
        Field("theme", "ref", required=True, refs=("study-theme",)),
        Field("label", "text", required=True, doc="the code's label as the codebook gives it"),
        Field("label_as_printed", "text", doc="the label as the OCR prints it, where damaged"),
        Field("notation", "text", required=True, doc="theme notation + row: B1.01 (ours)"),
        Field("experts", "ref", many=True, required=True, refs=("expert",),
              doc="the expert(s) whose words the example quotes"),
        Field("example", "text", required=True,
              doc="what the example quote says, in our words (never the quote)"),
        Field("count_status", "enum", required=True, choices=_sorted(COUNT_STATUSES)),
        Field("count", "int", doc="the number of codes printed on the row (legible only)"),
        Field("concerns", "ref", many=True, refs=CONCERN_KINDS,
              doc="countries, organisations, instruments, acts, events, problems it concerns"),
    ),
    iri=code_iri, to_rdf=_code_to_rdf, check=_check_code,
))


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
    _texts(ctx, problem, SKOS.definition, record.get("definition"))


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
    _texts(ctx, finding, KZO.findingStatement, record.get("statement"))
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
        ctx.add(finding, KZO.statedExpertCount, _int(record.get("stated_expert_count")))
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
        Field("attribution", "enum", required=True, choices=_sorted(ATTRIBUTIONS)),
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
    _texts(ctx, rec, KZO.recommendationSummary, record.get("summary"))
    ctx.add(rec, KZO.hasBodyText, Literal(record.get("has_body")))
    for study in ctx.refs(record, "study"):
        ctx.add(rec, PROV.wasGeneratedBy, study)
    for field, prop in (("problems", KZO.answersProblem), ("codes", KZO.answersCode),
                        ("findings", KZO.answersFinding), ("addressed_by", KZO.addressedBy),
                        ("concerns", KZO.concerns)):
        for target in ctx.refs(record, field):
            ctx.add(rec, prop, target)
    ctx.add(rec, KZO.coverageStatus, COVERAGE[record.get("coverage")])
    _texts(ctx, rec, KZO.coverageNote, record.get("coverage_note"))


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
        Field("coverage", "enum", required=True, choices=_sorted(COVERAGE)),
        Field("coverage_note", "text", doc="our judgement of the coverage, and what is missing"),
    ),
    iri=recommendation_iri, to_rdf=_recommendation_to_rdf, check=_check_recommendation,
))
