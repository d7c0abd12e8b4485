"""The audit: every figure of the document that does not reconcile, with stated and computed."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kzmig_kg.audit import audit
from kzmig_kg.cli import main

from .conftest import FIXTURES

# (kind, indicator, country, year, stated, computed): the contradictions of the document
KNOWN = {
    # chapter 1.3 implies 29,088 x 1.1089 = 32,256 emigrants in 2021; chapter 5 gives 26,717
    ("percent-change-contradicted", "EMI", None, 2021, 10.89, -8.15),
    # 26,717 -> 19,383 is -27.45%, not -25.14%; 19,383 -> 11,737 is -39.45%, not -33.35%
    ("percent-change-contradicted", "EMI", None, 2022, -25.14, -27.45),
    ("percent-change-contradicted", "EMI", None, 2023, -33.35, -39.45),
    # the 2021 national total of chapter 5 is the 2021 emigration to Russia of chapter 1.3 ...
    ("country-figure-as-total", "EMI", "RUS", 2021, 26717, 26717),
    # ... and the 2021 destinations of chapter 1.3 add up to more than it
    ("countries-exceed-total", "EMI", None, 2021, 26717, 31227),
    # 11,370 x 1.5785 = 17,948 immigrants minus 19,383 emigrants is -1,435, not -6,722
    ("net-balance-mismatch", "NET", None, 2022, -6722, -1435),
    # food 19, goods and services 14, non-food 11.9, paid services 9.1 average 13.5, not 91.97
    ("average-contradicted", "price-change", None, 2022, 91.97, 13.5),
    # 0.19% for 17,300 workers makes 31.9% about 2.9 million, above any quota (max 65,000 = 0.71%)
    ("share-implies-impossible-count", "foreign-workers-quota-share", None, 2019, 31.9, 0.71),
    # over 10,000 Bolashak specialists trained with about 3,000 scholarships
    ("part-exceeds-whole", "bolashak-specialists", None, 2018, 10000, 3000),
    # "significantly increased only from Uzbekistan" by 2004, while these grew too
    ("trend-contradicted", "IMM", "TKM", 2004, "no increase", 58.7),
    ("trend-contradicted", "IMM", "KGZ", 2004, "no increase", 56.13),
    # Kyrgyz inflow "increasing only in 2017 and 2020" / "only in 2023", but +20.65% in 2021
    ("trend-contradicted", "IMM", "KGZ", 2021, "no increase", 20.65),
}


def _key(finding) -> tuple:
    return (finding.kind, finding.indicator, finding.country, finding.year, finding.stated,
            finding.computed)


@pytest.fixture(scope="module")
def report(release):
    return audit(release.dir / "store")


def test_audit_finds_every_known_contradiction(report) -> None:
    assert {_key(f) for f in report.findings} == KNOWN


def test_both_kyrgyz_statements_are_reported_with_their_passages(report) -> None:
    passages = sorted(f.passage for f in report.findings
                      if f.kind == "trend-contradicted" and f.country == "KGZ" and f.year == 2021)
    assert passages == ["374-375", "991-993"]


def test_findings_carry_the_passage_of_the_statement(report) -> None:
    by_key = {(f.kind, f.year): f for f in report.findings}
    assert by_key[("percent-change-contradicted", 2022)].passage == "916-918, 920-921"
    assert by_key[("net-balance-mismatch", 2022)].passage == "923-924"
    assert by_key[("average-contradicted", 2022)].passage == "946-951"
    assert "implied by 11370 and 57.85%" in by_key[("net-balance-mismatch", 2022)].detail
    assert all(f.passage for f in report.findings)


def test_cli_json_has_one_object_per_finding(release) -> None:
    result = CliRunner().invoke(main, ["audit", "--format", "json", "--store",
                                       str(release.dir / "store")])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert len(findings) == len(KNOWN) + 1  # KGZ 2021 is stated in two places
    for finding in findings:
        assert {"kind", "indicator", "country", "year", "stated", "computed", "passage"} <= set(finding)
    assert {"country": "RUS", "stated": 26717, "computed": 26717, "year": 2021} .items() <= next(
        f for f in findings if f["kind"] == "country-figure-as-total").items()


def test_cli_table(release) -> None:
    result = CliRunner().invoke(main, ["audit", "--store", str(release.dir / "store")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    header = lines[0].split(" | ")
    assert header[:3] == ["kind".ljust(len(header[0])), *header[1:3]]
    assert "net-balance-mismatch" in result.output
    assert lines[-1].startswith(f"{len(KNOWN) + 1} finding(s) from ")


def test_cli_without_a_store_fails_cleanly(tmp_path) -> None:
    result = CliRunner().invoke(main, ["audit", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "kzmig-kg build" in result.output


def test_checks_that_find_nothing_in_the_document_fire_on_added_figures(release) -> None:
    store = ox.Store()
    store.load(path=str(release.dir / "kzmig.nt"), format=ox.RdfFormat.N_TRIPLES)
    store.load(path=str(FIXTURES / "statistics" / "audit-additions.ttl"), format=ox.RdfFormat.TURTLE)
    added = {_key(f) for f in audit(store=store).findings} - KNOWN
    kinds = {k[0] for k in added}
    assert {"rank-contradicted", "extreme-contradicted", "conflicting-figures",
            "average-change-contradicted"} <= kinds, added
    assert ("rank-contradicted", "IMM", "TKM", 2023, 3, 5) in added
    assert ("extreme-contradicted", "IMM", None, 2015, 11370, 100) in added
    assert ("conflicting-figures", "IMM", "UZB", 2005, 44648, 40000) in added \
        or ("conflicting-figures", "IMM", "UZB", 2005, 40000, 44648) in added
    mean = next(k for k in added if k[0] == "average-change-contradicted")
    assert mean[2:5] == ("KGZ", 2022, 23.79) and mean[5] == pytest.approx(35.14, abs=0.01)
