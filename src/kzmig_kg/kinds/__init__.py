"""Kinds of curated record. Importing this package registers every kind.

One module per domain; each declares its kinds with ``schema.register(Kind(...))``. Every module of
this package is imported, in name order, so adding a domain means adding a module here.
"""

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
