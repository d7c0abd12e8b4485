"""Events against the document: dates at the precision the thesis gives and found in the passages,
OWL-Time times, links to acts, instruments and figures, the named queries, the SHACL shapes and
the record checks of the event kind (each with a fixture that makes it fire)."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kzmig_kg.errors import RecordErrors
from kzmig_kg.kinds.events import event_types
from kzmig_kg.paths import ONTOLOGY_DIR
from kzmig_kg.pipeline.records import read_records
from kzmig_kg.query.results import python_value
from kzmig_kg.query.run import run_query

from .conftest import FIXTURES, passage_text
from .prepared_shacl import validate_prepared

EVENTS = FIXTURES / "events"
EV = "https://w3id.org/kzmig/id/event/"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX kzc: <https://w3id.org/kzmig/code/>
"""


def named(release, name: str, **params: object) -> list[dict]:
    result = run_query(name, {k: str(v) for k, v in params.items()}, store=release.store)
    return [{k: python_value(v) for k, v in row.items()} for row in result.rows]


def local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def renderings(date: str, with_year: bool = True) -> list[str]:
    """Ways the thesis writes a date: 'January 1, 2022', '21 January 2012', 'September 2022'."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return [str(parts[0])]
    month = MONTHS[parts[1] - 1]
    if len(parts) == 2:
        return [f"{month} {parts[0]}"]
    year, day = parts[0], parts[2]
    if not with_year:
        return [f"{month} {day}", f"{day} {month}"]
    return [f"{month} {day}, {year}", f"{day} {month} {year}", f"{month} {day},{year}",
            f"{day:02d}.{parts[1]:02d}.{year}"]


# ------------------------------------------------------------------ the events of 2022

def test_2022_events_in_date_order(release) -> None:
    rows = named(release, "events-2022-in-order")
    by_day = [(r["date"], local(r["event"])) for r in rows if r["precision"] == "day"]
    assert by_day == [
        ("2022-01-01", "ev-2022-01-01-visa-free-restored"),
        ("2022-02-24", "ev-2022-02-24-war-ukraine"),
        ("2022-04-11", "ev-2022-04-11-land-borders-open"),
        ("2022-06-08", "ev-2022-06-08-pcr-requirement-ends"),
        ("2022-09-21", "ev-2022-09-21-russian-mobilisation"),
        ("2022-12-31", "ev-2022-12-31-visa-run-abolished"),
    ]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert all(r["year"] == 2022 and r["passages"] for r in rows)
    mobilisation = next(r for r in rows if r["event"].endswith("russian-mobilisation"))
    assert mobilisation["inferred"] is True  # "Since September 21": the year is inferred
    month = next(r for r in rows if r["precision"] == "month")
    assert (month["date"], local(month["event"])) == ("2022-09", "ev-2022-09-russian-influx")


def test_events_of_another_year_come_from_the_parameter(release) -> None:
    rows = named(release, "events-2022-in-order", year=2012)
    assert {local(r["event"]) for r in rows} == {"ev-2012-01-21-berkut-launched",
                                                "ev-2012-eurasian-economic-space"}


# ------------------------------------------------------------------ dates against the document

def _events(release) -> list[dict]:
    return release.query(PREFIXES + """
        SELECT ?event ?date ?precision ?inferred ?end
               (GROUP_CONCAT(CONCAT(STR(?first), "-", STR(?last)); separator=" ") AS ?lines)
        WHERE {
          ?event a kzo:Event ; kzo:eventDate ?date ; kzo:datePrecision ?precision ;
                 kzo:dateInferred ?inferred ; prov:wasDerivedFrom ?p .
          ?p kzo:firstLine ?first ; kzo:lastLine ?last .
          OPTIONAL { ?event time:hasTime/time:hasEnd ?e .
                     ?e time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear ?end }
        } GROUP BY ?event ?date ?precision ?inferred ?end""")


def _text_of(lines: str) -> str:
    return " ".join(passage_text(*map(int, span.split("-"))) for span in lines.split())


def test_every_stated_date_is_written_in_its_passages(release) -> None:
    events = _events(release)
    assert len(events) >= 30
    missing = []
    for event in events:
        text = _text_of(event["lines"])
        # an inferred date: only the stated part (day and month, or nothing) must be in the text
        if not event["inferred"] or event["precision"] == "day":
            wanted = renderings(event["date"], with_year=not event["inferred"])
            if not any(w in text for w in wanted):
                missing.append(f"{local(event['event'])}: none of {wanted}")
        if event["end"] and not any(w in text for w in renderings(event["end"])):
            missing.append(f"{local(event['event'])}: end {event['end']} not in its passages")
    assert not missing, "\n".join(missing)


def test_inferred_dates_say_how(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event ?note WHERE {
          ?event a kzo:Event ; kzo:dateInferred true .
          OPTIONAL { ?event skos:editorialNote ?note } }""")
    inferred = {local(r["event"]): r["note"] for r in rows}
    assert {"ev-2022-09-21-russian-mobilisation", "ev-2024-02-14-qatar-agreement",
            "ev-2024-crocus-attack", "ev-2023-gaza-conflict", "ev-2020-visa-free-suspended",
            "ev-2020-transitional-period"} <= set(inferred)
    assert all(inferred.values())
    assert "September 21" in inferred["ev-2022-09-21-russian-mobilisation"]
    assert "17 April 2024" in inferred["ev-2024-crocus-attack"]


def test_independence_keeps_the_year_the_thesis_gives(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?date ?precision WHERE {{
          <{EV}ev-1991-12-16-independence> kzo:eventDate ?date ; kzo:datePrecision ?precision }}""")
    assert rows == [{"date": "1991", "precision": "year"}]


# ------------------------------------------------------------------ OWL-Time

def test_every_event_has_one_owl_time_resource(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event (COUNT(DISTINCT ?time) AS ?n) WHERE {
          ?event a kzo:Event . OPTIONAL { ?event time:hasTime ?time } } GROUP BY ?event""")
    assert rows and all(r["n"] == 1 for r in rows)


@pytest.mark.parametrize("event, begin, end", [
    ("ev-2020-transitional-period", "2020", "2021-06-05"),
    ("ev-2022-09-russian-influx", "2022-09", "2023-01"),
    ("ev-2014-sanctions-oil-prices", "2014", "2016"),
])
def test_periods_are_owl_time_intervals(release, event: str, begin: str, end: str) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?begin ?end WHERE {{
          <{EV}{event}> time:hasTime ?t . ?t a time:ProperInterval ;
            time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?begin ;
            time:hasEnd/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?end }}""")
    assert rows == [{"begin": begin, "end": end}]


def test_a_day_is_an_instant_with_an_xsd_date(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {{
          <{EV}ev-2012-01-21-berkut-launched> time:hasTime ?t . ?t a time:Instant ;
            time:inXSDDate ?value }}""")
    assert rows == [{"value": "2012-01-21", "type": "http://www.w3.org/2001/XMLSchema#date"}]


def test_ongoing_periods_have_no_end(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event WHERE { ?event a kzo:Event ; time:hasTime ?t .
          ?t a time:ProperInterval . FILTER NOT EXISTS { ?t time:hasEnd ?e } }""")
    assert {local(r["event"]) for r in rows} >= {"ev-2020-covid-pandemic",
                                                 "ev-2022-02-24-war-ukraine"}


# ------------------------------------------------------------------ links

def test_berkut_was_introduced_on_2012_01_21_by_resolution_148(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?number ?instrument ?introduced WHERE {{
          <{EV}ev-2012-01-21-berkut-launched> kzo:relatedAct/eli:number ?number ;
              kzo:affectsInstrument ?instrument .
          ?instrument kzo:dateIntroduced ?introduced ; kzo:introducedBy/eli:number ?number }}""")
    assert [(r["number"], local(r["instrument"]), r["introduced"]) for r in rows] == [
        ("148", "inst-system-berkut", "2012-01-21")]
    assert "on 21 January 2012" in passage_text(274, 274) and "Berkut" in passage_text(274, 274)


def test_pandemic_border_measures_are_parts_of_the_pandemic(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?part WHERE {{ ?part kzo:partOfEvent <{EV}ev-2020-covid-pandemic> }}""")
    assert {local(r["part"]) for r in rows} == {
        "ev-2020-visa-free-suspended", "ev-2020-migration-services-restricted",
        "ev-2020-documents-kept-valid", "ev-2020-transitional-period",
        "ev-2020-transit-corridors", "ev-2022-04-11-land-borders-open",
        "ev-2022-06-08-pcr-requirement-ends"}


def test_suspension_and_restoration_affect_the_57_country_regime(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event ?instrument ?count WHERE {
          ?event kzo:affectsInstrument ?instrument .
          ?instrument a kzo:VisaRegime . OPTIONAL { ?instrument kzo:countryCount ?count }
          FILTER (CONTAINS(STR(?event), "visa-free")) }""")
    found = {(local(r["event"]), local(r["instrument"]), r["count"]) for r in rows}
    assert found == {
        ("ev-2020-visa-free-suspended", "inst-regime-visa-free-57", 57),
        ("ev-2020-visa-free-suspended", "inst-regime-transit-72h", None),
        ("ev-2022-01-01-visa-free-restored", "inst-regime-visa-free-57", 57)}
    assert "57 countries" in passage_text(490, 490) and "57 countries" in passage_text(904, 904)
    restored_by = release.query(PREFIXES + f"""
        SELECT ?number WHERE {{
          <{EV}ev-2022-01-01-visa-free-restored> kzo:relatedAct/eli:number ?number }}""")
    assert restored_by == [{"number": "286"}]


def test_pcr_requirement_ended_by_the_chief_sanitary_doctor(release) -> None:
    rows = release.query(PREFIXES + f"""
        SELECT ?number ?agent WHERE {{
          <{EV}ev-2022-06-08-pcr-requirement-ends> kzo:relatedAct/eli:number ?number ;
              prov:wasAssociatedWith ?agent }}""")
    assert [(r["number"], local(r["agent"])) for r in rows] == [("27", "chief-state-sanitary-doctor")]


def _figures(release, event: str) -> dict[str, float]:
    rows = release.query(PREFIXES + f"""
        SELECT ?id ?value WHERE {{
          <{EV}{event}> kzo:relatedStatistic ?figure . ?figure kzo:recordId ?id .
          {{ ?figure sdmx-measure:obsValue ?value }} UNION {{ ?figure kzo:statedValue ?value }} }}""")
    return {r["id"]: r["value"] for r in rows}


def test_event_figures_are_the_documents(release) -> None:
    mobilisation = _figures(release, "ev-2022-09-21-russian-mobilisation")
    assert mobilisation["mia22-departures-RUS-citizens-total"] == 205000
    assert sorted(v for k, v in mobilisation.items() if not k.endswith("total")) == \
        [19000, 37000, 46000, 47000]
    assert "205,000 Russian citizens" in passage_text(939, 939)
    sanctions = _figures(release, "ev-2014-sanctions-oil-prices")
    assert sanctions["wb-gdp-2014"] == pytest.approx(236.63e9)
    assert sanctions["wb-gdp-2016"] == pytest.approx(137.28e9)
    expo = _figures(release, "ev-2017-expo")
    assert expo["claim-imm-2016-2017"] == pytest.approx(13.38)
    crisis = _figures(release, "ev-2007-financial-crisis")
    assert crisis["bns23b-NET-2007"] == 10962 and crisis["claim-net-2006-2007"] == pytest.approx(-66.82)
    war = _figures(release, "ev-2022-02-24-war-ukraine")
    assert war["mia22-arrivals-RUS-2022"] == 2900000


def test_expert_mentions_carry_who_said_them(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event ?who ?place WHERE {
          ?event a kzo:Event ; kzo:statedBy ?who .
          OPTIONAL { ?event kzo:placeDescription ?place } }""")
    said = {(local(r["event"]), r["who"]) for r in rows}
    assert ("ev-2024-crocus-attack", "Expert C") in said
    assert ("ev-2023-gaza-conflict", "Expert E") in said
    assert "Crocus" in passage_text(1761, 1761)
    assert "Gaza" in passage_text(1747, 1747)
    assert {r["place"] for r in rows if r["event"].endswith("gaza-conflict")} == {"Gaza Strip"}


def test_events_are_prov_activities_and_schema_events(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT (COUNT(?e) AS ?all)
               (SUM(IF(EXISTS { ?e a prov:Activity } && EXISTS { ?e a <https://schema.org/Event> },
                       1, 0)) AS ?typed)
        WHERE { ?e a kzo:Event }""")
    assert rows[0]["all"] >= 30 and rows[0]["typed"] == rows[0]["all"]


def test_every_event_type_is_a_concept_of_the_scheme(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event WHERE { ?event a kzo:Event ; kzo:eventType ?type .
          FILTER NOT EXISTS { ?type skos:inScheme kzc:event-types ; skos:prefLabel ?l } }""")
    assert rows == []


def test_event_type_scheme_is_two_levels_with_labels() -> None:
    graph = Graph().parse(ONTOLOGY_DIR / "vocab" / "event-types.ttl")
    skos = "http://www.w3.org/2004/02/skos/core#"
    top = set(graph.subjects(URIRef(skos + "topConceptOf"), None))
    for concept in event_types().values():
        langs = {label.language for label in graph.objects(concept, URIRef(skos + "prefLabel"))}
        assert {"en", "ru"} <= langs, concept
        assert graph.value(concept, URIRef(skos + "definition")) is not None, concept
        broader = set(graph.objects(concept, URIRef(skos + "broader")))
        assert (concept in top) != bool(broader), concept
        assert broader <= top, concept


# ------------------------------------------------------------------ the timeline

def test_timeline_merges_events_acts_and_agreements(release) -> None:
    rows = named(release, "events-timeline", **{"from": 2022, "to": 2022})
    kinds = {r["kind"] for r in rows}
    assert {"event", "act"} <= kinds
    assert all(r["date"].startswith("2022") for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    numbers = {r["number"] for r in rows if r["kind"] == "act"}
    assert {"1146", "27", "961"} <= numbers
    earlier = named(release, "events-timeline", **{"from": 1991, "to": 1992})
    assert {local(r["item"]) for r in earlier} >= {"ev-1991-12-16-independence",
                                                   "ev-1991-cis-created", "agr-cis-1991"}


# ------------------------------------------------------------------ record checks

RECORD_CASES = {
    # fixture: (field, words the message must contain)
    "event-bad-id.yaml": ("id", "is not ev-<yyyy>[-mm[-dd]]-<slug>"),
    "event-id-date-clash.yaml": ("date", "contradicts the date in the id"),
    "event-ends-before-it-begins.yaml": ("end", "ends (2014) before it begins (2016)"),
    "event-ongoing-with-end.yaml": ("ongoing", "cannot be ongoing"),
    "event-inferred-without-note.yaml": ("date_inferred", "needs a note"),
    "event-part-of-itself.yaml": ("part_of", "cannot refer to itself in 'part_of'"),
    "event-related-to-itself.yaml": ("related_events", "cannot refer to itself in 'related_events'"),
}


def record_errors(tmp_path: Path, fixture: str) -> list:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(EVENTS / fixture, data / fixture)
    shutil.copy(EVENTS / "support-act.yaml", data / "support-act.yaml")
    with pytest.raises(RecordErrors) as caught:
        read_records(data)
    return [e for e in caught.value.errors if e.file.endswith(fixture)]


@pytest.mark.parametrize("fixture", sorted(RECORD_CASES))
def test_bad_event_record_is_reported(tmp_path: Path, fixture: str) -> None:
    field, words = RECORD_CASES[fixture]
    errors = record_errors(tmp_path, fixture)
    assert any(e.field == field and words in e.message and e.hint for e in errors), \
        [str(e) for e in errors]


# ------------------------------------------------------------------ SHACL shapes

SHAPE_CASES = {
    "shape-event-no-label": "An event needs an English title",
    "shape-event-two-types": "exactly one event type",
    "shape-event-type-outside-scheme": "An event type must be a concept of the scheme kzc:event-types",
    "shape-event-no-time": "exactly one OWL-Time time",
    "shape-event-bad-date-datatype": "exactly one date (kzo:eventDate)",
    "shape-event-bad-precision": "precision must be day, month or year",
    "shape-event-no-year": "exactly one year (kzo:year",
    "shape-event-no-inferred-flag": "whether its date is inferred",
    "shape-event-no-passage": "An event needs the passage(s)",
    "shape-event-act-not-legal-resource": "acts must be legal acts or international agreements",
    "shape-event-instrument-not-instrument": "instruments must be migration instruments",
    "shape-event-statistic-not-figure": "An event's statistics must be observations",
    "shape-event-place-not-country": "place must be a country or country grouping",
    "shape-event-part-of-non-event": "can only be part of another event",
    "shape-event-related-non-event": "related events must be events",
    "shape-event-year-mismatch": "kzo:year is not the year of its date",
    "shape-event-precision-mismatch": "precision does not match its date",
    "shape-event-instant-mismatch": "does not carry exactly its date",
    "shape-event-ends-before-begin": "period ends before it begins",
    "shape-event-inferred-without-note": "needs an editorial note",
}


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    for name in ("events", "instruments"):
        graph.parse(ONTOLOGY_DIR / "shapes" / f"{name}.ttl")
    return graph


def shacl_messages(*fixtures: str) -> tuple[bool, set[str]]:
    data = Graph()  # the fixtures assert the types the shapes look for; no ontology needed
    data.parse(ONTOLOGY_DIR / "vocab" / "event-types.ttl")
    for fixture in fixtures:
        data.parse(EVENTS / fixture)
    conforms, report, _ = validate_prepared(data, shacl_graph=shapes_graph(), inference="none",
                                   advanced=True, allow_warnings=True)
    return conforms, {str(report.value(r, SH.resultMessage))
                      for r in report.subjects(SH.resultSeverity, None)}


def test_shape_base_fixture_conforms() -> None:
    conforms, messages = shacl_messages("shapes-base.ttl")
    assert conforms, messages


@pytest.mark.parametrize("fixture", sorted(SHAPE_CASES))
def test_event_shape_fires(fixture: str) -> None:
    conforms, messages = shacl_messages("shapes-base.ttl", f"{fixture}.ttl")
    assert not conforms
    assert any(SHAPE_CASES[fixture] in m for m in messages), messages


@pytest.mark.parametrize("begin, end, fires", [
    ('"2020"^^xsd:gYear', '"2019-06-05"^^xsd:date', True),
    ('"2020-06"^^xsd:gYearMonth', '"2020-05-31"^^xsd:date', True),
    ('"2020-06-05"^^xsd:date', '"2020-06-04"^^xsd:date', True),
    ('"2021"^^xsd:gYear', '"2020-12"^^xsd:gYearMonth', True),
    ('"2020"^^xsd:gYear', '"2020-06-05"^^xsd:date', False),
    ('"2020-06-05"^^xsd:date', '"2020"^^xsd:gYear', False),
    ('"2020-06"^^xsd:gYearMonth', '"2020"^^xsd:gYear', False),
    ('"2020-06-05"^^xsd:date', '"2020-06-05"^^xsd:date', False),
    ('"2019-12-31"^^xsd:date', '"2020"^^xsd:gYear', False),
])
def test_period_order_compares_at_the_coarser_precision(begin: str, end: str, fires: bool) -> None:
    """A period ends before it begins when its end is earlier at the precision of the less precise
    date: 2020 to 2020-06-05 is fine, 2020-06 to 2020-05-31 is not."""
    text = (EVENTS / "shape-event-ends-before-begin.ttl").read_text(encoding="utf-8")
    kinds = {"xsd:date": "time:inXSDDate", "xsd:gYearMonth": "time:inXSDgYearMonth",
             "xsd:gYear": "time:inXSDgYear"}
    text = text.replace('time:inXSDgYear "2020"^^xsd:gYear', f"{kinds[begin.split('^^')[1]]} {begin}")
    text = text.replace('time:inXSDDate "2019-06-05"^^xsd:date', f"{kinds[end.split('^^')[1]]} {end}")
    data = Graph().parse(ONTOLOGY_DIR / "vocab" / "event-types.ttl").parse(EVENTS / "shapes-base.ttl")
    data.parse(data=text, format="turtle")
    _, report, _ = validate_prepared(data, shacl_graph=shapes_graph(), inference="none", advanced=True)
    messages = [str(m) for m in report.objects(None, SH.resultMessage)]
    assert any("period ends before it begins" in m for m in messages) == fires, messages


def test_every_event_shape_fixture_is_tested() -> None:
    on_disk = {p.stem for p in EVENTS.glob("shape-event-*.ttl")}
    assert on_disk == set(SHAPE_CASES)


def test_events_link_the_measures_that_carry_them_out(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?event ?measure ?instrument WHERE {
          ?event a kzo:Event ; kzo:relatedPolicy ?m ; kzo:affectsInstrument ?i .
          ?m a kzo:PolicyMeasure ; kzo:recordId ?measure ; kzo:concernsInstrument ?i .
          ?i kzo:recordId ?instrument }""")
    found = {(local(r["event"]), r["measure"], r["instrument"]) for r in rows}
    assert ("ev-2022-12-31-visa-run-abolished", "m-2022-visa-run-abolished",
            "inst-rule-90-in-180") in found
    assert ("ev-2020-visa-free-suspended", "m-2020-visa-free-suspension-57",
            "inst-regime-visa-free-57") in found
    assert ("ev-2012-01-21-berkut-launched", "m-2012-berkut-system", "inst-system-berkut") in found
