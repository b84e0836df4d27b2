"""Two short forms: end a term or a role early, and record an absence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ...data.errors import EntraideError
from ...data.responsibilities import assignments, availability
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from .common import date_edit, from_qdate


class _ShortForm(QDialog):
    def __init__(self, context: AppContext, title: str, text: str, action: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(heading(title))
        self.layout_.addWidget(explanation(text))
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class EndDialog(_ShortForm):
    """End an assignment (a resignation, a move): the history keeps it with its end date."""

    def __init__(self, context: AppContext, assignment: assignments.Assignment, parent: QWidget | None = None) -> None:
        super().__init__(
            context, _("Terminer : {title}").format(title=assignment.title),
            _("{name} tient « {title} » {period}. Choisissez le dernier jour ; l'historique le gardera.").format(
                name=assignment.person_name, title=assignment.title, period=assignment.period_text()),
            _("&Terminer"), parent)
        self.assignment = assignment
        default = min(dt.date.today(), assignment.end_on) if assignment.end_on else dt.date.today()
        self.end = date_edit(_("Dernier jour"), max(default, assignment.start_on))
        self.form.addRow(_("&Dernier jour :"), self.end)
        self.note = QLineEdit(assignment.note)
        self.note.setAccessibleName(_("Raison ou note"))
        self.note.setPlaceholderText(_("Par exemple : démission, déménagement"))
        self.form.addRow(_("&Note :"), self.note)
        self.finish_layout()

    def save(self) -> None:
        self.run(lambda: assignments.end_assignment(self.context.store, self.assignment.id, from_qdate(self.end.date()),
                                                    self.note.text()))


class AbsenceDialog(_ShortForm):
    """Record that a person is away or takes a pause: the rotation will not propose them then."""

    def __init__(self, context: AppContext, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            context, _("Absence de {name}").format(name=name),
            _("Pendant cette période, Entraide ne proposera pas {name} pour les tâches. Inutile d'en donner la "
              "raison ; si vous en notez une, restez bref (jamais d'information de santé).").format(name=name),
            _("&Enregistrer"), parent)
        self.person_id = person_id
        self.start = date_edit(_("Premier jour de l'absence"))
        self.end = date_edit(_("Dernier jour de l'absence"), dt.date.today() + dt.timedelta(days=7))
        self.form.addRow(_("&Du :"), self.start)
        self.form.addRow(_("&Au :"), self.end)
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("Par exemple : vacances"))
        self.form.addRow(_("&Note :"), self.note)
        self.finish_layout()

    def save(self) -> None:
        self.run(lambda: availability.add_unavailability(
            self.context.store, self.person_id, from_qdate(self.start.date()), from_qdate(self.end.date()),
            self.note.text()))
