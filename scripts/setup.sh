#!/usr/bin/env bash
# Set up kg in ./.venv (Python >= 3.11).  Usage: bash scripts/setup.sh [--test]
#   --test  also install the test tools: Debian chromium and raptor2-utils, the Python test extras.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {   # install Debian packages that are missing (needs root or sudo)
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "setup: kg needs Python >= 3.11 ($PY is $("$PY" -V 2>&1))" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv 2>/dev/null || { apt_install python3-venv; rm -rf .venv; "$PY" -m venv .venv; }
fi
if [ "${1:-}" = "--test" ]; then
  apt_install chromium raptor2-utils fonts-dejavu-core
  .venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
else
  .venv/bin/pip install -q --disable-pip-version-check -e .
fi
# byte-compile kg now: start-up matters (kg build is benchmarked against `import rdflib`)
.venv/bin/python -m compileall -q kg ontology >/dev/null
