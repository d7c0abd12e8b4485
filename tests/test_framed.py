"""The framed JSON-LD documents of the release (acts, bodies, observations): read back by an
independent JSON-LD processor (pyld, offline) they hold exactly the triples of their subgraph, all
of them triples of the N-Quads; an act reads as one object with its amendments and passages
nested, an observation with its dataset, period and codes."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from pyld import jsonld

from kzmig_kg.pipeline.release.framed import FRAMES, SUBGRAPHS, frame_triples, framed_name, refuse_remote

LAW_477 = "kzeli:zakon/2011/477-IV"


def _document(release, kind: str) -> dict:
    return json.loads((release.dir / framed_name(kind)).read_text(encoding="utf-8"))


def _as_triples(document: dict) -> set[ox.Triple]:
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads",
                                      "documentLoader": refuse_remote})
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}


def _by_id(document: dict) -> dict[str, dict]:
    return {node["@id"]: node for node in document["@graph"]}


def _listed(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def release_triples(release) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=str(release.dir / "kzmig.nq"), format=ox.RdfFormat.N_QUADS)}


@pytest.mark.parametrize("kind", sorted(SUBGRAPHS))
def test_framed_document_holds_its_subgraph_and_only_release_triples(release, release_triples,
                                                                      kind: str) -> None:
    document = _document(release, kind)
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context
    framed = _as_triples(document)
    subgraph = set(release.store.query(SUBGRAPHS[kind], use_default_graph_as_union=True))
    assert len(subgraph) > 1000
    assert framed <= release_triples
    assert framed == subgraph


def test_an_act_is_one_object_with_its_amendments_and_passages_nested(release) -> None:
    acts = _by_id(_document(release, "acts"))
    law = acts[LAW_477]
    assert {"kzo:Law", "eli:LegalResource"} <= set(_listed(law["@type"]))
    assert law["eli:number"] == {"@value": "477-IV"}
    amendments = {a["@id"]: a for a in _listed(law["@reverse"]["eli:amends"])}
    assert {"kzeli:zakon/2015/law-477-IV-amend-2015", "kzeli:zakon/2020/law-477-IV-amend-2020"} \
        <= set(amendments)
    assert all("dct:title" in a and "eli:type_document" in a for a in amendments.values())
    passages = _listed(law["prov:wasDerivedFrom"])
    assert {p["@id"] for p in passages} >= {"kzd:passage/thesis/L469-472"}
    passage = next(p for p in passages if p["@id"] == "kzd:passage/thesis/L469-472")
    assert passage["kzo:firstLine"]["@value"] == "469" and "oa:hasSelector" in passage
    assert len(acts) == len(set(acts)) and all("@type" in a for a in acts.values())


def test_an_observation_carries_its_dataset_period_and_codes(release) -> None:
    observations = _by_id(_document(release, "observations"))
    obs = observations["kzd:obs/ds-alshanskaya-azatbek-2022/foreign-workers-quota-share/KAZ/"
                       "group-WORLD/total/2019"]
    assert obs["sdmx-measure:obsValue"] == {"@type": "xsd:decimal", "@value": "31.9"}
    assert "qb:DataSet" in _listed(obs["qb:dataSet"]["@type"])
    assert obs["qb:dataSet"]["dct:title"].startswith("Foreign workers under the quota")
    assert obs["sdmx-dimension:refPeriod"]["kzo:periodYear"]["@value"] == "2019"
    assert obs["sdmx-dimension:refArea"]["skos:notation"] is not None
    stored = release.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?o a "
                                 "<http://purl.org/linked-data/cube#Observation> }",
                                 use_default_graph_as_union=True)
    assert len(observations) == int(next(iter(stored))["n"].value)


def test_bodies_are_organisations_with_their_passages(release) -> None:
    bodies = _by_id(_document(release, "bodies"))
    agency = bodies["kzd:org/agency-migration-demography"]
    assert "org:FormalOrganization" in _listed(agency["@type"])
    assert _listed(agency["prov:wasDerivedFrom"])[0]["kzo:firstLine"]["@value"] == "106"


def test_framing_never_loads_a_remote_context(release) -> None:
    triples = set(release.store.query(SUBGRAPHS["bodies"], use_default_graph_as_union=True))
    frame = {**FRAMES["bodies"], "@context": "https://w3id.org/kzmig/context.jsonld"}
    with pytest.raises(jsonld.JsonLdError) as raised:
        frame_triples(triples, frame)
    chain, error = [], raised.value
    while error is not None:
        chain.append(str(error))
        error = getattr(error, "cause", None) or error.__cause__ or error.__context__
    assert any("framing is offline; refused to load https://w3id.org/kzmig/context.jsonld" in e
               for e in chain), chain


def test_a_kind_above_the_limit_gets_no_framed_document(release, tmp_path, monkeypatch) -> None:
    """At scale (a generated graph of millions of triples) framing would take minutes: a kind whose
    nodes carry more triples than the limit is left out; the others are still written."""
    from kzmig_kg.pipeline.release import framed

    monkeypatch.setattr(framed, "FRAME_LIMIT_TRIPLES", 2000)
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    written = framed.write_framed(release.store, context, tmp_path)
    assert written == [framed_name("acts"), framed_name("bodies")]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)


@pytest.mark.parametrize("kind", sorted(SUBGRAPHS))
def test_the_release_writes_the_document_pyld_frames(release, kind: str) -> None:
    """framing.py stands in for pyld's framing (15 to 30 times faster): the file of the release
    is byte for byte the document pyld frames from the same subgraph with the same frame."""
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    triples = set(release.store.query(SUBGRAPHS[kind], use_default_graph_as_union=True))
    assert not any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                   for t in triples)  # else the release falls back to pyld itself
    by_pyld = frame_triples(triples, {"@context": context, **FRAMES[kind]})
    written = (release.dir / framed_name(kind)).read_text(encoding="utf-8")
    assert written == json.dumps(by_pyld, ensure_ascii=False, indent=1)


def test_a_subgraph_with_blank_nodes_is_framed_by_pyld(release, tmp_path, monkeypatch) -> None:
    """framing.py does not reproduce pyld's relabelling of blank nodes: with one in the subgraph,
    the document is pyld's."""
    from kzmig_kg.pipeline.release import framed

    monkeypatch.setitem(framed.SUBGRAPHS, "bodies", framed.SUBGRAPHS["bodies"].replace(
        "CONSTRUCT { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o . ?s <https://w3id.org/kzmig/ontology#"
        "note> [ <http://www.w3.org/2000/01/rdf-schema#label> \"blank\" ] }"))
    calls = []
    monkeypatch.setattr(framed, "frame_triples",
                        lambda *args: calls.append(args) or frame_triples(*args))
    context = json.loads((release.dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    written = framed.write_framed(release.store, context, tmp_path)
    assert framed_name("bodies") in written and len(calls) == 1
    document = json.loads((tmp_path / framed_name("bodies")).read_text(encoding="utf-8"))
    assert any("kzo:note" in node for node in document["@graph"])


@pytest.mark.parametrize("kind", sorted(SUBGRAPHS))
def test_the_subgraphs_passages_are_those_of_the_plain_join(release, kind: str) -> None:
    """The passages' branches read the items' sources in a sub-select (faster at scale): the same
    triples as each pattern joined with the items of the kind in one group."""
    from kzmig_kg.pipeline.release import framed

    plain = framed.SUBGRAPHS[kind]
    for faster, joined in zip(framed.PASSAGES, (
            "?item a KIND . ?item prov:wasDerivedFrom ?s . ?s a oa:SpecificResource . ?s ?p ?o",
            "?item a KIND . ?item prov:wasDerivedFrom/oa:hasSelector ?s . ?s ?p ?o"), strict=True):
        plain = plain.replace(faster.replace("KIND", framed.KIND_CLASSES[kind]),
                              joined.replace("KIND", framed.KIND_CLASSES[kind]))
    assert plain != framed.SUBGRAPHS[kind] and "SELECT DISTINCT" not in plain
    triples = set(release.store.query(framed.SUBGRAPHS[kind], use_default_graph_as_union=True))
    assert any(t.predicate.value == "http://www.w3.org/ns/oa#start" for t in triples)
    assert triples == set(release.store.query(plain, use_default_graph_as_union=True))
