"""The pipeline: read -> sentences -> entities -> roles -> events -> quotes, with checked hand-offs.

Like spaCy's ``Language``, stages are registered in one place and each hand-off is checked:
a stage that returns a document whose spans fall outside the text, or whose facts name an
entity that does not exist, is a bug, and the error says which stage did it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .document import ENTITY_TYPES, EVENT_KINDS, Document, Span
from .errors import StageError
from .extract import STAGES as EXTRACT_STAGES
from .reader import read_article
from .sentences import sentences

Stage = Callable[[Document], Document]
STAGES: tuple[Stage, ...] = (sentences, *EXTRACT_STAGES)


def build_document(source: str | Path, published: dt.date | None = None) -> Document:
    """Read one article and run every stage over it."""
    return run_stages(Document(read_article(source, published)))


def run_stages(doc: Document, stages: tuple[Stage, ...] = STAGES) -> Document:
    """Run stages in order, checking the document each one hands on."""
    for stage in stages:
        doc = stage(doc)
        check(doc, stage.__name__)
    return doc


def check(doc: Document, stage: str) -> None:
    """Raise StageError when ``doc`` breaks an invariant; ``stage`` names the culprit."""
    n = len(doc.text)
    keys = {e.key for e in doc.entities}
    types = {e.key: e.type for e in doc.entities}

    def fail(what: str) -> None:
        raise StageError(f"stage {stage!r} handed on a broken document: {what} (a bug in kg; please report it)")

    def span_ok(s: Span, what: str) -> None:
        if not (0 <= s.start <= s.end <= n):
            fail(f"{what} span {s.start}-{s.end} outside the text (0-{n})")

    if len(keys) != len(doc.entities):
        fail("two entities share a key")
    for s in doc.sentences:
        span_ok(s.span, "sentence")
    for e in doc.entities:
        if e.type not in ENTITY_TYPES:
            fail(f"entity {e.key} has unknown type {e.type!r}")
    for m in doc.mentions:
        span_ok(m.span, "mention")
        if m.entity not in keys:
            fail(f"mention {m.form!r} names unknown entity {m.entity!r}")
    for r in doc.roles:
        span_ok(r.evidence.span, "role evidence")
        if types.get(r.person) != "Person":
            fail(f"role holder {r.person!r} is not a known person")
        if r.organization is not None and (r.organization not in keys or types[r.organization] == "Person"):
            fail(f"role organization {r.organization!r} is not a known organization")
    for ev in doc.events:
        span_ok(ev.evidence.span, "event evidence")
        if ev.kind not in EVENT_KINDS or ev.status not in ("occurred", "planned"):
            fail(f"event {ev.trigger!r} has kind {ev.kind!r} / status {ev.status!r}")
        if any(p not in keys for p in ev.participants):
            fail(f"event {ev.trigger!r} names an unknown participant")
    for q in doc.quotes:
        span_ok(q.span, "quote")
        if q.span.of(doc.text) != q.text:
            fail(f"quote text does not match its span {q.span.start}-{q.span.end}")
        if q.speaker not in keys or (q.via is not None and q.via not in keys):
            fail(f"quote at {q.span.start} names an unknown speaker or outlet")
