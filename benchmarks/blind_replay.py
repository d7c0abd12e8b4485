"""Replay the blind rounds of benchmarks/gold/ from the git history: each round's documents scored
with the loader as it stood just before the round's gold commit (so before any change made for
them), against today's gold YAML. It reproduces the blind scores recorded in
benchmarks/gold/README.md and lists every blind miss, for classifying them by cause.

    .venv/bin/python benchmarks/blind_replay.py [--rounds N] [--quiet]

Needs git and the repository's history; each loader is unpacked with ``git archive`` into a
temporary folder and run in a child process with ``PYTHONPATH`` pointing at it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
TIMEOUT = 300          # seconds for one round's scoring
# commits that added documents written after the loader they were first scored with
NOT_BLIND = {"964428e", "7722f30"}   # the first six (tuned on) and the Kyrgyz legal text


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def blind_rounds() -> list[tuple[str, list[str]]]:
    """(gold commit, names of the documents it added) in history order."""
    log = _git("log", "--reverse", "--format=%h", "--diff-filter=A", "--", "benchmarks/gold/*.txt")
    rounds = []
    for commit in log.split():
        if commit[:7] in NOT_BLIND:
            continue
        added = _git("show", "--name-only", "--diff-filter=A", "--format=", commit, "--",
                     "benchmarks/gold/*.txt").split()
        names = [Path(p).stem for p in added if (GOLD / Path(p).name).exists()]
        if names:
            rounds.append((commit, names))
    return rounds


def replay(commit: str, names: list[str], work: Path, quiet: bool) -> str:
    parent = _git("rev-parse", f"{commit}^").strip()
    tree = work / parent[:10]
    if not tree.exists():
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", parent, "src", "data", "ontology"],
                                 check=True, capture_output=True, timeout=120).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True, timeout=120)
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    command = [sys.executable, str(ROOT / "benchmarks" / "extract_eval.py"), "--gold", str(GOLD),
               "--only", *names] + (["--quiet"] if quiet else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    return done.stdout if done.returncode == 0 else f"failed: {done.stderr.strip().splitlines()[-1:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, help="Only the last N blind rounds.")
    parser.add_argument("--quiet", action="store_true", help="Totals only, no misses.")
    args = parser.parse_args()
    rounds = blind_rounds()[-args.rounds:] if args.rounds else blind_rounds()
    totals = {"figures": [0, 0, 0, 0], "citations": [0, 0, 0, 0]}
    with tempfile.TemporaryDirectory(prefix="blind-replay-") as work:
        for commit, names in rounds:
            out = replay(commit, names, Path(work), args.quiet)
            print(f"=== {commit} ({', '.join(names)})")
            for line in out.splitlines():
                if line.startswith("all ") or line.startswith("  ") or line.startswith("failed"):
                    print(line)
                parts = line.split()
                if parts[:1] == ["all"] and parts[1] in totals:
                    gold, found, predicted = int(parts[2]), int(parts[3]), int(parts[5])
                    correct = found        # the gold scorer counts a right item once either way
                    for i, v in enumerate((gold, found, predicted, correct)):
                        totals[parts[1]][i] += v
    for kind, (gold, found, predicted, correct) in totals.items():
        print(f"blind {kind}: {found}/{gold} recall, {correct}/{predicted} precision")
    return 0


if __name__ == "__main__":
    sys.exit(main())
