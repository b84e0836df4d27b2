"""« Importer un calendrier (ICS) »: what the file will create, a type per series, then the import.

Nothing is written before « Importer »; reading and writing run off the UI thread. Events already
imported (same UID) and those that cannot be brought in are listed with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.calendar.activity_types import list_types
from ...data.calendar.ics_import import (
    CalendarImportResult,
    CalendarPreview,
    apply_calendar,
    preview_calendar,
)
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..kit.buttons import add_import_buttons
from ..kit.paths import ask_file_to_import
from ..members.import_actions import undo_last_import
from ..messages import error_text
from ..style import style_role
from ..tasks import Progress, run_task


def choose_and_import_calendar(context: AppContext, parent: QWidget) -> bool:
    path = ask_file_to_import(context, parent, _("Importer un calendrier (ICS)"),
                              _("Calendriers (*.ics *.ical *.ifb);;Tous les fichiers (*)"))
    if not path:
        return False
    return bool(CalendarImportDialog(context, path, parent).exec())


class CalendarImportDialog(QDialog):
    def __init__(self, context: AppContext, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.preview: CalendarPreview | None = None
        self.result: CalendarImportResult | None = None
        self.combos: dict[int, QComboBox] = {}
        self.setWindowTitle(_("Importer un calendrier (ICS)"))
        em = self.fontMetrics().horizontalAdvance("n")
        self.resize(min(em * 130, 1240), em * 52)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Importer « {name} »").format(name=Path(path).name)))
        layout.addWidget(explanation(_(
            "Chaque événement qui se répète devient une série, avec ses occurrences annulées ou déplacées ; chaque "
            "événement ponctuel devient une activité. Choisissez le type de chaque activité. Rien n'est écrit avant "
            "« Importer » ; un événement déjà importé n'est pas ajouté de nouveau.")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Activité"), _("Quand"), _("Type d'activité"), _("État")])
        self.table.setAccessibleName(_("Événements du calendrier"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.problems = ErrorLabel()
        layout.addWidget(self.problems)
        self.summary = QLabel(_("Lecture du fichier…"))
        style_role(self.summary, "sectionTitle")
        self.summary.setAccessibleName(_("Résumé de l'importation"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.undo_button = QPushButton(_("Annuler cette &importation…"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo)
        self.cancel_button, self.import_button = add_import_buttons(self, layout, self.undo_button, self._import)
        self._load()

    def _load(self) -> None:
        store, path = self.context.store, self.path

        def work(_progress: Progress) -> CalendarPreview:
            clone = store.clone()
            try:
                return preview_calendar(clone, path)
            finally:
                clone.close()

        run_task(work, self._loaded, self._failed, owner=self)

    def _loaded(self, preview: CalendarPreview) -> None:
        self.preview = preview
        types = list_types(self.context.store)
        self.table.setRowCount(len(preview.events))
        self.combos = {}
        for number, event in enumerate(preview.events):
            title = QTableWidgetItem(event.title)
            title.setToolTip(event.place or event.title)
            self.table.setItem(number, 0, title)
            when = event.describe() + ("" if not event.notes else " (" + " ; ".join(event.notes) + ")")
            item = QTableWidgetItem(when)
            item.setToolTip(when)
            self.table.setItem(number, 1, item)
            if event.creates:
                combo = QComboBox()
                combo.setAccessibleName(_("Type de « {title} »").format(title=event.title))
                for kind in types:
                    combo.addItem(kind.name, kind.id)
                if combo.findData(event.type_id) < 0 and not types:
                    combo.addItem(_("Entraide collective"), event.type_id)
                combo.setCurrentIndex(max(0, combo.findData(event.type_id)))
                combo.currentIndexChanged.connect(lambda _i, e=event, c=combo: setattr(e, "type_id", c.currentData()))
                self.table.setCellWidget(number, 2, combo)
                self.combos[number] = combo
                state = _("À créer")
            elif event.already:
                state = _("Déjà importée : rien à ajouter")
            else:
                state = _("Laissée de côté : {reason}").format(reason=event.problem)
            status = QTableWidgetItem(state)
            status.setToolTip(state)
            self.table.setItem(number, 3, status)
        self.table.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("n")
        for column, most in ((0, 28), (1, 40), (2, 28)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), em * most))
        self.table.resizeRowsToContents()  # long descriptions and reasons wrap
        self.notes.setText(" ".join(preview.ignored))
        self.summary.setText(preview.summary())
        count = len(preview.to_create)
        self.import_button.setEnabled(bool(count))
        self.import_button.setText(_("&Importer ({n})").format(n=count) if count else _("&Importer"))
        self.table.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.problems.show_message(error_text(error) + " " + _("Rien n'a été importé."))
        self.summary.setText("")
        self.import_button.setEnabled(False)

    def _import(self) -> None:
        preview, store = self.preview, self.context.store
        if preview is None:
            return
        self.import_button.setEnabled(False)

        def work(_progress: Progress) -> CalendarImportResult:
            clone = store.clone()
            try:
                return apply_calendar(clone, preview)
            finally:
                clone.close()

        run_task(work, self._imported, self._failed, owner=self)

    def _imported(self, result: CalendarImportResult) -> None:
        self.result = result
        self.summary.setText(result.summary())
        for combo in self.combos.values():
            combo.setEnabled(False)
        self.import_button.hide()
        self.undo_button.show()
        self.cancel_button.setText(_("&Fermer"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def _undo(self) -> None:
        if undo_last_import(self.context, self, "calendar"):
            self.undo_button.setEnabled(False)
            self.summary.setText(_("Importation annulée : les activités de ce fichier ont été retirées du calendrier."))

