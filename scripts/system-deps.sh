#!/usr/bin/env bash
# Debian/Ubuntu libraries that Qt needs (even off screen) and fonts with French accents.
# Installs them when missing and run as root; otherwise says which command to run.
set -euo pipefail
packages=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1)
command -v dpkg-query >/dev/null || exit 0   # not Debian-like: nothing to check
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -eq 0 ]]; then
  echo "Installation des bibliothèques système : ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Bibliothèques système manquantes. Installez-les avec :" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
