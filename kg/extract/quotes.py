"""Quotes: the quoted words of each body paragraph and who the text says said them.

    find_quotes(doc) -> doc with ``quotes`` filled

The quoted runs come from ``kg.extract.quote_marks``.  Single-quoted words inside a quote are
quotes of their own, said by whoever the quoted text says said them.  The speaker comes
from, in this order:

    after    “...,” said union leadership.  /  “...,” Doe stated.  /  “...,” X told Reuters.
    before   X said, “...”  /  X noted that there had been “frank talks”  /  X: “...”
    carried  “...,” X said. “...”  (the next quote in the paragraph, or the next paragraph, is X's too)
    as       X dismissed the offer as “...”  /  X presented what it called “...”
    and      X called it “...” and said it was “...”  (the second verb's subject is left out)

The subject of a reporting verb is ``Parties.subject``'s, else read past auxiliaries ("X,
the CEO, has said"), past an aside after the name ("X, which first reported that ...,
wrote"; "X, leaving the hotel, told"), or found earlier in the text: "the committee" (the
organization whose committee was named), "the statement" (who issued it), "it" (the
organization that spoke last).

"per Reuters", "told the Daily Ledger", "according to Bloomberg" name the outlet it came
through (``via``).  One or two quoted words with no reporting verb are scare quotes, not
quotes; a quote whose speaker cannot be named is left out (precision over recall).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Evidence, Quote, Sentence, Span
from ..sentences import ABBREVIATIONS
from .cues import Parties
from .quote_marks import Segment, flatten, segments
from .word_lists import WordList, WordMatch, entries, speech_verbs, word_list
from .scan import Lazy

# A reporting verb right after a quote counts only this close to it ("“...,” the union's
# president, Jane Doe, said" is about as far as news prose goes).
_AFTER_REACH = 90
_WORD = re.compile(r"[\w’'-]+")
# Auxiliaries and adverbs between a subject and its reporting verb ("X, the CEO, has said
# publicly"): the subject is read back from before them.
_AUX_TAIL = Lazy(r"(?:\s+|^)(?:(?:has|have|had|will|would|could|did|does|do|also|later|then|again|since|once|"
                 r"previously|publicly|privately|repeatedly|recently|earlier|already|often|long|never|always|"
                 r"separately|simply|flatly|openly|bluntly|frequently)\b\s*)+$", re.I)
# A characterizing verb with "as" right before the quote: "which the guild rejected as “...”",
# "dismissed the offer as “...”" (the verb reports how the subject described it).
_AS_VERB = Lazy(r"\b(?:rejected|rejects|dismissed|dismisses|branded|brands|labeled|labelled|labels|derided|derides|"
                r"denounced|denounces|decried|decries|slammed|slams|blasted|blasts|criticized|criticised|criticizes|"
                r"condemned|condemns|mocked|mocks|characterized|characterised|characterizes|"
                r"hailed|hails|praised|praises|touted|touts)\b"
                r"(?:\s+[^\s“”\".;:!?]+){0,6}?\s+as\s+(?:[\w’'-]+\s+){0,3}$", re.I)
# "X presented what it called “...”" (the pronoun is X) / "what Acme has called “...”" (Acme)
_WHAT_CALLED = Lazy(r"\bwhat\s+((?:the\s+)?[\w’'&.-]+(?:\s+[\w’'&.-]+){0,5}?)\s+(?:has\s+|had\s+|have\s+)?(?:called|calls|termed|terms|dubbed|dubs|"
                    r"described\s+as|describes\s+as|characterized\s+as|labeled\s+as|labelled\s+as)\s+"
                    r"(?:(?:a|an|the)\s+)?$", re.I)
# a verb coordinated with an earlier one, its subject left out: "... “...” and said it was “...”"
_AND_VERB = Lazy(r"^[\s,]*(?:and|but)\s+(?:(?:then|also|later|again|quickly)\s+)?$", re.I)
# "the statement said" / "the committee said": a document or a body named earlier
_DOC_NOUN = Lazy(r"^(?:the|that|this|its|their)\s+(?:joint\s+|written\s+|same\s+)?(statement|memo|letter|release|"
                 r"post|notice|email|message|bulletin|update)$", re.I)
_ISSUED = Lazy(r"\b(?:issued|released|posted|sent|published|put\s+out)\b", re.I)
# "the statement read": "read" reports words only after a document
_DOC_READ = Lazy(r"\b(?:statement|memo|letter|post|notice|email|message|release|bulletin|update)s?\s+(reads?)\b", re.I)
_HEAD_OK = frozenset("the a an its his her their of and & 's ’s".split())


def find_quotes(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.quotes`` with attributed quotes."""
    if not doc.sentences:
        return doc
    parties = Parties(doc)
    segs = list(segments(doc))
    parties.quoted = [Span(s.start, s.end) for s in segs]
    _attribute(doc, parties, segs)
    quotes: list[Quote] = []
    for seg in flatten(segs):
        if seg.speaker is None:
            continue
        words = _WORD.findall(doc.text[seg.start:seg.end])
        if len(words) <= 2 and not seg.verb and not _own_sentence(doc.text, seg):
            continue                           # scare quotes: “historic”, “final offer”
        quotes.append(_quote(doc, seg))
    quotes.sort(key=lambda q: q.span.start)
    return doc.with_(quotes=tuple(quotes))


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

        same_sentence = same_prev is not None and _sentence(sents, same_prev.open) in (s_open, s_close)
        _after(text, parties, verbs, seg, after)
        if seg.speaker is None and not seg.verb:
            # "... called it “...” and said it was “...”": the left-out subject is the last speaker's
            elided = same_prev.speaker if same_prev is not None and same_sentence else None
            _before(text, parties, verbs, seg, before, elided)
            if seg.speaker is None and seg.verb and same_prev is not None and same_prev.speaker is None \
                    and same_sentence and s_open is not None and s_open.span.start < before.start:
                # “Title” in an aside ("Jo Bell, whose film “Title” ran in May, wrote: “...”"):
                # read the subject from the sentence start, past the unattributed quote
                _before(text, parties, verbs, seg, Span(s_open.span.start, seg.open))
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
    m = verbs.search(chunk) or _doc_read(chunk)
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
    key = _subject(text, parties, after.start, after.start + m.start())
    if key:
        seg.speaker, seg.rule = key, "quote.after"
        seg.attribution = Span(after.start, after.start + m.end())


def _before(text: str, parties: Parties, verbs: WordList, seg: Segment, before: Span,
            elided: str | None = None) -> None:
    """X said, “...”  /  X noted that there had been “...”  /  according to X, “...”.

    ``elided``: who spoke last in this sentence, for a verb whose subject is left out
    ("... “...” and said it was “...”").
    """
    chunk = text[before.start:before.end]
    found = [m for m in verbs.finditer(chunk) if _reports(chunk, m)]
    read = _doc_read(chunk)
    if read is not None and (not found or found[-1].start() < read.start()):
        found.append(read)
    if found:
        m = found[-1]
        seg.verb = True
        if elided is not None and _AND_VERB.match(chunk[:m.start()]):
            seg.speaker, seg.rule = elided, "quote.coordinated"
            seg.attribution = Span(before.start, before.start + m.end())
            return
        what = _WHAT_CALLED.search(chunk)
        if what is not None and what.end() == len(chunk):
            key = _what_called(text, parties, before.start, what)    # its own subject, or no one
        else:
            key = _subject(text, parties, before.start, before.start + m.start())
        if key:
            seg.speaker, seg.rule = key, "quote.before"
            seg.attribution = Span(before.start, before.start + m.end())
        return
    acc = re.search(r"\baccording to\s+", chunk, re.I)
    if acc:
        ms = parties.mentions(before.start + acc.end(), before.end)
        if ms and parties.type(ms[0].entity) != "MediaOutlet":
            seg.verb = True
            seg.speaker, seg.rule = ms[0].entity, "quote.according-to"
            seg.attribution = Span(before.start + acc.start(), ms[0].span.end)
        return
    as_verb = _AS_VERB.search(chunk)
    if as_verb and not re.search(r"(?:\b(?:is|are|was|were|be|been|being|get|got)|[,(—–])\s*$", chunk[:as_verb.start()], re.I):
        # "the union dismissed the offer as “a stunt”" (not "the offer was dismissed as ...",
        # nor the participle in "Doe, hailed as “a hero” by members, ...")
        seg.verb = True
        key = _subject(text, parties, before.start, before.start + as_verb.start())
        if key:
            seg.speaker, seg.rule = key, "quote.called-as"
            seg.attribution = Span(before.start, before.start + as_verb.end())


def _what_called(text: str, parties: Parties, start: int, what: re.Match[str]) -> str | None:
    """"X presented what it called “...”": the pronoun is X, when it agrees with X;
    "Doe pointed to what Acme has called “...”": the name right before the verb."""
    who = what.group(1)
    low = who.lower()
    if low in ("it", "they", "he", "she"):
        key = _subject(text, parties, start, start + what.start())
        if key is not None and low != "they" and parties.is_person(key) != (low in ("he", "she")):
            return None
        return key
    a = start + what.start(1)
    ms = parties.mentions(a, a + len(who))
    if ms:
        return ms[-1].entity if ms[-1].span.end == a + len(who) else None
    return parties.np(who, a)


def _subject(text: str, parties: Parties, start: int, verb: int, *, anaphora: bool = True) -> str | None:
    """The one speaker doing the reporting verb at ``verb``, read back to ``start``.

    ``Parties.subject`` first; then past auxiliaries ("X, the CEO, has said"), past an aside
    or a first verb phrase after the name ("X, which first reported ..., wrote";
    "X, a spokesperson, pointed us to ... and said"), and last a body or document the text
    named before ("The committee called ...", "the statement said").
    """
    keys = parties.subject(start, verb)
    if keys:
        return keys[0]
    aux = _AUX_TAIL.search(text, start, verb)
    if aux is not None and aux.start() > start:
        verb = aux.start()
        head = text[start:verb].rstrip()
        # "X, the CEO, has said" (an appositive before the comma), not "Lee met Doe, then told"
        comma = head.rfind(",", 0, len(head) - 1) + 1 if head.endswith(",") else -1
        if comma < 0 or _name_only(text, parties, start + comma, start + len(head) - 1):
            keys = parties.subject(start, verb)
            if keys:
                return keys[0]
    key = _past_aside(text, parties, start, verb)
    if key is None and anaphora:
        key = _anaphor(text, parties, start, verb)
    return key


def _commas(text: str, start: int, end: int) -> list[int]:
    """Offsets of the commas in ``[start, end)`` that are outside quote marks."""
    out, inside = [], False
    for i in range(start, end):
        ch = text[i]
        if ch in "“”\"":
            inside = ch == "“" or (ch == '"' and not inside)
        elif ch == "," and not inside:
            out.append(i)
    return out


def _past_aside(text: str, parties: Parties, start: int, verb: int) -> str | None:
    """"Orbit's Lee, leaving the building, told" / "X, which first reported that ..., wrote" /
    "A spokesperson, Sam Lee, pointed us to the memo and said": the name before a piece that
    starts in lower case (an aside or a first verb phrase) is the subject, if that name is
    all the piece before holds (a name, a title, a determiner: not "Lee met Doe")."""
    cuts = [start - 1] + _commas(text, start, verb) + [verb]
    pieces = [(cuts[i] + 1, cuts[i + 1]) for i in range(len(cuts) - 1)]
    # walk back over the asides: pieces that start with a lower-case word or a number
    i = len(pieces) - 1
    if i >= 0 and not text[pieces[i][0]:pieces[i][1]].strip():
        i -= 1
    skipped = 0
    while i > 0 and skipped < 3:
        piece = text[pieces[i][0]:pieces[i][1]].strip()
        if not piece or not (piece[0].islower() or piece[0].isdigit()):
            return None
        skipped += 1
        i -= 1
        a, b = pieces[i]
        if _name_only(text, parties, a, b):
            keys = parties.subject(a, b)
            return keys[0] if keys else None
    return None


def _name_only(text: str, parties: Parties, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a name and nothing else a subject could not be ("Showrunner Jo Bell",
    "Acme's Lee", "union president Jane Doe")?"""
    ms = parties.mentions(a, b)
    if not ms:
        return False
    rest = text[a:b]
    for m in reversed(ms):
        rest = rest[:m.span.start - a] + " " + rest[m.span.end - a:]
    titles = _title_words()
    for w in re.findall(r"[\w’'&-]+", rest):
        low = w.lower()
        if not (w[0].isupper() or low in _HEAD_OK or low in titles or low in ("s", "’s", "'s")):
            return False
    return True


@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    """Words that may stand before a name in a subject: those of job titles ("chief executive"),
    of a body's voices ("spokesperson"), and the kind of body the title is in ("union president")."""
    words = {w for name in ("titles", "speech_body_heads") for t in entries(name)
             for w in t.lower().replace("-", " ").split()}
    return frozenset(words | {"union", "guild", "local", "company", "studio"})


def _anaphor(text: str, parties: Parties, start: int, verb: int) -> str | None:
    """"The committee called ...": the organization whose committee the text named before;
    "the statement said": whoever the text said issued a statement before."""
    cuts = _commas(text, start, verb)
    lead = " ".join(text[(cuts[-1] + 1 if cuts else start):verb].split())
    if not lead:
        return None
    doc_noun = _DOC_NOUN.match(lead)
    if doc_noun:
        return _document_author(text, parties, verb, doc_noun.group(1))
    if lead.lower() == "it":
        return _it_antecedent(text, parties, start)
    words = lead.lower().split()
    heads = word_list("speech_body_heads")
    hm = heads.search(lead)
    if words[0] in ("the", "its", "their") and len(words) <= 3 and hm is not None and hm.end() == len(lead):
        return _body_owner(text, parties, start, lead[hm.start():hm.end()])
    return None


def _body_owner(text: str, parties: Parties, at: int, head: str) -> str | None:
    """The organization of the last "<organization>'s (...) <head>" within a few sentences before ``at``."""
    pat = re.compile(r"(?:[’']s?)?\s+(?:[\w-]+\s+){0,2}?" + r"\s+".join(map(re.escape, head.split())) + r"\b", re.I)
    for m in reversed(parties.mentions(max(0, at - 600), at)):
        if parties.type(m.entity) not in (None, "Person", "MediaOutlet", "Platform") and pat.match(text, m.span.end):
            return m.entity
    return None


def _it_antecedent(text: str, parties: Parties, at: int) -> str | None:
    """"Acme said ... It added that ...": "it" speaking is the organization that spoke last, in
    this paragraph or the one before (no one, if a person spoke last)."""
    verbs = speech_verbs()
    before = [s for s in parties.doc.sentences if s.span.end <= at][-3:]
    here = next((s for s in parties.doc.sentences if s.span.start <= at < s.span.end), None)
    for s in reversed(before):
        if here is not None and s.paragraph < here.paragraph - 1:
            break
        found = [m for m in verbs.finditer(text, s.span.start, s.span.end)
                 if not any(q.start <= m.start() < q.end for q in parties.quoted)]
        for m in reversed(found):
            key = _subject(text, parties, s.span.start, m.start(), anaphora=False)
            if key is not None:
                return None if parties.is_person(key) else key
    return None


def _document_author(text: str, parties: Parties, at: int, noun: str) -> str | None:
    """Who the text says issued the statement (memo, letter ...) it mentioned last before ``at``."""
    doc = parties.doc
    verbs = speech_verbs()
    sents = [s for s in doc.sentences if s.span.end <= at][-4:]
    here = next((s for s in doc.sentences if s.span.start <= at < s.span.end), None)
    for s in reversed(sents):
        if here is not None and s.paragraph < here.paragraph - 2:
            break
        body = _outside(text[s.span.start:s.span.end])
        n = re.search(rf"\b{noun}s?\b", body, re.I)
        if n is None:
            continue
        at_noun = s.span.start + n.start()
        found = [m for m in verbs.finditer(text, s.span.start, s.span.end)
                 if not any(q.start <= m.start() < q.end for q in parties.quoted)]
        found += list(_ISSUED.finditer(text, s.span.start, s.span.end))
        if not found:
            continue
        # the verb nearest the noun: "X said in a statement", "In a statement, X said", "X issued a statement"
        m = min(found, key=lambda v: abs(v.start() - at_noun))
        return _subject(text, parties, s.span.start, m.start(), anaphora=False)
    return None


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
    """A paragraph of quote after one whose last sentence ends "X said:" is X's."""
    if seg.para == 0 or seg.continues:
        return
    last = [s for s in doc.sentences if s.paragraph == seg.para - 1]
    para = doc.article.body[seg.para - 1]
    start = last[-1].span.start if last else para.start
    lead = text[start:para.end].rstrip()
    if not lead.endswith(":") or any(q in lead for q in "“”\"") or len(lead) > 300:
        return
    found = list(verbs.finditer(text, start, start + len(lead)))
    if not found:
        return
    key = _subject(text, parties, start, found[-1].start())
    if key:
        seg.speaker, seg.rule, seg.verb = key, "quote.lead-in", True
        seg.attribution = Span(start, found[-1].end())


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


def _doc_read(chunk: str) -> WordMatch | None:
    """"the statement read" as a reporting verb (the last one in ``chunk``)."""
    last = None
    for d in _DOC_READ.finditer(chunk):
        last = WordMatch(chunk, d.start(1), d.end(1))
    return last


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


def _own_sentence(text: str, seg: Segment) -> bool:
    """A carried quote that is a sentence of its own ("“...,” she wrote. “I'm sorry.”"), not a
    scare quote: a capital first, an end mark last, a sentence end (or nothing) before it."""
    words = text[seg.start:seg.end]
    lead = text[max(0, seg.open - 3):seg.open].rstrip()
    return seg.rule == "quote.carried" and words[:1].isupper() and words.rstrip("”’\"'")[-1:] in ".!?" \
        and (not lead or lead[-1] in ".!?\n")


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
            "quote.lead-in": 0.75, "quote.coordinated": 0.8, "quote.called-as": 0.75,
            "quote.according-to": 0.75, "quote.carried": 0.75, "quote.nested": 0.7}.get(seg.rule, 0.7)
    ev = Evidence(sentence=sentence, span=Span(lo, hi), rule=seg.rule, confidence=conf)
    return Quote(speaker=seg.speaker or "", text=doc.text[span.start:span.end], span=span,
                 evidence=ev, via=seg.via)
