"""Showing errors and confirmations the same way everywhere, in French."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from ..data.errors import EntraideError, translate_sqlite_error
from ..i18n import _

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    """The message for a person: the error's own for expected ones, a plain one for bugs."""
    if isinstance(error, EntraideError):
        return error.message
    translated = translate_sqlite_error(error)
    if translated is not None:
        return translated.message
    return _(
        "Une erreur inattendue est survenue : {detail}\nRien n'a été enregistré à moitié ; "
        "vous pouvez réessayer. Si le problème revient, notez ce message."
    ).format(detail=f"{type(error).__name__}: {error}")


def show_error(parent: QWidget | None, error: BaseException, trace: str = "") -> None:
    if not isinstance(error, EntraideError):
        log.error("unexpected error: %s", type(error).__name__, exc_info=(type(error), error, error.__traceback__))
    box = QMessageBox(QMessageBox.Icon.Warning, _("Entraide"), error_text(error), QMessageBox.StandardButton.Ok, parent)
    detail = getattr(error, "detail", "") or trace
    if detail:
        box.setDetailedText(detail)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str, *, destructive: bool = False) -> bool:
    """Ask before doing something; the safe choice (Annuler) is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
