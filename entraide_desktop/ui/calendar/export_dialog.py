"""Export the calendar: an ICS file for calendar programs, or a wall calendar to print (PDF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...data.calendar.activity_types import list_types
from ...data.calendar.labels import week_start
from ...documents.calendar.ics import export_ics
from ...documents.calendar.pdf import write_month_pdf, write_week_pdf
from ...i18n import _
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_error_and_buttons
from ..kit.dates import date_edit
from ..messages import error_text
from ..tasks import run_with_progress
from .activity_dialog import DATE_FORMAT, from_qdate
from .common import type_icon


class ExportDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        day: dt.date,
        type_id: str | None,
        parent: QWidget | None = None,
        *,
        kind: str = "pdf_month",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.day = day
        self.done_path: Path | None = None
        self.setWindowTitle(_("Exporter le calendrier"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Exporter le calendrier")))
        self.kinds = QButtonGroup(self)
        self.month = QRadioButton(
            _("Calendrier mural du &mois de {month} (PDF)").format(month=i18n.format_month(day))
        )
        first = week_start(day)
        self.week = QRadioButton(
            _("Calendrier mural de la &semaine du {date} (PDF)").format(
                date=i18n.format_skeleton("MMMMd", first)
            )
        )
        self.ics = QRadioButton(_("Fichier d'&agenda ICS (Google Agenda, Outlook, Thunderbird…)"))
        for number, button in enumerate((self.month, self.week, self.ics)):
            self.kinds.addButton(button, number)
            layout.addWidget(button)
        {"pdf_month": self.month, "pdf_week": self.week, "ics": self.ics}.get(kind, self.month).setChecked(
            True
        )
        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.addItem(_("Lettre US (8 ½ × 11 po), à l'horizontale"), "letter")
        self.paper.addItem(_("A4, à l'horizontale"), "a4")
        self.paper.setAccessibleName(_("Format du papier"))
        form.addRow(_("&Papier :"), self.paper)
        self.type = QComboBox()
        self.type.setAccessibleName(_("Type d'activité à exporter"))
        self.type.addItem(_("Tous les types"), None)
        for kind_row in list_types(context.store):
            self.type.addItem(type_icon(kind_row.symbol, kind_row.colour), kind_row.name, kind_row.id)
        self.type.setCurrentIndex(max(self.type.findData(type_id), 0))
        form.addRow(_("&Types :"), self.type)
        period = QHBoxLayout()
        self.whole = QCheckBox(_("Tout le calendrier"))
        self.whole.setChecked(True)
        self.first = date_edit(_("Premier jour"), day.replace(day=1), display=_(DATE_FORMAT))
        self.last = date_edit(_("Dernier jour"), dt.date(day.year, 12, 31), display=_(DATE_FORMAT))
        period.addWidget(self.whole)
        period.addWidget(self.first, 1)
        period.addWidget(self.last, 1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("P&ériode (ICS) :"), self.period_row)
        self.public = QCheckBox(_("Seulement les activités &publiques"))
        form.addRow("", self.public)
        layout.addLayout(form)
        layout.addWidget(
            explanation(
                _(
                    "Les notes internes ne sont jamais exportées ; les personnes qui animent ne sont "
                    "nommées que si elles y "
                    "ont consenti."
                )
            )
        )
        self.error = add_error_and_buttons(self, layout, self._export, _("E&xporter…"))
        self.kinds.idToggled.connect(lambda *_a: self._update())
        self.whole.toggled.connect(lambda *_a: self._update())
        self._update()

    def _update(self) -> None:
        ics = self.ics.isChecked()
        self.paper.setEnabled(not ics)
        self.period_row.setEnabled(ics)
        self.first.setEnabled(ics and not self.whole.isChecked())
        self.last.setEnabled(ics and not self.whole.isChecked())

    def suggested_name(self) -> str:
        if self.ics.isChecked():
            return _("calendrier") + ".ics"
        if self.week.isChecked():
            return _("calendrier-semaine-{date}").format(date=week_start(self.day).isoformat()) + ".pdf"
        return _("calendrier-{month}").format(month=self.day.strftime("%Y-%m")) + ".pdf"

    def _export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        pattern = _("Agenda (*.ics)") if self.ics.isChecked() else _("PDF (*.pdf)")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Enregistrer sous"), str(Path(folder) / self.suggested_name()), pattern
        )
        if not name:
            return
        self.run_export(Path(name))

    def run_export(self, path: Path) -> None:
        """Write the file off the UI thread (its own connection), then close."""
        store = self.context.store
        type_ids = {self.type.currentData()} if self.type.currentData() else None
        public = self.public.isChecked()
        paper = self.paper.currentData()
        day = self.day
        kind = "ics" if self.ics.isChecked() else "week" if self.week.isChecked() else "month"
        first = None if self.whole.isChecked() else from_qdate(self.first.date())
        last = None if self.whole.isChecked() else from_qdate(self.last.date())
        if first and last and last < first:
            self.error.show_message(_("Le dernier jour est avant le premier jour."))
            return

        def work(_progress: object) -> Path:
            clone = store.clone()
            try:
                if kind == "ics":
                    export_ics(clone, path, type_ids=type_ids, start=first, end=last, public_only=public)
                else:
                    if kind == "week":
                        write_week_pdf(clone, path, day, paper=paper, type_ids=type_ids, public_only=public)
                    else:
                        write_month_pdf(
                            clone,
                            path,
                            day.year,
                            day.month,
                            paper=paper,
                            type_ids=type_ids,
                            public_only=public,
                        )
            finally:
                clone.close()
            return path

        run_with_progress(
            self, _("Exportation du calendrier…"), work, self._done, self._failed, cancellable=False
        )

    def _done(self, path: Path) -> None:
        self.done_path = path
        self.context.status_message.emit(_("Calendrier exporté : {path}").format(path=path))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.error.show_message(error_text(error))
