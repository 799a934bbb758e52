"""Job titles: where one starts in a run of words and how long it is ("interim chief human
resources officer", "Media Relations Manager"), and which titles mark a company ("CEO").

The core titles are the ``titles`` lexicon; modifiers and field words (``title_areas``) may
stand before them.  Used to cut name candidates ("Ohio Governor Tom Hart"), to type a name
from the title after it ("Disney CEO"), and by the role stage.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import columns, entries, load_words
from .scan import ASCII_LOWER, fold

_ACRONYM_TITLES = frozenset({"ceo", "co-ceo", "cfo", "coo", "cto", "cmo"})
TITLE_MODIFIERS = frozenset("""interim acting deputy assistant associate senior executive international
national regional global general founding""".split())
# titles of a company's executives (compared case-insensitively, after an optional "co-"/"co")
_EXEC_TITLES = frozenset({"ceo", "chief executive", "chief executive officer", "cfo", "coo", "cto", "cmo",
                          "chairman", "chairwoman", "executive vice president", "president and ceo",
                          "executive", "executives"})


@lru_cache(maxsize=None)
def _title_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Title phrases grouped by first word (longest first), for fast matching."""
    idx: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(_phrases(), key=lambda p: (-len(p), p)):
        idx.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=None)
def _phrases() -> dict[tuple[str, ...], bool]:
    """Each title phrase (lower-cased words) -> whether it is a title only when written in lower
    case ("cook", "driver": capitalized, they are surnames, as in "Tim Cook")."""
    out: dict[tuple[str, ...], bool] = {}
    for line in entries("titles"):
        parts = columns(line)
        out[tuple(parts[0].lower().split())] = len(parts) > 1 and parts[1].strip() == "lower-case"
    return out


@lru_cache(maxsize=1)
def _title_starts() -> frozenset[str]:
    """Words a title can start with (a quick test before the full match)."""
    return frozenset(_title_index()) | TITLE_MODIFIERS | load_words("title_areas") | {"chief"}


def _core_title(low: list[str], j: int, words: list[str]) -> int:
    lower_only = _phrases()
    for phrase in _title_index().get(low[j], ()):
        if tuple(low[j:j + len(phrase)]) == phrase:
            if lower_only[phrase] and words[j][:1].isupper():
                continue
            return len(phrase)
    return 0


def _same_case(words: list[str]) -> bool:
    caps = {w[:1].isupper() for w in words}
    return len(caps) == 1


def title_at(words: list[str], i: int) -> int:
    """Length (in words) of the job title starting at ``words[i]``, 0 if none.

    Modifiers ("interim", "deputy", "executive", "national") and field words
    ("communications director", "chief human resources officer") are part of the title.
    """
    if i >= len(words) or words[i].lower() not in _title_starts():
        return 0
    low = [w.lower() for w in words[i:i + 9]]
    mods = 0
    while mods < len(low) and low[mods] in TITLE_MODIFIERS:
        mods += 1
    areas = load_words("title_areas")
    for j in range(min(mods, len(low) - 1), -1, -1):
        best = _core_title(low, j, words[i:i + 9])
        # field words before a title, written in the same case: "Media Relations Manager"
        k = j
        while k < len(low) - 1 and k - j < 3 and low[k] in areas:
            k += 1
        if k > j:
            n = _core_title(low, k, words[i:i + 9])
            if n and low[k] not in _ACRONYM_TITLES and _same_case(words[i + j:i + k + 1]):
                best = max(best, k - j + n)
        if low[j] == "chief":
            k = j + 1
            while k < len(low) - 1 and k - j <= 3 and low[k] in areas:
                k += 1
            if k > j + 1 and low[k] == "officer":
                best = max(best, k - j + 1)
        if best:
            return j + best
    return 0


def is_occupation(title: str) -> bool:
    """Is this a worker's occupation ("nurse", "line worker"), a title only in lower case?"""
    return _phrases().get(tuple(fold(title).split()), False)


def is_exec_title(title: str) -> bool:
    """Titles that mark their organization as a company ("Disney CEO", "Acme's chief executive")."""
    s = fold(" ".join(title.split()))
    for prefix in ("co-", "co", ""):
        if not s.startswith(prefix):
            continue
        rest = s[len(prefix):]
        if rest in _EXEC_TITLES:
            return True
        # "chief content officer": one lower-case field word between
        parts = rest.split(" ")
        if len(parts) == 3 and parts[0] == "chief" and parts[2] == "officer" and parts[1] \
                and all(c in ASCII_LOWER for c in parts[1]):
            return True
    return False
