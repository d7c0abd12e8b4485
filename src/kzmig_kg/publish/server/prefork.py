"""Several server processes answering on one port: ``serve_forked(sockets, serve_one)``.

One Python process answers on one core; the server forks one process per listening socket, all
bound by the parent to the same port with SO_REUSEPORT, so that the kernel spreads the clients'
connections over them (a single shared socket lets the first process to wake take them all). The
parent only supervises: it forks before anything opens the store (RocksDB handles do not survive
a fork), restarts a process that dies, and on Ctrl-C or SIGTERM stops them all, waiting for each
within a deadline and killing what is left, so no process outlives it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

LOG = logging.getLogger("kzmig_kg.server")
STOPS = {signal.SIGINT, signal.SIGTERM}
START_FAILED = 3             # a child's exit code: it could not start (its error is printed)
RESTARTS_PER_MINUTE = 5      # more deaths than this and the parent gives up (something is broken)


def reuse_port_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets listening on the same address (the first decides the port when ``port``
    is 0). Raises ``OSError`` when the address is in use or not ours."""
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
            sockets.append(listener)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if count > 1:
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            listener.bind((host, port))
            port = listener.getsockname()[1]
            listener.listen(2048)
    except OSError:
        for listener in sockets:
            listener.close()
        raise
    return sockets


def serve_forked(sockets: list[socket.socket], serve_one: Callable[[int, socket.socket], None],
                 stop_timeout_s: float = 10.0) -> int:
    """Run ``serve_one(index, socket)`` in one forked process per socket until Ctrl-C or SIGTERM;
    return the exit code (0, or 1 when a process could not start). ``serve_one`` returns when its
    server has stopped; raising ``SystemExit(START_FAILED)`` says it never started."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOPS | {signal.SIGCHLD})
    children: dict[int, int] = {}
    deaths: list[float] = []
    try:
        for index, listener in enumerate(sockets):
            children[_fork(index, listener, serve_one)] = index
        while children:
            received = signal.sigtimedwait(STOPS | {signal.SIGCHLD}, 1.0)
            if received is not None and received.si_signo in STOPS:
                break
            for pid, exit_code in _reaped():
                index = children.pop(pid, None)
                if index is None:
                    continue
                if exit_code == START_FAILED:
                    return 1
                deaths = [t for t in deaths if t > time.monotonic() - 60] + [time.monotonic()]
                if len(deaths) > RESTARTS_PER_MINUTE:
                    LOG.error("server processes keep dying (%d in a minute); stopping", len(deaths))
                    return 1
                LOG.error("server process %d ended (exit code %s); starting another", pid, exit_code)
                children[_fork(index, sockets[index], serve_one)] = index
    finally:
        _stop(children, stop_timeout_s)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS | {signal.SIGCHLD})
    return 0


def _fork(index: int, listener: socket.socket, serve_one: Callable[[int, socket.socket], None]) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        for number in STOPS:
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS | {signal.SIGCHLD})
        serve_one(index, listener)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except KeyboardInterrupt:
        code = 0
    except BaseException as error:  # noqa: BLE001 - one line, and the parent starts another
        print(f"server process {os.getpid()}: {type(error).__name__}: {error}", file=sys.stderr)
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)   # never return into the parent's code (its finally blocks, atexit)


def _reaped() -> list[tuple[int, int]]:
    found = []
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return found
        if pid == 0:
            return found
        found.append((pid, os.waitstatus_to_exitcode(status)))


def _stop(children: dict[int, int], timeout_s: float) -> None:
    """SIGTERM to every child (uvicorn stops gracefully and its SPARQL workers with it), then
    SIGKILL to any still running at the deadline."""
    for pid in children:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while children and time.monotonic() < deadline:
        for pid, _ in _reaped():
            children.pop(pid, None)
        if children:
            time.sleep(0.05)
    for pid in list(children):
        for descendant in descendants(pid):   # its SPARQL workers, perhaps mid-query
            _signal(descendant, signal.SIGKILL)
        _signal(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        children.pop(pid, None)


def descendants(pid: int) -> list[int]:
    """The processes now alive below ``pid`` (its children, their children...), from /proc."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, of in parents.items() if of == parent]
        found += children
        frontier += children
    return found


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, number)
