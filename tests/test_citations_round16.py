"""Codes and laws named by title alone take their number, date, type, issuer and state from the
jurisdiction schemes' ``named_acts`` (issue 16, eleventh round, second part: benchmarks/gold/
README.md, "Codes and laws named by title: their numbers as data (second part)").

Every number and date is the schemes' (data/jurisdictions/kz.yaml and ru.yaml), each confirmed there
by the pages it names: the Labour Code No. 414-V of 23 November 2015 (adilet.zan.kz K1500000414), the
Code of Administrative Offences No. 235-V of 5 July 2014, the Criminal Code No. 226-V of 3 July 2014
(K1400000226), the Criminal Procedure Code No. 231-V of 4 July 2014 (K1400000231), the Social Code
No. 224-VII of 20 April 2023, the Entrepreneurial Code No. 375-V of 29 October 2015 (K1500000375), the
Constitution of 30 August 1995, the laws No. 477-IV of 22 July 2011 (population migration), No. 2337
of 19 June 1995 (legal status of foreigners), No. 216-IV of 4 December 2009 (refugees); Russia's
Labour Code No. 197-ФЗ of 30 December 2001; Uzbekistan's Labour Code, approved by Law No. ЗРУ-798 of
28 October 2022 (data/jurisdictions/uz.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.extract.citations import find_citations

LABOUR = ("code", "414-V", "2015-11-23", "KAZ")
OFFENCES = ("code", "235-V", "2014-07-05", "KAZ")
MIGRATION = ("law", "477-IV", "2011-07-22", "KAZ")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Согласно статье 5 Трудового кодекса работодатель обязан заключить договор.", LABOUR,
                 id="ru-genitive"),
    pytest.param("Трудовой кодекс запрещает дискриминацию.", LABOUR, id="ru-nominative"),
    pytest.param("Employment contracts are concluded in writing, as the Labour Code requires.", LABOUR,
                 id="en"),
    pytest.param("ҚР Еңбек кодексінің 26-бабына сәйкес шарт жазбаша жасалады.", LABOUR, id="kk-genitive"),
    pytest.param("Жұмыс беруші Еңбек кодексін сақтауға міндетті.", LABOUR, id="kk-accusative"),
    pytest.param("Нарушение наказывается Кодексом об административных правонарушениях.", OFFENCES,
                 id="ru-instrumental"),
    pytest.param("Overstaying is fined under the Code of Administrative Offences.", OFFENCES,
                 id="en-code-of"),
    pytest.param("Әкімшілік құқық бұзушылық туралы кодексінің 517-бабы айыппұл белгілейді.", OFFENCES,
                 id="kk-offences"),
    pytest.param("«Халықтың көші-қоны туралы» Қазақстан Республикасының Заңына сәйкес квота белгіленеді.",
                 MIGRATION, id="kk-law-title"),
    pytest.param("Выплаты предусмотрены Законом Республики Казахстан «О миграции населения».", MIGRATION,
                 id="ru-law-title"),
    pytest.param("Employers need predictable rules, and the Law on Population Migration gives them one.",
                 MIGRATION, id="en-law-title"),
    pytest.param("Дело передано по правилам Уголовно-процессуального кодекса.",
                 ("code", "231-V", "2014-07-04", "KAZ"), id="ru-criminal-procedure"),
    pytest.param("Незаконная миграция — преступление по статье 394 Уголовного кодекса.",
                 ("code", "226-V", "2014-07-03", "KAZ"), id="ru-criminal"),
    pytest.param("The Social Code introduced the Ata Zholy card.", ("code", "224-VII", "2023-04-20", "KAZ"),
                 id="en-social"),
    pytest.param("Проверки ограничены Предпринимательским кодексом.", ("code", "375-V", "2015-10-29", "KAZ"),
                 id="ru-entrepreneurial"),
    pytest.param("Foreigners' rights follow the Law on the Legal Status of Foreigners.",
                 ("law", "2337", "1995-06-19", "KAZ"), id="en-foreigners"),
    pytest.param("Конституция Республики Казахстан гарантирует права иностранцев.",
                 ("constitution", None, "1995-08-30", "KAZ"), id="ru-constitution"),
    pytest.param("Работодатель нарушил Трудовой кодекс Российской Федерации.",
                 ("code", "197-ФЗ", "2001-12-30", "RUS"), id="ru-russias-labour-code"),
    pytest.param("Мигранты работают по правилам, которые даёт Трудовой кодекс Республики Узбекистан.",
                 ("code", "ЗРУ-798", "2022-10-28", "UZB"), id="ru-uzbekistans-labour-code"),
])
def test_a_code_or_law_named_by_title_takes_its_number_and_date(text, expected) -> None:
    found = find_citations(text)
    assert [(c.act_type, c.number, c.date, c.jurisdiction) for c in found] == [expected]
    assert found[0].form in ("title", "issuer") and found[0].evidence   # no number in the text
    assert found[0].evidence[0].startswith("http")


def test_the_issuer_is_the_schemes() -> None:
    found = find_citations("Согласно статье 5 Трудового кодекса работодатель обязан заключить договор.")
    assert [(c.issuer, c.issuer_ids) for c in found] == [("Parliament", ["parliament"])]


@pytest.mark.parametrize("text", [
    pytest.param("the Labour Code of the Kyrgyz Republic applies to them", id="en-kyrgyz"),
    pytest.param("согласно статье 5 Трудового кодекса Кыргызской Республики", id="ru-kyrgyz"),
    pytest.param("In Kazakhstan the Labour Code of 2007 applied to them.", id="another-year"),
    pytest.param("Постановлением Кабинета Министров Республики Узбекистан от 26 декабря 2017 года № 1023 "
                 "утверждён порядок; работодатели следуют Трудовому кодексу.", id="a-text-of-another-state"),
    pytest.param("Expert B named the tax code as needing change.", id="a-code-left-out"),
])
def test_a_name_of_another_states_or_years_code_takes_no_kazakh_number(text) -> None:
    found = find_citations(text)
    assert [c.number for c in found if c.act_type == "code"] == [None]
    assert all(c.jurisdiction != "KAZ" or c.act_type != "code" for c in found)


def test_no_code_name_no_citation() -> None:
    # near misses: the Russian law of energy, a dress code, a postal code
    for text in ("Закон сохранения энергии известен со школы.", "The dress code of the office is strict.",
                 "Enter the postal code of the region."):
        assert find_citations(text) == []


def _scheme(tmp_path: Path, named: str) -> Path:
    folder = tmp_path / "data" / "jurisdictions"
    folder.mkdir(parents=True)
    (folder / "xx.yaml").write_text(
        "kind: jurisdiction\nrecords:\n  - id: xx\n    code: XXA\n    name: {en: X}\n"
        "    act_types:\n      - {id: kodeks, en: Code, generic: code}\n"
        "    issuers:\n      - {id: parliament, en: Parliament}\n"
        f"    named_acts:\n      - {named}\n", encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize(("named", "says"), [
    pytest.param('{id: c, act_type: law, number: "1", date: "2015-11-23", en: C, names_re: c, '
                 'evidence: ["https://e.org/1"]}', "act_type 'law'", id="type-not-in-scheme"),
    pytest.param('{id: c, act_type: code, number: "1", date: "2015", en: C, names_re: c, '
                 'evidence: ["https://e.org/1"]}', "is not a day", id="date-a-year"),
    pytest.param('{id: c, act_type: code, date: "2015-11-23", en: C, names_re: c, '
                 'evidence: ["https://e.org/1"]}', "no number", id="no-number"),
    pytest.param('{id: c, act_type: code, number: "1", date: "2015-11-23", en: C, names_re: "c(", '
                 'evidence: ["https://e.org/1"]}', "not a regular expression", id="bad-pattern"),
    pytest.param('{id: c, act_type: code, number: "1", date: "2015-11-23", en: C, names_re: c, '
                 'issuer: senate, evidence: ["https://e.org/1"]}', "issuer 'senate'", id="unknown-issuer"),
    pytest.param('{id: c, act_type: code, number: "1", date: "2015-11-23", en: C, names_re: c}',
                 "named_acts.evidence", id="no-evidence"),
])
def test_a_malformed_named_act_is_one_line_naming_file_entry_and_field(tmp_path, named, says) -> None:
    from kzmig_kg.pipeline.records import read_records

    with pytest.raises(KzmigError) as error:
        read_records(_scheme(tmp_path, named))
    message = str(error.value)
    assert "xx.yaml" in message and "named_acts" in message and says in message


def test_named_by_title_at_ingest_a_passage_of_the_record_or_a_draft_with_the_evidence(tmp_path) -> None:
    from kzmig_kg.loader.ingest import ingest_document
    from tests.conftest import DATA

    note = tmp_path / "note.txt"
    note.write_text("Справка\n\nДоговор заключается по статье 33 Трудового кодекса.\n"
                    "Квоты определяет «Халықтың көші-қоны туралы» Қазақстан Республикасының Заңы.\n"
                    "Дела рассматриваются по правилам Уголовно-процессуального кодекса.\n"
                    "В России действует Трудовой кодекс Российской Федерации.\n", encoding="utf-8")
    draft = ingest_document(note, data_dir=DATA, review_dir=tmp_path / "review", doc_id="note")
    # the Labour Code is the graph's code-labour (which has no number), the Kazakh title the law 477-IV's
    assert [link["record"] for link in draft.links] == ["code-labour", "law-2011-477-IV"]
    # the graph has no Criminal Procedure Code: drafted with the scheme's number, date and pages
    [code] = draft.acts
    assert (code["number"], code["date"], code["issuer"]) == ("231-V", "2014-07-04", ["parliament"])
    assert code["title"] == "Criminal Procedure Code of the Republic of Kazakhstan"
    assert "http://adilet.zan.kz/eng/docs/K1400000231" in code["note"]
    [russian] = draft.foreign_acts
    assert (russian["jurisdiction"], russian["number"], russian["date"]) == ("ru", "197-ФЗ", "2001-12-30")
    assert russian["page"].startswith("https://")
