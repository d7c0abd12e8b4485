"""Every parameter of every named query helps: a value written as a researcher would write it is
accepted (codes and names in any case, ids, official numbers), one that matches nothing is refused
with the closest values and exit code 1, years outside the graph's coverage are named. The same
checks hold through `--endpoint` (the valid values come from the endpoint itself), against an
Oxigraph server started here."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.errors import QueryError
from kzmig_kg.publish.servers import oxigraph_server
from kzmig_kg.query.named import QUERIES_DIR, named_queries
from kzmig_kg.query.param_vocabulary import rule_for
from kzmig_kg.query.run import run_query

# (query, a value as a researcher writes it, the value the query receives, a column that shows it)
ACCEPTED = [
    ("acts-by-number", {"number": "477-iv"}, "number", "477-IV"),
    ("acts-amendment-chain", {"act": "law-2011-477-IV"}, "act",
     "https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV"),
    ("acts-amendment-chain", {"act": "477-IV"}, "act",
     "https://w3id.org/kzmig/eli/kz/zakon/2011/477-IV"),
    ("instruments-introduced-by-act", {"act": "LAW-2011-477-IV"}, None, None),
    ("instruments-by-type", {"type": "quota"}, "type", "Quota"),
    ("org-by-type", {"type": "Ministry"}, "type", "ministry"),
    ("study-codes-per-theme", {"theme": "b1"}, "theme", "B1"),
    ("study-expert-positions", {"expert": "d"}, "expert", "D"),
    ("study-recommendations-not-addressed", {"status": "Not-Addressed"}, "status", "not-addressed"),
    ("timeline-events-and-measures", {"kinds": "Event, ACT", "from": "2022", "to": "2022"},
     "kinds", "event,act"),
    ("rq-measures-and-recommendations", {"enactedBy": "ALL"}, "enactedBy", "all"),
    ("policy-concept-measures", {"document": "pd-concept-2023-2027"}, "document",
     "https://w3id.org/kzmig/id/policy-document/pd-concept-2023-2027"),
    ("agreements-with-country", {"country": "Uzbekistan"}, None, None),
    ("acts-in-force", {"date": "2009-06-30"}, None, None),
    ("org-migration-authority-lineage", {"function": "Patent issuance"}, "function",
     "patent-issuance"),
    ("stats-country-series", {"direction": "immigration"}, "direction", "IMM"),
    ("study-codes-per-theme", {"theme": "reasons for movement"}, "theme", "B4"),
]
# (query, a wrong value, what the message says)
REFUSED = [
    ("acts-by-number", {"number": "477-1V"}, "no act with the official number '477-1V'; "
                                             "the closest are 477-IV"),
    ("acts-amendment-chain", {"act": "https://w3id.org/kzmig/eli/kz/zakon/2011/477-V"},
     "no legal act 'https://w3id.org/kzmig/eli/kz/zakon/2011/477-V'; the closest are "),
    ("instruments-introduced-by-act", {"act": "law-2011-477"}, "the closest are law-2011-477-IV"),
    ("instruments-by-type", {"type": "Quotas"}, "no instrument class 'Quotas'; the closest are "
                                                "Quota"),
    ("org-by-type", {"type": "ministries"}, "no organisation type 'ministries'; the closest are "),
    ("org-migration-authority-lineage", {"function": "patent-issue"},
     "the closest are patent-issuance"),
    ("study-codes-per-theme", {"theme": "B9"}, "no codebook theme 'B9'; it is one of B1, B2, B3"),
    ("study-expert-positions", {"expert": "J"}, "no interviewed expert 'J'; it is one of A, B, C"),
    ("study-recommendations-not-addressed", {"status": "unaddressed"},
     "no coverage status 'unaddressed'; the closest are "),
    ("timeline-events-and-measures", {"kinds": "event,measures"},
     "no kind of item 'measures'; the closest are measure"),
    ("rq-measures-and-recommendations", {"enactedBy": "pd-concept-2023-2026"},
     "the closest are "),
    ("policy-concept-measures", {"document": "pd-concept-2023"}, "no policy document "
                                                                 "'pd-concept-2023'"),
    # a short list of IRIs names them as the parameter accepts them (record ids), not as paths
    ("policy-concept-measures", {"document": "zzqx"}, "no policy document 'zzqx'; it is one of "
                                                      "pd-bolashak-programme, pd-bolashak-rules-2008"),
    ("flows-around-record", {"years": "-1"}, "give 0 or more, got -1"),
    ("flows-top-partners-by-year", {"top": "0"}, "give 1 or more, got 0"),
    ("events-timeline", {"from": "2023", "to": "2019"}, "'from' is after 'to'"),
    ("acts-in-force", {"date": "1850-01-01"}, "date=1850 is outside the graph's coverage "
                                              "(1991-2024)"),
    ("org-responsible-for-migration", {"year": "2031"}, "year=2031 is outside the graph's coverage"),
    ("agreements-with-country", {"country": "Uzbekstan"}, "the closest are Uzbekistan (UZB)"),
]


def test_every_parameter_of_every_named_query_has_a_rule() -> None:
    missing = [f"{name}: {param.name}" for name, query in named_queries(QUERIES_DIR).items()
               for param in query.params if rule_for(name, param.name) is None]
    assert missing == []


@pytest.mark.parametrize(("name", "params", "column", "expected"), ACCEPTED,
                         ids=[f"{a[0]}-{next(iter(a[1]))}" for a in ACCEPTED])
def test_a_value_written_as_a_researcher_writes_it_is_accepted(release, name, params, column,
                                                               expected) -> None:
    rows = run_query(name, params, store=release.store).values()
    assert rows, f"{name} {params} gave no rows"
    if column is not None:
        assert {row[column] for row in rows} == {expected}


@pytest.mark.parametrize(("name", "params", "message"), REFUSED,
                         ids=[f"{r[0]}-{next(iter(r[1]))}" for r in REFUSED])
def test_a_value_that_matches_nothing_is_refused_with_the_closest(release, name, params,
                                                                  message) -> None:
    with pytest.raises(QueryError) as raised:
        run_query(name, params, store=release.store)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_name_that_names_two_things_is_refused_with_both(release) -> None:
    # the 1997 law No. 204 (line 108) and the 2011 law No. 477-IV (line 390) share their title
    for name, param in (("acts-amendment-chain", "act"), ("flows-around-record", "record")):
        with pytest.raises(QueryError, match=r"'on population migration' is the name of 2 \("
                                             r".*204, .*477-IV\); give one of these instead"):
            run_query(name, {param: "on population migration"}, store=release.store)


def test_the_command_refuses_in_one_line_with_exit_1(release) -> None:
    result = CliRunner().invoke(main, ["query", "study-codes-per-theme", "--param", "theme=B9",
                                       "--store", str(release.dir / "store")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no codebook theme 'B9'" in result.stderr


@pytest.fixture(scope="module")
def endpoint(release, tmp_path_factory):
    location = tmp_path_factory.mktemp("oxigraph-params") / "store"
    with oxigraph_server(location, load=release.dir / "kzmig.nq", timeout_s=60) as running:
        yield running.query_url


@pytest.mark.parametrize(("name", "params", "column", "expected"),
                         [a for a in ACCEPTED if a[2] is not None][:6])
def test_through_an_endpoint_the_same_values_are_accepted(release, endpoint, name, params, column,
                                                          expected) -> None:
    remote = run_query(name, params, endpoint=endpoint).values()
    assert remote == run_query(name, params, store=release.store).values()
    assert {row[column] for row in remote} == {expected}


@pytest.mark.parametrize(("name", "params", "message"), REFUSED[:4] + REFUSED[-3:])
def test_through_an_endpoint_the_same_values_are_refused(endpoint, name, params, message) -> None:
    with pytest.raises(QueryError) as raised:
        run_query(name, params, endpoint=endpoint)
    assert message in str(raised.value)


def test_the_command_through_an_endpoint_refuses_with_exit_1(endpoint) -> None:
    result = CliRunner().invoke(main, ["query", "stats-country-series", "--param", "country=uzb",
                                       "--endpoint", endpoint, "--format", "csv"])
    assert result.exit_code == 0 and "UZB" in result.stdout, result.output
    result = CliRunner().invoke(main, ["query", "stats-top-source-country", "--param", "year=1850",
                                       "--endpoint", endpoint])
    assert result.exit_code == 1
    assert "year=1850 is outside the graph's coverage (1991-2024)" in result.stderr


def test_notes_on_what_the_document_does_not_say_come_through_an_endpoint(endpoint) -> None:
    result = CliRunner().invoke(main, ["query", "rq-national-balance", "--endpoint", endpoint,
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ("note: 2021 EMI: the national total 26717 is also the document's "
                             "figure for RUS that year; the document may use a country's figure "
                             "as the total (`kzmig-kg audit` shows how its figures fail to "
                             "reconcile)\n")


def test_an_unreachable_endpoint_is_named_while_checking_the_parameters() -> None:
    with pytest.raises(QueryError, match=r"stats-country-series\.rq \(checking its parameters\): "
                                         r"cannot reach endpoint http://127\.0\.0\.1:9/query"):
        run_query("stats-country-series", {"country": "uzb"}, endpoint="http://127.0.0.1:9/query",
                  timeout=5)


def test_passages_of_an_endpoints_rows_come_from_the_release(release, endpoint) -> None:
    from .conftest import SOURCES

    result = CliRunner().invoke(main, ["query", "stats-top-source-country", "--param",
                                       "year=2019", "--endpoint", endpoint, "--passages",
                                       "--store", str(release.dir / "store"), "--sources",
                                       str(SOURCES), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "decreased by 38.81% to 2,554 people in 2020" in result.stdout
