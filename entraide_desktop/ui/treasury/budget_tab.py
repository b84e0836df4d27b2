"""« Budget et suivi »: the budget of each category for the exercice, and the actual month by month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...data import group
from ...data.errors import EntraideError
from ...data.treasury import balances, budget
from ...data.treasury.money import cents_to_decimal, format_cents
from ...i18n import _, format_percent, format_skeleton
from ..context import AppContext
from ..forms import ErrorLabel, explanation
from ..kit import labelled_combo

BUDGET_COLUMN = 1


class BudgetTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_("Inscrivez le budget adopté de chaque catégorie dans la colonne « Budget » ; "
                                       "le réel vient du journal, mois par mois.")))
        bar, self.exercice = labelled_combo(_("E&xercice :"), _("Exercice du budget"))
        layout.addLayout(bar)
        self.table = QTableWidget()
        self.table.setAccessibleName(_("Budget et réel par catégorie"))
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.exercice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemChanged.connect(self._budget_edited)

    def _year(self) -> int:
        return int(self.exercice.currentData() or group.fiscal_year_of(self.context.store, dt.date.today())[0].year)

    def refresh(self) -> None:
        store = self.context.store
        if self.exercice.count() == 0:
            self.exercice.blockSignals(True)
            for year in balances.exercices(store):
                self.exercice.addItem(group.fiscal_year_label(store, year), year)
            self.exercice.blockSignals(False)
        year = self._year()
        start, _end = group.fiscal_year(store, year)
        statement = balances.statement(store, year)
        months = balances.monthly_actuals(store, year)
        month_labels = [format_skeleton("MMMyy", dt.date(start.year + (start.month - 1 + i) // 12,
                                                         (start.month - 1 + i) % 12 + 1, 1)) for i in range(12)]
        headers = [_("Catégorie"), _("Budget"), _("Réel"), _("Écart"), _("Réalisé")] + month_labels
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        lines = statement.income + statement.expenses
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            kind = _("Revenus") if line in statement.income else _("Dépenses")
            name = QTableWidgetItem(line.category.name)
            name.setToolTip(kind)
            name.setData(Qt.ItemDataRole.UserRole, line.category.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, name)
            budget_text = f"{cents_to_decimal(line.budget_cents):.2f}".replace(".", ",") \
                if line.budget_cents is not None else ""
            editable = QTableWidgetItem(budget_text)
            editable.setToolTip(_("Tapez le montant du budget (vide : pas de budget)."))
            self.table.setItem(row, BUDGET_COLUMN, editable)
            gap = line.actual_cents - line.budget_cents if line.budget_cents is not None else None
            done = format_percent(line.actual_cents / line.budget_cents) if line.budget_cents else "—"
            cells = [format_cents(line.actual_cents), format_cents(gap) if gap is not None else "—", done]
            cells += [format_cents(c) if c else "" for c in months.get(line.category.id, [0] * 12)]
            for column, text in enumerate(cells, start=2):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._filling = False

    def _budget_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != BUDGET_COLUMN:
            return
        category_id = self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        try:
            budget.set_budget(self.context.store, category_id, self._year(), item.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.error.clear_message()
