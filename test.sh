#!/usr/bin/env bash
# Install Entraide and its test tools in .venv, then run every test (headless).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/system-deps.sh
# Installed again only when pyproject.toml changed since the last install (a fresh checkout always installs).
if [[ ! -f .venv/.installed || pyproject.toml -nt .venv/.installed ]]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,packaging]"
  touch .venv/.installed
fi
# On every core (pytest-xdist), unless told otherwise (-n 0 runs in one process).
parallel=(-n auto)
for arg in "$@"; do
  [[ $arg == -n* || $arg == --numprocesses* || $arg == *no:xdist* ]] && parallel=()
done
status=0
.venv/bin/python -m pytest "${parallel[@]}" "$@" || status=$?
# pytest's 5 means "no tests collected": not a failure of the code under test.
[[ $status -eq 5 ]] && status=0
exit $status
