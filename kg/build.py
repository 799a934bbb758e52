"""``kg build``: articles in, one graph per article out (Turtle, HTML and the other exports).

Every article is read and extracted before anything is written, so a bad input among
several leaves the output folder untouched; each file is written atomically.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .document import Document
from .export import DEFAULT_FORMATS, FORMATS, exporter
from .fileio import atomic_write, ensure_dir
from .errors import UsageError
from .pipeline import build_document
from .rdf.namespaces import DEFAULT_BASE


@dataclass(frozen=True)
class Built:
    """What building one article produced."""

    source: str
    doc: Document
    triples: int
    files: tuple[Path, ...]

    @property
    def facts(self) -> int:
        d = self.doc
        return len(d.roles) + len(d.events) + len(d.quotes)


def build(sources: Sequence[str | Path], out: str | Path, *, published: dt.date | None = None,
          base: str = DEFAULT_BASE, formats: Sequence[str] = DEFAULT_FORMATS,
          progress: Callable[[str], None] | None = None) -> list[Built]:
    """Build each article into ``out/<stem>.<ext>`` for every format; return what was written."""
    from .rdf.graph import to_triples
    from .rdf.iris import IRIs

    stems: dict[str, str] = {}
    docs = []
    for i, src in enumerate(sources, 1):
        if progress and len(sources) > 1:
            progress(f"[{i}/{len(sources)}] reading {src}")
        doc = build_document(src, published)
        if doc.article.stem in stems:
            raise UsageError(f"{src} and {stems[doc.article.stem]} would both write {doc.article.stem}.*; rename one")
        stems[doc.article.stem] = str(src)
        docs.append(doc)
    IRIs(base, "check")                      # a bad --base fails before anything is written
    folder = ensure_dir(Path(out))
    results = []
    for doc in docs:
        graph = to_triples(doc, base)          # plain values: Turtle and HTML need no rdflib
        article = IRIs(base, doc.article.stem).article
        files = []
        for name in formats:
            data = exporter(name)(graph, article)
            path = folder / f"{doc.article.stem}{FORMATS[name].extension}"
            atomic_write(path, data)
            files.append(path)
        results.append(Built(doc.article.source, doc, len(graph), tuple(files)))
    return results
