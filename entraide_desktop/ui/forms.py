"""Small building blocks shared by dialogs: error line, passphrase field, form rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ..data.passphrase_strength import estimate
from ..i18n import _
from .context import icon
from .style import style_role


class ErrorLabel(QLabel):
    """A line that shows what is wrong, in words (and an icon), never by colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_role(self, "errorLabel")
        self.setWordWrap(True)
        self.setAccessibleName(_("Message d'erreur"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class PassphraseEdit(QLineEdit):
    """A hidden-text field with a button to show what was typed."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self._toggle = QAction(icon("lock"), _("Afficher la phrase de passe"), self)
        self._toggle.setCheckable(True)
        self._toggle.toggled.connect(self._on_toggle)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _on_toggle(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._toggle.setText(_("Masquer la phrase de passe") if shown else _("Afficher la phrase de passe"))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    style_role(label, "dialogTitle")
    label.setWordWrap(True)
    return label


def explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    style_role(label, "explanation")
    return label


class StrengthHint(QLabel):
    """Under a new passphrase: says as it is typed whether it is too easy to guess, and why."""

    def __init__(self, edit: QLineEdit, context: Callable[[], tuple[str, ...]] = tuple,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit, self._context = edit, context
        self.setWordWrap(True)
        self.setAccessibleName(_("Solidité de la phrase de passe"))
        style_role(self, "explanation")
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 2)  # the longest advice, without jumps
        edit.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = self._edit.text()
        if not text:
            self.setText(_("Quelques mots qui vont ensemble, faciles à retenir pour vous et difficiles à deviner."))
            self.setAccessibleDescription(self.text())
            return
        advice = estimate(text, self._context())
        self.setText(("✓ " if advice.ok else "⚠ ") + advice.text)
        self.setAccessibleDescription(advice.text)
        window = self.window()
        if window is not self and window.isVisible() and window.sizeHint().height() > window.height():
            window.adjustSize()  # a longer advice than the room left: grow, never cut it
