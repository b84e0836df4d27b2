"""First run: create the group and the first passphrase, then show the recovery key once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..config import Paths
from ..data import connection, keys
from ..data.errors import EntraideError, ValidationError
from ..data.store import Store
from ..i18n import _
from .context import app_icon
from .forms import ErrorLabel, PassphraseEdit, StrengthHint, explanation, heading
from .messages import error_text
from .style import style_role
from .tasks import run_task


class SetupDialog(QDialog):
    """After ``exec()`` succeeds, ``store`` is the new, open group database."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self.join_requested = False
        self.setWindowTitle(_("Bienvenue"))
        self.setWindowIcon(app_icon())
        self.stack = QStackedWidget()
        self.stack.addWidget(self._form_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    def _form_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Créer le registre de votre groupe")))
        layout.addWidget(
            explanation(
                _(
                    "Entraide garde le registre des membres, le calendrier, les responsabilités et les "
                    "procès-verbaux sur cet ordinateur, chiffrés. Une phrase de passe protège l'accès ; "
                    "d'autres personnes (coordination, conseil) pourront avoir la leur plus tard."
                )
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.group_name = QLineEdit()
        self.group_name.setPlaceholderText(_("Par exemple : Le Phare, groupe d'entraide"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(_("Par exemple : Capitale-Nationale"))
        self.person = QLineEdit()
        self.person.setPlaceholderText(_("Par exemple : Marie (secrétariat)"))
        self.passphrase = PassphraseEdit(_("Phrase de passe"))
        self.confirmation = PassphraseEdit(_("Confirmation de la phrase de passe"))
        for label, widget in (
            (_("&Nom du groupe :"), self.group_name),
            (_("&Région :"), self.region),
            (_("&Votre nom :"), self.person),
            (_("&Phrase de passe :"), self.passphrase),
            (_("&Confirmation :"), self.confirmation),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(" :"))
        form.insertRow(4, "", StrengthHint(self.passphrase, lambda: (self.group_name.text(),)))
        layout.addLayout(form)
        layout.addWidget(
            explanation(
                _(
                    "Votre nom apparaîtra dans l'historique des modifications. La phrase de passe doit "
                    "compter au moins {n} caractères : une courte phrase facile à retenir est idéale."
                ).format(n=keys.MIN_PASSPHRASE_LENGTH)
            )
        )
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(_("&Créer le groupe"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.join_button = buttons.addButton(_("Re&joindre un groupe existant…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.join_button.setToolTip(_("Installer ce poste à partir d'un fichier d'échange d'un autre poste du groupe"))
        self.join_button.clicked.connect(self._join)
        cancel = buttons.addButton(_("Quitter"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        self.create_button.clicked.connect(self._create)
        layout.addWidget(buttons)
        return page

    def _join(self) -> None:
        self.join_requested = True
        self.reject()

    def _create(self) -> None:
        self.error.clear_message()
        try:
            if not self.group_name.text().strip():
                raise ValidationError(_("Indiquez le nom du groupe."), "group_name")
            if not self.person.text().strip():
                raise ValidationError(_("Indiquez votre nom : il sert à savoir qui a modifié quoi."), "person")
            keys.check_passphrase_strength(self.passphrase.text(), self.confirmation.text())
        except ValidationError as error:
            self.error.show_message(error.message)
            target = {"group_name": self.group_name, "person": self.person, "confirmation": self.confirmation}.get(
                error.field, self.passphrase
            )
            target.setFocus()
            return
        self.create_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        paths, name, region, person, passphrase = (
            self.paths,
            self.group_name.text(),
            self.region.text(),
            self.person.text(),
            self.passphrase.text(),
        )

        def work(_progress: object) -> connection.Created:
            created = connection.create_database(
                paths, group_name=name, region=region, person=person, passphrase=passphrase
            )
            created.store.close()  # reopened on the UI thread, where it will be used
            return created

        run_task(work, self._created, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.unsetCursor()
        self.create_button.setEnabled(True)
        self.error.show_message(error_text(error))

    def _created(self, created: connection.Created) -> None:
        self.unsetCursor()
        try:
            self.store = connection.unlock(self.paths, self.passphrase.text())
        except EntraideError as error:
            self._failed(error)
            return
        recovery = RecoveryKeyPage(created.recovery_key)
        recovery.done.connect(self.accept)
        self.stack.addWidget(recovery)
        self.stack.setCurrentWidget(recovery)
        recovery.copy_button.setFocus()


class RecoveryKeyPage(QWidget):
    """Shows the recovery key once, with printing and copying; continuing needs a checkbox."""

    done = Signal()

    def __init__(self, recovery_key: str) -> None:
        super().__init__()
        self.recovery_key = recovery_key
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Votre clé de récupération")))
        layout.addWidget(
            explanation(
                _(
                    "Si la phrase de passe est oubliée ou si le fichier de clés est perdu, cette clé est "
                    "le seul moyen d'ouvrir le registre et ses sauvegardes. Elle ne sera plus jamais "
                    "affichée : imprimez-la ou recopiez-la, et rangez-la en lieu sûr, loin de l'ordinateur."
                )
            )
        )
        key_label = QLabel(recovery_key)
        style_role(key_label, "recoveryKey")
        key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        key_label.setWordWrap(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # Consolas on Windows
        font.setPointSizeF(key_label.font().pointSizeF() * 1.3)
        key_label.setFont(font)
        key_label.setAccessibleName(_("Clé de récupération"))
        layout.addWidget(key_label)
        row = QHBoxLayout()
        self.print_button = QPushButton(_("&Imprimer…"))
        self.print_button.clicked.connect(self._print)
        self.copy_button = QPushButton(_("C&opier"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        row.addWidget(self.print_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.confirm = QCheckBox(_("J'ai imprimé ou recopié cette clé et je la garde en lieu sûr."))
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(_("&Commencer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setEnabled(False)
        self.confirm.toggled.connect(self.start_button.setEnabled)
        self.start_button.clicked.connect(self.done.emit)
        layout.addWidget(buttons)

    def _print(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(
            "<h2>{title}</h2><p>{text}</p><p style='font-family:\"{fixed}\";font-size:16pt'>{key}</p>".format(
                fixed=QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family(),
                title=_("Entraide — clé de récupération"),
                text=_("Gardez cette feuille en lieu sûr. Elle permet d'ouvrir le registre du groupe et ses sauvegardes."),
                key=self.recovery_key,
            )
        )
        document.print_(printer)
