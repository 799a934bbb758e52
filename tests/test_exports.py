"""The RDF exports (Turtle, N-Triples, JSON-LD, TriG): they round-trip in rdflib, and two
parsers that are not rdflib (rapper from raptor2, C; oxigraph, Rust) accept them with the
same triple count.

Inputs: the seed and an article full of characters that break careless writers (quotes,
backslashes, tabs, emoji, a text ending in a quote mark), built with the real CLI, and the
hand-made fixtures exported in-process.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from conftest import DATA, SEED, SEED_PUBLISHED, kg
from kg.export import FORMATS, to_jsonld, to_ntriples, to_trig, to_turtle

TRICKY = ('Union "Local 7" rejects offer \\ again\n\n'
          "By Ann O'Neil\n\n"
          'The Teamsters Local 7 and Acme Freight Inc. met on Monday in Toledo.\n\n'
          '"We said \\"no\\" to a 2% raise\tand we meant it," union president José Núñez said. 😀\n\n'
          "Acme Freight Inc. said in a statement: \"\"\"We remain at the table.\"\"\"\n")
RDF_EXPORTS = ("ttl", "nt", "jsonld", "trig")
PARSER = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "trig": "trig"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the tricky article built with every RDF export."""
    src = tmp_path_factory.mktemp("src")
    (src / "tricky-quotes.txt").write_text(TRICKY, encoding="utf-8")
    out = tmp_path_factory.mktemp("exports")
    done = kg("build", str(SEED), str(src / "tricky-quotes.txt"), "--out", str(out),
              "--published", SEED_PUBLISHED, "--format", ",".join(RDF_EXPORTS))
    assert done.returncode == 0, done.stderr
    return out


STEMS = (SEED.stem, "tricky-quotes")


def parse(source: Path | bytes, fmt: str) -> Graph:
    """Parse with rdflib, quiet about the deprecations rdflib's own parsers trigger (JSON-LD, TriG)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if fmt == "trig":
            ds = Dataset()
            ds.parse(source, format="trig") if isinstance(source, Path) else ds.parse(data=source, format="trig")
            return ds  # type: ignore[return-value]
        g = Graph()
        return g.parse(source, format=fmt) if isinstance(source, Path) else g.parse(data=source, format=fmt)


def read(path: Path) -> Graph:
    """Any export as one graph (a TriG file's graphs merged)."""
    fmt = PARSER[path.suffix[1:]]
    if fmt == "trig":
        g = Graph()
        for s, p, o, _ in parse(path, "trig").quads((None, None, None, None)):  # type: ignore[attr-defined]
            g.add((s, p, o))
        return g
    return parse(path, fmt)


def test_the_format_registry_offers_every_export() -> None:
    assert set(FORMATS) == {"ttl", "nt", "jsonld", "trig", "html", "graphml"}
    assert FORMATS["html"].target.startswith("kg.view") and FORMATS["graphml"].target.startswith("kg.view")


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("ext", ["nt", "jsonld", "trig"])
def test_every_export_round_trips_to_the_same_graph_as_the_turtle(built: Path, stem: str, ext: str) -> None:
    reference = read(built / f"{stem}.ttl")
    assert len(reference) > 20
    assert isomorphic(read(built / f"{stem}.{ext}"), reference)


def test_tricky_text_survives_every_export_exactly(built: Path) -> None:
    for ext in RDF_EXPORTS:
        strings = {str(o) for o in read(built / f"tricky-quotes.{ext}").objects()}
        whole = max(strings, key=len)           # the article text (nif:isString)
        for piece in ('\\"no\\"', "raise\tand", "José Núñez", "😀", '"""We remain at the table."""',
                      "The Teamsters Local 7 and Acme Freight Inc. met on Monday in Toledo."):
            assert piece in whole, (ext, piece)
        assert whole.rstrip().endswith('"'), "the text must end in a quote mark to test long-string ends"


@pytest.mark.parametrize("stem", ["harbor-talks", "harbor-deal"])
def test_fixture_graphs_round_trip_in_process_and_are_deterministic(stem: str) -> None:
    original = Graph().parse(DATA / "sparql" / f"{stem}.ttl")
    article = URIRef(f"https://kg.example.org/id/article/{stem}")
    for fn, fmt in ((to_turtle, "turtle"), (to_ntriples, "nt"), (to_jsonld, "json-ld")):
        data = fn(original, article)
        assert data == fn(original, article)
        assert isomorphic(parse(data, fmt), original), fmt
    ds = parse(to_trig(original, article), "trig")
    named = [g for g in ds.graphs() if len(g)]
    assert [g.identifier for g in named] == [article]
    assert isomorphic(named[0], original)


@pytest.mark.parametrize("stem", STEMS)
def test_trig_holds_one_named_graph_named_by_the_article(built: Path, stem: str) -> None:
    ds = parse(built / f"{stem}.trig", "trig")
    graphs = [g for g in ds.graphs() if len(g)]
    article = URIRef(f"https://kg.example.org/id/article/{stem}")
    assert [g.identifier for g in graphs] == [article]
    assert (article, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("https://schema.org/NewsArticle")) in graphs[0]


def test_jsonld_has_an_inline_compact_context(built: Path) -> None:
    doc = json.loads((built / f"{SEED.stem}.jsonld").read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert isinstance(ctx, dict), "the context must be inline: a remote one needs the network"
    assert ctx["schema"] == "https://schema.org/" and ctx["kgo"] == "https://kg.example.org/ontology#"
    nodes = doc["@graph"]
    keys = {k for n in nodes for k in n}
    assert "schema:name" in keys and not any(k.startswith("http") for k in keys)
    # coerced values are plain strings, not {"@value", "@type"} objects
    spans = [n for n in nodes if "nif:beginIndex" in n]
    assert spans and all(isinstance(n["nif:beginIndex"], str) for n in spans)
    assert [n["@id"] for n in nodes] == sorted(n["@id"] for n in nodes)


def test_ntriples_are_sorted_unique_lines(built: Path) -> None:
    lines = (built / f"{SEED.stem}.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)) and all(line.endswith(" .") for line in lines)


def rdflib_count(path: Path) -> int:
    return len(read(path)) if path.suffix != ".trig" else _quads(path)


def _quads(path: Path) -> int:
    return len(list(parse(path, "trig").quads((None, None, None, None))))  # type: ignore[attr-defined]


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.mark.external
@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("ext", ["ttl", "nt", "trig"])
def test_rapper_accepts_the_export_with_the_same_count(built: Path, stem: str, ext: str) -> None:
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper is missing: apt-get install raptor2-utils (scripts/setup.sh --test does)")
    path = built / f"{stem}.{ext}"
    done = subprocess.run([rapper, "-i", RAPPER_SYNTAX[ext], "-c", str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "Error" not in done.stderr, done.stderr
    assert f"returned {rdflib_count(path)} triples" in done.stderr, done.stderr


@pytest.mark.external
@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("ext", ["ttl", "nt", "trig"])
def test_oxigraph_accepts_the_export_with_the_same_count(built: Path, stem: str, ext: str) -> None:
    oxigraph = _oxigraph()
    if oxigraph is None:
        pytest.skip("the oxigraph CLI is missing: pip install oxigraph (scripts/setup.sh --test does)")
    path = built / f"{stem}.{ext}"
    done = subprocess.run([oxigraph, "convert", "--from-file", str(path), "--to-format", "nq"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    quads = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(quads) == rdflib_count(path)
    if ext == "trig":       # the named graph survives: every quad has the article as its graph
        assert all(q.endswith(f"<https://kg.example.org/id/article/{stem}> .") for q in quads)
