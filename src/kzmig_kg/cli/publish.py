"""Commands that take a built release elsewhere: ``export``, ``report``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import KzmigError
from .common import DIST, SOURCES, fail


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
        sys.stdout.buffer.write(data)


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

COMMANDS = (export, report_command)
