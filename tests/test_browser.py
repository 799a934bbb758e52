"""The page in a real browser: Debian's chromium driven by Playwright, with the network cut off.

Every test opens the page from file:// with every http(s) request refused and recorded, and
checks that none was attempted and that the console stayed free of errors.  The hostile
article's payloads (headline, names, quote, alias) must not run and must still be readable.
"""
from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, kg
from kg.view.page import LARGE_NODES, render_page, render_projection
from kg.view.projection import project
from kg.view.raw import project_raw
from kg.view.sample import story_graph, synthetic_graph
from test_view import CRAFTED, GAZETTE, HEADLINE, KIM, LEE, QUOTE, crafted_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pages of hand-annotated graphs (independent of the extractor)."""
    out = tmp_path_factory.mktemp("pages")
    story = story_graph()
    (out / "story.html").write_text(render_page(story, title="Riverside nurses"), encoding="utf-8")
    (out / "raw.html").write_text(render_page(story, title="Raw", raw=True), encoding="utf-8")
    (out / "crafted.html").write_text(render_page(crafted_graph(), title=HEADLINE), encoding="utf-8")
    large = project(synthetic_graph(articles=110, people=200, orgs=60))
    assert len(large.nodes) > LARGE_NODES
    (out / "large.html").write_text(render_projection(large, title="Large"), encoding="utf-8")
    return {p.stem: p for p in out.glob("*.html")}


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory: pytest.TempPathFactory, seed_build: Path) -> dict[str, Path]:
    """Pages written by the real `kg build`: the seed, and the hostile article."""
    out = tmp_path_factory.mktemp("built")
    shutil.copyfile(seed_build / "wga-amptp-resume-negotiations.html", out / "seed.html")
    done = kg("build", str(CRAFTED), "--out", str(out / "crafted"), "--published", "2024-05-20")
    assert done.returncode == 0, done.stderr
    shutil.copyfile(out / "crafted" / "hostile-article.html", out / "crafted-built.html")
    return {p.stem: p for p in out.glob("*.html")}


BUILT = ("seed", "crafted-built")


def projection_of(name: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    from kg.query import load_graph

    if name == "story":
        return project(story_graph())
    if name == "raw":
        return project_raw(story_graph())
    if name == "crafted":
        return project(crafted_graph())
    if name == "seed":
        seed_build = request.getfixturevalue("seed_build")
        return project(load_graph([seed_build / "wga-amptp-resume-negotiations.ttl"]))
    if name == "large":
        return project(synthetic_graph(articles=110, people=200, orgs=60))
    raise KeyError(name)


@dataclass
class Visit:
    """An open page and everything it tried to do."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def drawn(self) -> tuple[int, int]:
        return tuple(self.js("() => [kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]"))  # type: ignore[return-value]

    def node_xy(self, node_id: int) -> tuple[float, float]:
        return tuple(self.js("""(id) => {
            const n = kgView.network, p = n.canvasToDOM(n.getPosition(id));
            const r = document.getElementById('kg-graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""", node_id))  # type: ignore[return-value]

    def node_id(self, label: str) -> int:
        return int(self.js("(l) => kgView.data.nodes.find(n => n.label === l).id", label))

    def search(self, text: str) -> None:
        self.page.fill("#kg-search", text)
        self.page.press("#kg-search", "Enter")
        self.page.wait_for_timeout(450)          # the focus animation

    def assert_clean(self) -> None:
        assert self.blocked == [], f"network requests attempted: {self.blocked}"
        assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in self.requests), self.requests
        assert self.errors == [], self.errors
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"


@pytest.fixture()
def visit(browser: Any, pages: dict[str, Path], request: pytest.FixtureRequest) -> Iterator[Any]:
    contexts = []

    def open_(name: str) -> Visit:
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        v = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(("file:", "data:", "about:", "blob:")):
                r.continue_()
            else:
                v.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: v.requests.append(req.url))
        page.on("console", lambda msg: v.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: v.errors.append(str(exc)))
        def dialog(d: Any) -> None:
            v.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        path = request.getfixturevalue("built_pages")[name] if name in BUILT else pages[name]
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgView && window.kgView.ready", timeout=60_000)
        return v

    yield open_
    for ctx in contexts:
        ctx.close()


# ---- offline, no errors, everything drawn -------------------------------------------------------

@pytest.mark.parametrize("name", ["story", "seed", "raw", "large", "crafted"])
def test_page_draws_every_node_and_edge_offline_without_errors(visit: Any, request: pytest.FixtureRequest,
                                                              name: str) -> None:
    v = visit(name)
    proj = projection_of(name, request)
    assert v.drawn() == (len(proj.nodes), len(proj.edges))
    assert v.js("() => document.getElementById('kg-status').textContent") == \
        f"{len(proj.nodes)} of {len(proj.nodes)} nodes · {len(proj.edges)} of {len(proj.edges)} links shown"
    v.assert_clean()


def test_raw_view_draws_one_edge_per_triple(visit: Any) -> None:
    v = visit("raw")
    assert v.drawn()[1] == len(story_graph())


# ---- search, filters, panel, tooltip -------------------------------------------------------------

@pytest.mark.parametrize(("query", "label"), [
    ("Maria Lopez", "Maria Lopez"),
    ("RNU", "Riverside Nurses Union"),              # an alias
    ("mercy health", "Mercy Health System"),        # any case, an alias
    ("reed", "Tom Reed"),                           # a part of a name
    ("meeting", "Meeting 2024-03-05"),              # events are found too
])
def test_search_focuses_the_named_node(visit: Any, query: str, label: str) -> None:
    v = visit("story")
    v.search(query)
    node = v.node_id(label)
    assert v.js("() => kgView.network.getSelectedNodes()") == [node]
    assert v.page.inner_text("#kg-panel h2") == label
    # the view moved to the node: it sits in the middle of the graph area
    x, y = v.node_xy(node)
    box = v.page.locator("#kg-graph").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 40 and abs(y - (box["y"] + box["height"] / 2)) < 40
    v.assert_clean()


def test_search_lists_matches_by_alias(visit: Any) -> None:
    v = visit("story")
    v.page.fill("#kg-search", "lopez")
    items = v.page.locator("#kg-results li").all_inner_texts()
    assert items and items[0].startswith("Maria Lopez")
    v.page.fill("#kg-search", "zzzz")
    assert v.page.inner_text("#kg-results") == "No node called “zzzz”"


def test_type_filter_hides_the_type_and_its_links(visit: Any, request: pytest.FixtureRequest) -> None:
    v = visit("story")
    proj = projection_of("story", request)
    people = {i for i, n in enumerate(proj.nodes) if n.type == "Person"}
    keys = [n.key for n in proj.nodes]
    kept_edges = [e for e in proj.edges if keys.index(e.source) not in people and keys.index(e.target) not in people]
    v.page.locator('#kg-legend input[data-type="Person"]').uncheck()
    assert v.drawn() == (len(proj.nodes) - len(people), len(kept_edges))
    assert not people & set(v.js("() => kgView.network.body.nodeIndices"))
    v.page.locator('#kg-legend input[data-type="Person"]').check()
    assert v.drawn() == (len(proj.nodes), len(proj.edges))
    # finding a hidden node shows its type again
    v.page.locator('#kg-legend input[data-type="Person"]').uncheck()
    v.search("Alan Brooks")
    assert v.page.locator('#kg-legend input[data-type="Person"]').is_checked()
    assert v.drawn()[0] == len(proj.nodes)
    v.assert_clean()


def test_clicking_a_node_then_a_link_shows_why_they_are_there(visit: Any) -> None:
    v = visit("story")
    v.page.mouse.click(*v.node_xy(v.node_id("Alan Brooks")))
    panel = v.page.locator("#kg-panel")
    assert panel.locator("h2").inner_text() == "Alan Brooks"
    text = panel.inner_text()
    assert "CEO, Mercy Health System" in text and "also called\nbrooks" in text.lower().replace("\n\n", "\n")
    assert "— Riverside Nurses Union and Mercy Health Resume Talks (2024-03-07)" in text
    assert panel.locator("blockquote mark").first.inner_text() == "Alan Brooks"
    panel.locator("button.kg-link", has_text="CEO of").click()
    assert panel.locator("h2").inner_text() == "Alan Brooks CEO of Mercy Health System"
    assert panel.locator("blockquote mark").first.inner_text() == "Mercy Health CEO Alan Brooks"
    assert "rule sample.role" in panel.inner_text()
    v.assert_clean()


def test_hover_shows_a_plain_text_tooltip(visit: Any) -> None:
    v = visit("story")
    x, y = v.node_xy(v.node_id("Maria Lopez"))
    v.page.mouse.move(x - 3, y - 3)
    v.page.mouse.move(x, y)
    tip = v.page.locator(".vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    text = tip.inner_text()
    assert text.startswith("Maria Lopez  ·  Person")
    assert "Titles: president, Riverside Nurses Union" in text and "attended a meeting" in text
    # vis-network sets a string title with innerText: text and <br> for the line breaks, nothing else
    assert v.js("() => [...document.querySelectorAll('.vis-tooltip *')].every(e => e.tagName === 'BR')") is True
    v.assert_clean()


def test_hovering_a_link_shows_its_evidence(visit: Any) -> None:
    v = visit("story")
    edge = v.js("() => kgView.data.edges.find(e => e.label === 'CEO of').id")
    x, y = v.js("""(id) => {
        const n = kgView.network, p = n.canvasToDOM(n.body.edges[id].edgeType.getPoint(0.5));
        const r = document.getElementById('kg-graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", edge)
    v.page.mouse.move(x - 2, y - 2)
    v.page.mouse.move(x, y)
    tip = v.page.locator(".vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    lines = tip.inner_text().splitlines()
    assert lines[0] == "Alan Brooks CEO of Mercy Health System"
    assert lines[1].startswith("“Mercy Health CEO Alan Brooks and RNU president Maria Lopez attended")
    assert lines[2].strip() == "— Riverside Nurses Union and Mercy Health Resume Talks (2024-03-07)"
    v.assert_clean()


# ---- the hostile article ------------------------------------------------------------------------------

INJECTED = "img, svg, iframe, object, embed, a, b, form, link, style:not(:first-of-type), base, meta[http-equiv='refresh']"



def assert_nothing_ran(v: Visit) -> None:
    assert v.js("() => window.__kgPwned") is None
    assert v.js(f"() => document.querySelectorAll(\"{INJECTED}\").length") == 0
    assert v.js("() => [...document.scripts].map(s => s.id)") == ["kg-data", "kg-vis", "kg-app"]
    assert v.js("() => [...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))") is False
    v.assert_clean()


def test_hostile_article_runs_nothing_and_shows_its_words(visit: Any) -> None:
    v = visit("crafted")
    assert v.page.inner_text("#kg-title") == HEADLINE
    assert v.page.title() == HEADLINE
    v.search("Kim")
    assert v.page.inner_text("#kg-panel h2") == KIM
    assert "president, Harbor Workers Union" in v.page.inner_text("#kg-panel")
    v.search("this offer")                                # the quote node, by its words
    assert QUOTE in v.page.inner_text("#kg-panel")
    v.page.locator("#kg-panel button.kg-link", has_text="reported by").click()
    assert GAZETTE in v.page.inner_text("#kg-panel")
    v.search("javascript:alert(11)")                       # an alias that looks like a link
    assert "javascript:alert(11)" in v.page.inner_text("#kg-panel")
    x, y = v.node_xy(v.node_id(LEE))
    v.page.mouse.move(x - 3, y - 3)
    v.page.mouse.move(x, y)
    v.page.locator(".vis-tooltip").wait_for(state="visible", timeout=5000)
    assert v.page.inner_text(".vis-tooltip").startswith(LEE)
    assert v.js("() => [...document.querySelectorAll('.vis-tooltip *')].every(e => e.tagName === 'BR')") is True
    v.page.mouse.click(x, y)
    assert v.page.inner_text("#kg-panel h2") == LEE
    assert_nothing_ran(v)


def test_hostile_article_built_by_kg_runs_nothing(visit: Any) -> None:
    v = visit("crafted-built")
    assert v.page.inner_text("#kg-title") == HEADLINE
    for label in v.js("() => kgView.data.nodes.map(n => n.label)"):
        v.search(label)
        assert v.page.inner_text("#kg-panel h2") == label
    assert_nothing_ran(v)


# ---- large graphs -------------------------------------------------------------------------------------

def test_large_graph_is_drawn_where_python_placed_it_with_physics_off(visit: Any) -> None:
    v = visit("large")
    assert v.js("() => kgView.network.physics.options.enabled") is False
    placed = v.js("() => kgView.data.nodes.slice(0, 50).map(n => [n.x, n.y])")
    drawn = v.js("() => { const p = kgView.network.getPositions(); return kgView.data.nodes.slice(0, 50).map(n => [p[n.id].x, p[n.id].y]); }")
    assert drawn == placed
    assert v.js("() => kgView.readyAt") < 20_000
    # labels arrive once zoomed in
    assert v.js("() => kgView.nodes.get(0).label") is None
    v.search("Ada Abbott")                                # zooms in to the node
    v.page.wait_for_function(
        "() => kgView.nodes.get(kgView.data.nodes.find(n => n.label === 'Ada Abbott').id).label === 'Ada Abbott'",
        timeout=10_000)
    assert v.js("() => kgView.network.getScale()") >= 1.0
    v.assert_clean()


# ---- what a person sees ----------------------------------------------------------------------------------

def colours_in(browser: Any, png: bytes) -> tuple[int, float]:
    """(distinct colours, share of non-white pixels) of a PNG, decoded by the browser itself."""
    page = browser.new_page()
    try:
        return tuple(page.evaluate("""async (b64) => {
            const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
            const d = ctx.getImageData(0, 0, c.width, c.height).data, seen = new Set(); let ink = 0;
            for (let i = 0; i < d.length; i += 4) {
                seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
            }
            return [seen.size, ink / (d.length / 4)]; }""", base64.b64encode(png).decode()))  # type: ignore[return-value]
    finally:
        page.close()


@pytest.mark.parametrize("name", ["seed", "story"])
def test_screenshot_of_the_graph_is_not_blank(browser: Any, visit: Any, name: str) -> None:
    v = visit(name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"view-{name}.png"
    v.page.screenshot(path=str(path))
    graph_only = v.page.locator("#kg-graph").screenshot()
    distinct, ink = colours_in(browser, graph_only)
    assert distinct > 50 and ink > 0.01, (distinct, ink)      # nodes, edges and labels drawn
    assert path.stat().st_size > 20_000
    v.assert_clean()
