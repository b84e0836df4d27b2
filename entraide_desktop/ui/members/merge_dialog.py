"""Merge two records of the same person: pick the duplicate, choose which record to keep."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...data import members
from ...data.errors import EntraideError
from ...data.members.register import Criteria, RegisterRow, filter_rows
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..messages import confirm


def _summary(row: RegisterRow) -> str:
    parts = [row.name]
    if row.full_name and row.full_name != row.name:
        parts.append(f"({row.full_name})")
    details = [d for d in (row.roles_text, row.phones_text, row.email) if d]
    return " ".join(parts) + (" — " + ", ".join(details) if details else "")


class MergeDialog(QDialog):
    """``rows`` is the register (to choose the other record); ``person_id`` the record selected."""

    def __init__(self, context: AppContext, person_id: str, rows: list[RegisterRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows = [r for r in rows if r.id != person_id]
        self.first = next(r for r in rows if r.id == person_id)
        self.keep_first = True
        self.setWindowTitle(_("Fusionner deux fiches"))
        self.setMinimumSize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Fusionner deux fiches de la même personne")))
        layout.addWidget(explanation(_(
            "La fiche gardée reçoit ce qui manque : ses champs vides sont remplis par l'autre fiche, les rôles "
            "sont réunis, les cotisations et les consentements sont repris, et les présences, responsabilités "
            "et procès-verbaux de l'autre fiche pointent désormais vers elle."
        )))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Chercher l'autre fiche par nom, courriel ou téléphone…"))
        self.search.setAccessibleName(_("Chercher l'autre fiche"))
        label = QLabel(_("&Autre fiche de « {name} » :").format(name=self.first.name))
        label.setBuddy(self.search)
        layout.addWidget(label)
        layout.addWidget(self.search)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(_("Fiches possibles"))
        layout.addWidget(self.candidates, 1)
        self.search.textChanged.connect(self._fill)
        self.candidates.currentItemChanged.connect(lambda *_a: self._update())

        keep_row = QHBoxLayout()
        self.keep_label = QLabel()
        self.keep_label.setWordWrap(True)
        keep_row.addWidget(self.keep_label, 1)
        self.swap = QPushButton(_("&Garder plutôt l'autre fiche"))
        self.swap.clicked.connect(self._swap)
        keep_row.addWidget(self.swap)
        layout.addLayout(keep_row)
        self.archive_choice = QRadioButton(_("Ensuite, a&rchiver la fiche en double (elle pourra être restaurée)"))
        self.erase_choice = QRadioButton(_("Ensuite, e&ffacer définitivement la fiche en double"))
        self.archive_choice.setChecked(True)
        layout.addWidget(self.archive_choice)
        layout.addWidget(self.erase_choice)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(_("&Fusionner"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Likely duplicates first: the same name.
        self.search.setText(self.first.full_name or self.first.name)
        if self.candidates.count() == 0:
            self.search.clear()
        self.search.setFocus()
        self.search.selectAll()

    def _fill(self, text: str) -> None:
        self.candidates.clear()
        for row in filter_rows(self.rows, Criteria(text=text, status="all"))[:200]:
            item = QListWidgetItem(_summary(row) + (" " + _("(archivée)") if row.archived else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.candidates.addItem(item)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
        self._update()

    def _other(self) -> RegisterRow | None:
        item = self.candidates.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == wanted), None)

    def _swap(self) -> None:
        self.keep_first = not self.keep_first
        self._update()

    def _update(self) -> None:
        other = self._other()
        self.merge_button.setEnabled(other is not None)
        self.swap.setEnabled(other is not None)
        if other is None:
            self.keep_label.setText(_("Choisissez l'autre fiche dans la liste."))
            return
        kept, duplicate = (self.first, other) if self.keep_first else (other, self.first)
        self.keep_label.setText(_("Fiche gardée : {kept}\nFiche en double : {duplicate}").format(
            kept=_summary(kept), duplicate=_summary(duplicate)))

    def merge(self) -> None:
        other = self._other()
        if other is None:
            return
        kept, duplicate = (self.first, other) if self.keep_first else (other, self.first)
        if self.erase_choice.isChecked() and not confirm(
            self, _("Fusionner et effacer"),
            _("La fiche en double « {name} » sera effacée définitivement après la fusion, ici puis sur les autres "
              "postes. Continuer ?").format(name=duplicate.name),
            _("Fusionner et effacer"), destructive=True,
        ):
            return
        try:
            members.merge_people(self.context.store, kept.id, duplicate.id, erase_duplicate=self.erase_choice.isChecked())
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.kept_id = kept.id
        self.accept()
