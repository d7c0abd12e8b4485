"""A document that quotes an Adilet ID: the draft keeps the ID in its note (an ID enters the graph
only with the stored Adilet page that confirms it), so `review --accept` and `build` go through;
and `review --accept` refuses, leaving data/ as it was, a draft that the mapping rules refuse
(it used to accept the act and only the next build failed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document
from kzmig_kg.loader.review import accept_drafts
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records
from tests.conftest import SOURCES

ORDER = """Новые правила привлечения иностранной рабочей силы

Астана, 3 июля 2023 года. Порядок выдачи разрешений работодателям установлен приказом Министра
труда и социальной защиты населения Республики Казахстан от 12 июня 2023 года № 222 (V2300032792).
"""


@pytest.fixture
def order(tmp_path: Path) -> Path:
    path = tmp_path / "order.txt"
    path.write_text(ORDER, encoding="utf-8")
    return path


def test_a_quoted_adilet_id_goes_into_the_note_and_the_document_is_accepted(order, data_copy, tmp_path):
    review = tmp_path / "review"
    draft = ingest_document(order, data_dir=data_copy, review_dir=review, doc_id="order-2023")
    [act] = draft.acts
    assert (act["number"], act["date"]) == ("222", "2023-06-12")
    assert "adilet_id" not in act
    assert "Adilet ID V2300032792" in act["note"]
    accept_drafts("order-2023", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    accepted = yaml.safe_load((data_copy / "ingested" / "order-2023" / "acts.yaml").read_text(
        encoding="utf-8"))
    assert "V2300032792" in accepted["records"][0]["note"]
    build_graph(read_records(data_copy))   # what `kzmig-kg build` maps goes through


def test_accept_refuses_a_draft_the_mapping_rules_refuse_and_changes_nothing(order, data_copy,
                                                                           tmp_path):
    review = tmp_path / "review"
    ingest_document(order, data_dir=data_copy, review_dir=review, doc_id="order-2023")
    drafted = review / "order-2023" / "acts.yaml"
    document = yaml.safe_load(drafted.read_text(encoding="utf-8"))
    document["records"][0]["adilet_id"] = "V2300032792"    # a curator adds the ID without its page
    drafted.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    with pytest.raises(KzmigError, match="no Adilet page of document V2300032792"):
        accept_drafts("order-2023", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before
    assert drafted.is_file()                                   # the drafts wait for the fix
