"""Commands that ask the built graph: ``query``, ``queries``, ``stats``, ``audit``."""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import click

from ..errors import KzmigError
from ..paths import QUERIES_DIR
from .common import DIST, SOURCES, fail


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
@click.option("--passages", "with_passages", is_flag=True,
              help="Add the text of the passages behind each row (a passage_text column; in a "
                   "table, printed under it). The store and --sources say where they are.")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Where the source documents are, for --passages.")
def query(query: str, params: tuple[str, ...], fmt: str, store_dir: Path, endpoint: str | None,
          timeout: float, max_rows: int, with_passages: bool, sources_dir: Path) -> None:
    """Run QUERY (a .rq file or the name of a query in queries/) and print the answer.

    The default graph is the union of the release's named graphs. Parameters (listed by
    `kzmig-kg queries`) are bound as typed RDF terms, never pasted into the query text.

    \b
    Examples:
      kzmig-kg query queries/acts-by-number.rq --format csv
      kzmig-kg query rq-flows-by-partner --param from=2019 --param to=2023
      kzmig-kg query rq-national-balance --endpoint http://127.0.0.1:7878/query --format json
      kzmig-kg query stats-top-source-country --param year=2019 --passages
    """
    from ..query.results import format_result
    from ..query.run import run_query

    deadline = time.monotonic() + timeout  # of the whole command, the notes included
    bound: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(KzmigError(f"--param takes KEY=VALUE, got {item!r}"))
        if key.strip() in bound:
            fail(KzmigError(f"--param {key.strip()} is given twice"))
        bound[key.strip()] = value.strip()
    try:
        if with_passages:
            _unread_sources_note(store_dir, sources_dir)
        if endpoint is None:
            rows, form = _stream(query, bound, fmt, store_dir, timeout, max_rows,
                                 sources_dir if with_passages else None)
            if form == "SELECT" and rows == 0:
                _no_rows_note(query, bound)
            _silences(query, bound, store_dir, endpoint, deadline)
            return
        result = run_query(query, bound, store_dir=store_dir, endpoint=endpoint, timeout=timeout)
        per_row = _row_passages(result, store_dir, sources_dir) if with_passages else None
        if result.kind == "select" and not result.rows:
            _no_rows_note(query, bound)
        _silences(query, bound, store_dir, endpoint, deadline)
    except KzmigError as error:
        fail(error)
    if per_row is None or fmt != "table":
        click.echo(format_result(result, fmt))
        return
    result.variables.remove("passage_text")
    click.echo(format_result(result, fmt))
    for number, refs in enumerate(per_row, start=1):
        if refs:
            click.echo(f"row {number}:")
        for passage in refs:
            click.echo(_passage_lines(passage))


def _stream(spec: str, given: dict[str, str], fmt: str, store_dir: Path, timeout: float,
            max_rows: int, passages_from: Path | None = None) -> tuple[int, str]:
    """Run a query on the local store in a worker process that is killed at the deadline or on
    Ctrl-C, its rows written as they come (with their passages' text from ``passages_from``);
    return the row count and the query form."""
    from ..pipeline.store import open_store
    from ..query.bounded import stream_query
    from ..query.named import bind_params, resolve_query
    from ..query.params import check_params, check_shapes
    from ..query.remote import query_form

    named = resolve_query(spec)
    check_shapes(named, given)  # unknown names and malformed values first
    checked = check_params(named, given, open_store(store_dir))
    rows = stream_query(store_dir, named.text, bind_params(named, checked), fmt,
                        lambda text: click.echo(text, nl=False), source=named.source,
                        timeout=timeout, max_rows=max_rows,
                        passages=passages_from is not None, sources_dir=passages_from,
                        note=lambda text: click.echo(f"note: {text}", err=True))
    return rows, query_form(named.text)


def _silences(spec: str, given: dict[str, str], store_dir: Path, endpoint: str | None,
              deadline: float) -> None:
    """Notes on stderr on what the document does not say that bears on this answer."""
    from ..pipeline.store import open_store
    from ..query.named import resolve_query
    from ..query.params import check_params, endpoint_lookup, store_lookup
    from ..query.silences import NOTES, silence_notes

    named = resolve_query(spec)
    if named.path is None or named.path.parent.resolve() != QUERIES_DIR.resolve() \
            or named.name not in NOTES:
        return
    lookup = (endpoint_lookup(endpoint, deadline, named.source) if endpoint
              else store_lookup(open_store(store_dir)))
    for note in silence_notes(named.name, check_params(named, given, lookup), lookup):
        click.echo(f"note: {note}", err=True)


def _unread_sources_note(store_dir: Path, sources_dir: Path) -> None:
    """A note on stderr, before the rows, when a document the passages are in is not in
    ``sources_dir`` (the rows then come without their text)."""
    from ..pipeline.store import open_store
    from ..query.passage_text import PassageRef, document_path, missing_note

    files = open_store(store_dir).query(
        "SELECT DISTINCT ?file WHERE { ?document kzo:fileName ?file }",
        use_default_graph_as_union=True, prefixes={"kzo": "https://w3id.org/kzmig/ontology#"})
    unread = [PassageRef(row["file"].value, 1, 1) for row in files
              if not document_path(row["file"].value, sources_dir).is_file()]
    note = missing_note(unread, sources_dir)
    if note:
        click.echo(f"note: {note}", err=True)


def _no_rows_note(spec: str, given: dict[str, str]) -> None:
    name = Path(spec).stem if spec.endswith(".rq") else spec
    if name.startswith("stats-audit-") or name.endswith("-violation"):
        # a check's rows are its findings: none is the good answer, not a gap in the graph
        click.echo(f"note: no rows: {spec} finds nothing to report", err=True)
        return
    values = " ".join(f"{key}={value}" for key, value in given.items())
    click.echo(f"note: no rows: the graph holds no answer to {spec}"
               + (f" for {values}" if values else ""), err=True)


def _row_passages(result, store_dir: Path, sources_dir: Path):
    from ..pipeline.store import open_store
    from ..query.row_passages import NO_PASSAGES, add_passages

    if result.kind != "select":
        raise KzmigError("--passages needs a SELECT query (its rows get the passages)")
    per_row = add_passages(result, open_store(store_dir), sources_dir)
    if per_row and not any(per_row):
        click.echo(f"note: {NO_PASSAGES}", err=True)
    return per_row


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

@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--kind", help="Only hits of this kind (act, finding, code, problem, recommendation, "
              "country, observation, query, ...).")
@click.option("--limit", type=int, default=10, show_default=True, help="Hits to show.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Text with the passages' lines, or a JSON array of hits.")
@click.option("--release", "release_dir", type=click.Path(path_type=Path), default=DIST,
              show_default=True, help="The release written by `build` (its search.sqlite).")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Where the source documents are, for the passages' text.")
def search_command(words: tuple[str, ...], kind: str | None, limit: int, fmt: str,
                   release_dir: Path, sources_dir: Path) -> None:
    """Find anything by its words: labels (English, Russian, Kazakh), titles, descriptions,
    notes, codebook codes and summaries, findings, problems, recommendations and the named
    queries. Hits are ranked; each shows its kind, id, the words around the match and the
    passages of the document it rests on, with their text.

    \b
    Examples:
      kzmig-kg search quotas --kind finding
      kzmig-kg search Узбекистан --format json
    """
    from ..query.passage_text import missing_note
    from ..query.search import search

    try:
        hits = search(" ".join(words), release_dir, kind=kind, limit=limit, sources_dir=sources_dir)
    except KzmigError as error:
        fail(error)
    if fmt == "json":
        click.echo(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"no hits for {' '.join(words)!r}" + (f" of kind {kind}" if kind else ""), err=True)
    unread = missing_note([passage for hit in hits for passage in hit.passages], sources_dir)
    if unread:
        click.echo(f"note: {unread}", err=True)
    for hit in hits:
        click.echo(f"{hit.kind} {hit.id}: {hit.label}")
        click.echo(f"    {' '.join(hit.snippet.split())}")
        for passage in hit.passages[:3]:
            click.echo(_passage_lines(passage))
        if len(hit.passages) > 3:
            click.echo(f"    ... {len(hit.passages) - 3} more passages: kzmig-kg show {hit.id}")


@click.command("show")
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for reading, or one JSON object.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True, help="The on-disk store written by `build`.")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Where the source documents are, for the passages' text.")
def show_command(ref: str, fmt: str, store_dir: Path, sources_dir: Path) -> None:
    """Show one resource (a record id, a code or an IRI) as a researcher reads it: types,
    labels, properties with labels, incoming links counted, and the passages it rests on with
    the text of those lines and their section.

    \b
    Examples:
      kzmig-kg show law-2011-477-IV
      kzmig-kg show https://w3id.org/kzmig/code/country-UZB --format json
    """
    from ..query.show import describe

    try:
        found = describe(ref, store_dir, sources_dir=sources_dir)
    except KzmigError as error:
        fail(error)
    if fmt == "json":
        click.echo(json.dumps(asdict(found), ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.label}  <{found.iri}>")
    if found.id:
        click.echo(f"  id: {found.id}")
    click.echo(f"  type: {', '.join(t.text for t in found.types)}")
    for label in found.labels:
        click.echo(f"  label: {label.text}" + (f" @{label.lang}" if label.lang else ""))
    for prop in found.properties:
        values = "; ".join(v.text + (f" <{v.iri}>" if v.iri and v.text != v.iri else "")
                           for v in prop.values)
        click.echo(f"  {prop.label}: {' '.join(values.split())}")
    if found.incoming:
        click.echo("  linked from: " + ", ".join(f"{i.label} ({i.count})" for i in found.incoming))
    click.echo(f"  passages ({len(found.passages)}):")
    for passage in found.passages:
        click.echo(_passage_lines(passage))
    if found.note:
        click.echo(f"note: {found.note}", err=True)


def _passage_lines(passage) -> str:
    from ..query.row_passages import passage_lines

    return passage_lines(passage)


COMMANDS = (query, list_queries, stats, audit_command, search_command, show_command)
