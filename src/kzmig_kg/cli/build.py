"""Commands of the build pipeline: ``build``, ``validate``, ``passages``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import KzmigError, RecordErrors
from .common import DATA, DIST, SOURCES, fail, progress


@click.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True,
              help="Directory of curated records.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DIST, show_default=True,
              help="Release directory (replaced only when the build succeeds).")
@click.option("--no-reason", is_flag=True, help="Skip the HermiT consistency check.")
@click.option("--force", is_flag=True,
              help="Replace the release even if the records are far fewer than its own.")
@click.option("--reasoner-heap", metavar="SIZE", default=None,
              help="Java heap for HermiT, e.g. 8g (default $KZMIG_REASONER_HEAP, else 2000M).")
@click.option("--stream/--no-stream", default=None,
              help="Map the records chunk by chunk into the store, validate with the shapes "
                   "compiled to SPARQL on the store and "
                   "check the OWL 2 RL rules instead of HermiT (default: from 10,000 records on).")
def build(data_dir: Path, out_dir: Path, no_reason: bool, force: bool,
          reasoner_heap: str | None, stream: bool | None) -> None:
    """Build the release: records -> RDF -> SHACL -> HermiT -> dist/ (dumps, VoID, store).

    \b
    Example:
      kzmig-kg build --data data --out dist
    """
    from ..pipeline.build import build_release

    try:
        result = build_release(data_dir, out_dir, progress=progress, reason=not no_reason,
                               force=force, reasoner_heap=reasoner_heap, stream=stream)
    except KzmigError as error:
        fail(_as_given(error, data_dir))
    click.echo(f"kzmig-kg {__version__}: release written to {result.release.directory}")
    click.echo(f"  records: {result.records} ("
               + ", ".join(f"{k} {n}" for k, n in sorted(result.kinds.items())) + ")")
    click.echo(f"  triples: {result.release.triples} in {result.release.quads} quads")
    click.echo(f"  {result.validation.summary(limit=0)}")
    click.echo(f"  {result.reasoning.summary()}")
    click.echo("  stages: " + ", ".join(f"{n} {m.seconds:.2f}s" for n, m in result.stages.items()))
    click.echo(f"  files: {', '.join(result.release.files)}")


@click.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DATA, show_default=True)
def validate(data_dir: Path) -> None:
    """Check the records (schema, references) and the graph (SHACL), without writing anything.

    \b
    Example:
      kzmig-kg validate --data data
    """
    from ..pipeline.graph import build_graph
    from ..pipeline.records import read_records
    from ..pipeline.validate import validate_graph

    try:
        records = read_records(data_dir)
        report = validate_graph(build_graph(records), records)
    except KzmigError as error:
        fail(_as_given(error, data_dir))
    click.echo(f"{len(records.records)} records in {len(records.files)} files: schema OK")
    click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


def _as_given(error: KzmigError, data_dir: Path) -> KzmigError:
    """Problems in records name their files under --data as the user wrote it."""
    from ..pipeline.records import as_given

    return RecordErrors(as_given(error.errors, data_dir)) if isinstance(error, RecordErrors) \
        else error


@click.command()
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
    from ..pipeline.passages import check_passages, sync_passages

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
        fail(error)

COMMANDS = (build, validate, passages)
