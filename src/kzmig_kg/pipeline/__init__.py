"""The build pipeline: curated records in, a release out. Its stages, in order:

1. ``records.read_records(data_dir)``: read and schema-check the records of ``data/``;
2. ``graph.build_graph(records)``: map them to RDF through each kind's mapper (``kzmig_kg.kinds``,
   written against ``kzmig_kg.mapping``), with the ontology and vocabularies;
3. ``validate.validate_graph(dataset)``: SHACL (pyshacl) with the shapes of ``ontology/shapes/``;
4. ``reason.check_consistency(dataset)``: OWL 2 consistency (HermiT), beside step 3;
5. ``store.memory_store(quads)`` / ``store.open_store(path)``: the pyoxigraph store;
6. ``release.write_release(...)``: the dumps, JSON-LD, schema.org, VoID/DCAT and the on-disk
   store, swapped into ``dist/`` at once.

At scale (``build.STREAM_RECORDS`` records, or ``stream=True``) steps 2 to 5 are
``stream.stream_store(records)`` (the same mappers, chunk by chunk into the pyoxigraph store),
``validate.validate_store(store)`` (the shapes compiled to SPARQL on the store) and
``reason.rule_check_store(store)``. There the build uses two cores (``build.MAPPING_WORKERS``): a
forked process reads half of the record files, ``stream_workers.map_in_workers`` maps slices of
records in forked workers, ``release.start_store_parts`` writes the parts read from the store
beside SHACL, and the dumps read from files are written by forked processes (``forked``).

``build.build_release(data_dir, out_dir)`` runs them inside ``outdir.replace_output`` (a marked,
locked, versioned output swapped in by one rename); ``derive`` adds the figures the document only
implies; ``passages`` keeps the records' locators in step with the source documents. The pipeline
imports the base modules, ``mapping`` and ``kinds``; never ``query``, ``loader``, ``publish`` or ``cli``.
"""
