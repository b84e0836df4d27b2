"""Erase a person for good (Quebec's Law 25): guarded by typing the person's name."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...data import members
from ...data.errors import EntraideError
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading


class EraseDialog(QDialog):
    def __init__(self, context: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.name = members.get_person(context.store, person_id).name
        self.setWindowTitle(_("Effacer définitivement"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Effacer définitivement « {name} »").format(name=self.name)))
        layout.addWidget(explanation(_(
            "La fiche, les coordonnées, les consentements, les cotisations et l'historique de cette personne "
            "seront effacés de ce poste, puis des autres postes à la prochaine synchronisation. "
            "<b>Cette action ne peut pas être annulée.</b>"
        )))
        layout.addWidget(explanation(_(
            "Dans les procès-verbaux et les présences, elle apparaîtra comme « Personne retirée du registre » "
            "et restera comptée dans les totaux. Pour seulement la retirer de la liste, utilisez plutôt "
            "« Archiver » : une fiche archivée peut être restaurée."
        )))
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName(_("Nom à taper pour confirmer"))
        prompt = QLabel(_("Pour confirmer, tapez le nom « {name} » :").format(name=self.name))
        prompt.setWordWrap(True)
        prompt.setBuddy(self.confirmation)
        layout.addWidget(prompt)
        layout.addWidget(self.confirmation)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.erase_button = buttons.addButton(_("&Effacer définitivement"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        cancel = buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirmation.textChanged.connect(
            lambda text: self.erase_button.setEnabled(members.names_match(text, self.name))
        )
        self.confirmation.setFocus()

    def erase(self) -> None:
        try:
            members.erase_person(self.context.store, self.person_id, self.confirmation.text())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.context.status_message.emit(_("« {name} » a été effacé·e du registre.").format(name=self.name))
        self.accept()
