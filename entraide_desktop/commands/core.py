"""Core commands: create a group, fill a demo database, check a database."""

from __future__ import annotations

import argparse
import os

from ..data.connection import create_database
from ..data.maintenance import database_report
from ..i18n import _, format_number
from .common import command_paths, open_store, out, read_passphrase
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "init", cmd_init, help=_("créer la base de données d'un nouveau groupe"))
    p.add_argument("--group", required=True, help=_("nom du groupe"))
    p.add_argument("--region", default="", help=_("région"))
    p.add_argument("--person", required=True, help=_("nom de la personne qui tient le registre"))

    p = add_command(
        sub, "demo", cmd_demo,
        help=_("créer ou remplir une base de démonstration (données fictives)"),
    )
    p.add_argument("--seed", type=int, default=2026, help=_("graine du générateur (même graine, mêmes données)"))

    p = add_command(sub, "check", cmd_check, help=_("vérifier l'intégrité de la base et compter les fiches"))


def cmd_init(args: argparse.Namespace) -> int:
    created = create_database(
        command_paths(args), group_name=args.group, region=args.region, person=args.person,
        passphrase=read_passphrase(args),
    )
    created.store.close()
    out(_("Groupe « {name} » créé dans {path}.").format(name=args.group, path=command_paths(args).database))
    out(_("Clé de récupération (à imprimer et à garder en lieu sûr) :"))
    out(created.recovery_key)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    # deferred: the demo generator, only for this command
    from ..demo import DEMO_PASSPHRASE, fill_demo

    paths = command_paths(args)
    if not args.passphrase_file and not os.environ.get("ENTRAIDE_PASSPHRASE"):
        os.environ["ENTRAIDE_PASSPHRASE"] = DEMO_PASSPHRASE
        out(_("Phrase de passe de la démonstration : « {p} »").format(p=DEMO_PASSPHRASE))
    counts = fill_demo(paths, read_passphrase(args), seed=args.seed, progress=lambda text: out("  " + text))
    out(_("Base de démonstration prête : {path}").format(path=paths.database))
    for table, count in counts.items():
        out(f"  {table:<28} {format_number(count):>10}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = database_report(store)
    out(_("Base : {path}").format(path=command_paths(args).database))
    out(_("Poste (identifiant de machine) : {site}").format(site=report.site_id))
    out(_("Version du schéma : {v}").format(v=report.schema_version))
    for table, count in report.counts.items():
        out(f"  {table:<28} {format_number(count):>10}")
    if report.problems:
        out(_("Intégrité : PROBLÈMES DÉTECTÉS"))
        for problem in report.problems:
            out("  " + problem)
        return 1
    out(_("Intégrité : aucun problème détecté."))
    return 0
