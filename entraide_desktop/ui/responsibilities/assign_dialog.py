"""Give a responsibility to a person: for a period, or for one activity of the calendar.

For a mandate, the form also asks the seat, how the person got it (élu·e à l'AGA, coopté·e par
le CA…) and when; the end of the term is filled from the mandate's length. If the person said
they are away then, or asked not to be proposed, the form says so and asks to confirm again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...data import calendar, people
from ...data.errors import EntraideError, ValidationError
from ...data.responsibilities import assignments, catalogue
from ...i18n import _, format_datetime
from ..context import AppContext
from ..forms import ErrorLabel, heading
from .common import date_edit, from_qdate, to_qdate
from ..style import style_role

OCCURRENCE_DAYS = 60


class AssignDialog(QDialog):
    """``saved_id`` holds the new assignment's id after « Confier »."""

    def __init__(self, context: AppContext, responsibility_id: str = "", parent: QWidget | None = None, *,
                 person_id: str = "", start: dt.date | None = None, seat: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id = ""
        self._confirmed_warnings: list[str] = []
        self._end_touched = False
        self.setWindowTitle(_("Confier une responsabilité"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 46)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        form = QFormLayout()

        self.responsibility = QComboBox()
        self.responsibility.setAccessibleName(_("Responsabilité"))
        self._catalogue = {r.id: r for r in catalogue.list_responsibilities(context.store)}
        for r in self._catalogue.values():
            self.responsibility.addItem(f"{r.title} — {r.kind_label.lower()}", r.id)
        self.responsibility.setCurrentIndex(max(self.responsibility.findData(responsibility_id), 0))
        form.addRow(_("&Responsabilité :"), self.responsibility)

        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setAccessibleName(_("Personne"))
        self.person.lineEdit().setPlaceholderText(_("Tapez un nom…"))
        for ref in people.list_people(context.store):
            self.person.addItem(ref.name, ref.id)
        completer = self.person.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCurrentIndex(self.person.findData(person_id) if person_id else -1)
        form.addRow(_("&Personne :"), self.person)

        when = QWidget()
        when_layout = QVBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        self.for_period = QRadioButton(_("Pour &une période"))
        self.for_occurrence = QRadioButton(_("Pour une &activité du calendrier"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.for_period)
        self.choice.addButton(self.for_occurrence)
        when_layout.addWidget(self.for_period)
        dates = QHBoxLayout()
        dates.setContentsMargins(24, 0, 0, 0)
        self.start = date_edit(_("Premier jour"), start)
        self.end = date_edit(_("Dernier jour"), start)
        dates.addWidget(QLabel(_("du")))
        dates.addWidget(self.start)
        dates.addWidget(QLabel(_("au")))
        dates.addWidget(self.end)
        self.open_ended = QCheckBox(_("Sans date de &fin"))
        self.open_ended.setAccessibleDescription(_("Pour un rôle tenu jusqu'à nouvel ordre"))
        dates.addWidget(self.open_ended)
        dates.addStretch(1)
        when_layout.addLayout(dates)
        when_layout.addWidget(self.for_occurrence)
        self.occurrence = QComboBox()
        self.occurrence.setAccessibleName(_("Activité du calendrier"))
        self._occurrences = self._load_occurrences()
        for occ in self._occurrences:
            self.occurrence.addItem(f"{format_datetime(occ.start, 'medium')} — {occ.title}", occ.key)
        occ_row = QHBoxLayout()
        occ_row.setContentsMargins(24, 0, 0, 0)
        occ_row.addWidget(self.occurrence, 1)
        when_layout.addLayout(occ_row)
        if not self._occurrences:
            self.for_occurrence.setEnabled(False)
            self.occurrence.setEnabled(False)
            self.for_occurrence.setToolTip(_("Aucune activité prévue dans le calendrier d'ici deux mois."))
        self.for_period.setChecked(True)
        form.addRow(_("Quand :"), when)

        self.seat = QComboBox()
        self.seat.setAccessibleName(_("Siège"))
        form.addRow(_("&Siège :"), self.seat)
        self.origin = QComboBox()
        self.origin.setAccessibleName(_("Comment la personne a obtenu ce mandat"))
        for code in ("elected", "coopted", "appointed"):
            self.origin.addItem(_(assignments.ORIGINS[code]), code)
        form.addRow(_("&Obtenu :"), self.origin)
        self.origin_on = date_edit(_("Date de l'AGA ou de la réunion"), start)
        form.addRow(_("Date de l'AGA ou de la réunio&n :"), self.origin_on)
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        form.addRow(_("No&te :"), self.note)
        self.form = form
        layout.addLayout(form)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        style_role(self.warning, "errorLabel")
        self.warning.hide()
        layout.addWidget(self.warning)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Confier"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.responsibility.currentIndexChanged.connect(self._responsibility_changed)
        self.start.dateChanged.connect(self._start_changed)
        self.end.dateChanged.connect(self._end_edited)
        self.open_ended.toggled.connect(self.end.setDisabled)
        self.choice.buttonToggled.connect(lambda *_a: self._update_enabled())
        for signal in (self.person.currentIndexChanged, self.start.dateChanged, self.end.dateChanged,
                       self.occurrence.currentIndexChanged, self.open_ended.toggled):
            signal.connect(lambda *_a: self._reset_warnings())
        self._responsibility_changed(initial_seat=seat)
        self.person.setFocus()

    # -- state -----------------------------------------------------------------------------------
    def _load_occurrences(self) -> list[calendar.OccurrenceView]:
        start = dt.datetime.combine(dt.date.today(), dt.time())
        return [o for o in calendar.upcoming(self.context.store, start, days=OCCURRENCE_DAYS) if o.key and not o.cancelled]

    def current(self) -> catalogue.Responsibility | None:
        return self._catalogue.get(self.responsibility.currentData())

    def _responsibility_changed(self, *_args: object, initial_seat: int | None = None) -> None:
        resp = self.current()
        mandate = bool(resp and resp.is_mandate)
        for widget in (self.seat, self.origin, self.origin_on):
            self.form.setRowVisible(widget, mandate)
        self.seat.clear()
        self.seat.addItem(_("Le premier siège libre"), None)
        for n in range(1, (resp.seats if resp else 1) + 1):
            self.seat.addItem(_("Siège {n}").format(n=n), n)
        if initial_seat:
            self.seat.setCurrentIndex(max(self.seat.findData(initial_seat), 0))
        self.open_ended.setVisible(not mandate)
        if mandate:
            self.open_ended.setChecked(False)
        self._end_touched = False
        self._start_changed()
        self._update_enabled()

    def _start_changed(self) -> None:
        if self._end_touched:
            return
        resp = self.current()
        start = from_qdate(self.start.date())
        end = assignments.default_end(start, resp.term_months) if resp and resp.is_mandate else start
        self.end.blockSignals(True)
        self.end.setDate(to_qdate(end))
        self.end.blockSignals(False)
        if resp and resp.is_mandate:
            self.origin_on.setDate(to_qdate(start))

    def _end_edited(self) -> None:
        self._end_touched = True

    def _update_enabled(self) -> None:
        period = self.for_period.isChecked()
        for widget in (self.start, self.end, self.open_ended):
            widget.setEnabled(period)
        if period and self.open_ended.isChecked():
            self.end.setEnabled(False)
        self.occurrence.setEnabled(not period and bool(self._occurrences))

    def person_id(self) -> str:
        """The chosen person (the typed name must match one of the register)."""
        text = self.person.currentText().strip()
        index = self.person.currentIndex()
        if index < 0 or self.person.itemText(index).casefold() != text.casefold():
            index = self.person.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.person.itemData(index) if index >= 0 and text else ""

    def draft(self) -> assignments.Draft:
        resp = self.current()
        mandate = bool(resp and resp.is_mandate)
        if self.for_occurrence.isChecked() and self.occurrence.currentIndex() >= 0:
            occ = self._occurrences[self.occurrence.currentIndex()]
            start, end, key = occ.start.date(), occ.start.date(), occ.key
        else:
            start = from_qdate(self.start.date())
            end = None if self.open_ended.isChecked() else from_qdate(self.end.date())
            key = ""
        return assignments.Draft(
            responsibility_id=resp.id if resp else "",
            person_id=self.person_id(),
            start_on=start,
            end_on=end,
            occurrence_key=key,
            seat=self.seat.currentData() if mandate else None,
            origin=self.origin.currentData() if mandate else "",
            origin_on=from_qdate(self.origin_on.date()) if mandate else None,
            note=self.note.text(),
        )

    def _reset_warnings(self) -> None:
        self._confirmed_warnings = []
        self.warning.hide()
        self.ok.setText(_("&Confier"))

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        self.error.clear_message()
        draft = self.draft()
        if not draft.person_id:
            self.error.show_message(_("Choisissez une personne du registre (tapez une partie de son nom)."))
            self.person.setFocus()
            return
        found = assignments.warnings(self.context.store, draft)
        if found and found != self._confirmed_warnings:
            self._confirmed_warnings = found
            self.warning.setText("⚠ " + " ".join(found) + " " + _("Vous pouvez tout de même confirmer."))
            self.warning.show()
            self.ok.setText(_("&Confier quand même"))
            return
        try:
            self.saved_id = assignments.assign(self.context.store, draft)
        except EntraideError as error:
            self.error.show_message(error.message)
            field = {"person": self.person, "start_on": self.start, "end_on": self.end, "seat": self.seat,
                     "origin": self.origin}.get(error.field if isinstance(error, ValidationError) else "")
            if field is not None and field.isEnabled():
                field.setFocus()
            return
        self.accept()
