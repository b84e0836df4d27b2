"""« Personnes »: each person's responsibilities, absences and « ne pas me proposer »; who never held one yet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...data.people import PersonRef
from ...data.responsibilities import assignments, availability, rotation
from ...data.responsibilities.directory import people_index
from ...data.text import fold
from ...i18n import _
from ..context import AppContext
from .common import fill_list, groups_text, paragraph, section, selected_data
from .small_dialogs import AbsenceDialog

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
HELD_SHOWN = 60


class PeopleTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._people: list[PersonRef] = []
        self._never: set[str] = set()
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Rechercher une personne…"))
        self.search.setAccessibleName(_("Rechercher une personne"))
        self.search.setClearButtonEnabled(True)
        left_layout.addWidget(self.search)
        self.only_never = QCheckBox(_("Seulement les personnes qui n'ont &jamais pris de responsabilité"))
        left_layout.addWidget(self.only_never)
        self.never_text = paragraph(_(
            "Ces personnes n'ont encore jamais pris de responsabilité au groupe. Ce n'est pas un reproche : "
            "chacun·e va à son rythme. Une invitation personnelle, sans pression — préparer le café à deux, "
            "accueillir une nouvelle personne — peut ouvrir la porte."))
        left_layout.addWidget(self.never_text)
        self.copy_button = QPushButton(_("&Copier la liste des noms"))
        self.copy_button.setToolTip(_("Pour préparer des invitations : les noms, un par ligne"))
        left_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Personnes du registre"))
        left_layout.addWidget(self.list, 1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.name = section("")
        right_layout.addWidget(self.name)
        self.groups = paragraph()
        right_layout.addWidget(self.groups)
        self.do_not_propose = QCheckBox(_("Ne pas &proposer cette personne pour les tâches (à sa demande)"))
        self.do_not_propose.setAccessibleDescription(_(
            "La rotation ne la proposera plus ; on peut toujours lui confier une tâche qu'elle demande."))
        right_layout.addWidget(self.do_not_propose)
        self.held = QListWidget()
        self.held.setAccessibleName(_("Ses responsabilités"))
        self.held.setWordWrap(True)
        right_layout.addWidget(section(_("&Ses responsabilités"), self.held))
        right_layout.addWidget(self.held, 2)
        self.absences = QListWidget()
        self.absences.setAccessibleName(_("Absences et pauses"))
        right_layout.addWidget(section(_("Absences et pa&uses"), self.absences))
        right_layout.addWidget(self.absences, 1)
        row = QHBoxLayout()
        self.add_absence = QPushButton(_("Ajouter une a&bsence…"))
        self.remove_absence = QPushButton(_("Retirer l'absenc&e"))
        row.addWidget(self.add_absence)
        row.addWidget(self.remove_absence)
        row.addStretch(1)
        right_layout.addLayout(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(right)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.search.textChanged.connect(lambda _t: self._fill())
        self.only_never.toggled.connect(lambda _on: self._fill())
        self.list.currentItemChanged.connect(lambda *_a: self._show_person())
        self.copy_button.clicked.connect(self.copy_names)
        self.do_not_propose.toggled.connect(self._toggle_do_not_propose)
        self.add_absence.clicked.connect(self._add_absence)
        self.remove_absence.clicked.connect(self._remove_absence)
        self.absences.itemSelectionChanged.connect(
            lambda: self.remove_absence.setEnabled(selected_data(self.absences) is not None))

    def refresh(self) -> None:
        everyone = people_index(self.context.store).values()
        self._people = sorted((p for p in everyone if not p.archived), key=lambda p: (p.sort_key, p.id))
        self._never = {p.id for p in rotation.never_held(self.context.store)}
        self.only_never.setText(_("Seulement les personnes qui n'ont &jamais pris de responsabilité ({n})").format(
            n=len(self._never)))
        self._fill()

    def _fill(self) -> None:
        keep = self.current_id()
        needle = fold(self.search.text().strip())
        only_never = self.only_never.isChecked()
        self.never_text.setVisible(only_never)
        self.copy_button.setVisible(only_never)
        self.list.clear()
        for ref in self._people:
            if only_never and ref.id not in self._never:
                continue
            if needle and needle not in ref.sort_key:
                continue
            item = QListWidgetItem(f"{ref.name} — {groups_text(ref.groups)}")
            item.setData(ID_ROLE, ref.id)
            item.setData(NAME_ROLE, ref.name)
            self.list.addItem(item)
            if ref.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_person()

    def current_id(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else ""

    def visible_names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def copy_names(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.visible_names()))
        self.context.status_message.emit(_("La liste des noms est copiée."))

    def _show_person(self) -> None:
        pid = self.current_id()
        ref = next((p for p in self._people if p.id == pid), None)
        for widget in (self.do_not_propose, self.add_absence):
            widget.setEnabled(ref is not None)
        self.remove_absence.setEnabled(False)
        if ref is None:
            self.name.setText(_("Aucune personne à afficher"))
            self.groups.clear()
            self.held.clear()
            self.absences.clear()
            return
        store = self.context.store
        self.name.setText(ref.name)
        self.groups.setText(groups_text(ref.groups) + ("" if ref.active else " · " + _("fiche inactive")))
        self.do_not_propose.blockSignals(True)
        self.do_not_propose.setChecked(availability.asked_not_to_be_proposed(store, pid))
        self.do_not_propose.blockSignals(False)
        today = dt.date.today()
        found = assignments.find(store, person_id=pid)
        current = [a for a in found if a.end_on is None or a.end_on >= today]
        past = [a for a in found if a.end_on is not None and a.end_on < today]
        entries = [(_("En cours ou à venir : {title}, {period}").format(title=a.title, period=a.period_text()), a.id)
                   for a in reversed(current)]
        entries += [(f"{a.title}, {a.period_text()}", a.id) for a in past[:HELD_SHOWN]]
        fill_list(self.held, entries, _("Aucune responsabilité pour l'instant."), more=len(past) - HELD_SHOWN)
        fill_list(self.absences, [(u.period_text() + (f" — {u.note}" if u.note else ""), u.id)
                                  for u in availability.unavailabilities(store, pid)],
                  _("Aucune absence inscrite."))

    def _toggle_do_not_propose(self, on: bool) -> None:
        pid = self.current_id()
        if pid:
            availability.set_do_not_propose(self.context.store, pid, on)

    def _add_absence(self) -> None:
        pid = self.current_id()
        ref = next((p for p in self._people if p.id == pid), None)
        if ref is not None:
            AbsenceDialog(self.context, pid, ref.name, self).exec()

    def _remove_absence(self) -> None:
        uid = selected_data(self.absences)
        if isinstance(uid, str):
            availability.remove_unavailability(self.context.store, uid)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
