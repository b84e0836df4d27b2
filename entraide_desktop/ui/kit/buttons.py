"""The end of a dialog, written once: the error line with « Enregistrer » and « Annuler » of an
editing dialog, the « Annuler · Importer » row of an import dialog, and a row of buttons on the left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton

from ...i18n import _
from ..forms import ErrorLabel


def add_error_and_buttons(dialog: QDialog, layout: QBoxLayout, save: Callable[[], None],
                          action: str | None = None) -> ErrorLabel:
    """Add the error line and the buttons (Entrée saves, Échap cancels); returns the error line."""
    return add_error_and_save_button(dialog, layout, save, action)[0]


def add_error_and_save_button(dialog: QDialog, layout: QBoxLayout, save: Callable[[], None],
                              action: str | None = None) -> tuple[ErrorLabel, QPushButton]:
    """The same, also returning the save button, for a dialog that renames or disables it."""
    error = ErrorLabel()
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(action or _("&Enregistrer"))
    save_button.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error, save_button


def add_import_buttons(dialog: QDialog, layout: QBoxLayout, aside: QPushButton,
                       start: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
    """``aside`` on the left, « Annuler » and « Importer » on the right; « Importer » waits for the preview.

    Returns (cancel, import) so that the dialog can rename or enable them as the import goes.
    """
    row = QHBoxLayout()
    row.addWidget(aside)
    row.addStretch(1)
    cancel = QPushButton(_("Annuler"))
    cancel.clicked.connect(dialog.reject)
    start_button = QPushButton(_("&Importer"))
    start_button.setEnabled(False)
    start_button.clicked.connect(lambda _checked=False: start())
    row.addWidget(cancel)
    row.addWidget(start_button)
    layout.addLayout(row)
    return cancel, start_button


def add_button_row(layout: QBoxLayout, *buttons: QPushButton) -> None:
    """Buttons side by side under what they act on, to the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
