"""The word patterns around a person mention that the role rules (``roles.py``) look for.

"former" before a title, ", who heads", ", 54, a union steward", " covers labor for", " of the"
before an organization: word and set look-ups, not regular expressions (see ``scan.py``);
each one's docstring gives the pattern it matches exactly.
"""
from __future__ import annotations

from .scan import ASCII_UPPER, ends_with_phrase, fold, is_word, skip_space, word_at

FORMER_WORDS = ("former", "ex-", "late", "then-", "onetime", "future", "incoming", "outgoing", "interim-designate")
# what may follow a complete appositive: punctuation, the end, or the sentence going on
_APPOS_END_WORDS = frozenset("and said says told who which was is has had also joined attended met".split())
# "with Disney officials": the organization names a group of people, not the person's employer
MODIFIER_USE = frozenset("""officials executives leaders representatives members negotiators staff workers
employees management lawyers counterparts""".split())


def former(before: str) -> bool:
    """Does ``before`` end in "former", "ex-", "then-", "incoming" ... (any case)?"""
    return ends_with_phrase(fold(before.rstrip()[-64:]), FORMER_WORDS)


def appos_end(text: str, pos: int) -> bool:
    """Can an appositive end at ``pos``: punctuation, the end, or " and", " said", " who" ...?"""
    j = skip_space(text, pos)
    if j == len(text) or text[j] in ",;.:()[]—–":
        return True
    return j > pos and word_at(text, j) in _APPOS_END_WORDS


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
    for verb in ("heads", "leads", "chairs", "runs", "founded", "co-founded", "directs"):
        e = q + len(verb)
        if rest.startswith(verb, q) and skip_space(rest, e) > e:
            return verb, None, skip_space(rest, e)
    for verb in ("is", "was", "serves as", "became"):
        e = q + len(verb)
        if rest.startswith(verb, q) and skip_space(rest, e) > e:
            return None, verb, _after_article(rest, skip_space(rest, e))
    return None


def appositive_opening(rest: str) -> int | None:
    """Where the words of ", 54, a union steward" / ", Acme CEO" start, or None without ", "."""
    j = skip_space(rest, 0)
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
