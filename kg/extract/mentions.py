"""Candidate names: runs of capitalized words, split into name-shaped pieces, with a type guess.

Only the body sentences are read (headlines are Title Case, so their capitals say nothing).
A run such as "Several industry leaders" or "Ohio Governor Tom Hart" is cut at words that are
never part of a name ("Several"), at job titles ("Governor") and at honorifics ("Mr."), so each
piece is a name candidate.  A candidate gets a type from what it is made of (``org_types``: a
head noun such as "Guild", a company suffix such as "Inc.", a given name, a lexicon of outlets
or platforms) and later from the words around it (``context``: "Disney CEO", "per Variety",
"posted on X").  Candidates with no evidence are kept untyped: the resolver links them to
entities found elsewhere or drops them, because a wrong entity is worse than a missing one.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Span
from .lexicon import load, load_flagged, load_map
from .names import CONNECTORS, Candidate, Token, given, initials, is_given, is_personal, never, tokenize
from .org_types import NUMBERED_UNITS, type_intrinsic
from .resolve import norm
from .scan import ASCII_LETTERS, ASCII_UPPER, skip_space, word_ending
from .titles import is_occupation, title_at

_OPEN_QUOTES = "“\"‘'([«"
_INNER_POSS_HEADS = frozenset("association guild union alliance federation council league club".split())
# possessors that name a kind of people and so stand inside a name before any word:
# "Premier Women's Hockey League", "Children's Hospital", "People's Bank"
_INNER_POSS_WORDS = frozenset("Women Men Children People Workers Veterans".split())
_TITLE_CASE_WORDS = frozenset("""And Or But To At In On For Of With From By As Is Are Was Were Be
Will Over After Into Off Up Out How What Why Who Says Say Amid Against Vs Could Would Can May""".split())
_CLOSING_SUFFIXES = frozenset({"Inc.", "Corp.", "Co.", "Cos.", "Ltd.", "L.L.C.", "LLC", "PLC", "plc"})
_PREP_BEFORE_NAME = frozenset("by with at for from against to of on".split())
_STRONG_HEADS = frozenset("""guild union alliance association federation brotherhood council board department
ministry agency commission court committee coalition""".split())
_OF_HEADS = frozenset("""university bank city town village borough state republic house school museum office academy
journal times review gazette chronicle bulletin
district county church institute college board department ministry bureau secretary""".split())
_ACRONYM_CHARS = ASCII_LETTERS | frozenset("0123456789&-")


def candidates(doc: Document) -> Iterator[Candidate]:
    """Every name candidate in the body sentences, in text order, with intrinsic types guessed."""
    text = doc.text
    for sent in doc.sentences:
        toks = tokenize(text, sent.span)
        words = [t.text for t in toks]
        headline = _headline_like(toks)
        for run, initial, start in _runs(text, toks, sent.span):
            for piece, honorific, title_before in _pieces(run, _title_ends_before(words, toks, start), text):
                cand = Candidate(tuple(piece), sent.span, text[piece[0].start:piece[-1].end],
                                 initial=initial and piece[0] is run[0], honorific=honorific,
                                 title_before=title_before)
                type_intrinsic(cand)
                if headline:
                    cand.cues.add("headline")
                yield cand


def _headline_like(toks: list[Token]) -> bool:
    """A Title Case line ("Teamsters Authorize Strike At UPS"): its capitals say nothing about names."""
    return sum(1 for t in toks[1:] if t.text in _TITLE_CASE_WORDS) >= 1 and \
        sum(1 for t in toks if t.text[:1].isupper()) >= 0.7 * len(toks)


# -- runs of capitalized words ------------------------------------------------------------------
def _runs(text: str, toks: list[Token], sent: Span) -> Iterator[tuple[list[Token], bool, int]]:
    """Maximal runs of capitalized words joined by spaces (and lower-case connectors): (run,
    first in its sentence or quote, index of its first token)."""
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].text[0].isupper():
            i += 1
            continue
        run = [toks[i]]
        j = i + 1
        while j < n:
            prev, cur = run[-1], toks[j]
            if not _joined(text, prev, cur):
                break
            if cur.text[0].isupper() or (cur.text.isdigit() and len(cur.text) <= 4 and
                                         (prev.text in NUMBERED_UNITS or (j + 1 < n and toks[j + 1].text[0].isupper()
                                                                          and _joined(text, cur, toks[j + 1])))):
                run.append(cur)
                j += 1
                continue
            # a connector continues the run only when a capitalized word follows it
            k = j
            while k < n and toks[k].text in CONNECTORS and _joined(text, toks[k - 1], toks[k]):
                k += 1
            if k > j and k < n and toks[k].text[0].isupper() and _joined(text, toks[k - 1], toks[k]) \
                    and k - j <= 2:
                run.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        before = text[sent.start:toks[i].start].rstrip()
        initial = not before or before[-1] in _OPEN_QUOTES + ":—–-"
        yield run, initial, i
        i = j


def _joined(text: str, a: Token, b: Token) -> bool:
    """Two words belong to one name only when nothing but a space separates them.

    A company suffix closes a name ("... met Acme Corp. Acme Corp. CEO Jane Doe" holds two).
    """
    if a.text in _CLOSING_SUFFIXES:
        return False
    gap = text[a.end:b.start]
    if a.poss:
        # "International Longshoremen's Association", "Women's Union": a possessive inside a name
        return gap in ("’s ", "'s ") and a.text[:1].isupper() and \
            (b.text.lower() in _INNER_POSS_HEADS or a.text in _INNER_POSS_WORDS and b.text[:1].isupper())
    if a.apos:
        # "Writers’ Guild"; but a company's name ends at its suffix: "Orrin Motors’ Wixom plant"
        return gap in ("’ ", "' ") and b.text[:1].isupper() and a.text not in load("org_suffixes")
    return gap == " "


# -- cutting a run into name pieces -------------------------------------------------------------
def _pieces(run: list[Token], title_before: bool, text: str) -> Iterator[tuple[list[Token], Token | None, bool]]:
    """Cut a run at never-name words, titles and honorifics; fix connectors.

    Yields (piece, honorific before it, job title right before it); ``title_before`` says
    whether a title ends right before the run.
    """
    words = [t.text for t in run]
    never_ = never()
    honorifics = load("honorifics")
    heads = load_map("org_heads")
    cur: list[Token] = []
    honorific: Token | None = None
    i = 0
    outlets = load_flagged("media_outlets")
    suffixes = load("org_suffixes")
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
        # "Housekeeper Maribel Santos said ...": a worker's occupation, capitalized only because it
        # opens the sentence, before a given name
        if not n and i == 0 and len(run) > 2 and text and _opens_sentence(text, run[0].start) \
                and is_occupation(w) and (is_given(words[1]) or len(run) == 3 and is_personal(words[1:])):
            n = 1
        # a title word followed by an organization head is part of a name ("Executive Council")
        if n and i + n < len(run) and words[i + n].lower() in heads:
            n = 0
        # "Brindle Health President Jo Ma": a field word that also ends a company's name
        # ("Health") stays with the name before it; the title is the rest
        # "Board of Education President Jo Ma": so does one after a body's "of"
        if n > 1 and cur and words[i][:1].isupper() and title_at(words, i + 1) == n - 1 and (
                words[i] in suffixes or len(cur) >= 2 and cur[-1].text == "of" and cur[-2].text.lower() in heads):
            cur.append(run[i])
            i += 1
            continue
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
        # "Ohio-based Acme Foods": where a body is based is said before its name, not in it
        if w.endswith(("-based", "-headquartered")):
            yield from _fix(cur, honorific, title_before, text)
            cur, honorific, title_before = [], None, False
            i += 1
            continue
        # "Apex Contact Solutions": inside a company's name, before its suffix, a word such
        # as "Contact" or "Source" is part of the name
        if w.lower() in never_ and w.lower() not in CONNECTORS and \
                not (cur and i + 2 == len(run) and words[i + 1] in suffixes and w[:1].isupper()):
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


def _title_ends_before(words: list[str], toks: list[Token], idx: int) -> bool:
    """Is there a (lower-case) job title right before ``toks[idx]`` ("president Marta Olsen")?"""
    if not idx:
        return False
    for start in range(max(0, idx - 6), idx):
        n = title_at(words, start)
        if n and start + n == idx and toks[idx - 1].end <= toks[idx].start:
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
        while p and (p[0].text in CONNECTORS or not p[0].text[:1].isupper()):
            p = p[1:]
        while p and p[-1].text in CONNECTORS:
            p = p[:-1]
        if p and not (len(p) == 1 and p[0].text == "The"):
            yield p, honorific if first else None, title_before if first else False
        first = False


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
    acr = _paren_acronym(text[part[-1].end:part[-1].end + 24]) if text else None
    if acr is not None and initials(" ".join(whole)).upper() == acr.upper():
        return [part]
    xl = [t.text.lower() for t in x]
    yl = [t.text.lower() for t in y]
    # "... Ceramic Workers Union Local 44": a union's numbered unit may follow its head noun
    if len(yl) >= 3 and y[-2].text in NUMBERED_UNITS and yl[-1].isdigit():
        yl = yl[:-2]
    y_head = yl[-1] in heads or y[-1].text in suffixes
    # "Coach Workers Union of Canada": the head stands before the name's "of"
    if not y_head and "of" in yl and yl.index("of") > 0:
        y_head = yl[yl.index("of") - 1] in _STRONG_HEADS
    if y[0].text == "the":
        return [x] + _split_and(y, text)
    if len(y) == 1 and y[0].text in suffixes and len(x) >= 2:
        return [part]       # "Kaiser Foundation Health Plan and Hospitals", "Johnson and Sons Co."
    if ("of" in xl or "for" in xl) and not (yl[-1] in _STRONG_HEADS):
        return [part]
    # "the Glass and Ceramic Workers Union": after "the", one word and a union's name are one name
    # ... or after a preposition: "a walkout by Glass and Ceramic Workers Local 9"
    the_before = len(x) == 1 and bool(text) and (text[max(0, x[0].start - 4):x[0].start] in ("the ", "The ")
                                                 or word_ending(text, x[0].start - 1) in _PREP_BEFORE_NAME)
    # a name the article introduced with its acronym ("Painters and Scenic Artists Guild (PSAG)")
    # keeps its "and" wherever it is written again
    if text and _introduced(text, text[part[0].start:part[-1].end]):
        return [part]
    # "Hotel and Gaming Workers Union Local 9 and Acme ..." opening a sentence: a trade and a
    # union of its workers are one name (up to the next "and")
    if len(x) == 1 and text and not the_before and _opens_sentence(text, x[0].start) and xl[0] not in given():
        nxt = yl.index("and") if "and" in yl else len(yl)
        seg = yl[:nxt]
        if len(seg) >= 3 and y[len(seg) - 2].text in NUMBERED_UNITS and seg[-1].isdigit():
            seg = seg[:-2]
        if len(seg) >= 2 and seg[-1] in _STRONG_HEADS and any(w in load_map("member_nouns") for w in seg[1:]):
            return [part[:k + 1 + nxt]] + (_split_and(y[nxt + 1:], text) if nxt < len(y) else [])
    if "of" not in xl and (len(x) >= 2 or the_before) and y_head \
            and not any(w in heads or w in (s.lower() for s in suffixes) for w in xl) and xl[0] not in given():
        return [part]
    return [x] + _split_and(y, text)


def _introduced(text: str, name: str) -> bool:
    """Is ``name`` written somewhere in ``text`` followed by a parenthesized acronym spelling it?"""
    at = text.find(name + " (")
    while at >= 0:
        acr = _paren_acronym(text[at + len(name):at + len(name) + 24])
        if acr is not None and initials(name).upper() == acr.upper():
            return True
        at = text.find(name + " (", at + 1)
    return False


def _opens_sentence(text: str, pos: int) -> bool:
    """Does a sentence (or line) start at ``pos``?"""
    before = text[max(0, pos - 3):pos].rstrip(" ")
    return not before or before[-1] in "\n.!?\"”"


def _paren_acronym(s: str) -> str | None:
    """The acronym in parentheses opening ``s``: " (SVPG)", " (SVPG, ...", " (SVPG for short)"."""
    i = skip_space(s, 0)
    if s[i:i + 1] != "(" or s[i + 1:i + 2] not in ASCII_UPPER:
        return None
    j = i + 2
    while j < len(s) and s[j] in _ACRONYM_CHARS:
        j += 1
    if not 1 <= j - i - 2 <= 11:
        return None
    if s[j:j + 1] in (")", ",", ";"):
        return s[i + 1:j]
    k = skip_space(s, j)
    if k > j and s.startswith("for short", k) and (k + 9 == len(s) or not (s[k + 9].isalnum() or s[k + 9] == "_")):
        return s[i + 1:j]
    return None
