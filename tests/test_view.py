"""The view layer without a browser: projection, page assembly, escaping, GraphML, `kg view`.

The browser half (drawing, search, filters, the hostile article in Chromium) is test_browser.py.
Fixtures are hand-annotated articles written by the RDF layer itself (``kg.view.sample``), so
they are in exactly the model ``kg build`` writes, whatever the extractor finds.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from conftest import DATA, ROOT, kg
from kg.view.page import LARGE_NODES, export_html, json_for_script, page_data, render_page, render_projection
from kg.view.projection import export_graphml, project
from kg.view.raw import project_raw
from kg.view.sample import Annotator, story_annotator, story_graph, synthetic_graph

CRAFTED = DATA / "crafted" / "hostile-article.txt"
STORY_ARTICLE = URIRef("https://kg.example.org/id/article/riverside-nurses")

# the crafted article's payloads, each in a place a name, quote or headline comes from
KIM = '"><svg onload=alert(6)> Kim'
LEE = "<img src=x onerror=alert(7)> Lee"
ACME = "Acme <script>alert(5)</script> Shipping Corp."
GAZETTE = '<iframe src="javascript:alert(10)"></iframe> Gazette'
QUOTE = 'We will not accept <a href="javascript:alert(8)">this offer</a> or <script>alert(9)</script> ever,'
HEADLINE = ('Dockworkers <script>window.__kgPwned=1</script> Strike <img src=x onerror="window.__kgPwned=2"> '
            'Ends "><svg onload=alert(3)> Soon')


def crafted_graph() -> Graph:
    """The hostile article with its payloads placed by hand in names, aliases, quote and headline."""
    a = Annotator(CRAFTED.read_text(encoding="utf-8"), stem="hostile-article", published="2024-05-20")
    union = a.entity("harbor-workers-union", "Harbor Workers Union", "Union", ["javascript:alert(11)"])
    acme = a.entity("acme", ACME, "Company")
    gazette = a.entity("gazette", GAZETTE, "MediaOutlet")
    kim = a.entity("kim", KIM, "Person", ["Kim"])
    lee = a.entity("lee", LEE, "Person", ["Lee"])
    a.role(kim, "president", union, f"Union president {KIM}")
    a.role(lee, "CEO", acme, f"Acme CEO {LEE}")
    a.event("Negotiation", "resumed negotiations", [union, acme], "resumed negotiations on Monday")
    a.event("Meeting", "met", [kim, lee], "at a meeting in Portland on Monday")
    a.event("Strike", "went on strike", [union], "went on strike in May")
    a.quote(kim, QUOTE, via=gazette)
    return a.graph()


@pytest.fixture(scope="module")
def story() -> Graph:
    return story_graph()


def triples_of(proj) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    names = {n.key: n.label for n in proj.nodes}
    return {(names[e.source], e.label, names[e.target]) for e in proj.edges}


# ---- the projection ---------------------------------------------------------------------------

def test_projection_draws_the_story_as_people_organizations_events_and_quotes(story: Graph) -> None:
    proj = project(story)
    assert {(n.label, n.type) for n in proj.nodes} == {
        ("Alan Brooks", "Person"), ("Maria Lopez", "Person"), ("Tom Reed", "Person"),
        ("Riverside Nurses Union", "Union"), ("Mercy Health System", "Company"),
        ("Hospital Employers Association", "TradeAssociation"), ("Springfield Ledger", "MediaOutlet"),
        ("Meeting 2024-03-05", "Meeting"), ("Negotiation 2024-03-05", "Negotiation"),
        ("Strike: went on strike", "Strike"), ("“We are ready to reach a fair deal,”", "Quote"),
    }
    assert triples_of(proj) == {
        ("Alan Brooks", "CEO of", "Mercy Health System"),
        ("Maria Lopez", "president of", "Riverside Nurses Union"),
        ("Tom Reed", "chairman of", "Hospital Employers Association"),
        ("Alan Brooks", "attended", "Meeting 2024-03-05"),
        ("Maria Lopez", "attended", "Meeting 2024-03-05"),
        ("Tom Reed", "attended", "Meeting 2024-03-05"),
        ("Riverside Nurses Union", "negotiated in", "Negotiation 2024-03-05"),
        ("Mercy Health System", "negotiated in", "Negotiation 2024-03-05"),
        ("Mercy Health System", "negotiated with", "Riverside Nurses Union"),
        ("Riverside Nurses Union", "on strike", "Strike: went on strike"),
        ("Maria Lopez", "said", "“We are ready to reach a fair deal,”"),
        ("“We are ready to reach a fair deal,”", "reported by", "Springfield Ledger"),
    }


def test_spans_articles_and_memberships_are_folded_away(story: Graph) -> None:
    proj = project(story)
    keys = {n.key for n in proj.nodes}
    assert not any("#char=" in k or "/role/" in k or k.endswith("/riverside-nurses") for k in keys)
    lopez = next(n for n in proj.nodes if n.label == "Maria Lopez")
    assert lopez.aliases == ["Lopez"]
    assert lopez.titles == ["president, Riverside Nurses Union"]


@pytest.mark.parametrize(("source", "label", "words"), [
    ("Alan Brooks", "CEO of", "Mercy Health CEO Alan Brooks"),
    ("Tom Reed", "chairman of", "whose chairman Tom Reed"),
    ("Riverside Nurses Union", "on strike", "the nurses went on strike"),
    ("Maria Lopez", "said", "We are ready to reach a fair deal,"),
])
def test_each_edge_carries_the_sentence_and_the_exact_words(story: Graph, source: str, label: str, words: str) -> None:
    proj = project(story)
    names = {n.key: n.label for n in proj.nodes}
    edge = next(e for e in proj.edges if names[e.source] == source and e.label == label)
    ev = edge.evidence[0]
    sentence, headline = proj.evidence_text(ev)
    assert sentence[ev.start:ev.end] == words
    assert headline == "Riverside Nurses Union and Mercy Health Resume Talks"
    assert ev.rule and ev.confidence == 1.0


def test_an_entity_lists_the_sentences_that_mention_it_in_reading_order(story: Graph) -> None:
    proj = project(story)
    lopez = next(n for n in proj.nodes if n.label == "Maria Lopez")
    sentences = [proj.evidence_text(ev)[0] for ev in lopez.evidence]
    assert [s[:20] for s in sentences] == ["Mercy Health CEO Ala", "“We are ready to rea"]
    first = lopez.evidence[0]
    assert sentences[0][first.start:first.end] == "Maria Lopez"     # the longest mention, not "Lopez"


def test_two_titles_at_one_organization_make_one_edge() -> None:
    a = Annotator("Studio Shake-Up\n\nAcme Films chairman and chief content officer Dana Ruiz quit.\n")
    acme = a.entity("acme-films", "Acme Films", "Company")
    ruiz = a.entity("dana-ruiz", "Dana Ruiz", "Person")
    a.role(ruiz, "chairman", acme, "Acme Films chairman and chief content officer Dana Ruiz")
    a.role(ruiz, "chief content officer", acme, "Acme Films chairman and chief content officer Dana Ruiz")
    assert triples_of(project(a.graph())) == {("Dana Ruiz", "chairman and chief content officer of", "Acme Films")}


def test_a_title_without_an_organization_stays_on_the_person() -> None:
    a = Annotator("Talks Stall\n\nMediator Sam Ode said talks stalled.\n")
    ode = a.entity("sam-ode", "Sam Ode", "Person")
    a.role(ode, "mediator", None, "Mediator Sam Ode")
    proj = project(a.graph())
    assert proj.edges == [] and proj.nodes[0].titles == ["mediator"]


def test_projection_of_two_files_merges_shared_entities(story: Graph, tmp_path: Path) -> None:
    from kg.query import load_graph

    other = Annotator("Nurses Vote\n\nThe Riverside Nurses Union will hold a vote on Friday.\n", stem="vote")
    union = other.entity("riverside-nurses-union", "Riverside Nurses Union", "Union")
    other.event("Vote", "hold a vote", [union], "will hold a vote on Friday", planned=True)
    story.serialize(tmp_path / "a.ttl", format="turtle")
    other.graph().serialize(tmp_path / "b.ttl", format="turtle")
    proj = project(load_graph([tmp_path / "a.ttl", tmp_path / "b.ttl"]))
    assert len(proj.articles) == 2
    assert [n.label for n in proj.nodes].count("Riverside Nurses Union") == 1
    assert ("Riverside Nurses Union", "voted in", "Vote: hold a vote") in triples_of(proj)


def test_raw_projection_has_one_edge_per_triple(story: Graph) -> None:
    proj = project_raw(story)
    assert len(proj.edges) == len(story)
    assert {"schema:name", "nif:anchorOf", "org:member", "rdf:type"} <= {e.label for e in proj.edges}


# ---- the page -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>", "<!-- x --><img src=x onerror=alert(1)>", "a & b > c",
    "line\u2028separator\u2029", '"><svg onload=alert(1)>',
])
def test_json_for_script_has_no_markup_and_round_trips(text: str) -> None:
    out = json_for_script({"t": text})
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == {"t": text}


def scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)


def test_page_is_one_self_contained_file(story: Graph) -> None:
    page = render_page(story, title="Riverside")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert "sourceMappingURL" not in page
    assert [attrs for attrs, _ in scripts(page)] == [
        ' id="kg-data" type="application/json"', ' id="kg-vis"', ' id="kg-app"']


def test_content_security_policy_allows_exactly_the_two_inline_scripts(story: Graph) -> None:
    page = render_page(story, title="Riverside")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]  # type: ignore[index]
    assert "default-src &#x27;none&#x27;" in csp and "unsafe-inline&#x27; " not in csp.split("script-src")[1].split(";")[0]
    for _, body in scripts(page)[1:]:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in csp


def test_hostile_text_never_appears_as_markup() -> None:
    page = render_page(crafted_graph(), title=HEADLINE)
    outside_data = re.sub(r'<script id="kg-data"[^>]*>.*?</script>', "", page, flags=re.S)
    outside_data = re.sub(r'<script id="kg-vis">.*?</script>', "", outside_data, flags=re.S)
    for payload in ("<script>window.__kgPwned", "<img src=x", "<svg onload", "<iframe", '<a href="javascript'):
        assert payload not in outside_data
    assert "<title>Dockworkers &lt;script&gt;window.__kgPwned=1&lt;/script&gt;" in page
    data = json.loads(re.search(r'<script id="kg-data"[^>]*>(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    assert {n["label"] for n in data["nodes"]} >= {KIM, LEE, ACME, GAZETTE}
    assert data["title"] == HEADLINE


def test_page_data_counts_match_the_projection(story: Graph) -> None:
    proj = project(story)
    data = page_data(proj, title="t")
    assert len(data["nodes"]) == len(proj.nodes) and len(data["edges"]) == len(proj.edges)
    assert {t["type"]: t["count"] for t in data["types"]} == proj.count_by_type()
    assert not data["large"] and all("x" not in n for n in data["nodes"])


def test_export_html_is_deterministic_and_titled_with_the_headline(story: Graph) -> None:
    one, two = export_html(story, STORY_ARTICLE), export_html(story, STORY_ARTICLE)
    assert one == two
    assert b"<title>Riverside Nurses Union and Mercy Health Resume Talks</title>" in one


def test_export_html_imports_neither_networkx_nor_pyvis(tmp_path: Path) -> None:
    """`kg build` writes the page: it must not pull networkx (0.4 s) or pyvis/IPython (0.7 s)."""
    story_graph().serialize(tmp_path / "s.ttl", format="turtle")
    code = f"""
import sys
from rdflib import Graph, URIRef
g = Graph().parse({str(tmp_path / 's.ttl')!r})
from kg.view.page import export_html
assert b"<html" in export_html(g, URIRef({str(STORY_ARTICLE)!r}))
print(sorted(m for m in ("networkx", "pyvis", "IPython", "numpy", "jinja2") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_large_graphs_get_positions_and_small_ones_do_not() -> None:
    proj = project(synthetic_graph(articles=110, people=200, orgs=60))
    assert len(proj.nodes) > LARGE_NODES
    data = json.loads(re.search(r'<script id="kg-data"[^>]*>(.*?)</script>',  # type: ignore[index]
                                render_projection(proj, title="big"), re.S)[1])
    assert data["large"]
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(xy) == len(proj.nodes)
    # every node placed, none drawn on top of another
    closest = min(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 for i, (ax, ay) in enumerate(xy) for bx, by in xy[i + 1:])
    assert closest > 8


def test_large_layout_is_deterministic() -> None:
    from kg.view.layout import layout

    edges = [(i, (i * 7 + 3) % 300) for i in range(300)] + [(i, i + 1) for i in range(0, 299, 2)]
    assert layout(300, edges) == layout(300, edges)


# ---- GraphML and the CLI ---------------------------------------------------------------------------

def test_graphml_holds_the_projection_with_labels_and_evidence(story: Graph, tmp_path: Path) -> None:
    import networkx as nx

    path = tmp_path / "s.graphml"
    path.write_bytes(export_graphml(story, STORY_ARTICLE))
    g = nx.read_graphml(path)
    proj = project(story)
    assert g.number_of_nodes() == len(proj.nodes) and g.number_of_edges() == len(proj.edges)
    brooks = g.nodes["https://kg.example.org/id/person/alan-brooks"]
    assert brooks["type"] == "Person" and brooks["titles"] == "CEO, Mercy Health System"
    labels = {d["label"] for *_, d in g.edges(data=True)}
    assert {"CEO of", "attended", "negotiated with", "said", "reported by"} <= labels
    assert all(d["evidence"] for *_, d in g.edges(data=True))


def test_seed_build_writes_html_and_graphml_of_the_same_projection(seed_build: Path) -> None:
    import networkx as nx

    from kg.query import load_graph

    stem = "wga-amptp-resume-negotiations"
    proj = project(load_graph([seed_build / f"{stem}.ttl"]))
    g = nx.read_graphml(seed_build / f"{stem}.graphml")
    assert g.number_of_nodes() == len(proj.nodes)
    html = (seed_build / f"{stem}.html").read_text(encoding="utf-8")
    assert "<title>WGA, AMPTP Resume Negotiations, Hope to End Strike</title>" in html


def test_kg_view_writes_a_page_next_to_the_graph(story: Graph, tmp_path: Path) -> None:
    story.serialize(tmp_path / "story.ttl", format="turtle")
    done = kg("view", str(tmp_path / "story.ttl"))
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "story.html").read_text(encoding="utf-8")
    assert "<title>Riverside Nurses Union and Mercy Health Resume Talks</title>" in page
    done = kg("view", str(tmp_path / "story.ttl"), "--raw", "-o", str(tmp_path / "out" / "raw.html"), "--title", "<b>x</b>")
    assert done.returncode == 0, done.stderr
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in (tmp_path / "out" / "raw.html").read_text(encoding="utf-8")


def test_kg_view_of_several_graphs_leaves_each_articles_own_page_alone(story: Graph, tmp_path: Path) -> None:
    story.serialize(tmp_path / "a.ttl", format="turtle")
    story.serialize(tmp_path / "b.ttl", format="turtle")
    (tmp_path / "a.html").write_text("a's own page", encoding="utf-8")   # what kg build wrote
    done = kg("view", str(tmp_path / "a.ttl"), str(tmp_path / "b.ttl"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "a's own page"
    assert "combined.html" in done.stdout
    assert "<title>" in (tmp_path / "combined.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "words"), [
    (["missing.ttl"], ["missing.ttl", "no such graph file"]),
    (["story.ttl", "-o", "page.txt"], ["--out", ".html"]),
    (["story.ttl", "-o", "story.ttl"], ["--out"]),
])
def test_kg_view_bad_input_is_one_line(story: Graph, tmp_path: Path, args: list[str], words: list[str]) -> None:
    story.serialize(tmp_path / "story.ttl", format="turtle")
    done = kg("view", *args, cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    line = done.stderr.strip()
    assert "\n" not in line and line.startswith("kg: error: ")
    for w in words:
        assert w in line


def test_story_fixture_is_a_valid_document() -> None:
    """The hand-annotated fixtures pass the pipeline's own hand-off checks."""
    from kg.pipeline import check

    doc = story_annotator().document()
    check(doc, "story fixture")
    assert len(doc.entities) == 7 and len(doc.events) == 3 and len(doc.quotes) == 1
    assert ROOT.joinpath("kg", "view", "page.html").is_file()


def test_an_empty_graph_still_makes_a_page() -> None:
    page = render_page(Graph(), title="Nothing found")
    data = json.loads(re.search(r'<script id="kg-data"[^>]*>(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    assert data["nodes"] == [] and data["edges"] == [] and data["types"] == []
