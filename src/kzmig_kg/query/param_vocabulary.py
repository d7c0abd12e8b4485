"""``rule_for(query, param)``: where the valid values of a named query's parameter come from.

Each parameter that names something in the graph has a ``Vocabulary``: a small SELECT giving
``?value`` (what the query expects) and, optionally, ``?name`` (other ways a researcher writes it:
labels in English, Russian or Kazakh, record ids, official numbers). The same SELECT runs on the
embedded store or on a SPARQL endpoint, so the checks answer alike on both. Years and counts have
their own rules (``YEAR``, ``Count``). A parameter of a query in ``queries/`` without a rule is a
gap that ``tests/test_params.py`` names.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["YEAR", "Count", "Vocabulary", "rule_for"]


@dataclass(frozen=True)
class Vocabulary:
    what: str  # "country or grouping", in "no country or grouping 'X'"
    hint: str  # how to write one
    sparql: str = ""  # SELECT ?value ?name; empty when ``fixed`` lists every value
    fixed: tuple[str, ...] = ()  # values always accepted ("all", "any")
    many: bool = False  # a comma-separated list of values
    # an index lookup of a value as written (``%(value)s``: its escaped literal) that spares
    # reading a large vocabulary when the value is right, as it mostly is
    exact: str = ""


@dataclass(frozen=True)
class Count:
    minimum: int
    meaning: str


YEAR = "year"  # a year, or a date whose year counts: inside the graph's coverage

_LABEL = "skos:prefLabel|skos:altLabel|rdfs:label"
_COUNTRY = Vocabulary(
    "country or grouping", "give an ISO alpha-3 code (UZB) or a name in English, Russian or Kazakh",
    """SELECT ?value ?name WHERE {
  { ?c a kzo:Country } UNION { ?c a kzo:CountryGroup }
  ?c skos:notation ?value .
  OPTIONAL { ?c skos:prefLabel|skos:altLabel|rdfs:label ?name }
}""")
_RECORD = Vocabulary(
    "record with the id", "`kzmig-kg search WORDS` finds a record by its words",
    f"""SELECT ?value ?name WHERE {{
  ?s kzo:recordId ?value .
  OPTIONAL {{ ?s {_LABEL}|dct:title ?name }}
}}""", exact="ASK { ?s kzo:recordId %(value)s }")
_ACT_OR_RECORD = Vocabulary(
    "record or act number", "give a record id (law-2011-477-IV) or an act's official number "
    "(477-IV); `kzmig-kg search WORDS` finds one by its words",
    f"""SELECT ?value ?name WHERE {{
  {{ ?s kzo:recordId ?value OPTIONAL {{ ?s {_LABEL}|dct:title ?name }} }}
  UNION {{ ?s eli:number ?value }}
}}""", exact="ASK { { ?s kzo:recordId %(value)s } UNION { ?s eli:number %(value)s } }")
RULES: dict[str, object] = {
    "country": _COUNTRY,
    "record": _RECORD,
    "act": _ACT_OR_RECORD,
    "enactedBy": Vocabulary(
        "programme, act or agreement that enacts measures", "give its record id or all",
        f"""SELECT ?value ?name WHERE {{
  ?m kzo:enactedBy ?s . ?s kzo:recordId ?value .
  OPTIONAL {{ ?s {_LABEL}|dct:title ?name }}
}}""", fixed=("all",)),
    "direction": Vocabulary(
        "flow direction or indicator", "`kzmig-kg search --kind concept WORDS` finds an indicator",
        """SELECT ?value ?name WHERE {
  { ?m skos:inScheme kzc:flow-directions } UNION { ?m skos:inScheme kzc:indicators }
  ?m skos:notation ?value .
  OPTIONAL { ?m skos:prefLabel ?name }
}"""),
    "number": Vocabulary(
        "act with the official number", "give the number as the act states it (477-IV, 1146)",
        "SELECT ?value WHERE { ?a eli:number ?value }"),
    "function": Vocabulary(
        "migration function", "give its notation or all",
        """SELECT ?value ?name WHERE {
  ?f skos:inScheme kzc:migration-functions ; skos:notation ?value .
  OPTIONAL { ?f skos:prefLabel ?name }
}""", fixed=("all",)),
    "theme": Vocabulary(
        "codebook theme", "give its notation (B1 ... B8), its name, or all",
        """SELECT ?value ?name WHERE {
  ?t a kzo:CodebookTheme ; skos:notation ?value .
  OPTIONAL { ?t skos:prefLabel ?name }
}""", fixed=("all",)),
    "expert": Vocabulary(
        "interviewed expert", "give the expert's letter in Appendix A",
        """SELECT ?value ?name WHERE {
  ?e a kzo:Expert ; kzo:expertLetter ?value .
  OPTIONAL { ?e rdfs:label|skos:prefLabel ?name }
}"""),
    "status": Vocabulary(
        "coverage status", "give one of the statuses of the recommendations",
        """SELECT DISTINCT ?value ?name WHERE {
  ?r kzo:coverageStatus/skos:inScheme ?scheme .
  ?s skos:inScheme ?scheme ; skos:notation ?value .
  OPTIONAL { ?s skos:prefLabel ?name }
}"""),
    "kinds": Vocabulary(
        "kind of item", "give a comma-separated list of event, measure, programme, act",
        fixed=("event", "measure", "programme", "act"), many=True),
    "document": Vocabulary(
        "policy document", "give its record id (pd-concept-2023-2027) or its IRI",
        f"""SELECT ?value ?name WHERE {{
  ?d a kzo:PolicyDocument . BIND (STR(?d) AS ?value)
  OPTIONAL {{ ?d kzo:recordId|{_LABEL}|dct:title ?name }}
}}"""),
    "year": YEAR,
    "from": YEAR,
    "to": YEAR,
    "date": YEAR,
    "years": Count(0, "years before and after"),
    "top": Count(1, "countries per year and direction"),
}
# parameters whose name means something else in one query
BY_QUERY: dict[str, object] = {
    "acts-amendment-chain.act": Vocabulary(
        "legal act", "give its IRI, record id (law-2011-477-IV) or official number (477-IV)",
        """SELECT ?value ?name WHERE {
  ?a a eli:LegalResource . BIND (STR(?a) AS ?value)
  OPTIONAL { ?a kzo:recordId|eli:number|dct:title|rdfs:label ?name }
}"""),
    "flows-by-document.document": Vocabulary(
        "source document", "give its record id (thesis, or the --id it was ingested with) or its "
        "title; `kzmig-kg review` and data/documents.yaml list them",
        f"""SELECT ?value ?name WHERE {{
  ?d a kzo:SourceDocument ; kzo:recordId ?value .
  OPTIONAL {{ ?d {_LABEL}|dct:title ?name }}
}}""", exact="ASK { ?d a kzo:SourceDocument ; kzo:recordId %(value)s }"),
    "instruments-by-type.type": Vocabulary(
        "instrument class", "give a class name (Quota, Permit, ...) or any",
        """SELECT ?value ?name WHERE {
  ?c rdfs:subClassOf kzo:MigrationInstrument . BIND (STRAFTER(STR(?c), "#") AS ?value)
  OPTIONAL { ?c rdfs:label|skos:prefLabel ?name }
}""", fixed=("any",)),
    "org-by-type.type": Vocabulary(
        "organisation type", "give its notation (ministry, committee, ...)",
        """SELECT ?value ?name WHERE {
  ?t skos:inScheme kzc:org-types ; skos:notation ?value .
  OPTIONAL { ?t skos:prefLabel ?name }
}"""),
}


def rule_for(query: str, param: str) -> object | None:
    """The rule for parameter ``param`` of named query ``query`` (None when it has none)."""
    return BY_QUERY.get(f"{query}.{param}", RULES.get(param))
