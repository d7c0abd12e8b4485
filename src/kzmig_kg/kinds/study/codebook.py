"""The codebook of Appendix B and the themes of Chapter 4 as SKOS schemes (``study-theme``,
``study-code``)."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from ...errors import RecordError
from ...mapping import Field, Kind, MappingContext, Record, label, register, typed
from ...namespaces import KZC, KZD, KZO, RDF, RDFS, SKOS, XSD
from ..core import section_iri
from .vocab import (
    CODEBOOK,
    CONCERN_KINDS,
    COUNT_STATUSES,
    SCHEME_PATHS,
    SCHEMES,
    integer,
    sorted_codes,
    texts,
)

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
    texts(ctx, theme, SKOS.definition, record.get("definition"))
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
        ctx.add(node, RDF.value, integer(stray["value"]))
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
        texts(ctx, node, SKOS.editorialNote, stray.get("note"))


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
    texts(ctx, code, KZO.exampleSummary, record.get("example"))
    ctx.add(code, KZO.countStatus, COUNT_STATUSES[record.get("count_status")])
    if record.get("count") is not None:
        ctx.add(code, KZO.reportedCodeCount, integer(record.get("count")))
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
        Field("count_status", "enum", required=True, choices=sorted_codes(COUNT_STATUSES)),
        Field("count", "int", doc="the number of codes printed on the row (legible only)"),
        Field("concerns", "ref", many=True, refs=CONCERN_KINDS,
              doc="countries, organisations, instruments, acts, events, problems it concerns"),
    ),
    iri=code_iri, to_rdf=_code_to_rdf, check=_check_code,
))


