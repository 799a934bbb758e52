"""The words around a person mention that the role rules read, and the Role record they make.

``words_before`` / ``words_after`` give the run of space-separated words next to a position (up
to the first punctuation); ``titles_at`` finds the titles among them ("chairman and chief
content officer" is two); ``modifier_count`` the lower-case words a title keeps before it
("intensive care nurse").
"""
from __future__ import annotations

from ..document import Evidence, Role, Sentence, Span
from .role_cues import title_modifier
from .scan import Lazy
from .titles import title_at

_WORD_BEFORE = Lazy(r"[A-Za-z][\w'\-]*\.?$")           # matched with "’" written "'"
_WORD_AFTER = Lazy(r"(\s*)([A-Za-z][\w\-]*)")


def new_role(person: str, title: str | None, org: str | None, sent: Sentence, span: Span,
          rule: str, conf: float) -> Role:
    return Role(person, title, org, Evidence(sent.span, span, rule, conf))


def words_before(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Words ending exactly at ``end``, separated only by spaces (back to the first punctuation)."""
    out: list[tuple[str, int, int]] = []
    pos = end
    while pos > start:
        chunk = text[max(start, pos - 40):pos]
        m = _WORD_BEFORE.search(chunk.replace("’", "'"))
        if not m:
            break
        word = chunk[m.start():m.end()]
        w_start = pos - len(word)
        out.append((word, w_start, pos))
        gap = text[max(start, w_start - 10):w_start]
        space = len(gap) - len(gap.rstrip())
        if not space:
            break
        pos = w_start - space
    return out[::-1]


def words_after(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Words from ``start`` separated only by spaces (up to the first punctuation)."""
    out: list[tuple[str, int, int]] = []
    pos = start
    while pos < end:
        m = _WORD_AFTER.match(text[pos:min(end, pos + 60)])
        if not m or (out and not m.group(1)) or (not out and m.group(1)):
            break
        ws = pos + len(m.group(1))
        out.append((m.group(2), ws, ws + len(m.group(2))))
        pos = ws + len(m.group(2))
    return out


def titles_at(words: list[tuple[str, int, int]], i: int) -> list[tuple[int, int]]:
    """Titles starting at ``words[i]``: "chairman and chief content officer" -> two (start, end)."""
    names = [w for w, _, _ in words]
    out = []
    while i < len(words):
        n = title_at(names, i)
        if not n:
            break
        out.append((words[i][1], words[i + n - 1][2]))
        i += n
        if i + 1 < len(words) and names[i].lower() in ("and", "&") and title_at(names, i + 1):
            i += 1
            continue
        break
    return out


def modifier_count(words: list[tuple[str, int, int]]) -> int:
    """How many lower-case words ("intensive care", "supply chain") stand before a title, 0 if none."""
    for j in range(1, min(4, len(words))):
        if not title_modifier(words[j - 1][0]):
            return 0
        if titles_at(words, j):
            return j
    return 0
