"""Textual cues shared by the event and quote stages: their lexicons, and who a clause is about.

The word lists they share live in ``word_lists``; ``scan.Lazy`` compiles a regex the first
time a text needs it.
``Parties`` answers the one question both stages keep asking: which entities does this stretch
of text name as the doer ("the subject of *said*", "the parties *between* ... and ...")?  It
works on the mentions the entity stage found, falls back to resolving bare noun phrases
("union leadership", "the producers", "members") through the entity index, and returns
nothing rather than a guess.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..document import Document, Mention, Span
from .dates import find_dates
from .scan import Lazy
from .word_lists import entries, table, word_list


# -- clause pieces ---------------------------------------------------------------------

# Words after which a new clause (or a clause-like piece) starts: the subject of a verb is
# never further back than one of these.
_PIECE_BREAK = re.compile(r"[,;:(){}\[\]“”\"—–]|\s-\s|(?<![\w-])(?:that|what|which|who|whom|whose|where|when|while|because|after|before|since|until|if|unless|though|although)(?![\w-])", re.I)
# A fronted adverbial: "In a memo to members on Thursday, ...", "Almost one month after X, ..."
_FRONTED = re.compile(
    r"^\s*(?:In|On|At|After|Before|During|Following|Almost|Nearly|About|Around|Since|By|With|Without|As|Amid|"
    r"Despite|Under|Earlier|Later|Last|This|Next|When|While|Although|Though|Once|Over|Through|For|From|"
    r"Hours|Days|Weeks|Months|Minutes|Shortly|Meanwhile|However|Still|Yet|Now|Today|Yesterday)\b[^,]*,\s")
_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom|where)\b(?:[^,]|(?<=\d),(?=\d))*,", re.I)   # "4,000" is no comma
# a description whose modifier names others: "The union representing players in the League"
_DESCRIBED_HEAD = Lazy(r"\s*((?:the|a)\s+(?:[\w-]+\s+)?(?:union|guild|association|company|league|employer|firm|"
                       r"chain|carrier|district|authority|operator|owner|contractor))\s+(?:representing|that\s+represents|"
                       r"which\s+represents|that\s+runs|which\s+runs|that\s+owns|which\s+owns|that\s+operates|which\s+operates)\b",
                       re.I)
_CONJ = re.compile(r"^\s*(?:and|but|or|so|yet|while|as|then)\s+", re.I)
_DET = r"(?:the|its|their|his|her|our|a|an|both|all|some|many)"
# a leading noun phrase: optional determiner, then words until one that looks like a verb
_LEAD_NP = re.compile(rf"^\s*((?:{_DET}\s+)?(?:[\w’'&.-]+\s+){{0,4}}?[\w’'&.-]+?)(?=\s+(?:\w+(?:ing|ed)|is|are|was|were|has|have|had|will|would|said|says|also|then|later|to|by|in|on|at|for|with|of)\b|\s*$)", re.I)
_DOCUMENT = Lazy(r"^(?:the|that|this|its|their|his|her)\s+(?:joint\s+|written\s+)?(?:statement|memo|letter|release|post|notice|email|message|video|summary)$", re.I)
_JUNK_FORMS = frozenset("the a an it its they them this that these those he she we".split())
_PRONOUNS = frozenset("it they he she we i you them its their this that these those one".split())
_LIST_STOP = re.compile(r"[.;:“”\"!?]|,(?!\s+and\b)|\b(?:on|over|in|at|to|for|since|after|before|from|that|which|who|whose|as|was|were|is|are|have|has|had|will|would|could|last|this|next|about|during|until)\b|\b\w+ed\b|\b\w+ing\b", re.I)
# "the two sides", "both sides", "they": the parties of the talks the text is about
TWO_SIDES = Lazy(r"^\s*(?:negotiators\s+for\s+|representatives\s+(?:of|from)\s+)?(?:the\s+two\s+sides|both\s+sides|the\s+(?:two\s+)?parties|both\s+parties|they|both)\b", re.I)
# government bodies that stand between the sides rather than on one
_THIRD_PARTY = Lazy(r"\b(?:mediat\w*|conciliat\w*|arbitrat\w*|relations\s+(?:board|commission)|labou?r\s+board)\b", re.I)
_BOTH_SIDES = Lazy(r"(?:the\s+two\s+sides|both\s+sides|the\s+(?:two\s+)?parties|both\s+parties)", re.I)
SIDES = "__two_sides__"                        # stands for the two sides until events know them
# a name after one of these is inside a modifier, not a doer ("workers at plants run by Acme";
# but "followed by Acme releasing an offer": Acme releases it)
_PREP_BEFORE = re.compile(r"(?:\b(?:with|to|at|in|on|for|against|over|about|into|toward|towards|versus|vs\.?|than|like|per|via"
                          r"|(?:run|owned|operated|managed|employed|controlled)\s+by)\s+(?:the\s+)?)$", re.I)


class Parties:
    """Who a stretch of text names as the doer, given the entity stage's mentions."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.idx = _entity_index(doc)
        self.types = {e.key: e.type for e in doc.entities}
        self.names = {e.key: e.name for e in doc.entities}
        self._mentions = sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end))
        self._starts = [m.span.start for m in self._mentions]      # to find a stretch's mentions by bisection
        self._longest = max((m.span.end - m.span.start for m in self._mentions), default=0)
        self.quoted: list[Span] = []           # quoted words (set by the quote stage)
        # (offset, author) of each statement, memo or post the text mentions (from the events)
        self.documents: list[tuple[int, str]] = [
            (e.evidence.span.start, e.participants[0]) for e in doc.events
            if e.kind == "Statement" and len(e.participants) == 1]

    # -- basic look-ups
    def type(self, key: str | None) -> str | None:
        return self.types.get(key) if key else None

    def is_person(self, key: str | None) -> bool:
        return self.type(key) == "Person"

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)``, outermost only, skipping those in parentheses."""
        out: list[Mention] = []
        for i in range(bisect.bisect_left(self._starts, start), len(self._mentions)):
            m = self._mentions[i]
            if m.span.start >= end:
                break
            if m.span.end > end:
                continue
            if out and m.span.start < out[-1].span.end:
                continue                      # nested inside the previous (longer) mention
            if m.form.strip().lower() in _JUNK_FORMS:
                continue                      # a determiner taken for a name is no name
            if self._in_parens(m.span, start):
                continue                      # "(UWW)" restates the name before it
            out.append(m)
        return out

    def inside_name(self, start: int, end: int) -> bool:
        """Do the words ``[start, end)`` lie inside a name ("Amalgamated Package Handlers ...")?"""
        # a name holding these words starts at most one name's length before them
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_right(self._starts, start)
        return any(end <= m.span.end and (m.span.start, m.span.end) != (start, end)
                   for m in self._mentions[lo:hi])

    def _in_parens(self, span: Span, floor: int) -> bool:
        before = self.text[max(floor, span.start - 2):span.start]
        after = self.text[span.end:span.end + 1]
        return before.endswith("(") and after == ")"

    # -- noun phrases that are not mentions
    def np(self, words: str, at: int) -> str | None:
        """The entity a bare noun phrase stands for ("union leadership", "members"), or None."""
        w = " ".join(words.replace("’", "'").split()).strip(" ,.;:")
        if not w:
            return None
        # "99% of members", "about 18,000 members of the union": the quantity is not the party
        w = re.sub(r"^(?:about|some|more\s+than|nearly|almost|over|roughly|around)?\s*[\d,.]+\s*(?:%|percent)?\s*(?:of\s+)?(?:the\s+|its\s+|their\s+)?",
                   "", w, flags=re.I) or w
        low = w.lower()
        head = low.split()[-1] if low.split() else ""
        if low in _PRONOUNS or head in _PRONOUNS or _anonymous(low):
            return None
        m = re.match(r"^(.*?)'s?\s+(\S.*)$", w)
        if m:
            # "the company's drivers" are the drivers; "the union's national council" is the union
            head = m.group(2)
            if not word_list("speech_body_heads").search(head) and not re.search(r"\bmembers?\b", head, re.I):
                return self.np(head, at)
            return self._resolve(m.group(1), at)
        if re.search(r"\b(?:executives|officials|chiefs|bosses|leaders)$", low) and not re.search(r"\b[A-Z]", w):
            return None                       # "top studio executives": people, not a body
        key = self._resolve(w, at)
        if key:
            return key
        bare = re.sub(rf"^{_DET}\s+", "", low)
        for form in (low, "the " + bare, bare):
            types = table("event_party_nouns").get(form)
            if types:
                # the workers stand for the story's union; "the company" for the one named last
                salient = "member" in form or "rank" in form or types[0] in ("Union", "Guild")
                return self._salient(types, at) if salient else self._recent(types, at)
        return self._name_head(bare)

    def _resolve(self, words: str, at: int) -> str | None:
        try:
            key = self.idx.resolve(words, at)
        except TypeError:                      # an index without the ``at`` argument
            key = None
        # "The union representing 3,000 drivers said ..." before the union is named:
        # the index's document-wide reading
        return key or self.idx.resolve(words)

    def _recent(self, types: tuple[str, ...], at: int) -> str | None:
        """The entity of one of these types named most recently before ``at``."""
        best = None
        for m in self._mentions:
            if m.span.start >= at:
                break
            if self.types.get(m.entity) in types:
                best = m.entity
        if best is None:
            keys = [e.key for e in self.doc.entities if e.type in types]
            best = keys[0] if len(keys) == 1 else None
        return best

    def _salient(self, types: tuple[str, ...], at: int) -> str | None:
        """"members": of the union named in this sentence, else of the union the article is about."""
        sent = next((s.span for s in self.doc.sentences if s.span.start <= at < s.span.end), None)
        counts: dict[str, int] = {}
        for m in self._mentions:
            if self.types.get(m.entity) in types:
                if sent is not None and sent.start <= m.span.start < sent.end:
                    return m.entity
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return self._recent(types, at)

    def _name_head(self, noun: str) -> str | None:
        """"the drivers" -> the one guild, union or association whose name says Drivers."""
        if not re.fullmatch(r"[a-z]+s", noun):
            return None
        hits = [e.key for e in self.doc.entities
                if e.type in ("Guild", "Union", "TradeAssociation")
                and re.search(rf"\b{noun}\b", e.name, re.I)]
        return hits[0] if len(hits) == 1 else None

    # -- the doer of a verb
    def subject(self, start: int, verb: int, *, many: bool = False) -> list[str]:
        """Entities doing the verb at ``verb``, read back to ``start`` (a clause or sentence start).

        ``many=False`` gives the single speaker nearest the verb ("UWW President, Jane Doe
        said" -> Jane Doe); ``many=True`` every party of a plural subject ("Leaders of A and B
        met", "Several leaders, including X, Y and Z, joined").
        """
        start = self.clause_start(start, verb)
        ranges = self._subject_ranges(start, verb)
        lead = _DESCRIBED_HEAD.match(self.text, start, verb)
        if lead:
            # "The union representing players in the Acme League delivered ...": the union acts;
            # the names in its modifier do not
            inside = self.mentions(lead.start(1), lead.end(1))
            key = inside[-1].entity if inside else self.np(lead.group(1), lead.start(1))
            if key:
                return [key]
        if many:
            last = _pieces(self.text, start, verb)[-1:]
            if last and _BOTH_SIDES.fullmatch(self.text[last[0][0]:last[0][1]].strip()):
                return [SIDES]                # "X will meet Y on Monday, the two sides announced"
            found = [m for a, b in ranges for m in self.mentions(a, b)
                     if not self._after_prep(m, a) and not self._possessor_only(m)]
            people = _keys(m for m in found if self.is_person(m.entity))
            if people:
                return people
            orgs = _keys(found)
            if orgs:
                return orgs + [k for k in self._described_conjuncts(ranges, found) if k not in orgs]
            # "The publishers, which include A and B, said": the members the aside names
            for m in _RELATIVE.finditer(self.text, start, verb):
                if re.match(r",\s+(?:which|who)\s+(?:include|includes|included|are\s+represented\s+by)\b", m.group(0)):
                    inner = _keys(x for x in self.mentions(m.start(), m.end()) if not self._possessor_only(x))
                    if inner:
                        return inner
            return self._np_before(start, verb)
        # single speaker: the nearest piece that names someone
        pieces = [p for a, b in ranges for p in _pieces(self.text, a, b)]
        for i in range(len(pieces) - 1, -1, -1):
            a, b = pieces[i]
            ms = [m for m in self.mentions(a, b) if not self._after_prep(m, a)]
            persons = [m for m in ms if self.is_person(m.entity)]
            if persons:
                return [persons[-1].entity]
            if ms:
                # "Jane Doe, Acme CEO, said": an org with a title after a person is his affiliation
                if i > 0 and _looks_appositive(self.text[a:b], ms):
                    pa, pb = pieces[i - 1]
                    prev = [m for m in self.mentions(pa, pb) if self.is_person(m.entity)]
                    if prev:
                        return [prev[-1].entity]
                return [ms[-1].entity]
            piece = self.text[a:b]
            if not piece.strip(" ,;:"):
                continue
            lead = _lead_np(piece)
            if _anonymous(lead.lower()):
                return []                     # "people close to the talks said"
            if _DOCUMENT.match(lead):
                key = self.author(a)
                return [key] if key else []
            if lead.lower() in ("he", "she"):
                key = self.antecedent(a)
                return [key] if key else []
            key = self.np(lead, a)
            if key:
                return [key]
            if _FRONTED.match(piece + ", ") or _is_relative(self.text, a) \
                    or re.match(r"\s*(?:a|an|the)\s", piece, re.I) \
                    or re.match(r"\s*(?:for|in|on|at|by|with|from|after|before|during|as|like|unlike)\s", piece):
                continue                      # an adverbial, or an appositive: ", an analyst at X,"
            break
        return []

    def clause_start(self, start: int, verb: int) -> int:
        """Move ``start`` past a fronted adverbial, a "that" complementizer and a semicolon."""
        seg = self.text[start:verb]
        # "...; and Ann Park, ..., joined": a semicolon list, not a new clause
        semi = seg.rfind(";")
        if semi >= 0 and not re.search(r";\s*and\b", seg):
            start, seg = start + semi + 1, seg[semi + 1:]
        last = None
        for m in re.finditer(r"(?<![\w-])that\s+(?=\S)", seg):
            last = m
        rest = seg[last.end():] if last else ""
        if last and "," in rest and "," in seg[:last.start()] and len(rest[rest.rfind(",") + 1:].split()) <= 2:
            last = None                       # "Acme, a chain that runs 23 hospitals, said": an aside
        if last:
            start, seg = start + last.end(), seg[last.end():]
        f = _FRONTED.match(seg)
        if f and f.end() < len(seg):
            start += f.end()
        return start

    def _subject_ranges(self, start: int, verb: int) -> list[tuple[int, int]]:
        """``[start, verb)`` minus relative clauses (", which bargains for ...,")."""
        out, pos = [], start
        for m in _RELATIVE.finditer(self.text, start, verb):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, verb))
        return [(a, b) for a, b in out if b > a]

    def _after_prep(self, m: Mention, floor: int) -> bool:
        """A mention governed by a preposition ("with Reuters", "to members") is not a doer.

        "A spokesperson for the council" is the exception: a body's voice speaks for the body.
        """
        before = self.text[max(floor, m.span.start - 40):m.span.start]
        p = _PREP_BEFORE.search(before)
        if not p:
            return False
        return not word_list("speech_body_heads").search(before[:p.start()].rstrip()[-25:] + "") \
            or not re.search(r"(?:for|of|at|from)\s+(?:the\s+)?$", before, re.I)

    def _possessor_only(self, m: Mention) -> bool:
        """"the company's drivers": the company owns the subject, it is not the subject."""
        after = self.text[m.span.end:m.span.end + 40]
        p = re.match(r"[’']s?\s+((?:[\w-]+\s+){0,2}[\w-]+)", after)
        if p is None:
            return False
        head = p.group(1)
        return not word_list("speech_body_heads").search(head) and not re.search(
            r"\b(?:members?|president|chief|ceo|head|chair\w*|director|negotiators?|workers|employees)\b", head, re.I)

    def antecedent(self, at: int) -> str | None:
        """The person "he"/"she" at ``at`` stands for: the subject of the nearest sentence before
        (in this paragraph or the one before) that names a person outside quotes."""
        sents = [s for s in self.doc.sentences if s.span.start < at]
        cur = sents[-1] if sents else None
        for s in reversed(sents[-4:]):
            if cur is not None and s.paragraph < cur.paragraph - 1:
                break
            stop = min(s.span.end, at)
            persons = [m for m in self.mentions(s.span.start, stop)
                       if self.is_person(m.entity) and not self._quoted(m.span)]
            if persons:
                return persons[0].entity
        return None

    def author(self, at: int) -> str | None:
        """Who issued "the statement" at ``at``: the author of the last statement before it."""
        before = [(pos, k) for pos, k in self.documents if pos < at and at - pos < 600]
        return before[-1][1] if before else None

    def _quoted(self, span: Span) -> bool:
        return any(q.start <= span.start and span.end <= q.end for q in self.quoted)

    def _described_conjuncts(self, ranges: list[tuple[int, int]], found: list[Mention]) -> list[str]:
        """Organizations a plural subject describes beside the ones it names: "Skyward Airlines
        and the union representing its pilots reached ..." (the union is one of the doers)."""
        out = []
        for a, b in ranges:
            for m in re.finditer(r"\band\s+(the\s+[a-z][\w’'-]*)\b", self.text[a:b]):
                at = a + m.start(1)
                if any(x.span.start <= at < x.span.end for x in found):
                    continue                  # "and" inside a name
                key = self.np(m.group(1), at)
                if key and not self.is_person(key):
                    out.append(key)
        return out

    def _np_before(self, start: int, verb: int) -> list[str]:
        """A subject that is a description, not a name: the last piece, else the clause's first."""
        pieces = _pieces(self.text, start, verb)
        for a, b in (pieces[-1:] + pieces[:1]) if pieces else []:
            key = self.np(_lead_np(self.text[a:b]), a)
            if key:
                return [key]
        return []

    def listed(self, start: int, limit: int) -> list[str]:
        """The parties of a list that starts at ``start`` ("Acme and the employers Monday ...").

        The list ends at punctuation, a clause word or a date outside any name; its elements
        are names, or descriptions such as "the employers" (``SIDES`` for "both sides").
        """
        text = self.text
        ms = self.mentions(start, limit)
        stop = limit
        for d in find_dates(text[start:limit], start):
            stop = min(stop, d.span.start)
        for m in _LIST_STOP.finditer(text, start, stop):
            if any(x.span.start <= m.start() < x.span.end for x in ms):
                continue                      # inside a name ("Alliance of ... Producers")
            stop = m.start()
            break
        ms = [m for m in ms if m.span.start < stop]
        keys: list[str] = []
        pos = start
        for sep in list(re.finditer(r",|\band\b|&", text[start:stop])) + [None]:
            end = start + sep.start() if sep else stop
            if sep and any(m.span.start <= end < m.span.end for m in ms):
                continue                      # "and" inside a name
            inside = [m.entity for m in ms if pos <= m.span.start < end]
            if any(self.is_person(k) for k in inside):
                inside = [k for k in inside if self.is_person(k)]   # "AFTP president Lou Carter"
            part = text[pos:end]
            if inside:
                keys.extend(inside)
            elif part.strip():
                k = self.np(part, pos) if "(" not in part and ")" not in part else None
                if k is None and TWO_SIDES.match(part):
                    k = SIDES
                if k:
                    keys.append(k)
            pos = start + sep.end() if sep else stop
        return list(dict.fromkeys(keys))

    def possessor(self, floor: int, at: int) -> list[str]:
        """Who owns the noun at ``at``: "the UWW strike", "Acme's latest offer", "a company proposal"."""
        text = self.text
        before = text[max(floor, at - 60):at]
        base = at - len(before)
        for mm in reversed(self.mentions(base, at)):
            gap = text[mm.span.end:at]
            if re.fullmatch(r"\s+|[’']s?\s+(?:[\w%.-]+\s+){0,3}", gap) and not re.search(r"\b(?:of|to|for|with|and|by|in|on|at)\b", gap):
                return [mm.entity]
            break
        if re.search(r"\b(?:its|their)\s+(?:[\w%,.“”\"-]+\s+){0,5}$", before):
            # "Acme said its final proposal ...": the organization the pronoun stands for, the last named
            orgs = [m for m in self.mentions(max(0, at - 250), at) if not self.is_person(m.entity)]
            return [orgs[-1].entity] if orgs else []
        # a description: "a company proposal" (a noun modifier), "the drivers' agreement" (a possessive)
        for word in (re.search(r"([\w-]+)\s+$", before),
                     re.search(r"([\w-]+)(?:[’']s?|[’'])\s+(?:[\w%-]+\s+){0,3}$", before)):
            k = self.np(word.group(1), base) if word else None
            if k:
                return [k]
        return []

    def main_sides(self) -> list[str]:
        """The union and the employer the article is about: the most named of each, if clear."""
        counts: dict[str, int] = {}
        for m in self._mentions:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        unions = sorted((k for k in counts if self.types.get(k) in ("Guild", "Union")), key=lambda k: -counts[k])
        # the employer: a company or employers' group; or, named far more often, a public employer
        # (a school district, a city) or one of unknown kind (a league, a university).  A mediation
        # or labour board stands between the sides, never on one.
        weight = {k: counts[k] * (1.0 if self.types.get(k) in ("Company", "TradeAssociation") else 0.5)
                  for k in counts if self.types.get(k) in ("Company", "TradeAssociation")
                  or (self.types.get(k) in ("Organization", "GovernmentBody") and not _THIRD_PARTY.search(self.names.get(k, k)))}
        bosses = sorted(weight, key=lambda k: -weight[k])
        if not unions or not bosses:
            return []
        union = self._clear_lead(unions, counts)
        boss = self._clear_lead(bosses, weight)
        return [union, boss] if union and boss else []

    def _clear_lead(self, ranked: list[str], score: Mapping[str, float]) -> str | None:
        """The most named of ``ranked``; on a tie, the one the first paragraph names (a lede
        names the story's sides), if only one of them is there; else no clear lead."""
        tied = [k for k in ranked if score[k] == score[ranked[0]]]
        if len(tied) == 1:
            return tied[0]
        body = self.doc.article.body
        lede_end = body[0].end if body else 0
        in_lede = {m.entity for m in self._mentions if m.span.start < lede_end} & set(tied)
        return in_lede.pop() if len(in_lede) == 1 else None


def _keys(mentions: Iterable[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.entity not in out:
            out.append(m.entity)
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at commas, quote marks and clause words, in order."""
    out, pos = [], start
    for m in _PIECE_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _lead_np(piece: str) -> str:
    """The noun phrase a piece starts with: " and the drivers pushing back by" -> "the drivers"."""
    p = _CONJ.sub("", piece).strip()
    m = _LEAD_NP.match(p)
    return m.group(1) if m else p


def _looks_appositive(piece: str, ms: list[Mention]) -> bool:
    """"Acme CEO", "Widget Holdings chairman": an organization plus a few title words."""
    rest = piece
    for m in ms:
        rest = rest.replace(m.form, " ")
    words = [w for w in re.findall(r"[\w-]+", rest)]
    return 0 < len(words) <= 6 and not any(w.lower() in ("said", "says", "and") for w in words[:1])


def _is_relative(text: str, start: int) -> bool:
    return bool(re.match(r"\s*(?:which|who|whose|whom|where)\b", text[start:start + 12], re.I))


def _anonymous(low: str) -> bool:
    bare = re.sub(rf"^{_DET}\s+", "", low)
    anon = _anonymous_words()
    first = bare.split()[0] if bare.split() else ""
    return low in anon or bare in anon or first in anon


@lru_cache(maxsize=None)
def _anonymous_words() -> frozenset[str]:
    return frozenset(e.lower() for e in entries("speech_anonymous"))


def _entity_index(doc: Document):  # type: ignore[no-untyped-def]
    """The entity stage's index over ``doc`` (kg.extract.resolve.EntityIndex)."""
    from .resolve import EntityIndex
    return EntityIndex(doc)
