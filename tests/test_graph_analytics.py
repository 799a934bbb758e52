"""`kg stats` and `kg path` through the real CLI, on the hand-annotated story and on the seed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import kg
from kg.view.sample import Annotator, story_graph


@pytest.fixture(scope="module")
def story_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.ttl"
    story_graph().serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def lonely_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second article whose people share nothing with the story (another component)."""
    a = Annotator("Bakers Talk\n\nBaker Ann Holt met miller Joe Pratt on Friday.\n", stem="bakers")
    holt = a.entity("ann-holt", "Ann Holt", "Person")
    pratt = a.entity("joe-pratt", "Joe Pratt", "Person")
    a.event("Meeting", "met", [holt, pratt], "Baker Ann Holt met miller Joe Pratt on Friday")
    path = tmp_path_factory.mktemp("lonely") / "bakers.ttl"
    a.graph().serialize(path, format="turtle")
    return path


def test_stats_counts_by_type_and_ranks_the_most_connected(story_ttl: Path) -> None:
    done = kg("stats", str(story_ttl), "--format", "json")
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    assert (s["nodes"], s["edges"], s["articles"]) == (11, 12, 1)
    assert s["by_type"] == {"Person": 3, "Union": 1, "Company": 1, "TradeAssociation": 1, "MediaOutlet": 1,
                            "Meeting": 1, "Negotiation": 1, "Strike": 1, "Quote": 1}
    people = s["most_connected"]["people"]
    assert people[0] == {"name": "Maria Lopez", "type": "Person", "degree": 3, "betweenness": pytest.approx(0.5222, abs=1e-3)}
    assert s["most_connected"]["organizations"][0]["name"] == "Riverside Nurses Union"
    assert s["components"] == {"count": 1, "sizes": [11], "largest": [s["components"]["largest"][0]]}


def test_stats_text_names_the_components(story_ttl: Path, lonely_ttl: Path) -> None:
    done = kg("stats", str(story_ttl), str(lonely_ttl), "--top", "2")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("14 nodes, 14 links, 2 articles")
    assert "Most connected people:" in out and "Most connected organizations:" in out
    assert "Connected components: 2 (sizes 11, 3)" in out
    assert "2. Ann Holt, Joe Pratt, Meeting (Friday)" in out or "2. Ann Holt, Joe Pratt, Meeting: met" in out
    # --top 2 lists two people
    people = out.split("Most connected people:")[1].split("\n\n")[0].strip().splitlines()
    assert len(people) == 3          # header + 2 rows


@pytest.mark.parametrize(("a", "b", "steps"), [
    ("Alan Brooks", "Maria Lopez", [("Alan Brooks", "attended", "Meeting 2024-03-05"),
                                    ("Maria Lopez", "attended", "Meeting 2024-03-05")]),
    ("RNU", "mercy health", [("Mercy Health System", "negotiated with", "Riverside Nurses Union")]),
    ("Tom Reed", "Springfield Ledger", [("Tom Reed", "attended", "Meeting 2024-03-05"),
                                        ("Maria Lopez", "attended", "Meeting 2024-03-05"),
                                        ("Maria Lopez", "said", "“We are ready to reach a fair deal,”"),
                                        ("“We are ready to reach a fair deal,”", "reported by", "Springfield Ledger")]),
])
def test_path_is_the_shortest_chain_of_facts_with_evidence(story_ttl: Path, a: str, b: str,
                                                            steps: list[tuple[str, str, str]]) -> None:
    done = kg("path", str(story_ttl), a, b, "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [(s["source"], s["label"], s["target"]) for s in out["steps"]] == steps
    for s in out["steps"]:
        assert s["headline"] == "Riverside Nurses Union and Mercy Health Resume Talks"
        assert s["words"] and s["words"] in s["sentence"]


def test_path_text_shows_each_step_with_its_sentence(story_ttl: Path) -> None:
    done = kg("path", str(story_ttl), "Alan Brooks", "Mercy Health System")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Alan Brooks → Mercy Health System: 1 step",
        "1. Alan Brooks —CEO of→ Mercy Health System",
        "   ▸ Mercy Health CEO Alan Brooks and RNU president Maria Lopez attended a meeting in Springfield on Tuesday.",
        "     — Riverside Nurses Union and Mercy Health Resume Talks",
    ]


@pytest.mark.parametrize(("args", "code", "words"), [
    (["Alan Brooks", "Nobody Atall"], 2, ["no person, organization or event called 'Nobody Atall'"]),
    (["Alan Brokes", "RNU"], 2, ["did you mean 'Alan Brooks'"]),
    (["e", "RNU"], 2, ["matches", "be more specific"]),
    (["Alan Brooks", "Ann Holt"], 1, ["no chain of facts links 'Alan Brooks' and 'Ann Holt'"]),
])
def test_path_errors_are_one_line(story_ttl: Path, lonely_ttl: Path, args: list[str], code: int,
                                  words: list[str]) -> None:
    done = kg("path", str(story_ttl), str(lonely_ttl), *args)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    line = done.stderr.strip()
    assert "\n" not in line and line.startswith("kg: error: ")
    for w in words:
        assert w in line


def test_path_needs_a_graph_and_two_names(story_ttl: Path) -> None:
    done = kg("path", str(story_ttl), "Alan Brooks")
    assert done.returncode == 2 and "kg path GRAPH" in done.stderr


def test_stats_on_the_seed_agree_with_its_projection(seed_ttl: Path) -> None:
    from kg.query import load_graph
    from kg.view.projection import project

    proj = project(load_graph([seed_ttl]))
    done = kg("stats", str(seed_ttl), "-f", "json")
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    assert s["nodes"] == len(proj.nodes) and s["edges"] == len(proj.edges)
    assert sum(s["by_type"].values()) == len(proj.nodes)
    assert sum(s["components"]["sizes"]) == len(proj.nodes)
    ranked = s["most_connected"]["people"] + s["most_connected"]["organizations"]
    assert all(r["degree"] >= 0 and 0 <= r["betweenness"] <= 1 for r in ranked)
