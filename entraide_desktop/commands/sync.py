"""Headless commands of the sync area: every step the Synchronisation screen offers."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..data.errors import EntraideError
from ..data.sync import conflicts, exchange, folder, identity, join, machine_removal, machines
from ..data.sync import folder as sync_folder
from ..data.sync.hold import HeldImport
from ..data.sync.summary import age_text, summary_lines
from ..i18n import _, format_datetime, format_number
from ..instance_lock import InstanceLock
from .common import command_paths, open_store, out, read_passphrase
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    def parser(name: str, text: str, func) -> argparse.ArgumentParser:  # noqa: ANN001
        return add_command(sub, name, func, help=text, description=text)

    p = parser("export-bundle", _("écrire le fichier d'échange de ce poste (clé USB, dossier)"), cmd_export)
    p.add_argument("--to", required=True, metavar=_("DOSSIER"), help=_("dossier où écrire le fichier (la clé USB)"))

    p = parser("import-bundle", _("importer le fichier d'échange d'un autre poste et afficher le résumé"), cmd_import)
    p.add_argument("file", metavar=_("FICHIER"), help=_("fichier .entraide d'un autre poste"))
    p.add_argument("--yes", action="store_true",
                   help=_("appliquer même un fichier qui effacerait ou archiverait beaucoup de personnes"))

    p = parser("sync-folder", _("un échange par le dossier de synchronisation (importer les autres, écrire le nôtre)"),
               cmd_sync_folder)
    p.add_argument("folder", nargs="?", metavar=_("DOSSIER"),
                   help=_("dossier partagé (par défaut, celui choisi sur ce poste)"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--remember", action="store_true", help=_("retenir ce dossier pour ce poste"))
    group.add_argument("--forget", action="store_true", help=_("ne plus utiliser de dossier de synchronisation"))

    parser("sync-status", _("ce poste, les postes connus, le dernier échange, les renseignements à vérifier"), cmd_status)

    p = parser("machine-name", _("nommer ce poste (par exemple « Ordinateur du centre »)"), cmd_machine_name)
    p.add_argument("name", metavar=_("NOM"))

    parser("conflicts", _("lister les renseignements modifiés sur deux postes à la fois"), cmd_conflicts)

    p = parser("resolve-conflict", _("choisir la bonne version d'un renseignement (numéro donné par « conflicts »)"),
               cmd_resolve)
    p.add_argument("number", type=int, metavar=_("NUMÉRO"))
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", type=int, metavar="N", help=_("garder la version N (1, 2…)"))
    choice.add_argument("--value", metavar=_("TEXTE"), help=_("écrire cette valeur (une version fusionnée)"))
    choice.add_argument("--value-file", metavar=_("FICHIER"), help=_("écrire le contenu de ce fichier (texte long)"))

    p = parser("join-code", _("préparer un fichier de jumelage et un code pour installer un autre poste"), cmd_join_code)
    p.add_argument("--to", required=True, metavar=_("DOSSIER"), help=_("dossier où écrire le fichier (la clé USB)"))
    p.add_argument("--hours", type=int, default=48, metavar=_("HEURES"), help=_("durée de validité du code, en heures (48 par défaut)"))

    parser("machines", _("les postes du groupe que ce poste reconnaît (clés, retraits)"), cmd_machines)

    p = parser("remove-machine", _("retirer un poste du groupe (perdu, volé, donné) : ses fichiers seront refusés "
                                   "et la clé du groupe est remplacée"), cmd_remove_machine)
    p.add_argument("machine", metavar=_("POSTE"), help=_("nom du poste (ou son identifiant, donné par « machines »)"))

    p = parser("join", _("installer ce poste dans un groupe existant (fichier de jumelage ; le code est demandé, "
                         "ou lu sur l'entrée standard)"), cmd_join)
    p.add_argument("file", metavar=_("FICHIER"), help=_("fichier de jumelage préparé sur l'autre poste"))
    p.add_argument("--code", help=argparse.SUPPRESS)  # refused with a reason: it would stay in the shell's history
    p.add_argument("--person", required=True, help=_("votre nom (il apparaît dans l'historique)"))
    p.add_argument("--machine-name", required=True, help=_("nom de ce poste (par exemple « Portable du secrétariat »)"))


def _print_summary(summary) -> None:  # noqa: ANN001

    for line in summary_lines(summary):
        out(line)


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        result = exchange.export_to(store, Path(args.to))
    out(_("Fichier d'échange écrit et vérifié : {path} ({size} octets).").format(
        path=result.path, size=format_number(result.size)))
    out(_("Vous pouvez retirer la clé USB (après l'avoir éjectée proprement)."))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            summary = exchange.import_file(store, Path(args.file), confirm_mass=args.yes)
        except HeldImport as held:
            out(held.message)
            out(_("Pour l'appliquer quand même, relancez la commande avec --yes."))
            return 1
    _print_summary(summary)
    return 0


def cmd_sync_folder(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.forget:
            sync_folder.set_sync_folder(store, None)
            out(_("Ce poste n'utilise plus de dossier de synchronisation."))
            return 0
        target = Path(args.folder) if args.folder else sync_folder.sync_folder(store)
        if target is None:
            raise EntraideError(_("Indiquez le dossier de synchronisation (aucun n'est retenu sur ce poste)."))
        if args.remember:
            target = sync_folder.set_sync_folder(store, target) or target
            out(_("Dossier de synchronisation retenu : {path}").format(path=target))
        result = sync_folder.exchange_round(store, target)
    for line in sync_folder.round_lines(result):
        out(line)
    return 1 if result.problems else 0


def cmd_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        out(_("Ce poste : {name}").format(name=machines.machine_name(store)))
        chosen = folder.sync_folder(store)
        out(_("Dossier de synchronisation : {path}").format(path=chosen or _("aucun")))
        last = exchange.last_export(store)
        if last:
            out(_("Dernière exportation : {when} ({place})").format(when=format_datetime(last[0]), place=last[1]))
        known = machines.known_machines(store)
        out(_("Postes connus :") if known else _("Aucun autre poste connu pour l'instant."))
        for machine in known:
            if machine.last_import:
                out("  " + _("{name} — dernier fichier reçu {age} (préparé le {when})").format(
                    name=machine.name, age=age_text(machine.last_import), when=format_datetime(machine.last_created
                                                                                               or machine.last_import)))
            else:
                out("  " + _("{name} — aucun fichier reçu directement").format(name=machine.name))
        waiting = conflicts.count_waiting(store)
        out(_("Renseignements à vérifier : {n}").format(n=waiting))
    return 0


def cmd_machine_name(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        name = machines.set_machine_name(store, args.name)
    out(_("Ce poste s'appelle maintenant « {name} ».").format(name=name))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = conflicts.waiting(store)
    if not found:
        out(_("Aucun renseignement à vérifier."))
        return 0
    for number, conflict in enumerate(found, start=1):
        out(_("{n}. {area} — {record} — {field}").format(n=number, area=conflict.area, record=conflict.record,
                                                          field=conflict.label))
        for index, version in enumerate(conflict.versions, start=1):
            origin = _("{machines}, par {authors}, le {when}").format(
                machines=", ".join(version.machines), authors=", ".join(version.authors) or "?",
                when=format_datetime(version.when))
            shown = _(" (affichée)") if version.shown else ""
            out(f"   {index}) {version.text.splitlines()[0] if version.text else ''}{shown}")
            out(f"      {origin}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = conflicts.waiting(store)
        if not 1 <= args.number <= len(found):
            raise EntraideError(_("Il n'y a pas de renseignement numéro {n} à vérifier (voir « entraide conflicts »).").format(
                n=args.number))
        conflict = found[args.number - 1]
        if args.keep is not None:
            if not 1 <= args.keep <= len(conflict.versions):
                raise EntraideError(_("Choisissez une version entre 1 et {n}.").format(n=len(conflict.versions)))
            value = conflict.versions[args.keep - 1].value
        elif args.value_file:
            value = Path(args.value_file).read_text(encoding="utf-8")
        else:
            value = args.value
        conflicts.resolve(store, conflict.table, conflict.row_id, conflict.field, value)
    out(_("C'est réglé : « {field} » de « {record} » garde la version choisie ; les autres postes la recevront au "
          "prochain échange.").format(field=conflict.label, record=conflict.record))
    return 0


def cmd_join_code(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        invitation = join.prepare(store, Path(args.to), hours=args.hours)
    out(_("Fichier de jumelage écrit : {path}").format(path=invitation.path))
    out(_("Code de jumelage (à taper sur le nouveau poste, ne l'écrivez pas sur la clé) : {code}").format(
        code=invitation.code))
    out(_("Valable jusqu'au {when}.").format(when=format_datetime(invitation.expires)))
    return 0


def read_join_code() -> str:
    """The join code: asked without echo on a terminal, else the first line of the standard input."""

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Code de jumelage (affiché sur l'autre poste) : "))
    line = sys.stdin.readline(200) if sys.stdin is not None else ""
    if not line.strip():
        raise EntraideError(_("Tapez le code de jumelage affiché sur l'autre poste (ou donnez-le sur l'entrée "
                              "standard)."))
    return line.strip()


def cmd_machines(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for machine in identity.machines(store).values():
            state = _("retiré") if not machine.active else (_("ce poste") if machine.site == store.site_id else _("reconnu"))
            out(f"{machine.site}  {machine.name or '—'}  ({state})")
    return 0


def cmd_remove_machine(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        removed = machine_removal.remove_machine(store, args.machine)
    out(_("Le poste « {name} » est retiré du groupe : ses fichiers d'échange seront refusés ici, puis sur les autres "
          "postes après leur prochain échange avec celui-ci. La clé du groupe a été remplacée.").format(name=removed))
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    if args.code:
        raise EntraideError(_(
            "Le code de jumelage ne se donne pas sur la ligne de commande (il resterait dans l'historique du "
            "terminal) : tapez-le quand il est demandé, ou passez-le par l'entrée standard, par exemple "
            "« entraide join FICHIER … < code.txt »."))
    paths = command_paths(args)
    passphrase = read_passphrase(args)
    invitation = join.open_invitation(Path(args.file), read_join_code())
    with InstanceLock(paths):
        joined = join.join_group(paths, invitation, person=args.person, passphrase=passphrase,
                                 machine_name=args.machine_name)
        joined.store.close()
    out(_("Ce poste fait maintenant partie du groupe « {name} » : {path}").format(
        name=invitation.group_name, path=paths.database))
    if not join.discard_join_file(Path(args.file)):
        out(_("Supprimez vous-même le fichier de jumelage « {path} » : il a servi et ne doit pas traîner sur la "
              "clé USB.").format(path=args.file))
    for line in summary_lines(joined.summary):
        out(line)
    out(_("Clé de récupération de ce poste (à imprimer et à garder en lieu sûr) :"))
    out(joined.recovery_key)
    return 0
