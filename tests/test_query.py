"""`kg query` end to end through the real CLI, over the hand-made fixtures and the built seed.

The fixtures (tests/data/sparql/*.ttl, written by make_fixtures.py from hand annotations) are
two short articles about the same dispute: the rows below are what a reader of those
articles expects, so a query that stops finding a fact fails here.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from conftest import DATA, SEED, kg

FIX = DATA / "sparql"
TALKS, DEAL = FIX / "harbor-talks.ttl", FIX / "harbor-deal.ttl"
BOTH = [str(TALKS), str(DEAL)]
ART = "https://kg.example.org/id/article/"


def rows(*args: str) -> list[dict[str, str]]:
    """Run kg query ... --format csv and parse the CSV."""
    done = kg("query", *args, "--format", "csv")
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def failed(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """A refused run: the exit code, one line on stderr naming the problem, no traceback."""
    assert done.returncode == code, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), done.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]


# -- the contract queries on the fixtures --------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("entities", [{"name": "Harbor Lines", "type": "Company"}, {"name": "Daily Ledger", "type": "MediaOutlet"},
                  {"name": "Pacific Maritime Council", "type": "TradeAssociation"},
                  {"name": "International Dockworkers Union", "type": "Union"},
                  {"name": "X", "type": "Platform"}, {"name": "Sam Ortiz", "type": "Person"}]),
    ("aliases", [{"name": "International Dockworkers Union", "alias": "IDU"},
                 {"name": "Pacific Maritime Council", "alias": "PMC"}]),
    ("roles", [{"person": "Tom Becker", "title": "CEO", "organization": "Harbor Lines"},
               {"person": "Tom Becker", "title": "chief executive", "organization": "Harbor Lines"},
               {"person": "Sam Ortiz", "title": "", "organization": "Daily Ledger"}]),
    ("events", [{"event": f"{ART}harbor-talks/event/vote-2024-03-15", "kind": "Vote", "date": "2024-03-15",
                 "date_text": "March 15", "status": "planned"}]),
    ("participants", [{"event": f"{ART}harbor-talks/event/meeting-2024-03-05", "kind": "Meeting",
                       "participant": "Maria Lopez"}]),
    ("quotes", [{"speaker": "Ann Chu", "quote": "Talks were hard,"}]),
])
def test_contract_queries_find_the_hand_annotated_facts(name: str, expected: list[dict[str, str]]) -> None:
    got = rows(*BOTH, "--named", name)
    for row in expected:
        assert row in got, (name, row)


# -- the domain queries ---------------------------------------------------------------------

def test_meeting_executives_lists_company_people_at_each_meeting() -> None:
    assert rows(*BOTH, "--named", "meeting-executives") == [
        {"meeting": f"{ART}harbor-talks/event/meeting-2024-03-05", "date": "2024-03-05", "person": "Tom Becker",
         "title": "CEO", "company": "Harbor Lines"},
        {"meeting": f"{ART}harbor-talks/event/meeting-2024-03-05", "date": "2024-03-05", "person": "Tom Becker",
         "title": "chief executive", "company": "Harbor Lines"},
    ]


def test_meeting_executives_joins_a_title_stated_in_another_article() -> None:
    # the talks article says "chief executive"; only the deal article says "CEO"
    titles = {r["title"] for r in rows(str(TALKS), "--named", "meeting-executives")}
    assert titles == {"chief executive"}


def test_counterparts_pairs_each_side_once_per_event() -> None:
    got = rows(*BOTH, "--named", "counterparts")
    assert [(r["party"], r["counterpart"], r["kind"], r["date"]) for r in got] == [
        ("International Dockworkers Union", "Pacific Maritime Council", "Negotiation", ""),
        ("International Dockworkers Union", "Pacific Maritime Council", "Meeting", "2024-03-05"),
        ("International Dockworkers Union", "Pacific Maritime Council", "Deal", "2024-03-18"),
    ]


def test_quotes_by_outlet_uses_the_reporting_outlet_and_lists_statements() -> None:
    got = [(r["outlet"], r["kind"], r["speaker"], r["text"][:20]) for r in rows(*BOTH, "--named", "quotes-by-outlet")]
    assert sorted(got) == sorted([
        ("Daily Ledger", "quote", "Ann Chu", "Talks were hard,"),                  # "told the Daily Ledger"
        ("Daily Ledger", "quote", "Maria Lopez", "We are closer than w"),
        ("X", "quote", "Maria Lopez", "Our members won."),                         # "posted on X"
        ("", "quote", "Tom Becker", "keeps cargo moving"),                         # no outlet, no publisher
        ("", "statement", "Tom Becker", "Harbor Lines CEO Tom"),
        ("Daily Ledger", "statement", "Sam Ortiz", "Sam Ortiz with the D"),        # his outlet ("with the ...")
    ])


def test_timeline_is_in_date_order_with_undated_events_last() -> None:
    got = rows(*BOTH, "--named", "timeline")
    assert [r["date"] for r in got] == ["2024-03-05", "2024-03-15", "2024-03-18", "2024-03-18", "", ""]
    meeting = got[0]
    assert meeting["participants"] == ("International Dockworkers Union; Maria Lopez; "
                                       "Pacific Maritime Council; Tom Becker")
    assert (meeting["kind"], meeting["status"], meeting["article"]) == ("Meeting", "occurred", "harbor-talks")


def test_articles_lists_each_article_with_its_iri_and_fact_count() -> None:
    got = rows(*BOTH, "--named", "articles")
    assert [(r["article"], r["published"], r["facts"], r["iri"]) for r in got] == [
        ("harbor-talks", "2024-03-07", "6", f"{ART}harbor-talks"),
        ("harbor-deal", "2024-03-20", "10", f"{ART}harbor-deal"),
    ]


@pytest.mark.parametrize("name, expected", [
    ("Maria Lopez", {("Role", "holds", "president, International Dockworkers Union", "Maria Lopez, IDU president"),
                     ("Meeting", "took part in", "met (2024-03-05)", "met on Tuesday"),
                     ("Quote", "said", "Our members won.", 'posted on X: "Our members won."')}),
    ("pmc", {("Role", "has member", "Ann Chu, spokesperson", "PMC spokesperson Ann Chu"),
             ("Deal", "took part in", "tentative deal (2024-03-18)", "reached a tentative deal on Monday")}),
    ("daily ledger", {("Quote", "reported", "Ann Chu: Talks were hard,",
                       '"Talks were hard," PMC spokesperson Ann Chu told the Daily Ledger'),
                      ("Role", "has member", "Sam Ortiz", "Sam Ortiz with the Daily Ledger")}),
])
def test_about_gives_every_fact_on_an_entity_with_its_evidence(name: str, expected: set[tuple[str, ...]]) -> None:
    got = rows(*BOTH, "--named", "about", "--param", f"name={name}")
    assert len({r["entity"] for r in got}) == 1
    facts = {(r["kind"], r["relation"], r["value"], r["evidence"]) for r in got}
    assert expected <= facts, facts - expected


def test_about_finds_nothing_for_an_unknown_name_and_cannot_be_injected() -> None:
    assert rows(*BOTH, "--named", "about", "--param", 'name=Nobody") } } #') == []


@pytest.mark.parametrize("args, code, words", [
    (["--named", "about"], 2, ["needs --param name=VALUE"]),
    (["--named", "about", "--param", "name=x", "--param", "who=y"], 2, ["who", "no such parameter"]),
    (["--named", "roles", "--param", "name=x"], 2, ["no such parameter"]),
    (["--named", "about", "--param", "novalue"], 2, ["NAME=VALUE"]),
    (["--named", "nope"], 4, ["no named query 'nope'", "roles"]),
])
def test_bad_parameters_are_refused_in_one_line(args: list[str], code: int, words: list[str]) -> None:
    failed(kg("query", *BOTH, *args), code, *words)


# -- output formats ---------------------------------------------------------------------------

def test_table_is_aligned_with_a_row_count() -> None:
    done = kg("query", *BOTH, "--named", "roles")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["person", "title", "organization"]
    assert set(lines[1]) == {"-", " "}
    assert lines[-1] == "(5 rows)"
    # columns line up: every row's second column starts where the header's does
    at = lines[0].index("title")
    assert all(line[at - 2:at] == "  " for line in lines[2:-1])


def test_table_cuts_long_iris_from_the_left_so_their_ends_show() -> None:
    out = kg("query", *BOTH, "--named", "events").stdout
    assert "event/vote-2024-03-15" in out


def test_json_is_sparql_results_json_with_typed_terms() -> None:
    done = kg("query", *BOTH, "-e", "SELECT ?a ?d ?n WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d ; "
                                   "schema:name ?n } ORDER BY ?d", "--format", "json")
    data = json.loads(done.stdout)
    assert data["head"]["vars"] == ["a", "d", "n"]
    first = data["results"]["bindings"][0]
    assert first["a"] == {"type": "uri", "value": f"{ART}harbor-talks"}
    assert first["d"] == {"type": "literal", "value": "2024-03-07", "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert first["n"] == {"type": "literal", "value": "harbor-talks"}


def test_tsv_and_csv_have_the_same_cells() -> None:
    c = list(csv.reader(io.StringIO(kg("query", *BOTH, "--named", "roles", "--format", "csv").stdout)))
    t = list(csv.reader(io.StringIO(kg("query", *BOTH, "--named", "roles", "--format", "tsv").stdout), delimiter="\t"))
    assert c == t and c[0] == ["person", "title", "organization"]


@pytest.mark.parametrize("fmt, yes, no", [
    ("table", "true\n", "false\n"), ("csv", "true\n", "false\n"),
    ("json", '"boolean": true', '"boolean": false'),
])
def test_ask_answers_true_or_false(fmt: str, yes: str, no: str) -> None:
    assert yes in kg("query", *BOTH, "-e", "ASK { ?p schema:name 'Ann Chu' }", "-f", fmt).stdout
    assert no in kg("query", *BOTH, "-e", "ASK { ?p schema:name 'Bob Iger' }", "-f", fmt).stdout


def test_construct_prints_turtle_with_the_project_prefixes() -> None:
    done = kg("query", *BOTH, "-e", "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }")
    assert done.returncode == 0, done.stderr
    assert "@prefix schema: <https://schema.org/> ." in done.stdout and "ns1:" not in done.stdout
    got = Graph().parse(data=done.stdout, format="turtle")
    assert len(got) == 4 and (URIRef("https://kg.example.org/id/person/ann-chu"),
                              URIRef("https://schema.org/name"), Literal("Ann Chu")) in got


def test_describe_gives_the_entity_and_nt_format_works() -> None:
    done = kg("query", *BOTH, "-e", "DESCRIBE <https://kg.example.org/id/person/tom-becker>", "-f", "nt")
    lines = done.stdout.splitlines()
    assert lines == sorted(lines) and any('<https://schema.org/name> "Tom Becker"' in line for line in lines)


def test_a_table_format_for_a_graph_result_is_refused() -> None:
    failed(kg("query", *BOTH, "-e", "CONSTRUCT WHERE { ?s a ?o }", "-f", "csv"), 2, "gives a graph", "ttl")


# -- read-only, errors -------------------------------------------------------------------------

@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }",
    "# comment first\nCLEAR ALL",
    "LOAD <http://example.org/data.ttl>",
    "DROP GRAPH <https://kg.example.org/id/article/harbor-deal>",
])
def test_updates_are_refused(update: str) -> None:
    failed(kg("query", *BOTH, "-e", update), 4, "updates are not allowed", "read-only")


@pytest.mark.parametrize("text, words", [
    ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }", ["syntax error", "line 3, column 3"]),
    ("SELECT ?s WHERE { ?s ?p ?o", ["syntax error", "line 1"]),
    ("SELECT ?s WHERE { ?s nope:p ?o }", ["unknown prefix nope:"]),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ["SERVICE is not allowed"]),
])
def test_bad_queries_say_what_is_wrong_and_where(text: str, words: list[str]) -> None:
    failed(kg("query", *BOTH, "-e", text), 4, *words)


def test_a_syntax_error_in_a_query_file_names_the_file(tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("PREFIX schema: <https://schema.org/>\nSELECT ?n WHERE {\n  ?p schema:name ?n\n  LIMIT\n}\n")
    failed(kg("query", *BOTH, str(rq)), 4, "bad.rq", "line 4")


def test_from_names_a_loaded_graph_and_never_reads_files_or_urls() -> None:
    one = rows(*BOTH, "-e", f"SELECT (COUNT(*) AS ?n) FROM <{ART}harbor-talks> WHERE {{ ?s ?p ?o }}")
    assert one == [{"n": "246"}]
    none = rows(*BOTH, "-e", "SELECT ?s FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert none == []


def test_each_article_is_a_named_graph_named_by_its_iri() -> None:
    got = rows(*BOTH, "-e", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert got == [{"g": f"{ART}harbor-deal", "n": "354"}, {"g": f"{ART}harbor-talks", "n": "246"}]


@pytest.mark.parametrize("args, code, words", [
    ([], 2, ["give a query"]),
    (["--named", "roles"], 2, ["at least one GRAPH"]),
    (["missing.ttl", "--named", "roles"], 2, ["missing.ttl", "no such graph file"]),
    (["missing.rq"], 2, ["missing.rq", "no such query file"]),
    ([str(TALKS), "--named", "roles", "-e", "ASK {}"], 2, ["give one query"]),
])
def test_usage_errors_are_one_line(args: list[str], code: int, words: list[str]) -> None:
    failed(kg("query", *args), code, *words)


def test_a_broken_graph_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .\n")
    failed(kg("query", str(bad), "--named", "roles"), 2, "bad.ttl", "not valid turtle")


def test_query_file_and_every_rdf_format_give_the_same_rows(tmp_path: Path) -> None:
    ds = Dataset()
    for p in BOTH:
        ds.graph(URIRef(ART + Path(p).stem)).parse(p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)       # inside rdflib's TriG writer
        (tmp_path / "all.trig").write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    g = Graph().parse(TALKS)
    (tmp_path / "talks.nt").write_bytes(g.serialize(format="nt", encoding="utf-8"))
    (tmp_path / "talks.jsonld").write_bytes(g.serialize(format="json-ld", encoding="utf-8"))
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name\n")
    want = rows(*BOTH, str(rq))
    assert [r["name"] for r in want] == ["Ann Chu", "Maria Lopez", "Sam Ortiz", "Tom Becker"]
    assert rows(str(tmp_path / "all.trig"), str(rq)) == want
    assert rows(str(tmp_path / "talks.nt"), str(tmp_path / "talks.jsonld"), str(DEAL), str(rq)) == want


# -- --list and the library API ------------------------------------------------------------------

def test_list_shows_every_named_query_with_description_columns_and_params() -> None:
    done = kg("query", "--list")
    assert done.returncode == 0, done.stderr
    names = sorted(p.stem for p in (Path(__file__).parent.parent / "kg" / "queries").glob("*.rq"))
    for name in names:
        assert any(line.startswith(name + " ") for line in done.stdout.splitlines()), name
    assert "columns: person, title, organization" in done.stdout
    assert "--param name=..." in done.stdout


def test_library_api_keeps_its_signatures() -> None:
    from kg.query import load_graph, named_queries, named_query, run_named

    graph = load_graph(BOTH)
    assert set(named_queries()) >= {"entities", "aliases", "roles", "events", "participants", "quotes"}
    assert named_query("roles").columns == ("person", "title", "organization")
    got = run_named(graph, "roles")
    assert {"person": "Ann Chu", "title": "spokesperson", "organization": "Pacific Maritime Council"} in got
    assert run_named(graph, "about", {"name": "IDU"})


def test_every_named_query_declares_the_columns_it_returns() -> None:
    from kg.query import load_graph, named_queries, run_named

    graph = load_graph(BOTH)
    for name, q in named_queries().items():
        assert q.description and q.columns, name
        got = run_named(graph, name, {p: "Tom Becker" for p, _ in q.params})
        assert got, f"{name} finds nothing in the fixtures"
        assert all(tuple(r) == q.columns for r in got), name


@pytest.mark.parametrize("name", ["entities", "aliases", "roles", "events", "participants", "quotes",
                                  "meeting-executives", "counterparts", "quotes-by-outlet", "timeline", "articles"])
def test_every_named_query_runs_on_the_built_seed(seed_ttl: Path, name: str) -> None:
    from kg.query import named_query

    done = kg("query", str(seed_ttl), "--named", name, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert next(csv.reader(io.StringIO(done.stdout))) == list(named_query(name).columns)


def test_about_runs_on_the_built_seed(seed_ttl: Path) -> None:
    done = kg("query", str(seed_ttl), "--named", "about", "--param", "name=WGA", "--format", "csv")
    assert done.returncode == 0, done.stderr


def test_kg_query_starts_lean() -> None:
    """Servers, HTTP clients, graph libraries and the view stay out of kg query's start-up."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "query", str(TALKS), "-n", "roles"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    heavy = {"http.server", "socketserver", "SPARQLWrapper", "networkx", "pyvis", "kg.serve", "kg.push", "kg.view"}
    assert not heavy & loaded, heavy & loaded
    assert SEED.exists()


def test_show_prints_the_query_text_with_parameters_filled_in() -> None:
    from kg.query import query_text

    done = kg("query", "--named", "about", "--param", 'name=Ann "A" Chu', "--show")
    assert done.returncode == 0, done.stderr
    assert done.stdout == query_text("about", {"name": 'Ann "A" Chu'})
    assert 'LCASE("Ann \\"A\\" Chu")' in done.stdout
