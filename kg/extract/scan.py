"""Exact, regex-free scans of the words around a position, and lazily compiled patterns.

Compiling a regular expression costs far more than running it once, and every ``kg`` process
compiles anew: a rule such as ``\\b(?:said|says|told|...)\\s+$`` takes about half a
millisecond to compile, a set look-up takes nothing.  So the entity and role stages test
words with these helpers and keep a few compact patterns, compiled on first use (``Lazy``).

Each helper matches exactly what the regular expression it stands for matched: ``\\w`` is
``str.isalnum()`` or "_", ``\\s`` is ``str.isspace()``, and ``re.IGNORECASE`` on ASCII words
is ``fold`` (Python's engine also folds the Kelvin sign, long s, dotted and dotless i).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)},
                       "\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ASCII_LETTERS = ASCII_UPPER | ASCII_LOWER


class Lazy:
    """A regular expression compiled on first use: most rules never fire in a given article,
    and compiling costs more than matching.  It answers ``search``, ``match``, ``finditer``,
    ... as the compiled pattern does; each attribute is looked up once, then kept."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source, self._flags = pattern, flags

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]  # reached once per attribute
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


def fold(s: str) -> str:
    """``s`` with ASCII letters lower-cased the way ``re.IGNORECASE`` compares them (same length)."""
    return s.translate(_FOLD)


def is_word(ch: str) -> bool:
    """Is ``ch`` a ``\\w`` character?"""
    return ch.isalnum() or ch == "_"


def word_at(s: str, i: int, end: int | None = None) -> str:
    """The run of ``\\w`` characters starting at ``s[i]`` ("" if none), read up to ``end``."""
    end = len(s) if end is None else end
    j = i
    while j < end and (s[j].isalnum() or s[j] == "_"):
        j += 1
    return s[i:j]


def word_ending(s: str, end: int) -> str:
    """The run of ``\\w`` characters ending right before ``s[end]`` ("" if none)."""
    i = end
    while i > 0 and (s[i - 1].isalnum() or s[i - 1] == "_"):
        i -= 1
    return s[i:end]


def skip_space(s: str, i: int, end: int | None = None) -> int:
    """The first offset at or after ``i`` that is not whitespace."""
    end = len(s) if end is None else end
    while i < end and s[i].isspace():
        i += 1
    return i


def last_word(s: str) -> str | None:
    """The word before the whitespace that ends ``s`` (for ``\\b(?:w1|w2)\\s+$``); None if ``s``
    does not end in whitespace, "" if no word comes before it."""
    t = s.rstrip()
    if len(t) == len(s):
        return None
    return word_ending(t, len(t))


def next_word(s: str, i: int = 0) -> str | None:
    """The word after the whitespace at ``s[i]`` (for ``\\s+(?:w1|w2)\\b``); None without whitespace."""
    j = skip_space(s, i)
    return word_at(s, j) if j > i else None


def ends_with_phrase(t: str, phrases: Iterable[str]) -> bool:
    """Does ``t`` end with one of ``phrases`` starting at a word boundary (``\\b(?:p1|p2)$``)?

    Every phrase starts with a word character.
    """
    for p in phrases:
        if t.endswith(p):
            k = len(t) - len(p)
            if k == 0 or not is_word(t[k - 1]):
                return True
    return False


def has_word(s: str, words: Iterable[str], prefixes: Iterable[str] = ()) -> bool:
    """Does ``s`` hold one of ``words`` as a whole word, or a word starting with one of
    ``prefixes`` (``\\b(?:w1|w2|p1\\w*)\\b``)?  Words start and end with word characters."""
    for w in words:
        i = s.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not is_word(s[i - 1])) and (j == len(s) or not is_word(s[j])):
                return True
            i = s.find(w, i + 1)
    for p in prefixes:
        i = s.find(p)
        while i >= 0:
            if i == 0 or not is_word(s[i - 1]):
                return True
            i = s.find(p, i + 1)
    return False


def possessive_then_word(s: str, i: int) -> str | None:
    """The word after an optional "’s"/"'s" and whitespace at ``s[i]``
    (for ``(?:[’']s)?\\s+(?:w1|w2)\\b``); None when no whitespace follows."""
    if s[i:i + 2] in ("’s", "'s"):
        i += 2
    return next_word(s, i)
