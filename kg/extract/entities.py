"""Entities and their mentions: candidates (``mentions.py``) merged into resolved entities.

Steps, each a small function:
1. find typed candidates (head nouns, suffixes, given names, lexicons, context cues);
2. group typed candidates by normalised name (so "Writers’ Guild" = "Writers Guild");
3. link the rest: acronyms in parentheses and by initials ("AMPTP"), surnames ("Zaslav"),
   short forms ("the Writers Guild"), branches of a known acronym ("WGAEast");
4. resolve definite descriptions ("the union", "guild leadership") to the one entity the
   context makes clear;
5. name each entity by its fullest form; every other form is an alias.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, Entity, Mention, Span
from ..reader import parse_byline
from .context import apply_context
from .descriptions import description_mentions
from .lexicon import load, load_flagged, load_words
from .mentions import candidates
from .names import PARTICLES, Candidate, initials, is_acronym, tokenize
from .org_types import org_type
from .resolve import is_description, norm, slug
from .scan import ASCII_LOWER, ASCII_UPPER, fold, skip_space
from .short_forms import short_form_of


@dataclass
class _Group:
    """An entity being built: its type, and each form with the spans it was seen at."""

    type: str
    rule: str
    confidence: float
    forms: list[tuple[str, Span]] = field(default_factory=list)

    def add(self, form: str, span: Span) -> None:
        self.forms.append((form, span))

    @property
    def name(self) -> str:
        forms = [f for f, _ in self.forms]
        # "Mr. Bell" and "WGA" name the entity only when the text never writes more
        full = [f for f in forms if not is_acronym(f) and f.split()[0] not in load("honorifics")] or \
            [f for f in forms if not is_acronym(f)] or forms
        # the fullest form: most words; among equals, the first written
        most = max(len(f.split()) for f in full)
        return next(f for f in full if len(f.split()) == most)


def find_entities(doc: Document) -> Document:
    """Fill ``doc.entities`` and ``doc.mentions`` (sorted by start offset)."""
    cands = list(candidates(doc))
    apply_context(cands, doc.text)
    cands = _byline_authors(doc) + cands
    groups, links = _group(cands, doc.text)
    entities, mentions = _finish(groups, links)
    doc = doc.with_(entities=entities, mentions=mentions)
    return doc.with_(mentions=tuple(sorted((*mentions, *description_mentions(doc)),
                                          key=lambda m: (m.span.start, m.span.end))))


def _byline_authors(doc: Document) -> list[Candidate]:
    """The people in the byline ("By Ana Pell and Bo Lind") as person candidates, and the outlet
    the byline or the masthead names ("By Jane Roe | The Lakeport Sun") as an outlet candidate."""
    art = doc.article
    out: list[Candidate] = []
    if art.byline is not None and art.author:
        line = art.byline.of(doc.text)
        parts = parse_byline(line)
        names = list(parts.names) if parts is not None else \
            [(line.find(n), line.find(n) + len(n)) for n in _author_names(art.author) if n in line]
        for a, b in names:
            name = line[a:b]
            words = name.split()
            # the byline says these are people; only a desk or an outlet name is refused
            if not (2 <= len(words) <= 4 and all(_byline_word(w) for w in words)) or \
                    any(w.lower().rstrip("s") in _NOT_AUTHORS for w in words) or org_type(words) is not None \
                    or norm(name) in load_flagged("media_outlets"):
                continue
            toks = tuple(tokenize(doc.text, Span(art.byline.start + a, art.byline.start + b)))
            if toks:
                out.append(Candidate(toks, art.byline, name, "Person", "entity.byline", 0.85))
        if out and parts is not None and parts.outlet is not None:
            span = Span(art.byline.start + parts.outlet[0], art.byline.start + parts.outlet[1])
            out.extend(_outlet_candidate(doc, span, art.byline))
    if art.publisher:
        for line_span in _header_lines(doc):
            at = line_span.of(doc.text).find(art.publisher)
            if at >= 0 and not any(c.span.start == line_span.start + at for c in out):
                start = line_span.start + at
                out.extend(_outlet_candidate(doc, Span(start, start + len(art.publisher)), line_span))
                break
    return out


def _author_names(author: str) -> list[str]:
    """"Ana Pell and Bo Lind" -> the names, split at commas, bars and "and"."""
    return [n.strip() for m in re.finditer(r"[^,&|;]+", author) for n in re.split(r"\s+and\s+", m.group(0))]


def _outlet_candidate(doc: Document, span: Span, line: Span) -> list[Candidate]:
    toks = tuple(tokenize(doc.text, span))
    if not toks:
        return []
    return [Candidate(toks, line, span.of(doc.text), "MediaOutlet", "entity.byline-outlet", 0.85)]


def _header_lines(doc: Document) -> list[Span]:
    """The lines above the story that are neither headline, subheadline nor body: the masthead and
    the byline."""
    art = doc.article
    skip = [s for s in (*art.body, art.headline, art.dek) if s is not None]
    out, pos = [], 0
    end = min((p.start for p in art.body), default=len(doc.text))
    end = max([end] + [s.end for s in (art.byline, art.headline) if s is not None])
    for raw in doc.text[:end].split("\n"):
        span = Span(pos, pos + len(raw))
        pos += len(raw) + 1
        if raw.strip() and not any(s.start < span.end and span.start < s.end for s in skip):
            out.append(span)
    return out


_NOT_AUTHORS = frozenset("staff contributor editor reporter team desk wire writer correspondent bureau news "
                          "service board report associated press".split())


def _byline_word(w: str) -> bool:
    """A capitalized word of a name in a byline ("Ibáñez", "O’Brien", "Clarke-Hughes", "Jr.")."""
    return w[:1] in ASCII_UPPER and all(ch.isalnum() or ch in "_’'-." for ch in w[1:])


def _surface(c: Candidate, text: str) -> tuple[str, Span]:
    """The name as written, without a leading "The" (kept only for outlets: "The New York Post").

    A surname after an honorific keeps it ("Mr. Bell"): that is the form the text uses.
    """
    toks = c.tokens
    if toks[0].text == "The" and len(toks) > 1 and c.type != "MediaOutlet":
        toks = toks[1:]
    start = toks[0].start
    if c.honorific is not None and len(toks) == 1 and c.type in (None, "Person"):
        start = c.honorific.start
    span = Span(start, toks[-1].end)
    return text[span.start:span.end], span


def _closes_paren_acronym(text: str, pos: int) -> bool:
    """Does an acronym in parentheses end at ``pos`` ("(WGA)", "(WGA for short)", "(WGA, ...", "(WGA or ...")?"""
    j = skip_space(text, pos)
    if text[j:j + 1] in (")", ",", ";") or text.startswith("for short)", j):
        return True
    return j > pos and text.startswith("or", j) and text[j + 2:j + 3].isspace()


def _group(cands: list[Candidate], text: str) -> tuple[dict[str, _Group], list[tuple[str, str, Span]]]:
    """Typed candidates grouped by normalised name; then links (group key, form, span) for the rest."""
    groups: dict[str, _Group] = {}
    alias_of: dict[str, str] = {}          # normalised alias -> group key
    links: list[tuple[str, str, Span]] = []
    # a surname after an honorific ("Mr. Bell") waits to be linked to the full name
    strong = [c for c in cands if c.type and c.confidence >= 0.7
              and not (c.honorific is not None and len(c.tokens) == 1)]
    strong_ids = {id(c) for c in strong}
    weak = [c for c in cands if id(c) not in strong_ids]

    def key_for(form: str) -> str | None:
        n = norm(form)
        return n if n in groups else alias_of.get(n)

    # 1. strong typed candidates: one group per normalised name
    for c in strong:
        form, span = _surface(c, text)
        k = key_for(form)
        if k is None:
            k = norm(form)
            groups[k] = _Group(c.type or "Organization", c.rule, c.confidence)
        g = groups[k]
        if c.confidence > g.confidence and c.type != g.type and c.type:
            g.type, g.rule, g.confidence = c.type, c.rule, c.confidence
        g.add(form, span)
    # 2. acronyms in parentheses right after a name: "Writers Guild of America (WGA)"
    by_end = {c.span.end: c for c in strong}
    for c in cands:
        if len(c.tokens) != 1 or text[c.span.start - 1:c.span.start] != "(" \
                or not _closes_paren_acronym(text, c.span.end):
            continue
        prev = by_end.get(c.span.start - 2)
        if prev is not None and prev.type != "Person" and prev.type is not None:
            full = _surface(prev, text)[0]
            # "(WGA)"; Guardian style writes acronyms as words: "(Becu)", "(Paft)"
            if c.acronym or initials(full).upper() == c.text.upper():
                k = key_for(full)
                if k is not None and c.text not in [f for f, _ in groups[k].forms]:
                    alias_of[norm(c.text)] = k
    # 3. acronyms equal to the initials of a known organization: "AMPTP", "AP"
    for c in cands:
        acr = _surface(c, text)[0]
        if c.acronym and norm(acr) not in alias_of:
            for k, g in groups.items():
                if g.type != "Person" and k != norm(acr) and \
                        any(len(f.split()) >= 2 and initials(f) == acr.replace(".", "") for f, _ in g.forms):
                    alias_of[norm(acr)] = k
                    break
    # drop strong groups that are really an alias of another (a typed acronym seen before its name)
    for n, k in list(alias_of.items()):
        if n in groups and n != k and k in groups:
            popped = groups.pop(n)
            target = groups[k]
            # "The RDG, which represents train companies": what the acronym's context says wins
            if popped.confidence > target.confidence and popped.type != "Person":
                target.type, target.rule, target.confidence = popped.type, popped.rule, popped.confidence
            for form, span in popped.forms:
                links.append((k, form, span))
    # short names typed on their own ("Calder Chief Executive ...") join the full name ("Calder Motors")
    for n in list(groups):
        g = groups.get(n)
        if g is None or g.type == "Person":
            continue
        target = short_form_of(g.forms[0][0], groups, exclude=n)
        if target is not None and all(short_form_of(f, groups, exclude=n) == target for f, _ in g.forms):
            for form, span in groups.pop(n).forms:
                links.append((target, form, span))
                alias_of[norm(form)] = target
    # "The Times" after "The Los Angeles Times": an outlet's short name is its last word(s);
    # "Teamsters" after "International Brotherhood of Teamsters": a union's, the word after "of"
    for n in list(groups):
        g = groups[n]
        if g.type not in ("MediaOutlet", "Union", "Guild"):
            continue
        tail = n.split()
        if g.type == "MediaOutlet":
            hits = [k for k, h in groups.items() if k != n and h.type == "MediaOutlet"
                    and len(k.split()) > len(tail) and k.split()[-len(tail):] == tail]
        else:
            hits = [k for k, h in groups.items() if k != n and h.type in ("Union", "Guild") and len(tail) == 1
                    and k.split()[-2:] == ["of", tail[0]]]
        if len(hits) == 1:
            for form, span in groups.pop(n).forms:
                links.append((hits[0], form, span))
                alias_of[norm(form)] = hits[0]
    # a surname typed as a person on its own ("De la Vega said") joins the full name
    surnames = _surname_index(groups)
    for n in list(groups):
        g = groups[n]
        if g.type == "Person" and all(surnames.get(f) not in (None, n) for f, _ in g.forms):
            target = surnames[g.forms[0][0]]
            if target in groups and all(surnames.get(f) == target for f, _ in g.forms):
                for form, span in groups.pop(n).forms:
                    links.append((target, form, span))
                    alias_of[norm(form)] = target
    # 4. everything else: exact forms, surnames, short forms, branches of a known acronym
    surnames = _surname_index(groups)
    # typed weak candidates first, so an untyped mention earlier in the text still finds its group
    weak.sort(key=lambda c: c.type is None)
    for c in weak:
        form, span = _surface(c, text)
        last = c.tokens[-1].text
        k = key_for(form)
        if k is not None:
            links.append((k, form, span))
            continue
        if len(c.tokens) > 1 and form in surnames and c.type in (None, "Person") and c.confidence < 0.85:
            if surnames[form] is not None:
                links.append((surnames[form], form, span))
            continue
        if len(c.tokens) == 1 and last in surnames and c.type in (None, "Person", "MediaOutlet", "Company",
                                                                  "Organization") and c.confidence < 0.75 \
                or (c.honorific is not None and len(c.tokens) == 1 and last in surnames):
            if surnames[last] is not None:
                links.append((surnames[last], form, span))
            continue
        if c.type in (None, "Organization", "Company") and "place" not in c.cues and \
                not (len(c.tokens) == 1 and c.tokens[0].text.lower() in load_words("lone_words")):
            k = short_form_of(form, groups)
            if k is not None:
                links.append((k, form, span))
                continue
        branch = _branch_of(form, groups, alias_of)
        if branch is not None and (c.type is None or c.confidence < 0.7):
            c.type, c.rule, c.confidence = branch, "entity.acronym-branch", 0.7
        if c.type is not None:
            k = norm(form)
            if k not in groups:
                groups[k] = _Group(c.type, c.rule, c.confidence)
            groups[k].add(form, span)
    # aliases recorded in step 2/3 become links at the acronym's own spans
    linked = {s for _, _, s in links}
    for c in cands:
        form, span = _surface(c, text)
        n = norm(form)
        if n in alias_of and n not in groups and span not in linked:
            links.append((alias_of[n], form, span))
    return groups, links


def _surname_index(groups: dict[str, _Group]) -> dict[str, str | None]:
    """Last name -> person group (None when two people share it)."""
    out: dict[str, str | None] = {}
    for k, g in groups.items():
        if g.type != "Person":
            continue
        for form, _ in g.forms:
            words = form.split()
            if len(words) < 2:
                continue
            last = words[-1] if words[-1] not in ("Jr.", "Sr.", "II", "III") else words[-2]
            forms = {last}
            if "-" in last:
                forms.update(last.split("-"))
            # "Luis de la Vega" is "de la Vega" / "De la Vega" for short
            particle = next((i for i, w in enumerate(words[1:], 1) if w in PARTICLES), None)
            if particle is not None:
                tail = " ".join(words[particle:])
                forms.update({tail, tail[:1].upper() + tail[1:]})
            for s in forms:
                if s in out and out[s] != k:
                    out[s] = None
                else:
                    out[s] = k
    return out


def _branch_of(form: str, groups: dict[str, _Group], alias_of: dict[str, str]) -> str | None:
    """"WGAEast", "WGAW": a known organization acronym glued to a capitalized word -> its type."""
    acr = _branch_acronym(form)
    if acr is None:
        return None
    k = alias_of.get(norm(acr))
    if k is None:
        k = next((kk for kk, g in groups.items() if any(f == acr for f, _ in g.forms)), None)
    if k is None or k not in groups or groups[k].type == "Person":
        return None
    return groups[k].type


_DIRECTIONS = frozenset("East West North South Central Eastern Western Northern Southern Midwest".split())


def _branch_acronym(form: str) -> str | None:
    """The acronym in "WGAEast", "WGAW", "WGA West" (2-8 capitals, then a capitalized word or letter)."""
    parts = form.split(" ")
    if len(parts) == 2:
        acr = parts[0]
        ok = parts[1] in _DIRECTIONS
    else:
        u = 0
        while u < len(form) and form[u] in ASCII_UPPER:
            u += 1
        if u == len(form):
            acr, ok = form[:-1], True                       # "WGAW"
        else:
            acr = form[:u - 1]                              # "WGAEast": "WGA" + "East"
            ok = u >= 1 and all(ch in ASCII_LOWER for ch in form[u:])
    return acr if ok and 2 <= len(acr) <= 8 and all(ch in ASCII_UPPER for ch in acr) else None


def _finish(groups: dict[str, _Group], links: list[tuple[str, str, Span]]) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (name = fullest form; other forms are aliases) and their name mentions."""
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for k, form, span in links:
        if k in groups:
            groups[k].add(form, span)
    keys: dict[str, str] = {}
    for k, g in groups.items():
        name = g.name
        key = base = slug(_without_the(name))
        n = 1
        while key in keys.values():     # two entities of one name (a person and a company)
            n += 1
            key = f"{base}-{slug(g.type)}" if n == 2 else f"{base}-{n}"
        keys[k] = key
        aliases = []
        for form, _ in g.forms:
            # "RAY DOMINGUEZ" in a transcript line is the same name in capitals, not an alias
            if form.lower() == name.lower() or form.lower() in (a.lower() for a in aliases):
                continue
            if form != name and form not in aliases and not is_description(form) and \
                    form.removeprefix("The ") != name.removeprefix("The "):
                aliases.append(form)
        entities.append(Entity(key=key, name=name, type=g.type, aliases=tuple(aliases),  # type: ignore[arg-type]
                               rule=g.rule, confidence=round(g.confidence, 3)))
        seen = set()
        for form, span in g.forms:
            if span not in seen:
                seen.add(span)
                mentions.append(Mention(span, key, form))
    entities.sort(key=lambda e: min((m.span.start for m in mentions if m.entity == e.key), default=0))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return tuple(entities), tuple(mentions)


def _without_the(name: str) -> str:
    """``name`` without a leading "the " (any case) and the spaces after it."""
    if fold(name[:3]) == "the" and name[3:4].isspace():
        return name[3:].lstrip()
    return name
