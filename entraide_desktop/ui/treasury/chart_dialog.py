"""« Catégories et comptes » : the chart of categories and the group's accounts, edited by the treasurer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data.errors import EntraideError
from ...data.treasury import chart, receipts
from ...data.treasury.money import cents_to_decimal, format_cents
from ...i18n import _
from ..context import AppContext
from ..forms import ErrorLabel, explanation, heading
from ..kit.buttons import add_error_and_buttons
from ..messages import confirm, show_error
from ..responsibilities.common import date_edit, from_qdate


class AccountDialog(QDialog):
    """A new account, or an account's name, kind and opening balance."""

    def __init__(self, context: AppContext, account: chart.Account | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.account = context, account
        self.setWindowTitle(_("Nouveau compte") if account is None else _("Modifier le compte"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        form = QFormLayout()
        self.name = QLineEdit(account.name if account else "")
        self.name.setAccessibleName(_("Nom du compte"))
        form.addRow(_("&Nom :"), self.name)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Type de compte"))
        for code, label in chart.ACCOUNT_KINDS.items():
            self.kind.addItem(_(label), code)
        self.kind.setCurrentIndex(max(self.kind.findData(account.kind if account else "bank"), 0))
        form.addRow(_("&Type :"), self.kind)
        self.opening = QLineEdit(f"{cents_to_decimal(account.opening_cents):.2f}".replace(".", ",") if account else "")
        self.opening.setAccessibleName(_("Solde d'ouverture en dollars"))
        form.addRow(_("&Solde d'ouverture ($) :"), self.opening)
        opening_on = dt.date.fromisoformat(account.opening_on) if account and account.opening_on else dt.date.today()
        self.opening_on = date_edit(_("Date du solde d'ouverture"), opening_on)
        form.addRow(_("&En date du :"), self.opening_on)
        layout.addLayout(form)
        layout.addWidget(explanation(_("Le solde d'ouverture est ce que le compte contenait ce jour-là, selon le "
                                       "relevé ; les écritures plus anciennes ne sont pas comptées dans le solde.")))
        self.error = add_error_and_buttons(self, layout, self.save)

    def save(self) -> None:
        try:
            chart.save_account(self.context.store, {
                "name": self.name.text(), "kind": self.kind.currentData(), "opening": self.opening.text(),
                "opening_on": from_qdate(self.opening_on.date())}, self.account.id if self.account else None)
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()


class ChartDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Catégories et comptes"))
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 72, metrics.lineSpacing() * 30)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(explanation(_("Renommez, ajoutez ou archivez les catégories et les comptes. Une catégorie "
                                       "archivée garde ses écritures et reste dans les états des années passées.")))
        lists = QHBoxLayout()
        self.categories = self._list(_("&Catégories :"), _("Catégories"), lists, (
            (_("Ajouter un &revenu…"), lambda: self.add_category(chart.INCOME)),
            (_("Ajouter une &dépense…"), lambda: self.add_category(chart.EXPENSE)),
            (_("Re&nommer…"), self.rename_category), (_("&Archiver"), self.archive_category)))
        self.accounts = self._list(_("C&omptes :"), _("Comptes"), lists, (
            (_("Nouveau com&pte…"), lambda: self.edit_account(None)), (_("&Modifier le compte…"), self.edit_selected_account)))
        layout.addLayout(lists, 1)
        layout.addWidget(self._charity_box())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("&Fermer"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def _charity_box(self) -> QGroupBox:
        """Whether the group may give official donation receipts, and what they say."""
        current = receipts.settings(self.context.store)
        box = QGroupBox(_("Reçus officiels de dons"))
        form = QFormLayout(box)
        self.charity = QCheckBox(_("Le groupe est un organisme de &bienfaisance enregistré"))
        self.charity.setChecked(current.registered_charity)
        form.addRow(self.charity)
        self.charity_number = QLineEdit(current.charity_number)
        self.charity_number.setAccessibleName(_("Numéro d'enregistrement"))
        self.charity_number.setPlaceholderText("123456789 RR 0001")
        form.addRow(_("N&uméro d'enregistrement :"), self.charity_number)
        self.signatory = QLineEdit(current.receipt_signatory)
        self.signatory.setAccessibleName(_("Personne qui signe les reçus"))
        form.addRow(_("Personne qui si&gne :"), self.signatory)
        self.place = QLineEdit(current.receipt_place)
        self.place.setAccessibleName(_("Lieu d'émission des reçus"))
        form.addRow(_("&Lieu d'émission :"), self.place)
        self.charity_error = ErrorLabel()
        form.addRow(self.charity_error)
        save = QPushButton(_("Enregistrer ces rense&ignements"))
        save.clicked.connect(self.save_charity)
        form.addRow(save)
        return box

    def save_charity(self) -> None:
        try:
            receipts.save_settings(self.context.store, registered_charity=self.charity.isChecked(),
                                   charity_number=self.charity_number.text(), receipt_signatory=self.signatory.text(),
                                   receipt_place=self.place.text())
        except EntraideError as error:
            self.charity_error.show_message(error.message)
            return
        self.charity_error.clear_message()

    def _list(self, label_text: str, name: str, parent: QHBoxLayout, actions) -> QListWidget:  # noqa: ANN001
        column = QVBoxLayout()
        widget = QListWidget()
        widget.setAccessibleName(name)
        label = QLabel(label_text)
        label.setBuddy(widget)
        column.addWidget(label)
        column.addWidget(widget, 1)
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            column.addWidget(button)
        parent.addLayout(column)
        return widget

    def refresh(self) -> None:
        store = self.context.store
        self.categories.clear()
        for category in chart.list_categories(store):
            item = QListWidgetItem(f"{category.name} ({category.kind_label.lower()})")
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            self.categories.addItem(item)
        self.accounts.clear()
        for account in chart.list_accounts(store):
            item = QListWidgetItem(_("{name} — {kind}, ouverture {amount}").format(
                name=account.name, kind=account.kind_label.lower(), amount=format_cents(account.opening_cents)))
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.accounts.addItem(item)

    def _run(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except EntraideError as error:
            show_error(self, error)
            return
        self.refresh()

    def add_category(self, kind: str) -> None:
        title = _("Nouvelle catégorie de revenus") if kind == chart.INCOME else _("Nouvelle catégorie de dépenses")
        name, ok = QInputDialog.getText(self, title, _("Nom de la catégorie :"))
        if ok:
            self._run(lambda: chart.save_category(self.context.store, {"name": name, "kind": kind}))

    def _category_id(self) -> str | None:
        item = self.categories.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def rename_category(self) -> None:
        category_id = self._category_id()
        if category_id is None:
            return
        current = chart.get_category(self.context.store, category_id)
        name, ok = QInputDialog.getText(self, _("Renommer la catégorie"), _("Nom de la catégorie :"), text=current.name)
        if ok:
            self._run(lambda: chart.save_category(self.context.store, {"name": name}, category_id))

    def archive_category(self) -> None:
        category_id = self._category_id()
        if category_id is None:
            return
        name = chart.get_category(self.context.store, category_id).name
        if confirm(self, _("Archiver la catégorie"), _("Archiver « {name} » ? Ses écritures la gardent ; elle "
                                                       "n'est plus offerte pour les nouvelles.").format(name=name),
                   _("&Archiver")):
            self._run(lambda: chart.archive_category(self.context.store, category_id))

    def edit_selected_account(self) -> None:
        item = self.accounts.currentItem()
        if item is not None:
            self.edit_account(chart.get_account(self.context.store, item.data(Qt.ItemDataRole.UserRole)))

    def edit_account(self, account: chart.Account | None) -> None:
        if AccountDialog(self.context, account, self).exec():
            self.refresh()
