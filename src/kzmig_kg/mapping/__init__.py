"""The mapping API: the record schema language and the helpers a kind uses to write RDF.

Everything a record kind (``kzmig_kg.kinds``) may import from the project: ``Field``, ``Kind``,
``Record``, ``LineRange``, ``PartialDate`` and ``register`` (``schema``), ``MappingContext``,
``label`` and ``typed`` (``context``), plus the base modules ``errors``, ``namespaces`` and
``paths``. It imports nothing else of the project.
"""

from .context import MappingContext, label, typed
from .schema import (
    CITABLE_KINDS,
    ID_PATTERN,
    Field,
    Kind,
    LineRange,
    PartialDate,
    Record,
    RecordSet,
    register,
    registered_kinds,
)

__all__ = ["CITABLE_KINDS", "ID_PATTERN", "Field", "Kind", "LineRange", "MappingContext", "PartialDate",
           "Record", "RecordSet", "label", "register", "registered_kinds", "typed"]
