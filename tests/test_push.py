"""`kg push` into a real triple store: an Oxigraph server started here on a free loopback port,
queried back with SPARQLWrapper.  The named queries must give the same rows there as in rdflib.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import DATA, kg
from kg.query import load_graph, named_queries, query_text, run_named

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import JSON  # noqa: E402

pytestmark = pytest.mark.external

FIX = DATA / "sparql"
FILES = [str(FIX / "harbor-talks.ttl"), str(FIX / "harbor-deal.ttl")]
ART = "https://kg.example.org/id/article/"


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.skip("the oxigraph server is missing: pip install oxigraph (scripts/setup.sh --test does)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Store:
    base: str

    @property
    def store(self) -> str:
        return f"{self.base}/store"

    @property
    def query(self) -> str:
        return f"{self.base}/query"


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[Store]:
    """A fresh Oxigraph server whose default graph is the union of its named graphs."""
    binary = oxigraph_binary()
    for _attempt in range(3):                      # the free port may be taken between the check and the bind
        port = free_port()
        log = (tmp_path / "oxigraph.log").open("w")
        proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / f"db{port}"),
                                 "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2):
                        break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.05)
            if proc.poll() is None:
                yield Store(base)
                return
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
    pytest.fail(f"oxigraph did not start: {(tmp_path / 'oxigraph.log').read_text()}")


def select(store: Store, query: str) -> list[dict[str, str]]:
    sw = SPARQLWrapper.SPARQLWrapper(store.query)
    sw.setQuery(query)
    sw.setReturnFormat(JSON)
    result = sw.query().convert()
    cols = result["head"]["vars"]
    return [{c: b.get(c, {}).get("value", "") for c in cols} for b in result["results"]["bindings"]]


def graph_sizes(store: Store) -> dict[str, int]:
    rows = select(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


def test_push_puts_each_article_in_its_own_named_graph(oxigraph: Store) -> None:
    done = kg("push", *FILES, "--endpoint", oxigraph.store)
    assert done.returncode == 0, done.stderr
    assert f"to graph <{ART}harbor-talks>" in done.stdout and "2 graphs, 600 triples pushed" in done.stdout
    assert graph_sizes(oxigraph) == {f"{ART}harbor-talks": 246, f"{ART}harbor-deal": 354}


def test_pushing_again_replaces_and_duplicates_nothing(oxigraph: Store) -> None:
    for _ in range(2):
        assert kg("push", *FILES, "--endpoint", oxigraph.store, "--quiet").returncode == 0
    assert graph_sizes(oxigraph) == {f"{ART}harbor-talks": 246, f"{ART}harbor-deal": 354}
    # pushing one article again leaves the other alone
    assert kg("push", FILES[0], "--endpoint", oxigraph.store, "-q").returncode == 0
    assert graph_sizes(oxigraph)[f"{ART}harbor-deal"] == 354


def test_a_trig_export_pushes_to_the_same_graphs(oxigraph: Store, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Union Talks Resume\n\nThe Teamsters and Acme Freight Inc. met on Monday, the union said.\n")
    assert kg("build", str(src), "--out", str(tmp_path), "--format", "ttl,trig").returncode == 0
    assert kg("push", str(tmp_path / "a.trig"), "--endpoint", oxigraph.store, "-q").returncode == 0
    first = graph_sizes(oxigraph)
    assert list(first) == [f"{ART}a"]
    assert kg("push", str(tmp_path / "a.ttl"), "--endpoint", oxigraph.store, "-q").returncode == 0
    assert graph_sizes(oxigraph) == first




@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_give_the_same_rows_on_oxigraph_and_rdflib(oxigraph: Store, name: str) -> None:
    assert kg("push", *FILES, "--endpoint", oxigraph.store, "-q").returncode == 0
    params = {p: "Maria Lopez" for p, _ in named_queries()[name].params}
    local = run_named(load_graph(FILES), name, params)
    remote = select(oxigraph, query_text(name, params))
    assert local, f"{name} finds nothing in the fixtures"
    assert remote == local


def test_graph_patterns_see_the_articles_one_by_one(oxigraph: Store) -> None:
    """GRAPH ?g works on any store, union default graph or not (the docs' advice for other stores)."""
    assert kg("push", *FILES, "--endpoint", oxigraph.store, "-q").returncode == 0
    rows = select(oxigraph, "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p a <https://schema.org/Person> ; "
                            "<https://schema.org/name> ?name } } ORDER BY ?name")
    assert [r["name"] for r in rows] == ["Ann Chu", "Maria Lopez", "Sam Ortiz", "Tom Becker"]


# -- errors ------------------------------------------------------------------------------------

def one_line(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert done.returncode == code, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "Traceback" not in done.stderr, done.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]


def test_a_server_that_is_down_is_a_one_line_error() -> None:
    one_line(kg("push", *FILES, "--endpoint", f"http://127.0.0.1:{free_port()}/store"), 5,
             "cannot reach", "connection refused")


def test_a_server_that_refuses_is_a_one_line_error(oxigraph: Store) -> None:
    one_line(kg("push", *FILES, "--endpoint", oxigraph.query), 5, "refused graph", "HTTP 4")


@pytest.mark.parametrize("endpoint", ["localhost:7878/store", "ftp://127.0.0.1/store", "store"])
def test_a_bad_endpoint_url_is_a_usage_error(endpoint: str) -> None:
    one_line(kg("push", *FILES, "--endpoint", endpoint), 2, "--endpoint", "http://")


def test_a_bad_file_among_several_sends_nothing(oxigraph: Store, tmp_path: Path) -> None:
    no_article = tmp_path / "plain.ttl"
    no_article.write_text("<http://a> <http://b> <http://c> .\n")
    one_line(kg("push", *FILES, str(no_article), "--endpoint", oxigraph.store), 2, "plain.ttl", "NewsArticle")
    assert graph_sizes(oxigraph) == {}
    two = tmp_path / "two.ttl"
    two.write_bytes(b"".join(Path(f).read_bytes() for f in FILES))
    one_line(kg("push", str(two), "--endpoint", oxigraph.store), 2, "two.ttl", "2 articles")
    one_line(kg("push", str(tmp_path / "missing.ttl"), "--endpoint", oxigraph.store), 2, "missing.ttl")
