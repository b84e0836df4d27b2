"""The exercice as an XLSX workbook for the person who does the review engagement (« mission d'examen »).

Three sheets: the journal (every entry of the year, with its account, category and the
statement line it matched), the statement of revenues and expenses, and the accounts'
balances. Amounts are numbers in dollars (two decimals, summable); every text cell is an
explicit text cell, so nothing a person typed can become a formula.
"""

from __future__ import annotations

from pathlib import Path

from ...data import group
from ...data.people import names
from ...data.store import Store
from ...data.treasury.balances import statement
from ...data.treasury.chart import list_accounts, list_categories
from ...data.treasury.journal import METHODS, list_entries
from ...data.treasury.money import cents_to_decimal
from ...data.treasury.reconcile import lines
from ...i18n import _
from ..spreadsheet import write_xlsx_book


def _journal_rows(store: Store, exercice: int) -> list[list[object]]:
    start, end = group.fiscal_year(store, exercice)
    accounts = {a.id: a.name for a in list_accounts(store, include_archived=True)}
    categories = {c.id: c.name for c in list_categories(store, include_archived=True)}
    matched = {line.entry_id for account in accounts for line in lines(store, account) if line.entry_id}
    entries = list_entries(store, start=start, end=end)
    people = names(store, {e.person_id for e in entries if e.person_id})
    found = []
    for number, e in enumerate(entries, start=1):
        found.append([number, e.on, e.kind_label, e.description, cents_to_decimal(e.amount_cents),
                      accounts.get(e.account_id, ""), accounts.get(e.to_account_id, ""),
                      categories.get(e.category_id, ""), people.get(e.person_id, "") or e.counterpart,
                      _(METHODS[e.method]) if e.method in METHODS else "", e.reference,
                      _("oui") if e.id in matched else _("non"), e.note])
    return found


def export_workbook(store: Store, exercice: int, path: Path | str) -> Path:
    path = Path(path)
    s = statement(store, exercice)
    journal_headers = [_("No"), _("Date"), _("Type"), _("Description"), _("Montant ($)"), _("Compte"),
                       _("Vers le compte"), _("Catégorie"), _("Personne ou organisme"), _("Mode de paiement"),
                       _("Numéro de chèque ou de reçu"), _("Rapprochée"), _("Note")]
    statement_rows: list[list[object]] = []
    for kind_label, category_lines in ((_("Revenus"), s.income), (_("Dépenses"), s.expenses)):
        for line in category_lines:
            statement_rows.append([kind_label, line.category.name, cents_to_decimal(line.actual_cents),
                                   cents_to_decimal(line.budget_cents) if line.budget_cents is not None else None,
                                   cents_to_decimal(line.previous_cents)])
    statement_rows.append([_("Excédent (déficit)"), "", cents_to_decimal(s.surplus), None, None])
    balance_rows = [[p.account.name, cents_to_decimal(p.opening_cents), cents_to_decimal(p.income_cents),
                     cents_to_decimal(p.expense_cents), cents_to_decimal(p.transfers_in_cents),
                     cents_to_decimal(p.transfers_out_cents), cents_to_decimal(p.closing_cents)] for p in s.accounts]
    write_xlsx_book([
        (_("Journal"), journal_headers, _journal_rows(store, exercice)),
        (_("Revenus et dépenses"), [_("Type"), _("Catégorie"), _("Réel"), _("Budget"), _("Exercice précédent")],
         statement_rows),
        (_("Soldes des comptes"), [_("Compte"), _("Solde d'ouverture"), _("Entrées"), _("Sorties"),
                                   _("Virements reçus"), _("Virements faits"), _("Solde de clôture")], balance_rows),
    ], path)
    return path
