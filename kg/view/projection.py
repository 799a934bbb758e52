"""A readable projection of the RDF graph: people, organizations, events and quotes as nodes.

The RDF model (kg/rdf/graph.py) is faithful but not readable as a picture: memberships,
spans, articles and rules are nodes of their own.  The projection folds them away:

- an ``org:Membership`` becomes an edge "CEO of" from the person to the organization
  (a membership without an organization becomes a title on the person);
- an event's ``kgo:participant`` becomes an edge "attended", "on strike", "negotiated in" ...
  from the party to the event; the parties of a negotiation are also linked "negotiated with";
- a ``schema:Quotation`` is a node, "said" by its speaker and "reported by" its outlet;
- spans and articles become evidence (the sentence, the exact words, the headline) on the
  nodes and edges they support.

Plain Python, one pass over the triples: this runs inside ``kg build``, which imports
neither rdflib nor networkx (``to_networkx`` and ``export_graphml`` import networkx when called).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..rdf.namespaces import (ENTITY_CLASSES, EVENT_CLASSES, ITSRDF, KGO, NIF, ORG, PROV, RDF, RDFS, SCHEMA,
                              SKOS, STATUS)
from ..rdf.terms import Lit, Term, light
from . import style
from .model import Article, Edge, Evidence, Node, Projection, Sentence, clip, iter_labels, short

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["project", "export_graphml", "to_networkx", "Projection", "Node", "Edge", "Evidence",
           "Article", "Sentence", "iter_labels"]

_T_PERSON = SCHEMA.Person
_SPECIFIC = [(name, classes[0]) for name, classes in ENTITY_CLASSES.items() if name not in ("Person", "Organization")]
_GENERIC_ORG = frozenset({SCHEMA.Organization, SCHEMA.WorkersUnion, SCHEMA.Corporation,
                          SCHEMA.NewsMediaOrganization, SCHEMA.GovernmentOrganization})
_EVENT_KIND = {cls: kind for kind, cls in EVENT_CLASSES.items()}
_STATUS_NAMES = {iri: name for name, iri in STATUS.items()}
_ENTITY_TYPES = frozenset(ENTITY_CLASSES)
_P = {name: term for name, term in (
    ("type", RDF.type), ("label", RDFS.label), ("pref", SKOS.prefLabel),
    ("name", SCHEMA.name), ("alt", SCHEMA.alternateName), ("headline", SCHEMA.headline),
    ("published", SCHEMA.datePublished), ("text", SCHEMA.text), ("creator", SCHEMA.creator),
    ("start", SCHEMA.startDate), ("publisher", KGO.publisherName), ("byline", KGO.byline),
    ("title", KGO.title), ("evidence", KGO.evidence), ("confidence", KGO.confidence),
    ("participant", KGO.participant), ("status", KGO.status), ("dateText", KGO.dateText),
    ("reportedBy", KGO.reportedBy), ("quoteSpan", KGO.quoteSpan),
    ("derived", PROV.wasDerivedFrom), ("generated", PROV.wasGeneratedBy),
    ("begin", NIF.beginIndex), ("end", NIF.endIndex), ("anchor", NIF.anchorOf),
    ("context", NIF.referenceContext), ("ident", ITSRDF.taIdentRef),
    ("member", ORG.member), ("organization", ORG.organization), ("role", ORG.role),
)}
_WANTED = {term: name for name, term in _P.items()}


def project(graph: Any) -> Projection:
    """Project an RDF graph built by kg (one article or many) onto its readable picture."""
    return _Projector(graph).run()


class _Projector:
    """Indexes the triples it needs in one pass, then builds nodes, edges and evidence."""

    def __init__(self, graph: Any) -> None:
        # idx[predicate name][subject] -> objects, for the predicates the projection reads
        self.idx: dict[str, dict[Term, list[Term]]] = {name: defaultdict(list) for name in _P}
        for s, p, o in light(graph):
            name = _WANTED.get(p)
            if name is not None:
                objs = self.idx[name][s]
                if o not in objs:          # a Dataset's union view repeats shared triples
                    objs.append(o)
        self.type_sets = {s: frozenset(classes) for s, classes in self.idx["type"].items()}
        self.by_class: dict[Term, list[Term]] = defaultdict(list)
        for s, classes in self.idx["type"].items():
            for c in classes:
                self.by_class[c].append(s)
        for subjects in self.by_class.values():
            subjects.sort(key=str)
        self.nodes: dict[Term, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.articles: list[Article] = []
        self.article_index: dict[Term, int] = {}
        self.sentences: list[Sentence] = []
        self.sentence_index: dict[tuple[int, int, int], int] = {}
        self.sentence_keys: list[tuple[int, int, int]] = []
        self.spans: dict[Term, tuple[Term, int, int, str]] = {}
        self.sentence_starts: dict[Term, list[tuple[int, int, str, Term]]] = defaultdict(list)

    def objs(self, s: Term, p: str) -> list[Term]:
        return self.idx[p].get(s, [])

    def one(self, s: Term, p: str) -> str:
        objs = self.idx[p].get(s)
        return str(objs[0]) if objs else ""

    def ref(self, s: Term, p: str) -> Term | None:
        objs = self.idx[p].get(s)
        return objs[0] if objs else None

    def run(self) -> Projection:
        self.read_articles()
        self.read_spans()
        self.read_entities()
        self.read_memberships()
        self.read_events()
        self.read_quotes()
        order = {s.type: i for i, s in enumerate(style.NODE_STYLES)}
        nodes = sorted(self.nodes.values(), key=lambda n: (order.get(n.type, 99), n.label.lower(), n.key))
        rank = {n.key: i for i, n in enumerate(nodes)}
        edges = sorted(self.edges.values(), key=lambda e: (rank[e.source], rank[e.target], e.label))
        # number sentences in reading order (article, offset), whatever order they were met in
        keys = sorted(self.sentence_index)
        renumber = {self.sentence_index[k]: i for i, k in enumerate(keys)}
        sentences = [self.sentences[self.sentence_index[k]] for k in keys]

        def fix(evs: list[Evidence], per_sentence: bool = False) -> list[Evidence]:
            evs = [replace(ev, sentence=renumber[ev.sentence]) for ev in evs]
            # within a sentence the longest highlight first ("Alan Brooks" before "Brooks")
            evs.sort(key=lambda ev: (ev.sentence, -1 if ev.start is None else ev.start,
                                     -((ev.end or 0) - (ev.start or 0))))
            return _dedupe(evs, per_sentence)

        for n in nodes:
            n.evidence = fix(n.evidence, per_sentence=n.type in _ENTITY_TYPES)
        for e in edges:
            e.evidence = fix(e.evidence)
        present = {n.type for n in nodes}
        styles = [s for s in style.NODE_STYLES if s.type in present]
        return Projection(nodes, edges, self.articles, sentences, styles)

    # -- articles and evidence ---------------------------------------------------------------
    def read_articles(self) -> None:
        for a in sorted(set(self.by_class.get(SCHEMA.NewsArticle, [])) | set(self.by_class.get(NIF.Context, [])),
                        key=str):
            headline = self.one(a, "headline") or self.one(a, "name") or short(a)
            self.article_index[a] = len(self.articles)
            self.articles.append(Article(str(a), headline, self.one(a, "published"),
                                         self.one(a, "publisher"), self.one(a, "byline")))

    def article_of(self, ctx: Term) -> int:
        if ctx not in self.article_index:
            self.article_index[ctx] = len(self.articles)
            self.articles.append(Article(str(ctx), short(ctx)))
        return self.article_index[ctx]

    def read_spans(self) -> None:
        begin, end = self.idx["begin"], self.idx["end"]
        for s, ctxs in self.idx["context"].items():
            b, e = _int(begin.get(s)), _int(end.get(s))
            if b is not None and e is not None:
                self.spans[s] = (ctxs[0], b, e, self.one(s, "anchor"))
        for s in self.by_class.get(NIF.Sentence, []):
            if s in self.spans:
                ctx, b, e, _ = self.spans[s]
                self.sentence_starts[ctx].append((b, e, str(s), s))
        for lst in self.sentence_starts.values():
            lst.sort()

    def sentence_id(self, span: Term) -> int | None:
        """Index of ``span`` in the sentence table (added on first use)."""
        if span not in self.spans:
            return None
        ctx, b, e, anchor = self.spans[span]
        key = (self.article_of(ctx), b, e)
        if key not in self.sentence_index:
            self.sentence_index[key] = len(self.sentences)
            self.sentence_keys.append(key)
            self.sentences.append(Sentence(key[0], anchor))
        return self.sentence_index[key]

    def containing_sentence(self, span: Term) -> Term | None:
        """The sentence that contains ``span`` (mentions carry no link to their sentence)."""
        ctx, b, e, _ = self.spans[span]
        lst = self.sentence_starts.get(ctx, [])
        i = bisect.bisect_right(lst, (b, float("inf"))) - 1
        while i >= 0 and lst[i][0] <= b:
            if e <= lst[i][1]:
                return lst[i][3]
            i -= 1
        return None

    def inside(self, words: Term, sentence: Term) -> bool:
        if words not in self.spans or sentence not in self.spans:
            return False
        _, wb, we, _ = self.spans[words]
        _, sb, se, _ = self.spans[sentence]
        return sb <= wb and we <= se

    def evidence(self, sentence: Term | None, words: Term | None, rule: str | None = None,
                 confidence: float | None = None) -> Evidence | None:
        """Evidence from a sentence span and the span of the exact words inside it."""
        if sentence is None and words is not None and words in self.spans:
            sentence = self.containing_sentence(words) or words
        if sentence is None or (sid := self.sentence_id(sentence)) is None:
            return None
        start = end = None
        if words is not None and words != sentence and self.inside(words, sentence):
            sb, wb, we = self.spans[sentence][1], self.spans[words][1], self.spans[words][2]
            start, end = wb - sb, we - sb
        return Evidence(sid, start, end, rule, confidence)

    def fact_evidence(self, fact: Term) -> list[Evidence]:
        """A fact's evidence: each kgo:evidence span inside its prov:wasDerivedFrom sentence."""
        rule_node = self.ref(fact, "generated")
        rule = None if rule_node is None else (self.one(rule_node, "label") or short(rule_node))
        conf = _float(self.ref(fact, "confidence"))
        sentences = sorted(self.objs(fact, "derived"), key=str)
        out = []
        spans: list[Term | None] = sorted(self.objs(fact, "evidence"), key=str)
        for words in spans or [None]:
            sent = next((s for s in sentences if words is not None and self.inside(words, s)),
                        sentences[0] if sentences else None)
            ev = self.evidence(sent, words, rule, conf)
            if ev is not None:
                out.append(ev)
        return out

    # -- nodes --------------------------------------------------------------------------------
    def entity_type(self, node: Term) -> str | None:
        types = self.type_sets.get(node)
        if not types:
            return None
        if _T_PERSON in types:
            return "Person"
        for name, cls in _SPECIFIC:
            if cls in types:
                return name
        return "Organization" if any(t in _GENERIC_ORG for t in types) else None

    def entity(self, node: Term) -> Node:
        """The node of an entity, made on first use (an untyped party counts as an organization)."""
        if node not in self.nodes:
            name = self.one(node, "name") or short(node)
            aliases = sorted({str(a) for a in self.objs(node, "alt")} - {name})
            self.nodes[node] = Node(str(node), name, self.entity_type(node) or "Organization", aliases)
        return self.nodes[node]

    def read_entities(self) -> None:
        for s in sorted(self.idx["type"], key=str):
            if not isinstance(s, Lit) and self.entity_type(s) is not None:
                self.entity(s)
        mentions = [(self.spans[span], span, ent) for span, ents in self.idx["ident"].items()
                    for ent in ents if ent in self.nodes and span in self.spans]
        mentions.sort(key=lambda m: (str(m[0][0]), m[0][1], -m[0][2], str(m[2])))
        for _, span, ent in mentions:
            ev = self.evidence(None, span)
            if ev is not None:
                self.nodes[ent].evidence.append(ev)

    def add_edge(self, source: Node, target: Node, label: str, evidence: Iterable[Evidence],
                 symmetric: bool = False) -> None:
        a, b = source.key, target.key
        if symmetric and b < a:
            a, b = b, a
        edge = self.edges.get((a, b, label))
        if edge is None:
            edge = self.edges[(a, b, label)] = Edge(a, b, label, symmetric=symmetric)
        edge.evidence.extend(evidence)

    def read_memberships(self) -> None:
        # (person, organization) -> [(first evidence sentence, title, evidence)]
        pairs: dict[tuple[Term, Term], list[tuple[tuple[int, int, int], str, list[Evidence]]]] = defaultdict(list)
        for m in self.by_class.get(ORG.Membership, []):
            person = self.ref(m, "member")
            if person is None:
                continue
            p = self.entity(person)
            org = self.ref(m, "organization")
            title = self.one(m, "title")
            if not title and (role := self.ref(m, "role")) is not None:
                title = self.one(role, "pref") or self.one(role, "label")
            evs = self.fact_evidence(m)
            if org is None:
                if title and title not in p.titles:
                    p.titles.append(title)
                continue
            o = self.entity(org)
            if title and f"{title}, {o.label}" not in p.titles:
                p.titles.append(f"{title}, {o.label}")
            first = min((self.sentence_keys[ev.sentence] for ev in evs), default=(0, 0, 0))
            pairs[(person, org)].append((first, title, evs))
        for (person, org), items in pairs.items():
            items.sort(key=lambda t: (t[0], t[1]))
            titles = list(dict.fromkeys(t for _, t, _ in items if t))
            label = f"{_join(titles)} of" if titles else style.MEMBER_OF
            self.add_edge(self.nodes[person], self.nodes[org], label, [ev for *_, evs in items for ev in evs])

    def read_events(self) -> None:
        events = sorted({s for cls in _EVENT_KIND for s in self.by_class.get(cls, [])}, key=str)
        for ev_node in events:
            types = self.type_sets[ev_node]
            kind = next(k for cls, k in _EVENT_KIND.items() if cls in types)
            trigger = self.one(ev_node, "label")
            date = self.one(ev_node, "start")
            date_text = self.one(ev_node, "dateText")
            status_node = self.ref(ev_node, "status")
            status = _STATUS_NAMES.get(status_node, "") if isinstance(status_node, str) else ""
            when = date or (f"({date_text})" if date_text else "")
            label = f"{kind} {when}" if when else (f"{kind}: {clip(trigger, 40)}" if trigger else kind)
            facts = [("kind", kind), ("words", trigger), ("date", date), ("date as written", date_text),
                     ("status", status)]
            evs = self.fact_evidence(ev_node)
            node = Node(str(ev_node), label, kind, [trigger] if trigger else [],
                        facts=[(k, v) for k, v in facts if v], evidence=list(evs))
            self.nodes[ev_node] = node
            parties = [self.entity(p) for p in sorted(self.objs(ev_node, "participant"), key=str)]
            verb = style.PARTICIPANT_VERBS[kind]
            for p in parties:
                self.add_edge(p, node, verb, evs)
            if kind == "Negotiation":
                for i, a in enumerate(parties):
                    for b in parties[i + 1:]:
                        self.add_edge(a, b, style.NEGOTIATED_WITH, evs, symmetric=True)

    def read_quotes(self) -> None:
        for q in self.by_class.get(SCHEMA.Quotation, []):
            text = self.one(q, "text")
            evs = self.fact_evidence(q)
            quote_span = self.ref(q, "quoteSpan")
            if quote_span is not None and evs:
                # highlight the quoted words themselves rather than the whole "..., X said" span
                better = self.evidence(None, quote_span, evs[0].rule, evs[0].confidence)
                if better is not None and better.sentence == evs[0].sentence:
                    evs[0] = better
            node = Node(str(q), f"“{clip(text, 48)}”", "Quote", facts=[("quote", text)], evidence=list(evs))
            self.nodes[q] = node
            for speaker in sorted(self.objs(q, "creator"), key=str):
                self.add_edge(self.entity(speaker), node, style.SAID, evs)
            for outlet in sorted(self.objs(q, "reportedBy"), key=str):
                self.add_edge(node, self.entity(outlet), style.REPORTED_BY, evs)


# --------------------------------------------------------------------------------------------
# networkx and GraphML
# --------------------------------------------------------------------------------------------

def to_networkx(proj: Projection) -> nx.MultiDiGraph:
    """The projection as a networkx MultiDiGraph; attributes are plain strings (GraphML-safe)."""
    import networkx as nx

    def ev_text(evs: list[Evidence]) -> str:
        return " | ".join("{} [{}]".format(*proj.evidence_text(ev)) for ev in evs)

    g = nx.MultiDiGraph()
    for n in proj.nodes:
        attrs = {k.replace(" ", "_"): v for k, v in n.facts}
        g.add_node(n.key, **attrs, label=n.label, type=n.type, aliases="; ".join(n.aliases),
                   titles="; ".join(n.titles), evidence=ev_text(n.evidence))
    for e in proj.edges:
        g.add_edge(e.source, e.target, label=e.label, evidence=ev_text(e.evidence), symmetric=e.symmetric)
    return g


def export_graphml(graph: Any, article: str | None = None) -> bytes:
    """GraphML of the readable projection, for Gephi and Cytoscape (``article`` is not needed)."""
    import networkx as nx

    lines = nx.generate_graphml(to_networkx(project(graph)), encoding="utf-8", prettyprint=True,
                                named_key_ids=True)
    return ("\n".join(lines) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def _dedupe(evs: list[Evidence], per_sentence: bool = False) -> list[Evidence]:
    """One piece of evidence per sentence and span (per sentence only, for an entity's mentions)."""
    seen: set[tuple[int, int | None, int | None]] = set()
    out = []
    for ev in evs:
        k = (ev.sentence, None, None) if per_sentence else (ev.sentence, ev.start, ev.end)
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return out


def _join(words: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _int(objs: list[Term] | None) -> int | None:
    try:
        return int(str(objs[0])) if objs else None
    except (TypeError, ValueError):
        return None


def _float(lit: Term | None) -> float | None:
    try:
        return None if lit is None else float(str(lit))
    except (TypeError, ValueError):
        return None
