"""Jurisdictions as data: a Kyrgyz legal text is recorded, extracted and published with
Kyrgyzstan's ELI jurisdiction and act types from data/jurisdictions/kg.yaml, with no code of its
own, and so are acts of the types only a scheme names (an Uzbek "ПП-" resolution, a maslikhat's
decision); a scheme or act that breaks the rules is refused naming file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.ingest import ingest_document
from kzmig_kg.loader.review import accept_drafts
from kzmig_kg.pipeline.graph import build_graph
from kzmig_kg.pipeline.records import read_records
from tests.conftest import ROOT, SOURCES

KYRGYZ = ROOT / "benchmarks" / "gold" / "ru-kgz-legal.txt"
ACTS = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?act ?jurisdiction ?label ?number ?first WHERE {
  ?act eli:jurisdiction ?jurisdiction ; eli:type_document ?type ; eli:number ?number ;
       prov:wasDerivedFrom ?passage .
  ?passage kzo:firstLine ?first .
  ?type skos:prefLabel ?label FILTER(lang(?label) = "en")
  FILTER(?jurisdiction != <http://publications.europa.eu/resource/authority/country/KAZ>)
} ORDER BY ?act"""


def test_a_kyrgyz_law_is_recorded_with_its_own_jurisdiction_and_types(data_copy, tmp_path):
    review = tmp_path / "review"
    # the Kyrgyz text, and after it acts of the types only a scheme names (one ingest, one build)
    note = _write(tmp_path / "kg-note.txt", KYRGYZ.read_text(encoding="utf-8") + NEW_TYPES_TEXT)
    draft = ingest_document(note, data_dir=data_copy, review_dir=review, doc_id="kg-note")
    assert [(a["jurisdiction"], a["act_type"], a["number"], a["date"]) for a in draft.foreign_acts] == \
        [("kg", "zakon", "98", "2008-05-23"), ("kg", "zakon", "160", "2013-07-24"),
         ("uz", "postanovlenie-prezidenta", "ПП-3666", "2018-04-13")]
    # the Kyrgyz laws are not recorded as acts of Kazakhstan; the maslikhat's decision is one
    assert [(a["act_type"], a["number"], a["date"]) for a in draft.acts] == \
        [("maslikhat-decision", "84/11", "2012-12-20")]
    # the Union's decision has no scheme (no state, no ISO code): listed as skipped, with the reason
    assert any("EAEU" in line and "№ 8" in line for line in draft.skipped), draft.skipped
    accept_drafts("kg-note", review_dir=review, data_dir=data_copy, sources_dir=SOURCES)
    graph = build_graph(read_records(data_copy))
    graph.default_union = True
    rows = [tuple(str(v) for v in row) for row in graph.query(ACTS)]
    kgz = "http://publications.europa.eu/resource/authority/country/KGZ"
    assert [row for row in rows if row[1] == kgz] == \
        [("https://w3id.org/kzmig/eli/kg/zakon/2008/98", kgz, "Law", "98", "7"),
         ("https://w3id.org/kzmig/eli/kg/zakon/2013/160", kgz, "Law", "160", "9")]
    rows = [tuple(str(v) for v in row) for row in graph.query(NEW_TYPES)]
    country = "http://publications.europa.eu/resource/authority/country/"
    assert rows == [(country + "UZB", "Resolution of the President", "ПП-3666", "2018-04-13", "11"),
                    (country + "KAZ", "Decision of a maslikhat", "84/11", "2012-12-20", "12")]
    scheme = URIRef("https://w3id.org/kzmig/code/jurisdiction/kg")
    assert (scheme, URIRef("http://www.w3.org/2004/02/skos/core#exactMatch"),
            URIRef(kgz)) in graph
    # a second document citing the same Kyrgyz laws, one by its number, one by its title alone: passages
    # of the acts recorded, not new acts
    again = tmp_path / "again.txt"
    again.write_text("Электронная виза введена Законом Кыргызской Республики от 24 июля 2013 года "
                     "№ 160. Безвизовый режим уточнён Законом Кыргызской Республики «О внесении изменений "
                     "и дополнений в Закон Кыргызской Республики \"О внешней миграции\"».\n",
                     encoding="utf-8")
    draft = ingest_document(again, data_dir=data_copy, review_dir=review, doc_id="kg-again")
    assert draft.foreign_acts == []
    assert [link["record"] for link in draft.links] == ["kg-zakon-2013-160", "kg-zakon-2008-98"]


NEW_TYPES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
SELECT ?jurisdiction ?label ?number ?date ?first WHERE {
  ?act eli:jurisdiction ?jurisdiction ; eli:type_document ?type ; eli:number ?number ;
       eli:date_document ?date ; prov:wasDerivedFrom ?passage .
  ?passage kzo:firstLine ?first .
  ?type skos:prefLabel ?label FILTER(lang(?label) = "en")
  FILTER(?number IN ("ПП-3666", "84/11"))
} ORDER BY ?first"""


# an Uzbek resolution of the President ("№ ПП-...") and a Kazakh maslikhat's decision: types of the
# tenth round, read from data/jurisdictions (uz.yaml, kz.yaml) with no code of their own; and a
# decision of the Eurasian Economic Commission
NEW_TYPES_TEXT = ("\nВ Узбекистане меры в сфере юстиции приняты постановлением Президента Республики "
                  "Узбекистан от 13 апреля 2018 года № ПП-3666.\n"
                  "Бюджет города Аксу утвержден решением Аксуского городского маслихата Павлодарской "
                  "области от 20 декабря 2012 года № 84/11.\n"
                  "Пошлины снижены Решением Совета Евразийской экономической комиссии от 13 января 2017 "
                  "года № 8.\n")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_act_type_the_jurisdiction_does_not_have_is_refused(data_copy):
    _write(data_copy / "jurisdictions" / "kg-acts.yaml",
           "kind: jurisdiction-act\nrecords:\n  - id: kg-x-2008-98\n    jurisdiction: kg\n"
           "    act_type: edict\n    number: '98'\n    date: '2008-05-23'\n    title: {en: Law No. 98}\n"
           "    effect: amended the law on external migration\n    passages: [\"1\"]\n")
    with pytest.raises(KzmigError, match=r"kg-acts\.yaml:5: act_type 'edict' is not a type of "
                                         r"jurisdiction 'kg'"):
        build_graph(read_records(data_copy))


def test_a_jurisdiction_id_must_be_an_eli_segment_and_its_code_iso(data_copy):
    _write(data_copy / "jurisdictions" / "uz.yaml",
           "kind: jurisdiction\nrecords:\n  - id: Uzbekistan\n    code: UZ\n    name: {en: Uzbekistan}\n")
    with pytest.raises(KzmigError) as error:
        read_records(data_copy)
    assert "uz.yaml:3: field 'id'" in str(error.value) and "uz.yaml:4: field 'code'" in str(error.value)


BAD = """
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix euc: <http://publications.europa.eu/resource/authority/country/> .
@prefix ex: <https://w3id.org/kzmig/id/fixture/> .
ex:untyped-act a eli:LegalResource ; eli:number "1", "2" ; eli:jurisdiction euc:KGZ, euc:UZB .
ex:unnamed-scheme a skos:ConceptScheme .
[] a skos:Concept .
"""


@pytest.mark.parametrize("words", ["exactly one act type", "one official number", "one jurisdiction",
                                   "needs a name", "stable IRI"])
def test_every_jurisdiction_shape_fires_on_its_fixture(words):
    from pyshacl import validate
    from rdflib import Graph

    from kzmig_kg.paths import ONTOLOGY_DIR

    conforms, _, text = validate(Graph().parse(data=BAD, format="turtle"),
                                 shacl_graph=Graph().parse(ONTOLOGY_DIR / "shapes" / "jurisdictions.ttl"),
                                 inference="none")
    assert not conforms and words in text


def test_a_scheme_pattern_that_is_no_regular_expression_is_refused(tmp_path, monkeypatch):
    schemes_dir = tmp_path / "data" / "jurisdictions"
    shutil.copytree(ROOT / "data" / "jurisdictions", schemes_dir)
    uz = schemes_dir / "uz.yaml"
    broken = uz.read_text(encoding="utf-8").replace('head_re: "law|', 'head_re: "(law|')
    uz.write_text(broken, encoding="utf-8")
    with pytest.raises(KzmigError, match=r"uz\.yaml:\d+: field 'act_types': act type zakon: head_re "
                                         r"'\(law\|.*' is not a regular expression"):
        read_records(tmp_path / "data")
    # the loader reads the schemes itself when it first reads a citation: the same fault, one line
    from kzmig_kg.loader.extract import schemes
    monkeypatch.setattr(schemes, "JURISDICTION_SCHEMES", schemes_dir)
    schemes._read_schemes.cache_clear()
    try:
        with pytest.raises(KzmigError, match=r"uz\.yaml: act type zakon head_re: '\(law\|.*' is not a "):
            schemes.type_from_schemes("Закон", None, "ЗРУ-534", "UZB")
    finally:
        monkeypatch.undo()
        schemes._read_schemes.cache_clear()


def test_a_type_issued_by_a_body_the_scheme_does_not_have_is_refused(tmp_path):
    schemes_dir = tmp_path / "data" / "jurisdictions"
    shutil.copytree(ROOT / "data" / "jurisdictions", schemes_dir)
    uz = schemes_dir / "uz.yaml"
    uz.write_text(uz.read_text(encoding="utf-8").replace("issued_by: president,", "issued_by: king,", 1),
                  encoding="utf-8")
    with pytest.raises(KzmigError, match=r"uz\.yaml:\d+: field 'act_types': act type ukaz: issued_by 'king' "
                                         r"is not one of the scheme's issuers"):
        read_records(tmp_path / "data")
