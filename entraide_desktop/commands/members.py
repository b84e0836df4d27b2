"""Headless commands of the members area: import a member list, export the register."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..data.errors import EntraideError
from ..data.import_log import last_import, undo_import
from ..data.members.importing import apply_import, preview_file
from ..i18n import _, ngettext
from .common import open_store, out
from .parsing import add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub, "import-members", cmd_import,
        help=_("importer une liste de membres (CSV ou XLSX) ; les doublons sont ignorés"),
        description=_(
            "Lit une liste de membres (CSV en UTF-8 ou Windows-1252, séparée par des virgules, des points-virgules "
            "ou des tabulations, ou un classeur XLSX), reconnaît les colonnes d'après les en-têtes et les valeurs, "
            "puis ajoute les personnes. Les doublons (même nom et même téléphone ou courriel) sont ignorés. Une "
            "cellule illisible ne coûte jamais la personne : elle est importée et la cellule est gardée « à "
            "vérifier ». Seule une ligne sans nom est rejetée."
            ),
    )
    p.add_argument("file", metavar=_("FICHIER"), help=_("la liste à importer (.csv ou .xlsx)"))
    p.add_argument("--dry-run", action="store_true", help=_("seulement dire ce qui serait fait, sans rien écrire"))
    p.add_argument("--merge-duplicates", action="store_true",
                   help=_("compléter les fiches existantes avec les doublons au lieu de les ignorer"))

    p = add_command(
        sub, "undo-import", cmd_undo,
        help=_("annuler la dernière importation (liste de membres ou calendrier) faite sur ce poste"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("seulement dire ce qui serait annulé"))

    p = add_command(
        sub, "export-members", cmd_export,
        help=_("exporter le registre des membres en CSV ou XLSX (renseignements personnels)"),
    )
    p.add_argument("--format", choices=["csv", "xlsx"], required=True, help=_("format du fichier"))
    p.add_argument("--out", required=True, metavar=_("FICHIER"), help=_("fichier à écrire"))
    p.add_argument("--include-archived", action="store_true", help=_("inclure les fiches archivées"))


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        preview = preview_file(store, args.file)
        for problem in preview.problems:
            out(_("Problème : {message}").format(message=problem))
        if preview.problems:
            out(_("Rien n'a été importé."))
            return 1
        if args.merge_duplicates:
            for row in preview.rows:
                if row.duplicate_of and row.action == "skip":
                    row.action = "merge"
        out(preview.table.describe())
        create, merge, skip, reject = (preview.count(a) for a in ("create", "merge", "skip", "reject"))
        if args.dry_run:
            out(ngettext("{n} personne serait créée", "{n} personnes seraient créées", create).format(n=create))
        else:
            apply_import(store, preview)
            out(ngettext("{n} personne créée", "{n} personnes créées", create).format(n=create))
        if merge and args.dry_run:
            out(ngettext("{n} fiche existante serait complétée", "{n} fiches existantes seraient complétées",
                         merge).format(n=merge))
        elif merge:
            out(ngettext("{n} fiche existante complétée", "{n} fiches existantes complétées", merge).format(n=merge))
        out(ngettext("{n} doublon ignoré", "{n} doublons ignorés", skip).format(n=skip))
        for row in preview.rows:
            if row.action == "skip":
                out("  " + _("ligne {line} : {name} — {remark}").format(line=row.line, name=row.name, remark=row.remark()))
        checked = [r for r in preview.rows if r.checks and r.action in ("create", "merge")]
        out(ngettext("{n} personne importée avec des renseignements à vérifier",
                     "{n} personnes importées avec des renseignements à vérifier", len(checked)).format(n=len(checked)))
        for row in checked:
            out("  " + _("ligne {line} : {name} — {remark}").format(line=row.line, name=row.name,
                                                                   remark=row.check_text()))
            for check in row.checks:
                out("    " + _("{column} : {message}").format(column=check.column, message=check.message))
        out(ngettext("{n} ligne rejetée", "{n} lignes rejetées", reject).format(n=reject))
        for row in preview.rows:
            if row.action == "reject":
                out("  " + _("ligne {line} : {reason}").format(line=row.line, reason=row.remark()))
        if args.dry_run:
            out(_("Essai seulement (--dry-run) : rien n'a été écrit."))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        record = last_import(store)
        if record is None:
            out(_("Aucune importation à annuler."))
            return 1
        out(record.describe())
        if not record.can_undo:
            out(record.why_not)
            return 1
        if args.dry_run:
            out(_("Essai seulement (--dry-run) : rien n'a été annulé."))
            return 0
        try:
            result = undo_import(store, record.id)
        except EntraideError as error:
            out(error.message)
            return 1
    out(result.summary())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    # deferred: Qt and the document writers load only for this command
    from ..documents.members import write_register

    target = Path(args.out)
    with open_store(args) as store:
        count = write_register(store, target, args.format, include_archived=args.include_archived)
    out(ngettext("{n} personne exportée dans {path}.", "{n} personnes exportées dans {path}.", count).format(
        n=count, path=target))
    out(_("Ce fichier contient des renseignements personnels : gardez-le en lieu sûr et supprimez-le quand il ne "
          "sert plus."))
    return 0
