"""`kg build` end to end through the real CLI: outputs, summary, bad input, atomic writes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED, SEED_PUBLISHED, kg

GOOD = "Union Talks Resume\n\nThe Teamsters and Acme Freight Inc. met on Monday, the union said.\n"


def one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """A failed run: non-zero exit, one line on stderr naming the problem, no traceback."""
    assert done.returncode != 0
    # progress lines ("[1/2] reading ...") may come first; the error itself is one line
    lines = [line for line in done.stderr.strip().splitlines() if not line.startswith("[")]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), done.stderr
    assert "Traceback" not in done.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]


def test_build_writes_ttl_and_html_and_a_summary(tmp_path: Path) -> None:
    done = kg("build", str(SEED), "--out", str(tmp_path), "--published", SEED_PUBLISHED)
    assert done.returncode == 0, done.stderr
    stem = SEED.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{stem}.html", f"{stem}.ttl"]
    assert "entities" in done.stdout and "triples" in done.stdout and f"{stem}.ttl" in done.stdout


def test_build_reads_stdin(tmp_path: Path) -> None:
    done = kg("build", "-", "--out", str(tmp_path), "--format", "ttl", input=GOOD)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "stdin.ttl").read_text(encoding="utf-8").count("Teamsters") >= 1


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for d in ("a", "b"):
        assert kg("build", str(SEED), "--out", str(tmp_path / d), "--published", SEED_PUBLISHED,
                  "--format", "ttl,nt,jsonld,trig").returncode == 0
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_base_iri_is_configurable(tmp_path: Path) -> None:
    done = kg("build", "-", "--out", str(tmp_path), "--format", "ttl", "--base", "http://news.test/kg/", input=GOOD)
    assert done.returncode == 0, done.stderr
    assert "<http://news.test/kg/article/stdin>" in (tmp_path / "stdin.ttl").read_text(encoding="utf-8") \
        or "http://news.test/kg/article/stdin" in (tmp_path / "stdin.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.txt", ["missing.txt", "no such file"]),
    (lambda d: d, ["is a directory"]),
    (lambda d: _write(d / "empty.txt", b""), ["empty"]),
    (lambda d: _write(d / "blank.txt", b"  \n\t\n"), ["empty"]),
    (lambda d: _write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ["binary"]),
    (lambda d: _write(d / "latin1.txt", "Caf\u00e9 workers strike".encode("latin-1")), ["utf-8"]),
])
def test_bad_input_gets_one_line_and_no_output(tmp_path: Path, make, words) -> None:  # type: ignore[no-untyped-def]
    src = make(tmp_path)
    out = tmp_path / "out"
    done = kg("build", str(src), "--out", str(out))
    one_line_error(done, *words)
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("args, words", [
    (["--published", "21/09/2023"], ["--published", "YYYY-MM-DD"]),
    (["--published", "2023-02-30"], ["--published"]),
    (["--format", "ttl,pdf"], ["--format", "pdf"]),
    (["--base", "not an iri"], ["--base"]),
])
def test_bad_options_get_one_line(tmp_path: Path, args: list[str], words: list[str]) -> None:
    done = kg("build", str(SEED), "--out", str(tmp_path / "out"), *args)
    one_line_error(done, *words)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_unwritable_out_is_one_line(tmp_path: Path) -> None:
    blocker = _write(tmp_path / "file", b"x")
    one_line_error(kg("build", str(SEED), "--out", str(blocker)), "not a folder")
    one_line_error(kg("build", str(SEED), "--out", str(blocker / "sub")), "cannot create")


def test_a_bad_article_among_several_writes_nothing_and_keeps_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert kg("build", str(SEED), "--out", str(out), "--format", "ttl").returncode == 0
    before = (out / f"{SEED.stem}.ttl").read_bytes()
    bad = _write(tmp_path / "bad.txt", b"")
    done = kg("build", str(SEED), str(bad), "--out", str(out), "--format", "ttl", "--published", SEED_PUBLISHED)
    one_line_error(done, "bad.txt")
    assert (out / f"{SEED.stem}.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [f"{SEED.stem}.ttl"]   # no temp files left


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys; from kg.cli import main\n"
            "try:\n    main.main(['--help'], standalone_mode=False)\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('rdflib', 'networkx', 'pyvis', 'pyshacl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().endswith("[]"), done.stdout


def test_default_build_imports_neither_rdflib_nor_view_libraries(tmp_path: Path) -> None:
    """Importing rdflib costs more than the whole extraction: Turtle and HTML are written without it."""
    code = ("import sys; from kg.cli import main\n"
            f"main.main(['build', {str(SEED)!r}, '--out', {str(tmp_path)!r}, '-q'], standalone_mode=False)\n"
            "print(sorted(m for m in ('rdflib', 'networkx', 'pyvis', 'pyshacl', 'IPython') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".ttl"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
