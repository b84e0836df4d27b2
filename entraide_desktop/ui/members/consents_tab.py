"""The consents of a person, one per use: given on a date, withdrawn on a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...data.errors import ValidationError
from ...data.members.consents import ConsentState
from ...data.people import CONSENT_PURPOSES
from ...i18n import _
from ..forms import explanation
from .widgets import DateField


class _ConsentRow:
    def __init__(self, purpose: str, state: ConsentState, today: dt.date) -> None:
        self.purpose = purpose
        self.state = state
        self.today = today
        self.was_active = state.active(today)
        label = _(CONSENT_PURPOSES[purpose])
        self.check = QCheckBox(label)
        self.check.setAccessibleName(_("Consentement : {label}").format(label=label))
        self.check.setChecked(self.was_active)
        self.date_label = QLabel()
        self.date = DateField(_("Date pour « {label} »").format(label=label))
        self.date_label.setBuddy(self.date)
        self.status = QLabel(state.describe(today))
        self.status.setWordWrap(True)
        if self.was_active and state.granted_on not in (None, dt.date.min):
            self.date.set_date(state.granted_on)
        self.check.toggled.connect(self._toggled)
        self._toggled(self.check.isChecked(), initial=True)

    def _toggled(self, checked: bool, initial: bool = False) -> None:
        if checked:
            self.date_label.setText(_("Donné le :"))
            if not initial and not self.was_active:
                self.date.set_date(self.today)
            elif not initial:
                self.date.set_date(self.state.granted_on if self.state.granted_on != dt.date.min else None)
        elif self.was_active:
            self.date_label.setText(_("Retiré le :"))
            self.date.set_date(self.today)
        else:
            self.date_label.setText(_("Date :"))
            self.date.set_date(None)
        self.date.setEnabled(checked or self.was_active)

    def change(self) -> tuple[bool, dt.date | None] | None:
        """(given, date) when something changed, else None; ValidationError for a wrong date."""
        checked = self.check.isChecked()
        if not checked and not self.was_active:
            return None
        try:
            on = self.date.date() or self.today
        except ValidationError as error:
            raise ValidationError(error.message, self.purpose) from None
        if checked and self.was_active and on == self.state.granted_on:
            return None
        return checked, on


class ConsentsTab(QWidget):
    def __init__(self, states: dict[str, ConsentState], today: dt.date | None = None) -> None:
        super().__init__()
        today = today or dt.date.today()
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_(
            "Chaque consentement vaut pour un usage précis et peut être retiré en tout temps. Le retrait est "
            "daté et conservé dans l'historique : rien n'est effacé. Cochez seulement ce que la personne a "
            "accepté elle-même."
        )))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        self.rows: dict[str, _ConsentRow] = {}
        for number, purpose in enumerate(CONSENT_PURPOSES):
            row = _ConsentRow(purpose, states.get(purpose) or ConsentState(purpose), today)
            self.rows[purpose] = row
            grid.addWidget(row.check, number, 0)
            grid.addWidget(row.date_label, number, 1)
            grid.addWidget(row.date, number, 2)
            grid.addWidget(row.status, number, 3)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def changes(self) -> dict[str, tuple[bool, dt.date | None]]:
        found = {}
        for purpose, row in self.rows.items():
            change = row.change()
            if change is not None:
                found[purpose] = change
        return found

    def widget_for(self, field: str) -> QWidget | None:
        row = self.rows.get(field)
        return row.date if row else None
