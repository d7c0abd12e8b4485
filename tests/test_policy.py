"""Policy documents and DEMIG-coded policy measures: the release against the document, the named
policy queries, the DEMIG vocabulary, the record checks and the SHACL shapes of the policy kinds."""

from __future__ import annotations

import shutil
from itertools import combinations
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SKOS

from kzmig_kg.errors import RecordErrors
from kzmig_kg.kinds.policy import dimension_codes, scheme_codes
from kzmig_kg.namespaces import DEMIG, KZC, SH
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.query.results import python_value
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES
from .conftest import passage_text as thesis_text

POLICY = FIXTURES / "policy"
KZD = "https://w3id.org/kzmig/id/"
PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX kzc: <https://w3id.org/kzmig/code/>
PREFIX demig: <https://w3id.org/kzmig/scheme/demig/>
"""
CONCEPT_2023_MEASURES = {
    "m-2023-academic-mobility", "m-2023-talent-long-term-visas", "m-2023-business-immigration-tax",
    "m-2023-investor-visas", "m-2023-e-visa-development", "m-2023-in-demand-residence-permits",
    "m-2023-neo-nomad-visa", "m-2023-digital-monitoring", "m-2023-refugees-asylum",
    "m-2023-emigrant-labour-contracts", "m-2023-pea-regulation-review",
    "m-2023-bilateral-labour-agreements",
}


def rows(release, sparql: str, **params) -> list[dict]:
    return release.query(PREFIXES + sparql, **params)


def named(release, name: str, **params) -> list[dict]:
    result = run_query(name, {k: str(v) for k, v in params.items()}, store_dir=release.dir / "store")
    return [{k: python_value(v) for k, v in row.items()} for row in result.rows]


def measure(release, record_id: str) -> dict:
    found = rows(release, """
        SELECT ?wanted ?date ?score ?area ?tool ?group ?origin ?change ?magnitude ?status WHERE {
          ?m kzo:recordId ?id ; kzo:dateStated ?date ; kzo:measureStatus/skos:notation ?status ;
             kzo:policyArea ?area ; kzo:policyTool ?tool ; kzo:migrantGroup ?group ;
             kzo:migrantOrigin ?origin ; kzo:changeInRestrictiveness ?change ; kzo:magnitude ?magnitude .
          OPTIONAL { ?m kzo:restrictivenessScore ?score }
          FILTER (?id = ?wanted)
        }""", wanted=record_id)
    assert len(found) == 1, found
    return found[0]


def enacted_by(release, record_id: str) -> set[str]:
    return {r["e"] for r in rows(release, """
        SELECT ?wanted ?e WHERE {
          ?m kzo:recordId ?id ; kzo:enactedBy/kzo:recordId ?e . FILTER (?id = ?wanted)
        }""", wanted=record_id)}


# ------------------------------------------------------------------ policy documents

def test_programmes_in_force_in_2009(release) -> None:
    found = {r["document"] for r in named(release, "policy-programmes-in-force", year=2009)}
    assert found == {"pd-sectoral-programme-2001-2010", "pd-sectoral-programme-stage-2",
                     "pd-concept-2007-2015", "pd-nurly-kosh-2009-2011"}


def test_both_stages_in_force_in_2005_as_stated(release) -> None:
    """The thesis dates the stages 2001-2005 and 2005-2010: 2005 is in both."""
    found = {r["document"] for r in named(release, "policy-programmes-in-force", year=2005)}
    assert {"pd-sectoral-programme-stage-1", "pd-sectoral-programme-stage-2"} <= found
    assert "pd-concept-2007-2015" not in found


def test_programmes_in_force_in_2023_and_2019(release) -> None:
    assert {r["document"] for r in named(release, "policy-programmes-in-force", year=2023)} == \
        {"pd-concept-2023-2027"}
    assert {r["document"] for r in named(release, "policy-programmes-in-force", year=2019)} == \
        {"pd-concept-2017-2021"}


@pytest.mark.parametrize("doc, act, number, year", [
    ("pd-concept-2000", "govres-2000-1346", "1346", "2000"),
    ("pd-sectoral-programme-2001-2010", "govres-2001-1371", "1371", "2001"),
    ("pd-nurly-kosh-2009-2011", "govres-2008-1126", "1126", "2008"),
    ("pd-concept-2017-2021", "govres-2017-602", "602", "2017"),
    ("pd-concept-2023-2027", "govres-2022-961", "961", "2022"),
    ("pd-bolashak-rules-2008", "govres-2008-573", "573", "2008"),
    ("pd-state-programme-1995", "cabres-1995-state-programme", None, "1995"),
])
def test_approving_acts(release, doc: str, act: str, number: str | None, year: str) -> None:
    found = rows(release, """
        SELECT ?wanted ?act ?number ?year WHERE {
          ?d kzo:recordId ?id ; kzo:approvedBy ?a . ?a kzo:recordId ?act ; kzo:year ?year .
          OPTIONAL { ?a eli:number ?number }
          FILTER (?id = ?wanted)
        }""", wanted=doc)
    assert [(r["act"], r.get("number"), str(r["year"])) for r in found] == [(act, number, year)]


def test_concept_2007_has_no_invented_act(release) -> None:
    found = rows(release, """SELECT ?a ?note WHERE { ?d kzo:recordId "pd-concept-2007-2015" ;
        skos:editorialNote ?note . OPTIONAL { ?d kzo:approvedBy ?a } }""")
    assert found and all(r.get("a") is None for r in found)
    assert "no approving act" in found[0]["note"]


def test_periods_are_owl_time_intervals(release) -> None:
    found = rows(release, """
        SELECT ?start ?end ?b ?e WHERE {
          ?d kzo:recordId "pd-sectoral-programme-2001-2010" ; dct:temporal ?p ;
             kzo:periodStartYear ?start ; kzo:periodEndYear ?end .
          ?p a time:ProperInterval ; time:hasBeginning/time:inXSDgYear ?b ; time:hasEnd/time:inXSDgYear ?e .
        }""")
    assert [(r["start"], r["end"], str(r["b"]), str(r["e"])) for r in found] == \
        [(2001, 2010, "2001", "2010")]


def test_sectoral_programme_stages(release) -> None:
    found = rows(release, """
        SELECT ?stage ?start ?end WHERE {
          ?p kzo:recordId "pd-sectoral-programme-2001-2010" ; dct:hasPart ?s .
          ?s dct:isPartOf ?p ; kzo:recordId ?stage ; kzo:periodStartYear ?start ; kzo:periodEndYear ?end ;
             a kzo:ProgrammeStage .
        } ORDER BY ?stage""")
    assert [(r["stage"], r["start"], r["end"]) for r in found] == [
        ("pd-sectoral-programme-stage-1", 2001, 2005), ("pd-sectoral-programme-stage-2", 2005, 2010)]


def test_adoption_date_of_sectoral_programme(release) -> None:
    found = rows(release, """SELECT ?d WHERE { ?x kzo:recordId "pd-sectoral-programme-2001-2010" ;
        dct:issued ?d }""")
    assert [str(r["d"]) for r in found] == ["2001-10-29"]


def test_first_stage_goal_achieved_in_2004(release) -> None:
    found = rows(release, """
        SELECT ?assessment ?first ?last WHERE {
          ?d kzo:recordId "pd-sectoral-programme-stage-1" ; kzo:hasOutcomeStatement ?o .
          ?o kzo:assessment ?assessment ; prov:wasDerivedFrom ?p .
          ?p kzo:firstLine ?first ; kzo:lastLine ?last .
        }""")
    assert [(r["assessment"], r["first"], r["last"]) for r in found] == [("goal-achieved", 207, 212)]
    text = thesis_text(207, 212)
    assert "2,789" in text and "achievement of the goal" in text


def test_ilo_critique_of_nurly_kosh(release) -> None:
    found = rows(release, """
        SELECT ?assessment ?judge WHERE {
          ?d kzo:recordId "pd-nurly-kosh-2009-2011" ; kzo:hasOutcomeStatement ?o .
          ?o kzo:assessment ?assessment ; kzo:judgedBy/kzo:recordId ?judge .
        }""")
    assert ("shortcoming", "ilo") in {(r["assessment"], r["judge"]) for r in found}
    assert "International Labour Organization (ILO) (2010)" in thesis_text(251, 253)


def test_concept_series(release) -> None:
    found = rows(release, """SELECT ?a ?b WHERE { ?x kzo:follows ?y .
        ?x kzo:recordId ?a . ?y kzo:recordId ?b . ?x a kzo:PolicyConcept }""")
    assert {(r["a"], r["b"]) for r in found} == {
        ("pd-concept-2007-2015", "pd-concept-2000"), ("pd-concept-2017-2021", "pd-concept-2007-2015"),
        ("pd-concept-2023-2027", "pd-concept-2017-2021")}


def test_documents_linked_to_the_events_the_thesis_connects(release) -> None:
    found = rows(release, """SELECT ?d ?e WHERE { ?x a kzo:PolicyDocument ; kzo:recordId ?d ;
        kzo:respondsTo/kzo:recordId ?e }""")
    assert ("pd-concept-2000", "ev-1998-rouble-crisis") in {(r["d"], r["e"]) for r in found}
    assert "Ruble crisis" in thesis_text(120, 121)


def test_every_policy_document_has_aims_type_and_passages(release) -> None:
    found = rows(release, """
        SELECT ?id (COUNT(DISTINCT ?aim) AS ?aims) (COUNT(DISTINCT ?type) AS ?types)
               (COUNT(DISTINCT ?p) AS ?passages) WHERE {
          ?d a kzo:PolicyDocument ; kzo:recordId ?id .
          OPTIONAL { ?d kzo:aim ?aim } OPTIONAL { ?d dct:type ?type }
          OPTIONAL { ?d prov:wasDerivedFrom ?p }
        } GROUP BY ?id""")
    assert len(found) >= 11
    assert [r["id"] for r in found if not (r["aims"] and r["types"] == 1 and r["passages"])] == []


# ------------------------------------------------------------------ measures

def test_concept_2023_2027_and_its_twelve_measures(release) -> None:
    found = named(release, "policy-concept-measures",
                  document=KZD + "policy-document/pd-concept-2023-2027")
    assert {r["measure"] for r in found} == CONCEPT_2023_MEASURES
    assert {r["status"] for r in found} == {"planned"}
    nomad = next(r for r in found if r["measure"] == "m-2023-neo-nomad-visa")
    assert "Neo Nomad" in nomad["title"] and nomad["restrictiveness"] == -1
    assert "Neo Nomad Visa" in thesis_text(1076, 1077)
    monitoring = next(r for r in found if r["measure"] == "m-2023-digital-monitoring")
    assert monitoring["restrictiveness"] == 1
    assert "bank card and a SIM card" in thesis_text(1077, 1079)


def test_visa_run_abolition(release) -> None:
    m = measure(release, "m-2022-visa-run-abolished")
    assert str(m["date"]) == "2022-12-31" and m["score"] == 1
    assert m["change"] == str(DEMIG["restrict-more"])
    assert m["area"] == str(DEMIG["area-legal-entry-stay"])
    assert m["tool"] == str(DEMIG["tool-travel-visa-permit"])
    assert m["status"] == "enacted"
    assert enacted_by(release, "m-2022-visa-run-abolished") == {"govres-2022-1146"}
    text = thesis_text(1102, 1111)
    assert "December 31, 2022" in text and "90-day stay within a 180-day period" in text


@pytest.mark.parametrize("record_id, score, act, words, first, last", [
    ("m-2016-local-content-70-90", 1, "law-2016-559", "at least 70% of management", 391, 395),
    ("m-2013-patent-domestic-work", -1, "law-2013-153-V", "patent", 286, 295),
    ("m-2015-intra-corporate-transfer", -1, "law-477-IV-amend-2015", "intra-corporate transfer", 389, 391),
    ("m-2016-oecd-visa-free-30-days", -1, "govres-2016-838", "45 countries", 416, 421),
    ("m-2020-border-crossing-mark", -1, "law-477-IV-amend-2020", "border crossing mark", 411, 414),
    ("m-2020-e-visa", -1, "jointorder-2020-21165", "electronic visas", 474, 478),
    ("m-2023-fingerprinting", 1, "law-2023-50-VIII", "mandatory fingerprinting", 1097, 1102),
    ("m-2022-e-qonaq-notification", -1, "govres-2022-148-amend", "e-Qonaq", 1111, 1113),
    ("m-2024-reentry-ban-five-years", 1, "law-477-IV-amend-2024", "five years", 1028, 1032),
    ("m-2008-bolashak-return-or-repay", 1, "govres-2008-573", "reimbursement of funds", 238, 246),
    ("m-2001-foreign-labour-licensing-quotas", 1, "govres-2001-1371", "licensing and quotas", 151, 157),
])
def test_coded_measures_against_the_document(release, record_id: str, score: int, act: str,
                                             words: str, first: int, last: int) -> None:
    assert measure(release, record_id)["score"] == score
    assert act in enacted_by(release, record_id)
    assert words in thesis_text(first, last)
    passages = rows(release, """SELECT ?wanted ?f ?l WHERE { ?m kzo:recordId ?id ; prov:wasDerivedFrom ?p .
        ?p kzo:firstLine ?f ; kzo:lastLine ?l . FILTER (?id = ?wanted) }""", wanted=record_id)
    assert (first, last) in {(r["f"], r["l"]) for r in passages}


def test_pandemic_measures_respond_to_the_pandemic(release) -> None:
    found = {r["id"] for r in rows(release, """SELECT ?id WHERE { ?m a kzo:PolicyMeasure ;
        kzo:recordId ?id ; kzo:respondsTo/kzo:recordId "ev-2020-covid-pandemic" }""")}
    assert {"m-2020-visa-free-suspension-57", "m-2020-transit-72h-suspension",
            "m-2020-permit-validity-extension", "m-2020-migration-liability-amnesty",
            "m-2020-transit-corridors"} <= found
    restored = rows(release, """SELECT ?r WHERE { ?m kzo:recordId "m-2022-visa-free-restored-57" ;
        kzo:revisesMeasure/kzo:recordId ?r }""")
    assert [r["r"] for r in restored] == ["m-2020-visa-free-suspension-57"]
    amnesty = rows(release, """SELECT ?u WHERE { ?m kzo:recordId "m-2020-migration-liability-amnesty" ;
        kzo:effectiveUntil ?u }""")
    assert [str(r["u"]) for r in amnesty] == ["2021-06-05"]
    assert "5 June 2021" in thesis_text(495, 496)


def test_every_measure_is_enacted_and_fully_coded(release) -> None:
    found = rows(release, """
        SELECT ?id (COUNT(DISTINCT ?e) AS ?enactments)
               (COUNT(DISTINCT ?area) + COUNT(DISTINCT ?tool) + COUNT(DISTINCT ?group)
                + COUNT(DISTINCT ?origin) + COUNT(DISTINCT ?change) + COUNT(DISTINCT ?mag) AS ?codes)
        WHERE {
          ?m a kzo:PolicyMeasure ; kzo:recordId ?id .
          OPTIONAL { ?m kzo:enactedBy ?e } OPTIONAL { ?m kzo:policyArea ?area }
          OPTIONAL { ?m kzo:policyTool ?tool } OPTIONAL { ?m kzo:migrantGroup ?group }
          OPTIONAL { ?m kzo:migrantOrigin ?origin } OPTIONAL { ?m kzo:changeInRestrictiveness ?change }
          OPTIONAL { ?m kzo:magnitude ?mag }
        } GROUP BY ?id""")
    assert len(found) >= 70
    assert [r["id"] for r in found if r["enactments"] < 1 or r["codes"] != 6] == []


def test_unnamed_enactments_are_explicit_and_cited(release) -> None:
    found = rows(release, """SELECT ?id (COUNT(?src) AS ?sources) WHERE {
        ?m kzo:recordId ?id ; kzo:enactedBy kzc:enacting-act-not-named .
        OPTIONAL { ?m dct:source ?src } } GROUP BY ?id""")
    assert "m-2020-visa-free-suspension-57" in {r["id"] for r in found}
    assert all(r["sources"] >= 1 for r in found)


def test_expert_reported_measure(release) -> None:
    found = rows(release, """SELECT ?expert ?enacted WHERE {
        ?m kzo:recordId "m-2024-trp-address-confirmation" ;
           kzo:reportedBy/kzo:recordId ?expert ; kzo:enactedBy ?enacted }""")
    assert [(r["expert"], r["enacted"]) for r in found] == [
        ("expert-E", str(KZC["enacting-act-not-named"]))]
    assert "landlord" in thesis_text(1269, 1287)


def test_unclear_codes_come_with_a_reason(release) -> None:
    found = rows(release, """SELECT ?id ?why WHERE { ?m kzo:recordId ?id ; kzo:codingRationale ?why ;
        ?dim kzc:demig-unclear . }""")
    assert {"m-2023-pea-regulation-review", "m-1996-visa-categories"} <= {r["id"] for r in found}
    assert all("unclear" in r["why"].lower() for r in found)


def test_fingerprinting_notes_the_experts_2024(release) -> None:
    found = rows(release, """SELECT ?note WHERE { ?m kzo:recordId "m-2023-fingerprinting" ;
        skos:editorialNote ?note }""")
    assert "since 2024" in found[0]["note"]
    assert "since" in thesis_text(1238, 1239) and "2024" in thesis_text(1238, 1239)


def test_measures_by_restrictiveness_2022_2024(release) -> None:
    found = named(release, "policy-measures-by-restrictiveness", **{"from": 2022, "to": 2024})
    enacted = {r["area"]: r for r in found if r["status"] == "enacted"}
    border = enacted["Border and land control"]
    # fingerprinting and the re-entry ban (+1); the PCR requirement lifted and e-Qonaq (-1)
    assert (border["more"], border["less"]) == (2, 2)
    entry = enacted["Legal entry and stay"]
    # visa run and stricter residence permits (+1); visa-free regime restored and IIN/EDS (-1)
    assert (entry["more"], entry["less"], entry["net"]) == (2, 2, 0)
    proposed = [r for r in found if r["status"] == "proposed"]
    assert sum(r["measures"] for r in proposed) == 2
    planned = sum(r["measures"] for r in found if r["status"] == "planned")
    assert planned == 12


def test_measures_timeline_is_in_date_order(release) -> None:
    found = named(release, "policy-measures-timeline", **{"from": 2020, "to": 2022})
    ids = [r["measure"] for r in found]
    assert ids.index("m-2020-border-crossing-mark") < ids.index("m-2020-covid-joint-statement") \
        < ids.index("m-2022-visa-free-restored-57") < ids.index("m-2022-pcr-requirement-lifted") \
        < ids.index("m-2022-visa-run-abolished")
    suspension = next(r for r in found if r["measure"] == "m-2020-visa-free-suspension-57")
    assert suspension["enactedBy"] == "not named"


# ------------------------------------------------------------------ vocabulary

def test_demig_schemes() -> None:
    sizes = {name: len(scheme_codes(DEMIG[name])) for name in (
        "policy-area", "policy-tool", "migrant-group", "migrant-origin",
        "change-in-restrictiveness", "magnitude")}
    assert sizes == {"policy-area": 4, "policy-tool": 28, "migrant-group": 13, "migrant-origin": 5,
                     "change-in-restrictiveness": 3, "magnitude": 4}
    assert dimension_codes("restrictiveness")["+1"] == DEMIG["restrict-more"]
    assert dimension_codes("magnitude")["mid-level"] == DEMIG["magnitude-mid-level"]
    assert dimension_codes("migrant_origin")["eaeu-citizens"] == KZC["origin-eaeu-citizens"]
    assert "eaeu-citizens" not in dimension_codes("migrant_group")


def test_eaeu_extension_stays_outside_the_demig_scheme(release) -> None:
    found = rows(release, """SELECT ?scheme ?match WHERE { kzc:origin-eaeu-citizens skos:inScheme ?scheme ;
        skos:closeMatch ?match }""")
    assert [(r["scheme"], r["match"]) for r in found] == [
        (str(KZC["demig-extensions"]), str(DEMIG["origin-eu-citizens"]))]


# ------------------------------------------------------------------ record checks

@pytest.mark.parametrize("fixture, field, words", [
    ("measure-unknown-code.yaml", "policy_tool", "is not a code of"),
    ("measure-contextual-scored.yaml", "restrictiveness", "contextual code"),
    ("measure-assessed-zero.yaml", "restrictiveness", "must be coded +1 or -1"),
    ("measure-unclear-unexplained.yaml", "coding_rationale", "without saying why"),
    ("measure-enactment-both.yaml", "enacted_by", "not both and not neither"),
    ("measure-enactment-neither.yaml", "enacted_by", "not both and not neither"),
    ("measure-not-named-uncited.yaml", "cites", "must cite the source"),
    ("measure-until-before-date.yaml", "until", "ends (2015) before it starts (2016)"),
    ("measure-revises-itself.yaml", "revises", "cannot revise itself"),
    ("document-period-reversed.yaml", "period_end", "ends (2001) before it starts (2010)"),
    ("document-stage-orphan.yaml", "part_of", "which programme it is part of"),
    ("document-outcome-unlisted-passage.yaml", "outcomes", "not among the document's passages"),
    ("document-outcome-duplicate-id.yaml", "outcomes", "is used twice"),
    ("document-outcome-no-passages.yaml", "outcomes", "has no passages"),
])
def test_bad_policy_record_is_reported(data_copy: Path, fixture: str, field: str, words: str) -> None:
    shutil.copy(POLICY / fixture, data_copy / "policy" / f"zz-{fixture}")
    with pytest.raises(RecordErrors) as caught:
        read_records(data_copy)
    mine = [e for e in caught.value.errors if e.file.endswith(f"zz-{fixture}")]
    assert mine and all(e.field == field for e in mine), [str(e) for e in caught.value.errors]
    assert any(words in e.message for e in mine), [str(e) for e in mine]
    assert all(e.line > 0 for e in mine)


# ------------------------------------------------------------------ shapes

@pytest.fixture(scope="module")
def shape_findings() -> set[tuple[str, str]]:
    data = Graph().parse(POLICY / "shapes-bad.ttl")
    data.parse(ONTOLOGY_DIR / "kzmig.ttl")
    for name in ("demig.ttl", "policy.ttl"):
        data.parse(ONTOLOGY_DIR / "vocab" / name)
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(ONTOLOGY_DIR / "shapes" / "policy.ttl"),
                                   inference="none", advanced=True)
    assert not conforms
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage)))
            for r in report.subjects(SH.focusNode, None)}


EX = "https://w3id.org/kzmig/id/fixture/"


@pytest.mark.parametrize("focus, words", [
    ("stage-outside-bad", "outside the period of its programme"),
    ("doc-wrong-type-bad", "exactly one type"),
    ("doc-reversed-bad", "ends before it starts"),
    ("doc-approved-by-document-bad", "approved by a legal act"),
    ("outcome-unsourced-bad", "passage where the source states the result"),
    ("measure-score-mismatch-bad", "does not match the DEMIG restrictiveness"),
    ("measure-wrong-scheme-bad", "DEMIG policy area"),
    ("measure-no-enactment-bad", "enacted (or plans) it"),
    ("measure-missing-magnitude-bad", "DEMIG magnitude"),
    ("measure-proposed-adopted-bad", "proposed measure must come from a draft"),
    ("measure-enacted-draft-bad", "must not rest on a draft alone"),
    ("measure-tool-outside-bad", "DEMIG policy tool"),
    ("measure-group-outside-bad", "DEMIG migrant group"),
    ("measure-origin-outside-bad", "DEMIG migrant origin"),
    ("measure-change-outside-bad", "DEMIG change in restrictiveness"),
    ("measure-magnitude-outside-bad", "DEMIG magnitude"),
    ("measure-status-outside-bad", "exactly one status from kzc:measure-statuses"),
])
def test_policy_shape_fires(shape_findings: set[tuple[str, str]], focus: str, words: str) -> None:
    assert any(f == EX + focus and words in m for f, m in shape_findings), sorted(shape_findings)


def test_valid_policy_resources_do_not_fire(shape_findings: set[tuple[str, str]]) -> None:
    valid = {EX + name for name in ("programme", "stage", "measure", "measure-unclear", "measure-proposed")}
    assert not [f for f, _ in shape_findings if f in valid]


CODE_LISTS = {  # shape: (schemes whose concepts the sh:in lists, codes of ours it also allows)
    "PolicyMeasureAreaShape": (["policy-area"], [KZC["demig-unclear"]]),
    "PolicyMeasureToolShape": (["policy-tool"], [KZC["demig-unclear"]]),
    "PolicyMeasureGroupShape": (["migrant-group"], [KZC["demig-unclear"]]),
    "PolicyMeasureOriginShape": (["migrant-origin"], [KZC["demig-unclear"], KZC["origin-eaeu-citizens"]]),
    "PolicyMeasureRestrictivenessShape": (["change-in-restrictiveness"], [KZC["demig-unclear"]]),
    "PolicyMeasureMagnitudeShape": (["magnitude"], [KZC["demig-unclear"]]),
    "PolicyMeasureStatusShape": ([], []),
}


@pytest.mark.parametrize("shape", sorted(CODE_LISTS))
def test_code_list_of_a_measure_shape_is_its_scheme(shape: str) -> None:
    """The sh:in lists of the coded values say what "a concept of the scheme" said: each holds
    exactly the concepts the vocabulary puts in the scheme, plus the codes of ours the rule allows."""
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes" / "policy.ttl")
    vocab = Graph().parse(ONTOLOGY_DIR / "vocab" / "demig.ttl").parse(ONTOLOGY_DIR / "vocab" / "policy.ttl")
    node = URIRef("https://w3id.org/kzmig/shapes#" + shape)
    listed = set(shapes.items(shapes.value(node, SH["in"])))
    schemes, extra = CODE_LISTS[shape]
    expected = {c for name in schemes for c in vocab.subjects(SKOS.inScheme, DEMIG[name])}
    if shape == "PolicyMeasureStatusShape":
        expected = set(vocab.subjects(SKOS.inScheme, KZC["measure-statuses"]))
    assert expected and listed == expected | set(extra)


SCORE_CONCEPTS = ("restrict-more", "restrict-less", "restrict-none", "demig-unclear", "magnitude-major")
SCORES = ("1", "-1", "0", '"1.0"^^xsd:decimal')
SOURCES = ("draft", "act", "document", "enacting-act-not-named", '"an act"')
STATUSES = ("measure-proposed", "measure-enacted", "measure-planned", "pdtype-programme")


def _one_shape(name: str) -> Graph:
    """The triples of one shape of policy.ttl (with its blank nodes and the prefix declarations)."""
    shapes, out = Graph().parse(ONTOLOGY_DIR / "shapes" / "policy.ttl"), Graph()
    todo = [URIRef("https://w3id.org/kzmig/shapes#" + n) for n in (name, "policyPrefixes")]
    while todo:
        for triple in shapes.triples((todo.pop(), None, None)):
            out.add(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])
    return out


def _fired(rdf: str, shape: str) -> set[int]:
    data = Graph().parse(ONTOLOGY_DIR / "kzmig.ttl")
    data.parse(format="turtle", data=PREFIXES + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
               "PREFIX ex: <https://w3id.org/kzmig/id/fixture/>\n" + rdf)
    _, report, _ = validate(data, shacl_graph=_one_shape(shape), inference="none", advanced=True)
    return {int(str(report.value(r, SH.focusNode)).rsplit("-", 1)[1])
            for r in report.subjects(SH.focusNode, None)}


def _code(name: str) -> str:
    return f"kzc:{name}" if name.startswith(("demig-", "measure-", "pdtype-")) else f"demig:{name}"


def test_score_rule_holds_for_every_combination_of_concept_and_score() -> None:
    """kzsh:PolicyMeasureScoreShape (an sh:or) runs only on the measures its SPARQL target selects:
    every combination of zero to two restrictiveness concepts (one outside the scheme) and zero to
    two scores (one a decimal) fires exactly when no branch of the sh:or holds."""
    combos = [(c, s) for m in range(3) for c in combinations(SCORE_CONCEPTS, m)
              for n in range(3) for s in combinations(SCORES, n)]
    rdf = []
    for i, (concepts, scores) in enumerate(combos):
        rdf.append(f"ex:m-{i} a kzo:PolicyMeasure .")
        rdf += [f"ex:m-{i} kzo:changeInRestrictiveness {_code(c)} ." for c in concepts]
        rdf += [f"ex:m-{i} kzo:restrictivenessScore {s} ." for s in scores]
    fired = _fired("\n".join(rdf), "PolicyMeasureScoreShape")
    pairs = {"restrict-more": "1", "restrict-less": "-1", "restrict-none": "0"}
    expected = {i for i, (concepts, scores) in enumerate(combos)
                if not any(c in pairs and set(scores) == {pairs[c]} for c in concepts)
                and not ("demig-unclear" in concepts and not scores)}
    assert fired == expected, [combos[i] for i in fired ^ expected]


def test_status_source_rule_holds_for_every_combination_of_status_and_source() -> None:
    """kzsh:PolicyMeasureStatusSourceShape (an sh:or) runs only on the measures its SPARQL target
    selects: every combination of zero to two statuses (one outside the scheme) and zero to two
    sources (a draft law, an adopted act, a policy document, "not named", a literal) fires exactly
    when neither branch of the sh:or holds."""
    combos = [(st, so) for m in range(3) for st in combinations(STATUSES, m)
              for n in range(3) for so in combinations(SOURCES, n)]
    rdf = ["ex:draft a kzo:DraftLaw .", "ex:act a kzo:Law .", "ex:document a kzo:Programme ."]
    for i, (statuses, sources) in enumerate(combos):
        rdf.append(f"ex:m-{i} a kzo:PolicyMeasure .")
        rdf += [f"ex:m-{i} kzo:measureStatus kzc:{s} ." for s in statuses]
        rdf += [f"ex:m-{i} kzo:enactedBy {s if s.startswith(chr(34)) else _source(s)} ." for s in sources]
    fired = _fired("\n".join(rdf), "PolicyMeasureStatusSourceShape")
    expected = {i for i, (statuses, sources) in enumerate(combos)
                if not ("measure-proposed" in statuses and "draft" in sources)
                and not (set(statuses) <= {"measure-enacted", "measure-planned"}
                         and any(s != "draft" for s in sources))}
    assert fired == expected, [combos[i] for i in fired ^ expected]


def _source(name: str) -> str:
    return "kzc:enacting-act-not-named" if name == "enacting-act-not-named" else f"ex:{name}"

