"""The curator's path after ``ingest``, as a new user walks it with documents of their own: an act
cited in full and then by its number alone is one act; a second document citing an act a first one
added adds its passage to that act's record as ingest wrote it; the date of a
cited act is not the document's date; the same text waiting for review is recognised; ``review
--reject`` drops one document's drafts and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document
from kzmig_kg.loader.review import _add_passage, accept_drafts, list_drafts, reject_drafts
from kzmig_kg.pipeline.passages import check_passages
from tests.conftest import SOURCES

CLI = Path(sys.executable).with_name("kzmig-kg")
# no dateline: the first date in the text is the date of the law it cites
LEGAL = """О правовом регулировании трудовой миграции

Основы миграционной политики установлены Законом Республики Казахстан от 22 июля 2011 года № 477-IV
«О миграции населения». Закон № 477-IV неоднократно изменялся.

Трудовые отношения с иностранными работниками регулируются Трудовым кодексом Республики Казахстан от
23 ноября 2015 года № 414-V. Согласно Кодексу № 414-V работодатель заключает письменный договор.
"""
AGAIN = """Комментарий к трудовому законодательству

Трудовой кодекс Республики Казахстан от 23 ноября 2015 года № 414-V вступил в силу с 1 января 2016 года.
"""
KYRGYZ = """Кыргызстан: внешняя трудовая миграция

БИШКЕК, 5 апреля 2023 года. Выезд граждан на работу за рубеж регулируется Законом Кыргызской
Республики от 13 января 2006 года № 4 «О внешней миграции». Закон Кыргызской Республики № 4
определяет права мигрантов.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_act_cited_in_full_then_by_its_number_alone_is_one_act(data_copy, tmp_path):
    review = tmp_path / "review"
    legal = ingest_document(_write(tmp_path, "legal.txt", LEGAL), data_dir=data_copy, review_dir=review)
    [code] = legal.acts
    assert (code["id"], code["date"], code["passages"]) == \
        ("code-2015-414-v", "2015-11-23", ["legal:6-7", "legal:7"])
    assert code["cited_as"] == ["Трудовым кодексом Республики Казахстан от 23 ноября 2015 года № 414-V",
                                "Кодексу № 414-V"]
    assert {link["record"] for link in legal.links} == {"law-2011-477-IV"}
    kyrgyz = ingest_document(_write(tmp_path, "kg.txt", KYRGYZ), data_dir=data_copy, review_dir=review)
    [law] = kyrgyz.foreign_acts
    assert (law["id"], law["jurisdiction"], law["passages"]) == ("kg-zakon-2006-4", "kg", ["kg:3-4", "kg:4"])
    assert len(law["cited_as"]) == 2
    # the first date of the legal text is its law's; the Kyrgyz item's dateline is its own date
    dates = {p.doc_id: p.summary["document"].get("date") for p in list_drafts(review)}
    assert dates == {"legal": None, "kg": "2023-04-05"}


def test_the_same_text_waiting_for_review_under_another_id_is_recognised(data_copy, tmp_path):
    review = tmp_path / "review"
    ingest_document(_write(tmp_path, "kg.txt", KYRGYZ), data_dir=data_copy, review_dir=review)
    with pytest.raises(KzmigError, match=r"already waits for review as 'kg' in .*review --reject kg"):
        ingest_document(_write(tmp_path, "copy.txt", KYRGYZ), data_dir=data_copy, review_dir=review,
                        doc_id="kg-again")
    assert sorted(p.name for p in review.iterdir()) == ["kg"]


def test_reject_drops_one_documents_drafts_and_refuses_an_id_that_is_a_path(data_copy, tmp_path):
    review = tmp_path / "review"
    ingest_document(_write(tmp_path, "kg.txt", KYRGYZ), data_dir=data_copy, review_dir=review)
    ingest_document(_write(tmp_path, "legal.txt", LEGAL), data_dir=data_copy, review_dir=review)
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "review.json").write_text("{}", encoding="utf-8")
    for bad in ("../keep", "legal/../kg", "missing"):
        with pytest.raises(KzmigError, match=r"waiting: kg, legal\)"):
            reject_drafts(bad, review_dir=review)
    assert (tmp_path / "keep" / "review.json").is_file()
    done = subprocess.run([str(CLI), "review", "--review", str(review), "--data", str(data_copy),
                           "--reject", "kg"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("kg rejected: ")
    assert [p.doc_id for p in list_drafts(review)] == ["legal"]
    assert not (data_copy / "ingested").exists()


def test_accept_adds_a_passage_to_an_act_whose_passages_are_listed_one_a_line(data_copy, tmp_path):
    # an act a first document added is written by ingest with one passage a line; a second document
    # citing it adds its passage there (accept copies the drafts verbatim into data/ingested/)
    review = tmp_path / "review"
    ingest_document(_write(tmp_path, "legal.txt", LEGAL), data_dir=data_copy, review_dir=review)
    acts = review / "legal" / "acts.yaml"
    _add_passage(acts, "code-2015-414-v", "again:3", shown=data_copy / "ingested/legal/acts.yaml")
    _add_passage(acts, "code-2015-414-v", "again:3", shown=data_copy / "ingested/legal/acts.yaml")
    [code] = yaml.safe_load(acts.read_text(encoding="utf-8"))["records"]
    assert code["passages"] == ["legal:6-7", "legal:7", "again:3"]
    with pytest.raises(KzmigError, match=r"^\S+/data/ingested/legal/acts.yaml: record law-x not found"):
        _add_passage(acts, "law-x", "again:3", shown=data_copy / "ingested/legal/acts.yaml")


def test_a_text_cut_in_the_middle_of_a_character_is_named_as_such_and_leaves_nothing(data_copy, tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_bytes("Арrivals\n".encode() + "Я".encode()[:1])
    review = tmp_path / "review"
    with pytest.raises(KzmigError, match=r"cut.txt: is not valid utf-8 text: it ends in the middle of a "
                                         r"character \(byte 0xd0 at offset 11, line 2\)"):
        ingest_document(cut, data_dir=data_copy, review_dir=review)
    assert not review.exists()


def test_accept_takes_the_drafts_as_the_curator_edited_them_and_refuses_a_broken_one(data_copy, tmp_path):
    # one accept (3-7 s under load: it maps every record on a copy of data/): the curator's edit must be
    # what reaches data/, not the evidence ingest listed
    review = tmp_path / "review"
    ingest_document(_write(tmp_path, "legal.txt", LEGAL), data_dir=data_copy, review_dir=review)
    links = review / "legal" / "links.yaml"
    links.write_text("links:\n- record: law-2011-477-IV\n  passage: [legal:3\n", encoding="utf-8")
    with pytest.raises(KzmigError, match=r"review/legal/links.yaml:4: not valid YAML .*accept again"):
        accept_drafts("legal", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    links.write_text("links:\n- record: law-2011-477-IV\n", encoding="utf-8")
    with pytest.raises(KzmigError, match=r"links.yaml: link 1: fields 'record' and 'passage' are needed"):
        accept_drafts("legal", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert not (data_copy / "ingested").exists()
    links.write_text("links: []\n", encoding="utf-8")   # the curator drops the citations of 477-IV
    acts = (data_copy / "legal" / "acts.yaml").read_text(encoding="utf-8")
    accept_drafts("legal", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert (data_copy / "legal" / "acts.yaml").read_text(encoding="utf-8") == acts
    assert "code-2015-414-v" in (data_copy / "ingested" / "legal" / "acts.yaml").read_text(encoding="utf-8")
    assert "- id: legal\n" in (data_copy / "documents.yaml").read_text(encoding="utf-8")
    assert check_passages(data_copy, SOURCES) == []
