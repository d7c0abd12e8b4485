"""The kzmig-kg command line: a thin layer over the library, one module per command group.

``build`` (build, validate, passages), ``query`` (query, queries, stats, audit), ``loader`` (extract,
reconcile), ``publish`` (export, report), ``serve`` (the web server); ``common`` holds what they
share. A command parses its options, calls one library function and prints; errors are one line
on standard error, exit 1.
The top room: it may import every other; none imports it. A command module imports the library
inside the command, so that ``kzmig-kg query`` does not pay for loading pyshacl or matplotlib.
"""

from __future__ import annotations

import errno
import signal
import sys

import click

from .. import __version__
from . import build, loader, publish, query, serve
from .common import os_error_line, writing_to


class _Commands(click.Group):
    """Every command: a fault of the file system is one line on standard error, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            _flush_stdout()
            return result
        except BrokenPipeError:  # e.g. piped into head
            sys.stderr.close()
            sys.exit(0)
        except OSError as error:
            if not error.filename and error.errno in _STREAM_FULL:
                # the files commands write name themselves (write_output, outdir): an unnamed
                # full-disk error is one of a stream, printed rows or a dump on standard output
                error = OSError(error.errno, error.strerror, "standard output")
            click.echo(f"error: {os_error_line(error)}", err=True)
            sys.exit(1)


_STREAM_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _flush_stdout() -> None:
    """Flush standard output now, so that a full disk behind it fails the command (exit 1)
    instead of being lost at interpreter exit with status 0."""
    with writing_to("standard output"):
        sys.stdout.flush()


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kzmig-kg")
def main() -> None:
    """kzmig-kg: knowledge graph of Kazakhstan's migration governance and migration trends.

    \b
    Example:
      kzmig-kg build && kzmig-kg query acts-by-number --param number=477-IV
    """
    # SIGTERM stops a command like Ctrl-C: what it was writing is removed on the way out
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


for _module in (build, query, loader, publish, serve):
    for _command in _module.COMMANDS:
        main.add_command(_command)
