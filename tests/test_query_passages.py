"""`query --passages`: the text of the passages behind each row of a query."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from kzmig_kg.cli import main

from .conftest import SOURCES, passage_text, thesis_lines


def _invoke(release, *args: str):
    return CliRunner().invoke(main, ["query", *args, "--store", str(release.dir / "store"),
                                     "--sources", str(SOURCES), "--passages"])


def test_rows_with_a_passages_column_get_the_text_of_those_lines(release) -> None:
    result = _invoke(release, "flows-top-partners-by-year", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    russia_2000 = next(r for r in rows if (r["year"], r["country"], r["role"]) ==
                       ("2000", "RUS", "destination"))
    assert russia_2000["passages"] == "213-214"
    assert russia_2000["passage_text"] == "[lines 213-214] " + passage_text(213, 214)
    assert "108,724" in russia_2000["passage_text"]


def test_rows_of_resources_get_the_passages_they_are_derived_from(release, tmp_path) -> None:
    query = tmp_path / "law.rq"
    query.write_text('SELECT ?law WHERE { ?law eli:number "477-IV" }\n', encoding="utf-8")
    result = _invoke(release, str(query))
    assert result.exit_code == 0, result.output
    assert "row 1:" in result.stdout
    assert "    lines 267-272, section 1.2:" in result.stdout
    assert thesis_lines()[270].strip() in result.stdout


def test_passages_need_a_select(release, tmp_path) -> None:
    query = tmp_path / "ask.rq"
    query.write_text("ASK { ?s ?p ?o }\n", encoding="utf-8")
    result = _invoke(release, str(query))
    assert result.exit_code == 1
    assert result.stderr == "error: --passages needs a SELECT query (its rows get the passages)\n"


def test_passages_stream_through_the_worker_as_rows_come(release) -> None:
    # a query far too large to gather: its rows, with their passages' text, reach the output
    # while the engine is still producing, and the deadline stops it as it stops a plain query
    from kzmig_kg.errors import QueryError
    from kzmig_kg.query.bounded import BATCH, stream_query

    cross = ("SELECT ?law ?p ?o WHERE { ?law eli:number \"477-IV\" ; ?p ?o . "
             "?a ?b ?c . ?d ?e ?f }")
    chunks: list[str] = []
    try:
        stream_query(release.dir / "store", cross, {}, "csv", chunks.append, timeout=2,
                     passages=True, sources_dir=SOURCES)
    except QueryError as error:
        assert "stopped after 2 s (--timeout)" in str(error)
    rows = list(csv.DictReader(io.StringIO("".join(chunks))))
    # one whole batch is enough to show the rows left before the deadline (the query never
    # ends); a second batch within the 2 s is not guaranteed on a loaded machine
    assert len(rows) >= BATCH
    assert rows[0]["passage_text"].startswith("[lines 267-272] " + passage_text(267, 272).strip())


def test_a_runaway_query_with_passages_stops_at_its_timeout(release, tmp_path) -> None:
    query = tmp_path / "cross.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                     encoding="utf-8")
    result = _invoke(release, str(query), "--timeout", "1")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {query}: stopped after 1 s (--timeout); narrow the query "
                             "(a LIMIT, fewer joins) or raise --timeout\n")


def test_streamed_passages_are_the_gathered_passages(release) -> None:
    from kzmig_kg.query.row_passages import add_passages
    from kzmig_kg.query.run import run_query

    result = _invoke(release, "stats-top-source-country", "--param", "year=2019", "--format", "csv")
    assert result.exit_code == 0, result.output
    gathered = run_query("stats-top-source-country", {"year": "2019"}, store=release.store)
    add_passages(gathered, release.store, SOURCES)
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["passage_text"] == gathered.rows[0]["passage_text"].value
    assert "decreased by 38.81% to 2,554 people in 2020" in row["passage_text"]


def test_without_the_document_the_rows_come_with_a_note_saying_where_it_was_looked_for(
        release, tmp_path) -> None:
    note = (f"note: the text of the passages is not shown: 000_81b0946b00ba0bf2.txt is not in "
            f"{tmp_path}; pass --sources DIR with the source documents\n")
    result = CliRunner().invoke(main, ["query", "stats-top-source-country", "--param", "year=2019",
                                       "--store", str(release.dir / "store"), "--passages",
                                       "--sources", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0 and result.stderr == note
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["passage_text"] == ""
    result = CliRunner().invoke(main, ["search", "quotas", "--kind", "finding", "--release",
                                       str(release.dir), "--sources", str(tmp_path)])
    assert result.exit_code == 0 and result.stderr == note
    assert "lines 867-869, section 4.3\n" in result.stdout


SHARED_RANGE = """
@prefix kzo: <https://w3id.org/kzmig/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#> .
<urn:passage:bulletin-9> a kzo:Passage ; kzo:firstLine 9 ; kzo:lastLine 9 ; oa:hasSource <urn:doc:bulletin> .
<urn:doc:bulletin> kzo:fileName "ingested/bulletin/bulletin.txt" .
<urn:passage:news-9> a kzo:Passage ; kzo:firstLine 9 ; kzo:lastLine 9 ; oa:hasSource <urn:doc:news> .
<urn:doc:news> kzo:fileName "ingested/news/news.txt" .
<urn:obs:bulletin-UZB-2022> prov:wasDerivedFrom <urn:passage:bulletin-9> ; sdmx-measure:obsValue 6631 ;
    kzo:recordId "bulletin-IMM-UZB-2022" .
<urn:act:961> prov:wasDerivedFrom <urn:passage:news-9> ; kzo:recordId "govres-2022-961" .
"""


def test_a_line_range_two_documents_share_shows_the_passage_whose_figure_is_in_the_row(
        tmp_path) -> None:
    # two accepted documents both have a passage at line 9: the bulletin's holds the row's
    # figure, the news item's only cites an act; the row gets the bulletin's line, not both
    import pyoxigraph as ox

    from kzmig_kg.query.row_passages import row_passages

    for name, line in (("bulletin", "Uzbekistan\t6 631\t6 519"),
                       ("news", "The rules were approved by Resolution No. 961.")):
        (tmp_path / "ingested" / name).mkdir(parents=True)
        (tmp_path / "ingested" / name / f"{name}.txt").write_text("\n" * 8 + line + "\n",
                                                                    encoding="utf-8")
    store = ox.Store()
    store.load(SHARED_RANGE, format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/kzmig/graph/test"))
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    of_row = row_passages(store, tmp_path, ["country", "value", "passages"])
    refs = of_row({"country": ox.Literal("UZB"), "value": ox.Literal("6631", datatype=integer),
                   "passages": ox.Literal("9")})
    assert [(ref.file, ref.text) for ref in refs] == [
        ("ingested/bulletin/bulletin.txt", "Uzbekistan\t6 631\t6 519")]
    # a row that holds no fact of either passage still shows both, each with its document
    refs = of_row({"country": ox.Literal("KGZ"), "value": ox.Literal("905", datatype=integer),
                   "passages": ox.Literal("9")})
    assert sorted(ref.file for ref in refs) == ["ingested/bulletin/bulletin.txt",
                                                "ingested/news/news.txt"]


def test_an_answer_without_any_passages_says_so_instead_of_printing_nothing(release) -> None:
    # stats-cumulative-net-by-partner gives sums of figures, no line ranges and no resources
    note = ("note: no row of the answer has passages to show: it has no passages or lines column "
            "and names no resource derived from a passage\n")
    for fmt in ("table", "csv"):
        result = _invoke(release, "stats-cumulative-net-by-partner", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert result.stderr == note
        assert "UZB" in result.stdout
    result = _invoke(release, "flows-top-partners-by-year", "--format", "csv")
    assert result.exit_code == 0 and "no row of the answer has passages" not in result.stderr
