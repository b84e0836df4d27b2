#!/usr/bin/env bash
# Install Entraide in .venv (first time only) and start it. Arguments go to the app:
#   ./run.sh --demo        # a demo group with fictional people (passphrase shown on screen)
#   ./run.sh               # your group's database (created on first start)
set -euo pipefail
cd "$(dirname "$0")"
./scripts/system-deps.sh
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/entraide "$@"
