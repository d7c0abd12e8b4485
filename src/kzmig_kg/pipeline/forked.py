"""Work done by a forked process beside the parent's own: ``Forked`` (the record files read in
two processes, the release's dumps and parts).

A child never touches the parent's store, open in RocksDB (it reads files, or a checkpoint of the
store), and ends with ``os._exit`` so that no finaliser of the parent's objects runs twice.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from typing import Any

from ..errors import KzmigError

# a dump of ten million triples takes minutes on a loaded machine; past this a child is stuck
DEADLINE_SECONDS = 3600.0


class Forked:
    """``fn(*args)`` running in a forked process; ``result()`` returns its value or raises.

    ``start="forkserver"``: forked from a single-threaded server process started once (``fn``
    and ``args`` picklable), for a child that opens a RocksDB store: a fork of this process copies
    RocksDB's locks in whatever state its background threads hold them, and a child opening a
    store can wait on one forever."""

    def __init__(self, doing: str, fn: Callable[..., Any], *args: Any,
                 start: str = "fork") -> None:
        self.doing = doing   # what the child does, for messages: "writing the TriG dump"
        context = multiprocessing.get_context(start)
        if start == "forkserver":  # the server imports fn's module once, not each child
            context.set_forkserver_preload([fn.__module__])
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=self._run, args=(send, fn, args), daemon=True)
        self._process.start()
        send.close()

    @staticmethod
    def _run(send: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its children
        try:
            outcome: tuple[str, Any] = ("ok", fn(*args))
        except BaseException as error:  # noqa: BLE001 - sent to the parent, which raises it
            outcome = ("error", f"{type(error).__name__}: {error}")
        try:
            send.send(outcome)
        finally:
            os._exit(0)

    def result(self, deadline: float = DEADLINE_SECONDS) -> Any:
        try:
            if not self._receive.poll(deadline):
                raise KzmigError(f"{self.doing} took over {deadline:.0f} s; stopped. Run "
                                 "the build again on a less loaded machine")
            status, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise KzmigError(f"the process {self.doing} died (exit code "
                             f"{self._process.exitcode}); check the free memory and disk, and "
                             "run the build again") from None
        finally:
            self.stop()
        if status == "error":
            raise KzmigError(f"{self.doing} failed: {value}")
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
