"""The interactive view: one self-contained HTML file that works from ``file://`` with no network.

Why not pyvis's own output: its "in_line" mode still loads Bootstrap from a CDN, it injects
the heading unescaped and switches tooltips to ``innerHTML`` when a title contains "href",
and with physics on a few thousand nodes take minutes to settle.  So the page is our own
small template around the vis-network build that pyvis ships (found on disk without
importing pyvis, whose import pulls IPython):

- every script and stylesheet is inline; a Content-Security-Policy allows only those two
  scripts (by hash), no network at all, and no inline event handlers;
- the graph is data, not markup: JSON inside ``<script type="application/json">`` with ``<``,
  ``>`` and ``&`` escaped, read with ``JSON.parse(textContent)``; the page's script builds
  every tooltip and panel with ``textContent``, never ``innerHTML``;
- large graphs (see ``LARGE_NODES``) get positions computed here (``kg.view.layout``) and
  physics off, so the browser draws at once instead of running a stabilization loop.

``export_html`` is what ``kg build`` calls: it imports neither networkx nor pyvis for a
graph under the large-graph threshold and takes a few milliseconds.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


from ..errors import KGError
from ..rdf.namespaces import RDF, RDFS, SCHEMA
from ..rdf.terms import light
from .model import Projection
from .projection import project

# Above these sizes the layout is computed in Python and physics stays off in the page.
LARGE_NODES = 400
LARGE_EDGES = 1000
VIS_VERSION = "9.1.2"


class ViewError(KGError):
    """The page cannot be made (vis-network's script is missing from the pyvis install)."""

    exit_code = 1


def export_html(graph: Any, article: str) -> bytes:
    """The page for one built article (``kg build --format html``), titled with its headline."""
    article = str(article)
    found: dict[str, str] = {}
    for s, p, o in light(graph):
        if s == article and p in (SCHEMA.headline, SCHEMA.name, RDFS.label):
            found.setdefault(p, str(o))
    title = found.get(SCHEMA.headline) or found.get(SCHEMA.name) or found.get(RDFS.label) or article
    return render_page(graph, title=title).encode("utf-8")


def default_title(graph: Any) -> str:
    """The headline of the graph's one article, or "N articles" when it holds several."""
    articles: set[object] = set()
    names: dict[object, dict[object, str]] = {}
    for s, p, o in light(graph):
        if p == RDF.type and o == SCHEMA.NewsArticle:
            articles.add(s)
        elif p in (SCHEMA.headline, SCHEMA.name):
            names.setdefault(s, {})[p] = str(o)
    if len(articles) == 1:
        a = articles.pop()
        found = names.get(a, {})
        return found.get(SCHEMA.headline) or found.get(SCHEMA.name) or str(a)
    return f"{len(articles)} articles" if articles else "Knowledge graph"


def render_page(graph: Any, *, title: str, raw: bool = False) -> str:
    """The whole HTML page for ``graph``: the readable projection, or every triple when ``raw``."""
    if raw:
        from .raw import project_raw

        proj = project_raw(graph)
    else:
        proj = project(graph)
    return render_projection(proj, title=title)


def render_projection(proj: Projection, *, title: str) -> str:
    """The HTML page for an already computed projection (the benchmark uses this directly)."""
    large = is_large(proj)
    positions = None
    if large:
        from .layout import layout

        positions = layout(len(proj.nodes), _edge_index(proj))
    data = page_data(proj, title=title, large=large, positions=positions)
    return fill_template(title, data)


def is_large(proj: Projection) -> bool:
    """True when the page should use a precomputed layout with physics off."""
    return len(proj.nodes) > LARGE_NODES or len(proj.edges) > LARGE_EDGES


def page_data(proj: Projection, *, title: str, large: bool = False,
              positions: list[tuple[float, float]] | None = None) -> dict[str, Any]:
    """The JSON the page reads: types (legend), articles, sentences, nodes and edges.

    Nodes and edges get small integer ids; empty fields are left out to keep big pages small.
    """
    ids = {n.key: i for i, n in enumerate(proj.nodes)}
    counts = proj.count_by_type()
    nodes = []
    for i, n in enumerate(proj.nodes):
        d: dict[str, Any] = {"id": i, "key": n.key, "label": n.label, "type": n.type}
        if n.aliases:
            d["aliases"] = n.aliases
        if n.titles:
            d["titles"] = n.titles
        if n.facts:
            d["facts"] = [list(f) for f in n.facts]
        if n.evidence:
            d["ev"] = [_ev(ev) for ev in n.evidence]
        if positions is not None:
            d["x"], d["y"] = round(positions[i][0]), round(positions[i][1])
        nodes.append(d)
    # parallel edges between one pair of nodes get their own curve so their labels do not overlap
    pair_seen: dict[tuple[int, int], int] = {}
    edges = []
    for i, e in enumerate(proj.edges):
        a, b = ids[e.source], ids[e.target]
        d = {"id": i, "from": a, "to": b, "label": e.label}
        if e.symmetric:
            d["sym"] = 1
        if e.evidence:
            d["ev"] = [_ev(ev) for ev in e.evidence]
        k = pair_seen.get((min(a, b), max(a, b)), 0)
        pair_seen[(min(a, b), max(a, b))] = k + 1
        if k:
            d["curve"] = k
        edges.append(d)
    return {
        "title": title,
        "raw": proj.raw,
        "large": large,
        "types": [{"type": s.type, "label": s.label, "group": s.group, "color": s.color, "shape": s.shape,
                   "count": counts.get(s.type, 0)} for s in proj.styles],
        "articles": [{"iri": a.iri, "headline": a.headline, "published": a.published,
                      "publisher": a.publisher, "byline": a.byline} for a in proj.articles],
        "sentences": [[s.article, s.text] for s in proj.sentences],
        "nodes": nodes,
        "edges": edges,
    }


def _ev(ev: Any) -> list[Any]:
    return [ev.sentence, ev.start, ev.end, ev.rule, ev.confidence]


def _edge_index(proj: Projection) -> list[tuple[int, int]]:
    ids = {n.key: i for i, n in enumerate(proj.nodes)}
    return [(ids[e.source], ids[e.target]) for e in proj.edges]


# --------------------------------------------------------------------------------------------
# the template
# --------------------------------------------------------------------------------------------

def json_for_script(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``.

    With those three written as ``\\u003c`` etc., no text in the data can close the script
    element or open a comment, whatever an article contains; ``JSON.parse`` restores them.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def fill_template(title: str, data: dict[str, Any]) -> str:
    """Put the assets, the data and the Content-Security-Policy into the page template."""
    vis_js, app_js, css, template = _assets()
    csp = "; ".join((
        "default-src 'none'",
        f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
    ))
    values = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(title, quote=True),
        "CSS": css,
        "DATA": json_for_script(data),
        "VIS": vis_js,
        "APP": app_js,
    }
    # one pass: text inserted for one placeholder is never scanned for another
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: values[m[1]], template)


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str]:
    """(vis-network JS, the page's JS, the page's CSS, the HTML template)."""
    here = resources.files("kg.view")
    app_js = here.joinpath("view.js").read_text(encoding="utf-8")
    css = here.joinpath("view.css").read_text(encoding="utf-8")
    template = here.joinpath("page.html").read_text(encoding="utf-8")
    vis_js = vis_network_js()
    for name, text in (("vis-network", vis_js), ("view.js", app_js)):
        if re.search(r"</script|<!--", text, re.I):
            raise ViewError(f"{name}: contains '</script' or '<!--' and cannot be inlined (a bug in kg)")
    return vis_js, app_js, css, template


def vis_network_js() -> str:
    """vis-network's standalone build, read from the pyvis package on disk (pyvis is not imported)."""
    path = vis_network_path()
    text = path.read_text(encoding="utf-8")
    # the source map comment would make developer tools fetch a file that is not there
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)


def vis_network_path() -> Path:
    """Where pyvis keeps vis-network.min.js (found via importlib without importing pyvis)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ViewError("the HTML view needs vis-network from the pyvis package: pip install pyvis")
    for root in spec.submodule_search_locations:
        lib = Path(root) / "lib"
        candidates = [lib / f"vis-{VIS_VERSION}" / "vis-network.min.js",
                      *sorted(lib.glob("vis-*/vis-network.min.js"), reverse=True)]
        for c in candidates:
            if c.is_file():
                return c
    raise ViewError("pyvis is installed but has no lib/vis-*/vis-network.min.js; reinstall it: pip install --force-reinstall pyvis")
