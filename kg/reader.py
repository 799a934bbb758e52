"""Read an article file (or stdin) into an ``Article``: its text, body paragraphs and metadata.

Real pasted articles have a shape: optional ``# key: value`` metadata lines, a headline, a
photo credit, the headline again, a byline ("By ..."), a dateline, body paragraphs, and
trailing scraper junk ("Quality: - Content: +1", "Advertisement", "Share this article").
The headline and byline become metadata; the junk is dropped from the text; the photo credit
stays (it names organizations and platforms) as the first body paragraph.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from .document import Article, Span
from .errors import InputError, UsageError

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
# "By Jane Roe", "Posted by Jake Morrow | August 2, 2024 | 4 Comments"
_BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Words by|Posted by)\s+(?P<who>[^|\n]{2,100}?)\s*(?:\|(?P<rest>.*))?$")
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
_DATELINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted|Date)\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))"
    r"(?:[\s,]+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_META = re.compile(r"^# (?P<key>[\w -]+):\s*(?P<value>.*)$")
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
    author = None
    header_end = 0          # index (into nonblank) of the first body line
    first = line(nonblank[0])
    if len(nonblank) > 1 and _looks_like_headline(first):
        headline = _trimmed(spans[nonblank[0]], text)
        header_end = 1
    # header lines: credit, repeated headline, byline, dateline (in any order, up to 5 lines)
    for k in range(header_end, min(header_end + 5, len(nonblank))):
        s = line(nonblank[k])
        if headline and _norm(s) == _norm(headline.of(text)):
            header_end = k + 1
        elif (m := _BYLINE.match(s)) and byline is None:
            byline, author = _trimmed(spans[nonblank[k]], text), m["who"].strip()
            for part in (m["rest"] or "").split("|"):       # "| August 2, 2024 | 4 Comments"
                if not published and (d := _DATELINE.match(part)):
                    published = _loose_date(d["date"])
            header_end = k + 1
        elif (m := _DATELINE.match(s)):
            published = published or _loose_date(m["date"])
            header_end = k + 1
        elif _CREDIT.match(s):
            continue            # stays in the body: credits name outlets and platforms
        elif dek is None and byline is None and headline and _looks_like_headline(s) and any(
                _BYLINE.match(line(j)) or _DATELINE.match(line(j)) for j in nonblank[k + 1:header_end + 5]):
            dek = _trimmed(spans[nonblank[k]], text)      # "Deal would lift pay 34%; union to vote Sept. 4"
            header_end = k + 1
        else:
            break
    credits = [i for i in nonblank[:header_end] if _CREDIT.match(line(i))]
    body_lines = credits + nonblank[header_end:]
    if not body_lines:
        raise InputError(f"{source}: no body text after the headline")
    body = _paragraphs(body_lines, spans, text)
    if published is None and meta.get("published") not in (None, "", "unknown"):
        published = parse_date(meta["published"], "published metadata line")
    return Article(source=source, stem=stem, text=text, body=tuple(body), headline=headline,
                   byline=byline, dek=dek, author=author, published=published,
                   publisher=meta.get("publisher") or None)


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


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _loose_date(value: str) -> dt.date | None:
    from dateutil import parser as dateparser
    try:
        return dateparser.parse(value).date()
    except (ValueError, OverflowError):
        return None
