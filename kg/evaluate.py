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

Each category's matching (``match``) yields the facts matched, missed (gold facts not found)
and spurious (predicted facts that match nothing); the counts are derived from those lists,
and ``kg evaluate --misses`` prints them (kg.evaluate_report).

Gold files follow the schema of ``tests/data/seed.gold.json`` (see ``tests/data/README.md``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import InputError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

Row = Mapping[str, str]
Rows = Mapping[str, Sequence[Row]]
Gold = Mapping[str, Any]
# one fact as a reader sees it (a name and type, a role, an event...), JSON-ready
Item = dict[str, Any]
K = TypeVar("K")

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


# --------------------------------------------------------------------------- matching and counting

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


@dataclass(frozen=True)
class Match:
    """One category's matching, fact by fact; its ``counts`` are derived from it, never kept apart.

    ``matched_pred`` and ``spurious`` split the predicted facts, ``matched_gold`` and ``missed``
    the gold facts. Items are small JSON-ready dicts (see kg.evaluate_report for how they
    read), gold ones in gold-file order and predicted ones in query-row order.
    """

    matched_pred: tuple[Item, ...] = ()
    spurious: tuple[Item, ...] = ()
    matched_gold: tuple[Item, ...] = ()
    missed: tuple[Item, ...] = ()

    @property
    def counts(self) -> Counts:
        """The category's Counts: matches on each side over each side's size."""
        return Counts(len(self.matched_pred), len(self.matched_pred) + len(self.spurious),
                      len(self.matched_gold), len(self.matched_gold) + len(self.missed))


def _split(items: Mapping[K, Item], hit: Container[K],
           note: Callable[[K], str] | None = None) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """(the items whose key is in ``hit``, the others), each in ``items``' order; ``note``
    says, for a key not hit, what a reader should know about it (added as "note" when any)."""
    def noted(k: K, item: Item) -> Item:
        why = note(k) if note else ""
        return {**item, "note": why} if why else item

    return (tuple(v for k, v in items.items() if k in hit),
            tuple(noted(k, v) for k, v in items.items() if k not in hit))


def match_sets(gold: Mapping[K, Item], predicted: Mapping[K, Item]) -> Match:
    """A category whose facts are keys matched exactly, so matches are one to one."""
    matched_gold, missed = _split(gold, predicted.keys())
    matched_pred, spurious = _split(predicted, gold.keys())
    return Match(matched_pred, spurious, matched_gold, missed)


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


def title_pieces(title: str | None) -> dict[str, str]:
    """A compound title's parts, normalised -> as written: "chairman and CEO" -> two titles."""
    pieces: dict[str, str] = {}
    for piece in re.split(r",| and |&|/", (title or "").replace("\u2019", "'"), flags=re.I):
        if norm(piece):
            pieces.setdefault(norm(piece), piece.strip())
    return pieces


def title_parts(title: str | None) -> set[str]:
    """A compound title's parts: "chairman and chief content officer" -> two titles."""
    return set(title_pieces(title))


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


def match(gold: Gold, rows: Rows) -> dict[str, Match]:
    """Match predicted rows (the six named queries) against gold facts, per category in
    report order: the one matching code path behind both the scores and ``--misses``."""
    check_gold(gold)
    names = Resolver(gold)
    out: dict[str, Match] = {}
    out["entities"], out["entity_types"] = match_entities(gold, _rows(rows, "entities"), names)
    out["aliases"] = match_aliases(gold, _rows(rows, "aliases"), names)
    out["roles"] = match_roles(gold, _rows(rows, "roles"), names)
    out["affiliations"] = match_affiliations(gold, _rows(rows, "roles"), names)
    out.update(match_events(gold, _rows(rows, "events"), _rows(rows, "participants"), names))
    out["quotes"] = match_quotes(gold, _rows(rows, "quotes"), names)
    return out


def counts_of(matches: Mapping[str, Match]) -> dict[str, Counts]:
    """Each category's Counts, derived from its matching."""
    return {c: m.counts for c, m in matches.items()}


def count(gold: Gold, rows: Rows) -> dict[str, Counts]:
    """Match predicted rows (the six named queries) against gold facts, per category."""
    return counts_of(match(gold, rows))


def _rows(rows: Rows, name: str) -> Sequence[Row]:
    return rows.get(name) or ()


def _entity(row: Mapping[str, Any]) -> Item:
    return {"name": row.get("name") or "", "type": row.get("type") or ""}


def match_entities(gold: Gold, rows: Iterable[Row], names: Resolver) -> tuple[Match, Match]:
    """(entities, entity_types): predicted names are deduplicated by their normalised form;
    a gold entity is found once however many predicted names resolve to it."""
    def family(t: str | None) -> str:
        return TYPE_FAMILY.get(t or "", t or "")

    predicted: dict[str, Row] = {}
    for r in rows:
        predicted.setdefault(norm(r.get("name")), r)
    resolved = {k: names(r.get("name")) for k, r in predicted.items()}
    found = {k for k, g in resolved.items() if g is not None}
    typed = {k for k in found if family(predicted[k].get("type")) == family(names.type_of[resolved[k] or ""])}
    found_as: dict[str, str] = {}       # gold name -> the type of the first prediction naming it
    for k in found:
        found_as.setdefault(resolved[k] or "", predicted[k].get("type") or "")
    first: dict[str, int] = {}          # a gold name listed twice can be found only once
    for i, e in enumerate(gold["entities"]):
        first.setdefault(e["name"], i)

    def mistyped(k: str) -> str:
        return f"gold type {names.type_of[resolved[k] or '']}" if k in found else ""

    def predicted_as(i: int) -> str:
        name = gold["entities"][i]["name"]
        return f"predicted {found_as[name] or 'untyped'}" if name in found_as and first[name] == i else ""

    pred_items = {k: _entity(r) for k, r in predicted.items()}
    gold_items = {i: _entity(e) for i, e in enumerate(gold["entities"])}
    return (Match(*_split(pred_items, found), *_split(gold_items, {first[resolved[k] or ""] for k in found})),
            Match(*_split(pred_items, typed, mistyped),
                  *_split(gold_items, {first[resolved[k] or ""] for k in typed}, predicted_as)))


def match_aliases(gold: Gold, rows: Iterable[Row], names: Resolver) -> Match:
    """(entity, alias) pairs; an alias equal to its entity's name is not an alias."""
    gold_pairs: dict[tuple[str, str], Item] = {}
    for e in gold["entities"]:
        for a in e.get("aliases") or ():
            if norm(a) != norm(e["name"]):
                gold_pairs.setdefault((e["name"], norm(a)), {"name": e["name"], "alias": a})
    pred_pairs: dict[tuple[str, str], Item] = {}
    for r in rows:
        entity = names(r.get("name")) or names(r.get("alias")) or norm(r.get("name"))
        pred_pairs.setdefault((entity, norm(r.get("alias"))),
                              {"name": r.get("name") or "", "alias": r.get("alias") or ""})
    pred_pairs = {k: v for k, v in pred_pairs.items() if k[1] != norm(k[0])}
    return match_sets(gold_pairs, pred_pairs)


def _role_items(rows: Iterable[Mapping[str, Any]],
                resolve: Callable[[str | None], str | None]) -> dict[tuple[str, str, str], Item]:
    out: dict[tuple[str, str, str], Item] = {}
    for r in rows:
        person = resolve(r.get("person")) or norm(r.get("person"))
        org = (resolve(r.get("organization")) if r.get("organization") else None) or norm(r.get("organization"))
        for part, written in title_pieces(r.get("title")).items():
            out.setdefault((person, part, org), {"person": r.get("person") or "", "title": written,
                                                 "organization": r.get("organization") or ""})
    return out


def match_roles(gold: Gold, rows: Iterable[Row], names: Resolver) -> Match:
    """(person, title part, organization); a role without a title counts only as an affiliation."""
    return match_sets(_role_items(gold["roles"], lambda name: name), _role_items(rows, names))


def match_affiliations(gold: Gold, rows: Iterable[Row], names: Resolver) -> Match:
    """(person, organization) pairs from every role that names an organization."""
    gold_pairs: dict[tuple[str, str], Item] = {}
    for r in gold["roles"]:
        if r.get("organization"):
            gold_pairs.setdefault((r["person"], r["organization"]),
                                  {"person": r["person"], "organization": r["organization"]})
    pred_pairs: dict[tuple[str, str], Item] = {}
    for r in rows:
        if r.get("organization"):
            pred_pairs.setdefault((names.key(r.get("person")), names.key(r.get("organization"))),
                                  {"person": r.get("person") or "", "organization": r.get("organization") or ""})
    return match_sets(gold_pairs, pred_pairs)


@dataclass
class _Event:
    kind: str
    date: str
    parts: set[str]
    # what identifies the event to a reader: gold "text" and "date_text", or the row's
    # "date_text", "status" and IRI ("event"); and each participant key's name as written
    label: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return KIND_FAMILY.get(self.kind, self.kind)

    def add(self, key: str, name: str) -> None:
        self.parts.add(key)
        self.shown.setdefault(key, name)

    def item(self, participants: bool = True) -> Item:
        """The event as a small dict: kind, date, its label, and (optionally) who took part."""
        out: Item = {"kind": self.kind, "date": self.date, **self.label}
        if participants:
            out["participants"] = list(self.shown.values())
        return out


def _gold_events(gold: Gold) -> list[_Event]:
    out = []
    for e in gold["events"]:
        label = {k: e[k] for k in ("text", "date_text") if e.get(k)}
        ev = _Event(e["kind"], e.get("date") or "", set(), label)
        for p in e.get("participants") or ():
            ev.add(p, p)
        out.append(ev)
    return out


def _predicted_events(events: Iterable[Row], participants: Iterable[Row],
                      names: Resolver) -> dict[str, _Event]:
    out: dict[str, _Event] = {}
    for r in events:
        label = {k: r[k] for k in ("date_text", "status", "event") if r.get(k)}
        out.setdefault(r.get("event") or "", _Event(r.get("kind") or "", (r.get("date") or "")[:10], set(), label))
    for r in participants:
        label = {"event": r["event"]} if r.get("event") else {}
        ev = out.setdefault(r.get("event") or "", _Event(r.get("kind") or "", "", set(), label))
        ev.add(names.key(r.get("participant")), r.get("participant") or "")
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


def _participant_facts(events: Mapping[K, _Event],
                       partners: Mapping[K, _Event]) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """(the participants each event's paired event shares, the others), as participant facts."""
    facts: dict[tuple[K, str], Item] = {}
    shared: set[tuple[K, str]] = set()
    for k, ev in events.items():
        for key, name in ev.shown.items():
            facts[(k, key)] = {"participant": name, **ev.item(participants=False)}
            if k in partners and key in partners[k].parts:
                shared.add((k, key))
    return _split(facts, shared)


def _date_note(partner: _Event | None, side: str) -> str:
    if partner is None:
        return f"no {side} event paired"
    return f"{side} {partner.date or 'undated'}"


def match_events(gold: Gold, events: Iterable[Row], participants: Iterable[Row],
                 names: Resolver) -> dict[str, Match]:
    """events, participants and event_dates, all matched over one pairing of the events."""
    predicted = _predicted_events(events, participants, names)
    gold_events = _gold_events(gold)
    pairs = pair_events(gold_events, predicted)
    partner_of_gold = {gi: predicted[pid] for gi, pid in pairs}
    partner_of_pred = {pid: gold_events[gi] for gi, pid in pairs}
    gold_side = dict(enumerate(gold_events))

    # a date is right when the paired events carry the same one
    dated = {gi: pid for gi, pid in pairs if gold_events[gi].date and gold_events[gi].date == predicted[pid].date}
    return {
        "events": Match(*_split({pid: p.item() for pid, p in predicted.items()}, partner_of_pred),
                        *_split({gi: g.item() for gi, g in gold_side.items()}, partner_of_gold)),
        "participants": Match(*_participant_facts(predicted, partner_of_pred),
                              *_participant_facts(gold_side, partner_of_gold)),
        "event_dates": Match(
            *_split({pid: p.item(participants=False) for pid, p in predicted.items() if p.date},
                    set(dated.values()), lambda pid: _date_note(partner_of_pred.get(pid), "gold")),
            *_split({gi: g.item(participants=False) for gi, g in gold_side.items() if g.date},
                    dated, lambda gi: _date_note(partner_of_gold.get(gi), "predicted"))),
    }


def match_quotes(gold: Gold, rows: Iterable[Row], names: Resolver) -> Match:
    """A predicted quote is right when its speaker resolves to a gold quote's speaker and the
    gold words appear at (or just after) its start; one predicted quote may match several."""
    gold_quotes = [(q["speaker"], norm(q["starts_with"])) for q in gold["quotes"]]
    right: list[Item] = []
    wrong: list[Item] = []
    matched: set[int] = set()
    for r in rows:
        speaker, text = names(r.get("speaker")), norm(r.get("quote"))
        hits = [i for i, (who, words) in enumerate(gold_quotes)
                if who == speaker and words and words in text[: len(words) + QUOTE_SLACK]]
        (right if hits else wrong).append({"speaker": r.get("speaker") or "", "quote": r.get("quote") or ""})
        matched.update(hits)
    found, missed = _split({i: {"speaker": q["speaker"], "starts_with": q["starts_with"]}
                            for i, q in enumerate(gold["quotes"])}, matched)
    return Match(tuple(right), tuple(wrong), found, missed)


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


def misses_of(matches: Mapping[str, Match]) -> dict[str, dict[str, list[Item]]]:
    """Per category in report order: the gold facts missed and the predicted facts that are
    spurious (what ``--misses`` prints; the JSON output's "misses" object)."""
    return {c: {"missed": list(matches[c].missed), "spurious": list(matches[c].spurious)} for c in CATEGORIES}


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

def _matches_for(source: str | Path, gold: Gold, published: dt.date | None) -> dict[str, Match]:
    if is_graph_file(source):
        return match(gold, rows_from_graph(source))
    return match(gold, rows_from_article(source, published or gold_published(gold)))


def _result(matches: Mapping[str, Match], misses: bool) -> dict[str, Any]:
    out = report(counts_of(matches))
    if misses:
        out["misses"] = misses_of(matches)
    return out


def evaluate_article(article_path: str | Path, gold_path: str | Path,
                     published: dt.date | None = None, misses: bool = False) -> dict[str, Any]:
    """Build an article and score it against a gold file.

    The publication date is ``published``, else the gold file's, else the article's own
    ``# published:`` line; it resolves relative dates such as "Wednesday". With ``misses``
    the result also carries "misses" (see ``misses_of``).
    """
    gold = load_gold(gold_path)
    return _result(match(gold, rows_from_article(article_path, published or gold_published(gold))), misses)


def evaluate_file(source: str | Path, gold_path: str | Path, published: dt.date | None = None,
                  misses: bool = False) -> dict[str, Any]:
    """Score ``source`` against a gold file: a graph file as it is, an article once built.
    With ``misses`` the result also carries "misses" (see ``misses_of``)."""
    return _result(_matches_for(source, load_gold(gold_path), published), misses)


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


def evaluate_set(folder: str | Path, misses: bool = False) -> dict[str, Any]:
    """Build and score every article of a dev set.

    Returns ``{"articles": {stem: score}, "total": score}`` where ``total`` sums the counts
    of every article per category (micro) and its ``macro_f1`` averages those categories.
    With ``misses`` each article's score also carries "misses" (see ``misses_of``).
    """
    per_article: dict[str, dict[str, Match]] = {}
    for article, gold_path in gold_pairs(folder):
        per_article[article.stem] = _matches_for(article, load_gold(gold_path), None)
    return {"articles": {stem: _result(m, misses) for stem, m in per_article.items()},
            "total": report(total(counts_of(m) for m in per_article.values()))}
