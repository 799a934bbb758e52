"""Roles stated outside the running prose: the byline ("By Jane Roe | The Lakeport Sun",
"Jane Roe – Labor Reporter, The Lakeport Sun") and photo credits ("(Dana Whitfield / Reuters)").
"""
from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Evidence, Mention, Role, Sentence, Span
from ..reader import parse_byline
from .resolve import EntityIndex
from .role_cues import credit_slash_end
from .role_orgs import ORG_TYPES, org_at
from .role_words import new_role

_CREDIT_WORDS = ("photo", "photograph", "photographer", "image", "credit", "video")

def byline_roles(doc: Document, idx: EntityIndex) -> Iterator[Role]:
    """"By Jane Roe | The Lakeport Sun", "Jane Roe – Labor Reporter, The Lakeport Sun", "By Jane Roe, Sun
    Staff Writer": the byline's people write for the outlet it names, under the title it gives."""
    art = doc.article
    if art.byline is None:
        return
    line = art.byline.of(doc.text)
    parts = parse_byline(line)
    if parts is None or (parts.title is None and parts.outlet is None):
        return
    base = art.byline.start
    org = None
    if parts.outlet is not None:
        m = idx.mention_at(base + parts.outlet[0], base + parts.outlet[1])
        if m is not None and idx.entity(m.entity).type in ORG_TYPES:
            org = m.entity
    title = line[parts.title[0]:parts.title[1]] if parts.title else None
    if org is None and title is None:
        return
    for a, b in parts.names:
        m = idx.mention_at(base + a, base + b)
        if m is not None and idx.entity(m.entity).type == "Person":
            yield Role(m.entity, title, org, Evidence(art.byline, art.byline, "role.byline", 0.8))


def credit_roles(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention) -> Iterator[Role]:
    """"(Dana Whitfield / The Harbor City Ledger)", "Photo: Dana Whitfield/Reuters",
    "Photo: Dana Whitfield for The Harbor City Ledger": a credit."""
    text = doc.text
    slash = credit_slash_end(text[p.span.end:p.span.end + 4])
    if slash is None:
        # "Photo: Dana Whitfield for The Harbor City Ledger": a credit line names the outlet after "for"
        lead = text[sent.span.start:p.span.start].strip(" (").lower()
        if text[p.span.end:p.span.end + 5] == " for " and lead.startswith(_CREDIT_WORDS) and len(lead) <= 24:
            org = org_at(idx, p.span.end + 5, text)
            if org and idx.entity(org[0]).type == "MediaOutlet":
                yield new_role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.credit", 0.7)
        return
    org = org_at(idx, p.span.end + slash, text)
    if org and idx.entity(org[0]).type in ("MediaOutlet", "Company", "Organization"):
        yield new_role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.credit", 0.7)
