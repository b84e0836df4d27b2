"""Backups from the command line: make one, list them, restore one."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..data import backups
from ..data.diagnostic import report
from ..i18n import _, format_datetime, format_number, ngettext
from .common import command_paths, open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "backup", cmd_backup, help=_("faire une sauvegarde chiffrée maintenant"))
    p.add_argument("--to", metavar=_("DOSSIER"), help=_("dossier de destination (une clé USB, par exemple)"))

    p = add_command(
        sub, "diagnostic", cmd_diagnostic,
        help=_("afficher le rapport de diagnostic (versions, nombres de lignes, fin du "
            "journal ; aucun renseignement sur les personnes)"),
    )

    p = add_command(sub, "list-backups", cmd_list, help=_("lister les sauvegardes de ce poste"))

    p = add_command(
        sub, "restore", cmd_restore,
        help=_("remplacer la base par une sauvegarde (l'état actuel est sauvegardé d'abord)"),
    )
    p.add_argument("file", metavar=_("FICHIER"), help=_("la sauvegarde à restaurer (.db)"))
    p.add_argument("--yes", action="store_true", help=_("ne pas demander de confirmation"))


def cmd_backup(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        info = backups.write_backup(store, Path(args.to), "manual") if args.to else backups.backup_now(store, "manual")
    out(_("Sauvegarde faite et vérifiée : {path}").format(path=info.path))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    paths = command_paths(args)
    found = backups.list_backups(paths)
    if not found:
        out(_("Aucune sauvegarde sur ce poste."))
    for info in found:
        size = _("{n} Mo").format(n=format_number(round(info.size / 1_048_576, 1)))
        out(f"{format_datetime(info.created, 'medium'):<32} {_(backups.KINDS[info.kind]):<20} {size:>10}  {info.path.name}")
    unsorted = backups.list_folder(paths.backups_dir)
    if unsorted:  # left by an older version; sorted at the next start, or not ours to identify
        out(ngettext("Dans le dossier commun « {folder} », {n} copie n'a pas encore été rangée avec sa base : {names}",
                     "Dans le dossier commun « {folder} », {n} copies n'ont pas encore été rangées avec leur base : {names}",
                     len(unsorted)).format(folder=paths.backups_dir, n=len(unsorted),
                                           names=", ".join(b.path.name for b in unsorted)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not args.yes:
        answer = input(_("Remplacer toutes les données par celles de « {name} » ? (oui/non) ").format(name=source.name))
        if answer.strip().lower() not in ("o", "oui", "y", "yes"):
            out(_("Rien n'a été modifié."))
            return 1
    with open_store(args) as store:
        key, author = store.data_key, store.author
        safety, database = backups.restore(store, source)
    reopened = backups.reopen_after_restore(command_paths(args), key, author)
    reopened.close()
    out(_("Sauvegarde restaurée. L'état précédent a été gardé dans : {path}").format(path=safety.path))
    return 0


def cmd_diagnostic(args: argparse.Namespace) -> int:
    """The report; with the passphrase (``--passphrase-file`` or ``ENTRAIDE_PASSPHRASE``), the row counts too."""


    paths = command_paths(args)
    if (getattr(args, "passphrase_file", None) or os.environ.get("ENTRAIDE_PASSPHRASE")) and paths.database.exists():
        with open_store(args, lock=False) as store:
            out(report(paths, store))
    else:
        out(report(paths))
    return 0
