"""The end of an editing dialog: the error line, then « Enregistrer » (or another action) and « Annuler »."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox

from ...i18n import _
from ..forms import ErrorLabel


def add_error_and_buttons(dialog: QDialog, layout: QBoxLayout, save: Callable[[], None],
                          action: str | None = None) -> ErrorLabel:
    """Add the error line and the buttons (Entrée saves, Échap cancels); returns the error line."""
    error = ErrorLabel()
    layout.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(action or _("&Enregistrer"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error
