"""Date expressions in news prose, and their ISO resolution against the published date.

Two pure functions:

    find_dates(text, offset=0)              -> list[DateExpr]   (where the date words are)
    resolve_date(expr, published, planned)  -> "YYYY-MM-DD" | "YYYY-MM" | None

News prose dates things relative to the day it is published ("Wednesday", "tomorrow",
"Sept. 15", "in May").  A weekday in a past-tense clause is the most recent such day on or
before the published date; in a planned one, the next such day after it.  A day or month
without a year takes the published year, unless that puts a past event after publication
(then it is last year's) or a planned one before it (next year's).  With no published date
only expressions that carry their own year resolve.  Anything vaguer than a month
("this week", "last year", "After more than two months") keeps its words but gets no date:
a missing date is better than a guessed one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Span

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}

# Month names are matched capitalised only: lower-case "may" is the modal verb.
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?!\w)")
_WEEKDAY = (r"\b(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
            r"(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Prepositions kept with the expression: callers need them ("since May" is not the date of
# the event it modifies; "on Thursday" is).
_PREP = (r"(?:(?<!\w)(?P<prep>(?i:on|in|at|by|since|until|till|through|from|during|before|after|"
         r"as\ of|starting|beginning|effective|for))\s+)?")
_PART = (r"(?:(?:the\s+)?(?P<part>beginning|start|end|middle|first\s+half|second\s+half)\s+of\s+"
         r"|(?P<edge>early|late|mid)[-\s]+)?")

# (kind, pattern, flags), tried in this order; each is compiled the first time a text may hold it
_SOURCES: list[tuple[str, str, int]] = [
    # 2023-09-20
    ("iso", r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b", 0),
    # "Thursday, Nov. 9", "Nov. 9, 2023", "March 3", "Sept. 15th"
    ("month-day",
        _PREP + r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r"\b)?", 0),
    # "9 November 2023", "on 3 March"
    ("day-month",
        _PREP + r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?" + _DAY + r"(?:\s+(?:and|to|or)\s+\d{1,2}|[-–]\d{1,2})?\s+(?:of\s+)?"
        + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?", 0),
    # "in May", "at the beginning of May", "in late August", "May 2023"
    ("month", _PREP + _PART + r"(?:(?P<mwhich>last|next|this|this\s+past|this\s+coming)\s+)?" + _MONTH
        + r"(?:,?\s+" + _YEAR + r"\b)?", 0),
    # "on Thursday", "last Wednesday", "Wednesday’s", "Monday morning"
    ("weekday",
        _PREP + r"(?:(?:late|early)\s+)?(?:(?P<which>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?" + _WEEKDAY
        + r"(?:\s+(?:morning|afternoon|evening|night))?(?P<poss>[’']s)?(?!\w)", 0),
    # "tomorrow", "earlier this week", "last month", "next year"
    ("relative",
        _PREP + r"(?:(?:late|early)\s+)?(?P<rel>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
        r"|(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)"
        r"|(?:last|next|this|the\s+past|the\s+coming)\s+(?:week|month|year|weekend))"
        r"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)", re.I),
    # "in 2022"
    ("year", r"(?:(?P<prep>(?i:in|since|until|by|through|during|before|after))\s+)?\b" + _YEAR + r"\b(?!-)", 0),
]


@lru_cache(maxsize=None)
def _pattern(kind: str) -> re.Pattern[str]:
    """The compiled pattern of one kind of expression."""
    return next(re.compile(src, flags) for k, src, flags in _SOURCES if k == kind)


@dataclass(frozen=True)
class DateExpr:
    """A date expression as written: where it is, its words and what sort of date it is."""

    span: Span
    text: str                 # the words as written, with a leading preposition ("on Thursday")
    kind: str                 # iso, month-day, day-month, month, weekday, relative, year
    prep: str | None = None   # the leading preposition, lower-cased ("since", "on", ...)
    possessive: bool = False  # "Wednesday’s meeting"

    @property
    def core(self) -> str:
        """The date words without the leading preposition or possessive ending."""
        t = self.text
        if self.prep:
            t = t[len(self.prep):].lstrip()
        return re.sub(r"[’']s$", "", t)


# What each kind of expression cannot do without: a cheap test that skips most sentences.
_ANCHORS = {
    "iso": re.compile(r"\d-"), "month-day": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "day-month": re.compile(r"\d\s+(?:of\s+)?[A-Z]"), "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "weekday": re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"),
    "relative": re.compile(r"(?i)today|tonight|yesterday|tomorrow|morning|afternoon|evening|week|month|year"),
    "year": re.compile(r"\b(?:19|20)\d\d\b"),
}


def find_dates(text: str, offset: int = 0) -> list[DateExpr]:
    """Every date expression in ``text``, leftmost-longest, with spans shifted by ``offset``."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, _src, _flags in _SOURCES:
        if not _ANCHORS[kind].search(text):
            continue
        for m in _pattern(kind).finditer(text):
            if not _plausible(kind, m, text):
                continue
            start = m.start()
            if kind == "weekday" and (m.group("prep") or "").lower() in ("in", "at"):
                start = m.end("prep") + 1          # "weighed in Wednesday": "in" belongs to the verb
            found.append((start, m.end(), kind, m))
    # leftmost, then longest; drop anything overlapping an expression already taken
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateExpr] = []
    last_end = -1
    for start, end, kind, m in found:
        if start < last_end:
            continue
        last_end = end
        prep = m.groupdict().get("prep") if start <= m.start() else None
        out.append(DateExpr(Span(offset + start, offset + end), text[start:end], kind,
                            prep.lower() if prep else None,
                            bool(m.groupdict().get("poss"))))
    return out


def _plausible(kind: str, m: re.Match[str], text: str) -> bool:
    """Reject matches that are words, not dates ("May" the modal or the surname, "at 22")."""
    g = m.groupdict()
    if g.get("day") and not 1 <= int(g["day"]) <= 31:
        return False
    month = g.get("month")
    if kind == "month" and month:
        # a bare month name counts only with a preposition, an edge word or a year:
        # "May" alone is as often a name ("Theresa May") or a sentence-initial modal
        if not (g.get("prep") or g.get("part") or g.get("edge") or g.get("year") or g.get("mwhich")):
            return False
        if month.startswith("Mar") and month.rstrip(".") == "Mar":
            return bool(g.get("year"))      # "mar" the verb
    if kind == "weekday" and g["weekday"].endswith(".") and not g.get("prep"):
        return False                         # "Sun." / "Sat." alone are too often not days
    return True


def resolve_date(expr: DateExpr | str, published: dt.date | None, *, planned: bool = False) -> str | None:
    """The ISO date ("YYYY-MM-DD" or "YYYY-MM") an expression stands for, or None.

    ``published`` is the reference day (None: only expressions with a year resolve);
    ``planned`` says the clause is about the future ("will meet Thursday").
    """
    if isinstance(expr, str):
        found = find_dates(expr)
        if not found:
            return None
        expr = found[0]
    m = _match(expr)
    if m is None:
        return None
    g = m.groupdict()
    kind = expr.kind
    if kind == "iso":
        try:
            return dt.date.fromisoformat(g["iso"]).isoformat()
        except ValueError:
            return None
    if kind in ("month-day", "day-month"):
        iso = _month_day(_month(g["month"]), int(g["day"]), g.get("year"), published, planned)
        if iso and g.get("weekday") and not g.get("year"):
            iso = _agree_weekday(iso, _WEEKDAYS[g["weekday"].rstrip(".").lower()])
        return iso
    if kind == "month":
        return _month_only(_month(g["month"]), g.get("year"), published, planned, g.get("mwhich"))
    if kind == "weekday":
        if published is None:
            return None
        return _weekday(_WEEKDAYS[g["weekday"].rstrip(".").lower()], (g.get("which") or "").lower(),
                        published, planned).isoformat()
    if kind == "relative":
        return _relative(" ".join(g["rel"].lower().split()), published)
    return None                              # a bare year is vaguer than the contract's month


def _match(expr: DateExpr) -> re.Match[str] | None:
    if not any(kind == expr.kind for kind, _src, _flags in _SOURCES):
        return None
    return _pattern(expr.kind).fullmatch(expr.text)


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


# days after publication within which an unmarked "10 December" is read as coming, not as last year's
_SOON = 45


def _month_day(month: int, day: int, year: str | None, published: dt.date | None,
               planned: bool) -> str | None:
    if year:
        y = int(year)
    elif published is None:
        return None                          # "March 3" of which year? do not guess
    else:
        y = published.year
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None                          # "Feb. 30"
    if not year and published is not None:
        # a past event cannot be after publication, nor a planned one before it
        moved: dt.date | None = d
        if not planned and d > published and (d - published).days > _SOON:
            moved = _replace_year(d, y - 1)      # (a date a few weeks ahead is a plan the clause did not mark)
        elif planned and d < published:
            moved = _replace_year(d, y + 1)
        return moved.isoformat() if moved else None
    return d.isoformat()


def _agree_weekday(iso: str, wd: int) -> str:
    """Pick the year in which "Thursday, Nov. 9" really is a Thursday (this, last or next)."""
    d = dt.date.fromisoformat(iso)
    if d.weekday() == wd:
        return iso
    for y in (d.year + 1, d.year - 1):
        other = _replace_year(d, y)
        if other is not None and other.weekday() == wd:
            return other.isoformat()
    return iso


def _replace_year(d: dt.date, year: int) -> dt.date | None:
    try:
        return d.replace(year=year)
    except ValueError:
        return None                          # Feb. 29 in a year without one


def _month_only(month: int, year: str | None, published: dt.date | None, planned: bool,
                which: str | None = None) -> str | None:
    if year:
        return f"{int(year):04d}-{month:02d}"
    if published is None:
        return None
    y = published.year
    which = " ".join(which.lower().split()) if which else None
    if which in ("last", "this past"):
        return f"{y - (month >= published.month):04d}-{month:02d}"   # "since last May": the May before
    if which in ("next", "this coming"):
        return f"{y + (month <= published.month):04d}-{month:02d}"
    if which == "this":
        return f"{y:04d}-{month:02d}"
    if not planned and month > published.month:
        y -= 1
    elif planned and month < published.month:
        y += 1
    return f"{y:04d}-{month:02d}"


def _weekday(wd: int, which: str, published: dt.date, planned: bool) -> dt.date:
    back = (published.weekday() - wd) % 7
    if which in ("next", "coming", "this coming") or (planned and which not in ("last", "past", "this past")):
        # the next such day after publication ("will meet Thursday" said on a Thursday is a week on)
        return published + dt.timedelta(days=(wd - published.weekday() - 1) % 7 + 1)
    if which in ("last", "past", "this past") and back == 0:
        back = 7                             # "last Thursday" said on a Thursday is a week ago
    return published - dt.timedelta(days=back)


def _relative(rel: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    if rel in ("today", "tonight") or rel.startswith("this ") and rel.split()[1] in ("morning", "afternoon", "evening"):
        return published.isoformat()
    if rel == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    months = {"last month": -1, "this month": 0, "earlier this month": 0, "later this month": 0,
              "next month": 1, "the coming month": 1}
    if rel in months:
        y, m = divmod(published.year * 12 + published.month - 1 + months[rel], 12)
        return f"{y:04d}-{m + 1:02d}"
    return None                              # weeks, years, "earlier this week": vaguer than a day or month
