"""Load the word lists in ``kg/extract/lexicons/*.txt`` (read once, cached).

File format: one entry per line; ``#`` starts a comment; blank lines are ignored.  A "map"
file has two columns separated by a tab (or two or more spaces): ``entry<TAB>value``.
Lexicons are data, not code, so the rules stay general and the word lists can grow.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import KGError

_DIR = Path(__file__).with_name("lexicons")


class LexiconError(KGError):
    """A lexicon file shipped with kg is missing or malformed (a broken install)."""

    exit_code = 70


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<name>.txt``: comments and blank lines dropped, stripped."""
    try:
        raw = (_DIR / f"{name}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        raise LexiconError(f"lexicon {name!r} not found in kg/extract/lexicons/; reinstall kg") from None
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def columns(line: str) -> list[str]:
    """``line`` split at its first tab run or run of two or more spaces (at most two parts)."""
    tab, spaces = line.find("\t"), line.find("  ")
    i = min(k for k in (tab, spaces, len(line)) if k >= 0)
    if i == len(line):
        return [line]
    sep = "\t" if line[i] == "\t" else " "
    j = i
    while j < len(line) and line[j] == sep:
        j += 1
    return [line[:i], line[j:]]


@lru_cache(maxsize=None)
def load(name: str) -> frozenset[str]:
    """The entries of a list lexicon, as written (case kept)."""
    return frozenset(entries(name))


@lru_cache(maxsize=None)
def load_lower(name: str) -> frozenset[str]:
    """The entries of a list lexicon, lower-cased (for case-insensitive look-ups)."""
    return frozenset(e.lower() for e in entries(name))


@lru_cache(maxsize=None)
def load_map(name: str) -> dict[str, str]:
    """A two-column lexicon as a dict; keys lower-cased."""
    out: dict[str, str] = {}
    for line in entries(name):
        parts = columns(line)
        if len(parts) != 2:
            raise LexiconError(f"lexicon {name!r}: line {line!r} needs two columns (entry<TAB>value)")
        out[parts[0].strip().lower()] = parts[1].strip()
    return out


@lru_cache(maxsize=None)
def load_phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A list lexicon as lower-cased word tuples, longest first (for multi-word matching)."""
    phrases = {tuple(e.lower().split()) for e in entries(name)}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def load_flagged(name: str) -> dict[str, str]:
    """A list lexicon whose entries may carry a flag column ("X<TAB>context"); flag "" if none.

    Keys are the comparison form used by the resolver (lower-case, no leading "the").
    """
    from .resolve import norm

    out: dict[str, str] = {}
    for line in entries(name):
        parts = columns(line)
        out[norm(parts[0])] = parts[1].strip() if len(parts) > 1 else ""
    return out


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """A lexicon of single words written several to a line, lower-cased."""
    return frozenset(w.lower() for line in entries(name) for w in line.split())


@lru_cache(maxsize=None)
def load_words_cased(name: str) -> frozenset[str]:
    """A lexicon of single words written several to a line, case kept."""
    return frozenset(w for line in entries(name) for w in line.split())
