"""Events: meetings, negotiations, strikes, deals, proposals, votes and statements.

    find_events(doc) -> doc with ``events`` filled

Three steps.  (1) Triggers from ``lexicons/event_triggers.txt`` are matched in each body
sentence (``event_triggers``).  (2) Each trigger that states an event becomes a *hit* with
its parties, date and status (``event_hits``).  (3) Here, hits are merged into events: hits
of one kind in one sentence, a union's strike named twice, two meetings on one day, "that
conference" and the meeting before it are one event.  A hit with no party the text names is
not kept: an event nobody takes part in says nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Event, Evidence, Span
from .cues import SIDES, Parties
from .event_hits import Hit, HitFinder
from .event_triggers import FAMILY, Rule, family, rules
from .quote_marks import segments
from .scan import Lazy

__all__ = ["FAMILY", "Draft", "Hit", "Rule", "find_events", "rules"]

_ORG_PARTY = ("Guild", "Union", "Company", "TradeAssociation", "GovernmentBody", "Organization")
_NEW_OFFER = Lazy(r"\b(?:new|latest|earlier|revised|second|another|final|last|first|initial|updated|previous|prior|original|counter\w*)\b", re.I)
_COPY_PARTIES = Lazy(r"\b(?:second|third|another|follow-up|follow-on|next)\b", re.I)
_COUNTED = Lazy(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s*$", re.I)
# a session that is itself bargaining: its parties are the two sides of the talks
_BARGAINING = Lazy(r"\b(?:bargaining|negotiating|mediation|mediated|fact-finding|arbitration)\b", re.I)
# "at the news conference", "in the memo": a statement named before, now quoted again
_DOC_NOUNS = r"(statement|memo|letter|message|post|video|conference|briefing|release|email|note|filing)"
_DEFINITE_DOC = Lazy(r"\b(?:the|that|this)\s+(?:[\w-]+\s+)?" + _DOC_NOUNS + r"\b", re.I)
_DOC_NOUN = Lazy(r"\b" + _DOC_NOUNS + r"\b", re.I)
_RESUME = Lazy(r"\b(?:resum|restart|reopen|return|again|came\s+back|come\s+back)", re.I)


@dataclass
class Draft:
    """An event being assembled from the hits that mention it."""

    first: Hit
    hits: list[Hit]
    parties: list[str]
    date: str | None
    date_text: str | None
    status: str

    @property
    def kind(self) -> str:
        return self.first.kind


def find_events(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.events``."""
    if not doc.sentences:
        return doc
    ctx = HitFinder(doc, Parties(doc), [Span(s.open, s.stop) for s in segments(doc)])
    hits = [h for sent in doc.sentences for h in ctx.hits(sent)]
    _date_posts(ctx, hits)
    drafts = _merge(ctx, hits)
    events = [_event(doc, d) for d in drafts if d.parties]
    return doc.with_(events=tuple(events))


def _date_posts(ctx: HitFinder, hits: list[Hit]) -> None:
    """Date a statement by what its quoted words call "today".

    'X shared on X, “After face-to-face meeting [on Wednesday] ... Met today ...”': the post
    says the meeting was today and dates that meeting Wednesday, so the post is Wednesday's.
    """
    for st in hits:
        if st.kind != "Statement" or st.date or st.quoted is not None:
            continue
        quote = next((q for q in ctx.quotes if st.span.end <= q.start < st.sent.span.end), None)
        if quote is None:
            continue
        inside = [h for h in hits if quote.start <= h.span.start < quote.end]
        today = {family(h.kind) for h in inside if (h.date_text or "").lower() in ("today", "tonight", "this morning")}
        dated = [h for h in inside if family(h.kind) in today and h.date and len(h.date) == 10]
        if len({h.date for h in dated}) == 1:
            st.date, st.date_text = dated[0].date, dated[0].date_text


# -- merging hits into events ---------------------------------------------------------------

def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _merge(ctx: HitFinder, hits: list[Hit]) -> list[Draft]:
    """Fold the hits, in text order, into the events they mention."""
    drafts: list[Draft] = []
    for hit in hits:
        _resolve_two_sides(ctx, hit, drafts)
        if hit.kind == "Statement" and (same_doc := _same_document(ctx, drafts, hit)) is not None:
            _absorb(same_doc, hit)             # "X announced it at a news conference ... Y said at the news conference"
            continue
        if not hit.parties and hit.mode in ("new", "sep"):
            hit.parties = _borrowed(ctx, hit, hits, drafts)
        if hit.kind == "Deal" and len(hit.parties) == 1:
            hit.parties = _other_side(ctx, hit, hits)
        if hit.rule.name == "talks-of" and len(hit.parties) == 1:
            # "two years of bargaining with owner Acme": the talks of Acme and the story's union
            hit.parties += [k for k in ctx.parties.main_sides() if k not in hit.parties][:1]
        same_fam = [d for d in drafts if family(d.kind) == family(hit.kind)]
        if hit.mode == "join":
            meetings = [d for d in same_fam if d.kind == "Meeting"]
            target = _latest(meetings, hit, reach=3) or _latest(same_fam, hit, reach=3)
            if target is None and not hit.date:
                continue                       # "Attending were ..." with no meeting to attend
        elif hit.mode == "ref":
            target = _referent(same_fam, hit)
            if target is None and not hit.parties and hit.date and hit.kind in ("Strike", "Vote", "Deal"):
                hit.parties = _borrowed(ctx, hit, hits, drafts)   # "The strike ... began on Oct. 30"
        elif hit.mode == "sep":
            target = None                      # "a separate meeting", "a second session"
        else:
            target = _same_event(ctx, same_fam, hit)
        if target is not None:
            _absorb(target, hit)
        elif hit.parties:
            drafts.append(_new(hit))           # a hit that names nobody is not a fact on its own
    for d in drafts:
        d.parties = [k for k in d.parties if k in ctx.parties.types]
    return drafts


def _same_document(ctx: HitFinder, drafts: list[Draft], hit: Hit) -> Draft | None:
    """The statement "the memo", "the news conference" names: the last one of that kind, close by."""
    m = _DEFINITE_DOC.search(ctx.text, hit.span.start, hit.span.end)
    if hit.mode != "new" or m is None:
        return None
    noun = m.group(1).lower()
    for d in reversed(drafts):
        if d.kind != "Statement" or hit.sent.paragraph - d.hits[-1].sent.paragraph > 3:
            continue
        if any((m2 := _DOC_NOUN.search(ctx.text, h.span.start, h.span.end)) and m2.group(1).lower() == noun
               for h in d.hits):
            return d
    return None


def _referent(drafts: list[Draft], hit: Hit) -> Draft | None:
    """The event "the strike", "that conference", "Wednesday’s gathering" refers back to."""
    for d in reversed(drafts):
        if not _compatible(d.date, hit.date):
            continue
        shared = bool(hit.parties and set(hit.parties) & set(d.parties))
        if hit.kind == "Strike" and hit.parties and d.parties and not shared:
            continue                           # another union's strike
        near = hit.sent.paragraph - d.hits[-1].sent.paragraph <= 2 or shared
        if hit.kind == d.kind == "Vote" and hit.status == d.status == "planned" and d.date is None:
            return d                           # "will be balloted ..." then "The ballot is due to open on 28 March"
        if hit.date and d.date is None and not near:
            continue                           # a dated reference names an event close by, or one of that date
        if family(hit.kind) == "Talks" and not near and not (hit.date and d.date):
            continue                           # "the meeting" does not reach back across the article
        return d
    return None


def _same_event(ctx: HitFinder, drafts: list[Draft], hit: Hit) -> Draft | None:
    """The event a new hit restates, if any: same sentence, same strike, same offer, same day."""
    shared = lambda d: bool(set(hit.parties) & set(d.parties))  # noqa: E731
    for d in reversed(drafts):
        if not _compatible(d.date, hit.date):
            continue
        if d.status != hit.status or (d.date_text and hit.date_text and d.date_text != hit.date_text
                                      and d.date is None and hit.date is None):
            continue                           # "met last week and will meet again on May 6": two
        if any(h.sent is hit.sent for h in d.hits) and \
                not (d.kind == "Strike" and hit.parties and d.parties and not shared(d)):
            return d                           # one sentence, one event of a kind
        if hit.kind in ("Strike", "Deal") and shared(d):
            return d                           # the union's strike, named again
        if hit.kind == d.kind == "Negotiation" and len(hit.parties) == 1 and shared(d) and not hit.date \
                and (not d.date or (d.date_text or "").lower().startswith("since")):
            return d                           # "after negotiations collapsed": the talks of that side, named again
        if hit.kind == "Vote" and shared(d) and (d.date == hit.date or (d.date is None and hit.mode == "new"
                                                                        and hit.sent.paragraph - d.hits[-1].sent.paragraph <= 2
                                                                        and hit.rule.name == "vote-ref")):
            return d                           # "... ratified the contract. It was approved ... in a ballot on Sept. 17"
        if hit.kind == "Proposal" and hit.rule.parties[0] == "possessor" and shared(d) \
                and not _NEW_OFFER.search(ctx.text[max(hit.sent.span.start, hit.span.start - 30):hit.span.end]):
            return d                           # "Acme's offer" after "Acme presented an offer"
        if hit.date and d.date == hit.date and len(hit.date) == 10 and (not hit.parties or not d.parties or shared(d)):
            return d                           # two meetings on one day
        if _elaborates(hit, d):
            return d                           # "X and Y resumed talks on Wednesday. X met with Y for nine hours"
    return None


def _elaborates(hit: Hit, d: Draft) -> bool:
    """An undated session right after dated talks of the same sides tells more about those talks."""
    return (hit.date is None and hit.date_text is None and hit.mode == "new" and d.date is not None
            and family(hit.kind) == family(d.kind) == "Talks" and d.status == hit.status
            and len(hit.parties) >= 2 and set(hit.parties) <= set(d.parties)
            and 0 <= hit.sent.paragraph - d.hits[-1].sent.paragraph <= 1)


def _resolve_two_sides(ctx: HitFinder, hit: Hit, drafts: list[Draft]) -> None:
    """"the two sides", "both sides", "they": the parties of the talks last mentioned."""
    if SIDES not in hit.parties:
        return
    sides: list[str] = []
    for d in reversed(drafts):
        orgs = [k for k in d.parties if ctx.parties.type(k) in _ORG_PARTY]
        if family(d.kind) in ("Talks", "Deal") and len(orgs) >= 2:
            sides = orgs
            break
    if not sides:
        sides = ctx.parties.main_sides()
    out: list[str] = []
    for k in hit.parties:
        for x in (sides if k == SIDES else [k]):
            if x not in out:
                out.append(x)
    hit.parties = out


def _borrowed(ctx: HitFinder, hit: Hit, hits: list[Hit], drafts: list[Draft]) -> list[str]:
    """Parties for a hit that names none: from the sentence, the talks resumed, or the union."""
    fam = family(hit.kind)
    if fam in ("Talks", "Deal"):
        for h in hits:
            if h is not hit and h.sent is hit.sent and family(h.kind) in ("Talks", "Deal"):
                orgs = [k for k in h.parties if ctx.parties.type(k) in _ORG_PARTY]
                if len(orgs) >= 2:
                    return orgs
    trig = ctx.text[hit.span.start:hit.span.end]
    lead = ctx.text[max(hit.sent.span.start, hit.span.start - 6):hit.span.start]
    finite = hit.quoted is None and not re.search(r"\bto\s*[“\"]?\s*$", lead)
    if fam == "Talks" and finite and (_RESUME.search(trig) or (hit.mode == "sep" and _COPY_PARTIES.search(trig))):
        for d in reversed(drafts):
            if family(d.kind) == "Talks" and d.parties:
                return [k for k in d.parties if ctx.parties.type(k) in _ORG_PARTY] or list(d.parties)
        if _RESUME.search(trig) and not drafts:
            return ctx.parties.main_sides()    # "Dockworkers and port employers resumed talks": the article's sides
    if hit.rule.name == "talks-of" and finite and not _talks_stated(drafts) and _COUNTED.search(
            ctx.text[max(hit.sent.span.start, hit.span.start - 12):hit.span.start]):
        # a counted stretch ("after two years of negotiations") states talks of the two sides;
        # "after months of bargaining" is background
        return ctx.parties.main_sides()                # "After two years of negotiations, X went on strike"
    if hit.rule.name == "talks-between-verb" and re.match(r"(?:contract\s+|pay\s+|wage\s+)?(?:talks|negotiations|bargaining)\b", trig, re.I) \
            and not re.search(r"\b(?:the|their|its|those|these|his|her)\s+(?:\w+\s+)?$",
                              ctx.text[max(hit.sent.span.start, hit.span.start - 20):hit.span.start], re.I):
        return ctx.parties.main_sides()                # "Talks had broken down in January": the article's two sides
    if hit.kind == "Meeting" and _BARGAINING.search(ctx.text, max(hit.sent.span.start, hit.span.start - 20), hit.span.end):
        # "a marathon bargaining session Sunday", "a mediation session on Dec. 17": the talks' sides
        for d in reversed(drafts):
            orgs = [k for k in d.parties if ctx.parties.type(k) in _ORG_PARTY]
            if family(d.kind) in ("Talks", "Deal") and len(orgs) >= 2 and hit.sent.paragraph - d.hits[-1].sent.paragraph <= 2:
                return orgs
        return ctx.parties.main_sides()
    if fam == "Deal" and finite and hit.mode == "new":
        # "... after their union and the hotels' owner reached a tentative agreement": a deal
        # whose sides are only described is between the sides of the talks, or the article's
        for d in reversed(drafts):
            orgs = [k for k in d.parties if ctx.parties.type(k) in _ORG_PARTY]
            if family(d.kind) in ("Talks", "Deal") and len(orgs) >= 2:
                return orgs
        return ctx.parties.main_sides()
    if hit.kind in ("Strike", "Vote"):
        lead = ctx.text[max(hit.sent.span.start, hit.span.start - 30):hit.span.start]
        if re.search(r"\b(?:he|she|I|you)\s+(?:\w+\s+)?$", lead):
            return []                          # one person's vote is not the members' vote
        idx = ctx.parties.idx
        try:
            k = idx.resolve_description(("Union", "Guild"), hit.span.start) or idx.resolve_description(("Union", "Guild"))
        except (AttributeError, TypeError):
            k = None
        return [k] if k else []
    return []


def _other_side(ctx: HitFinder, hit: Hit, hits: list[Hit]) -> list[str]:
    """A deal that names one side takes the other from talks of that side in its sentence.

    "The pilots' agreement, reached after 16 months of bargaining between Skyward and the
    pilots' union": the deal ends those talks, so it is between the same two sides.
    """
    for h in hits:
        if h is hit or h.sent is not hit.sent or family(h.kind) != "Talks":
            continue
        orgs = [k for k in h.parties if ctx.parties.type(k) in _ORG_PARTY]
        if len(orgs) >= 2 and hit.parties[0] in orgs:
            return hit.parties + [k for k in orgs if k != hit.parties[0]]
    return hit.parties


def _talks_stated(drafts: list[Draft]) -> bool:
    """Whether talks were already stated (then "months of talks" are those, not new ones)."""
    return any(family(d.kind) == "Talks" for d in drafts)


def _latest(drafts: list[Draft], hit: Hit, *, reach: int) -> Draft | None:
    """The event a "joined the meeting" hit adds people to: the one of its date, or the last one."""
    if hit.date:
        for d in reversed(drafts):
            if d.date == hit.date:
                return d
        return None
    for d in reversed(drafts):
        if hit.sent.paragraph - d.hits[-1].sent.paragraph <= reach:
            return d
        break
    return None


def _new(hit: Hit) -> Draft:
    return Draft(first=hit, hits=[hit], parties=list(hit.parties), date=hit.date,
                 date_text=hit.date_text, status=hit.status)


def _absorb(d: Draft, hit: Hit) -> None:
    d.hits.append(hit)
    for k in hit.parties:
        if k not in d.parties:
            d.parties.append(k)
    if hit.date and (d.date is None or (len(hit.date) > len(d.date) and hit.date.startswith(d.date))):
        d.date, d.date_text = hit.date, hit.date_text
    elif d.date is None and d.date_text is None and hit.date_text and hit.mode != "ref":
        d.date_text = hit.date_text            # "the strike last year" says nothing about this one's date
    if hit.status == "planned" and hit.mode == "new":
        d.status = "planned"


def _event(doc: Document, d: Draft) -> Event:
    first = next((h for h in d.hits if h.mode != "ref"), d.first)
    conf = {"new": 0.8, "sep": 0.75, "join": 0.7, "ref": 0.65}.get(first.mode, 0.7)
    ev = Evidence(sentence=first.sent.span, span=first.span, rule=f"event.{first.rule.name}", confidence=conf)
    kind = first.kind
    return Event(kind=kind, trigger=first.span.of(doc.text), participants=tuple(d.parties), evidence=ev,  # type: ignore[arg-type]
                 date=d.date, date_text=d.date_text, status=d.status)  # type: ignore[arg-type]
