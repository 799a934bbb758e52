"""Roles: who holds which title at which organization, read around each person mention.

Rules (each named in provenance):
- role.title-before:     "Disney CEO Bob Iger", "Ohio Governor Tom Hart", "SAG President, Fran Drescher",
                         "union president Joe Kowalski" (the union the context makes clear),
                         "its president, Theresa Mulcahy" (the organization just named),
                         "A spokesperson for the alliance, Jim McNamara"
- role.appositive-after: "Bob Iger, Disney CEO", "Ann Lee, the chief negotiator with Acme",
                         "Jane Roe, president of the union", "Jo Ma, Acme's chief executive",
                         "Felix Amato, president of worldwide production at Corvid Pictures",
                         "Nicole Ferraro, Communications Director, BRSTW," (contact lines)
- role.who-clause:       "Rita Moss, who heads the union" (title "head"), "..., who is president of Acme"
- role.possessive:       "Orbit's Lena Park" (affiliation: no title)
- role.affiliation:      "David Faber with CNBC", "Jane Doe of the union" (no title)
- role.credit:           "(Dana Whitfield / The Harbor City Ledger)" photo credits (no title)
- role.writes-for:       "Mary Clarke-Hughes covers health care for The Harbor City Ledger" (no title)
- role.byline:           "By Jane Roe | The Lakeport Sun", "Jane Roe – Labor Reporter, The Lakeport Sun"
A title keeps the lower-case words written before it when an organization is named around it
("Acme shift manager Jo Ma", "Jo Ma, a pediatric nurse at Harlow Medical Center"); a title
that names its kind of body ("Superintendent Jo Ma") takes the one such body in view.
A compound title ("chairman and chief content officer") gives one role per title.  A
"former" or "ex-" title is not held now, so it gives no role.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..document import Document, Evidence, Mention, Role, Sentence, Span
from ..reader import parse_byline
from .lexicon import load_map, load_words
from .resolve import EntityIndex, parse_description
from .role_cues import (FIELD_TITLES, IMPLIED_ORG, MODIFIER_USE, SPOKES_TITLES, TENURE_WORDS, appos_end,
                        appositive_opening, copula_opening, credit_slash_end, former, size_modifier_end, its_or_their, prep_ending, prep_then_space, scoped_for, title_modifier,
                        title_org_gap, who_clause, writes_for)
from .scan import Lazy, last_word, possessive_then_word, word_at
from .titles import title_at

_WHO = {"heads": "head", "leads": "leader", "chairs": "chair", "runs": "head", "founded": "founder",
        "co-founded": "co-founder", "directs": "director"}
_PREPS = frozenset({"for", "of", "to", "with", "from", "by"})
_ORG_TYPES = frozenset({"Guild", "Union", "Company", "TradeAssociation", "MediaOutlet", "GovernmentBody",
                        "Organization"})
_WORD_BEFORE = Lazy(r"[A-Za-z][\w'\-]*\.?$")           # matched with "’" written "'"
_WORD_AFTER = Lazy(r"(\s*)([A-Za-z][\w\-]*)")
_DESC_OF_BEFORE = Lazy(r"\b(?:the|its|their)\s+(?:[a-z]+[’']\s+)?([a-z]+(?: [a-z]+)?)$")
_TITLE_OF_EXT = Lazy(r"\s+of\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)((?:[A-Za-z][\w\-]*\s+){0,5}[a-z][\w\-]*)"
                     r"(?=\s+(?:at|for|with)\s|\s*[,.;]|\s*$)")
_TITLE_FOR_EXT = Lazy(r"\s+for\s+((?:[a-z]+\s+){0,3}[a-z]+)(?=\s+(?:at|with)\s|\s*[,.;]|\s*$)")


@lru_cache(maxsize=1)
def _desc_before() -> re.Pattern[str]:
    """"union president", "the local's president", "the pilots' association's chairman"."""
    heads = "|".join(re.escape(h) for h in sorted(load_map("descriptions"), key=len, reverse=True))
    return re.compile(rf"(?:\b(?:the|its|their)\s+)?(?:[a-z]+[’']\s+)?\b({heads})(?:[’']s)?\s+$", re.I)


@lru_cache(maxsize=1)
def _desc_at() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(load_map("descriptions"), key=len, reverse=True))
    return re.compile(rf"(?:(?:the|its|their)\s+)?(?:[a-z]+[’']\s+)?({heads})\b(?![\-])", re.I)


def find_roles(doc: Document) -> Document:
    """Fill ``doc.roles``: one Role per (person, title, organization) stated in the text."""
    idx = EntityIndex(doc)
    roles: list[Role] = []
    seen: set[tuple[str, str, str | None]] = set()
    for sent in doc.sentences:
        for role in (_implied_org(idx, r) for r in _sentence_roles(doc, idx, sent)):
            k = (role.person, (role.title or "").lower(), role.organization)
            if k not in seen:
                seen.add(k)
                roles.append(role)
    for role in _byline_roles(doc, idx):
        k = (role.person, (role.title or "").lower(), role.organization)
        if k not in seen:
            seen.add(k)
            roles.append(role)
    # a title with no organization adds nothing when the same title is known with one
    with_org = {(r.person, (r.title or "").lower()) for r in roles if r.organization}
    roles = [r for r in roles if r.organization or (r.person, (r.title or "").lower()) not in with_org]
    # a bare affiliation adds nothing when a titled role already links the same pair
    titled = {(r.person, r.organization) for r in roles if r.title}
    roles = [r for r in roles if r.title or (r.person, r.organization) not in titled]
    return doc.with_(roles=tuple(roles))


def _sentence_roles(doc: Document, idx: EntityIndex, sent: Sentence) -> Iterator[Role]:
    text = doc.text
    ms = idx.mentions_in(sent.span)
    carried: tuple[str, int] | None = None      # org of "Org title A and title B"
    for m in ms:
        if idx.entity(m.entity).type != "Person":
            continue
        before = list(_title_before(doc, idx, sent, m, carried))
        yield from before
        carried = None
        if before and before[0].organization and prep_then_space(text[m.span.end:m.span.end + 6], ("and",)):
            carried = (before[0].organization, before[0].evidence.span.start)
        yield from _after(doc, idx, sent, m)
        # "Orbit's Lena Park": an organization's possessive right before the name
        org = _org_ending_at(idx, m.span.start - 1, text, possessive=True)
        if org is not None:
            yield _role(m.entity, None, org[0], sent, Span(org[1], m.span.end), "role.possessive", 0.7)
        yield from _credit(doc, idx, sent, m)


def _implied_org(idx: EntityIndex, role: Role) -> Role:
    """"Superintendent Jo Ma" in a story about one school district: a title that names its kind of
    body ("superintendent" -> the district) takes the one such body the context makes clear."""
    if role.organization is not None or not role.title:
        return role
    desc = IMPLIED_ORG.get(role.title.lower().split()[-1])
    key = idx.resolve_described(desc, at=role.evidence.span.start) if desc else None
    if key is None or idx.entity(key).type not in _ORG_TYPES:
        return role
    return Role(role.person, role.title, key, role.evidence)


def _role(person: str, title: str | None, org: str | None, sent: Sentence, span: Span,
          rule: str, conf: float) -> Role:
    return Role(person, title, org, Evidence(sent.span, span, rule, conf))


# -- words around a position --------------------------------------------------------------------
def _words_before(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
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


def _words_after(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
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


def _titles_at(words: list[tuple[str, int, int]], i: int) -> list[tuple[int, int]]:
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


# -- organizations next to a position -----------------------------------------------------------
def _org_ending_at(idx: EntityIndex, pos: int, text: str, possessive: bool = False) -> tuple[str, int] | None:
    """An organization named right before ``pos`` (``text[pos]`` is the space before the next word)."""
    end = pos
    if possessive:
        if text[end - 2:end] in ("’s", "'s"):
            end -= 2
        elif text[end - 1:end] in ("’", "'") and text[end - 2:end - 1] == "s":
            end -= 1
        else:
            return None
    m = idx.mention_at(end - 1, end)
    if m is None or m.span.end != end or idx.entity(m.entity).type not in _ORG_TYPES:
        return None
    return m.entity, m.span.start


def _org_at(idx: EntityIndex, pos: int, text: str) -> tuple[str, int] | None:
    """An organization named starting at ``pos`` (a name, or a description the context resolves)."""
    if text[pos:pos + 4] in ("the ", "The "):
        found = _org_at(idx, pos + 4, text)
        if found is not None:
            return found
    # "the 3,000-member Quarry Workers Union", "the 1,400-strong local": a size before the name
    if (k := size_modifier_end(text, pos)) is not None:
        return _org_at(idx, k, text)
    m = idx.mention_at(pos, pos + 1)
    if m is not None and m.span.start == pos and idx.entity(m.entity).type in _ORG_TYPES:
        return m.entity, m.span.end
    d = _desc_at().match(text, pos)
    if d is not None:
        key = idx.resolve_described(d.group(0), at=pos)
        if key is not None and idx.entity(key).type in _ORG_TYPES:
            return key, d.end()
    return None


def _org_before_title(idx: EntityIndex, doc: Document, tstart: int, sent: Sentence) -> tuple[str, int] | None:
    """The organization a title before a name belongs to: "Disney CEO", "Acme's chief executive",
    "union president", "its president" (the organization last named in the sentence)."""
    text = doc.text
    org = _org_ending_at(idx, tstart - 1, text) or _org_ending_at(idx, tstart - 1, text, possessive=True)
    if org:
        return org
    m = _desc_before().search(text, max(sent.span.start, tstart - 60), tstart)
    if m is not None and m.end() == tstart:
        # the body of that kind the text just named, else the most salient one
        key = _described_nearby(idx, sent, m.group(0).strip(), m.start()) or \
            idx.resolve_described(m.group(0).strip(), at=m.start())
        if key and idx.entity(key).type in _ORG_TYPES:
            return key, m.start()
    gap = text[max(sent.span.start, tstart - 8):tstart]
    det = last_word(gap)
    if det in ("its", "their", "Its", "Their"):
        start = tstart - (len(gap) - len(gap.rstrip()) + len(det))
        for mm in reversed(idx.mentions_in(Span(sent.span.start, start))):
            if idx.entity(mm.entity).type in _ORG_TYPES:
                return mm.entity, start
        # "Its chief executive, ..." opening a sentence: the body the last sentence was about
        prev = [s for s in doc.sentences if s.span.end <= sent.span.start]
        if prev and start == sent.span.start:
            orgs = [mm for mm in idx.mentions_in(prev[-1].span) if idx.entity(mm.entity).type in _ORG_TYPES]
            # the subject of that sentence, named or described ("The association, which ...")
            if orgs and orgs[0].span.start == prev[-1].span.start:
                return orgs[0].entity, start
            for mm in orgs:
                if not _is_desc(mm.form):
                    return mm.entity, start
    return None


def _in_org_name(idx: EntityIndex, offset: int) -> bool:
    m = idx.mention_at(offset, offset + 1)
    return m is not None and idx.entity(m.entity).type in _ORG_TYPES and m.span.start < offset


def _is_desc(form: str) -> bool:
    return form[:1].islower() or form.lower().startswith(("the ", "its ", "their "))


# -- the rules ----------------------------------------------------------------------------------
def _title_before(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention,
                  carried: tuple[str, int] | None) -> Iterator[Role]:
    """"[Org] title [and title] [,] Person"."""
    text = doc.text
    before = text[sent.span.start:p.span.start]
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped:
        return
    end = sent.span.start + len(stripped)
    comma = stripped.endswith(",")
    if comma:
        end -= 1            # "SAG President, Fran Drescher"
    words = _words_before(text, sent.span.start, end)
    if not words:
        return
    names = [w for w, _, _ in words]
    # the title starts after any organization name ("Paramount Global co-CEO": not "Global co-CEO")
    found = next((k for k in range(len(words)) if title_at(names, k) == len(words) - k
                  and not _in_org_name(idx, words[k][1])), None)
    if found is None:
        if comma:
            yield from _title_of_org_before(doc, idx, sent, p, end)
        return
    # "a spokeswoman for the mayor, Jo Ma": the title after "for the" is someone else's
    if found >= 3 and names[found - 1].lower() in ("the", "a") and names[found - 2].lower() in _PREPS \
            and any(title_at(names, j) == found - 2 - j for j in range(found - 2)):
        if comma:
            yield from _title_of_org_before(doc, idx, sent, p, end)
        return
    # compound "chairman and CEO Jane Doe": extend back over "title and"
    k = found
    while k >= 2 and names[k - 1].lower() in ("and", "&"):
        j = next((jj for jj in range(k - 1) if title_at(names, jj) == k - 1 - jj), None)
        if j is None:
            break
        k = j
    tstart = words[k][1]
    if former(text[sent.span.start:tstart]):
        return
    org = _org_before_title(idx, doc, tstart, sent)
    if org is not None and text[org[1]].islower() and (named := _org_ending_at(idx, org[1] - 1, text)
                                                       or _org_ending_at(idx, org[1] - 1, text, possessive=True)):
        # "Brightpine Games studio head": after a name, the description word is part of the title
        k, org = next(j for j in range(k) if words[j][1] == org[1]), named
        tstart = words[k][1]
    if org is None:
        # "district spokesperson Jo Ma": the title's first word is a description of the organization
        split = _description_split(idx, doc, sent, words, k)
        # "Acme shift manager Jo Ma", "the guild's contract chair, Jo Ma": words between the
        # organization and the title are part of the title
        mods = _modifiers_after_org(idx, doc, sent, words, k) if split is None else None
        if split is not None:
            k, org = split
        elif mods is not None:
            k, org = mods
        tstart = words[k][1]
    if org is None and carried is not None and last_word(text[sent.span.start:tstart]) == "and":
        org = carried       # "RMG-AFVA president Cassandra Moyo and national executive director ..."
    if org is None and comma and text[sent.span.start:tstart].strip() in ("A", "An"):
        # "A spokesperson, Jo Ma, said ...": a spokesperson speaks for the one body the sentence
        # before named ("We reached out to Acme."), if it named one
        prev = idx.previous_sentence(sent)
        key = idx.sole_entity(prev.span, _ORG_TYPES - {"MediaOutlet"}) \
            if prev is not None and names[k].lower() in SPOKES_TITLES else None
        for s_, e_ in _titles_at(words, k):
            yield _role(p.entity, text[s_:e_], key, sent, Span(tstart, p.span.end), "role.title-before",
                        0.75 if key else 0.65)
        return
    if comma and org is None and not names[k][:1].isupper() and \
            last_word(text[max(sent.span.start, tstart - 7):tstart]) not in ("The", "the", "Its", "its", "Their", "their"):
        return              # "..., said president" is not a title before a name; "The culture secretary, X" is
    span_start = min(org[1], tstart) if org else tstart
    if former(text[sent.span.start:span_start]):
        return              # "Former Acme CEO Bob Smith"
    titles = _titles_at(words, k)
    if not titles:
        # modifiers before the title: "plant manager" is one title
        titles = [(words[k][1], words[-1][2])]
    for s, e in titles:
        yield _role(p.entity, text[s:e], org[0] if org else None, sent, Span(span_start, p.span.end),
                    "role.title-before", 0.85 if org else 0.7)


def _title_of_org_before(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention, end: int) -> Iterator[Role]:
    """"A spokesperson for the alliance, Jim McNamara", "the president of Acme, Jo Ma",
    "a spokeswoman for the mayor, Jo Ma" (the mayor is a person: no organization)."""
    text = doc.text
    org: tuple[str, int] | None = None
    m = idx.mention_at(end - 1, end)
    if m is not None and m.span.end == end and idx.entity(m.entity).type in _ORG_TYPES:
        org = (m.entity, m.span.start)
    else:
        d = _DESC_OF_BEFORE.search(text[max(sent.span.start, end - 40):end])
        if d is not None:
            key = idx.resolve_described(d.group(0), at=end - len(d.group(0)))
            if key is not None and idx.entity(key).type in _ORG_TYPES:
                org = (key, end - len(d.group(0)))
    if org is None:
        yield from _title_for_holder(doc, sent, p, end)
        return
    prep = prep_ending(text[max(sent.span.start, org[1] - 12):org[1]])
    if prep is None:
        return
    tend = org[1] - prep
    words = _words_before(text, sent.span.start, tend)
    names = [w for w, _, _ in words]
    k = next((k for k in range(len(words)) if title_at(names, k) == len(words) - k), None)
    if k is None or former(text[sent.span.start:words[k][1]]):
        return
    for s, e in _titles_at(words, k):
        yield _role(p.entity, text[s:e], org[0], sent, Span(words[k][1], p.span.end), "role.title-before", 0.8)


def _title_for_holder(doc: Document, sent: Sentence, p: Mention, end: int) -> Iterator[Role]:
    """"A spokeswoman for the mayor, Jo Ma": a title held for another title's holder, no organization."""
    text = doc.text
    words = _words_before(text, sent.span.start, end)
    names = [w for w, _, _ in words]
    n = len(names)
    k2 = next((k for k in range(n) if title_at(names, k) == n - k), None)
    if k2 is None or k2 < 3 or names[k2 - 1].lower() not in ("the", "a") or names[k2 - 2].lower() not in _PREPS:
        return
    head = words[:k2 - 2]
    k = next((k for k in range(len(head)) if title_at(names, k) == len(head) - k), None)
    if k is None or former(text[sent.span.start:head[k][1]]):
        return
    for s, e in _titles_at(head, k):
        yield _role(p.entity, text[s:e], None, sent, Span(head[k][1], p.span.end), "role.title-before", 0.7)


def _description_split(idx: EntityIndex, doc: Document, sent: Sentence, words: list[tuple[str, int, int]],
                       k: int) -> tuple[int, tuple[str, int]] | None:
    """"district spokesperson Jo Ma": (index of the title proper, the district the context makes clear)."""
    names = [w for w, _, _ in words]
    if k + 1 >= len(words) or names[k].lower() not in load_map("descriptions") \
            or title_at(names, k + 1) != len(words) - k - 1 or names[-1].lower() in FIELD_TITLES:
        return None         # "airline analyst Jo Ma" covers airlines; she works for none of them
    key = idx.resolve_described(names[k], at=words[k][1]) or _described_nearby(idx, sent, names[k], words[k][1])
    if key is None or idx.entity(key).type not in _ORG_TYPES:
        return None
    return k + 1, (key, words[k][1])


def _modifiers_after_org(idx: EntityIndex, doc: Document, sent: Sentence, words: list[tuple[str, int, int]],
                         k: int) -> tuple[int, tuple[str, int]] | None:
    """"Acme shift manager", "the guild's contract chair": up to three lower-case words between
    an organization and a title -> (index of the first of them, the organization)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if not title_modifier(words[j][0]):
            return None
        org = _org_before_title(idx, doc, words[j][1], sent)
        if org is not None:
            return j, org
    return None


def _described_nearby(idx: EntityIndex, sent: Sentence, form: str, at: int) -> str | None:
    """"Board president Jo Ma" right after "The Lakeport Board of Education will meet": the one body
    of that kind named in this sentence or the one before (where salience alone ties)."""
    parsed = parse_description(form)
    if parsed is None or parsed[0]:
        return None         # "the pilots' union": the modifiers must match, which salience checks
    prev = idx.previous_sentence(sent)
    return idx.sole_entity(Span((prev or sent).span.start, at), parsed[2], parsed[1])


def _after(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention) -> Iterator[Role]:
    """", [Org['s]] title [and title] [of|at|with Org]", ", who heads Org", " with|of Org"."""
    text = doc.text
    pos = p.span.end
    rest = text[pos:sent.span.end]
    # "David Faber with CNBC", "Jane Doe of the union": affiliation, no title
    m = prep_then_space(rest, ("of", "from", "with", "at"))
    if m is not None:
        org = _org_at(idx, pos + m, text)
        if org and idx.entity(org[0]).type != "Platform" and possessive_then_word(text, org[1]) not in MODIFIER_USE:
            yield _role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.affiliation", 0.65)
        return
    # "Mary Clarke-Hughes covers health care for The Harbor City Ledger"
    m = writes_for(rest)
    if m is not None:
        org = _org_at(idx, pos + m, text)
        if org and idx.entity(org[0]).type == "MediaOutlet":
            yield _role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.writes-for", 0.7)
        return
    who = who_clause(rest)
    if who is not None:
        verb, is_verb, end = who
        start = pos + end
        if verb:
            org = _org_at(idx, start, text)
            if org:
                yield _role(p.entity, _WHO[verb], org[0], sent, Span(p.span.start, org[1]),
                            "role.who-clause", 0.75)
        elif is_verb != "was":
            yield from _appositive(doc, idx, sent, p, start, "role.who-clause")
        return
    # "Jo Ma is the president of Acme": a title stated outright, with its organization
    copula = copula_opening(rest)
    if copula is not None:
        yield from _appositive(doc, idx, sent, p, pos + copula, "role.copula", need_org=True)
        return
    # ", Acme CEO", ", the union's president", ", 54, a union steward" (an age first)
    opening = appositive_opening(rest)
    if opening is not None and not rest.startswith(("former", "ex-", "then-", "late", "onetime", "retired"), opening):
        yield from _appositive(doc, idx, sent, p, pos + opening, "role.appositive-after")


def _appositive(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention, start: int,
                rule: str, need_org: bool = False) -> Iterator[Role]:
    """Titles in an appositive starting at ``start``, with the organization before or after them."""
    text = doc.text
    cur = start
    org = _org_at(idx, cur, text)
    if org is None and its_or_their(text[cur:cur + 6]):
        # "Rae Dunmore, its chief financial officer": the organization last named in the sentence
        for mm in reversed(idx.mentions_in(Span(sent.span.start, p.span.start))):
            if idx.entity(mm.entity).type in _ORG_TYPES:
                org = (mm.entity, mm.span.start)
                break
        if org is None:
            return
        gap = next((k for k, c in enumerate(text[cur:cur + 6]) if c.isspace()), None)
        if gap is None:
            return
        cur += gap + 1
        words = _words_after(text, cur, sent.span.end)
        titles = _titles_at(words, 0)
        if titles:
            span = Span(p.span.start, titles[-1][1])
            for s, e in titles:
                yield _role(p.entity, text[s:e], org[0], sent, span, rule, 0.75)
        return
    # a description opens an appositive only as a possessive: "the airline's vice president"
    # ("an airline analyst" is a kind of analyst, not the airline's)
    if org is not None and idx.mention_at(cur, cur + 1) is None and text[org[1]:org[1] + 1] not in ("’", "'"):
        org = None
    if org is not None:
        cur = org[1]
        if text[cur:cur + 2] in ("’s", "'s"):
            cur += 2
        elif text[cur:cur + 1] in ("’", "'"):
            cur += 1
        if text[cur:cur + 1] != " ":
            return
        cur += 1
    # "Acme's longtime spokesperson": how long a title has been held is not part of it
    while (w := word_at(text, cur)) in TENURE_WORDS and text[cur + len(w):cur + len(w) + 1] == " ":
        cur += len(w) + 1
    words = _words_after(text, cur, sent.span.end)
    titles = _titles_at(words, 0)
    # "a pediatric nurse at St. Veran": lower-case words before the title are part of it,
    # when the appositive names the organization
    mods = 0 if titles else _modifier_count(words)
    if mods:
        titles = _titles_at(words, mods)
        titles[0] = (words[0][1], titles[0][1])
    if not titles:
        return
    end = titles[-1][1]
    tail_start = end
    if org is None:
        gap = title_org_gap(text[end:end + 6])
        if gap is not None:
            m, comma = gap
            o2 = _org_at(idx, end + m, text)
            if o2 is not None and (not comma or appos_end(text, o2[1])):
                org = o2
                tail_start = o2[1]
                # "president of Local 12 of the Quarry Workers Union": the unit is the organization
                of = prep_then_space(text[tail_start:tail_start + 6], ("of",))
                if of is not None and (o3 := _org_at(idx, tail_start + of, text)) is not None:
                    tail_start = o3[1]
    # "president of worldwide production at Corvid Pictures", "the airline's vice president of
    # labor relations": a lower-case "of ..." after the title is part of it
    ext = (_TITLE_OF_EXT.match(text[tail_start:tail_start + 80]) or _for_field(text, tail_start)) \
        if tail_start == end else None
    if ext:
        after_ext = end + ext.end()
        m = prep_then_space(text[after_ext:after_ext + 7], ("at", "for", "with"))
        o3 = _org_at(idx, after_ext + m, text) if m is not None and org is None else None
        if o3 is not None:
            org, tail_start = o3, o3[1]
            titles[-1] = (titles[-1][0], after_ext)
        elif org is not None:
            titles[-1] = (titles[-1][0], after_ext)
            tail_start = after_ext
        else:
            tail_start = after_ext      # "a producer of two musicals": the title stands alone
    # the appositive must end here ("the chairman of the Senate health committee" does not);
    # "the Teamsters' national director for Amazon" scopes a title whose organization is known
    if tail_start < sent.span.end and not appos_end(text, tail_start) and \
            not (org is not None and tail_start == end and scoped_for(text[end:end + 8])):
        return
    if org is None and (mods or need_org):
        return
    span = Span(p.span.start, max(tail_start, end))
    for s, e in titles:
        yield _role(p.entity, text[s:e], org[0] if org else None, sent, span, rule, 0.85 if org else 0.7)


def _for_field(text: str, pos: int) -> re.Match[str] | None:
    """" for labor relations" after a title: a field ("vice president for labor relations"), not a
    time ("organizer for two decades") nor a body ("spokesperson for Acme")."""
    m = _TITLE_FOR_EXT.match(text[pos:pos + 60])
    if m is None or not all(w in load_words("title_areas") or w == "and" for w in m.group(1).split()):
        return None
    return m


def _modifier_count(words: list[tuple[str, int, int]]) -> int:
    """How many lower-case words ("intensive care", "supply chain") stand before a title, 0 if none."""
    for j in range(1, min(4, len(words))):
        if not title_modifier(words[j - 1][0]):
            return 0
        if _titles_at(words, j):
            return j
    return 0


def _byline_roles(doc: Document, idx: EntityIndex) -> Iterator[Role]:
    """"By Jane Roe | The Lakeport Sun", "Jane Roe – Labor Reporter, The Lakeport Sun", "By Jane Roe, Sun
    Staff Writer": the byline's people write for the outlet it names, under the title it gives."""
    art = doc.article
    if art.byline is None:
        return
    line = art.byline.of(doc.text)
    parts = parse_byline(line)
    if parts is None or (parts.title is None and parts.outlet is None):
        return
    base = art.byline.start
    org = None
    if parts.outlet is not None:
        m = idx.mention_at(base + parts.outlet[0], base + parts.outlet[1])
        if m is not None and idx.entity(m.entity).type in _ORG_TYPES:
            org = m.entity
    title = line[parts.title[0]:parts.title[1]] if parts.title else None
    if org is None and title is None:
        return
    for a, b in parts.names:
        m = idx.mention_at(base + a, base + b)
        if m is not None and idx.entity(m.entity).type == "Person":
            yield Role(m.entity, title, org, Evidence(art.byline, art.byline, "role.byline", 0.8))


def _credit(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention) -> Iterator[Role]:
    """"(Dana Whitfield / The Harbor City Ledger)", "Photo: Dana Whitfield/Reuters": a credit."""
    text = doc.text
    slash = credit_slash_end(text[p.span.end:p.span.end + 4])
    if slash is None:
        return
    org = _org_at(idx, p.span.end + slash, text)
    if org and idx.entity(org[0]).type in ("MediaOutlet", "Company", "Organization"):
        yield _role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.credit", 0.7)


