"""Organisations (W3C ORG) and the lineage of the migration authority: the release against the
thesis, the named queries org-*, the record checks of the organisation kinds and the shapes of
ontology/shapes/organisations.ttl, each with a fixture that makes it fire."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from kzmig_kg.errors import RecordErrors
from kzmig_kg.namespaces import SH
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.query.results import python_value
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .conftest import passage_text as thesis_passage

INSTITUTIONS = FIXTURES / "institutions"
EX = "https://w3id.org/kzmig/id/fixture/"
KZD = "https://w3id.org/kzmig/id/"
PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX kzc: <https://w3id.org/kzmig/code/>
"""


def passage_text(lines: str) -> str:
    """The text of space-separated line ranges ("52-58 106-118"), whitespace collapsed."""
    spans = [span.partition("-") for span in lines.split()]
    return " ".join(thesis_passage(int(first), int(last or first)) for first, _, last in spans)


def named(release, name: str, **params: object) -> list[dict]:
    result = run_query(name, {k: str(v) for k, v in params.items()}, store_dir=release.dir / "store")
    return [{k: python_value(v) for k, v in row.items()} for row in result.rows]


def responsible(release, year: int) -> dict[str, dict]:
    return {row["function"]: row for row in named(release, "org-responsible-for-migration", year=year)}


# ------------------------------------------------------------------ which body, which year

def test_no_migration_authority_before_1992(release) -> None:
    """The thesis names the Department of 1992 as the first migration body after independence."""
    assert "migration-authority" not in responsible(release, 1991)


def test_responsible_in_1995_is_the_department_of_population_migration(release) -> None:
    row = responsible(release, 1995)["migration-authority"]
    assert row["name"] == "Department of Population Migration under the Ministry of Labour"
    assert (row["since"], row["until"], row["basis"]) == ("1992", "1997", "stated")
    assert "52-58" in row["lines"].split()
    assert "first regulatory body for migration" in passage_text(row["lines"])
    assert set(row["acts"].split()) == {"scres-1992-immigration", "1055"}


def test_responsible_in_1998_is_the_agency_for_migration_and_demography(release) -> None:
    row = responsible(release, 1998)["migration-authority"]
    assert row["name"] == "Agency for Migration and Demography"
    assert row["since"] == "1997" and row["acts"] == "204"
    # the thesis names no later change of the Agency: the answer is presumed, not stated
    assert row["basis"] == "presumed" and row["until"] is None
    assert "Agency for Migration and Demography" in passage_text(row["lines"])


def test_responsible_in_2024_is_the_migration_committee(release) -> None:
    rows = responsible(release, 2024)
    assert rows["migration-authority"]["name"] == "Migration Committee"
    assert rows["migration-authority"]["basis"] == "stated"
    assert "Migration Committee" in passage_text(rows["migration-authority"]["lines"])
    # quotas: the labour ministry, attested for 2024 ("The Ministry of Labour allocates quotas")
    assert rows["quota-setting"]["organisation"] == KZD + "org/ministry-of-labour-social-protection"
    assert "allocates quotas annually" in passage_text(rows["quota-setting"]["lines"])


def test_patents_moved_from_migration_service_centres_to_public_service_centres(release) -> None:
    in_2019 = responsible(release, 2019)["patent-issuance"]
    assert in_2019["name"] == "Migration service centres"
    assert (in_2019["since"], in_2019["until"], in_2019["basis"]) == ("2018", "2021", "stated")
    assert "patent-issuance" not in responsible(release, 2017)
    in_2022 = responsible(release, 2022)["patent-issuance"]
    assert in_2022["name"] == "Public service centres" and in_2022["since"] == "2021"


def test_2021_amendments_move_quotas_and_labour_immigrant_permits(release) -> None:
    before, after = responsible(release, 2020), responsible(release, 2021)
    assert "quota-setting" not in before and "labour-immigrant-permits" not in before
    assert after["quota-setting"]["organisation"] == KZD + "org/ministry-of-labour-social-protection"
    assert after["labour-immigrant-permits"]["name"] == "Local executive bodies (akimats)"
    assert "local executive bodies" in passage_text(after["labour-immigrant-permits"]["lines"])


# ------------------------------------------------------------------ lineage

def test_lineage_of_the_migration_authority_in_order(release) -> None:
    rows = named(release, "org-migration-authority-lineage")
    assert [(r["date"], r["step"], r["from"] or None, r["to"]) for r in rows] == [
        ("1992", "establishment", None,
         "Department of Population Migration under the Ministry of Labour"),
        ("1997", "reorganisation", "Department of Population Migration under the Ministry of Labour",
         "Agency for Migration and Demography"),
        ("2024", "attestation", None, "Migration Committee"),
    ]


def test_lineage_of_all_functions_is_in_date_order(release) -> None:
    rows = named(release, "org-migration-authority-lineage", function="all")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    steps = {(r["date"], r["step"], r["to"]) for r in rows}
    assert ("2018", "establishment", "Migration service centres") in steps
    assert ("2021", "transfer of functions", "Public service centres") in steps
    assert ("2021", "transfer of functions", "Local executive bodies (akimats)") in steps


def test_the_1997_reorganisation_is_a_w3c_org_change_event(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?original ?resulting ?number ?year ?first ?last WHERE {
          ?event a org:ChangeEvent , kzo:Reorganisation , prov:Activity ;
                 org:originalOrganization ?original ; org:resultingOrganization ?resulting ;
                 prov:used ?act ; time:hasTime/time:inXSDgYear ?year ;
                 prov:wasDerivedFrom [ kzo:firstLine ?first ; kzo:lastLine ?last ] .
          ?act eli:number ?number .
        }""")
    assert rows == [{"original": KZD + "org/department-population-migration",
                     "resulting": KZD + "org/agency-migration-demography", "number": "204",
                     "year": "1997", "first": 106, "last": 118}]


def test_every_change_event_and_attestation_has_a_dated_instant_and_passage(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?e (COUNT(DISTINCT ?d) AS ?dates) (COUNT(DISTINCT ?p) AS ?passages) WHERE {
          { ?e a org:ChangeEvent } UNION { ?e a kzo:FunctionAttestation }
          OPTIONAL { ?e time:hasTime/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?d }
          OPTIONAL { ?e prov:wasDerivedFrom ?p }
        } GROUP BY ?e""")
    assert len(rows) >= 10
    assert all(r["dates"] == 1 and r["passages"] >= 1 for r in rows), rows


# ------------------------------------------------------------------ organisations

def test_department_was_created_by_the_1992_acts(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?founded ?parent ?act WHERE {
          <https://w3id.org/kzmig/id/org/department-population-migration>
              schema:foundingDate ?founded ; org:subOrganizationOf ?parent ;
              kzo:establishedBy/kzo:recordId ?act . }""")
    assert {r["act"] for r in rows} == {"scres-1992-immigration", "cabres-1992-1055"}
    assert {(r["founded"], r["parent"]) for r in rows} == {("1992", KZD + "org/ministry-of-labour")}


def test_created_by_links_to_acts_and_treaties(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?org ?act WHERE { ?o kzo:establishedBy ?a ; kzo:recordId ?org . ?a kzo:recordId ?act }""")
    links = {(r["org"], r["act"]) for r in rows}
    assert {("agency-migration-demography", "law-1997-204"), ("aifc", "constlaw-2015-438-V"),
            ("cis", "agr-cis-1991"), ("eurasec", "agr-eurasec-2000")} <= links


@pytest.mark.parametrize("record, words", [
    ("wpk-company", "WPK"), ("dos-immigration-company", "Dos-Immigrati"),
    ("iom", "International Organisation for"), ("ngo-rodnik", "Rodnik"),
    ("ngo-sana-sezim", "Sana Sezim"), ("maqsut-narikbayev-university", "Narikbayev University"),
    ("tengizchevroil", "TengizChevroil"), ("eni", "Eni S.p.A."), ("cnpc", "CNPC"),
    ("bi-group", "Bi Group"), ("bazis", "Bazis"), ("airbnb", "Airbnb"),
    ("booking-com", "Booking.com"), ("google", "Google"), ("winrock-international", "Winrock"),
    ("kaziss", "KazISS"), ("fidh", "FIDH"), ("bmp", "BMP"), ("oecd", "Organization for Economic"),
    ("migration-committee", "Migration Committee"), ("aifc", "Astana International Financial"),
    ("astana-hub", "Astana Hub"), ("chief-state-sanitary-doctor", "Chief State Sanitary Doctor"),
    ("ministry-of-national-economy", "Ministry of National"),
    ("local-executive-bodies", "local executive bodies"),
    ("interdepartmental-commission-trafficking", "interdepartmental commission"),
])
def test_named_organisation_has_a_record_whose_passage_names_it(release, record: str,
                                                                words: str) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?id ?first ?last WHERE { ?o a org:Organization ; kzo:recordId ?id ;
            prov:wasDerivedFrom [ kzo:firstLine ?first ; kzo:lastLine ?last ] }""",
                         id=record)
    assert rows, f"no organisation record {record} with a passage"
    text = passage_text(" ".join(f"{r['first']}-{r['last']}" for r in rows))
    assert words.lower() in text.lower()


def test_types_are_explicit_and_classified(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?id ?type ?formal ?state WHERE {
          ?o kzo:recordId ?id ; org:classification ?c .
          ?c skos:notation ?type ; skos:inScheme kzc:org-types .
          BIND (EXISTS { ?o a org:FormalOrganization } AS ?formal)
          BIND (EXISTS { ?o a kzo:StateBody } AS ?state) }""")
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) >= 50
    assert (by_id["ministry-of-internal-affairs"]["type"], by_id["ministry-of-internal-affairs"]["formal"],
            by_id["ministry-of-internal-affairs"]["state"]) == ("ministry", True, True)
    assert (by_id["president"]["formal"], by_id["president"]["state"]) == (False, True)
    assert (by_id["iom"]["type"], by_id["iom"]["state"]) == ("international-organisation", False)
    assert by_id["ngo-rodnik"]["type"] == "ngo"


def test_migration_committee_has_no_parent_the_text_does_not_state(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?parent WHERE { <https://w3id.org/kzmig/id/org/migration-committee>
                               org:subOrganizationOf ?parent }""")
    assert rows == []


VERIFIED_QIDS = {  # reference notes (legal-modelling.md 8) and public QID tables (see the records)
    "iom": "Q472311", "osce": "Q81299", "un": "Q1065", "cis": "Q7779", "eurasec": "Q473996",
    "eaeu": "Q4173083", "ilo": "Q54129", "oecd": "Q41550", "world-bank": "Q7164",
}


def test_wikidata_links_are_the_verified_ones_only(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?id ?qid WHERE { ?o a org:Organization ; kzo:recordId ?id ; skos:exactMatch ?q .
            FILTER STRSTARTS(STR(?q), "http://www.wikidata.org/entity/")
            BIND (STRAFTER(STR(?q), "entity/") AS ?qid) }""")
    assert {r["id"]: r["qid"] for r in rows} == VERIFIED_QIDS


# ------------------------------------------------------------------ record checks

CASES = {
    # fixture: (line, field, words the message must contain)
    "org-bad-qid.yaml": (6, "wikidata", "'472311' is not a Wikidata QID"),
    "org-dissolved-before-created.yaml": (7, "dissolved", "dissolved (1992) before it was created"),
    "org-own-parent.yaml": (6, "parent", "cannot be its own parent"),
    "org-created-and-proposed.yaml": (7, "proposed_by", "either established by an act or only"),
    "chg-no-resulting.yaml": (3, "resulting", "needs the organisation(s) it resulted in"),
    "chg-reorganisation-no-original.yaml": (3, "original", "reorganisation needs the organisation"),
    "chg-establishment-with-original.yaml": (8, "original", "has no original organisation"),
    "chg-same-organisation.yaml": (8, "resulting", "both original and resulting"),
    "chg-transfer-no-function.yaml": (3, "functions", "must say which function moved"),
}


def record_errors(data_dir: Path, fixture: str) -> list:
    shutil.copy(INSTITUTIONS / "records" / fixture, data_dir / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_dir)
    return [e for e in caught.value.errors if e.file.endswith(f"zz-{fixture}")]


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_organisation_record_is_reported(data_copy: Path, fixture: str) -> None:
    line, field, words = CASES[fixture]
    errors = record_errors(data_copy, fixture)
    assert any(e.line == line and e.field == field and words in e.message and e.hint
               for e in errors), [str(e) for e in errors]


# ------------------------------------------------------------------ shapes

def shape_findings(fixture: str, shapes: str) -> set[tuple[str, str, str]]:
    """(focus, value, message) of every result of one shapes file on one fixture graph (with the
    ontology, so that sh:class sees the class hierarchy)."""
    data = Graph().parse(INSTITUTIONS / fixture)
    data.parse(ONTOLOGY_DIR / "kzmig.ttl")
    data.parse(ONTOLOGY_DIR / "imports" / "external.ttl")
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(ONTOLOGY_DIR / "shapes" / shapes),
                                   inference="none", advanced=True)
    assert not conforms
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.value)),
             str(report.value(r, SH.resultMessage)))
            for r in report.subjects(SH.resultSeverity, None)}


@pytest.fixture(scope="module")
def org_findings() -> set[tuple[str, str, str]]:
    return shape_findings("organisations-bad.ttl", "organisations.ttl")


@pytest.mark.parametrize("focus, words", [
    ("org-no-english-name", "one English name"),
    ("org-two-types", "exactly one type"),
    ("org-type-outside-scheme", "exactly one type"),
    ("org-parent-not-org", "must itself be an organisation record"),
    ("org-founding-as-text", "at most one founding date"),
    ("org-two-dissolutions", "at most one dissolution date"),
    ("org-established-by-concept", "created_by must name a legal act"),
    ("org-proposed-by-concept", "proposed_by must name"),
    ("org-two-countries", "based in at most one country"),
    ("org-two-wikidata", "at most one Wikidata item"),
    ("org-unsourced", "or a note saying why there is none"),
    ("state-body-abroad", "based in Kazakhstan"),
    ("chg-no-label", "English title"),
    ("chg-no-result", "organisation(s) it resulted in"),
    ("chg-original-not-org", "started from (org:originalOrganization) must be"),
    ("chg-no-time", "exactly one date"),
    ("chg-two-dates", "exactly one date"),
    ("chg-year-as-integer", "exactly one year"),
    ("chg-used-concept", "act behind a change event"),
    ("chg-foreign-function", "concept of kzc:migration-functions"),
    ("chg-unsourced", "passage(s) of the thesis that state it"),
    ("reorg-no-original", "A reorganisation needs"),
    ("att-no-body", "names exactly one body"),
    ("att-two-functions", "exactly one migration function"),
    ("att-no-time", "exactly one date"),
    ("att-no-year", "exactly one year"),
    ("att-unsourced", "passage(s) of the thesis that state it"),
])
def test_organisation_shape_fires(org_findings, focus: str, words: str) -> None:
    assert any(f == EX + focus and words in m for f, _v, m in org_findings), \
        sorted(m for f, _v, m in org_findings if f == EX + focus)


@pytest.mark.parametrize("value, words", [
    ("chg-before-founding", "before it was founded"),
    ("chg-revives-replaced", "replaced"),
])
def test_organisation_date_rules_fire(org_findings, value: str, words: str) -> None:
    assert any(v == EX + value and words in m for _f, v, m in org_findings)


def test_valid_organisation_resources_do_not_fire(org_findings) -> None:
    quiet = {EX + n for n in ("org-ok", "chg-ok", "att-ok", "reorg-1992")}
    assert not [(f, m) for f, v, m in org_findings if f in quiet or v in quiet]
