"""Quote marks: where the quoted words of each body paragraph are (no attribution here).

    segments(doc) -> [Segment]   every top-level quoted run, nested single quotes as children

Quote marks are paired per paragraph (curly or straight; a quote left open at the end of a
paragraph ends there, and a paragraph that opens with a quote mark continues it).  British
single quotes count as outer marks outside any double-quoted run; single-quoted words inside
a quote are its children.  ``kg.extract.quotes`` decides who said each run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, Span

_DOUBLE_MARK = re.compile(r"[“”\"]")


@dataclass
class Segment:
    """One run of quoted words: the marks around it and the words inside."""

    open: int                         # offset of the opening mark
    start: int                        # the words: [start, end)
    end: int
    close: int | None                 # offset just past the closing mark; None when left open
    para: int
    parent: Segment | None = None     # the quote this one is nested in
    continues: bool = False           # carries on a quote left open in the previous paragraph
    speaker: str | None = None
    via: str | None = None
    rule: str = ""
    attribution: Span | None = None   # the words that attribute it (inside the sentence)
    verb: bool = False                # a reporting verb governs it (not a scare quote)
    children: list[Segment] = field(default_factory=list)

    @property
    def stop(self) -> int:
        return self.close if self.close is not None else self.end


def segments(doc: Document) -> list[Segment]:
    """Every top-level quoted run of the body, in order, with nested single quotes as children."""
    text = doc.text
    out: list[Segment] = []
    left_open = False
    for pi, para in enumerate(doc.article.body):
        segs = _pair(text, para, pi)
        if segs and left_open and text[para.start:segs[0].open].strip() == "":
            segs[0].continues = True
        for s in segs:
            s.children = _nested(text, s)
        merged = False
        if segs and segs[0].continues and out:
            # one quote running over paragraphs: a single span from its first word to its last
            first = segs.pop(0)
            last = out[-1]
            last.end, last.close, last.children = first.end, first.close, last.children + first.children
            merged = True
        out.extend(segs)
        left_open = (bool(segs) or merged) and out[-1].close is None
    return out


def _pair(text: str, para: Span, pi: int) -> list[Segment]:
    marks: list[tuple[int, bool]] = []        # (offset, is_opening)
    for m in _DOUBLE_MARK.finditer(text, para.start, para.end):
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > para.start else " "
        nxt = text[i + 1] if i + 1 < para.end else " "
        if ch == "“":
            marks.append((i, True))
        elif ch == "”":
            # a ” with space before and a word after is an opening mark typed the wrong way round
            marks.append((i, (prev.isspace() or i == para.start) and nxt.isalnum()))
        else:
            opening = (i == para.start or prev.isspace() or prev in "([{—–-:") and not nxt.isspace()
            marks.append((i, opening))
    out: list[Segment] = []
    cur: int | None = None
    for pos, opening in marks:
        if opening:
            if cur is not None:                 # a new quote opens before the last one closed
                out.append(_segment(text, cur, pos, None, pi))
            cur = pos
        elif cur is not None:
            out.append(_segment(text, cur, pos, pos + 1, pi))
            cur = None
    if cur is not None:
        out.append(_segment(text, cur, para.end, None, pi))
    out = [s for s in out if s.end > s.start]
    return sorted(out + _single_top(text, para, pi, out), key=lambda s: s.open)


def _single_top(text: str, para: Span, pi: int, doubles: list[Segment]) -> list[Segment]:
    """British style: ‘...’ as the outer quote marks, outside any double-quoted run."""
    out: list[Segment] = _straight_single(text, para, pi, doubles)
    i = text.find("‘", para.start, para.end)
    while 0 <= i < para.end:
        prev = text[i - 1] if i > para.start else " "
        if not any(d.open <= i < d.stop for d in doubles) and (prev.isspace() or prev in "([—–" or i == para.start) \
                and i + 1 < para.end and text[i + 1].isalnum():
            close = _single_close(text, i + 1, para.end, "‘")
            if close is not None:
                out.append(_segment(text, i, close, close + 1, pi))
                i = text.find("‘", close + 1, para.end)
                continue
        i = text.find("‘", i + 1, para.end)
    return [s for s in out if s.end > s.start]


def _segment(text: str, mark: int, end: int, close: int | None, pi: int) -> Segment:
    start = mark + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (close is not None and text[end - 1] == ",")):
        end -= 1                                # the comma before a closing mark is the sentence's
    return Segment(open=mark, start=start, end=end, close=close, para=pi)


def _straight_single(text: str, para: Span, pi: int, doubles: list[Segment]) -> list[Segment]:
    """'We need a deal,' she said.  Straight single quotes, only in their plain form: a capital
    after the opening mark and punctuation before the closing one (apostrophes are everywhere)."""
    out = []
    for m in re.finditer(r"(?:(?<=[\s(])|^)'(?=[A-Z])(.+?[.,!?])'(?=[\s)]|$)", text[para.start:para.end]):
        i = para.start + m.start()
        if any(d.open <= i < d.stop for d in doubles):
            continue
        out.append(_segment(text, i, para.start + m.end() - 1, para.start + m.end(), pi))
    return out


def _nested(text: str, outer: Segment) -> list[Segment]:
    """Single-quoted runs inside a double-quoted one (‘...’ or '...')."""
    out: list[Segment] = []
    opener = re.compile(r"(?<=[\s“\"(\[—–])[‘'](?=[^\W\d_])")
    pos = outer.start
    while True:
        m = opener.search(text, pos, outer.end)
        if m is None:
            return out
        i = m.start()
        close = _single_close(text, i + 1, outer.end, text[i])
        if close is None:
            pos = i + 1
            continue
        seg = _segment(text, i, close, close + 1, outer.para)
        seg.parent = outer
        out.append(seg)
        pos = close + 1


def _single_close(text: str, start: int, end: int, opener: str) -> int | None:
    """The closing single quote: not an apostrophe ("Wednesday’s", "workers’ rights")."""
    closers = "’" if opener == "‘" else "'"
    cands = [j for j in range(start, end) if text[j] in closers
             and (j + 1 >= end or not text[j + 1].isalnum())]
    for j in cands:
        # after or before punctuation / the outer mark, or after a word that is not a plural
        # possessive ("the workers’ rights" is not where a quote ends)
        if text[j - 1] in ".,!?" or j + 1 >= end or text[j + 1] in ".,;:!?”\")" \
                or (text[j - 1].isalpha() and text[j - 1] != "s"):
            return j
    return None


def flatten(segs: list[Segment]) -> list[Segment]:
    out = []
    for s in segs:
        out.append(s)
        out.extend(s.children)
    return out
