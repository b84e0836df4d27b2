"""Small pieces shared by the Responsabilités screens: dates, headings, lists, people's groups."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from ...data.people import GROUP_LABELS
from ...i18n import _
from ..kit.dates import date_edit, from_qdate, to_qdate  # noqa: F401  (the Responsabilités screens import them from here)
from ..style import style_role

AREA = "responsibilities"


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
