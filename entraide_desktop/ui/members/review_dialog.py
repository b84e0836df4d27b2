"""« Fiches à vérifier »: the people an import brought in with cells it could not read, one by one.

For each person: the file's column, what was written and why it was not understood. « Ouvrir la
fiche » lets the secretary type the right value (the cell then leaves the list by itself);
« C'est vérifié » clears the person's remaining cells. Clearing is a synced change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.members.importing.review import PersonToCheck, clear_checks, people_to_check
from ...i18n import _, ngettext
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_button_row
from ..messages import show_error
from ..style import style_role
from .person_dialog import PersonDialog


class ReviewDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.people: list[PersonToCheck] = []
        self.setWindowTitle(_("Fiches à vérifier"))
        em = self.fontMetrics().horizontalAdvance("n")
        self.resize(em * 110, em * 48)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Fiches à vérifier après l'importation")))
        layout.addWidget(explanation(_(
            "Ces personnes ont été importées, mais certaines cellules du fichier n'ont pas pu être lues : elles "
            "n'ont été mises dans aucun champ. Leur texte est aussi gardé dans les notes de la fiche. Ouvrez la "
            "fiche pour écrire la bonne valeur : la cellule quitte alors la liste.")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Personnes à vérifier"))
        splitter.addWidget(self.list)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.person_label = QLabel()
        self.person_label.setWordWrap(True)
        style_role(self.person_label, "sectionTitle")
        side.addWidget(self.person_label)
        self.cells = QTableWidget(0, 3)
        self.cells.setHorizontalHeaderLabels([_("Colonne du fichier"), _("Ce qui était écrit"), _("Pourquoi")])
        self.cells.setAccessibleName(_("Cellules à vérifier"))
        self.cells.verticalHeader().hide()
        self.cells.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cells.setWordWrap(True)
        self.cells.horizontalHeader().setStretchLastSection(True)
        side.addWidget(self.cells, 1)
        self.open_button = QPushButton(_("&Ouvrir la fiche…"))
        self.done_button = QPushButton(_("C'est &vérifié"))
        self.done_button.setToolTip(_("Retirer cette personne de la liste (ses cellules ont été vérifiées)."))
        add_button_row(side, self.open_button, self.done_button)
        splitter.addWidget(right)
        splitter.setSizes([em * 30, em * 80])
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label, 1)
        close = QPushButton(_("&Fermer"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.list.currentRowChanged.connect(self._show_person)
        self.open_button.clicked.connect(self._open)
        self.done_button.clicked.connect(self._done)
        self.reload()

    def reload(self, keep: str = "") -> None:
        try:
            self.people = people_to_check(self.context.store)
        except Exception as error:  # noqa: BLE001 — said in French, nothing changed
            show_error(self, error)
            self.people = []
        self.list.clear()
        for person in self.people:
            item = QListWidgetItem(person.name + "  ·  " + ngettext("{n} cellule", "{n} cellules",
                                                                   len(person.checks)).format(n=len(person.checks)))
            self.list.addItem(item)
        self.count_label.setText(ngettext("{n} personne à vérifier", "{n} personnes à vérifier",
                                          len(self.people)).format(n=len(self.people)))
        index = next((i for i, p in enumerate(self.people) if p.person_id == keep), 0)
        if self.people:
            self.list.setCurrentRow(min(index, len(self.people) - 1))
        else:
            self._show_person(-1)
        self.list.setFocus()

    def _current(self) -> PersonToCheck | None:
        row = self.list.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def _show_person(self, _row: int) -> None:
        person = self._current()
        self.open_button.setEnabled(person is not None)
        self.done_button.setEnabled(person is not None)
        if person is None:
            self.person_label.setText(_("Toutes les fiches ont été vérifiées."))
            self.cells.setRowCount(0)
            return
        self.person_label.setText(person.name)
        self.cells.setRowCount(len(person.checks))
        for number, check in enumerate(person.checks):
            for column, text in enumerate((check.column, check.raw, check.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.cells.setItem(number, column, item)
        em = self.fontMetrics().horizontalAdvance("n")
        self.cells.setColumnWidth(0, em * 16)
        self.cells.setColumnWidth(1, em * 18)
        self.cells.resizeRowsToContents()  # the reason wraps in the last column

    def _open(self) -> None:
        person = self._current()
        if person is None:
            return
        PersonDialog(self.context, person.person_id, self).exec()  # a save announces itself
        self.reload(keep=person.person_id)

    def _done(self) -> None:
        person = self._current()
        if person is None:
            return
        try:
            clear_checks(self.context.store, [c.id for c in person.checks])
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self.reload()
