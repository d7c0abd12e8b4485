"""Links to other legal knowledge bases carry their evidence: every act with an Adilet
identifier (eli:id_local) either names the stored Adilet page that confirms it (kzo:confirmedBy
an external evidence record with the page's address) or says in its note that none does."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzmig_kg.errors import RecordErrors
from kzmig_kg.pipeline.records import read_records

PREFIXES = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def test_law_477_iv_adilet_id_is_confirmed_by_its_adilet_page(release) -> None:
    rows = release.query(PREFIXES + """SELECT ?id ?url WHERE {
        ?act eli:number "477-IV" ; eli:id_local ?id ; kzo:confirmedBy ?page .
        ?page a kzo:ExternalEvidence ; schema:url ?url }""")
    assert rows == [{"id": "Z1100000477",
                     "url": "https://adilet.zan.kz/eng/docs/Z1100000477/compare/rus"}]


def test_every_adilet_id_has_evidence_or_says_it_has_none(release) -> None:
    rows = release.query(PREFIXES + """SELECT ?act ?id ?url ?note WHERE {
        ?act eli:id_local ?id .
        OPTIONAL { ?act kzo:confirmedBy/schema:url ?url }
        OPTIONAL { ?act skos:editorialNote ?note } }""")
    assert len({r["act"] for r in rows}) >= 2
    for row in rows:
        if row.get("url") is not None:
            assert f"/docs/{row['id']}" in str(row["url"]), row
        else:
            assert "No stored Adilet page" in str(row.get("note")), row


def test_evidence_needs_an_https_address(data_copy: Path) -> None:
    path = data_copy / "sources" / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("url: https://adilet", "url: http://adilet"), encoding="utf-8")
    with pytest.raises(RecordErrors, match=r"sources/evidence.yaml:\d+: field 'url': .* not an https"):
        read_records(data_copy)
