"""Rule-based extraction: entities and mentions, then roles, events and quotes.

Each stage is a pure function ``Document -> Document``.  The order matters: roles, events
and quotes refer to entities by key, so entities come first.  No trained model is needed.
"""
from __future__ import annotations

from ..document import Document
from .entities import find_entities
from .events import find_events
from .quotes import find_quotes
from .roles import find_roles

STAGES = (find_entities, find_roles, find_events, find_quotes)


def extract(doc: Document) -> Document:
    """Run every extraction stage over a document whose sentences are already split."""
    for stage in STAGES:
        doc = stage(doc)
    return doc
