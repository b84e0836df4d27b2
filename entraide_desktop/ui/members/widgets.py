"""Small widgets of the members screens: a date field that reads Quebec forms, labelled rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ...data.errors import ValidationError
from ...data.validation import parse_date
from ...i18n import _, format_date


class DateField(QLineEdit):
    """A date typed as 2019-03-15 or 15/03/2019 (or left empty); shown back in ISO form."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(_("AAAA-MM-JJ"))
        self.setToolTip(_("Une date comme 2019-03-15 ou 15/03/2019."))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 60)
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        try:
            value = parse_date(self.text())
        except ValidationError:
            return  # the mistake is reported when saving, with the field focused
        if value is not None:
            self.setText(value.isoformat())
            self.setToolTip(format_date(value))

    def date(self) -> dt.date | None:
        """The date typed, None when empty; raises ValidationError for a wrong one."""
        return parse_date(self.text())

    def set_date(self, value: dt.date | str | None) -> None:
        self.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label with a mnemonic (« &Prénom : ») that gives focus to ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(text.replace("&", "").rstrip(" :"))
    return label


def hint(text: str) -> QLabel:
    """A short explanation under a field, a little smaller than the field's text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("fieldHint")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label
