"""Who changed what in the record, and when: traceable edits on a shared computer."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...data.members.history import HistoryEntry
from ...i18n import _, format_datetime
from .widgets import hint


class HistoryTab(QWidget):
    def __init__(self, entries: list[HistoryEntry]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_(
            "Chaque modification est inscrite avec le nom de la personne qui avait ouvert le registre, même sur "
            "un autre poste. Les plus récentes sont en haut."
        )))
        if not entries:
            layout.addWidget(QLabel(_("L'historique paraîtra après le premier enregistrement.")))
            layout.addStretch(1)
            self.table = None
            return
        self.table = QTableWidget(len(entries), 4)
        self.table.setAccessibleName(_("Historique des modifications"))
        self.table.setHorizontalHeaderLabels([_("Date et heure"), _("Par"), _("Champ"), _("Nouvelle valeur")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for number, entry in enumerate(entries):
            value = entry.value if len(entry.value) <= 120 else entry.value[:117] + "…"
            cells = (format_datetime(entry.when, "medium"), entry.author, entry.what, value.replace("\n", " ⏎ "))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and value != entry.value:
                    item.setToolTip(entry.value)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
