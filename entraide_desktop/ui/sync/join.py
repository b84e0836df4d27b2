"""« Rejoindre un groupe existant »: set up this computer from a join file and its one-time code.

Three steps: the file and the code (checked before anything is created), then this
computer's name and the person's own passphrase, then the new recovery key. Reached from
the first-run dialog through :func:`run_join_wizard`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...config import Paths
from ...data import connection, keys
from ...data.errors import EntraideError, ValidationError
from ...data.store import Store
from ...data.sync import join
from ...i18n import _, format_datetime
from ..context import app_icon
from ..forms import ErrorLabel, PassphraseEdit, StrengthHint, explanation, heading
from ..kit.paths import add_path_row
from ..messages import error_text
from ..setup_dialog import RecoveryKeyPage, SetupDialog
from ..tasks import run_task


class JoinWizard(QDialog):
    """After ``exec()`` succeeds, ``store`` is this computer's new database, open."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self.invitation: join.OpenedInvitation | None = None
        self.setWindowTitle(_("Rejoindre un groupe existant"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._person_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- step 1: the file and the code -------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Installer ce poste dans un groupe existant")))
        layout.addWidget(
            explanation(
                _("Sur le poste qui contient déjà le registre du groupe, ouvrez Synchronisation et cliquez sur "
                  "« Préparer un nouveau poste ». Il écrit un fichier de jumelage sur une clé USB et affiche un code. "
                  "Branchez la clé ici, choisissez le fichier et tapez le code.")
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.file = add_path_row(form, _("&Fichier de jumelage :"), _("Fichier de jumelage"),
                                 _("jumelage-….entraide-jumelage"), self._browse)
        self.code = QLineEdit()
        self.code.setPlaceholderText(_("Par exemple : 7KQ2-M9XD-4TBW"))
        self.code.setAccessibleName(_("Code de jumelage"))
        self.code.setMaxLength(20)
        form.addRow(_("&Code de jumelage :"), self.code)
        layout.addLayout(form)
        self.file_error = ErrorLabel()
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.next_button = buttons.addButton(_("&Suivant"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._check_file)
        cancel = buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choisir le fichier de jumelage"), "",
            _("Fichiers de jumelage Entraide (*{suffix});;Tous les fichiers (*)").format(suffix=join.SUFFIX),
        )
        if path:
            self.file.setText(path)
            self.code.setFocus()

    def _check_file(self) -> None:
        self.file_error.clear_message()
        path, code = self.file.text().strip(), self.code.text()
        try:
            if not path:
                raise ValidationError(_("Choisissez le fichier de jumelage (sur la clé USB)."), "file")
            join.normalise_code(code)
        except ValidationError as error:
            self.file_error.show_message(error.message)
            (self.file if error.field == "file" else self.code).setFocus()
            return
        self.next_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        run_task(lambda _p: join.open_invitation(Path(path), code), self._file_ok, self._file_failed)

    def _file_failed(self, error: BaseException) -> None:
        self.unsetCursor()
        self.next_button.setEnabled(True)
        self.file_error.show_message(error_text(error))
        self.code.setFocus()

    def _file_ok(self, invitation: join.OpenedInvitation) -> None:
        self.unsetCursor()
        self.next_button.setEnabled(True)
        self.invitation = invitation
        self.group_line.setText(
            _("Groupe « {group} », fichier préparé sur « {machine} » le {when}.").format(
                group=invitation.group_name or _("sans nom"), machine=invitation.machine,
                when=format_datetime(invitation.created))
        )
        self.stack.setCurrentIndex(1)
        self.person.setFocus()

    # -- step 2: this computer and its person --------------------------------------------------
    def _person_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Ce poste et vous")))
        self.group_line = explanation("")
        layout.addWidget(self.group_line)
        layout.addWidget(
            explanation(
                _("Ce poste aura sa propre base chiffrée, votre propre phrase de passe et sa propre clé de "
                  "récupération. Les données du groupe y seront copiées depuis le fichier de jumelage.")
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person = QLineEdit()
        self.person.setPlaceholderText(_("Par exemple : Luc (coordination)"))
        self.machine = QLineEdit()
        self.machine.setPlaceholderText(_("Par exemple : Portable du secrétariat"))
        self.passphrase = PassphraseEdit(_("Phrase de passe"))
        self.confirmation = PassphraseEdit(_("Confirmation de la phrase de passe"))
        for label, widget in (
            (_("&Votre nom :"), self.person),
            (_("&Nom de ce poste :"), self.machine),
            (_("&Phrase de passe :"), self.passphrase),
            (_("C&onfirmation :"), self.confirmation),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(" :"))
        form.insertRow(3, "", StrengthHint(self.passphrase))
        layout.addLayout(form)
        layout.addWidget(
            explanation(_("La phrase de passe doit compter au moins {n} caractères.").format(n=keys.MIN_PASSPHRASE_LENGTH))
        )
        self.person_error = ErrorLabel()
        layout.addWidget(self.person_error)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Avancement de l'installation"))
        for widget in (self.progress_label, self.progress):
            widget.hide()
            layout.addWidget(widget)
        buttons = QDialogButtonBox()
        self.install_button = buttons.addButton(_("&Installer ce poste"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setDefault(True)
        self.install_button.clicked.connect(self._install)
        back = buttons.addButton(_("&Retour"), QDialogButtonBox.ButtonRole.ResetRole)
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        cancel = buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _install(self) -> None:
        self.person_error.clear_message()
        fields = {"person": self.person, "machine_name": self.machine, "confirmation": self.confirmation}
        try:
            if not self.person.text().strip():
                raise ValidationError(_("Indiquez votre nom : il sert à savoir qui a modifié quoi."), "person")
            if not self.machine.text().strip():
                raise ValidationError(_("Donnez un nom à ce poste, par exemple « Portable du secrétariat »."),
                                      "machine_name")
            keys.check_passphrase_strength(self.passphrase.text(), self.confirmation.text())
        except ValidationError as error:
            self.person_error.show_message(error.message)
            fields.get(error.field, self.passphrase).setFocus()
            return
        assert self.invitation is not None
        self.install_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        paths, invitation = self.paths, self.invitation
        person, machine, passphrase = self.person.text(), self.machine.text(), self.passphrase.text()

        def work(progress) -> join.Joined:  # noqa: ANN001
            joined = join.join_group(paths, invitation, person=person, passphrase=passphrase, machine_name=machine,
                                     progress=progress)
            joined.store.close()  # reopened on the UI thread, where it is used
            return joined

        self.progress_label.setText(_("Installation de ce poste…"))
        self.progress.setRange(0, 0)
        self.progress_label.show()
        self.progress.show()
        run_task(work, self._installed, self._install_failed, self._progressed)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        if text:
            self.progress_label.setText(text)

    def _install_failed(self, error: BaseException) -> None:
        self.unsetCursor()
        self.progress_label.hide()
        self.progress.hide()
        self.install_button.setEnabled(True)
        self.person_error.show_message(error_text(error))

    def _installed(self, joined: join.Joined) -> None:
        self.unsetCursor()
        try:
            self.store = connection.unlock(self.paths, self.passphrase.text())
        except EntraideError as error:
            self._install_failed(error)
            return
        page = RecoveryKeyPage(joined.recovery_key)
        total = joined.summary.total
        text = _("Ce poste fait maintenant partie du groupe : {n} fiches ont été copiées.").format(n=total)
        join_file = Path(self.file.text().strip())
        if join.discard_join_file(join_file):  # one use: it must not stay on the USB key
            text += " " + _("Le fichier de jumelage a servi : il a été supprimé de la clé.")
        else:
            text += " " + _("Supprimez vous-même le fichier de jumelage « {path} » : il a servi et ne doit pas "
                            "traîner sur la clé USB.").format(path=join_file)
        page.layout().insertWidget(1, explanation(text))
        page.done.connect(self.accept)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.copy_button.setFocus()


def run_join_wizard(paths: Paths) -> Store | None:
    """The join wizard; cancelling goes back to the first-run choice. The open database, or None to quit."""

    while True:
        wizard = JoinWizard(paths)
        if wizard.exec() == QDialog.DialogCode.Accepted:
            return wizard.store
        setup = SetupDialog(paths)
        if setup.exec() == QDialog.DialogCode.Accepted:
            return setup.store
        if not setup.join_requested:
            return None
