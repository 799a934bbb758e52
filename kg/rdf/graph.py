"""Turn a finished ``Document`` into its RDF triples (the only place IRIs are minted).

Modelling (see ontology/kg.ttl and docs/model.md):
- the article is a ``schema:NewsArticle`` and a ``nif:Context`` holding the text;
- sentences and mentions are NIF span nodes whose offsets slice the text exactly;
- entities are ``schema:Person`` / organizations with the project's own subclasses;
- a role is an n-ary ``org:Membership`` (person, organization, ``org:Role``, title as written);
- events are ``kgo:Event`` subclasses with participants, date, date text and status;
- quotes are ``schema:Quotation`` with ``schema:creator`` and, when said, ``kgo:reportedBy``;
- every fact has ``kgo:evidence`` (the exact span), ``prov:wasDerivedFrom`` (the sentence),
  ``prov:wasGeneratedBy`` (the rule) and ``kgo:confidence``.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..document import Document, Evidence, Span
from .iris import IRIs
from .namespaces import (DEFAULT_BASE, ENTITY_CLASSES, EVENT_CLASSES, ITSRDF, KGO, NIF, ORG, PROV, RDF,
                         RDFS, SCHEMA, SKOS, STATUS, XSD)
from .terms import Lit, Triples

# titles whose holder leads the organization (adds org:headOf beside the membership)
_HEAD_TITLES = ("ceo", "co-ceo", "chief executive", "president", "chair", "chairman", "chairwoman",
                "chairperson", "head", "leader", "executive director", "general secretary",
                "secretary-general", "director general", "founder")


def to_graph(doc: Document, base: str = DEFAULT_BASE) -> Any:
    """The RDF graph of one article as an rdflib Graph (for SPARQL and the other formats)."""
    return to_triples(doc, base).rdflib()


def to_triples(doc: Document, base: str = DEFAULT_BASE) -> Triples:
    """The triples of one article: metadata, spans, entities and every fact (no rdflib)."""
    g = Triples()
    iri = IRIs(base, doc.article.stem)
    w = _Writer(g, iri, doc)
    w.article()
    w.sentences()
    w.entities()
    w.roles()
    w.events()
    w.quotes()
    return g


class _Writer:
    """Adds one document's triples to a graph; each method writes one part of the model."""

    def __init__(self, g: Triples, iri: IRIs, doc: Document) -> None:
        self.g, self.iri, self.doc = g, iri, doc
        self.text = doc.text
        self.art = iri.article
        self.ent: dict[str, str] = {e.key: iri.entity(e.key, e.type) for e in doc.entities}
        self._spans: set[str] = set()

    # -- article and spans -------------------------------------------------------------
    def article(self) -> None:
        g, a, art = self.g, self.art, self.doc.article
        g.add(a, RDF.type, SCHEMA.NewsArticle)
        g.add(a, RDF.type, NIF.Context)
        g.add(a, SCHEMA.name, Lit(art.stem))
        g.add(a, NIF.isString, Lit(self.text))
        g.add(a, NIF.beginIndex, _int(0))
        g.add(a, NIF.endIndex, _int(len(self.text)))
        if art.headline:
            g.add(a, SCHEMA.headline, Lit(art.headline.of(self.text)))
        if art.dek:
            g.add(a, SCHEMA.alternativeHeadline, Lit(art.dek.of(self.text)))
        if art.author:
            g.add(a, KGO.byline, Lit(art.author))
        if art.published:
            g.add(a, SCHEMA.datePublished, Lit(art.published.isoformat(), XSD.date))
        if art.publisher:
            g.add(a, KGO.publisherName, Lit(art.publisher))

    def span(self, span: Span, cls: str = NIF.OffsetBasedString) -> str:
        """The span node for ``span`` (created once; ``text[begin:end] == anchorOf``)."""
        node = self.iri.span(span.start, span.end)
        g = self.g
        if node not in self._spans:
            self._spans.add(node)
            g.add(node, RDF.type, NIF.OffsetBasedString)
            g.add(node, NIF.referenceContext, self.art)
            g.add(node, NIF.beginIndex, _int(span.start))
            g.add(node, NIF.endIndex, _int(span.end))
            g.add(node, NIF.anchorOf, Lit(span.of(self.text)))
        if cls != NIF.OffsetBasedString:
            g.add(node, RDF.type, cls)
        return node

    def sentences(self) -> None:
        for s in self.doc.sentences:
            self.span(s.span, NIF.Sentence)

    # -- entities ----------------------------------------------------------------------
    def entities(self) -> None:
        g = self.g
        for e in self.doc.entities:
            node = self.ent[e.key]
            for cls in ENTITY_CLASSES[e.type]:
                g.add(node, RDF.type, cls)
            g.add(node, SCHEMA.name, Lit(_display_name(e.name, e.type)))
            for alias in e.aliases:
                g.add(node, SCHEMA.alternateName, Lit(alias))
            g.add(self.art, SCHEMA.mentions, node)
        for m in self.doc.mentions:
            if m.entity in self.ent:
                g.add(self.span(m.span, NIF.Phrase), ITSRDF.taIdentRef, self.ent[m.entity])

    # -- facts -------------------------------------------------------------------------
    def evidence(self, fact: str, ev: Evidence) -> None:
        g = self.g
        g.add(fact, KGO.evidence, self.span(ev.span))
        g.add(fact, PROV.wasDerivedFrom, self.span(ev.sentence, NIF.Sentence))
        rule = self.iri.rule(ev.rule)
        g.add(fact, PROV.wasGeneratedBy, rule)
        g.add(rule, RDF.type, KGO.ExtractionRule)
        g.add(rule, RDFS.label, Lit(ev.rule))
        g.add(fact, KGO.confidence, Lit(str(Decimal(str(round(ev.confidence, 3)))), XSD.decimal))
        g.add(fact, KGO.article, self.art)

    def roles(self) -> None:
        g = self.g
        for r in self.doc.roles:
            person = self.ent[r.person]
            org = self.ent.get(r.organization) if r.organization else None
            node = self.iri.fact("role", r.person, r.title or "member", r.organization or "")
            g.add(node, RDF.type, ORG.Membership)
            g.add(node, ORG.member, person)
            if org is not None:
                g.add(node, ORG.organization, org)
                g.add(person, ORG.memberOf, org)
            if r.title:
                role = self.iri.title(r.title)
                g.add(node, ORG.role, role)
                g.add(node, KGO.title, Lit(r.title))
                g.add(role, RDF.type, ORG.Role)
                g.add(role, SKOS.prefLabel, Lit(r.title.lower()))
                if org is not None and r.title.lower() in _HEAD_TITLES:
                    g.add(person, ORG.headOf, org)
            self.evidence(node, r.evidence)

    def events(self) -> None:
        g = self.g
        for e in self.doc.events:
            node = self.iri.fact("event", e.kind, e.date or "")
            g.add(node, RDF.type, EVENT_CLASSES[e.kind])
            g.add(node, RDFS.label, Lit(e.trigger))
            g.add(node, KGO.status, STATUS[e.status])
            for p in e.participants:
                if p in self.ent:
                    g.add(node, KGO.participant, self.ent[p])
            if e.date:
                dtype = XSD.date if len(e.date) == 10 else XSD.gYearMonth if len(e.date) == 7 else XSD.gYear
                g.add(node, SCHEMA.startDate, Lit(e.date, dtype))
            if e.date_text:
                g.add(node, KGO.dateText, Lit(e.date_text))
            self.evidence(node, e.evidence)

    def quotes(self) -> None:
        g = self.g
        for q in self.doc.quotes:
            speaker = self.ent.get(q.speaker)
            if speaker is None:
                continue
            node = self.iri.fact("quote", q.speaker)
            g.add(node, RDF.type, SCHEMA.Quotation)
            g.add(node, SCHEMA.text, Lit(q.text))
            g.add(node, SCHEMA.creator, speaker)
            g.add(node, SCHEMA.isPartOf, self.art)
            if q.via and q.via in self.ent:
                g.add(node, KGO.reportedBy, self.ent[q.via])
            g.add(node, KGO.quoteSpan, self.span(q.span))
            self.evidence(node, q.evidence)


def _int(n: int) -> Lit:
    return Lit(str(n), XSD.nonNegativeInteger)


def _display_name(name: str, type_: str) -> str:
    """A person's name as a reader writes it: "MARTIN KESSLER" (an all-caps wire byline) is
    "Martin Kessler", so the same person has one name in every article's graph."""
    if type_ == "Person" and name.isupper() and len(name) > 3:
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name.lower())
    return name
