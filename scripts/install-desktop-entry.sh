#!/usr/bin/env bash
# Add Entraide to the desktop's application menu (current user): .desktop file, icon, metainfo.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${XDG_DATA_HOME:-$HOME/.local/share}
install -Dm644 resources/org.entraide.Entraide.desktop "$data/applications/org.entraide.Entraide.desktop"
install -Dm644 resources/org.entraide.Entraide.svg "$data/icons/hicolor/scalable/apps/org.entraide.Entraide.svg"
install -Dm644 resources/org.entraide.Entraide.metainfo.xml "$data/metainfo/org.entraide.Entraide.metainfo.xml"
# The launcher runs the copy installed in .venv by ./run.sh.
sed -i "s|^Exec=entraide|Exec=$(pwd)/.venv/bin/entraide|" "$data/applications/org.entraide.Entraide.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Entraide a été ajouté au menu des applications."
