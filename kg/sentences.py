"""Split body paragraphs into sentences, keeping character offsets into the article text.

Rule-based on purpose: no model to download, and news prose is regular enough.  A sentence
ends at ``.``, ``!`` or ``?`` (plus any closing quotes or brackets) followed by space and a
capital letter, digit or opening quote, unless the word before the period is an
abbreviation ("Mr.", "Inc.", "Aug.", "U.S.") or a single initial ("J. Smith").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .document import Document, Sentence, Span

# Words that end with a period without ending the sentence.  Lower-cased, without the period.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft vs etc inc co corp ltd llc plc bros cos dept govt
gov sen rep reps gen lt col sgt capt cmdr adm maj pres supt atty
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
u.s u.k u.n e.u d.c a.m p.m i.e e.g approx est
""".split())

# "No. 5" abbreviates only before a number; "said no. Talks ended." ends a sentence
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
# after a company suffix ("Acme Inc. The union ...") these words start a new sentence
_SENTENCE_STARTERS = frozenset("""
the a an he she it they we i but and in on at after before while when this that these those
its their his her our however meanwhile still
""".split())
_COMPANY_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "cos"})

_BOUNDARY = re.compile(r"""[.!?]+[”"’')\]]*(?=\s+[“"‘'(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.&]+)\.$")
_NEXT_WORD = re.compile(r"""\s*[“"‘'(\[]?(\w+)""")


def split_sentences(text: str, paragraph: Span) -> Iterator[Span]:
    """Yield the sentence spans of one paragraph (trimmed, non-empty, in order)."""
    start = paragraph.start
    chunk = paragraph.of(text)
    for m in _BOUNDARY.finditer(chunk):
        end = m.end()
        if _is_abbreviation(chunk[: m.start() + 1], chunk[end:]):
            continue
        yield from _trim(text, Span(start, paragraph.start + end))
        start = paragraph.start + end
    yield from _trim(text, Span(start, paragraph.end))


def sentences(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.sentences`` from the article's body paragraphs."""
    out = [Sentence(span, i) for i, para in enumerate(doc.article.body)
           for span in split_sentences(doc.text, para)]
    return doc.with_(sentences=tuple(out))


def _is_abbreviation(upto_period: str, after: str) -> bool:
    m = _WORD_BEFORE.search(upto_period)
    if not m:
        return False
    word = m.group(1).lower()
    next_word = _NEXT_WORD.match(after)
    following = next_word.group(1) if next_word else ""
    if word in _NUMBER_ABBREVIATIONS:
        return following[:1].isdigit()
    if word in _COMPANY_SUFFIXES and following.lower() in _SENTENCE_STARTERS:
        return False
    # a single capital initial ("J. Smith"), a known abbreviation, or dotted letters ("A.I.")
    return (len(word) == 1 and upto_period[-2:-1].isupper()) or word in ABBREVIATIONS \
        or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _trim(text: str, span: Span) -> Iterator[Span]:
    s = span.of(text)
    left = len(s) - len(s.lstrip())
    right = len(s.rstrip())
    if right > left:
        yield Span(span.start + left, span.start + right)
