"""How ``kg evaluate`` reads: the shared scorer's table, and with ``--misses`` the facts behind it.

The numbers come from ``kg.evaluate``; this module only lays them out. A "missed" fact is in
the gold file and was not found; a "spurious" one was predicted and matches nothing in gold.
Each prints on one line, category by category in report order, missed before spurious,
gold facts in gold-file order and predicted ones in query-row order, e.g.

    entities      missed    Federal Mediation and Conciliation Service (GovernmentBody)
    events        spurious  Meeting 2024-03-05 (on Tuesday) [participants: A, B]
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .evaluate import CATEGORIES, Item

MISS_KINDS = ("missed", "spurious")
# long predicted quotes are cut for the text output (the JSON keeps them whole)
QUOTE_WIDTH = 70
MISSES_HEADING = "missed (in gold, not found) and spurious (predicted, not in gold):"


# --------------------------------------------------------------------------- scores

def format_table(result: Mapping[str, Any]) -> str:
    """The shared scorer's table: category, P, R, F1, pred, gold; then the macro F1."""
    lines = [f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}"]
    for name in CATEGORIES:
        v = result[name]
        lines.append(f"{name:<14}{v['precision']:>7.2f}{v['recall']:>7.2f}{v['f1']:>7.2f}"
                     f"{v['predicted']:>6}{v['gold']:>6}")
    lines.append(f"macro_f1 {result['macro_f1']:.3f}")
    return "\n".join(lines) + "\n"


def format_set_table(result: Mapping[str, Any]) -> str:
    """One line per article (its macro F1), then the table of counts summed over the set."""
    articles = result["articles"]
    width = max([len(a) for a in articles] + [8])
    lines = [f"{stem:<{width}}  macro_f1 {s['macro_f1']:.3f}" for stem, s in articles.items()]
    lines.append(f"\n{len(articles)} article{'s' if len(articles) != 1 else ''}, counts summed (micro):")
    return "\n".join(lines) + "\n" + format_table(result["total"])


# --------------------------------------------------------------------------- one fact per line

def _clip(text: str, width: int = QUOTE_WIDTH) -> str:
    if len(text) <= width:
        return text
    cut = text[: width - 3]
    # end on a whole word when there is one to end on
    return (cut.rsplit(" ", 1)[0] if " " in cut.strip() else cut).rstrip() + "..."


def _entity(item: Item) -> str:
    return f"{item['name']} ({item['type'] or 'untyped'})"


def _alias(item: Item) -> str:
    return f"{item['name']}: alias \"{item['alias']}\""


def _role(item: Item) -> str:
    # appositive order, as a news story would write it: "Jane Roe, president, Acme Corp"
    return ", ".join(v for v in (item["person"], item["title"], item["organization"]) if v)


def _affiliation(item: Item) -> str:
    return f"{item['person']}, {item['organization']}"


def _event(item: Item) -> str:
    words = ["planned"] if item.get("status") == "planned" else []
    words += [item["kind"], item["date"] or "undated"]
    if item.get("date_text"):
        words.append(f"({item['date_text']})")
    if item.get("text"):                                   # gold events name their trigger words
        words.append(f"\"{item['text']}\"")
    if item.get("participants"):
        words.append(f"[participants: {', '.join(item['participants'])}]")
    return " ".join(words)


def _participant(item: Item) -> str:
    return f"{item['participant']} in {_event(item)}"


def _quote(item: Item) -> str:
    if "starts_with" in item:                              # gold gives only the opening words
        return f"{item['speaker']}: \"{item['starts_with']}...\""
    return f"{item['speaker']}: \"{_clip(item['quote'])}\""


DESCRIBE: dict[str, Callable[[Item], str]] = {
    "entities": _entity, "entity_types": _entity, "aliases": _alias, "roles": _role,
    "affiliations": _affiliation, "events": _event, "participants": _participant,
    "event_dates": _event, "quotes": _quote,
}


def describe(category: str, item: Item) -> str:
    """One fact of ``category`` as a line of text, with its note (why it did not match) last."""
    text = DESCRIBE[category](item)
    return f"{text} [{item['note']}]" if item.get("note") else text


def miss_lines(misses: Mapping[str, Mapping[str, Sequence[Item]]]) -> list[str]:
    """``  <category> missed|spurious  <fact>`` for every fact of a "misses" object."""
    return [f"  {category:<14}{kind:<10}{describe(category, item)}"
            for category in CATEGORIES for kind in MISS_KINDS
            for item in misses.get(category, {}).get(kind, ())]


def format_misses(result: Mapping[str, Any]) -> str:
    """The misses section printed after one article's table (its result must carry "misses")."""
    lines = miss_lines(result["misses"]) or ["  nothing missed, nothing spurious"]
    return "\n" + MISSES_HEADING + "\n" + "\n".join(lines) + "\n"


def format_set_misses(result: Mapping[str, Any]) -> str:
    """The misses section printed after a set's table: each article's facts under its name."""
    lines = ["", MISSES_HEADING]
    for stem, score in result["articles"].items():
        facts = miss_lines(score["misses"])
        lines += [f"{stem}:", *facts] if facts else [f"{stem}: nothing missed, nothing spurious"]
    return "\n".join(lines) + "\n"
