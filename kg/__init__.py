"""kg: English news articles to an evidence-backed RDF knowledge graph.

Kept import-light on purpose: ``kg --help`` must be instant, so heavy modules (rdflib,
networkx) are imported by the functions that need them.
"""
from __future__ import annotations

__version__ = "0.1.0"
