"""Candidate names: runs of capitalized words, split into name-shaped pieces, with a type guess.

Only the body sentences are read (headlines are Title Case, so their capitals say nothing).
A run such as "Several industry leaders" or "Ohio Governor Tom Hart" is cut at words that are
never part of a name ("Several"), at job titles ("Governor") and at honorifics ("Mr."), so each
piece is a name candidate.  A candidate gets a type from what it is made of (a head noun such
as "Guild", a company suffix such as "Inc.", a given name, a lexicon of outlets or platforms)
or from the words around it ("Disney CEO", "per Variety", "posted on X").  Candidates with no
evidence are kept untyped: the resolver links them to entities found elsewhere or drops them,
because a wrong entity is worse than a missing one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..document import Document, Span
from .lexicon import load, load_flagged, load_lower, load_map, load_phrases, load_words, load_words_cased
from .resolve import norm

# A word: letters/digits with inner apostrophes, hyphens, periods, "&" and "®" ("Warner",
# "Bros.", "SAG-AFTRA", "AT&T", "Movieguide®", "O’Brien", "A.I.").
_WORD = re.compile(r"[\w®&][\w®&.’'\-]*")
# words that keep their final period (abbreviations inside names)
_KEEP_PERIOD = frozenset("""mr mrs ms mx dr prof sr jr st inc corp co cos ltd bros gen gov sen rep rev sgt
capt lt col mt ft no""".split())
# lower-case words that may sit inside a name ("Alliance of Motion Picture and Television
# Producers", "Luis de la Vega", "Procter & Gamble")
_CONNECTORS = frozenset("of and & for the de la del der van von da du le y on".split())
_PARTICLES = frozenset("de la del der van von da du le bin al".split())
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,9}(?:-[A-Z0-9&]{2,9})*|(?:[A-Z]\.){2,})$")
_NAME_WORD = re.compile(r"^(?=\w\W?\w)(?:[A-Z][’'])?[A-Z][a-zà-ÿ]*(?:[A-Z][a-zà-ÿ]+)?(?:[’'\-][A-Z]?[a-zà-ÿ]+)*$"
                        r"|^[A-Z]\.$|^(?:Jr\.|Sr\.|II|III|IV)$")
_OPEN_QUOTES = "“\"‘'([«"


class Token(NamedTuple):
    """One word of a sentence; ``poss`` when a possessive ’s follows it (not part of the span)."""

    text: str
    start: int
    end: int
    poss: bool = False
    apos: bool = False          # a plural possessive apostrophe follows ("Writers’")


@dataclass(eq=False)
class Candidate:
    """A name-shaped piece of text and what we know about it so far."""

    tokens: tuple[Token, ...]
    sentence: Span
    text: str                                   # the surface as written
    type: str | None = None
    rule: str = ""
    confidence: float = 0.0
    initial: bool = False                       # first word of its sentence (or quote)
    honorific: Token | None = None              # "Mr." before it
    title_before: bool = False                  # a job title right before it
    cues: set[str] = field(default_factory=set)

    @property
    def span(self) -> Span:
        return Span(self.tokens[0].start, self.tokens[-1].end)

    @property
    def acronym(self) -> bool:
        toks = self.tokens[1:] if self.tokens[0].text == "The" else self.tokens
        return len(toks) == 1 and bool(_ACRONYM.match(toks[0].text))

    @property
    def poss(self) -> bool:
        return self.tokens[-1].poss

    def assign(self, type_: str, rule: str, confidence: float) -> None:
        """Record a type guess unless a more confident one is already there."""
        if self.type is None or confidence > self.confidence:
            self.type, self.rule, self.confidence = type_, rule, confidence


def tokenize(text: str, span: Span) -> list[Token]:
    """The words of ``text[span]`` with possessives and sentence punctuation peeled off."""
    out = []
    for m in _WORD.finditer(text, span.start, span.end):
        t, s = m.group(), m.start()
        poss = apos = False
        if len(t) > 2 and t[-2:] in ("’s", "'s") and t[-3] != "-":
            t, poss = t[:-2], True
        elif t.endswith(("’", "'")):
            t, apos = t[:-1], True
        t = t.rstrip("-")
        if t.endswith(".") and not _keeps_period(t):
            t = t.rstrip(".")
        if t.endswith(("’", "'")):
            t, apos = t[:-1], True
        if t:
            out.append(Token(t, s, s + len(t), poss, apos))
    return out


def _keeps_period(word: str) -> bool:
    core = word.rstrip(".")
    return core.lower() in _KEEP_PERIOD or bool(re.fullmatch(r"(?:[A-Za-z]\.)+", word)) \
        or (len(core) == 1 and core.isupper())


# -- lexicon views ------------------------------------------------------------------------------
def _never() -> frozenset[str]:
    return load_words("non_names")


def _lone() -> frozenset[str]:
    return load_words("lone_words")


@lru_cache(maxsize=None)
def _title_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Title phrases grouped by first word (longest first), for fast matching."""
    idx: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_phrases("titles"):
        idx.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=1)
def _title_starts() -> frozenset[str]:
    """Words a title can start with (a quick test before the full match)."""
    return frozenset(_title_index()) | _TITLE_MODIFIERS | load_words("title_areas") | {"chief"}


def _core_title(low: list[str], j: int) -> int:
    for phrase in _title_index().get(low[j], ()):
        if tuple(low[j:j + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _same_case(words: list[str]) -> bool:
    caps = {w[:1].isupper() for w in words}
    return len(caps) == 1


def title_at(words: list[str], i: int) -> int:
    """Length (in words) of the job title starting at ``words[i]``, 0 if none.

    Modifiers ("interim", "deputy", "executive", "national") and field words
    ("communications director", "chief human resources officer") are part of the title.
    """
    if i >= len(words) or words[i].lower() not in _title_starts():
        return 0
    low = [w.lower() for w in words[i:i + 9]]
    mods = 0
    while mods < len(low) and low[mods] in _TITLE_MODIFIERS:
        mods += 1
    areas = load_words("title_areas")
    for j in range(min(mods, len(low) - 1), -1, -1):
        best = _core_title(low, j)
        # field words before a title, written in the same case: "Media Relations Manager"
        k = j
        while k < len(low) - 1 and k - j < 3 and low[k] in areas:
            k += 1
        if k > j:
            n = _core_title(low, k)
            if n and low[k] not in _ACRONYM_TITLES and _same_case(words[i + j:i + k + 1]):
                best = max(best, k - j + n)
        if low[j] == "chief":
            k = j + 1
            while k < len(low) - 1 and k - j <= 3 and low[k] in areas:
                k += 1
            if k > j + 1 and low[k] == "officer":
                best = max(best, k - j + 1)
        if best:
            return j + best
    return 0


_ACRONYM_TITLES = frozenset({"ceo", "co-ceo", "cfo", "coo", "cto", "cmo"})
_TITLE_MODIFIERS = frozenset("""interim acting deputy assistant associate senior executive international
national regional global general founding""".split())
_EXEC_TITLES = re.compile(
    r"^(?:co-?)?(?:ceo|chief executive(?: officer)?|chief [a-z]+ officer|cfo|coo|cto|cmo|chairman|chairwoman|"
    r"executive vice president|president and ceo|executives?)$", re.I)


def is_exec_title(title: str) -> bool:
    """Titles that mark their organization as a company ("Disney CEO", "Acme's chief executive")."""
    return bool(_EXEC_TITLES.match(re.sub(r"\s+", " ", title.strip())))


# -- runs of capitalized words ------------------------------------------------------------------
def candidates(doc: Document) -> Iterator[Candidate]:
    """Every name candidate in the body sentences, in text order, with intrinsic types guessed."""
    text = doc.text
    for sent in doc.sentences:
        toks = tokenize(text, sent.span)
        headline = _headline_like(toks)
        for run, initial in _runs(text, toks, sent.span):
            for piece, honorific, title_before in _pieces(run, toks, text):
                cand = Candidate(tuple(piece), sent.span, text[piece[0].start:piece[-1].end],
                                 initial=initial and piece[0] is run[0], honorific=honorific,
                                 title_before=title_before)
                _intrinsic(cand, toks, text)
                if headline:
                    cand.cues.add("headline")
                yield cand


_INNER_POSS_HEADS = frozenset("association guild union alliance federation council league club".split())
_TITLE_CASE_WORDS = frozenset("""And Or But To At In On For Of With From By As Is Are Was Were Be
Will Over After Into Off Up Out How What Why Who Says Say Amid Against Vs Could Would Can May""".split())


def _headline_like(toks: list[Token]) -> bool:
    """A Title Case line ("Teamsters Authorize Strike At UPS"): its capitals say nothing about names."""
    return sum(1 for t in toks[1:] if t.text in _TITLE_CASE_WORDS) >= 1 and \
        sum(1 for t in toks if t.text[:1].isupper()) >= 0.7 * len(toks)


def _is_cap(tok: Token) -> bool:
    return tok.text[0].isupper()


def _runs(text: str, toks: list[Token], sent: Span) -> Iterator[tuple[list[Token], bool]]:
    """Maximal runs of capitalized words joined by spaces (and lower-case connectors)."""
    i = 0
    n = len(toks)
    while i < n:
        if not _is_cap(toks[i]):
            i += 1
            continue
        run = [toks[i]]
        j = i + 1
        while j < n:
            prev, cur = run[-1], toks[j]
            if not _joined(text, prev, cur):
                break
            if _is_cap(cur) or (cur.text.isdigit() and len(cur.text) <= 4 and
                                (prev.text in _NUMBERED_UNITS or (j + 1 < n and _is_cap(toks[j + 1])
                                                          and _joined(text, cur, toks[j + 1])))):
                run.append(cur)
                j += 1
                continue
            # a connector continues the run only when a capitalized word follows it
            k = j
            while k < n and toks[k].text in _CONNECTORS and _joined(text, toks[k - 1], toks[k]):
                k += 1
            if k > j and k < n and _is_cap(toks[k]) and _joined(text, toks[k - 1], toks[k]) \
                    and k - j <= 2:
                run.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        before = text[sent.start:toks[i].start].rstrip()
        initial = not before or before[-1] in _OPEN_QUOTES + ":—–-"
        yield run, initial
        i = j


# "Local 19", "District 751", "Lodge 9": numbered units of a union
_NUMBERED_UNITS = frozenset({"Local", "District", "Lodge", "Region", "Chapter", "Council"})
_CLOSING_SUFFIXES = frozenset({"Inc.", "Corp.", "Co.", "Cos.", "Ltd.", "L.L.C.", "LLC", "PLC", "plc"})


def _joined(text: str, a: Token, b: Token) -> bool:
    """Two words belong to one name only when nothing but a space separates them.

    A company suffix closes a name ("... met Acme Corp. Acme Corp. CEO Jane Doe" holds two).
    """
    if a.text in _CLOSING_SUFFIXES:
        return False
    gap = text[a.end:b.start]
    if a.poss:
        # "International Longshoremen's Association", "Women's Union": a possessive inside a name
        return gap in ("’s ", "'s ") and a.text[:1].isupper() and b.text.lower() in _INNER_POSS_HEADS
    if a.apos:
        return gap in ("’ ", "' ") and b.text[:1].isupper()
    return gap == " "


def _pieces(run: list[Token], toks: list[Token], text: str) -> Iterator[tuple[list[Token], Token | None, bool]]:
    """Cut a run at never-name words, titles and honorifics; fix connectors.

    Yields (piece, honorific before it, job title right before it).
    """
    words = [t.text for t in run]
    never = _never()
    honorifics = load("honorifics")
    heads = load_map("org_heads")
    cur: list[Token] = []
    honorific: Token | None = None
    title_before = _title_ends_before(toks, run[0])
    i = 0
    outlets = load_flagged("media_outlets")
    while i < len(run):
        w = words[i]
        # a known outlet is one name even when it holds a title word ("The Hollywood Reporter")
        j = next((j for j in range(min(len(run), i + 6), i + 1, -1) if norm(" ".join(words[i:j])) in outlets), 0)
        if j:
            yield from _fix(cur, honorific, title_before, text)
            yield run[i:j], None, False
            cur, honorific, title_before = [], None, False
            i = j
            continue
        n = title_at(words, i)
        # a title word followed by an organization head is part of a name ("Executive Council")
        if n and i + n < len(run) and words[i + n].lower() in heads:
            n = 0
        if n:
            yield from _fix(cur, honorific, title_before, text)
            cur, honorific, title_before = [], None, True
            i += n
            continue
        if w in honorifics and i + 1 < len(run):
            yield from _fix(cur, honorific, title_before, text)
            cur, honorific, title_before = [], run[i], False
            i += 1
            continue
        if w.lower() in never and w.lower() not in _CONNECTORS:
            yield from _fix(cur, honorific, title_before, text)
            cur, honorific, title_before = [], None, False
            i += 1
            continue
        if w == "The" and not cur:
            cur.append(run[i])      # kept for outlet names ("The New York Post"); dropped later
            i += 1
            continue
        cur.append(run[i])
        i += 1
    yield from _fix(cur, honorific, title_before, text)


def _title_ends_before(toks: list[Token], first: Token) -> bool:
    """Is there a (lower-case) job title right before this word ("president Marta Olsen")?"""
    idx = next((k for k, t in enumerate(toks) if t is first), None)
    if not idx:
        return False
    words = [t.text for t in toks]
    for start in range(max(0, idx - 6), idx):
        n = title_at(words, start)
        if n and start + n == idx and toks[idx - 1].end <= first.start:
            return True
    return False


def _fix(piece: list[Token], honorific: Token | None, title_before: bool,
         text: str = "") -> Iterator[tuple[list[Token], Token | None, bool]]:
    """Split a piece at "and"/"of" where they join two names, trim connectors at the edges."""
    if not piece:
        return
    heads = load_map("org_heads")
    # "of"/"for" stays inside an organization name ("Writers Guild of America", "Bank of America")
    parts: list[list[Token]] = [[]]
    for t in piece:
        if t.text in ("of", "for", "on"):
            prev = parts[-1][-1].text.lower() if parts[-1] else ""
            if not (prev in heads or prev in _OF_HEADS or prev.rstrip(".") in ("co", "corp")):
                parts.append([])
                continue
        elif t.text == "the" and not (parts[-1] and parts[-1][-1].text in ("of", "for", "and")):
            parts.append([])
            continue
        parts[-1].append(t)
    out: list[list[Token]] = []
    for p in parts:
        out.extend(_split_and(p, text))
    first = True
    for p in out:
        while p and (p[0].text in _CONNECTORS or not p[0].text[:1].isupper()):
            p = p[1:]
        while p and p[-1].text in _CONNECTORS:
            p = p[:-1]
        if p and not (len(p) == 1 and p[0].text == "The"):
            yield p, honorific if first else None, title_before if first else False
        first = False


_AFTER_HEAD = frozenset("""local east west north south central eastern western northern southern national
international america usa inc co corp llc united""".split())
_STRONG_HEADS = frozenset("""guild union alliance association federation brotherhood council board department
ministry agency commission court committee coalition""".split())


def _split_and(part: list[Token], text: str) -> list[list[Token]]:
    """Keep "and" inside one name ("Alliance of Motion Picture and Television Producers",
    "Federal Mediation and Conciliation Service") or split two names ("Disney and Netflix")."""
    ands = [k for k, t in enumerate(part) if t.text == "and"]
    if not ands:
        return [part]
    k = ands[0]
    x, y = part[:k], part[k + 1:]
    if not x or not y:
        return [p for p in (x, y) if p]
    whole = [t.text for t in part]
    heads, suffixes = load_map("org_heads"), load("org_suffixes")
    # the acronym in parentheses after the name spells all of it: "... Guild (SVPG)"
    m = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&\-]{1,11})(?:\)|\s+for short\b|,|;)",
                 text[part[-1].end:part[-1].end + 24]) if text else None
    if m and initials(" ".join(whole)).upper() == m["acr"].upper():
        return [part]
    xl = [t.text.lower() for t in x]
    yl = [t.text.lower() for t in y]
    y_head = yl[-1] in heads or y[-1].text in suffixes
    if y[0].text == "the":
        return [x] + _split_and(y, text)
    if len(y) == 1 and y[0].text in suffixes and len(x) >= 2:
        return [part]       # "Kaiser Foundation Health Plan and Hospitals", "Johnson and Sons Co."
    if ("of" in xl or "for" in xl) and not (yl[-1] in _STRONG_HEADS):
        return [part]
    if "of" not in xl and len(x) >= 2 and y_head and not any(w in heads or w in (s.lower() for s in suffixes) for w in xl) \
            and xl[0] not in _given():
        return [part]
    return [x] + _split_and(y, text)


def initials(name: str) -> str:
    """Acronym of a name: "Writers Guild of America" -> "WGA", "Recording Musicians Guild-AFVA" -> "RMG-AFVA"."""
    out = []
    for w in re.split(r"\s+", name.replace("’", "").replace("'", "")):
        if not w or w.lower() in _CONNECTORS:
            continue
        if "-" in w:
            first, _, rest = w.partition("-")
            if rest.isupper() and len(rest) > 1:
                out.append(first[:1] + "-" + rest)
                continue
        if w[:1].isupper():
            # an acronym inside the name counts whole: "NFL Players Association" -> "NFLPA"
            out.append(w.replace(".", "") if _ACRONYM.match(w) and len(w) <= 4 else w[:1])
    return "".join(out)


_OF_HEADS = frozenset("""university bank city state republic house school museum office academy
journal times review gazette chronicle bulletin
district county church institute college board department ministry bureau secretary""".split())


# -- types from what a name is made of ----------------------------------------------------------
def org_type(words: list[str]) -> tuple[str, str] | None:
    """(type, rule) of an organization name from its head noun or suffix, or None."""
    if not words:
        return None
    # "Guild-AFVA", "Professionals-UTW": a merged body's name ends in the partner's acronym
    low = [re.sub(r"-[a-z0-9&]{2,}$", "", w.lower()) if re.search(r"-[A-Z0-9&]{2,}$", w) else w.lower()
           for w in words]
    low = [w.rstrip(".") for w in low]
    heads = load_map("org_heads")
    suffixes = load("org_suffixes")
    members = load_map("member_nouns")
    if " ".join(words) in load("government_bodies"):
        return "GovernmentBody", "entity.government-lexicon"
    if len(words) >= 2 and words[-1].isdigit() and words[-2] in _NUMBERED_UNITS:
        return "Union", "entity.union-local"
    prep = next((i for i, w in enumerate(low) if w in ("of", "for")), None)
    before = low[:prep] if prep is not None else low
    head = next((w for w in reversed(before) if w in heads), None)
    if len(words) >= 3 and words[-2] in suffixes and words[-1] in ("International", "Worldwide", "Global",
                                                                   "USA", "America", "Americas"):
        return "Company", "entity.org-suffix"
    if len(words) >= 2 and (words[-1] in suffixes or words[-1].rstrip(".") in suffixes) and \
            (head is None or "of" not in low):
        # "Interactive Media Employers Group": a group of employers is a trade association
        if low[-1] in ("group", "council", "coalition") and any(members.get(w) == "TradeAssociation" for w in low):
            return "TradeAssociation", "entity.employers-group"
        return "Company", "entity.org-suffix"
    head = head or next((w for w in reversed(low) if w in heads), None)
    if head is not None:
        # the head ends the name (or comes before "of", "Local 19", "West"): "Teamsters Authorize
        # Strike" is a headline, not a union
        after = before[len(before) - before[::-1].index(head):] if head in before else \
            low[len(low) - low[::-1].index(head):]
        if after and not all(w in _AFTER_HEAD or w.isdigit() or w in (s.lower() for s in suffixes) for w in after):
            return None
    if head is None:
        if re.fullmatch(r"local \d+[a-z]?", " ".join(low[-2:])):
            return "Union", "entity.union-local"
        return None
    if len(words) == 1 and low[0] in _lone():
        return None
    kind = heads[head]
    if kind in ("Association", "Union", "Guild"):
        member = next((members[w] for w in low if w in members and w != head), None)
        if kind == "Association":
            kind = member or "TradeAssociation"
            if member is None:
                return kind, f"entity.head-{head}-default"
        elif kind == "Union" and member == "TradeAssociation" and head != "union":
            kind = "TradeAssociation"
    elif kind == "Organization" and head in ("league", "coalition", "committee", "conference", "council"):
        kind = next((members[w] for w in low if w in members), kind)
    elif kind == "GovernmentBody" and head in ("board", "council", "committee") and \
            any(members.get(w) and w.endswith("s") for w in low):
        kind = "Organization"           # "Skyward Pilots Board" is not a government board
    return kind, f"entity.head-{head}"


def is_personal(words: list[str]) -> bool:
    """Are these words shaped like a person's name (2-5 capitalized words, particles allowed)?"""
    if not 2 <= len(words) <= 5:
        return False
    lone, never, places = _lone(), _never(), load_lower("places")
    heads, suffixes = load_map("org_heads"), load("org_suffixes")
    for k, w in enumerate(words):
        low = w.lower()
        if low in _PARTICLES and 0 < k < len(words) - 1:
            continue
        if not _NAME_WORD.match(w) or low in never or low in lone or low in heads or w in suffixes:
            return False
    if words[-1].endswith(".") and words[-1] not in ("Jr.", "Sr."):
        return False
    joined = " ".join(words).lower()
    return joined not in places and not (words[0].lower() in places and not is_given(words[0]))


def _given() -> frozenset[str]:
    return load_words("given_names")


def is_given(word: str) -> bool:
    """A given name, hyphenated ones included ("Anne-Marie")."""
    low = word.lower()
    return low in _given() or ("-" in low and low.split("-")[0] in _given())


def _intrinsic(c: Candidate, toks: list[Token], text: str) -> None:
    """Type a candidate from its own words (and honorifics or titles right before it)."""
    words = [t.text for t in c.tokens]
    body = words[1:] if words[0] == "The" and len(words) > 1 else words
    full_norm = norm(" ".join(words))
    outlets, platforms = load_flagged("media_outlets"), load_flagged("platforms")
    if full_norm in outlets:
        if outlets[full_norm] != "context":
            c.assign("MediaOutlet", "entity.outlet-lexicon", 0.9)
        c.cues.add("outlet-lexicon")
        return
    if full_norm in platforms:
        if platforms[full_norm] != "context":
            c.assign("Platform", "entity.platform-lexicon", 0.9)
        c.cues.add("platform-lexicon")
        return
    if " ".join(body).lower() in load_lower("places"):
        c.cues.add("place")
        return
    if "of" in body and body.index("of") > 0 and body[body.index("of") - 1] in load_words_cased("outlet_heads"):
        c.cues.add("outlet-head")       # "Journal of Commerce"
    if len(body) >= 2 and (body[-1] in load_words_cased("outlet_heads") or
                           body[-1].split("-")[-1] in load_words_cased("outlet_heads")) and not is_given(body[0]) \
            and org_type(body) is None:
        c.cues.add("outlet-head")
    found = org_type(body)
    if found:
        c.assign(found[0], found[1], 0.8 if found[1].endswith("-default") else 0.85)
        return
    if c.honorific and all(_NAME_WORD.match(w) for w in body) and len(body) <= 4:
        c.assign("Person", "entity.honorific", 0.9)
        return
    if is_personal(body):
        if is_given(body[0]):
            c.assign("Person", "entity.given-name", 0.85)
        elif c.title_before:
            c.assign("Person", "entity.after-title", 0.8)
        else:
            c.cues.add("person-shaped")


# -- types from the words around a name ---------------------------------------------------------
_OUTLET_VERB_AFTER = re.compile(
    r"^\s*(?:has |had |first |previously |also |earlier |later )?(?:reported|reports|wrote|writes)\b"
    r"(?=\s*(?:[,:“\"]|that\b|on\b|in\b|the\b))")
_OUTLET_SOFT_AFTER = re.compile(
    r"^\s*(?:has |had |first |previously |also |earlier )?(?:reported|reports|noted|notes|wrote|writes|"
    r"updated|published|confirmed|learned|revealed|said|contributed)\b")
_OUTLET_BEFORE = re.compile(
    r"(?:\bper|\baccording to|\btold|\breported by|\bvia|\binterview with|\bspeaking to|\bspoke to|"
    r"\bspoke with|\bstatement to|\bconfirmed to|\bsaid to|\bwrote in|\breported in|\bop-ed in|"
    r"\bcovers [\w\s]{1,30}? for|\bwrites for|\breporter for|\bcorrespondent for)\s+(?:the\s+)?$", re.I)
_OUTLET_STRONG_BEFORE = re.compile(r"(?:\btold|\binterview with|\bspoke to|\bspoke with|\bstatement to)\s+$", re.I)
_PLATFORM_BEFORE = re.compile(r"\b(?:on|to|via|onto|across|through)\s+$|[’']s\s+$", re.I)
_PLATFORM_AFTER = re.compile(r"^\s*(?:post|posts|posted|account|accounts|user|users|thread|threads|video|videos|"
                             r"page|feed|story|stories|live|livestream|followers|message|statement)\b|^\s*\(formerly",
                             re.I)
_REPRESENTS = re.compile(
    r"\s*,\s*which\s+(?:represents|bargains|negotiates|speaks)\b[^.;]{0,70}?\b(?:(?P<employers>companies|operators|"
    r"employers|studios|producers|carriers|hospitals|airlines|railroads|manufacturers|retailers|publishers|labels|"
    r"networks|streamers|automakers|firms|businesses)|(?P<workers>workers|employees|nurses|teachers|drivers|actors|"
    r"writers|crew|members|staff|pilots|attendants|musicians|artists|performers|dockworkers|longshoremen|"
    r"engineers|technicians|operators and guards))\b")
_FIRM_AFTER = re.compile(r"(?:[’']s)?\s+(?:analysts?|economists?|strategists?|shares|stock|bankers|"
                         r"said in a (?:research )?note|clients)\b")
_PERSON_NAME_NEXT = re.compile(r"^\s+[A-Z][a-z]+ [A-Z][\w’'\-]+")
_PERSON_AFTER = re.compile(r"^\s*,\s*(?:(?:a|an)\s+\d+-year-old\b|who\b|who\s+(?:heads|leads|runs|chairs|is|was|serves|represents|oversees|"
                           r"has|had|said|told)\b|\d{1,3},)")
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|wrote|noted|argued|explained|recalled|insisted)\b")
_PERSON_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|\badded|\bwrote|\btold|\b(?:nurse|worker|teacher|driver|actor|actress|writer|member|"
    r"organizer|employee|resident|economist|professor|attorney|lawyer|consultant|barista|mechanic|pilot|"
    r"dockworker|stagehand|picketer|striker|electrician|carpenter|engineer|technician|historian|expert))\s+$")
_LIST_CUE = re.compile(
    r"\b(?:companies|studios|firms|employers|automakers|carmakers|networks|streamers|airlines|retailers|"
    r"chains|corporations|conglomerates|media giants|tech giants|businesses|publishers|labels)\b"
    r"(?:[^.;:]{0,60}?)\s+(?:such as|including|include|like|among them|namely|are|were)\s+", re.I)
_DESC_TYPE = {"union": "Union", "labor union": "Union", "guild": "Guild", "trade group": "TradeAssociation",
              "trade association": "TradeAssociation", "industry group": "TradeAssociation",
              "company": "Company", "studio": "Company", "automaker": "Company", "carmaker": "Company",
              "airline": "Company", "retailer": "Company", "conglomerate": "Company", "streamer": "Company",
              "broadcaster": "Company", "newspaper": "MediaOutlet", "outlet": "MediaOutlet",
              "publication": "MediaOutlet", "agency": "GovernmentBody", "staffing agency": "Company"}
_DESC_ALT = "|".join(sorted((re.escape(d) for d in _DESC_TYPE), key=len, reverse=True))
# ", the union that represents ..." / ", an agency," — the description must close the appositive
_APPOS_AFTER = re.compile(
    rf"^\s*,\s*(?:the|a|an)\s+(?:[\w’'\-]+\s+){{0,3}}?({_DESC_ALT})\b(?![’'\-])(?=\s*(?:[,.;)]|$|that\b|which\b|who\b))",
    re.I)
_APPOS_BEFORE = re.compile(rf"\b(?:the|a|an)\s+(?:[\w’'\-]+\s+){{0,3}}?({_DESC_ALT})\s*,?\s+$", re.I)
_GOV_TITLES = frozenset({"governor", "lieutenant governor", "mayor", "attorney general", "secretary of state"})
_AFTER_WORDS = re.compile(r"[\w’'\-]+\.?")


def apply_context(cands: list[Candidate], text: str) -> None:
    """Give untyped (or lexicon-flagged) candidates a type from the words around them."""
    persons = {c.span.start for c in cands if c.type == "Person"}
    list_regions: list[tuple[int, int]] = []
    for sent in {c.sentence for c in cands}:
        s = sent.of(text)
        for m in _LIST_CUE.finditer(s):
            end = re.search(r"[.;:—–(]|\s-\s|,\s+(?:who|which)\b", s[m.end():])
            list_regions.append((sent.start + m.end(), sent.start + m.end() + (end.start() if end else len(s))))
    lone, places = _lone(), load_lower("places")
    for c in cands:
        # "Morgan Stanley analysts", "Grant Thornton economists": a firm named like a person
        if c.type == "Person" and c.honorific is None and _FIRM_AFTER.match(text, c.span.end):
            c.type, c.rule, c.confidence = "Company", "entity.firm-context", 0.75
            continue
        if c.type == "Person":
            continue
        before = text[c.sentence.start:c.span.start]
        after = text[c.span.end:c.sentence.end]
        rest = after[2:] if c.poss else after
        single_lone = len(c.tokens) == 1 and c.tokens[0].text.lower() in lone
        if single_lone:
            continue
        # "in Harbor City", "near Toledo": a location, not an organization's short name
        if re.search(r"\b(?:in|near|outside|across|around|throughout|downtown)\s+$", before) and not c.type:
            c.cues.add("place")
        place = "place" in c.cues
        # "Disney CEO", "Acme's chief executive", "Ohio Governor": a title right after the name
        words_after = _AFTER_WORDS.findall(rest[:80])
        if rest[:1] == " " and words_after and not (c.type and c.confidence >= 0.85):
            n = title_at(words_after, 0)
            if n:
                title = " ".join(words_after[:n])
                if place:
                    if title.lower() in _GOV_TITLES:
                        c.assign("GovernmentBody", "entity.place-government", 0.7)
                elif is_exec_title(title):
                    c.assign("Company", "entity.exec-title", 0.8)
                elif c.type is None and "person-shaped" not in c.cues and \
                        (not c.initial or _PERSON_NAME_NEXT.match(rest[len(" ".join(words_after[:n])) + 1:])):
                    c.assign("Organization" if c.acronym else "Company", "entity.title-after", 0.6)
                c.cues.add("title-after")
                continue
        if place:
            continue
        if "platform-lexicon" in c.cues:
            if _PLATFORM_BEFORE.search(before) or _PLATFORM_AFTER.match(rest):
                c.assign("Platform", "entity.platform-context", 0.85)
            continue
        outletish = "outlet-lexicon" in c.cues or "outlet-head" in c.cues or "®" in c.text
        if c.type is None or outletish:
            if _OUTLET_VERB_AFTER.match(after) and "person-shaped" not in c.cues and not c.poss:
                c.assign("MediaOutlet", "entity.outlet-reported", 0.75 if outletish else 0.65)
                continue
            # a photo credit: "(Dana Whitfield / The Harbor City Ledger)"
            if re.search(r"\(\s*[A-Z][\w’'.\- ]{2,40}?\s*/\s*$", before) and re.match(r"^\s*\)", after) \
                    and "person-shaped" not in c.cues:
                c.assign("MediaOutlet", "entity.outlet-credit", 0.7)
                continue
            # a dateline credit: "DETROIT (Reuters) -", "BAYVIEW, Calif. (KBVT) —"
            if re.search(r"^(?:[A-Z][A-Z .,’'\-]*(?:,\s+[A-Z][a-z]+\.?)?\s*)?\($", before) and re.match(r"^\)\s*(?:-|—|–)", after):
                c.assign("MediaOutlet", "entity.outlet-dateline", 0.8)
                continue
            if outletish and (_OUTLET_SOFT_AFTER.match(after) or _OUTLET_BEFORE.search(before)
                              or re.match(r"^\s*\)", after) and re.search(r"\(\s*$", before)):
                c.assign("MediaOutlet", "entity.outlet-cited", 0.8)
                continue
            if "person-shaped" not in c.cues and not c.initial and (
                    re.search(r"\bper\s+$", before) and re.match(r"^\s*(?:[.,;]|$)", after)
                    or _OUTLET_STRONG_BEFORE.search(before) and len(c.tokens) <= 3 and not c.poss):
                c.assign("MediaOutlet", "entity.outlet-source", 0.6)
                continue
        # "president of Southpaw Sounds", "an analyst at Crane & Holt": the title's organization
        if c.type is None and not c.initial and (t := _title_right_before(before)) is not None:
            if is_exec_title(t):
                c.assign("Company", "entity.title-of", 0.7)
            elif not all(w.lower() in load_words("title_areas") for w in c.text.split()):
                c.assign("Organization" if c.acronym else "Company", "entity.title-of", 0.6)
            continue
        if c.type is None and (m := _APPOS_AFTER.match(after) or _APPOS_BEFORE.search(before)):
            c.assign(_DESC_TYPE[m.group(1).lower()], "entity.appositive-description", 0.75)
            continue
        if c.type is None and not is_given(c.tokens[0].text) and \
                any(a <= c.span.start < b for a, b in list_regions):
            c.assign("Company", "entity.company-list", 0.7)
            continue
        # "shares of Paramount Global", "Calder shares rose": only companies have shares
        if c.type is None and not c.initial and (re.search(r"\b(?:shares|stock) (?:of|in)\s+$", before, re.I)
                                                 or re.match(r"^(?:[’']s)?\s+(?:shares|stock|stockholders)\b", after)):
            c.assign("Organization" if c.acronym else "Company", "entity.shares", 0.7)
            continue
        # "Orbit's Lena Park": a possessive name before a person is that person's organization
        if c.type is None and c.poss and (c.span.end + 3 in persons or c.span.end + 2 in persons):
            c.assign("Organization" if c.acronym else "Company", "entity.possessive-affiliation", 0.55)
            continue
    _acronym_orgs(cands, text)
    # ", which represents 40 studios" / ", which represents 22,000 crew": who the members are
    for c in cands:
        if c.type in ("Person", "GovernmentBody", "MediaOutlet", "Platform", "Guild"):
            continue
        m = _REPRESENTS.match(text, c.span.end)
        if m:
            kind = "TradeAssociation" if m.group("employers") else "Union"
            if c.type != kind and (c.type is None or c.confidence < 0.9):
                c.type, c.rule, c.confidence = kind, "entity.represents", 0.88
    # a Title Case line (a related-stories list, a repeated headline) names nothing new
    for c in cands:
        if "headline" in c.cues and c.type is not None and c.confidence < 0.9:
            c.type, c.rule, c.confidence = None, "", 0.0
    # a name once used as a place ("in Harbor City") is a place everywhere in the article
    place_names = {c.text for c in cands if "place" in c.cues and c.type is None}
    for c in cands:
        if c.text in place_names and c.type is None:
            c.cues.add("place")
    # "KBVT Channel 5 News" starts with an outlet named elsewhere ("(KBVT) —"): it is that outlet
    outlets = {c.text for c in cands if c.type == "MediaOutlet" and len(c.tokens) == 1}
    for c in cands:
        if c.type is None and "outlet-head" in c.cues and c.tokens[0].text in outlets:
            c.assign("MediaOutlet", "entity.outlet-named", 0.75)
    # person-shaped names confirmed by what surrounds them, or by their surname speaking alone
    # elsewhere ("Nnamdi Okafor, a 24-year-old worker, ..." + "“...,” Okafor said.")
    speakers = set()
    for c in cands:
        if len(c.tokens) == 1 and c.type is None:
            if _SPEECH_AFTER.match(text, c.span.end) or _PERSON_BEFORE.search(text[c.sentence.start:c.span.start]):
                speakers.add(c.tokens[0].text)
    for c in cands:
        if c.type is None and "person-shaped" in c.cues:
            before = text[c.sentence.start:c.span.start]
            after = text[c.span.end:c.sentence.end]
            if _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before) or _appositive_title(after) \
                    or c.tokens[-1].text in speakers:
                c.assign("Person", "entity.person-context", 0.75)


_UNION_WORDS = re.compile(r"\b(?:union|unions|guild|members|strike|strikes|striking|picket|bargaining|ratif\w*)\b")
_COMPANY_WORDS = re.compile(r"\b(?:company|companies|shares|stock|investors|earnings|revenue|profits?|"
                            r"chief executive|CEO|subsidiary|customers)\b")


def _acronym_orgs(cands: list[Candidate], text: str) -> None:
    """Acronyms the text uses as names ("SAG-AFTRA's board", "the IATSE") with no other clue.

    An all-capital word that is not a common abbreviation, used twice, or hyphenated ("AFL-CIO"),
    or as a possessive, names an organization; the words around it say whether it is a union.
    Headline-style capitals ("EXCLUSIVE:") and datelines ("BAYVIEW, Calif.") are not names.
    """
    counts: dict[str, int] = {}
    for c in cands:
        if c.acronym:
            counts[c.tokens[-1].text] = counts.get(c.tokens[-1].text, 0) + 1
    never, lone = _never(), _lone()
    for c in cands:
        if c.type is not None or not c.acronym or "place" in c.cues:
            continue
        word = c.tokens[-1].text
        letters = word.replace("-", "").replace("&", "")
        if word.lower() in never or word.lower() in lone or len(letters) < 2 or \
                any(len(p) > 6 for p in word.split("-")) or word.lower() in load_lower("places"):
            continue
        after = text[c.span.end:c.span.end + 2]
        if c.initial and after.lstrip()[:1] in (",", ":", "(") and not c.poss:
            continue            # "BAYVIEW, Calif.", "EXCLUSIVE:"
        if re.search(r"\d[\s\-]$", text[max(0, c.span.start - 2):c.span.start]):
            continue            # "737 MAX", "F-35": a model, not a body
        if not ("-" in word or c.poss or counts.get(word, 0) >= 2):
            continue
        # the sentence and the next one say what kind of body it is
        window = text[c.sentence.start:min(len(text), c.sentence.end + 200)]
        if _UNION_WORDS.search(window):
            c.assign("Union", "entity.acronym-union", 0.6)
        elif _COMPANY_WORDS.search(window):
            c.assign("Company", "entity.acronym-company", 0.6)
        else:
            c.assign("Organization", "entity.acronym", 0.55)


def _title_right_before(before: str) -> str | None:
    """The job title that ends right before "of"/"at" and this name ("CEO of", "an analyst at")."""
    m = re.search(r"((?:[A-Za-z][\w\-]*\s+){1,5})(?:of|at)\s+(?:the\s+)?$", before)
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words)):
        if title_at(words, k) == len(words) - k:
            return " ".join(words[k:])
    return None


def _appositive_title(after: str) -> bool:
    """", Acme Corp. co-CEO" / ", the chief negotiator" / ", the airline's vice president" after a name."""
    m = re.match(r"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+)?", after)
    if not m:
        return False
    words = _AFTER_WORDS.findall(after[m.end():m.end() + 100])
    for skip in range(0, 6):
        if skip and not (words[skip - 1][:1].isupper() or words[skip - 1] in _CONNECTORS
                         or re.search(r"[’']s$", words[skip - 1])):
            return False
        if skip < len(words) and title_at(words, skip):
            return True
    return False
