"""The agenda (list) view: the month's activities day by day, in a keyboard-friendly tree."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...data.calendar.labels import day_heading, time_range
from ...data.calendar.occurrence import OccurrenceView
from ...i18n import _
from .common import CANCELLED_INK, add_months, tooltip, type_icon, with_note

KEY_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1


class AgendaView(QTreeWidget):
    """Days as headings, their activities under them. Enter opens, N new, T today, Page Up/Down months."""

    date_selected = Signal(object)
    occurrence_activated = Signal(str)
    new_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected = dt.date.today()
        self.setAccessibleName(_("Liste des activités du mois"))
        self.setColumnCount(5)
        self.setHeaderLabels([_("Heure"), _("Activité"), _("Type"), _("Lieu"), _("Remarque")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)
        self.currentItemChanged.connect(self._current_changed)
        self._by_day: dict[dt.date, list[OccurrenceView]] = {}

    def visible_range(self) -> tuple[dt.date, dt.date]:
        first = self.selected.replace(day=1)
        return first, add_months(first, 1) - dt.timedelta(days=1)

    def set_occurrences(self, occurrences: list[OccurrenceView], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        first, last = self.visible_range()
        self.blockSignals(True)
        self.clear()
        by_day: dict[dt.date, list[OccurrenceView]] = {}
        for occ in occurrences:
            for day in occ.days:
                if first <= day <= last:
                    by_day.setdefault(day, []).append(occ)
        self._by_day = by_day
        bold = QFont(self.font())
        bold.setBold(True)
        current = None
        for day in sorted(by_day):
            head = QTreeWidgetItem([day_heading(day, today)])
            head.setFirstColumnSpanned(True)
            head.setFont(0, bold)
            head.setData(0, DAY_ROLE, day)
            self.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for occ in by_day[day]:
                item = self._item(occ, day)
                head.addChild(item)
                if current is None and day >= self.selected:
                    current = item
        if not by_day:
            empty = QTreeWidgetItem([_("Aucune activité ce mois-ci. Appuyez sur N pour en créer une.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        self.expandAll()
        if current is not None:
            self.setCurrentItem(current)
        self.blockSignals(False)

    def _item(self, occ: OccurrenceView, day: dt.date) -> QTreeWidgetItem:
        if occ.all_day:
            when = time_range(occ.start, occ.end, True)
        else:
            when = time_range(occ.start, occ.end, False)
        note = ""
        if occ.cancelled:
            note = with_note(_("ANNULÉ"), occ.note)
        elif occ.moved:
            note = with_note(_("Déplacé"), occ.note)
        elif not occ.public:
            note = _("Réservé aux membres")
        item = QTreeWidgetItem([when, occ.title, occ.short_label, occ.place, note])
        item.setIcon(2, type_icon(occ.symbol, occ.colour))
        item.setToolTip(1, tooltip(occ))
        item.setData(0, KEY_ROLE, occ.key)
        item.setData(0, DAY_ROLE, day)
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, tooltip(occ).replace("\n", ". "))
        if occ.cancelled:
            font = QFont(self.font())
            font.setStrikeOut(True)
            item.setFont(1, font)
            for column in range(5):
                item.setForeground(column, QBrush(CANCELLED_INK))
        return item

    def select_day(self, day: dt.date, *, emit: bool = True) -> None:
        self.selected = day
        if emit:
            self.date_selected.emit(day)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        day = current.data(0, DAY_ROLE)
        if isinstance(day, dt.date) and day != self.selected:
            self.selected = day

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.occurrence_activated.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if plain and key == Qt.Key.Key_PageUp:
            self.select_day(add_months(self.selected, -1).replace(day=1))
        elif plain and key == Qt.Key.Key_PageDown:
            self.select_day(add_months(self.selected, 1).replace(day=1))
        elif plain and key == Qt.Key.Key_T:
            self.select_day(dt.date.today())
        elif plain and key == Qt.Key.Key_N:
            self.new_requested.emit(self.selected)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._activated(self.currentItem(), 0)
        else:
            super().keyPressEvent(event)
