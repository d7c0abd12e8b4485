"""Push a release into an external SPARQL 1.1 store without a moment where the live graphs are
half loaded (``push_release``).

The recipe (SPARQL 1.1 Graph Store HTTP Protocol + SPARQL 1.1 Update, section 3.2.5 MOVE):
1. every named graph of ``kzmig.nq`` goes into a staging graph
   ``https://w3id.org/kzmig/graph/staging/<release>/<name>`` by GSP ``PUT`` (first chunk) and
   ``POST`` (the others); a chunk holds whole blank-node neighbourhoods, since a blank node label
   means the same node only within one request;
2. one SELECT counts the triples of every staging graph; they must equal the release's counts
   (the triples of the dump, and the ``void:triples`` the release declares for the graph);
3. ONE update request moves each staging graph onto its live graph and drops the graphs of
   earlier releases that this one no longer has, and other releases' staging leftovers (on an
   Oxigraph server it copies them, and a second request drops the staging graphs);
4. the live counts are checked again.
Any failure before step 3 leaves the live graphs as they were; the staging graphs are dropped
(when the server still answers) and the error says what happened and what to do. A push killed
before it could clean up leaves complete staging graphs behind: the next push of the same
release keeps those whose count is right and uploads only the rest.

On an Oxigraph server a later push first reads back each live graph that has the release's
count (``GET /store?graph=``) and leaves alone those whose triples are already the release's: the
swap's transaction, which costs more than in proportion to its size there, then holds only the
graphs that change (a graph with blank nodes is always replaced).

A first push to an Oxigraph server (no live graph under the prefix yet) skips staging and swap:
the dump goes up as ONE transactional N-Quads request with its live graph names (the server
loads it in one transaction, so readers see all of it or nothing, and a failed or killed request
leaves nothing), then the live counts are checked. The swap costs more than the load there
(Oxigraph 0.5 copies quad by quad inside the update), and a first push has nothing to swap.
"""

from __future__ import annotations

import base64
import hashlib
import json
import netrc
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import KzmigError
from ..namespaces import KZG

LIVE_PREFIX = str(KZG)                 # every graph of the release lives under it
STAGING_PREFIX = f"{KZG}staging/"
USER_ENV, PASSWORD_ENV = "KZMIG_PUSH_USER", "KZMIG_PUSH_PASSWORD"
VOID_TRIPLES = "http://rdfs.org/ns/void#triples"
NAMED_GRAPH = "https://w3id.org/kzmig/ontology#namedGraph"
USER_AGENT = "kzmig-kg push"

Progress = Callable[[str, int, int], None]   # (graph, triples sent so far, total triples)


class PushError(KzmigError):
    """The push did not complete; the message says what the live graphs hold now and what to do."""


@dataclass(frozen=True)
class StoreEndpoints:
    """Where a store answers: SPARQL query, SPARQL update and the Graph Store Protocol."""

    query: str
    update: str
    graph_store: str
    graph_param: str = "graph"         # Virtuoso's /sparql-graph-crud* also read "graph-uri"
    # a URL that takes all staging graphs as one N-Quads POST, loaded without a transaction (the
    # Oxigraph server's bulk loader): 4 times faster than a transaction per GSP request, and safe
    # here since only staging graphs are written; None: one GSP request per chunk and graph
    bulk: str | None = None
    # a URL that takes a whole N-Quads dump in ONE transaction (the Oxigraph server's /store):
    # a first push, with no live graph to replace, goes there directly with its live names
    transactional: str | None = None

    @classmethod
    def from_urls(cls, endpoint: str, update: str | None = None, graph_store: str | None = None,
                  *, bulk: bool = True) -> StoreEndpoints:
        """The endpoints given, the others derived from the known layouts of Oxigraph
        (``/query``, ``/update``, ``/store``) and Virtuoso (``/sparql[-auth]``,
        ``/sparql-graph-crud[-auth]``); Fuseki and GraphDB need ``update`` and ``graph_store``."""
        for url in (endpoint, update, graph_store):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise PushError(f"{url!r} is not an http(s) URL; give the store's SPARQL endpoint, "
                                "e.g. http://127.0.0.1:7878/query")
        base, _, last = endpoint.rstrip("/").rpartition("/")
        derived = {"query": (f"{base}/update", f"{base}/store"),
                   "sparql": (endpoint, f"{base}/sparql-graph-crud"),
                   "sparql-auth": (endpoint, f"{base}/sparql-graph-crud-auth")}.get(last)
        if derived is None and (update is None or graph_store is None):
            raise PushError(f"cannot tell the update and Graph Store URLs of {endpoint}: give "
                            "--update URL and --graph-store URL (Fuseki: /DATASET/update and "
                            "/DATASET/data; GraphDB: /repositories/ID/statements and "
                            "/repositories/ID/rdf-graphs/service)")
        oxigraph = last == "query" and graph_store is None
        return cls(endpoint, update or derived[0], graph_store or derived[1],
                   bulk=f"{base}/store?no_transaction" if bulk and oxigraph else None,
                   transactional=f"{base}/store" if bulk and oxigraph else None)


@dataclass
class GraphUpload:
    """One named graph of the release, cut into N-Triples chunks."""

    live: str
    staging: str
    triples: int
    declared: int | None
    chunks: list[bytes] = field(default_factory=list)


@dataclass
class PushResult:
    graphs: list[GraphUpload]
    release: str
    resumed: list[str]                 # graphs whose complete staging copy a killed push left
    dropped: list[str]                 # live graphs of earlier releases that this one lacks
    seconds: float
    dry_run: bool
    phases: dict[str, float] = field(default_factory=dict)   # seconds per step of the push
    direct: bool = False               # a first push: one transactional load, no staging or swap
    unchanged: list[str] = field(default_factory=list)   # live graphs that already held the release's

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


def push_release(release_dir: Path, endpoints: StoreEndpoints, *, chunk_triples: int = 20_000,
                 dry_run: bool = False, timeout: float = 120.0,
                 progress: Progress | None = None) -> PushResult:
    """Load ``release_dir/kzmig.nq`` into the store at ``endpoints``, graph by graph, atomically.

    Credentials come from ``KZMIG_PUSH_USER``/``KZMIG_PUSH_PASSWORD`` or a netrc entry for the
    store's host (``NETRC`` or ``~/.netrc``), never from the command line. ``dry_run`` reads what
    the store holds and reports what a push would do, writing nothing.
    """
    started = time.monotonic()
    release, graphs = read_release(release_dir, chunk_triples, chunked=endpoints.bulk is None)
    phases = {"read the release": time.monotonic() - started}
    client = _Client(endpoints, timeout)
    try:
        present = client.graph_counts(LIVE_PREFIX)
    except _HTTPFailure as error:
        raise PushError(f"{error}; nothing was written. Fix the cause and run the push again.") from None
    staging = {g.staging: g for g in graphs}
    resumed = [g.live for g in graphs if present.get(g.staging) == g.triples]
    ours = {g.live for g in graphs}
    dropped = sorted(g for g in present if not g.startswith(STAGING_PREFIX) and g not in ours)
    leftovers = sorted(g for g in present if g.startswith(STAGING_PREFIX) and g not in staging)
    result = PushResult(graphs, release, resumed, dropped, 0.0, dry_run, phases)
    first = endpoints.transactional is not None and not any(
        not g.startswith(STAGING_PREFIX) for g in present)
    if first:   # staging copies a killed push left are dropped, not used
        result.direct, result.resumed = True, []
    if dry_run:
        result.seconds = time.monotonic() - started
        return result
    if first:
        staged = sorted(g for g in present if g.startswith(STAGING_PREFIX))
        _first_push(client, release_dir, graphs, staged, phases)
        if progress:
            progress("all graphs", result.triples, result.triples)
        result.seconds = time.monotonic() - started
        return result
    if endpoints.bulk is not None:   # a graph the live store already holds as released is kept
        step = time.monotonic()
        try:
            result.unchanged = _unchanged_graphs(client, release_dir, graphs, present)
        except _HTTPFailure as error:
            raise PushError(f"{error}; nothing was written. Fix the cause and run the push "
                            "again.") from None
        phases["compare live"] = time.monotonic() - step
    changed = [g for g in graphs if g.live not in result.unchanged]
    where = "before the upload"
    step = time.monotonic()
    try:
        total, sent = sum(g.triples for g in graphs), 0
        if endpoints.bulk is not None:
            where = "uploading the staging graphs in bulk"
            _bulk_upload(client, release_dir, graphs, set(resumed) | set(result.unchanged), present)
            sent = total
            if progress:
                progress("all graphs", sent, total)
        for graph in graphs if endpoints.bulk is None else []:
            where = f"uploading {graph.live}"
            if graph.live not in resumed:
                for number, chunk in enumerate(graph.chunks):
                    where = f"uploading {graph.live} (chunk {number + 1} of {len(graph.chunks)})"
                    client.send_graph(graph.staging, chunk, replace=number == 0)
            sent += graph.triples
            if progress:
                progress(graph.live, sent, total)
        phases["upload"] = time.monotonic() - step
        step = time.monotonic()
        where = "verifying the staging graphs"
        _verify(client.graph_counts(STAGING_PREFIX + release + "/"), changed, "staging")
        phases["count staging"] = time.monotonic() - step
    except (PushError, _HTTPFailure) as error:
        raise PushError(_failed(endpoints, where, error, client, graphs)) from None
    where = "swapping staging for live"
    # Oxigraph 0.5 runs an update quad by quad in one transaction: COPY (then the staging graphs
    # dropped in a second request) keeps the atomic step to the old live graphs' removal and the
    # copy, where MOVE would also delete the staging copy inside it (at 1.1M triples the swap
    # took 267 s with COPY, 392 s with MOVE, plus 102 s for the drop afterwards)
    oxigraph = endpoints.transactional is not None
    step = time.monotonic()
    try:
        if changed or dropped or leftovers:
            client.update(_swap_request(changed, dropped + leftovers, copy=oxigraph))
        phases["swap"] = time.monotonic() - step
    except _HTTPFailure as error:
        state = _live_state(client, graphs)
        raise PushError(f"push to {endpoints.query} failed while {where}: {error}. {state} "
                        "Run the push again once the store answers.") from None
    if oxigraph:
        step = time.monotonic()
        try:
            client.update(" ;\n".join(f"DROP SILENT GRAPH <{g.staging}>" for g in graphs))
        except _HTTPFailure as error:
            raise PushError(f"push to {endpoints.query}: the live graphs hold the new release, but "
                            f"the staging graphs could not be removed ({error}); the next push "
                            "removes them.") from None
        phases["drop staging"] = time.monotonic() - step
    try:
        step = time.monotonic()
        after = client.graph_counts(LIVE_PREFIX)
        _verify(after, graphs, "live")
        phases["count live"] = time.monotonic() - step
    except (PushError, _HTTPFailure) as error:
        raise PushError(f"push to {endpoints.query}: the swap ran but the live graphs do not "
                        f"check out: {error}. Run the push again.") from None
    result.seconds = time.monotonic() - started
    return result


def _first_push(client: _Client, release_dir: Path, graphs: list[GraphUpload],
                leftovers: list[str], phases: dict[str, float]) -> None:
    """The dump with its live graph names as ONE transactional request, when the store holds no
    live graph yet; then the live counts. The dump's own counts are checked against its VoID
    first, since once the transaction commits there is no earlier state to go back to."""
    query = client.endpoints.query
    try:
        _verify({g.live: g.triples for g in graphs}, graphs, "live")
    except PushError as error:
        raise PushError(f"{error}; nothing was written to {query}. Rebuild the release.") from None
    step = time.monotonic()
    try:
        client.send_dataset((release_dir / "kzmig.nq").read_bytes(), transactional=True)
    except _HTTPFailure as error:
        try:
            loaded = any(not g.startswith(STAGING_PREFIX) for g in client.graph_counts(LIVE_PREFIX))
        except _HTTPFailure:
            loaded = None
        state = {True: "The store committed the release all the same (its live graphs are there).",
                 False: "The store holds none of it (no live graph); if the request timed out, the "
                        "store may still commit it whole: raise --timeout.",
                 None: "The store no longer answers; it holds all of the release or none of it."}
        raise PushError(f"push to {query} failed while loading the release in one transaction: "
                        f"{error}. {state[loaded]} Fix the cause and run the push again (it "
                        "replaces what is there).") from None
    phases["load (one transaction)"] = time.monotonic() - step
    step = time.monotonic()
    try:
        if leftovers:   # staging graphs that killed pushes left behind
            client.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in leftovers))
        _verify(client.graph_counts(LIVE_PREFIX), graphs, "live")
    except (PushError, _HTTPFailure) as error:
        raise PushError(f"push to {query}: the release was loaded but the live graphs do not "
                        f"check out: {error}. Run the push again (it replaces them).") from None
    phases["count live"] = time.monotonic() - step


def read_release(release_dir: Path, chunk_triples: int, *,
                 chunked: bool = True) -> tuple[str, list[GraphUpload]]:
    """The release id (a digest of its N-Quads) and its named graphs, chunked for upload
    (``chunked=False``: counted only, for a bulk upload of the dump itself)."""
    dump = release_dir / "kzmig.nq"
    if not dump.is_file():
        raise PushError(f"{dump}: no such file; build the release first (kzmig-kg build --out "
                        f"{release_dir})")
    data = dump.read_bytes()
    release = hashlib.sha256(data).hexdigest()[:16]
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    except SyntaxError as error:
        raise PushError(f"{dump}: {error}; rebuild the release") from None
    by_graph: dict[str, list[ox.Triple]] = {}
    owner: dict[str, str] = {}
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise PushError(f"{dump}: a triple in the default graph ({quad.subject} "
                            f"{quad.predicate}); every triple of a release is in a named graph")
        name = quad.graph_name.value
        if not name.startswith(LIVE_PREFIX) or name.startswith(STAGING_PREFIX):
            raise PushError(f"{dump}: graph <{name}> is outside {LIVE_PREFIX}; rebuild the release")
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.BlankNode) and owner.setdefault(term.value, name) != name:
                raise PushError(f"{dump}: blank node _:{term.value} is in two graphs ({owner[term.value]}"
                                f", {name}); the Graph Store Protocol cannot keep it one node")
        by_graph.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    declared = _declared_counts(quads)
    graphs = []
    for name in sorted(by_graph):
        triples = list(dict.fromkeys(by_graph[name]))
        staging = f"{STAGING_PREFIX}{release}/{name[len(LIVE_PREFIX):]}"
        chunks = [ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
                  for chunk in _chunks(triples, chunk_triples)] if chunked else []
        graphs.append(GraphUpload(name, staging, len(triples), declared.get(name), chunks))
    return release, graphs


def _bulk_upload(client: _Client, release_dir: Path, graphs: list[GraphUpload],
                 resumed: set[str], present: dict[str, int]) -> None:
    """The dump's lines of every graph not in ``resumed`` (complete staging copies, or live graphs
    left as they are), with the staging graph names, as one N-Quads request to
    ``client.endpoints.bulk``; staging graphs a killed push left incomplete are dropped first (the
    bulk request adds, it does not replace)."""
    partial = [g.staging for g in graphs if g.live not in resumed and present.get(g.staging)]
    if partial:
        client.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in partial))
    staging = {g.live.encode(): g.staging.encode() for g in graphs if g.live not in resumed}
    graph_at_end = re.compile(rb"<([^<>]*)> \.$", re.M)

    def rename(match: re.Match[bytes]) -> bytes:
        return b"<" + staging.get(match.group(1), match.group(1)) + b"> ."

    lines = graph_at_end.sub(rename, (release_dir / "kzmig.nq").read_bytes())
    if len(staging) < len(graphs):     # leave out the lines of the other graphs, live names and all
        keep = tuple(b"<" + name + b"> ." for name in staging.values())
        lines = b"".join(line for line in lines.splitlines(keepends=True)
                         if line.rstrip().endswith(keep))
    if lines:
        client.send_dataset(lines)


def _unchanged_graphs(client: _Client, release_dir: Path, graphs: list[GraphUpload],
                      present: dict[str, int]) -> list[str]:
    """The live graphs that already hold exactly the release's triples: same count, then the same
    N-Triples lines as the store serialises them (a graph with a blank node is never taken as
    unchanged, its labels being the store's own)."""
    candidates = {g.live.encode() for g in graphs if present.get(g.live) == g.triples}
    released: dict[bytes, set[bytes]] = {}
    quad = re.compile(rb"^(.*) <([^<>]*)> \.$")
    for line in (release_dir / "kzmig.nq").read_bytes().splitlines() if candidates else []:
        match = quad.match(line)
        if match and match.group(2) in candidates:
            released.setdefault(match.group(2), set()).add(match.group(1) + b" .")
    unchanged = []
    for name, triples in sorted(released.items()):
        if any(b"_:" in triple for triple in triples):
            continue
        live = set(client.graph_triples(name.decode()).splitlines())
        if live == triples:
            unchanged.append(name.decode())
    return unchanged


def _declared_counts(quads: list[ox.Quad]) -> dict[str, int]:
    """``void:triples`` of each graph as the release's VoID states it (subset -> namedGraph)."""
    subsets = {q.subject: q.object.value for q in quads if q.predicate.value == NAMED_GRAPH}
    return {subsets[q.subject]: int(q.object.value) for q in quads
            if q.predicate.value == VOID_TRIPLES and q.subject in subsets}


def _chunks(triples: list[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Consecutive chunks of about ``size`` triples; the triples sharing a blank node (directly
    or through a chain) stay in one chunk."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for triple in triples:
        labels = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]
        for other in labels[1:]:
            parent[root(other)] = root(labels[0])
    groups: dict[object, list[ox.Triple]] = {}
    for index, triple in enumerate(triples):
        labels = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]
        groups.setdefault(("b", root(labels[0])) if labels else ("t", index), []).append(triple)
    chunks: list[list[ox.Triple]] = [[]]
    for group in groups.values():
        if chunks[-1] and len(chunks[-1]) + len(group) > size:
            chunks.append([])
        chunks[-1].extend(group)
    return chunks


def _swap_request(graphs: list[GraphUpload], drop: list[str], *, copy: bool = False) -> str:
    operations = [f"COPY SILENT GRAPH <{g.staging}> TO GRAPH <{g.live}>" if copy else
                  f"DROP SILENT GRAPH <{g.live}> ;\nMOVE SILENT GRAPH <{g.staging}> TO GRAPH <{g.live}>"
                  for g in graphs]
    operations += [f"DROP SILENT GRAPH <{name}>" for name in drop]
    return " ;\n".join(operations)


def _verify(counts: dict[str, int], graphs: list[GraphUpload], which: str) -> None:
    problems = []
    for graph in graphs:
        name = graph.staging if which == "staging" else graph.live
        held = counts.get(name, 0)
        if held != graph.triples:
            problems.append(f"{name} holds {held} triples, the release has {graph.triples}")
        elif graph.declared is not None and held != graph.declared:
            problems.append(f"{name} holds {held} triples, the release's VoID declares {graph.declared}")
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise PushError("count mismatch: " + "; ".join(problems[:3]) + more)


def _failed(endpoints: StoreEndpoints, where: str, error: Exception, client: _Client,
            graphs: list[GraphUpload]) -> str:
    message = f"push to {endpoints.query} failed while {where}: {error}. The live graphs are unchanged"
    try:
        client.update(" ;\n".join(f"DROP SILENT GRAPH <{g.staging}>" for g in graphs))
    except _HTTPFailure as cleanup:
        return (f"{message}; the staging graphs under {STAGING_PREFIX} could not be removed "
                f"({cleanup}): the next push resumes from them and removes them. Fix the cause "
                "and run the push again.")
    return f"{message} and the staging graphs were removed. Fix the cause and run the push again."


def _live_state(client: _Client, graphs: list[GraphUpload]) -> str:
    try:
        counts = client.graph_counts(LIVE_PREFIX)
    except _HTTPFailure:
        return "The store no longer answers, so the state of the live graphs is unknown."
    if all(counts.get(g.live) == g.triples for g in graphs):
        return "The live graphs hold the new release all the same."
    if any(counts.get(g.staging) for g in graphs):
        return "The live graphs are unchanged; the staging graphs are still there."
    return "The live graphs are partly swapped: the store did not run the update atomically."


class _HTTPFailure(Exception):
    """An HTTP request to the store failed (refused, timed out, answered an error)."""


class _Client:
    """SPARQL query/update and GSP writes over urllib, with basic or digest authentication."""

    def __init__(self, endpoints: StoreEndpoints, timeout: float):
        self.endpoints, self.timeout = endpoints, timeout
        self.user, self.password = credentials(endpoints.graph_store)
        self.digest = None
        if self.user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, endpoints.graph_store, self.user, self.password)
            manager.add_password(None, endpoints.update, self.user, self.password)
            manager.add_password(None, endpoints.query, self.user, self.password)
            self.digest = urllib.request.HTTPDigestAuthHandler(manager)
        self.opener = urllib.request.build_opener()

    def graph_counts(self, prefix: str) -> dict[str, int]:
        query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                 f"FILTER (STRSTARTS(STR(?g), \"{prefix}\")) }} GROUP BY ?g")
        body = urllib.parse.urlencode({"query": query}).encode()
        raw = self._send(self.endpoints.query, body, "application/x-www-form-urlencoded",
                         "POST", accept="application/sparql-results+json")
        try:
            rows = json.loads(raw)["results"]["bindings"]
            return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
        except (ValueError, KeyError, TypeError) as error:
            raise _HTTPFailure(f"{self.endpoints.query} did not answer SPARQL results JSON "
                               f"({error}): is it a SPARQL endpoint?") from None

    def update(self, request: str) -> None:
        body = urllib.parse.urlencode({"update": request}).encode()
        self._send(self.endpoints.update, body, "application/x-www-form-urlencoded", "POST")

    def send_dataset(self, data: bytes, *, transactional: bool = False) -> None:
        url = self.endpoints.transactional if transactional else self.endpoints.bulk
        assert url is not None
        self._send(url, data, "application/n-quads", "POST")

    def graph_triples(self, graph: str) -> bytes:
        """The graph as N-Triples, through the Graph Store Protocol."""
        query = urllib.parse.urlencode({self.endpoints.graph_param: graph})
        separator = "&" if "?" in self.endpoints.graph_store else "?"
        return self._send(f"{self.endpoints.graph_store}{separator}{query}", None,
                          "application/n-triples", "GET", accept="application/n-triples")

    def send_graph(self, graph: str, data: bytes, replace: bool) -> None:
        query = urllib.parse.urlencode({self.endpoints.graph_param: graph})
        separator = "&" if "?" in self.endpoints.graph_store else "?"
        self._send(f"{self.endpoints.graph_store}{separator}{query}", data,
                   "application/n-triples", "PUT" if replace else "POST")

    def _send(self, url: str, body: bytes | None, media_type: str, method: str,
              accept: str = "*/*") -> bytes:
        headers = {"Content-Type": media_type, "Accept": accept, "User-Agent": USER_AGENT}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        if self.user is not None:
            authorization = self._authorization(request)
            if authorization:
                request.add_header("Authorization", authorization)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
            if error.code in (401, 403) and self.user is not None:
                raise _HTTPFailure(f"{url} refused the credentials of user '{self.user}' (HTTP "
                                   f"{error.code}): check {USER_ENV} and {PASSWORD_ENV} (or the "
                                   "netrc entry for its host); the account must be allowed to "
                                   "write") from None
            if error.code in (401, 403):
                raise _HTTPFailure(f"{url} refused the request (HTTP {error.code}): set "
                                   f"{USER_ENV} and {PASSWORD_ENV} or a netrc entry for its "
                                   "host with an account allowed to write") from None
            raise _HTTPFailure(f"{url} answered HTTP {error.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise _HTTPFailure(f"cannot reach {url} ({reason}): is the store running?") from None

    def _authorization(self, request: urllib.request.Request) -> str | None:
        """The Authorization header for ``request``, from the challenge of a bodiless probe.

        A server that asks for credentials only after reading a large body may close the
        connection midway (Virtuoso does), so the challenge is fetched first and the request
        goes once, with its credentials.
        """
        probe = urllib.request.Request(request.full_url, method="GET",
                                       headers={"User-Agent": USER_AGENT})
        try:
            with self.opener.open(probe, timeout=self.timeout) as response:
                response.read()
            return None
        except urllib.error.HTTPError as error:
            error.read()
            challenge = error.headers.get("WWW-Authenticate", "") if error.code == 401 else ""
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise _HTTPFailure(f"cannot reach {request.full_url} ({reason}): is the store "
                               "running?") from None
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "digest" and self.digest is not None:
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
            return f"Digest {self.digest.get_authorization(request, fields)}"
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        return f"Basic {token}"


def credentials(url: str) -> tuple[str | None, str | None]:
    """User and password for ``url``'s host: the environment first, then the netrc file."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user is not None:
        return user, password or ""
    path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None, None
    try:
        entry = netrc.netrc(path).authenticators(urllib.parse.urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as error:
        raise PushError(f"{path}: {error}; fix the netrc file or set {USER_ENV}/{PASSWORD_ENV}") from None
    return (entry[0], entry[2]) if entry else (None, None)
