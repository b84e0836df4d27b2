"""Dates between Python and Qt, and the one date field with a calendar, so no screen writes its own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from ...i18n import _


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(accessible_name: str, day: dt.date | None = None, parent: QWidget | None = None,
              *, display: str = "") -> QDateEdit:
    """A date field with a calendar, written out in the app's language (« 3 mars 2026 »).

    ``display``: another Qt date format, already translated (the calendar names the day too).
    """
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    # TRANSLATORS: Qt date format of the date fields (MMMM = month name).
    edit.setDisplayFormat(display or _("d MMMM yyyy"))
    edit.setDate(to_qdate(day or dt.date.today()))
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("30 septembre 2026") + 48)
    return edit
