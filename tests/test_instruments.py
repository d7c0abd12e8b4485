"""Migration instruments against the document: the nine visa categories of 1996 in the
instruction's order, the visa-free regimes and their country counts, the stated durations, the
acts that introduced or changed each instrument, the named queries, the SHACL shapes and the
record checks of the instrument kind (each with a fixture that makes it fire)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kzmig_kg.errors import RecordErrors
from kzmig_kg.pipeline.records import read_records

from .conftest import FIXTURES
from .test_events import PREFIXES, local, named, passage_text, shacl_messages

EVENTS = FIXTURES / "events"
INST = "https://w3id.org/kzmig/id/instrument/"
SHARED_IDS = (
    "inst-visa-diplomatic", "inst-visa-official", "inst-visa-regular", "inst-visa-private",
    "inst-visa-tourist", "inst-visa-study", "inst-visa-work", "inst-visa-medical",
    "inst-visa-permanent-residence", "inst-visa-business", "inst-visa-investor",
    "inst-visa-neo-nomad", "inst-visa-aifc-five-year", "inst-e-visa", "inst-regime-cis-visa-free",
    "inst-regime-oecd-visa-free-30-days", "inst-regime-visa-free-57", "inst-regime-visa-free-82",
    "inst-regime-transit-72h", "inst-rule-90-in-180", "inst-work-permit",
    "inst-temporary-residence-permit", "inst-permanent-residence-permit", "inst-patent",
    "inst-labour-immigrant-permit", "inst-foreign-labour-quota", "inst-migration-card",
    "inst-border-crossing-mark", "inst-local-content-rule", "inst-system-berkut",
    "inst-system-egov", "inst-system-e-qonaq", "inst-system-digital-monitoring", "inst-iin-eds",
)
NUMBER_WORDS = {1: "one", 3: "three", 5: "five", 30: "thirty", 90: "ninety"}


# ------------------------------------------------------------------ the 1996 visa categories

def test_nine_visa_categories_of_1996_in_the_instructions_order(release) -> None:
    rows = [r for r in named(release, "instruments-introduced-by-act")
            if r["relation"] == "introduced"]
    assert [r["position"] for r in rows] == list(range(1, 10))
    names = [r["label"].removesuffix(" visa").lower() for r in rows]
    assert names == ["diplomatic", "official", "regular", "private", "tourist", "study", "work",
                     "medical treatment", "permanent residence"]
    # the thesis lists them in this order: "9 categories: diplomatic, official, ... residence"
    text = passage_text(98, 100)
    listed = re.search(r"9 categories: (.*?) \(", text)[1]
    assert [n.strip().removeprefix("and ") for n in listed.split(",")] == names
    assert {r["introduced"] for r in rows} == {"1996-03"}  # "in March of 1996"
    assert all(r["class"] == "VisaCategory" for r in rows)


def test_the_1996_categories_are_introduced_by_the_instruction(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?instrument ?source WHERE {
          ?instrument kzo:listPosition ?p ; kzo:introducedBy/kzo:recordId ?source }""")
    assert {r["source"] for r in rows} == {"instr-1996-visas"}
    assert len(rows) == 9


# ------------------------------------------------------------------ regimes and counts

@pytest.mark.parametrize("instrument, count, line", [
    ("inst-regime-oecd-visa-free-30-days", 45, 418),
    ("inst-regime-visa-free-57", 57, 490),
    ("inst-regime-visa-free-82", 82, 815),
])
def test_visa_free_country_counts_are_the_documents(release, instrument: str, count: int,
                                                    line: int) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?count WHERE {{ <{INST}{instrument}> a kzo:VisaRegime ; kzo:countryCount ?count }}""")
    assert rows == [{"count": count}]
    assert f"{count} countries" in passage_text(line, line)


def test_oecd_regime_allows_30_days_and_came_with_resolution_838(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?value ?unit ?role ?number ?group WHERE {{
          <{INST}inst-regime-oecd-visa-free-30-days> kzo:hasDuration ?d ;
              kzo:introducedBy/eli:number ?number ; kzo:appliesToCountry/skos:notation ?group .
          ?d time:numericDuration ?value ; time:unitType ?unit ; kzo:durationRole ?role }}""")
    assert [(r["value"], local(r["unit"]).split("#")[-1], r["role"], r["number"], r["group"])
            for r in rows] == [(30.0, "unitDay", "maximum-stay", "838", "OECD")]


def test_transit_regime_is_72_hours_for_china_and_india(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?country ?value ?status WHERE {{
          <{INST}inst-regime-transit-72h> kzo:appliesToCountry/skos:notation ?country ;
              kzo:instrumentStatus ?status ;
              kzo:hasDuration [ time:numericDuration ?value ; time:unitType time:unitHour ] }}""")
    assert {(r["country"], r["value"], r["status"]) for r in rows} == {
        ("CHN", 72.0, "suspended"), ("IND", 72.0, "suspended")}


def test_ninety_in_180_replaced_the_visa_run_on_2022_12_31(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?role ?value ?introduced ?number WHERE {{
          <{INST}inst-visa-run> kzo:replacedBy ?rule ; kzo:instrumentStatus "replaced" .
          ?rule kzo:dateIntroduced ?introduced ; kzo:introducedBy/eli:number ?number ;
                kzo:hasDuration [ kzo:durationRole ?role ; time:numericDuration ?value ] }}""")
    assert {(r["role"], r["value"]) for r in rows} == {("maximum-stay", 90.0),
                                                      ("reference-window", 180.0)}
    assert {(r["introduced"], r["number"]) for r in rows} == {("2022-12-31", "1146")}
    text = passage_text(1108, 1109)
    assert "December 31, 2022" in text and "90-day stay within a 180-day period" in text


def test_migration_card_replaced_by_border_crossing_mark_in_2020(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?successor ?introduced ?act WHERE {{
          <{INST}inst-migration-card> kzo:replacedBy ?successor .
          ?successor kzo:dateIntroduced ?introduced ; kzo:introducedBy/kzo:recordId ?act }}""")
    assert [(local(r["successor"]), r["introduced"], r["act"]) for r in rows] == [
        ("inst-border-crossing-mark", "2020-01-11", "law-477-IV-amend-2020")]
    assert "January 11, 2020" in passage_text(411, 411)


def test_aifc_visa_five_years_against_three_years_elsewhere(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?instrument ?value WHERE {
          ?instrument kzo:hasDuration [ kzo:durationRole "validity" ; time:numericDuration ?value ;
                                         time:unitType time:unitYear ] }""")
    years = {local(r["instrument"]): r["value"] for r in rows}
    assert years["inst-visa-aifc-five-year"] == 5.0
    assert years["inst-rule-visa-validity-three-years"] == 3.0
    text = passage_text(407, 409)
    assert "up to five years" in text and "maximum period of three years" in text


def test_every_stated_duration_is_in_its_passages(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?instrument ?value ?first ?last WHERE {
          ?instrument a kzo:MigrationInstrument ; kzo:hasDuration/time:numericDuration ?value ;
                      prov:wasDerivedFrom ?p .
          ?p kzo:firstLine ?first ; kzo:lastLine ?last }""")
    texts: dict[tuple[str, float], str] = {}
    for r in rows:
        key = (local(r["instrument"]), r["value"])
        texts[key] = texts.get(key, "") + " " + passage_text(r["first"], r["last"]).lower()
    assert len(texts) >= 11
    missing = [f"{name}: {value:g}" for (name, value), text in texts.items()
               if not re.search(rf"\b{value:g}\b", text)
               and NUMBER_WORDS.get(int(value), "\0") not in text
               and not (value == 1 and " a year" in text)]
    assert not missing, missing


# ------------------------------------------------------------------ acts, bodies, figures

def test_local_content_rule_is_70_and_90_percent_from_law_559(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?number ?value WHERE {{
          <{INST}inst-local-content-rule> kzo:introducedBy/eli:number ?number ;
              kzo:relatedStatistic/sdmx-measure:obsValue ?value }}""")
    assert {(r["number"], r["value"]) for r in rows} == {("559", 70), ("559", 90)}
    text = passage_text(391, 393)
    assert "at least 70% of management" in text and "90% for roles" in text


def test_quota_is_set_by_the_ministry_of_labour_and_fell_to_about_20000(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?body ?figure ?value WHERE {{
          <{INST}inst-foreign-labour-quota> kzo:administeredBy ?body ;
              kzo:relatedStatistic ?f . ?f kzo:recordId ?figure ; sdmx-measure:obsValue ?value }}""")
    figures = {r["figure"]: r["value"] for r in rows}
    assert {local(r["body"]) for r in rows} == {"ministry-of-labour-social-protection"}
    assert figures["expert-quota-2008"] == 65000 and figures["expert-quota-current"] == 20000
    assert figures["alshanskaya-quota-2020"] == 17300
    assert "65,000" in passage_text(800, 800)


def test_patent_of_2013_moved_from_migration_to_public_service_centres(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?number ?body WHERE {{
          <{INST}inst-patent> kzo:introducedBy/eli:number ?number ; kzo:administeredBy ?body }}""")
    assert {(r["number"], local(r["body"])) for r in rows} == {
        ("153-V", "migration-service-centres"), ("153-V", "public-service-centres")}


def test_berkut_instrument_dated_2012_01_21(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?date (DATATYPE(?date) AS ?type) WHERE {{
          <{INST}inst-system-berkut> a kzo:InformationSystem ; kzo:dateIntroduced ?date }}""")
    assert rows == [{"date": "2012-01-21", "type": "http://www.w3.org/2001/XMLSchema#date"}]


def test_planned_instruments_come_from_the_2023_2027_concept(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?instrument ?measure ?enacted WHERE {
          ?instrument kzo:instrumentStatus "planned" ; kzo:introducedBy ?measure .
          ?measure a kzo:PolicyMeasure ; kzo:enactedBy/kzo:recordId ?enacted }""")
    planned = {local(r["instrument"]) for r in rows}
    assert {"inst-visa-neo-nomad", "inst-system-digital-monitoring",
            "inst-visa-talent-long-term"} <= planned
    assert {r["enacted"] for r in rows} <= {"pd-concept-2023-2027", "govres-2022-961"}
    definition = release.query(PREFIXES + f"""
        SELECT ?d WHERE {{ <{INST}inst-system-digital-monitoring> skos:definition ?d }}""")[0]["d"]
    assert "bank card" in definition and "SIM card" in definition
    assert "bank card and a SIM card" in passage_text(1079, 1079)


# ------------------------------------------------------------------ the graph as a whole

def test_every_shared_instrument_id_exists(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?id WHERE { ?i a kzo:MigrationInstrument ; kzo:recordId ?id }""")
    ids = {r["id"] for r in rows}
    assert set(SHARED_IDS) <= ids, sorted(set(SHARED_IDS) - ids)


def test_instruments_by_type_covers_every_class(release) -> None:
    every = named(release, "instruments-by-type")
    classes = {r["class"] for r in every}
    assert classes == {"VisaCategory", "VisaRegime", "StayRule", "Permit", "EntryRecord", "Quota",
                       "LabourMarketRule", "InformationSystem", "IdentificationMeans",
                       "TaxPreference"}
    assert len({r["instrument"] for r in every}) == len(every)  # one class each
    visas = named(release, "instruments-by-type", type="VisaCategory")
    assert [r["position"] for r in visas[:9]] == list(range(1, 10))
    assert {local(r["instrument"]) for r in visas} >= {"inst-visa-neo-nomad", "inst-e-visa",
                                                       "inst-visa-investor"}


def test_instruments_are_concepts_of_the_instrument_scheme(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?i WHERE { ?i a kzo:MigrationInstrument .
          FILTER NOT EXISTS { ?i a skos:Concept ; skos:inScheme kzc:migration-instruments ;
                                 skos:prefLabel ?l ; skos:definition ?d ;
                                 prov:wasDerivedFrom ?p . FILTER (lang(?l) = "en") } }""")
    assert rows == []


def test_events_and_measures_link_instruments_both_ways(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {
          { ?e kzo:affectsInstrument ?i } UNION { ?i kzo:introducedBy|kzo:changedBy ?m .
                                                  ?m a kzo:PolicyMeasure } }""")
    assert rows[0]["n"] >= 10


# ------------------------------------------------------------------ record checks

RECORD_CASES = {
    "instrument-bad-id.yaml": ("id", "does not start with 'inst-'"),
    "instrument-replaced-without-successor.yaml": ("replaced_by",
                                                   "needs the instrument that replaced it"),
    "instrument-successor-wrong-status.yaml": ("status",
                                               "replaced_by is given but the status is 'in-force'"),
    "instrument-position-without-act.yaml": ("list_position", "needs the act whose list it is"),
    "instrument-position-zero.yaml": ("list_position", "list positions start at 1"),
    "instrument-no-countries.yaml": ("country_count", "must be at least 1"),
    "instrument-duplicate-duration-role.yaml": ("durations", "role 'validity' is given twice"),
    "instrument-non-positive-duration.yaml": ("durations", "is not positive"),
    "instrument-self-reference.yaml": ("related", "cannot refer to itself in 'related'"),
}


@pytest.mark.parametrize("fixture", sorted(RECORD_CASES))
def test_bad_instrument_record_is_reported(tmp_path: Path, fixture: str) -> None:
    field, words = RECORD_CASES[fixture]
    data = tmp_path / "data"
    data.mkdir()
    for name in (fixture, "support-act.yaml"):
        shutil.copy(EVENTS / name, data / name)
    with pytest.raises(RecordErrors) as caught:
        read_records(data)
    errors = [e for e in caught.value.errors if e.file.endswith(fixture)]
    assert any(e.field == field and words in e.message and e.hint for e in errors), \
        [str(e) for e in errors]


# ------------------------------------------------------------------ SHACL shapes

SHAPE_CASES = {
    "shape-instrument-no-label": "An instrument needs one English name",
    "shape-instrument-not-in-scheme": "must be a concept of the scheme kzc:migration-instruments",
    "shape-instrument-no-definition": "needs a definition in our words",
    "shape-instrument-bad-status": "An instrument needs one status",
    "shape-instrument-no-passage": "An instrument needs the passage(s)",
    "shape-instrument-introduced-by-organisation": "introduced, changed or regulated by a legal act",
    "shape-instrument-administered-by-act": "must be an organisation",
    "shape-instrument-country-not-country": "countries must be countries or groupings",
    "shape-instrument-bad-country-count": "country count, a whole number of at least 1",
    "shape-instrument-bad-list-position": "position in its act's list, counted from 1",
    "shape-instrument-two-successors": "replaced by at most one other instrument",
    "shape-instrument-statistic-not-figure": "An instrument's statistics must be observations",
    "shape-instrument-bad-duration": "A duration needs exactly one positive number",
    "shape-instrument-two-classes": "must be in exactly one instrument class",
    "shape-instrument-no-class": "must be in exactly one instrument class",
    "shape-instrument-successor-wrong-status": "must have the status replaced or abolished",
    "shape-instrument-duplicate-list-position": "have the same list position",
}


@pytest.mark.parametrize("fixture", sorted(SHAPE_CASES))
def test_instrument_shape_fires(fixture: str) -> None:
    conforms, messages = shacl_messages("shapes-base.ttl", f"{fixture}.ttl")
    assert not conforms
    assert any(SHAPE_CASES[fixture] in m for m in messages), messages


def test_every_instrument_shape_fixture_is_tested() -> None:
    on_disk = {p.stem for p in EVENTS.glob("shape-instrument-*.ttl")}
    assert on_disk == set(SHAPE_CASES)
