"""Stable, readable IRIs minted from type + normalised name under a configurable base.

The same real-world entity gets the same IRI in every article's graph (``<base>person/
bob-iger``); article-scoped facts live under the article's IRI (``<base>article/<stem>/
role/...``); text spans use the NIF/RFC 5147 fragment ``#char=begin,end``.  No random ids
and no blank nodes, so building the same input twice gives the same triples.
"""
from __future__ import annotations

import re
import unicodedata

from ..errors import UsageError


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Writers’ Guild of America" -> "writers-guild-of-america"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`]", "", text.lower())
    text = text.replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


class IRIs:
    """Mints every IRI for one article under a base (``https://kg.example.org/id/`` by default)."""

    def __init__(self, base: str, stem: str) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$", base):
            raise UsageError(f"--base: {base!r} is not an absolute IRI (e.g. https://example.org/news/)")
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.article = f"{self.base}article/{slug(stem)}"
        self._used: dict[str, int] = {}

    def entity(self, key: str, type_: str) -> str:
        kind = "person" if type_ == "Person" else "org"
        return f"{self.base}{kind}/{slug(key)}"

    def title(self, title: str) -> str:
        return f"{self.base}title/{slug(title)}"

    def rule(self, name: str) -> str:
        return f"{self.base}rule/{name}"

    def span(self, start: int, end: int) -> str:
        return f"{self.article}#char={start},{end}"

    def fact(self, kind: str, *words: str) -> str:
        """An article-scoped fact IRI from readable words; repeats get -2, -3, ... in order."""
        local = "-".join(slug(w) for w in words if w) or kind
        name = f"{kind}/{local}"
        n = self._used.get(name, 0) + 1
        self._used[name] = n
        return f"{self.article}/{name}" + (f"-{n}" if n > 1 else "")
