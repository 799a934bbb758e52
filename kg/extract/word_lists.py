"""The word lists of the event and quote stages: lexicon files matched word by word.

The lexicons (``kg/extract/lexicons/event_*.txt``, ``speech_*.txt``) are read when first
needed and cached.  A word list ("said", "noted", ...) is matched by ``WordList``, a look-up of
each word in a set, not by a regex of a hundred alternatives: such a regex costs more to compile
than a whole document costs to read.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .lexicon import LexiconError, columns, entries
from .scan import fold as ascii_fold  # re.I's letter folding, shared with the entity stage

__all__ = ["CueLexiconError", "ODD_LETTERS", "WordList", "WordMatch", "entries", "fold", "speech_verbs",
           "table", "word_list"]


# the event/quote stages read the same lexicon files, through the same loader
CueLexiconError = LexiconError


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column lexicon (``entry<TAB>a,b``) as {entry: (a, b)}; entries lower-cased."""
    out: dict[str, tuple[str, ...]] = {}
    for line in entries(name):
        parts = columns(line)
        if len(parts) != 2:
            raise CueLexiconError(f"lexicon {name!r}: line {line!r} needs two columns (entry<TAB>value)")
        out[parts[0].strip().lower()] = tuple(v.strip() for v in parts[1].split(","))
    return out


class WordMatch:
    """A match of a ``WordList``: the ``re.Match`` methods the stages use."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.string[self._start:self._end]


# re.I matches these to ASCII letters ("İ" and "ı" to i, "ſ" to s, the Kelvin sign to k)
ODD_LETTERS = "\u0130\u0131\u017f\u212a"


def fold(text: str) -> str:
    """``text`` lower-cased as re.I compares letters, one character for one (offsets stay put)."""
    return ascii_fold(text).lower()


# a run of letters and apostrophes that starts a word; each word list entry starts at one
_RUN = re.compile(r"(?<![\w-])[a-z'’]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'’")
_SPACES = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[\w-]")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’")


_Entry = tuple[int, tuple[str, ...]]         # (place in the list, lower-cased words)


class WordList:
    """Finds the entries of a word list in text as whole words, case-insensitively.

    It matches exactly what ``(?<![\\w-])(?:e1|e2|...)(?![\\w-])`` with re.I would (entries
    longest first, the words of an entry apart by any whitespace), with ``search`` and
    ``finditer`` taking ``pos`` and ``endpos`` as a compiled regex does.  A regex of a hundred
    alternatives takes longer to compile than a document takes to read, so instead each text
    is cut once into the runs of letters where an entry may start, and runs are looked up by
    an entry's first word.  Letters are compared folded as re.I folds them ("ſ" is "s").
    """

    def __init__(self, items: Iterable[str]) -> None:
        ordered = sorted(items, key=len, reverse=True)
        self._first: dict[str, list[_Entry]] = {}
        self._cache: dict[str, tuple[str, list[int], list[list[_Entry]]]] = {}
        self._regex: re.Pattern[str] | None = None
        if not all(set(w) <= _PLAIN for entry in ordered for w in entry.split()):
            # digits, hyphens, dots ("follow-up", "vs."): the first-word look-up does not hold
            alts = "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in ordered)
            self._regex = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)
            return
        for order, entry in enumerate(ordered):
            words = tuple(w.lower() for w in entry.split())
            self._first.setdefault(words[0], []).append((order, words))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        """The first entry in ``text[pos:endpos]``, or None."""
        return next(self.finditer(text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        """The entries in ``text[pos:endpos]``, left to right, not overlapping."""
        if self._regex is not None:
            for m in self._regex.finditer(text, pos, len(text) if endpos is None else endpos):
                yield WordMatch(text, m.start(), m.end())
            return
        folded, starts, cands = self._index(text)
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        # a word cut by ``endpos`` ("announce|d") is a shorter word there: look its run up again
        cut = end
        tail: list[tuple[int, list[_Entry]]] = []
        if 0 < end < len(folded) and folded[end - 1] in _RUN_CHARS and folded[end] in _RUN_CHARS:
            cut = end - 1
            while cut > 0 and folded[cut - 1] in _RUN_CHARS:
                cut -= 1
            lead_ok = cut == 0 or _WORD_CHAR.match(folded, cut - 1) is None
            tail = list(self._candidates(folded[cut:end], cut, lead_ok))
        k = bisect.bisect_left(starts, max(pos, 0))
        head = ((starts[i], cands[i]) for i in range(k, bisect.bisect_left(starts, cut, k)))
        free = max(pos, 0)                         # matches do not overlap
        for at, found in itertools.chain(head, tail):
            if at < free:
                continue
            stop = self._match(folded, at, end, found)
            if stop is not None:
                yield WordMatch(text, at, stop)
                free = stop

    def _index(self, text: str) -> tuple[str, list[int], list[list[_Entry]]]:
        """Where in ``text`` an entry may start, with the entries whose first word is there."""
        got = self._cache.get(text)
        if got is not None:
            return got
        folded = fold(text)
        starts: list[int] = []
        cands: list[list[_Entry]] = []
        first = self._first
        for m in _RUN.finditer(folded):
            run = m.group()
            if "'" not in run and "’" not in run:
                if run in first:
                    starts.append(m.start())
                    cands.append(first[run])
                continue
            for at, found in self._candidates(run, m.start(), True):
                starts.append(at)
                cands.append(found)
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[text] = got = (folded, starts, cands)
        return got

    def _candidates(self, run: str, base: int, lead_ok: bool) -> Iterator[tuple[int, list[_Entry]]]:
        """(offset, entries whose first word is there) in a run of letters and apostrophes at
        ``base``; ``lead_ok``: a word may start at the run's first letter (no letter before)."""
        first = self._first
        for i in range(len(run)):
            # past the first letter, only an apostrophe starts a word ("’ll"); it may end one ("can’t", "can")
            if (i == 0 and not lead_ok) or (i and run[i - 1] not in "'’"):
                continue
            rest = run[i:]
            heads = [rest[:j] for j in range(1, len(rest)) if rest[j] in "'’"] + [rest]
            found = sorted(e for h in heads for e in first.get(h, ()))
            if found:
                yield base + i, found

    @staticmethod
    def _match(folded: str, at: int, end: int, cands: list[_Entry]) -> int | None:
        """Where the first entry (in list order) that matches at ``at`` ends, or None."""
        for _order, words in cands:
            q = at
            for n, w in enumerate(words):
                if n:
                    gap = _SPACES.match(folded, q, end)
                    if gap is None:
                        break
                    q = gap.end()
                if q + len(w) > end or not folded.startswith(w, q):
                    break
                q += len(w)
            else:
                if _WORD_CHAR.match(folded, q, end) is None:
                    return q
        return None


@lru_cache(maxsize=None)
def word_list(name: str) -> WordList:
    """The entries of ``lexicons/<name>.txt`` as a ``WordList`` (whole words, any case)."""
    return WordList(entries(name))



def speech_verbs() -> WordList:
    """Reporting verbs ("said", "noted", "told", "shared")."""
    return word_list("speech_verbs")
