"""Benchmark: what the parameter checks cost, on the embedded store and through an endpoint.

    .venv/bin/python benchmarks/params.py [--release dist] [--repeat 5]

For one parameter of each kind (a country by name, a record id as written and in capitals, an
act's number made into its IRI, a theme, a kind list, a year), the median time of a check on its
own (a fresh lookup, as each command makes one) beside the query it guards, on the embedded store
and through an Oxigraph server started here and loaded with the release. Prints the load average
with the figures: the machine is shared. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from kzmig_kg.pipeline.store import open_store
from kzmig_kg.publish.servers import oxigraph_server
from kzmig_kg.query.named import named_queries
from kzmig_kg.query.params import check_params, endpoint_lookup, store_lookup
from kzmig_kg.query.run import run_query

ROOT = Path(__file__).resolve().parents[1]
CASES = [
    ("stats-country-series", {"country": "Uzbekistan"}),
    ("flows-around-record", {"record": "ev-2022-02-24-war-ukraine"}),
    ("flows-around-record", {"record": "EV-2022-02-24-WAR-UKRAINE"}),
    ("acts-amendment-chain", {"act": "477-iv"}),
    ("study-codes-per-theme", {"theme": "b1"}),
    ("timeline-events-and-measures", {"kinds": "Event,ACT"}),
    ("stats-top-source-country", {"year": "2019"}),
]


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _runs(query, params: dict[str, str], store, url: str) -> list:
    """The check alone and the query with its check, on the store and through the endpoint."""
    return [lambda: check_params(query, params, store_lookup(store)),
            lambda: run_query(query, params, store=store),
            lambda: check_params(query, params, endpoint_lookup(url, time.monotonic() + 60)),
            lambda: run_query(query, params, endpoint=url)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, default=ROOT / "dist")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = open_store(args.release / "store")
    queries = named_queries()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (2 cores, shared)")
    with tempfile.TemporaryDirectory() as scratch, \
            oxigraph_server(Path(scratch) / "store", load=args.release / "kzmig.nq") as server:
        url = server.query_url
        print(f"{'query':<30} {'parameter':<34} {'check':>9} {'query':>9} {'check@ep':>9} "
              f"{'query@ep':>9}  (median ms of {args.repeat})")
        for name, params in CASES:
            query = queries[name]
            local_check, local_query, remote_check, remote_query = (
                _median_ms(run, args.repeat) for run in _runs(query, params, store, url))
            shown = " ".join(f"{k}={v}" for k, v in params.items())
            print(f"{name:<30} {shown:<34} {local_check:>9.1f} {local_query:>9.1f} "
                  f"{remote_check:>9.1f} {remote_query:>9.1f}")
    print("check: the parameter check alone; query: run_query with the check included "
          "(@ep: through the Oxigraph server)")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} after")


if __name__ == "__main__":
    main()
