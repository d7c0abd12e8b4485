"""`search`: ranked hits over the release's full-text index, with the passages' text."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.query.search import search, search_kinds

from .conftest import SOURCES, thesis_lines


def test_the_index_is_written_with_the_release_and_holds_every_finding(release) -> None:
    findings = {row["id"] for row in release.query(
        "SELECT ?id WHERE { ?f a kzo:Finding ; kzo:recordId ?id }")}
    with sqlite3.connect(release.dir / "search.sqlite") as connection:
        indexed = {row[0] for row in connection.execute("SELECT id FROM hits WHERE kind = 'finding'")}
    assert len(findings) > 50
    assert indexed == findings


def test_quotas_finds_what_the_experts_said_with_the_passage_text(release) -> None:
    hits = search("quotas", release.dir, kind="finding", sources_dir=SOURCES)
    assert hits and all(hit.kind == "finding" for hit in hits)
    by_id = {hit.id: hit for hit in hits}
    assert "finding-quotas-protect-market" in by_id
    passage = by_id["finding-quotas-protect-market"].passages[0]
    assert (passage.first_line, passage.last_line, passage.section) == (867, 869, "4.3")
    assert passage.text == "\n".join(thesis_lines()[866:869])
    assert "quotas" in passage.text


def test_hits_are_ranked_and_stemmed(release) -> None:
    hits = search("quota", release.dir, limit=50)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert "inst-foreign-labour-quota" in {hit.id for hit in hits}
    assert any("[quota" in hit.snippet.lower() for hit in hits)


@pytest.mark.parametrize("words", ["Узбекистан", "Өзбекстан", "uzbekistan"])
def test_russian_and_kazakh_labels_are_found_by_their_own_words(release, words: str) -> None:
    hits = search(words, release.dir, kind="country")
    assert hits[0].id == "country-UZB"
    assert hits[0].label == "Uzbekistan"


def test_a_russian_word_is_found_by_its_stem(release) -> None:
    assert "inst-foreign-labour-quota" in {hit.id for hit in search("квот", release.dir)}


def test_named_queries_are_found_by_their_question(release) -> None:
    hits = search("top source country", release.dir, kind="query")
    assert hits[0].id == "stats-top-source-country"


def test_words_that_match_nothing_together_fall_back_to_any_of_them(release) -> None:
    hits = search("quota zzzqqq", release.dir)
    assert hits and all("zzzqqq" not in hit.snippet for hit in hits)


def test_an_unknown_kind_names_the_closest_and_the_kinds(release) -> None:
    with pytest.raises(QueryError, match="did you mean finding"):
        search("quotas", release.dir, kind="findng")
    assert {"finding", "code", "problem", "recommendation", "act", "query"} <= set(
        search_kinds(release.dir))


def test_no_index_is_one_line_saying_to_build(tmp_path) -> None:
    with pytest.raises(QueryError, match="run `kzmig-kg build`"):
        search("quotas", tmp_path)
    with pytest.raises(QueryError, match="nothing to search for"):
        search(" ,. ", tmp_path)


def test_the_command_prints_hits_with_passage_text(release) -> None:
    result = CliRunner().invoke(main, ["search", "quotas", "--kind", "finding", "--release",
                                       str(release.dir), "--sources", str(SOURCES)])
    assert result.exit_code == 0, result.output
    assert "finding finding-quotas-protect-market" in result.output
    assert "lines 867-869, section 4.3:" in result.output
    assert thesis_lines()[868].strip() in result.output


def test_the_command_says_so_on_stderr_when_nothing_matches(release) -> None:
    result = CliRunner().invoke(main, ["search", "zzzqqq", "--release", str(release.dir)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no hits for 'zzzqqq'" in result.stderr


def test_a_whole_question_is_answered_by_its_content_words(release) -> None:
    hits = search("what did the experts say about quotas", release.dir, limit=5)
    assert hits and all("quota" in (hit.snippet + hit.label).lower() for hit in hits)
