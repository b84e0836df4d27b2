# Sourced by the Windows scripts: where the Wine prefix and the Windows interpreter live, and how to
# run that interpreter. Nothing here is used by the app itself.
WIN_CACHE=${ENTRAIDE_WINDOWS_CACHE:-$HOME/.cache/entraide-windows}
export WINEPREFIX=${WINEPREFIX:-$WIN_CACHE/prefix}
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko prompt when the prefix is made

ensure_wine() {   # Debian's wine64 and nsis, installed when missing (as scripts/system-deps.sh does)
  command -v wine >/dev/null && command -v makensis >/dev/null && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "Wine et NSIS manquent : sudo apt-get install wine wine64 nsis" >&2; return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wine wine64 nsis >/dev/null
}

winpy() {   # winpy DIR ARGS...: DIR/python.exe under Wine. Its output goes through a pipe: Wine 8 gives
  # a Windows process no valid standard handle for a regular file, and Python then cannot start.
  local dir=$1; shift
  wine "$dir/python.exe" "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}
