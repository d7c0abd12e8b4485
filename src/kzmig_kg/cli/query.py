"""Commands that ask the built graph: ``query``, ``queries``, ``stats``, ``audit``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import KzmigError
from .common import DIST, fail


@click.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a named query's parameter as a typed RDF term (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True,
              help="table, CSV/TSV or SPARQL 1.1 Query Results JSON.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True, help="The on-disk store written by `build`.")
@click.option("--endpoint", metavar="URL",
              help="Query this SPARQL 1.1 endpoint (e.g. an Oxigraph server) instead of the store.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True,
              help="Seconds the whole query may take (local store or endpoint); then it stops.")
@click.option("--max-rows", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Rows shown by --format table (csv, tsv and json stream every row).")
def query(query: str, params: tuple[str, ...], fmt: str, store_dir: Path, endpoint: str | None,
          timeout: float, max_rows: int) -> None:
    """Run QUERY (a .rq file or the name of a query in queries/) and print the answer.

    The default graph is the union of the release's named graphs. Parameters (listed by
    `kzmig-kg queries`) are bound as typed RDF terms, never pasted into the query text.

    \b
    Examples:
      kzmig-kg query queries/acts-by-number.rq --format csv
      kzmig-kg query rq-flows-by-partner --param from=2019 --param to=2023
      kzmig-kg query rq-national-balance --endpoint http://127.0.0.1:7878/query --format json
    """
    from ..query.results import format_result
    from ..query.run import run_query

    bound: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(KzmigError(f"--param takes KEY=VALUE, got {item!r}"))
        if key.strip() in bound:
            fail(KzmigError(f"--param {key.strip()} is given twice"))
        bound[key.strip()] = value.strip()
    try:
        if endpoint is None:
            from ..query.bounded import stream_query
            from ..query.named import bind_params, resolve_query

            named = resolve_query(query)
            stream_query(store_dir, named.text, bind_params(named, bound), fmt,
                         lambda text: click.echo(text, nl=False), source=named.source,
                         timeout=timeout, max_rows=max_rows)
            return
        result = run_query(query, bound, store_dir=store_dir, endpoint=endpoint, timeout=timeout)
    except KzmigError as error:
        fail(error)
    click.echo(format_result(result, fmt))


@click.command("queries")
@click.argument("pattern", required=False)
@click.option("--checks", "with_checks", is_flag=True,
              help="Also list the contract checks (queries/checks/*-violation.rq).")
def list_queries(pattern: str | None, with_checks: bool) -> None:
    """List the named queries (optionally those matching a glob PATTERN): title, question,
    parameters with their types and defaults, and the columns of the result.

    \b
    Examples:
      kzmig-kg queries
      kzmig-kg queries 'rq-*'
    """
    from ..query.named import named_queries

    try:
        found = named_queries(pattern=pattern)
    except KzmigError as error:
        fail(error)
    shown = {n: q for n, q in found.items()
             if with_checks or pattern or not n.startswith("checks/")}
    for name, item in shown.items():
        click.echo(f"{name}: {item.title}")
        if item.description:
            click.echo(f"    {item.description}")
        for p in item.params:
            click.echo(f"    --param {p.name}=<{p.type}> (default {p.default}) {p.doc}".rstrip())
        if item.result:
            click.echo(f"    result: {item.result}")
    hidden = len(found) - len(shown)
    click.echo(f"({len(shown)} queries" + (f"; {hidden} checks not shown, see --checks)"
                                            if hidden else ")"))


@click.command()
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True)
@click.option("--limit", type=int, default=40, show_default=True, help="Classes to show.")
def stats(store_dir: Path, limit: int) -> None:
    """Triples per named graph and instances per class in the built store.

    \b
    Example:
      kzmig-kg stats --limit 20
    """
    from ..namespaces import PREFIXES
    from ..query.stats import graph_stats

    try:
        result = graph_stats(store_dir)
    except KzmigError as error:
        fail(error)

    def short(iri: str) -> str:
        for prefix, ns in PREFIXES.items():
            if iri.startswith(str(ns)):
                return f"{prefix}:{iri[len(str(ns)):]}"
        return iri

    click.echo(f"{result.triples} triples in {len(result.per_graph)} named graphs")
    for graph, count in result.per_graph:
        click.echo(f"  {count:>7}  {graph}")
    click.echo("instances per class:")
    for cls, count in result.per_class[:limit]:
        click.echo(f"  {count:>7}  {short(cls)}")


@click.command("audit")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A table, or a JSON array with one object per finding.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True)
def audit_command(fmt: str, store_dir: Path) -> None:
    """Report every figure of the document that does not reconcile with the stored counts.

    Runs the checks queries/stats-audit-*.rq on the built store: stated percent changes (also
    chained through a figure the text leaves out), averages, shares, averages per day, ranks,
    highest/lowest values and trends recomputed from the observations; net balances against
    immigrants minus emigrants; country figures against totals; one key with two figures. Each
    finding has kind, indicator, country (alpha-3 or null), year, stated, computed and passage
    (line ranges), plus detail, subject and check. Nothing in the graph is changed.

    \b
    Examples:
      kzmig-kg audit
      kzmig-kg audit --format json > findings.json
    """
    from ..query.audit import audit

    try:
        report = audit(store_dir)
    except KzmigError as error:
        fail(error)
    click.echo(report.to_json() if fmt == "json" else report.to_table())

COMMANDS = (query, list_queries, stats, audit_command)
