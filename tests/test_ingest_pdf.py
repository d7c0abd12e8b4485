"""A PDF through ``ingest`` to drafts and ``review --accept``: its text layer is registered (the
locators count in the extracted text), its figures and citations drafted; an encrypted PDF with an
empty user password reads the same; one that needs a password is named in one line and leaves
neither drafts nor registrations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document
from kzmig_kg.loader.review import accept_drafts
from kzmig_kg.pipeline.passages import check_passages
from tests.conftest import SOURCES
from tests.test_extract import make_pdf

CLI = Path(sys.executable).with_name("kzmig-kg")
PAGES = [
    ["PRESS RELEASE", "", "ASTANA, 10 February 2022. In 2021, 26,717 people emigrated to Russia,",
     "and 3,138 went to Germany."],
    ["Departures are governed by the Law of the Republic of Kazakhstan No. 477-IV of",
     "22 July 2011 and by the Code on Administrative Offences (No. 235-V of 5 July 2014)."],
]


def _observations(draft) -> set[tuple]:
    return {(row["direction"], row["counterpart"], row["period"], row["value"]) for row in draft.observations}


def test_a_pdf_is_ingested_to_drafts_and_accepted_with_its_passages_located(tmp_path, data_copy):
    pdf = make_pdf(tmp_path / "release-2022.pdf", PAGES)
    review = tmp_path / "review"
    draft = ingest_document(pdf, data_dir=data_copy, review_dir=review, doc_id="pdf-2022")
    assert _observations(draft) == {("EMI", "country-RUS", "2021", 26717),
                                    ("EMI", "country-DEU", "2021", 3138)}
    assert [link["record"] for link in draft.links] == ["law-2011-477-IV"]
    assert [act["number"] for act in draft.acts] == ["235-V"]
    folder = review / "pdf-2022"
    [document] = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))["records"]
    assert document["file"] == "ingested/pdf-2022/release-2022.txt"
    assert document["description"].startswith("Text extracted from release-2022.pdf (sha256 ")
    assert document["date"] == "2022-02-10"
    text = (folder / "release-2022.txt").read_text(encoding="utf-8")
    assert "26,717 people emigrated to Russia" in text and "No. 477-IV" in text

    accept_drafts("pdf-2022", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert (data_copy / "ingested" / "pdf-2022" / "release-2022.txt").is_file()
    assert check_passages(data_copy, SOURCES) == []


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_an_encrypted_pdf_with_an_empty_password_is_ingested_like_the_plain_one(tmp_path, data_copy,
                                                                                algorithm):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", PAGES)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    locked = tmp_path / "protected.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    draft = ingest_document(locked, data_dir=data_copy, review_dir=tmp_path / "review", doc_id="enc")
    assert _observations(draft) == {("EMI", "country-RUS", "2021", 26717),
                                    ("EMI", "country-DEU", "2021", 3138)}


def test_a_pdf_that_needs_a_password_is_named_and_nothing_is_written(tmp_path, data_copy):
    locked = make_pdf(tmp_path / "locked.pdf", PAGES, user_password="secret")
    review = tmp_path / "review"
    with pytest.raises(KzmigError, match=r"locked\.pdf: is an encrypted PDF that needs a password"):
        ingest_document(locked, data_dir=data_copy, review_dir=review, doc_id="locked")
    assert not review.exists()
    done = subprocess.run([str(CLI), "ingest", str(locked), "--data", str(data_copy), "--review",
                           str(review)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert "locked.pdf" in line and "needs a password" in line and "qpdf --decrypt" in line
    assert not review.exists() and not (data_copy / "ingested").exists()
