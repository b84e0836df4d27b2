"""Rotation help: Entraide proposes who could take a task next; the secretary confirms or picks another."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.errors import EntraideError
from ...data.responsibilities import assignments, rotation
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from .common import date_edit, from_qdate, groups_text, section

SHOWN = 6


class SuggestDialog(QDialog):
    """Shows the suggestion and a few others; « Confirmer » gives the task to the selected person."""

    def __init__(self, context: AppContext, responsibility_id: str, parent: QWidget | None = None,
                 day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.responsibility_id = responsibility_id
        self.saved_id = ""
        self.result_: rotation.RotationResult | None = None
        day = day or dt.date.today()
        self.setWindowTitle(_("Proposer la prochaine personne"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 50)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)

        dates = QHBoxLayout()
        self.start = date_edit(_("Premier jour"), day)
        self.end = date_edit(_("Dernier jour"), day)
        label = QLabel(_("&Pour le"))
        label.setBuddy(self.start)
        dates.addWidget(label)
        dates.addWidget(self.start)
        dates.addWidget(QLabel(_("au")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        layout.addLayout(dates)

        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setObjectName("proposal")
        self.proposal.setAccessibleName(_("Personne proposée"))
        self.proposal.setTextFormat(Qt.TextFormat.RichText)
        self.proposal.setStyleSheet(f"font-size: {self.font().pointSizeF() * 1.15:.1f}pt; padding: 4px 0;")
        layout.addWidget(self.proposal)
        self.others = QListWidget()
        self.others.setAccessibleName(_("Personnes possibles, dans l'ordre de la rotation"))
        self.others.setWordWrap(True)
        layout.addWidget(section(_("Personnes poss&ibles, dans l'ordre de la rotation"), self.others))
        layout.addWidget(self.others, 1)
        self.left_out = explanation("")
        layout.addWidget(self.left_out)
        rule = explanation(_(rotation.RULE))
        rule.setAccessibleName(_("Comment Entraide choisit"))
        layout.addWidget(rule)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.start.dateChanged.connect(self._start_changed)
        self.end.dateChanged.connect(lambda *_a: self.refresh())
        self.others.currentItemChanged.connect(lambda *_a: self._selection_changed())
        self.others.itemActivated.connect(lambda *_a: self.confirm())
        self.refresh()
        self.others.setFocus()

    def _start_changed(self) -> None:
        if self.end.date() < self.start.date():
            self.end.setDate(self.start.date())
        self.refresh()

    def refresh(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        self.result_ = result = rotation.suggest(self.context.store, self.responsibility_id, start, max(end, start),
                                                 limit=SHOWN)
        self.title.setText(_("Qui pourrait prendre « {title} » ?").format(title=result.responsibility.title))
        self.others.clear()
        for s in result.suggestions:
            item = QListWidgetItem(f"{s.name} ({groups_text(s.groups)}) — {s.reason()}")
            item.setData(Qt.ItemDataRole.UserRole, s.person_id)
            self.others.addItem(item)
        first = result.first
        if first is None:
            self.proposal.setText(_("Personne ne peut être proposé·e pour ces dates."))
        else:
            self.proposal.setText(_("Proposition : <b>{name}</b><br/>{reason}").format(
                name=first.name, reason=first.reason()))
            self.others.setCurrentRow(0)
        self.left_out.setText(result.left_out_text())
        self.left_out.setVisible(bool(result.left_out_text()))
        self._selection_changed()

    def selected(self) -> rotation.Suggestion | None:
        if self.result_ is None or self.others.currentRow() < 0:
            return None
        row = self.others.currentRow()
        return self.result_.suggestions[row] if row < len(self.result_.suggestions) else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.confirm_button.setEnabled(chosen is not None)
        self.confirm_button.setText(_("&Confirmer : confier à {name}").format(name=chosen.name) if chosen
                                    else _("&Confirmer"))

    def confirm(self) -> None:
        chosen = self.selected()
        if chosen is None or self.result_ is None:
            return
        draft = assignments.Draft(self.responsibility_id, chosen.person_id, self.result_.start, self.result_.end)
        try:
            self.saved_id = assignments.assign(self.context.store, draft)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()
