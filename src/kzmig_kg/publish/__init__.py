"""Taking a built release elsewhere: files, pages and servers made from the store.

- ``export.export_graph(store_dir, fmt)``: the store in any RDF format;
- ``report.build_report(store_dir, out_dir)``: a static HTML report, figures drawn from named
  queries;
- ``servers.oxigraph_server(location, load=...)``: an Oxigraph SPARQL server on 127.0.0.1 for tests,
  benchmarks and trials;
- ``server.create_app(store_dir, ...)``: the web server of ``kzmig-kg serve`` (a read-only SPARQL
  1.1 endpoint, linked data, pages), one module per kind of HTTP resource.

The files of a release itself (dumps, JSON-LD, schema.org, VoID) are written by the pipeline's last
stage, ``pipeline.release``. ``publish`` imports the base modules, ``pipeline`` and ``query``;
never ``cli``.
"""
