#!/usr/bin/env bash
# Set up everything the tests need, then run the whole suite.  Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: that is a failure of the suite, say so
if [ "$rc" = 5 ]; then echo "test: no tests were collected" >&2; exit 1; fi
exit "$rc"
