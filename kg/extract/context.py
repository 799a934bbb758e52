"""Types from the words around a name: "Disney CEO", "per Variety", "posted on X", "shares of
Paramount Global", ", which represents 40 studios", "studios such as Orbit and Calder".

``apply_context`` runs over all of an article's candidates at once, because some rules need
the others: a name once used as a place is a place everywhere, a surname that speaks alone
elsewhere makes a person-shaped name a person, an acronym used twice names a body.
"""
from __future__ import annotations

from .context_cues import (DESC_TYPE, after_words, appositive_after, appositive_before, closing_paren_dash,
                           dateline_after, dateline_before, firm_after, list_region_length, list_region_starts,
                           outlet_cited_after, outlet_cited_before, outlet_reported, person_after, person_before,
                           person_name_next, photo_credit_before, place_before, platform_after, platform_before,
                           represented_after, represents, shares_after, shares_before, speech_after, told_before)
from .lexicon import load_flagged, load_lower, load_words
from .names import CONNECTORS, Candidate, is_given, lone, never
from .resolve import norm
from .scan import Lazy, fold, has_word, last_word, skip_space, word_ending
from .titles import is_exec_title, is_occupation, title_at

_GOV_TITLES = frozenset({"governor", "lieutenant governor", "mayor", "attorney general", "secretary of state"})
_UNION_WORDS = ("union", "unions", "guild", "members", "strike", "strikes", "striking", "picket", "bargaining")
_COMPANY_WORDS = ("company", "companies", "shares", "stock", "investors", "earnings", "revenue", "profit", "profits",
                  "chief executive", "CEO", "subsidiary", "customers")
# up to five words, then "of"/"at" ending the text: "the president of ", "an analyst at "
_TITLE_OF = Lazy(r"((?:[A-Za-z][\w\-]*\s+){1,5})(?:of|at)\s+(?:the\s+)?$")


def apply_context(cands: list[Candidate], text: str) -> None:
    """Give untyped (or lexicon-flagged) candidates a type from the words around them."""
    persons = {c.span.start for c in cands if c.type == "Person"}
    list_regions: list[tuple[int, int]] = []
    for sent in {c.sentence for c in cands}:
        s = sent.of(text)
        for end in list_region_starts(s):
            length = list_region_length(s[end:])
            list_regions.append((sent.start + end, sent.start + end + (length if length is not None else len(s))))
    lone_ = lone()
    for c in cands:
        # "Morgan Stanley analysts", "Grant Thornton economists": a firm named like a person
        if c.type == "Person" and c.honorific is None and firm_after(text, c.span.end):
            c.type, c.rule, c.confidence = "Company", "entity.firm-context", 0.75
            continue
        if c.type == "Person":
            continue
        before = text[c.sentence.start:c.span.start]
        after = text[c.span.end:c.sentence.end]
        rest = after[2:] if c.poss else after
        single_lone = len(c.tokens) == 1 and c.tokens[0].text.lower() in lone_
        if single_lone:
            continue
        # "in Lakeport", "near Millhaven": a location, not an organization's short name ("outside
        # Acme's offices" names the offices' owner)
        if place_before(before) and not c.type and not c.poss:
            c.cues.add("place")
        # a dateline opening a paragraph: "LAKEPORT — ...", "MILLHAVEN (AP) — ...", "BRACKETT, Maine, Oct 8
        # (Reuters) - ...": the city is a place, not an organization's short name
        if not c.type and c.span.start == c.sentence.start and text[c.span.start - 1:c.span.start] in ("", "\n") \
                and c.text.isupper() and len(c.text) > 3 and dateline_after(after):
            c.cues.add("place")
        place = "place" in c.cues
        # "Disney CEO", "Acme's chief executive", "Ohio Governor": a title right after the name
        words_after = after_words(rest[:80])
        if rest[:1] == " " and words_after and not (c.type and c.confidence >= 0.85):
            n = title_at(words_after, 0)
            if n:
                title = " ".join(words_after[:n])
                if place or title.lower() in _GOV_TITLES:
                    # "Lakeport Mayor Ann Vale", "Ohio Governor Tom Hart": the name is a place, and
                    # a place is no organization
                    c.cues.add("place")
                elif is_exec_title(title):
                    c.assign("Company", "entity.exec-title", 0.8)
                # "Striking nurse Jo Ma": an occupation opening a sentence follows an adjective
                # "Sports columnist Jo Ma", "Business editor Jo Ma": a field, not an employer
                elif c.type is None and "person-shaped" not in c.cues and \
                        not (c.initial and len(c.tokens) == 1 and c.text.lower() in load_words("title_areas")) and \
                        (not c.initial or not is_occupation(title) and
                         person_name_next(rest[len(" ".join(words_after[:n])) + 1:])):
                    c.assign("Organization" if c.acronym else "Company", "entity.title-after", 0.6)
                c.cues.add("title-after")
                continue
        if place:
            continue
        if "platform-lexicon" in c.cues:
            if platform_before(before) or platform_after(rest) or _platform_listed_before(before):
                c.assign("Platform", "entity.platform-context", 0.85)
            continue
        outletish = "outlet-lexicon" in c.cues or "outlet-head" in c.cues or "®" in c.text
        if (c.type is None or outletish) and _outlet_context(c, before, after, outletish):
            continue
        # "president of Southpaw Sounds", "an analyst at Crane & Holt": the title's organization
        if c.type is None and not c.initial and (t := _title_right_before(before)) is not None:
            if t.lower() in _GOV_TITLES:
                c.cues.add("place")         # "the mayor of Lakeport": a place
            elif is_exec_title(t):
                c.assign("Company", "entity.title-of", 0.7)
            elif not all(w.lower() in load_words("title_areas") for w in c.text.split()):
                c.assign("Organization" if c.acronym else "Company", "entity.title-of", 0.6)
            continue
        head = appositive_after(after) or appositive_before(before) if c.type is None else None
        # fold as re.I matched ("unıon" with a dotless i): an unknown head is no evidence
        if head and (desc := DESC_TYPE.get(fold(head).lower())):
            c.assign(desc, "entity.appositive-description", 0.75)
            continue
        if c.type is None and not is_given(c.tokens[0].text) and \
                any(a <= c.span.start < b for a, b in list_regions):
            c.assign("Company", "entity.company-list", 0.7)
            continue
        # "shares of Paramount Global", "Calder shares rose": only companies have shares
        if c.type is None and not c.initial and (shares_before(before) or shares_after(after)):
            c.assign("Organization" if c.acronym else "Company", "entity.shares", 0.7)
            continue
        # "pilots at Vessa Air, represented by the Sky Crew Union": the employer of represented workers
        if c.type is None and not c.initial and represented_after(after):
            c.assign("Organization" if c.acronym else "Company", "entity.represented-by", 0.65)
            continue
        # "Orbit's Lena Park": a possessive name before a person is that person's organization
        if c.type is None and c.poss and (c.span.end + 3 in persons or c.span.end + 2 in persons):
            c.assign("Organization" if c.acronym else "Company", "entity.possessive-affiliation", 0.55)
            continue
    _acronym_orgs(cands, text)
    _whole_article(cands, text)


def _platform_listed_before(before: str) -> bool:
    """"posted on X and Bluesky": the platform before "and"/"or"/"," is itself posted on."""
    t = before.rstrip()
    if len(t) == len(before):
        return False
    w = last_word(before)
    if w in ("and", "or"):
        t = t[:-len(w)].rstrip()
    elif t.endswith(","):
        t = t[:-1].rstrip()
    else:
        return False
    prev = word_ending(t, len(t))
    return bool(prev) and norm(prev) in load_flagged("platforms") and platform_before(t[:len(t) - len(prev)])


# titles of people who work for news outlets
_NEWS_TITLES = frozenset("""reporter correspondent editor columnist journalist photographer anchor writer
producer""".split())


def _outlet_context(c: Candidate, before: str, after: str, outletish: bool) -> bool:
    """Type a media outlet from how it is cited; True when a rule fired."""
    if outlet_reported(after) and "person-shaped" not in c.cues and not c.poss:
        c.assign("MediaOutlet", "entity.outlet-reported", 0.75 if outletish else 0.65)
        return True
    # a photo credit: "(Dana Whitfield / The Harbor City Ledger)"
    if photo_credit_before(before) and after.lstrip().startswith(")") and "person-shaped" not in c.cues:
        c.assign("MediaOutlet", "entity.outlet-credit", 0.7)
        return True
    # a dateline credit: "DETROIT (Reuters) -", "BAYVIEW, Calif. (KBVT) —"
    if dateline_before(before) and closing_paren_dash(after):
        c.assign("MediaOutlet", "entity.outlet-dateline", 0.8)
        return True
    if outletish and (outlet_cited_after(after) or outlet_cited_before(before)
                      or after.lstrip().startswith(")") and before.rstrip().endswith("(")):
        c.assign("MediaOutlet", "entity.outlet-cited", 0.8)
        return True
    # "a business reporter at the Lakeport Courier": a journalist's employer named like an outlet
    if outletish and (t := _title_right_before(before)) is not None and t.split()[-1].lower() in _NEWS_TITLES:
        c.assign("MediaOutlet", "entity.outlet-staff", 0.75)
        return True
    if "person-shaped" not in c.cues and not c.initial and (
            last_word(before) == "per" and after.lstrip()[:1] in ("", ".", ",", ";")
            or told_before(before) and len(c.tokens) <= 3 and not c.poss):
        c.assign("MediaOutlet", "entity.outlet-source", 0.6)
        return True
    return False


def _whole_article(cands: list[Candidate], text: str) -> None:
    """Rules that read every candidate of the article together."""
    # ", which represents 40 studios" / ", which represents 22,000 crew": who the members are
    for c in cands:
        if c.type in ("Person", "GovernmentBody", "MediaOutlet", "Platform", "Guild"):
            continue
        members = represents(text, c.span.end)
        if members:
            kind = "TradeAssociation" if members == "employers" else "Union"
            if c.type != kind and (c.type is None or c.confidence < 0.9):
                c.type, c.rule, c.confidence = kind, "entity.represents", 0.88
    # a Title Case line (a related-stories list, a repeated headline) names nothing new
    for c in cands:
        if "headline" in c.cues and c.type is not None and c.confidence < 0.9:
            c.type, c.rule, c.confidence = None, "", 0.0
    # a name once used as a place ("in Harbor City") is a place everywhere in the article
    place_names = {c.text for c in cands if "place" in c.cues and c.type is None}
    for c in cands:
        if c.text in place_names and c.type is None:
            c.cues.add("place")
    # "KBVT Channel 5 News" starts with an outlet named elsewhere ("(KBVT) —"): it is that outlet
    outlets = {c.text for c in cands if c.type == "MediaOutlet" and len(c.tokens) == 1}
    for c in cands:
        if c.type is None and "outlet-head" in c.cues and c.tokens[0].text in outlets:
            c.assign("MediaOutlet", "entity.outlet-named", 0.75)
    # person-shaped names confirmed by what surrounds them, or by their surname speaking alone
    # elsewhere ("Nnamdi Okafor, a 24-year-old worker, ..." + "“...,” Okafor said.")
    speakers = set()
    for c in cands:
        if len(c.tokens) == 1 and c.type is None:
            if speech_after(text, c.span.end) or person_before(text[c.sentence.start:c.span.start]):
                speakers.add(c.tokens[0].text)
    for c in cands:
        if c.type is None and "person-shaped" in c.cues:
            before = text[c.sentence.start:c.span.start]
            after = text[c.span.end:c.sentence.end]
            if person_after(after) or person_before(before) or _appositive_title(after) \
                    or c.tokens[-1].text in speakers:
                c.assign("Person", "entity.person-context", 0.75)


def _acronym_orgs(cands: list[Candidate], text: str) -> None:
    """Acronyms the text uses as names ("SAG-AFTRA's board", "the IATSE") with no other clue.

    An all-capital word that is not a common abbreviation, used twice, or hyphenated ("AFL-CIO"),
    or as a possessive, names an organization; the words around it say whether it is a union.
    Headline-style capitals ("EXCLUSIVE:") and datelines ("BAYVIEW, Calif.") are not names.
    """
    counts: dict[str, int] = {}
    for c in cands:
        if c.acronym:
            counts[c.tokens[-1].text] = counts.get(c.tokens[-1].text, 0) + 1
    never_, lone_ = never(), lone()
    for c in cands:
        if c.type is not None or not c.acronym or "place" in c.cues:
            continue
        word = c.tokens[-1].text
        letters = word.replace("-", "").replace("&", "")
        # "RDU5", "XYZ2": letters ending in digits name a site (a warehouse, a plant), not a body
        if word.lower() in never_ or word.lower() in lone_ or len(letters) < 2 or word[-1].isdecimal() or \
                any(len(p) > 6 for p in word.split("-")) or word.lower() in load_lower("places"):
            continue
        after = text[c.span.end:c.span.end + 2]
        if c.initial and after.lstrip()[:1] in (",", ":", "(") and not c.poss:
            continue            # "BAYVIEW, Calif.", "EXCLUSIVE:"
        two = text[max(0, c.span.start - 2):c.span.start]
        if len(two) == 2 and two[0].isdecimal() and (two[1].isspace() or two[1] == "-"):
            continue            # "737 MAX", "F-35": a model, not a body
        if not ("-" in word or c.poss or counts.get(word, 0) >= 2):
            continue
        # the sentence and the next one say what kind of body it is
        window = text[c.sentence.start:min(len(text), c.sentence.end + 200)]
        if has_word(window, _UNION_WORDS, prefixes=("ratif",)):
            c.assign("Union", "entity.acronym-union", 0.6)
        elif has_word(window, _COMPANY_WORDS):
            c.assign("Company", "entity.acronym-company", 0.6)
        else:
            c.assign("Organization", "entity.acronym", 0.55)


def _title_right_before(before: str) -> str | None:
    """The job title that ends right before "of"/"at" and this name ("CEO of", "an analyst at")."""
    t = before.rstrip()
    if len(t) == len(before):
        return None
    the = t.endswith("the") and t[-4:-3].isspace()
    if not (_ends_in_of_at(t) or the and _ends_in_of_at(t[:-3].rstrip())):
        return None             # a quick test before the pattern, which is slow to search
    m = _TITLE_OF.search(before)
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words)):
        if title_at(words, k) == len(words) - k:
            return " ".join(words[k:])
    return None


def _ends_in_of_at(t: str) -> bool:
    return t.endswith(("of", "at")) and t[-3:-2].isspace()


def _appositive_title(after: str) -> bool:
    """", Acme Corp. co-CEO" / ", the chief negotiator" / ", the airline's vice president" after a name."""
    i = skip_space(after, 0)
    if after[i:i + 1] != ",":
        return False
    i = skip_space(after, i + 1)
    for det in ("the", "a", "an", "its", "their"):
        j = skip_space(after, i + len(det))
        if after.startswith(det, i) and j > i + len(det):
            i = j
            break
    words = after_words(after[i:i + 100])
    for skip in range(0, min(6, len(words) + 1)):
        if skip and not (words[skip - 1][:1].isupper() or words[skip - 1] in CONNECTORS
                         or words[skip - 1].endswith(("’s", "'s"))):
            return False
        if skip < len(words) and title_at(words, skip):
            return True
    return False
