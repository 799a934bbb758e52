"""Event hits: each trigger in a sentence that states an event, with its parties, date and status.

    HitFinder(doc, parties, quotes).hits(sentence) -> list[Hit]

Triggers come from ``lexicons/event_triggers.txt`` (see ``event_triggers``).  A trigger whose
clause hedges it ("hope to finalize a deal", "a strike could follow", "averted a strike", "has
not reached a deal") is dropped.  Each surviving *hit* gets its parties (the doers before it,
"between X and Y", "the UWW strike", ...), its date (the date words right after it,
"Wednesday’s meeting", or a fronted "On Feb. 16,") and its status (planned when the clause
says "will", "is set for", ... or the date is ahead).  ``events`` merges the hits into events.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..document import Document, Sentence, Span
from .cues import SIDES, TWO_SIDES, Parties
from .dates import DateExpr, find_dates, resolve_date
from .event_triggers import Rule, TriggerFilter, family
from .scan import Lazy
from .word_lists import speech_verbs, word_list

_STRIKERS = ("Guild", "Union", "Person", "Organization")
_EXCLUDED_PREPS = ("since", "until", "till", "through", "by", "before", "after", "from", "as of")
_GAP_BAD = re.compile(r"[;“”\"]|\b(?:since|until|after|before|because|although|though|while|whose|who|when|where|but|if|unless)\b", re.I)
_GAP_THAT = re.compile(r"\b(?:that|which)\b(?!\s+(?:began|started|concluded|ended|closed|lasted|was\s+held|were\s+held|took\s+place|is\s+set|was\s+set))", re.I)
_GAP_COMMA_OK = Lazy(r"^\s*[,\[(]?\s*(?:(?:made|reached|released|issued|presented|held|delivered|posted|dated|signed|sent|announced"
                     r"|submitted|tabled|unveiled|offered|proposed|filed|approved|ratified"
                     r"|most\s+recently|last|again)\s+)?$", re.I)
# between a noun trigger and its own date: "that began", ", made", "is set for", "delivered"
_NOUN_DATE_GAP = Lazy(
    r"\s*(?:(?:between|with|among)\s+[^,.;“”\"]{1,60}?\s+)?,?\s*(?:(?:that|which)\s+)?(?:began|started|was\s+held|were\s+held|took\s+place|officially\s+(?:began|started)"
    r"|(?:is|are|was|were)\s+(?:due|set|scheduled|planned)(?:\s+(?:for|to\s+(?:open|begin|start|close|take\s+place|be\s+held)))?"
    r"|will\s+(?:take\s+place|be\s+held|open|begin|start)"
    r"|opens|begins|starts|closed|concluded|made|reached|released|issued|presented|delivered|posted|dated|signed|sent"
    r"|announced|unveiled|submitted|tabled)\s+(?:at\s+[\d:.apm ]+\s+)?", re.I)
# a clock time between a trigger and its day: "at 12:01 a.m. on Thursday", "shortly after 4 a.m. Sunday"
_CLOCK = Lazy(r"\b(?:shortly\s+|just\s+)?(?:at|after|before|around|about|by)\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*", re.I)
_PRESENT_FUTURE = Lazy(r"\b(?:meets|votes|convenes|resumes|reconvenes)\b", re.I)
# "<noun> that <verb> ...": a relative clause (group 1 is the word before "that")
_RELATIVE_THAT = Lazy(r"\b([A-Za-z][\w-]*)\s+that\s+(?=[a-z])")
_DURATION = Lazy(r"\bfor\s+(?:about\s+|nearly\s+|more\s+than\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
                 r"\s+(?:hours?|days?|weeks?)\s*|\b(?:more\s+than\s+|nearly\s+|about\s+)?\d+\s+times\b", re.I)
_SUBORDINATORS = frozenset({"since", "after", "before", "because", "when", "once", "until", "while", "although", "though"})
# a condition after a planned event's verb, in the same clause
_CONDITION = Lazy(r"[^;:“”\"]{0,80}?\b(?:if|unless)\b", re.I)
_SCHEDULED = Lazy(r"\b(?:(?:is|are)\s+(?:due|set|scheduled|planned|expected)|will)\b", re.I)
# words that show a noun is not the subject of its clause (a verb or preposition before it)
_NOT_SUBJECT = Lazy(r"\b(?:\w+ed|made|gave|took|sent|won|lost|is|are|was|were|has|have|had|of|to|for|on|in|at|"
                          r"against|over|about|from|with|by|than|before|after|since|during|into)\b", re.I)
_FUNCTION = Lazy(r"\b(?:that|it|they|will|would|to|and|or|of|in|on|at|for|with|by|is|are|was|were|has|have|had|the|a|an)\b", re.I)
_SEPARATE = re.compile(r"\b(?:separate|second|third|another|new|follow-up|follow-on|next)\b", re.I)


@dataclass
class Hit:
    """One trigger in one sentence, with what the sentence says about it."""

    rule: Rule
    span: Span
    sent: Sentence
    quoted: Span | None                      # the quote it sits in, if any
    parties: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    status: str = "occurred"
    mode: str = "new"

    @property
    def kind(self) -> str:
        return self.rule.kind


class HitFinder:
    """Everything the hit builder needs about the document, computed once."""

    def __init__(self, doc: Document, parties: Parties, quotes: list[Span]) -> None:
        self.doc, self.parties, self.quotes = doc, parties, quotes
        self.text = doc.text
        self.parties.quoted = quotes
        self.published = doc.article.published
        self.excerpts = _excerpt_paragraphs(doc)
        self.hedges = word_list("event_hedges")
        self.planned = word_list("event_planned")
        self.triggers = TriggerFilter(doc.text)

    # -- triggers
    def hits(self, sent: Sentence) -> list[Hit]:
        """The triggers of one sentence that state an event, with parties, date and status."""
        text = self.text
        found: list[tuple[int, int, int, Rule]] = []     # (rule order, start, end, rule)
        for order, rule in self.triggers.rules(sent.span.start, sent.span.end):
            for m in rule.pattern.finditer(text, sent.span.start, sent.span.end):
                if m.end() > m.start():
                    found.append((order, m.start(), m.end(), rule))
        found.sort(key=lambda f: (f[0], f[1]))
        kept: list[tuple[int, int, Rule]] = []
        for _order, start, end, rule in found:
            fam = family(rule.kind)
            if any(s < end and start < e and family(r.kind) == fam for s, e, r in kept):
                continue                           # an earlier (more specific) rule has these words
            kept.append((start, end, rule))
        kept.sort(key=lambda k: k[0])
        dates = find_dates(text[sent.span.start:sent.span.end], sent.span.start)
        out = []
        for start, end, rule in kept:
            span = Span(start, end)
            if self.parties.inside_name(start, end):
                continue                           # "Amalgamated Package Handlers ...": a name, not a trigger
            quoted = next((q for q in self.quotes if q.start <= start < q.end), None)
            if self._hedged(sent, span, rule, quoted):
                continue
            hit = Hit(rule, span, sent, quoted, mode=rule.mode)
            if rule.mode == "sep" or (rule.nominal and _SEPARATE.search(text[max(sent.span.start, start - 12):end])):
                hit.mode = "sep" if rule.mode in ("ref", "sep") else rule.mode
            elif rule.mode == "ref" and (re.search(r"\b(?:a|an)\s+(?:[\w.-]+\s+){0,2}$", text[max(sent.span.start, start - 30):start], re.I)
                                         or re.match(r"in\s+an?\b", text[start:end], re.I)):
                hit.mode = "new"                   # "a last-ditch meeting": a new one, not the one before
            hit.status = self._status(sent, span, quoted, rule)
            if hit.status == "planned" and not rule.nominal and _CONDITION.match(text, end, sent.span.end):
                continue                           # "will strike on Sept. 15 if no deal is reached": a threat
            hit.parties = self._parties(hit)
            if rule.mode == "new" and rule.parties == ("possessor",) and not hit.parties and rule.kind != "Vote":
                hit.mode = "ref"                   # "the strike", "the proposal": one named before
            out.append(hit)
        for hit in out:
            self._date(hit, dates, out)
        return out

    def _clause(self, sent: Sentence, span: Span, quoted: Span | None) -> str:
        """The words of the trigger's clause before it (at most eight)."""
        start = max(sent.span.start, quoted.start if quoted else 0)
        before = self.text[start:span.start]
        if quoted is not None and not before.strip():
            # “come back to the table,” urged ...: the quote is governed by the words before it
            before = self.text[sent.span.start:max(sent.span.start, quoted.start - 1)] + " "
        rel = _RELATIVE_THAT.search(before)
        if rel and not re.search(r"[,;:“”\"(]", before[rel.end():]) and not speech_verbs().search(rel.group(1)) \
                and not self.hedges.search(rel.group(1)):
            # "The company that answers calls for Telvara reached a deal": the relative clause
            # modifies the subject; its words do not hedge the main verb
            before = before[:rel.start(1) + len(rel.group(1))]
        cut = None
        for m in re.finditer(r"[,;:“”\"(]|\b(?:that|but|and|while|although|though|because|after|before|since|when|once|until)\b", before):
            if m.end() < len(before.rstrip(" “\"")) or m.group(0).lower() in _SUBORDINATORS:
                cut = m.end()                    # "It will be the first session since talks broke off"
        if cut is not None:
            before = before[cut:]
        return " ".join(before.split()[-8:])

    def _hedged(self, sent: Sentence, span: Span, rule: Rule, quoted: Span | None) -> bool:
        text = self.text
        trig = text[span.start:span.end]
        after = " ".join(text[span.end:sent.span.end].split()[:5])
        if rule.nominal and re.search(r"\b(?:will|to|would|could|may|might|not|can|shall)\s+$", text[max(0, span.start - 8):span.start], re.I):
            return True                   # "it will strike on Sept. 15": a verb, and a future one
        if rule.nominal:
            near = " ".join(text[max(sent.span.start, span.start - 40):span.start].split()[-3:])
            if re.search(r"[’']s?\s+(?:[\w-]+\s+){0,2}$", near + " ") or \
                    any(m.span.end >= span.start - 2 for m in self.parties.mentions(span.start - 40, span.start)):
                return False              # "the council's most recent offer": it exists, whatever it would do
            wide = text[max(sent.span.start, span.start - 40):span.start]
            if re.search(r"\b(?:avert\w*|avoid\w*|prevent\w*|threat\w*|without|no|any|never|brink|verge)\b", near, re.I) \
                    or re.search(r"\bwithin\s+(?:\w+\s+)?(?:days|hours|weeks)\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$", wide, re.I):
                return True               # "averting a strike", "before any strike"
            if re.search(r"\b(?:a|an|another|possible|potential)\b", near, re.I):
                # an indefinite event is hypothetical if its clause or its verb is
                return bool(re.search(r"\b(?:could|would|might|may|likely|threat|threatens|looms|loomed)\b", after)
                            or self._hedge_words(near))
            return bool(re.search(r"^(?:could|would|might|may|likely)\b", after))
        clause = self._clause(sent, span, quoted)
        if "speaker" in rule.parties:
            # "urged both sides in a post on X": what a statement says does not hedge that it was made
            return bool(re.search(r"\b(?:not|never|no)\s+(?:\w+\s+)?(?:issue|release|make|publish)", clause, re.I))
        if re.search(r"\b(?:set|scheduled|planned|due)\s+(?:for|to)\b", text[span.start:span.end + 4], re.I):
            # "a vote set for Aug. 9": scheduled in so many words; only a negation undoes that
            return bool(re.search(r"\b(?:no|not|never|without)\b", clause, re.I))
        # the trigger's own "voting no" / "refuse to work" state the event, they do not hedge it
        words = self._hedge_words(clause + " " + re.sub(r"\bvoting\s+no\b|\brefus\w*\s+to\b", "", trig, flags=re.I))
        if rule.kind == "Meeting":
            # "the board will consider it at a special meeting Tuesday": what a meeting will weigh
            # does not hedge that it meets
            words = [w for w in words if not re.match(r"(?:consider|discuss|review|weigh)", w, re.I)]
        if words and rule.kind != "Strike" and all(re.match(r"(?:avert|avoid)", w, re.I) for w in words):
            words = []                    # "averted a strike by reaching a deal": the strike is averted, not the deal
        if words:
            return True
        if re.search(r"\bwould\b(?!\s+have)", clause + " " + trig, re.I):
            # reported future ("said they would resume talks") is planned; otherwise hypothetical
            head = text[sent.span.start:span.start]
            return not speech_verbs().search(head)
        return bool(re.search(r"\bwould\s+have\b", clause, re.I))

    def _hedge_words(self, words: str) -> list[str]:
        return [m.group(0) for m in self.hedges.finditer(words) if m.group(0) != "May"]

    def _status(self, sent: Sentence, span: Span, quoted: Span | None, rule: Rule | None = None) -> str:
        trig = self.text[span.start:span.end]
        if rule is not None and rule.kind == "Deal":
            # "agreed to a new contract" is a deal made; "agreed to meet" is a plan
            trig = re.sub(r"^agreed\s+(?:to|on)\b", "", trig, flags=re.I)
        clause = self._clause(sent, span, quoted) + " " + trig
        after = " ".join(self.text[span.end:sent.span.end].split()[:4])
        if self.planned.search(clause) or re.match(r"^(?:(?:is|are|was|were)\s+(?:set|scheduled|planned|due)|will|is\s+to|are\s+to)\b", after, re.I) \
                or re.search(r"\bwould\b(?!\s+have)", clause):
            return "planned"
        return "occurred"

    # -- parties
    def _parties(self, hit: Hit) -> list[str]:
        keys: list[str] = []
        for how in hit.rule.parties:
            for k in self._strategy(hit, how):
                if k not in keys:
                    keys.append(k)
        if hit.kind == "Strike":
            keys = [k for k in keys if self.parties.type(k) in _STRIKERS]
        elif hit.kind == "Vote" and not re.search(r"\b(?:board|council|committee)\s+(?:\w+ly\s+)?(?:approved|ratified|endorsed|rejected)",
                                                  self.text[max(hit.sent.span.start, hit.span.start - 30):hit.span.end], re.I):
            # "Workers at Acme voted to ...": the workers vote, not their employer (a board's vote
            # is the board's body's, whatever it is)
            keys = [k for k in keys if self.parties.type(k) not in ("Company", "TradeAssociation")]
        return keys

    def _strategy(self, hit: Hit, how: str) -> list[str]:
        p, text, span = self.parties, self.text, hit.span
        floor = max(hit.sent.span.start, hit.quoted.start if hit.quoted else 0)
        if how == "subject":
            start = self._clause_start(floor, span.start)
            verb = None
            for m in speech_verbs().finditer(text, start, span.start):
                verb = m
            if verb is not None and text[verb.end():span.start].strip():
                # "Lee said the company had made an offer": the offer is the company's
                lead = re.match(r"\s*(?:that\s+)?", text[verb.end():span.start])
                start = verb.end() + (lead.end() if lead else 0)
            keys = p.subject(start, span.start, many=True)
            return keys or self._pronoun_subject(hit, start)
        if how == "speaker":
            return self._speaker(hit, floor)
        if how in ("between", "with", "for", "by", "of", "from"):
            # the word may follow a date or a duration: "met for nine hours on Sunday with X"
            reach = _first_of(text, ",;.:“”\"", span.end, hit.sent.span.end)
            end = min(reach, span.end + (4 if hit.rule.nominal else 60))
            word = re.compile(rf"\b{how}\s+", re.I).search(text, span.start, hit.sent.span.end)
            if not word or word.start() > end:
                return []
            if how == "from" and not re.search(r"\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}$",
                                               text[max(hit.sent.span.start, span.start - 30):span.start], re.I):
                return []                        # "the offer from X" refers to one stated elsewhere
            if how in ("of", "from"):
                # "a meeting of the Wage Board": only a body named right there, not "of their talks"
                first = p.mentions(word.end(), hit.sent.span.end)
                return [first[0].entity] if first and first[0].span.start <= word.end() + 12 \
                    and not p.is_person(first[0].entity) else []
            return p.listed(word.end(), hit.sent.span.end)
        if how == "object":
            return p.listed(span.end, hit.sent.span.end)
        if how == "possessor":
            return p.possessor(floor, span.start)
        if how == "after":
            ms = p.mentions(span.end, hit.sent.span.end)
            persons = [m.entity for m in ms if p.is_person(m.entity)]
            return list(dict.fromkeys(persons or [m.entity for m in ms]))
        return []

    def _clause_start(self, floor: int, at: int) -> int:
        """Where the clause holding ``at`` starts: after "since", "because", ", and" and the like."""
        seg = self.text[floor:at]
        cut = floor
        semi = "" if re.search(r";\s+and\b", seg) else "|;"     # "A, CEO; B, CEO; and C" is a list
        dash = "|\\s--|\\s[—–]" if len(re.findall(r"\s(?:--|[—–])", seg)) % 2 else ""   # "– A, B and C –" is an aside
        # "The union, which has been in talks since March, said": the aside holds no clause start
        asides = [r.span() for r in re.finditer(r",\s+(?:which|who)\b[^,;“”\"]*,", seg)]
        for m in re.finditer(r"(?:,\s+and" + semi + dash + r"|\bsince|\bbecause|\bafter|\bbefore|\bwhile|\balthough|\bthough|\bwhen|\bas|\bbut)\s+(?=\S)", seg):
            if any(a < m.start() < b for a, b in asides):
                continue
            if re.match(r"\s*(?:\w+\s+){0,2}?(?:of|in|between|with)\b", seg[m.end():]) and "since" in m.group(0):
                continue
            cut = floor + m.end()
        return cut

    def _pronoun_subject(self, hit: Hit, start: int) -> list[str]:
        """"They will meet again": the parties of the talks just mentioned; "it had offered": the speaker."""
        lead = self.text[start:hit.span.start]
        if re.search(r"(?:^|\bthat\s+|,\s*|\band\s+|^\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)\s+)(?:it|its)\s+(?:(?:had|has|have|had\s+been|would|will|also|then|first|already|previously)\s+)*$", lead, re.I):
            verb = None
            for m in speech_verbs().finditer(self.text, hit.sent.span.start, start):
                verb = m
            if verb is not None:
                return self.parties.subject(hit.sent.span.start, verb.start(), many=True)
        # "On Wednesday, negotiators for both sides met": past a fronted adverbial
        if TWO_SIDES.match(lead) or TWO_SIDES.match(re.sub(r"^\s*(?:(?:on|in|at|by|after|late|early)\s+)?[^,;]{0,30},\s*", "", lead)):
            return [SIDES]
        return []

    def _speaker(self, hit: Hit, floor: int) -> list[str]:
        """Who issued the statement: "X said in a statement" / "In a memo ..., X noted"."""
        text, p = self.text, self.parties
        if not text[floor:hit.span.start].strip():
            comma = text.find(",", hit.span.end, hit.sent.span.end)
            if comma < 0:
                return []
            verb = speech_verbs().search(text, comma, hit.sent.span.end)
            end = verb.start() if verb else min(hit.sent.span.end, comma + 60)
            keys = p.subject(comma + 1, end, many=True)
            if not keys and re.match(r"\s*(?:he|she)\b", text[comma + 1:end], re.I):
                k = p.antecedent(comma + 1)
                keys = [k] if k else []
            return keys or self._pronoun_subject(hit, comma + 1)
        rel = re.match(r"\s+(?:that\s+|which\s+)?((?:the\s+|its\s+)?[\w’'&.-]+(?:\s+[\w’'&.-]+){0,3}?)\s+(?:had\s+)?(?:released|issued|posted|sent|published|put\s+out|shared|distributed)\b",
                       text[hit.span.end:hit.sent.span.end])
        if rel:
            # "a video the union posted to Instagram", "a summary the council released"
            a = hit.span.end + rel.start(1)
            found = [m.entity for m in p.mentions(a, hit.span.end + rel.end(1))] or \
                [k for k in [p.np(rel.group(1), a)] if k]
            if found:
                return found + [k for k in self._speaker_before(hit, floor) if k not in found]
        return self._speaker_before(hit, floor)

    def _speaker_before(self, hit: Hit, floor: int) -> list[str]:
        text, p = self.text, self.parties
        start = self._clause_start(floor, hit.span.start)
        verb = None
        for m in speech_verbs().finditer(text, start, hit.span.start):
            verb = m
        end = verb.start() if verb else hit.span.start
        if not verb and re.match(r"\s*according\b", text[hit.span.start:hit.span.end], re.I):
            return []
        keys = p.subject(start, end, many=True)
        if not keys and re.match(r"\s*(?:he|she)\b", text[start:end], re.I):
            k = p.antecedent(start)
            keys = [k] if k else []
        return keys or self._pronoun_subject(hit, start)

    # -- dates
    def _date(self, hit: Hit, dates: list[DateExpr], hits: list[Hit]) -> None:
        text, span = self.text, hit.span
        chosen: DateExpr | None = None
        for d in dates:
            if span.start <= d.span.start and d.span.end <= span.end:
                chosen = d                       # "joined Wednesday’s meeting"
            elif d.span.end <= span.start and span.start - d.span.end <= 16 and d.prep is None \
                    and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[d.span.end:span.start]) \
                    and not _FUNCTION.search(text[d.span.end:span.start]) and (d.possessive or hit.rule.nominal):
                chosen = d                       # "Wednesday’s gathering", "the July 24 proposal"
        if chosen is None:
            for d in dates:
                if d.span.start < span.end:
                    continue
                # "will meet again with a mediator from the Federal ... Service on Tuesday":
                # the party named after "with" may be long, the date is still the meeting's
                between = text[span.end:d.span.start]
                with_phrase = re.match(r"\s*(?:again\s+)?(?:with|at|in|outside|across)\s", between) \
                    or re.search(r"\bwith$", text[span.start:span.end])   # "walked off the job at three casinos ... early Monday"
                reach = 110 if with_phrase and not re.search(r"[,;“”\"]", between) else 60
                if d.span.start - span.end > reach:
                    continue
                if any(h is not hit and span.end <= h.span.start < d.span.start and not h.rule.nominal for h in hits):
                    break                        # a nearer trigger claims it
                gap = _CLOCK.sub(" ", text[span.end:d.span.start])     # "at 12:01 a.m. on Thursday"
                gap = _DURATION.sub(" ", gap)                          # "walked off the job for 24 hours yesterday"
                if gap[:1] in ("”", "\"", "’", "'"):
                    gap = gap[1:]
                if (hit.mode == "ref" or hit.rule.nominal) and not self._own_date(hit, sent_gap=gap):
                    break                        # "rejected Acme's offer on Thursday": the rejection's date
                if _GAP_BAD.search(gap) or _GAP_THAT.search(gap):
                    break
                if "," in gap and not _GAP_COMMA_OK.match(gap.replace("[", "")):
                    break
                chosen = d
                break
        if chosen is None and not hit.rule.nominal:
            for d in dates:
                if d.span.end <= span.start and not text[d.span.end:span.start].strip() and d.prep in (None, "on", "in") \
                        and d.span.start > hit.sent.span.start:
                    chosen = d                   # "Acme last month offered raises", "members on Sunday voted"
        if chosen is None and hit.kind == "Statement":
            for d in dates:
                if d.span.end <= span.start and not text[d.span.end:span.start].strip() and d.prep is None \
                        and (speech_verbs().search(text[max(hit.sent.span.start, d.span.start - 12):d.span.start])
                             or re.match(r"\s*(?:in|on|via|through)\b", text[d.span.end:span.end])):
                    chosen = d                   # "Acme said Tuesday in a statement", "weighed in Wednesday in a post"
        if chosen is None and hit.rule.nominal and re.search(r"\bin\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
                                                             text[max(hit.sent.span.start, span.start - 40):span.start], re.I):
            # "logged off across Britain on Friday in a 24-hour strike": the day of the clause is the strike's
            before = [d for d in dates if d.span.end <= span.start and span.start - d.span.end <= 50
                      and not re.search(r"[,;“”\"]", text[d.span.end:span.start])]
            chosen = before[-1] if before else None
        if chosen is None and hit.quoted is None:
            first = dates[0] if dates else None
            if first is not None and not text[hit.sent.span.start:first.span.start].strip() \
                    and text[first.span.end:first.span.end + 1] == "," and first.span.end <= span.start:
                chosen = first                   # "On Feb. 16, the producers presented ..."
        if chosen is None or (chosen.prep in _EXCLUDED_PREPS
                              and not (chosen.prep == "since" and hit.kind == "Negotiation" and hit.mode == "new")):
            return                               # ("have been negotiating since May": the talks began then)
        hit.date_text = chosen.core if chosen.possessive else chosen.text
        if chosen.span.start >= span.end and _SCHEDULED.search(text, span.end, chosen.span.start) \
                or _PRESENT_FUTURE.search(text, span.start, span.end) \
                or re.search(r"\b(?:set|scheduled|planned|due)$", text[span.start:span.end]):
            hit.status = "planned"               # "a hearing ... is scheduled for Oct. 2", "the board meets May 9"
        planned = hit.status == "planned"
        reference = self.published
        if chosen.kind in ("weekday", "relative") and self._shifted(hit, chosen):
            reference = None
        iso = resolve_date(chosen, reference, planned=planned)
        hit.date = iso
        if iso and self.published and len(iso) == 10 and dt.date.fromisoformat(iso) > self.published:
            hit.status = "planned"

    def _own_date(self, hit: Hit, sent_gap: str) -> bool:
        """May a noun trigger ("the strike", "Acme's offer") take the date that follows it?

        Yes when the date is set off ("That conference, on March 3"), comes with a participle
        ("a proposal delivered on July 5", "the strike that began in May"), or follows a noun
        that opens its clause ("The strike began on Oct. 30").  Not when the noun is the object
        of another verb or a preposition: "voted in favor of the strike on May 2".
        """
        text = self.text
        sent_gap = re.sub(r"^\s*at\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*", " ", sent_gap)   # "at 12:01 a.m. on ..."
        if re.fullmatch(r"\s*[\[(,]\s*", sent_gap):
            return True
        if re.match(r"\s*,?\s*(?:that|which)\s", sent_gap) and _NOUN_DATE_GAP.fullmatch(sent_gap):
            return True                          # "In balloting that closed Tuesday": the clause is the noun's
        if re.match(r"in\s+an?\b", text[hit.span.start:hit.span.end], re.I) and not sent_gap.strip():
            return True                          # "approved in a ballot on Sept. 17"
        if re.search(r"\b(?:began|started|begun|concluded|held|kicked\s+off)\s*$", text[hit.span.start:hit.span.end], re.I):
            return not sent_gap.strip()          # "the strike that began in May"
        if re.search(r"\b(?:before|after|since|during|until|of|to|for|on|in|against|over|about|from|with|by|than)"
                     r"\s+(?:the|a|an|its|their|this|that|any)?\s*$",
                     text[max(hit.sent.span.start, hit.span.start - 25):hit.span.start], re.I):
            return False                         # "the session before the strike was held on July 23"
        if sent_gap.strip():
            return bool(_NOUN_DATE_GAP.fullmatch(sent_gap))
        return not _NOT_SUBJECT.search(self._clause(hit.sent, hit.span, hit.quoted))

    def _shifted(self, hit: Hit, d: DateExpr) -> bool:
        """Relative dates that cannot be read against the published date.

        Inside a quote "today" is the speaker's day, not ours; an excerpt of earlier reporting
        ("The Daily Ledger updated:" then the excerpt) and a quote introduced by a report dated
        another month ("In August, X reported, “...”") have their own "Thursday".
        """
        if hit.sent.paragraph in self.excerpts:
            return True
        if hit.quoted is None:
            return False
        if d.kind == "relative":
            return True
        intro = self.text[hit.sent.span.start:hit.quoted.start]
        return any(x.kind in ("month", "month-day") for x in find_dates(intro))


def _excerpt_paragraphs(doc: Document) -> set[int]:
    """Paragraphs quoting earlier reporting without quote marks ("The Daily Ledger updated:" + excerpt)."""
    out = set()
    body = doc.article.body
    for i in range(1, len(body)):
        prev = body[i - 1].of(doc.text).strip()
        if prev.endswith(":") and len(prev) < 120 and speech_verbs().search(prev) and not any(q in prev for q in "“”\""):
            out.add(i)
    return out



def _first_of(text: str, chars: str, start: int, end: int) -> int:
    """The offset of the first of ``chars`` in ``text[start:end]``, else ``end``."""
    return min((i for i in (text.find(c, start, end) for c in chars) if i >= 0), default=end)
