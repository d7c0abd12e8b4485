"""Code lists of the interview study and helpers its kinds share.

The small code lists (organisation types, roles, interview modes, count statuses, attributions,
coverage statuses) are SKOS concepts in ``ontology/vocab/study-codes.ttl``; ``codes`` reads their
notations from there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from ...mapping import MappingContext, Record
from ...namespaces import KZC, SKOS, XSD
from ...paths import ONTOLOGY_DIR

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


def sorted_codes(choices: dict[str, URIRef]) -> tuple[str, ...]:
    return tuple(sorted(choices))


def texts(ctx: MappingContext, subject: URIRef, predicate: URIRef, value: str | None) -> None:
    if value:
        ctx.add(subject, predicate, Literal(value, lang="en"))


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def struct_passages_problems(record: Record, name: str) -> list[tuple[str, str, str]]:
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


