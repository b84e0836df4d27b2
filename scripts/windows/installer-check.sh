#!/usr/bin/env bash
# The Windows installer, proven under Wine: build it (scripts/windows/build.sh), install it silently,
# start the installed app to its main window on a demo database and quit, make a backup and a sync
# round (two databases, a join file, an exchange file) with the installed entraide-cli.exe, install
# again over it (an upgrade keeps every file), uninstall silently, and check that the data folder is
# still there. Prints the figures of docs/windows.md.
#   scripts/windows/installer-check.sh [--no-build]     (--no-build: use dist/ as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/windows/env.sh
ensure_wine
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' entraide_desktop/__init__.py)
installer="dist/Entraide-Installation-$version.exe"
[[ ${1:-} == --no-build && -f $installer ]] || scripts/windows/build.sh
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.1f}')"; }
fail() { echo "installer-check : ÉCHEC — $1" >&2; exit 1; }

# A fresh Windows user profile for this check (the cached prefix keeps the interpreters only).
export WINEPREFIX="$WIN_CACHE/prefix-install"
rm -rf "$WINEPREFIX"
wineboot -i >/dev/null 2>&1 || true
# Wine links the profile's Desktop, Documents… to the Linux home: make them real folders of this profile.
for link in "$WINEPREFIX"/drive_c/users/*/*; do
  [[ -L $link ]] && rm "$link" && mkdir "$link"
done
local_app=$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')
unix_local=$(winepath -u "$local_app" 2>/dev/null)
program="$unix_local/Programs/Entraide"
data="$unix_local/Entraide"

start=$(now)
wine "$installer" /S </dev/null 2>/dev/null | cat
install_s=$(seconds "$start" "$(now)")
[[ -f "$program/entraide.exe" && -f "$program/entraide-cli.exe" ]] || fail "rien n'est installé dans $program"
start_menu=$(winepath -u "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')")/Microsoft/Windows/Start\ Menu/Programs/Entraide
# The installer speaks the system's language (French, else English): either name of the consultation shortcut.
[[ -f "$start_menu/Entraide.lnk" ]] || fail "raccourci « Entraide » absent du menu Démarrer ($start_menu)"
[[ -f "$start_menu/Entraide — calendrier (consultation).lnk" || -f "$start_menu/Entraide — calendar (members' view).lnk" ]] \
  || fail "raccourci « Entraide — calendrier (consultation) » absent du menu Démarrer ($start_menu)"
[[ -f "$(winepath -u "$(wine cmd /c echo %USERPROFILE% 2>/dev/null | tr -d '\r')")/Desktop/Entraide.lnk" ]] \
  || fail "raccourci du bureau absent"

# Wine gap, in this check only: WMI (Python's platform module) is unimplemented in Wine 8 and aborts
# the process. Real Windows has it, so the installer ships _wmi.pyd; the check hides the installed copy.
[[ -f "$program/_internal/_wmi.pyd" ]] && mv "$program/_internal/_wmi.pyd" "$program/_internal/_wmi.pyd.wine-gap"
# Wine gaps, in this check only: Qt's windows platform asks WinRT for the theme (UISettings), which
# Wine 8 lacks (the process aborts), so the installed app runs on Qt's offscreen platform with Debian's
# DejaVu fonts. Wine does not pass QT_* variables to Windows processes: they go in the profile's
# environment (HKCU\Environment), as a Windows user would set them.
wine reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null 2>&1
wine reg add 'HKCU\Environment' /v QT_QPA_FONTDIR /d "$(winepath -w /usr/share/fonts/truetype/dejavu 2>/dev/null)" /f \
  >/dev/null 2>&1
cli() { wine "$program/entraide-cli.exe" "$@" </dev/null 2>/dev/null | tr -d '\r'; return "${PIPESTATUS[0]}"; }

# 1. The installed app to its main window on the demo database, then quit (ENTRAIDE_BENCH_PASSPHRASE:
#    unlock without the dialog, quit once the window is shown).
cli demo >/dev/null || fail "la base de démonstration n'a pas pu être créée"
start=$(now)
shown=$(ENTRAIDE_BENCH_PASSPHRASE=demo-entraide cli --demo) || fail "l'application ne s'est pas fermée proprement"
app_s=$(seconds "$start" "$(now)")
[[ $shown == *SHOWN* ]] || fail "la fenêtre principale ne s'est pas affichée : $shown"
ENTRAIDE_BENCH_PASSPHRASE=demo-entraide wine "$program/entraide.exe" --demo </dev/null >/dev/null 2>&1 \
  || fail "entraide.exe (sans console) ne s'est pas fermé proprement"
# The same window from a bare PySide6 program started the same way, for comparison.
start=$(now)
winpy "$WIN_CACHE/python-build" bench/bare_window.py >/dev/null 2>&1 || true
bare_s=$(seconds "$start" "$(now)")

# 2. A backup, then a sync round between two databases, from the command line.
export ENTRAIDE_PASSPHRASE="café du mardi au local"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
a=$(winepath -w "$work/centre/entraide.db"); b=$(winepath -w "$work/portable/entraide.db"); usb=$(winepath -w "$work/usb")
mkdir -p "$work/usb"
cli init --database "$a" --group "Le Phare" --person Marie >/dev/null || fail "init"
cli backup --database "$a" | grep -q . || fail "sauvegarde"
ls "$data/sauvegardes"/*/*.db >/dev/null 2>&1 || fail "aucune sauvegarde dans $data/sauvegardes"
printf 'Prénom;Nom;Téléphone\r\nHélène;Côté;418 555-0101\r\n' > "$work/membres.csv"
cli import-members --database "$a" "$(winepath -w "$work/membres.csv")" >/dev/null || fail "import-members"
code=$(cli join-code --database "$a" --to "$usb" | grep -o -E '[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' | head -1)
join_file=$(ls "$work/usb"/*.entraide-jumelage | head -1)
# The code goes on the standard input (never on the command line); the join file is deleted once used.
printf '%s\n' "$code" | wine "$program/entraide-cli.exe" join --database "$b" "$(winepath -w "$join_file")" \
  --person Luc --machine-name Portable 2>/dev/null | tr -d '\r' >/dev/null || fail "join"
[[ ! -e "$join_file" ]] || fail "le fichier de jumelage est resté sur la clé après usage"
cli machine-name --database "$a" Centre >/dev/null
rm -f "$work/usb"/*.entraide
cli export-bundle --database "$a" --to "$usb" >/dev/null || fail "export-bundle"
bundle=$(ls "$work/usb"/*.entraide | grep -v jumelage | head -1)
cli import-bundle --database "$b" "$(winepath -w "$bundle")" >/dev/null || fail "import-bundle"
cli export-members --database "$b" --format csv --out "$(winepath -w "$work/b.csv")" >/dev/null || fail "export-members"
grep -q "Côté" "$work/b.csv" || fail "la fiche n'est pas arrivée sur le deuxième poste"

# 3. Upgrade: the installer run again over the installed copy (as a newer version would be) keeps
#    the program working and every file of the data folder.
snapshot() { (cd "$data" && find . -type f -printf '%p %s %T@\n' | sort | md5sum); }
before=$(snapshot)
wine "$installer" /S </dev/null 2>/dev/null | cat
[[ -f "$program/_internal/_wmi.pyd" ]] && mv "$program/_internal/_wmi.pyd" "$program/_internal/_wmi.pyd.wine-gap"
[[ $(snapshot) == "$before" ]] \
  || fail "la mise à jour a changé le dossier des données"
cli export-members --database "$b" --format csv --out "$(winepath -w "$work/b2.csv")" >/dev/null \
  && grep -q "Côté" "$work/b2.csv" || fail "après la mise à jour, la fiche n'est plus lisible"

# 4. Uninstall: the program goes, the data stays.
start=$(now)
wine "$program/Desinstaller-Entraide.exe" /S </dev/null 2>/dev/null | cat
for _ in $(seq 30); do [[ -e "$program/entraide.exe" ]] || break; sleep 1; done   # NSIS copies itself first
[[ ! -e "$program/entraide.exe" ]] || fail "le programme est encore là après la désinstallation"
[[ -d "$data" && -f "$data/demo/entraide-demo.db" ]] || fail "les données ont disparu avec le programme"

size=$(stat -c %s "$installer")
echo "Installateur : $installer, $(python3 -c "print(f'{$size / 1e6:.1f}')") Mo"
echo "Installation silencieuse : ${install_s} s"
echo "Démarrage jusqu'à la fenêtre principale (démo) : ${app_s} s ; fenêtre PySide6 nue : ${bare_s} s"
echo "Sauvegarde, jumelage, échange, mise à jour et désinstallation : OK ; les données restent dans $data"
