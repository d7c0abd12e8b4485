"""Taking a built release elsewhere: files, pages and servers made from the store.

- ``export.export_graph(store_dir, fmt)``: the store in any RDF format;
- ``report.build_report(store_dir, out_dir)``: a static HTML report, figures drawn from named
  queries;
- ``servers.oxigraph_server(location, load=...)``: an Oxigraph SPARQL server on 127.0.0.1 for tests,
  benchmarks and trials.

The files of a release itself (dumps, JSON-LD, schema.org, VoID) are written by the pipeline's last
stage, ``pipeline.release``. ``publish`` imports the base modules, ``pipeline`` and ``query``;
never ``cli``.
"""
