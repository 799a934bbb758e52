"""Atomic file writes: write a temporary file beside the target, then rename over it.

A crash, a full disk or Ctrl-C never leaves a half-written output, and an existing file is
replaced only once its new content is complete.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def ensure_dir(path: Path) -> Path:
    """Create an output folder (and parents) or raise OutputError saying why not."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: exists and is not a folder; choose another --out")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: the output folder is not writable; choose another --out")
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp_name is not None and os.path.exists(tmp_name):
            os.unlink(tmp_name)
