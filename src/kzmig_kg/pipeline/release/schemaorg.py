"""A schema.org ``Legislation`` view of the acts, derived from the ELI graph by a CONSTRUCT."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from .jsonld import compact_jsonld

LEGISLATION_CONSTRUCT = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kzo: <https://w3id.org/kzmig/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT {
  ?act a schema:Legislation ; schema:name ?title ; schema:legislationIdentifier ?number ;
       schema:legislationDate ?date ; schema:temporalCoverage ?year ;
       schema:legislationType ?typeLabel ; schema:legislationJurisdiction ?jurisdiction ;
       schema:legislationPassedBy ?agent ; schema:legislationLegalForce ?force ;
       schema:legislationAmends ?amended ; schema:legislationRepeals ?repealed ;
       schema:isBasedOn ?basis ; schema:sameAs ?wikidata ;
       schema:legislationIdentifier ?localId ; schema:description ?effect ;
       schema:legislationCommences ?commenced ; schema:sameAs ?adilet .
}
WHERE {
  ?act a eli:LegalResource ; eli:type_document ?type .
  ?type skos:prefLabel ?typeLabel . FILTER (lang(?typeLabel) = "en")
  OPTIONAL { ?act dct:title ?title }
  OPTIONAL { ?act eli:number ?number }
  OPTIONAL { ?act eli:date_document ?date }
  OPTIONAL { ?act kzo:year ?year }
  OPTIONAL { ?act eli:jurisdiction ?jurisdiction }
  OPTIONAL { ?act eli:passed_by ?agent }
  OPTIONAL { ?act eli:in_force ?f .
             VALUES (?f ?force) { (eli:InForce-inForce schema:InForce)
                                  (eli:InForce-notInForce schema:NotInForce)
                                  (eli:InForce-partiallyInForce schema:PartiallyInForce) } }
  OPTIONAL { ?act eli:amends ?amended }
  OPTIONAL { ?act eli:repeals ?repealed }
  OPTIONAL { ?act eli:based_on ?basis }
  OPTIONAL { ?act eli:id_local ?localId }
  OPTIONAL { ?act eli:description ?effect }
  OPTIONAL { ?act eli:commences ?commenced }
  OPTIONAL { ?act rdfs:seeAlso ?adilet .
             FILTER (STRSTARTS(STR(?adilet), "https://adilet.zan.kz/")) }
  OPTIONAL { ?act skos:exactMatch ?wikidata .
             FILTER (STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/")) }
}
"""


def export_schemaorg(store: ox.Store, out: Path) -> int:
    """Write the acts of ``store`` as schema.org Legislation JSON-LD; return the triple count."""
    graph = ox.Store()
    graph.extend(ox.Quad(t.subject, t.predicate, t.object)
                 for t in store.query(LEGISLATION_CONSTRUCT, use_default_graph_as_union=True))
    context = {"@vocab": "https://schema.org/", "schema": "https://schema.org/",
               "xsd": "http://www.w3.org/2001/XMLSchema#"}
    out.write_text(json.dumps(compact_jsonld(graph, context), indent=1), encoding="utf-8")
    return len(graph)
