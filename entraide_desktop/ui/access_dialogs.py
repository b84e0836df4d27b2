"""Who can open the register (one passphrase each), and changing one's own passphrase.

Removing a person re-keys the register (``data/revocation.py``): the new recovery key is shown
once, then the backups made before the removal (which still open with the old key) can be deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..data import access, keys, revocation
from ..data.errors import EntraideError
from ..i18n import _, ngettext
from .context import AppContext
from .forms import PassphraseEdit, StrengthHint, explanation, heading
from .kit.buttons import add_error_and_buttons, add_error_and_save_button
from .messages import confirm, inform, show_error
from .setup_dialog import RecoveryKeyPage
from .tasks import run_with_progress


class AccessDialog(QDialog):
    """The people who hold a passphrase: add one (the secretary role rotates), remove one."""

    removal_finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Personnes ayant accès au registre"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Personnes ayant accès au registre")))
        layout.addWidget(
            explanation(
                _(
                    "Chaque personne qui tient le registre (secrétariat, coordination, conseil) a sa propre "
                    "phrase de passe. Ses modifications sont inscrites à son nom dans l'historique. Quand le "
                    "secrétariat change de mains, ajoutez la nouvelle personne puis retirez l'ancienne."
                )
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Personnes ayant accès"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        add = QPushButton(_("&Ajouter une personne…"))
        add.clicked.connect(self._add)
        self.remove_button = QPushButton(_("&Retirer l'accès"))
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 40, self.sizeHint().height())
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        try:
            keyfile = keys.read_keyfile(self.context.paths.key_file)
        except EntraideError as error:
            show_error(self, error)
            return
        for slot_id, label in keyfile.labels():
            text = label + (_(" (vous)") if slot_id == self.context.store.author.id else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, slot_id)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 1)

    def _add(self) -> None:
        dialog = NewAccessDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        store, slot_id = self.context.store, item.data(Qt.ItemDataRole.UserRole)
        text = _(
            "« {name} » ne pourra plus ouvrir le registre, même avec une copie de l'ancien fichier de clés. "
            "Le registre sera chiffré avec une nouvelle clé et une nouvelle clé de récupération vous sera "
            "montrée une seule fois. Ses modifications passées restent dans l'historique."
        ).format(name=item.text())
        try:
            lost = revocation.not_yet_upgraded(store, keep_out=slot_id)
        except EntraideError as error:
            show_error(self, error)
            return
        if lost:
            text += "\n\n" + _(
                "Ces personnes n'ont pas ouvert le registre depuis la mise à jour d'Entraide ; leur accès "
                "devra être recréé : {names}"
            ).format(names=", ".join(lost))
        if not confirm(self, _("Retirer l'accès"), text, _("Retirer l'accès"), destructive=True):
            return

        def finished(done: revocation.Revocation) -> None:
            try:
                revocation.adopt_new_key(store, done)
            except EntraideError as error:
                show_error(self, error)
            self._reload()
            NewRecoveryKeyDialog(done.recovery_key, self).exec()
            self._offer_to_delete_old_backups(done)
            self.removal_finished.emit()

        def failed(error: BaseException) -> None:
            show_error(self, error)
            self._reload()
            self.removal_finished.emit()

        run_with_progress(
            self, _("Chiffrement du registre avec une nouvelle clé…"),
            lambda _progress: revocation.remove_access_in_worker(store, slot_id), finished, failed, cancellable=False,
        )

    def _offer_to_delete_old_backups(self, done: revocation.Revocation) -> None:
        store = self.context.store
        old = revocation.backups_before(store, done.when)
        if not old or not confirm(
            self,
            _("Anciennes sauvegardes"),
            ngettext(
                "{n} sauvegarde faite avant ce retrait s'ouvre encore avec l'ancienne clé, donc avec "
                "l'ancien accès de « {name} ». La supprimer ?",
                "{n} sauvegardes faites avant ce retrait s'ouvrent encore avec l'ancienne clé, donc avec "
                "l'ancien accès de « {name} ». Les supprimer ?",
                len(old),
            ).format(n=len(old), name=done.removed),
            _("Supprimer"),
            destructive=True,
        ):
            return
        try:
            removed = revocation.delete_backups_before(store, done.when)
        except EntraideError as error:
            show_error(self, error)
            return
        inform(self, _("Anciennes sauvegardes"),
               ngettext("{n} sauvegarde supprimée.", "{n} sauvegardes supprimées.", len(removed)).format(n=len(removed)))


class NewRecoveryKeyDialog(QDialog):
    """The new recovery key after a removal, shown once; closing needs the checkbox ticked."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Nouvelle clé de récupération"))
        layout = QVBoxLayout(self)
        self.page = RecoveryKeyPage(recovery_key)
        notice = explanation(_("L'accès est retiré. L'ancienne clé de récupération ne fonctionne plus : voici la nouvelle."))
        self.page.layout().insertWidget(1, notice)  # under the page's heading, in its margins
        self.page.start_button.setText(_("&Fermer"))
        self.page.done.connect(self.accept)
        layout.addWidget(self.page)
        self.page.copy_button.setFocus()

    def reject(self) -> None:  # Échap does not lose the key unseen
        if self.page.confirm.isChecked():
            super().reject()


class NewAccessDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Ajouter une personne"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            explanation(_("La personne choisit elle-même sa phrase de passe ; laissez-la la taper."))
        )
        form = QFormLayout()
        self.label = QLineEdit()
        self.label.setAccessibleName(_("Nom"))
        self.label.setPlaceholderText(_("Par exemple : Luc (coordination)"))
        self.passphrase = PassphraseEdit(_("Phrase de passe"))
        self.confirmation = PassphraseEdit(_("Confirmation"))
        form.addRow(_("&Nom :"), self.label)
        form.addRow(_("&Phrase de passe :"), self.passphrase)
        form.addRow(_("&Confirmation :"), self.confirmation)
        form.insertRow(2, "", StrengthHint(self.passphrase))
        layout.addLayout(form)
        self.error = add_error_and_buttons(self, layout, self._save, _("&Ajouter"))

    def _save(self) -> None:
        try:
            keys.check_passphrase_strength(self.passphrase.text(), self.confirmation.text())
            access.add_person(self.context.store, self.label.text(), self.passphrase.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()


class ChangePassphraseDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Changer ma phrase de passe"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Changer ma phrase de passe")))
        form = QFormLayout()
        self.old = PassphraseEdit(_("Phrase de passe actuelle"))
        self.new = PassphraseEdit(_("Nouvelle phrase de passe"))
        self.confirmation = PassphraseEdit(_("Confirmation"))
        form.addRow(_("Phrase de passe &actuelle :"), self.old)
        form.addRow(_("&Nouvelle phrase de passe :"), self.new)
        form.addRow(_("&Confirmation :"), self.confirmation)
        form.insertRow(2, "", StrengthHint(self.new))
        layout.addLayout(form)
        self.error, ok = add_error_and_save_button(self, layout, self._save)
        if context.store.author.id == "recovery":
            self.error.show_message(_("Session ouverte avec la clé de récupération : utilisez « Personnes ayant accès »."))
            ok.setEnabled(False)

    def _save(self) -> None:
        try:
            keys.check_passphrase_strength(self.new.text(), self.confirmation.text())
            access.change_passphrase(self.context.store, self.context.store.author.id, self.old.text(), self.new.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.context.status_message.emit(_("Phrase de passe changée."))
        self.accept()
