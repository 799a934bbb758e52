"""Read an article file (or stdin) into an ``Article``: its text, body paragraphs and metadata.

Real pasted articles have a shape: optional ``# key: value`` metadata lines, a masthead
("Local News | The Lakeport Sun"), a headline, a photo credit, the headline again, a byline ("By ...",
"Jane Roe – Labor Reporter, The Lakeport Sun"), a dateline, body paragraphs, and trailing scraper junk
("Quality: - Content: +1", "Advertisement", "Share this article").  The headline and byline become
metadata (the outlet a masthead or byline names is the publisher); the junk is dropped from the
text; the photo credit stays (it names organizations and platforms) as the first body paragraph.
``parse_byline`` splits a byline into names, title and outlet for the entity and role stages.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import Article, Span
from .errors import InputError, UsageError


def _lazy(pattern: str) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use (most articles never need the byline and masthead rules)."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern))


# A trailing line is junk when it looks like scraper ratings/labels, not prose.
_JUNK_LINE = re.compile(
    r"""^\s*(?:
        (?:[A-Z][\w ]{0,20}:\s*[-+]?\w{0,3}\s*)+                 # "Quality: - Content: +1"
      | (?:advertisement|sponsored(?:\ content)?|share(?:\ this(?:\ (?:article|story))?)?
         |related(?:\ (?:articles?|stories))?:?|read\ more:?|tags?:.*|sign\ up.*|subscribe.*
         |click\ here.*|comments?|print|email|tweet|facebook|copyright.*|©.*|all\ rights\ reserved.*)
    )\s*$""",
    re.I | re.X,
)
# "By Jane Roe", "Posted by Jo Blogger | March 4, 2024 | 2 Comments", "by: Jane Roe"
_BYLINE = re.compile(r"^\s*(?:By|BY|by:|By:|BY:|Written by|Words by|Posted by)\s+(?P<who>[^|\n]{2,100}?)\s*(?:\|(?P<rest>.*))?$")
# A line where the article ends and the page furniture begins ("Share this:", "Related").
_END_MARKER = re.compile(
    r"^\s*(?:share(?:\ this)?(?:\ (?:article|story|post))?|related(?:\ (?:articles?|stories|posts|coverage))?"
    r"|tags?|filed\ under|comments?|\d+\ comments?|leave\ a\ (?:comment|reply)|advertisement|read\ more"
    r"|more\ from\ .{1,40}|you\ (?:may|might)\ also\ like|recommended(?:\ for\ you)?|trending(?:\ now)?"
    r"|rating|quality|about\ the\ author)\s*(?::.{0,40})?$", re.I)
_CREDIT = re.compile(
    r"^\s*(?:(?:(?:Staff|File|AP|Reuters|Getty|Handout|Submitted|Contributed)\s+)?"
    r"(?:Photo|Image|Picture|Photograph|Illustration|Video)s?\b(?:\s+(?:from|by|via|credit|courtesy))?"
    r"|Credit:|Courtesy\b|\(Photo\b)",
    re.I,
)
# a photo caption ending in its credit: "Pickets outside the plant.Credit...Jo Ma for The Sun"
_CAPTION_CREDIT = _lazy(r"\S\s*Credit(?:\.\.\.|…|:)\s*[A-Z]")
_PLAYER = _lazy(r"(?i)^\s*(?:listen|watch|play)(?:\s+to\s+(?:this\s+)?(?:article|story))?\s*[·•|:\-–]?\s*"
                r"(?:\d{1,2}:\d{2}(?:\s*min(?:utes?)?)?)?\s*$")
_DATELINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted|Date)\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))"
    r"(?:[\s,/|]+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_META = re.compile(r"^# (?P<key>[\w -]+):\s*(?P<value>.*)$")
# what separates a byline's or a masthead's parts: "Jane Roe | The Lakeport Sun", "Jane Roe – Labor Reporter"
_PART_SEP = _lazy(r"\s+[|–—•]\s+|\s+-\s+")
# "Posted by Jane Roe on March 3, 2024 in Updates": the name ends before the date
_ON_DATE = _lazy(r"\s+on\s+(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)")
_DATE_IN = _lazy(r"\b(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\b")
_BYLINE_LEAD = _lazy(r"^\s*(?:(?:Written|Words|Posted|Story|Reporting)\s+by|By|BY|by:|By:|BY:)\s+")
# words of a section label above the headline ("Local News | The Lakeport Sun"), never the outlet itself
_SECTIONS = frozenset("""local national world breaking business top latest more sports metro politics opinion
regional state news home updated live""".split())
_END_PUNCT = tuple(".!?:;\"”’)»…")


def parse_date(value: str, what: str = "--published") -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date, or raise a UsageError naming the option."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not a date in YYYY-MM-DD form (e.g. 2023-09-21)") from None


def read_article(source: str | Path, published: dt.date | None = None, *, stem: str | None = None) -> Article:
    """Read a UTF-8 text article from a path (or ``"-"`` for stdin) into an Article.

    Raises InputError for a missing path, a directory, an empty, binary or non-UTF-8 file.
    """
    name = str(source)
    if name == "-":
        raw = sys.stdin.buffer.read()
        stem = stem or "stdin"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory; give the article file(s) inside it")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
        stem = stem or path.stem
    return parse_article(decode(raw, name), source=name, stem=stem, published=published)


def decode(raw: bytes, name: str) -> str:
    """Bytes to text, refusing binary data and invalid UTF-8 with a message that says where."""
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: looks like a binary file, not a UTF-8 text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (bad byte at offset {exc.start}); convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text


def parse_article(text: str, *, source: str = "-", stem: str = "article",
                  published: dt.date | None = None) -> Article:
    """Split raw article text into metadata and body paragraphs (pure; no I/O)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    meta: dict[str, str] = {}
    while lines and (m := _META.match(lines[0])):
        meta[m["key"].strip().lower()] = m["value"].strip()
        lines.pop(0)
    lines = _without_page_furniture(lines)
    text = "\n".join(lines).strip()
    if not text.strip():
        raise InputError(f"{source}: no article text (only metadata or junk lines)")

    # character offsets of each line
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1

    def line(i: int) -> str:
        return spans[i].of(text).strip()

    nonblank = [i for i in range(len(spans)) if line(i)]
    headline = byline = dek = None
    author = outlet = None
    header_end = 0          # index (into nonblank) of the first body line
    # "Local News | The Lakeport Sun" above the headline: the outlet's masthead
    if len(nonblank) > 2 and "|" in line(nonblank[0]) and (o := masthead_outlet(line(nonblank[0]))) \
            and _looks_like_headline(line(nonblank[1])):
        outlet = line(nonblank[0])[o[0]:o[1]]
        header_end = 1
    first = line(nonblank[header_end])
    if len(nonblank) > header_end + 1 and (_looks_like_headline(first) or _sentence_dek(
            first, [line(j) for j in nonblank[header_end + 1:header_end + 4]])):
        headline = _trimmed(spans[nonblank[header_end]], text)
        header_end += 1
    # header lines: credit, repeated headline, masthead, byline, dateline (any order, up to 5 lines)
    for k in range(header_end, min(header_end + 5, len(nonblank))):
        s = line(nonblank[k])
        if headline and _norm(s) == _norm(headline.of(text)):
            header_end = k + 1
        elif byline is None and ((bl := parse_byline(s)) is not None or (m := _BYLINE.match(s))):
            byline = _trimmed(spans[nonblank[k]], text)
            author = bl.authors(s) if bl is not None else m["who"].strip()
            if bl is not None and bl.outlet is not None:
                outlet = outlet or s[bl.outlet[0]:bl.outlet[1]]
            # "| August 2, 2024 | 4 Comments", "Posted by Jo Ma on May 2, 2024"
            if not published and (d := _DATE_IN().search(s)):
                published = _loose_date(d.group(0))
            header_end = k + 1
        elif _PLAYER().match(s):
            header_end = k + 1      # an audio player's label: "Listen · 4:12"
        elif (m := _DATELINE.match(s)):
            published = published or _loose_date(m["date"])
            header_end = k + 1
        elif _CREDIT.match(s) or _CAPTION_CREDIT().search(s):
            continue            # stays in the body: credits name outlets and platforms
        elif outlet is None and (o := masthead_outlet(s)) is not None and ("|" in s or any(
                _BYLINE.match(line(j)) or _DATELINE.match(line(j)) for j in nonblank[k + 1:k + 3])):
            outlet = s[o[0]:o[1]]       # "KXYZ 9 News | Updated 9:15 AM", "Dock Talk Weekly"
            header_end = k + 1
        elif dek is None and byline is None and headline and (_looks_like_headline(s) and any(
                _BYLINE.match(line(j)) or _DATELINE.match(line(j)) for j in nonblank[k + 1:header_end + 5])
                or _sentence_dek(s, [line(j) for j in nonblank[k + 1:k + 3]])):
            dek = _trimmed(spans[nonblank[k]], text)      # "Deal would lift pay 34%; union to vote Sept. 4"
            header_end = k + 1
        else:
            break
    credits = [i for i in nonblank[:header_end] if _CREDIT.match(line(i)) or _CAPTION_CREDIT().search(line(i))]
    body_lines = credits + nonblank[header_end:]
    if not body_lines:
        raise InputError(f"{source}: no body text after the headline")
    body = _paragraphs(body_lines, spans, text)
    if published is None and meta.get("published") not in (None, "", "unknown"):
        published = parse_date(meta["published"], "published metadata line")
    return Article(source=source, stem=stem, text=text, body=tuple(body), headline=headline,
                   byline=byline, dek=dek, author=author, published=published,
                   publisher=meta.get("publisher") or outlet or None)


def _without_page_furniture(lines: list[str]) -> list[str]:
    """Drop the trailing junk: scraper rating lines, and everything from an end marker
    ("Share this:", "Related") on when nothing after it reads as prose."""
    lines = list(lines)
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for i in nonblank[-30:]:
        if (_END_MARKER.match(lines[i]) and not any(_is_prose(lines[j]) for j in nonblank if j > i)
                and any(_is_prose(lines[j]) for j in nonblank if j < i)):   # never cut the whole text
            del lines[i:]
            break
    while lines and (not lines[-1].strip() or _JUNK_LINE.match(lines[-1])):
        lines.pop()
    return lines


def _is_prose(line: str) -> bool:
    # prose ends like a sentence; link lists, share buttons and headlines do not
    return line.rstrip().endswith((".", "!", "?", "”", '"', "’")) and len(line.split()) > 3


def _paragraphs(indices: list[int], spans: list[Span], text: str) -> list[Span]:
    """Join hard-wrapped lines; a line ending a sentence (or followed by a blank) ends a paragraph."""
    out: list[Span] = []
    cur: Span | None = None
    prev = -2
    for i in indices:
        s = _trimmed(spans[i], text)
        if cur is not None and i == prev + 1 and not cur.of(text).endswith(_END_PUNCT):
            cur = Span(cur.start, s.end)
        else:
            if cur is not None:
                out.append(cur)
            cur = s
        prev = i
    if cur is not None:
        out.append(cur)
    return out


def _trimmed(span: Span, text: str) -> Span:
    s = span.of(text)
    left = len(s) - len(s.lstrip())
    return Span(span.start + left, span.start + len(s.rstrip()))


def _looks_like_headline(line: str) -> bool:
    # headlines are short and rarely end like a sentence
    return len(line) <= 200 and not line.endswith((".", "”", '"')) and not _BYLINE.match(line)


def _sentence_dek(line: str, following: list[str]) -> bool:
    """"The walkout follows months of talks." under a headline: a one- or two-sentence summary (or
    a headline written as sentences) heads the article when a "By" byline follows it, after photo
    captions or an audio player's label."""
    if len(line) > 250 or not line.endswith(".") or line.count(". ") > 1:
        return False
    for nxt in following:
        if _BYLINE.match(nxt):
            return True
        if not (_CREDIT.match(nxt) or _CAPTION_CREDIT().search(nxt) or _PLAYER().match(nxt)):
            return False
    return False


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _loose_date(value: str) -> dt.date | None:
    from dateutil import parser as dateparser
    try:
        return dateparser.parse(value).date()
    except (ValueError, OverflowError):
        return None


# -- bylines and mastheads ------------------------------------------------------------------------
@dataclass(frozen=True)
class Byline:
    """What a byline line says, as (start, end) offsets into the line: the authors' names (each
    one as written; checked as names by the entity stage), their title and their outlet."""

    names: tuple[tuple[int, int], ...]
    title: tuple[int, int] | None = None
    outlet: tuple[int, int] | None = None

    def authors(self, line: str) -> str:
        """The names part as written ("Ana Pell and Bo Lind")."""
        return line[self.names[0][0]:self.names[-1][1]] if self.names else ""


def parse_byline(line: str) -> Byline | None:
    """The parts of a byline: "By Jane Roe and Jo Ma", "By JANE ROE Associated Press",
    "By Jane Roe, The Associated Press", "By Jane Roe, Sun Staff Writer", "By Jane Roe | The Lakeport
    Sun", "Posted by Jane Roe on March 3, 2024", "Jane Roe – Labor Reporter, The Lakeport Sun".

    A line without "By" is a byline only as "Name – title/outlet" (a dash or bar after one name).
    None when the line is no byline.
    """
    lead = _BYLINE_LEAD().match(line)
    start = lead.end() if lead else len(line) - len(line.lstrip())
    end = len(line.rstrip())
    segs = _segments(line, start, end)
    if not segs:
        return None
    first = segs[0]
    if (d := _ON_DATE().search(line, first[0], first[1])) is not None:
        first = (first[0], d.start())
    # comma parts of the first segment: names first, then a title or an outlet
    parts = _comma_parts(line, *first)
    names: list[tuple[int, int]] = []
    title = outlet = None
    for k, (a, b) in enumerate(parts):
        role = _role_part(line, a, b) if k else None
        if role is not None:
            title, outlet = role
            break
        names.extend(_and_parts(line, a, b))
    # "By JANE ROE Associated Press": a name in capitals, then the outlet in Title Case
    if len(names) == 1 and outlet is None and (caps := _capitals_then_outlet(line, *names[0])) is not None:
        names, outlet = [caps[0]], caps[1]
    for a, b in segs[1:]:
        for pa, pb in _comma_parts(line, a, b):
            role = _role_part(line, pa, pb)
            if role is not None:
                title = title or role[0]
                outlet = outlet or role[1]
    if not names or any(len(line[a:b].split()) > 5 for a, b in names):
        return None
    if lead is None and not (len(names) == 1 and len(segs) > 1 and _no_by_byline(line, names[0], title, outlet)):
        return None
    return Byline(tuple(names), title, outlet)


def _no_by_byline(line: str, name: tuple[int, int], title: tuple[int, int] | None,
                  outlet: tuple[int, int] | None) -> bool:
    """"Jane Roe – Labor Reporter, The Lakeport Sun": without "By", the line must open with a person's
    name and go on with a title or an outlet whose name ends like one ("News", "Ledger")."""
    from .extract.lexicon import load_words_cased
    from .extract.names import is_personal

    if not is_personal(line[name[0]:name[1]].split()):
        return False
    if title is not None:
        return True
    return outlet is not None and line[outlet[0]:outlet[1]].split()[-1] in load_words_cased("outlet_heads")


def masthead_outlet(line: str) -> tuple[int, int] | None:
    """The outlet named on a masthead line ("Local News | The Lakeport Sun", "KXYZ 9 News |
    Updated 9:15 AM", "Dock Talk Weekly"): (start, end) in the line, or None.

    The other parts of the line must be short labels (a section, a time); a line with no bar
    must be the outlet's name alone (the caller checks that a byline or dateline follows).
    """
    segs = _segments(line, len(line) - len(line.lstrip()), len(line.rstrip()))
    outlets = [(a, b) for a, b in segs if _outlet_like(line[a:b])]
    if not outlets or any(len(line[a:b].split()) > 4 for a, b in segs if (a, b) not in outlets):
        return None
    # "Local News" is a section label even though it ends in "News"
    named = [(a, b) for a, b in outlets if line[a:b].split()[0].lower() not in _SECTIONS] or outlets
    return next((o for o in named if line[o[0]:o[1]].startswith("The ")), named[0])


def _segments(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the parts of ``line[start:end]`` between bars and dashes."""
    out, pos = [], start
    for m in _PART_SEP().finditer(line, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def _comma_parts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for i in range(start, end):
        if line[i] == ",":
            out.append((pos, i))
            pos = i + 1
    out.append((pos, end))
    return [(a + len(line[a:b]) - len(line[a:b].lstrip()), a + len(line[a:b].rstrip()))
            for a, b in out if line[a:b].strip()]


def _and_parts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Ana Pell and Bo Lind" -> each name's (start, end)."""
    out, pos = [], start
    for m in re.finditer(r"\s+(?:and|AND|&)\s+", line[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def _role_part(line: str, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """(title, outlet) of "Labor Reporter", "Sun Staff Writer", "The Associated Press", or None."""
    from .extract.titles import title_at

    text = line[start:end]
    words = text.split()
    if not words or any(ch.isdigit() for ch in text):
        return None
    offsets, pos = [], start
    for w in words:
        at = line.index(w, pos)
        offsets.append((at, at + len(w)))
        pos = at + len(w)
    k = next((k for k in range(len(words)) if title_at(words, k) == len(words) - k), None)
    if k is not None:
        outlet = (start, offsets[k - 1][1]) if k and all(w[:1].isupper() for w in words[:k]) else None
        if k and outlet is None:
            return None
        return (offsets[k][0], end), outlet
    return (None, (start, end)) if _outlet_like(text) else None


def _outlet_like(text: str) -> bool:
    """Is ``text`` shaped like an outlet's name: capitalized words ending in "News", "Ledger" ...,
    starting with "The", or a known outlet?"""
    from .extract.lexicon import load_flagged, load_words_cased
    from .extract.org_types import OUTLET_TAILS
    from .extract.resolve import norm

    words = text.split()
    if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&")
                                           for w in words):
        return False
    if norm(text) in load_flagged("media_outlets"):
        return True
    return len(words) >= 2 and (words[-1] in load_words_cased("outlet_heads") or words[0] == "The"
                                or " ".join(words[-2:]) in OUTLET_TAILS)


def _capitals_then_outlet(line: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"JANE ROE Associated Press": (the name in capitals, the outlet after it), or None."""
    words = list(re.finditer(r"\S+", line[start:end]))
    n = 0
    while n < len(words) and len(w := words[n].group(0)) > 1 and w.isupper() \
            and w.replace("-", "").replace("'", "").isalpha():
        n += 1
    if n < 2 or n == len(words) or not _outlet_like(line[start + words[n].start():end]):
        return None
    return (start, start + words[n - 1].end()), (start + words[n].start(), end)
