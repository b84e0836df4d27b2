"""The form of one proposal: text (« que … »), proposé par, appuyé par, outcome and votes.

Every change is saved through the data layer at once (choices) or shortly after typing (text);
a refused change shows why and puts the stored value back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...data import meetings as mt
from ...data.errors import EntraideError
from ...i18n import _, format_date
from ..context import AppContext
from ..flow_layout import FlowLayout
from .common import Autosaver, PersonCombo


def _count_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 100000)
    box.setSpecialValueText("—")
    box.setValue(-1)
    box.setAccessibleName(name)
    box.setAccessibleDescription(_("« — » : non compté"))
    return box


class ProposalForm(QWidget):
    changed = Signal()  # something was saved: the list of proposals must be redrawn
    error = Signal(str)

    def __init__(self, context: AppContext, autosaver: Autosaver) -> None:
        super().__init__()
        self.context = context
        self.autosaver = autosaver
        self.proposal: mt.Proposal | None = None
        self.locked = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)

        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(_("Texte de la proposition"))
        self.text.setPlaceholderText(_("Que … (par exemple : l'ordre du jour soit adopté tel que présenté)"))
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.text.textChanged.connect(self._text_edited)
        text_label = QLabel(_("Te&xte (« que … »)"))
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)

        people_row = QHBoxLayout()
        self.moved_by = PersonCombo(_("Proposé par"), empty_label=_("— à préciser —"))
        self.seconded_by = PersonCombo(_("Appuyé par"), empty_label=_("— à préciser —"))
        moved_label = QLabel(_("Proposé p&ar"))
        moved_label.setBuddy(self.moved_by)
        seconded_label = QLabel(_("Appu&yé par"))
        seconded_label.setBuddy(self.seconded_by)
        people_row.addWidget(self.moved_by, 1)
        form.addRow(moved_label, people_row)
        form.addRow(seconded_label, self.seconded_by)
        self.moved_by.activated.connect(lambda _i: self._save_people())
        self.seconded_by.activated.connect(lambda _i: self._save_people())

        outcome_row = FlowLayout()
        vote_row = FlowLayout()
        self.outcome = QComboBox()
        self.outcome.setMinimumContentsLength(16)
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outcome.setAccessibleName(_("Résultat"))
        self.outcome.addItem(_("Vote à venir"), "")
        for key, label in mt.OUTCOMES.items():
            self.outcome.addItem(_(label), key)
        self.outcome.activated.connect(lambda _i: self.save_outcome())
        outcome_label = QLabel(_("&Résultat"))
        outcome_label.setBuddy(self.outcome)
        outcome_row.addWidget(self.outcome)
        self.remove_button = QPushButton(_("Retirer la proposition"))
        self.remove_button.clicked.connect(self.remove)
        outcome_row.addWidget(self.remove_button)
        self.votes_for = _count_box(_("Votes pour"))
        self.votes_against = _count_box(_("Votes contre"))
        self.abstentions = _count_box(_("Abstentions"))
        for label, box in ((_("Po&ur"), self.votes_for), (_("&Contre"), self.votes_against),
                           (_("A&bstentions"), self.abstentions)):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            lab = QLabel(label)
            lab.setBuddy(box)
            pair_layout.addWidget(lab)
            pair_layout.addWidget(box)
            vote_row.addWidget(pair)
            box.editingFinished.connect(self._counts_edited)
        form.addRow(outcome_label, outcome_row)
        form.addRow(_("Votes comptés"), vote_row)

        adopts_row = QHBoxLayout()
        self.adopts = QComboBox()
        self.adopts.setAccessibleName(_("Procès-verbal adopté par cette proposition"))
        self.adopts.setToolTip(_("Le procès-verbal (PV) d'une réunion précédente que cette proposition adopte"))
        self.adopts.activated.connect(lambda _i: self._save_adopts())
        self.adopts_label = QLabel(_("Ado&pte le PV"))
        self.adopts_label.setBuddy(self.adopts)
        adopts_row.addWidget(self.adopts, 1)
        form.addRow(self.adopts_label, adopts_row)
        self.setEnabled(False)

    # -- loading ----------------------------------------------------------------------------
    def set_people(self, attendees: list[mt.Attendee]) -> None:
        """Voters present can move and second; others are listed, marked, so the choice is explained."""
        choices = [(a.person_id, a.name if a.voter else _("{name} (sans droit de vote)").format(name=a.name))
                   for a in attendees]
        self.moved_by.set_people(choices)
        self.seconded_by.set_people(choices)

    def set_meetings(self, choices: list[tuple[str, str]]) -> None:
        self.adopts.clear()
        self.adopts.addItem(_("— aucun —"), "")
        for mid, label in choices:
            self.adopts.addItem(label, mid)

    def load(self, proposal: mt.Proposal | None, locked: bool) -> None:
        self.proposal, self.locked = proposal, locked
        self.setEnabled(proposal is not None)
        for widget in (self.text,):
            widget.setReadOnly(locked)
        for widget in (self.moved_by, self.seconded_by, self.outcome, self.votes_for, self.votes_against,
                       self.abstentions, self.adopts, self.remove_button):
            widget.setEnabled(not locked)
        if proposal is None:  # nothing chosen: an empty form, not the previous proposal's values
            self.text.blockSignals(True)
            self.text.clear()
            self.text.blockSignals(False)
            self.moved_by.set_current("")
            self.seconded_by.set_current("")
            self.outcome.setCurrentIndex(0)
            for box in (self.votes_for, self.votes_against, self.abstentions):
                box.blockSignals(True)
                box.setValue(-1)
                box.blockSignals(False)
            self.adopts.setVisible(False)
            self.adopts_label.setVisible(False)
            return
        if self.text.toPlainText() != proposal.text or not self.text.hasFocus():
            self.text.blockSignals(True)
            self.text.setPlainText(proposal.text)
            self.text.blockSignals(False)
        self.moved_by.set_current(proposal.moved_by, label=proposal.mover)
        self.seconded_by.set_current(proposal.seconded_by, label=proposal.seconder)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(proposal.outcome)))
        for box, value in ((self.votes_for, proposal.votes_for), (self.votes_against, proposal.votes_against),
                           (self.abstentions, proposal.abstentions)):
            box.blockSignals(True)
            box.setValue(-1 if value is None else value)
            box.blockSignals(False)
        index = self.adopts.findData(proposal.adopts_meeting_id)
        if index < 0 and proposal.adopts_meeting_id:
            self.adopts.addItem(proposal.adopts_meeting_id, proposal.adopts_meeting_id)
            index = self.adopts.count() - 1
        self.adopts.setCurrentIndex(max(0, index))
        kind = mt.item_kind(mt.get_item(self.context.store, proposal.item_id).title) if proposal.item_id else ""
        shown = bool(proposal.adopts_meeting_id) or kind == "previous_minutes"
        self.adopts.setVisible(shown)
        self.adopts_label.setVisible(shown)

    def reload(self) -> None:
        if self.proposal is not None:
            try:
                self.load(mt.get_proposal(self.context.store, self.proposal.id), self.locked)
            except EntraideError:
                self.load(None, self.locked)

    # -- saving -----------------------------------------------------------------------------
    def _text_edited(self) -> None:
        if self.proposal is None or self.locked:
            return
        pid, text = self.proposal.id, self.text.toPlainText()

        def save() -> None:
            mt.update_proposal(self.context.store, pid, text=text)
            self.changed.emit()

        self.autosaver.schedule(("proposal", pid), save)

    def _apply(self, fn) -> bool:  # type: ignore[no-untyped-def]
        if self.proposal is None:
            return False
        ok = self.autosaver.run(fn)
        if ok:
            self.changed.emit()
        self.reload()
        return ok

    def _save_people(self) -> None:
        if self.proposal is None:
            return
        # Read the choices now: saving pending text first reloads the form.
        pid, mover, seconder = self.proposal.id, self.moved_by.person_id() or None, self.seconded_by.person_id() or None
        self._apply(lambda: mt.update_proposal(self.context.store, pid, moved_by=mover, seconded_by=seconder))

    def _counts(self) -> tuple[int | None, int | None, int | None]:
        def value(box: QSpinBox) -> int | None:
            return None if box.value() < 0 else box.value()

        return value(self.votes_for), value(self.votes_against), value(self.abstentions)

    def _counts_edited(self) -> None:
        if self.proposal is None or self.locked:
            return
        if self._counts() != (self.proposal.votes_for, self.proposal.votes_against, self.proposal.abstentions):
            self.save_outcome()

    def save_outcome(self, outcome: str | None = None, counts: tuple | None = None) -> bool:
        if self.proposal is None or self.locked:
            return False
        pid = self.proposal.id
        chosen = self.outcome.currentData() if outcome is None else outcome
        pour, contre, abst = counts if counts is not None else self._counts()
        return self._apply(lambda: mt.set_outcome(self.context.store, pid, chosen, pour, contre, abst))

    def _save_adopts(self) -> None:
        if self.proposal is None:
            return
        pid, target = self.proposal.id, self.adopts.currentData() or None
        self._apply(lambda: mt.update_proposal(self.context.store, pid, adopts_meeting_id=target))

    def remove(self) -> None:
        if self.proposal is None or self.locked:
            return
        pid = self.proposal.id
        if self.autosaver.run(lambda: mt.remove_proposal(self.context.store, pid)):
            self.proposal = None
            self.changed.emit()


def meeting_choice_label(summary: mt.MeetingSummary) -> str:
    return _("{type} du {date}").format(type=summary.type_name, date=format_date(summary.date))
