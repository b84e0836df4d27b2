"""Paths in forms: a path field with « Parcourir… », and choosing a file to import where the last one was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...i18n import _
from ..context import AppContext


def ask_file_to_import(context: AppContext, parent: QWidget, title: str, filters: str) -> str:
    """The file chosen (empty when cancelled); its folder is remembered for the next import."""
    start = context.settings.last_import_dir or str(Path.home())
    path, _selected = QFileDialog.getOpenFileName(parent, title, start, filters)
    if path:
        context.save_setting(last_import_dir=str(Path(path).parent))
    return path


def add_path_row(form: QFormLayout, label: str, accessible_name: str, placeholder: str,
                 browse: Callable[[], None]) -> QLineEdit:
    """« Label : [path] [Parcourir…] » in a form; returns the path field (the label's mnemonic focuses it)."""
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(accessible_name)
    button = QPushButton(_("&Parcourir…"))
    button.setAccessibleName(_("Parcourir : {what}").format(what=accessible_name))
    button.clicked.connect(lambda _checked=False: browse())
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    buddy = QLabel(label)
    buddy.setBuddy(field)
    form.addRow(buddy, row)
    return field
