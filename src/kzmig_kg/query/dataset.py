"""Whether a SPARQL query names its own dataset: ``names_dataset(text)``.

The release keeps every triple in a named graph, so queries run with the union of the named
graphs as their default graph (pyoxigraph's ``use_default_graph_as_union``). That option replaces
the dataset a query states itself, so ``SELECT ... FROM <g> WHERE { ... }`` read every graph
instead of ``<g>`` alone. SPARQL 1.1 Query, section 13.2: a ``FROM`` clause makes the default
graph the merge of the graphs it names, and ``FROM NAMED`` alone leaves it empty; a query with
either runs on the dataset it states.
"""

from __future__ import annotations

import re

__all__ = ["names_dataset"]

# what can hide the word FROM: long and short strings, IRIs and comments (SPARQL 1.1 grammar
# productions STRING_LITERAL_LONG1/2, STRING_LITERAL1/2, IRIREF; '#' to the end of the line)
_HIDING = re.compile(r"""
    '''(?:[^'\\]|\\.|'(?!''))*'''
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '(?:[^'\\\n\r]|\\.)*'
  | "(?:[^"\\\n\r]|\\.)*"
  | <[^<>"{}|^`\\\x00-\x20]*>
  | \#[^\n\r]*
""", re.VERBOSE | re.DOTALL)
# the keyword, not a variable (?from), a prefixed name (ex:from, from:x), a language tag (@from)
# or a blank node label (_:from)
_FROM = re.compile(r"(?<![\w:?$@.\-])FROM(?![\w:.\-])", re.IGNORECASE)


def names_dataset(text: str) -> bool:
    """True when the query has a ``FROM`` or ``FROM NAMED`` clause."""
    return _FROM.search(_HIDING.sub(" ", text)) is not None
