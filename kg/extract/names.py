"""Words and name shapes: a sentence's tokens, the name candidates built from them, and the
word-level tests the candidate finder and the typing rules share (acronyms, person-shaped
names, given names, initials).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..document import Span
from .lexicon import load, load_lower, load_map, load_words
from .scan import ASCII_LETTERS, ASCII_UPPER, Lazy

# A word: letters/digits with inner apostrophes, hyphens, periods, "&" and "®" ("Warner",
# "Bros.", "SAG-AFTRA", "AT&T", "Movieguide®", "O’Brien", "A.I.").  Matched over the text
# with "’" written "'" (same offsets): a class holding "’" is slow to compile.
_WORD = Lazy(r"[\w®&][\w®&.'\-]*")
# words that keep their final period (abbreviations inside names)
_KEEP_PERIOD = frozenset("""mr mrs ms mx dr prof sr jr st inc corp co cos ltd bros gen gov sen rep rev sgt
capt lt col mt ft no""".split())
# lower-case words that may sit inside a name ("Alliance of Motion Picture and Television
# Producers", "Luis de la Vega", "Procter & Gamble")
CONNECTORS = frozenset("of and & for the de la del der van von da du le y on".split())
PARTICLES = frozenset("de la del der van von da du le bin al".split())
# a capitalized name word ("Vega", "McNamara", "O’Brien", "Jean-Luc", "J.", "Jr."), matched
# with "’" written "'"
_NAME_WORD = Lazy(r"^(?=\w\W?\w)(?:[A-Z]')?[A-Z][a-zà-ÿ]*(?:[A-Z][a-zà-ÿ]+)?(?:['\-][A-Z]?[a-zà-ÿ]+)*$"
                  r"|^[A-Z]\.$|^(?:Jr\.|Sr\.|II|III|IV)$")
_ACRONYM_CHARS = ASCII_UPPER | frozenset("0123456789&")


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
        return len(toks) == 1 and is_acronym(toks[0].text)

    @property
    def poss(self) -> bool:
        return self.tokens[-1].poss

    def assign(self, type_: str, rule: str, confidence: float) -> None:
        """Record a type guess unless a more confident one is already there."""
        if self.type is None or confidence > self.confidence:
            self.type, self.rule, self.confidence = type_, rule, confidence


@lru_cache(maxsize=4)
def _plain(text: str) -> str:
    return text.replace("’", "'")


def tokenize(text: str, span: Span) -> list[Token]:
    """The words of ``text[span]`` with possessives and sentence punctuation peeled off."""
    out = []
    for m in _WORD.finditer(_plain(text), span.start, span.end):
        s, e = m.span()
        t = text[s:e]
        last = t[-1]
        if last not in "’'.-" and not (last == "s" and len(t) > 2 and t[-2] in "’'"):
            out.append(Token(t, s, e))      # most words: nothing to peel off
            continue
        poss = apos = False
        if len(t) > 2 and t[-2:] in ("’s", "'s") and t[-3] != "-":
            t, poss = t[:-2], True
        elif t[-1] in "’'":
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
    return core.lower() in _KEEP_PERIOD or _initialism(word) or (len(core) == 1 and core.isupper())


def _initialism(word: str) -> bool:
    """"A.I.", "U.S.": letters each followed by a period (``(?:[A-Za-z]\\.)+``)."""
    n = len(word)
    return n >= 2 and n % 2 == 0 and all(word[i] in ASCII_LETTERS and word[i + 1] == "." for i in range(0, n, 2))


@lru_cache(maxsize=4096)
def is_acronym(word: str) -> bool:
    """"WGA", "SAG-AFTRA", "AT&T", "U.S.": capitals (and digits, "&") or dotted initials."""
    n = len(word)
    if n >= 4 and n % 2 == 0 and all(word[i] in ASCII_UPPER and word[i + 1] == "." for i in range(0, n, 2)):
        return True
    parts = word.split("-")
    first = parts[0]
    if not (2 <= len(first) <= 10 and first[0] in ASCII_UPPER and all(c in _ACRONYM_CHARS for c in first)):
        return False
    return all(2 <= len(p) <= 9 and all(c in _ACRONYM_CHARS for c in p) for p in parts[1:])


@lru_cache(maxsize=4096)
def is_name_word(word: str) -> bool:
    """Is ``word`` shaped like a word of a name ("Vega", "O’Brien", "Jean-Luc", "J.", "Jr.")?"""
    return _NAME_WORD.match(word.replace("’", "'")) is not None


# -- lexicon views ------------------------------------------------------------------------------
def never() -> frozenset[str]:
    """Words never part of a name on their own (lower-cased)."""
    return load_words("non_names")


def lone() -> frozenset[str]:
    """Words that are part of a name but no name alone (lower-cased)."""
    return load_words("lone_words")


def given() -> frozenset[str]:
    """Common given names (lower-cased)."""
    return load_words("given_names")


def is_given(word: str) -> bool:
    """A given name, hyphenated ones included ("Anne-Marie")."""
    low = word.lower()
    names = given()
    return low in names or ("-" in low and low.split("-")[0] in names)


def is_personal(words: list[str]) -> bool:
    """Are these words shaped like a person's name (2-5 capitalized words, particles allowed)?"""
    if not 2 <= len(words) <= 5:
        return False
    lone_, never_, places = lone(), never(), load_lower("places")
    heads, suffixes = load_map("org_heads"), load("org_suffixes")
    for k, w in enumerate(words):
        low = w.lower()
        if low in PARTICLES and 0 < k < len(words) - 1:
            continue
        if not is_name_word(w) or low in never_ or low in lone_ or low in heads or w in suffixes:
            return False
    if words[-1].endswith(".") and words[-1] not in ("Jr.", "Sr."):
        return False
    joined = " ".join(words).lower()
    return joined not in places and not (words[0].lower() in places and not is_given(words[0]))


def initials(name: str) -> str:
    """Acronym of a name: "Writers Guild of America" -> "WGA", "Recording Musicians Guild-AFVA" -> "RMG-AFVA"."""
    out = []
    for w in name.replace("’", "").replace("'", "").split():
        if w.lower() in CONNECTORS:
            continue
        if "-" in w:
            first, _, rest = w.partition("-")
            if rest.isupper() and len(rest) > 1:
                out.append(first[:1] + "-" + rest)
                continue
        if w[:1].isupper():
            # an acronym inside the name counts whole: "NFL Players Association" -> "NFLPA"
            out.append(w.replace(".", "") if is_acronym(w) and len(w) <= 4 else w[:1])
    return "".join(out)
