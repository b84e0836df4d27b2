"""Who can open the register, from the command line: list the accesses, remove one (a re-key).

Removing an access re-keys the database and prints the new recovery key once; backups made
before the removal still open with the old key, so the command offers to delete them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..data import backups, keys, revocation
from ..data.errors import EntraideError
from ..i18n import _, format_datetime, ngettext
from .common import open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "list-access", cmd_list, help=_("lister les personnes ayant accès au registre"))

    p = add_command(
        sub, "remove-access", cmd_remove,
        help=_("retirer l'accès d'une personne : la base est chiffrée avec une nouvelle clé"),
    )
    p.add_argument("person", metavar=_("PERSONNE"), help=_("le nom de la personne, tel que list-access l'affiche"))
    p.add_argument("--yes", action="store_true", help=_("ne pas demander de confirmation"))
    p.add_argument(
        "--delete-old-backups", action="store_true",
        help=_("supprimer aussi les sauvegardes faites avant le retrait (elles s'ouvrent avec l'ancienne clé)"),
    )


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for slot_id, label in keys.read_keyfile(store.paths.key_file).labels():
            out(label + (_(" (vous)") if slot_id == store.author.id else ""))
    return 0


def _yes(question: str) -> bool:
    return input(question).strip().lower() in ("o", "oui", "y", "yes")


def cmd_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        wanted = args.person.strip().casefold()
        matches = [sid for sid, label in keys.read_keyfile(store.paths.key_file).labels() if label.casefold() == wanted]
        if not matches:
            raise EntraideError(_("Personne ne porte ce nom dans la liste des accès (voir « entraide list-access »)."))
        lost = revocation.not_yet_upgraded(store, keep_out=matches[0])
        if lost:
            out(_("Ces personnes n'ont pas ouvert le registre depuis la mise à jour ; leur accès devra être recréé : {names}").format(
                names=", ".join(lost)))
        if not args.yes and not _yes(_("Retirer l'accès de « {name} » et chiffrer la base avec une nouvelle clé ? (oui/non) ").format(
                name=args.person)):
            out(_("Rien n'a été modifié."))
            return 1
        done = revocation.remove_access(store, matches[0])
        out(_("L'accès de « {name} » est retiré ; la base est chiffrée avec une nouvelle clé.").format(name=done.removed))
        out(_("Nouvelle clé de récupération (notez-la maintenant, elle ne sera plus affichée) :"))
        out("    " + done.recovery_key)
        out(_("L'ancienne clé de récupération ne fonctionne plus."))
        old = revocation.backups_before(store, done.when)
        if old:
            out(ngettext(
                "{n} sauvegarde faite avant le retrait s'ouvre encore avec l'ancienne clé (la plus récente : {date}).",
                "{n} sauvegardes faites avant le retrait s'ouvrent encore avec l'ancienne clé (la plus récente : {date}).",
                len(old)).format(n=len(old), date=format_datetime(_created(old[0]), "medium")))
            if args.delete_old_backups or (not args.yes and _yes(_("Les supprimer ? (oui/non) "))):
                removed = revocation.delete_backups_before(store, done.when)
                out(ngettext("{n} sauvegarde supprimée.", "{n} sauvegardes supprimées.", len(removed)).format(n=len(removed)))
    return 0


def _created(path: Path) -> dt.datetime:
    info = backups.parse_name(path)
    return info.created if info else dt.datetime.now()
