"""What every command shares: default paths, one-line errors, progress lines and atomic output."""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

DATA = Path("data")
DIST = Path("dist")
SOURCES = Path("../shared/sources")


def fail(error: Exception) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


def os_error_line(error: OSError) -> str:
    """One line for an error of the file system: the path, the reason, what to do."""
    found = re.search(r"\(os error (\d+)\)", str(error)) if error.errno is None else None
    if found is not None:  # raised by the store (Rust): the number only in the message
        error = OSError(int(found.group(1)), os.strerror(int(found.group(1))), error.filename)
    reason = {errno.EACCES: "permission denied", errno.EPERM: "permission denied",
              errno.EROFS: "the file system is read-only", errno.ENOSPC: "no space left on the device",
              errno.EDQUOT: "disk quota exceeded", errno.ENOENT: "no such file or directory",
              errno.EISDIR: "is a directory",
              errno.EIO: "input/output error",
              errno.EFBIG: "larger than this process may write (ulimit -f)",
              }.get(error.errno or 0, error.strerror or str(error))
    path = f"{error.filename}: " if error.filename else ""
    todo = {errno.ENOSPC: "free some space", errno.EDQUOT: "free some space",
            errno.EFBIG: "raise the limit or write elsewhere",
            errno.ENOENT: "check the path"}.get(error.errno or 0,
                                                 "check the path and its permissions")
    return f"{path}{reason}; {todo}, then run the command again"


def progress(message: str) -> None:
    click.echo(f"  {message}", err=True)


def write_output(out: Path | None, write) -> None:
    """Run write(stream) into --out (a temporary file renamed at the end) or standard output."""
    if out is None:
        try:
            with writing_to("standard output"):
                write(sys.stdout)
                sys.stdout.flush()
        except BrokenPipeError:  # e.g. piped into head
            sys.stderr.close()
            sys.exit(0)
        return
    if out.is_dir():
        raise OSError(errno.EISDIR, "is a directory; give a file path", str(out))
    if out.exists() and not out.is_file():  # a device or a pipe: written in place, never replaced
        with writing_to(out), open(out, "w", encoding="utf-8") as handle:
            write(handle)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with writing_to(out), os.fdopen(fd, "w", encoding="utf-8") as handle:
            write(handle)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def writing_to(path: Path | str) -> Iterator[None]:
    """An OS error of a write (which carries no file name) names the file the user gave."""
    try:
        yield
    except OSError as error:
        if error.filename or isinstance(error, BrokenPipeError):
            raise
        raise OSError(error.errno, error.strerror, str(path)) from None


