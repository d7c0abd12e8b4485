"""The chain ingest -> review -> accept as a user runs it on documents the graph has not seen
(issue 16, round 10, part E), through the real CLI on a copy of data/:

- two documents that cite the same act the graph lacks, both ingested before either is accepted:
  the second accept was refused ("duplicate identifier"); the act is now one record with the
  passages of both;
- the same text saved with Windows line ends was ingested again as a new document (its figures
  doubled); it is now refused, whether the first copy is registered or waiting;
- a thesis figure derived from a stated change took a later document that repeats the figure as
  its input and its provenance; the claim's own document is now preferred;
- a code cited by its number alone ("Трудового кодекса ... № 414-V") was drafted as "Code No. 414-V";
  it now takes the title the jurisdiction scheme names it by;
- accepting a document again said "run kzmig-kg ingest DOC first"; it now says it was accepted;
- "over 12 thousand" was published as exactly 12000 and derived a thesis figure from; it is now
  qualified ``more-than`` and, a bound, derives nothing.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.pipeline.derive import derive_observations
from kzmig_kg.pipeline.records import read_records
from tests.conftest import DATA, SOURCES

# our own sentences; the act (Law No. 418-V on informatisation) is not among the graph's records
COMMENTARY = """Legal commentary: online registration of foreigners

ASTANA, 4 February 2026. Electronic notification of a foreigner's arrival rests on the Law of the
Republic of Kazakhstan No. 418-V of 24 November 2015 "On Informatisation".

Hosts who register guests online still answer under the general rules on the stay of foreigners.

Guests from Kyrgyzstan enter under the Law of the Kyrgyz Republic No. 160 of 24 July 2013.
"""
NEWS = """Departures fell last year

ALMATY, 2 March 2021. In 2020, 29,088 people left Kazakhstan, the statistics bureau said.

Over 12 thousand people settled in the country in 2020.

The e-government portal works under the Law of the Republic of Kazakhstan No. 418-V of 24 November
2015 "On Informatisation", which lets emigrants deregister online.

Its Kyrgyz counterpart is the Law of the Kyrgyz Republic No. 160 of 24 July 2013.
"""
ACT_ID = "law-2015-418-v"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both documents ingested into a copy of data/, then the news item accepted."""
    root = tmp_path_factory.mktemp("chain")
    data, review = root / "data", root / "review"
    shutil.copytree(DATA, data)
    paths = {}
    for name, text in (("commentary", COMMENTARY), ("news", NEWS)):
        paths[name] = root / f"{name}-2026.txt"
        paths[name].write_text(text, encoding="utf-8")
        _cli("ingest", str(paths[name]), "--id", name, "--data", str(data), "--review", str(review))
    _cli(
        "review", "--accept", "news", "--data", str(data), "--review", str(review), "--sources", str(SOURCES)
    )
    return {"data": data, "review": review, **paths}


def _act_records(data: Path, act_id: str) -> list[tuple[Path, dict]]:
    found = []
    for path in sorted(data.rglob("*.yaml")):
        top = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(top, dict) and top.get("kind") == "act":
            found += [(path, r) for r in top.get("records") or [] if r.get("id") == act_id]
    return found


def test_an_act_two_pending_documents_draft_is_one_record_with_both_passages(chain, tmp_path) -> None:
    data, review = tmp_path / "data", tmp_path / "review"
    shutil.copytree(chain["data"], data)
    shutil.copytree(chain["review"], review)
    # the commentary drafted the act as new while the news item, which drafted it too, waited
    assert [
        r["id"]
        for r in yaml.safe_load((review / "commentary" / "acts.yaml").read_text(encoding="utf-8"))["records"]
    ] == [ACT_ID]
    _cli(
        "review",
        "--accept",
        "commentary",
        "--data",
        str(data),
        "--review",
        str(review),
        "--sources",
        str(SOURCES),
    )
    held = _act_records(data, ACT_ID)
    assert len(held) == 1, held
    path, record = held[0]
    assert path == data / "ingested" / "news" / "acts.yaml"
    assert record["passages"] == ["news:7-8", "commentary:3-4"]
    assert not (data / "ingested" / "commentary" / "acts.yaml").exists()
    # an act of another state, drafted by both, is one jurisdiction-act the same way
    kyrgyz = yaml.safe_load(
        (data / "ingested" / "news" / "jurisdiction-acts.yaml").read_text(encoding="utf-8")
    )
    assert [(r["id"], r["passages"]) for r in kyrgyz["records"]] == [
        ("kg-zakon-2013-160", ["news:10", "commentary:8"])
    ]
    assert not (data / "ingested" / "commentary" / "jurisdiction-acts.yaml").exists()
    assert "every passage matches its document" in _cli(
        "passages", "--check", "--data", str(data), "--sources", str(SOURCES)
    )


def test_a_draft_act_with_the_id_of_another_held_act_is_refused_naming_both(chain, tmp_path) -> None:
    data, review = tmp_path / "data", tmp_path / "review"
    shutil.copytree(chain["data"], data)
    # another act under the same id: same year and number, another type's prefix
    other = tmp_path / "other.txt"
    other.write_text(NEWS.replace("2020, 29,088", "2020, 28,500").replace("418-V", "410-V"), encoding="utf-8")
    _cli("ingest", str(other), "--id", "other", "--data", str(data), "--review", str(review))
    drafted = review / "other" / "acts.yaml"
    drafted.write_text(
        drafted.read_text(encoding="utf-8").replace("law-2015-410-v", ACT_ID), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main,
        [
            "review",
            "--accept",
            "other",
            "--data",
            str(data),
            "--review",
            str(review),
            "--sources",
            str(SOURCES),
        ],
    )
    assert result.exit_code == 1
    assert f"{drafted}:4: field 'id': '{ACT_ID}' (law No. 410-V" in result.output
    assert "ingested/news/acts.yaml (law No. 418-V" in result.output
    assert "Traceback" not in result.output
    assert not (data / "ingested" / "other").exists()


def test_the_same_text_with_windows_line_ends_is_not_registered_twice(chain, tmp_path) -> None:
    windows = tmp_path / "news-saved-on-windows.txt"
    windows.write_bytes(chain["news"].read_bytes().replace(b"\n", b"\r\n"))
    result = CliRunner().invoke(
        main, ["ingest", str(windows), "--data", str(chain["data"]), "--review", str(tmp_path / "review")]
    )
    assert result.exit_code == 1
    assert "already registered as document 'news'" in result.output
    assert "line ends" in result.output
    assert not (tmp_path / "review").exists()


def test_the_same_text_with_windows_line_ends_waiting_for_review_is_refused(tmp_path) -> None:
    data, review = tmp_path / "data", tmp_path / "review"
    shutil.copytree(DATA, data)
    first = tmp_path / "bulletin.txt"
    first.write_text(NEWS.replace("418-V", "999-V"), encoding="utf-8")
    _cli("ingest", str(first), "--id", "bulletin", "--data", str(data), "--review", str(review))
    second = tmp_path / "bulletin-copy.txt"
    second.write_bytes(b"\xef\xbb\xbf" + first.read_bytes().replace(b"\n", b" \r\n"))
    result = CliRunner().invoke(main, ["ingest", str(second), "--data", str(data), "--review", str(review)])
    assert result.exit_code == 1
    assert "already waits for review as 'bulletin'" in result.output
    assert sorted(p.name for p in review.iterdir()) == ["bulletin"]


def test_a_figure_derived_from_a_thesis_claim_keeps_the_thesis_figure_as_input(chain) -> None:
    # the news item restates the thesis's 29,088 emigrants of 2020, from which the thesis's
    # "fell by 35.68% to 29,088" gives 2019; that derived figure rests on the thesis alone
    derived = {d.record.id: d for d in derive_observations(read_records(chain["data"]))}
    item = derived["derived-claim-emi-2019-2020"]
    assert item.source.id == "bns23b-EMI-2020"
    assert {p.document for p in item.record.get("passages")} == {"thesis"}


def test_a_figure_stated_as_a_bound_is_published_qualified_and_derives_nothing(chain) -> None:
    with open(chain["data"] / "ingested" / "news" / "observations.csv", encoding="utf-8") as table:
        rows = {row["id"]: row for row in csv.DictReader(table)}
    assert rows["news-IMM-TOTAL-2020"]["value"] == "12000"
    assert rows["news-IMM-TOTAL-2020"]["qualifier"] == "more-than"
    assert rows["news-EMI-TOTAL-2020"]["qualifier"] == ""
    records = read_records(chain["data"])
    stated = next(r for r in records.of_kind("observation") if r.id == "news-IMM-TOTAL-2020")
    assert stated.get("qualifier") == "more-than"
    # the thesis states immigration fell by 7.22% in 2020 but no 2020 figure: nothing to compute from
    assert "derived-claim-imm-2019-2020" not in {d.record.id for d in derive_observations(records)}


def test_a_code_cited_by_number_takes_the_title_its_scheme_names_it_by(tmp_path) -> None:
    note = tmp_path / "employer-note.txt"
    note.write_text(
        "Памятка работодателю\n\nАстана, 10 февраля 2026 года.\n\nТрудовой договор с иностранцем "
        "заключается по правилам Трудового кодекса Республики Казахстан от 23 ноября 2015 года "
        "№ 414-V ЗРК.\n",
        encoding="utf-8",
    )
    _cli("ingest", str(note), "--data", str(DATA), "--review", str(tmp_path / "review"))
    drafted = yaml.safe_load(
        (tmp_path / "review" / "employer-note" / "acts.yaml").read_text(encoding="utf-8")
    )
    [act] = drafted["records"]
    assert (act["id"], act["number"], act["date"]) == ("code-2015-414-v", "414-V", "2015-11-23")
    assert act["title"] == "Labour Code of the Republic of Kazakhstan"


def test_accepting_a_document_again_says_it_was_accepted(chain) -> None:
    result = CliRunner().invoke(
        main, ["review", "--accept", "news", "--data", str(chain["data"]), "--review", str(chain["review"])]
    )
    assert result.exit_code == 1
    assert "'news' was accepted already" in result.output and "Traceback" not in result.output
