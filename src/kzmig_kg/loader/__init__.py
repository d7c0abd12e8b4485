"""Reading documents: what a new document cites and states, compared with the graph.

- ``reader.open_document(path)``: check and read a text (``text``) or PDF (``pdf``) document with
  limits, serving its text in windows (``source``), its headings found by ``sections``;
- ``extract.extract_document(path)``: citations of legal acts, dates and migration figures, each
  anchored by character offsets; ``to_rdf`` writes them as Web Annotations or JSON lines;
- ``reconcile.reconcile_document(path)``: the extracted items matched against the graph's acts
  and observations;
- ``ingest.ingest_document(path)`` and ``review``: a new document registered, extracted and
  reconciled into draft records under ``review/``, which a curator accepts into ``data/``.

It imports the base modules, ``kinds`` (act types) and ``pipeline`` (to read the records or the
store); never ``query``, ``publish`` or ``cli``.
"""
