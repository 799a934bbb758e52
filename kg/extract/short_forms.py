"""Short forms of organization names: "Calder" for "Calder Motors", "the Writers Guild" for
"Writers Guild of America", "Local 19" for a union's local, "the Board of Education" for the
"Lakeport Board of Education", "the Ledger" for an outlet.  Used by the entity grouping
(``entities.py``) to join a short form to the one known name it shortens.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from ..document import Span
from .lexicon import load_map, load_words_cased
from .resolve import norm

# numbered units whose short form is their last words ("Local 19")
_UNITS = frozenset({"local", "district", "lodge", "region", "chapter", "council"})


class Named(Protocol):
    """A group of name forms with a type (``entities._Group``)."""
    type: str
    forms: Sequence[tuple[str, Span]]


def short_form_of(form: str, groups: Mapping[str, Named], exclude: str | None = None) -> str | None:
    """The one known organization this is a short form of: "Calder" (Calder Motors), "the Writers
    Guild" (Writers Guild of America), "Local 19" (International Dockworkers Union Local 19)."""
    words = tuple(norm(w) for w in form.split())
    if not words or words[0] in _UNITS and len(words) == 1:
        return None
    hits: dict[str, str] = {}
    for k, g in groups.items():
        if g.type == "Person" or k == exclude:
            continue
        for f, _ in g.forms:
            fw = _form_words(f)
            if len(fw) <= len(words):
                continue
            if words[0] in _UNITS and fw[-len(words):] == words:
                hits[k] = g.type
            elif len(words) == 1 and g.type == "MediaOutlet" and fw[-1:] == words \
                    and form in load_words_cased("outlet_heads"):
                hits[k] = g.type        # "the Ledger" for "The Harbor City Ledger": an outlet's head
            elif len(words) == 1 and words[0].endswith("s") and g.type in ("Union", "Guild") \
                    and fw[-2:] == ("of", words[0]):
                hits[k] = g.type        # "the Pipefitters" for "International Brotherhood of Pipefitters"
            elif len(words) >= 3 and words[1] == "of" and words[0] in load_map("org_heads") \
                    and fw[-len(words):] == words:
                hits[k] = g.type        # "the Board of Education" for "the Lakeport Board of Education"
            elif fw[:len(words)] == words and _plain_tail(words, fw[len(words):]) \
                    and not (g.type == "MediaOutlet" and len(words) >= 2 and _outlet_head_tail(f, len(words))):
                hits[k] = g.type        # not "Harbor City" for "The Harbor City Ledger": a place
    if len(hits) == 1:
        return next(iter(hits))
    companies = [k for k, t in hits.items() if t == "Company"]
    return companies[0] if len(companies) == 1 else None


@lru_cache(maxsize=4096)
def _form_words(form: str) -> tuple[str, ...]:
    """A name's words in comparison form, without a leading "The" or a web suffix ("Deadline.com")."""
    if form.startswith("The") and form[3:4].isspace():
        form = form[3:].lstrip()
    return tuple(norm(w[:-4] if w.endswith((".com", ".net", ".org")) else w) for w in form.split())


def _outlet_head_tail(form: str, n: int) -> bool:
    """Is the rest of an outlet's name after its first ``n`` words one outlet head ("Ledger")?"""
    rest = _form_words(form)[n:]
    return len(rest) == 1 and form.split()[-1] in load_words_cased("outlet_heads")


def _plain_tail(prefix: tuple[str, ...], tail: tuple[str, ...]) -> bool:
    """Is the rest of a long name only a company's kind ("Motors", "Airlines Inc.") or, after a
    head noun, its "of ..." part ("Writers Guild" + "of America")?  "Kaiser" is not short for
    "Kaiser Foundation Health Plan and Hospitals": that tail holds another body's head noun."""
    heads = load_map("org_heads")
    if tail and tail[0] in ("of", "for"):
        return prefix[-1] in heads
    # "St. Veran" for "St. Veran Medical Center": a place's head noun ("center", "university")
    # may end the tail, a body's ("union", "association", "board") may not
    return not any(w in heads and heads[w] != "Organization" or w in ("and", "of", "for", "&") for w in tail)
