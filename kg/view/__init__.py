"""The view layer: a readable projection of the RDF graph, the offline HTML page, analytics.

- ``projection``: RDF -> people, organizations, events and quotes with labelled edges and
  their evidence (plain rdflib, no heavy imports); GraphML export of that projection.
- ``page``: the self-contained HTML page (vis-network inlined, data as inert JSON).
- ``layout``: precomputed positions for large graphs (networkx, numpy, scipy).
- ``analytics``: ``kg stats`` and ``kg path`` over the projection (networkx).
- ``sample``: small and large graphs in the project's model, for tests, benchmarks and demos.

Only this package imports pyvis or networkx, and only inside the functions that need them,
so ``kg build`` (which writes the page) stays fast.
"""
