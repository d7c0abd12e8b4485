"""Ingesting a document already registered: the one error line says whether the text or the id
is taken (the same text under a new --id was told to "pass another --id", which it had done)."""

from __future__ import annotations

import pytest

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document
from tests.conftest import SOURCES


def test_the_same_text_under_a_new_id_is_named_as_the_same_text(data_copy, tmp_path) -> None:
    review = tmp_path / "review"
    with pytest.raises(KzmigError) as refused:
        ingest_document(SOURCES / "000_81b0946b00ba0bf2.txt", data_dir=data_copy,
                        review_dir=review, doc_id="a-new-id")
    message = str(refused.value)
    assert "already registered as document 'thesis'" in message
    assert "the same text, sha256 3e1dd5771166" in message and "nothing new to ingest" in message
    assert "pass another --id" not in message
    assert not review.exists()


def test_another_text_under_a_taken_id_is_asked_for_another_id(data_copy, tmp_path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Emigration to Russia\n\nIn 2021, 26,000 people emigrated to Russia.\n",
                    encoding="utf-8")
    with pytest.raises(KzmigError, match=r"'thesis' .*\(another text under that id\); pass "
                                          r"another --id"):
        ingest_document(note, data_dir=data_copy, review_dir=tmp_path / "review", doc_id="thesis")
