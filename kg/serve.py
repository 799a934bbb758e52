"""A read-only SPARQL 1.1 Protocol endpoint over graph files: ``http://HOST:PORT/sparql``.

- Queries come as ``GET ?query=``, ``POST`` with ``application/sparql-query``, or a
  form-encoded ``POST`` with ``query=``; updates (``update=``, ``application/sparql-update``,
  or update text as a query) are refused with 403.  ``GET /sparql`` without a query shows a
  help page (HTML) or a SPARQL service description (Turtle), by content negotiation.
  ``default-graph-uri`` / ``named-graph-uri`` pick graphs by IRI (each article's graph is
  named by the article's IRI), replacing the query's FROM clauses as the protocol says.
- Results are negotiated from the Accept header (or a ``format=`` parameter): SPARQL results
  JSON, XML, CSV and TSV for SELECT/ASK; Turtle, N-Triples, JSON-LD, RDF/XML for graphs.
- Each request runs in a forked child of a single-threaded server, so a query can be stopped:
  a timer interrupts it at the time limit (503), and the parent kills a child that is still
  running a few seconds later.  Forking the process that holds the parsed graph costs a few
  milliseconds (about 3 ms measured, against 10-50 ms to parse and run a typical query) and
  shares the graph's memory copy-on-write; nothing is re-read per request.
- Results larger than the cap are refused (400) with a hint to add LIMIT, rather than cut silently.
- One log line per request on stderr.
"""
from __future__ import annotations

import gc
import html
import os
import signal
import socket
import socketserver
import sys
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

from .errors import QueryError, UsageError
from .query import ReadOnlyError, TooLargeError, execute, load_graph, named_queries
from .results import GRAPH_MEDIA, ROW_MEDIA, CHARSET_MEDIA, negotiate, render

ENDPOINT_PATH = "/sparql"
READ_ONLY = "updates are not allowed: kg serve is read-only (use SELECT, ASK, CONSTRUCT or DESCRIBE)"
GRACE_SECONDS = 5.0            # how long past the time limit before the parent kills a child
FORMAT_ALIASES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "text": "text/plain",
    "ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
    "ntriples": "application/n-triples", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


@dataclass(frozen=True)
class Settings:
    """Limits and switches of one server."""

    timeout: float = 30.0          # seconds a query may run
    max_rows: int = 10_000         # rows (or triples) a result may have
    max_body: int = 1 << 20        # bytes a POST body may have
    cors: bool = False             # answer cross-origin requests (browser-based SPARQL editors)
    workers: int = 8               # queries answered at once


class _Deadline(BaseException):
    """Raised in a child by the timer; a BaseException so that no ``except Exception`` inside
    rdflib can swallow it."""


class _Reply(Exception):
    """An HTTP answer decided early (an error or a redirect)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class SparqlServer(socketserver.ForkingMixIn, HTTPServer):
    """HTTPServer that forks a child per request and kills children that overrun the limit."""

    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], graph: Any, settings: Settings, triples: int,
                 log: Callable[[str], None]) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.graph, self.settings, self.triples, self.log = graph, settings, triples, log
        self.max_children = settings.workers
        self.started: dict[int, float] = {}
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{f'[{name}]' if ':' in name else name}:{port}{ENDPOINT_PATH}"

    def process_request(self, request: Any, client_address: Any) -> None:  # noqa: D102
        self.collect_children()
        pid = os.fork()
        if pid:                                        # parent: remember when the child started
            self.started[pid] = time.monotonic()
            self.close_request(request)
            return
        status = 1                                     # child: answer this one request, then exit
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            self.finish_request(request, client_address)
            status = 0
        except Exception:
            self.handle_error(request, client_address)
        finally:
            try:
                self.shutdown_request(request)
            finally:
                os._exit(status)

    def collect_children(self, *, blocking: bool = False) -> None:
        """Reap finished children, kill overdue ones, and wait while all workers are busy."""
        limit = self.settings.timeout + GRACE_SECONDS
        while True:
            for pid, t0 in list(self.started.items()):
                try:
                    done, _ = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done = pid
                if done:
                    del self.started[pid]
                elif time.monotonic() - t0 > limit:
                    # the timer could not interrupt it (stuck in C code): stop it the hard way
                    os.kill(pid, signal.SIGKILL)
            busy = len(self.started) >= self.max_children or (blocking and self.started)
            if not busy:
                return
            time.sleep(0.02)

    def service_actions(self) -> None:  # noqa: D102
        self.collect_children()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line, not a traceback: a client that left, or a bug in kg serve."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            self.log(f"{client_address[0]} went away before the answer was sent")
        else:
            self.log(f"{client_address[0]} internal error: {type(exc).__name__}: {exc} "
                     "(a bug in kg serve; please report it)")

    def stop_children(self) -> None:
        """Kill every child still answering (on shutdown)."""
        for pid in list(self.started):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.started.clear()


class SparqlHandler(BaseHTTPRequestHandler):
    """One request: parse it, run the query under the time limit, negotiate and send the answer."""

    server: SparqlServer
    server_version = "kg-serve"
    timeout = 60                                  # seconds to wait for a slow client

    # -- HTTP verbs ---------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._t0, self._note = time.monotonic(), ""
        self._send(204, b"", "text/plain", {"Allow": "GET, POST, HEAD, OPTIONS"})

    def _read_only(self) -> None:
        self._t0, self._note = time.monotonic(), ""
        self._send_error(405, "kg serve is read-only: it answers SPARQL queries (GET, POST), nothing else",
                         {"Allow": "GET, POST, HEAD, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _read_only  # noqa: N815

    # -- the work -----------------------------------------------------------------------------
    def _handle(self, method: str) -> None:
        self._t0, self._note, self._query = time.monotonic(), "", ""
        try:
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("", "/"):
                raise _Reply(303, f"see {ENDPOINT_PATH}", {"Location": ENDPOINT_PATH})
            if url.path.rstrip("/") != ENDPOINT_PATH:
                raise _Reply(404, f"no such page {url.path}; the SPARQL endpoint is {ENDPOINT_PATH}")
            params = self._params(method, url.query)
            if "update" in params:
                raise _Reply(403, READ_ONLY)
            queries = params.get("query", [])
            if len(queries) > 1:
                raise _Reply(400, "give one query parameter, not several")
            if not queries:
                if method == "POST":
                    raise _Reply(400, "no query: send query=... (form) or a body of type application/sparql-query")
                self._describe()
                return
            self._query = " ".join(queries[0].split())
            dataset = (params.get("default-graph-uri", []), params.get("named-graph-uri", []))
            self._answer(queries[0], params.get("format", [""])[0], dataset, head=method == "HEAD")
        except _Reply as r:
            self._send_error(r.status, r.message, r.headers)
        except (BrokenPipeError, ConnectionResetError):
            raise
        except Exception as exc:
            if getattr(self, "_sent", False):
                raise                          # the answer is half written: only the log can say it
            self._send_error(500, f"internal error in kg serve: {type(exc).__name__}: {exc} (please report it)")

    def _params(self, method: str, query_string: str) -> dict[str, list[str]]:
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        if method != "POST":
            return params
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Reply(411, "a POST needs a Content-Length header")
        try:
            n = int(length)
        except ValueError:
            raise _Reply(400, "Content-Length is not a number") from None
        if n > self.server.settings.max_body:
            raise _Reply(413, f"the request body is larger than {self.server.settings.max_body} bytes")
        body = self.rfile.read(n)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise _Reply(400, "the request body is not UTF-8") from None
        if ctype == "application/sparql-update":
            raise _Reply(403, READ_ONLY)
        if ctype == "application/sparql-query":
            params.setdefault("query", []).append(text)
        elif ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        else:
            raise _Reply(415, f"unsupported Content-Type {ctype or '(none)'}: send application/sparql-query "
                              "or application/x-www-form-urlencoded")
        return params

    def _answer(self, text: str, fmt: str, dataset: tuple[list[str], list[str]], head: bool) -> None:
        settings = self.server.settings
        accept = FORMAT_ALIASES.get(fmt.lower(), fmt) if fmt else self.headers.get("Accept")

        def expire(signum: int, frame: Any) -> None:
            raise _Deadline()

        signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, settings.timeout)
        try:
            answer = execute(self.server.graph, text, max_rows=settings.max_rows, dataset=dataset)
            offers = GRAPH_MEDIA if answer.is_graph else ROW_MEDIA
            media = negotiate(accept, offers)
            if media is None:
                raise _Reply(406, f"cannot answer a {answer.kind} query as {accept}; "
                                  f"ask for one of: {', '.join(offers)}")
            body = render(answer, offers[media], crlf=media == "text/csv")
        except _Deadline:
            raise _Reply(503, f"the query ran longer than {settings.timeout:g} s, the limit here "
                              "(kg serve --timeout); narrow it or add LIMIT") from None
        except ReadOnlyError as err:
            raise _Reply(403, str(err)) from None
        except TooLargeError as err:
            raise _Reply(400, f"{err} (kg serve --max-rows)") from None
        except (QueryError, UsageError) as err:
            raise _Reply(400, str(err)) from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        self._note = (f"ASK {str(answer.boolean).lower()}" if answer.kind == "ASK" else
                      f"{answer.kind} {len(answer)} {'triples' if answer.is_graph else 'rows'}")
        self._send(200, b"" if head else body, media, {"Vary": "Accept"}, length=len(body))

    def _describe(self) -> None:
        """The help page (HTML) or the service description (Turtle) for GET without a query."""
        media = negotiate(self.headers.get("Accept"), {"text/html": "", "text/turtle": "", "text/plain": ""})
        if media == "text/turtle":
            self._send(200, service_description(self.server.url), "text/turtle", {"Vary": "Accept"})
        else:
            self._send(200, help_page(self.server.url, self.server.triples, self.server.settings).encode("utf-8"),
                       "text/html", {"Vary": "Accept"})

    # -- responses and the log ----------------------------------------------------------------
    def _send_error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._note = message[:120]
        self._send(status, (message + "\n").encode("utf-8"), "text/plain", headers or {})

    def _send(self, status: int, body: bytes, media: str, headers: dict[str, str], length: int | None = None) -> None:
        self._status, self._sent = status, True
        self.send_response_only(status)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        ctype = f"{media}; charset=utf-8" if media in CHARSET_MEDIA or media.startswith("text/") else media
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Cache-Control", "no-store")
        if self.server.settings.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)
        self._log_line(len(body))

    def _log_line(self, size: int) -> None:
        ms = (time.monotonic() - self._t0) * 1000
        path = urllib.parse.urlsplit(self.path).path
        query = getattr(self, "_query", "")
        shown = f' "{query[:80]}{"..." if len(query) > 80 else ""}"' if query else ""
        self.server.log(f"{self.client_address[0]} {self.command} {path} {self._status} {size}B {ms:.0f}ms "
                        f"{self._note}{shown}".replace("  ", " ").rstrip())

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass                                       # one line per request is written by _log_line

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        self.server.log(f"{self.client_address[0]} {format % args}")


def service_description(url: str) -> bytes:
    """A SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    formats = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]
    fmts = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in formats)
    return (f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\n"
            f"<{url}> a sd:Service ;\n"
            f"    sd:endpoint <{url}> ;\n"
            f"    sd:supportedLanguage sd:SPARQL11Query ;\n"
            f"    sd:feature sd:UnionDefaultGraph ;\n"
            f"    sd:resultFormat {fmts} .\n").encode("utf-8")


def help_page(url: str, triples: int, settings: Settings) -> str:
    """A small HTML page: what this is, a query form, and links that run the named queries."""
    e = html.escape
    rows = []
    for q in named_queries().values():
        if q.params:
            continue
        link = f"{ENDPOINT_PATH}?{urllib.parse.urlencode({'query': q.text, 'format': 'text'})}"
        rows.append(f"<li><a href=\"{e(link)}\">{e(q.name)}</a>: {e(q.description)} "
                    f"<small>({e(', '.join(q.columns))})</small></li>")
    example = "SELECT ?name ?type WHERE {\n  ?e schema:name ?name ; a ?type .\n} LIMIT 20"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em}}textarea{{width:100%}}
code,pre{{background:#f4f4f4}}</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>A read-only SPARQL 1.1 Protocol endpoint at <code>{e(url)}</code> over {triples} triples.
Send <code>GET ?query=</code> or <code>POST</code> (<code>application/sparql-query</code> or a form with
<code>query=</code>). Results follow the Accept header: SPARQL results JSON, XML, CSV, TSV; Turtle,
N-Triples, JSON-LD for CONSTRUCT and DESCRIBE. Queries stop after {settings.timeout:g} s; results are capped at
{settings.max_rows} rows. The prefixes schema:, kgo:, org:, prov:, nif:, rdfs:, xsd: need no PREFIX line.</p>
<form method="get" action="{ENDPOINT_PATH}">
<textarea name="query" rows="8">{e(example)}</textarea>
<p><label>Format <select name="format"><option value="text">table (text)</option><option value="json">JSON</option>
<option value="csv">CSV</option><option value="tsv">TSV</option><option value="xml">XML</option>
<option value="ttl">Turtle (CONSTRUCT/DESCRIBE)</option></select></label> <button>Run</button></p>
</form>
<h2>Named queries</h2><ul>
{chr(10).join(rows)}
</ul>
<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' {e(url)}</pre>
</body></html>
"""


def open_server(paths: Sequence[str | Path], host: str = "127.0.0.1", port: int = 7878,
                settings: Settings | None = None, log: Callable[[str], None] | None = None) -> SparqlServer:
    """Load the graphs and bind the server (not yet serving); a UsageError if the address is taken."""
    if not paths:
        raise UsageError("give at least one GRAPH file to serve")
    settings = settings or Settings()
    if settings.timeout <= 0 or settings.max_rows <= 0 or settings.workers <= 0:
        raise UsageError("--timeout, --max-rows and --workers must be greater than 0")
    if not hasattr(os, "fork"):
        raise UsageError("kg serve needs a system with fork() (Linux, macOS)")
    graph = load_graph(paths)
    triples = len(set(graph.triples((None, None, None))))
    # warm up: the SPARQL grammar and evaluator load on first use; loaded here, every child has them
    execute(graph, "SELECT ?s WHERE { ?s ?p ?o FILTER(STR(?o) != '') } ORDER BY ?s LIMIT 1")
    gc.freeze()              # the parsed graph is never collected: children then share its pages
    say = log or (lambda line: print(line, file=sys.stderr, flush=True))
    try:
        return SparqlServer((host, port), graph, settings, triples, say)
    except OSError as exc:
        hint = "choose another --port (or --port 0 for any free one)" if exc.errno == 98 else "check --host"
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; {hint}") from None


def serve(server: SparqlServer) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop every child and close the socket."""
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop_children()
        server.server_close()


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
