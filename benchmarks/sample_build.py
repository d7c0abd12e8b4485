"""Run a command (a build) and sample every process of its tree once a second: CPU seconds used
in that second, RSS and PSS. Writes one JSON line per sample to --samples and, at the end, prints
the wall, the CPU, the peak RSS and PSS summed over processes, the load average at start and end,
and, per stage of the build's build-timings.json when --timings is given, how many cores were busy
on average (the CPU the tree used in the stage divided by its wall). The stages' spans come from
the build's progress lines ("rdf..." then "rdf: 12.34 s"), timed as they arrive on stderr.

    .venv/bin/python benchmarks/sample_build.py --samples /tmp/s.jsonl -- \
        .venv/bin/kzmig-kg build --data D --out /tmp/out --no-reason

Linux only (reads /proc). The samples tell where a core sits idle. On a shared machine the CPU a
process gets depends on the others, so each sample also holds its "runnable" seconds (on a core or
waiting in the run queue, from /proc/PID/task/*/schedstat): what the build asked of the cores.
A stage whose "cores_wanted" is under 2 on this 2-core machine leaves a core idle by its own
scheduling (a serial wait), whatever the load.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
DEADLINE = 3 * 3600   # seconds; a build longer than this is stopped


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(name))
    return kids


def _tree(root: int) -> list[int]:
    kids = _children()
    out, i = [root], 0
    while i < len(out):
        out += kids.get(out[i], [])
        i += 1
    return out


def _probe(pid: int) -> dict | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICK
        rss = pss = 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        # time on a core plus time waiting for one, over the process's threads: what the build
        # asked of the cores, whatever the other users of the machine leave it
        runnable = {}   # thread id -> seconds; threads come and go, so deltas are per thread
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                on_cpu, waiting = Path(task, "schedstat").read_text().split()[:2]
            except OSError:
                continue   # the thread ended meanwhile
            runnable[task.name] = (int(on_cpu) + int(waiting)) / 1e9
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:80].decode()
    except (OSError, IndexError, ValueError):
        return None
    return {"pid": pid, "cpu": cpu, "runnable": runnable, "rss_kb": rss, "pss_kb": pss,
            "cmd": cmd}


def runnable_delta(proc: dict, seen: dict[str, float]) -> float:
    """The seconds ``proc``'s threads were runnable since their last sample (``seen``, by thread
    id, updated); a thread seen for the first time counts from its start."""
    delta = 0.0
    for tid, seconds in proc.pop("runnable").items():
        delta += seconds - seen.get(tid, 0.0)
        seen[tid] = seconds
    return round(delta, 2)


STAGE_LINE = re.compile(r"^(\w+)(\.\.\.|: [0-9.]+ s)$")


def _read_progress(stream, start: float, spans: dict[str, list[float]]) -> None:
    for line in stream:
        sys.stderr.write(line)
        found = STAGE_LINE.match(line.strip())
        if found:
            spans.setdefault(found[1], []).append(round(time.monotonic() - start, 2))


def sample(command: list[str], samples: Path, spans: dict[str, list[float]]) -> dict:
    load_start = os.getloadavg()
    start = time.monotonic()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    reader = threading.Thread(target=_read_progress, args=(child.stderr, start, spans),
                              daemon=True)
    reader.start()
    seen: dict[int, float] = {}          # pid -> CPU seconds at its last sample
    seen_runnable: dict[int, float] = {}
    peak_rss = peak_pss = 0
    total_cpu: dict[int, float] = {}
    with samples.open("w") as out:
        while child.poll() is None:
            if time.monotonic() - start > DEADLINE:
                child.kill()
                break
            now = time.monotonic() - start
            procs = [p for p in map(_probe, _tree(child.pid)) if p]
            for proc in procs:
                proc["cpu_s"] = round(proc["cpu"] - seen.get(proc["pid"], 0.0), 2)
                seen[proc["pid"]] = proc["cpu"]
                proc["runnable_s"] = runnable_delta(proc, seen_runnable)
                total_cpu[proc["pid"]] = proc["cpu"]
            rss = sum(p["rss_kb"] for p in procs)
            pss = sum(p["pss_kb"] for p in procs)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            out.write(json.dumps({"t": round(now, 2), "rss_kb": rss, "pss_kb": pss,
                                  "cpu_s": round(sum(p["cpu_s"] for p in procs), 2),
                                  "runnable_s": round(sum(p["runnable_s"] for p in procs), 2),
                                  "load1": os.getloadavg()[0], "procs": procs}) + "\n")
            out.flush()
            time.sleep(1.0)
    returncode = child.wait(timeout=60)
    reader.join(timeout=60)
    wall = time.monotonic() - start
    children = os.times()
    return {"returncode": returncode, "wall_s": round(wall, 1),
            "cpu_s_children": round(children.children_user + children.children_system, 1),
            "peak_rss_sum_mib": round(peak_rss / 1024), "peak_pss_sum_mib": round(peak_pss / 1024),
            "load_start": [round(x, 2) for x in load_start],
            "load_end": [round(x, 2) for x in os.getloadavg()]}


def per_stage(samples: Path, spans: dict[str, list[float]]) -> list[dict]:
    """Cores busy per stage: the tree's CPU in the stage's seconds over the stage's wall."""
    rows = [json.loads(line) for line in samples.read_text().splitlines()]
    out = []
    for name, times in spans.items():
        if len(times) != 2:
            continue
        # a sample holds the CPU of the second before it
        inside = [r for r in rows if times[0] < r["t"] <= times[1] + 1]
        cpu = sum(r["cpu_s"] for r in inside)
        runnable = sum(r.get("runnable_s", 0.0) for r in inside)
        wall = times[1] - times[0]
        out.append({"stage": name, "start_s": times[0], "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
                    "cores_busy": round(cpu / wall, 2) if wall else 0.0,
                    "cores_wanted": round(runnable / wall, 2) if wall else 0.0,
                    "peak_rss_sum_mib": round(max((r["rss_kb"] for r in inside), default=0) / 1024),
                    "peak_pss_sum_mib": round(max((r["pss_kb"] for r in inside), default=0) / 1024)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=Path, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    spans: dict[str, list[float]] = {}
    summary = sample(command, args.samples, spans)
    print(json.dumps(summary))
    for row in per_stage(args.samples, spans):
        print(json.dumps(row))
    sys.exit(summary["returncode"] or 0)


if __name__ == "__main__":
    main()
