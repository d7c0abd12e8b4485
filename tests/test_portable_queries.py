"""Every named query and check is valid SPARQL 1.1 by an independent parser: Apache Jena's (ARQ).

Jena is stricter than Oxigraph in places the big engines share, e.g. it rejects a projection
``(GROUP_CONCAT(?x) AS ?x)`` when ``?x`` is already bound in the WHERE clause (SPARQL 1.1 section
18.2.1: the variable of an AS must not be in scope). The fixture query does exactly that, so the
check is shown to fire.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzmig_kg.query.named import QUERIES_DIR
from tests.conftest import FIXTURES
from tests.jvm import jena_message_bundles, require_jar, run_java_program

BAD_QUERY = FIXTURES / "portability" / "aggregate-rebinds-variable.rq"


def jena_verdicts(files: list[Path], workdir: Path) -> dict[str, str]:
    """File -> "OK" or Jena's error message, from one JVM run over all files."""
    require_jar("jena-arq.jar", "libapache-jena-java")
    output = run_java_program("SparqlSyntaxCheck.java", [str(f) for f in files],
                              [jena_message_bundles(workdir / "jena-bundles")])
    verdicts = {}
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        name, _, message = rest.partition(": ")
        verdicts[name] = "OK" if status == "OK" else message
    return verdicts


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    files = sorted([*QUERIES_DIR.glob("*.rq"), *QUERIES_DIR.glob("checks/*.rq"),
                    *QUERIES_DIR.glob("checks/*.ru"), BAD_QUERY])
    return jena_verdicts(files, tmp_path_factory.mktemp("jena"))


def test_jena_accepts_every_named_query_and_check(verdicts: dict[str, str]) -> None:
    ours = {name: v for name, v in verdicts.items() if name != str(BAD_QUERY)}
    assert len(ours) >= 85
    rejected = {Path(name).relative_to(QUERIES_DIR).as_posix(): v for name, v in ours.items() if v != "OK"}
    assert rejected == {}


def test_jena_rejects_an_aggregate_that_rebinds_a_where_variable(verdicts: dict[str, str]) -> None:
    assert "already in-scope: ?lines" in verdicts[str(BAD_QUERY)]
