"""The form of one journal entry: money in, money out, or a transfer between the group's accounts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...data.errors import EntraideError, ValidationError
from ...data.people import list_people
from ...data.treasury import chart, journal
from ...data.treasury.money import cents_to_decimal
from ...i18n import _
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_error_and_buttons
from ..meetings.common import PersonCombo
from ..responsibilities.common import date_edit, from_qdate, to_qdate

AREA = "treasury"


def _amount_text(cents: int) -> str:
    return f"{cents_to_decimal(cents):.2f}".replace(".", ",")


class EntryDialog(QDialog):
    """Create (``entry`` None, ``kind`` given) or change an entry; the kind decides which fields show."""

    def __init__(self, context: AppContext, *, kind: str = chart.INCOME, entry: journal.Entry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.entry = context, entry
        self.kind = entry.kind if entry else kind
        titles = {chart.INCOME: _("Entrée d'argent"), chart.EXPENSE: _("Sortie d'argent"),
                  journal.TRANSFER: _("Virement entre comptes")}
        title = titles[self.kind] if entry is None else _("Modifier : {kind}").format(kind=titles[self.kind].lower())
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        if self.kind == journal.TRANSFER:
            layout.addWidget(explanation(_("Un virement déplace de l'argent d'un compte du groupe à un autre (un dépôt "
                                           "de la petite caisse à la banque, par exemple) : ce n'est ni un revenu ni "
                                           "une dépense.")))
        form = QFormLayout()
        layout.addLayout(form)
        store = context.store
        self.on = date_edit(_("Date"), entry.on if entry else dt.date.today())
        form.addRow(_("&Date :"), self.on)
        self.amount = QLineEdit(_amount_text(entry.amount_cents) if entry else "")
        self.amount.setAccessibleName(_("Montant en dollars"))
        self.amount.setPlaceholderText(_("par exemple 25,00"))
        form.addRow(_("&Montant ($) :"), self.amount)
        accounts = chart.list_accounts(store)
        self.account = self._combo(_("Compte"), [(a.id, a.name) for a in accounts], entry.account_id if entry else "")
        form.addRow(_("Depuis le &compte :") if self.kind == journal.TRANSFER else _("&Compte :"), self.account)
        self.to_account = self._combo(_("Compte qui reçoit"), [(a.id, a.name) for a in accounts],
                                      entry.to_account_id if entry else "")
        self.category = self._combo(_("Catégorie"), [(c.id, c.name) for c in chart.list_categories(store, self.kind)]
                                    if self.kind != journal.TRANSFER else [], entry.category_id if entry else "")
        self.person = PersonCombo(_("Payé par ou à"), allow_free_text=True, empty_label="")
        self.person.set_people([(p.id, p.name) for p in list_people(store)])
        if entry:
            self.person.set_current(entry.person_id, entry.counterpart)
        self.method = self._combo(_("Mode de paiement"), [("", "—")] + [(k, _(v)) for k, v in journal.METHODS.items()],
                                  entry.method if entry else "")
        self.reference = QLineEdit(entry.reference if entry else "")
        self.reference.setAccessibleName(_("Numéro de chèque ou de reçu"))
        self.description = QLineEdit(entry.description if entry else "")
        self.description.setAccessibleName(_("Description"))
        self.note = QPlainTextEdit(entry.note if entry else "")
        self.note.setAccessibleName(_("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        if self.kind == journal.TRANSFER:
            form.addRow(_("&Vers le compte :"), self.to_account)
        else:
            form.addRow(_("Ca&tégorie :"), self.category)
            payer = _("&Reçu de :") if self.kind == chart.INCOME else _("&Payé à :")
            form.addRow(payer, self.person)
            form.addRow(_("Mode de &paiement :"), self.method)
            form.addRow(_("&Numéro de chèque ou de reçu :"), self.reference)
        form.addRow(_("D&escription :"), self.description)
        form.addRow(_("N&ote :"), self.note)
        self.error = add_error_and_buttons(self, layout, self.save)
        self.fields = {"on": self.on, "amount": self.amount, "account_id": self.account,
                       "to_account_id": self.to_account, "category_id": self.category, "person_id": self.person,
                       "method": self.method, "reference": self.reference, "description": self.description,
                       "note": self.note}
        self.amount.setFocus()

    @staticmethod
    def _combo(name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for value, label in items:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def values(self) -> dict[str, object]:
        person_id = self.person.person_id()
        return {
            "kind": self.kind, "on": from_qdate(self.on.date()), "amount": self.amount.text(),
            "account_id": self.account.currentData(), "to_account_id": self.to_account.currentData(),
            "category_id": self.category.currentData(), "person_id": person_id,
            "counterpart": "" if person_id else self.person.free_text(), "method": self.method.currentData(),
            "reference": self.reference.text(), "description": self.description.text(),
            "note": self.note.toPlainText(),
        }

    def save(self) -> None:
        store = self.context.store
        try:
            if self.entry is None:
                journal.record(store, self.values())
            else:
                values = self.values()
                values.pop("kind")
                journal.edit(store, self.entry.id, values)
        except ValidationError as error:
            self.error.show_message(error.message)
            widget = self.fields.get(error.field)
            if widget is not None:
                widget.setFocus()
            return
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()

    def set_date(self, on: dt.date) -> None:
        self.on.setDate(to_qdate(on))
