"""Roles stated after a person's name: an appositive (", Acme CEO", ", the union's president",
", president of worldwide production at Corvid Pictures"), a who-clause (", who heads the union"),
a copula ("is the president of Acme"), a bare affiliation ("with CNBC", "of the union") or a
beat ("covers labor for The Lakeport Sun").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Mention, Role, Sentence, Span
from .lexicon import load_words
from .resolve import EntityIndex
from .role_cues import (FIELD_TITLES, MODIFIER_USE, TENURE_WORDS, appos_end, appositive_opening, copula_opening,
                        its_or_their, prep_then_space, scoped_for, second_appositive, title_org_gap, unit_after,
                        who_clause, writes_for)
from .role_orgs import ORG_TYPES, org_at
from .role_words import modifier_count, new_role, titles_at, words_after
from .scan import Lazy, possessive_then_word, skip_space, word_at

_WHO = {"heads": "head", "leads": "leader", "chairs": "chair", "runs": "head", "founded": "founder",
        "co-founded": "co-founder", "directs": "director"}
_TITLE_OF_EXT = Lazy(r"\s+of\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)((?:[A-Za-z][\w\-]*\s+){0,5}[a-z][\w\-]*)"
                     r"(?=\s+(?:at|for|with)\s|\s*[,.;]|\s*$)")
_TITLE_FOR_EXT = Lazy(r"\s+for\s+((?:[a-z]+\s+){0,3}[a-z]+)(?=\s+(?:at|with)\s|\s*[,.;]|\s*$)")


def roles_after(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention) -> Iterator[Role]:
    """", [Org['s]] title [and title] [of|at|with Org]", ", who heads Org", " with|of Org"."""
    text = doc.text
    pos = p.span.end
    rest = text[pos:sent.span.end]
    # "David Faber with CNBC", "Jane Doe of the union": affiliation, no title
    m = prep_then_space(rest, ("of", "from", "with", "at"))
    if m is not None:
        org = org_at(idx, pos + m, text)
        if org and idx.entity(org[0]).type != "Platform" and possessive_then_word(text, org[1]) not in MODIFIER_USE:
            yield new_role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.affiliation", 0.65)
        return
    # "Mary Clarke-Hughes covers health care for The Harbor City Ledger"
    m = writes_for(rest)
    if m is not None:
        org = org_at(idx, pos + m, text)
        if org and idx.entity(org[0]).type == "MediaOutlet":
            yield new_role(p.entity, None, org[0], sent, Span(p.span.start, org[1]), "role.writes-for", 0.7)
        return
    who = who_clause(rest)
    if who is not None:
        verb, is_verb, end = who
        start = pos + end
        if verb:
            org = org_at(idx, start, text)
            if org:
                yield new_role(p.entity, _WHO[verb], org[0], sent, Span(p.span.start, org[1]),
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
        first = list(_appositive(doc, idx, sent, p, pos + opening, "role.appositive-after"))
        yield from first
        # "Jo Ma, a nurse at Acme and the union's vice president": a second title, with its own body
        end = max((r.evidence.span.end for r in first if r.organization), default=None)
        second = second_appositive(text[end:end + 12]) if end is not None else None
        if second is not None and not text.startswith(("former", "ex-"), end + second):
            yield from _appositive(doc, idx, sent, p, end + second, "role.appositive-after", need_org=True,
                                   second=True)


def _appositive(doc: Document, idx: EntityIndex, sent: Sentence, p: Mention, start: int,
                rule: str, need_org: bool = False, second: bool = False) -> Iterator[Role]:
    """Titles in an appositive starting at ``start``, with the organization before or after them."""
    text = doc.text
    cur = start
    org = org_at(idx, cur, text)
    if org is None and its_or_their(text[cur:cur + 6]):
        # "Rae Dunmore, its chief financial officer": the organization last named in the sentence
        for mm in reversed(idx.mentions_in(Span(sent.span.start, p.span.start))):
            if idx.entity(mm.entity).type in ORG_TYPES:
                org = (mm.entity, mm.span.start)
                break
        if org is None:
            return
        gap = next((k for k, c in enumerate(text[cur:cur + 6]) if c.isspace()), None)
        if gap is None:
            return
        cur += gap + 1
        words = words_after(text, cur, sent.span.end)
        titles = titles_at(words, 0)
        if titles:
            span = Span(p.span.start, titles[-1][1])
            for s, e in titles:
                yield new_role(p.entity, text[s:e], org[0], sent, span, rule, 0.75)
        return
    # a description opens an appositive only as a possessive: "the airline's vice president"
    # ("an airline analyst" is a kind of analyst, not the airline's)
    # (after a first title, "and a guild organizer" names the guild: a second post, not a field)
    if org is not None and idx.mention_at(cur, cur + 1) is None and text[org[1]:org[1] + 1] not in ("’", "'") \
            and not (second and word_at(text, skip_space(text, org[1])) not in FIELD_TITLES):
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
    words = words_after(text, cur, sent.span.end)
    titles = titles_at(words, 0)
    # "a pediatric nurse at St. Veran": lower-case words before the title are part of it,
    # when the appositive names the organization
    mods = 0 if titles else modifier_count(words)
    if mods:
        titles = titles_at(words, mods)
        titles[0] = (words[0][1], titles[0][1])
    if not titles:
        return
    end = titles[-1][1]
    tail_start = end
    if org is None:
        gap = title_org_gap(text[end:end + 6])
        if gap is not None:
            m, comma = gap
            o2 = org_at(idx, end + m, text)
            if o2 is not None and (not comma or appos_end(text, o2[1])):
                org = o2
                tail_start = o2[1]
                # "co-chair of the guild's negotiating committee": a committee of the body is the body's
                # (a legislature's committee is a body of its own: "the Senate health committee")
                if idx.entity(o2[0]).type != "GovernmentBody" and (unit := unit_after(text, tail_start)) is not None:
                    tail_start = unit
                # "president of Local 12 of the Quarry Workers Union": the unit is the organization
                of = prep_then_space(text[tail_start:tail_start + 6], ("of",))
                if of is not None and (o3 := org_at(idx, tail_start + of, text)) is not None:
                    tail_start = o3[1]
    # "president of worldwide production at Corvid Pictures", "the airline's vice president of
    # labor relations": a lower-case "of ..." after the title is part of it
    ext = (_TITLE_OF_EXT.match(text[tail_start:tail_start + 80]) or _for_field(text, tail_start)) \
        if tail_start == end else None
    if ext:
        after_ext = end + ext.end()
        m = prep_then_space(text[after_ext:after_ext + 7], ("at", "for", "with"))
        o3 = org_at(idx, after_ext + m, text) if m is not None and org is None else None
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
        yield new_role(p.entity, text[s:e], org[0] if org else None, sent, span, rule, 0.85 if org else 0.7)


def _for_field(text: str, pos: int) -> re.Match[str] | None:
    """" for labor relations" after a title: a field ("vice president for labor relations"), not a
    time ("organizer for two decades") nor a body ("spokesperson for Acme")."""
    m = _TITLE_FOR_EXT.match(text[pos:pos + 60])
    if m is None or not all(w in load_words("title_areas") or w == "and" for w in m.group(1).split()):
        return None
    return m
