"""The proposals and follow-ups half of the minutes editor (a mixin of ``MinutesEditor``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidgetItem

from ...data import meetings as mt
from ...data.errors import EntraideError
from ...data.meetings.wording import due_text, outcome_sentence, proposal_sentence
from ...i18n import _
from .dialogs import FollowUpDialog, VoteDialog

if TYPE_CHECKING:
    from .editor import MinutesEditor as _Base
else:
    _Base = object


class ProposalActions(_Base):
    """Ctrl+P, Ctrl+Maj+A, Ctrl+Maj+U, Ctrl+D, Ctrl+T and the lists they fill."""

    def reload_proposals(self, chosen: str | None = None) -> None:
        current = chosen or (self.form.proposal.id if self.form.proposal else "")
        item_id = self.current_item_id()
        self._proposals = [p for p in mt.proposals(self.context.store, self.meeting_id) if p.item_id == item_id]
        refs = {p.id: p.reference for p in self._proposals}
        self.proposal_list.blockSignals(True)
        self.proposal_list.clear()
        row = -1
        for n, p in enumerate(self._proposals):
            indent = "    ↳ " * p.depth
            sentence = proposal_sentence(p, refs.get(p.parent_id, ""))
            entry = QListWidgetItem(f"{indent}{p.reference} — {sentence} {outcome_sentence(p)}")
            entry.setData(Qt.ItemDataRole.UserRole, p.id)
            self.proposal_list.addItem(entry)
            if p.id == current:
                row = n
        if row < 0 and self._proposals:
            row = len(self._proposals) - 1
        self.proposal_list.setCurrentRow(row)
        self.proposal_list.blockSignals(False)
        self._proposal_chosen(row)

    def _proposal_chosen(self, row: int) -> None:
        proposal = self._proposals[row] if 0 <= row < len(self._proposals) else None
        self.form.load(proposal, self.locked)

    def reload_followups(self) -> None:
        self.followup_list.clear()
        item_id = self.current_item_id()
        for f in mt.followups(self.context.store, self.meeting_id):
            if f.item_id == item_id:
                who = f" — {f.who}" if f.who else ""
                state = _(" (fait)") if f.done else ""
                self.followup_list.addItem(f"{f.text}{who}, {due_text(f.due)}{state}")

    def _focus_proposal_text(self) -> None:
        self.form.text.setFocus()
        self.form.text.moveCursor(QTextCursor.MoveOperation.End)

    def new_proposal(self) -> None:
        item_id = self.current_item_id()
        if self.locked or not item_id:
            return
        text, adopts = mt.suggested_proposal(self.context.store, item_id)
        new_id: list[str] = []

        def add() -> None:
            try:
                new_id.append(mt.add_proposal(self.context.store, item_id, text, adopts_meeting_id=adopts))
            except EntraideError:
                new_id.append(mt.add_proposal(self.context.store, item_id, text))

        if self.autosaver.run(add):
            self.reload_proposals(chosen=new_id[0])
            self._focus_proposal_text()
            self.changed.emit()

    def amend(self) -> None:
        parent = self.form.proposal
        if self.locked or parent is None:
            return
        new_id: list[str] = []
        if self.autosaver.run(lambda: new_id.append(mt.add_proposal(self.context.store, parent.item_id,
                                                                     parent_id=parent.id))):
            self.reload_proposals(chosen=new_id[0])
            self._focus_proposal_text()
            self.changed.emit()

    def unanimous(self) -> None:
        if not self.locked and self.form.proposal is not None:
            self.form.save_outcome("unanimous", (None, None, None))

    def vote(self) -> None:
        proposal = self.form.proposal
        if self.locked or proposal is None or not self.autosaver.flush():
            return
        proposal = self.form.proposal
        if proposal is None:
            return

        dialog = VoteDialog(proposal, mt.quorum(self.context.store, self.meeting_id).voters_present, self)
        if dialog.exec():
            self.form.save_outcome(dialog.outcome(), dialog.counts())

    def add_followup(self) -> None:
        item_id = self.current_item_id()
        if self.locked or not item_id or not self.autosaver.flush():
            return

        dialog = FollowUpDialog(self.context, self.meeting_id, item_id,
                                self.form.proposal.id if self.form.proposal else None, self)
        if dialog.exec():
            self.reload_followups()
            self.changed.emit()

