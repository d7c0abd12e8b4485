"""A new document through ``ingest``, ``review --accept`` and ``build`` to a query that returns its
figure with its passage (in a copy of data/); conflicts flagged; nothing reaches data/ without
review; a failed ingest or accept leaves nothing behind."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document, record_period
from kzmig_kg.loader.review import accept_drafts, list_drafts
from kzmig_kg.pipeline.build import build_release
from kzmig_kg.pipeline.passages import check_passages
from tests.conftest import SOURCES, Release

CLI = Path(sys.executable).with_name("kzmig-kg")
NOTE = """Departures to Russia ease

ASTANA, 14 May 2022. In the first quarter of 2022, 2,915 people left Kazakhstan for Russia.

In 2021, 26,000 people emigrated to Russia, and 3,138 went to Germany.

Departures are governed by the Law of the Republic of Kazakhstan No. 477-IV of 22 July 2011 "On
Population Migration" and by the Code on Administrative Offences (No. 235-V of 5 July 2014).

Emigration to Russia rose by 6.3% in 2021 compared to 2020. Immigration from China fell by 50% in
2021 compared to 2020, to 249 people.
"""

OBSERVATIONS = """
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?value ?first ?sha WHERE {
  ?obs qb:dataSet <https://w3id.org/kzmig/id/dataset/ds-note-2022> ;
       sdmx-measure:obsValue ?value ; prov:wasDerivedFrom ?passage .
  ?passage oa:hasSource ?doc ; kzo:firstLine ?first . ?doc kzo:sha256 ?sha .
} ORDER BY ?value"""
CLAIMS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?claim ?stated ?first ?sha WHERE {
  ?claim a kzo:StatedClaim ; kzo:statedValue ?stated ; prov:wasDerivedFrom ?passage .
  ?passage oa:hasSource ?doc ; kzo:firstLine ?first . ?doc kzo:sha256 ?sha .
  FILTER(CONTAINS(STR(?claim), "/claim/claim-note-2022-"))
} ORDER BY ?stated"""


# a neighbour's own statistics: kept as Kyrgyzstan counted them (refArea KGZ, partner KAZ)
NEIGHBOUR = """Национальный статистический комитет Кыргызской Республики
Бишкек, 6 марта 2026 г.

Таблица 2. Миграционный обмен Кыргызской Республики с Республикой Казахстан (человек)
                                  2024      2025
Прибыло из Казахстана              263       228
Выбыло в Казахстан               1 108     1 020

В 2025 году из Казахстана прибыло на 13,3% меньше, чем годом ранее.
"""
REPORTED_BY = """
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?area ?partner ?flow ?value WHERE {
  ?obs qb:dataSet <https://w3id.org/kzmig/id/dataset/ds-kgz-nsc-2025> ; sdmx-dimension:refArea ?area ;
       kzo:counterpartArea ?partner ; kzo:flowDirection ?flow ; sdmx-measure:obsValue ?value .
} ORDER BY ?value"""
# the committee's stated change is Kyrgyzstan's too, and compares Kyrgyzstan's own counts
REPORTED_CLAIM = """
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?area ?partner ?stated ?base ?target WHERE {
  ?claim a kzo:StatedClaim ; sdmx-dimension:refArea ?area ; kzo:counterpartArea ?partner ;
         kzo:statedValue ?stated ; kzo:baseObservation/sdmx-measure:obsValue ?base ;
         kzo:targetObservation/sdmx-measure:obsValue ?target .
  FILTER(CONTAINS(STR(?claim), "/claim/claim-kgz-nsc-2025-"))
}"""


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


def test_a_document_goes_through_ingest_review_and_build_to_a_query(note, data_copy, tmp_path):
    review = tmp_path / "review"
    before = (data_copy / "documents.yaml").read_text(encoding="utf-8")
    draft = ingest_document(note, data_dir=data_copy, review_dir=review, doc_id="note-2022")
    assert (data_copy / "documents.yaml").read_text(encoding="utf-8") == before
    assert not (data_copy / "ingested").exists()            # nothing reaches data/ without review
    rows = {row["id"]: row for row in draft.observations}
    assert rows["note-2022-EMI-RUS-2022-01-to-2022-03"]["period"] == "2022-01--2022-03"
    assert "CONFLICT with bns23b-EMI-RUS-2021" in rows["note-2022-EMI-RUS-2021"]["note"]
    assert "agrees with bns23b-EMI-DEU-2021" in rows["note-2022-EMI-DEU-2021"]["note"]
    assert [link["record"] for link in draft.links] == ["law-2011-477-IV"]   # cited again: a passage
    assert [act["number"] for act in draft.acts] == ["235-V"]
    [pending] = list_drafts(review)
    assert pending.summary["document"]["date"] == "2022-05-14"
    assert pending.summary["document"]["genre"] == "news"

    accept_drafts("note-2022", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert not (review / "note-2022").exists()
    assert check_passages(data_copy, SOURCES) == []
    assert '"note-2022:7-8"' in (data_copy / "legal" / "acts.yaml").read_text(encoding="utf-8")
    bulletin = tmp_path / "kgz-nsc.txt"
    bulletin.write_text(NEIGHBOUR, encoding="utf-8")
    ingest_document(bulletin, data_dir=data_copy, review_dir=review, doc_id="kgz-nsc-2025")
    accept_drafts("kgz-nsc-2025", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)

    out = tmp_path / "dist"
    release = Release(out, build_release(data_copy, out, reason=False))
    kzc = "https://w3id.org/kzmig/code/"
    assert [(r["area"].removeprefix(kzc), r["partner"].removeprefix(kzc), r["flow"].rsplit("-")[-1],
             r["value"]) for r in release.query(REPORTED_BY)] == [
        ("country-KGZ", "country-KAZ", "IMM", 228), ("country-KGZ", "country-KAZ", "IMM", 263),
        ("country-KGZ", "country-KAZ", "EMI", 1020), ("country-KGZ", "country-KAZ", "EMI", 1108)]
    assert [(r["area"].removeprefix(kzc), r["partner"].removeprefix(kzc), float(r["stated"]), r["base"],
             r["target"]) for r in release.query(REPORTED_CLAIM)] == [
        ("country-KGZ", "country-KAZ", -13.3, 263, 228)]
    stated = (Path(__file__).parents[1] / "queries" / "stats-stated-changes.rq").read_text(encoding="utf-8")
    [kyrgyz] = [r for r in release.query(stated) if "/claim-kgz-nsc-2025-" in r["claim"]]
    assert (kyrgyz["country"], kyrgyz["base"], kyrgyz["target"], float(kyrgyz["computed"])) == \
        ("KAZ", 263, 228, -13.31)
    found = release.query(OBSERVATIONS)
    sha = draft.observations and pending.summary["document"]["sha256"]
    assert [(r["value"], r["first"], r["sha"]) for r in found] == \
        [(249, 11, sha), (2915, 3, sha), (3138, 5, sha), (26000, 5, sha)]
    # the changes the note states are published as claims, with their passages in the note
    claims = [(r["claim"].rsplit("/", 1)[-1], float(r["stated"]), r["first"], r["sha"])
              for r in release.query(CLAIMS)]
    assert claims == [("claim-note-2022-IMM-CHN-2021", -50.0, 11, sha),
                      ("claim-note-2022-EMI-RUS-2021", 6.3, 10, sha)]
    # a researcher reads the new figure with the note's own line, from the accepted copy in data/
    answer = subprocess.run(
        [str(CLI), "query", "flows-partner-series", "--param", "from=2021", "--param", "to=2021",
         "--passages", "--store", str(out / "store"), "--sources", str(SOURCES)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    assert "is not in" not in answer.stderr
    assert ("    lines 5-5 of ingested/note-2022/note.txt:\n"
            "      | In 2021, 26,000 people emigrated to Russia, and 3,138 went to Germany.") \
        in answer.stdout
    # the figure that conflicts with the graph's is named by the audit, beside the thesis's
    audit = subprocess.run(
        [str(CLI), "query", "stats-audit-conflicting-figures", "--format", "csv", "--passages",
         "--store", str(out / "store"), "--sources", str(SOURCES)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert audit.returncode == 0, audit.stderr
    [row] = [line for line in audit.stdout.splitlines() if "vs ds-note-2022" in line and ",RUS,2021," in line]
    assert ",EMI,RUS,2021,26717,26000,ds-bns-2023b-flows vs ds-note-2022," in row
    # both sides' passages: the thesis's lines and the note's
    [both] = [r["passage_text"] for r in csv.DictReader(io.StringIO(audit.stdout))
              if r["other"].endswith("/ds-note-2022/EMI/KAZ/RUS/total/2021")]
    assert "[lines 5-5] In 2021, 26,000 people emigrated to Russia" in both
    assert "[lines 519-523] " in both and "reaching 26,717 people." in both
    # every figure of the note, the first quarter's too, with its own line, the note named by title
    figures = subprocess.run(
        [str(CLI), "query", "flows-by-document", "--param", "document=Departures to Russia ease",
         "--format", "csv", "--passages", "--store", str(out / "store"), "--sources", str(SOURCES)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert figures.returncode == 0, figures.stderr
    rows = list(csv.DictReader(io.StringIO(figures.stdout)))
    assert [(r["measure"], r["partner"], r["period"], r["value"], r["passages"]) for r in rows] == [
        ("EMI", "DEU", "2021", "3138", "5"), ("EMI", "RUS", "2021", "26000", "5"),
        ("IMM", "CHN", "2021", "249", "11"), ("EMI", "RUS", "2022-01--2022-03", "2915", "3")]
    assert rows[-1]["passage_text"].startswith(
        "[lines 3-3] ASTANA, 14 May 2022. In the first quarter of 2022, 2,915 people left")
    # the annual series leaves the quarter out and shows the note's own line, not its title's
    series = subprocess.run(
        [str(CLI), "query", "stats-country-series", "--param", "country=RUS", "--param", "direction=EMI",
         "--format", "csv", "--passages", "--store", str(out / "store"), "--sources", str(SOURCES)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert series.returncode == 0, series.stderr
    years = {r["year"]: r for r in csv.DictReader(io.StringIO(series.stdout))}
    assert "2022" not in years and set(years["2021"]["passages"].split()) == {"5", "519-523"}
    assert "[lines 5-5] In 2021, 26,000 people" in years["2021"]["passage_text"]
    assert "Departures to Russia ease" not in years["2021"]["passage_text"]


def test_ingest_drafts_the_stated_changes_as_claims_and_flags_those_the_stored_figures_refute(
        note, data_copy, tmp_path):
    draft = ingest_document(note, data_dir=data_copy, review_dir=tmp_path / "review", doc_id="note-2022")
    claims = {c["id"]: c for c in draft.claims}
    russia = claims["claim-note-2022-EMI-RUS-2021"]
    assert (russia["claim"], russia["stated"], russia["period"], russia["base_period"],
            russia["counterpart"], russia["passages"]) == \
        ("percent-change", 6.3, "2021", "2020", "country-RUS", ["note-2022:10"])
    # 25,126 to 26,717 in the graph: +6.33%, within rounding of the stated 6.3%
    assert "agrees with bns23b-EMI-RUS-2021 and bns23b-EMI-RUS-2020" in russia["note"]
    china = claims["claim-note-2022-IMM-CHN-2021"]
    assert china["stated"] == -50
    # 1,553 to 249 in the graph: -83.97%, not the stated -50%
    assert "CONFLICT" in china["note"] and "-83.97%" in china["note"]
    assert any("-83.97%" in c for c in draft.conflicts)
    written = (tmp_path / "review" / "note-2022" / "claims.yaml").read_text(encoding="utf-8")
    assert "kind: stated-claim" in written and "claim-note-2022-IMM-CHN-2021" in written


def test_ingest_refuses_a_document_already_registered_and_leaves_nothing(data_copy, tmp_path):
    review = tmp_path / "review"
    with pytest.raises(KzmigError, match="already registered as document 'thesis'"):
        ingest_document(SOURCES / "000_81b0946b00ba0bf2.txt", data_dir=data_copy, review_dir=review,
                        doc_id="again")
    assert not review.exists()


def test_a_failed_ingest_prints_one_line_and_writes_no_drafts(tmp_path, data_copy):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\x00\x01binary")
    result = subprocess.run([CLI, "ingest", str(empty), "--data", str(data_copy), "--review",
                             str(tmp_path / "review")], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "review").exists()


def test_review_lists_the_drafts_and_an_accept_that_does_not_load_leaves_data_as_it_was(
        note, data_copy, tmp_path):
    review = tmp_path / "review"
    ingest_document(note, data_dir=data_copy, review_dir=review, doc_id="note-2022")
    listing = subprocess.run([CLI, "review", "--review", str(review)], capture_output=True, text=True,
                             check=True).stdout
    assert "cites law-2011-477-IV: line 7" in listing
    assert "observation note-2022-EMI-RUS-2021 = 26000: line 5 '26,000 people'" in listing
    assert "CONFLICT with bns23b-EMI-RUS-2021" in listing
    table = review / "note-2022" / "observations.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",EMI,", ",SIDEWAYS,", 1), encoding="utf-8")
    acts = (data_copy / "legal" / "acts.yaml").read_text(encoding="utf-8")
    with pytest.raises(KzmigError, match="SIDEWAYS"):
        accept_drafts("note-2022", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert (data_copy / "legal" / "acts.yaml").read_text(encoding="utf-8") == acts
    assert not (data_copy / "ingested").exists()
    assert "note-2022" not in (data_copy / "documents.yaml").read_text(encoding="utf-8")
    assert (review / "note-2022").is_dir()                   # the drafts wait to be corrected


@pytest.mark.parametrize(("period", "record"), [("2021", "2021"), ("2019/2021", "2019-2021"),
                                                ("2022-Q1", "2022-01--2022-03"),
                                                ("2023-H2", "2023-07--2023-12"),
                                                ("2023-9M", "2023-01--2023-09")])
def test_periods_become_record_periods(period, record):
    assert record_period(period) == record


def test_a_change_against_a_year_earlier_is_a_claim_on_the_same_period_of_the_year_before(tmp_path,
                                                                                          data_copy):
    path = tmp_path / "months.txt"
    path.write_text("АЛМАТЫ, 12 января 2024 года. За январь-ноябрь 2023 года из страны выехали 8,7 тыс. "
                    "человек, что на 20% меньше, чем годом ранее.\n", encoding="utf-8")
    draft = ingest_document(path, data_dir=data_copy, review_dir=tmp_path / "review", doc_id="months")
    [claim] = draft.claims
    assert (claim["stated"], claim["direction"], claim["period"], claim["base_period"]) == \
        (-20, "EMI", "2023-01--2023-11", "2022-01--2022-11")
    assert "'годом ранее'" in claim["note"] and "not compared" in claim["note"]
