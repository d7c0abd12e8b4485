"""The kzmig-kg command line: a thin layer over the library's stage functions."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .errors import KzmigError

DATA = Path("data")
DIST = Path("dist")
SOURCES = Path("../shared/sources")


def _fail(error: Exception) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


def _progress(message: str) -> None:
    click.echo(f"  {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kzmig-kg")
def main() -> None:
    """kzmig-kg: knowledge graph of Kazakhstan's migration governance and migration trends.

    \b
    Example:
      kzmig-kg build && kzmig-kg query acts-by-number --param number=477-IV
    """


@main.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True,
              help="Directory of curated records.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DIST, show_default=True,
              help="Release directory (replaced only when the build succeeds).")
@click.option("--no-reason", is_flag=True, help="Skip the HermiT consistency check.")
def build(data_dir: Path, out_dir: Path, no_reason: bool) -> None:
    """Build the release: records -> RDF -> SHACL -> HermiT -> dist/ (dumps, VoID, store).

    \b
    Example:
      kzmig-kg build --data data --out dist
    """
    from .build import build_release

    try:
        result = build_release(data_dir, out_dir, progress=_progress, reason=not no_reason)
    except KzmigError as error:
        _fail(error)
    click.echo(f"kzmig-kg {__version__}: release written to {result.release.directory}")
    click.echo(f"  records: {result.records} ("
               + ", ".join(f"{k} {n}" for k, n in sorted(result.kinds.items())) + ")")
    click.echo(f"  triples: {result.release.triples} in {result.release.quads} quads")
    click.echo(f"  {result.validation.summary(limit=0)}")
    click.echo(f"  {result.reasoning.summary()}")
    click.echo("  stages: " + ", ".join(f"{n} {m.seconds:.2f}s" for n, m in result.stages.items()))
    click.echo(f"  files: {', '.join(result.release.files)}")


@main.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True)
def validate(data_dir: Path) -> None:
    """Check the records (schema, references) and the graph (SHACL), without writing anything.

    \b
    Example:
      kzmig-kg validate --data data
    """
    from .graph import build_graph
    from .records import read_records
    from .validate import validate_graph

    try:
        records = read_records(data_dir)
        report = validate_graph(build_graph(records), records)
    except KzmigError as error:
        _fail(error)
    click.echo(f"{len(records.records)} records in {len(records.files)} files: schema OK")
    click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


@main.command()
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
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds to wait for the endpoint.")
def query(query: str, params: tuple[str, ...], fmt: str, store_dir: Path, endpoint: str | None,
          timeout: float) -> None:
    """Run QUERY (a .rq file or the name of a query in queries/) and print the answer.

    The default graph is the union of the release's named graphs. Parameters (listed by
    `kzmig-kg queries`) are bound as typed RDF terms, never pasted into the query text.

    \b
    Examples:
      kzmig-kg query queries/acts-by-number.rq --format csv
      kzmig-kg query rq-flows-by-partner --param from=2019 --param to=2023
      kzmig-kg query rq-national-balance --endpoint http://127.0.0.1:7878/query --format json
    """
    from .query import format_result, run_query

    bound: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            _fail(KzmigError(f"--param takes KEY=VALUE, got {item!r}"))
        if key.strip() in bound:
            _fail(KzmigError(f"--param {key.strip()} is given twice"))
        bound[key.strip()] = value.strip()
    try:
        result = run_query(query, bound, store_dir=store_dir, endpoint=endpoint, timeout=timeout)
    except KzmigError as error:
        _fail(error)
    click.echo(format_result(result, fmt))


@main.command("queries")
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
    from .query import named_queries

    try:
        found = named_queries(pattern=pattern)
    except KzmigError as error:
        _fail(error)
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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "nq", "trig", "jsonld", "rdfxml", "nt"]),
              default="ttl", show_default=True)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True)
@click.option("--out", type=click.Path(path_type=Path), help="Write here instead of stdout.")
def export(fmt: str, store_dir: Path, out: Path | None) -> None:
    """Export the release graph as Turtle, N-Quads, TriG, JSON-LD, RDF/XML or N-Triples.

    \b
    Example:
      kzmig-kg export --format jsonld --out kzmig.jsonld
    """
    from .export import export_graph

    try:
        data = export_graph(store_dir, fmt, out)
    except KzmigError as error:
        _fail(error)
    if out is None:
        sys.stdout.buffer.write(data)


@main.command()
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True)
@click.option("--limit", type=int, default=40, show_default=True, help="Classes to show.")
def stats(store_dir: Path, limit: int) -> None:
    """Triples per named graph and instances per class in the built store.

    \b
    Example:
      kzmig-kg stats --limit 20
    """
    from .namespaces import PREFIXES
    from .stats import graph_stats

    try:
        result = graph_stats(store_dir)
    except KzmigError as error:
        _fail(error)

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


@main.command()
@click.option("--sync", "do_sync", is_flag=True, help="Rewrite data/passages.csv from the records.")
@click.option("--check", "do_check", is_flag=True, help="Verify data/passages.csv against the text.")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True)
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Directory holding the source documents.")
def passages(do_sync: bool, do_check: bool, data_dir: Path, sources_dir: Path) -> None:
    """Locate the records' passages in the source documents (offsets, sections).

    \b
    Examples:
      kzmig-kg passages --sync     # after adding passages: ["285-287"] to a record
      kzmig-kg passages --check    # every locator matches the document
    """
    from .passages import check_passages, sync_passages

    if not (do_sync or do_check):
        raise click.UsageError("give --sync and/or --check")
    try:
        if do_sync:
            click.echo(f"{sync_passages(data_dir, sources_dir)} passages written to "
                       f"{data_dir / 'passages.csv'}")
        if do_check:
            problems = check_passages(data_dir, sources_dir)
            for problem in problems:
                click.echo(problem, err=True)
            if problems:
                sys.exit(1)
            click.echo("every passage matches its document")
    except KzmigError as error:
        _fail(error)


# ==== domain commands ====

@main.command("report")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("report"),
              show_default=True, help="Directory of the report (replaced only when it succeeds).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True, help="The on-disk store written by `build`.")
def report_command(out_dir: Path, store_dir: Path) -> None:
    """Write a static HTML report: figures (PNG and SVG) drawn from named queries on the store,
    each with its query, its data table (also CSV) and the passages of the thesis behind it.

    \b
    Example:
      kzmig-kg report --out report && xdg-open report/index.html
    """
    from .report import build_report

    try:
        result = build_report(store_dir, out_dir)
    except KzmigError as error:
        _fail(error)
    click.echo(f"report written to {result.directory / 'index.html'}: {len(result.figures)} figures")
    for figure in result.figures:
        click.echo(f"  {figure.slug}: {figure.title} ({len(figure.table[1])} rows, "
                   f"{len(figure.passages)} passages)")


@main.command("audit")
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
    from .audit import audit

    try:
        report = audit(store_dir)
    except KzmigError as error:
        _fail(error)
    click.echo(report.to_json() if fmt == "json" else report.to_table())


def _write_output(out: Path | None, write) -> None:
    """Run write(stream) into --out (a temporary file renamed at the end) or standard output."""
    import os
    import tempfile

    if out is None:
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. piped into head
            sys.stderr.close()
            sys.exit(0)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            write(handle)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld", "jsonl"]), default="ttl",
              show_default=True, help="RDF (Web Annotation) or one JSON object per item.")
@click.option("--title", help="Title of the document, recorded with its checksum and size.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["citation", "date", "figure"]),
              help="Only these kinds of item (repeatable; default all).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out items below this confidence.")
@click.option("--no-titles", is_flag=True, help="Leave out acts cited by title only (no number).")
@click.option("--encoding", help="Encoding of a text file (default UTF-8, or its byte-order mark).")
@click.option("--max-size", type=click.IntRange(1), help="Refuse files larger than this many MB "
              "(default 256 for text, 128 for PDF).")
def extract(document: Path, out: Path | None, fmt: str, title: str | None, kinds: tuple[str, ...],
            min_confidence: float, no_titles: bool, encoding: str | None, max_size: int | None) -> None:
    """Extract legal-act citations, dates and migration figures from a text or PDF document.

    Each item is anchored by character offsets and line number, as a Web Annotation in RDF or,
    with --format jsonl, as a JSON object (kind, start, end, line, fields).

    \b
    Examples:
      kzmig-kg extract report.pdf --out report.ttl
      kzmig-kg extract thesis.txt --format jsonl --kind citation
    """
    from .extract import extract_document
    from .extract.to_rdf import write_jsonl, write_rdf

    counts: Counter = Counter()

    def counted(items):
        for item in items:
            counts[item.kind] += 1
            yield item

    try:
        run = extract_document(document, title=title, encoding=encoding,
                               max_bytes=max_size * (1 << 20) if max_size else None,
                               kinds=kinds or ("citation", "date", "figure"),
                               min_confidence=min_confidence, titles=not no_titles)

        def write(stream) -> None:
            items = counted(run.items())
            if fmt == "jsonl":
                write_jsonl(stream, items)
            else:
                write_rdf(stream, fmt, run.document, run.sections, items)

        _write_output(out, write)
    except KzmigError as error:
        _fail(error)
    info = run.document
    for warning in info.warnings:
        click.echo(f"warning: {info.path}: {warning}", err=True)
    click.echo(f"{info.name}: {sum(counts.values())} items ("
               + ", ".join(f"{k} {counts[k]}" for k in ("citation", "date", "figure") if k in counts)
               + f"), {len(run.sections)} sections, {info.lines} lines, sha256 {info.sha256[:12]}…"
               + (f" -> {out}" if out else ""), err=True)


@main.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "ttl", "nt", "jsonld"]), default="table",
              show_default=True)
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True,
              help="Curated records to compare with.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path),
              help="Compare with a built release store (e.g. dist/store) instead of --data.")
@click.option("--show", multiple=True, type=click.Choice(["match", "disagreement", "missing",
                                                          "not-compared"]),
              help="Table rows to list (repeatable; default: match, disagreement, missing).")
@click.option("--out", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--encoding", help="Encoding of a text file (default UTF-8).")
def reconcile(document: Path, fmt: str, data_dir: Path, store_dir: Path | None, show: tuple[str, ...],
              out: Path | None, encoding: str | None) -> None:
    """Compare what a document cites and states with the graph's acts and observations.

    Citations resolve to acts (type + normalised number + year); flow figures to observations
    (direction + country + period + value). Reports matches, disagreements and what the document
    states that the graph lacks, as a table or as RDF.

    \b
    Examples:
      kzmig-kg reconcile ../shared/sources/000_81b0946b00ba0bf2.txt
      kzmig-kg reconcile report.pdf --show missing --show disagreement
      kzmig-kg reconcile report.pdf --format ttl --out report-reconciled.ttl
    """
    from .reconcile import reconcile_document, write_rdf, write_table

    try:
        report = reconcile_document(document, data_dir=data_dir, store_dir=store_dir,
                                    encoding=encoding)
        if fmt == "table":
            _write_output(out, lambda s: write_table(s, report, show or ("match", "disagreement",
                                                                          "missing")))
        else:
            _write_output(out, lambda s: write_rdf(s, report, fmt))
    except KzmigError as error:
        _fail(error)
