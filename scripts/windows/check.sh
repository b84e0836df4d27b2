#!/usr/bin/env bash
# The Windows check: the test suite on Windows' own CPython 3.13 with the Windows wheels, under Wine.
#   scripts/windows/check.sh [PYTEST ARGS...]      (default: the suites listed below)
# Wine gaps (not Windows behaviour) are shimmed here only, never in the app:
#   - _wmi.pyd (platform's WMI queries) is not implemented by Wine: removed from the test interpreter.
#   - KERNEL32 CopyFile2 (shutil.copyfile on 3.12+) is not implemented by Wine 8: a sitecustomize in
#     the test interpreter hides _winapi.CopyFile2, so shutil falls back to its portable copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/windows/env.sh
ensure_wine
dir="$WIN_CACHE/python-check"
scripts/windows/prepare.sh packaging/windows/wine-check.lock "$dir"
rm -f "$dir/_wmi.pyd"
printf 'import _winapi\nif hasattr(_winapi, "CopyFile2"):\n    del _winapi.CopyFile2\n' \
  > "$dir/Lib/site-packages/sitecustomize.py"
# The project itself: a .pth line, since an embeddable interpreter ignores PYTHONPATH and the
# current folder (tests start child interpreters that import entraide_desktop too).
winepath -w "$PWD" 2>/dev/null > "$dir/Lib/site-packages/entraide-project.pth"
export QT_QPA_PLATFORM=offscreen ENTRAIDE_UNDER_WINE=1
# Every suite but tests/ui and tests/packaging (docs/windows.md says what remains there).
[[ $# -gt 0 ]] || set -- tests/data tests/sync tests/faults tests/trust tests/test_cli.py tests/test_i18n_catalogs.py
winpy "$dir" -m pytest -q -p no:cacheprovider "$@"
