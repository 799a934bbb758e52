"""The word patterns around a person mention that the role rules (``roles.py``) look for.

"former" before a title, ", who heads", ", 54, a union steward", " covers labor for", " of the"
before an organization: word and set look-ups, not regular expressions (see ``scan.py``);
each one's docstring gives the pattern it matches exactly.
"""
from __future__ import annotations

from .lexicon import load_words
from .scan import ASCII_LOWER, ASCII_UPPER, ends_with_phrase, fold, is_word, skip_space, word_at

FORMER_WORDS = ("former", "ex-", "late", "then-", "onetime", "future", "incoming", "outgoing", "interim-designate",
                "retired")
# what may follow a complete appositive: punctuation, the end, or the sentence going on
_APPOS_END_WORDS = frozenset("and said says told who which was is has had also joined attended met since".split())
# titles that say what kind of body their holder runs: "Superintendent Jo Ma" runs the district
IMPLIED_ORG = {"superintendent": "the district", "provost": "the university"}
# how long a title has been held: "Acme's longtime spokesperson" holds the title "spokesperson"
TENURE_WORDS = frozenset({"longtime", "long-time", "veteran", "current", "new", "newly", "sitting"})
# titles of people who cover a field rather than work for it ("airline analyst", "labor reporter")
FIELD_TITLES = frozenset("""analyst analysts economist reporter correspondent editor columnist writer consultant
professor""".split())
# titles of people who speak for a body: "A spokesperson, Jo Ma, said" speaks for the body just named
SPOKES_TITLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
# a body's own committees: "the guild's negotiating committee" acts for the guild
_UNIT_NOUNS = frozenset({"committee", "committees", "board", "council", "caucus", "team"})
_COUNTRY_SCOPES = frozenset({"UK", "US", "EU"})
_MONTHS = frozenset("""January February March April May June July August September October November
December""".split())
# " for two decades", " for more than 11 years": how long a title has been held
_DURATION_WORDS = frozenset("""two three four five six seven eight nine ten a more nearly almost over about
decades years""".split())
# "with Disney officials": the organization names a group of people, not the person's employer
MODIFIER_USE = frozenset("""officials executives leaders representatives members negotiators staff workers
employees management lawyers counterparts""".split())


def former(before: str) -> bool:
    """Does ``before`` end in "former", "ex-", "then-", "incoming" ... (any case)?"""
    return ends_with_phrase(fold(before.rstrip()[-64:]), FORMER_WORDS)


def title_modifier(word: str) -> bool:
    """Can ``word`` stand before a title as part of it ("plant" manager, "intensive" care nurse)?
    A lower-case word, not a function word ("said", "the") and not "former"."""
    if word in _COUNTRY_SCOPES:
        return True         # "Acme's UK general manager": the country a title covers is part of it
    return word.islower() and word.replace("-", "").isalpha() and word not in load_words("non_names") \
        and not former(word)


def appos_end(text: str, pos: int) -> bool:
    """Can an appositive end at ``pos``: punctuation, the end, " and", " said", " who" ..., or how
    long the title has been held (" for 11 years", " since 2019")?"""
    j = skip_space(text, pos)
    if j == len(text) or text[j] in ",;.:()[]—–":
        return True
    if j == pos:
        return False
    # "... an analyst at Brill & Co. “What matters ...": a name's closing period also ends the sentence
    if text[pos - 1:pos] == "." and (text[j] in "\"“" or text[j].isupper()):
        return True
    w = word_at(text, j)
    if w in ("last", "this", "earlier"):
        return True         # "the union's president last year"
    if w == "in":           # "... in 2019", "... in May"
        k = skip_space(text, j + 2)
        return text[k:k + 1].isdecimal() or word_at(text, k) in _MONTHS
    if w == "for":
        k = skip_space(text, j + 3)
        return k > j + 3 and (text[k:k + 1].isdecimal() or word_at(text, k) in _DURATION_WORDS)
    return w in _APPOS_END_WORDS


def prep_then_space(s: str, preps: tuple[str, ...], i: int = 0) -> int | None:
    """End of whitespace, one of ``preps`` and whitespace at ``s[i]`` (``\\s+(?:of|at)\\s+``), or None."""
    j = skip_space(s, i)
    if j == i:
        return None
    for w in preps:
        e = j + len(w)
        if s.startswith(w, j):
            k = skip_space(s, e)
            if k > e:
                return k
    return None


def writes_for(rest: str) -> int | None:
    """End of " covers health care for ", " writes about labor at " opening ``rest``, or None.

    ``\\s+(?:covers|writes about|reports on|reported|writes|reports)\\b[^,.;]{0,40}?\\s(?:for|at)\\s+``
    """
    j = skip_space(rest, 0)
    if j == 0:
        return None
    for verb in ("covers", "writes about", "reports on", "reported", "writes", "reports"):
        k = j + len(verb)
        if not rest.startswith(verb, j) or (k < len(rest) and is_word(rest[k])):
            continue
        for q in range(k, min(k + 40, len(rest) - 1) + 1):
            if q > k and rest[q - 1] in ",.;":
                break
            if rest[q].isspace():
                for prep in ("for", "at"):
                    e = q + 1 + len(prep)
                    if rest.startswith(prep, q + 1) and skip_space(rest, e) > e:
                        return skip_space(rest, e)
    return None


def who_clause(rest: str) -> tuple[str | None, str | None, int] | None:
    """(verb of "who heads", verb of "who is", end) for ", who heads ..." / ", who is the ..." opening ``rest``."""
    j = skip_space(rest, 0)
    if rest[j:j + 1] != ",":
        return None
    k = skip_space(rest, j + 1)
    if k == j + 1 or not rest.startswith("who", k):
        return None
    q = skip_space(rest, k + 3)
    if q == k + 3:
        return None
    if rest.startswith("also ", q):
        q = skip_space(rest, q + 4)         # "who also serves as ..."
    for verb in ("heads", "leads", "chairs", "runs", "founded", "co-founded", "directs"):
        e = q + len(verb)
        if rest.startswith(verb, q) and skip_space(rest, e) > e:
            return verb, None, skip_space(rest, e)
    # "who was elected president of the union": elected, named or appointed, and so still holding it
    for verb in ("is also", "is", "was elected", "was named", "was appointed", "was", "serves as", "has served as",
                 "has been", "became"):
        e = q + len(verb)
        if rest.startswith(verb, q) and skip_space(rest, e) > e:
            return None, verb, _after_article(rest, skip_space(rest, e))
    return None


def copula_opening(rest: str) -> int | None:
    """Where the title of " is the president of ..." / " is president of ..." starts, or None."""
    j = skip_space(rest, 0)
    if j == 0 or not rest.startswith("is", j) or skip_space(rest, j + 2) == j + 2:
        return None
    return _after_article(rest, skip_space(rest, j + 2))


def size_modifier_end(text: str, pos: int) -> int | None:
    """Past "3,000-member " / "1,400-strong " at ``text[pos]`` (a body's size before its name), or None."""
    j = pos
    while j < len(text) and (text[j].isdecimal() or text[j] == ","):
        j += 1
    if j == pos or text[j:j + 1] != "-":
        return None
    k = j + 1
    while k < len(text) and text[k] in ASCII_LOWER:
        k += 1
    return k + 1 if k > j + 1 and text[k:k + 1] == " " else None


def appositive_opening(rest: str) -> int | None:
    """Where the words of ", 54, a union steward" / ", Acme CEO" / " — the union's president —"
    / " (the union's president)" start, or None."""
    j = skip_space(rest, 0)
    if rest[j:j + 1] in ("—", "–", "(") and (j > 0 or rest[j:j + 1] == "("):
        k = skip_space(rest, j + 1)
        return _after_article(rest, k) if k > j + 1 or rest[j:j + 1] == "(" else None
    if rest[j:j + 1] != ",":
        return None
    k = skip_space(rest, j + 1)
    if k == j + 1:
        return None
    d = k
    while d < len(rest) and rest[d].isdecimal():
        d += 1
    if 1 <= d - k <= 3 and rest[d:d + 1] == "," and skip_space(rest, d + 1) > d + 1:
        k = skip_space(rest, d + 1)
    return _after_article(rest, k)


def unit_after(text: str, pos: int) -> int | None:
    """End of " negotiating committee" / "'s bargaining team" right after an organization's name
    at ``pos`` (up to two lower-case words ending in a committee noun), or None."""
    i = pos + 2 if text[pos:pos + 2] in ("’s", "'s") else pos
    for _ in range(3):
        j = skip_space(text, i)
        if j == i:
            return None
        w = word_at(text, j)
        if not w or not w.islower():
            return None
        i = j + len(w)
        if w in _UNIT_NOUNS:
            return i
    return None


def second_appositive(s: str) -> int | None:
    """Where a second title starts after a first appositive: " and the guild's organizer",
    ", and a union steward" (past the article), or None."""
    j = skip_space(s, 0)
    if s[j:j + 1] == ",":
        j = skip_space(s, j + 1)
    if j == 0 or not s.startswith("and ", j):
        return None
    return _after_article(s, skip_space(s, j + 4))


def _after_article(s: str, i: int) -> int:
    """``i``, or past "the ", "a ", "an " at ``s[i]``."""
    for det in ("the", "a", "an"):
        e = i + len(det)
        if s.startswith(det, i) and skip_space(s, e) > e:
            return skip_space(s, e)
    return i


def its_or_their(s: str) -> bool:
    """Does ``s`` open with "its" or "their" and a space?"""
    return (s.startswith("its") and s[3:4].isspace()) or (s.startswith("their") and s[5:6].isspace())


def scoped_for(s: str) -> bool:
    """" for Amazon": "for" and a capitalized word."""
    end = prep_then_space(s, ("for",))
    return end is not None and s[end:end + 1] in ASCII_UPPER


def prep_ending(s: str) -> int | None:
    """Length of " of ", " at the " ... ending ``s`` (``\\s(?:of|for|at|with)\\s+(?:the\\s+)?$``), or None."""
    t = s.rstrip()
    if len(t) == len(s):
        return None
    tails = [t]
    if t.endswith("the") and t[-4:-3].isspace():
        tails.append(t[:-3].rstrip())
    for u in tails:
        for prep in ("of", "for", "at", "with"):
            if u.endswith(prep) and u[-len(prep) - 1:-len(prep)].isspace():
                return len(s) - (len(u) - len(prep) - 1)
    return None


def title_org_gap(gap: str) -> tuple[int, bool] | None:
    """(end, comma) of " of ", " at ", ", " (before a capital) between a title and its organization.

    ``\\s+(?:of|at|for|with)\\s+|,\\s+(?=[A-Z])`` at the start of ``gap``.
    """
    k = skip_space(gap, 1)
    if gap[:1] == "," and k > 1 and gap[k:k + 1] in ASCII_UPPER:      # ", Acme"
        return k, True
    end = prep_then_space(gap, ("of", "at", "for", "with"))
    return None if end is None else (end, False)


def credit_slash_end(gap: str) -> int | None:
    """End of " / " at the start of ``gap`` (a photo credit's slash), or None."""
    i = skip_space(gap, 0)
    return skip_space(gap, i + 1) if gap[i:i + 1] == "/" else None
