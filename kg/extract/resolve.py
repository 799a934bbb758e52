"""The entity index: look up entities and mentions by surface form or by position.

Later stages (roles, events, quotes) never re-parse names: they ask an ``EntityIndex`` built
over a document whose ``entities`` and ``mentions`` are filled:

    idx = EntityIndex(doc)
    idx.resolve("WGA")            -> "writers-guild-of-america"
    idx.resolve("Zaslav")         -> "david-zaslav" (a person's surname)
    idx.resolve("the union")      -> the one union/guild the text makes clear, else None
    idx.resolve("the union", at)  -> the most salient union named before offset ``at``
    idx.mention_at(120, 135)      -> the Mention overlapping that range
    idx.mentions_in(sentence)     -> mentions inside a span, in order

A description resolves by salience: among entities of the right type (or whose name holds the
head noun: "the association"), the one named most often so far, counting the last two
sentences three times; when nothing of that kind has been named yet, or two are equally in
view, it resolves to nothing.

Also here: ``slug`` (entity keys) and ``norm`` (the comparison form of a surface string), and
``describe`` (which entity types a definite description such as "the guild" can stand for).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from ..document import Document, Entity, Mention, Sentence, Span
from .lexicon import load_map
from .scan import ASCII_LOWER

_SLUG_DROP = str.maketrans("", "", "’'`®™")


@lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """Stable key of a name: lower-case ASCII words joined by hyphens.

    "Writers’ Guild of America" and "Writers Guild of America" both give
    "writers-guild-of-america", so the same name in any article gets the same key.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().translate(_SLUG_DROP)
    text = text.replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@lru_cache(maxsize=16384)
def norm(surface: str) -> str:
    """Comparison form: folded, lower-case, no possessive, no leading "the", single spaces."""
    if surface.isascii():               # nothing to fold (the common case)
        s = surface.lower().strip()
    else:
        s = unicodedata.normalize("NFKD", surface)
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = s.replace("’", "'").replace("‘", "'").replace("®", "").replace("™", "").lower().strip()
    if "'" in s:
        s = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", s)
    s = " ".join(re.sub(r"[^a-z0-9&\- ]+", " ", s).split())
    return s.removeprefix("the ")


# "the union", "the guild's", "guild leadership", "union leaders": a head noun from the
# descriptions lexicon, optionally followed by a word for the body's leadership.
_GROUP_WORDS = ("leadership", "leaders", "negotiators", "officials", "board", "bargaining committee",
                "negotiating committee", "executives", "management", "representatives", "bosses")
_HEAD_CHARS = ASCII_LOWER | frozenset(" -")


def _description_head(n: str) -> str | None:
    """The head of a description in comparison form: "its union leaders" -> "union".

    What ``(?P<head>...)`` holds after ``^(?:the |its |their )?(?P<head>[a-z][a-z -]*?)
    (?: (?:leadership|leaders|...|bosses))?$`` matches ``n``; None when it does not match.
    """
    for det in ("the ", "its ", "their ", ""):
        if not n.startswith(det):
            continue
        body = n[len(det):]
        if not body or body[0] not in ASCII_LOWER:
            continue
        # the shortest head after which nothing, or only a group word, is left
        ends = [len(body)] + [len(body) - len(g) - 1 for g in _GROUP_WORDS if body.endswith(" " + g)]
        for h in sorted(e for e in ends if e >= 1):
            if all(ch in _HEAD_CHARS for ch in body[1:h]):
                return body[:h]
    return None


@lru_cache(maxsize=4096)
def parse_description(surface: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """(modifier words, head noun, entity types) of a definite description, or None.

    "the pilots' association" -> (("pilots",), "association", ("TradeAssociation",));
    "guild leadership" -> ((), "guild", ("Guild", "Union")).
    """
    found = _description_head(norm(surface))
    if found is None:
        return None
    table = load_map("descriptions")
    words = found.split()
    # the longest known head at the end ("trade group"), the words before it are modifiers
    for k in range(len(words)):
        head = " ".join(words[k:])
        if head in table:
            types = () if table[head] == "-" else tuple(table[head].split(","))
            return tuple(words[:k]), head, types
    return None


def describe(surface: str) -> tuple[str, ...]:
    """Entity types a definite description can stand for ("the union" -> Union, Guild); () if none."""
    parsed = parse_description(surface)
    if parsed is None or len(parsed[0]) > 2:
        return ()
    return parsed[2]


def is_description(surface: str) -> bool:
    """Is this a definite description ("the union", "guild leadership") rather than a name?

    Names are capitalized ("Coastal Nurses Association"); a description is lower-case after its
    determiner, or starts a sentence with its head noun ("Union leaders").
    """
    words = surface.split()
    if not words:
        return False
    rest = words[1:] if words[0].lower() in ("the", "its", "their") else words
    if not rest or any(w[:1].isupper() for w in rest[1:]) or (rest is not words and rest[0][:1].isupper()):
        return False
    parsed = parse_description(surface)
    return parsed is not None and len(parsed[0]) <= 2


class EntityIndex:
    """Look-ups over a document's entities and mentions (built once per stage, read-only)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._entities = {e.key: e for e in doc.entities}
        self._mentions = sorted(doc.mentions, key=lambda m: (m.span.start, m.span.end))
        self._starts = [m.span.start for m in self._mentions]
        forms: dict[str, set[str]] = {}
        for e in doc.entities:
            for form in (e.name, *e.aliases):
                forms.setdefault(norm(form), set()).add(e.key)
        for m in self._mentions:
            if not is_description(m.form):     # descriptions resolve by context, not by form
                forms.setdefault(norm(m.form), set()).add(m.entity)
        # a person's surname resolves to the person even where the text never used it alone
        for e in doc.entities:
            if e.type == "Person" and len(e.name.split()) >= 2:
                last = e.name.split()[-1]
                if last in ("Jr.", "Sr.", "II", "III"):
                    last = e.name.split()[-2]
                forms.setdefault(norm(last), set()).add(e.key)
        # a surface form that names two different entities is ambiguous: resolve to None
        self._forms = {f: next(iter(keys)) for f, keys in forms.items() if len(keys) == 1}

    def entity(self, key: str) -> Entity:
        """The entity with this key (KeyError when there is none)."""
        return self._entities[key]

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.doc.entities

    def resolve(self, surface: str, at: int | None = None) -> str | None:
        """Entity key for a surface form (name, alias, surname, "the union" when unambiguous).

        ``at`` (a character offset) lets a definite description pick the entity of the right
        type mentioned most recently before that point; without it, a description resolves
        only when the document has exactly one entity of that type family.
        """
        n = norm(surface)
        if not n:
            return None
        if n in self._forms:
            return self._forms[n]
        # "WGA leadership", "Acme's negotiators": a known name followed by a group word
        head = _description_head(n)
        if head is not None and head != n and head in self._forms:
            return self._forms[head]
        return self.resolve_described(surface, at)

    def resolve_description(self, types: tuple[str, ...], at: int | None = None, head: str | None = None,
                            modifiers: tuple[str, ...] = ()) -> str | None:
        """The entity a description stands for ("the union", "the pilots' association"), or None.

        Candidates have one of ``types`` or carry ``head`` in their name ("the association" ->
        "Coastal Nurses Association"); ``modifiers`` must all appear in the name.  With ``at``,
        the most salient candidate named before that point wins: mentions so far, counting those
        in the last two sentences three times.  A tie resolves to None.
        """
        cands = [e for e in self.doc.entities if e.type != "Person" and
                 (e.type in types or (head is not None and _has_word(e.name, head)))]
        if modifiers:
            narrowed = [e for e in cands if all(_has_word(e.name, w) for w in modifiers)]
            # "the pilots' association" must name pilots; "the striking union" need not say "striking"
            if narrowed or any(w.endswith("s") for w in modifiers):
                cands = narrowed
        keys = {e.key for e in cands}
        if not keys:
            return None
        if at is not None:
            recent_from = self._recent_start(at)
            score: dict[str, float] = {}
            last: dict[str, int] = {}
            for m in self._mentions:
                if m.span.end > at:
                    break
                if m.entity in keys and not is_description(m.form):
                    score[m.entity] = score.get(m.entity, 0) + (3 if m.span.start >= recent_from else 1)
                    last[m.entity] = m.span.start
            if not score:
                return None     # nothing of that kind named yet: the text has not said which
            # "the guild" with a guild and a union federation in view: the body its name calls a guild
            # ("union" is the family's word: a guild is a union too, so it does not choose)
            named = {k for k in score if self._entities[k].type in types and _has_word(self._entities[k].name, head)} \
                if head is not None and head not in ("union", "unions") else set()
            if named:
                score = {k: v for k, v in score.items() if k in named}
            ranked = sorted(score, key=lambda k: (score[k], last[k]), reverse=True)
            if len(ranked) > 1 and score[ranked[0]] == score[ranked[1]]:
                return None     # two bodies equally in view: the text does not make clear which
            return ranked[0]
        if len(keys) == 1:
            return next(iter(keys))
        counts = {k: 0 for k in keys}
        for mm in self._mentions:
            if mm.entity in counts:
                counts[mm.entity] += 1
        ranked2 = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked2[0][1] >= 2 * max(1, ranked2[1][1]):
            return ranked2[0][0]
        return None

    def resolve_described(self, surface: str, at: int | None = None) -> str | None:
        """Resolve a description as written ("the union's", "the pilots' association")."""
        parsed = parse_description(surface)
        if parsed is None or len(parsed[0]) > 2:
            return None
        mods, head, types = parsed
        if mods and head in _PLURAL_GROUPS:
            return None         # "the record companies" are companies, not their trade group
        return self.resolve_description(types, at, head=head, modifiers=mods)

    def _recent_start(self, at: int) -> int:
        """Start offset of the sentence two before the one holding ``at``."""
        sents = self.doc.sentences
        for i, s in enumerate(sents):
            if s.span.start <= at < s.span.end or s.span.start > at:
                return sents[max(0, i - 2)].span.start
        return sents[-3].span.start if len(sents) >= 3 else 0

    def sole_entity(self, span: Span, types: Collection[str], head: str | None = None) -> str | None:
        """The one organization named in ``span`` whose type is in ``types`` (or, with ``head``,
        whose name holds that word: "board" -> "Lakeport Board of Education"); None for none or two."""
        keys = {m.entity for m in self.mentions_in(span) if (e := self._entities[m.entity]).type != "Person"
                and (e.type in types or (head is not None and _has_word(e.name, head)))}
        return next(iter(keys)) if len(keys) == 1 else None

    def previous_sentence(self, sent: Sentence) -> Sentence | None:
        """The sentence before ``sent`` in the same paragraph, if any."""
        prev = [s for s in self.doc.sentences if s.span.end <= sent.span.start]
        return prev[-1] if prev and prev[-1].paragraph == sent.paragraph else None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)`` (the longest one when several do)."""
        i = bisect.bisect_left(self._starts, end)
        best: Mention | None = None
        for m in reversed(self._mentions[max(0, i - 40):i]):
            if m.span.start < end and start < m.span.end:
                if best is None or (m.span.end - m.span.start) > (best.span.end - best.span.start):
                    best = m
        return best

    def mentions_in(self, span: Span) -> list[Mention]:
        """Mentions lying inside ``span``, in text order."""
        i = bisect.bisect_left(self._starts, span.start)
        out = []
        for m in self._mentions[i:]:
            if m.span.start >= span.end:
                break
            if m.span.end <= span.end:
                out.append(m)
        return out


_PLURAL_GROUPS = frozenset({"studios", "companies", "producers", "employers", "labels", "publishers",
                            "automakers", "airlines", "unions"})


@lru_cache(maxsize=4096)
def _has_word(name: str, word: str) -> bool:
    """Does ``name`` contain ``word`` (compared folded, plural "s" optional)?"""
    words = norm(name).replace("-", " ").split()
    w = norm(word)
    return w in words or w.rstrip("s") in words or (w + "s") in words
