"""Unlock: who is opening, their passphrase; or the recovery key when it is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..config import Paths, load_settings, update_settings
from ..data import keys
from ..data.errors import EntraideError, KeyFileError, ValidationError
from ..i18n import _
from .context import app_icon
from .forms import ErrorLabel, PassphraseEdit, StrengthHint, explanation, heading
from .messages import error_text
from .style import style_role
from .tasks import run_task
from .warm_up import warm_up

if TYPE_CHECKING:
    from ..data.store import Author, Store


class UnlockDialog(QDialog):
    """After ``exec()`` succeeds, ``store`` is the open database.

    ``consultation_requested`` is set when the person chose the members' calendar instead.
    """

    def __init__(self, paths: Paths, parent: QWidget | None = None, *, demo_passphrase: str = "",
                 allow_consultation: bool = False) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self.consultation_requested = False
        self.setWindowTitle(_("Ouvrir le registre"))
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 38)
        layout.addWidget(heading(_("Ouvrir le registre du groupe")))
        layout.addWidget(explanation(_("Le registre est chiffré : entrez votre phrase de passe pour l'ouvrir.")))
        form = QFormLayout()
        self.who = QComboBox()
        self.who.setAccessibleName(_("Personne qui ouvre"))
        self.passphrase = PassphraseEdit(_("Phrase de passe"))
        form.addRow(_("&Qui êtes-vous ?"), self.who)
        form.addRow(_("&Phrase de passe :"), self.passphrase)
        layout.addLayout(form)
        self._form = form
        if demo_passphrase:
            hint = explanation(
                _("Base de démonstration : la phrase de passe est « {p} ».").format(p=demo_passphrase)
            )
            style_role(hint, "demoHint")
            layout.addWidget(hint)
            self.passphrase.setText(demo_passphrase)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(_("&Ouvrir"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._unlock)
        self.recovery_button = buttons.addButton(_("Phrase de passe &oubliée…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.recovery_button.clicked.connect(self._recover)
        if allow_consultation:
            consult = buttons.addButton(_("Consulter le &calendrier"), QDialogButtonBox.ButtonRole.ActionRole)
            consult.setToolTip(_("Le calendrier des activités, sans phrase de passe et sans données personnelles"))
            consult.clicked.connect(self._consult)
        quit_button = buttons.addButton(_("Quitter"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._load_people()
        self.passphrase.setFocus()

    def _load_people(self) -> None:
        try:
            keyfile = keys.read_keyfile(self.paths.key_file)
        except KeyFileError as error:
            self.who.setEnabled(False)
            self.passphrase.setEnabled(False)
            self.open_button.setEnabled(False)
            self.error.show_message(error.message)
            self.recovery_button.setDefault(True)
            return
        last = load_settings(self.paths).last_slot
        for slot_id, label in keyfile.labels():
            self.who.addItem(label, slot_id)
            if slot_id == last:
                self.who.setCurrentIndex(self.who.count() - 1)
        self._form.setRowVisible(self.who, self.who.count() > 1)

    def _unlock(self) -> None:
        self.error.clear_message()
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error.show_message(_("Entrez votre phrase de passe."))
            return
        slot_id = self.who.currentData()
        self.open_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        paths = self.paths
        # deferred: loaded here, not in the worker (the warm-up has usually done it)
        from ..data import connection

        def work(_progress: object) -> tuple[bytes, object]:
            return connection.derive_data_key(paths, passphrase, slot_id)  # the slow part, off the UI thread

        run_task(work, self._opened, self._failed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, warm_up)  # while the passphrase is typed

    def _opened(self, derived: tuple[bytes, Author]) -> None:
        # deferred: the storage library loads after the unlock screen shows
        from ..data import connection

        self.unsetCursor()
        data_key, author = derived
        try:
            self.store = connection.open_with_key(self.paths, data_key, author)
        except EntraideError as error:
            self._failed(error)
            return
        update_settings(self.paths, last_slot=self.store.author.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.unsetCursor()
        self.open_button.setEnabled(True)
        self.error.show_message(error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _recover(self) -> None:
        dialog = RecoveryDialog(self.paths, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.store is not None:
            self.store = dialog.store
            self.accept()

    def _consult(self) -> None:
        self.consultation_requested = True
        self.reject()


class RecoveryDialog(QDialog):
    """Open with the recovery key, then choose a new passphrase right away."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self.setWindowTitle(_("Clé de récupération"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Ouvrir avec la clé de récupération")))
        layout.addWidget(
            explanation(
                _(
                    "Entrez la clé de récupération imprimée lors de la création du groupe (les tirets et "
                    "les espaces sont facultatifs), puis choisissez une nouvelle phrase de passe."
                )
            )
        )
        form = QFormLayout()
        self.key = QLineEdit()
        self.key.setAccessibleName(_("Clé de récupération"))
        self.key.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.label = QLineEdit()
        self.label.setAccessibleName(_("Votre nom"))
        self.new = PassphraseEdit(_("Nouvelle phrase de passe"))
        self.confirmation = PassphraseEdit(_("Confirmation"))
        form.addRow(_("&Clé de récupération :"), self.key)
        form.addRow(_("&Votre nom :"), self.label)
        form.addRow(_("&Nouvelle phrase de passe :"), self.new)
        form.addRow(_("Con&firmation :"), self.confirmation)
        form.insertRow(3, "", StrengthHint(self.new))
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(_("&Ouvrir et enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        ok.clicked.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self) -> None:
        # deferred: the storage library loads after the unlock screen shows
        from ..data import access, connection

        self.error.clear_message()
        try:
            if not self.label.text().strip():
                raise ValidationError(_("Indiquez votre nom : il sert à savoir qui a modifié quoi."))
            keys.check_passphrase_strength(self.new.text(), self.confirmation.text())
            store = connection.unlock_with_recovery_key(self.paths, self.key.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        try:
            keyfile = keys.read_keyfile(self.paths.key_file)
            existing = next((s.id for s in keyfile.slots if s.label.casefold() == self.label.text().strip().casefold()), None)
        except EntraideError:
            existing = None
        slot_id = access.reset_passphrase(store, existing, self.label.text(), self.new.text())
        store.close()
        self.store = connection.unlock(self.paths, self.new.text(), slot_id)
        self.accept()
