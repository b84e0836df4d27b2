#!/usr/bin/env bash
# The Windows check: the test suite on Windows' own CPython 3.13 with the Windows wheels, under Wine.
#   scripts/windows/check.sh [PYTEST ARGS...]      (default: the whole suite, tests/)
# Wine gaps (not Windows behaviour) are shimmed here only, never in the app:
#   - _wmi.pyd (platform's WMI queries) is not implemented by Wine: removed from the test interpreter.
#   - KERNEL32 CopyFile2 (shutil.copyfile on 3.12+) is not implemented by Wine 8: a sitecustomize in
#     the test interpreter hides _winapi.CopyFile2, so shutil falls back to its portable copy.
#   - Qt's offscreen platform (the tests') finds no font on Windows: QT_QPA_FONTDIR, set below.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/windows/env.sh
ensure_wine
dir="$WIN_CACHE/python-check"
scripts/windows/prepare.sh packaging/windows/wine-check.lock "$dir"
rm -f "$dir/_wmi.pyd"
# Qt's offscreen platform on Windows reads fonts only from QT_QPA_FONTDIR (default <Qt>/lib/fonts,
# absent; the real windows platform reads the system's), and Wine passes no QT_* variable: the
# sitecustomize sets it to Debian's DejaVu (scripts/system-deps.sh), the font the Linux run lays
# out with, and wider than Windows' Segoe UI, so the layout checks stay on the safe side.
fontdir=$(winepath -w /usr/share/fonts/truetype/dejavu 2>/dev/null)
cat > "$dir/Lib/site-packages/sitecustomize.py" <<EOF
import os, _winapi
if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
os.environ.setdefault("QT_QPA_FONTDIR", r"$fontdir")
EOF
# The project itself: a .pth line, since an embeddable interpreter ignores PYTHONPATH and the
# current folder (tests start child interpreters that import entraide_desktop too).
winepath -w "$PWD" 2>/dev/null > "$dir/Lib/site-packages/entraide-project.pth"
export QT_QPA_PLATFORM=offscreen ENTRAIDE_UNDER_WINE=1
# The whole suite (tests/packaging builds the Linux bundle and skips itself on Windows).
[[ $# -gt 0 ]] || set -- tests
winpy "$dir" -m pytest -q -p no:cacheprovider "$@"
