"""The selected day beside the calendar: its heading, its activities (cancelled ones struck
through, moved ones said), and « Créer ce jour-là… »."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ...data.calendar.labels import day_heading, time_range
from ...data.calendar.occurrence import OccurrenceView
from ...i18n import _
from ..style import style_role
from .common import CANCELLED_INK, tooltip, type_icon


class DayPanel(QWidget):
    occurrence_opened = Signal(str)  # the occurrence's key
    new_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        panel = QVBoxLayout(self)
        panel.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        style_role(self.title, "sectionTitle")
        self.title.setWordWrap(True)
        panel.addWidget(self.title)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Activités du jour choisi"))
        self.list.itemActivated.connect(lambda item: self.occurrence_opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        panel.addWidget(self.list, 1)
        self.new_button = QPushButton(_("&Créer ce jour-là…"))
        self.new_button.setAccessibleName(_("Nouvelle activité le jour choisi"))
        self.new_button.clicked.connect(self.new_requested)
        panel.addWidget(self.new_button)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 15)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 26)

    def show_day(self, day: dt.date, items: list[OccurrenceView]) -> None:
        self.title.setText(day_heading(day))
        self.list.clear()
        for occ in items:
            self.list.addItem(self._item(occ))
        if not items:
            empty = QListWidgetItem(_("Aucune activité ce jour-là."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def _item(self, occ: OccurrenceView) -> QListWidgetItem:
        text = f"{time_range(occ.start, occ.end, occ.all_day)}\n{occ.title}"
        if occ.place:
            text += f"\n{occ.place}"
        if occ.cancelled:
            text = _("ANNULÉ") + (f" ({occ.note})" if occ.note else "") + " — " + text
        elif occ.moved:
            text = _("Déplacé") + (f" ({occ.note})" if occ.note else "") + " — " + text
        item = QListWidgetItem(type_icon(occ.symbol, occ.colour), text)
        item.setData(Qt.ItemDataRole.UserRole, occ.key)
        item.setToolTip(tooltip(occ))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, tooltip(occ).replace("\n", ". "))
        if occ.cancelled:
            font = QFont(self.list.font())
            font.setStrikeOut(True)
            item.setFont(font)
            item.setForeground(CANCELLED_INK)
        return item
