"""One family of errors.  Each says what failed, where, and what to do about it.

The CLI turns any ``KGError`` into a one-line message on stderr and exits with the error's
``exit_code``; nothing else is caught, so a bug still shows its traceback.
"""
from __future__ import annotations


class KGError(Exception):
    """Base class: a problem the user can fix.  ``str(err)`` is the one-line message."""

    exit_code = 1


class InputError(KGError):
    """An input file is missing, unreadable, empty, binary or not UTF-8."""

    exit_code = 2


class UsageError(KGError):
    """An option has a bad value (a date that is not YYYY-MM-DD, an unknown format, ...)."""

    exit_code = 2


class OutputError(KGError):
    """An output file or folder cannot be written."""

    exit_code = 3


class QueryError(KGError):
    """A SPARQL query is malformed, unknown, or not allowed (updates are refused)."""

    exit_code = 4


class StageError(KGError):
    """A pipeline stage handed on a document that breaks the pipeline's invariants (a bug)."""

    exit_code = 70


class RemoteError(KGError):
    """A server (SPARQL endpoint, graph store) could not be reached or refused a request."""

    exit_code = 5
