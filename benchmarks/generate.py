"""Generate synthetic records at the shape of the real graph, sized by a target triple count.

    .venv/bin/python benchmarks/generate.py --triples 1000000 --out /tmp/kzmig-1m [--seed 17]
    .venv/bin/kzmig-kg build --data /tmp/kzmig-1m/data --out /tmp/kzmig-1m/dist --no-reason

Writes ``OUT/data``: a copy of ``data/`` plus ``data/generated/`` in the project's own record
formats (YAML records, a CSV table for the observations), so the generated data goes through
the same records stage, mapping and SHACL shapes as the curated data. Each generated record is a
copy of a curated record of its kind (its passages, cited sources and references to curated
records kept) with a new identifier, new dates and new links, and a note saying it is synthetic:

- partner countries: the curated ones plus ISO 3166-1 user-assigned codes (XAA ... XZZ);
- observations: flows reported by Kazakhstan, then by the neighbours' statistics offices (the
  reference area; one data set and cited source per office): every one of 200 partners x year
  1991-2023 x sex (female, male and the total, which is their sum) x direction (immigrants,
  emigrants, net = immigrants - emigrants), cut to the budget in that order (1M triples: about
  Kazakhstan's full grid; 10M: a dozen reporting countries);
- acts: base laws with amendment chains (each amendment a year or more after the act it
  amends), ratification laws for generated agreements (same year as the ratification);
- organisations with lineage (reorganisation events from one body to its successor);
- coded measures (DEMIG codes of a curated measure), each enacted by a generated act.

The same seed and size give byte-identical files. Not generated, because the model has no
dimension for them: Kazakhstan's regions (the reference area is a country) and age groups (the
breakdown code list has sex-female/sex-male but no age groups).
"""

from __future__ import annotations

import argparse
import copy
import csv
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from kzmig_kg.kinds.acts import CONVOCATIONS

ROOT = Path(__file__).resolve().parents[1]
REAL_TRIPLES = 35_000  # the curated graph with ontology and vocabularies, about

# Triples each generated record adds, measured on a build of the generated data (the share of
# the budget each kind takes is in SHARES).
TRIPLES_PER = {"observation": 13.0, "act": 22.0, "agreement": 20.0, "organisation": 14.0,
               "org-change-event": 22.0, "policy-measure": 30.0}
SHARES = {"observation": 0.80, "act": 0.08, "agreement": 0.02, "organisation": 0.03,
          "org-change-event": 0.02, "policy-measure": 0.05}
PARTNERS = 200
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
YEARS = tuple(range(1991, 2024))
SEXES = ("sex-female", "sex-male")
SYNTHETIC = "Synthetic record made by benchmarks/generate.py for scale tests; not from the thesis."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, required=True,
                        help="target size of the built graph (e.g. 100000, 1000000, 10000000)")
    parser.add_argument("--out", type=Path, required=True, help="directory to create (OUT/data)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the curated records")
    args = parser.parse_args(argv)
    counts = generate(args.data, args.out, args.triples, args.seed)
    print(" ".join(f"{kind}={count}" for kind, count in counts.items()))
    return 0


def plan(triples: int) -> dict[str, int]:
    """Records of each kind for a graph of about ``triples`` triples."""
    budget = max(triples - REAL_TRIPLES, 0)
    return {kind: int(budget * share / TRIPLES_PER[kind]) for kind, share in SHARES.items()}


def generate(data_dir: Path, out: Path, triples: int, seed: int) -> dict[str, int]:
    """Write ``out/data`` (curated + generated records); return the records generated per kind."""
    counts = plan(triples)
    target = out / "data"
    if target.exists() and not (target / "generated").is_dir():
        raise SystemExit(f"error: {target} exists and was not written by generate.py (no "
                         "generated/ in it); nothing was changed: give another --out")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".data-", dir=out))
    try:
        shutil.copytree(data_dir, tmp / "data")
        _Generator(_Templates(data_dir), random.Random(seed), tmp / "data" / "generated").run(counts)
        if target.exists():  # an earlier output of this script (checked above)
            shutil.rmtree(target)
        os.replace(tmp / "data", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def convocation(year: int) -> str:
    """The convocation suffix an act of ``year`` carries (the one that sat then, latest first)."""
    sitting = [suffix for suffix, (first, last) in CONVOCATIONS.items()
               if first <= year and (last is None or year <= last)]
    return sitting[-1]


class _Templates:
    """Curated records that generated ones are copied from."""

    def __init__(self, data_dir: Path) -> None:
        def records(rel: str) -> dict[str, dict[str, Any]]:
            loaded = yaml.safe_load((data_dir / rel).read_text(encoding="utf-8"))
            return {record["id"]: record for record in loaded["records"]}

        acts = records("legal/acts.yaml")
        self.law = acts["law-2011-477-IV"]
        self.amendment = acts["law-477-IV-amend-2015"]
        self.ratification = acts["law-2014-201-V"]
        agreements = records("agreements/agreements.yaml")
        self.agreement = agreements["agr-kz-uz-2013"]
        self.country = records("countries/countries.yaml")["country-UZB"]
        self.ministry = records("organisations/state-bodies.yaml")["ministry-of-labour"]
        self.change = records("organisations/lineage.yaml")["chg-1997-agency-migration-demography"]
        self.measures = list(records("policy/measures.yaml").values())
        self.source = records("sources/statistics.yaml")["src-bns-2023b"]
        self.dataset = records("statistics/datasets.yaml")["ds-bns-2023b-flows"]
        self.countries = sorted(records("countries/countries.yaml"))


class _Generator:
    def __init__(self, templates: _Templates, rng: random.Random, out: Path) -> None:
        self.t = templates
        self.rng = rng
        self.out = out
        out.mkdir(parents=True)

    def run(self, counts: dict[str, int]) -> None:
        partners = self._countries()
        self._statistics(partners, counts["observation"])
        agreements = self._agreements(counts["agreement"], partners)
        acts = self._acts(counts["act"], agreements)
        organisations = self._organisations(counts["organisation"], counts["org-change-event"])
        self._lineage(counts["org-change-event"], organisations, acts)
        self._measures(counts["policy-measure"], acts, organisations)

    # -- helpers ---------------------------------------------------------------------------
    def _write(self, name: str, kind: str, description: str, records: list[dict]) -> None:
        text = yaml.safe_dump({"kind": kind, "description": description, "records": records},
                              allow_unicode=True, sort_keys=False, width=100)
        (self.out / name).write_text(text, encoding="utf-8")

    def _clone(self, template: dict, record_id: str, **fields: Any) -> dict:
        record = copy.deepcopy(template)
        for key in ("wikidata", "geonames", "adilet_id", "date_adopted", "number_as_printed",
                    "in_force_from", "alt_titles", "alt_names", "ratified_by", "supplements",
                    "official_title", "evidence", "coverage"):
            record.pop(key, None)
        record["id"] = record_id
        record.update(fields)
        record["note"] = SYNTHETIC
        return {"id": record.pop("id"), **record}

    # -- countries and statistics ----------------------------------------------------------
    def _countries(self) -> list[str]:
        """Partner countries: the curated ones, then user-assigned codes up to PARTNERS."""
        real = [c for c in self.t.countries if c != "country-KAZ"]
        codes = [f"X{a}{b}" for a in ALPHABET for b in ALPHABET][:max(0, PARTNERS - len(real))]
        records = [self._clone(self.t.country, f"country-{code}", alpha3=code,
                               name={"en": f"Partner country {code}",
                                     "ru": f"Страна-партнёр {code}",
                                     "kk": f"Серіктес ел {code}"}) for code in codes]
        self._write("countries.yaml", "country", "Synthetic partner countries "
                    "(ISO 3166-1 user-assigned codes).", records)
        return real + [record["id"] for record in records]

    def _statistics(self, partners: list[str], observations: int) -> None:
        """Flows reported by Kazakhstan, then by each neighbour's statistics office: every
        partner x year x sex (and the total, their sum) x direction (net = imm. - emi.)."""
        per_area = (len(partners) - 1) * len(YEARS) * 3 * 3
        areas = ["country-KAZ", *partners][:max(1, -(-observations // per_area))]
        sources, datasets, rows = [], [], []
        for area in areas:
            code = area[len("country-"):]
            sources.append(self._clone(self.t.source, f"src-gen-stat-{code}",
                                       cited_as=f"Statistics office of {code}, external migration"))
            datasets.append(self._clone(
                self.t.dataset, f"ds-gen-{code}-flows", cites=[f"src-gen-stat-{code}"],
                title={"en": f"External migration reported by {code}, by partner country, sex "
                             "and year (synthetic)"}))
            for partner in partners:
                if partner == area:
                    continue
                for year in YEARS:
                    flows = {(d, s): self.rng.randint(0, 5000) for d in ("IMM", "EMI") for s in SEXES}
                    for breakdown in (*SEXES, "total"):
                        values = {d: (flows[(d, breakdown)] if breakdown != "total" else
                                      flows[(d, SEXES[0])] + flows[(d, SEXES[1])])
                                  for d in ("IMM", "EMI")}
                        values["NET"] = values["IMM"] - values["EMI"]
                        for direction, value in values.items():
                            short = partner[len("country-"):]
                            rows.append([f"gen-{code}-{direction}-{short}-{breakdown}-{year}",
                                         f"ds-gen-{code}-flows", f"src-gen-stat-{code}", area,
                                         direction, partner, breakdown, year, value, "193-194"])
        del rows[observations:]
        self._write("sources.yaml", "source", "Synthetic statistics offices.", sources)
        self._write("datasets.yaml", "stat-dataset", "Synthetic flow data sets.", datasets)
        with (self.out / "observations.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "dataset", "cites", "area", "direction", "counterpart",
                             "breakdown", "period", "value", "passages"])
            writer.writerows(rows)
        (self.out / "observations.yaml").write_text(
            "kind: observation\ndescription: Synthetic flows by reporting country, partner, sex "
            "and year.\ntable: observations.csv\n", encoding="utf-8")

    # -- legal acts and agreements ---------------------------------------------------------
    def _agreements(self, count: int, partners: list[str]) -> list[tuple[str, int]]:
        records, made = [], []
        for n in range(count):
            year = self.rng.choice(YEARS[:-1])
            partner = partners[n % len(partners)]
            record_id = f"agr-gen-{n}"
            records.append(self._clone(
                self.t.agreement, record_id, signed=str(year), ratified=str(year + 1),
                status="ratified", parties=["country-KAZ", partner],
                title={"en": f"Agreement on labour migration with {partner[len('country-'):]} "
                             f"(synthetic {n})"}))
            made.append((record_id, year + 1))
        if records:
            self._write("agreements.yaml", "agreement", "Synthetic bilateral agreements.", records)
        return made

    def _acts(self, count: int, agreements: list[tuple[str, int]]) -> list[tuple[str, int]]:
        records: list[dict] = []
        made: list[tuple[str, int]] = []
        for n, (agreement, year) in enumerate(agreements[:count // 4]):
            record_id = f"law-gen-ratify-{n:06d}"  # padded: a counter of 1900-2099 is no year in the id
            # numbered apart from the chains below (law-gen-N is number N): at 10M both reached 2,000+
            records.append(self._clone(
                self.t.ratification, record_id, number=f"{900000 + n}-{convocation(year)}",
                date=str(year), ratifies=[agreement],
                title={"en": f"On ratification of agreement {agreement} (synthetic)"}))
            made.append((record_id, year))
        chain = 0
        while len(records) < count:
            year = self.rng.choice(YEARS[:-6])
            base = f"law-gen-{chain:06d}"
            records.append(self._clone(
                self.t.law, base, number=f"{chain}-{convocation(year)}", date=str(year),
                title={"en": f"On migration matters, part {chain} (synthetic)"}, replaces=[]))
            records[-1].pop("replaces")
            made.append((base, year))
            previous = base
            for step in range(self.rng.randint(1, 5)):
                if len(records) >= count or year >= YEARS[-1]:
                    break
                year = self.rng.randint(year + 1, min(year + 4, YEARS[-1]))
                amendment = f"{base}-amend-{step}"
                records.append(self._clone(self.t.amendment, amendment, date=str(year),
                                           amends=[previous, base] if previous != base else [base]))
                made.append((amendment, year))
                previous = amendment
            chain += 1
        self._write("acts.yaml", "act", "Synthetic laws, amendment chains and ratifications.",
                    records)
        return made

    # -- organisations ---------------------------------------------------------------------
    def _organisations(self, count: int, lineage: int) -> list[str]:
        records = [self._clone(self.t.ministry, f"org-gen-{n}",
                               name={"en": f"Migration body {n} (synthetic)"})
                   for n in range(max(count, 2 * lineage))]
        self._write("organisations.yaml", "organisation", "Synthetic state bodies.", records)
        return [record["id"] for record in records]

    def _lineage(self, count: int, organisations: list[str], acts: list[tuple[str, int]]) -> None:
        """Chains of reorganisations: body k becomes body k+1, a year or more later each time."""
        records: list[dict] = []
        n = 0
        while len(records) < count and n + 1 < len(organisations):
            year = self.rng.randint(YEARS[0], YEARS[0] + 15)
            for _ in range(self.rng.randint(2, 6)):
                if len(records) >= count or n + 1 >= len(organisations) or year > YEARS[-1]:
                    break
                original, resulting = organisations[n], organisations[n + 1]
                act, _act_year = acts[len(records) % len(acts)]
                records.append(self._clone(
                    self.t.change, f"chg-gen-{len(records)}", date=str(year),
                    original=[original], resulting=[resulting], acts=[act], cites=[act],
                    title={"en": f"Reorganisation of {original} into {resulting} (synthetic)"}))
                # the migration functions stay with the curated bodies: one authority at a time
                records[-1].pop("functions", None)
                n += 1
                year += self.rng.randint(1, 3)
            n += 1  # the next chain starts from a body no change has touched
        if records:
            self._write("lineage.yaml", "org-change-event", "Synthetic reorganisations.", records)

    # -- policy measures -------------------------------------------------------------------
    def _measures(self, count: int, acts: list[tuple[str, int]], organisations: list[str]) -> None:
        records = []
        for n in range(count):
            template = self.t.measures[n % len(self.t.measures)]
            act, year = acts[self.rng.randrange(len(acts))]
            record = self._clone(template, f"m-gen-{n}", date=str(year), enacted_by=[act],
                                 cites=[act], status="enacted",
                                 title=f"{template['title']} (synthetic {n})",
                                 bodies=[organisations[n % len(organisations)]])
            for key in ("responds_to", "introduces", "changes", "ends", "revises", "until",
                        "implemented_by", "reported_by", "enacting_act_not_named"):
                record.pop(key, None)
            records.append(record)
        if records:
            self._write("measures.yaml", "policy-measure", "Synthetic coded measures.", records)


if __name__ == "__main__":
    sys.exit(main())
