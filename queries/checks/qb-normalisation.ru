# Normalisation of a Data Cube (W3C RDF Data Cube, section 10.2): phase 1 (type and
# qb:componentProperty closure) and phase 2 (attributes and dimensions attached to data sets and
# slices pushed down to the observations). Run before the integrity checks qb-ic-*.rq.
# The kzmig-kg release is already in normal form (the mappers assert these triples).
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX qb: <http://purl.org/linked-data/cube#>

# Phase 1: type closure
INSERT { ?o rdf:type qb:Observation } WHERE { [] qb:observation ?o } ;
INSERT { ?o rdf:type qb:Observation } WHERE { ?o qb:dataSet [] } ;
INSERT { ?s rdf:type qb:Slice } WHERE { [] qb:slice ?s } ;
INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:DimensionProperty } WHERE { ?cs qb:dimension ?p } ;
INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:MeasureProperty } WHERE { ?cs qb:measure ?p } ;
INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:AttributeProperty } WHERE { ?cs qb:attribute ?p } ;

# Phase 2: push down attachment levels
INSERT { ?obs ?comp ?value } WHERE {
  ?spec qb:componentProperty ?comp ;
        qb:componentAttachment qb:DataSet .
  ?dataset qb:structure [ qb:component ?spec ] ;
           ?comp ?value .
  ?obs qb:dataSet ?dataset .
} ;
INSERT { ?obs ?comp ?value } WHERE {
  ?spec qb:componentProperty ?comp ;
        qb:componentAttachment qb:Slice .
  ?dataset qb:structure [ qb:component ?spec ] ;
           qb:slice ?slice .
  ?slice ?comp ?value ;
         qb:observation ?obs .
} ;
INSERT { ?obs ?comp ?value } WHERE {
  ?spec qb:componentProperty ?comp .
  ?comp a qb:DimensionProperty .
  ?dataset qb:structure [ qb:component ?spec ] ;
           qb:slice ?slice .
  ?slice ?comp ?value ;
         qb:observation ?obs .
}
