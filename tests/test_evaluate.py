"""``kg.evaluate`` and ``kg evaluate``: the scorer's matching rules, the gold data, and the
extraction scores on the seed article and the dev set (tests/data/README.md)."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import DATA, SEED, kg
from kg.errors import InputError
from kg.evaluate import CATEGORIES, check_gold, count, evaluate_set, match, misses_of, norm, report, score, total
from kg.evaluate_report import describe, format_misses, format_set_table, format_table, miss_lines

DEV = DATA / "dev"
SEED_GOLD = DATA / "seed.gold.json"

GOLD: dict[str, Any] = {
    "article": "t.txt",
    "published": "2024-03-08",
    "entities": [
        {"name": "Animation Artists Guild", "aliases": ["AAG"], "type": "Guild"},
        {"name": "Brightwater Animation", "aliases": ["Brightwater"], "type": "Company"},
        {"name": "Gwen Halvorsen", "aliases": ["Halvorsen"], "type": "Person"},
    ],
    "roles": [
        {"person": "Gwen Halvorsen", "title": "chairman", "organization": "Brightwater Animation"},
        {"person": "Gwen Halvorsen", "title": "chief executive officer", "organization": "Brightwater Animation"},
    ],
    "events": [
        {"kind": "Meeting", "text": "met", "date": "2024-03-07", "date_text": "Thursday",
         "participants": ["Animation Artists Guild", "Gwen Halvorsen"]},
        {"kind": "Strike", "text": "went on strike", "date": None, "date_text": None,
         "participants": ["Animation Artists Guild"]},
    ],
    "quotes": [{"speaker": "Gwen Halvorsen", "starts_with": "We want a deal that keeps"}],
}


def perfect_rows() -> dict[str, list[dict[str, str]]]:
    """The rows a perfect extraction of GOLD would give."""
    return {
        "entities": [{"name": e["name"], "type": e["type"]} for e in GOLD["entities"]],
        "aliases": [{"name": e["name"], "alias": a} for e in GOLD["entities"] for a in e["aliases"]],
        "roles": [{"person": r["person"], "title": r["title"], "organization": r["organization"]}
                  for r in GOLD["roles"]],
        "events": [{"event": f"e{i}", "kind": e["kind"], "date": e["date"] or "", "date_text": e["date_text"] or "",
                    "status": "occurred"} for i, e in enumerate(GOLD["events"])],
        "participants": [{"event": f"e{i}", "kind": e["kind"], "participant": p}
                         for i, e in enumerate(GOLD["events"]) for p in e["participants"]],
        "quotes": [{"speaker": "Gwen Halvorsen", "quote": "We want a deal that keeps this work in California."}],
    }


def f1s(result: dict[str, Any]) -> dict[str, float]:
    return {c: result[c]["f1"] for c in CATEGORIES}


# --------------------------------------------------------------------------- matching rules

def test_perfect_rows_score_one_everywhere() -> None:
    result = score(GOLD, perfect_rows())
    assert f1s(result) == {c: 1.0 for c in CATEGORIES}
    assert result["macro_f1"] == 1.0


def test_a_missing_entity_lowers_recall_not_precision() -> None:
    rows = perfect_rows()
    rows["entities"] = [r for r in rows["entities"] if r["name"] != "Brightwater Animation"]
    ents = score(GOLD, rows)["entities"]
    assert (ents["precision"], ents["recall"], ents["predicted"], ents["gold"]) == (1.0, 0.667, 2, 3)


def test_a_wrong_type_lowers_entity_types_only() -> None:
    rows = perfect_rows()
    rows["entities"][1]["type"] = "TradeAssociation"
    result = score(GOLD, rows)
    assert result["entities"]["f1"] == 1.0
    assert result["entity_types"]["precision"] == result["entity_types"]["recall"] == 0.667


@pytest.mark.parametrize("type_", ["Union", "Guild"])
def test_guild_and_union_are_one_type_family(type_: str) -> None:
    rows = perfect_rows()
    rows["entities"][0]["type"] = type_
    assert score(GOLD, rows)["entity_types"]["f1"] == 1.0


@pytest.mark.parametrize("name", ["AAG", "the Animation Artists Guild", "ANIMATION ARTISTS GUILD"])
def test_an_alias_or_a_loose_form_names_the_gold_entity(name: str) -> None:
    rows = perfect_rows()
    rows["entities"][0]["name"] = name
    assert score(GOLD, rows)["entities"]["f1"] == 1.0


@pytest.mark.parametrize(("titles", "precision", "recall"), [
    (["chairman and chief executive officer"], 1.0, 1.0),      # one row, two titles
    (["chairman, chief executive officer"], 1.0, 1.0),
    (["chairman & chief executive officer"], 1.0, 1.0),
    (["chairman"], 1.0, 0.5),
    (["chairman", "president"], 0.5, 0.5),
    ([""], 0.0, 0.0),                                           # an affiliation without a title
])
def test_compound_titles_split_into_roles(titles: list[str], precision: float, recall: float) -> None:
    rows = perfect_rows()
    rows["roles"] = [{"person": "Halvorsen", "title": t, "organization": "Brightwater"} for t in titles]
    result = score(GOLD, rows)
    assert (result["roles"]["precision"], result["roles"]["recall"]) == (precision, recall)
    assert result["affiliations"]["f1"] == 1.0


@pytest.mark.parametrize(("speaker", "quote", "hit"), [
    ("Gwen Halvorsen", "We want a deal that keeps this work in California.", True),
    ("Halvorsen", "we want a deal that keeps", True),                          # alias, case
    ("Gwen Halvorsen", "the studios \u201cwant a deal\u201d: We want a deal that keeps", True),  # a short lead-in
    ("Gwen Halvorsen", "x" * 45 + " We want a deal that keeps", False),        # the words start too late
    ("Gwen Halvorsen", "We want a deal", False),                               # shorter than the gold words
    ("Animation Artists Guild", "We want a deal that keeps this work", False),  # wrong speaker
])
def test_quotes_match_by_speaker_and_prefix(speaker: str, quote: str, hit: bool) -> None:
    rows = perfect_rows()
    rows["quotes"] = [{"speaker": speaker, "quote": quote}]
    assert score(GOLD, rows)["quotes"]["f1"] == (1.0 if hit else 0.0)


def test_meeting_and_negotiation_pair_and_dates_score_apart() -> None:
    rows = perfect_rows()
    rows["events"][0].update(kind="Negotiation", date="2024-03-06")
    result = score(GOLD, rows)
    assert result["events"]["f1"] == result["participants"]["f1"] == 1.0
    assert (result["event_dates"]["precision"], result["event_dates"]["recall"]) == (0.0, 0.0)


def test_an_event_of_another_kind_does_not_pair() -> None:
    rows = perfect_rows()
    rows["events"][1]["kind"] = "Vote"
    result = score(GOLD, rows)
    assert (result["events"]["precision"], result["events"]["recall"]) == (0.5, 0.5)
    assert result["participants"]["recall"] == 0.667


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    empty_gold = {**GOLD, "entities": [], "roles": [], "events": [], "quotes": []}
    empty_rows: dict[str, list[dict[str, str]]] = {}
    assert score(empty_gold, empty_rows)["macro_f1"] == 1.0
    assert score(GOLD, empty_rows)["macro_f1"] == 0.0


def test_micro_total_sums_counts_across_articles() -> None:
    half = perfect_rows()
    half["entities"] = half["entities"][:1]
    both = total([count(GOLD, perfect_rows()), count(GOLD, half)])
    summed = report(both)["entities"]
    assert (summed["predicted"], summed["gold"], summed["recall"]) == (4, 6, 0.667)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Writers\u2019 Guild of America", "writers guild of america"),
    ("Movieguide\u00ae", "movieguide"),
    ("Carmen Ib\u00e1\u00f1ez", "carmen ibanez"),
    ("ACP-UTW", "acp utw"),
    (None, ""),
])
def test_norm_folds_case_accents_quotes_and_punctuation(text: str | None, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(("change", "message"), [
    (lambda g: g.pop("quotes"), "no 'quotes' list"),
    (lambda g: g["entities"][1].pop("type"), "entities[1] lacks 'type'"),
    (lambda g: g["events"][0].pop("participants"), "events[0] lacks 'participants'"),
])
def test_malformed_gold_is_refused_with_where(change: Any, message: str) -> None:
    gold = copy.deepcopy(GOLD)
    change(gold)
    with pytest.raises(InputError, match=re.escape(message)):
        score(gold, perfect_rows())


# --------------------------------------------------------------------------- --misses

def with_extra_entity(gold: dict[str, Any]) -> dict[str, Any]:
    gold["entities"].append({"name": "Federal Mediation and Conciliation Service", "aliases": [],
                             "type": "GovernmentBody"})
    return gold


def with_extra_quote(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["quotes"].append({"speaker": "Animation Artists Guild", "quote": "Our members are ready to walk out."})
    return rows


def retyped(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["entities"][1]["type"] = "TradeAssociation"
    return rows


def redated(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["events"][0].update(date="2024-03-06", date_text="Wednesday")
    return rows


def revoted(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["events"][1]["kind"] = "Vote"
    return rows


def extra_participant(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["participants"].append({"event": "e1", "kind": "Strike", "participant": "Brightwater"})
    return rows


def one_title(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["roles"] = [{"person": "Halvorsen", "title": "chairman and president", "organization": "Brightwater"}]
    return rows


def no_alias(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    rows["aliases"] = [r for r in rows["aliases"] if r["alias"] != "AAG"]
    return rows


def unchanged(x: Any) -> Any:
    return x


MEETING = 'Meeting 2024-03-07 (Thursday) "met"'
# (change the gold, change the rows, the lines --misses prints: everything else matched)
MISSES = [
    (unchanged, unchanged, []),
    (with_extra_entity, unchanged, [
        "  entities      missed    Federal Mediation and Conciliation Service (GovernmentBody)",
        "  entity_types  missed    Federal Mediation and Conciliation Service (GovernmentBody)"]),
    (unchanged, with_extra_quote, [
        '  quotes        spurious  Animation Artists Guild: "Our members are ready to walk out."']),
    (unchanged, retyped, [
        "  entity_types  missed    Brightwater Animation (Company) [predicted TradeAssociation]",
        "  entity_types  spurious  Brightwater Animation (TradeAssociation) [gold type Company]"]),
    (unchanged, no_alias, ['  aliases       missed    Animation Artists Guild: alias "AAG"']),
    (unchanged, one_title, [
        "  roles         missed    Gwen Halvorsen, chief executive officer, Brightwater Animation",
        "  roles         spurious  Halvorsen, president, Brightwater"]),
    (unchanged, redated, [
        f"  event_dates   missed    {MEETING} [predicted 2024-03-06]",
        "  event_dates   spurious  Meeting 2024-03-06 (Wednesday) [gold 2024-03-07]"]),
    (unchanged, revoted, [
        '  events        missed    Strike undated "went on strike" [participants: Animation Artists Guild]',
        "  events        spurious  Vote undated [participants: Animation Artists Guild]",
        '  participants  missed    Animation Artists Guild in Strike undated "went on strike"',
        "  participants  spurious  Animation Artists Guild in Vote undated"]),
    (unchanged, extra_participant, ["  participants  spurious  Brightwater in Strike undated"]),
]


@pytest.mark.parametrize(("change_gold", "change_rows", "lines"), MISSES,
                         ids=lambda f: getattr(f, "__name__", ""))
def test_misses_list_each_gold_fact_missed_and_each_spurious_prediction(change_gold: Any, change_rows: Any,
                                                                          lines: list[str]) -> None:
    gold, rows = change_gold(copy.deepcopy(GOLD)), change_rows(perfect_rows())
    assert miss_lines(misses_of(match(gold, rows))) == lines


def test_a_gold_entity_listed_twice_is_found_once() -> None:
    gold = copy.deepcopy(GOLD)
    gold["entities"].append(dict(gold["entities"][0]))
    result = score(gold, perfect_rows())
    assert (result["entities"]["recall"], result["entities"]["gold"]) == (0.75, 4)
    assert miss_lines(misses_of(match(gold, perfect_rows())))[0] == \
        "  entities      missed    Animation Artists Guild (Guild)"


@pytest.mark.parametrize(("category", "item", "line"), [
    ("entities", {"name": "Gwen Halvorsen", "type": ""}, "Gwen Halvorsen (untyped)"),
    ("roles", {"person": "Mayor Ann Roe", "title": "mayor", "organization": ""}, "Mayor Ann Roe, mayor"),
    ("affiliations", {"person": "Ann Roe", "organization": "CNBC"}, "Ann Roe, CNBC"),
    ("events", {"kind": "Vote", "date": "2024-04", "date_text": "in April", "status": "planned",
                "event": "https://kg.example.org/e", "participants": ["AAG"]},
     "planned Vote 2024-04 (in April) [participants: AAG]"),
    ("quotes", {"speaker": "Gwen Halvorsen", "starts_with": "We want"}, 'Gwen Halvorsen: "We want..."'),
    ("quotes", {"speaker": "AAG", "quote": "word " * 20}, 'AAG: "' + ("word " * 13).strip() + '..."'),  # cut at a word
])
def test_each_fact_reads_on_one_line(category: str, item: dict[str, Any], line: str) -> None:
    assert describe(category, item) == line


def test_nothing_missed_says_so() -> None:
    result = {**score(GOLD, perfect_rows()), "misses": misses_of(match(GOLD, perfect_rows()))}
    assert format_misses(result).splitlines()[-1] == "  nothing missed, nothing spurious"


# --------------------------------------------------------------------------- the gold data

GOLD_FILES = sorted(DEV.glob("*.gold.json"))


def test_the_dev_set_has_at_least_ten_articles_with_gold() -> None:
    assert len(GOLD_FILES) >= 10
    assert all(g.with_name(g.name.replace(".gold.json", ".txt")).is_file() for g in GOLD_FILES)


@pytest.mark.parametrize("gold_path", [*GOLD_FILES, SEED_GOLD], ids=lambda p: p.name)
def test_gold_files_are_consistent(gold_path: Path) -> None:
    """Every name, alias and quote in a gold file is in its article; every reference resolves."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    check_gold(gold, str(gold_path))
    article = SEED if gold_path == SEED_GOLD else gold_path.with_name(gold["article"])
    text = article.read_text(encoding="utf-8")
    if gold_path != SEED_GOLD:
        assert text.startswith(f"# published: {gold['published']}\n")
    names = {e["name"] for e in gold["entities"]}
    assert len(names) == len(gold["entities"]), "two gold entities share a name"
    missing = [f for e in gold["entities"] for f in (e["name"], *e["aliases"]) if f not in text]
    assert not missing, f"forms not in {article.name}: {missing}"
    refs = ([r["person"] for r in gold["roles"]] + [r["organization"] for r in gold["roles"] if r["organization"]]
            + [p for e in gold["events"] for p in e["participants"]] + [q["speaker"] for q in gold["quotes"]])
    assert not set(refs) - names, f"references to no gold entity: {set(refs) - names}"
    unquoted = [q["starts_with"] for q in gold["quotes"] if norm(q["starts_with"]) not in norm(text)]
    assert not unquoted, f"quotes not in {article.name}: {unquoted}"


# --------------------------------------------------------------------------- the CLI

@pytest.mark.parametrize(("args", "message"), [
    (["missing.ttl", str(SEED_GOLD)], "missing.ttl: no such graph file"),
    ([str(SEED), "missing.gold.json"], "missing.gold.json: no such gold file"),
    ([str(SEED), str(SEED)], "not valid JSON"),
    (["--set", str(DATA / "nowhere")], "nowhere: no such folder"),
    (["--set", str(DATA)], "no article <name>.txt with a <name>.gold.json beside it"),
    ([str(SEED)], "give a graph (or article) and its gold file"),
])
def test_cli_errors_are_one_line(args: list[str], message: str) -> None:
    done = kg("evaluate", *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize(("minimum", "exit_code"), [(0.5, 0), (0.75, 1)])
def test_cli_min_macro_fails_below_the_bar(monkeypatch: pytest.MonkeyPatch, minimum: float, exit_code: int) -> None:
    from kg.cli import main

    canned = report(total([count(GOLD, perfect_rows()), count(GOLD, {})]))   # macro F1 about 0.67
    monkeypatch.setattr("kg.evaluate.evaluate_file", lambda *a, **k: canned)
    result = CliRunner().invoke(main, ["evaluate", "g.ttl", "gold.json", "--min-macro", str(minimum)])
    assert result.exit_code == exit_code
    assert result.output.splitlines()[0].split() == ["category", "P", "R", "F1", "pred", "gold"]
    assert f"macro_f1 {canned['macro_f1']:.3f}" in result.output


def test_cli_set_reports_every_article_and_the_summed_gold() -> None:
    done = kg("evaluate", "--set", str(DEV), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert sorted(result["articles"]) == sorted(g.name[: -len(".gold.json")] for g in GOLD_FILES)
    assert result["total"]["entities"]["gold"] == sum(
        len(json.loads(g.read_text(encoding="utf-8"))["entities"]) for g in GOLD_FILES)


@pytest.fixture(scope="module")
def seed_gold_changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed gold with one entity more and the "real discussions" quote left out."""
    gold = with_extra_entity(json.loads(SEED_GOLD.read_text(encoding="utf-8")))
    gold["quotes"] = [q for q in gold["quotes"] if q["starts_with"] != "real discussions"]
    path = tmp_path_factory.mktemp("gold") / "seed.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_cli_misses_prints_the_table_then_what_went_wrong(seed_ttl: Path, seed_gold_changed: Path) -> None:
    plain = kg("evaluate", str(seed_ttl), str(seed_gold_changed))
    done = kg("evaluate", str(seed_ttl), str(seed_gold_changed), "--misses")
    assert plain.returncode == done.returncode == 0, done.stderr
    assert done.stdout.startswith(plain.stdout)             # the same numbers, then the misses
    section = done.stdout[len(plain.stdout):].splitlines()
    assert section[:3] == ["", "missed (in gold, not found) and spurious (predicted, not in gold):",
                           "  entities      missed    Federal Mediation and Conciliation Service (GovernmentBody)"]
    assert any(line.startswith('  quotes        spurious  Writers Guild of America: "real discussions')
               for line in section), section
    assert "missed" not in plain.stdout


def test_cli_json_misses_carries_the_facts_and_the_same_scores(seed_ttl: Path, seed_gold_changed: Path) -> None:
    plain = kg("evaluate", str(seed_ttl), str(seed_gold_changed), "--format", "json")
    done = kg("evaluate", str(seed_ttl), str(seed_gold_changed), "--format", "json", "--misses")
    assert plain.returncode == done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    misses = result.pop("misses")
    assert result == json.loads(plain.stdout)
    assert list(misses) == list(CATEGORIES)
    assert misses["entities"] == {"missed": [{"name": "Federal Mediation and Conciliation Service",
                                              "type": "GovernmentBody"}], "spurious": []}
    assert [q["quote"] for q in misses["quotes"]["spurious"]] == ["real discussions"]
    assert result["quotes"]["precision"] < 1.0 and result["entities"]["recall"] < 1.0


def test_cli_set_misses_heads_each_article_with_its_name(tmp_path: Path) -> None:
    """Two articles: one scored against gold with an extra entity, one against its own gold."""
    names = ["calder-umw-tentative-deal", "crestline-nurses-strike"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text((DEV / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
        gold = json.loads((DEV / f"{name}.gold.json").read_text(encoding="utf-8"))
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(with_extra_entity(gold) if name == names[0] else gold),
                                                     encoding="utf-8")
    plain = kg("evaluate", "--set", str(tmp_path))
    done = kg("evaluate", "--set", str(tmp_path), "--misses")
    as_json = kg("evaluate", "--set", str(tmp_path), "--misses", "--format", "json")
    assert plain.returncode == done.returncode == as_json.returncode == 0, done.stderr
    assert done.stdout.startswith(plain.stdout)
    section = done.stdout[len(plain.stdout):].splitlines()
    heads = [line for line in section[2:] if not line.startswith("  ")]
    assert [h.split(":")[0] for h in heads] == names
    first = section[section.index(heads[0]) + 1: section.index(heads[1])]
    assert "  entities      missed    Federal Mediation and Conciliation Service (GovernmentBody)" in first
    articles = json.loads(as_json.stdout)["articles"]
    assert {"name": "Federal Mediation and Conciliation Service", "type": "GovernmentBody"} \
        in articles[names[0]]["misses"]["entities"]["missed"]
    assert not any(m["name"].startswith("Federal Mediation") for m in articles[names[1]]["misses"]["entities"]["missed"])


def test_table_without_misses_is_the_scorers_table() -> None:
    result = score(GOLD, retyped(perfect_rows()))
    assert format_table(result).splitlines()[2] == "entity_types     0.67   0.67   0.67     3     3"
    assert "missed" not in format_table(result)


# --------------------------------------------------------------------------- extraction quality

def test_seed_scores_end_to_end_through_the_cli(seed_ttl: Path) -> None:
    """kg build (the session's seed build) then kg evaluate, as a user would."""
    done = kg("evaluate", str(seed_ttl), str(SEED_GOLD), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    table = ", ".join(f"{c} {result[c]['f1']:.2f}" for c in CATEGORIES)
    assert result["macro_f1"] >= 0.85, f"seed macro_f1 {result['macro_f1']:.3f} < 0.85 ({table})"
    assert result["entities"]["f1"] >= 0.95, table
    assert result["affiliations"]["f1"] >= 0.95, table
    assert result["quotes"]["f1"] >= 0.85, table


def test_dev_set_macro_f1() -> None:
    """The extraction target on articles it was not written for (see tests/data/README.md).

    Expected to fail while extraction does not yet generalise; the message carries the
    per-article and per-category scores for the engineers working on it.
    """
    result = evaluate_set(DEV)
    macro = result["total"]["macro_f1"]
    assert macro >= 0.85, (f"DEV SET: macro_f1 {macro:.3f} < 0.85 -- extraction does not yet generalise "
                           f"beyond the seed; scores follow.\n{format_set_table(result)}")
