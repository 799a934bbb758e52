"""`kg serve` over real HTTP: the SPARQL 1.1 Protocol with SPARQLWrapper and plain urllib as clients.

One server (the real CLI, on a free loopback port) serves the hand-made fixtures for the
whole module; it is always stopped, whatever happens.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from conftest import DATA
from kg.query import load_graph, named_queries, query_text, run_named

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

FIX = DATA / "sparql"
FILES = [str(FIX / "harbor-talks.ttl"), str(FIX / "harbor-deal.ttl")]
TIMEOUT = 2.0
MAX_ROWS = 200
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"   # 567^4 rows


@contextmanager
def kg_serve(*args: str, log: Path) -> Iterator[str]:
    """Start ``kg serve ... --port 0``, wait (bounded) until it answers, yield its URL, always stop it."""
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", *args, "--port", "0"],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        url = None
        deadline = time.monotonic() + 60
        while url is None:
            m = re.search(r"endpoint at (http://\S+/sparql)", log.read_text(encoding="utf-8"))
            if m:
                url = m.group(1)
            elif proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"kg serve did not start: {log.read_text(encoding='utf-8')}")
            else:
                time.sleep(0.05)
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with kg_serve(*FILES, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "4", log=log) as url:
        yield url, log


@pytest.fixture(scope="module")
def url(server: tuple[str, Path]) -> str:
    return server[0]


@pytest.fixture(scope="module")
def local() -> object:
    return load_graph(FILES)


def http(url: str, *, query: str | None = None, accept: str | None = None, method: str = "GET",
         body: bytes | None = None, ctype: str | None = None) -> tuple[int, str, bytes]:
    """One request with urllib: (status, Content-Type, body), also for error statuses."""
    if query is not None and method == "GET":
        url = f"{url}?{urllib.parse.urlencode({'query': query})}"
    req = urllib.request.Request(url, data=body, method=method)
    if accept:
        req.add_header("Accept", accept)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def wrapper(url: str, query: str, fmt: str = JSON) -> SPARQLWrapper.SPARQLWrapper:
    sw = SPARQLWrapper.SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def json_rows(result: dict) -> list[dict[str, str]]:  # type: ignore[type-arg]
    cols = result["head"]["vars"]
    return [{c: b.get(c, {}).get("value", "") for c in cols} for b in result["results"]["bindings"]]


# -- queries and results --------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_gives_the_same_rows_over_http(url: str, local: object, name: str) -> None:
    params = {p: "Maria Lopez" for p, _ in named_queries()[name].params}
    got = json_rows(wrapper(url, query_text(name, params)).query().convert())
    assert got == run_named(local, name, params)  # type: ignore[arg-type]


@pytest.mark.parametrize("method, request_method", [(POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_post_as_form_and_as_sparql_query_body(url: str, local: object, method: str, request_method: str) -> None:
    sw = wrapper(url, query_text("roles"))
    sw.setMethod(method)
    sw.setRequestMethod(request_method)
    assert json_rows(sw.query().convert()) == run_named(local, "roles")  # type: ignore[arg-type]


def test_csv_tsv_and_xml_results_by_content_negotiation(url: str) -> None:
    q = "SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 2"
    csv_ = wrapper(url, q, CSV).query().convert().decode("utf-8")
    assert csv_.splitlines() == ["p,name", "https://kg.example.org/id/person/ann-chu,Ann Chu",
                                 "https://kg.example.org/id/person/maria-lopez,Maria Lopez"]
    assert "\r\n" in csv_                                            # RFC 4180 line ends
    tsv = wrapper(url, q, TSV).query().convert().decode("utf-8")
    assert tsv.splitlines()[:2] == ["?p\t?name", '<https://kg.example.org/id/person/ann-chu>\t"Ann Chu"']
    xml = wrapper(url, q, XML).query().convert()
    names = [b.firstChild.firstChild.data for b in xml.getElementsByTagName("binding")
             if b.getAttribute("name") == "name"]
    assert names == ["Ann Chu", "Maria Lopez"]


@pytest.mark.parametrize("accept, ctype", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("text/csv;q=0.9, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    (None, "application/sparql-results+json"),
])
def test_accept_header_picks_the_select_format(url: str, accept: str | None, ctype: str) -> None:
    status, got, _ = http(url, query="SELECT * WHERE { ?s ?p ?o } LIMIT 1", accept=accept)
    assert status == 200 and got.split(";")[0] == ctype


def test_ask_over_http(url: str) -> None:
    assert wrapper(url, "ASK { ?p schema:name 'Ann Chu' }").query().convert()["boolean"] is True
    assert wrapper(url, "ASK { ?p schema:name 'Nobody' }").query().convert()["boolean"] is False


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_construct_and_describe_as_rdf(url: str, accept: str, fmt: str) -> None:
    q = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    status, ctype, body = http(url, query=q, accept=accept)
    assert status == 200 and ctype.startswith(accept)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)     # inside rdflib's JSON-LD parser
        g = Graph().parse(data=body, format=fmt)
    assert len(g) == 4
    described = wrapper(url, "DESCRIBE <https://kg.example.org/id/person/ann-chu>", TURTLE).query().convert()
    g = Graph().parse(data=described, format="turtle")
    assert (URIRef("https://kg.example.org/id/person/ann-chu"), URIRef("https://schema.org/name"), None) in g


def test_rdflib_over_the_endpoint_runs_the_named_queries(url: str, local: object) -> None:
    """From a notebook: rdflib's SPARQLStore pointed at kg serve (default_union=True, see docs)."""
    from rdflib import Dataset
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Dataset(store=SPARQLStore(url), default_union=True)
    assert run_named(remote, "roles") == run_named(local, "roles")  # type: ignore[arg-type]


# -- refusals --------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["update param", "update body", "update as query"])
def test_updates_are_refused_with_403(url: str, how: str) -> None:
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    if how == "update param":
        r = http(url, method="POST", body=urllib.parse.urlencode({"update": update}).encode(),
                 ctype="application/x-www-form-urlencoded")
    elif how == "update body":
        r = http(url, method="POST", body=update.encode(), ctype="application/sparql-update")
    else:
        r = http(url, query=update)
    assert r[0] == 403 and b"read-only" in r[2]
    assert wrapper(url, "ASK { <http://a> <http://b> <http://c> }").query().convert()["boolean"] is False


def test_sparqlwrapper_update_is_refused(url: str) -> None:
    sw = wrapper(url, "INSERT DATA { <http://a> <http://b> <http://c> }")
    sw.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    with err.value:
        assert err.value.code == 403


def test_a_syntax_error_is_400_with_line_and_column(url: str) -> None:
    with pytest.raises(QueryBadFormed) as err:
        wrapper(url, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }").query()
    assert "line 3, column 3" in str(err.value)


@pytest.mark.parametrize("method, status", [("PUT", 405), ("DELETE", 405)])
def test_writing_methods_are_not_allowed(url: str, method: str, status: int) -> None:
    triple = b"<http://a> <http://b> <http://c> ."
    assert http(url, method=method, body=triple, ctype="application/n-triples")[0] == status


def test_an_unsupported_accept_is_406_listing_what_is_offered(url: str) -> None:
    status, _, body = http(url, query="SELECT * WHERE { ?s ?p ?o } LIMIT 1", accept="image/png")
    assert status == 406 and b"text/csv" in body


def test_a_result_over_the_cap_is_refused_with_a_hint(url: str) -> None:
    status, _, body = http(url, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"LIMIT" in body and str(MAX_ROWS).encode() in body
    assert http(url, query=f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")[0] == 200


def test_a_slow_query_times_out_and_the_server_keeps_answering(url: str) -> None:
    t0 = time.monotonic()
    status, _, body = http(url, query=SLOW)
    took = time.monotonic() - t0
    assert status == 503 and b"longer than" in body
    assert TIMEOUT <= took < TIMEOUT + 3
    assert http(url, query="ASK {}")[0] == 200


def test_a_slow_query_does_not_hold_up_others(url: str) -> None:
    slow = threading.Thread(target=http, args=(url,), kwargs={"query": SLOW})
    slow.start()
    try:
        time.sleep(0.3)
        t0 = time.monotonic()
        assert http(url, query="ASK { ?s ?p ?o }")[0] == 200
        assert time.monotonic() - t0 < TIMEOUT / 2
    finally:
        slow.join(timeout=TIMEOUT + 5)


# -- the page without a query, logging, binding ---------------------------------------------

def test_get_without_query_shows_a_help_page(url: str) -> None:
    status, ctype, body = http(url, accept="text/html")
    page = body.decode("utf-8")
    assert status == 200 and ctype.startswith("text/html")
    assert "<form" in page and "meeting-executives" in page and "read-only" in page


def test_get_without_query_gives_a_service_description_in_turtle(url: str) -> None:
    status, _, body = http(url, accept="text/turtle")
    g = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert status == 200 and (URIRef(url), URIRef(sd + "endpoint"), URIRef(url)) in g


def test_the_root_redirects_and_other_paths_are_404(url: str) -> None:
    root = url.rsplit("/", 1)[0]
    assert http(root + "/nothing-here")[0] == 404
    status, ctype, _ = http(root + "/", accept="text/html")     # urllib follows the redirect
    assert status == 200 and ctype.startswith("text/html")


def test_one_log_line_per_request(server: tuple[str, Path]) -> None:
    url, log = server
    before = len(log.read_text(encoding="utf-8").splitlines())
    marker = "SELECT ?logged WHERE { ?logged a schema:Person } LIMIT 1"
    http(url, query=marker)
    http(url, query="SELECT nonsense")
    time.sleep(0.3)
    # an earlier test's request may be logged late: keep the lines of these two requests
    lines = [line for line in log.read_text(encoding="utf-8").splitlines()[before:]
             if "?logged" in line or "nonsense" in line]
    assert len(lines) == 2, lines
    assert re.match(r"^127\.0\.0\.1 GET /sparql 200 \d+B \d+ms SELECT 1 rows \"SELECT \?logged", lines[0]), lines[0]
    assert " 400 " in lines[1] and "syntax error" in lines[1]


def test_binds_to_loopback_by_default(url: str) -> None:
    assert url.startswith("http://127.0.0.1:")


def test_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", FILES[0], "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()] and "in use" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_graph_file_is_a_one_line_error() -> None:
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "missing.ttl", "--port", "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "missing.ttl" in done.stderr and "Traceback" not in done.stderr


def test_the_parent_kills_a_child_that_ignores_the_timer() -> None:
    """The hard limit: a child stuck where the timer cannot reach it is killed by the parent."""
    from kg.serve import GRACE_SECONDS, Settings, SparqlServer

    srv = SparqlServer(("127.0.0.1", 0), None, Settings(timeout=0.1), 0, lambda line: None)
    try:
        pid = os.fork()
        if pid == 0:                                       # a child that ignores the timer
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(60)
            os._exit(0)
        srv.started[pid] = time.monotonic() - (0.1 + GRACE_SECONDS + 1)
        srv.collect_children()
        deadline = time.monotonic() + 5
        while pid in srv.started and time.monotonic() < deadline:
            srv.collect_children()
            time.sleep(0.02)
        assert pid not in srv.started
    finally:
        srv.stop_children()
        srv.server_close()


def test_help_page_escapes_what_it_shows() -> None:
    from kg.serve import Settings, help_page

    page = help_page('http://127.0.0.1:1/sparql"><script>', 3, Settings())
    assert "<script>" not in page


def test_protocol_dataset_parameters_pick_the_graphs(url: str) -> None:
    talks = "https://kg.example.org/id/article/harbor-talks"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, _, body = http(f"{url}?{urllib.parse.urlencode({'default-graph-uri': talks})}", query=None,
                           method="POST", body=urllib.parse.urlencode({"query": count}).encode(),
                           ctype="application/x-www-form-urlencoded", accept="text/csv")
    assert status == 200 and body.decode().split() == ["n", "246"]
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    q = urllib.parse.urlencode({"query": graphs, "named-graph-uri": talks})
    status, _, body = http(f"{url}?{q}", accept="text/csv")
    assert status == 200 and body.decode().split() == ["g", talks]
