"""Documents with hand-made entities, so event and quote tests do not depend on the entity stage."""
from __future__ import annotations

import datetime as dt
import re

from kg.document import Document, Entity, Mention, Span
from kg.reader import parse_article
from kg.sentences import sentences

# name -> (type, other forms)
EntityTable = dict[str, tuple[str, tuple[str, ...]]]


def key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def doc_with_entities(text: str, table: EntityTable, published: dt.date | None) -> Document:
    """A document with sentences, and mentions wherever a form of a ``table`` entry occurs."""
    doc = sentences(Document(parse_article(text, published=published)))
    forms = sorted(((f, name) for name, (_, other) in table.items() for f in (name, *other)),
                   key=lambda fn: -len(fn[0]))
    taken: list[Span] = []
    mentions = []
    for form, name in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text, re.I if form.islower() else 0):
            span = Span(m.start(), m.end())
            if any(s.start < span.end and span.start < s.end for s in taken):
                continue
            taken.append(span)
            mentions.append(Mention(span, key(name), m.group(0)))
    entities = tuple(Entity(key(n), n, t, aliases=other) for n, (t, other) in table.items())  # type: ignore[arg-type]
    return doc.with_(entities=entities, mentions=tuple(sorted(mentions, key=lambda m: m.span.start)))
