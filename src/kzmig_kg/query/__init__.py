"""Asking the graph: named queries with typed parameters, run on the embedded store or on any
SPARQL 1.1 endpoint, and what is built on them.

- ``named``: ``named_queries()``, ``resolve_query(spec)``, ``bind_params(query, given)``: the
  files of ``queries/`` with their headers (title, question, typed parameters, result);
- ``local.query_store(store, text, bound)``: SPARQL on a pyoxigraph store;
- ``dataset.names_dataset(text)``: whether a query states its own dataset (FROM / FROM NAMED),
  which then replaces the union of the named graphs as what it reads;
- ``remote.query_endpoint(url, text, bound)``: SPARQL over HTTP (SPARQLWrapper), parameters sent
  as a ``VALUES`` block;
- ``run.run_query(spec, params, store_dir=... | endpoint=...)``: either of the two, from a name;
- ``params.check_params(query, given, source)``: every parameter's value as a researcher writes
  it, made into what the query expects or refused with the closest values (the rules in
  ``param_vocabulary``), on the store or through an endpoint;
- ``silences.silence_notes(query, params, source)``: notes on what the document does not say
  that bears on an answer;
- ``results``: ``QueryResult``, ``format_result(result, fmt)``, ``python_value(term)``;
- ``audit.audit(store_dir)``: figures of the document that do not reconcile;
- ``stats.graph_stats(store_dir)``: triples per graph, instances per class;
- ``search.search(words, release_dir)``: ranked ``SearchHit``s from the release's full-text index;
- ``show.describe(ref, store_dir)``: a ``Description`` of one resource (types, labels, properties,
  incoming links, one property's subjects paged, passages), for `kzmig-kg show` and the server's
  resource page; ``passage_text`` reads the lines behind a ``PassageRef``;
- ``labels.Labeller(store).label(iri, languages)``: an IRI's name in the reader's languages.

It imports the base modules and ``pipeline`` (to open the store); never ``loader``, ``publish``
or ``cli``.
"""
