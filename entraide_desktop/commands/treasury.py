"""Headless treasury: ``entraide treasury import-statement FILE``, ``balance`` and ``report``."""

from __future__ import annotations

import argparse
import datetime as dt

from ..data.errors import EntraideError
from ..data.text import fold
from ..data.treasury.balances import account_periods
from ..data.treasury.chart import ACCOUNTS, list_accounts, starting_id
from ..data.treasury.money import format_cents
from ..data.treasury.reconcile import import_statement
from ..data.treasury.statement_file import StatementFileError, read_statement
from ..data.validation import parse_date
from ..i18n import _, format_date, ngettext
from .common import open_store, out
from .parsing import add_actions, add_command, add_common_options


def register(sub: argparse._SubParsersAction) -> None:
    treasury = sub.add_parser("treasury", help=_("trésorerie : relevé bancaire, soldes, états financiers"),
                              description=_("La trésorerie du groupe, sans ouvrir l'application."))
    add_common_options(treasury)
    actions = add_actions(treasury, "treasury_command")

    p = add_command(
        actions, "import-statement", cmd_import_statement,
        help=_("importer le relevé bancaire (CSV) et le rapprocher"),
        description=_("Lit un relevé en CSV (AccèsD Desjardins, ou toute banque avec des en-têtes "
            "de colonnes), ajoute ses lignes nouvelles et les rapproche des écritures : "
            "même montant, date à quelques jours près. Une ligne déjà importée n'est "
            "pas ajoutée de nouveau."),
    )
    p.add_argument("file", metavar=_("FICHIER"), help=_("le relevé à importer (.csv)"))
    p.add_argument("--account", metavar=_("COMPTE"), help=_("nom du compte (par défaut : le compte bancaire)"))
    p.add_argument("--dry-run", action="store_true", help=_("seulement dire ce qui serait fait, sans rien écrire"))

    p = add_command(
        actions, "balance", cmd_balance,
        help=_("le solde de chaque compte"),
        description=_("Le solde de chaque compte à une date (aujourd'hui par défaut), avec la "
            "vérification : solde d'ouverture + entrées − sorties = solde."),
    )
    p.add_argument("--on", metavar=_("DATE"), help=_("la date (AAAA-MM-JJ)"))

    p = add_command(
        actions, "report", cmd_report,
        help=_("les états financiers d'un exercice (PDF, ODT ou XLSX)"),
        description=_("Écrit les états financiers (non audités) de l'exercice qui commence en "
            "AAAA : revenus et dépenses par catégorie, budget, exercice précédent, "
            "soldes des comptes et rapprochement bancaire. En XLSX : le journal et les "
            "états, pour la mission d'examen."),
    )
    p.add_argument("--year", type=int, required=True, metavar=_("AAAA"),
                   help=_("l'année où commence l'exercice (2025 pour 2025-2026)"))
    p.add_argument("--format", choices=["pdf", "odt", "xlsx"], default="pdf", help=_("format du fichier"))
    p.add_argument("--out", required=True, metavar=_("FICHIER"), help=_("le fichier à écrire"))


def _account(store, name: str | None):  # noqa: ANN001, ANN202

    accounts = list_accounts(store)
    if name is None:
        return next((a for a in accounts if a.id == starting_id(ACCOUNTS, "bank")), accounts[0] if accounts else None)
    found = [a for a in accounts if fold(a.name) == fold(name)]
    if not found:
        raise EntraideError(_("Aucun compte ne s'appelle « {name} ». Comptes : {names}.").format(
            name=name, names=", ".join(a.name for a in accounts)))
    return found[0]


def cmd_import_statement(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            statement = read_statement(args.file)
        except StatementFileError as error:
            out(error.message)
            out(_("Rien n'a été importé."))
            return 1
        period = statement.period
        out(ngettext("{name} : {n} opération du {start} au {end}.", "{name} : {n} opérations du {start} au {end}.",
                     len(statement.lines)).format(name=statement.name, n=len(statement.lines),
                                                  start=format_date(period[0], "long"),
                                                  end=format_date(period[1], "long")))
        for _line, reason in statement.problems:
            out("  " + _("laissée de côté, {reason}").format(reason=reason))
        if args.dry_run:
            out(_("Essai seulement (--dry-run) : rien n'a été écrit."))
            return 0
        account = _account(store, args.account)
        result = import_statement(store, account.id, statement)
        out(_("Compte : {name}.").format(name=account.name))
        out(result.describe())
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    on = parse_date(args.on, "on") if args.on else dt.date.today()
    with open_store(args) as store:
        out(_("Soldes au {date}").format(date=format_date(on, "long")))
        for period in account_periods(store, dt.date.min, on):
            check = _("vérifié") if period.balanced else _("ÉCART : à vérifier")
            out(f"  {period.account.name:<28} {format_cents(period.closing_cents):>16}  ({check})")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if not 1900 < args.year < 2200:
            out(_("L'année {year} n'est pas plausible.").format(year=args.year))
            return 2
        if args.format == "xlsx":
            # deferred: openpyxl loads only for this command
            from ..documents.treasury.workbook import export_workbook

            path = export_workbook(store, args.year, args.out)
        else:
            # deferred: Qt and the document writers load only for this command
            from ..documents.fonts import ensure_gui
            from ..documents.treasury.statements import export_statements

            ensure_gui()
            path = export_statements(store, args.year, args.out, args.format)
        out(_("États financiers écrits dans {path}.").format(path=path))
    return 0
