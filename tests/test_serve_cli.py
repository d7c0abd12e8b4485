"""`kzmig-kg serve` as a user meets it in a terminal: a port already in use is one line before
any worker starts, and Ctrl-C (SIGINT to the whole foreground process group) stops the server and
its SPARQL workers without a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kzmig_kg.publish.servers import free_port

CLI = Path(sys.executable).with_name("kzmig-kg")


def test_a_port_in_use_is_one_line(release) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([str(CLI), "serve", "--store", str(release.dir / "store"),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use; stop what uses it "
        "or give another --port"]


@pytest.mark.parametrize("base", ["ftp://x/", "127.0.0.1:8000", "http:///kzmig/", "http://h/?a=1"])
def test_a_base_that_is_not_an_http_address_is_one_line(release, base: str) -> None:
    result = subprocess.run([str(CLI), "serve", "--store", str(release.dir / "store"), "--port", "0",
                             "--base", base], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: --base {base}: give the http or https address the graph is served at, "
        "e.g. --base http://127.0.0.1:8000/"]


def test_ctrl_c_stops_the_server_and_its_workers_without_a_traceback(release, tmp_path) -> None:
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen([str(CLI), "serve", "--store", str(release.dir / "store"),
                                   "--port", str(port), "--workers", "2"],
                                  stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
        try:
            _wait_until_it_answers(f"http://127.0.0.1:{port}", server)
            os.killpg(server.pid, signal.SIGINT)   # what a terminal does on Ctrl-C
            assert server.wait(timeout=30) == 0
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)
    written = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in written and "KeyboardInterrupt" not in written, written
    assert "Aborted" not in written


def _wait_until_it_answers(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, "kzmig-kg serve exited before it answered"
        try:   # a SELECT, so that a SPARQL worker has surely started
            with urllib.request.urlopen(url + "/sparql?query=SELECT%20*%7B%7D", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, "kzmig-kg serve did not answer within 60 s"
        time.sleep(0.1)
