"""Score extracted facts against gold facts: precision, recall and F1 per category.

The categories and matching rules are those of the shared scorer that measures ``kg``
(``../shared/eval/score.py``), so a number printed here is the number it would print;
this module only reads rows through the library instead of the command line.

    entities      a predicted name that resolves (by name or alias) to a gold entity
    entity_types  ... and whose type is in the gold type's family (Guild and Union are one)
    aliases       (entity, alias) pairs
    roles         (person, title part, organization); "chairman and CEO" is two parts
    affiliations  (person, organization) pairs, whatever the title
    events        gold and predicted events paired one to one, same kind family (Meeting and
                  Negotiation are one), greedily by shared participants plus one for the same date
    participants  participants shared by paired events
    event_dates   paired events with the same date (YYYY-MM-DD or YYYY-MM)
    quotes        same speaker, and the gold words begin the predicted quote
    macro_f1      the mean F1 over every category but aliases

Gold files follow the schema of ``tests/data/seed.gold.json`` (see ``tests/data/README.md``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

Row = Mapping[str, str]
Rows = Mapping[str, Sequence[Row]]
Gold = Mapping[str, Any]

NAMED = ("entities", "aliases", "roles", "events", "participants", "quotes")
# report order (the shared scorer's), and the categories the macro F1 averages
CATEGORIES = ("entities", "entity_types", "aliases", "roles", "affiliations", "events",
              "participants", "event_dates", "quotes")
MACRO_CATEGORIES = ("entities", "entity_types", "affiliations", "roles", "events",
                    "participants", "event_dates", "quotes")
# news wording does not separate a guild from a union, nor a bargaining session from a meeting
TYPE_FAMILY = {"Guild": "Union"}
KIND_FAMILY = {"Meeting": "Talks", "Negotiation": "Talks"}
# the keys each gold record must have (values may be null where the schema allows)
GOLD_FIELDS = {
    "entities": ("name", "type"),
    "roles": ("person", "title", "organization"),
    "events": ("kind", "participants"),
    "quotes": ("speaker", "starts_with"),
}
# a gold quote matches when its words appear within this many characters of the quote's start
QUOTE_SLACK = 40


# --------------------------------------------------------------------------- counting

@dataclass(frozen=True)
class Counts:
    """Matches counted on each side: precision uses the predicted side, recall the gold side.

    The two sides can differ: two predicted entities may resolve to one gold entity.
    """

    matched_pred: int
    predicted: int
    matched_gold: int
    gold: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched_pred + other.matched_pred, self.predicted + other.predicted,
                      self.matched_gold + other.matched_gold, self.gold + other.gold)

    @property
    def precision(self) -> float:
        # predicting nothing is perfectly precise only when there was nothing to find
        if not self.predicted:
            return 0.0 if self.gold else 1.0
        return self.matched_pred / self.predicted

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The scorer's record: precision, recall and F1 rounded to 3 places, and both sizes."""
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "predicted": self.predicted, "gold": self.gold}


def one_to_one(matched: int, predicted: int, gold: int) -> Counts:
    """Counts for a category whose matches are one-to-one (the same number on both sides)."""
    return Counts(matched, predicted, matched, gold)


def norm(text: str | None) -> str:
    """Compare names and words loosely: case, accents, curly quotes, punctuation, a leading
    'the' and a possessive 's do not matter ("The Writers’ Guild" == "writers guild")."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def title_parts(title: str | None) -> set[str]:
    """A compound title's parts: "chairman and chief content officer" -> two titles."""
    parts = re.split(r",| and |&|/", (title or "").replace("\u2019", "'"), flags=re.I)
    return {norm(p) for p in parts if norm(p)}


class Resolver:
    """Maps a surface form to the gold entity it names, by canonical name or any alias."""

    def __init__(self, gold: Gold) -> None:
        self.by_form: dict[str, str] = {}
        self.type_of: dict[str, str] = {}
        for ent in gold["entities"]:
            self.type_of[ent["name"]] = ent["type"]
            for form in (ent["name"], *(ent.get("aliases") or ())):
                self.by_form.setdefault(norm(form), ent["name"])

    def __call__(self, surface: str | None) -> str | None:
        """The gold name ``surface`` stands for, or None when it names no gold entity."""
        return self.by_form.get(norm(surface))

    def key(self, surface: str | None) -> str:
        """The gold name when there is one, else the normalised form (an unmatched key)."""
        return self(surface) or norm(surface)


def count(gold: Gold, rows: Rows) -> dict[str, Counts]:
    """Match predicted rows (the six named queries) against gold facts, per category."""
    check_gold(gold)
    names = Resolver(gold)
    out: dict[str, Counts] = {}
    out["entities"], out["entity_types"] = entity_counts(gold, _rows(rows, "entities"), names)
    out["aliases"] = alias_counts(gold, _rows(rows, "aliases"), names)
    out["roles"] = role_counts(gold, _rows(rows, "roles"), names)
    out["affiliations"] = affiliation_counts(gold, _rows(rows, "roles"), names)
    out.update(event_counts(gold, _rows(rows, "events"), _rows(rows, "participants"), names))
    out["quotes"] = quote_counts(gold, _rows(rows, "quotes"), names)
    return out


def _rows(rows: Rows, name: str) -> Sequence[Row]:
    return rows.get(name) or ()


def entity_counts(gold: Gold, rows: Iterable[Row], names: Resolver) -> tuple[Counts, Counts]:
    """(entities, entity_types): predicted names are deduplicated by their normalised form."""
    def family(t: str | None) -> str:
        return TYPE_FAMILY.get(t or "", t or "")

    predicted: dict[str, Row] = {}
    for r in rows:
        predicted.setdefault(norm(r.get("name")), r)
    found, typed = 0, 0
    found_gold: set[str] = set()
    typed_gold: set[str] = set()
    for r in predicted.values():
        g = names(r.get("name"))
        if g is None:
            continue
        found += 1
        found_gold.add(g)
        if family(r.get("type")) == family(names.type_of[g]):
            typed += 1
            typed_gold.add(g)
    n_gold = len(gold["entities"])
    return (Counts(found, len(predicted), len(found_gold), n_gold),
            Counts(typed, len(predicted), len(typed_gold), n_gold))


def alias_counts(gold: Gold, rows: Iterable[Row], names: Resolver) -> Counts:
    """(entity, alias) pairs; an alias equal to its entity's name is not an alias."""
    gold_pairs = {(e["name"], norm(a)) for e in gold["entities"] for a in (e.get("aliases") or ())
                  if norm(a) != norm(e["name"])}
    pred_pairs: set[tuple[str, str]] = set()
    for r in rows:
        entity = names(r.get("name")) or names(r.get("alias")) or norm(r.get("name"))
        pred_pairs.add((entity, norm(r.get("alias"))))
    pred_pairs = {p for p in pred_pairs if p[1] != norm(p[0])}
    return one_to_one(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


def _role_tuples(rows: Iterable[Mapping[str, Any]],
                 resolve: Callable[[str | None], str | None]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for r in rows:
        person = resolve(r.get("person")) or norm(r.get("person"))
        org = (resolve(r.get("organization")) if r.get("organization") else None) or norm(r.get("organization"))
        out.update((person, part, org) for part in title_parts(r.get("title")))
    return out


def role_counts(gold: Gold, rows: Iterable[Row], names: Resolver) -> Counts:
    """(person, title part, organization); a role without a title counts only as an affiliation."""
    gold_roles = _role_tuples(gold["roles"], lambda name: name)
    pred_roles = _role_tuples(rows, names)
    return one_to_one(len(gold_roles & pred_roles), len(pred_roles), len(gold_roles))


def affiliation_counts(gold: Gold, rows: Iterable[Row], names: Resolver) -> Counts:
    """(person, organization) pairs from every role that names an organization."""
    gold_pairs = {(r["person"], r["organization"]) for r in gold["roles"] if r.get("organization")}
    pred_pairs = {(names.key(r.get("person")), names.key(r.get("organization")))
                  for r in rows if r.get("organization")}
    return one_to_one(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


@dataclass
class _Event:
    kind: str
    date: str
    parts: set[str]

    @property
    def family(self) -> str:
        return KIND_FAMILY.get(self.kind, self.kind)


def _predicted_events(events: Iterable[Row], participants: Iterable[Row],
                      names: Resolver) -> dict[str, _Event]:
    out: dict[str, _Event] = {}
    for r in events:
        out.setdefault(r.get("event") or "", _Event(r.get("kind") or "", (r.get("date") or "")[:10], set()))
    for r in participants:
        ev = out.setdefault(r.get("event") or "", _Event(r.get("kind") or "", "", set()))
        ev.parts.add(names.key(r.get("participant")))
    return out


def pair_events(gold: Sequence[_Event], predicted: Mapping[str, _Event]) -> list[tuple[int, str]]:
    """Pair each gold event with at most one predicted event of the same kind family.

    A pair needs a shared participant or the same date (or neither side naming anyone);
    the pairs with most shared participants (plus one for the same date) are taken first.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pid, p in predicted.items():
            if p.family != g.family:
                continue
            same_date = bool(g.date) and g.date == p.date
            shared = len(g.parts & p.parts)
            if shared or same_date or (not g.parts and not p.parts):
                candidates.append((shared + same_date, gi, pid))
    pairs: list[tuple[int, str]] = []
    used_gold: set[int] = set()
    used_pred: set[str] = set()
    for _, gi, pid in sorted(candidates, key=lambda c: -c[0]):     # stable: ties keep text order
        if gi not in used_gold and pid not in used_pred:
            pairs.append((gi, pid))
            used_gold.add(gi)
            used_pred.add(pid)
    return pairs


def event_counts(gold: Gold, events: Iterable[Row], participants: Iterable[Row],
                 names: Resolver) -> dict[str, Counts]:
    """events, participants and event_dates, all scored over one pairing of the events."""
    predicted = _predicted_events(events, participants, names)
    gold_events = [_Event(e["kind"], e.get("date") or "", set(e.get("participants") or ()))
                   for e in gold["events"]]
    pairs = pair_events(gold_events, predicted)
    shared = sum(len(gold_events[gi].parts & predicted[pid].parts) for gi, pid in pairs)
    dated = sum(1 for gi, pid in pairs if gold_events[gi].date and gold_events[gi].date == predicted[pid].date)
    return {
        "events": one_to_one(len(pairs), len(predicted), len(gold_events)),
        "participants": one_to_one(shared, sum(len(p.parts) for p in predicted.values()),
                             sum(len(g.parts) for g in gold_events)),
        "event_dates": one_to_one(dated, sum(1 for p in predicted.values() if p.date),
                            sum(1 for g in gold_events if g.date)),
    }


def quote_counts(gold: Gold, rows: Sequence[Row], names: Resolver) -> Counts:
    """A predicted quote is right when its speaker resolves to a gold quote's speaker and the
    gold words appear at (or just after) its start; one predicted quote may match several."""
    gold_quotes = [(q["speaker"], norm(q["starts_with"])) for q in gold["quotes"]]
    right = 0
    matched: set[int] = set()
    for r in rows:
        speaker, text = names(r.get("speaker")), norm(r.get("quote"))
        hits = [i for i, (who, words) in enumerate(gold_quotes)
                if who == speaker and words and words in text[: len(words) + QUOTE_SLACK]]
        if hits:
            right += 1
            matched.update(hits)
    return Counts(right, len(rows), len(matched), len(gold_quotes))


# --------------------------------------------------------------------------- reporting

def report(counts: Mapping[str, Counts]) -> dict[str, Any]:
    """Per-category records in report order, then ``macro_f1`` (mean of the rounded F1s)."""
    out: dict[str, Any] = {c: counts[c].as_dict() for c in CATEGORIES}
    out["macro_f1"] = round(sum(out[c]["f1"] for c in MACRO_CATEGORIES) / len(MACRO_CATEGORIES), 3)
    return out


def score(gold: Gold, rows: Rows) -> dict[str, Any]:
    """Score the rows of the six named queries against gold facts (see the module docstring)."""
    return report(count(gold, rows))


def total(counts: Iterable[Mapping[str, Counts]]) -> dict[str, Counts]:
    """Sum counts category by category (micro-averaging over articles)."""
    out = {c: Counts(0, 0, 0, 0) for c in CATEGORIES}
    for one in counts:
        out = {c: out[c] + one[c] for c in CATEGORIES}
    return out


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


# --------------------------------------------------------------------------- gold and graphs

def check_gold(gold: Any, where: str = "gold facts") -> None:
    """Raise InputError unless ``gold`` has the lists and fields the scorer reads."""
    schema = "see tests/data/README.md for the gold schema"
    if not isinstance(gold, Mapping):
        raise InputError(f"{where}: expected a JSON object with entities, roles, events and quotes; {schema}")
    for section, fields in GOLD_FIELDS.items():
        items = gold.get(section)
        if not isinstance(items, list):
            raise InputError(f"{where}: no {section!r} list; {schema}")
        for i, item in enumerate(items):
            missing = [f for f in fields if not isinstance(item, Mapping) or f not in item]
            if missing:
                raise InputError(f"{where}: {section}[{i}] lacks {', '.join(map(repr, missing))}; {schema}")


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold JSON file; InputError says what is wrong with it and where."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such gold file" if not p.exists() else f"{p}: is not a file")
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise InputError(f"{p}: cannot read the gold file ({exc})") from None
    check_gold(gold, str(p))
    return gold


def gold_published(gold: Gold) -> dt.date | None:
    """The gold file's publication date, when it states a valid one."""
    try:
        return dt.date.fromisoformat(str(gold.get("published") or ""))
    except ValueError:
        return None


def named_rows(graph: Graph | Dataset) -> dict[str, list[dict[str, str]]]:
    """The rows of the six named queries the scorer reads, from a graph in memory."""
    from .query import run_named

    return {name: run_named(graph, name) for name in NAMED}


def rows_from_graph(graph_path: str | Path) -> dict[str, list[dict[str, str]]]:
    """The rows of the six named queries, from a graph file (Turtle, N-Triples, ...)."""
    from .query import load_graph

    return named_rows(load_graph([graph_path]))


def rows_from_article(article_path: str | Path, published: dt.date | None = None) -> dict[str, list[dict[str, str]]]:
    """Build one article through the library (no files written) and return its rows."""
    from .pipeline import build_document
    from .rdf.graph import to_graph

    return named_rows(to_graph(build_document(article_path, published)))


def is_graph_file(path: str | Path) -> bool:
    """Whether ``path`` names an RDF file (by extension) rather than an article."""
    from .query import RDF_FORMATS

    return Path(path).suffix.lower() in RDF_FORMATS


# --------------------------------------------------------------------------- entry points

def _counts_for(source: str | Path, gold: Gold, published: dt.date | None) -> dict[str, Counts]:
    if is_graph_file(source):
        return count(gold, rows_from_graph(source))
    return count(gold, rows_from_article(source, published or gold_published(gold)))


def evaluate_article(article_path: str | Path, gold_path: str | Path,
                     published: dt.date | None = None) -> dict[str, Any]:
    """Build an article and score it against a gold file.

    The publication date is ``published``, else the gold file's, else the article's own
    ``# published:`` line; it resolves relative dates such as "Wednesday".
    """
    gold = load_gold(gold_path)
    return report(count(gold, rows_from_article(article_path, published or gold_published(gold))))


def evaluate_file(source: str | Path, gold_path: str | Path, published: dt.date | None = None) -> dict[str, Any]:
    """Score ``source`` against a gold file: a graph file as it is, an article once built."""
    return report(_counts_for(source, load_gold(gold_path), published))


def gold_pairs(folder: str | Path) -> list[tuple[Path, Path]]:
    """Every ``<stem>.txt`` in ``folder`` that has a ``<stem>.gold.json`` beside it, by name."""
    d = Path(folder)
    if not d.is_dir():
        raise InputError(f"{d}: no such folder" if not d.exists() else f"{d}: is not a folder; give the dev-set folder")
    pairs = [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(d.glob("*.txt"))]
    pairs = [(t, g) for t, g in pairs if g.is_file()]
    if not pairs:
        raise InputError(f"{d}: no article <name>.txt with a <name>.gold.json beside it")
    return pairs


def evaluate_set(folder: str | Path) -> dict[str, Any]:
    """Build and score every article of a dev set.

    Returns ``{"articles": {stem: score}, "total": score}`` where ``total`` sums the counts
    of every article per category (micro) and its ``macro_f1`` averages those categories.
    """
    per_article: dict[str, dict[str, Counts]] = {}
    for article, gold_path in gold_pairs(folder):
        per_article[article.stem] = _counts_for(article, load_gold(gold_path), None)
    return {"articles": {stem: report(c) for stem, c in per_article.items()},
            "total": report(total(per_article.values()))}
