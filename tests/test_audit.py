"""The audit: every figure of the document that does not reconcile, with stated and computed."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.query.audit import audit
from kzmig_kg.query.named import QUERIES_DIR

from .conftest import FIXTURES

# (kind, indicator, country, year, stated, computed, passage): every contradiction of the document
KNOWN = [
    # chapter 1.3 implies 29,088 x 1.1089 = 32,256 emigrants in 2021; chapter 5 gives 26,717
    ("percent-change-contradicted", "EMI", None, 2021, 10.89, -8.15, "519-520"),
    # 26,717 -> 19,383 is -27.45%, not -25.14%; 19,383 -> 11,737 is -39.45%, not -33.35%
    ("percent-change-contradicted", "EMI", None, 2022, -25.14, -27.45, "916-918, 920-921"),
    ("percent-change-contradicted", "EMI", None, 2023, -33.35, -39.45, "918, 921-922"),
    # the 2021 national total of chapter 5 is the 2021 emigration to Russia of chapter 1.3 ...
    ("country-figure-as-total", "EMI", "RUS", 2021, 26717, 26717, "916-918"),
    # ... and the 2021 destinations of chapter 1.3 add up to more than it
    ("countries-exceed-total", "EMI", None, 2021, 26717, 31227, "916-918"),
    # 11,370 x 1.5785 = 17,948 immigrants minus 19,383 emigrants is -1,435, not -6,722
    ("net-balance-mismatch", "NET", None, 2022, -6722, -1435, "923-924"),
    # food 19, goods and services 14, non-food 11.9, paid services 9.1 average 13.5, not 91.97
    ("average-contradicted", "price-change", None, 2022, 91.97, 13.5, "946-951"),
    # 0.19% for 17,300 workers makes 31.9% about 2.9 million, above any quota (max 65,000 = 0.71%)
    ("share-implies-impossible-count", "foreign-workers-quota-share", None, 2019, 31.9, 0.71, "485-486"),
    # over 10,000 Bolashak specialists trained with about 3,000 scholarships
    ("part-exceeds-whole", "bolashak-specialists", None, 2018, 10000, 3000, "443-445"),
    # "significantly increased only from Uzbekistan" by 2004, while these grew too
    ("trend-contradicted", "IMM", "TKM", 2004, "no increase", 58.7, "198-199"),
    ("trend-contradicted", "IMM", "KGZ", 2004, "no increase", 56.13, "198-199, 203"),
    # Ukraine "began to rise in 2015", but chapter 1.2 states +3.62% for 2014
    ("trend-contradicted", "IMM", "UKR", 2014, "no increase", 3.62, "382-384"),
    # Kyrgyz inflow "increasing only in 2017 and 2020" (ch. 1.3) and "remained stable, increasing
    # only in 2023" (ch. 5), against +24.33% (2020), +20.65% (2021) and 561 -> 709 (2022, implied
    # by the stated +44.15% to 1,022 in 2023)
    ("trend-contradicted", "IMM", "KGZ", 2021, "no increase", 20.65, "374-375"),
    ("trend-contradicted", "IMM", "KGZ", 2020, "no increase", 24.33, "991-993"),
    ("trend-contradicted", "IMM", "KGZ", 2021, "no increase", 20.65, "991-993"),
    ("trend-contradicted", "IMM", "KGZ", 2022, "no increase", 26.38, "991-993"),
    # expulsions 11-12% (Expert G), but 12,000 expelled of 300,000 violators is 4%
    ("share-contradicted", "expulsions", None, 2024, 11.5, 4, "2690-2694, 2798-2806"),
    # an average of up to 30,000 Russian arrivals a day in 2022, but 2,900,000 in 365 days is 7,945
    ("daily-average-contradicted", "border-arrivals-per-day", "RUS", 2022, 30000, 7945, "929-932"),
    # students in Russia "increased annually" 2009-2019, yet the highest number was in 2018
    ("extreme-contradicted", "students-abroad", "RUS", 2019, 40000, None, "457-461"),
]


def _key(finding) -> tuple:
    return (finding.kind, finding.indicator, finding.country, finding.year, finding.stated,
            finding.computed)


def _full(finding) -> tuple:
    return (*_key(finding), finding.passage)


@pytest.fixture(scope="module")
def report(release):
    return audit(release.dir / "store")


def test_audit_finds_every_known_contradiction(report) -> None:
    """The full list, with the passage of each statement: nothing missing, nothing more."""
    assert sorted(map(_full, report.findings), key=repr) == sorted(KNOWN, key=repr)


def test_both_kyrgyz_statements_are_reported_with_their_passages(report) -> None:
    passages = sorted(f.passage for f in report.findings
                      if f.kind == "trend-contradicted" and f.country == "KGZ" and f.year == 2021)
    assert passages == ["374-375", "991-993"]
    details = {f.year: f.detail for f in report.findings
               if f.kind == "trend-contradicted" and f.country == "KGZ" and f.passage == "991-993"}
    assert details[2020] == "stated elsewhere as 24.33% (claim-imm-KGZ-2019-2020)"
    assert details[2022] == "561 in 2021 -> 709 (implied by claim-imm-KGZ-2022-2023)"


def test_findings_carry_the_passage_of_the_statement(report) -> None:
    by_key = {(f.kind, f.year): f for f in report.findings}
    assert by_key[("percent-change-contradicted", 2022)].passage == "916-918, 920-921"
    assert by_key[("net-balance-mismatch", 2022)].passage == "923-924"
    assert by_key[("average-contradicted", 2022)].passage == "946-951"
    assert "implied by 11370 and 57.85%" in by_key[("net-balance-mismatch", 2022)].detail
    assert by_key[("daily-average-contradicted", 2022)].detail == "2900000 in 365 days (2022) is 7945 a day"
    assert by_key[("share-contradicted", 2024)].detail == \
        "12000 of 300000 (migration-violations) is 4%, outside the stated 11-12%"
    assert "claim-students-RUS-2009-2019" in by_key[("extreme-contradicted", 2019)].detail
    assert all(f.passage for f in report.findings)


def test_chained_and_averaged_changes_reconcile(release) -> None:
    """Changes stated without the figure between them are recomputed through the implied figure
    (Tajikistan 269 + 82.53% = 491, + 30.14% = 639) and the Kyrgyz average of 23.79% from the
    stated, stored and implied yearly changes; they agree with the document, so nothing is found."""
    for name, expected in (("stats-audit-percent-chain", {
            "claim-imm-TJK-2022-2023": 30.14, "claim-imm-TKM-2022-2023": 84.2, "claim-emi-2007-2008": 6.72}),
            ("stats-audit-mean-change", {"claim-imm-KGZ-2019-2022-mean": 23.79})):
        text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
        everything = re.sub(r"\n  FILTER \(ABS\(\?stated - \?computed\) > [^\n]*\)\n", "\n", text)
        assert everything != text
        rows = release.query(everything)
        assert {r["subject"].rsplit("/", 1)[-1]: float(r["computed"]) for r in rows} == expected


def test_cli_json_has_one_object_per_finding(release) -> None:
    result = CliRunner().invoke(main, ["audit", "--format", "json", "--store",
                                       str(release.dir / "store")])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert len(findings) == len(KNOWN)
    for finding in findings:
        assert {"kind", "indicator", "country", "year", "stated", "computed", "passage"} <= set(finding)
        assert finding["country"] is None or re.fullmatch(r"[A-Z]{3}", finding["country"])
        assert isinstance(finding["year"], int) and isinstance(finding["passage"], str)
    assert {"country": "RUS", "stated": 26717, "computed": 26717, "year": 2021} .items() <= next(
        f for f in findings if f["kind"] == "country-figure-as-total").items()


def test_cli_table(release) -> None:
    result = CliRunner().invoke(main, ["audit", "--store", str(release.dir / "store")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    header = lines[0].split(" | ")
    assert header[:3] == ["kind".ljust(len(header[0])), *header[1:3]]
    assert "net-balance-mismatch" in result.output
    assert lines[-1].startswith(f"{len(KNOWN)} finding(s) from ")


def test_cli_without_a_store_fails_cleanly(tmp_path) -> None:
    result = CliRunner().invoke(main, ["audit", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "kzmig-kg build" in result.output


def test_checks_that_find_nothing_in_the_document_fire_on_added_figures(release) -> None:
    store = ox.Store()
    store.load(path=str(release.dir / "kzmig.nt"), format=ox.RdfFormat.N_TRIPLES)
    store.load(path=str(FIXTURES / "statistics" / "audit-additions.ttl"), format=ox.RdfFormat.TURTLE)
    added = {_key(f) for f in audit(store=store).findings} - {k[:6] for k in KNOWN}
    kinds = {k[0] for k in added}
    assert {"rank-contradicted", "extreme-contradicted", "conflicting-figures",
            "average-change-contradicted", "percent-change-contradicted",
            "trend-contradicted"} <= kinds, added
    # 269 + 82.53% = 491 in 2022; an added 700 for 2023 is +42.57% from there, not the stated 30.14%
    assert ("percent-change-contradicted", "IMM", "TJK", 2023, 30.14, 42.57) in added
    # an added fall of the students in Russia from 2015 to 2016 breaks the stated yearly rise
    assert ("trend-contradicted", "students-abroad", "RUS", 2016, "increase every year 2009-2019",
            -33.33) in added
    assert ("rank-contradicted", "IMM", "TKM", 2023, 3, 5) in added
    assert ("extreme-contradicted", "IMM", None, 2015, 11370, 100) in added
    assert ("conflicting-figures", "IMM", "UZB", 2005, 44648, 40000) in added \
        or ("conflicting-figures", "IMM", "UZB", 2005, 40000, 44648) in added
    mean = next(k for k in added if k[0] == "average-change-contradicted")
    assert mean[2:5] == ("KGZ", 2022, 23.79) and mean[5] == pytest.approx(35.14, abs=0.01)
