"""International agreements: the release against the thesis, the named queries agreements-*, the
record checks of the agreement kind and the shapes of ontology/shapes/agreements.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_organisations import EX as FIXTURE_ID
from .test_organisations import PREFIXES, named, passage_text, record_errors, shape_findings

KZELI = "https://w3id.org/kzmig/eli/kz/dogovor/"


def agreement(release, record_id: str) -> dict:
    rows = release.query(PREFIXES + """
        PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?id ?agr ?signed ?ratified ?effective ?status ?type ?scope ?count ?dateDocument
               (GROUP_CONCAT(DISTINCT ?partyCode; separator=" ") AS ?parties)
               (GROUP_CONCAT(DISTINCT ?actNumber; separator=" ") AS ?ratifiedBy)
               (GROUP_CONCAT(DISTINCT ?lines; separator=" ") AS ?lines)
        WHERE {
          ?agr a kzo:InternationalAgreement ; kzo:recordId ?id ;
               kzo:agreementStatus/skos:notation ?status ; kzo:agreementType/skos:notation ?type .
          OPTIONAL { ?agr kzo:agreementScope/skos:notation ?scope }
          OPTIONAL { ?agr kzo:dateSigned ?signed }
          OPTIONAL { ?agr kzo:dateRatified ?ratified }
          OPTIONAL { ?agr kzo:dateEffective ?effective }
          OPTIONAL { ?agr kzo:numberOfParties ?count }
          OPTIONAL { ?agr eli:date_document ?dateDocument }
          OPTIONAL { ?agr kzo:party/skos:notation ?partyCode }
          OPTIONAL { ?act kzo:ratifies ?agr ; eli:number ?actNumber }
          OPTIONAL { ?agr prov:wasDerivedFrom [ kzo:firstLine ?f ; kzo:lastLine ?l ]
                     BIND (CONCAT(STR(?f), "-", STR(?l)) AS ?lines) }
        } GROUP BY ?id ?agr ?signed ?ratified ?effective ?status ?type ?scope ?count ?dateDocument""",
                         id=record_id)
    assert len(rows) == 1, rows
    row = rows[0]
    row["parties"] = set(row["parties"].split())
    return row


def test_palermo_protocol_signed_2000_ratified_2008_by_law_37_iv(release) -> None:
    row = agreement(release, "agr-palermo-protocol-2000")
    assert (row["signed"], row["ratified"], row["status"]) == ("2000", "2008", "ratified")
    assert row["ratifiedBy"] == "37-IV"
    text = passage_text(row["lines"])
    assert "signed in 2000" in text and "ratified only in 2008" in text
    supplemented = release.query(PREFIXES + """
        SELECT ?id WHERE { ?p kzo:recordId "agr-palermo-protocol-2000" ;
                              kzo:supplements/kzo:recordId ?id }""")
    assert supplemented == [{"id": "agr-untoc-2000"}]


def test_agreements_with_uzbekistan(release) -> None:
    rows = {r["agreement"]: r for r in named(release, "agreements-with-country", country="UZB")}
    bilateral = rows[KZELI + "2013/agr-kz-uz-2013"]
    assert (bilateral["signed"], bilateral["ratified"], bilateral["ratifiedBy"], bilateral["via"]) \
        == ("2013", "2014", "201-V", "direct")
    assert "Law No." in passage_text(bilateral["lines"]) and "201-V" in passage_text(bilateral["lines"])
    visa_free = rows[KZELI + "1992/agr-cis-visa-free-1992"]
    assert visa_free["via"] == "CIS" and visa_free["status"] == "ratified"
    assert KZELI + "2006/agr-kz-kg-labour-2006" not in rows


def test_agreements_with_kyrgyzstan_include_the_1996_treaty_and_2006_agreement(release) -> None:
    rows = named(release, "agreements-with-country", country="KGZ")
    found = {(r["signed"], r["ratifiedBy"], r["via"]) for r in rows}
    assert ("1996-05", "1-I", "direct") in found
    assert ("2006", "187", "direct") in found
    dates = [r["signed"] or r["ratified"] or r["effective"] or "9999" for r in rows]
    assert dates == sorted(dates)


def test_joint_statement_of_12_june_2020_among_103_states(release) -> None:
    row = agreement(release, "agr-covid-statement-2020")
    assert (row["signed"], row["dateDocument"], row["count"], row["type"]) == \
        ("2020-06-12", "2020-06-12", 103, "joint-statement")
    assert "103 states" in passage_text(row["lines"]) and "12.06.2020" in passage_text(row["lines"])


def test_qatar_agreement_signed_14_february_2024(release) -> None:
    row = agreement(release, "agr-kz-qatar-2024")
    assert (row["signed"], row["status"], row["parties"]) == ("2024-02-14", "signed", {"KAZ", "QAT"})
    assert "February 14" in passage_text(row["lines"])


@pytest.mark.parametrize("record, status, other", [
    ("agr-korea-eps", "under-negotiation", "KOR"),
    ("agr-kz-uk-labour-planned", "planned", "GBR"),
    ("agr-kz-uk-2024", "reported", "GBR"),
    ("agr-kz-kor-visa-free", "reported", "KOR"),
])
def test_agreements_under_way_or_planned_in_2024_have_no_dates(release, record: str, status: str,
                                                                 other: str) -> None:
    row = agreement(release, record)
    assert row["status"] == status and row["parties"] == {"KAZ", other}
    assert (row["signed"], row["ratified"], row["effective"]) == (None, None, None)


def test_integration_treaty_of_may_1996(release) -> None:
    row = agreement(release, "agr-integration-1996")
    assert (row["signed"], row["ratifiedBy"]) == ("1996-05", "1-I")
    assert row["parties"] == {"KAZ", "BLR", "RUS", "KGZ"}
    assert "May 1996" in passage_text(row["lines"])


def test_ratifications_stated_in_the_thesis(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?id ?number WHERE { ?act kzo:ratifies ?a ; eli:number ?number . ?a kzo:recordId ?id }""")
    assert {(r["id"], r["number"]) for r in rows} >= {
        ("agr-economic-union-1993", "2586-XII"), ("agr-integration-1996", "1-I"),
        ("agr-eurasec-2000", "172"), ("agr-traffic-convention-1949", "100"),
        ("agr-kz-kg-labour-2006", "187"), ("agr-palermo-protocol-2000", "37-IV"),
        ("agr-kz-uz-2013", "201-V")}


def test_timeline_starts_with_the_cis_and_ends_with_the_undated(release) -> None:
    rows = named(release, "agreements-timeline")
    assert len(rows) == 18
    assert [r["agreement"].rsplit("/", 1)[-1] for r in rows[:3]] == [
        "agr-cis-1991", "agr-cis-visa-free-1992", "agr-economic-union-1993"]
    undated = [r for r in rows if not (r["signed"] or r["ratified"] or r["effective"])]
    assert rows[-len(undated):] == undated
    assert {r["status"] for r in undated} <= {"in-force", "not-stated", "planned",
                                              "under-negotiation", "reported"}


def test_every_agreement_is_an_eli_legal_resource(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?a WHERE { ?a a kzo:InternationalAgreement .
            FILTER NOT EXISTS { ?a a eli:LegalResource ;
                                   eli:type_document <https://w3id.org/kzmig/vocab/act-type/dogovor> } }""")
    assert rows == []


# ------------------------------------------------------------------ record checks

CASES = {
    "agr-ratified-before-signed.yaml": (8, "ratified", "ratified (2008) before it was signed (2013)"),
    "agr-planned-with-date.yaml": (8, "status", "status 'planned' but the record gives a signature"),
    "agr-ratified-by-wrong-status.yaml": (8, "status", "ratified_by names the ratifying act"),
    "agr-ratification-date-signed-status.yaml": (9, "status", "a ratification date is given"),
    "agr-bilateral-three-parties.yaml": (9, "parties", "a bilateral agreement has two parties"),
    "agr-supplements-itself.yaml": (7, "supplements", "cannot supplement itself"),
    "agr-ratified-before-independence.yaml": (8, "ratified", "before Kazakhstan's independence"),
    "agr-signed-in-the-future.yaml": (7, "signed", "signed in 2999, a year that has not come"),
}


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_agreement_record_is_reported(data_copy: Path, fixture: str) -> None:
    line, field, words = CASES[fixture]
    errors = record_errors(data_copy, fixture)
    assert any(e.line == line and e.field == field and words in e.message and e.hint
               for e in errors), [str(e) for e in errors]


# ------------------------------------------------------------------ shapes

FX = "https://w3id.org/kzmig/eli/kz/dogovor/2000/"


@pytest.fixture(scope="module")
def agr_findings() -> set[tuple[str, str, str]]:
    return shape_findings("agreements-bad.ttl", "agreements.ttl")


@pytest.mark.parametrize("focus, words", [
    (FIXTURE_ID + "agr-bad-iri", "ELI-style IRI"),
    (FX + "agr-no-title", "English title"),
    (FX + "agr-not-dogovor", "kzt:dogovor"),
    (FX + "agr-two-types", "exactly one type"),
    (FX + "agr-no-status", "exactly one status"),
    (FX + "agr-two-scopes", "bilateral or multilateral"),
    (FX + "agr-signed-as-text", "at most one signature date"),
    (FX + "agr-two-ratifications", "at most one ratification date"),
    (FX + "agr-effective-as-text", "at most one date of effect"),
    (FX + "agr-date-document-year", "eli:date_document is functional"),
    (FX + "agr-party-concept", "party to an agreement must be"),
    (FX + "agr-one-party-stated", "number of parties"),
    (FX + "agr-supplements-law", "only supplement another agreement"),
    (FX + "agr-unsourced", "passage(s) of the thesis that name it"),
])
def test_agreement_shape_fires(agr_findings, focus: str, words: str) -> None:
    assert any(f == focus and words in m for f, _v, m in agr_findings), \
        sorted(m for f, _v, m in agr_findings if f == focus)


@pytest.mark.parametrize("value, words", [
    ("agr-bilateral-three", "exactly two parties"),
    ("agr-bilateral-one", "exactly two parties"),
    ("agr-planned-dated", "planned agreement, or one under negotiation"),
    ("agr-ratified-but-signed", "An act ratifies this agreement"),
    ("agr-without-kazakhstan", "must list Kazakhstan"),
    ("agr-ratified-before-signed", "cannot be ratified"),
    ("agr-planned-effective", "planned agreement, or one under negotiation"),
    ("agr-negotiated-ratified", "planned agreement, or one under negotiation"),
    ("agr-negotiated-ratified", "An act ratifies this agreement"),
])
def test_agreement_consistency_rule_fires(agr_findings, value: str, words: str) -> None:
    assert any(v == FX + value and words in m for _f, v, m in agr_findings)


def test_valid_agreements_do_not_fire(agr_findings) -> None:
    quiet = {FX + "agr-ok", FX + "agr-status-not-stated"}
    assert not [(f, m) for f, v, m in agr_findings if f in quiet or v in quiet]
