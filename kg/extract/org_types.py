"""Types from what a name is made of: an organization's head noun or company suffix ("Guild",
"Inc."), a union local's number, the outlet and platform lexicons, a given name, an honorific.

``org_type`` reads the words of an organization name; ``type_intrinsic`` types a candidate
from its own words (and an honorific or title right before it) before any context is read.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import load, load_flagged, load_lower, load_map, load_words_cased
from .names import Candidate, is_given, is_name_word, is_personal, lone
from .resolve import norm
from .scan import ASCII_LOWER, ASCII_UPPER

# "Local 19", "District 751", "Lodge 9": numbered units of a union
NUMBERED_UNITS = frozenset({"Local", "District", "Lodge", "Region", "Chapter", "Council"})
# words that may follow an organization's head noun inside its name ("Writers Guild West")
_AFTER_HEAD = frozenset("""local east west north south central eastern western northern southern national
international america usa inc co corp llc united""".split())
# the word before "Council", "Commission" or "Board" in the name of a local government's body
_CIVIC = frozenset("city county town borough municipal village parish".split())
# the chambers of a legislature, whose committees are government bodies
_LEGISLATURES = frozenset("senate house assembly congressional legislative parliamentary".split())
# "Board of Trustees", "Board of Regents": who sit on an institution's own board
_GOVERNORS = frozenset("regents trustees directors governors visitors".split())
_PARTNER_CHARS = ASCII_UPPER | frozenset("0123456789&")


def _partner_acronym(word: str) -> bool:
    """Does ``word`` end in a hyphen and a partner's acronym ("Guild-AFVA", ``-[A-Z0-9&]{2,}$``)?"""
    k = word.rfind("-")
    return k >= 0 and len(word) - k > 2 and all(c in _PARTNER_CHARS for c in word[k + 1:])


def _union_local(words: str) -> bool:
    """"local 19", "local 4b" (``local \\d+[a-z]?``)."""
    if not words.startswith("local "):
        return False
    rest = words[6:]
    if rest and rest[-1] in ASCII_LOWER:
        rest = rest[:-1]
    return rest.isdecimal()


def org_type(words: list[str]) -> tuple[str, str] | None:
    """(type, rule) of an organization name from its head noun or suffix, or None."""
    return _org_type(tuple(words))


@lru_cache(maxsize=8192)
def _org_type(words: tuple[str, ...]) -> tuple[str, str] | None:
    if not words:
        return None
    # "Guild-AFVA", "Professionals-UTW": a merged body's name ends in the partner's acronym
    low = []
    for w in words:
        lw = w.lower()
        if _partner_acronym(w):
            lw = lw[:lw.rfind("-")]
        low.append(lw.rstrip("."))
    heads = load_map("org_heads")
    suffixes = load("org_suffixes")
    members = load_map("member_nouns")
    if " ".join(words) in load("government_bodies"):
        return "GovernmentBody", "entity.government-lexicon"
    if len(words) >= 2 and words[-1].isdigit() and words[-2] in NUMBERED_UNITS:
        return "Union", "entity.union-local"
    # "City of Lakeport", "County of Marion": a local government named for its place
    if len(words) >= 3 and low[0] in _CIVIC and low[1] == "of" and words[2][:1].isupper():
        return "GovernmentBody", "entity.civic-of"
    prep = next((i for i, w in enumerate(low) if w in ("of", "for")), None)
    before = low[:prep] if prep is not None else low
    head = next((w for w in reversed(before) if w in heads), None)
    if len(words) >= 3 and words[-2] in suffixes and words[-1] in ("International", "Worldwide", "Global",
                                                                   "USA", "America", "Americas"):
        return "Company", "entity.org-suffix"
    # "Acme Corp.", "Tallow Container Line": a two-word suffix counts from the name's last two words
    if len(words) >= 2 and (words[-1] in suffixes or words[-1].rstrip(".") in suffixes
                            or len(words) >= 3 and " ".join(words[-2:]) in suffixes) and \
            (head is None or "of" not in low):
        # "Interactive Media Employers Group": a group of employers is a trade association
        if low[-1] in ("group", "council", "coalition") and any(members.get(w) == "TradeAssociation" for w in low):
            return "TradeAssociation", "entity.employers-group"
        return "Company", "entity.org-suffix"
    head = head or next((w for w in reversed(low) if w in heads), None)
    if head is not None:
        # the head ends the name (or comes before "of", "Local 19", "West"): "Teamsters Authorize
        # Strike" is a headline, not a union
        after = before[len(before) - before[::-1].index(head):] if head in before else \
            low[len(low) - low[::-1].index(head):]
        if after and not all(w in _AFTER_HEAD or w.isdigit() or w in (s.lower() for s in suffixes) for w in after):
            return None
    if head is None:
        if _union_local(" ".join(low[-2:])):
            return "Union", "entity.union-local"
        return None
    if len(words) == 1 and low[0] in lone():
        return None
    kind = heads[head]
    # "Lakeport City Council", "Marion County Commission": a local government's council
    at = low.index(head)
    if head in ("council", "commission", "board") and at > 0 and low[at - 1] in _CIVIC:
        return "GovernmentBody", f"entity.head-{head}-civic"
    if kind in ("Association", "Union", "Guild"):
        member = next((members[w] for w in low if w in members and w != head), None)
        if kind == "Association":
            kind = member or "TradeAssociation"
            if member is None:
                return kind, f"entity.head-{head}-default"
        elif kind == "Union" and member == "TradeAssociation" and head != "union":
            kind = "TradeAssociation"
    elif head == "board" and low[at + 1:at + 2] == ["of"] and low[-1] in _GOVERNORS:
        kind = "Organization"           # "Board of Trustees": an institution's governing board
    elif head in ("committee", "subcommittee") and any(w in _LEGISLATURES for w in low[:at]):
        kind = "GovernmentBody"         # "Senate Finance Committee": a legislature's committee
    elif kind == "Organization" and head in ("league", "coalition", "committee", "conference", "council"):
        kind = next((members[w] for w in low if w in members), kind)
    elif kind == "GovernmentBody" and head in ("board", "council", "committee") and \
            any(members.get(w) and w.endswith("s") for w in low):
        kind = "Organization"           # "Skyward Pilots Board" is not a government board
    return kind, f"entity.head-{head}"


# two-word ends of broadcasters' names ("Lakeport Public Media"): "Media" alone more often ends a
# company's name ("Acme Media")
OUTLET_TAILS = frozenset({"Public Media", "Public Radio", "Public Broadcasting", "Public Television"})


def type_intrinsic(c: Candidate) -> None:
    """Type a candidate from its own words (and honorifics or titles right before it)."""
    words = [t.text for t in c.tokens]
    body = words[1:] if words[0] == "The" and len(words) > 1 else words
    full_norm = norm(" ".join(words))
    outlets, platforms = load_flagged("media_outlets"), load_flagged("platforms")
    if full_norm in outlets:
        # "The Atlantic" is an outlet; "the Atlantic ports" is an ocean: a word that is no name
        # alone needs the outlet's "The" (or words around it that cite an outlet)
        bare = len(words) == 1 and words[0].lower() in lone()
        if outlets[full_norm] != "context" and not bare:
            c.assign("MediaOutlet", "entity.outlet-lexicon", 0.9)
        c.cues.add("outlet-lexicon")
        return
    if full_norm in platforms:
        if platforms[full_norm] != "context":
            c.assign("Platform", "entity.platform-lexicon", 0.9)
        c.cues.add("platform-lexicon")
        return
    if " ".join(body).lower() in load_lower("places"):
        c.cues.add("place")
        return
    if len(body) >= 3 and " ".join(body[-2:]) in OUTLET_TAILS and not is_given(body[0]):
        c.assign("MediaOutlet", "entity.outlet-tail", 0.8)
        return
    outlet_heads = load_words_cased("outlet_heads")
    if "of" in body and body.index("of") > 0 and body[body.index("of") - 1] in outlet_heads:
        c.cues.add("outlet-head")       # "Journal of Commerce"
    if len(body) >= 2 and (body[-1] in outlet_heads or body[-1].split("-")[-1] in outlet_heads) \
            and not is_given(body[0]) and org_type(body) is None:
        c.cues.add("outlet-head")
        # "readers of The Lakeport Courier": a capitalized "The" inside a sentence belongs to
        # the name, and a name that keeps its "The" and ends like a newspaper's is an outlet
        if words[0] == "The" and not c.initial:
            c.assign("MediaOutlet", "entity.outlet-the-head", 0.75)
    found = org_type(body)
    if found:
        c.assign(found[0], found[1], 0.8 if found[1].endswith("-default") else 0.85)
        return
    if c.honorific and all(is_name_word(w) for w in body) and len(body) <= 4:
        c.assign("Person", "entity.honorific", 0.9)
        return
    if is_personal(body):
        if is_given(body[0]):
            c.assign("Person", "entity.given-name", 0.85)
        elif c.title_before:
            c.assign("Person", "entity.after-title", 0.8)
        else:
            c.cues.add("person-shaped")
