"""Présences et quorum: mark people present, excused or absent by keyboard; guests; the live quorum."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...i18n import _
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..forms import ErrorLabel
from ..style import style_role
from .common import message
from .models import ID_ROLE, FilterProxy, RosterModel

_KEYS = {Qt.Key.Key_P: mt.PRESENT, Qt.Key.Key_E: mt.EXCUSED, Qt.Key.Key_A: mt.ABSENT,
         Qt.Key.Key_Delete: "", Qt.Key.Key_Backspace: ""}


class RosterView(QTableView):
    """P, E, A mark the chosen person; Suppr removes the mark."""

    mark_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            status = _KEYS.get(Qt.Key(event.key()))
            if status is not None:
                self.mark_requested.emit(status)
                return
        super().keyPressEvent(event)


class AttendanceTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.meeting_id = ""
        self.locked = False
        layout = QVBoxLayout(self)

        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("quorumLine")
        self.quorum_label.setWordWrap(True)
        self.quorum_label.setAccessibleName(_("Quorum"))
        layout.addWidget(self.quorum_label)
        self.error = ErrorLabel()
        layout.addWidget(self.error)

        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_label = QLabel(_("&Rechercher :"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Nom… puis Entrée : la personne trouvée est inscrite présente"))
        self.search.setAccessibleName(_("Rechercher une personne"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.show_filter = QComboBox()
        self.show_filter.setAccessibleName(_("Personnes affichées"))
        for key, label in (("all", _("Tout le monde")), ("marked", _("Personnes inscrites")),
                           ("voters", _("Personnes votantes"))):
            self.show_filter.addItem(label, key)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.show_filter)
        left_layout.addLayout(search_row)

        self.model = RosterModel()
        self.proxy = FilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = RosterView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Liste des présences"))
        self.table.setAccessibleDescription(_("P : présent·e, E : excusé·e, A : absent·e, Suppr : effacer la marque"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the longest labels: measuring 1,500 rows would slow the opening of an AGA.
        metrics = self.table.fontMetrics()
        for col, labels in ((1, (_("Sans droit de vote"), _("Droit de vote"))),
                            (2, (_("Présent·e"), _("Excusé·e"), _("Absent·e"), _("Présence")))):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, max(metrics.horizontalAdvance(t) for t in labels) + 36)
        self.table.mark_requested.connect(self.mark_selected)
        left_layout.addWidget(self.table, 1)

        buttons = FlowLayout()
        self.mark_buttons = []
        for text, status in ((_("Présent·e (P)"), mt.PRESENT), (_("Excusé·e (E)"), mt.EXCUSED),
                             (_("Absent·e (A)"), mt.ABSENT), (_("Effacer la marque (Suppr)"), "")):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=status: self.mark_selected(s))
            buttons.addWidget(button)
            self.mark_buttons.append(button)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        guests_label = QLabel(_("Personnes invitées (sa&ns droit de vote)"))
        style_role(guests_label, "sectionTitle")
        guests_label.setWordWrap(True)
        self.guests = QListWidget()
        self.guests.setAccessibleName(_("Personnes invitées"))
        self.guests.setWordWrap(True)
        guests_label.setBuddy(self.guests)
        right_layout.addWidget(guests_label)
        right_layout.addWidget(self.guests, 1)
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText(_("Nom de la personne invitée"))
        self.guest_name.setAccessibleName(_("Nom de la personne invitée"))
        self.guest_role = QLineEdit()
        self.guest_role.setPlaceholderText(_("Rôle ou organisme (facultatif)"))
        self.guest_role.setAccessibleName(_("Rôle ou organisme de la personne invitée"))
        self.guest_name.returnPressed.connect(self.add_guest)
        self.guest_role.returnPressed.connect(self.add_guest)
        right_layout.addWidget(self.guest_name)
        right_layout.addWidget(self.guest_role)
        guest_buttons = FlowLayout()
        self.add_guest_button = QPushButton(_("Ajouter l'invité·e"))
        self.add_guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button = QPushButton(_("Retirer"))
        self.remove_guest_button.setAccessibleName(_("Retirer la personne invitée choisie"))
        self.remove_guest_button.clicked.connect(self.remove_guest)
        guest_buttons.addWidget(self.add_guest_button)
        guest_buttons.addWidget(self.remove_guest_button)
        right_layout.addLayout(guest_buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.proxy.set_needle)
        self.search.returnPressed.connect(self._check_in)
        self.show_filter.currentIndexChanged.connect(self._apply_filter)

    # -- loading ----------------------------------------------------------------------------
    def load(self, meeting_id: str, locked: bool) -> None:
        if meeting_id != self.meeting_id:  # a board: its members first; an assembly: everyone
            kind = mt.get_meeting(self.context.store, meeting_id).type
            self.show_filter.setCurrentIndex(self.show_filter.findData("voters" if kind.voters == "board" else "all"))
        self.meeting_id, self.locked = meeting_id, locked
        self.error.clear_message()
        self.model.set_rows(mt.roster(self.context.store, meeting_id))
        self._load_guests()
        self.refresh_quorum()
        for widget in (*self.mark_buttons, self.guest_name, self.guest_role, self.add_guest_button,
                       self.remove_guest_button):
            widget.setEnabled(not locked)

    def _load_guests(self) -> None:
        self.guests.clear()
        for guest in mt.guests(self.context.store, self.meeting_id):
            item = QListWidgetItem(f"{guest.name} ({guest.role})" if guest.role else guest.name)
            item.setData(Qt.ItemDataRole.UserRole, guest.id)
            self.guests.addItem(item)

    def refresh_quorum(self) -> None:
        q = mt.quorum(self.context.store, self.meeting_id)
        mark = {True: "✔ ", False: "⚠ ", None: ""}[q.met]
        guests = " · " + _("Personnes invitées : {n}").format(n=q.guests) if q.guests else ""
        self.quorum_label.setText(mark + q.text() + guests)
        self.quorum_label.setAccessibleDescription(q.text())

    def _apply_filter(self) -> None:
        key = self.show_filter.currentData()
        self.proxy.set_predicate({"marked": lambda r: bool(r.status), "voters": lambda r: r.voter}.get(key))

    # -- marking ----------------------------------------------------------------------------
    def _selected_person(self) -> str:
        index = self.table.currentIndex()
        return str(self.proxy.data(index, ID_ROLE) or "") if index.isValid() else ""

    def mark_selected(self, status: str) -> None:
        person_id = self._selected_person()
        if person_id:
            self.mark(person_id, status)

    def mark(self, person_id: str, status: str) -> bool:
        if self.locked:
            return False
        try:
            mt.mark(self.context.store, self.meeting_id, person_id, status)
        except Exception as error:  # noqa: BLE001 — shown to the person, nothing changed

            self.error.show_message(message(error))
            return False
        self.error.clear_message()
        self.model.update_status(person_id, status)
        self.refresh_quorum()
        self.changed.emit()
        return True

    def _check_in(self) -> None:
        """Entrée in the search field: the one person found is marked present; with several, choose in the list."""
        if self.proxy.rowCount() == 0:
            return
        index = self.proxy.index(0, 0)
        if self.proxy.rowCount() > 1:
            self.table.setCurrentIndex(index)
            self.table.setFocus()
            self.context.status_message.emit(_("Plusieurs personnes trouvées : choisissez avec les flèches, puis P."))
            return
        person_id = str(self.proxy.data(index, ID_ROLE))
        if self.mark(person_id, mt.PRESENT):
            name = self.proxy.data(index)
            self.context.status_message.emit(_("{name} : présent·e").format(name=name))
            self.search.clear()

    # -- guests -----------------------------------------------------------------------------
    def add_guest(self) -> None:
        if self.locked or not self.guest_name.text().strip():
            return
        try:
            mt.add_guest(self.context.store, self.meeting_id, self.guest_name.text(), self.guest_role.text())
        except Exception as error:  # noqa: BLE001

            self.error.show_message(message(error))
            return
        self.guest_name.clear()
        self.guest_role.clear()
        self._load_guests()
        self.refresh_quorum()
        self.guest_name.setFocus()
        self.changed.emit()

    def remove_guest(self) -> None:
        item = self.guests.currentItem()
        if item is None or self.locked:
            return
        mt.remove_guest(self.context.store, item.data(Qt.ItemDataRole.UserRole))
        self._load_guests()
        self.refresh_quorum()
        self.changed.emit()
