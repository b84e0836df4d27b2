"""« Mandats »: every elected seat on a date, who holds it, how they got it, when the term ends."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.responsibilities.mandates import ENDING_SOON_DAYS, Seat, seats
from ...i18n import N_, _, format_date
from ..context import AppContext
from .assign_dialog import AssignDialog
from .common import date_edit, from_qdate, paragraph
from .small_dialogs import EndDialog

COLUMNS = (N_("Mandat"), N_("Siège"), N_("Personne"), N_("Depuis le"), N_("Jusqu'au"), N_("Obtenu"), N_("État"))


class MandatesTab(QWidget):
    """``show_history(responsibility_id)`` asks the page to open the seat's history."""

    show_history = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._seats: list[Seat] = []
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_(
            "Les sièges du conseil d'administration et les postes élus ou désignés. Un mandat a une date de fin : "
            "Entraide le rappelle sur l'accueil {days} jours avant, pour préparer l'élection ou le renouvellement."
        ).format(days=ENDING_SOON_DAYS)))
        top = QHBoxLayout()
        label = QLabel(_("À la date d&u :"))
        self.on = date_edit(_("Date à laquelle voir les sièges"))
        label.setBuddy(self.on)
        top.addWidget(label)
        top.addWidget(self.on)
        top.addStretch(1)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_(c) for c in COLUMNS])
        self.tree.setAccessibleName(_("Sièges des mandats électifs"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.enter_button = QPushButton(_("&Inscrire un mandat…"))
        self.enter_button.setToolTip(_("Inscrire la personne élue, cooptée ou désignée à ce siège"))
        self.end_button = QPushButton(_("&Terminer ce mandat…"))
        self.history_button = QPushButton(_("Voir l'&historique"))
        for button in (self.enter_button, self.end_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.on.dateChanged.connect(lambda *_a: self.refresh())
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.tree.itemActivated.connect(lambda *_a: self.enter_or_history())
        self.enter_button.clicked.connect(self.enter)
        self.end_button.clicked.connect(self.end)
        self.history_button.clicked.connect(self._history)

    def refresh(self) -> None:
        row = max(self.tree.indexOfTopLevelItem(self.tree.currentItem()), 0) if self.tree.currentItem() else 0
        on = from_qdate(self.on.date())
        self._seats = seats(self.context.store, on)
        self.tree.clear()
        for seat in self._seats:
            a = seat.current
            status = seat.status_text()
            if seat.vacant or seat.overlapping or (seat.ends_within(ENDING_SOON_DAYS) and seat.following is None):
                status = "⚠ " + status
            values = [
                seat.responsibility.title,
                str(seat.seat),
                a.person_name if a else "—",
                format_date(a.start_on, "medium") if a else "",
                format_date(a.end_on, "medium") if a and a.end_on else "",
                a.origin_label if a else "",
                status,
            ]
            item = QTreeWidgetItem(values)
            item.setToolTip(0, seat.responsibility.eligibility_text())
            item.setToolTip(6, status)
            self.tree.addTopLevelItem(item)
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), self.fontMetrics().horizontalAdvance("M") * 24))
        if self._seats:
            self.tree.setCurrentItem(self.tree.topLevelItem(min(row, len(self._seats) - 1)))
        self._update_buttons()

    def selected(self) -> Seat | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self._seats[index] if 0 <= index < len(self._seats) else None

    def _update_buttons(self) -> None:
        seat = self.selected()
        self.enter_button.setEnabled(seat is not None)
        self.end_button.setEnabled(seat is not None and seat.current is not None)
        self.history_button.setEnabled(seat is not None)

    def enter(self) -> None:
        seat = self.selected()
        if seat is None:
            return
        start = from_qdate(self.on.date())
        if seat.current is not None and seat.current.end_on is not None:
            start = seat.current.end_on + dt.timedelta(days=1)  # the next term, after the current one
        AssignDialog(self.context, seat.responsibility.id, self, start=start, seat=seat.seat).exec()

    def end(self) -> None:
        seat = self.selected()
        if seat is not None and seat.current is not None:
            EndDialog(self.context, seat.current, self).exec()

    def enter_or_history(self) -> None:
        seat = self.selected()
        if seat is not None and seat.current is None:
            self.enter()
        else:
            self._history()

    def _history(self) -> None:
        seat = self.selected()
        if seat is not None:
            self.show_history.emit(seat.responsibility.id)

    def select_responsibility(self, responsibility_id: str) -> None:
        for i, seat in enumerate(self._seats):
            if seat.responsibility.id == responsibility_id:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return

