"""« États financiers »: the exercice's statements as the AGA will read them, their files, and closing the year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...data import group
from ...data.errors import EntraideError
from ...data.treasury import balances, closing
from ...documents.treasury.statements import export_statements, statements_body
from ...documents.treasury.workbook import export_workbook
from ...i18n import _, format_date
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..kit import labelled_combo
from ..meetings.common import ask_save_path, run_export, slug
from ..messages import confirm, show_error


class StatementsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        bar, self.exercice = labelled_combo(_("E&xercice :"), _("Exercice des états financiers"))
        layout.addLayout(bar)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(_("Aperçu des états financiers"))
        layout.addWidget(self.preview, 1)
        buttons = FlowLayout()
        for text, fmt in ((_("Enregistrer en &PDF…"), "pdf"), (_("Enregistrer en &ODT…"), "odt"),
                          (_("Classeur pour la mission d'&examen (XLSX)…"), "xlsx")):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
            buttons.addWidget(button)
        self.close_button = QPushButton(_("&Fermer l'exercice (états adoptés par l'AGA)…"))
        self.close_button.clicked.connect(self.close_year)
        buttons.addWidget(self.close_button)
        box = QWidget()
        box.setLayout(buttons)
        layout.addWidget(box)
        self.exercice.currentIndexChanged.connect(lambda _i: self.refresh())

    def _year(self) -> int:
        return int(self.exercice.currentData() or group.fiscal_year_of(self.context.store, dt.date.today())[0].year)

    def refresh(self) -> None:
        store = self.context.store
        if self.exercice.count() == 0:
            self.exercice.blockSignals(True)
            today = dt.date.today()
            for year in balances.exercices(store):
                self.exercice.addItem(group.fiscal_year_label(store, year), year)
            ended = self.exercice.findData(group.fiscal_year_of(store, today)[0].year - 1)
            self.exercice.setCurrentIndex(max(ended, 0))  # the AGA adopts the year that just ended
            self.exercice.blockSignals(False)
        year = self._year()
        self.preview.setHtml(statements_body(store, year))
        closed = closing.is_closed(store, year)
        self.close_button.setEnabled(not closed and group.fiscal_year(store, year)[1] < dt.date.today())

    def export(self, fmt: str) -> None:
        year = self._year()
        label = group.fiscal_year_label(self.context.store, year)
        title = _("États financiers {year}").format(year=label)
        if fmt == "xlsx":
            name, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / f"{slug(title)}-examen.xlsx"),
                                                        _("Classeur Excel (*.xlsx)"))
            if not name:
                return
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")

            run_export(self, self.context, title, lambda store: export_workbook(store, year, path))
            return
        path = ask_save_path(self, title, slug(title), fmt)
        if path is None:
            return

        run_export(self, self.context, title, lambda store: export_statements(store, year, path, fmt))

    def close_year(self) -> None:
        store = self.context.store
        year = self._year()
        label = group.fiscal_year_label(store, year)
        if not confirm(self, _("Fermer l'exercice {year}").format(year=label), _(
                "À faire une fois que l'assemblée générale a adopté les états financiers de {year}. Les écritures de "
                "l'exercice seront verrouillées, comme un procès-verbal adopté : une correction deviendra une écriture "
                "de correction datée. Aucun poste ne pourra rouvrir l'exercice. Fermer l'exercice aujourd'hui, le "
                "{date} ?").format(year=label, date=format_date(dt.date.today())),
                _("&Fermer l'exercice"), destructive=True):
            return
        try:
            closing.close_year(store, year, closed_on=dt.date.today())
        except EntraideError as error:
            show_error(self, error)
            return
