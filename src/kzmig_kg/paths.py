"""Where the project's hand-edited files live: the ontology (with its shapes and vocabularies), the
named queries and Kazakhstan's act-type scheme, beside ``src/``."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = PROJECT_DIR / "queries"
# Kazakhstan's act types (the `act` kind's types, their classes and IRI segments) are data: the
# SKOS scheme of the `kz` jurisdiction record in this file
KAZAKH_SCHEME = PROJECT_DIR / "data" / "jurisdictions" / "kz.yaml"
# every jurisdiction's scheme: the loader reads act types that only the data names by their patterns
JURISDICTION_SCHEMES = PROJECT_DIR / "data" / "jurisdictions"
# the release's full-text index, written by pipeline.release and read by query.search (which,
# importing only this name, starts without loading the pipeline's libraries)
SEARCH_INDEX = "search.sqlite"
