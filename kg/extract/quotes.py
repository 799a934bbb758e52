"""Quotes: the quoted words of each body paragraph and who the text says said them.

    find_quotes(doc) -> doc with ``quotes`` filled

Quote marks are paired per paragraph (curly or straight; a quote left open at the end of a
paragraph ends there, and a paragraph that opens with a quote mark continues it).  Single-
quoted words inside a quote are quotes of their own, said by whoever the quoted text says
said them.  The speaker comes from, in this order:

    after    “...,” said union leadership.  /  “...,” Doe stated.  /  “...,” X told Reuters.
    before   X said, “...”  /  X noted that there had been “frank talks”  /  X: “...”
    carried  “...,” X said. “...”  (the next quote in the paragraph, or the next paragraph, is X's too)

"per Reuters", "told the Daily Ledger", "according to Bloomberg" name the outlet it came
through (``via``).  One or two quoted words with no reporting verb are scare quotes, not
quotes; a quote whose speaker cannot be named is left out (precision over recall).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document, Evidence, Quote, Sentence, Span
from ..sentences import ABBREVIATIONS
from .cues import Parties, WordList, entries, speech_verbs

# A reporting verb right after a quote counts only this close to it ("“...,” the union's
# president, Jane Doe, said" is about as far as news prose goes).
_AFTER_REACH = 90
_WORD = re.compile(r"[\w’'-]+")
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


def find_quotes(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.quotes`` with attributed quotes."""
    if not doc.sentences:
        return doc
    parties = Parties(doc)
    segs = list(segments(doc))
    parties.quoted = [Span(s.start, s.end) for s in segs]
    _attribute(doc, parties, segs)
    quotes: list[Quote] = []
    for seg in _flatten(segs):
        if seg.speaker is None:
            continue
        words = _WORD.findall(doc.text[seg.start:seg.end])
        if len(words) <= 2 and not seg.verb:
            continue                           # scare quotes: “historic”, “final offer”
        quotes.append(_quote(doc, seg))
    quotes.sort(key=lambda q: q.span.start)
    return doc.with_(quotes=tuple(quotes))


# -- finding quote marks -------------------------------------------------------------------

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


def _flatten(segs: list[Segment]) -> list[Segment]:
    out = []
    for s in segs:
        out.append(s)
        out.extend(s.children)
    return out


# -- attribution ------------------------------------------------------------------------------

def _attribute(doc: Document, parties: Parties, segs: list[Segment]) -> None:
    text = doc.text
    sents = list(doc.sentences)
    verbs = speech_verbs()
    prev: Segment | None = None
    for k, seg in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        same_prev = prev if prev is not None and prev.para == seg.para else None
        s_open = _sentence(sents, seg.open)
        s_close = _sentence(sents, max(seg.stop - 1, seg.open))
        b_start = max(s_open.span.start if s_open else seg.open,
                      same_prev.stop if same_prev else -1,
                      same_prev.attribution.end if same_prev and same_prev.attribution else -1)
        a_end = s_close.span.end if s_close else seg.stop
        if nxt is not None and nxt.para == seg.para:
            a_end = min(a_end, nxt.open)
        after = Span(seg.stop, max(seg.stop, a_end)) if seg.close is not None else Span(seg.stop, seg.stop)
        before = Span(b_start, seg.open)

        _after(text, parties, verbs, seg, after)
        if seg.speaker is None and not seg.verb:
            _before(text, parties, verbs, seg, before)
        if seg.speaker is None and not seg.verb:
            _colon(text, parties, seg, before, doc, segs, k)
        if seg.speaker is None and not seg.verb and not text[before.start:before.end].strip():
            _lead_in(text, parties, verbs, seg, doc)
        if seg.speaker is None and not seg.verb and prev is not None and prev.speaker:
            # “...,” X said. “...”  /  a paragraph that carries on X's quote
            gap = text[max(prev.stop, prev.attribution.end if prev.attribution else 0):seg.open]
            if (same_prev is not None and not verbs.search(_outside(gap))) or seg.continues \
                    or (prev.para == seg.para - 1 and _whole_paragraph(doc, seg) and _ends_paragraph(doc, prev)):
                seg.speaker, seg.via, seg.rule = prev.speaker, prev.via, "quote.carried"
                seg.attribution = prev.attribution
                # “historic protections” and that they were “disappointed”: one reporting verb for both
                seg.verb = prev.verb and same_prev is not None and \
                    _sentence(sents, prev.open) in (s_open, s_close)
        if seg.via is None:
            seg.via = _via(text, parties, after) or _via(text, parties, before)
            if seg.via and same_prev is not None and same_prev.speaker == seg.speaker and same_prev.via is None \
                    and _sentence(sents, same_prev.open) in (s_open, s_close):
                same_prev.via = seg.via        # "“frank talks” ..., “but ...,” per Reuters": both
        if seg.via == seg.speaker:
            seg.via = None
        for child in seg.children:
            _nested_speaker(text, parties, verbs, sents, seg, child)
        prev = seg


def _after(text: str, parties: Parties, verbs: WordList, seg: Segment, after: Span) -> None:
    """“...,” said X.  /  “...,” X said.  /  “...,” X, the union's president, told Reuters."""
    chunk = text[after.start:after.end]
    if not chunk.strip() or not re.match(r"^[\s,;:—–-]*\S", chunk):
        return
    acc = re.match(r"^[\s,;:—–-]*according\s+to\s+", chunk, re.I)
    if acc:
        ms = parties.mentions(after.start + acc.end(), after.end)
        if ms and ms[0].span.start - (after.start + acc.end()) < 25 and parties.type(ms[0].entity) != "MediaOutlet":
            seg.speaker, seg.rule, seg.verb = ms[0].entity, "quote.according-to", True
            seg.attribution = Span(after.start, ms[0].span.end)
        return
    m = verbs.search(chunk)
    if not m or m.start() > _AFTER_REACH or _sentence_break(chunk[:m.start()]):
        return
    lead = chunk[:m.start()]
    if lead.strip().strip(",;:—–-").strip() == "":
        # verb first: said union leadership / said Jane Doe, Acme CEO
        rest_start = after.start + m.end()
        rest = text[rest_start:after.end]
        stop = re.search(r"[,;!?“”\"]|(?<!\b[A-Z])\.(?!\w)|\s(?:in|on|at|after|before|during|who|which|that)\s", rest)
        end = rest_start + (stop.start() if stop else len(rest))
        ms = [x for x in parties.mentions(rest_start, min(after.end, end + 40)) if x.span.start < end]
        if ms:
            end = max(end, ms[-1].span.end)         # "said John Roe Jr., the local's president"
        persons = [x for x in ms if parties.is_person(x.entity)]
        key = (persons or ms)[0].entity if (persons or ms) else parties.np(text[rest_start:end], rest_start)
        seg.verb = True
        if key:
            seg.speaker, seg.rule = key, "quote.said-after"
            seg.attribution = Span(after.start, end)
        return
    if any(q in lead for q in "“”\""):
        return
    masked = lead
    for x in parties.mentions(after.start, after.start + m.start()):
        a, b = x.span.start - after.start, x.span.end - after.start
        masked = masked[:a] + " " * (b - a) + masked[b:]
    if re.search(r"\b(?:which|that|who|whom|because|as|while|but|and|if|when|after|before|although|so)\b", masked, re.I):
        return                                  # “insulting,” which the union said ...: another clause's verb
    seg.verb = True
    keys = parties.subject(after.start, after.start + m.start())
    if keys:
        seg.speaker, seg.rule = keys[0], "quote.after"
        seg.attribution = Span(after.start, after.start + m.end())


def _before(text: str, parties: Parties, verbs: WordList, seg: Segment, before: Span) -> None:
    """X said, “...”  /  X noted that there had been “...”  /  according to X, “...”."""
    chunk = text[before.start:before.end]
    found = [m for m in verbs.finditer(chunk) if _reports(chunk, m)]
    if found:
        m = found[-1]
        seg.verb = True
        keys = parties.subject(before.start, before.start + m.start())
        if keys:
            seg.speaker, seg.rule = keys[0], "quote.before"
            seg.attribution = Span(before.start, before.start + m.end())
        return
    acc = re.search(r"\baccording to\s+", chunk, re.I)
    if acc:
        ms = parties.mentions(before.start + acc.end(), before.end)
        if ms and parties.type(ms[0].entity) != "MediaOutlet":
            seg.verb = True
            seg.speaker, seg.rule = ms[0].entity, "quote.according-to"
            seg.attribution = Span(before.start + acc.start(), ms[0].span.end)


def _colon(text: str, parties: Parties, seg: Segment, before: Span, doc: Document,
           segs: list[Segment], k: int) -> None:
    """Transcript style: "JANE DOE, UNION PRESIDENT: “...”" (the name before a colon)."""
    chunk = text[before.start:before.end]
    if not chunk.rstrip().endswith(":"):
        return
    body = chunk.rstrip()[:-1]
    name = re.split(r",", body)[0].strip()
    if not name or len(name.split()) > 6:
        return
    ms = [m for m in parties.mentions(before.start, before.start + len(name))]
    persons = [m for m in ms if parties.is_person(m.entity)]
    key = (persons or ms)[0].entity if (persons or ms) else None
    if key is None:
        key = parties.np(name, before.start) or (parties.np(name.title(), before.start) if name.isupper() else None)
    if key:
        seg.speaker, seg.rule, seg.verb = key, "quote.colon", True
        seg.attribution = Span(before.start, before.start + len(name))


def _lead_in(text: str, parties: Parties, verbs: WordList, seg: Segment, doc: Document) -> None:
    """A paragraph of quote after one that ends "X said:" is X's."""
    if seg.para == 0 or seg.continues:
        return
    prev = doc.article.body[seg.para - 1]
    lead = text[prev.start:prev.end].rstrip()
    if not lead.endswith(":") or any(q in lead for q in "“”\"") or len(lead) > 200:
        return
    found = list(verbs.finditer(text, prev.start, prev.start + len(lead)))
    if not found:
        return
    keys = parties.subject(prev.start, found[-1].start())
    if keys:
        seg.speaker, seg.rule, seg.verb = keys[0], "quote.lead-in", True
        seg.attribution = Span(prev.start, found[-1].end())


def _nested_speaker(text: str, parties: Parties, verbs: WordList, sents: list[Sentence],
                    outer: Segment, child: Segment) -> None:
    """‘...’ inside a quote belongs to whoever the quoted text says said it ("claiming ...")."""
    s = _sentence(sents, child.open)
    start = max(outer.start, s.span.start if s else outer.start)
    before = Span(start, child.open)
    _before(text, parties, verbs, child, before)
    if child.speaker:
        child.rule = "quote.nested"


def _via(text: str, parties: Parties, span: Span) -> str | None:
    """The outlet a quote came through: "per Reuters", "told the Daily Ledger", "according to Bloomberg"."""
    if span.end <= span.start:
        return None
    cue = _via_cue()
    for m in parties.mentions(span.start, span.end):
        if parties.type(m.entity) == "MediaOutlet" and cue.search(text[max(span.start, m.span.start - 30):m.span.start]):
            return m.entity
    return None


@lru_cache(maxsize=None)
def _via_cue() -> re.Pattern[str]:
    """The words before an outlet that make it the channel of a quote ("per", "told")."""
    return re.compile(r"(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in entries("speech_via"))
                      + r")\s+(?:the\s+)?$", re.I)


# -- helpers -----------------------------------------------------------------------------------

def _sentence(sents: list[Sentence], offset: int) -> Sentence | None:
    for s in sents:
        if s.span.start <= offset < s.span.end:
            return s
    # offsets on a quote mark just outside a trimmed sentence: take the nearest one before
    best = None
    for s in sents:
        if s.span.start <= offset:
            best = s
    return best


def _reports(chunk: str, m: re.Match[str]) -> bool:
    """Does this verb report words? "called off the “Widget Days”" does not; "called it “a lockout”" does."""
    if not re.match(r"call|describ|dub", m.group(0), re.I):
        return True
    rest = chunk[m.end():]
    return not re.match(r"\s+(?:off|for|up|on|out|in|back|upon)\b", rest, re.I) and len(rest.split()) <= 6


def _sentence_break(chunk: str) -> bool:
    """Does a sentence end inside ``chunk``? ("Mr. Bell said" has no break; "there. Then" has.)"""
    for m in re.finditer(r"[.!?]\s+", chunk):
        word = re.search(r"([\w.]+)$", chunk[:m.start()])
        w = word.group(1).lower() if word else ""
        if chunk[m.start()] == "." and (w in ABBREVIATIONS or re.fullmatch(r"[a-z]", w)):
            continue
        return True
    return False


def _outside(gap: str) -> str:
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", gap)


def _whole_paragraph(doc: Document, seg: Segment) -> bool:
    para = doc.article.body[seg.para]
    return doc.text[para.start:seg.open].strip() == "" and \
        doc.text[seg.stop:para.end].strip(" .”\"") == ""


def _ends_paragraph(doc: Document, seg: Segment) -> bool:
    para = doc.article.body[seg.para]
    tail = doc.text[seg.stop:para.end]
    return len(tail) < 120 and seg.rule in ("quote.after", "quote.said-after", "quote.carried")


def _quote(doc: Document, seg: Segment) -> Quote:
    span = Span(seg.start, seg.end)
    lo, hi = seg.open, seg.stop
    if seg.attribution is not None:
        lo, hi = min(lo, seg.attribution.start), max(hi, seg.attribution.end)
    sents = [s.span for s in doc.sentences if s.span.start < hi and lo < s.span.end]
    sentence = Span(min([lo] + [s.start for s in sents]), max([hi] + [s.end for s in sents]))
    conf = {"quote.said-after": 0.9, "quote.after": 0.9, "quote.before": 0.85, "quote.colon": 0.8,
            "quote.lead-in": 0.75,
            "quote.according-to": 0.75, "quote.carried": 0.75, "quote.nested": 0.7}.get(seg.rule, 0.7)
    ev = Evidence(sentence=sentence, span=Span(lo, hi), rule=seg.rule, confidence=conf)
    return Quote(speaker=seg.speaker or "", text=doc.text[span.start:span.end], span=span,
                 evidence=ev, via=seg.via)
