"""« Rapprochement bancaire »: import the bank's statement, see what matches and what does not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from ...data.errors import EntraideError
from ...data.treasury import chart, reconcile
from ...data.treasury.money import format_signed_cents
from ...data.treasury.statement_file import read_statement
from ...i18n import _, format_date, ngettext
from ..context import AppContext
from ..forms import explanation, heading
from ..kit.buttons import add_error_and_buttons
from ..messages import inform, show_error
from ..tasks import run_with_progress


class LineEntryDialog(QDialog):
    """Write the entry a statement line shows (bank fees, an automatic deposit) in one step."""

    def __init__(self, context: AppContext, line: reconcile.StoredLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.line = context, line
        self.setWindowTitle(_("Créer l'écriture de cette ligne"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(explanation(_("{date} — {what} — {amount}").format(
            date=format_date(line.on), what=line.description, amount=format_signed_cents(line.amount_cents))))
        kind = chart.INCOME if line.amount_cents > 0 else chart.EXPENSE
        form = QFormLayout()
        self.category = QComboBox()
        self.category.setAccessibleName(_("Catégorie"))
        for category in chart.list_categories(context.store, kind):
            self.category.addItem(category.name, category.id)
        fees = self.category.findData(chart.starting_id(chart.CATEGORIES, "bank_fees"))
        if kind == chart.EXPENSE and fees >= 0:
            self.category.setCurrentIndex(fees)
        form.addRow(_("Ca&tégorie :"), self.category)
        layout.addLayout(form)
        self.error = add_error_and_buttons(self, layout, self.save, _("&Créer l'écriture"))

    def save(self) -> None:
        try:
            reconcile.create_entry_for_line(self.context.store, self.line.id, {"category_id": self.category.currentData()})
        except EntraideError as error:
            self.error.show_message(error.message)
            return
        self.accept()


class BankTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_(
            "Importez le relevé du compte en CSV (dans AccèsD : « Relevés et documents », puis exporter en CSV). "
            "Chaque ligne est rapprochée d'une écriture du même montant, à quelques jours près (un chèque, par son "
            "numéro). Importer deux fois le même relevé n'ajoute rien.")))
        bar = QHBoxLayout()
        self.account = QComboBox()
        self.account.setAccessibleName(_("Compte du relevé"))
        label = QLabel(_("&Compte :"))
        label.setBuddy(self.account)
        bar.addWidget(label)
        bar.addWidget(self.account)
        self.import_button = QPushButton(_("&Importer un relevé (CSV)…"))
        self.import_button.clicked.connect(self.import_statement)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        lines_label = QLabel(_("&Lignes du relevé sans écriture :"))
        self.lines = QListWidget()
        self.lines.setAccessibleName(_("Lignes du relevé sans écriture"))
        lines_label.setBuddy(self.lines)
        self.lines.itemActivated.connect(lambda _item: self.create_entry())
        layout.addWidget(lines_label)
        layout.addWidget(self.lines, 2)
        create = QPushButton(_("&Créer l'écriture de la ligne choisie…"))
        create.clicked.connect(self.create_entry)
        layout.addWidget(create, 0, Qt.AlignmentFlag.AlignLeft)
        entries_label = QLabel(_("Écritures que la banque n'a &pas encore vues :"))
        self.entries = QListWidget()
        self.entries.setAccessibleName(_("Écritures que la banque n'a pas encore vues"))
        entries_label.setBuddy(self.entries)
        layout.addWidget(entries_label)
        layout.addWidget(self.entries, 1)
        self.account.currentIndexChanged.connect(lambda _i: self.refresh())

    def _account_id(self) -> str:
        return str(self.account.currentData() or "")

    def refresh(self) -> None:
        store = self.context.store
        if self.account.count() == 0:
            self.account.blockSignals(True)
            for account in chart.list_accounts(store):
                if account.kind != "cash":
                    self.account.addItem(account.name, account.id)
            self.account.blockSignals(False)
        self.lines.clear()
        self.entries.clear()
        if not self._account_id():
            self.summary.setText(_("Ajoutez d'abord un compte bancaire."))
            return
        left = reconcile.unreconciled(store, self._account_id())
        every = reconcile.lines(store, self._account_id())
        for line in left.lines:
            item = QListWidgetItem(_("{date} — {what} — {amount}").format(
                date=format_date(line.on, "medium"), what=line.description, amount=format_signed_cents(line.amount_cents)))
            item.setData(Qt.ItemDataRole.UserRole, line)
            self.lines.addItem(item)
        for entry in left.entries:
            self.entries.addItem(_("{date} — {what} — {amount}").format(
                date=format_date(entry.on, "medium"), what=entry.description or entry.kind_label,
                amount=format_signed_cents(entry.signed_cents(self._account_id()))))
        if not every:
            self.summary.setText(_("Aucun relevé importé pour ce compte."))
        else:
            self.summary.setText(_("{lines} ; {unmatched} ; {unseen}.").format(
                lines=ngettext("{n} ligne de relevé importée", "{n} lignes de relevé importées", len(every)).format(
                    n=len(every)),
                unmatched=ngettext("{n} sans écriture", "{n} sans écriture", len(left.lines)).format(n=len(left.lines)),
                unseen=ngettext("{n} écriture pas encore vue par la banque", "{n} écritures pas encore vues par la banque",
                                len(left.entries)).format(n=len(left.entries))))

    def import_statement(self) -> None:
        if not self._account_id():
            return
        name, _filter = QFileDialog.getOpenFileName(self, _("Importer un relevé bancaire"), str(Path.home()),
                                                    _("Relevé CSV (*.csv *.txt);;Tous les fichiers (*)"))
        if not name:
            return
        account_id = self._account_id()

        def job(_progress: object) -> reconcile.ImportResult:
            statement = read_statement(name)
            store = self.context.store.clone()
            try:
                return reconcile.import_statement(store, account_id, statement)
            finally:
                store.close()

        def done(result: reconcile.ImportResult) -> None:
            text = result.describe()
            if result.problems:
                text += "\n\n" + "\n".join(reason for _line, reason in result.problems[:20])
            inform(self, _("Relevé importé"), text)

        run_with_progress(self, _("Importation du relevé…"), job, done, lambda error: show_error(self, error),
                          cancellable=False)

    def create_entry(self) -> None:
        item = self.lines.currentItem()
        if item is None:
            return
        LineEntryDialog(self.context, item.data(Qt.ItemDataRole.UserRole), self).exec()
