"""Attendance of one occurrence: how many came, and optionally who."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...data import people
from ...data.calendar import attendance as att
from ...data.calendar.occurrence import OccurrenceView
from ...data.errors import EntraideError
from ...data.text import fold
from ...i18n import _
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_error_and_buttons


class AttendanceDialog(QDialog):
    def __init__(self, context: AppContext, occ: OccurrenceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = context.store
        self.occ = occ
        current = att.attendance_for(self.store, occ.key)
        self.setWindowTitle(_("Présences"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Présences : {title}").format(title=occ.title)))
        layout.addWidget(explanation(i18n.format_date(occ.start.date())))
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setRange(0, 9999)
        self.count.setValue(current.head_count if current.head_count is not None else len(current.person_ids))
        self.count.setAccessibleName(_("Nombre de personnes présentes"))
        form.addRow(_("&Nombre de personnes présentes :"), self.count)
        layout.addLayout(form)
        self.named = QCheckBox(_("Noter aussi &qui est venu (pour le quorum et le rapport d'activités)"))
        self.named.setChecked(bool(current.person_ids))
        layout.addWidget(self.named)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Chercher une personne…"))
        self.search.setAccessibleName(_("Chercher une personne présente"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.people = QListWidget()
        self.people.setAccessibleName(_("Personnes présentes"))
        layout.addWidget(self.people, 1)
        came = set(current.person_ids)
        refs = people.list_people(self.store)
        known = {r.id for r in refs}
        refs += [people.person_ref(self.store, pid) for pid in current.person_ids if pid not in known]
        for ref in sorted(refs, key=lambda r: (r.id not in came, fold(r.name))):
            item = QListWidgetItem(ref.name)
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(ref.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ref.id in came else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.itemChanged.connect(self._checked)
        self.search.textChanged.connect(self._filter)
        self.named.toggled.connect(self._update)
        self.error = add_error_and_buttons(self, layout, self._save)
        self._update()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 40, em * 36)

    def checked(self) -> list[str]:
        return [
            self.people.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.people.count())
            if self.people.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _checked(self, _item: QListWidgetItem) -> None:
        self.count.setValue(max(self.count.value(), len(self.checked())))

    def _update(self) -> None:
        on = self.named.isChecked()
        self.search.setVisible(on)
        self.people.setVisible(on)

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole + 1))

    def _save(self) -> None:
        try:
            att.record_attendance(
                self.store,
                self.occ.key,
                self.count.value(),
                self.checked() if self.named.isChecked() else None,
            )
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()
