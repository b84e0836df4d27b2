"""A labelled form filled row by row, so that a dialog lists its fields instead of wiring each one.

Every row gets the same care: the label (French, with its « & » mnemonic) focuses its field,
the field has an accessible name (given, or the label without « & » and « : »), and an
optional help text is read by screen readers and shown as a tooltip.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget

Field = TypeVar("Field", QWidget, QLayout)


def name_from_label(label: str) -> str:
    """« Derni&er jour : » → « Dernier jour » (what a screen reader says for the field)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip().rstrip(":").strip()


class Form:
    """A :class:`QFormLayout` and the rows added to it; ``form.layout`` goes into the dialog."""

    def __init__(self, layout: QFormLayout | None = None) -> None:
        self.layout = layout if layout is not None else QFormLayout()

    def row(self, label: str, field: Field, *, name: str | None = None, help: str = "",
            buddy: QWidget | None = None) -> Field:
        """Add « label : field »; returns the field.

        ``name`` is the field's accessible name when it should say more than the label
        (« Titre de l'activité » for « &Titre : »); a field that already has one keeps it.
        ``buddy`` is what the mnemonic focuses when ``field`` is a layout or a row of widgets.
        """
        if isinstance(field, QWidget) and (name or not field.accessibleName()):
            field.setAccessibleName(name or name_from_label(label))
        if help and isinstance(field, QWidget):
            field.setAccessibleDescription(help)
            field.setToolTip(help)
        text = QLabel(label)
        target = buddy if buddy is not None else (field if isinstance(field, QWidget) else None)
        if target is not None:
            text.setBuddy(target)
        self.layout.addRow(text, field)
        return field

    def unlabelled(self, field: QWidget) -> QWidget:
        """A row with no label of its own (a check box carries its text)."""
        self.layout.addRow("", field)
        return field
