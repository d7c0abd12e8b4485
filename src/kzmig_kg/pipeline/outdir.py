"""Replace an output directory (``dist/``, ``report/``) without ever deleting what we did not write.

``replace_output(target, command)`` is a context manager. On entry it refuses a target that is the
working directory, one of its parents, the data directory, a repository root, or an existing
directory without our marker (``.kzmig-output.json``, written by the command); it takes a lock
beside the target, so a second command writing it stops with the other's process id; and it
removes what killed runs left beside the target. The caller fills ``Staging.path``; on a clean
exit the target, a symbolic link to a versioned directory beside it, is swapped by one rename, so
there is no moment without a complete output. On any exception, Ctrl-C or SIGTERM included,
the staging directory is removed and the target is left as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import KzmigError

MARKER = ".kzmig-output.json"
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class OutputRefused(KzmigError):
    """The target of --out is not ours to replace, or another process is writing it."""


@dataclass
class Staging:
    """The directory to fill, the marker of the output it replaces, what to add to the new one."""

    path: Path
    previous: dict[str, Any] | None
    meta: dict[str, Any] = field(default_factory=dict)


@contextmanager
def replace_output(target: Path, command: str, *, protected: tuple[Path, ...] = (),
                   legacy: frozenset[str] = frozenset()) -> Iterator[Staging]:
    """Yield a staging directory that replaces ``target`` when the block ends without error.

    ``legacy`` names every entry an output of this command had before markers existed: a
    directory holding only such entries (all of them files the command writes) is replaced too.
    """
    shown = target
    target = Path(os.path.abspath(target))
    previous = _check_target(target, shown, command, protected, legacy)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputRefused(_os_message(error, target.parent, shown)) from None
    with _lock(target, shown, command):
        _remove_leftovers(target, command)
        staging = _new_version(target, shown, command)
        try:
            handed = Staging(staging, previous)
            yield handed
            _finish(staging, target, handed.meta)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            error = _with_errno(error)
            if error.errno in _FULL or str(error.filename or "").startswith(str(staging)):
                raise OutputRefused(_os_message(error, target.parent, shown)) from None
            raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _check_target(target: Path, shown: Path, command: str, protected: tuple[Path, ...],
                  legacy: frozenset[str]) -> dict[str, Any] | None:
    cwd = Path.cwd().resolve()
    real = target.resolve()
    if real == cwd or cwd.is_relative_to(real):
        raise OutputRefused(f"--out {shown} is the working directory or a parent of it; "
                            f"{command} replaces its output directory, so give a new one "
                            f"(e.g. --out {'dist' if command == 'build' else 'report'})")
    for path in protected:
        kept = Path(path).resolve()
        if real == kept or kept.is_relative_to(real):
            raise OutputRefused(f"--out {shown} holds {path}, which {command} must not replace; "
                                "give another output directory")
    if real.is_dir() and any((real / name).exists()
                             for name in (".git", "pyproject.toml", "setup.py")):
        raise OutputRefused(f"--out {shown} is the root of a project; give another output "
                            "directory")
    if not os.path.lexists(target):
        return None
    if target.is_symlink() and not real.exists() \
            and os.readlink(target).startswith(f".{target.name}.v-"):
        return None  # our link to a version someone removed
    if target.is_symlink() or real.is_dir():
        marker = _read_marker(real)
        if marker is not None and marker.get("command") == command:
            return marker
        if not target.is_symlink() and real.is_dir():
            entries = {entry.name for entry in real.iterdir()}
            if not entries or (legacy and entries <= legacy and len(entries) > len(legacy) // 2):
                return None  # empty, or an output of this command from before markers
        what = "was written by another command" if marker is not None else \
            f"was not written by kzmig-kg {command} (no {MARKER} in it)"
        raise OutputRefused(f"--out {shown} exists and {what}; nothing was changed: remove it "
                            "yourself or give another output directory")
    raise OutputRefused(f"--out {shown} exists and is not a directory; nothing was changed: give "
                        "another output directory")


def _read_marker(directory: Path) -> dict[str, Any] | None:
    try:
        value = json.loads((directory / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


@contextmanager
def _lock(target: Path, shown: Path, command: str) -> Iterator[None]:
    path = target.with_name(f".{target.name}.lock")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputRefused(_os_message(error, target.parent, shown)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise OutputRefused(f"{holder} is writing {shown}; wait for it to finish (or stop it) "
                                "and run the command again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"kzmig-kg {command} (pid {os.getpid()})".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:v-[0-9TZ]+-[0-9a-f]{8}|building-\w{8}|old-\w{8}"
                       r"|old-\d+|link-[0-9a-f]{8}|\w{8})$")


def _remove_leftovers(target: Path, command: str) -> None:
    """Remove staging, old and link entries of earlier runs that were killed midway."""
    current = target.resolve() if target.is_symlink() else None
    for entry in target.parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if match is None or match["name"] != target.name or entry == current:
            continue
        if entry.is_symlink():
            entry.unlink(missing_ok=True)
            continue
        marker = _read_marker(entry)
        legacy = re.search(r"\.(building|old)-\w+$", entry.name) is not None
        if entry.is_dir() and ((marker is not None and marker.get("command") == command) or legacy):
            shutil.rmtree(entry, ignore_errors=True)


def _new_version(target: Path, shown: Path, command: str) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    staging = target.with_name(f".{target.name}.v-{stamp}-{secrets.token_hex(4)}")
    umask = os.umask(0)
    os.umask(umask)
    try:
        staging.mkdir(mode=0o777 & ~umask)
        _write_marker(staging, {"command": command, "pid": os.getpid(), "complete": False})
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputRefused(_os_message(error, target.parent, shown)) from None
    return staging


def _write_marker(directory: Path, value: dict[str, Any]) -> None:
    tmp = directory / f"{MARKER}.tmp"
    tmp.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, directory / MARKER)


def _finish(staging: Path, target: Path, meta: dict[str, Any]) -> None:
    """Mark the staging directory complete, point the target at it by one rename, drop the old."""
    marker = _read_marker(staging) or {}
    marker.update(meta)
    marker.update(complete=True, created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    _write_marker(staging, marker)
    old: Path | None = None
    if target.is_symlink():
        old = target.resolve()
    elif target.is_dir():
        # a directory from before versioned outputs (checked above: ours, or empty): moved aside,
        # the one moment without an output, once
        old = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
        os.replace(target, old)
    link = target.with_name(f".{target.name}.link-{secrets.token_hex(4)}")
    os.symlink(staging.name, link)
    try:
        _fault_point("before-swap")
        os.replace(link, target)
    except BaseException:
        link.unlink(missing_ok=True)
        if old is not None and not target.is_symlink() and not os.path.lexists(target):
            os.replace(old, target)  # put the earlier output back
        raise
    _fault_point("after-swap")
    if old is not None and old != staging and old.parent == target.parent:
        shutil.rmtree(old, ignore_errors=True)


def _fault_point(name: str) -> None:
    """Kill (KZMIG_FAULT=name) or suspend (stop-name) this process at ``name``: how the tests
    crash a swap, or signal a process at a known point."""
    fault = os.environ.get("KZMIG_FAULT")
    if fault == name:
        os.kill(os.getpid(), signal.SIGKILL)
    elif fault == f"stop-{name}":
        os.kill(os.getpid(), signal.SIGSTOP)


def _with_errno(error: OSError) -> OSError:
    """The error with its errno: the store (Rust) raises OSError("File too large (os error 27)")
    with the number only in its message."""
    found = re.search(r"\(os error (\d+)\)", str(error)) if error.errno is None else None
    if found is None:
        return error
    number = int(found.group(1))
    return OSError(number, os.strerror(number), error.filename)


def _os_message(error: OSError, where: Path, shown: Path) -> str:
    reason = {errno.EACCES: "permission denied", errno.EPERM: "permission denied",
              errno.EROFS: "the file system is read-only",
              errno.ENOSPC: "no space left on the device",
              errno.EFBIG: "a file over this process's size limit, ulimit -f"}.get(error.errno or 0,
                                                              error.strerror or str(error))
    todo = "free some space" if error.errno in _FULL else "fix the permissions"
    return f"cannot write {shown} ({reason} in {where}); {todo}, or give another --out"
