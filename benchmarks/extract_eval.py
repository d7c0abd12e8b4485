"""Evaluation: run the document loader on the thesis and score it against the curated graph.

    .venv/bin/python benchmarks/extract_eval.py [--data data] [--document PATH] [--quiet]

The gold standard is derived from the curated records in ``data/``, which curators wrote by
reading the thesis; it is never produced by the extractor:

- **legal-act citations**: every occurrence in the text of a ``cited_as`` string of an ``act``
  record (whitespace-insensitive), inside that act's ``passages``. Its expected number is the
  act's ``number`` (or, for an amending act cited by the number of the act it amends, that
  act's number); its expected year is the year printed in the ``cited_as`` string (none is
  expected of a citation by title alone); its expected type is the act's ``act_type``. A
  citation the curators did not list in ``cited_as`` counts as a false positive here even when
  it is right, so every false positive is listed for a human to judge.
- **numeric claims about flows**: every ``observation`` record with a flow ``direction``; it is
  found when an extracted figure with the same value (a stated range or rounding allowed) starts
  inside one of its ``passages``; it is *correct* when direction, country (ISO alpha-3 of
  ``counterpart``; groups and totals have none) and year or period agree too.
- **other figures**: the indicator observations (population, quotas, shares ...), by value and
  passage only.
- **stated percent changes**: the ``stated-claim`` records of type ``percent-change`` or
  ``mean-percent-change``: found when an extracted figure inside the passage states the same
  change (sign included).

Precision of a kind is the share of extracted items that match a curated record (for flows: any
curated observation with that value in that passage; on the "fields right" line: of the extracted
flow figures that match a curated flow, the share whose direction, country and period agree).

Prints precision and recall per kind and lists every miss and every false positive.

With ``--gold``, each gold document (``NAME.txt`` + ``NAME.yaml``, written by people who never saw
the loader) lists its migration flows; the extracted figures scored against them are those the
loader claims as flows (``measure`` flow), not its indicators (quotas, populations, vital events,
border crossings, permits and visas issued), which the thesis's evaluation scores as "other
figures".
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kzmig_kg.errors import KzmigError
from kzmig_kg.loader.extract import extract_document
from kzmig_kg.pipeline.records import read_records

ROOT = Path(__file__).resolve().parents[1]
THESIS = ROOT.parent / "shared" / "sources" / "000_81b0946b00ba0bf2.txt"
DIRECTIONS = {"IMM": "immigration", "EMI": "emigration", "NET": "net"}


# ------------------------------------------------------------------------------ gold standard

@dataclass
class GoldCitation:
    acts: list[str]
    start: int
    end: int
    line: int
    text: str
    numbers: set[str]
    year: int | None
    act_types: set[str]


@dataclass
class GoldFigure:
    id: str
    kind: str                   # "flow" or "indicator"
    value: Decimal
    lower: Decimal | None
    upper: Decimal | None
    precision: Decimal | None
    lines: list[tuple[int, int]]
    direction: str | None = None
    country: str | None = None
    period: tuple[int, int] | None = None


@dataclass
class GoldChange:
    id: str
    stated: Decimal
    lines: list[tuple[int, int]]


@dataclass
class Gold:
    citations: list[GoldCitation] = field(default_factory=list)
    flows: list[GoldFigure] = field(default_factory=list)
    indicators: list[GoldFigure] = field(default_factory=list)
    changes: list[GoldChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _lines(record) -> list[tuple[int, int]]:
    return [(p.first, p.last) for p in record.get("passages", [])]


def _inside(line: int, ranges: list[tuple[int, int]], slack: int = 0) -> bool:
    return any(first - slack <= line <= last + slack for first, last in ranges)


def _digits(number: str | None) -> str:
    match = re.match(r"\d+", number or "")
    return match.group() if match else ""


def gold_citations(records, text: str, gold: Gold) -> None:
    acts = {r.id: r for r in records.of_kind("act")}
    starts = _line_starts(text)
    by_span: dict[tuple[int, int], GoldCitation] = {}
    for act in acts.values():
        ranges = _lines(act)
        for cited in act.get("cited_as", []):
            words = [re.escape(w) for w in cited.split()]
            pattern = re.compile(r"\s+".join(words))
            found_inside = False
            for match in pattern.finditer(text):
                line = bisect.bisect_right(starts, match.start())
                last = bisect.bisect_right(starts, match.end() - 1)
                if ranges and not any(f <= last and line <= la for f, la in ranges):
                    continue
                found_inside = True
                numbers = set()
                for candidate in [act, *(acts[t] for t in act.get("amends", []) if t in acts)]:
                    number = candidate.get("number")
                    if number and _digits(number) and _digits(number) in re.findall(r"\d+", cited):
                        numbers.add(number)
                years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", cited)
                year = int(years[-1]) if years else None
                key = (match.start(), match.end())
                entry = by_span.get(key)
                if entry is None:
                    by_span[key] = GoldCitation([act.id], match.start(), match.end(), line,
                                                " ".join(match.group().split()), numbers, year,
                                                {act.get("act_type")})
                else:
                    entry.acts.append(act.id)
                    entry.numbers |= numbers
                    entry.act_types.add(act.get("act_type"))
            if not found_inside:
                gold.notes.append(f"act {act.id}: cited_as {cited!r} not found in its passages")
    # a shorter citation form found inside a longer one ('On Migration' in 'On Migration of
    # Population') is the same citation, not a second one
    spans = list(by_span.values())
    gold.citations = sorted((g for g in spans if not any(
        o is not g and o.start <= g.start and g.end <= o.end for o in spans)), key=lambda g: g.start)


def _decimal(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _period(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    if m := re.fullmatch(r"(\d{4})", text):
        return int(m[1]), int(m[1])
    if m := re.fullmatch(r"(\d{4})-(\d{4})", text):
        return int(m[1]), int(m[2])
    return None


def gold_figures(records, gold: Gold) -> None:
    for record in records.of_kind("observation"):
        area = record.get("counterpart") or ""
        figure = GoldFigure(
            record.id, "flow" if record.get("direction") else "indicator",
            _decimal(record.get("value")), _decimal(record.get("lower")),
            _decimal(record.get("upper")), _decimal(record.get("precision")), _lines(record))
        if figure.kind == "flow":
            figure.direction = DIRECTIONS.get(record.get("direction"))
            figure.country = area[len("country-"):] if area.startswith("country-") else None
            figure.period = _period(record.get("period"))
            gold.flows.append(figure)
        else:
            gold.indicators.append(figure)
    for record in records.of_kind("stated-claim"):
        if record.get("claim") in {"percent-change", "mean-percent-change"} and \
                record.get("stated") is not None:
            gold.changes.append(GoldChange(record.id, _decimal(record.get("stated")), _lines(record)))


def load_gold(data_dir: Path, text: str) -> Gold:
    records = read_records(data_dir)
    gold = Gold()
    gold_citations(records, text, gold)
    gold_figures(records, gold)
    return gold


# ------------------------------------------------------------------------------------ scoring

def _value_matches(item, gold: GoldFigure) -> bool:
    value = item.get("value")
    if value is None:
        return False
    value = Decimal(str(value))
    if gold.lower is not None and gold.upper is not None and item.get("value_max") is not None:
        return value == gold.lower and Decimal(str(item.get("value_max"))) == gold.upper
    if value == gold.value:
        return True
    tolerance = gold.precision / 2 if gold.precision else Decimal(0)
    return abs(value - gold.value) <= tolerance and tolerance > 0


def _figure_fields(item, gold: GoldFigure) -> list[str]:
    """The fields on which an extracted figure disagrees with a curated flow."""
    wrong = []
    if item.get("direction") != gold.direction:
        wrong.append(f"direction {item.get('direction')} (curated {gold.direction})")
    if item.get("country") != gold.country:
        wrong.append(f"country {item.get('country')} (curated {gold.country})")
    year = item.get("year")
    period = (year, year) if year else (item.get("period_start"), item.get("period_end"))
    if gold.period is not None and period != gold.period:
        shown = "-".join(str(p) for p in dict.fromkeys(period)) if period[0] else "none"
        wanted = "-".join(str(p) for p in dict.fromkeys(gold.period))
        wrong.append(f"period {shown} (curated {wanted})")
    return wrong


def _item_lines(item) -> tuple[int, int]:
    return item.line, item.line + item.exact.count("\n")


def _located(item, ranges: list[tuple[int, int]]) -> bool:
    first, last = _item_lines(item)
    return any(f <= last and first <= la for f, la in ranges)


@dataclass
class Score:
    name: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else float("nan")


def _show(item) -> str:
    return f"line {item.line}: {' '.join(item.exact.split())!r}"


def score_citations(items, gold: Gold) -> Score:
    score = Score("legal-act citations", gold=len(gold.citations))
    predicted = [i for i in items if i.kind == "citation"]
    score.predicted = len(predicted)

    def agrees(item, g: GoldCitation) -> list[str]:
        wrong = []
        if g.numbers and item.get("number") not in g.numbers:
            wrong.append(f"number {item.get('number')} (curated {'/'.join(sorted(g.numbers))})")
        if g.year is not None and item.get("year") != g.year:
            wrong.append(f"year {item.get('year')} (curated {g.year})")
        if item.get("act_type") not in g.act_types:
            wrong.append(f"type {item.get('act_type')} (curated {'/'.join(sorted(g.act_types))})")
        return wrong

    matched: dict[int, list[str]] = {}
    for item in predicted:
        overlapping = [g for g in gold.citations if g.start < item.end and item.start < g.end]
        if not overlapping:
            score.false_positives.append(f"{_show(item)}: no curated act lists this citation")
            continue
        verdicts = [(agrees(item, g), g) for g in overlapping]
        wrong, g = min(verdicts, key=lambda v: len(v[0]))
        if wrong:
            score.false_positives.append(f"{_show(item)}: {'; '.join(wrong)} [{', '.join(g.acts)}]")
        else:
            score.correct_predicted += 1
        matched.setdefault(id(g), []).extend(wrong)
        if not wrong:
            matched[id(g)] = []
    for g in gold.citations:
        wrong = matched.get(id(g))
        if wrong is not None and not wrong:
            score.found += 1
        elif wrong is None:
            score.misses.append(f"line {g.line}: {g.text!r} [{', '.join(g.acts)}]: not extracted")
        else:
            score.misses.append(f"line {g.line}: {g.text!r} [{', '.join(g.acts)}]: {'; '.join(wrong)}")
    return score


def score_figures(items, gold: Gold) -> tuple[Score, Score, Score]:
    figures = [i for i in items if i.kind == "figure"]
    flows = Score("numeric claims about flows", gold=len(gold.flows))
    strict = Score("  ... with direction, country and period right", gold=len(gold.flows))
    # precision of this line: of the extracted flow figures that match a curated flow
    others = Score("other figures (indicators)", gold=len(gold.indicators))
    curated = gold.flows + gold.indicators

    def candidates(item, pool):
        return [g for g in pool if _located(item, g.lines) and _value_matches(item, g)]

    for g in gold.flows:
        found = [i for i in figures if _located(i, g.lines) and _value_matches(i, g)]
        if not found:
            flows.misses.append(f"{g.id} ({g.value}, lines {_ranges(g.lines)}): not extracted")
            strict.misses.append(f"{g.id}: not extracted")
            continue
        flows.found += 1
        best = min(found, key=lambda i: len(_figure_fields(i, g)))
        wrong = _figure_fields(best, g)
        if wrong:
            strict.misses.append(f"{g.id} ({_show(best)}): {'; '.join(wrong)}")
        else:
            strict.found += 1
    for g in gold.indicators:
        if any(_located(i, g.lines) and _value_matches(i, g) for i in figures):
            others.found += 1
        else:
            others.misses.append(f"{g.id} ({g.value}, lines {_ranges(g.lines)}): not extracted")
    flow_items = [i for i in figures if i.get("value") is not None and i.get("measure") == "flow"]
    flows.predicted = len(flow_items)
    for item in flow_items:
        found = candidates(item, curated)
        if not found:
            flows.false_positives.append(f"{_show(item)}: no curated observation has this value here")
            continue
        flows.correct_predicted += 1
        flow_gold = [g for g in found if g.kind == "flow"]
        if flow_gold:
            strict.predicted += 1
            wrong = min((_figure_fields(item, g) for g in flow_gold), key=len)
            if wrong:
                strict.false_positives.append(f"{_show(item)}: {'; '.join(wrong)}")
            else:
                strict.correct_predicted += 1
    other_items = [i for i in figures if i.get("value") is not None and i.get("measure") != "flow"]
    others.predicted = len(other_items)
    for item in other_items:
        if candidates(item, curated):
            others.correct_predicted += 1
        else:
            others.false_positives.append(f"{_show(item)} ({item.get('measure')}): no curated "
                                          "observation has this value here")
    return flows, strict, others


def score_changes(items, gold: Gold) -> Score:
    score = Score("stated percent changes", gold=len(gold.changes))
    stated = [i for i in items if i.kind == "figure" and i.get("stated_change_pct") is not None]
    score.predicted = len(stated)
    hits: set[int] = set()
    for g in gold.changes:
        found = [i for i in stated if _located(i, g.lines)
                 and Decimal(str(i.get("stated_change_pct"))) == g.stated]
        if found:
            score.found += 1
            hits.update(id(i) for i in found)
        else:
            score.misses.append(f"{g.id} ({g.stated}%, lines {_ranges(g.lines)}): not extracted")
    for item in stated:
        if id(item) in hits:
            score.correct_predicted += 1
        else:
            score.false_positives.append(f"{_show(item)}: change {item.get('stated_change_pct')}% "
                                         "not in a curated claim here")
    return score


def _ranges(ranges: list[tuple[int, int]]) -> str:
    return ";".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)


def _pct(value: float) -> str:
    return "  n/a " if value != value else f"{100 * value:5.1f}%"


def report(scores: list[Score], out=sys.stdout, quiet: bool = False) -> None:
    out.write(f"{'kind':48} {'gold':>5} {'found':>6} {'recall':>7} {'extracted':>10} {'precision':>10}\n")
    for s in scores:
        out.write(f"{s.name:48} {s.gold:5d} {s.found:6d} {_pct(s.recall):>7} {s.predicted:10d} "
                  f"{_pct(s.precision):>10}\n")
    if quiet:
        return
    for s in scores:
        for title, rows in (("misses", s.misses), ("false positives", s.false_positives)):
            if rows:
                out.write(f"\n{s.name.strip(' .')}: {len(rows)} {title}\n")
                out.writelines(f"  {row}\n" for row in rows)


# ------------------------------------------------------- documents the loader was not tuned on

GOLD_DIR = Path(__file__).resolve().parent / "gold"


def item_period(item) -> str | None:
    """An extracted figure's period as the gold standard writes it: YYYY, YYYY-Qn, YYYY-Hn, A/B."""
    if item.get("period"):
        return item.get("period")
    if item.get("year"):
        return str(item.get("year"))
    if item.get("period_start"):
        return f"{item.get('period_start')}/{item.get('period_end')}"
    return None


_PART = re.compile(r"(\d{4})-(?:(\d{1,2})M|M(\d\d)-M(\d\d)|Q([1-4])|H([12]))")


def period_months(period: str | None) -> tuple[int, int, int] | str | None:
    """A sub-year period as (year, first month, last month), so that the two ways of writing the
    same months compare equal: "2026-5M" (the first five months) is "2026-M01-M05", "2026-Q3" is
    "2026-M07-M09". Other periods (a year, a span of years) are compared as written."""
    m = _PART.fullmatch(period or "")
    if not m:
        return period
    year = int(m[1])
    if m[2]:
        return year, 1, int(m[2])
    if m[3]:
        return year, int(m[3]), int(m[4])
    if m[5]:
        return year, 3 * int(m[5]) - 2, 3 * int(m[5])
    return year, 6 * int(m[6]) - 5, 6 * int(m[6])


@dataclass
class DocScore:
    document: str
    kind: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    mirrored: int = 0          # figures another country reported, compared in Kazakhstan's frame
    outside: int = 0           # another country's flows with third countries: not scored

    def add(self, other: DocScore) -> None:
        self.mirrored += other.mirrored
        self.outside += other.outside
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct


def _line_text(text: str, item) -> str:
    starts = text.rfind("\n", 0, item.start) + 1
    end = text.find("\n", item.end)
    return text[starts:end if end >= 0 else len(text)]


def _gold_citations(name: str, text: str, expected: list[dict], items) -> DocScore:
    score = DocScore(name, "citations", gold=len(expected))
    predicted = [i for i in items if i.kind == "citation"]
    score.predicted = len(predicted)
    position, spans = 0, []
    for g in expected:
        at = text.find(g["text"], position)
        if at < 0:
            raise SystemExit(f"{name}: gold citation text {g['text']!r} not in the document")
        spans.append((at, at + len(g["text"]), g))
        position = at + 1

    def wrong_fields(item, g) -> list[str]:
        wrong = []
        if item.get("act_type") not in g["act_type"]:
            wrong.append(f"type {item.get('act_type')} (gold {'/'.join(g['act_type'])})")
        for key, field_name in (("number", "number"), ("year", "year"), ("adilet", "adilet_id")):
            if g.get(key) is not None and str(item.get(field_name)) != str(g[key]):
                wrong.append(f"{key} {item.get(field_name)} (gold {g[key]})")
        return wrong

    used: set[int] = set()
    for start, end, g in spans:
        hits = [i for i in predicted if i.start < end and start < i.end]
        if not hits:
            score.misses.append(f"citation {g['text']!r}: not extracted")
            continue
        best = min(hits, key=lambda i: len(wrong_fields(i, g)))
        used.add(id(best))
        wrong = wrong_fields(best, g)
        if wrong:
            score.misses.append(f"citation {g['text']!r}: {'; '.join(wrong)}")
        else:
            score.found += 1
            score.correct += 1
    for item in predicted:
        if id(item) not in used:
            score.misses.append(f"extra citation line {item.line}: {' '.join(item.exact.split())!r}")
    return score


_MIRROR = {"immigration": "emigration", "emigration": "immigration", "net": "net"}


def kazakhstan_frame(item) -> tuple[Decimal, str | None, str | None]:
    """Value, direction and partner of an extracted figure as Kazakhstan would count it.

    A figure another country reported (``area``, with Kazakhstan as partner: "Прибыло из Казахстана"
    in Kyrgyzstan's table) is compared as a mirror: that country's immigration from Kazakhstan is
    Kazakhstan's emigration to it, its balance with Kazakhstan Kazakhstan's negated. The loader keeps
    the reporter (the graph publishes the figure with ``refArea`` of that country), since mirror
    statistics differ in fact; the gold standard writes every figure from Kazakhstan's side."""
    value = Decimal(str(item.get("value")))
    area, direction = item.get("area"), item.get("direction")
    if area and area != "KAZ" and item.get("country") == "KAZ" and direction in _MIRROR:
        return (-value if direction == "net" else value), _MIRROR[direction], area
    return value, direction, item.get("country")


def _outside_frame(item) -> bool:
    """A figure another country reported about its exchange with a third country, or its total."""
    return bool(item.get("area")) and item.get("area") != "KAZ" and item.get("country") != "KAZ"


def _figure_wrong(item, g: dict) -> list[str]:
    wrong = []
    _, direction, country = kazakhstan_frame(item)
    mirror = " (mirrored)" if item.get("area") and item.get("area") != "KAZ" else ""
    if period_months(item_period(item)) != period_months(str(g["period"])):
        wrong.append(f"period {item_period(item)} (gold {g['period']})")
    if direction != g["direction"]:
        wrong.append(f"direction {direction}{mirror} (gold {g['direction']})")
    if country != g.get("country"):
        wrong.append(f"country {country}{mirror} (gold {g.get('country')})")
    return wrong


def _gold_figures(name: str, text: str, expected: list[dict], items) -> DocScore:
    score = DocScore(name, "figures", gold=len(expected))
    # the gold lists flows only: a figure the loader itself counts as an indicator (a quota, a
    # population, births, border crossings, permits issued: ``measure``) claims no flow and is not
    # scored here (the convention, benchmarks/gold/README.md, twelfth round)
    predicted = [i for i in items if i.kind == "figure" and i.get("value") is not None
                 and i.get("unit") != "percent" and i.get("measure") in ("flow", None)]
    # another country's flows with third countries (area KGZ, partner RUS) are no flows of
    # Kazakhstan: the graph publishes them with that country's refArea, the gold leaves them out
    score.outside = sum(1 for i in predicted if _outside_frame(i))
    predicted = [i for i in predicted if not _outside_frame(i)]
    score.predicted = len(predicted)
    used: set[int] = set()
    for g in expected:
        value = Decimal(str(g["value"]))
        hits = [i for i in predicted if id(i) not in used and kazakhstan_frame(i)[0] == value
                and (not g.get("line_has") or g["line_has"] in _line_text(text, i))]
        if not hits:
            score.misses.append(f"figure {g['value']} {g['direction']} {g.get('country') or ''} "
                                f"{g['period']}: not extracted")
            continue
        best = min(hits, key=lambda i: len(_figure_wrong(i, g)))
        used.add(id(best))
        wrong = _figure_wrong(best, g)
        if wrong:
            score.misses.append(f"figure {g['value']} (line {best.line}): {'; '.join(wrong)}")
        else:
            score.found += 1
            score.correct += 1
    for item in predicted:
        if id(item) not in used:
            score.misses.append(f"extra figure line {item.line}: {item.exact!r} = {item.get('value')}")
    score.mirrored = sum(1 for i in predicted if i.get("area") and i.get("area") != "KAZ")
    return score


def _gold_dates(name: str, expected: list, items) -> DocScore:
    score = DocScore(name, "dates", gold=len(expected))
    predicted = [i for i in items if i.kind == "date" and i.get("precision") in ("month", "day")]
    score.predicted = len(predicted)
    remaining = [str(d) for d in expected]
    for item in predicted:
        if item.get("date") in remaining:
            remaining.remove(item.get("date"))
            score.correct += 1
        else:
            score.misses.append(f"extra date line {item.line}: {item.exact!r} = {item.get('date')}")
    score.found = score.correct
    score.misses[:0] = [f"date {d}: not extracted" for d in remaining]
    return score


def evaluate_gold(gold_dir: Path = GOLD_DIR, out=sys.stdout, quiet: bool = False,
                  names: list[str] | None = None) -> dict[str, DocScore]:
    """Score the loader on the documents of ``gold_dir`` (those whose name is in ``names``, or
    all); print a table per document and kind."""
    import yaml

    totals = {kind: DocScore("all", kind) for kind in ("citations", "figures", "dates")}
    rows: list[DocScore] = []
    for path in sorted(gold_dir.glob("*.txt")):
        if names and path.stem not in names:
            continue
        expected = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        items = extract_document(path, document_date=str(expected.get("date") or "") or None,
                                 language=expected.get("language")).all_items()
        for score in (_gold_citations(path.stem, text, expected.get("citations") or [], items),
                      _gold_figures(path.stem, text, expected.get("figures") or [], items),
                      _gold_dates(path.stem, expected.get("dates") or [], items)):
            rows.append(score)
            totals[score.kind].add(score)

    def ratio(a: int, b: int) -> str:
        return "   n/a" if not b else f"{100 * a / b:5.1f}%"

    out.write(f"\n{'document':30} {'kind':10} {'gold':>5} {'found':>6} {'recall':>7} "
              f"{'extracted':>10} {'precision':>10}\n")
    for s in rows + list(totals.values()):
        out.write(f"{s.document:30} {s.kind:10} {s.gold:5d} {s.found:6d} {ratio(s.found, s.gold):>7} "
                  f"{s.predicted:10d} {ratio(s.correct, s.predicted):>10}\n")
    if totals["figures"].mirrored:
        out.write(f"\n{totals['figures'].mirrored} extracted figures were reported by another country "
                  "(area, partner Kazakhstan) and are compared in Kazakhstan's frame, as a mirror: its "
                  "immigration from Kazakhstan as Kazakhstan's emigration to it, its balance negated\n")
    if totals["figures"].outside:
        out.write(f"{totals['figures'].outside} extracted figures of another country's exchange with "
                  "third countries (or its totals) are no flows of Kazakhstan and are not scored\n")
    if not quiet:
        for s in rows:
            for miss in s.misses:
                out.write(f"  {s.document}: {miss}\n")
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--document", type=Path, default=THESIS)
    parser.add_argument("--quiet", action="store_true", help="Only the table of figures.")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR,
                        help="Folder of gold documents (NAME.txt + NAME.yaml) scored after the thesis.")
    parser.add_argument("--no-speed", action="store_true",
                        help="Leave out the ingest time of a 20-page report (benchmarks/ingest_speed.py).")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="Score only these gold documents (their names without .txt), not the "
                             "thesis: a blind round scores the documents it adds.")
    args = parser.parse_args()
    if args.only:
        evaluate_gold(args.gold, quiet=args.quiet, names=args.only)
        return 0
    text = args.document.read_text(encoding="utf-8")
    try:
        gold = load_gold(args.data, text)
    except KzmigError as error:
        print(f"the curated records do not load, so there is no gold standard:\n{error}",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    items = extract_document(args.document).all_items()
    seconds = time.perf_counter() - started
    print(f"{args.document.name}: {len(items)} items extracted in {seconds:.2f} s; gold from "
          f"{args.data} ({len(gold.citations)} citations, {len(gold.flows)} flow figures, "
          f"{len(gold.indicators)} other figures, {len(gold.changes)} stated changes)\n")
    flows, strict, others = score_figures(items, gold)
    scores = [score_citations(items, gold), flows, strict, others, score_changes(items, gold)]
    report(scores, quiet=args.quiet)
    if gold.notes and not args.quiet:
        print("\ncurated records whose citations could not be located:")
        print("\n".join(f"  {note}" for note in gold.notes))
    evaluate_gold(args.gold, quiet=args.quiet)
    if not args.no_speed:
        from ingest_speed import measure  # beside this script

        print(f"\ningest speed: {measure(20)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
