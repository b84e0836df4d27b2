"""« Journal »: the balance of each account, and the exercice's entries with what to do with them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data import group
from ...data.errors import EntraideError
from ...data.treasury import balances, chart, journal, receipts
from ...data.treasury.money import format_cents
from ...data.treasury.views import JournalRow, journal_rows
from ...i18n import N_, _, format_date, ngettext
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..forms import ErrorLabel
from ..messages import confirm, show_error
from .chart_dialog import ChartDialog
from .entry_dialog import EntryDialog
from .receipt_actions import save_receipt

ALL = 0
"""The exercice chooser's « Tous les exercices »."""
COLUMNS = (N_("Date"), N_("Description"), N_("Catégorie"), N_("Compte"), N_("Personne ou organisme"),
           N_("Montant"), N_("Rapprochée"))
_Index = QModelIndex | QPersistentModelIndex


class JournalModel(QAbstractTableModel):
    """The exercice's entries; cells are formatted when first painted, then kept."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[JournalRow] = []
        self._visible: list[JournalRow] = []
        self._cells: dict[int, tuple[str, ...]] = {}
        self._headers = [_(c) for c in COLUMNS]
        self._needle = ""

    def set_rows(self, found: list[JournalRow]) -> None:
        self.beginResetModel()
        self._rows = found
        self._filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = text.strip().casefold()
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._cells.clear()
        self._visible = [r for r in self._rows if not self._needle or self._needle in r.search_text]

    def row_at(self, row: int) -> JournalRow | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _cells_of(self, row: int) -> tuple[str, ...]:
        cells = self._cells.get(row)
        if cells is None:
            r = self._visible[row]
            sign = {chart.INCOME: "+ ", chart.EXPENSE: "− "}.get(r.kind, "⇄ ")
            state = _("Supprimée") if r.archived else ""
            if r.disputed:
                state = _("À régler")
            kind = _(journal.KINDS.get(r.kind, r.kind))
            cells = (format_date(r.day, "medium"), r.description or kind, r.category or kind,
                     r.account, r.who, sign + format_cents(r.amount_cents),
                     state or (_("Oui") if r.reconciled else _("Non")))
            self._cells[row] = cells
        return cells

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells_of(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            r = self._visible[index.row()]
            if r.disputed or r.archived:  # a word says it too: « À régler », « Supprimée »
                font = QFont()
                font.setItalic(r.archived)
                font.setBold(r.disputed)
                return font
        return None


class JournalTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        self.balances = FlowLayout()
        balance_box = QWidget()
        balance_box.setLayout(self.balances)
        balance_box.setAccessibleName(_("Soldes des comptes"))
        layout.addWidget(balance_box)
        self.receipt_warning = ErrorLabel()  # two machines numbered receipts the same week
        layout.addWidget(self.receipt_warning)
        bar = QHBoxLayout()
        self.exercice = QComboBox()
        self.exercice.setAccessibleName(_("Exercice"))
        label = QLabel(_("E&xercice :"))
        label.setBuddy(self.exercice)
        bar.addWidget(label)
        bar.addWidget(self.exercice)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Chercher une description, une personne, un numéro…"))
        self.search.setAccessibleName(_("Chercher dans le journal"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.model = JournalModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Écritures de l'exercice"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.table, 1)
        buttons = FlowLayout()
        for text, slot in ((_("+ &Entrée d'argent…"), lambda: self.new(chart.INCOME)),
                           (_("− &Sortie d'argent…"), lambda: self.new(chart.EXPENSE)),
                           (_("⇄ &Virement…"), lambda: self.new(journal.TRANSFER)),
                           (_("&Modifier…"), self.edit_selected), (_("Su&pprimer"), self.delete_selected),
                           (_("Re&çu (PDF)…"), self.print_receipt), (_("Catégories et &comptes…"), self.edit_chart)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        box = QWidget()
        box.setLayout(buttons)
        layout.addWidget(box)
        self.exercice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(self.model.set_filter)

    def selected_year(self) -> int:
        """The label year of the exercice shown (``ALL`` for every exercice)."""
        data = self.exercice.currentData()
        return int(data) if data is not None else group.fiscal_year_of(self.context.store, dt.date.today())[0].year

    def _period(self) -> tuple[dt.date, dt.date]:
        year = self.selected_year()
        if year == ALL:
            return dt.date(1, 1, 1), dt.date(9999, 12, 31)
        return group.fiscal_year(self.context.store, year)

    def _fill_exercices(self) -> None:
        store = self.context.store
        current = self.exercice.currentData()
        self.exercice.blockSignals(True)
        self.exercice.clear()
        for year in balances.exercices(store):
            self.exercice.addItem(group.fiscal_year_label(store, year), year)
        self.exercice.addItem(_("Tous les exercices"), ALL)
        index = self.exercice.findData(current)
        self.exercice.setCurrentIndex(max(index, 0))
        self.exercice.blockSignals(False)

    def refresh(self) -> None:
        store = self.context.store
        if self.exercice.count() == 0:
            self._fill_exercices()
        start, end = self._period()
        found = journal_rows(store, start, end)
        self.model.set_rows(found)
        self._fit_columns(found)
        today = dt.date.today()
        self._show_balances(min(end, today) if start <= today else end)
        twice = receipts.duplicates(store)
        if twice:
            self.receipt_warning.show_message(ngettext(
                "Le numéro de reçu {numbers} a été donné deux fois (deux postes ont fait des reçus avant "
                "d'échanger leurs fichiers) : annulez l'un des deux reçus et refaites-le.",
                "Les numéros de reçu {numbers} ont été donnés deux fois (deux postes ont fait des reçus avant "
                "d'échanger leurs fichiers) : pour chacun, annulez l'un des deux reçus et refaites-le.",
                len(twice)).format(numbers=", ".join(twice)))
        else:
            self.receipt_warning.clear_message()

    def _fit_columns(self, found: list[JournalRow]) -> None:
        """Widths from the distinct texts of each column (a few dozen), not from every row: fast on 15,000."""
        metrics = self.table.fontMetrics()
        pad = metrics.horizontalAdvance("M") * 2
        longest = metrics.horizontalAdvance("M") * 13  # the description keeps the rest; a cell's tooltip has it all
        columns = {0: {self.model.headerData(0, Qt.Orientation.Horizontal), "30 sept. 2026"},
                   2: {r.category for r in found}, 3: {r.account for r in found}, 4: {r.who for r in found},
                   5: {format_cents(max((r.amount_cents for r in found), default=0)) + " + "},
                   6: {self.model.headerData(6, Qt.Orientation.Horizontal), _("À régler")}}
        header_metrics = self.table.horizontalHeader().fontMetrics()
        for column, texts in columns.items():
            cells = max((metrics.horizontalAdvance(t or "") for t in texts), default=0) + pad
            title = header_metrics.horizontalAdvance(self.model.headerData(column, Qt.Orientation.Horizontal)) + pad
            self.table.setColumnWidth(column, max(min(cells, longest), title))  # a heading is never cut
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _show_balances(self, on: dt.date) -> None:
        while self.balances.count():
            item = self.balances.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for period in balances.account_periods(self.context.store, dt.date.min, on):
            check = "✓" if period.balanced else "⚠"
            text = _("{account} : {amount} {check}").format(account=period.account.name,
                                                           amount=format_cents(period.closing_cents), check=check)
            label = QLabel(f"<b>{text}</b>")
            label.setObjectName("balanceChip")
            label.setAccessibleName(text)
            label.setToolTip(_("Solde au {date}, vérifié : solde d'ouverture + entrées − sorties ± virements.")
                             .format(date=format_date(on)))
            self.balances.addWidget(label)

    def _selected(self) -> JournalRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def print_receipt(self) -> None:
        row = self._selected()
        if row is not None:
            save_receipt(self, self.context, row.id)

    def edit_chart(self) -> None:
        ChartDialog(self.context, self).exec()

    def new(self, kind: str) -> None:
        EntryDialog(self.context, kind=kind, parent=self).exec()

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            EntryDialog(self.context, entry=journal.get_entry(self.context.store, row.id), parent=self).exec()

    def delete_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        e = journal.get_entry(self.context.store, row.id)
        if not confirm(self, _("Supprimer l'écriture"), _("Supprimer « {what} » du {date} ({amount}) ? Elle reste dans "
                                                         "l'historique.").format(what=e.description or e.kind_label,
                                                                                 date=format_date(e.on),
                                                                                 amount=format_cents(e.amount_cents)),
                       _("&Supprimer"), destructive=True):
            return
        try:
            journal.delete(self.context.store, e.id)
        except EntraideError as error:
            show_error(self, error)
            return
