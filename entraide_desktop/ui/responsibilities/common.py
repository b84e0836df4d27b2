"""Small pieces shared by the Responsabilités screens: dates, headings, lists, people's groups."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QListWidget, QListWidgetItem, QWidget

from ...data.responsibilities.directory import GROUP_LABELS
from ...i18n import _
from ..style import style_role

AREA = "responsibilities"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(accessible_name: str, day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar, written out in the app's language (« 3 mars 2026 »)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    # TRANSLATORS: Qt date format of the date fields (MMMM = month name).
    edit.setDisplayFormat(_("d MMMM yyyy"))
    edit.setDate(to_qdate(day or dt.date.today()))
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("30 septembre 2026") + 48)
    return edit


def section(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    style_role(label, "sectionTitle")
    label.setWordWrap(True)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def paragraph(text: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    style_role(label, "explanation")
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def groups_text(groups: tuple[str, ...]) -> str:
    """« Membres, Conseil d'administration » (a person with several roles is in each group)."""
    return ", ".join(_(GROUP_LABELS[g]) for g in groups) or _("sans rôle inscrit")


def info_item(text: str) -> QListWidgetItem:
    """A line that only informs (empty list, « et 12 de plus »): not selectable."""
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return item


def fill_list(widget: QListWidget, entries: list[tuple[str, object]], empty: str, more: int = 0) -> None:
    """Replace the list's items by ``(text, data)`` entries, then « … et N de plus » when ``more``;
    a plain line when there are none."""
    widget.clear()
    for text, data in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        widget.addItem(item)
    if more > 0:
        widget.addItem(info_item(_("… et {n} de plus").format(n=more)))
    if not entries:
        widget.addItem(info_item(empty))


def selected_data(widget: QListWidget) -> object:
    item = widget.currentItem()
    return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None
