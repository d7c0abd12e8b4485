"""Kinds of curated record. Importing this package registers every kind.

One module per domain; each declares its kinds with ``schema.register(Kind(...))``.
"""

from . import acts, agreements, core, countries, organisations, statistics  # noqa: F401
