"""Reconcile a document with the graph: what it cites and states, set against the curated acts and
observations.

One public entry: ``reconcile_document(path, ...)``. The document goes through the loader
(``kzmig_kg.extract``); the graph comes from the curated records (``data/``, via
``read_records`` + ``build_graph``) or from a built release store (``dist/store``). Then:

- each **citation** is resolved to an act (``eli:LegalResource``): by a curated ``kzo:citedAs``
  string equal to the citation as written; else by act type + normalised number + year; the
  number alone (with a year or type that differs), or the digits of the number with the same
  year (OCR damage), give a *disagreement*; an act cited without a number is looked up by type,
  issuer and year or by its title;
- each **figure** about a flow is set against the observations (``qb:Observation``) with the same
  direction (``kzo:flowDirection``), counterpart (``kzo:counterpartArea``; no country = the
  total) and period (``sdmx-dimension:refPeriod``): the same value is a *match*, another value a
  *disagreement*; the same value under another year or country is a disagreement too;
- what matches nothing is what the document states that the graph **lacks** (*missing*).

The report is a table or RDF: the extraction's annotations plus, on each, ``kzo:reconcileStatus``,
``kzo:resolvesTo`` (the act or observation) and a note (``skos:note``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from rdflib import Graph, Literal, URIRef

from ..namespaces import KZO, PREFIXES, SKOS
from .extract import Extraction, Item, extract_document, summary_of
from .extract.schemes import named_acts
from .to_rdf import ACT_TYPE_SLUGS, annotation_iri, document_graph, document_iri, item_graph

STATUSES = ("match", "disagreement", "missing", "not-compared")
_TYPE_OF_SLUG = {slug: key for key, slug in ACT_TYPE_SLUGS.items()}
_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())

ACTS_QUERY = _PREFIXES + """
SELECT ?act ?type ?number ?year ?id ?title ?cited ?printed WHERE {
  ?act a eli:LegalResource .
  OPTIONAL { ?act eli:type_document ?type }
  OPTIONAL { ?act eli:number ?number }
  OPTIONAL { ?act kzo:year ?year }
  OPTIONAL { ?act kzo:recordId ?id }
  OPTIONAL { ?act dct:title ?title }
  OPTIONAL { ?act kzo:citedAs ?cited }
  OPTIONAL { ?act kzo:numberAsPrinted ?printed }
}"""
ISSUERS_QUERY = _PREFIXES + """
SELECT ?act ?org WHERE { ?act a eli:LegalResource ; eli:passed_by ?org . }"""
AMENDS_QUERY = _PREFIXES + """
SELECT ?act ?target WHERE { ?act a eli:LegalResource ; eli:amends ?target . }"""
OBSERVATIONS_QUERY = _PREFIXES + """
SELECT ?obs ?value ?direction ?indicator ?area ?period ?start ?end ?id ?dataset WHERE {
  ?obs a qb:Observation ; sdmx-measure:obsValue ?value .
  OPTIONAL { ?obs kzo:flowDirection ?direction }
  OPTIONAL { ?obs kzo:indicator ?indicator }
  OPTIONAL { ?obs kzo:counterpartArea ?area }
  OPTIONAL { ?obs qb:dataSet ?dataset }
  OPTIONAL { ?obs kzo:recordId ?id }
  OPTIONAL { ?obs sdmx-dimension:refPeriod ?period .
             OPTIONAL { ?period kzo:startYear ?start } OPTIONAL { ?period kzo:endYear ?end } }
}"""
DOCUMENTS_QUERY = _PREFIXES + """
SELECT ?doc ?sha ?id WHERE { ?doc kzo:sha256 ?sha . OPTIONAL { ?doc kzo:recordId ?id } }"""


# ------------------------------------------------------------------------------- the graph

@dataclass
class Act:
    iri: str
    id: str | None
    act_type: str | None
    number: str | None
    year: int | None
    title: str | None
    cited_as: set[str] = field(default_factory=set)
    printed: set[str] = field(default_factory=set)
    issuers: set[str] = field(default_factory=set)
    amends: set[str] = field(default_factory=set)      # IRIs of the acts it amends
    titles: set[str] = field(default_factory=set)      # in every language the graph has


@dataclass
class Observation:
    iri: str
    id: str | None
    value: Decimal
    direction: str | None      # IMM, EMI, NET; None for an indicator
    indicator: str | None      # the indicator code of a non-flow observation
    country: str | None        # ISO alpha-3; None for the total (group-WORLD) and other groups
    area: str | None           # the code-list id (country-XXX, group-...)
    start: int | None
    end: int | None
    dataset: str | None


@dataclass
class GraphIndex:
    acts: list[Act]
    observations: list[Observation]
    documents: dict[str, tuple[str, str | None]]   # sha256 -> (IRI, record id)


def _rows(source: Any, query: str) -> list[dict[str, Any]]:
    """SELECT rows as dicts of python strings/ints, from an rdflib Dataset or a pyoxigraph Store."""
    rows = []
    if hasattr(source, "bulk_load"):           # pyoxigraph.Store
        result = source.query(query, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        for solution in result:
            rows.append({n: (solution[n].value if solution[n] is not None else None) for n in names})
        return rows
    for row in source.query(query):
        rows.append({str(k): (str(v) if v is not None else None) for k, v in row.asdict().items()})
    return rows


def graph_index(data_dir: Path | None = None, store_dir: Path | None = None,
                records: Any = None) -> GraphIndex:
    """Acts, observations and documents of the graph, from a release store or the records
    (``records``: already read from ``data_dir``)."""
    if records is not None:
        from ..pipeline.graph import build_graph

        source: Any = build_graph(records)
        source.default_union = True
    elif store_dir is not None:
        from ..pipeline.store import open_store

        source = open_store(Path(store_dir))
    else:
        from ..pipeline.graph import build_graph
        from ..pipeline.records import read_records

        source = build_graph(read_records(Path(data_dir or "data")))
        source.default_union = True
    acts: dict[str, Act] = {}
    for row in _rows(source, ACTS_QUERY):
        act = acts.get(row["act"])
        if act is None:
            slug = (row.get("type") or "").rsplit("/", 1)[-1]
            year = int(str(row["year"])[:4]) if row.get("year") else None
            act = acts[row["act"]] = Act(row["act"], row.get("id"), _TYPE_OF_SLUG.get(slug),
                                         row.get("number"), year, row.get("title"))
        if row.get("cited"):
            act.cited_as.add(_cited_form(row["cited"]))
        if row.get("printed"):
            act.printed.add(row["printed"])
        if row.get("title"):
            act.titles.add(row["title"])
            if not act.title or (re.fullmatch(r"[\x00-\x7f]+", row["title"])
                                 and not re.fullmatch(r"[\x00-\x7f]+", act.title)):
                act.title = row["title"]      # the English (Latin) title for display
    for row in _rows(source, ISSUERS_QUERY):
        if row["act"] in acts:
            acts[row["act"]].issuers.add(row["org"].rsplit("/", 1)[-1])
    for row in _rows(source, AMENDS_QUERY):
        if row["act"] in acts:
            acts[row["act"]].amends.add(row["target"])
    observations: dict[str, Observation] = {}
    for row in _rows(source, OBSERVATIONS_QUERY):
        if row["obs"] in observations:
            continue
        area = (row.get("area") or "").rsplit("/", 1)[-1] or None
        country = area[len("country-"):] if area and area.startswith("country-") else None
        direction = (row.get("direction") or "").rsplit("-", 1)[-1] or None
        try:
            value = Decimal(str(row["value"]))
        except ArithmeticError:
            continue
        indicator = (row.get("indicator") or "").rsplit("/", 1)[-1].removeprefix("indicator-") or None
        observations[row["obs"]] = Observation(
            row["obs"], row.get("id"), value, direction, indicator, country, area,
            int(row["start"]) if row.get("start") else None, int(row["end"]) if row.get("end") else None,
            row.get("dataset"))
    documents = {row["sha"]: (row["doc"], row.get("id")) for row in _rows(source, DOCUMENTS_QUERY)}
    return GraphIndex(list(acts.values()), list(observations.values()), documents)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip("()").strip().lower()


def _cited_form(text: str) -> str:
    """A citation as compared with the curated ``kzo:citedAs`` forms: whitespace and line breaks
    collapsed, case folded, and a leading article dropped, since the extracted span may begin
    after it ("the" at the end of one line, "Constitution" on the next)."""
    return re.sub(r"^the ", "", _norm(text))


# ---------------------------------------------------------------------------- reconciling

@dataclass
class Result:
    item: Item
    status: str
    resolves_to: str | None = None
    graph_id: str | None = None
    graph_says: str = ""
    note: str = ""


def _digits(number: str | None) -> str:
    return re.match(r"\d*", number or "").group()


def reconcile_citation(item: Item, acts: list[Act]) -> Result:
    """Resolve a citation to an act: by the curated form of the citation, by type, number and
    year, as an amendment cited by the number of the act it amends, or by title."""
    f = item.fields
    by_cited = [a for a in acts if _cited_form(item.exact) in a.cited_as]
    if len(by_cited) == 1:
        return _act_result(item, by_cited[0], "match", "cited this way in the curated record")
    number, year, act_type = f.get("number"), f.get("year"), f.get("act_type")
    if number:
        result = _by_number(item, acts, number, year, act_type, by_cited)
        if result.status == "missing" and f.get("evidence"):
            # a code named by title, numbered from the jurisdiction scheme ("Трудового кодекса": 414-V):
            # the graph's record with one of that act's titles, which may lack the number (code-labour)
            keys = {_norm(t) for a in named_acts() if (a.number, a.act_type) == (number, act_type)
                    for t in a.titles}
            titled = [a for a in acts if a.act_type == act_type and a.year in (None, year)
                      and keys & {_norm(t) for t in a.titles or ({a.title} if a.title else set())}]
            if len(titled) == 1:
                return _act_result(item, titled[0], "match", "by title (its number from the jurisdiction "
                                                               "scheme's named acts)")
        return result
    candidates = [a for a in acts if a.act_type == act_type and act_type and year and a.year == year]
    issuers = set(f.get("issuer_ids") or [])
    if issuers:
        candidates = [a for a in candidates if a.issuers & issuers] or candidates
    if len(candidates) == 1:
        return _act_result(item, candidates[0], "match", "by type, issuer and year (no number cited)")
    if f.get("title") and (best := _best_title(f["title"], acts, year)) is not None:
        return _act_result(item, best, "match", "by title")
    if len(candidates) > 1:
        return Result(item, "not-compared",
                      note=f"{len(candidates)} acts of this type and year; the citation has no number")
    return Result(item, "missing", note="no act of this type, issuer and year or title in the graph")


def _by_number(item: Item, acts: list[Act], number: str, year: int | None, act_type: str | None,
               by_cited: list[Act]) -> Result:
    same = [a for a in acts if a.number == number]
    exact = [a for a in same if a.year == year and (act_type is None or a.act_type == act_type)]
    if exact:
        return _act_result(item, exact[0], "match", "")
    if year is None and same:   # "Law No. 477-IV" with no year: the number alone decides
        typed = [a for a in same if act_type is None or a.act_type == act_type]
        if len(typed) == 1:
            return _act_result(item, typed[0], "match", "by number (the citation gives no year)")
        if len(typed) > 1:
            return Result(item, "not-compared", note=f"{len(typed)} acts numbered {number} in the "
                                                     "graph; the citation gives no year")
    targets = {a.iri for a in same}
    amending = [a for a in (by_cited or acts) if a.amends & targets and a.year == year]
    if amending:
        return _act_result(item, amending[0], "match",
                           f"an amendment of {year}, cited by the number of the act it amends"
                           + (f" ({len(amending)} candidates)" if len(amending) > 1 else ""))
    same_year = [a for a in same if a.year == year]
    if same_year:
        act = same_year[0]
        return _act_result(item, act, "disagreement",
                           f"the document calls it {act_type or 'an act'}; the graph has {act.act_type}")
    if same:
        act = sorted(same, key=lambda a: abs((a.year or 0) - (year or 0)))[0]
        return _act_result(item, act, "disagreement",
                           f"cited with year {year}; the act in the graph is of {act.year} "
                           "and no amendment of that year is recorded")
    digits = [a for a in acts if _digits(number) and _digits(a.number) == _digits(number)
              and a.year == year and (act_type is None or a.act_type in {act_type, None})]
    if digits:
        act = digits[0]
        return _act_result(item, act, "disagreement",
                           f"number read as {number}; the graph has {act.number} (OCR damage?)")
    return Result(item, "missing", note=f"no act numbered {number} in the graph")


_TITLE_WORD = re.compile(r"[a-zа-яёәіңғүұқөһ]{4,}")


def _best_title(title: str, acts: list[Act], year: int | None) -> Act | None:
    """The act whose title (in any language) shares most words with ``title``; of two acts with
    one title (a law and the law that replaced it), the later, the one in force."""
    words = set(_TITLE_WORD.findall(title.lower()))
    best, best_score = None, 0.0
    for act in acts:
        for act_title in act.titles or ({act.title} if act.title else set()):
            other = set(_TITLE_WORD.findall(act_title.lower()))
            if not other or not words:
                continue
            score = len(words & other) / len(words | other)
            if year and act.year == year:
                score += 0.1
            if score > best_score or (best is not None and score == best_score
                                      and (act.year or 0) > (best.year or 0)):
                best, best_score = act, score
    return best if best_score >= 0.5 else None


def _act_result(item: Item, act: Act, status: str, note: str) -> Result:
    says = " ".join(str(x) for x in (act.act_type, act.number and f"No. {act.number}", act.year) if x)
    return Result(item, status, act.iri, act.id, says, note)


_DIRECTION = {"immigration": "IMM", "emigration": "EMI", "net": "NET"}


def _period_of(f: dict[str, Any]) -> tuple[int | None, int | None]:
    if f.get("year"):
        return f["year"], f["year"]
    return f.get("period_start"), f.get("period_end")


def reconcile_figure(item: Item, observations: list[Observation]) -> Result:
    """Set a figure against the observations: a flow by direction, country and period; any
    figure also against the other indicators with the same value, country and period."""
    f = item.fields
    if f.get("value") is None:
        return Result(item, "not-compared", note="a stated change without a value")
    value = Decimal(str(f["value"]))
    country = f.get("country")
    start, end = _period_of(f)
    direction = _DIRECTION.get(f.get("direction") or "")
    indicators = sorted((o for o in observations if o.direction is None and _same_value(o.value, value, f)
                         and _period_fits(o, start, end) and (country is None or o.country == country)),
                        key=lambda o: (o.start, o.end) != (start, end))
    is_flow = direction is not None and f.get("unit") == "persons" and f.get("measure") in {"flow", None}
    if not is_flow:
        if indicators:
            return _obs_result(item, indicators[0], "match", f"indicator {indicators[0].indicator}")
        return Result(item, "not-compared", note="not a flow figure; no indicator with this value")
    flows = [o for o in observations if o.direction == direction]

    def same_key(o: Observation) -> bool:
        return o.country == country and (o.start, o.end) == (start, end) and \
            (country is not None or o.area in {None, "group-WORLD"})

    keyed = [o for o in flows if same_key(o)]
    equal = [o for o in keyed if _same_value(o.value, value, f)]
    if equal:
        return _obs_result(item, equal[0], "match", "")
    if indicators:
        return _obs_result(item, indicators[0], "match", f"recorded as indicator {indicators[0].indicator}")
    if keyed:
        o = keyed[0]
        return _obs_result(item, o, "disagreement",
                           f"the document says {f['value']}; the graph has {_fmt(o.value)}")
    for o in (o for o in flows if _same_value(o.value, value, f) and o.value != 0):
        if o.country == country and (o.start, o.end) != (start, end):
            when = f"{start}" if start == end else f"{start}-{end}"
            return _obs_result(item, o, "disagreement",
                               f"same value, but read as {when or 'no year'}; the graph has "
                               f"{o.start if o.start == o.end else f'{o.start}-{o.end}'}")
        if (o.start, o.end) == (start, end) and o.country != country:
            return _obs_result(item, o, "disagreement",
                               f"same value and period, but read as {country or 'the total'}; the "
                               f"graph has {o.country or o.area or 'the total'}")
    if start is None:
        undated = [o for o in observations if _same_value(o.value, value, f) and o.value != 0
                   and (country is None or o.country == country) and o.direction in {direction, None}]
        if len(undated) == 1:
            o = undated[0]
            return _obs_result(item, o, "match", "the document gives no year here; matched by value "
                                                 "and country")
    return Result(item, "missing", note="no observation with this direction, country and period")


def _period_fits(o: Observation, start: int | None, end: int | None) -> bool:
    """The figure's year or period is the observation's, or lies within its (open) period."""
    if (o.start, o.end) == (start, end):
        return True
    if start is None or (o.start is None and o.end is None):
        return False
    return (o.start is None or o.start <= start) and (o.end is None or end <= o.end)


def _same_value(stored: Decimal, stated: Decimal, f: dict[str, Any]) -> bool:
    if stored == stated or abs(stored) == abs(stated) and "loss" in " ".join(f.get("notes") or []):
        return True
    if f.get("value_max") is not None and stored == (stated + Decimal(str(f["value_max"]))) / 2:
        return True                    # "8-9 thousand", kept in the graph as its midpoint
    if f.get("approximate") or abs(stated) >= 100000:
        return abs(stored - stated) <= abs(stated) * Decimal("0.005")
    return False


def _fmt(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


def _obs_result(item: Item, o: Observation, status: str, note: str) -> Result:
    period = "" if o.start is None else (str(o.start) if o.start == o.end else f"{o.start}-{o.end}")
    says = " ".join(x for x in (o.direction or o.indicator or "", o.country or o.area or "total",
                                period, _fmt(o.value)) if x)
    return Result(item, status, o.iri, o.id, says, note)


@dataclass
class Reconciliation:
    extraction: Extraction
    results: list[Result]
    document_iri: URIRef
    document_id: str | None

    def counts(self) -> dict[str, Counter]:
        out: dict[str, Counter] = {}
        for r in self.results:
            out.setdefault(r.item.kind, Counter())[r.status] += 1
        return out


def reconcile_document(path: Path | str, *, data_dir: Path | None = None, store_dir: Path | None = None,
                       index: GraphIndex | None = None, **extract_options: Any) -> Reconciliation:
    """Extract from a document and set its citations and figures against the graph."""
    extraction = extract_document(path, kinds=("citation", "figure"), **extract_options)
    if index is None:
        index = graph_index(data_dir, store_dir)
    items = extraction.all_items()
    results = []
    for item in items:
        if item.kind == "citation":
            results.append(reconcile_citation(item, index.acts))
        elif item.kind == "figure":
            results.append(reconcile_figure(item, index.observations))
    known = index.documents.get(extraction.document.sha256)
    document_id = known[1] if known else None
    return Reconciliation(extraction, results, document_iri(extraction.document, document_id),
                          document_id)


# -------------------------------------------------------------------------------- output

def write_table(out: TextIO, report: Reconciliation, show: tuple[str, ...] = STATUSES) -> None:
    info = report.extraction.document
    out.write(f"{info.name} (sha256 {info.sha256[:12]}..., {info.lines} lines)"
              + (f" = curated document '{report.document_id}'" if report.document_id else "") + "\n")
    for kind, counts in sorted(report.counts().items()):
        out.write(f"  {kind}s: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s]) + "\n")
    rows = [r for r in report.results if r.status in show]
    if not rows:
        return
    headers = ("line", "kind", "status", "document says", "graph", "note")
    table = [(str(r.item.line), r.item.kind, r.status, _cut(summary_of(r.item), 44),
              _cut(f"{r.graph_id or ''} {r.graph_says}".strip(), 44), _cut(r.note, 70)) for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    out.write("\n" + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in table:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() + "\n")


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def reconciliation_graph(report: Reconciliation) -> Graph:
    doc = report.document_iri
    extraction = report.extraction
    graph = document_graph(extraction.document, extraction.sections, doc)
    for r in report.results:
        graph += item_graph(r.item, doc)
        ann = annotation_iri(doc, r.item)
        graph.add((ann, KZO.reconcileStatus, Literal(r.status)))
        if r.resolves_to:
            graph.add((ann, KZO.resolvesTo, URIRef(r.resolves_to)))
        if r.note:
            graph.add((ann, SKOS.note, Literal(r.note, lang="en")))
    return graph


def write_rdf(out: TextIO, report: Reconciliation, fmt: str = "ttl") -> None:
    rdf_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
    out.write(reconciliation_graph(report).serialize(format=rdf_format))


__all__ = ["GraphIndex", "Reconciliation", "Result", "graph_index", "reconcile_document",
           "write_rdf", "write_table"]
