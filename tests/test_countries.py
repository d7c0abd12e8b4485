"""Countries and groupings (the kzc:countries code list): every country the thesis names, its
codes and links, the groupings' members, the record checks of the country kinds and the shapes of
ontology/shapes/countries.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import thesis_lines
from .test_organisations import PREFIXES, passage_text, record_errors, shape_findings

KZC = "https://w3id.org/kzmig/code/"

# every state the thesis names (English name as the thesis writes it -> ISO 3166-1 alpha-3)
NAMED = {
    "Kazakhstan": "KAZ", "Russia": "RUS", "Ukraine": "UKR", "Belarus": "BLR", "Uzbekistan": "UZB",
    "Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Turkmenistan": "TKM", "Mongolia": "MNG",
    "China": "CHN", "Germany": "DEU", "Israel": "ISR", "United States": "USA", "Canada": "CAN",
    "South Korea": "KOR", "Japan": "JPN", "Afghanistan": "AFG", "United Kingdom": "GBR",
    "Ireland": "IRL", "India": "IND", "Turkey": "TUR", "Poland": "POL", "Italy": "ITA",
    "Pakistan": "PAK", "Thailand": "THA", "Czech Republic": "CZE", "Qatar": "QAT", "UAE": "ARE",
    "Egypt": "EGY", "Georgia": "GEO", "Azerbaijan": "AZE", "Iran": "IRN", "Vietnam": "VNM",
    "Spain": "ESP", "USSR": "SUN",
}
# Wikidata QIDs, each checked against a public QID-to-ISO table (see data/countries/countries.yaml)
QIDS = {
    "KAZ": "Q232", "RUS": "Q159", "UKR": "Q212", "BLR": "Q184", "UZB": "Q265", "KGZ": "Q813",
    "TJK": "Q863", "TKM": "Q874", "MNG": "Q711", "CHN": "Q148", "DEU": "Q183", "ISR": "Q801",
    "USA": "Q30", "CAN": "Q16", "KOR": "Q884", "JPN": "Q17", "AFG": "Q889", "GBR": "Q145",
    "IRL": "Q27", "IND": "Q668", "TUR": "Q43", "POL": "Q36", "ITA": "Q38", "PAK": "Q843",
    "THA": "Q869", "CZE": "Q213", "QAT": "Q846", "ARE": "Q878", "EGY": "Q79", "GEO": "Q230",
    "AZE": "Q227", "IRN": "Q794", "VNM": "Q881", "ESP": "Q29", "SUN": "Q15180",
}


@pytest.fixture(scope="module")
def countries(release) -> dict[str, dict]:
    rows = release.query(PREFIXES + """
        SELECT ?code ?en ?ru ?kk ?eu ?wd ?historical
               (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?alts)
               (GROUP_CONCAT(DISTINCT ?lines; separator=" ") AS ?lines) WHERE {
          ?c a kzo:Country ; skos:inScheme kzc:countries ; skos:notation ?code ;
             skos:prefLabel ?en , ?ru , ?kk .
          FILTER (lang(?en) = "en" && lang(?ru) = "ru" && lang(?kk) = "kk")
          OPTIONAL { ?c skos:altLabel ?alt }
          OPTIONAL { ?c skos:exactMatch ?eu . FILTER STRSTARTS(STR(?eu), "http://publications.europa.eu/") }
          OPTIONAL { ?c skos:exactMatch ?wd . FILTER STRSTARTS(STR(?wd), "http://www.wikidata.org/") }
          OPTIONAL { ?c kzo:historicalCountry ?historical }
          OPTIONAL { ?c prov:wasDerivedFrom [ kzo:firstLine ?f ; kzo:lastLine ?l ]
                     BIND (CONCAT(STR(?f), "-", STR(?l)) AS ?lines) }
        } GROUP BY ?code ?en ?ru ?kk ?eu ?wd ?historical""")
    return {r["code"]: r for r in rows}


def test_every_country_the_thesis_names_is_in_the_code_list(countries) -> None:
    text = " ".join(thesis_lines())
    for name in NAMED:
        assert name in text, f"{name} is not in the thesis"
    assert set(countries) == set(NAMED.values())


def test_each_country_passage_names_it(countries) -> None:
    for code, row in countries.items():
        names = [row["en"], *(row["alts"] or "").split("|")]
        text = passage_text(row["lines"]).lower()
        assert any(n and n.lower() in text for n in names), (code, names, row["lines"])


def test_links_to_the_eu_authority_and_verified_wikidata(countries) -> None:
    for code, row in countries.items():
        expected_eu = None if code == "SUN" else \
            f"http://publications.europa.eu/resource/authority/country/{code}"
        assert row["eu"] == expected_eu, code
        assert row["wd"] == f"http://www.wikidata.org/entity/{QIDS[code]}", code


def test_the_ussr_is_historical(countries) -> None:
    assert countries["SUN"]["historical"] is True
    assert all(row["historical"] is None for code, row in countries.items() if code != "SUN")


def members(release, group: str) -> set[str]:
    rows = release.query(PREFIXES + """
        SELECT ?g ?code WHERE { ?group skos:notation ?g ; kzo:hasMemberCountry/skos:notation ?code }""",
                         g=group)
    return {r["code"] for r in rows}


def test_groupings_have_the_members_the_thesis_implies(release) -> None:
    assert members(release, "CENTRAL-ASIA") == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert members(release, "SOUTH-ASIA") == {"IND", "PAK"}
    assert members(release, "SOUTH-EAST-ASIA") == {"THA", "VNM"}
    assert members(release, "GBR-IRL") == {"GBR", "IRL"}
    assert {"KAZ", "UZB"} <= members(release, "CIS")
    assert {"KAZ", "BLR", "RUS"} <= members(release, "EAEU")
    assert members(release, "OTHER") == set()


def test_groupings_point_to_their_organisation(release) -> None:
    rows = release.query(PREFIXES + """
        SELECT ?g ?id WHERE { ?group a kzo:CountryGroup ; skos:notation ?g ;
                                     kzo:groupOrganisation/kzo:recordId ?id }""")
    assert {(r["g"], r["id"]) for r in rows} == {("CIS", "cis"), ("EAEU", "eaeu"),
                                                 ("EURASEC", "eurasec"), ("OECD", "oecd")}


# ------------------------------------------------------------------ record checks

CASES = {
    "country-bad-alpha3.yaml": (4, "alpha3", "'UZ' is not an ISO 3166-1 alpha-3 code"),
    "country-id-mismatch.yaml": (3, "id", "does not match alpha3 'ABC'"),
    "country-bad-qid.yaml": (6, "wikidata", "'265' is not a Wikidata QID"),
    "group-bad-id.yaml": (3, "id", "must look like group-XXX"),
    "group-bad-qid.yaml": (6, "close_match_wikidata", "'X15180' is not a Wikidata QID"),
}


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_country_record_is_reported(data_copy: Path, fixture: str) -> None:
    line, field, words = CASES[fixture]
    errors = record_errors(data_copy, fixture)
    assert any(e.line == line and e.field == field and words in e.message and e.hint
               for e in errors), [str(e) for e in errors]


# ------------------------------------------------------------------ shapes

@pytest.fixture(scope="module")
def country_findings() -> set[tuple[str, str, str]]:
    return shape_findings("countries-bad.ttl", "countries.ttl")


@pytest.mark.parametrize("focus, words", [
    ("country-BBB", "Russian skos:prefLabel"),
    ("country-CCC", "Kazakh skos:prefLabel"),
    ("country-DDD", "at most one skos:exactMatch to the EU"),
    ("country-FFF", "single true or false"),
    ("group-BAD-EXACT", "not the same thing as an external concept"),
    ("group-BAD-ORG", "at most one organisation behind it"),
    ("group-BAD-MEMBER", "members must be countries"),
])
def test_country_shape_fires(country_findings, focus: str, words: str) -> None:
    assert any(f == KZC + focus and words in m for f, _v, m in country_findings), \
        sorted(m for f, _v, m in country_findings if f == KZC + focus)


def test_current_country_without_eu_link_fires_but_historical_does_not(country_findings) -> None:
    flagged = {v for f, v, m in country_findings if f == KZC + "countries"}
    assert KZC + "country-EEE" in flagged
    assert KZC + "country-SUN" not in flagged and KZC + "country-AAA" not in flagged


def test_valid_countries_do_not_fire(country_findings) -> None:
    assert not [(f, m) for f, v, m in country_findings
                if f in (KZC + "country-AAA", KZC + "country-SUN")]
