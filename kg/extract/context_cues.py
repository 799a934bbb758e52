"""The word patterns around a name that the context typing rules (``context.py``) look for.

Each test reads the text right before or after a candidate: "per Variety", "Reuters reported",
"posted on X", "Morgan Stanley analysts", ", which represents 40 studios", ", the union".
They are word and set look-ups, not regular expressions (see ``scan.py`` for why); each one's
docstring gives the pattern it matches exactly.
"""
from __future__ import annotations

from collections.abc import Iterator

from .scan import (ASCII_LOWER, ASCII_UPPER, Lazy, ends_with_phrase, fold, is_word, last_word, next_word,
                   possessive_then_word, skip_space, word_at, word_ending)

_REPORT_ADVERBS = ("has ", "had ", "first ", "previously ", "also ", "earlier ", "later ")
_REPORT_VERBS = frozenset({"reported", "reports", "wrote", "writes"})
_CITE_VERBS = frozenset({"reported", "reports", "noted", "notes", "wrote", "writes", "updated", "published",
                         "confirmed", "learned", "revealed", "said", "contributed"})
_CITED_BEFORE = ("per", "according to", "told", "reported by", "via", "interview with", "speaking to", "spoke to",
                 "spoke with", "statement to", "confirmed to", "said to", "wrote in", "reported in", "op-ed in",
                 "writes for", "reporter for", "correspondent for", "sources tell", "source tells",
                 "reviewed by", "subscribe to")
_TOLD_BEFORE = ("told", "interview with", "spoke to", "spoke with", "statement to")
_PLATFORM_PREPS = frozenset({"on", "to", "via", "onto", "across", "through"})
_PLATFORM_NOUNS = frozenset("""post posts posted account accounts user users thread threads video videos
page feed story stories live livestream followers message statement""".split())
_EMPLOYERS = frozenset("""companies operators employers studios producers carriers hospitals airlines railroads
manufacturers retailers publishers labels networks streamers automakers firms businesses""".split())
_WORKERS = frozenset("""workers employees nurses teachers drivers actors writers crew members staff pilots
attendants musicians artists performers dockworkers longshoremen engineers technicians""".split())
_FIRM_WORDS = frozenset({"analyst", "analysts", "economist", "economists", "strategist", "strategists", "shares",
                         "stock", "bankers", "clients"})
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "wrote", "noted", "argued", "explained", "recalled",
                           "insisted"})
_PERSON_BEFORE = frozenset("""said says added wrote told nurse worker teacher driver actor actress writer member
organizer employee resident economist professor attorney lawyer consultant barista mechanic pilot dockworker
stagehand picketer striker electrician carpenter engineer technician historian expert""".split())
# "(Reporting by ...; Editing by ...)", "Photo by ...": the credit names a person
_CREDIT_WORDS = frozenset("""reporting editing edited writing written photo photos photograph photographs
photography illustration graphics""".split())
_LIST_CUES = ("companies", "studios", "firms", "employers", "automakers", "carmakers", "networks", "streamers",
              "airlines", "retailers", "chains", "corporations", "conglomerates", "media giants", "tech giants",
              "businesses", "publishers", "labels")
_LIST_VERBS = ("such as", "including", "include", "like", "among them", "namely", "are", "were")
_PLACE_PREPS = frozenset({"in", "near", "outside", "across", "around", "throughout", "downtown"})
_DATELINE_CHARS = ASCII_UPPER | frozenset(" .,’'-")
DESC_TYPE = {"union": "Union", "labor union": "Union", "guild": "Guild", "trade group": "TradeAssociation",
             "trade association": "TradeAssociation", "industry group": "TradeAssociation",
             "company": "Company", "studio": "Company", "automaker": "Company", "carmaker": "Company",
             "airline": "Company", "retailer": "Company", "conglomerate": "Company", "streamer": "Company",
             "broadcaster": "Company", "newspaper": "MediaOutlet", "outlet": "MediaOutlet",
             "publication": "MediaOutlet", "agency": "GovernmentBody", "staffing agency": "Company",
             # makers named by their product: "the chipmaker Corvid", "a drugmaker, Acme"
             "chipmaker": "Company", "drugmaker": "Company", "planemaker": "Company", "startup": "Company"}
_DETERMINERS = ("the", "a", "an")
# the phrases tested at the end of the text before a name are short: fold only that much
_TAIL = 64
# words (with inner apostrophes and hyphens) after a name, matched with "’" written "'"
_AFTER_WORDS = Lazy(r"[\w'\-]+\.?")


def after_words(s: str) -> list[str]:
    """The words of ``s`` (``[\\w’'\\-]+\\.?``), e.g. the title after a name."""
    return [s[m.start():m.end()] for m in _AFTER_WORDS.finditer(s.replace("’", "'"))]


def _report_verb_end(after: str, adverbs: tuple[str, ...], verbs: frozenset[str]) -> int:
    i = skip_space(after, 0)
    for adv in adverbs:
        if after.startswith(adv, i):
            i += len(adv)
            break
    w = word_at(after, i)
    return i + len(w) if w in verbs else -1


def outlet_reported(after: str) -> bool:
    """"Variety reported that", "Deadline has reported:" (``^\\s*(?:has |...)?(?:reported|reports|
    wrote|writes)\\b(?=\\s*(?:[,:“"]|that\\b|on\\b|in\\b|the\\b))``)."""
    end = _report_verb_end(after, _REPORT_ADVERBS, _REPORT_VERBS)
    if end < 0:
        return False
    k = skip_space(after, end)
    return after[k:k + 1] in (",", ":", "“", '"') or word_at(after, k) in ("that", "on", "in", "the")


def outlet_cited_after(after: str) -> bool:
    """"Deadline first reported", "The Times noted" (``^\\s*(?:has |...)?(?:reported|...)\\b``)."""
    return _report_verb_end(after, _REPORT_ADVERBS[:-1], _CITE_VERBS) >= 0


def outlet_cited_before(before: str) -> bool:
    """"according to (the)", "told", "covers labor for" right before a name (any case)."""
    t = before.rstrip()
    if len(t) == len(before):
        return False
    if _cited_at_end(fold(t[-_TAIL:])):
        return True
    if fold(t[-3:]) == "the" and t[-4:-3].isspace():
        return _cited_at_end(fold(t[:-3].rstrip()[-_TAIL:]))
    return False


def _cited_at_end(t: str) -> bool:
    if ends_with_phrase(t, _CITED_BEFORE):
        return True
    # "covers health care for": one to thirty word characters or spaces between
    if not t.endswith(" for"):
        return False
    body = t[:-4]
    for n in range(1, min(30, len(body)) + 1):
        ch = body[-n]
        if not (is_word(ch) or ch.isspace()):
            return False
        head = body[:-n]
        if head.endswith("covers ") and ends_with_phrase(head[:-1], ("covers",)):
            return True
    return False


def told_before(before: str) -> bool:
    """"told", "in an interview with" right before a name (any case)."""
    t = before.rstrip()
    return len(t) < len(before) and ends_with_phrase(fold(t[-_TAIL:]), _TOLD_BEFORE)


def platform_before(before: str) -> bool:
    """"posted on", "via", "the union's" right before a name (any case)."""
    t = before.rstrip()
    if len(t) == len(before):
        return False
    tail = fold(t[-_TAIL:])
    return word_ending(tail, len(tail)) in _PLATFORM_PREPS or tail.endswith(("’s", "'s"))


def platform_after(rest: str) -> bool:
    """"Instagram post", "X account", "X (formerly Twitter)" (any case)."""
    i = skip_space(rest, 0)
    head = fold(rest[i:i + 16])
    return word_at(head, 0) in _PLATFORM_NOUNS or head.startswith("(formerly")


def represents(text: str, pos: int) -> str | None:
    """", which represents 40 studios" -> "employers"; ", which bargains for 22,000 crew" -> "workers".

    ``\\s*,\\s*which\\s+(?:represents|bargains|negotiates|speaks)\\b[^.;]{0,70}?\\b(?:EMPLOYERS|WORKERS)\\b``
    """
    j = skip_space(text, pos)
    if text[j:j + 1] != ",":
        return None
    j = skip_space(text, j + 1)
    if not text.startswith("which", j):
        return None
    k = skip_space(text, j + 5)
    verb = word_at(text, k)
    if k == j + 5 or verb not in ("represents", "bargains", "negotiates", "speaks"):
        return None
    start = k + len(verb)
    for p in range(start, min(start + 70, len(text) - 1) + 1):
        if p > start and text[p - 1] in ".;":
            return None
        if is_word(text[p]) and not is_word(text[p - 1]):
            w = word_at(text, p)
            if w in _EMPLOYERS:
                return "employers"
            if w in _WORKERS:
                return "workers"
    return None


def represented_after(after: str) -> bool:
    """", represented by the Skyline Crew Union": an employer whose workers a union represents.

    ``^\\s*,\\s*(?:whose\\s+\\w+\\s+are\\s+)?represented\\s+by\\s`` (``after`` starts right after the name)
    """
    j = skip_space(after, 0)
    if after[j:j + 1] != ",":
        return False
    k = skip_space(after, j + 1)
    if after.startswith("whose", k):
        k = skip_space(after, k + 5)
        k = skip_space(after, k + len(word_at(after, k)))
        if not after.startswith("are", k):
            return False
        k = skip_space(after, k + 3)
    if not after.startswith("represented", k):
        return False
    e = skip_space(after, k + 11)
    return e > k + 11 and after.startswith("by", e) and skip_space(after, e + 2) > e + 2


def firm_after(text: str, pos: int) -> bool:
    """"Morgan Stanley analysts", "Grant Thornton’s economists", "... said in a research note"."""
    w = possessive_then_word(text, pos)
    if w is None:
        return False
    if w in _FIRM_WORDS:
        return True
    j = skip_space(text, pos + 2 if text[pos:pos + 2] in ("’s", "'s") else pos)
    for phrase in ("said in a note", "said in a research note"):
        end = j + len(phrase)
        if text.startswith(phrase, j) and (end == len(text) or not is_word(text[end])):
            return True
    return False


def person_name_next(s: str) -> bool:
    """Whitespace, then two capitalized words ("  Tom Hart") (``^\\s+[A-Z][a-z]+ [A-Z][\\w’'\\-]+``)."""
    i = skip_space(s, 0)
    if i == 0 or s[i:i + 1] not in ASCII_UPPER:
        return False
    j = i + 1
    while j < len(s) and s[j] in ASCII_LOWER:
        j += 1
    return j > i + 1 and s[j:j + 1] == " " and s[j + 1:j + 2] in ASCII_UPPER and j + 2 < len(s) \
        and (is_word(s[j + 2]) or s[j + 2] in "’'-")


def person_after(after: str) -> bool:
    """", a 24-year-old", ", who", ", 54," after a name."""
    i = skip_space(after, 0)
    if after[i:i + 1] != ",":
        return False
    i = skip_space(after, i + 1)
    for det in ("a", "an"):
        j = skip_space(after, i + len(det))
        if after.startswith(det, i) and j > i + len(det):
            k = j
            while k < len(after) and after[k].isdecimal():
                k += 1
            if k > j and after.startswith("-year-old", k) and (k + 9 == len(after) or not is_word(after[k + 9])):
                return True
    if after.startswith("who", i) and (i + 3 == len(after) or not is_word(after[i + 3])):
        return True
    k = i
    while k < len(after) and after[k].isdecimal():
        k += 1
    return 1 <= k - i <= 3 and after[k:k + 1] == ","


def speech_after(text: str, pos: int) -> bool:
    """" said", " told" right after a name."""
    return next_word(text, pos) in _SPEECH_VERBS


def person_before(before: str) -> bool:
    """"said", "nurse", "economist" right before a name; or a credit: "Editing by", "reporting by"."""
    w = last_word(before)
    if w in _PERSON_BEFORE:
        return True
    if w != "by":
        return False
    t = before.rstrip()[:-2]
    return (last_word(t) or "").lower() in _CREDIT_WORDS


def place_before(before: str) -> bool:
    """"in", "near", "outside" right before a name."""
    return last_word(before) in _PLACE_PREPS


def list_region_starts(s: str) -> Iterator[int]:
    """Where a list of companies starts: after "studios such as", "automakers including" (any case).

    Yields the end of each match of ``\\b(?:companies|...|labels)\\b(?:[^.;:]{0,60}?)\\s+(?:such as|
    including|include|like|among them|namely|are|were)\\s+`` in ``s``, as ``finditer`` would.
    """
    f = fold(s)
    hits = []
    for cue in _LIST_CUES:
        i = f.find(cue)
        while i >= 0:
            e = i + len(cue)
            if (i == 0 or not is_word(f[i - 1])) and (e == len(f) or not is_word(f[e])):
                hits.append((i, e))
            i = f.find(cue, i + 1)
    pos = 0
    for i, e in sorted(hits):
        if i < pos:
            continue
        end = _list_verb_end(f, e)
        if end >= 0:
            yield end
            pos = end


def _list_verb_end(f: str, e: int) -> int:
    for q in range(e, min(e + 60, len(f)) + 1):
        if q > e and f[q - 1] in ".;:":
            return -1
        if q < len(f) and f[q].isspace():
            j = skip_space(f, q)
            for verb in _LIST_VERBS:
                k = j + len(verb)
                if f.startswith(verb, j) and k < len(f) and f[k].isspace():
                    return skip_space(f, k)
    return -1


def list_region_length(r: str) -> int | None:
    """Where a list ends in ``r``: at ``.;:—–(``, " - ", or ", who"/", which"; None if it does not."""
    for i, ch in enumerate(r):
        if ch in ".;:—–(":
            return i
        if ch.isspace() and r[i + 1:i + 2] == "-" and r[i + 2:i + 3].isspace():
            return i
        if ch == ",":
            j = skip_space(r, i + 1)
            if j > i + 1 and word_at(r, j) in ("who", "which"):
                return i
    return None


def photo_credit_before(before: str) -> bool:
    """"(Dana Whitfield / " right before a name (``\\(\\s*[A-Z][\\w’'.\\- ]{2,40}?\\s*/\\s*$``)."""
    t = before.rstrip()
    if not t.endswith("/"):
        return False
    body = t[:-1]
    o = body.rfind("(")
    if o < 0:
        return False
    a = skip_space(body, o + 1)
    if body[a:a + 1] not in ASCII_UPPER:
        return False
    r = body[a + 1:]
    m = len(r.rstrip())
    if m > 40 or not all(is_word(ch) or ch in "’'.- " for ch in r[:m]):
        return False
    # the credited name may end in spaces taken from the whitespace before "/"
    return m >= 2 or (len(r) >= 2 and r[m:2] == " " * (2 - m))


def dateline_before(before: str) -> bool:
    """"DETROIT (", "BAYVIEW, Calif. (" or "(" alone before a name
    (``^(?:[A-Z][A-Z .,’'\\-]*(?:,\\s+[A-Z][a-z]+\\.?)?\\s*)?\\($``)."""
    if before.endswith("(\n"):
        p = before[:-2]
    elif before.endswith("("):
        p = before[:-1]
    else:
        return False
    if not p:
        return True
    q = p.rstrip()
    if not q or q[0] not in ASCII_UPPER:
        return False
    if all(c in _DATELINE_CHARS for c in q[1:]):
        return True
    # ", Calif." after the place
    r = q[:-1] if q.endswith(".") else q
    i = len(r)
    while i > 0 and r[i - 1] in ASCII_LOWER:
        i -= 1
    if i == len(r) or i < 1 or r[i - 1] not in ASCII_UPPER:
        return False
    k = i - 1
    while k > 0 and r[k - 1].isspace():
        k -= 1
    if k == i - 1 or k < 1 or r[k - 1] != ",":
        return False
    head = r[:k - 1]
    return bool(head) and head[0] in ASCII_UPPER and all(c in _DATELINE_CHARS for c in head[1:])


def dateline_after(after: str) -> bool:
    """What follows the city of a dateline: " — ", " (AP) — ", ", Maine, Oct 8 (Reuters) - "."""
    i = skip_space(after, 0)
    if after[i:i + 1] in ("—", "–", "-"):
        return True
    if after[i:i + 1] == "(":
        j = after.find(")", i, i + 30)
        return j > 0 and after[skip_space(after, j + 1):][:1] in ("—", "–", "-")
    if after[i:i + 1] == "," and after[skip_space(after, i + 1):][:1] in ASCII_UPPER:
        head = after[i:i + 60]
        return any(d in head for d in (" — ", " – ", " - ", ") -", ")—", ") —"))
    return False


def closing_paren_dash(after: str) -> bool:
    """") -", ") —" right after a name (a dateline credit)."""
    if not after.startswith(")"):
        return False
    i = skip_space(after, 1)
    return after[i:i + 1] in ("-", "—", "–")


def shares_before(before: str) -> bool:
    """"shares of", "stock in" right before a name (any case)."""
    t = before.rstrip()
    return len(t) < len(before) and ends_with_phrase(fold(t[-_TAIL:]), ("shares of", "shares in", "stock of", "stock in"))


def shares_after(after: str) -> bool:
    """"’s shares", " stock", " stockholders" right after a name."""
    return possessive_then_word(after, 0) in ("shares", "stock", "stockholders")


def appositive_after(after: str) -> str | None:
    """The description in ", the union that ...", ", an agency," after a name, as written (any case).

    ``^\\s*,\\s*(?:the|a|an)\\s+(?:[\\w’'\\-]+\\s+){0,3}?(HEAD)\\b(?![’'\\-])
    (?=\\s*(?:[,.;)]|$|that\\b|which\\b|who\\b))``
    """
    i = skip_space(after, 0)
    if after[i:i + 1] != ",":
        return None
    f = fold(after)
    i = skip_space(f, i + 1)
    p = -1
    for det in _DETERMINERS:
        j = skip_space(f, i + len(det))
        if f.startswith(det, i) and j > i + len(det):
            p = j
            break
    for _ in range(4):
        if p < 0:
            return None
        for head in DESC_TYPE:
            e = p + len(head)
            if f.startswith(head, p) and (e == len(f) or not is_word(f[e])) and f[e:e + 1] not in ("’", "'", "-"):
                k = skip_space(f, e)
                if k == len(f) or f[k] in ",.;)" or word_at(f, k) in ("that", "which", "who"):
                    return after[p:e]
        p = _next_modifier(f, p)
    return None


def appositive_before(before: str) -> str | None:
    """The description in "the union, " / "a staffing agency " right before a name, as written.

    ``\\b(?:the|a|an)\\s+(?:[\\w’'\\-]+\\s+){0,3}?(HEAD)\\s*,?\\s+$`` (any case), leftmost match.
    """
    t = before.rstrip()
    if len(t) == len(before):
        return None
    if t.endswith(","):
        t = t[:-1].rstrip()
    tail = fold(t[-_TAIL:])
    ends = [len(t) - len(h) for h in DESC_TYPE if tail.endswith(h)]
    if not ends:
        return None
    f = fold(before)
    # a match starts with a determiner at most four words before the description
    for d in range(min(_words_back(f, e, 5) for e in ends), max(ends)):
        if d > 0 and is_word(f[d - 1]):
            continue
        for det in _DETERMINERS:
            j = skip_space(f, d + len(det))
            if f.startswith(det, d) and j > d + len(det):
                found = _head_ending(f, j, before)
                if found is not None:
                    return found
    return None


def _head_ending(f: str, p: int, before: str) -> str | None:
    """The description at ``p`` or up to three words later that ends ``f`` (``HEAD\\s*,?\\s+$``)."""
    for _ in range(4):
        if p < 0:
            return None
        for head in DESC_TYPE:
            if f.startswith(head, p):
                r = f[p + len(head):]
                t = r.lstrip()
                if (t == "" and r) or (t[:1] == "," and t[1:] != "" and t[1:].isspace()):
                    return before[p:p + len(head)]
        p = _next_modifier(f, p)
    return None


def _words_back(f: str, pos: int, n: int) -> int:
    """Start of the ``n``-th word (``[\\w’'\\-]+``) before ``pos``, going back over whitespace only."""
    for _ in range(n):
        if pos == 0 or not f[pos - 1].isspace():
            break
        pos = len(f[:pos].rstrip())
        while pos > 0 and _modifier_char(f[pos - 1]):
            pos -= 1
    return pos


def _modifier_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


def _next_modifier(f: str, p: int) -> int:
    """Where the word after the modifier at ``p`` starts (``[\\w’'\\-]+\\s+``); -1 if none."""
    j = p
    while j < len(f) and _modifier_char(f[j]):
        j += 1
    if j == p:
        return -1
    k = skip_space(f, j)
    return k if k > j else -1
