"""The memberships (cotisations) of a person, and whether they are « membre en règle » today."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.errors import ValidationError
from ...data.members.memberships import Membership, PeriodOf, clean_membership, membership_year, standing_of
from ...data.members.records import MembershipDraft
from ...i18n import _, format_date
from ..forms import ErrorLabel
from .widgets import DateField, buddy_label, hint
from ..style import style_role


class MembershipsTab(QWidget):
    """Edits a list of memberships in memory; the dialog saves them with the rest of the record."""

    def __init__(self, memberships: list[Membership], roles: Callable[[], tuple[str, ...]],
                 today: dt.date | None = None, *, period_of: PeriodOf = membership_year) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self._period_of = period_of  # the group's rule for the period of a new membership
        self._roles = roles
        self._items: list[Membership] = list(memberships)
        self._drafts: dict[str, MembershipDraft] = {}  # by membership id (new ones get a temporary id)
        self._editing: str | None = None

        layout = QVBoxLayout(self)
        self.standing = QLabel()
        self.standing.setWordWrap(True)
        style_role(self.standing, "sectionTitle")
        self.standing.setAccessibleName(_("Membre en règle"))
        layout.addWidget(self.standing)
        layout.addWidget(hint(_(
            "Une personne est « membre en règle » à une date quand elle a le rôle Membre et qu'une cotisation "
            "payée couvre cette date. Le montant est facultatif : la cotisation peut être gratuite."
        )))

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Période"), _("Payée le"), _("Montant"), _("Note")])
        self.table.setAccessibleName(_("Cotisations de la personne"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self._edit())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("&Ajouter une cotisation"))
        self.add_button.clicked.connect(self._new)
        self.edit_button = QPushButton(_("Mo&difier"))
        self.edit_button.clicked.connect(self._edit)
        self.remove_button = QPushButton(_("Re&tirer"))
        self.remove_button.setToolTip(_("Retirer une cotisation inscrite par erreur (elle reste dans l'historique)."))
        self.remove_button.clicked.connect(self._remove)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.editor = QGroupBox(_("Cotisation"))
        grid = QGridLayout(self.editor)
        self.paid_on = DateField(_("Payée le"))
        self.paid_on.editingFinished.connect(self._fill_period)
        self.period_start = DateField(_("Début de la période"))
        self.period_end = DateField(_("Fin de la période"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("p. ex. 5,00 — vide ou 0 si gratuite"))
        self.note = QLineEdit()
        grid.addWidget(buddy_label(_("&Payée le :"), self.paid_on), 0, 0)
        grid.addWidget(self.paid_on, 0, 1)
        grid.addWidget(buddy_label(_("Pé&riode du :"), self.period_start), 0, 2)
        grid.addWidget(self.period_start, 0, 3)
        grid.addWidget(buddy_label(_("a&u :"), self.period_end), 0, 4)
        grid.addWidget(self.period_end, 0, 5)
        grid.addWidget(buddy_label(_("&Montant :"), self.amount), 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(buddy_label(_("&Note :"), self.note), 1, 2)
        grid.addWidget(self.note, 1, 3, 1, 3)
        self.error = ErrorLabel()
        grid.addWidget(self.error, 2, 0, 1, 6)
        row = QHBoxLayout()
        self.keep_button = QPushButton(_("&Garder cette cotisation"))
        self.keep_button.clicked.connect(self._keep)
        self.cancel_button = QPushButton(_("Annuler la cotisation"))
        self.cancel_button.clicked.connect(self._close_editor)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.keep_button)
        grid.addLayout(row, 3, 0, 1, 6)
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.editor)
        self.editor.hide()
        self.refresh()

    # -- list -------------------------------------------------------------------------------
    def _visible(self) -> list[Membership]:
        shown = []
        for m in self._items:
            draft = self._drafts.get(m.id)
            if draft is not None and draft.remove:
                continue
            shown.append(m)
        return sorted(shown, key=lambda m: (m.period_start, m.paid_on or dt.date.min), reverse=True)

    def refresh(self) -> None:
        shown = self._visible()
        self.table.setRowCount(len(shown))
        for number, m in enumerate(shown):
            pending = m.id in self._drafts
            period = m.period_label + (" " + _("(à enregistrer)") if pending else "")
            cells = (period, format_date(m.paid_on, "medium") if m.paid_on else "", m.amount_label, m.note or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        state = standing_of(self._roles(), False, shown, self.today)
        self.standing.setText(("✔ " if state.in_good_standing else "• ") + state.describe())
        self._selection_changed()

    def _selected(self) -> Membership | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((m for m in self._items if m.id == wanted), None)

    def _selection_changed(self) -> None:
        has = self._selected() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    # -- editor ------------------------------------------------------------------------------
    def _open_editor(self, m: Membership | None) -> None:
        self._editing = m.id if m else None
        self.error.clear_message()
        if m is None:
            self.paid_on.set_date(self.today)
            self._fill_period(force=True)
            self.amount.clear()
            self.note.clear()
        else:
            self.paid_on.set_date(m.paid_on)
            self.period_start.set_date(m.period_start)
            self.period_end.set_date(m.period_end)
            self.amount.setText((m.amount or "").replace(".", ","))
            self.note.setText(m.note or "")
        self.editor.show()
        self.paid_on.setFocus()

    def _new(self) -> None:
        self._open_editor(None)

    def _edit(self) -> None:
        selected = self._selected()
        if selected is not None:
            self._open_editor(selected)

    def _close_editor(self) -> None:
        self.editor.hide()
        self._editing = None
        self.add_button.setFocus()

    def _fill_period(self, force: bool = False) -> None:
        """A new payment date proposes the group's membership year it falls in (exercice or calendar year)."""
        try:
            paid = self.paid_on.date()
        except ValidationError:
            return
        if paid and (force or not self.period_start.text()):
            start, end = self._period_of(paid)
            self.period_start.set_date(start)
            self.period_end.set_date(end)

    def _keep(self) -> None:
        values = {"paid_on": self.paid_on.text(), "period_start": self.period_start.text(),
                  "period_end": self.period_end.text(), "amount": self.amount.text(), "note": self.note.text()}
        try:
            clean = clean_membership(values, self._period_of)
        except ValidationError as error:
            self.error.show_message(error.message)
            widget = {"paid_on": self.paid_on, "period_start": self.period_start, "period_end": self.period_end,
                      "amount": self.amount}.get(error.field, self.paid_on)
            widget.setFocus()
            return
        membership_id = self._editing or f"new-{uuid.uuid4()}"
        existing = self._editing is not None and not membership_id.startswith("new-")
        self._drafts[membership_id] = MembershipDraft(values, None if not existing else membership_id)
        item = Membership(membership_id, "", dt.date.fromisoformat(clean["period_start"]),
                          dt.date.fromisoformat(clean["period_end"]), dt.date.fromisoformat(clean["paid_on"]),
                          clean["amount"], clean["note"])
        self._items = [m for m in self._items if m.id != membership_id] + [item]
        self._close_editor()
        self.refresh()

    def _remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        if selected.id.startswith("new-"):
            self._drafts.pop(selected.id, None)
            self._items = [m for m in self._items if m.id != selected.id]
        else:
            self._drafts[selected.id] = MembershipDraft({}, selected.id, remove=True)
        self.refresh()

    def drafts(self) -> list[MembershipDraft]:
        return list(self._drafts.values())

    def widget_for(self, field: str) -> QWidget | None:
        return {"paid_on": self.paid_on, "period_start": self.period_start, "period_end": self.period_end,
                "amount": self.amount}.get(field)

    def has_open_editor(self) -> bool:
        return self.editor.isVisible()
