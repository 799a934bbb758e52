#!/usr/bin/env python3
"""Benchmark: a 5,000-node, 10,000-edge graph in headless Chromium, kg's page against pyvis defaults.

The graph is synthetic but in the project's model (``kg.view.sample.synthetic_graph``: many
made-up articles over a shared cast).  Both pages draw the same projection, with the same
labels, in the same browser:

- kg: ``kg.view.page.render_projection`` (layout precomputed, physics off);
- pyvis: ``pyvis.network.Network()`` with its defaults (physics on, 1,000 stabilization
  iterations), except ``cdn_resources="in_line"``: the default "local" mode loads
  vis-network itself from a CDN, so it cannot draw anything offline.

"Interactive" is the moment the graph is drawn and responds: for kg the page's ready mark
(first frame drawn with every node and edge); for pyvis the ``stabilizationIterationsDone``
event, before which vis-network draws nothing.  Both are timed from navigation start.  All
http(s) requests are refused (pyvis's page asks for Bootstrap from a CDN).

Usage: .venv/bin/python benchmarks/view_large.py [--runs 3] [--pyvis-timeout 300] [--no-pyvis]
Needs /usr/bin/chromium and the playwright package.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


PYVIS_HOOK = """(() => { let net;
  Object.defineProperty(window, "network", { configurable: true, get() { return net; }, set(v) {
    net = v;
    if (v && v.once) v.once("stabilizationIterationsDone", () => { window.__kgBenchDone = performance.now(); });
  } });
})();"""


def make_projection(articles: int, people: int, orgs: int):  # type: ignore[no-untyped-def]
    from kg.view.projection import project
    from kg.view.sample import synthetic_graph

    t = time.perf_counter()
    graph = synthetic_graph(articles, people, orgs)
    t1 = time.perf_counter()
    proj = project(graph)
    t2 = time.perf_counter()
    print(f"graph: {len(graph)} triples ({articles} synthetic articles) made in {t1 - t:.1f} s; "
          f"projection: {len(proj.nodes)} nodes, {len(proj.edges)} edges in {t2 - t1:.2f} s")
    return proj


def kg_page(proj, path: Path) -> float:  # type: ignore[no-untyped-def]
    from kg.view.page import render_projection

    t = time.perf_counter()
    path.write_text(render_projection(proj, title="Synthetic benchmark graph"), encoding="utf-8")
    return time.perf_counter() - t


def pyvis_page(proj, path: Path) -> float:  # type: ignore[no-untyped-def]
    from pyvis.network import Network

    from kg.view.style import STYLE_BY_TYPE

    t = time.perf_counter()
    net = Network(cdn_resources="in_line")          # every other setting: pyvis's default
    ids = {n.key: i for i, n in enumerate(proj.nodes)}
    for i, n in enumerate(proj.nodes):
        st = STYLE_BY_TYPE.get(n.type)
        net.add_node(i, label=n.label, title=f"{n.label} ({n.type})", color=st.color if st else None,
                     shape=st.shape if st else "dot")
    for e in proj.edges:
        net.add_edge(ids[e.source], ids[e.target], label=e.label, title=e.label)
    net.write_html(str(path), notebook=False)
    return time.perf_counter() - t


def time_in_browser(browser, path: Path, kind: str, timeout_s: float) -> dict[str, float | str]:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    out: dict[str, float | str] = {}
    try:
        if kind == "kg":
            page.goto(path.as_uri(), wait_until="commit")
            page.wait_for_function("() => window.kgView && window.kgView.ready", timeout=timeout_s * 1000, polling=50)
            out["ready_ms"] = page.evaluate("kgView.readyAt")
            out["drawn"] = page.evaluate("kgView.network.body.nodeIndices.length + ' nodes, ' + "
                                         "kgView.network.body.edgeIndices.length + ' edges'")
            # one full redraw of every node and edge, as when the user pans
            out["redraw_ms"] = page.evaluate(
                "() => { const t = performance.now(); kgView.network.redraw(); return performance.now() - t; }")
            # zooming in far enough brings labels and arrow heads (a one-off cost)
            out["zoom_in_ms"] = page.evaluate(
                "() => { const t = performance.now(); const n = kgView.network;"
                " n.moveTo({scale: 1.0}); n.emit('zoom', {scale: 1.0}); n.redraw(); return performance.now() - t; }")
        else:
            # pyvis's page blocks its main thread while vis-network stabilizes, so the listener
            # is attached from an init script, the moment the page assigns its global `network`
            page.add_init_script(PYVIS_HOOK)
            page.goto(path.as_uri(), wait_until="commit")
            try:
                page.wait_for_function("() => window.__kgBenchDone", timeout=timeout_s * 1000, polling=200)
                done = float(page.evaluate("window.__kgBenchDone"))
            except Exception:  # noqa: BLE001 - playwright's TimeoutError; report it, do not crash
                done = -1.0
            out["ready_ms"] = done if done >= 0 else f"not stabilized after {timeout_s:.0f} s"
            if done >= 0:
                out["drawn"] = page.evaluate("network.body.nodeIndices.length + ' nodes, ' + "
                                             "network.body.edgeIndices.length + ' edges'")
    finally:
        out["blocked_requests"] = len(blocked)
        page.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=870)
    ap.add_argument("--people", type=int, default=2100)
    ap.add_argument("--orgs", type=int, default=430)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pyvis-timeout", type=float, default=300.0, help="seconds to wait for pyvis to settle")
    ap.add_argument("--no-pyvis", action="store_true")
    ap.add_argument("--no-kg", action="store_true", help="only time the pyvis page")
    a = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    proj = make_projection(a.articles, a.people, a.orgs)
    with tempfile.TemporaryDirectory() as tmp:
        kg_html, pv_html = Path(tmp) / "kg.html", Path(tmp) / "pyvis.html"
        print(f"kg page written in {kg_page(proj, kg_html):.2f} s ({kg_html.stat().st_size // 1024} KiB)")
        if not a.no_pyvis:
            print(f"pyvis page written in {pyvis_page(proj, pv_html):.2f} s ({pv_html.stat().st_size // 1024} KiB)")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            runs = [] if a.no_kg else [time_in_browser(browser, kg_html, "kg", 60) for _ in range(a.runs)]
            for i, r in enumerate(runs, 1):
                print(f"kg run {i}: {r}")
            ready = [float(r["ready_ms"]) for r in runs] or [float("nan")]
            if runs:
                print(f"kg: interactive after {statistics.median(ready) / 1000:.2f} s (median of {a.runs}; "
                      f"min {min(ready) / 1000:.2f} s), full redraw {statistics.median(float(r['redraw_ms']) for r in runs):.0f} ms")
            if not a.no_pyvis:
                r = time_in_browser(browser, pv_html, "pyvis", a.pyvis_timeout)
                print(f"pyvis run: {r}")
                v = r["ready_ms"]
                print("pyvis defaults: " + (f"interactive after {float(v) / 1000:.1f} s" if isinstance(v, float) else str(v)))
            browser.close()


if __name__ == "__main__":
    main()
