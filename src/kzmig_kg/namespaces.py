"""Namespaces used across the project (standard vocabularies first, our own terms last)."""

from rdflib import Namespace as _RdflibNamespace
from rdflib import URIRef
from rdflib.namespace import DCAT as _DCAT
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import FOAF as _FOAF
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import TIME as _TIME
from rdflib.namespace import VOID as _VOID
from rdflib.namespace import XSD as _XSD
from rdflib.namespace import DefinedNamespace


class Namespace(_RdflibNamespace):
    """rdflib's ``Namespace`` with each attribute term (``KZO.recordId``) built once: rdflib builds
    and validates a new ``URIRef`` on every access (5 us), and the mappers name a predicate or a
    class for every triple they write. The term is kept as an attribute of the instance, found
    from then on without calling ``__getattr__`` (0.05 us). ``NS[name]`` still builds its term
    each time (identifiers of records are used once)."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # as rdflib: no special Python names
            raise AttributeError(name)
        term = URIRef(str(self) + name)
        self.__dict__[name] = term
        return term


class _Vocabulary(Namespace):
    """A standard vocabulary that rdflib defines (``RDF``, ``SKOS`` ...), with the same terms: its
    defined terms are built once, here, where rdflib's ``DefinedNamespace`` checks the name and
    builds a new ``URIRef`` on every access (3 us; a predicate or class of most triples the
    mappers write). Any other name is asked of rdflib's, which raises ``AttributeError`` for a
    name the vocabulary does not define, as before. Kept in the instance's ``__dict__``, a term
    also wins over a ``str`` method of its name (``DCTERMS.format``)."""

    def __new__(cls, defined: type[DefinedNamespace]) -> "_Vocabulary":
        made = super().__new__(cls, str(defined))
        made.__dict__["_defined"] = defined
        for name in (*defined.__annotations__, *getattr(defined, "_extras", ())):
            made.__dict__[name] = defined[name]
        return made

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__") or name == "_defined":
            raise AttributeError(name)
        term = getattr(self._defined, name)
        self.__dict__[name] = term
        return term

    def __reduce__(self) -> tuple[type, tuple[type[DefinedNamespace]]]:
        return (_Vocabulary, (self._defined,))

    @property
    def title(self) -> URIRef:  # a property of rdflib's Namespace, which wins over __dict__
        found = self.__dict__.get("title")
        return found if found is not None else self._defined.title


DCAT, DCTERMS, FOAF, ORG, OWL, PROV = (_Vocabulary(ns) for ns in (_DCAT, _DCTERMS, _FOAF, _ORG,
                                                                   _OWL, _PROV))
RDF, RDFS, SKOS, TIME, VOID, XSD = (_Vocabulary(ns) for ns in (_RDF, _RDFS, _SKOS, _TIME, _VOID,
                                                               _XSD))


ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_CODE = Namespace("http://purl.org/linked-data/sdmx/2009/code#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
BIBO = Namespace("http://purl.org/ontology/bibo/")
EUC = Namespace("http://publications.europa.eu/resource/authority/country/")
EUL = Namespace("http://publications.europa.eu/resource/authority/language/")
WD = Namespace("http://www.wikidata.org/entity/")

BASE = "https://w3id.org/kzmig/"
KZO = Namespace(BASE + "ontology#")
KZD = Namespace(BASE + "id/")
KZC = Namespace(BASE + "code/")
KZT = Namespace(BASE + "vocab/act-type/")
KZELI = Namespace(BASE + "eli/kz/")
KZG = Namespace(BASE + "graph/")
DEMIG = Namespace(BASE + "scheme/demig/")

PREFIXES: dict[str, Namespace] = {
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dct": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "org": Namespace(str(ORG)),
    "time": Namespace(str(TIME)),
    "foaf": Namespace(str(FOAF)),
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "eli": ELI,
    "oa": OA,
    "qb": QB,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "sdmx-code": SDMX_CODE,
    "schema": SCHEMA,
    "bibo": BIBO,
    "euc": EUC,
    "wd": WD,
    "kzo": KZO,
    "kzd": KZD,
    "kzc": KZC,
    "kzt": KZT,
    "kzeli": KZELI,
    "demig": DEMIG,
}

__all__ = [
    "BASE", "BIBO", "DCAT", "DCTERMS", "DEMIG", "ELI", "EUC", "EUL", "FOAF", "KZC", "KZD", "KZELI",
    "KZG", "KZO", "KZT", "OA", "ORG", "OWL", "PREFIXES", "PROV", "QB", "RDF", "RDFS", "SCHEMA",
    "SDMX_ATTRIBUTE", "SDMX_CODE", "SDMX_DIMENSION", "SDMX_MEASURE", "SH", "SKOS", "TIME", "VOID",
    "WD", "XSD",
]
