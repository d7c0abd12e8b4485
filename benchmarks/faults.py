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
import json
import os
import re
import resource
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
NEWLINE_FREE_MB = int(os.environ.get("KZMIG_FAULTS_NEWLINE_FREE_MB", "50"))
# extraction of one document as `kzmig-kg extract` runs it (items streamed, not gathered): peak
# resident memory (MiB) and CPU seconds, the speed to compare on a loaded machine
PEAK_OF_EXTRACT = """
import resource, sys
from kzmig_kg.loader.extract import extract_document
run = extract_document(sys.argv[1])
sum(1 for _ in run.items())
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss >> 10)
"""
CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FIXTURES = ROOT / "tests" / "fixtures" / "records"
ALIAS_BOMB = FIXTURES / "alias-bomb.yaml"


def run(project: Path, *args: str, timeout: float = 600, **options) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], cwd=project, capture_output=True, text=True,
                          timeout=timeout, **options)


def file_limit(size: int) -> Callable[[], None]:
    """A child process that may write no file larger than ``size`` bytes (a disk that fills up)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


# (case, file under data/, text to replace, replacement, words the one problem must contain):
# one fault in the records, reported once with file, line and field
RECORD_FAULTS = [
    ("yaml_one_bad_field_one_error", "legal/acts.yaml", 'date: "2011"\n    date_adopted: "2011-07-22"',
     'date: "20x1"\n    date_adopted: "2011-07-22"', "field 'date'"),
    ("act_year_in_id_disagrees", "legal/acts.yaml", 'date: "2011"\n    date_adopted: "2011-07-22"',
     'date: "2012"', "the year in the id"),
    ("act_convocation_disagrees", "legal/acts.yaml", '    number: "477-IV"\n', '    number: "477-II"\n',
     "names convocation II"),
    ("agreement_ratified_before_signed", "agreements/agreements.yaml",
     '    signed: "1996-05"\n    ratified: "1996"', '    signed: "1996-05"\n    ratified: "1995"',
     "before it was signed"),
    ("programme_ends_before_it_starts", "policy/policy-documents.yaml",
     "    period_start: 2009\n    period_end: 2011", "    period_start: 2009\n    period_end: 2008",
     "before it starts"),
    ("unknown_reference_named_once", "legal/acts.yaml", "issuer: [supreme-council]",
     "issuer: [supreme-councilx]", "supreme-councilx"),
]
# (case, fixture under tests/fixtures/records, words of the one problem it must give)
FIXTURE_FAULTS = [
    ("yaml_not_utf8", "not-utf8.yaml", "not UTF-8"),
    ("yaml_malformed", "malformed.yaml", "malformed YAML"),
    ("yaml_nested_too_deep", "too-deep.yaml", "nested deeper"),
    ("yaml_duplicate_id", "duplicate-id.yaml", "duplicate"),
    ("yaml_unknown_kind", "unknown-kind.yaml", "kind"),
    ("yaml_unknown_field", "unknown-field.yaml", "unknown field"),
    ("yaml_bad_date", "bad-date.yaml", "field 'created'"),
    ("yaml_bad_locator", "bad-locator.yaml", "passage"),
    ("act_1890_fixture", "act-1890.yaml", "before"),
    ("act_before_independence_not_typed_ssr", "act-before-independence-untyped.yaml",
     "before independence (1991-12-16), typed as law"),
    ("act_ssr_after_independence", "act-ssr-after-independence.yaml", "after independence"),
    ("act_ssr_before_the_ssr", "act-ssr-1890.yaml", "before the Kazakh SSR"),
    ("programme_year_in_id_disagrees", "programme-year-in-id.yaml", "contradicts the years in the id"),
    ("programme_too_long", "programme-too-long.yaml", "a period of 34 years"),
    ("programme_before_independence", "programme-before-independence.yaml", "lies outside 1991-"),
    ("programme_adopted_after_its_end", "programme-adopted-after-end.yaml", "after its period ended"),
    ("agreement_in_effect_before_signed", "agreement-effective-before-signed.yaml",
     "before it was signed"),
    ("agreement_ratified_before_signed_month", "agreement-ratified-before-signed.yaml",
     "ratified (1996-03) before it was signed (1996-05)"),
    ("observation_outside_source_coverage", "observation-outside-coverage.yaml",
     "outside the coverage of data set"),
    ("observation_after_its_source_appeared", "observation-after-source.yaml",
     "begins after its source"),
]
# (case, arguments, words of the one error line): a fault of the input or the environment
ONE_LINE_FAULTS = [
    ("query_file_missing", ["query", "no-such.rq"], "no such query file: no-such.rq"),
    ("query_name_unknown", ["query", "no-such-query"], "no query file or named query"),
    ("query_param_unknown", ["query", "acts-by-number", "--param", "nope=1"], "has no parameter nope"),
    ("query_param_without_value", ["query", "acts-by-number", "--param", "number"], "KEY=VALUE"),
    ("store_missing", ["stats", "--store", "no-store"], "no store at no-store"),
    ("store_is_a_file", ["stats", "--store", "pyproject.toml"], "no store at pyproject.toml"),
    ("report_store_missing", ["report", "--store", "no-store", "--out", "site"], "no store"),
    ("export_out_is_a_directory", ["export", "--out", "queries"], "queries: is a directory"),
    ("endpoint_not_http", ["query", "rq-national-balance", "--endpoint", "ftp://x"], "http(s) URL"),
    ("endpoint_unreachable", ["query", "rq-national-balance", "--endpoint",
                              "http://127.0.0.1:9/query", "--timeout", "5"], "cannot reach endpoint"),
    ("extract_missing_file", ["extract", "no-such.txt"], "no-such.txt: no such file"),
    ("extract_a_directory", ["extract", "data"], "is a directory"),
    ("extract_a_binary", ["extract", sys.executable], "not a text or PDF document"),
    ("build_out_is_a_file", ["build", "--out", "pyproject.toml", "--no-reason"], "not a directory"),
    ("show_unknown_id", ["show", "no-such-record"], "nothing in the graph"),
]


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
        self._startup: float | None = None

    def startup_seconds(self) -> float:
        """Seconds a trivial query takes end to end now (starting Python, imports, the store,
        the worker): what a limit cannot count, since it starts when the query does."""
        if self._startup is None:
            query = self.project / "trivial.rq"
            query.write_text("ASK {}\n", encoding="utf-8")
            start = time.monotonic()
            run(self.project, "query", str(query))
            self._startup = time.monotonic() - start
            query.unlink()
        return self._startup

    def refused_untouched(self, *args: str, cwd: Path | None = None) -> tuple[bool, str]:
        before = snapshot(self.project)
        done = run(cwd or self.project, *args)
        after = snapshot(self.project)
        return one_line(done) and before == after, done.stderr.strip().splitlines()[-1]

    def record_fault(self, relative: str, old: str, new: str, says: str) -> tuple[bool, str]:
        """One fault in one record: `validate` reports one problem naming file, line and field."""
        path = self.project / "data" / relative
        text = path.read_text(encoding="utf-8")
        if old not in text:
            return False, f"the data no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        try:
            return self._one_problem(says)
        finally:
            path.write_text(text, encoding="utf-8")

    def fixture_fault(self, name: str, says: str) -> tuple[bool, str]:
        target = self.project / "data" / f"zz-{name}"
        shutil.copy(FIXTURES / name, target)
        try:
            return self._one_problem(says)
        finally:
            target.unlink()

    def _one_problem(self, says: str) -> tuple[bool, str]:
        """One problem, plus at most the one line that counts the references to the record."""
        done = run(self.project, "validate")
        lines = [line for line in done.stderr.splitlines() if line.startswith("  ")]
        problems = [line for line in lines if "not checked" not in line]
        located = len(problems) == 1 and (".yaml:" in problems[0] or ".csv:" in problems[0])
        ok = (done.returncode == 1 and "Traceback" not in done.stderr and len(lines) <= 2
              and says in done.stderr and located)
        return ok, (problems[0].strip() if problems else done.stderr.strip()[-200:])

    def one_line_fault(self, args: list[str], says: str) -> tuple[bool, str]:
        before = snapshot(self.dist)
        done = run(self.project, *args, timeout=120)
        line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "(nothing)"
        return one_line(done) and says in done.stderr and snapshot(self.dist) == before, line

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
        """YAML anchors and aliases refused in seconds, not 13 GB"""
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
        """an act dated 1890 refused with file, line, field"""
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
        """one YAML slip: 2 problems (the slip, one line counting references), not 250"""
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
        """exit 1: 'kzmig-kg query runs read-only queries; updates are refused'"""
        query = self.project / "update.rq"
        query.write_text("INSERT DATA { <urn:a> <urn:b> <urn:c> }\n", encoding="utf-8")
        try:
            done = run(self.project, "query", str(query))
            return one_line(done) and "updates are refused" in done.stderr, done.stderr.strip()
        finally:
            query.unlink()

    def runaway_query_timeout(self):
        """4-way cross product stopped within --timeout 3 plus 1 s"""
        query = self.project / "runaway.rq"
        query.write_text(CROSS_COUNT, encoding="utf-8")
        try:
            startup = self.startup_seconds()
            start = time.monotonic()
            done = run(self.project, "query", str(query), "--timeout", "3")
            seconds = time.monotonic() - start
            return (one_line(done) and seconds - startup < 4,
                    f"--timeout 3 stopped it after {seconds:.2f} s, of which {startup:.2f} s "
                    f"starting (a trivial query): {seconds - startup - 3:.2f} s past the limit")
        finally:
            query.unlink()

    def ctrl_c_busy_engine(self):
        """COUNT(*) runaway stopped within 1 s of Ctrl-C"""
        seconds, stderr, _ = self._signal_busy_query(signal.SIGINT)
        return seconds < 1 and "Traceback" not in stderr, f"stopped {seconds:.2f} s after SIGINT"

    def _signal_busy_query(self, sig: signal.Signals) -> tuple[float, str, bool]:
        """Send ``sig`` to `kzmig-kg query` a second after its worker starts counting a cross
        product; the seconds it took to stop, its stderr, and whether the worker was left."""
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
            worker = children.read_text().split()
            time.sleep(1)  # the engine is counting
            start = time.monotonic()
            process.send_signal(sig)
            _, stderr = process.communicate(timeout=30)
            seconds = time.monotonic() - start
            return seconds, stderr, bool(worker) and Path(f"/proc/{worker[0]}").exists()
        finally:
            query.unlink()
            if process.poll() is None:
                process.kill()

    def trickling_endpoint(self):
        """a byte every 5 s: --endpoint --timeout 10 is a deadline (limit + 1 s)"""
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
            startup = self.startup_seconds()
            start = time.monotonic()
            done = run(self.project, "query", "rq-national-balance", "--endpoint", url,
                       "--timeout", "10")
            seconds = time.monotonic() - start
            return (one_line(done) and seconds - startup < 11,
                    f"a byte every 5 s, --timeout 10: stopped after {seconds:.1f} s, of which "
                    f"{startup:.1f} s starting: {seconds - startup - 10:.1f} s past the deadline")
        finally:
            server.shutdown()
            server.server_close()

    def corrupt_store(self):
        """one line naming the store and what to do"""
        store = self.project / "broken-store"
        store.mkdir()
        (store / "CURRENT").write_text("garbage\n", encoding="utf-8")
        try:
            done = run(self.project, "stats", "--store", str(store))
            return one_line(done), done.stderr.strip()
        finally:
            shutil.rmtree(store)

    def killed_between_renames(self):
        """killed between the renames: release intact; next build cleans up"""
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
        """second build refused, naming the first's pid; the first succeeds"""
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

    # ------------------------------------------------------------ outputs it did not write
    def build_out_parent(self):
        return self.refused_untouched("build", "--out", "..", "--no-reason")

    def build_out_src_without_marker(self):
        return self.refused_untouched("build", "--out", "src", "--no-reason")

    def build_out_repository_root(self):
        return self.refused_untouched("build", "--data", str(self.project / "data"), "--out",
                                      str(self.project), "--no-reason", cwd=self.project.parent)

    def report_out_dot(self):
        return self.refused_untouched("report", "--out", ".")

    def report_out_repository_root(self):
        return self.refused_untouched("report", "--store", str(self.dist / "store"), "--out",
                                      str(self.project), cwd=self.project.parent)

    def far_fewer_records_stop(self):
        """--data with far fewer records: refused unless --force, release intact"""
        few = self.project / "few"
        few.mkdir()
        shutil.copytree(self.project / "data" / "jurisdictions", few / "jurisdictions")
        try:
            ok, line = self.refused_untouched("build", "--data", "few", "--no-reason")
            return ok and "--force" in line, line
        finally:
            shutil.rmtree(few)

    def stale_runs_cleaned_at_next_build(self):
        """what killed builds left is removed by the next build"""
        # what killed builds leave: a staging version (marker written first, never completed),
        # and the names earlier builds used for staging and for the moved-aside release
        killed = self.project / ".dist.v-19990101T000000Z-0badc0de"
        killed.mkdir()
        (killed / ".kzmig-output.json").write_text('{"command": "build", "complete": false}')
        for name in (".dist.building-1a2b3c4d", ".dist.old-1a2b3c4d"):
            (self.project / name).mkdir()
            (self.project / name / "kzmig.nq").write_bytes(b"x" * 1000)
        done = run(self.project, "build", "--no-reason")
        left = sorted(p.name for p in self.project.iterdir() if p.name.startswith(".dist."))
        return (done.returncode == 0 and len(left) == 2 and ".dist.lock" in left,
                f"left after the next build: {left}")

    # ------------------------------------------------------------ full disk, unwritable output
    def export_to_a_full_device(self):
        """export --out /dev/full: one line 'no space left'; /dev/full not replaced"""
        done = run(self.project, "export", "--format", "nt", "--out", "/dev/full")
        device = Path("/dev/full")
        still = device.exists() and not device.is_file()  # never replaced by a regular file
        return one_line(done) and "no space left" in done.stderr and still, done.stderr.strip()

    def export_stdout_full(self):
        """export > /dev/full: exit 1, 'standard output: no space left'"""
        with open("/dev/full", "wb") as full:
            done = subprocess.run([CLI, "export", "--format", "nt"], cwd=self.project, stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        return one_line(done) and "standard output: no space left" in done.stderr, \
            done.stderr.strip()

    def query_stdout_full(self):
        """query > /dev/full: exit 1, 'no space left'"""
        with open("/dev/full", "wb") as full:
            done = subprocess.run([CLI, "query", "rq-national-balance", "--format", "csv"],
                                  cwd=self.project, stdout=full, stderr=subprocess.PIPE, text=True,
                                  timeout=120)
        return one_line(done) and "no space left" in done.stderr, done.stderr.strip()

    def export_file_too_large(self):
        """file size limit hit: one line naming the file, no temporary left"""
        done = run(self.project, "export", "--format", "nt", "--out", "big.nt",
                   preexec_fn=file_limit(100_000))
        left = [p.name for p in self.project.iterdir() if "big.nt" in p.name]
        return (one_line(done) and "big.nt" in done.stderr and not left,
                f"{done.stderr.strip()} left={left}")

    def build_with_a_full_disk(self):
        """build hits a file size limit: one line, release intact, nothing left"""
        before = snapshot(self.dist)
        done = run(self.project, "build", "--no-reason", preexec_fn=file_limit(2_000_000))
        left = sorted(p.name for p in self.project.iterdir()
                      if p.name.startswith(".dist.") and p.name != ".dist.lock")
        intact = snapshot(self.dist) == before and len(left) == 1  # the current version only
        named = "cannot write dist" in done.stderr
        return one_line(done) and intact and named, \
            f"{done.stderr.strip().splitlines()[-1]}; left {left}"

    def report_with_a_full_disk(self):
        """report hits a file size limit: one line, nothing left but the lock"""
        done = run(self.project, "report", "--out", "site", preexec_fn=file_limit(20_000))
        left = sorted(p.name for p in self.project.iterdir() if "site" in p.name)
        return one_line(done) and left in ([], [".site.lock"]), \
            f"{done.stderr.strip().splitlines()[-1]}; left {left}"

    def read_only_output_folder(self):
        """report into a read-only folder: one line 'read-only', release intact"""
        return self._namespace_case(
            "mount --bind {p} {p}; mount -o remount,ro,bind {p}; {cli} report --out site", "read-only")

    def full_disk_tmpfs(self):
        """report into a full 64 KB tmpfs: one line 'no space left'"""
        return self._namespace_case(
            "mkdir -p {p}/full; mount -t tmpfs -o size=64k tmpfs {p}/full; "
            "{cli} report --out {p}/full/site", "no space left")

    def _namespace_case(self, script: str, says: str) -> tuple[bool, str]:
        unshare = shutil.which("unshare")
        if unshare is None:
            return False, "unshare is missing (util-linux)"
        before = snapshot(self.dist)
        done = subprocess.run([unshare, "--map-root-user", "--mount", "sh", "-c",
                               script.format(p=self.project, cli=CLI)], cwd=self.project,
                              capture_output=True, text=True, timeout=300)
        if "unshare failed" in done.stderr or "Operation not permitted" in done.stderr:
            return False, f"no mount namespace here: {done.stderr.strip()}"
        return one_line(done) and says in done.stderr and snapshot(self.dist) == before, \
            done.stderr.strip().splitlines()[-1]

    # ------------------------------------------------------------ signals while writing
    def sigterm_during_report(self):
        """SIGTERM before the swap: previous report intact, nothing left"""
        return self._stopped_writer(["report", "--out", "report"], signal.SIGTERM, "report")

    def ctrl_c_during_build_release_stage(self):
        """Ctrl-C in the release stage: release intact, no .dist.* left"""
        return self._stopped_writer(["build", "--no-reason"], signal.SIGINT, "dist")

    def overlapping_reports(self):
        """second report refused naming the first's pid"""
        out = self.project / "report"
        process = subprocess.Popen([CLI, "report", "--out", "report"], cwd=self.project,
                                   stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "KZMIG_FAULT": "stop-before-swap"})
        try:
            self._wait_stopped(process)
            second = run(self.project, "report", "--out", "report")
            return (one_line(second) and f"pid {process.pid}" in second.stderr,
                    second.stderr.strip())
        finally:
            process.send_signal(signal.SIGTERM)
            process.send_signal(signal.SIGCONT)
            process.communicate(timeout=60)
            shutil.rmtree(out, ignore_errors=True)

    def _wait_stopped(self, process: subprocess.Popen) -> None:
        stat = Path(f"/proc/{process.pid}/stat")
        deadline = time.monotonic() + 300
        while stat.read_text().rsplit(")", 1)[1].split()[0] != "T":
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the writer did not reach its swap")
            time.sleep(0.05)

    def _stopped_writer(self, args: list[str], stop: signal.Signals, name: str):
        """Stop the command with its output written, just before the swap, then signal it."""
        target = self.project / name
        before = snapshot(target) if target.exists() else {}
        names = sorted(p.name for p in self.project.iterdir())
        process = subprocess.Popen([CLI, *args], cwd=self.project, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "KZMIG_FAULT": "stop-before-swap"})
        self._wait_stopped(process)
        process.send_signal(stop)
        process.send_signal(signal.SIGCONT)
        _, stderr = process.communicate(timeout=60)
        after = sorted(p.name for p in self.project.iterdir())
        lock = f".{name}.lock"
        same = [n for n in after if n != lock] == [n for n in names if n != lock]
        intact = (snapshot(target) if target.exists() else {}) == before
        if name == "report":
            shutil.rmtree(target, ignore_errors=True)
        return (process.returncode != 0 and "Traceback" not in stderr and same and intact,
                f"exit {process.returncode}; previous intact={intact}; nothing left={same}")

    def ctrl_c_during_hermit(self):
        """Ctrl-C during HermiT: nothing left in the temp folder, release intact"""
        java = shutil.which("java")
        if java is None:
            return False, "java is missing"
        private = self.project.parent / "tmp-hermit"
        private.mkdir(exist_ok=True)
        before = snapshot(self.dist)
        process = subprocess.Popen([CLI, "build"], cwd=self.project, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "TMPDIR": str(private)})
        deadline = time.monotonic() + 300
        while not list(private.rglob("*.nt")) and time.monotonic() < deadline \
                and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        left = list(private.iterdir())
        ok = (process.returncode != 0 and "Traceback" not in stderr and not left
              and snapshot(self.dist) == before)
        shutil.rmtree(private, ignore_errors=True)
        return ok, f"exit {process.returncode}; left in the temp folder: {len(left)} entries"

    # ------------------------------------------------------------ queries
    def update_refused_through_endpoint(self):
        """an update with --endpoint refused before any request"""
        query = self.project / "update.rq"
        query.write_text("DELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
        try:
            done = run(self.project, "query", str(query), "--endpoint", "http://127.0.0.1:9/q")
            return one_line(done) and "updates are refused" in done.stderr, done.stderr.strip()
        finally:
            query.unlink()

    def syntax_error_has_the_files_column(self):
        """syntax error at the user's file line:column (4:2)"""
        query = self.project / "bad.rq"
        query.write_text("PREFIX x: <urn:x#>\nSELECT * WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
        try:
            done = run(self.project, "query", str(query))
            return one_line(done) and f"{query}:4:" in done.stderr, done.stderr.strip()
        finally:
            query.unlink()

    def syntax_error_through_endpoint_has_the_files_column(self):
        """--endpoint syntax error at the same line:column as local"""
        from kzmig_kg.publish.servers import oxigraph_server

        query = self.project / "bad.rq"
        query.write_text("SELECT ?x WHERE { ?x <not an iri> ?o }\n", encoding="utf-8")
        try:
            local = run(self.project, "query", str(query))
            with oxigraph_server(timeout_s=120) as server:  # in memory: a syntax error needs no data
                remote = run(self.project, "query", str(query), "--endpoint", server.query_url)
            found = re.match(rf"error: {re.escape(str(query))}(:\d+:\d+): ", local.stderr)
            position = found.group(1) if found else "(none)"
            return (found is not None and one_line(remote)
                    and remote.stderr.startswith(f"error: {query}{position}: "),
                    f"local {position}, remote {remote.stderr.strip()[:110]}")
        finally:
            query.unlink()

    def stats_audit_trend_order_is_stable(self):
        """stats-audit-trend: same rows in the same order twice"""
        first = run(self.project, "query", "stats-audit-trend", "--format", "csv")
        second = run(self.project, "query", "stats-audit-trend", "--format", "csv")
        rows = len(first.stdout.splitlines()) - 1
        return (first.returncode == 0 and rows > 1 and first.stdout == second.stdout,
                f"{rows} rows, same order twice: {first.stdout == second.stdout}")

    def every_named_query_orders_its_rows(self):
        """every named query: same CSV twice"""
        from kzmig_kg.query.named import named_queries  # noqa: PLC0415

        differ = []
        names = sorted(named_queries(self.project / "queries"))
        for name in names:
            first = run(self.project, "query", name, "--format", "csv")
            if first.stdout != run(self.project, "query", name, "--format", "csv").stdout:
                differ.append(name)
        return bool(names) and not differ, f"{len(names)} named queries, differing: {differ}"

    def default_local_timeout_is_60_s(self):
        """query --timeout defaults to 60 s"""
        done = run(self.project, "query", "--help")
        text = " ".join(done.stdout.split())
        return "--timeout" in text and "60" in text.split("--timeout", 1)[1][:200], \
            text.split("--timeout", 1)[1][:80]

    def sigterm_stops_a_busy_local_query(self):
        """SIGTERM stops a busy local query within 1 s, no orphan worker"""
        seconds, stderr, orphan = self._signal_busy_query(signal.SIGTERM)
        return (seconds < 1 and "Traceback" not in stderr and not orphan,
                f"stopped {seconds:.2f} s after SIGTERM, worker left: {orphan}")

    def table_rows_capped(self):
        """--max-rows 5: 5 rows printed and a note"""
        query = self.project / "many.rq"
        query.write_text("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", encoding="utf-8")
        try:
            done = run(self.project, "query", str(query), "--max-rows", "5")
            lines = done.stdout.splitlines()
            rows = lines[2:lines.index("(5 rows)")] if "(5 rows)" in lines else lines
            return (done.returncode == 0 and len(rows) == 5 and "--max-rows" in done.stdout,
                    f"{len(rows)} rows printed, then: {lines[-1] if lines else ''}")
        finally:
            query.unlink()

    def endpoint_answers_html(self):
        """an endpoint answering HTML: one line"""
        class Page(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                body = b"<html><body>login</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/query"
            done = run(self.project, "query", "rq-national-balance", "--endpoint", url,
                       "--timeout", "10")
            return one_line(done), done.stderr.strip()
        finally:
            server.shutdown()
            server.server_close()

    # ------------------------------------------------------------ documents
    def aes_pdf_empty_password_reads(self):
        """AES PDF with an empty password: its text is read"""
        pdf = self._encrypted_pdf("")
        done = run(self.project, "extract", str(pdf), "--format", "jsonl", "--kind", "citation")
        items = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        return done.returncode == 0 and len(items) >= 1, f"{len(items)} citations read"

    def pdf_with_a_password_named(self):
        """a PDF that needs a password is named as such"""
        pdf = self._encrypted_pdf("secret")
        done = run(self.project, "extract", str(pdf))
        return one_line(done) and "needs a password" in done.stderr, done.stderr.strip()

    def _encrypted_pdf(self, password: str) -> Path:
        from pypdf import PdfWriter  # noqa: PLC0415
        from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject  # noqa: PLC0415

        writer = PdfWriter()
        page = writer.add_blank_page(width=595, height=842)
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                 NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): writer._add_object(font)})})
        stream = DecodedStreamObject()
        stream.set_data(b"BT /F1 11 Tf 72 760 Td (Law No. 477-IV of 22 July 2011 On Population "
                        b"Migration was adopted.) Tj ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
        writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
        path = self.project.parent / f"aes-{password or 'empty'}.pdf"
        with open(path, "wb") as handle:
            writer.write(handle)
        return path

    def newline_free_text_bounded(self):
        """50 MB without newlines: peak < 150 MiB, >= 1 MB per CPU second"""
        path = self.project.parent / "one-line.txt"
        words = "Migration to Kazakhstan grew in 2019 under Law No. 477-IV of 2011. "
        with open(path, "w", encoding="utf-8") as handle:
            for _ in range(NEWLINE_FREE_MB * 2**20 // len(words)):
                handle.write(words)
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-c", PEAK_OF_EXTRACT, str(path)], cwd=self.project,
                              capture_output=True, text=True, timeout=3600)
        seconds = time.monotonic() - start
        path.unlink()
        cpu, peak = (float(done.stdout.split()[-2]), int(done.stdout.split()[-1])) \
            if done.returncode == 0 else (seconds, -1)
        speed = NEWLINE_FREE_MB / cpu
        return (0 < peak < 150 and speed >= 1,
                f"{NEWLINE_FREE_MB} MB on one line: peak {peak} MiB, {speed:.2f} MB per CPU "
                f"second ({NEWLINE_FREE_MB / seconds:.2f} MB/s wall under load)")

    def paths_printed_are_the_paths_given(self):
        """--data ../project/data: errors print ../project/data/..."""
        given = "../project/data"
        target = self.project / "data" / "zz-bad.yaml"
        shutil.copy(FIXTURES / "bad-date.yaml", target)
        try:
            done = run(self.project, "validate", "--data", given)
            return done.returncode == 1 and f"{given}/zz-bad.yaml:" in done.stderr, \
                done.stderr.strip().splitlines()[-1]
        finally:
            target.unlink()

    def act_of_the_kazakh_ssr_accepted(self):
        """an act of 1989 typed as an act of the Kazakh SSR: validate exit 0"""
        target = self.project / "data" / "zz-act-ssr-1989.yaml"
        shutil.copy(FIXTURES / "act-ssr-1989.yaml", target)
        try:
            done = run(self.project, "validate")
            return done.returncode == 0, (done.stdout + done.stderr).strip().splitlines()[-1]
        finally:
            target.unlink()

    def validate_data_missing(self):
        """--data of a missing folder: one problem naming it"""
        done = run(self.project, "validate", "--data", "no-such-dir")
        return done.returncode == 1 and "no-such-dir" in done.stderr and \
            "Traceback" not in done.stderr, done.stderr.strip().splitlines()[-1]

    def dist_mode(self):
        """dist/ not mode 0700"""
        mode = self.dist.resolve().stat().st_mode & 0o777
        return mode != 0o700, f"dist/ mode {oct(mode)}"


def expected(name: str) -> str:
    """What the case must show: the first line of its docstring, or that of its kind."""
    for case, *_, says in RECORD_FAULTS + FIXTURE_FAULTS:
        if case == name:
            return f"validate: exit 1, one problem with file:line and field ('{says}')"
    for case, _, says in ONE_LINE_FAULTS:
        if case == name:
            return f"exit 1, one line '{says}...', no traceback, release intact"
    doc = getattr(Cases, name).__doc__
    return doc.strip().splitlines()[0] if doc else "exit 1, one line, nothing touched"


HELPERS = {"startup_seconds", "refused_untouched", "record_fault", "fixture_fault", "one_line_fault"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names of the cases to run")
    args = parser.parse_args()
    # started in the background, this process (and so every command it starts) would ignore
    # SIGINT, and the Ctrl-C cases would test nothing: handled here, it is default in children
    signal.signal(signal.SIGINT, signal.default_int_handler)
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
        checks: dict[str, Callable[[], tuple[bool, str]]] = {
            name: getattr(cases, name) for name in vars(Cases)
            if not name.startswith("_") and name not in HELPERS}
        for name, relative, old, new, says in RECORD_FAULTS:
            checks[name] = lambda r=relative, o=old, n=new, w=says: cases.record_fault(r, o, n, w)
        for name, fixture, says in FIXTURE_FAULTS:
            checks[name] = lambda f=fixture, w=says: cases.fixture_fault(f, w)
        for name, arguments, says in ONE_LINE_FAULTS:
            checks[name] = lambda a=arguments, w=says: cases.one_line_fault(a, w)
        names = list(checks)
        failed = 0
        print("case | expected | observed | ok")
        for name in names:
            if args.only and name not in args.only:
                continue
            check = checks[name]
            try:
                ok, detail = check()
            except Exception as error:  # noqa: BLE001 - a case that crashes is a failed case
                ok, detail = False, f"{type(error).__name__}: {error}"
            failed += not ok
            print(f"{name:<50} | {expected(name)} | {detail} | {'ok' if ok else 'FAIL'}",
                  flush=True)
        print(f"{len(names) - failed if not args.only else '-'} ok, {failed} failed; "
              f"load average {os.getloadavg()[0]:.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
