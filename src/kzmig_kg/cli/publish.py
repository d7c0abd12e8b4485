"""Commands that take a built release elsewhere: ``export``, ``report``, ``push``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import KzmigError
from .common import DIST, SOURCES, fail, writing_to


@click.command()
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
    from ..publish.export import export_graph

    try:
        data = export_graph(store_dir, fmt, out)
    except KzmigError as error:
        fail(error)
    if out is None:
        with writing_to("standard output"):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()


@click.command("report")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("report"),
              show_default=True, help="Directory of the report (replaced only when it succeeds).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DIST / "store",
              show_default=True, help="The on-disk store written by `build`.")
@click.option("--sources", "sources_dir", type=click.Path(path_type=Path), default=SOURCES,
              show_default=True, help="Where the source documents are, for the passages' text.")
def report_command(out_dir: Path, store_dir: Path, sources_dir: Path) -> None:
    """Write a static HTML report: figures (PNG and SVG) drawn from named queries on the store,
    each with its query, its data table (also CSV) and the passages of the thesis behind it.

    \b
    Example:
      kzmig-kg report --out report && xdg-open report/index.html
    """
    from ..publish.report import build_report

    try:
        result = build_report(store_dir, out_dir, sources_dir=sources_dir)
    except KzmigError as error:
        fail(error)
    click.echo(f"report written to {result.directory / 'index.html'}: {len(result.figures)} figures")
    for figure in result.figures:
        click.echo(f"  {figure.slug}: {figure.title} ({len(figure.table[1])} rows, "
                   f"{len(figure.passages)} passages)")

@click.command("push")
@click.option("--endpoint", required=True, help="The store's SPARQL query endpoint.")
@click.option("--update", "update_url", help="Its SPARQL Update endpoint (derived for Oxigraph and "
              "Virtuoso).")
@click.option("--graph-store", "graph_store_url", help="Its Graph Store Protocol endpoint (derived "
              "for Oxigraph and Virtuoso).")
@click.option("--release", "release_dir", type=click.Path(path_type=Path), default=DIST,
              show_default=True, help="The release directory written by `build`.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Triples per upload request.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120.0, show_default=True,
              help="Seconds to wait for each request.")
@click.option("--dry-run", is_flag=True, help="Read what the store holds and say what a push "
              "would do; write nothing.")
@click.option("--no-bulk", is_flag=True, help="On an Oxigraph server, upload graph by graph "
              "through the Graph Store Protocol instead of one bulk N-Quads request.")
def push_command(endpoint: str, update_url: str | None, graph_store_url: str | None,
                 release_dir: Path, chunk_size: int, timeout: float, dry_run: bool,
                 no_bulk: bool) -> None:
    """Load the release into an external SPARQL 1.1 store, atomically: every named graph goes
    into a staging graph (Graph Store Protocol, in chunks; on an Oxigraph server one bulk N-Quads
    request), the counts are checked by SPARQL,
    then one update swaps staging for live (a first push to an Oxigraph server, with no live
    graph yet, is one transactional load instead). Credentials: KZMIG_PUSH_USER and
    KZMIG_PUSH_PASSWORD, or a netrc entry for the store's host.

    \b
    Example:
      kzmig-kg push --endpoint http://127.0.0.1:7878/query
    """
    from ..publish.push import StoreEndpoints, push_release

    def show(graph: str, sent: int, total: int) -> None:
        click.echo(f"  {sent}/{total} triples ({100 * sent // max(total, 1)}%) {graph}", err=True)

    try:
        endpoints = StoreEndpoints.from_urls(endpoint, update_url, graph_store_url, bulk=not no_bulk)
        result = push_release(release_dir, endpoints, chunk_triples=chunk_size, dry_run=dry_run,
                              timeout=timeout, progress=show)
    except KzmigError as error:
        fail(error)
    if dry_run:
        click.echo(f"dry run: would push {len(result.graphs)} graphs, {result.triples} triples "
                   f"(release {result.release}) to {endpoints.graph_store}; "
                   f"{len(result.resumed)} already staged; would drop {len(result.dropped)} "
                   "graphs the release no longer has"
                   + ("; a first push: one transactional load, no staging or swap"
                      if result.direct else ""))
        for name in result.dropped:
            click.echo(f"  drop {name}")
        return
    click.echo(f"pushed {len(result.graphs)} graphs, {result.triples} triples (release "
               f"{result.release}) to {endpoints.graph_store} in {result.seconds:.1f} s"
               + (f"; {len(result.resumed)} graphs resumed from staging" if result.resumed else "")
               + (f"; {len(result.unchanged)} live graphs already held the release and were left as "
                  "they were" if result.unchanged else "")
               + (f"; dropped {len(result.dropped)} obsolete graphs" if result.dropped else "")
               + ("; first push: one transactional load, no staging or swap" if result.direct else ""))

COMMANDS = (export, report_command, push_command)
