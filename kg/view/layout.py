"""Positions for large graphs, computed before the page opens so the browser runs no physics.

networkx splits the graph into connected components; each component is laid out with
Fruchterman-Reingold forces, vectorised with numpy, repulsion approximated on grids (near and
far field) so a step costs O(n) rather than O(n²).  networkx's own
``spring_layout`` computes all n² repulsions in a Python loop over nodes and needs about 80 s
for 5,000 nodes here; this needs about a second.  Components are then packed in rows,
largest first.  Deterministic: the same graph always gets the same positions.

numpy is needed only here; without it the components are drawn as circles.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

# pixels per unit edge length in the page
SCALE = 110.0
# steps of near-field repulsion alone after the force layout (see _force_layout)
_SPREAD = 15


def layout(n: int, edges: Sequence[tuple[int, int]], *, seed: int = 7,
           iterations: int = 120) -> list[tuple[float, float]]:
    """(x, y) in page pixels for nodes ``0 .. n-1`` joined by ``edges`` (pairs of node indices)."""
    if n == 0:
        return []
    components = _components(n, edges)
    try:
        import numpy as np
    except ImportError:
        placed = [_circle(len(c)) for c in components]
    else:
        rng = np.random.default_rng(seed)
        local = {}
        for c in components:
            for i, node in enumerate(c):
                local[node] = i
        by_comp: list[list[tuple[int, int]]] = [[] for _ in components]
        comp_of = {}
        for ci, c in enumerate(components):
            for node in c:
                comp_of[node] = ci
        for a, b in edges:
            if a != b:
                by_comp[comp_of[a]].append((local[a], local[b]))
        placed = [_force_layout(len(c), by_comp[ci], rng, iterations) if len(c) > 2 else _circle(len(c))
                  for ci, c in enumerate(components)]
    return _pack(n, components, placed)


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components, largest first (networkx)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = [sorted(c) for c in nx.connected_components(g)]
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def _force_layout(m: int, edges: list[tuple[int, int]], rng: object, iterations: int) -> list[tuple[float, float]]:
    """Fruchterman-Reingold with k = 1 (one ideal edge length) and grid-approximated repulsion.

    Exact repulsion is n² per step.  Here a node is pushed by the centroids of grid cells,
    each weighted by how many nodes it holds: the 3×3 cells (of side 2k) around it for the
    near field (its own cell without itself); for the far field, its coarse cell is pushed
    by every other occupied coarse cell.  Cost per step ~ 9n + cells², all numpy.
    """
    import numpy as np

    k = 1.0
    side = math.sqrt(m) * k * 1.5
    x = rng.random(m) * side  # type: ignore[attr-defined]
    y = rng.random(m) * side  # type: ignore[attr-defined]
    e = np.array(edges, dtype=np.int64).reshape(-1, 2)
    ea, eb = e[:, 0], e[:, 1]
    coarse = int(min(24, max(3, math.sqrt(m) / 3)))
    temp = side / 8
    cool = temp / (iterations + 1)
    k2 = k * k
    for step_no in range(iterations + _SPREAD):
        spreading = step_no >= iterations
        fx = np.zeros(m)
        fy = np.zeros(m)
        # near field: fine grid of side h (grown if the drawing spreads far), one cell of padding
        x0, y0 = x.min(), y.min()
        h = max(2 * k, max(x.max() - x0, y.max() - y0) / 400)
        ix = ((x - x0) / h).astype(np.int64) + 1
        iy = ((y - y0) / h).astype(np.int64) + 1
        rows = int(iy.max()) + 2
        cid = ix * rows + iy
        size = (int(ix.max()) + 2) * rows
        cnt = np.bincount(cid, minlength=size).astype(float)
        sx = np.bincount(cid, x, size)
        sy = np.bincount(cid, y, size)
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                nb = cid + ox * rows + oy
                c, cx, cy = cnt[nb], sx[nb], sy[nb]
                if ox == 0 and oy == 0:
                    c, cx, cy = c - 1, cx - x, cy - y
                has = c > 0
                safe = np.where(has, c, 1.0)
                dx = x - cx / safe
                dy = y - cy / safe
                w = np.where(has, c * k2 / np.maximum(dx * dx + dy * dy, 0.01 * k2), 0.0)
                fx += dx * w
                fy += dy * w
        # collisions: exact repulsion between nodes sharing a small cell (the centroid
        # approximation above cannot separate two nodes sitting on the same spot)
        cfx, cfy = _collisions(np, x, y, 0.5 * k, k2)
        fx += cfx
        fy += cfy
        if spreading:
            # last steps: only the near field, so nodes with the same neighbours (quotes of
            # one speaker in one outlet) do not end up drawn on top of each other
            length = np.sqrt(fx * fx + fy * fy) + 1e-9
            step = np.minimum(length, 0.1 * k) / length
            x += fx * step
            y += fy * step
            continue
        # far field, cell to cell: each node gets the push its coarse cell's centroid gets from
        # every other occupied coarse cell (detail inside a cell is the near field's job)
        span = max(x.max() - x0, y.max() - y0, 1e-9)
        gx = np.minimum(((x - x0) / span * coarse).astype(np.int64), coarse - 1)
        gy = np.minimum(((y - y0) / span * coarse).astype(np.int64), coarse - 1)
        gid = gx * coarse + gy
        gcnt = np.bincount(gid, minlength=coarse * coarse).astype(float)
        occ = np.nonzero(gcnt)[0]
        n_occ = gcnt[occ]
        cxs = np.bincount(gid, x, coarse * coarse)[occ] / n_occ
        cys = np.bincount(gid, y, coarse * coarse)[occ] / n_occ
        dx = cxs[:, None] - cxs[None, :]
        dy = cys[:, None] - cys[None, :]
        w = n_occ[None, :] * k2 / np.maximum(dx * dx + dy * dy, 4 * k2)
        np.fill_diagonal(w, 0.0)
        slot = np.zeros(coarse * coarse, dtype=np.int64)
        slot[occ] = np.arange(len(occ))
        fx += (dx * w).sum(1)[slot[gid]]
        fy += (dy * w).sum(1)[slot[gid]]
        # attraction along edges: dist²/k along the unit vector
        if len(e):
            dx = x[ea] - x[eb]
            dy = y[ea] - y[eb]
            d = np.sqrt(dx * dx + dy * dy) / k
            ax, ay = dx * d, dy * d
            fx += np.bincount(eb, ax, m) - np.bincount(ea, ax, m)
            fy += np.bincount(eb, ay, m) - np.bincount(ea, ay, m)
        length = np.sqrt(fx * fx + fy * fy) + 1e-9
        step = np.minimum(length, temp) / length
        x += fx * step
        y += fy * step
        temp = max(temp - cool, 0.02)
    return list(zip(x.tolist(), y.tolist()))


def _collisions(np: Any, x: Any, y: Any, h: float, k2: float) -> tuple[Any, Any]:
    """k²/d repulsion between nodes that fall in one cell of side ``h`` (two grids, offset by h/2).

    Nodes are sorted by cell; neighbours in that order that share a cell (lag 1 and 2) repel
    exactly.  Nodes on the very same spot are pushed apart along a direction fixed by their
    index, so the result stays deterministic.
    """
    m = len(x)
    fx = np.zeros(m)
    fy = np.zeros(m)
    for shift in (0.0, 0.5 * h):
        gx = np.floor((x - x.min() + shift) / h).astype(np.int64)
        gy = np.floor((y - y.min() + shift) / h).astype(np.int64)
        cid = gx * (int(gy.max()) + 1) + gy
        order = np.argsort(cid, kind="stable")
        cs = cid[order]
        for lag in (1, 2):
            if m <= lag:
                break
            same = cs[lag:] == cs[:-lag]
            a, b = order[:-lag][same], order[lag:][same]
            if not len(a):
                continue
            dx = x[a] - x[b]
            dy = y[a] - y[b]
            d2 = dx * dx + dy * dy
            on_top = d2 < 1e-12
            angle = a[on_top].astype(float)
            dx[on_top], dy[on_top] = np.cos(angle) * 1e-3, np.sin(angle) * 1e-3
            w = k2 / np.maximum(dx * dx + dy * dy, 1e-4 * k2)
            fx += np.bincount(a, dx * w, m) - np.bincount(b, dx * w, m)
            fy += np.bincount(a, dy * w, m) - np.bincount(b, dy * w, m)
    return fx, fy


def _circle(m: int) -> list[tuple[float, float]]:
    """Nodes on a circle whose circumference gives each about one edge length."""
    if m == 1:
        return [(0.0, 0.0)]
    r = max(0.6, m / (2 * math.pi))
    return [(r * math.cos(2 * math.pi * i / m), r * math.sin(2 * math.pi * i / m)) for i in range(m)]


def _pack(n: int, components: list[list[int]], placed: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Put component boxes in rows (largest first) and return page coordinates for every node."""
    gap = 2.0
    boxes = []
    for pts in placed:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    area = sum((w + gap) * (h + gap) for _, _, w, h in boxes)
    row_width = max(math.sqrt(area) * 1.2, max(w for _, _, w, _ in boxes))
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x = y = row_h = 0.0
    for comp, pts, (x0, y0, w, h) in zip(components, placed, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for node, (px, py) in zip(comp, pts):
            out[node] = ((x + px - x0) * SCALE, (y + py - y0) * SCALE)
        x += w + gap
        row_h = max(row_h, h)
    # centre the drawing on the origin (vis-network fits around it either way; tidy numbers)
    cx = (min(p[0] for p in out) + max(p[0] for p in out)) / 2
    cy = (min(p[1] for p in out) + max(p[1] for p in out)) / 2
    return [(px - cx, py - cy) for px, py in out]
