"""Kinds of curated record. Importing this package registers every kind.

One module per domain (the interview study a package of three); each declares its kinds with
``register(Kind(...))``. Every module of this package is imported, in name order, so adding a
domain means adding a module here. A kind imports only the mapping API (``kzmig_kg.mapping``) and
the base modules (``errors``, ``namespaces``, ``paths``), never the pipeline that runs it.
"""

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
