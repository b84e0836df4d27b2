"""Unexpected errors shown calmly, and « Aide › Rapport de diagnostic… ».

:func:`install_exception_hooks` replaces ``sys.excepthook`` and ``threading.excepthook`` for the
GUI: an error raised in a slot or a worker thread is written to the log (its type and frames,
never its message: see ``logs.py``) and shown in plain French, with « Copier le rapport ». The
app keeps running: every change is one transaction, so what was not saved was rolled back.
Errors from other threads reach the dialog through a queued signal (widgets live on the GUI
thread).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, logs
from ..data.errors import EntraideError, user_facing_errors
from ..i18n import _
from .messages import show_error

log = logging.getLogger("entraide_desktop.unexpected")


def crash_report(kind: type[BaseException] | None, tb: TracebackType | None) -> str:
    """What « Copier le rapport » copies: the version and where the error happened (no message)."""
    return f"Entraide {__version__}\n" + logs.frames(kind, tb)


class ErrorDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Une erreur inattendue"))
        self.report = report
        layout = QVBoxLayout(self)
        text = QLabel(_(
            "Entraide a rencontré une erreur qu'il n'attendait pas. Ce que vous étiez en train d'enregistrer a "
            "été annulé en entier : rien n'est à moitié enregistré. Vous pouvez continuer à travailler ; si "
            "l'erreur revient, copiez le rapport et envoyez-le à la personne qui vous aide avec Entraide (il ne "
            "contient aucun renseignement sur les personnes)."))
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(_("&Copier le rapport"))
        self.copy_button.setAccessibleDescription(_("Copie le rapport d'erreur dans le presse-papiers"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_("&Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


class _Relay(QObject):
    """Carries an error from any thread to the GUI thread."""

    raised = Signal(str)


_relay: _Relay | None = None
_showing = False


def _show(report: str) -> None:
    global _showing
    if _showing:  # one dialog at a time: a burst of errors is one report
        return
    _showing = True
    try:
        show_error_dialog(report)
    finally:
        _showing = False


def show_error_dialog(report: str) -> None:
    ErrorDialog(report).exec()


def on_unexpected_error(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """The hook: log (type and frames only), then show the dialog on the GUI thread."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.error("unexpected error", exc_info=(kind, error, tb))
    report = crash_report(kind, tb)
    if _relay is not None:
        _relay.raised.emit(report)


def install_exception_hooks() -> None:
    global _relay
    logs.start_logging()
    _relay = _Relay()
    _relay.raised.connect(_show, Qt.ConnectionType.QueuedConnection)
    sys.excepthook = on_unexpected_error
    threading.excepthook = lambda args: on_unexpected_error(args.exc_type, args.exc_value or args.exc_type(),
                                                            args.exc_traceback)


def diagnostic_text(paths, store) -> str:  # noqa: ANN001
    """The data layer's report, with the versions only the screen knows (Qt, PySide6)."""

    # deferred: the storage library, only when a report is asked for
    from ..data.diagnostic import report

    return report(paths, store, {"Qt": qVersion(), "PySide6": PySide6.__version__})


class DiagnosticDialog(QDialog):
    """« Rapport de diagnostic »: versions, platform, counts per table and the end of the log."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rapport de diagnostic"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Ce rapport aide à comprendre un problème. Il contient les versions, le nombre de lignes "
                         "de chaque table et la fin du journal, mais aucun nom ni aucune coordonnée."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("Rapport de diagnostic"))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox()
        copy = QPushButton(_("&Copier"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        save = QPushButton(_("&Enregistrer…"))
        save.clicked.connect(self._save)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_("&Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Enregistrer le rapport"), "rapport-entraide.txt",
                                                    _("Texte (*.txt)"))
        if not name:
            return
        try:
            with user_facing_errors(name):
                Path(name).write_text(self.text.toPlainText(), encoding="utf-8")
        except EntraideError as error:
            show_error(self, error)
