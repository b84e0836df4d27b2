"""The Trésorerie screen: writing entries through the form, balances, reconciliation, budget, statements."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from entraide_desktop.data.treasury import chart, journal, reconcile
from entraide_desktop.data.treasury.statement_file import read_statement
from entraide_desktop.ui.treasury import TreasuryPage
from entraide_desktop.ui.treasury.bank_tab import LineEntryDialog
from entraide_desktop.ui.treasury.entry_dialog import EntryDialog
from tests.data.test_treasury_statement import DESJARDINS


def _page(qtbot, context) -> TreasuryPage:
    page = TreasuryPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_an_expense_typed_in_the_form_shows_in_the_journal_and_the_balance(qtbot, context):
    page = _page(qtbot, context)
    dialog = EntryDialog(context, kind=chart.EXPENSE, parent=page)
    qtbot.addWidget(dialog)
    today = dt.date.today()
    dialog.on.setDate(QDate(today.year, today.month, today.day))
    qtbot.keyClicks(dialog.amount, "42,50")
    dialog.category.setCurrentIndex(dialog.category.findText("Fournitures"))
    qtbot.keyClicks(dialog.description, "Papeterie")
    with qtbot.waitSignal(context.data_changed, timeout=1000):
        dialog.save()
    [entry] = journal.list_entries(context.store)
    assert (entry.kind, entry.amount_cents, entry.description) == ("expense", 4250, "Papeterie")
    assert page.journal.model.rowCount() == 1
    assert page.journal.model.data(page.journal.model.index(0, 5)) == "− 42,50\u00a0$"
    chips = [page.journal.balances.itemAt(i).widget().accessibleName() for i in range(page.journal.balances.count())]
    assert "Compte bancaire : -42,50\u00a0$ ✓" in chips


def test_a_wrong_amount_is_said_in_french_and_nothing_is_written(qtbot, context):
    page = _page(qtbot, context)
    dialog = EntryDialog(context, kind=chart.INCOME, parent=page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount, "douze piasses")
    dialog.save()
    assert "n'est pas un montant" in dialog.error.text()
    assert dialog.amount.hasFocus() or not dialog.isVisible()
    assert journal.list_entries(context.store) == []


def test_a_statement_line_without_entry_becomes_bank_fees_in_one_step(qtbot, context, tmp_path):
    page = _page(qtbot, context)
    path = tmp_path / "releve.csv"
    path.write_bytes(DESJARDINS.encode("cp1252"))
    bank = chart.starting_id(chart.ACCOUNTS, "bank")
    reconcile.import_statement(context.store, bank, read_statement(path))
    page.tabs.setCurrentWidget(page.bank)
    page.bank.refresh()
    assert page.bank.lines.count() == 4
    fees = next(i for i in range(page.bank.lines.count()) if "Frais mensuels" in page.bank.lines.item(i).text())
    page.bank.lines.setCurrentRow(fees)
    line = page.bank.lines.currentItem().data(0x0100)
    dialog = LineEntryDialog(context, line, page)
    qtbot.addWidget(dialog)
    assert dialog.category.currentText() == "Frais bancaires"
    dialog.save()
    page.bank.refresh()
    assert page.bank.lines.count() == 3


def test_the_budget_typed_in_the_table_is_kept_and_compared(qtbot, context):
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.budget)
    page.budget.refresh()
    table = page.budget.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Loyer")
    table.item(row, 1).setText("9 000")
    page.budget.refresh()
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Loyer")
    assert table.item(row, 1).text() == "9000,00"
    assert table.item(row, 3).text() == "-9\u00a0000,00\u00a0$"


def test_the_statements_tab_previews_the_year_for_the_aga(qtbot, context):
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.statements)
    page.statements.refresh()
    assert "États financiers (non audités)" in page.statements.preview.toPlainText()


def test_the_treasurer_adds_a_category_and_sets_an_opening_balance(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from entraide_desktop.ui.treasury.chart_dialog import AccountDialog, ChartDialog

    chart.install_starting_chart(context.store)
    dialog = ChartDialog(context)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Campagne de financement", True)))
    dialog.add_category(chart.INCOME)
    assert "Campagne de financement (revenus)" in [dialog.categories.item(i).text()
                                                  for i in range(dialog.categories.count())]
    bank = chart.get_account(context.store, chart.starting_id(chart.ACCOUNTS, "bank"))
    form = AccountDialog(context, bank, dialog)
    qtbot.addWidget(form)
    form.opening.setText("1 500,25")
    form.save()
    assert chart.get_account(context.store, bank.id).opening_cents == 150025
    form = AccountDialog(context, None, dialog)
    qtbot.addWidget(form)
    form.opening.setText("douze")
    form.save()
    assert "Donnez un nom au compte" in form.error.text()
