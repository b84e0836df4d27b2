"""« Préparer un nouveau poste »: write a join file on a USB key and show the one-time code."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...data.sync import join
from ...i18n import N_, _, format_datetime
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..kit.paths import add_path_row
from ..messages import error_text
from ..tasks import run_with_progress
from ..style import style_role
from ..usb_folder import choose_usb_folder

VALIDITY = ((24, N_("24 heures")), (48, N_("48 heures")), (24 * 7, N_("7 jours")))


class PrepareJoinDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.invitation: join.Invitation | None = None
        self.setWindowTitle(_("Préparer un nouveau poste"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choose_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Préparer un nouveau poste")))
        layout.addWidget(
            explanation(
                _("Entraide écrit un fichier de jumelage sur la clé USB : il contient les données du groupe, "
                  "chiffrées. Un code s'affichera ensuite : il ouvre ce fichier et n'est écrit nulle part. "
                  "Gardez-le pour vous jusqu'à ce que le nouveau poste soit installé.")
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        example = "E:\\" if sys.platform == "win32" else "/media/cle"
        self.folder = add_path_row(form, _("&Dossier :"), _("Dossier où écrire le fichier de jumelage"),
                                   _("La clé USB, par exemple {example}").format(example=example), self._browse)
        self.validity = QComboBox()
        for hours, label in VALIDITY:
            self.validity.addItem(_(label), hours)
        self.validity.setCurrentIndex(1)
        self.validity.setAccessibleName(_("Durée de validité du code"))
        form.addRow(_("Code &valable :"), self.validity)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.write_button = buttons.addButton(_("&Écrire le fichier de jumelage"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self._write)
        cancel = buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _browse(self) -> None:
        folder = choose_usb_folder(self, _("Choisir la clé USB où écrire le fichier de jumelage"))
        if folder:
            self.folder.setText(folder)

    def _write(self) -> None:
        self.error.clear_message()
        text = self.folder.text().strip()
        if not text:
            self.error.show_message(_("Choisissez d'abord la clé USB (ou le dossier) où écrire le fichier."))
            self.folder.setFocus()
            return
        folder, hours, store = Path(text), int(self.validity.currentData()), self.context.store

        def work(progress) -> join.Invitation:  # noqa: ANN001
            clone = store.clone()
            try:
                return join.prepare(clone, folder, hours=hours, progress=progress)
            finally:
                clone.close()

        run_with_progress(self, _("Préparation du fichier de jumelage"), work, self._written,
                          lambda error: self.error.show_message(error_text(error)), cancellable=False)

    def _written(self, invitation: join.Invitation) -> None:
        self.invitation = invitation
        page = CodePage(invitation)
        page.done.clicked.connect(self.accept)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.done.setFocus()


class CodePage(QWidget):
    def __init__(self, invitation: join.Invitation) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Le fichier de jumelage est prêt")))
        layout.addWidget(
            explanation(_("Fichier écrit et vérifié : « {path} ». Vous pouvez retirer la clé (éjectez-la d'abord).").format(
                path=invitation.path))
        )
        layout.addWidget(QLabel(_("Code de jumelage à taper sur le nouveau poste :")))
        code = QLabel(invitation.code)
        style_role(code, "recoveryKey")
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # Consolas on Windows
        font.setPointSizeF(code.font().pointSizeF() * 2)
        code.setFont(font)
        code.setAccessibleName(_("Code de jumelage : {code}").format(code=" ".join(invitation.code)))
        layout.addWidget(code)
        layout.addWidget(
            explanation(
                _("Ce code est valable jusqu'au {when}. Il ne sera plus affiché : notez-le sur papier, ne l'écrivez "
                  "pas sur la clé. Sur le nouveau poste, lancez Entraide, choisissez « Rejoindre un groupe "
                  "existant… », puis donnez le fichier et ce code.").format(when=format_datetime(invitation.expires))
            )
        )
        row = QHBoxLayout()
        copy = QPushButton(_("C&opier le code"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(invitation.code))
        row.addWidget(copy)
        row.addStretch(1)
        self.done = QPushButton(_("&Terminé"))
        self.done.setDefault(True)
        row.addWidget(self.done)
        layout.addLayout(row)
