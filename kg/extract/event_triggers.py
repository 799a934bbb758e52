"""The event trigger lexicon: its rules, and which of them can fire in a sentence.

    rules()             -> the rules of ``lexicons/event_triggers.txt``, in file order
    TriggerFilter(text) -> .rules(start, end): the rules whose regex can match there

A labor article holds about 25 sentences and the lexicon about 50 regexes; compiling them all
costs more than the rest of the event stage.  So a rule's regex is compiled only when first
needed, and a sentence is matched only against the rules whose words it contains.  Two word
tests decide that, both cheap set look-ups:

* ``words``: any word of three letters or more the pattern spells anywhere (function words
  aside).  A rule with none of them in the sentence is skipped (this was always so).
* ``needs``: what every match must contain, read off the pattern's structure: "went" and
  "strike" for ``\\bwent\\s+(?:out\\s+)?on\\s+...strike\\b``, one of "deal", "agreement" ... for
  ``(?:deal|agreement|...)``.  Optional parts, look-arounds and anything the reader does not
  know add no need, so the test never skips a rule that could match: it only saves work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .word_lists import ODD_LETTERS, CueLexiconError, entries, fold


@dataclass(frozen=True)
class Rule:
    """One line of the trigger lexicon."""

    name: str
    kind: str
    mode: str                       # new, ref, sep, join
    parties: tuple[str, ...]
    regex: str                      # the pattern as written (matched case-insensitively)
    words: tuple[str, ...] = ()     # one of these occurs in any match: a cheap test before the regex
    needs: tuple[frozenset[str], ...] = ()   # every match holds one word of each set

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex (compiled on first use: most rules never fire on a given text)."""
        try:
            return re.compile(self.regex, re.I)
        except re.error as e:
            raise CueLexiconError(f"lexicon 'event_triggers': rule {self.name!r} has a bad regex ({e}); "
                                  "fix that line of kg/extract/lexicons/event_triggers.txt") from None

    @property
    def nominal(self) -> bool:
        """The trigger is a noun phrase ("the UWW strike"), not a clause ("X went on strike")."""
        return self.mode in ("ref", "sep") or self.parties[0] == "possessor"


# kinds that merge with each other: a meeting is a round of the talks
FAMILY = {"Meeting": "Talks", "Negotiation": "Talks"}


def family(kind: str) -> str:
    """The family of an event kind ("Talks" for meetings and negotiations, else the kind)."""
    return FAMILY.get(kind, kind)


# function words are in too many sentences to tell whether a trigger may be there
_STOP = frozenset("""the and that which was were for with its their his her also had have has been will
would this these those again each other still are from into than then they them out off
""".split())


@lru_cache(maxsize=None)
def rules() -> tuple[Rule, ...]:
    """The trigger lexicon, in file order."""
    out = []
    for line in entries("event_triggers"):
        cols = line.split("\t")
        if len(cols) != 5:
            raise CueLexiconError(f"lexicon 'event_triggers': line {line[:40]!r} needs 5 tab-separated columns")
        name, kind, mode, parties, pattern = cols
        words = tuple(sorted(set(re.findall(r"[a-z][a-z]{2,}", re.sub(r"\\[a-z]", " ", pattern.lower()))) - _STOP))
        out.append(Rule(name, kind, mode, tuple(parties.split(",")), pattern, words, needs(pattern)))
    return tuple(out)


class TriggerFilter:
    """Which rules can match in a stretch of one text: the word tests of the module docstring."""

    def __init__(self, text: str) -> None:
        self.text = text
        # only the words the whole text holds need looking for in each sentence
        low = text.lower()
        self._words = [w for w in _all_words() if w in low]
        # re.I lets "İ", "ı", "ſ" and the Kelvin sign match ASCII letters; lower() does not
        self._folded = fold(text) if any(c in text for c in ODD_LETTERS) else None
        self._fwords = [w for w in _all_words() if w in self._folded] if self._folded else []

    def rules(self, start: int, end: int) -> list[tuple[int, Rule]]:
        """(file order, rule) for each rule whose words ``text[start:end]`` holds."""
        low = self.text[start:end].lower()
        present = {w for w in self._words if w in low}
        if self._folded is None:
            folded = present
        else:
            seg = self._folded[start:end]      # fold() keeps offsets: a slice of it is the fold of a slice
            folded = {w for w in self._fwords if w in seg}
        return [(order, rule) for order, rule in enumerate(rules())
                if (not rule.words or not present.isdisjoint(rule.words))
                and all(not folded.isdisjoint(n) for n in rule.needs)]


@lru_cache(maxsize=None)
def _all_words() -> tuple[str, ...]:
    """Every word the rules' two tests look for."""
    seen: dict[str, None] = {}
    for r in rules():
        seen.update(dict.fromkeys(r.words))
        for n in r.needs:
            seen.update(dict.fromkeys(sorted(n)))
    return tuple(seen)


# -- what a pattern's every match contains ------------------------------------------------------

# The regex syntax the trigger lexicon uses, one token at a time: a group of plain words
# ("(?:strike|walkout)"); a class, escape or other character that is no letter, with its
# quantifier; an unknown escape; group openers (look-arounds apart); closers and bars;
# quantifiers; runs of letters; anything else.
_QUANTIFIER = r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?"
_TOKEN = re.compile(r"\((?:\?:)?[A-Za-z]+(?:\|[A-Za-z]+)*\)"
                    r"|(?:\\[bBAZsSwWdD]|\\[^A-Za-z0-9]|\[\^?\]?(?:\\.|[^\]\\])*\]|[^\\()\[|A-Za-z*+?{])"
                    + f"(?:{_QUANTIFIER})?"
                    r"|\\.|\(\?<?[=!]|\((?:\?(?::|P<\w+>))?|\(\?|[)|]|" + _QUANTIFIER + r"|[A-Za-z]+|.", re.S)
_LOOK = frozenset(["(?=", "(?!", "(?<=", "(?<!"])


class _Unknown(Exception):
    """The pattern uses syntax the reader does not follow: it claims no needs at all."""


class _Group:
    """What the reader knows about one group (or the whole pattern) so far."""

    def __init__(self, look: bool) -> None:
        self.look = look                      # a look-around consumes nothing of the match
        self.branches: list[list[frozenset[str]]] = []
        self.out: list[frozenset[str]] = []   # needs of the branch being read
        self.run = ""                         # letters that must appear together, in order

    def flush(self) -> None:
        if len(self.run) >= 3:
            self.out.append(frozenset([self.run]))
        self.run = ""

    def bar(self) -> None:
        self.flush()
        self.branches.append(self.out)
        self.out = []

    def close(self) -> list[frozenset[str]]:
        self.bar()
        if len(self.branches) == 1:
            return self.branches[0]
        if not all(self.branches):
            return []                          # a branch that needs nothing: the group needs nothing
        # one of the branches matched: its needs, any one of them, hold
        return [frozenset().union(*(min(b, key=len) for b in self.branches))]


def needs(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case words (three letters or more) such that any match of ``pattern``
    contains one word of each set, letters compared as re.I does; () when nothing is sure."""
    try:
        return tuple(dict.fromkeys(_needs(_TOKEN.findall(pattern))))
    except _Unknown:
        return ()


def _needs(toks: list[str]) -> list[frozenset[str]]:
    stack = [_Group(False)]
    i = 0
    while i < len(toks):
        t = toks[i]
        i += 1
        g = stack[-1]
        c = t[0]
        if c == "(" and t[-1] == ")":
            words = t.strip("(?:)").split("|")     # a group of plain words: one of them is there
            least, i = _least(toks, i)
            g.flush()
            if least != 0 and all(len(w) >= 3 for w in words):
                g.out.append(frozenset(w.lower() for w in words))
        elif c == "(":
            if t == "(?":
                raise _Unknown(t)              # (?x: ...), (?#...), (?P=name), (?(1)...) and the like
            stack.append(_Group(t in _LOOK))
        elif c == ")":
            if len(stack) == 1:
                raise _Unknown(t)
            stack.pop()
            inner = g.close()
            least, i = _least(toks, i)
            outer = stack[-1]
            outer.flush()
            if least != 0 and not g.look:
                outer.out.extend(inner)
        elif c == "|":
            g.bar()
        elif c in "*+?" or (c == "{" and len(t) > 1):
            raise _Unknown(t)                  # a quantifier with nothing to repeat
        elif c.isascii() and c.isalpha():
            least, i = _least(toks, i)
            if least is None:
                g.run += t.lower()
            else:
                g.run += t[:-1].lower()        # the quantifier is the last letter's
                g.flush()
        else:
            if c == "\\" and t[1:2].isalnum() and t[1] not in "bBAZsSwWdD":
                raise _Unknown(t)              # \x41, \N{...}, back-references: not followed
            _, i = _least(toks, i)
            g.flush()                          # a class, an escape, a character that is no letter
    if len(stack) != 1:
        raise _Unknown("(")
    return stack[0].close()


def _least(toks: list[str], i: int) -> tuple[int | None, int]:
    """The least count of a quantifier at ``toks[i]`` (None: there is none), and the next index."""
    t = toks[i] if i < len(toks) else ""
    if not t or t[0] not in "*+?{" or (t[0] == "{" and len(t) == 1):
        return None, i
    if t[0] == "+":
        return 1, i + 1
    if t[0] in "*?":
        return 0, i + 1
    return int(t[1:].split(",")[0].rstrip("}?+") or 0), i + 1
