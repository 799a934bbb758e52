"""Mentions that are definite descriptions: "the union", "their pilots’ association", "guild
leadership", "the studios", each resolved to the one entity the context makes clear.

The entity stage adds them after the names are known (``EntityIndex.resolve_described`` picks
the most salient entity of the right kind); a description that fits no entity, or two equally,
gives no mention.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

from ..document import Document, Mention, Span
from .lexicon import load_map
from .resolve import EntityIndex
from .scan import ASCII_LOWER, is_word, next_word, skip_space

_DETERMINERS = ("The", "the", "Its", "its", "Their", "their")
_BODY_NOUNS = ("Union", "union", "Guild", "guild")
_GROUP_WORDS = ("leadership", "leaders", "negotiators", "officials", "bargaining committee", "negotiating committee",
                "board", "executives")
_NOT_THE_BODY = frozenset({"members", "workers", "movement", "contract", "contracts", "hall", "dues", "town", "card"})


@lru_cache(maxsize=1)
def _description_heads() -> dict[str, tuple[str, ...]]:
    """The description head nouns by their leading run of small letters ("labor union" under
    "labor"), longest first: a longer head wins where both fit."""
    out: dict[str, list[str]] = {}
    for head in sorted(load_map("descriptions"), key=len, reverse=True):
        out.setdefault(_lower_run(head, 0), []).append(head)
    return {k: tuple(v) for k, v in out.items()}


def _lower_run(s: str, p: int) -> str:
    j = p
    while j < len(s) and s[j] in ASCII_LOWER:
        j += 1
    return s[p:j]


def _description_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Each "the union", "their pilots’ association", "guild leadership" in ``text[start:end]``.

    The same matches, left to right and not overlapping, as ``finditer`` with
    ``\\b(?:[Tt]he|[Ii]ts|[Tt]heir)\\s+(?:[a-z]+[’']?\\s+)?(?:HEAD)(?![\\w\\-])
    |\\b(?:[Uu]nion|[Gg]uild)\\s+(?:GROUP WORD)\\b``.
    """
    s = text[:end]
    found = set()
    for w in _DETERMINERS + _BODY_NOUNS:
        i = s.find(w, start)
        while i >= 0:
            if i == 0 or not is_word(s[i - 1]):
                found.add(i)
            i = s.find(w, i + 1)
    pos = start
    for p in sorted(found):
        if p < pos:
            continue
        e = _description_at(s, p)
        if e > 0:
            yield p, e
            pos = e


def _description_at(s: str, p: int) -> int:
    """End of the description starting at ``s[p]`` (at a word start), or -1."""
    if s.startswith(_BODY_NOUNS, p):
        q = skip_space(s, p + 5)
        if q == p + 5:
            return -1
        for w in _GROUP_WORDS:
            e = q + len(w)
            if s.startswith(w, q) and (e == len(s) or not is_word(s[e])):
                return e
        return -1
    for first, rest in (("Tt", "he"), ("Ii", "ts"), ("Tt", "heir")):
        q = skip_space(s, p + 1 + len(rest))
        if s[p] in first and s.startswith(rest, p + 1) and q > p + 1 + len(rest):
            break
    else:
        return -1
    # an optional modifier first ("the pilots’ association"), then the head noun alone
    j = q
    while j < len(s) and s[j] in ASCII_LOWER:
        j += 1
    k = j + 1 if s[j:j + 1] in ("’", "'") else j
    r = skip_space(s, k)
    if j > q and r > k:
        e = _head_at(s, r)
        if e > 0:
            return e
    return _head_at(s, q)


def _head_at(s: str, p: int) -> int:
    """End of the description head noun at ``s[p]`` (not followed by a word character or "-"), or -1."""
    # a head that fits starts with the same run of small letters as the text at p
    for head in _description_heads().get(_lower_run(s, p), ()):
        e = p + len(head)
        if s.startswith(head, p) and (e == len(s) or not (is_word(s[e]) or s[e] == "-")):
            return e
    return -1


def description_mentions(doc: Document) -> list[Mention]:
    """Mentions for "the union", "guild leadership", "the studios" where one entity is meant."""
    idx = EntityIndex(doc)
    text = doc.text
    taken = sorted(m.span for m in doc.mentions)
    starts = [s.start for s in taken]
    out: list[Mention] = []
    for sent in doc.sentences:
        for start, end in _description_spans(text, sent.span.start, sent.span.end):
            span = Span(start, end)
            i = bisect.bisect_left(starts, span.end)
            if any(s.start < span.end and span.start < s.end for s in taken[max(0, i - 3):i]):
                continue
            # "the union members", "the company town": the noun is a modifier, not the body itself
            if next_word(text[span.end:span.end + 12]) in _NOT_THE_BODY:
                continue
            form = text[start:end]
            key = idx.resolve_described(form, at=span.start)
            if key is not None:
                out.append(Mention(span, key, form))
    return out
