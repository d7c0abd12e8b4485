"""`kzmig-kg push` against a store that refuses every request with 401: the one error line says
whether credentials were sent, and whose, instead of asking for credentials already given."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from kzmig_kg.cli import main
from kzmig_kg.publish.servers import free_port


class _Refusing(http.server.BaseHTTPRequestHandler):
    def _refuse(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="store"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _refuse

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def refusing_store() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


def _push(release, url: str):
    return CliRunner().invoke(main, ["push", "--endpoint", url, "--dry-run",
                                     "--release", str(release.dir)])


def test_no_credentials_asks_for_them(release, refusing_store, monkeypatch) -> None:
    monkeypatch.delenv("KZMIG_PUSH_USER", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent/netrc")
    result = _push(release, refusing_store)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert "refused the request (HTTP 401): set KZMIG_PUSH_USER and KZMIG_PUSH_PASSWORD" in result.stderr


def test_wrong_credentials_are_named_as_refused(release, refusing_store, monkeypatch) -> None:
    monkeypatch.setenv("KZMIG_PUSH_USER", "alice")
    monkeypatch.setenv("KZMIG_PUSH_PASSWORD", "not-her-password")
    result = _push(release, refusing_store)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert "refused the credentials of user 'alice' (HTTP 401): check KZMIG_PUSH_USER and " \
           "KZMIG_PUSH_PASSWORD" in result.stderr
    assert "not-her-password" not in result.stderr
