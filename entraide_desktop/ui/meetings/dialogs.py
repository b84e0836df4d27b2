"""Dialogs of the meetings screens: meeting details, vote, follow-up, erratum."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import meetings as mt
from ...data import people
from ...data.errors import EntraideError, ValidationError
from ...i18n import _, format_date, format_number, format_time
from ..context import AppContext
from ..forms import ErrorLabel, heading
from ..kit.dates import date_edit
from .common import PersonCombo
from ..style import style_role


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _time_text(value: dt.time | None) -> str:
    """The time as the language writes it, when it reads back (« 19 h 30 »); otherwise ``19:30``."""
    if value is None:
        return ""
    text = format_time(value)
    try:
        mt.parse_time(text)
    except ValidationError:
        return value.strftime("%H:%M")
    return text


def _people_choices(context: AppContext) -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in people.list_people(context.store)]


class MeetingDialog(QDialog):
    """Create a meeting or change its details (type, date, place, chair, secretary, notice)."""

    def __init__(self, context: AppContext, meeting: mt.Meeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting = meeting
        self.meeting_id = meeting.id if meeting else ""
        self.setWindowTitle(_("Nouvelle réunion") if meeting is None else _("Détails de la réunion"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.type = QComboBox()
        self.type.setAccessibleName(_("Type de réunion"))
        for kind in mt.list_types(context.store):
            self.type.addItem(kind.name, kind.id)
        if meeting is not None and self.type.findData(meeting.type.id) < 0:
            self.type.addItem(meeting.type.name, meeting.type.id)
        self.date = date_edit(_("Date de la réunion"), meeting.date if meeting else None)
        self.start = QLineEdit(_time_text(meeting.start_time) if meeting else "")
        self.start.setPlaceholderText(_("19 h 00"))
        self.start.setAccessibleName(_("Heure du début"))
        self.end = QLineEdit(_time_text(meeting.end_time) if meeting else "")
        self.end.setPlaceholderText(_("levée de la séance, par exemple 21 h 15"))
        self.end.setAccessibleName(_("Heure de la levée"))
        self.place = QLineEdit(meeting.place if meeting else "")
        self.place.setAccessibleName(_("Lieu"))
        choices = _people_choices(context)
        self.chair = PersonCombo(_("Présidence"), allow_free_text=True)
        self.chair.set_people(choices)
        self.secretary = PersonCombo(_("Secrétariat"), allow_free_text=True)
        self.secretary.set_people(choices)
        if meeting is not None:
            self.chair.set_current(meeting.chair_id, meeting.chair, meeting.chair)
            self.secretary.set_current(meeting.secretary_id, meeting.secretary, meeting.secretary)
        self.notice_sent = QCheckBox(_("Avis de convocation envoyé le"))
        self.notice_date = date_edit(_("Date de l'avis de convocation"),
                                      meeting.notice_date if meeting and meeting.notice_date else None)
        self.notice_sent.setChecked(bool(meeting and meeting.notice_date))
        self.notice_date.setEnabled(self.notice_sent.isChecked())
        self.notice_sent.toggled.connect(self.notice_date.setEnabled)
        self.notice_text = QPlainTextEdit(meeting.notice_text if meeting else "")
        self.notice_text.setAccessibleName(_("Texte de l'avis de convocation"))
        self.notice_text.setTabChangesFocus(True)
        self.notice_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.template = QCheckBox(_("Remplir l'ordre du jour avec l'ordre du jour habituel de ce type de réunion"))
        self.template.setChecked(True)
        for label, widget in ((_("&Type"), self.type), (_("&Date"), self.date), (_("&Début"), self.start),
                              (_("&Levée"), self.end), (_("Li&eu"), self.place), (_("&Présidence"), self.chair),
                              (_("&Secrétariat"), self.secretary)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_sent)
        notice_row.addWidget(self.notice_date)
        notice_row.addStretch(1)
        form.addRow(_("Avis de convocation"), notice_row)
        notice_label = QLabel(_("Te&xte de l'avis"))
        notice_label.setBuddy(self.notice_text)
        form.addRow(notice_label, self.notice_text)
        layout.addLayout(form)
        hint = QLabel(_("Présidence et secrétariat : choisissez une personne du registre ou écrivez le nom "
                        "d'une personne invitée."))
        style_role(hint, "explanation")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        if meeting is None:
            layout.addWidget(self.template)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Créer la réunion") if meeting is None else _("Enregistrer")))
        self.resize(self.fontMetrics().horizontalAdvance("M") * 46, self.sizeHint().height())

    def values(self) -> dict:
        date = self.date.date().toPython()
        return {
            "date": date,
            "start_time": self.start.text().strip() or None,
            "end_time": self.end.text().strip() or None,
            "place": self.place.text(),
            "chair_id": self.chair.person_id() or None,
            "chair_name": self.chair.free_text() or None,
            "secretary_id": self.secretary.person_id() or None,
            "secretary_name": self.secretary.free_text() or None,
            "notice_date": self.notice_date.date().toPython() if self.notice_sent.isChecked() else None,
            "notice_text": self.notice_text.toPlainText(),
        }

    def accept(self) -> None:
        store = self.context.store
        try:
            values = self.values()
            if self.meeting is None:
                self.meeting_id = mt.create_meeting(store, self.type.currentData(), values.pop("date"),
                                                    use_template=self.template.isChecked(), **values)
            else:
                mt.update_meeting(store, self.meeting.id, type_id=self.type.currentData(), **values)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        super().accept()


class VoteDialog(QDialog):
    """Ctrl+D: choose the outcome by its letter, then the counts (optional)."""

    def __init__(self, proposal: mt.Proposal, voters: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Vote — proposition {ref}").format(ref=proposal.reference))
        self.voters = voters
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Résultat de la proposition {ref}").format(ref=proposal.reference)))
        info = QLabel(_("Personnes votantes présentes : {n}. Laissez les nombres à « — » si le vote n'a pas été "
                        "compté.").format(n=format_number(voters)))
        info.setWordWrap(True)
        layout.addWidget(info)
        self.group = QButtonGroup(self)
        labels = {"unanimous": _("Adoptée à l'&unanimité"), "majority": _("Adoptée à la &majorité"),
                  "consensus": _("Adoptée par &consensus"), "rejected": _("&Rejetée"), "withdrawn": _("R&etirée"),
                  "postponed": _("Re&portée"), "": _("&Vote à venir")}
        self.buttons: dict[str, QRadioButton] = {}
        for key, label in labels.items():
            button = QRadioButton(label)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons[proposal.outcome if proposal.outcome in labels else "unanimous"].setChecked(True)
        if not proposal.outcome:
            self.buttons["unanimous"].setChecked(True)
        counts = QHBoxLayout()
        self.boxes = []
        for label, value in ((_("P&our"), proposal.votes_for), (_("&Contre"), proposal.votes_against),
                             (_("A&bstentions"), proposal.abstentions)):
            box = QSpinBox()
            box.setRange(-1, 100000)
            box.setSpecialValueText("—")
            box.setValue(-1 if value is None else value)
            box.setAccessibleName(label.replace("&", ""))
            lab = QLabel(label)
            lab.setBuddy(box)
            counts.addWidget(lab)
            counts.addWidget(box)
            self.boxes.append(box)
        counts.addStretch(1)
        layout.addLayout(counts)
        layout.addWidget(_buttons(self, _("Inscrire le résultat")))

    def outcome(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def counts(self) -> tuple[int | None, int | None, int | None]:
        values = [None if b.value() < 0 else b.value() for b in self.boxes]
        return values[0], values[1], values[2]


class FollowUpDialog(QDialog):
    """Ctrl+T: what is to be done, by whom, by when."""

    def __init__(self, context: AppContext, meeting_id: str, item_id: str | None, proposal_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting_id, self.item_id, self.proposal_id = context, meeting_id, item_id, proposal_id
        self.setWindowTitle(_("Nouveau suivi"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Suivi décidé à la réunion")))
        form = QFormLayout()
        self.text = QLineEdit()
        self.text.setAccessibleName(_("À faire"))
        self.who = PersonCombo(_("Qui s'en occupe"), allow_free_text=False, empty_label=_("— personne désignée —"))
        self.who.set_people(_people_choices(context))
        self.has_due = QCheckBox(_("D'ici le"))
        self.has_due.setChecked(True)
        self.due = date_edit(_("Échéance"), dt.date.today() + dt.timedelta(days=30))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        for label, widget in ((_("&À faire"), self.text), (_("&Qui"), self.who)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow(_("Échéance"), due_row)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Ajouter le suivi")))
        self.resize(self.fontMetrics().horizontalAdvance("M") * 40, self.sizeHint().height())

    def accept(self) -> None:
        try:
            mt.add_followup(self.context.store, self.meeting_id, self.text.text(),
                            person_id=self.who.person_id() or None,
                            due=self.due.date().toPython() if self.has_due.isChecked() else None,
                            item_id=self.item_id, proposal_id=self.proposal_id)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        super().accept()


class ErratumDialog(QDialog):
    """A visible correction of adopted minutes, with the later proposal that adopted it."""

    def __init__(self, context: AppContext, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.setWindowTitle(_("Nouvel erratum"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Erratum au procès-verbal adopté")))
        explanation = QLabel(_("Un procès-verbal adopté ne se modifie pas : la correction est ajoutée, datée, avec la "
                               "proposition d'une réunion suivante qui l'a adoptée."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(_("Correction"))
        self.item = QComboBox()
        self.item.setAccessibleName(_("Point corrigé"))
        self.item.addItem(_("— l'ensemble du procès-verbal —"), "")
        for item in mt.items(context.store, meeting_id):
            self.item.addItem(f"{item.number}. {item.title}", item.id)
        self.proposal = QComboBox()
        self.proposal.setAccessibleName(_("Proposition qui adopte l'erratum"))
        for p in mt.erratum_proposals(context.store, meeting_id):
            self.proposal.addItem(f"{p.reference} — {format_date(p.meeting_date, 'medium')} — {p.text[:60]}", p.id)
        for label, widget in ((_("&Correction"), self.text), (_("&Point"), self.item),
                              (_("Adoptée par la &proposition"), self.proposal)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        if self.proposal.count() == 0:
            self.error.show_message(_("Aucune proposition adoptée par une réunion suivante : l'erratum doit d'abord "
                                      "être adopté en réunion."))
        layout.addWidget(_buttons(self, _("Ajouter l'erratum")))
        self.resize(self.fontMetrics().horizontalAdvance("M") * 50, self.sizeHint().height())

    def accept(self) -> None:
        try:
            if not self.proposal.currentData():
                raise ValidationError(_("Choisissez la proposition qui a adopté cette correction."))
            mt.add_erratum(self.context.store, self.meeting_id, self.text.toPlainText(), self.proposal.currentData(),
                           self.item.currentData() or None)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        super().accept()

