"""Report: a static HTML report of a release, every figure drawn from named SPARQL queries.

``build_report(store_dir, out_dir)`` runs the named queries of ``queries/`` on the on-disk store,
draws each figure with matplotlib (PNG and SVG) and writes ``index.html`` with, for each figure,
the question it answers, the queries and parameters behind it, its data table (also as CSV) and
the passages of the thesis the figures rest on. The figures:

1. immigration and emigration series 2000-2023 for the main partner countries
   (``flows-partner-series``);
2. the national net balance, with the events and policy measures on the same time axis
   (``rq-national-balance``, ``timeline-events-and-measures``): it draws whatever events and
   measures the release holds;
3. policy measures by change in restrictiveness over time (``timeline-measures-by-restrictiveness``);
4. the themes of the interview codebook by number of codes (``rq-codebook-themes``).

The report is written to a new directory beside ``out_dir`` that replaces it by one rename
(``pipeline.outdir``), so a failed run leaves the previous report untouched, and a directory the
report did not write is never replaced.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import __version__
from ..pipeline.outdir import replace_output
from ..pipeline.store import open_store
from ..query.local import query_store
from ..query.named import QUERIES_DIR, NamedQuery, resolve_query
from ..query.passage_text import PassageRef, with_text
from ..query.run import run_query

MAIN_PARTNERS = 5          # partner countries per direction in figure 1
YEARS = (2000, 2023)       # the span of figure 1
TIMELINE = (1991, 2024)    # the span of figures 2 and 3
LABEL_GAP_YEARS = 1.0     # event labels of figure 2 at least this far apart (about 3 label widths)
RESTRICTIVENESS_COLOURS = {1: "#c0392b", -1: "#1e8449", 0: "#7f8c8d", None: "#b7950b"}


@dataclass
class QueryRun:
    """One named query as the report ran it."""

    query: NamedQuery
    params: dict[str, str]
    variables: list[str]
    rows: list[dict[str, Any]]          # plain Python values


@dataclass
class Figure:
    slug: str
    title: str
    question: str
    caption: str = ""
    runs: list[QueryRun] = field(default_factory=list)
    table: tuple[list[str], list[list[Any]]] = ([], [])  # the data drawn
    passages: list[str] = field(default_factory=list)     # line ranges behind the figure
    extra: tuple[str, list[str], list[list[Any]]] | None = None  # (heading, columns, rows)
    drawing: Any = None                                   # the matplotlib figure until saved


@dataclass
class Report:
    directory: Path
    figures: list[Figure]
    files: list[str]


def build_report(store_dir: Path, out_dir: Path, *, queries_dir: Path = QUERIES_DIR,
                 sources_dir: Path | None = None) -> Report:
    """Run the report's queries on the store in ``store_dir`` and write the report to ``out_dir``
    (``index.html``, ``figures/*.png|svg``, ``data/*.csv``, ``queries/*.rq``); the passages behind
    each figure carry their text where the source document is in ``sources_dir``."""
    import matplotlib

    matplotlib.use("Agg")
    store = open_store(Path(store_dir))
    out_dir = Path(out_dir)
    with replace_output(out_dir, "report", protected=(Path(store_dir),)) as staging:
        work = staging.path
        for sub in ("figures", "data", "queries"):
            (work / sub).mkdir()
        figures = []
        for number, (draw, slug) in enumerate(_FIGURES, start=1):
            figure = draw(store, queries_dir)
            figure.slug = f"{number}-{slug}"
            _save(figure, work)
            figures.append(figure)
        sections = _sections(store, sources_dir)
        (work / "index.html").write_text(_page(figures, sections, _summary(store)),
                                         encoding="utf-8")
        files = sorted(p.relative_to(work).as_posix() for p in work.rglob("*")
                       if p.is_file() and not p.name.startswith("."))
    return Report(out_dir, figures, files)


# ---------------------------------------------------------------- running queries

def _run(store: ox.Store, queries_dir: Path, name: str, **params: Any) -> QueryRun:
    query = resolve_query(name, queries_dir)
    raw = {k: str(v) for k, v in params.items()}
    result = run_query(query, raw, store=store)
    return QueryRun(query, raw, result.variables, result.values())


def _passages(*runs: QueryRun, rows: list[dict] | None = None) -> list[str]:
    """The distinct line ranges in the ``passages`` column of the rows (or of every row)."""
    found: set[str] = set()
    for run in runs:
        for row in rows if rows is not None else run.rows:
            for part in str(row.get("passages") or "").split():
                found.add(part)
    return sorted(found, key=lambda r: tuple(int(x) for x in r.split("-")))


def _decimal_year(date: str) -> float:
    """2022-02-24 -> 2022.15; 2022-09 -> 2022.71; 2022 -> 2022.5 (the middle of what is known)."""
    parts = [int(p) for p in date.split("-")[:3]]
    if len(parts) == 3:
        day = dt.date(*parts)
        return parts[0] + (day.timetuple().tm_yday - 0.5) / 365.25
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + 0.5


# ---------------------------------------------------------------- figure 1: partner series

def _partner_series(store: ox.Store, queries_dir: Path) -> Figure:
    import matplotlib.pyplot as plt

    run = _run(store, queries_dir, "flows-partner-series", **{"from": YEARS[0], "to": YEARS[1]})
    figure = Figure("", "Immigration and emigration by main partner country, "
                        f"{YEARS[0]}-{YEARS[1]}",
                    "How did the numbers of immigrants from and emigrants to Kazakhstan's main "
                    "partner countries move over the years the document gives figures for?",
                    runs=[run])
    fig, axes = plt.subplots(2, 1, figsize=(10, 8.5), sharex=True, constrained_layout=True)
    kept: list[dict] = []
    for ax, direction, heading in zip(axes, ("IMM", "EMI"), ("Immigrants from", "Emigrants to"),
                                      strict=True):
        rows = [r for r in run.rows if r["direction"] == direction]
        partners: list[str] = []
        for row in rows:  # ordered by volume, largest first
            if row["country"] not in partners:
                partners.append(row["country"])
        partners = partners[:MAIN_PARTNERS]
        for country in partners:
            series = sorted((r for r in rows if r["country"] == country), key=lambda r: r["year"])
            kept.extend(series)
            ax.plot([r["year"] for r in series], [r["value"] for r in series], marker="o",
                    linewidth=1.2, label=f"{series[0]['name'] or country} ({country})")
        ax.set_title(f"{heading} the {len(partners)} main partner countries")
        ax.set_ylabel("persons (log scale)")
        if partners:
            ax.set_yscale("log")
            ax.legend(loc="upper right", fontsize=8)
        else:
            ax.text(0.5, 0.5, "no figures stored", transform=ax.transAxes, ha="center")
        ax.grid(True, which="major", alpha=0.3)
    axes[-1].set_xlim(YEARS[0] - 0.5, YEARS[1] + 0.5)
    axes[-1].set_xlabel("year")
    figure.caption = (f"Main partners: the {MAIN_PARTNERS} countries with the largest stated flows "
                      f"in each direction over {YEARS[0]}-{YEARS[1]}. The thesis gives figures for "
                      "some years only; lines join the years it states, so a straight segment is "
                      "no evidence about the years between. Where data sets disagree the larger "
                      "figure is drawn.")
    columns = ["direction", "country", "name", "year", "value", "volume", "passages"]
    figure.table = (columns, [[r[c] for c in columns] for r in kept])
    figure.passages = _passages(run, rows=kept)
    figure.drawing = fig
    return figure


# ---------------------------------------------------------------- figure 2: net balance + timeline

def _balance_timeline(store: ox.Store, queries_dir: Path) -> Figure:
    import matplotlib.pyplot as plt

    balance = _run(store, queries_dir, "rq-national-balance",
                   **{"from": TIMELINE[0], "to": TIMELINE[1]})
    timeline = _run(store, queries_dir, "timeline-events-and-measures",
                    **{"from": TIMELINE[0], "to": TIMELINE[1], "kinds": "event,measure"})
    figure = Figure("", f"National net migration with events and policy measures, "
                        f"{TIMELINE[0]}-{TIMELINE[1]}",
                    "How did Kazakhstan's net migration balance move, and which events and policy "
                    "measures stand beside its turns (after the pandemic and with the war)?",
                    runs=[balance, timeline])
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 8), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 1.2]},
                                      constrained_layout=True)
    stated = [(r["year"], r["net"]) for r in balance.rows if r["net"] is not None]
    computed = [(r["year"], r["computedNet"]) for r in balance.rows
                if r["net"] is None and r["computedNet"] is not None]
    if stated:
        top.bar([y for y, _ in stated], [v for _, v in stated], color="#2e86c1", width=0.7,
                label="net balance stated")
    if computed:
        top.bar([y for y, _ in computed], [v for _, v in computed], color="none",
                edgecolor="#2e86c1", hatch="///", width=0.7,
                label="immigrants minus emigrants (no net balance stated)")
    values = [abs(v) for _, v in stated + computed]
    if values:
        top.set_yscale("symlog", linthresh=max(1000, min(values)))
    top.axhline(0, color="black", linewidth=0.8)
    events = [r for r in timeline.rows if r["kind"] == "event"]
    numbered = []
    clusters: list[list[tuple[int, float]]] = []  # events less than 0.8 years apart share a label
    for index, event in enumerate(events, start=1):
        x = _decimal_year(event["date"])
        top.axvline(x, color="#884ea0", linewidth=0.7, alpha=0.55, linestyle="--")
        numbered.append((f"E{index}", event))
        if clusters and x - clusters[-1][-1][1] < 0.8:
            clusters[-1].append((index, x))
        else:
            clusters.append([(index, x)])
    for cluster in _spread(clusters, LABEL_GAP_YEARS):
        first, last = cluster[0][0], cluster[-1][0]
        x = sum(v for _, v in cluster) / len(cluster)
        top.annotate(f"E{first}" if first == last else f"E{first}-{last}", (x, 1.0),
                     xycoords=("data", "axes fraction"), rotation=90, fontsize=7,
                     color="#6c3483", ha="center", va="bottom")
    top.set_ylabel("persons (symmetric log scale)")
    top.set_title("Net migration balance (bars) and events (dashed lines E1, E2 ...)", pad=30)
    if stated or computed:
        top.legend(loc="upper left", fontsize=8)
    else:
        top.text(0.5, 0.5, "no net balance stored", transform=top.transAxes, ha="center")
    top.grid(True, axis="y", alpha=0.3)
    measures = [r for r in timeline.rows if r["kind"] == "measure"]
    rows_by_score = {1: 2, 0: 1, None: 0, -1: -1}
    labels = {2: "more restrictive (+1)", 1: "no change (0)", 0: "unclear", -1: "less restrictive (-1)"}
    for index, measure in enumerate(measures, start=1):
        score = measure["restrictiveness"]
        x = _decimal_year(measure["date"])
        bottom.scatter([x], [rows_by_score[score]], s=28, marker="^" if score == 1 else
                       "v" if score == -1 else "o", color=RESTRICTIVENESS_COLOURS[score],
                       edgecolor="black", linewidth=0.3, zorder=3)
        numbered.append((f"M{index}", measure))
    bottom.set_yticks(list(labels), [labels[k] for k in labels], fontsize=7)
    bottom.set_ylim(-1.7, 2.7)
    bottom.set_title("Policy measures by change in restrictiveness (DEMIG coding)", fontsize=10)
    bottom.grid(True, axis="x", alpha=0.3)
    bottom.set_xlim(TIMELINE[0] - 0.5, TIMELINE[1] + 1)
    bottom.set_xlabel("year")
    figure.caption = (f"{len(stated)} years with a stated net balance, {len(computed)} where only "
                      f"immigrants and emigrants are stated; {len(events)} events and "
                      f"{len(measures)} policy measures on the same time axis (an item dated to a "
                      "year only is placed in the middle of the year). The scale is logarithmic "
                      "beyond the smallest balance, so that the early 1990s do not flatten the "
                      "rest. The table numbers the events (E) and measures (M).")
    columns = ["mark", "date", "kind", "label", "type", "restrictiveness", "status", "passages"]
    table = [[mark, r["date"], r["kind"], r["label"], r["type"], r["restrictiveness"],
              r["status"], r["passages"]] for mark, r in numbered]
    balance_columns = ["year", "net", "immigrants", "emigrants", "computedNet", "passages"]
    figure.extra = ("Net balance by year", balance_columns,
                    [[r[c] for c in balance_columns] for r in balance.rows])
    figure.table = (columns, table)
    figure.passages = _passages(balance, timeline)
    figure.drawing = fig
    return figure


def _spread(clusters: list[list[tuple[int, float]]], gap: float) -> list[list[tuple[int, float]]]:
    """Merge neighbouring clusters of events until the label positions (the clusters' mean
    dates) are at least ``gap`` years apart, so that no two labels overlap."""
    merged = [list(c) for c in clusters]
    while True:
        centres = [sum(x for _, x in c) / len(c) for c in merged]
        close = [i for i in range(len(merged) - 1) if centres[i + 1] - centres[i] < gap]
        if not close:
            return merged
        i = min(close, key=lambda k: centres[k + 1] - centres[k])
        merged[i:i + 2] = [merged[i] + merged[i + 1]]


# ---------------------------------------------------------------- figure 3: restrictiveness

def _restrictiveness(store: ox.Store, queries_dir: Path) -> Figure:
    import matplotlib.pyplot as plt

    run = _run(store, queries_dir, "timeline-measures-by-restrictiveness",
               **{"from": TIMELINE[0], "to": TIMELINE[1]})
    figure = Figure("", f"Policy measures by change in restrictiveness, {TIMELINE[0]}-{TIMELINE[1]}",
                    "Did Kazakhstan's migration policy become more or less restrictive over time, "
                    "measure by measure (DEMIG POLICY coding: +1 more restrictive, -1 less)?",
                    runs=[run])
    counts: dict[int, dict[Any, int]] = defaultdict(lambda: defaultdict(int))
    for row in run.rows:
        counts[row["year"]][row["restrictiveness"]] += row["measures"]
    years = sorted(counts)
    fig, ax = plt.subplots(figsize=(11, 5.5), constrained_layout=True)
    more = [counts[y][1] for y in years]
    less = [-counts[y][-1] for y in years]
    neutral = [counts[y][0] for y in years]
    unclear = [counts[y][None] for y in years]
    ax.bar(years, more, color=RESTRICTIVENESS_COLOURS[1], label="more restrictive (+1)")
    ax.bar(years, neutral, bottom=more, color=RESTRICTIVENESS_COLOURS[0], label="no change (0)")
    ax.bar(years, unclear, bottom=[m + n for m, n in zip(more, neutral, strict=True)],
           color=RESTRICTIVENESS_COLOURS[None], label="unclear from the source")
    ax.bar(years, less, color=RESTRICTIVENESS_COLOURS[-1], label="less restrictive (-1)")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("measures (less restrictive below zero); cumulative score")
    ax.set_xlabel("year the measure was adopted or announced")
    ax.set_xlim(TIMELINE[0] - 0.5, TIMELINE[1] + 0.5)
    ax.grid(True, axis="y", alpha=0.3)
    cumulative, total = [], 0
    for y in years:
        total += counts[y][1] - counts[y][-1]
        cumulative.append(total)
    if years:
        ax.step(years, cumulative, where="mid", color="black", linewidth=1.3,
                label="cumulative score (running sum of +1 and -1)")
        ax.legend(loc="lower left", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no policy measures stored", transform=ax.transAxes, ha="center")
    measures = sum(r["measures"] for r in run.rows)
    figure.caption = (f"{measures} measures in {len(years)} years. Planned and proposed measures "
                      "(those of the 2023-2027 concept, dated to its adoption in 2022) are counted "
                      "with the enacted ones; the table gives how many of each year were enacted.")
    columns = ["year", "restrictiveness", "change", "measures", "enacted", "items"]
    figure.table = (columns, [[r[c] for c in columns] for r in run.rows])
    detail = _run(store, queries_dir, "timeline-events-and-measures",
                  **{"from": TIMELINE[0], "to": TIMELINE[1], "kinds": "measure"})
    figure.runs.append(detail)
    figure.passages = _passages(detail)
    figure.drawing = fig
    return figure


# ---------------------------------------------------------------- figure 4: codebook themes

def _codebook(store: ox.Store, queries_dir: Path) -> Figure:
    import matplotlib.pyplot as plt

    run = _run(store, queries_dir, "rq-codebook-themes")
    figure = Figure("", "Themes of the expert interviews by number of codes",
                    "Which themes dominate the nine expert interviews, by the codes the "
                    "codebook (Appendix B) lists and counts under each?", runs=[run])
    rows = sorted(run.rows, key=lambda r: (r["codes"], r["count"]))  # largest at the top
    # one measure per axis: the codes a theme lists (left) and the times they were counted (right)
    fig, (listed, counted) = plt.subplots(
        1, 2, sharey=True, figsize=(12, 0.6 * max(len(rows), 3) + 1.5), constrained_layout=True)
    names = [f"{r['notation']} {r['label']}" for r in rows]
    listed.barh(names, [r["codes"] for r in rows], height=0.6, color="#5dade2")
    listed.set_xlabel("codes (rows of the codebook)")
    listed.set_title("Codes listed", fontsize=10)
    counted.barh(names, [r["reported"] for r in rows], height=0.6, color="#1f618d",
                 label="printed on a code's row (legible)")
    counted.barh(names, [r["unassigned"] for r in rows], left=[r["reported"] for r in rows],
                 height=0.6, color="#e67e22", label="printed in the theme's table, not tied to a row")
    counted.set_xlabel("counts (numbers the codebook prints)")
    counted.set_title("Counts printed", fontsize=10)
    for ax in (listed, counted):
        ax.grid(True, axis="x", alpha=0.3)
    if rows:
        counted.legend(loc="lower right", fontsize=8)
    else:
        listed.text(0.5, 0.5, "no codebook stored", transform=listed.transAxes, ha="center")
    illegible = sum(r["illegible"] for r in rows)
    figure.caption = ("Left: the codes the codebook lists under each theme. Right, on its own "
                      "axis: the counts it prints for them (dark on a code's row, orange where a "
                      f"number stands in the theme's table without a row it belongs to). "
                      f"{illegible} rows have a count the OCR left illegible, so the right-hand "
                      "bars understate the themes with many such rows.")
    columns = ["notation", "label", "codes", "reported", "illegible", "unassigned", "count",
               "experts", "passages"]
    figure.table = (columns, [[r[c] for c in columns] for r in run.rows])
    figure.passages = _passages(run)
    figure.drawing = fig
    return figure


_FIGURES: list[tuple[Callable[[ox.Store, Path], Figure], str]] = [
    (_partner_series, "partner-series"),
    (_balance_timeline, "net-balance-timeline"),
    (_restrictiveness, "restrictiveness"),
    (_codebook, "codebook-themes"),
]


# ---------------------------------------------------------------- writing files

def _save(figure: Figure, work: Path) -> None:
    import matplotlib.pyplot as plt

    fig = figure.drawing
    fig.savefig(work / "figures" / f"{figure.slug}.png", dpi=130,
                metadata={"Software": None})
    with plt.rc_context({"svg.hashsalt": figure.slug}):
        fig.savefig(work / "figures" / f"{figure.slug}.svg", metadata={"Date": None})
    plt.close(fig)
    figure.drawing = None
    columns, rows = figure.table
    with open(work / "data" / f"{figure.slug}.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    for run in figure.runs:
        target = work / "queries" / f"{run.query.name}.rq"
        if not target.exists():
            target.write_text(run.query.text, encoding="utf-8")


@dataclass
class PassageLink:
    """A passage behind a figure: its IRI (the link), section and, with the document, its text."""

    iri: str
    section: str
    ref: PassageRef


def _sections(store: ox.Store, sources_dir: Path | None = None) -> dict[str, PassageLink]:
    """Line range (as printed in the queries' passages column) -> the passage, with its text
    where the document is in ``sources_dir``."""
    result = query_store(store, """
        SELECT ?passage ?first ?last ?section ?file WHERE {
          ?passage kzo:firstLine ?first ; kzo:lastLine ?last ; kzo:inSection ?s ;
                   oa:hasSource ?document .
          ?s rdfs:label ?section FILTER (lang(?section) = "en")
          OPTIONAL { ?document kzo:fileName ?file }
        }""")
    sections: dict[str, PassageLink] = {}
    for row in result.rows:
        first, last = int(row["first"].value), int(row["last"].value)
        ref = PassageRef(row["file"].value if row["file"] is not None else None, first, last)
        link = PassageLink(row["passage"].value, row["section"].value,
                           with_text([ref], sources_dir)[0])
        key = str(first) if first == last else f"{first}-{last}"
        sections[key] = link
        sections.setdefault(f"{first}-{last}", link)
    return sections


def _summary(store: ox.Store) -> list[tuple[str, int]]:
    result = query_store(store, """
        SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
          VALUES (?class ?what) {
            (qb:Observation "statistical observations") (kzo:Event "events")
            (kzo:PolicyMeasure "policy measures") (eli:LegalResource "legal acts and agreements")
            (kzo:CodebookCode "codebook codes") (kzo:Passage "passages of the thesis") }
          ?x a ?class .
        } GROUP BY ?what ORDER BY ?what""")
    triples = query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return ([("triples", int(triples.rows[0]["n"].value))]
            + [(r["what"].value, int(r["n"].value)) for r in result.rows])


# ---------------------------------------------------------------- HTML

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 72rem; padding: 1rem 2rem 4rem; color: #1b2631; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { border-top: 2px solid #d5dbdb; padding-top: 1rem; margin-top: 2.5rem; }
.question { font-style: italic; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e5e8e8; }
figcaption { font-size: 0.9rem; color: #424949; }
table { border-collapse: collapse; font-size: 0.8rem; margin: 0.5rem 0; }
th, td { border: 1px solid #d5dbdb; padding: 0.15rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #f2f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f8f9f9; border: 1px solid #e5e8e8; padding: 0.6rem; overflow-x: auto;
      font-size: 0.75rem; }
.downloads a { margin-right: 1rem; }
.scroll { max-height: 28rem; overflow: auto; }
details.passage { font-size: 0.85rem; margin: 0.1rem 0; }
details.passage blockquote { white-space: pre-wrap; margin: 0.3rem 1rem; padding: 0.4rem;
                             background: #fbfcfc; border-left: 3px solid #aed6f1; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _cell(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value) if isinstance(value, int) else f"{value:.2f}"
        return f'<td class="num">{text}</td>'
    return f"<td>{_e(value)}</td>"


def _table(columns: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "\n".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody></table></div>")


def _passage_html(lines: str, link: PassageLink | None) -> str:
    """A collapsed passage: its line range as a link to the passage's IRI, its section, and the
    text of the lines (or a note that the document was not at hand)."""
    if link is None:
        return f'<details class="passage"><summary>lines {_e(lines)}</summary></details>'
    text = (f"<blockquote>{_e(link.ref.text)}</blockquote>" if link.ref.text is not None
            else "<p><em>the text is not shown: the source document was not found</em></p>")
    return (f'<details class="passage"><summary><a href="{_e(link.iri)}">lines {_e(lines)}</a>'
            f" ({_e(link.section)})</summary>{text}</details>")


def _page(figures: list[Figure], sections: dict[str, PassageLink],
          summary: list[tuple[str, int]]) -> str:
    out = io.StringIO()
    w = out.write
    w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      '<link rel="icon" href="data:,">\n'
      "<title>kzmig-kg report: migration trends and migration management in Kazakhstan</title>\n"
      f"<style>{_CSS}</style>\n</head>\n<body>\n")
    w("<header><h1>Migration trends and migration management in Kazakhstan</h1>\n"
      f"<p>A report of the kzmig-kg knowledge graph (kzmig-kg {_e(__version__)}). Every figure is "
      "drawn from named SPARQL queries on the release store; each section gives the query and its "
      "parameters, the data drawn (also as CSV) and the passages of the source thesis the data "
      "rest on (line ranges of <code>000_81b0946b00ba0bf2.txt</code>).</p>\n<p>The release holds "
      + ", ".join(f"{n:,} {_e(what)}" for what, n in summary) + ".</p>\n")
    w("<nav><h2>Figures</h2><ol>\n")
    for figure in figures:
        w(f'<li><a href="#{figure.slug}">{_e(figure.title)}</a></li>\n')
    w("</ol></nav></header>\n<main>\n")
    for number, figure in enumerate(figures, start=1):
        slug = figure.slug
        w(f'<section id="{slug}">\n<h2>{number}. {_e(figure.title)}</h2>\n')
        w(f'<p class="question">{_e(figure.question)}</p>\n')
        w(f'<figure><img src="figures/{slug}.svg" alt="{_e(figure.title)}">\n'
          f"<figcaption>Figure {number}. {_e(figure.caption)}</figcaption></figure>\n")
        w(f'<p class="downloads"><a href="figures/{slug}.png">PNG</a>'
          f'<a href="figures/{slug}.svg">SVG</a><a href="data/{slug}.csv">data (CSV)</a></p>\n')
        for run in figure.runs:
            params = ", ".join(f"{k}={v}" for k, v in run.params.items()) or "none"
            w(f'<details><summary>Query <a href="queries/{_e(run.query.name)}.rq">'
              f"<code>{_e(run.query.name)}</code></a> (parameters: {_e(params)}; "
              f"{len(run.rows)} rows): {_e(run.query.title)}</summary>\n"
              f"<pre>{_e(run.query.text)}</pre></details>\n")
        w("<h3>Data drawn</h3>\n")
        w(_table(*figure.table))
        if figure.extra:
            heading, columns, rows = figure.extra
            w(f"<h3>{_e(heading)}</h3>\n")
            w(_table(columns, rows))
        w(f"<h3>Passages behind the figure ({len(figure.passages)})</h3>\n")
        w("\n".join(_passage_html(p, sections.get(p)) for p in figure.passages) or "<p>none</p>")
        w("\n</section>\n")
    w("</main>\n</body>\n</html>\n")
    return out.getvalue()
