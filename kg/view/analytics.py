"""Graph analytics over the readable projection (networkx): ``kg stats`` and ``kg path``.

Both work on the same picture the page draws (people, organizations, events, quotes and the
facts between them), so "most connected" and "shortest chain" mean what the user sees.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import KGError, UsageError
from .model import Edge, Evidence, Node, Projection, iter_labels

if TYPE_CHECKING:
    import networkx as nx

# Above this many nodes betweenness is estimated from a sample of source nodes (exact is O(n·m)).
EXACT_BETWEENNESS_NODES = 1000
BETWEENNESS_SAMPLE = 100


class NoPathError(KGError):
    """Two entities that no chain of facts links."""

    exit_code = 1


@dataclass(frozen=True)
class Ranked:
    """A person or organization with how connected it is."""

    name: str
    type: str
    degree: int            # distinct neighbours in the projection
    betweenness: float     # share of shortest paths that pass through it (normalised, 0..1)


@dataclass
class Stats:
    """What ``kg stats`` reports."""

    nodes: int
    edges: int
    articles: int
    by_type: dict[str, int]
    people: list[Ranked]
    organizations: list[Ranked]
    components: list[list[str]]           # names per component, largest first
    betweenness_sampled: bool = False
    edge_labels: dict[str, int] = field(default_factory=dict)

    def to_json(self, members: int = 10) -> dict[str, Any]:
        return {
            "nodes": self.nodes, "edges": self.edges, "articles": self.articles,
            "by_type": self.by_type, "edge_labels": self.edge_labels,
            "most_connected": {
                "people": [r.__dict__ for r in self.people],
                "organizations": [r.__dict__ for r in self.organizations],
                "betweenness_sampled": self.betweenness_sampled,
            },
            "components": {
                "count": len(self.components),
                "sizes": [len(c) for c in self.components],
                "largest": [c[:members] for c in self.components[:5]],
            },
        }


def simple_graph(proj: Projection) -> nx.Graph:
    """Undirected simple graph of the projection (node keys; attributes: label, type)."""
    import networkx as nx

    g = nx.Graph()
    for n in proj.nodes:
        g.add_node(n.key, label=n.label, type=n.type)
    for e in proj.edges:
        if e.source != e.target:
            g.add_edge(e.source, e.target)
    return g


def stats(proj: Projection, top: int = 10) -> Stats:
    """Counts by type, the most connected people and organizations, and the components."""
    import networkx as nx

    g = simple_graph(proj)
    sampled = g.number_of_nodes() > EXACT_BETWEENNESS_NODES
    if g.number_of_nodes() == 0:
        between: dict[str, float] = {}
    elif sampled:
        between = nx.betweenness_centrality(g, k=min(BETWEENNESS_SAMPLE, g.number_of_nodes()), seed=0)
    else:
        between = nx.betweenness_centrality(g)
    groups = {s.type: s.group for s in proj.styles}

    def ranked(group: str) -> list[Ranked]:
        rows = [Ranked(n.label, n.type, g.degree(n.key), round(between.get(n.key, 0.0), 4))
                for n in proj.nodes if groups.get(n.type) == group]
        rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.name.lower()))
        return rows[:top]

    labels = {n.key: n.label for n in proj.nodes}
    comps = sorted((sorted(labels[k] for k in c) for c in nx.connected_components(g)),
                   key=lambda c: (-len(c), c[0].lower() if c else ""))
    edge_labels: dict[str, int] = {}
    for e in proj.edges:
        edge_labels[e.label] = edge_labels.get(e.label, 0) + 1
    return Stats(len(proj.nodes), len(proj.edges), len(proj.articles),
                 {k: v for k, v in proj.count_by_type().items() if v},
                 ranked("person"), ranked("organization"), comps, sampled,
                 dict(sorted(edge_labels.items(), key=lambda kv: (-kv[1], kv[0]))))


def format_stats(s: Stats, members: int = 8) -> str:
    """``kg stats`` as text for a terminal."""
    lines = [f"{s.nodes} nodes, {s.edges} links, {s.articles} article{'s' if s.articles != 1 else ''}", "",
             "Nodes by type:"]
    width = max((len(t) for t in s.by_type), default=4)
    lines += [f"  {t:<{width}}  {c:>6}" for t, c in s.by_type.items()]
    if s.edge_labels:
        lines += ["", "Links by label:"]
        w = max(len(k) for k in s.edge_labels)
        lines += [f"  {k:<{w}}  {v:>6}" for k, v in s.edge_labels.items()]
    note = " (betweenness estimated from a sample)" if s.betweenness_sampled else ""
    for title, rows in (("people", s.people), ("organizations", s.organizations)):
        if not rows:
            continue
        lines += ["", f"Most connected {title}{note}:"]
        nw = max(len(r.name) for r in rows)
        tw = max(len(r.type) for r in rows)
        lines.append(f"  {'name':<{nw}}  {'type':<{tw}}  {'degree':>6}  {'betweenness':>11}")
        lines += [f"  {r.name:<{nw}}  {r.type:<{tw}}  {r.degree:>6}  {r.betweenness:>11.4f}" for r in rows]
    sizes = [len(c) for c in s.components]
    lines += ["", f"Connected components: {len(sizes)}" + (f" (sizes {_sizes(sizes)})" if sizes else "")]
    for i, comp in enumerate(s.components[:5], 1):
        more = f", … {len(comp) - members} more" if len(comp) > members else ""
        lines.append(f"  {i}. {', '.join(comp[:members])}{more}")
    return "\n".join(lines) + "\n"


def _sizes(sizes: list[int]) -> str:
    shown = ", ".join(str(n) for n in sizes[:10])
    return shown + (", …" if len(sizes) > 10 else "")


# --------------------------------------------------------------------------------------------
# kg path
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """One fact on the chain, read in its own direction ("Alan Brooks attended Meeting")."""

    source: str
    label: str
    target: str
    sentence: str
    headline: str
    words: str              # the exact words inside the sentence that state it


def find_node(proj: Projection, name: str) -> Node:
    """The node a user means by ``name``: exact name or alias (any case), else a unique part of one."""
    q = " ".join(name.split()).lower()
    if not q:
        raise UsageError("give a non-empty name")
    exact = [n for n in proj.nodes if any(q == s.lower() for s in iter_labels(n))]
    if len(exact) == 1:
        return exact[0]
    pool = exact or [n for n in proj.nodes if any(q in s.lower() for s in iter_labels(n))]
    if len(pool) == 1:
        return pool[0]
    if pool:
        pool.sort(key=lambda n: (n.type not in ("Person",), n.label))
        shown = "; ".join(f"{n.label} ({n.type})" for n in pool[:6])
        raise UsageError(f"{name!r} matches {len(pool)} nodes: {shown}{' …' if len(pool) > 6 else ''}; be more specific")
    names = sorted({s for n in proj.nodes for s in (n.label, *n.aliases)})
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else "; kg query GRAPH --named entities lists the names"
    raise UsageError(f"no person, organization or event called {name!r}{hint}")


def shortest_path(proj: Projection, a: str, b: str) -> tuple[Node, Node, list[Step]]:
    """The shortest chain of facts linking the nodes named ``a`` and ``b``, with evidence per step."""
    import networkx as nx

    start, end = find_node(proj, a), find_node(proj, b)
    if start.key == end.key:
        return start, end, []
    g = simple_graph(proj)
    try:
        keys = nx.shortest_path(g, start.key, end.key)
    except nx.NetworkXNoPath:
        raise NoPathError(f"no chain of facts links {start.label!r} and {end.label!r}: they are in "
                          f"different parts of the graph (kg stats lists its components)") from None
    between: dict[tuple[str, str], list[Edge]] = {}
    for e in proj.edges:
        between.setdefault((e.source, e.target), []).append(e)
        between.setdefault((e.target, e.source), []).append(e)
    labels = {n.key: n.label for n in proj.nodes}
    steps = []
    for u, v in zip(keys, keys[1:]):
        # several facts may join two nodes; show the best attested one
        e = max(between[(u, v)], key=lambda x: (len(x.evidence), -len(x.label)))
        sentence = headline = words = ""
        if e.evidence:
            ev: Evidence = e.evidence[0]
            sentence, headline = proj.evidence_text(ev)
            if ev.start is not None and ev.end is not None:
                words = sentence[ev.start:ev.end]
        steps.append(Step(labels[e.source], e.label, labels[e.target], sentence, headline, words))
    return start, end, steps


def format_path(start: Node, end: Node, steps: list[Step]) -> str:
    """``kg path`` as text: one numbered fact per step, each with its evidence sentence."""
    if not steps:
        return f"{start.label} and {end.label} are the same node.\n"
    lines = [f"{start.label} → {end.label}: {len(steps)} step{'s' if len(steps) != 1 else ''}"]
    for i, s in enumerate(steps, 1):
        lines.append(f"{i}. {s.source} —{s.label}→ {s.target}")
        if s.sentence:
            lines.append(f"   ▸ {s.sentence}")
            lines.append(f"     — {s.headline}")
    return "\n".join(lines) + "\n"


def path_json(start: Node, end: Node, steps: list[Step]) -> dict[str, Any]:
    return {"from": start.label, "to": end.label, "length": len(steps),
            "steps": [s.__dict__ for s in steps]}
