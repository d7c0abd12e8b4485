"""Fault cases of issue #12 against a fresh copy of the project, one verdict per case.

    .venv/bin/python benchmarks/faults.py [--only NAME ...]

Copies the project (without .git, .venv, dist) into a temporary directory, builds a release there
once (--no-reason), then makes each fault happen through the CLI and checks the outcome: exit
code 1 with one line and no traceback, the previous release intact byte for byte, nothing left
behind, and for the bounded cases the seconds taken. Prints the load average with the figures:
on a shared machine the seconds are measured under load.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("kzmig-kg"))
CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ALIAS_BOMB = ROOT / "tests" / "fixtures" / "records" / "alias-bomb.yaml"


def run(project: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], cwd=project, capture_output=True, text=True,
                          timeout=timeout)


def snapshot(directory: Path) -> dict[str, str]:
    return {p.relative_to(directory).as_posix():
            "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*"))
            if ".git" not in p.parts and not p.name.endswith(".lock")}  # a lock names its holder


def one_line(done: subprocess.CompletedProcess) -> bool:
    lines = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    return done.returncode == 1 and len(lines) == 1 and "Traceback" not in done.stderr


class Cases:
    def __init__(self, project: Path) -> None:
        self.project = project
        self.dist = project / "dist"

    def refused_untouched(self, *args: str) -> tuple[bool, str]:
        before = snapshot(self.project)
        done = run(self.project, *args)
        after = snapshot(self.project)
        return one_line(done) and before == after, done.stderr.strip().splitlines()[-1]

    def build_out_dot(self):
        return self.refused_untouched("build", "--out", ".", "--no-reason")

    def build_out_data(self):
        return self.refused_untouched("build", "--out", "data", "--no-reason")

    def report_out_data(self):
        return self.refused_untouched("report", "--out", "data")

    def report_out_src(self):
        return self.refused_untouched("report", "--out", "src")

    def build_empty_data(self):
        (self.project / "empty").mkdir(exist_ok=True)
        try:
            return self.refused_untouched("build", "--data", "empty", "--no-reason")
        finally:
            (self.project / "empty").rmdir()

    def alias_bomb(self):
        target = self.project / "data" / "zz-alias-bomb.yaml"
        shutil.copy(ALIAS_BOMB, target)
        try:
            start = time.monotonic()
            done = run(self.project, "validate", timeout=120)
            seconds = time.monotonic() - start
            return (done.returncode == 1 and "anchors and aliases" in done.stderr,
                    f"refused in {seconds:.1f} s")
        finally:
            target.unlink()

    def act_1890(self):
        acts = self.project / "data" / "legal" / "acts.yaml"
        text = acts.read_text(encoding="utf-8")
        acts.write_text(text.replace('date: "2011"\n    date_adopted: "2011-07-22"',
                                     'date: "1890"', 1), encoding="utf-8")
        try:
            done = run(self.project, "validate")
            return done.returncode == 1 and "before" in done.stderr, \
                done.stderr.strip().splitlines()[-1]
        finally:
            acts.write_text(text, encoding="utf-8")

    def yaml_slip_counts_once(self):
        acts = self.project / "data" / "legal" / "acts.yaml"
        text = acts.read_text(encoding="utf-8")
        acts.write_text(text.replace("    act_type: law\n", "    act_type: [law\n", 1),
                        encoding="utf-8")
        try:
            done = run(self.project, "validate")
            count = done.stderr.splitlines()[0]
            return done.returncode == 1 and count.startswith("error: 2 problem"), count
        finally:
            acts.write_text(text, encoding="utf-8")

    def update_refused(self):
        query = self.project / "update.rq"
        query.write_text("INSERT DATA { <urn:a> <urn:b> <urn:c> }\n", encoding="utf-8")
        try:
            done = run(self.project, "query", str(query))
            return one_line(done) and "updates are refused" in done.stderr, done.stderr.strip()
        finally:
            query.unlink()

    def runaway_query_timeout(self):
        query = self.project / "runaway.rq"
        query.write_text(CROSS_COUNT, encoding="utf-8")
        try:
            start = time.monotonic()
            done = run(self.project, "query", str(query), "--timeout", "3")
            seconds = time.monotonic() - start
            return one_line(done) and seconds < 4, f"--timeout 3 stopped it after {seconds:.2f} s"
        finally:
            query.unlink()

    def ctrl_c_busy_engine(self):
        query = self.project / "runaway.rq"
        query.write_text(CROSS_COUNT, encoding="utf-8")
        process = subprocess.Popen([CLI, "query", str(query), "--timeout", "300"],
                                   cwd=self.project, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        try:
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
            deadline = time.monotonic() + 60
            while not children.read_text().split() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(1)  # the engine is counting
            start = time.monotonic()
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=30)
            seconds = time.monotonic() - start
            return seconds < 1 and "Traceback" not in stderr, f"stopped {seconds:.2f} s after SIGINT"
        finally:
            query.unlink()
            if process.poll() is None:
                process.kill()

    def trickling_endpoint(self):
        class Trickle(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                try:
                    for _ in range(12):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(5)
                except OSError:
                    pass

            def log_message(self, *args) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/query"
            start = time.monotonic()
            done = run(self.project, "query", "rq-national-balance", "--endpoint", url,
                       "--timeout", "10")
            seconds = time.monotonic() - start
            return one_line(done) and seconds < 12, \
                f"a byte every 5 s, --timeout 10: stopped after {seconds:.1f} s"
        finally:
            server.shutdown()
            server.server_close()

    def corrupt_store(self):
        store = self.project / "broken-store"
        store.mkdir()
        (store / "CURRENT").write_text("garbage\n", encoding="utf-8")
        try:
            done = run(self.project, "stats", "--store", str(store))
            return one_line(done), done.stderr.strip()
        finally:
            shutil.rmtree(store)

    def killed_between_renames(self):
        before = snapshot(self.dist)
        done = subprocess.run([CLI, "build", "--no-reason"], cwd=self.project, text=True,
                              capture_output=True, env={**os.environ, "KZMIG_FAULT": "before-swap"},
                              timeout=600)
        intact = snapshot(self.dist) == before
        done2 = run(self.project, "build", "--no-reason")
        left = sorted(p.name for p in self.project.iterdir() if p.name.startswith(".dist."))
        clean = len(left) == 2 and ".dist.lock" in left
        return (done.returncode == -signal.SIGKILL and intact and done2.returncode == 0 and clean,
                f"killed build: release intact={intact}; next build left {left}")

    def two_builds_race(self):
        first = subprocess.Popen([CLI, "build", "--no-reason"], cwd=self.project,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lock = self.project / ".dist.lock"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and f"pid {first.pid}" not in (
                lock.read_text() if lock.exists() else ""):
            time.sleep(0.05)
        second = run(self.project, "build", "--no-reason")
        first.communicate(timeout=600)
        return (one_line(second) and f"pid {first.pid}" in second.stderr and first.returncode == 0,
                second.stderr.strip())

    def dist_mode(self):
        mode = self.dist.resolve().stat().st_mode & 0o777
        return mode != 0o700, f"dist/ mode {oct(mode)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names of the cases to run")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} (figures measured under that load)")
    with tempfile.TemporaryDirectory(prefix="kzmig-faults-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
            ".git", ".venv", "dist", "report", ".dist*", "__pycache__", "*.egg-info"))
        built = run(project, "build", "--no-reason")
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 2
        cases = Cases(project)
        names = [n for n in vars(Cases) if not n.startswith("_") and n != "refused_untouched"]
        failed = 0
        for name in names:
            if args.only and name not in args.only:
                continue
            check: Callable[[], tuple[bool, str]] = getattr(cases, name)
            try:
                ok, detail = check()
            except Exception as error:  # noqa: BLE001 - a case that crashes is a failed case
                ok, detail = False, f"{type(error).__name__}: {error}"
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name:<24} {detail}")
        print(f"{len(names) - failed if not args.only else '-'} ok, {failed} failed; "
              f"load average {os.getloadavg()[0]:.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
