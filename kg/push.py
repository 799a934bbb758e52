"""Load built graphs into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each article goes to its own named graph, named by the article's IRI (the
``schema:NewsArticle`` node), with ``PUT <endpoint>?graph=<article IRI>``: PUT replaces the
graph, so pushing an article again updates it and never duplicates a triple.  A TriG or
N-Quads file pushes each of its named graphs under its own name.

Every file is read and checked before the first request, so a bad file among several sends
nothing.  Only the standard library talks HTTP (no dependency to install).
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, RemoteError, UsageError
from .query import QUAD_FORMATS, SCHEMA_NEWS_ARTICLE, graph_file


@dataclass(frozen=True)
class Upload:
    """One named graph to send: where it came from, its name and its N-Triples."""

    source: str
    graph: str
    triples: int
    body: bytes


def plan(paths: Sequence[str | Path]) -> list[Upload]:
    """Read every file and decide which named graph each part goes to (nothing is sent)."""
    from rdflib import Dataset, Graph, URIRef
    from rdflib.exceptions import ParserError

    uploads: list[Upload] = []
    for p in paths:
        path, fmt = graph_file(p)
        try:
            if fmt in QUAD_FORMATS:
                ds = Dataset()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)   # raised inside rdflib's parser
                    ds.parse(path, format=fmt)
                parts: list[tuple[object, Graph]] = [(g.identifier, g) for g in ds.graphs() if len(g)]
            else:
                parts = [(None, Graph().parse(path, format=fmt))]
        except (ParserError, SyntaxError, ValueError, UnicodeDecodeError, AttributeError, TypeError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"{p}: not valid {fmt} ({first[:200]})") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
        for ident, graph in parts:
            if ident is None or str(ident) == "urn:x-rdflib:default":
                name = _article(graph, str(p))
            elif isinstance(ident, URIRef):
                name = str(ident)
            else:
                raise InputError(f"{p}: a graph is named by a blank node; name it with an IRI to push it")
            if len(graph) == 0:
                continue
            body = graph.serialize(format="nt", encoding="utf-8")
            uploads.append(Upload(str(p), name, len(graph), body))
    seen: dict[str, str] = {}
    for u in uploads:
        if u.graph in seen and seen[u.graph] != u.source:
            raise InputError(f"{u.source} and {seen[u.graph]} both hold article <{u.graph}>; "
                             "push one of them (the second would replace the first)")
        seen[u.graph] = u.source
    return uploads


def _article(graph: object, source: str) -> str:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    assert isinstance(graph, Graph)
    articles = sorted(str(a) for a in graph.subjects(RDF.type, URIRef(SCHEMA_NEWS_ARTICLE)))
    if not articles:
        raise InputError(f"{source}: no schema:NewsArticle in it, so no article graph to push it to; "
                         "push the files kg build writes")
    if len(articles) > 1:
        raise InputError(f"{source}: holds {len(articles)} articles; push one file per article "
                         "(kg build writes one) or a TriG file with one named graph each")
    return articles[0]


def graph_url(endpoint: str, graph: str) -> str:
    """``<endpoint>?graph=<IRI>`` (the Graph Store Protocol's indirect graph identification)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def check_endpoint(endpoint: str) -> str:
    """The endpoint URL, or a UsageError when it is not an http(s) URL."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--endpoint {endpoint!r}: give the store's Graph Store URL, "
                         "e.g. http://127.0.0.1:7878/store for Oxigraph")
    return endpoint


def put(endpoint: str, upload: Upload, timeout: float = 60.0) -> int:
    """PUT one graph; return the HTTP status, or raise a RemoteError that says what the server said."""
    req = urllib.request.Request(graph_url(endpoint, upload.graph), data=upload.body, method="PUT",
                                 headers={"Content-Type": "application/n-triples",
                                          "User-Agent": "kg-push"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        detail = _first_line(exc.read())
        raise RemoteError(f"{endpoint} refused graph <{upload.graph}> from {upload.source}: "
                          f"HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise RemoteError(f"cannot reach {endpoint}: connection refused; is the store running "
                              "(e.g. oxigraph serve --location DIR) and is the URL right?") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise RemoteError(f"{endpoint} did not answer within {timeout:g} s; try again or raise --timeout") from None
        raise RemoteError(f"cannot reach {endpoint}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise RemoteError(f"{endpoint} did not answer within {timeout:g} s; try again or raise --timeout") from None
    except (ConnectionError, OSError) as exc:
        raise RemoteError(f"cannot reach {endpoint}: {exc.strerror or exc}") from None


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return " ".join(text.splitlines()[0].split())[:200] if text else ""


def push(paths: Sequence[str | Path], endpoint: str, *, timeout: float = 60.0,
         progress: Callable[[Upload, int], None] | None = None) -> list[Upload]:
    """Push every article graph in ``paths`` to the Graph Store at ``endpoint``; return what was sent."""
    check_endpoint(endpoint)
    uploads = plan(paths)
    for u in uploads:
        status = put(endpoint, u, timeout)
        if progress:
            progress(u, status)
    return uploads
