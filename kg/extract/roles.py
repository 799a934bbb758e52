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
- role.title-of-after:   "Labor law professor Jo Ma of Westbrook University" (title before, body after)
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

from collections.abc import Iterator

from ..document import Document, Mention, Role, Sentence, Span
from .resolve import EntityIndex
from .role_appositives import roles_after
from .role_bylines import byline_roles, credit_roles
from .role_cues import IMPLIED_ORG, SPOKES_TITLES, TENURE_WORDS, former, prep_ending, prep_then_space, title_modifier
from .role_orgs import (ORG_TYPES, description_split, in_org_name, modifiers_after_org, org_before_title,
                        org_ending_at)
from .role_words import new_role, titles_at, words_before
from .scan import Lazy, last_word
from .titles import is_exec_title, title_at

_PREPS = frozenset({"for", "of", "to", "with", "from", "by"})
_DESC_OF_BEFORE = Lazy(r"\b(?:the|its|their)\s+(?:[a-z]+[’']\s+)?([a-z]+(?: [a-z]+)?)$")


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
    for role in byline_roles(doc, idx):
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
        after = list(roles_after(doc, idx, sent, m))
        before = _title_then_of_org(doc, sent, before, after)
        yield from before
        carried = None
        if before and before[0].organization and prep_then_space(text[m.span.end:m.span.end + 6], ("and",)):
            carried = (before[0].organization, before[0].evidence.span.start)
        yield from after
        # "Orbit's Lena Park": an organization's possessive right before the name
        org = org_ending_at(idx, m.span.start - 1, text, possessive=True)
        if org is not None:
            yield new_role(m.entity, None, org[0], sent, Span(org[1], m.span.end), "role.possessive", 0.7)
        yield from credit_roles(doc, idx, sent, m)


def _title_then_of_org(doc: Document, sent: Sentence, before: list[Role], after: list[Role]) -> list[Role]:
    """"Labor law professor Jo Ma of Westbrook University", "mediator Jo Ma of the State Labor
    Board": a title before the name whose organization is named right after it (role.title-of-after).
    The organization is named around the title, so its lower-case modifiers are part of it."""
    if not before or any(r.organization for r in before):
        return before
    aff = [r for r in after if r.title is None and r.evidence.rule == "role.affiliation"]
    if len(aff) != 1:
        return before
    text = doc.text
    out = []
    for r in before:
        start = r.evidence.span.start
        if len(before) == 1:
            start = _modifiers_start(text, sent, start)
        title = text[start:r.evidence.span.start + len(r.title or "")]
        out.append(new_role(r.person, title, aff[0].organization, sent,
                            Span(start, aff[0].evidence.span.end), "role.title-of-after", 0.8))
    return out


def _modifiers_start(text: str, sent: Sentence, start: int) -> int:
    """Where the lower-case words before a title start ("labor law" professor); a capital only
    on the sentence's first word ("Labor law professor ...")."""
    words = words_before(text, sent.span.start, start - 1) if text[start - 1:start] == " " else []
    k = len(words)
    while k > 0 and len(words) - k < 3:
        w = words[k - 1][0]
        first = words[k - 1][1] == sent.span.start
        if not (title_modifier(w) or (first and title_modifier(w[:1].lower() + w[1:]))) or w in TENURE_WORDS:
            break
        k -= 1
    return words[k][1] if k < len(words) else start


def _implied_org(idx: EntityIndex, role: Role) -> Role:
    """"Superintendent Jo Ma" in a story about one school district: a title that names its kind of
    body ("superintendent" -> the district) takes the one such body the context makes clear."""
    if role.organization is not None or not role.title:
        return role
    desc = IMPLIED_ORG.get(role.title.lower().split()[-1])
    # "Chief Executive Jo Ma said ...": a company officer's title names no body, but only a
    # company has one, so it is the company the story is about
    if desc is None and is_exec_title(role.title):
        desc = "the company"
    key = idx.resolve_described(desc, at=role.evidence.span.start) if desc else None
    if key is None or idx.entity(key).type not in ORG_TYPES:
        return role
    if desc == "the company" and idx.entity(key).type != "Company":
        return role
    return Role(role.person, role.title, key, role.evidence)


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
    words = words_before(text, sent.span.start, end)
    if not words:
        return
    names = [w for w, _, _ in words]
    # the title starts after any organization name ("Paramount Global co-CEO": not "Global co-CEO")
    found = next((k for k in range(len(words)) if title_at(names, k) == len(words) - k
                  and not in_org_name(idx, words[k][1])), None)
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
        j = next((jj for jj in range(k - 1) if title_at(names, jj) == k - 1 - jj
                  and not in_org_name(idx, words[jj][1])), None)
        if j is None:
            break
        k = j
    tstart = words[k][1]
    if former(text[sent.span.start:tstart]):
        return
    org = org_before_title(idx, doc, tstart, sent)
    if org is not None and text[org[1]].islower() and (named := org_ending_at(idx, org[1] - 1, text)
                                                       or org_ending_at(idx, org[1] - 1, text, possessive=True)):
        # "Brightpine Games studio head": after a name, the description word is part of the title
        k, org = next(j for j in range(k) if words[j][1] == org[1]), named
        tstart = words[k][1]
    if org is None:
        # "district spokesperson Jo Ma": the title's first word is a description of the organization
        split = description_split(idx, doc, sent, words, k)
        # "Acme shift manager Jo Ma", "the guild's contract chair, Jo Ma": words between the
        # organization and the title are part of the title
        mods = modifiers_after_org(idx, doc, sent, words, k) if split is None else None
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
        key = idx.sole_entity(prev.span, ORG_TYPES - {"MediaOutlet"}) \
            if prev is not None and names[k].lower() in SPOKES_TITLES else None
        for s_, e_ in titles_at(words, k):
            yield new_role(p.entity, text[s_:e_], key, sent, Span(tstart, p.span.end), "role.title-before",
                        0.75 if key else 0.65)
        return
    if comma and org is None and not names[k][:1].isupper() and \
            last_word(text[max(sent.span.start, tstart - 7):tstart]) not in ("The", "the", "Its", "its", "Their", "their"):
        return              # "..., said president" is not a title before a name; "The culture secretary, X" is
    span_start = min(org[1], tstart) if org else tstart
    if former(text[sent.span.start:span_start]):
        return              # "Former Acme CEO Bob Smith"
    titles = titles_at(words, k)
    if not titles:
        # modifiers before the title: "plant manager" is one title
        titles = [(words[k][1], words[-1][2])]
    for s, e in titles:
        yield new_role(p.entity, text[s:e], org[0] if org else None, sent, Span(span_start, p.span.end),
                    "role.title-before", 0.85 if org else 0.7)


def _title_of_org_before(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention, end: int) -> Iterator[Role]:
    """"A spokesperson for the alliance, Jim McNamara", "the president of Acme, Jo Ma",
    "a spokeswoman for the mayor, Jo Ma" (the mayor is a person: no organization)."""
    text = doc.text
    org: tuple[str, int] | None = None
    m = idx.mention_at(end - 1, end)
    if m is not None and m.span.end == end and idx.entity(m.entity).type in ORG_TYPES:
        org = (m.entity, m.span.start)
    else:
        d = _DESC_OF_BEFORE.search(text[max(sent.span.start, end - 40):end])
        if d is not None:
            key = idx.resolve_described(d.group(0), at=end - len(d.group(0)))
            if key is not None and idx.entity(key).type in ORG_TYPES:
                org = (key, end - len(d.group(0)))
    if org is None:
        yield from _title_for_holder(doc, sent, p, end)
        return
    prep = prep_ending(text[max(sent.span.start, org[1] - 12):org[1]])
    if prep is None:
        return
    tend = org[1] - prep
    words = words_before(text, sent.span.start, tend)
    names = [w for w, _, _ in words]
    k = next((k for k in range(len(words)) if title_at(names, k) == len(words) - k), None)
    if k is None or former(text[sent.span.start:words[k][1]]):
        return
    for s, e in titles_at(words, k):
        yield new_role(p.entity, text[s:e], org[0], sent, Span(words[k][1], p.span.end), "role.title-before", 0.8)


def _title_for_holder(doc: Document, sent: Sentence, p: Mention, end: int) -> Iterator[Role]:
    """"A spokeswoman for the mayor, Jo Ma": a title held for another title's holder, no organization."""
    text = doc.text
    words = words_before(text, sent.span.start, end)
    names = [w for w, _, _ in words]
    n = len(names)
    k2 = next((k for k in range(n) if title_at(names, k) == n - k), None)
    if k2 is None or k2 < 3 or names[k2 - 1].lower() not in ("the", "a") or names[k2 - 2].lower() not in _PREPS:
        return
    head = words[:k2 - 2]
    k = next((k for k in range(len(head)) if title_at(names, k) == len(head) - k), None)
    if k is None or former(text[sent.span.start:head[k][1]]):
        return
    for s, e in titles_at(head, k):
        yield new_role(p.entity, text[s:e], None, sent, Span(head[k][1], p.span.end), "role.title-before", 0.7)
