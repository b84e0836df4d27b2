"""The left side of the import preview: what each column of the file holds, correctable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...data.members.importing import TARGETS, ImportSetup, RawTable, headers_of, initial_setup, target_label
from ...data.members.importing.mapping import FEE_PAID, IGNORE, fee_target
from ...i18n import _
from ..messages import confirm


def _label(target: str) -> str:
    """« non importée » for a column that goes nowhere, else the field."""
    return _("— Non importée —") if target == IGNORE else target_label(target)


class MappingPanel(QGroupBox):
    """One row per column of the file: its header, the field it goes into (a list), an example.

    ``changed(ImportSetup)`` is emitted when the secretary corrects a column or the header row.
    """

    changed = Signal(object)

    def __init__(self, fee_year: int | None = None) -> None:
        super().__init__(_("Ce que contient chaque colonne"))
        self.fee_year = fee_year
        self.table: RawTable | None = None
        self.setup: ImportSetup | None = None
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        self.header_check = QCheckBox(_("La première ligne contient les &en-têtes"))
        self.header_check.toggled.connect(self._header_toggled)
        layout.addWidget(self.header_check)
        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels([_("Colonne du fichier"), _("Va dans"), _("Exemple")])
        self.grid.setAccessibleName(_("Correspondance des colonnes"))
        self.grid.verticalHeader().hide()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.grid, 1)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 36)

    def fill(self, table: RawTable, setup: ImportSetup) -> None:
        self.table, self.setup = table, setup
        headers = headers_of(table, setup.header_row)
        start = 0 if setup.header_row is None else setup.header_row + 1
        self.header_check.blockSignals(True)
        self.header_check.setChecked(setup.header_row is not None)
        self.header_check.blockSignals(False)
        self.grid.setRowCount(table.width)
        self.combos = []
        for column in range(table.width):
            example = next((cells[column] for _line, cells in table.rows[start:start + 50]
                            if column < len(cells) and cells[column]), "")
            self.grid.setItem(column, 0, QTableWidgetItem(headers[column]))
            sample = QTableWidgetItem(example[:40])
            sample.setToolTip(example)
            self.grid.setItem(column, 2, sample)
            combo = QComboBox()
            combo.setAccessibleName(_("Champ pour la colonne « {header} »").format(header=headers[column]))
            for target in self._targets(setup.mapping[column]):
                combo.addItem(_label(target), target)
            combo.setCurrentIndex(max(0, combo.findData(setup.mapping[column])))
            combo.setProperty("previous", combo.currentData())
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.grid.setCellWidget(column, 1, combo)
            self.combos.append(combo)
        self.grid.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("n")
        self.grid.setColumnWidth(0, min(self.grid.columnWidth(0), em * 18))
        self.grid.setColumnWidth(1, em * 24)
        self.grid.horizontalHeader().setStretchLastSection(True)

    def _targets(self, current: str) -> list[str]:
        """Every field, with one « Cotisation payée pour … » per year around this one (the year can be changed)."""
        years = {int(current.partition(":")[2])} if current.startswith(FEE_PAID + ":") else set()
        if self.fee_year:
            years |= set(range(self.fee_year - 4, self.fee_year + 2))
        found = [t for t in TARGETS if t != FEE_PAID]
        position = found.index("membership_amount") + 1
        return found[:position] + [fee_target(y) for y in sorted(years, reverse=True)] + found[position:]

    def _mapping_changed(self) -> None:
        assert self.setup is not None
        combo = self.sender()
        if isinstance(combo, QComboBox) and combo.currentData() == "notes" and combo.property("previous") != "notes":
            if not self._health_reminder():
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(combo.property("previous"))))
                combo.blockSignals(False)
                return
        if isinstance(combo, QComboBox):
            combo.setProperty("previous", combo.currentData())
        self.setup = ImportSetup(self.setup.header_row, [c.currentData() for c in self.combos])
        self.changed.emit(self.setup)

    def _health_reminder(self) -> bool:
        return confirm(
            self, _("Envoyer cette colonne dans les notes ?"),
            _("Les notes sont lues par toutes les personnes qui ouvrent le registre. N'y mettez aucun renseignement "
              "de santé : ni diagnostic, ni médicament, ni allergie, ni hospitalisation. Si la colonne en contient, "
              "laissez-la « non importée » et gardez ces renseignements hors d'Entraide, ou retirez-les du fichier "
              "avant de l'importer."),
            _("Envoyer dans les notes"))

    def _header_toggled(self, checked: bool) -> None:
        assert self.table is not None and self.setup is not None
        guessed = initial_setup(self.table).header_row
        header_row = (guessed if guessed is not None else 0) if checked else None
        self.setup = ImportSetup(header_row, self.setup.mapping)
        for column, header in enumerate(headers_of(self.table, header_row)):
            self.grid.item(column, 0).setText(header)
        self.changed.emit(self.setup)
