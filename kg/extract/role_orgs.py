"""The organization a title belongs to: named next to it ("Acme CEO", "president of Acme",
"Acme's chief executive") or described ("union president", "its president", "the district"),
resolved to an entity through the context (``resolve.EntityIndex``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Sentence, Span
from .lexicon import load_map
from .resolve import EntityIndex, parse_description
from .role_cues import FIELD_TITLES, size_modifier_end, title_modifier
from .scan import last_word
from .titles import title_at

ORG_TYPES = frozenset({"Guild", "Union", "Company", "TradeAssociation", "MediaOutlet", "GovernmentBody",
                        "Organization"})


@lru_cache(maxsize=1)
def _desc_before() -> re.Pattern[str]:
    """"union president", "the local's president", "the pilots' association's chairman"."""
    heads = "|".join(re.escape(h) for h in sorted(load_map("descriptions"), key=len, reverse=True))
    return re.compile(rf"(?:\b(?:the|its|their)\s+)?(?:[a-z]+[’']\s+)?\b({heads})(?:[’']s)?\s+$", re.I)


@lru_cache(maxsize=1)
def _desc_at() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(load_map("descriptions"), key=len, reverse=True))
    return re.compile(rf"(?:(?:the|its|their)\s+)?(?:[a-z]+[’']\s+)?({heads})\b(?![\-])", re.I)


def org_ending_at(idx: EntityIndex, pos: int, text: str, possessive: bool = False) -> tuple[str, int] | None:
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
    if m is None or m.span.end != end or idx.entity(m.entity).type not in ORG_TYPES:
        return None
    return m.entity, m.span.start


def org_at(idx: EntityIndex, pos: int, text: str) -> tuple[str, int] | None:
    """An organization named starting at ``pos`` (a name, or a description the context resolves)."""
    if text[pos:pos + 4] in ("the ", "The "):
        found = org_at(idx, pos + 4, text)
        if found is not None:
            return found
    # "the 3,000-member Quarry Workers Union", "the 1,400-strong local": a size before the name
    if (k := size_modifier_end(text, pos)) is not None:
        return org_at(idx, k, text)
    m = idx.mention_at(pos, pos + 1)
    if m is not None and m.span.start == pos and idx.entity(m.entity).type in ORG_TYPES:
        return m.entity, m.span.end
    d = _desc_at().match(text, pos)
    if d is not None:
        key = idx.resolve_described(d.group(0), at=pos)
        if key is not None and idx.entity(key).type in ORG_TYPES:
            return key, d.end()
    return None


def org_before_title(idx: EntityIndex, doc: Document, tstart: int, sent: Sentence) -> tuple[str, int] | None:
    """The organization a title before a name belongs to: "Disney CEO", "Acme's chief executive",
    "union president", "its president" (the organization last named in the sentence)."""
    text = doc.text
    org = org_ending_at(idx, tstart - 1, text) or org_ending_at(idx, tstart - 1, text, possessive=True)
    if org:
        return org
    m = _desc_before().search(text, max(sent.span.start, tstart - 60), tstart)
    if m is not None and m.end() == tstart:
        # the body of that kind the text just named, else the most salient one
        key = described_nearby(idx, sent, m.group(0).strip(), m.start()) or \
            idx.resolve_described(m.group(0).strip(), at=m.start())
        if key and idx.entity(key).type in ORG_TYPES:
            return key, m.start()
    gap = text[max(sent.span.start, tstart - 8):tstart]
    det = last_word(gap)
    if det in ("its", "their", "Its", "Their"):
        start = tstart - (len(gap) - len(gap.rstrip()) + len(det))
        for mm in reversed(idx.mentions_in(Span(sent.span.start, start))):
            if idx.entity(mm.entity).type in ORG_TYPES:
                return mm.entity, start
        # "Its chief executive, ..." opening a sentence: the body the last sentence was about
        prev = [s for s in doc.sentences if s.span.end <= sent.span.start]
        if prev and start == sent.span.start:
            orgs = [mm for mm in idx.mentions_in(prev[-1].span) if idx.entity(mm.entity).type in ORG_TYPES]
            # the subject of that sentence, named or described ("The association, which ...")
            if orgs and orgs[0].span.start == prev[-1].span.start:
                return orgs[0].entity, start
            for mm in orgs:
                if not _is_desc(mm.form):
                    return mm.entity, start
    return None


def in_org_name(idx: EntityIndex, offset: int) -> bool:
    m = idx.mention_at(offset, offset + 1)
    return m is not None and idx.entity(m.entity).type in ORG_TYPES and m.span.start < offset


def _is_desc(form: str) -> bool:
    return form[:1].islower() or form.lower().startswith(("the ", "its ", "their "))


def description_split(idx: EntityIndex, doc: Document, sent: Sentence, words: list[tuple[str, int, int]],
                       k: int) -> tuple[int, tuple[str, int]] | None:
    """"district spokesperson Jo Ma": (index of the title proper, the district the context makes clear)."""
    names = [w for w, _, _ in words]
    if k + 1 >= len(words) or names[k].lower() not in load_map("descriptions") \
            or title_at(names, k + 1) != len(words) - k - 1 or names[-1].lower() in FIELD_TITLES:
        return None         # "airline analyst Jo Ma" covers airlines; she works for none of them
    key = idx.resolve_described(names[k], at=words[k][1]) or described_nearby(idx, sent, names[k], words[k][1])
    if key is None or idx.entity(key).type not in ORG_TYPES:
        return None
    return k + 1, (key, words[k][1])


def modifiers_after_org(idx: EntityIndex, doc: Document, sent: Sentence, words: list[tuple[str, int, int]],
                         k: int) -> tuple[int, tuple[str, int]] | None:
    """"Acme shift manager", "the guild's contract chair": up to three lower-case words between
    an organization and a title -> (index of the first of them, the organization)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if not title_modifier(words[j][0]):
            return None
        org = org_before_title(idx, doc, words[j][1], sent)
        if org is not None:
            return j, org
    return None


def described_nearby(idx: EntityIndex, sent: Sentence, form: str, at: int) -> str | None:
    """"Board president Jo Ma" right after "The Lakeport Board of Education will meet": the one body
    of that kind named in this sentence or the one before (where salience alone ties)."""
    parsed = parse_description(form)
    if parsed is None or parsed[0]:
        return None         # "the pilots' union": the modifiers must match, which salience checks
    prev = idx.previous_sentence(sent)
    return idx.sole_entity(Span((prev or sent).span.start, at), parsed[2], parsed[1])
