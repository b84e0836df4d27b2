#!/usr/bin/env bash
# The Windows installer, built on Linux: one command from a clean clone.
#   scripts/windows/build.sh            → dist/Entraide-Installation-<version>.exe
# 1. Windows' own CPython 3.13 and the win_amd64 wheels of packaging/windows/requirements-windows.lock
#    (scripts/windows/prepare.sh, cached by the lock's hash);
# 2. PyInstaller under Wine makes the one-folder app (packaging/entraide.spec: entraide.exe without a
#    console, entraide-cli.exe with one, the icon and a version resource);
# 3. NSIS (makensis, native) wraps it into a per-user installer (packaging/windows/entraide.nsi).
# Wine gaps are shimmed in the build interpreter only (see scripts/windows/check.sh), never in the app.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/windows/env.sh
ensure_wine
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' entraide_desktop/__init__.py)
py="$WIN_CACHE/python-build"
scripts/windows/prepare.sh packaging/windows/requirements-windows.lock "$py"
# Wine 8 gaps, in the build interpreter only: WMI (platform) and CopyFile2 (shutil's copies).
[[ -f "$py/_wmi.pyd" ]] && mv "$py/_wmi.pyd" "$py/_wmi.pyd.real"
printf 'import _winapi\nif hasattr(_winapi, "CopyFile2"):\n    del _winapi.CopyFile2\n' \
  > "$py/Lib/site-packages/sitecustomize.py"
out=build/windows
rm -rf "$out/dist" "$out/work"
mkdir -p "$out" dist
echo "PyInstaller sous Wine…" >&2
winpy "$py" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$(winepath -w "$out/dist")" --workpath "$(winepath -w "$out/work")" \
  "$(winepath -w packaging/entraide.spec)" | grep -v -E "^(fixme|err):" || true
app="$out/dist/entraide"
[[ -f "$app/entraide.exe" && -f "$app/entraide-cli.exe" ]] || { echo "build.sh: PyInstaller n'a pas produit l'application" >&2; exit 1; }
# The app ships Python's own WMI module: real Windows has WMI (it was only hidden from the build).
[[ -f "$py/_wmi.pyd.real" ]] && cp "$py/_wmi.pyd.real" "$app/_internal/_wmi.pyd"
echo "NSIS…" >&2
makensis -V2 -DVERSION="$version" -DAPPDIR="$PWD/$app" -DOUTFILE="$PWD/dist/Entraide-Installation-$version.exe" \
  packaging/windows/entraide.nsi
ls -l "dist/Entraide-Installation-$version.exe"
