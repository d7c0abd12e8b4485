"""Where the project's hand-edited files live: the ontology (with its shapes and vocabularies) and
the named queries, beside ``src/``."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = PROJECT_DIR / "queries"
# the release's full-text index, written by pipeline.release and read by query.search (which,
# importing only this name, starts without loading the pipeline's libraries)
SEARCH_INDEX = "search.sqlite"
